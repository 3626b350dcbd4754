"""The office window as staff use it: ``p2p-kiosk office`` as a process under Xvfb, xdotool's mouse.

Its twin (``tests.e2e.twin``) is the same window over a master store with the
same contacts, styled as the office runs (``as_office_app``), at the X screen's
size. The X screen must show what the twin draws: the bundled face and Fusion
on a desktop that has neither, and the Duplicates tab after a merge.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from pytestqt.qtbot import QtBot

from kiosk.duplicates import decisions
from kiosk.importer import import_exports
from kiosk.master import open_master
from kiosk.people import MERGED
from tests.ci import serve
from tests.e2e.twin import OnX
from tests.e2e.xserver import SCREEN_SIZE, XServer, XServerUnavailable
from tests.factories import DANA_AT_WORK, DANA_PERSONAL, MakeKiosk
from ui.office.app import as_office_app, make_office_window
from ui.office.window import OfficeWindow

pytestmark = pytest.mark.e2e

T0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
ON_X, TWIN = "1", "2"
"""The folders of the master stores of the office on the X server and of its twin."""


@pytest.fixture
def xserver(tmp_path: Path) -> Iterator[XServer]:
    yield from serve(lambda: XServer(tmp_path), XServerUnavailable, needs="Xvfb and xdotool")


def _master_with_dana_twice(make_kiosk: MakeKiosk, folder: Path) -> list[str]:
    """Two master stores holding the same people: Dana under two emails, and Noa."""
    kiosk = make_kiosk("fair")
    kiosk.add(at=T0, **DANA_PERSONAL)
    kiosk.add(at=T0, first_name="Noa", last_name="Cohen", email="noa@example.org")
    first = kiosk.export()
    kiosk.add(at=T0 + timedelta(days=3), **DANA_AT_WORK)
    files = [first, kiosk.export()]
    # Folders 1 and 2: the window shows its store's path, and digits are all as wide, so
    # both windows lay out alike.
    urls = [f"sqlite:///{folder / name / 'master.sqlite3'}" for name in (ON_X, TWIN)]
    for url in urls:
        Path(url.removeprefix("sqlite:///")).parent.mkdir()
        import_exports(files, url)
    return urls


@pytest.fixture
def office(
    xserver: XServer, tmp_path: Path, qtbot: QtBot, make_kiosk: MakeKiosk
) -> Iterator[OnX[OfficeWindow]]:
    on_x, on_twin = _master_with_dana_twice(make_kiosk, tmp_path)
    with as_office_app():
        twin = make_office_window(on_twin)
        qtbot.addWidget(twin)
        twin.resize(*SCREEN_SIZE)  # as run_office fits a window larger than the screen
        twin.show()
        qtbot.waitExposed(twin)
        with (tmp_path / "office.log").open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "p2p_kiosk", "office", "--data-dir", str(tmp_path)]
                + ["--into", on_x],
                env=xserver.env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=tmp_path,
            )
        started = OnX(xserver, twin, process, tmp_path, qtbot)
        try:
            yield started
        finally:
            started.close()
            qtbot.waitUntil(lambda: not twin.is_busy(), timeout=20_000)


def test_staff_merge_a_possible_duplicate_on_a_real_screen(
    office: OnX[OfficeWindow], qtbot: QtBot
) -> None:
    twin = office.twin
    office.shows(twin.tabs.tabBar())  # Noto Sans and Fusion on X, as on the twin

    tab = twin.duplicates_tab
    bar = twin.tabs.tabBar()
    with qtbot.waitSignal(tab.looked, timeout=20_000):
        office.click(bar, bar.tabRect(twin.tab_index(tab)).center(), pause=0.3)
    assert tab.pairs_table.rowCount() == 1
    office.shows(tab.first_card)  # Dana's first contact, in the office's face
    office.shows(tab.second_card)

    with qtbot.waitSignals([tab.decided, tab.looked], timeout=20_000, order="strict"):
        office.click(tab.merge_button, pause=0.5)
    assert tab.pairs_table.rowCount() == 0 and tab.pairs_table.hasFocus()
    # The list's leading edge, framed in the focus colour as the one the keyboard is on (its
    # columns, sized to their contents as each screen lays them out, are left out).
    table = tab.pairs_table
    office.shows(table, part=QRect(0, 0, 6, table.height()))

    master = open_master(f"sqlite:///{office.work / ON_X / 'master.sqlite3'}")  # on X
    try:
        assert [d.decision for d in decisions(master)] == [MERGED]
    finally:
        master.dispose()


def test_on_a_laptop_screen_the_page_scrolls_to_the_decisions_and_undo(
    office: OnX[OfficeWindow], qtbot: QtBot
) -> None:
    """1280x800: the window fits the screen, and Tab scrolls its page down to Undo."""
    twin = office.twin
    assert (twin.width(), twin.height()) == SCREEN_SIZE  # not grown past the screen's edge
    tab = twin.duplicates_tab
    bar = twin.tabs.tabBar()
    office.shows(bar)  # up on X
    with qtbot.waitSignal(tab.looked, timeout=20_000):
        office.click(bar, bar.tabRect(twin.tab_index(tab)).center(), pause=0.3)
    office.shows(tab.first_card)
    with qtbot.waitSignals([tab.decided, tab.looked], timeout=20_000, order="strict"):
        office.click(tab.merge_button, pause=0.5)
    decisions_list = tab.history_table
    for _ in range(10):  # from the list of pairs down the page, on both
        if decisions_list.hasFocus():
            break
        office.press(Qt.Key.Key_Tab, "Tab")
    assert decisions_list.hasFocus()
    # Scrolled into sight on both (on X a few pixels less far, as its page settles later:
    # not compared), so the clicks below land on the row and on Undo there too.
    office.click(decisions_list.viewport(), QPoint(20, decisions_list.rowHeight(0) // 2))
    with qtbot.waitSignals([tab.decided, tab.looked], timeout=20_000, order="strict"):
        office.click(tab.undo_button, pause=0.5)
    assert tab.pairs_table.rowCount() == 1

    def undone_on_x() -> bool:
        master = open_master(f"sqlite:///{office.work / ON_X / 'master.sqlite3'}")
        try:
            return [d.undone_at is not None for d in decisions(master)] == [True]
        finally:
            master.dispose()

    qtbot.waitUntil(undone_on_x, timeout=10_000)  # the click on X's Undo undid the merge
