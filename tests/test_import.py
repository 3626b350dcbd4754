"""The office import: files checked against their manifests, merged into a real master store.

The tests that name ``master_url`` run twice: into a SQLite file and into PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from kiosk.clock import ManualClock
from kiosk.importer import check_export, import_exports, merge_exports
from kiosk.master import MasterBase, MasterError, open_master, search_contacts
from kiosk.signup import SignupRecord, WlfChoice
from tests.factories import ExportingKiosk, MakeKiosk, master_contacts

T0 = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)  # sign-ups may not postdate the import


Kiosks = Callable[[str], ExportingKiosk]


@pytest.fixture
def kiosks(make_kiosk: MakeKiosk) -> Kiosks:
    """Kiosks on their own manual clocks from T0 (each sign-up and export a second on)."""
    return lambda name: make_kiosk(name, clock=ManualClock(T0))


def _add_many(kiosk: ExportingKiosk, count: int) -> list[SignupRecord]:
    return [
        kiosk.add(email=f"person{i}@example.org", first_name=f"Person{i}") for i in range(count)
    ]


def _dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = open_master(url)
    try:
        with engine.connect() as connection:
            return {
                table: [
                    tuple(row)
                    for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
                ]
                for table in ("contacts", "touchpoints", "imported_files")
            }
    finally:
        engine.dispose()


def _counts(url: str) -> tuple[int, int]:
    dump = _dump(url)
    return len(dump["contacts"]), len(dump["touchpoints"])


def _rewrite(path: Path, data: bytes, *, fix_manifest: bool) -> None:
    """Replace an export's bytes; ``fix_manifest`` fixes its hash (a deeper check must fail)."""
    path.write_bytes(data)
    if fix_manifest:
        manifest_path = path.with_name(path.name + ".manifest.json")
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest["sha256"] = hashlib.sha256(data).hexdigest()
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


def _edit_manifest(path: Path, **changes: object) -> None:
    manifest_path = path.with_name(path.name + ".manifest.json")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest.update(changes)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


def test_a_good_file_is_checked_and_merged(kiosks: Kiosks, master_url: str) -> None:
    kiosk = kiosks("a")
    added = _add_many(kiosk, 3)
    path = kiosk.export()

    checked = check_export(path)
    assert checked.ok and checked.reason == ""
    assert checked.rows == 3 and not checked.encrypted
    assert checked.kiosk_ids == (kiosk.store.kiosk_id,)
    assert checked.event_names == ("Campus Fair",)
    assert (checked.first_created_at, checked.last_created_at) == (T0, T0 + timedelta(seconds=2))
    assert [r.signup_id for r in checked.records] == [r.signup_id for r in added]

    report = merge_exports([checked], master_url)
    assert (report.signups_new, report.signups_present) == (3, 0)
    assert (report.contacts_new, report.contacts_updated) == (3, 0)
    assert [(f.accepted, f.rows) for f in report.files] == [(True, 3)]
    stored = {table: len(rows) for table, rows in _dump(master_url).items()}
    assert stored == {"contacts": 3, "touchpoints": 3, "imported_files": 1}
    assert report.summary_lines() == [
        "Files: 1 accepted, 0 rejected",
        f"  accepted {path.name} (3 rows)",
        "Sign-ups: 3 new, 0 already present",
        "Contacts: 3 new, 0 updated",
    ]


def test_the_manifest_path_can_be_given_instead(kiosks: Kiosks) -> None:
    kiosk = kiosks("a")
    _add_many(kiosk, 2)
    path = kiosk.export()
    checked = check_export(path.with_name(path.name + ".manifest.json"))
    assert checked.ok and checked.path == path


# Damaged files -------------------------------------------------------------------

PERSONAL = ("Person0", "Person1", "person0@example.org", "2025550143")


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-40])


def _edited_cell(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"Person1", b"Persan1"))


def _wrong_row_count(path: Path) -> None:
    _edit_manifest(path, rows=4)


def _extra_column(path: Path) -> None:
    lines = path.read_bytes().split(b"\r\n")
    data = b"\r\n".join([lines[0] + b",extra"] + [line + b",x" for line in lines[1:-1]] + [b""])
    _rewrite(path, data, fix_manifest=True)


def _missing_column(path: Path) -> None:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    at = rows[0].index("phone")
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([r[:at] + r[at + 1 :] for r in rows])
    _rewrite(path, b"\xef\xbb\xbf" + out.getvalue().encode(), fix_manifest=True)


def _latin1(path: Path) -> None:
    text_ = path.read_bytes().decode("utf-8-sig").replace("Person1", "Persön1")
    _rewrite(path, text_.encode("latin-1"), fix_manifest=True)


def _empty(path: Path) -> None:
    _rewrite(path, b"", fix_manifest=True)


def _missing_manifest(path: Path) -> None:
    path.with_name(path.name + ".manifest.json").unlink()


def _bad_time(path: Path) -> None:
    data = path.read_bytes()
    lines = data.split(b"\r\n")
    cells = lines[2].split(b",")
    cells[1] = b"24/11/2026 15:30"
    lines[2] = b",".join(cells)
    _rewrite(path, b"\r\n".join(lines), fix_manifest=True)


def _bad_manifest_json(path: Path) -> None:
    path.with_name(path.name + ".manifest.json").write_text("{not json", encoding="utf-8")


def _newer_format(path: Path) -> None:
    _edit_manifest(path, format_version=2)


def _repeated_row(path: Path) -> None:
    lines = path.read_bytes().split(b"\r\n")
    _rewrite(path, b"\r\n".join(lines[:-1] + [lines[1], b""]), fix_manifest=True)
    _edit_manifest(path, rows=4)


def _not_csv_quoting(path: Path) -> None:
    lines = path.read_bytes().split(b"\r\n")
    lines[1] = lines[1].replace(b",Person0,", b',"Per"son0,')
    _rewrite(path, b"\r\n".join(lines), fix_manifest=True)


DAMAGE = {
    "truncated": (_truncated, "sha256 does not match the manifest"),
    "edited cell": (_edited_cell, "sha256 does not match the manifest"),
    "wrong manifest": (_wrong_row_count, "manifest says 4 rows, file has 3"),
    "extra column": (_extra_column, "unexpected column: extra"),
    "missing column": (_missing_column, "missing columns: phone"),
    "Latin-1 bytes": (_latin1, "not UTF-8 text"),
    "empty file": (_empty, "the file is empty"),
    "missing manifest": (_missing_manifest, "no manifest beside it (expected "),
    "bad time": (_bad_time, "row 2: created_at is not an ISO 8601 UTC time"),
    "manifest not JSON": (_bad_manifest_json, "the manifest is not valid JSON"),
    "newer format": (_newer_format, "format version 2 is newer than this program reads"),
    "repeated row": (_repeated_row, "row 4: signup_id repeats an earlier row"),
    "bad quoting": (_not_csv_quoting, "row 1: not well-formed CSV"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_file_is_rejected_whole_while_good_files_import(
    damage: str, kiosks: Kiosks, master_url: str
) -> None:
    damage_it, reason = DAMAGE[damage]
    bad_kiosk, good_kiosk = kiosks("bad"), kiosks("good")
    _add_many(bad_kiosk, 3)
    bad = bad_kiosk.export()
    good_kiosk.add(email="noa@example.org", first_name="Noa")
    good = good_kiosk.export()
    damage_it(bad)

    checked = check_export(bad)
    assert not checked.ok
    assert reason in checked.reason
    assert checked.records == ()
    for value in PERSONAL:
        assert value not in checked.reason

    report = import_exports([bad, good], master_url)
    assert [f.accepted for f in report.files] == [False, True]
    assert reason in report.files[0].reason
    assert report.signups_new == 1
    dump = _dump(master_url)
    assert [row[0] for row in dump["touchpoints"]] == [str(check_export(good).records[0].signup_id)]
    assert len(dump["contacts"]) == 1
    assert any(line.startswith(f"  REJECTED {bad.name}: ") for line in report.summary_lines())


def _rows(path: Path) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    _rewrite(path, b"\xef\xbb\xbf" + out.getvalue().encode(), fix_manifest=True)


BAD_CELLS = {
    "signup_id": ("Person1-0000", "signup_id is not a UUID"),
    "created_at": ("2026-02-30T10:00:00.000000Z", "created_at is not a real date and time"),
    "kiosk_id": ("", "kiosk_id is empty"),
    "email": ("'\t", "email is empty"),  # a neutralized tab: blank once restored
    "wlf_choice": ("Person1", "wlf_choice is not one of"),
    "email_group_opt_in": ("TRUE", "email_group_opt_in is not true or false"),
    "advocacy_pledge": ("Person1", "advocacy_pledge is not true or false"),
    "contact_consent": ("", "contact_consent is not true or false"),
}


@pytest.mark.parametrize("column", sorted(BAD_CELLS))
def test_one_bad_cell_rejects_the_file_naming_row_and_column(
    column: str, kiosks: Kiosks, sqlite_url: str
) -> None:
    kiosk = kiosks("a")
    _add_many(kiosk, 3)
    path = kiosk.export()
    rows = _rows(path)
    bad, reason = BAD_CELLS[column]
    rows[2][rows[0].index(column)] = bad
    _write_rows(path, rows)

    checked = check_export(path)
    assert not checked.ok
    assert checked.reason.startswith(f"row 2: {reason}")
    assert checked.records == ()
    for value in (*PERSONAL, "Person1"):
        assert value not in checked.reason
    report = import_exports([path], sqlite_url)
    assert not report.files[0].accepted and _counts(sqlite_url) == (0, 0)


def test_reordered_columns_and_short_time_fractions_import_the_same(
    kiosks: Kiosks, tmp_path: Path
) -> None:
    kiosk = kiosks("a")
    kiosk.add(email="dana@example.org", first_name="=Dana", phone="+12025550143")
    kiosk.add(email="noa@example.org", at=T0 + timedelta(microseconds=500_000))
    plain = kiosk.export(include_all=True)
    dumps = []
    for variant in ("plain", "changed"):
        path = plain
        if variant == "changed":
            path = plain.with_name("changed-" + plain.name)
            path.write_bytes(plain.read_bytes())
            path.with_name(path.name + ".manifest.json").write_bytes(
                plain.with_name(plain.name + ".manifest.json").read_bytes()
            )
            rows = _rows(path)
            at = rows[0].index("created_at")
            for row in rows[1:]:  # "…:00.000000Z" -> "…:00Z", "…:00.500000Z" -> "…:00.5Z"
                row[at] = row[at][:-1].rstrip("0").rstrip(".") + "Z"
            _write_rows(path, [list(reversed(row)) for row in rows])
        checked = check_export(path)
        assert checked.ok, checked.reason
        master = f"sqlite:///{tmp_path / f'{variant}.sqlite3'}"
        import_exports([path], master)
        dump = _dump(master)
        dumps.append((dump["contacts"], [row[:-2] for row in dump["touchpoints"]]))
    assert dumps[0] == dumps[1]
    assert any(row[3] == "=Dana" for row in dumps[0][0])  # restored, not "'=Dana"


def test_a_missing_file_and_a_folder_are_rejected(tmp_path: Path, sqlite_url: str) -> None:
    report = import_exports([tmp_path / "nope.csv", tmp_path], sqlite_url)
    assert [f.accepted for f in report.files] == [False, False]
    assert _counts(sqlite_url) == (0, 0)


def test_a_csv_that_is_no_export_is_rejected(tmp_path: Path, sqlite_url: str) -> None:
    foreign = tmp_path / "contacts.csv"
    foreign.write_text("name,email\r\nDana,dana@example.org\r\n", encoding="utf-8")
    foreign.with_name(foreign.name + ".manifest.json").write_text(
        json.dumps(
            {
                "format_version": 1,
                "rows": 1,
                "kiosk_id": "x",
                "sha256": hashlib.sha256(foreign.read_bytes()).hexdigest(),
            }
        ),
        encoding="utf-8",
    )
    checked = check_export(foreign)
    assert not checked.ok
    assert checked.reason.startswith("missing columns: signup_id, created_at")


# Merging ---------------------------------------------------------------------------


def test_the_same_file_twice_changes_nothing(kiosks: Kiosks, master_url: str) -> None:
    kiosk = kiosks("a")
    _add_many(kiosk, 4)
    path = kiosk.export()
    import_exports([path], master_url)
    before = _dump(master_url)

    again = import_exports([path, path], master_url)

    assert _dump(master_url) == before
    assert (again.signups_new, again.signups_present) == (0, 8)
    assert (again.contacts_new, again.contacts_updated) == (0, 0)
    assert all(f.accepted and f.reason.startswith("already imported") for f in again.files)


def test_an_export_all_overlapping_earlier_files_adds_only_new_rows(
    kiosks: Kiosks, master_url: str
) -> None:
    kiosk = kiosks("a")
    _add_many(kiosk, 3)
    first = kiosk.export()
    import_exports([first], master_url)
    before = _dump(master_url)["contacts"]
    kiosk.add(email="late@example.org")
    everything = kiosk.export(include_all=True)

    report = import_exports([everything], master_url)

    assert (report.signups_new, report.signups_present) == (1, 3)
    assert (report.contacts_new, report.contacts_updated) == (1, 0)
    assert _dump(master_url)["contacts"][:3] == before  # earlier people untouched
    assert _counts(master_url) == (4, 4)


def test_one_person_at_two_events_is_one_contact_with_two_touchpoints(
    kiosks: Kiosks, master_url: str
) -> None:
    fair, evening = kiosks("fair"), kiosks("evening")
    fair.add(email="Dana.Levi@Example.org", event="Campus Fair")
    evening.add(
        at=T0 + timedelta(days=7), email="  dana.levi@example.ORG ", event="Synagogue evening"
    )
    evening.add(at=T0 + timedelta(days=7, minutes=1), email="other@example.org")

    report = import_exports([fair.export(), evening.export()], master_url)

    assert (report.contacts_new, report.contacts_updated) == (2, 1)
    assert _counts(master_url) == (2, 3)  # the other person stays a contact of their own
    (contact,) = [c for c in master_contacts(master_url) if c.email_key == "dana.levi@example.org"]
    assert contact.email == "  dana.levi@example.ORG "  # as last typed
    assert contact.touchpoints == 2
    assert contact.event_names == ("Campus Fair", "Synagogue evening")
    assert (contact.first_seen_at, contact.last_seen_at) == (T0, T0 + timedelta(days=7))


LATE_ANSWERS: dict[str, Any] = {
    "email": "DANA@example.org",  # the same person: emails match whatever their case
    "first_name": "Danielle",
    "last_name": "Cohen-Levi",
    "phone": "+16172531000",
    "postal_code": "",  # a blank answer wins too
    "wlf_choice": WlfChoice.UPDATES,
    "email_group_opt_in": False,
    "advocacy_pledge": True,
    "consent_version": "test-2",
    "locale": "he",
}
"""Dana's answers at her later sign-up, every one unlike her first (``DANA`` in factories)."""


@pytest.mark.parametrize("newest_first", [False, True], ids=["oldest-first", "newest-first"])
def test_the_latest_signup_wins_whatever_the_import_order(
    kiosks: Kiosks, master_url: str, newest_first: bool
) -> None:
    early, late = kiosks("early"), kiosks("late")
    early.add(email="dana@example.org", first_name="Dana", phone="+12025550143")
    late.add(at=T0 + timedelta(days=3), event="Community Dinner", **LATE_ANSWERS)
    files = [early.export(), late.export()]
    if newest_first:
        files.reverse()
    for path in files:  # two separate imports: order across runs must not matter
        import_exports([path], master_url)

    (contact,) = master_contacts(master_url)
    assert {answer: getattr(contact, answer) for answer in LATE_ANSWERS} == LATE_ANSWERS
    assert (contact.first_seen_at, contact.last_seen_at) == (T0, T0 + timedelta(days=3))
    assert contact.touchpoints == 2
    assert contact.event_names == ("Campus Fair", "Community Dinner")


def test_an_older_file_imported_later_does_not_overwrite_a_newer_profile(
    kiosks: Kiosks, sqlite_url: str
) -> None:
    kiosk = kiosks("a")
    kiosk.add(email="dana@example.org", first_name="Old")
    old_file = kiosk.export()
    kiosk.add(email="dana@example.org", first_name="New")
    new_file = kiosk.export()
    import_exports([new_file], sqlite_url)
    report = import_exports([old_file], sqlite_url)
    assert (report.signups_new, report.contacts_updated) == (1, 1)
    (contact,) = master_contacts(sqlite_url)
    assert contact.first_name == "New" and contact.touchpoints == 2


def test_every_touchpoint_points_at_its_contact_and_foreign_keys_stay_on(
    kiosks: Kiosks, sqlite_url: str
) -> None:
    a, b = kiosks("a"), kiosks("b")
    a.add(email="dana@example.org")
    a.add(email="noa@example.org")
    first = a.export()
    b.add(email="DANA@example.org ")
    b.add(email="lior@example.org")
    import_exports([first], sqlite_url)
    import_exports([b.export(), first], sqlite_url)

    engine = open_master(sqlite_url)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            pairs = connection.exec_driver_sql(
                "SELECT t.email, c.email_key FROM touchpoints t JOIN contacts c "
                "ON c.id = t.contact_id ORDER BY t.created_at"
            ).all()
    finally:
        engine.dispose()
    assert sorted(key for _, key in pairs) == [
        "dana@example.org",
        "dana@example.org",
        "lior@example.org",
        "noa@example.org",
    ]
    assert all(email.strip().lower() == key for email, key in pairs)


def test_a_master_made_with_smaller_pages_keeps_them_and_imports_as_before(
    kiosks: Kiosks, sqlite_url: str
) -> None:
    # A master file made before new ones got 8 KiB pages: SQLite's 4 KiB, tables made.
    old = create_engine(sqlite_url)
    with old.begin() as connection:
        connection.exec_driver_sql("PRAGMA page_size=4096")
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")
        MasterBase.metadata.create_all(connection)
    old.dispose()
    kiosk = kiosks("a")
    _add_many(kiosk, 3)
    report = import_exports([kiosk.export()], sqlite_url)
    assert report.signups_new == 3 and _counts(sqlite_url) == (3, 3)
    engine = open_master(sqlite_url)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 4096
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        engine.dispose()


def test_progress_goes_up_to_the_total(kiosks: Kiosks, sqlite_url: str) -> None:
    a, b = kiosks("a"), kiosks("b")
    _add_many(a, 5)
    _add_many(b, 3)
    seen: list[tuple[int, int]] = []
    import_exports([a.export(), b.export()], sqlite_url, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (8, 8)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert all(t == 8 for _, t in seen)


def test_quotes_and_sql_in_a_file_s_values_are_stored_exactly(
    kiosks: Kiosks, sqlite_url: str
) -> None:
    # Every value from the file must stay bound, quotes and SQL as plain text.
    event = "Bob's \"Fair\"'); DROP TABLE touchpoints; --"
    shared, mixed = kiosks("shared"), kiosks("mixed")
    added = [
        shared.add(
            email=f"p{i}@example.org",
            event=event,
            location="O'Hare, Chicago",
            consent_version="2026-11-24 'b'",
            locale="he",
            email_group_opt_in=False,
        )
        for i in range(3)
    ]
    added.append(mixed.add(email="q@example.org", event=event, email_group_opt_in=False))
    added.append(mixed.add(email="r@example.org", event="Evening", advocacy_pledge=True))
    report = import_exports([shared.export(), mixed.export()], sqlite_url)
    assert report.signups_new == 5, report.summary_lines()

    stored = {row[0]: row[1:] for row in _dump(sqlite_url)["touchpoints"]}
    assert stored.keys() == {str(r.signup_id) for r in added}
    for record in added:
        s = record.signup
        row = stored[str(record.signup_id)]
        assert row[2:5] == (record.event_name, record.event_location, record.kiosk_id)
        assert row[11:16] == (
            s.email_group_opt_in,
            s.advocacy_pledge,
            s.contact_consent,
            s.consent_version,
            s.locale,
        )


# Text a kiosk may have stored: quotes, backslashes, SQL, any Unicode (a
# character outside the BMP too), cells a spreadsheet would run as a formula,
# and values as long as the kiosk allows.
_HOSTILE = ('O\'Brien "Bob"', "back\\slash\\", "'); DROP TABLE contacts; --", "Zoë 🎉 مريم")
_FORMULAS = ("=1+1", "+SUM(A1)", "-2+3", "@cmd", "'=already")


def test_hostile_text_in_every_column_is_stored_exactly_as_typed(
    kiosks: Kiosks, sqlite_url: str
) -> None:
    # The SQLite merge binds each value once into scratch tables and copies
    # it from there (a file's few events and languages once, a person's
    # profile from their sign-up): every value and its type must arrive as
    # typed, whatever the text, in sign-ups and contacts alike.
    kiosk = kiosks("hostile")
    added = []
    for i, (hostile, formula) in enumerate(zip(_HOSTILE * 2, _FORMULAS * 2, strict=False)):
        added.append(
            kiosk.add(
                event=f"{hostile} {'E' * (190 - len(hostile))}"[:200] if i % 2 else formula,
                location=hostile if i % 3 else "",
                first_name=formula,
                last_name=f"{hostile}{'x' * 100}"[:100],
                email=f"p{i}.{'a' * 60}@example.org" if i % 4 else "o'brien+tag@example.org",
                phone="+12025550143" if i % 2 else "",
                postal_code=hostile[:20],
                consent_version=f"{formula} {hostile}",
                locale=hostile,
                advocacy_pledge=bool(i % 2),
            )
        )
    # The same person again, later, with another name: the contact takes it.
    again = kiosk.add(email="o'brien+tag@example.org", first_name="+Later", last_name="\\'")
    report = import_exports([kiosk.export()], sqlite_url)
    assert report.files[0].accepted, report.summary_lines()
    assert report.signups_new == len(added) + 1

    engine = open_master(sqlite_url)
    try:
        with engine.connect() as connection:
            columns = [
                "signup_id", "created_at", "event_name", "event_location", "kiosk_id",
                "first_name", "last_name", "email", "phone", "postal_code", "consent_version",
                "locale", "advocacy_pledge",
            ]  # fmt: skip
            typed = ", ".join(f"{c}, typeof({c})" for c in columns)
            stored = {
                row[0]: row
                for row in connection.exec_driver_sql(f"SELECT {typed} FROM touchpoints")
            }
            contacts = {
                row[0]: row[1:]
                for row in connection.exec_driver_sql(
                    "SELECT email, first_name, last_name, consent_version, first_seen_at, "
                    "last_seen_at, latest_signup_id, typeof(advocacy_pledge) FROM contacts"
                )
            }
    finally:
        engine.dispose()
    for record in [*added, again]:
        s = record.signup
        expected = (
            str(record.signup_id),
            f"{record.created_at:%Y-%m-%d %H:%M:%S.%f}",
            record.event_name,
            record.event_location,
            record.kiosk_id,
            s.first_name,
            s.last_name,
            s.email,
            s.phone,
            s.postal_code,
            s.consent_version,
            s.locale,
            int(s.advocacy_pledge),
        )
        row = stored[str(record.signup_id)]
        assert row[0::2] == expected
        assert row[1::2] == ("text",) * 12 + ("integer",)
    first = added[0]
    assert contacts["o'brien+tag@example.org"] == (
        "+Later",
        "\\'",
        again.signup.consent_version,
        f"{first.created_at:%Y-%m-%d %H:%M:%S.%f}",
        f"{again.created_at:%Y-%m-%d %H:%M:%S.%f}",
        str(again.signup_id),
        "integer",
    )
    assert len(contacts) == len(added) - 1  # sign-ups 0 and 4 (and the later one): one person


def test_contacts_can_be_searched_by_name_or_email_in_any_case(
    kiosks: Kiosks, sqlite_url: str
) -> None:
    kiosk = kiosks("a")
    kiosk.add(email="zoe@example.org", first_name="Zoë", last_name="Éclair")
    kiosk.add(email="miriam@example.org", first_name="מרים", last_name="Cohen")
    kiosk.add(email="ahmad@example.org", first_name="أحمد", last_name="100%_real")
    import_exports([kiosk.export()], sqlite_url)
    engine = open_master(sqlite_url)
    assert [c.first_name for c in search_contacts(engine, "éCLAIR")] == ["Zoë"]
    assert [c.first_name for c in search_contacts(engine, "ZOË")] == ["Zoë"]
    assert [c.email for c in search_contacts(engine, "Miriam@")] == ["miriam@example.org"]
    assert [c.first_name for c in search_contacts(engine, "מרים")] == ["מרים"]
    assert [c.first_name for c in search_contacts(engine, "0%_r")] == ["أحمد"]
    assert search_contacts(engine, "a_m") == []  # "_" is no wildcard: "ahmad" has no "a_m"
    assert search_contacts(engine, "   ") == []
    assert len(search_contacts(engine, "example.org", limit=2)) == 2
    found = search_contacts(engine, "cohen")[0]
    assert found.touchpoints == 1 and found.event_names == ("Campus Fair",)


def test_iter_contacts_is_ordered_by_email_key(kiosks: Kiosks, sqlite_url: str) -> None:
    kiosk = kiosks("a")
    for email in ("c@example.org", "A@example.org", "b@example.org"):
        kiosk.add(email=email)
    import_exports([kiosk.export()], sqlite_url)
    assert [c.email_key for c in master_contacts(sqlite_url)] == [
        "a@example.org",
        "b@example.org",
        "c@example.org",
    ]


def test_a_bad_master_url_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MasterError, match="not a database URL"):
        open_master("not a url")
    with pytest.raises(MasterError, match="unknown database kind"):
        open_master("nosuchdb://host/db")
    with pytest.raises(MasterError, match="cannot be opened") as failure:
        open_master(f"sqlite:///{tmp_path / 'missing-folder' / 'master.sqlite3'}")
    assert "\n" not in str(failure.value)


def test_an_unreachable_server_hides_the_password() -> None:
    with pytest.raises(MasterError) as failure:
        open_master("postgresql+psycopg://staff:s3cret@127.0.0.1:1/master?connect_timeout=2")
    assert "s3cret" not in str(failure.value)
    assert "\n" not in str(failure.value)


def test_import_into_a_bad_store_fails_before_reading_files(tmp_path: Path) -> None:
    with pytest.raises(MasterError):
        import_exports([tmp_path / "x.csv"], "nosuchdb://x")


def test_files_checked_ahead_during_commits_keep_their_order_and_outcomes(
    kiosks: Kiosks, sqlite_url: str
) -> None:
    # import_exports checks each next file in a thread while the previous
    # file's commit runs: the outcomes and totals must be those of one by one.
    paths = []
    for name in ("one", "two", "three", "four"):
        kiosk = kiosks(name)
        _add_many(kiosk, 3)
        paths.append(kiosk.export())
    paths[1].write_bytes(paths[1].read_bytes()[:-5])  # no longer matches its manifest
    steps: list[tuple[int, int]] = []

    report = import_exports(
        paths, sqlite_url, progress=lambda done, total: steps.append((done, total))
    )

    assert [f.path for f in report.files] == paths
    assert [f.accepted for f in report.files] == [True, False, True, True]
    assert "sha256 does not match" in report.files[1].reason
    assert report.signups_new == 9
    assert _counts(sqlite_url)[1] == 9  # touchpoints (the kiosks sign up the same people)
    assert steps[-1] == (12, 12) and steps == sorted(steps)
    # A second run finds every good file already imported, the bad one still bad.
    again = import_exports(paths, sqlite_url)
    assert [f.accepted for f in again.files] == [True, False, True, True]
    assert again.signups_new == 0 and again.signups_present == 9
