"""A plain widget that the stylesheet paints, background and all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


class StyledWidget(QWidget):
    """A ``QWidget`` subclass whose stylesheet background shows, found by its object ``name``.

    Qt paints a stylesheet's background on a plain QWidget subclass only with
    ``WA_StyledBackground`` set (a QFrame and Qt's other widgets paint their own):
    the main window, each screen, the QR view and the on-screen keyboard need it.
    """

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
