"""A Python child process that writes until it is killed, for the crash-safety tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def start_ready_child(code: str, *args: str | Path) -> subprocess.Popen[str]:
    """Run ``code`` in a new Python that imports this repository; return once it says "ready".

    Its standard output is a pipe of text lines, for the test to read what it reported.
    """
    child = subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child
