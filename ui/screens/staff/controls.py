"""The staff panel's building blocks: labelled text, buttons, message lines, cards, PIN fields.

Every page of the panel builds from these, so they all look and behave alike
(56 px touch targets, plain-text labels, a "tone" property the stylesheet colours).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.pin import MAX_PIN_LENGTH


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a property it selects on has changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def make_label(text: str, role: str, parent: QWidget | None = None) -> QLabel:
    """Return a wrapping plain-text label styled by its ``role`` ("h1", "muted", ...)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setProperty("role", role)
    return label


def make_button(text: str, kind: str, name: str, parent: QWidget | None = None) -> QPushButton:
    """Return a touch-sized push button styled by its ``kind`` ("primary", "secondary", ...)."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setProperty("kind", kind)
    button.setAccessibleName(text)
    button.setAutoDefault(False)
    button.setMinimumHeight(56)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def make_message(name: str, parent: QWidget | None = None) -> QLabel:
    """Return an empty message line for a control's answer, shown with ``show_message``."""
    label = make_label("", "body", parent)
    label.setObjectName(name)
    label.setProperty("tone", "info")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str, tone: str = "info") -> None:
    """Show ``text`` in a message label; ``tone`` is "info", "success" or "error"."""
    label.setText(text)
    label.setAccessibleName(text)
    label.setProperty("tone", tone)
    repolish(label)


class RowCheckBox(QCheckBox):
    """A check box whose whole row is the touch target, not just the box and its text."""

    def hitButton(self, pos: QPoint) -> bool:
        """Any point inside the widget toggles it."""
        return self.rect().contains(pos)


class RowRadioButton(QRadioButton):
    """A radio button whose whole row is the touch target."""

    def hitButton(self, pos: QPoint) -> bool:
        """Any point inside the widget selects it."""
        return self.rect().contains(pos)


def make_card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """Return a card (the "StaffCard" frame) and the column layout to fill it with."""
    card = QFrame(parent)
    card.setObjectName("StaffCard")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(28, 24, 28, 24)
    layout.setSpacing(14)
    return card, layout


def make_pin_field(name: str, accessible: str, parent: QWidget | None = None) -> QLineEdit:
    """Return a masked field that takes only digits, up to the longest PIN allowed."""
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_PIN_LENGTH)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), field))
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhDigitsOnly
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    field.setMinimumHeight(56)
    return field


def add_labelled(text: str, field: QWidget, layout: QVBoxLayout) -> None:
    """Add a heading label, as the buddy of ``field``, then ``field`` to ``layout``."""
    label = make_label(text, "h3")
    label.setBuddy(field)
    layout.addWidget(label)
    layout.addWidget(field)
