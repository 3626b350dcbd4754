"""Answering a file dialog as a person would: type a name into it and accept it.

Under the offscreen platform Qt shows its own (widget) file dialog, modally,
from inside the click that opened it; a timer started before the click
answers it once it is up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

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
