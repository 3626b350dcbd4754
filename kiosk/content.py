"""The kiosk's content: typed model and a loader that reports every problem at once.

The bundled file is ``assets/content/people-to-people.toml``; a deployment may
point at its own file. Loading never half-succeeds: either every field is
present and well typed, or ``ContentError`` lists each problem with its file
and place.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from kiosk.errors import KioskError
from kiosk.regular_files import NotRegularFile, read_regular
from kiosk.signup import WlfChoice

SUPPORTED_FORMAT_VERSION = 1
MAX_TEXT_LENGTH = 5000
"""The longest text a content file may give one field (the consent version, the language...)."""
TEXT_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f]")
"""Control characters a content text may not hold (newlines and tabs are allowed)."""
CONTENT_MAX_BYTES = 4 * 1024 * 1024  # the bundled file is 7 KB; a far larger one is no content
MAX_LINK_BYTES = 200
"""The longest link (in UTF-8 bytes, as its QR code carries it) the kiosk shows.

A version 10 QR code, the densest the screens draw readably, holds 213 bytes;
``qr_problems`` proves each link fits with the real encoder (``content check``).
"""

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

    def label_for(self, choice: WlfChoice) -> str:
        """Return the content's label for ``choice``."""
        for option in self.options:
            if option.choice is choice:
                return option.label
        raise KeyError(choice)


@dataclass(frozen=True)
class Consent:
    """The consent-to-contact text; its exact text and version are stored with each sign-up."""

    version: str
    text: str
    email_group: str


@dataclass(frozen=True)
class Content:
    """Everything an attendee reads on the kiosk."""

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


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with a content file, and where."""

    path: Path
    place: str  # e.g. "resources[2].link"
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.place}: {self.message}"


class ContentError(KioskError):
    """A content file could not be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"content file has {len(problems)} problem(s):\n{lines}")


class _Reader:
    """Walks the parsed TOML, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[ContentProblem] = []

    def problem(self, place: str, message: str) -> None:
        self.problems.append(ContentProblem(self.path, place, message))

    def text(
        self, table: dict[str, Any], key: str, place: str, *, allow_empty: bool = False
    ) -> str:
        where = f"{place}.{key}" if place else key
        if key not in table:
            self.problem(where, "missing")
            return ""
        value = table[key]
        if not isinstance(value, str):
            self.problem(where, f"must be text, not {_type_name(value)}")
            return ""
        if not allow_empty and not value.strip():
            self.problem(where, "must not be empty")
        elif len(value) > MAX_TEXT_LENGTH:
            self.problem(where, f"is longer than {MAX_TEXT_LENGTH} characters")
        elif TEXT_CONTROL_CHARACTERS.search(value):
            self.problem(where, "contains control characters")
        return value

    def flag(self, table: dict[str, Any], key: str, place: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.problem(f"{place}.{key}", f"must be true or false, not {_type_name(value)}")
            return default
        return value

    def link(self, table: dict[str, Any], place: str) -> str | None:
        if "link" not in table:
            return None
        value = table["link"]
        where = f"{place}.link"
        if not isinstance(value, str):
            self.problem(where, f"must be text, not {_type_name(value)}")
            return None
        # Control characters, and invisible ones such as a right-to-left
        # override that would make the address shown under the code read as
        # another site than the one the code opens.
        if any(unicodedata.category(c) in ("Cc", "Cf") and not c.isspace() for c in value):
            self.problem(where, "contains control or invisible characters")
            return None
        parts = urlsplit(value)
        if (
            parts.scheme not in ("http", "https")
            or not parts.netloc
            or any(c.isspace() for c in value)
        ):
            self.problem(where, "must be a web address starting with http:// or https://")
            return None
        size = len(value.encode("utf-8"))
        if size > MAX_LINK_BYTES:
            # An over-long link broke the Take action screen (the QR encoder refused it).
            self.problem(
                where,
                f"is {size} bytes long; a QR code a phone can read from the kiosk holds "
                f"at most {MAX_LINK_BYTES}",
            )
            return None
        return value

    def texts(self, table: dict[str, Any], key: str, place: str = "") -> tuple[str, ...]:
        items = self.items(table, key, place)
        out = []
        for index, item in enumerate(items):
            where = f"{place + '.' if place else ''}{key}[{index}]"
            if not isinstance(item, str):
                self.problem(where, f"must be text, not {_type_name(item)}")
            elif not item.strip():
                self.problem(where, "must not be empty")
            else:
                out.append(item)
        return tuple(out)

    def items(self, table: dict[str, Any], key: str, place: str = "") -> list[Any]:
        where = f"{place}.{key}" if place else key
        value = table.get(key)
        if value is None:
            self.problem(where, "missing")
            return []
        if not isinstance(value, list):
            self.problem(where, f"must be a list, not {_type_name(value)}")
            return []
        if not value:
            self.problem(where, "must not be empty")
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

    def table(self, table: dict[str, Any], key: str) -> dict[str, Any]:
        value = table.get(key)
        if not isinstance(value, dict):
            self.problem(key, "missing" if value is None else "must be a table")
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


def qr_problems(content: Content) -> list[ContentProblem]:
    """Encode every link as the screens will; list each one no readable QR code holds.

    The loader's length limit already keeps links small enough; ``content
    check`` runs this to prove it with the real encoder (too slow for start-up).
    """
    from kiosk.qr import link_qr_problem

    links = [
        (f"calls_to_action[{i}].link", action.link)
        for i, action in enumerate(content.calls_to_action)
    ] + [(f"resources[{i}].link", resource.link) for i, resource in enumerate(content.resources)]
    problems = []
    for place, link in links:
        problem = link_qr_problem(link) if link is not None else None
        if problem is not None:
            problems.append(ContentProblem(content.source_path, place, problem))
    return problems


def load_content(path: Path) -> Content:
    """Read and validate a content file; raise ``ContentError`` listing every problem."""
    path = Path(path)
    try:
        raw = read_regular(path, CONTENT_MAX_BYTES)
    except NotRegularFile as exc:
        reason = "not found" if exc.missing else exc.reason
        raise ContentError([ContentProblem(path, "file", reason)]) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ContentError([ContentProblem(path, "file", "is not UTF-8 text")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([ContentProblem(path, "file", f"is not valid TOML: {exc}")]) from None
    return _parse(data, path)


def _parse(data: dict[str, Any], path: Path) -> Content:
    r = _Reader(path)
    version = data.get("format_version")
    if version != SUPPORTED_FORMAT_VERSION:
        r.problem(
            "format_version",
            f"must be {SUPPORTED_FORMAT_VERSION}, the content format this kiosk reads",
        )

    def build_resource(item: dict[str, Any], place: str) -> Resource:
        return Resource(
            title=r.text(item, "title", place),
            source=r.text(item, "source", place, allow_empty=True) if "source" in item else "",
            summary=r.text(item, "summary", place),
            link=r.link(item, place),
        )

    def build_action(item: dict[str, Any], place: str) -> CallToAction:
        return CallToAction(
            id=r.text(item, "id", place),
            text=r.text(item, "text", place),
            pledge=r.flag(item, "pledge", place, False),
            link=r.link(item, place),
        )

    def build_option(item: dict[str, Any], place: str) -> WlfOption | None:
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

    wlf_table = r.table(data, "wlf")
    options: list[WlfOption] = []
    option_items = r.items(wlf_table, "options", "wlf") if wlf_table else []
    for index, item in enumerate(option_items):
        place = f"wlf.options[{index}]"
        if not isinstance(item, dict):
            r.problem(place, "must be a table")
            continue
        option = build_option(item, place)
        if option is not None:
            options.append(option)
    missing = [c.value for c in WlfChoice if c not in {o.choice for o in options}]
    if wlf_table and options and missing:
        r.problem("wlf.options", f"must offer every choice; missing: {', '.join(missing)}")

    consent_table = r.table(data, "consent")
    actions = r.tables(data, "calls_to_action", build_action)
    if actions and not any(a.pledge for a in actions):
        r.problem("calls_to_action", "at least one call to action must have pledge = true")

    content = Content(
        source_path=path,
        language=r.text(data, "language", ""),
        title=r.text(data, "title", ""),
        subtitle=r.text(data, "subtitle", ""),
        paragraphs=r.texts(data, "paragraphs"),
        principles=r.texts(data, "principles"),
        attract=r.texts(data, "attract"),
        disclaimer=r.text(data, "disclaimer", ""),
        calls_to_action=actions,
        resources=r.tables(data, "resources", build_resource),
        wlf=WlfInvitation(
            heading=r.text(wlf_table, "heading", "wlf") if wlf_table else "",
            paragraphs=r.texts(wlf_table, "paragraphs", "wlf") if wlf_table else (),
            members_only=r.text(wlf_table, "members_only", "wlf") if wlf_table else "",
            membership_free=r.text(wlf_table, "membership_free", "wlf") if wlf_table else "",
            options=tuple(options),
        ),
        consent=Consent(
            version=r.text(consent_table, "version", "consent") if consent_table else "",
            text=r.text(consent_table, "text", "consent") if consent_table else "",
            email_group=r.text(consent_table, "email_group", "consent") if consent_table else "",
        ),
    )
    if r.problems:
        raise ContentError(r.problems)
    return content
