"""An on-screen keyboard that lives inside the kiosk window, for touch-only devices.

It types into whatever text field has focus, the way a physical keyboard
would: each key sends a real ``QKeyEvent`` to ``QApplication.focusWidget()``,
so validators, length limits and the fields' ``textEdited`` signals all work
as usual. Tapping a key never moves focus, whatever the widgets around the
keyboard do with a click (see ``_follow_focus``), so the cursor stays where it
was.

Names can be typed in Latin letters, Spanish (accents, ñ, ¿ ¡), Hebrew (the
Israeli SI-1452 arrangement) and Arabic (the Arabic 101 arrangement, Shift for
hamza forms and marks): keys on the bottom row switch between them, and the
keyboard keeps the attendee's choice for every name field. A field whose text
is always Latin gets the Latin keys whatever was chosen, judged by its input
hints: an email field the email layout (``@``, ``.com`` and the common mail
domains one tap away), a phone, ZIP or PIN field the Latin letters and digits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QHideEvent, QInputDevice, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from ui.widgets import metrics
from ui.widgets.layouts import clear_layout, hbox, vbox
from ui.widgets.styled import StyledWidget

LETTER_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
SPANISH_ROW = ("á", "é", "í", "ó", "ú", "ü", "¿", "¡")
"""The extra row of the Spanish layout (ñ sits after l, where Spanish keyboards have it)."""
HEBREW_ROWS = (
    ("/", "'", "ק", "ר", "א", "ט", "ו", "ן", "ם", "פ"),
    ("ש", "ד", "ג", "כ", "ע", "י", "ח", "ל", "ך", "ף", ","),
    ("ז", "ס", "ב", "ה", "נ", "מ", "צ", "ת", "ץ", "."),
)
"""The Israeli standard layout (SI-1452), key for key where QWERTY has q-p, a-' and z-/."""
ARABIC_ROWS = (
    (
        ("ض", "\u064e"),
        ("ص", "\u064b"),
        ("ث", "\u064f"),
        ("ق", "\u064c"),
        ("ف", "لإ"),
        ("غ", "إ"),
        ("ع", "\u2018"),
        ("ه", "÷"),
        ("خ", "×"),
        ("ح", "؛"),
        ("ج", "<"),
        ("د", ">"),
    ),
    (
        ("ش", "\u0650"),
        ("س", "\u064d"),
        ("ي", "]"),
        ("ب", "["),
        ("ل", "لأ"),
        ("ا", "أ"),
        ("ت", "\u0640"),
        ("ن", "،"),
        ("م", "/"),
        ("ك", ":"),
        ("ط", '"'),
    ),
    (
        ("ئ", "~"),
        ("ء", "\u0652"),
        ("ؤ", "}"),
        ("ر", "{"),
        ("لا", "لآ"),
        ("ى", "آ"),
        ("ة", "\u2019"),
        ("و", ","),
        ("ز", "."),
        ("ظ", "؟"),
    ),
)
"""Arabic (101), key for key, as (key, with Shift): Shift gives the hamza forms and the marks."""
ARABIC_THAL = ("ذ", "\u0651")  # left of 1 on an Arabic 101 keyboard; Shift: shadda
EMAIL_DOMAIN_ENDINGS = (".com", ".org", ".net", ".edu")
EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com")

LETTER_LAYOUTS = ("text", "spanish", "hebrew", "arabic")
"""The layouts for names: "text" is the Latin one."""
SWITCH_LABELS = {"text": "ABC", "spanish": "ÁÉÑ", "hebrew": "אבג", "arabic": "أبت"}
"""What each letter layout's key on the bottom row shows."""
_LAYOUT_FOR_LANGUAGE = {"es": "spanish", "he": "hebrew", "ar": "arabic"}

# Widgets the keyboard types into; anything else (a button, a checkbox) is left alone,
# because a Space sent to a focused button would press it.
_TEXT_INPUTS = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit)
# Input hints of fields whose text is Latin in every language (phone, ZIP, PIN, address).
_LATIN_ONLY_HINTS = (
    Qt.InputMethodHint.ImhDigitsOnly
    | Qt.InputMethodHint.ImhFormattedNumbersOnly
    | Qt.InputMethodHint.ImhDialableCharactersOnly
    | Qt.InputMethodHint.ImhPreferNumbers
    | Qt.InputMethodHint.ImhLatinOnly
    | Qt.InputMethodHint.ImhUrlCharactersOnly
    | Qt.InputMethodHint.ImhHiddenText
    | Qt.InputMethodHint.ImhSensitiveData
)


@dataclass(frozen=True)
class _KeySpec:
    """One key: what it shows, what a screen reader calls it, what it does, how wide it is."""

    label: str
    name: str
    action: Callable[[], None]
    kind: str = "char"
    stretch: int = 2
    shifted: str = ""  # a letter key's text with Shift ("" for keys Shift leaves alone)


def has_touch_screen() -> bool:
    """Whether a touch screen is attached (then the on-screen keyboard is shown by default)."""
    return any(
        device.type() == QInputDevice.DeviceType.TouchScreen for device in QInputDevice.devices()
    )


def wants_on_screen_keyboard(mode: str, chosen: bool | None = None) -> bool:
    """Whether a screen shows the on-screen keyboard.

    ``chosen`` when given (tests and screenshots choose); else the config's
    ``keyboard`` setting ``mode`` decides: "on", "off", or "auto" (on with a touch screen).
    """
    if chosen is not None:
        return chosen
    return mode == "on" or (mode == "auto" and has_touch_screen())


def letter_layout_for(language: str) -> str:
    """The letter layout names start in for an attendee reading ``language`` (a content code)."""
    return _LAYOUT_FOR_LANGUAGE.get(language.split("-")[0], "text")


def field_layout(widget: QWidget | None) -> str | None:
    """The layout a text field needs: "email", "latin" (phone, ZIP, PIN...) or "letters".

    None for a widget that takes no typed text.
    """
    if not isinstance(widget, _TEXT_INPUTS):
        return None
    if isinstance(widget, QAbstractSpinBox) or isinstance(widget.parent(), QAbstractSpinBox):
        return "latin"
    hints = widget.inputMethodHints()
    if hints & Qt.InputMethodHint.ImhEmailCharactersOnly:
        return "email"
    if hints & _LATIN_ONLY_HINTS:
        return "latin"
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return "latin"
    return "letters"


def focused_text_input() -> QWidget | None:
    """Return the application's focused widget if it takes typed text, else None."""
    widget = QApplication.focusWidget()
    if isinstance(widget, QLineEdit) and widget.isReadOnly():
        return None
    if isinstance(widget, _TEXT_INPUTS):
        return widget
    return None


class OnScreenKeyboard(StyledWidget):
    """Letters (Latin, Spanish, Hebrew, Arabic) with Shift, digits, Space, Backspace and Next;
    an email layout too."""

    key_pressed = Signal(str)
    """Emitted after each key with what it typed, or "backspace", "shift", "next", "layout"."""

    LAYOUTS = (*LETTER_LAYOUTS, "email")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("OnScreenKeyboard", parent)
        self.setAccessibleName(self.tr("On-screen keyboard"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Keys keep the places they have on a physical keyboard in right-to-left
        # languages too (the Hebrew and Arabic layouts are arranged by those places).
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._layout_name = "text"
        self._letter_layout = "text"  # what name fields get: the attendee's choice
        self._switchable = True  # whether the letter-layout keys are shown
        self._shift = False
        self._letter_keys: list[tuple[QPushButton, _KeySpec]] = []
        self._keys: list[QPushButton] = []  # every key shown, row by row
        self._shift_key: QPushButton | None = None
        self._char_names: dict[str, str] = {}
        self._rows = vbox(self, margins=metrics.KEYBOARD_MARGINS, spacing=metrics.KEYBOARD_SPACING)
        self._build()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)
        self._follow_focus(None, QApplication.focusWidget())

    # Public API --------------------------------------------------------------------

    def set_layout(self, name: str) -> None:
        """Show one of ``LAYOUTS`` now; a letter layout is also kept for the name fields."""
        if name not in self.LAYOUTS:
            raise ValueError(f"unknown keyboard layout: {name!r}")
        if name in LETTER_LAYOUTS:
            self._letter_layout = name
        self._show(name, name in LETTER_LAYOUTS and self._letters_allowed())

    def set_letter_layout(self, name: str) -> None:
        """Choose the letters name fields get (e.g. ``letter_layout_for(language)``)."""
        if name not in LETTER_LAYOUTS:
            raise ValueError(f"unknown letter layout: {name!r}")
        self._letter_layout = name
        if self._layout_name in LETTER_LAYOUTS and self._letters_allowed():
            self._show(name, True)

    def layout_name(self) -> str:
        """Return the layout shown now (one of ``LAYOUTS``)."""
        return self._layout_name

    def letter_layout(self) -> str:
        """Return the letter layout name fields get."""
        return self._letter_layout

    def is_shifted(self) -> bool:
        """Return whether the next letter comes out shifted (upper case, or Arabic's Shift)."""
        return self._shift

    def keys(self) -> list[QPushButton]:
        """Return every key button of the current layout."""
        return self.findChildren(QPushButton, "KeyboardKey")

    def key(self, accessible_name: str) -> QPushButton:
        """Return the key a screen reader calls ``accessible_name`` (for tests and tools)."""
        for button in self.keys():
            if button.accessibleName() == accessible_name:
                return button
        raise KeyError(accessible_name)

    # Typing --------------------------------------------------------------------------

    def type_text(self, text: str) -> None:
        """Type ``text`` into the focused field as one key press."""
        target = focused_text_input()
        if target is None:
            return
        press = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text
        )
        release = QKeyEvent(
            QEvent.Type.KeyRelease, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text
        )
        QCoreApplication.sendEvent(target, press)
        QCoreApplication.sendEvent(target, release)
        self.key_pressed.emit(text)

    def backspace(self) -> None:
        """Delete the character before the cursor (or the selection) in the focused field."""
        target = focused_text_input()
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier)
            QCoreApplication.sendEvent(target, event)
        self.key_pressed.emit("backspace")

    def focus_next_field(self) -> None:
        """Move focus to the next control in the tab order, as Tab would."""
        current = QApplication.focusWidget()
        if current is None:
            return
        # Qt's own Tab step (protected in C++, callable from Python): it steps over the
        # parts of a compound control (a spin box's editor), and a scroll area it passes
        # through brings the new focus into view.
        current.focusNextPrevChild(True)
        self.key_pressed.emit("next")

    # Internals -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Show the layout the focused field needs: focus may have moved while hidden."""
        self._follow_focus(None, QApplication.focusWidget())
        self._show_for(QApplication.focusWidget())
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Stand for the focused widget no more while no key can be tapped.

        As its focus proxy the keyboard "has" that focus; a keyboard deleted while it
        does (its screen built again for another text size) would take it away.
        """
        self.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr: no proxy
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Name the keys (Space, Next, and each key for screen readers) in the new language."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._relabel()

    def _relabel(self) -> None:
        """Word the keys shown now anew, in place: the same keys, in the same order."""
        self.setAccessibleName(self.tr("On-screen keyboard"))
        self._char_names = self._names_of_chars()
        specs = [spec for row in self._row_specs() for spec in row]
        for key, spec in zip(self._keys, specs, strict=True):
            key.setText(_shown(spec.label))
            key.setAccessibleName(spec.name)
        self._letter_keys = [
            (k, s) for k, s in zip(self._keys, specs, strict=True) if s.kind == "letter"
        ]
        self._set_shift(self._shift)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Make the focused widget the keyboard's focus proxy, so a tap on a key leaves it focused.

        A press from the window system (a finger, a real mouse; never a click a test
        sends straight to a widget) makes Qt give focus "according to the focus
        policy": it walks up from the pressed key to the first parent that takes
        click focus (a screen, a scroll area) and focuses it, so the field being
        typed into would lose focus before the key's ``clicked`` even fires. The
        walk stops early at a widget whose focus proxy already has focus, so with
        the focused widget as proxy it always stops here, whatever the policies
        of the widgets around the keyboard. The keyboard itself stays ``NoFocus``
        and the proxy always has focus already, so Tab never stops on it.

        Then it shows the layout the new field needs (see ``field_layout``).
        """
        if new is None or new is self or self.isAncestorOf(new):
            return
        if new.window() is not self.window():
            return  # a dialog of its own; the proxy catches up when focus comes back
        if not self.isVisible():
            return  # a hidden screen's keyboard catches up when shown (showEvent)
        self.setFocusProxy(new)
        self._show_for(new)

    def _show_for(self, field: QWidget | None) -> None:
        needs = field_layout(field)
        if needs == "email":
            self._show("email", False)
        elif needs == "latin":
            self._show("text", False)
        elif needs == "letters":
            self._show(self._letter_layout, True)

    def _letters_allowed(self) -> bool:
        return field_layout(QApplication.focusWidget()) not in ("email", "latin")

    def _show(self, name: str, switchable: bool) -> None:
        if (name, switchable) != (self._layout_name, self._switchable):
            self._layout_name, self._switchable = name, switchable
            self._build()

    def _switch_letters(self, name: str) -> None:
        self._letter_layout = name
        self._show(name, True)
        self.key_pressed.emit("layout")

    def _type_letter(self, letter: str, shifted: str) -> None:
        self.type_text(shifted if self._shift else letter)
        if self._shift:
            self._set_shift(False)

    def _type_domain(self, domain: str) -> None:
        # "gmail.com" after "ann" means "ann@gmail.com": add the @ the attendee would need.
        target = focused_text_input()
        text = target.text() if isinstance(target, QLineEdit) else ""
        if "@" not in text:
            domain = "@" + domain
        self.type_text(domain)

    def _toggle_shift(self) -> None:
        self._set_shift(not self._shift)
        self.key_pressed.emit("shift")

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        for key, spec in self._letter_keys:
            text = spec.shifted if on else spec.label
            key.setText(_shown(text))
            # A capital keeps its letter's name ("Letter a"); another character
            # under Shift (Arabic's hamza forms and marks) is named for itself.
            if spec.shifted != spec.label.upper():
                key.setAccessibleName(self._key_name(text))
        if self._shift_key is not None:
            self._shift_key.setChecked(on)
            self._shift_key.setAccessibleDescription(self.tr("On") if on else self.tr("Off"))

    def _build(self) -> None:
        """(Re)build the rows of keys for the current layout."""
        clear_layout(self._rows)
        self._letter_keys = []
        self._keys = []
        self._shift_key = None
        self._shift = False
        self._char_names = self._names_of_chars()
        for specs in self._row_specs():
            self._add_row(specs)

    def _row_specs(self) -> list[list[_KeySpec]]:
        if self._layout_name == "email":
            rows = self._email_rows()
        elif self._layout_name == "hebrew":
            rows = self._hebrew_rows()
        elif self._layout_name == "arabic":
            rows = self._arabic_rows()
        else:
            rows = self._latin_rows(spanish=self._layout_name == "spanish")
        rows.append(self._bottom_row())
        return rows

    def _digits(self, first: list[_KeySpec], last: list[_KeySpec]) -> list[_KeySpec]:
        backspace = _KeySpec("\u232b", self.tr("Backspace"), self.backspace, "action", 3)
        return [*first, *(self._char(d) for d in "1234567890"), *last, backspace]

    def _shift_spec(self) -> _KeySpec:
        return _KeySpec("\u21e7", self.tr("Shift"), self._toggle_shift, "shift", 3)

    def _latin_rows(self, *, spanish: bool) -> list[list[_KeySpec]]:
        row2 = [self._letter(c) for c in LETTER_ROWS[1]]
        if spanish:
            row2.append(self._letter("ñ"))
        row2.append(self._char("'"))
        row3 = [self._shift_spec(), *(self._letter(c) for c in LETTER_ROWS[2])]
        row3 += [self._char(","), self._char("."), self._char("-")]
        rows = [self._digits([], []), [self._letter(c) for c in LETTER_ROWS[0]], row2, row3]
        if spanish:
            rows.append([self._letter(c) if c.isalpha() else self._char(c) for c in SPANISH_ROW])
        return rows

    def _hebrew_rows(self) -> list[list[_KeySpec]]:
        # Hebrew has no capitals: no Shift.
        rows = [[self._letter(c) if c.isalpha() else self._char(c) for c in r] for r in HEBREW_ROWS]
        rows[2].append(self._char("-"))
        return [self._digits([], []), *rows]

    def _arabic_rows(self) -> list[list[_KeySpec]]:
        rows = [[self._letter(key, shifted) for key, shifted in r] for r in ARABIC_ROWS]
        rows[2].insert(0, self._shift_spec())
        return [self._digits([self._letter(*ARABIC_THAL)], [self._char("-")]), *rows]

    def _email_rows(self) -> list[list[_KeySpec]]:
        row2 = [self._letter(c) for c in LETTER_ROWS[1]] + [self._char("_")]
        row3 = [self._shift_spec(), *(self._letter(c) for c in LETTER_ROWS[2]), self._char("-")]
        domains = [
            _KeySpec(e, self.tr("Type {0}").format(e), self._typer(e), "domain", 3)
            for e in EMAIL_DOMAIN_ENDINGS
        ] + [
            _KeySpec(d, self.tr("Type {0}").format(d), self._domain_typer(d), "domain", 4)
            for d in EMAIL_DOMAINS
        ]
        letters = [self._letter(c) for c in LETTER_ROWS[0]]
        return [self._digits([], []), letters, row2, row3, domains]

    def _bottom_row(self) -> list[_KeySpec]:
        row: list[_KeySpec] = []
        if self._layout_name == "email":
            row = [self._char("@", stretch=3), self._char(".", stretch=3)]
        elif self._switchable:
            names = {
                "text": self.tr("Latin letters"),
                "spanish": self.tr("Spanish letters"),
                "hebrew": self.tr("Hebrew letters"),
                "arabic": self.tr("Arabic letters"),
            }
            row = [
                _KeySpec(SWITCH_LABELS[layout], names[layout], self._switcher(layout), "layout")
                for layout in LETTER_LAYOUTS
            ]
        space = 12 - 2 * len(row) if self._switchable else 12
        row.append(_KeySpec(self.tr("Space"), self.tr("Space"), self._typer(" "), "space", space))
        row.append(
            _KeySpec(
                self.tr("Next \u21e5"), self.tr("Next field"), self.focus_next_field, "action", 4
            )
        )
        return row

    def _typer(self, text: str) -> Callable[[], None]:
        return lambda: self.type_text(text)

    def _domain_typer(self, domain: str) -> Callable[[], None]:
        return lambda: self._type_domain(domain)

    def _switcher(self, layout: str) -> Callable[[], None]:
        return lambda: self._switch_letters(layout)

    def _char(self, text: str, stretch: int = 2) -> _KeySpec:
        return _KeySpec(text, self._key_name(text), self._typer(text), "char", stretch)

    def _letter(self, letter: str, shifted: str | None = None) -> _KeySpec:
        upper = shifted or letter.upper()
        action = partial(self._type_letter, letter, upper)
        return _KeySpec(letter, self._key_name(letter), action, "letter", 2, upper)

    def _key_name(self, text: str) -> str:
        """What a screen reader calls the key that types ``text``: "Letter ש", "Comma", "Fatha"."""
        if text.isalpha():
            return self.tr("Letter {0}").format(text)
        return self._char_names.get(text, text)

    def _names_of_chars(self) -> dict[str, str]:
        """The keys that are neither letters nor digits, by what they type."""
        return {
            " ": self.tr("Space"),
            "'": self.tr("Apostrophe"),
            ",": self.tr("Comma"),
            ".": self.tr("Period"),
            "-": self.tr("Hyphen"),
            "_": self.tr("Underscore"),
            "@": self.tr("At sign"),
            "/": self.tr("Slash"),
            ":": self.tr("Colon"),
            '"': self.tr("Quotation mark"),
            "<": self.tr("Less-than sign"),
            ">": self.tr("Greater-than sign"),
            "[": self.tr("Left bracket"),
            "]": self.tr("Right bracket"),
            "{": self.tr("Left brace"),
            "}": self.tr("Right brace"),
            "~": self.tr("Tilde"),
            "¿": self.tr("Inverted question mark"),
            "¡": self.tr("Inverted exclamation mark"),
            "÷": self.tr("Division sign"),
            "×": self.tr("Multiplication sign"),
            "\u2018": self.tr("Left quotation mark"),
            "\u2019": self.tr("Right quotation mark"),
            "،": self.tr("Arabic comma"),
            "؛": self.tr("Arabic semicolon"),
            "؟": self.tr("Arabic question mark"),
            "\u0640": self.tr("Tatweel"),
            "\u064b": self.tr("Fathatan"),
            "\u064c": self.tr("Dammatan"),
            "\u064d": self.tr("Kasratan"),
            "\u064e": self.tr("Fatha"),
            "\u064f": self.tr("Damma"),
            "\u0650": self.tr("Kasra"),
            "\u0651": self.tr("Shadda"),
            "\u0652": self.tr("Sukun"),
        }

    def _add_row(self, specs: list[_KeySpec]) -> None:
        row = QWidget(self)
        row.setObjectName("KeyboardRow")
        line = hbox(row, spacing=metrics.KEYBOARD_SPACING)
        for spec in specs:
            key = QPushButton(_shown(spec.label), row)
            key.setObjectName("KeyboardKey")
            key.setProperty("kind", spec.kind)
            key.setAccessibleName(spec.name)
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.setMinimumHeight(metrics.KEYBOARD_KEY_HEIGHT)
            key.setMinimumWidth(metrics.TOUCH_MINIMUM)
            key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            key.clicked.connect(spec.action)
            self._keys.append(key)
            if spec.kind == "letter":
                self._letter_keys.append((key, spec))
            elif spec.kind == "shift":
                key.setCheckable(True)
                self._shift_key = key
            elif spec.kind == "layout":
                key.setCheckable(True)
                key.setChecked(spec.label == SWITCH_LABELS.get(self._layout_name))
            elif spec.label == "\u232b":
                key.setAutoRepeat(True)
            line.addWidget(key, spec.stretch)
        self._rows.addWidget(row)


def _shown(text: str) -> str:
    """A key's label: an Arabic mark on its own is shown on a tatweel, as keyboards print it."""
    if len(text) == 1 and "\u064b" <= text <= "\u0652":
        return "\u0640" + text
    return text
