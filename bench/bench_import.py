"""import_10x10k: importing 10 export files of 10,000 sign-ups into a fresh SQLite master store.

The import is everything staff wait for: reading each file, checking its
hash, columns and every value against its manifest, merging people into
contacts and writing the touchpoints. The baseline is a bare ``executemany``
of the same 100,000 rows (already in memory, already as tuples) into one
SQLite table with the same durability settings, committing once per file.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Figure
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
REPEAT = 3


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
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    columns = ", ".join(f"{name} TEXT" for name in COLUMNS)
    connection.execute(f"CREATE TABLE signups ({columns}, PRIMARY KEY (signup_id))")
    statement = f"INSERT INTO signups VALUES ({', '.join('?' * len(COLUMNS))})"
    start = time.perf_counter()
    for batch in batches:
        connection.executemany(statement, batch)
        connection.commit()
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def run(workdir: Path) -> list[Figure]:
    """Best of three imports into a fresh master against the best of three bare executemany runs."""
    paths, batches = _make_exports(workdir)
    baseline = min(_bare_executemany(workdir / f"bare-{i}.sqlite3", batches) for i in range(REPEAT))
    timings = []
    for attempt in range(REPEAT):
        url = f"sqlite:///{workdir / f'master-{attempt}.sqlite3'}"
        start = time.perf_counter()
        report = import_exports(paths, url)
        timings.append(time.perf_counter() - start)
        assert report.signups_new == FILES * ROWS_PER_FILE, report.summary_lines()
    return [Figure("import_10x10k", min(timings), baseline, target=4.0)]
