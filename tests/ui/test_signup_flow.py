"""The attendee's sign-up, driven by clicks and key presses, from attract to the database."""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.service import KioskService
from kiosk.signup import WlfChoice


def _type_unicode(widget: Any, text: str) -> None:
    """Type any script as real key events (QTest's keyClicks only knows ASCII keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _open_form(qtbot: QtBot, window: Any) -> Any:
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    assert window.current == "home"
    _click(qtbot, window.home.join_card)
    assert window.current == "join"
    return window.join


def _fill(qtbot: QtBot, join: Any, *, email: str = "dana.levi@example.org") -> None:
    qtbot.keyClicks(join.first_name.edit, "Dana")
    qtbot.keyClicks(join.last_name.edit, "Levi")
    qtbot.keyClicks(join.email.edit, email)
    qtbot.keyClicks(join.phone.edit, "(617) 253-1000")
    qtbot.keyClicks(join.postal_code.edit, "02139")


def _agree_and_send(qtbot: QtBot, join: Any) -> None:
    """Tick the consent box and tap the send button."""
    _click(qtbot, join.consent.button)
    _click(qtbot, join.submit_button)


def _send_with_email(qtbot: QtBot, window: Any, email: str) -> Any:
    """Open the form, fill it in with ``email``, agree and send; return the form."""
    join = _open_form(qtbot, window)
    _fill(qtbot, join, email=email)
    _agree_and_send(qtbot, join)
    return join


def test_full_signup_from_attract_lands_in_the_database(
    qtbot: QtBot, kiosk_window: Any, service: KioskService
) -> None:
    window = kiosk_window
    assert window.current == "attract"
    join = _open_form(qtbot, window)
    _fill(qtbot, join)
    _click(qtbot, join.choice_rows[WlfChoice.UPDATES].button)
    _click(qtbot, join.email_group)  # a tap on the row, not just the box, ticks it
    _agree_and_send(qtbot, join)

    assert window.current == "thank_you"
    assert service.store.signup_count() == 1
    with sqlite3.connect(service.store.db_path) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute("SELECT * FROM signups").fetchone()
    assert row["first_name"] == "Dana"
    assert row["email"] == "dana.levi@example.org"
    assert row["phone"] == "+16172531000"
    assert row["wlf_choice"] == "updates"
    assert bool(row["email_group_opt_in"]) is True
    assert bool(row["advocacy_pledge"]) is False
    assert row["consent_text"] == service.content.consent.text
    assert "Dana" in window.thank_you.title_label.text()


def test_keyboard_only_signup_with_tab_and_enter(
    qtbot: QtBot, kiosk_window: Any, service: KioskService
) -> None:
    window = kiosk_window
    qtbot.keyClick(window.attract, Qt.Key.Key_Space)
    assert window.current == "home"
    window.go("join")
    join = window.join
    assert join.first_name.edit.hasFocus()
    _type_unicode(join.first_name.edit, "Ayşe")
    qtbot.keyClick(join.first_name.edit, Qt.Key.Key_Return)  # Enter moves on
    assert join.last_name.edit.hasFocus()
    _type_unicode(join.last_name.edit, "כהן")
    qtbot.keyClick(join.last_name.edit, Qt.Key.Key_Tab)
    assert join.email.edit.hasFocus()
    qtbot.keyClicks(join.email.edit, "ayse@example.org")
    join.consent.button.setFocus()
    qtbot.keyClick(join.consent.button, Qt.Key.Key_Space)
    assert join.consent.isChecked()
    join.submit_button.setFocus()
    qtbot.keyClick(join.submit_button, Qt.Key.Key_Space)
    assert window.current == "thank_you"
    assert service.store.signup_count() == 1
    with sqlite3.connect(service.store.db_path) as conn:
        names = conn.execute("SELECT first_name, last_name FROM signups").fetchone()
    assert names == ("Ayşe", "כהן")


def test_bad_email_shows_its_message_and_keeps_every_field(
    qtbot: QtBot, kiosk_window: Any, service: KioskService
) -> None:
    join = _send_with_email(qtbot, kiosk_window, "dana.levi@@example")

    assert kiosk_window.current == "join"
    assert service.store.signup_count() == 0
    message = join.email.error()
    assert message and "email" in message.lower()
    assert join.email.error_label.isVisible()
    assert join.email.edit.property("invalid") is True
    assert join.first_name.error() is None
    # Nothing typed is lost.
    assert join.first_name.text() == "Dana"
    assert join.last_name.text() == "Levi"
    assert join.email.text() == "dana.levi@@example"
    assert join.phone.text() == "(617) 253-1000"
    assert join.consent.isChecked()
    assert join.email.edit.hasFocus()


def test_missing_consent_is_marked_beside_the_box(
    qtbot: QtBot, kiosk_window: Any, service: KioskService
) -> None:
    join = _open_form(qtbot, kiosk_window)
    _fill(qtbot, join)
    _click(qtbot, join.submit_button)
    assert service.store.signup_count() == 0
    assert join.consent_error.isVisible()
    assert join.consent.property("invalid") is True
    _agree_and_send(qtbot, join)
    assert kiosk_window.current == "thank_you"
    assert service.store.signup_count() == 1


def test_consent_shown_is_exactly_the_content_text(
    kiosk_window: Any, service: KioskService
) -> None:
    join = kiosk_window.join
    assert join.consent.text() == service.content.consent.text
    assert join.consent.label.textFormat() == Qt.TextFormat.PlainText
    assert join.email_group.text() == service.content.consent.email_group
    labels = [row.text() for row in join.choice_rows.values()]
    assert labels == [option.label for option in service.content.wlf.options]


def test_typo_suggestion_fills_in_the_fix(
    qtbot: QtBot, kiosk_window: Any, service: KioskService
) -> None:
    join = _send_with_email(qtbot, kiosk_window, "dana.levi@gmail.con")

    # Not saved yet: the attendee is asked first.
    assert service.store.signup_count() == 0
    assert join.suggestion_button.isVisible()
    assert "dana.levi@gmail.com" in join.suggestion_button.text()
    # Named as it reads, without the marks that keep the address whole in right to left.
    assert join.suggestion_button.accessibleName() == "Did you mean dana.levi@gmail.com?"
    _click(qtbot, join.suggestion_button)
    assert join.email.text() == "dana.levi@gmail.com"
    assert not join.suggestion_button.isVisible()
    assert join.email.error() is None

    _click(qtbot, join.submit_button)
    assert kiosk_window.current == "thank_you"
    with sqlite3.connect(service.store.db_path) as conn:
        assert conn.execute("SELECT email FROM signups").fetchone()[0] == "dana.levi@gmail.com"


def test_unusual_domain_can_be_kept_as_typed_on_second_tap(
    qtbot: QtBot, kiosk_window: Any, service: KioskService
) -> None:
    join = _send_with_email(qtbot, kiosk_window, "dana@gmial.com")
    assert service.store.signup_count() == 0 and join.suggestion() == "dana@gmail.com"
    _click(qtbot, join.submit_button)
    assert service.store.signup_count() == 1


def test_suggestion_appears_when_leaving_the_email_field(qtbot: QtBot, kiosk_window: Any) -> None:
    join = _open_form(qtbot, kiosk_window)
    _click(qtbot, join.email.edit)
    qtbot.keyClicks(join.email.edit, "ann@yaho.com")
    assert not join.suggestion_button.isVisible()  # not while typing
    qtbot.keyClick(join.email.edit, Qt.Key.Key_Tab)
    assert not join.email.edit.hasFocus()
    assert join.suggestion() == "ann@yahoo.com"
    assert join.suggestion_button.isVisible()


def test_pledge_from_take_action_opens_the_form_with_pledge_ticked(
    qtbot: QtBot, kiosk_window: Any, service: KioskService
) -> None:
    window = kiosk_window
    window.go("home")
    _click(qtbot, window.home.action_card)
    assert window.current == "action"
    assert len(window.action.pledge_buttons) == 1
    _click(qtbot, window.action.pledge_buttons[0])
    assert window.current == "join"
    assert window.join.pledge.isChecked()
    _fill(qtbot, window.join)
    _click(qtbot, window.join.consent.button)
    _click(qtbot, window.join.submit_button)
    with sqlite3.connect(service.store.db_path) as conn:
        assert conn.execute("SELECT advocacy_pledge FROM signups").fetchone()[0] == 1
    assert window.thank_you.pledge_label.isVisibleTo(window.thank_you)


def test_back_from_the_form_clears_it_and_returns_where_it_came_from(
    qtbot: QtBot, kiosk_window: Any
) -> None:
    window = kiosk_window
    window.go("home")
    window.go("action")
    _click(qtbot, window.action.pledge_buttons[0])
    _fill(qtbot, window.join)
    _click(qtbot, window.join.header.back_button)
    assert window.current == "action"
    window.go("join")
    join = window.join
    assert all(field.text() == "" for field in join.fields().values())
    assert not join.pledge.isChecked()
    # No undo history: Ctrl+Z cannot bring back the previous attendee's name.
    assert not join.first_name.edit.isUndoAvailable()
    qtbot.keyClick(join.first_name.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert join.first_name.text() == ""


def test_thank_you_returns_to_attract_by_itself_and_form_is_blank(
    qtbot: QtBot, make_window: Any, service: KioskService
) -> None:
    window = make_window()
    window.thank_you.countdown.set_tick_ms(10)
    window.go("join")
    _fill(qtbot, window.join)
    _click(qtbot, window.join.consent.button)
    _click(qtbot, window.join.submit_button)
    assert window.current == "thank_you"
    qtbot.waitUntil(lambda: window.current == "attract", timeout=3000)
    assert "Dana" not in window.thank_you.title_label.text()
    assert all(field.text() == "" for field in window.join.fields().values())


def test_hostile_input_is_kept_as_plain_text_and_stored_exactly(
    qtbot: QtBot, kiosk_window: Any, service: KioskService
) -> None:
    join = _open_form(qtbot, kiosk_window)
    name = "<b>Ro'bert\"); DROP TABLE signups;--</b> 👩‍💻"
    join.first_name.edit.setText(name)
    qtbot.keyClicks(join.last_name.edit, '=HYPERLINK("x")')
    qtbot.keyClicks(join.email.edit, "r@example.org")
    _agree_and_send(qtbot, join)
    assert kiosk_window.current == "thank_you"
    assert name in kiosk_window.thank_you.title_label.text()
    assert kiosk_window.thank_you.title_label.textFormat() == Qt.TextFormat.PlainText
    with sqlite3.connect(service.store.db_path) as conn:
        assert conn.execute("SELECT first_name FROM signups").fetchone()[0] == name


def test_overlong_input_is_capped_by_the_field(qtbot: QtBot, kiosk_window: Any) -> None:
    join = _open_form(qtbot, kiosk_window)
    join.first_name.edit.setText("x" * 10_000)
    assert len(join.first_name.text()) == join.first_name.edit.maxLength() == 100
