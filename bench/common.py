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
    """One measured figure. With no baseline, ``ratio`` holds the value itself.

    Timed in interleaved pairs (``paired``), the ratio is the median of the
    pairs' own ratios, and ``spread`` their middle half (first to third quartile).
    """

    name: str
    value: float
    baseline: float | None
    target: float
    unit: str = "s"
    paired_ratio: float | None = None
    spread: tuple[float, float] | None = None

    @property
    def ratio(self) -> float:
        if self.paired_ratio is not None:
            return self.paired_ratio
        return self.value / self.baseline if self.baseline else self.value

    @property
    def meets_target(self) -> bool:
        return self.ratio <= self.target

    def line(self) -> str:
        verdict = "ok" if self.meets_target else "OVER TARGET"
        base = f"baseline {self.baseline:.6g} {self.unit}" if self.baseline else "no baseline"
        spread = f" (middle half {self.spread[0]:.2f}-{self.spread[1]:.2f})" if self.spread else ""
        return (
            f"{self.name:28} {self.value:.6g} {self.unit} ({base}) "
            f"ratio {self.ratio:.2f}{spread} target <= {self.target:g}  {verdict}"
        )


@dataclass(frozen=True)
class Pairs:
    """Interleaved timings of a baseline and a subject: each pair ran back to back."""

    baseline: list[float]
    subject: list[float]

    @property
    def ratios(self) -> list[float]:
        """Each pair's subject time over its baseline time."""
        return [s / b for b, s in zip(self.baseline, self.subject, strict=True)]

    def figure(self, name: str, target: float) -> Figure:
        """The median times, the median of the pairs' ratios and their middle half."""
        first, _, third = statistics.quantiles(self.ratios, n=4)
        return Figure(
            name,
            statistics.median(self.subject),
            statistics.median(self.baseline),
            target,
            paired_ratio=statistics.median(self.ratios),
            spread=(first, third),
        )


def paired(
    baseline: Callable[[], object], subject: Callable[[], object], pairs: int, warm_up: int = 3
) -> Pairs:
    """Time ``baseline`` and ``subject`` alternately, ``pairs`` times each, after a warm-up.

    A noisy neighbour slows both of a pair alike, so the pair's ratio holds where
    two separate series would drift apart.
    """
    for _ in range(warm_up):
        baseline()
        subject()
    timed = Pairs([], [])
    for _ in range(pairs):
        for fn, timings in ((baseline, timed.baseline), (subject, timed.subject)):
            start = time.perf_counter()
            fn()
            timings.append(time.perf_counter() - start)
    return timed


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
        entry = {key: value for key, value in asdict(figure).items() if value is not None}
        del entry["name"]
        entry.pop("paired_ratio", None)  # it is the ratio, below
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
