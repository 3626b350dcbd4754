"""What a screen reader finds on every attendee screen, and what it is told as things happen.

Orca, NVDA, Narrator and VoiceOver read the same tree Qt builds for its
platform bridges (``QAccessible``). These tests walk that tree, not the
widgets: every control a person can reach has a role, a name that holds the
words on screen (WCAG 2.5.3), and the states it shows the eye; every text is
in it; the pictures have words. Announcements are caught as the bridge would
receive them (``a11y_events``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.a11y_events import listening
from tests.ui.attendee_stages import walk_stages
from tests.ui.conftest import MakeWindow
from tests.ui.label_in_name import name_lacks_label
from ui.main_window import MainWindow
from ui.screens.base import Screen
from ui.widgets.qr_view import QrCanvas

CONTROLS = frozenset(
    {
        QAccessible.Role.PushButton,
        QAccessible.Role.Button,
        QAccessible.Role.CheckBox,
        QAccessible.Role.RadioButton,
        QAccessible.Role.EditableText,
        QAccessible.Role.SpinBox,
        QAccessible.Role.ComboBox,
    }
)
ARTICLE_LINK = "https://example.org/articles/shared-society"


@dataclass
class Node:
    """One shown node of the accessibility tree."""

    role: QAccessible.Role
    name: str
    description: str
    state: QAccessible.State
    target: QObject | None


def _shown_nodes(root: QAccessibleInterface) -> Iterator[Node]:
    """Every node a screen reader can reach: not invisible, and under shown nodes only."""
    for index in range(root.childCount()):
        child = root.child(index)
        if child is None or not child.isValid():
            continue
        state = child.state()
        if state.invisible or state.offscreen:
            continue
        yield Node(
            child.role(),
            child.text(QAccessible.Text.Name),
            child.text(QAccessible.Text.Description),
            state,
            child.object(),
        )
        yield from _shown_nodes(child)


def _tree(window: QWidget) -> list[Node]:
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    return list(_shown_nodes(root))


def _visible_label(widget: QWidget, window: QWidget) -> str:
    """The words a sighted person reads as this control's label."""
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.text()
    title = getattr(widget, "title_label", None)  # a card: its title
    if isinstance(title, QLabel):
        return title.text()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.isVisible():
            return label.text()
    return ""


def _walk(qtbot: QtBot, window: MainWindow) -> Iterator[tuple[str, list[Node]]]:
    for name in walk_stages(qtbot, window):
        yield name, _tree(window)


@pytest.fixture
def window(make_window: MakeWindow, service: Any) -> MainWindow:
    """A kiosk whose first resource links an article, so a detail view has a QR code."""
    from dataclasses import replace

    content = service.content
    first = replace(content.resources[0], link=ARTICLE_LINK)
    service.content = replace(content, resources=(first, *content.resources[1:]))
    return make_window()


def test_every_control_on_every_attendee_screen_has_a_role_a_name_and_its_states(
    qtbot: QtBot, window: MainWindow
) -> None:
    problems: list[str] = []
    controls = 0
    for stage, nodes in _walk(qtbot, window):
        for node in nodes:
            if node.role not in CONTROLS or not isinstance(node.target, QWidget):
                continue
            controls += 1
            widget = node.target
            where = f"{stage}: {type(widget).__name__} {widget.objectName()!r}"
            problems += _name_problems(where, node, _visible_label(widget, window))
            problems += _state_problems(where, node, widget)
    assert controls > 70
    assert not problems, "\n".join(problems)


def _name_problems(where: str, node: Node, visible: str) -> list[str]:
    if not node.name.strip():
        return [f"{where} has no name"]
    if name_lacks_label(node.name, visible):
        return [f"{where} is named {node.name!r}, which lacks its visible label {visible!r}"]
    return []


def _state_problems(where: str, node: Node, widget: QWidget) -> list[str]:
    problems = []
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        if not node.state.checkable or bool(node.state.checked) != widget.isChecked():
            problems.append(f"{where}: checked is {bool(node.state.checked)}, shown otherwise")
    if bool(node.state.focused) != widget.hasFocus():
        problems.append(f"{where}: focused is {bool(node.state.focused)}, shown otherwise")
    if bool(node.state.disabled) == widget.isEnabled():
        problems.append(f"{where}: disabled is {bool(node.state.disabled)}, shown otherwise")
    if node.state.selected:
        problems.append(f"{where} says it is selected: no attendee control holds a selection")
    return problems


def test_every_text_an_attendee_reads_is_in_the_tree(qtbot: QtBot, window: MainWindow) -> None:
    problems = []
    for stage, nodes in _walk(qtbot, window):
        spoken = {node.name for node in nodes}
        for label in window.findChildren(QLabel):
            if label.isVisible() and label.text().strip() and label.text() not in spoken:
                if label.accessibleName() not in spoken:
                    problems.append(f"{stage}: {label.text()[:50]!r} is not in the tree")
    assert not problems, "\n".join(problems)


def test_text_fields_say_required_and_carry_their_mistakes_in_the_description(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.go("join")
    join = window.join
    descriptions = {node.target: node.description for node in _tree(window)}
    assert descriptions[join.first_name.edit] == "Required"
    assert descriptions[join.email.edit] == "Required"
    assert descriptions[join.phone.edit] == ""  # its label says "(optional)"
    assert descriptions[join.consent.button] == "Required"

    join.email.edit.setText("not an email")
    join.submit()
    qtbot.wait(1)
    descriptions = {node.target: node.description for node in _tree(window)}
    assert descriptions[join.first_name.edit] == join.first_name.error()
    assert descriptions[join.email.edit] == join.email.error()
    assert descriptions[join.consent.button] == join.consent_error.text()
    for message in (join.first_name.error(), join.email.error(), join.consent_error.text()):
        assert message

    join.first_name.edit.setText("Dana")
    join.reset()
    descriptions = {node.target: node.description for node in _tree(window)}
    assert descriptions[join.first_name.edit] == "Required"
    assert descriptions[join.consent.button] == "Required"


def test_pictures_have_words_qr_codes_and_the_check_mark(qtbot: QtBot, window: MainWindow) -> None:
    window.go("resources")
    window.resources.show_detail(0)
    qtbot.wait(1)
    graphics = [n for n in _tree(window) if isinstance(n.target, QrCanvas)]
    assert graphics, "the detail view shows a QR code"
    for node in graphics:
        assert node.role == QAccessible.Role.Graphic
        assert node.name == "QR code"
        assert node.description == ARTICLE_LINK

    window.go("thank_you")
    qtbot.wait(1)
    check = window.thank_you.check
    node = next(n for n in _tree(window) if n.target is check)
    assert check.text() == "✓"
    assert node.name == "Signed up"


# Announcements -------------------------------------------------------------------------


def test_each_new_screen_is_announced_by_its_title(qtbot: QtBot, window: MainWindow) -> None:
    with listening() as heard:
        for route, title in (
            ("home", window.service.content.title),
            ("message", "The message"),
            ("resources", "Resources"),
            ("action", "Take action"),
            ("join", "Sign up"),
        ):
            heard.clear()
            window.go(route)
            assert heard.announcements() == [title]
        heard.clear()
        window.go("resources")
        window.resources.show_detail(0)
        assert heard.announcements() == ["Resources", window.resources.resources[0].title]


def test_mistakes_are_announced_when_they_appear_and_described_on_their_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.go("join")
    join = window.join
    with listening() as heard:
        join.first_name.edit.setText("Dana")
        join.submit()
        said = heard.assertive()
        assert len(said) == 1
        assert said[0].startswith("Please check the answers marked in red.")
        assert f"Last name: {join.last_name.error()}" in said[0]
        assert f"Email: {join.email.error()}" in said[0]
        assert join.consent_error.text() in said[0]
        changed = {h.source for h in heard.heard if h.type == QAccessible.Event.DescriptionChanged}
        assert {join.last_name.edit, join.email.edit, join.consent.button} <= changed


def test_the_did_you_mean_suggestion_is_announced(qtbot: QtBot, window: MainWindow) -> None:
    window.go("join")
    join = window.join
    join.email.edit.setFocus()
    with listening() as heard:
        qtbot.keyClicks(join.email.edit, "dana@gmail.con")
        join.phone.edit.setFocus()  # leaving the field checks it
        qtbot.waitUntil(join.suggestion_button.isVisible, timeout=1000)
        assert "Did you mean dana@gmail.com?" in heard.announcements()
        assert not heard.assertive()  # a suggestion waits for what is being read


def test_the_still_there_warning_interrupts(qtbot: QtBot, window: MainWindow) -> None:
    window.go("home")
    with listening() as heard:
        window.overlay.start()
        said = heard.assertive()
    window.overlay.cancel()
    assert len(said) == 1 and said[0].startswith("Still there?")


def test_screen_readers_hear_nothing_once_the_listener_is_gone(
    qtbot: QtBot, window: MainWindow
) -> None:
    with listening() as heard:
        window.go("home")
    assert heard.announcements()
    count = len(heard.heard)
    window.go("message")
    assert len(heard.heard) == count
    assert not QAccessible.isActive()


def test_focus_lands_on_the_new_screen_which_a_reader_names_by_its_title(
    qtbot: QtBot, window: MainWindow
) -> None:
    for route in ("home", "message", "resources", "action", "join", "thank_you"):
        window.go(route)
        focused = window.focusWidget()
        screen = window.stack.currentWidget()
        assert isinstance(screen, Screen)
        # The screen itself (named by its title), or the form's first field.
        if route == "join":
            assert focused is window.join.first_name.edit
            continue
        assert focused is screen
        node = QAccessible.queryAccessibleInterface(screen)
        assert node is not None and node.text(QAccessible.Text.Name) == screen.title()
        assert screen.title()
