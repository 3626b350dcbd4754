"""Every attendee screen, and card over one, as an attendee sees it: one list for the tests.

The accessibility, contrast and larger-text tests each look at all of them,
so they share the list (the screenshots' stages: a new one added in
``ui/screenshots.py`` is checked by all), and the two ways they look at one:
what is on top, and a widget scrolled into view.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.screenshots import ATTENDEE_STAGES, show_stage


def walk_stages(qtbot: QtBot, window: MainWindow) -> Iterator[str]:
    """Show each attendee stage in turn (nothing left over from the one before); yield its name.

    The stages are the screenshots' (``ui.screenshots.ATTENDEE_STAGES``).
    """
    for name in ATTENDEE_STAGES:
        window.overlay.cancel()
        window.display_panel.close_panel()
        show_stage(name, window, window.service)
        qtbot.wait(1)
        yield name


def on_top(window: MainWindow) -> QWidget:
    """The card over the screen if one is open, else the screen."""
    for card in (window.display_panel, window.overlay):
        if card.isVisible():
            return card
    return window.screen_named(window.current)


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area holding ``widget`` so all of it shows, as a reader would."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()
    QApplication.processEvents()
