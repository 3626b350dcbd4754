"""Start the office window: ``p2p-kiosk office`` calls ``run_office``."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.clock import Clock, utc_now
from kiosk.paths import asset_path
from ui.office.palette import OFFICE
from ui.office.window import OfficeWindow
from ui.widgets.fonts import application_font
from ui.widgets.palette import fill_colours

STYLESHEET = ("styles", "office.qss")
OFFICE_FONT_PX = 17
"""office.qss's size for the window's text; also dialogs and tooltips, which it does not reach."""


def office_stylesheet() -> str:
    """The office window's stylesheet, or "" when the file is missing (plain Qt look).

    A template like the kiosk's: its ``$tokens`` are the office palette's colours.
    """
    try:
        text = asset_path(*STYLESHEET).read_text(encoding="utf-8")
    except OSError:
        return ""
    return fill_colours(text, OFFICE).replace("@assets/", Path(asset_path()).as_posix() + "/")


def make_office_window(
    master_url: str,
    identity: Path | None = None,
    *,
    receipt_dir: Path | None = None,
    clock: Clock = utc_now,
) -> OfficeWindow:
    """An office window with its stylesheet applied (used by run_office and screenshots)."""
    window = OfficeWindow(master_url, identity, receipt_dir=receipt_dir, clock=clock)
    window.setStyleSheet(office_stylesheet())
    return window


def _application(argv: Sequence[str]) -> QApplication:
    """The running QApplication, or a new one made with ``argv``."""
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication(list(argv))


def style_office_app(app: QApplication) -> None:
    """Make ``app`` the office's: the Fusion style and the bundled faces, on every computer.

    Without them the window is drawn in the desktop's own style and faces (DejaVu
    Sans on Linux, Segoe UI on Windows), wider or narrower than the screenshots
    show, and tables laid out for one clip in the other. The application carries
    no stylesheet: the window has its own (``make_office_window``).
    """
    app.setStyle("Fusion")
    app.setFont(application_font(OFFICE_FONT_PX))
    app.setStyleSheet("")


@contextmanager
def as_office_app() -> Iterator[None]:
    """Within the block, the application is styled as ``p2p-kiosk office`` runs; then as it was.

    For rendering the office window in a process that runs the kiosk's screens too
    (``p2p-kiosk screenshots``), whose application has the kiosk's stylesheet and font.
    """
    app = _application(sys.argv[:1])
    style_name, font, sheet = app.style().name(), app.font(), app.styleSheet()
    style_office_app(app)
    try:
        yield
    finally:
        app.setStyle(style_name)
        app.setFont(font)
        app.setStyleSheet(sheet)


def run_office(
    master_url: str,
    identity: Path | None = None,
    *,
    receipt_dir: Path | None = None,
    files: Sequence[Path] = (),
    argv: Sequence[str] | None = None,
) -> int:
    """Show the office window for ``master_url`` (files listed at start); return the exit code."""
    app = _application(argv if argv is not None else sys.argv)
    app.setApplicationName("p2p-kiosk office")
    style_office_app(app)
    window = make_office_window(master_url, identity, receipt_dir=receipt_dir)
    # On a screen smaller than the window's preferred size (a laptop at
    # 1280x800), fill the screen instead of spilling past its edges.
    screen = window.screen().availableGeometry()
    if window.width() > screen.width() or window.height() > screen.height():
        window.setGeometry(screen)
        window.showMaximized()
    else:
        window.show()
    if files:
        window.add_files(list(files))
    return int(app.exec())
