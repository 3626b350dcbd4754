"""A countdown in whole seconds: the thank-you screen's return to the start, the idle warning's."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class Countdown(QObject):
    """Counts ``seconds`` down, one tick at a time; says each second left, then that time is up.

    ``ticked`` carries the seconds left on ``start`` and after each tick while
    some are left; at zero the countdown stops and emits ``expired`` instead.
    A tick is a second (``tick_ms`` is shorter in tests).
    """

    ticked = Signal(int)
    expired = Signal()

    def __init__(self, seconds: int, *, tick_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seconds = seconds
        self._remaining = seconds
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._on_tick)

    @property
    def remaining_s(self) -> int:
        """Seconds left."""
        return self._remaining

    def set_tick_ms(self, tick_ms: int) -> None:
        """Make a tick this long (tests count down in milliseconds)."""
        self._timer.setInterval(tick_ms)

    def start(self) -> None:
        """Count down from the full number of seconds again."""
        self._remaining = self._seconds
        self.ticked.emit(self._remaining)
        self._timer.start()

    def stop(self) -> None:
        """Stop where it is (the seconds left stay as they are)."""
        self._timer.stop()

    def _on_tick(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._timer.stop()
            self.expired.emit()
            return
        self.ticked.emit(self._remaining)
