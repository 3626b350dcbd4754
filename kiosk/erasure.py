"""The kiosk forgets what the office already has: applying receipts, erasing personal data.

A receipt (``kiosk.receipts``) counts only for an export batch this kiosk
wrote, matched by SHA-256 and row count, and only when the office holds every
sign-up of it. Applying it marks the batch confirmed (an "include earlier
sign-ups" batch confirms every batch before it too: its file held them all);
applying it again changes nothing. Once the retention period staff chose has
passed (default: none), a confirmed batch's sign-ups lose their names, email,
phone and postal code; the rest of each row (time, event, choices) stays, so
every count and chart stays right. Optionally, exported batches with no
receipt are erased after a number of days too.

Gone means gone: the store runs with ``secure_delete``; after erasing, the
same sign-ups are blanked in the pre-migration backups in ``backups/`` (a
backup that cannot be cleaned is deleted), and the database is vacuumed and
its WAL checkpointed and truncated, so no erased value is left in a free page
or a log. Until that wipe has finished, a flag in the settings makes the next
start finish it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, delete, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from kiosk.errors import StoreError
from kiosk.models import ExportBatch, Setting
from kiosk.models import Signup as SignupRow
from kiosk.receipts import ConfirmedFile, Receipt, ReceiptRefused, read_receipt
from kiosk.settings import ERASE_UNCONFIRMED_AFTER_DAYS, KEEP_CONFIRMED_DAYS
from kiosk.store import (
    BACKUP_DIR_NAME,
    Store,
    database_error_reason,
    to_naive_utc,
    write_transaction,
)

log = logging.getLogger(__name__)

WIPE_PENDING_SETTING = "erasure_wipe_pending"
PERSONAL_COLUMNS = ("first_name", "last_name", "email", "phone", "postal_code")
"""The sign-up fields that say who someone is; these are what erasing blanks."""


@dataclass(frozen=True)
class ReceiptOutcome:
    """What applying one receipt file did, or why it was refused."""

    path: Path
    accepted: bool
    message: str
    batches_confirmed: int = 0
    signups_confirmed: int = 0


@dataclass(frozen=True)
class ReceiptsApplied:
    """The result of applying receipts: each file's outcome, and what was erased."""

    outcomes: tuple[ReceiptOutcome, ...]
    erased: int  # sign-ups whose personal data was erased now
    waiting: int  # confirmed sign-ups kept until the retention period ends
    keep_days: int

    @property
    def refused(self) -> tuple[ReceiptOutcome, ...]:
        """The receipts that were not applied."""
        return tuple(o for o in self.outcomes if not o.accepted)

    def summary_lines(self) -> list[str]:
        """One line per receipt, then what happened to the personal data."""
        lines = [
            f"{o.path.name}: {o.message}" if o.accepted else f"{o.path.name}: REFUSED, {o.message}"
            for o in self.outcomes
        ]
        if self.erased:
            lines.append(f"Erased the personal data of {self.erased} sign-up(s).")
        if self.waiting:
            lines.append(
                f"{self.waiting} confirmed sign-up(s) are kept {self.keep_days} day(s) "
                "after their receipt, then erased."
            )
        return lines


# Settings -------------------------------------------------------------------------


def keep_confirmed_days(store: Store) -> int:
    """Days a confirmed sign-up keeps its personal data (0: erased as the receipt is applied)."""
    days = KEEP_CONFIRMED_DAYS.read(store.get_setting(KEEP_CONFIRMED_DAYS.key))
    assert days is not None  # the setting has a default
    return days


def set_keep_confirmed_days(store: Store, days: int) -> None:
    """Choose how long confirmed sign-ups keep their personal data (0 to 365 days)."""
    problem = KEEP_CONFIRMED_DAYS.problem(days)
    if problem is not None:
        raise StoreError(f"Confirmed sign-ups {problem}.")
    store.set_setting(KEEP_CONFIRMED_DAYS.key, str(days))


def erase_unconfirmed_after_days(store: Store) -> int | None:
    """Days after export when sign-ups with no receipt are erased anyway; None: never.

    Off, or a value the kiosk never wrote, both read as never: the safe reading.
    """
    return ERASE_UNCONFIRMED_AFTER_DAYS.read(store.get_setting(ERASE_UNCONFIRMED_AFTER_DAYS.key))


def set_erase_unconfirmed_after_days(store: Store, days: int | None) -> None:
    """Turn on (with a number of days) or off (None) erasing exports that got no receipt."""
    problem = None if days is None else ERASE_UNCONFIRMED_AFTER_DAYS.problem(days)
    if problem is not None:
        raise StoreError(f"Exports without a receipt {problem}.")
    store.set_setting(ERASE_UNCONFIRMED_AFTER_DAYS.key, "" if days is None else str(days))


# Applying receipts ---------------------------------------------------------------


def apply_receipt_files(store: Store, paths: Sequence[Path], now: datetime) -> list[ReceiptOutcome]:
    """Apply each receipt file; a refused one never stops the others. Erases nothing itself."""
    outcomes = []
    for path in paths:
        path = Path(path)
        try:
            receipt = read_receipt(path)
        except ReceiptRefused as refused:
            outcomes.append(ReceiptOutcome(path, False, str(refused)))
            continue
        outcomes.append(apply_receipt(store, receipt, path, now))
    return outcomes


def apply_receipt(store: Store, receipt: Receipt, path: Path, now: datetime) -> ReceiptOutcome:
    """Confirm the export batches ``receipt`` vouches for; say what it did, or why not."""
    if receipt.kiosk_id != store.kiosk_id:
        return ReceiptOutcome(
            path,
            False,
            f"it is for kiosk {receipt.kiosk_id}, and this is kiosk {store.kiosk_id}",
        )
    problems: list[str] = []
    matched = 0
    try:
        with _write_transaction(store) as connection:
            confirmed_ids: list[int] = []
            for entry in receipt.files:
                batches = connection.execute(
                    select(ExportBatch.id, ExportBatch.rows, ExportBatch.include_all).where(
                        ExportBatch.sha256 == entry.sha256
                    )
                ).all()
                problem = _entry_problem(entry, [batch.rows for batch in batches])
                if problem is not None:
                    problems.append(f"{entry.file_name}: {problem}")
                else:
                    matched += 1
                    for batch in batches:
                        confirmed_ids += _confirm(
                            connection, batch.id, batch.include_all, receipt.confirmed_at, now
                        )
            signups = _signups_in(connection, confirmed_ids)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise StoreError(
            f"The receipt could not be recorded ({database_error_reason(exc)}); nothing changed."
        ) from None
    if not matched:
        return ReceiptOutcome(path, False, "; ".join(problems))
    if confirmed_ids:
        message = f"confirms {len(confirmed_ids)} export(s), {signups} sign-up(s)"
    else:
        message = "already applied; nothing changed"
    if problems:
        message += "; but " + "; ".join(problems)
    log.info("receipt applied: %d batch(es), %d sign-up(s) confirmed", len(confirmed_ids), signups)
    return ReceiptOutcome(path, True, message, len(confirmed_ids), signups)


def _entry_problem(entry: ConfirmedFile, rows_of_batches: list[int]) -> str | None:
    """Why a receipt's entry confirms none of this kiosk's exports, or None if it does.

    ``rows_of_batches``: the row count of each export batch with the entry's hash.
    """
    if not rows_of_batches:
        return "this kiosk wrote no export with that SHA-256"
    if any(rows != entry.rows for rows in rows_of_batches):
        return (
            f"the receipt says {entry.rows} sign-ups, this kiosk's export had {rows_of_batches[0]}"
        )
    if entry.in_master < entry.rows:
        return f"the office holds only {entry.in_master} of its {entry.rows} sign-ups"
    return None


def _confirm(
    connection: Connection, batch_id: int, include_all: bool, office_time: datetime, now: datetime
) -> list[int]:
    """Mark a batch (and, for an include-all batch, every one before it) confirmed; new ids."""
    covered = ExportBatch.id <= batch_id if include_all else ExportBatch.id == batch_id
    ids = list(
        connection.scalars(
            select(ExportBatch.id).where(covered, ExportBatch.receipt_applied_at.is_(None))
        )
    )
    if ids:
        connection.execute(
            update(ExportBatch)
            .where(ExportBatch.id.in_(ids))
            .values(confirmed_at=to_naive_utc(office_time), receipt_applied_at=to_naive_utc(now))
        )
    return ids


def _signups_in(connection: Connection, batch_ids: list[int]) -> int:
    if not batch_ids:
        return 0
    query = select(func.count()).where(SignupRow.export_batch_id.in_(batch_ids))
    return int(connection.execute(query).scalar_one())


def _write_transaction(store: Store) -> AbstractContextManager[Connection]:
    """One transaction holding SQLite's write lock from its start (reads then writes)."""
    return write_transaction(store.engine)


# Erasing ---------------------------------------------------------------------------


def erase_due(
    store: Store, now: datetime, *, keep_days: int, unconfirmed_after_days: int | None
) -> int:
    """Erase the personal data of every sign-up whose time has come; return how many.

    Due are the batches whose receipt was applied ``keep_days`` or more ago
    and, if ``unconfirmed_after_days`` is set, the batches exported that long
    ago without one. Finishes with ``wipe`` (also when an earlier wipe was
    cut short). Raises ``StoreError`` if the database fails.
    """
    applied_before = to_naive_utc(now - timedelta(days=keep_days))
    due = ExportBatch.receipt_applied_at <= applied_before
    if unconfirmed_after_days is not None:
        exported_before = to_naive_utc(now - timedelta(days=unconfirmed_after_days))
        due = or_(due, ExportBatch.created_at <= exported_before)
    due_batches = select(ExportBatch.id).where(ExportBatch.erased_at.is_(None), due)
    pending_wipe = select(Setting.value).where(Setting.key == WIPE_PENDING_SETTING)
    try:
        # A plain read first: most starts have nothing due and take no write lock.
        with store.engine.connect() as connection:
            nothing_due = connection.scalar(due_batches.limit(1)) is None
            pending = connection.scalar(pending_wipe)
        if nothing_due:
            if pending:
                wipe(store)
            return 0
        with _write_transaction(store) as connection:
            batch_ids = list(connection.scalars(due_batches))
            erased = 0
            if batch_ids:
                moment = to_naive_utc(now)
                blank = dict.fromkeys(PERSONAL_COLUMNS, "")
                erased = connection.execute(
                    update(SignupRow)
                    .where(SignupRow.export_batch_id.in_(batch_ids), SignupRow.erased_at.is_(None))
                    .values(**blank, erased_at=moment)
                ).rowcount
                connection.execute(
                    update(ExportBatch)
                    .where(ExportBatch.id.in_(batch_ids))
                    .values(erased_at=moment)
                )
                # Same transaction: should the wipe below be cut short, the next start ends it.
                connection.execute(delete(Setting).where(Setting.key == WIPE_PENDING_SETTING))
                connection.execute(insert(Setting).values(key=WIPE_PENDING_SETTING, value="1"))
            pending = connection.scalar(pending_wipe)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise StoreError(
            f"Personal data could not be erased ({database_error_reason(exc)}); nothing was erased."
        ) from None
    if erased:
        log.info("erased the personal data of %d sign-up(s)", erased)
    if pending:
        wipe(store)
    return erased


def awaiting_erasure(store: Store) -> int:
    """Return how many confirmed sign-ups still hold personal data (kept for their retention)."""
    query = (
        select(func.count())
        .select_from(SignupRow)
        .join(ExportBatch, SignupRow.export_batch_id == ExportBatch.id)
        .where(ExportBatch.receipt_applied_at.is_not(None), SignupRow.erased_at.is_(None))
    )
    with store.engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def wipe(store: Store) -> bool:
    """Leave no erased value anywhere in the data folder; True once done.

    Blanks the erased sign-ups in every pre-migration backup (deleting a
    backup that cannot be cleaned), vacuums the database (dropping free
    pages) and checkpoints its WAL with TRUNCATE. If another connection keeps
    the WAL busy, the flag stays set and the next start tries again.
    """
    _erase_from_backups(store)
    try:
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM")
            busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()[0]
        if busy:
            log.warning("the database log is busy; erasure finishes at the next start")
            return False
        with store.engine.begin() as connection:
            connection.execute(delete(Setting).where(Setting.key == WIPE_PENDING_SETTING))
    except (SQLAlchemyError, sqlite3.Error) as exc:
        log.warning("erased data could not be compacted yet: %s", database_error_reason(exc))
        return False
    return True


def _erase_from_backups(store: Store) -> None:
    folder = store.data_dir / BACKUP_DIR_NAME
    if not folder.is_dir():
        return
    for backup in sorted(folder.glob("*.sqlite3")):
        try:
            _erase_in_backup(backup, store.db_path)
        except (sqlite3.Error, OSError) as exc:
            # Privacy wins over a migration safety copy that is older than the erasure.
            log.warning("backup %s could not be cleaned (%s); deleting it", backup.name, exc)
            for leftover in (backup, *_sidecars(backup)):
                leftover.unlink(missing_ok=True)


def _erase_in_backup(backup: Path, live: Path) -> None:
    """Blank, in one backup copy, every sign-up the live store has erased; then vacuum it."""
    blanks = ", ".join(f"{column} = ''" for column in PERSONAL_COLUMNS)
    not_blank = " OR ".join(f"{column} != ''" for column in PERSONAL_COLUMNS)
    connection = sqlite3.connect(backup, isolation_level=None)
    try:
        connection.execute("PRAGMA secure_delete=ON")
        connection.execute("ATTACH DATABASE ? AS live", (str(live),))
        connection.execute("BEGIN IMMEDIATE")
        changed = connection.execute(
            f"UPDATE main.signups SET {blanks} WHERE ({not_blank}) AND id IN "
            "(SELECT id FROM live.signups WHERE erased_at IS NOT NULL)"
        ).rowcount
        connection.execute("COMMIT")
        connection.execute("DETACH DATABASE live")
        if changed:
            connection.execute("VACUUM")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _sidecars(database: Path) -> tuple[Path, ...]:
    return tuple(database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal"))
