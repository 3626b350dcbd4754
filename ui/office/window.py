"""The office window: add export files, see each one checked, merge, search, save a CRM file.

Staff drop files (or a whole USB-stick folder) onto the window or pick them
with "Add files…". Each file is checked in the background (manifest, hash,
decryption) and listed with what it holds before anything is merged; "Merge"
writes only the files that passed, with a progress bar, and shows what was
new, already present, merged and rejected. The second tab searches contacts
and saves the CRM file for the tool the organization uses.

All the work is the core's (``kiosk.importer``, ``kiosk.master``,
``kiosk.crm``); this module only shows it and runs it off the GUI thread.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from kiosk.crm import PROFILES, write_crm_csv
from kiosk.errors import KioskError
from kiosk.importer import CheckedExport, ImportReport, check_export, merge_exports
from kiosk.master import ContactRow, open_master, search_contacts
from kiosk.office_counts import describe_master, master_counts
from ui.office.tasks import Task

log = logging.getLogger(__name__)

EXPORT_SUFFIXES = (".csv", ".csv.age")
SEARCH_LIMIT = 200

# Status of one file in the list.
CHECKING, READY, REJECTED, MERGING, MERGED = "checking", "ready", "rejected", "merging", "merged"
_STATUS_COLORS = {
    CHECKING: "#5b6470",
    READY: "#1d6b3a",
    REJECTED: "#a3231f",
    MERGING: "#5b6470",
    MERGED: "#1f4e8c",
}


def is_export_file(path: Path) -> bool:
    """True for a file named like an export (``.csv`` or ``.csv.age``, any letter case)."""
    return path.name.lower().endswith(EXPORT_SUFFIXES)


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], int]:
    """Files to add from dropped or picked paths (folders searched one level deep).

    Returns ``(export files, how many other files were skipped)``; manifests
    (``.json``) beside the exports are expected and not counted as skipped.
    """
    found: list[Path] = []
    skipped = 0
    for path in paths:
        candidates = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            if is_export_file(candidate):
                found.append(candidate)
            elif not candidate.name.lower().endswith(".json"):
                skipped += 1
    return found, skipped


def _sentence(reason: str) -> str:
    """A core reason ("sha256 does not match…") as staff read it: a capitalized sentence."""
    reason = reason.strip()
    if reason.lower().startswith("sha256"):
        return "SHA-256" + reason[6:]
    return reason[:1].upper() + reason[1:]


def _short_list(items: Sequence[str], more: str) -> str:
    """At most two items, then "+N more" (the full list goes in the tooltip)."""
    if len(items) <= 2:
        return ", ".join(items)
    return f"{items[0]}, {items[1]} " + more.replace("%1", str(len(items) - 2))


def _count(n: int, one: str, many: str) -> str:
    """``one`` for 1, else ``many`` with %1 replaced by n (until a translation file exists)."""
    return one if n == 1 else many.replace("%1", f"{n:,}")


@dataclass
class FileEntry:
    """One file in the list and what is known about it so far."""

    path: Path
    status: str = CHECKING
    checked: CheckedExport | None = None
    detail: str = ""

    @property
    def is_encrypted(self) -> bool:
        if self.checked is not None and self.checked.encrypted:
            return True
        return self.path.name.lower().endswith(".age")


def _stat_tile(caption: str, name: str) -> tuple[QFrame, QLabel]:
    tile = QFrame()
    tile.setObjectName("statTile")
    layout = QVBoxLayout(tile)
    layout.setContentsMargins(18, 12, 18, 12)
    value = QLabel("0")
    value.setObjectName("statValue")
    value.setAccessibleName(caption)
    label = QLabel(caption)
    label.setObjectName("statCaption")
    label.setWordWrap(True)
    layout.addWidget(value)
    layout.addWidget(label)
    tile.setAccessibleName(name)
    return tile, value


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
    ) -> None:
        super().__init__(parent)
        self.master_url = master_url
        self.identity: Path | None = Path(identity) if identity else None
        self.entries: list[FileEntry] = []
        self.last_report: ImportReport | None = None
        self._tasks: set[Task] = set()
        self._checks_running = 0
        self._merging = False
        self._engine: Engine | None = None

        self.setObjectName("officeWindow")
        self.setWindowTitle(self.tr("People to People — Office import"))
        self.setAcceptDrops(True)
        self.resize(QSize(1320, 900))

        root = QWidget()
        root.setObjectName("officeRoot")
        outer = QVBoxLayout(root)
        outer.setContentsMargins(28, 20, 28, 16)
        outer.setSpacing(14)
        outer.addLayout(self._build_header())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("officeTabs")
        self.tabs.setAccessibleName(self.tr("Office sections"))
        self.tabs.addTab(self._build_import_tab(), self.tr("1  Import files"))
        self.tabs.addTab(self._build_contacts_tab(), self.tr("2  Contacts and CRM file"))
        outer.addWidget(self.tabs, 1)
        self.status_label = QLabel("")
        self.status_label.setObjectName("statusLine")
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)
        self.setCentralWidget(root)

        QShortcut(QKeySequence.StandardKey.Open, self, self._pick_files)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._run_search)

        self._update_identity_label()
        self._update_merge_button()
        self.refresh_counts()
        self.add_button.setFocus()

    # Layout -------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        title = QLabel(self.tr("Office import"))
        title.setObjectName("officeTitle")
        title.setAccessibleName(self.tr("Office import"))
        self.store_label = QLabel(
            self.tr("Master store: %1").replace("%1", describe_master(self.master_url))
        )
        self.store_label.setObjectName("officeSubtitle")
        self.store_label.setAccessibleName(self.tr("Master store"))
        self.store_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        titles.addWidget(title)
        titles.addWidget(self.store_label)
        header.addLayout(titles, 1)

        key_box = QVBoxLayout()
        key_box.setSpacing(4)
        self.identity_label = QLabel()
        self.identity_label.setObjectName("identityLabel")
        self.identity_label.setAccessibleName(self.tr("Private key"))
        self.identity_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.identity_button = self._button(
            self.tr("Private key…"),
            "secondary",
            self.tr("Choose the private key file that opens encrypted exports"),
        )
        self.identity_button.clicked.connect(self._pick_identity)
        key_box.addWidget(self.identity_label)
        key_box.addWidget(self.identity_button, 0, Qt.AlignmentFlag.AlignRight)
        header.addLayout(key_box)
        return header

    def _build_import_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("importPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(14)

        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setAccessibleName(self.tr("Drop export files here"))
        drop_layout = QHBoxLayout(self.drop_zone)
        drop_layout.setContentsMargins(24, 18, 24, 18)
        drop_text = QVBoxLayout()
        drop_title = QLabel(self.tr("Drop export files or a USB-stick folder here"))
        drop_title.setObjectName("dropTitle")
        drop_hint = QLabel(
            self.tr(
                "Files end in .csv, or .csv.age when encrypted. Add files from any number "
                "of kiosks and events; each is checked against its manifest before anything "
                "is merged."
            )
        )
        drop_hint.setObjectName("dropHint")
        drop_hint.setWordWrap(True)
        drop_text.addWidget(drop_title)
        drop_text.addWidget(drop_hint)
        drop_layout.addLayout(drop_text, 1)
        self.add_button = self._button(
            self.tr("Add files…"), "primary", self.tr("Add export files")
        )
        self.add_button.clicked.connect(self._pick_files)
        drop_layout.addWidget(self.add_button)
        layout.addWidget(self.drop_zone)

        self.files_table = QTableWidget(0, 7)
        self.files_table.setObjectName("filesTable")
        self.files_table.setAccessibleName(self.tr("Export files and their checks"))
        self.files_table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Status"),
                self.tr("Sign-ups"),
                self.tr("Events"),
                self.tr("Kiosks"),
                self.tr("Encrypted"),
                self.tr("Details"),
            ]
        )
        self._setup_table(self.files_table, stretch=6)
        header = self.files_table.horizontalHeader()
        # Names and event lists can be long: fixed, elided columns with the full text
        # as a tooltip, so the reason column (what staff must read) stays in view.
        for column, width in ((0, 260), (3, 220)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.files_table.setColumnWidth(column, width)
        self.files_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files_table.setWordWrap(True)  # a long rejection reason wraps, never hides
        layout.addWidget(self.files_table, 3)

        actions = QHBoxLayout()
        self.clear_button = self._button(
            self.tr("Clear list"), "quiet", self.tr("Remove every file from the list")
        )
        self.clear_button.clicked.connect(self.clear_files)
        actions.addWidget(self.clear_button)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("mergeProgress")
        self.progress_bar.setAccessibleName(self.tr("Merge progress"))
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setFormat(self.tr("%p%"))
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(False)
        actions.addWidget(self.progress_bar, 1)
        actions.addStretch(0)
        self.merge_button = self._button(
            self.tr("Merge"), "primary", self.tr("Merge the checked files")
        )
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(self.merge)
        actions.addWidget(self.merge_button)
        layout.addLayout(actions)

        self.summary_panel = QFrame()
        self.summary_panel.setObjectName("summaryPanel")
        self.summary_panel.setAccessibleName(self.tr("Import summary"))
        summary_layout = QVBoxLayout(self.summary_panel)
        summary_layout.setContentsMargins(20, 14, 20, 14)
        self.summary_title = QLabel(self.tr("Merged"))
        self.summary_title.setObjectName("summaryTitle")
        summary_layout.addWidget(self.summary_title)
        tiles = QGridLayout()
        tiles.setHorizontalSpacing(14)
        captions = (
            ("new", self.tr("new sign-ups")),
            ("present", self.tr("already in the master store")),
            ("contacts_new", self.tr("new contacts")),
            ("contacts_updated", self.tr("known contacts with a new sign-up")),
        )
        self.stat_labels: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate(captions):
            tile, value = _stat_tile(caption, caption)
            self.stat_labels[key] = value
            tiles.addWidget(tile, 0, column)
        summary_layout.addLayout(tiles)
        self.rejected_label = QLabel("")
        self.rejected_label.setObjectName("rejectedList")
        self.rejected_label.setAccessibleName(self.tr("Rejected files"))
        self.rejected_label.setWordWrap(True)
        self.rejected_label.setTextFormat(Qt.TextFormat.RichText)
        summary_layout.addWidget(self.rejected_label)
        self.summary_panel.setVisible(False)
        layout.addWidget(self.summary_panel)
        return page

    def _build_contacts_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("contactsPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(14)

        search_row = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("Search by name or email"))
        self.search_box.setAccessibleName(self.tr("Search contacts"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._run_search)
        search_row.addWidget(self.search_box, 1)
        self.count_label = QLabel("")
        self.count_label.setObjectName("countLabel")
        self.count_label.setAccessibleName(self.tr("Contacts in the master store"))
        search_row.addWidget(self.count_label)
        layout.addLayout(search_row)

        self.results_table = QTableWidget(0, 6)
        self.results_table.setObjectName("resultsTable")
        self.results_table.setAccessibleName(self.tr("Matching contacts"))
        self.results_table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Email"),
                self.tr("Phone"),
                self.tr("ZIP / postal"),
                self.tr("WLF choice"),
                self.tr("Last sign-up (UTC)"),
            ]
        )
        self._setup_table(self.results_table, stretch=1)
        layout.addWidget(self.results_table, 1)
        self.results_note = QLabel("")
        self.results_note.setObjectName("resultsNote")
        layout.addWidget(self.results_note)

        crm = QFrame()
        crm.setObjectName("crmPanel")
        crm.setAccessibleName(self.tr("CRM file"))
        crm_layout = QHBoxLayout(crm)
        crm_layout.setContentsMargins(20, 14, 20, 14)
        crm_text = QVBoxLayout()
        crm_title = QLabel(self.tr("CRM file"))
        crm_title.setObjectName("panelTitle")
        crm_hint = QLabel(
            self.tr("One row per contact, in the columns your tool's import expects.")
        )
        crm_hint.setObjectName("dropHint")
        crm_hint.setWordWrap(True)
        crm_text.addWidget(crm_title)
        crm_text.addWidget(crm_hint)
        crm_layout.addLayout(crm_text, 1)
        profile_label = QLabel(self.tr("Format for:"))
        profile_label.setObjectName("fieldLabel")
        self.profile_box = QComboBox()
        self.profile_box.setObjectName("profileBox")
        self.profile_box.setAccessibleName(self.tr("CRM profile"))
        for name, profile in PROFILES.items():
            self.profile_box.addItem(profile.title, name)
        self.profile_box.setMinimumWidth(320)
        profile_label.setBuddy(self.profile_box)
        crm_layout.addWidget(profile_label)
        crm_layout.addWidget(self.profile_box)
        self.save_button = self._button(
            self.tr("Save CRM file…"), "primary", self.tr("Save the CRM file")
        )
        self.save_button.clicked.connect(self._pick_crm_path)
        crm_layout.addWidget(self.save_button)
        layout.addWidget(crm)
        return page

    def _button(self, text: str, kind: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("kind", kind)
        button.setAccessibleName(accessible)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setAutoDefault(False)
        button.setMinimumHeight(48)
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        return button

    def _setup_table(self, table: QTableWidget, *, stretch: int) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(40)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    # Files --------------------------------------------------------------------

    def add_files(self, paths: Sequence[Path | str]) -> int:
        """Add export files (or folders of them) and start checking them; return how many.

        The same path twice is listed once. Both "Add files…" and a drop end here.
        """
        found, skipped = expand_paths(Path(p) for p in paths)
        known = {entry.path.resolve() for entry in self.entries}
        added: list[FileEntry] = []
        for path in found:
            if path.resolve() in known:
                continue
            known.add(path.resolve())
            entry = FileEntry(path=path)
            self.entries.append(entry)
            added.append(entry)
            self._add_row(entry)
        notes = []
        if added:
            notes.append(
                _count(len(added), self.tr("Checking 1 file…"), self.tr("Checking %1 files…"))
            )
        if skipped:
            notes.append(
                _count(
                    skipped,
                    self.tr("Skipped 1 file that is not an export (.csv or .csv.age)."),
                    self.tr("Skipped %1 files that are not exports (.csv or .csv.age)."),
                )
            )
        if notes:
            self._set_status(" ".join(notes))
        if added:
            self.tabs.setCurrentIndex(0)
            self._check(added)
        self._update_merge_button()
        return len(added)

    def clear_files(self) -> None:
        """Empty the list (not while a merge is running)."""
        if self._merging:
            return
        self.entries = [e for e in self.entries if e.status == CHECKING]
        self.files_table.setRowCount(0)
        for entry in self.entries:
            self._add_row(entry)
        self.summary_panel.setVisible(False)
        self.progress_bar.setVisible(False)
        self._update_merge_button()

    def set_identity(self, path: Path | None) -> None:
        """Use the private key file at ``path``; encrypted files are checked again with it."""
        self.identity = Path(path) if path else None
        self._update_identity_label()
        again = [e for e in self.entries if e.is_encrypted and e.status in (READY, REJECTED)]
        for entry in again:
            entry.status, entry.checked, entry.detail = CHECKING, None, ""
            self._refresh_row(entry)
        if again:
            self._check(again)
        self._update_merge_button()

    def _check(self, entries: list[FileEntry]) -> None:
        identity = self.identity
        paths = [entry.path for entry in entries]

        def job(task: Task) -> None:
            for path in paths:
                try:
                    checked: object = check_export(path, identity=identity)
                except KioskError as exc:
                    checked = (path, str(exc))
                except Exception as exc:  # noqa: BLE001 - one bad file must not stop the rest
                    log.error("checking an export failed with %s", type(exc).__name__)
                    checked = (path, f"could not be read ({type(exc).__name__})")
                task.item.emit(checked)

        task = Task(job, self)
        task.item.connect(lambda result, batch=entries: self._on_checked(batch, result))
        self._checks_running += 1
        self._start(task, on_done=self._on_check_task_done)

    def _on_checked(self, batch: list[FileEntry], result: object) -> None:
        if isinstance(result, tuple):
            path, reason = result
            checked = None
        else:
            assert isinstance(result, CheckedExport)
            checked, path, reason = result, result.path, result.reason
        waiting = [e for e in batch if e.status == CHECKING and e in self.entries]
        entry = next((e for e in waiting if e.path == Path(path)), None)
        if entry is None:  # cleared meanwhile
            return
        entry.checked = checked
        if checked is not None and checked.ok:
            entry.status, entry.detail = READY, self._ready_detail(checked)
        elif entry.is_encrypted and self.identity is None:
            entry.status = REJECTED
            entry.detail = self.tr("Encrypted: choose the private key (Private key…) to open it")
        else:
            entry.status, entry.detail = REJECTED, _sentence(reason) or self.tr("Rejected")
        self._refresh_row(entry)
        self._update_merge_button()

    def _on_check_task_done(self) -> None:
        self._checks_running -= 1
        if self._checks_running == 0:
            ready = sum(1 for e in self.entries if e.status == READY)
            rejected = sum(1 for e in self.entries if e.status == REJECTED)
            self._set_status(
                _count(ready, self.tr("1 file ready to merge"), self.tr("%1 files ready to merge"))
                + ", "
                + self.tr("%1 rejected.").replace("%1", str(rejected))
            )
            self.checks_finished.emit()

    def _ready_detail(self, checked: CheckedExport) -> str:
        span = ""
        if checked.first_created_at and checked.last_created_at:
            first = f"{checked.first_created_at:%Y-%m-%d}"
            last = f"{checked.last_created_at:%Y-%m-%d}"
            span = first if first == last else f"{first} → {last}"
        parts = [self.tr("Hash matches its manifest")]
        if span:
            parts.append(span)
        return " · ".join(parts)

    def _add_row(self, entry: FileEntry) -> None:
        row = self.files_table.rowCount()
        self.files_table.insertRow(row)
        self._refresh_row(entry, row)

    def _refresh_row(self, entry: FileEntry, row: int | None = None) -> None:
        if row is None:
            row = self.entries.index(entry)
        checked = entry.checked
        status_text = {
            CHECKING: self.tr("Checking…"),
            READY: self.tr("✓ Ready"),
            REJECTED: self.tr("✗ Rejected"),
            MERGING: self.tr("Merging…"),
            MERGED: self.tr("✓ Merged"),
        }[entry.status]
        ok = checked is not None and checked.ok
        cells = [
            entry.path.name,
            status_text,
            f"{checked.rows:,}" if ok and checked else "",
            _short_list(checked.event_names, self.tr("+%1 more")) if ok and checked else "",
            _short_list([k[:8] for k in checked.kiosk_ids], self.tr("+%1 more"))
            if ok and checked
            else "",
            self.tr("yes") if entry.is_encrypted else self.tr("no"),
            entry.detail,
        ]
        tips = {0: str(entry.path)}
        if checked is not None and checked.sha256:
            tips[6] = f"{entry.detail}\nSHA-256 {checked.sha256}"
        if ok and checked:
            tips[3] = "\n".join(checked.event_names)
            tips[4] = "\n".join(checked.kiosk_ids)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(tips.get(column, text))
            if column == 1:
                item.setForeground(QColor(_STATUS_COLORS[entry.status]))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if column == 6 and entry.status == REJECTED:
                item.setForeground(QColor(_STATUS_COLORS[REJECTED]))
            if column == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.files_table.setItem(row, column, item)
        self.files_table.resizeRowToContents(row)

    def ready_entries(self) -> list[FileEntry]:
        """Files that passed their check and are not merged yet."""
        return [e for e in self.entries if e.status == READY]

    def _update_merge_button(self) -> None:
        count = len(self.ready_entries())
        if count == 1:
            text = self.tr("Merge 1 file")
        else:
            text = self.tr("Merge %1 files").replace("%1", str(count))
        self.merge_button.setText(text)
        self.merge_button.setAccessibleName(text)
        self.merge_button.setEnabled(count > 0 and not self._merging)
        self.clear_button.setEnabled(bool(self.entries) and not self._merging)

    # Merge --------------------------------------------------------------------

    def merge(self) -> bool:
        """Merge every ready file into the master store in the background; False if none."""
        ready = self.ready_entries()
        if not ready or self._merging:
            return False
        checked = [e.checked for e in ready if e.checked is not None]
        for entry in ready:
            entry.status = MERGING
            self._refresh_row(entry)
        self._merging = True
        self._update_merge_button()
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self.progress_bar.setVisible(True)
        self.summary_panel.setVisible(False)
        self._set_status(
            _count(len(checked), self.tr("Merging 1 file…"), self.tr("Merging %1 files…"))
        )
        url = self.master_url

        def job(task: Task) -> ImportReport:
            return merge_exports(checked, url, progress=task.report_progress)

        task = Task(job, self)
        task.progressed.connect(self._on_merge_progress)
        task.succeeded.connect(lambda report, batch=ready: self._on_merged(batch, report))
        task.failed.connect(lambda message, batch=ready: self._on_merge_failed(batch, message))
        self._start(task)
        return True

    def _on_merge_progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(min(done, total))

    def _on_merged(self, batch: list[FileEntry], report: ImportReport) -> None:
        self._merging = False
        self.last_report = report
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        outcomes = {Path(outcome.path): outcome for outcome in report.files}
        for entry in batch:
            outcome = outcomes.get(entry.path)
            if outcome is None or outcome.accepted:
                entry.status = MERGED
                if outcome is not None and outcome.reason:
                    entry.detail = _sentence(outcome.reason)
            else:
                entry.status, entry.detail = REJECTED, _sentence(outcome.reason)
            self._refresh_row(entry)
        self._show_summary(report)
        self._update_merge_button()
        self.refresh_counts()
        self._run_search()
        self._set_status(self.tr("Merge finished."))
        self.merge_finished.emit(report)

    def _on_merge_failed(self, batch: list[FileEntry], message: str) -> None:
        self._merging = False
        self.progress_bar.setVisible(False)
        for entry in batch:
            entry.status = READY
            self._refresh_row(entry)
        self._update_merge_button()
        self._show_error(self.tr("The merge did not complete: %1").replace("%1", message))

    def _show_summary(self, report: ImportReport) -> None:
        self.stat_labels["new"].setText(f"{report.signups_new:,}")
        self.stat_labels["present"].setText(f"{report.signups_present:,}")
        self.stat_labels["contacts_new"].setText(f"{report.contacts_new:,}")
        self.stat_labels["contacts_updated"].setText(f"{report.contacts_updated:,}")
        merged = sum(1 for o in report.files if o.accepted)
        self.summary_title.setText(
            _count(
                merged,
                self.tr("Merged 1 file into the master store"),
                self.tr("Merged %1 files into the master store"),
            )
        )
        rejected = [(e.path.name, e.detail) for e in self.entries if e.status == REJECTED]
        if rejected:
            items = "".join(
                f"<li><b>{html.escape(name)}</b>: {html.escape(reason)}</li>"
                for name, reason in rejected
            )
            heading = html.escape(
                _count(
                    len(rejected),
                    self.tr("1 file rejected; nothing from it was merged:"),
                    self.tr("%1 files rejected; nothing from them was merged:"),
                )
            )
            self.rejected_label.setText(f"<p>{heading}</p><ul>{items}</ul>")
            self.rejected_label.setVisible(True)
        else:
            self.rejected_label.setText("")
            self.rejected_label.setVisible(False)
        self.summary_panel.setVisible(True)

    # Contacts and CRM ---------------------------------------------------------

    def _master(self) -> Engine:
        if self._engine is None:
            self._engine = open_master(self.master_url)
        return self._engine

    def refresh_counts(self) -> None:
        """Show how many contacts and sign-ups the master store holds."""
        try:
            counts = master_counts(self._master())
        except KioskError as exc:
            self._show_error(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a missing or locked database is shown, not raised
            log.error("counting the master store failed with %s", type(exc).__name__)
            self._show_error(self.tr("The master store cannot be read."))
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
        return self._run_search()

    def _run_search(self) -> list[ContactRow]:
        self._search_timer.stop()
        text = self.search_box.text().strip()
        if not text:
            self.results_table.setRowCount(0)
            self.results_note.setText(self.tr("Type to search the master store."))
            return []
        try:
            found = search_contacts(self._master(), text, limit=SEARCH_LIMIT)
        except KioskError as exc:
            self._show_error(str(exc))
            return []
        self.results_table.setRowCount(len(found))
        for row, contact in enumerate(found):
            last = contact.last_seen_at
            cells = [
                f"{contact.first_name} {contact.last_name}".strip(),
                contact.email,
                contact.phone or "",
                contact.postal_code or "",
                str(contact.wlf_choice).replace("_", " "),
                f"{last:%Y-%m-%d %H:%M}" if last else "",
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.results_table.setItem(row, column, item)
        if not found:
            note = self.tr("No contact matches.")
        elif len(found) >= SEARCH_LIMIT:
            note = self.tr("Showing the first %1 matches; type more to narrow.").replace(
                "%1", str(SEARCH_LIMIT)
            )
        else:
            note = _count(len(found), self.tr("1 contact matches."), self.tr("%1 contacts match."))
        self.results_note.setText(note)
        return found

    def save_crm_file(self, path: Path, profile: str | None = None) -> None:
        """Write the CRM file to ``path`` in the background (profile: the chooser's, by default)."""
        chosen = profile or str(self.profile_box.currentData())
        url = self.master_url
        self.save_button.setEnabled(False)
        self._set_status(self.tr("Writing the CRM file…"))

        def job(_task: Task) -> int:
            return write_crm_csv(url, Path(path), profile=chosen)

        task = Task(job, self)
        task.succeeded.connect(lambda rows: self._on_crm_saved(Path(path), int(rows)))
        task.failed.connect(self._on_crm_failed)
        self._start(task)

    def _on_crm_saved(self, path: Path, rows: int) -> None:
        self.save_button.setEnabled(True)
        saved = _count(rows, self.tr("Saved 1 contact"), self.tr("Saved %1 contacts"))
        self._set_status(saved + " " + self.tr("to %1").replace("%1", str(path)))
        self.crm_saved.emit(rows)

    def _on_crm_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self._show_error(self.tr("The CRM file was not written: %1").replace("%1", message))

    # Dialogs ------------------------------------------------------------------

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add export files"),
            "",
            self.tr("Kiosk exports (*.csv *.age);;All files (*)"),
        )
        if names:
            self.add_files([Path(n) for n in names])

    def _pick_identity(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the private key file"), "", self.tr("All files (*)")
        )
        if name:
            self.set_identity(Path(name))

    def _pick_crm_path(self) -> None:
        profile = str(self.profile_box.currentData())
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save CRM file"),
            f"contacts-{profile}.csv",
            self.tr("CSV files (*.csv)"),
        )
        if name:
            self.save_crm_file(Path(name), profile)

    # Drag and drop ------------------------------------------------------------

    @staticmethod
    def _dropped_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._dropped_paths(event):
            event.acceptProposedAction()
            self.drop_zone.setProperty("active", True)
            self._repolish(self.drop_zone)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.drop_zone.setProperty("active", False)
        self._repolish(self.drop_zone)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.drop_zone.setProperty("active", False)
        self._repolish(self.drop_zone)
        paths = self._dropped_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)

    # Plumbing -----------------------------------------------------------------

    def _start(self, task: Task, on_done: object = None) -> None:
        self._tasks.add(task)

        def finished() -> None:
            self._tasks.discard(task)
            task.deleteLater()
            if callable(on_done):
                on_done()

        task.finished.connect(finished)
        task.start()

    def is_busy(self) -> bool:
        """True while a check, merge or CRM write is running."""
        return bool(self._tasks)

    def _update_identity_label(self) -> None:
        if self.identity is None:
            text = self.tr("No private key: encrypted files cannot be opened")
        else:
            text = self.tr("Private key: %1").replace("%1", self.identity.name)
        self.identity_label.setText(text)
        self.identity_label.setToolTip(str(self.identity) if self.identity else text)

    def _set_status(self, text: str) -> None:
        self.status_label.setProperty("error", False)
        self._repolish(self.status_label)
        self.status_label.setText(text)

    def _show_error(self, text: str) -> None:
        self.status_label.setProperty("error", True)
        self._repolish(self.status_label)
        self.status_label.setText(text)
        self.error_shown.emit(text)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        for task in list(self._tasks):
            task.wait()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        super().closeEvent(event)
