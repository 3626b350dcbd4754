"""An event's figures, checked against a master store built by a real import.

Two kiosks at a campus fair, a dinner before it and a gala after it export
their sign-ups; the office imports the files into SQLite and into a real
PostgreSQL server. Every expected number below is counted by hand from the
sign-ups listed in ``EVENTS``, not by the code under test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kiosk.errors import KioskError
from kiosk.event_report import (
    UnknownEvent,
    busiest_hour,
    event_report,
    list_events,
    share,
    zone_named,
)
from kiosk.importer import import_exports
from kiosk.master import master_url_in, open_master
from kiosk.signup import WlfChoice
from tests.factories import MakeKiosk

BOSTON = timezone(timedelta(hours=-5))  # a fixed offset: no time-zone database needed
FAIR = "Campus Fair"
M, U, E, N = WlfChoice.MEMBER, WlfChoice.UPDATES, WlfChoice.EXISTING_MEMBER, WlfChoice.NONE


def _at(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


# (kiosk, event, place, time UTC, email, choice, pledge, email group)
EVENTS = [
    ("north", "Community Dinner", "Chicago, IL", _at(10, 23, 0), "dana@example.org", M, 0, 0),
    ("north", "Community Dinner", "Chicago, IL", _at(10, 23, 5), "lee@example.org", U, 0, 0),
    # The fair: Dana and Lee come back (Dana's email in capitals); new1 signs up twice.
    ("north", FAIR, "Boston, MA", _at(20, 14, 10), "DANA@example.org", E, 1, 1),  # 09:10 local
    ("north", FAIR, "Boston, MA", _at(20, 14, 40), "new1@example.org", M, 0, 1),  # 09:40
    ("north", FAIR, "Boston, MA", _at(20, 15, 5), "new2@example.org", N, 0, 0),  # 10:05
    ("north", FAIR, "Boston, MA", _at(22, 16, 30), "new1@example.org", M, 1, 1),  # 22nd 11:30
    ("south", FAIR, "Cambridge, MA", _at(20, 14, 20), "lee@example.org", U, 0, 0),  # 09:20
    ("south", FAIR, "Cambridge, MA", _at(20, 4, 30), "new3@example.org", M, 0, 0),  # 19th 23:30
    ("south", FAIR, "Cambridge, MA", _at(22, 17, 0), "new4@example.org", M, 0, 1),  # 22nd 12:00
    # After the fair: new2 again, now a known person.
    ("south", "Spring Gala", "Boston, MA", _at(25, 20, 0), "new2@example.org", U, 1, 0),
]


def import_events(make_kiosk: MakeKiosk, url: str) -> dict[str, str]:
    """Sign ``EVENTS`` up at two kiosks, export and import them; return the kiosks' ids."""
    kiosks = {name: make_kiosk(name) for name in ("north", "south")}
    for kiosk, event, place, when, email, choice, pledge, group in EVENTS:
        kiosks[kiosk].add(
            at=when,
            event=event,
            location=place,
            email=email,
            wlf_choice=choice,
            advocacy_pledge=bool(pledge),
            email_group_opt_in=bool(group),
        )
    files = [kiosk.export() for kiosk in kiosks.values()]
    assert import_exports(files, url).is_clean
    return {name: kiosk.store.kiosk_id for name, kiosk in kiosks.items()}


@dataclass(frozen=True)
class Imported:
    """The master store after the import, and the kiosks' ids (random, as a kiosk makes them)."""

    engine: Engine
    kiosk_ids: dict[str, str]


@pytest.fixture(params=["sqlite", "postgresql"])
def imported(
    request: pytest.FixtureRequest, make_kiosk: MakeKiosk, tmp_path: Path
) -> Iterator[Imported]:
    """The master store after importing both kiosks' exports, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        url = master_url_in(tmp_path)
    else:
        url = str(request.getfixturevalue("pg_url"))
    ids = import_events(make_kiosk, url)
    engine = open_master(url)
    yield Imported(engine, ids)
    engine.dispose()


@pytest.fixture
def master(imported: Imported) -> Engine:
    """The imported master store's engine."""
    return imported.engine


def test_the_events_are_listed_newest_first_with_their_sign_ups_and_kiosks(
    master: Engine,
) -> None:
    listed = [(e.name, e.signups, e.kiosks) for e in list_events(master)]
    assert listed == [("Spring Gala", 1, 1), (FAIR, 7, 2), ("Community Dinner", 2, 1)]
    fair = list_events(master)[1]
    assert (fair.first_at, fair.last_at) == (_at(20, 4, 30), _at(22, 17, 0))


def test_an_event_s_totals_count_people_once_and_the_returning_as_known(
    master: Engine,
) -> None:
    report = event_report(master, FAIR, zone=BOSTON)
    total = report.total
    assert (total.signups, total.people, total.new_people, total.known_people) == (7, 6, 4, 2)
    assert total.wlf == (4, 1, 1, 1)  # member, updates, already a member, none
    assert (total.pledges, total.email_group) == (2, 4)
    assert report.locations == ("Cambridge, MA", "Boston, MA")  # in the order of the sign-ups


def test_hours_and_days_are_counted_in_the_report_s_time_zone(master: Engine) -> None:
    total = event_report(master, FAIR, zone=BOSTON).total
    hours = dict(enumerate(total.per_hour))
    assert {hour: n for hour, n in hours.items() if n} == {9: 3, 10: 1, 11: 1, 12: 1, 23: 1}
    assert total.per_day == (
        (date(2026, 11, 19), 1),  # 04:30 UTC on the 20th is 23:30 the evening before
        (date(2026, 11, 20), 4),
        (date(2026, 11, 21), 0),  # a day with no sign-ups between two with some
        (date(2026, 11, 22), 2),
    )
    assert total.first_at == datetime(2026, 11, 19, 23, 30, tzinfo=BOSTON)
    in_utc = event_report(master, FAIR, zone=UTC).total
    assert [day for day, _ in in_utc.per_day] == [date(2026, 11, 20), date(2026, 11, 21)] + [
        date(2026, 11, 22)
    ]
    assert in_utc.per_hour[4] == 1 and in_utc.per_hour[14] == 3


def test_each_kiosk_has_its_own_figures_most_sign_ups_first(imported: Imported) -> None:
    kiosk_ids = imported.kiosk_ids
    report = event_report(imported.engine, FAIR, zone=BOSTON)
    assert [kiosk for kiosk, _ in report.kiosks] == [kiosk_ids["north"], kiosk_ids["south"]]
    north = report.figures_for(kiosk_ids["north"])
    assert (north.signups, north.people, north.new_people, north.known_people) == (4, 3, 2, 1)
    assert (north.wlf, north.pledges, north.email_group) == ((2, 0, 1, 1), 2, 3)
    south = report.figures_for(kiosk_ids["south"])
    assert (south.signups, south.people, south.new_people, south.known_people) == (3, 3, 2, 1)
    assert (south.wlf, south.pledges, south.email_group) == ((2, 1, 0, 0), 0, 1)
    assert north.new_people + south.new_people == report.total.new_people
    assert [n for _, n in south.per_day] == [1, 1, 0, 1]
    assert report.figures_for(None) == report.total


def test_someone_new_at_one_event_is_known_at_the_next(master: Engine) -> None:
    gala = event_report(master, "Spring Gala", zone=BOSTON).total
    assert (gala.signups, gala.people, gala.new_people, gala.known_people) == (1, 1, 0, 1)
    dinner = event_report(master, "Community Dinner", zone=BOSTON).total
    assert (dinner.people, dinner.new_people) == (2, 2)


@pytest.mark.parametrize(
    "name",
    [
        "Campus fair",  # another letter case is another event
        "No such event",
        "",
        "Fair\x1b[2J\x00",
        "יריד הקמפוס",
        "Campus Fair' OR '1'='1",
    ],
)
def test_an_event_without_sign_ups_is_refused_by_name(master: Engine, name: str) -> None:
    with pytest.raises(UnknownEvent) as raised:
        event_report(master, name, zone=BOSTON)
    assert repr(name) in str(raised.value)  # shown escaped, never as raw control characters


def test_a_report_without_a_zone_counts_in_this_computer_s_and_says_so(master: Engine) -> None:
    report = event_report(master, FAIR)
    assert report.time_zone.startswith("this computer's time zone")
    assert sum(report.total.per_hour) == 7


def test_a_report_is_dated_when_it_was_made(master: Engine) -> None:
    made = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    report = event_report(master, FAIR, zone=BOSTON, now=made)
    assert report.made_at == made and report.made_at.utcoffset() == timedelta(hours=-5)


def test_time_zones_are_named_as_iana_names_or_utc() -> None:
    assert zone_named("utc") is UTC
    for bad in ("Mars/Olympus_Mons", "../../etc/passwd", "", "America/New_York\x00"):
        with pytest.raises(KioskError, match="unknown time zone"):
            zone_named(bad)


def test_shares_and_the_busiest_hour() -> None:
    assert (share(1, 3), share(2, 3), share(0, 0)) == ("33\xa0%", "67\xa0%", "0\xa0%")
    assert busiest_hour([0] * 24) is None
    assert busiest_hour([0, 2, 5, 5] + [0] * 20) == 2
