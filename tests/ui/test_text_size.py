"""Larger text (WCAG 1.4.4): at 150 % on a 1280x800 screen every attendee screen shows every word.

Measured by geometry, in both reading directions: no text cut off at the
bottom or the side, none drawn over another, every button as wide as its
words; what does not fit the screen's height scrolls (and is scrolled to, as
a reader would). Each text size lays out the screens again at its scale.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.display import Display, Theme
from kiosk.service import KioskService
from tests.ui.attendee_stages import on_top, scroll_into_view, walk_stages
from tests.ui.conftest import MakeWindow
from ui.main_window import MainWindow
from ui.widgets import metrics


def _in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _shown(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``widget`` not scrolled out of sight, in window coordinates."""
    shown = widget.visibleRegion().boundingRect()
    return QRect(widget.mapTo(window, shown.topLeft()), shown.size())


def _words_problems(window: MainWindow) -> list[str]:
    """Each text on top cut off, off the side, or too narrow for its words."""
    problems = []
    right = window.rect().right()
    for widget in on_top(window).findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text().strip():
            words = widget.text()[:40]
            if widget.wordWrap():
                if widget.height() + 1 < widget.heightForWidth(widget.width()):
                    problems.append(f"{words!r} is cut off at the bottom")
            elif widget.width() + 1 < widget.sizeHint().width():
                problems.append(f"{words!r} is cut off at the end")
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            words = widget.text()[:40]
            if widget.width() + 1 < widget.sizeHint().width():
                problems.append(f"button {words!r} is narrower than its words")
        else:
            continue
        area = _in_window(widget, window)
        if area.left() < 0 or area.right() > right:
            problems.append(f"{words!r} runs off the side")
    return problems


def _overlaps(window: MainWindow) -> list[str]:
    """Texts drawn over one another (a label inside a button is the button's own)."""
    texts = [
        w
        for w in on_top(window).findChildren(QWidget)
        if w.isVisible()
        and isinstance(w, QLabel | QAbstractButton)
        and (w.text().strip() if isinstance(w, QLabel | QAbstractButton) else "")
    ]
    problems = []
    for index, first in enumerate(texts):
        for second in texts[index + 1 :]:
            if first.isAncestorOf(second) or second.isAncestorOf(first):
                continue
            if first.window() is not second.window():
                continue
            shared = _shown(first, window) & _shown(second, window)
            if shared.width() > 1 and shared.height() > 1:
                problems.append(f"{first.text()[:30]!r} overlaps {second.text()[:30]!r}")
    return problems


@pytest.fixture
def large_text_window(service: KioskService, make_window: MakeWindow) -> MainWindow:
    """The kiosk at 1280x800 with every attendee starting at 150 %."""
    service.set_default_display(Display(150, Theme.STANDARD))
    return make_window()


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_at_150_percent_every_attendee_screen_shows_all_its_words(
    qtbot: QtBot, large_text_window: MainWindow, direction: Qt.LayoutDirection
) -> None:
    window = large_text_window
    assert window.size().toTuple() == (1280, 800)
    assert metrics.SCALE == 1.5
    window.setLayoutDirection(direction)
    problems = []
    for stage in walk_stages(qtbot, window):
        qtbot.wait(1)
        found = _words_problems(window) + _overlaps(window)
        problems += [f"{stage}: {p}" for p in found]
    assert not problems, "\n".join(problems)


def test_what_does_not_fit_scrolls_into_view(qtbot: QtBot, large_text_window: MainWindow) -> None:
    window = large_text_window
    for stage in walk_stages(qtbot, window):
        for label in on_top(window).findChildren(QLabel):
            if not (label.isVisible() and label.text().strip()):
                continue
            scroll_into_view(label)
            shown = label.visibleRegion().boundingRect()
            assert shown.height() >= label.height() - 1, f"{stage}: {label.text()[:40]!r}"


@pytest.mark.parametrize("size", [100, 125, 150])
def test_each_text_size_lays_the_screens_out_at_its_scale(
    service: KioskService, make_window: MakeWindow, size: int
) -> None:
    service.set_default_display(Display(size))
    window = make_window()
    window.go("join")
    scale = size / 100
    assert metrics.SCALE == scale
    assert window.join.submit_button.minimumHeight() >= round(72 * scale)
    assert window.join.first_name.edit.font().pixelSize() == round(22 * scale)
    assert window.home.title_label.font().pixelSize() == round(44 * scale)


def test_at_150_percent_every_attract_message_fits_the_screen(
    qtbot: QtBot, large_text_window: MainWindow
) -> None:
    attract = large_text_window.attract
    for index, message in enumerate(attract.messages):
        attract.show_message(index)
        qtbot.wait(1)
        label = attract.message_label
        assert label.text() == message
        assert label.height() + 1 >= label.heightForWidth(label.width()), message[:40]
        assert not _words_problems(large_text_window), message[:40]
