"""Deployment settings from ``config.toml`` in the data folder, checked on load.

Command-line options override the file; the file overrides the defaults.
Settings a volunteer changes at the booth (event, PIN, idle timeout, the
attendees' text size and theme) live in the store instead, so they survive
without anyone editing a file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.display import STANDARD_DISPLAY
from kiosk.errors import KioskError
from kiosk.paths import INSTALLED_CONTENT_FILE_NAME, default_content_path
from kiosk.settings import (
    CONFIG_FILE_SETTINGS,
    CONTENT,
    DEFAULT_LANGUAGE,
    DEFAULT_REGION,
    EXPORT_PUBLIC_KEY,
    IDLE_TIMEOUT,
    KEYBOARD,
    LANGUAGES,
    TEXT_SIZE,
    THEME,
    Setting,
)

CONFIG_FILE_NAME = "config.toml"


class ConfigError(KioskError):
    """The config file (or an option) holds a value the kiosk cannot use."""


class ContentSource(StrEnum):
    """Where the content file the kiosk shows was named, from the strongest to the weakest.

    ``--content`` is the deployment's explicit word for this one start, so it
    wins; content a volunteer installed at the booth comes next (like the
    booth settings kept in the store, it wins over ``config.toml``); then
    ``content`` in ``config.toml``; then the bundled file.
    """

    OPTION = "option"
    INSTALLED = "installed"
    CONFIG = "config"
    BUNDLED = "bundled"


@dataclass(frozen=True)
class KioskConfig:
    """Where the kiosk finds its content, and how it behaves at this deployment."""

    data_dir: Path
    content_path: Path
    default_region: str
    keyboard: str
    idle_timeout_s: int
    export_public_key: str | None
    languages: tuple[str, ...] | None = None  # None: every complete language of the content
    default_language: str | None = None  # None: the content's own language
    text_size: int = STANDARD_DISPLAY.text_size  # what every attendee starts with (percent)
    theme: str = STANDARD_DISPLAY.theme.value
    content_source: ContentSource = ContentSource.BUNDLED


def installed_content_path(data_dir: Path) -> Path:
    """Where a content file a volunteer installed lives in ``data_dir`` (it may not exist)."""
    return Path(data_dir) / INSTALLED_CONTENT_FILE_NAME


def load_config(data_dir: Path, *, content_path: Path | None = None) -> KioskConfig:
    """Read ``data_dir/config.toml`` if present; ``content_path`` overrides the file's.

    The content file is the first of: ``content_path`` (``--content``), the
    installed content in ``data_dir``, the file's ``content``, the bundled one.
    """
    path = data_dir / CONFIG_FILE_NAME
    raw = _read_toml(path)
    known = {setting.key for setting in CONFIG_FILE_SETTINGS}
    problems = [f"unknown setting {key!r}" for key in sorted(set(raw) - known)]
    # Every setting the file gives is checked, so every bad one is named at once.
    values: dict[str, Any] = {}
    for setting in CONFIG_FILE_SETTINGS:
        value = raw.get(setting.key)
        if value is None:
            value = setting.default
        elif (problem := _problem(setting, value)) is not None:
            problems.append(f"{setting.key}: {problem}")
        values[setting.key] = value
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    content = values[CONTENT.key]
    installed = installed_content_path(data_dir)
    if content_path is not None:
        source = ContentSource.OPTION
    elif installed.exists() or installed.is_symlink():
        # A link planted in its place is named, not followed: loading refuses it.
        source, content_path = ContentSource.INSTALLED, installed
    elif content:
        # A relative path in the file is relative to the file, not to wherever
        # the kiosk happened to be started from.
        source, content_path = ContentSource.CONFIG, path.parent / content
    else:
        source, content_path = ContentSource.BUNDLED, default_content_path()
    key = values[EXPORT_PUBLIC_KEY.key]
    return KioskConfig(
        data_dir=data_dir,
        content_path=Path(content_path),
        default_region=values[DEFAULT_REGION.key].upper(),
        keyboard=values[KEYBOARD.key],
        idle_timeout_s=values[IDLE_TIMEOUT.key],
        export_public_key=key.strip() if key is not None else None,
        # Whether the content has these languages, complete, is checked once it is
        # loaded (kiosk.languages.configured_languages).
        languages=tuple(values[LANGUAGES.key]) if values[LANGUAGES.key] is not None else None,
        default_language=values[DEFAULT_LANGUAGE.key],
        text_size=values[TEXT_SIZE.key],
        theme=values[THEME.key],
        content_source=source,
    )


def _read_toml(path: Path) -> dict[str, Any]:
    """The settings in the config file at ``path``; none if there is no file."""
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: is not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None


def _problem(setting: Setting[Any], value: object) -> str | None:
    """What is wrong with the config file's ``value`` for ``setting`` (never quoting it), or None.

    An export key is checked in full here, not only at export time: a mistyped
    key would otherwise pass the start-up check and fail at the end of the event.
    """
    if setting is EXPORT_PUBLIC_KEY and isinstance(value, str):
        if value.strip().upper().startswith("AGE-SECRET-KEY-"):
            return (
                "holds the office's private key, which must never be on a kiosk: put the public "
                "key (age1...) here, and make a new pair with `p2p-kiosk keys new` if this one "
                "has been copied around"
            )
    if setting is LANGUAGES and isinstance(value, list) and len(set(map(str, value))) < len(value):
        return "names a language twice"
    return setting.problem(value)
