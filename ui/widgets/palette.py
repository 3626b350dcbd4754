"""Every colour the kiosk uses, by name, in one place; the office's build on it.

The stylesheets in ``assets/styles/`` name colours as ``$token`` (``color:
$ink;``) and ``ui.app.load_stylesheet`` fills them in from a ``Palette``: the
standard one, or the high-contrast one an attendee (or staff, as the kiosk's
default) chooses. What Qt paints in code (a QR code, the idle overlay's
shade, the staff panel's chart) takes its colours from here too. The office
window's colours and the printed report's (``ui.office.palette``) are
``Colours`` too, filled in by the same ``fill_colours``, and the report takes
the kiosk's ink and blue from ``STANDARD``; they live with the office, so the
kiosk's start never builds them. A colour written anywhere but these two
palette modules fails ``tests/ui/test_palette.py``.

Contrast (WCAG 2.2, checked on the rendered screens by ``tests/ui/test_contrast.py``):
standard text at least 4.5:1 (3:1 when large), high-contrast text at least
7:1, and the boundaries of controls and the focus indicator at least 3:1
against what surrounds them. The focus indicator is the same on every
control, as in the GOV.UK design system: a yellow fill with dark text and a
dark 3 px border, so a focused button differs from an unfocused one in more
than a thin line (on the dark attract screen the border is the yellow).
"""

from __future__ import annotations

import string
from dataclasses import asdict, dataclass

from kiosk.display import Theme


@dataclass(frozen=True)
class Colours:
    """Colours by name (each field a colour) that fill a stylesheet's ``$name`` tokens."""

    def tokens(self) -> dict[str, str]:
        """Every colour by its name, as the stylesheets' ``$name`` tokens are filled in."""
        return asdict(self)


@dataclass(frozen=True)
class Palette(Colours):
    """The attendee screens' colours, by what they are for.

    Each is ``#RRGGBB``, or ``#AARRGGBB`` for one seen through (the scrim).
    """

    # Surfaces and lines.
    page: str
    """Behind every screen."""
    surface: str
    """Cards, fields, the header bar."""
    surface_sunk: str
    """The sign-up invitation's panel, table headings, the keyboard's function keys."""
    line: str
    """Card edges and dividers (decoration, not a control's boundary)."""
    control_line: str
    """A text field's edge and the scroll bar: boundaries a person must see (3:1)."""
    indicator_line: str
    """A check box's or radio button's unticked box."""
    # Text.
    ink: str
    muted: str
    # Brand colours and the text on them.
    primary: str
    primary_pressed: str
    primary_tint: str
    """A light button's background while pressed."""
    on_primary: str
    accent: str
    accent_pressed: str
    accent_tint: str
    """The sign-up card on home."""
    on_accent: str
    choice_tint: str
    """A ticked choice's row."""
    nav_pressed: str
    # Messages.
    success: str
    success_tint: str
    on_success: str
    error: str
    error_tint: str
    warning_line: str
    warning_tint: str
    warning_pressed: str
    # The focus indicator.
    focus_fill: str
    focus_ink: str
    focus_line: str
    focus_tint: str
    """A text field's background while it has focus."""
    focus_card: str
    """A home or resource card's background while it has focus (its words keep their colours)."""
    focus_on_dark: str
    """The focus border on a dark ground: the attract screen, the shade behind a card."""
    # Disabled controls (exempt from WCAG's contrast, and still readable).
    disabled_fill: str
    disabled_line: str
    disabled_ink: str
    # The attract screen, on its own dark ground.
    attract_page: str
    attract_ink: str
    attract_eyebrow: str
    attract_soft: str
    attract_button: str
    attract_button_ink: str
    # The on-screen keyboard.
    keyboard_page: str
    keyboard_line: str
    key_pressed: str
    # Painted in code.
    scrim: str
    """Over the screen behind the "Still there?" and Display cards."""
    qr_dark: str
    qr_light: str


STANDARD = Palette(
    page="#FBF8F3",
    surface="#FFFFFF",
    surface_sunk="#F3EDE3",
    line="#E4DED3",
    control_line="#8A8475",
    indicator_line="#4A5263",
    ink="#1B2230",
    muted="#4A5263",
    primary="#1D4E89",
    primary_pressed="#163C6A",
    primary_tint="#E8EEF6",
    on_primary="#FFFFFF",
    accent="#A63D2A",
    accent_pressed="#842F20",
    accent_tint="#FFF9F5",
    on_accent="#FFFFFF",
    choice_tint="#F1F5FB",
    nav_pressed="#EEF2F8",
    success="#2E6B3F",
    success_tint="#EEF6F0",
    on_success="#FFFFFF",
    error="#A4161A",
    error_tint="#FFF5F5",
    warning_line="#8A5A00",
    warning_tint="#FFF6E0",
    warning_pressed="#F8E6B8",
    focus_fill="#FFDD00",
    focus_ink="#1B2230",
    focus_line="#1B2230",
    focus_tint="#FFF8C5",
    focus_card="#FFDD00",
    focus_on_dark="#FFDD00",
    disabled_fill="#F1ECE3",
    disabled_line="#C9C2B5",
    disabled_ink="#6B6457",
    attract_page="#1D4E89",
    attract_ink="#FFFFFF",
    attract_eyebrow="#F6D58E",
    attract_soft="#DCE6F2",
    attract_button="#FFFFFF",
    attract_button_ink="#1D4E89",
    keyboard_page="#E9E3D8",
    keyboard_line="#D5CDBF",
    key_pressed="#DCE6F2",
    scrim="#AA1B2230",
    qr_dark="#1B2230",
    qr_light="#FFFFFF",
)
"""The kiosk's own colours: ink on warm paper, a deep blue and a brick red."""

HIGH_CONTRAST = Palette(
    page="#000000",
    surface="#000000",
    surface_sunk="#000000",
    line="#FFFFFF",
    control_line="#FFFFFF",
    indicator_line="#FFFFFF",
    ink="#FFFFFF",
    muted="#E0E0E0",
    primary="#FFE14D",
    primary_pressed="#FFFFFF",
    primary_tint="#333333",
    on_primary="#000000",
    accent="#7DE3FF",
    accent_pressed="#FFFFFF",
    accent_tint="#000000",
    on_accent="#000000",
    choice_tint="#000000",
    nav_pressed="#333333",
    success="#7CFF9B",
    success_tint="#000000",
    on_success="#000000",
    error="#FF9E9E",
    error_tint="#000000",
    warning_line="#FFE14D",
    warning_tint="#000000",
    warning_pressed="#333333",
    focus_fill="#FF7CFF",
    focus_ink="#000000",
    focus_line="#FF7CFF",
    focus_tint="#1A1A1A",
    focus_card="#000000",
    focus_on_dark="#FF7CFF",
    disabled_fill="#000000",
    disabled_line="#9E9E9E",
    disabled_ink="#BFBFBF",
    attract_page="#000000",
    attract_ink="#FFFFFF",
    attract_eyebrow="#FFE14D",
    attract_soft="#FFFFFF",
    attract_button="#FFE14D",
    attract_button_ink="#000000",
    keyboard_page="#000000",
    keyboard_line="#FFFFFF",
    key_pressed="#333333",
    scrim="#E6000000",
    qr_dark="#000000",
    qr_light="#FFFFFF",
)
"""White, yellow and cyan on black: every text at least 7:1."""

_BY_THEME = {Theme.STANDARD: STANDARD, Theme.HIGH_CONTRAST: HIGH_CONTRAST}
_current = STANDARD


def fill_colours(template: str, colours: Colours) -> str:
    """``template`` (a stylesheet) with each ``$name`` replaced by the colour of that name.

    A name the palette lacks raises ``KeyError``: a stylesheet never shows a
    token, or falls back to Qt's own colour, without a test failing.
    """
    return string.Template(template).substitute(colours.tokens())


def palette_for(theme: Theme) -> Palette:
    """The palette of ``theme``."""
    return _BY_THEME[theme]


def set_theme(theme: Theme) -> None:
    """Paint attendee widgets built from now on in ``theme`` (``ui.app.apply_display``)."""
    global _current
    _current = _BY_THEME[theme]


def current() -> Palette:
    """The palette the attendee screens are painted in now."""
    return _current
