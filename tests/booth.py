"""A kiosk data folder as a volunteer leaves it before the doors open, for tests that run the kiosk.

The one place the end-to-end tests (in-process journeys and the X server smoke
run) prepare the kiosk before it starts: the on-screen keyboard switched on in
``config.toml``, as on a touch-only tablet, and the staff PIN already chosen
(``tests.factories.STAFF_PIN``), as a volunteer's first start would leave it, so
the attendee screens are what the kiosk shows first.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.config import CONFIG_FILE_NAME
from kiosk.service import KioskService
from tests.factories import STAFF_PIN, set_up_kiosk

__all__ = ["STAFF_PIN", "prepare_booth"]


def prepare_booth(data_dir: Path, *, keyboard: str = "on") -> Path:
    """Make ``data_dir`` a kiosk data folder with ``keyboard`` set and the staff PIN chosen."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / CONFIG_FILE_NAME).write_text(f'keyboard = "{keyboard}"\n', encoding="utf-8")
    service = KioskService.open(data_dir)
    try:
        set_up_kiosk(service)
    finally:
        service.close()
    return data_dir
