"""The faces the program's text is set in, on screen and in the office's PDF reports.

One list for the kiosk (``ui.app``) and the office's report, so a report
prints in the faces the screens show and finds Hebrew and Arabic letters
where they do: the Latin, Hebrew and Arabic faces bundled in
``assets/fonts/`` (SIL Open Font License, ``OFL.txt``), then the platform's.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.paths import asset_path

log = logging.getLogger(__name__)

BUNDLED_FONTS = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
)
"""Faces shipped in assets/fonts/, so every machine draws the kiosk's text alike and
Hebrew and Arabic render on one with no font for them; only the two weights the
stylesheet uses."""
LATIN_FONT_FAMILY = "Noto Sans"
"""The bundled face of Latin text (English, Spanish; also Greek and Cyrillic names)."""
SCRIPT_FONT_FAMILIES = {"he": "Noto Sans Hebrew", "ar": "Noto Sans Arabic"}
"""The bundled face each language written in its own script is read in."""
PLATFORM_FONT_FAMILIES = ("Segoe UI", "Helvetica Neue", "Ubuntu", "DejaVu Sans")
"""The platforms' own faces, after the bundled ones: for a script the bundle lacks."""

_bundled_font_ids: list[int] = []


def load_bundled_fonts() -> None:
    """Add the bundled faces to Qt's font database, once per application."""
    if _bundled_font_ids and QFontDatabase.applicationFontFamilies(_bundled_font_ids[0]):
        return
    _bundled_font_ids.clear()
    for name in BUNDLED_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(asset_path("fonts", name)))
        if font_id < 0:
            log.error("the bundled font %s could not be loaded", name)
        else:
            _bundled_font_ids.append(font_id)


def font_families(language: str) -> list[str]:
    """The font families for text in ``language`` (a content code); Qt needs an application.

    Qt draws each character with the first family that has it. The bundled faces
    come first, so the same text takes the same room on every machine (a
    platform's own faces differ in width, and a layout that fits with one may
    clip with another): Noto Sans for Latin text, then the face of the
    language's own script, then the other bundled script faces (a Hebrew or
    Arabic name typed in any language). The platform's faces follow, for any
    other script a name may be typed in.
    """
    load_bundled_fonts()
    own = SCRIPT_FONT_FAMILIES.get(language.split("-")[0])
    scripts = ([own] if own else []) + [f for f in SCRIPT_FONT_FAMILIES.values() if f != own]
    available = set(QFontDatabase.families())
    platform = [family for family in PLATFORM_FONT_FAMILIES if family in available]
    return [LATIN_FONT_FAMILY, *scripts, *platform]


def application_font(pixel_size: int) -> QFont:
    """An application's font: the bundled faces (``font_families("en")``) at ``pixel_size``.

    Unhinted, so glyphs take the same room on every screen and platform (hinting
    snaps them to the pixel grid as each font engine sees fit): what the
    offscreen screenshots show is what a real screen shows.
    """
    font = QFont()
    font.setFamilies(font_families("en"))
    font.setPixelSize(pixel_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def use_language_font(language: str) -> None:
    """Set the application font for ``language``: at start, and whenever an attendee switches."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = app.font()
    families = font_families(language)
    if font.families() != families:
        font.setFamilies(families)
        app.setFont(font)
