"""The staff panel's "Export" page: pick a USB drive or folder, export, and say how it went.

The export runs in a worker thread (``ExportJob``) and is verified by reading
the file back; while it runs, a busy bar shows and the controls that could
interfere (including the panel's Lock and Exit buttons) are disabled. Beside
it, the receipts card (``receipts_card``) finds the office's receipts on the
same drives, applies them in the same worker, and lists every export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QWidget,
)

from kiosk.crypto import short_key
from kiosk.errors import KioskError
from kiosk.export import ExportResult
from kiosk.service import KioskService
from kiosk.store import ExportInfo
from ui.screens.staff.controls import (
    RowCheckBox,
    RowRadioButton,
    make_card,
    make_message,
    show_message,
)
from ui.screens.staff.export_destinations import (
    ExportDestination,
    export_destinations,
    mounted_volumes,
    removable_folders,
    system_root,
)
from ui.screens.staff.export_task import ExportJob, ExportSignals, start_job
from ui.screens.staff.page import StaffPart
from ui.screens.staff.receipts_card import ReceiptsCard
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.layouts import clear_layout, hbox, vbox
from ui.widgets.text import text_label


class ExportPage(StaffPart):
    """The destinations on offer, "include earlier sign-ups", Export now, and the outcome."""

    busy_changed = Signal(bool)
    """An export started (True) or ended (False)."""
    export_ended = Signal()
    """An export ended, well or not: the counts are out of date."""
    receipts_applied = Signal()
    """Office receipts were applied: the history (and what is kept) changed."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, "StaffExportPage", parent)
        self._destinations: list[ExportDestination] = []
        self._chosen_folder: Path | None = None
        self._busy = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job_signals: ExportSignals | None = None

        outer = hbox(self, spacing=metrics.STAFF_PAGE_SPACING)
        card, layout = make_card(self, self.tr("Export sign-ups"))
        self._export_intro = text_label("", "muted", squeezable=True)
        self._export_intro.setObjectName("ExportIntro")
        layout.addWidget(self._export_intro)
        self._encryption = text_label(self._encryption_text(), "muted", squeezable=True)
        self._encryption.setObjectName("ExportEncryption")
        layout.addWidget(self._encryption)
        layout.addWidget(text_label(self.tr("Save to"), "h3", squeezable=True))

        self._destination_box = QWidget(card)
        self._destination_box.setObjectName("ExportDestinations")
        self._destination_layout = vbox(
            self._destination_box, spacing=metrics.EXPORT_DESTINATION_SPACING
        )
        self._destination_group = QButtonGroup(self)
        self._destination_group.setExclusive(True)
        layout.addWidget(self._destination_box)

        actions = QHBoxLayout()
        actions.setSpacing(metrics.STAFF_BUTTON_SPACING)
        self._rescan = kiosk_button(
            self.tr("Look for drives again"), "secondary", name="RescanDrivesButton"
        )
        self._rescan.clicked.connect(self.refresh_destinations)
        self._choose_folder = kiosk_button(
            self.tr("Choose another folder\u2026"), "secondary", name="ChooseFolderButton"
        )
        self._choose_folder.setAccessibleName(self.tr("Choose another folder"))
        self._choose_folder.clicked.connect(self._on_choose_folder)
        actions.addWidget(self._rescan)
        actions.addWidget(self._choose_folder)
        actions.addStretch(1)
        layout.addLayout(actions)

        self._include_all = RowCheckBox(self.tr("Also include sign-ups exported before"), card)
        self._include_all.setObjectName("ExportIncludeAll")
        self._include_all.setAccessibleName(self._include_all.text())
        self._include_all.setMinimumHeight(metrics.TOUCH_TARGET)
        layout.addWidget(self._include_all)

        self._export_button = kiosk_button(self.tr("Export now"), "primary", name="ExportButton")
        self._export_button.clicked.connect(self.start_export)
        layout.addWidget(self._export_button, 0, Qt.AlignmentFlag.AlignLeading)
        self._progress = QProgressBar(card)
        self._progress.setObjectName("ExportProgress")
        self._progress.setAccessibleName(self.tr("Export in progress"))
        self._progress.setRange(0, 0)  # busy: the export reports no steps
        self._progress.setTextVisible(False)
        self._progress.setFixedHeight(metrics.EXPORT_PROGRESS_HEIGHT)
        self._progress.setVisible(False)
        layout.addWidget(self._progress)
        self._export_message = make_message("ExportMessage", card)
        layout.addWidget(self._export_message)
        layout.addStretch(1)
        outer.addWidget(card, 3)
        self._receipts = ReceiptsCard(service, self._pool, self)
        self._receipts.busy_changed.connect(self._on_receipts_busy)
        self._receipts.applied.connect(self.receipts_applied)
        outer.addWidget(self._receipts, 2)

    @property
    def receipts(self) -> ReceiptsCard:
        """The card with the office's receipts and the export history."""
        return self._receipts

    # State ---

    def is_busy(self) -> bool:
        """Return whether an export runs or receipts are being applied."""
        return self._busy or self._receipts.is_busy()

    def wait_for_export(self, timeout_ms: int = 30_000) -> bool:
        """Block until a running export ends (for shutdown); True if none is left running."""
        return bool(self._pool.waitForDone(timeout_ms))

    def clear_inputs(self) -> None:
        """Forget the outcome message (unless an export runs), the tick and a chosen folder."""
        if not self._busy:
            show_message(self._export_message, "")
        self._receipts.clear_inputs()
        self._include_all.setChecked(False)
        self._chosen_folder = None

    def refresh_intro(self, pending: int | None = None) -> None:
        """Say how many sign-ups wait to be exported (asking the service if not given)."""
        if pending is None:
            try:
                pending = self._service.pending_count()
            except KioskError:
                return
        if pending:
            text = self.tr("{0} sign-ups are waiting to be exported.").format(pending)
        else:
            text = self.tr("Every sign-up has been exported already.")
        self._export_intro.setText(text)

    def _encryption_text(self) -> str:
        # The key was checked when the config was read; say which one, so staff
        # can compare it with the office's before the event.
        key = self._service.config.export_public_key
        if key is None:
            return self.tr(
                "Exports are not encrypted: anyone who finds the drive can read the names on it."
            )
        return self.tr(
            "Exports are encrypted for the office key {0}: only the office can read them."
        ).format(short_key(key))

    # Destinations ---

    def destinations(self) -> list[ExportDestination]:
        """Return the folders offered now (removable drives first, a chosen folder last)."""
        return list(self._destinations)

    def refresh_destinations(self) -> None:
        """Look at the mounted volumes again (a stick may have been plugged in)."""
        if self.is_busy():
            return
        previous = self.selected_destination()
        volumes = mounted_volumes()
        found = export_destinations(volumes, system_root())
        # Receipts are only read: a locked (read-only) stick brings them back too.
        receipt_folders = removable_folders(volumes, system_root())
        if self._chosen_folder is not None:
            found.append(ExportDestination(self._chosen_folder, self._chosen_folder.name, False))
            receipt_folders.append(self._chosen_folder)
        self._receipts.look_in(receipt_folders)
        self._destinations = found
        self._clear_destination_options()
        self._show_destination_options(found, previous)

    def _clear_destination_options(self) -> None:
        for button in self._destination_group.buttons():
            self._destination_group.removeButton(button)
        clear_layout(self._destination_layout)

    def _show_destination_options(
        self, found: list[ExportDestination], previous: Path | None
    ) -> None:
        """One option per destination, the one chosen before (or the first) selected."""
        if not found:
            note = text_label(
                self.tr("No USB drive found. Plug one in and look again, or choose a folder."),
                "muted",
                self._destination_box,
                squeezable=True,
            )
            note.setObjectName("NoDrivesNote")
            self._destination_layout.addWidget(note)
        locale = QLocale()
        for index, destination in enumerate(found):
            text = self._destination_text(destination, locale)
            option = RowRadioButton(text, self._destination_box)
            option.setObjectName("ExportDestinationOption")
            option.setProperty("removable", destination.removable)
            option.setAccessibleName(text)
            option.setMinimumHeight(metrics.TOUCH_TARGET)
            self._destination_group.addButton(option, index)
            self._destination_layout.addWidget(option)
        if found:
            keep = next((i for i, d in enumerate(found) if d.path == previous), None)
            if self._chosen_folder is not None and previous is None:
                keep = len(found) - 1
            button = self._destination_group.button(keep if keep is not None else 0)
            if button is not None:
                button.setChecked(True)

    def _destination_text(self, destination: ExportDestination, locale: QLocale) -> str:
        path = str(destination.path)
        if destination.bytes_available is not None and destination.bytes_available >= 0:
            free = locale.formattedDataSize(destination.bytes_available)
            if destination.removable:
                return self.tr("USB drive {0} ({1}), {2} free").format(destination.name, path, free)
            return self.tr("{0} ({1}), {2} free").format(destination.name, path, free)
        return self.tr("Folder {0}").format(path)

    def selected_destination(self) -> Path | None:
        """Return the folder the export will be written to, or None."""
        index = self._destination_group.checkedId()
        if 0 <= index < len(self._destinations):
            return self._destinations[index].path
        return None

    def choose_folder(self, folder: Path) -> None:
        """Offer ``folder`` as a destination and select it."""
        self._chosen_folder = folder
        self.refresh_destinations()
        index = next(i for i, d in enumerate(self._destinations) if d.path == folder)
        button = self._destination_group.button(index)
        if button is not None:
            button.setChecked(True)

    def _on_choose_folder(self) -> None:
        # Qt's own dialog, a child of the kiosk window: a native one can open
        # behind a full-screen, stay-on-top window and leave staff stuck.
        chosen = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose a folder for the export"),
            str(Path.home()),
            QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog,
        )
        if chosen:
            self.choose_folder(Path(chosen))

    # Exporting ---

    def start_export(self) -> None:
        """Export to the chosen folder in a worker thread, with a busy bar until it ends."""
        if self.is_busy():
            return
        folder = self.selected_destination()
        if folder is None:
            show_message(
                self._export_message, self.tr("Choose where to save the export first."), "error"
            )
            return
        if not folder.is_dir():
            show_message(
                self._export_message,
                self.tr("That drive or folder is not there any more. Look for drives again."),
                "error",
            )
            return
        self._set_busy(True)
        show_message(self._export_message, self.tr("Exporting\u2026 keep the drive plugged in."))
        job = ExportJob(self._service, folder, self._include_all.isChecked())
        self._job_signals = start_job(
            self._pool, job, job.signals, self._on_export_finished, self._on_export_failed
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._progress.setVisible(busy)
        for widget in (
            self._export_button,
            self._rescan,
            self._choose_folder,
            self._include_all,
            self._destination_box,
        ):
            widget.setEnabled(not busy)
        self._receipts.set_enabled_for_export(not busy)
        self.busy_changed.emit(busy)

    def _on_receipts_busy(self, busy: bool) -> None:
        for widget in (self._export_button, self._rescan, self._choose_folder):
            widget.setEnabled(not busy)
        self.busy_changed.emit(busy)

    def show_history(self, batches: list[ExportInfo]) -> None:
        """Show every export batch and whether the office has confirmed it."""
        self._receipts.show_history(batches)

    def _on_export_finished(self, result: ExportResult | None, verified: bool) -> None:
        self._set_busy(False)
        self._job_signals = None
        if result is None:
            show_message(self._export_message, self.tr("Nothing new to export."), "info")
        elif verified:
            text = self.tr(
                "Saved {0} sign-ups to {1} in {2}.\nChecked on the drive: SHA-256 {3}"
            ).format(result.rows, result.csv_path.name, result.csv_path.parent, result.sha256)
            if result.stale_files_removed:
                text += "\n" + self.tr(
                    "Also removed {0} unfinished file(s) an interrupted export had left on it."
                ).format(result.stale_files_removed)
            show_message(self._export_message, text, "success")
        else:
            text = self.tr(
                "Saved {0} sign-ups to {1}, but reading the file back did not match its "
                "manifest. Tick \u201cAlso include sign-ups exported before\u201d and export "
                "again, to another drive if you can."
            ).format(result.rows, result.csv_path.name)
            show_message(self._export_message, text, "error")
        self.export_ended.emit()

    def _on_export_failed(self, message: str, drive_failed: bool) -> None:
        self._set_busy(False)
        self._job_signals = None
        if drive_failed:
            reason = self.tr("The drive could not be written: it may be full, locked or removed.")
        else:
            reason = message or self.tr("Something went wrong while exporting.")
        text = self.tr("The export did not finish. {0} The sign-ups are still safe on this kiosk.")
        show_message(self._export_message, text.format(reason), "error")
        self.export_ended.emit()
