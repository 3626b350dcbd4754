"""Fixtures for the kiosk screens: a real service over a temporary data folder, a shown window.

Every kiosk here is set up (its staff PIN is ``tests.factories.STAFF_PIN``), so it
opens on attract, unless a test asks for a fresh one (``fresh_service``,
``make_service(set_up=False)``): those are the tests about first start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.clock import ManualClock
from kiosk.display import STANDARD_DISPLAY
from kiosk.service import KioskService
from tests.booth import prepare_booth
from tests.factories import MakeService
from tests.ui.window_input import WindowInput
from ui.main_window import MainWindow
from ui.office.app import as_office_app

MakeWindow = Callable[..., MainWindow]
"""The ``make_window`` fixture: ``make_window(service=None, **MainWindow options)``."""


@pytest.fixture(autouse=True)
def standard_display_after() -> Iterator[None]:
    """Each test starts and ends at 100 % in the standard palette, whatever it chose.

    The layout scale and the application's stylesheet are the process's, and a
    window built by the next test must not inherit an attendee's larger text.
    """
    yield
    from PySide6.QtWidgets import QApplication

    from ui.app import apply_display

    if QApplication.instance() is not None:
        apply_display(STANDARD_DISPLAY)


@pytest.fixture
def office_app() -> Iterator[None]:
    """The application styled as ``p2p-kiosk office`` runs it (Fusion, its font, no sheet).

    The tests' application is the kiosk's, whose stylesheet and 20 px font would lay
    the office window out otherwise than staff see it.
    """
    with as_office_app():
        yield


@pytest.fixture
def service(make_service: MakeService) -> KioskService:
    """A set-up kiosk service: it has its staff PIN, so its window opens on attract."""
    return make_service()


@pytest.fixture
def fresh_service(make_service: MakeService) -> KioskService:
    """A kiosk service as at first start: no staff PIN, no sign-ups."""
    return make_service(set_up=False)


@pytest.fixture
def make_window(qtbot: QtBot, request: pytest.FixtureRequest) -> MakeWindow:
    """Build, show and register a MainWindow; keyword options go to MainWindow.

    Over the set-up ``service`` unless given another (``make_window(fresh_service)``).
    """
    from ui.app import build_main_window

    def make(over: KioskService | None = None, **options: Any) -> MainWindow:
        # Asked for only now, so a first-start test's folder is never set up behind its back.
        service = over if over is not None else request.getfixturevalue("service")
        options.setdefault("show_keyboard", False)
        options.setdefault("reduced_motion", False)
        window = build_main_window(service, **options)
        # The kiosk refuses to close while locked; let the test teardown close it.
        qtbot.addWidget(window, before_close_func=lambda w: w.allow_close())
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        # Focus-out signals (editingFinished) need the window to be the active one.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        return window

    return make


@pytest.fixture
def kiosk_window(make_window: MakeWindow) -> MainWindow:
    """A shown kiosk window with the default (long) timers."""
    return make_window()


@pytest.fixture
def touchscreen() -> Iterator[QPointingDevice]:
    """A touch screen registered with Qt, for touch points sent through a window.

    Removed again afterwards: while it exists, Qt reports a touch screen, and the
    keyboard's "auto" setting would switch on in every later test.
    """
    device = QTest.createTouchDevice()
    try:
        yield device
    finally:
        shiboken6.delete(device)


@dataclass
class Booth:
    """The kiosk as the booth runs it: the shown main window, its service, and a person's input."""

    window: MainWindow
    service: KioskService
    user: WindowInput


@pytest.fixture
def open_booth(
    qtbot: QtBot, tmp_path: Path, clock: ManualClock, touchscreen: QPointingDevice
) -> Iterator[Callable[..., Booth]]:
    """Start the kiosk over a prepared data folder and show it full screen, as ``run`` does.

    Keyword options go to MainWindow (shorter idle or hold times); the on-screen
    keyboard comes from the folder's ``config.toml``, as at the booth.
    """
    from ui.app import build_main_window, show_kiosk_window

    services: list[KioskService] = []

    def open_(**options: Any) -> Booth:
        data_dir = prepare_booth(tmp_path / "booth")
        service = KioskService.open(data_dir, clock=clock)
        services.append(service)
        window = build_main_window(service, **options)
        qtbot.addWidget(window, before_close_func=lambda w: w.allow_close())
        show_kiosk_window(window)
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        return Booth(window, service, WindowInput(window, touchscreen))

    yield open_
    for service in services:
        service.close()


@pytest.fixture
def booth(open_booth: Callable[..., Booth]) -> Booth:
    """The kiosk as the booth runs it, with the default timers (``open_booth`` for others)."""
    return open_booth()
