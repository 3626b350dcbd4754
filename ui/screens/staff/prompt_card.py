"""The prompt card: a heading and its words on the leading side, the control that answers beside.

The staff PIN stage (enter the PIN) and the first-start setup (choose it, twice,
then name the event) show the same card, so a volunteer meets one layout: what
to do on the left (right in right-to-left languages), where to do it opposite.
Side by side it stays short enough to fit above a docked on-screen keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.widgets import metrics
from ui.widgets.layouts import hbox
from ui.widgets.text import text_label


class PromptCard(QFrame):
    """Eyebrow, heading and lead over a column the owner may add to; ``answer`` opposite."""

    def __init__(self, eyebrow: str, answer: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffPinCard")
        self.setMaximumWidth(metrics.PROMPT_CARD_WIDTH)
        row = hbox(self, margins=metrics.PROMPT_CARD_MARGINS, spacing=metrics.PROMPT_CARD_SPACING)

        self.words = QVBoxLayout()
        """The leading column: the owner adds lines under the lead, and a button (``end_with``)."""
        self.words.setSpacing(metrics.PROMPT_WORDS_SPACING)
        self.eyebrow = text_label(eyebrow, "eyebrow", squeezable=True)
        self.heading = text_label("", "h1", squeezable=True)
        self.heading.setObjectName("StaffPinHeading")
        self.lead = text_label("", "lead", squeezable=True)
        self.lead.setObjectName("StaffPinLead")
        for widget in (self.eyebrow, self.heading, self.lead):
            self.words.addWidget(widget)

        self.answer = answer
        answer.setParent(self)
        row.addLayout(self.words, 1)
        row.addWidget(answer, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_words(self, heading: str, lead: str) -> None:
        """Show a new heading and lead; they also describe the answer to screen readers."""
        self.heading.setText(heading)
        self.lead.setText(lead)
        self.answer.setAccessibleDescription(heading)

    def end_with(self, button: QWidget) -> None:
        """Put ``button`` at the foot of the leading column, at its leading edge."""
        self.words.addStretch(1)
        self.words.addWidget(button, 0, Qt.AlignmentFlag.AlignLeading)


def centred(card: QWidget, parent: QWidget, margin: int | None = None) -> QVBoxLayout:
    """Put ``card`` in the middle of ``parent``, ``margin`` px from its edges; return the layout.

    ``margin`` is ``metrics.CENTRED_MARGIN`` unless given.

    Stretches, not an alignment flag, centre it across: an aligned item gets its size
    hint's height, which clips word-wrapped text that needs more lines at its width.
    """
    if margin is None:
        margin = metrics.CENTRED_MARGIN
    outer = QVBoxLayout(parent)
    outer.setContentsMargins(margin, margin, margin, margin)
    across = QHBoxLayout()
    across.addStretch(1)
    across.addWidget(card, 0)
    across.addStretch(1)
    outer.addStretch(1)
    outer.addLayout(across)
    outer.addStretch(1)
    return outer
