"""The unlocked staff panel: a header with Lock and Exit, a row of page buttons, seven pages.

The pages (today, event, export, settings, languages, display, content) each live in their
own module; the panel reads the service once per ``refresh()`` and hands every page its part,
so an error from the core is shown once, in the header, instead of on each page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.errors import KioskError
from kiosk.service import KioskService
from ui.screens.staff.content_page import ContentPage
from ui.screens.staff.display_page import DisplayPage
from ui.screens.staff.event_page import EventPage
from ui.screens.staff.export_destinations import ExportDestination
from ui.screens.staff.export_page import ExportPage
from ui.screens.staff.languages_page import LanguagesPage
from ui.screens.staff.settings_page import SettingsPage
from ui.screens.staff.today_page import TodayPage
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.layouts import vbox
from ui.widgets.text import repolish, text_label


class StaffPanel(QWidget):
    """The unlocked panel: a header, seven pages (today ... languages, display, content)."""

    lock_requested = Signal()
    exit_requested = Signal()
    idle_timeout_changed = Signal(int)
    content_changed = Signal()
    """A volunteer installed other content, or went back to the bundled one."""

    PAGES = ("today", "event", "export", "settings", "languages", "display", "content")

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffPanel")
        self._service = service

        outer = vbox(self, margins=metrics.STAFF_PANEL_MARGINS, spacing=metrics.STAFF_PANEL_SPACING)
        outer.addLayout(self._build_header())
        outer.addLayout(self._build_nav())
        self._today = TodayPage(self)
        self.chart = self._today.chart
        self._event = EventPage(service, self)
        self._event.event_started.connect(self.refresh)
        self._export = ExportPage(service, self)
        self._export.busy_changed.connect(self._on_export_busy)
        self._export.export_ended.connect(self.refresh)
        self._export.receipts_applied.connect(self.refresh)
        self._settings = SettingsPage(service, self)
        self._settings.idle_timeout_changed.connect(self.idle_timeout_changed)
        self._languages = LanguagesPage(service, self)
        self._display = DisplayPage(service, self)
        self._content = ContentPage(service, self)
        self._content.content_changed.connect(self._on_content_changed)
        self._pages = QStackedWidget(self)
        self._pages.setObjectName("StaffPages")
        for page in (
            self._today,
            self._event,
            self._export,
            self._settings,
            self._languages,
            self._display,
            self._content,
        ):
            self._pages.addWidget(page)
        outer.addWidget(self._pages, 1)
        self.show_page("today")

    # Building ---

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(metrics.STAFF_PANEL_SPACING)
        titles = QVBoxLayout()
        titles.setSpacing(metrics.STAFF_TITLE_SPACING)
        title = text_label(self.tr("Staff panel"), "h1", squeezable=True)
        title.setObjectName("StaffTitle")
        self._event_line = text_label("", "muted", squeezable=True)
        self._event_line.setObjectName("StaffCurrentEvent")
        titles.addWidget(title)
        titles.addWidget(self._event_line)
        row.addLayout(titles, 1)
        self._lock_button = kiosk_button(self.tr("Lock"), "secondary", name="StaffLockButton")
        self._lock_button.clicked.connect(self.lock_requested)
        self._exit_button = kiosk_button(self.tr("Exit kiosk"), "accent", name="StaffExitButton")
        self._exit_button.clicked.connect(self.exit_requested)
        row.addWidget(self._lock_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self._exit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _build_nav(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(metrics.STAFF_NAV_SPACING)
        self._nav = QButtonGroup(self)
        self._nav.setExclusive(True)
        labels = (
            self.tr("Today"),
            self.tr("Event"),
            self.tr("Export"),
            self.tr("Settings"),
            self.tr("Languages"),
            self.tr("Display"),
            self.tr("Content"),
        )
        for index, (page, text) in enumerate(zip(self.PAGES, labels, strict=True)):
            button = kiosk_button(text, "quiet", name="StaffNavButton")
            button.setCheckable(True)
            button.setProperty("page", page)
            button.setAccessibleName(self.tr("Show {0}").format(text))
            self._nav.addButton(button, index)
            row.addWidget(button)
        row.addStretch(1)
        self._nav.idClicked.connect(lambda index: self.show_page(self.PAGES[index]))
        # Style rules may select on the checked state; re-polish so they follow it.
        self._nav.buttonToggled.connect(lambda button, _on: repolish(button))
        return row

    # Pages and data ---

    def show_page(self, page: str) -> None:
        """Show one of ``PAGES``."""
        index = self.PAGES.index(page)
        self._pages.setCurrentIndex(index)
        button = self._nav.button(index)
        if button is not None:
            button.setChecked(True)
        if page == "export":
            self._export.refresh_intro()
            self._export.refresh_destinations()
        if page == "content":
            self._content.show_current()
            self._content.look_for_files()

    def current_page(self) -> str:
        """Return the page shown now."""
        return self.PAGES[self._pages.currentIndex()]

    def refresh(self) -> None:
        """Re-read counts, the chart, the current event and the settings from the service."""
        try:
            counts = self._service.event_counts()
            hours = self._service.signups_per_hour()
            pending = self._service.pending_count()
            current = self._service.current_event()
            idle_s = self._service.idle_timeout_s
            now_hour = self._service.local_now().hour
            history = self._service.export_history()
            keep_days = self._service.keep_confirmed_days
            unconfirmed_days = self._service.erase_unconfirmed_after_days
            display = self._service.default_display
        except KioskError as error:
            self._event_line.setText(str(error))
            return
        self._today.show_counts(counts, hours, pending, current, now_hour)
        if current is None:
            self._event_line.setText(self.tr("No event started yet: start one on the Event page."))
        elif current.location:
            self._event_line.setText(
                self.tr("Signing up for: {0}, {1}").format(current.name, current.location)
            )
        else:
            self._event_line.setText(self.tr("Signing up for: {0}").format(current.name))
        self._settings.show_idle_timeout(idle_s)
        self._settings.show_erasure(keep_days, unconfirmed_days)
        self._display.show_display(display)
        self._export.refresh_intro(pending)
        self._export.show_history(history)

    def clear_inputs(self) -> None:
        """Forget everything typed and every message: the panel is being locked."""
        self._settings.clear_inputs()
        self._languages.clear_inputs()
        self._display.clear_inputs()
        self._content.clear_inputs()
        self._event.clear_inputs()
        self._export.clear_inputs()
        self.show_page("today")

    # Content ---

    @property
    def content_page(self) -> ContentPage:
        """The Content page (what shows now, new content from a USB stick)."""
        return self._content

    def _on_content_changed(self) -> None:
        # The Languages page has a column per language of the content: build it again.
        index = self._pages.indexOf(self._languages)
        old = self._languages
        self._languages = LanguagesPage(self._service, self)
        self._pages.insertWidget(index, self._languages)
        self._pages.removeWidget(old)
        old.deleteLater()
        self.content_changed.emit()

    # Export ---

    def is_busy(self) -> bool:
        """Return whether an export is running."""
        return self._export.is_busy()

    def wait_for_export(self, timeout_ms: int = 30_000) -> bool:
        """Block until a running export ends (for shutdown); True if none is left running."""
        return self._export.wait_for_export(timeout_ms)

    def destinations(self) -> list[ExportDestination]:
        """Return the folders offered now (removable drives first, a chosen folder last)."""
        return self._export.destinations()

    def refresh_destinations(self) -> None:
        """Look at the mounted volumes again (a stick may have been plugged in)."""
        self._export.refresh_destinations()

    def selected_destination(self) -> Path | None:
        """Return the folder the export will be written to, or None."""
        return self._export.selected_destination()

    def choose_folder(self, folder: Path) -> None:
        """Offer ``folder`` as a destination and select it."""
        self._export.choose_folder(folder)

    def start_export(self) -> None:
        """Export to the chosen folder in a worker thread, with a busy bar until it ends."""
        self._export.start_export()

    def _on_export_busy(self, busy: bool) -> None:
        # Locking or quitting under a running export would cut it off half-written.
        for button in (self._lock_button, self._exit_button):
            button.setEnabled(not busy)
