"""The staff panel's building blocks: message lines, cards, PIN fields, check boxes, tables.

Every page of the panel builds from these and from the shared widgets
(``ui.widgets.buttons``, ``ui.widgets.text``), so they all look and behave
alike (touch-sized controls, plain-text labels, a "tone" property the
stylesheet colours).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.pin import MAX_PIN_LENGTH
from ui.widgets import metrics
from ui.widgets.layouts import vbox
from ui.widgets.text import repolish, text_label


def make_message(name: str, parent: QWidget | None = None) -> QLabel:
    """Return an empty message line for a control's answer, shown with ``show_message``."""
    label = text_label("", "body", parent, squeezable=True)
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


def make_card(
    parent: QWidget | None = None, title: str = "", intro: str = ""
) -> tuple[QFrame, QVBoxLayout]:
    """Return a card (the "StaffCard" frame) and the column layout to fill it with.

    A ``title`` (``h2``) heads the card and an ``intro`` (``muted``) under it says
    what it is for; either is left out when empty.
    """
    card = QFrame(parent)
    card.setObjectName("StaffCard")
    layout = vbox(card, margins=metrics.STAFF_CARD_MARGINS, spacing=metrics.STAFF_CARD_SPACING)
    for text, role in ((title, "h2"), (intro, "muted")):
        if text:
            layout.addWidget(text_label(text, role, squeezable=True))
    return card, layout


def finish_card(
    layout: QVBoxLayout, message_name: str, action: QPushButton | None = None
) -> QLabel:
    """End a card's column: its ``action`` button, if any, then the line its answers show in.

    The button stands at the leading edge; the message line (``make_message``,
    named ``message_name``) is returned for ``show_message``; the room left over
    goes below them.
    """
    if action is not None:
        layout.addWidget(action, 0, Qt.AlignmentFlag.AlignLeading)
    message = make_message(message_name, layout.parentWidget())
    layout.addWidget(message)
    layout.addStretch(1)
    return message


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
    field.setMinimumHeight(metrics.TOUCH_TARGET)
    return field


def add_labelled(text: str, field: QWidget, layout: QVBoxLayout) -> None:
    """Add a heading label, as the buddy of ``field``, then ``field`` to ``layout``."""
    label = text_label(text, "h3", squeezable=True)
    label.setBuddy(field)
    layout.addWidget(label)
    layout.addWidget(field)


def make_read_only(table: QTableWidget) -> None:
    """Make ``table`` a list to read: no row numbers, no editing or selecting, striped, wrapped."""
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
