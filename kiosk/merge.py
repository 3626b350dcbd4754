"""Merge checked export files into the master store, one transaction per file.

``merge_file`` writes one file's sign-ups (touchpoints) and people (contacts)
with plain SQL run through the driver's executemany (SQLite), or COPY into
temporary tables and one INSERT ... SELECT per table (PostgreSQL);
``ON CONFLICT`` does the deduplication, so merging the same file twice, or
two overlapping imports at the same time, never duplicates anything. A file
is merged a batch at a time (``kiosk.export_check.export_batches``), all in
its one transaction. A sign-up whose id is stored already with other values
keeps the stored one and is counted as a conflict. The import as a whole is
``kiosk.importer``'s.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import compress
from operator import itemgetter, not_
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from kiosk.csvformat import COLUMNS, sqlite_times
from kiosk.errors import KioskError
from kiosk.export_check import FLAGS, CheckedExport, FileCells, export_batches
from kiosk.gcpause import gc_paused
from kiosk.master import ImportedFile, MasterError, Touchpoint
from kiosk.store import database_error_reason

_CHUNK = 2000  # rows per INSERT round trip (well under SQLite's parameter limit)
_FLAG_INTS = {"true": 1, "false": 0}


class ImportFailed(KioskError):
    """The master store failed during a merge; the file being merged was rolled back whole."""


@dataclass
class MergeCounts:
    """What merging one or more files did: sign-ups and contacts new or already there.

    A conflicting sign-up is one whose id is stored already with other
    values: the stored one is kept, the file's is counted here and dropped.
    """

    signups_new: int = 0
    signups_present: int = 0
    contacts_new: int = 0
    contacts_updated: int = 0
    signups_conflicting: int = 0

    def add(self, other: MergeCounts) -> None:
        """Add ``other``'s counts to these."""
        self.signups_new += other.signups_new
        self.signups_present += other.signups_present
        self.contacts_new += other.contacts_new
        self.contacts_updated += other.contacts_updated
        self.signups_conflicting += other.signups_conflicting


@dataclass(frozen=True)
class FileMerged:
    """What merging one file did: a note for its outcome, and its conflicting sign-ups."""

    note: str  # "already imported ..." or empty
    conflicts: int


class _MissedSignups(Exception):
    """Sign-up ids the merge did not look up were in the store already (with another email)."""


def merge_file(
    engine: Engine,
    item: CheckedExport,
    totals: MergeCounts,
    step: Callable[[int], None],
    before_commit: Callable[[], None],
) -> FileMerged:
    """Merge one checked file in one transaction and add its counts to ``totals``.

    Raises ``ImportFailed`` (the file rolled back whole) if the store fails,
    and ``kiosk.export_check.FileChanged`` (rolled back too) if the file,
    read again, is no longer the one that was checked.
    """
    try:
        try:
            note, counts = _merge_file_once(engine, item, step, before_commit, every_id=False)
        except _MissedSignups:
            # Rare (a forged or edited file): start again, looking up every id.
            note, counts = _merge_file_once(engine, item, step, before_commit, every_id=True)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        reason = database_error_reason(exc)
        raise ImportFailed(
            f"Merging {item.path.name} into the master store failed ({reason}); "
            "that file was not imported, files merged before it are kept."
        ) from None
    totals.add(counts)
    return FileMerged(note, counts.signups_conflicting)


def _merge_file_once(
    engine: Engine,
    item: CheckedExport,
    step: Callable[[int], None],
    before_commit: Callable[[], None],
    *,
    every_id: bool,
) -> tuple[str, MergeCounts]:
    with engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            with gc_paused():
                note, counts = _merge_in(connection, item, step, every_id)
            before_commit()
            connection.commit()
            return note, counts
        # A bulk load: every touchpoint gets the id of a contact the
        # merge read or inserted under this same write lock, so
        # SQLite's foreign key lookup per row (about a tenth of an
        # import's database time) could never fail. It is switched
        # back on before the connection does anything else.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            # Take the write lock now: a read-then-write transaction could
            # otherwise fail (not wait) when another import commits first.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            with gc_paused():
                note, counts = _merge_in(connection, item, step, every_id)
            before_commit()
            connection.commit()
        finally:
            connection.rollback()  # ends a failed transaction (the pragma needs none)
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        return note, counts


def _picker(rows: Sequence[int]) -> Callable[[Sequence[Any]], Sequence[Any]]:
    """A function returning a column's values at ``rows``, in that order.

    One ``itemgetter`` call in C per column: half the time of a ``map`` over
    the rows, and a merge picks a dozen columns of every file.
    """
    if len(rows) > 1:
        return itemgetter(*rows)
    return lambda column: [column[at] for at in rows]  # itemgetter of one row is not a tuple


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_CONTACT_COLUMNS = (
    "email_key",
    "email",
    "first_name",
    "last_name",
    "phone",
    "postal_code",
    "wlf_choice",
    "email_group_opt_in",
    "advocacy_pledge",
    "contact_consent",
    "consent_version",
    "first_seen_at",
    "last_seen_at",
    "latest_signup_id",
    "search_text",
)
# Taken from the newer sign-up when a contact is merged (first_seen_at takes the older).
_PROFILE_COLUMNS = tuple(c for c in _CONTACT_COLUMNS if c not in ("email_key", "first_seen_at"))
# A touchpoint is the export's row (signup_id first), tied to its contact and its file.
_TOUCHPOINT_COLUMNS = ("signup_id", "contact_id", *COLUMNS[1:], "source_sha256", "imported_at")


def _check_dialect(dialect: str) -> None:
    if dialect not in ("sqlite", "postgresql"):
        raise MasterError(
            f"The master store's database kind ({dialect}) is not supported; "
            "use SQLite or PostgreSQL."
        )


def _sqlite_statements(sha256: str, imported_at: str) -> tuple[str, str, str]:
    """Return SQLite's contact upsert, new-contact insert and touchpoint insert.

    Plain SQL run with the driver's executemany: skipping SQLAlchemy's
    per-value processing makes a merge several times faster. The new-contact
    insert names the id (the import holds the write lock), so touchpoints can
    be given their contact's id without a lookup. The file's hash and the
    import time, the same for every touchpoint, are written into the insert
    as literals: binding them again for every row was about a tenth of its
    time. PostgreSQL goes through COPY into staging tables instead
    (``_merge_pg``).
    """
    mark = "?"
    newer = (
        "(excluded.last_seen_at > contacts.last_seen_at OR "
        "(excluded.last_seen_at = contacts.last_seen_at AND "
        "excluded.latest_signup_id > contacts.latest_signup_id))"
    )
    updates = [
        f"{c} = CASE WHEN {newer} THEN excluded.{c} ELSE contacts.{c} END" for c in _PROFILE_COLUMNS
    ]
    updates.append(
        "first_seen_at = CASE WHEN excluded.first_seen_at < contacts.first_seen_at "
        "THEN excluded.first_seen_at ELSE contacts.first_seen_at END"
    )
    upsert = (
        f"INSERT INTO contacts ({', '.join(_CONTACT_COLUMNS)}) "
        f"VALUES ({', '.join([mark] * len(_CONTACT_COLUMNS))}) "
        f"ON CONFLICT (email_key) DO UPDATE SET {', '.join(updates)}"
    )
    insert_new = (
        f"INSERT INTO contacts (id, {', '.join(_CONTACT_COLUMNS)}) "
        f"VALUES ({', '.join([mark] * (len(_CONTACT_COLUMNS) + 1))})"
    )
    insert = (
        f"INSERT INTO touchpoints ({', '.join(_TOUCHPOINT_COLUMNS)}) "
        f"VALUES ({', '.join([mark] * (len(_TOUCHPOINT_COLUMNS) - 2))}, "
        f"{_sql_literal(sha256)}, {_sql_literal(imported_at)}) "
        "ON CONFLICT (signup_id) DO NOTHING"
    )
    return upsert, insert_new, insert


def _sql_literal(text: str) -> str:
    """``text`` as an SQL string literal (quotes doubled, so any text stays one value)."""
    return "'" + text.replace("'", "''") + "'"


def _merge_in(
    connection: Connection, item: CheckedExport, step: Callable[[int], None], every_id: bool
) -> tuple[str, MergeCounts]:
    """Merge the file batch by batch in the connection's transaction; return a note and counts."""
    counts = MergeCounts()
    now = datetime.now(UTC)
    already = connection.execute(
        select(ImportedFile.imported_at).where(ImportedFile.sha256 == item.sha256)
    ).scalar()
    if already is not None:
        counts.signups_present = item.rows
        step(item.rows)
        return f"already imported {already:%Y-%m-%d %H:%M} UTC", counts

    dialect = connection.dialect.name
    _check_dialect(dialect)
    done = 0
    for cells in export_batches(item):

        def batch_step(rows: int, base: int = done) -> None:
            step(base + rows)

        _merge_batch(connection, cells, item.sha256, now, counts, batch_step, every_id)
        done += len(cells.times)
    _insert_file_row(connection, dialect, item, now)
    return "", counts


def _merge_batch(
    connection: Connection,
    cells: FileCells,
    sha256: str,
    now: datetime,
    counts: MergeCounts,
    step: Callable[[int], None],
    every_id: bool,
) -> None:
    """Merge one batch of a file's sign-ups and add what it did to ``counts``.

    ``every_id`` looks every sign-up id up, not only those of known people
    (see ``_MissedSignups``).
    """
    dialect = connection.dialect.name
    # Everything below works a column at a time (map, zip, sort in C): a
    # Python statement per sign-up would cost more than the database does.
    (ids, created_at, events, places, kiosks, firsts, lasts, emails, phones, postals) = (
        cells.columns[:10]
    )
    (choices, opt_in_cells, pledge_cells, consent_cells, versions, locales) = cells.columns[10:]
    # SQLite gets its flags as 1 and 0 (what SQLAlchemy's Boolean stores there):
    # the sqlite3 module binds an int directly but looks for an adapter for
    # every bool, and that alone cost about a tenth of an import.
    # PostgreSQL gets every value as text through COPY, where "true", "false"
    # and the checked cells are already what its input functions read.
    opt_ins: Sequence[Any]
    pledges: Sequence[Any]
    consents: Sequence[Any]
    if dialect == "sqlite":
        opt_ins, pledges, consents = (
            list(map(_FLAG_INTS.__getitem__, c))
            for c in (opt_in_cells, pledge_cells, consent_cells)
        )
    else:
        opt_ins, pledges, consents = opt_in_cells, pledge_cells, consent_cells
    # Times as text in SQLAlchemy's SQLite form, which is also PostgreSQL's
    # input form of a naive UTC timestamp. The text form (fixed-width) orders
    # like the times, so "time then sign-up id" is one string to sort by.
    stamps = sqlite_times(created_at)
    created: Sequence[Any] = stamps
    imported_at: Any = _sqlite_time(now) if dialect == "sqlite" else now.replace(tzinfo=None)
    keys = list(map(str.lower, map(str.strip, emails)))  # kiosk.master.email_key of each

    # A sign-up stored already with the same values has its person stored
    # too: look the file's people up first, then only their sign-ups (often
    # none at all). A stored id under another person shows up as fewer rows
    # inserted than asked, and the file is merged again with every id looked
    # up (every_id).
    everyone = sorted(set(keys))  # one lock order for every import: no deadlocks between two
    if dialect == "postgresql":
        known = dict(_pg_execute(connection, _PG_KNOWN, (everyone,))[1])
        their = list(ids) if every_id else list(compress(ids, map(known.__contains__, keys)))
        present = (
            {row[0] for row in _pg_execute(connection, _PG_PRESENT, (their,))[1]}
            if their
            else set()
        )
    else:
        known = _existing_ids(connection, everyone)
        present = _existing(
            connection,
            "touchpoints",
            "signup_id",
            list(ids) if every_id else list(compress(ids, map(known.__contains__, keys))),
        )
    conflicts = len(_conflicting(connection, cells, present)) if present else 0
    counts.signups_conflicting += conflicts
    # One profile per person, from their latest new sign-up in this file (the
    # upsert then keeps whichever of it and the stored one is later); ties in
    # time go to the greater sign-up id, as in the upsert.
    by_time = sorted(range(len(ids)), key=list(map(str.__add__, stamps, ids)).__getitem__)
    if present:
        by_time = [at for at in by_time if ids[at] not in present]
    key_at = keys.__getitem__
    latest = dict(zip(map(key_at, by_time), by_time, strict=True))
    earliest = dict(zip(map(key_at, reversed(by_time)), reversed(by_time), strict=True))
    people = [key for key in everyone if key in latest] if present else everyone

    def profile_of(whom: Sequence[str]) -> list[Sequence[Any]]:
        """The values after the email key of ``whom``'s contacts, in _CONTACT_COLUMNS order."""
        pick = _picker(list(map(latest.__getitem__, whom)))
        first_names, last_names, contact_emails = pick(firsts), pick(lasts), pick(emails)
        return [
            contact_emails,
            first_names,
            last_names,
            pick(phones),
            pick(postals),
            pick(choices),
            pick(opt_ins),
            pick(pledges),
            pick(consents),
            pick(versions),
            _picker(list(map(earliest.__getitem__, whom)))(created),  # first_seen_at
            pick(created),  # last_seen_at
            pick(ids),  # latest_signup_id
            # kiosk.master.search_text of each contact:
            list(
                map(str.casefold, map("{} {} {}".format, first_names, last_names, contact_emails))
            ),
        ]

    if dialect == "postgresql":
        contacts_new, signups_new = _merge_pg(
            connection,
            [people, *profile_of(people)],
            [
                ids,
                keys,
                created,
                events,
                places,
                kiosks,
                firsts,
                lasts,
                emails,
                phones,
                postals,
                choices,
                opt_ins,
                pledges,
                consents,
                versions,
                locales,
            ],
            present,
            (sha256, imported_at),
        )
        step(len(ids))
        if not every_id and len(present) + signups_new < len(ids):
            raise _MissedSignups
        counts.contacts_new += contacts_new
        counts.contacts_updated += len(people) - contacts_new
        counts.signups_new += signups_new
        counts.signups_present += len(ids) - signups_new - conflicts
        return

    # SQLite: the import holds the write lock (BEGIN IMMEDIATE), so what
    # exists now is what exists when the inserts run, and new contacts can be
    # given their ids here (in key order, after the greatest).
    upsert, insert_new, insert = _sqlite_statements(sha256, imported_at)
    # The people known already and the new ones are picked apart, not picked
    # together and then split (that split cost as much as the picking).
    is_old = list(map(known.__contains__, people))
    old_keys = list(compress(people, is_old))
    new_keys = list(compress(people, map(not_, is_old))) if old_keys else people
    first_id = (connection.exec_driver_sql("SELECT max(id) FROM contacts").scalar() or 0) + 1
    new_ids = range(first_id, first_id + len(new_keys))
    contact_ids = {**known, **dict(zip(new_keys, new_ids, strict=True))}
    if new_keys:
        connection.exec_driver_sql(
            insert_new, list(zip(new_ids, new_keys, *profile_of(new_keys), strict=True))
        )
    if old_keys:
        connection.exec_driver_sql(upsert, list(zip(old_keys, *profile_of(old_keys), strict=True)))
    counts.contacts_new += len(new_keys)
    counts.contacts_updated += len(old_keys)

    # One tuple per sign-up in the insert's column order, sorted by sign-up id
    # so every import takes its locks in one order.
    rows = sorted(
        zip(
            ids,
            map(contact_ids.get, keys),  # None only for sign-ups already present
            created,
            events,
            places,
            kiosks,
            firsts,
            lasts,
            emails,
            phones,
            postals,
            choices,
            opt_ins,
            pledges,
            consents,
            versions,
            locales,
            strict=True,
        ),
        key=itemgetter(0),
    )
    if present:
        rows = [row for row in rows if row[0] not in present]
    added = 0
    done = len(present)
    step(done)
    for chunk in _chunks(rows):
        # rowcount counts only inserted rows: a concurrent import's are skipped.
        added += max(connection.exec_driver_sql(insert, list(chunk)).rowcount, 0)
        done += len(chunk)
        step(done)

    if not every_id and added < len(rows):
        raise _MissedSignups  # under the write lock, only a stored id under another person
    counts.signups_new += added
    counts.signups_present += len(ids) - added - conflicts


def _insert_file_row(
    connection: Connection, dialect: str, item: CheckedExport, now: datetime
) -> None:
    """Record the merged file (by its hash) in the same transaction as its rows."""
    connection.execute(
        _insert_imported_file(dialect),
        {
            "sha256": item.sha256,
            "file_name": item.path.name,
            "kiosk_id": ",".join(item.kiosk_ids),
            "rows": item.rows,
            "imported_at": now.replace(tzinfo=None),
        },
    )


# What a stored sign-up is compared on when a file brings its id again: every
# column of the export (in COLUMNS order, after the id).
_COMPARED = tuple(getattr(Touchpoint, name) for name in COLUMNS)
_FLAG_COLUMNS = frozenset(
    COLUMNS.index(name) for name in ("email_group_opt_in", "advocacy_pledge", "contact_consent")
)


def _conflicting(connection: Connection, cells: FileCells, present: set[str]) -> set[str]:
    """The sign-ups among ``present`` (ids already stored) whose stored values differ."""
    at = {signup_id: row for row, signup_id in enumerate(cells.columns[0]) if signup_id in present}
    differ: set[str] = set()
    for chunk in _chunks(sorted(present), 900):
        stored = connection.execute(select(*_COMPARED).where(Touchpoint.signup_id.in_(chunk)))
        for values in stored:
            row = at[values[0]]
            mine = [
                cells.times[row].replace(tzinfo=None)  # stored as naive UTC
                if column == 1
                else FLAGS[cells.columns[column][row]]
                if column in _FLAG_COLUMNS
                else cells.columns[column][row]
                for column in range(1, len(COLUMNS))
            ]
            if list(values[1:]) != mine:
                differ.add(values[0])
    return differ


# The merge's scratch tables on PostgreSQL: one batch's people and new
# sign-ups, loaded with COPY, then moved into the real tables by one
# INSERT ... SELECT each. Temporary (one per session, so concurrent imports
# never see each other's), emptied before each batch and at every commit; a
# rollback takes their rows away with everything else.
_PG_TYPES = {
    "contact_id": "integer",
    "email_group_opt_in": "boolean",
    "advocacy_pledge": "boolean",
    "contact_consent": "boolean",
    "first_seen_at": "timestamp",
    "last_seen_at": "timestamp",
    "created_at": "timestamp",
}
# Sign-up columns as COPY sends them: the file's cells plus the contact's id
# (the file's hash and the import time are the same for every row).
_PG_SIGNUP_COLUMNS = _TOUCHPOINT_COLUMNS[:-2]
_PG_SCRATCH = "; ".join(
    [
        # Quiet: "already exists, skipping" is a notice for every file but the first.
        "SET LOCAL client_min_messages TO warning",
        *(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {table} ("
            + ", ".join(f"{c} {_PG_TYPES.get(c, 'text')}" for c in columns)
            + ") ON COMMIT DELETE ROWS"
            for table, columns in (
                ("merge_people", _CONTACT_COLUMNS),
                ("merge_signups", _PG_SIGNUP_COLUMNS),
            )
        ),
        "TRUNCATE merge_people, merge_signups",  # the previous batch's, in a file of several
    ]
)
_PG_KNOWN = "SELECT email_key, id FROM contacts WHERE email_key = ANY(%b::text[])"
_PG_PRESENT = "SELECT signup_id FROM touchpoints WHERE signup_id = ANY(%b::text[])"
_PG_NEWER = (
    "(excluded.last_seen_at > contacts.last_seen_at OR "
    "(excluded.last_seen_at = contacts.last_seen_at AND "
    "excluded.latest_signup_id > contacts.latest_signup_id))"
)
# Rows go in key order (byte order, as Python sorts), so every import takes
# its row locks in one order and two concurrent imports cannot deadlock.
# Only the upsert knows whether it inserted (xmax = 0) or merged into a row
# another import had just committed.
_PG_UPSERT = (
    f"INSERT INTO contacts ({', '.join(_CONTACT_COLUMNS)}) "
    f'SELECT {", ".join(_CONTACT_COLUMNS)} FROM merge_people ORDER BY email_key COLLATE "C" '
    "ON CONFLICT (email_key) DO UPDATE SET "
    + ", ".join(
        f"{c} = CASE WHEN {_PG_NEWER} THEN excluded.{c} ELSE contacts.{c} END"
        for c in _PROFILE_COLUMNS
    )
    + ", first_seen_at = LEAST(excluded.first_seen_at, contacts.first_seen_at) "
    "RETURNING email_key, id, (xmax = 0)"
)
_PG_INSERT = (
    f"INSERT INTO touchpoints ({', '.join(_TOUCHPOINT_COLUMNS)}) "
    f"SELECT {', '.join(_PG_SIGNUP_COLUMNS)}, %s, %s FROM merge_signups "
    'ORDER BY signup_id COLLATE "C" ON CONFLICT (signup_id) DO NOTHING'
)
_COPY_SPECIAL = re.compile(r"[\\\t\n\r]")


def _merge_pg(
    connection: Connection,
    people: list[Sequence[Any]],
    signups: list[Sequence[Any]],
    present: set[str],
    constants: tuple[str, datetime],
) -> tuple[int, int]:
    """Upsert one file's people and insert its new sign-ups; return how many of each were new.

    ``people`` holds the contact columns (``_CONTACT_COLUMNS``) and
    ``signups`` the file's sign-up columns with the email key in the contact
    id's place, all as PostgreSQL's text input; sign-ups in ``present`` are
    skipped. COPY then one INSERT ... SELECT per table: no per-row statement
    and no per-value conversion in Python.
    """
    driver = connection.connection.driver_connection
    dbapi_error = connection.dialect.loaded_dbapi.Error
    statement = "COPY"
    try:
        with driver.cursor() as cursor:  # type: ignore[union-attr]
            statement = _PG_SCRATCH
            cursor.execute(statement)
            statement = "COPY merge_people"
            _copy(cursor, "merge_people", _CONTACT_COLUMNS, people)
            statement = _PG_UPSERT
            cursor.execute(statement)
            contact_ids: dict[str, int] = {}
            inserted = 0
            for key, contact_id, was_inserted in cursor.fetchall():
                contact_ids[key] = contact_id
                inserted += bool(was_inserted)
            if present:
                keep = [signup_id not in present for signup_id in signups[0]]
                signups = [list(compress(column, keep)) for column in signups]
            signups[1] = list(map(str, map(contact_ids.__getitem__, signups[1])))
            statement = "COPY merge_signups"
            _copy(cursor, "merge_signups", _PG_SIGNUP_COLUMNS, signups)
            statement = _PG_INSERT
            cursor.execute(statement, constants)
            return inserted, max(cursor.rowcount, 0)
    except dbapi_error as exc:
        raise DBAPIError.instance(statement, None, exc, dbapi_error) from None


def _copy(cursor: Any, table: str, names: Sequence[str], columns: list[Sequence[Any]]) -> None:
    """COPY ``columns`` (text, one list per column) into ``table`` in one text-format stream."""
    columns = [_copy_escaped(column) for column in columns]
    with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
        if columns and columns[0]:
            copy.write("\n".join(map("\t".join, zip(*columns, strict=True))) + "\n")


def _copy_escaped(column: Sequence[str]) -> Sequence[str]:
    """Escape COPY's text-format specials (backslash, tab, newline, return) in ``column``."""
    if _COPY_SPECIAL.search("".join(column)) is None:
        return column
    return [
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
        for value in column
    ]


def _pg_execute(
    connection: Connection, statement: str, params: tuple[Any, ...]
) -> tuple[int, list[Any]]:
    """Run ``statement`` on the connection's own psycopg cursor (so in the same transaction).

    SQLAlchemy's exec_driver_sql would read ``%b`` (psycopg's binary
    placeholder) as a format error, so the cursor is used directly; a driver
    error is wrapped as SQLAlchemy wraps it, for the same one-line reason.
    Returns the row count and any rows returned.
    """
    dbapi_error = connection.dialect.loaded_dbapi.Error
    try:
        with connection.connection.driver_connection.cursor() as cursor:  # type: ignore[union-attr]
            cursor.execute(statement, params)
            return cursor.rowcount, cursor.fetchall() if cursor.description else []
    except dbapi_error as exc:
        raise DBAPIError.instance(statement, None, exc, dbapi_error) from None


def _existing_ids(connection: Connection, keys: Sequence[str]) -> dict[str, int]:
    """Return the id of each contact among ``keys`` (email keys) that already exists."""
    mark = "?" if connection.dialect.name == "sqlite" else "%s"
    found: dict[str, int] = {}
    for chunk in _chunks(keys, 900):
        marks = ", ".join([mark] * len(chunk))
        query = f"SELECT email_key, id FROM contacts WHERE email_key IN ({marks})"
        found.update(connection.exec_driver_sql(query, tuple(chunk)).all())
    return found


def _existing(connection: Connection, table: str, column: str, values: Sequence[str]) -> set[str]:
    """Return which of ``values`` the key ``column`` of ``table`` already holds."""
    mark = "?" if connection.dialect.name == "sqlite" else "%s"
    found: set[str] = set()
    for chunk in _chunks(values, 900):
        marks = ", ".join([mark] * len(chunk))
        query = f"SELECT {column} FROM {table} WHERE {column} IN ({marks})"
        found.update(row[0] for row in connection.exec_driver_sql(query, tuple(chunk)))
    return found


def _sqlite_time(moment: datetime) -> str:
    """SQLAlchemy's SQLite form of a UTC time ("2026-11-24 15:30:00.000000")."""
    return moment.isoformat(" ", "microseconds")[:26]


def _insert_imported_file(dialect: str) -> Any:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(ImportedFile).on_conflict_do_nothing(index_elements=[ImportedFile.sha256])
