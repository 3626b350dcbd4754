"""What every kiosk screen shares: the service, a ``navigate`` signal, enter/leave hooks.

Screens never switch themselves: they emit ``navigate(route)`` with a
``Route`` and the main window's router decides; a language button emits
``language_chosen(code)``. Every text a screen shows is bound with
``self.texts.bind`` to a function that reads it, in the attendee's language:
the screen's own words through ``tr()``, the content through
``self.content``. When the language changes, Qt sends each screen a
``LanguageChange`` event and the screen shows every text again, in place:
what an attendee typed, the page scrolled to, stay.

An attendee screen also has the "Aa Display" button in its top corner; it
emits ``display_requested``, and the main window opens the text size and
contrast choices (and builds the screens again in the chosen display).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content import Content
from kiosk.service import KioskService
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button, set_button_text
from ui.widgets.display_button import display_button, translate_display_button
from ui.widgets.header import ScreenHeader
from ui.widgets.language_bar import LanguageBar
from ui.widgets.layouts import hbox, vbox
from ui.widgets.scroll import TouchScrollArea
from ui.widgets.styled import StyledWidget
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


class Screen(StyledWidget):
    """Base class of the attendee screens."""

    navigate = Signal(str)
    language_chosen = Signal(str)
    """The attendee tapped a language (its code); the main window switches every screen."""
    display_requested = Signal()
    """The attendee pressed "Aa Display"."""
    display_button: QPushButton
    """"Aa Display", in the screen's top corner or its header (each screen places it)."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.service = service
        self.texts = LiveTexts()
        self.language_bar: LanguageBar | None = None
        self.setProperty("screen", True)
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
        if hasattr(self, "display_button"):
            translate_display_button(self.display_button)

    def _add_top_controls(
        self, layout: QBoxLayout, *, on_dark: bool = False, languages: bool = False
    ) -> None:
        """Put the top corner's row at the top of ``layout``, on the trailing side.

        ``top_controls`` is that row: with ``languages``, a button per offered
        language (``language_bar``), then "Aa Display". Trailing is the right,
        or the left in a right-to-left language; the other corner stays clear:
        it is the staff's hidden gesture.
        """
        self.top_controls = hbox(
            margins=metrics.TOP_CONTROLS_MARGINS, spacing=metrics.TOP_CONTROLS_SPACING
        )
        self.top_controls.addStretch(1)
        # Made in reading order, which Tab follows: the languages, then Display.
        if languages:
            self.language_bar = LanguageBar(self.service.content_languages, self)
            self.language_bar.chosen.connect(self.language_chosen)
            self.top_controls.addWidget(self.language_bar)
        self.display_button = display_button(self, on_dark=on_dark)
        self.display_button.clicked.connect(self.display_requested)
        self.top_controls.addWidget(self.display_button)
        layout.insertLayout(0, self.top_controls)
        self.show_languages()

    def show_languages(self) -> None:
        """Offer the languages the kiosk offers now (staff may change them), the current checked."""
        if self.language_bar is None:
            return
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
        layout = vbox(self, spacing=metrics.NO_SPACING)
        self.header = ScreenHeader(with_join=True, parent=self)
        self.texts.bind(self.header.set_title, title)
        self.texts.bind(self.header.set_join_label, lambda: self.tr("Sign up"))
        self.header.back_clicked.connect(lambda: self.navigate.emit(Route.BACK))
        self.header.join_clicked.connect(lambda: self.navigate.emit(Route.JOIN))
        self.header.display_button.clicked.connect(self.display_requested)
        self.display_button = self.header.display_button
        self.texts.bind(self.setAccessibleName, title)
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
    max_width: int | None = None,
    *,
    spacing: int | None = None,
) -> QVBoxLayout:
    """Add a centred column at most ``max_width`` px wide to ``parent_layout``; return it.

    A reading column (``metrics.READING_WIDTH``, ``metrics.READING_SPACING``) unless given.
    """
    row = hbox()
    holder = QWidget()
    holder.setMaximumWidth(metrics.READING_WIDTH if max_width is None else max_width)
    column = vbox(holder)
    column.setSpacing(metrics.READING_SPACING if spacing is None else spacing)
    row.addStretch(0)
    row.addWidget(holder, 1)
    row.addStretch(0)
    parent_layout.addLayout(row)
    return column
