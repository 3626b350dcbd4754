"""Shared fixtures: real things in temporary folders, Qt offscreen, a manual clock.

One factory per kind of thing (``make_service`` for kiosk services); the
fixtures for one test folder build on it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.clock import ManualClock
from kiosk.content import Content, load_content
from kiosk.crypto import new_key_pair, write_identity_file
from kiosk.paths import default_content_path
from kiosk.service import KioskService
from kiosk.store import Store
from tests.factories import ExportingKiosk, MakeKiosk, MakeService, set_up_kiosk

# The PostgreSQL fixtures (pg_server, pg_url), for any test that names them.
pytest_plugins = ["tests.pg"]

REPO_ROOT = Path(__file__).resolve().parent.parent
# Before Qt makes its application: render offscreen so the suite runs headless, on
# one 1280x800 screen like a booth laptop's (Qt's own offscreen screen is 800x800,
# smaller than the kiosk window shown full screen as at the booth).
OFFSCREEN_SCREEN = REPO_ROOT / "tests" / "data" / "offscreen_1280x800.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={OFFSCREEN_SCREEN}"
# Under pytest-xdist (make test runs the suite on every core) each worker gets its own
# temporary folder, this process's and its children's: the program keeps a few fixed
# names there (the screenshots' scratch folder), which two workers would share.
if _WORKER := os.environ.get("PYTEST_XDIST_WORKER"):
    tempfile.tempdir = tempfile.mkdtemp(prefix=f"p2p-tests-{_WORKER}-")
    # Others may pass through, not list: the throwaway PostgreSQL server runs as its
    # own user (tests/pg.py) and keeps its folder in here.
    os.chmod(tempfile.tempdir, 0o711)
    os.environ["TMPDIR"] = tempfile.tempdir
    atexit.register(shutil.rmtree, tempfile.tempdir, ignore_errors=True)
# A copy of ../shared/seed/people-to-people.txt, the source text the content is
# checked against word for word; kept here so a clean clone alone runs every test.
SEED_PATH = REPO_ROOT / "tests" / "data" / "people-to-people.txt"
BUNDLED = default_content_path().read_text(encoding="utf-8")
"""The bundled content file's text, for tests that load a changed copy."""
OWN_LANGUAGE_ONLY = BUNDLED[: BUNDLED.index("# Translations -")]
"""The bundled file without its translations: English only."""


@pytest.fixture(scope="session", autouse=True)
def one_qapplication(qapp: Any) -> Any:
    """The one QApplication every test in this process shares, made before any test runs.

    Made first, as a QApplication: a command run in-process (``p2p-kiosk report``
    paints its PDF under a bare QGuiApplication) would otherwise leave an application
    that cannot hold widgets for the Qt tests after it (pytest-xdist's order varies).
    Styled as the kiosk's own (``create_app``: Fusion, the bundled fonts, the
    stylesheet) before any test: a widget a test shows on its own is laid out as
    on the booth's screen, whether or not a test before it built a main window.
    """
    from ui.app import create_app

    create_app()
    return qapp


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Each test starts with the screens in English: one that changed language changes it back.

    The language the screens speak (Qt's translators, the layout direction) belongs
    to the one QApplication every Qt test shares.
    """
    yield
    language = sys.modules.get("ui.language")
    if language is not None:
        language.use_language("en")


@pytest.fixture(scope="session")
def content() -> Content:
    """The real bundled content."""
    return load_content(default_content_path())


@pytest.fixture
def clock() -> ManualClock:
    """A clock at a fixed afternoon, moved by tests with ``clock.advance``."""
    return ManualClock(datetime(2026, 11, 24, 15, 30, tzinfo=UTC))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty kiosk data folder."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A master store in a SQLite file of the test's own (not created yet)."""
    return f"sqlite:///{tmp_path / 'master.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def master_url(request: pytest.FixtureRequest) -> str:
    """The master store's URL: a SQLite file, or a fresh PostgreSQL database (tests run twice)."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """An empty folder standing for a USB stick."""
    path = tmp_path / "usb"
    path.mkdir()
    return path


@pytest.fixture
def office_key(tmp_path: Path) -> tuple[Path, str]:
    """A new office key pair: the private key file's path and the public key to encrypt for."""
    identity, recipient = new_key_pair()
    path = tmp_path / "office.key"
    write_identity_file(path, identity)
    return path, recipient


@pytest.fixture
def store(data_dir: Path, clock: ManualClock) -> Iterator[Store]:
    """A real kiosk store (SQLite file, migrated) in a temporary data folder."""
    opened = Store.open(data_dir, clock=clock)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def make_service(data_dir: Path, clock: ManualClock) -> Iterator[MakeService]:
    """Open real kiosk services (SQLite in a temp folder, bundled content, the manual clock).

    ``set_up=False`` leaves the kiosk as it is at first start (no PIN);
    ``data_dir`` defaults to the ``data_dir`` fixture's folder; other options
    go to ``KioskService.open``. Every service made is closed afterwards.
    """
    opened: list[KioskService] = []
    default_dir = data_dir

    def make(*, set_up: bool = True, data_dir: Path | None = None, **options: Any) -> KioskService:
        options.setdefault("clock", clock)
        service = KioskService.open(data_dir or default_dir, **options)
        opened.append(service)
        if set_up:
            set_up_kiosk(service)
        return service

    yield make
    for service in opened:
        service.close()


@pytest.fixture
def make_kiosk(tmp_path: Path) -> Iterator[MakeKiosk]:
    """Make named ``ExportingKiosk``s in a temporary folder; every one is closed afterwards."""
    made: list[ExportingKiosk] = []

    def make(name: str, *, clock: ManualClock | None = None) -> ExportingKiosk:
        made.append(ExportingKiosk(tmp_path, name, clock=clock))
        return made[-1]

    yield make
    for kiosk in made:
        kiosk.close()
