"""The staff pages' shared skeleton: where a one-card page's card stands, how a card ends."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.service import KioskService
from tests.factories import MakeService
from tests.ui.showing import BOOTH_SIZE, show_window
from ui.screens.staff.controls import finish_card, make_card
from ui.screens.staff.page import CardPage, Place
from ui.widgets import metrics


@pytest.fixture
def service(make_service: MakeService) -> KioskService:
    return make_service()


def _page(qtbot: QtBot, service: KioskService, place: Place) -> CardPage:
    page = CardPage(service, "TestCardPage", None, place)
    page.column.addWidget(QLabel("A line of the card", page.card))
    return show_window(qtbot, page, size=BOOTH_SIZE)


def _contents(layout: QVBoxLayout) -> list[QWidget | str]:
    """Each item of ``layout``: its widget, or "stretch"."""
    contents: list[QWidget | str] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        assert item is not None
        widget = item.widget()
        contents.append(widget if widget is not None else "stretch")
    return contents


def test_a_filling_card_takes_the_whole_page(qtbot: QtBot, service: KioskService) -> None:
    page = _page(qtbot, service, Place.FILL)
    assert page.objectName() == "TestCardPage"
    assert page.card.objectName() == "StaffCard"
    assert page.card.geometry() == page.rect()


def test_a_top_card_is_only_as_tall_as_what_it_holds(qtbot: QtBot, service: KioskService) -> None:
    page = _page(qtbot, service, Place.TOP)
    card = page.card.geometry()
    assert card.topLeft() == page.rect().topLeft()
    assert card.width() == page.width()
    assert card.height() == page.card.sizeHint().height() < page.height()


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_a_narrow_card_stands_at_the_leading_edge(
    qtbot: QtBot, service: KioskService, direction: Qt.LayoutDirection
) -> None:
    page = _page(qtbot, service, Place.NARROW_LEADING)
    page.setLayoutDirection(direction)
    qtbot.wait(1)
    card = page.card.geometry()
    assert card.width() == metrics.STAFF_EVENT_CARD_WIDTH < page.width()
    assert card.height() == page.height()
    leading_edge = (
        card.left()
        if direction == Qt.LayoutDirection.LeftToRight
        else (page.width() - card.right() - 1)
    )
    assert leading_edge == 0


def test_a_card_page_starts_with_its_title_then_its_intro(
    qtbot: QtBot, service: KioskService
) -> None:
    page = CardPage(
        service, "TestCardPage", None, Place.TOP, title="Languages", intro="Tick the ones offered."
    )
    line = QLabel("A line of the card", page.card)
    page.column.addWidget(line)
    show_window(qtbot, page, size=BOOTH_SIZE)
    title, intro, added = _contents(page.column)
    assert isinstance(title, QLabel) and isinstance(intro, QLabel)
    assert (title.text(), title.property("role")) == ("Languages", "h2")
    assert (intro.text(), intro.property("role")) == ("Tick the ones offered.", "muted")
    assert added is line
    assert title.geometry().bottom() < intro.geometry().top()
    assert intro.geometry().bottom() < line.geometry().top()


def test_a_card_page_without_a_title_starts_with_what_the_page_adds(
    qtbot: QtBot, service: KioskService
) -> None:
    page = _page(qtbot, service, Place.TOP)
    assert len(_contents(page.column)) == 1


def test_a_card_ends_with_its_button_then_its_message_line(qtbot: QtBot) -> None:
    card, layout = make_card(None, "Title", "What the card is for")
    button = QPushButton("Save")
    message = finish_card(layout, "SaveMessage", button)
    show_window(qtbot, card, size=BOOTH_SIZE)
    assert message.objectName() == "SaveMessage"
    assert message.parentWidget() is card and button.parentWidget() is card
    assert message.text() == "" and message.property("tone") == "info"
    # Title, intro, the button at the leading edge, the message, then the room left over.
    assert _contents(layout)[2:] == [button, message, "stretch"]
    button_item = layout.itemAt(2)
    assert button_item is not None
    assert button_item.alignment() == Qt.AlignmentFlag.AlignLeading
    assert button.geometry().bottom() < message.geometry().top()


def test_a_card_without_a_button_ends_with_its_message_line(qtbot: QtBot) -> None:
    card, layout = make_card(None, "Title")
    message = finish_card(layout, "DisplayMessage")
    qtbot.addWidget(card)
    assert _contents(layout)[1:] == [message, "stretch"]
