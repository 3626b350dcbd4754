"""Thank you: confirms the sign-up, then returns to attract by itself after a few seconds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.service import KioskService
from kiosk.signup import SignupRecord, WlfChoice
from ui.screens.base import Route, Screen
from ui.widgets import metrics
from ui.widgets.countdown import Countdown
from ui.widgets.layouts import vbox
from ui.widgets.scroll import TouchScrollArea
from ui.widgets.text import badge_label, isolated, text_label

RETURN_AFTER_S = 10
"""Seconds the thank-you shows before the kiosk starts over (tests shorten the tick instead)."""


class ThankYouScreen(Screen):
    """A warm confirmation, what happens next, and a countdown back to the start."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        self.setObjectName("thankYouScreen")
        self.countdown = Countdown(RETURN_AFTER_S, parent=self)
        self.countdown.ticked.connect(self._show_remaining)
        self.countdown.expired.connect(lambda: self.navigate.emit(Route.ATTRACT))

        layout = vbox(self)
        # Centred on the screen; with larger text it may need more room, and scrolls.
        self.scroll_area = TouchScrollArea(self)
        layout.addWidget(self.scroll_area)
        outer = self.scroll_area.body_layout
        outer.setContentsMargins(*metrics.THANK_YOU_MARGINS)
        self._add_top_controls(outer)
        outer.addStretch(1)
        card = QFrame(self.scroll_area.body)
        card.setObjectName("thankYouCard")
        card.setMaximumWidth(metrics.THANK_YOU_CARD_WIDTH)
        layout = vbox(
            card, margins=metrics.THANK_YOU_CARD_MARGINS, spacing=metrics.THANK_YOU_SPACING
        )
        self.check = badge_label("✓", "display", metrics.SUCCESS_BADGE_SIZE, card)
        self.check.setObjectName("successBadge")
        # The mark's text alternative: a screen reader says this, not "check mark".
        self.texts.bind(self.check.setAccessibleName, lambda: self.tr("Signed up"))
        layout.addWidget(self.check, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(metrics.SECTION_GAP)
        self.title_label = text_label("", "h1", card)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title_label)
        self.detail_label = text_label("", "lead", card)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.detail_label)
        self.pledge_label = self.live_label(
            lambda: self.tr("Your name is on the pledge."), "lead", card
        )
        self.pledge_label.setObjectName("pledgeConfirm")
        self.pledge_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.pledge_label)
        layout.addSpacing(metrics.SECTION_GAP)
        self.done_button = self.live_button(
            lambda: self.tr("Done"), "primary", name="doneButton", parent=card
        )
        self.done_button.setMinimumWidth(metrics.THANK_YOU_BUTTON_WIDTH)
        self.done_button.clicked.connect(lambda: self.navigate.emit(Route.ATTRACT))
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.countdown_label = text_label("", "muted", card)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.countdown_label)
        # Centred by stretches, not by an alignment flag: an aligned item loses
        # height-for-width, and a longer translation would be squeezed.
        row = QHBoxLayout()
        row.addStretch(0)
        row.addWidget(card, 1)
        row.addStretch(0)
        outer.addLayout(row)
        outer.addStretch(1)
        QWidget.setTabOrder(self.display_button, self.done_button)
        self.record: SignupRecord | None = None
        self.show_record(None)

    def show_record(self, record: SignupRecord | None) -> None:
        """Word the confirmation for this sign-up (None: a generic thank-you)."""
        self.record = record
        if record is None:
            self.title_label.setText(self.tr("Thank you!"))
            self.setAccessibleName(self.title_label.text())
            self.detail_label.setText("")
            self.pledge_label.hide()
            return
        signup = record.signup
        name = isolated(signup.first_name)
        self.title_label.setText(self.tr("Thank you, %1!").replace("%1", name))
        self.setAccessibleName(self.title_label.text())
        if signup.wlf_choice is WlfChoice.MEMBER:
            detail = self.tr("Welcome! You're signed up, and we'll be in touch soon.")
        elif signup.wlf_choice is WlfChoice.EXISTING_MEMBER:
            detail = self.tr("Welcome back! We'll be in touch soon.")
        elif signup.wlf_choice is WlfChoice.UPDATES:
            detail = self.tr("You'll receive updates by email.")
        else:
            detail = self.tr("Thank you for stopping by.")
        self.detail_label.setText(detail)
        self.pledge_label.setVisible(signup.advocacy_pledge)

    def retranslate(self) -> None:
        super().retranslate()
        self.show_record(self.record)
        self._show_remaining(self.countdown.remaining_s)

    @property
    def remaining_s(self) -> int:
        """Seconds until the kiosk starts over by itself."""
        return self.countdown.remaining_s

    def on_enter(self) -> None:
        self.scroll_area.scroll_to_top()
        self.countdown.start()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_leave(self) -> None:
        self.countdown.stop()
        self.show_record(None)

    def take_over_from(self, old: Screen) -> None:
        if isinstance(old, ThankYouScreen):
            self.show_record(old.record)
        self.on_enter()

    def _show_remaining(self, seconds: int) -> None:
        # A clock face ("0:09") reads right in every language without plural rules.
        clock = f"{seconds // 60}:{seconds % 60:02d}"
        self.countdown_label.setText(self.tr("Starting over in %1").replace("%1", clock))
