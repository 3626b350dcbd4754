"""The Export page's second card: the office's receipts on the drives, and the export history.

A receipt comes back on the USB stick after the office imported an export;
**Apply receipts** hands every one found to the service (in the page's
worker thread: erasing ends with a vacuum), which confirms the exports it
vouches for and erases their personal data once the retention period ends.
The history lists every export with "confirmed by the office on …".
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kiosk.erasure import ReceiptsApplied
from kiosk.errors import KioskError
from kiosk.service import KioskService
from kiosk.store import ExportInfo
from ui.screens.staff.controls import make_message, make_read_only, show_message
from ui.screens.staff.export_task import start_job
from ui.screens.staff.page import CardPage
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.text import text_label

log = logging.getLogger(__name__)


class ReceiptSignals(QObject):
    """Carries the worker's answer back to the GUI thread."""

    finished = Signal(object)  # ReceiptsApplied
    failed = Signal(str)


class ApplyReceiptsJob(QRunnable):
    """Runs ``service.apply_receipts`` off the GUI thread."""

    def __init__(self, service: KioskService, paths: Sequence[Path]) -> None:
        super().__init__()
        self.signals = ReceiptSignals()
        self._service = service
        self._paths = list(paths)

    def run(self) -> None:
        """Apply the receipts and erase what is due; report back either way."""
        try:
            applied = self._service.apply_receipts(self._paths)
        except KioskError as error:
            self.signals.failed.emit(str(error))
        except Exception:  # a bug must not leave the panel spinning forever
            log.exception("applying receipts from the staff panel failed")
            self.signals.failed.emit("")
        else:
            self.signals.finished.emit(applied)


class _HistoryTable(QTableWidget):
    """A one-column table whose wrapped entries follow its width."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        # The column's width changes with the table's and with its scroll bar's coming and going.
        self.horizontalHeader().sectionResized.connect(self._fit_rows)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-measure the rows once the column has its new width."""
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        # Later, not now: Qt sets the stretched column's width after these events.
        QTimer.singleShot(0, self, self.resizeRowsToContents)


class ReceiptsCard(CardPage):
    """Receipts found on the drives with **Apply receipts**, then every export and its status."""

    busy_changed = Signal(bool)
    applied = Signal()
    """Receipts were applied: counts and the history may have changed."""

    def __init__(
        self, service: KioskService, pool: QThreadPool, parent: QWidget | None = None
    ) -> None:
        super().__init__(service, "StaffReceipts", parent, title=self.tr("Back from the office"))
        self._pool = pool
        self._found: list[Path] = []
        self._busy = False
        self._signals: ReceiptSignals | None = None

        card, layout = self.card, self.column
        self._found_label = text_label("", "muted", card, squeezable=True)
        self._found_label.setObjectName("ReceiptsFound")
        layout.addWidget(self._found_label)
        self._apply_button = kiosk_button(
            self.tr("Apply receipts"), "primary", name="ApplyReceiptsButton", clicked=self.apply
        )
        layout.addWidget(self._apply_button, 0, Qt.AlignmentFlag.AlignLeading)
        self._message = make_message("ReceiptMessage", card)
        # A receipt's file name is one long word; it must wrap, not widen the card off screen.
        self._message.setMinimumWidth(1)
        self._message.setVisible(False)  # shown with an outcome: the page must fit 1280 x 800
        layout.addWidget(self._message)
        layout.addWidget(
            text_label(self.tr("Exports from this kiosk"), "h3", card, squeezable=True)
        )
        # One column of three-line entries: a file name does not fit half a card.
        self._history = _HistoryTable(0, 1, card)
        self._history.setObjectName("ExportHistory")
        self._history.setAccessibleName(self.tr("Exports from this kiosk, and the office's word"))
        self._history.horizontalHeader().setVisible(False)
        self._history.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        make_read_only(self._history)
        self._history.setMinimumHeight(metrics.EXPORT_HISTORY_HEIGHT)
        self._no_history = text_label(
            self.tr("Nothing exported yet."), "muted", card, squeezable=True
        )
        layout.addWidget(self._history, 1)
        layout.addWidget(self._no_history)
        self._show_found()

    # State ---

    def is_busy(self) -> bool:
        """Return whether receipts are being applied."""
        return self._busy

    def found(self) -> list[Path]:
        """Return the receipt files found on the drives at the last look."""
        return list(self._found)

    def clear_inputs(self) -> None:
        """Forget the last outcome message (unless receipts are being applied)."""
        if not self._busy:
            self._say("")

    def set_enabled_for_export(self, enabled: bool) -> None:
        """Keep Apply off while an export runs (one worker, one change at a time)."""
        self._apply_button.setEnabled(enabled and bool(self._found) and not self._busy)

    # Finding and applying ---

    def look_in(self, folders: Sequence[Path]) -> None:
        """Look for receipts in ``folders`` (the drives, and a folder staff chose)."""
        if self._busy:
            return
        self._found = self._service.find_receipts(list(folders))
        self._show_found()

    def _show_found(self) -> None:
        count = len(self._found)
        # Counts only: a receipt's long file name would widen the card past the screen.
        if not count:
            text = self.tr(
                "No receipt from the office on the drives. When the office imports an "
                "export, it writes a receipt onto the USB stick: plug that stick in here."
            )
        elif count == 1:
            text = self.tr("Found 1 receipt from the office on the drives.")
        else:
            text = self.tr("Found {0} receipts from the office on the drives.").format(count)
        if count:
            text += " " + self.tr(
                "Applying erases the names, emails and phone numbers the office has confirmed; "
                "the counts stay."
            )
        self._found_label.setText(text)
        self._apply_button.setEnabled(bool(count) and not self._busy)

    def apply(self) -> None:
        """Apply every receipt found, in the worker thread; the message says what happened."""
        if self._busy or not self._found:
            return
        self._set_busy(True)
        self._say(self.tr("Applying receipts\u2026"))
        job = ApplyReceiptsJob(self._service, self._found)
        self._signals = start_job(self._pool, job, job.signals, self._on_applied, self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._apply_button.setEnabled(not busy and bool(self._found))
        self.busy_changed.emit(busy)

    def _on_applied(self, applied: ReceiptsApplied) -> None:
        self._set_busy(False)
        self._signals = None
        if not applied.refused:
            tone = "success"
        elif len(applied.refused) == len(applied.outcomes):
            tone = "error"
        else:
            tone = "info"
        self._say(self._describe(applied), tone)
        self.applied.emit()

    def _describe(self, applied: ReceiptsApplied) -> str:
        """Say in a few lines what the receipts did: confirmed, erased, kept, refused."""
        accepted = [o for o in applied.outcomes if o.accepted]
        batches = sum(o.batches_confirmed for o in accepted)
        signups = sum(o.signups_confirmed for o in accepted)
        lines = []
        if batches:
            lines.append(
                self.tr("The office confirmed {0} export(s), {1} sign-ups.").format(
                    batches, signups
                )
            )
        elif accepted:
            lines.append(self.tr("These receipts were applied before; nothing changed."))
        if applied.erased:
            lines.append(
                self.tr(
                    "Erased the names, emails, phones and postal codes of {0} sign-ups. "
                    "The counts stay."
                ).format(applied.erased)
            )
        if applied.waiting:
            lines.append(
                self.tr("{0} confirmed sign-ups are kept {1} days, then erased.").format(
                    applied.waiting, applied.keep_days
                )
            )
        for outcome in applied.refused:
            lines.append(
                self.tr("Not applied: {0}: {1}.").format(outcome.path.name, outcome.message)
            )
        # File names are long single words: let them wrap after each underscore.
        return "\n".join(lines).replace("_", "_\u200b")

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self._signals = None
        reason = message or self.tr("Something went wrong while applying the receipts.")
        self._say(
            self.tr("The receipts were not applied. {0} Nothing was erased.").format(reason),
            "error",
        )

    def _say(self, text: str, tone: str = "info") -> None:
        show_message(self._message, text, tone)
        self._message.setVisible(bool(text))

    # History ---

    def show_history(self, batches: Sequence[ExportInfo]) -> None:
        """Show every export batch (newest first): file, rows, date, and the office's receipt."""
        self._history.setRowCount(len(batches))
        for row, batch in enumerate(batches):
            lines = [
                batch.file_name,
                self.tr("{0} sign-ups, exported {1}").format(
                    batch.rows, self._when(batch.created_at)
                ),
            ]
            if batch.confirmed_at is not None:
                lines.append(
                    self.tr("Confirmed by the office on {0}").format(self._day(batch.confirmed_at))
                )
            else:
                lines.append(self.tr("Waiting for the office\u2019s receipt"))
            if batch.erased_at is not None:
                lines.append(
                    self.tr("Personal data erased on {0}").format(self._day(batch.erased_at))
                )
            text = "\n".join(lines)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self._history.setItem(row, 0, item)
        self._history.resizeRowsToContents()
        self._history.setVisible(bool(batches))
        self._no_history.setVisible(not batches)

    def _when(self, moment: datetime) -> str:
        return f"{self._service.local_time(moment):%Y-%m-%d %H:%M}"

    def _day(self, moment: datetime) -> str:
        return f"{self._service.local_time(moment):%Y-%m-%d}"
