"""An on-screen keyboard that lives inside the kiosk window, for touch-only devices.

It types into whatever text field has focus, the way a physical keyboard
would: each key sends a real ``QKeyEvent`` to ``QApplication.focusWidget()``,
so validators, length limits and the fields' ``textEdited`` signals all work
as usual. Tapping a key never moves focus, whatever the widgets around the
keyboard do with a click (see ``_follow_focus``), so the cursor stays where it
was. The email layout puts ``@``, ``.com`` and the common mail domains one tap
away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import metrics

LETTER_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
EMAIL_DOMAIN_ENDINGS = (".com", ".org", ".net", ".edu")
EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com")

# Widgets the keyboard types into; anything else (a button, a checkbox) is left alone,
# because a Space sent to a focused button would press it.
_TEXT_INPUTS = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit)


@dataclass(frozen=True)
class _KeySpec:
    """One key: what it shows, what a screen reader calls it, what it does, how wide it is."""

    label: str
    name: str
    action: Callable[[], None]
    kind: str = "char"
    stretch: int = 2


def focused_text_input() -> QWidget | None:
    """Return the application's focused widget if it takes typed text, else None."""
    widget = QApplication.focusWidget()
    if isinstance(widget, QLineEdit) and widget.isReadOnly():
        return None
    if isinstance(widget, _TEXT_INPUTS):
        return widget
    return None


class OnScreenKeyboard(QWidget):
    """Letters with Shift, a digits row, Space, Backspace and Next; an email layout too."""

    key_pressed = Signal(str)
    """Emitted after each key with what it typed, or "backspace", "shift", "next"."""

    LAYOUTS = ("text", "email")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OnScreenKeyboard")
        self.setAccessibleName(self.tr("On-screen keyboard"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A QWERTY keyboard keeps its order in right-to-left languages.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout_name = "text"
        self._shift = False
        self._letter_keys: list[QPushButton] = []
        self._shift_key: QPushButton | None = None
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(*metrics.KEYBOARD_MARGINS)
        self._rows.setSpacing(metrics.KEYBOARD_SPACING)
        self._build()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)
        self._follow_focus(None, QApplication.focusWidget())

    # Public API --------------------------------------------------------------------

    def set_layout(self, name: str) -> None:
        """Switch between the "text" and the "email" layout."""
        if name not in self.LAYOUTS:
            raise ValueError(f"unknown keyboard layout: {name!r}")
        if name != self._layout_name:
            self._layout_name = name
            self._build()

    def layout_name(self) -> str:
        """Return the layout shown now ("text" or "email")."""
        return self._layout_name

    def is_shifted(self) -> bool:
        """Return whether the next letter comes out upper case."""
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
        """
        if new is None or new is self or self.isAncestorOf(new):
            return
        if new.window() is not self.window():
            return  # a dialog of its own; the proxy catches up when focus comes back
        self.setFocusProxy(new)

    def _type_letter(self, letter: str) -> None:
        self.type_text(letter.upper() if self._shift else letter)
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
        for key in self._letter_keys:
            letter = str(key.property("letter"))
            key.setText(letter.upper() if on else letter)
        if self._shift_key is not None:
            self._shift_key.setChecked(on)
            self._shift_key.setAccessibleDescription(self.tr("On") if on else self.tr("Off"))

    def _build(self) -> None:
        """(Re)build the rows of keys for the current layout."""
        while self._rows.count():
            item = self._rows.takeAt(0)
            row = item.widget() if item is not None else None
            if row is not None:
                row.setParent(None)
                row.deleteLater()
        self._letter_keys = []
        self._shift_key = None
        self._shift = False
        for specs in self._row_specs():
            self._add_row(specs)

    def _row_specs(self) -> list[list[_KeySpec]]:
        email = self._layout_name == "email"
        digits = [self._char(d) for d in "1234567890"]
        digits.append(_KeySpec("\u232b", self.tr("Backspace"), self.backspace, "action", 3))
        rows = [digits, [self._letter(c) for c in LETTER_ROWS[0]]]
        row2 = [self._letter(c) for c in LETTER_ROWS[1]]
        row3 = [_KeySpec("\u21e7", self.tr("Shift"), self._toggle_shift, "shift", 3)]
        row3 += [self._letter(c) for c in LETTER_ROWS[2]]
        if email:
            row2.append(self._char("_", self.tr("Underscore")))
            row3.append(self._char("-", self.tr("Hyphen")))
            rows += [row2, row3]
            rows.append(
                [
                    _KeySpec(e, self.tr("Type {0}").format(e), self._typer(e), "domain", 3)
                    for e in EMAIL_DOMAIN_ENDINGS
                ]
                + [
                    _KeySpec(d, self.tr("Type {0}").format(d), self._domain_typer(d), "domain", 4)
                    for d in EMAIL_DOMAINS
                ]
            )
            bottom = [
                self._char("@", self.tr("At sign"), stretch=3),
                self._char(".", self.tr("Period"), stretch=3),
            ]
        else:
            row2.append(self._char("'", self.tr("Apostrophe")))
            row3 += [self._char(",", self.tr("Comma")), self._char(".", self.tr("Period"))]
            row3.append(self._char("-", self.tr("Hyphen")))
            rows += [row2, row3]
            bottom = []
        bottom.append(_KeySpec(self.tr("Space"), self.tr("Space"), self._typer(" "), "space", 12))
        bottom.append(
            _KeySpec(
                self.tr("Next \u21e5"), self.tr("Next field"), self.focus_next_field, "action", 4
            )
        )
        rows.append(bottom)
        return rows

    def _typer(self, text: str) -> Callable[[], None]:
        return lambda: self.type_text(text)

    def _domain_typer(self, domain: str) -> Callable[[], None]:
        return lambda: self._type_domain(domain)

    def _char(self, text: str, name: str | None = None, stretch: int = 2) -> _KeySpec:
        return _KeySpec(text, name or text, self._typer(text), "char", stretch)

    def _letter(self, letter: str) -> _KeySpec:
        return _KeySpec(letter, letter, lambda: self._type_letter(letter), "letter", 2)

    def _add_row(self, specs: list[_KeySpec]) -> None:
        row = QWidget(self)
        row.setObjectName("KeyboardRow")
        line = QHBoxLayout(row)
        line.setContentsMargins(*metrics.NO_MARGINS)
        line.setSpacing(metrics.KEYBOARD_SPACING)
        for spec in specs:
            key = QPushButton(spec.label, row)
            key.setObjectName("KeyboardKey")
            key.setProperty("kind", spec.kind)
            key.setAccessibleName(spec.name)
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.setMinimumHeight(metrics.KEYBOARD_KEY_HEIGHT)
            key.setMinimumWidth(metrics.TOUCH_MINIMUM)
            key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            key.clicked.connect(spec.action)
            if spec.kind == "letter":
                key.setProperty("letter", spec.label)
                key.setAccessibleName(self.tr("Letter {0}").format(spec.label))
                self._letter_keys.append(key)
            elif spec.kind == "shift":
                key.setCheckable(True)
                self._shift_key = key
            elif spec.label == "\u232b":
                key.setAutoRepeat(True)
            line.addWidget(key, spec.stretch)
        self._rows.addWidget(row)
