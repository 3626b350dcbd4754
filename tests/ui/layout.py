"""Checks of a laid-out screen, as a person would find fault with it: cut-off text, widgets on
top of each other, a right-to-left screen that is not really mirrored, words left untranslated.

Each check returns what is wrong, in words, so a test can report every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QWidget,
)

from ui.widgets.qr_view import QrCanvas


def settle() -> None:
    """Let posted layout and style work finish, as it has before a person sees a screen."""
    for _ in range(4):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _rect_in(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton | QLineEdit) else ""
    return f"{type(widget).__name__}({(text or widget.objectName())[:40]!r})"


# Text that does not fit ------------------------------------------------------------------


_ICON_GAP = 4
"""Between a button's icon and its text (Qt's own)."""
_BORDERS = 6
"""A button's border on both sides (the kiosk's widest is 3 px, when focused)."""


def clipped_texts(window: QWidget, screen: QWidget) -> list[str]:
    """Labels and buttons on ``screen`` given less room than their text needs.

    A wrapped label needs the height its text takes at its width, a one-line
    label the width of its text; a button the width of its text and icon
    inside its border (its padding may give), and the height its style asks.
    Nothing may run off the window.
    """
    problems = []
    window_rect = window.rect()
    for label in screen.findChildren(QLabel):
        if not _shown(label) or not label.text():
            continue
        if label.wordWrap():
            if label.height() + 1 < label.heightForWidth(label.width()):
                problems.append(f"{label.text()[:40]!r} cut off at the bottom")
        elif label.width() + 1 < label.sizeHint().width():
            problems.append(f"{label.text()[:40]!r} cut off at the side")
        rect = _rect_in(window, label)
        if rect.left() < 0 or rect.right() > window_rect.right():
            problems.append(f"{label.text()[:40]!r} runs off the side")
    for button in screen.findChildren(QAbstractButton):
        if not _shown(button) or not button.text():
            continue
        icon = button.iconSize().width() + _ICON_GAP if not button.icon().isNull() else 0
        needed_width = button.fontMetrics().horizontalAdvance(button.text()) + icon + _BORDERS
        needed_height = button.sizeHint().height()
        if button.width() < needed_width or button.height() + 1 < needed_height:
            problems.append(
                f"button {button.text()[:40]!r} is {button.width()}x{button.height()}, "
                f"needs {needed_width}x{needed_height}"
            )
    return problems


# Widgets on top of each other ----------------------------------------------------------


def _leaves(screen: QWidget) -> Iterator[QWidget]:
    """What a person reads or touches: labels with text, buttons, fields, QR codes."""
    for widget in screen.findChildren(QWidget):
        if not _shown(widget):
            continue
        if isinstance(widget, QLabel) and not widget.text():
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit | QrCanvas):
            yield widget


def _visible_rect(window: QWidget, widget: QWidget) -> QRect:
    """Where ``widget`` can be seen in ``window``: its rect, clipped by every parent's."""
    rect = _rect_in(window, widget)
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(_rect_in(window, parent))
        parent = parent.parentWidget()
    return rect


def overlaps(window: QWidget, screen: QWidget) -> list[str]:
    """Pairs of readable or touchable widgets on ``screen`` that cover part of each other.

    A widget inside another (a label on its card, a key on the keyboard) is
    not an overlap; a scrolled page counts only where it can be seen.
    """
    shown = [(w, _visible_rect(window, w)) for w in _leaves(screen)]
    shown = [(w, r) for w, r in shown if not r.isEmpty()]
    problems = []
    for index, (one, one_rect) in enumerate(shown):
        for other, other_rect in shown[index + 1 :]:
            if one.isAncestorOf(other) or other.isAncestorOf(one):
                continue
            if one_rect.intersects(other_rect):
                problems.append(f"{_describe(one)} overlaps {_describe(other)}")
    return problems


# Mirroring ----------------------------------------------------------------------------


def _layouts(screen: QWidget) -> Iterator[QLayout]:
    for widget in [screen, *screen.findChildren(QWidget)]:
        layout = widget.layout()
        if _shown(widget) and layout is not None:
            yield from _nested(layout)


def _nested(layout: QLayout) -> Iterator[QLayout]:
    yield layout
    for index in range(layout.count()):
        item = layout.itemAt(index)
        child = item.layout() if item is not None else None
        if child is not None:
            yield from _nested(child)


def _row_widgets(layout: QBoxLayout) -> list[QWidget]:
    widgets = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None and _shown(widget):
            widgets.append(widget)
    return widgets


def unmirrored_rows(window: QWidget, screen: QWidget) -> list[str]:
    """Rows on ``screen`` that do not run the way their layout direction says.

    In every horizontal row (a box layout, a grid's rows) laid out right to
    left, each widget must sit to the left of the one before it; left to
    right, to its right. Counts only rows whose widgets are all shown.
    """
    problems = []
    for layout in _layouts(screen):
        rows: list[list[QWidget]] = []
        if isinstance(layout, QBoxLayout) and layout.direction() in (
            QBoxLayout.Direction.LeftToRight,
            QBoxLayout.Direction.RightToLeft,
        ):
            rows.append(_row_widgets(layout))
        elif isinstance(layout, QGridLayout):
            rows += _grid_rows(layout)
        for widgets in rows:
            problems += _row_problems(window, widgets)
    return problems


def _grid_rows(grid: QGridLayout) -> list[list[QWidget]]:
    rows = []
    for row in range(grid.rowCount()):
        cells = [grid.itemAtPosition(row, column) for column in range(grid.columnCount())]
        widgets = [c.widget() for c in cells if c is not None and c.widget() is not None]
        rows.append([w for w in widgets if w is not None and _shown(w)])
    return rows


def _row_problems(window: QWidget, widgets: list[QWidget]) -> list[str]:
    problems = []
    for before, after in zip(widgets, widgets[1:], strict=False):
        rtl = before.isRightToLeft()
        before_rect, after_rect = _rect_in(window, before), _rect_in(window, after)
        in_order = (
            after_rect.right() <= before_rect.left()
            if rtl
            else after_rect.left() >= before_rect.right()
        )
        if not in_order:
            side = "left" if rtl else "right"
            problems.append(f"{_describe(after)} is not to the {side} of {_describe(before)}")
    return problems


def ink_columns(widget: QWidget, rows: range | None = None) -> tuple[int, int] | None:
    """The leftmost and rightmost columns where ``widget`` draws over its background, or None.

    Only ``rows`` are looked at, when given (a band of the widget, one line of text).
    """
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, stride, pixels = image.width(), image.bytesPerLine(), bytes(image.constBits())
    background = pixels[:1]  # the top-left corner, above any letter
    left, right = width, -1
    for y in rows if rows is not None else range(image.height()):
        row = pixels[y * stride : y * stride + width]
        if row.strip(background):
            left = min(left, len(row) - len(row.lstrip(background)))
            right = max(right, len(row.rstrip(background)) - 1)
    return (left, right) if right >= 0 else None


def is_flush_with(label: QLabel, edge: Qt.AlignmentFlag, tolerance: int) -> bool:
    """Whether ``label``'s text reaches its ``edge`` (left or right), give or take ``tolerance``."""
    ink = ink_columns(label)
    if ink is None:
        return False
    area = label.contentsRect()
    if edge == Qt.AlignmentFlag.AlignRight:
        return area.right() - ink[1] <= tolerance
    return ink[0] - area.left() <= tolerance


# Words -------------------------------------------------------------------------------


def visible_texts(screen: QWidget) -> set[str]:
    """Every text a person can read on ``screen``: labels, buttons, fields and their hints."""
    texts: set[str] = set()
    for widget in screen.findChildren(QWidget):
        if not _shown(widget):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.update((widget.text(), widget.placeholderText()))
    texts.discard("")
    return texts
