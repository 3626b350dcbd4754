"""An event's figures from the master store: what organizers ask after each event.

How many signed up, how many of them were new to us, what they chose, when
the booth was busy, and which kiosk: per event and per kiosk within it. No
personal data: counts only, so a report can be printed or sent.

An event is its name, as the kiosks recorded it (``touchpoints.event_name``);
the places it was held under that name are listed. A *person* is a contact,
counted once however often they signed up. They are *new* at an event if
their first sign-up anywhere (earliest time, then sign-up id) is one of this
event's, and *known* if they had signed up at an earlier event. Per kiosk, a
person is new only at the kiosk where that first sign-up was made, so the
kiosks' new people add up to the event's.

Times are stored in UTC; the hours and days are counted in a time zone the
caller names, or in this computer's (by its rules for each moment, so a
report across a daylight-saving change counts each hour right). The report
says which.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, func, select

from kiosk.errors import KioskError
from kiosk.master import Touchpoint
from kiosk.signup import WlfChoice
from kiosk.validation import stored_value_problem

HOURS = 24
WLF_CHOICES = tuple(WlfChoice)
"""The WLF choices in the order a report shows them."""
_ROWS_PER_FETCH = 5_000


class UnknownEvent(KioskError):
    """No sign-up in the master store is under the event asked for."""

    @classmethod
    def named(cls, name: str) -> UnknownEvent:
        """The error for ``name``, shown escaped (it may hold anything a person typed)."""
        return cls(f"no sign-ups under the event {name!r} in the master store")


@dataclass(frozen=True)
class EventSummary:
    """One event in the master store's list of events (times aware, UTC)."""

    name: str
    signups: int
    kiosks: int
    first_at: datetime
    last_at: datetime


@dataclass(frozen=True)
class Figures:
    """The counts of an event, or of one kiosk within it (times in the report's zone)."""

    signups: int = 0
    people: int = 0
    new_people: int = 0
    wlf: tuple[int, ...] = (0,) * len(WLF_CHOICES)  # sign-ups per choice, WLF_CHOICES order
    pledges: int = 0
    email_group: int = 0
    per_hour: tuple[int, ...] = (0,) * HOURS  # hour of the day 0-23, every day together
    per_day: tuple[tuple[date, int], ...] = ()  # every day from the first sign-up to the last
    first_at: datetime | None = None
    last_at: datetime | None = None

    @property
    def known_people(self) -> int:
        """People who had signed up before this event (or before this kiosk's first of theirs)."""
        return self.people - self.new_people


@dataclass(frozen=True)
class EventReport:
    """Everything a report on one event shows; no personal data."""

    name: str
    locations: tuple[str, ...]
    time_zone: str  # how the hours and days were counted, for the reader
    total: Figures
    kiosks: tuple[tuple[str, Figures], ...]  # (kiosk id, its figures), most sign-ups first
    made_at: datetime  # when the report was made, in its zone

    def figures_for(self, kiosk_id: str | None) -> Figures:
        """The event's figures (``None``), or one kiosk's."""
        if kiosk_id is None:
            return self.total
        return dict(self.kiosks)[kiosk_id]


def zone_named(name: str) -> tzinfo:
    """The time zone called ``name`` (an IANA name such as ``America/New_York``, or ``UTC``)."""
    if name.strip().upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise KioskError(
            f"unknown time zone {name!r}; give an IANA name such as America/New_York, or UTC"
        ) from None


def list_events(engine: Engine) -> list[EventSummary]:
    """Every event in the master store with its sign-ups, kiosks and time span, newest first."""
    query = (
        select(
            Touchpoint.event_name,
            func.count(),
            func.count(Touchpoint.kiosk_id.distinct()),
            func.min(Touchpoint.created_at),
            func.max(Touchpoint.created_at),
        )
        .group_by(Touchpoint.event_name)
        .order_by(func.max(Touchpoint.created_at).desc(), Touchpoint.event_name)
    )
    with engine.connect() as connection:
        return [
            EventSummary(name, int(signups), int(kiosks), _utc(first), _utc(last))
            for name, signups, kiosks, first, last in connection.execute(query)
        ]


def event_report(
    engine: Engine, name: str, *, zone: tzinfo | None = None, now: datetime | None = None
) -> EventReport:
    """The figures of the event called ``name``, hours and days counted in ``zone``.

    ``zone`` None counts in this computer's time zone. Raises ``UnknownEvent``
    when the master store has no sign-up under that name.
    """
    if stored_value_problem("event_name", name):
        # No kiosk records such a name (a control character, say), and PostgreSQL
        # would refuse a NUL in the query: there is nothing to look up.
        raise UnknownEvent.named(name)
    total = _Tally()
    kiosks: dict[str, _Tally] = {}
    locations: dict[str, None] = {}
    for row in _event_rows(engine, name):
        local = _local(_utc(row.created_at), zone)
        total.add(row, local)
        kiosks.setdefault(row.kiosk_id, _Tally()).add(row, local)
        if row.event_location:
            locations.setdefault(row.event_location, None)
    if not total.signups:
        raise UnknownEvent.named(name)
    by_kiosk = sorted(kiosks.items(), key=lambda item: (-item[1].signups, item[0]))
    made_at = _local(now or datetime.now(UTC), zone)
    first = total.first
    assert first is not None
    return EventReport(
        name=name,
        locations=tuple(locations),
        time_zone=_zone_label(zone, first),
        total=total.figures(),
        kiosks=tuple((kiosk, tally.figures()) for kiosk, tally in by_kiosk),
        made_at=made_at,
    )


def _event_rows(engine: Engine, name: str) -> Iterator[Any]:
    """The event's sign-ups, each with ``rank`` 1 if it is its person's first anywhere."""
    people_here = (
        select(Touchpoint.contact_id).where(Touchpoint.event_name == name).distinct().subquery()
    )
    rank = (
        func.row_number()
        .over(
            partition_by=Touchpoint.contact_id,
            order_by=(Touchpoint.created_at, Touchpoint.signup_id),
        )
        .label("rank")
    )
    ranked = (
        select(
            Touchpoint.contact_id,
            Touchpoint.event_name,
            Touchpoint.event_location,
            Touchpoint.kiosk_id,
            Touchpoint.created_at,
            Touchpoint.wlf_choice,
            Touchpoint.email_group_opt_in,
            Touchpoint.advocacy_pledge,
            rank,
        )
        .join(people_here, people_here.c.contact_id == Touchpoint.contact_id)
        .subquery()
    )
    # In time order, so the places are listed in the order the event came to them.
    query = select(ranked).where(ranked.c.event_name == name).order_by(ranked.c.created_at)
    with engine.connect() as connection:
        yield from connection.execution_options(yield_per=_ROWS_PER_FETCH).execute(query)


@dataclass
class _Tally:
    """Counts kept while an event's sign-ups stream past."""

    signups: int = 0
    people: set[int] = field(default_factory=set)
    new_people: int = 0
    wlf: Counter[str] = field(default_factory=Counter)
    pledges: int = 0
    email_group: int = 0
    hours: list[int] = field(default_factory=lambda: [0] * HOURS)
    days: Counter[date] = field(default_factory=Counter)
    first: datetime | None = None
    last: datetime | None = None

    def add(self, row: Any, local: datetime) -> None:
        self.signups += 1
        self.people.add(row.contact_id)
        self.new_people += row.rank == 1
        self.wlf[row.wlf_choice] += 1
        self.pledges += bool(row.advocacy_pledge)
        self.email_group += bool(row.email_group_opt_in)
        self.hours[local.hour] += 1
        self.days[local.date()] += 1
        self.first = local if self.first is None else min(self.first, local)
        self.last = local if self.last is None else max(self.last, local)

    def figures(self) -> Figures:
        return Figures(
            signups=self.signups,
            people=len(self.people),
            new_people=self.new_people,
            wlf=tuple(self.wlf[choice.value] for choice in WLF_CHOICES),
            pledges=self.pledges,
            email_group=self.email_group,
            per_hour=tuple(self.hours),
            per_day=tuple(every_day(self.days)),
            first_at=self.first,
            last_at=self.last,
        )


def every_day(counts: Counter[date]) -> Iterator[tuple[date, int]]:
    """Each day from the first counted to the last, with its count (0 for a day between)."""
    if not counts:
        return
    day, last = min(counts), max(counts)
    while day <= last:
        yield day, counts[day]
        day += timedelta(days=1)


def share(part: int, whole: int) -> str:
    """``part`` as a whole percentage of ``whole`` ("0 %" of nothing); the space does not
    break, so a wrapped line never starts with the "%"."""
    return f"{round(100 * part / whole) if whole else 0}\u00a0%"


def busiest_hour(per_hour: Sequence[int]) -> int | None:
    """The hour of the day with the most sign-ups (the earliest of equals), or None."""
    if not any(per_hour):
        return None
    return max(range(len(per_hour)), key=lambda hour: (per_hour[hour], -hour))


def _utc(moment: datetime) -> datetime:
    """A stored time (naive UTC) made aware."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    # astimezone() with no zone applies this computer's rules for that moment.
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def _zone_label(zone: tzinfo | None, sample: datetime) -> str:
    """How a report names the zone its hours are in: "America/New_York", "UTC", or this
    computer's ("this computer's time zone, EST")."""
    if zone is None:
        return f"this computer's time zone, {sample.tzname() or 'local time'}"
    return str(getattr(zone, "key", None) or sample.tzname() or zone)
