"""Smoke run on a real X server: the kiosk as a process under Xvfb, driven by xdotool.

The kiosk runs from source (``python -m p2p_kiosk run``) and, where it has been
built, as the bundle, over a data folder prepared as a touch-only booth's
(``tests.booth``). xdotool clicks, holds and types as a person would; the
results are read back through ``p2p-kiosk status``, the database and
screenshots of the screen.

Where to click comes from a twin (``tests.e2e.twin``): the same main window,
shown full screen on Qt's offscreen screen of the same size in this process and
driven by the same input.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.service import KioskService
from tests.booth import STAFF_PIN, prepare_booth
from tests.ci import serve, skip_or_fail
from tests.conftest import REPO_ROOT
from tests.e2e.twin import OnX
from tests.e2e.xserver import XServer, XServerUnavailable, wait_for
from tests.ui.window_input import key_names
from ui.app import build_main_window, show_kiosk_window
from ui.main_window import MainWindow
from ui.widgets.keyboard import OnScreenKeyboard

pytestmark = pytest.mark.e2e

BUNDLE = REPO_ROOT / "dist" / "p2p-kiosk" / "p2p-kiosk"
# What the bundle is built from: a bundle older than any of it would test old code.
BUNDLED_SOURCES = ("p2p_kiosk", "kiosk", "ui", "assets", "build_spec")
W = TypeVar("W", bound=QObject)
HOLD_S = 2.4
"""Longer than the staff corner's two seconds."""
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def xserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XServer]:
    """One Xvfb for the module (skips without Xvfb and xdotool; fails under CI)."""
    folder = tmp_path_factory.mktemp("xvfb")
    yield from serve(lambda: XServer(folder), XServerUnavailable, needs="Xvfb and xdotool")


def _kiosk_command(how: str) -> list[str]:
    if how == "source":
        return [sys.executable, "-m", "p2p_kiosk"]
    if not BUNDLE.is_file():
        skip_or_fail(f"no bundle at {BUNDLE} (make bundle builds it)", needs="the bundle")
    built = BUNDLE.stat().st_mtime
    newer = [
        path
        for folder in BUNDLED_SOURCES
        for path in (REPO_ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.stat().st_mtime > built
    ]
    if newer:
        skip_or_fail(
            f"the bundle is older than {newer[0].relative_to(REPO_ROOT)} (make bundle)",
            needs="a fresh bundle",
        )
    return [str(BUNDLE)]


class KioskOnX(OnX[MainWindow]):
    """The kiosk process on the X server, and its in-process twin."""

    def __init__(self, xserver: XServer, command: list[str], work: Path, qtbot: QtBot) -> None:
        self.command = command
        self.twin_service = KioskService.open(prepare_booth(work / "twin-data"))
        twin = build_main_window(self.twin_service)
        qtbot.addWidget(twin, before_close_func=lambda w: w.allow_close())
        show_kiosk_window(twin)
        qtbot.waitExposed(twin)
        twin.activateWindow()
        qtbot.waitUntil(twin.isActiveWindow)
        self.data_dir = prepare_booth(work / "kiosk-data")
        try:
            with (work / "kiosk.log").open("wb") as log:
                process = subprocess.Popen(
                    [*command, "run", "--data-dir", str(self.data_dir)],
                    env=xserver.env(),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    cwd=work,
                )
        except OSError:
            self.twin_service.close()
            raise
        super().__init__(xserver, twin, process, work, qtbot)

    # Acting, on the twin and on the X server alike ------------------------------------------

    def tap_keys(self, keyboard: Any, text: str) -> None:
        """Type ``text`` on the on-screen keyboard, one click per key."""
        for name in key_names(text):
            self.click(keyboard.key(name))

    def next_until(self, keyboard: Any, widget: QWidget) -> None:
        """Tap the on-screen Next until ``widget`` has focus."""
        for _ in range(20):
            if widget.hasFocus():
                return
            self.click(keyboard.key("Next field"), pause=0.15)
        raise AssertionError(f"Next never reached {widget.accessibleName()!r}")

    def hold_corner(self) -> None:
        """Press and hold the top-left corner, as a volunteer opens the staff panel."""
        corner = QPoint(8, 8)
        self.x.xdotool("mousemove", "8", "8", "mousedown", "1")
        self.user.mouse_press_at(corner)
        time.sleep(HOLD_S)
        self.qtbot.waitUntil(lambda: self.twin.current == "staff", timeout=2000)
        self.x.xdotool("mouseup", "1")
        self.user.mouse_release_at(corner)

    def key(
        self, xdotool_name: str, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier
    ) -> None:
        """Press a key (or a chord) on a keyboard plugged into the kiosk."""
        self.x.xdotool("key", xdotool_name)
        self.user.press_key(key, modifier)
        time.sleep(0.05)

    def type(self, text: str) -> None:
        """Type ASCII ``text`` on a keyboard plugged into the kiosk."""
        self.x.xdotool("type", "--delay", "20", text)
        self.user.type_keys(text)

    def status(self) -> str:
        """What ``p2p-kiosk status`` prints for the kiosk's data folder."""
        done = subprocess.run(
            [*self.command, "status", "--data-dir", str(self.data_dir)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return done.stdout

    def close(self) -> None:
        """Stop the kiosk if a test left it running, and release the twin's store."""
        super().close()
        self.twin_service.close()


@pytest.fixture(params=["source", "bundle"])
def kiosk(request: Any, xserver: XServer, tmp_path: Path, qtbot: QtBot) -> Iterator[KioskOnX]:
    """The kiosk started from source, or as the bundle, on the X server."""
    started = KioskOnX(xserver, _kiosk_command(request.param), tmp_path, qtbot)
    try:
        yield started
    finally:
        started.close()


def _find(screen: QWidget, kind: type[W], name: str, **properties: object) -> W:
    for widget in screen.findChildren(kind, name):
        if all(widget.property(key) == value for key, value in properties.items()):
            return widget
    raise LookupError(name)


def test_a_volunteer_and_an_attendee_at_a_touch_only_booth(kiosk: KioskOnX) -> None:
    twin = kiosk.twin
    kiosk.shows(twin.attract.start_button)

    # Nobody leaves the kiosk with Esc or Alt+F4.
    kiosk.key("Escape", Qt.Key.Key_Escape)
    kiosk.key("alt+F4", Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert kiosk.running()
    kiosk.shows(twin.attract.start_button)

    # A volunteer: the corner held, the PIN typed, an event named on the on-screen keys, locked.
    kiosk.hold_corner()
    staff = twin.staff
    kiosk.shows(staff.pin_stage.pad)
    kiosk.type(STAFF_PIN)
    kiosk.key("Return", Qt.Key.Key_Return)
    assert staff.is_unlocked()
    # The tallest page fits the laptop's screen: no scroll bar takes the header's edge.
    kiosk.click(_find(staff, QPushButton, "StaffNavButton", page="export"), pause=0.15)
    scroll = _find(staff, QScrollArea, "StaffPanelScroll")
    assert not scroll.verticalScrollBar().isVisible()
    kiosk.shows(_find(staff, QPushButton, "StaffExitButton"))
    kiosk.shows(_find(staff, QPushButton, "ExportButton"))
    kiosk.click(_find(staff, QPushButton, "StaffNavButton", page="event"), pause=0.15)
    kiosk.click(_find(staff, QLineEdit, "EventNameField"), pause=0.15)
    kiosk.tap_keys(staff.keyboard, "Fair")
    kiosk.click(staff.keyboard.key("Next field"), pause=0.15)
    kiosk.click(staff.keyboard.key("Next field"), pause=0.15)  # to Start event; keys step aside
    kiosk.click(_find(staff, QPushButton, "StartEventButton"), pause=0.15)
    kiosk.shows(_find(staff, QLabel, "EventMessage"))
    kiosk.click(_find(staff, QPushButton, "StaffLockButton"), pause=0.15)

    # An attendee who reads Hebrew turns the kiosk with one tap, on the X server as on the
    # twin: the same pixels, right to left, in the bundled Hebrew face; then back to English.
    kiosk.shows(twin.attract.start_button)
    languages = twin.attract.language_bar
    assert languages is not None
    kiosk.click(languages.buttons()["he"], pause=0.3)
    assert twin.attract.isRightToLeft() and twin.attract.start_button.text() != "Touch to begin"
    kiosk.shows(twin.attract.start_button)
    kiosk.shows(languages)
    kiosk.click(twin.attract.start_button, pause=0.3)
    kiosk.shows(twin.home.join_card)
    home_languages = twin.home.language_bar
    assert home_languages is not None
    kiosk.click(home_languages.buttons()["en"], pause=0.3)

    # An attendee signs up with the on-screen keyboard alone.
    kiosk.shows(twin.home.join_card)
    kiosk.click(twin.home.join_card, pause=0.15)
    join = twin.join
    keys = join.keyboard
    assert isinstance(keys, OnScreenKeyboard)
    kiosk.click(join.first_name.edit, pause=0.15)
    kiosk.tap_keys(keys, "Dana")
    kiosk.click(join.last_name.edit, pause=0.15)
    kiosk.tap_keys(keys, "Levi")
    kiosk.click(join.email.edit, pause=0.15)  # the email keys come up
    kiosk.tap_keys(keys, "dana")
    kiosk.click(keys.key("Type gmail.com"))
    kiosk.click(keys.key("Next field"), pause=0.15)
    kiosk.shows(join.email.edit)
    kiosk.next_until(keys, join.consent.button)  # Next scrolls it into sight
    kiosk.click(join.consent, pause=0.15)
    kiosk.next_until(keys, join.submit_button)
    kiosk.click(join.submit_button, pause=0.15)
    assert twin.current == "thank_you"
    kiosk.shows(twin.thank_you.title_label)

    status = kiosk.status()
    assert "Current event: Fair\n" in status
    assert "  Fair: 1 sign-up(s), 1 today\n" in status
    with sqlite3.connect(kiosk.data_dir / "kiosk.sqlite3") as conn:
        row = conn.execute("SELECT first_name, last_name, email, contact_consent FROM signups")
        assert row.fetchall() == [("Dana", "Levi", "dana@gmail.com", 1)]

    # The volunteer closes the kiosk for the day: shortcut, PIN, Exit.
    kiosk.key("ctrl+shift+s", Qt.Key.Key_S, CTRL_SHIFT)
    kiosk.shows(staff.pin_stage.pad)
    kiosk.type(STAFF_PIN)
    kiosk.key("Return", Qt.Key.Key_Return)
    # On the X server only: on the twin, Exit would quit this test's own application.
    point = kiosk.user.point(_find(staff, QPushButton, "StaffExitButton"))
    kiosk.x.xdotool("mousemove", str(point.x()), str(point.y()), "click", "--delay", "0", "1")
    assert wait_for(lambda: not kiosk.running(), timeout=15)
    assert kiosk.process.returncode == 0
