"""Bar charts painted with QPainter (no chart library), on a screen or onto a PDF page alike.

``BarLayout`` works out where everything goes for an area, a font and the
counts, apart from the painting, so tests, the accessible description and
the office's PDF report use the numbers the screen shows; ``paint_bar_chart``
draws a chart onto any QPainter (a widget's, a PDF writer's). ``BarChart`` is
the widget, and ``ui.widgets.hour_chart.HourChart`` its 24-hour form for the
staff panel. Under ``Qt.RightToLeft`` the axis runs from the right.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import Property, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.widgets import metrics
from ui.widgets.palette import STANDARD

# Room around the plot, in the chart's own units (pixels on screen, points in a PDF).
EDGE = 8.0
"""Between the plot and the chart's edge opposite the value labels."""
LABEL_GAP = 6.0
"""Between the value axis' numbers and the plot."""
LABEL_ROOM = 12.0
"""Beyond the widest value label ("0000") beside the plot."""
AXIS_GAP = 4.0
"""Between the plot's bottom and the labels under the bars."""
BAR_GAP_SHARE = 0.18
"""The share of each bar's slot left empty between bars."""
BAR_MIN_HEIGHT = 2.0
"""A bar of one sign-up stays visible beside a peak of thousands."""
VALUE_OVERHANG = 10.0
"""How far a count over its bar may reach past the bar's slot on each side."""
VALUE_GAP = 2.0
"""Between a bar's top and its count."""
LABEL_STEPS = (1, 2, 3, 4, 5, 6, 7, 10, 12, 14, 15, 20, 30, 60, 90, 180, 365)
"""How many bars apart labels may stand: every one, every other... (a week, a month)."""


def nice_axis_max(peak: int) -> tuple[int, int]:
    """Return a round top for the value axis and its tick step, for a peak count."""
    if peak <= 4:
        return (peak or 4), 1
    raw_step = peak / 4
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw_step)
    return int(step * math.ceil(peak / step)), int(step)


@dataclass(frozen=True)
class ChartColors:
    """The colours a chart is painted in."""

    bar: QColor
    highlight: QColor  # the bar to pick out (the current hour)
    ink: QColor  # the counts over the bars
    muted: QColor  # axis numbers, bar labels, the axis title
    grid: QColor


def default_colors() -> ChartColors:
    """The kiosk's chart colours (the staff panel's stylesheet may change them per widget).

    Always the standard palette: the staff panel and the office have one theme.
    """
    return ChartColors(
        bar=QColor(STANDARD.primary),
        highlight=QColor(STANDARD.accent),
        ink=QColor(STANDARD.ink),
        muted=QColor(STANDARD.muted),
        grid=QColor(STANDARD.line),
    )


@dataclass(frozen=True)
class ChartData:
    """What a chart shows: one count per bar, each bar's label, and its words."""

    labels: tuple[str, ...]
    counts: tuple[int, ...]
    axis_title: str = ""
    empty_text: str = ""  # shown over the plot when every count is 0
    highlighted: int | None = None

    def __post_init__(self) -> None:
        if len(self.labels) != len(self.counts):
            raise ValueError(f"{len(self.labels)} labels for {len(self.counts)} counts")
        if any(count < 0 for count in self.counts):
            raise ValueError("a chart's counts cannot be negative")

    @property
    def peak(self) -> int:
        """The largest count (0 for no bars)."""
        return max(self.counts, default=0)


class BarLayout:
    """Where a chart's plot, bars and labels go in ``area``, for a font and direction."""

    def __init__(
        self,
        area: QRectF,
        data: ChartData,
        font_metrics: QFontMetrics,
        *,
        rtl: bool = False,
        max_bar_width: float | None = None,
    ) -> None:
        self.area = QRectF(area)
        self.data = data
        self.metrics = font_metrics
        self.rtl = rtl
        self.max_bar_width = max_bar_width  # a chart of two days keeps slim bars

    def plot_rect(self) -> QRectF:
        """The area bars are drawn in (inside the axis labels)."""
        height = self.metrics.height()
        label_w = self.metrics.horizontalAdvance("0000") + LABEL_ROOM
        top = height + EDGE  # room for the count over the tallest bar
        bottom = height * 2 + AXIS_GAP + EDGE  # bar labels and the axis title
        left, right = (EDGE, label_w) if self.rtl else (label_w, EDGE)
        area = self.area
        return QRectF(
            area.left() + left,
            area.top() + top,
            max(area.width() - left - right, 1),
            max(area.height() - top - bottom, 1),
        )

    def slot_rect(self, index: int) -> QRectF:
        """The column bar ``index`` owns along the axis (mirrored right to left)."""
        plot = self.plot_rect()
        bars = max(len(self.data.counts), 1)
        width = plot.width() / bars
        position = bars - 1 - index if self.rtl else index
        return QRectF(plot.left() + position * width, plot.top(), width, plot.height())

    def bar_rects(self) -> dict[int, QRectF]:
        """The rectangle of every bar with a count, keyed by its index."""
        top, _ = nice_axis_max(self.data.peak)
        plot = self.plot_rect()
        rects: dict[int, QRectF] = {}
        for index, count in enumerate(self.data.counts):
            if count <= 0:
                continue
            slot = self.slot_rect(index)
            width = slot.width() - max(slot.width() * BAR_GAP_SHARE, 1.0)
            if self.max_bar_width is not None:
                width = min(width, self.max_bar_width)
            height = max(plot.height() * count / top, BAR_MIN_HEIGHT)
            rects[index] = QRectF(
                slot.center().x() - width / 2, plot.bottom() - height, width, height
            )
        return rects

    def label_every(self) -> int:
        """How many bars apart the labels under them stand, so they never overlap."""
        widest = max((self.metrics.horizontalAdvance(t) for t in self.data.labels), default=0)
        needed = widest + 2 * LABEL_GAP
        width = self.plot_rect().width() / max(len(self.data.counts), 1)
        fitting = (step for step in LABEL_STEPS if width * step >= needed)
        return next(fitting, math.ceil(needed / max(width, 1e-6)))

    def shows_counts(self) -> bool:
        """Whether the counts fit over the bars side by side (a year of days has no room)."""
        widest = self.metrics.horizontalAdvance(str(self.data.peak))
        return widest + VALUE_GAP <= self.slot_rect(0).width()


def paint_bar_chart(painter: QPainter, layout: BarLayout, colors: ChartColors) -> None:
    """Draw grid lines, bars, counts, bar labels and the axis title with ``painter``'s font."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _paint_value_axis(painter, layout, colors)
    _paint_bars(painter, layout, colors)
    _paint_bar_labels(painter, layout, colors)
    if layout.data.peak == 0 and layout.data.empty_text:
        painter.setPen(colors.muted)
        painter.drawText(layout.plot_rect(), Qt.AlignmentFlag.AlignCenter, layout.data.empty_text)
    painter.restore()


def _paint_value_axis(painter: QPainter, layout: BarLayout, colors: ChartColors) -> None:
    """Horizontal grid lines with their numbers."""
    plot, height = layout.plot_rect(), layout.metrics.height()
    top, step = nice_axis_max(layout.data.peak)
    # AlignAbsolute: the rects are already mirrored, so Left must mean left.
    align = Qt.AlignmentFlag.AlignLeft if layout.rtl else Qt.AlignmentFlag.AlignRight
    flags = align | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
    for value in range(0, top + 1, step):
        y = plot.bottom() - plot.height() * value / top
        painter.setPen(QPen(colors.grid if value else colors.muted, 1))
        # Whole pixels: a grid line between two pixel rows would blur across both.
        painter.drawLine(QPoint(int(plot.left()), int(y)), QPoint(int(plot.right()), int(y)))
        painter.setPen(colors.muted)
        if layout.rtl:
            left, right = plot.right() + LABEL_GAP, layout.area.right()
        else:
            left, right = layout.area.left(), plot.left() - LABEL_GAP
        painter.drawText(QRectF(left, y - height / 2, right - left, height), flags, str(value))


def _paint_bars(painter: QPainter, layout: BarLayout, colors: ChartColors) -> None:
    """Each bar, with its count just above it where counts fit."""
    height = layout.metrics.height()
    regular = painter.font()
    bold = QFont(regular)
    bold.setBold(True)
    shows_counts = layout.shows_counts()
    for index, rect in layout.bar_rects().items():
        highlighted = index == layout.data.highlighted
        painter.fillRect(rect, colors.highlight if highlighted else colors.bar)
        if not shows_counts:
            continue
        painter.setPen(colors.ink)
        painter.setFont(bold)
        text_rect = QRectF(
            rect.left() - VALUE_OVERHANG,
            rect.top() - height - VALUE_GAP,
            rect.width() + 2 * VALUE_OVERHANG,
            height,
        )
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, str(layout.data.counts[index]))
    painter.setFont(regular)


def _paint_bar_labels(painter: QPainter, layout: BarLayout, colors: ChartColors) -> None:
    """The labels under the bars, as many as fit, then the axis title."""
    plot, height = layout.plot_rect(), layout.metrics.height()
    painter.setPen(colors.muted)
    every = layout.label_every()
    for index in range(0, len(layout.data.labels), every):
        slot = layout.slot_rect(index)
        reach = slot.width() * every / 2
        label_rect = QRectF(slot.center().x() - reach, plot.bottom() + AXIS_GAP, 2 * reach, height)
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, layout.data.labels[index])
    if layout.data.axis_title:
        title_rect = QRectF(
            plot.left(), plot.bottom() + height + 2 * AXIS_GAP, plot.width(), height
        )
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, layout.data.axis_title)


def _color_property(field: str) -> Property:
    """A ``BarChart`` colour a stylesheet sets as a Qt property, kept in ``ChartColors.<field>``."""

    def get(chart: BarChart) -> QColor:
        color: QColor = getattr(chart._colors, field)
        return color

    def set_(chart: BarChart, color: QColor) -> None:
        chart._recolor(**{field: color})

    return Property(QColor, get, set_)


class BarChart(QWidget):
    """A bar chart widget: one bar per label, its count over it, painted with QPainter."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        axis_title: str = "",
        empty_text: str = "",
        max_bar_width: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._data = ChartData((), (), axis_title, empty_text)
        self._max_bar_width = max_bar_width
        self._colors = default_colors()
        self._update_description()

    # Colours a stylesheet can set: HourChart { qproperty-barColor: #1D4E89; } ------------

    def _recolor(self, **colors: QColor) -> None:
        self._colors = replace(
            self._colors, **{name: QColor(color) for name, color in colors.items()}
        )
        self.update()

    barColor = _color_property("bar")
    inkColor = _color_property("ink")
    gridColor = _color_property("grid")
    currentBarColor = _color_property("highlight")

    # Data ------------------------------------------------------------------------------

    def set_bars(self, labels: Sequence[str], counts: Sequence[int]) -> None:
        """Show one bar per label with its count (ValueError for a mismatch or a negative)."""
        highlighted = self._data.highlighted
        self._data = replace(
            self._data,
            labels=tuple(labels),
            counts=tuple(int(c) for c in counts),
            highlighted=highlighted
            if highlighted is not None and highlighted < len(labels)
            else None,
        )
        self._update_description()
        self.update()

    def set_words(self, axis_title: str, empty_text: str) -> None:
        """Name the bars' axis, and say what an empty chart means."""
        self._data = replace(self._data, axis_title=axis_title, empty_text=empty_text)
        self._update_description()
        self.update()

    def set_highlighted(self, index: int | None) -> None:
        """Pick out bar ``index`` in the highlight colour (None for none)."""
        valid = index is not None and 0 <= index < len(self._data.counts)
        self._data = replace(self._data, highlighted=index if valid else None)
        self.update()

    def data(self) -> ChartData:
        """What the chart shows now."""
        return self._data

    def colors(self) -> ChartColors:
        """The colours the chart is painted in."""
        return self._colors

    def sizeHint(self) -> QSize:
        """A comfortable size for a card."""
        return QSize(*metrics.CHART_SIZE_HINT)

    def minimumSizeHint(self) -> QSize:
        """Small enough for a narrow window, big enough to read."""
        return QSize(*metrics.CHART_MIN_SIZE)

    # Geometry (the layout's, for this widget's size and font) --------------------------

    def layout_now(self) -> BarLayout:
        """Where the chart's parts are at the widget's size and font."""
        return BarLayout(
            QRectF(self.rect()),
            self._data,
            self.fontMetrics(),
            rtl=self.layoutDirection() == Qt.LayoutDirection.RightToLeft,
            max_bar_width=self._max_bar_width,
        )

    def plot_rect(self) -> QRectF:
        """The area bars are drawn in (inside the axis labels)."""
        return self.layout_now().plot_rect()

    def slot_rect(self, index: int) -> QRectF:
        """The column bar ``index`` owns along the axis."""
        return self.layout_now().slot_rect(index)

    def bar_rects(self) -> dict[int, QRectF]:
        """The rectangle of every bar with a count, keyed by index."""
        return self.layout_now().bar_rects()

    def label_every(self) -> int:
        """How many bars apart the labels stand, so they never overlap."""
        return self.layout_now().label_every()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the chart (``paint_bar_chart``) at the widget's size."""
        painter = QPainter(self)
        paint_bar_chart(painter, self.layout_now(), self._colors)
        painter.end()

    # Accessibility -----------------------------------------------------------------------

    def description(self) -> str:
        """The chart in words, for screen readers: the total, the peak, every bar with a count."""
        data = self._data
        total = sum(data.counts)
        if total == 0:
            return data.empty_text or self.tr("No sign-ups.")
        peak = max(range(len(data.counts)), key=lambda i: data.counts[i])
        pairs = zip(data.labels, data.counts, strict=True)
        shown = [f"{label} {count}" for label, count in pairs if count]
        return self.tr("{0} sign-ups. Most at {1}, with {2}. {3}.").format(
            total, data.labels[peak], data.counts[peak], ", ".join(shown)
        )

    def _update_description(self) -> None:
        self.setAccessibleDescription(self.description())
