"""A kiosk data folder as a volunteer leaves it before the doors open, for tests that run the kiosk.

The one place the end-to-end tests (in-process journeys and the X server smoke
run) prepare the kiosk before it starts: the on-screen keyboard switched on in
``config.toml``, as on a touch-only tablet, and a staff PIN already chosen. The
PIN is set through the service, as a volunteer's first start would leave it, so
the attendee screens are what the kiosk shows first.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.config import CONFIG_FILE_NAME
from kiosk.service import KioskService

STAFF_PIN = "2580"


def prepare_booth(data_dir: Path, *, keyboard: str = "on") -> Path:
    """Make ``data_dir`` a kiosk data folder with ``keyboard`` set and the staff PIN chosen."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / CONFIG_FILE_NAME).write_text(f'keyboard = "{keyboard}"\n', encoding="utf-8")
    service = KioskService.open(data_dir)
    try:
        service.set_pin(STAFF_PIN)
    finally:
        service.close()
    return data_dir
