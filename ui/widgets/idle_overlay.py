"""The "Still there?" overlay: a countdown before the kiosk clears itself for the next person."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QWidget

from ui.widgets import metrics
from ui.widgets.announce import announce
from ui.widgets.buttons import kiosk_button, set_button_text
from ui.widgets.countdown import Countdown
from ui.widgets.layouts import vbox
from ui.widgets.shade import Shade
from ui.widgets.text import LiveTexts, text_label


class IdleOverlay(Shade):
    """Covers its parent, counts down, and says whether the attendee continued or left."""

    continued = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget, *, countdown_s: int = 15, tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self.setObjectName("idleOverlay")
        self.countdown = Countdown(countdown_s, tick_ms=tick_ms, parent=self)
        self.countdown.ticked.connect(self._show_remaining)
        self.countdown.expired.connect(self._on_expired)

        self.card = QFrame(self)
        self.card.setObjectName("overlayCard")
        card_layout = vbox(
            self.card, margins=metrics.OVERLAY_CARD_MARGINS, spacing=metrics.OVERLAY_SPACING
        )
        self.texts = LiveTexts()
        self.title_label = text_label("", "h1", self.card)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.texts.bind(self.title_label.setText, lambda: self.tr("Still there?"))
        self.count_label = text_label("", "display", self.card)
        self.count_label.setObjectName("countdownNumber")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label = text_label("", "lead", self.card)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.texts.bind(
            self.detail_label.setText,
            lambda: self.tr(
                "To keep your answers private, this screen will start over when the countdown ends."
            ),
        )
        self.continue_button = kiosk_button("", "primary", parent=self.card)
        self.continue_button.setObjectName("continueButton")
        self.continue_button.clicked.connect(self.dismiss)
        self.texts.bind(
            lambda text: set_button_text(self.continue_button, text), lambda: self.tr("Continue")
        )
        card_layout.addWidget(self.title_label)
        card_layout.addWidget(self.count_label)
        card_layout.addWidget(self.detail_label)
        card_layout.addSpacing(metrics.SECTION_GAP_SMALL)
        card_layout.addWidget(self.continue_button)
        self.card.setFixedWidth(metrics.OVERLAY_CARD_WIDTH)

    @property
    def remaining_s(self) -> int:
        """Seconds left before the kiosk starts over."""
        return self.countdown.remaining_s

    def start(self) -> None:
        """Show the overlay over the whole parent and start counting down."""
        self.countdown.start()
        self.cover_parent()
        self._center_card()
        self.show()
        self.raise_()
        self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.card, f"{self.title_label.text()} {self.detail_label.text()}", assertive=True)

    def dismiss(self) -> None:
        """The attendee is still here: hide and say so."""
        if not self.isVisible():
            return
        self.countdown.stop()
        self.hide()
        self.continued.emit()

    def freeze(self) -> None:
        """Stop the countdown where it is, still showing (for screenshots)."""
        self.countdown.stop()

    def cancel(self) -> None:
        """Hide without a signal (the kiosk moved on by itself)."""
        self.countdown.stop()
        self.hide()

    def _on_expired(self) -> None:
        self.hide()
        self.expired.emit()

    def _show_remaining(self, seconds: int) -> None:
        self.count_label.setText(str(seconds))
        self.count_label.setAccessibleName(self.tr("%1 seconds left").replace("%1", str(seconds)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.texts.refresh()
            self._show_remaining(self.countdown.remaining_s)
            self._center_card()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._center_card()

    def _center_card(self) -> None:
        self.card.adjustSize()
        self.card.move(
            (self.width() - self.card.width()) // 2, (self.height() - self.card.height()) // 2
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A touch anywhere counts as "still here"; only Continue is announced to screen readers.
        self.dismiss()
