"""Join the WLF: the sign-up form, checked by the core, saved durably before "Thank you".

Nothing typed is ever lost to a mistake: bad fields get a message right under
them and keep their values; a failed write (disk full, database locked) shows
a calm note and the same values can be sent again. Leaving the screen any way
(thank you, back, idle) clears every field, message and undo history.

Every word is in the attendee's language, the core's messages too (looked up
under ``kiosk.validation.MESSAGES_CONTEXT``). The email, phone and ZIP read
left to right in every language; a name reads in the direction it is typed in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import SubmitFailed
from kiosk.service import KioskService
from kiosk.signup import SignupForm, SignupRecord, WlfChoice
from kiosk.validation import (
    MAX_EMAIL_LENGTH,
    MAX_NAME_LENGTH,
    MAX_PHONE_LENGTH,
    MAX_POSTAL_LENGTH,
    MESSAGES_CONTEXT,
    FieldError,
    ValidationFailed,
    with_number,
)
from ui.screens.base import Route, Screen, centered_column, nth
from ui.widgets import metrics
from ui.widgets.announce import announce
from ui.widgets.buttons import kiosk_button
from ui.widgets.choice_row import ChoiceRow
from ui.widgets.direction import follow_text_direction, keep_left_to_right, mirror_style
from ui.widgets.form_field import FormField
from ui.widgets.header import ScreenHeader
from ui.widgets.keyboard import OnScreenKeyboard, letter_layout_for, wants_on_screen_keyboard
from ui.widgets.layouts import hbox, vbox
from ui.widgets.scroll import TouchScrollArea
from ui.widgets.text import isolated, repolish, set_role, text_label

_CHECK = "check"
"""The note above Sign up: some answers need a look."""
_UNSAVED = "unsaved"
"""The note above Sign up: the sign-up could not be saved."""


def field_message(error: FieldError) -> str:
    """The core's message about a field, in the attendee's language."""
    return with_number(QCoreApplication.translate(MESSAGES_CONTEXT, error.text), error.number)


class JoinScreen(Screen):
    """The WLF invitation beside the sign-up form."""

    submitted = Signal(object)  # the stored SignupRecord

    def __init__(
        self,
        service: KioskService,
        parent: QWidget | None = None,
        *,
        show_keyboard: bool | None = None,
    ) -> None:
        super().__init__(service, parent)
        self.setObjectName("joinScreen")
        outer = vbox(self, spacing=metrics.NO_SPACING)
        self.header = ScreenHeader(parent=self)
        self.texts.bind(self.header.set_title, lambda: self.tr("Sign up"))
        self.header.back_clicked.connect(lambda: self.navigate.emit(Route.BACK))
        self.display_button = self.header.display_button
        self.display_button.clicked.connect(self.display_requested)
        self.texts.bind(self.setAccessibleName, lambda: self.tr("Sign up"))
        outer.addWidget(self.header)

        main = hbox(spacing=metrics.NO_SPACING)
        outer.addLayout(main, 1)
        # The invitation scrolls on its own if a content file words it at length. When the
        # screen is too narrow for it beside the form (larger text), it sits above the form.
        self.invitation_scroll = TouchScrollArea(self)
        self.invitation_scroll.setObjectName("invitePanelScroll")
        mirror_style(self.invitation_scroll)
        self.invitation_panel = self._invitation_panel()
        self.invitation_scroll.setWidget(self.invitation_panel)
        self.invitation_scroll.setMinimumWidth(metrics.FORM_INVITATION_MIN_WIDTH)
        self.invitation_scroll.setMaximumWidth(metrics.FORM_INVITATION_MAX_WIDTH)
        main.addWidget(self.invitation_scroll, 2)

        self.scroll_area = TouchScrollArea(self)
        main.addWidget(self.scroll_area, 5)
        body = self.scroll_area.body_layout
        body.setContentsMargins(*metrics.FORM_PAGE_MARGINS)
        body.setSpacing(metrics.NO_SPACING)
        # No alignment flag here: an aligned item loses height-for-width, and the
        # wrapped messages inside the card would be clipped.
        self.form_card = QFrame(self.scroll_area.body)
        self.form_card.setObjectName("formCard")
        column = centered_column(body, metrics.FORM_WIDTH)
        self.inline_invitation = self._invitation_panel()
        self.inline_invitation.setProperty("inline", True)
        self.inline_invitation.hide()
        column.addWidget(self.inline_invitation)
        column.addWidget(self.form_card)
        body.addStretch(1)
        self._suggestion: str | None = None
        # The address the attendee was already asked about, so a second tap on
        # Sign up keeps an unusual but real domain as typed.
        self._email_checked: str | None = None
        # What the messages say, kept to word them again in another language: each
        # field's error, the email's "please check" note, the note above Sign up.
        self._errors: dict[str, FieldError] = {}
        self._email_note = False
        self._note: str | None = None
        self._build_form(self.form_card)

        self.keyboard: OnScreenKeyboard | None = None
        if wants_on_screen_keyboard(service.keyboard_mode, show_keyboard):
            self._add_keyboard(outer)
        self.reset()

    # Building ----------------------------------------------------------------------

    def _invitation_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("invitePanel")
        layout = vbox(
            panel, margins=metrics.FORM_INVITATION_MARGINS, spacing=metrics.FORM_INVITATION_SPACING
        )
        members = self.live_label(lambda: self.content.wlf.members_only, "eyebrow", panel)
        members.setObjectName("inviteEyebrow")
        layout.addWidget(members)
        heading = self.live_label(lambda: self.content.wlf.heading, "h2", panel)
        heading.setObjectName("inviteHeading")
        layout.addWidget(heading)
        for index in range(len(self.content.wlf.paragraphs)):
            paragraph = nth(lambda: self.content.wlf.paragraphs, index)
            label = self.live_label(paragraph, "body", panel)
            label.setObjectName("inviteText")
            layout.addWidget(label)
        free = self.live_label(lambda: self.content.wlf.membership_free, "h3", panel)
        free.setObjectName("inviteFree")
        layout.addWidget(free)
        layout.addStretch(1)
        disclaimer = self.live_label(lambda: self.content.disclaimer, "small", panel)
        disclaimer.setObjectName("inviteDisclaimer")
        layout.addWidget(disclaimer)
        return panel

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        beside = self.width() >= metrics.FORM_INVITATION_MIN_WIDTH + metrics.FORM_MIN_WIDTH
        self.invitation_scroll.setHidden(not beside)
        self.inline_invitation.setHidden(beside)

    def _build_form(self, card: QFrame) -> None:
        """The form card: about you, the WLF answer, staying in touch, then Sign up."""
        form = vbox(card, margins=metrics.FORM_CARD_MARGINS, spacing=metrics.FORM_SPACING)
        self._add_about_you(form, card)
        form.addSpacing(metrics.SECTION_GAP_SMALL)
        self._add_answer(form, card)
        form.addSpacing(metrics.SECTION_GAP_SMALL)
        self._add_staying_in_touch(form, card)
        form.addSpacing(metrics.SECTION_GAP)
        self._add_submit(form, card)
        self._connect_enter_keys()
        self._set_tab_order()

    def _field(
        self, label: Callable[[], str], max_length: int, card: QFrame, *, required: bool = True
    ) -> FormField:
        """A text field as long as the core allows, ``label()`` in the attendee's language."""
        field = FormField("", max_length=max_length, required=required, parent=card)
        self.texts.bind(field.set_label, label)
        return field

    def _add_about_you(self, form: QVBoxLayout, card: QFrame) -> None:
        """Names, email (and its suggestion), phone and postal code, as long as the core allows."""
        form.addWidget(self.live_label(lambda: self.tr("About you"), "h2", card))
        self.first_name = self._field(lambda: self.tr("First name"), MAX_NAME_LENGTH, card)
        self.last_name = self._field(lambda: self.tr("Last name"), MAX_NAME_LENGTH, card)
        for name in (self.first_name, self.last_name):
            follow_text_direction(name.edit)
        form.addLayout(_side_by_side(self.first_name, self.last_name))
        self._add_email(form, card)
        self.phone = self._field(
            lambda: self.tr("Phone (optional)"), MAX_PHONE_LENGTH, card, required=False
        )
        self.phone.edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.postal_code = self._field(
            lambda: self.tr("ZIP code (optional)"), MAX_POSTAL_LENGTH, card, required=False
        )
        # The words on screen first (WCAG 2.5.3, label in name), then what else it takes.
        self.texts.bind(
            self.postal_code.edit.setAccessibleName,
            lambda: self.tr("ZIP code (optional), or postal code"),
        )
        self.postal_code.edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        for number in (self.phone, self.postal_code):
            keep_left_to_right(number.edit)
        form.addLayout(_side_by_side(self.phone, self.postal_code))

    def _add_email(self, form: QVBoxLayout, card: QFrame) -> None:
        """The email field and, under it, the "Did you mean" button (hidden until needed)."""
        self.email = self._field(lambda: self.tr("Email"), MAX_EMAIL_LENGTH, card)
        self.texts.bind(self.email.edit.setPlaceholderText, lambda: self.tr("name@example.org"))
        self.email.edit.setInputMethodHints(
            Qt.InputMethodHint.ImhEmailCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        keep_left_to_right(self.email.edit)
        form.addWidget(self.email)
        self.suggestion_button = kiosk_button("", "secondary", name="emailSuggestion", parent=card)
        self.suggestion_button.clicked.connect(self.apply_suggestion)
        self.suggestion_button.hide()
        form.addWidget(self.suggestion_button, 0, Qt.AlignmentFlag.AlignLeading)
        self.email.edit.editingFinished.connect(
            lambda: self._set_suggestion(self._suggestion_for(self.email.text()))
        )
        self.email.edit.textEdited.connect(lambda _text: self._set_suggestion(None))

    def _add_answer(self, form: QVBoxLayout, card: QFrame) -> None:
        """One radio row per answer to the WLF invitation, in the content's order."""
        form.addWidget(self.live_label(lambda: self.tr("Your answer"), "h2", card))
        self.choice_group = QButtonGroup(self)
        self.choice_group.setExclusive(True)
        self.choice_rows: dict[WlfChoice, ChoiceRow] = {}
        for option in self.content.wlf.options:
            row = ChoiceRow("", radio=True, parent=card)
            self.texts.bind(row.set_text, self._option_label(option.choice))
            self.choice_group.addButton(row.button)
            self.choice_rows[option.choice] = row
            form.addWidget(row)

    def _option_label(self, choice: WlfChoice) -> Callable[[], str]:
        """Read the label of the WLF answer ``choice`` in the attendee's language."""
        return lambda: next(o.label for o in self.content.wlf.options if o.choice == choice)

    def _add_staying_in_touch(self, form: QVBoxLayout, card: QFrame) -> None:
        """The email group, the consent (with its message line) and the pledge, word for word."""
        form.addWidget(self.live_label(lambda: self.tr("Staying in touch"), "h2", card))
        self.email_group = ChoiceRow("", parent=card)
        self.texts.bind(self.email_group.set_text, lambda: self.content.consent.email_group)
        form.addWidget(self.email_group)
        self.consent = ChoiceRow("", parent=card)
        self.texts.bind(self.consent.set_text, lambda: self.content.consent.text)
        self.consent.setProperty("which", "consent")
        self.consent.button.setAccessibleDescription(self.tr("Required"))
        form.addWidget(self.consent)
        self.consent_error: QLabel = text_label("", "error", card)
        self.consent_error.setObjectName("fieldError")
        mirror_style(self.consent_error)
        self.consent_error.hide()
        form.addWidget(self.consent_error)
        self.pledge = ChoiceRow("", parent=card)
        self.texts.bind(
            self.pledge.set_text,
            lambda: self.tr("Add my name to the pledge: %1").replace("%1", self._pledge_text()),
        )
        self.pledge.setProperty("which", "pledge")
        form.addWidget(self.pledge)

    def _pledge_text(self) -> str:
        return next(a.text for a in self.content.calls_to_action if a.pledge)

    def _add_submit(self, form: QVBoxLayout, card: QFrame) -> None:
        """The note above Sign up (hidden until there is one), then Sign up itself."""
        self.status_label: QLabel = text_label("", "body", card)
        self.status_label.setObjectName("formStatus")
        self.status_label.hide()
        form.addWidget(self.status_label)
        self.submit_button = self.live_button(
            lambda: self.tr("Sign up"),
            "primary",
            height=metrics.TOUCH_TARGET_LARGE,
            name="submitButton",
            parent=card,
        )
        self.submit_button.clicked.connect(self.submit)
        form.addWidget(self.submit_button)

    def _connect_enter_keys(self) -> None:
        """Enter in a text field moves on to the next one, and from the last to the answers."""
        for field in (self.first_name, self.last_name, self.email, self.phone):
            field.edit.returnPressed.connect(self.focusNextChild)
        self.postal_code.edit.returnPressed.connect(
            lambda: self.choice_rows[self.selected_choice()].button.setFocus()
        )

    def _set_tab_order(self) -> None:
        """Tab goes through the form as it reads, from Back to Sign up."""
        order: list[QWidget] = [
            self.header.back_button,
            self.display_button,
            self.first_name.edit,
            self.last_name.edit,
            self.email.edit,
            self.suggestion_button,
            self.phone.edit,
            self.postal_code.edit,
            *(row.button for row in self.choice_rows.values()),
            self.email_group.button,
            self.consent.button,
            self.pledge.button,
            self.submit_button,
        ]
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _add_keyboard(self, outer: QVBoxLayout) -> None:
        # The keyboard follows focus itself: the attendee's letters for the names,
        # the email layout for the email, Latin keys for the phone and ZIP.
        keyboard = OnScreenKeyboard(self)
        keyboard.set_letter_layout(letter_layout_for(self.service.language))
        outer.addWidget(keyboard)
        self.keyboard = keyboard

    # Reading and clearing ------------------------------------------------------------

    def fields(self) -> dict[str, FormField]:
        """The text fields by their ``SignupForm`` names."""
        return {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "phone": self.phone,
            "postal_code": self.postal_code,
        }

    def selected_choice(self) -> WlfChoice:
        """The WLF answer chosen now."""
        for choice, row in self.choice_rows.items():
            if row.isChecked():
                return choice
        return next(iter(self.choice_rows))

    def form_values(self) -> SignupForm:
        """The form exactly as typed and ticked."""
        return SignupForm(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            postal_code=self.postal_code.text(),
            wlf_choice=self.selected_choice(),
            email_group_opt_in=self.email_group.isChecked(),
            advocacy_pledge=self.pledge.isChecked(),
            contact_consent=self.consent.isChecked(),
            locale=self.content.language,
        )

    def prepare(self, *, pledge: bool = False) -> None:
        """Start a fresh form; ``pledge`` ticks the advocacy pledge (from Take action)."""
        self.reset()
        self.pledge.setChecked(pledge)

    def reset(self) -> None:
        """Clear every field, tick and message: the next attendee sees a blank form."""
        for field in self.fields().values():
            field.clear()
        first = next(iter(self.choice_rows.values()))
        first.setChecked(True)
        for row in (self.email_group, self.consent, self.pledge):
            row.setChecked(False)
        self.clear_messages()
        self._email_checked = None
        self.scroll_area.scroll_to_top()

    def clear_messages(self) -> None:
        """Hide every validation message, the suggestion and the save note."""
        self._errors = {}
        self._email_note = False
        self._note = None
        self._suggestion = None
        self._show_messages()

    # Behaviour -----------------------------------------------------------------------

    def submit(self) -> None:
        """Check and save the sign-up; on success emit ``submitted`` with the stored record."""
        self.clear_messages()
        form = self.form_values()
        fix = self.service.suggest_email(form.email)
        if fix is not None and form.email.strip() != self._email_checked:
            self._email_checked = form.email.strip()
            self._ask_about_email(form, fix)
            return
        try:
            record: SignupRecord = self.service.submit(form)
        except ValidationFailed as failed:
            self.show_errors(failed)
            return
        except SubmitFailed:
            self._note = _UNSAVED
            self._show_messages()
            announce(self.status_label, self.status_label.text(), assertive=True)
            self.scroll_area.ensureWidgetVisible(self.submit_button)
            return
        self.submitted.emit(record)

    def show_errors(self, failed: ValidationFailed) -> None:
        """Put each message under its field and take the attendee to the first one."""
        self._errors = {error.field: error for error in failed.errors}
        self._suggestion = self._suggestion_for(self.email.text())
        self._note = _CHECK
        self._show_messages()
        self._announce_mistakes()
        self._announce_suggestion()
        wrong: list[QWidget] = [f.edit for name, f in self.fields().items() if name in self._errors]
        if "contact_consent" in self._errors:
            wrong.append(self.consent.button)
        if wrong:
            wrong[0].setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(
                wrong[0], metrics.SCROLL_FOCUS_MARGIN, metrics.SCROLL_ERROR_MARGIN
            )

    def _ask_about_email(self, form: SignupForm, fix: str) -> None:
        try:
            self.service.validate(form)
        except ValidationFailed as failed:
            self.show_errors(failed)
        self._email_note = True
        self._suggestion = fix
        self._note = _CHECK
        self._show_messages()
        self._announce_mistakes()
        self._announce_suggestion()
        self.scroll_area.ensureWidgetVisible(
            self.email, metrics.SCROLL_FOCUS_MARGIN, metrics.SCROLL_ERROR_MARGIN
        )

    def _announce_mistakes(self) -> None:
        """Say the note above Sign up and each field's message, as the eye reads them."""
        rows = [self.status_label.text()]
        for field in self.fields().values():
            if field.error():
                rows.append(f"{field.label.text()}: {field.error()}")
        if self.consent_error.isVisibleTo(self):
            rows.append(self.consent_error.text())
        announce(self.status_label, "\n".join(rows), assertive=True)

    def status(self) -> str | None:
        """The note above Sign up (a save problem, or "check the answers"), if shown."""
        return self.status_label.text() if self.status_label.isVisibleTo(self) else None

    def suggestion(self) -> str | None:
        """The corrected email offered now, if any."""
        return self._suggestion

    def apply_suggestion(self) -> None:
        """Fill in the suggested email and clear that field's message."""
        if self._suggestion is None:
            return
        self.email.edit.setText(self._suggestion)
        self._errors.pop("email", None)
        self._email_note = False
        self._suggestion = None
        self._show_messages()
        self.email.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _suggestion_for(self, text: str) -> str | None:
        return self.service.suggest_email(text) if text.strip() else None

    def _set_suggestion(self, fix: str | None) -> None:
        """Offer ``fix`` for the email (None: no suggestion); a new one is announced."""
        new = fix is not None and fix != self._suggestion
        self._suggestion = fix
        self._show_suggestion()
        if new:
            self._announce_suggestion()

    # The messages, in the attendee's language ------------------------------------------

    def _show_messages(self) -> None:
        """Show the messages the last check left, worded in the attendee's language now."""
        for name, field in self.fields().items():
            field.set_error(self._message_for(name))
        if self._email_note and not self.email.error():
            self.email.set_error(
                self.tr("Please check your email. Tap the suggestion, or Sign up to keep it.")
            )
        consent = self._message_for("contact_consent")
        self.consent_error.setText(consent or "")
        self.consent_error.setVisible(consent is not None)
        self.consent.set_invalid(consent is not None)
        self.consent.button.setAccessibleDescription(consent or self.tr("Required"))
        self._show_note()
        self._show_suggestion()

    def _message_for(self, field: str) -> str | None:
        error = self._errors.get(field)
        return field_message(error) if error is not None else None

    def _show_note(self) -> None:
        """The note above Sign up: check the answers, or the sign-up could not be saved."""
        if self._note is None:
            self.status_label.hide()
            self.status_label.setText("")
            return
        if self._note == _UNSAVED:
            text, tone = (
                self.tr(
                    "We couldn't save your sign-up just now. Your answers are still here: "
                    "please tap Sign up again in a moment, or ask a volunteer for help."
                ),
                "warning",
            )
        else:
            text, tone = self.tr("Please check the answers marked in red."), "error"
        self.status_label.setText(text)
        set_role(self.status_label, "body")
        self.status_label.setProperty("tone", tone)
        repolish(self.status_label)
        self.status_label.show()

    def _show_suggestion(self) -> None:
        fix = self._suggestion
        if fix is None:
            self.suggestion_button.hide()
            self.suggestion_button.setText("")
            self.suggestion_button.setAccessibleName(self.tr("Email suggestion"))
            return
        question = self.tr("Did you mean %1?")
        # The address is set apart from the words around it, so a right-to-left sentence
        # does not reorder it; screen readers get it without those invisible marks.
        self.suggestion_button.setText(question.replace("%1", isolated(fix)))
        self.suggestion_button.setAccessibleName(question.replace("%1", fix))
        self.suggestion_button.show()

    def _announce_suggestion(self) -> None:
        """Say the "Did you mean" suggestion, if one shows (when it appears, not when reworded)."""
        if self._suggestion is not None:
            announce(self.suggestion_button, self.suggestion_button.accessibleName())

    def retranslate(self) -> None:
        super().retranslate()
        self._show_messages()
        if self.keyboard is not None:
            self.keyboard.set_letter_layout(letter_layout_for(self.service.language))

    def on_enter(self) -> None:
        self.first_name.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_leave(self) -> None:
        self.reset()

    def take_over_from(self, old: Screen) -> None:
        """Keep what the attendee typed and ticked (not the messages) in the new form."""
        if not isinstance(old, JoinScreen):
            self.on_enter()
            return
        for name, field in self.fields().items():
            field.edit.setText(old.fields()[name].text())
        self.choice_rows[old.selected_choice()].setChecked(True)
        for mine, theirs in (
            (self.email_group, old.email_group),
            (self.consent, old.consent),
            (self.pledge, old.pledge),
        ):
            mine.setChecked(theirs.isChecked())
        self._email_checked = old._email_checked


def _side_by_side(left: QWidget, right: QWidget) -> QHBoxLayout:
    """Two fields in one row, sharing its width equally."""
    row = QHBoxLayout()
    row.setSpacing(metrics.FORM_ROW_SPACING)
    row.addWidget(left, 1)
    row.addWidget(right, 1)
    return row
