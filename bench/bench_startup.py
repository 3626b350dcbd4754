"""startup: `p2p-kiosk run` from process start to the attract screen shown, against a bare
PySide6 window shown.

Both run in fresh subprocesses on the offscreen platform, in the same run,
interleaved. The kiosk is the real command (`python -m p2p_kiosk run`) with
``ui.app.STARTUP_PROBE_ENV`` set, which prints a line once attract is on screen
(its data folder is set up first: a kiosk without a staff PIN shows setup instead);
the bare window prints once it is shown and the event loop has turned. The
figure is the median ratio of PAIRS interleaved pairs (target 2).

Both start from compiled bytecode, as every kiosk does (the bundle's, or the
.pyc files pip and a first start write): where PYTHONDONTWRITEBYTECODE is set,
as on some shared machines, the checkout's modules would otherwise be compiled
from source on every start, which no booth does. The untimed first start of
each writes the bytecode to the run's temporary folder, never to the checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import REPO_ROOT, Figure, interleave, set_up_kiosk
from ui.app import STARTUP_PROBE_ENV, STARTUP_PROBE_LINE

PAIRS = 9

_BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1280, 800)
window.show()
def shown():
    print("shown", flush=True)
    app.exit(0)
QTimer.singleShot(0, shown)
app.exec()
"""


def start_env(pycache: Path) -> dict[str, str]:
    """The environment of a timed start: offscreen, probing, bytecode kept in ``pycache``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{STARTUP_PROBE_ENV: "1"})
    env["PYTHONPATH"] = str(REPO_ROOT)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def time_to_line(command: list[str], expected: str, env: dict[str, str]) -> float:
    """Return seconds from spawning ``command`` (in ``env``) until it prints ``expected``."""
    start = time.perf_counter()
    with subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == expected:
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{command[0]} exited ({child.wait()}) before printing {expected!r}")
        child.wait(timeout=60)
    return elapsed


def kiosk_command(executable: list[str], data_dir: Path) -> list[str]:
    """The kiosk's own start command, with its data in ``data_dir``."""
    return [*executable, "--data-dir", str(data_dir), "run"]


def run(workdir: Path) -> list[Figure]:
    """Starts of the kiosk and starts of a bare window, interleaved."""
    data_dir = workdir / "data"
    source = kiosk_command([sys.executable, "-m", "p2p_kiosk"], data_dir)
    # A kiosk that has run before (store made and migrated, set up), as at a booth.
    set_up_kiosk(data_dir)
    env = start_env(workdir / "pycache")
    pairs = interleave(
        lambda: time_to_line([sys.executable, "-c", _BARE], "shown", env),
        lambda: time_to_line(source, STARTUP_PROBE_LINE, env),
        PAIRS,
    )
    return [Figure.from_pairs("startup", pairs, target=2.0)]
