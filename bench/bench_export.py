"""export_100k: exporting 100,000 sign-ups against csv.writer writing the same rows from memory.

The export is the whole thing a volunteer waits for: reading the rows from
the kiosk store, neutralizing and writing the CSV, hashing, fsyncing, the
manifest, and marking the rows exported. The baseline writes the same rows,
already in memory, with Python's csv module to a file on the same disk.
"""

from __future__ import annotations

import csv
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from bench.common import Figure
from kiosk.clock import ManualClock
from kiosk.content import load_content
from kiosk.csvformat import COLUMNS, record_to_row
from kiosk.demo import demo_records
from kiosk.export import export_signups
from kiosk.models import Signup as SignupRow
from kiosk.paths import default_content_path
from kiosk.store import Store

ROWS = 100_000
REPEAT = 3


def _baseline(rows: list[list[str]], path: Path) -> float:
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return time.perf_counter() - start


def run(workdir: Path) -> list[Figure]:
    """Best of three full exports of 100k rows against the best of three csv.writer runs."""
    clock = ManualClock(datetime(2026, 11, 24, 18, 0, tzinfo=UTC))
    store = Store.open(workdir / "kiosk", clock=clock)
    consent = load_content(default_content_path()).consent
    records = demo_records(
        ROWS, seed=7, kiosk_id=store.kiosk_id, consent=consent, start=clock() - timedelta(hours=12)
    )
    store.insert_records(records)
    rows = [record_to_row(r) for r in records]
    del records

    baseline = min(_baseline(rows, workdir / f"baseline-{i}.csv") for i in range(REPEAT))
    timings = []
    for attempt in range(REPEAT):
        out = workdir / f"usb-{attempt}"
        out.mkdir()
        with store.engine.begin() as connection:  # make every row pending again
            connection.execute(update(SignupRow).values(export_batch_id=None))
        start = time.perf_counter()
        result = export_signups(store, out)
        timings.append(time.perf_counter() - start)
        assert result is not None and result.rows == ROWS
        assert store.pending_count() == 0
        clock.advance(1)
    store.close()
    return [Figure("export_100k", min(timings), baseline, target=3.0)]
