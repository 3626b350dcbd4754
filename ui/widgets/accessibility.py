"""Roles Qt's accessibility interface cannot guess for the kiosk's own painted widgets.

Qt knows a QLabel is text and a QPushButton a button; a widget that paints
itself (a QR code) is a bare "client" to it. A factory installed once per
application tells screen readers it is a graphic, named and described as the
widget says (``setAccessibleName``, ``setAccessibleDescription``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

GRAPHICS = frozenset({"QrCanvas"})
"""Class names of the widgets that are pictures, for screen readers."""

_installed: list[bool] = []


def _interface(class_name: str, target: QObject) -> QAccessibleInterface | None:
    if class_name in GRAPHICS and isinstance(target, QWidget):
        return QAccessibleWidget(target, QAccessible.Role.Graphic)
    return None


def install_accessible_roles() -> None:
    """Give the kiosk's painted widgets their roles (once per process; Qt keeps the factory)."""
    if not _installed:
        QAccessible.installFactory(_interface)
        _installed.append(True)
