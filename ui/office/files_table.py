"""The table of added export files: one row per file with its check's verdict.

It only draws ``FileEntry`` values; the import tab decides what they hold.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from ui.office.controls import DeskTable, setup_table
from ui.office.files import (
    CHECKING,
    MERGED,
    MERGING,
    READY,
    REJECTED,
    STATUS_COLORS,
    FileEntry,
)
from ui.office.wording import short_list
from ui.widgets import metrics
from ui.widgets.text import plain_tooltip


class FilesTable(DeskTable):
    """File, status, sign-ups, events, kiosks, encrypted, details: one row per export file.

    Two whole rows stay in sight: on a short screen the tab scrolls rather than
    squeeze the list under the merge summary to a sliver.
    """

    def __init__(self) -> None:
        super().__init__(7, rows_in_sight=2)
        self.setObjectName("filesTable")
        self.setAccessibleName(self.tr("Export files and their checks"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Status"),
                self.tr("Sign-ups"),
                self.tr("Events"),
                self.tr("Kiosks"),
                self.tr("Encrypted"),
                self.tr("Details"),
            ]
        )
        setup_table(self, stretch=6)
        header = self.horizontalHeader()
        # Names and event lists can be long: fixed, elided columns with the full text
        # as a tooltip, so the reason column (what staff must read) stays in view.
        for column, width in (
            (0, metrics.OFFICE_FILE_COLUMN_WIDTH),
            (3, metrics.OFFICE_EVENTS_COLUMN_WIDTH),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setWordWrap(True)  # a long rejection reason wraps, never hides

    def append_entry(self, entry: FileEntry) -> None:
        """Add a row at the end showing ``entry``."""
        row = self.rowCount()
        self.insertRow(row)
        self.show_entry(row, entry)

    def show_entry(self, row: int, entry: FileEntry) -> None:
        """Draw ``entry`` in ``row`` (every cell, with the full text as tooltips)."""
        checked = entry.checked
        status_text = {
            CHECKING: self.tr("Checking…"),
            READY: self.tr("✓ Ready"),
            REJECTED: self.tr("✗ Rejected"),
            MERGING: self.tr("Merging…"),
            MERGED: self.tr("✓ Merged"),
        }[entry.status]
        ok = checked is not None and checked.ok
        cells = [
            entry.path.name,
            status_text,
            f"{checked.rows:,}" if ok and checked else "",
            short_list(checked.event_names, self.tr("+%1 more")) if ok and checked else "",
            short_list([k[:8] for k in checked.kiosk_ids], self.tr("+%1 more"))
            if ok and checked
            else "",
            self.tr("yes") if entry.is_encrypted else self.tr("no"),
            entry.detail,
        ]
        tips = {0: str(entry.path)}
        if checked is not None and checked.sha256:
            tips[6] = f"{entry.detail}\nSHA-256 {checked.sha256}"
        if ok and checked:
            tips[3] = "\n".join(checked.event_names)
            tips[4] = "\n".join(checked.kiosk_ids)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(plain_tooltip(tips.get(column, text)))
            if column == 1:
                item.setForeground(QColor(STATUS_COLORS[entry.status]))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if column == 6 and entry.status == REJECTED:
                item.setForeground(QColor(STATUS_COLORS[REJECTED]))
            if column == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, column, item)
        self.resizeRowToContents(row)
