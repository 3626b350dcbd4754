"""How the attendee screens look: the text size and the contrast theme.

Each attendee may choose larger text (125 % or 150 %) and a high-contrast
theme for themselves, as they choose their language; the choice lasts until
they leave (idle, Done, the thank-you timeout). Staff may set either as the
kiosk's default, which every attendee then starts with. Nothing here knows
Qt: the screens turn a ``Display`` into a layout scale and a stylesheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

TEXT_SIZES = (100, 125, 150)
"""The text sizes an attendee may choose, in percent of the design's."""


class Theme(StrEnum):
    """The colour themes of the attendee screens."""

    STANDARD = "standard"
    HIGH_CONTRAST = "high-contrast"
    """Light text on black, every text at least 7:1 (WCAG's AAA level)."""


THEMES = tuple(theme.value for theme in Theme)


@dataclass(frozen=True)
class Display:
    """One way of showing the attendee screens: a text size (percent) and a theme."""

    text_size: int = 100
    theme: Theme = Theme.STANDARD

    def __post_init__(self) -> None:
        if self.text_size not in TEXT_SIZES or isinstance(self.text_size, bool):
            raise ValueError(f"text size must be one of {TEXT_SIZES}, not {self.text_size!r}")
        if not isinstance(self.theme, Theme):
            raise ValueError(f"theme must be a Theme, not {self.theme!r}")

    @property
    def scale(self) -> float:
        """How much larger than the design the screens are laid out (1.0, 1.25, 1.5)."""
        return self.text_size / 100

    @property
    def is_high_contrast(self) -> bool:
        """Whether the high-contrast theme is on."""
        return self.theme is Theme.HIGH_CONTRAST

    @property
    def needs_more_time(self) -> bool:
        """Whether the attendee reads with larger text or high contrast, and so gets more time.

        WCAG 2.2.1 (timing adjustable): whoever reads this way is given twice
        the idle time before the kiosk asks whether they are still there.
        """
        return self.text_size > TEXT_SIZES[0] or self.is_high_contrast

    @property
    def idle_factor(self) -> int:
        """How many times the kiosk's idle timeout this attendee gets."""
        return 2 if self.needs_more_time else 1


STANDARD_DISPLAY = Display()
"""The design: text at 100 %, the standard theme."""
