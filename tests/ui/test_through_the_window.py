"""What the widget-level tests click inside composed screens, done again through the window.

An audit of the UI tests (issue 8): every action they take by clicking a widget
inside a screen is repeated here through the kiosk window's ``QWindow``, by
touch as at a touch-only booth (the journeys in ``test_journeys`` cover sign-up,
the staff gesture and idle). Each test names the widget-level test it mirrors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import Booth


def test_quick_taps_on_a_touch_scrolled_form_each_land(open_booth: Callable[..., Booth]) -> None:
    """Two taps in a row, on two fields or twice on one box, are two taps, however quick."""
    booth = open_booth()
    window, user = booth.window, booth.user
    window.go("join")
    join = window.join
    for field in (join.last_name, join.email, join.first_name, join.last_name):
        user.tap(field.edit)
        assert field.edit.hasFocus(), field.edit.accessibleName()
    user.swipe_into_view(join.scroll_area, join.email_group)
    user.tap(join.email_group)
    user.tap(join.email_group)
    assert not join.email_group.isChecked()
    user.tap(join.email_group)
    assert join.email_group.isChecked()


def _in_sight(area: Any, widget: Any) -> bool:
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_the_email_field_stays_in_sight_above_the_taller_email_keyboard(
    qtbot: Any, open_booth: Callable[..., Booth]
) -> None:
    booth = open_booth()
    window, user = booth.window, booth.user
    window.go("join")
    join = window.join
    user.tap(join.email.edit)
    qtbot.waitUntil(lambda: join.keyboard.layout_name() == "email")
    qtbot.waitUntil(lambda: _in_sight(join.scroll_area, join.email.edit))
    user.type_on(join.keyboard, "ann@")
    assert join.email.text() == "ann@"


def test_next_brings_each_following_control_into_sight(
    qtbot: Any, open_booth: Callable[..., Booth]
) -> None:
    booth = open_booth()
    window, user = booth.window, booth.user
    window.go("join")
    join = window.join
    user.tap(join.first_name.edit)
    while not join.submit_button.hasFocus():
        user.tap_key(join.keyboard, "Next field")
        focused = QApplication.focusWidget()
        assert join.form_card.isAncestorOf(focused), focused
        qtbot.waitUntil(lambda w=focused: _in_sight(join.scroll_area, w))
    # The last control is in reach too: Sign up answers a tap.
    user.tap(join.submit_button)
    assert join.first_name.error()
