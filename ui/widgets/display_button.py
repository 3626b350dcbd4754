"""The "Aa Display" button every attendee screen has in its top corner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QPushButton, QWidget

from ui.widgets import metrics, palette
from ui.widgets.buttons import kiosk_button, set_button_text
from ui.widgets.icons import glyph_icon


def display_button(parent: QWidget, *, on_dark: bool = False) -> QPushButton:
    """Return the button that opens the text size and contrast choices.

    It reads "Aa Display": the "Aa" is an icon, so screen readers say its
    name, "Display", which is the word on it (WCAG 2.5.3, label in name).
    ``on_dark``: it sits on the attract screen's dark ground, and its "Aa"
    takes that screen's button colour.
    """
    button = kiosk_button("", "secondary", name="displayButton", parent=parent)
    translate_display_button(button)
    colours = palette.current()
    ink = colours.attract_button_ink if on_dark else colours.primary
    button.setIcon(glyph_icon("Aa", ink, metrics.DISPLAY_ICON_SIZE))
    button.setIconSize(QSize(*metrics.DISPLAY_ICON_SIZE))
    return button


def translate_display_button(button: QPushButton) -> None:
    """Put the button's words in the attendee's language (when made, and at a language change)."""
    set_button_text(button, QCoreApplication.translate("DisplayButton", "Display"))
    button.setAccessibleDescription(
        QCoreApplication.translate("DisplayButton", "Text size and contrast")
    )
