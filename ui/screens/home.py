"""Home: the four ways in — the message, resources, taking action, joining the WLF.

The languages the kiosk offers sit at the top, as on attract.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.service import KioskService
from ui.screens.base import Route, Screen
from ui.widgets import metrics
from ui.widgets.layouts import vbox
from ui.widgets.nav_card import NavCard
from ui.widgets.scroll import TouchScrollArea


class HomeScreen(Screen):
    """The languages, a welcoming title and four large cards."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        self.setObjectName("homeScreen")
        self.texts.bind(self.setAccessibleName, lambda: self.content.title)
        outer = vbox(self)
        # The cards share the screen's height; with larger text they need more, and scroll.
        self.scroll_area = TouchScrollArea(self)
        outer.addWidget(self.scroll_area)
        layout = self.scroll_area.body_layout
        layout.setContentsMargins(*metrics.HOME_MARGINS)
        layout.setSpacing(metrics.HOME_SPACING)
        self._add_top_controls(layout, languages=True)

        self.title_label = self.live_label(lambda: self.content.title, "h1", self)
        self.subtitle_label = self.live_label(lambda: self.content.subtitle, "lead", self)
        self.subtitle_label.setObjectName("homeSubtitle")
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        layout.addSpacing(metrics.HOME_GAP_AFTER_TITLES)

        self.message_card = NavCard("", "", tone="primary", parent=self)
        self.texts.bind(self.message_card.set_title, lambda: self.content.title)
        self.texts.bind(self.message_card.set_detail, lambda: self.content.subtitle)
        self.resources_card = NavCard("", "", tone="primary", parent=self)
        self.texts.bind(self.resources_card.set_title, lambda: self.tr("Resources"))
        self.texts.bind(
            self.resources_card.set_detail,
            lambda: self.tr("Articles and papers to read on your phone"),
        )
        self.action_card = NavCard("", "", tone="primary", parent=self)
        self.texts.bind(self.action_card.set_title, lambda: self.tr("Take action"))
        self.texts.bind(
            self.action_card.set_detail, lambda: self.tr("What you can do, starting today")
        )
        self.join_card = NavCard("", "", tone="accent", parent=self)
        self.texts.bind(self.join_card.set_title, lambda: self.content.wlf.heading)
        self.texts.bind(self.join_card.set_detail, lambda: self.content.wlf.membership_free)
        grid = QGridLayout()
        grid.setSpacing(metrics.HOME_CARD_SPACING)
        grid.addWidget(self.message_card, 0, 0)
        grid.addWidget(self.resources_card, 0, 1)
        grid.addWidget(self.action_card, 1, 0)
        grid.addWidget(self.join_card, 1, 1)
        layout.addLayout(grid, 1)

        layout.addSpacing(metrics.SECTION_GAP_LARGE)
        self.disclaimer = self.live_label(lambda: self.content.disclaimer, "small", self)
        self.disclaimer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.disclaimer)

        for card, route in (
            (self.message_card, Route.MESSAGE),
            (self.resources_card, Route.RESOURCES),
            (self.action_card, Route.ACTION),
            (self.join_card, Route.JOIN),
        ):
            card.clicked.connect(lambda _=False, r=route: self.navigate.emit(r))
        QWidget.setTabOrder(self.display_button, self.message_card)
        QWidget.setTabOrder(self.message_card, self.resources_card)
        QWidget.setTabOrder(self.resources_card, self.action_card)
        QWidget.setTabOrder(self.action_card, self.join_card)

    def on_enter(self) -> None:
        super().on_enter()
        self.scroll_area.scroll_to_top()
