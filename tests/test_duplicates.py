"""Possible duplicates in the master store, and staff's decisions on them.

Every store test runs against a SQLite file and a real PostgreSQL database
(``master_url``); the contacts arrive as staff's do, exported by real kiosk
stores and imported.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Engine, insert, inspect
from sqlalchemy.exc import IntegrityError

from kiosk.content import Content
from kiosk.crm import write_crm_file
from kiosk.demo import demo_records
from kiosk.duplicates import (
    SAME_PHONE,
    SAME_POSTAL_CODE,
    Candidate,
    Decision,
    DuplicateError,
    decisions,
    edits_apart,
    find_candidates,
    mark_not_same,
    merge_contacts,
    name_key,
    postal_key,
    refresh_keys,
    undo_decision,
)
from kiosk.importer import import_exports
from kiosk.master import ContactRow, DuplicateDecision, open_master
from kiosk.people import iter_people, people_with_ids, recent_people, search_people
from tests.factories import DANA_AT_WORK, DANA_PERSONAL, ExportingKiosk, MakeKiosk

T0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


@pytest.fixture
def engine(master_url: str) -> Iterator[Engine]:
    opened = open_master(master_url)
    yield opened
    opened.dispose()


def _imported(url: str, kiosk: ExportingKiosk) -> None:
    report = import_exports([kiosk.export()], url)
    assert report.is_clean, report.summary_lines()


def _person(engine: Engine, email: str) -> ContactRow:
    """The person (merged or not) whose emails include ``email``."""
    found = [p for p in iter_people(engine) if email.lower() in (e.lower() for e in p.emails)]
    assert len(found) == 1, found
    return found[0]


def _only(candidates: list[Candidate]) -> Candidate:
    assert len(candidates) == 1, candidates
    return candidates[0]


def _merge_the_pair(engine: Engine) -> Decision:
    """Merge the store's one possible duplicate, as staff would; return the decision."""
    pair = _only(find_candidates(engine))
    return merge_contacts(engine, pair.first, pair.second)


def _pair(candidate: Candidate) -> tuple[int, int]:
    return candidate.first, candidate.second


def _under_two_emails(
    make_kiosk: MakeKiosk, url: str, later: timedelta, first: dict[str, Any], then: dict[str, Any]
) -> ExportingKiosk:
    """Someone at the fair as dana@a.org, then ``later`` as dana@b.org (same ZIP), imported.

    ``first`` and ``then`` add to the two sign-ups' answers.
    """
    kiosk = make_kiosk("fair")
    kiosk.add(at=T0, email="dana@a.org", postal_code="02139", **first)
    kiosk.add(at=T0 + later, email="dana@b.org", postal_code="02139", **then)
    _imported(url, kiosk)
    return kiosk


@pytest.fixture
def dana(make_kiosk: MakeKiosk, master_url: str) -> tuple[ExportingKiosk, str]:
    """Dana Levi under her personal email at one event, under her work email at another."""
    kiosk = make_kiosk("fair")
    kiosk.add(at=T0, **DANA_PERSONAL)
    kiosk.add(
        at=T0 + timedelta(minutes=5),
        first_name="Noa",
        last_name="Cohen",
        email="noa@example.org",
    )
    kiosk.add(at=T0 + timedelta(days=3), first_name="DANA", last_name="LEVI ", **DANA_AT_WORK)
    _imported(master_url, kiosk)
    return kiosk, master_url


# The keys ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        (("Björn", "Åström"), "bjorn astrom"),
        (("  BJORN ", " astrom\t"), "bjorn astrom"),
        (("José", "Núñez"), "jose nunez"),
        (("Miriam", "O\u2019Connor"), "miriam oconnor"),  # typographic apostrophe
        (("Miriam", "O'Connor"), "miriam oconnor"),
        (("Zoë", "Brontë-Smith"), "zoe bronte smith"),
        (("Ｄａｎａ", "Ｌｅｖｉ"), "dana levi"),  # full-width letters
        (("ß", "Straße"), "ss strasse"),
        (("שָׁלוֹם", "כֹּהֵן"), "שלום כהן"),  # Hebrew with niqqud
        (("אביגיל", "בן\u05beדוד"), "אביגיל בן דוד"),  # maqaf reads as a space
        (("مُحَمَّد", "عـــلي"), "محمد علي"),  # harakat, and tatweel stretching a word
        (("أحمد", "إبراهيم"), "احمد ابراهيم"),  # hamza on alef folds to alef
        (("Dana\u200d", "\u202eLevi"), "dana levi"),  # joiner and a right-to-left override
        (("\u0301\u0302", "\u05b0"), ""),  # nothing but marks
    ],
)
def test_names_fold_case_accents_and_spacing_in_every_script(
    typed: tuple[str, str], folded: str
) -> None:
    assert name_key(*typed) == folded


@pytest.mark.parametrize(
    ("typed", "folded"),
    [("02139", "02139"), ("02139-4307", "02139"), (" sw1a 1aa ", "SW1A1AA"), ("", "")],
)
def test_postal_codes_fold_case_and_spaces_and_zip_plus_four(typed: str, folded: str) -> None:
    assert postal_key(typed) == folded


@pytest.mark.parametrize(
    ("first", "second", "edits"),
    [
        ("dana.levi@gmail.com", "dana.levi@gmail.com", 0),
        ("dana.levi@gmail.com", "dnaa.levi@gmail.com", 1),  # neighbours swapped
        ("dana.levi@gmail.com", "dana.levi@gmial.com", 1),
        ("dana.levi@gmail.com", "dana.lev@gmail.com", 1),
        ("dana.levi@gmail.com", "dana.levy@gmail.co", 2),
        ("ca@x.org", "abc@x.org", 2),  # a swap with a letter between: 2 here, 3 without swaps
        ("dana.levi@gmail.com", "d.levi@work.example.org", None),
    ],
)
def test_emails_apart(first: str, second: str, edits: int | None) -> None:
    assert edits_apart(first, second) == edits
    assert edits_apart(second, first) == edits


def _damerau_levenshtein(a: str, b: str) -> int:
    """The unrestricted distance, by the full table (Lowrance and Wagner's algorithm)."""
    last_row: dict[str, int] = {}
    far = len(a) + len(b)
    table = [[far] * (len(b) + 2)] + [[far] + [0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        table[i + 1][1] = i
    for j in range(len(b) + 1):
        table[1][j + 1] = j
    for i in range(1, len(a) + 1):
        last_match = 0
        for j in range(1, len(b) + 1):
            k, m = last_row.get(b[j - 1], 0), last_match
            cost = 0 if a[i - 1] == b[j - 1] else 1
            if not cost:
                last_match = j
            table[i + 1][j + 1] = min(
                table[i][j] + cost,
                table[i + 1][j] + 1,
                table[i][j + 1] + 1,
                table[k][m] + (i - k - 1) + 1 + (j - m - 1),
            )
        last_row[a[i - 1]] = i
    return table[len(a) + 1][len(b) + 1]


@settings(max_examples=400, deadline=None)
@given(st.text("abc@.", max_size=9), st.text("abc@.", max_size=9))
def test_emails_apart_is_the_damerau_levenshtein_distance_up_to_two(a: str, b: str) -> None:
    distance = _damerau_levenshtein(a, b)
    assert edits_apart(a, b) == (distance if distance <= 2 else None)


# Finding them --------------------------------------------------------------------------


def test_an_empty_store_has_no_possible_duplicates(engine: Engine) -> None:
    assert find_candidates(engine) == []
    assert decisions(engine) == []


def test_the_demo_data_shows_bjorn_astrom_under_two_emails(
    make_kiosk: MakeKiosk, master_url: str, engine: Engine, content: Content
) -> None:
    kiosk = make_kiosk("demo")
    kiosk.store.insert_records(
        demo_records(60, seed=4, kiosk_id=kiosk.store.kiosk_id, consent=content.consent)
    )
    _imported(master_url, kiosk)

    bjorn = [c for c in find_candidates(engine) if name_key("Björn", "Åström") in _names(engine, c)]
    pair = _only(bjorn)
    people = people_with_ids(engine, [pair.first, pair.second])
    first, second = people[pair.first], people[pair.second]
    assert (first.first_name, first.last_name) == (second.first_name, second.last_name)
    assert first.first_name == "Björn" and first.email != second.email
    assert SAME_PHONE in pair.reasons and SAME_POSTAL_CODE in pair.reasons


def _names(engine: Engine, candidate: Candidate) -> set[str]:
    people = people_with_ids(engine, [candidate.first, candidate.second])
    return {name_key(p.first_name, p.last_name) for p in people.values()}


def test_same_name_and_zip_or_phone_or_a_near_email_is_a_possible_duplicate(
    make_kiosk: MakeKiosk, master_url: str, engine: Engine
) -> None:
    kiosk = make_kiosk("fair")
    people: list[dict[str, Any]] = [
        {"first_name": "Ruth", "last_name": "Goldberg", "email": "ruth@a.org", "phone": ""},
        {"first_name": "ruth", "last_name": "GOLDBERG", "email": "rg@b.org", "phone": ""},
        {"first_name": "Layla", "last_name": "حداد", "email": "layla@a.org", "postal_code": ""},
        {"first_name": "Layla", "last_name": "حَدّاد", "email": "l.h@b.org", "postal_code": ""},
        {"first_name": "Grace", "last_name": "Kim", "email": "grace.kim@gmail.com", "phone": ""},
        {"first_name": "Grace", "last_name": "Kim", "email": "grcae.kim@gmail.com", "phone": ""},
        # Same name, nothing else in common: two people.
        {"first_name": "Hannah", "last_name": "Weiss", "email": "hw@a.org", "phone": ""},
        {"first_name": "Hannah", "last_name": "Weiss", "email": "hannah@b.org", "phone": ""},
        # Same phone and ZIP, other names: two people (a family).
        {"first_name": "Sam", "last_name": "Weiss", "email": "sam@a.org"},
    ]
    postal_codes = ["02139", "02139-4307", "", "", "10027", "60614", "20001", "90024", "20001"]
    for n, (person, postal_code) in enumerate(zip(people, postal_codes, strict=True)):
        person.setdefault("postal_code", postal_code)
        kiosk.add(at=T0 + timedelta(minutes=n), **person)
    _imported(master_url, kiosk)

    found = {frozenset(_emails_of(engine, c)): c.reasons for c in find_candidates(engine)}
    assert found == {
        frozenset({"ruth@a.org", "rg@b.org"}): (SAME_POSTAL_CODE,),
        frozenset({"layla@a.org", "l.h@b.org"}): (SAME_PHONE,),
        frozenset({"grace.kim@gmail.com", "grcae.kim@gmail.com"}): ("emails 1 edit apart",),
    }


def _emails_of(engine: Engine, candidate: Candidate) -> set[str]:
    people = people_with_ids(engine, [candidate.first, candidate.second])
    return {email for person in people.values() for email in person.emails}


def test_a_contact_renamed_by_a_newer_sign_up_is_compared_by_its_new_name(
    make_kiosk: MakeKiosk, master_url: str, engine: Engine
) -> None:
    kiosk = make_kiosk("fair")
    kiosk.add(at=T0, first_name="Dana", last_name="Levi", email="dana@a.org")
    kiosk.add(at=T0, first_name="Dana", last_name="Cohen", email="dc@b.org")
    _imported(master_url, kiosk)
    assert find_candidates(engine) == []  # two names; the keys are made now
    kiosk.add(at=T0 + timedelta(days=1), first_name="Dana", last_name="Cohen", email="dana@a.org")
    _imported(master_url, kiosk)

    assert _emails_of(engine, _only(find_candidates(engine))) == {"dana@a.org", "dc@b.org"}
    assert refresh_keys(engine) == 0  # nothing new since


# Merging -------------------------------------------------------------------------------


def test_a_merge_makes_one_person_with_both_emails_the_newer_profile_and_every_sign_up(
    dana: tuple[ExportingKiosk, str], engine: Engine
) -> None:
    pair = _only(find_candidates(engine))
    assert set(pair.reasons) == {SAME_POSTAL_CODE}

    merge_contacts(engine, pair.first, pair.second)

    person = _person(engine, "dana.levi@gmail.com")
    assert person.emails == ("d.levi@work.example.org", "dana.levi@gmail.com")
    assert (person.first_name, person.last_name, person.phone) == ("DANA", "LEVI ", "+16175550199")
    assert person.touchpoints == 2
    assert person.event_names == ("Campus Fair", "Community Dinner")
    assert person.first_seen_at == T0
    assert person.last_seen_at == T0 + timedelta(days=3)
    assert len(list(iter_people(engine))) == 2  # Dana once, and Noa
    assert [p.emails for p in search_people(engine, "levi")] == [person.emails]
    assert [p.emails for p in recent_people(engine)][0] == person.emails
    assert find_candidates(engine) == []  # never asked again


def test_a_merged_person_keeps_an_older_phone_when_the_newest_sign_up_gave_none(
    make_kiosk: MakeKiosk, master_url: str, engine: Engine
) -> None:
    _under_two_emails(
        make_kiosk, master_url, timedelta(hours=1), {"phone": "+16175550100"}, {"phone": ""}
    )
    pair = _only(find_candidates(engine))
    merge_contacts(engine, pair.second, pair.first)  # either order

    person = _person(engine, "dana@a.org")
    assert person.email == "dana@b.org" and person.phone == "+16175550100"


def test_sign_ups_after_a_merge_join_the_person_under_either_email(
    dana: tuple[ExportingKiosk, str], engine: Engine
) -> None:
    kiosk, url = dana
    _merge_the_pair(engine)
    kiosk.add(
        at=T0 + timedelta(days=7),
        event="Gala",
        email="Dana.Levi@gmail.com",
        phone="+16175550111",
    )
    _imported(url, kiosk)

    person = _person(engine, "d.levi@work.example.org")
    assert person.email == "Dana.Levi@gmail.com"  # the newest sign-up's email leads
    assert person.other_emails == ("d.levi@work.example.org",)
    assert (person.first_name, person.phone, person.touchpoints) == ("Dana", "+16175550111", 3)
    assert person.event_names == ("Campus Fair", "Community Dinner", "Gala")
    assert find_candidates(engine) == []


def test_undo_splits_a_merge_and_offers_the_pair_again(
    dana: tuple[ExportingKiosk, str], engine: Engine
) -> None:
    pair = _only(find_candidates(engine))
    merged = merge_contacts(engine, pair.first, pair.second)

    undone = undo_decision(engine, merged.id)

    assert undone.undone_at is not None and undone.decision == "merged"
    assert _person(engine, "dana.levi@gmail.com").emails == ("dana.levi@gmail.com",)
    assert len(list(iter_people(engine))) == 3
    assert find_candidates(engine) == [pair]
    assert [(d.id, d.undone_at is not None) for d in decisions(engine)] == [(merged.id, True)]
    with pytest.raises(DuplicateError, match="undone already"):
        undo_decision(engine, merged.id)


def test_not_the_same_person_is_remembered(
    dana: tuple[ExportingKiosk, str], engine: Engine
) -> None:
    kiosk, url = dana
    pair = _only(find_candidates(engine))
    kept_apart = mark_not_same(engine, pair.first, pair.second)
    assert find_candidates(engine) == []
    # A new sign-up of one of them (new keys) does not bring the pair back.
    kiosk.add(at=T0 + timedelta(days=7), email="d.levi@work.example.org", postal_code="02139")
    _imported(url, kiosk)
    assert find_candidates(engine) == []
    assert len(list(iter_people(engine))) == 3
    with pytest.raises(DuplicateError, match="not the same person"):
        merge_contacts(engine, pair.first, pair.second)

    undo_decision(engine, kept_apart.id)
    assert _only(find_candidates(engine)).reasons == pair.reasons


def test_a_third_contact_joins_a_merged_person_and_is_offered_once(
    dana: tuple[ExportingKiosk, str], engine: Engine
) -> None:
    kiosk, url = dana
    first = _merge_the_pair(engine)
    # The same person again under a typo of her work email: close to one member, same
    # ZIP as both, offered once against the merged person.
    kiosk.add(at=T0 + timedelta(days=8), email="d.levi@wrok.example.org", postal_code="02139")
    _imported(url, kiosk)
    third = _only(find_candidates(engine))
    assert third.reasons == (SAME_POSTAL_CODE, "emails 1 edit apart")  # "work", "wrok"

    second = merge_contacts(engine, third.first, third.second)
    person = _person(engine, "dana.levi@gmail.com")
    assert set(person.emails) == {
        "dana.levi@gmail.com",
        "d.levi@work.example.org",
        "d.levi@wrok.example.org",
    }
    assert person.touchpoints == 3
    rows = _crm(url, Path(kiosk.usb), "salesforce-npsp")
    dana_row = next(r for r in rows if r["Contact1 Last Name"] == "Levi")
    assert dana_row["Contact1 Personal Email"] == "d.levi@wrok.example.org"
    assert dana_row["Contact1 Alternate Email"] == "d.levi@work.example.org"  # the next newest

    undo_decision(engine, first.id)  # the first two apart again; the third stays with one
    assert len(list(iter_people(engine))) == 3
    assert second.id != first.id


def _crm(url: str, folder: Path, profile: str) -> list[dict[str, str]]:
    out = folder / f"{profile}.csv"
    write_crm_file(url, out, profile=profile)
    with out.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_crm_file_carries_a_merged_person_once_with_every_email(
    dana: tuple[ExportingKiosk, str], engine: Engine
) -> None:
    kiosk, url = dana
    _merge_the_pair(engine)

    generic = _crm(url, kiosk.usb, "generic")
    assert [(r["email"], r["other_emails"], r["signups"]) for r in generic] == [
        ("d.levi@work.example.org", "dana.levi@gmail.com", "2"),
        ("noa@example.org", "", "1"),
    ]
    assert generic[0]["events"] == "Campus Fair; Community Dinner"
    mailchimp = _crm(url, kiosk.usb, "mailchimp")
    assert [r["Other Emails"] for r in mailchimp] == ["dana.levi@gmail.com", ""]


def test_a_merged_person_speaks_the_language_of_their_newest_sign_up_under_any_email(
    make_kiosk: MakeKiosk, master_url: str, engine: Engine
) -> None:
    kiosk = _under_two_emails(
        make_kiosk, master_url, timedelta(days=1), {"locale": "he"}, {"locale": "es"}
    )
    _merge_the_pair(engine)
    assert _person(engine, "dana@a.org").locale == "es"

    # Back under the first email, in Arabic: the person's language follows, wherever shown.
    kiosk.add(at=T0 + timedelta(days=2), email="dana@a.org", locale="ar")
    _imported(master_url, kiosk)

    assert _person(engine, "dana@b.org").locale == "ar"
    assert [p.locale for p in search_people(engine, "dana")] == ["ar"]
    assert [p.locale for p in recent_people(engine)] == ["ar"]
    assert [r["language"] for r in _crm(master_url, kiosk.usb, "generic")] == ["ar"]


def test_the_crm_workbook_carries_a_merged_person_once_as_the_csv_does(
    dana: tuple[ExportingKiosk, str], engine: Engine
) -> None:
    kiosk, url = dana
    _merge_the_pair(engine)
    out = kiosk.usb / "contacts.xlsx"

    assert write_crm_file(url, out, profile="generic") == 2
    sheet = openpyxl.load_workbook(out).active
    assert isinstance(sheet, Worksheet)
    headers, *rows = sheet.iter_rows(values_only=True)
    got = [dict(zip(headers, row, strict=True)) for row in rows]
    assert [(r["email"], r["other_emails"] or "", r["signups"]) for r in got] == [
        ("d.levi@work.example.org", "dana.levi@gmail.com", 2),
        ("noa@example.org", "", 1),
    ]
    csv_rows = _crm(url, kiosk.usb, "generic")
    assert [r["email"] for r in csv_rows] == [r["email"] for r in got]


# Decisions refused ---------------------------------------------------------------------


def test_a_pair_is_decided_once(dana: tuple[ExportingKiosk, str], engine: Engine) -> None:
    first, second = _pair(_only(find_candidates(engine)))
    merge_contacts(engine, first, second)
    with pytest.raises(DuplicateError, match="one person already"):
        merge_contacts(engine, second, first)
    with pytest.raises(DuplicateError, match="one person already"):
        mark_not_same(engine, first, second)
    assert len(decisions(engine)) == 1


def test_two_decisions_in_force_on_one_pair_are_refused_by_the_store(
    dana: tuple[ExportingKiosk, str], engine: Engine
) -> None:
    """What stops two staff deciding the same pair at the same moment: the unique index."""
    first, second = _pair(_only(find_candidates(engine)))
    row = {
        "contact_low": first,
        "contact_high": second,
        "decision": "distinct",
        "decided_at": datetime(2026, 11, 30),
    }
    with engine.begin() as connection:
        connection.execute(insert(DuplicateDecision).values(**row))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(insert(DuplicateDecision).values(**row))


@pytest.mark.parametrize(
    ("first", "second"),
    [(0, 1), (-1, 2), (1, 1), (True, 2), ("1", 2), (1.0, 2), (None, 2), (2**70, 1)],
)
def test_hostile_contact_ids_are_refused_with_a_reason(
    dana: tuple[ExportingKiosk, str], engine: Engine, first: Any, second: Any
) -> None:
    with pytest.raises(DuplicateError):
        merge_contacts(engine, first, second)
    with pytest.raises(DuplicateError):
        mark_not_same(engine, first, second)
    assert decisions(engine) == []


def test_a_contact_not_in_the_store_is_refused(
    dana: tuple[ExportingKiosk, str], engine: Engine
) -> None:
    with pytest.raises(DuplicateError, match="not in the master store"):
        merge_contacts(engine, 1, 999_999)


@pytest.mark.parametrize("decision_id", [0, -5, 999_999, True, "1", 2**70])
def test_undoing_a_decision_that_does_not_exist_is_refused(
    engine: Engine, decision_id: Any
) -> None:
    with pytest.raises(DuplicateError):
        undo_decision(engine, decision_id)


def test_hostile_names_are_compared_as_text(
    make_kiosk: MakeKiosk, master_url: str, engine: Engine
) -> None:
    kiosk = make_kiosk("fair")
    hostile = [
        ('=HYPERLINK("x")', "<img src=x>", "a@x.org"),
        ('=hyperlink("x")', "<IMG SRC=X>", "=b@x.org"),
        ("\u202egnihtemos", "Levi", "c@x.org"),
        ("\u202egnihtemos", "Levi\u200d", "d@x.org"),
        ("\u0301", "\u05b0", "e@x.org"),  # folds to nothing: never anybody's duplicate
        ("\u0302", "\u05b1", "f@x.org"),
    ]
    for n, (first, last, email) in enumerate(hostile):
        kiosk.add(at=T0 + timedelta(minutes=n), first_name=first, last_name=last, email=email)
    _imported(master_url, kiosk)

    found = sorted(sorted(_emails_of(engine, c)) for c in find_candidates(engine))
    assert found == [["=b@x.org", "a@x.org"], ["c@x.org", "d@x.org"]]
    pair = next(c for c in find_candidates(engine) if "a@x.org" in _emails_of(engine, c))
    merge_contacts(engine, pair.first, pair.second)
    row = next(r for r in _crm(master_url, kiosk.usb, "generic") if r["email"] == "'=b@x.org")
    assert row["first_name"] == '\'=hyperlink("x")' and row["other_emails"] == "a@x.org"


def test_a_master_store_made_before_duplicates_gains_their_tables(
    dana: tuple[ExportingKiosk, str], engine: Engine
) -> None:
    """A store an older version made (without the tables the duplicates and left-out events
    add) is opened as it is: the new tables are created beside the old, nothing is migrated."""
    _, url = dana
    new_tables = ("duplicate_decisions", "contact_keys", "contact_keys_state", "left_out_events")
    with engine.begin() as connection:
        for table in new_tables:
            connection.exec_driver_sql(f"DROP TABLE {table}")
    engine.dispose()

    reopened = open_master(url)
    try:
        assert set(new_tables) <= set(inspect(reopened).get_table_names())
        pair = _only(find_candidates(reopened))
        merge_contacts(reopened, pair.first, pair.second)
        assert len(list(iter_people(reopened))) == 2
    finally:
        reopened.dispose()
