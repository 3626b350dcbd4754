"""First start: choose the staff PIN (twice), name today's event, then the kiosk opens.

A new kiosk shows this screen instead of attract until it is done, so the first
passer-by can never claim it (there is no factory PIN). Nothing is stored until
the last step: the event, then the PIN; a kiosk switched off half way through
starts setup again. The chosen PIN lives only in this screen's memory between
the steps and is forgotten on leaving.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from kiosk.errors import KioskError
from kiosk.pin import MAX_PIN_LENGTH, MIN_PIN_LENGTH, PinRejected, check_new_pin
from kiosk.service import KioskService
from ui.screens.base import Screen
from ui.screens.staff.controls import add_event_fields, make_message, show_message
from ui.screens.staff.prompt_card import PromptCard, centred
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.layouts import vbox
from ui.widgets.pin_pad import PinPad


class SetupScreen(Screen):
    """Three steps: choose a PIN, enter it again, name the event; ``finished`` once all is saved."""

    finished = Signal()
    """The PIN and the event are stored: the kiosk is set up."""

    CHOOSE, CONFIRM, EVENT = "choose", "confirm", "event"

    def __init__(
        self,
        service: KioskService,
        parent: QWidget | None = None,
        *,
        show_keyboard: bool | None = None,
    ) -> None:
        super().__init__(service, parent)
        self.setObjectName("SetupScreen")
        # In English in every language for now, so laid out left to right in every one.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._step = self.CHOOSE
        self._chosen_pin: str | None = None  # between "confirm" and the end of "event"

        from ui.widgets.keyboard import wants_on_screen_keyboard

        show_keyboard = wants_on_screen_keyboard(service.keyboard_mode, show_keyboard)
        self._steps = QStackedWidget(self)
        self._steps.setObjectName("SetupSteps")
        self._steps.addWidget(self._build_pin_step())
        self._event_step = self._build_event_step(show_keyboard)
        self._steps.addWidget(self._event_step)

        layout = vbox(self, spacing=metrics.NO_SPACING)
        layout.addWidget(self._steps, 1)
        self._show_step(self.CHOOSE)

    def _build_pin_step(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("SetupPinStep")
        self.pad = PinPad()
        self.pad.submitted.connect(self._on_pin)
        self._pin_card = PromptCard("", self.pad, page)
        self._choose_again = kiosk_button(
            self.tr("Choose another PIN"), "secondary", name="SetupChooseAgainButton"
        )
        self._choose_again.clicked.connect(self.reset)
        self._pin_card.end_with(self._choose_again)
        centred(self._pin_card, page)
        return page

    def _build_event_step(self, show_keyboard: bool) -> QWidget:
        step = QWidget(self)
        step.setObjectName("SetupEventStep")
        column_with_keyboard = vbox(step, spacing=metrics.NO_SPACING)
        # It scrolls, should a small screen with the keyboard docked under it be too short.
        scroll = QScrollArea(step)
        scroll.setObjectName("SetupEventScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column_with_keyboard.addWidget(scroll, 1)
        # The keyboard belongs to this step only (the PIN steps have their pad).
        self.keyboard: QWidget | None = None
        if show_keyboard:
            from ui.widgets.keyboard import OnScreenKeyboard

            self.keyboard = OnScreenKeyboard(step)
            column_with_keyboard.addWidget(self.keyboard)

        form = QWidget()
        form.setObjectName("SetupEventForm")
        form.setFixedWidth(metrics.SETUP_FORM_WIDTH)
        column = vbox(form, spacing=metrics.SETUP_FORM_SPACING)
        self.event_name, self.event_place = add_event_fields(column, form, "Setup")
        self.event_name.returnPressed.connect(
            lambda: self.event_place.setFocus(Qt.FocusReason.TabFocusReason)
        )
        self.event_place.returnPressed.connect(self._finish)
        self._event_message = make_message("SetupEventMessage", form)
        column.addWidget(self._event_message)
        self.start_button = kiosk_button(
            self.tr("Start the kiosk"), "primary", name="SetupStartButton", clicked=self._finish
        )
        column.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeading)

        page = QWidget()
        page.setObjectName("SetupEventPage")
        self._event_card = PromptCard("", form, page)
        self._event_card.set_words(
            self.tr("Name today's event"),
            self.tr(
                "Sign-ups are recorded under this event. You can start another event "
                "later, in the staff panel."
            ),
        )
        self._back = kiosk_button(
            self.tr("Back"),
            "secondary",
            name="SetupBackButton",
            description=self.tr("Choose the PIN again"),
            clicked=self.reset,
        )
        self._event_card.end_with(self._back)
        # A tight margin: the card fits above the on-screen keyboard at 800 px.
        centred(self._event_card, page, margin=metrics.CENTRED_MARGIN_TIGHT)
        scroll.setWidget(page)
        self._event_scroll, self._event_page = scroll, page
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._keep_focus_in_view)
        for before, after in (
            (self.event_name, self.event_place),
            (self.event_place, self.start_button),
            (self.start_button, self._back),
        ):
            QWidget.setTabOrder(before, after)
        return step

    def _keep_focus_in_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Above the docked keyboard, the field (or button) being typed into must stay in sight.
        if new is not None and self._event_page.isAncestorOf(new):
            self._event_scroll.ensureWidgetVisible(
                new, metrics.SCROLL_KEYBOARD_MARGIN, metrics.SCROLL_KEYBOARD_MARGIN
            )

    # The router's hooks ---

    def on_enter(self) -> None:
        """Start at the first step, with the pad ready for a USB keyboard too."""
        self.reset()

    def on_leave(self) -> None:
        """Forget the PIN and everything typed."""
        self._chosen_pin = None
        self.pad.clear()
        self.event_name.clear()
        self.event_place.clear()
        show_message(self._event_message, "")

    # Steps ---

    def step(self) -> str:
        """Return "choose", "confirm" or "event"."""
        return self._step

    def reset(self) -> None:
        """Go back to the first step, forgetting the PIN and everything typed."""
        self.on_leave()
        self._show_step(self.CHOOSE)

    def _show_step(self, step: str) -> None:
        self._step = step
        number = {self.CHOOSE: 1, self.CONFIRM: 2, self.EVENT: 3}[step]
        eyebrow = self.tr("Setting up this kiosk: step {0} of 3").format(number)
        if step == self.EVENT:
            self._event_card.eyebrow.setText(eyebrow)
            self._steps.setCurrentWidget(self._event_step)
            self.event_name.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._pin_card.eyebrow.setText(eyebrow)
        if step == self.CHOOSE:
            self._pin_card.set_words(
                self.tr("Choose a staff PIN"),
                self.tr(
                    "This kiosk is new. Choose {0} to {1} digits that the volunteers at this "
                    "booth will use to open the staff panel. Attendees see nothing until "
                    "setup is done."
                ).format(MIN_PIN_LENGTH, MAX_PIN_LENGTH),
            )
        else:
            self._pin_card.set_words(
                self.tr("Enter the same PIN again"),
                self.tr("Type the new PIN once more, to be sure it is right."),
            )
        self._choose_again.setVisible(step == self.CONFIRM)
        self._steps.setCurrentIndex(0)
        self.pad.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_pin(self, pin: str) -> None:
        if self._step == self.CHOOSE:
            try:
                check_new_pin(pin)
            except PinRejected as rejected:
                self.pad.set_message(str(rejected), error=True)
                return
            self._chosen_pin = pin
            self._show_step(self.CONFIRM)
            self.pad.set_message("", error=False)
        elif self._step == self.CONFIRM:
            if pin != self._chosen_pin:
                self.reset()
                self.pad.set_message(self.tr("The two PINs were different. Choose again."), True)
                return
            self.pad.clear()
            self._show_step(self.EVENT)

    def _finish(self) -> None:
        pin = self._chosen_pin
        if self._step != self.EVENT or pin is None:
            return
        try:
            # The event first: a name the store refuses leaves nothing half set up.
            self.service.start_event(self.event_name.text(), self.event_place.text())
            self.service.set_pin(pin)
        except KioskError as error:
            show_message(self._event_message, str(error), "error")
            self.event_name.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._chosen_pin = None
        self.finished.emit()
