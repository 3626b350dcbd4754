"""Box layouts made in one call: the margins and the spacing they are laid out with.

Nearly every layout in ``ui/`` is a row or a column with named margins (most
often none) and a named spacing; git-cola's ``qtutils.hbox``/``vbox`` build
theirs the same way.
"""

from __future__ import annotations

from typing import TypedDict, TypeVar, Unpack

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from ui.widgets import metrics

BoxT = TypeVar("BoxT", bound=QBoxLayout)


class Spacing(TypedDict, total=False):
    """How a box is spaced: its ``margins`` (none unless given) and ``spacing`` (the style's)."""

    margins: metrics.Margins
    spacing: int


def hbox(parent: QWidget | None = None, **spacing: Unpack[Spacing]) -> QHBoxLayout:
    """A row, laid out on ``parent`` if given, spaced as ``spacing`` says."""
    return _spaced(QHBoxLayout() if parent is None else QHBoxLayout(parent), spacing)


def vbox(parent: QWidget | None = None, **spacing: Unpack[Spacing]) -> QVBoxLayout:
    """A column, laid out on ``parent`` if given, spaced as ``spacing`` says."""
    return _spaced(QVBoxLayout() if parent is None else QVBoxLayout(parent), spacing)


def clear_layout(layout: QLayout) -> None:
    """Empty ``layout`` to fill it anew: its widgets leave it at once and are deleted later."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


def _spaced(layout: BoxT, spacing: Spacing) -> BoxT:
    # The metrics are read now, not at import: the scale may have changed since.
    layout.setContentsMargins(*spacing.get("margins", metrics.NO_MARGINS))
    if "spacing" in spacing:
        layout.setSpacing(spacing["spacing"])
    return layout
