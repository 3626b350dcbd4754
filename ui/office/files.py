"""Export files as the office window lists them: which paths count, and each file's status.

No widgets here: the import tab keeps a list of ``FileEntry`` and the files
table draws it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.importer import EXPORT_SUFFIXES, CheckedExport, expand_paths, is_export_file
from ui.office.palette import OFFICE

__all__ = ["EXPORT_SUFFIXES", "FileEntry", "expand_paths", "is_export_file"]

# Status of one file in the list.
CHECKING, READY, REJECTED, MERGING, MERGED = "checking", "ready", "rejected", "merging", "merged"
STATUS_COLORS = {
    CHECKING: OFFICE.checking,
    READY: OFFICE.good,
    REJECTED: OFFICE.error,
    MERGING: OFFICE.checking,
    MERGED: OFFICE.merged,
}


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
