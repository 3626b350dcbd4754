"""Which languages a kiosk offers its attendees, and which one each attendee starts in.

The content file says which languages exist and which are complete. ``config.toml``
may choose among them (``languages``, ``default_language``); volunteers choose in
the staff panel, kept in the store's settings like the idle timeout, and their
choice wins. Only a complete language can be offered, and the default language
is always one of those offered.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.config import CONFIG_FILE_NAME, ConfigError, KioskConfig
from kiosk.content import Content, Language, is_language_code, shown_code

log = logging.getLogger(__name__)

LANGUAGES_SETTING = "languages"
"""The store setting holding the staff's choice: {"offered": [codes], "default": code}."""


@dataclass(frozen=True)
class LanguageChoice:
    """The languages attendees may choose (in the content's order) and the one they start in."""

    offered: tuple[Language, ...]
    default: str

    @property
    def codes(self) -> tuple[str, ...]:
        """The offered languages' codes."""
        return tuple(language.code for language in self.offered)

    def to_setting(self) -> str:
        """The choice as the store keeps it."""
        import json  # here, not at the top: a kiosk whose staff chose no languages needs none

        return json.dumps({"offered": list(self.codes), "default": self.default})


def choose_languages(content: Content, codes: Sequence[object], default: object) -> LanguageChoice:
    """Check a choice of languages against ``content``; ``ConfigError`` says what is wrong."""
    offered = offered_languages(content, codes)
    return LanguageChoice(offered, default_among(offered, default))


def offered_languages(content: Content, codes: Sequence[object]) -> tuple[Language, ...]:
    """The content's languages named by ``codes``, in the content's order; each must be complete."""
    if isinstance(codes, str) or not isinstance(codes, Sequence):
        raise ConfigError("Give the languages as a list of language codes, e.g. en and es.")
    by_code = {language.code: language for language in content.languages}
    for code in codes:
        language = by_code.get(code) if isinstance(code, str) else None
        if not is_language_code(code) or language is None:
            known = ", ".join(by_code)
            raise ConfigError(f"The content has no language {shown_code(code)}; it has {known}.")
        if not language.is_complete:
            raise ConfigError(
                f"{language.name} ({language.code}) cannot be offered: the content lacks "
                f"{len(language.missing)} of its texts (`p2p-kiosk content check` lists them)."
            )
    chosen = [language for language in content.languages if language.code in codes]
    if not chosen:
        raise ConfigError("Offer at least one language.")
    return tuple(chosen)


def default_among(offered: Sequence[Language], default: object) -> str:
    """``default`` if it is one of ``offered``; ``ConfigError`` otherwise."""
    codes = [language.code for language in offered]
    if default not in codes:
        raise ConfigError(
            f"The default language {shown_code(default)} must be one of those offered: "
            f"{', '.join(codes)}."
        )
    return str(default)


def configured_languages(config: KioskConfig, content: Content) -> LanguageChoice:
    """The choice ``config.toml`` makes (every complete language when it makes none).

    Raises ``ConfigError`` naming the file and the setting, as for any bad setting.
    """
    path = config.data_dir / CONFIG_FILE_NAME
    complete = [language.code for language in content.languages if language.is_complete]
    try:
        offered = offered_languages(
            content, complete if config.languages is None else config.languages
        )
    except ConfigError as exc:
        raise ConfigError(f"{path}: languages: {exc}") from None
    codes = [language.code for language in offered]
    default = config.default_language
    if default is None:
        default = content.language if content.language in codes else codes[0]
    try:
        return LanguageChoice(offered, default_among(offered, default))
    except ConfigError as exc:
        raise ConfigError(f"{path}: default_language: {exc}") from None


def stored_languages(
    content: Content, stored: str | None, fallback: LanguageChoice
) -> LanguageChoice:
    """The staff's stored choice, as far as it still fits the content; else ``fallback``.

    A content file replaced since may lack a language the staff chose, or the
    stored value may be damaged: the kiosk keeps what it can and never stops
    over it (staff see the result in the panel).
    """
    if stored is None:
        return fallback
    import json

    try:
        raw = json.loads(stored)
        codes, default = raw["offered"], raw["default"]
    except (ValueError, TypeError, KeyError):
        codes = default = None
    if not isinstance(codes, list):
        log.warning("the stored language choice is damaged; using the configured one")
        return fallback
    usable = [
        language
        for language in content.languages
        if language.is_complete and language.code in codes
    ]
    if len(usable) < len(codes):
        log.warning("a language chosen in the staff panel is no longer in the content")
    if not usable:
        return fallback
    for candidate in (default, fallback.default, content.language):
        if candidate in [language.code for language in usable]:
            return LanguageChoice(tuple(usable), str(candidate))
    return LanguageChoice(tuple(usable), usable[0].code)
