"""What the office screen shows about a master store: its totals and a safe description.

Kept out of the screen so it holds no SQL, and out of ``kiosk.master`` (owned
by the import engine) because only the office screen needs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, func, select, table
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from kiosk.master import safe_url

_CONTACTS = table("contacts")
_TOUCHPOINTS = table("touchpoints")
_FILES = table("imported_files")


@dataclass(frozen=True)
class MasterCounts:
    """How many contacts, sign-ups (touchpoints) and files the master store holds."""

    contacts: int
    touchpoints: int
    files: int


def master_counts(engine: Engine) -> MasterCounts:
    """Count the master store's contacts, touchpoints and imported files in one connection."""
    with engine.connect() as conn:
        return MasterCounts(
            contacts=int(conn.execute(select(func.count()).select_from(_CONTACTS)).scalar_one()),
            touchpoints=int(
                conn.execute(select(func.count()).select_from(_TOUCHPOINTS)).scalar_one()
            ),
            files=int(conn.execute(select(func.count()).select_from(_FILES)).scalar_one()),
        )


def describe_master(url: str) -> str:
    """A one-line, password-free description of where the master store lives."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "an unrecognized database address"
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return f"SQLite file {parsed.database or '(in memory)'}"
    if backend == "postgresql":
        service = parsed.query.get("service")
        if isinstance(service, str) and not parsed.host:
            return f"PostgreSQL service {service}"
        if not parsed.host and not parsed.database:
            return "PostgreSQL database named by PGSERVICE or PGHOST and PGDATABASE"
        where = parsed.host or "local socket"
        if parsed.port:
            where = f"{where}:{parsed.port}"
        return f"PostgreSQL database {parsed.database or ''} on {where}"
    return safe_url(parsed)
