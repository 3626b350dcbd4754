"""What every kiosk screen shares: the service, a ``navigate`` signal, enter/leave hooks.

Screens never switch themselves: they emit ``navigate(route)`` with a
``Route`` and the main window's router decides; a language button emits
``language_chosen(code)``. Every text a screen shows is bound with
``self.texts.bind`` to a function that reads it, in the attendee's language:
the screen's own words through ``tr()``, the content through
``self.content``. When the language changes, Qt sends each screen a
``LanguageChange`` event and the screen shows every text again, in place:
what an attendee typed, the page scrolled to, stay.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content import Content
from kiosk.service import KioskService
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button, set_button_text
from ui.widgets.header import ScreenHeader
from ui.widgets.language_bar import LanguageBar
from ui.widgets.scroll import TouchScrollArea
from ui.widgets.text import LiveTexts, text_label


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
    language_chosen = Signal(str)
    """The attendee tapped a language (its code); the main window switches every screen."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.texts = LiveTexts()
        self.language_bar: LanguageBar | None = None
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
        self.show_languages()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_leave(self) -> None:
        """Called by the router just before another screen is shown; clear anything personal."""

    @property
    def content(self) -> Content:
        """What the attendee reads, in their language."""
        return self.service.content

    def live_label(
        self, text: Callable[[], str], role: str = "body", parent: QWidget | None = None
    ) -> QLabel:
        """A label styled as ``role`` showing ``text()``, read again at each language change."""
        label = text_label("", role, parent)
        self.texts.bind(label.setText, text)
        return label

    def live_button(self, text: Callable[[], str], kind: str, **options: Any) -> QPushButton:
        """A ``kiosk_button`` of ``kind`` showing ``text()``, read again at each language change."""
        button = kiosk_button("", kind, **options)
        self.texts.bind(lambda shown: set_button_text(button, shown), text)
        return button

    def retranslate(self) -> None:
        """Show every text again in the attendee's language (after a language change)."""
        self.texts.refresh()
        self.show_languages()

    def add_language_bar(
        self, layout: QVBoxLayout, margins: metrics.Margins = metrics.NO_MARGINS
    ) -> LanguageBar:
        """Put a button per offered language on a row of its own, on the trailing side.

        Trailing is the right, or the left in a right-to-left language; the row
        is added to ``layout`` inside ``margins``.
        """
        bar = LanguageBar(self)
        bar.chosen.connect(self.language_chosen)
        row = QHBoxLayout()
        row.setContentsMargins(*margins)
        row.addStretch(1)
        row.addWidget(bar)
        layout.addLayout(row)
        self.language_bar = bar
        self.show_languages()
        return bar

    def show_languages(self) -> None:
        """Offer the languages the kiosk offers now (staff may change them), the current checked."""
        if self.language_bar is not None:
            self.language_bar.set_languages(self.service.languages, self.service.language)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


class ReadingScreen(Screen):
    """A screen of reading: a header (Back, title, Sign up) over a touch-scrolled body.

    ``title`` reads the screen's title in the attendee's language (a subclass's
    ``lambda: self.tr(...)``).
    """

    def __init__(
        self, service: KioskService, title: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(service, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*metrics.NO_MARGINS)
        layout.setSpacing(metrics.NO_SPACING)
        self.header = ScreenHeader(with_join=True, parent=self)
        self.texts.bind(self.header.set_title, title)
        self.texts.bind(self.header.set_join_label, lambda: self.tr("Sign up"))
        self.header.back_clicked.connect(lambda: self.navigate.emit(Route.BACK))
        self.header.join_clicked.connect(lambda: self.navigate.emit(Route.JOIN))
        layout.addWidget(self.header)

        self.scroll_area = TouchScrollArea(self)
        layout.addWidget(self.scroll_area, 1)
        self.body = self.scroll_area.body_layout
        self.body.setContentsMargins(*metrics.READING_MARGINS)


def nth(items: Callable[[], Sequence[str]], index: int) -> Callable[[], str]:
    """Read the ``index``-th of ``items()`` when called: a paragraph of the content, say."""
    return lambda: items()[index]


def centered_column(
    parent_layout: QVBoxLayout,
    max_width: int = metrics.READING_WIDTH,
    *,
    spacing: int = metrics.READING_SPACING,
) -> QVBoxLayout:
    """Add a centred column at most ``max_width`` px wide to ``parent_layout``; return it."""
    row = QHBoxLayout()
    row.setContentsMargins(*metrics.NO_MARGINS)
    holder = QWidget()
    holder.setMaximumWidth(max_width)
    column = QVBoxLayout(holder)
    column.setContentsMargins(*metrics.NO_MARGINS)
    column.setSpacing(spacing)
    row.addStretch(0)
    row.addWidget(holder, 1)
    row.addStretch(0)
    parent_layout.addLayout(row)
    return column
