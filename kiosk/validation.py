"""Checking a sign-up form: every field at once, in words an attendee understands.

``validate_signup`` turns a raw ``SignupForm`` into a checked ``Signup`` or
raises ``ValidationFailed`` naming each bad field. Values are normalized here,
once: emails trimmed (domain lower-cased), phones in E.164, US ZIP codes in
their standard shape. Names are kept exactly as typed, in any script.

Messages never repeat what was typed, so they are safe to log. They are in
English, each marked for Qt's translation tools (``QT_TRANSLATE_NOOP``), and the
screens show them in the attendee's language (``ui.screens.join``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import itemgetter

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from kiosk.content import MAX_TEXT_LENGTH, TEXT_CONTROL_CHARACTERS, Consent
from kiosk.csvformat import framed_column
from kiosk.errors import KioskError
from kiosk.signup import Signup, SignupForm

MAX_NAME_LENGTH = 100
MAX_EMAIL_LENGTH = 254  # RFC 5321's limit on a forward path
MAX_PHONE_LENGTH = 40
MAX_POSTAL_LENGTH = 20
MAX_EVENT_LENGTH = 200  # an event's name, and its place
MAX_KIOSK_ID_LENGTH = 64  # a kiosk names itself with 6 hex digits; room for other schemes

# Control characters (Cc) and lone surrogates (Cs). Format characters (Cf)
# stay allowed: emoji joiners and right-to-left marks are part of real names.
_CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

_US_ZIP = re.compile(r"^(\d{5})(?:[-\s]?(\d{4}))?$")

# Domains attendees type most; a near miss of one of these is a likely typo.
COMMON_DOMAINS = (
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "comcast.net",
    "verizon.net",
    "att.net",
    "sbcglobal.net",
    "protonmail.com",
    "proton.me",
    "ymail.com",
    "jstreet.org",
)

# Endings that are never meant (none is a real top-level domain people use).
_ENDING_TYPOS = {
    "con": "com",
    "cmo": "com",
    "ocm": "com",
    "cpm": "com",
    "vom": "com",
    "xom": "com",
    "comm": "com",
    "coom": "com",
    "cim": "com",
    "cok": "com",
    "ogr": "org",
    "orgg": "org",
    "prg": "org",
    "otg": "org",
    "nte": "net",
    "ent": "net",
    "nett": "net",
    "edy": "edu",
    "eud": "edu",
}


MESSAGES_CONTEXT = "Validation"
"""Where the messages are found in the kiosk's translations (``ui/translations/``)."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation under ``context``; return it unchanged.

    ``make translations`` (pyside6-lupdate) collects every call by this name into
    the translation files; the core itself never translates.
    """
    return text


_NAME_MISSING = {
    "first_name": QT_TRANSLATE_NOOP("Validation", "Please enter your first name."),
    "last_name": QT_TRANSLATE_NOOP("Validation", "Please enter your last name."),
}
_NAME_TOO_LONG = {
    "first_name": QT_TRANSLATE_NOOP(
        "Validation", "Please shorten your first name to %1 characters or fewer."
    ),
    "last_name": QT_TRANSLATE_NOOP(
        "Validation", "Please shorten your last name to %1 characters or fewer."
    ),
}
_NAME_UNUSABLE = {
    "first_name": QT_TRANSLATE_NOOP(
        "Validation", "Your first name contains a character that can't be used. Please retype it."
    ),
    "last_name": QT_TRANSLATE_NOOP(
        "Validation", "Your last name contains a character that can't be used. Please retype it."
    ),
}
_TOO_LONG = {
    "phone": QT_TRANSLATE_NOOP("Validation", "This phone number is too long. Please check it."),
    "postal_code": QT_TRANSLATE_NOOP(
        "Validation", "This postal code is too long. Please check it."
    ),
}


@dataclass(frozen=True)
class FieldError:
    """One bad field: its ``SignupForm`` attribute name and what to do about it.

    ``text`` is the message as marked for translation, where ``%1`` stands for
    ``number``; ``message`` is the message itself, in English.
    """

    field: str
    text: str
    number: int | None = None

    @property
    def message(self) -> str:
        """The message in English, ``%1`` filled in."""
        return with_number(self.text, self.number)


def with_number(text: str, number: int | None) -> str:
    """``text`` with its ``%1`` replaced by ``number`` (as Qt's ``arg`` would)."""
    return text if number is None else text.replace("%1", str(number))


class ValidationFailed(KioskError):
    """A form with one or more bad fields; ``errors`` lists each, in form order."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))

    def error_for(self, field: str) -> FieldError | None:
        """Return what is wrong with ``field``, or None when that field is fine."""
        for error in self.errors:
            if error.field == field:
                return error
        return None


def validate_signup(form: SignupForm, consent: Consent, *, default_region: str = "US") -> Signup:
    """Check every field of ``form``; return the normalized sign-up or raise ``ValidationFailed``.

    ``consent`` is the text the attendee saw: its text and version are stored
    with the record, so the office knows exactly what was agreed to.
    """
    errors: list[FieldError] = []

    def check(field: str, problem: str | FieldError | None) -> None:
        if isinstance(problem, FieldError):
            errors.append(problem)
        elif problem is not None:
            errors.append(FieldError(field, problem))

    first_name = form.first_name.strip()
    last_name = form.last_name.strip()
    check("first_name", _name_problem(first_name, "first_name"))
    check("last_name", _name_problem(last_name, "last_name"))

    email, problem = _checked_email(form.email)
    check("email", problem)
    phone, problem = _checked_phone(form.phone, default_region)
    check("phone", problem)
    postal_code, problem = _checked_postal_code(form.postal_code, default_region)
    check("postal_code", problem)
    if not form.contact_consent:
        check(
            "contact_consent",
            QT_TRANSLATE_NOOP(
                "Validation",
                "Please tick this box so we may contact you. "
                "Without it we cannot keep your sign-up.",
            ),
        )
    if errors:
        raise ValidationFailed(errors)

    return Signup(
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone=phone,
        postal_code=postal_code,
        wlf_choice=form.wlf_choice,
        email_group_opt_in=form.email_group_opt_in,
        advocacy_pledge=form.advocacy_pledge,
        contact_consent=form.contact_consent,
        consent_version=consent.version,
        consent_text=consent.text,
        locale=form.locale,
    )


def has_control_characters(text: str) -> bool:
    """True if ``text`` holds a control character (newline, tab, escape...) or a lone surrogate."""
    return _CONTROL_CHARACTERS.search(text) is not None


def _name_problem(name: str, field: str) -> FieldError | None:
    if not name:
        return FieldError(field, _NAME_MISSING[field])
    if len(name) > MAX_NAME_LENGTH:
        return FieldError(field, _NAME_TOO_LONG[field], MAX_NAME_LENGTH)
    if has_control_characters(name):
        return FieldError(field, _NAME_UNUSABLE[field])
    return None


def _checked_email(raw: str) -> tuple[str, str | None]:
    email = raw.strip()
    if not email:
        return "", QT_TRANSLATE_NOOP("Validation", "Please enter your email address.")
    if len(email) > MAX_EMAIL_LENGTH or has_control_characters(email):
        return "", QT_TRANSLATE_NOOP(
            "Validation", "This email address is too long or has odd characters. Please check it."
        )
    if "@" not in email:
        return "", QT_TRANSLATE_NOOP(
            "Validation", "An email address needs an @, like name@example.org."
        )
    try:
        # Syntax only: the kiosk is offline, so no DNS lookups.
        checked = validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return "", QT_TRANSLATE_NOOP(
            "Validation",
            "This email address doesn't look complete. Please check it, e.g. name@example.org.",
        )
    return checked.normalized, None


def _optional_text(raw: str, maximum: int, field: str) -> tuple[str, str | None]:
    """An optional field trimmed, and why it is refused before its format is read, if it is.

    Empty is fine; over-long, or holding control characters, is refused as too long.
    """
    text = raw.strip()
    if len(text) > maximum or has_control_characters(text):
        return "", _TOO_LONG[field]
    return text, None


def _checked_phone(raw: str, region: str) -> tuple[str, str | None]:
    text, problem = _optional_text(raw, MAX_PHONE_LENGTH, "phone")
    if not text:
        return "", problem
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        return "", QT_TRANSLATE_NOOP(
            "Validation",
            "This phone number doesn't look right. Include the area code, "
            "or start with + and the country code.",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), None


def _checked_postal_code(raw: str, region: str) -> tuple[str, str | None]:
    text, problem = _optional_text(raw, MAX_POSTAL_LENGTH, "postal_code")
    if not text:
        return "", problem
    if region.upper() != "US":
        # Other countries' formats vary too much to check offline; keep as typed.
        return text, None
    match = _US_ZIP.match(text)
    if match is None:
        return "", QT_TRANSLATE_NOOP(
            "Validation", "A ZIP code has 5 digits, like 02139, or 9 digits, like 02139-4307."
        )
    five, four = match.groups()
    return (f"{five}-{four}" if four else five), None


def suggest_email(email: str) -> str | None:
    """Return the address with a likely typo in its domain fixed, or None.

    Catches near misses of common mail domains (``yaho.com`` → ``yahoo.com``)
    and impossible endings (``.con``, ``.cmo`` → ``.com``).
    """
    local, at, domain = email.strip().rpartition("@")
    if not at or not local or not domain:
        return None
    domain = domain.lower()
    if domain in COMMON_DOMAINS:
        return None
    fixed = _closest_common_domain(domain) or _fixed_ending(domain)
    if fixed is None or fixed == domain:
        return None
    return f"{local}@{fixed}"


def _closest_common_domain(domain: str) -> str | None:
    best: tuple[int, str] | None = None
    for known in COMMON_DOMAINS:
        if abs(len(known) - len(domain)) > 2:
            continue
        distance = _edit_distance(domain, known)
        # Two edits are a typo on a long name but another real domain on a
        # short one (me.com / mac.com), so allow less for short names.
        limit = 1 if len(known) <= 7 else 2
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, known)
    return best[1] if best else None


def _fixed_ending(domain: str) -> str | None:
    name, dot, ending = domain.rpartition(".")
    if not dot or not name:
        return None
    fixed = _ENDING_TYPOS.get(ending)
    return f"{name}.{fixed}" if fixed else None


def _edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, swaps of neighbours."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[len(a)][len(b)]


# Values as a kiosk stores them ---------------------------------------------------
#
# The office import checks every cell of an export against the rules above, as
# the kiosk applied them when the value was typed or set: a value no kiosk could
# have written (a control character, an over-long field, an email this module
# refuses) marks a forged or corrupted file. The messages name the column, never
# the value.


@dataclass(frozen=True)
class StoredColumn:
    """How a kiosk writes one export column: its longest value, whether it may be blank."""

    max_length: int
    required: bool = False
    forbidden: re.Pattern[str] = _CONTROL_CHARACTERS  # characters no such value holds


STORED_COLUMNS: dict[str, StoredColumn] = {
    "event_name": StoredColumn(MAX_EVENT_LENGTH, required=True),
    "event_location": StoredColumn(MAX_EVENT_LENGTH),
    "kiosk_id": StoredColumn(MAX_KIOSK_ID_LENGTH, required=True),
    "first_name": StoredColumn(MAX_NAME_LENGTH, required=True),
    "last_name": StoredColumn(MAX_NAME_LENGTH, required=True),
    "email": StoredColumn(MAX_EMAIL_LENGTH, required=True),
    "phone": StoredColumn(MAX_PHONE_LENGTH),
    "postal_code": StoredColumn(MAX_POSTAL_LENGTH),
    # These two come from the content file (its consent version and language).
    "consent_version": StoredColumn(MAX_TEXT_LENGTH, forbidden=TEXT_CONTROL_CHARACTERS),
    "locale": StoredColumn(MAX_TEXT_LENGTH, forbidden=TEXT_CONTROL_CHARACTERS),
}
"""Every free-text export column and its rule (the other columns have fixed forms)."""

# What _checked_phone returns: E.164, "+" and up to 15 digits. The numbering
# plan itself is not checked again (25 microseconds a number with phonenumbers).
_E164 = "\\+[1-9][0-9]{1,14}"
# An email whose local part is plain ASCII (RFC 5322 dot-atom: atext runs
# joined by single dots) is accepted exactly when its domain is: the domain is
# then checked once for the whole column (a file has few), not once a row.
_ATEXT = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-"

# The whole-column checks run on a framed column ("\x00a\x00b\x00", as
# kiosk.csvformat.framed_column makes it): each scan below is one pass in C
# over one string, where a check per value would visit every value object.
_FRAMED_E164 = re.compile(f"\\x00(?:(?:{_E164})?\\x00)*")
_FRAMED_BLANK = re.compile(r"\x00\s*\x00")  # a cell of whitespace or nothing
_FRAMED_TOO_LONG = {
    name: re.compile(f"\\x00[^\\x00]{{{rule.max_length + 1}}}")
    for name, rule in STORED_COLUMNS.items()
}
_TWO_ATS = re.compile(rb"@[^\x00]*@")


def stored_value_problem(column: str, value: str) -> str | None:
    """Say why no kiosk could have written ``value`` in export column ``column``, or None.

    ``column`` is one of ``STORED_COLUMNS``. The message names the column only.
    """
    rule = STORED_COLUMNS[column]
    if len(value) > rule.max_length:
        return f"{column} is longer than {rule.max_length} characters"
    if rule.forbidden.search(value):
        return f"{column} contains a control character"
    if rule.required and not value.strip():
        return f"{column} is empty"
    if column == "email" and _checked_email(value)[1] is not None:
        return "email is not an address the kiosk accepts"
    if column == "phone" and value and not re.fullmatch(_E164, value):
        return "phone is not a number in E.164 form (+ and digits)"
    return None


def stored_column_passes(column: str, values: Sequence[str], framed: str | None = None) -> bool:
    """True if every value passes ``stored_value_problem``, checked a whole column at once.

    ``framed`` is ``kiosk.csvformat.framed_column(values)`` when the caller
    has it already. Runs in C over that one string, for the office import's
    speed. It may answer False for a column that would pass after all (an
    unusual email): the caller then checks the values one by one.
    """
    if not values:
        return True
    rule = STORED_COLUMNS[column]
    if framed is None:
        framed = framed_column(values)
    if framed.count("\x00") != len(values) + 1:  # a NUL inside a value
        return False
    if _FRAMED_TOO_LONG[column].search(framed):
        return False
    # A plain address or an E.164 number holds no control character and is
    # never blank: the two checks below imply the general ones.
    if column == "email":
        return _are_plain_emails(values, framed)
    if column == "phone":
        return _FRAMED_E164.fullmatch(framed) is not None
    if rule.forbidden.search(framed.replace("\x00", "")):
        return False
    return not rule.required or _FRAMED_BLANK.search(framed) is None


def _are_plain_emails(values: Sequence[str], framed: str) -> bool:
    """True if every value is a plain ASCII address at a domain the email check accepts.

    Byte scans over the framed column: once the atext is deleted only dots,
    "@" and the NULs between values may be left; each value holds exactly one
    "@", after a local part with no dot at either end or twice in a row.
    """
    if not framed.isascii():
        return False
    raw = framed.encode("ascii")
    if raw.translate(None, _ATEXT + b".@\x00") or raw.count(b"@") != len(values):
        return False
    if b"\x00@" in raw or b"\x00." in raw or b".." in raw or b".@" in raw:
        return False
    if _TWO_ATS.search(raw):  # then some other value has none
        return False
    domains = set(map(itemgetter(2), map(str.rpartition, values, repeat("@"))))
    return all(map(_is_accepted_domain, domains))


@lru_cache(maxsize=4096)
def _is_accepted_domain(domain: str) -> bool:
    """True if an address at ``domain`` with a plain local part passes the email check."""
    return _checked_email(f"a@{domain}")[1] is None
