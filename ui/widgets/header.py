"""The bar across the top of every content screen: Back, the screen's title, Display, Join."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.widgets import metrics, palette
from ui.widgets.buttons import kiosk_button
from ui.widgets.display_button import display_button
from ui.widgets.icons import glyph_icon
from ui.widgets.text import text_label


class ScreenHeader(QFrame):
    """Back on the leading side, a title, then "Aa Display" and an optional call to join."""

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
        self._point_back()
        self.back_button.clicked.connect(self.back_clicked)
        layout.addWidget(self.back_button)
        self.title_label: QLabel = text_label(title, "h3", self)
        self.title_label.setObjectName("headerTitle")
        self.title_label.setWordWrap(False)
        self.title_label.setMinimumWidth(0)
        layout.addWidget(self.title_label, 1)
        self.display_button = display_button(self)
        layout.addWidget(self.display_button)
        self.join_button = None
        if join_label:
            self.join_button = kiosk_button(join_label, "accent", parent=self)
            self.join_button.setObjectName("headerJoin")
            self.join_button.clicked.connect(self.join_clicked)
            layout.addWidget(self.join_button)
        self.setMinimumHeight(metrics.HEADER_HEIGHT)

    def _point_back(self) -> None:
        # Pointing the way "back" goes in the layout direction, in the theme's colour.
        arrow = "›" if self.isRightToLeft() else "‹"
        ink = palette.current().primary
        self.back_button.setIcon(glyph_icon(arrow, ink, metrics.BACK_ICON_SIZE))
        self.back_button.setIconSize(QSize(*metrics.BACK_ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._point_back()
