"""An export killed at any moment leaves a whole file or none, and marks only what is on disk."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import signal
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.paths import DB_FILE_NAME
from tests.child import start_ready_child
from tests.factories import fill_store

ROWS = 50_000

# The child exports every sign-up (--all, so each run writes a whole file)
# and says "ready" once its store is open, so the kill lands in the export.
CHILD = """
import sys
from pathlib import Path
from kiosk.store import Store
from kiosk.export import export_signups

store = Store.open(Path(sys.argv[1]))
print("ready", flush=True)
result = export_signups(store, Path(sys.argv[2]), include_all=True)
print("done", result.rows, flush=True)
"""


def _run_and_kill(data_dir: Path, usb: Path, delay: float | None) -> bool:
    """Run one export, SIGKILL it after ``delay`` s (None: let it end); return if it finished."""
    child = start_ready_child(CHILD, data_dir, usb)
    assert child.stdout is not None
    if delay is not None:
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
    rest = child.stdout.read()
    child.wait()
    return "done" in rest


def _check_invariants(data_dir: Path, usb: Path) -> tuple[int, int]:
    """Assert the crash-safety promises; return (whole files, rows marked exported)."""
    finals = sorted(p for p in usb.iterdir() if p.name.endswith(".csv"))
    for csv_path in finals:
        manifest_path = csv_path.with_name(csv_path.name + ".manifest.json")
        assert manifest_path.exists(), "a CSV under its final name has its manifest"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        data = csv_path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == manifest["sha256"], "and it is whole"
        assert data.count(b"\r\n") == manifest["rows"] + 1 == ROWS + 1
    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        batches = conn.execute("SELECT id, file_name, rows FROM export_batches").fetchall()
        marked = conn.execute(
            "SELECT count(*) FROM signups WHERE export_batch_id IS NOT NULL"
        ).fetchone()[0]
    for _id, file_name, rows in batches:
        assert (usb / file_name).exists(), "a batch is recorded only once its file is there"
        assert (usb / (file_name + ".manifest.json")).exists()
        assert rows == ROWS
    assert marked in (0, ROWS), "all rows of the export are marked, or none"
    assert (marked == ROWS) == bool(batches)
    return len(finals), marked


def _reset(data_dir: Path, usb: Path) -> None:
    """Forget earlier exports so every run can mark the rows again."""
    shutil.rmtree(usb)
    usb.mkdir()
    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        conn.execute("UPDATE signups SET export_batch_id = NULL")
        conn.execute("DELETE FROM export_batches")


@pytest.mark.slow
def test_a_killed_export_leaves_a_whole_file_or_none_and_marks_nothing_early(
    tmp_path: Path,
) -> None:
    data_dir, usb = tmp_path / "kiosk", tmp_path / "usb"
    usb.mkdir()
    fill_store(data_dir, ROWS, datetime(2026, 11, 24, 9, tzinfo=UTC), first_name="=Name", email="p")

    # How long a whole export takes here, so the kills spread over all of it.
    started = time.perf_counter()
    assert _run_and_kill(data_dir, usb, delay=None)
    full = time.perf_counter() - started
    assert _check_invariants(data_dir, usb) == (1, ROWS)

    rng = random.Random(20261124)
    outcomes = []
    for _ in range(5):
        _reset(data_dir, usb)
        finished = _run_and_kill(data_dir, usb, delay=rng.uniform(0.0, full))
        files, marked = _check_invariants(data_dir, usb)
        outcomes.append((finished, files, marked))
    # The kills really did land mid-export (no file, nothing marked) at least once.
    assert any(files == 0 and marked == 0 for _, files, marked in outcomes)
