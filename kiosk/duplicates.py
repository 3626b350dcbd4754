"""Possible duplicates in the master store: people who signed up twice under two emails.

The import merges sign-ups by email only (``kiosk.merge``), so a person with
a work and a personal email, or a typo the kiosk did not catch, is two
contacts. Two contacts are a *possible duplicate* when their names are the
same once case, accents and spacing are folded (``name_key``: any script,
Hebrew points and Arabic vowel marks and tatweel too), and also

- their phones are the same, or
- their ZIP or postal codes are the same (``postal_key``), or
- their emails are one or two edits apart (Damerau-Levenshtein distance on
  the trimmed, lower-cased email: ``edits_apart``).

The name is the blocking key: the search is one self-join of the contacts'
keys on it (``contact_keys``, indexed), never a comparison of all pairs.
The keys are made from each contact's current profile and brought up to
date before a search (``refresh_keys``), so an import never waits for them.

Staff then decide each pair: one person (``merge_contacts``) or not
(``mark_not_same``). Neither is asked again; both are recorded and can be
undone (``undo_decision``). What a merge means for what staff read is
``kiosk.people``'s.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from kiosk.clock import utc_now
from kiosk.errors import KioskError
from kiosk.master import (
    Contact,
    ContactKeys,
    ContactKeysState,
    ContactRow,
    DuplicateDecision,
    MasterBase,
    MasterError,
    Touchpoint,
    contacts_with_ids,
    email_key,
)
from kiosk.people import DISTINCT, MERGED, Groups, merged_groups, people_with_ids
from kiosk.store import database_error_reason, write_transaction

MAX_EDITS = 2  # emails this many edits apart (or fewer) make a possible duplicate
_LARGEST_ID = 2**63 - 1  # what an id column holds on SQLite and PostgreSQL (BIGINT)
SAME_PHONE = "same phone"
SAME_POSTAL_CODE = "same ZIP or postal code"

# Folded away entirely: apostrophes (O'Connor, O’Connor and OConnor are one name),
# Hebrew geresh and gershayim, Arabic tatweel (a stretching stroke, not a letter).
_DROPPED = frozenset("'\u2018\u2019\u02bc\u05f3\u05f4\u0640")
# Read as a space: dashes of every kind (Pd), Hebrew maqaf included, and separators.
_SPACE_CATEGORIES = frozenset({"Pd", "Zs", "Zl", "Zp"})
# Dropped: combining marks (accents, Hebrew points, Arabic harakat) and format characters.
_MARK_CATEGORIES = frozenset({"Mn", "Mc", "Me", "Cf"})


class DuplicateError(KioskError):
    """A decision on a possible duplicate cannot be made (or undone); the message says why."""


@dataclass(frozen=True)
class Candidate:
    """Two contacts that may be one person, and why (``SAME_PHONE``, ``SAME_POSTAL_CODE``...)."""

    first: int  # contact ids, first < second
    second: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    """One recorded decision: ``MERGED`` or ``DISTINCT``, in force until ``undone_at``."""

    id: int
    decision: str
    first: int  # contact ids, first < second
    second: int
    decided_at: datetime  # aware UTC
    undone_at: datetime | None


@dataclass(frozen=True)
class PossibleDuplicate:
    """A candidate with the two people it joins (each as staff see them: merged ones whole)."""

    candidate: Candidate
    first: ContactRow
    second: ContactRow


@dataclass(frozen=True)
class DecisionRecord:
    """A decision with its two contacts as they are now (each on its own, not merged)."""

    decision: Decision
    first: ContactRow | None  # None only if the contact is gone from the store
    second: ContactRow | None


# Keys -------------------------------------------------------------------------------


def name_key(first_name: str, last_name: str) -> str:
    """A name as the duplicate search compares it: "Björn  ÅSTRÖM" and "bjorn astrom" agree.

    Unicode compatibility decomposition, then every combining mark and format
    character dropped (accents, Hebrew niqqud, Arabic harakat, bidi marks),
    apostrophes and tatweel dropped, dashes read as spaces, case folded, and
    runs of spaces made one.
    """
    kept = []
    for char in unicodedata.normalize("NFKD", f"{first_name} {last_name}"):
        category = unicodedata.category(char)
        if category in _MARK_CATEGORIES or char in _DROPPED:
            continue
        kept.append(" " if category in _SPACE_CATEGORIES or char.isspace() else char)
    return " ".join("".join(kept).casefold().split())


def postal_key(postal_code: str) -> str:
    """A postal code as the search compares it: upper case, no spaces; ZIP+4 as five digits."""
    folded = "".join(postal_code.split()).upper()
    if len(folded) == 10 and folded[5] == "-" and (folded[:5] + folded[6:]).isdigit():
        return folded[:5]
    return folded


def edits_apart(first: str, second: str, limit: int = MAX_EDITS) -> int | None:
    """The Damerau-Levenshtein distance between two texts if it is at most ``limit``, else None.

    Insertions, deletions, substitutions and transpositions of neighbours each
    cost one; letters may be inserted or deleted between transposed ones
    (the unrestricted distance). Bounded, so a pair far apart costs only a
    few comparisons.
    """
    distance = _distance(first, second, limit)
    return distance if distance <= limit else None


def _distance(a: str, b: str, budget: int) -> int:
    """The distance if at most ``budget``, else ``budget + 1``."""
    if budget == 0:
        return 0 if a == b else 1
    a, b = _differing_middles(a, b)
    if not a or not b:
        return min(len(a) + len(b), budget + 1)
    if abs(len(a) - len(b)) > budget:
        return budget + 1
    if budget == 1:
        # What one edit at the first difference leaves must be equal.
        one = a[1:] == b[1:] or a[1:] == b or a == b[1:] or (a[:2] == b[1::-1] and a[2:] == b[2:])
        return 1 if one else 2
    best = budget + 1
    for cost, rest_a, rest_b in _first_edits(a, b):
        if cost < best:
            best = min(best, cost + _distance(rest_a, rest_b, best - 1 - cost))
    return best


def _differing_middles(a: str, b: str) -> tuple[str, str]:
    """``a`` and ``b`` without the beginning and the end they share."""
    same = _common_prefix(a, b)
    a, b = a[same:], b[same:]
    same = _common_suffix(a, b)
    return (a[:-same], b[:-same]) if same else (a, b)


def _first_edits(a: str, b: str) -> list[tuple[int, str, str]]:
    """The edits that can explain the first difference (``a[0] != b[0]``): cost, and what is left.

    A substitution, a deletion, an insertion, or one end of a transposition,
    with at most one letter inserted or deleted between (within two edits).
    """
    edits = [(1, a[1:], b[1:]), (1, a[1:], b), (1, a, b[1:])]
    if a[:2] == b[1::-1]:
        edits.append((1, a[2:], b[2:]))
    if a[0] == b[2:3] and a[1:2] == b[0]:
        edits.append((2, a[2:], b[3:]))
    if b[0] == a[2:3] and b[1:2] == a[0]:
        edits.append((2, a[3:], b[2:]))
    return edits


def _common_prefix(a: str, b: str) -> int:
    """How many leading characters ``a`` and ``b`` share (slices compared in C, halving)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str) -> int:
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[-middle:] == b[-middle:]:
            low = middle
        else:
            high = middle - 1
    return low


def refresh_keys(engine: Engine) -> int:
    """Bring every contact's keys up to date with its profile; return how many were made.

    Quick when no sign-up arrived since the last time (one count). Otherwise
    only the contacts that are new or have a newer sign-up are read.
    """
    try:
        with engine.connect() as connection:
            if _keys_are_current(connection, _touchpoint_count(connection)):
                return 0
        with write_transaction(engine) as connection:
            count = _touchpoint_count(connection)  # before the contacts: never newer than they are
            made = _make_stale_keys(connection)
            _record_state(connection, count)
        return made
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise MasterError(
            f"The master store could not be searched for duplicates ({database_error_reason(exc)})."
        ) from None


def _touchpoint_count(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(Touchpoint)).scalar_one())


def _keys_are_current(connection: Connection, touchpoints: int) -> bool:
    recorded = connection.execute(
        select(ContactKeysState.touchpoints).where(ContactKeysState.id == 1)
    ).scalar()
    return recorded == touchpoints


def _make_stale_keys(connection: Connection) -> int:
    stale = connection.execute(
        select(
            Contact.id,
            Contact.latest_signup_id,
            Contact.first_name,
            Contact.last_name,
            Contact.phone,
            Contact.postal_code,
            Contact.email_key,
        )
        .outerjoin(ContactKeys, ContactKeys.contact_id == Contact.id)
        .where(
            ContactKeys.contact_id.is_(None) | (ContactKeys.signup_id != Contact.latest_signup_id)
        )
    ).all()
    rows = [
        {
            "contact_id": row.id,
            "signup_id": row.latest_signup_id,
            "name_key": name_key(row.first_name, row.last_name),
            "phone": row.phone or "",
            "postal_key": postal_key(row.postal_code or ""),
            "email_key": email_key(row.email_key),
        }
        for row in stale
    ]
    for start in range(0, len(rows), 5000):
        _upsert(connection, ContactKeys, "contact_id", rows[start : start + 5000])
    return len(rows)


def _record_state(connection: Connection, touchpoints: int) -> None:
    _upsert(connection, ContactKeysState, "id", [{"id": 1, "touchpoints": touchpoints}])


def _upsert(
    connection: Connection, table: type[MasterBase], key: str, rows: list[dict[str, Any]]
) -> None:
    """Insert ``rows`` into ``table``, replacing the rows with the same ``key``."""
    insert_ = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = insert_(table)
    replaced = {name: statement.excluded[name] for name in rows[0] if name != key}
    connection.execute(statement.on_conflict_do_update(index_elements=[key], set_=replaced), rows)


# Candidates -------------------------------------------------------------------------

# The keys of every contact whose name key another contact shares, a name at a time.
_SHARED_NAMES = (
    "SELECT name_key, contact_id, phone, postal_key, email_key FROM contact_keys "
    "WHERE name_key IN (SELECT name_key FROM contact_keys WHERE name_key <> '' "
    "GROUP BY name_key HAVING count(*) > 1) "
    "ORDER BY name_key, contact_id"
)


def find_candidates(engine: Engine) -> list[Candidate]:
    """Every possible duplicate staff have not decided on, the strongest and newest first.

    Contacts already merged count as one: a pair within one group is not
    offered, and two groups are offered once (by the pair of their members
    with the most reasons). A group marked "not the same person" as another
    is not offered with any member of it again.
    """
    refresh_keys(engine)
    try:
        with engine.connect() as connection:
            groups = merged_groups(connection)
            apart = _distinct_groups(connection, groups)
            shared = connection.exec_driver_sql(_SHARED_NAMES).all()
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise MasterError(
            f"The master store could not be searched for duplicates ({database_error_reason(exc)})."
        ) from None
    found: dict[tuple[int, int], Candidate] = {}
    for first, second, reasons in _matching_pairs(shared):
        low, high = sorted((groups.of(first), groups.of(second)))
        if low == high or (low, high) in apart:
            continue
        known = found.get((low, high))
        if known is None or len(reasons) > len(known.reasons):
            found[(low, high)] = Candidate(first, second, reasons)
    return sorted(found.values(), key=lambda c: (-len(c.reasons), -c.second, -c.first))


def _matching_pairs(rows: Sequence[Any]) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Each pair of contacts with the same name that has a reason, and its reasons.

    ``rows``: (name key, contact id, phone, postal key, email key), by name key.
    """
    for _, block in groupby(rows, key=itemgetter(0)):
        people = [(row, frozenset(row[4])) for row in block]
        for at, (one, one_letters) in enumerate(people):
            for other, other_letters in people[at + 1 :]:
                reasons = []
                if one[2] and one[2] == other[2]:
                    reasons.append(SAME_PHONE)
                if one[3] and one[3] == other[3]:
                    reasons.append(SAME_POSTAL_CODE)
                # An edit changes the set of letters used by at most two, so emails
                # whose letters differ by more are too far apart to compare.
                if len(one_letters ^ other_letters) <= 2 * MAX_EDITS:
                    edits = edits_apart(one[4], other[4])
                    if edits is not None:
                        reasons.append(emails_apart_text(edits))
                if reasons:
                    yield one[1], other[1], tuple(reasons)


def emails_apart_text(edits: int) -> str:
    """The reason given for emails ``edits`` apart."""
    return "emails 1 edit apart" if edits == 1 else f"emails {edits} edits apart"


def _distinct_groups(connection: Connection, groups: Groups) -> set[tuple[int, int]]:
    """The pairs of groups (by name, smaller first) staff marked as not the same person."""
    rows = connection.execute(
        select(DuplicateDecision.contact_low, DuplicateDecision.contact_high).where(
            DuplicateDecision.decision == DISTINCT, DuplicateDecision.undone_at.is_(None)
        )
    )
    pairs = set()
    for low, high in rows:
        first, second = sorted((groups.of(low), groups.of(high)))
        pairs.add((first, second))
    return pairs


# Decisions --------------------------------------------------------------------------


def merge_contacts(
    engine: Engine, first: int, second: int, *, now: datetime | None = None
) -> Decision:
    """Record that two contacts are one person: both emails, the newer profile, every sign-up."""
    return _decide(engine, first, second, MERGED, now or utc_now())


def mark_not_same(
    engine: Engine, first: int, second: int, *, now: datetime | None = None
) -> Decision:
    """Record that two contacts are two people: the pair is not offered again."""
    return _decide(engine, first, second, DISTINCT, now or utc_now())


def _decide(engine: Engine, first: int, second: int, decision: str, now: datetime) -> Decision:
    low, high = _contact_pair(first, second)
    try:
        with write_transaction(engine) as connection:
            _check_decidable(connection, low, high, decision)
            decision_id = connection.execute(
                insert(DuplicateDecision)
                .values(
                    contact_low=low,
                    contact_high=high,
                    decision=decision,
                    decided_at=_naive(now),
                )
                .returning(DuplicateDecision.id)
            ).scalar_one()
    except IntegrityError:
        raise DuplicateError(
            "Someone has decided on these two contacts already; look again for the current list."
        ) from None
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise MasterError(
            f"The decision could not be recorded ({database_error_reason(exc)}); nothing changed."
        ) from None
    return Decision(decision_id, decision, low, high, _aware(_naive(now)), None)


def _contact_pair(first: object, second: object) -> tuple[int, int]:
    """Two contact ids, smaller first, or DuplicateError for anything else."""
    if not (_is_id(first) and _is_id(second)):
        raise DuplicateError("A contact is named by a positive whole number.")
    assert isinstance(first, int) and isinstance(second, int)
    if first == second:
        raise DuplicateError("A contact cannot be a duplicate of itself.")
    return (first, second) if first < second else (second, first)


def possible_duplicates(engine: Engine, limit: int = 200) -> tuple[list[PossibleDuplicate], int]:
    """The first ``limit`` possible duplicates with their people, and how many there are."""
    found = find_candidates(engine)
    shown = found[:limit]
    people = people_with_ids(engine, [i for c in shown for i in (c.first, c.second)])
    pairs = [
        PossibleDuplicate(c, people[c.first], people[c.second])
        for c in shown
        if c.first in people and c.second in people
    ]
    return pairs, len(found)


def decision_history(engine: Engine, limit: int = 50) -> list[DecisionRecord]:
    """The latest ``limit`` decisions (undone ones too), newest first, with their contacts."""
    made = decisions(engine, limit)
    with engine.connect() as connection:
        ids = [i for d in made for i in (d.first, d.second)]
        contacts = {row.id: row for row in contacts_with_ids(connection, ids)}
    return [DecisionRecord(d, contacts.get(d.first), contacts.get(d.second)) for d in made]


def _is_id(value: object) -> bool:
    """True for a whole number a database id column can hold (not a bool, float or text)."""
    return type(value) is int and 0 < value <= _LARGEST_ID


def _check_decidable(connection: Connection, low: int, high: int, decision: str) -> None:
    found = connection.execute(
        select(func.count()).select_from(Contact).where(Contact.id.in_((low, high)))
    ).scalar_one()
    if found != 2:
        raise DuplicateError("One of the two contacts is not in the master store.")
    groups = merged_groups(connection)
    if groups.of(low) == groups.of(high):
        raise DuplicateError("These two contacts are one person already (merged).")
    pair = tuple(sorted((groups.of(low), groups.of(high))))
    if decision == MERGED and pair in _distinct_groups(connection, groups):
        raise DuplicateError(
            "These contacts were marked as not the same person; undo that decision first."
        )


def undo_decision(engine: Engine, decision_id: int, *, now: datetime | None = None) -> Decision:
    """Undo a decision: a merge is split again, a "not the same person" pair offered again.

    The decision stays on record, marked undone. Undoing one twice is refused.
    """
    if not _is_id(decision_id):
        raise DuplicateError("A decision is named by a positive whole number.")
    moment = _naive(now or utc_now())
    try:
        with write_transaction(engine) as connection:
            changed = connection.execute(
                update(DuplicateDecision)
                .where(DuplicateDecision.id == decision_id, DuplicateDecision.undone_at.is_(None))
                .values(undone_at=moment)
            ).rowcount
            row = connection.execute(
                select(*_DECISION_COLUMNS).where(DuplicateDecision.id == decision_id)
            ).first()
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise MasterError(
            f"The decision could not be undone ({database_error_reason(exc)}); nothing changed."
        ) from None
    if row is None:
        raise DuplicateError("There is no such decision.")
    if not changed:
        raise DuplicateError("That decision was undone already.")
    return _decision(row)


def decisions(engine: Engine, limit: int = 200) -> list[Decision]:
    """The latest ``limit`` decisions, undone ones too, the newest first."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(*_DECISION_COLUMNS).order_by(DuplicateDecision.id.desc()).limit(limit)
        )
        return [_decision(row) for row in rows]


_DECISION_COLUMNS = (
    DuplicateDecision.id,
    DuplicateDecision.decision,
    DuplicateDecision.contact_low,
    DuplicateDecision.contact_high,
    DuplicateDecision.decided_at,
    DuplicateDecision.undone_at,
)


def _decision(row: Any) -> Decision:
    return Decision(
        id=row.id,
        decision=row.decision,
        first=row.contact_low,
        second=row.contact_high,
        decided_at=_aware(row.decided_at),
        undone_at=_aware(row.undone_at) if row.undone_at is not None else None,
    )


def _naive(moment: datetime) -> datetime:
    """A time as the master store keeps it: naive UTC, to the microsecond."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC)
