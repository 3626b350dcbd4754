"""A big home-screen card: a button with a title, a line under it and an arrow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.widgets import metrics
from ui.widgets.text import text_label


class NavCard(QPushButton):
    """A whole card that is one button; the labels inside let clicks through to it."""

    def __init__(
        self, title: str, detail: str, *, tone: str = "primary", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("navCard")
        self.setProperty("tone", tone)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(True)  # Enter opens the card, as Space does
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(metrics.HOME_CARD_HEIGHT)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(*metrics.NAV_CARD_MARGINS)
        outer.setSpacing(metrics.NAV_CARD_SPACING)
        column = QVBoxLayout()
        column.setSpacing(metrics.NAV_CARD_LINE_SPACING)
        self.title_label = text_label(title, "h2", self)
        self.title_label.setObjectName("navCardTitle")
        self.detail_label = text_label(detail, "body", self)
        self.detail_label.setObjectName("navCardDetail")
        column.addStretch(1)
        column.addWidget(self.title_label)
        column.addWidget(self.detail_label)
        column.addStretch(1)
        outer.addLayout(column, 1)
        # A chevron that points forward in either layout direction.
        self.arrow = text_label("›", "h1", self)
        self.arrow.setObjectName("navCardArrow")
        self.arrow.setWordWrap(False)
        outer.addWidget(self.arrow, 0, Qt.AlignmentFlag.AlignVCenter)
        for label in (self.title_label, self.detail_label, self.arrow):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._apply_direction()

    def _apply_direction(self) -> None:
        self.arrow.setText("‹" if self.isRightToLeft() else "›")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._apply_direction()
