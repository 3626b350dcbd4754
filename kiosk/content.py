"""The kiosk's content: typed model and a loader that reports every problem at once.

The bundled file is ``assets/content/people-to-people.toml``; a deployment may
point at its own file. Loading never half-succeeds: either every field is
present and well typed, or ``ContentError`` lists each problem with its file
and place.

A file is written in its own language and may carry translations
(``[translations.CODE]``) of every attendee text. ``load_content`` returns the
content in its own language; ``Content.in_language(code)`` returns the same
content, same shape, in another. A translation with a text missing is no error
(the file still loads) but that language is incomplete: ``Content.languages``
lists what it lacks, and it cannot be shown or offered.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from kiosk.errors import KioskError
from kiosk.regular_files import NotRegularFile, read_regular
from kiosk.wlf import WlfChoice

SUPPORTED_FORMAT_VERSION = 1
MAX_TEXT_LENGTH = 5000
"""The longest text a content file may give one field (the consent version, the language...)."""
TEXT_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f]")
"""Control characters a content text may not hold (newlines and tabs are allowed)."""
CONTENT_MAX_BYTES = 4 * 1024 * 1024  # the bundled file is 30 KB; a far larger one is no content
MAX_LINK_BYTES = 200
"""The longest link (in UTF-8 bytes, as its QR code carries it) the kiosk shows.

A version 10 QR code, the densest the screens draw readably, holds 213 bytes;
``qr_problems`` proves each link fits with the real encoder (``content check``).
"""
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}")
"""A language code as the content names its languages: "en", "he", "pt-BR"."""
MAX_LANGUAGE_CODE_LENGTH = 16  # the kiosk store keeps a sign-up's language in 16 characters
MAX_LANGUAGE_NAME_LENGTH = 40  # a language's name labels a button
MAX_CONTENT_VERSION_LENGTH = 40
"""The longest ``version`` a content file may give (it is stored with each sign-up)."""
MAX_LANGUAGES = 12
"""The most languages one content file may hold, its own included (each gets a button)."""
KNOWN_LANGUAGE_NAMES = {"en": "English", "es": "Español", "he": "עברית", "ar": "العربية"}
"""Names in themselves, for a file written before ``language_name`` existed."""

T = TypeVar("T")


@dataclass(frozen=True)
class Resource:
    """An article or paper an attendee can read more about on their phone."""

    title: str
    source: str  # may be empty: the seed names no source for some
    summary: str
    link: str | None  # http(s) address shown as a QR code, or None


@dataclass(frozen=True)
class CallToAction:
    """Something an attendee can do; ``pledge`` ones lead to a pledge they can sign."""

    id: str
    text: str
    pledge: bool
    link: str | None


@dataclass(frozen=True)
class WlfOption:
    """One answer to the WLF invitation, with its label as the content words it."""

    choice: WlfChoice
    label: str


@dataclass(frozen=True)
class WlfInvitation:
    """The Women's Leadership Forum invitation and its answers."""

    heading: str
    paragraphs: tuple[str, ...]
    members_only: str
    membership_free: str
    options: tuple[WlfOption, ...]


@dataclass(frozen=True)
class Consent:
    """The consent-to-contact text; its exact text and version are stored with each sign-up.

    A translation's version is the content's own followed by "/" and its
    language code ("2026-11-24.1/he"), so the office can tell which text was agreed to.
    """

    version: str
    text: str
    email_group: str


@dataclass(frozen=True)
class Language:
    """One language a content file is written in, as staff choose among them."""

    code: str  # "en", "he", "pt-BR"
    name: str  # in itself, for its button: "Español", "עברית"
    reviewed: bool  # a native speaker has checked it (the content's own language: true)
    missing: tuple[str, ...] = ()  # the texts it lacks, e.g. "resources[2].summary"

    @property
    def is_complete(self) -> bool:
        """Whether every attendee text exists in this language (then it can be offered)."""
        return not self.missing


class LanguageUnavailable(KioskError):
    """The content has no complete text in the language asked for."""


class FileDigest:
    """The SHA-256 of a content file's bytes, worked out when first asked for.

    A sign-up is the first to ask; hashlib (and the OpenSSL it loads) then
    stays out of the kiosk's start, before its first screen.
    """

    def __init__(self, raw: bytes) -> None:
        self._raw = raw

    @cached_property
    def hexdigest(self) -> str:
        import hashlib

        return hashlib.sha256(self._raw).hexdigest()


@dataclass(frozen=True)
class Content:
    """Everything an attendee reads on the kiosk, in one language."""

    source_path: Path
    language: str
    title: str
    subtitle: str
    paragraphs: tuple[str, ...]
    principles: tuple[str, ...]
    attract: tuple[str, ...]
    disclaimer: str
    calls_to_action: tuple[CallToAction, ...]
    resources: tuple[Resource, ...]
    wlf: WlfInvitation
    consent: Consent
    language_name: str = ""
    reviewed: bool = True
    link: str | None = None
    """The web page this content is (the message screen's QR code), or None."""
    version: str = ""
    """The file's own name for this edition of its texts ("2026-11-25.1"); may be empty."""
    digest: FileDigest = field(default_factory=lambda: FileDigest(b""), repr=False, compare=False)
    """The hash of the file's bytes: which file exactly, whatever its version says."""
    languages: tuple[Language, ...] = ()
    """Every language of the file, complete or not, its own language first."""
    family: Mapping[str, Content] = field(default_factory=dict, repr=False, compare=False)
    """The complete languages' contents by code, this one included (see ``in_language``)."""

    @property
    def sha256(self) -> str:
        """The SHA-256 of the file's bytes, in hex."""
        return self.digest.hexdigest

    @property
    def version_id(self) -> str:
        """The content version a sign-up records: the file's version and the start of its hash.

        The hash tells two files apart that give the same version (an edit
        without a new version); the version is what people read.
        """
        return f"{self.version or 'unversioned'}+{self.sha256[:8]}"

    def in_language(self, code: str) -> Content:
        """Return this content in the language ``code``; ``LanguageUnavailable`` if it lacks it."""
        if code == self.language:
            return self
        translated = self.family.get(code)
        if translated is not None:
            return translated
        for language in self.languages:
            if language.code == code:
                raise LanguageUnavailable(
                    f"The content's {language.name} ({code}) is incomplete: "
                    f"{len(language.missing)} text(s) missing."
                )
        raise LanguageUnavailable(f"The content has no text in the language {shown_code(code)}.")


def shown_code(code: object) -> str:
    """A language code fit for a message, however long or odd the value given was."""
    text = str(code)
    printable = "".join(ch if ch.isprintable() else "?" for ch in text[:20])
    return repr(printable + ("..." if len(text) > 20 else ""))


def is_language_code(value: object) -> bool:
    """Whether ``value`` is a language code the content may name ("en", "pt-BR")."""
    return (
        isinstance(value, str)
        and len(value) <= MAX_LANGUAGE_CODE_LENGTH
        and LANGUAGE_CODE.fullmatch(value) is not None
    )


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with a content file, and where."""

    path: Path
    place: str  # e.g. "resources[2].link"
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.place}: {self.message}"

    def in_plain_words(self) -> str:
        """The problem for a volunteer: "Resource 3, link: must be a web address ...".

        The place is read out as a person counts (from 1), with the file's
        names for its parts made words; the file's name is left to the caller.
        """
        return f"{_place_in_words(self.place)}: {self.message}"


_PLACE_NAMES = {
    "file": "The file",
    "resources": "Resource",
    "calls_to_action": "Call to action",
    "paragraphs": "Paragraph",
    "principles": "Principle",
    "attract": "Attract message",
    "options": "answer",
    "wlf": "WLF invitation",
    "consent": "Consent",
}
_LIST_NAMES = {
    "resources": "Resources",
    "calls_to_action": "Calls to action",
    "paragraphs": "Paragraphs",
    "principles": "Principles",
    "attract": "Attract messages",
    "options": "answers",
}
_INDEXED = re.compile(r"(\w+)\[(\d+)\]")


def _place_in_words(place: str) -> str:
    """ "translations.es.resources[2].link" -> "Translation es, Resource 3, link"."""
    words = []
    parts = place.split(".")
    if parts[0] == "translations" and len(parts) > 1:
        words.append(f"Translation {parts[1]}")
        parts = parts[2:]
    for part in parts:
        indexed = _INDEXED.fullmatch(part)
        if indexed is not None:
            name = _PLACE_NAMES.get(indexed[1], indexed[1].replace("_", " "))
            words.append(f"{name} {int(indexed[2]) + 1}")
        elif part:
            words.append(_LIST_NAMES.get(part) or _PLACE_NAMES.get(part, part.replace("_", " ")))
    text = ", ".join(words) or "The file"
    return text[:1].upper() + text[1:]


class ContentError(KioskError):
    """A content file could not be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"content file has {len(problems)} problem(s):\n{lines}")


def _join(place: str, key: str) -> str:
    return f"{place}.{key}" if place else key


class _Reader:
    """Walks the parsed TOML, collecting problems instead of stopping at the first.

    With ``missing`` (a translation) an absent or empty text is no problem: its
    place goes to that list, and the language is incomplete. Problems are
    named with ``prefix`` before the place (the translation's table).
    """

    def __init__(self, path: Path, *, prefix: str = "", missing: list[str] | None = None) -> None:
        self.path = path
        self.prefix = prefix
        self.missing = missing
        self.problems: list[ContentProblem] = []

    def problem(self, place: str, message: str) -> None:
        self.problems.append(ContentProblem(self.path, self.prefix + place, message))

    def absent(self, place: str, message: str) -> None:
        """A text that is not there: a problem, or a missing translation."""
        if self.missing is None:
            self.problem(place, message)
        else:
            self.missing.append(place)

    def text(
        self,
        table: dict[str, Any],
        key: str,
        place: str,
        *,
        allow_empty: bool = False,
        max_length: int = MAX_TEXT_LENGTH,
    ) -> str:
        where = _join(place, key)
        if key not in table:
            self.absent(where, "missing")
            return ""
        return self.checked_text(table[key], where, allow_empty=allow_empty, max_length=max_length)

    def checked_text(
        self,
        value: object,
        where: str,
        *,
        allow_empty: bool = False,
        max_length: int = MAX_TEXT_LENGTH,
    ) -> str:
        if not isinstance(value, str):
            self.problem(where, f"must be text, not {_type_name(value)}")
            return ""
        if not allow_empty and not value.strip():
            self.absent(where, "must not be empty")
            return ""
        if len(value) > max_length:
            self.problem(where, f"is longer than {max_length} characters")
        elif TEXT_CONTROL_CHARACTERS.search(value):
            self.problem(where, "contains control characters")
        return value

    def flag(self, table: dict[str, Any], key: str, place: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.problem(_join(place, key), f"must be true or false, not {_type_name(value)}")
            return default
        return value

    def link(self, table: dict[str, Any], place: str) -> str | None:
        if "link" not in table:
            return None
        value = table["link"]
        where = _join(place, "link")
        if not isinstance(value, str):
            self.problem(where, f"must be text, not {_type_name(value)}")
            return None
        problem = _link_problem(value)
        if problem is not None:
            self.problem(where, problem)
            return None
        return value

    def texts(self, table: dict[str, Any], key: str, place: str = "") -> tuple[str, ...]:
        items = self.items(table, key, place)
        out = []
        for index, item in enumerate(items):
            text = self.checked_text(item, f"{_join(place, key)}[{index}]")
            if text:
                out.append(text)
        return tuple(out)

    def texts_like(
        self, table: dict[str, Any], key: str, place: str, count: int
    ) -> tuple[str, ...]:
        """A translation's list of ``count`` texts, one for each of the content's own."""
        where = _join(place, key)
        items = self.items(table, key, place, required=False)
        if len(items) > count:
            self.problem(where, f"has {len(items)} texts; the content's own language has {count}")
        if not items and key not in table:
            self.absent(where, "missing")
            return ("",) * count
        out = []
        for index in range(count):
            if index < len(items):
                out.append(self.checked_text(items[index], f"{where}[{index}]"))
            else:
                self.absent(f"{where}[{index}]", "missing")
                out.append("")
        return tuple(out)

    def items(
        self, table: dict[str, Any], key: str, place: str = "", *, required: bool = True
    ) -> list[Any]:
        where = _join(place, key)
        value = table.get(key)
        if value is None:
            if required:
                self.absent(where, "missing")
            return []
        if not isinstance(value, list):
            self.problem(where, f"must be a list, not {_type_name(value)}")
            return []
        if not value and required:
            self.absent(where, "must not be empty")
        return value

    def tables(
        self, table: dict[str, Any], key: str, build: Callable[[dict[str, Any], str], T]
    ) -> tuple[T, ...]:
        out = []
        for index, item in enumerate(self.items(table, key)):
            where = f"{key}[{index}]"
            if not isinstance(item, dict):
                self.problem(where, f"must be a table, not {_type_name(item)}")
                continue
            out.append(build(item, where))
        return tuple(out)

    def table(self, table: dict[str, Any], key: str, *, required: bool = True) -> dict[str, Any]:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(key, "missing")
            return {}
        if not isinstance(value, dict):
            self.problem(key, "must be a table")
            return {}
        return value


def _type_name(value: object) -> str:
    return {
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _link_problem(value: str) -> str | None:
    """Why ``value`` is no link the kiosk shows as a QR code, or None."""
    # Control characters, and invisible ones such as a right-to-left
    # override that would make the address shown under the code read as
    # another site than the one the code opens.
    if any(unicodedata.category(c) in ("Cc", "Cf") and not c.isspace() for c in value):
        return "contains control or invisible characters"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        return "must be a web address starting with http:// or https://"
    size = len(value.encode("utf-8"))
    if size > MAX_LINK_BYTES:
        # An over-long link broke the Take action screen (the QR encoder refused it).
        return (
            f"is {size} bytes long; a QR code a phone can read from the kiosk holds "
            f"at most {MAX_LINK_BYTES}"
        )
    return None


def qr_problems(content: Content) -> list[ContentProblem]:
    """Encode every link as the screens will; list each one no readable QR code holds.

    The loader's length limit already keeps links small enough; ``content
    check`` runs this to prove it with the real encoder (too slow for start-up).
    Translations share the links of the content's own language.
    """
    from kiosk.qr import link_qr_problem

    links = (
        [("link", content.link)]
        + [
            (f"calls_to_action[{i}].link", action.link)
            for i, action in enumerate(content.calls_to_action)
        ]
        + [(f"resources[{i}].link", resource.link) for i, resource in enumerate(content.resources)]
    )
    problems = []
    for place, link in links:
        problem = link_qr_problem(link) if link is not None else None
        if problem is not None:
            problems.append(ContentProblem(content.source_path, place, problem))
    return problems


def language_report(content: Content) -> list[str]:
    """One line per language of ``content``: complete or what it lacks, and its review status."""
    lines = []
    for language in content.languages:
        if language.code == content.language:
            status = "complete, the content's own language"
        elif language.is_complete:
            review = "reviewed" if language.reviewed else "not yet reviewed"
            status = f"complete, {review} by a native speaker"
        else:
            status = (
                f"incomplete, so it cannot be offered: {len(language.missing)} text(s) missing "
                f"in [translations.{language.code}]: {', '.join(language.missing)}"
            )
        lines.append(f"  {language.code} {language.name}: {status}")
    return lines


def load_content(path: Path) -> Content:
    """Read and validate a content file; raise ``ContentError`` listing every problem."""
    path = Path(path)
    return parse_content(read_content_bytes(path), path)


def read_content_bytes(path: Path) -> bytes:
    """The bytes of the content file at ``path``: a regular file, no larger than any content is."""
    try:
        return read_regular(path, CONTENT_MAX_BYTES)
    except NotRegularFile as exc:
        reason = "not found" if exc.missing else exc.reason
        raise ContentError([ContentProblem(path, "file", reason)]) from None


def parse_content(raw: bytes, path: Path) -> Content:
    """Validate a content file's bytes, read from ``path``; ``ContentError`` lists each problem."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ContentError([ContentProblem(path, "file", "is not UTF-8 text")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([ContentProblem(path, "file", f"is not valid TOML: {exc}")]) from None
    return _parse(data, path, FileDigest(raw))


def check_content(path: Path) -> tuple[Content, bytes]:
    """Everything ``p2p-kiosk content check`` checks: load the file, then encode every link.

    Returns the content and the very bytes checked (an installed copy is
    written from these, not from a second read a swapped file could change);
    ``ContentError`` lists every problem.
    """
    path = Path(path)
    raw = read_content_bytes(path)
    content = parse_content(raw, path)
    problems = qr_problems(content)
    if problems:
        raise ContentError(problems)
    return content, raw


def _parse(data: dict[str, Any], path: Path, digest: FileDigest) -> Content:
    r = _Reader(path)
    if data.get("format_version") != SUPPORTED_FORMAT_VERSION:
        r.problem(
            "format_version",
            f"must be {SUPPORTED_FORMAT_VERSION}, the content format this kiosk reads",
        )
    own = replace(_own_language(r, data), digest=digest)  # before the translations copy it
    translations = _translations(r, data, own)
    if r.problems:
        raise ContentError(r.problems)
    return _with_translations(own, translations)


# The content's own language ---------------------------------------------------------------


def _own_language(r: _Reader, data: dict[str, Any]) -> Content:
    """The texts the file is written in, each required."""
    actions = r.tables(data, "calls_to_action", lambda item, place: _action(r, item, place))
    if actions and not any(a.pledge for a in actions):
        r.problem("calls_to_action", "at least one call to action must have pledge = true")
    code = r.text(data, "language", "")
    if code and not is_language_code(code):
        r.problem("language", "must be a language code such as en, es or pt-BR")
    name = KNOWN_LANGUAGE_NAMES.get(code, code)
    if "language_name" in data:
        name = r.text(data, "language_name", "", max_length=MAX_LANGUAGE_NAME_LENGTH)
    version = ""
    if "version" in data:
        version = r.text(data, "version", "", max_length=MAX_CONTENT_VERSION_LENGTH)
    return Content(
        source_path=r.path,
        language=code,
        language_name=name,
        reviewed=r.flag(data, "reviewed", "", True),
        link=r.link(data, ""),
        version=version,
        title=r.text(data, "title", ""),
        subtitle=r.text(data, "subtitle", ""),
        paragraphs=r.texts(data, "paragraphs"),
        principles=r.texts(data, "principles"),
        attract=r.texts(data, "attract"),
        disclaimer=r.text(data, "disclaimer", ""),
        calls_to_action=actions,
        resources=r.tables(data, "resources", lambda item, place: _resource(r, item, place)),
        wlf=_wlf(r, r.table(data, "wlf")),
        consent=_consent(r, r.table(data, "consent")),
    )


def _resource(r: _Reader, item: dict[str, Any], place: str) -> Resource:
    return Resource(
        title=r.text(item, "title", place),
        source=r.text(item, "source", place, allow_empty=True) if "source" in item else "",
        summary=r.text(item, "summary", place),
        link=r.link(item, place),
    )


def _action(r: _Reader, item: dict[str, Any], place: str) -> CallToAction:
    return CallToAction(
        id=r.text(item, "id", place),
        text=r.text(item, "text", place),
        pledge=r.flag(item, "pledge", place, False),
        link=r.link(item, place),
    )


def _wlf(r: _Reader, table: dict[str, Any]) -> WlfInvitation:
    if not table:
        return WlfInvitation("", (), "", "", ())
    options = []
    for index, item in enumerate(r.items(table, "options", "wlf")):
        option = _wlf_option(r, item, f"wlf.options[{index}]")
        if option is not None:
            options.append(option)
    missing = [c.value for c in WlfChoice if c not in {o.choice for o in options}]
    if options and missing:
        r.problem("wlf.options", f"must offer every choice; missing: {', '.join(missing)}")
    return WlfInvitation(
        heading=r.text(table, "heading", "wlf"),
        paragraphs=r.texts(table, "paragraphs", "wlf"),
        members_only=r.text(table, "members_only", "wlf"),
        membership_free=r.text(table, "membership_free", "wlf"),
        options=tuple(options),
    )


def _wlf_option(r: _Reader, item: object, place: str) -> WlfOption | None:
    if not isinstance(item, dict):
        r.problem(place, "must be a table")
        return None
    label = r.text(item, "label", place)
    choice_text = r.text(item, "choice", place)
    try:
        choice = WlfChoice(choice_text)
    except ValueError:
        if choice_text:
            allowed = ", ".join(c.value for c in WlfChoice)
            r.problem(f"{place}.choice", f"must be one of {allowed}")
        return None
    return WlfOption(choice, label)


def _consent(r: _Reader, table: dict[str, Any]) -> Consent:
    if not table:
        return Consent("", "", "")
    return Consent(
        version=r.text(table, "version", "consent"),
        text=r.text(table, "text", "consent"),
        email_group=r.text(table, "email_group", "consent"),
    )


# Translations --------------------------------------------------------------------------------


def _translations(
    r: _Reader, data: dict[str, Any], own: Content
) -> list[tuple[Language, Content | None]]:
    """Each ``[translations.CODE]`` table: its language, and its content when complete."""
    tables = r.table(data, "translations", required=False)
    if len(tables) >= MAX_LANGUAGES:
        r.problem(
            "translations",
            f"has {len(tables)} languages; a kiosk offers at most {MAX_LANGUAGES - 1} "
            "besides the content's own",
        )
        return []
    out = []
    for code, table in tables.items():
        place = f"translations.{code if is_language_code(code) else shown_code(code)}"
        if not is_language_code(code):
            r.problem(place, "must be named by a language code such as es, he or pt-BR")
        elif code == own.language:
            r.problem(place, "is the content's own language, whose texts are given above")
        elif not isinstance(table, dict):
            r.problem(place, "must be a table")
        else:
            out.append(_translation(r, code, table, own))
    return out


def _translation(
    r: _Reader, code: str, table: dict[str, Any], own: Content
) -> tuple[Language, Content | None]:
    missing: list[str] = []
    t = _Reader(r.path, prefix=f"translations.{code}.", missing=missing)
    _refuse(t, table, "", ("link", "version"))
    name = t.text(table, "language_name", "", max_length=MAX_LANGUAGE_NAME_LENGTH)
    reviewed = t.flag(table, "reviewed", "", False)
    translated = replace(
        own,
        language=code,
        language_name=name,
        reviewed=reviewed,
        title=t.text(table, "title", ""),
        subtitle=t.text(table, "subtitle", ""),
        paragraphs=t.texts_like(table, "paragraphs", "", len(own.paragraphs)),
        principles=t.texts_like(table, "principles", "", len(own.principles)),
        attract=t.texts_like(table, "attract", "", len(own.attract)),
        disclaimer=t.text(table, "disclaimer", ""),
        calls_to_action=_translated_actions(t, table, own.calls_to_action),
        resources=_translated_resources(t, table, own.resources),
        wlf=_translated_wlf(t, t.table(table, "wlf", required=False), own.wlf),
        consent=_translated_consent(t, t.table(table, "consent", required=False), own, code),
    )
    r.problems += t.problems
    language = Language(code, name or code, reviewed, tuple(missing))
    return language, (translated if language.is_complete else None)


def _refuse(t: _Reader, item: dict[str, Any], place: str, keys: tuple[str, ...]) -> None:
    """Name each of ``keys`` a translation gives: they are the content's own language's to set."""
    for key in keys:
        if key in item:
            t.problem(
                _join(place, key),
                "is not translated: it is set once, in the content's own language",
            )


def _keyed(
    t: _Reader,
    table: dict[str, Any],
    where: str,
    key: str,
    known: list[str],
    untranslated: tuple[str, ...] = (),
) -> dict[str, dict[str, Any]]:
    """A translation's list of tables at ``where``, by their ``key`` (one of ``known``).

    Those tables match the content's own entries by that key (a call to
    action's id, a WLF option's choice), never by position; none may give
    the ``untranslated`` keys.
    """
    place_of_list, _, name = where.rpartition(".")
    out: dict[str, dict[str, Any]] = {}
    for index, item in enumerate(t.items(table, name, place_of_list, required=False)):
        place = f"{where}[{index}]"
        if not isinstance(item, dict):
            t.problem(place, "must be a table")
        elif item.get(key) not in known:
            t.problem(f"{place}.{key}", f"must be one of {', '.join(known)}")
        elif item[key] in out:
            t.problem(f"{place}.{key}", "names an entry translated already")
        else:
            _refuse(t, item, place, untranslated)
            out[item[key]] = item
    return out


def _translated_actions(
    t: _Reader, table: dict[str, Any], actions: tuple[CallToAction, ...]
) -> tuple[CallToAction, ...]:
    ids = [action.id for action in actions]
    by_id = _keyed(t, table, "calls_to_action", "id", ids, ("pledge", "link"))
    return tuple(
        replace(
            action, text=t.text(by_id.get(action.id, {}), "text", f"calls_to_action.{action.id}")
        )
        for action in actions
    )


def _translated_resources(
    t: _Reader, table: dict[str, Any], resources: tuple[Resource, ...]
) -> tuple[Resource, ...]:
    items = t.items(table, "resources", required=False)
    if len(items) > len(resources):
        t.problem(
            "resources",
            f"has {len(items)} resources; the content's own language has {len(resources)}",
        )
    out = []
    for index, resource in enumerate(resources):
        place = f"resources[{index}]"
        item = items[index] if index < len(items) else {}
        if not isinstance(item, dict):
            t.problem(place, "must be a table")
            item = {}
        _refuse(t, item, place, ("source", "link"))
        title = t.text(item, "title", place)
        out.append(replace(resource, title=title, summary=t.text(item, "summary", place)))
    return tuple(out)


def _translated_wlf(t: _Reader, table: dict[str, Any], wlf: WlfInvitation) -> WlfInvitation:
    choices = [option.choice.value for option in wlf.options]
    by_choice = _keyed(t, table, "wlf.options", "choice", choices)
    return WlfInvitation(
        heading=t.text(table, "heading", "wlf"),
        paragraphs=t.texts_like(table, "paragraphs", "wlf", len(wlf.paragraphs)),
        members_only=t.text(table, "members_only", "wlf"),
        membership_free=t.text(table, "membership_free", "wlf"),
        options=tuple(
            WlfOption(
                option.choice,
                t.text(
                    by_choice.get(option.choice.value, {}),
                    "label",
                    f"wlf.options.{option.choice.value}",
                ),
            )
            for option in wlf.options
        ),
    )


def _translated_consent(t: _Reader, table: dict[str, Any], own: Content, code: str) -> Consent:
    version = own.consent.version
    if "version" in table:
        version = t.text(table, "version", "consent")
    return Consent(
        version=f"{version}/{code}",
        text=t.text(table, "text", "consent"),
        email_group=t.text(table, "email_group", "consent"),
    )


def _with_translations(
    own: Content, translations: list[tuple[Language, Content | None]]
) -> Content:
    """The content in its own language, able to give itself in each complete translation."""
    languages = (
        Language(own.language, own.language_name, own.reviewed),
        *(language for language, _ in translations),
    )
    family: dict[str, Content] = {}
    for content in [own, *(content for _, content in translations if content is not None)]:
        family[content.language] = replace(content, languages=languages, family=family)
    return family[own.language]
