"""What every kiosk screen shares: the service, a ``navigate`` signal, enter/leave hooks.

Screens never switch themselves: they emit ``navigate(route)`` with a
``Route`` and the main window's router decides. An attendee screen also has
the "Aa Display" button in its top corner; it emits ``display_requested``, and
the main window opens the text size and contrast choices.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.service import KioskService
from ui.widgets import metrics
from ui.widgets.display_button import display_button
from ui.widgets.header import ScreenHeader
from ui.widgets.scroll import TouchScrollArea


class Route(StrEnum):
    """Where a screen asks to go: a screen's name, or one of two ways of reaching one."""

    ATTRACT = "attract"
    HOME = "home"
    MESSAGE = "message"
    RESOURCES = "resources"
    ACTION = "action"
    JOIN = "join"
    JOIN_PLEDGE = "join_pledge"
    """The sign-up form with the advocacy pledge already ticked."""
    THANK_YOU = "thank_you"
    STAFF = "staff"
    SETUP = "setup"
    LOCKED = "locked"
    BACK = "back"
    """The reading screen the attendee came from, or home."""


class Screen(QWidget):
    """Base class of the attendee screens."""

    navigate = Signal(str)
    display_requested = Signal()
    """The attendee pressed "Aa Display"."""
    display_button: QPushButton
    """"Aa Display", in the screen's top corner or its header (each screen places it)."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setProperty("screen", True)
        # Plain QWidget subclasses paint a stylesheet background only with this set.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # A tap never focuses a whole screen: Qt would take focus from the field being typed
        # into. on_enter still focuses the screen in code (setFocus ignores the policy).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def on_enter(self) -> None:
        """Called by the router just after the screen is shown.

        The screen itself takes focus, so no button shows a focus ring to a
        touch user; Tab then moves into the screen's controls in order.
        """
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_leave(self) -> None:
        """Called by the router just before another screen is shown; clear anything personal."""

    def title(self) -> str:
        """What the screen is called: its heading, announced when it shows."""
        return self.accessibleName()

    def take_over_from(self, old: Screen) -> None:
        """Carry on where ``old``, the same screen built before the display changed, was.

        The main window builds an attendee's screens again when they choose
        another text size or theme; the one they are on continues from here.
        By default it starts as it does when entered.
        """
        self.on_enter()

    def _add_top_controls(self, layout: QBoxLayout, *, on_dark: bool = False) -> None:
        """Put the top corner's row (the Display button, trailing) at the top of ``layout``.

        ``top_controls`` is that row: the languages an attendee can pick go in it too,
        before Display. The other corner stays clear: it is the staff's hidden gesture.
        """
        self.top_controls = QHBoxLayout()
        self.top_controls.setContentsMargins(*metrics.NO_MARGINS)
        self.top_controls.setSpacing(metrics.TOP_CONTROLS_SPACING)
        self.top_controls.addStretch(1)
        self.display_button = display_button(self, on_dark=on_dark)
        self.display_button.clicked.connect(self.display_requested)
        self.top_controls.addWidget(self.display_button)
        layout.insertLayout(0, self.top_controls)


class ReadingScreen(Screen):
    """A screen of reading: a header (Back, title, Sign up) over a touch-scrolled body.

    ``title`` is already translated: subclasses pass
    ``QCoreApplication.translate(<their class name>, ...)``, as ``self.tr`` would.
    """

    def __init__(self, service: KioskService, title: str, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*metrics.NO_MARGINS)
        layout.setSpacing(metrics.NO_SPACING)
        self.header = ScreenHeader(title, join_label=self.tr("Sign up"), parent=self)
        self.header.back_clicked.connect(lambda: self.navigate.emit(Route.BACK))
        self.header.join_clicked.connect(lambda: self.navigate.emit(Route.JOIN))
        self.header.display_button.clicked.connect(self.display_requested)
        self.display_button = self.header.display_button
        self.setAccessibleName(title)
        layout.addWidget(self.header)

        self.scroll_area = TouchScrollArea(self)
        layout.addWidget(self.scroll_area, 1)
        self.body = self.scroll_area.body_layout
        self.body.setContentsMargins(*metrics.READING_MARGINS)


def centered_column(
    parent_layout: QVBoxLayout,
    max_width: int | None = None,
    *,
    spacing: int | None = None,
) -> QVBoxLayout:
    """Add a centred column at most ``max_width`` px wide to ``parent_layout``; return it.

    A reading column (``metrics.READING_WIDTH``, ``metrics.READING_SPACING``) unless given.
    """
    row = QHBoxLayout()
    row.setContentsMargins(*metrics.NO_MARGINS)
    holder = QWidget()
    holder.setMaximumWidth(metrics.READING_WIDTH if max_width is None else max_width)
    column = QVBoxLayout(holder)
    column.setContentsMargins(*metrics.NO_MARGINS)
    column.setSpacing(metrics.READING_SPACING if spacing is None else spacing)
    row.addStretch(0)
    row.addWidget(holder, 1)
    row.addStretch(0)
    parent_layout.addLayout(row)
    return column
