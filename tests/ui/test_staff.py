"""The staff screen, driven by clicks and keys over a real service and SQLite store."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
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

from kiosk.clock import ManualClock
from kiosk.service import KioskService
from tests.factories import STAFF_PIN, MakeService, make_form
from tests.receipt_helpers import office_import
from tests.ui.showing import BOOTH_SIZE, show_window
from ui.screens.staff import (
    ExportDestination,
    StaffScreen,
    VolumeInfo,
    export_destinations,
    is_removable_path,
)

PIN = STAFF_PIN
W = TypeVar("W", bound=QObject)

# --- Fixtures and helpers ---


@pytest.fixture
def service(make_service: MakeService) -> KioskService:
    """A real, set-up kiosk service (staff PIN ``PIN``), on the manual clock, in UTC."""
    return make_service(local_tz=UTC)


def _make_screen(qtbot: QtBot, service: KioskService, **kwargs: Any) -> StaffScreen:
    kwargs.setdefault("show_keyboard", False)
    return show_window(qtbot, StaffScreen(service, **kwargs), size=BOOTH_SIZE)


@pytest.fixture
def screen(qtbot: QtBot, service: KioskService) -> Iterator[StaffScreen]:
    """A staff screen at its PIN stage, as the hidden gesture opens it."""
    made = _make_screen(qtbot, service)
    yield made
    assert made.wait_for_export()


def _type_pin(qtbot: QtBot, screen: StaffScreen, pin: str) -> None:
    """Tap the digits and OK on the PIN pad."""
    pad = screen.pin_stage.pad
    for digit in pin:
        qtbot.mouseClick(_pad_key(screen, f"Digit {digit}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_pad_key(screen, "Enter PIN"), Qt.MouseButton.LeftButton)
    assert pad.entered_length() == 0


def _pad_key(screen: StaffScreen, name: str) -> QPushButton:
    return next(k for k in screen.pin_stage.pad.keys() if k.accessibleName() == name)


def _unlock(qtbot: QtBot, screen: StaffScreen, service: KioskService) -> None:
    with qtbot.waitSignal(screen.unlocked_changed) as signal:
        _type_pin(qtbot, screen, PIN)
    assert signal.args == [True]
    assert screen.is_unlocked()


def _find(screen: QWidget, kind: type[W], name: str) -> W:
    found = screen.findChild(kind, name)
    assert found is not None, name
    return found


def _event_name(service: KioskService) -> str:
    event = service.current_event()
    assert event is not None
    return event.name


def _cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def _click(qtbot: QtBot, screen: QWidget, name: str) -> None:
    button = _find(screen, QAbstractButton, name)
    assert button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _nav(qtbot: QtBot, screen: StaffScreen, page: str) -> None:
    button = next(
        b for b in screen.findChildren(QPushButton, "StaffNavButton") if b.property("page") == page
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert screen.panel.current_page() == page


def _type_into(qtbot: QtBot, screen: QWidget, name: str, text: str) -> QLineEdit:
    field = _find(screen, QLineEdit, name)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClicks(field, text)
    return field


def _message(screen: QWidget, name: str) -> tuple[str, str]:
    label = _find(screen, QLabel, name)
    return label.text(), str(label.property("tone"))


# --- PIN stage ---


def test_the_pin_stage_never_offers_to_choose_a_pin(
    qtbot: QtBot, make_service: MakeService
) -> None:
    # Even over a kiosk with no PIN record (which the window never opens the panel on):
    # choosing a PIN belongs to first-start setup and the terminal only.
    fresh = make_service(set_up=False, local_tz=UTC)
    screen = _make_screen(qtbot, fresh)
    assert _find(screen, QLabel, "StaffPinHeading").text() == "Staff panel"
    with qtbot.assertNotEmitted(screen.unlocked_changed):
        _type_pin(qtbot, screen, PIN)
        _type_pin(qtbot, screen, PIN)
    assert screen.pin_stage.pad.message() == "Wrong PIN"
    assert not screen.is_unlocked()
    assert not fresh.has_pin()


def test_wrong_pin_says_so_and_stays_locked(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    with qtbot.assertNotEmitted(screen.unlocked_changed):
        _type_pin(qtbot, screen, "9999")
    assert screen.pin_stage.pad.message() == "Wrong PIN"
    assert not screen.is_unlocked()
    assert screen.pin_stage.pad.is_enabled_for_input()  # the first wrong tries are free


def test_five_wrong_pins_lock_out_with_a_countdown_until_the_delay_passes(
    qtbot: QtBot, screen: StaffScreen, service: KioskService, clock: ManualClock
) -> None:
    pad = screen.pin_stage.pad
    tries = 0
    while pad.is_enabled_for_input():
        _type_pin(qtbot, screen, "9999")
        tries += 1
        assert tries <= 5
    assert screen.pin_stage.is_locked_out()
    assert "Try again in 30\xa0s" in screen.pin_stage.countdown_text()  # never split
    assert not _pad_key(screen, "Digit 2").isEnabled()
    # The fifth try, even with the right PIN, gets nowhere while the delay runs.
    pad.setFocus()
    qtbot.keyClicks(pad, PIN)
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert not screen.is_unlocked() and pad.entered_length() == 0
    clock.advance(12)
    qtbot.waitUntil(lambda: "Try again in 18\xa0s" in screen.pin_stage.countdown_text())
    clock.advance(19)
    qtbot.waitUntil(pad.is_enabled_for_input, timeout=3000)
    assert not screen.pin_stage.is_locked_out()
    _type_pin(qtbot, screen, PIN)
    assert screen.is_unlocked()


def test_lockout_survives_leaving_and_reopening_the_screen(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    for _ in range(4):
        _type_pin(qtbot, screen, "9999")
    screen.hide()
    screen.show()
    screen.lock()
    assert not screen.pin_stage.pad.is_enabled_for_input()


def test_a_new_pin_stage_shows_a_running_lockout_before_anyone_types(
    qtbot: QtBot, screen: StaffScreen, service: KioskService, clock: ManualClock
) -> None:
    for _ in range(4):
        _type_pin(qtbot, screen, "9999")
    # As after a restart: a brand-new staff screen over the same store.
    fresh = _make_screen(qtbot, service)
    fresh.lock()
    assert not fresh.pin_stage.pad.is_enabled_for_input()
    assert "Try again in 30" in fresh.pin_stage.countdown_text()
    clock.advance(31)
    qtbot.waitUntil(fresh.pin_stage.pad.is_enabled_for_input, timeout=3000)
    _type_pin(qtbot, fresh, PIN)
    assert fresh.is_unlocked()


def test_a_clock_put_back_during_a_lockout_does_not_stretch_the_countdown(
    qtbot: QtBot, screen: StaffScreen, service: KioskService, clock: ManualClock
) -> None:
    for _ in range(4):
        _type_pin(qtbot, screen, "9999")
    clock.advance(5)
    qtbot.waitUntil(lambda: "Try again in 25" in screen.pin_stage.countdown_text())
    # The booth laptop's clock was years ahead, and someone corrects it now.
    # Before, the countdown ran on from the old end: five years to go.
    clock.advance(-5 * 365 * 24 * 3600)
    qtbot.waitUntil(lambda: "Try again in 30" in screen.pin_stage.countdown_text())
    clock.advance(10)
    qtbot.waitUntil(lambda: "Try again in 20" in screen.pin_stage.countdown_text())
    clock.advance(21)
    qtbot.waitUntil(screen.pin_stage.pad.is_enabled_for_input, timeout=3000)
    _type_pin(qtbot, screen, PIN)
    assert screen.is_unlocked()


def test_cancel_leaves_the_pin_stage(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    qtbot.mouseClick(_pad_key(screen, "Digit 4"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.closed):
        _click(qtbot, screen, "StaffCancelButton")
    assert screen.pin_stage.pad.entered_length() == 0
    assert not screen.is_unlocked()


def test_the_pin_is_never_logged(
    qtbot: QtBot, screen: StaffScreen, service: KioskService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _type_pin(qtbot, screen, PIN)
    _type_pin(qtbot, screen, PIN)
    screen.lock()
    _type_pin(qtbot, screen, "7351")
    _type_pin(qtbot, screen, PIN)
    assert PIN not in caplog.text and "7351" not in caplog.text


# --- Panel: counts and chart ---


def _submit(service: KioskService, count: int, tag: str) -> None:
    for index in range(count):
        service.submit(make_form(first_name=f"Ann{tag}{index}", email=f"a{tag}{index}@example.org"))


def test_panel_counts_and_chart_show_real_sign_ups(
    qtbot: QtBot, screen: StaffScreen, service: KioskService, clock: ManualClock
) -> None:
    service.start_event("Campus fair", "Boston")
    _submit(service, 2, "a")  # 24 Nov, 15:30: yesterday, seen from the 25th
    clock.advance(18 * 3600 + 35 * 60)  # 25 Nov, 10:05
    _submit(service, 1, "b")
    service.start_event("Evening talk", "Temple Israel")
    clock.advance(4 * 3600 + 15 * 60)  # 14:20
    _submit(service, 3, "c")
    _unlock(qtbot, screen, service)

    assert _find(screen, QLabel, "StatToday").text() == "4"
    assert _find(screen, QLabel, "StatTotal").text() == "6"
    assert _find(screen, QLabel, "StatPending").text() == "6"
    table = _find(screen, QTableWidget, "StaffEventTable")
    rows = [[_cell_text(table, r, c) for c in range(3)] for r in range(table.rowCount())]
    assert rows == [  # newest event first
        ["Evening talk\nTemple Israel", "3", "3"],
        ["Campus fair\nBoston", "1", "3"],
    ]
    assert "Evening talk" in _find(screen, QLabel, "StaffCurrentEvent").text()

    chart = screen.panel.chart
    assert chart.counts()[10] == 1 and chart.counts()[14] == 3 and sum(chart.counts()) == 4
    rects = chart.bar_rects()
    assert set(rects) == {10, 14}
    image = chart.grab().toImage()
    assert not image.isNull()
    assert image.pixelColor(rects[10].center().toPoint()) == QColor("#1D4E89")
    assert image.pixelColor(rects[14].center().toPoint()) == QColor("#A63D2A")  # now


def test_panel_with_no_sign_ups_says_so(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    assert _find(screen, QLabel, "StatTotal").text() == "0"
    assert not _find(screen, QTableWidget, "StaffEventTable").isVisible()
    assert "No sign-ups" in screen.panel.chart.accessibleDescription()


# --- Panel: event ---


def test_start_event_from_the_panel(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "event")
    field = _type_into(qtbot, screen, "EventNameField", "Hillel fair")
    field.insert(" \u05e9\u05dc\u05d5\u05dd")  # as a Hebrew input method would
    _type_into(qtbot, screen, "EventPlaceField", "Cambridge")
    _click(qtbot, screen, "StartEventButton")
    event = service.current_event()
    assert event is not None
    assert (event.name, event.location) == ("Hillel fair \u05e9\u05dc\u05d5\u05dd", "Cambridge")
    text, tone = _message(screen, "EventMessage")
    assert tone == "success" and "Hillel fair" in text
    assert _find(screen, QLineEdit, "EventNameField").text() == ""
    assert "Hillel fair" in _find(screen, QLabel, "StaffCurrentEvent").text()


@pytest.mark.parametrize("name", ["", "   ", "\t"])
def test_start_event_refuses_an_empty_name_and_keeps_the_old_event(
    qtbot: QtBot, screen: StaffScreen, service: KioskService, name: str
) -> None:
    service.start_event("Before", "")
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "event")
    field = _find(screen, QLineEdit, "EventNameField")
    field.setText(name)
    _click(qtbot, screen, "StartEventButton")
    text, tone = _message(screen, "EventMessage")
    assert tone == "error" and "name" in text
    assert _event_name(service) == "Before"


def test_event_name_field_stops_at_the_stores_limit(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "event")
    field = _type_into(qtbot, screen, "EventNameField", "x" * 150)
    field.insert("\u05e9" * 80)  # the Hebrew tail, as an input method would type it
    assert len(field.text()) == 200
    _click(qtbot, screen, "StartEventButton")
    assert _event_name(service) == "x" * 150 + "\u05e9" * 50


# --- Panel: export ---


def _export_to(
    qtbot: QtBot, screen: StaffScreen, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str]:
    _nav(qtbot, screen, "export")
    # The folder dialog is the operating system's; stand in for the volunteer's choice.
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    _click(qtbot, screen, "ChooseFolderButton")
    assert screen.panel.selected_destination() == folder
    _click(qtbot, screen, "ExportButton")
    qtbot.waitUntil(lambda: not screen.panel.is_busy(), timeout=20_000)
    return _message(screen, "ExportMessage")


def test_export_from_the_panel_writes_a_verified_csv_and_manifest(
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    usb: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service.start_event("Campus fair", "Boston")
    _submit(service, 3, "x")
    _unlock(qtbot, screen, service)
    text, tone = _export_to(qtbot, screen, usb, monkeypatch)

    assert tone == "success", text
    csv_files = sorted(usb.glob("*.csv"))
    manifests = sorted(usb.glob("*.json"))
    assert len(csv_files) == 1 and len(manifests) == 1
    manifest = json.loads(manifests[0].read_text(encoding="utf-8"))
    digest = hashlib.sha256(csv_files[0].read_bytes()).hexdigest()
    assert manifest["sha256"] == digest and manifest["rows"] == 3
    with csv_files[0].open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 3
    assert csv_files[0].name in text and digest in text and "3 sign-ups" in text
    assert service.pending_count() == 0
    assert _find(screen, QLabel, "StatPending").text() == "0"
    assert not _find(screen, QWidget, "ExportProgress").isVisible()


def test_export_removes_and_reports_what_an_interrupted_export_left_on_the_drive(
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    usb: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _submit(service, 1, "v")
    _unlock(qtbot, screen, service)
    leftover = usb / ".p2p-export-q1w2e3.tmp"
    leftover.write_text("Dana,Levi,dana.levi@example.org\r\n", encoding="utf-8")
    text, tone = _export_to(qtbot, screen, usb, monkeypatch)
    assert tone == "success" and "removed 1 unfinished file" in text
    assert not leftover.exists()


def test_export_with_nothing_new_says_so(
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    usb: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _unlock(qtbot, screen, service)
    text, tone = _export_to(qtbot, screen, usb, monkeypatch)
    assert text == "Nothing new to export." and tone == "info"
    assert list(usb.iterdir()) == []


def test_export_again_with_include_all_rewrites_everything(
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _submit(service, 2, "y")
    _unlock(qtbot, screen, service)
    first = tmp_path / "first"
    first.mkdir()
    assert _export_to(qtbot, screen, first, monkeypatch)[1] == "success"
    second = tmp_path / "second"
    second.mkdir()
    qtbot.mouseClick(_find(screen, QAbstractButton, "ExportIncludeAll"), Qt.MouseButton.LeftButton)
    text, tone = _export_to(qtbot, screen, second, monkeypatch)
    assert tone == "success" and "2 sign-ups" in text
    assert len(list(second.glob("*.csv"))) == 1


def test_export_to_a_folder_that_vanished_shows_an_error(
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _submit(service, 1, "z")
    _unlock(qtbot, screen, service)
    out = tmp_path / "gone"
    out.mkdir()
    _nav(qtbot, screen, "export")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    _click(qtbot, screen, "ChooseFolderButton")
    out.rmdir()  # the stick was pulled
    _click(qtbot, screen, "ExportButton")
    text, tone = _message(screen, "ExportMessage")
    assert tone == "error" and "not there" in text
    assert service.pending_count() == 1


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_export_that_cannot_write_shows_why_and_loses_nothing(
    qtbot: QtBot, screen: StaffScreen, service: KioskService, monkeypatch: pytest.MonkeyPatch
) -> None:
    _submit(service, 2, "w")
    _unlock(qtbot, screen, service)
    # A folder nobody can create files in, not even root: the core's export must fail.
    text, tone = _export_to(qtbot, screen, Path("/proc/self"), monkeypatch)
    assert tone == "error" and "did not finish" in text and "safe" in text
    assert service.pending_count() == 2
    assert _find(screen, QAbstractButton, "ExportButton").isEnabled()
    assert _find(screen, QAbstractButton, "StaffLockButton").isEnabled()


# --- Panel: the office's receipts ---


def _office_receipt(folder: Path, tmp_path: Path) -> Path:
    """The office imports the export in ``folder`` and writes its receipt beside it."""
    (export,) = folder.glob("signups_*.csv")
    report, written = office_import([export], tmp_path / "master.sqlite3")
    assert not report.rejected
    (receipt,) = written.paths
    return receipt


def _tap_through_the_window(qtbot: QtBot, screen: StaffScreen, name: str) -> None:
    """Press a button as the window system delivers a click, not by poking the widget."""
    button = _find(screen, QAbstractButton, name)
    assert button.isVisible() and button.isEnabled(), name
    window = screen.windowHandle()
    assert window is not None
    point = button.mapTo(screen, button.rect().center())
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def _history(screen: StaffScreen) -> list[str]:
    table = _find(screen, QTableWidget, "ExportHistory")
    return [_cell_text(table, row, 0) for row in range(table.rowCount())]


def test_apply_receipts_on_the_export_page_erases_what_the_office_confirmed(
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    tmp_path: Path,
    usb: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service.start_event("Campus fair", "Boston")
    _submit(service, 3, "r")
    _unlock(qtbot, screen, service)
    assert _export_to(qtbot, screen, usb, monkeypatch)[1] == "success"
    _submit(service, 1, "s")  # came after the export: the office has not got it
    (waiting,) = _history(screen)
    assert "3 sign-ups, exported 2026-11-24 15:30" in waiting
    assert "Waiting for the office\u2019s receipt" in waiting
    assert "No receipt" in _find(screen, QLabel, "ReceiptsFound").text()
    assert not _find(screen, QAbstractButton, "ApplyReceiptsButton").isEnabled()

    _office_receipt(usb, tmp_path)  # the stick went to the office and came back
    _click(qtbot, screen, "RescanDrivesButton")
    assert "Found 1 receipt" in _find(screen, QLabel, "ReceiptsFound").text()
    _tap_through_the_window(qtbot, screen, "ApplyReceiptsButton")
    qtbot.waitUntil(lambda: not screen.panel.is_busy(), timeout=20_000)

    text, tone = _message(screen, "ReceiptMessage")
    assert tone == "success", text
    assert "The office confirmed 1 export(s), 3 sign-ups." in text
    assert "Erased the names, emails, phones and postal codes of 3 sign-ups." in text
    (confirmed,) = _history(screen)
    # The office's own clock dates its confirmation; the kiosk's clock dates the erasure.
    assert re.search(r"Confirmed by the office on \d{4}-\d\d-\d\d\n", confirmed)
    assert confirmed.endswith("Personal data erased on 2026-11-24")
    with sqlite3.connect(service.store.db_path) as conn:
        emails = sorted(row[0] for row in conn.execute("SELECT email FROM signups"))
    assert emails == ["", "", "", "as0@example.org"]
    _nav(qtbot, screen, "today")
    assert _find(screen, QLabel, "StatTotal").text() == "4"  # the counts stay
    assert _find(screen, QLabel, "StatToday").text() == "4"


def test_a_receipt_from_another_kiosk_is_refused_on_the_export_page(
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = KioskService.open(tmp_path / "other", clock=service.clock, local_tz=UTC)
    try:
        other.submit(make_form(email="someone@example.org"))
        other_usb = tmp_path / "other-usb"
        other_usb.mkdir()
        other.export(other_usb)
    finally:
        other.close()
    _office_receipt(other_usb, tmp_path)
    _submit(service, 2, "t")
    _unlock(qtbot, screen, service)
    assert _export_to(qtbot, screen, other_usb, monkeypatch)[1] == "success"
    _click(qtbot, screen, "ApplyReceiptsButton")
    qtbot.waitUntil(lambda: not screen.panel.is_busy(), timeout=20_000)
    text, tone = _message(screen, "ReceiptMessage")
    assert tone == "error"
    assert "Not applied" in text and "it is for kiosk" in text
    assert service.store.kiosk_id in text
    assert all("Waiting for the office" in entry for entry in _history(screen))
    with sqlite3.connect(service.store.db_path) as conn:
        assert conn.execute("SELECT count(*) FROM signups WHERE email = ''").fetchone()[0] == 0


def test_receipts_on_a_locked_stick_are_found_too(
    qtbot: QtBot, screen: StaffScreen, service: KioskService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.screens.staff.export_page as export_page

    stick = VolumeInfo("/media/dana/LOCKED", "LOCKED", "vfat", True, True, True, 1_000)
    monkeypatch.setattr(export_page, "mounted_volumes", lambda: [stick])
    seen: list[list[Path]] = []

    def find_receipts(folders: list[Path]) -> list[Path]:
        seen.append(folders)
        return []

    monkeypatch.setattr(service, "find_receipts", find_receipts)
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "export")
    assert seen[-1] == [Path("/media/dana/LOCKED")]  # looked at, though not offered for export
    assert screen.panel.destinations() == []


# --- Panel: settings ---


def _change_pin(
    qtbot: QtBot, screen: StaffScreen, current: str, new: str, again: str
) -> tuple[str, str]:
    _type_into(qtbot, screen, "CurrentPinField", current)
    _type_into(qtbot, screen, "NewPinField", new)
    _type_into(qtbot, screen, "ConfirmPinField", again)
    _click(qtbot, screen, "ChangePinButton")
    return _message(screen, "PinChangeMessage")


def test_change_pin_from_the_panel(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    text, tone = _change_pin(qtbot, screen, PIN, "7351", "7351")
    assert tone == "success", text
    assert service.check_pin("7351").ok and not service.check_pin(PIN).ok
    for name in ("CurrentPinField", "NewPinField", "ConfirmPinField"):
        assert _find(screen, QLineEdit, name).text() == ""


@pytest.mark.parametrize(
    ("current", "new", "again", "expected"),
    [
        ("1111", "7351", "7351", "wrong"),
        (PIN, "7351", "7352", "different"),
        (PIN, "1234", "1234", "run of digits"),
        (PIN, "", "", "Fill in"),
    ],
)
def test_change_pin_refuses_bad_input_and_keeps_the_old_pin(
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    current: str,
    new: str,
    again: str,
    expected: str,
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    text, tone = _change_pin(qtbot, screen, current, new, again)
    assert tone == "error" and expected in text
    assert _find(screen, QLineEdit, "CurrentPinField").text() in ("", current)
    assert service.check_pin(PIN).ok


def test_pin_fields_take_digits_only_and_are_masked(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    field = _type_into(qtbot, screen, "NewPinField", "12ab34;--56789")
    assert field.text() == "12345678"
    assert field.echoMode() == QLineEdit.EchoMode.Password


def test_personal_data_settings_default_to_at_once_and_never_and_save(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    keep = _find(screen, QSpinBox, "KeepConfirmedField")
    unconfirmed = _find(screen, QSpinBox, "EraseUnconfirmedField")
    assert keep.text() == "at once" and unconfirmed.text() == "never"
    # Tab reads each stepper as it looks: −, the days, +.
    assert _find(screen, QAbstractButton, "KeepConfirmedShorterButton").nextInFocusChain() is keep
    warning = _find(screen, QLabel, "EraseUnconfirmedWarning")
    assert warning.isVisible() and "even if the office never got them" in warning.text()

    for _ in range(3):
        _click(qtbot, screen, "KeepConfirmedLongerButton")  # at once, 1, 7, 14 days
    _click(qtbot, screen, "EraseUnconfirmedLongerButton")  # never, 30 days
    assert keep.value() == 14 and unconfirmed.value() == 30
    _click(qtbot, screen, "SaveErasureButton")

    text, tone = _message(screen, "ErasureMessage")
    assert tone == "success", text
    assert "14 days after the receipt" in text and "after 30 days" in text
    assert service.keep_confirmed_days == 14
    assert service.erase_unconfirmed_after_days == 30
    _click(qtbot, screen, "EraseUnconfirmedShorterButton")
    _click(qtbot, screen, "SaveErasureButton")
    assert service.erase_unconfirmed_after_days is None  # back to never


def _type_days(qtbot: QtBot, screen: StaffScreen, field: str, typed: str) -> QSpinBox:
    spin = _find(screen, QSpinBox, field)
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), typed)
    return spin


def test_too_few_days_without_a_receipt_are_refused_with_a_reason(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    _type_days(qtbot, screen, "EraseUnconfirmedField", "3")
    _click(qtbot, screen, "SaveErasureButton")
    text, tone = _message(screen, "ErasureMessage")
    assert tone == "error" and "7 days at the soonest" in text
    assert service.erase_unconfirmed_after_days is None


def test_the_retention_field_takes_no_more_than_a_year(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    spin = _type_days(qtbot, screen, "KeepConfirmedField", "400x")
    assert spin.value() == 40  # the last 0 (and the letter) are not taken
    _click(qtbot, screen, "SaveErasureButton")
    assert _message(screen, "ErasureMessage")[1] == "success"
    assert service.keep_confirmed_days == 40


def test_idle_timeout_setting_saves_good_values(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    spin = _find(screen, QSpinBox, "IdleTimeoutField")
    assert spin.value() == service.idle_timeout_s
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    spin.selectAll()
    qtbot.keyClicks(spin, "300")
    with qtbot.waitSignal(screen.idle_timeout_changed) as signal:
        _click(qtbot, screen, "SaveIdleButton")
    assert signal.args == [300] and service.idle_timeout_s == 300
    _click(qtbot, screen, "IdleLongerButton")
    _click(qtbot, screen, "SaveIdleButton")
    assert service.idle_timeout_s == 315
    assert _message(screen, "IdleMessage")[1] == "success"


@pytest.mark.parametrize("typed", ["5", "0", "14"])
def test_idle_timeout_setting_refuses_bad_values(
    qtbot: QtBot, screen: StaffScreen, service: KioskService, typed: str
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    before = service.idle_timeout_s
    spin = _find(screen, QSpinBox, "IdleTimeoutField")
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    spin.selectAll()
    qtbot.keyClicks(spin, typed)
    with qtbot.assertNotEmitted(screen.idle_timeout_changed):
        _click(qtbot, screen, "SaveIdleButton")
    text, tone = _message(screen, "IdleMessage")
    assert tone == "error" and "15" in text and "3600" in text
    assert service.idle_timeout_s == before


def test_idle_timeout_field_takes_no_letters(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    spin = _find(screen, QSpinBox, "IdleTimeoutField")
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    spin.selectAll()
    qtbot.keyClicks(spin, "abc;DROP")
    assert spin.value() == 90 and "abc" not in spin.text()


def test_idle_timeout_stepper_stays_in_range(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    spin = _find(screen, QSpinBox, "IdleTimeoutField")
    spin.setValue(20)
    _click(qtbot, screen, "IdleShorterButton")
    assert spin.value() == 15
    spin.setValue(3590)
    _click(qtbot, screen, "IdleLongerButton")
    assert spin.value() == 3600


# --- Panel: languages ---


def _language_row(screen: QWidget, code: str) -> tuple[QAbstractButton, QAbstractButton, str]:
    """A language's tick, its "Default" choice and the status shown beside them."""
    offer = _find(screen, QAbstractButton, f"OfferLanguage_{code}")
    default = _find(screen, QAbstractButton, f"DefaultLanguage_{code}")
    return offer, default, _find(screen, QLabel, f"LanguageStatus_{code}").text()


def test_languages_page_lists_each_language_in_itself_with_its_review_status(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "languages")
    rows = {code: _language_row(screen, code) for code in ("en", "es", "he", "ar")}
    assert [offer.text() for offer, _, _ in rows.values()] == [
        "English",
        "Español",
        "עברית",
        "العربية",
    ]
    assert rows["en"][2] == "The content's own language"
    assert {rows[code][2] for code in ("es", "he", "ar")} == {
        "Not yet reviewed by a native speaker"
    }
    assert all(offer.isChecked() for offer, _, _ in rows.values())
    assert rows["en"][1].isChecked()


def test_staff_choose_the_languages_offered_and_the_default(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "languages")
    _click(qtbot, screen, "OfferLanguage_es")
    _click(qtbot, screen, "DefaultLanguage_he")
    _click(qtbot, screen, "SaveLanguagesButton")
    text, tone = _message(screen, "LanguagesMessage")
    assert tone == "success"
    assert text == "Saved: attendees can choose English, עברית, العربية, and start in עברית."
    assert [lang.code for lang in service.languages] == ["en", "he", "ar"]
    assert (service.default_language, service.language) == ("he", "he")


@pytest.mark.parametrize(
    ("untick", "default", "expected"),
    [
        (("en", "es", "he", "ar"), "en", "Tick at least one language."),
        (("en",), "en", "Tick the default language too, or choose another."),
    ],
)
def test_a_language_choice_that_cannot_work_is_refused_and_changes_nothing(
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    untick: tuple[str, ...],
    default: str,
    expected: str,
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "languages")
    for code in untick:
        _click(qtbot, screen, f"OfferLanguage_{code}")
    _click(qtbot, screen, f"DefaultLanguage_{default}")
    _click(qtbot, screen, "SaveLanguagesButton")
    assert _message(screen, "LanguagesMessage") == (expected, "error")
    assert [lang.code for lang in service.languages] == ["en", "es", "he", "ar"]


def test_an_incomplete_language_is_shown_but_cannot_be_ticked(
    qtbot: QtBot, make_service: MakeService, tmp_path: Path
) -> None:
    from kiosk.paths import default_content_path

    text = default_content_path().read_text(encoding="utf-8")
    content = tmp_path / "drafts.toml"
    content.write_text(text.replace('title = "روابط من شعب إلى شعب"\n', ""), encoding="utf-8")
    service = make_service(content_path=content, local_tz=UTC)
    screen = _make_screen(qtbot, service)
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "languages")
    offer, default, status = _language_row(screen, "ar")
    assert status == "Incomplete, 1 text(s) missing: cannot be offered"
    assert not offer.isEnabled() and not default.isEnabled() and not offer.isChecked()
    assert [lang.code for lang in service.languages] == ["en", "es", "he"]


def test_unsaved_language_ticks_are_forgotten_when_the_panel_locks(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "languages")
    _click(qtbot, screen, "OfferLanguage_ar")
    assert not _language_row(screen, "ar")[0].isChecked()
    screen.lock()
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "languages")
    assert _language_row(screen, "ar")[0].isChecked()
    assert [lang.code for lang in service.languages] == ["en", "es", "he", "ar"]


# --- Locking, leaving, exiting ---


def test_panel_locks_itself_after_idle_and_forgets_input(
    qtbot: QtBot, service: KioskService
) -> None:
    screen = _make_screen(qtbot, service, idle_lock_ms=400)
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "settings")
    _type_into(qtbot, screen, "CurrentPinField", "25")
    with qtbot.waitSignal(screen.closed, timeout=5000):
        pass
    assert not screen.is_unlocked()
    assert _find(screen, QLineEdit, "CurrentPinField").text() == ""
    assert _find(screen, QWidget, "StaffPinStage").isVisible()


def test_activity_on_the_panel_keeps_it_open(qtbot: QtBot, service: KioskService) -> None:
    screen = _make_screen(qtbot, service, idle_lock_ms=600)
    _unlock(qtbot, screen, service)
    with qtbot.assertNotEmitted(screen.closed):
        for page in ("event", "export", "settings", "today", "event", "today"):
            qtbot.wait(200)
            _nav(qtbot, screen, page)
    assert screen.is_unlocked()
    assert screen.idle_lock_ms() == 600


def test_lock_button_locks_clears_and_closes(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "event")
    _type_into(qtbot, screen, "EventNameField", "Half typed")
    with qtbot.waitSignals([screen.closed, screen.unlocked_changed]):
        _click(qtbot, screen, "StaffLockButton")
    assert not screen.is_unlocked()
    assert _find(screen, QLineEdit, "EventNameField").text() == ""
    assert screen.pin_stage.isVisible()


def test_exit_button_asks_to_quit(qtbot: QtBot, screen: StaffScreen, service: KioskService) -> None:
    _unlock(qtbot, screen, service)
    with qtbot.waitSignal(screen.exit_requested):
        _click(qtbot, screen, "StaffExitButton")


def test_screenshot_helpers_open_and_close_without_a_pin(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    screen.show_panel_for_screenshot()
    assert screen.is_unlocked() and screen.panel.isVisible()
    screen.show_pin_for_screenshot()
    assert not screen.is_unlocked() and screen.pin_stage.isVisible()


def test_on_screen_keyboard_types_into_panel_fields(qtbot: QtBot, service: KioskService) -> None:
    screen = _make_screen(qtbot, service, show_keyboard=True)
    _unlock(qtbot, screen, service)
    assert not screen.keyboard.isVisible()
    _nav(qtbot, screen, "event")
    field = _find(screen, QLineEdit, "EventNameField")
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.keyboard.isVisible)
    for name in ("Shift", "Letter f", "Letter a", "Letter i", "Letter r"):
        qtbot.mouseClick(screen.keyboard.key(name), Qt.MouseButton.LeftButton)
    assert field.text() == "Fair" and field.hasFocus()
    screen.lock()
    assert not screen.keyboard.isVisible()


# --- Accessibility and layout ---


def _visible_buttons(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisible()]


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_every_button_is_big_enough_and_named(
    qtbot: QtBot, service: KioskService, direction: Qt.LayoutDirection
) -> None:
    screen = _make_screen(qtbot, service)
    screen.setLayoutDirection(direction)
    _submit(service, 2, "q")
    seen = 0
    for stage in ("pin", "today", "event", "export", "settings", "languages"):
        if stage == "today":
            _unlock(qtbot, screen, service)
        elif stage != "pin":
            _nav(qtbot, screen, stage)
        qtbot.wait(20)
        buttons = _visible_buttons(screen)
        assert buttons, stage
        for button in buttons:
            label = button.accessibleName() or button.text()
            assert button.accessibleName(), f"{stage}: {button.text()!r} has no accessible name"
            assert button.height() >= 48, f"{stage}: {label} is {button.height()} px high"
            inside = button.mapTo(screen, button.rect().bottomRight())
            assert screen.rect().contains(inside), f"{stage}: {label} is cut off"
        seen += len(buttons)
    assert seen > 30


def test_right_to_left_mirrors_the_panel_header(qtbot: QtBot, service: KioskService) -> None:
    screen = _make_screen(qtbot, service)
    _unlock(qtbot, screen, service)
    title = _find(screen, QLabel, "StaffTitle")
    exit_button = _find(screen, QAbstractButton, "StaffExitButton")

    def x_of(widget: QWidget) -> int:
        return widget.mapTo(screen, widget.rect().center()).x()

    assert x_of(title) < x_of(exit_button)
    screen.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.wait(20)
    assert x_of(title) > x_of(exit_button)
    assert not screen.grab().isNull()


def test_text_fields_have_accessible_names_and_tab_order(
    qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    _unlock(qtbot, screen, service)
    for field in screen.findChildren(QLineEdit) + screen.findChildren(QSpinBox):
        if field.parent() is not None and isinstance(field.parent(), QSpinBox):
            continue  # a spin box's inner editor is named by its spin box
        assert field.accessibleName(), field.objectName()
    _nav(qtbot, screen, "settings")
    current = _find(screen, QLineEdit, "CurrentPinField")
    assert current.nextInFocusChain() is _find(screen, QLineEdit, "NewPinField")


# --- Choosing where to export ---


def _volume(
    root: str, *, fs: str = "ext4", ready: bool = True, read_only: bool = False
) -> VolumeInfo:
    return VolumeInfo(root, root.rsplit("/", 1)[-1], fs, True, ready, read_only, 8_000_000_000)


def test_export_destinations_offer_removable_drives_first() -> None:
    volumes = [
        _volume("/"),
        _volume("/home"),
        _volume("/proc", fs="proc"),
        _volume("/run/user/1000", fs="tmpfs"),
        _volume("/boot/efi", fs="vfat"),
        _volume("/media/dana/KINGSTON", fs="vfat"),
        _volume("/run/media/dana/SANDISK", fs="exfat"),
        _volume("/media/dana/CDROM", fs="iso9660", read_only=True),
        _volume("/media/dana/EMPTY", ready=False),
    ]
    found = export_destinations(volumes, "/")
    assert [str(d.path) for d in found] == [
        "/media/dana/KINGSTON",
        "/run/media/dana/SANDISK",
        "/home",
    ]
    assert [d.removable for d in found] == [True, True, False]
    assert all(isinstance(d, ExportDestination) for d in found)


def test_export_destinations_on_windows_and_macos() -> None:
    windows = [_volume("C:/"), _volume("D:/"), _volume("E:/")]
    assert [str(d.path) for d in export_destinations(windows, "C:/")] == ["D:", "E:"]
    assert is_removable_path("E:/", "C:/") and not is_removable_path("C:/", "C:/")
    assert is_removable_path("/Volumes/USB", "/") and not is_removable_path("/Users", "/")


def test_the_export_page_says_whether_and_for_which_key_exports_are_encrypted(
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    make_service: MakeService,
    tmp_path: Path,
) -> None:
    _unlock(qtbot, screen, service)
    _nav(qtbot, screen, "export")
    assert "not encrypted" in _find(screen, QLabel, "ExportEncryption").text()

    key = "age1z33fde9yty8v9egaylk9w9lu7uzmwasfmnj0dnuxs8hyx2rjzerqum4704"
    data_dir = tmp_path / "encrypting"
    data_dir.mkdir()
    (data_dir / "config.toml").write_text(f'export_public_key = "{key}"\n', encoding="utf-8")
    encrypted = make_service(data_dir=data_dir, local_tz=UTC)
    other = _make_screen(qtbot, encrypted)
    _unlock(qtbot, other, encrypted)
    _nav(qtbot, other, "export")
    text = _find(other, QLabel, "ExportEncryption").text()
    assert "encrypted for the office key age1z33f\u2026rqum4704" in text
