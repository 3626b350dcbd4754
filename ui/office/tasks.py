"""Background work for the office screen: one QThread per job, results back as signals.

Checking a file hashes and decrypts it, merging writes thousands of rows, and
writing a CRM file streams every contact: none of that may freeze the window.
A ``Task`` runs one function in its own thread; the function reports progress
and partial results through the task, and the window receives them as queued
signals in the GUI thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from kiosk.errors import KioskError

log = logging.getLogger(__name__)


class Task(QThread):
    """Run ``job(task)`` in a worker thread; emit its result or a readable error."""

    progressed = Signal(int, int)  # (done, total)
    item = Signal(object)  # a partial result, e.g. one checked file
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[Task], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job

    def report_progress(self, done: int, total: int) -> None:
        """Progress callback for the core (thread-safe: signals queue to the GUI thread)."""
        self.progressed.emit(int(done), int(total))

    def run(self) -> None:  # QThread's entry point
        try:
            result = self._job(self)
        except KioskError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a worker must never die silently
            # Frames only: a database error's message can quote a row's personal data.
            log.error(
                "office task failed with %s:\n%s",
                type(exc).__name__,
                "".join(traceback.format_tb(exc.__traceback__)),
            )
            self.failed.emit(f"Unexpected {type(exc).__name__}; details are in the log.")
        else:
            self.succeeded.emit(result)


class TaskPool:
    """The tasks one window has running, so it can say when it is busy and wait on close."""

    def __init__(self) -> None:
        self._tasks: set[Task] = set()

    def start(self, task: Task, on_done: Callable[[], None] | None = None) -> None:
        """Start ``task``; when it ends, forget it, delete it and call ``on_done``."""
        self._tasks.add(task)

        def finished() -> None:
            self._tasks.discard(task)
            task.deleteLater()
            if on_done is not None:
                on_done()

        task.finished.connect(finished)
        task.start()

    def is_busy(self) -> bool:
        """True while any task started here is running."""
        return bool(self._tasks)

    def wait_all(self) -> None:
        """Block until every running task has ended (a worker must not outlive its window)."""
        for task in list(self._tasks):
            task.wait()
