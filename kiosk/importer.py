"""The office import: check export files against their manifests, merge them into the master.

``check_export`` reads one file and says whether it is whole and well-formed,
never raising for a bad file: a damaged or foreign file is rejected whole with
a reason that names rows and columns, never personal values. ``merge_exports``
merges the good ones into the master store, one transaction per file, with
``ON CONFLICT`` doing the deduplication, so importing the same file twice, or
two overlapping imports at the same time, never duplicates anything.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import json
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from itertools import compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from kiosk.crypto import AGE_HEADER, CryptoError, decrypt
from kiosk.csvformat import (
    COLUMNS,
    FORMAT_VERSION,
    cells_to_record,
    column_is_times,
    column_is_uuids,
    restore_column,
    sqlite_times,
)
from kiosk.errors import KioskError
from kiosk.master import (
    ImportedFile,
    MasterError,
    checkpoint_sqlite,
    db_reason,
    open_master,
)
from kiosk.signup import Signup, SignupRecord, WlfChoice

MANIFEST_SUFFIX = ".manifest.json"
_BOM = "\ufeff"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CHUNK = 2000  # rows per INSERT round trip (well under SQLite's parameter limit)

Progress = Callable[[int, int], None]
"""Called as ``progress(rows_done, rows_total)`` while merging."""


class ImportFailed(KioskError):
    """The master store failed during a merge; the file being merged was rolled back whole."""


@dataclass(frozen=True)
class FileCells:
    """A checked file's values column by column (``COLUMNS`` order, restored), in file order.

    The merge reads these directly: building a record object per sign-up only
    to take it apart again was most of an import's Python time.
    """

    columns: tuple[Sequence[str], ...]
    times: list[datetime]  # created_at, parsed (aware UTC)

    def records(self) -> tuple[SignupRecord, ...]:
        """Every sign-up as a record, in file order."""
        flag = _FLAGS.__getitem__
        (ids, _, events, places, kiosks, firsts, lasts, emails, phones, postals) = self.columns[:10]
        (choices, opt_ins, pledges, consents, versions, locales) = self.columns[10:]
        return tuple(
            SignupRecord(
                signup_id=uuid.UUID(signup_id),
                created_at=created_at,
                event_name=event,
                event_location=place,
                kiosk_id=kiosk,
                signup=Signup(
                    first_name=first,
                    last_name=last,
                    email=email,
                    phone=phone,
                    postal_code=postal,
                    wlf_choice=WlfChoice(choice),
                    email_group_opt_in=flag(opt_in),
                    advocacy_pledge=flag(pledge),
                    contact_consent=flag(consent),
                    consent_version=version,
                    consent_text="",
                    locale=locale,
                ),
            )
            for (
                signup_id,
                created_at,
                event,
                place,
                kiosk,
                first,
                last,
                email,
                phone,
                postal,
                choice,
                opt_in,
                pledge,
                consent,
                version,
                locale,
            ) in zip(
                ids,
                self.times,
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
            )
        )


@dataclass(frozen=True)
class CheckedExport:
    """One export file as checked: whole and well-formed (``ok``) or why not (``reason``)."""

    path: Path
    ok: bool
    reason: str
    rows: int
    sha256: str
    kiosk_ids: tuple[str, ...]
    event_names: tuple[str, ...]
    first_created_at: datetime | None
    last_created_at: datetime | None
    encrypted: bool
    cells: FileCells | None = field(default=None, repr=False, compare=False)  # None when not ok

    @cached_property
    def records(self) -> tuple[SignupRecord, ...]:
        """Every sign-up of the file as a record (empty when not ok); built on first use."""
        with _gc_paused():
            return self.cells.records() if self.cells is not None else ()


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file in an import."""

    path: Path
    accepted: bool
    reason: str  # why it was rejected, or a note ("already imported") when accepted
    rows: int


@dataclass(frozen=True)
class ImportReport:
    """The totals of one import run, for the command line and the office screen."""

    files: tuple[FileOutcome, ...]
    signups_new: int
    signups_present: int
    contacts_new: int
    contacts_updated: int

    @property
    def rejected(self) -> tuple[FileOutcome, ...]:
        """The files that were not imported."""
        return tuple(f for f in self.files if not f.accepted)

    def summary_lines(self) -> list[str]:
        """Describe the run in a few lines: files, sign-ups, contacts, and every rejection."""
        accepted = [f for f in self.files if f.accepted]
        lines = [f"Files: {len(accepted)} accepted, {len(self.rejected)} rejected"]
        for outcome in self.files:
            if outcome.accepted:
                note = f"; {outcome.reason}" if outcome.reason else ""
                lines.append(f"  accepted {outcome.path.name} ({outcome.rows} rows{note})")
            else:
                lines.append(f"  REJECTED {outcome.path.name}: {outcome.reason}")
        lines.append(f"Sign-ups: {self.signups_new} new, {self.signups_present} already present")
        lines.append(f"Contacts: {self.contacts_new} new, {self.contacts_updated} updated")
        return lines


# Checking ------------------------------------------------------------------------


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Reading or merging 100,000 rows otherwise triggers dozens of full
    collections over every record already built, tripling the time. Counted,
    so a check running in a thread beside a merge restores it only at the end.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


class _Rejected(Exception):
    """A reason to reject a file; caught inside ``check_export``."""


@dataclass
class _Manifest:
    rows: int
    sha256: str
    kiosk_id: str
    encrypted: bool


def manifest_path_for(path: Path) -> Path:
    """Return where the manifest of the export at ``path`` should be."""
    return path.with_name(path.name + MANIFEST_SUFFIX)


def check_export(path: Path, *, identity: Path | None = None) -> CheckedExport:
    """Check one export file (``.csv`` or ``.csv.age``) against its manifest; never raises.

    ``identity`` is the office's age private key file, needed for encrypted
    exports. Passing the manifest's own path checks the file it describes.
    """
    path = Path(path)
    if path.name.endswith(MANIFEST_SUFFIX):
        path = path.with_name(path.name[: -len(MANIFEST_SUFFIX)])
    encrypted = path.name.endswith(".age")
    manifest: _Manifest | None = None
    try:
        manifest = _read_manifest(path)
        data = _read_bytes(path)
        encrypted = encrypted or manifest.encrypted or data.startswith(AGE_HEADER)
        if encrypted:
            data = _decrypt(data, identity)
        if not data:
            raise _Rejected("the file is empty")
        digest = hashlib.sha256(data).hexdigest()
        if digest != manifest.sha256:
            raise _Rejected("sha256 does not match the manifest")
        with _gc_paused():
            cells = _parse(data)
        if len(cells.times) != manifest.rows:
            raise _Rejected(f"manifest says {manifest.rows} rows, file has {len(cells.times)}")
    except _Rejected as rejected:
        return CheckedExport(
            path=path,
            ok=False,
            reason=str(rejected),
            rows=manifest.rows if manifest is not None else 0,
            sha256=manifest.sha256 if manifest is not None else "",
            kiosk_ids=(manifest.kiosk_id,) if manifest is not None else (),
            event_names=(),
            first_created_at=None,
            last_created_at=None,
            encrypted=encrypted,
        )
    times = cells.times
    return CheckedExport(
        path=path,
        ok=True,
        reason="",
        rows=len(times),
        sha256=digest,
        kiosk_ids=tuple(sorted(set(cells.columns[_KIOSK_ID]))),
        event_names=tuple(sorted(set(cells.columns[_EVENT_NAME]))),
        first_created_at=min(times) if times else None,
        last_created_at=max(times) if times else None,
        encrypted=encrypted,
        cells=cells,
    )


def _read_manifest(path: Path) -> _Manifest:
    candidates = [manifest_path_for(path)]
    if path.name.endswith(".age"):
        candidates.append(path.with_name(path.name[:-4] + MANIFEST_SUFFIX))
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        raise _Rejected(f"no manifest beside it (expected {candidates[0].name})")
    try:
        raw = json.loads(found.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise _Rejected(f"the manifest cannot be read ({exc.strerror})") from None
    except (UnicodeDecodeError, ValueError):
        raise _Rejected("the manifest is not valid JSON") from None
    if not isinstance(raw, dict):
        raise _Rejected("the manifest is not a JSON object")
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _Rejected("the manifest has no format_version")
    if version > FORMAT_VERSION:
        raise _Rejected(
            f"format version {version} is newer than this program reads ({FORMAT_VERSION}); "
            "update the office program"
        )
    if version < 1:
        raise _Rejected(f"unknown format version {version}")
    rows = raw.get("rows")
    if not isinstance(rows, int) or isinstance(rows, bool) or rows < 0:
        raise _Rejected("the manifest's rows is not a count")
    sha = raw.get("sha256")
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        raise _Rejected("the manifest's sha256 is not a SHA-256 hash")
    kiosk_id = raw.get("kiosk_id")
    if not isinstance(kiosk_id, str):
        raise _Rejected("the manifest has no kiosk_id")
    encrypted = raw.get("encrypted", False)
    if not isinstance(encrypted, bool):
        raise _Rejected("the manifest's encrypted is not true or false")
    return _Manifest(rows=rows, sha256=sha, kiosk_id=kiosk_id, encrypted=encrypted)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _Rejected("the file does not exist") from None
    except IsADirectoryError:
        raise _Rejected("that is a folder, not an export file") from None
    except OSError as exc:
        raise _Rejected(f"the file cannot be read ({exc.strerror})") from None


def _decrypt(data: bytes, identity: Path | None) -> bytes:
    if identity is None:
        raise _Rejected("encrypted, but no private key given (--identity)")
    try:
        return decrypt(data, identity)
    except CryptoError as exc:
        raise _Rejected(str(exc)) from None


def _parse(data: bytes) -> FileCells:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _Rejected("not UTF-8 text") from None
    if text.startswith(_BOM):
        text = text[1:]
    if "\x00" in text:
        raise _Rejected("the file contains a NUL character")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise _Rejected("the file has no header row")
        _check_header(header)
        rows = list(reader)
    except csv.Error:
        raise _Rejected(f"row {max(reader.line_num - 1, 1)}: not well-formed CSV") from None
    return _cells(rows, header)


def _check_header(header: list[str]) -> None:
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise _Rejected(f"column listed twice: {_short(name)}")
        seen.add(name)
    missing = [c for c in COLUMNS if c not in seen]
    if missing:
        raise _Rejected(f"missing columns: {', '.join(missing)}")
    unexpected = [_short(name) for name in header if name not in COLUMNS]
    if unexpected:
        plural = "s" if len(unexpected) > 1 else ""
        raise _Rejected(f"unexpected column{plural}: {', '.join(unexpected)}")


def _short(name: str) -> str:
    """A header name fit for a message (headers are not personal, but may be long or odd)."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in name)
    return printable if len(printable) <= 40 else printable[:37] + "..."


_SIGNUP_ID, _CREATED_AT, _EVENT_NAME, _KIOSK_ID, _EMAIL = (
    COLUMNS.index(name) for name in ("signup_id", "created_at", "event_name", "kiosk_id", "email")
)
# Cells a kiosk may have neutralized (every free-text column).
_TEXT_COLUMNS = frozenset(
    COLUMNS.index(name)
    for name in (
        "event_name",
        "event_location",
        "kiosk_id",
        "first_name",
        "last_name",
        "email",
        "phone",
        "postal_code",
        "consent_version",
        "locale",
    )
)
_FLAGS = {"true": True, "false": False}
_FLAG_INTS = {"true": 1, "false": 0}
_CHOICES = frozenset(choice.value for choice in WlfChoice)


def _cells(rows: list[list[str]], header: list[str]) -> FileCells:
    """Check every row and return the file's values by column; raise ``_Rejected`` if bad.

    The checks run a column at a time (one scan in C per column). Only when
    one fails are the rows checked one by one, to name the first bad row and
    column exactly as ``cells_to_record`` does.
    """
    width = len(header)
    if rows and set(map(len, rows)) != {width}:
        _records(rows, header)  # raises, naming the first short or long row
    if rows:
        by_header = list(zip(*rows, strict=True))
        columns = tuple(
            restore_column(by_header[header.index(name)])
            if at in _TEXT_COLUMNS
            else by_header[header.index(name)]
            for at, name in enumerate(COLUMNS)
        )
    else:
        columns = tuple(() for _ in COLUMNS)
    times = _times_if_valid(columns)
    if times is None:
        # Some cell is bad: find it (this raises). Should the per-row check
        # accept after all, its own parse of the times is as good.
        times = [record.created_at for record in _records(rows, header)]
    return FileCells(columns=columns, times=times)


def _times_if_valid(columns: tuple[Sequence[str], ...]) -> list[datetime] | None:
    """Return the parsed times if every cell passes ``cells_to_record``'s checks, else None."""
    ids, created = columns[_SIGNUP_ID], columns[_CREATED_AT]
    if not column_is_uuids(ids) or len(set(ids)) != len(ids):
        return None
    if not column_is_times(created):
        return None
    try:
        times = list(map(datetime.fromisoformat, created))  # "Z" reads as UTC
    except ValueError:  # a calendar error, e.g. month 13
        return None
    if "" in columns[_KIOSK_ID] or not all(map(str.strip, columns[_EMAIL])):
        return None
    if not set(columns[COLUMNS.index("wlf_choice")]) <= _CHOICES:
        return None
    flags = ("email_group_opt_in", "advocacy_pledge", "contact_consent")
    if not all(set(columns[COLUMNS.index(name)]) <= _FLAGS.keys() for name in flags):
        return None
    return times


def _records(rows: Iterable[list[str]], header: list[str]) -> list[SignupRecord]:
    """Check the rows one by one; raise ``_Rejected`` naming the first bad row and column."""
    width = len(header)
    order = None if tuple(header) == COLUMNS else [header.index(c) for c in COLUMNS]
    id_at = header.index("signup_id")
    records: list[SignupRecord] = []
    seen_ids: set[str] = set()
    for number, cells in enumerate(rows, start=1):
        if len(cells) != width:
            if not cells:
                raise _Rejected(f"row {number} is empty")
            raise _Rejected(f"row {number} has {len(cells)} cells, expected {width}")
        try:
            records.append(cells_to_record(cells if order is None else [cells[k] for k in order]))
        except ValueError as exc:
            raise _Rejected(f"row {number}: {exc}") from None
        if cells[id_at] in seen_ids:
            raise _Rejected(f"row {number}: signup_id repeats an earlier row")
        seen_ids.add(cells[id_at])
    return records


# Merging -------------------------------------------------------------------------


@dataclass
class _Totals:
    signups_new: int = 0
    signups_present: int = 0
    contacts_new: int = 0
    contacts_updated: int = 0


def merge_exports(
    checked: Sequence[CheckedExport],
    url: str,
    *,
    progress: Progress | None = None,
) -> ImportReport:
    """Merge the checked exports into the master store at ``url``, one transaction per file.

    Files that failed their check are reported as rejected and merged not at
    all. Raises ``MasterError`` if the store cannot be opened, ``ImportFailed``
    if it fails mid-way (files merged before stay merged; the failing one is
    rolled back whole).
    """
    engine = open_master(url)
    try:
        total = sum(c.rows for c in checked if c.ok)
        return _merge_all(engine, iter(checked), total, progress)
    finally:
        engine.dispose()


def import_exports(
    paths: Sequence[Path],
    url: str,
    *,
    identity: Path | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Check each file and merge the good ones; a bad file never stops the others.

    Files are checked and merged one at a time, so memory holds at most two
    files' rows: the next file is checked in a thread only while the current
    one's commit waits for the disk (see ``_CheckAhead``).
    """
    engine = open_master(url)  # fail early, before reading any file, on a bad store
    try:
        total = sum(_manifest_rows(Path(p)) for p in paths)
        with _CheckAhead(paths, identity) as checked:
            return _merge_all(engine, checked, total, progress, checked.start_next)
    finally:
        engine.dispose()


class _CheckAhead:
    """The files' checks in order, the next one started in a thread while a commit runs.

    A commit (writing the WAL, then fsync) releases the GIL for tens of
    milliseconds, so checking the next file then is nearly free. Checking
    during the inserts did not pay: SQLite releases the GIL for every row and
    the two threads then queue for it. ``check_export`` never raises for a bad
    file, and the collector pause it takes is counted, so it is thread-safe.
    """

    def __init__(self, paths: Sequence[Path], identity: Path | None) -> None:
        self._paths = [Path(p) for p in paths]
        self._identity = identity
        self._taken = 0
        self._pending: Future[CheckedExport] | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="check-export")

    def __enter__(self) -> _CheckAhead:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __iter__(self) -> Iterator[CheckedExport]:
        return self

    def __next__(self) -> CheckedExport:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            return pending.result()
        if self._taken >= len(self._paths):
            raise StopIteration
        self._taken += 1
        return check_export(self._paths[self._taken - 1], identity=self._identity)

    def start_next(self) -> None:
        """Start checking the next file in the thread (called just before a commit)."""
        if self._pending is None and self._taken < len(self._paths):
            self._taken += 1
            self._pending = self._pool.submit(
                check_export, self._paths[self._taken - 1], identity=self._identity
            )


def _merge_all(
    engine: Engine,
    checked: Iterator[CheckedExport],
    total: int,
    progress: Progress | None,
    before_commit: Callable[[], None] = lambda: None,
) -> ImportReport:
    done = 0
    totals = _Totals()
    outcomes = []
    for item in checked:
        if not item.ok:
            outcomes.append(FileOutcome(item.path, False, item.reason, item.rows))
            done += item.rows
            continue

        def step(rows: int, base: int = done) -> None:
            if progress is not None:
                progress(min(base + rows, total), total)

        note = _merge_one(engine, item, totals, step, before_commit)
        done += item.rows
        outcomes.append(FileOutcome(item.path, True, note, item.rows))
    checkpoint_sqlite(engine)
    if progress is not None:
        progress(total, total)
    return ImportReport(
        files=tuple(outcomes),
        signups_new=totals.signups_new,
        signups_present=totals.signups_present,
        contacts_new=totals.contacts_new,
        contacts_updated=totals.contacts_updated,
    )


def _manifest_rows(path: Path) -> int:
    """The rows a manifest announces (0 if unreadable); only for progress bars."""
    try:
        return _read_manifest(path).rows
    except _Rejected:
        return 0


def _merge_one(
    engine: Engine,
    item: CheckedExport,
    totals: _Totals,
    step: Callable[[int], None],
    before_commit: Callable[[], None],
) -> str:
    """Merge one checked file in one transaction; return a note for its outcome."""
    try:
        with engine.connect() as connection:
            if connection.dialect.name != "sqlite":
                with _gc_paused():
                    note, counts = _merge_in(connection, item, step)
                before_commit()
                connection.commit()
            else:
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
                    with _gc_paused():
                        note, counts = _merge_in(connection, item, step)
                    before_commit()
                    connection.commit()
                finally:
                    connection.rollback()  # ends a failed transaction (the pragma needs none)
                    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise ImportFailed(
            f"Merging {item.path.name} into the master store failed ({db_reason(exc)}); "
            "that file was not imported, files merged before it are kept."
        ) from None
    totals.signups_new += counts.signups_new
    totals.signups_present += counts.signups_present
    totals.contacts_new += counts.contacts_new
    totals.contacts_updated += counts.contacts_updated
    return note


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
_TOUCHPOINT_COLUMNS = (
    "signup_id",
    "contact_id",
    "created_at",
    "event_name",
    "event_location",
    "kiosk_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "postal_code",
    "wlf_choice",
    "email_group_opt_in",
    "advocacy_pledge",
    "contact_consent",
    "consent_version",
    "locale",
    "source_sha256",
    "imported_at",
)


def _statements(dialect: str) -> tuple[str, str, str]:
    """Return the contact upsert, new-contact insert and touchpoint insert for ``dialect``.

    Plain SQL in the driver's placeholder style, run with the driver's
    executemany: the same ``ON CONFLICT`` text works in SQLite and PostgreSQL,
    and skipping SQLAlchemy's per-value processing makes a merge several times
    faster. The new-contact insert names the id (SQLite only, under its write
    lock), so touchpoints can be given their contact's id without a lookup.
    """
    if dialect not in ("sqlite", "postgresql"):
        raise MasterError(
            f"The master store's database kind ({dialect}) is not supported; "
            "use SQLite or PostgreSQL."
        )
    mark = "?" if dialect == "sqlite" else "%s"
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
        f"VALUES ({', '.join([mark] * len(_TOUCHPOINT_COLUMNS))}) "
        "ON CONFLICT (signup_id) DO NOTHING"
    )
    return upsert, insert_new, insert


def _merge_in(
    connection: Connection, item: CheckedExport, step: Callable[[int], None]
) -> tuple[str, _Totals]:
    counts = _Totals()
    now = datetime.now(UTC)
    already = connection.execute(
        select(ImportedFile.imported_at).where(ImportedFile.sha256 == item.sha256)
    ).scalar()
    if already is not None:
        counts.signups_present = item.rows
        step(item.rows)
        return f"already imported {already:%Y-%m-%d %H:%M} UTC", counts

    dialect = connection.dialect.name
    upsert, insert_new, insert = _statements(dialect)
    assert item.cells is not None  # an ok file always has its cells
    # Everything below works a column at a time (map, zip, sort in C): a
    # Python statement per sign-up would cost more than the database does.
    (ids, created_at, events, places, kiosks, firsts, lasts, emails, phones, postals) = (
        item.cells.columns[:10]
    )
    (choices, opt_in_cells, pledge_cells, consent_cells, versions, locales) = item.cells.columns[
        10:
    ]
    # SQLite gets its flags as 1 and 0 (what SQLAlchemy's Boolean stores there):
    # the sqlite3 module binds an int directly but looks for an adapter for
    # every bool, and that alone cost about a tenth of an import. PostgreSQL's
    # boolean arrays take bools.
    flag_of = (_FLAGS if dialect == "postgresql" else _FLAG_INTS).__getitem__
    opt_ins, pledges, consents = (
        list(map(flag_of, c)) for c in (opt_in_cells, pledge_cells, consent_cells)
    )
    # SQLite stores times as text in SQLAlchemy's form; PostgreSQL takes naive
    # UTC datetimes. The text form (fixed-width) orders like the times, so
    # "time then sign-up id" is one string to sort by.
    stamps = sqlite_times(created_at)
    created: Sequence[Any]
    if dialect == "sqlite":
        created = stamps
        imported_at: Any = _sqlite_time(now)
    else:
        created = [moment.replace(tzinfo=None) for moment in item.cells.times]
        imported_at = now.replace(tzinfo=None)
    keys = list(map(str.lower, map(str.strip, emails)))  # kiosk.master.email_key of each

    # A sign-up can be in the store already only if its person is: look the
    # file's people up first, then only their sign-ups (often none at all).
    everyone = sorted(set(keys))  # one lock order for every import: no deadlocks between two
    known = _existing_ids(connection, everyone)
    present = _existing(
        connection, "touchpoints", "signup_id", list(compress(ids, map(known.__contains__, keys)))
    )
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
    chosen = list(map(latest.__getitem__, people))

    def pick(column: Sequence[Any], rows: list[int] = chosen) -> list[Any]:
        return list(map(column.__getitem__, rows))

    first_names, last_names, contact_emails = pick(firsts), pick(lasts), pick(emails)
    # Each contact's values after its email key, in _CONTACT_COLUMNS order.
    profile: list[list[Any]] = [
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
        pick(created, list(map(earliest.__getitem__, people))),  # first_seen_at
        pick(created),  # last_seen_at
        pick(ids),  # latest_signup_id
        # kiosk.master.search_text of each contact:
        list(map(str.casefold, map("{} {} {}".format, first_names, last_names, contact_emails))),
    ]

    contact_ids: dict[str, int] = {}
    if dialect == "postgresql":
        # Concurrent imports: only the upsert itself knows whether it inserted
        # (xmax = 0) or merged into a row another import had just committed.
        # Each chunk goes as one array per column (unnest): one statement
        # text for every chunk, which the driver parses once, where a
        # multi-row VALUES list cost seconds of placeholder parsing per file.
        inserted = 0
        columns: list[list[Any]] = [people, *profile]
        for start in range(0, len(people), _CHUNK):
            returned = _pg_execute(
                connection,
                _pg_bulk(upsert, _CONTACT_COLUMNS) + " RETURNING email_key, id, (xmax = 0)",
                tuple(column[start : start + _CHUNK] for column in columns),
            )
            for key, contact_id, was_inserted in returned[1]:
                contact_ids[key] = contact_id
                inserted += bool(was_inserted)
        counts.contacts_new = inserted
        counts.contacts_updated = len(people) - inserted
    else:
        # SQLite: the import holds the write lock (BEGIN IMMEDIATE), so what
        # exists now is what exists when the inserts run, and new contacts
        # can be given their ids here (in key order, after the greatest).
        is_old = list(map(known.__contains__, people))
        new_keys, new_profile = people, profile
        old: list[tuple[Any, ...]] = []
        if any(is_old):
            is_new = [not flag for flag in is_old]
            old = list(
                zip(compress(people, is_old), *(compress(c, is_old) for c in profile), strict=True)
            )
            new_keys = list(compress(people, is_new))
            new_profile = [list(compress(c, is_new)) for c in profile]
        first_id = (connection.exec_driver_sql("SELECT max(id) FROM contacts").scalar() or 0) + 1
        new_ids = range(first_id, first_id + len(new_keys))
        contact_ids = {**known, **dict(zip(new_keys, new_ids, strict=True))}
        if new_keys:
            connection.exec_driver_sql(
                insert_new, list(zip(new_ids, new_keys, *new_profile, strict=True))
            )
        if old:
            connection.exec_driver_sql(upsert, old)
        counts.contacts_new = len(new_keys)
        counts.contacts_updated = len(old)

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
            repeat(item.sha256),
            repeat(imported_at),
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
        if dialect == "postgresql":
            by_column = tuple(list(column) for column in zip(*chunk, strict=True))
            added += _pg_execute(connection, _pg_bulk(insert, _TOUCHPOINT_COLUMNS), by_column)[0]
        else:
            added += max(connection.exec_driver_sql(insert, list(chunk)).rowcount, 0)
        done += len(chunk)
        step(done)

    counts.signups_new = added
    counts.signups_present = item.rows - added

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
    return "", counts


# PostgreSQL array types of the contact and touchpoint columns, for unnest.
_PG_ARRAY_TYPES = {
    "contact_id": "integer[]",
    "email_group_opt_in": "boolean[]",
    "advocacy_pledge": "boolean[]",
    "contact_consent": "boolean[]",
    "first_seen_at": "timestamp[]",
    "last_seen_at": "timestamp[]",
    "created_at": "timestamp[]",
    "imported_at": "timestamp[]",
}


def _pg_bulk(statement: str, columns: Sequence[str]) -> str:
    """Rewrite a one-row ``VALUES (%s, ...)`` insert to take one array per column."""
    row = f"VALUES ({', '.join(['%s'] * len(columns))})"
    # %b: binary arrays skip the text format's quoting of every element
    # (Python code per element in psycopg, three times slower for these rows).
    arrays = ", ".join(f"%b::{_PG_ARRAY_TYPES.get(c, 'text[]')}" for c in columns)
    assert row in statement
    return statement.replace(row, f"SELECT * FROM unnest({arrays})")


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


# CRM file ----------------------------------------------------------------------


def write_crm_csv(url: str, out: Path, *, profile: str = "generic") -> int:
    """Write one row per contact for a CRM import; return how many (see ``kiosk.crm``)."""
    from kiosk.crm import write_crm_csv as write

    return write(url, out, profile=profile)
