"""Every attendee screen, and card over one, as an attendee sees it: one list for the tests.

The accessibility, contrast and larger-text tests each look at all of them,
so they share the list (and a new screen added here is checked by all), and
the two ways they look at one: what is on top, and a widget scrolled into view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.signup import SignupForm, WlfChoice
from ui.main_window import MainWindow

Stage = tuple[str, Callable[[], None]]


def attendee_stages(window: MainWindow) -> list[Stage]:
    """(name, what shows it) for each attendee screen state, in the order of a visit."""

    def resource_detail() -> None:
        window.go("resources")
        window.resources.show_detail(0)

    def join_with_mistakes() -> None:
        window.go("join")
        window.join.email.edit.setText("dana@gmail.con")
        window.join.submit()

    def thank_you() -> None:
        record = window.service.submit(
            SignupForm(
                first_name="Dana",
                last_name="Levi",
                email="dana@example.org",
                wlf_choice=WlfChoice.MEMBER,
                advocacy_pledge=True,
                contact_consent=True,
            )
        )
        window.thank_you.show_record(record)
        window.go("thank_you")

    def idle_warning() -> None:
        window.go("home")
        window.overlay.start()
        window.overlay.freeze()

    def display_choices() -> None:
        window.go("home")
        window.open_display_panel()

    return [
        ("attract", lambda: window.go("attract")),
        ("home", lambda: window.go("home")),
        ("message", lambda: window.go("message")),
        ("resources", lambda: window.go("resources")),
        ("resource_detail", resource_detail),
        ("action", lambda: window.go("action")),
        ("join", lambda: window.go("join")),
        ("join_mistakes", join_with_mistakes),
        ("thank_you", thank_you),
        ("idle_warning", idle_warning),
        ("display_choices", display_choices),
    ]


def walk_stages(qtbot: QtBot, window: MainWindow) -> Iterator[str]:
    """Show each attendee stage in turn (nothing left over from the one before); yield its name."""
    for name, show in attendee_stages(window):
        window.overlay.cancel()
        window.display_panel.close_panel()
        show()
        qtbot.wait(1)
        yield name


def on_top(window: MainWindow) -> QWidget:
    """The card over the screen if one is open, else the screen."""
    for card in (window.display_panel, window.overlay):
        if card.isVisible():
            return card
    return window.screen_named(window.current)


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area holding ``widget`` so all of it shows, as a reader would."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()
    QApplication.processEvents()
