"""The staff panel's PIN stage: choose the first PIN (twice), or enter it, with the lockout.

The first start has no PIN (there is no factory default), so the stage asks for
one twice; later it checks the PIN through the service, which counts wrong tries
and answers with a growing delay that the stage counts down on the service clock.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.errors import KioskError
from kiosk.pin import PinRejected, check_new_pin
from kiosk.service import KioskService
from ui.screens.staff.controls import make_button, make_label
from ui.widgets.pin_pad import PinPad

LOCKOUT_TICK_MS = 250
"""How often the lockout countdown re-reads the service clock."""


class PinStage(QWidget):
    """Choose the first PIN (twice), or enter it; shows the lockout countdown."""

    unlocked = Signal()
    cancelled = Signal()

    ENTER, CHOOSE, CONFIRM = "enter", "choose", "confirm"

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffPinStage")
        self._service = service
        self._mode = self.ENTER
        self._first_choice: str | None = None  # the new PIN between "choose" and "confirm"
        self._retry_at: float | None = None  # service-clock time the lockout ends

        card = QFrame(self)
        card.setObjectName("StaffPinCard")
        card.setMaximumWidth(1100)
        row = QHBoxLayout(card)
        row.setContentsMargins(48, 40, 48, 40)
        row.setSpacing(56)

        words = QVBoxLayout()
        words.setSpacing(16)
        self._eyebrow = make_label(self.tr("Staff only"), "eyebrow")
        self._heading = make_label("", "h1")
        self._heading.setObjectName("StaffPinHeading")
        self._lead = make_label("", "lead")
        self._lead.setObjectName("StaffPinLead")
        self._countdown = make_label("", "body")
        self._countdown.setObjectName("PinCountdown")
        self._countdown.setProperty("tone", "error")
        self._cancel = make_button(self.tr("Cancel"), "secondary", "StaffCancelButton")
        self._cancel.setAccessibleName(self.tr("Cancel and leave the staff panel"))
        self._cancel.clicked.connect(self.cancelled)
        for widget in (self._eyebrow, self._heading, self._lead, self._countdown):
            words.addWidget(widget)
        words.addStretch(1)
        words.addWidget(self._cancel, 0, Qt.AlignmentFlag.AlignLeading)

        self.pad = PinPad(card)
        self.pad.submitted.connect(self._on_submitted)
        row.addLayout(words, 1)
        row.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignVCenter)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.setTabOrder(self.pad, self._cancel)

        self._tick = QTimer(self)
        self._tick.setInterval(LOCKOUT_TICK_MS)
        self._tick.timeout.connect(self._update_lockout)
        self.reset()

    def mode(self) -> str:
        """Return "enter", "choose" or "confirm"."""
        return self._mode

    def is_locked_out(self) -> bool:
        """Return whether a lockout delay is running."""
        return self._retry_at is not None

    def countdown_text(self) -> str:
        """Return the lockout line ("Try again in 30 s"), or ""."""
        return self._countdown.text()

    def reset(self) -> None:
        """Forget anything typed; ask to choose a PIN if none exists yet, else to enter it."""
        self._first_choice = None
        self.pad.clear()
        self._set_mode(self.ENTER if self._has_pin() else self.CHOOSE)
        self.pad.set_message("", error=False)
        if self._mode == self.ENTER:
            # A lockout outlives the screen (and restarts): show it before anyone types.
            self._retry_at = self._lockout_end()
        self._update_lockout()

    def focus_pad(self) -> None:
        """Give the pad keyboard focus so a USB keyboard can type the PIN."""
        self.pad.setFocus(Qt.FocusReason.OtherFocusReason)

    def _lockout_end(self) -> float | None:
        try:
            wait = self._service.pin_retry_after_s()
        except KioskError:
            return None
        return self._service.clock().timestamp() + wait if wait > 0 else None

    def _has_pin(self) -> bool:
        try:
            return self._service.has_pin()
        except KioskError:
            return True  # never offer to choose a PIN because the store could not be read

    def _set_mode(self, mode: str) -> None:
        self._mode = mode
        if mode == self.CHOOSE:
            self._heading.setText(self.tr("Choose a staff PIN"))
            self._lead.setText(
                self.tr(
                    "This kiosk has no staff PIN yet. Choose 4 to 8 digits that the volunteers "
                    "at this booth will use to open the staff panel."
                )
            )
        elif mode == self.CONFIRM:
            self._heading.setText(self.tr("Enter the same PIN again"))
            self._lead.setText(self.tr("Type the new PIN once more, to be sure it is right."))
        else:
            self._heading.setText(self.tr("Staff panel"))
            self._lead.setText(self.tr("Enter the staff PIN to see sign-ups, export and settings."))
        self.pad.setAccessibleDescription(self._heading.text())

    def _on_submitted(self, pin: str) -> None:
        if self._mode == self.CHOOSE:
            self._choose(pin)
        elif self._mode == self.CONFIRM:
            self._confirm(pin)
        else:
            self._check(pin)

    def _choose(self, pin: str) -> None:
        try:
            check_new_pin(pin)
        except PinRejected as rejected:
            self.pad.set_message(str(rejected), error=True)
            return
        self._first_choice = pin
        self._set_mode(self.CONFIRM)
        self.pad.set_message("", error=False)

    def _confirm(self, pin: str) -> None:
        first, self._first_choice = self._first_choice, None
        if pin != first:
            self._set_mode(self.CHOOSE)
            self.pad.set_message(self.tr("The two PINs were different. Choose again."), True)
            return
        try:
            self._service.set_pin(pin)
        except KioskError as error:
            self._set_mode(self.CHOOSE)
            self.pad.set_message(str(error), error=True)
            return
        self.pad.clear()
        self.unlocked.emit()

    def _check(self, pin: str) -> None:
        try:
            result = self._service.check_pin(pin)
        except KioskError as error:
            self.pad.set_message(str(error), error=True)
            return
        if result.ok:
            self.pad.clear()
            self.unlocked.emit()
            return
        self.pad.set_message(self.tr("Wrong PIN"), error=True)
        if result.retry_after_s > 0:
            self._retry_at = self._service.clock().timestamp() + result.retry_after_s
            self._update_lockout()

    def _update_lockout(self) -> None:
        """Count down on the service's clock; reopen the pad when the delay is over."""
        if self._retry_at is None:
            self._tick.stop()
            self._countdown.setText("")
            self._countdown.setVisible(False)
            self.pad.set_enabled_for_input(True)
            return
        remaining = self._retry_at - self._service.clock().timestamp()
        if remaining <= 0:
            self._retry_at = None
            self._update_lockout()
            self.pad.set_message(self.tr("You can try again now."), error=False)
            return
        self.pad.set_enabled_for_input(False)
        text = self.tr("Too many wrong tries. Try again in {0}\u00a0s").format(math.ceil(remaining))
        self._countdown.setText(text)
        self._countdown.setAccessibleName(text)
        self._countdown.setVisible(True)
        if not self._tick.isActive():
            self._tick.start()
