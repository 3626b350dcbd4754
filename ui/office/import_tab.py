"""The import tab: add export files, see each one checked, merge the good ones, read the summary.

Each added file is checked in the background (manifest, hash, decryption)
and listed with what it holds before anything is merged; "Merge" writes only
the files that passed, with a progress bar, and shows what was new, already
present, merged and rejected. The work is ``kiosk.importer``'s; this tab
shows it and runs it off the GUI thread. After a merge, each kiosk gets a
receipt (``kiosk.receipts``) beside its export files, or in ``receipt_dir``;
one that cannot be written is a warning in the summary, the merge stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kiosk.importer import CheckedExport, ImportReport, check_export, merge_exports
from kiosk.receipts import ReceiptBook, ReceiptsWritten
from ui.office.controls import OfficeTab, desk_button, named_label, named_panel, stat_tile
from ui.office.events_choice import EventsChoice
from ui.office.files import (
    CHECKING,
    MERGED,
    MERGING,
    READY,
    REJECTED,
    FileEntry,
    expand_paths,
)
from ui.office.files_table import FilesTable
from ui.office.tasks import Task, TaskPool
from ui.office.wording import as_sentence, count_text
from ui.widgets import metrics
from ui.widgets.buttons import set_button_text
from ui.widgets.layouts import hbox, vbox
from ui.widgets.text import plain_label, repolish


class ImportTab(OfficeTab):
    """Drop zone, file list, merge button with progress, and the merge summary."""

    files_added = Signal(int)  # how many new files are being checked
    checks_finished = Signal()  # every added file has a verdict
    master_changed = Signal()  # a merge wrote to the master store
    merge_finished = Signal(object)  # ImportReport

    def __init__(
        self,
        master_url: str,
        tasks: TaskPool,
        identity: Path | None = None,
        parent: QWidget | None = None,
        *,
        receipt_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.master_url = master_url
        self.identity: Path | None = Path(identity) if identity else None
        self.receipt_dir = Path(receipt_dir) if receipt_dir else None
        self.entries: list[FileEntry] = []
        self.last_report: ImportReport | None = None
        self.last_receipts: ReceiptsWritten | None = None
        self._tasks = tasks
        self._checks_running = 0
        self._merging = False

        self.setObjectName("importPage")
        layout = vbox(self, margins=metrics.OFFICE_TAB_MARGINS, spacing=metrics.OFFICE_SPACING)
        layout.addWidget(self._build_drop_zone())
        self.files_table = FilesTable()
        layout.addWidget(self.files_table, 3)
        self.events_choice = EventsChoice()
        layout.addWidget(self.events_choice)
        layout.addLayout(self._build_actions())
        layout.addWidget(self._build_summary())
        self._update_merge_button()

    # Layout -------------------------------------------------------------------

    def _build_drop_zone(self) -> QFrame:
        self.drop_zone = named_panel("dropZone", self.tr("Drop export files here"))
        drop_layout = hbox(self.drop_zone, margins=metrics.OFFICE_DROP_ZONE_MARGINS)
        drop_text = QVBoxLayout()
        drop_title = named_label(
            self.tr("Drop export files or a USB-stick folder here"), "dropTitle"
        )
        drop_hint = named_label(
            self.tr(
                "Files end in .csv, or .csv.age when encrypted. Add files from any number "
                "of kiosks and events; each is checked against its manifest before anything "
                "is merged."
            ),
            "dropHint",
            wrap=True,
        )
        drop_text.addWidget(drop_title)
        drop_text.addWidget(drop_hint)
        drop_layout.addLayout(drop_text, 1)
        self.add_button = desk_button(self.tr("Add files…"), "primary", self.pick_files)
        drop_layout.addWidget(self.add_button)
        return self.drop_zone

    def _build_actions(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        self.clear_button = desk_button(
            self.tr("Clear list"),
            "quiet",
            self.clear_files,
            description=self.tr("Remove every file from the list"),
        )
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
        self.merge_button = desk_button(
            self.tr("Merge"),
            "primary",
            self.merge,
            description=self.tr("Merge the checked files"),
            name="mergeButton",
        )
        actions.addWidget(self.merge_button)
        return actions

    def _build_summary(self) -> QFrame:
        self.summary_panel = named_panel("summaryPanel", self.tr("Import summary"))
        summary_layout = vbox(self.summary_panel, margins=metrics.OFFICE_PANEL_MARGINS)
        self.summary_title = named_label(self.tr("Merged"), "summaryTitle")
        summary_layout.addWidget(self.summary_title)
        tiles = QGridLayout()
        tiles.setHorizontalSpacing(metrics.OFFICE_SPACING)
        captions = (
            ("new", self.tr("new sign-ups")),
            ("present", self.tr("already in the master store")),
            ("contacts_new", self.tr("new contacts")),
            ("contacts_updated", self.tr("known contacts with a new sign-up")),
        )
        self.stat_labels: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate(captions):
            tile, value = stat_tile(caption, caption)
            self.stat_labels[key] = value
            tiles.addWidget(tile, 0, column)
        summary_layout.addLayout(tiles)
        # Plain text: file names and reasons come from the stick.
        self.rejected_label = self._problem_list("rejectedList", self.tr("Rejected files"))
        summary_layout.addWidget(self.rejected_label)
        self.conflicts_label = self._problem_list("conflictList", self.tr("Conflicting sign-ups"))
        summary_layout.addWidget(self.conflicts_label)
        self.left_out_label = self._problem_list("leftOutList", self.tr("Events left out"))
        summary_layout.addWidget(self.left_out_label)
        self.receipts_label = self._problem_list("receiptsNote", self.tr("Receipts for the kiosks"))
        summary_layout.addWidget(self.receipts_label)
        self.summary_panel.setVisible(False)
        return self.summary_panel

    @staticmethod
    def _problem_list(name: str, accessible: str) -> QLabel:
        label = plain_label()
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        return label

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
            self.files_table.append_entry(entry)
        notes = []
        if added:
            notes.append(
                count_text(len(added), self.tr("Checking 1 file…"), self.tr("Checking %1 files…"))
            )
        if skipped:
            notes.append(
                count_text(
                    skipped,
                    self.tr("Skipped 1 file that is not an export (.csv or .csv.age)."),
                    self.tr("Skipped %1 files that are not exports (.csv or .csv.age)."),
                )
            )
        if notes:
            self.status_changed.emit(" ".join(notes))
        if added:
            self.files_added.emit(len(added))
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
            self.files_table.append_entry(entry)
        self.summary_panel.setVisible(False)
        self.progress_bar.setVisible(False)
        self._update_merge_button()

    def set_identity(self, path: Path | None) -> None:
        """Use the private key file at ``path``; encrypted files are checked again with it."""
        self.identity = Path(path) if path else None
        again = [e for e in self.entries if e.is_encrypted and e.status in (READY, REJECTED)]
        for entry in again:
            entry.status, entry.checked, entry.detail = CHECKING, None, ""
            self._refresh_row(entry)
        if again:
            self._check(again)
        self._update_merge_button()

    def pick_files(self) -> None:
        """Ask for export files with a file dialog and add the chosen ones."""
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add export files"),
            "",
            self.tr("Kiosk exports (*.csv *.age);;All files (*)"),
        )
        if names:
            self.add_files([Path(n) for n in names])

    def ready_entries(self) -> list[FileEntry]:
        """Files that passed their check and are not merged yet."""
        return [e for e in self.entries if e.status == READY]

    # Checks -------------------------------------------------------------------

    def _check(self, entries: list[FileEntry]) -> None:
        identity = self.identity
        paths = [entry.path for entry in entries]

        def job(task: Task) -> None:
            for path in paths:
                # Never raises (a bad file is a verdict). Not kept: the window
                # may list many files; the merge reads each one again.
                task.item.emit(check_export(path, identity=identity, keep_cells=False))

        task = Task(job, self)
        task.item.connect(lambda result, batch=entries: self._on_checked(batch, result))
        self._checks_running += 1
        self._tasks.start(task, on_done=self._on_check_task_done)

    def _on_checked(self, batch: list[FileEntry], checked: CheckedExport) -> None:
        waiting = [e for e in batch if e.status == CHECKING and e in self.entries]
        entry = next((e for e in waiting if e.path == checked.path), None)
        if entry is None:  # cleared meanwhile
            return
        entry.checked = checked
        if checked.ok:
            entry.status, entry.detail = READY, self._ready_detail(checked)
        elif entry.is_encrypted and self.identity is None:
            entry.status = REJECTED
            entry.detail = self.tr("Encrypted: choose the private key (Private key…) to open it")
        else:
            entry.status = REJECTED
            entry.detail = as_sentence(checked.reason) or self.tr("Rejected")
        self._refresh_row(entry)
        self._update_merge_button()

    def _on_check_task_done(self) -> None:
        self._checks_running -= 1
        if self._checks_running == 0:
            ready = sum(1 for e in self.entries if e.status == READY)
            rejected = sum(1 for e in self.entries if e.status == REJECTED)
            self.status_changed.emit(
                count_text(
                    ready, self.tr("1 file ready to merge"), self.tr("%1 files ready to merge")
                )
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

    def _refresh_row(self, entry: FileEntry) -> None:
        self.files_table.show_entry(self.entries.index(entry), entry)

    def _update_merge_button(self) -> None:
        ready = self.ready_entries()
        self.events_choice.set_events(
            name for entry in ready if entry.checked for name in entry.checked.event_names
        )
        count = len(ready)
        if count == 1:
            text = self.tr("Merge 1 file")
        else:
            text = self.tr("Merge %1 files").replace("%1", str(count))
        set_button_text(self.merge_button, text)
        self.merge_button.setEnabled(count > 0 and not self._merging)
        self.clear_button.setEnabled(bool(self.entries) and not self._merging)

    # Merge --------------------------------------------------------------------

    def merge(self) -> bool:
        """Merge every ready file into the master store in the background; False if none."""
        ready = self.ready_entries()
        if not ready or self._merging:
            return False
        left_out = self.events_choice.left_out()  # before the list empties for the merge
        checked = [e.checked for e in ready if e.checked is not None]
        for entry in ready:
            entry.status = MERGING
            self._refresh_row(entry)
        self._merging = True
        if self.merge_button.hasFocus():
            # Disabled, it would pass the keyboard on to the window's next control, the
            # private key's button, where Space opens a file dialog: the list the merge
            # marks file by file keeps it instead.
            self.files_table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_merge_button()
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self.progress_bar.setVisible(True)
        self.summary_panel.setVisible(False)
        self.status_changed.emit(
            count_text(len(checked), self.tr("Merging 1 file…"), self.tr("Merging %1 files…"))
        )
        url = self.master_url
        receipts = ReceiptBook(receipt_dir=self.receipt_dir)

        def job(task: Task) -> tuple[ImportReport, ReceiptsWritten]:
            report = merge_exports(
                checked,
                url,
                progress=task.report_progress,
                after_merge=receipts.record,
                skip_events=left_out,
            )
            return report, receipts.write()

        task = Task(job, self)
        task.progressed.connect(self._on_merge_progress)
        task.succeeded.connect(lambda result, batch=ready: self._on_merged(batch, *result))
        task.failed.connect(lambda message, batch=ready: self._on_merge_failed(batch, message))
        self._tasks.start(task)
        return True

    def _on_merge_progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(min(done, total))

    def _on_merged(
        self, batch: list[FileEntry], report: ImportReport, receipts: ReceiptsWritten
    ) -> None:
        self._merging = False
        self.last_report = report
        self.last_receipts = receipts
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        outcomes = {Path(outcome.path): outcome for outcome in report.files}
        for entry in batch:
            outcome = outcomes.get(entry.path)
            if outcome is None or outcome.accepted:
                entry.status = MERGED
                notes = [outcome.reason, outcome.conflict_note] if outcome is not None else []
                if any(notes):
                    entry.detail = " · ".join(as_sentence(note) for note in notes if note)
            else:
                entry.status, entry.detail = REJECTED, as_sentence(outcome.reason)
            self._refresh_row(entry)
        self._show_summary(report)
        self._show_receipts(receipts)
        self._update_merge_button()
        self.master_changed.emit()
        self.status_changed.emit(self.tr("Merge finished."))
        self.merge_finished.emit(report)

    def _on_merge_failed(self, batch: list[FileEntry], message: str) -> None:
        self._merging = False
        self.progress_bar.setVisible(False)
        for entry in batch:
            entry.status = READY
            self._refresh_row(entry)
        self._update_merge_button()
        self.error_shown.emit(self.tr("The merge did not complete: %1").replace("%1", message))

    def _show_summary(self, report: ImportReport) -> None:
        self.stat_labels["new"].setText(f"{report.signups_new:,}")
        self.stat_labels["present"].setText(f"{report.signups_present:,}")
        self.stat_labels["contacts_new"].setText(f"{report.contacts_new:,}")
        self.stat_labels["contacts_updated"].setText(f"{report.contacts_updated:,}")
        merged = sum(1 for o in report.files if o.accepted)
        self.summary_title.setText(
            count_text(
                merged,
                self.tr("Merged 1 file into the master store"),
                self.tr("Merged %1 files into the master store"),
            )
        )
        left_out = [
            (event, count_text(count, self.tr("1 sign-up"), self.tr("%1 sign-ups")))
            for event, count in sorted(report.left_out.items())
        ]
        self._show_problems(
            self.left_out_label,
            self.tr("Left out as chosen (in neither the master store nor the CRM file):"),
            left_out,
        )
        rejected = [(e.path.name, e.detail) for e in self.entries if e.status == REJECTED]
        self._show_problems(
            self.rejected_label,
            count_text(
                len(rejected),
                self.tr("1 file rejected; nothing from it was merged:"),
                self.tr("%1 files rejected; nothing from them was merged:"),
            ),
            rejected,
        )
        conflicting = [
            (o.path.name, count_text(o.conflicts, self.tr("1 sign-up"), self.tr("%1 sign-ups")))
            for o in report.conflicting
        ]
        self._show_problems(
            self.conflicts_label,
            count_text(
                report.signups_conflicting,
                self.tr(
                    "1 sign-up has the id of one already imported, with other values; "
                    "the first import was kept:"
                ),
                self.tr(
                    "%1 sign-ups have the ids of ones already imported, with other values; "
                    "the first imports were kept:"
                ),
            ),
            conflicting,
        )
        self.summary_panel.setVisible(True)

    def _show_receipts(self, receipts: ReceiptsWritten) -> None:
        lines = []
        if receipts.paths:
            if self.receipt_dir is None:
                where = self.tr("beside their export files")
            else:
                where = self.tr("in %1").replace("%1", str(self.receipt_dir))
            lines.append(
                count_text(
                    len(receipts.paths),
                    self.tr("Wrote 1 receipt for the kiosks, %2."),
                    self.tr("Wrote %1 receipts for the kiosks, %2."),
                ).replace("%2", where)
                + " "
                + self.tr(
                    "Take them back to each kiosk: its Export page applies them and erases "
                    "the personal data the office now holds."
                )
            )
        lines.extend(receipts.warnings)
        self.receipts_label.setText("\n".join(lines))
        self.receipts_label.setProperty("warning", bool(receipts.warnings))
        repolish(self.receipts_label)
        self.receipts_label.setVisible(bool(lines))

    @staticmethod
    def _show_problems(label: QLabel, heading: str, items: list[tuple[str, str]]) -> None:
        """List ``(file name, reason)`` under ``heading`` in ``label``; hide it when empty."""
        lines = [heading, *(f"• {name}: {reason}" for name, reason in items)]
        label.setText("\n".join(lines) if items else "")
        label.setVisible(bool(items))
