"""Realistic synthetic sign-ups for demos, training, screenshots and benchmarks.

Random unless a seed is given (the same seed gives the same records, sign-up
ids included, so two demo kiosks given the same seed write the same sign-ups).
They span several events, never later than now, bring some people back at a
later event (their email typed in another letter case), and bring one person,
Björn Åström, back under a second email with the same phone and ZIP: the
office's possible duplicates have one to show. Names are in Latin, Hebrew
and Arabic scripts with accents and apostrophes, and some values begin with
``=``, ``+``, ``-`` or ``@``, so every demo also exercises the CSV formula guard.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.clock import utc_now
from kiosk.content import Consent
from kiosk.errors import KioskError
from kiosk.paths import default_data_dir
from kiosk.signup import Signup, SignupRecord, WlfChoice

EVENTS = (
    ("Spring Peace Conference", "Washington, DC"),
    ("Campus Fair", "Boston, MA"),
    ("Community Shabbat Dinner", "Chicago, IL"),
    ("Interfaith Breakfast", "Los Angeles, CA"),
    ("Women's Leadership Brunch", "New York, NY"),
)
EVENT_HOURS = 9  # each event's sign-ups fall within nine hours

# Names as (as typed, as in an email address), first and last names drawn
# within one script, so most demo people have a name of their own.
FIRST_NAMES = {
    "latin": (
        ("Dana", "dana"), ("Miriam", "miriam"), ("José", "jose"), ("Zoë", "zoe"),
        ("Renée", "renee"), ("Aisha", "aisha"), ("Chloé", "chloe"), ("Siobhán", "siobhan"),
        ("Ana-María", "anamaria"), ("Ruth", "ruth"), ("Hannah", "hannah"), ("Grace", "grace"),
        ("Fatima", "fatima"), ("Naomi", "naomi"), ("Esther", "esther"), ("Léa", "lea"),
    ),
    "hebrew": (
        ("נועה", "noa"), ("אביגיל", "avigail"), ("יעל", "yael"), ("תמר", "tamar"),
        ("שירה", "shira"), ("מיכל", "michal"), ("רחל", "rachel"), ("אורית", "orit"),
    ),
    "arabic": (
        ("ليلى", "layla"), ("مريم", "maryam"), ("سلمى", "salma"), ("نور", "nour"),
        ("هدى", "huda"), ("رنا", "rana"), ("ياسمين", "yasmin"),
    ),
}  # fmt: skip
LAST_NAMES = {
    "latin": (
        ("Levi", "levi"), ("O'Connor", "oconnor"), ("Núñez", "nunez"), ("Brontë-Smith", "bs"),
        ("D'Amato", "damato"), ("Rahman", "rahman"), ("Dupont", "dupont"),
        ("Ní Bhriain", "nibhriain"), ("López", "lopez"), ("Goldberg", "goldberg"),
        ("Weiss", "weiss"), ("Al-Masri", "almasri"), ("Kim", "kim"), ("Said", "said"),
        ("Moreau", "moreau"), ("Friedman", "friedman"),
    ),
    "hebrew": (
        ("כהן", "cohen"), ("בן־דוד", "bendavid"), ("שפירא", "shapira"), ("לוי", "levy"),
        ("מזרחי", "mizrahi"), ("פרץ", "peretz"), ("ביטון", "biton"), ("אברהם", "avraham"),
    ),
    "arabic": (
        ("حداد", "haddad"), ("خوري", "khoury"), ("النجار", "najjar"), ("منصور", "mansour"),
        ("عيسى", "issa"), ("شحادة", "shehadeh"),
    ),
}  # fmt: skip
SCRIPT_WEIGHTS = {"latin": 6, "hebrew": 2, "arabic": 2}
# People whose names a spreadsheet would read as a formula.
FORMULA_PEOPLE = (
    ("=Sum", "Tester", "sum.tester"),
    ("Rachel", "+Plus", "rachel.plus"),
    ("-Dash", "Minus", "dash.minus"),
    ("@Nadia", "Said", "nadia.said"),
)
# The one person who comes back under a second email (a possible duplicate).
TWO_EMAILS = ("Björn", "Åström", "bjorn.astrom")
WORK_DOMAIN = "example.org"

DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "example.org", "proton.me")
PERSONAL_DOMAINS = tuple(domain for domain in DOMAINS if domain != WORK_DOMAIN)
# The first three digits of each event's city's ZIP codes: people come from nearby.
ZIP_PREFIXES = ("200", "021", "606", "900", "100")
PHONE_EXCHANGES = ("617", "202", "212", "312", "213", "415")


def refuse_real_data_dir(data_dir: Path) -> None:
    """Raise ``KioskError`` if ``data_dir`` is the kiosk's real (default) data folder."""
    if data_dir.expanduser().resolve() == default_data_dir().expanduser().resolve():
        raise KioskError(
            "Refusing to write demo sign-ups into the real data folder; "
            "give --data-dir a separate folder."
        )


def demo_records(
    count: int,
    *,
    seed: int | None = None,
    kiosk_id: str,
    consent: Consent,
    start: datetime | None = None,
    now: datetime | None = None,
) -> list[SignupRecord]:
    """Return ``count`` demo sign-ups, none after ``now``; the last event is on ``start``'s day.

    Earlier events fall a week apart before it. Each event's sign-ups are
    spread over nine hours from ``start``'s time of day (the last event's only
    up to ``now``). ``start`` defaults to nine hours before now; one after
    ``now`` is refused. ``seed`` None draws a fresh random set.
    """
    rng = random.Random(seed)
    now = now if now is not None else utc_now()
    last_day = start if start is not None else now - timedelta(hours=EVENT_HOURS)
    if last_day > now:
        raise ValueError("demo sign-ups cannot start after now")
    per_event = -(-count // len(EVENTS)) if count else 0
    # Björn signs up first, and again at the start of the last event held.
    second_visit = per_event * (-(-count // per_event) - 1) if count > per_event else -1
    people = _People(rng)
    records: list[SignupRecord] = []
    for index in range(count):
        event_index = index // per_event
        event_name, event_location = EVENTS[event_index]
        event_day = last_day - timedelta(days=7 * (len(EVENTS) - 1 - event_index))
        hours = min(timedelta(hours=EVENT_HOURS), now - event_day)
        created_at = event_day + hours * rng.random()
        first, last, email, phone, postal_code = people.next(
            index, second_visit=index == second_visit, zip_prefix=event_index
        )
        signup = Signup(
            first_name=first,
            last_name=last,
            email=email,
            phone=phone,
            postal_code=postal_code,
            wlf_choice=rng.choices(list(WlfChoice), weights=(5, 3, 1, 1))[0],
            email_group_opt_in=rng.random() < 0.5,
            advocacy_pledge=rng.random() < 0.3,
            contact_consent=True,
            consent_version=consent.version,
            consent_text=consent.text,
            locale="en",
        )
        records.append(
            SignupRecord(
                signup_id=uuid.UUID(int=rng.getrandbits(128), version=4),
                created_at=created_at,
                event_name=event_name,
                event_location=event_location,
                kiosk_id=kiosk_id,
                signup=signup,
            )
        )
    records.sort(key=lambda record: record.created_at)
    return records


class _People:
    """Who signs up next: someone new, someone coming back, or Björn under his second email."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._returning: list[tuple[str, str, str, str, str]] = []
        self._bjorn: tuple[str, str, str, str, str] | None = None

    def next(
        self, index: int, *, second_visit: bool, zip_prefix: int
    ) -> tuple[str, str, str, str, str]:
        """(first name, last name, email, phone, postal code) of the sign-up at ``index``."""
        rng = self._rng
        if second_visit and self._bjorn is not None:
            first, last, email, phone, postal_code = self._bjorn
            work = email.partition("@")[0] + "@" + WORK_DOMAIN
            return first, last, work, phone, postal_code
        if index and self._returning and rng.random() < 0.1:
            # Someone from an earlier event, typing their email differently.
            first, last, email, phone, postal_code = rng.choice(self._returning)
            email = email.upper() if rng.random() < 0.5 else email.capitalize()
            return first, last, email, phone, postal_code
        first, last, local = TWO_EMAILS if index == 0 else self._new_name()
        number = rng.randrange(1000, 99999)
        person = (
            first,
            last,
            # Björn's own address is never at the work domain of his second one.
            f"{local}{number}@{rng.choice(PERSONAL_DOMAINS if index == 0 else DOMAINS)}",
            f"+1{rng.choice(PHONE_EXCHANGES)}555{rng.randrange(100, 10_000):04d}"
            if index == 0 or rng.random() < 0.6
            else "",
            f"{ZIP_PREFIXES[zip_prefix]}{rng.randrange(100):02d}" if rng.random() < 0.85 else "",
        )
        if index == 0:
            self._bjorn = person
        self._returning.append(person)
        return person

    def _new_name(self) -> tuple[str, str, str]:
        rng = self._rng
        if rng.random() < 0.04:
            return rng.choice(FORMULA_PEOPLE)
        script = rng.choices(list(SCRIPT_WEIGHTS), weights=list(SCRIPT_WEIGHTS.values()))[0]
        first, first_ascii = rng.choice(FIRST_NAMES[script])
        last, last_ascii = rng.choice(LAST_NAMES[script])
        return first, last, f"{first_ascii}.{last_ascii}"
