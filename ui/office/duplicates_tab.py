"""The duplicates tab: people who may have signed up twice, and staff's decision on each.

The list is ``kiosk.duplicates``' possible duplicates (same folded name, and
the same phone or ZIP, or emails one or two edits apart). Choosing one shows
the two people side by side; **Merge into one contact** or **Not the same
person** records the decision, and the pair is not offered again. The
decisions are listed below, each with **Undo**. Every search and decision
runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from kiosk.clock import Clock, utc_now
from kiosk.duplicates import (
    Decision,
    DecisionRecord,
    PossibleDuplicate,
    decision_history,
    mark_not_same,
    merge_contacts,
    possible_duplicates,
    undo_decision,
)
from kiosk.errors import KioskError
from kiosk.master import ContactRow
from kiosk.people import MERGED
from ui.office.controls import OfficeTab, desk_button, desk_table, named_label, titled_panel
from ui.office.master_link import MasterLink
from ui.office.tasks import Task, TaskPool
from ui.office.wording import count_text
from ui.widgets import metrics
from ui.widgets.layouts import vbox
from ui.widgets.text import plain_label, plain_tooltip

SHOWN_LIMIT = 200
T = TypeVar("T")


class _PairDecision(Protocol):
    """A decision on two contacts: ``merge_contacts`` or ``mark_not_same``."""

    def __call__(
        self, engine: Engine, first: int, second: int, *, now: datetime | None = None
    ) -> Decision: ...


@dataclass(frozen=True)
class _Looked:
    """What one look at the master store found."""

    pairs: list[PossibleDuplicate]
    total: int
    history: list[DecisionRecord]


class PersonCard(QFrame):
    """One side of a possible duplicate: name, every email, phone, ZIP, sign-ups."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personCard")
        self.setAccessibleName(title)
        layout = vbox(
            self, margins=metrics.OFFICE_PANEL_MARGINS, spacing=metrics.OFFICE_CARD_SPACING
        )
        self.name_label = self._line("personName", layout)
        self.emails_label = self._line("personEmails", layout)
        self.details_label = self._line("personDetails", layout)
        self.signups_label = self._line("personSignups", layout)
        layout.addStretch(1)

    @staticmethod
    def _line(name: str, layout: QVBoxLayout) -> QLabel:
        label = plain_label()
        label.setObjectName(name)
        label.setWordWrap(True)
        layout.addWidget(label)
        return label

    def show_person(self, person: ContactRow | None) -> None:
        """Show ``person`` (every text as plain text), or nothing."""
        if person is None:
            for label in (self.name_label, self.emails_label, self.details_label):
                label.setText("")
            self.signups_label.setText("")
            return
        self.name_label.setText(f"{person.first_name} {person.last_name}".strip())
        self.emails_label.setText("\n".join(person.emails))
        phone = person.phone or self.tr("no phone")
        postal = person.postal_code or self.tr("no ZIP")
        self.details_label.setText(f"{phone} · {postal}")
        signups = count_text(person.touchpoints, self.tr("1 sign-up"), self.tr("%1 sign-ups"))
        self.signups_label.setText(
            f"{signups}: {'; '.join(person.event_names)}\n"
            + self.tr("Latest sign-up %1 UTC").replace("%1", _when(person.last_seen_at))
        )


class DuplicatesTab(OfficeTab):
    """The list of possible duplicates, the pair chosen, its two buttons, and the decisions."""

    looked = Signal()  # a search finished (its result is shown)
    decided = Signal(object)  # the Decision just recorded or undone
    master_changed = Signal()  # a decision changed who is one person

    def __init__(
        self,
        master: MasterLink,
        tasks: TaskPool,
        parent: QWidget | None = None,
        *,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__(parent)
        self._master = master.engine
        self._clock = clock  # when decisions are recorded
        self._tasks = tasks
        self._busy = False
        self.stale = True  # look again when shown
        self.pairs: list[PossibleDuplicate] = []
        self.history: list[DecisionRecord] = []

        self.setObjectName("duplicatesPage")
        layout = vbox(self, margins=metrics.OFFICE_TAB_MARGINS, spacing=metrics.OFFICE_SPACING)
        layout.addLayout(self._build_header())
        self.pairs_table = self._build_pairs_table()
        layout.addWidget(self.pairs_table, 3)
        layout.addLayout(self._build_compare_row())
        layout.addWidget(self._build_history(), 2)
        self._show_choice()

    # Layout -------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        hint = named_label(
            self.tr(
                "Contacts with the same name and the same phone or ZIP, or emails one or two "
                "letters apart. Merge the ones who are one person: the CRM file then holds "
                "them once, with both emails. Neither choice is asked again, and both can be "
                "undone."
            ),
            "dropHint",
            wrap=True,
        )
        header.addWidget(hint, 1)
        self.count_label = named_label(
            "", "countLabel", accessible_name=self.tr("Possible duplicates found")
        )
        header.addWidget(self.count_label)
        self.look_button = desk_button(
            self.tr("Look again"),
            "secondary",
            self.look,
            description=self.tr("Look for possible duplicates again"),
        )
        header.addWidget(self.look_button)
        return header

    def _build_pairs_table(self) -> QTableWidget:
        table = desk_table(
            "duplicatesTable",
            self.tr("Possible duplicates"),
            [self.tr("Name"), self.tr("One contact"), self.tr("The other"), self.tr("Why")],
            stretch=2,
            rows_in_sight=3,
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(0, metrics.OFFICE_NAME_COLUMN_WIDTH)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the emails share the room
        table.itemSelectionChanged.connect(self._show_choice)
        return table

    def _build_compare_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(metrics.OFFICE_SPACING)
        self.first_card = PersonCard(self.tr("One contact"))
        self.second_card = PersonCard(self.tr("The other contact"))
        row.addWidget(self.first_card, 1)
        row.addWidget(self.second_card, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(metrics.OFFICE_SPACING)
        self.merge_button = desk_button(
            self.tr("Merge into one contact"), "primary", self.merge_chosen, name="mergePairButton"
        )
        self.distinct_button = desk_button(
            self.tr("Not the same person"),
            "secondary",
            self.mark_chosen_not_same,
            name="notSameButton",
        )
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.distinct_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        return row

    def _build_history(self) -> QFrame:
        panel, title = titled_panel("historyPanel", self.tr("Decisions"))
        layout = vbox(panel, margins=metrics.OFFICE_PANEL_MARGINS)
        title_row = QHBoxLayout()
        title_row.addWidget(title, 1)
        self.undo_button = desk_button(
            self.tr("Undo"),
            "secondary",
            self.undo_chosen,
            description=self.tr("Undo the chosen decision"),
            name="undoDecisionButton",
        )
        title_row.addWidget(self.undo_button)
        layout.addLayout(title_row)
        self.history_table = desk_table(
            "decisionsTable",
            self.tr("Decisions made"),
            [self.tr("When (UTC)"), self.tr("Decision"), self.tr("Contacts")],
            stretch=2,
            rows_in_sight=2,
        )
        self.history_table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.history_table)
        return panel

    # Looking ------------------------------------------------------------------

    def look_if_stale(self) -> None:
        """Look again if the master store changed since the last look."""
        if self.stale:
            self.look()

    def look(self) -> None:
        """Find the possible duplicates and the decisions in the background, then list them."""
        if self._busy:
            return
        try:
            engine = self._master()
        except KioskError as exc:  # a store that cannot be opened is shown, not raised
            self.error_shown.emit(str(exc))
            return

        def look() -> _Looked:
            pairs, total = possible_duplicates(engine, SHOWN_LIMIT)
            return _Looked(pairs, total, decision_history(engine))

        self._start(self.tr("Looking for possible duplicates…"), look, self._on_looked)

    def _on_looked(self, looked: _Looked) -> None:
        self.stale = False
        self.pairs, self.history = looked.pairs, looked.history
        self._fill_pairs(looked.total)
        self._fill_history()
        self.status_changed.emit(self.count_label.text())
        self.looked.emit()

    def _fill_pairs(self, total: int) -> None:
        chosen = max(self.pairs_table.currentRow(), 0)
        self.pairs_table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            cells = [
                f"{pair.first.first_name} {pair.first.last_name}".strip(),
                " · ".join(pair.first.emails),
                " · ".join(pair.second.emails),
                ", ".join(pair.candidate.reasons),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(plain_tooltip(value))
                self.pairs_table.setItem(row, column, item)
        text = count_text(total, self.tr("1 possible duplicate"), self.tr("%1 possible duplicates"))
        if total > len(self.pairs):
            text += " " + self.tr("(the first %1 shown)").replace("%1", str(len(self.pairs)))
        self.count_label.setText(text if total else self.tr("No possible duplicates"))
        if self.pairs:
            self.pairs_table.selectRow(min(chosen, len(self.pairs) - 1))
        self._show_choice()

    def _fill_history(self) -> None:
        self.history_table.setRowCount(len(self.history))
        for row, record in enumerate(self.history):
            decision = record.decision
            what = self.tr("Merged") if decision.decision == MERGED else self.tr("Not the same")
            if decision.undone_at is not None:
                what += " " + self.tr("(undone %1)").replace("%1", _when(decision.undone_at))
            names = " + ".join(_contact_text(c) for c in (record.first, record.second))
            for column, value in enumerate((_when(decision.decided_at), what, names)):
                item = QTableWidgetItem(value)
                item.setToolTip(plain_tooltip(value))
                self.history_table.setItem(row, column, item)
        self._update_buttons()

    def chosen(self) -> PossibleDuplicate | None:
        """The possible duplicate chosen in the list, if any."""
        row = self.pairs_table.currentRow()
        selected = self.pairs_table.selectionModel().hasSelection()
        return self.pairs[row] if selected and 0 <= row < len(self.pairs) else None

    def _show_choice(self) -> None:
        pair = self.chosen()
        self.first_card.show_person(pair.first if pair else None)
        self.second_card.show_person(pair.second if pair else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        can_decide = self.chosen() is not None and not self._busy
        self.merge_button.setEnabled(can_decide)
        self.distinct_button.setEnabled(can_decide)
        self.undo_button.setEnabled(self._chosen_decision() is not None and not self._busy)
        self.look_button.setEnabled(not self._busy)

    def _chosen_decision(self) -> DecisionRecord | None:
        row = self.history_table.currentRow()
        if not self.history_table.selectionModel().hasSelection():
            return None
        if 0 <= row < len(self.history) and self.history[row].decision.undone_at is None:
            return self.history[row]
        return None

    # Deciding -----------------------------------------------------------------

    def merge_chosen(self) -> None:
        """Merge the chosen pair into one contact (in the background)."""
        self._decide_chosen_pair(self.tr("Merging…"), merge_contacts)

    def mark_chosen_not_same(self) -> None:
        """Record that the chosen pair are two people (in the background)."""
        self._decide_chosen_pair(self.tr("Recording…"), mark_not_same)

    def undo_chosen(self) -> None:
        """Undo the decision chosen in the list of decisions (in the background)."""
        record = self._chosen_decision()
        if record is not None:
            decision_id = record.decision.id
            self._decide(
                self.tr("Undoing…"), lambda e: undo_decision(e, decision_id, now=self._clock())
            )

    def _decide_chosen_pair(self, doing: str, decide: _PairDecision) -> None:
        pair = self.chosen()
        if pair is not None:
            first, second = pair.candidate.first, pair.candidate.second
            # The buttons are off while it runs: the keyboard goes back to the list, where
            # the next pair is chosen, rather than on to whatever follows them (Decisions).
            self.pairs_table.setFocus()
            self._decide(doing, lambda e: decide(e, first, second, now=self._clock()))

    def _decide(self, doing: str, act: Callable[[Engine], Decision]) -> None:
        engine = self._master()
        self._start(doing, lambda: act(engine), self._on_decided)

    def _on_decided(self, decision: Decision) -> None:
        self.stale = True
        self.decided.emit(decision)
        self.master_changed.emit()
        self.look()

    def _start(self, doing: str, work: Callable[[], T], done: Callable[[T], None]) -> None:
        self._busy = True
        self._update_buttons()
        self.status_changed.emit(doing)
        task = Task(lambda _task: work(), self)

        def succeeded(result: T) -> None:
            self._done()  # first: what ``done`` starts (a look after a decision) may run
            done(result)

        task.succeeded.connect(succeeded)
        task.failed.connect(self._on_failed)
        self._tasks.start(task)

    def _done(self) -> None:
        self._busy = False
        self._update_buttons()

    def _on_failed(self, message: str) -> None:
        self._done()
        self.stale = True
        self.error_shown.emit(message)


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


def _contact_text(contact: ContactRow | None) -> str:
    if contact is None:
        return "—"
    return f"{contact.first_name} {contact.last_name}".strip() + f" <{contact.email}>"
