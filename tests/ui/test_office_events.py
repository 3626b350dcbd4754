"""The office window's Events tab, driven as staff drive it: pick an event, a kiosk, save.

The master store is the hand-counted one of ``tests.test_event_report``
(two kiosks at a campus fair, a dinner before it, a gala after it), built by
a real import; the figures the tab shows are checked against those counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.event_report import event_report
from kiosk.importer import import_exports
from kiosk.master import master_url_in, open_master
from kiosk.signup import WlfChoice
from tests.factories import MakeKiosk
from tests.test_event_report import FAIR, import_events
from tests.ui.dialogs import save_through_dialog
from tests.ui.showing import show_window
from ui.office.app import make_office_window
from ui.office.events_tab import EventsTab, report_file_name
from ui.office.window import OfficeWindow

# Laid out as staff see it: the office's style and font, not the kiosk's.
pytestmark = pytest.mark.usefixtures("office_app")


@pytest.fixture
def imported(make_kiosk: MakeKiosk, tmp_path: Path) -> tuple[str, dict[str, str]]:
    """The master store's URL after the import, and the two kiosks' ids."""
    url = master_url_in(tmp_path)
    return url, import_events(make_kiosk, url)


def _open(qtbot: QtBot, url: str) -> OfficeWindow:
    window = show_window(qtbot, make_office_window(url))
    window.show_tab(window.events_tab)
    return window


@pytest.fixture
def window(qtbot: QtBot, imported: tuple[str, dict[str, str]]) -> Iterator[OfficeWindow]:
    win = _open(qtbot, imported[0])
    yield win
    qtbot.waitUntil(lambda: not win.is_busy(), timeout=20_000)


def _click_event(qtbot: QtBot, tab: EventsTab, name: str) -> None:
    row = [event.name for event in tab.events].index(name)
    table = tab.events_table
    item = table.item(row, 0)
    assert item is not None
    rect = table.visualItemRect(item)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _cell(tab: EventsTab, row: int, column: int) -> str:
    item = tab.events_table.item(row, column)
    assert item is not None
    return item.text()


HEADLINE = ("signups", "new", "known", "pledges", "email_group")
"""The keys of the headline figures each test reads, in one order for every test."""


def _figures(tab: EventsTab) -> dict[str, str]:
    shown = {key: label.text() for key, label in tab.figure_labels.items()}
    shown.update({key: label.text() for key, label in tab.wlf_labels.items()})
    return shown


def test_the_events_are_listed_newest_first_and_the_newest_is_shown(
    window: OfficeWindow,
) -> None:
    tab = window.events_tab
    names = [_cell(tab, row, 0) for row in range(tab.events_table.rowCount())]
    assert names == ["Spring Gala", FAIR, "Community Dinner"]
    assert [_cell(tab, row, 1) for row in range(3)] == ["1", "7", "2"]
    assert tab.report is not None and tab.report.name == "Spring Gala"
    assert tab.event_title.text() == "Spring Gala"
    assert tab.list_note.text() == "3 events."


def test_clicking_an_event_shows_its_figures_and_charts(
    qtbot: QtBot, window: OfficeWindow, imported: tuple[str, dict[str, str]]
) -> None:
    tab = window.events_tab
    _click_event(qtbot, tab, FAIR)
    assert tab.event_title.text() == FAIR
    assert "Cambridge, MA · Boston, MA" in tab.event_details.text()
    shown = _figures(tab)
    assert [shown[k] for k in HEADLINE] == ["7", "4", "2", "2", "4"]
    assert [shown[c.value] for c in WlfChoice] == ["4", "1", "1", "1"]
    assert tab.wlf_captions["member"].text() == "WLF: Member\n57\xa0%"
    # The charts hold the core's hours and days, in this computer's time zone.
    engine = open_master(imported[0])
    try:
        expected = event_report(engine, FAIR).total
    finally:
        engine.dispose()
    assert tab.hour_chart.data().counts == expected.per_hour
    assert sum(tab.day_chart.data().counts) == 7
    assert len(tab.day_chart.data().labels) == len(expected.per_day)
    assert tab.hour_chart.data().highlighted is not None


def test_the_kiosk_chooser_narrows_the_figures_to_one_kiosk(
    qtbot: QtBot, window: OfficeWindow, imported: tuple[str, dict[str, str]]
) -> None:
    tab = window.events_tab
    _click_event(qtbot, tab, FAIR)
    box = tab.kiosk_box
    assert box.isEnabled() and box.count() == 3 and box.currentText() == "All 2 kiosks"
    box.setCurrentIndex(box.findData(imported[1]["north"]))
    assert tab.chosen_kiosk() == imported[1]["north"]
    shown = _figures(tab)
    assert [shown[k] for k in HEADLINE] == ["4", "2", "1", "2", "3"]
    assert [shown[c.value] for c in WlfChoice] == ["2", "0", "1", "1"]
    assert sum(tab.hour_chart.data().counts) == 4
    box.setCurrentIndex(0)
    assert _figures(tab)["signups"] == "7"


def test_an_event_of_one_kiosk_has_no_kiosk_to_choose(window: OfficeWindow) -> None:
    tab = window.events_tab
    tab.choose_event("Spring Gala")
    assert not tab.kiosk_box.isEnabled() and tab.kiosk_box.currentText() == "The 1 kiosk"


def test_save_report_writes_the_chosen_event_s_pdf(
    qtbot: QtBot, window: OfficeWindow, tmp_path: Path
) -> None:
    tab = window.events_tab
    _click_event(qtbot, tab, FAIR)
    # No ending typed: the saved file gets the chosen type's ending.
    args, seen = save_through_dialog(
        qtbot, tab.save_report_button, tab.report_saved, tmp_path / "fair report"
    )
    assert args == [2]
    assert seen[0] == "PDF files (*.pdf)" and seen[1].endswith("report-Campus-Fair.pdf")
    saved = tmp_path / "fair report.pdf"
    assert saved.read_bytes().startswith(b"%PDF-")
    assert str(saved) in window.status_label.text()


def test_a_report_that_cannot_be_written_is_an_error_and_leaves_nothing(
    qtbot: QtBot, window: OfficeWindow, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.error_shown, timeout=10_000) as blocker:
        assert window.events_tab.save_report(tmp_path / "missing" / "r.pdf") == 0
    assert "The report was not written" in blocker.args[0]
    assert not (tmp_path / "missing").exists()


def test_a_merge_in_the_window_adds_its_event(
    qtbot: QtBot, make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    window = _open(qtbot, master_url_in(tmp_path))
    tab = window.events_tab
    assert tab.events == [] and not tab.save_report_button.isEnabled()
    assert tab.list_note.text().startswith("No events yet")
    assert tab.figure_labels["signups"].text() == "–"
    kiosk = make_kiosk("booth")
    kiosk.add(at=datetime(2026, 11, 27, 18, 0, tzinfo=UTC), event="<b>Gala</b> יריד")
    with qtbot.waitSignal(window.checks_finished, timeout=20_000):
        window.add_files([kiosk.export()])
    with qtbot.waitSignal(window.merge_finished, timeout=60_000):
        assert window.merge()
    assert window.current_tab() is window.import_tab  # adding files showed that tab
    window.show_tab(tab)  # the events are counted again when staff come back
    assert [event.name for event in tab.events] == ["<b>Gala</b> יריד"]
    assert tab.event_title.text() == "<b>Gala</b> יריד"
    assert tab.event_title.textFormat() == Qt.TextFormat.PlainText  # a name is never markup
    assert _cell(tab, 0, 0) == "<b>Gala</b> יריד"
    assert tab.save_report_button.isEnabled()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20_000)


def test_a_changed_store_is_counted_again_at_once_on_a_showing_tab(
    window: OfficeWindow, imported: tuple[str, dict[str, str]], make_kiosk: MakeKiosk
) -> None:
    tab = window.events_tab
    kiosk = make_kiosk("late")
    kiosk.add(at=datetime(2026, 11, 28, 12, 0, tzinfo=UTC), event="Late Event")
    assert import_exports([kiosk.export()], imported[0]).is_clean
    assert "Late Event" not in [event.name for event in tab.events]
    tab.mark_stale()
    assert [event.name for event in tab.events][0] == "Late Event"
    assert tab.report is not None and tab.report.name == "Spring Gala"  # still the chosen one


def test_the_tabs_are_numbered_in_order_and_the_events_tab_opens_from_its_own(
    qtbot: QtBot, imported: tuple[str, dict[str, str]]
) -> None:
    window = show_window(qtbot, make_office_window(imported[0]))
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "1  Import files",
        "2  Contacts and CRM file",
        "3  Possible duplicates",
        "4  Events",
    ]
    assert window.events_tab.events == []  # counted when staff open it, not before
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    assert window.current_tab() is window.events_tab
    assert [event.name for event in window.events_tab.events][0] == "Spring Gala"
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20_000)


def test_every_label_of_the_tab_is_plain_text(window: OfficeWindow) -> None:
    labels = window.events_tab.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


@pytest.mark.parametrize(
    ("event", "file_name"),
    [
        ("Campus Fair", "report-Campus-Fair.pdf"),
        ("../../etc/passwd", "report-etc-passwd.pdf"),
        ("a/b\\c:d*e?", "report-a-b-c-d-e.pdf"),
        ("Fair\x1b[2J\x00", "report-Fair-2J.pdf"),
        ("יריד הקמפוס", "report-יריד-הקמפוס.pdf"),
        ("...", "report-event.pdf"),
        ("x" * 200, f"report-{'x' * 60}.pdf"),
    ],
)
def test_a_report_s_file_name_stays_in_its_folder(event: str, file_name: str) -> None:
    assert report_file_name(event) == file_name
