"""New content from a USB stick: found, checked like ``content check``, copied in, undone.

A volunteer (staff panel) or a terminal (``p2p-kiosk content install FILE``)
installs a content file: it gets exactly the checks ``p2p-kiosk content
check`` makes, and must fit the languages this kiosk's ``config.toml`` asks
for; then its bytes (the very bytes checked) are copied into the data folder
as ``installed-content.toml``, private like every file there, written whole
or not at all. The stick can then be pulled: the kiosk reads only the copy.
Removing the copy (``content reset``, **Back to the bundled content**) goes
back to ``config.toml``'s content or the bundled one. Which file wins is
``kiosk.config.ContentSource``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.atomic_file import write_atomically
from kiosk.config import ConfigError, ContentSource, KioskConfig, installed_content_path
from kiosk.content import (
    Content,
    ContentError,
    ContentProblem,
    check_content,
    parse_content,
)
from kiosk.errors import KioskError
from kiosk.folder_scan import find_files
from kiosk.languages import LanguageChoice, configured_languages, stored_languages
from kiosk.private_files import make_private_folder

log = logging.getLogger(__name__)

CONTENT_SUFFIX = ".toml"


@dataclass(frozen=True)
class ContentCandidate:
    """A content file that passed every check, ready to install, and what it would change."""

    path: Path
    content: Content
    raw: bytes  # the bytes checked: the copy is written from these
    offered: LanguageChoice
    """The languages attendees would choose among with it, and the one they would start in."""


def is_content_name(name: str) -> bool:
    """Whether a file on a stick may be a content file: ``*.toml``, not hidden (``._x.toml``)."""
    return name.lower().endswith(CONTENT_SUFFIX) and not name.startswith(".")


def find_content_files(folders: Iterable[Path]) -> list[Path]:
    """The content files in ``folders`` (a stick's top folder) and one level of subfolders."""
    return find_files(folders, is_content_name, depth=1)


def check_candidate(path: Path, config: KioskConfig, stored_choice: str | None) -> ContentCandidate:
    """Check the file at ``path`` as ``content check`` does, and against this kiosk's languages.

    ``stored_choice`` is the staff's language choice as the store keeps it
    (None if they made none). Raises ``ContentError`` listing every problem,
    including a ``config.toml`` that offers a language the file lacks (the
    kiosk would refuse to start with it).
    """
    content, raw = check_content(path)
    try:
        configured = configured_languages(config, content)
    except ConfigError as exc:
        raise ContentError([ContentProblem(Path(path), "languages", str(exc))]) from None
    # A language the staff offer now that this file lacks stops being offered;
    # the staff's choice itself is kept, for when content that has it comes back.
    offered = stored_languages(content, stored_choice, configured)
    return ContentCandidate(Path(path), content, raw, offered)


def install_candidate(
    config: KioskConfig, candidate: ContentCandidate
) -> tuple[KioskConfig, Content]:
    """Copy a checked file into the data folder; return the config and content that now apply.

    Raises ``KioskError`` if the kiosk was started with ``--content`` (which
    would still win) or the copy cannot be written; nothing changes then.
    """
    refuse_under_option(config)
    target = installed_content_path(config.data_dir)
    try:
        make_private_folder(config.data_dir)
    except OSError as exc:
        raise KioskError(
            f"the data folder {config.data_dir} cannot be used: {exc.strerror}"
        ) from None
    write_atomically(target, lambda out: out.write(candidate.raw), what="the installed content")
    log.info("content installed: version %s", candidate.content.version_id)
    content = parse_content(candidate.raw, target)  # the same bytes, named by the copy
    return replace(config, content_path=target, content_source=ContentSource.INSTALLED), content


def remove_installed(data_dir: Path) -> bool:
    """Delete the installed content in ``data_dir``; return whether there was one."""
    target = installed_content_path(data_dir)
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise KioskError(
            f"the installed content {target} cannot be removed: {exc.strerror}"
        ) from None
    log.info("installed content removed")
    return True


def refuse_under_option(config: KioskConfig) -> None:
    """Refuse to change the content of a kiosk started with ``--content``: that file would win."""
    if config.content_source is ContentSource.OPTION:
        raise KioskError(
            f"This kiosk was started with --content {config.content_path}, which wins over "
            "content installed here; start it without --content to change its content."
        )
