"""Check one export file against its manifest: whole, untampered and well-formed, or why not.

``check_export`` reads one file (``.csv``, or ``.csv.age`` given the office's
private key) and never raises for a bad file: a damaged, foreign or hostile
file is rejected whole with a reason that names rows and columns, never
personal values. Every value must be one a kiosk could have written (the
form's own rules, ``kiosk.validation``), dated between the program's first
year and the import.

The file is read as a stream, ``BATCH_ROWS`` rows at a time, and only while
it stays within what its manifest's row count allows; the first bad row ends
the read. Memory stays a batch or two whatever the file holds. A good file's
values come back column by column (``FileCells``) in batches
(``export_batches``), the form the merge (``kiosk.merge``) reads them in: kept
from the check when the file is one batch, otherwise read (and checked)
again.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import logging
import re
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from kiosk.crypto import AGE_HEADER
from kiosk.csvformat import (
    COLUMNS,
    FEW_VALUE_COLUMNS,
    FLAG_COLUMNS,
    FLAG_VALUES,
    FORMAT_VERSION,
    cells_to_record,
    checked_record,
    column_is_times,
    column_is_uuids,
    framed_column,
    restore_framed,
)
from kiosk.errors import KioskError
from kiosk.export_stream import (
    MAX_HEADER_BYTES,
    MAX_ROW_BYTES,
    HashedBytes,
    Rejected,
    decrypted,
    plain,
    text_lines,
    too_large,
)
from kiosk.gcpause import gc_paused
from kiosk.regular_files import NotRegularFile, open_regular, read_regular
from kiosk.signup import SignupRecord, WlfChoice
from kiosk.validation import STORED_COLUMNS, stored_column_passes, stored_value_problem

log = logging.getLogger(__name__)

MANIFEST_SUFFIX = ".manifest.json"
MANIFEST_MAX_BYTES = 64 * 1024
"""A manifest is a few hundred bytes; a larger one is refused before it is parsed."""
BATCH_ROWS = 10_000
"""Rows checked (and merged) at a time: what memory holds of a file at once."""
EARLIEST_SIGNUP = datetime(2026, 1, 1, tzinfo=UTC)
"""No sign-up is older than the kiosk program (a kiosk clock reset to 2000 is caught)."""
FUTURE_ALLOWANCE = timedelta(days=1)
"""How far past the import time a kiosk clock may run before its sign-ups are refused."""

_SHA256 = re.compile(r"[0-9a-f]{64}")
# On a bad row, the rest of a file is still hashed if this little remains, so
# a damaged file (cut short, say) reads as damaged rather than as its symptom.
_DRAIN_BYTES = 64 << 20


@dataclass(frozen=True)
class FileCells:
    """A checked file's values column by column (``COLUMNS`` order, restored), in file order.

    The merge reads these directly: building a record object per sign-up only
    to take it apart again was most of an import's Python time.
    """

    columns: tuple[Sequence[str], ...]
    times: list[datetime]  # created_at, parsed (aware UTC)
    first_created_at: datetime  # the earliest of ``times``
    last_created_at: datetime  # the latest

    def records(self) -> tuple[SignupRecord, ...]:
        """Every sign-up as a record, in file order."""
        rows = zip(*self.columns, strict=True)
        return tuple(
            checked_record(dict(zip(COLUMNS, row, strict=True)), created_at)
            for row, created_at in zip(rows, self.times, strict=True)
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
    # The whole file's values when it is one batch and the caller kept them
    # (None otherwise: the merge reads the file again).
    cells: FileCells | None = field(default=None, repr=False, compare=False)
    identity: Path | None = field(default=None, repr=False, compare=False)  # to read it again

    @cached_property
    def records(self) -> tuple[SignupRecord, ...]:
        """Every sign-up of the file as a record (empty when not ok); built on first use."""
        with gc_paused():
            return tuple(r for cells in export_batches(self) for r in cells.records())


class FileChanged(KioskError):
    """A checked file, read again for the merge, is no longer the file that was checked."""


@dataclass
class _Manifest:
    rows: int
    sha256: str
    kiosk_id: str
    encrypted: bool


def manifest_path_for(path: Path) -> Path:
    """Return where the manifest of the export at ``path`` should be."""
    return path.with_name(path.name + MANIFEST_SUFFIX)


def check_export(
    path: Path,
    *,
    identity: Path | None = None,
    keep_cells: bool = True,
    now: datetime | None = None,
) -> CheckedExport:
    """Check one export file (``.csv`` or ``.csv.age``) against its manifest; never raises.

    ``identity`` is the office's age private key file, needed for encrypted
    exports. Passing the manifest's own path checks the file it describes.
    ``keep_cells`` keeps a one-batch file's values for the merge (a window
    that lists many files passes False and lets the merge read them again).
    ``now`` is the import time sign-ups may not be later than (default: now).
    """
    path = Path(path)
    if path.name.endswith(MANIFEST_SUFFIX):
        path = path.with_name(path.name[: -len(MANIFEST_SUFFIX)])
    manifest: _Manifest | None = None
    stream: _ExportStream | None = None
    try:
        manifest = _read_manifest(path)
        stream = _ExportStream(path, manifest, identity, now or datetime.now(UTC))
        kept: FileCells | None = None
        with stream:
            for number, cells in enumerate(stream.batches()):
                kept = cells if number == 0 and keep_cells else None
    except Exception as exc:  # one hostile file must never stop an import
        if isinstance(exc, Rejected):
            reason = str(exc)
        else:
            _log_frames("checking an export", exc)
            reason = f"could not be checked ({type(exc).__name__}); details are in the log"
        return CheckedExport(
            path=path,
            ok=False,
            reason=reason,
            rows=manifest.rows if manifest is not None else 0,
            sha256=manifest.sha256 if manifest is not None else "",
            kiosk_ids=(manifest.kiosk_id,) if manifest is not None else (),
            event_names=(),
            first_created_at=None,
            last_created_at=None,
            encrypted=path.name.endswith(".age") or (stream is not None and stream.encrypted),
        )
    return CheckedExport(
        path=path,
        ok=True,
        reason="",
        rows=stream.rows,
        sha256=manifest.sha256,
        kiosk_ids=tuple(sorted(stream.kiosk_ids)),
        event_names=tuple(sorted(stream.event_names)),
        first_created_at=stream.first_created_at,
        last_created_at=stream.last_created_at,
        encrypted=stream.encrypted,
        cells=kept,
        identity=identity,
    )


def export_batches(item: CheckedExport) -> Iterator[FileCells]:
    """The values of a checked file in batches, for the merge: kept by the check, or read again.

    Reading again checks everything again, the hash included, and raises
    ``FileChanged`` if the file is no longer the one that was checked (the
    merge then rolls back whatever it took from it).
    """
    if not item.ok:
        return
    if item.cells is not None:
        yield item.cells
        return
    manifest = _Manifest(item.rows, item.sha256, "", item.encrypted)
    try:
        with _ExportStream(item.path, manifest, item.identity, datetime.now(UTC)) as stream:
            yield from stream.batches()
    except Rejected as rejected:
        raise FileChanged(f"the file changed after it was checked ({rejected})") from None
    except Exception as exc:  # as in check_export: this file only
        _log_frames("reading an export again", exc)
        raise FileChanged(f"could not be read again ({type(exc).__name__})") from None


def _log_frames(doing: str, exc: Exception) -> None:
    """Log an unexpected failure's type and frames, not its message (it could quote the file)."""
    log.error(
        "%s failed with %s:\n%s",
        doing,
        type(exc).__name__,
        "".join(traceback.format_tb(exc.__traceback__)),
    )


def _read_manifest(path: Path) -> _Manifest:
    """The manifest beside the export file ``path``, checked; ``Rejected`` says what is wrong."""
    raw = _manifest_object(_manifest_bytes(path))
    _check_format_version(raw.get("format_version"))
    rows = raw.get("rows")
    if not isinstance(rows, int) or isinstance(rows, bool) or rows < 0:
        raise Rejected("the manifest's rows is not a count")
    sha = raw.get("sha256")
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        raise Rejected("the manifest's sha256 is not a SHA-256 hash")
    kiosk_id = raw.get("kiosk_id")
    if not isinstance(kiosk_id, str):
        raise Rejected("the manifest has no kiosk_id")
    encrypted = raw.get("encrypted", False)
    if not isinstance(encrypted, bool):
        raise Rejected("the manifest's encrypted is not true or false")
    return _Manifest(rows=rows, sha256=sha, kiosk_id=kiosk_id, encrypted=encrypted)


def _manifest_bytes(path: Path) -> bytes:
    """The bytes of the manifest beside ``path`` (an encrypted file's may drop the ``.age``)."""
    candidates = [manifest_path_for(path)]
    if path.name.endswith(".age"):
        candidates.append(path.with_name(path.name[:-4] + MANIFEST_SUFFIX))
    for candidate in candidates:
        try:
            return read_regular(candidate, MANIFEST_MAX_BYTES)
        except NotRegularFile as exc:
            if not exc.missing:
                raise Rejected(f"the manifest {exc.reason}") from None
    raise Rejected(f"no manifest beside it (expected {candidates[0].name})")


def _manifest_object(data: bytes) -> dict[str, Any]:
    """The manifest's bytes read as one JSON object."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Rejected("the manifest is not valid JSON") from None
    except RecursionError:
        raise Rejected("the manifest is not valid JSON (nested too deeply)") from None
    if not isinstance(raw, dict):
        raise Rejected("the manifest is not a JSON object")
    return raw


def _check_format_version(version: object) -> None:
    """Refuse a manifest whose format this program does not read."""
    if not isinstance(version, int) or isinstance(version, bool):
        raise Rejected("the manifest has no format_version")
    if version > FORMAT_VERSION:
        raise Rejected(
            f"format version {version} is newer than this program reads ({FORMAT_VERSION}); "
            "update the office program"
        )
    if version < 1:
        raise Rejected(f"unknown format version {version}")


class _ExportStream:
    """One export file read as a stream of checked batches, with what it holds so far.

    Used as a context manager (it holds the open file, and for an encrypted
    file the decrypting thread). ``batches`` raises ``Rejected`` at the
    first problem; once it ends, the whole file matched its manifest.
    """

    def __init__(self, path: Path, manifest: _Manifest, identity: Path | None, now: datetime):
        self._path = path
        self._manifest = manifest
        self._identity = identity
        self._latest = now + FUTURE_ALLOWANCE
        self._source: BinaryIO | None = None
        self._bytes: HashedBytes | None = None
        self._ids: set[str] = set()
        self.encrypted = path.name.endswith(".age") or manifest.encrypted
        self.rows = 0
        self.kiosk_ids: set[str] = set()
        self.event_names: set[str] = set()
        self.first_created_at: datetime | None = None
        self.last_created_at: datetime | None = None

    def __enter__(self) -> _ExportStream:
        try:
            self._source = open_regular(self._path)
        except NotRegularFile as exc:
            raise Rejected(f"the file {exc.reason}") from None
        ceiling = MAX_HEADER_BYTES + self._manifest.rows * MAX_ROW_BYTES
        try:
            self.encrypted = self.encrypted or self._source.read(len(AGE_HEADER)) == AGE_HEADER
            self._source.seek(0)
        except OSError as exc:
            raise Rejected(f"the file cannot be read ({exc.strerror})") from None
        if self.encrypted:
            if self._identity is None:
                raise Rejected("encrypted, but no private key given (--identity)")
            pieces = decrypted(self._source, self._identity)
        else:
            size = self._source.seek(0, io.SEEK_END)
            self._source.seek(0)
            if size > ceiling:
                raise Rejected(too_large(self._manifest.rows))
            pieces = plain(self._source)
        self._bytes = HashedBytes(pieces, ceiling, self._manifest.rows)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        frames: TracebackType | None,
    ) -> None:
        if self._bytes is not None:
            self._bytes.close()
        if self._source is not None:
            self._source.close()

    def batches(self) -> Iterator[FileCells]:
        """Yield the file's checked values, ``BATCH_ROWS`` rows at a time; ``Rejected`` if bad."""
        hashed = self._bytes
        assert hashed is not None, "use the stream as a context manager"
        manifest = self._manifest
        try:
            yield from self._checked_batches(hashed)
        except Rejected:
            # A file that was damaged (cut short, a byte changed) says so,
            # rather than naming whichever row the damage happened to break.
            if hashed.finish(_DRAIN_BYTES) and hashed.hexdigest() != manifest.sha256:
                raise Rejected("sha256 does not match the manifest") from None
            raise
        if hashed.hexdigest() != manifest.sha256:
            raise Rejected("sha256 does not match the manifest")
        if self.rows != manifest.rows:
            raise Rejected(f"manifest says {manifest.rows} rows, file has {self.rows}")

    def _checked_batches(self, hashed: HashedBytes) -> Iterator[FileCells]:
        reader = csv.reader(text_lines(hashed), strict=True)
        try:
            header = next(reader, None)
            if header is None:
                raise Rejected(
                    "the file is empty" if hashed.size == 0 else "the file has no header row"
                )
            _check_header(header)
            while True:
                with gc_paused():  # (not across the yield: the caller runs then)
                    rows = list(itertools.islice(reader, BATCH_ROWS))
                    if not rows:
                        return
                    if self.rows + len(rows) > self._manifest.rows:
                        raise Rejected(f"manifest says {self._manifest.rows} rows, file has more")
                    cells = _cells(rows, header, self.rows, self._latest)
                    del rows
                    self._take(cells)
                yield cells
        except csv.Error:
            raise Rejected(f"row {max(reader.line_num - 1, 1)}: not well-formed CSV") from None

    def _take(self, cells: FileCells) -> None:
        """Count a checked batch in: its rows, kiosks, events and times; refuse a repeated id."""
        ids = cells.columns[_SIGNUP_ID]
        fresh = set(ids)
        if len(fresh) != len(ids) or not self._ids.isdisjoint(fresh):
            seen: set[str] = set()
            for at, signup_id in enumerate(ids):
                if signup_id in seen or signup_id in self._ids:
                    raise Rejected(f"row {self.rows + at + 1}: signup_id repeats an earlier row")
                seen.add(signup_id)
        if self._ids:
            self._ids |= fresh
        else:
            self._ids = fresh
        self.rows += len(ids)
        self.kiosk_ids.update(cells.columns[_KIOSK_ID])
        self.event_names.update(cells.columns[_EVENT_NAME])
        first, last = cells.first_created_at, cells.last_created_at
        if self.first_created_at is None or first < self.first_created_at:
            self.first_created_at = first
        if self.last_created_at is None or last > self.last_created_at:
            self.last_created_at = last


def _check_header(header: list[str]) -> None:
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise Rejected(f"column listed twice: {_short(name)}")
        seen.add(name)
    missing = [c for c in COLUMNS if c not in seen]
    if missing:
        raise Rejected(f"missing columns: {', '.join(missing)}")
    unexpected = [_short(name) for name in header if name not in COLUMNS]
    if unexpected:
        plural = "s" if len(unexpected) > 1 else ""
        raise Rejected(f"unexpected column{plural}: {', '.join(unexpected)}")


def _short(name: str) -> str:
    """A header name fit for a message (headers are not personal, but may be long or odd)."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in name)
    return printable if len(printable) <= 40 else printable[:37] + "..."


_SIGNUP_ID, _CREATED_AT, _EVENT_NAME, _KIOSK_ID = (
    COLUMNS.index(name) for name in ("signup_id", "created_at", "event_name", "kiosk_id")
)
# Every free-text column: a kiosk may have neutralized its cells, and each has
# the rule a kiosk writes it by.
_TEXT_COLUMNS = {COLUMNS.index(name): name for name in STORED_COLUMNS}
_FEW_VALUES = frozenset(map(COLUMNS.index, FEW_VALUE_COLUMNS))
_CHOICES = frozenset(choice.value for choice in WlfChoice)


def _cells(rows: list[list[str]], header: list[str], before: int, latest: datetime) -> FileCells:
    """Check a batch of rows and return its values by column; raise ``Rejected`` if bad.

    ``before`` is how many rows came before the batch (rows are numbered from
    1 in the file), ``latest`` the latest time a sign-up may have. The checks
    run a column at a time (one scan in C per column). Only when one fails
    are the rows checked one by one, to name the first bad row and column.
    """
    width = len(header)
    if set(map(len, rows)) != {width}:
        _records(rows, header, before, latest)  # raises, naming the first short or long row
    by_header = list(zip(*rows, strict=True))
    columns: list[Sequence[str]] = []
    values_pass = True
    for at, name in enumerate(COLUMNS):
        cells = by_header[header.index(name)]
        if at not in _TEXT_COLUMNS:
            columns.append(cells)
            continue
        # One framed string per column serves the restore and the value checks.
        framed = framed_column(cells)
        restored = restore_framed(framed)
        values = cells if restored is framed else restored[1:-1].split("\x00")
        columns.append(values)
        if not values_pass:
            continue
        if at in _FEW_VALUES:
            # A file has few events, kiosks, consent versions and languages:
            # their distinct values are checked, not every cell.
            values_pass = stored_column_passes(name, list(set(values)))
        else:
            values_pass = stored_column_passes(name, values, restored)
    times = _times_if_valid(columns) if values_pass else None
    first, last = (min(times), max(times)) if times else (EARLIEST_SIGNUP, latest)
    if times is None or first < EARLIEST_SIGNUP or last > latest:
        # Some cell is bad: find it (this raises). Should the per-row check
        # accept after all, its own parse of the times is as good.
        times = [record.created_at for record in _records(rows, header, before, latest)]
        first, last = min(times), max(times)
    return FileCells(tuple(columns), times, first, last)


def _times_if_valid(columns: Sequence[Sequence[str]]) -> list[datetime] | None:
    """Return the parsed times if every fixed-form cell passes ``_records``'s checks, or None."""
    ids, created = columns[_SIGNUP_ID], columns[_CREATED_AT]
    if not column_is_uuids(ids):  # (a repeated id is found by _ExportStream._take)
        return None
    if not column_is_times(created):
        return None
    try:
        times = list(map(datetime.fromisoformat, created))  # "Z" reads as UTC
    except ValueError:  # a calendar error, e.g. month 13
        return None
    if not set(columns[COLUMNS.index("wlf_choice")]) <= _CHOICES:
        return None
    if not all(set(columns[COLUMNS.index(name)]) <= FLAG_VALUES.keys() for name in FLAG_COLUMNS):
        return None
    return times


def _records(
    rows: Iterable[list[str]], header: list[str], before: int, latest: datetime
) -> list[SignupRecord]:
    """Check the rows one by one; raise ``Rejected`` naming the first bad row and column."""
    width = len(header)
    order = None if tuple(header) == COLUMNS else [header.index(c) for c in COLUMNS]
    id_at = header.index("signup_id")
    records: list[SignupRecord] = []
    seen_ids: set[str] = set()
    for number, cells in enumerate(rows, start=before + 1):
        if len(cells) != width:
            if not cells:
                raise Rejected(f"row {number} is empty")
            raise Rejected(f"row {number} has {len(cells)} cells, expected {width}")
        try:
            record = cells_to_record(cells if order is None else [cells[k] for k in order])
        except ValueError as exc:
            raise Rejected(f"row {number}: {exc}") from None
        problem = _value_problem(record, latest)
        if problem is not None:
            raise Rejected(f"row {number}: {problem}")
        if cells[id_at] in seen_ids:
            raise Rejected(f"row {number}: signup_id repeats an earlier row")
        seen_ids.add(cells[id_at])
        records.append(record)
    return records


def _value_problem(record: SignupRecord, latest: datetime) -> str | None:
    """Why no kiosk could have written this sign-up (a value, or its date), or None."""
    signup = record.signup
    values = {
        "event_name": record.event_name,
        "event_location": record.event_location,
        "kiosk_id": record.kiosk_id,
        "first_name": signup.first_name,
        "last_name": signup.last_name,
        "email": signup.email,
        "phone": signup.phone,
        "postal_code": signup.postal_code,
        "consent_version": signup.consent_version,
        "locale": signup.locale,
    }
    for name in STORED_COLUMNS:
        problem = stored_value_problem(name, values[name])
        if problem is not None:
            return problem
    if record.created_at < EARLIEST_SIGNUP:
        return f"created_at is before {EARLIEST_SIGNUP:%Y}, older than the kiosk program"
    if record.created_at > latest:
        return "created_at is later than the time of import (a kiosk clock set wrong?)"
    return None


def manifest_rows(path: Path) -> int:
    """The rows a manifest announces (0 if unreadable); only for progress bars."""
    try:
        return _read_manifest(path).rows
    except Rejected:
        return 0
