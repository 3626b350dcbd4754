"""The staff panel's chart of today's sign-ups per local hour: a ``BarChart`` of 24 bars.

The painting and geometry are ``ui.widgets.bar_chart``'s, shared with the
office's event charts and its PDF report; this adds the 24 hours, the hour
we are in now picked out, and the words for screen readers.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.widgets.bar_chart import BarChart, nice_axis_max

__all__ = ["HOURS", "HOUR_LABELS", "HourChart", "nice_axis_max"]

HOURS = 24
HOUR_LABELS = tuple(f"{hour:02d}" for hour in range(HOURS))


class HourChart(BarChart):
    """Twenty-four bars, one per local hour, with hour and value labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HourChart")
        self.setAccessibleName(self.tr("Sign-ups per hour today"))
        self.set_words(self.tr("Hour of the day"), self.tr("No sign-ups yet today"))
        self.set_counts([0] * HOURS)

    def set_counts(self, counts: list[int]) -> None:
        """Show 24 hourly counts (index 0 is midnight to 1 am, local time)."""
        if len(counts) != HOURS:
            raise ValueError(f"expected {HOURS} hourly counts, got {len(counts)}")
        self.set_bars(HOUR_LABELS, counts)

    def counts(self) -> list[int]:
        """Return the counts shown."""
        return list(self.data().counts)

    def set_current_hour(self, hour: int | None) -> None:
        """Mark the hour we are in now (drawn in the accent colour), or None."""
        self.set_highlighted(hour)

    def description(self) -> str:
        """Return the chart in words, for screen readers."""
        counts = self.data().counts
        total = sum(counts)
        if total == 0:
            return self.tr("No sign-ups yet today.")
        busy = [f"{hour:02d}:00 {count}" for hour, count in enumerate(counts) if count]
        peak_hour = max(range(HOURS), key=lambda h: counts[h])
        return self.tr("{0} sign-ups today. Busiest hour {1}:00 with {2}. By hour: {3}.").format(
            total, f"{peak_hour:02d}", counts[peak_hour], ", ".join(busy)
        )
