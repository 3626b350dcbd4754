"""The "Aa Display" button: on every attendee screen; its choices apply at once, for one attendee.

Choices are made as a person makes them, through the window (touch points to
its ``QWindow``), and read back from what the screens show.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.display import STANDARD_DISPLAY, Display, Theme
from kiosk.service import KioskService
from tests.factories import make_form
from tests.ui.attendee_stages import walk_stages
from tests.ui.conftest import Booth, MakeWindow
from ui.main_window import ATTENDEE_SCREENS, MainWindow
from ui.screens.base import Screen
from ui.widgets import metrics
from ui.widgets.choice_row import ChoiceRow
from ui.widgets.palette import HIGH_CONTRAST, STANDARD, current

LARGE = Display(150, Theme.STANDARD)


def _pick(qtbot: QtBot, row: ChoiceRow, on: bool = True) -> None:
    """Tick a choice on the Display card; the screens are built again in the next turn."""
    row.setChecked(on)
    qtbot.wait(1)


def _choose(window: MainWindow, tap: Callable[[QWidget], None], size: int) -> None:
    """Open Display from the screen showing now and pick ``size`` %, as a finger would."""
    screen = window.screen_named(window.current)
    assert isinstance(screen, Screen)
    tap(screen.display_button)
    assert window.display_panel.isVisible()
    tap(window.display_panel.size_rows[size])


def test_every_attendee_screen_has_the_display_button_in_its_top_corner(
    qtbot: QtBot, kiosk_window: MainWindow
) -> None:
    window = kiosk_window
    seen = set()
    for stage in walk_stages(qtbot, window):
        if window.display_panel.isVisible() or window.overlay.isVisible():
            continue
        screen = window.screen_named(window.current)
        assert isinstance(screen, Screen)
        button = screen.display_button
        assert button.isVisible(), stage
        assert button.text() == "Display" and button.accessibleName() == "Display"
        assert not button.icon().isNull()  # the "Aa"
        corner = button.mapTo(window, QPoint(0, 0))
        assert corner.x() > window.width() // 2, f"{stage}: not on the trailing side"
        assert corner.y() < window.height() // 6, f"{stage}: not at the top"
        assert not button.geometry().intersects(window.hot_corner.geometry())
        seen.add(window.current)
    assert seen == ATTENDEE_SCREENS


def test_a_choice_applies_at_once_to_every_attendee_screen(qtbot: QtBot, booth: Booth) -> None:
    window, user = booth.window, booth.user
    window.go("home")
    title_before = window.home.title_label.font().pixelSize()
    _choose(window, user.tap, 150)
    assert booth.service.display == LARGE
    assert metrics.SCALE == 1.5
    # The card is built again in the new size, with the choice just made in focus.
    panel = window.display_panel
    assert panel.isVisible() and panel.size_rows[150].isChecked()
    assert panel.size_rows[150].button.hasFocus()
    user.tap(panel.contrast_row)
    assert booth.service.display == Display(150, Theme.HIGH_CONTRAST)
    assert current() is HIGH_CONTRAST
    user.tap(window.display_panel.done_button)
    assert not window.display_panel.isVisible()
    assert window.home.display_button.hasFocus()  # back where the attendee was
    assert window.home.title_label.font().pixelSize() == round(title_before * 1.5)
    window.go("join")
    assert window.join.submit_button.font().pixelSize() == round(24 * 1.5)


def test_a_half_filled_form_keeps_every_answer_when_the_text_grows(
    qtbot: QtBot, booth: Booth
) -> None:
    window, user = booth.window, booth.user
    window.go("join")
    join = window.join
    user.tap(join.first_name.edit)
    user.type_on(join.keyboard, "Dana")
    join.email.edit.setText("dana@example.org")
    join.pledge.setChecked(True)
    _choose(window, user.tap, 125)
    user.tap(window.display_panel.done_button)
    form = window.join  # built again, in the larger size
    assert form is not join
    assert (form.first_name.text(), form.email.text()) == ("Dana", "dana@example.org")
    assert form.pledge.isChecked() and not form.consent.isChecked()
    assert not shiboken6.isValid(join)  # the old copy is gone (emptied first)


def test_a_resource_being_read_stays_open_when_the_text_grows(
    qtbot: QtBot, kiosk_window: MainWindow
) -> None:
    window = kiosk_window
    window.go("resources")
    window.resources.show_detail(2)
    window.open_display_panel()
    _pick(qtbot, window.display_panel.size_rows[150])
    assert window.resources.is_showing_detail() and window.resources.detail_index == 2


@pytest.mark.parametrize("how", ["idle", "done", "thank_you_timeout"])
def test_the_next_attendee_starts_with_the_kiosks_default_display(
    qtbot: QtBot, make_window: MakeWindow, service: KioskService, how: str
) -> None:
    window = make_window(idle_ms=200, countdown_s=1, countdown_tick_ms=20)
    window.go("home")
    window.open_display_panel()
    _pick(qtbot, window.display_panel.size_rows[150])
    _pick(qtbot, window.display_panel.contrast_row)
    window.display_panel.close_panel()
    assert service.display == Display(150, Theme.HIGH_CONTRAST)
    if how == "idle":
        qtbot.waitUntil(lambda: window.current == "attract", timeout=5000)
    else:
        window.thank_you.show_record(service.submit(make_form()))
        window.go("thank_you")
        if how == "done":
            qtbot.mouseClick(window.thank_you.done_button, Qt.MouseButton.LeftButton)
        else:
            window.thank_you.countdown.expired.emit()
    assert window.current == "attract"
    assert service.display == STANDARD_DISPLAY
    assert metrics.SCALE == 1.0 and current() is STANDARD
    assert window.attract.start_button.font().pixelSize() == 28


def test_a_choice_made_on_attract_is_forgotten_when_its_maker_walks_away(
    qtbot: QtBot, make_window: MakeWindow, service: KioskService
) -> None:
    window = make_window(idle_ms=150)
    window.open_display_panel()
    _pick(qtbot, window.display_panel.size_rows[125])
    assert window.current == "attract" and service.display.text_size == 125
    assert window.idle.is_running()  # attract waits for no one, except to forget this
    qtbot.waitUntil(lambda: service.display == STANDARD_DISPLAY, timeout=3000)
    assert not window.display_panel.isVisible()
    assert metrics.SCALE == 1.0
    assert not window.idle.is_running()


def test_staffs_default_display_is_where_everyone_starts_and_returns(
    qtbot: QtBot, make_window: MakeWindow, service: KioskService
) -> None:
    service.set_default_display(Display(125, Theme.HIGH_CONTRAST))
    window = make_window()
    assert metrics.SCALE == 1.25 and current() is HIGH_CONTRAST
    window.go("home")
    window.open_display_panel()
    assert window.display_panel.size_rows[125].isChecked()
    _pick(qtbot, window.display_panel.size_rows[100])
    _pick(qtbot, window.display_panel.contrast_row, on=False)
    assert service.display == STANDARD_DISPLAY
    window.start_over()
    assert service.display == Display(125, Theme.HIGH_CONTRAST)
    assert metrics.SCALE == 1.25


def test_the_staff_screens_keep_the_standard_display(
    qtbot: QtBot, make_window: MakeWindow, service: KioskService
) -> None:
    service.set_default_display(Display(150, Theme.HIGH_CONTRAST))
    window = make_window()
    window.open_staff()
    pad = window.staff.pin_stage.pad
    key = pad.keys()[0]
    assert key.height() <= 84  # laid out at 100 % (metrics.PIN_KEY_HEIGHT at 1.0)
    assert key.font().pixelSize() == 30  # the 100 % stylesheet
    assert STANDARD.page in window.staff.styleSheet()
    assert HIGH_CONTRAST.page not in window.staff.styleSheet().split("#mainWindow")[1][:80]


@pytest.mark.parametrize("display", [LARGE, Display(100, Theme.HIGH_CONTRAST)])
def test_larger_text_or_high_contrast_doubles_the_time_before_still_there(
    qtbot: QtBot, make_window: MakeWindow, display: Display
) -> None:
    window = make_window(idle_ms=10_000)
    window.go("home")
    assert window.idle.interval_ms == 10_000
    window.open_display_panel()
    if display.is_high_contrast:
        _pick(qtbot, window.display_panel.contrast_row)
    else:
        _pick(qtbot, window.display_panel.size_rows[display.text_size])
    assert window.idle.interval_ms == 20_000
    window.go("message")
    assert window.idle.interval_ms == 20_000


@pytest.mark.parametrize(
    ("reduced_motion", "display", "rotates"),
    [
        (False, STANDARD_DISPLAY, True),
        (True, STANDARD_DISPLAY, False),
        (False, Display(100, Theme.HIGH_CONTRAST), False),
    ],
)
def test_attract_rotates_only_without_reduced_motion_or_high_contrast(
    qtbot: QtBot,
    make_window: MakeWindow,
    service: KioskService,
    reduced_motion: bool,
    display: Display,
    rotates: bool,
) -> None:
    service.set_default_display(display)
    window = make_window(reduced_motion=reduced_motion)
    window.go("home")
    window.go("attract")
    attract = window.attract
    assert attract.is_rotating() is rotates
    assert all(dot.isVisible() is rotates for dot in attract.findChildren(QWidget, "attractDot"))
    assert attract.current_message() == service.content.attract[0]


def test_tab_stays_in_the_display_card_and_esc_closes_it(
    qtbot: QtBot, kiosk_window: MainWindow
) -> None:
    window = kiosk_window
    window.go("message")
    window.open_display_panel()
    panel = window.display_panel
    reached = set()
    for _ in range(12):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        focused = window.focusWidget()
        assert focused is not None and panel.isAncestorOf(focused), focused
        reached.add(focused)
    assert panel.done_button in reached and panel.contrast_row.button in reached
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert window.message.display_button.hasFocus()
    assert window.stack.isEnabled()
