"""WCAG 2.5.3 (label in name): a control's spoken name holds the words it shows.

A voice-control user says what they see ("click Look again"), and a screen
reader user hears it; a name that rewords the label leaves both out.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QWidget


def name_lacks_label(name: str, visible: str) -> bool:
    """Whether the spoken ``name`` leaves out the ``visible`` label's words.

    The words as seen: no mnemonic "&", no trailing "…" (a dialog follows, not a
    word), no invisible marks that keep a right-to-left sentence from reordering
    an address (U+2066 to U+2069). A label of symbols only ("−", "+") has no
    words to say, so its name may say what it does.
    """
    seen = re.sub("[&\u2066-\u2069]", "", visible).removesuffix("…").strip()
    if not any(character.isalpha() for character in seen):
        return False
    return seen.casefold() not in name.casefold()


def buttons_lacking_labels(root: QWidget) -> list[str]:
    """Each shown button under ``root`` whose accessible name leaves out its text."""
    return [
        f"{button.objectName() or type(button).__name__} shows {button.text()!r}"
        f" but is named {button.accessibleName()!r}"
        for button in root.findChildren(QAbstractButton)
        if button.isVisible() and name_lacks_label(button.accessibleName(), button.text())
    ]
