"""Logging to a rotating file in the data folder.

Log lines name what happened (counts, file names, failures), never a person:
no names, emails or phone numbers are ever passed to a logger.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_DIR_NAME = "logs"


def setup_logging(data_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the ``kiosk`` and ``ui`` loggers to ``data_dir/logs/kiosk.log``; return its path."""
    log_dir = data_dir / LOG_DIR_NAME
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "kiosk.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
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
