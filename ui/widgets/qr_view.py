"""A QR code drawn from ``qrcode``'s module matrix with QPainter, with its address under it.

No Pillow: the matrix is painted straight into the widget at whatever size it
has, on whole-pixel module boundaries, so the code stays crisp for a phone
camera at any screen size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.qr import qr_matrix
from ui.widgets import metrics, palette
from ui.widgets.accessibility import install_accessible_roles
from ui.widgets.layouts import vbox
from ui.widgets.styled import StyledWidget
from ui.widgets.text import plain_label

__all__ = ["QrCanvas", "QrView", "paint_matrix", "qr_matrix", "render_qr_image"]


def paint_matrix(painter: QPainter, matrix: list[list[bool]], area: QRect) -> QRect:
    """Paint ``matrix`` centred in ``area`` with whole-pixel modules; return the rect used.

    Dark on light in every theme: a phone's camera reads codes that way round.
    """
    count = len(matrix)
    if count == 0:
        return QRect()
    colours = palette.current()
    dark, light = QColor(colours.qr_dark), QColor(colours.qr_light)
    module = max(1, min(area.width(), area.height()) // count)
    side = module * count
    left = area.x() + (area.width() - side) // 2
    top = area.y() + (area.height() - side) // 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(QRect(left, top, side, side), light)
    for y, row in enumerate(matrix):
        x = 0
        while x < count:
            if row[x]:
                # Draw runs of dark modules as one rectangle: fewer calls, no seams.
                start = x
                while x < count and row[x]:
                    x += 1
                painter.fillRect(
                    QRect(left + start * module, top + y * module, (x - start) * module, module),
                    dark,
                )
            else:
                x += 1
    painter.restore()
    return QRect(left, top, side, side)


def render_qr_image(data: str, side: int) -> QImage:
    """Return a ``side`` x ``side`` image of the QR code for ``data`` (for tests and export)."""
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor(palette.current().qr_light))
    painter = QPainter(image)
    paint_matrix(painter, qr_matrix(data), QRect(0, 0, side, side))
    painter.end()
    return image


class QrCanvas(QWidget):
    """The square code itself, repainted at the widget's current size."""

    def __init__(self, data: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Screen readers learn it is a picture; installed with the first code, not at start.
        install_accessible_roles()
        try:
            self._matrix = qr_matrix(data)
        except ValueError:
            # The content loader keeps links short enough; content made any other
            # way still costs the attendee only the code, never the screen.
            self._matrix = []
        self.setMinimumSize(metrics.QR_MIN_SIDE, metrics.QR_MIN_SIDE)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @property
    def matrix(self) -> list[list[bool]]:
        """The module matrix being drawn."""
        return self._matrix

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def sizeHint(self) -> QSize:
        return QSize(metrics.QR_SIDE, metrics.QR_SIDE)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_matrix(painter, self._matrix, self.rect())
        painter.end()


class QrView(StyledWidget):
    """A QR code for ``address`` with the address written under it, for an attendee's phone."""

    def __init__(
        self,
        address: str,
        caption: str = "",
        *,
        side: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("qrView", parent)
        self._address = address
        if side is None:
            side = metrics.QR_SIDE
        self.canvas = QrCanvas(address, self)
        self.canvas.setFixedSize(side, side)
        if not self.canvas.matrix:
            self.canvas.hide()  # the address alone, when no code holds it
        self.canvas.setAccessibleName(self.tr("QR code"))
        self.canvas.setAccessibleDescription(address)
        layout = vbox(self, margins=metrics.QR_MARGINS, spacing=metrics.QR_SPACING)
        self.caption_label = plain_label(caption, self)
        self.caption_label.setObjectName("qrCaption")
        self.caption_label.setWordWrap(True)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label.setVisible(bool(caption))
        layout.addWidget(self.caption_label)
        layout.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignHCenter)
        self.address_label = plain_label(address, self)
        self.address_label.setObjectName("qrAddress")
        self.address_label.setWordWrap(True)
        self.address_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address_label.setMaximumWidth(
            max(side + metrics.QR_ADDRESS_OVERHANG, metrics.QR_ADDRESS_MIN_WIDTH)
        )
        # An address reads left to right even on a right-to-left screen.
        self.address_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        layout.addWidget(self.address_label)

    def address(self) -> str:
        """The web address the code holds."""
        return self._address

    def set_caption(self, caption: str) -> None:
        """Show ``caption`` (already translated) over the code."""
        self.caption_label.setText(caption)
        self.caption_label.setVisible(bool(caption))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.canvas.setAccessibleName(self.tr("QR code"))
