"""submit_latency: a durable kiosk submit against a bare sqlite3 insert + commit, same disk.

Both stay open for the whole run and take turns in blocks of SAMPLES (bare
block, kiosk block, ...), PAIRS blocks each; a pair's ratio compares the
median latency of the kiosk's block with the bare block before it.
"""

from __future__ import annotations

import itertools
import sqlite3
import statistics
from collections.abc import Callable
from pathlib import Path

from bench.common import Figure, interleave, timed
from kiosk.store import Store
from tests.factories import make_signup

SAMPLES = 100
PAIRS = 7


def _median_latency(one: Callable[[], object]) -> float:
    return statistics.median(timed(one)[1] for _ in range(SAMPLES))


def run(workdir: Path) -> list[Figure]:
    """Blocks of bare commits and blocks of kiosk submits, interleaved."""
    conn = sqlite3.connect(workdir / "bare.sqlite3")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b TEXT, c TEXT)")
    ids = itertools.count()
    store = Store.open(workdir / "kiosk")
    store.start_event("Bench fair", "Here")
    signup = make_signup()

    def bare_insert() -> None:
        values = (str(next(ids)), "Dana", "Levi", "d@x.org")
        conn.execute("INSERT INTO t VALUES (?, ?, ?, ?)", values)
        conn.commit()

    try:
        pairs = interleave(
            lambda: _median_latency(bare_insert),
            lambda: _median_latency(lambda: store.submit(signup)),
            PAIRS,
        )
    finally:
        store.close()
        conn.close()
    return [Figure.from_pairs("submit_latency", pairs, target=3.0)]
