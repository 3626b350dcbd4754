"""An event's report as a PDF: the figures and charts on page one, the kiosks on page two.

Painted with QPainter onto Qt's own ``QPdfWriter`` (QtGui: no browser, no web
view, no print module), on US Letter in points (72 to the inch), with the
chart code the office's Events tab and the staff panel draw with
(``ui.widgets.bar_chart``). Only counts: no name, email, phone or postal
code is ever read for it, so the PDF can be printed or sent. Text is drawn
as plain strings, never markup; an event name in Hebrew or Arabic is set
right to left in the program's faces (``ui.widgets.fonts``), and a name too
long for one line wraps. A report of one kiosk is one page; the per-kiosk
table goes on the second (and further, for a very large event).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from kiosk.atomic_file import write_atomically
from kiosk.event_report import WLF_CHOICES, EventReport, Figures, busiest_hour, share
from kiosk.signup import WlfChoice
from ui.office.palette import REPORT
from ui.office.wording import WLF_LABELS, day_label, hour_span, span_text
from ui.widgets.bar_chart import BarLayout, ChartData, default_colors, paint_bar_chart
from ui.widgets.fonts import font_families
from ui.widgets.hour_chart import HOUR_LABELS

POINTS_PER_INCH = 72
PAGE_SIZE = QPageSize.PageSizeId.Letter
MARGIN = 48.0
GAP = 18.0
"""Between the blocks of a page."""
TILE_HEIGHT = 64.0
TILE_PAD = 10.0
WLF_BAR_HEIGHT = 16.0
CHART_HEIGHT = 170.0
DAY_BAR_MAX_WIDTH = 28.0
ROW_HEIGHT = 20.0
FOOTER_HEIGHT = 18.0
TABLE_PAGE_ROOM = 120.0
"""What a kiosk page holds besides its rows: the event's name, the headings, the note."""

_LIGATURES = QFont.Tag.fromString("liga")
"""The font feature that joins letters such as "ff" into one glyph (turned off)."""

# Type sizes, in points.
EYEBROW_PT, TITLE_PT, SUBTITLE_PT, HEADING_PT = 9.0, 22.0, 10.5, 13.0
NUMBER_PT, BODY_PT, SMALL_PT, TABLE_HEAD_PT = 22.0, 10.0, 8.5, 8.0

INK = QColor(REPORT.ink)
MUTED = QColor(REPORT.muted)
ACCENT = QColor(REPORT.accent)
TILE = QColor(REPORT.tile)
RULE = QColor(REPORT.rule)
STRIPE = QColor(REPORT.stripe)
WLF_COLORS = {
    WlfChoice.MEMBER: QColor(REPORT.member),
    WlfChoice.UPDATES: QColor(REPORT.updates),
    WlfChoice.EXISTING_MEMBER: QColor(REPORT.existing_member),
    WlfChoice.NONE: QColor(REPORT.no_choice),
}
CHART_COLORS = default_colors()
KIOSK_COLUMNS = (
    "Kiosk",
    "Sign-ups",
    "New people",
    "Known people",
    *(WLF_LABELS[choice] for choice in WLF_CHOICES),
    "Pledges",
    "Email group",
    "Busiest hour",
)
"""The per-kiosk table's columns; the four WLF choices stand under one heading."""
WLF_FIRST_COLUMN = 4
KIOSK_WIDTH, HOUR_WIDTH = 50.0, 56.0  # a kiosk id, and the hour "09:00"
CELL_PAD = 3.0


def report_pdf(report: EventReport) -> tuple[bytes, int]:
    """The report as PDF bytes, and its page count (needs a running QGuiApplication)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(POINTS_PER_INCH)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZE),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Point,
        )
    )
    writer.setTitle(f"Event report: {report.name}")
    writer.setCreator("People to People Kiosk")
    painter = QPainter(writer)
    try:
        pages = _ReportPages(painter, writer, report).paint()
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()), pages


def write_report_pdf(report: EventReport, out: Path) -> int:
    """Write the report to ``out`` whole or not at all; return its page count.

    A missing folder or a file that cannot be written is a ``KioskError``.
    """
    content, pages = report_pdf(report)

    def write(stream: BinaryIO) -> None:
        stream.write(content)

    write_atomically(out, write, what="the report")
    return pages


def is_right_to_left(text: str) -> bool:
    """Whether ``text`` reads right to left: its first strong letter is Hebrew or Arabic."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


@dataclass(frozen=True)
class _Tile:
    number: str
    caption: str


class _ReportPages:
    """Paints one report, page by page, top to bottom."""

    def __init__(self, painter: QPainter, writer: QPdfWriter, report: EventReport) -> None:
        self.painter = painter
        self.writer = writer
        self.report = report
        layout = writer.pageLayout().fullRectPoints()
        self.page = QRectF(0, 0, layout.width(), layout.height())
        self.left = MARGIN
        self.width = self.page.width() - 2 * MARGIN
        self.bottom = self.page.height() - MARGIN - FOOTER_HEIGHT
        self.y = MARGIN
        # The bundled Hebrew and Arabic faces too: an event or kiosk name may be in either.
        self.face = QFont()
        self.face.setFamilies(font_families("en"))
        # No "ff"/"fi"/"fl" ligatures: a PDF reader copies such a glyph as one character
        # ("cbﬀ7a"), and staff copy kiosk ids and names out of the report.
        self.face.setFeature(_LIGATURES, 0)
        kiosk_rows = len(report.kiosks) if len(report.kiosks) > 1 else 0
        self.rows_per_page = int((self.bottom - MARGIN - TABLE_PAGE_ROOM) // ROW_HEIGHT)
        self.pages = 1 + -(-kiosk_rows // self.rows_per_page)
        self.page_number = 1

    # Text -----------------------------------------------------------------------------

    def font(self, points: float, *, bold: bool = False) -> QFont:
        font = QFont(self.face)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def text(
        self,
        rect: QRectF,
        text: str,
        font: QFont,
        color: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        *,
        wrap: bool = False,
    ) -> float:
        """Draw ``text`` as plain text in ``rect`` in its own direction; return the height used."""
        painter = self.painter
        painter.save()
        painter.setFont(font)
        painter.setPen(color)
        # The text's own direction orders its letters and, as Left is Leading, puts a
        # Hebrew or Arabic name flush right, where its lines start.
        rtl = is_right_to_left(text)
        painter.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        flags = align | Qt.AlignmentFlag.AlignTop
        if wrap:
            flags |= Qt.TextFlag.TextWordWrap
        used = painter.boundingRect(rect, flags, text)
        painter.drawText(rect, flags, text)
        painter.restore()
        return used.height()

    def line(self, text: str, points: float, color: QColor = INK, *, bold: bool = False) -> None:
        """A block of text across the page at the cursor, wrapped; the cursor moves past it."""
        rect = QRectF(self.left, self.y, self.width, self.bottom - self.y)
        self.y += self.text(rect, text, self.font(points, bold=bold), color, wrap=True)

    # Pages ----------------------------------------------------------------------------

    def paint(self) -> int:
        """Paint every page; return how many there are."""
        self.first_page()
        if len(self.report.kiosks) > 1:
            self.kiosk_pages()
        self.footer()
        return self.page_number

    def first_page(self) -> None:
        report, total = self.report, self.report.total
        self.line("EVENT REPORT · PEOPLE TO PEOPLE KIOSK", EYEBROW_PT, MUTED, bold=True)
        self.y += 4
        self.line(report.name, TITLE_PT, bold=True)
        self.y += 2
        places = " · ".join(report.locations) if report.locations else "No place recorded"
        self.line(places, SUBTITLE_PT, MUTED)
        kiosks = len(report.kiosks)
        self.line(
            f"{span_text(total.first_at, total.last_at)} · "
            f"{kiosks} kiosk{'s' if kiosks != 1 else ''} · times in {report.time_zone}",
            SUBTITLE_PT,
            MUTED,
        )
        self.y += GAP
        self.tiles(figure_tiles(total))
        self.y += GAP
        self.wlf_split(total)
        self.y += GAP
        if not total.signups:
            self.line("No sign-ups under this event.", HEADING_PT, MUTED, bold=True)
            return
        busiest = busiest_hour(total.per_hour)
        title = "Sign-ups by hour of the day"
        if busiest is not None:
            title += f" · busiest {hour_span(busiest)} ({total.per_hour[busiest]:,}, in red)"
        self.chart(
            title,
            ChartData(
                HOUR_LABELS,
                total.per_hour,
                f"Hour of the day ({report.time_zone}), all days together",
                highlighted=busiest,
            ),
        )
        self.y += GAP
        days = total.per_day
        self.chart(
            "Sign-ups by day",
            ChartData(tuple(day_label(d) for d, _ in days), tuple(n for _, n in days), "Day"),
            max_bar_width=DAY_BAR_MAX_WIDTH,
        )

    def tiles(self, tiles: Sequence[_Tile]) -> None:
        """A row of figures, each a big number over its caption."""
        width = (self.width - GAP * (len(tiles) - 1)) / len(tiles)
        for index, tile in enumerate(tiles):
            rect = QRectF(self.left + index * (width + GAP), self.y, width, TILE_HEIGHT)
            self.painter.fillRect(rect, TILE)
            inner = rect.adjusted(TILE_PAD, TILE_PAD / 2, -TILE_PAD, -TILE_PAD / 2)
            used = self.text(inner, tile.number, self.font(NUMBER_PT, bold=True), ACCENT)
            below = QRectF(inner.left(), inner.top() + used, inner.width(), inner.height() - used)
            self.text(below, tile.caption, self.font(SMALL_PT), MUTED, wrap=True)
        self.y += TILE_HEIGHT

    def wlf_split(self, figures: Figures) -> None:
        """The WLF choices as one bar split in proportion, with a legend of counts."""
        self.line("The WLF invitation: what people chose", HEADING_PT, bold=True)
        self.y += 6
        bar = QRectF(self.left, self.y, self.width, WLF_BAR_HEIGHT)
        self.painter.fillRect(bar, STRIPE)
        x = bar.left()
        for choice, count in zip(WLF_CHOICES, figures.wlf, strict=True):
            if figures.signups and count:
                width = bar.width() * count / figures.signups
                self.painter.fillRect(QRectF(x, bar.top(), width, bar.height()), WLF_COLORS[choice])
                x += width
        self.y += WLF_BAR_HEIGHT + 6
        legend_width = self.width / len(WLF_CHOICES)
        font, bold = self.font(BODY_PT), self.font(BODY_PT, bold=True)
        swatch = BODY_PT
        for index, (choice, count) in enumerate(zip(WLF_CHOICES, figures.wlf, strict=True)):
            left = self.left + index * legend_width
            self.painter.fillRect(QRectF(left, self.y + 2, swatch, swatch), WLF_COLORS[choice])
            rect = QRectF(left + swatch + 5, self.y, legend_width - swatch - 10, ROW_HEIGHT)
            used = self.text(rect, WLF_LABELS[choice], font)
            rect.translate(0, used)
            self.text(rect, f"{count:,} · {share(count, figures.signups)}", bold)
        self.y += 2 * ROW_HEIGHT

    def chart(self, title: str, data: ChartData, *, max_bar_width: float | None = None) -> None:
        """A titled bar chart across the page, painted as the office window paints it."""
        self.line(title, HEADING_PT, bold=True)
        self.painter.save()
        self.painter.setFont(self.font(SMALL_PT))
        area = QRectF(self.left, self.y, self.width, CHART_HEIGHT)
        layout = BarLayout(
            area, data, QFontMetrics(self.painter.font()), max_bar_width=max_bar_width
        )
        paint_bar_chart(self.painter, layout, CHART_COLORS)
        self.painter.restore()
        self.y += CHART_HEIGHT

    def kiosk_pages(self) -> None:
        """The per-kiosk table, on a page of its own (more for a very large event)."""
        rows = [kiosk_row(kiosk, figures) for kiosk, figures in self.report.kiosks]
        for start in range(0, len(rows), self.rows_per_page):
            self.new_page()
            self.line(self.report.name, HEADING_PT, bold=True)
            self.line("Each kiosk at this event", SUBTITLE_PT, MUTED)
            self.y += GAP / 2
            self.table(KIOSK_COLUMNS, rows[start : start + self.rows_per_page])
        self.y += GAP / 2
        self.line(
            "New: their first sign-up anywhere was made at this kiosk. Known: they had "
            "signed up before, at another event or earlier at this one.",
            SMALL_PT,
            MUTED,
        )

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        other = (self.width - KIOSK_WIDTH - HOUR_WIDTH) / (len(headers) - 2)
        widths = [KIOSK_WIDTH] + [other] * (len(headers) - 2) + [HOUR_WIDTH]
        # "WLF choice" over its four columns, then the columns' own headings.
        wlf_left = self.left + sum(widths[:WLF_FIRST_COLUMN])
        wlf = QRectF(wlf_left, self.y, other * len(WLF_CHOICES), ROW_HEIGHT)
        heading = self.font(TABLE_HEAD_PT, bold=True)
        self.text(wlf, "WLF choice", heading, MUTED, Qt.AlignmentFlag.AlignHCenter)
        self.painter.fillRect(QRectF(wlf.left() + 4, wlf.bottom() - 6, wlf.width() - 8, 1), RULE)
        self.y += ROW_HEIGHT - 4
        self.cells(headers, widths, 2 * ROW_HEIGHT, heading, MUTED)
        self.painter.fillRect(QRectF(self.left, self.y - 1, self.width, 1), RULE)
        for index, row in enumerate(rows):
            if index % 2:
                self.painter.fillRect(QRectF(self.left, self.y, self.width, ROW_HEIGHT), STRIPE)
            self.cells(row, widths, ROW_HEIGHT, self.font(BODY_PT), INK)

    def cells(
        self,
        values: Sequence[str],
        widths: Sequence[float],
        height: float,
        font: QFont,
        color: QColor,
    ) -> None:
        x = self.left
        for column, (value, width) in enumerate(zip(values, widths, strict=True)):
            align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
            rect = QRectF(x + CELL_PAD, self.y + 4, width - 2 * CELL_PAD, height - 4)
            self.text(rect, value, font, color, align, wrap=True)
            x += width
        self.y += height

    def new_page(self) -> None:
        self.footer()
        self.writer.newPage()
        self.page_number += 1
        self.y = MARGIN

    def footer(self) -> None:
        made = self.report.made_at
        text = (
            f"Made {made:%Y-%m-%d %H:%M} ({self.report.time_zone}) from the office master "
            f"store · counts only, no personal data · page {self.page_number} of {self.pages}"
        )
        rect = QRectF(self.left, self.page.height() - MARGIN, self.width, FOOTER_HEIGHT)
        self.text(rect, text, self.font(SMALL_PT), MUTED)


def figure_tiles(figures: Figures) -> list[_Tile]:
    """The headline figures: sign-ups, people (new and known), pledges, email-group opt-ins."""
    return [
        _Tile(f"{figures.signups:,}", "sign-ups"),
        _Tile(
            f"{figures.people:,}",
            f"people: {figures.new_people:,} new, {figures.known_people:,} known before",
        ),
        _Tile(
            f"{figures.pledges:,}",
            f"advocacy pledges ({share(figures.pledges, figures.signups)} of sign-ups)",
        ),
        _Tile(
            f"{figures.email_group:,}",
            f"joined the email group ({share(figures.email_group, figures.signups)})",
        ),
    ]


def kiosk_row(kiosk_id: str, figures: Figures) -> list[str]:
    """One kiosk's line in the per-kiosk table (``KIOSK_COLUMNS``)."""
    busiest = busiest_hour(figures.per_hour)
    return [
        kiosk_id,
        f"{figures.signups:,}",
        f"{figures.new_people:,}",
        f"{figures.known_people:,}",
        *(f"{count:,}" for count in figures.wlf),
        f"{figures.pledges:,}",
        f"{figures.email_group:,}",
        f"{busiest:02d}:00" if busiest is not None else "–",
    ]
