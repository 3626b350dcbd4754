"""A sign-up reported as saved survives the process being killed at any moment."""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from kiosk.paths import DB_FILE_NAME
from kiosk.store import Store
from tests.child import start_ready_child

# The child submits sign-ups as fast as it can and prints each id only after
# submit() has returned, i.e. after the kiosk would have shown "Thank you".
CHILD = """
import sys
from pathlib import Path
from kiosk.store import Store
from tests.factories import make_signup

store = Store.open(Path(sys.argv[1]))
print("ready", flush=True)
while True:
    record = store.submit(make_signup())
    print(record.signup_id, flush=True)
"""


def _run_and_kill(data_dir: Path, rng: random.Random) -> list[str]:
    child = start_ready_child(CHILD, data_dir)
    assert child.stdout is not None
    time.sleep(rng.uniform(0.0, 0.25))  # a random moment mid-stream: the point of the test
    child.send_signal(signal.SIGKILL)
    reported = [line.strip() for line in child.stdout if line.strip()]
    child.wait()
    return reported


@pytest.mark.slow
def test_killed_kiosk_loses_no_reported_signup(data_dir: Path) -> None:
    rng = random.Random(20261124)
    reported: list[str] = []
    for _ in range(12):
        reported += _run_and_kill(data_dir, rng)
    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in conn.execute("SELECT id FROM signups")}
    assert len(reported) > 12  # the children really were writing when killed
    assert set(reported) <= stored
    store = Store.open(data_dir)  # and the kiosk opens it again as usual
    assert store.signup_count() == len(stored)
    store.close()
