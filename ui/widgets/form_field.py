"""A labelled text field with its validation message right under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QWidget

from ui.widgets import metrics
from ui.widgets.direction import mirror_style
from ui.widgets.layouts import vbox
from ui.widgets.text import repolish, text_label


class FormField(QWidget):
    """Label, line edit and (hidden until needed) an error message, stacked.

    ``max_length`` is the core's limit for the value (``kiosk.validation``), so
    the field takes no more than the form would accept. Screen readers hear the
    label as the field's name, and as its description the message when there is
    one, else "Required" for a ``required`` field (Qt's accessibility interface
    has no "required" or "invalid" state for a text field to carry them).
    """

    def __init__(
        self,
        label: str,
        *,
        max_length: int,
        hint: str = "",
        required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("formField")
        self.required = required
        layout = vbox(self, spacing=metrics.FIELD_SPACING)
        self.label: QLabel = text_label(label, "h3", self)
        self.label.setObjectName("fieldLabel")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("fieldEdit")
        self.edit.setMaxLength(max_length)
        self.edit.setAccessibleName(label)
        self.edit.setMinimumHeight(metrics.FIELD_HEIGHT)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if hint:
            self.edit.setPlaceholderText(hint)
        self.label.setBuddy(self.edit)
        self.error_label: QLabel = text_label("", "error", self)
        self.error_label.setObjectName("fieldError")
        mirror_style(self.error_label)
        self.error_label.hide()
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.error_label)
        # Spare height (a neighbour showing a longer message) goes below, keeping boxes level.
        layout.addStretch(1)

    def set_label(self, label: str) -> None:
        """Show ``label`` (already translated) over the field, and name the field so."""
        self.label.setText(label)
        self.edit.setAccessibleName(label)

    def text(self) -> str:
        """What was typed, exactly."""
        return self.edit.text()

    def error(self) -> str | None:
        """The message shown under the field, if any."""
        return self.error_label.text() if self.error_label.isVisibleTo(self) else None

    def set_error(self, message: str | None) -> None:
        """Show ``message`` under the field (or clear it) and mark the field for the eye."""
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        self.edit.setProperty("invalid", bool(message))
        required = self.tr("Required") if self.required else ""
        self.edit.setAccessibleDescription(message or required)
        repolish(self.edit)

    def clear(self) -> None:
        """Empty the field and its message, leaving nothing to undo back into view."""
        # setText (unlike clear()) also drops the undo history: Ctrl+Z must not
        # bring back what the previous attendee typed.
        self.edit.setText("")
        self.set_error(None)
        self.edit.setCursorPosition(0)
        self.edit.deselect()

    def setFocus(self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:
        """Focus the text box."""
        self.edit.setFocus(reason)
