"""The languages an attendee can choose, each named in itself: English, Español, עברית, العربية."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QPushButton, QWidget

from kiosk.content import Language
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.layouts import hbox


class LanguageBar(QWidget):
    """One button per language the kiosk offers; a tap on one emits ``chosen`` with its code.

    Each button shows the language's name in that language, so a reader finds
    their own whatever the screen shows now; the current one is checked. With
    one language offered there is nothing to choose, and the bar hides.
    """

    chosen = Signal(str)

    def __init__(self, languages: Sequence[Language] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageBar")
        self._row = hbox(self, spacing=metrics.LANGUAGE_BUTTON_SPACING)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._offered: list[str] = []
        # A button for each language there is, made now: Tab then reaches them where they
        # are shown. Staff offering fewer or more only hides or shows them.
        for language in languages:
            self._add_button(language)
        self._name_for_screen_readers()

    def buttons(self) -> dict[str, QPushButton]:
        """The buttons of the languages offered, by language code, in the order shown."""
        return {code: self._buttons[code] for code in self._offered}

    def set_languages(self, languages: Sequence[Language], current: str) -> None:
        """Offer ``languages``, ``current`` checked."""
        for language in languages:
            if language.code not in self._buttons:
                self._add_button(language)
        offered = {language.code for language in languages}
        self._offered = [code for code in self._buttons if code in offered]
        for code, button in self._buttons.items():
            button.setVisible(code in self._offered)
            button.setChecked(code == current)
        self.setVisible(len(self._offered) > 1)

    def _add_button(self, language: Language) -> None:
        button = kiosk_button(language.name, "secondary", name="languageButton", parent=self)
        button.setCheckable(True)
        button.setProperty("language", language.code)
        button.clicked.connect(lambda _=False, code=language.code: self.chosen.emit(code))
        self._group.addButton(button)
        self._row.addWidget(button)
        self._buttons[language.code] = button

    def _name_for_screen_readers(self) -> None:
        self.setAccessibleName(self.tr("Language"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._name_for_screen_readers()
