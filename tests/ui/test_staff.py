"""The staff screen, driven by clicks and keys over a real service and SQLite store."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.clock import ManualClock
from kiosk.service import KioskService
from tests.factories import STAFF_PIN, MakeService, make_form
from tests.receipt_helpers import office_import
from tests.ui.label_in_name import buttons_lacking_labels
from tests.ui.showing import BOOTH_SIZE, show_window
from tests.ui.staff_driver import StaffDriver, cell_text
from ui.screens.staff import (
    ExportDestination,
    StaffScreen,
    VolumeInfo,
    export_destinations,
    is_removable_path,
)
from ui.screens.staff.panel import StaffPanel

PIN = STAFF_PIN
MakeStaff = Callable[..., StaffDriver]

# --- Fixtures and helpers ---


@pytest.fixture
def service(make_service: MakeService) -> KioskService:
    """A real, set-up kiosk service (staff PIN ``PIN``), on the manual clock, in UTC."""
    return make_service(local_tz=UTC)


@pytest.fixture
def make_staff(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MakeStaff:
    """Show a new staff screen over a service, at its PIN stage, and drive it.

    ``make_staff(service, **options)``: the options go to ``StaffScreen``.
    """

    def make(service: KioskService, **kwargs: Any) -> StaffDriver:
        kwargs.setdefault("show_keyboard", False)
        screen = show_window(qtbot, StaffScreen(service, **kwargs), size=BOOTH_SIZE)
        return StaffDriver(qtbot, screen, service, monkeypatch)

    return make


@pytest.fixture
def staff(make_staff: MakeStaff, service: KioskService) -> Iterator[StaffDriver]:
    """A staff screen at its PIN stage, as the hidden gesture opens it, and hands to drive it."""
    made = make_staff(service)
    yield made
    assert made.screen.wait_for_export()


@pytest.fixture
def screen(staff: StaffDriver) -> StaffScreen:
    """The ``staff`` fixture's screen."""
    return staff.screen


def _event_name(service: KioskService) -> str:
    event = service.current_event()
    assert event is not None
    return event.name


# --- PIN stage ---


def test_the_pin_stage_never_offers_to_choose_a_pin(
    qtbot: QtBot, make_service: MakeService, make_staff: MakeStaff
) -> None:
    # Even over a kiosk with no PIN record (which the window never opens the panel on):
    # choosing a PIN belongs to first-start setup and the terminal only.
    fresh = make_service(set_up=False, local_tz=UTC)
    staff = make_staff(fresh)
    screen = staff.screen
    assert staff.find(QLabel, "StaffPinHeading").text() == "Staff panel"
    with qtbot.assertNotEmitted(screen.unlocked_changed):
        staff.type_pin(PIN)
        staff.type_pin(PIN)
    assert screen.pin_stage.pad.message() == "Wrong PIN"
    assert not screen.is_unlocked()
    assert not fresh.has_pin()


def test_wrong_pin_says_so_and_stays_locked(
    staff: StaffDriver, qtbot: QtBot, screen: StaffScreen
) -> None:
    with qtbot.assertNotEmitted(screen.unlocked_changed):
        staff.type_pin("9999")
    assert screen.pin_stage.pad.message() == "Wrong PIN"
    assert not screen.is_unlocked()
    assert screen.pin_stage.pad.is_enabled_for_input()  # the first wrong tries are free


def test_five_wrong_pins_lock_out_with_a_countdown_until_the_delay_passes(
    staff: StaffDriver, qtbot: QtBot, screen: StaffScreen, clock: ManualClock
) -> None:
    pad = screen.pin_stage.pad
    tries = 0
    while pad.is_enabled_for_input():
        staff.type_pin("9999")
        tries += 1
        assert tries <= 5
    assert screen.pin_stage.is_locked_out()
    assert "Try again in 30\xa0s" in screen.pin_stage.countdown_text()  # never split
    assert not staff.pad_key("Digit 2").isEnabled()
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
    staff.type_pin(PIN)
    assert screen.is_unlocked()


def test_lockout_survives_leaving_and_reopening_the_screen(
    staff: StaffDriver, screen: StaffScreen
) -> None:
    for _ in range(4):
        staff.type_pin("9999")
    screen.hide()
    screen.show()
    screen.lock()
    assert not screen.pin_stage.pad.is_enabled_for_input()


def test_a_new_pin_stage_shows_a_running_lockout_before_anyone_types(
    staff: StaffDriver,
    qtbot: QtBot,
    service: KioskService,
    clock: ManualClock,
    make_staff: MakeStaff,
) -> None:
    for _ in range(4):
        staff.type_pin("9999")
    # As after a restart: a brand-new staff screen over the same store.
    fresh = make_staff(service)
    fresh.screen.lock()
    assert not fresh.screen.pin_stage.pad.is_enabled_for_input()
    assert "Try again in 30" in fresh.screen.pin_stage.countdown_text()
    clock.advance(31)
    qtbot.waitUntil(fresh.screen.pin_stage.pad.is_enabled_for_input, timeout=3000)
    fresh.type_pin(PIN)
    assert fresh.screen.is_unlocked()


def test_a_clock_put_back_during_a_lockout_does_not_stretch_the_countdown(
    staff: StaffDriver, qtbot: QtBot, screen: StaffScreen, clock: ManualClock
) -> None:
    for _ in range(4):
        staff.type_pin("9999")
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
    staff.type_pin(PIN)
    assert screen.is_unlocked()


def test_cancel_leaves_the_pin_stage(staff: StaffDriver, qtbot: QtBot, screen: StaffScreen) -> None:
    qtbot.mouseClick(staff.pad_key("Digit 4"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.closed):
        staff.click("StaffCancelButton")
    assert screen.pin_stage.pad.entered_length() == 0
    assert not screen.is_unlocked()


def test_the_pin_is_never_logged(
    staff: StaffDriver, screen: StaffScreen, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    staff.type_pin(PIN)
    staff.type_pin(PIN)
    screen.lock()
    staff.type_pin("7351")
    staff.type_pin(PIN)
    assert PIN not in caplog.text and "7351" not in caplog.text


# --- Panel: counts and chart ---


def _submit(service: KioskService, count: int, tag: str) -> None:
    for index in range(count):
        service.submit(make_form(first_name=f"Ann{tag}{index}", email=f"a{tag}{index}@example.org"))


def test_panel_counts_and_chart_show_real_sign_ups(
    staff: StaffDriver, screen: StaffScreen, service: KioskService, clock: ManualClock
) -> None:
    service.start_event("Campus fair", "Boston")
    _submit(service, 2, "a")  # 24 Nov, 15:30: yesterday, seen from the 25th
    clock.advance(18 * 3600 + 35 * 60)  # 25 Nov, 10:05
    _submit(service, 1, "b")
    service.start_event("Evening talk", "Temple Israel")
    clock.advance(4 * 3600 + 15 * 60)  # 14:20
    _submit(service, 3, "c")
    staff.unlock()

    assert staff.find(QLabel, "StatToday").text() == "4"
    assert staff.find(QLabel, "StatTotal").text() == "6"
    assert staff.find(QLabel, "StatPending").text() == "6"
    table = staff.find(QTableWidget, "StaffEventTable")
    rows = [[cell_text(table, r, c) for c in range(3)] for r in range(table.rowCount())]
    assert rows == [  # newest event first
        ["Evening talk\nTemple Israel", "3", "3"],
        ["Campus fair\nBoston", "1", "3"],
    ]
    assert "Evening talk" in staff.find(QLabel, "StaffCurrentEvent").text()

    chart = screen.panel.chart
    assert chart.counts()[10] == 1 and chart.counts()[14] == 3 and sum(chart.counts()) == 4
    rects = chart.bar_rects()
    assert set(rects) == {10, 14}
    image = chart.grab().toImage()
    assert not image.isNull()
    assert image.pixelColor(rects[10].center().toPoint()) == QColor("#1D4E89")
    assert image.pixelColor(rects[14].center().toPoint()) == QColor("#A63D2A")  # now


def test_panel_with_no_sign_ups_says_so(staff: StaffDriver, screen: StaffScreen) -> None:
    staff.unlock()
    assert staff.find(QLabel, "StatTotal").text() == "0"
    assert not staff.find(QTableWidget, "StaffEventTable").isVisible()
    assert "No sign-ups" in screen.panel.chart.accessibleDescription()


# --- Panel: event ---


def test_start_event_from_the_panel(staff: StaffDriver, service: KioskService) -> None:
    staff.open_page("event")
    field = staff.type_into("EventNameField", "Hillel fair")
    field.insert(" \u05e9\u05dc\u05d5\u05dd")  # as a Hebrew input method would
    staff.type_into("EventPlaceField", "Cambridge")
    staff.click("StartEventButton")
    event = service.current_event()
    assert event is not None
    assert (event.name, event.location) == ("Hillel fair \u05e9\u05dc\u05d5\u05dd", "Cambridge")
    text, tone = staff.message("EventMessage")
    assert tone == "success" and "Hillel fair" in text
    assert staff.find(QLineEdit, "EventNameField").text() == ""
    assert "Hillel fair" in staff.find(QLabel, "StaffCurrentEvent").text()


@pytest.mark.parametrize("name", ["", "   ", "\t"])
def test_start_event_refuses_an_empty_name_and_keeps_the_old_event(
    staff: StaffDriver, service: KioskService, name: str
) -> None:
    service.start_event("Before", "")
    staff.open_page("event")
    field = staff.find(QLineEdit, "EventNameField")
    field.setText(name)
    staff.click("StartEventButton")
    text, tone = staff.message("EventMessage")
    assert tone == "error" and "name" in text
    assert _event_name(service) == "Before"


def test_event_name_field_stops_at_the_stores_limit(
    staff: StaffDriver, service: KioskService
) -> None:
    staff.open_page("event")
    field = staff.type_into("EventNameField", "x" * 150)
    field.insert("\u05e9" * 80)  # the Hebrew tail, as an input method would type it
    assert len(field.text()) == 200
    staff.click("StartEventButton")
    assert _event_name(service) == "x" * 150 + "\u05e9" * 50


# --- Panel: export ---


def test_export_from_the_panel_writes_a_verified_csv_and_manifest(
    staff: StaffDriver, service: KioskService, usb: Path
) -> None:
    service.start_event("Campus fair", "Boston")
    _submit(service, 3, "x")
    staff.unlock()
    text, tone = staff.export_to(usb)

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
    assert staff.find(QLabel, "StatPending").text() == "0"
    assert not staff.find(QWidget, "ExportProgress").isVisible()


def test_export_removes_and_reports_what_an_interrupted_export_left_on_the_drive(
    staff: StaffDriver, service: KioskService, usb: Path
) -> None:
    _submit(service, 1, "v")
    staff.unlock()
    leftover = usb / ".p2p-export-q1w2e3.tmp"
    leftover.write_text("Dana,Levi,dana.levi@example.org\r\n", encoding="utf-8")
    text, tone = staff.export_to(usb)
    assert tone == "success" and "removed 1 unfinished file" in text
    assert not leftover.exists()


def test_export_with_nothing_new_says_so(staff: StaffDriver, usb: Path) -> None:
    staff.unlock()
    text, tone = staff.export_to(usb)
    assert text == "Nothing new to export." and tone == "info"
    assert list(usb.iterdir()) == []


def test_export_again_with_include_all_rewrites_everything(
    staff: StaffDriver, qtbot: QtBot, service: KioskService, usb: Path, tmp_path: Path
) -> None:
    _submit(service, 2, "y")
    staff.unlock()
    assert staff.export_to(usb)[1] == "success"
    second = tmp_path / "second"
    second.mkdir()
    qtbot.mouseClick(staff.find(QAbstractButton, "ExportIncludeAll"), Qt.MouseButton.LeftButton)
    text, tone = staff.export_to(second)
    assert tone == "success" and "2 sign-ups" in text
    assert len(list(second.glob("*.csv"))) == 1


def test_export_to_a_folder_that_vanished_shows_an_error(
    staff: StaffDriver, service: KioskService, usb: Path
) -> None:
    _submit(service, 1, "z")
    staff.unlock()
    staff.choose_folder(usb)
    usb.rmdir()  # the stick was pulled
    staff.click("ExportButton")
    text, tone = staff.message("ExportMessage")
    assert tone == "error" and "not there" in text
    assert service.pending_count() == 1


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_export_that_cannot_write_shows_why_and_loses_nothing(
    staff: StaffDriver, service: KioskService
) -> None:
    _submit(service, 2, "w")
    staff.unlock()
    # A folder nobody can create files in, not even root: the core's export must fail.
    text, tone = staff.export_to(Path("/proc/self"))
    assert tone == "error" and "did not finish" in text and "safe" in text
    assert service.pending_count() == 2
    assert staff.find(QAbstractButton, "ExportButton").isEnabled()
    assert staff.find(QAbstractButton, "StaffLockButton").isEnabled()


# --- Panel: the office's receipts ---


def _office_receipt(folder: Path, tmp_path: Path) -> Path:
    """The office imports the export in ``folder`` and writes its receipt beside it."""
    (export,) = folder.glob("signups_*.csv")
    report, written = office_import([export], tmp_path / "master.sqlite3")
    assert not report.rejected
    (receipt,) = written.paths
    return receipt


def _history(staff: StaffDriver) -> list[str]:
    table = staff.find(QTableWidget, "ExportHistory")
    return [cell_text(table, row, 0) for row in range(table.rowCount())]


def test_apply_receipts_on_the_export_page_erases_what_the_office_confirmed(
    staff: StaffDriver,
    qtbot: QtBot,
    screen: StaffScreen,
    service: KioskService,
    tmp_path: Path,
    usb: Path,
) -> None:
    service.start_event("Campus fair", "Boston")
    _submit(service, 3, "r")
    staff.unlock()
    assert staff.export_to(usb)[1] == "success"
    _submit(service, 1, "s")  # came after the export: the office has not got it
    (waiting,) = _history(staff)
    assert "3 sign-ups, exported 2026-11-24 15:30" in waiting
    assert "Waiting for the office\u2019s receipt" in waiting
    assert "No receipt" in staff.find(QLabel, "ReceiptsFound").text()
    assert not staff.find(QAbstractButton, "ApplyReceiptsButton").isEnabled()

    _office_receipt(usb, tmp_path)  # the stick went to the office and came back
    staff.click("RescanDrivesButton")
    assert "Found 1 receipt" in staff.find(QLabel, "ReceiptsFound").text()
    staff.tap_through_the_window("ApplyReceiptsButton")
    qtbot.waitUntil(lambda: not screen.panel.is_busy(), timeout=20_000)

    text, tone = staff.message("ReceiptMessage")
    assert tone == "success", text
    assert "The office confirmed 1 export(s), 3 sign-ups." in text
    assert "Erased the names, emails, phones and postal codes of 3 sign-ups." in text
    (confirmed,) = _history(staff)
    # The office's own clock dates its confirmation; the kiosk's clock dates the erasure.
    assert re.search(r"Confirmed by the office on \d{4}-\d\d-\d\d\n", confirmed)
    assert confirmed.endswith("Personal data erased on 2026-11-24")
    with sqlite3.connect(service.store.db_path) as conn:
        emails = sorted(row[0] for row in conn.execute("SELECT email FROM signups"))
    assert emails == ["", "", "", "as0@example.org"]
    staff.nav("today")
    assert staff.find(QLabel, "StatTotal").text() == "4"  # the counts stay
    assert staff.find(QLabel, "StatToday").text() == "4"


def test_a_receipt_from_another_kiosk_is_refused_on_the_export_page(
    staff: StaffDriver, qtbot: QtBot, screen: StaffScreen, service: KioskService, tmp_path: Path
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
    staff.unlock()
    assert staff.export_to(other_usb)[1] == "success"
    staff.click("ApplyReceiptsButton")
    qtbot.waitUntil(lambda: not screen.panel.is_busy(), timeout=20_000)
    text, tone = staff.message("ReceiptMessage")
    assert tone == "error"
    assert "Not applied" in text and "it is for kiosk" in text
    assert service.store.kiosk_id in text
    assert all("Waiting for the office" in entry for entry in _history(staff))
    with sqlite3.connect(service.store.db_path) as conn:
        assert conn.execute("SELECT count(*) FROM signups WHERE email = ''").fetchone()[0] == 0


def test_receipts_on_a_locked_stick_are_found_too(
    staff: StaffDriver, screen: StaffScreen, service: KioskService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.screens.staff.export_page as export_page

    stick = VolumeInfo("/media/dana/LOCKED", "LOCKED", "vfat", True, True, True, 1_000)
    monkeypatch.setattr(export_page, "mounted_volumes", lambda: [stick])
    seen: list[list[Path]] = []

    def find_receipts(folders: list[Path]) -> list[Path]:
        seen.append(folders)
        return []

    monkeypatch.setattr(service, "find_receipts", find_receipts)
    staff.open_page("export")
    assert seen[-1] == [Path("/media/dana/LOCKED")]  # looked at, though not offered for export
    assert screen.panel.destinations() == []


# --- Panel: settings ---


def _change_pin(staff: StaffDriver, current: str, new: str, again: str) -> tuple[str, str]:
    staff.type_into("CurrentPinField", current)
    staff.type_into("NewPinField", new)
    staff.type_into("ConfirmPinField", again)
    staff.click("ChangePinButton")
    return staff.message("PinChangeMessage")


def test_change_pin_from_the_panel(staff: StaffDriver, service: KioskService) -> None:
    staff.open_page("settings")
    text, tone = _change_pin(staff, PIN, "7351", "7351")
    assert tone == "success", text
    assert service.check_pin("7351").ok and not service.check_pin(PIN).ok
    for name in ("CurrentPinField", "NewPinField", "ConfirmPinField"):
        assert staff.find(QLineEdit, name).text() == ""


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
    staff: StaffDriver, service: KioskService, current: str, new: str, again: str, expected: str
) -> None:
    staff.open_page("settings")
    text, tone = _change_pin(staff, current, new, again)
    assert tone == "error" and expected in text
    assert staff.find(QLineEdit, "CurrentPinField").text() in ("", current)
    assert service.check_pin(PIN).ok


def test_pin_fields_take_digits_only_and_are_masked(staff: StaffDriver) -> None:
    staff.open_page("settings")
    field = staff.type_into("NewPinField", "12ab34;--56789")
    assert field.text() == "12345678"
    assert field.echoMode() == QLineEdit.EchoMode.Password


def test_personal_data_settings_default_to_at_once_and_never_and_save(
    staff: StaffDriver, service: KioskService
) -> None:
    staff.open_page("settings")
    keep = staff.find(QSpinBox, "KeepConfirmedField")
    unconfirmed = staff.find(QSpinBox, "EraseUnconfirmedField")
    assert keep.text() == "at once" and unconfirmed.text() == "never"
    # Tab reads each stepper as it looks: −, the days, +.
    assert staff.find(QAbstractButton, "KeepConfirmedShorterButton").nextInFocusChain() is keep
    warning = staff.find(QLabel, "EraseUnconfirmedWarning")
    assert warning.isVisible() and "even if the office never got them" in warning.text()

    for _ in range(3):
        staff.click("KeepConfirmedLongerButton")  # at once, 1, 7, 14 days
    staff.click("EraseUnconfirmedLongerButton")  # never, 30 days
    assert keep.value() == 14 and unconfirmed.value() == 30
    staff.click("SaveErasureButton")

    text, tone = staff.message("ErasureMessage")
    assert tone == "success", text
    assert "14 days after the receipt" in text and "after 30 days" in text
    assert service.keep_confirmed_days == 14
    assert service.erase_unconfirmed_after_days == 30
    staff.click("EraseUnconfirmedShorterButton")
    staff.click("SaveErasureButton")
    assert service.erase_unconfirmed_after_days is None  # back to never


def test_too_few_days_without_a_receipt_are_refused_with_a_reason(
    staff: StaffDriver, service: KioskService
) -> None:
    staff.open_page("settings")
    staff.type_number("EraseUnconfirmedField", "3")
    staff.click("SaveErasureButton")
    text, tone = staff.message("ErasureMessage")
    assert tone == "error" and "7 days at the soonest" in text
    assert service.erase_unconfirmed_after_days is None


def test_the_retention_field_takes_no_more_than_a_year(
    staff: StaffDriver, service: KioskService
) -> None:
    staff.open_page("settings")
    spin = staff.type_number("KeepConfirmedField", "400x")
    assert spin.value() == 40  # the last 0 (and the letter) are not taken
    staff.click("SaveErasureButton")
    assert staff.message("ErasureMessage")[1] == "success"
    assert service.keep_confirmed_days == 40


def test_idle_timeout_setting_saves_good_values(
    staff: StaffDriver, qtbot: QtBot, screen: StaffScreen, service: KioskService
) -> None:
    staff.open_page("settings")
    assert staff.find(QSpinBox, "IdleTimeoutField").value() == service.idle_timeout_s
    staff.type_number("IdleTimeoutField", "300")
    with qtbot.waitSignal(screen.idle_timeout_changed) as signal:
        staff.click("SaveIdleButton")
    assert signal.args == [300] and service.idle_timeout_s == 300
    staff.click("IdleLongerButton")
    staff.click("SaveIdleButton")
    assert service.idle_timeout_s == 315
    assert staff.message("IdleMessage")[1] == "success"


@pytest.mark.parametrize("typed", ["5", "0", "14"])
def test_idle_timeout_setting_refuses_bad_values(
    staff: StaffDriver, qtbot: QtBot, screen: StaffScreen, service: KioskService, typed: str
) -> None:
    staff.open_page("settings")
    before = service.idle_timeout_s
    staff.type_number("IdleTimeoutField", typed)
    with qtbot.assertNotEmitted(screen.idle_timeout_changed):
        staff.click("SaveIdleButton")
    text, tone = staff.message("IdleMessage")
    assert tone == "error" and "15" in text and "3600" in text
    assert service.idle_timeout_s == before


def test_idle_timeout_field_takes_no_letters(staff: StaffDriver) -> None:
    staff.open_page("settings")
    spin = staff.type_number("IdleTimeoutField", "abc;DROP")
    assert spin.value() == 90 and "abc" not in spin.text()


def test_idle_timeout_stepper_stays_in_range(staff: StaffDriver) -> None:
    staff.open_page("settings")
    spin = staff.find(QSpinBox, "IdleTimeoutField")
    spin.setValue(20)
    staff.click("IdleShorterButton")
    assert spin.value() == 15
    spin.setValue(3590)
    staff.click("IdleLongerButton")
    assert spin.value() == 3600


# --- Panel: languages ---


def _language_row(staff: StaffDriver, code: str) -> tuple[QAbstractButton, QAbstractButton, str]:
    """A language's tick, its "Default" choice and the status shown beside them."""
    offer = staff.find(QAbstractButton, f"OfferLanguage_{code}")
    default = staff.find(QAbstractButton, f"DefaultLanguage_{code}")
    return offer, default, staff.find(QLabel, f"LanguageStatus_{code}").text()


def test_languages_page_lists_each_language_in_itself_with_its_review_status(
    staff: StaffDriver,
) -> None:
    staff.open_page("languages")
    rows = {code: _language_row(staff, code) for code in ("en", "es", "he", "ar")}
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
    staff: StaffDriver, service: KioskService
) -> None:
    staff.open_page("languages")
    staff.click("OfferLanguage_es")
    staff.click("DefaultLanguage_he")
    staff.click("SaveLanguagesButton")
    text, tone = staff.message("LanguagesMessage")
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
    staff: StaffDriver, service: KioskService, untick: tuple[str, ...], default: str, expected: str
) -> None:
    staff.open_page("languages")
    for code in untick:
        staff.click(f"OfferLanguage_{code}")
    staff.click(f"DefaultLanguage_{default}")
    staff.click("SaveLanguagesButton")
    assert staff.message("LanguagesMessage") == (expected, "error")
    assert [lang.code for lang in service.languages] == ["en", "es", "he", "ar"]


def test_an_incomplete_language_is_shown_but_cannot_be_ticked(
    make_service: MakeService, tmp_path: Path, make_staff: MakeStaff
) -> None:
    from kiosk.paths import default_content_path

    text = default_content_path().read_text(encoding="utf-8")
    content = tmp_path / "drafts.toml"
    content.write_text(text.replace('title = "روابط من شعب إلى شعب"\n', ""), encoding="utf-8")
    service = make_service(content_path=content, local_tz=UTC)
    staff = make_staff(service)
    staff.open_page("languages")
    offer, default, status = _language_row(staff, "ar")
    assert status == "Incomplete, 1 text(s) missing: cannot be offered"
    assert not offer.isEnabled() and not default.isEnabled() and not offer.isChecked()
    assert [lang.code for lang in service.languages] == ["en", "es", "he"]


def test_unsaved_language_ticks_are_forgotten_when_the_panel_locks(
    staff: StaffDriver, screen: StaffScreen, service: KioskService
) -> None:
    staff.open_page("languages")
    staff.click("OfferLanguage_ar")
    assert not _language_row(staff, "ar")[0].isChecked()
    screen.lock()
    staff.open_page("languages")
    assert _language_row(staff, "ar")[0].isChecked()
    assert [lang.code for lang in service.languages] == ["en", "es", "he", "ar"]


# --- Locking, leaving, exiting ---


def test_panel_locks_itself_after_idle_and_forgets_input(
    qtbot: QtBot, service: KioskService, make_staff: MakeStaff
) -> None:
    staff = make_staff(service, idle_lock_ms=400)
    screen = staff.screen
    staff.open_page("settings")
    staff.type_into("CurrentPinField", "25")
    with qtbot.waitSignal(screen.closed, timeout=5000):
        pass
    assert not screen.is_unlocked()
    assert staff.find(QLineEdit, "CurrentPinField").text() == ""
    assert staff.find(QWidget, "StaffPinStage").isVisible()


def test_activity_on_the_panel_keeps_it_open(
    qtbot: QtBot, service: KioskService, make_staff: MakeStaff
) -> None:
    staff = make_staff(service, idle_lock_ms=600)
    screen = staff.screen
    staff.unlock()
    with qtbot.assertNotEmitted(screen.closed):
        for page in ("event", "export", "settings", "today", "event", "today"):
            qtbot.wait(200)
            staff.nav(page)
    assert screen.is_unlocked()
    assert screen.idle_lock_ms() == 600


def test_lock_button_locks_clears_and_closes(
    staff: StaffDriver, qtbot: QtBot, screen: StaffScreen
) -> None:
    staff.open_page("event")
    staff.type_into("EventNameField", "Half typed")
    with qtbot.waitSignals([screen.closed, screen.unlocked_changed]):
        staff.click("StaffLockButton")
    assert not screen.is_unlocked()
    assert staff.find(QLineEdit, "EventNameField").text() == ""
    assert screen.pin_stage.isVisible()


def test_exit_button_asks_to_quit(staff: StaffDriver, qtbot: QtBot, screen: StaffScreen) -> None:
    staff.unlock()
    with qtbot.waitSignal(screen.exit_requested):
        staff.click("StaffExitButton")


def test_screenshot_helpers_open_and_close_without_a_pin(screen: StaffScreen) -> None:
    screen.show_panel_for_screenshot()
    assert screen.is_unlocked() and screen.panel.isVisible()
    screen.show_pin_for_screenshot()
    assert not screen.is_unlocked() and screen.pin_stage.isVisible()


def test_on_screen_keyboard_types_into_panel_fields(
    qtbot: QtBot, service: KioskService, make_staff: MakeStaff
) -> None:
    staff = make_staff(service, show_keyboard=True)
    screen = staff.screen
    staff.unlock()
    assert not screen.keyboard.isVisible()
    staff.nav("event")
    field = staff.find(QLineEdit, "EventNameField")
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


def test_no_page_scrolls_on_a_booth_laptop_without_the_on_screen_keyboard(
    qtbot: QtBot, staff: StaffDriver, screen: StaffScreen
) -> None:
    """A scroll bar would take the header's edge and move Lock and Exit from page to page."""
    staff.unlock()
    scroll = screen.findChild(QScrollArea, "StaffPanelScroll")
    assert scroll is not None
    scroll_bar = scroll.verticalScrollBar()
    for page in StaffPanel.PAGES:
        staff.nav(page)
        qtbot.wait(20)
        assert not scroll_bar.isVisible(), f"{page}: {scroll_bar.maximum()} px to scroll"


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_every_button_is_big_enough_and_named(
    qtbot: QtBot, service: KioskService, direction: Qt.LayoutDirection, make_staff: MakeStaff
) -> None:
    staff = make_staff(service)
    screen = staff.screen
    screen.setLayoutDirection(direction)
    _submit(service, 2, "q")
    seen = 0
    for stage in ("pin", "today", "event", "export", "settings", "languages"):
        if stage == "today":
            staff.unlock()
        elif stage != "pin":
            staff.nav(stage)
        qtbot.wait(20)
        buttons = _visible_buttons(screen)
        assert buttons, stage
        assert not buttons_lacking_labels(screen), stage  # WCAG 2.5.3, label in name
        for button in buttons:
            label = button.accessibleName() or button.text()
            assert button.accessibleName(), f"{stage}: {button.text()!r} has no accessible name"
            assert button.height() >= 48, f"{stage}: {label} is {button.height()} px high"
            inside = button.mapTo(screen, button.rect().bottomRight())
            assert screen.rect().contains(inside), f"{stage}: {label} is cut off"
        seen += len(buttons)
    assert seen > 30


def test_right_to_left_mirrors_the_panel_header(
    qtbot: QtBot, service: KioskService, make_staff: MakeStaff
) -> None:
    staff = make_staff(service)
    screen = staff.screen
    staff.unlock()
    title = staff.find(QLabel, "StaffTitle")
    exit_button = staff.find(QAbstractButton, "StaffExitButton")

    def x_of(widget: QWidget) -> int:
        return widget.mapTo(screen, widget.rect().center()).x()

    assert x_of(title) < x_of(exit_button)
    screen.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.wait(20)
    assert x_of(title) > x_of(exit_button)
    assert not screen.grab().isNull()


def test_text_fields_have_accessible_names_and_tab_order(
    staff: StaffDriver, screen: StaffScreen
) -> None:
    staff.unlock()
    for field in screen.findChildren(QLineEdit) + screen.findChildren(QSpinBox):
        if field.parent() is not None and isinstance(field.parent(), QSpinBox):
            continue  # a spin box's inner editor is named by its spin box
        assert field.accessibleName(), field.objectName()
    staff.nav("settings")
    current = staff.find(QLineEdit, "CurrentPinField")
    assert current.nextInFocusChain() is staff.find(QLineEdit, "NewPinField")


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
    staff: StaffDriver, make_service: MakeService, tmp_path: Path, make_staff: MakeStaff
) -> None:
    staff.open_page("export")
    assert "not encrypted" in staff.find(QLabel, "ExportEncryption").text()

    key = "age1z33fde9yty8v9egaylk9w9lu7uzmwasfmnj0dnuxs8hyx2rjzerqum4704"
    data_dir = tmp_path / "encrypting"
    data_dir.mkdir()
    (data_dir / "config.toml").write_text(f'export_public_key = "{key}"\n', encoding="utf-8")
    encrypted = make_service(data_dir=data_dir, local_tz=UTC)
    other = make_staff(encrypted)
    other.open_page("export")
    text = other.find(QLabel, "ExportEncryption").text()
    assert "encrypted for the office key age1z33f\u2026rqum4704" in text
