"""Right to left: styles that mirror, and text fields that keep their own direction.

Qt mirrors layouts by itself in a right-to-left language (Hebrew, Arabic):
rows run from the right, scroll bars move to the left, standard arrows turn,
and a text field lays out what is typed in the text's own direction.
A stylesheet's sides do not: ``border-left`` stays on the left. So a widget
whose style has a side is marked ``mirrored`` while it is laid out right to
left, and ``assets/styles/rtl.qss`` gives the marked widgets the mirrored
rules. Marking a few widgets and re-styling only them keeps a language switch
quick, where swapping a stylesheet would re-style every widget of the kiosk.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from ui.widgets.text import repolish

MIRRORED_PROPERTY = "mirrored"
"""Set (true) on a marked widget while it is laid out right to left; rtl.qss selects on it."""


class _DirectionWatcher(QObject):
    """Calls ``on_change`` with a watched widget whenever its layout direction changes."""

    def __init__(self, on_change: Callable[[QWidget], None]) -> None:
        super().__init__()
        self._on_change = on_change

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutDirectionChange and isinstance(watched, QWidget):
            self._on_change(watched)
        return False


def _mark(widget: QWidget) -> None:
    mirrored = widget.isRightToLeft()
    if bool(widget.property(MIRRORED_PROPERTY)) != mirrored:
        widget.setProperty(MIRRORED_PROPERTY, mirrored)
        repolish(widget)


def _start_on_screen_side(edit: QWidget) -> None:
    if not isinstance(edit, QLineEdit):
        return
    if not edit.text() and edit.isRightToLeft():
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    else:
        edit.setAlignment(Qt.AlignmentFlag.AlignLeft)  # the leading side of the text's direction


_styles = _DirectionWatcher(_mark)
_names = _DirectionWatcher(_start_on_screen_side)


def mirror_style(widget: QWidget) -> None:
    """Give ``widget`` rtl.qss's mirrored rules whenever it is laid out right to left."""
    widget.installEventFilter(_styles)
    _mark(widget)


def keep_left_to_right(widget: QWidget) -> None:
    """Lay ``widget`` out left to right in every language: an email, a phone number, a code.

    A text field already lays its text out in the text's own direction (an
    address reads left to right in any screen), and starts empty on the left.
    """
    widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def follow_text_direction(edit: QLineEdit) -> None:
    """Let a name field start on the screen's side and then follow what is typed into it.

    Qt lays a field's text out in the text's own direction, as HTML's
    ``dir="auto"``: a name in Latin letters typed into a Hebrew form reads left
    to right (its full stop after it, not before), a Hebrew name right to
    left. An empty field it starts on the left whatever the screen; on a
    right-to-left screen this one waits on the right, where a Hebrew or Arabic
    name begins.
    """
    edit.installEventFilter(_names)
    edit.textChanged.connect(lambda _text: _start_on_screen_side(edit))
    _start_on_screen_side(edit)
