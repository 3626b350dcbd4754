"""The Settings page's "Personal data" card: when confirmed and unconfirmed sign-ups are erased.

Two day steppers: how long sign-ups the office confirmed keep their names,
email, phone and postal code (default: erased at once), and, off by default
with a plain warning beside it, after how many days exports that never got a
receipt are erased anyway. The rules are the service's (``kiosk.erasure``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.errors import KioskError
from kiosk.service import KioskService
from kiosk.settings import ERASE_UNCONFIRMED_LIMITS, KEEP_CONFIRMED_LIMITS
from ui.screens.staff.controls import StepperSpinBox, add_stepper, finish_card, show_message
from ui.screens.staff.page import CardPage
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.text import text_label

KEEP_STEPS = (0, 1, 7, 14, 30, 60, 90, 180, 365)
"""The days − and + walk through for confirmed sign-ups (any day can be typed)."""
UNCONFIRMED_STEPS = (0, 30, 60, 90, 180, 365)
"""The same for exports with no receipt; 0 means never."""


class DaySpinBox(StepperSpinBox):
    """A number of days whose − and + jump between sensible steps; 0 shows a word."""

    def __init__(self, steps: Sequence[int], zero_text: str, parent: QWidget | None = None) -> None:
        super().__init__(metrics.DAY_SPIN_WIDTH, parent)
        self._steps = tuple(steps)
        self.setSpecialValueText(zero_text)
        self.setSuffix(self.tr(" days"))

    def stepBy(self, steps: int) -> None:
        """Move to the next (or previous) step instead of one day."""
        value = self.value()
        if steps > 0:
            following = [s for s in self._steps if s > value]
            target = following[0] if following else self.maximum()
        else:
            before = [s for s in self._steps if s < value]
            target = before[-1] if before else self.minimum()
        self.setValue(target)


class ErasureCard(CardPage):
    """Keep confirmed sign-ups for N days; erase exports with no receipt after M days (or never)."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, "StaffErasure", parent, title=self.tr("Personal data"))
        card, layout = self.card, self.column
        layout.setSpacing(metrics.STAFF_CARD_SPACING_TIGHT)
        # Short headings: this card shares the page with two others at 1280 x 800.
        self.keep_days = DaySpinBox(KEEP_STEPS, self.tr("at once"), card)
        self.keep_days.setObjectName("KeepConfirmedField")
        self.keep_days.setRange(KEEP_CONFIRMED_LIMITS.minimum, KEEP_CONFIRMED_LIMITS.maximum)
        self._add_day_stepper(
            layout,
            self.keep_days,
            "KeepConfirmed",
            self.tr("Erase after the office\u2019s receipt"),
            self.tr("Erase names, emails and phones this long after the office's receipt"),
        )
        self.unconfirmed_days = DaySpinBox(UNCONFIRMED_STEPS, self.tr("never"), card)
        self.unconfirmed_days.setObjectName("EraseUnconfirmedField")
        self.unconfirmed_days.setRange(0, ERASE_UNCONFIRMED_LIMITS.maximum)  # 0: never
        self._add_day_stepper(
            layout,
            self.unconfirmed_days,
            "EraseUnconfirmed",
            self.tr("Erase with no receipt after"),
            self.tr("Erase exported sign-ups that got no receipt this long after the export"),
        )
        warning = text_label(
            self.tr("Careful: this erases sign-ups even if the office never got them."),
            "body",
            squeezable=True,
        )
        warning.setObjectName("EraseUnconfirmedWarning")
        warning.setProperty("tone", "error")
        layout.addWidget(warning)

        save = kiosk_button(
            self.tr("Save"),
            name="SaveErasureButton",
            description=self.tr("Save when personal data is erased"),
            clicked=self.save,
        )
        self._message = finish_card(layout, "ErasureMessage", save)

    def _add_day_stepper(
        self, layout: QVBoxLayout, spin: DaySpinBox, name: str, heading: str, accessible: str
    ) -> None:
        """A heading, then − [days] + (the buttons walk the spin box's steps)."""
        spin.setAccessibleName(accessible)
        label = text_label(heading, "h3", squeezable=True)
        label.setBuddy(spin)
        layout.addWidget(label)
        add_stepper(
            layout,
            spin,
            name,
            self.tr("Sooner: {0}").format(heading),
            self.tr("Later: {0}").format(heading),
        )

    def show_settings(self, keep_days: int, unconfirmed_days: int | None) -> None:
        """Show the settings the kiosk uses now."""
        self.keep_days.setValue(keep_days)
        self.unconfirmed_days.setValue(unconfirmed_days or 0)

    def clear_inputs(self) -> None:
        """Forget the last message."""
        show_message(self._message, "")

    def save(self) -> None:
        """Store both settings; erase at once what they make due; say what was saved."""
        for spin in (self.keep_days, self.unconfirmed_days):
            spin.interpretText()
        keep = self.keep_days.value()
        unconfirmed = self.unconfirmed_days.value() or None
        if unconfirmed is not None and unconfirmed < ERASE_UNCONFIRMED_LIMITS.minimum:
            show_message(
                self._message,
                self.tr(
                    "Exports with no receipt can be erased after {0} days at the soonest."
                ).format(ERASE_UNCONFIRMED_LIMITS.minimum),
                "error",
            )
            return
        try:
            self._service.set_keep_confirmed_days(keep)
            self._service.set_erase_unconfirmed_after_days(unconfirmed)
        except KioskError as error:
            show_message(self._message, str(error), "error")
            return
        if keep == 0:
            text = self.tr("Saved: confirmed sign-ups are erased once the receipt is applied.")
        else:
            text = self.tr("Saved: confirmed sign-ups are erased {0} days after the receipt.")
            text = text.format(keep)
        if unconfirmed is not None:
            text += " " + self.tr("Exports with no receipt are erased after {0} days.").format(
                unconfirmed
            )
        show_message(self._message, text, "success")
