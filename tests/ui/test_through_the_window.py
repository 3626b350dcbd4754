"""Touch through the kiosk window beyond the journeys: what the audit of the UI tests found.

The audit (issue 8) went through every UI test that clicks a widget inside a
composed screen and repeats its action here through the kiosk window's
``QWindow``, by touch as at a touch-only booth (``test_journeys`` covers sign-up,
the staff gesture and idle); each such test names the ones it mirrors. The first
tests are what it turned up on the way: taps that were lost, fields out of sight.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.booth import STAFF_PIN
from tests.factories import make_form
from tests.ui.conftest import Booth
from ui.screens.base import ReadingScreen

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _sign_up_form(booth: Booth) -> Any:
    booth.window.go("join")
    return booth.window.join


def test_quick_taps_on_a_touch_scrolled_form_each_land(booth: Booth) -> None:
    """Two taps in a row, on two fields or twice on one box, are two taps, however quick."""
    join = _sign_up_form(booth)
    user = booth.user
    for field in (join.last_name, join.email, join.first_name, join.last_name):
        user.tap(field.edit)
        assert field.edit.hasFocus(), field.edit.accessibleName()
    user.swipe_into_view(join.scroll_area, join.email_group)
    user.tap(join.email_group)
    user.tap(join.email_group)
    assert not join.email_group.isChecked()
    user.tap(join.email_group)
    assert join.email_group.isChecked()


def _in_sight(area: QScrollArea, widget: QWidget) -> bool:
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_the_email_field_stays_in_sight_above_the_taller_email_keyboard(
    qtbot: QtBot, booth: Booth
) -> None:
    join = _sign_up_form(booth)
    user = booth.user
    user.tap(join.email.edit)
    qtbot.waitUntil(lambda: join.keyboard.layout_name() == "email")
    qtbot.waitUntil(lambda: _in_sight(join.scroll_area, join.email.edit))
    user.type_on(join.keyboard, "ann@")
    assert join.email.text() == "ann@"


def test_next_brings_each_following_control_into_sight(qtbot: QtBot, booth: Booth) -> None:
    join = _sign_up_form(booth)
    user = booth.user
    user.tap(join.first_name.edit)
    for _ in range(20):
        user.tap_key(join.keyboard, "Next field")
        focused = QApplication.focusWidget()
        assert join.form_card.isAncestorOf(focused), focused
        assert focused is not None

        def in_sight(widget: QWidget = focused) -> bool:
            return _in_sight(join.scroll_area, widget)

        qtbot.waitUntil(in_sight)
        if focused is join.submit_button:
            break
    assert join.submit_button.hasFocus()
    # The last control is in reach too: Sign up answers a tap.
    user.tap(join.submit_button)
    assert join.first_name.error()


def test_enter_brings_the_control_it_moves_to_into_sight(qtbot: QtBot, booth: Booth) -> None:
    join = _sign_up_form(booth)
    user = booth.user
    user.swipe_into_view(join.scroll_area, join.postal_code.edit)
    user.tap(join.postal_code.edit)
    user.press_key(Qt.Key.Key_Return)  # from the ZIP code on to the chosen answer
    choice = join.choice_rows[join.selected_choice()].button
    assert choice.hasFocus()
    qtbot.waitUntil(lambda: _in_sight(join.scroll_area, choice))


# The attendee screens (test_signup_flow, test_screens, test_kiosk_behaviour) ---------------


def test_back_answers_a_tap_inside_and_outside_the_staff_corner(
    booth: Booth,
) -> None:
    """Mirrors test_back_from_the_form_clears_it_... and test_a_short_tap_on_the_corner_..."""
    window, user = booth.window, booth.user
    back = window.join.header.back_button
    for inside_corner in (True, False):
        window.go("home")
        user.tap(window.home.join_card)
        user.type_on(window.join.keyboard, "Dana")
        assert window.join.first_name.text() == "Dana"
        # The hidden staff corner lies over Back's left part; a short tap there passes through.
        point = QPoint(40, 40)
        if not inside_corner:
            point = back.mapTo(window, QPoint(back.width() - 10, back.height() // 2))
            assert window.childAt(point) is back
        user.tap_at(point)
        assert window.current == "home"
        assert window.join.first_name.text() == ""


def test_every_way_in_from_home_and_back_out_by_touch(booth: Booth) -> None:
    """Mirrors test_any_touch_or_key_on_attract_goes_home and the resource detail test."""
    window, user = booth.window, booth.user
    user.tap_at(QPoint(640, 300))  # anywhere on attract, not only its button
    assert window.current == "home"
    home = window.home
    for card, name in ((home.message_card, "message"), (home.action_card, "action")):
        user.tap(card)
        assert window.current == name
        screen = window.screen_named(name)
        assert isinstance(screen, ReadingScreen)
        user.tap(screen.header.back_button, QPoint(100, 30))
        assert window.current == "home"
    user.tap(home.resources_card)
    resources = window.resources
    user.tap(resources.cards[0])
    assert resources.is_showing_detail()
    back = resources.header.back_button
    user.tap(back, QPoint(back.width() - 10, back.height() // 2))
    assert window.current == "resources" and not resources.is_showing_detail()
    user.tap(back, QPoint(back.width() - 10, back.height() // 2))
    assert window.current == "home"


def test_the_pledge_from_take_action_ticks_it_on_the_form(
    booth: Booth,
) -> None:
    """Mirrors test_pledge_from_take_action_opens_the_form_with_pledge_ticked."""
    window, user = booth.window, booth.user
    window.go("home")
    user.tap(window.home.action_card)
    action = window.action
    user.swipe_into_view(action.scroll_area, action.pledge_buttons[0])
    user.tap(action.pledge_buttons[0])
    assert window.current == "join"
    assert window.join.pledge.isChecked()


def test_the_idle_warning_goes_away_with_continue_or_any_touch(
    qtbot: QtBot, open_booth: Callable[..., Booth]
) -> None:
    """Mirrors test_continue_on_the_warning_... and test_any_touch_on_the_warning_..."""
    booth = open_booth(countdown_s=60)
    window, user = booth.window, booth.user
    window.go("join")
    user.type_on(window.join.keyboard, "Dana")
    # Short only now: on a busy machine typing four letters can outlast 300 ms, and the
    # warning would cover the keyboard before the name is in.
    window.set_idle_ms(300)
    dismissals: tuple[Callable[[], None], ...] = (
        lambda: user.tap(window.overlay.continue_button),
        lambda: user.tap_at(QPoint(20, 600)),
    )
    for dismiss in dismissals:
        qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
        dismiss()
        assert not window.overlay.isVisible()
        assert window.current == "join" and window.join.first_name.text() == "Dana"


def test_done_on_thank_you_returns_to_attract(booth: Booth) -> None:
    """Mirrors test_thank_you_returns_to_attract_by_itself_and_form_is_blank, by a tap."""
    window, user = booth.window, booth.user
    record = booth.service.submit(make_form())
    window.thank_you.show_record(record)
    window.go("thank_you")
    user.tap(window.thank_you.done_button)
    assert window.current == "attract"


def test_a_plugged_in_keyboard_types_a_sign_up_and_cannot_close_the_kiosk(
    qtbot: QtBot, booth: Booth
) -> None:
    """Mirrors test_keyboard_only_signup_with_tab_and_enter and test_escape_and_alt_f4_..."""
    window, user = booth.window, booth.user
    user.press_key(Qt.Key.Key_Space)
    assert window.current == "home"
    window.go("join")
    join = window.join
    user.type_keys("Ayse")
    user.press_key(Qt.Key.Key_Return)  # Enter moves on
    user.type_keys("Cohen")
    user.press_key(Qt.Key.Key_Tab)
    user.type_keys("ayse@example.org")
    for key, modifier in ((Qt.Key.Key_Escape, NO_MODIFIER), (Qt.Key.Key_F4, ALT)):
        user.press_key(key, modifier)
        assert window.isVisible() and window.current == "join"
    for _ in range(20):
        if join.consent.button.hasFocus():
            break
        user.press_key(Qt.Key.Key_Tab)
    user.press_key(Qt.Key.Key_Space)
    user.press_key(Qt.Key.Key_Tab)  # the pledge
    user.press_key(Qt.Key.Key_Tab)
    assert join.submit_button.hasFocus()
    user.press_key(Qt.Key.Key_Space)
    assert window.current == "thank_you"
    assert booth.service.store.signup_count() == 1


# The staff screen (test_staff, test_kiosk_behaviour) -----------------------------------------


def _unlock_by_touch(qtbot: QtBot, booth: Booth) -> Any:
    window, user = booth.window, booth.user
    user.press_key(Qt.Key.Key_S, CTRL_SHIFT)  # the shortcut; the journey holds the corner
    assert window.current == "staff"
    staff = window.staff
    pad = staff.pin_stage.pad
    for name in [f"Digit {digit}" for digit in STAFF_PIN] + ["OK, enter PIN"]:
        user.tap(next(key for key in pad.keys() if key.accessibleName() == name))
    assert staff.is_unlocked()
    return staff


def _staff_page(booth: Booth, staff: Any, page: str) -> None:
    button = next(
        b for b in staff.findChildren(QPushButton, "StaffNavButton") if b.property("page") == page
    )
    booth.user.tap(button)
    assert staff.panel.current_page() == page


def test_cancel_on_the_pin_stage_and_a_mouse_held_corner(
    qtbot: QtBot, open_booth: Callable[..., Booth]
) -> None:
    """Mirrors test_cancel_leaves_the_pin_stage and test_holding_the_top_left_corner_..."""
    booth = open_booth(hold_ms=200)
    window, user = booth.window, booth.user
    window.go("home")
    user.mouse_press_at(QPoint(5, 5))
    qtbot.waitUntil(lambda: window.current == "staff", timeout=3000)
    user.mouse_release_at(QPoint(5, 5))
    cancel = window.staff.findChild(QPushButton, "StaffCancelButton")
    assert cancel is not None
    user.tap(cancel)
    assert window.current == "attract"


def test_staff_settings_by_touch_on_the_on_screen_keyboard(qtbot: QtBot, booth: Booth) -> None:
    """Mirrors test_idle_timeout_setting_saves_good_values and test_change_pin_from_the_panel."""
    user = booth.user
    staff = _unlock_by_touch(qtbot, booth)
    _staff_page(booth, staff, "settings")
    spin = staff.findChild(QSpinBox, "IdleTimeoutField")
    user.tap(spin)
    qtbot.waitUntil(staff.keyboard.isVisible)
    spin.lineEdit().selectAll()
    user.type_on(staff.keyboard, "300")
    user.tap_key(staff.keyboard, "Next field")  # on to the step buttons; the keyboard steps aside
    qtbot.waitUntil(lambda: not staff.keyboard.isVisible())
    user.tap(staff.findChild(QPushButton, "SaveIdleButton"))
    assert booth.service.idle_timeout_s == 300

    for name, digits in (
        ("CurrentPinField", STAFF_PIN),
        ("NewPinField", "975310"),
        ("ConfirmPinField", "975310"),
    ):
        field = staff.findChild(QLineEdit, name)
        user.swipe_into_view(staff._panel_scroll, field)
        user.tap(field)
        qtbot.waitUntil(staff.keyboard.isVisible)
        user.type_on(staff.keyboard, digits)
        assert len(field.text()) == len(digits)
    user.tap_key(staff.keyboard, "Next field")
    qtbot.waitUntil(lambda: not staff.keyboard.isVisible())
    user.tap(staff.findChild(QPushButton, "ChangePinButton"))
    assert booth.service.check_pin("975310").ok


def test_staff_export_by_touch(qtbot: QtBot, booth: Booth, usb: Path, monkeypatch: Any) -> None:
    """Mirrors test_export_from_the_panel_... and test_export_again_with_include_all_..."""
    user = booth.user
    booth.service.submit(make_form())
    staff = _unlock_by_touch(qtbot, booth)
    _staff_page(booth, staff, "export")
    # The folder dialog is a window of its own; stand in for the volunteer's choice.
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    user.tap(staff.findChild(QPushButton, "ChooseFolderButton"))
    for _ in range(2):
        user.tap(staff.findChild(QPushButton, "ExportButton"))
        qtbot.waitUntil(lambda: not staff.panel.is_busy(), timeout=20_000)
        user.tap(staff.findChild(QAbstractButton, "ExportIncludeAll"))
    assert len(list(usb.glob("*.csv"))) == 2
    assert booth.service.pending_count() == 0
