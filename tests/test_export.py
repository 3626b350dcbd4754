"""The kiosk's export: the CSV and manifest on disk, atomic, and rows marked only after."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import kiosk
from kiosk.clock import ManualClock
from kiosk.csvformat import COLUMNS, neutralize
from kiosk.export import ExportFailed, ExportResult, export_signups
from kiosk.signup import SignupRecord, WlfChoice
from kiosk.store import Store
from tests.factories import make_record, make_signup

BOM = b"\xef\xbb\xbf"


def _read_rows(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _manifest(result: ExportResult) -> dict[str, object]:
    loaded = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _add(store: Store, count: int, start: datetime, **overrides: Any) -> list[SignupRecord]:
    records = [
        make_record(
            store.kiosk_id,
            start + timedelta(seconds=i, microseconds=123),
            email=f"person{i}@example.org",
            **overrides,
        )
        for i in range(count)
    ]
    store.insert_records(records)
    return records


def test_export_writes_bom_crlf_header_and_one_row_per_signup(
    store: Store, clock: ManualClock, usb: Path
) -> None:
    store.start_event("Campus Fair", "Boston, MA")
    first = store.submit(make_signup(first_name="Zoë", last_name="O'Brien, Jr."))
    clock.advance(1.5)
    second = store.submit(
        make_signup(email="noa@example.org", wlf_choice=WlfChoice.UPDATES, phone="")
    )

    result = export_signups(store, usb)

    assert result is not None
    data = result.csv_path.read_bytes()
    assert data.startswith(BOM)
    assert data[len(BOM) :].split(b"\r\n")[0].decode() == ",".join(COLUMNS)
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == 3  # header + 2 rows, all CRLF
    rows = _read_rows(result.csv_path)
    assert [r["signup_id"] for r in rows] == [str(first.signup_id), str(second.signup_id)]
    assert rows[0]["created_at"] == "2026-11-24T15:30:00.000000Z"
    assert rows[1]["created_at"] == "2026-11-24T15:30:01.500000Z"
    assert rows[0]["first_name"] == "Zoë" and rows[0]["last_name"] == "O'Brien, Jr."
    assert rows[0]["event_name"] == "Campus Fair" and rows[0]["event_location"] == "Boston, MA"
    assert rows[0]["kiosk_id"] == store.kiosk_id
    assert (rows[0]["email_group_opt_in"], rows[0]["advocacy_pledge"]) == ("true", "false")
    assert rows[1]["wlf_choice"] == "updates" and rows[1]["phone"] == ""
    assert result.rows == 2


def test_manifest_describes_the_file(store: Store, clock: ManualClock, usb: Path) -> None:
    start = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    _add(store, 3, start)
    store.start_event("Synagogue evening", "")
    store.submit(make_signup(content_version="2026-11-26.1+08d47f80"))

    result = export_signups(store, usb)

    assert result is not None
    manifest = _manifest(result)
    digest = hashlib.sha256(result.csv_path.read_bytes()).hexdigest()
    assert manifest == {
        "format_version": 1,
        "app_version": kiosk.__version__,
        "kiosk_id": store.kiosk_id,
        "file_name": result.csv_path.name,
        "exported_at": "2026-11-24T15:30:00.000000Z",
        "rows": 4,
        "sha256": digest,
        "encrypted": False,
        "first_created_at": "2026-11-20T09:00:00.000123Z",
        "last_created_at": "2026-11-24T15:30:00.000000Z",
        "event_names": ["Campus Fair", "Synagogue evening"],
        # Only the sign-ups that know theirs; the others predate recording it.
        "content_versions": ["2026-11-26.1+08d47f80"],
    }
    assert result.sha256 == digest
    assert result.csv_path.name == f"signups_{store.kiosk_id}_20261124T153000Z.csv"
    assert result.manifest_path.name == result.csv_path.name + ".manifest.json"


def test_rows_are_marked_and_a_second_export_has_nothing_new(
    store: Store, clock: ManualClock, usb: Path
) -> None:
    _add(store, 5, clock())
    result = export_signups(store, usb)
    assert result is not None
    assert store.pending_count() == 0
    last = store.last_export()
    assert last is not None
    assert (last.file_name, last.rows, last.sha256) == (result.csv_path.name, 5, result.sha256)

    before = sorted(os.listdir(usb))
    assert export_signups(store, usb) is None  # nothing new: nothing written
    assert sorted(os.listdir(usb)) == before

    clock.advance(60)
    later = _add(store, 2, clock())
    again = export_signups(store, usb)
    assert again is not None
    assert [r["signup_id"] for r in _read_rows(again.csv_path)] == [str(r.signup_id) for r in later]


def test_export_all_writes_everything_again(store: Store, clock: ManualClock, usb: Path) -> None:
    _add(store, 4, clock())
    assert export_signups(store, usb) is not None
    clock.advance(1)
    everything = export_signups(store, usb, include_all=True)
    assert everything is not None and everything.rows == 4
    assert len(_read_rows(everything.csv_path)) == 4
    assert store.pending_count() == 0


def test_export_all_of_an_empty_store_writes_nothing(store: Store, usb: Path) -> None:
    assert export_signups(store, usb, include_all=True) is None
    assert os.listdir(usb) == []


def test_two_exports_in_the_same_second_get_different_names(
    store: Store, clock: ManualClock, usb: Path
) -> None:
    _add(store, 1, clock())
    first = export_signups(store, usb)
    _add(store, 1, clock() + timedelta(seconds=1))
    second = export_signups(store, usb)  # the clock has not moved: same second
    assert first is not None and second is not None
    assert first.csv_path != second.csv_path
    assert second.csv_path.name.endswith("Z-2.csv")
    assert _manifest(first)["rows"] == _manifest(second)["rows"] == 1
    assert len(os.listdir(usb)) == 4


def test_formula_cells_get_one_apostrophe(store: Store, usb: Path) -> None:
    store.start_event("=cmd|' /C calc'!A0", "+Boston")
    store.submit(make_signup(first_name="=HYPERLINK(1)", last_name="-Levi", email="@x@y.org"))
    store.submit(make_signup(first_name="'=already", last_name="\tTab", postal_code="\r1"))

    result = export_signups(store, usb)

    assert result is not None
    rows = _read_rows(result.csv_path)
    assert rows[0]["event_name"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["event_location"] == "'+Boston"
    assert (rows[0]["first_name"], rows[0]["last_name"]) == ("'=HYPERLINK(1)", "'-Levi")
    assert rows[0]["email"] == "'@x@y.org"
    assert (rows[1]["first_name"], rows[1]["last_name"]) == ("''=already", "'\tTab")
    assert rows[1]["postal_code"] == "'\r1"
    assert rows[0]["phone"] == "'+12025550143"  # E.164 starts with "+": neutralized too
    for row in rows:  # nothing a spreadsheet would run is left at the start of a cell
        for value in row.values():
            assert value[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_stored_values_of_any_form_come_out_as_csv_writer_writes_them(
    store: Store, tmp_path: Path
) -> None:
    # Values a kiosk never writes but a database may hold (an older time form, NUL,
    # line breaks, quotes, commas): the export builds its lines column by column,
    # and they must be byte for byte csv.writer's lines of the neutralized cells.
    store.start_event('Fair, "big"', "Hall")
    ids = [store.submit(make_signup()).signup_id for _ in range(3)]
    odd = [
        ("2026-11-24 15:30:00", "a\x00b", 'O"Brien, Jr.', "-a,b@x.org"),
        ("2026-11-24 15:30:01.5", "=1+1\r\nx", "Levi\n", "'@x.org"),
        ("2026-11-24T15:30:02.000007", "Dana", "", "dana@example.org"),
    ]
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE events SET location = ?", ("=Hall\r\n2",))
        for signup_id, (created_at, first, last, email) in zip(ids, odd, strict=True):
            connection.exec_driver_sql(
                "UPDATE signups SET created_at = ?, first_name = ?, last_name = ?, email = ? "
                "WHERE id = ?",
                (created_at, first, last, email, str(signup_id)),
            )

    stick = tmp_path / "stick"
    stick.mkdir()
    result = export_signups(store, stick)

    assert result is not None
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    times = ["2026-11-24T15:30:00.000000Z", "2026-11-24T15:30:01.500000Z"]
    times.append("2026-11-24T15:30:02.000007Z")
    for signup_id, time, (_, first, last, email) in zip(ids, times, odd, strict=True):
        cells = [str(signup_id), time, 'Fair, "big"', "'=Hall\r\n2", store.kiosk_id]
        cells += [neutralize(first), neutralize(last), neutralize(email), "'+12025550143"]
        cells += ["02139", "member", "true", "false", "true", "test-1", "en"]
        writer.writerow(cells)
    assert result.csv_path.read_bytes() == BOM + expected.getvalue().encode("utf-8")


def _failed_export(store: Store, folder: Path, *, pending: int, match: str | None = None) -> str:
    """Export to ``folder``, which must fail and mark nothing; return the failure's message.

    ``pending``: the sign-ups still waiting for an export afterwards, all of them.
    """
    with pytest.raises(ExportFailed, match=match) as failure:
        export_signups(store, folder)
    assert store.pending_count() == pending
    assert store.last_export() is None
    return str(failure.value)


def test_a_missing_folder_fails_clearly_and_marks_nothing(
    store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    _add(store, 3, clock())
    _failed_export(store, tmp_path / "no-stick", pending=3, match="does not exist")


def test_a_file_in_place_of_the_folder_fails_clearly(
    store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    _add(store, 1, clock())
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    _failed_export(store, not_a_folder, pending=1)


def _mount_tmpfs(target: Path, options: str) -> Iterator[Path]:
    target.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("needs root to mount a small tmpfs (a real full or read-only disk)")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB file system: an export of a few hundred rows fills it."""
    yield from _mount_tmpfs(tmp_path / "tiny", "size=64k")


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system (even root cannot write to it)."""
    yield from _mount_tmpfs(tmp_path / "ro", "ro,size=64k")


def test_a_full_disk_fails_clearly_leaves_no_file_and_marks_nothing(
    store: Store, clock: ManualClock, tiny_disk: Path
) -> None:
    _add(store, 1500, clock(), first_name="Rivka", last_name="Ben-David")
    message = _failed_export(store, tiny_disk, pending=1500)
    assert "full" in message
    assert "Rivka" not in message and "example.org" not in message
    assert os.listdir(tiny_disk) == []  # no partial file, no temp file left behind


def test_a_read_only_disk_fails_clearly_and_marks_nothing(
    store: Store, clock: ManualClock, read_only_disk: Path
) -> None:
    _add(store, 2, clock())
    _failed_export(store, read_only_disk, pending=2, match="cannot be written")
    assert os.listdir(read_only_disk) == []


def test_a_failed_export_can_be_retried_elsewhere(
    store: Store, clock: ManualClock, tmp_path: Path, usb: Path
) -> None:
    _add(store, 2, clock())
    with pytest.raises(ExportFailed):
        export_signups(store, tmp_path / "gone")
    result = export_signups(store, usb)
    assert result is not None and result.rows == 2
    assert store.pending_count() == 0


def test_many_rows_stream_out_in_time_order(store: Store, clock: ManualClock, usb: Path) -> None:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    records = _add(store, 5000, start)
    # Insert out of order too: the file is ordered by time, not by insertion.
    early = _add(store, 3, start - timedelta(days=1))
    result = export_signups(store, usb)
    assert result is not None and result.rows == 5003
    ids = [r["signup_id"] for r in _read_rows(result.csv_path)]
    assert ids[:3] == [str(r.signup_id) for r in early]
    assert ids[3:] == [str(r.signup_id) for r in records]
