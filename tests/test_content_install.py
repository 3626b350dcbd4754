"""Installing content from a USB stick: the checks, the copy, which file wins, and undoing it.

The staff panel's Content page and ``p2p-kiosk content install``/``reset``
both come down to ``kiosk.content_install``; these tests drive it through
the service and through the command line, with real files in a temporary
"stick" folder, and the sign-ups' record of the content version.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.cli import EXIT_FAILED, EXIT_OK
from kiosk.config import ContentSource, installed_content_path
from kiosk.content import CONTENT_MAX_BYTES, ContentError, load_content
from kiosk.paths import default_content_path
from kiosk.service import KioskService
from kiosk.store import Store
from p2p_kiosk.cli import main
from tests.conftest import BUNDLED, REPO_ROOT
from tests.factories import MakeService, make_form, old_kiosk_database
from tests.test_cli import Runner


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Call the command line in-process; return (exit code, stdout, stderr)."""

    def call(*argv: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return call


PAGE_LINK = "https://jstreet.org/womens-leadership-forum/people-to-people/"


def assert_spring_after_restart(data_dir: Path) -> None:
    """A kiosk started again over ``data_dir`` shows the installed ``spring_content``."""
    restarted = KioskService.open(data_dir)
    try:
        assert restarted.content.title == "Spring Gathering"
        assert restarted.content_source is ContentSource.INSTALLED
    finally:
        restarted.close()


def spring_content(stick: Path, name: str = "spring.toml", **changes: str) -> Path:
    """The bundled file with a new title and version (and any ``old=new`` text changes)."""
    text = BUNDLED.replace(
        'title = "People to People Connections"', 'title = "Spring Gathering"', 1
    ).replace('version = "2026-11-26.1"', 'version = "2027-03-01.1"', 1)
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    stick.mkdir(parents=True, exist_ok=True)
    path = stick / name
    path.write_text(text, encoding="utf-8")
    return path


def english_only(stick: Path) -> Path:
    """A content file with no translations: only English can be offered with it."""
    stick.mkdir(parents=True, exist_ok=True)
    path = stick / "english.toml"
    path.write_text(BUNDLED.split("[translations.es]")[0], encoding="utf-8")
    return path


# What the bundled content gained --------------------------------------------------------


def test_the_bundled_content_links_the_people_to_people_page_and_names_its_version() -> None:
    content = load_content(default_content_path())
    assert content.link == PAGE_LINK
    assert content.version == "2026-11-26.1"
    assert content.version_id.startswith("2026-11-26.1+") and len(content.version_id) == 21
    # Still no invented address for any article or action.
    assert all(resource.link is None for resource in content.resources)
    assert all(action.link is None for action in content.calls_to_action)
    # Every language shows the same page and version.
    for code in ("es", "he", "ar"):
        assert content.in_language(code).link == PAGE_LINK
        assert content.in_language(code).version_id == content.version_id


def test_a_translation_may_not_give_its_own_link_or_version(tmp_path: Path) -> None:
    path = spring_content(
        tmp_path,
        **{
            'language_name = "Español"\n': 'language_name = "Español"\n'
            'link = "https://example.org/es"\nversion = "x"\n'
        },
    )
    with pytest.raises(ContentError) as caught:
        load_content(path)
    places = {problem.place for problem in caught.value.problems}
    assert places == {"translations.es.link", "translations.es.version"}


def test_a_file_without_a_version_is_named_by_its_hash(tmp_path: Path) -> None:
    path = spring_content(tmp_path, **{'version = "2027-03-01.1"\n': ""})
    content = load_content(path)
    assert content.version == ""
    assert content.version_id.startswith("unversioned+")


def test_problems_read_in_plain_words(tmp_path: Path) -> None:
    path = spring_content(
        tmp_path, **{"pledge = false\n": 'pledge = false\nlink = "ftp://example.org"\n'}
    )
    with pytest.raises(ContentError) as caught:
        load_content(path)
    (problem,) = caught.value.problems
    assert problem.in_plain_words() == (
        "Call to action 2, link: must be a web address starting with http:// or https://"
    )


# Installing, through the service ----------------------------------------------------------


def test_installed_content_is_a_private_copy_the_next_start_uses(
    make_service: MakeService, tmp_path: Path, data_dir: Path
) -> None:
    service = make_service()
    source = spring_content(tmp_path / "stick")
    service.install_content(service.check_content_file(source))

    assert service.content.title == "Spring Gathering"
    assert service.content_source is ContentSource.INSTALLED
    copy = installed_content_path(data_dir)
    assert copy.read_bytes() == source.read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    source.unlink()  # the stick is pulled
    service.close()
    assert_spring_after_restart(data_dir)


def test_back_to_the_bundled_content_removes_the_copy(
    make_service: MakeService, tmp_path: Path, data_dir: Path
) -> None:
    service = make_service()
    service.install_content(service.check_content_file(spring_content(tmp_path / "stick")))
    service.reset_content()
    assert service.content.title == "People to People Connections"
    assert service.content_source is ContentSource.BUNDLED
    assert not installed_content_path(data_dir).exists()


def test_content_option_wins_and_the_panel_cannot_change_it(
    make_service: MakeService, tmp_path: Path, data_dir: Path
) -> None:
    service = make_service(content_path=spring_content(tmp_path / "stick", "option.toml"))
    assert service.content_source is ContentSource.OPTION
    candidate = service.check_content_file(spring_content(tmp_path / "stick"))
    with pytest.raises(Exception, match="started with --content"):
        service.install_content(candidate)
    assert not installed_content_path(data_dir).exists()


def test_installed_content_wins_over_the_content_config_toml_names(
    tmp_path: Path, data_dir: Path
) -> None:
    named = spring_content(data_dir, "gala.toml", **{"Spring Gathering": "Gala"})
    (data_dir / "config.toml").write_text(f'content = "{named.name}"\n', encoding="utf-8")
    service = KioskService.open(data_dir)
    try:
        assert service.content.title == "Gala"
        assert service.content_source is ContentSource.CONFIG
        service.install_content(service.check_content_file(spring_content(tmp_path / "stick")))
        assert service.content.title == "Spring Gathering"
        service.reset_content()
        assert service.content.title == "Gala"  # back to the deployment's own choice
    finally:
        service.close()


def test_content_lacking_a_language_config_toml_offers_is_refused(
    tmp_path: Path, data_dir: Path
) -> None:
    (data_dir / "config.toml").write_text('languages = ["en", "es"]\n', encoding="utf-8")
    service = KioskService.open(data_dir)
    try:
        with pytest.raises(ContentError) as caught:
            service.check_content_file(english_only(tmp_path / "stick"))
        (problem,) = caught.value.problems
        assert problem.place == "languages" and "es" in problem.message
    finally:
        service.close()


def test_a_language_the_staff_offer_that_new_content_lacks_is_no_longer_offered(
    make_service: MakeService, tmp_path: Path
) -> None:
    service = make_service()
    service.set_languages(["en", "he"], "he")
    candidate = service.check_content_file(english_only(tmp_path / "stick"))
    assert candidate.offered.codes == ("en",)
    service.install_content(candidate)
    assert [language.code for language in service.languages] == ["en"]
    assert service.default_language == "en"
    service.reset_content()  # the staff's own choice was kept for content that has Hebrew
    assert [language.code for language in service.languages] == ["en", "he"]
    assert service.default_language == "he"


# Sign-ups remember the content -----------------------------------------------------------


def test_each_sign_up_records_the_content_version_it_was_made_under(
    make_service: MakeService, tmp_path: Path
) -> None:
    service = make_service()
    first = service.submit(make_form(email="first@example.org"))
    bundled_version = service.content.version_id
    service.install_content(service.check_content_file(spring_content(tmp_path / "stick")))
    second = service.submit(make_form(email="second@example.org"))

    assert first.signup.content_version == bundled_version
    assert second.signup.content_version == service.content.version_id != bundled_version
    with sqlite3.connect(service.store.db_path) as conn:
        stored = dict(conn.execute("SELECT email, content_version FROM signups"))
    assert stored == {
        "first@example.org": bundled_version,
        "second@example.org": service.content.version_id,
    }


def test_a_store_from_revision_0003_gains_the_column_and_keeps_its_sign_ups(
    data_dir: Path,
) -> None:
    signup = {
        "created_at": "2026-05-01 10:00:00",
        "email": "old@example.org",
        "consent_text": "I agree.",
    }
    old_kiosk_database(data_dir, "0003", [signup], started_at="2026-05-01 10:00:00")
    store = Store.open(data_dir, clock=lambda: datetime(2026, 11, 26, tzinfo=UTC))
    try:
        with sqlite3.connect(store.db_path) as conn:
            rows = conn.execute("SELECT email, content_version FROM signups").fetchall()
        assert rows == [("old@example.org", "")]  # not guessed
    finally:
        store.close()


# The command line ----------------------------------------------------------------------------


def _hostile(kind: str, stick: Path) -> Path:
    """A file a stick could hold that is no content the kiosk may show."""
    stick.mkdir(parents=True, exist_ok=True)
    path = stick / f"{kind}.toml"
    if kind == "missing":
        return path
    if kind == "folder":
        path.mkdir()
    elif kind == "huge":
        path.write_bytes(b"# " + b"x" * CONTENT_MAX_BYTES + b"\n")
    elif kind == "not-toml":
        path.write_text('title = "unfinished\n', encoding="utf-8")
    elif kind == "not-utf8":
        path.write_bytes(b'title = "\xff\xfe"\n')
    elif kind == "invalid":
        path.write_text(BUNDLED.replace('title = "People to People Connections"', 'title = ""'))
    elif kind == "symlink":
        path.symlink_to(default_content_path())
    elif kind == "fifo":
        os.mkfifo(path)
    return path


HOSTILE = ("missing", "folder", "huge", "not-toml", "not-utf8", "invalid", "symlink", "fifo")


@pytest.mark.parametrize("kind", HOSTILE)
def test_install_refuses_what_content_check_refuses_with_the_same_words(
    run: Runner, tmp_path: Path, data_dir: Path, kind: str
) -> None:
    path = _hostile(kind, tmp_path / "stick")
    check_code, _, check_err = run("content", "check", path)
    code, out, err = run("content", "install", path, "--data-dir", data_dir)
    assert check_code == code == EXIT_FAILED
    assert err == check_err and "Traceback" not in err and out == ""
    assert not installed_content_path(data_dir).exists()


# Root reads any file, so there the check runs as nobody (the one function the
# command line and the staff panel both call, imported before dropping rights).
_AS_NOBODY = """
import os, sys
from pathlib import Path
from kiosk.content import ContentError, check_content
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
try:
    check_content(Path(sys.argv[1]))
except ContentError as error:
    print(error.problems[0].in_plain_words())
    sys.exit(1)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_an_unreadable_file_is_named_not_read() -> None:
    # Folders anyone may enter (pytest's own are the owner's only), a file nobody may read.
    shared = Path(tempfile.mkdtemp(prefix="p2p-unreadable-"))
    try:
        shared.chmod(0o755)
        path = spring_content(shared)
        path.chmod(0)
        done = subprocess.run(
            [sys.executable, "-c", _AS_NOBODY, str(path)],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            timeout=60,
        )
    finally:
        shutil.rmtree(shared)
    assert done.returncode == 1, done.stderr
    assert done.stdout.strip() == "The file: cannot be read (Permission denied)"


def test_install_then_reset_from_a_terminal(run: Runner, tmp_path: Path, data_dir: Path) -> None:
    source = spring_content(tmp_path / "stick")
    code, out, err = run("content", "install", source, "--data-dir", data_dir)
    assert code == EXIT_OK, err
    assert "'Spring Gathering', content version 2027-03-01.1+" in out
    assert "Attendees choose among: English, Español, עברית, العربية." in out
    assert installed_content_path(data_dir).read_bytes() == source.read_bytes()

    code, out, _ = run("content", "reset", "--data-dir", data_dir)
    assert code == EXIT_OK
    assert "Removed the installed content" in out and "the bundled content again" in out
    assert not installed_content_path(data_dir).exists()
    code, out, _ = run("content", "reset", "--data-dir", data_dir)
    assert code == EXIT_OK and out.startswith("No installed content")


def test_install_and_reset_refuse_a_content_option(
    run: Runner, tmp_path: Path, data_dir: Path
) -> None:
    source = spring_content(tmp_path / "stick")
    for argv in (("content", "install", source), ("content", "reset")):
        code, _, err = run("--content", source, *argv, "--data-dir", data_dir)
        assert code == EXIT_FAILED and "leave it out" in err
    assert not installed_content_path(data_dir).exists()


def test_the_guides_example_passes_content_check(run: Runner) -> None:
    code, out, err = run("content", "check", REPO_ROOT / "docs" / "content-example.toml")
    assert code == EXIT_OK, err
    assert "each fitting a QR code" in out
