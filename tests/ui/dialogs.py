"""Answering a file dialog as a person would: type a name into it and accept it.

Under the offscreen platform Qt shows its own (widget) file dialog, modally,
from inside the click that opened it; a timer started before the click
answers it once it is up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, SignalInstance
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog
from pytestqt.qtbot import QtBot

_POLL_MS = 20


def answer_save_dialog(name: Path, seen: list[str]) -> None:
    """When the next save dialog opens, note its file types then its proposed file in
    ``seen``, type ``name`` and accept it."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(_POLL_MS, answer)
            return
        seen.extend(dialog.nameFilters())
        seen.extend(dialog.selectedFiles())
        dialog.selectFile(str(name))
        dialog.accept()

    QTimer.singleShot(0, answer)


def save_through_dialog(
    qtbot: QtBot, button: QAbstractButton, saved: SignalInstance, name: Path
) -> tuple[list[Any], list[str]]:
    """Click ``button``, answer the save dialog it opens with ``name`` and wait for ``saved``.

    Returns the signal's arguments, and what the dialog offered: its file types, then
    its proposed file.
    """
    seen: list[str] = []
    answer_save_dialog(name, seen)
    with qtbot.waitSignal(saved, timeout=20_000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return list(blocker.args or []), seen
