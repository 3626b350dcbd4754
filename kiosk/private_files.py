"""Folders and files that hold personal data or the PIN's hash: for their owner's eyes only.

Another account on the booth laptop must not read the sign-ups (or take the
PIN's hash away to guess at), so where the platform has POSIX modes every
data folder is 0700 and every file in it 0600, whatever the umask. Windows
keeps a user's ``%LOCALAPPDATA%`` private through its own access lists.

SQLite gives the files it makes beside a database later (``-wal``, ``-shm``,
``-journal``) the mode of the database file itself, so creating that file
0600 before SQLite opens it covers them too.

Also here: removing the hidden temporary files that a killed write (an
export to a USB stick, a CRM file) left behind with personal data in them.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def make_private_folder(path: Path) -> None:
    """Create ``path`` (and any missing parents) if needed, and make it owner-only.

    Raises ``OSError`` if it cannot be created; one that cannot be tightened
    (another account owns it) is logged and used as it is.
    """
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER_MODE)
    _tighten(path, PRIVATE_FOLDER_MODE)


def make_private_file(path: Path) -> None:
    """Create ``path`` empty if it is missing, and make it (new or not) owner-only."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        pass  # an existing file is tightened below, never truncated
    else:
        os.close(fd)
    _tighten(path, PRIVATE_FILE_MODE)


def make_private_database(path: Path) -> None:
    """Make a SQLite file (created empty if missing) and any files beside it owner-only."""
    make_private_file(path)
    for suffix in _SQLITE_COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            _tighten(companion, PRIVATE_FILE_MODE)


def _tighten(path: Path, mode: int) -> None:
    """Take away every permission beyond ``mode`` (a read-only file stays read-only)."""
    if os.name != "posix":
        return
    try:
        current = stat.S_IMODE(os.stat(path).st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)
    except OSError as exc:
        log.warning("could not make %s private: %s", path.name, exc.strerror or exc)


def remove_stale_temps(folder: Path, prefix: str, suffix: str) -> int:
    """Delete the hidden temporary files (``prefix`` + random + ``suffix``) left in ``folder``.

    A write killed before its rename leaves one behind, full of personal data,
    under a name nobody looks at. Only regular files directly in ``folder``
    are touched: no links followed, no folders entered. Returns how many were
    removed; one that cannot be removed is logged and left.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    removed = 0
    for entry in entries:
        name = entry.name
        if len(name) <= len(prefix) + len(suffix):
            continue
        if not (name.startswith(prefix) and name.endswith(suffix)):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            os.unlink(entry.path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.warning("could not remove the leftover %s: %s", name, exc.strerror or exc)
            continue
        removed += 1
    return removed
