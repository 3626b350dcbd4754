"""The service the screens call: sign-ups, counts per hour, idle timeout and the staff PIN."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.clock import ManualClock
from kiosk.config import ConfigError
from kiosk.pin import FIRST_DELAY_S, FREE_TRIES, MAX_DELAY_S, PinRejected
from kiosk.service import KioskService
from kiosk.validation import ValidationFailed
from tests.factories import MakeService, make_form

PIN = "482915"


@pytest.fixture
def service(make_service: MakeService) -> KioskService:
    """A kiosk service as at first start (no staff PIN), in UTC."""
    return make_service(set_up=False, local_tz=UTC)


def test_submit_stores_the_checked_values_and_the_consent_seen(service: KioskService) -> None:
    record = service.submit(make_form(email=" Dana@Example.org "))
    assert record.signup.email == "Dana@example.org"
    assert record.signup.consent_text == service.content.consent.text
    assert service.store.signup_count() == 1


def test_a_bad_form_stores_nothing(service: KioskService) -> None:
    with pytest.raises(ValidationFailed):
        service.submit(make_form(email="dana@"))
    assert service.store.signup_count() == 0


def test_signups_per_hour_counts_today_in_local_hours(data_dir: Path, clock: ManualClock) -> None:
    # 15:30 UTC is 10:30 in UTC-5; yesterday's sign-ups are not today's.
    eastern = timezone(timedelta(hours=-5))
    service = KioskService.open(data_dir, clock=clock, local_tz=eastern)
    try:
        service.submit(make_form())
        clock.advance(3600)
        service.submit(make_form())
        service.submit(make_form())
        clock.advance(24 * 3600)
        service.submit(make_form())
        buckets = service.signups_per_hour()
    finally:
        service.close()
    assert len(buckets) == 24
    assert buckets[11] == 1  # the day-later sign-up at 11:30 local
    assert sum(buckets) == 1


def test_event_counts_follow_the_current_event(service: KioskService) -> None:
    service.start_event("Campus Fair", "Boston, MA")
    service.submit(make_form())
    service.start_event("Book Club", "")
    service.submit(make_form())
    service.submit(make_form())
    counts = {c.name: (c.today, c.total) for c in service.event_counts()}
    assert counts == {"Campus Fair": (1, 1), "Book Club": (2, 2)}
    assert service.pending_count() == 3


def test_idle_timeout_is_a_checked_staff_setting(data_dir: Path, clock: ManualClock) -> None:
    service = KioskService.open(data_dir, clock=clock)
    assert service.idle_timeout_s == 90
    for bad in (0, 14, 3601, -5):
        with pytest.raises(ConfigError):
            service.set_idle_timeout(bad)
    service.set_idle_timeout(45)
    service.close()
    reopened = KioskService.open(data_dir, clock=clock)
    assert reopened.idle_timeout_s == 45
    reopened.close()


def test_there_is_no_factory_pin_and_the_chosen_one_is_stored_hashed(
    service: KioskService, data_dir: Path
) -> None:
    assert not service.has_pin()
    assert not service.check_pin("0000").ok
    with pytest.raises(PinRejected):
        service.set_pin("1234")
    service.set_pin(PIN)
    assert service.has_pin()
    assert service.check_pin(PIN).ok
    with sqlite3.connect(data_dir / "kiosk.sqlite3") as db:
        values = [v for (v,) in db.execute("SELECT value FROM settings")]
    assert not any(PIN in v for v in values if not v.startswith("scrypt$"))
    assert any(v.startswith("scrypt$") for v in values)


def test_wrong_pins_lock_out_with_growing_delays_even_across_a_restart(
    data_dir: Path, clock: ManualClock
) -> None:
    service = KioskService.open(data_dir, clock=clock)
    service.set_pin(PIN)
    for _ in range(FREE_TRIES):
        check = service.check_pin("000000")
        assert not check.ok and check.retry_after_s == 0.0
    service.close()

    # A restart (pulling the plug) does not reset the count.
    service = KioskService.open(data_dir, clock=clock)
    locked = service.check_pin("999999")
    assert not locked.ok and locked.retry_after_s > 0
    # Even the right PIN is not taken while locked out.
    assert not service.check_pin(PIN).ok
    clock.advance(locked.retry_after_s + 1)
    again = service.check_pin("999999")
    assert again.retry_after_s > FIRST_DELAY_S
    clock.advance(again.retry_after_s + 1)
    assert service.check_pin(PIN).ok
    # The right PIN clears the count: the next typo is free again.
    assert service.check_pin("111111").retry_after_s == 0.0
    service.close()


def test_export_is_verified_against_its_manifest(service: KioskService, tmp_path: Path) -> None:
    service.submit(make_form())
    out = tmp_path / "stick"
    out.mkdir()
    result = service.export(out)
    assert result is not None and result.rows == 1
    assert service.verify_export(result)
    assert service.pending_count() == 0
    assert service.export(out) is None

    result.csv_path.write_bytes(result.csv_path.read_bytes() + b"x")
    assert not service.verify_export(result)
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["rows"] == 1


def test_the_remaining_lockout_can_be_read_without_a_try(
    service: KioskService, clock: ManualClock
) -> None:
    service.set_pin(PIN)
    assert service.pin_retry_after_s() == 0.0
    for _ in range(FREE_TRIES + 1):
        service.check_pin("000000")
    assert service.pin_retry_after_s() == FIRST_DELAY_S
    clock.advance(10)
    assert service.pin_retry_after_s() == FIRST_DELAY_S - 10
    clock.advance(FIRST_DELAY_S)
    assert service.pin_retry_after_s() == 0.0


@pytest.mark.parametrize("stored_failures", [1_026, 1_027, 5_000, 10**30])
def test_every_wrong_try_after_thousands_is_still_counted_and_locked_out(
    service: KioskService, clock: ManualClock, stored_failures: int
) -> None:
    # Past 1,027 wrong tries the delay overflowed, the failure was never saved,
    # and every later try was free: a 4-digit PIN fell to brute force.
    service.set_pin(PIN)
    service.store.set_setting(
        "pin_lockout", json.dumps({"failures": stored_failures, "locked_until": 0.0})
    )
    for n in range(1, 4):
        check = service.check_pin("000000")
        assert not check.ok and check.retry_after_s == MAX_DELAY_S
        assert json.loads(service.store.get_setting("pin_lockout") or "")["failures"] == (
            stored_failures + n
        )
        # Locked: neither a wrong nor the right PIN is even tried until the delay passes.
        assert not service.check_pin(PIN).ok
        clock.advance(MAX_DELAY_S)
    assert service.check_pin(PIN).ok


def test_a_clock_put_back_years_does_not_lock_staff_out_for_years(
    service: KioskService, clock: ManualClock
) -> None:
    service.set_pin(PIN)
    clock.now = datetime(2031, 6, 1, 12, tzinfo=UTC)
    for _ in range(FREE_TRIES + 1):
        service.check_pin("000000")
    assert service.pin_retry_after_s() == FIRST_DELAY_S
    clock.now = datetime(2026, 6, 1, 12, tzinfo=UTC)  # the date corrected at the booth
    assert service.pin_retry_after_s() == FIRST_DELAY_S
    locked = service.check_pin(PIN)
    assert not locked.ok and locked.retry_after_s == FIRST_DELAY_S
    clock.advance(FIRST_DELAY_S)
    assert service.pin_retry_after_s() == 0.0
    assert service.check_pin(PIN).ok
