"""Icons drawn from a few characters in the palette's colours, so they follow the theme.

Qt's standard icons are pictures in fixed colours: the Back arrow, for one,
vanished on the high-contrast theme's black.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

_DENSITY = 2.0
"""Drawn at twice the size, so an icon stays sharp on a high-density screen."""


def glyph_icon(glyph: str, ink: str, size: tuple[int, int]) -> QIcon:
    """``glyph`` in bold ``ink`` (a palette colour), centred in a ``size`` (width, height) icon.

    A width more than the glyph needs leaves room on both sides, so the glyph
    stands apart from a button's words whichever side of them it is on (right
    to left, Qt puts the icon on the right).
    """
    width, height = size
    pixmap = QPixmap(round(width * _DENSITY), round(height * _DENSITY))
    pixmap.setDevicePixelRatio(_DENSITY)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(height * 4 // 5)
    painter.setFont(font)
    painter.setPen(QColor(ink))
    painter.drawText(
        QRect(0, 0, width, height),
        Qt.AlignmentFlag.AlignCenter,
        glyph,
    )
    painter.end()
    return QIcon(pixmap)
