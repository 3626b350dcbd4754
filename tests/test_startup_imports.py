"""What the kiosk loads before its first screen: only what that screen needs.

``p2p-kiosk run`` shows attract (or setup) first and opens the store in the next
event-loop turn (``ui.app.run_kiosk``), so a volunteer sees the kiosk within moments.
That only holds while the modules the first screen needs stay clear of the heavy
ones: SQLAlchemy and Alembic (the store), OpenSSL through hashlib (the PIN, export
checks), uuid (which imports ``platform``), the phone and email checkers, and
``logging.handlers`` (its network handlers load sockets, pickle and queues; the
log rotates by ``kiosk.logs.RotatingLog`` instead). Nor does the start load what
only a sign-up or other commands use: the sign-up's dataclasses (``kiosk.signup``;
the content reads ``kiosk.wlf``), JSON (a stored choice of languages is read with
it, and this kiosk's staff chose none), the office window and its palettes, the
CRM files, or platformdirs when ``--data-dir`` names the folder (the help's
default is worked out only when a help shows it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.service import KioskService
from tests.factories import set_up_kiosk
from ui.app import STARTUP_PROBE_ENV, STARTUP_PROBE_LINE

HEAVY = (
    "sqlalchemy",
    "alembic",
    "hashlib",
    "uuid",
    "phonenumbers",
    "email_validator",
    "logging.handlers",
)
NOT_YET = ("kiosk.signup", "json", "ui.office", "ui.office.palette", "kiosk.crm", "platformdirs")

# `p2p-kiosk --data-dir DIR run` itself; when the start-up probe says the first screen
# is shown (before the store opens), it lists which of the named modules are loaded.
_RUN = """
import sys
import p2p_kiosk

data_dir, probe_line, *watched = sys.argv[1:]


class FirstScreenShown:
    def __init__(self, stdout):
        self.stdout = stdout

    def write(self, text):
        if text.strip() == probe_line:
            loaded = " ".join(name for name in watched if name in sys.modules)
            self.stdout.write(f"loaded: {loaded}\\n")
        return self.stdout.write(text)

    def flush(self):
        self.stdout.flush()


sys.stdout = FirstScreenShown(sys.stdout)
sys.exit(p2p_kiosk.main(["--data-dir", data_dir, "run"]))
"""


def test_the_first_screen_loads_only_what_it_needs(data_dir: Path) -> None:
    service = KioskService.open(data_dir)
    set_up_kiosk(service)
    service.close()
    result = subprocess.run(
        [sys.executable, "-c", _RUN, str(data_dir), STARTUP_PROBE_LINE, *HEAVY, *NOT_YET],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", STARTUP_PROBE_ENV: "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["loaded: ", STARTUP_PROBE_LINE]
