"""CRM-ready files from the master store, one profile per tool staff import into.

A profile names the columns the tool's import recognizes, the date and phone
formats it expects, and how consent and the WLF choice are written there
(yes/no columns, tags, checkbox values). ``write_crm_file`` writes one row
per person (contacts staff merged as one, with every email: ``kiosk.people``),
atomically (a crash leaves the previous file or the new one, never half of
one), as a CSV in UTF-8 with a byte-order mark and CRLF line ends (what upload
wizards read without asking), or as an Excel workbook (``kiosk.crm_workbook``)
whose text stays text when staff open it in a spreadsheet: the name's ending
chooses. Both read the same rows (``crm_contacts``).

Each profile is documented for staff in ``docs/crm/<name>.md``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

import phonenumbers

from kiosk.atomic_file import write_atomically
from kiosk.csvformat import neutralize
from kiosk.errors import KioskError
from kiosk.master import ContactRow, open_master
from kiosk.people import iter_people

#: Region used to write phones in national format; other countries keep "+CC".
HOME_REGION = "US"
SOURCE = "People to People kiosk"
EVENT_SEPARATOR = "; "


class Field(StrEnum):
    """A value a CRM column can hold, computed from one contact."""

    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    EMAIL = "email"  # the newest email of a merged contact (kiosk.people)
    SECOND_EMAIL = "second_email"  # its next newest, for tools with one alternate email field
    OTHER_EMAILS = "other_emails"  # all its other emails, newest first
    PHONE = "phone"
    POSTAL_CODE = "postal_code"
    WLF_CHOICE = "wlf_choice"
    EMAIL_GROUP = "email_group_opt_in"
    ADVOCACY_PLEDGE = "advocacy_pledge"
    CONTACT_CONSENT = "contact_consent"
    CONSENT_VERSION = "consent_version"
    FIRST_SEEN = "first_seen_at"
    LAST_SEEN = "last_seen_at"
    TAGS = "tags"
    SOURCE = "source"
    EVENTS = "event_names"  # every event the person signed up at, first first
    SIGNUPS = "touchpoints"  # how many sign-ups were merged into the contact
    LANGUAGE = "locale"  # the language code of their latest sign-up: "en", "es", "he", "ar"


TIME_FIELDS = frozenset({Field.FIRST_SEEN, Field.LAST_SEEN})
"""Fields holding a moment (UTC): a date-time cell in a workbook, the profile's date text in CSV."""
COUNT_FIELDS = frozenset({Field.SIGNUPS})
"""Fields holding a number: a number cell in a workbook. Every other field is text."""


class PhoneFormat(StrEnum):
    """How a phone number is written: E.164 (``+12025550143``) or national."""

    E164 = "e164"
    NATIONAL = "national"  # "(202) 555-0143" at home, "+44 20 7946 0958" abroad


@dataclass(frozen=True)
class Profile:
    """How one CRM or mailing tool wants its import file."""

    name: str
    title: str  # the tool's own name, shown to staff
    columns: tuple[tuple[str, Field], ...]  # (header, value)
    date_format: str  # strftime pattern, applied to UTC times
    phone_format: PhoneFormat
    true_text: str
    false_text: str
    wlf_labels: Mapping[str, str]  # WlfChoice value -> text in this tool
    #: Mailing tools forbid uploading people who did not agree to be contacted.
    consented_only: bool = False
    tag_separator: str = ","

    @property
    def headers(self) -> list[str]:
        """The header row, in column order."""
        return [header for header, _ in self.columns]


def _labels(member: str, updates: str, existing: str, none: str) -> Mapping[str, str]:
    return MappingProxyType(
        {"member": member, "updates": updates, "existing_member": existing, "none": none}
    )


_TAG_LABELS = _labels("WLF member", "WLF updates", "WLF existing member", "")

# Each CRM format under the name staff choose it by (--format, the office menu).
PROFILES: Mapping[str, Profile] = MappingProxyType(
    {
        profile.name: profile
        for profile in (
            Profile(
                name="generic",
                title="Generic CSV",
                columns=(
                    ("email", Field.EMAIL),
                    ("first_name", Field.FIRST_NAME),
                    ("last_name", Field.LAST_NAME),
                    ("phone", Field.PHONE),
                    ("postal_code", Field.POSTAL_CODE),
                    ("wlf_choice", Field.WLF_CHOICE),
                    ("email_group_opt_in", Field.EMAIL_GROUP),
                    ("advocacy_pledge", Field.ADVOCACY_PLEDGE),
                    ("contact_consent", Field.CONTACT_CONSENT),
                    ("consent_version", Field.CONSENT_VERSION),
                    ("first_seen_at", Field.FIRST_SEEN),
                    ("last_seen_at", Field.LAST_SEEN),
                    ("signups", Field.SIGNUPS),
                    ("events", Field.EVENTS),
                    ("language", Field.LANGUAGE),
                    ("other_emails", Field.OTHER_EMAILS),
                ),
                date_format="%Y-%m-%dT%H:%M:%SZ",
                phone_format=PhoneFormat.E164,
                true_text="yes",
                false_text="no",
                wlf_labels=_labels("member", "updates", "existing_member", "none"),
            ),
            Profile(
                name="everyaction",
                title="EveryAction (NGP VAN)",
                columns=(
                    ("First Name", Field.FIRST_NAME),
                    ("Last Name", Field.LAST_NAME),
                    ("Email", Field.EMAIL),
                    ("Phone", Field.PHONE),
                    ("Zip/Postal", Field.POSTAL_CODE),
                    ("WLF Choice", Field.WLF_CHOICE),
                    ("WLF Email Group", Field.EMAIL_GROUP),
                    ("Advocacy Pledge", Field.ADVOCACY_PLEDGE),
                    ("Contact Consent", Field.CONTACT_CONSENT),
                    ("Consent Version", Field.CONSENT_VERSION),
                    ("Date Canvassed", Field.LAST_SEEN),
                    ("Source Code", Field.SOURCE),
                    ("Other Emails", Field.OTHER_EMAILS),
                ),
                date_format="%m/%d/%Y",
                phone_format=PhoneFormat.NATIONAL,
                true_text="Y",
                false_text="N",
                wlf_labels=_labels("WLF Member", "WLF Updates", "WLF Existing Member", ""),
            ),
            Profile(
                name="action-network",
                title="Action Network",
                columns=(
                    ("email", Field.EMAIL),
                    ("first_name", Field.FIRST_NAME),
                    ("last_name", Field.LAST_NAME),
                    ("zip_code", Field.POSTAL_CODE),
                    ("mobile_number", Field.PHONE),
                    ("wlf_choice", Field.WLF_CHOICE),
                    ("wlf_email_group", Field.EMAIL_GROUP),
                    ("advocacy_pledge", Field.ADVOCACY_PLEDGE),
                    ("consent_version", Field.CONSENT_VERSION),
                    ("signup_date", Field.LAST_SEEN),
                    ("kiosk_events", Field.EVENTS),
                    ("other_emails", Field.OTHER_EMAILS),
                ),
                date_format="%Y-%m-%d",
                phone_format=PhoneFormat.E164,
                true_text="yes",
                false_text="no",
                wlf_labels=_labels("member", "updates", "existing member", ""),
                consented_only=True,
            ),
            Profile(
                name="mailchimp",
                title="Mailchimp",
                columns=(
                    ("Email Address", Field.EMAIL),
                    ("First Name", Field.FIRST_NAME),
                    ("Last Name", Field.LAST_NAME),
                    ("Phone Number", Field.PHONE),
                    ("Postal Code", Field.POSTAL_CODE),
                    ("Tags", Field.TAGS),
                    ("Consent Version", Field.CONSENT_VERSION),
                    ("Signup Date", Field.LAST_SEEN),
                    # Mailchimp's import guide: language preferences go in a text field.
                    ("Language", Field.LANGUAGE),
                    ("Other Emails", Field.OTHER_EMAILS),
                ),
                date_format="%Y-%m-%d",
                phone_format=PhoneFormat.E164,
                true_text="yes",
                false_text="no",
                wlf_labels=_TAG_LABELS,
                consented_only=True,
            ),
            Profile(
                name="salesforce-npsp",
                title="Salesforce Nonprofit Success Pack",
                columns=(
                    ("Contact1 First Name", Field.FIRST_NAME),
                    ("Contact1 Last Name", Field.LAST_NAME),
                    ("Contact1 Personal Email", Field.EMAIL),
                    ("Contact1 Mobile Phone", Field.PHONE),
                    ("Home Zip/Postal Code", Field.POSTAL_CODE),
                    ("Contact1 WLF Choice", Field.WLF_CHOICE),
                    ("Contact1 WLF Email Group", Field.EMAIL_GROUP),
                    ("Contact1 Advocacy Pledge", Field.ADVOCACY_PLEDGE),
                    ("Contact1 Contact Consent", Field.CONTACT_CONSENT),
                    ("Contact1 Consent Version", Field.CONSENT_VERSION),
                    ("Contact1 First Signup Date", Field.FIRST_SEEN),
                    ("Contact1 Last Signup Date", Field.LAST_SEEN),
                    ("Contact1 Lead Source", Field.SOURCE),
                    ("Contact1 Alternate Email", Field.SECOND_EMAIL),
                ),
                date_format="%Y-%m-%d",
                phone_format=PhoneFormat.NATIONAL,
                true_text="TRUE",
                false_text="FALSE",
                wlf_labels=_labels("Member", "Updates", "Existing Member", "None"),
            ),
        )
    }
)

# A phone as this module writes it: digits after an optional "+", spaces, dashes,
# brackets. Spreadsheets read a leading "+" as a sign, never as a formula call,
# so such a cell is left as the tool needs it instead of gaining a quote.
_PHONE_SHAPE = re.compile(r"^\+?[0-9 ()\-]{4,30}$")


def profile_for(name: str) -> Profile:
    """Return the profile called ``name``, or raise KioskError naming the valid ones."""
    try:
        return PROFILES[name]
    except KeyError:
        valid = ", ".join(PROFILES)
        raise KioskError(f"unknown CRM profile {name!r}; choose one of: {valid}") from None


def format_phone(e164: str, style: PhoneFormat) -> str:
    """Write a stored E.164 phone in ``style``; an unparsable value is kept as it is."""
    if not e164 or style is PhoneFormat.E164:
        return e164
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == HOME_REGION:
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def _format_time(value: datetime | None, pattern: str) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:  # the master stores naive UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime(pattern)


def _tags(contact: ContactRow, profile: Profile) -> str:
    tags = [profile.wlf_labels.get(str(contact.wlf_choice), "")]
    if contact.email_group_opt_in:
        tags.append("WLF email group")
    if contact.advocacy_pledge:
        tags.append("Advocacy pledge")
    tags.append(SOURCE)
    return profile.tag_separator.join(tag for tag in tags if tag)


def field_text(contact: ContactRow, field: Field, profile: Profile) -> str:
    """One cell's text as ``profile`` writes it, before CSV formula neutralization."""
    if field is Field.PHONE:
        return format_phone(contact.phone or "", profile.phone_format)
    if field is Field.WLF_CHOICE:
        return profile.wlf_labels.get(str(contact.wlf_choice), str(contact.wlf_choice))
    if field in (Field.EMAIL_GROUP, Field.ADVOCACY_PLEDGE, Field.CONTACT_CONSENT):
        return profile.true_text if getattr(contact, field.value) else profile.false_text
    if field in (Field.FIRST_SEEN, Field.LAST_SEEN):
        return _format_time(getattr(contact, field.value), profile.date_format)
    if field is Field.TAGS:
        return _tags(contact, profile)
    if field is Field.SOURCE:
        return SOURCE
    gathered = _gathered(contact, field)
    if gathered is not None:
        return gathered
    value = getattr(contact, field.value)
    return "" if value is None else str(value)


def _gathered(contact: ContactRow, field: Field) -> str | None:
    """A cell listing or counting what the contact gathered (events, emails, sign-ups), or None."""
    if field is Field.EVENTS:
        return EVENT_SEPARATOR.join(contact.event_names)
    if field is Field.OTHER_EMAILS:
        return EVENT_SEPARATOR.join(contact.other_emails)
    if field is Field.SECOND_EMAIL:
        return contact.other_emails[0] if contact.other_emails else ""
    if field is Field.SIGNUPS:
        return str(contact.touchpoints)
    return None


def crm_row(contact: ContactRow, profile: Profile) -> list[str]:
    """The cells of one contact's row in ``profile``, formula cells neutralized."""
    cells = []
    for _, field in profile.columns:
        text = field_text(contact, field, profile)
        if not (field is Field.PHONE and _PHONE_SHAPE.match(text)):
            text = neutralize(text)
        cells.append(text)
    return cells


def crm_contacts(contacts: Iterable[ContactRow], profile: Profile) -> Iterator[ContactRow]:
    """The contacts a file for ``profile`` holds: all, or only those who agreed to be
    contacted where the tool forbids the others."""
    for contact in contacts:
        if profile.consented_only and not contact.contact_consent:
            continue
        yield contact


class CrmFormat(StrEnum):
    """The kinds of CRM file: a CSV for the tool's importer, or a workbook to look at first."""

    CSV = "csv"
    XLSX = "xlsx"

    @property
    def suffix(self) -> str:
        """The file name ending of this kind, with its dot."""
        return f".{self.value}"


def crm_format_for(path: Path) -> CrmFormat:
    """The kind of CRM file a name asks for, by its ending (any case); KioskError for others."""
    suffix = Path(path).suffix.lower()
    for kind in CrmFormat:
        if suffix == kind.suffix:
            return kind
    endings = " or ".join(kind.suffix for kind in CrmFormat)
    raise KioskError(
        f"the CRM file's name must end in {endings} (the ending chooses the kind of file), "
        f"not {Path(path).name!r}"
    )


@dataclass(frozen=True)
class CrmTarget:
    """The CRM file ``p2p-kiosk import`` writes after the merge: where, what kind, whose layout."""

    out: Path
    kind: CrmFormat
    profile: str


def crm_path_for(path: Path, kind: CrmFormat) -> Path:
    """``path`` ending in ``kind``'s suffix: added when the name lacks it (a save dialog)."""
    path = Path(path)
    return path if path.suffix.lower() == kind.suffix else path.with_name(path.name + kind.suffix)


def write_crm_file(
    url: str, out: Path, *, profile: str = "generic", kind: CrmFormat | None = None
) -> int:
    """Write every contact of the master store at ``url`` to ``out``; return rows written.

    ``kind`` defaults to the one ``out``'s ending names (``crm_format_for``).
    The file appears whole or not at all (temp file, fsync, rename).
    """
    chosen = profile_for(profile)
    out = Path(out)
    kind = kind or crm_format_for(out)
    if kind is CrmFormat.XLSX:
        # XlsxWriter is loaded only for a workbook: the CSV path and the kiosk never need it.
        from kiosk.crm_workbook import write_workbook as write_body
    else:
        write_body = _write_csv
    engine = open_master(url)
    try:
        contacts = crm_contacts(iter_people(engine), chosen)
        return write_atomically(
            out, lambda stream: write_body(stream, chosen, contacts), what="the CRM file"
        )
    finally:
        engine.dispose()


def _write_csv(stream: BinaryIO, profile: Profile, contacts: Iterable[ContactRow]) -> int:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(profile.headers)
    rows = 0
    for contact in contacts:
        writer.writerow(crm_row(contact, profile))
        rows += 1
    text.flush()
    text.detach()  # the stream stays open for its fsync
    return rows
