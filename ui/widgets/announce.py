"""Telling screen readers what just happened, without moving focus.

Qt 6.8 added ``QAccessibleAnnouncementEvent``: the platform bridge (AT-SPI for
Orca, UI Automation for Narrator and NVDA, NSAccessibility for VoiceOver)
speaks its message as a live region would. The kiosk announces each new
screen by its title, a form's mistakes when they appear, the "Did you mean"
suggestion and the "Still there?" warning. Qt sends nothing unless an
assistive technology is listening, so this costs nothing otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def announce(source: QObject, message: str, *, assertive: bool = False) -> None:
    """Ask screen readers to say ``message``, about ``source`` (a widget on screen).

    ``assertive`` interrupts what is being read (a mistake, a timeout warning);
    otherwise the message waits its turn (a new screen, a suggestion).
    """
    if not message:
        return
    # Here, not at the top: making QAccessible's enums takes a while, and the first screen
    # shows before anything is announced.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(source, message)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
