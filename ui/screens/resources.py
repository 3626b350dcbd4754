"""Resources: the list of articles, and a detail view with the summary and a QR code.

A QR code is shown only when the content gives the resource a link; no
address is ever invented.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QStackedWidget,
    QWidget,
)

from kiosk.content import Resource
from kiosk.service import KioskService
from ui.screens.base import Route, Screen, centered_column
from ui.widgets import metrics
from ui.widgets.announce import announce
from ui.widgets.header import ScreenHeader
from ui.widgets.layouts import clear_layout, hbox, vbox
from ui.widgets.nav_card import NavCard
from ui.widgets.qr_view import QrView
from ui.widgets.scroll import TouchScrollArea
from ui.widgets.text import text_label


class ResourcesScreen(Screen):
    """A grid of resource cards; tapping one opens its detail inside this screen."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        self.setObjectName("resourcesScreen")
        layout = vbox(self, spacing=metrics.NO_SPACING)
        self.header = ScreenHeader(with_join=True, parent=self)
        self.texts.bind(self.header.set_title, lambda: self.tr("Resources"))
        self.texts.bind(self.header.set_join_label, lambda: self.tr("Sign up"))
        self.header.back_clicked.connect(self._on_back)
        self.header.join_clicked.connect(lambda: self.navigate.emit(Route.JOIN))
        self.display_button = self.header.display_button
        self.display_button.clicked.connect(self.display_requested)
        self.texts.bind(self.setAccessibleName, lambda: self.tr("Resources"))
        layout.addWidget(self.header)

        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)

        self.list_scroll = TouchScrollArea(self)
        body = self.list_scroll.body_layout
        body.setContentsMargins(*metrics.READING_MARGINS)
        column = centered_column(body, metrics.RESOURCES_WIDTH, spacing=metrics.RESOURCES_SPACING)
        column.addWidget(self.live_label(lambda: self.tr("Read more on your phone"), "h1"))
        column.addWidget(
            self.live_label(lambda: self.tr("Tap a title to see what it is about."), "lead")
        )
        grid = QGridLayout()
        grid.setSpacing(metrics.CARD_SPACING)
        self.cards: list[NavCard] = []
        for index in range(len(self.resources)):
            card = self._resource_card(index)
            card.setMinimumHeight(metrics.RESOURCE_CARD_HEIGHT)
            card.clicked.connect(lambda _=False, i=index: self.show_detail(i))
            grid.addWidget(card, index // 2, index % 2)
            self.cards.append(card)
        column.addLayout(grid)
        body.addStretch(1)
        self.pages.addWidget(self.list_scroll)

        self.detail_scroll = TouchScrollArea(self)
        self.detail_scroll.body_layout.setContentsMargins(*metrics.READING_MARGINS)
        self.pages.addWidget(self.detail_scroll)
        self.detail: ResourceDetail | None = None
        self.detail_index: int | None = None

    def _resource_card(self, index: int) -> NavCard:
        """Resource ``index``'s card: its title, and its source (or "Article")."""
        card = NavCard("", "", tone="plain")
        self.texts.bind(card.set_title, lambda: self.resources[index].title)
        self.texts.bind(card.set_detail, lambda: self.resources[index].source or self.tr("Article"))
        return card

    @property
    def resources(self) -> tuple[Resource, ...]:
        """The content's resources, in the attendee's language."""
        return self.content.resources

    def retranslate(self) -> None:
        super().retranslate()
        if self.detail_index is not None:
            self.show_detail(self.detail_index)

    def show_detail(self, index: int) -> None:
        """Open the detail view of resource ``index``."""
        resource = self.resources[index]
        layout = self.detail_scroll.body_layout
        clear_layout(layout)
        self.detail = ResourceDetail(resource, self.detail_scroll.body)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.detail_index = index
        self.pages.setCurrentWidget(self.detail_scroll)
        self.detail_scroll.scroll_to_top()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.detail, resource.title)

    def show_list(self) -> None:
        """Back to the list of resources."""
        self.detail_index = None
        self.pages.setCurrentWidget(self.list_scroll)

    def is_showing_detail(self) -> bool:
        """Whether a resource's detail view is open."""
        return self.pages.currentWidget() is self.detail_scroll

    def _on_back(self) -> None:
        if self.is_showing_detail():
            self.show_list()
        else:
            self.navigate.emit(Route.BACK)

    def on_enter(self) -> None:
        super().on_enter()
        self.show_list()
        self.list_scroll.scroll_to_top()

    def on_leave(self) -> None:
        self.show_list()

    def take_over_from(self, old: Screen) -> None:
        self.on_enter()
        if isinstance(old, ResourcesScreen) and old.detail_index is not None:
            self.show_detail(old.detail_index)


class ResourceDetail(QWidget):
    """One resource: title, source, summary, and a QR code for its link when it has one.

    Made for one resource in one language: the resources screen makes it again
    when the language changes.
    """

    def __init__(self, resource: Resource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resourceDetail")
        self.resource = resource
        row = hbox(self, spacing=metrics.RESOURCE_DETAIL_SPACING)
        text_holder = QWidget(self)
        text_holder.setMaximumWidth(metrics.RESOURCE_TEXT_WIDTH)
        text = vbox(text_holder, spacing=metrics.RESOURCE_TEXT_SPACING)
        if resource.source:
            source = text_label(resource.source, "eyebrow", text_holder)
            source.setObjectName("resourceSource")
            text.addWidget(source)
        self.title_label = text_label(resource.title, "h1", text_holder)
        text.addWidget(self.title_label)
        self.summary_label = text_label(resource.summary, "lead", text_holder)
        self.summary_label.setObjectName("readingText")
        text.addWidget(self.summary_label)
        text.addStretch(1)
        row.addWidget(text_holder, 1)
        self.qr: QrView | None = None
        if resource.link:
            self.qr = QrView(
                resource.link,
                self.tr("Scan to read it on your phone"),
                side=metrics.RESOURCE_QR_SIDE,
                parent=self,
            )
            row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        else:
            row.addStretch(0)
