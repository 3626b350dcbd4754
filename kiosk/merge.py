"""Merge checked export files into the master store, one transaction per file.

``merge_file`` writes one file's sign-ups (touchpoints) and people (contacts)
by loading temporary tables (the driver's executemany on SQLite, COPY on
PostgreSQL) and moving their rows with one INSERT ... SELECT per table;
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
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import compress, count
from operator import add, itemgetter, ne
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from kiosk.csvformat import COLUMNS, FEW_VALUE_COLUMNS, FLAG_COLUMNS, FLAG_VALUES, sqlite_times
from kiosk.errors import KioskError
from kiosk.export_check import CheckedExport, FileCells, export_batches
from kiosk.gcpause import gc_paused
from kiosk.left_out import event_key, events_left_out, record_left_out, without_events
from kiosk.master import ImportedFile, MasterError, Touchpoint, email_key, search_text
from kiosk.store import database_error_reason

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
    # Sign-ups under events staff left out (--skip-event), by event name: not merged.
    left_out: Counter[str] = field(default_factory=Counter)

    def add(self, other: MergeCounts) -> None:
        """Add ``other``'s counts to these."""
        self.signups_new += other.signups_new
        self.signups_present += other.signups_present
        self.contacts_new += other.contacts_new
        self.contacts_updated += other.contacts_updated
        self.signups_conflicting += other.signups_conflicting
        self.left_out.update(other.left_out)


@dataclass(frozen=True)
class FileMerged:
    """What merging one file did: a note for its outcome, and its conflicting sign-ups."""

    note: str  # "already imported ..." or empty
    conflicts: int
    left_out: int = 0  # sign-ups under events staff left out


class _MissedSignups(Exception):
    """Sign-up ids the merge did not look up were in the store already (with another email)."""


def merge_file(
    engine: Engine,
    item: CheckedExport,
    totals: MergeCounts,
    step: Callable[[int], None],
    before_wait: Callable[[], None],
    *,
    skipped: frozenset[str] = frozenset(),
) -> FileMerged:
    """Merge one checked file in one transaction and add its counts to ``totals``.

    Sign-ups under the events keyed ``skipped`` (``kiosk.left_out``) are left out.
    ``before_wait`` is called (maybe more than once) when the merge is about to
    wait on the database for a while with the GIL released: a long INSERT ...
    SELECT, the commit. The import checks its next file then.
    Raises ``ImportFailed`` (the file rolled back whole) if the store fails,
    and ``kiosk.export_check.FileChanged`` (rolled back too) if the file,
    read again, is no longer the one that was checked.
    """

    def merge(every_id: bool) -> tuple[str, MergeCounts]:
        return _in_one_transaction(
            engine,
            lambda connection: _merge_in(connection, item, step, before_wait, every_id, skipped),
            before_wait,
        )

    try:
        try:
            note, counts = merge(every_id=False)
        except _MissedSignups:
            # Rare (a forged or edited file): start again, looking up every id.
            note, counts = merge(every_id=True)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        reason = database_error_reason(exc)
        raise ImportFailed(
            f"Merging {item.path.name} into the master store failed ({reason}); "
            "that file was not imported, files merged before it are kept."
        ) from None
    totals.add(counts)
    return FileMerged(note, counts.signups_conflicting, sum(counts.left_out.values()))


def _in_one_transaction(
    engine: Engine,
    merge: Callable[[Connection], tuple[str, MergeCounts]],
    before_wait: Callable[[], None],
) -> tuple[str, MergeCounts]:
    """Run ``merge`` in one write transaction on a connection of its own, and commit it."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A bulk load: every touchpoint gets the id of a contact the
            # merge read or inserted under this same write lock, so
            # SQLite's foreign key lookup per row (about a tenth of an
            # import's database time) could never fail. It is switched
            # back on before the connection does anything else.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            if sqlite:
                # Take the write lock now: a read-then-write transaction could
                # otherwise fail (not wait) when another import commits first.
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            with gc_paused():
                result = merge(connection)
            before_wait()
            connection.commit()
            return result
        finally:
            if sqlite:
                connection.rollback()  # ends a failed transaction (the pragma needs none)
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# A contact's values taken straight from one of its sign-ups (the newest), in
# _CONTACT_COLUMNS order after its email key: the email, the name, then the
# export's columns from the phone to the consent version.
_FROM_SIGNUP = (
    "email",
    "first_name",
    "last_name",
    *COLUMNS[COLUMNS.index("phone") : COLUMNS.index("consent_version") + 1],
)
_CONTACT_COLUMNS = (
    "email_key",
    *_FROM_SIGNUP,
    "first_seen_at",
    "last_seen_at",
    "latest_signup_id",
    "search_text",
)
# Taken from the newer sign-up when a contact is merged (first_seen_at takes the older).
_PROFILE_COLUMNS = tuple(c for c in _CONTACT_COLUMNS if c not in ("email_key", "first_seen_at"))
# A sign-up as the writers get it: the export's row, its contact's id after its
# own (the email key stands there until the contact's id is known).
_SIGNUP_COLUMNS = ("signup_id", "contact_id", *COLUMNS[1:])
# A touchpoint is that, and the file it came from.
_TOUCHPOINT_COLUMNS = (*_SIGNUP_COLUMNS, "source_sha256", "imported_at")
_CREATED_AT = COLUMNS.index("created_at")
_FROM_SIGNUP_AT = tuple(COLUMNS.index(name) for name in _FROM_SIGNUP)
_FIRST_SEEN = _CONTACT_COLUMNS.index("first_seen_at")
_FLAG_COLUMNS = frozenset(COLUMNS.index(name) for name in FLAG_COLUMNS)
# Upserting a contact keeps the newer sign-up's profile; ties in time go to the
# greater sign-up id, so the result never depends on the order of the files.
_NEWER = (
    "(excluded.last_seen_at > contacts.last_seen_at OR "
    "(excluded.last_seen_at = contacts.last_seen_at AND "
    "excluded.latest_signup_id > contacts.latest_signup_id))"
)
_TAKE_NEWER = ", ".join(
    f"{c} = CASE WHEN {_NEWER} THEN excluded.{c} ELSE contacts.{c} END" for c in _PROFILE_COLUMNS
)


@dataclass(frozen=True)
class _Batch:
    """One batch of a file, as either dialect's writer takes it."""

    signups: list[Sequence[Any]]  # a column each, in _SIGNUP_COLUMNS order, email key as contact_id
    present: set[str]  # ids of the batch's sign-ups the store holds already
    known: dict[str, int]  # the stored contact id of each person the store knows
    people: list[tuple[Any, ...]]  # the contacts to write (_CONTACT_COLUMNS), in key order


class _Writer(ABC):
    """What differs between the dialects: value forms, look-ups, and how rows are written.

    A writer serves one file's merge on one connection; ``file`` is the file's
    hash and the import time (in the dialect's form), the same for every row;
    ``before_wait`` is the merge's (see ``merge_file``).
    """

    def __init__(
        self, connection: Connection, file: tuple[str, Any], before_wait: Callable[[], None]
    ) -> None:
        self._connection = connection
        self._file = file
        self._before_wait = before_wait

    @abstractmethod
    def flags(self, cells: Sequence[str]) -> Sequence[Any]:
        """A column of "true"/"false" cells as this dialect takes booleans."""

    @abstractmethod
    def known_contacts(self, keys: list[str]) -> dict[str, int]:
        """The id of each contact among ``keys`` (email keys) that is stored already."""

    @abstractmethod
    def stored_signups(self, ids: list[str]) -> set[str]:
        """Which of the sign-up ``ids`` are stored already."""

    @abstractmethod
    def write(self, batch: _Batch, step: Callable[[int], None]) -> tuple[int, int]:
        """Write the batch's contacts and new sign-ups; return how many of each were new."""


def _writer_for(
    connection: Connection, sha256: str, now: datetime, before_wait: Callable[[], None]
) -> _Writer:
    """The writer for the connection's dialect, for the file with hash ``sha256``."""
    dialect = connection.dialect.name
    if dialect == "sqlite":
        return _SQLiteWriter(connection, (sha256, _sqlite_time(now)), before_wait)
    if dialect == "postgresql":
        return _PostgreSQLWriter(connection, (sha256, now.replace(tzinfo=None)), before_wait)
    raise MasterError(
        f"The master store's database kind ({dialect}) is not supported; use SQLite or PostgreSQL."
    )


def _merge_in(
    connection: Connection,
    item: CheckedExport,
    step: Callable[[int], None],
    before_wait: Callable[[], None],
    every_id: bool,
    skipped: frozenset[str],
) -> tuple[str, MergeCounts]:
    """Merge the file batch by batch in the connection's transaction; return a note and counts."""
    counts = MergeCounts()
    now = datetime.now(UTC)
    already = connection.execute(
        select(ImportedFile.imported_at).where(ImportedFile.sha256 == item.sha256)
    ).scalar()
    left_before = events_left_out(connection, item.sha256) if already is not None else set()
    if already is not None and all(event_key(name) in skipped for name in left_before):
        counts.signups_present = item.rows
        step(item.rows)
        return f"already imported {already:%Y-%m-%d %H:%M} UTC", counts

    writer = _writer_for(connection, item.sha256, now, before_wait)
    done = 0
    for file_cells in export_batches(item):

        def batch_step(rows: int, base: int = done) -> None:
            step(base + rows)

        done += len(file_cells.times)
        cells = without_events(file_cells, skipped, counts.left_out)
        if cells is None:
            continue
        batch, conflicts = _prepare(connection, writer, cells, every_id)
        contacts_new, signups_new = writer.write(batch, batch_step)
        ids = batch.signups[0]
        if not every_id and len(batch.present) + signups_new < len(ids):
            # Under the write lock, only a stored id under another person.
            raise _MissedSignups
        counts.signups_conflicting += conflicts
        counts.contacts_new += contacts_new
        counts.contacts_updated += len(batch.people) - contacts_new
        counts.signups_new += signups_new
        counts.signups_present += len(ids) - signups_new - conflicts
    _insert_file_row(connection, connection.dialect.name, item, now)
    # Still left out: what this import left out, and had not been merged before.
    still = [n for n in counts.left_out if already is None or n in left_before]
    if still or left_before:
        record_left_out(connection, item.sha256, still)
    return "", counts


def _prepare(
    connection: Connection, writer: _Writer, cells: FileCells, every_id: bool
) -> tuple[_Batch, int]:
    """The dialect-neutral step: a batch's keys, what is stored already, each person's profile.

    Returns the batch and how many of its sign-ups conflict with stored ones.
    ``every_id`` looks every sign-up id up, not only those of known people
    (see ``_MissedSignups``).
    """
    # Everything here works a column at a time (map, zip, sort in C): a
    # Python statement per sign-up would cost more than the database does.
    columns: list[Sequence[Any]] = list(cells.columns)
    # Times as text in SQLAlchemy's SQLite form, which is also PostgreSQL's
    # input form of a naive UTC timestamp. The text form (fixed-width) orders
    # like the times, so "time then sign-up id" is one string to sort by.
    columns[_CREATED_AT] = sqlite_times(cells.columns[_CREATED_AT])
    for at in _FLAG_COLUMNS:
        columns[at] = writer.flags(cells.columns[at])
    ids = columns[0]
    keys = list(map(email_key, columns[COLUMNS.index("email")]))

    # A sign-up stored already with the same values has its person stored
    # too: look the file's people up first, then only their sign-ups (often
    # none at all). A stored id under another person shows up as fewer rows
    # inserted than asked, and the file is merged again with every id looked
    # up (every_id).
    everyone = sorted(set(keys))  # one lock order for every import: no deadlocks between two
    known = writer.known_contacts(everyone)
    asked = list(ids) if every_id else list(compress(ids, map(known.__contains__, keys)))
    present = writer.stored_signups(asked) if asked else set()
    conflicts = len(_conflicting(connection, cells, present)) if present else 0
    people = _people(columns, keys, everyone, present)
    return _Batch([ids, keys, *columns[1:]], present, known, people), conflicts


def _people(
    columns: list[Sequence[Any]], keys: list[str], everyone: list[str], present: set[str]
) -> list[tuple[Any, ...]]:
    """The people to write, in key order, each with the values of their latest new sign-up.

    The upsert then keeps whichever of it and the stored one is later; ties
    in time go to the greater sign-up id, as in the upsert.
    """
    ids, stamps = columns[0], columns[_CREATED_AT]
    by_time = sorted(range(len(ids)), key=list(map(str.__add__, stamps, ids)).__getitem__)
    if present:
        by_time = [at for at in by_time if ids[at] not in present]
    key_at = keys.__getitem__
    latest = dict(zip(map(key_at, by_time), by_time, strict=True))
    people = [key for key in everyone if key in latest] if present else everyone
    chosen = list(map(latest.__getitem__, people))
    emails, first_names, last_names = (columns[at] for at in _FROM_SIGNUP_AT[:3])
    # Every sign-up as a contact row (one pass in C), then each person's
    # latest: picking rows costs one look-up each, picking columns one a value.
    rows = list(
        zip(
            keys,
            *(columns[at] for at in _FROM_SIGNUP_AT),
            stamps,  # first_seen_at (below: the earliest, for someone who came twice)
            stamps,  # last_seen_at
            ids,  # latest_signup_id
            map(search_text, first_names, last_names, emails),
            strict=True,
        )
    )
    profile = list(map(rows.__getitem__, chosen))
    if len(latest) < len(by_time):  # someone has two sign-ups in the batch
        earliest = dict(zip(map(key_at, reversed(by_time)), reversed(by_time), strict=True))
        firsts = list(map(earliest.__getitem__, people))
        for at in compress(range(len(people)), map(ne, firsts, chosen)):
            row = profile[at]
            profile[at] = (*row[:_FIRST_SEEN], stamps[firsts[at]], *row[_FIRST_SEEN + 1 :])
    return profile


# SQLite: a batch's values go into scratch tables through the driver's
# executemany of plain SQL (skipping SQLAlchemy's per-value processing makes a
# merge several times faster), then one INSERT ... SELECT per table moves them
# into the real ones, as on PostgreSQL. The sqlite3 module allocates and copies
# every text value it binds (a row at a time, that was a third of a merge's
# instructions), so each value is bound once: a batch's few events, kiosks,
# consent versions and languages once each (merge_values), each sign-up's own
# values (merge_signups), and of each person only what the import works out
# (merge_people): the rest of a contact is copied from their latest sign-up.
# Passing through the scratch tables costs SQLite nearly what that saves; the
# gain is that the INSERT ... SELECTs, about a third of the merge, run without
# the GIL, beside the next file's check (before_wait), where an executemany
# takes the GIL back after every row.
#
# The scratch columns have no type, so no affinity: a value reaches the real
# table exactly as bound. Temporary (one set per connection) and in memory
# (temp_store, kiosk.master), emptied before each batch; a rollback takes their
# rows too. New contacts are inserted with their ids (the import holds the
# write lock), so touchpoints get their contact's id without a lookup.
_SIGNUP_SCRATCH = (
    "signup_id",
    "contact_id",
    "values_n",
    *(c for c in _SIGNUP_COLUMNS[2:] if c not in FEW_VALUE_COLUMNS),
    "n",
)
_SQLITE_SCRATCH = (
    "CREATE TEMPORARY TABLE IF NOT EXISTS merge_values "
    f"(n INTEGER PRIMARY KEY, {', '.join(FEW_VALUE_COLUMNS)})",
    # Numbered (n) in sign-up id order, the order the inserts below write in.
    "CREATE TEMPORARY TABLE IF NOT EXISTS merge_signups "
    f"({', '.join(_SIGNUP_SCRATCH[:-1])}, n INTEGER PRIMARY KEY)",
    # In key order; id is NULL for a person the store holds already (upserted).
    "CREATE TEMPORARY TABLE IF NOT EXISTS merge_people "
    "(id, email_key, first_seen_at, search_text, signup_n)",
    "DELETE FROM merge_values",
    "DELETE FROM merge_signups",
    "DELETE FROM merge_people",
)
# Where each column comes from: s a sign-up, v its few values, p a person.
_SIGNUP_SOURCE = {c: f"v.{c}" if c in FEW_VALUE_COLUMNS else f"s.{c}" for c in _SIGNUP_COLUMNS}
_CONTACT_SOURCE = {
    **{c: _SIGNUP_SOURCE[c] for c in _FROM_SIGNUP},
    "email_key": "p.email_key",
    "first_seen_at": "p.first_seen_at",
    "last_seen_at": "s.created_at",
    "latest_signup_id": "s.signup_id",
    "search_text": "p.search_text",
}
# CROSS JOIN fixes the loop order: rows go in in their scratch table's order,
# with no sort (sign-ups by id, so every import takes its locks in one order).
_SQLITE_INSERT = (
    f"INSERT INTO touchpoints ({', '.join(_TOUCHPOINT_COLUMNS)}) "
    f"SELECT {', '.join(_SIGNUP_SOURCE.values())}, ?, ? "
    "FROM merge_signups AS s CROSS JOIN merge_values AS v WHERE v.n = s.values_n "
    "ORDER BY s.n ON CONFLICT (signup_id) DO NOTHING"
)
_PEOPLE_FROM_SCRATCH = (
    f"SELECT {{}}{', '.join(_CONTACT_SOURCE[c] for c in _CONTACT_COLUMNS)} "
    "FROM merge_people AS p CROSS JOIN merge_signups AS s CROSS JOIN merge_values AS v "
    "WHERE s.n = p.signup_n AND v.n = s.values_n AND p.id IS {} "
    "ORDER BY p.rowid"
)
_SQLITE_INSERT_NEW = f"INSERT INTO contacts (id, {', '.join(_CONTACT_COLUMNS)}) " + (
    _PEOPLE_FROM_SCRATCH.format("p.id, ", "NOT NULL")
)
_SQLITE_UPSERT = (
    f"INSERT INTO contacts ({', '.join(_CONTACT_COLUMNS)}) "
    + _PEOPLE_FROM_SCRATCH.format("", "NULL")
    + f" ON CONFLICT (email_key) DO UPDATE SET {_TAKE_NEWER}, "
    "first_seen_at = CASE WHEN excluded.first_seen_at < contacts.first_seen_at "
    "THEN excluded.first_seen_at ELSE contacts.first_seen_at END"
)
_FIRST_SEEN_OF, _SEARCH_TEXT_OF, _LATEST_SIGNUP_OF = (
    itemgetter(_CONTACT_COLUMNS.index(c))
    for c in ("first_seen_at", "search_text", "latest_signup_id")
)


class _SQLiteWriter(_Writer):
    """SQLite: scratch tables, then INSERT ... SELECT, under the write lock the merge holds."""

    def flags(self, cells: Sequence[str]) -> Sequence[Any]:
        # 1 and 0 (what SQLAlchemy's Boolean stores there): the sqlite3 module
        # binds an int directly but looks for an adapter for every bool, and
        # that alone cost about a tenth of an import.
        return list(map(_FLAG_INTS.__getitem__, cells))

    def known_contacts(self, keys: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(keys, 900):
            marks = ", ".join(["?"] * len(chunk))
            query = f"SELECT email_key, id FROM contacts WHERE email_key IN ({marks})"
            found.update(self._connection.exec_driver_sql(query, tuple(chunk)).all())
        return found

    def stored_signups(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(ids, 900):
            marks = ", ".join(["?"] * len(chunk))
            query = f"SELECT signup_id FROM touchpoints WHERE signup_id IN ({marks})"
            rows = self._connection.exec_driver_sql(query, tuple(chunk))
            found.update(row[0] for row in rows)
        return found

    def write(self, batch: _Batch, step: Callable[[int], None]) -> tuple[int, int]:
        connection = self._connection
        step(len(batch.present))
        # What exists now is what exists when the inserts run (the write lock
        # is held), so new people are given their ids here, in key order after
        # the greatest.
        keys = list(map(itemgetter(0), batch.people))
        new = [key for key in keys if key not in batch.known]
        first_id = (connection.exec_driver_sql("SELECT max(id) FROM contacts").scalar() or 0) + 1
        new_ids = dict(zip(new, count(first_id)))
        contact_ids = {**batch.known, **new_ids}

        columns = dict(zip(_SIGNUP_COLUMNS, batch.signups, strict=True))
        few = list(zip(*(columns[c] for c in FEW_VALUE_COLUMNS), strict=True))
        few_numbers = dict(zip(dict.fromkeys(few), count(1)))
        columns["values_n"] = (
            [1] * len(few) if len(few_numbers) == 1 else list(map(few_numbers.__getitem__, few))
        )
        columns["contact_id"] = list(map(contact_ids.get, columns["contact_id"]))  # email keys
        signups = list(zip(*(columns[c] for c in _SIGNUP_SCRATCH[:-1]), strict=True))
        if batch.present:
            signups = [row for row in signups if row[0] not in batch.present]
        signups.sort(key=itemgetter(0))  # numbered in id order
        numbers = range(1, len(signups) + 1)
        signup_numbers = dict(zip(map(itemgetter(0), signups), numbers, strict=True))
        people = batch.people
        scratch = {
            "merge_values": [(n, *values) for values, n in few_numbers.items()],
            "merge_signups": list(map(add, signups, zip(numbers))),
            "merge_people": list(
                zip(
                    map(new_ids.get, keys),
                    keys,
                    map(_FIRST_SEEN_OF, people),
                    map(_SEARCH_TEXT_OF, people),
                    map(signup_numbers.__getitem__, map(_LATEST_SIGNUP_OF, people)),
                    strict=True,
                )
            ),
        }
        for statement in _SQLITE_SCRATCH:
            connection.exec_driver_sql(statement)
        for table, rows in scratch.items():
            if rows:
                marks = ", ".join(["?"] * len(rows[0]))
                connection.exec_driver_sql(f"INSERT INTO {table} VALUES ({marks})", rows)
        self._before_wait()  # the statements below run without the GIL
        if new:
            connection.exec_driver_sql(_SQLITE_INSERT_NEW)
        if len(new) < len(keys):
            connection.exec_driver_sql(_SQLITE_UPSERT)
        # rowcount counts only inserted rows: a concurrent import's are skipped.
        added = max(connection.exec_driver_sql(_SQLITE_INSERT, self._file).rowcount, 0)
        step(len(columns["signup_id"]))
        return len(new), added


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
                else FLAG_VALUES[cells.columns[column][row]]
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
                ("merge_signups", _SIGNUP_COLUMNS),
            )
        ),
        "TRUNCATE merge_people, merge_signups",  # the previous batch's, in a file of several
    ]
)
_PG_KNOWN = "SELECT email_key, id FROM contacts WHERE email_key = ANY(%b::text[])"
_PG_PRESENT = "SELECT signup_id FROM touchpoints WHERE signup_id = ANY(%b::text[])"
# Rows go in key order (byte order, as Python sorts), so every import takes
# its row locks in one order and two concurrent imports cannot deadlock.
# Only the upsert knows whether it inserted (xmax = 0) or merged into a row
# another import had just committed.
_PG_UPSERT = (
    f"INSERT INTO contacts ({', '.join(_CONTACT_COLUMNS)}) "
    f'SELECT {", ".join(_CONTACT_COLUMNS)} FROM merge_people ORDER BY email_key COLLATE "C" '
    f"ON CONFLICT (email_key) DO UPDATE SET {_TAKE_NEWER}, "
    "first_seen_at = LEAST(excluded.first_seen_at, contacts.first_seen_at) "
    "RETURNING email_key, id, (xmax = 0)"
)
_PG_INSERT = (
    f"INSERT INTO touchpoints ({', '.join(_TOUCHPOINT_COLUMNS)}) "
    f"SELECT {', '.join(_SIGNUP_COLUMNS)}, %s, %s FROM merge_signups "
    'ORDER BY signup_id COLLATE "C" ON CONFLICT (signup_id) DO NOTHING'
)
_COPY_SPECIAL = re.compile(r"[\\\t\n\r]")


class _PostgreSQLWriter(_Writer):
    """PostgreSQL: COPY into the scratch tables, then one INSERT ... SELECT per table."""

    def flags(self, cells: Sequence[str]) -> Sequence[Any]:
        # As they are: COPY sends every value as text, and "true" and "false"
        # are what PostgreSQL's boolean input reads.
        return cells

    def known_contacts(self, keys: list[str]) -> dict[str, int]:
        return dict(_pg_execute(self._connection, _PG_KNOWN, (keys,))[1])

    def stored_signups(self, ids: list[str]) -> set[str]:
        return {row[0] for row in _pg_execute(self._connection, _PG_PRESENT, (ids,))[1]}

    def write(self, batch: _Batch, step: Callable[[int], None]) -> tuple[int, int]:
        # before_wait is left to the commit (_in_one_transaction): building the
        # COPY text holds the GIL, and an earlier start was not measured here.
        people: list[Sequence[Any]] = list(zip(*batch.people, strict=True))
        written = _merge_pg(self._connection, people, batch.signups, batch.present, self._file)
        step(len(batch.signups[0]))
        return written


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
    signups = list(signups)  # its email keys are replaced by contact ids below
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
            _copy(cursor, "merge_signups", _SIGNUP_COLUMNS, signups)
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


def _sqlite_time(moment: datetime) -> str:
    """SQLAlchemy's SQLite form of a UTC time ("2026-11-24 15:30:00.000000")."""
    return moment.isoformat(" ", "microseconds")[:26]


def _insert_imported_file(dialect: str) -> Any:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(ImportedFile).on_conflict_do_nothing(index_elements=[ImportedFile.sha256])
