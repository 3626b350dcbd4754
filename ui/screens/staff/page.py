"""The staff screen's parts that ask the kiosk service, and the one-card page most of them are.

Every part (the PIN stage, each page of the panel, the cards that share a
page) keeps the service it asks and an object name that tests and the
stylesheet find it by: ``StaffPart``. A page that is one card (``CardPage``)
is made with the card already placed and headed by the title and intro the
page gives; the page fills it and ends it with its action button and message
line (``finish_card``), so each page says only what is its own.
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtWidgets import QWidget

from kiosk.service import KioskService
from ui.screens.staff.controls import make_card
from ui.widgets import metrics
from ui.widgets.layouts import hbox, vbox


class StaffPart(QWidget):
    """A part of the staff screen named ``name``, asking ``service`` (kept as ``_service``)."""

    def __init__(self, service: KioskService, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._service = service


class Place(Enum):
    """Where a ``CardPage``'s card stands on the page."""

    FILL = auto()
    """The whole page."""
    TOP = auto()
    """Across the top, only as tall as what it holds."""
    NARROW_LEADING = auto()
    """The page's height, ``metrics.STAFF_EVENT_CARD_WIDTH`` wide at most, at the leading edge."""


class CardPage(StaffPart):
    """A staff part that is one card (``card``), placed as ``place`` says; fill ``column``.

    The card starts with its ``title`` and an ``intro`` under it, if given (``make_card``).
    """

    def __init__(
        self,
        service: KioskService,
        name: str,
        parent: QWidget | None = None,
        place: Place = Place.FILL,
        *,
        title: str = "",
        intro: str = "",
    ) -> None:
        super().__init__(service, name, parent)
        self.card, self.column = make_card(self, title, intro)
        if place is Place.NARROW_LEADING:
            self.card.setMaximumWidth(metrics.STAFF_EVENT_CARD_WIDTH)
            row = hbox(self)
            # The card takes the width it may; the stretch after it, the rest.
            row.addWidget(self.card, 1)
            row.addStretch(0)
            return
        column = vbox(self)
        column.addWidget(self.card)
        if place is Place.TOP:
            column.addStretch(1)
