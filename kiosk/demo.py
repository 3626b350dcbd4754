"""Realistic synthetic sign-ups for demos, training, screenshots and benchmarks.

The same seed gives the same records. They span several events, bring some
people back at a later event (their email typed in another letter case),
carry names in Latin, Hebrew and Arabic scripts with accents and apostrophes,
and include values that begin with ``=``, ``+``, ``-`` or ``@``, so every
demo also exercises the CSV formula guard.
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

# (first, last, email local part): Latin with accents and apostrophes,
# Hebrew, Arabic, and a few that begin with a formula character.
PEOPLE = (
    ("Dana", "Levi", "dana.levi"),
    ("Miriam", "O'Connor", "miriam.oconnor"),
    ("José", "Núñez", "jose.nunez"),
    ("Zoë", "Brontë-Smith", "zoe.bs"),
    ("Renée", "D'Amato", "renee.damato"),
    ("Björn", "Åström", "bjorn.astrom"),
    ("נועה", "כהן", "noa.cohen"),
    ("אביגיל", "בן־דוד", "avigail.bendavid"),
    ("יעל", "שפירא", "yael.shapira"),
    ("ليلى", "حداد", "layla.haddad"),
    ("مريم", "خوري", "maryam.khoury"),
    ("سلمى", "النجار", "salma.najjar"),
    ("Aisha", "Rahman", "aisha.rahman"),
    ("Chloé", "Dupont", "chloe.dupont"),
    ("Siobhán", "Ní Bhriain", "siobhan.nb"),
    ("Ana-María", "López", "anamaria.lopez"),
    ("=Sum", "Tester", "sum.tester"),
    ("Rachel", "+Plus", "rachel.plus"),
    ("-Dash", "Minus", "dash.minus"),
    ("@Nadia", "Said", "nadia.said"),
    ("Ruth", "Goldberg", "ruth.goldberg"),
    ("Hannah", "Weiss", "hannah.weiss"),
    ("Fatima", "Al-Masri", "fatima.almasri"),
    ("Grace", "Kim", "grace.kim"),
)

DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "example.org", "proton.me")
ZIP_CODES = ("02139", "20001", "10027", "60614", "90024", "94110-1234", "")
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
    seed: int = 0,
    kiosk_id: str,
    consent: Consent,
    start: datetime | None = None,
) -> list[SignupRecord]:
    """Return ``count`` demo sign-ups; the last event is held on ``start``'s day.

    Earlier events fall a week apart before it. Each event's sign-ups are
    spread over nine hours from ``start``'s time of day. ``start`` defaults to
    three hours before now, so a demo kiosk shows sign-ups from today.
    """
    rng = random.Random(seed)
    last_day = start if start is not None else utc_now() - timedelta(hours=3)
    per_event = -(-count // len(EVENTS)) if count else 0
    returning: list[tuple[str, str, str]] = []
    records: list[SignupRecord] = []
    for index in range(count):
        event_index = index // per_event
        event_name, event_location = EVENTS[event_index]
        event_day = last_day - timedelta(days=7 * (len(EVENTS) - 1 - event_index))
        created_at = event_day + timedelta(seconds=rng.uniform(0, 9 * 3600))

        if returning and rng.random() < 0.1:
            # Someone from an earlier event, typing their email differently.
            first, last, email = rng.choice(returning)
            email = email.upper() if rng.random() < 0.5 else email.capitalize()
        else:
            first, last, local = rng.choice(PEOPLE)
            email = f"{local}{rng.randrange(1000, 99999)}@{rng.choice(DOMAINS)}"
            returning.append((first, last, email))

        has_phone = rng.random() < 0.6
        phone = (
            f"+1{rng.choice(PHONE_EXCHANGES)}555{rng.randrange(100, 200):04d}" if has_phone else ""
        )
        signup = Signup(
            first_name=first,
            last_name=last,
            email=email,
            phone=phone,
            postal_code=rng.choice(ZIP_CODES),
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
