"""The office master store: every imported sign-up, merged into contacts.

A *touchpoint* is one sign-up exactly as a kiosk exported it; a *contact* is
one person, keyed by their email trimmed and lower-cased, whose name, phone
and choices come from their latest sign-up. ``imported_files`` remembers each
file (by its hash) that was merged. SQLite by default; any SQLAlchemy URL
(PostgreSQL for a large organization) works the same: the import relies on
unique keys and ``ON CONFLICT`` only, so concurrent imports cannot duplicate.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import (
    Boolean,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    create_engine,
    select,
    text,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.errors import KioskError
from kiosk.paths import MASTER_FILE_NAME
from kiosk.private_files import make_private_database
from kiosk.store import configure_sqlite, disposed_on_failure

_BUSY_TIMEOUT_MS = 30_000  # imports are long transactions; a second import waits its turn
_CACHE_KIB = 64 * 1024  # page cache per SQLite connection (allocated only as used)
# A new master's page size: twice SQLite's 4 KiB. An import rewrites index and
# contact pages all over the file with every file it merges, and SQLite writes
# each page to the WAL as a frame of its own (two write calls each): pages twice
# as large hold the same rows in about half the frames, and the 10x10k import
# makes 48,000 write calls instead of 86,000. A master made before keeps its
# 4 KiB pages (and so checkpoints every 32 MiB of WAL instead of 64).
_PAGE_SIZE = 8192
_CHECKPOINT_PAGES = 8192  # WAL pages (64 MiB at 8 KiB) before a commit copies them back
_SCHEMA_LOCK_KEY = 0x50325031  # PostgreSQL advisory lock: one process creates the tables
_IN_CHUNK = 900  # ids per IN (...) list, under SQLite's limit on bound parameters


class MasterError(KioskError):
    """The master store could not be opened or written."""


class MasterBase(DeclarativeBase):
    """Declarative base of the office master store (separate from the kiosk store)."""


class _Answers:
    """A sign-up's answers: as given (a touchpoint), and the latest (a contact's profile)."""

    phone: Mapped[str] = mapped_column(Text)
    postal_code: Mapped[str] = mapped_column(Text)
    wlf_choice: Mapped[str] = mapped_column(String(20))
    email_group_opt_in: Mapped[bool] = mapped_column(Boolean)
    advocacy_pledge: Mapped[bool] = mapped_column(Boolean)
    contact_consent: Mapped[bool] = mapped_column(Boolean)
    consent_version: Mapped[str] = mapped_column(Text)


# SQLAlchemy puts a mixin's columns after the class's own; the columns that
# follow the answers sort later, so the tables keep their column order.
_AFTER_ANSWERS = 1


class Contact(_Answers, MasterBase):
    """One person, merged from every sign-up with the same email."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email_key: Mapped[str] = mapped_column(Text, unique=True)  # trimmed, lower-cased
    email: Mapped[str] = mapped_column(Text)  # as last typed
    first_name: Mapped[str] = mapped_column(Text)
    last_name: Mapped[str] = mapped_column(Text)
    # (here the _Answers: phone to consent_version)
    # When the person first and last signed up (naive UTC).
    first_seen_at: Mapped[datetime] = mapped_column(DateTime, sort_order=_AFTER_ANSWERS)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime, sort_order=_AFTER_ANSWERS)
    # The sign-up the profile was taken from: breaks ties between equal times,
    # so the result never depends on the order files were imported in.
    latest_signup_id: Mapped[str] = mapped_column(String(36), sort_order=_AFTER_ANSWERS)
    # Case-folded "first last email", for the office screen's search.
    search_text: Mapped[str] = mapped_column(Text, default="", sort_order=_AFTER_ANSWERS)


class Touchpoint(_Answers, MasterBase):
    """One sign-up at one event, exactly as exported, pointing at its contact."""

    __tablename__ = "touchpoints"

    signup_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    event_name: Mapped[str] = mapped_column(Text)
    event_location: Mapped[str] = mapped_column(Text)
    kiosk_id: Mapped[str] = mapped_column(Text)
    first_name: Mapped[str] = mapped_column(Text)
    last_name: Mapped[str] = mapped_column(Text)
    email: Mapped[str] = mapped_column(Text)
    # (here the _Answers: phone to consent_version)
    locale: Mapped[str] = mapped_column(Text, sort_order=_AFTER_ANSWERS)
    source_sha256: Mapped[str] = mapped_column(String(64), sort_order=_AFTER_ANSWERS)
    imported_at: Mapped[datetime] = mapped_column(DateTime, sort_order=_AFTER_ANSWERS)  # naive UTC

    # Only the contact id: the office search finds a few contacts' sign-ups by
    # it, and the CRM export sorts anyway. With created_at in it the index was
    # four times larger, and an import rewrites most of its pages (a file's
    # returning people are spread over it).
    __table_args__ = (Index("ix_touchpoints_contact", "contact_id"),)


class LeftOutEvent(MasterBase):
    """An event whose sign-ups staff left out of an imported file (``--skip-event``).

    Kept until an import of the same file takes them in, so importing it
    again without leaving that event out merges them then.
    """

    __tablename__ = "left_out_events"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # the file's
    event_name: Mapped[str] = mapped_column(Text, primary_key=True)  # as the file spells it


class ContactKeys(MasterBase):
    """What the duplicate search compares for one contact, made from its current profile.

    ``kiosk.duplicates`` keeps these in step with the contacts lazily (an
    import never waits for them): a row whose ``signup_id`` is not its
    contact's ``latest_signup_id`` any more is made again before a search.
    """

    __tablename__ = "contact_keys"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), primary_key=True)
    signup_id: Mapped[str] = mapped_column(String(36))  # the sign-up the profile came from
    name_key: Mapped[str] = mapped_column(Text)  # "first last", case, accents and spacing folded
    phone: Mapped[str] = mapped_column(Text)  # E.164 or empty
    postal_key: Mapped[str] = mapped_column(Text)  # upper case, no spaces; a US ZIP's five digits
    email_key: Mapped[str] = mapped_column(Text)

    # The search's one join: same name_key, greater contact id.
    __table_args__ = (Index("ix_contact_keys_name", "name_key", "contact_id"),)


class ContactKeysState(MasterBase):
    """One row: how many sign-ups the store held when the contact keys were last made."""

    __tablename__ = "contact_keys_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    touchpoints: Mapped[int] = mapped_column(Integer)


class DuplicateDecision(MasterBase):
    """Staff's word on a possible duplicate: the two contacts are one person, or are not.

    Kept when undone (``undone_at`` set), so every merge stays on record. At
    most one decision per pair is in force (the partial unique index), so two
    staff deciding the same pair at once cannot both win.
    """

    __tablename__ = "duplicate_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    contact_low: Mapped[int] = mapped_column(ForeignKey("contacts.id"))  # the smaller id
    contact_high: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    decision: Mapped[str] = mapped_column(String(20))  # "merged" or "distinct"
    decided_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # naive UTC

    __table_args__ = (
        Index(
            "ux_duplicate_decisions_in_force",
            "contact_low",
            "contact_high",
            unique=True,
            sqlite_where=text("undone_at IS NULL"),
            postgresql_where=text("undone_at IS NULL"),
        ),
    )


class ImportedFile(MasterBase):
    """An export file merged into the store, by the hash of its CSV bytes."""

    __tablename__ = "imported_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    kiosk_id: Mapped[str] = mapped_column(Text)
    rows: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC


@dataclass(frozen=True)
class ContactRow:
    """A contact as the CRM writers and the office screen read it (times aware UTC)."""

    id: int
    email_key: str
    email: str
    first_name: str
    last_name: str
    phone: str
    postal_code: str
    wlf_choice: str
    email_group_opt_in: bool
    advocacy_pledge: bool
    contact_consent: bool
    consent_version: str
    first_seen_at: datetime
    last_seen_at: datetime
    touchpoints: int
    event_names: tuple[str, ...]  # distinct, in the order the person first came to each
    locale: str = ""  # the language of their latest sign-up ("en", "he")
    # The emails of contacts staff merged into this one (kiosk.people), newest first.
    other_emails: tuple[str, ...] = ()

    @property
    def emails(self) -> tuple[str, ...]:
        """Every email of the person: the newest first."""
        return (self.email, *self.other_emails)


def master_url_in(folder: Path) -> str:
    """The URL of the SQLite master store in ``folder``."""
    return f"sqlite:///{folder / MASTER_FILE_NAME}"


def email_key(email: str) -> str:
    """Return the key people are merged by: the email trimmed and lower-cased."""
    return email.strip().lower()


def search_text(first_name: str, last_name: str, email: str) -> str:
    """Return the case-folded text the contact search matches against."""
    return f"{first_name} {last_name} {email}".casefold()


# Query parameters shown as they are in a master store's address; any other
# (password, sslpassword, a token, something unknown) is masked.
_HARMLESS_PARAMETERS = frozenset(
    {
        "application_name",
        "client_encoding",
        "connect_timeout",
        "dbname",
        "host",
        "port",
        "service",
        "sslmode",
        "target_session_attrs",
        "user",
    }
)


def safe_url(url: str | URL) -> str:
    """A master store's address fit to show, with every credential in it masked.

    The password in ``user:password@`` and in ``?password=...`` alike, and
    the value of every query parameter not known to be harmless, read ``***``.
    """
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except ArgumentError:
        return "(an address that is not a database URL)"
    shown = parsed.set(query={}).render_as_string(hide_password=True)
    if not parsed.query:
        return shown
    parameters = []
    for name, values in parsed.query.items():
        for value in (values,) if isinstance(values, str) else values:
            parameters.append(
                f"{quote(name)}={quote(value) if name.lower() in _HARMLESS_PARAMETERS else '***'}"
            )
    return f"{shown}?{'&'.join(parameters)}"


def open_master(url: str) -> Engine:
    """Open (creating its tables if missing) the master store at a SQLAlchemy URL.

    SQLite files get the kiosk's durability settings (WAL, ``synchronous=FULL``,
    a busy timeout). A bad URL or an unreachable server raises ``MasterError``
    with one clear line (the password is never shown).
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise MasterError(
            "The master store address is not a database URL "
            f"(e.g. sqlite:///{MASTER_FILE_NAME} or postgresql+psycopg://user@host/db)."
        ) from None
    shown = safe_url(parsed)
    try:
        engine = create_engine(parsed)
    except NoSuchModuleError:
        raise MasterError(f"The master store {shown} uses an unknown database kind.") from None
    except (ArgumentError, ImportError) as exc:
        raise MasterError(f"The master store {shown} cannot be used ({exc}).") from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    with disposed_on_failure(engine, MasterError, f"The master store {shown}"):
        if engine.dialect.name == "sqlite":
            _make_file_private(engine)
        with engine.begin() as connection:
            if engine.dialect.name == "sqlite":
                # Take the write lock first: two imports opening a new file at
                # once must not both see "no tables" and both create them.
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            if engine.dialect.name == "postgresql":
                # Two imports starting at once must not both try to create the tables.
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK_KEY}
                )
            MasterBase.metadata.create_all(connection)
    return engine


def _make_file_private(engine: Engine) -> None:
    """Create a SQLite master's file owner-only before SQLite does (its -wal and -shm follow)."""
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return  # in memory, or a URI whose options SQLite alone should read
    path = Path(database)
    if path.parent.is_dir():  # a missing folder is SQLite's to report
        make_private_database(path)


def _configure_sqlite(engine: Engine) -> None:
    configure_sqlite(
        engine,
        busy_timeout_ms=lambda: _BUSY_TIMEOUT_MS,
        page_size=_PAGE_SIZE,
        pragmas=(
            # A larger page cache than SQLite's 2 MiB default: an import touches
            # pages all over the key indexes, and rereading them cost about 10%.
            f"cache_size=-{_CACHE_KIB}",
            # SQLite copies the WAL back into the file once it passes 1,000 pages
            # by default, i.e. after every file of an import, and an import
            # rewrites the same index pages file after file. Copying (and syncing
            # the file) once per 64 MiB does each page once; the import asks for
            # a checkpoint when it ends (see checkpoint_sqlite).
            f"wal_autocheckpoint={_CHECKPOINT_PAGES}",
            # The merge's scratch tables (kiosk.merge) stay in memory: a batch's
            # personal data never goes to a temporary file, and no time is spent
            # writing one.
            "temp_store=MEMORY",
        ),
    )


def checkpoint_sqlite(engine: Engine) -> None:
    """Copy a SQLite master's WAL back into the file now, without waiting for readers.

    Called when an import ends, so the WAL it grew does not wait for the next
    import's commits (another connection may keep the file open, and then
    closing this one does not checkpoint). Best effort: a busy store is left
    to its next checkpoint.
    """
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    except (SQLAlchemyError, sqlite3.Error):
        pass


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


_CONTACT_COLUMNS = (
    Contact.id,
    Contact.email_key,
    Contact.email,
    Contact.first_name,
    Contact.last_name,
    Contact.phone,
    Contact.postal_code,
    Contact.wlf_choice,
    Contact.email_group_opt_in,
    Contact.advocacy_pledge,
    Contact.contact_consent,
    Contact.consent_version,
    Contact.first_seen_at,
    Contact.last_seen_at,
    Contact.latest_signup_id,
)


# The contact columns a ContactRow holds as read (SQLAlchemy gives the flags as
# bool on every database); the two times are made aware.
_AS_READ = tuple(
    column.key
    for column in _CONTACT_COLUMNS
    if column.key not in {"first_seen_at", "last_seen_at", "latest_signup_id"}
)


def _contact_row(
    values: Any, touchpoints: int, event_names: tuple[str, ...], locale: str
) -> ContactRow:
    return ContactRow(
        **{key: getattr(values, key) for key in _AS_READ},
        first_seen_at=_aware(values.first_seen_at),
        last_seen_at=_aware(values.last_seen_at),
        touchpoints=touchpoints,
        event_names=event_names,
        locale=locale,
    )


def iter_contacts(engine: Engine) -> Iterator[ContactRow]:
    """Yield every contact, ordered by email key, with its touchpoint count and events.

    Streams from the database, so a CRM file of a million contacts stays light.
    A contact's language is that of the sign-up its profile was taken from.
    """
    query = (
        select(*_CONTACT_COLUMNS, Touchpoint.event_name, Touchpoint.signup_id, Touchpoint.locale)
        .join(Touchpoint, Touchpoint.contact_id == Contact.id)
        .order_by(Contact.email_key, Touchpoint.created_at, Touchpoint.signup_id)
    )
    with engine.connect() as connection:
        result = connection.execution_options(yield_per=2000).execute(query)
        current: Any = None
        count = 0
        events: dict[str, None] = {}
        locale = ""
        for row in result:
            if current is None or row.id != current.id:
                if current is not None:
                    yield _contact_row(current, count, tuple(events), locale)
                current, count, events, locale = row, 0, {}, ""
            count += 1
            events.setdefault(row.event_name, None)
            if row.signup_id == row.latest_signup_id:
                locale = row.locale
        if current is not None:
            yield _contact_row(current, count, tuple(events), locale)


def search_contacts(engine: Engine, text_: str, limit: int = 200) -> list[ContactRow]:
    """Return up to ``limit`` contacts whose name or email contains ``text_`` (any case)."""
    needle = text_.strip().casefold()
    if not needle:
        return []
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = (
        select(*_CONTACT_COLUMNS)
        .where(Contact.search_text.like(f"%{escaped}%", escape="\\"))
        .order_by(Contact.email_key)
        .limit(limit)
    )
    with engine.connect() as connection:
        return contacts_of(connection, connection.execute(query).all())


def recent_contacts(engine: Engine, limit: int = 200) -> list[ContactRow]:
    """Return the ``limit`` contacts who signed up last, the latest first."""
    query = (
        select(*_CONTACT_COLUMNS)
        .order_by(Contact.last_seen_at.desc(), Contact.id.desc())
        .limit(limit)
    )
    with engine.connect() as connection:
        return contacts_of(connection, connection.execute(query).all())


def contacts_with_ids(connection: Connection, ids: Iterable[int]) -> list[ContactRow]:
    """The contacts with these ids (those that exist), in id order."""
    wanted = sorted(set(ids))
    rows: list[Any] = []
    for start in range(0, len(wanted), _IN_CHUNK):
        chunk = wanted[start : start + _IN_CHUNK]
        rows += connection.execute(select(*_CONTACT_COLUMNS).where(Contact.id.in_(chunk))).all()
    return contacts_of(connection, sorted(rows, key=lambda row: row.id))


def contacts_of(connection: Connection, contacts: Sequence[Any]) -> list[ContactRow]:
    """``contacts`` (rows of the contact columns) as ContactRows, with their touchpoints counted.

    A contact's language is that of the sign-up its profile was taken from.
    """
    latest = {row.latest_signup_id for row in contacts}
    summary = sign_up_summary(connection, [row.id for row in contacts], latest=latest)
    return [
        _contact_row(
            row,
            summary.counts[row.id],
            tuple(summary.events.get(row.id, ())),
            summary.locales.get(row.id, ""),
        )
        for row in contacts
    ]


@dataclass(frozen=True)
class SignUpSummary:
    """What some contacts' sign-ups add up to, keyed by contact or by merged person."""

    counts: Counter[int]  # how many sign-ups
    events: dict[int, dict[str, None]]  # the events, in the order first come to
    locales: dict[int, str]  # the language of the sign-ups named ``latest``


def sign_up_summary(
    connection: Connection,
    ids: Sequence[int],
    owner: Callable[[int], int] = int,
    latest: Collection[str] = (),
) -> SignUpSummary:
    """The sign-ups of the contacts ``ids``: their count, events and language.

    All are keyed by ``owner(contact id)``: the contact itself, or the person
    a merge made it part of (``kiosk.people``). The language is read from the
    sign-ups whose ids are in ``latest`` (each contact's ``latest_signup_id``).
    """
    counts: Counter[int] = Counter()
    events: dict[int, dict[str, None]] = {}
    locales: dict[int, str] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        touches = connection.execute(
            select(
                Touchpoint.contact_id,
                Touchpoint.event_name,
                Touchpoint.signup_id,
                Touchpoint.locale,
            )
            .where(Touchpoint.contact_id.in_(ids[start : start + _IN_CHUNK]))
            .order_by(Touchpoint.created_at, Touchpoint.signup_id)
        )
        for contact_id, event_name, signup_id, locale in touches:
            key = owner(contact_id)
            counts[key] += 1
            events.setdefault(key, {}).setdefault(event_name, None)
            if signup_id in latest:
                locales[key] = locale
    return SignUpSummary(counts, events, locales)
