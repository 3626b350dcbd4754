"""Check one export file against its manifest: whole, untampered and well-formed, or why not.

``check_export`` reads one file (``.csv``, or ``.csv.age`` given the office's
private key) and never raises for a bad file: a damaged or foreign file is
rejected whole with a reason that names rows and columns, never personal
values. A good file's values come back column by column (``FileCells``), the
form the merge (``kiosk.merge``) reads them in.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

from kiosk.crypto import AGE_HEADER, CryptoError, decrypt
from kiosk.csvformat import (
    COLUMNS,
    FORMAT_VERSION,
    cells_to_record,
    column_is_times,
    column_is_uuids,
    restore_column,
)
from kiosk.gcpause import gc_paused
from kiosk.signup import Signup, SignupRecord, WlfChoice

MANIFEST_SUFFIX = ".manifest.json"
_BOM = "\ufeff"
_SHA256 = re.compile(r"[0-9a-f]{64}")


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
        flag = FLAGS.__getitem__
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
        with gc_paused():
            return self.cells.records() if self.cells is not None else ()


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
        with gc_paused():
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
FLAGS = {"true": True, "false": False}
"""The two spellings of a yes/no cell, and what each means."""
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
    if not all(set(columns[COLUMNS.index(name)]) <= FLAGS.keys() for name in flags):
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


def manifest_rows(path: Path) -> int:
    """The rows a manifest announces (0 if unreadable); only for progress bars."""
    try:
        return _read_manifest(path).rows
    except _Rejected:
        return 0
