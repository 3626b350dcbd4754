"""The kiosk's local store: one SQLite file in the data folder, migrated at open.

Every connection runs with WAL, ``synchronous=FULL``, foreign keys and a busy
timeout, so a committed sign-up survives a power cut the moment ``submit``
returns. Before a migration the file is copied aside with SQLite's backup API.
"""

from __future__ import annotations

import logging
import re
import secrets
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, case, create_engine, event, func, insert, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from kiosk.clock import Clock, utc_now
from kiosk.errors import KioskError, StoreError, SubmitFailed
from kiosk.models import Event, ExportBatch, Setting
from kiosk.models import Signup as SignupRow
from kiosk.paths import DB_FILE_NAME, migrations_path
from kiosk.private_files import make_private_database, make_private_folder
from kiosk.signup import Signup, SignupRecord, WlfChoice
from kiosk.validation import MAX_EVENT_LENGTH, has_control_characters

log = logging.getLogger(__name__)

BACKUP_DIR_NAME = "backups"
DEFAULT_EVENT_NAME = "Unnamed event"
_BUSY_TIMEOUT_MS = 5000
_QUOTED = re.compile(r'"[^"]*"|\'[^\']*\'')


@dataclass(frozen=True)
class EventInfo:
    """An event as the screens and command line see it."""

    id: int
    name: str
    location: str
    started_at: datetime


@dataclass(frozen=True)
class EventCount:
    """Sign-ups for one event: since the start of today, and in all."""

    name: str
    location: str
    today: int
    total: int


@dataclass(frozen=True)
class ExportInfo:
    """One export batch: its file, size and time, and when the office confirmed it (if it has)."""

    file_name: str
    rows: int
    sha256: str
    created_at: datetime
    confirmed_at: datetime | None = None
    erased_at: datetime | None = None


def to_utc(naive: datetime) -> datetime:
    """Turn a stored naive-UTC time into an aware UTC time."""
    return naive.replace(tzinfo=UTC)


def to_naive_utc(moment: datetime) -> datetime:
    """Turn an aware time into the naive UTC form the tables store."""
    if moment.tzinfo is None:
        raise ValueError("expected an aware datetime")
    return moment.astimezone(UTC).replace(tzinfo=None)


def sqlite_engine(db_path: Path) -> Engine:
    """Create an engine for a SQLite file with the kiosk's durability settings.

    ``secure_delete`` makes SQLite overwrite what it frees with zeros, so
    personal data erased after an office receipt leaves no copy in free space.
    """
    engine = create_engine(f"sqlite:///{db_path}")
    configure_sqlite(
        engine, busy_timeout_ms=lambda: _BUSY_TIMEOUT_MS, pragmas=("secure_delete=ON",)
    )
    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction that reads, then writes; on SQLite it holds the write lock from its start.

    A SQLite transaction that read first fails (rather than waits) when another
    connection wrote meanwhile; BEGIN IMMEDIATE makes it wait its turn instead.
    """
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.rollback()
            raise
        connection.commit()


def configure_sqlite(
    engine: Engine,
    *,
    busy_timeout_ms: Callable[[], int],
    pragmas: Sequence[str] = (),
    page_size: int | None = None,
) -> None:
    """Give every new connection of a SQLite ``engine`` the durability settings, then ``pragmas``.

    WAL, ``synchronous=FULL`` (each commit fsyncs the WAL, so "committed"
    means "on disk"), foreign keys, and a busy timeout (read when each
    connection opens). Shared by the kiosk store and the office master store.
    ``page_size`` is that of a new, empty file (SQLite's default otherwise);
    a file that holds anything keeps the page size it was made with.
    """

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: object) -> None:
        timeout_ms = busy_timeout_ms()
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={timeout_ms}")
            if page_size is not None:
                # Before WAL: a file in WAL mode keeps its page size even while empty.
                cursor.execute(f"PRAGMA page_size={page_size}")
            _use_wal(cursor, timeout_ms)
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            for pragma in pragmas:
                cursor.execute(f"PRAGMA {pragma}")
        finally:
            cursor.close()


def _use_wal(cursor: Any, timeout_ms: int) -> None:
    """Switch the file to WAL, waiting (like the busy timeout) while another connection does.

    Two connections opening a brand-new file at once both ask for WAL; SQLite
    answers "database is locked" at once, without waiting, to the one that
    asks while the other holds the file, so that one asks again.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def head_revision() -> str:
    """Return the newest migration this program knows."""
    head = ScriptDirectory(str(migrations_path())).get_current_head()
    assert head is not None
    return head


def _backup(db_path: Path, revision: str | None, now: datetime) -> Path:
    backup_dir = db_path.parent / BACKUP_DIR_NAME
    make_private_folder(backup_dir)
    target = backup_dir / f"kiosk-{revision or 'none'}-{now:%Y%m%dT%H%M%SZ}.sqlite3"
    make_private_database(target)  # a copy of every sign-up: as private as the original
    # sqlite3's backup API copies a consistent snapshot even with a WAL beside it.
    source = sqlite3.connect(db_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def migrate(engine: Engine, db_path: Path, now: datetime) -> None:
    """Bring the database to the newest revision, copying it aside first if it holds data."""
    script = ScriptDirectory(str(migrations_path()))
    head = script.get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        return
    if current is not None:
        if current not in {revision.revision for revision in script.walk_revisions()}:
            raise StoreError(
                "This kiosk database was made by a newer version of the program. "
                "Install that version (or newer) to open it; nothing has been changed."
            )
        _backup(db_path, current, now)
    config = _alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("store migrated from %s to %s", current, head)


class Store:
    """The kiosk's local database: sign-ups, events, settings."""

    def __init__(self, data_dir: Path, engine: Engine, clock: Clock) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_FILE_NAME
        self.engine = engine
        self.clock = clock
        # Cached: submit() is the hot path and both change only through this
        # object (one kiosk process owns its data folder).
        self._kiosk_id: str | None = None
        self._event: EventInfo | None = None

    @classmethod
    def open(cls, data_dir: Path, *, clock: Clock = utc_now) -> Store:
        """Open (creating and migrating as needed) the store in ``data_dir``."""
        data_dir = Path(data_dir)
        try:
            make_private_folder(data_dir)
        except OSError as exc:
            raise StoreError(f"The data folder cannot be created ({exc.strerror}).") from None
        db_path = data_dir / DB_FILE_NAME
        engine = sqlite_engine(db_path)
        with disposed_on_failure(engine, StoreError, f"The kiosk database in {data_dir}"):
            # Before SQLite makes the file (0644) or its -wal and -shm (the file's mode).
            make_private_database(db_path)
            migrate(engine, db_path, clock())
            store = cls(data_dir, engine, clock)
            store._ensure_kiosk_id()
        return store

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # Settings ----------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        """Return a stored setting, or None."""
        with Session(self.engine) as session:
            return session.scalar(select(Setting.value).where(Setting.key == key))

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting durably."""
        with Session(self.engine) as session, session.begin():
            session.merge(Setting(key=key, value=value))

    def _ensure_kiosk_id(self) -> None:
        if self.get_setting("kiosk_id") is None:
            # Short and random: unique enough across an organization's kiosks,
            # short enough to read off a file name.
            self.set_setting("kiosk_id", secrets.token_hex(3))

    @property
    def kiosk_id(self) -> str:
        """This kiosk's short random id, made at first start."""
        if self._kiosk_id is None:
            self._kiosk_id = self.get_setting("kiosk_id")
            assert self._kiosk_id is not None
        return self._kiosk_id

    @property
    def kiosk_name(self) -> str:
        """The name staff gave this kiosk (defaults to its id)."""
        return self.get_setting("kiosk_name") or self.kiosk_id

    def set_kiosk_name(self, name: str) -> None:
        """Give the kiosk a human name, e.g. "Booth laptop 2"."""
        self.set_setting("kiosk_name", name.strip())

    # Events ------------------------------------------------------------------

    def current_event(self) -> EventInfo | None:
        """Return the event sign-ups are recorded under now, if one was started."""
        event_id = self.get_setting("current_event_id")
        if event_id is None:
            return None
        with Session(self.engine) as session:
            row = session.get(Event, int(event_id))
            return _event_info(row) if row is not None else None

    def start_event(self, name: str, location: str = "") -> EventInfo:
        """Make (or reuse, by name and place) an event and record sign-ups under it from now."""
        name, location = name.strip(), location.strip()
        if not name:
            raise StoreError("An event needs a name.")
        if len(name) > MAX_EVENT_LENGTH or len(location) > MAX_EVENT_LENGTH:
            raise StoreError(
                f"Event names and places can be at most {MAX_EVENT_LENGTH} characters."
            )
        if has_control_characters(name + location):
            # A newline or escape in an event name would break the CSV reader's
            # neighbours (spreadsheets, terminals) for no benefit.
            raise StoreError("Event names and places cannot contain control characters.")
        with Session(self.engine) as session, session.begin():
            row = _find_or_create_event(session, name, location, self.clock())
            session.merge(Setting(key="current_event_id", value=str(row.id)))
            self._event = _event_info(row)
        return self._event

    def events(self) -> list[EventInfo]:
        """Return every event, oldest first."""
        with Session(self.engine) as session:
            return [_event_info(e) for e in session.scalars(select(Event).order_by(Event.id))]

    # Sign-ups ----------------------------------------------------------------

    def submit(self, signup: Signup) -> SignupRecord:
        """Write one sign-up; returns only once the commit is on disk.

        Raises ``SubmitFailed`` (disk full, database locked or read-only) and
        leaves nothing half-written; the caller may retry with the same values.
        """
        now = self.clock()
        try:
            event = self._event_for_submit()
            record = SignupRecord(
                signup_id=uuid.uuid4(),
                created_at=now,
                event_name=event.name,
                event_location=event.location,
                kiosk_id=self.kiosk_id,
                signup=signup,
            )
            # One Core insert in its own transaction: the commit is the fsync.
            with self.engine.begin() as connection:
                connection.execute(insert(SignupRow), _row_values(record, event.id))
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            log.error("sign-up not saved: %s", database_error_reason(exc))
            raise SubmitFailed(database_error_reason(exc)) from None
        return record

    def insert_records(self, records: Iterable[SignupRecord]) -> int:
        """Bulk-insert ready-made records (demo data, tests, benchmarks); return how many."""
        with Session(self.engine) as session, session.begin():
            event_ids: dict[tuple[str, str], int] = {}
            rows = []
            for record in records:
                key = (record.event_name, record.event_location)
                if key not in event_ids:
                    found = _find_or_create_event(session, *key, record.created_at)
                    event_ids[key] = found.id
                rows.append(_row_values(record, event_ids[key]))
            if rows:
                session.execute(insert(SignupRow), rows)
        return len(rows)

    def _event_for_submit(self) -> EventInfo:
        if self._event is None:
            self._event = self.current_event()
        if self._event is None:
            # Sign-ups before a volunteer names the event are kept, not refused.
            self._event = self.start_event(DEFAULT_EVENT_NAME)
        return self._event

    # Counts ------------------------------------------------------------------

    def signup_count(self) -> int:
        """Return how many sign-ups the kiosk holds."""
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(SignupRow)) or 0

    def pending_count(self) -> int:
        """Return how many sign-ups have not been exported yet."""
        with Session(self.engine) as session:
            query = select(func.count()).where(SignupRow.export_batch_id.is_(None))
            return session.scalar(query) or 0

    def event_counts(self, today_start: datetime) -> list[EventCount]:
        """Return per-event totals, and counts since ``today_start`` (aware), newest event first."""
        since = to_naive_utc(today_start)
        made_today = case((SignupRow.created_at >= since, 1), else_=0)
        query = (
            select(
                Event.name,
                Event.location,
                func.count(SignupRow.id),
                func.coalesce(func.sum(made_today), 0),
            )
            .outerjoin(SignupRow, SignupRow.event_id == Event.id)
            .group_by(Event.id)
            .order_by(Event.id.desc())
        )
        with Session(self.engine) as session:
            return [
                EventCount(name=n, location=loc, today=int(t), total=int(total))
                for n, loc, total, t in session.execute(query)
            ]

    def signup_times(self, since: datetime) -> list[datetime]:
        """Return the aware UTC times of sign-ups made at or after ``since``."""
        query = select(SignupRow.created_at).where(SignupRow.created_at >= to_naive_utc(since))
        with Session(self.engine) as session:
            return [to_utc(t) for t in session.scalars(query)]

    def last_export(self) -> ExportInfo | None:
        """Return the newest export batch, if any."""
        history = self.export_history(limit=1)
        return history[0] if history else None

    def export_history(self, limit: int | None = None) -> list[ExportInfo]:
        """Return the export batches, newest first (at most ``limit``)."""
        query = select(ExportBatch).order_by(ExportBatch.id.desc()).limit(limit)
        with Session(self.engine) as session:
            return [
                ExportInfo(
                    row.file_name,
                    row.rows,
                    row.sha256,
                    to_utc(row.created_at),
                    to_utc(row.confirmed_at) if row.confirmed_at else None,
                    to_utc(row.erased_at) if row.erased_at else None,
                )
                for row in session.scalars(query)
            ]


def _find_or_create_event(session: Session, name: str, location: str, now: datetime) -> Event:
    row = session.scalars(
        select(Event).where(Event.name == name, Event.location == location)
    ).first()
    if row is None:
        row = Event(name=name, location=location, started_at=to_naive_utc(now))
        session.add(row)
        session.flush()
    return row


def _event_info(row: Event) -> EventInfo:
    return EventInfo(row.id, row.name, row.location, to_utc(row.started_at))


def _row_values(record: SignupRecord, event_id: int) -> dict[str, object]:
    s = record.signup
    return {
        "id": str(record.signup_id),
        "created_at": to_naive_utc(record.created_at),
        "event_id": event_id,
        "kiosk_id": record.kiosk_id,
        "first_name": s.first_name,
        "last_name": s.last_name,
        "email": s.email,
        "phone": s.phone,
        "postal_code": s.postal_code,
        "wlf_choice": WlfChoice(s.wlf_choice).value,
        "email_group_opt_in": s.email_group_opt_in,
        "advocacy_pledge": s.advocacy_pledge,
        "contact_consent": s.contact_consent,
        "consent_version": s.consent_version,
        "consent_text": s.consent_text,
        "locale": s.locale,
        "content_version": s.content_version,
        "export_batch_id": None,
    }


def database_error_reason(exc: BaseException) -> str:
    """Describe a database failure without echoing SQL parameters (they hold personal data)."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(original, OSError) and original.strerror:
        return original.strerror
    text = str(original).splitlines()[0] if str(original) else type(original).__name__
    # DBAPI messages name the failure ("database is locked", "disk I/O error",
    # "attempt to write a readonly database"); SQLAlchemy's own wrapper would
    # append the statement and its parameters, which we drop. A quoted part can
    # be a value (PostgreSQL: 'invalid input syntax for type boolean: "…"').
    text = text.split("[SQL:")[0].strip()
    return _QUOTED.sub("…", text)


@contextmanager
def disposed_on_failure(engine: Engine, error: type[KioskError], store: str) -> Iterator[None]:
    """Open ``store`` through ``engine`` in the block; if it raises, let the engine go.

    A database or file error becomes ``error`` saying ``store`` cannot be
    opened and why (``database_error_reason``); anything else passes as it is.
    """
    try:
        yield
    except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
        engine.dispose()
        raise error(f"{store} cannot be opened: {database_error_reason(exc)}") from None
    except BaseException:
        engine.dispose()
        raise
