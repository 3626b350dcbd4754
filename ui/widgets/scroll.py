"""A vertical scroll area that scrolls by finger on touch screens (QScroller).

It also keeps the control with focus in sight when the on-screen keyboard takes
room from it (its email keys are a row taller), and when code moves focus (Enter
to the next field, a message to its field), which QScrollArea follows only for Tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import metrics
from ui.widgets.direction import mirror_style


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
        mirror_style(self.verticalScrollBar())  # on the left in a right-to-left language
        self.viewport().setAutoFillBackground(False)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        # Tab reaches it only while it has more to show than fits, so the arrow keys
        # can scroll it; a tap never does, so a finger never draws a focus border round it.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalScrollBar().rangeChanged.connect(self._take_tab_when_scrolling)
        self.body = QWidget()
        self.body.setObjectName("scrollBody")
        self.body_layout = QVBoxLayout(self.body)
        self.setWidget(self.body)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _take_tab_when_scrolling(self, _least: int, most: int) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus if most > 0 else Qt.FocusPolicy.NoFocus)

    def scroll_to_top(self) -> None:
        """Show the start of the content (each attendee starts at the top)."""
        self.verticalScrollBar().setValue(0)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # A press shows what it pressed already, and scrolling under a finger would move
        # the release off its button; focus moved any other way is brought into sight.
        if QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self._keep_in_view(new)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The on-screen keyboard appeared or grew (its email keys): the field stays in sight.
        self._keep_in_view(QApplication.focusWidget())

    def _keep_in_view(self, widget: QWidget | None) -> None:
        content = self.widget()  # not always self.body: a screen may set its own
        if widget is not None and content is not None and content.isAncestorOf(widget):
            self.ensureWidgetVisible(
                widget, metrics.SCROLL_FOCUS_MARGIN, metrics.SCROLL_FOCUS_MARGIN
            )
