"""Shared plumbing for the benchmarks: interleaved timing, and recording figures to results.json.

Each benchmark module under ``bench/`` named ``bench_*.py`` defines
``run(workdir: Path) -> list[Figure]``. ``python -m bench`` runs them all (or
those named on the command line) and merges the figures into
``bench/results.json``.

A figure with a baseline is measured in pairs, baseline then subject,
alternating (A B A B ...), so that a slow patch of a shared machine falls on
both halves of a pair rather than on whichever one happened to run then.
The figure is the median of the per-pair ratios, with their spread (lowest and
highest) beside it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
RESULTS_PATH = Path(__file__).with_name("results.json")
REPO_ROOT = Path(__file__).resolve().parent.parent
BENCH_PIN = "482915"


@dataclass(frozen=True)
class Pair:
    """One baseline run and the subject run right after it, in seconds."""

    baseline: float
    subject: float

    @property
    def ratio(self) -> float:
        return self.subject / self.baseline


@dataclass(frozen=True)
class Figure:
    """One measured figure.

    With pairs, ``value`` and ``baseline`` are the medians of the subject's and
    the baseline's timings and ``ratio`` the median of the per-pair ratios.
    With no baseline (memory, size), ``ratio`` is the value itself.
    """

    name: str
    value: float
    baseline: float | None
    target: float
    unit: str = "s"
    ratios: tuple[float, ...] = ()

    @classmethod
    def from_pairs(cls, name: str, pairs: Sequence[Pair], target: float) -> Figure:
        """The figure of interleaved ``pairs`` of timings (seconds)."""
        return cls(
            name,
            statistics.median(p.subject for p in pairs),
            statistics.median(p.baseline for p in pairs),
            target,
            ratios=tuple(p.ratio for p in pairs),
        )

    @property
    def ratio(self) -> float:
        if self.ratios:
            return statistics.median(self.ratios)
        return self.value / self.baseline if self.baseline else self.value

    @property
    def meets_target(self) -> bool:
        return self.ratio <= self.target

    def line(self) -> str:
        verdict = f"target <= {self.target:g}  " + ("ok" if self.meets_target else "OVER TARGET")
        if not self.ratios:
            return f"{self.name:24} {self.value:.4g} {self.unit}  {verdict}"
        return (
            f"{self.name:24} median ratio {self.ratio:.2f} "
            f"(spread {min(self.ratios):.2f}-{max(self.ratios):.2f} over {len(self.ratios)} pairs; "
            f"medians {self.value:.4g} {self.unit} vs baseline {self.baseline:.4g} {self.unit})  "
            f"{verdict}"
        )

    def entry(self) -> dict[str, object]:
        """The figure as results.json records it."""
        entry: dict[str, object] = {
            "value": self.value,
            "baseline": self.baseline,
            "ratio": round(self.ratio, 3),
            "target": self.target,
            "unit": self.unit,
        }
        if self.ratios:
            entry["ratio_min"] = round(min(self.ratios), 3)
            entry["ratio_max"] = round(max(self.ratios), 3)
            entry["pair_ratios"] = [round(r, 3) for r in self.ratios]
        return entry


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """Call ``fn()`` once; return what it returned and the wall-clock seconds it took."""
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def interleave(
    baseline: Callable[[], float],
    subject: Callable[[], float],
    pairs: int,
    *,
    warm_up: bool = True,
) -> list[Pair]:
    """Run ``baseline`` and ``subject`` alternately, ``pairs`` times each; return their timings.

    Each callable does one run and returns the seconds it timed itself, so that
    preparation a run needs (a fresh copy of a database, rows made pending
    again) stays outside the timing. With ``warm_up``, one untimed run of each
    goes first, so neither pays alone for a cold disk cache or first imports.
    """
    if warm_up:
        baseline()
        subject()
    return [Pair(baseline(), subject()) for _ in range(pairs)]


def remove_sqlite_database(path: Path) -> None:
    """Remove a SQLite database file and its WAL files, so the next run starts afresh."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        file.unlink(missing_ok=True)


def save(figures: list[Figure]) -> None:
    """Merge ``figures`` into results.json, keeping figures of benchmarks not run now."""
    results = json.loads(RESULTS_PATH.read_text()) if RESULTS_PATH.exists() else {}
    for figure in figures:
        results[figure.name] = figure.entry()
    RESULTS_PATH.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")


def set_up_kiosk(data_dir: Path) -> None:
    """Name an event and choose a staff PIN in ``data_dir``, as first-start setup does.

    A kiosk without a PIN starts on its setup screen; the benchmarks measure a
    booth kiosk, which starts on attract.
    """
    from kiosk.service import KioskService

    service = KioskService.open(data_dir)
    try:
        service.start_event("Bench fair", "Here")
        service.set_pin(BENCH_PIN)
    finally:
        service.close()


def run_python(script: str, *args: object, env: Mapping[str, str] | None = None) -> str:
    """Run ``script`` with ``args`` in a fresh Python process at the repository's root.

    Fresh, so nothing the benchmark made beforehand counts in what the script
    measures; returns what it printed (a failure raises, with its output).
    """
    done = subprocess.run(
        [sys.executable, "-c", script, *(str(arg) for arg in args)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    return done.stdout
