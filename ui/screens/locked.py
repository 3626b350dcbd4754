"""The locked screen: the PIN record is damaged, or missing on a kiosk that holds sign-ups.

Offering a new PIN here would hand the staff panel (and the sign-ups) to
whoever stands at the booth, so the screen only tells attendees to ask a
volunteer, and volunteers the command that sets a PIN from a terminal. "Check
again" re-reads the record once they have.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.first_start import pin_set_command
from kiosk.service import KioskService
from ui.screens.base import Screen
from ui.screens.staff.controls import make_card, make_message, show_message
from ui.screens.staff.prompt_card import centred
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.text import text_label


class LockedScreen(Screen):
    """Says the kiosk is closed, and how a volunteer sets a PIN from a terminal."""

    recheck_requested = Signal()
    """A volunteer tapped "Check again": re-read the PIN record."""

    def __init__(
        self, service: KioskService, parent: QWidget | None = None, *, command: str | None = None
    ) -> None:
        """``command`` defaults to the one that sets the PIN of ``service``'s data folder."""
        super().__init__(service, parent)
        self.setObjectName("LockedScreen")
        # In English in every language for now, so laid out left to right in every one.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        card, column = make_card(self)
        # A fixed width: centred word-wrapped text otherwise shrinks the card to a column.
        card.setFixedWidth(metrics.LOCKED_CARD_WIDTH)
        column.setSpacing(metrics.LOCKED_SPACING)
        column.addWidget(text_label(self.tr("Kiosk locked"), "eyebrow", squeezable=True))
        heading = text_label(self.tr("This kiosk is not open right now"), "h1", squeezable=True)
        heading.setObjectName("LockedHeading")
        column.addWidget(heading)
        column.addWidget(
            text_label(self.tr("Please ask a volunteer at the booth."), "lead", squeezable=True)
        )
        column.addSpacing(metrics.SECTION_GAP_SMALL)
        column.addWidget(text_label(self.tr("For volunteers"), "h3", squeezable=True))
        column.addWidget(
            text_label(
                self.tr(
                    "The staff PIN record on this computer is damaged, or missing on a kiosk "
                    "that holds sign-ups, so a new PIN cannot be chosen on this screen. Open a "
                    "terminal on this computer and run:"
                ),
                "body",
                squeezable=True,
            )
        )
        command = command or pin_set_command(service.config.data_dir)
        self.command = text_label(command, "code", squeezable=True)
        self.command.setObjectName("LockedCommand")
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.command.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.command.setAccessibleName(self.tr("Command: {0}").format(command))
        column.addWidget(self.command)
        column.addWidget(
            text_label(
                self.tr("Then tap Check again, or restart the kiosk."), "body", squeezable=True
            )
        )
        self.check_again = kiosk_button(
            self.tr("Check again"), "secondary", name="LockedCheckButton"
        )
        self.check_again.clicked.connect(self.recheck_requested)
        column.addWidget(self.check_again, 0, Qt.AlignmentFlag.AlignLeading)
        self._message = make_message("LockedMessage", card)
        column.addWidget(self._message)
        layout: QVBoxLayout = centred(card, self)
        layout.setContentsMargins(*metrics.LOCKED_MARGINS)

    def on_leave(self) -> None:
        """Drop the last answer to Check again."""
        show_message(self._message, "")

    def say_still_locked(self) -> None:
        """Answer a Check again that found no usable PIN yet."""
        show_message(
            self._message,
            self.tr("Still locked: there is no usable staff PIN yet."),
            "error",
        )

    def message(self) -> str:
        """Return the answer line's text ("" when there is none)."""
        return self._message.text()
