"""memory_1000_attendees: resident memory growth over 1,000 attendees through the whole flow.

One process (offscreen) plays 1,000 attendees: attract, home, join, typing
every field by key presses, submit (a real durable write), thank you, back
to attract. Memory is read after a warm-up and again at the end; the figure
is the growth in MB (no baseline; target under 20 MB).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bench.common import REPO_ROOT, Figure, run_python, set_up_kiosk

ATTENDEES = 1000
WARM_UP = 50

_FLOW = """
import gc, sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from bench.proc_memory import rss_bytes
from kiosk.service import KioskService
from ui.app import build_main_window, create_app

app = create_app()
service = KioskService.open(Path(sys.argv[1]))
window = build_main_window(service, show_keyboard=False)
window.resize(1280, 800)
window.show()
app.processEvents()
left = Qt.MouseButton.LeftButton

def attendee(i):
    QTest.mouseClick(window.attract, left)
    QTest.mouseClick(window.home.join_card, left)
    join = window.join
    QTest.keyClicks(join.first_name.edit, "Dana")
    QTest.keyClicks(join.last_name.edit, "Levi")
    QTest.keyClicks(join.email.edit, f"dana.levi+{i}@example.org")
    QTest.keyClicks(join.phone.edit, "617 253 1000")
    QTest.keyClicks(join.postal_code.edit, "02139")
    QTest.mouseClick(join.consent.button, left)
    QTest.mouseClick(join.submit_button, left)
    assert window.current == "thank_you", window.join.status()
    app.processEvents()
    QTest.mouseClick(window.thank_you.done_button, left)
    assert window.current == "attract"
    app.processEvents()

warm, total = int(sys.argv[2]), int(sys.argv[3])
for i in range(warm):
    attendee(i)
gc.collect()
before = rss_bytes()
for i in range(warm, warm + total):
    attendee(i)
gc.collect()
app.processEvents()
after = rss_bytes()
assert service.store.signup_count() == warm + total
print(before, after, flush=True)
window.allow_close()
service.close()
"""


def run(workdir: Path) -> list[Figure]:
    """Play ATTENDEES attendees after WARM_UP; report the RSS growth in MB."""
    if not Path("/proc/self/statm").exists():
        print("memory_1000_attendees: needs /proc (Linux); skipped", file=sys.stderr)
        return []
    set_up_kiosk(workdir / "data")  # a set-up kiosk starts on attract
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT))
    printed = run_python(_FLOW, workdir / "data", WARM_UP, ATTENDEES, env=env)
    before, after = (int(x) for x in printed.split()[-2:])
    growth_mb = (after - before) / (1024 * 1024)
    return [Figure("memory_1000_attendees", growth_mb, None, target=20.0, unit="MB")]
