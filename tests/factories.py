"""Small builders for test sign-ups (real values, validated shapes) and kiosks.

``make_signup`` and ``make_form`` build one sign-up, ``make_record`` one as
stored; ``set_up_kiosk`` gives a kiosk service its staff PIN; ``ExportingKiosk``
is a kiosk's store writing export files for the office-import tests
(``make_kiosk`` in conftest) and ``master_contacts`` reads the contacts back from
the master store they were imported into; ``old_kiosk_database`` is a kiosk's
database as an earlier version left it, for the migration tests.
"""

from __future__ import annotations

import functools
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from alembic import command

from kiosk.clock import ManualClock, utc_now
from kiosk.export import export_signups
from kiosk.master import ContactRow, iter_contacts, open_master
from kiosk.paths import DB_FILE_NAME
from kiosk.pin import PIN_HASH_SETTING, hash_pin
from kiosk.service import KioskService
from kiosk.signup import Signup, SignupForm, SignupRecord, WlfChoice
from kiosk.store import Store, _alembic_config, sqlite_engine


class MakeService(Protocol):
    """The ``make_service`` fixture (``tests/conftest.py``): opens a real kiosk service."""

    def __call__(
        self, *, set_up: bool = True, data_dir: Path | None = None, **options: Any
    ) -> KioskService: ...


STAFF_PIN = "482915"
"""The staff PIN of every test kiosk that is not about first start."""


@functools.cache
def staff_pin_hash() -> str:
    """``STAFF_PIN``'s stored hash, made once per run (scrypt is slow on purpose)."""
    return hash_pin(STAFF_PIN)


def set_up_kiosk(service: KioskService) -> None:
    """Give the kiosk its staff PIN, as first-start setup does, so it opens on attract."""
    service.store.set_setting(PIN_HASH_SETTING, staff_pin_hash())


DANA: dict[str, Any] = {
    "first_name": "Dana",
    "last_name": "Levi",
    "email": "dana.levi@example.org",
    "postal_code": "02139",
    "wlf_choice": WlfChoice.MEMBER,
    "email_group_opt_in": True,
    "contact_consent": True,
}
"""Dana Levi's answers, the same on her form and in her checked sign-up."""


DANA_PERSONAL: dict[str, Any] = {
    "email": "dana.levi@gmail.com",
    "phone": "+16175550100",
    "postal_code": "02139",
}
"""Dana's sign-up under her personal email (``ExportingKiosk.add``'s keywords)."""

DANA_AT_WORK: dict[str, Any] = {
    "event": "Community Dinner",
    "email": "d.levi@work.example.org",
    "phone": "+16175550199",
    "postal_code": "02139",
}
"""Dana again, days later at another event under her work email: same ZIP as
``DANA_PERSONAL``, so the office sees two contacts that may be one person."""


def make_signup(**overrides: object) -> Signup:
    """Return a checked sign-up with plausible values (Dana's); override any field."""
    values: dict[str, Any] = {
        **DANA,
        "phone": "+12025550143",
        "advocacy_pledge": False,
        "consent_version": "test-1",
        "consent_text": "I agree to be contacted.",
        "locale": "en",
    }
    values.update(overrides)
    return Signup(**values)


def make_form(**overrides: object) -> SignupForm:
    """Return a form as a careful attendee (Dana) would fill it; override any field."""
    values: dict[str, Any] = {**DANA, "phone": "(617) 253-1000"}
    values.update(overrides)
    return SignupForm(**values)


def make_record(
    kiosk_id: str,
    at: datetime,
    *,
    signup_id: uuid.UUID | None = None,
    event: str = "Campus Fair",
    location: str = "Boston, MA",
    **fields: Any,
) -> SignupRecord:
    """Return a stored sign-up as ``kiosk_id`` keeps it; ``fields`` go to ``make_signup``."""
    return SignupRecord(
        signup_id=signup_id or uuid.uuid4(),
        created_at=at,
        event_name=event,
        event_location=location,
        kiosk_id=kiosk_id,
        signup=make_signup(**fields),
    )


def fill_store(data_dir: Path, count: int, start: datetime, *, first_name: str, email: str) -> None:
    """Store ``count`` sign-ups, a second apart from ``start``, in the kiosk store at ``data_dir``.

    They are numbered from 0: first name ``{first_name}{n}``, email ``{email}{n}@example.org``.
    """
    store = Store.open(data_dir)
    try:
        store.insert_records(
            make_record(
                store.kiosk_id,
                start + timedelta(seconds=i),
                first_name=f"{first_name}{i}",
                email=f"{email}{i}@example.org",
            )
            for i in range(count)
        )
    finally:
        store.close()


class ExportingKiosk:
    """A real kiosk store in a folder of its own, exporting to its own USB folder.

    With a ``clock``, the store runs on it, a sign-up with no time of its own
    is stamped with it, and every sign-up and export moves it a second on (so
    two exports never share a file name); without one, the store uses the real
    time and each sign-up needs ``at``.
    """

    def __init__(self, root: Path, name: str, *, clock: ManualClock | None = None) -> None:
        self.clock = clock
        self.store = Store.open(root / f"kiosk-{name}", clock=clock or utc_now)
        self.usb = root / f"usb-{name}"
        self.usb.mkdir()

    def add(
        self,
        *,
        at: datetime | None = None,
        signup_id: uuid.UUID | None = None,
        event: str = "Campus Fair",
        location: str = "Boston, MA",
        **fields: Any,
    ) -> SignupRecord:
        """Store one sign-up exactly as given (as a forger's kiosk could); return it."""
        if at is None:
            assert self.clock is not None, "a kiosk without a clock needs the sign-up's time"
            at = self.clock()
        fields.setdefault("consent_text", "")  # not exported: the version names it
        record = make_record(
            self.store.kiosk_id, at, signup_id=signup_id, event=event, location=location, **fields
        )
        self.store.insert_records([record])
        self._tick()
        return record

    def export(self, *, include_all: bool = False, recipient: str | None = None) -> Path:
        """Export to the USB folder (encrypted for ``recipient`` if given); return the data file."""
        result = export_signups(self.store, self.usb, include_all=include_all, recipient=recipient)
        assert result is not None
        self._tick()
        return result.csv_path

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def _tick(self) -> None:
        if self.clock is not None:
            self.clock.advance(1)


def master_contacts(url: str) -> list[ContactRow]:
    """Every contact in the master store at ``url``, by email key, as the CRM writers read them."""
    engine = open_master(url)
    try:
        return list(iter_contacts(engine))
    finally:
        engine.dispose()


class MakeKiosk(Protocol):
    """The ``make_kiosk`` fixture (``tests/conftest.py``): an ``ExportingKiosk`` by name."""

    def __call__(self, name: str, *, clock: ManualClock | None = None) -> ExportingKiosk: ...


OLD_SIGNUP: dict[str, object] = {
    "first_name": "Old",
    "last_name": "Timer",
    "phone": "",
    "postal_code": "",
    "wlf_choice": "member",
    "email_group_opt_in": 1,
    "advocacy_pledge": 0,
    "contact_consent": 1,
    "consent_version": "v0",
    "locale": "en",
    "export_batch_id": None,
}
"""A stored sign-up's columns common to every revision, as ``old_kiosk_database`` fills them."""


def old_kiosk_database(
    data_dir: Path,
    revision: str,
    signups: Iterable[Mapping[str, object]],
    *,
    started_at: str,
    location: str = "",
) -> Path:
    """Write kiosk ``old01``'s database migrated only to ``revision``; return its path.

    It holds one event, "Old fair" at ``location``, and a sign-up at it for each of
    ``signups``: the columns given there (that revision's), over ``OLD_SIGNUP``'s.
    """
    db_path = data_dir / DB_FILE_NAME
    engine = sqlite_engine(db_path)
    config = _alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO events (id, name, location, started_at) VALUES (1, 'Old fair', ?, ?)",
            (location, started_at),
        )
        for given in signups:
            row = {"id": str(uuid.uuid4()), "event_id": 1, "kiosk_id": "old01"}
            row |= OLD_SIGNUP | dict(given)
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(f"INSERT INTO signups ({columns}) VALUES ({marks})", tuple(row.values()))
        conn.execute("INSERT INTO settings (key, value) VALUES ('kiosk_id', 'old01')")
    return db_path
