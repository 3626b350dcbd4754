"""WCAG contrast, measured on the pixels an attendee sees, in both themes.

Every text on every attendee screen is cropped from the rendered window: its
background is the colour most of its pixels have, its ink the pixel farthest
from that. WCAG 2.2 asks 4.5:1 for text, 3:1 for large text (24 px, or 18.66
px bold), 3:1 for a control's boundary and for the focus indicator against
what surrounds them; the high-contrast theme promises 7:1 for every text.
Measuring the screens, not the palette, also catches a pair nobody listed (a
label on a tinted card, a placeholder, a focused button's words).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.display import Display, Theme
from kiosk.service import KioskService
from tests.ui.attendee_stages import on_top, scroll_into_view, walk_stages
from tests.ui.conftest import MakeWindow
from ui.main_window import MainWindow
from ui.widgets.nav_card import NavCard

TEXT = 4.5
LARGE_TEXT = 3.0
HIGH_CONTRAST_TEXT = 7.0
NON_TEXT = 3.0
"""A control's boundary, and the focus indicator (WCAG 1.4.11)."""


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_gives_wcags_own_figures() -> None:
    assert contrast(QColor("#000000"), QColor("#FFFFFF")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#FFFFFF")) == pytest.approx(4.48, abs=0.01)
    assert contrast(QColor("#1D4E89"), QColor("#1D4E89")) == 1.0


def ink_and_ground(image: QImage, rect: QRect) -> tuple[QColor, QColor]:
    """The ground (most pixels) of ``rect`` in ``image``, and the ink farthest from it."""
    crop = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    pixels = array("I", bytes(crop.constBits()))
    counts = Counter(pixels)
    ground = QColor.fromRgb(counts.most_common(1)[0][0])
    ink = max((QColor.fromRgb(value) for value in counts), key=lambda c: contrast(c, ground))
    return ink, ground


def _is_large(widget: QWidget) -> bool:
    font = widget.font()
    return font.pixelSize() >= 24 or (font.pixelSize() >= 18.66 and font.bold())


def _texts(window: MainWindow) -> Iterator[QWidget]:
    """Each widget showing words now, on top."""
    for widget in on_top(window).findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget, QLabel | QPushButton) and widget.text().strip():
            yield widget
        elif isinstance(widget, QLineEdit) and (widget.text() or widget.placeholderText()):
            yield widget


def _text_area(widget: QWidget, window: QWidget) -> QRect:
    """Where ``widget``'s words are, in window coordinates: inside any border and corners."""
    inset = 0 if isinstance(widget, QLabel) else 6
    area = widget.contentsRect().adjusted(inset, inset, -inset, -inset)
    return QRect(widget.mapTo(window, area.topLeft()), area.size())


def _describe(stage: str, widget: QWidget) -> str:
    words = widget.text() if isinstance(widget, QLabel | QAbstractButton | QLineEdit) else ""
    return f"{stage}: {type(widget).__name__} {(words or widget.objectName())[:40]!r}"


@pytest.fixture(params=[Theme.STANDARD, Theme.HIGH_CONTRAST], ids=["standard", "high-contrast"])
def themed_window(
    request: pytest.FixtureRequest, service: KioskService, make_window: MakeWindow
) -> MainWindow:
    """The kiosk with every attendee starting in the theme (as staff would set it)."""
    service.set_default_display(Display(100, request.param))
    return make_window()


def test_every_text_on_every_attendee_screen_is_readable(
    qtbot: QtBot, themed_window: MainWindow
) -> None:
    window = themed_window
    high = window.service.display.is_high_contrast
    problems = []
    checked = 0
    for stage in walk_stages(qtbot, window):
        for widget in list(_texts(window)):
            scroll_into_view(widget)
            area = _text_area(widget, window)
            if area.width() < 4 or area.height() < 4:
                continue
            ink, ground = ink_and_ground(
                window.grab(area).toImage(), QRect(QPoint(0, 0), area.size())
            )
            ratio = contrast(ink, ground)
            needed = HIGH_CONTRAST_TEXT if high else LARGE_TEXT if _is_large(widget) else TEXT
            checked += 1
            if ratio < needed:
                problems.append(
                    f"{_describe(stage, widget)}: {ink.name()} on {ground.name()} is "
                    f"{ratio:.2f}:1, below {needed}:1"
                )
    assert checked > 120
    assert not problems, "\n".join(problems)


def _edge_contrast(window: QWidget, widget: QWidget) -> float:
    """Contrast between ``widget``'s leading edge (its boundary) and what lies beside it.

    Beside it is just outside; for a widget at the window's edge (a scroll area),
    just inside its 3 px edge, which then runs between the window's edge and the page.
    """
    middle = widget.mapTo(window, QPoint(0, widget.height() // 2))
    if middle.x() >= 4:
        strip = window.grab(QRect(middle.x() - 4, middle.y(), 6, 1)).toImage()
        return contrast(strip.pixelColor(0, 0), strip.pixelColor(5, 0))
    strip = window.grab(QRect(middle.x(), middle.y(), 8, 1)).toImage()
    return contrast(strip.pixelColor(1, 0), strip.pixelColor(7, 0))


def _row_contrast(window: QWidget, widget: QWidget) -> float:
    """The most contrast across ``widget``'s middle row against its leftmost pixel's colour."""
    middle = widget.mapTo(window, QPoint(0, widget.height() // 2))
    row = window.grab(QRect(middle.x(), middle.y(), widget.width(), 1)).toImage()
    ground = row.pixelColor(0, 0)
    return max((contrast(ground, row.pixelColor(x, 0)) for x in range(row.width())), default=1.0)


def _controls(window: MainWindow) -> Iterator[QWidget]:
    for widget in on_top(window).findChildren(QWidget):
        reachable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if widget.isVisible() and widget.isEnabled() and reachable:
            yield widget


def test_every_control_shows_its_boundary_and_its_focus(
    qtbot: QtBot, themed_window: MainWindow
) -> None:
    window = themed_window
    problems = []
    focused = 0
    for stage in walk_stages(qtbot, window):
        for control in list(_controls(window)):
            where = _describe(stage, control)
            # Unfocused: a field's or a button's edge, a tick box somewhere on its row.
            window.setFocus()
            scroll_into_view(control)
            if isinstance(control, QCheckBox | QRadioButton):
                boundary = _row_contrast(window, control)
            elif isinstance(control, QLineEdit | NavCard) or control.property("kind") in (
                "primary",
                "secondary",
                "accent",
            ):
                boundary = _edge_contrast(window, control)
            else:
                boundary = NON_TEXT  # text only (Back): its words are what a person sees
            if boundary < NON_TEXT:
                problems.append(f"{where}: its boundary is {boundary:.2f}:1")
            control.setFocus(Qt.FocusReason.TabFocusReason)
            scroll_into_view(control)
            focused += 1
            ring = _edge_contrast(window, control)
            if ring < NON_TEXT:
                problems.append(f"{where}: its focus indicator is {ring:.2f}:1")
    assert focused > 60
    assert not problems, "\n".join(problems)
