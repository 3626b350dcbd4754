"""The language the kiosk's screens speak: Qt's translators, the layout direction and the font.

``use_language`` switches all three at once, for one attendee's choice or back
to the kiosk's default. The screens' own words come from the compiled
translations in ``ui/translations/`` (``make translations`` makes them from the
``tr()`` calls), Qt's own (a text field's menu) from Qt's translations; the
content comes in the attendee's language from the service. Installing a
translator makes Qt send every widget a ``LanguageChange`` event, on which each
screen sets its texts again (``ui.screens.base.Screen.retranslate``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from kiosk.paths import translations_path
from ui.widgets.fonts import use_language_font

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
"""The language the screens are written in: it needs no translation."""
TRANSLATION_NAME = "kiosk_{code}.qm"
"""The compiled translation of the screens into one language, in ``ui/translations/``."""

_loaded: dict[str, list[QTranslator]] = {}
"""Each language's translators, loaded once: the kiosk's, then Qt's own."""
_installed: list[QTranslator] = []


def layout_direction(code: str) -> Qt.LayoutDirection:
    """Right to left for a language written that way (Hebrew, Arabic), else left to right."""
    return QLocale(code).textDirection()


def has_translation(code: str) -> bool:
    """Whether the screens' own words exist in ``code`` (English always does; the self-check)."""
    return code == SOURCE_LANGUAGE or bool(_translators(code))


def use_language(code: str) -> None:
    """Speak ``code`` from now: its translations, its direction, its font.

    Every screen has retranslated itself when this returns. A language the
    screens have no translation for (a content file may offer one) keeps their
    own words in English, while the content is in that language.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    wanted = _translators(code)
    if wanted != _installed:
        for translator in _installed:
            app.removeTranslator(translator)
        for translator in wanted:
            app.installTranslator(translator)
        _installed[:] = wanted
    app.setLayoutDirection(layout_direction(code))
    use_language_font(code)
    # Qt posts the LanguageChange to every window; deliver it now, so the texts, the
    # direction and the font change together, before anything is painted.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def _translators(code: str) -> list[QTranslator]:
    """The translators of ``code``, loaded on first use (none for English)."""
    if code == SOURCE_LANGUAGE:
        return []
    if code not in _loaded:
        _loaded[code] = _load(code)
    return _loaded[code]


def _load(code: str) -> list[QTranslator]:
    kiosk = QTranslator()
    if not kiosk.load(str(translations_path(TRANSLATION_NAME.format(code=code)))):
        log.warning("the screens have no translation into %s; they stay in English", code)
        return []
    # Qt's own words (a text field's Undo, Copy, Paste), where Qt ships them.
    qt = QTranslator()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return [kiosk, qt] if qt.load(f"qtbase_{code}", qt_folder) else [kiosk]
