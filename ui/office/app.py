"""Start the office window: ``p2p-kiosk office`` calls ``run_office``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.clock import Clock, utc_now
from kiosk.paths import asset_path
from ui.office.window import OfficeWindow
from ui.widgets.palette import OFFICE, fill_colours

STYLESHEET = ("styles", "office.qss")


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


def run_office(
    master_url: str,
    identity: Path | None = None,
    *,
    receipt_dir: Path | None = None,
    files: Sequence[Path] = (),
    argv: Sequence[str] | None = None,
) -> int:
    """Show the office window for ``master_url`` (files listed at start); return the exit code."""
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("p2p-kiosk office")
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
