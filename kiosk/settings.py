"""Every setting a deployment or a volunteer chooses: its key, type, default, check and message.

One table for the three places that read them: ``config.toml``
(``kiosk.config``), the booth settings kept in the store (the service and
``kiosk.erasure``) and the staff panel's Settings page, so each default and
each limit is written once. The idle timeout is in both: ``config.toml``
gives the deployment's, and a volunteer's choice in the store overrides it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from kiosk.display import TEXT_SIZES, THEMES

T = TypeVar("T", int, str, list[str])


@dataclass(frozen=True)
class Between:
    """A check: a whole number from ``minimum`` to ``maximum``, both included."""

    minimum: int
    maximum: int

    def __call__(self, value: int) -> bool:
        """Whether ``value`` is in the range."""
        return self.minimum <= value <= self.maximum


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: where it is kept, its type and default, what a good value is.

    ``message`` says what a good value is, as the end of a sentence whose
    subject the caller names ("idle_timeout_s: must be ...", "The idle
    timeout must be ...").
    """

    key: str
    type: type[T]
    default: T | None
    check: Callable[[T], bool]
    message: str

    def problem(self, value: object) -> str | None:
        """``message`` if ``value`` is not a good value for this setting; None if it is."""
        # bool is an int to Python, but `true` is no number of seconds.
        if isinstance(value, self.type) and not isinstance(value, bool) and self.check(value):
            return None
        return self.message

    def read(self, stored: str | None, fallback: T | None = None) -> T | None:
        """A value as the store keeps it (text).

        ``fallback`` (the default when not given) if none is kept, or not a good one.
        """
        if fallback is None:
            fallback = self.default
        if not stored:
            return fallback
        try:
            value = self.type(stored)
        except ValueError:
            return fallback
        return value if self.problem(value) is None else fallback


KEYBOARD_MODES = ("auto", "on", "off")

CONTENT = Setting("content", str, None, lambda _path: True, "must be a file path in quotes")
"""The content file, relative to config.toml; None: the bundled one."""
DEFAULT_REGION = Setting(
    "default_region",
    str,
    "US",
    lambda region: _is_supported_region(region),
    "must be a two-letter country code such as US or IL",
)
"""How phone numbers and postal codes without a country are read."""
KEYBOARD = Setting(
    "keyboard",
    str,
    "auto",
    KEYBOARD_MODES.__contains__,
    f"must be one of {', '.join(KEYBOARD_MODES)}",
)
"""The on-screen keyboard: on touch screens only (auto), always, or never."""
IDLE_TIMEOUT_LIMITS = Between(15, 3600)
IDLE_TIMEOUT = Setting(
    "idle_timeout_s",
    int,
    90,
    IDLE_TIMEOUT_LIMITS,
    f"must be a whole number of seconds from {IDLE_TIMEOUT_LIMITS.minimum} "
    f"to {IDLE_TIMEOUT_LIMITS.maximum}",
)
"""Seconds without a touch before the kiosk asks whether someone is there, then resets."""
EXPORT_PUBLIC_KEY = Setting(
    "export_public_key",
    str,
    None,
    lambda key: _is_public_key(key),
    "is not a valid age public key: copy the whole age1... line that `p2p-kiosk keys new` printed",
)
"""The office's age public key: exports are encrypted for it. None: plain CSV."""

LANGUAGES = Setting(
    "languages",
    list,
    None,
    lambda codes: _is_language_list(codes),
    'must be a list of language codes, e.g. ["en", "es"]',
)
"""The languages attendees may pick; None: every complete language of the content."""
DEFAULT_LANGUAGE = Setting(
    "default_language",
    str,
    None,
    lambda code: _is_language_code(code),
    'must be a language code in quotes, e.g. "en"',
)
"""The language each attendee starts in; None: the content's own language."""

TEXT_SIZE = Setting(
    "text_size",
    int,
    TEXT_SIZES[0],
    TEXT_SIZES.__contains__,
    f"must be one of {', '.join(map(str, TEXT_SIZES))} (percent)",
)
"""The text size every attendee starts with; each may choose another for themselves."""
THEME = Setting(
    "theme",
    str,
    THEMES[0],
    THEMES.__contains__,
    f"must be one of {', '.join(THEMES)}",
)
"""The colour theme every attendee starts with; each may choose another for themselves."""

KEEP_CONFIRMED_LIMITS = Between(0, 365)
KEEP_CONFIRMED_DAYS = Setting(
    "keep_confirmed_days",
    int,
    0,
    KEEP_CONFIRMED_LIMITS,
    f"can be kept from {KEEP_CONFIRMED_LIMITS.minimum} to {KEEP_CONFIRMED_LIMITS.maximum} days",
)
"""Days a sign-up the office confirmed keeps its personal data; 0: erased with the receipt."""
# At least a week: a stick needs time to reach the office and come back.
ERASE_UNCONFIRMED_LIMITS = Between(7, 3650)
ERASE_UNCONFIRMED_AFTER_DAYS = Setting(
    "erase_unconfirmed_after_days",
    int,
    None,
    ERASE_UNCONFIRMED_LIMITS,
    f"can be erased after {ERASE_UNCONFIRMED_LIMITS.minimum} "
    f"to {ERASE_UNCONFIRMED_LIMITS.maximum} days, or never",
)
"""Days after its export when a sign-up with no receipt is erased anyway; None: never."""

CONFIG_FILE_SETTINGS = (
    CONTENT,
    DEFAULT_REGION,
    KEYBOARD,
    IDLE_TIMEOUT,
    EXPORT_PUBLIC_KEY,
    LANGUAGES,
    DEFAULT_LANGUAGE,
    TEXT_SIZE,
    THEME,
)
"""What ``config.toml`` may set."""


def _is_supported_region(region: str) -> bool:
    if region.upper() == "US":
        return True  # the default: no need to load phonenumbers' tables at start-up
    import phonenumbers

    return region.upper() in phonenumbers.SUPPORTED_REGIONS


def _is_public_key(key: str) -> bool:
    from kiosk.crypto import CryptoError, check_recipient

    try:
        check_recipient(key)
    except CryptoError:
        return False
    return True


def _is_language_code(code: str) -> bool:
    from kiosk.content import is_language_code

    return is_language_code(code)


def _is_language_list(codes: list[str]) -> bool:
    from kiosk.content import MAX_LANGUAGES

    return (
        0 < len(codes) <= MAX_LANGUAGES
        and all(_is_language_code(code) for code in codes)
        and len(set(codes)) == len(codes)
    )
