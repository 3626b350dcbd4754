"""A big home-screen card: a button with a title, a line under it and an arrow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.widgets import metrics
from ui.widgets.direction import mirror_style
from ui.widgets.layouts import hbox
from ui.widgets.text import text_label


class NavCard(QPushButton):
    """A whole card that is one button; the labels inside let clicks through to it.

    Its accent bar is on the leading side: the left, or the right in a
    right-to-left language (assets/styles/rtl.qss).
    """

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
        outer = hbox(self, margins=metrics.NAV_CARD_MARGINS, spacing=metrics.NAV_CARD_SPACING)
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
        mirror_style(self)
        self._apply_direction()

    def set_title(self, title: str) -> None:
        """Show ``title`` (already translated), and name the card so."""
        self.title_label.setText(title)
        self.setAccessibleName(title)

    def set_detail(self, detail: str) -> None:
        """Show ``detail`` (already translated) under the title."""
        self.detail_label.setText(detail)
        self.setAccessibleDescription(detail)

    def _apply_direction(self) -> None:
        self.arrow.setText("‹" if self.isRightToLeft() else "›")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._apply_direction()
