"""A widget over the whole of its parent window, dimming what is under it.

The base of the cards shown over a screen (the "Still there?" warning, the
Display choices): it follows its parent's size and paints the palette's shade.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ui.widgets import palette


class Shade(QWidget):
    """Covers ``parent``, hidden until shown; subclasses put their card on it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.hide()
        parent.installEventFilter(self)

    def cover_parent(self) -> None:
        """Take the whole of the parent (as it is now; it is followed from then on)."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.cover_parent()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(palette.current().scrim))
        painter.end()
