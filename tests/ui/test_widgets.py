"""The shared touch widgets, driven by clicks and key presses: keyboard, PIN pad, hour chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.keyboard_form import KeyboardForm
from tests.ui.showing import show_window
from ui.widgets.hour_chart import HourChart, nice_axis_max
from ui.widgets.keyboard import EMAIL_DOMAIN_ENDINGS, EMAIL_DOMAINS, OnScreenKeyboard
from ui.widgets.pin_pad import PinPad

# --- On-screen keyboard ---------------------------------------------------------------


@pytest.fixture
def form(qtbot: QtBot) -> KeyboardForm:
    return show_window(qtbot, KeyboardForm(), active=True)


def _focus(qtbot: QtBot, field: QWidget) -> None:
    field.setFocus()
    qtbot.waitUntil(lambda: field.hasFocus())


def _tap(qtbot: QtBot, keyboard: OnScreenKeyboard, name: str) -> None:
    qtbot.mouseClick(keyboard.key(name), Qt.MouseButton.LeftButton)


def test_keyboard_types_letters_into_the_focused_field_without_taking_focus(
    qtbot: QtBot, form: KeyboardForm
) -> None:
    _focus(qtbot, form.name)
    for name in ("Letter d", "Letter a", "Letter n", "Letter a"):
        _tap(qtbot, form.keyboard, name)
    assert form.name.text() == "dana"
    assert form.name.hasFocus()
    assert form.email.text() == ""


def test_keyboard_shift_capitalises_one_letter_then_releases(
    qtbot: QtBot, form: KeyboardForm
) -> None:
    _focus(qtbot, form.name)
    _tap(qtbot, form.keyboard, "Shift")
    assert form.keyboard.is_shifted()
    assert form.keyboard.key("Letter a").text() == "A"
    _tap(qtbot, form.keyboard, "Letter a")
    _tap(qtbot, form.keyboard, "Letter n")
    assert form.name.text() == "An"
    assert not form.keyboard.is_shifted()


def test_keyboard_email_layout_types_at_sign_dot_com_and_backspace(
    qtbot: QtBot, form: KeyboardForm
) -> None:
    form.keyboard.set_layout("email")
    _focus(qtbot, form.email)
    for name in ("Letter a", "Letter n", "Letter n", "At sign", "Letter x", "Type .com"):
        _tap(qtbot, form.keyboard, name)
    assert form.email.text() == "ann@x.com"
    _tap(qtbot, form.keyboard, "Backspace")
    _tap(qtbot, form.keyboard, "Backspace")
    assert form.email.text() == "ann@x.c"
    _tap(qtbot, form.keyboard, "Letter a")
    assert form.email.text() == "ann@x.ca"


def test_keyboard_domain_key_adds_the_missing_at_sign(qtbot: QtBot, form: KeyboardForm) -> None:
    form.keyboard.set_layout("email")
    _focus(qtbot, form.email)
    for name in ("Letter a", "Letter n", "Letter n", "Type gmail.com"):
        _tap(qtbot, form.keyboard, name)
    assert form.email.text() == "ann@gmail.com"
    form.email.setText("dana@")
    _tap(qtbot, form.keyboard, "Type outlook.com")
    assert form.email.text() == "dana@outlook.com"


def test_keyboard_email_layout_has_every_domain_key(qtbot: QtBot, form: KeyboardForm) -> None:
    form.keyboard.set_layout("email")
    labels = {key.text() for key in form.keyboard.keys()}
    assert set(EMAIL_DOMAIN_ENDINGS) | set(EMAIL_DOMAINS) | {"@", ".", "-", "_"} <= labels
    form.keyboard.set_layout("text")
    assert not set(EMAIL_DOMAINS) & {key.text() for key in form.keyboard.keys()}


def test_keyboard_rejects_an_unknown_layout(qtbot: QtBot, form: KeyboardForm) -> None:
    with pytest.raises(ValueError):
        form.keyboard.set_layout("klingon")
    assert form.keyboard.layout_name() == "text"


def test_keyboard_next_moves_to_the_following_field(qtbot: QtBot, form: KeyboardForm) -> None:
    _focus(qtbot, form.name)
    _tap(qtbot, form.keyboard, "Next field")
    assert form.email.hasFocus()
    _tap(qtbot, form.keyboard, "Space")
    assert form.email.text() == " "


def test_keyboard_next_steps_out_of_a_spin_box(qtbot: QtBot, form: KeyboardForm) -> None:
    spin = QSpinBox(form)
    form.column.insertWidget(1, spin)
    QWidget.setTabOrder(form.name, spin)
    QWidget.setTabOrder(spin, form.email)
    _focus(qtbot, spin)
    _tap(qtbot, form.keyboard, "Next field")  # not into the spin box's own editor
    assert form.email.hasFocus()


def test_keyboard_leaves_buttons_and_read_only_fields_alone(
    qtbot: QtBot, form: KeyboardForm
) -> None:
    clicks: list[bool] = []
    form.button.clicked.connect(lambda: clicks.append(True))
    _focus(qtbot, form.button)
    _tap(qtbot, form.keyboard, "Space")
    assert clicks == []
    form.name.setReadOnly(True)
    _focus(qtbot, form.name)
    _tap(qtbot, form.keyboard, "Letter z")
    assert form.name.text() == ""


def test_keyboard_respects_the_fields_own_limits(qtbot: QtBot, form: KeyboardForm) -> None:
    form.name.setMaxLength(3)
    _focus(qtbot, form.name)
    for _ in range(5):
        _tap(qtbot, form.keyboard, "Letter q")
    assert form.name.text() == "qqq"


def test_keyboard_types_digits_into_a_spin_box(qtbot: QtBot, form: KeyboardForm) -> None:
    spin = QSpinBox(form)
    spin.setRange(0, 999)
    form.column.addWidget(spin)
    spin.show()
    _focus(qtbot, spin)
    spin.lineEdit().selectAll()
    for digit in "42":
        _tap(qtbot, form.keyboard, digit)
    assert spin.value() == 42


@pytest.mark.parametrize("layout", ["text", "email"])
def test_keyboard_keys_are_big_named_and_never_take_focus(
    qtbot: QtBot, form: KeyboardForm, layout: str
) -> None:
    form.keyboard.set_layout(layout)
    form.resize(1280, 800)
    qtbot.wait(10)
    keys = form.keyboard.keys()
    assert len(keys) > 30
    for key in keys:
        assert key.height() >= 48, key.accessibleName()
        assert key.accessibleName(), key.text()
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus


# --- PIN pad --------------------------------------------------------------------------


@pytest.fixture
def pad(qtbot: QtBot) -> PinPad:
    return show_window(qtbot, PinPad())


def _key(pad: PinPad, name: str) -> QPushButton:
    return next(k for k in pad.keys() if k.accessibleName() == name)


def _child_label(pad: PinPad, name: str) -> QLabel:
    label = pad.findChild(QLabel, name)
    assert label is not None, name
    return label


def test_pin_pad_submits_digits_clicked(qtbot: QtBot, pad: PinPad) -> None:
    for digit in "2580":
        qtbot.mouseClick(_key(pad, f"Digit {digit}"), Qt.MouseButton.LeftButton)
    assert pad.entered_length() == 4
    with qtbot.waitSignal(pad.submitted) as signal:
        qtbot.mouseClick(_key(pad, "OK, enter PIN"), Qt.MouseButton.LeftButton)
    assert signal.args == ["2580"]
    assert pad.entered_length() == 0


def test_pin_pad_takes_physical_digits_backspace_and_enter(qtbot: QtBot, pad: PinPad) -> None:
    pad.setFocus()
    qtbot.keyClicks(pad, "13579")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    qtbot.keyClicks(pad, "x!")  # not digits: ignored
    with qtbot.waitSignal(pad.submitted) as signal:
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert signal.args == ["1357"]


def test_pin_pad_display_is_masked(qtbot: QtBot, pad: PinPad) -> None:
    for digit in "4821":
        qtbot.mouseClick(_key(pad, f"Digit {digit}"), Qt.MouseButton.LeftButton)
    shown = _child_label(pad, "PinDisplay").text()
    assert not any(d in shown for d in "4821")
    assert shown.count("\u25cf") == 4


def test_pin_pad_delete_and_maximum_length(qtbot: QtBot, pad: PinPad) -> None:
    for _ in range(12):
        qtbot.mouseClick(_key(pad, "Digit 7"), Qt.MouseButton.LeftButton)
    assert pad.entered_length() == 8
    qtbot.mouseClick(_key(pad, "Delete"), Qt.MouseButton.LeftButton)
    assert pad.entered_length() == 7


def test_pin_pad_empty_ok_submits_nothing(qtbot: QtBot, pad: PinPad) -> None:
    with qtbot.assertNotEmitted(pad.submitted):
        qtbot.mouseClick(_key(pad, "OK, enter PIN"), Qt.MouseButton.LeftButton)


def test_pin_pad_refuses_input_while_disabled(qtbot: QtBot, pad: PinPad) -> None:
    pad.set_enabled_for_input(False)
    pad.setFocus()
    qtbot.keyClicks(pad, "1234")
    qtbot.mouseClick(_key(pad, "Digit 5"), Qt.MouseButton.LeftButton)
    assert pad.entered_length() == 0
    assert not _key(pad, "Digit 5").isEnabled()
    pad.set_enabled_for_input(True)
    qtbot.keyClicks(pad, "12")
    assert pad.entered_length() == 2


def test_pin_pad_message_and_clear(qtbot: QtBot, pad: PinPad) -> None:
    pad.set_message("Wrong PIN", error=True)
    msg = _child_label(pad, "PinMessage")
    assert msg.text() == "Wrong PIN" and msg.property("error") is True
    qtbot.keyClicks(pad, "99")
    pad.clear()
    assert pad.entered_length() == 0 and pad.message() == ""


def test_pin_pad_keys_are_big_and_named(qtbot: QtBot, pad: PinPad) -> None:
    names = {k.accessibleName() for k in pad.keys()}
    assert names == {f"Digit {d}" for d in "0123456789"} | {"Delete", "OK, enter PIN"}
    for key in pad.keys():
        assert key.height() >= 64 and key.width() >= 64


def test_pin_pad_keeps_phone_order_right_to_left(qtbot: QtBot, pad: PinPad) -> None:
    pad.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.wait(10)
    one, three = _key(pad, "Digit 1"), _key(pad, "Digit 3")
    assert one.mapTo(pad, one.rect().center()).x() < three.mapTo(pad, three.rect().center()).x()


# --- Hour chart -------------------------------------------------------------------------


@pytest.fixture
def chart(qtbot: QtBot) -> HourChart:
    return show_window(qtbot, HourChart(), size=(960, 320))


def _counts(**by_hour: int) -> list[int]:
    counts = [0] * 24
    for key, value in by_hour.items():
        counts[int(key[1:])] = value
    return counts


def test_chart_draws_bars_only_for_hours_with_sign_ups(qtbot: QtBot, chart: HourChart) -> None:
    chart.set_counts(_counts(h9=2, h14=7, h15=4))
    rects = chart.bar_rects()
    assert set(rects) == {9, 14, 15}
    assert rects[14].height() > rects[15].height() > rects[9].height()
    image = chart.grab().toImage()
    assert not image.isNull()
    bar = QColor("#1D4E89")
    for hour, rect in rects.items():
        pixel = image.pixelColor(rect.center().toPoint())
        assert pixel == bar, hour
    empty = chart.slot_rect(3).center().toPoint()
    assert image.pixelColor(empty) != bar


def test_chart_marks_the_current_hour(qtbot: QtBot, chart: HourChart) -> None:
    chart.set_counts(_counts(h15=3))
    chart.set_current_hour(15)
    image = chart.grab().toImage()
    assert image.pixelColor(chart.bar_rects()[15].center().toPoint()) == QColor("#A63D2A")


def test_chart_mirrors_right_to_left(qtbot: QtBot, chart: HourChart) -> None:
    chart.set_counts(_counts(h2=1, h20=1))
    ltr = chart.bar_rects()
    assert ltr[2].left() < ltr[20].left()
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    rtl = chart.bar_rects()
    assert rtl[2].left() > rtl[20].left()
    assert not chart.grab().isNull()


def test_chart_describes_itself_for_screen_readers(qtbot: QtBot, chart: HourChart) -> None:
    assert "No sign-ups" in chart.accessibleDescription()
    chart.set_counts(_counts(h10=1, h14=5))
    text = chart.accessibleDescription()
    assert "6 sign-ups" in text and "14:00" in text and "10:00 1" in text
    assert chart.accessibleName()


def test_chart_rejects_bad_counts(qtbot: QtBot, chart: HourChart) -> None:
    with pytest.raises(ValueError):
        chart.set_counts([1, 2, 3])
    with pytest.raises(ValueError):
        chart.set_counts([-1] + [0] * 23)
    assert chart.counts() == [0] * 24


def test_chart_labels_never_crowd_on_a_narrow_chart(qtbot: QtBot, chart: HourChart) -> None:
    chart.resize(360, 200)
    narrow = chart.label_every()
    chart.resize(1800, 400)
    assert narrow > chart.label_every() >= 1
    assert not chart.grab().isNull()


@pytest.mark.parametrize(("peak", "top"), [(0, 4), (3, 3), (7, 8), (23, 30), (140, 150)])
def test_chart_axis_tops_are_round(peak: int, top: int) -> None:
    axis_top, step = nice_axis_max(peak)
    assert axis_top == top and axis_top >= peak and axis_top % step == 0
