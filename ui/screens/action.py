"""Take action: the content's calls to action; the pledge leads into the sign-up, ticked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content import CallToAction
from kiosk.service import KioskService
from ui.screens.base import ReadingScreen, Route, centered_column
from ui.widgets import metrics
from ui.widgets.direction import mirror_style
from ui.widgets.layouts import hbox
from ui.widgets.qr_view import QrView
from ui.widgets.text import badge_label


class ActionScreen(ReadingScreen):
    """One card per call to action, each with what the attendee can do about it here."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, lambda: self.tr("Take action"), parent)
        self.setObjectName("actionScreen")
        body = self.body
        column = centered_column(body, metrics.ACTION_WIDTH, spacing=metrics.ACTION_SPACING)
        column.addWidget(self.live_label(lambda: self.tr("What you can do"), "h1"))

        self.pledge_buttons: list[QPushButton] = []
        self.qr_views: list[QrView] = []
        for index, action in enumerate(self.content.calls_to_action):
            column.addWidget(self._action_card(index, action))
        column.addSpacing(metrics.SECTION_GAP_SMALL)
        column.addWidget(self.live_label(lambda: self.content.disclaimer, "small"))
        body.addStretch(1)

    def _action_card(self, index: int, action: CallToAction) -> QFrame:
        """Call to action ``index``: its number, its words, and what to do about it here.

        Which buttons and codes it has comes from ``action``; every language
        has the same ones (pledges and links are set once, in the content's
        own language), so only the words are read again at a language change.
        """
        card = QFrame()
        card.setObjectName("actionCard")
        card.setProperty("pledge", action.pledge)
        mirror_style(card)
        row = hbox(card, margins=metrics.ACTION_CARD_MARGINS, spacing=metrics.ACTION_CARD_SPACING)
        text = QVBoxLayout()
        text.setSpacing(metrics.ACTION_TEXT_SPACING)
        badge = badge_label(str(index + 1), "h2", metrics.NUMBER_BADGE_SIZE, card)
        badge.setObjectName("numberBadge")
        row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        label = self.live_label(lambda: self.content.calls_to_action[index].text, "lead", card)
        label.setObjectName("actionText")
        text.addWidget(label)
        buttons = QHBoxLayout()
        buttons.setSpacing(metrics.ACTION_BUTTON_SPACING)
        if action.pledge:
            pledge = self.live_button(
                lambda: self.tr("Add my name to the pledge"),
                "accent",
                name="pledgeButton",
                parent=card,
            )
            pledge.clicked.connect(lambda: self.navigate.emit(Route.JOIN_PLEDGE))
            self.pledge_buttons.append(pledge)
            buttons.addWidget(pledge)
        elif not action.link:
            more = self.live_button(lambda: self.tr("See the resources"), "secondary", parent=card)
            more.clicked.connect(lambda: self.navigate.emit(Route.RESOURCES))
            buttons.addWidget(more)
        buttons.addStretch(1)
        text.addLayout(buttons)
        row.addLayout(text, 1)
        if action.link:
            qr = QrView(action.link, side=metrics.ACTION_QR_SIDE, parent=card)
            self.texts.bind(qr.set_caption, lambda: self.tr("Scan with your phone"))
            self.qr_views.append(qr)
            row.addWidget(qr, 0, Qt.AlignmentFlag.AlignTop)
        return card

    def on_enter(self) -> None:
        super().on_enter()
        self.scroll_area.scroll_to_top()
