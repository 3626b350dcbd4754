"""Logging to a rotating file in the data folder.

Log lines name what happened (counts, file names, failures), never a person:
no names, emails or phone numbers are ever passed to a logger.
"""

from __future__ import annotations

import logging
import logging.handlers
from io import TextIOWrapper
from pathlib import Path

from kiosk.private_files import make_private_file, make_private_folder

LOG_DIR_NAME = "logs"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files (the first and each one after a rotation) are owner-only.

    The log holds no personal data, but it says when and how often the kiosk
    was used, and it lives in the private data folder with everything else.
    """

    def _open(self) -> TextIOWrapper:
        make_private_file(Path(self.baseFilename))
        return super()._open()


def setup_logging(data_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the ``kiosk`` and ``ui`` loggers to ``data_dir/logs/kiosk.log``; return its path."""
    make_private_folder(data_dir)
    log_dir = data_dir / LOG_DIR_NAME
    make_private_folder(log_dir)
    path = log_dir / "kiosk.log"
    handler = _PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("kiosk", "ui"):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        if not any(
            isinstance(h, logging.handlers.RotatingFileHandler) and Path(h.baseFilename) == path
            for h in logger.handlers
        ):
            logger.addHandler(handler)
    return path
