"""receipt_erase_10k: applying an office receipt that erases 10,000 sign-ups, vacuum included.

A kiosk store holds 10,000 exported sign-ups (one export batch). Applying the
receipt is what a volunteer waits for after **Apply receipts**: reading and
checking the receipt, matching the batch, confirming it, blanking the
personal fields, then the wipe (backups, VACUUM, WAL checkpoint with
TRUNCATE). The baseline is a bare ``sqlite3`` ``DELETE`` of the same rows
(and its commit) on an identical copy of the database, on the same disk.
Baseline and receipt alternate, PAIRS times each, each on a fresh copy made
outside the timing.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import Figure, interleave, timed
from kiosk.clock import ManualClock
from kiosk.content import load_content
from kiosk.demo import demo_records
from kiosk.paths import DB_FILE_NAME, default_content_path
from kiosk.receipts import ConfirmedFile, Receipt, write_receipt
from kiosk.service import KioskService
from kiosk.store import Store

ROWS = 10_000
PAIRS = 5


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


def _fresh_copy(template: Path, copy: Path) -> Path:
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(template, copy)
    return copy


def _baseline(template: Path, copy: Path) -> float:
    conn = sqlite3.connect(_fresh_copy(template, copy) / DB_FILE_NAME)
    try:
        (batch,) = conn.execute("SELECT id FROM export_batches").fetchone()

        def delete() -> int:
            deleted = conn.execute("DELETE FROM signups WHERE export_batch_id = ?", (batch,))
            conn.commit()
            return deleted.rowcount

        deleted, elapsed = timed(delete)
    finally:
        conn.close()
    assert deleted == ROWS
    return elapsed


def _apply(template: Path, copy: Path, receipt: Path, clock: ManualClock) -> float:
    service = KioskService.open(_fresh_copy(template, copy), clock=clock)
    try:
        applied, elapsed = timed(lambda: service.apply_receipts([receipt]))
    finally:
        service.close()
    assert not applied.refused and applied.erased == ROWS
    return elapsed


def run(workdir: Path) -> list[Figure]:
    """Receipt applications and bare DELETEs of the same rows, interleaved."""
    clock = ManualClock(datetime(2026, 11, 25, 10, 0, tzinfo=UTC))
    template, receipt = _template(workdir, clock)
    pairs = interleave(
        lambda: _baseline(template, workdir / "bare"),
        lambda: _apply(template, workdir / "kiosk", receipt, clock),
        PAIRS,
    )
    return [Figure.from_pairs("receipt_erase_10k", pairs, target=5.0)]
