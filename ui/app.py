"""Starting the kiosk: the QApplication, its stylesheet and fonts, and the main window.

``run_kiosk`` is what ``p2p-kiosk run`` calls. ``create_app`` and
``build_main_window`` make the same pieces without entering the event loop,
for tests, screenshots and benchmarks.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.paths import asset_path
from kiosk.service import KioskService

if TYPE_CHECKING:
    from ui.main_window import MainWindow

STYLESHEET = ("styles", "kiosk.qss")
# Preferred faces per platform, then the DejaVu family most Linux boxes have.
FONT_FAMILIES = ["Segoe UI", "Helvetica Neue", "Noto Sans", "Ubuntu", "DejaVu Sans"]
BASE_FONT_PX = 20


def load_stylesheet() -> str:
    """Return the kiosk stylesheet with ``@assets/`` replaced by the bundled assets folder."""
    text = asset_path(*STYLESHEET).read_text(encoding="utf-8")
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
    font = QFont()
    available = set(QFontDatabase.families())
    families = [family for family in FONT_FAMILIES if family in available]
    if families:
        font.setFamilies(families)
    font.setPixelSize(BASE_FONT_PX)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(load_stylesheet())
    return app


def build_main_window(service: KioskService, **options: Any) -> MainWindow:
    """Create the app if needed and return a MainWindow (not shown); options go to MainWindow."""
    create_app()
    from ui.main_window import MainWindow

    return MainWindow(service, **options)


def run_kiosk(service: KioskService, *, windowed: bool) -> int:
    """Run the kiosk until staff exit it; return the process exit code."""
    app = create_app()
    window = build_main_window(service)
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        window.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        window.showFullScreen()
    # The attendee journey never quits by closing its last window by accident.
    app.setQuitOnLastWindowClosed(True)
    return int(app.exec())
