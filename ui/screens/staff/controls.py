"""The staff panel's building blocks: message lines, cards, PIN fields, steppers, tables.

Every page of the panel builds from these and from the shared widgets
(``ui.widgets.buttons``, ``ui.widgets.text``), so they all look and behave
alike (touch-sized controls, plain-text labels, a "tone" property the
stylesheet colours).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.pin import MAX_PIN_LENGTH
from kiosk.validation import MAX_EVENT_LENGTH
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
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


def add_event_fields(
    layout: QVBoxLayout, parent: QWidget, name_prefix: str = ""
) -> tuple[QLineEdit, QLineEdit]:
    """Add the labelled fields of a new event, its name and its place; return them.

    They are named ``{name_prefix}EventNameField`` and ``{name_prefix}EventPlaceField``
    and take no more than the store keeps (it refuses longer anyway).
    """

    def field(name: str, accessible: str, label: str) -> QLineEdit:
        line = QLineEdit(parent)
        line.setObjectName(f"{name_prefix}{name}")
        line.setAccessibleName(QCoreApplication.translate("EventFields", accessible))
        line.setMaxLength(MAX_EVENT_LENGTH)
        line.setMinimumHeight(metrics.TOUCH_TARGET)
        add_labelled(QCoreApplication.translate("EventFields", label), line, layout)
        return line

    return (
        field("EventNameField", "Event name", "Event name"),
        field("EventPlaceField", "Place", "Place (optional)"),
    )


def make_read_only(table: QTableWidget) -> None:
    """Make ``table`` a list to read: no row numbers, no editing or selecting, striped, wrapped."""
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)


class StepperSpinBox(QSpinBox):
    """A number a volunteer types, or steps with the − and + beside it (``stepper_row``).

    No arrows of its own (too small to touch), centred, as tall as a touch target.
    """

    def __init__(self, min_width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        # Qt gives a bordered, button-less spin box's editor no width unless the (hidden)
        # arrow sub-controls are placed explicitly; this rule only fixes that geometry.
        self.setStyleSheet(
            "QSpinBox::up-button, QSpinBox::down-button { subcontrol-origin: border; width: 0px; }"
        )
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(metrics.TOUCH_TARGET)
        self.setMinimumWidth(min_width)


def add_stepper(
    layout: QVBoxLayout, spin: QSpinBox, name: str, shorter: str, longer: str, step: int = 1
) -> tuple[QPushButton, QPushButton]:
    """Add − [spin] + to ``layout``; return its buttons, which step ``spin`` by ``step``.

    The buttons are named ``{name}ShorterButton`` and ``{name}LongerButton`` and read
    as ``shorter`` and ``longer``; Tab goes through the row as it reads.
    """
    row = QHBoxLayout()
    row.setSpacing(metrics.STAFF_BUTTON_SPACING)
    minus = kiosk_button("\u2212", "secondary", name=f"{name}ShorterButton")
    minus.setAccessibleName(shorter)
    plus = kiosk_button("+", "secondary", name=f"{name}LongerButton")
    plus.setAccessibleName(longer)
    for button, steps in ((minus, -step), (plus, step)):
        button.setFixedWidth(metrics.STEPPER_BUTTON_WIDTH)
        button.clicked.connect(lambda _checked=False, steps=steps: spin.stepBy(steps))
    row.addWidget(minus)
    row.addWidget(spin)
    row.addWidget(plus)
    row.addStretch(1)
    layout.addLayout(row)  # in the window now, where a tab order can be set
    QWidget.setTabOrder(minus, spin)
    QWidget.setTabOrder(spin, plus)
    return minus, plus
