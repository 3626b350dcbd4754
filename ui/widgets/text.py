"""Label factories for the kiosk's type scale, and re-styling; every text is shown as plain text.

The role property is what the stylesheet (assets/styles/kiosk.qss) selects on:
``QLabel[role="h1"]`` and so on. Nothing is ever read as HTML: a label or a
tooltip given ``<img src="/dev/zero">`` (a content file's text, a name an
attendee typed, a file name on a stick) shows those characters, and Qt never
loads the image (which would read /dev/zero until the process dies).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtGui import Qt as GuiQt  # Qt's namespace with QtGui's text functions
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QWidget

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


def text_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of ``text``'s first strong letter (Unicode's rule), or None if it has none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return None


class PlainLabel(QLabel):
    """A plain-text label whose wrapped lines sit flush with its edge in either direction.

    On a screen laid out right to left (Hebrew, Arabic) Qt's own drawing of a
    wrapped label puts each line's trailing space at the line's start: every
    line but the last stands a space in from the right edge, and its last
    letter can be cut off on the left. There, and for a text in Latin letters
    (a source's name) on such a screen, which Qt would align to the left, the
    label lays its lines out itself: in the text's own direction, aligned to
    the screen's side. Elsewhere it is Qt's label, unchanged.
    """

    def paintEvent(self, event: QPaintEvent) -> None:
        text = self.text()
        if not (self.wordWrap() and text) or (
            not self.isRightToLeft() and text_direction(text) != Qt.LayoutDirection.RightToLeft
        ):
            super().paintEvent(event)
            return
        QFrame.paintEvent(self, event)  # the border, as QLabel draws it
        painter = QPainter(self)
        self._draw_lines(painter, text)
        painter.end()

    def _draw_lines(self, painter: QPainter, text: str) -> None:
        # Here, not at the top: making these classes' enums takes a while, and the first screen
        # shows before any label needs them (a label on a screen laid out right to left).
        from PySide6.QtGui import QTextLayout, QTextOption
        from PySide6.QtWidgets import QStyle

        area = self.contentsRect()
        option = QTextOption(
            QStyle.visualAlignment(self.layoutDirection(), self.alignment())
            & Qt.AlignmentFlag.AlignHorizontal_Mask
        )
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setTextDirection(text_direction(text) or self.layoutDirection())
        layout = QTextLayout(text, self.font(), self)
        layout.setTextOption(option)
        # Lines placed as QPainter::drawText places them, so they take the height the
        # label asked its layout for (QLabel measures with drawText's rules).
        leading, height = self.fontMetrics().leading(), 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(area.width())
            height = math.ceil(height + leading)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        top = float(area.top())
        if self.alignment() & Qt.AlignmentFlag.AlignVCenter:
            top += (area.height() - height) / 2
        elif self.alignment() & Qt.AlignmentFlag.AlignBottom:
            top += area.height() - height
        painter.setPen(self.palette().color(self.foregroundRole()))
        layout.draw(painter, QPointF(area.left(), top))


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """Return a label that shows ``text`` as plain text, never as HTML (Qt's default guesses)."""
    label = PlainLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


class OneLineLabel(QLabel):
    """One line of plain text that never makes its window wider: a long one loses its middle.

    For a path or an address, whose two ends say the most ("/home/…/master.sqlite3");
    the whole text is its tooltip and what a screen reader reads after it.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._whole = text
        self._fit()

    def whole_text(self) -> str:
        """The text, however much of it is shown."""
        return self._whole

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the stylesheet's size, once polished
            self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideMiddle, room)
        cut = shown != self._whole
        self.setText(shown)
        self.setToolTip(plain_tooltip(self._whole) if cut else "")
        self.setAccessibleDescription(self._whole if cut else "")


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
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return  # not styled yet: it is when first shown (or measured), property and all
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def isolated(text: str) -> str:
    """``text`` set apart from the sentence around it for the bidirectional algorithm.

    A name or an address put into a translated sentence ("Thank you, %1!")
    keeps its own direction and leaves the sentence's alone: "Dana" in a
    Hebrew sentence stays "Dana", and the "!" stays at the Hebrew sentence's end.
    """
    return f"\u2068{text}\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE


class LiveTexts:
    """The texts a widget shows in the attendee's language: set now, and at each language change.

    Each text is given as a function that reads it (``lambda: self.tr("Back")``,
    ``lambda: self.service.content.title``) and a setter that shows it; the
    widget calls ``refresh`` on Qt's ``LanguageChange`` event.
    """

    def __init__(self) -> None:
        self._bindings: list[tuple[Callable[[str], object], Callable[[], str]]] = []

    def bind(self, show: Callable[[str], object], text: Callable[[], str]) -> None:
        """Show ``text()`` through ``show`` now, and again at every ``refresh``."""
        self._bindings.append((show, text))
        show(text())

    def refresh(self) -> None:
        """Show every text again, as read now (after a language change)."""
        for show, text in self._bindings:
            show(text())
