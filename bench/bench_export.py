"""export_100k: exporting 100,000 sign-ups against csv.writer writing the same rows from memory.

The export is the whole thing a volunteer waits for: reading the rows from
the kiosk store, neutralizing and writing the CSV, hashing, fsyncing, the
manifest, and marking the rows exported. The baseline writes the same rows,
already in memory, with Python's csv module to a file on the same disk.
Baseline and export alternate, PAIRS times each; each run writes a new file,
and the previous run's output is removed outside the timing.
"""

from __future__ import annotations

import csv
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from bench.common import Figure, interleave, timed
from kiosk.clock import ManualClock
from kiosk.content import load_content
from kiosk.csvformat import COLUMNS, record_to_row
from kiosk.demo import demo_records
from kiosk.export import export_signups
from kiosk.models import Signup as SignupRow
from kiosk.paths import default_content_path
from kiosk.store import Store

ROWS = 100_000
PAIRS = 5


def _write_rows(rows: list[list[str]], path: Path) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def run(workdir: Path) -> list[Figure]:
    """Full exports of 100k rows and csv.writer runs of the same rows, interleaved."""
    clock = ManualClock(datetime(2026, 11, 24, 18, 0, tzinfo=UTC))
    store = Store.open(workdir / "kiosk", clock=clock)
    consent = load_content(default_content_path()).consent
    records = demo_records(
        ROWS, seed=7, kiosk_id=store.kiosk_id, consent=consent, start=clock() - timedelta(hours=12)
    )
    store.insert_records(records)
    rows = [record_to_row(r) for r in records]
    del records

    out = workdir / "out"

    def fresh_out() -> Path:
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        return out

    def baseline() -> float:
        path = fresh_out() / "baseline.csv"
        return timed(lambda: _write_rows(rows, path))[1]

    def export() -> float:
        folder = fresh_out()
        with store.engine.begin() as connection:  # make every row pending again
            connection.execute(update(SignupRow).values(export_batch_id=None))
        clock.advance(1)
        result, elapsed = timed(lambda: export_signups(store, folder))
        assert result is not None and result.rows == ROWS
        assert store.pending_count() == 0
        return elapsed

    try:
        pairs = interleave(baseline, export, PAIRS)
    finally:
        store.close()
    return [Figure.from_pairs("export_100k", pairs, target=3.0)]
