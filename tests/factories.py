"""Small builders for test sign-ups (real values, validated shapes) and set-up kiosks."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Protocol

from kiosk.pin import PIN_HASH_SETTING, hash_pin
from kiosk.service import KioskService
from kiosk.signup import Signup, SignupForm, WlfChoice


class MakeService(Protocol):
    """The ``make_service`` fixture (``tests/conftest.py``): opens a real kiosk service."""

    def __call__(
        self, *, set_up: bool = True, data_dir: Path | None = None, **options: Any
    ) -> KioskService: ...


STAFF_PIN = "482915"
"""The staff PIN of every test kiosk that is not about first start."""


@functools.cache
def staff_pin_hash() -> str:
    """``STAFF_PIN``'s stored hash, made once per run (scrypt is slow on purpose)."""
    return hash_pin(STAFF_PIN)


def set_up_kiosk(service: KioskService) -> None:
    """Give the kiosk its staff PIN, as first-start setup does, so it opens on attract."""
    service.store.set_setting(PIN_HASH_SETTING, staff_pin_hash())


def make_signup(**overrides: object) -> Signup:
    """Return a checked sign-up with plausible values; override any field."""
    values: dict[str, Any] = {
        "first_name": "Dana",
        "last_name": "Levi",
        "email": "dana.levi@example.org",
        "phone": "+12025550143",
        "postal_code": "02139",
        "wlf_choice": WlfChoice.MEMBER,
        "email_group_opt_in": True,
        "advocacy_pledge": False,
        "contact_consent": True,
        "consent_version": "test-1",
        "consent_text": "I agree to be contacted.",
        "locale": "en",
    }
    values.update(overrides)
    return Signup(**values)


def make_form(**overrides: object) -> SignupForm:
    """Return a form as a careful attendee would fill it; override any field."""
    values: dict[str, Any] = {
        "first_name": "Dana",
        "last_name": "Levi",
        "email": "dana.levi@example.org",
        "phone": "(617) 253-1000",
        "postal_code": "02139",
        "wlf_choice": WlfChoice.MEMBER,
        "email_group_opt_in": True,
        "contact_consent": True,
    }
    values.update(overrides)
    return SignupForm(**values)
