"""Label factories for the kiosk's type scale; content text is always shown as plain text.

The role property is what the stylesheet (assets/styles/kiosk.qss) selects on:
``QLabel[role="h1"]`` and so on. Content is never read as HTML, so a content file
cannot inject markup or links.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ROLES = ("display", "h1", "h2", "h3", "lead", "body", "muted", "small", "eyebrow", "error")


def text_label(text: str, role: str = "body", parent: QWidget | None = None) -> QLabel:
    """Return a word-wrapped plain-text label styled as ``role``."""
    if role not in ROLES:
        raise ValueError(f"unknown text role {role!r}")
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setProperty("role", role)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
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
