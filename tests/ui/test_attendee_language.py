"""An attendee's language: chosen with one tap on attract or home, every text in it at once,
theirs alone (the next attendee starts in the kiosk's default), and no English left behind.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.service import KioskService
from tests.factories import STAFF_PIN, MakeService
from tests.ui.conftest import MakeWindow
from tests.ui.layout import clipped_texts, settle, visible_texts
from tests.ui.test_language_layout import SIZES, attendee_screens, open_kiosk
from tests.ui.window_input import WindowInput
from ui.main_window import MainWindow
from ui.widgets.keyboard import SWITCH_LABELS

NAMES_IN_THEMSELVES = {"en": "English", "es": "Español", "he": "עברית", "ar": "العربية"}
TYPED = {"Dana", "Levi", "dana.levi@gmail.con", "dana@example.org", "555-01"}
"""What the screens' walk types into the form: an attendee's own words, in any language."""


def _tap_language(window: MainWindow, user: WindowInput, route: str, code: str) -> None:
    bar = window.screen_named(route).language_bar  # type: ignore[attr-defined]
    user.tap(bar.buttons()[code])


@pytest.mark.parametrize("route", ["attract", "home"])
def test_attract_and_home_offer_every_language_named_in_itself(
    kiosk_window: MainWindow, route: str
) -> None:
    kiosk_window.go(route)
    settle()
    bar = kiosk_window.screen_named(route).language_bar  # type: ignore[attr-defined]
    buttons = bar.buttons()
    assert {code: b.text() for code, b in buttons.items()} == NAMES_IN_THEMSELVES
    for button in buttons.values():
        assert button.isVisible() and button.height() >= 48 and button.width() >= 48
        assert button.accessibleName() == button.text()
    assert [code for code, b in buttons.items() if b.isChecked()] == ["en"]


@pytest.mark.parametrize(("route", "language"), [("attract", "he"), ("home", "ar"), ("home", "es")])
def test_one_tap_puts_every_text_on_the_screen_into_that_language(
    make_service: MakeService,
    make_window: MakeWindow,
    touchscreen: QPointingDevice,
    route: str,
    language: str,
) -> None:
    # What the screen shows on a kiosk set up in that language: the reference.
    reference = open_kiosk(make_service, make_window, language, SIZES[0])
    reference.go(route)
    settle()
    expected = visible_texts(reference.screen_named(route))
    reference.allow_close()
    reference.close()

    window = open_kiosk(make_service, make_window, "en", SIZES[0])
    window.go(route)
    settle()
    english = visible_texts(window.screen_named(route))
    _tap_language(window, WindowInput(window, touchscreen), route, language)
    # At once: the tap itself has changed every text, with nothing more run.
    shown = visible_texts(window.screen_named(route))
    assert window.current == route
    assert shown == expected and shown != english
    rtl = language in ("he", "ar")
    assert window.screen_named(route).isRightToLeft() == rtl
    assert window.service.language == language


def _english_left(
    language: str, english: set[str], shown: set[str], window: MainWindow
) -> set[str]:
    """Texts shown in ``language`` that are the English screen's, and no attendee's own words."""
    content = window.service.content
    same_everywhere = {
        *NAMES_IN_THEMSELVES.values(),
        *TYPED,
        *(resource.source for resource in content.resources),
        *(link for resource in content.resources if (link := resource.link)),
        *([content.link] if content.link else []),
        *SWITCH_LABELS.values(),
        "name@example.org",
    }
    return {
        text
        for text in shown & english
        if text not in same_everywhere and sum(ch.isalpha() for ch in text) > 1
    }


_english_texts: dict[str, set[str]] = {}
"""Every attendee screen's texts in English, by screen: read once for the three languages."""


@pytest.mark.parametrize("language", ["es", "he", "ar"])
def test_no_english_is_left_on_a_translated_attendee_screen(
    make_service: MakeService, make_window: MakeWindow, language: str
) -> None:
    if not _english_texts:
        english_window = open_kiosk(make_service, make_window, "en", SIZES[0])
        _english_texts.update(
            (name, visible_texts(screen)) for name, screen in attendee_screens(english_window)
        )
        english_window.allow_close()
        english_window.close()
    english = _english_texts
    window = open_kiosk(make_service, make_window, language, SIZES[0])
    left = {
        name: _english_left(language, english[name], visible_texts(screen), window)
        for name, screen in attendee_screens(window)
    }
    assert len(left) == len(english) == 10
    assert not any(left.values()), {name: texts for name, texts in left.items() if texts}


# The choice is the attendee's alone -----------------------------------------------------


def _in_hebrew_on(window: MainWindow, route: str) -> None:
    window.go("home")
    window.set_language("he")
    window.go(route)
    assert window.service.language == "he" and window.screen_named(route).isRightToLeft()


def _assert_back_in_english(window: MainWindow) -> None:
    assert window.current == "attract"
    assert window.service.language == "en"
    assert not window.attract.isRightToLeft()
    assert window.attract.start_button.text() == "Touch to begin"
    assert window.attract.language_bar is not None
    assert window.attract.language_bar.buttons()["en"].isChecked()


def test_done_brings_the_default_language_back(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    _in_hebrew_on(window, "thank_you")
    assert window.thank_you.done_button.text() == "סיום"
    qtbot.mouseClick(window.thank_you.done_button, Qt.MouseButton.LeftButton)
    _assert_back_in_english(window)


def test_the_thank_you_timeout_brings_the_default_language_back(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.thank_you.countdown.set_tick_ms(10)
    _in_hebrew_on(window, "thank_you")
    qtbot.waitUntil(lambda: window.current == "attract", timeout=3000)
    _assert_back_in_english(window)


def test_the_idle_reset_brings_the_default_language_back(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window(idle_ms=100, countdown_s=2, countdown_tick_ms=20)
    _in_hebrew_on(window, "join")
    window.join.first_name.edit.setText("דנה")
    qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
    assert window.overlay.title_label.text() == "עדיין כאן?"
    qtbot.waitUntil(lambda: window.current == "attract", timeout=3000)
    _assert_back_in_english(window)
    assert all(field.text() == "" for field in window.join.fields().values())
    assert window.join.submit_button.text() == "Sign up"


def test_a_language_chosen_on_attract_is_undone_when_nobody_carries_on(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window(idle_ms=100)
    assert window.current == "attract"
    window.set_language("ar")  # then the attendee walks away without touching again
    assert window.attract.isRightToLeft()
    qtbot.waitUntil(lambda: window.service.language == "en", timeout=3000)
    _assert_back_in_english(window)
    assert not window.overlay.isVisible()  # nothing typed: no countdown to warn about
    qtbot.wait(300)
    assert window.current == "attract" and window.service.language == "en"


def test_a_kiosk_whose_default_is_arabic_returns_to_arabic(
    make_service: MakeService, make_window: MakeWindow
) -> None:
    window = open_kiosk(make_service, make_window, "ar", SIZES[0])
    assert window.attract.isRightToLeft()
    window.go("home")
    window.set_language("es")
    assert window.home.resources_card.title_label.text() == "Recursos"
    window.go("attract")
    assert window.service.language == "ar" and window.attract.isRightToLeft()


def test_a_kiosk_offering_one_language_shows_no_language_buttons(
    service: KioskService, make_window: MakeWindow
) -> None:
    service.set_languages(["en"], "en")
    window = make_window(service)
    window.go("home")
    for screen in (window.attract, window.home):
        assert screen.language_bar is not None and not screen.language_bar.isVisible()


def test_languages_staff_stop_offering_leave_the_buttons_when_attract_shows(
    qtbot: QtBot, service: KioskService, make_window: MakeWindow
) -> None:
    window = make_window(service)
    window.go("home")
    service.set_languages(["en", "he"], "he")  # as on the staff panel's Languages page
    window.open_staff()
    window.go("attract")
    assert window.service.language == "he"
    bar = window.attract.language_bar
    assert bar is not None and list(bar.buttons()) == ["en", "he"]
    assert bar.buttons()["he"].isChecked()


def test_the_staff_panel_stays_english_and_left_to_right_in_hebrew(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    _in_hebrew_on(window, "home")
    window.open_staff()
    staff = window.staff
    pad = staff.pin_stage.pad
    for digit in STAFF_PIN:
        next(k for k in pad.keys() if k.accessibleName() == f"Digit {digit}").click()
    next(k for k in pad.keys() if k.accessibleName() == "OK, enter PIN").click()
    qtbot.waitUntil(staff.is_unlocked, timeout=5000)
    for page in ("today", "event", "export", "settings", "languages"):
        staff.panel.show_page(page)
        settle()
        assert not staff.isRightToLeft()
        assert not clipped_texts(window, staff), page
        texts = visible_texts(staff)
        assert not [
            t
            for t in texts
            if any("\u0590" <= ch <= "\u06ff" for ch in t) and t not in NAMES_IN_THEMSELVES.values()
        ], page


# Text fields whose words run their own way ------------------------------------------------


def _cursor_x(edit: QLineEdit, position: int) -> int:
    """Where the cursor is drawn at ``position`` (a field places its text as it paints)."""
    edit.setCursorPosition(position)
    edit.repaint()
    return edit.cursorRect().center().x()


def _reads_left_to_right(edit: QLineEdit) -> bool:
    """Whether the field's text runs left to right: its end is right of its start."""
    return _cursor_x(edit, len(edit.text())) > _cursor_x(edit, 0)


@pytest.mark.parametrize("language", ["he", "ar"])
def test_a_latin_name_in_a_right_to_left_form_reads_left_to_right(
    make_service: MakeService, make_window: MakeWindow, language: str
) -> None:
    window = open_kiosk(make_service, make_window, language, SIZES[0])
    window.go("join")
    first = window.join.first_name.edit
    # Empty, the field waits on the right, where a Hebrew or Arabic name begins.
    assert _cursor_x(first, 0) > first.width() // 2
    first.setText("Dana Levi-Cohen.")
    assert _reads_left_to_right(first)
    first.setText("דנה לוי")
    assert not _reads_left_to_right(first)
    assert _cursor_x(first, 0) > first.width() // 2  # it begins on the right


@pytest.mark.parametrize("language", ["en", "es", "he", "ar"])
def test_email_phone_and_zip_read_left_to_right_in_every_language(
    make_service: MakeService, make_window: MakeWindow, language: str
) -> None:
    window = open_kiosk(make_service, make_window, language, SIZES[0])
    window.go("join")
    join = window.join
    for field, value in (
        (join.email, "dana.levi@example.org"),
        (join.phone, "+972 50-123-4567"),
        (join.postal_code, "02139-4307"),
    ):
        assert field.edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
        field.edit.setText(value)
        assert _reads_left_to_right(field.edit), value
        # The text starts at the field's left edge, as an address is read.
        assert _cursor_x(field.edit, 0) < field.edit.width() // 4


def test_the_form_keeps_what_was_typed_when_the_language_changes(
    kiosk_window: MainWindow,
) -> None:
    """Only attract and home offer the languages; a switch mid-form still loses nothing."""
    window = kiosk_window
    window.go("join")
    join = window.join
    join.first_name.edit.setText("Dana")
    join.email.edit.setText("dana@gmail.con")
    join.submit()
    assert join.email.error() is not None
    window.set_language("es")
    assert join.first_name.text() == "Dana"
    assert join.status() == "Revise las respuestas marcadas en rojo."
    assert join.last_name.error() == "Escriba sus apellidos."
    assert join.suggestion_button.text().startswith("¿Quiso decir")


def test_a_language_no_longer_offered_is_refused_quietly(
    service: KioskService, make_window: MakeWindow
) -> None:
    window = make_window(service)
    window.go("home")
    service.set_languages(["en", "es"], "en")
    window.set_language("he")  # a button from before the staff's change
    assert window.service.language == "en"
    assert window.home.language_bar is not None
    assert list(window.home.language_bar.buttons()) == ["en", "es"]


def test_the_hot_corner_still_opens_staff_over_a_right_to_left_home(
    qtbot: QtBot, make_window: MakeWindow, touchscreen: QPointingDevice
) -> None:
    window = make_window(hold_ms=200)
    _in_hebrew_on(window, "home")
    user = WindowInput(window, touchscreen)
    user.touch_down_at(QPoint(10, 10))
    qtbot.waitUntil(lambda: window.current == "staff", timeout=3000)
    user.touch_up_at(QPoint(10, 10))
