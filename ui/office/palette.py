"""The office window's colours and the printed event report's, by name.

They are ``Colours`` as the kiosk's palette is (``ui.widgets.palette``): the
office stylesheet's ``$tokens`` are filled in by the same ``fill_colours``,
and the report prints in the kiosk's ink and blue, taken from ``STANDARD``.
They live here, with the office, because only the office window and the
report use them: the kiosk's first screen never pays for building them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.widgets.palette import STANDARD, Colours


@dataclass(frozen=True)
class OfficePalette(Colours):
    """The office window's colours (a desk, not a booth: it has one theme)."""

    page: str
    surface: str
    ink: str
    title: str
    muted: str
    line: str
    soft_line: str
    """The drop zone's and the inputs' edges."""
    grid: str
    row_alternate: str
    primary: str
    primary_hover: str
    primary_tint: str
    selection: str
    disabled_fill: str
    disabled_ink: str
    quiet_disabled: str
    focus: str
    progress: str
    tile: str
    good: str
    caption: str
    bad: str
    conflict: str
    error: str
    checking: str
    merged: str


OFFICE = OfficePalette(
    page="#F5F3EE",
    surface="#FFFFFF",
    ink="#1D232B",
    title="#16324F",
    muted="#4A5562",
    line="#D8D2C4",
    soft_line="#8AA4BD",
    grid="#ECE8DF",
    row_alternate="#F8F7F3",
    primary="#2F6F9F",
    primary_hover="#265D86",
    primary_tint="#E8F1F9",
    selection="#D4E4F2",
    disabled_fill="#B9C6D2",
    disabled_ink="#EEF2F6",
    quiet_disabled="#9AA5B1",
    focus="#E0A526",
    progress="#3F8F5F",
    tile="#EEF4EA",
    good="#1D6B3A",
    caption="#33402F",
    bad="#7D1B18",
    conflict="#6B4500",
    error="#A3231F",
    checking="#5B6470",
    merged="#1F4E8C",
)


@dataclass(frozen=True)
class ReportPalette:
    """The printed event report's colours (``ui.office.report_pdf``): ink on white paper."""

    ink: str
    muted: str
    accent: str
    tile: str
    """Behind a figure."""
    rule: str
    stripe: str
    """Every other table row."""
    # One per WLF choice, in the choices' bar.
    member: str
    updates: str
    existing_member: str
    no_choice: str


REPORT = ReportPalette(
    ink=STANDARD.ink,
    muted=STANDARD.muted,
    accent=STANDARD.primary,
    tile="#EEF3F8",
    rule=OFFICE.line,
    stripe="#F6F4EF",
    member=STANDARD.primary,
    updates=OFFICE.progress,
    existing_member="#C28A1E",
    no_choice=OFFICE.quiet_disabled,
)
