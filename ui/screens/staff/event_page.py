"""The staff panel's "Event" page: start recording sign-ups under a new event and place."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.errors import KioskError
from kiosk.service import KioskService
from ui.screens.staff.controls import add_event_fields, finish_card, show_message
from ui.screens.staff.page import CardPage, Place
from ui.widgets.buttons import kiosk_button


class EventPage(CardPage):
    """An event name and place, and a button that makes it the current event."""

    event_started = Signal()
    """Sign-ups now go to a new event: the counts and the header are out of date."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(
            service,
            "StaffEventPage",
            parent,
            Place.NARROW_LEADING,
            title=self.tr("Start a new event"),
            intro=self.tr(
                "Sign-ups from now on are recorded under this event. "
                "Earlier sign-ups keep the event they were made at."
            ),
        )
        card, layout = self.card, self.column
        self._event_name, self._event_place = add_event_fields(layout, card)
        self._start_event = kiosk_button(self.tr("Start event"), "primary", name="StartEventButton")
        self._start_event.clicked.connect(self._on_start_event)
        self._event_name.returnPressed.connect(self._on_start_event)
        self._event_place.returnPressed.connect(self._on_start_event)
        self._event_message = finish_card(layout, "EventMessage", self._start_event)
        self.setTabOrder(self._event_name, self._event_place)
        self.setTabOrder(self._event_place, self._start_event)

    def clear_inputs(self) -> None:
        """Forget the typed name and place and the last message."""
        self._event_name.clear()
        self._event_place.clear()
        show_message(self._event_message, "")

    def _on_start_event(self) -> None:
        name, place = self._event_name.text(), self._event_place.text()
        try:
            event = self._service.start_event(name, place)
        except KioskError as error:
            show_message(self._event_message, str(error), "error")
            self._event_name.setFocus()
            return
        where = f"{event.name}, {event.location}" if event.location else event.name
        show_message(
            self._event_message, self.tr("Sign-ups now go to {0}.").format(where), "success"
        )
        self._event_name.clear()
        self._event_place.clear()
        self.event_started.emit()
