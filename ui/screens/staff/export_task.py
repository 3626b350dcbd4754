"""The export worker: writes and verifies the export off the GUI thread, then reports back.

``start_job`` starts it, or the receipts card's job, on the panel's one worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from kiosk.errors import KioskError
from kiosk.service import KioskService

log = logging.getLogger(__name__)


class JobSignals(Protocol):
    """A job's way back to the GUI thread: its answer, or why there is none."""

    @property
    def finished(self) -> SignalInstance:
        """Emitted with the answer."""

    @property
    def failed(self) -> SignalInstance:
        """Emitted with the reason the job did not finish."""


SignalsT = TypeVar("SignalsT", bound=JobSignals)


def start_job(
    pool: QThreadPool,
    job: QRunnable,
    signals: SignalsT,
    finished: Callable[..., object],
    failed: Callable[..., object],
) -> SignalsT:
    """Start ``job`` on ``pool``; its ``signals`` call ``finished`` or ``failed`` when it ends.

    Returns ``signals`` for the caller to keep until then: the pool deletes the
    job once it has run, and the answer must still have a sender.
    """
    signals.finished.connect(finished)
    signals.failed.connect(failed)
    pool.start(job)
    return signals


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
