"""What the widget-level tests click inside composed screens, done again through the window.

An audit of the UI tests (issue 8): every action they take by clicking a widget
inside a screen is repeated here through the kiosk window's ``QWindow``, by
touch as at a touch-only booth (the journeys in ``test_journeys`` cover sign-up,
the staff gesture and idle). Each test names the widget-level test it mirrors.
"""

from __future__ import annotations

from collections.abc import Callable

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
