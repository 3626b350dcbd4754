"""Files that appear whole or not at all: written to a hidden temp file, synced, renamed.

The office's CRM files and event reports are written this way, so a crash,
a full disk or a pulled stick leaves the previous file or the new one, never
half of one; a temp file a killed write left behind is removed by the next.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from kiosk.errors import KioskError
from kiosk.private_files import remove_stale_temps

T = TypeVar("T")


def write_atomically(out: Path, write_body: Callable[[BinaryIO], T], *, what: str) -> T:
    """Run ``write_body`` on a hidden temp file beside ``out``, then fsync and rename it.

    ``what`` names the file in errors ("the CRM file"): a missing folder or a
    failed write is a ``KioskError`` saying which file and why; the temp file
    is removed whatever happened. Returns what ``write_body`` returned.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise KioskError(f"the folder for {what} does not exist: {folder}")
    # A write killed before its rename left the whole content in a hidden file.
    remove_stale_temps(folder, f".{out.name}.", ".tmp")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as exc:
        raise KioskError(f"could not write {what} {out}: {exc.strerror or exc}") from exc
    temp = Path(temp_name)
    try:
        with open(handle, "wb") as stream:
            result = write_body(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise KioskError(f"could not write {what} {out}: {exc.strerror or exc}") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)
    return result


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
