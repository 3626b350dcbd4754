"""How the office window words counts and the core's reasons for staff.

Kept apart from the widgets so every tab phrases numbers the same way (and
one place changes when a translation file arrives).
"""

from __future__ import annotations

from collections.abc import Sequence


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
