"""Show a widget as a test's own top-level window."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)

BOOTH_SIZE = (1280, 800)
"""A booth laptop's screen, the size the kiosk's screens are laid out for."""


def show_window(
    qtbot: QtBot, widget: W, *, size: tuple[int, int] | None = None, active: bool = False
) -> W:
    """Show ``widget`` (at ``size``, if given) until the test ends; return it once exposed.

    ``active`` waits until it is the active window too: keys, focus changes and
    focus-out signals (``editingFinished``) go to the active window only.
    """
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    if active:
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow)
    return widget
