"""Every attendee screen in every language, at the booth's two screen sizes: nothing cut off,
nothing on top of anything else, and in Hebrew and Arabic everything really mirrored.

Each kiosk here has the language under test as its default, so the screens stay in it on
every way through them (back on attract included), as at a booth set up for that language.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.service import KioskService
from kiosk.signup import WlfChoice
from tests.factories import MakeService
from tests.ui.conftest import MakeWindow
from tests.ui.layout import (
    clipped_texts,
    ink_columns,
    is_flush_with,
    overlaps,
    settle,
    unmirrored_rows,
)
from ui.app import create_app
from ui.language import use_language
from ui.main_window import MainWindow
from ui.widgets import metrics, palette
from ui.widgets.icons import glyph_icon
from ui.widgets.nav_card import NavCard
from ui.widgets.text import text_label

LANGUAGES = ("en", "es", "he", "ar")
RIGHT_TO_LEFT = ("he", "ar")
SIZES = ((1280, 800), (1920, 1080))
ACCENT_BARS = {"primary": "#1d4e89", "accent": "#a63d2a", "plain": "#1d4e89"}
"""The colour of each kind of card's accent bar (assets/styles/kiosk.qss)."""


def open_kiosk(
    make_service: MakeService, make_window: MakeWindow, language: str, size: tuple[int, int]
) -> MainWindow:
    """A shown kiosk whose default language is ``language``, keyboard on, at ``size``."""
    service = make_service()
    service.set_languages([lang.code for lang in service.languages], language)
    window = make_window(service, show_keyboard=True)
    window.resize(*size)
    settle()
    assert window.service.language == language
    return window


def _fill_wrongly(window: MainWindow) -> None:
    join = window.join
    join.first_name.edit.setText("Dana")
    join.email.edit.setText("dana.levi@gmail.con")
    join.phone.edit.setText("555-01")
    join.submit()


def _sign_up(window: MainWindow) -> None:
    join = window.join
    join.first_name.edit.setText("Dana")
    join.last_name.edit.setText("Levi")
    join.email.edit.setText("dana@example.org")
    join.choice_rows[WlfChoice.MEMBER].setChecked(True)
    join.consent.setChecked(True)
    join.pledge.setChecked(True)
    join.submit()
    assert window.current == "thank_you"


def attendee_screens(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Show each attendee screen in turn; yield its name and what to check on it."""

    def show(route: str) -> Callable[[], QWidget]:
        def stage() -> QWidget:
            window.go(route)
            return window.screen_named(route)

        return stage

    def detail() -> QWidget:
        window.go("resources")
        window.resources.show_detail(0)
        return window.resources

    def join_errors() -> QWidget:
        window.go("join")
        _fill_wrongly(window)
        return window.join

    def thank_you() -> QWidget:
        window.go("home")  # leaving the form clears it
        window.go("join")
        _sign_up(window)
        return window.thank_you

    def idle_warning() -> QWidget:
        window.go("home")
        window.overlay.start()
        window.overlay.freeze()
        return window.overlay.card

    stages: list[tuple[str, Callable[[], QWidget]]] = [
        ("attract", show("attract")),
        ("home", show("home")),
        ("message", show("message")),
        ("resources", show("resources")),
        ("resource_detail", detail),
        ("action", show("action")),
        ("join", show("join")),
        ("join_errors", join_errors),
        ("thank_you", thank_you),
        ("idle_countdown", idle_warning),
    ]
    for name, stage in stages:
        window.overlay.cancel()
        screen = stage()
        settle()
        yield name, screen


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_attendee_screen_fits_and_runs_in_its_direction(
    make_service: MakeService, make_window: MakeWindow, language: str, size: tuple[int, int]
) -> None:
    window = open_kiosk(make_service, make_window, language, size)
    problems = []
    for name, screen in attendee_screens(window):
        found = clipped_texts(window, screen) + overlaps(window, screen)
        found += unmirrored_rows(window, screen)
        problems += [f"{name}: {problem}" for problem in found]
    assert not problems, "\n".join(problems)


# What mirrors beyond the rows ----------------------------------------------------------


def _x(window: QWidget, widget: QWidget) -> int:
    return widget.mapTo(window, QPoint(0, 0)).x()


def _bar_side(card: QWidget) -> str:
    """Which side of ``card`` its accent bar is on: "left", "right", or "" for none."""
    image = card.grab().toImage()
    middle = image.height() // 2
    colour = QColor(ACCENT_BARS.get(str(card.property("tone")), "#a63d2a"))
    sides = {
        "left": image.pixelColor(3, middle),
        "right": image.pixelColor(image.width() - 4, middle),
    }
    found = [side for side, pixel in sides.items() if pixel == colour]
    return found[0] if len(found) == 1 else ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_accent_bars_and_borders_sit_on_the_leading_side(
    make_service: MakeService, make_window: MakeWindow, language: str
) -> None:
    window = open_kiosk(make_service, make_window, language, SIZES[0])
    leading, trailing = ("right", "left") if language in RIGHT_TO_LEFT else ("left", "right")
    for route in ("home", "resources"):
        window.go(route)
        settle()
        cards = [c for c in window.screen_named(route).findChildren(NavCard) if c.isVisible()]
        assert cards and all(_bar_side(card) == leading for card in cards), route
    window.go("action")
    settle()
    pledge = next(
        c for c in window.action.findChildren(QWidget, "actionCard") if c.property("pledge")
    )
    assert _bar_side(pledge) == leading
    window.go("join")
    settle()
    # The invitation's 1 px rule faces the form: on its trailing side. The other sides
    # keep the room of the focus indicator (a wider border, transparent until focused).
    invitation = window.join.invitation_scroll
    picture = invitation.grab().toImage()
    middle = picture.height() // 2
    edge = {
        "left": picture.pixelColor(0, middle),
        "right": picture.pixelColor(picture.width() - 1, middle),
    }
    rule = QColor(palette.current().line)
    assert edge[trailing] == rule and edge[leading] != rule


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_back_arrows_badges_choices_and_scroll_bars_are_mirrored(
    make_service: MakeService, make_window: MakeWindow, language: str
) -> None:
    window = open_kiosk(make_service, make_window, language, SIZES[0])
    middle = window.width() // 2
    window.go("message")
    settle()
    header = window.message.header
    assert header.join_button is not None
    assert _x(window, header.back_button) > middle > _x(window, header.join_button)
    # Back points the way back goes: to the right.
    right = glyph_icon("›", palette.current().primary, metrics.BACK_ICON_SIZE)
    assert header.back_button.icon().pixmap(16).toImage() == right.pixmap(16).toImage()
    card = window.message.principle_cards[0]
    badge, text = card.findChild(QLabel, "numberBadge"), card.findChildren(QLabel)[-1]
    assert badge is not None and _x(window, badge) > _x(window, text)
    _assert_scroll_bar_on_the_left(window, window.message.scroll_area)

    window.go("home")
    settle()
    home = window.home
    assert _x(window, home.message_card) > _x(window, home.resources_card)
    assert home.message_card.arrow.text() == "‹"  # forward, to the left
    bar = home.language_bar
    assert bar is not None and _x(window, bar) < middle  # the row's trailing end

    window.go("join")
    settle()
    join = window.join
    assert _x(window, join.invitation_scroll) > middle > _x(window, join.form_card)
    assert _x(window, join.first_name) > _x(window, join.last_name)
    assert _x(window, join.phone) > _x(window, join.postal_code)
    for row in (*join.choice_rows.values(), join.consent):
        assert _x(window, row.button) > _x(window, row.label), row.text()


def _assert_scroll_bar_on_the_left(window: QWidget, area: QScrollArea) -> None:
    bar = area.verticalScrollBar()
    assert bar.isVisible()
    assert _x(window, bar) < _x(window, area.viewport())


@pytest.mark.parametrize("language", ["en", "he", "ar"])
def test_text_starts_on_the_leading_side(
    make_service: MakeService, make_window: MakeWindow, language: str
) -> None:
    window = open_kiosk(make_service, make_window, language, SIZES[0])
    edge = Qt.AlignmentFlag.AlignRight if language in RIGHT_TO_LEFT else Qt.AlignmentFlag.AlignLeft
    window.go("message")
    settle()
    labels: list[QLabel] = [*window.message.paragraph_labels]
    window.go("resources")
    settle()
    # A source's name stays as published (in Latin letters) and still lines up with its title.
    labels += [
        label for card in window.resources.cards for label in (card.title_label, card.detail_label)
    ]
    unaligned = [label.text()[:30] for label in labels if not is_flush_with(label, edge, 4)]
    assert not unaligned


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_every_line_of_a_wrapped_paragraph_starts_at_the_right_edge(
    qtbot: QtBot, service: KioskService, language: str
) -> None:
    """Qt's own label would set each wrapped line a space in and cut its last letter off."""
    create_app()  # the kiosk's stylesheet: the type scale
    use_language(language)
    paragraph = service.content.in_language(language).paragraphs[0]
    label = text_label(paragraph, "h1")
    qtbot.addWidget(label)
    label.ensurePolished()
    label.setFixedWidth(420)
    label.setFixedHeight(label.heightForWidth(420))
    label.show()
    settle()
    assert label.isRightToLeft()
    bands = _line_bands(label)
    assert len(bands) >= 3
    for band in bands:
        ink = ink_columns(label, band)
        assert ink is not None and ink[0] >= 0 and label.width() - 1 - ink[1] <= 4, (band, ink)


def _line_bands(label: QLabel) -> list[range]:
    """The rows each line of ``label``'s text takes, as Qt breaks it at the label's width."""
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    top = 0.0
    bands = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.width())
        top = math.ceil(top + label.fontMetrics().leading())
        bands.append(range(int(top) + 2, int(top + line.height()) - 2))
        top += line.height()
    layout.endLayout()
    return bands


def test_the_language_buttons_keep_clear_of_the_staff_corner_when_mirrored(
    make_service: MakeService, make_window: MakeWindow
) -> None:
    """Right to left, the buttons end up on the left, where the staff corner is held."""
    window = open_kiosk(make_service, make_window, "he", SIZES[0])
    corner = QRect(window.hot_corner.geometry())
    for size in SIZES:
        window.resize(*size)
        for route in ("attract", "home"):
            window.go(route)
            settle()
            bar = window.screen_named(route).language_bar  # type: ignore[attr-defined]
            assert bar.isVisible() and bar.isRightToLeft()
            for button in bar.buttons().values():
                rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
                assert not rect.intersects(corner), (size, route)
