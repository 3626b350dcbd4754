"""A program on the X server, and its in-process twin that says where things are.

The twin is the same window shown on Qt's offscreen screen of the same size in the
test's own process and driven by the same input. Same code, same fonts, same size:
the same pixels (which ``shows`` checks), so the twin knows where every button and
field is without a coordinate written down in a test, and a layout change cannot
silently break a run.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.e2e.xserver import XServer, end_process, wait_for
from tests.ui.window_input import WindowInput

Window = TypeVar("Window", bound=QWidget)


class OnX(Generic[Window]):
    """``process`` showing its window on ``x``; ``twin`` the same window in this process."""

    def __init__(
        self, x: XServer, twin: Window, process: subprocess.Popen[bytes], work: Path, qtbot: QtBot
    ) -> None:
        self.x = x
        self.twin = twin
        self.process = process
        self.work = work
        self.qtbot = qtbot
        self.user = WindowInput(twin)  # a mouse, as xdotool's
        self._shots = 0

    def click(self, widget: QWidget, pos: QPoint | None = None, *, pause: float = 0.03) -> None:
        """Click ``widget`` (its middle, or ``pos`` in it) on both; ``pause`` lets the program
        catch up with big changes."""
        point = self.user.point(widget, pos)
        self.user.click(widget, pos)
        self.x.xdotool("mousemove", str(point.x()), str(point.y()), "click", "--delay", "0", "1")
        time.sleep(pause)

    def press(self, key: Qt.Key, name: str, *, pause: float = 0.1) -> None:
        """Press ``key`` (xdotool's ``name`` for it) on both."""
        self.user.press_key(key)
        self.x.xdotool("key", name)
        time.sleep(pause)

    def shows(self, widget: QWidget, timeout: float = 15.0, *, part: QRect | None = None) -> None:
        """Wait until the X screen shows ``widget`` (or ``part`` of it) as the twin draws it."""
        QApplication.sendPostedEvents()
        area = part if part is not None else widget.rect()
        rect = QRect(widget.mapTo(self.twin, area.topLeft()), area.size())
        expected = self.twin.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)
        seen: list[QImage] = []

        def same() -> bool:
            assert self.running(), f"the program exited; see the log in {self.work}"
            self._shots += 1
            seen[:] = [self.x.screenshot(self.work / f"screen-{self._shots:02}.png").copy(rect)]
            return seen[0] == expected

        if not wait_for(same, timeout, interval=0.2):
            expected.save(str(self.work / "expected.png"))
            name = widget.accessibleName() or widget.objectName()
            raise AssertionError(
                f"the X screen does not show {name!r} as expected after {timeout} s: compare "
                f"{self.work / 'expected.png'} with {self.work / f'screen-{self._shots:02}.png'}"
            )

    def running(self) -> bool:
        """Whether the program is still running."""
        return self.process.poll() is None

    def close(self) -> None:
        """Stop the program if a test left it running."""
        end_process(self.process)
