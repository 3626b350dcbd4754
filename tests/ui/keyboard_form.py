"""A form of every kind of field over the on-screen keyboard, for the keyboard's tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ui.widgets.keyboard import OnScreenKeyboard


class KeyboardForm(QWidget):
    """A name, an email, a phone, a ZIP, a PIN, a number and a button over the keyboard.

    The fields carry the sign-up form's input hints, which choose the keyboard's layout.
    """

    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit(self)
        self.email = QLineEdit(self)
        self.email.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.phone = QLineEdit(self)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.zip = QLineEdit(self)
        self.zip.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.number = QSpinBox(self)
        self.button = QPushButton("Send", self)
        self.keyboard = OnScreenKeyboard(self)
        self.column = QVBoxLayout(self)
        fields = (self.name, self.email, self.phone, self.zip, self.pin, self.number, self.button)
        for widget in (*fields, self.keyboard):
            self.column.addWidget(widget)
