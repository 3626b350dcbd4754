"""The staff PIN: strength rules, salted slow hash, and lockout with growing delays."""

from __future__ import annotations

import re
from typing import Any

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


def test_thousands_of_wrong_tries_keep_every_try_locked_out_at_the_cap() -> None:
    # 2.0 ** (failures - 4) overflowed past 1,027 tries, and the failure that
    # raised was never recorded: every later try was free.
    state, now = pin.LockoutState(), 1_000_000.0
    for _ in range(5000):
        state = pin.record_failure(state, now)
        wait = pin.seconds_until_allowed(state, now)
        assert 0.0 <= wait <= pin.MAX_DELAY_S
        now = state.locked_until
    assert state.failures == 5000
    assert pin.seconds_until_allowed(state, now - 1) == 1.0
    assert pin.delay_after(state.failures) == pin.MAX_DELAY_S


@pytest.mark.parametrize(
    "failures",
    [1_027, 1_028, 10**6, 10**100, 10**4000],
    ids=["1027", "1028", "1e6", "1e100", "1e4000"],
)
def test_a_huge_failure_count_still_gives_the_longest_delay(failures: int) -> None:
    assert pin.delay_after(failures) == pin.MAX_DELAY_S
    state = pin.record_failure(pin.LockoutState(failures=failures), now=50.0)
    assert state.failures == failures + 1
    assert pin.seconds_until_allowed(state, 50.0) == pin.MAX_DELAY_S


@pytest.mark.parametrize(
    "stored",
    [
        '{"failures": 1e400, "locked_until": 0}',  # int(inf) raised OverflowError
        '{"failures": -1000000, "locked_until": 0}',  # a million free tries
        '{"failures": 5, "locked_until": NaN}',  # NaN compared as "not locked"
        '{"failures": 5, "locked_until": -Infinity}',
        '{"failures": "many", "locked_until": 0}',
        "[1, 2]",
    ],
)
def test_a_damaged_or_hostile_stored_state_counts_as_many_wrong_tries(stored: str) -> None:
    state = pin.LockoutState.from_json(stored)
    assert state.failures > pin.FREE_TRIES
    assert pin.record_failure(state, 0.0).locked_until == pin.MAX_DELAY_S


def test_no_remaining_wait_exceeds_what_the_failure_count_allows() -> None:
    # Four wrong tries with the clock in 2031 locked until 2031 + 30 s; with
    # the clock put back to 2026, that was a wait of five years.
    in_2031, in_2026 = 1_950_000_000.0, 1_790_000_000.0
    state = pin.LockoutState()
    for _ in range(pin.FREE_TRIES + 1):
        state = pin.record_failure(state, in_2031)
    assert pin.seconds_until_allowed(state, in_2026) == pin.FIRST_DELAY_S
    settled = pin.settle_clock(state, in_2026)
    assert settled.failures == state.failures
    assert settled.locked_until == in_2026 + pin.FIRST_DELAY_S
    assert pin.seconds_until_allowed(settled, in_2026 + pin.FIRST_DELAY_S) == 0.0
    # A lockout the clock has not jumped over is left as it is.
    assert pin.settle_clock(state, in_2031 + 10) == state


def test_a_fresh_hash_is_a_well_formed_pin_record() -> None:
    assert pin.is_well_formed_hash(pin.hash_pin("482915"))


_GOOD = pin.hash_pin("482915")
_PARTS = _GOOD.split("$")


def _with_part(index: int, value: str) -> str:
    parts = list(_PARTS)
    parts[index] = value
    return "$".join(parts)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "482915",
        "$$$$$",
        _GOOD[:-2],  # a digest cut short
        _GOOD + "$",  # a seventh part
        _GOOD + "00",  # a digest too long
        _with_part(0, "bcrypt"),
        _with_part(1, "16385"),  # n not a power of two
        _with_part(1, "1"),
        _with_part(1, "-16384"),
        _with_part(1, "2" * 5000),  # a number too long to read
        _with_part(1, str(2**40)),  # more memory than scrypt may take
        _with_part(2, "0"),
        _with_part(2, "9" * 40),  # an absurd r must not be computed with
        _with_part(3, "0"),
        _with_part(3, "1000"),  # p so large a try would run for minutes
        _with_part(4, ""),  # no salt
        _with_part(4, "abcd"),  # a salt too short
        _with_part(4, "zz" * 16),  # not hex
        _with_part(5, "00" * 31),
        _GOOD.replace("scrypt$16384$8", "scrypt$65536$1"),  # beyond OpenSSL's n for r=1
        _GOOD.upper(),
        _GOOD + "\n",
    ],
    # The same names in every process (pytest-xdist's workers compare them): the random
    # salt and digest of _GOOD do not show in them.
    ids=lambda stored: re.sub("[0-9a-fA-F]{32,}", "…", stored)[:60],
)
def test_a_damaged_pin_record_is_not_well_formed_and_never_verifies(stored: str) -> None:
    assert not pin.is_well_formed_hash(stored)
    assert not pin.verify_pin("482915", stored)  # and says so without raising


def test_a_record_with_other_well_formed_costs_still_verifies() -> None:
    # A later version may choose other costs; the record carries them.
    salt = bytes(range(16))
    digest = pin._scrypt("482915", salt, 2**12, 4, 2)
    stored = f"scrypt${2**12}$4$2${salt.hex()}${digest.hex()}"
    assert pin.is_well_formed_hash(stored)
    assert pin.verify_pin("482915", stored)
    assert not pin.verify_pin("482916", stored)


def test_a_blob_in_place_of_the_record_is_damage() -> None:
    not_text: Any = _GOOD.encode()
    assert not pin.is_well_formed_hash(not_text)
