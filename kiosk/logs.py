"""Logging to a rotating file in the data folder.

Log lines name what happened (counts, file names, failures), never a person:
no names, emails or phone numbers are ever passed to a logger.
"""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper
from pathlib import Path

from kiosk.private_files import make_private_file, make_private_folder

LOG_DIR_NAME = "logs"
LOG_MAX_BYTES = 1_000_000  # a log file is rolled over once a line takes it to this size
LOG_BACKUPS = 5  # rolled-over files kept (at least one): kiosk.log.1, the newest, to kiosk.log.5


class RotatingLog(logging.FileHandler):
    """A log file rolled over once it reaches ``max_bytes``, keeping ``backups`` older files.

    Every one is owner-only: the log holds no personal data, but it says when
    and how often the kiosk was used, and it lives in the private data folder
    with everything else. It rotates as ``logging.handlers.RotatingFileHandler``
    does (``kiosk.log`` becomes ``kiosk.log.1``, which becomes ``.2``...),
    without loading that module: its network handlers bring in sockets, pickle
    and queues, about 2% of every start of the kiosk.
    """

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        self.max_bytes = max_bytes
        self.backups = backups
        super().__init__(path, encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        make_private_file(Path(self.baseFilename))
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        # Called under the handler's lock, so a rollover never interleaves with a write.
        super().emit(record)
        try:
            # None only once closed (FileHandler.emit opens it again).
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self.do_rollover()
        except OSError:
            self.handleError(record)  # as logging's handlers do: reported, the kiosk goes on

    def do_rollover(self) -> None:
        """Shift the older files up by one (the oldest goes), the log to ``.1``; start afresh."""
        if self.stream is not None:
            self.stream.close()
        try:
            base = self.baseFilename
            for number in range(self.backups - 1, 0, -1):
                if os.path.exists(f"{base}.{number}"):
                    os.replace(f"{base}.{number}", f"{base}.{number + 1}")
            os.replace(base, f"{base}.1")
        finally:
            self.stream = self._open()


def setup_logging(data_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the ``kiosk`` and ``ui`` loggers to ``data_dir/logs/kiosk.log``; return its path."""
    make_private_folder(data_dir)
    log_dir = data_dir / LOG_DIR_NAME
    make_private_folder(log_dir)
    path = log_dir / "kiosk.log"
    handler = RotatingLog(path, max_bytes=LOG_MAX_BYTES, backups=LOG_BACKUPS)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("kiosk", "ui"):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        if not any(
            isinstance(h, RotatingLog) and Path(h.baseFilename) == path for h in logger.handlers
        ):
            logger.addHandler(handler)
    return path
