"""startup: process start to the attract screen shown, against a bare PySide6 window shown.

Both run in fresh subprocesses on the offscreen platform, in the same run,
interleaved; each reports back once its window is shown and the event loop
has turned. The figure is the best of several runs each (target ratio 2).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import Figure

RUNS = 5
REPO_ROOT = Path(__file__).resolve().parent.parent

_KIOSK = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from kiosk.service import KioskService
from ui.app import build_main_window, create_app
app = create_app()
service = KioskService.open(Path(sys.argv[1]))
window = build_main_window(service)
window.resize(1280, 800)
window.show()
def shown():
    assert window.current == "attract" and window.attract.isVisible()
    print("shown", flush=True)
    app.exit(0)  # quit() would ask the kiosk window to close, which it refuses
QTimer.singleShot(0, shown)
app.exec()
window.allow_close()
service.close()
"""

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
    app.exit(0)  # quit() would ask the kiosk window to close, which it refuses
QTimer.singleShot(0, shown)
app.exec()
"""


def _time_to_shown(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT))
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        child.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError("the window was never shown")
    return elapsed


def run(workdir: Path) -> list[Figure]:
    """Best of RUNS starts of the kiosk against best of RUNS starts of a bare window."""
    data_dir = workdir / "data"
    # A kiosk that has run before: the store exists and is migrated, as at a booth.
    from kiosk.service import KioskService

    KioskService.open(data_dir).close()
    kiosk, bare = [], []
    for _ in range(RUNS):
        bare.append(_time_to_shown(_BARE))
        kiosk.append(_time_to_shown(_KIOSK, str(data_dir)))
    return [Figure("startup", min(kiosk), min(bare), target=2.0)]
