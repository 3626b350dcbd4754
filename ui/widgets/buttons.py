"""The push button every screen builds from: a kind the stylesheet colours, a size, a name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from ui.widgets import metrics

KINDS = ("primary", "secondary", "quiet", "accent")


def kiosk_button(
    text: str,
    kind: str = "primary",
    *,
    height: int | None = None,
    name: str = "",
    description: str = "",
    clicked: Callable[[], object] | SignalInstance | None = None,
    parent: QWidget | None = None,
) -> QPushButton:
    """Return a button at least ``height`` px tall, styled by its ``kind`` property.

    ``height`` is a touch target (``metrics.TOUCH_TARGET``) unless given; the
    office window, used with a mouse, passes ``metrics.DESK_TARGET``. ``name``
    is the object name the stylesheet and tests find it by. A screen reader names
    the button by its text, the words a person sees and may say to voice control
    (WCAG 2.5.3, label in name); ``description`` is read after it, for what the
    few words leave out. ``clicked`` is what a press does: a function or a signal
    to emit.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown button kind {kind!r}")
    button = QPushButton(text, parent)
    if name:
        button.setObjectName(name)
    button.setProperty("kind", kind)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    # Enter (or Return) presses a focused button, as Space does: a keyboard user's
    # way through the kiosk. Qt does that only for "auto default" buttons.
    button.setAutoDefault(True)
    button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    button.setMinimumHeight(metrics.TOUCH_TARGET if height is None else height)
    if clicked is not None:
        button.clicked.connect(clicked)
    return button


def set_button_text(button: QPushButton, text: str) -> None:
    """Show ``text`` on ``button`` and name it so for screen readers (a retranslated label)."""
    button.setText(text)
    button.setAccessibleName(text)
