"""Run the benchmarks: ``python -m bench [NAME...]`` (module names without ``bench_``)."""

from __future__ import annotations

import importlib
import sys
import tempfile
from pathlib import Path

from bench.common import Figure, save


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = argv or sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
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
