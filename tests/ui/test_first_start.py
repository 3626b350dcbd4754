"""First start: no attendee screen, no staff gesture, until setup is done; a locked kiosk.

The journeys are driven through the window as the window system delivers them
(QTest's QWindow overloads: taps at the widget's place in the window, keys to
the window), so the hot corner, focus and event filters take part.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.first_start import SetupState
from kiosk.pin import PIN_HASH_SETTING
from kiosk.service import KioskService
from tests.factories import STAFF_PIN, MakeService, make_form, set_up_kiosk
from ui.app import STARTUP_PROBE_ENV
from ui.main_window import SCREEN_NAMES, MainWindow
from ui.widgets.pin_pad import PinPad

NEW_PIN = "905182"
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


# Driving the window as the window system does ------------------------------------------


def _tap(window: QWidget, widget: QWidget) -> None:
    """Press and release at the middle of ``widget``, sent to the window, not to the widget."""
    assert widget.isVisible(), widget.objectName()
    point = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(window.windowHandle(), LEFT, NO_MODIFIER, point)


def _type(window: QWidget, text: str) -> None:
    """Type ASCII ``text`` on a physical keyboard: key events to the window."""
    for char in text:
        QTest.keyClick(window.windowHandle(), ord(char))


def _press(window: QWidget, key: Qt.Key, modifiers: Any = NO_MODIFIER) -> None:
    QTest.keyClick(window.windowHandle(), key, modifiers)


def _pad_key(pad: PinPad, name: str) -> QAbstractButton:
    return next(key for key in pad.keys() if key.accessibleName() == name)


def _tap_pin(window: QWidget, pad: PinPad, pin: str) -> None:
    """Tap each digit, then OK, on the on-screen pad."""
    for digit in pin:
        _tap(window, _pad_key(pad, f"Digit {digit}"))
    _tap(window, _pad_key(pad, "OK, enter PIN"))


def _to_event_step(window: Any) -> None:
    """Choose ``NEW_PIN`` and confirm it, on the pad."""
    _tap_pin(window, window.setup.pad, NEW_PIN)
    _tap_pin(window, window.setup.pad, NEW_PIN)
    assert window.setup.step() == "event"


def _hold_corner(qtbot: QtBot, window: QWidget, hold_ms: int) -> None:
    handle = window.windowHandle()
    QTest.mousePress(handle, LEFT, NO_MODIFIER, QPoint(10, 10))
    qtbot.wait(hold_ms + 150)
    QTest.mouseRelease(handle, LEFT, NO_MODIFIER, QPoint(10, 10))


def _visible_pads(window: QWidget) -> list[PinPad]:
    return [pad for pad in window.findChildren(PinPad) if pad.isVisible()]


@pytest.fixture
def fresh_window(make_window: Callable[..., Any], fresh_service: KioskService) -> Any:
    """A shown window over a kiosk at first start, with a quick hidden gesture."""
    return make_window(fresh_service, hold_ms=80)


@pytest.fixture
def event_step(fresh_window: Any) -> Any:
    """``fresh_window`` with ``NEW_PIN`` chosen and confirmed: set-up at its event step."""
    _to_event_step(fresh_window)
    return fresh_window


def _locked_kiosk(
    make_service: MakeService, *, damaged: bool, data_dir: Path | None = None
) -> KioskService:
    """A kiosk holding a sign-up with no PIN record, or a damaged one."""
    service = make_service(set_up=False, data_dir=data_dir)
    service.submit(make_form())
    if damaged:
        service.store.set_setting(PIN_HASH_SETTING, "scrypt$16384$8$1$00")
    return service


# A fresh kiosk -----------------------------------------------------------------------


def test_a_fresh_kiosk_opens_on_setup_not_attract(fresh_window: Any) -> None:
    window = fresh_window
    assert window.current == "setup"
    assert window.stack.currentWidget() is window.setup and window.setup.isVisible()
    assert not window.attract.isVisible()
    assert window.setup.step() == "choose"
    headings = [h for h in window.setup.findChildren(QLabel, "StaffPinHeading") if h.isVisible()]
    assert [h.text() for h in headings] == ["Choose a staff PIN"]
    assert window.setup.pad.hasFocus()  # a USB keyboard types the PIN at once
    assert window.setup.pad.accessibleDescription() == "Choose a staff PIN"  # screen readers
    # Nothing an attendee would see is even built.
    assert set(window._screens) == {"attract", "setup"}


def test_the_hidden_gesture_and_the_shortcut_do_nothing_before_setup(
    qtbot: QtBot, fresh_window: Any
) -> None:
    window = fresh_window
    _hold_corner(qtbot, window, hold_ms=80)
    _press(window, Qt.Key.Key_S, CTRL_SHIFT)
    window.open_staff()
    qtbot.mouseClick(window.hot_corner, LEFT, pos=QPoint(5, 5))  # a tap that starts attract
    assert window.current == "setup"
    assert "staff" not in window._screens and "home" not in window._screens
    assert window.setup.step() == "choose"


def test_no_route_leaves_setup_before_it_is_done(fresh_window: Any) -> None:
    window = fresh_window
    for route in (*SCREEN_NAMES, "join_pledge", "back", "locked"):
        window.go(route)
        assert window.current == "setup", route
    window.start_over()
    assert window.current == "setup"


def test_idle_does_not_leave_setup(qtbot: QtBot, make_window: Any, fresh_service: Any) -> None:
    window = make_window(fresh_service, idle_ms=60, countdown_s=1, countdown_tick_ms=20)
    _tap(window, _pad_key(window.setup.pad, "Digit 4"))
    qtbot.wait(400)
    assert window.current == "setup"
    assert not window.overlay.isVisible()
    assert not window.idle.is_running()


def test_escape_alt_f4_and_closing_are_refused_on_setup(fresh_window: Any) -> None:
    window = fresh_window
    _press(window, Qt.Key.Key_Escape)
    _press(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.close() is False
    assert window.isVisible() and window.current == "setup"


# The setup journey, through the window ----------------------------------------------------


def test_setup_through_the_window_then_attract(
    qtbot: QtBot, fresh_window: Any, fresh_service: KioskService
) -> None:
    window = fresh_window
    setup = window.setup
    _tap_pin(window, setup.pad, NEW_PIN)
    assert setup.step() == "confirm"
    assert not fresh_service.has_pin()  # nothing is stored before the last step
    # The second time on a USB keyboard: digits and Enter, to the window.
    _type(window, NEW_PIN)
    _press(window, Qt.Key.Key_Return)
    assert setup.step() == "event"
    assert not fresh_service.has_pin()

    _tap(window, setup.event_name)
    _type(window, "Campus Fair")
    _press(window, Qt.Key.Key_Return)  # on to the place
    assert setup.event_place.hasFocus()
    _type(window, "Boston, MA")
    with qtbot.waitSignal(window.screen_changed) as changed:
        _tap(window, setup.start_button)
    assert changed.args == ["attract"]
    assert window.current == "attract" and window.attract.isVisible()
    assert window.is_set_up()

    assert fresh_service.setup_state() is SetupState.READY
    assert fresh_service.check_pin(NEW_PIN).ok
    event = fresh_service.current_event()
    assert event is not None and (event.name, event.location) == ("Campus Fair", "Boston, MA")
    # What was typed is gone from the screen it was typed on.
    assert setup.event_name.text() == "" and setup.event_place.text() == ""
    assert setup.pad.entered_length() == 0
    # Now, and only now, the other screens are built and the gesture opens the staff PIN.
    qtbot.waitUntil(lambda: len(window._screens) == len(SCREEN_NAMES) + 1, timeout=5000)
    _hold_corner(qtbot, window, hold_ms=80)
    assert window.current == "staff"
    assert window.staff.pin_stage.isVisible() and not window.staff.is_unlocked()


def test_a_weak_pin_is_refused_with_a_reason_and_nothing_is_stored(
    fresh_window: Any, fresh_service: KioskService
) -> None:
    window = fresh_window
    pad = window.setup.pad
    for weak, reason in (
        ("4567", "run of digits"),
        ("2222", "one digit repeated"),
        ("58", "4 to 8 digits"),
    ):
        _tap_pin(window, pad, weak)
        assert window.setup.step() == "choose", weak
        assert reason in pad.message(), weak
        assert weak not in pad.message()
    assert not fresh_service.has_pin()


def test_two_different_pins_start_the_choice_again(
    fresh_window: Any, fresh_service: KioskService
) -> None:
    window = fresh_window
    pad = window.setup.pad
    _tap_pin(window, pad, NEW_PIN)
    _tap_pin(window, pad, "905183")
    assert window.setup.step() == "choose"
    assert "different" in pad.message()
    assert not fresh_service.has_pin()


def test_choose_another_pin_on_the_confirm_step(fresh_window: Any) -> None:
    window = fresh_window
    _tap_pin(window, window.setup.pad, NEW_PIN)
    _tap(window, window.setup.findChild(QAbstractButton, "SetupChooseAgainButton"))
    assert window.setup.step() == "choose"


def test_the_event_needs_a_name_and_nothing_is_stored_until_it_has_one(
    event_step: Any, fresh_service: KioskService
) -> None:
    window, setup = event_step, event_step.setup
    _tap(window, setup.start_button)
    message = setup.findChild(QLabel, "SetupEventMessage")
    assert message.text() == "An event needs a name."
    setup.event_name.setText("Fair\x1b[2J")  # pasted, with a terminal escape in it
    _tap(window, setup.start_button)
    assert "control characters" in message.text()
    assert window.current == "setup" and setup.step() == "event"
    assert not fresh_service.has_pin()
    assert fresh_service.current_event() is None
    assert window.close() is False


def test_back_on_the_event_step_forgets_the_pin(
    event_step: Any, fresh_service: KioskService
) -> None:
    window, setup = event_step, event_step.setup
    _tap(window, setup.event_name)
    _type(window, "Fair")
    _tap(window, setup.findChild(QAbstractButton, "SetupBackButton"))
    assert setup.step() == "choose" and setup.event_name.text() == ""
    _tap_pin(window, setup.pad, "318264")
    _tap_pin(window, setup.pad, "318264")
    _tap(window, setup.event_name)
    _type(window, "Fair")
    _tap(window, setup.start_button)
    assert window.current == "attract"
    assert fresh_service.check_pin("318264").ok
    assert not fresh_service.check_pin(NEW_PIN).ok


def test_event_names_in_any_script_are_kept_as_typed(
    qtbot: QtBot, event_step: Any, fresh_service: KioskService
) -> None:
    setup = event_step.setup
    # As an input method commits text (QTest types Latin-1 only).
    setup.event_name.insert("יריד הקמפוס")
    setup.event_place.setFocus()
    setup.event_place.insert("القدس")
    qtbot.keyClick(setup.event_place, Qt.Key.Key_Return)
    event = fresh_service.current_event()
    assert event is not None and (event.name, event.location) == ("יריד הקמפוס", "القدس")


def test_the_on_screen_keyboard_types_the_event_on_a_touch_kiosk(
    qtbot: QtBot, make_window: Any, fresh_service: KioskService
) -> None:
    window = make_window(fresh_service, show_keyboard=True)
    setup = window.setup
    assert setup.keyboard is not None and not setup.keyboard.isVisible()  # the pad is enough
    _to_event_step(window)
    assert setup.keyboard.isVisible()
    assert setup.event_name.hasFocus()
    # Keys pressed as a widget (click() moves no focus), so this holds whichever
    # way a tap on a key treats focus.
    for name in ("Shift", "Letter f", "Letter a", "Letter i", "Letter r"):
        setup.keyboard.key(name).click()
    assert setup.event_name.text() == "Fair"
    _tap(window, setup.start_button)
    assert window.current == "attract"


# After setup -----------------------------------------------------------------------------


def test_a_restart_after_setup_goes_straight_to_attract(
    qtbot: QtBot, make_window: Any, make_service: MakeService, data_dir: Path
) -> None:
    setting_up = make_service(set_up=False)
    setting_up.start_event("Campus Fair", "Boston, MA")
    setting_up.set_pin(NEW_PIN)
    setting_up.close()
    # As `p2p-kiosk run` starts: the store opens only after the first screen shows.
    restarted = make_service(set_up=False, defer_store=True)
    window = make_window(restarted, hold_ms=80)
    assert window.current == "attract" and window.is_set_up()
    assert restarted._store is None  # chosen from a look at the file, not the store
    _hold_corner(qtbot, window, hold_ms=80)
    assert window.current == "staff"


def test_a_set_up_kiosk_never_shows_setup_or_locked(kiosk_window: Any) -> None:
    window = kiosk_window
    for route in ("setup", "locked"):
        window.go(route)
        assert window.current == "attract", route
    assert "setup" not in window._screens


# A locked kiosk -------------------------------------------------------------------------


@pytest.mark.parametrize("damaged", [False, True], ids=["missing", "damaged"])
def test_a_kiosk_with_sign_ups_and_no_usable_pin_record_is_locked(
    qtbot: QtBot, make_window: Any, make_service: MakeService, damaged: bool
) -> None:
    service = _locked_kiosk(make_service, damaged=damaged)
    window = make_window(service, hold_ms=80)
    assert window.current == "locked" and window.locked.isVisible()
    assert "pin set" in window.locked.command.text()
    assert not _visible_pads(window)  # no PIN is offered on this screen
    _hold_corner(qtbot, window, hold_ms=80)
    _press(window, Qt.Key.Key_S, CTRL_SHIFT)
    _press(window, Qt.Key.Key_Escape)
    for route in (*SCREEN_NAMES, "setup"):
        window.go(route)
    assert window.current == "locked"
    assert window.close() is False
    assert "staff" not in window._screens and "setup" not in window._screens


def test_a_damaged_pin_record_locks_even_without_sign_ups(
    make_window: Any, make_service: MakeService
) -> None:
    service = make_service(set_up=False)
    service.store.set_setting(PIN_HASH_SETTING, "not a hash")
    window = make_window(service)
    assert window.current == "locked"


def test_check_again_opens_the_kiosk_once_a_pin_is_set_from_a_terminal(
    qtbot: QtBot, make_window: Any, make_service: MakeService, tmp_path: Path
) -> None:
    service = _locked_kiosk(make_service, damaged=True)
    window = make_window(service)
    check_again = window.locked.check_again
    _tap(window, check_again)
    assert window.current == "locked"
    assert "Still locked" in window.locked.message()
    # `p2p-kiosk pin set` from a terminal, while the kiosk runs (its own connection).
    terminal = KioskService.open(service.config.data_dir)
    terminal.set_pin(NEW_PIN)
    terminal.close()
    _tap(window, check_again)
    assert window.current == "attract"
    assert window.locked.message() == ""
    assert service.store.signup_count() == 1


# A real start ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prepare", "first_screen"),
    [("fresh", "setup"), ("set up", "attract"), ("locked", "locked")],
)
def test_p2p_kiosk_run_shows_the_right_first_screen(
    make_service: MakeService, data_dir: Path, prepare: str, first_screen: str
) -> None:
    if prepare != "fresh":
        service = make_service(set_up=False)
        if prepare == "set up":
            set_up_kiosk(service)
        else:
            service.submit(make_form())
        service.close()
    result = subprocess.run(
        [sys.executable, "-m", "p2p_kiosk", "--data-dir", str(data_dir), "run"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", STARTUP_PROBE_ENV: "1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"p2p-kiosk: {first_screen} shown"
    assert STAFF_PIN not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_first_start_screens_clip_no_text_and_have_big_named_controls(
    qtbot: QtBot,
    make_window: Any,
    make_service: MakeService,
    tmp_path: Path,
    direction: Qt.LayoutDirection,
) -> None:
    from tests.ui.layout import clipped_texts, settle

    problems: list[str] = []
    fresh = make_window(make_service(set_up=False), show_keyboard=True)
    locked = make_window(_locked_kiosk(make_service, damaged=False, data_dir=tmp_path / "locked"))
    pictures: list[tuple[str, MainWindow, Callable[[], object]]] = [
        ("setup: choose", fresh, lambda: None),
        ("setup: confirm", fresh, lambda: _tap_pin(fresh, fresh.setup.pad, NEW_PIN)),
        ("setup: event", fresh, lambda: _tap_pin(fresh, fresh.setup.pad, NEW_PIN)),
        ("locked", locked, lambda: None),
    ]
    for name, window, show in pictures:
        window.setLayoutDirection(direction)
        show()
        settle()
        screen = window.stack.currentWidget()
        assert screen is not None
        problems += [f"{name}: {p}" for p in clipped_texts(window, screen)]
        for button in screen.findChildren(QAbstractButton):
            if button.isVisible() and (button.height() < 48 or not button.accessibleName()):
                problems.append(f"{name}: {button.objectName()} is small or unnamed")
        for field in screen.findChildren(QLineEdit):
            if field.isVisible() and not field.accessibleName():
                problems.append(f"{name}: {field.objectName()} has no accessible name")
    assert not problems, "\n".join(problems)
