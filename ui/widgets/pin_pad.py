"""A touch PIN pad: big digit keys, a masked display, and the physical keyboard as well.

The pad only collects digits and says when the volunteer pressed OK; what a
PIN means (check it, choose it) is up to the screen that owns the pad. The
digits live only in this widget's memory and are dropped on ``clear()`` and
after every submit, so nothing typed lingers once the pad has handed it over.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.pin import MAX_PIN_LENGTH
from ui.widgets import metrics
from ui.widgets.layouts import vbox
from ui.widgets.text import plain_label, repolish

MASK_CHAR = "\u25cf"  # a filled circle per digit entered


class PinPad(QWidget):
    """Digits 0-9, Delete and OK, with a masked display and a message line."""

    submitted = Signal(str)
    """Emitted with the digits entered when OK (or Enter) is pressed; the pad then empties."""

    def __init__(self, parent: QWidget | None = None, *, max_length: int = MAX_PIN_LENGTH) -> None:
        super().__init__(parent)
        self.setObjectName("PinPad")
        self._digits = ""
        self._max_length = max_length
        self._accepting = True
        # The pad itself takes keyboard focus so a USB keyboard can type the PIN.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("PIN pad"))

        self._display = plain_label("", self)
        self._display.setObjectName("PinDisplay")
        self._display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._display.setMinimumHeight(metrics.TOUCH_TARGET_LARGE)
        self._display.setAccessibleName(self.tr("PIN entered"))
        # Digits and dots read left to right in every language.
        self._display.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

        self._message = plain_label("", self)
        self._message.setObjectName("PinMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setProperty("error", False)
        self._message.setMinimumHeight(metrics.PIN_MESSAGE_HEIGHT)

        keys = QWidget(self)
        keys.setObjectName("PinKeys")
        # A number pad keeps its phone layout (1 2 3 on top, left to right) in RTL languages.
        keys.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        grid = QGridLayout(keys)
        grid.setContentsMargins(*metrics.NO_MARGINS)
        grid.setSpacing(metrics.PIN_PAD_SPACING)
        self._keys: list[QPushButton] = []
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._digit_key(digit), index // 3, index % 3)
        self._delete = self._make_key("\u232b", self.tr("Delete"), self._delete_last)
        self._delete.setProperty("role", "secondary")
        self._delete.setAutoRepeat(True)
        self._ok = self._make_key(self.tr("OK"), self.tr("OK, enter PIN"), self._submit)
        self._ok.setProperty("role", "primary")
        grid.addWidget(self._delete, 3, 0)
        grid.addWidget(self._digit_key("0"), 3, 1)
        grid.addWidget(self._ok, 3, 2)

        layout = vbox(self, spacing=metrics.PIN_PAD_SPACING)
        layout.addWidget(self._display)
        layout.addWidget(self._message)
        layout.addWidget(keys, 0, Qt.AlignmentFlag.AlignHCenter)
        self._refresh_display()

    # Public API ----------------------------------------------------------------

    def clear(self) -> None:
        """Forget the digits typed so far and the message."""
        self._digits = ""
        self._refresh_display()
        self.set_message("", error=False)

    def set_message(self, text: str, error: bool = False) -> None:
        """Show a line under the display; ``error`` styles it as a problem."""
        self._message.setText(text)
        self._message.setProperty("error", error)
        self._message.setAccessibleName(text)
        # Re-polish so the stylesheet's [error="true"] rule follows the property.
        repolish(self._message)

    def set_enabled_for_input(self, enabled: bool) -> None:
        """Allow or refuse digits (refused while a lockout delay runs)."""
        self._accepting = enabled
        for key in self._keys:
            key.setEnabled(enabled)
        if not enabled:
            self._digits = ""
            self._refresh_display()

    def is_enabled_for_input(self) -> bool:
        """Return whether the pad takes digits now."""
        return self._accepting

    def entered_length(self) -> int:
        """Return how many digits are entered (never the digits themselves)."""
        return len(self._digits)

    def message(self) -> str:
        """Return the message line's text."""
        return self._message.text()

    def keys(self) -> list[QPushButton]:
        """Return every key button (digits, Delete, OK), for layout checks."""
        return list(self._keys)

    # Input -----------------------------------------------------------------------

    def press_digit(self, digit: str) -> None:
        """Add one digit, up to the maximum length."""
        if not self._accepting or len(digit) != 1 or digit not in "0123456789":
            return
        if len(self._digits) >= self._max_length:
            return
        self._digits += digit
        self._refresh_display()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Take digits, Backspace and Enter from a physical keyboard too."""
        key = event.key()
        text = event.text()
        if len(text) == 1 and text in "0123456789":
            self.press_digit(text)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._delete_last()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # Internals -----------------------------------------------------------------

    def _digit_key(self, digit: str) -> QPushButton:
        return self._make_key(
            digit, self.tr("Digit {0}").format(digit), lambda: self.press_digit(digit)
        )

    def _make_key(self, text: str, name: str, slot: object) -> QPushButton:
        key = QPushButton(text, self)
        key.setObjectName("PinKey")
        key.setAccessibleName(name)
        key.setFixedSize(metrics.PIN_KEY_WIDTH, metrics.PIN_KEY_HEIGHT)
        key.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # Keys must not pull focus off the pad, or the physical keyboard would stop working.
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.clicked.connect(slot)
        self._keys.append(key)
        return key

    def _delete_last(self) -> None:
        if self._accepting and self._digits:
            self._digits = self._digits[:-1]
            self._refresh_display()

    def _submit(self) -> None:
        if not self._accepting or not self._digits:
            return
        pin, self._digits = self._digits, ""
        self._refresh_display()
        self.submitted.emit(pin)

    def _refresh_display(self) -> None:
        count = len(self._digits)
        if count:
            self._display.setText(" ".join(MASK_CHAR * count))
            self._display.setProperty("empty", False)
        else:
            self._display.setText(self.tr("Enter PIN") if self._accepting else "")
            self._display.setProperty("empty", True)
        self._display.setAccessibleDescription(self.tr("{0} digits entered").format(count))
        repolish(self._display)
