"""People as staff see them: contacts, with the ones staff merged shown as one.

A merge (``kiosk.duplicates``) changes no contact and moves no sign-up: it is
a recorded decision that two contacts are one person. Contacts joined by
merges in force form a *group*, and everything staff read (the contacts view,
the CRM file) shows a group as one contact:

- the name, choices, consent and language of its newest sign-up; its phone and postal
  code are the newest ones given (an older phone is kept when the newest
  sign-up left it empty);
- every email, the newest first (``ContactRow.other_emails`` after the first);
- every sign-up (touchpoint) of every member, and the events in the order the
  person first came to each; first and last seen over them all.

So an undo is only the decision marked undone, and an import keeps adding a
member's new sign-ups to it by its email as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain

from sqlalchemy import Connection, Engine, select

from kiosk.master import (
    ContactRow,
    DuplicateDecision,
    contacts_with_ids,
    iter_contacts,
    recent_contacts,
    search_contacts,
    sign_up_summary,
)

MERGED = "merged"
DISTINCT = "distinct"


class Groups:
    """Which contacts staff merged: each grouped contact's group, named by its smallest id."""

    def __init__(self, merges: Iterable[tuple[int, int]]) -> None:
        parent: dict[int, int] = {}

        def root(item: int) -> int:
            while parent.setdefault(item, item) != item:
                parent[item] = parent[parent[item]]  # path halving
                item = parent[item]
            return item

        for low, high in merges:
            first, second = sorted((root(low), root(high)))
            parent[second] = first
        self._group = {item: root(item) for item in parent}

    def __bool__(self) -> bool:
        return bool(self._group)

    def of(self, contact_id: int) -> int:
        """The group ``contact_id`` belongs to (itself when it was never merged)."""
        return self._group.get(contact_id, contact_id)

    def members(self) -> dict[int, list[int]]:
        """Every group of two or more contacts, by its name: its members in id order."""
        found: dict[int, list[int]] = {}
        for item in sorted(self._group):
            found.setdefault(self._group[item], []).append(item)
        return found


def merged_groups(connection: Connection) -> Groups:
    """The groups the merges in force make."""
    rows = connection.execute(
        select(DuplicateDecision.contact_low, DuplicateDecision.contact_high).where(
            DuplicateDecision.decision == MERGED, DuplicateDecision.undone_at.is_(None)
        )
    )
    return Groups((low, high) for low, high in rows)


def combine(members: Sequence[ContactRow], events: Sequence[str]) -> ContactRow:
    """One group's members as one contact (see the module's docstring); ``events`` in order."""
    by_age = sorted(members, key=lambda row: (row.last_seen_at, row.id), reverse=True)
    newest = by_age[0]
    emails = list(dict.fromkeys(chain.from_iterable(row.emails for row in by_age)))
    return replace(
        newest,
        phone=next((row.phone for row in by_age if row.phone), ""),
        postal_code=next((row.postal_code for row in by_age if row.postal_code), ""),
        first_seen_at=min(row.first_seen_at for row in members),
        touchpoints=sum(row.touchpoints for row in members),
        event_names=tuple(events),
        other_emails=tuple(emails[1:]),
    )


def _people_of(connection: Connection, groups: Groups, names: Sequence[int]) -> list[ContactRow]:
    """The groups called ``names`` as one contact each (never-merged contacts as they are)."""
    members = groups.members()
    ids = sorted({member for name in names for member in members.get(name, [name])})
    rows = {row.id: row for row in contacts_with_ids(connection, ids)}
    order = sign_up_summary(connection, ids, groups.of).events
    people = []
    for name in names:
        found = [rows[member] for member in members.get(name, [name]) if member in rows]
        if found:
            people.append(combine(found, list(order.get(name, {}))))
    return people


def _by_group(
    connection: Connection, groups: Groups, names: Iterable[int]
) -> dict[int, ContactRow]:
    """The groups called ``names`` as one contact each, by group name."""
    people = _people_of(connection, groups, sorted(set(names)))
    return {groups.of(person.id): person for person in people}


def as_people(connection: Connection, contacts: Sequence[ContactRow]) -> list[ContactRow]:
    """``contacts`` with each merged one replaced by its whole group, once, in their order."""
    groups = merged_groups(connection)
    if not groups:
        return list(contacts)
    names = list(dict.fromkeys(groups.of(contact.id) for contact in contacts))
    merged = _by_group(connection, groups, (name for name in names if name in groups.members()))
    by_id = {contact.id: contact for contact in contacts}
    shown = (merged.get(name, by_id.get(name)) for name in names)
    return [person for person in shown if person is not None]


def people_with_ids(engine: Engine, ids: Iterable[int]) -> dict[int, ContactRow]:
    """The person (group) each contact id belongs to, by that id; unknown ids are left out."""
    wanted = list(dict.fromkeys(ids))
    with engine.connect() as connection:
        groups = merged_groups(connection)
        by_group = _by_group(connection, groups, (groups.of(i) for i in wanted))
    return {i: by_group[groups.of(i)] for i in wanted if groups.of(i) in by_group}


def search_people(engine: Engine, text: str, limit: int = 200) -> list[ContactRow]:
    """Contacts whose name or email contains ``text``, merged ones once with all their emails."""
    found = search_contacts(engine, text, limit)
    with engine.connect() as connection:
        return as_people(connection, found)


def recent_people(engine: Engine, limit: int = 200) -> list[ContactRow]:
    """The people who signed up last, the latest first, merged ones once."""
    found = recent_contacts(engine, limit)
    with engine.connect() as connection:
        return as_people(connection, found)


def iter_people(engine: Engine) -> Iterator[ContactRow]:
    """Every person once, ordered by (newest) email key: what the CRM file holds.

    Contacts nobody merged stream from the database as ``iter_contacts``
    yields them; the merged ones (few) are read whole first and slotted in.
    """
    with engine.connect() as connection:
        groups = merged_groups(connection)
        members = groups.members()
        merged = sorted(
            _people_of(connection, groups, sorted(members)), key=lambda person: person.email_key
        )
    grouped = {member for group in members.values() for member in group}
    pending = iter(merged)
    waiting = next(pending, None)
    for contact in iter_contacts(engine):
        if contact.id in grouped:
            continue
        while waiting is not None and waiting.email_key < contact.email_key:
            yield waiting
            waiting = next(pending, None)
        yield contact
    while waiting is not None:
        yield waiting
        waiting = next(pending, None)
