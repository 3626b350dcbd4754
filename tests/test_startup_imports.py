"""What the kiosk loads before its first screen: no database, crypto or validation library.

``p2p-kiosk run`` shows attract (or setup) first and opens the store in the next
event-loop turn (``ui.app.run_kiosk``), so a volunteer sees the kiosk within moments.
That only holds while the modules the first screen needs stay clear of the heavy
ones: SQLAlchemy and Alembic (the store), OpenSSL through hashlib (the PIN, export
checks), uuid (which imports ``platform``), the phone and email checkers, and
``logging.handlers`` (its network handlers load sockets, pickle and queues; the
log rotates by ``kiosk.logs.RotatingLog`` instead).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.service import KioskService
from tests.factories import set_up_kiosk

HEAVY = (
    "sqlalchemy",
    "alembic",
    "hashlib",
    "uuid",
    "phonenumbers",
    "email_validator",
    "logging.handlers",
)

# The start as `p2p-kiosk run` makes it, up to the first screen shown.
_FIRST_SCREEN = """
import sys
from pathlib import Path
import kiosk.cli
from kiosk.service import KioskService
from ui.app import build_main_window, create_app, show_kiosk_window

app = create_app()
service = KioskService.open(Path(sys.argv[1]), defer_store=True)
window = build_main_window(service)
show_kiosk_window(window, windowed=True)
app.processEvents()
print(window.current)
print(" ".join(name for name in sys.argv[2:] if name in sys.modules))
window.allow_close()
"""


def test_the_first_screen_loads_no_database_crypto_or_validation_library(data_dir: Path) -> None:
    service = KioskService.open(data_dir)
    set_up_kiosk(service)
    service.close()
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_SCREEN, str(data_dir), *HEAVY],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    first_screen, loaded = (result.stdout.splitlines() + ["", ""])[:2]
    assert first_screen == "attract"
    assert loaded == "", f"loaded before the first screen: {loaded}"
