"""``python -m bench``, as a developer types it: a wrong name is refused before anything runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results.json"


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bench", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("name", ["nope", "../tests/conftest", "import; rm -rf /", "--nope", ""])
def test_an_unknown_benchmark_is_named_and_nothing_runs(name: str) -> None:
    before = RESULTS.read_bytes()
    finished = _bench("duplicates", name)
    assert finished.returncode == 2
    assert "no benchmark named" in finished.stderr or "usage:" in finished.stderr
    assert "Traceback" not in finished.stderr
    assert finished.stdout == "", "the known benchmark before it must not have run"
    assert RESULTS.read_bytes() == before


def test_help_lists_every_benchmark() -> None:
    finished = _bench("--help")
    assert finished.returncode == 0
    for module in (REPO / "bench").glob("bench_*.py"):
        assert module.stem.removeprefix("bench_") in finished.stdout
