"""The office window's possible duplicates and contacts views, driven as staff drive them.

Real kiosk stores export real files; the window merges them into a real
SQLite master store, staff click Merge, Not the same person and Undo, and
what the window shows is checked against the store and the CRM file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QScrollArea, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from kiosk.duplicates import SAME_POSTAL_CODE, decisions, find_candidates
from kiosk.master import open_master
from tests.factories import DANA_AT_WORK, DANA_PERSONAL, MakeKiosk
from tests.ui.window_input import WindowInput
from ui.office.app import make_office_window
from ui.office.palette import OFFICE
from ui.office.window import OfficeWindow

# Laid out as staff see it: the office's style and font, not the kiosk's.
pytestmark = pytest.mark.usefixtures("office_app")

T0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


@pytest.fixture
def exports(make_kiosk: MakeKiosk) -> list[Path]:
    """Dana under two emails (same ZIP) at two events, and two other people."""
    kiosk = make_kiosk("fair")
    kiosk.add(at=T0, **DANA_PERSONAL)
    kiosk.add(at=T0, first_name="<b>Noa</b>", last_name="Cohen", email="noa@example.org")
    kiosk.add(at=T0, first_name="Layla", last_name="حداد", email="layla@example.org")
    first = kiosk.export()
    kiosk.add(at=T0 + timedelta(days=3), **DANA_AT_WORK)
    return [first, kiosk.export()]


def _open(qtbot: QtBot, url: str) -> OfficeWindow:
    window = make_office_window(url)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window(qtbot: QtBot, sqlite_url: str, exports: list[Path]) -> Iterator[OfficeWindow]:
    """The office window with both exports merged."""
    win = _open(qtbot, sqlite_url)
    with qtbot.waitSignal(win.checks_finished, timeout=20_000):
        win.add_files(exports)
    with qtbot.waitSignal(win.merge_finished, timeout=60_000):
        assert win.merge()
    yield win
    qtbot.waitUntil(lambda: not win.is_busy(), timeout=20_000)


def _show_duplicates(qtbot: QtBot, window: OfficeWindow) -> None:
    with qtbot.waitSignal(window.duplicates_tab.looked, timeout=20_000):
        window.show_tab(window.duplicates_tab)


def _click_and_wait(qtbot: QtBot, window: OfficeWindow, button: QPushButton) -> None:
    """Click a decision button and wait for the decision and the list looked for again."""
    tab = window.duplicates_tab
    with qtbot.waitSignals([tab.decided, tab.looked], timeout=20_000, order="strict"):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _column(table: QTableWidget, column: int) -> list[str]:
    cells = (table.item(row, column) for row in range(table.rowCount()))
    return [cell.text() if cell is not None else "" for cell in cells]


def test_the_duplicates_view_lists_dana_under_her_two_emails(
    qtbot: QtBot, window: OfficeWindow
) -> None:
    _show_duplicates(qtbot, window)
    tab = window.duplicates_tab

    assert _column(tab.pairs_table, 0) == ["Dana Levi"]
    assert {*_column(tab.pairs_table, 1), *_column(tab.pairs_table, 2)} == {
        "dana.levi@gmail.com",
        "d.levi@work.example.org",
    }
    assert _column(tab.pairs_table, 3) == [SAME_POSTAL_CODE]
    assert tab.count_label.text() == "1 possible duplicate"
    # The first pair is chosen: both people are shown side by side.
    cards = {tab.first_card.emails_label.text(), tab.second_card.emails_label.text()}
    assert cards == {"dana.levi@gmail.com", "d.levi@work.example.org"}
    assert tab.merge_button.isEnabled() and tab.distinct_button.isEnabled()
    assert not tab.undo_button.isEnabled()


def test_merge_makes_one_contact_with_both_emails_and_undo_splits_it(
    qtbot: QtBot, window: OfficeWindow, sqlite_url: str, tmp_path: Path
) -> None:
    _show_duplicates(qtbot, window)
    tab = window.duplicates_tab

    _click_and_wait(qtbot, window, tab.merge_button)

    assert tab.pairs_table.rowCount() == 0
    assert tab.count_label.text() == "No possible duplicates"
    assert _column(tab.history_table, 1) == ["Merged"]
    found = window.search("levi")
    assert [person.emails for person in found] == [
        ("d.levi@work.example.org", "dana.levi@gmail.com")
    ]
    assert _column(window.results_table, 1) == ["d.levi@work.example.org · dana.levi@gmail.com"]
    out = tmp_path / "contacts.csv"
    with qtbot.waitSignal(window.crm_saved, timeout=20_000):
        window.save_crm_file(out, "generic")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 3
    assert [r["other_emails"] for r in rows if r["email"] == "d.levi@work.example.org"] == [
        "dana.levi@gmail.com"
    ]

    tab.history_table.selectRow(0)
    assert tab.undo_button.isEnabled()
    _click_and_wait(qtbot, window, tab.undo_button)

    assert tab.pairs_table.rowCount() == 1
    assert _column(tab.history_table, 1)[0].startswith("Merged (undone ")
    assert len(window.search("levi")) == 2
    engine = open_master(sqlite_url)
    try:
        assert [d.undone_at is not None for d in decisions(engine)] == [True]
    finally:
        engine.dispose()


def test_not_the_same_person_is_not_asked_again(
    qtbot: QtBot, window: OfficeWindow, sqlite_url: str
) -> None:
    _show_duplicates(qtbot, window)
    tab = window.duplicates_tab

    _click_and_wait(qtbot, window, tab.distinct_button)

    assert tab.pairs_table.rowCount() == 0
    assert _column(tab.history_table, 1) == ["Not the same"]
    with qtbot.waitSignal(tab.looked, timeout=20_000):
        qtbot.mouseClick(tab.look_button, Qt.MouseButton.LeftButton)
    assert tab.pairs_table.rowCount() == 0
    # A new window on the same store (another day) does not ask either.
    again = _open(qtbot, sqlite_url)
    with qtbot.waitSignal(again.duplicates_tab.looked, timeout=20_000):
        again.show_tab(again.duplicates_tab)
    assert again.duplicates_tab.pairs_table.rowCount() == 0
    assert len(again.search("levi")) == 2
    qtbot.waitUntil(lambda: not again.is_busy(), timeout=20_000)
    engine = open_master(sqlite_url)
    try:
        assert find_candidates(engine) == []
    finally:
        engine.dispose()


def test_a_new_merge_of_files_marks_the_duplicates_for_a_new_look(
    qtbot: QtBot, window: OfficeWindow, make_kiosk: MakeKiosk
) -> None:
    _show_duplicates(qtbot, window)
    kiosk = make_kiosk("gala")
    kiosk.add(at=T0, first_name="Layla", last_name="حَدّاد", email="l.h@example.org")
    kiosk.add(at=T0, first_name="Layla", last_name="Other", email="lo@example.org")
    with qtbot.waitSignal(window.checks_finished, timeout=20_000):
        window.add_files([kiosk.export()])  # the window shows the import tab for them
    with qtbot.waitSignal(window.merge_finished, timeout=60_000):
        assert window.merge()
    assert window.duplicates_tab.stale
    _show_duplicates(qtbot, window)  # shown again: it looks again by itself

    names = _column(window.duplicates_tab.pairs_table, 0)
    assert sorted(names) == ["Dana Levi", "Layla حداد"]


def test_the_contacts_view_lists_the_latest_contacts_before_anything_is_typed(
    qtbot: QtBot, window: OfficeWindow, sqlite_url: str
) -> None:
    again = _open(qtbot, sqlite_url)
    again.show_tab(again.contacts_tab)

    assert again.search_box.text() == ""
    assert _column(again.results_table, 1)[0] == "d.levi@work.example.org"  # signed up last
    assert again.results_table.rowCount() == 4
    assert again.results_note.text() == (
        "The 4 contacts who signed up last, latest first. Type to search."
    )
    # A name that looks like markup is shown as the characters typed.
    assert "<b>Noa</b> Cohen" in _column(again.results_table, 0)
    qtbot.waitUntil(lambda: not again.is_busy(), timeout=20_000)


def test_an_empty_store_says_so_in_both_views(qtbot: QtBot, sqlite_url: str) -> None:
    window = _open(qtbot, sqlite_url)
    assert window.results_note.text() == "No contacts yet: merge export files on the Import tab."
    _show_duplicates(qtbot, window)
    assert window.duplicates_tab.count_label.text() == "No possible duplicates"
    assert not window.duplicates_tab.merge_button.isEnabled()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20_000)


def test_an_unticked_event_is_left_out_of_the_master_and_the_crm_file(
    qtbot: QtBot, sqlite_url: str, make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    kiosk = make_kiosk("booth")
    kiosk.add(at=T0, event="Setup test", email="volunteer@example.org")
    kiosk.add(at=T0 + timedelta(hours=1), event="Campus Fair", email="dana@example.org")
    window = _open(qtbot, sqlite_url)
    with qtbot.waitSignal(window.checks_finished, timeout=20_000):
        window.add_files([kiosk.export()])
    choice = window.import_tab.events_choice
    assert choice.isVisible()
    assert [choice.list.item(row).text() for row in range(choice.list.count())] == [
        "Campus Fair",
        "Setup test",
    ]
    # Staff untick the test with the keyboard: the event chosen, then Space.
    choice.list.setFocus()
    choice.list.setCurrentRow(1)
    qtbot.keyClick(choice.list, Qt.Key.Key_Space)
    assert choice.left_out() == ["Setup test"]

    with qtbot.waitSignal(window.merge_finished, timeout=60_000) as merged:
        assert window.merge()
    assert merged.args is not None
    assert dict(merged.args[0].left_out) == {"Setup test": 1}
    assert "• Setup test: 1 sign-up" in window.import_tab.left_out_label.text()
    assert [p.email for p in window.search("example.org")] == ["dana@example.org"]
    out = tmp_path / "contacts.csv"
    with qtbot.waitSignal(window.crm_saved, timeout=20_000):
        window.save_crm_file(out, "generic")
    assert "volunteer@" not in out.read_text(encoding="utf-8-sig")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20_000)


@pytest.mark.parametrize("height", [900, 700], ids=["office-size", "short-window"])
def test_both_lists_keep_whole_rows_in_sight(
    qtbot: QtBot, window: OfficeWindow, height: int
) -> None:
    """A row cut in half under the header reads as no row; the window gives the room elsewhere."""
    window.resize(window.width(), height)
    _show_duplicates(qtbot, window)
    tab = window.duplicates_tab
    _click_and_wait(qtbot, window, tab.merge_button)  # one decision on record
    tab.history_table.selectRow(0)
    _click_and_wait(qtbot, window, tab.undo_button)  # and one pair listed again
    for table, rows in ((tab.pairs_table, 3), (tab.history_table, 2)):
        room = table.viewport().height()
        assert room >= rows * table.rowHeight(0), f"{table.objectName()}: {room} px"
        assert table.rowViewportPosition(0) + table.rowHeight(0) <= room


def test_after_a_decision_the_keyboard_is_back_on_the_list_of_pairs(
    qtbot: QtBot, window: OfficeWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    _show_duplicates(qtbot, window)
    tab = window.duplicates_tab
    tab.distinct_button.setFocus()
    with qtbot.waitSignals([tab.decided, tab.looked], timeout=20_000, order="strict"):
        WindowInput(window).press_key(Qt.Key.Key_Space)  # through the window, as a keyboard
    assert tab.pairs_table.hasFocus()


def test_on_a_laptop_screen_the_page_scrolls_to_what_the_keyboard_reaches(
    qtbot: QtBot, window: OfficeWindow
) -> None:
    """1366x768 leaves the window about 700 px: it stays that tall, and its page scrolls."""
    window.resize(1366, 700)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    _show_duplicates(qtbot, window)
    tab = window.duplicates_tab
    _click_and_wait(qtbot, window, tab.merge_button)  # one decision on record, at the bottom
    assert window.height() == 700  # not grown past the screen's edge
    scroll = window.tabs.currentWidget()  # the page in its scroll area
    assert isinstance(scroll, QScrollArea) and scroll.verticalScrollBar().maximum() > 0
    decisions = tab.history_table

    def in_sight(widget: QWidget) -> bool:
        top_left = widget.mapTo(scroll.viewport(), QPoint(0, 0))
        return scroll.viewport().rect().contains(QRect(top_left, widget.size()))

    assert not in_sight(decisions)
    keys = WindowInput(window)
    for _ in range(10):  # Tab, through the window, from the list of pairs down the page
        if decisions.hasFocus():
            break
        keys.press_key(Qt.Key.Key_Tab)
    assert decisions.hasFocus() and in_sight(decisions)
    decisions.selectRow(0)
    with qtbot.waitSignals([tab.decided, tab.looked], timeout=20_000, order="strict"):
        keys.click(tab.undo_button)  # on top where it is drawn: scrolled into sight
    assert tab.pairs_table.rowCount() == 1


def test_a_button_that_cannot_be_used_looks_off(qtbot: QtBot, window: OfficeWindow) -> None:
    """Not the same person with no pair left, Undo with no decision chosen: edged in grey."""
    _show_duplicates(qtbot, window)
    tab = window.duplicates_tab
    _click_and_wait(qtbot, window, tab.merge_button)  # the only pair
    for button in (tab.distinct_button, tab.undo_button):
        assert not button.isEnabled()
        look = button.grab().toImage()
        edge = look.pixelColor(1, look.height() // 2)  # the middle of its left border
        assert edge.name() == QColor(OFFICE.disabled_fill).name(), button.text()
    tab.history_table.selectRow(0)
    look = tab.undo_button.grab().toImage()
    assert look.pixelColor(1, look.height() // 2).name() == QColor(OFFICE.primary).name()
