"""Import receipts: the office's word that an export's sign-ups are in the master store.

After an import, the office writes ``receipt_<kiosk-id>_<UTC time>.json``
beside the export files (on the stick that goes back to the booth), or into a
folder of its choice. A receipt names the kiosk and, for each export file of
that kiosk, its name, SHA-256, row count and how many of its sign-ups the
master store holds; nothing else (no personal data, no database address).
The kiosk reads it back (``read_receipt``) as untrusted input: a size cap,
regular files only, every field checked. What the kiosk then does with it is
``kiosk.erasure``'s.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

import kiosk
from kiosk.clock import Clock, utc_now
from kiosk.errors import KioskError
from kiosk.folder_scan import find_files

# The office's half (merging, writing) is imported where used: the kiosk reads
# receipts at start-up and needs none of it.
if TYPE_CHECKING:
    from kiosk.export_check import CheckedExport
    from kiosk.importer import FileOutcome

log = logging.getLogger(__name__)

RECEIPT_FORMAT = "p2p-kiosk-receipt"
RECEIPT_VERSION = 1
RECEIPT_PREFIX = "receipt_"
RECEIPT_SUFFIX = ".json"
MAX_RECEIPT_BYTES = 1024 * 1024
"""A receipt is a few hundred bytes per export file; anything larger is not one."""
MAX_RECEIPT_FILES = 10_000
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9-]")


class ReceiptRefused(KioskError):
    """A file is not a receipt this program can trust; the message says why."""


@dataclass(frozen=True)
class ConfirmedFile:
    """One export file as a receipt names it."""

    file_name: str
    sha256: str
    rows: int
    in_master: int  # how many of its sign-ups the master store holds


@dataclass(frozen=True)
class Receipt:
    """The office's confirmation, for one kiosk, of one or more of its export files."""

    kiosk_id: str
    confirmed_at: datetime  # aware UTC, the office's clock
    files: tuple[ConfirmedFile, ...]


# Writing (the office) ------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptsWritten:
    """What an import's receipts came to: the files written, and warnings for the rest."""

    paths: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()

    def summary_lines(self) -> list[str]:
        """One line per receipt written (warnings are the caller's to show)."""
        return [f"Receipt for the kiosk: {path}" for path in self.paths]


@dataclass
class ReceiptBook:
    """Collects, during an import, what each accepted file left in the master store.

    ``record`` is the importer's ``after_merge`` hook; ``write`` then writes
    one receipt per kiosk and folder: beside the export files, or all into
    ``receipt_dir``. A folder that cannot be written (a locked stick) is a
    warning, never a failed import.
    """

    receipt_dir: Path | None = None
    clock: Clock = utc_now
    _files: dict[tuple[Path, str], list[ConfirmedFile]] = field(default_factory=dict)
    _warnings: list[str] = field(default_factory=list)

    def record(self, item: CheckedExport, outcome: FileOutcome) -> None:
        """Note one merged file and how many of its sign-ups the master store now holds.

        The merge puts every sign-up of an accepted file in the master store, new or
        already there, except a conflict: an id stored before with other values,
        kept as first imported. The office does not hold that kiosk's version, so
        it does not count, and a receipt for such a file confirms less than its rows.
        Sign-ups under an event staff left out (``--skip-event``: a booth's test)
        do count: the office saw them and chose to drop them, so the kiosk may
        forget them with the rest rather than keep the whole export forever.
        """
        if len(item.kiosk_ids) != 1:
            # Only a kiosk's own export has one kiosk id; a mixed file gets no receipt.
            self._warnings.append(
                f"No receipt for {item.path.name}: its sign-ups come from "
                f"{len(item.kiosk_ids)} kiosks, not one."
            )
            return
        folder = self.receipt_dir if self.receipt_dir is not None else item.path.parent
        in_master = outcome.rows - outcome.conflicts
        confirmed = ConfirmedFile(item.path.name, item.sha256, item.rows, in_master)
        self._files.setdefault((folder, item.kiosk_ids[0]), []).append(confirmed)

    def write(self) -> ReceiptsWritten:
        """Write the receipts collected so far; return where, and what could not be written."""
        now = self.clock()
        paths: list[Path] = []
        warnings = list(self._warnings)
        for (folder, kiosk_id), files in self._files.items():
            receipt = Receipt(kiosk_id=kiosk_id, confirmed_at=now, files=tuple(files))
            try:
                paths.append(write_receipt(folder, receipt))
            except OSError as exc:
                warnings.append(_write_warning(folder, exc))
        self._files.clear()
        self._warnings.clear()
        return ReceiptsWritten(tuple(paths), tuple(warnings))


def receipt_bytes(receipt: Receipt) -> bytes:
    """Return the receipt's JSON, as written to disk."""
    document = {
        "format": RECEIPT_FORMAT,
        "format_version": RECEIPT_VERSION,
        "app_version": kiosk.__version__,
        "kiosk_id": receipt.kiosk_id,
        "confirmed_at": receipt.confirmed_at.astimezone(UTC).strftime(_TIME_FORMAT),
        "files": [
            {
                "file_name": f.file_name,
                "sha256": f.sha256,
                "rows": f.rows,
                "in_master": f.in_master,
            }
            for f in receipt.files
        ],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_receipt(folder: Path, receipt: Receipt) -> Path:
    """Write ``receipt`` into ``folder`` atomically (temporary file, fsync, rename); return it.

    Raises ``OSError`` when the folder cannot be written; no half-written
    receipt is ever left under a receipt's name.
    """
    from kiosk.export import _fsync_dir

    folder = Path(folder)
    target = folder / _free_name(folder, receipt.kiosk_id, receipt.confirmed_at)
    fd, temp_name = tempfile.mkstemp(prefix=".p2p-receipt-", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(receipt_bytes(receipt))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)
    return target


def _free_name(folder: Path, kiosk_id: str, moment: datetime) -> str:
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    stem = f"{RECEIPT_PREFIX}{_UNSAFE_ID.sub('', kiosk_id)[:64] or 'kiosk'}_{stamp}"
    for n in range(1, 10_000):
        name = f"{stem}{'' if n == 1 else f'-{n}'}{RECEIPT_SUFFIX}"
        if not (folder / name).exists():
            return name
    raise OSError(errno.EEXIST, "too many receipts of this second")


def _write_warning(folder: Path, exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = f"the folder cannot be written to ({reason})"
    elif exc.errno == errno.ENOENT:
        why = f"the folder is not there ({reason})"
    elif exc.errno == errno.ENOSPC:
        why = f"the drive is full ({reason})"
    else:
        why = reason
    return (
        f"No receipt written in {folder}: {why}. The import itself is complete; "
        "import the files again from a writable folder (or with --receipt-dir) for a receipt."
    )


# Reading (the kiosk) ---------------------------------------------------------------


def read_receipt(path: Path) -> Receipt:
    """Read and check a receipt file; raise ``ReceiptRefused`` saying why it is not one."""
    data = _read_capped(Path(path))
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ReceiptRefused("it is not a receipt (not UTF-8 text)") from None
    except RecursionError:
        raise ReceiptRefused("it is not a receipt (nested too deeply)") from None
    except ValueError:
        raise ReceiptRefused("it is not a receipt (not valid JSON)") from None
    return _parse(raw)


def _read_capped(path: Path) -> bytes:
    """Return a regular file's bytes, refusing links, devices, pipes and oversized files."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise ReceiptRefused("the file does not exist") from None
    except OSError as exc:
        raise ReceiptRefused(f"the file cannot be read ({exc.strerror})") from None
    _check_kind(info.st_mode)
    _check_size(info.st_size)
    # O_NOFOLLOW and O_NONBLOCK: a file swapped for a link or a pipe after the
    # check must neither be followed nor block the kiosk.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReceiptRefused("it is a link, not a receipt file") from None
        raise ReceiptRefused(f"the file cannot be read ({exc.strerror})") from None
    try:
        opened = os.fstat(fd)
        _check_kind(opened.st_mode)
        _check_size(opened.st_size)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_RECEIPT_BYTES + 1)
    except OSError as exc:
        raise ReceiptRefused(f"the file cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
    _check_size(len(data))
    return data


def _check_kind(mode: int) -> None:
    if stat.S_ISLNK(mode):
        raise ReceiptRefused("it is a link, not a receipt file")
    if stat.S_ISDIR(mode):
        raise ReceiptRefused("it is a folder, not a receipt file")
    if not stat.S_ISREG(mode):
        raise ReceiptRefused("it is not a regular file (a device or a pipe)")


def _check_size(size: int) -> None:
    if size > MAX_RECEIPT_BYTES:
        raise ReceiptRefused(
            f"it is too large for a receipt ({size:,} bytes; a receipt is at most "
            f"{MAX_RECEIPT_BYTES:,})"
        )


def _parse(raw: Any) -> Receipt:
    if not isinstance(raw, dict):
        raise ReceiptRefused("it is not a receipt (not a JSON object)")
    if raw.get("format") != RECEIPT_FORMAT:
        raise ReceiptRefused("it is not a receipt (no receipt format marker)")
    version = raw.get("format_version")
    if not _is_count(version) or version < 1:
        raise ReceiptRefused("its format_version is not a version number")
    if version > RECEIPT_VERSION:
        raise ReceiptRefused(
            f"its format version {version} is newer than this program reads "
            f"({RECEIPT_VERSION}); update the kiosk program"
        )
    kiosk_id = raw.get("kiosk_id")
    if not isinstance(kiosk_id, str) or not 0 < len(kiosk_id) <= 64 or not kiosk_id.isprintable():
        raise ReceiptRefused("its kiosk_id is not a kiosk id")
    confirmed_at = _time(raw.get("confirmed_at"))
    files = raw.get("files")
    if not isinstance(files, list) or not files:
        raise ReceiptRefused("it lists no export files")
    if len(files) > MAX_RECEIPT_FILES:
        raise ReceiptRefused(f"it lists more than {MAX_RECEIPT_FILES:,} export files")
    return Receipt(
        kiosk_id=kiosk_id,
        confirmed_at=confirmed_at,
        files=tuple(_confirmed_file(entry, at) for at, entry in enumerate(files)),
    )


def _confirmed_file(entry: Any, at: int) -> ConfirmedFile:
    where = f"files[{at}]"
    if not isinstance(entry, dict):
        raise ReceiptRefused(f"its {where} is not a JSON object")
    name = entry.get("file_name")
    if (
        not isinstance(name, str)
        or not 0 < len(name) <= 300
        or not name.isprintable()
        or "/" in name
        or "\\" in name
    ):
        raise ReceiptRefused(f"its {where}.file_name is not a file name")
    sha = entry.get("sha256")
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        raise ReceiptRefused(f"its {where}.sha256 is not a SHA-256 hash")
    rows, in_master = entry.get("rows"), entry.get("in_master")
    if not _is_count(rows):
        raise ReceiptRefused(f"its {where}.rows is not a count")
    if not _is_count(in_master) or in_master > rows:
        raise ReceiptRefused(f"its {where}.in_master is not a count up to rows")
    return ConfirmedFile(name, sha, rows, in_master)


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10**9


def _time(value: object) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise ReceiptRefused("its confirmed_at is not a time")
    try:
        moment = datetime.strptime(value, _TIME_FORMAT)
    except ValueError:
        raise ReceiptRefused("its confirmed_at is not a time (like 2026-11-25T10:15:00Z)") from None
    return moment.replace(tzinfo=UTC)


# Finding (the kiosk) ---------------------------------------------------------------


def is_receipt_name(name: str) -> bool:
    """Return whether a file name looks like a receipt (``receipt_….json``, any case)."""
    lowered = name.lower()
    return lowered.startswith(RECEIPT_PREFIX) and lowered.endswith(RECEIPT_SUFFIX)


def find_receipts(folders: Iterable[Path], *, depth: int = 1) -> list[Path]:
    """Return the receipt files in ``folders`` and their subfolders ``depth`` levels down.

    Hidden folders and links to folders are not entered; a link or pipe with
    a receipt's name is returned, so that applying it says why it is refused.
    """
    return find_files(folders, is_receipt_name, depth=depth)
