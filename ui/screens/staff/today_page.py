"""The staff panel's "Today" page: sign-up totals, sign-ups per event, and today by hour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.screens.staff.controls import make_card, make_read_only
from ui.widgets import metrics
from ui.widgets.hour_chart import HourChart
from ui.widgets.layouts import vbox
from ui.widgets.text import plain_label, text_label

if TYPE_CHECKING:
    from kiosk.store import EventCount, EventInfo


class TodayPage(QWidget):
    """Three totals, a table of sign-ups per event (the current one bold) and the hour chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffTodayPage")
        layout = vbox(self, spacing=metrics.STAFF_PAGE_SPACING)

        stats = QHBoxLayout()
        stats.setSpacing(metrics.STAFF_PAGE_SPACING)
        self._stat_today = self._stat(self.tr("Signed up today"), "StatToday", stats)
        self._stat_total = self._stat(self.tr("Signed up in all"), "StatTotal", stats)
        self._stat_pending = self._stat(self.tr("Not yet exported"), "StatPending", stats)
        layout.addLayout(stats)

        row = QHBoxLayout()
        row.setSpacing(metrics.STAFF_PAGE_SPACING)
        table_card, table_layout = make_card(self, self.tr("Sign-ups per event"))
        self._table = QTableWidget(0, 3, table_card)
        self._table.setObjectName("StaffEventTable")
        self._table.setAccessibleName(self.tr("Sign-ups per event, today and in all"))
        self._table.setHorizontalHeaderLabels(
            [self.tr("Event and place"), self.tr("Today"), self.tr("Total")]
        )
        make_read_only(self._table)
        self._table.verticalHeader().setDefaultSectionSize(metrics.STAFF_TABLE_ROW_HEIGHT)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._no_events = text_label(self.tr("No sign-ups yet."), "muted", squeezable=True)
        table_layout.addWidget(self._table, 1)
        table_layout.addWidget(self._no_events)

        chart_card, chart_layout = make_card(self, self.tr("Today, by hour"))
        self.chart = HourChart(chart_card)
        chart_layout.addWidget(self.chart, 1)
        row.addWidget(table_card, 2)
        row.addWidget(chart_card, 3)
        layout.addLayout(row, 1)

    def _stat(self, caption: str, name: str, row: QHBoxLayout) -> QLabel:
        card, layout = make_card(self)
        card.setProperty("stat", True)
        layout.setContentsMargins(*metrics.STAFF_STAT_MARGINS)
        layout.setSpacing(metrics.STAFF_STAT_SPACING)
        number = plain_label("0", card)
        number.setObjectName(name)
        number.setProperty("role", "stat")
        text = text_label(caption, "muted", card, squeezable=True)
        layout.addWidget(number)
        layout.addWidget(text)
        row.addWidget(card, 1)
        return number

    def show_counts(
        self,
        counts: list[EventCount],
        hours: list[int],
        pending: int,
        current: EventInfo | None,
        now_hour: int,
    ) -> None:
        """Show the totals, one table row per event, and the chart up to ``now_hour``."""
        locale = QLocale()
        self._stat_today.setText(locale.toString(sum(c.today for c in counts)))
        self._stat_total.setText(locale.toString(sum(c.total for c in counts)))
        self._stat_pending.setText(locale.toString(pending))
        for label, caption in (
            (self._stat_today, self.tr("Signed up today")),
            (self._stat_total, self.tr("Signed up in all")),
            (self._stat_pending, self.tr("Not yet exported")),
        ):
            label.setAccessibleName(f"{caption}: {label.text()}")
        self._table.setRowCount(len(counts))
        bold = QFont(self._table.font())
        bold.setBold(True)
        for row, count in enumerate(counts):
            is_current = current is not None and (count.name, count.location) == (
                current.name,
                current.location,
            )
            # Name and place share one cell (two lines) so neither is cut off on a narrow card.
            where = f"{count.name}\n{count.location}" if count.location else count.name
            cells = (
                where,
                locale.toString(count.today),
                locale.toString(count.total),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
                    )
                if is_current:
                    item.setFont(bold)
                self._table.setItem(row, column, item)
        self._table.resizeRowsToContents()
        self._table.setVisible(bool(counts))
        self._no_events.setVisible(not counts)
        self.chart.set_counts(hours)
        self.chart.set_current_hour(now_hour)
