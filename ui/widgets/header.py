"""The bar across the top of every content screen: Back, the screen's title, Display, Join."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from ui.widgets import metrics, palette
from ui.widgets.buttons import kiosk_button, set_button_text
from ui.widgets.display_button import display_button
from ui.widgets.icons import glyph_icon
from ui.widgets.layouts import hbox
from ui.widgets.text import text_label


class ScreenHeader(QFrame):
    """Back on the leading side, a title, then "Aa Display" and an optional call to join.

    In a right-to-left language the row runs from the right, so Back sits on the
    right with its arrow pointing right. The screen shows the title and the join
    label in the attendee's language (``set_title``, ``set_join_label``).
    """

    back_clicked = Signal()
    join_clicked = Signal()

    def __init__(self, *, with_join: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenHeader")
        layout = hbox(self, margins=metrics.HEADER_MARGINS, spacing=metrics.HEADER_SPACING)
        self.back_button = kiosk_button(self.tr("Back"), "quiet", parent=self)
        self.back_button.setObjectName("backButton")
        self.back_button.setMinimumWidth(metrics.BACK_BUTTON_MIN_WIDTH)
        self.back_button.clicked.connect(self.back_clicked)
        self._point_back()
        layout.addWidget(self.back_button)
        self.title_label: QLabel = text_label("", "h3", self)
        self.title_label.setObjectName("headerTitle")
        self.title_label.setWordWrap(False)
        self.title_label.setMinimumWidth(0)
        layout.addWidget(self.title_label, 1)
        self.display_button = display_button(self)
        layout.addWidget(self.display_button)
        self.join_button = None
        if with_join:
            self.join_button = kiosk_button("", "accent", parent=self)
            self.join_button.setObjectName("headerJoin")
            self.join_button.clicked.connect(self.join_clicked)
            layout.addWidget(self.join_button)
        self.setMinimumHeight(metrics.HEADER_HEIGHT)

    def set_title(self, title: str) -> None:
        """Show ``title`` (already translated)."""
        self.title_label.setText(title)

    def set_join_label(self, label: str) -> None:
        """Show ``label`` (already translated) on the join button, if the header has one."""
        if self.join_button is not None:
            set_button_text(self.join_button, label)

    def _point_back(self) -> None:
        # Pointing the way "back" goes in the layout direction, in the theme's colour.
        arrow = "›" if self.isRightToLeft() else "‹"
        ink = palette.current().primary
        self.back_button.setIcon(glyph_icon(arrow, ink, metrics.BACK_ICON_SIZE))
        self.back_button.setIconSize(QSize(*metrics.BACK_ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            set_button_text(self.back_button, self.tr("Back"))
        elif event.type() == QEvent.Type.LayoutDirectionChange:
            self._point_back()
