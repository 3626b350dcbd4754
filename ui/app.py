"""Starting the kiosk: the QApplication, its stylesheet and fonts, and the main window.

``run_kiosk`` is what ``p2p-kiosk run`` calls. ``create_app`` and
``build_main_window`` make the same pieces without entering the event loop,
for tests, screenshots and benchmarks.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.errors import KioskError
from kiosk.paths import asset_path
from kiosk.service import KioskService
from ui.widgets import metrics

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
BUNDLED_FONTS = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
)
"""Faces shipped in assets/fonts/ (SIL Open Font License, assets/fonts/OFL.txt), so every
machine draws the kiosk's text alike and Hebrew and Arabic render on one with no font for
them; only the two weights the stylesheet uses."""
LATIN_FONT_FAMILY = "Noto Sans"
"""The bundled face of Latin text (English, Spanish; also Greek and Cyrillic names)."""
SCRIPT_FONT_FAMILIES = {"he": "Noto Sans Hebrew", "ar": "Noto Sans Arabic"}
"""The bundled face each language written in its own script is read in."""
PLATFORM_FONT_FAMILIES = ("Segoe UI", "Helvetica Neue", "Ubuntu", "DejaVu Sans")
"""The platforms' own faces, after the bundled ones: for a script the bundle lacks."""


def load_stylesheet() -> str:
    """Return the kiosk stylesheet with ``@assets/`` replaced by the bundled assets folder."""
    # The staff panel's rules come after the kiosk's, so they win where both apply, and the
    # mirrored ones last. Those apply only to widgets marked as laid out right to left, so
    # they are loaded once: a language switch re-styles those few widgets, not the kiosk.
    sheets = (STYLESHEET, STAFF_STYLESHEET, RTL_STYLESHEET)
    text = "\n".join(asset_path(*sheet).read_text(encoding="utf-8") for sheet in sheets)
    assets_url = Path(asset_path()).as_posix()
    return text.replace("@assets/", assets_url + "/")


def create_app(argv: list[str] | None = None) -> QApplication:
    """Return the running QApplication (made if there is none), styled for the kiosk."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("p2p-kiosk")
    app.setApplicationDisplayName("People to People Kiosk")
    app.setOrganizationName("PeopleToPeople")
    load_bundled_fonts()
    font = QFont()
    font.setFamilies(font_families("en"))
    font.setPixelSize(BASE_FONT_PX)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(load_stylesheet())
    # The kiosk has no double-clicks. Qt makes a touch that comes within the double-click
    # interval of the last one a double-click instead of a press, even one far away (a key,
    # then a field), and a touch-scrolled page swallows double-clicks: the tap would be lost.
    app.styleHints().setMouseDoubleClickInterval(0)
    return app


_bundled_font_ids: list[int] = []


def load_bundled_fonts() -> None:
    """Add the bundled faces to Qt's font database, once per application."""
    if _bundled_font_ids and QFontDatabase.applicationFontFamilies(_bundled_font_ids[0]):
        return
    _bundled_font_ids.clear()
    for name in BUNDLED_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(asset_path("fonts", name)))
        if font_id < 0:
            log.error("the bundled font %s could not be loaded", name)
        else:
            _bundled_font_ids.append(font_id)


def bundled_font_faces() -> list[str]:
    """The bundled faces Qt has loaded, as "Family Style" (for the self-check)."""
    create_app()
    return [
        f"{family} {style}"
        for family in (LATIN_FONT_FAMILY, *SCRIPT_FONT_FAMILIES.values())
        for style in QFontDatabase.styles(family)
        if family in QFontDatabase.families()
    ]


def font_families(language: str) -> list[str]:
    """The application font's families for an attendee reading ``language`` (a content code).

    Qt draws each character with the first family that has it. The bundled faces
    come first, so the same text takes the same room on every machine (a
    platform's own faces differ in width, and a layout that fits with one may
    clip with another): Noto Sans for Latin text, then the face of the
    language's own script, then the other bundled script faces (a Hebrew or
    Arabic name typed in any language). The platform's faces follow, for any
    other script a name may be typed in.
    """
    own = SCRIPT_FONT_FAMILIES.get(language.split("-")[0])
    scripts = ([own] if own else []) + [f for f in SCRIPT_FONT_FAMILIES.values() if f != own]
    available = set(QFontDatabase.families())
    platform = [family for family in PLATFORM_FONT_FAMILIES if family in available]
    return [LATIN_FONT_FAMILY, *scripts, *platform]


def use_language_font(language: str) -> None:
    """Set the application font for ``language``: at start, and whenever an attendee switches."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = app.font()
    families = font_families(language)
    if font.families() != families:
        font.setFamilies(families)
        app.setFont(font)


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
