"""The faces the program's text is set in, on screen and in the office's PDF reports.

One list for the kiosk (``ui.app``) and the office's report, so a report
prints in the faces the screens show and finds Hebrew and Arabic letters
where they do.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

FONT_FAMILIES = ["Segoe UI", "Helvetica Neue", "Noto Sans", "Ubuntu", "DejaVu Sans"]
"""Preferred faces per platform, then the DejaVu family most Linux boxes have."""


def platform_font_families() -> list[str]:
    """The faces of ``FONT_FAMILIES`` this machine has, in order (Qt needs an application)."""
    available = set(QFontDatabase.families())
    return [family for family in FONT_FAMILIES if family in available]
