"""The export worker: writes and verifies the export off the GUI thread, then reports back."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from kiosk.errors import KioskError
from kiosk.service import KioskService

log = logging.getLogger(__name__)


class ExportSignals(QObject):
    """Carries the worker's answer back to the GUI thread (queued across threads)."""

    finished = Signal(object, bool)  # ExportResult | None, verified
    failed = Signal(str, bool)  # core's message (may be ""), whether the drive itself failed


class ExportJob(QRunnable):
    """Runs ``service.export`` and ``service.verify_export`` off the GUI thread."""

    def __init__(self, service: KioskService, folder: Path, include_all: bool) -> None:
        super().__init__()
        self.signals = ExportSignals()
        self._service = service
        self._folder = folder
        self._include_all = include_all

    def run(self) -> None:
        """Export, then read the file back and check its hash against the manifest."""
        try:
            result = self._service.export(self._folder, include_all=self._include_all)
            verified = result is not None and self._service.verify_export(result)
        except KioskError as error:
            self.signals.failed.emit(str(error), False)
        except OSError:
            self.signals.failed.emit("", True)
        except Exception:  # a bug must not leave the panel spinning forever
            log.exception("export from the staff panel failed")
            self.signals.failed.emit("", False)
        else:
            self.signals.finished.emit(result, verified)
