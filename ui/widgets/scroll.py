"""Scroll areas: ``TouchScrollArea`` for the kiosk's screens, ``PageScrollArea`` for a desk window.

``TouchScrollArea`` scrolls vertically by finger on touch screens (QScroller). It
also keeps the control with focus in sight when the on-screen keyboard takes room
from it (its email keys are a row taller), and when code moves focus (Enter to the
next field, a message to its field), which QScrollArea follows only for Tab.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QScrollArea,
    QScroller,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import metrics
from ui.widgets.direction import mirror_style


class _ScrollArea(QScrollArea):
    """Frameless, showing the window's colour; Tab reaches it only while it has more to show.

    Then the arrow keys can scroll it; a click or a tap never focuses it, so no
    focus border is drawn round it, and a page shown takes no focus from its controls.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalScrollBar().rangeChanged.connect(self._take_tab_when_scrolling)

    def _take_tab_when_scrolling(self, _least: int, most: int) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus if most > 0 else Qt.FocusPolicy.NoFocus)


class TouchScrollArea(_ScrollArea):
    """Scrolls vertically; a finger drag scrolls with kinetic motion, the mouse uses the bar.

    Only touch gestures are grabbed: grabbing the left mouse button too would
    delay or swallow clicks on the buttons inside.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("touchScroll")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        mirror_style(self.verticalScrollBar())  # on the left in a right-to-left language
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.body = QWidget()
        self.body.setObjectName("scrollBody")
        self.body_layout = QVBoxLayout(self.body)
        self.setWidget(self.body)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

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


class PageScrollArea(_ScrollArea):
    """Shows ``page`` at the area's size, down to the least the page needs; below that it scrolls.

    The least counts wrapped words at the page's width. QScrollArea's own resizing
    (``widgetResizable``) gives a page with word-wrapped labels the height it would
    like instead, so it would scroll a page that fits.
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(page)  # which watches the page for us (eventFilter)
        page.setAutoFillBackground(False)  # setWidget fills it; the window's colour shows
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The page needs more or less room: a panel appeared, a table filled.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_page()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_page()

    def _fit_page(self) -> None:
        least = self.page.minimumSizeHint().expandedTo(self.page.minimumSize())
        room = self.maximumViewportSize()  # the area without its scroll bars
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)

        def least_height(width: int) -> int:
            # Wrapped words need more lines in a narrower page than its minimum size says.
            layout = self.page.layout()
            if layout is not None and layout.hasHeightForWidth():
                return max(least.height(), layout.totalMinimumHeightForWidth(width))
            return least.height()

        vertical = least_height(max(room.width(), least.width())) > room.height()
        width = max(room.width() - (bar if vertical else 0), least.width())
        horizontal = width > room.width() - (bar if vertical else 0)
        height = max(room.height() - (bar if horizontal else 0), least_height(width))
        self.page.resize(width, height)
