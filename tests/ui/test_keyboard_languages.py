"""Names typed in Hebrew, Arabic and Spanish on the on-screen keyboard, through the kiosk window.

The letter layouts switch from the keyboard's bottom row and stay chosen for
every name field; the email, phone and ZIP fields get Latin keys whatever was
chosen. Every tap goes to the window as a touch screen delivers it.
"""

from __future__ import annotations

import functools
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.signup import WlfChoice
from tests.ui.conftest import Booth
from tests.ui.keyboard_form import KeyboardForm
from tests.ui.showing import BOOTH_SIZE, show_window
from tests.ui.test_journeys import _open_sign_up
from ui.widgets.keyboard import (
    ARABIC_ROWS,
    HEBREW_ROWS,
    OnScreenKeyboard,
    field_layout,
    letter_layout_for,
)


def _layout_keys(keyboard: OnScreenKeyboard) -> list[str]:
    return [key.accessibleName() for key in keyboard.keys() if key.property("kind") == "layout"]


def _wait_for_layout(qtbot: QtBot, keyboard: OnScreenKeyboard, name: str) -> None:
    qtbot.waitUntil(lambda: keyboard.layout_name() == name)
    # New rows of keys show on the next turn of the event loop, as on screen.
    qtbot.waitUntil(lambda: all(key.isVisible() for key in keyboard.keys()))


def test_a_sign_up_typed_in_hebrew_and_arabic_is_stored_exactly(qtbot: QtBot, booth: Booth) -> None:
    user = booth.user
    join = _open_sign_up(booth)
    keyboard = join.keyboard

    user.tap(join.first_name.edit)
    user.tap_key(keyboard, "Hebrew letters")
    _wait_for_layout(qtbot, keyboard, "hebrew")
    assert join.first_name.edit.hasFocus()
    user.type_on(keyboard, "דנה")
    user.tap(join.last_name.edit)
    assert keyboard.layout_name() == "hebrew"  # the choice stays for the next name field
    user.tap_key(keyboard, "Arabic letters")
    _wait_for_layout(qtbot, keyboard, "arabic")
    # "Ben Ahmad Alaa": a hamza form (Shift, then the alef key) and the lam-alef key.
    user.type_on(keyboard, "بن أحمد ع")
    user.tap_key(keyboard, "Letter لا")
    user.type_on(keyboard, "ء")
    assert join.last_name.text() == "بن أحمد علاء"

    user.tap(join.email.edit)
    _wait_for_layout(qtbot, keyboard, "email")
    assert _layout_keys(keyboard) == []  # no Hebrew or Arabic in an email
    user.type_on(keyboard, "dana@example")
    user.tap_key(keyboard, "Type .org")
    user.tap_key(keyboard, "Next field")
    assert join.phone.edit.hasFocus()
    _wait_for_layout(qtbot, keyboard, "text")
    assert _layout_keys(keyboard) == []
    user.type_on(keyboard, "6172531000")
    user.swipe_into_view(join.scroll_area, join.first_name.edit)
    user.tap(join.first_name.edit)
    _wait_for_layout(qtbot, keyboard, "arabic")  # back in a name: the attendee's letters
    assert len(_layout_keys(keyboard)) == 4

    user.swipe_into_view(join.scroll_area, join.choice_rows[WlfChoice.MEMBER])
    user.tap(join.choice_rows[WlfChoice.MEMBER])
    user.swipe_into_view(join.scroll_area, join.consent)
    user.tap(join.consent)
    user.swipe_into_view(join.scroll_area, join.submit_button)
    user.tap(join.submit_button)
    assert booth.window.current == "thank_you"
    with sqlite3.connect(booth.service.store.db_path) as conn:
        row = conn.execute("SELECT first_name, last_name, email, phone FROM signups").fetchone()
    assert row == ("דנה", "بن أحمد علاء", "dana@example.org", "+16172531000")


@pytest.fixture
def fields(qtbot: QtBot) -> KeyboardForm:
    return show_window(qtbot, KeyboardForm(), size=BOOTH_SIZE, active=True)


def test_latin_fields_get_latin_keys_whatever_letters_were_chosen(
    qtbot: QtBot, fields: KeyboardForm
) -> None:
    fields.keyboard.set_letter_layout("hebrew")
    expected = [
        (fields.name, "hebrew"),
        (fields.email, "email"),
        (fields.phone, "text"),
        (fields.zip, "text"),
        (fields.pin, "text"),
        (fields.number, "text"),
        (fields.name, "hebrew"),
    ]
    for field, layout in expected:
        field.setFocus()
        qtbot.waitUntil(functools.partial(_has_focus, field))
        assert fields.keyboard.layout_name() == layout
        assert bool(_layout_keys(fields.keyboard)) == (layout == "hebrew")


def _has_focus(field: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is field or field.isAncestorOf(focused))


def _name_keys(qtbot: QtBot, fields: KeyboardForm, layout: str) -> OnScreenKeyboard:
    """The keyboard showing ``layout``, the name field focused."""
    fields.name.setFocus()
    qtbot.waitUntil(fields.name.hasFocus)
    fields.keyboard.set_layout(layout)
    return fields.keyboard


def test_field_layouts_follow_input_hints(fields: KeyboardForm) -> None:
    assert [
        field_layout(w)
        for w in (fields.name, fields.email, fields.phone, fields.zip, fields.pin, fields.number)
    ] == ["letters", "email", "latin", "latin", "latin", "latin"]
    assert field_layout(fields.keyboard) is None


@pytest.mark.parametrize(
    ("language", "layout"),
    [("en", "text"), ("es", "spanish"), ("he", "hebrew"), ("ar", "arabic"), ("pt-BR", "text")],
)
def test_each_language_starts_its_attendees_on_its_letters(language: str, layout: str) -> None:
    assert letter_layout_for(language) == layout


def test_the_hebrew_keys_are_the_israeli_standard_and_the_arabic_keys_arabic_101(
    qtbot: QtBot, fields: KeyboardForm
) -> None:
    keyboard = _name_keys(qtbot, fields, "hebrew")
    hebrew = [key.text() for key in keyboard.keys() if key.property("kind") in ("letter", "char")]
    for row in HEBREW_ROWS:
        assert "".join(row) in "".join(hebrew)
    letters = {c for row in HEBREW_ROWS for c in row if c.isalpha()}
    assert letters == set("אבגדהוזחטיכךלמםנןסעפףצץקרשת")  # every letter, with final forms
    assert not any(key.accessibleName() == "Shift" for key in keyboard.keys())
    keyboard.set_layout("arabic")
    shown = "".join(key.text() for key in keyboard.keys())
    assert all(key in shown for row in ARABIC_ROWS for key, _ in row)
    assert shown.startswith("ذ1234567890-")


def test_arabic_shift_gives_hamza_forms_and_marks_named_for_a_screen_reader(
    qtbot: QtBot, fields: KeyboardForm
) -> None:
    keyboard = _name_keys(qtbot, fields, "arabic")
    qtbot.mouseClick(keyboard.key("Shift"), Qt.MouseButton.LeftButton)
    names = {key.accessibleName() for key in keyboard.keys()}
    assert {"Letter أ", "Letter إ", "Letter آ", "Fatha", "Shadda", "Arabic comma"} <= names
    assert "Letter ا" not in names
    qtbot.mouseClick(keyboard.key("Fatha"), Qt.MouseButton.LeftButton)
    assert fields.name.text() == "\u064e"
    assert keyboard.key("Letter ا").text() == "ا"  # Shift let go after one key


def test_spanish_letters_type_accents_n_tilde_and_inverted_marks(
    qtbot: QtBot, fields: KeyboardForm
) -> None:
    keyboard = _name_keys(qtbot, fields, "spanish")
    for name in ("Shift", "Letter j", "Letter o", "Letter s", "Letter é", "Space", "Shift"):
        qtbot.mouseClick(keyboard.key(name), Qt.MouseButton.LeftButton)
    for name in ("Letter ñ", "Letter ü", "Inverted question mark", "Inverted exclamation mark"):
        qtbot.mouseClick(keyboard.key(name), Qt.MouseButton.LeftButton)
    assert fields.name.text() == "José Ñü¿¡"


def test_an_unknown_letter_layout_is_refused(fields: KeyboardForm) -> None:
    with pytest.raises(ValueError):
        fields.keyboard.set_letter_layout("email")
    with pytest.raises(ValueError):
        fields.keyboard.set_letter_layout("klingon")
    assert fields.keyboard.letter_layout() == "text"
