"""Shared plumbing for the benchmarks: timing, and recording figures to results.json.

Each benchmark module under ``bench/`` named ``bench_*.py`` defines
``run(workdir: Path) -> list[Figure]``. ``python -m bench`` runs them all (or
those named on the command line) and merges the figures into
``bench/results.json`` as ``{name: {value, baseline, ratio, target}}``.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

RESULTS_PATH = Path(__file__).with_name("results.json")
BENCH_PIN = "482915"


@dataclass(frozen=True)
class Figure:
    """One measured figure. With no baseline, ``ratio`` holds the value itself."""

    name: str
    value: float
    baseline: float | None
    target: float
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else self.value

    @property
    def meets_target(self) -> bool:
        return self.ratio <= self.target

    def line(self) -> str:
        verdict = "ok" if self.meets_target else "OVER TARGET"
        base = f"baseline {self.baseline:.6g} {self.unit}" if self.baseline else "no baseline"
        return (
            f"{self.name:28} {self.value:.6g} {self.unit} ({base}) "
            f"ratio {self.ratio:.2f} target <= {self.target:g}  {verdict}"
        )


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Return the fastest of ``repeat`` wall-clock timings of ``fn()``, in seconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - start)
    return min(timings)


def median_of(fn: Callable[[], object], repeat: int) -> float:
    """Return the median of ``repeat`` wall-clock timings of ``fn()``, in seconds."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def save(figures: list[Figure]) -> None:
    """Merge ``figures`` into results.json, keeping figures of benchmarks not run now."""
    results = json.loads(RESULTS_PATH.read_text()) if RESULTS_PATH.exists() else {}
    for figure in figures:
        entry = asdict(figure)
        del entry["name"]
        entry["ratio"] = round(figure.ratio, 3)
        results[figure.name] = entry
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
