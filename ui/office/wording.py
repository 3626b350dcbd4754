"""How the office window words counts and the core's reasons for staff.

Kept apart from the widgets so every tab phrases numbers the same way (and
one place changes when a translation file arrives).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from kiosk.signup import WlfChoice


def as_sentence(reason: str) -> str:
    """A core reason ("sha256 does not match…") as staff read it: a capitalized sentence."""
    reason = reason.strip()
    if reason.lower().startswith("sha256"):
        return "SHA-256" + reason[6:]
    return reason[:1].upper() + reason[1:]


def short_list(items: Sequence[str], more: str) -> str:
    """At most two items, then "+N more" (the full list goes in the tooltip)."""
    if len(items) <= 2:
        return ", ".join(items)
    return f"{items[0]}, {items[1]} " + more.replace("%1", str(len(items) - 2))


def count_text(n: int, one: str, many: str) -> str:
    """``one`` for 1, else ``many`` with %1 replaced by n (until a translation file exists)."""
    return one if n == 1 else many.replace("%1", f"{n:,}")


# Event reports (the Events tab and the PDF say the same) ---------------------------

WLF_LABELS = {
    WlfChoice.MEMBER: "Member",
    WlfChoice.UPDATES: "Updates",
    WlfChoice.EXISTING_MEMBER: "Already a member",
    WlfChoice.NONE: "None",
}
"""The WLF choices as a report names them, in the order it shows them."""
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: date) -> str:
    """A day under a chart's bar: "20 Nov" (English whatever the machine's locale)."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


def day_text(day: date) -> str:
    """A day in a sentence: "20 Nov 2026"."""
    return f"{day_label(day)} {day.year}"


def span_text(first: datetime | None, last: datetime | None) -> str:
    """The days an event's sign-ups span: "20 Nov 2026", or "19 Nov 2026 – 22 Nov 2026"."""
    if first is None or last is None:
        return "no sign-ups"
    if first.date() == last.date():
        return day_text(first.date())
    return f"{day_text(first.date())} – {day_text(last.date())}"


def hour_span(hour: int) -> str:
    """An hour of the day as a span: "09:00–10:00"."""
    return f"{hour:02d}:00–{(hour + 1) % 24:02d}:00"
