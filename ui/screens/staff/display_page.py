"""The staff panel's "Display" page: the text size and theme every attendee starts with.

Each attendee can still choose another for themselves ("Aa Display" on every
attendee screen); this is where they start, and what the kiosk goes back to
when they leave. A choice is kept at once (``KioskService.set_default_display``).
The staff screens themselves always show the standard display at 100 %.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kiosk.display import TEXT_SIZES, Display, Theme
from kiosk.errors import KioskError
from kiosk.service import KioskService
from ui.screens.staff.controls import finish_card, show_message
from ui.screens.staff.page import CardPage, Place
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.text import text_label


class DisplayPage(CardPage):
    """Three text sizes (one pressed) and high contrast (pressed or not): the kiosk's default."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(
            service,
            "StaffDisplayPage",
            parent,
            Place.NARROW_LEADING,
            title=self.tr("Attendee display"),
            intro=self.tr(
                "Every attendee starts with this text size and contrast. Each can choose "
                "another for themselves with Aa Display; the kiosk comes back to this one "
                "when they leave."
            ),
        )
        card, layout = self.card, self.column
        layout.addWidget(text_label(self.tr("Text size"), "h3", squeezable=True))
        sizes = QHBoxLayout()
        sizes.setSpacing(metrics.STAFF_BUTTON_SPACING)
        self._size_group = QButtonGroup(self)
        self.size_buttons: dict[int, QPushButton] = {}
        for size in TEXT_SIZES:
            words = self.tr("%1 %").replace("%1", str(size))
            button = self._toggle(words, f"DefaultTextSize{size}", card)
            button.setAccessibleName(self.tr("Text size %1 %").replace("%1", str(size)))
            self._size_group.addButton(button)
            self.size_buttons[size] = button
            sizes.addWidget(button)
        sizes.addStretch(1)
        layout.addLayout(sizes)
        layout.addWidget(text_label(self.tr("Contrast"), "h3", squeezable=True))
        self.high_contrast = self._toggle(self.tr("High contrast"), "DefaultHighContrast", card)
        layout.addWidget(self.high_contrast, 0, Qt.AlignmentFlag.AlignLeading)
        self._message = finish_card(layout, "DisplayDefaultMessage")
        # A size is saved when it is pressed, not again when the one before pops up.
        self._size_group.buttonToggled.connect(lambda _button, on: self._save() if on else None)
        self.high_contrast.toggled.connect(lambda _on: self._save())

    def _toggle(self, text: str, name: str, card: QWidget) -> QPushButton:
        button = kiosk_button(text, "secondary", name=name, parent=card)
        button.setCheckable(True)
        button.setProperty("compact", True)
        return button

    def show_display(self, display: Display) -> None:
        """Show the kiosk's default display, without saving it again."""
        quiet = (self._size_group, self.high_contrast)
        for sender in quiet:
            sender.blockSignals(True)
        self.size_buttons[display.text_size].setChecked(True)
        self.high_contrast.setChecked(display.is_high_contrast)
        for sender in quiet:
            sender.blockSignals(False)

    def clear_inputs(self) -> None:
        """Forget the last message."""
        show_message(self._message, "")

    def _chosen(self) -> Display:
        size = next(s for s, button in self.size_buttons.items() if button.isChecked())
        theme = Theme.HIGH_CONTRAST if self.high_contrast.isChecked() else Theme.STANDARD
        return Display(size, theme)

    def _save(self) -> None:
        display = self._chosen()
        try:
            self._service.set_default_display(display)
        except KioskError as error:
            show_message(self._message, str(error), "error")
            return
        if display.is_high_contrast:
            text = self.tr("Saved: attendees start with %1 % text in high contrast.")
        else:
            text = self.tr("Saved: attendees start with %1 % text.")
        show_message(self._message, text.replace("%1", str(display.text_size)), "success")
