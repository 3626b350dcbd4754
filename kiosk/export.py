"""Export sign-ups to a folder (a USB stick) as a CSV and a manifest, atomically.

The CSV and its manifest are each written to a temporary name in the target
folder, flushed and fsynced, and renamed into place (manifest first, so a CSV
under its final name always has its manifest beside it). Only once both are on
disk are the rows marked exported, in one transaction. A pulled stick, a full
disk or a killed process therefore leaves either a whole export or none, and
never marks a sign-up exported that is not in a file.

Which rows an export covers is fixed by the largest ``rowid`` seen before
reading: the file holds the (pending, or all) rows up to it, and exactly
those still pending are marked afterwards. A sign-up submitted while the
export runs gets a larger rowid, so it is neither in the file nor marked
(the kiosk never deletes sign-ups, so rowids are never reused). Sign-ups whose
personal data was erased after the office confirmed them (``kiosk.erasure``)
are never exported again.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import logging
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    func,
    insert,
    literal_column,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

import kiosk
from kiosk.crypto import check_recipient, encrypt
from kiosk.csvformat import (
    COLUMNS,
    FALSE,
    FORMAT_VERSION,
    TRUE,
    csv_lines,
    csv_times,
    neutralize,
    neutralize_column,
    quote_column,
)
from kiosk.errors import KioskError
from kiosk.models import Event, ExportBatch
from kiosk.models import Signup as SignupRow
from kiosk.private_files import remove_stale_temps
from kiosk.store import Store, database_error_reason, to_naive_utc

log = logging.getLogger(__name__)

BOM = b"\xef\xbb\xbf"
MANIFEST_SUFFIX = ".manifest.json"
ENCRYPTED_SUFFIX = ".age"
_TEMP_PREFIX = ".p2p-export-"
_TEMP_SUFFIX = ".tmp"
_ROWS_PER_CHUNK = 2000
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class ExportFailed(KioskError):
    """The export could not be written; no file is left under a final name, nothing is marked."""


@dataclass(frozen=True)
class ExportResult:
    """A finished export: the data file (``.csv`` or ``.csv.age``), its manifest, and its hash.

    ``sha256`` is over the plaintext CSV bytes (for a plain export, the file's bytes).
    """

    csv_path: Path
    manifest_path: Path
    rows: int
    sha256: str
    stale_files_removed: int = 0
    """Hidden temporary files an earlier, interrupted export had left in the folder."""


@dataclass
class _Summary:
    """What the manifest says about the rows, gathered while they stream past."""

    rows: int = 0
    first: datetime | None = None
    last: datetime | None = None
    event_names: list[str] | None = None
    content_versions: list[str] | None = None

    def add(self, stored: Sequence[Sequence[Any]]) -> None:
        """Count a batch of stored rows (in time order, ``created_at`` second)."""
        if self.first is None:
            self.first = _stored_time(stored[0][1])
        self.last = _stored_time(stored[-1][1])
        self.rows += len(stored)


def export_signups(
    store: Store,
    out_dir: Path,
    *,
    include_all: bool = False,
    recipient: str | None = None,
) -> ExportResult | None:
    """Write the sign-ups not yet exported (all with ``include_all``) into ``out_dir``.

    Returns None, writing nothing, when there is nothing to export. With
    ``recipient`` (an age public key) the CSV is encrypted to it and named
    ``.csv.age``. Raises ``ExportFailed`` (folder missing, read-only, full) or
    ``CryptoError`` (bad public key); in both cases nothing is marked exported.
    """
    out_dir = Path(out_dir)
    if recipient is not None:
        check_recipient(recipient)  # a bad key fails before anything is written
    if not out_dir.is_dir():
        raise ExportFailed(
            f"The export folder {out_dir} does not exist (is the USB stick plugged in?)."
        )
    # A killed export's hidden temporary file holds plaintext names; whatever
    # happens next, it does not stay on the stick. (An export running into
    # the same folder at this moment would lose its file and fail cleanly.)
    stale = remove_stale_temps(out_dir, _TEMP_PREFIX, _TEMP_SUFFIX)
    if stale:
        log.warning("removed %d unfinished export file(s) left by an interrupted export", stale)
    try:
        max_rowid = _max_rowid(store, include_all)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise ExportFailed(
            f"The kiosk database could not be read ({database_error_reason(exc)})."
        ) from None
    if max_rowid is None:
        return None

    now = store.clock()
    base = _free_base_name(out_dir, store.kiosk_id, now, encrypted=recipient is not None)
    data_name = base + ".csv" + (ENCRYPTED_SUFFIX if recipient is not None else "")
    data_path = out_dir / data_name
    manifest_path = out_dir / (data_name + MANIFEST_SUFFIX)
    marker = _Marker(store, max_rowid, now, include_all)
    marker.start()
    temps: list[Path] = []
    try:
        data_temp = _new_temp(out_dir, temps)
        summary, digest = _write_csv(store, data_temp, max_rowid, include_all, recipient)
        manifest = _manifest(store.kiosk_id, summary, digest, now, data_name, recipient is not None)
        manifest_temp = _new_temp(out_dir, temps)
        _write_bytes(manifest_temp, manifest)
        marker.wait_prepared()  # a busy or broken database fails the export before any rename
        # Manifest first: a CSV under its final name always has its manifest.
        os.replace(manifest_temp, manifest_path)
        temps.remove(manifest_temp)
        os.replace(data_temp, data_path)
        temps.remove(data_temp)
        _fsync_dir(out_dir)
    except OSError as exc:
        marker.finish(None)
        _discard(temps)
        _discard_orphan(manifest_path, data_path)
        raise ExportFailed(_os_reason(exc, out_dir)) from None
    except (SQLAlchemyError, sqlite3.Error) as exc:
        marker.finish(None)
        _discard(temps)
        raise ExportFailed(
            f"The kiosk database could not be used ({database_error_reason(exc)})."
        ) from None
    except BaseException:
        marker.finish(None)
        _discard(temps)
        raise

    try:
        marker.finish(_Batch(data_name, summary.rows, digest))
    except (SQLAlchemyError, sqlite3.Error) as exc:
        # The file is whole and valid; its rows simply stay pending and go out
        # again next time (the office import ignores sign-ups it already has).
        raise ExportFailed(
            f"{data_name} was written, but the kiosk could not record it as exported "
            f"({database_error_reason(exc)}); its sign-ups will be exported again next time."
        ) from None
    log.info("exported %d sign-up(s) to %s", summary.rows, data_name)
    return ExportResult(data_path, manifest_path, summary.rows, digest, stale)


# Marking -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Batch:
    """What the export batch row records once the files are on disk."""

    file_name: str
    rows: int
    sha256: str


class _Marker(threading.Thread):
    """Marks the exported rows in one transaction that commits only after the files are on disk.

    The row updates run in this thread while the main thread writes the CSV
    (SQLite does its work without the GIL), inside a write transaction left
    open until ``finish``: committed with the batch's name, size and hash once
    both files are in place, rolled back otherwise. A crash before the commit
    leaves nothing marked. While it is open, other writers (a kiosk submitting
    from another process) wait on the busy timeout, typically for milliseconds.
    """

    def __init__(self, store: Store, max_rowid: int, now: datetime, include_all: bool) -> None:
        super().__init__(name="export-marker", daemon=True)
        self._store = store
        self._max_rowid = max_rowid
        self._now = now
        self._include_all = include_all
        self._prepared = threading.Event()
        self._decided = threading.Event()
        self._batch: _Batch | None = None
        self._error: BaseException | None = None

    def run(self) -> None:
        try:
            with self._store.engine.connect() as connection:
                transaction = connection.begin()
                try:
                    batch_id = connection.execute(
                        insert(ExportBatch)
                        .values(
                            created_at=to_naive_utc(self._now),
                            file_name="",
                            rows=0,
                            sha256="",
                            include_all=self._include_all,
                        )
                        .returning(ExportBatch.id)
                    ).scalar_one()
                    connection.execute(
                        update(SignupRow)
                        .where(*_scope(False, self._max_rowid))
                        .values(export_batch_id=batch_id)
                    )
                except BaseException:
                    transaction.rollback()
                    raise
                finally:
                    self._prepared.set()
                self._decided.wait()
                if self._batch is None:
                    transaction.rollback()
                    return
                connection.execute(
                    update(ExportBatch)
                    .where(ExportBatch.id == batch_id)
                    .values(
                        file_name=self._batch.file_name,
                        rows=self._batch.rows,
                        sha256=self._batch.sha256,
                    )
                )
                transaction.commit()
        except BaseException as exc:  # handed to the main thread by finish/wait_prepared
            self._error = exc
            self._prepared.set()

    def wait_prepared(self) -> None:
        """Wait until the rows are marked (uncommitted); re-raise a database error."""
        self._prepared.wait()
        if self._error is not None:
            raise self._error

    def finish(self, batch: _Batch | None) -> None:
        """Commit with ``batch``, or roll back with None; re-raise a database error."""
        self._batch = batch
        self._decided.set()
        self.join()
        if self._error is not None and batch is not None:
            raise self._error


# Reading -------------------------------------------------------------------------

_ROWID: ColumnElement[int] = literal_column("signups.rowid", Integer)


def _scope(include_all: bool, max_rowid: int) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [_ROWID <= max_rowid]
    if include_all:
        conditions.append(SignupRow.erased_at.is_(None))  # only exported rows are ever erased
    else:
        conditions.append(SignupRow.export_batch_id.is_(None))
    return conditions


def _max_rowid(store: Store, include_all: bool) -> int | None:
    query = select(func.max(_ROWID)).select_from(SignupRow)
    if include_all:
        query = query.where(SignupRow.erased_at.is_(None))
    else:
        query = query.where(SignupRow.export_batch_id.is_(None))
    with store.engine.connect() as connection:
        value = connection.execute(query).scalar()
    return int(value) if value is not None else None


def _rows_query(include_all: bool, max_rowid: int) -> Select[*tuple[Any, ...]]:
    """Select the export's rows, in time order, as raw stored values (no join)."""
    return (
        select(
            SignupRow.id,
            SignupRow.created_at,
            SignupRow.event_id,
            SignupRow.kiosk_id,
            SignupRow.first_name,
            SignupRow.last_name,
            SignupRow.email,
            SignupRow.phone,
            SignupRow.postal_code,
            SignupRow.wlf_choice,
            SignupRow.email_group_opt_in,
            SignupRow.advocacy_pledge,
            SignupRow.contact_consent,
            SignupRow.consent_version,
            SignupRow.locale,
        )
        .where(*_scope(include_all, max_rowid))
        .order_by(SignupRow.created_at, _ROWID)
    )


def _stored_rows(
    connection: Connection, include_all: bool, max_rowid: int
) -> Iterator[Sequence[Sequence[Any]]]:
    """Yield the export's rows as the database stores them, a batch at a time.

    This is the export's hot path: the rows come straight from the driver's
    cursor as plain tuples (the Core query compiled once, its only parameter an
    integer), sparing a result row object and a type conversion per row.
    """
    query = _rows_query(include_all, max_rowid).compile(
        dialect=connection.dialect, compile_kwargs={"literal_binds": True}
    )
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(query))
        while rows := cursor.fetchmany(_ROWS_PER_CHUNK):
            yield rows
    finally:
        cursor.close()


@dataclass(frozen=True)
class _EventCells:
    """The events' CSV cells by event id (events are few: looked up once, not joined per row)."""

    names: dict[int, str]
    locations: dict[int, str]
    plain_names: dict[int, str]

    @classmethod
    def read(cls, connection: Connection) -> _EventCells:
        events = connection.execute(select(Event.id, Event.name, Event.location)).all()

        def cell(value: str) -> str:
            return quote_column([neutralize(value)])[0]

        return cls(
            names={event_id: cell(name) for event_id, name, _ in events},
            locations={event_id: cell(location) for event_id, _, location in events},
            plain_names={event_id: name for event_id, name, _ in events},
        )


def _csv_columns(
    stored: Sequence[Sequence[Any]], events: _EventCells, used_events: set[int]
) -> list[Sequence[str]]:
    """The CSV cells of a batch of stored rows, column by column (``COLUMNS``), noting events used.

    Column by column rather than row by row: each column is converted by a few
    passes in C (``kiosk.csvformat``'s column functions) instead of a few
    Python steps per cell.
    """
    (
        signup_ids,
        created_at,
        event_ids,
        kiosk_ids,
        first_names,
        last_names,
        emails,
        phones,
        postal_codes,
        wlf_choices,
        opt_ins,
        pledges,
        consents,
        consent_versions,
        locales,
    ) = zip(*stored, strict=True)
    used_events.update(event_ids)

    def text_cells(cells: Sequence[str]) -> Sequence[str]:  # neutralized, then quoted
        return quote_column(neutralize_column(cells))

    return [
        quote_column(signup_ids),
        csv_times(created_at),
        list(map(events.names.__getitem__, event_ids)),
        list(map(events.locations.__getitem__, event_ids)),
        text_cells(kiosk_ids),
        text_cells(first_names),
        text_cells(last_names),
        text_cells(emails),
        text_cells(phones),
        text_cells(postal_codes),
        quote_column(wlf_choices),
        _bool_cells(opt_ins),
        _bool_cells(pledges),
        _bool_cells(consents),
        text_cells(consent_versions),
        text_cells(locales),
    ]


def _bool_cells(stored: Sequence[Any]) -> list[str]:
    return [TRUE if flag else FALSE for flag in stored]


def _stored_time(stored: str) -> datetime:
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def _iter_chunks(
    store: Store, include_all: bool, max_rowid: int, summary: _Summary
) -> Iterator[bytes]:
    """Yield the CSV's bytes (BOM, header, rows) in chunks, streaming rows from the database."""
    yield BOM + csv_lines([[name] for name in COLUMNS]).encode("utf-8")
    used_events: set[int] = set()
    with store.engine.connect() as connection:
        events = _EventCells.read(connection)
        for stored in _stored_rows(connection, include_all, max_rowid):
            summary.add(stored)
            yield csv_lines(_csv_columns(stored, events, used_events)).encode("utf-8")
        # Read in the same snapshot as the rows; sign-ups from before revision 0004 name none.
        summary.content_versions = sorted(
            version
            for version in connection.execute(
                select(SignupRow.content_version).distinct().where(*_scope(include_all, max_rowid))
            ).scalars()
            if version
        )
    summary.event_names = sorted({events.plain_names[e] for e in used_events})


def _write_csv(
    store: Store, path: Path, max_rowid: int, include_all: bool, recipient: str | None
) -> tuple[_Summary, str]:
    """Write the CSV (or its encryption) to ``path``, fsynced; return its summary and sha256."""
    summary = _Summary()
    hasher = hashlib.sha256()
    with open(path, "wb") as out:
        if recipient is None:
            for chunk in _iter_chunks(store, include_all, max_rowid, summary):
                hasher.update(chunk)
                out.write(chunk)
        else:
            # The plaintext stays in memory: it must never touch the stick.
            plain = io.BytesIO()
            for chunk in _iter_chunks(store, include_all, max_rowid, summary):
                hasher.update(chunk)
                plain.write(chunk)
            out.write(encrypt(plain.getvalue(), recipient))
        _sync(out)
    return summary, hasher.hexdigest()


# Writing -------------------------------------------------------------------------


def _manifest(
    kiosk_id: str,
    summary: _Summary,
    digest: str,
    now: datetime,
    data_name: str,
    encrypted: bool,
) -> bytes:
    manifest: dict[str, object] = {
        "format_version": FORMAT_VERSION,
        "app_version": kiosk.__version__,
        "kiosk_id": kiosk_id,
        "file_name": data_name,
        "exported_at": now.astimezone(UTC).strftime(_TIME_FORMAT),
        "rows": summary.rows,
        "sha256": digest,
        "encrypted": encrypted,
        "first_created_at": _time_or_none(summary.first),
        "last_created_at": _time_or_none(summary.last),
        "event_names": summary.event_names or [],
        # Which content files the sign-ups were made under (Content.version_id).
        # Office programs read only the keys they know, so older ones import it too.
        "content_versions": summary.content_versions or [],
    }
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _time_or_none(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).strftime(_TIME_FORMAT) if moment is not None else None


_UNSAFE_ID = re.compile(r"[^A-Za-z0-9-]")


def _free_base_name(out_dir: Path, kiosk_id: str, now: datetime, *, encrypted: bool) -> str:
    """Return ``signups_<kiosk>_<UTC time>`` (with ``-2``, ``-3``... if taken in that second)."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    stem = f"signups_{_UNSAFE_ID.sub('', kiosk_id) or 'kiosk'}_{stamp}"
    for n in range(1, 10_000):
        base = stem if n == 1 else f"{stem}-{n}"
        taken = [
            out_dir / f"{base}.csv",
            out_dir / f"{base}.csv{ENCRYPTED_SUFFIX}",
            out_dir / f"{base}.csv{MANIFEST_SUFFIX}",
            out_dir / f"{base}.csv{ENCRYPTED_SUFFIX}{MANIFEST_SUFFIX}",
        ]
        if not any(p.exists() for p in taken):
            return base
    raise ExportFailed(
        f"The export folder {out_dir} already holds too many exports of this second."
    )


def _new_temp(out_dir: Path, temps: list[Path]) -> Path:
    """Create an empty, hidden temporary file in ``out_dir`` (same file system as the target)."""
    fd, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=out_dir)
    os.close(fd)
    path = Path(name)
    temps.append(path)
    return path


def _write_bytes(path: Path, data: bytes) -> None:
    with open(path, "wb") as out:
        out.write(data)
        _sync(out)


def _sync(out: BinaryIO) -> None:
    out.flush()
    os.fsync(out.fileno())


def _fsync_dir(directory: Path) -> None:
    """Make the renames durable; skipped where the OS cannot open a folder (Windows)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some file systems (and FAT on some kernels) refuse fsync on a folder.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _discard(temps: list[Path]) -> None:
    for path in temps:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def _discard_orphan(manifest_path: Path, data_path: Path) -> None:
    """Remove a manifest whose CSV never made it to its final name."""
    if manifest_path.exists() and not data_path.exists():
        try:
            manifest_path.unlink()
        except OSError:
            pass


def _os_reason(exc: OSError, out_dir: Path) -> str:
    reason = exc.strerror or type(exc).__name__
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", None):
        return f"The export folder {out_dir} is full ({reason}); nothing was exported."
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"The export folder {out_dir} cannot be written to ({reason}); nothing was exported."
    if exc.errno == errno.ENOENT:
        return f"The export folder {out_dir} disappeared ({reason}); nothing was exported."
    return f"The export to {out_dir} failed ({reason}); nothing was exported."
