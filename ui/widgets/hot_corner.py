"""The hidden staff gesture: press and hold an invisible square in the top-left corner.

A short tap is passed on to whatever lies under the corner (the Back button
sits there on most screens), so attendees never notice the zone.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

from ui.widgets import metrics

HOLD_MS = 2000


class HotCorner(QWidget):
    """An invisible 80x80 zone over everything; holding it for two seconds emits ``held``."""

    held = Signal()
    tapped = Signal(QPoint)  # a short tap, in the parent's coordinates, not consumed by a button

    def __init__(self, parent: QWidget, *, hold_ms: int = HOLD_MS) -> None:
        super().__init__(parent)
        self.setObjectName("hotCorner")
        self.setGeometry(0, 0, metrics.HOT_CORNER_SIZE, metrics.HOT_CORNER_SIZE)
        # Not announced to screen readers, not in the tab order: it is for staff only.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self._on_held)
        self._fired = False
        self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._fired = False
        self._timer.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self._fired:
            return
        self._timer.stop()
        self._pass_tap_on(self.mapToParent(event.position().toPoint()))

    def _on_held(self) -> None:
        self._fired = True
        self.held.emit()

    def _pass_tap_on(self, point: QPoint) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.hide()
        target = parent.childAt(point)
        self.show()
        self.raise_()
        while target is not None and not isinstance(target, QAbstractButton):
            target = target.parentWidget()
        if isinstance(target, QAbstractButton) and target.isEnabled():
            target.click()
        else:
            self.tapped.emit(point)
