"""The contacts tab: search the master store and save the CRM file for the organization's tool.

Before anything is typed it lists the people who signed up last; search runs
as staff type (after a short pause). People staff merged (the duplicates
tab) are one row with every email. The CRM file is written in the
background. The work is ``kiosk.people``'s and ``kiosk.crm``'s.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.crm import PROFILES, CrmFormat, crm_path_for, write_crm_file
from kiosk.errors import KioskError
from kiosk.master import ContactRow
from kiosk.office_counts import master_counts
from kiosk.people import recent_people, search_people
from ui.office.controls import OfficeTab, desk_button, desk_table, named_label, titled_panel
from ui.office.master_link import MasterLink
from ui.office.tasks import Task, TaskPool
from ui.office.wording import count_text
from ui.widgets import metrics
from ui.widgets.layouts import hbox, vbox
from ui.widgets.text import plain_tooltip

SEARCH_LIMIT = 200


class ContactsTab(OfficeTab):
    """Search box and results, the master store's counts, and the CRM file panel."""

    crm_saved = Signal(int)  # rows written

    def __init__(self, master: MasterLink, tasks: TaskPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.master_url = master.url
        self._master = master.engine
        self._tasks = tasks
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.run_search)

        self.setObjectName("contactsPage")
        layout = vbox(self, margins=metrics.OFFICE_TAB_MARGINS, spacing=metrics.OFFICE_SPACING)
        layout.addLayout(self._build_search_row())
        self.results_table = desk_table(
            "resultsTable",
            self.tr("Contacts"),
            [
                self.tr("Name"),
                self.tr("Email (newest first)"),
                self.tr("Phone"),
                self.tr("ZIP / postal"),
                self.tr("WLF choice"),
                self.tr("Last sign-up (UTC)"),
            ],
            stretch=1,
        )
        layout.addWidget(self.results_table, 1)
        self.results_note = named_label("", "resultsNote")
        layout.addWidget(self.results_note)
        layout.addWidget(self._build_crm_panel())

    # Layout -------------------------------------------------------------------

    def _build_search_row(self) -> QHBoxLayout:
        search_row = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("Search by name or email"))
        self.search_box.setAccessibleName(self.tr("Search contacts"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self.run_search)
        search_row.addWidget(self.search_box, 1)
        self.count_label = named_label(
            "", "countLabel", accessible_name=self.tr("Contacts in the master store")
        )
        search_row.addWidget(self.count_label)
        return search_row

    def _build_crm_panel(self) -> QFrame:
        crm, crm_title = titled_panel("crmPanel", self.tr("CRM file"))
        crm_layout = hbox(crm, margins=metrics.OFFICE_PANEL_MARGINS)
        crm_text = QVBoxLayout()
        crm_hint = named_label(
            self.tr("One row per contact, in the columns your tool's import expects."),
            "dropHint",
            wrap=True,
        )
        crm_text.addWidget(crm_title)
        crm_text.addWidget(crm_hint)
        crm_layout.addLayout(crm_text, 1)
        profile_label = named_label(self.tr("Format for:"), "fieldLabel")
        self.profile_box = QComboBox()
        self.profile_box.setObjectName("profileBox")
        self.profile_box.setAccessibleName(self.tr("CRM profile"))
        for name, profile in PROFILES.items():
            self.profile_box.addItem(profile.title, name)
        self.profile_box.setMinimumWidth(metrics.OFFICE_PROFILE_BOX_WIDTH)
        profile_label.setBuddy(self.profile_box)
        crm_layout.addWidget(profile_label)
        crm_layout.addWidget(self.profile_box)
        kind_label = named_label(self.tr("Save as:"), "fieldLabel")
        kind_label.setBuddy(self._build_kind_box())
        crm_layout.addWidget(kind_label)
        crm_layout.addWidget(self.kind_box)
        self.save_button = desk_button(self.tr("Save CRM file…"), "primary", self._pick_crm_path)
        crm_layout.addWidget(self.save_button)
        return crm

    def _build_kind_box(self) -> QComboBox:
        # The CSV goes straight into the tool's importer; a spreadsheet keeps the
        # workbook's ZIPs and phones as typed, where it mangles the CSV's.
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kindBox")
        self.kind_box.setAccessibleName(self.tr("Kind of CRM file"))
        self.kind_box.addItem(self.tr("CSV, for the importer"), CrmFormat.CSV)
        self.kind_box.addItem(self.tr("Excel workbook, to look at first"), CrmFormat.XLSX)
        self.kind_box.setToolTip(
            plain_tooltip(
                self.tr(
                    "A CSV opened in a spreadsheet loses ZIP codes' leading zeros and "
                    "phones' plus signs; the workbook keeps them as text."
                )
            )
        )
        return self.kind_box

    # Search -------------------------------------------------------------------

    def refresh_counts(self) -> None:
        """Show how many contacts and sign-ups the master store holds."""
        try:
            counts = master_counts(self._master())
        except Exception as exc:  # a missing or locked database is shown, not raised
            self.show_store_error(exc, "counting the master store")
            return
        self.count_label.setText(
            self.tr("%1 contacts · %2 sign-ups")
            .replace("%1", f"{counts.contacts:,}")
            .replace("%2", f"{counts.touchpoints:,}")
        )

    def search(self, text: str) -> list[ContactRow]:
        """Find contacts by ``text`` (name, email or phone) and list them; return them."""
        self.search_box.blockSignals(True)
        self.search_box.setText(text)
        self.search_box.blockSignals(False)
        return self.run_search()

    def run_search(self) -> list[ContactRow]:
        """Search for what the search box holds now, list the matches and return them."""
        self._search_timer.stop()
        text = self.search_box.text().strip()
        try:
            if text:
                found = search_people(self._master(), text, limit=SEARCH_LIMIT)
            else:
                found = recent_people(self._master(), limit=SEARCH_LIMIT)
        except KioskError as exc:
            self.error_shown.emit(str(exc))
            return []
        self._show_contacts(found)
        self.results_note.setText(self._results_note(text, len(found)))
        return found

    def _show_contacts(self, found: list[ContactRow]) -> None:
        self.results_table.setRowCount(len(found))
        for row, contact in enumerate(found):
            last = contact.last_seen_at
            cells = [
                f"{contact.first_name} {contact.last_name}".strip(),
                " · ".join(contact.emails),
                contact.phone or "",
                contact.postal_code or "",
                str(contact.wlf_choice).replace("_", " "),
                f"{last:%Y-%m-%d %H:%M}" if last else "",
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(plain_tooltip(value))
                self.results_table.setItem(row, column, item)

    def _results_note(self, text: str, found: int) -> str:
        if not text:
            if not found:
                return self.tr("No contacts yet: merge export files on the Import tab.")
            return count_text(
                found,
                self.tr("The contact who signed up last. Type to search."),
                self.tr("The %1 contacts who signed up last, latest first. Type to search."),
            )
        if not found:
            return self.tr("No contact matches.")
        if found >= SEARCH_LIMIT:
            return self.tr("Showing the first %1 matches; type more to narrow.").replace(
                "%1", str(SEARCH_LIMIT)
            )
        return count_text(found, self.tr("1 contact matches."), self.tr("%1 contacts match."))

    # CRM file -----------------------------------------------------------------

    def save_crm_file(
        self, path: Path, profile: str | None = None, kind: CrmFormat | None = None
    ) -> None:
        """Write the CRM file to ``path`` in the background (profile and kind: the choosers')."""
        chosen = profile or str(self.profile_box.currentData())
        kind = kind or CrmFormat(self.kind_box.currentData())
        url = self.master_url
        self.save_button.setEnabled(False)
        self.status_changed.emit(self.tr("Writing the CRM file…"))

        def job(_task: Task) -> int:
            return write_crm_file(url, Path(path), profile=chosen, kind=kind)

        task = Task(job, self)
        task.succeeded.connect(lambda rows: self._on_crm_saved(Path(path), int(rows)))
        task.failed.connect(self._on_crm_failed)
        self._tasks.start(task)

    def _pick_crm_path(self) -> None:
        profile = str(self.profile_box.currentData())
        kind = CrmFormat(self.kind_box.currentData())
        kinds = {
            CrmFormat.CSV: self.tr("CSV files (*.csv)"),
            CrmFormat.XLSX: self.tr("Excel workbooks (*.xlsx)"),
        }
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save CRM file"), f"contacts-{profile}{kind.suffix}", kinds[kind]
        )
        if name:
            # The kind chosen is the kind written, under a name that says so.
            self.save_crm_file(crm_path_for(Path(name), kind), profile, kind)

    def _on_crm_saved(self, path: Path, rows: int) -> None:
        self.save_button.setEnabled(True)
        saved = count_text(rows, self.tr("Saved 1 contact"), self.tr("Saved %1 contacts"))
        self.status_changed.emit(saved + " " + self.tr("to %1").replace("%1", str(path)))
        self.crm_saved.emit(rows)

    def _on_crm_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.error_shown.emit(self.tr("The CRM file was not written: %1").replace("%1", message))
