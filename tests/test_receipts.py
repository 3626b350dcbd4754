"""Import receipts end to end: real kiosk stores export, the real office import writes receipts,
the kiosk applies them and erases what the office confirmed, and nothing erased is left on disk."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.erasure import PERSONAL_COLUMNS, WIPE_PENDING_SETTING
from kiosk.errors import StoreError
from kiosk.export_check import BATCH_ROWS
from kiosk.paths import DB_FILE_NAME
from kiosk.receipts import (
    MAX_RECEIPT_BYTES,
    RECEIPT_FORMAT,
    find_receipts,
    read_receipt,
)
from kiosk.store import BACKUP_DIR_NAME
from tests.factories import old_kiosk_database
from tests.receipt_helpers import (
    BoothKiosk,
    data_folder_bytes,
    office_import,
    unwritable_folder,
)


@pytest.fixture
def kiosks(tmp_path: Path) -> Iterator[Callable[[str], BoothKiosk]]:
    """Make named kiosks in tmp; all closed at the end."""
    made: list[BoothKiosk] = []

    def make(name: str) -> BoothKiosk:
        kiosk = BoothKiosk(tmp_path, name)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.close()


@pytest.fixture
def booth(kiosks: Callable[[str], BoothKiosk]) -> BoothKiosk:
    return kiosks("a")


@pytest.fixture
def master(tmp_path: Path) -> Path:
    return tmp_path / "office" / "master.sqlite3"


@pytest.fixture(autouse=True)
def _office_folder(master: Path) -> None:
    master.parent.mkdir()


def _rows(kiosk: BoothKiosk) -> dict[str, tuple[object, ...]]:
    """Every sign-up's stored personal fields and erasure time, by email-independent id."""
    columns = ", ".join(PERSONAL_COLUMNS)
    with sqlite3.connect(kiosk.service.store.db_path) as conn:
        return {
            row[0]: tuple(row[1:])
            for row in conn.execute(f"SELECT id, {columns}, erased_at FROM signups ORDER BY id")
        }


def _receipt(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _write_json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# The office writes receipts ----------------------------------------------------------


def test_the_import_writes_one_receipt_per_kiosk_beside_its_exports(
    kiosks: Callable[[str], BoothKiosk], master: Path
) -> None:
    a, b = kiosks("a"), kiosks("b")
    a.sign_up(3)
    first = a.export()
    a.sign_up(2)
    second = a.export()
    b.sign_up(4)
    third = b.export()

    report, written = office_import([first, second, third], master)

    assert not report.rejected and not written.warnings
    receipt_a = next(p for p in written.paths if p.parent == a.usb)
    receipt_b = next(p for p in written.paths if p.parent == b.usb)
    assert len(written.paths) == 2
    assert receipt_a.name.startswith(f"receipt_{a.service.store.kiosk_id}_")
    assert receipt_a.name.endswith("Z.json")
    document = _receipt(receipt_a)
    assert document["format"] == RECEIPT_FORMAT and document["kiosk_id"] == a.service.store.kiosk_id
    files = {f["file_name"]: f for f in document["files"]}
    assert set(files) == {first.name, second.name}
    for path, rows in ((first, 3), (second, 2)):
        manifest = json.loads(Path(f"{path}.manifest.json").read_text(encoding="utf-8"))
        entry = files[path.name]
        assert entry == {
            "file_name": path.name,
            "sha256": manifest["sha256"],
            "rows": rows,
            "in_master": rows,
        }
    assert [f["rows"] for f in _receipt(receipt_b)["files"]] == [4]
    # Written whole: no temporary file is left on the stick.
    assert not [p for p in a.usb.iterdir() if p.name.startswith(".")]


def test_a_receipt_holds_no_personal_data_and_no_database_address(
    booth: BoothKiosk, master: Path
) -> None:
    records = booth.sign_up(5)
    _, written = office_import([booth.export()], master)
    (path,) = written.paths
    raw = path.read_text(encoding="utf-8")
    document = json.loads(raw)
    assert set(document) == {
        "format",
        "format_version",
        "app_version",
        "kiosk_id",
        "confirmed_at",
        "files",
    }
    assert set(document["files"][0]) == {"file_name", "sha256", "rows", "in_master"}
    for record in records:
        signup = record.signup
        for value in (signup.email, signup.first_name, signup.last_name, signup.phone):
            assert value not in raw
        assert str(record.signup_id) not in raw
    assert "sqlite" not in raw and str(master) not in raw


def test_receipt_dir_collects_the_receipts(booth: BoothKiosk, master: Path, tmp_path: Path) -> None:
    booth.sign_up(2)
    export = booth.export()
    elsewhere = tmp_path / "receipts"
    elsewhere.mkdir()
    _, written = office_import([export], master, receipt_dir=elsewhere)
    assert [p.parent for p in written.paths] == [elsewhere]
    assert not list(booth.usb.glob("receipt_*"))


def test_importing_a_file_again_writes_a_fresh_receipt_for_it(
    booth: BoothKiosk, master: Path
) -> None:
    booth.sign_up(3)
    export = booth.export()
    office_import([export], master)
    report, written = office_import([export], master)
    assert "already imported" in report.files[0].reason
    (path,) = written.paths
    assert _receipt(path)["files"][0]["in_master"] == 3
    assert len(list(booth.usb.glob("receipt_*.json"))) == 2  # never overwritten


def test_a_read_only_receipt_folder_is_a_warning_not_a_failed_import(
    booth: BoothKiosk, master: Path
) -> None:
    booth.sign_up(3)
    export = booth.export()
    with unwritable_folder(booth.usb):
        report, written = office_import([export], master)
    assert not report.rejected and report.signups_new == 3
    assert written.paths == ()
    (warning,) = written.warnings
    assert str(booth.usb) in warning and "cannot be written" in warning
    assert "import itself is complete" in warning
    assert not list(booth.usb.glob("receipt_*")) and not list(booth.usb.glob(".p2p-receipt*"))


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_receipt_folder_nobody_can_write_to_is_a_warning_even_for_root(
    booth: BoothKiosk, master: Path
) -> None:
    booth.sign_up(2)
    # No file can be created in /proc/self, whoever runs the test (unlike a chmod).
    report, written = office_import([booth.export()], master, receipt_dir=Path("/proc/self"))
    assert not report.rejected and report.signups_new == 2
    (warning,) = written.warnings
    assert warning.startswith("No receipt written in /proc/self: ")
    assert written.paths == ()


def test_a_rejected_file_gets_no_receipt(booth: BoothKiosk, master: Path) -> None:
    booth.sign_up(2)
    export = booth.export()
    export.write_bytes(export.read_bytes() + b"tampered\r\n")
    report, written = office_import([export], master)
    assert report.rejected and written.paths == () and written.warnings == ()


# The kiosk applies them --------------------------------------------------------------


def test_applying_a_receipt_erases_the_confirmed_sign_ups_and_keeps_every_count(
    booth: BoothKiosk, master: Path
) -> None:
    service = booth.service
    exported = booth.sign_up(4)
    export = booth.export()
    kept = booth.sign_up(2, event="Evening talk")  # not exported: the office has not got them
    counts, hours = service.event_counts(), service.signups_per_hour()
    _, written = office_import([export], master)

    applied = service.apply_receipts(list(written.paths))

    assert not applied.refused and applied.erased == 4 and applied.waiting == 0
    assert applied.outcomes[0].batches_confirmed == 1
    assert applied.outcomes[0].signups_confirmed == 4
    rows = _rows(booth)
    for record in exported:
        assert rows[str(record.signup_id)][:5] == ("", "", "", "", "")
        assert rows[str(record.signup_id)][5] is not None
    for record in kept:
        signup = record.signup
        assert rows[str(record.signup_id)][:5] == (
            signup.first_name,
            signup.last_name,
            signup.email,
            signup.phone,
            signup.postal_code,
        )
    assert service.event_counts() == counts
    assert service.signups_per_hour() == hours
    assert service.pending_count() == 2
    (batch,) = service.export_history()
    assert batch.confirmed_at is not None and batch.erased_at is not None
    assert batch.file_name == export.name and batch.rows == 4


def test_a_file_larger_than_one_checked_batch_gets_its_receipt_and_is_erased(
    booth: BoothKiosk, master: Path
) -> None:
    # The check streams a file BATCH_ROWS at a time and keeps no cells of a larger
    # one; its receipt must still count every sign-up the office now holds.
    booth.sign_up(BATCH_ROWS + 1, every=timedelta(seconds=1))
    export = booth.export()
    report, written = office_import([export], master)
    assert not report.rejected and not written.warnings
    (receipt,) = written.paths
    assert [f["in_master"] for f in _receipt(receipt)["files"]] == [BATCH_ROWS + 1]

    applied = booth.service.apply_receipts([receipt])

    assert not applied.refused and applied.erased == BATCH_ROWS + 1


def test_a_receipt_does_not_confirm_a_sign_up_the_office_holds_in_another_version(
    kiosks: Callable[[str], BoothKiosk], master: Path
) -> None:
    # A file from elsewhere got one of this kiosk's sign-up ids in first, with other
    # values: the office keeps that one, so this kiosk's own version must not be erased.
    a, forger = kiosks("a"), kiosks("forger")
    records = a.sign_up(3)
    export = a.export()
    forged = forger.sign_up(1)[0]
    with sqlite3.connect(forger.service.store.db_path) as conn:
        conn.execute(
            "UPDATE signups SET id = ? WHERE id = ?",
            (str(records[0].signup_id), str(forged.signup_id)),
        )
    office_import([forger.export()], master)
    report, written = office_import([export], master)
    assert report.signups_conflicting == 1
    receipt = next(p for p in written.paths if p.parent == a.usb)
    assert [f["in_master"] for f in _receipt(receipt)["files"]] == [2]

    applied = a.service.apply_receipts([receipt])

    assert applied.refused and applied.erased == 0
    assert _rows(a)[str(records[0].signup_id)][2] == records[0].signup.email


def test_applying_a_receipt_twice_changes_nothing(booth: BoothKiosk, master: Path) -> None:
    booth.sign_up(3)
    _, written = office_import([booth.export()], master)
    booth.service.apply_receipts(list(written.paths))
    before = (_rows(booth), booth.service.export_history())
    booth.clock.advance(3600)

    again = booth.service.apply_receipts(list(written.paths))

    assert not again.refused and again.erased == 0
    assert again.outcomes[0].batches_confirmed == 0
    assert "already applied" in again.outcomes[0].message
    assert (_rows(booth), booth.service.export_history()) == before


def test_another_kiosks_receipt_is_refused(
    kiosks: Callable[[str], BoothKiosk], master: Path
) -> None:
    a, b = kiosks("a"), kiosks("b")
    a.sign_up(2)
    a.export()
    b.sign_up(2)
    _, written = office_import([b.export()], master)
    before = _rows(a)

    applied = a.service.apply_receipts(list(written.paths))

    (refused,) = applied.refused
    assert f"for kiosk {b.service.store.kiosk_id}" in refused.message
    assert a.service.store.kiosk_id in refused.message
    assert _rows(a) == before and applied.erased == 0


def _tampered(path: Path, tmp_path: Path, change: Callable[[dict[str, object]], None]) -> Path:
    document = _receipt(path)
    change(document)
    return _write_json(tmp_path / f"receipt_changed_{uuid.uuid4().hex[:6]}.json", document)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["files"][0].update(sha256="ab" * 32), "no export with that SHA-256"),
        (lambda d: d["files"][0].update(rows=4, in_master=4), "the receipt says 4 sign-ups"),
        (lambda d: d["files"][0].update(in_master=2), "holds only 2 of its 3 sign-ups"),
    ],
    ids=["unknown hash", "row count differs", "office lacks some"],
)
def test_a_receipt_that_does_not_match_an_export_of_this_kiosk_is_refused(
    booth: BoothKiosk,
    master: Path,
    tmp_path: Path,
    change: Callable[[dict[str, object]], None],
    reason: str,
) -> None:
    booth.sign_up(3)
    _, written = office_import([booth.export()], master)
    forged = _tampered(written.paths[0], tmp_path, change)
    before = _rows(booth)

    applied = booth.service.apply_receipts([forged])

    (refused,) = applied.refused
    assert reason in refused.message, refused.message
    assert _rows(booth) == before
    assert booth.service.export_history()[0].confirmed_at is None


def test_a_receipt_with_one_good_and_one_unknown_file_applies_the_good_one(
    booth: BoothKiosk, master: Path, tmp_path: Path
) -> None:
    booth.sign_up(3)
    _, written = office_import([booth.export()], master)

    def add_unknown(document: dict[str, object]) -> None:
        files = document["files"]
        assert isinstance(files, list)
        files.append({"file_name": "other.csv", "sha256": "cd" * 32, "rows": 1, "in_master": 1})

    mixed = _tampered(written.paths[0], tmp_path, add_unknown)
    applied = booth.service.apply_receipts([mixed])
    (outcome,) = applied.outcomes
    assert outcome.accepted and applied.erased == 3
    assert "other.csv: this kiosk wrote no export with that SHA-256" in outcome.message


def _hostile_receipts(folder: Path, good: Path) -> dict[str, tuple[Path, str]]:
    """Damaged and hostile files, each with the reason it must be refused for."""
    good_doc = _receipt(good)

    def variant(name: str, change: Callable[[dict[str, Any]], object]) -> Path:
        document = json.loads(json.dumps(good_doc))
        change(document)
        return _write_json(folder / f"receipt_{name}.json", document)

    files: dict[str, tuple[Path, str]] = {}
    huge = folder / "receipt_huge.json"
    huge.write_bytes(b" " * (MAX_RECEIPT_BYTES + 1))
    files["huge"] = (huge, "too large")
    not_json = folder / "receipt_not_json.json"
    not_json.write_text("receipt: yes\n", encoding="utf-8")
    files["not json"] = (not_json, "not valid JSON")
    binary = folder / "receipt_binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    files["not utf-8"] = (binary, "not UTF-8")
    deep = folder / "receipt_deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="ascii")
    files["deep nesting"] = (deep, "nested too deeply")
    files["a list"] = (_write_json(folder / "receipt_list.json", [good_doc]), "not a JSON object")
    files["no marker"] = (variant("nomark", lambda d: d.pop("format")), "format marker")
    files["newer version"] = (
        variant("newer", lambda d: d.update(format_version=2)),
        "newer than this program reads",
    )
    files["rows as text"] = (
        variant("rowstext", lambda d: d["files"][0].update(rows="3")),
        "files[0].rows is not a count",
    )
    files["rows as true"] = (
        variant("rowsbool", lambda d: d["files"][0].update(rows=True)),
        "files[0].rows is not a count",
    )
    files["huge number"] = (
        variant("rowsbig", lambda d: d["files"][0].update(rows=10**30)),
        "files[0].rows is not a count",
    )
    files["short hash"] = (
        variant("shorthash", lambda d: d["files"][0].update(sha256="abc")),
        "not a SHA-256 hash",
    )
    files["path as name"] = (
        variant("pathname", lambda d: d["files"][0].update(file_name="../../etc/passwd")),
        "not a file name",
    )
    files["more in master"] = (
        variant("inmaster", lambda d: d["files"][0].update(in_master=99)),
        "in_master is not a count up to rows",
    )
    files["kiosk id number"] = (variant("kid", lambda d: d.update(kiosk_id=7)), "not a kiosk id")
    files["bad time"] = (
        variant("time", lambda d: d.update(confirmed_at="yesterday")),
        "confirmed_at is not a time",
    )
    files["files an object"] = (
        variant("filesobj", lambda d: d.update(files={"a": 1})),
        "lists no export files",
    )
    link = folder / "receipt_link.json"
    link.symlink_to(good)
    files["symlink"] = (link, "is a link")
    fifo = folder / "receipt_fifo.json"
    os.mkfifo(fifo)
    files["fifo"] = (fifo, "not a regular file")
    directory = folder / "receipt_dir.json"
    directory.mkdir()
    files["folder"] = (directory, "is a folder")
    files["missing"] = (folder / "receipt_gone.json", "does not exist")
    return files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX pipes and links")
def test_damaged_and_hostile_receipts_are_refused_each_with_its_reason(
    booth: BoothKiosk, master: Path, tmp_path: Path
) -> None:
    booth.sign_up(3)
    _, written = office_import([booth.export()], master)
    folder = tmp_path / "hostile"
    folder.mkdir()
    hostile = _hostile_receipts(folder, written.paths[0])
    before = _rows(booth)

    applied = booth.service.apply_receipts([path for path, _ in hostile.values()])

    assert len(applied.refused) == len(hostile) == len(applied.outcomes)
    for (name, (_, reason)), outcome in zip(hostile.items(), applied.outcomes, strict=True):
        assert reason in outcome.message, f"{name}: {outcome.message}"
        assert "Traceback" not in outcome.message and len(outcome.message) < 200
    assert _rows(booth) == before and applied.erased == 0


def test_read_receipt_accepts_what_the_office_writes(booth: BoothKiosk, master: Path) -> None:
    booth.sign_up(1)
    _, written = office_import([booth.export()], master)
    receipt = read_receipt(written.paths[0])
    assert receipt.kiosk_id == booth.service.store.kiosk_id
    assert receipt.confirmed_at.tzinfo is UTC
    assert [f.rows for f in receipt.files] == [1]


# What an export covers ----------------------------------------------------------------


def test_a_receipt_for_an_include_all_export_confirms_the_exports_before_it(
    booth: BoothKiosk, master: Path
) -> None:
    booth.sign_up(3)
    booth.export()  # this stick was lost: the office never gets it
    booth.sign_up(2)
    again = booth.export(include_all=True)
    _, written = office_import([again], master)

    applied = booth.service.apply_receipts(list(written.paths))

    assert applied.erased == 5 and applied.outcomes[0].batches_confirmed == 2
    assert all(row[:5] == ("", "", "", "", "") for row in _rows(booth).values())
    assert all(b.confirmed_at is not None for b in booth.service.export_history())


def test_erased_sign_ups_are_never_exported_again(booth: BoothKiosk, master: Path) -> None:
    booth.sign_up(3)
    _, written = office_import([booth.export()], master)
    booth.service.apply_receipts(list(written.paths))
    assert booth.service.export(booth.usb, include_all=True) is None
    booth.sign_up(2)
    again = booth.export(include_all=True)
    report, _ = office_import([again], master)
    assert not report.rejected and report.files[0].rows == 2


# Retention and the optional erasure without a receipt -----------------------------------


def test_confirmed_sign_ups_keep_their_data_for_the_days_staff_chose(
    booth: BoothKiosk, master: Path
) -> None:
    service = booth.service
    assert service.keep_confirmed_days == 0  # the default: at once
    service.set_keep_confirmed_days(7)
    booth.sign_up(3)
    _, written = office_import([booth.export()], master)

    applied = service.apply_receipts(list(written.paths))
    assert applied.erased == 0 and applied.waiting == 3 and applied.keep_days == 7

    booth.clock.advance(timedelta(days=6, hours=23).total_seconds())
    booth.restart()  # erasing what is due happens at every start
    assert all(row[2] for row in _rows(booth).values())

    booth.clock.advance(timedelta(hours=1).total_seconds())
    booth.restart()
    assert all(row[:5] == ("", "", "", "", "") for row in _rows(booth).values())
    assert booth.service.export_history()[0].erased_at is not None


def test_shortening_the_retention_erases_what_is_now_due(booth: BoothKiosk, master: Path) -> None:
    booth.service.set_keep_confirmed_days(30)
    booth.sign_up(2)
    _, written = office_import([booth.export()], master)
    booth.service.apply_receipts(list(written.paths))
    assert all(row[2] for row in _rows(booth).values())
    booth.service.set_keep_confirmed_days(0)
    assert all(row[2] == "" for row in _rows(booth).values())


def test_erasing_exports_without_a_receipt_is_off_by_default_and_on_when_chosen(
    booth: BoothKiosk,
) -> None:
    service = booth.service
    assert service.erase_unconfirmed_after_days is None
    booth.sign_up(3)
    booth.export()
    unexported = booth.sign_up(1)
    booth.clock.advance(timedelta(days=400).total_seconds())
    booth.restart()
    assert all(row[2] for row in _rows(booth).values())  # off: nothing is erased, ever

    booth.service.set_erase_unconfirmed_after_days(30)
    rows = _rows(booth)
    assert rows.pop(str(unexported[0].signup_id))[2]  # never exported: never erased
    assert all(row[:5] == ("", "", "", "", "") for row in rows.values())
    assert booth.service.export_history()[0].confirmed_at is None


def test_an_export_younger_than_the_no_receipt_limit_is_kept(booth: BoothKiosk) -> None:
    booth.service.set_erase_unconfirmed_after_days(30)
    booth.sign_up(2)
    booth.export()
    booth.clock.advance(timedelta(days=29).total_seconds())
    booth.restart()
    assert all(row[2] for row in _rows(booth).values())


@pytest.mark.parametrize("days", [-1, 366, 10**6])
def test_a_retention_out_of_range_is_refused(booth: BoothKiosk, days: int) -> None:
    with pytest.raises(StoreError, match="0 to 365 days"):
        booth.service.set_keep_confirmed_days(days)
    assert booth.service.keep_confirmed_days == 0


@pytest.mark.parametrize("days", [0, 6, 3651])
def test_a_no_receipt_limit_out_of_range_is_refused(booth: BoothKiosk, days: int) -> None:
    with pytest.raises(StoreError, match="7 to 3650 days, or never"):
        booth.service.set_erase_unconfirmed_after_days(days)
    assert booth.service.erase_unconfirmed_after_days is None


def test_a_damaged_setting_reads_as_the_safe_default(booth: BoothKiosk) -> None:
    booth.service.store.set_setting("keep_confirmed_days", "soon")
    booth.service.store.set_setting("erase_unconfirmed_after_days", "-5")
    assert booth.service.keep_confirmed_days == 0
    assert booth.service.erase_unconfirmed_after_days is None


# Gone means gone -----------------------------------------------------------------------


def _make_revision_0002_store(data_dir: Path, emails: list[str]) -> None:
    """A kiosk database as the previous version left it, holding sign-ups."""
    data_dir.mkdir(parents=True)
    signups = (
        {
            "created_at": f"2026-05-01 10:{i:02d}:00",
            "email": email,
            "postal_code": "02139",
            "consent_text": "I agree.",
        }
        for i, email in enumerate(emails)
    )
    old_kiosk_database(data_dir, "0002", signups, started_at="2026-05-01 10:00:00")


def test_no_email_of_an_erased_sign_up_is_left_in_any_file_of_the_data_folder(
    tmp_path: Path, master: Path
) -> None:
    old_emails = [f"old.attendee{i}@example.org" for i in range(30)]
    data_dir = tmp_path / "a"
    _make_revision_0002_store(data_dir, old_emails)
    booth = BoothKiosk(tmp_path, "a")  # opening migrates it, copying it into backups/ first
    try:
        assert list((data_dir / BACKUP_DIR_NAME).iterdir())
        new = booth.sign_up(40)
        export = booth.export()
        kept = booth.sign_up(3)
        _, written = office_import([export], master)
        # Before: the search finds every email it looks for.
        before = b"".join(data_folder_bytes(data_dir).values())
        assert all(email.encode() in before for email in old_emails)

        applied = booth.service.apply_receipts(list(written.paths))

        assert applied.erased == 70
        files = data_folder_bytes(data_dir)
        assert any(name.startswith(BACKUP_DIR_NAME) for name in files)
        erased = old_emails + [r.signup.email for r in new]
        names = [r.signup.first_name for r in new]
        for name, data in files.items():
            for value in erased + names:
                assert value.encode() not in data, f"{value} is still in {name}"
                assert value.encode("utf-16-le") not in data, f"{value} is still in {name}"
        assert all(r.signup.email.encode() in files[DB_FILE_NAME] for r in kept)
        # Checkpointed and truncated; since then only the settings page (wipe done) was written.
        assert len(files.get(DB_FILE_NAME + "-wal", b"")) < 5 * 4096
        # The backups stay usable: every row is still there, without its personal data.
        (backup,) = (data_dir / BACKUP_DIR_NAME).iterdir()
        with sqlite3.connect(backup) as conn:
            assert conn.execute("SELECT count(*) FROM signups").fetchone()[0] == 30
            assert conn.execute("SELECT count(*) FROM signups WHERE email != ''").fetchone()[0] == 0
    finally:
        booth.close()


def test_a_backup_that_cannot_be_cleaned_is_deleted(booth: BoothKiosk, master: Path) -> None:
    backups = booth.data_dir / BACKUP_DIR_NAME
    backups.mkdir()
    broken = backups / "kiosk-0001-20260101T000000Z.sqlite3"
    broken.write_bytes(b"not a database, but it might hold a.person0@example.org")
    booth.sign_up(2)
    _, written = office_import([booth.export()], master)
    booth.service.apply_receipts(list(written.paths))
    assert not broken.exists()


def test_an_interrupted_wipe_is_finished_at_the_next_start(booth: BoothKiosk) -> None:
    booth.sign_up(2)
    booth.export()
    # As if the kiosk lost power between blanking the rows and compacting the file.
    db_path = booth.service.store.db_path
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA secure_delete=OFF")
        conn.execute("UPDATE signups SET email = '', erased_at = '2026-11-24 16:00:00'")
        conn.execute("INSERT INTO settings (key, value) VALUES (?, '1')", (WIPE_PENDING_SETTING,))
    booth.restart()
    assert booth.service.store.get_setting(WIPE_PENDING_SETTING) is None
    data = b"".join(data_folder_bytes(booth.data_dir).values())
    assert b"a.person0@example.org" not in data and b"a.person1@example.org" not in data


# Finding receipts on a stick ----------------------------------------------------------------


def test_find_receipts_looks_one_folder_down_and_skips_hidden_and_linked_folders(
    tmp_path: Path,
) -> None:
    stick = tmp_path / "stick"
    (stick / "kiosk-exports").mkdir(parents=True)
    (stick / "deeper" / "still").mkdir(parents=True)
    (stick / ".Trashes").mkdir()
    for path in (
        stick / "receipt_aa_1.json",
        stick / "kiosk-exports" / "RECEIPT_bb_2.JSON",
        stick / "deeper" / "still" / "receipt_cc_3.json",
        stick / ".Trashes" / "receipt_dd_4.json",
        stick / "signups_aa_1.csv",
        stick / "receipt_notes.txt",
    ):
        path.write_text("{}", encoding="utf-8")
    (stick / "elsewhere").symlink_to(tmp_path)
    found = find_receipts([stick, stick])  # the same folder twice is listed once
    assert [p.name for p in found] == ["RECEIPT_bb_2.JSON", "receipt_aa_1.json"]
    assert find_receipts([tmp_path / "no such stick"]) == []


def test_receipt_sha256_is_the_manifest_hash_also_for_encrypted_exports(
    tmp_path: Path, master: Path
) -> None:
    from kiosk.crypto import new_key_pair, write_identity_file

    identity, recipient = new_key_pair()
    key_file = tmp_path / "office.key"
    write_identity_file(key_file, identity)
    booth = BoothKiosk(tmp_path, "enc")
    try:
        (booth.data_dir / "config.toml").write_text(
            f'export_public_key = "{recipient}"\n', encoding="utf-8"
        )
        booth.restart()
        booth.sign_up(2)
        export = booth.export()
        assert export.name.endswith(".csv.age")
        from kiosk.importer import import_exports
        from kiosk.receipts import ReceiptBook

        book = ReceiptBook()
        import_exports([export], f"sqlite:///{master}", identity=key_file, after_merge=book.record)
        (path,) = book.write().paths
        manifest = json.loads(Path(f"{export}.manifest.json").read_text(encoding="utf-8"))
        assert _receipt(path)["files"][0]["sha256"] == manifest["sha256"]
        assert hashlib.sha256(export.read_bytes()).hexdigest() != manifest["sha256"]
        applied = booth.service.apply_receipts([path])
        assert applied.erased == 2
    finally:
        booth.close()
