"""Every screen: touch-sized, named controls; translatable chrome; attract rotation; QR codes.

The layout of every attendee screen in every language is checked in test_language_layout.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.paths import default_content_path
from kiosk.service import KioskService
from tests.ui.layout import settle
from ui.screens.attract import AttractScreen
from ui.widgets.qr_view import QrView, qr_matrix, render_qr_image

W = TypeVar("W", bound=QWidget)
ARTICLE_LINK = "https://example.org/articles/shared-society?ref=kiosk"
ACTION_LINK = "https://example.org/act"


def _stages(window: Any) -> list[tuple[str, Any]]:
    """Each screen state an attendee or volunteer can see, as (name, function that shows it)."""

    def join_with_errors() -> None:
        window.go("join")
        window.join.email.edit.setText("ann@gmail.con")
        window.join.submit()

    def idle_warning() -> None:
        window.go("home")
        window.overlay.start()
        window.overlay.freeze()

    return [
        ("attract", lambda: window.go("attract")),
        ("home", lambda: window.go("home")),
        ("message", lambda: window.go("message")),
        ("resources", lambda: window.go("resources")),
        ("resource_detail", lambda: window.resources.show_detail(0)),
        ("action", lambda: window.go("action")),
        ("join", lambda: window.go("join")),
        ("join_errors", join_with_errors),
        ("thank_you", lambda: window.go("thank_you")),
        ("idle_countdown", idle_warning),
        ("staff_pin", window.open_staff),
        ("staff", window.staff.show_panel_for_screenshot),
    ]


def _visible(window: QWidget, kind: type[W]) -> list[W]:
    return [w for w in window.findChildren(kind) if w.isVisible() and not w.isHidden()]


def _walk(qtbot: QtBot, window: Any) -> Any:
    for name, show in _stages(window):
        window.overlay.cancel()
        show()
        settle()
        yield name


def test_every_button_on_every_screen_is_touch_sized_and_named(
    qtbot: QtBot, make_window: Any
) -> None:
    window = make_window(show_keyboard=True)
    problems: list[str] = []
    seen = 0
    for name in _walk(qtbot, window):
        for button in _visible(window, QAbstractButton):
            seen += 1
            label = button.accessibleName() or button.text() or button.objectName()
            if button.height() < 48:
                problems.append(f"{name}: {label!r} is {button.height()} px high")
            if not button.accessibleName().strip():
                problems.append(f"{name}: a button ({button.objectName()}) has no accessible name")
        for edit in _visible(window, QLineEdit):
            if not edit.accessibleName().strip():
                problems.append(f"{name}: a text field ({edit.objectName()}) has no name")
    assert seen > 60
    assert not problems, "\n".join(problems)


def test_on_screen_keyboard_is_on_the_form_with_an_email_layout(
    qtbot: QtBot, make_window: Any
) -> None:
    window = make_window(show_keyboard=True)
    window.go("join")
    keyboard = window.join.keyboard
    assert keyboard is not None and keyboard.isVisible()
    window.join.email.edit.setFocus()
    qtbot.waitUntil(lambda: keyboard.layout_name() == "email", timeout=1000)
    keyboard.key("At sign").click()
    keyboard.key("Type .org").click()
    assert window.join.email.text() == "@.org"
    window.join.first_name.edit.setFocus()
    qtbot.waitUntil(lambda: keyboard.layout_name() == "text", timeout=1000)


def test_keyboard_is_off_without_a_touch_screen_in_auto_mode(make_window: Any) -> None:
    window = make_window(show_keyboard=None)  # the config's "auto", offscreen has no touch
    assert window.join.keyboard is None


def test_tab_order_on_the_form_follows_the_page(qtbot: QtBot, kiosk_window: Any) -> None:
    join = kiosk_window.join
    kiosk_window.go("join")
    expected = [
        join.first_name.edit,
        join.last_name.edit,
        join.email.edit,
        join.phone.edit,
        join.postal_code.edit,
    ]
    for current, following in zip(expected, expected[1:], strict=False):
        current.setFocus()
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        assert following.hasFocus(), f"Tab from {current.accessibleName()}"
    join.postal_code.edit.setFocus()
    qtbot.keyClick(join.postal_code.edit, Qt.Key.Key_Tab)
    first_choice = next(iter(join.choice_rows.values())).button
    assert first_choice.hasFocus()


class _ShoutingTranslator(QTranslator):
    """Translates every UI string to upper case, to show which strings are translatable."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return source.upper()


def test_ui_chrome_goes_through_translation_and_content_does_not(
    qtbot: QtBot, service: KioskService, make_window: Any
) -> None:
    translator = _ShoutingTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        window = make_window()
        assert len(window.screens) == 8  # build every screen while the translator is in
    finally:
        QCoreApplication.removeTranslator(translator)
    assert window.message.header.back_button.text() == "BACK"
    assert window.join.submit_button.text() == "SIGN UP"
    assert window.attract.start_button.text() == "TOUCH TO BEGIN"
    # Content is shown exactly as the content file words it.
    assert window.join.consent.text() == service.content.consent.text
    assert window.home.title_label.text() == service.content.title


def test_no_seed_wording_is_hard_coded_in_the_screens() -> None:
    seed_phrases = [
        "Women’s Leadership Forum",
        "Women's Leadership Forum",
        "International Fund",
        # "People to People" alone is also the product's name (window titles).
        "People to People Connections",
        "Essential Component",
        "Members of Congress",
        "Not authorized",
    ]
    # Every UI module: the kiosk's screens, the staff panel, the widgets and the office.
    sources = sorted((Path(__file__).resolve().parents[2] / "ui").rglob("*.py"))
    code = "\n".join(
        re.sub(r'"""(?:.|\n)*?"""', "", path.read_text(encoding="utf-8")) for path in sources
    )
    code = "\n".join(line.split("#")[0] for line in code.splitlines())
    for phrase in seed_phrases:
        assert phrase not in code


# Attract -------------------------------------------------------------------------------


def test_attract_rotates_through_every_key_message_and_loops(
    qtbot: QtBot, service: KioskService
) -> None:
    screen = AttractScreen(service, rotate_ms=30, fade_ms=10)
    qtbot.addWidget(screen)
    screen.show()
    screen.on_enter()
    messages = service.content.attract
    assert screen.current_message() == messages[0]
    for index in list(range(1, len(messages))) + [0]:

        def shows(i: int = index) -> bool:
            return screen.current_message() == messages[i]

        qtbot.waitUntil(shows, timeout=2000)
    screen.on_leave()


def test_any_touch_or_key_on_attract_goes_home(qtbot: QtBot, kiosk_window: Any) -> None:
    window = kiosk_window
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    assert window.current == "home"
    window.go("attract")
    qtbot.keyClick(window.attract, Qt.Key.Key_A)
    assert window.current == "home"


# QR codes ------------------------------------------------------------------------------


@pytest.fixture
def linked_service(tmp_path: Path, make_service: Any) -> Any:
    """A service over a content variant whose first resource and second action have links."""
    text = default_content_path().read_text(encoding="utf-8")
    text = text.replace(
        'source = "Jerusalem Post"\n', f'source = "Jerusalem Post"\nlink = "{ARTICLE_LINK}"\n', 1
    )
    text = text.replace("pledge = false\n", f'pledge = false\nlink = "{ACTION_LINK}"\n', 1)
    path = tmp_path / "linked.toml"
    path.write_text(text, encoding="utf-8")
    return make_service(data_dir=tmp_path / "linked-data", content_path=path)


def test_resource_detail_shows_a_qr_code_with_its_address_when_linked(
    qtbot: QtBot, linked_service: Any
) -> None:
    from ui.app import build_main_window

    window = build_main_window(linked_service, show_keyboard=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.allow_close())
    window.resize(1280, 800)
    window.show()
    window.go("resources")
    qtbot.mouseClick(window.resources.cards[0], Qt.MouseButton.LeftButton)
    detail = window.resources.detail
    assert window.resources.is_showing_detail()
    assert detail is not None and detail.qr is not None and detail.qr.isVisible()
    assert detail.qr.address() == ARTICLE_LINK
    assert detail.qr.address_label.text() == ARTICLE_LINK
    assert detail.qr.canvas.matrix == qr_matrix(ARTICLE_LINK)
    # Back returns to the list first, then home.
    qtbot.mouseClick(window.resources.header.back_button, Qt.MouseButton.LeftButton)
    assert not window.resources.is_showing_detail()
    window.resources.show_detail(1)
    assert window.resources.detail is not None and window.resources.detail.qr is None
    window.go("action")
    assert [qr.address() for qr in window.action.qr_views] == [ACTION_LINK]


def test_bundled_content_shows_no_invented_qr_codes(kiosk_window: Any) -> None:
    window = kiosk_window
    for index in range(len(window.resources.resources)):
        window.resources.show_detail(index)
        assert window.resources.detail.qr is None
    # The one code is the message screen's: the People to People page, the seed text's source.
    codes = [qr.address() for qr in window.findChildren(QrView)]
    assert codes == ["https://jstreet.org/womens-leadership-forum/people-to-people/"]


@pytest.mark.parametrize("side", [120, 333, 800])
def test_qr_is_drawn_crisp_on_whole_pixel_modules(qapp: QApplication, side: int) -> None:
    matrix = qr_matrix(ARTICLE_LINK)
    image = render_qr_image(ARTICLE_LINK, side)
    count = len(matrix)
    module = side // count
    offset = (side - module * count) // 2
    colors = set()
    for y in range(count):
        for x in range(count):
            # Sample each module's centre and a corner: same colour, only black or white.
            centre = QColor(
                image.pixel(offset + x * module + module // 2, offset + y * module + module // 2)
            )
            corner = QColor(image.pixel(offset + x * module, offset + y * module))
            assert centre == corner
            assert (centre.lightness() < 128) == matrix[y][x]
            colors.add(centre.name())
    assert colors == {"#1b2230", "#ffffff"}


@pytest.mark.parametrize("length", [2_400, 100_000])
def test_take_action_and_resources_never_crash_on_a_link(
    qtbot: QtBot, service: KioskService, length: int
) -> None:
    # Content made in code skips the loader's length limit; an over-long link
    # made the QR encoder raise and took the Take action screen down with it.
    from dataclasses import replace

    from ui.app import build_main_window

    link = "https://example.org/" + "a" * length
    content = service.content
    service.content = replace(
        content,
        calls_to_action=tuple(replace(a, link=link) for a in content.calls_to_action),
        resources=tuple(replace(r, link=link) for r in content.resources),
    )
    window = build_main_window(service, show_keyboard=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.allow_close())
    window.resize(1280, 800)
    window.show()
    window.go("action")
    window.resources.show_detail(0)
    views = window.findChildren(QrView)
    assert views and all(view.address() == link for view in views)
    # No code, but the address is still there to read or type.
    assert all(not view.canvas.isVisibleTo(view) for view in views)
    assert all(view.address_label.text() == link for view in views)
