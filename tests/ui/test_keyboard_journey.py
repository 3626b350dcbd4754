"""The whole attendee journey with a keyboard alone (WCAG 2.1.1), through the kiosk's window.

Tab, Shift+Tab, Enter, Space and the arrow keys only: sent to the window's
``QWindow`` as a keyboard plugged into the kiosk delivers it (``window_input``),
and once more as pytest-qt sends them, straight to the focused widget (a
widget-level test can pass while the real window fails). Attract, home, the
message (scrolled with the arrows), resources and one resource's detail,
taking action, the sign-up with a mistyped email taken from its suggestion
and a mistake corrected, thank you; it ends where a person would check: the
row in SQLite. On the way, every focused control is on screen and uncovered,
focus follows the reading order, never gets stuck, and lands on each new screen.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.signup import WlfChoice
from tests.ui.conftest import Booth
from tests.ui.window_input import NO_MODIFIER
from ui.screens.base import Screen

TAB, BACKTAB = Qt.Key.Key_Tab, Qt.Key.Key_Backtab
ENTER, SPACE = Qt.Key.Key_Return, Qt.Key.Key_Space
MAX_TABS = 40


class _KeysToWidgets:
    """pytest-qt's way: each key straight to the widget with focus (no window system)."""

    def __init__(self, qtbot: QtBot) -> None:
        self._qtbot = qtbot

    def press_key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        self._qtbot.keyClick(_focused(), key, modifier)

    def type_keys(self, text: str) -> None:
        self._qtbot.keyClicks(_focused(), text)


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "focus went nowhere"
    return widget


def _seen(booth: Booth) -> QWidget:
    """The focused control, checked visible: shown, on screen, not under anything."""
    widget = _focused()
    if not isinstance(widget, Screen):
        booth.user.point(widget)  # fails when covered, hidden or scrolled away
    return widget


def _tab_to(booth: Booth, target: QWidget, key: Qt.Key = TAB, keys: Any = None) -> list[QWidget]:
    """Press Tab (or Shift+Tab) until ``target`` has focus; return every control passed."""
    passed: list[QWidget] = []
    for _ in range(MAX_TABS):
        if _focused() is target:
            return passed
        (keys or booth.user).press_key(key)
        passed.append(_seen(booth))
    raise AssertionError(f"{MAX_TABS} presses never reached {target.objectName()!r}: {passed}")


def _arrives(booth: Booth, route: str) -> Screen:
    """The kiosk shows ``route``, and focus is on it (or, on the form, its first field)."""
    window = booth.window
    assert window.current == route
    screen = window.screen_named(route)
    assert isinstance(screen, Screen)
    focus = _focused()
    assert focus is screen or screen.isAncestorOf(focus), f"focus stayed on {focus!r}"
    return screen


def _signups(booth: Booth) -> list[sqlite3.Row]:
    with sqlite3.connect(booth.service.store.db_path) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute("SELECT * FROM signups").fetchall()


@pytest.mark.parametrize("keys", ["through the window", "to the widget"])
def test_the_whole_journey_by_keyboard_ends_with_the_sign_up_stored(
    qtbot: QtBot, booth: Booth, keys: str
) -> None:
    window = booth.window
    user: Any = booth.user if keys == "through the window" else _KeysToWidgets(qtbot)

    # Attract: Enter starts.
    user.press_key(ENTER)
    home = window.home
    _arrives(booth, "home")
    # Home, in reading order: the corner's languages (one stop, the chosen one: the
    # arrows move among them, as among radio buttons) and Display, then the four
    # cards row by row.
    passed = _tab_to(booth, home.join_card, keys=user)
    assert home.language_bar is not None
    chosen = home.language_bar.buttons()[booth.service.language]
    cards = [home.message_card, home.resources_card, home.action_card, home.join_card]
    assert passed == [chosen, home.display_button, *cards]
    _tab_to(booth, home.message_card, BACKTAB, keys=user)
    user.press_key(ENTER)

    # The message: Tab reaches the page, and the arrow keys scroll it.
    message = _arrives(booth, "message")
    page = window.message.scroll_area
    _tab_to(booth, page, keys=user)
    bar = page.verticalScrollBar()
    for _ in range(5):
        user.press_key(Qt.Key.Key_Down)
    assert bar.value() > 0, "the arrows do not scroll the message"
    _tab_to(booth, window.message.header.back_button, BACKTAB, keys=user)
    user.press_key(ENTER)
    assert message.isHidden()

    # Resources, a resource's detail, and back to the list, then home.
    _arrives(booth, "home")
    _tab_to(booth, home.resources_card, keys=user)
    user.press_key(SPACE)
    resources = window.resources
    _arrives(booth, "resources")
    _tab_to(booth, resources.cards[1], keys=user)
    user.press_key(ENTER)
    assert resources.is_showing_detail() and resources.detail_index == 1
    _tab_to(booth, resources.header.back_button, keys=user)
    user.press_key(ENTER)
    assert not resources.is_showing_detail()
    user.press_key(ENTER)  # Back again: home
    _arrives(booth, "home")

    # Take action: the pledge leads into the form, ticked.
    _tab_to(booth, home.action_card, keys=user)
    user.press_key(ENTER)
    _arrives(booth, "action")
    _tab_to(booth, window.action.pledge_buttons[0], keys=user)
    user.press_key(SPACE)
    join = window.join
    _arrives(booth, "join")
    assert join.first_name.edit.hasFocus() and join.pledge.isChecked()

    # The form: names, a mistyped email and its suggestion, an answer by the arrows.
    user.type_keys("Dana")
    user.press_key(TAB)
    user.type_keys("Levi")
    user.press_key(TAB)
    user.type_keys("dana.levi@gmail.con")
    user.press_key(TAB)  # leaving the field checks it
    assert join.phone.edit.hasFocus()
    qtbot.waitUntil(join.suggestion_button.isVisible, timeout=2000)
    user.press_key(BACKTAB)
    assert join.suggestion_button.hasFocus()
    user.press_key(ENTER)
    assert join.email.text() == "dana.levi@gmail.com" and join.email.edit.hasFocus()
    first_answer = join.choice_rows[WlfChoice.MEMBER].button
    _tab_to(booth, first_answer, keys=user)
    user.press_key(Qt.Key.Key_Down)
    assert join.choice_rows[WlfChoice.UPDATES].isChecked()

    # Sign up without the consent: the mistake is said, and focus goes to it.
    _tab_to(booth, join.submit_button, keys=user)
    user.press_key(ENTER)
    assert window.current == "join" and not _signups(booth)
    assert join.consent_error.isVisible()
    assert _seen(booth) is join.consent.button
    user.press_key(SPACE)
    _tab_to(booth, join.submit_button, keys=user)
    user.press_key(ENTER)

    # Thank you, then Done by the keyboard too.
    _arrives(booth, "thank_you")
    rows = _signups(booth)
    assert len(rows) == 1
    row = rows[0]
    assert (row["first_name"], row["last_name"]) == ("Dana", "Levi")
    assert row["email"] == "dana.levi@gmail.com"
    assert row["wlf_choice"] == "updates"
    assert row["contact_consent"] and row["advocacy_pledge"]
    _tab_to(booth, window.thank_you.done_button, keys=user)
    user.press_key(ENTER)
    assert window.current == "attract"


def test_tab_goes_round_every_screen_and_shift_tab_goes_back_the_same_way(
    qtbot: QtBot, booth: Booth
) -> None:
    window = booth.window
    for route in ("home", "message", "resources", "action", "join", "thank_you"):
        window.go(route)
        start = _seen_after(booth, TAB)
        loop = [start]
        for _ in range(MAX_TABS):
            following = _seen_after(booth, TAB)
            if following is start:
                break
            loop.append(following)
        else:
            raise AssertionError(f"{route}: Tab never came back round to {start!r}")
        backward = [_seen_after(booth, BACKTAB) for _ in loop]
        assert backward == [*reversed(loop[1:]), start], f"{route}: Shift+Tab goes elsewhere"


def _seen_after(booth: Booth, key: Qt.Key) -> QWidget:
    booth.user.press_key(key)
    return _seen(booth)


def test_right_to_left_tab_still_reads_in_order_from_the_right(qtbot: QtBot, booth: Booth) -> None:
    window = booth.window
    window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    window.go("home")
    home = window.home
    _tab_to(booth, home.message_card)
    _tab_to(booth, home.resources_card)
    message_x = home.message_card.mapTo(window, home.message_card.rect().center()).x()
    resources_x = home.resources_card.mapTo(window, home.resources_card.rect().center()).x()
    assert message_x > resources_x  # read first, on the right


def test_the_display_choices_by_keyboard(qtbot: QtBot, booth: Booth) -> None:
    window, user = booth.window, booth.user
    window.go("home")
    _tab_to(booth, window.home.display_button)
    user.press_key(ENTER)
    panel = window.display_panel
    assert panel.isVisible() and panel.size_rows[100].button.hasFocus()
    user.press_key(Qt.Key.Key_Down)  # the next size
    qtbot.waitUntil(lambda: booth.service.display.text_size == 125, timeout=2000)
    qtbot.waitUntil(lambda: window.display_panel.size_rows[125].button.hasFocus(), timeout=2000)
    user.press_key(Qt.Key.Key_Escape)
    assert not window.display_panel.isVisible()
    assert window.home.display_button.hasFocus()
