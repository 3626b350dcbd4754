"""Events staff leave out of an import: a booth's test sign-ups never reach the master store.

``p2p-kiosk import --skip-event "Setup test"`` (or the office window's list
of events) leaves every sign-up under that event out of the merge, so neither
the master store nor the CRM file ever holds it. Names match in any letter
case and spacing (``event_key``). The store remembers, per file, which events
were left out (``left_out_events``): importing the file again without leaving
them out merges them then, so a slip of the tongue loses nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from itertools import compress

from sqlalchemy import Connection, delete, insert, select

from kiosk.csvformat import COLUMNS
from kiosk.export_check import FileCells
from kiosk.master import LeftOutEvent

_EVENT = COLUMNS.index("event_name")


def event_key(name: str) -> str:
    """An event's name as leaving it out matches it: any letter case, spaces folded."""
    return " ".join(name.casefold().split())


def event_keys(names: Iterable[str]) -> frozenset[str]:
    """The keys of ``names`` (blank names are none)."""
    return frozenset(key for key in map(event_key, names) if key)


def without_events(
    cells: FileCells, skipped: Collection[str], left_out: Counter[str]
) -> FileCells | None:
    """``cells`` without the sign-ups under the events keyed ``skipped``; None if none is left.

    Counts each sign-up left out in ``left_out``, by its event's name.
    """
    if not skipped:
        return cells
    events = cells.columns[_EVENT]
    wanted = {name: event_key(name) not in skipped for name in set(events)}
    if all(wanted.values()):
        return cells
    keep = list(map(wanted.__getitem__, events))
    left_out.update(name for name, kept in zip(events, keep, strict=True) if not kept)
    times = list(compress(cells.times, keep))
    if not times:
        return None
    return FileCells(
        columns=tuple(list(compress(column, keep)) for column in cells.columns),
        times=times,
        first_created_at=min(times),
        last_created_at=max(times),
    )


def events_left_out(connection: Connection, sha256: str) -> set[str]:
    """The events left out of the file with this hash when it was imported (names as spelled)."""
    rows = connection.execute(select(LeftOutEvent.event_name).where(LeftOutEvent.sha256 == sha256))
    return {name for (name,) in rows}


def record_left_out(connection: Connection, sha256: str, names: Iterable[str]) -> None:
    """Remember that the events ``names`` of this file are left out (and no others)."""
    connection.execute(delete(LeftOutEvent).where(LeftOutEvent.sha256 == sha256))
    rows = [{"sha256": sha256, "event_name": name} for name in sorted(set(names))]
    if rows:
        connection.execute(insert(LeftOutEvent), rows)
