"""The Display choices: text size and contrast, for the attendee at the screen now.

A card over the whole window, like the "Still there?" warning, opened by the
"Aa Display" button of any attendee screen. Each choice applies at once (the
main window lays the screens out again and opens a new panel in the new
size, focus on the same choice), and lasts until the attendee leaves. While
it is open, Tab moves among its own controls only, and Done or Esc closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.display import TEXT_SIZES, Display, Theme
from ui.widgets import metrics
from ui.widgets.announce import announce
from ui.widgets.buttons import kiosk_button, set_button_text
from ui.widgets.choice_row import ChoiceRow
from ui.widgets.layouts import vbox
from ui.widgets.scroll import TouchScrollArea
from ui.widgets.shade import Shade
from ui.widgets.text import LiveTexts, text_label

CONTRAST = "contrast"


def size_key(text_size: int) -> str:
    """The name ``focus_key`` gives the choice of ``text_size``."""
    return f"size-{text_size}"


class DisplayPanel(Shade):
    """Covers its parent; the attendee picks a text size and whether to use high contrast."""

    chosen = Signal(object, str)
    """The attendee picked a new ``Display``, with the control they picked it with (a key)."""
    closed = Signal()

    def __init__(self, parent: QWidget, display: Display) -> None:
        super().__init__(parent)
        self.setObjectName("displayPanel")
        self._display = display
        # Its words, in the attendee's language, worded again at a language change.
        self.texts = LiveTexts()
        # The card, centred; with larger text it may be taller than the window, and scrolls.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*metrics.even_margins(metrics.CENTRED_MARGIN_TIGHT))
        self.scroll_area = TouchScrollArea(self)
        outer.addWidget(self.scroll_area)
        body = self.scroll_area.body_layout
        body.setContentsMargins(*metrics.NO_MARGINS)
        self.card = QFrame(self.scroll_area.body)
        self.card.setObjectName("displayCard")
        self.card.setMaximumWidth(metrics.DISPLAY_CARD_WIDTH)
        across = QHBoxLayout()
        across.addStretch(0)
        across.addWidget(self.card, 1)
        across.addStretch(0)
        body.addStretch(1)
        body.addLayout(across)
        body.addStretch(1)
        layout = vbox(
            self.card, margins=metrics.DISPLAY_CARD_MARGINS, spacing=metrics.DISPLAY_SPACING
        )
        # Done beside the title, where it is seen without scrolling at any text size.
        title_row = QHBoxLayout()
        title_row.setSpacing(metrics.DISPLAY_COLUMN_SPACING)
        self.title_label = self._label(lambda: self.tr("Display"), "h1")
        title_row.addWidget(self.title_label, 1)
        self.done_button = kiosk_button("", "primary", name="displayDone")
        self.texts.bind(
            lambda text: set_button_text(self.done_button, text), lambda: self.tr("Done")
        )
        self.done_button.clicked.connect(self.close_panel)
        title_row.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(title_row)
        note = self._label(
            lambda: self.tr(
                "Larger text and high contrast are for you: the next person starts with the "
                "kiosk's usual display."
            ),
            "body",
        )
        layout.addWidget(note)
        columns = QHBoxLayout()
        columns.setSpacing(metrics.DISPLAY_COLUMN_SPACING)
        columns.addLayout(self._size_column(), 1)
        columns.addLayout(self._contrast_column(), 1)
        layout.addLayout(columns)
        self._set_tab_order()

    def _size_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(metrics.DISPLAY_SPACING)
        column.addWidget(self._label(lambda: self.tr("Text size"), "h2"))
        self.size_group = QButtonGroup(self)
        self.size_rows: dict[int, ChoiceRow] = {}
        for size in TEXT_SIZES:
            row = ChoiceRow("", radio=True, parent=self.card)
            self.texts.bind(row.set_text, partial(self._size_name, size))
            row.setChecked(size == self._display.text_size)
            self.size_group.addButton(row.button)
            row.button.toggled.connect(lambda on, chosen=size: self._choose_size(chosen, on))
            self.size_rows[size] = row
            column.addWidget(row)
        column.addStretch(1)
        return column

    def _contrast_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(metrics.DISPLAY_SPACING)
        column.addWidget(self._label(lambda: self.tr("Contrast"), "h2"))
        self.contrast_row = ChoiceRow("", parent=self.card)
        self.texts.bind(self.contrast_row.set_text, lambda: self.tr("High contrast"))
        self.contrast_row.setChecked(self._display.is_high_contrast)
        self.contrast_row.button.toggled.connect(self._choose_contrast)
        column.addWidget(self.contrast_row)
        column.addWidget(self._label(lambda: self.tr("Light text on black."), "muted"))
        column.addStretch(1)
        return column

    def _size_name(self, text_size: int) -> str:
        return self.tr("%1 %").replace("%1", str(text_size))

    def _label(self, text: Callable[[], str], role: str) -> QLabel:
        """A label on the card styled as ``role``, showing ``text()`` in the attendee's language."""
        label = text_label("", role, self.card)
        self.texts.bind(label.setText, text)
        return label

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.refresh()

    def _set_tab_order(self) -> None:
        order: list[QWidget] = [
            self.done_button,
            *(row.button for row in self.size_rows.values()),
            self.contrast_row.button,
        ]
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)

    # Choosing --------------------------------------------------------------------------

    def _choose_size(self, text_size: int, on: bool) -> None:
        if on and text_size != self._display.text_size:
            self._display = Display(text_size, self._display.theme)
            self.chosen.emit(self._display, size_key(text_size))

    def _choose_contrast(self, on: bool) -> None:
        theme = Theme.HIGH_CONTRAST if on else Theme.STANDARD
        if theme is not self._display.theme:
            self._display = Display(self._display.text_size, theme)
            self.chosen.emit(self._display, CONTRAST)

    # Showing ---------------------------------------------------------------------------

    def open(self, focus: str | None = None) -> None:
        """Show the panel over the whole parent, focus on the choice named ``focus``.

        ``focus`` names the same choice in the panel this one replaces (``size_key``,
        ``CONTRAST``); by default the text size chosen now.
        """
        self.cover_parent()
        self.show()
        self.raise_()
        target = self._control(focus) or self.size_rows[self._display.text_size].button
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if focus is None:
            announce(self.card, self.title_label.text())

    def close_panel(self) -> None:
        """Hide the panel and say so."""
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def _control(self, key: str | None) -> QWidget | None:
        if key == CONTRAST:
            return self.contrast_row.button
        for size, row in self.size_rows.items():
            if key == size_key(size):
                return row.button
        return None

    # Covering the window ---------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.close_panel()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A tap beside the card does nothing: the screen under it is out of reach.
        event.accept()
