"""submit_latency: a durable kiosk submit against a bare sqlite3 insert + commit, same disk."""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path

from bench.common import Figure
from kiosk.store import Store
from tests.factories import make_signup

SAMPLES = 500


def _bare_sqlite_latency(path: Path) -> float:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b TEXT, c TEXT)")
    timings = []
    for i in range(SAMPLES):
        start = time.perf_counter()
        conn.execute("INSERT INTO t VALUES (?, ?, ?, ?)", (str(i), "Dana", "Levi", "d@x.org"))
        conn.commit()
        timings.append(time.perf_counter() - start)
    conn.close()
    return statistics.median(timings)


def _store_latency(data_dir: Path) -> float:
    store = Store.open(data_dir)
    store.start_event("Bench fair", "Here")
    signup = make_signup()
    timings = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        store.submit(signup)
        timings.append(time.perf_counter() - start)
    store.close()
    return statistics.median(timings)


def run(workdir: Path) -> list[Figure]:
    """Measure the median of 500 submits against the median of 500 bare commits."""
    baseline = _bare_sqlite_latency(workdir / "bare.sqlite3")
    value = _store_latency(workdir / "kiosk")
    return [Figure("submit_latency", value, baseline, target=3.0)]
