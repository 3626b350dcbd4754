"""Export files as the office window lists them: which paths count, and each file's status.

No widgets here: the import tab keeps a list of ``FileEntry`` and the files
table draws it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.importer import CheckedExport
from ui.widgets.palette import OFFICE

EXPORT_SUFFIXES = (".csv", ".csv.age")

# Status of one file in the list.
CHECKING, READY, REJECTED, MERGING, MERGED = "checking", "ready", "rejected", "merging", "merged"
STATUS_COLORS = {
    CHECKING: OFFICE.checking,
    READY: OFFICE.good,
    REJECTED: OFFICE.error,
    MERGING: OFFICE.checking,
    MERGED: OFFICE.merged,
}


def is_export_file(path: Path) -> bool:
    """True for a file named like an export (``.csv`` or ``.csv.age``, any letter case)."""
    return path.name.lower().endswith(EXPORT_SUFFIXES)


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], int]:
    """Files to add from dropped or picked paths (folders searched one level deep).

    Returns ``(export files, how many other files were skipped)``; manifests
    (``.json``) beside the exports are expected and not counted as skipped.
    """
    found: list[Path] = []
    skipped = 0
    for path in paths:
        candidates = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            if is_export_file(candidate):
                found.append(candidate)
            elif not candidate.name.lower().endswith(".json"):
                skipped += 1
    return found, skipped


@dataclass
class FileEntry:
    """One file in the list and what is known about it so far."""

    path: Path
    status: str = CHECKING
    checked: CheckedExport | None = None
    detail: str = ""

    @property
    def is_encrypted(self) -> bool:
        if self.checked is not None and self.checked.encrypted:
            return True
        return self.path.name.lower().endswith(".age")
