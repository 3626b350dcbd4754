"""The office window, driven like staff drive it: add or drop files, merge, search, save.

Real kiosk stores write real exports (plain and age-encrypted) into a
temporary "USB stick"; the window merges them into a real SQLite master
store, and every number it shows is checked against that database.
"""

from __future__ import annotations

import csv
import json
import shutil
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QTableWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from kiosk.crm import PROFILES, CrmFormat
from kiosk.crypto import new_key_pair, write_identity_file
from kiosk.export import export_signups
from kiosk.importer import ImportReport
from kiosk.signup import SignupRecord
from kiosk.store import Store
from tests.factories import ExportingKiosk, make_signup
from tests.ui.dialogs import save_through_dialog
from tests.ui.label_in_name import buttons_lacking_labels
from tests.ui.window_input import WindowInput
from ui.office.app import make_office_window
from ui.office.files import MERGED, READY, REJECTED
from ui.office.window import OfficeWindow

# Laid out as staff see it: the office's style and font, not the kiosk's.
pytestmark = pytest.mark.usefixtures("office_app")

T0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def _record(kiosk_id: str, n: int, *, event: str, when: datetime, **signup: object) -> SignupRecord:
    values: dict[str, object] = {
        "first_name": f"Person{n}",
        "last_name": "Tester",
        "email": f"person{n}@example.org",
    }
    values.update(signup)
    return SignupRecord(
        signup_id=uuid.uuid4(),
        created_at=when,
        event_name=event,
        event_location="Boston, MA",
        kiosk_id=kiosk_id,
        signup=make_signup(**values),
    )


def _export(
    tmp: Path,
    name: str,
    people: Sequence[Mapping[str, object]],
    *,
    event: str,
    when: datetime,
    recipient: str | None = None,
) -> Path:
    """A kiosk called ``name`` signs up ``people`` and exports them to tmp/usb-<name>/."""
    kiosk = ExportingKiosk(tmp, name)
    try:
        for n, person in enumerate(people):
            values: dict[str, Any] = {"first_name": f"Person{n}", "last_name": "Tester", **person}
            values.setdefault("email", f"person{n}@example.org")
            kiosk.add(at=when + timedelta(minutes=n), event=event, **values)
        return kiosk.export(recipient=recipient)
    finally:
        kiosk.close()


@pytest.fixture
def exports(tmp_path: Path) -> dict[str, Path]:
    """Two kiosks' exports (one person at both, email in another case) and a damaged copy."""
    fair = [
        {"first_name": "Noa", "last_name": "כהן", "email": "noa.cohen@example.org"},
        {"first_name": "Layla", "last_name": "حداد", "email": "layla@example.org"},
        {"first_name": "=SUM(A1)", "last_name": "Tester", "email": "sum@example.org"},
    ] + [{} for _ in range(7)]
    dinner = [
        {"first_name": "Noa", "last_name": "Cohen", "email": "NOA.COHEN@example.org"},
        {"first_name": "José", "last_name": "Núñez", "email": "jose@example.org"},
    ] + [{"email": f"guest{i}@example.org"} for i in range(4)]
    fair_csv = _export(tmp_path, "fair", fair, event="Campus Fair", when=T0)
    dinner_csv = _export(
        tmp_path, "dinner", dinner, event="Community Dinner", when=T0 + timedelta(days=3)
    )
    damaged_dir = tmp_path / "usb-damaged"
    damaged_dir.mkdir()
    damaged = damaged_dir / dinner_csv.name
    shutil.copy(dinner_csv, damaged)
    for manifest in dinner_csv.parent.glob("*.json"):
        shutil.copy(manifest, damaged_dir / manifest.name)
    data = bytearray(damaged.read_bytes())
    data[-5] ^= 0x01  # one flipped bit in the last row
    damaged.write_bytes(bytes(data))
    return {"fair": fair_csv, "dinner": dinner_csv, "damaged": damaged}


@pytest.fixture
def master_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'master.sqlite3'}"


@pytest.fixture
def window(qtbot: QtBot, master_url: str) -> Iterator[OfficeWindow]:
    win = make_office_window(master_url)
    qtbot.addWidget(win)
    win.show()
    yield win
    qtbot.waitUntil(lambda: not win.is_busy(), timeout=20_000)


def _db_count(url: str, table: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


def _add_and_wait(qtbot: QtBot, window: OfficeWindow, paths: list[Path]) -> None:
    with qtbot.waitSignal(window.checks_finished, timeout=20_000):
        window.add_files(paths)


def _text(item: QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text()


def _cell(window: OfficeWindow, row: int, column: int) -> str:
    item = window.files_table.item(row, column)
    return item.text() if item is not None else ""


def _merge_and_wait(qtbot: QtBot, window: OfficeWindow) -> ImportReport:
    with qtbot.waitSignal(window.merge_finished, timeout=60_000) as blocker:
        assert window.merge()
    assert blocker.args is not None
    report = blocker.args[0]
    assert isinstance(report, ImportReport)
    return report


# Adding files ------------------------------------------------------------------


def test_added_files_are_checked_before_anything_is_merged(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path], master_url: str
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"], exports["dinner"], exports["damaged"]])

    assert window.files_table.rowCount() == 3
    fair, dinner, damaged = window.entries
    assert (fair.status, dinner.status, damaged.status) == (READY, READY, REJECTED)
    assert _cell(window, 0, 2) == "10"
    assert "Campus Fair" in _cell(window, 0, 3)
    assert _cell(window, 1, 2) == "6"
    assert "Community Dinner" in _cell(window, 1, 3)
    assert _cell(window, 0, 6).startswith("Hash matches its manifest")
    assert damaged.detail == "SHA-256 does not match the manifest"
    assert damaged.detail[0].isupper(), "reasons read as sentences"
    assert "Rejected" in _cell(window, 2, 1)
    assert window.merge_button.text() == "Merge 2 files"
    assert window.merge_button.isEnabled()
    # Checking writes nothing.
    assert _db_count(master_url, "touchpoints") == 0


def test_the_same_file_added_twice_is_listed_once(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path]
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"]])
    assert window.add_files([exports["fair"], str(exports["fair"])]) == 0
    assert window.files_table.rowCount() == 1


def test_a_folder_adds_its_exports_and_skips_manifests_and_other_files(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path]
) -> None:
    folder = exports["fair"].parent
    (folder / "notes.txt").write_text("not an export")
    _add_and_wait(qtbot, window, [folder])
    assert [e.path for e in window.entries] == [exports["fair"]]
    # The status line said what was skipped before the checks finished; the list is right.
    assert window.files_table.rowCount() == 1


def test_nothing_ready_means_merge_is_disabled(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path]
) -> None:
    assert not window.merge_button.isEnabled()
    _add_and_wait(qtbot, window, [exports["damaged"]])
    assert not window.merge_button.isEnabled()
    assert window.merge() is False


def _drop(window: OfficeWindow, paths: list[Path]) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = window.drop_zone.mapTo(window, window.drop_zone.rect().center())
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_dropping_files_checks_them_like_add_files(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path]
) -> None:
    with qtbot.waitSignal(window.checks_finished, timeout=20_000):
        entered, dropped = _drop(window, [exports["fair"], exports["damaged"]])
    assert entered and dropped
    assert [e.status for e in window.entries] == [READY, REJECTED]


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_a_drag_without_files_is_refused(qtbot: QtBot, window: OfficeWindow) -> None:
    mime = QMimeData()
    mime.setText('=HYPERLINK("x")')
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert window.entries == []


# Merging -----------------------------------------------------------------------


def test_merging_writes_a_receipt_for_each_kiosk_beside_its_exports(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path], master_url: str
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"], exports["dinner"], exports["damaged"]])
    _merge_and_wait(qtbot, window)

    receipts = {}
    for name in ("fair", "dinner"):
        (path,) = exports[name].parent.glob("receipt_*.json")
        receipts[name] = json.loads(path.read_text(encoding="utf-8"))
    assert [f["rows"] for f in receipts["fair"]["files"]] == [10]
    assert [f["in_master"] for f in receipts["dinner"]["files"]] == [6]
    assert not list(exports["damaged"].parent.glob("receipt_*"))  # rejected: no receipt
    note = window.receipts_label.text()
    assert window.receipts_label.isVisible()
    assert "Wrote 2 receipts for the kiosks, beside their export files." in note
    assert "Export page" in note
    assert window.receipts_label.property("warning") is False


def test_a_read_only_receipt_folder_is_a_warning_and_the_merge_stands(
    qtbot: QtBot, exports: dict[str, Path], master_url: str, tmp_path: Path
) -> None:
    from tests.receipt_helpers import unwritable_folder

    locked = tmp_path / "locked"
    locked.mkdir()
    win = make_office_window(master_url, receipt_dir=locked)
    qtbot.addWidget(win)
    win.show()
    with unwritable_folder(locked):
        _add_and_wait(qtbot, win, [exports["fair"]])
        _merge_and_wait(qtbot, win)
    assert _db_count(master_url, "touchpoints") == 10
    note = win.receipts_label.text()
    assert f"No receipt written in {locked}" in note and "import itself is complete" in note
    assert win.receipts_label.property("warning") is True
    assert win.merge_button.text() == "Merge 0 files"


def test_merge_shows_progress_and_a_summary_that_matches_the_database(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path], master_url: str
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"], exports["dinner"], exports["damaged"]])
    seen: list[int] = []
    window.progress_bar.valueChanged.connect(seen.append)

    report = _merge_and_wait(qtbot, window)

    assert window.progress_bar.isVisible()
    assert window.progress_bar.value() == window.progress_bar.maximum()
    assert seen, "the progress bar moved"
    touchpoints = _db_count(master_url, "touchpoints")
    contacts = _db_count(master_url, "contacts")
    assert touchpoints == 16
    assert contacts == 15  # Noa signed up at both events: one contact, two sign-ups
    labels = {key: label.text() for key, label in window.stat_labels.items()}
    assert labels["new"] == "16"
    assert labels["present"] == "0"
    assert int(labels["contacts_new"]) + 0 == report.contacts_new == contacts
    assert window.summary_panel.isVisible()
    rejected = window.rejected_label.text()
    assert exports["damaged"].name in rejected
    assert [e.status for e in window.entries] == [MERGED, MERGED, REJECTED]
    assert window.merge_button.text() == "Merge 0 files"
    assert not window.merge_button.isEnabled()
    assert "15 contacts" in window.count_label.text()


def test_merging_the_same_files_again_adds_nothing(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path], master_url: str
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"]])
    _merge_and_wait(qtbot, window)
    window.clear_files()
    _add_and_wait(qtbot, window, [exports["fair"]])
    report = _merge_and_wait(qtbot, window)
    assert report.signups_new == 0
    assert window.stat_labels["new"].text() == "0"
    assert window.stat_labels["present"].text() == "10"
    assert _db_count(master_url, "touchpoints") == 10


# Contacts and CRM --------------------------------------------------------------


def test_search_finds_a_contact_by_name_in_any_script(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path]
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"], exports["dinner"]])
    _merge_and_wait(qtbot, window)
    found = window.search("noa.cohen")
    assert len(found) == 1
    assert window.results_table.rowCount() == 1
    # The latest sign-up (the dinner, three days later) wins the name.
    assert _text(window.results_table.item(0, 0)) == "Noa Cohen"
    assert window.search("حداد")[0].email == "layla@example.org"
    assert window.search("nobody-here") == []
    assert window.results_note.text() == "No contact matches."


def test_typing_in_the_search_box_searches(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path]
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"]])
    _merge_and_wait(qtbot, window)
    window.tabs.setCurrentIndex(1)
    qtbot.keyClicks(window.search_box, "layla")
    qtbot.waitUntil(lambda: window.results_table.rowCount() == 1, timeout=5_000)


@pytest.mark.parametrize("profile", list(PROFILES))
def test_save_crm_file_writes_one_row_per_contact(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path], tmp_path: Path, profile: str
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"], exports["dinner"]])
    _merge_and_wait(qtbot, window)
    out = tmp_path / f"{profile}.csv"
    with qtbot.waitSignal(window.crm_saved, timeout=20_000) as blocker:
        window.save_crm_file(out, profile)
    assert blocker.args == [15]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == PROFILES[profile].headers
    assert len(rows) == 16
    flat = [cell for row in rows[1:] for cell in row]
    assert "'=SUM(A1)" in flat  # the formula is neutralized in the CRM file too
    assert str(out) in window.status_label.text()


def test_save_crm_file_into_a_missing_folder_shows_an_error(
    qtbot: QtBot, window: OfficeWindow, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.error_shown, timeout=10_000) as blocker:
        window.save_crm_file(tmp_path / "missing" / "out.csv", "generic")
    assert "not written" in blocker.args[0]
    assert window.save_button.isEnabled()


def test_the_crm_file_saved_as_a_workbook_is_one_whatever_name_staff_type(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path], tmp_path: Path
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"], exports["dinner"]])
    _merge_and_wait(qtbot, window)
    window.tabs.setCurrentIndex(1)
    window.kind_box.setCurrentIndex(window.kind_box.findData(CrmFormat.XLSX))
    # No ending typed: the saved file gets the chosen type's ending.
    args, seen = save_through_dialog(
        qtbot, window.save_button, window.crm_saved, tmp_path / "contacts"
    )
    assert args == [15]
    assert seen[0] == "Excel workbooks (*.xlsx)" and seen[1].endswith("contacts-generic.xlsx")
    saved = tmp_path / "contacts.xlsx"
    sheet = openpyxl.load_workbook(saved).active
    assert sheet is not None and sheet.freeze_panes == "A2"
    formula = [row for row in sheet.iter_rows(values_only=True) if "=SUM(A1)" in row]
    assert len(formula) == 1  # a text cell, read exactly as typed
    assert str(saved) in window.status_label.text()


# Encrypted exports -------------------------------------------------------------


@pytest.fixture
def encrypted(tmp_path: Path) -> tuple[Path, Path, Path]:
    """An encrypted export, the private key that opens it, and a key that does not."""
    identity, recipient = new_key_pair()
    key = tmp_path / "office.key"
    write_identity_file(key, identity)
    other = tmp_path / "other.key"
    write_identity_file(other, new_key_pair()[0])
    people = [{"email": f"secret{i}@example.org", "last_name": "Hidden"} for i in range(5)]
    path = _export(tmp_path, "secure", people, event="Gala", when=T0, recipient=recipient)
    return path, key, other


def test_encrypted_file_needs_the_private_key(
    qtbot: QtBot, window: OfficeWindow, encrypted: tuple[Path, Path, Path], master_url: str
) -> None:
    path, key, _other = encrypted
    assert path.name.endswith(".csv.age")
    _add_and_wait(qtbot, window, [path])
    (entry,) = window.entries
    assert entry.status == REJECTED
    assert _cell(window, 0, 5) == "yes"
    assert "key" in entry.detail.lower()
    assert "No private key" in window.identity_label.text()

    with qtbot.waitSignal(window.checks_finished, timeout=20_000):
        window.set_identity(key)
    assert entry.status == READY
    assert _cell(window, 0, 2) == "5"
    assert "office.key" in window.identity_label.text()
    _merge_and_wait(qtbot, window)
    assert _db_count(master_url, "touchpoints") == 5


def test_encrypted_file_with_the_wrong_key_is_rejected(
    qtbot: QtBot, master_url: str, encrypted: tuple[Path, Path, Path]
) -> None:
    path, _key, other = encrypted
    win = make_office_window(master_url, identity=other)
    qtbot.addWidget(win)
    _add_and_wait(qtbot, win, [path])
    (entry,) = win.entries
    assert entry.status == REJECTED
    assert "different key" in entry.detail or "key" in entry.detail.lower()
    assert not win.merge_button.isEnabled()


# Counting, files changed on the stick, conflicts -------------------------------------------


def test_merging_from_the_keyboard_leaves_it_on_the_list_of_files(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path]
) -> None:
    """Space on Merge, then the keyboard is on the files the merge marks, not Private key."""
    _add_and_wait(qtbot, window, [exports["fair"]])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.merge_button.setFocus()
    with qtbot.waitSignal(window.merge_finished, timeout=60_000):
        WindowInput(window).press_key(Qt.Key.Key_Space)  # through the window, as a keyboard
    assert window.files_table.hasFocus()
    assert [e.status for e in window.entries] == [MERGED]


def test_the_summary_counts_only_the_files_merged(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path]
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"], exports["dinner"], exports["damaged"]])
    _merge_and_wait(qtbot, window)
    assert window.summary_title.text() == "Merged 2 files into the master store"
    assert window.rejected_label.text().splitlines() == [
        "1 file rejected; nothing from it was merged:",
        f"• {exports['damaged'].name}: SHA-256 does not match the manifest",
    ]
    assert window.conflicts_label.isHidden()


def test_the_window_keeps_no_file_in_memory_until_the_merge(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path]
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"], exports["dinner"]])
    assert all(e.checked is not None and e.checked.cells is None for e in window.entries)


def test_a_file_swapped_after_its_check_is_rejected_at_the_merge(
    qtbot: QtBot, window: OfficeWindow, exports: dict[str, Path], master_url: str
) -> None:
    _add_and_wait(qtbot, window, [exports["fair"], exports["dinner"]])
    data = exports["dinner"].read_bytes()
    exports["dinner"].write_bytes(data.replace(b"guest0", b"guestX"))

    report = _merge_and_wait(qtbot, window)

    assert [f.accepted for f in report.files] == [True, False]
    fair, dinner = window.entries
    assert (fair.status, dinner.status) == (MERGED, REJECTED)
    assert dinner.detail.startswith("The file changed after it was checked")
    assert window.summary_title.text() == "Merged 1 file into the master store"
    assert exports["dinner"].name in window.rejected_label.text()
    assert _db_count(master_url, "touchpoints") == 10


def test_a_sign_up_id_imported_before_with_other_values_is_shown_as_a_conflict(
    qtbot: QtBot, window: OfficeWindow, tmp_path: Path, master_url: str
) -> None:
    store = Store.open(tmp_path / "kiosk-real")
    original = _record(store.kiosk_id, 0, event="Campus Fair", when=T0, first_name="Dana")
    store.insert_records([original])
    (tmp_path / "usb-real").mkdir()
    real = export_signups(store, tmp_path / "usb-real")
    store.close()
    forged_store = Store.open(tmp_path / "kiosk-forged")
    forged_record = SignupRecord(
        signup_id=original.signup_id,
        created_at=original.created_at,
        event_name=original.event_name,
        event_location=original.event_location,
        kiosk_id=forged_store.kiosk_id,
        signup=make_signup(first_name="Mallory", email=original.signup.email),
    )
    forged_store.insert_records([forged_record])
    (tmp_path / "usb-forged").mkdir()
    forged = export_signups(forged_store, tmp_path / "usb-forged")
    forged_store.close()
    assert real is not None and forged is not None
    _add_and_wait(qtbot, window, [real.csv_path])
    _merge_and_wait(qtbot, window)
    _add_and_wait(qtbot, window, [forged.csv_path])

    report = _merge_and_wait(qtbot, window)

    assert report.signups_conflicting == 1
    entry = window.entries[-1]
    assert entry.status == MERGED
    assert "already imported, with other values" in entry.detail
    assert window.conflicts_label.isVisible()
    lines = window.conflicts_label.text().splitlines()
    assert lines[0].startswith("1 sign-up has the id of one already imported")
    assert lines[1] == f"• {forged.csv_path.name}: 1 sign-up"
    assert window.search("Mallory") == []
    assert [c.first_name for c in window.search(original.signup.email)] == ["Dana"]


def test_the_status_line_never_shows_a_password_from_the_query(qtbot: QtBot) -> None:
    secret = "s3cret-Pa55"
    url = f"postgresql+psycopg://bob@127.0.0.1:1/master?password={secret}&connect_timeout=2"
    win = make_office_window(url)
    qtbot.addWidget(win)
    assert "cannot be opened" in win.status_label.text()
    assert "password=***" in win.status_label.text()
    shown = [win.status_label.text(), win.store_label.whole_text(), win.windowTitle()]
    assert all(secret not in text for text in shown)


def test_every_button_is_named_by_the_words_it_shows(qtbot: QtBot, window: OfficeWindow) -> None:
    """WCAG 2.5.3: staff who say "click Look again" to voice control reach that button."""
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        assert not buttons_lacking_labels(window), window.tabs.tabText(index)
    assert window.merge_button.accessibleDescription() == "Merge the checked files"


def test_a_long_master_path_never_makes_the_window_wider_than_a_laptop_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    deep = tmp_path.joinpath(*["a-long-folder-name-on-a-shared-drive"] * 6)
    deep.mkdir(parents=True)
    win = make_office_window(f"sqlite:///{deep / 'master.sqlite3'}")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.minimumSizeHint().width() <= 1280 and win.width() == 1280
    label = win.store_label
    assert "…" in label.text() and label.text().endswith("master.sqlite3")
    assert label.whole_text().endswith(str(deep / "master.sqlite3"))
    assert str(deep) in label.toolTip() and label.accessibleDescription() == label.whole_text()
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
