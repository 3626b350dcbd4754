"""Attract: a calm, looping rotation of the content's key messages; any touch starts.

The rotation is a slow fade, nothing flashes. It stays still (the first message,
no dots) when the system asks for reduced motion or the screen is in high
contrast: ``moves=False``.
The languages the kiosk offers sit at the top: a tap on one turns the whole
kiosk to it for this attendee, without starting.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve,
    QPropertyAnimation,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from kiosk.service import KioskService
from ui.screens.base import Route, Screen
from ui.widgets import metrics
from ui.widgets.layouts import vbox
from ui.widgets.text import plain_label, set_role, text_label

ROTATE_MS = 7000
FADE_MS = 700
MESSAGE_ROLES = ("display", "h1", "h2", "lead")
"""The sizes a key message may take, largest first."""


class AttractScreen(Screen):
    """Shows one key message at a time, fading to the next every few seconds."""

    def __init__(
        self,
        service: KioskService,
        parent: QWidget | None = None,
        *,
        rotate_ms: int = ROTATE_MS,
        fade_ms: int = FADE_MS,
        moves: bool = True,
    ) -> None:
        super().__init__(service, parent)
        self.setObjectName("attractScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.texts.bind(self.setAccessibleName, lambda: self.content.title)
        self.messages: tuple[str, ...] = self.content.attract
        self._index = 0
        self.moves = moves and len(self.messages) > 1

        layout = vbox(self, margins=metrics.ATTRACT_MARGINS, spacing=metrics.ATTRACT_SPACING)
        self._add_top_controls(layout, on_dark=True, languages=True)

        self.eyebrow = self.live_label(lambda: self.content.title, "eyebrow", self)
        self.eyebrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.eyebrow)
        layout.addStretch(2)

        self.message_label: QLabel = text_label("", "display", self)
        self.message_label.setObjectName("attractMessage")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message_label)

        self.dots = QHBoxLayout()
        self.dots.setSpacing(metrics.ATTRACT_DOT_SPACING)
        self.dots.addStretch(1)
        self._dot_labels: list[QLabel] = []
        for _ in self.messages:
            dot = plain_label("", self)
            dot.setObjectName("attractDot")
            dot.setFixedSize(metrics.ATTRACT_DOT_SIZE, metrics.ATTRACT_DOT_SIZE)
            if not self.moves:
                dot.hide()  # (showing one now would style it now, and again with the screen)
            self._dot_labels.append(dot)
            self.dots.addWidget(dot)
        self.dots.addStretch(1)
        layout.addSpacing(metrics.SECTION_GAP_LARGE)
        layout.addLayout(self.dots)
        layout.addStretch(3)

        self.start_button = self.live_button(
            lambda: self.tr("Touch to begin"), "accent", name="touchToBegin", parent=self
        )
        self.start_button.setMinimumWidth(metrics.ATTRACT_BUTTON_WIDTH)
        self.start_button.clicked.connect(lambda: self.navigate.emit(Route.HOME))
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(metrics.SECTION_GAP_XLARGE)

        self.disclaimer = self.live_label(lambda: self.content.disclaimer, "small", self)
        self.disclaimer.setObjectName("attractDisclaimer")
        self.disclaimer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.disclaimer)

        self._opacity = QGraphicsOpacityEffect(self.message_label)
        self._opacity.setOpacity(1.0)
        self.message_label.setGraphicsEffect(self._opacity)
        self._fade = QPropertyAnimation(self._opacity, b"opacity", self)
        self._fade.setDuration(max(1, fade_ms))
        self._fade.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._fade.finished.connect(self._on_fade_finished)
        self._fading_out = False

        self._rotate = QTimer(self)
        self._rotate.setInterval(max(1, rotate_ms))
        self._rotate.timeout.connect(self.advance)
        self.show_message(0)

    @property
    def index(self) -> int:
        """Which key message is showing."""
        return self._index

    def current_message(self) -> str:
        """The text now on screen."""
        return self.message_label.text()

    def on_enter(self) -> None:
        self._fade.stop()
        self._opacity.setOpacity(1.0)
        self.show_message(0)
        self.show_languages()
        if self.moves:
            self._rotate.start()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def is_rotating(self) -> bool:
        """Whether the messages take turns (not under reduced motion or high contrast)."""
        return self._rotate.isActive()

    def retranslate(self) -> None:
        super().retranslate()
        # The same key messages, in the new language; the one showing stays in place.
        self.messages = self.content.attract
        self.show_message(self._index % len(self.messages))

    def on_leave(self) -> None:
        self._rotate.stop()
        self._fade.stop()
        self._opacity.setOpacity(1.0)

    def advance(self) -> None:
        """Fade out the current message; the next fades in when that finishes."""
        if len(self.messages) < 2 or self._fade.state() == QPropertyAnimation.State.Running:
            return
        self._fading_out = True
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.start()

    def _on_fade_finished(self) -> None:
        if not self._fading_out:
            return
        self._fading_out = False
        self.show_message((self._index + 1) % len(self.messages))
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.start()

    def show_message(self, index: int) -> None:
        """Show key message ``index`` at once (no fade)."""
        self._index = index
        text = self.messages[index]
        self.message_label.setText(text)
        self._fit_message()
        for position, dot in enumerate(self._dot_labels):
            if dot.property("active") != (position == index):  # restyle only the dots that change
                dot.setProperty("active", position == index)
                set_role(dot, "dot")

    def _fit_message(self) -> None:
        """Show the message in the largest size at which all of it fits the screen.

        A long message (or larger text) steps down from display to h1, h2 or lead,
        so it never runs off the screen or crowds the rest of it out.
        """
        layout, label = self.layout(), self.message_label
        for role in MESSAGE_ROLES:
            if label.property("role") != role:  # restyling in the same role is wasted time
                set_role(label, role)
            if layout is None or not self.isVisible():
                return  # laid out, and fitted, once shown
            layout.activate()
            if label.height() + 1 >= label.heightForWidth(label.width()):
                return

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_message()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_message()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.navigate.emit(Route.HOME)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Any key starts, except Tab (moving focus to "Touch to begin" for keyboard users).
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            super().keyPressEvent(event)
            return
        event.accept()
        self.navigate.emit(Route.HOME)
