"""Hearing what the kiosk tells screen readers: Qt's accessibility events, caught in the test.

A screen reader never sees a widget: Qt's platform bridge (AT-SPI, UI
Automation, NSAccessibility) passes it each ``QAccessibleEvent`` the program
sends through ``QAccessible::updateAccessibility``. Qt lets a program take
that bridge's place with ``QAccessible::installUpdateHandler``, which PySide6
does not bind; so ``AccessibilityEvents`` installs a C callback into QtGui
with ctypes and reads each event through shiboken, exactly what the bridge
would have been handed. Linux (and macOS) name the function the same way; on
Windows the test that needs it is skipped.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import PySide6
import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent

# QAccessible::installUpdateHandler(void (*)(QAccessibleEvent *)), Itanium C++ ABI.
_INSTALL = "_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"
_Handler = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


@dataclass(frozen=True)
class Heard:
    """One event as a screen reader's bridge receives it."""

    type: QAccessible.Event
    source: QObject | None
    message: str = ""
    """An announcement's words."""
    assertive: bool = False


class AccessibilityEvents:
    """Every accessibility event sent while installed, in order."""

    def __init__(self) -> None:
        self.heard: list[Heard] = []

    def announcements(self) -> list[str]:
        """The words of every announcement, in order."""
        return [h.message for h in self.heard if h.type == QAccessible.Event.Announcement]

    def assertive(self) -> list[str]:
        """The words of the announcements that interrupt whatever is being read."""
        return [
            h.message
            for h in self.heard
            if h.type == QAccessible.Event.Announcement and h.assertive
        ]

    def clear(self) -> None:
        """Forget what was heard so far."""
        self.heard.clear()

    def _on_event(self, address: int | None) -> None:
        if not address:
            return
        event = cast(QAccessibleEvent, shiboken6.wrapInstance(address, QAccessibleEvent))
        made_here = not shiboken6.createdByPython(event)
        kind = event.type()
        if kind == QAccessible.Event.Announcement:
            said = cast(
                QAccessibleAnnouncementEvent,
                shiboken6.wrapInstance(address, QAccessibleAnnouncementEvent),
            )
            assertive = said.politeness() == QAccessible.AnnouncementPoliteness.Assertive
            self.heard.append(Heard(kind, said.object(), said.message(), assertive))
        else:
            self.heard.append(Heard(kind, event.object()))
        if made_here:
            # A wrapper for Qt's own event, which dies when this call returns.
            shiboken6.invalidate(event)


def _qt_gui() -> ctypes.CDLL:
    lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    path = lib / ("libQt6Gui.so.6" if sys.platform.startswith("linux") else "QtGui.framework/QtGui")
    if sys.platform == "win32" or not path.exists():
        pytest.skip(f"QtGui's update handler is reached through {path.name} on Linux and macOS")
    return ctypes.CDLL(str(path))


@contextmanager
def listening() -> Iterator[AccessibilityEvents]:
    """Stand in for the screen reader's bridge for the ``with`` block."""
    install = getattr(_qt_gui(), _INSTALL)
    install.restype = ctypes.c_void_p
    install.argtypes = [_Handler]
    events = AccessibilityEvents()
    handler = _Handler(events._on_event)  # kept alive until uninstalled
    QAccessible.setActive(True)
    install(handler)
    try:
        yield events
    finally:
        install(_Handler())  # a null handler: Qt's own bridge again
        QAccessible.setActive(False)
        del handler
