"""The staff panel's "Languages" page: which languages attendees may choose, and the default.

One column per language of the content file, named in itself, with whether a
native speaker has reviewed its translation. A language whose content is
incomplete is shown but cannot be ticked. The rules are the service's
(``kiosk.languages``); this page only asks and shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QWidget

from kiosk.content import Language
from kiosk.errors import KioskError
from kiosk.service import KioskService
from ui.screens.staff.controls import (
    RowCheckBox,
    RowRadioButton,
    make_message,
    show_message,
)
from ui.screens.staff.page import CardPage, Place
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.text import text_label


class LanguagesPage(CardPage):
    """A card: a tick per language attendees may choose, a "Default" choice under each, Save."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(
            service,
            "StaffLanguages",
            parent,
            Place.TOP,
            title=self.tr("Languages"),
            intro=self.tr(
                "Attendees choose among the ticked languages; each attendee starts in the "
                "default. A language can be ticked once the content has every one of its "
                "texts."
            ),
        )
        card, layout = self.card, self.column
        # One column per language: its tick, its review status, its "Default" choice.
        grid = QGridLayout()
        grid.setHorizontalSpacing(metrics.LANGUAGE_COLUMN_SPACING)
        grid.setVerticalSpacing(metrics.LANGUAGE_ROW_SPACING)
        self._defaults = QButtonGroup(self)
        self.offer: dict[str, RowCheckBox] = {}
        self.default: dict[str, RowRadioButton] = {}
        for column, language in enumerate(service.content_languages):
            self._add_column(grid, column, language, card)
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        actions = QHBoxLayout()
        actions.setSpacing(metrics.STAFF_PAGE_SPACING)
        self._save = kiosk_button(
            self.tr("Save languages"), name="SaveLanguagesButton", clicked=self.save, parent=card
        )
        actions.addWidget(self._save, 0, Qt.AlignmentFlag.AlignTop)
        self._message = make_message("LanguagesMessage", card)
        actions.addWidget(self._message, 1)
        layout.addLayout(actions)

    def _add_column(
        self, grid: QGridLayout, column: int, language: Language, card: QWidget
    ) -> None:
        offer = RowCheckBox(language.name, card)
        offer.setObjectName(f"OfferLanguage_{language.code}")
        offer.setAccessibleName(self.tr("Offer {0}").format(language.name))
        default = RowRadioButton(self.tr("Default"), card)
        default.setObjectName(f"DefaultLanguage_{language.code}")
        default.setAccessibleName(self.tr("Default: {0}").format(language.name))
        for control in (offer, default):
            control.setMinimumHeight(metrics.TOUCH_TARGET)
        status = text_label(self._status(language), "muted", squeezable=True)
        status.setObjectName(f"LanguageStatus_{language.code}")
        status.setContentsMargins(*metrics.LANGUAGE_STATUS_MARGINS)
        offer.setAccessibleDescription(status.text())
        if not language.is_complete:
            offer.setEnabled(False)
            default.setEnabled(False)
            status.setProperty("tone", "error")
        self._defaults.addButton(default)
        self.offer[language.code] = offer
        self.default[language.code] = default
        grid.addWidget(offer, 0, column)
        grid.addWidget(status, 1, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(default, 2, column)

    def _status(self, language: Language) -> str:
        if not language.is_complete:
            return self.tr(
                "Incomplete, %n text(s) missing: cannot be offered", "", len(language.missing)
            )
        if language.code == self._service.content_languages[0].code:
            return self.tr("The content's own language")
        if language.reviewed:
            return self.tr("Reviewed by a native speaker")
        return self.tr("Not yet reviewed by a native speaker")

    def showEvent(self, event: QShowEvent) -> None:
        """Show the choice the kiosk uses now, each time the page appears."""
        self.show_choice()
        super().showEvent(event)

    def show_choice(self) -> None:
        """Tick the languages offered now and mark the default."""
        try:
            offered = {language.code for language in self._service.languages}
            default = self._service.default_language
        except KioskError as error:
            show_message(self._message, str(error), "error")
            return
        for code, box in self.offer.items():
            box.setChecked(code in offered)
        self.default[default].setChecked(True)

    def clear_inputs(self) -> None:
        """Forget the last message and any unsaved ticks."""
        show_message(self._message, "")
        self.show_choice()

    def save(self) -> None:
        """Offer the ticked languages with the marked default; say what was saved, or why not."""
        codes = [code for code, box in self.offer.items() if box.isChecked()]
        default = next((code for code, radio in self.default.items() if radio.isChecked()), "")
        if not codes:
            show_message(self._message, self.tr("Tick at least one language."), "error")
            return
        if default not in codes:
            show_message(
                self._message, self.tr("Tick the default language too, or choose another."), "error"
            )
            return
        try:
            self._service.set_languages(codes, default)
        except KioskError as error:
            show_message(self._message, str(error), "error")
            return
        names = ", ".join(language.name for language in self._service.languages)
        default_name = self.offer[default].text()
        show_message(
            self._message,
            self.tr("Saved: attendees can choose {0}, and start in {1}.").format(
                names, default_name
            ),
            "success",
        )
