"""The office window: add export files, see each one checked, merge, search, save a CRM file.

Staff drop files (or a whole USB-stick folder) onto the window or pick them
with "Add files…"; the import tab (``import_tab.py``) checks, lists and
merges them. The contacts tab (``contacts_tab.py``) searches contacts and
saves the CRM file for the tool the organization uses; the duplicates tab
(``duplicates_tab.py``) lists people who may have signed up twice under two
emails, for staff to merge or keep apart; the events tab (``events_tab.py``)
shows each event's figures and saves its PDF report. The three share one
engine on the master store (``master_link.py``). This module holds the window
around them: the header with the private-key picker, the status line, drag
and drop, and shutting the background work down on close.

All the work is the core's (``kiosk.importer``, ``kiosk.master``,
``kiosk.crm``, ``kiosk.event_report``); the window only shows it and runs it
off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.clock import Clock, utc_now
from kiosk.crm import CrmFormat
from kiosk.importer import ImportReport
from kiosk.master import ContactRow
from kiosk.office_counts import describe_master
from ui.office.contacts_tab import ContactsTab
from ui.office.controls import desk_button, named_label
from ui.office.duplicates_tab import DuplicatesTab
from ui.office.events_tab import EventsTab
from ui.office.files import FileEntry
from ui.office.import_tab import ImportTab
from ui.office.master_link import MasterLink
from ui.office.tasks import TaskPool
from ui.widgets import metrics
from ui.widgets.layouts import vbox
from ui.widgets.scroll import PageScrollArea
from ui.widgets.text import OneLineLabel, plain_tooltip, repolish


class OfficeWindow(QMainWindow):
    """The office import window for one master store (any SQLAlchemy URL)."""

    checks_finished = Signal()  # every added file has a verdict
    merge_finished = Signal(object)  # ImportReport
    crm_saved = Signal(int)  # rows written
    error_shown = Signal(str)

    def __init__(
        self,
        master_url: str,
        identity: Path | None = None,
        parent: QWidget | None = None,
        *,
        receipt_dir: Path | None = None,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self.master_url = master_url
        self._tasks = TaskPool()

        self.setObjectName("officeWindow")
        self.setWindowTitle(self.tr("People to People — Office import"))
        self.setAcceptDrops(True)
        self.resize(*metrics.OFFICE_WINDOW_SIZE)

        root = QWidget()
        root.setObjectName("officeRoot")
        outer = vbox(root, margins=metrics.OFFICE_MARGINS, spacing=metrics.OFFICE_SPACING)
        outer.addLayout(self._build_header())
        self.import_tab = ImportTab(master_url, self._tasks, identity, receipt_dir=receipt_dir)
        self._master = MasterLink(master_url)  # one pool for the tabs that read the store
        self.contacts_tab = ContactsTab(self._master, self._tasks)
        self.duplicates_tab = DuplicatesTab(self._master, self._tasks, clock=clock)
        self.events_tab = EventsTab(self._master)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("officeTabs")
        self.tabs.setAccessibleName(self.tr("Office sections"))
        pages: tuple[tuple[QWidget, str], ...] = (
            (self.import_tab, self.tr("1  Import files")),
            (self.contacts_tab, self.tr("2  Contacts and CRM file")),
            (self.duplicates_tab, self.tr("3  Possible duplicates")),
            (self.events_tab, self.tr("4  Events")),
        )
        for page, title in pages:
            # Each page scrolls on its own when the window is shorter than it needs (the
            # duplicates page about 620 px, more than a 1366x768 laptop leaves it), so
            # the window never grows past the screen's edge, out of reach.
            self.tabs.addTab(PageScrollArea(page), title)
        self._pages = [page for page, _ in pages]  # in the tab bar's order
        outer.addWidget(self.tabs, 1)
        self.status_label = named_label(
            "", "statusLine", accessible_name=self.tr("Status"), wrap=True
        )
        outer.addWidget(self.status_label)
        self.setCentralWidget(root)
        self._expose_tab_widgets()
        self._connect_tabs()

        QShortcut(QKeySequence.StandardKey.Open, self, self.import_tab.pick_files)

        self._update_identity_label()
        self.contacts_tab.refresh_counts()
        self.contacts_tab.run_search()
        self.add_button.setFocus()

    def _expose_tab_widgets(self) -> None:
        # Tests, screenshots and the app drive the window by these names; the tabs own them.
        imports, contacts = self.import_tab, self.contacts_tab
        self.drop_zone = imports.drop_zone
        self.add_button = imports.add_button
        self.files_table = imports.files_table
        self.clear_button = imports.clear_button
        self.progress_bar = imports.progress_bar
        self.merge_button = imports.merge_button
        self.summary_panel = imports.summary_panel
        self.summary_title = imports.summary_title
        self.stat_labels = imports.stat_labels
        self.rejected_label = imports.rejected_label
        self.receipts_label = imports.receipts_label
        self.conflicts_label = imports.conflicts_label
        self.search_box = contacts.search_box
        self.count_label = contacts.count_label
        self.results_table = contacts.results_table
        self.results_note = contacts.results_note
        self.profile_box = contacts.profile_box
        self.kind_box = contacts.kind_box
        self.save_button = contacts.save_button

    def _connect_tabs(self) -> None:
        imports, contacts, duplicates = self.import_tab, self.contacts_tab, self.duplicates_tab
        for tab in (imports, contacts, duplicates, self.events_tab):
            tab.status_changed.connect(self._set_status)
            tab.error_shown.connect(self._show_error)
        # The duplicates are looked for when their tab is shown, after any change.
        self.tabs.currentChanged.connect(self._on_tab_shown)
        duplicates.master_changed.connect(contacts.run_search)
        imports.files_added.connect(lambda _count: self.show_tab(imports))
        imports.checks_finished.connect(self.checks_finished)
        imports.master_changed.connect(self._on_master_changed)
        imports.merge_finished.connect(self.merge_finished)
        contacts.crm_saved.connect(self.crm_saved)

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(metrics.OFFICE_TITLE_SPACING)
        title = named_label(
            self.tr("Office import"), "officeTitle", accessible_name=self.tr("Office import")
        )
        # A long path or address must not push the window past the screen's edge.
        self.store_label = OneLineLabel(
            self.tr("Master store: %1").replace("%1", describe_master(self.master_url))
        )
        self.store_label.setObjectName("officeSubtitle")
        self.store_label.setAccessibleName(self.tr("Master store"))
        self.store_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        titles.addWidget(title)
        titles.addWidget(self.store_label)
        header.addLayout(titles, 1)

        key_box = QVBoxLayout()
        key_box.setSpacing(metrics.OFFICE_KEY_SPACING)
        self.identity_label = named_label(
            "", "identityLabel", accessible_name=self.tr("Private key")
        )
        self.identity_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.identity_button = desk_button(
            self.tr("Private key…"),
            "secondary",
            self._pick_identity,
            description=self.tr("Choose the private key file that opens encrypted exports"),
        )
        key_box.addWidget(self.identity_label)
        key_box.addWidget(self.identity_button, 0, Qt.AlignmentFlag.AlignRight)
        header.addLayout(key_box)
        return header

    # What the tabs hold, driven from the window ---------------------------------

    @property
    def identity(self) -> Path | None:
        """The private key file that opens encrypted exports, if one was chosen."""
        return self.import_tab.identity

    @property
    def entries(self) -> list[FileEntry]:
        """The files in the import list, in the order they were added."""
        return self.import_tab.entries

    @property
    def last_report(self) -> ImportReport | None:
        """What the last finished merge did, or None before the first."""
        return self.import_tab.last_report

    def add_files(self, paths: Sequence[Path | str]) -> int:
        """Add export files (or folders of them) and start checking them; return how many."""
        return self.import_tab.add_files(paths)

    def clear_files(self) -> None:
        """Empty the file list (not while a merge is running)."""
        self.import_tab.clear_files()

    def ready_entries(self) -> list[FileEntry]:
        """Files that passed their check and are not merged yet."""
        return self.import_tab.ready_entries()

    def merge(self) -> bool:
        """Merge every ready file into the master store in the background; False if none."""
        return self.import_tab.merge()

    def set_identity(self, path: Path | None) -> None:
        """Use the private key file at ``path``; encrypted files are checked again with it."""
        self.import_tab.set_identity(path)
        self._update_identity_label()

    def refresh_counts(self) -> None:
        """Show how many contacts and sign-ups the master store holds."""
        self.contacts_tab.refresh_counts()

    def search(self, text: str) -> list[ContactRow]:
        """Find contacts by ``text`` (name, email or phone) and list them; return them."""
        return self.contacts_tab.search(text)

    def save_crm_file(
        self, path: Path, profile: str | None = None, kind: CrmFormat | None = None
    ) -> None:
        """Write the CRM file to ``path`` in the background (profile and kind: the choosers')."""
        self.contacts_tab.save_crm_file(path, profile, kind)

    def is_busy(self) -> bool:
        """True while a check, merge or CRM write is running."""
        return self._tasks.is_busy()

    def _on_master_changed(self) -> None:
        self.contacts_tab.refresh_counts()
        self.contacts_tab.run_search()
        self.duplicates_tab.stale = True
        self.events_tab.mark_stale()
        self._on_tab_shown()

    def _on_tab_shown(self) -> None:
        if self.current_tab() is self.duplicates_tab:
            self.duplicates_tab.look_if_stale()

    def tab_index(self, tab: QWidget) -> int:
        """Where ``tab`` (one of the window's ``*_tab`` pages) stands in the tab bar."""
        return self._pages.index(tab)

    def show_tab(self, tab: QWidget) -> None:
        """Bring ``tab`` (one of the window's ``*_tab`` pages) to the front."""
        self.tabs.setCurrentIndex(self.tab_index(tab))

    def current_tab(self) -> QWidget:
        """The page in front."""
        return self._pages[self.tabs.currentIndex()]

    # Header and status line ---------------------------------------------------

    def _pick_identity(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the private key file"), "", self.tr("All files (*)")
        )
        if name:
            self.set_identity(Path(name))

    def _update_identity_label(self) -> None:
        identity = self.identity
        if identity is None:
            text = self.tr("No private key: encrypted files cannot be opened")
        else:
            text = self.tr("Private key: %1").replace("%1", identity.name)
        self.identity_label.setText(text)
        self.identity_label.setToolTip(plain_tooltip(str(identity) if identity else text))

    def _set_status(self, text: str) -> None:
        self.status_label.setProperty("error", False)
        repolish(self.status_label)
        self.status_label.setText(text)

    def _show_error(self, text: str) -> None:
        self.status_label.setProperty("error", True)
        repolish(self.status_label)
        self.status_label.setText(text)
        self.error_shown.emit(text)

    # Drag and drop ------------------------------------------------------------

    @staticmethod
    def _dropped_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()
            self.drop_zone.setProperty("active", True)
            repolish(self.drop_zone)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: object) -> None:
        self.drop_zone.setProperty("active", False)
        repolish(self.drop_zone)

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_zone.setProperty("active", False)
        repolish(self.drop_zone)
        paths = self._dropped_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._tasks.wait_all()
        self._master.close()
        super().closeEvent(event)
