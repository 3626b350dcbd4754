"""Whole journeys at a touch-only booth, through the kiosk window as ``p2p-kiosk run`` shows it.

The kiosk runs over a prepared data folder (on-screen keyboard on, staff PIN
chosen; ``tests.booth``), full screen, and every touch goes to its ``QWindow``
as a touch screen delivers it (``window_input``). Each journey ends in what a
person would check: the row in the database, the words on the screen.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.signup import WlfChoice
from tests.booth import STAFF_PIN
from tests.ui.conftest import Booth
from ui.screens.staff.screen import StaffScreen
from ui.widgets.text import isolated


def _open_sign_up(booth: Booth) -> Any:
    """From attract, as an attendee: touch to begin, then the WLF card."""
    window, user = booth.window, booth.user
    assert window.current == "attract"
    user.tap(window.attract.start_button)
    assert window.current == "home"
    user.tap(window.home.join_card)
    assert window.current == "join"
    return window.join


def _signup_row(booth: Booth) -> sqlite3.Row:
    with sqlite3.connect(booth.service.store.db_path) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute("SELECT * FROM signups").fetchall()
    assert len(rows) == 1
    row: sqlite3.Row = rows[0]
    return row


def test_touch_only_sign_up_is_stored_exactly_as_typed(qtbot: QtBot, booth: Booth) -> None:
    user = booth.user
    join = _open_sign_up(booth)
    keyboard = join.keyboard
    assert keyboard is not None and keyboard.isVisible()

    user.tap(join.first_name.edit)
    user.type_on(keyboard, "Dana")
    user.tap(join.last_name.edit)
    user.type_on(keyboard, "Levi-Cohen")
    user.tap(join.email.edit)
    qtbot.waitUntil(lambda: keyboard.layout_name() == "email")
    user.type_on(keyboard, "dana.levi@gmial")
    user.tap_key(keyboard, "Type .com")
    # Next leaves the email field, which checks it: the typo is offered a fix.
    user.tap_key(keyboard, "Next field")
    assert join.phone.edit.hasFocus()
    qtbot.waitUntil(join.suggestion_button.isVisible)
    # The address is set apart from the sentence (isolated), to keep its own direction.
    assert join.suggestion_button.text() == f"Did you mean {isolated('dana.levi@gmail.com')}?"
    user.tap(join.suggestion_button)
    assert join.email.text() == "dana.levi@gmail.com"

    updates = join.choice_rows[WlfChoice.UPDATES]
    user.swipe_into_view(join.scroll_area, updates)
    user.tap(updates)
    user.swipe_into_view(join.scroll_area, join.consent)
    user.tap(join.consent)
    assert join.consent.isChecked()
    user.swipe_into_view(join.scroll_area, join.submit_button)
    user.tap(join.submit_button)

    assert booth.window.current == "thank_you"
    assert booth.window.thank_you.title_label.text() == f"Thank you, {isolated('Dana')}!"
    row = _signup_row(booth)
    assert (row["first_name"], row["last_name"], row["email"]) == (
        "Dana",
        "Levi-Cohen",
        "dana.levi@gmail.com",
    )
    assert row["wlf_choice"] == "updates"
    assert row["contact_consent"] == 1 and row["advocacy_pledge"] == 0
    assert row["phone"] in ("", None)


def test_staff_open_the_panel_by_touch_name_an_event_and_lock_again(
    qtbot: QtBot, open_booth: Callable[..., Booth]
) -> None:
    booth = open_booth(hold_ms=300)
    window, user = booth.window, booth.user
    corner = QPoint(10, 10)
    user.touch_down_at(corner)
    qtbot.waitUntil(lambda: window.current == "staff", timeout=3000)
    user.touch_up_at(corner)
    staff = window.staff
    assert not staff.is_unlocked()

    for digit in STAFF_PIN:
        user.tap(_pad_key(staff, f"Digit {digit}"))
    user.tap(_pad_key(staff, "OK, enter PIN"))
    assert staff.is_unlocked()

    user.tap(_named(staff, QPushButton, "StaffNavButton", page="event"))
    name = _named(staff, QLineEdit, "EventNameField")
    user.tap(name)
    qtbot.waitUntil(staff.keyboard.isVisible)
    user.type_on(staff.keyboard, "Spring Fair")
    user.tap_key(staff.keyboard, "Next field")
    user.type_on(staff.keyboard, "Boston")
    assert name.text() == "Spring Fair"
    # Next from the last field reaches Start event; the keyboard makes way for it.
    user.tap_key(staff.keyboard, "Next field")
    qtbot.waitUntil(lambda: not staff.keyboard.isVisible())
    user.tap(_named(staff, QPushButton, "StartEventButton"))
    current = booth.service.current_event()
    assert current is not None and (current.name, current.location) == ("Spring Fair", "Boston")

    user.tap(_named(staff, QPushButton, "StaffLockButton"))
    assert window.current == "attract"
    assert not staff.is_unlocked()
    assert window.close() is False


def test_an_idle_half_filled_form_is_cleared_for_the_next_person(
    qtbot: QtBot, open_booth: Callable[..., Booth]
) -> None:
    # Long enough that no pause between two taps counts as leaving, even on a busy machine.
    booth = open_booth(idle_ms=1000, countdown_s=2, countdown_tick_ms=100)
    window, user = booth.window, booth.user
    join = _open_sign_up(booth)
    keyboard = join.keyboard
    user.tap(join.first_name.edit)
    user.type_on(keyboard, "Dana")
    user.tap(join.email.edit)
    user.type_on(keyboard, "dana@")
    user.swipe_into_view(join.scroll_area, join.consent)
    user.tap(join.consent)

    qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
    assert join.first_name.text() == "Dana"  # the warning alone clears nothing
    qtbot.waitUntil(lambda: window.current == "attract", timeout=3000)

    assert window.attract.isVisible() and not keyboard.isVisible()
    assert all(field.text() == "" for field in join.fields().values())
    assert not join.consent.isChecked()
    # The next person finds a blank form, at the top, typing into the first field.
    join = _open_sign_up(booth)
    assert all(field.text() == "" for field in join.fields().values())
    assert join.scroll_area.verticalScrollBar().value() == 0
    user.type_on(keyboard, "Ann")
    assert join.first_name.text() == "Ann" and keyboard.layout_name() == "text"


@pytest.mark.parametrize(
    ("language", "first", "last", "thanks"),
    [("he", "דנה", "לוי", "תודה, {}!"), ("ar", "دانة", "ليفي", "شكرًا، {}!")],
)
def test_a_whole_sign_up_in_hebrew_or_arabic_is_kept_in_that_language(
    qtbot: QtBot,
    open_booth: Callable[..., Booth],
    language: str,
    first: str,
    last: str,
    thanks: str,
) -> None:
    booth = open_booth(countdown_s=2, countdown_tick_ms=100)
    window, user = booth.window, booth.user
    bar = window.attract.language_bar
    assert bar is not None
    user.tap(bar.buttons()[language])
    assert window.current == "attract" and window.attract.isRightToLeft()
    join = _open_sign_up(booth)
    keyboard = join.keyboard
    assert join.isRightToLeft() and join.header.title_label.text() != "Sign up"

    # The name on the attendee's own letters, which the keyboard offers first.
    user.tap(join.first_name.edit)
    assert keyboard is not None and keyboard.letter_layout() in ("hebrew", "arabic")
    user.type_on(keyboard, first)
    user.tap(join.last_name.edit)
    user.type_on(keyboard, last)
    # Arabic's taller lines put the email under the keyboard at 800 px: a swipe brings it up.
    user.swipe_into_view(join.scroll_area, join.email.edit)
    user.tap(join.email.edit)
    qtbot.waitUntil(lambda: keyboard.layout_name() == "email")
    user.type_on(keyboard, "dana.levi@example")
    user.tap_key(keyboard, "Type .org")
    user.swipe_into_view(join.scroll_area, join.consent)
    user.tap(join.consent)
    user.swipe_into_view(join.scroll_area, join.submit_button)
    user.tap(join.submit_button)

    assert window.current == "thank_you"
    assert window.thank_you.title_label.text() == thanks.format(isolated(first))
    row = _signup_row(booth)
    consent = booth.service.content.in_language(language).consent
    assert (row["first_name"], row["last_name"], row["email"]) == (
        first,
        last,
        "dana.levi@example.org",
    )
    assert row["locale"] == language
    assert row["consent_text"] == consent.text and row["consent_version"] == consent.version
    assert row["consent_version"].endswith(f"/{language}")

    # The next attendee starts in English: after Done, and after a form left idle.
    user.tap(window.thank_you.done_button)
    assert window.current == "attract" and window.service.language == "en"
    assert not window.attract.isRightToLeft()
    user.tap(bar.buttons()[language])
    join = _open_sign_up(booth)
    user.tap(join.first_name.edit)
    user.type_on(keyboard, first)
    window.set_idle_ms(300)
    qtbot.waitUntil(lambda: window.current == "attract", timeout=5000)
    assert window.service.language == "en" and not window.attract.isRightToLeft()
    assert window.attract.start_button.text() == "Touch to begin"
    assert all(field.text() == "" for field in join.fields().values())
    assert join.header.title_label.text() == "Sign up"


def _pad_key(staff: StaffScreen, name: str) -> QPushButton:
    return next(key for key in staff.pin_stage.pad.keys() if key.accessibleName() == name)


def _named(screen: Any, kind: type, object_name: str, **properties: object) -> Any:
    for widget in screen.findChildren(kind, object_name):
        if all(widget.property(key) == value for key, value in properties.items()):
            return widget
    raise LookupError(object_name)
