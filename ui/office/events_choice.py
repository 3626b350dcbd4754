"""The import tab's choice of events: untick one (a booth's "Setup test") to leave it out.

Lists every event the checked files hold, each ticked; the merge leaves out
every sign-up under an unticked one (``kiosk.left_out``), so it never reaches
the master store or the CRM file. A choice stays as made while files are
added or cleared.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QListView, QListWidget, QListWidgetItem, QWidget

from ui.office.controls import named_label
from ui.widgets import metrics
from ui.widgets.layouts import vbox


class EventsChoice(QFrame):
    """Every event in the ready files, ticked to import, unticked to leave out."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsPanel")
        self.setAccessibleName(self.tr("Events to import"))
        self._left_out: set[str] = set()
        layout = vbox(self, margins=metrics.OFFICE_PANEL_MARGINS)
        title = named_label(
            self.tr(
                "Events in these files. Untick one to leave its sign-ups out of the master "
                "store and the CRM file, such as a volunteer's test under \u201cSetup test\u201d."
            ),
            "dropHint",
            wrap=True,
        )
        layout.addWidget(title)
        self.list = QListWidget()
        self.list.setObjectName("eventsList")
        self.list.setAccessibleName(self.tr("Events: ticked ones are imported"))
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setSpacing(metrics.OFFICE_CARD_SPACING)
        self.list.setFixedHeight(metrics.OFFICE_EVENTS_LIST_HEIGHT)
        self.list.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.list)
        self.setVisible(False)

    def set_events(self, names: Iterable[str]) -> None:
        """List these events (ticked unless left out before), in name order."""
        shown = sorted(set(names), key=str.casefold)
        if shown == [self.list.item(row).text() for row in range(self.list.count())]:
            return
        self.list.blockSignals(True)
        self.list.clear()
        for name in shown:
            item = QListWidgetItem(name)  # shown as plain text: names come from the stick
            room_x, height = metrics.OFFICE_EVENT_ITEM_ROOM
            width = self.list.fontMetrics().horizontalAdvance(name) + room_x
            item.setSizeHint(QSize(width, height))  # the whole name beside its styled box
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            left_out = name in self._left_out
            item.setCheckState(Qt.CheckState.Unchecked if left_out else Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.setVisible(bool(shown))

    def set_included(self, name: str, included: bool) -> None:
        """Tick (import) or untick (leave out) the event called ``name``."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.text() == name:
                state = Qt.CheckState.Checked if included else Qt.CheckState.Unchecked
                item.setCheckState(state)

    def left_out(self) -> list[str]:
        """The listed events that are unticked."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [item.text() for item in items if item.checkState() != Qt.CheckState.Checked]

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked:
            self._left_out.discard(item.text())
        else:
            self._left_out.add(item.text())
        self.changed.emit()
