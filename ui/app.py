"""Starting the kiosk: the QApplication, its stylesheet and fonts, and the main window.

``run_kiosk`` is what ``p2p-kiosk run`` calls. ``create_app`` and
``build_main_window`` make the same pieces without entering the event loop,
for tests, screenshots and benchmarks.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.display import STANDARD_DISPLAY, Display
from kiosk.errors import KioskError
from kiosk.paths import asset_path
from kiosk.service import KioskService
from ui.widgets import metrics, palette
from ui.widgets.fonts import (
    LATIN_FONT_FAMILY,
    SCRIPT_FONT_FAMILIES,
    application_font,
)
from ui.widgets.palette import fill_colours, palette_for

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

STYLESHEET = ("styles", "kiosk.qss")
STAFF_STYLESHEET = ("styles", "staff.qss")
RTL_STYLESHEET = ("styles", "rtl.qss")
"""The mirrored rules, for widgets laid out right to left (ui/widgets/direction.py)."""

STARTUP_PROBE_ENV = "P2P_KIOSK_STARTUP_PROBE"
"""Set (to anything) to make ``run_kiosk`` print ``p2p-kiosk: <first screen> shown`` once
the first screen is up (``STARTUP_PROBE_LINE`` on a set-up kiosk), then exit once the
store is open; for the start-up benchmarks and tests."""
STARTUP_PROBE_LINE = "p2p-kiosk: attract shown"
BASE_FONT_PX = 20


def load_stylesheet(display: Display = STANDARD_DISPLAY) -> str:
    """Return the kiosk stylesheet for ``display``: its colours, its text size.

    The files in ``assets/styles/`` are templates: each ``$token`` becomes the
    colour of that name in the display's palette (``ui.widgets.palette``), each
    length in pixels is multiplied by the display's scale as the layout metrics
    are (``metrics.px``), and ``@assets/`` becomes the bundled assets folder.
    A token the palette lacks raises ``KeyError``.
    """
    # The staff panel's rules come after the kiosk's, so they win where both apply, and the
    # mirrored ones last. Those apply only to widgets marked as laid out right to left, so
    # they are loaded once: a language switch re-styles those few widgets, not the kiosk.
    sheets = (STYLESHEET, STAFF_STYLESHEET, RTL_STYLESHEET)
    text = "\n".join(asset_path(*sheet).read_text(encoding="utf-8") for sheet in sheets)
    text = fill_colours(text, palette_for(display.theme))
    if display.scale != 1:  # at 100 % each length is already its own size
        text = _PIXELS.sub(lambda match: f"{metrics.px(int(match[1]), display.scale)}px", text)
    assets_url = Path(asset_path()).as_posix()
    return text.replace("@assets/", assets_url + "/")


_PIXELS = re.compile(r"\b(\d+)px\b")


_applied: Display | None = None


def apply_display(display: Display) -> None:
    """Lay out and colour the attendee screens built from now on for ``display``.

    Sets the layout scale, the palette painted in code, and the application's
    stylesheet (once per change: restyling every widget takes a moment); the
    caller builds its screens again. The staff screens carry their own
    standard stylesheet.
    """
    global _applied
    app = QApplication.instance()
    if display == _applied or not isinstance(app, QApplication):
        return
    metrics.set_scale(display.scale)
    palette.set_theme(display.theme)
    app.setStyleSheet(load_stylesheet(display))
    _applied = display


_in_fusion: QApplication | None = None
"""The application ``create_app`` made in, or set to, the Fusion style."""


def create_app(argv: list[str] | None = None) -> QApplication:
    """Return the running QApplication (made if there is none), styled for the kiosk."""
    global _in_fusion
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Made in Fusion rather than set to it: setStyle hands Python the style, and making
        # QStyle's enums for that takes longer than the bare window the kiosk's start is held to.
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
    elif app is not _in_fusion:
        app.setStyle("Fusion")
    _in_fusion = app
    app.setApplicationName("p2p-kiosk")
    app.setApplicationDisplayName("People to People Kiosk")
    app.setOrganizationName("PeopleToPeople")
    app.setFont(application_font(BASE_FONT_PX))
    if _applied is None:
        apply_display(STANDARD_DISPLAY)  # a window then shows its attendee's own
    # The kiosk has no double-clicks. Qt makes a touch that comes within the double-click
    # interval of the last one a double-click instead of a press, even one far away (a key,
    # then a field), and a touch-scrolled page swallows double-clicks: the tap would be lost.
    app.styleHints().setMouseDoubleClickInterval(0)
    return app


def bundled_font_faces() -> list[str]:
    """The bundled faces Qt has loaded, as "Family Style" (for the self-check)."""
    create_app()
    return [
        f"{family} {style}"
        for family in (LATIN_FONT_FAMILY, *SCRIPT_FONT_FAMILIES.values())
        for style in QFontDatabase.styles(family)
        if family in QFontDatabase.families()
    ]


def build_main_window(service: KioskService, **options: Any) -> MainWindow:
    """Create the app if needed and return a MainWindow (not shown); options go to MainWindow.

    The window speaks the service's language from the start (``ui.language``).
    """
    create_app()
    from ui.main_window import MainWindow

    return MainWindow(service, **options)


def show_kiosk_window(window: QWidget, *, windowed: bool = False) -> None:
    """Show the kiosk window as ``p2p-kiosk run`` does: full screen, frameless, on top.

    ``windowed`` shows it in a normal 1280x800 window instead (for development).
    """
    if windowed:
        window.resize(*metrics.WINDOWED_SIZE)
        window.show()
        return
    window.setWindowFlags(
        Qt.WindowType.Window
        | Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
    )
    # Without a window manager (a bare X session started for the kiosk) nothing
    # honours the full-screen request, so also cover the screen ourselves.
    screen = QApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()


def run_kiosk(service: KioskService, *, windowed: bool) -> int:
    """Run the kiosk until staff exit it; return the process exit code.

    The first screen (attract, or setup on a kiosk without a staff PIN) shows
    first; the store (which ``service`` may not have opened yet) opens in the
    next event-loop turn, and the window then checks its choice against it. If
    the store cannot open, the kiosk says why in one line on stderr and in the
    log, and exits with 1.
    """
    app = create_app()
    window = build_main_window(service)
    show_kiosk_window(window, windowed=windowed)
    app.setQuitOnLastWindowClosed(True)

    failure: list[str] = []
    probing = bool(os.environ.get(STARTUP_PROBE_ENV))

    def open_store() -> None:
        if probing:
            # Benchmarks time a real start up to here: the first screen is up.
            print(f"p2p-kiosk: {window.current} shown", flush=True)
        gc.enable()  # held off while the first screen was made (p2p_kiosk.cli)
        try:
            service.open_store()
            window.check_setup()
        except KioskError as exc:
            log.error("the kiosk store could not be opened: %s", exc)
            failure.append(str(exc))
            window.allow_close()
            app.exit(1)
            return
        if probing:
            window.allow_close()
            app.exit(0)

    QTimer.singleShot(0, open_store)
    code = int(app.exec())
    if failure:
        print(f"p2p-kiosk: {failure[0]}", file=sys.stderr)
    return code
