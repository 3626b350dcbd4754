"""The staff panel's PIN stage: enter the PIN, with the lockout after wrong tries.

It never offers to choose a PIN: that happens once, at first start, on the
setup screen (or from a terminal with ``p2p-kiosk pin set``), so nobody at the
booth can claim the panel by picking one here. The service checks the PIN,
counts wrong tries and answers with a growing delay that the stage counts
down on the service clock.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.errors import KioskError
from kiosk.service import KioskService
from ui.screens.staff.page import StaffPart
from ui.screens.staff.prompt_card import PromptCard, centred
from ui.widgets.buttons import kiosk_button
from ui.widgets.pin_pad import PinPad
from ui.widgets.text import text_label

LOCKOUT_TICK_MS = 250
"""How often the lockout countdown re-reads the service clock."""


class PinStage(StaffPart):
    """Enter the staff PIN; shows the lockout countdown."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, "StaffPinStage", parent)
        self._retry_at: float | None = None  # service-clock time the lockout ends

        self.pad = PinPad()
        card = PromptCard(self.tr("Staff only"), self.pad, self)
        card.set_words(
            self.tr("Staff panel"),
            self.tr("Enter the staff PIN to see sign-ups, export and settings."),
        )
        self._countdown = text_label("", "body", squeezable=True)
        self._countdown.setObjectName("PinCountdown")
        self._countdown.setProperty("tone", "error")
        self._cancel = kiosk_button(
            self.tr("Cancel"),
            "secondary",
            name="StaffCancelButton",
            description=self.tr("Leave the staff panel"),
        )
        self._cancel.clicked.connect(self.cancelled)
        card.words.addWidget(self._countdown)
        card.end_with(self._cancel)

        self.pad.submitted.connect(self._check)
        centred(card, self)
        self.setTabOrder(self.pad, self._cancel)

        self._tick = QTimer(self)
        self._tick.setInterval(LOCKOUT_TICK_MS)
        self._tick.timeout.connect(self._update_lockout)
        self.reset()

    def is_locked_out(self) -> bool:
        """Return whether a lockout delay is running."""
        return self._retry_at is not None

    def countdown_text(self) -> str:
        """Return the lockout line ("Try again in 30 s"), or ""."""
        return self._countdown.text()

    def reset(self) -> None:
        """Forget anything typed; show a running lockout (it outlives the screen and restarts)."""
        self.pad.clear()
        self._retry_at = self._lockout_end()
        self._update_lockout()

    def focus_pad(self) -> None:
        """Give the pad keyboard focus so a USB keyboard can type the PIN."""
        self.pad.setFocus(Qt.FocusReason.OtherFocusReason)

    def _lockout_remaining(self) -> float:
        try:
            return self._service.pin_retry_after_s()
        except KioskError:
            return 0.0

    def _lockout_end(self) -> float | None:
        wait = self._lockout_remaining()
        return self._service.clock().timestamp() + wait if wait > 0 else None

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
        # Ask the service each tick rather than counting down from _retry_at: a
        # clock put back while the pad waits must not stretch the wait it shows.
        remaining = min(
            self._retry_at - self._service.clock().timestamp(), self._lockout_remaining()
        )
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
