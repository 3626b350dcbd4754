"""A check box or radio button with a long, wrapping label, the whole row a touch target.

``QCheckBox`` and ``QRadioButton`` do not wrap their text, and the consent text
is a long sentence that must be shown in full, exactly. So the row pairs an
indicator-only button (which carries the accessible name and keyboard focus)
with a word-wrapped label, and a tap anywhere on the row toggles it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFrame,
    QLabel,
    QRadioButton,
    QWidget,
)

from ui.widgets import metrics
from ui.widgets.layouts import hbox
from ui.widgets.text import repolish, text_label


class ChoiceRow(QFrame):
    """A card holding one check box or radio button and its wrapping label."""

    def __init__(
        self,
        text: str,
        *,
        radio: bool = False,
        accessible_name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("choiceRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button: QAbstractButton = QRadioButton(self) if radio else QCheckBox(self)
        self.button.setObjectName("choiceIndicator")
        self.button.setAccessibleName(accessible_name or text)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.setFixedSize(metrics.TOUCH_MINIMUM, metrics.TOUCH_MINIMUM)
        self.label: QLabel = text_label(text, "body", self)
        self.label.setObjectName("choiceLabel")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setBuddy(self.button)
        layout = hbox(self, margins=metrics.CHOICE_MARGINS, spacing=metrics.CHOICE_SPACING)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label, 1)
        self.setMinimumHeight(metrics.CHOICE_HEIGHT)
        self.button.toggled.connect(self._show_state)
        self._show_state(False)

    def text(self) -> str:
        """The label exactly as shown."""
        return self.label.text()

    def set_text(self, text: str) -> None:
        """Show ``text`` (already translated) and name the box so."""
        self.label.setText(text)
        self.button.setAccessibleName(text)

    def isChecked(self) -> bool:
        """Whether the box is ticked (or the radio chosen)."""
        return self.button.isChecked()

    def setChecked(self, checked: bool) -> None:
        """Tick or untick."""
        self.button.setChecked(checked)

    def set_invalid(self, invalid: bool) -> None:
        """Mark the row as needing attention (a validation message is shown for it)."""
        self.setProperty("invalid", invalid)
        repolish(self)

    def _show_state(self, checked: bool) -> None:
        self.setProperty("checked", checked)
        repolish(self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            # Focus first: what the click sets off may move focus on (and must win).
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
