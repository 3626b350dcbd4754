"""The office import: check export files against their manifests, merge them into the master.

The entry points and the run's report live here; the work is in two halves:
``kiosk.export_check`` reads and checks one file (``check_export``, never
raising for a bad file), ``kiosk.merge`` merges a checked file into the master
store (one transaction per file, ``ON CONFLICT`` deduplicating). Both halves'
public names are re-exported, so ``from kiosk.importer import check_export``
keeps working.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from sqlalchemy import Engine

from kiosk.errors import KioskError
from kiosk.export_check import (
    MANIFEST_SUFFIX,
    CheckedExport,
    FileCells,
    FileChanged,
    check_export,
    manifest_path_for,
    manifest_rows,
)
from kiosk.left_out import event_keys
from kiosk.master import checkpoint_sqlite, open_master
from kiosk.merge import ImportFailed, MergeCounts, merge_file

__all__ = [
    "EXPORT_SUFFIXES",
    "MANIFEST_SUFFIX",
    "AfterMerge",
    "CheckedExport",
    "FileCells",
    "FileChanged",
    "FileOutcome",
    "ImportFailed",
    "ImportReport",
    "Progress",
    "check_export",
    "find_exports",
    "import_exports",
    "is_export_file",
    "manifest_path_for",
    "merge_exports",
]

EXPORT_SUFFIXES = (".csv", ".csv.age")


def is_export_file(path: Path) -> bool:
    """True for a file named like an export (``.csv`` or ``.csv.age``, any letter case)."""
    return path.name.lower().endswith(EXPORT_SUFFIXES)


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], int]:
    """The export files among ``paths``, a folder standing for the exports in it (one level).

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


def find_exports(paths: Iterable[Path]) -> list[Path]:
    """The files an import of ``paths`` reads: each file as named, each folder's exports.

    A USB stick's folder (``/media/$USER/STICK``) gives its ``.csv`` and
    ``.csv.age`` exports, plain and encrypted alike. Raises ``KioskError`` for
    a path that does not exist, or a folder with no export in it, before
    anything is read.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if not path.exists():
            raise KioskError(f"No such file or folder: {path}")
        if path.is_dir():
            exports, _ = expand_paths([path])
            if not exports:
                raise KioskError(f"No export files (.csv or .csv.age) in the folder {path}")
            found += exports
        else:
            found.append(path)
    return list(dict.fromkeys(found))


Progress = Callable[[int, int], None]
"""Called as ``progress(rows_done, rows_total)`` while merging."""

AfterMerge = Callable[[CheckedExport, "FileOutcome"], None]
"""Called as ``after_merge(checked_file, outcome)`` once each accepted file is merged
(``kiosk.receipts.ReceiptBook.record`` notes what the office now holds, for its receipt)."""


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file in an import."""

    path: Path
    accepted: bool
    reason: str  # why it was rejected, or a note ("already imported") when accepted
    rows: int
    conflicts: int = 0  # sign-ups whose id was stored already with other values (kept as stored)
    left_out: int = 0  # sign-ups under events staff left out (not merged)

    @property
    def conflict_note(self) -> str:
        """A sentence about the file's conflicting sign-ups, or empty when it has none."""
        if not self.conflicts:
            return ""
        count = "1 sign-up has" if self.conflicts == 1 else f"{self.conflicts} sign-ups have"
        return (
            f"{count} the id of a sign-up already imported, with other values: "
            "the first import was kept"
        )


@dataclass(frozen=True)
class ImportReport:
    """The totals of one import run, for the command line and the office screen."""

    files: tuple[FileOutcome, ...]
    signups_new: int
    signups_present: int
    contacts_new: int
    contacts_updated: int
    signups_conflicting: int = 0
    # Sign-ups not merged because staff left their event out, by event name.
    left_out: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    # The events the accepted files hold (their manifests'), to tell a mistyped name.
    event_names: frozenset[str] = frozenset()

    @property
    def rejected(self) -> tuple[FileOutcome, ...]:
        """The files that were not imported."""
        return tuple(f for f in self.files if not f.accepted)

    @property
    def conflicting(self) -> tuple[FileOutcome, ...]:
        """The files merged with sign-ups that conflict with ones already imported."""
        return tuple(f for f in self.files if f.conflicts)

    @property
    def is_clean(self) -> bool:
        """True if every file was merged and none brought a conflicting sign-up."""
        return not self.rejected and not self.conflicting

    def summary_lines(self) -> list[str]:
        """Describe the run in a few lines: files, sign-ups, contacts, every rejection and conflict.

        File names and reasons are as they are: a terminal needs them made
        safe (``kiosk.terminal``).
        """
        accepted = [f for f in self.files if f.accepted]
        lines = [f"Files: {len(accepted)} accepted, {len(self.rejected)} rejected"]
        for outcome in self.files:
            if outcome.accepted:
                note = f"; {outcome.reason}" if outcome.reason else ""
                lines.append(f"  accepted {outcome.path.name} ({outcome.rows} rows{note})")
                if outcome.conflicts:
                    lines.append(f"  CONFLICT in {outcome.path.name}: {outcome.conflict_note}")
            else:
                lines.append(f"  REJECTED {outcome.path.name}: {outcome.reason}")
        conflicting = (
            f", {self.signups_conflicting} in conflict (not merged)"
            if self.signups_conflicting
            else ""
        )
        lines.append(
            f"Sign-ups: {self.signups_new} new, {self.signups_present} already present"
            + conflicting
        )
        lines.append(f"Contacts: {self.contacts_new} new, {self.contacts_updated} updated")
        for event, count in sorted(self.left_out.items()):
            signups = "1 sign-up" if count == 1 else f"{count} sign-ups"
            lines.append(f"Left out: {signups} under the event {event!r} (not merged)")
        return lines

    def unmatched(self, skip_events: Iterable[str]) -> list[str]:
        """The names in ``skip_events`` that no event of the accepted files has (a typo?)."""
        held = event_keys(self.event_names)
        return [name for name in skip_events if not event_keys([name]) <= held]


def merge_exports(
    checked: Sequence[CheckedExport],
    url: str,
    *,
    progress: Progress | None = None,
    after_merge: AfterMerge | None = None,
    skip_events: Collection[str] = (),
) -> ImportReport:
    """Merge the checked exports into the master store at ``url``, one transaction per file.

    Sign-ups under the events named in ``skip_events`` are left out
    (``kiosk.left_out``). Files that failed their check are reported as
    rejected and merged not at all. Raises ``MasterError`` if the store cannot
    be opened, ``ImportFailed`` if it fails mid-way (files merged before stay
    merged; the failing one is rolled back whole).
    """
    engine = open_master(url)
    try:
        total = sum(c.rows for c in checked if c.ok)
        return _merge_all(
            engine,
            iter(checked),
            total,
            progress,
            after_merge=after_merge,
            skipped=event_keys(skip_events),
        )
    finally:
        engine.dispose()


def import_exports(
    paths: Sequence[Path],
    url: str,
    *,
    identity: Path | None = None,
    progress: Progress | None = None,
    after_merge: AfterMerge | None = None,
    skip_events: Collection[str] = (),
) -> ImportReport:
    """Check each file and merge the good ones; a bad file never stops the others.

    Sign-ups under the events named in ``skip_events`` are left out.

    Files are checked and merged one at a time, so memory holds at most two
    files' rows: the next file is checked in a thread only while the current
    one's merge waits on the database (see ``_CheckAhead``).
    """
    engine = open_master(url)  # fail early, before reading any file, on a bad store
    try:
        total = sum(manifest_rows(Path(p)) for p in paths)
        with _CheckAhead(paths, identity) as checked:
            return _merge_all(
                engine,
                checked,
                total,
                progress,
                checked.start_next,
                after_merge=after_merge,
                skipped=event_keys(skip_events),
            )
    finally:
        engine.dispose()


class _CheckAhead:
    """The files' checks in order, the next one started in a thread while the merge waits.

    The merge's long INSERT ... SELECTs and its commit (writing the WAL, then
    fsync) release the GIL for tens of milliseconds, so checking the next file
    then is nearly free on a second core (``merge_file`` calls ``start_next``).
    Checking during an executemany did not pay: SQLite releases the GIL for
    every row and the two threads then queue for it. ``check_export`` never
    raises for a bad file, and the collector pause it takes is counted, so it
    is thread-safe.
    """

    def __init__(self, paths: Sequence[Path], identity: Path | None) -> None:
        self._paths = [Path(p) for p in paths]
        self._identity = identity
        self._taken = 0
        self._pending: Future[CheckedExport] | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="check-export")

    def __enter__(self) -> _CheckAhead:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __iter__(self) -> Iterator[CheckedExport]:
        return self

    def __next__(self) -> CheckedExport:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            return pending.result()
        if self._taken >= len(self._paths):
            raise StopIteration
        self._taken += 1
        return check_export(self._paths[self._taken - 1], identity=self._identity)

    def start_next(self) -> None:
        """Start checking the next file in the thread, unless it is started already."""
        if self._pending is None and self._taken < len(self._paths):
            self._taken += 1
            self._pending = self._pool.submit(
                check_export, self._paths[self._taken - 1], identity=self._identity
            )


def _merge_all(
    engine: Engine,
    checked: Iterator[CheckedExport],
    total: int,
    progress: Progress | None,
    before_wait: Callable[[], None] = lambda: None,
    *,
    after_merge: AfterMerge | None = None,
    skipped: frozenset[str] = frozenset(),
) -> ImportReport:
    done = 0
    totals = MergeCounts()
    outcomes = []
    events: set[str] = set()
    for item in checked:
        if not item.ok:
            outcomes.append(FileOutcome(item.path, False, item.reason, item.rows))
            done += item.rows
            continue

        def step(rows: int, base: int = done) -> None:
            if progress is not None:
                progress(min(base + rows, total), total)

        try:
            merged = merge_file(engine, item, totals, step, before_wait, skipped=skipped)
        except FileChanged as changed:
            outcomes.append(FileOutcome(item.path, False, str(changed), item.rows))
        else:
            outcome = FileOutcome(
                item.path, True, merged.note, item.rows, merged.conflicts, merged.left_out
            )
            outcomes.append(outcome)
            events.update(item.event_names)
            if after_merge is not None:
                after_merge(item, outcome)
        done += item.rows
    checkpoint_sqlite(engine)
    if progress is not None:
        progress(total, total)
    return ImportReport(
        files=tuple(outcomes),
        signups_new=totals.signups_new,
        signups_present=totals.signups_present,
        contacts_new=totals.contacts_new,
        contacts_updated=totals.contacts_updated,
        signups_conflicting=totals.signups_conflicting,
        left_out=MappingProxyType(dict(totals.left_out)),
        event_names=frozenset(events),
    )
