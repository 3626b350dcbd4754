"""A bar chart of today's sign-ups per local hour, painted with QPainter (no chart library).

The geometry is computed by plain methods (``bar_rects``) separate from the
painting, so tests and the accessible description use the same numbers the
screen shows. Under ``Qt.RightToLeft`` the hour axis runs from the right.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Property, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.widgets import metrics
from ui.widgets.palette import STANDARD

HOURS = 24


def nice_axis_max(peak: int) -> tuple[int, int]:
    """Return a round top for the value axis and its tick step, for a peak count."""
    if peak <= 4:
        return (peak or 4), 1
    raw_step = peak / 4
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw_step)
    return int(step * math.ceil(peak / step)), int(step)


class HourChart(QWidget):
    """Twenty-four bars, one per local hour, with hour and value labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HourChart")
        self.setAccessibleName(self.tr("Sign-ups per hour today"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._counts = [0] * HOURS
        self._current_hour: int | None = None
        # The staff panel's chart: always in the standard palette, like the panel.
        self._bar = QColor(STANDARD.primary)
        self._current_bar = QColor(STANDARD.accent)
        self._ink = QColor(STANDARD.ink)
        self._muted = QColor(STANDARD.muted)
        self._grid = QColor(STANDARD.line)
        self._update_description()

    # Colours a stylesheet can set: HourChart { qproperty-barColor: $primary; } ------------

    def _get_bar(self) -> QColor:
        return self._bar

    def _set_bar(self, color: QColor) -> None:
        self._bar = QColor(color)
        self.update()

    def _get_ink(self) -> QColor:
        return self._ink

    def _set_ink(self, color: QColor) -> None:
        self._ink = QColor(color)
        self.update()

    def _get_grid(self) -> QColor:
        return self._grid

    def _set_grid(self, color: QColor) -> None:
        self._grid = QColor(color)
        self.update()

    def _get_current(self) -> QColor:
        return self._current_bar

    def _set_current(self, color: QColor) -> None:
        self._current_bar = QColor(color)
        self.update()

    barColor = Property(QColor, _get_bar, _set_bar)
    inkColor = Property(QColor, _get_ink, _set_ink)
    gridColor = Property(QColor, _get_grid, _set_grid)
    currentBarColor = Property(QColor, _get_current, _set_current)

    # Data ------------------------------------------------------------------------------

    def set_counts(self, counts: list[int]) -> None:
        """Show 24 hourly counts (index 0 is midnight to 1 am, local time)."""
        if len(counts) != HOURS:
            raise ValueError(f"expected {HOURS} hourly counts, got {len(counts)}")
        if any(int(c) < 0 for c in counts):
            raise ValueError("hourly counts cannot be negative")
        self._counts = [int(c) for c in counts]
        self._update_description()
        self.update()

    def counts(self) -> list[int]:
        """Return the counts shown."""
        return list(self._counts)

    def set_current_hour(self, hour: int | None) -> None:
        """Mark the hour we are in now (drawn in the accent colour), or None."""
        self._current_hour = hour if hour is None or 0 <= hour < HOURS else None
        self.update()

    def sizeHint(self) -> QSize:
        """A comfortable size for a staff-panel card."""
        return QSize(*metrics.CHART_SIZE_HINT)

    def minimumSizeHint(self) -> QSize:
        """Small enough for a narrow window, big enough to read."""
        return QSize(*metrics.CHART_MIN_SIZE)

    # Geometry ----------------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        """Return the area bars are drawn in (inside the axis labels)."""
        metrics = self.fontMetrics()
        label_w = metrics.horizontalAdvance("0000") + 12
        top = metrics.height() + 8  # room for the value label over the tallest bar
        bottom = metrics.height() * 2 + 12  # hour labels and the axis title
        left, right = (8, label_w) if self._is_rtl() else (label_w, 8)
        return QRectF(
            left, top, max(self.width() - left - right, 1), max(self.height() - top - bottom, 1)
        )

    def slot_rect(self, hour: int) -> QRectF:
        """Return the column an hour owns along the axis (mirrored right to left)."""
        plot = self.plot_rect()
        width = plot.width() / HOURS
        index = HOURS - 1 - hour if self._is_rtl() else hour
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    def bar_rects(self) -> dict[int, QRectF]:
        """Return the rectangle of every hour with sign-ups, keyed by hour."""
        top, _ = nice_axis_max(max(self._counts))
        plot = self.plot_rect()
        rects: dict[int, QRectF] = {}
        for hour, count in enumerate(self._counts):
            if count <= 0:
                continue
            slot = self.slot_rect(hour)
            gap = max(slot.width() * 0.18, 1.0)
            height = max(plot.height() * count / top, 2.0)
            rects[hour] = QRectF(
                slot.left() + gap / 2, plot.bottom() - height, slot.width() - gap, height
            )
        return rects

    def label_every(self) -> int:
        """Return how many hours apart the hour labels are, so they never overlap."""
        needed = self.fontMetrics().horizontalAdvance("00") + 10
        width = self.plot_rect().width() / HOURS
        return next(step for step in (1, 2, 3, 4, 6, 12) if width * step >= needed)

    # Painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw grid lines, bars, value labels and hour labels."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        plot = self.plot_rect()
        metrics = self.fontMetrics()
        peak = max(self._counts)
        top, step = nice_axis_max(peak)
        rtl = self._is_rtl()

        # Value axis: horizontal grid lines with their numbers.
        for value in range(0, top + 1, step):
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(self._grid if value else self._muted, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(self._muted)
            label_rect = (
                QRectF(plot.right() + 6, y - metrics.height() / 2, 60, metrics.height())
                if rtl
                else QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height())
            )
            # AlignAbsolute: the rects are already mirrored, so Left must mean left.
            align = Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
            flags = align | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(label_rect, flags, str(value))

        # Bars, each with its count just above it.
        bold = QFont(self.font())
        bold.setBold(True)
        for hour, rect in self.bar_rects().items():
            colour = self._current_bar if hour == self._current_hour else self._bar
            painter.fillRect(rect, colour)
            painter.setPen(self._ink)
            painter.setFont(bold)
            text_rect = QRectF(
                rect.left() - 10,
                rect.top() - metrics.height() - 2,
                rect.width() + 20,
                metrics.height(),
            )
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, str(self._counts[hour]))
        painter.setFont(self.font())

        # Hour labels under the axis, then the axis title.
        painter.setPen(self._muted)
        every = self.label_every()
        for hour in range(0, HOURS, every):
            slot = self.slot_rect(hour)
            label_rect = QRectF(
                slot.left() - 20, plot.bottom() + 4, slot.width() + 40, metrics.height()
            )
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, f"{hour:02d}")
        title_rect = QRectF(
            plot.left(), plot.bottom() + metrics.height() + 8, plot.width(), metrics.height()
        )
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignCenter, self.tr("Hour of the day"))

        if peak == 0:
            painter.setPen(self._muted)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No sign-ups yet today"))
        painter.end()

    # Accessibility ---------------------------------------------------------------------------

    def description(self) -> str:
        """Return the chart in words, for screen readers."""
        total = sum(self._counts)
        if total == 0:
            return self.tr("No sign-ups yet today.")
        busy = [f"{hour:02d}:00 {count}" for hour, count in enumerate(self._counts) if count]
        peak_hour = max(range(HOURS), key=lambda h: self._counts[h])
        return self.tr("{0} sign-ups today. Busiest hour {1}:00 with {2}. By hour: {3}.").format(
            total, f"{peak_hour:02d}", self._counts[peak_hour], ", ".join(busy)
        )

    def _update_description(self) -> None:
        self.setAccessibleDescription(self.description())

    def _is_rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft
