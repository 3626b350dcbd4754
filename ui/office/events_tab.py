"""The Events tab: each event's figures and charts, per event or per kiosk, and its PDF report.

Staff pick an event from the list (newest first) and see what organizers
ask for: sign-ups, people new and known, the WLF choice split, pledges,
email-group opt-ins, and sign-ups per hour of the day and per day as charts
(the staff panel's chart code); a kiosk chooser narrows them to one kiosk.
"Save report…" writes the event's PDF (``ui.office.report_pdf``). The figures
are ``kiosk.event_report``'s, counted in this computer's time zone; nothing
here reads or shows personal data.
"""

from __future__ import annotations

import re
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from kiosk.errors import KioskError
from kiosk.event_report import (
    WLF_CHOICES,
    EventReport,
    EventSummary,
    busiest_hour,
    event_report,
    list_events,
    share,
)
from kiosk.signup import WlfChoice
from ui.office.controls import (
    OfficeTab,
    desk_button,
    desk_table,
    named_label,
    named_panel,
    stat_tile,
)
from ui.office.master_link import MasterLink
from ui.office.report_pdf import write_report_pdf
from ui.office.wording import WLF_LABELS, count_text, day_label, hour_span, span_text
from ui.widgets import metrics
from ui.widgets.bar_chart import BarChart
from ui.widgets.hour_chart import HOUR_LABELS
from ui.widgets.layouts import hbox, vbox
from ui.widgets.text import plain_tooltip

_UNSAFE_IN_FILE_NAMES = re.compile(r"[^\w\-]+")
_FILE_NAME_LENGTH = 60


def report_file_name(event: str) -> str:
    """A file name for an event's report that any file system takes: "report-Campus-Fair.pdf".

    Letters and digits of any script stay; separators, dots and control
    characters become dashes, so a name like ``../../x`` stays in its folder.
    """
    stem = _UNSAFE_IN_FILE_NAMES.sub("-", event).strip("-_")[:_FILE_NAME_LENGTH].strip("-_")
    return f"report-{stem or 'event'}.pdf"


class EventsTab(OfficeTab):
    """The list of events, the chosen event's (or kiosk's) figures and charts, Save report."""

    report_saved = Signal(int)  # pages written

    def __init__(self, master: MasterLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._master = master.engine
        self._zone: tzinfo | None = None  # this computer's
        self._stale = True  # counted when the tab is first shown, not when the window opens
        self.events: list[EventSummary] = []
        self.report: EventReport | None = None

        self.setObjectName("eventsPage")
        layout = hbox(self, margins=metrics.OFFICE_TAB_MARGINS, spacing=metrics.OFFICE_SPACING)
        layout.addLayout(self._build_list())
        layout.addWidget(self._build_figures(), 1)
        self._show_report(None)

    # Layout -------------------------------------------------------------------

    def _build_list(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(metrics.OFFICE_SPACING)
        self.events_table = desk_table(
            "eventsTable",
            self.tr("Events"),
            [self.tr("Event"), self.tr("Sign-ups"), self.tr("Last day")],
            stretch=0,
        )
        self.events_table.setFixedWidth(metrics.OFFICE_EVENT_LIST_WIDTH)
        self.events_table.itemSelectionChanged.connect(self._on_event_chosen)
        column.addWidget(self.events_table, 1)
        self.list_note = named_label("", "resultsNote", wrap=True)
        self.list_note.setFixedWidth(metrics.OFFICE_EVENT_LIST_WIDTH)
        column.addWidget(self.list_note)
        return column

    def _build_figures(self) -> QFrame:
        panel = named_panel("summaryPanel", self.tr("The event's figures"))
        layout = vbox(panel, margins=metrics.OFFICE_PANEL_MARGINS, spacing=metrics.OFFICE_SPACING)
        layout.addLayout(self._build_heading())
        layout.addLayout(self._build_tiles())
        charts = QHBoxLayout()
        charts.setSpacing(metrics.OFFICE_SPACING)
        self.hour_chart = BarChart()
        self.hour_chart.setObjectName("eventHourChart")
        self.hour_chart.setAccessibleName(self.tr("Sign-ups per hour of the day"))
        self.day_chart = BarChart(max_bar_width=metrics.OFFICE_DAY_BAR_MAX_WIDTH)
        self.day_chart.setObjectName("eventDayChart")
        self.day_chart.setAccessibleName(self.tr("Sign-ups per day"))
        for chart in (self.hour_chart, self.day_chart):
            chart.setMinimumSize(*metrics.OFFICE_EVENT_CHART_MIN_SIZE)
            charts.addWidget(chart, 1)
        layout.addLayout(charts, 1)
        return panel

    def _build_tiles(self) -> QVBoxLayout:
        """The headline figures in a row, and the WLF choices in a row of their own."""
        rows = QVBoxLayout()
        rows.setSpacing(metrics.OFFICE_SPACING)
        figures = QHBoxLayout()
        figures.setSpacing(metrics.OFFICE_SPACING)
        self.figure_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("signups", self.tr("sign-ups")),
            ("new", self.tr("new people")),
            ("known", self.tr("known before")),
            ("pledges", self.tr("pledges")),
            ("email_group", self.tr("email group")),
        ):
            tile, value = stat_tile(caption, caption)
            self.figure_labels[key] = value
            figures.addWidget(tile, 1)
        choices = QHBoxLayout()
        choices.setSpacing(metrics.OFFICE_SPACING)
        self.wlf_labels: dict[str, QLabel] = {}
        self.wlf_captions: dict[str, QLabel] = {}
        for choice in WLF_CHOICES:
            caption = self._wlf_caption(choice.value)
            tile, value = stat_tile(caption, caption)
            self.wlf_labels[choice.value] = value
            # The caption gains the choice's share of the sign-ups.
            caption_label = tile.findChild(QLabel, "statCaption")
            assert caption_label is not None, "stat_tile names its caption statCaption"
            self.wlf_captions[choice.value] = caption_label
            choices.addWidget(tile, 1)
        rows.addLayout(figures)
        rows.addLayout(choices)
        return rows

    def _wlf_caption(self, choice: str, part: str = "") -> str:
        label = self.tr("WLF: %1").replace("%1", WLF_LABELS[WlfChoice(choice)])
        return f"{label}\n{part}" if part else label

    def _build_heading(self) -> QHBoxLayout:
        heading = QHBoxLayout()
        heading.setSpacing(metrics.OFFICE_SPACING)
        words = QVBoxLayout()
        words.setSpacing(metrics.OFFICE_TITLE_SPACING)
        self.event_title = named_label(
            "", "summaryTitle", accessible_name=self.tr("Event"), wrap=True
        )
        self.event_details = named_label("", "dropHint", wrap=True)
        words.addWidget(self.event_title)
        words.addWidget(self.event_details)
        heading.addLayout(words, 1)
        kiosk_label = named_label(self.tr("Kiosk:"), "fieldLabel")
        self.kiosk_box = QComboBox()
        self.kiosk_box.setObjectName("kioskBox")
        self.kiosk_box.setAccessibleName(self.tr("Figures for"))
        self.kiosk_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kiosk_box.currentIndexChanged.connect(lambda _index: self._show_figures())
        kiosk_label.setBuddy(self.kiosk_box)
        heading.addWidget(kiosk_label, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.kiosk_box, 0, Qt.AlignmentFlag.AlignTop)
        self.save_report_button = desk_button(
            self.tr("Save report…"),
            "primary",
            self._pick_report_path,
            description=self.tr("Save the event's report as a PDF"),
        )
        heading.addWidget(self.save_report_button, 0, Qt.AlignmentFlag.AlignTop)
        return heading

    # The master store -----------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Count the events when staff open the tab (a large store takes a moment)."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def mark_stale(self) -> None:
        """The master store changed: count again now if the tab is showing, else when shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def set_zone(self, zone: tzinfo | None) -> None:
        """Count hours and days in ``zone`` (None: this computer's), and show them again."""
        self._zone = zone
        self.refresh()

    def refresh(self) -> None:
        """List the master store's events again, keeping the chosen one chosen."""
        chosen = self.report.name if self.report is not None else None
        self._stale = False
        try:
            self.events = list_events(self._master())
        except (KioskError, SQLAlchemyError) as exc:
            self.show_store_error(exc, "reading the events")
            return
        table = self.events_table
        table.blockSignals(True)
        table.setRowCount(len(self.events))
        for row, event in enumerate(self.events):
            last_day = event.last_at.astimezone(self._zone).date()
            cells = (event.name, f"{event.signups:,}", day_label(last_day) + f" {last_day.year}")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)  # plain text: names come from the kiosks
                item.setToolTip(plain_tooltip(text))
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)
        table.blockSignals(False)
        self.list_note.setText(
            count_text(len(self.events), self.tr("1 event."), self.tr("%1 events."))
            if self.events
            else self.tr("No events yet: merge export files on the Import tab first.")
        )
        names = [event.name for event in self.events]
        if chosen in names:
            self.choose_event(chosen)
        elif names:
            self.choose_event(names[0])
        else:
            self._show_report(None)

    def choose_event(self, name: str) -> EventReport | None:
        """Show the figures of the event called ``name``, counted now; return them (None if
        it has none)."""
        names = [event.name for event in self.events]
        self.events_table.blockSignals(True)
        if name in names:
            self.events_table.selectRow(names.index(name))
        else:
            self.events_table.clearSelection()
        self.events_table.blockSignals(False)
        return self._load(name)

    def _on_event_chosen(self) -> None:
        rows = self.events_table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.events):
            self._load(self.events[rows[0].row()].name)

    def _load(self, name: str) -> EventReport | None:
        try:
            report = event_report(self._master(), name, zone=self._zone)
        except (KioskError, SQLAlchemyError) as exc:
            self.show_store_error(exc, "reading the events")
            report = None
        self._show_report(report)
        return report

    # Showing figures -----------------------------------------------------------

    def _show_report(self, report: EventReport | None) -> None:
        self.report = report
        self.save_report_button.setEnabled(report is not None)
        self.kiosk_box.blockSignals(True)
        self.kiosk_box.clear()
        if report is None:
            self.event_title.setText(self.tr("No event chosen"))
            self.event_details.setText("")
        else:
            self.event_title.setText(report.name)
            places = " · ".join(report.locations) or self.tr("No place recorded")
            span = span_text(report.total.first_at, report.total.last_at)
            self.event_details.setText(
                f"{places}\n{span} · " + self.tr("times in %1").replace("%1", report.time_zone)
            )
            self.kiosk_box.addItem(
                count_text(len(report.kiosks), self.tr("The 1 kiosk"), self.tr("All %1 kiosks")),
                None,
            )
            for kiosk, figures in report.kiosks:
                self.kiosk_box.addItem(f"{kiosk} · {figures.signups:,}", kiosk)
        self.kiosk_box.setEnabled(report is not None and len(report.kiosks) > 1)
        self.kiosk_box.blockSignals(False)
        self._show_figures()

    def chosen_kiosk(self) -> str | None:
        """The kiosk whose figures are shown, or None for the whole event."""
        data = self.kiosk_box.currentData()
        return str(data) if data is not None else None

    def _show_figures(self) -> None:
        report = self.report
        if report is None:
            for label in (*self.figure_labels.values(), *self.wlf_labels.values()):
                label.setText("–")
            self.hour_chart.set_bars(HOUR_LABELS, [0] * len(HOUR_LABELS))
            self.day_chart.set_bars([], [])
            return
        figures = report.figures_for(self.chosen_kiosk())
        values = {
            "signups": figures.signups,
            "new": figures.new_people,
            "known": figures.known_people,
            "pledges": figures.pledges,
            "email_group": figures.email_group,
        }
        for key, value in values.items():
            self.figure_labels[key].setText(f"{value:,}")
        for choice, count in zip(WLF_CHOICES, figures.wlf, strict=True):
            self.wlf_labels[choice.value].setText(f"{count:,}")
            self.wlf_captions[choice.value].setText(
                self._wlf_caption(choice.value, share(count, figures.signups))
            )
        busiest = busiest_hour(figures.per_hour)
        self.hour_chart.set_words(self.tr("Hour of the day"), "")
        self.hour_chart.set_bars(HOUR_LABELS, figures.per_hour)
        self.hour_chart.set_highlighted(busiest)
        self.hour_chart.setToolTip(
            plain_tooltip(self.tr("Busiest: %1").replace("%1", hour_span(busiest)))
            if busiest is not None
            else ""
        )
        self.day_chart.set_words(self.tr("Day"), "")
        self.day_chart.set_bars(
            [day_label(day) for day, _ in figures.per_day], [n for _, n in figures.per_day]
        )

    # The report ------------------------------------------------------------------

    def save_report(self, path: Path) -> int:
        """Write the chosen event's report to ``path``; return its pages (0 if it failed)."""
        if self.report is None:
            return 0
        try:
            pages = write_report_pdf(self.report, Path(path))
        except KioskError as exc:
            self.error_shown.emit(self.tr("The report was not written: %1").replace("%1", str(exc)))
            return 0
        self.status_changed.emit(
            count_text(pages, self.tr("Saved a 1-page report"), self.tr("Saved a %1-page report"))
            + " "
            + self.tr("to %1").replace("%1", str(path))
        )
        self.report_saved.emit(pages)
        return pages

    def _pick_report_path(self) -> None:
        if self.report is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the event's report"),
            report_file_name(self.report.name),
            self.tr("PDF files (*.pdf)"),
        )
        if name:
            path = Path(name)
            self.save_report(path if path.suffix.lower() == ".pdf" else Path(f"{name}.pdf"))
