"""duplicates_100k: finding the possible duplicates among 100,000 contacts in a SQLite master.

The subject is what the office's duplicates view runs: ``find_candidates`` on
a master store whose contacts' keys are up to date (as they are after the
first search; the keys of new contacts are made before each search, and the
first search of a store makes them all). The baseline is one indexed
self-join on the normalized name, in bare ``sqlite3``: every pair of
contacts with the same name, the rows fetched. The subject does that join
and, on top, compares the pair's phones, postal codes and emails, leaves out
pairs staff decided on, and sorts what is left.

The contacts are synthetic and realistic in what matters here: names drawn
with a long tail (common first and last names are common, most are rare), so
about one contact in six shares their full name with someone, as in a real
list; 1% of people signed up again under a second email (same phone or
ZIP), and 0.5% with a typo in their email.
"""

from __future__ import annotations

import random
import sqlite3
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from bench.common import Figure, interleave
from kiosk.duplicates import find_candidates, name_key, refresh_keys
from kiosk.master import Contact, Touchpoint, open_master

CONTACTS = 100_000
PAIRS = 7
_SYLLABLES = (
    "an", "bel", "car", "da", "el", "fa", "gor", "ha", "is", "jo", "ka", "lin", "mar", "no",
    "or", "pe", "qui", "ro", "sa", "ta", "ul", "va", "wen", "xa", "yo", "zor", "li", "mi",
    "ne", "su", "to", "ri", "be", "ko", "la", "den", "son", "berg", "man", "ez",
)  # fmt: skip
_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "example.org", "proton.me")
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _names(rng: random.Random, count: int, syllables: tuple[int, int]) -> list[str]:
    names: dict[str, None] = {}
    while len(names) < count:
        length = rng.randint(*syllables)
        names["".join(rng.choice(_SYLLABLES) for _ in range(length)).capitalize()] = None
    return list(names)


def _people(rng: random.Random) -> list[dict[str, str]]:
    """The contacts' profiles: names with a long tail, and the planted duplicates."""
    firsts = _names(rng, 5000, (2, 3))
    lasts = _names(rng, 100_000, (3, 4))
    # Zipf-like weights, as in US name statistics: the most common first name is
    # about 4% of people and the most common last name 1%; the sums of squared
    # shares (the chance two people share one) about 0.004 and 0.0003.
    first_weights = [1 / (k + 1) ** 0.8 for k in range(len(firsts))]
    last_weights = [1 / (k + 1) ** 0.7 for k in range(len(lasts))]
    people: list[dict[str, str]] = []
    chosen_firsts = rng.choices(firsts, first_weights, k=CONTACTS)
    chosen_lasts = rng.choices(lasts, last_weights, k=CONTACTS)
    for n, (first, last) in enumerate(zip(chosen_firsts, chosen_lasts, strict=True)):
        local = f"{first}.{last}{n}".lower()
        people.append(
            {
                "first_name": first,
                "last_name": last,
                "email": f"{local}@{rng.choice(_DOMAINS)}",
                "phone": f"+1{rng.randrange(201, 990)}555{rng.randrange(10_000):04d}"
                if rng.random() < 0.6
                else "",
                "postal_code": f"{rng.randrange(1000, 99_999):05d}" if rng.random() < 0.7 else "",
            }
        )
    originals = rng.sample(range(len(people)), k=CONTACTS * 3 // 200)
    for index, original in enumerate(originals):
        again = dict(people[original])
        if index % 3:  # a second email, same phone or ZIP
            again["email"] = f"{again['last_name'].lower()}{index}@work.example.org"
        else:  # a typo: two letters swapped
            local, _, domain = again["email"].partition("@")
            again["email"] = f"{local[1]}{local[0]}{local[2:]}@{domain}"
        people[rng.randrange(len(people))] = again
    return people


def _fill_master(url: str, people: list[dict[str, str]]) -> None:
    """Write the contacts (one sign-up each) straight into a fresh master store."""
    engine = open_master(url)
    contacts: list[dict[str, object]] = []
    touchpoints: list[dict[str, object]] = []
    seen: set[str] = set()
    for n, person in enumerate(people):
        key = person["email"].lower()
        if key in seen:
            continue
        seen.add(key)
        at = (T0 + timedelta(minutes=n)).replace(tzinfo=None)
        signup_id = str(uuid.UUID(int=n + 1, version=4))
        common = {
            "first_name": person["first_name"],
            "last_name": person["last_name"],
            "email": person["email"],
            "phone": person["phone"],
            "postal_code": person["postal_code"],
            "wlf_choice": "updates",
            "email_group_opt_in": False,
            "advocacy_pledge": False,
            "contact_consent": True,
            "consent_version": "v1",
        }
        contacts.append(
            {
                "id": len(contacts) + 1,
                "email_key": key,
                "first_seen_at": at,
                "last_seen_at": at,
                "latest_signup_id": signup_id,
                "search_text": "",
                **common,
            }
        )
        touchpoints.append(
            {
                "signup_id": signup_id,
                "contact_id": len(contacts),
                "created_at": at,
                "event_name": "Bench fair",
                "event_location": "Here",
                "kiosk_id": "bench",
                "locale": "en",
                "source_sha256": "0" * 64,
                "imported_at": at,
                **common,
            }
        )
    with engine.begin() as connection:
        connection.execute(insert(Contact), contacts)
        connection.execute(insert(Touchpoint), touchpoints)
    engine.dispose()


def _baseline_database(path: Path, people_keys: list[tuple[int, str]]) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name_key TEXT NOT NULL)")
    connection.executemany("INSERT INTO people VALUES (?, ?)", people_keys)
    connection.execute("CREATE INDEX ix_people_name ON people (name_key)")
    connection.commit()
    connection.close()


def run(workdir: Path) -> list[Figure]:
    """Interleaved baseline and subject runs on the same 100,000 contacts."""
    people = _people(random.Random(14))
    master = workdir / "master.sqlite3"
    url = f"sqlite:///{master}"
    _fill_master(url, people)
    engine = open_master(url)
    start = time.perf_counter()
    made = refresh_keys(engine)
    took = time.perf_counter() - start
    print(f"  (the first search made the keys of {made:,} contacts in {took:.2f} s)")
    with sqlite3.connect(master) as source:
        keyed = source.execute("SELECT contact_id, name_key FROM contact_keys").fetchall()
    bare = workdir / "bare.sqlite3"
    _baseline_database(bare, keyed)
    found: list[int] = []

    # Like the subject's engine: one connection kept open, with the master's page
    # cache size (SQLite's default 2 MiB would not hold the index and flatter the subject).
    connection = sqlite3.connect(bare)
    connection.execute("PRAGMA cache_size=-65536")

    def baseline() -> float:
        began = time.perf_counter()
        rows = connection.execute(
            "SELECT a.id, b.id FROM people a JOIN people b "
            "ON b.name_key = a.name_key AND b.id > a.id"
        ).fetchall()
        elapsed = time.perf_counter() - began
        found.append(len(rows))
        return elapsed

    def subject() -> float:
        began = time.perf_counter()
        candidates = find_candidates(engine)
        elapsed = time.perf_counter() - began
        found.append(len(candidates))
        return elapsed

    pairs = interleave(baseline, subject, PAIRS)
    connection.close()
    engine.dispose()
    print(f"  ({found[0]:,} same-name pairs, {found[1]:,} possible duplicates)")
    assert name_key("Björn", "Åström") == "bjorn astrom"
    return [Figure.from_pairs("duplicates_100k", pairs, target=3.0)]
