"""import_check_memory: peak memory while checking one 500,000-row export against its manifest.

The office checks a file before merging it: every row parsed, every value
held to the kiosk's own rules, the hash compared. The file is read as a
stream, a batch of rows at a time, so memory must not grow with the file:
the figure is the checking process's peak resident memory (Python, the
program's modules and the check), in MB, against the file's size (printed);
the target is under 200 MB for a file of about 100 MB.

The export is real: a kiosk store holds 500,000 demo sign-ups and
``export_signups`` writes them. The check runs in a fresh process, so
nothing the file was made with counts.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Figure, run_python
from kiosk.content import load_content
from kiosk.demo import demo_records
from kiosk.export import export_signups
from kiosk.paths import default_content_path
from kiosk.store import Store

ROWS = 500_000
TARGET_MB = 200.0

_CHECK = """
import sys
from pathlib import Path
from bench.proc_memory import peak_rss_kib
from kiosk.export_check import check_export

before = peak_rss_kib()
checked = check_export(Path(sys.argv[1]))
assert checked.ok and checked.rows == int(sys.argv[2]), checked.reason
print(before, peak_rss_kib())
"""


def make_export(workdir: Path, rows: int = ROWS) -> Path:
    """Write one real export of ``rows`` demo sign-ups; return its CSV path."""
    consent = load_content(default_content_path()).consent
    store = Store.open(workdir / "kiosk")
    try:
        for part in range(10):  # in parts, so making the file stays light too
            store.insert_records(
                demo_records(
                    rows // 10,
                    seed=5 + part,
                    kiosk_id=store.kiosk_id,
                    consent=consent,
                    start=datetime(2026, 11, 24, 14, 0, tzinfo=UTC),
                )
            )
        usb = workdir / "usb"
        usb.mkdir()
        result = export_signups(store, usb)
    finally:
        store.close()
    assert result is not None and result.rows == rows
    return result.csv_path


def run(workdir: Path) -> list[Figure]:
    """Check a 500,000-row export in a fresh process; report its peak RSS in MB."""
    if not Path("/proc/self/status").exists():
        print("import_check_memory: needs /proc (Linux); skipped", file=sys.stderr)
        return []
    print(f"writing an export of {ROWS:,} sign-ups…", flush=True)
    path = make_export(workdir)
    size_mb = path.stat().st_size / 1e6
    printed = run_python(_CHECK, path, ROWS)
    before, peak = (int(kib) * 1024 / 1e6 for kib in printed.split()[-2:])
    print(
        f"import_check_memory: a {size_mb:.0f} MB file checked at a peak RSS of {peak:.0f} MB "
        f"({before:.0f} MB of it the program before the check)",
        flush=True,
    )
    return [Figure("import_check_memory", peak, None, target=TARGET_MB, unit="MB")]
