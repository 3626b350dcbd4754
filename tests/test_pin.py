"""The staff PIN: strength rules, salted slow hash, and lockout with growing delays."""

from __future__ import annotations

import pytest

from kiosk import pin


@pytest.mark.parametrize(
    "weak", ["", "123", "123456789", "1111", "1234", "6543", "8901", "12a4", "١٢٣٤٥", "48 29"]
)
def test_weak_or_malformed_pins_are_refused_with_a_reason(weak: str) -> None:
    with pytest.raises(pin.PinRejected) as caught:
        pin.check_new_pin(weak)
    assert str(caught.value)


@pytest.mark.parametrize("good", ["4829", "482915", "90210731"])
def test_reasonable_pins_are_accepted(good: str) -> None:
    pin.check_new_pin(good)


def test_hash_is_salted_and_verifies_only_the_right_pin() -> None:
    first, second = pin.hash_pin("482915"), pin.hash_pin("482915")
    assert first != second  # a fresh salt each time
    assert "482915" not in first
    assert first.startswith("scrypt$")
    assert pin.verify_pin("482915", first)
    assert not pin.verify_pin("482916", first)
    assert not pin.verify_pin("", first)


@pytest.mark.parametrize(
    "stored", ["", "482915", "scrypt$x$8$1$00$00", "bcrypt$1$2$3$4$5", "$$$$$"]
)
def test_a_damaged_stored_hash_never_verifies(stored: str) -> None:
    assert not pin.verify_pin("482915", stored)


def test_delays_start_after_the_free_tries_and_grow_to_a_cap() -> None:
    delays = [pin.delay_after(n) for n in range(1, 12)]
    assert delays[: pin.FREE_TRIES] == [0.0] * pin.FREE_TRIES
    growing = delays[pin.FREE_TRIES :]
    assert growing[0] == pin.FIRST_DELAY_S
    assert all(a <= b for a, b in zip(growing, growing[1:], strict=False))
    assert growing[-1] == pin.MAX_DELAY_S


def test_lockout_state_survives_a_round_trip_and_damage_keeps_it_locked() -> None:
    state = pin.LockoutState()
    for _ in range(pin.FREE_TRIES + 1):
        state = pin.record_failure(state, now=1000.0)
    assert pin.seconds_until_allowed(state, 1000.0) == pin.FIRST_DELAY_S
    assert pin.seconds_until_allowed(state, 1000.0 + pin.FIRST_DELAY_S) == 0.0
    assert pin.LockoutState.from_json(state.to_json()) == state
    damaged = pin.LockoutState.from_json("{not json")
    assert pin.delay_after(damaged.failures + 1) > 0
