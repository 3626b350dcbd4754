"""Run the benchmarks: ``python -m bench [NAME...]`` (module names without ``bench_``)."""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
from pathlib import Path

from bench.common import Figure, save

HERE = Path(__file__).parent


def benchmark_names() -> list[str]:
    """Every benchmark in bench/, by its module name without ``bench_``."""
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    known = benchmark_names()
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Run the benchmarks and merge their figures into bench/results.json.",
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"benchmarks to run (all by default): {', '.join(known)}",
    )
    names = parser.parse_args(argv).names or known
    unknown = [name for name in names if name not in known]
    if unknown:
        parser.error(
            f"no benchmark named {', '.join(map(repr, unknown))}; choose from {', '.join(known)}"
        )
    figures: list[Figure] = []
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as workdir:
            for figure in module.run(Path(workdir)):
                print(figure.line(), flush=True)
                figures.append(figure)
    save(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
