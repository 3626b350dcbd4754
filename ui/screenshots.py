"""Render every kiosk screen to PNG files, headless: ``p2p-kiosk screenshots --out DIR``.

Each screen is shown in a real MainWindow at each size (offscreen platform
when there is no display) and grabbed to ``<screen>_<width>x<height>.png``.
The form screens are filled the way an attendee would fill them. The
first-start screens (setup, locked) never show in a window over a set-up
kiosk, so they are rendered on their own, at the same sizes.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.service import KioskService
from kiosk.signup import SignupForm, SignupRecord, WlfChoice
from ui.screens.base import Route

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow
    from ui.screens.setup import SetupScreen

ATTENDEE_STAGES = (
    "attract",
    "home",
    "message",
    "resources",
    "resource_detail",
    "action",
    "join",
    "join_errors",
    "thank_you",
    "idle_countdown",
    "display_choices",
)
"""The attendee screens, and the cards over them, in the order of a visit.

The accessibility, contrast and larger-text tests walk the same stages
(``show_stage``), so what they check is what the pictures show.
"""
SCREENS = (
    *ATTENDEE_STAGES,
    "staff_pin",
    "staff",
    "staff_event",
    "staff_export",
    "staff_settings",
    "staff_languages",
    "staff_display",
    "staff_content",
)
FIRST_START_SCREENS = ("setup", "setup_event", "locked")
DEFAULT_SIZES = ((1280, 800), (1920, 1080))


def render_screenshots(
    service: KioskService,
    out_dir: Path,
    sizes: Iterable[tuple[int, int]] = DEFAULT_SIZES,
) -> list[Path]:
    """Render every screen at every size into ``out_dir``; return the files written."""
    # Without a display, render offscreen; must be decided before Qt starts.
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from kiosk.display import STANDARD_DISPLAY
    from ui.app import apply_display, build_main_window, create_app

    app = create_app()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for width, height in sizes:
        window = build_main_window(service, show_keyboard=False)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.resize(width, height)
        window.show()
        app.processEvents()
        try:
            for name in SCREENS:
                show_stage(name, window, service)
                written.append(_grab(window, out_dir / f"{name}_{width}x{height}.png"))
        finally:
            window.start_over()
            window.allow_close()
            window.close()
            window.deleteLater()
            QApplication.sendPostedEvents()
            app.processEvents()
        # The first-start screens show the standard display, as the staff screens do.
        apply_display(STANDARD_DISPLAY)
        for name in FIRST_START_SCREENS:
            screen = _FIRST_START[name](service)
            screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            screen.resize(width, height)
            screen.show()
            try:
                written.append(_grab(screen, out_dir / f"{name}_{width}x{height}.png"))
            finally:
                screen.close()
                QApplication.sendPostedEvents()
                app.processEvents()
    return written


def _grab(widget: QWidget, path: Path) -> Path:
    """Let ``widget`` settle (layouts, polish), then save it to ``path`` as a PNG."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


# What to do to the window before each picture ------------------------------------


def show_stage(name: str, window: MainWindow, service: KioskService) -> None:
    """Bring ``window`` to the stage ``name`` of ``SCREENS``, as its picture shows it."""
    _STAGES[name](window, service)


def _attract(window: MainWindow, service: KioskService) -> None:
    window.start_over()


def _go(route: Route) -> Callable[[MainWindow, KioskService], None]:
    def stage(window: MainWindow, service: KioskService) -> None:
        window.go(route)

    return stage


def _resource_detail(window: MainWindow, service: KioskService) -> None:
    window.go(Route.RESOURCES)
    window.resources.show_detail(0)


def _join_errors(window: MainWindow, service: KioskService) -> None:
    window.go(Route.HOME)
    window.go(Route.JOIN)
    join = window.join
    join.first_name.edit.setText("Dana")
    join.email.edit.setText("dana.levi@gmail.con")
    join.phone.edit.setText("555-01")
    join.submit()
    join.scroll_area.scroll_to_top()


def _thank_you(window: MainWindow, service: KioskService) -> None:
    # A record as the form would produce, shown without writing to the store.
    signup = service.validate(
        SignupForm(
            first_name="Dana",
            last_name="Levi",
            email="dana.levi@example.org",
            wlf_choice=WlfChoice.MEMBER,
            advocacy_pledge=True,
            contact_consent=True,
        )
    )
    record = SignupRecord(
        signup_id=uuid.uuid4(),
        created_at=service.clock(),
        event_name="",
        event_location="",
        kiosk_id=service.store.kiosk_id,
        signup=signup,
    )
    window.thank_you.show_record(record)
    window.go(Route.THANK_YOU)


def _idle_countdown(window: MainWindow, service: KioskService) -> None:
    window.go(Route.HOME)
    window.go(Route.JOIN)
    window.join.first_name.edit.setText("Dana")
    window.overlay.start()
    window.overlay.freeze()


def _display_choices(window: MainWindow, service: KioskService) -> None:
    window.overlay.cancel()
    window.go(Route.HOME)
    window.open_display_panel()


def _staff_pin(window: MainWindow, service: KioskService) -> None:
    window.overlay.cancel()
    window.open_staff()
    window.staff.show_pin_for_screenshot()


def _staff(window: MainWindow, service: KioskService) -> None:
    window.staff.show_panel_for_screenshot()


def _staff_content(window: MainWindow, service: KioskService) -> None:
    from kiosk.paths import default_content_path

    window.staff.panel.show_page("content")
    # A file as a volunteer would choose it, checked and previewed (the bundled one:
    # it is there wherever screens are drawn, the bundle's self-check too).
    window.staff.panel.content_page.choose(default_content_path())


def _staff_page(page: str) -> Callable[[MainWindow, KioskService], None]:
    def stage(window: MainWindow, service: KioskService) -> None:
        window.staff.panel.show_page(page)

    return stage


_STAGES: dict[str, Callable[[MainWindow, KioskService], None]] = {
    "attract": _attract,
    "home": _go(Route.HOME),
    "message": _go(Route.MESSAGE),
    "resources": _go(Route.RESOURCES),
    "resource_detail": _resource_detail,
    "action": _go(Route.ACTION),
    "join": _go(Route.JOIN),
    "join_errors": _join_errors,
    "thank_you": _thank_you,
    "idle_countdown": _idle_countdown,
    "display_choices": _display_choices,
    "staff_pin": _staff_pin,
    "staff": _staff,
    "staff_event": _staff_page("event"),
    "staff_export": _staff_page("export"),
    "staff_settings": _staff_page("settings"),
    "staff_languages": _staff_page("languages"),
    "staff_display": _staff_page("display"),
    "staff_content": _staff_content,
}


# The first-start screens, each on its own -------------------------------------------

_EXAMPLE_PIN = "482915"  # typed on the pad in the picture; never stored


def _setup(service: KioskService) -> SetupScreen:
    from ui.screens.setup import SetupScreen

    screen = SetupScreen(service, show_keyboard=False)
    screen.on_enter()
    return screen


def _setup_event(service: KioskService) -> QWidget:
    screen = _setup(service)
    # The same path as OK on the pad, twice: choose, then confirm.
    screen.pad.submitted.emit(_EXAMPLE_PIN)
    screen.pad.submitted.emit(_EXAMPLE_PIN)
    return screen


def _locked(service: KioskService) -> QWidget:
    from kiosk.first_start import pin_set_command
    from kiosk.paths import default_data_dir
    from ui.screens.locked import LockedScreen

    # The command as a booth laptop shows it (the screenshots' own folder is a temporary one).
    screen = LockedScreen(service, command=pin_set_command(default_data_dir()))
    screen.on_enter()
    return screen


_FIRST_START: dict[str, Callable[[KioskService], QWidget]] = {
    "setup": _setup,
    "setup_event": _setup_event,
    "locked": _locked,
}
