"""Opening files that came from outside (a USB stick, a staff member's pick): regular files only.

A hostile stick can hold a link named ``signups_x.csv`` that points at
``/dev/zero`` (endless bytes), a FIFO that blocks the reader forever, or a
manifest many megabytes long. Every such input (export files and their
manifests, the office's private key file, content files) is opened here:
the last path component is never followed if it is a link, anything that is
not a regular file is refused before a byte is read, and small files are
read with a size cap.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from kiosk.errors import KioskError

# Where the platform has them: O_NOFOLLOW refuses a link as the last component
# (ELOOP), O_NONBLOCK keeps opening a FIFO with no writer from hanging.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegularFile(KioskError):
    """A path that must not be read: missing, a link, a device, a FIFO, a folder, or too large.

    ``reason`` completes a sentence about the file ("does not exist", "is a
    link, not a regular file"); callers say which file they mean.
    """

    def __init__(self, reason: str, *, missing: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing  # there is nothing at the path at all


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading in binary, refusing links and anything but a regular file."""
    if not _NOFOLLOW:
        _refuse_link(path)
    fd = _open_without_following(path)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise NotRegularFile("is a folder")
        if not stat.S_ISREG(mode):
            raise NotRegularFile("is not a regular file (a device, pipe or socket)")
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _refuse_link(path: Path) -> None:
    """Where there is no O_NOFOLLOW (Windows), look before opening.

    A swap between the look and the open is left to the regular-file check on
    the opened handle.
    """
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            raise NotRegularFile("is a link, not a regular file")
    except FileNotFoundError:
        raise NotRegularFile("does not exist", missing=True) from None
    except OSError as exc:
        raise NotRegularFile(f"cannot be read ({exc.strerror})") from None


def _open_without_following(path: Path) -> int:
    """Open ``path`` read-only, not following a last-component link, nor waiting on a FIFO."""
    try:
        return os.open(path, _OPEN_FLAGS | _NOFOLLOW | _NONBLOCK)
    except FileNotFoundError:
        raise NotRegularFile("does not exist", missing=True) from None
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) and _NOFOLLOW:
            raise NotRegularFile("is a link, not a regular file") from None
        if isinstance(exc, IsADirectoryError):
            raise NotRegularFile("is a folder") from None
        raise NotRegularFile(f"cannot be read ({exc.strerror})") from None


def read_regular(path: Path, limit: int) -> bytes:
    """Return the bytes of the regular file at ``path``; refuse it if larger than ``limit``."""
    with open_regular(path) as source:
        try:
            data = source.read(limit + 1)
        except OSError as exc:
            raise NotRegularFile(f"cannot be read ({exc.strerror})") from None
    if len(data) > limit:
        raise NotRegularFile(f"is larger than {_size(limit)}, more than such a file ever holds")
    return data


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MiB" if count >= 1024 * 1024 else f"{count // 1024} KiB"
