"""Taps, holds and on-screen typing delivered to a window's ``QWindow``, as the window system does.

QTest's ``QWindow`` overloads hand each event to Qt's platform layer
(``QWindowSystemInterface``), the same door xcb, Wayland or Windows use. From
there Qt does everything it does for a person: it finds the widget under the
point, marks the event *spontaneous*, gives focus by the focus policies of that
widget and its parents, and turns a touch point into a mouse press for widgets
that do not take touch themselves. A click sent straight to a widget
(``qtbot.mouseClick(widget)``) skips all of that, which is how a focus bug on
the on-screen keyboard once passed every widget test.

Every tap first checks that the widget it aims at is really the one on top at
that point (not covered by an overlay, not scrolled away), as a finger would.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QPointingDevice, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from ui.widgets.keyboard import ARABIC_ROWS, OnScreenKeyboard

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier

# Swipes start this far (px) inside the scroll area's edge and stop this far from the target.
_SWIPE_MARGIN = 24

# On-screen key names (accessible names) for the characters that are not letters or digits.
_KEY_NAMES = {
    " ": "Space",
    "@": "At sign",
    ".": "Period",
    ",": "Comma",
    "-": "Hyphen",
    "_": "Underscore",
    "'": "Apostrophe",
    "/": "Slash",
    "¿": "Inverted question mark",
    "¡": "Inverted exclamation mark",
}
# Arabic letters typed with Shift on the Arabic 101 layout (the hamza forms).
_ARABIC_SHIFTED = {shifted for row in ARABIC_ROWS for _, shifted in row if shifted.isalpha()}


class WindowInput:
    """Mouse and touch input for one top-level widget, delivered through its ``QWindow``."""

    def __init__(self, window: QWidget, touchscreen: QPointingDevice | None = None) -> None:
        self.window = window
        self._touchscreen = touchscreen

    @property
    def touchscreen(self) -> QPointingDevice:
        """The touch screen the touch points come from."""
        assert self._touchscreen is not None, "made without a touch screen: mouse and keys only"
        return self._touchscreen

    @property
    def handle(self) -> QWindow:
        """The platform window the events go to."""
        handle = self.window.windowHandle()
        assert handle is not None, "the window is not shown"
        return handle

    def point(self, widget: QWidget, pos: QPoint | None = None) -> QPoint:
        """Where ``widget`` (its centre, or ``pos`` in it) is in window coordinates.

        Fails when something else is on top there: a finger cannot reach a covered
        or hidden widget, so a test must not either.
        """
        # What just changed (a message shown, a page scrolled) is laid out before a person
        # can see it, and so before they can touch it.
        QApplication.sendPostedEvents()
        assert widget.isVisible(), f"{_describe(widget)} is not visible"
        local = pos if pos is not None else widget.rect().center()
        point = widget.mapTo(self.window, local)
        top = self.window.childAt(point)
        assert top is widget or (top is not None and widget.isAncestorOf(top)), (
            f"{_describe(widget)} is covered by {_describe(top)} at {point.toTuple()}"
        )
        return point

    # Mouse, as a pointer (or xdotool) delivers it ---------------------------------------

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        """A left click on ``widget``."""
        QTest.mouseClick(self.handle, LEFT, NO_MODIFIER, self.point(widget, pos))
        QApplication.processEvents()

    def mouse_press_at(self, point: QPoint) -> None:
        """Press the left button at ``point`` (window coordinates) and keep it down."""
        QTest.mousePress(self.handle, LEFT, NO_MODIFIER, point)

    def mouse_release_at(self, point: QPoint) -> None:
        """Let go of the left button at ``point``."""
        QTest.mouseRelease(self.handle, LEFT, NO_MODIFIER, point)
        QApplication.processEvents()

    # Touch, from a touch screen ---------------------------------------------------------

    def tap(self, widget: QWidget, pos: QPoint | None = None) -> None:
        """A finger tap on ``widget``."""
        self.tap_at(self.point(widget, pos))

    def tap_at(self, point: QPoint) -> None:
        """A finger tap at ``point`` (window coordinates), on whatever is on top there."""
        self.touch_down_at(point)
        self.touch_up_at(point)

    def touch_down_at(self, point: QPoint) -> None:
        """Put one finger down at ``point`` (window coordinates)."""
        sequence = QTest.touchEvent(self.handle, self.touchscreen, False)
        sequence.press(0, point, self.handle)
        sequence.commit()

    def touch_up_at(self, point: QPoint) -> None:
        """Lift the finger put down with ``touch_down_at``."""
        sequence = QTest.touchEvent(self.handle, self.touchscreen, False)
        sequence.release(0, point, self.handle)
        sequence.commit()
        QApplication.processEvents()

    def drag(self, start: QPoint, end: QPoint, steps: int = 8) -> None:
        """Slide a finger from ``start`` to ``end`` (window coordinates), hold still, lift it.

        Holding still before lifting leaves no speed for a kinetic fling, so a
        scroll stops where the finger stopped.
        """
        self.touch_down_at(start)
        for step in range(1, steps + 1):
            QTest.qWait(10)
            sequence = QTest.touchEvent(self.handle, self.touchscreen, False)
            sequence.move(0, start + (end - start) * (step / steps), self.handle)
            sequence.commit()
        QTest.qWait(150)
        self.touch_up_at(end)

    def swipe_into_view(self, area: QScrollArea, widget: QWidget) -> None:
        """Swipe ``area`` by finger until all of ``widget`` is in sight, as a person would."""
        viewport = area.viewport()
        reach = viewport.height() - 2 * _SWIPE_MARGIN
        for _ in range(20):
            top = widget.mapTo(viewport, QPoint(0, 0)).y()
            bottom = top + widget.height()
            if top >= 0 and bottom <= viewport.height():
                return
            # Content moves with the finger: up to bring what is below into sight.
            if bottom > viewport.height():
                distance = min(bottom - viewport.height() + _SWIPE_MARGIN, reach)
            else:
                distance = max(top - _SWIPE_MARGIN, -reach)
            # Start at the edge of the page, where a finger lands on no control.
            start_y = viewport.height() - _SWIPE_MARGIN if distance > 0 else _SWIPE_MARGIN
            start = viewport.mapTo(self.window, QPoint(_SWIPE_MARGIN // 2, start_y))
            self.drag(start, start - QPoint(0, distance))
        raise AssertionError(f"{_describe(widget)} did not scroll into view")

    # A physical keyboard ----------------------------------------------------------------

    def press_key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        """Press and release ``key`` (``modifier`` held) on a keyboard plugged into the kiosk."""
        QTest.keyClick(self.handle, key, modifier)

    def type_keys(self, text: str) -> None:
        """Type plain ASCII ``text`` on a keyboard plugged into the kiosk."""
        for char in text:
            QTest.keyClick(self.handle, ord(char))

    # The on-screen keyboard -------------------------------------------------------------

    def tap_key(self, keyboard: QWidget | None, name: str) -> None:
        """Tap the on-screen key a screen reader calls ``name`` ("Letter a", "Shift", ...).

        ``keyboard`` is a screen's keyboard slot, which must hold the on-screen keyboard.
        ``name`` is the English name; the key is found by its name in the language shown.
        """
        assert isinstance(keyboard, OnScreenKeyboard), "the screen shows no on-screen keyboard"
        self.tap(keyboard.key(translated_key_name(name)))

    def type_on(self, keyboard: QWidget | None, text: str) -> None:
        """Type ``text`` by tapping keys: Shift before a capital, one key per character."""
        for name in key_names(text):
            self.tap_key(keyboard, name)


def translated_key_name(name: str) -> str:
    """An on-screen key's English name ("Letter a", "Type .com", "Space") in the language shown."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("OnScreenKeyboard", text)

    for pattern in ("Letter ", "Type "):
        if name.startswith(pattern):
            return tr(pattern + "{0}").format(name.removeprefix(pattern))
    return tr(name)


def key_names(text: str) -> list[str]:
    """The on-screen keys (English accessible names) a person taps to type ``text``, in order."""
    names: list[str] = []
    for char in text:
        if char.isalpha() and char.isupper():
            names += ["Shift", f"Letter {char.lower()}"]
        elif char in _ARABIC_SHIFTED:
            names += ["Shift", f"Letter {char}"]
        elif char.isalpha():
            names.append(f"Letter {char}")
        else:
            names.append(_KEY_NAMES.get(char, char))
    return names


def _describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = widget.accessibleName() or widget.objectName()
    return f"{type(widget).__name__}({name!r})"
