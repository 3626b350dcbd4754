"""The export CSV's format: its columns, cell encoding, and formula neutralization.

One place defines how a stored sign-up becomes a CSV row and back, so the
kiosk's export and the office's import can never drift apart. Round trips are
exact: every value (any Unicode, leading ``=`` or apostrophes, tabs, newlines)
comes back as it was typed, and times keep their microseconds.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from kiosk.signup import Signup, SignupRecord, WlfChoice

FORMAT_VERSION = 1
"""Bumped whenever a column is added, removed or changes meaning."""

COLUMNS: tuple[str, ...] = (
    "signup_id",
    "created_at",
    "event_name",
    "event_location",
    "kiosk_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "postal_code",
    "wlf_choice",
    "email_group_opt_in",
    "advocacy_pledge",
    "contact_consent",
    "consent_version",
    "locale",
)

TRUE, FALSE = "true", "false"
FLAG_COLUMNS = ("email_group_opt_in", "advocacy_pledge", "contact_consent")
"""The columns holding a yes or no, as ``TRUE`` or ``FALSE``."""
FEW_VALUE_COLUMNS = ("event_name", "event_location", "kiosk_id", "consent_version", "locale")
"""The columns a file holds few distinct values of (events, kiosks, consent versions, languages)."""

# A spreadsheet runs a cell that begins with one of these as a formula (tab and
# CR can smuggle one past a naive check), so such cells get a leading apostrophe.
_TRIGGERS = frozenset("=+-@\t\r")
_TIME_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")


def neutralize(value: str) -> str:
    """Return ``value`` safe to open in a spreadsheet; ``restore`` undoes it exactly.

    A value whose first character after any run of leading apostrophes is a
    formula trigger gets one more apostrophe in front. Counting the existing
    apostrophes in makes the mapping reversible for every string: ``'=x``
    (typed that way) becomes ``''=x`` and comes back as ``'=x``.
    """
    if value.lstrip("'")[:1] in _TRIGGERS:
        return "'" + value
    return value


def restore(value: str) -> str:
    """Undo ``neutralize``: drop exactly one apostrophe before a run that ends in a trigger."""
    if value[:1] == "'" and value.lstrip("'")[:1] in _TRIGGERS:
        return value[1:]
    return value


def format_time(moment: datetime) -> str:
    """Write an aware time as ISO 8601 UTC with ``Z``, always with six microsecond digits."""
    if moment.tzinfo is None:
        raise ValueError("expected an aware datetime")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def format_bool(flag: bool) -> str:
    """Write a boolean the way the CSV spells it."""
    return TRUE if flag else FALSE


def record_to_row(record: SignupRecord) -> list[str]:
    """Return the CSV cells of one sign-up, in ``COLUMNS`` order, already neutralized."""
    s = record.signup
    return [
        str(record.signup_id),
        format_time(record.created_at),
        neutralize(record.event_name),
        neutralize(record.event_location),
        neutralize(record.kiosk_id),
        neutralize(s.first_name),
        neutralize(s.last_name),
        neutralize(s.email),
        neutralize(s.phone),
        neutralize(s.postal_code),
        WlfChoice(s.wlf_choice).value,
        format_bool(s.email_group_opt_in),
        format_bool(s.advocacy_pledge),
        format_bool(s.contact_consent),
        neutralize(s.consent_version),
        neutralize(s.locale),
    ]


def row_to_record(row: Mapping[str, str]) -> SignupRecord:
    """Read one CSV row (column name -> cell) back into a sign-up record.

    Raises ``ValueError`` whose message names the column and what is wrong with
    it, never the value itself (cells hold personal data). The consent text is
    not exported (the version names it), so it comes back empty.
    """
    cells = []
    for column in COLUMNS:
        cell = row.get(column)
        if cell is None:
            raise ValueError(f"{column} is missing")
        if "\x00" in cell:
            raise ValueError(f"{column} contains a NUL character")
        cells.append(cell)
    return cells_to_record(cells)


_UUID_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
FLAG_VALUES = {TRUE: True, FALSE: False}
"""The two spellings of a yes/no cell, and what each means."""
_WLF_BY_VALUE = {choice.value: choice for choice in WlfChoice}
_WLF_NAMES = ", ".join(sorted(_WLF_BY_VALUE))


def cells_to_record(cells: Sequence[str]) -> SignupRecord:
    """Read one row's cells, in ``COLUMNS`` order, into a record.

    Same checks and messages as ``row_to_record``, except that the caller has
    already refused NUL characters (the importer checks the whole file at once).
    """
    if len(cells) != len(COLUMNS):
        raise ValueError(f"has {len(cells)} cells, expected {len(COLUMNS)}")
    # Every cell is restored: the id, time, choice and flag cells hold no
    # apostrophe when they are right, and are wrong either way when they do.
    cell = dict(zip(COLUMNS, map(restore, cells), strict=True))
    if not _UUID_PATTERN.fullmatch(cell["signup_id"]):
        raise ValueError("signup_id is not a UUID (lower-case, with hyphens)")
    if not _TIME_PATTERN.fullmatch(cell["created_at"]):
        raise ValueError("created_at is not an ISO 8601 UTC time")
    if not cell["kiosk_id"]:
        raise ValueError("kiosk_id is empty")
    if not cell["email"].strip():
        raise ValueError("email is empty")
    if cell["wlf_choice"] not in _WLF_BY_VALUE:
        raise ValueError(f"wlf_choice is not one of {_WLF_NAMES}")
    for column in FLAG_COLUMNS:
        if cell[column] not in FLAG_VALUES:
            raise ValueError(f"{column} is not true or false")
    try:
        moment = datetime.fromisoformat(cell["created_at"])  # "Z" reads as UTC
    except ValueError:  # the right form, but no such day or hour (a 13th month)
        raise ValueError("created_at is not a real date and time") from None
    return checked_record(cell, moment)


def checked_record(cell: Mapping[str, str], created_at: datetime) -> SignupRecord:
    """The record of one row whose cells (column name -> cell, restored) pass the checks.

    The checks are ``cells_to_record``'s, or the importer's own on whole
    columns; ``created_at`` is the row's time as they parsed it.
    """
    return SignupRecord(
        signup_id=uuid.UUID(cell["signup_id"]),
        created_at=created_at,
        event_name=cell["event_name"],
        event_location=cell["event_location"],
        kiosk_id=cell["kiosk_id"],
        signup=Signup(
            first_name=cell["first_name"],
            last_name=cell["last_name"],
            email=cell["email"],
            phone=cell["phone"],
            postal_code=cell["postal_code"],
            wlf_choice=_WLF_BY_VALUE[cell["wlf_choice"]],
            email_group_opt_in=FLAG_VALUES[cell["email_group_opt_in"]],
            advocacy_pledge=FLAG_VALUES[cell["advocacy_pledge"]],
            contact_consent=FLAG_VALUES[cell["contact_consent"]],
            consent_version=cell["consent_version"],
            consent_text="",
            locale=cell["locale"],
        ),
    )


# Whole columns at once (the importer's fast path) ----------------------------------
#
# A column's cells are joined with NUL, which no checked cell contains, so one
# scan in C checks or rewrites every cell, and splitting on NUL gives the cells
# back one for one.

_SEP = "\x00"
# Drops the apostrophe ``neutralize`` added: one before a run of apostrophes that
# ends in a trigger, at the start of a cell (after a NUL, since a framed column
# starts with one: a literal prefix lets the scan skip along in C).
_RESTORE_JOINED = re.compile(r"\x00'(?='*[=+\-@\t\r])")
_TIMES_JOINED = re.compile(f"{_TIME_PATTERN.pattern}(?:\\x00{_TIME_PATTERN.pattern})*")
_FULL_TIME_WIDTH = len("2026-11-24T15:30:00.000000Z")


def _shape_table(kept: str, classes: dict[str, str]) -> bytes:
    """A ``bytes.translate`` table: ``kept`` bytes stay, ``classes`` map, the rest become '?'."""
    table = bytearray(b"?" * 256)
    for ch in kept:
        table[ord(ch)] = ord(ch)
    for chars, shape in classes.items():
        for ch in chars:
            table[ord(ch)] = ord(shape)
    return bytes(table)


# Every cell of a well-formed column has the same shape once each character is
# mapped to its class, so a whole column is checked by one translate and one
# comparison (a regular expression scan is several times slower).
_UUID_SHAPE = b"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
_UUID_TABLE = _shape_table("-\x00", {"0123456789abcdef": "x"})
_TIME_SHAPE = b"9999-99-99T99:99:99.999999Z"
_TIME_TABLE = _shape_table("-:.TZ\x00", {"0123456789": "9"})


def _same_shape(cells: Sequence[str], shape: bytes, table: bytes) -> bool:
    joined = _SEP.join(cells)
    if not joined.isascii():
        return False
    return joined.encode("ascii").translate(table) == b"\x00".join([shape] * len(cells))


def framed_column(cells: Sequence[str]) -> str:
    """The cells joined by NUL and framed by NUL too ("\\x00a\\x00b\\x00"); no cell may hold NUL.

    Every cell then starts after a NUL and ends before one, so one scan in C
    can check or rewrite them all (here and in ``kiosk.validation``).
    """
    return _SEP + _SEP.join(cells) + _SEP


def restore_framed(framed: str) -> str:
    """``restore`` of every cell of a framed column, still framed (itself if no cell changes)."""
    return _RESTORE_JOINED.sub(_SEP, framed) if "'" in framed else framed


# Puts back the apostrophe ``restore`` drops: at the start of a cell whose first
# character after a run of apostrophes is a trigger.
_NEUTRALIZE_JOINED = re.compile(r"\x00(?='*[=+\-@\t\r])")


def neutralize_column(cells: Sequence[str]) -> list[str]:
    """Return ``neutralize`` of every cell, in order (the export's hot path).

    Exactly ``[neutralize(c) for c in cells]`` (the tests hold it to that), run as
    one regular expression over the joined column instead of a call per cell.
    A cell holding NUL, which the kiosk never stores, takes the per-cell way.
    """
    framed = framed_column(cells)
    if framed.count(_SEP) != len(cells) + 1:
        return [neutralize(cell) for cell in cells]
    neutral = _NEUTRALIZE_JOINED.sub(_SEP + "'", framed)
    return list(cells) if len(neutral) == len(framed) else neutral[1:-1].split(_SEP)


# csv.writer (QUOTE_MINIMAL, "\r\n" line ends, the export's dialect) quotes a cell
# holding any of these, doubling its quotes.
_QUOTE_TRIGGERS = ',"\r\n'
_NEEDS_QUOTES = re.compile('[,"\r\n]')


def quote_column(cells: Sequence[str]) -> Sequence[str]:
    """Return every cell as the CSV file holds it (quoted where it must be), in order.

    Exactly what ``csv.writer`` writes for each cell in the export's dialect
    (the tests hold it to that). A column with no comma, quote or line break,
    the usual case, is checked by four scans in C and returned as it is.
    """
    joined = "".join(cells)
    if not any(trigger in joined for trigger in _QUOTE_TRIGGERS):
        return cells
    return [
        '"' + cell.replace('"', '""') + '"' if _NEEDS_QUOTES.search(cell) else cell
        for cell in cells
    ]


def csv_lines(columns: Sequence[Sequence[str]]) -> str:
    """The CSV lines of rows given column by column, their cells already quoted (``quote_column``).

    Byte for byte what ``csv.writer`` writes for rows of two or more cells, without
    its per-character work: a row is its cells joined by commas, ended by CRLF.
    """
    lines = "\r\n".join(map(",".join, zip(*columns, strict=True)))
    return lines + "\r\n" if lines else ""


def column_is_uuids(cells: Sequence[str]) -> bool:
    """True if every cell is a lower-case hyphenated UUID (no cell may contain NUL)."""
    return _same_shape(cells, _UUID_SHAPE, _UUID_TABLE)  # the UUID form is fixed-width ASCII


def column_is_times(cells: Sequence[str]) -> bool:
    """True if every cell has the form of an ISO 8601 UTC time (no cell may contain NUL).

    Only the form: the calendar (a 13th month) is checked by parsing.
    """
    if _same_shape(cells, _TIME_SHAPE, _TIME_TABLE):
        return True
    return not cells or _TIMES_JOINED.fullmatch(_SEP.join(cells)) is not None


_SQLITE_TIME_SHAPE = b"9999-99-99 99:99:99.999999"
_SQLITE_TIME_TABLE = _shape_table("-: .\x00", {"0123456789": "9"})


def csv_times(stored: Sequence[str]) -> list[str]:
    """Return stored times ("2026-11-24 15:30:00.000000", naive UTC) in the CSV's form.

    SQLAlchemy stores every time in that one form; then the CSV form is only a
    change of separators, done on the whole column at once. A time stored in
    another form goes through ``datetime``. The inverse of ``sqlite_times``.
    """
    if not stored:
        return []
    if _same_shape(stored, _SQLITE_TIME_SHAPE, _SQLITE_TIME_TABLE):
        joined = _SEP.join(stored).replace(" ", "T").replace(_SEP, "Z" + _SEP)
        return (joined + "Z").split(_SEP)
    return [format_time(datetime.fromisoformat(cell).replace(tzinfo=UTC)) for cell in stored]


def sqlite_times(cells: Sequence[str]) -> list[str]:
    """Return checked time cells in SQLAlchemy's SQLite form ("2026-11-24 15:30:00.000000").

    Export files always write six fraction digits; then the form is only a
    change of separators, done on the whole column at once. Other widths go
    through ``datetime``. The result orders like the times themselves.
    """
    if not cells:
        return []
    joined = _SEP.join(cells)
    if len(joined) == len(cells) * (_FULL_TIME_WIDTH + 1) - 1:
        return joined.replace("T", " ").replace("Z", "").split(_SEP)
    return [
        datetime.fromisoformat(cell[:-1]).isoformat(" ", "microseconds")
        if len(cell) != _FULL_TIME_WIDTH
        else f"{cell[:10]} {cell[11:26]}"
        for cell in cells
    ]
