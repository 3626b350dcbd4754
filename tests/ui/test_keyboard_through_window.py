"""The on-screen keyboard tapped through the window, as a finger or a mouse reaches it.

These taps go through Qt's platform layer (see ``window_input``), so Qt gives
focus by the focus policies of the pressed key and its parents, as it does for
a person. The keyboard must keep the field focused whatever those parents'
policies are: a screen that takes click focus once swallowed every key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.showing import BOOTH_SIZE, show_window
from tests.ui.window_input import WindowInput
from ui.widgets.keyboard import OnScreenKeyboard

# Every focus policy a widget around the keyboard may have.
POLICIES = {
    "no-focus": Qt.FocusPolicy.NoFocus,
    "click-focus": Qt.FocusPolicy.ClickFocus,
    "strong-focus": Qt.FocusPolicy.StrongFocus,
    "wheel-focus": Qt.FocusPolicy.WheelFocus,
}


class _Screen(QWidget):
    """A screen of two fields and a button over the keyboard, its parents taking ``policy``.

    The keyboard sits two levels down (a panel, then a scroll area's page), as it
    may on any screen that shows it.
    """

    def __init__(self, policy: Qt.FocusPolicy) -> None:
        super().__init__()
        self.setFocusPolicy(policy)
        self.first = QLineEdit(self)
        self.email = QLineEdit(self)
        self.button = QPushButton("Send", self)
        panel = QScrollArea(self)
        panel.setFocusPolicy(policy)
        panel.setWidgetResizable(True)
        page = QWidget()
        page.setFocusPolicy(policy)
        self.keyboard = OnScreenKeyboard(page)
        QVBoxLayout(page).addWidget(self.keyboard)
        panel.setWidget(page)
        layout = QVBoxLayout(self)
        for widget in (self.first, self.email, self.button, panel):
            layout.addWidget(widget)
        layout.setStretch(3, 1)


@pytest.fixture(params=list(POLICIES), ids=list(POLICIES))
def screen(request: Any, qtbot: QtBot) -> _Screen:
    return show_window(qtbot, _Screen(POLICIES[request.param]), size=BOOTH_SIZE, active=True)


@pytest.fixture(params=["touch", "mouse"])
def tap(request: Any, screen: _Screen, touchscreen: QPointingDevice) -> Callable[[QWidget], None]:
    """A tap by finger (touch points) or by mouse, both delivered to the screen's window."""
    user = WindowInput(screen, touchscreen)
    return user.tap if request.param == "touch" else user.click


def _focus(qtbot: QtBot, field: QWidget) -> None:
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)


def _show_layout(qtbot: QtBot, keyboard: OnScreenKeyboard, layout: str) -> None:
    keyboard.set_layout(layout)
    # New rows of keys show on the next turn of the event loop, as on screen.
    qtbot.waitUntil(lambda: all(key.isVisible() for key in keyboard.keys()))


@pytest.mark.parametrize("layout", OnScreenKeyboard.LAYOUTS)
def test_no_key_takes_focus_from_the_field(
    qtbot: QtBot, screen: _Screen, tap: Any, layout: str
) -> None:
    _focus(qtbot, screen.first)
    _show_layout(qtbot, screen.keyboard, layout)
    # Next moves focus on purpose; the layout keys rebuild the rows (tested below).
    keys = [
        key
        for key in screen.keyboard.keys()
        if key.accessibleName() != "Next field" and key.property("kind") != "layout"
    ]
    assert len(keys) > 40
    for key in keys:
        name = key.accessibleName()
        tap(key)
        assert screen.first.hasFocus(), f"{name} took focus to {_focus_name()}"
    assert screen.first.text()  # the keys typed, too


def test_next_moves_to_the_following_field_and_nowhere_else(
    qtbot: QtBot, screen: _Screen, tap: Any
) -> None:
    _focus(qtbot, screen.first)
    tap(screen.keyboard.key("Next field"))
    assert screen.email.hasFocus()
    tap(screen.keyboard.key("Next field"))
    assert screen.button.hasFocus()


def test_keys_type_exactly_what_was_tapped(qtbot: QtBot, screen: _Screen, tap: Any) -> None:
    _focus(qtbot, screen.email)
    _show_layout(qtbot, screen.keyboard, "email")
    for name in ("Shift", "Letter a", "Letter n", "Hyphen", "Letter b", "Type gmail.com"):
        tap(screen.keyboard.key(name))
    tap(screen.keyboard.key("Backspace"))
    tap(screen.keyboard.key("Letter x"))
    assert screen.email.text() == "An-b@gmail.cox"
    assert screen.email.hasFocus()


def test_a_key_tapped_while_a_button_has_focus_types_nothing_and_keeps_focus(
    qtbot: QtBot, screen: _Screen, tap: Any
) -> None:
    pressed: list[bool] = []
    screen.button.clicked.connect(lambda: pressed.append(True))
    _focus(qtbot, screen.button)
    tap(screen.keyboard.key("Space"))
    tap(screen.keyboard.key("Letter q"))
    assert screen.button.hasFocus()
    assert pressed == []
    assert screen.first.text() == screen.email.text() == ""


def _focus_name() -> str:
    widget = QApplication.focusWidget()
    return "nothing" if widget is None else f"{type(widget).__name__}({widget.objectName()!r})"
