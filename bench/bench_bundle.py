"""bundle_size_mb and bundle_startup: the PyInstaller bundle's size, and its start-up to the
attract screen against the same start-up from source, in the same run.

Builds the bundle with ``make bundle`` first if ``dist/p2p-kiosk`` is missing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.bench_startup import kiosk_command, start_env, time_to_line
from bench.common import REPO_ROOT, Figure, interleave, set_up_kiosk
from ui.app import STARTUP_PROBE_LINE

BUNDLE_DIR = REPO_ROOT / "dist" / "p2p-kiosk"
BUNDLE_EXE = BUNDLE_DIR / ("p2p-kiosk.exe" if sys.platform == "win32" else "p2p-kiosk")
PAIRS = 9


def folder_size_mb(folder: Path) -> float:
    """Total size of the files under ``folder``, in MiB (symlinks, which PyInstaller makes
    for Qt's libraries, counted once)."""
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 2**20


def run(workdir: Path) -> list[Figure]:
    """Measure the bundle's size and its start-up against the source checkout's."""
    if not BUNDLE_EXE.exists():
        subprocess.run(["make", "-C", str(REPO_ROOT), "bundle"], check=True)
    source = kiosk_command([sys.executable, "-m", "p2p_kiosk"], workdir / "source")
    bundled = kiosk_command([str(BUNDLE_EXE)], workdir / "bundle")
    for data_dir in ("source", "bundle"):
        set_up_kiosk(workdir / data_dir)  # so both start on attract, as at a booth
    # The warm-up starts warm the disk cache for both, and write the source's bytecode.
    env = start_env(workdir / "pycache")
    pairs = interleave(
        lambda: time_to_line(source, STARTUP_PROBE_LINE, env),
        lambda: time_to_line(bundled, STARTUP_PROBE_LINE, env),
        PAIRS,
    )
    return [
        Figure("bundle_size_mb", folder_size_mb(BUNDLE_DIR), None, target=150.0, unit="MB"),
        Figure.from_pairs("bundle_startup", pairs, target=1.5),
    ]
