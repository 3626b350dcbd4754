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

from kiosk.clock import ManualClock
from kiosk.service import KioskService
from tests.booth import prepare_booth
from tests.factories import set_up_kiosk
from tests.ui.window_input import WindowInput


@pytest.fixture
def make_service(tmp_path: Path, clock: ManualClock) -> Iterator[Callable[..., KioskService]]:
    """Open real kiosk services (SQLite in a temp folder, bundled content, the manual clock).

    ``set_up=False`` leaves the kiosk as it is at first start (no PIN);
    ``data_dir`` defaults to ``tmp_path/"data"``; other options go to ``KioskService.open``.
    """
    opened: list[KioskService] = []

    def make(*, set_up: bool = True, data_dir: Path | None = None, **options: Any) -> KioskService:
        service = KioskService.open(data_dir or tmp_path / "data", clock=clock, **options)
        opened.append(service)
        if set_up:
            set_up_kiosk(service)
        return service

    yield make
    for service in opened:
        service.close()


@pytest.fixture
def service(make_service: Callable[..., KioskService]) -> KioskService:
    """A set-up kiosk service: it has its staff PIN, so its window opens on attract."""
    return make_service()


@pytest.fixture
def fresh_service(make_service: Callable[..., KioskService]) -> KioskService:
    """A kiosk service as at first start: no staff PIN, no sign-ups."""
    return make_service(set_up=False)


@pytest.fixture
def make_window(qtbot: Any, request: pytest.FixtureRequest) -> Callable[..., Any]:
    """Build, show and register a MainWindow; keyword options go to MainWindow.

    Over the set-up ``service`` unless given another (``make_window(fresh_service)``).
    """
    from ui.app import build_main_window

    def make(over: KioskService | None = None, **options: Any) -> Any:
        # Asked for only now, so a first-start test's folder is never set up behind its back.
        service = over if over is not None else request.getfixturevalue("service")
        options.setdefault("show_keyboard", False)
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
def kiosk_window(make_window: Callable[..., Any]) -> Any:
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

    window: Any
    service: KioskService
    user: WindowInput


@pytest.fixture
def open_booth(
    qtbot: Any, tmp_path: Path, clock: ManualClock, touchscreen: QPointingDevice
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
