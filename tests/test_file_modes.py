"""What the kiosk and the office keep on disk is readable by its owner only.

Another account on the booth laptop read names and emails from a 0644
``kiosk.sqlite3`` in a 0755 folder, and cracked the PIN from its hash. Every
folder is 0700 and every file 0600, including those SQLite makes later
(``-wal``, ``-shm``, backups) and the logs. The checks run under the usual
desktop umask (022), where a file made without care is 0644.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.clock import ManualClock
from kiosk.logs import RotatingLog, setup_logging
from kiosk.master import open_master
from kiosk.paths import DB_FILE_NAME
from kiosk.service import KioskService
from kiosk.store import BACKUP_DIR_NAME, Store
from p2p_kiosk.cli import main
from tests.factories import make_form
from tests.test_store import _make_revision_0001_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="only POSIX file systems have modes")


@pytest.fixture(autouse=True)
def desktop_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture(autouse=True)
def detach_log_files() -> Iterator[None]:
    """Take the log handlers a test adds (setup_logging) off the shared loggers again."""
    loggers = [logging.getLogger(name) for name in ("kiosk", "ui")]
    before = {id(h) for logger in loggers for h in logger.handlers}
    yield
    for logger in loggers:
        for handler in [h for h in logger.handlers if id(h) not in before]:
            logger.removeHandler(handler)
            handler.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _open_to_others(root: Path) -> list[str]:
    """Return every folder or file from ``root`` down that anyone but its owner may use."""
    return [
        f"{path} is {_mode(path):o}"
        for path in (root, *root.rglob("*"))
        if _mode(path) & 0o077 or _mode(path) & 0o700 != (0o700 if path.is_dir() else 0o600)
    ]


def _names(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*")}


def test_the_kiosk_data_folder_is_private_after_open_submit_and_export(
    tmp_path: Path, clock: ManualClock
) -> None:
    data_dir = tmp_path / "fresh" / "p2p-kiosk"  # made by the kiosk, as at first start
    setup_logging(data_dir)
    service = KioskService.open(data_dir, clock=clock)
    try:
        service.set_pin("482915")
        service.check_pin("000000")
        service.submit(make_form())
        # An export into the data folder itself: its files (and temporary
        # files) hold the same personal data.
        assert service.export(data_dir) is not None
        logging.getLogger("kiosk").info("a line, so the log file has something in it")
        # While the store is open SQLite keeps its -wal and -shm beside it.
        names = _names(data_dir)
        assert {DB_FILE_NAME, f"{DB_FILE_NAME}-wal", f"{DB_FILE_NAME}-shm"} <= names
        assert {"logs", "logs/kiosk.log"} <= names
        assert any(name.endswith(".csv") for name in names)
        assert _open_to_others(data_dir) == []
    finally:
        service.close()
    assert _open_to_others(data_dir) == []


def test_an_older_kiosks_loose_files_are_made_private_and_its_migration_backup_too(
    data_dir: Path,
) -> None:
    # An install from before this fix: folder 0755, database 0644 (and its WAL files).
    db_path = _make_revision_0001_database(data_dir)
    holder = sqlite3.connect(db_path)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("INSERT INTO settings (key, value) VALUES ('left', 'open')")
    holder.commit()  # keeps -wal and -shm on disk while it stays open
    data_dir.chmod(0o755)
    for path in data_dir.iterdir():
        path.chmod(0o644)
    assert _open_to_others(data_dir)

    store = Store.open(data_dir, clock=ManualClock(datetime(2026, 11, 24, tzinfo=UTC)))
    try:
        (backup,) = (data_dir / BACKUP_DIR_NAME).iterdir()
        assert backup.suffix == ".sqlite3"
        assert _open_to_others(data_dir) == []
    finally:
        store.close()
        holder.close()


def test_log_files_stay_private_when_the_log_rotates(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    log_path = setup_logging(data_dir)
    logger = logging.getLogger("kiosk")
    handler = next(
        h
        for h in logger.handlers
        if isinstance(h, logging.FileHandler) and Path(h.baseFilename) == log_path
    )
    logger.info("before the rotation")
    assert isinstance(handler, RotatingLog)
    handler.do_rollover()
    logger.info("after the rotation")
    assert {"logs/kiosk.log", "logs/kiosk.log.1"} <= _names(data_dir)
    assert _open_to_others(data_dir) == []


def test_the_office_master_store_key_and_crm_file_are_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: ManualClock
) -> None:
    kiosk_dir, stick, office = tmp_path / "kiosk", tmp_path / "stick", tmp_path / "office"
    stick.mkdir()
    service = KioskService.open(kiosk_dir, clock=clock)
    try:
        service.submit(make_form())
        result = service.export(stick)
    finally:
        service.close()
    assert result is not None
    # `p2p-kiosk import` into the default master store, in a data folder it makes.
    crm = office / "contacts.csv"
    code = main(["--data-dir", str(office), "import", str(result.csv_path), "--crm-csv", str(crm)])
    assert code == 0, capsys.readouterr().err
    key_file = office / "office.key"
    assert main(["--data-dir", str(office), "keys", "new", "--out", str(key_file)]) == 0
    assert {"master.sqlite3", "contacts.csv", "office.key", "logs/kiosk.log"} <= _names(office)
    assert _open_to_others(office) == []

    # A master store opened anywhere else is private too, -wal and -shm included.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    engine = open_master(f"sqlite:///{elsewhere / 'master.sqlite3'}")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("CREATE TABLE IF NOT EXISTS probe (x)")
            connection.commit()
            assert {"master.sqlite3-wal", "master.sqlite3-shm"} <= _names(elsewhere)
            assert _open_to_others(elsewhere) == []
    finally:
        engine.dispose()
