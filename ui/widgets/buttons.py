"""Push buttons in the kiosk's three kinds (primary, secondary, quiet) with accessible names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

KINDS = ("primary", "secondary", "quiet", "accent")


def kiosk_button(
    text: str,
    kind: str = "primary",
    *,
    accessible_name: str | None = None,
    parent: QWidget | None = None,
) -> QPushButton:
    """Return a large touch button; the stylesheet styles it by its ``kind`` property."""
    if kind not in KINDS:
        raise ValueError(f"unknown button kind {kind!r}")
    button = QPushButton(text, parent)
    button.setProperty("kind", kind)
    button.setAccessibleName(accessible_name or text)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoDefault(False)
    button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    button.setMinimumHeight(56)
    return button
