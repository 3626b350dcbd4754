"""What the office window's tabs share: their base class, and small builders.

The builders (buttons, tables and summary tiles) give every tab the same look
(the stylesheet keys on ``kind`` and the object names) without a tab
reaching into another.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QWidget,
)

from kiosk.errors import KioskError
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.layouts import vbox
from ui.widgets.text import plain_label

log = logging.getLogger(__name__)


class OfficeTab(QWidget):
    """A tab of the office window: the window shows its news and its errors in the status line."""

    status_changed = Signal(str)
    error_shown = Signal(str)

    def show_store_error(self, exc: Exception, doing: str) -> None:
        """Say why reading the master store for ``doing`` (in words for the log) failed."""
        if isinstance(exc, KioskError):
            self.error_shown.emit(str(exc))
        else:  # a locked or damaged database: its message may quote a row, so it is not shown
            log.error("%s failed with %s", doing, type(exc).__name__)
            self.error_shown.emit(self.tr("The master store cannot be read."))


def desk_button(
    text: str,
    kind: str,
    on_click: Callable[[], object],
    *,
    description: str = "",
    name: str = "",
) -> QPushButton:
    """A button sized for a mouse at a desk (``metrics.DESK_TARGET``) that calls ``on_click``.

    A screen reader names it by ``text`` and reads ``description`` after it, when
    the few words on it leave something out.
    """
    button = kiosk_button(
        text, kind, height=metrics.DESK_TARGET, name=name, description=description
    )
    button.clicked.connect(on_click)
    return button


def named_label(text: str, name: str, *, accessible_name: str = "", wrap: bool = False) -> QLabel:
    """A plain-text label the stylesheet styles by its object ``name``; ``wrap`` wraps its words."""
    label = plain_label(text)
    label.setObjectName(name)
    if accessible_name:
        label.setAccessibleName(accessible_name)
    label.setWordWrap(wrap)
    return label


def named_panel(name: str, accessible_name: str) -> QFrame:
    """A frame the stylesheet styles by its object ``name``, read out as ``accessible_name``."""
    panel = QFrame()
    panel.setObjectName(name)
    panel.setAccessibleName(accessible_name)
    return panel


def titled_panel(name: str, title: str) -> tuple[QFrame, QLabel]:
    """A ``named_panel`` read out as its ``title``, and the ``panelTitle`` label that shows it."""
    return named_panel(name, title), named_label(title, "panelTitle")


def setup_table(table: QTableWidget, *, stretch: int) -> None:
    """Make ``table`` a read-only, row-selecting list whose ``stretch`` column takes the rest."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(metrics.OFFICE_TABLE_ROW_HEIGHT)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class DeskTable(QTableWidget):
    """A ``setup_table`` list that the window never squeezes below ``rows_in_sight`` whole rows.

    Its least height is counted from the styled header and its first rows (a
    row whose words wrap is taller; rows not there yet count at the default
    height), so a short window gives the room to another part rather than
    showing a row cut in half under the header.
    """

    def __init__(self, columns: int, rows_in_sight: int) -> None:
        super().__init__(0, columns)
        self._rows_in_sight = rows_in_sight
        self.verticalHeader().sectionResized.connect(self.updateGeometry)
        self.model().rowsInserted.connect(self.updateGeometry)
        self.model().rowsRemoved.connect(self.updateGeometry)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        shown = min(self.rowCount(), self._rows_in_sight)
        rows = sum(self.rowHeight(row) for row in range(shown))
        rows += self.verticalHeader().defaultSectionSize() * (self._rows_in_sight - shown)
        height = self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()
        return QSize(hint.width(), max(hint.height(), height))


def desk_table(
    name: str, accessible_name: str, headings: list[str], *, stretch: int, rows_in_sight: int = 1
) -> DeskTable:
    """An empty ``DeskTable`` with a column per heading, styled by its object ``name``."""
    table = DeskTable(len(headings), rows_in_sight)
    table.setObjectName(name)
    table.setAccessibleName(accessible_name)
    table.setHorizontalHeaderLabels(headings)
    setup_table(table, stretch=stretch)
    return table


def stat_tile(caption: str, name: str) -> tuple[QFrame, QLabel]:
    """A summary tile (big number over a caption); returns the tile and its number label."""
    tile = QFrame()
    tile.setObjectName("statTile")
    layout = vbox(tile, margins=metrics.OFFICE_TILE_MARGINS)
    value = named_label("0", "statValue", accessible_name=caption)
    label = named_label(caption, "statCaption", wrap=True)
    layout.addWidget(value)
    layout.addWidget(label)
    tile.setAccessibleName(name)
    return tile, value
