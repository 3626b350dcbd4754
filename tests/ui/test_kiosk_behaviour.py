"""Kiosk behaviour: idle reset, lockdown against closing, the staff gesture, failed writes."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.service import KioskService
from tests.factories import STAFF_PIN
from ui.idle import IdleWatcher


def _click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _fill_valid(qtbot: QtBot, join: Any) -> None:
    qtbot.keyClicks(join.first_name.edit, "Dana")
    qtbot.keyClicks(join.last_name.edit, "Levi")
    qtbot.keyClicks(join.email.edit, "dana.levi@example.org")
    qtbot.keyClicks(join.phone.edit, "617 253 1000")
    _click(qtbot, join.consent.button)


def _unlock_staff(qtbot: QtBot, window: Any) -> None:
    window.open_staff()
    pad = window.staff.pin_stage.pad
    for digit in STAFF_PIN:
        next(k for k in pad.keys() if k.accessibleName() == f"Digit {digit}").click()
    next(k for k in pad.keys() if k.accessibleName() == "OK, enter PIN").click()
    qtbot.waitUntil(window.staff.is_unlocked, timeout=5000)


# Idle --------------------------------------------------------------------------------


def test_idle_timeout_warns_then_clears_the_form_and_returns_to_attract(
    qtbot: QtBot, make_window: Any
) -> None:
    window = make_window(idle_ms=150, countdown_s=3, countdown_tick_ms=40)
    window.go("join")
    join = window.join
    _fill_valid(qtbot, join)
    _click(qtbot, join.submit_button.parentWidget())  # no submit: just a touch elsewhere
    join.email.set_error("something")

    qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
    assert window.current == "join"
    assert join.first_name.text() == "Dana"  # the warning itself clears nothing
    qtbot.waitUntil(lambda: window.current == "attract", timeout=3000)

    assert not window.overlay.isVisible()
    assert all(field.text() == "" for field in join.fields().values())
    assert all(field.error() is None for field in join.fields().values())
    assert not join.consent.isChecked()
    assert not join.first_name.edit.isUndoAvailable()


def test_continue_on_the_warning_keeps_everything(qtbot: QtBot, make_window: Any) -> None:
    window = make_window(idle_ms=150, countdown_s=50, countdown_tick_ms=1000)
    window.go("join")
    qtbot.keyClicks(window.join.first_name.edit, "Dana")
    qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
    assert window.overlay.remaining_s == 50
    _click(qtbot, window.overlay.continue_button)
    assert not window.overlay.isVisible()
    assert window.current == "join"
    assert window.join.first_name.text() == "Dana"
    assert window.idle.is_running()


def test_any_touch_on_the_warning_counts_as_still_here(qtbot: QtBot, make_window: Any) -> None:
    window = make_window(idle_ms=100, countdown_s=50)
    window.go("message")
    qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
    qtbot.mouseClick(window.overlay, Qt.MouseButton.LeftButton, pos=QPoint(20, 300))
    assert not window.overlay.isVisible()
    assert window.current == "message"


def test_attract_never_shows_the_idle_warning(qtbot: QtBot, make_window: Any) -> None:
    window = make_window(idle_ms=50)
    assert window.current == "attract"
    assert not window.idle.is_running()
    qtbot.wait(200)
    assert not window.overlay.isVisible()


def test_a_paused_idle_watcher_leaves_the_applications_events_alone(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """Paused (on attract) it is off the application: no event is a call into Python for it."""
    seen: list[QEvent.Type] = []

    class Watcher(IdleWatcher):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            seen.append(event.type())
            return super().eventFilter(watched, event)

    target = QWidget()
    qtbot.addWidget(target)
    watcher = Watcher(60_000)

    def touch() -> None:
        QApplication.sendEvent(target, QEvent(QEvent.Type.User))

    watcher.install(qapp)
    watcher.pause()
    touch()
    assert seen == []
    watcher.restart()
    touch()
    assert seen == [QEvent.Type.User]
    watcher.uninstall()
    touch()
    assert seen == [QEvent.Type.User]
    assert not watcher.is_running()


def test_input_restarts_the_idle_clock(qtbot: QtBot, make_window: Any) -> None:
    window = make_window(idle_ms=60_000)
    window.go("home")
    window.idle.set_interval_ms(60_000)
    timer = window.idle._timer
    qtbot.wait(300)
    before = timer.remainingTime()
    qtbot.keyClick(window.home.message_card, Qt.Key.Key_Shift)
    assert timer.remainingTime() > before


def test_idle_timeout_comes_from_the_service_setting(
    make_window: Any, service: KioskService
) -> None:
    service.set_idle_timeout(45)
    window = make_window()
    window.go("home")
    assert window.idle.interval_ms == 45_000


# Lockdown ----------------------------------------------------------------------------


def test_close_is_refused_while_the_staff_panel_is_locked(qtbot: QtBot, kiosk_window: Any) -> None:
    window = kiosk_window
    window.go("home")
    assert window.close() is False
    assert window.isVisible()


def test_escape_and_alt_f4_are_ignored(qtbot: QtBot, kiosk_window: Any) -> None:
    window = kiosk_window
    window.go("join")
    qtbot.keyClicks(window.join.first_name.edit, "Dana")
    qtbot.keyClick(window.join.first_name.edit, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.isVisible()
    assert window.current == "join"
    assert window.join.first_name.text() == "Dana"


def test_close_is_allowed_once_staff_unlock_the_panel(qtbot: QtBot, kiosk_window: Any) -> None:
    window = kiosk_window
    _unlock_staff(qtbot, window)
    assert window.is_close_allowed()
    assert window.close() is True


def test_going_to_attract_locks_the_staff_panel(qtbot: QtBot, kiosk_window: Any) -> None:
    window = kiosk_window
    _unlock_staff(qtbot, window)
    window.go("attract")
    assert not window.staff.is_unlocked()
    assert window.close() is False


def test_staff_idle_locks_the_panel_and_returns_to_attract(qtbot: QtBot, make_window: Any) -> None:
    window = make_window(staff_idle_ms=150)
    _unlock_staff(qtbot, window)
    qtbot.waitUntil(lambda: window.current == "attract", timeout=3000)
    assert not window.staff.is_unlocked()


# Hidden staff gesture ----------------------------------------------------------------


def test_holding_the_top_left_corner_opens_the_staff_pin(qtbot: QtBot, make_window: Any) -> None:
    window = make_window(hold_ms=80)
    window.go("home")
    corner = window.hot_corner
    assert corner.geometry().topLeft() == QPoint(0, 0) and corner.width() == 80
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(lambda: window.current == "staff", timeout=2000)
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert not window.staff.is_unlocked()


def test_a_short_tap_on_the_corner_reaches_the_back_button_under_it(
    qtbot: QtBot, make_window: Any
) -> None:
    window = make_window(hold_ms=5000)
    window.go("home")
    window.go("message")
    back = window.message.header.back_button
    point = QPoint(40, 40)  # inside the corner zone, and on the Back button
    assert back.rect().contains(back.mapFrom(window, point))
    qtbot.mouseClick(window.hot_corner, Qt.MouseButton.LeftButton, pos=point)
    assert window.current == "home"


def test_a_short_tap_on_the_corner_of_attract_starts(qtbot: QtBot, make_window: Any) -> None:
    window = make_window(hold_ms=5000)
    qtbot.mouseClick(window.hot_corner, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert window.current == "home"


def test_ctrl_shift_s_opens_the_staff_pin(qtbot: QtBot, kiosk_window: Any) -> None:
    window = kiosk_window
    window.go("home")
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current == "staff"
    assert not window.staff.is_unlocked()


# Failed writes -----------------------------------------------------------------------


def test_failed_write_keeps_the_form_and_retry_succeeds(
    qtbot: QtBot, kiosk_window: Any, service: KioskService
) -> None:
    service.start_event("Campus Fair", "Boston")
    window = kiosk_window
    window.go("join")
    join = window.join
    _fill_valid(qtbot, join)

    # Another process holds the database's write lock (works as root too, unlike chmod).
    blocker = sqlite3.connect(service.store.db_path, timeout=0.1, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        _click(qtbot, join.submit_button)
        assert window.current == "join"
        status = join.status()
        assert status and "couldn't save" in status
        assert join.first_name.text() == "Dana"
        assert join.email.text() == "dana.levi@example.org"
        assert join.consent.isChecked()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert service.store.signup_count() == 0

    _click(qtbot, join.submit_button)
    assert window.current == "thank_you"
    assert service.store.signup_count() == 1
    assert join.status() is None


@pytest.mark.parametrize("route", ["home", "message", "resources", "action", "join", "staff"])
def test_every_screen_can_be_reached_and_left(kiosk_window: Any, route: str) -> None:
    window = kiosk_window
    window.go(route)
    assert window.stack.currentWidget() is window.screens[route]
    window.go("attract")
    assert window.current == "attract"


def test_screens_other_than_attract_are_built_after_attract_is_shown(
    qtbot: QtBot, service: KioskService
) -> None:
    from ui.app import build_main_window

    window = build_main_window(service, show_keyboard=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.allow_close())
    assert set(window._screens) == {"attract"}  # nothing else delays the first picture
    window.show()
    qtbot.waitUntil(lambda: len(window._screens) == 8, timeout=5000)
    assert window.current == "attract"
