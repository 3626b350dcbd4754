"""Each attendee's display (text size, theme) and the kiosk's default, without Qt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.clock import ManualClock
from kiosk.config import ConfigError, load_config
from kiosk.display import STANDARD_DISPLAY, TEXT_SIZES, Display, Theme
from kiosk.paths import DB_FILE_NAME
from kiosk.service import KioskService
from kiosk.settings import TEXT_SIZE, THEME
from tests.factories import MakeService

LARGE = Display(150, Theme.STANDARD)
HIGH = Display(100, Theme.HIGH_CONTRAST)


@pytest.fixture
def service(make_service: MakeService) -> KioskService:
    return make_service(set_up=False)


def test_a_display_is_a_text_size_the_kiosk_offers_and_a_theme() -> None:
    assert [Display(size).scale for size in TEXT_SIZES] == [1.0, 1.25, 1.5]
    assert STANDARD_DISPLAY == Display(100, Theme.STANDARD)
    for size in (0, 99, 110, 200, -150, True):
        with pytest.raises(ValueError, match="text size"):
            Display(size)
    with pytest.raises(ValueError, match="theme"):
        Display(100, "high-contrast")  # type: ignore[arg-type]


def test_larger_text_or_high_contrast_gets_twice_the_idle_time() -> None:
    assert STANDARD_DISPLAY.idle_factor == 1
    assert not STANDARD_DISPLAY.needs_more_time
    for display in (Display(125), LARGE, HIGH, Display(150, Theme.HIGH_CONTRAST)):
        assert display.needs_more_time and display.idle_factor == 2


def test_each_attendee_chooses_for_themselves_and_the_next_starts_from_the_default(
    service: KioskService,
) -> None:
    assert service.display == service.default_display == STANDARD_DISPLAY
    service.set_display(LARGE)
    assert service.display == LARGE
    assert service.default_display == STANDARD_DISPLAY
    service.reset_display()
    assert service.display == STANDARD_DISPLAY


def test_staff_make_a_display_the_kiosks_default_and_it_survives_a_restart(
    data_dir: Path, clock: ManualClock, service: KioskService
) -> None:
    service.set_default_display(HIGH)
    assert service.display == HIGH  # an attendee who chose nothing
    service.set_display(LARGE)
    service.reset_display()
    assert service.display == HIGH
    service.close()
    again = KioskService.open(data_dir, clock=clock, defer_store=True)
    try:
        # Read before the store opens, as the attract screen is built then.
        assert again.default_display == HIGH
        again.open_store()
        assert again.default_display == HIGH
    finally:
        again.close()


def test_config_toml_sets_the_deployments_default_and_staff_override_it(
    data_dir: Path, clock: ManualClock
) -> None:
    (data_dir / "config.toml").write_text('text_size = 125\ntheme = "high-contrast"\n')
    service = KioskService.open(data_dir, clock=clock)
    try:
        assert service.default_display == Display(125, Theme.HIGH_CONTRAST)
        service.set_default_display(LARGE)
        assert service.default_display == LARGE
    finally:
        service.close()


@pytest.mark.parametrize(
    "line",
    [
        "text_size = 200",
        "text_size = 0",
        'text_size = "150"',
        "text_size = true",
        "text_size = 150.0",
        'theme = "dark"',
        'theme = ""',
        "theme = 1",
        f'theme = "{"x" * 10_000}"',
        'theme = "high-contrast\\u0000"',
    ],
)
def test_a_bad_display_in_config_toml_stops_the_kiosk_naming_the_setting(
    data_dir: Path, line: str
) -> None:
    (data_dir / "config.toml").write_text(line + "\n")
    with pytest.raises(ConfigError) as caught:
        load_config(data_dir)
    name = line.split(" ")[0]
    assert name in str(caught.value)
    assert "x" * 100 not in str(caught.value)  # the value is never quoted back


@pytest.mark.parametrize(
    ("key", "stored"),
    [
        (TEXT_SIZE.key, "175"),
        (TEXT_SIZE.key, "large"),
        (TEXT_SIZE.key, ""),
        (THEME.key, "sepia"),
        (THEME.key, "'; DROP TABLE settings; --"),
    ],
)
def test_a_damaged_stored_default_falls_back_to_the_deployments(
    data_dir: Path, clock: ManualClock, key: str, stored: str
) -> None:
    (data_dir / "config.toml").write_text('text_size = 125\ntheme = "high-contrast"\n')
    service = KioskService.open(data_dir, clock=clock)
    service.store.set_setting(key, stored)
    service.close()
    with sqlite3.connect(data_dir / DB_FILE_NAME) as conn:
        assert conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone() == (
            stored,
        )
    again = KioskService.open(data_dir, clock=clock)
    try:
        assert again.default_display == Display(125, Theme.HIGH_CONTRAST)
    finally:
        again.close()
