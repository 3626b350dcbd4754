"""Whether this kiosk is set up: no attendee screen shows before a staff PIN exists.

A fresh kiosk has no PIN and no sign-ups: it opens on a setup screen (choose
the PIN, name the event), so a passer-by can never claim it. A kiosk whose PIN
record is damaged, or missing while it already holds sign-ups, is locked: a new
PIN is set only from a terminal (``p2p-kiosk pin set``), never on its screen,
where whoever stood in front of it could take the staff panel and the sign-ups.

The window picks its first screen before the store (SQLAlchemy, Alembic) has
loaded, so ``peek_setup_state`` reads the same two facts straight from the
SQLite file, read-only, in a millisecond or two.
"""

from __future__ import annotations

import enum
import sqlite3
import sys
from pathlib import Path

from kiosk.paths import DB_FILE_NAME, default_data_dir
from kiosk.pin import PIN_HASH_SETTING, is_well_formed_hash


class SetupState(enum.Enum):
    """What the kiosk may show: attract, the setup screen, or the locked screen."""

    READY = "ready"
    """A usable PIN record: attendees are welcome."""
    NEEDS_SETUP = "needs_setup"
    """No PIN record and no sign-ups: a fresh kiosk, set up on its own screen."""
    LOCKED = "locked"
    """A damaged PIN record, or none on a kiosk holding sign-ups: set a PIN from a terminal."""


def setup_state(pin_record: str | None, holds_signups: bool) -> SetupState:
    """Decide the state from the stored PIN record (or None) and whether any sign-up is stored.

    A damaged record locks even without sign-ups: something changed the
    database behind the kiosk's back, and the screen must not trust it.
    """
    if pin_record is None:
        return SetupState.LOCKED if holds_signups else SetupState.NEEDS_SETUP
    return SetupState.READY if is_well_formed_hash(pin_record) else SetupState.LOCKED


def peek_setup_state(data_dir: Path) -> SetupState:
    """Read the state from ``data_dir``'s store file without opening (or creating) the store.

    No file means a fresh kiosk. A file that cannot be read counts as locked:
    never offer a new PIN on a guess; the store's own open then says what is wrong.
    """
    db_path = Path(data_dir) / DB_FILE_NAME
    if not db_path.exists():
        return SetupState.NEEDS_SETUP
    try:
        connection = _open_read_only(db_path)
        try:
            return _read_setup_state(connection)
        finally:
            connection.close()
    except sqlite3.Error:
        return SetupState.LOCKED


def peek_setting(data_dir: Path, key: str) -> str | None:
    """Read one setting from ``data_dir``'s store file, read-only, without opening the store.

    For what the first screen needs before the store has loaded (the
    languages offered). No file, or one that cannot be read, gives None: the
    store's own open then says what is wrong.
    """
    db_path = Path(data_dir) / DB_FILE_NAME
    if not db_path.exists():
        return None
    try:
        connection = _open_read_only(db_path)
        try:
            return _setting(connection, key, _tables(connection))
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def _open_read_only(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)


def _tables(connection: sqlite3.Connection) -> set[str]:
    # A file made but not yet migrated (a first start cut short) has neither table.
    return {
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name IN ('settings', 'signups')"
        )
    }


def _setting(connection: sqlite3.Connection, key: str, tables: set[str]) -> str | None:
    if "settings" not in tables:
        return None
    row = connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def _read_setup_state(connection: sqlite3.Connection) -> SetupState:
    tables = _tables(connection)
    pin_record = _setting(connection, PIN_HASH_SETTING, tables)
    holds_signups = "signups" in tables and bool(
        connection.execute("SELECT EXISTS (SELECT 1 FROM signups)").fetchone()[0]
    )
    return setup_state(pin_record, holds_signups)


def pin_set_command(data_dir: Path) -> str:
    """Return the command a volunteer types to set the PIN of the kiosk in ``data_dir``.

    The standalone app names its own program file (it is seldom on the PATH);
    a data folder other than the default is given with ``--data-dir``.
    """
    frozen = getattr(sys, "frozen", False)
    words = [sys.executable if frozen else "p2p-kiosk", "pin", "set"]
    if Path(data_dir).resolve() != default_data_dir().resolve():
        words += ["--data-dir", str(data_dir)]
    if sys.platform == "win32":
        return " ".join(f'"{word}"' if " " in word else word for word in words)
    import shlex  # only a locked kiosk shows the command

    return shlex.join(words)
