"""Deployment settings from ``config.toml`` in the data folder, checked on load.

Command-line options override the file; the file overrides the defaults.
Settings a volunteer changes at the booth (event, PIN, idle timeout) live in
the store instead, so they survive without anyone editing a file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError
from kiosk.paths import default_content_path

CONFIG_FILE_NAME = "config.toml"
KEYBOARD_MODES = ("auto", "on", "off")
MIN_IDLE_TIMEOUT_S = 15
MAX_IDLE_TIMEOUT_S = 3600


class ConfigError(KioskError):
    """The config file (or an option) holds a value the kiosk cannot use."""


@dataclass(frozen=True)
class KioskConfig:
    """Where the kiosk finds its content, and how it behaves at this deployment."""

    data_dir: Path
    content_path: Path
    default_region: str = "US"
    keyboard: str = "auto"
    idle_timeout_s: int = 90
    export_public_key: str | None = None
    languages: tuple[str, ...] | None = None  # None: every complete language of the content
    default_language: str | None = None  # None: the content's own language


def load_config(data_dir: Path, *, content_path: Path | None = None) -> KioskConfig:
    """Read ``data_dir/config.toml`` if present; ``content_path`` overrides the file's."""
    path = data_dir / CONFIG_FILE_NAME
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: is not valid TOML ({exc})") from None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    problems: list[str] = []
    known = {
        "content",
        "default_region",
        "keyboard",
        "idle_timeout_s",
        "export_public_key",
        "languages",
        "default_language",
    }
    problems += [f"unknown setting {key!r}" for key in sorted(set(raw) - known)]

    content = raw.get("content")
    if content is not None and not isinstance(content, str):
        problems.append("content: must be a file path in quotes")
        content = None
    if content_path is None:
        # A relative path in the file is relative to the file, not to wherever
        # the kiosk happened to be started from.
        content_path = (path.parent / content) if content else default_content_path()

    region = raw.get("default_region", "US")
    if not isinstance(region, str) or not _is_supported_region(region):
        problems.append("default_region: must be a two-letter country code such as US or IL")
        region = "US"

    keyboard = raw.get("keyboard", "auto")
    if keyboard not in KEYBOARD_MODES:
        problems.append(f"keyboard: must be one of {', '.join(KEYBOARD_MODES)}")
        keyboard = "auto"

    idle = raw.get("idle_timeout_s", 90)
    if isinstance(idle, bool) or not isinstance(idle, int) or not check_idle_timeout(idle):
        problems.append(
            f"idle_timeout_s: must be a whole number of seconds from "
            f"{MIN_IDLE_TIMEOUT_S} to {MAX_IDLE_TIMEOUT_S}"
        )
        idle = 90

    key = raw.get("export_public_key")
    if key is not None:
        key_problem = _public_key_problem(key)
        if key_problem is not None:
            problems.append(f"export_public_key: {key_problem}")
            key = None
        else:
            key = key.strip()

    languages, default_language = _language_settings(raw, problems)

    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return KioskConfig(
        data_dir=data_dir,
        content_path=Path(content_path),
        default_region=region.upper(),
        keyboard=keyboard,
        idle_timeout_s=idle,
        export_public_key=key,
        languages=languages,
        default_language=default_language,
    )


def _language_settings(
    raw: dict[str, Any], problems: list[str]
) -> tuple[tuple[str, ...] | None, str | None]:
    """Read ``languages`` and ``default_language`` in their form; the content checks the rest.

    Whether the content has those languages, complete, is checked once it is
    loaded (``kiosk.languages.configured_languages``).
    """
    from kiosk.content import MAX_LANGUAGES, is_language_code

    languages = raw.get("languages")
    if languages is not None:
        if (
            not isinstance(languages, list)
            or not languages
            or len(languages) > MAX_LANGUAGES
            or not all(is_language_code(code) for code in languages)
        ):
            problems.append('languages: must be a list of language codes, e.g. ["en", "es"]')
            languages = None
        elif len(set(languages)) < len(languages):
            problems.append("languages: names a language twice")
            languages = None
    default = raw.get("default_language")
    if default is not None and not is_language_code(default):
        problems.append('default_language: must be a language code in quotes, e.g. "en"')
        default = None
    return (tuple(languages) if languages is not None else None), default


def _public_key_problem(key: object) -> str | None:
    """Say what is wrong with an export key from the config (never quoting it), or None.

    Checked in full here, not only at export time: a mistyped key would
    otherwise pass the start-up check and fail at the end of the event.
    """
    if not isinstance(key, str):
        return "must be an age public key in quotes (age1...)"
    if key.strip().upper().startswith("AGE-SECRET-KEY-"):
        return (
            "holds the office's private key, which must never be on a kiosk: put the public "
            "key (age1...) here, and make a new pair with `p2p-kiosk keys new` if this one "
            "has been copied around"
        )
    from kiosk.crypto import CryptoError, check_recipient

    try:
        check_recipient(key)
    except CryptoError:
        return (
            "is not a valid age public key: copy the whole age1... line that "
            "`p2p-kiosk keys new` printed"
        )
    return None


def _is_supported_region(region: str) -> bool:
    if region == "US":
        return True  # the default: no need to load phonenumbers' tables at start-up
    import phonenumbers

    return region.upper() in phonenumbers.SUPPORTED_REGIONS


def check_idle_timeout(seconds: int) -> bool:
    """Return whether ``seconds`` is an idle timeout the kiosk accepts."""
    return MIN_IDLE_TIMEOUT_S <= seconds <= MAX_IDLE_TIMEOUT_S
