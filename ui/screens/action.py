"""Take action: the content's calls to action; the pledge leads into the sign-up, ticked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content import CallToAction
from kiosk.service import KioskService
from ui.screens.base import ReadingScreen, Route, centered_column
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.qr_view import QrView
from ui.widgets.text import badge_label, text_label


class ActionScreen(ReadingScreen):
    """One card per call to action, each with what the attendee can do about it here."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, QCoreApplication.translate("ActionScreen", "Take action"), parent)
        self.setObjectName("actionScreen")
        content = service.content
        body = self.body
        column = centered_column(body, metrics.ACTION_WIDTH, spacing=metrics.ACTION_SPACING)
        column.addWidget(text_label(self.tr("What you can do"), "h1"))

        self.pledge_buttons: list[QPushButton] = []
        self.qr_views: list[QrView] = []
        for number, action in enumerate(content.calls_to_action, start=1):
            column.addWidget(self._action_card(number, action))
        column.addSpacing(metrics.SECTION_GAP_SMALL)
        column.addWidget(text_label(content.disclaimer, "small"))
        body.addStretch(1)

    def _action_card(self, number: int, action: CallToAction) -> QFrame:
        card = QFrame()
        card.setObjectName("actionCard")
        card.setProperty("pledge", action.pledge)
        row = QHBoxLayout(card)
        row.setContentsMargins(*metrics.ACTION_CARD_MARGINS)
        row.setSpacing(metrics.ACTION_CARD_SPACING)
        text = QVBoxLayout()
        text.setSpacing(metrics.ACTION_TEXT_SPACING)
        badge = badge_label(str(number), "h2", metrics.NUMBER_BADGE_SIZE, card)
        badge.setObjectName("numberBadge")
        row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        label = text_label(action.text, "lead", card)
        label.setObjectName("actionText")
        text.addWidget(label)
        buttons = QHBoxLayout()
        buttons.setSpacing(metrics.ACTION_BUTTON_SPACING)
        if action.pledge:
            pledge = kiosk_button(self.tr("Add my name to the pledge"), "accent", parent=card)
            pledge.setObjectName("pledgeButton")
            pledge.clicked.connect(lambda: self.navigate.emit(Route.JOIN_PLEDGE))
            self.pledge_buttons.append(pledge)
            buttons.addWidget(pledge)
        elif not action.link:
            more = kiosk_button(self.tr("See the resources"), "secondary", parent=card)
            more.clicked.connect(lambda: self.navigate.emit(Route.RESOURCES))
            buttons.addWidget(more)
        buttons.addStretch(1)
        text.addLayout(buttons)
        row.addLayout(text, 1)
        if action.link:
            qr = QrView(
                action.link,
                self.tr("Scan with your phone"),
                side=metrics.ACTION_QR_SIDE,
                parent=card,
            )
            self.qr_views.append(qr)
            row.addWidget(qr, 0, Qt.AlignmentFlag.AlignTop)
        return card

    def on_enter(self) -> None:
        super().on_enter()
        self.scroll_area.scroll_to_top()
