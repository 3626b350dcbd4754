"""The office import against both master stores: a SQLite file and a real PostgreSQL server.

Every test runs twice (``master_url``, from conftest, is parametrized): once into a SQLite
file, once into a fresh database on a throwaway PostgreSQL server started by
``tests/pg.py`` (skipped without the server binaries, a failure under
``CI=true``). The exports are real: kiosk stores write them with
``export_signups``. Here: what a store's own loading can get wrong (COPY's escapes,
imports at the same moment, files of several batches); accepting, rejecting and
merging files are in ``test_import.py``, on both stores as well.
"""

from __future__ import annotations

import itertools
import multiprocessing
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from kiosk.importer import ImportReport, check_export, import_exports, merge_exports
from kiosk.master import open_master
from kiosk.signup import SignupRecord
from tests.factories import ExportingKiosk, MakeKiosk, master_contacts

T0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


Kiosks = Callable[[str], ExportingKiosk]


@pytest.fixture
def kiosks(make_kiosk: MakeKiosk) -> Kiosks:
    """Kiosks on the real clock; each sign-up is given its time."""
    return lambda name: make_kiosk(name)


_numbered = itertools.count(1)


def _signup(
    kiosk: ExportingKiosk, when: datetime, event: str = "Campus Fair", **values: Any
) -> SignupRecord:
    """Store a sign-up at ``when``, under an email of its own unless one is given."""
    values.setdefault("email", f"{kiosk.store.kiosk_id[:8]}-{next(_numbered)}@example.org")
    return kiosk.add(at=when, event=event, **values)


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:

            def one(sql: str) -> int:
                return int(conn.execute(text(sql)).scalar_one())

            return {
                "touchpoints": one("SELECT count(*) FROM touchpoints"),
                "distinct_signups": one("SELECT count(DISTINCT signup_id) FROM touchpoints"),
                "contacts": one("SELECT count(*) FROM contacts"),
                "distinct_keys": one("SELECT count(DISTINCT lower(email_key)) FROM contacts"),
            }
    finally:
        engine.dispose()


def _several_signups(kiosk: ExportingKiosk, n: int, start: datetime = T0) -> None:
    for i in range(n):
        _signup(kiosk, start + timedelta(minutes=i))


# Merging people ----------------------------------------------------------------


def test_backslashes_tabs_and_line_breaks_in_cells_are_stored_exactly(
    master_url: str, kiosks: Kiosks
) -> None:
    # PostgreSQL loads each file with COPY's text format, where these are
    # escapes and separators; a cell holding them must come back unchanged.
    # Typed fields never hold a tab or line break (the form refuses them);
    # the consent version, from the content file, may.
    kiosk = kiosks("a")
    odd = r"O\Brien \N \t x"
    version = "v2\twith a tab\nand \\N a line break"
    _signup(
        kiosk,
        T0,
        first_name=odd,
        last_name="Back\\slash",
        event="Fair \\ Expo",
        consent_version=version,
    )
    _signup(kiosk, T0 + timedelta(minutes=1), first_name="Plain", email="plain@example.org")

    report = import_exports([kiosk.export()], master_url)

    assert report.files[0].accepted, report.files[0].reason
    assert (report.signups_new, report.contacts_new) == (2, 2)
    engine = create_engine(master_url)
    try:
        with engine.connect() as conn:
            touchpoint = conn.execute(
                text(
                    "SELECT first_name, last_name, event_name, consent_version "
                    "FROM touchpoints ORDER BY created_at"
                )
            ).first()
            contact = conn.execute(
                text(
                    "SELECT first_name, last_name, search_text, consent_version "
                    "FROM contacts ORDER BY first_seen_at"
                )
            ).first()
    finally:
        engine.dispose()
    assert touchpoint is not None and contact is not None
    assert tuple(touchpoint) == (odd, "Back\\slash", "Fair \\ Expo", version)
    assert tuple(contact)[:2] == (odd, "Back\\slash")
    assert tuple(contact)[3] == version
    assert tuple(contact)[2].startswith(odd.casefold())


# Concurrency -------------------------------------------------------------------


def _overlapping_exports(kiosks: Kiosks, people: int = 40) -> list[Path]:
    """Four exports from two kiosks; the same people appear in several of them."""
    paths = []
    for name in ("north", "south"):
        kiosk = kiosks(name)
        for day in range(2):
            for i in range(people):
                _signup(
                    kiosk,
                    T0 + timedelta(days=day, minutes=i),
                    f"Event {day}",
                    email=f"person{i}@example.org" if i % 2 else f"PERSON{i}@Example.org",
                )
            paths.append(kiosk.export())
    return paths


def _assert_no_duplicates(url: str, signups: int, people: int) -> None:
    counts = _counts(url)
    assert counts["touchpoints"] == counts["distinct_signups"] == signups
    assert counts["contacts"] == counts["distinct_keys"] == people


def _merge_concurrently(url: str, sets: list[list[Path]]) -> list[ImportReport]:
    """Check each set, then merge all sets at the same moment from separate threads."""
    barrier = threading.Barrier(len(sets))
    reports: list[ImportReport] = []
    errors: list[BaseException] = []

    def run(files: list[Path]) -> None:
        try:
            checked = [check_export(p) for p in files]
            barrier.wait(timeout=30)
            reports.append(merge_exports(checked, url))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(files,)) for files in sets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(reports) == len(sets)
    return reports


def test_two_overlapping_imports_in_threads_leave_no_duplicates(
    master_url: str, kiosks: Kiosks
) -> None:
    paths = _overlapping_exports(kiosks)
    open_master(master_url).dispose()  # the store exists, as it does after the first import

    reports = _merge_concurrently(master_url, [paths[:3], paths[1:]])  # middle two in both

    for report in reports:
        assert all(o.accepted for o in report.files), [o.reason for o in report.files]
    _assert_no_duplicates(master_url, signups=160, people=40)
    # Between them, the two imports wrote each sign-up exactly once.
    assert sum(r.signups_new for r in reports) == 160


def _import_in_process(files: list[str], url: str, start: Any) -> tuple[int, bool]:
    start.wait(timeout=60)
    report = import_exports([Path(f) for f in files], url)
    return report.signups_new, all(o.accepted for o in report.files)


def test_two_overlapping_imports_in_processes_leave_no_duplicates(
    master_url: str, kiosks: Kiosks
) -> None:
    paths = [str(p) for p in _overlapping_exports(kiosks, people=30)]
    open_master(master_url).dispose()
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(2)
        with context.Pool(2) as pool:
            jobs = [
                pool.apply_async(_import_in_process, (files, master_url, start))
                for files in (paths[:3], paths[1:])
            ]
            results = [job.get(timeout=180) for job in jobs]

    assert all(accepted for _, accepted in results)
    assert sum(new for new, _ in results) == 120
    _assert_no_duplicates(master_url, signups=120, people=30)


# Races found by these tests and fixed in the engine; kept as regression guards.


def test_two_imports_into_a_brand_new_store_both_succeed(master_url: str, kiosks: Kiosks) -> None:
    """Both open (and so create) the store at once: creating the tables must not race."""
    paths = _overlapping_exports(kiosks, people=10)
    reports = _merge_concurrently(master_url, [paths[:2], paths[2:]])
    assert all(o.accepted for r in reports for o in r.files)
    _assert_no_duplicates(master_url, signups=40, people=10)


def test_concurrent_imports_count_each_new_contact_once(master_url: str, kiosks: Kiosks) -> None:
    """The summary staff read must add up: each person is new in exactly one report."""
    paths = _overlapping_exports(kiosks)
    open_master(master_url).dispose()
    reports = _merge_concurrently(master_url, [paths[:3], paths[1:]])
    assert sum(r.contacts_new for r in reports) == 40


@pytest.mark.postgres
def test_database_error_reasons_never_quote_the_value_postgresql_echoes(pg_url: str) -> None:
    from sqlalchemy.exc import DBAPIError

    from kiosk.store import database_error_reason

    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection, pytest.raises(DBAPIError) as caught:
            connection.execute(text("SELECT CAST(:v AS boolean)"), {"v": "Dana Levi"})
    finally:
        engine.dispose()
    assert "Dana" in str(caught.value)  # PostgreSQL quotes the bad value
    reason = database_error_reason(caught.value)
    assert "Dana" not in reason
    assert "invalid input syntax for type boolean" in reason


# Files of several batches (read, checked and merged a batch at a time) -----------------


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> int:
    """Three rows a batch, so a ten-row file is read, checked and merged in four."""
    import kiosk.export_check

    monkeypatch.setattr(kiosk.export_check, "BATCH_ROWS", 3)
    return 3


def test_a_file_of_several_batches_merges_like_one(
    master_url: str, kiosks: Kiosks, small_batches: int
) -> None:
    kiosk = kiosks("a")
    _signup(kiosk, T0, email="dana@example.org", first_name="Early")
    _several_signups(kiosk, 8, start=T0 + timedelta(minutes=1))
    _signup(kiosk, T0 + timedelta(hours=1), email="DANA@example.org", first_name="Late")
    path = kiosk.export()

    checked = check_export(path)
    assert checked.ok and checked.rows == 10 and checked.cells is None  # not kept: 4 batches
    assert (checked.first_created_at, checked.last_created_at) == (T0, T0 + timedelta(hours=1))
    report = merge_exports([checked], master_url)

    assert (report.signups_new, report.contacts_new, report.contacts_updated) == (10, 9, 1)
    dana = next(c for c in master_contacts(master_url) if c.email_key == "dana@example.org")
    assert (dana.first_name, dana.touchpoints, dana.first_seen_at) == ("Late", 2, T0)
    assert _counts(master_url)["touchpoints"] == 10
    again = import_exports([path], master_url)
    assert again.signups_present == 10 and again.signups_new == 0


def test_a_repeated_id_in_a_later_batch_names_its_row(
    master_url: str, kiosks: Kiosks, small_batches: int
) -> None:
    kiosk = kiosks("a")
    records = [_signup(kiosk, T0 + timedelta(minutes=i)) for i in range(7)]
    path = kiosk.export()
    lines = path.read_bytes().split(b"\r\n")
    lines[7] = lines[7].replace(
        str(records[6].signup_id).encode(), str(records[1].signup_id).encode()
    )
    _refresh_manifest(path, b"\r\n".join(lines))

    assert check_export(path).reason == "row 7: signup_id repeats an earlier row"
    assert not import_exports([path], master_url).files[0].accepted
    assert _counts(master_url)["touchpoints"] == 0


def test_a_bad_value_in_a_later_batch_names_its_row(kiosks: Kiosks, small_batches: int) -> None:
    kiosk = kiosks("a")
    _several_signups(kiosk, 5)
    _signup(kiosk, T0 + timedelta(hours=1), first_name="Bell\x07")
    _signup(kiosk, T0 + timedelta(hours=2))
    assert check_export(kiosk.export()).reason == "row 6: first_name contains a control character"


def _refresh_manifest(path: Path, data: bytes) -> None:
    import hashlib
    import json

    path.write_bytes(data)
    manifest_path = path.with_name(path.name + ".manifest.json")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["sha256"] = hashlib.sha256(data).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
