"""Notices when nobody has touched the kiosk for a while, application-wide.

``IdleWatcher`` is an event filter on the ``QApplication``: every touch,
click, key press or wheel turn anywhere restarts one single-shot timer; when
it runs out, ``timed_out`` is emitted and the main window decides what to do
(warn, then clear the form and return to attract). The interval is in
milliseconds and can be changed at any time, so tests can use a short one.

The filter is on the application only while the timer counts: paused (on
attract, under the "Still there?" warning) the watcher has nothing to restart,
and every event the application handles would still be a call into Python,
the kiosk's first screen's among them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits ``timed_out`` after ``interval_ms`` with no user input anywhere in the app."""

    timed_out = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Precise: a coarse timer may fire up to 5% late, seconds on a long timeout.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, interval_ms))
        self._timer.timeout.connect(self.timed_out)
        self._app: QApplication | None = None  # the application watched (install)
        self._filtering = False  # whether the filter is on it now: while counting

    @property
    def interval_ms(self) -> int:
        """Milliseconds without input before ``timed_out``."""
        return self._timer.interval()

    def set_interval_ms(self, interval_ms: int) -> None:
        """Change the timeout; a running countdown restarts with the new length."""
        self._timer.setInterval(max(1, interval_ms))
        if self._timer.isActive():
            self._timer.start()

    def is_running(self) -> bool:
        """Whether the watcher is counting (it is paused while the warning shows)."""
        return self._timer.isActive()

    def install(self, app: QApplication | None = None) -> None:
        """Watch every event of ``app`` (the running QApplication by default) and start."""
        target = app or QApplication.instance()
        if not isinstance(target, QApplication):
            raise RuntimeError("IdleWatcher needs a QApplication")
        if self._app is None:
            self._app = target
        self.restart()

    def uninstall(self) -> None:
        """Stop watching (the window is going away)."""
        self.pause()
        self._app = None

    def restart(self) -> None:
        """Count from zero again."""
        self._timer.start()
        self._filter_events(True)

    def pause(self) -> None:
        """Stop counting until ``restart``."""
        self._timer.stop()
        self._filter_events(False)

    def _filter_events(self, on: bool) -> None:
        if self._app is None or on == self._filtering:
            return
        if on:
            self._app.installEventFilter(self)
        else:
            self._app.removeEventFilter(self)
        self._filtering = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            # Restart only a running timer: a paused watcher (warning shown) stays paused.
            if self._timer.isActive():
                self._timer.start()
        return False
