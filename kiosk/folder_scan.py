"""Finding files by name on a USB stick: the folders given and their subfolders, a bounded look.

The staff panel looks for the office's receipts and for content files this
way. A stick full of photos must not stall the panel, so each folder is read
only so far; hidden folders (``.Trashes``, ``.Spotlight-V100``) and system
ones (``$RECYCLE.BIN``) and links to folders are never entered.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

MAX_ENTRIES_PER_FOLDER = 5_000


def find_files(
    folders: Iterable[Path], wanted: Callable[[str], bool], *, depth: int = 1
) -> list[Path]:
    """Return the files whose names ``wanted`` accepts in ``folders``, ``depth`` levels down.

    A link or pipe with a wanted name is returned too, so that whoever opens
    it says why it is refused. Sorted by name, then path; each path once.
    """
    found: dict[str, Path] = {}
    for folder in folders:
        for path in _scan(Path(folder), wanted, depth):
            found.setdefault(os.path.normcase(os.path.abspath(path)), path)
    return sorted(found.values(), key=lambda p: (p.name, str(p)))


def _scan(folder: Path, wanted: Callable[[str], bool], depth: int) -> list[Path]:
    hits: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            for count, entry in enumerate(entries):
                if count >= MAX_ENTRIES_PER_FOLDER:
                    break
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:
                    continue
                if is_dir:
                    if depth > 0 and not entry.name.startswith((".", "$")):
                        hits.extend(_scan(Path(entry.path), wanted, depth - 1))
                elif wanted(entry.name):
                    hits.append(Path(entry.path))
    except OSError:
        pass  # a drive pulled or a folder we may not read: nothing found there
    return hits
