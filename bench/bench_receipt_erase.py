"""receipt_erase_10k: applying an office receipt that erases 10,000 sign-ups, vacuum included.

A kiosk store holds 10,000 exported sign-ups (one export batch). Applying the
receipt is what a volunteer waits for after **Apply receipts**: reading and
checking the receipt, matching the batch, confirming it, blanking the
personal fields, then the wipe (backups, VACUUM, WAL checkpoint with
TRUNCATE). The baseline is a bare ``sqlite3`` ``DELETE`` of the same rows
(and its commit) on an identical copy of the database, on the same disk.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Figure
from kiosk.clock import ManualClock
from kiosk.content import load_content
from kiosk.demo import demo_records
from kiosk.paths import default_content_path
from kiosk.receipts import ConfirmedFile, Receipt, write_receipt
from kiosk.service import KioskService
from kiosk.store import DB_FILE_NAME, Store

ROWS = 10_000
REPEAT = 3


def _template(workdir: Path, clock: ManualClock) -> tuple[Path, Path]:
    """A data folder with ROWS exported sign-ups, and the office's receipt for that export."""
    data_dir = workdir / "template"
    store = Store.open(data_dir, clock=clock)
    consent = load_content(default_content_path()).consent
    store.insert_records(
        demo_records(
            ROWS, seed=11, kiosk_id=store.kiosk_id, consent=consent, start=clock() - timedelta(1)
        )
    )
    kiosk_id = store.kiosk_id
    store.close()
    stick = workdir / "stick"
    stick.mkdir()
    service = KioskService.open(data_dir, clock=clock)
    try:
        result = service.export(stick)
    finally:
        service.close()
    assert result is not None and result.rows == ROWS
    receipt = Receipt(
        kiosk_id=kiosk_id,
        confirmed_at=clock(),
        files=(ConfirmedFile(result.csv_path.name, result.sha256, ROWS, ROWS),),
    )
    return data_dir, write_receipt(stick, receipt)


def _baseline(template: Path, copy: Path) -> float:
    shutil.copytree(template, copy)
    conn = sqlite3.connect(copy / DB_FILE_NAME)
    try:
        (batch,) = conn.execute("SELECT id FROM export_batches").fetchone()
        start = time.perf_counter()
        deleted = conn.execute("DELETE FROM signups WHERE export_batch_id = ?", (batch,)).rowcount
        conn.commit()
        elapsed = time.perf_counter() - start
    finally:
        conn.close()
    assert deleted == ROWS
    return elapsed


def _apply(template: Path, copy: Path, receipt: Path, clock: ManualClock) -> float:
    shutil.copytree(template, copy)
    service = KioskService.open(copy, clock=clock)
    try:
        start = time.perf_counter()
        applied = service.apply_receipts([receipt])
        elapsed = time.perf_counter() - start
    finally:
        service.close()
    assert not applied.refused and applied.erased == ROWS
    return elapsed


def run(workdir: Path) -> list[Figure]:
    """Best of three receipt applications against the best of three bare DELETEs."""
    clock = ManualClock(datetime(2026, 11, 25, 10, 0, tzinfo=UTC))
    template, receipt = _template(workdir, clock)
    baseline = min(_baseline(template, workdir / f"bare-{i}") for i in range(REPEAT))
    value = min(_apply(template, workdir / f"kiosk-{i}", receipt, clock) for i in range(REPEAT))
    return [Figure("receipt_erase_10k", value, baseline, target=5.0)]
