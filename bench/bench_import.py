"""import_10x10k: importing 10 export files of 10,000 sign-ups into a fresh SQLite master store.

The import is everything staff wait for: reading each file, checking its
hash, columns and every value against its manifest, merging people into
contacts and writing the touchpoints. The baseline is a bare ``executemany``
of the same 100,000 rows (already in memory, already as tuples) into one
SQLite table with the same durability settings, committing once per file.
Baseline and import alternate, PAIRS times each, each into a new database
file (the previous one removed outside the timing).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Figure, interleave, remove_sqlite_database, timed
from kiosk.clock import ManualClock
from kiosk.content import load_content
from kiosk.csvformat import COLUMNS, record_to_row
from kiosk.demo import demo_records
from kiosk.export import export_signups
from kiosk.importer import import_exports
from kiosk.paths import default_content_path
from kiosk.store import Store

FILES = 10
ROWS_PER_FILE = 10_000
PAIRS = 5


def _make_exports(workdir: Path) -> tuple[list[Path], list[list[tuple[str, ...]]]]:
    clock = ManualClock(datetime(2026, 11, 24, 18, 0, tzinfo=UTC))
    store = Store.open(workdir / "kiosk", clock=clock)
    consent = load_content(default_content_path()).consent
    records = demo_records(
        FILES * ROWS_PER_FILE,
        seed=11,
        kiosk_id=store.kiosk_id,
        consent=consent,
        start=clock() - timedelta(hours=12),
    )
    usb = workdir / "usb"
    usb.mkdir()
    paths: list[Path] = []
    batches: list[list[tuple[str, ...]]] = []
    for index in range(FILES):
        batch = records[index * ROWS_PER_FILE : (index + 1) * ROWS_PER_FILE]
        store.insert_records(batch)
        result = export_signups(store, usb)
        assert result is not None and result.rows == ROWS_PER_FILE
        paths.append(result.csv_path)
        batches.append([tuple(record_to_row(r)) for r in batch])
        clock.advance(60)
    store.close()
    return paths, batches


def _bare_executemany(path: Path, batches: list[list[tuple[str, ...]]]) -> float:
    remove_sqlite_database(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    columns = ", ".join(f"{name} TEXT" for name in COLUMNS)
    connection.execute(f"CREATE TABLE signups ({columns}, PRIMARY KEY (signup_id))")
    statement = f"INSERT INTO signups VALUES ({', '.join('?' * len(COLUMNS))})"

    def insert_all() -> None:
        for batch in batches:
            connection.executemany(statement, batch)
            connection.commit()

    elapsed = timed(insert_all)[1]
    connection.close()
    return elapsed


def _import(path: Path, exports: list[Path]) -> float:
    remove_sqlite_database(path)
    report, elapsed = timed(lambda: import_exports(exports, f"sqlite:///{path}"))
    assert report.signups_new == FILES * ROWS_PER_FILE, report.summary_lines()
    return elapsed


def run(workdir: Path) -> list[Figure]:
    """Imports into a fresh master and bare executemany runs of the same rows, interleaved."""
    paths, batches = _make_exports(workdir)
    pairs = interleave(
        lambda: _bare_executemany(workdir / "bare.sqlite3", batches),
        lambda: _import(workdir / "master.sqlite3", paths),
        PAIRS,
    )
    return [Figure.from_pairs("import_10x10k", pairs, target=4.0)]
