"""Message: the People to People text and its numbered principles, scrollable by touch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from kiosk.service import KioskService
from ui.screens.base import ReadingScreen, centered_column, nth
from ui.widgets import metrics
from ui.widgets.layouts import hbox
from ui.widgets.qr_view import QrView
from ui.widgets.text import badge_label


class MessageScreen(ReadingScreen):
    """Title, subtitle, paragraphs, one card per principle, and the page's QR code if it has one."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, lambda: self.tr("The message"), parent)
        self.setObjectName("messageScreen")
        content = self.content
        column = centered_column(self.body)

        column.addWidget(self.live_label(lambda: self.content.title, "h1"))
        subtitle = self.live_label(lambda: self.content.subtitle, "lead")
        subtitle.setObjectName("accentLead")
        column.addWidget(subtitle)
        column.addSpacing(metrics.SECTION_GAP_SMALL)
        self.paragraph_labels: list[QLabel] = []
        for index in range(len(content.paragraphs)):
            label = self.live_label(nth(lambda: self.content.paragraphs, index), "body")
            label.setObjectName("readingText")
            self.paragraph_labels.append(label)
            column.addWidget(label)

        column.addSpacing(metrics.SECTION_GAP_LARGE)
        self.principle_cards: list[QFrame] = []
        for index in range(len(content.principles)):
            card = QFrame()
            card.setObjectName("principleCard")
            row = hbox(card, margins=metrics.PRINCIPLE_CARD_MARGINS, spacing=metrics.CARD_SPACING)
            badge = badge_label(str(index + 1), "h2", metrics.NUMBER_BADGE_SIZE, card)
            badge.setObjectName("numberBadge")
            row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
            principle = nth(lambda: self.content.principles, index)
            row.addWidget(self.live_label(principle, "lead", card), 1)
            self.principle_cards.append(card)
            column.addWidget(card)

        self.page_qr: QrView | None = None
        if content.link:
            column.addSpacing(metrics.SECTION_GAP_LARGE)
            self.page_qr = QrView(
                content.link,
                self.tr("Read this page on your phone"),
                side=metrics.MESSAGE_QR_SIDE,
            )
            self.page_qr.setMinimumWidth(metrics.MESSAGE_QR_WIDTH)
            # In a row, as on the resources' detail, so the address wraps under the code.
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.page_qr, 0, Qt.AlignmentFlag.AlignTop)
            row.addStretch(1)
            column.addLayout(row)

        column.addSpacing(metrics.SECTION_GAP_XLARGE)
        column.addWidget(self.live_label(lambda: self.content.disclaimer, "small"))
        self.body.addStretch(1)

    def on_enter(self) -> None:
        super().on_enter()
        self.scroll_area.scroll_to_top()
