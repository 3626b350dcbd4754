"""The bar across the top of every content screen: Back, the screen's title, Join."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.text import text_label


class ScreenHeader(QFrame):
    """Back on the leading side, a title, and an optional call to join on the trailing side."""

    back_clicked = Signal()
    join_clicked = Signal()

    def __init__(
        self, title: str, *, join_label: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screenHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(*metrics.HEADER_MARGINS)
        layout.setSpacing(metrics.HEADER_SPACING)
        self.back_button = kiosk_button(self.tr("Back"), "quiet", parent=self)
        self.back_button.setObjectName("backButton")
        # SP_ArrowBack points the way "back" goes in the current layout direction.
        self.back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.back_button.clicked.connect(self.back_clicked)
        layout.addWidget(self.back_button)
        self.title_label: QLabel = text_label(title, "h3", self)
        self.title_label.setObjectName("headerTitle")
        self.title_label.setWordWrap(False)
        self.title_label.setMinimumWidth(0)
        layout.addWidget(self.title_label, 1)
        self.join_button = None
        if join_label:
            self.join_button = kiosk_button(join_label, "accent", parent=self)
            self.join_button.setObjectName("headerJoin")
            self.join_button.clicked.connect(self.join_clicked)
            layout.addWidget(self.join_button)
        self.setMinimumHeight(metrics.HEADER_HEIGHT)
