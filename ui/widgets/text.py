"""Label factories for the kiosk's type scale, and re-styling; every text is shown as plain text.

The role property is what the stylesheet (assets/styles/kiosk.qss) selects on:
``QLabel[role="h1"]`` and so on. Nothing is ever read as HTML: a label or a
tooltip given ``<img src="/dev/zero">`` (a content file's text, a name an
attendee typed, a file name on a stick) shows those characters, and Qt never
loads the image (which would read /dev/zero until the process dies).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt's namespace with QtGui's text functions
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ROLES = (
    "display",
    "h1",
    "h2",
    "h3",
    "lead",
    "body",
    "muted",
    "small",
    "eyebrow",
    "error",
    "code",
)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """Return a label that shows ``text`` as plain text, never as HTML (Qt's default guesses)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """Return ``text`` as a tooltip that shows it as it is (Qt guesses HTML in tooltips too)."""
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def text_label(
    text: str,
    role: str = "body",
    parent: QWidget | None = None,
    *,
    squeezable: bool = False,
) -> QLabel:
    """Return a word-wrapped plain-text label styled as ``role``.

    A layout never gives it less height than its text needs, unless
    ``squeezable``: then, as a plain QLabel, it gives up height when room is
    short. The staff panel's and the first-start screens' labels are laid out
    that way (their pages are tight at 1280x800).
    """
    if role not in ROLES:
        raise ValueError(f"unknown text role {role!r}")
    label = plain_label(text, parent)
    label.setWordWrap(True)
    label.setProperty("role", role)
    if not squeezable:
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def badge_label(text: str, role: str, size: int, parent: QWidget | None = None) -> QLabel:
    """Return ``text`` centred on one line in a ``size`` px square, styled as ``role``.

    The stylesheet gives it a fill and a border radius of half ``size``, by the
    object name the caller sets: a principle's number, the thank-you check mark.
    """
    label = text_label(text, role, parent)
    label.setWordWrap(False)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setFixedSize(size, size)
    return label


def set_role(widget: QWidget, role: str) -> None:
    """Change the stylesheet role of ``widget`` and re-apply the style."""
    widget.setProperty("role", role)
    repolish(widget)


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a property the selectors use has changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
