"""The faces the program's text is set in, on screen and in the office's PDF reports.

One list for the kiosk (``ui.app``) and the office's report, so a report
prints in the faces the screens show and finds Hebrew and Arabic letters
where they do: the platform's preferred faces, and the Hebrew and Arabic
faces bundled in ``assets/fonts/`` (SIL Open Font License, ``OFL.txt``).
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.paths import asset_path

log = logging.getLogger(__name__)

FONT_FAMILIES = ["Segoe UI", "Helvetica Neue", "Noto Sans", "Ubuntu", "DejaVu Sans"]
"""Preferred faces per platform, then the DejaVu family most Linux boxes have."""
BUNDLED_FONTS = (
    "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
)
"""Faces shipped in assets/fonts/, so Hebrew and Arabic render on a machine with no font
for them; only the two weights the stylesheet uses."""
SCRIPT_FONT_FAMILIES = {"he": "Noto Sans Hebrew", "ar": "Noto Sans Arabic"}
"""The bundled face each language written in its own script is read in."""

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

    Qt draws each character with the first family that has it. The platforms'
    own faces (Segoe UI, DejaVu Sans) carry Hebrew and Arabic letters of their
    own, so the bundled face of the language's script comes first, and draws
    that language alike on every machine; the others follow the platform's
    faces, for a Hebrew or Arabic name typed in any language, which keeps the
    Latin text's faces and line heights as they were.
    """
    load_bundled_fonts()
    available = set(QFontDatabase.families())
    platform = [family for family in FONT_FAMILIES if family in available]
    own = SCRIPT_FONT_FAMILIES.get(language.split("-")[0])
    bundled = [family for family in SCRIPT_FONT_FAMILIES.values() if family != own]
    return ([own] if own else []) + platform + bundled


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
