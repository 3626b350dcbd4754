"""The staff panel's "Settings" page: the staff PIN, the idle timeout, and when data is erased."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.errors import KioskError
from kiosk.pin import check_new_pin
from kiosk.service import KioskService
from kiosk.settings import IDLE_TIMEOUT_LIMITS
from ui.screens.staff.controls import (
    StepperSpinBox,
    add_labelled,
    add_stepper,
    finish_card,
    make_card,
    make_pin_field,
    show_message,
)
from ui.screens.staff.erasure_card import ErasureCard
from ui.screens.staff.page import StaffPart
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.layouts import hbox

IDLE_STEP_S = 15
"""How many seconds the − and + buttons take off or add to the idle timeout."""


class SettingsPage(StaffPart):
    """Two cards: the current PIN and a new one (twice), and the idle timeout stepper."""

    idle_timeout_changed = Signal(int)
    """A volunteer saved a new attendee idle timeout (seconds)."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, "StaffSettingsPage", parent)
        row = hbox(self, spacing=metrics.STAFF_PAGE_SPACING)

        pin_card, pin = make_card(self, self.tr("Change the staff PIN"))
        self._current_pin = make_pin_field("CurrentPinField", self.tr("Current PIN"), pin_card)
        self._new_pin = make_pin_field("NewPinField", self.tr("New PIN"), pin_card)
        self._confirm_pin = make_pin_field("ConfirmPinField", self.tr("New PIN again"), pin_card)
        add_labelled(self.tr("Current PIN"), self._current_pin, pin)
        add_labelled(self.tr("New PIN (4 to 8 digits)"), self._new_pin, pin)
        add_labelled(self.tr("New PIN again"), self._confirm_pin, pin)
        self._change_pin = kiosk_button(self.tr("Change PIN"), "primary", name="ChangePinButton")
        self._change_pin.clicked.connect(self._on_change_pin)
        self._confirm_pin.returnPressed.connect(self._on_change_pin)
        self._pin_message = finish_card(pin, "PinChangeMessage", self._change_pin)

        idle_card, idle = make_card(
            self,
            self.tr("Idle timeout"),
            self.tr(
                "After this many seconds without a touch, the kiosk asks whether someone "
                "is still there, then clears the form and returns to the welcome screen."
            ),
        )
        self._idle_spin = StepperSpinBox(metrics.IDLE_SPIN_WIDTH, idle_card)
        self._idle_spin.setObjectName("IdleTimeoutField")
        self._idle_spin.setAccessibleName(self.tr("Idle timeout in seconds"))
        self._idle_spin.setRange(IDLE_TIMEOUT_LIMITS.minimum, IDLE_TIMEOUT_LIMITS.maximum)
        self._idle_spin.setSuffix(self.tr(" s"))
        self._idle_minus, self._idle_plus = add_stepper(
            idle,
            self._idle_spin,
            "Idle",
            self.tr("{0} seconds shorter").format(IDLE_STEP_S),
            self.tr("{0} seconds longer").format(IDLE_STEP_S),
            step=IDLE_STEP_S,
        )
        # Qt quietly puts back the last good value when an out-of-range one loses focus;
        # remember that the volunteer typed one, so Save can say why it was not taken.
        self._idle_typed_bad = False
        self._idle_spin.lineEdit().textEdited.connect(self._on_idle_edited)
        for button in (self._idle_minus, self._idle_plus):
            button.clicked.connect(self._forget_typed_idle)
        self._save_idle = kiosk_button(self.tr("Save timeout"), "primary", name="SaveIdleButton")
        self._save_idle.clicked.connect(self._on_save_idle)
        self._idle_message = finish_card(idle, "IdleMessage", self._save_idle)

        self._erasure = ErasureCard(service, self)
        row.addWidget(pin_card, 1)
        row.addWidget(idle_card, 1)
        row.addWidget(self._erasure, 1)
        for first, second in (
            (self._current_pin, self._new_pin),
            (self._new_pin, self._confirm_pin),
            (self._confirm_pin, self._change_pin),
            (self._change_pin, self._idle_minus),
            (self._idle_minus, self._idle_spin),
            (self._idle_spin, self._idle_plus),
            (self._idle_plus, self._save_idle),
            (self._save_idle, self._erasure),
        ):
            self.setTabOrder(first, second)

    def show_idle_timeout(self, seconds: int) -> None:
        """Show the idle timeout the kiosk uses now."""
        self._idle_spin.setValue(seconds)

    def show_erasure(self, keep_days: int, unconfirmed_days: int | None) -> None:
        """Show when confirmed and unconfirmed sign-ups lose their personal data."""
        self._erasure.show_settings(keep_days, unconfirmed_days)

    def clear_inputs(self) -> None:
        """Forget every typed PIN and every message."""
        for field in (self._current_pin, self._new_pin, self._confirm_pin):
            field.clear()
        for label in (self._pin_message, self._idle_message):
            show_message(label, "")
        self._erasure.clear_inputs()

    # Change the PIN ---

    def _on_change_pin(self) -> None:
        current, new, again = (
            self._current_pin.text(),
            self._new_pin.text(),
            self._confirm_pin.text(),
        )
        if not current or not new:
            show_message(
                self._pin_message, self.tr("Fill in the current PIN and the new PIN."), "error"
            )
            return
        if new != again:
            show_message(self._pin_message, self.tr("The two new PINs are different."), "error")
            self._confirm_pin.clear()
            self._confirm_pin.setFocus()
            return
        try:
            check_new_pin(new)
            result = self._service.check_pin(current)
            if not result.ok:
                text = self.tr("The current PIN is wrong.")
                if result.retry_after_s > 0:
                    text += " " + self.tr("Try again in {0} s.").format(
                        math.ceil(result.retry_after_s)
                    )
                show_message(self._pin_message, text, "error")
                self._current_pin.clear()
                self._current_pin.setFocus()
                return
            self._service.set_pin(new)
        except KioskError as error:
            show_message(self._pin_message, str(error), "error")
            return
        finally:
            self._current_pin.clear()
        self._new_pin.clear()
        self._confirm_pin.clear()
        show_message(self._pin_message, self.tr("The staff PIN is changed."), "success")

    # The idle timeout ---

    def _forget_typed_idle(self) -> None:
        self._idle_typed_bad = False  # a step replaces what was typed

    def _on_idle_edited(self, _text: str) -> None:
        self._idle_typed_bad = not self._idle_spin.hasAcceptableInput()

    def _on_save_idle(self) -> None:
        if self._idle_typed_bad or not self._idle_spin.hasAcceptableInput():
            self._idle_typed_bad = False
            text = self.tr("Enter a number of seconds from {0} to {1}.").format(
                IDLE_TIMEOUT_LIMITS.minimum, IDLE_TIMEOUT_LIMITS.maximum
            )
            show_message(self._idle_message, text, "error")
            return
        self._idle_spin.interpretText()
        seconds = self._idle_spin.value()
        try:
            self._service.set_idle_timeout(seconds)
        except KioskError as error:
            show_message(self._idle_message, str(error), "error")
            return
        text = self.tr("Saved: the kiosk resets after {0} s without a touch.").format(seconds)
        show_message(self._idle_message, text, "success")
        self.idle_timeout_changed.emit(seconds)
