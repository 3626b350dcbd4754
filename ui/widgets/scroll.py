"""A vertical scroll area that scrolls by finger on touch screens (QScroller)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QVBoxLayout, QWidget


class TouchScrollArea(QScrollArea):
    """Scrolls vertically; a finger drag scrolls with kinetic motion, the mouse uses the bar.

    Only touch gestures are grabbed: grabbing the left mouse button too would
    delay or swallow clicks on the buttons inside.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("touchScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.body = QWidget()
        self.body.setObjectName("scrollBody")
        self.body_layout = QVBoxLayout(self.body)
        self.setWidget(self.body)

    def scroll_to_top(self) -> None:
        """Show the start of the content (each attendee starts at the top)."""
        self.verticalScrollBar().setValue(0)
