"""Every language is drawn with the bundled faces, Arabic shaped, alike on any machine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.paths import asset_path
from ui.app import create_app
from ui.widgets.fonts import (
    BUNDLED_FONTS,
    LATIN_FONT_FAMILY,
    SCRIPT_FONT_FAMILIES,
    use_language_font,
)

HEBREW = "הצטרפות לפורום מנהיגות נשים"
ARABIC = "انضموا إلى منتدى القيادة النسائية"
SAMPLES = {"he": HEBREW, "ar": ARABIC}


@pytest.fixture
def app_font(qtbot: QtBot) -> Iterator[None]:
    """The kiosk's application font; back to English's afterwards, for the tests that follow."""
    create_app()
    yield
    use_language_font("en")


def _runs(text: str, font: QFont) -> list[tuple[QRawFont, list[int]]]:
    """The glyph runs Qt lays ``text`` out in: each run's face and its glyph indexes."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def _app_font() -> QFont:
    return QApplication.font()


def _bundled(name: str) -> QRawFont:
    return QRawFont(str(asset_path("fonts", name)), 20)


def _is_face(raw: QRawFont, file_name: str) -> bool:
    """Whether ``raw`` is the bundled file's face (same naming and glyph tables, byte for byte)."""
    bundled = _bundled(file_name)
    return all(raw.fontTable(table) == bundled.fontTable(table) for table in ("name", "glyf"))


def test_the_bundled_faces_load_with_their_licence(app_font: None) -> None:
    families = QFontDatabase.families()
    for family in (LATIN_FONT_FAMILY, *SCRIPT_FONT_FAMILIES.values()):
        assert family in families
        assert {"Regular", "Bold"} <= set(QFontDatabase.styles(family))
    assert "SIL OPEN FONT LICENSE Version 1.1" in asset_path("fonts", "OFL.txt").read_text("utf-8")
    assert all(asset_path("fonts", name).is_file() for name in BUNDLED_FONTS)


@pytest.mark.parametrize(("language", "face"), [("he", "NotoSansHebrew"), ("ar", "NotoSansArabic")])
@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_a_language_is_drawn_with_its_bundled_face(
    app_font: None, qtbot: QtBot, language: str, face: str, weight: str
) -> None:
    use_language_font(language)
    label = QLabel(SAMPLES[language])
    qtbot.addWidget(label)
    label.setStyleSheet("font-weight: bold;" if weight == "Bold" else "")
    label.ensurePolished()
    runs = _runs(label.text().replace(" ", ""), label.font())
    assert runs and all(_is_face(raw, f"{face}-{weight}.ttf") for raw, _ in runs)
    assert all(0 not in glyphs for _, glyphs in runs)  # glyph 0 is the empty box


def test_arabic_letters_are_joined_as_in_writing(app_font: None) -> None:
    use_language_font("ar")
    font = _app_font()
    assert font.families()[:2] == [LATIN_FONT_FAMILY, "Noto Sans Arabic"]
    [(_, alone)] = _runs("ب", font)
    [(_, joined)] = _runs("ببب", font)
    assert len(joined) == 3
    # Initial, medial and final forms: three different glyphs, none the letter alone.
    assert len(set(joined)) == 3 and alone[0] not in joined
    [(_, lam_alef)] = _runs("لا", font)
    assert len(lam_alef) == 1  # the two letters are one ligature


@pytest.mark.parametrize("language", ["en", "es"])
def test_hebrew_and_arabic_names_render_in_a_latin_language_too(
    app_font: None, language: str
) -> None:
    use_language_font(language)
    font = _app_font()
    for text in SAMPLES.values():
        runs = _runs(text.replace(" ", ""), font)
        assert runs and all(0 not in glyphs for _, glyphs in runs)


@pytest.mark.parametrize("language", ["en", "es", "he", "ar"])
def test_the_bundled_faces_come_before_the_platform_ones(app_font: None, language: str) -> None:
    use_language_font(language)
    families = _app_font().families()
    bundled = [LATIN_FONT_FAMILY, *SCRIPT_FONT_FAMILIES.values()]
    assert sorted(families[:3]) == sorted(bundled) and families[0] == LATIN_FONT_FAMILY
    own = SCRIPT_FONT_FAMILIES.get(language)
    assert own is None or families[1] == own


@pytest.mark.parametrize(("language", "text"), [("en", "Join the Forum"), ("es", "Únase al Foro")])
def test_latin_text_is_drawn_with_the_bundled_latin_face(
    app_font: None, language: str, text: str
) -> None:
    use_language_font(language)
    runs = _runs(text.replace(" ", ""), _app_font())
    assert runs and all(_is_face(raw, "NotoSans-Regular.ttf") for raw, _ in runs)
