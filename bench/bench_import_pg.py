"""import_50x10k_sqlite / import_50x10k_postgres: the office import against a bare bulk insert.

Fifty real export files of 10,000 demo sign-ups each (50 kiosks, written by
``export_signups``) are imported with ``import_exports`` into a fresh master
store: a SQLite file, then a database on a throwaway PostgreSQL server
(started with ``tests/pg.py``). The baseline inserts the same rows, already
parsed into tuples, with the driver's plain ``executemany`` into an
equivalent table (same columns, primary key on the sign-up id), one
transaction per file, on the same disk or server with the same settings.
The import does more than that on purpose (reads and hashes each file,
checks its manifest, parses and validates every cell, merges contacts with
an upsert), and the target bounds what that costs: ratio <= 4. Baseline and
import alternate, PAIRS times each, each into a fresh database (no warm-up
run: the files were just written and are in the page cache).

``P2P_BENCH_FILES`` (default 50) and ``P2P_BENCH_ROWS`` (default 10000) shrink
the run for a quick look; the recorded figure is always the full size.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from bench.common import Figure, interleave, remove_sqlite_database
from kiosk.content import load_content
from kiosk.csvformat import COLUMNS
from kiosk.demo import demo_records
from kiosk.export import export_signups
from kiosk.importer import check_export, import_exports
from kiosk.paths import default_content_path
from kiosk.store import Store
from tests.pg import PgServer, start_server

FILES = int(os.environ.get("P2P_BENCH_FILES", "50"))
ROWS = int(os.environ.get("P2P_BENCH_ROWS", "10000"))
TARGET = 4.0
PAIRS = 3
START = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)

# The bare table holds the CSV's columns plus the file each row came from.
_COLUMNS = (*COLUMNS, "source_sha256")
_TYPES = {
    "created_at": "TIMESTAMP",
    "email_group_opt_in": "BOOLEAN",
    "advocacy_pledge": "BOOLEAN",
    "contact_consent": "BOOLEAN",
}
_DDL = (
    "CREATE TABLE touchpoints (signup_id VARCHAR(36) PRIMARY KEY, "
    + ", ".join(f"{c} {_TYPES.get(c, 'TEXT')} NOT NULL" for c in _COLUMNS[1:])
    + ")"
)


def make_exports(workdir: Path, files: int = FILES, rows: int = ROWS) -> list[Path]:
    """Write ``files`` exports of ``rows`` demo sign-ups, one kiosk each; return the CSV paths."""
    consent = load_content(default_content_path()).consent
    usb = workdir / "usb"
    usb.mkdir(exist_ok=True)
    paths = []
    for index in range(files):
        store = Store.open(workdir / "kiosks" / f"k{index:02d}")
        try:
            store.insert_records(
                demo_records(
                    rows, seed=1000 + index, kiosk_id=store.kiosk_id, consent=consent, start=START
                )
            )
            result = export_signups(store, usb)
        finally:
            store.close()
        assert result is not None
        paths.append(result.csv_path)
    return paths


def _tuples(path: Path) -> list[tuple[Any, ...]]:
    """The rows of one export as the tuples the bare insert writes (parsed outside the timing)."""
    checked = check_export(path)
    assert checked.ok, checked.reason
    out = []
    for r in checked.records:
        s = r.signup
        out.append(
            (
                str(r.signup_id),
                r.created_at.replace(tzinfo=None),
                r.event_name,
                r.event_location,
                r.kiosk_id,
                s.first_name,
                s.last_name,
                s.email,
                s.phone,
                s.postal_code,
                s.wlf_choice.value,
                s.email_group_opt_in,
                s.advocacy_pledge,
                s.contact_consent,
                s.consent_version,
                s.locale,
                checked.sha256,
            )
        )
    return out


def _bare(paths: list[Path], insert_file: Callable[[list[tuple[Any, ...]]], None]) -> float:
    """Total time of ``insert_file`` over every file's tuples (preparing them is not timed)."""
    total = 0.0
    for path in paths:
        rows = _tuples(path)
        start = time.perf_counter()
        insert_file(rows)
        total += time.perf_counter() - start
    return total


def bare_sqlite(paths: list[Path], db: Path) -> float:
    """executemany into a SQLite file with the master store's settings (WAL, synchronous=FULL)."""
    remove_sqlite_database(db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(_DDL)
    conn.commit()
    sql = f"INSERT INTO touchpoints VALUES ({', '.join('?' * len(_COLUMNS))})"

    def insert_file(rows: list[tuple[Any, ...]]) -> None:
        with conn:
            conn.executemany(sql, rows)

    try:
        return _bare(paths, insert_file)
    finally:
        conn.close()


def bare_postgres(paths: list[Path], server: PgServer) -> float:
    """executemany (psycopg 3, no COPY) into a fresh database on the same server."""
    name = server.create_database()
    conn = psycopg.connect(host="127.0.0.1", port=server.port, user=server.user, dbname=name)
    conn.execute(_DDL)
    conn.commit()
    sql = f"INSERT INTO touchpoints VALUES ({', '.join(['%s'] * len(_COLUMNS))})"

    def insert_file(rows: list[tuple[Any, ...]]) -> None:
        with conn.cursor() as cursor:
            cursor.executemany(sql, rows)
        conn.commit()

    try:
        return _bare(paths, insert_file)
    finally:
        conn.close()
        server.drop_database(name)


def timed_import(paths: list[Path], url: str) -> float:
    """Wall time of one office import of every file into the master store at ``url``."""
    start = time.perf_counter()
    report = import_exports(paths, url)
    elapsed = time.perf_counter() - start
    assert all(o.accepted for o in report.files), [o.reason for o in report.files]
    assert report.signups_new == sum(o.rows for o in report.files)
    return elapsed


@contextmanager
def _server() -> Iterator[PgServer]:
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


def _import_postgres(paths: list[Path], server: PgServer) -> float:
    name = server.create_database()
    try:
        return timed_import(paths, server.url(name))
    finally:
        server.drop_database(name)


def _import_sqlite(paths: list[Path], db: Path) -> float:
    remove_sqlite_database(db)
    return timed_import(paths, f"sqlite:///{db}")


def run(workdir: Path) -> list[Figure]:
    """Measure both imports against their bare inserts; needs PostgreSQL server binaries."""
    print(f"writing {FILES} exports of {ROWS} sign-ups…", flush=True)
    paths = make_exports(workdir)
    pairs = interleave(
        lambda: bare_sqlite(paths, workdir / "bare.sqlite3"),
        lambda: _import_sqlite(paths, workdir / "master.sqlite3"),
        PAIRS,
        warm_up=False,
    )
    figures = [Figure.from_pairs("import_50x10k_sqlite", pairs, target=TARGET)]
    with _server() as server:
        pairs = interleave(
            lambda: bare_postgres(paths, server),
            lambda: _import_postgres(paths, server),
            PAIRS,
            warm_up=False,
        )
        figures.append(Figure.from_pairs("import_50x10k_postgres", pairs, target=TARGET))
    return figures
