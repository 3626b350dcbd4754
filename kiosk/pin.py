"""The staff PIN: chosen at first start, stored only as a salted scrypt hash.

Wrong tries lock out with growing delays. The lockout state is plain data
(``LockoutState``) so the service can keep it in the store across restarts:
pulling the plug does not reset the count.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, replace

from kiosk.errors import KioskError

MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 8

PIN_HASH_SETTING = "pin_hash"
"""The store setting that holds ``hash_pin``'s output (the kiosk's only record of the PIN)."""

# scrypt at n=2**14, r=8 (16 MiB, ~50 ms here): slow enough that a stolen
# database does not give up a 6-digit PIN in seconds, quick enough for a tap.
_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
_SALT_BYTES = 16
_HASH_BYTES = 32
_MAX_MEM = 64 * 1024 * 1024
# What a stored hash may ask for (a later version may raise the cost): anything
# outside is damage, not a setting, and must not make a PIN try run for minutes.
_MIN_SALT_BYTES = 8
_MAX_SCRYPT_P = 16
# Exactly what hash_pin writes: ASCII digits (at most 10, so no huge numbers are
# computed with) and lower-case hex with nothing around it.
_HASH_FORMAT = re.compile(
    r"scrypt\$([0-9]{1,10})\$([0-9]{1,10})\$([0-9]{1,10})\$((?:[0-9a-f]{2})+)\$((?:[0-9a-f]{2})+)"
)

FREE_TRIES = 3  # typos happen; the delays start after this many wrong tries
FIRST_DELAY_S = 30.0
MAX_DELAY_S = 15 * 60.0
# 30 s doubled five times already passes the cap; the exponent stops here so
# that no failure count, however large, can overflow the arithmetic.
_MAX_DOUBLINGS = 16


class PinRejected(KioskError):
    """A new PIN that is too weak or not digits; the message says what to choose."""


def check_new_pin(pin: str) -> None:
    """Raise ``PinRejected`` unless ``pin`` is 4-8 digits and not trivially guessed."""
    if not (pin.isascii() and pin.isdigit()):
        raise PinRejected("Use digits only for the PIN.")
    if not MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH:
        raise PinRejected(f"Choose a PIN of {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits.")
    if len(set(pin)) == 1:
        raise PinRejected("Choose a PIN that is not one digit repeated.")
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    if steps in ({1}, {9}):
        raise PinRejected("Choose a PIN that is not a run of digits like 1234.")


def hash_pin(pin: str) -> str:
    """Return a self-describing salted scrypt hash of ``pin`` for storage."""
    import secrets  # here, not at the top: see _scrypt

    salt = secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(pin, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Return whether ``pin`` matches ``stored`` (from ``hash_pin``); False if it is damaged."""
    parsed = _parse_hash(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    import hmac  # here, not at the top: see _scrypt

    return hmac.compare_digest(_scrypt(pin, salt, n, r, p), expected)


def is_well_formed_hash(stored: str) -> bool:
    """Return whether ``stored`` is a usable PIN record, one that some PIN can open.

    A damaged record is anything else: not in the shape ``hash_pin`` writes
    (``scrypt$n$r$p$salt$digest``, digits and lower-case hex, nothing around
    them), a cost that is not a power of two or needs more memory or time than
    allowed, a salt under 8 bytes or a digest not 32. No PIN ever opens a damaged
    record, so a kiosk holding one is locked (see ``kiosk.first_start``).
    """
    return _parse_hash(stored) is not None


def _parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    """Return (n, r, p, salt, digest) of a well-formed stored hash, else None."""
    if not isinstance(stored, str):
        return None  # SQLite lets any type into a TEXT column; a blob here is damage
    match = _HASH_FORMAT.fullmatch(stored)
    if match is None:
        return None
    n, r, p = (int(group) for group in match.group(1, 2, 3))
    salt, digest = bytes.fromhex(match.group(4)), bytes.fromhex(match.group(5))
    well_formed = (
        n > 1
        and n & (n - 1) == 0
        and r >= 1
        and 1 <= p <= _MAX_SCRYPT_P
        and 128 * r * (n + p + 2) <= _MAX_MEM  # what hashlib.scrypt would refuse
        and n < 2 ** (16 * r)  # OpenSSL's own limit on n for a given r
        and len(salt) >= _MIN_SALT_BYTES
        and len(digest) == _HASH_BYTES
    )
    return (n, r, p, salt, digest) if well_formed else None


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # Imported on the first PIN hashed or tried, not when the kiosk starts: hashlib
    # loads OpenSSL, a few milliseconds before the first screen for nothing.
    import hashlib

    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAX_MEM, dklen=_HASH_BYTES
    )


@dataclass(frozen=True)
class LockoutState:
    """Wrong tries in a row, and the time (epoch seconds) before which no try is taken."""

    failures: int = 0
    locked_until: float = 0.0

    def to_json(self) -> str:
        """Serialize for the settings table."""
        import json  # here, not at the top: the kiosk's first screen needs no JSON

        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> LockoutState:
        """Read a stored state; a damaged or impossible one counts as many wrong tries."""
        import json

        try:
            data = json.loads(text)
            state = cls(failures=int(data["failures"]), locked_until=float(data["locked_until"]))
        except (ValueError, KeyError, TypeError, OverflowError):
            state = None
        if state is None or state.failures < 0 or not math.isfinite(state.locked_until):
            # Erring on the safe side: a corrupted record must not reset the lockout
            # (a negative count would be that many free tries, NaN never "later").
            return cls(failures=FREE_TRIES + 10, locked_until=0.0)
        return state


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong tries in a row: 0, then 30 s doubling to 15 min.

    Defined for every count: the exponent is clamped before it is used.
    """
    if failures <= FREE_TRIES:
        return 0.0
    doublings = min(failures - FREE_TRIES - 1, _MAX_DOUBLINGS)
    return min(FIRST_DELAY_S * 2.0**doublings, MAX_DELAY_S)


def record_failure(state: LockoutState, now: float) -> LockoutState:
    """Return the state after one more wrong try at ``now``."""
    failures = state.failures + 1
    return LockoutState(failures=failures, locked_until=now + delay_after(failures))


def seconds_until_allowed(state: LockoutState, now: float) -> float:
    """Return how long until the next try is taken (0 when it is taken now).

    Never more than the delay the failure count allows, whatever the clock did.
    """
    return min(max(0.0, state.locked_until - now), delay_after(state.failures))


def settle_clock(state: LockoutState, now: float) -> LockoutState:
    """Return ``state`` with its lockout ending no later than its delay after ``now``.

    A clock set back (a wrong date at the booth, then corrected) would leave
    ``locked_until`` years ahead; ``seconds_until_allowed`` caps what it
    reports, and keeping this settled state makes the capped wait run out.
    """
    latest = now + delay_after(state.failures)
    return replace(state, locked_until=latest) if state.locked_until > latest else state
