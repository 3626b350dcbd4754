"""A volunteer's hands on the staff screen: the PIN pad, the nav, the buttons, what it says back.

One driver for every test of the staff panel (``tests/ui/test_staff.py`` builds it
over its own staff screen, ``tests/ui/test_content_page.py`` over the kiosk
window's), so a test reads as the steps a volunteer takes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.service import KioskService
from tests.factories import STAFF_PIN
from ui.screens.staff import StaffScreen

W = TypeVar("W", bound=QObject)


def find(widget: QWidget, kind: type[W], name: str) -> W:
    """The child of ``widget`` of this kind and object name (the test fails if there is none)."""
    found = widget.findChild(kind, name)
    assert found is not None, name
    return found


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """The text of a table's cell (the test fails if the cell is empty)."""
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


@dataclass
class StaffDriver:
    """A shown staff screen over ``service``, worked by taps and typing as a volunteer would.

    ``monkeypatch`` stands in for the operating system's folder dialog; only the
    export steps need it.
    """

    qtbot: QtBot
    screen: StaffScreen
    service: KioskService
    monkeypatch: pytest.MonkeyPatch | None = None

    # --- The PIN stage ---

    def pad_key(self, name: str) -> QPushButton:
        """The PIN pad's key with this accessible name ("Digit 4", "OK, enter PIN")."""
        return next(k for k in self.screen.pin_stage.pad.keys() if k.accessibleName() == name)

    def type_pin(self, pin: str) -> None:
        """Tap the digits and OK on the PIN pad."""
        for digit in pin:
            self.qtbot.mouseClick(self.pad_key(f"Digit {digit}"), Qt.MouseButton.LeftButton)
        self.qtbot.mouseClick(self.pad_key("OK, enter PIN"), Qt.MouseButton.LeftButton)
        assert self.screen.pin_stage.pad.entered_length() == 0

    def unlock(self) -> None:
        """Type the staff PIN: the panel opens."""
        with self.qtbot.waitSignal(self.screen.unlocked_changed) as signal:
            self.type_pin(STAFF_PIN)
        assert signal.args == [True]
        assert self.screen.is_unlocked()

    def open_page(self, page: str) -> None:
        """Unlock and tap the page's name in the panel's nav."""
        self.unlock()
        self.nav(page)

    # --- The panel ---

    def find(self, kind: type[W], name: str) -> W:
        """The screen's child of this kind and object name."""
        return find(self.screen, kind, name)

    def click(self, name: str) -> None:
        """Click the named button, which must be shown and enabled."""
        button = self.find(QAbstractButton, name)
        assert button.isVisible() and button.isEnabled(), name
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def tap_through_the_window(self, name: str) -> None:
        """Press a button as the window system delivers a click, not by poking the widget."""
        button = self.find(QAbstractButton, name)
        assert button.isVisible() and button.isEnabled(), name
        window = self.screen.windowHandle()
        assert window is not None
        point = button.mapTo(self.screen, button.rect().center())
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def nav(self, page: str) -> None:
        """Tap the page's name in the panel's nav; the page shows."""
        button = next(
            b
            for b in self.screen.findChildren(QPushButton, "StaffNavButton")
            if b.property("page") == page
        )
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert self.screen.panel.current_page() == page

    def type_into(self, name: str, text: str) -> QLineEdit:
        """Tap the named field, select what is in it and type ``text`` over it."""
        field = self.find(QLineEdit, name)
        self.qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        field.selectAll()
        self.qtbot.keyClicks(field, text)
        return field

    def type_number(self, name: str, typed: str) -> QSpinBox:
        """Tap the named number field, select what is in it and type ``typed`` over it."""
        spin = self.find(QSpinBox, name)
        self.qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
        spin.lineEdit().selectAll()
        self.qtbot.keyClicks(spin.lineEdit(), typed)
        return spin

    def message(self, name: str) -> tuple[str, str]:
        """The named message's text and tone ("success", "error", "info")."""
        label = self.find(QLabel, name)
        return label.text(), str(label.property("tone"))

    # --- Export ---

    def choose_folder(self, folder: Path) -> None:
        """On the Export page, choose ``folder`` as the volunteer would in the folder dialog."""
        assert self.monkeypatch is not None, "choosing a folder needs the monkeypatch fixture"
        self.nav("export")
        # The folder dialog is the operating system's; stand in for the volunteer's choice.
        self.monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
        self.click("ChooseFolderButton")

    def export_to(self, folder: Path) -> tuple[str, str]:
        """Export to ``folder``; return the export's message and tone once it has finished."""
        self.choose_folder(folder)
        assert self.screen.panel.selected_destination() == folder
        self.click("ExportButton")
        self.qtbot.waitUntil(lambda: not self.screen.panel.is_busy(), timeout=20_000)
        return self.message("ExportMessage")
