"""The kiosk store: durable settings, submit, events, counts, and migrations."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk import store as store_module
from kiosk.clock import ManualClock
from kiosk.errors import StoreError, SubmitFailed
from kiosk.paths import DB_FILE_NAME
from kiosk.store import Store, head_revision
from tests.factories import make_signup, old_kiosk_database


def _pragma(db: Path, name: str) -> object:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_new_store_is_at_the_newest_revision(store: Store) -> None:
    with sqlite3.connect(store.db_path) as conn:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == head_revision()


def test_every_connection_uses_wal_full_sync_and_foreign_keys(store: Store) -> None:
    with store.engine.connect() as conn:
        driver = conn.connection.dbapi_connection
        assert driver is not None
        pragmas = {
            name: driver.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }


def test_kiosk_id_is_made_once_and_kept(data_dir: Path) -> None:
    first = Store.open(data_dir)
    kiosk_id = first.kiosk_id
    first.close()
    again = Store.open(data_dir)
    assert again.kiosk_id == kiosk_id and len(kiosk_id) == 6
    again.close()


def test_staff_can_name_the_kiosk(store: Store) -> None:
    store.set_kiosk_name("  Booth laptop 2 ")
    assert store.kiosk_name == "Booth laptop 2"


def test_submit_records_uuid_utc_time_event_and_kiosk(store: Store, clock: ManualClock) -> None:
    store.start_event("Campus Fair", "Boston, MA")
    record = store.submit(make_signup())
    assert isinstance(record.signup_id, uuid.UUID)
    assert record.created_at == clock.now and record.created_at.tzinfo is UTC
    assert (record.event_name, record.event_location) == ("Campus Fair", "Boston, MA")
    assert record.kiosk_id == store.kiosk_id


def test_submitted_signup_is_on_disk_for_a_fresh_connection(store: Store) -> None:
    record = store.submit(make_signup(first_name="שרה", last_name="الحسيني 🌿"))
    with sqlite3.connect(store.db_path) as conn:
        row = conn.execute(
            "SELECT first_name, last_name, consent_text FROM signups WHERE id = ?",
            (str(record.signup_id),),
        ).fetchone()
    assert row == ("שרה", "الحسيني 🌿", "I agree to be contacted.")


def test_signup_before_any_event_is_kept_under_a_default_event(store: Store) -> None:
    record = store.submit(make_signup())
    assert record.event_name == store_module.DEFAULT_EVENT_NAME


def test_starting_a_known_event_again_reuses_it(store: Store) -> None:
    first = store.start_event("Campus Fair", "Boston")
    store.start_event("Other", "")
    assert store.start_event("Campus Fair", "Boston").id == first.id
    assert len(store.events()) == 2


@pytest.mark.parametrize(
    ("name", "location"), [("", ""), ("   ", "x"), ("x" * 201, ""), ("x", "y" * 201)]
)
def test_bad_event_names_are_refused(store: Store, name: str, location: str) -> None:
    with pytest.raises(StoreError):
        store.start_event(name, location)


def test_event_counts_split_today_from_total(store: Store, clock: ManualClock) -> None:
    store.start_event("Fair", "")
    store.submit(make_signup())
    clock.advance(24 * 3600)
    store.submit(make_signup())
    store.submit(make_signup())
    today = clock.now.replace(hour=0, minute=0)
    (count,) = store.event_counts(today)
    assert (count.name, count.today, count.total) == ("Fair", 2, 3)


def test_pending_count_counts_unexported(store: Store) -> None:
    for _ in range(3):
        store.submit(make_signup())
    assert store.pending_count() == 3 and store.signup_count() == 3


def test_insert_records_creates_events_by_name_and_place(store: Store, clock: ManualClock) -> None:
    from kiosk.signup import SignupRecord

    records = [
        SignupRecord(
            uuid.uuid4(), clock.now + timedelta(minutes=i), event, place, "k1", make_signup()
        )
        for i, (event, place) in enumerate([("A", "x"), ("B", "y"), ("A", "x")])
    ]
    assert store.insert_records(records) == 3
    assert sorted((e.name, e.location) for e in store.events()) == [("A", "x"), ("B", "y")]


def test_submit_fails_cleanly_when_the_database_is_locked(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = sqlite3.connect(store.db_path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    store.engine.dispose()
    monkeypatch.setattr(store_module, "_BUSY_TIMEOUT_MS", 50)
    try:
        with pytest.raises(SubmitFailed) as caught:
            store.submit(make_signup(email="private.person@example.org"))
    finally:
        holder.rollback()
        holder.close()
    assert "locked" in str(caught.value)
    assert "private.person" not in str(caught.value)
    assert store.submit(make_signup()).signup_id  # the cause gone, a retry works


def test_unreadable_database_is_a_clear_store_error(data_dir: Path) -> None:
    (data_dir / DB_FILE_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot be opened"):
        Store.open(data_dir)


def test_data_folder_that_is_a_file_is_a_clear_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot be created"):
        Store.open(blocker / "data")


# Migrations ------------------------------------------------------------------------


def _make_revision_0001_database(data_dir: Path) -> Path:
    signups = (
        {
            "created_at": f"2025-05-01 10:{i:02d}:00",
            "first_name": f"Person {i}",
            "last_name": "Cohen",
            "email": f"p{i}@example.org",
        }
        for i in range(25)
    )
    return old_kiosk_database(
        data_dir, "0001", signups, started_at="2025-05-01 10:00:00", location="Here"
    )


def test_database_from_an_older_revision_keeps_every_row(data_dir: Path) -> None:
    _make_revision_0001_database(data_dir)
    store = Store.open(data_dir, clock=ManualClock(datetime(2026, 11, 24, tzinfo=UTC)))
    try:
        assert store.signup_count() == 25
        assert store.kiosk_id == "old01"
        with sqlite3.connect(store.db_path) as conn:
            texts = {row[0] for row in conn.execute("SELECT consent_text FROM signups")}
            names = {row[0] for row in conn.execute("SELECT first_name FROM signups")}
        assert texts == {""}
        assert names == {f"Person {i}" for i in range(25)}
    finally:
        store.close()


def test_migration_copies_the_database_aside_first(data_dir: Path) -> None:
    _make_revision_0001_database(data_dir)
    Store.open(data_dir).close()
    (backup,) = (data_dir / store_module.BACKUP_DIR_NAME).iterdir()
    assert backup.name.startswith("kiosk-0001-")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM signups").fetchone()[0] == 25
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"


def test_opening_an_up_to_date_store_makes_no_backup(data_dir: Path) -> None:
    Store.open(data_dir).close()
    Store.open(data_dir).close()
    assert not (data_dir / store_module.BACKUP_DIR_NAME).exists()


def test_database_from_a_newer_program_is_refused_untouched(data_dir: Path) -> None:
    Store.open(data_dir).close()
    db_path = data_dir / DB_FILE_NAME
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(data_dir)
    assert db_path.read_bytes() == before
