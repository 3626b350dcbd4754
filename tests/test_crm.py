"""CRM files: each profile's columns and formats, read back from a real master store.

Contacts are written into a real SQLite master store (the tables of
``kiosk.master``); ``write_crm_file`` reads them back through
``kiosk.people.iter_people`` exactly as the command line and the office screen do.
"""

from __future__ import annotations

import csv
import os
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from kiosk.crm import (
    PROFILES,
    Field,
    PhoneFormat,
    Profile,
    format_phone,
    profile_for,
    write_crm_file,
)
from kiosk.errors import KioskError
from kiosk.master import Contact, Touchpoint, email_key, open_master, search_text

FIRST = datetime(2026, 11, 20, 14, 5, 9)
LAST = datetime(2026, 11, 24, 23, 30, 0)  # late evening UTC: the date must stay the 24th


DANA_TEXT = {
    "email": "Dana.Levi@Example.org",
    "first_name": "Dana",
    "last_name": "Levi",
    "phone": "+12025550143",
    "postal_code": "02139",
    "wlf_choice": "member",
}
"""``add_contact``'s text columns, which the generic profile writes as they are stored
(first, in this order)."""


def add_contact(url: str, **overrides: object) -> None:
    """Insert one contact with one touchpoint per event into the master store at ``url``."""
    values: dict[str, object] = {
        **DANA_TEXT,
        "email_group_opt_in": True,
        "advocacy_pledge": False,
        "contact_consent": True,
        "consent_version": "2026-1",
        "first_seen_at": FIRST,
        "last_seen_at": LAST,
    }
    events = overrides.pop("events", ("Campus Fair", "Community Dinner"))
    assert isinstance(events, tuple)
    # The latest sign-up was in Hebrew: the contact's language is that one's.
    locales = overrides.pop("locales", ("en",) * (len(events) - 1) + ("he",))
    values.update(overrides)
    engine = open_master(url)
    try:
        with Session(engine) as session, session.begin():
            email = str(values["email"])
            contact = Contact(
                email_key=email_key(email),
                latest_signup_id="",  # the last touchpoint's, once the contact has its id
                search_text=search_text(str(values["first_name"]), str(values["last_name"]), email),
                **values,
            )
            session.add(contact)
            session.flush()
            contact.latest_signup_id = f"{contact.id:08d}-0000-4000-8000-{len(events) - 1:012d}"
            for index, event_name in enumerate(events):
                session.add(
                    Touchpoint(
                        signup_id=f"{contact.id:08d}-0000-4000-8000-{index:012d}",
                        contact_id=contact.id,
                        created_at=FIRST if index == 0 else LAST,
                        event_name=event_name,
                        event_location="Boston, MA",
                        kiosk_id="kiosk-1",
                        first_name=values["first_name"],
                        last_name=values["last_name"],
                        email=email,
                        phone=values["phone"],
                        postal_code=values["postal_code"],
                        wlf_choice=values["wlf_choice"],
                        email_group_opt_in=values["email_group_opt_in"],
                        advocacy_pledge=values["advocacy_pledge"],
                        contact_consent=values["contact_consent"],
                        consent_version=values["consent_version"],
                        locale=locales[index],  # type: ignore[index]
                        source_sha256="0" * 64,
                        imported_at=LAST,
                    )
                )
    finally:
        engine.dispose()


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def _write(url: str, tmp_path: Path, profile: str) -> tuple[int, Path]:
    out = tmp_path / f"{profile}.csv"
    return write_crm_file(url, out, profile=profile), out


# Every profile ------------------------------------------------------------------

EXPECTED_ROWS = {
    "generic": {
        **DANA_TEXT,
        "email_group_opt_in": "yes",
        "advocacy_pledge": "no",
        "contact_consent": "yes",
        "consent_version": "2026-1",
        "first_seen_at": "2026-11-20T14:05:09Z",
        "last_seen_at": "2026-11-24T23:30:00Z",
        "signups": "2",
        "events": "Campus Fair; Community Dinner",
        "language": "he",
        "other_emails": "",
    },
    "everyaction": {
        "First Name": "Dana",
        "Last Name": "Levi",
        "Email": "Dana.Levi@Example.org",
        "Phone": "(202) 555-0143",
        "Zip/Postal": "02139",
        "WLF Choice": "WLF Member",
        "WLF Email Group": "Y",
        "Advocacy Pledge": "N",
        "Contact Consent": "Y",
        "Consent Version": "2026-1",
        "Date Canvassed": "11/24/2026",
        "Source Code": "People to People kiosk",
        "Other Emails": "",
    },
    "action-network": {
        "email": "Dana.Levi@Example.org",
        "first_name": "Dana",
        "last_name": "Levi",
        "zip_code": "02139",
        "mobile_number": "+12025550143",
        "wlf_choice": "member",
        "wlf_email_group": "yes",
        "advocacy_pledge": "no",
        "consent_version": "2026-1",
        "signup_date": "2026-11-24",
        "kiosk_events": "Campus Fair; Community Dinner",
        "other_emails": "",
    },
    "mailchimp": {
        "Email Address": "Dana.Levi@Example.org",
        "First Name": "Dana",
        "Last Name": "Levi",
        "Phone Number": "+12025550143",
        "Postal Code": "02139",
        "Tags": "WLF member,WLF email group,People to People kiosk",
        "Consent Version": "2026-1",
        "Signup Date": "2026-11-24",
        "Language": "he",
        "Other Emails": "",
    },
    "salesforce-npsp": {
        "Contact1 First Name": "Dana",
        "Contact1 Last Name": "Levi",
        "Contact1 Personal Email": "Dana.Levi@Example.org",
        "Contact1 Mobile Phone": "(202) 555-0143",
        "Home Zip/Postal Code": "02139",
        "Contact1 WLF Choice": "Member",
        "Contact1 WLF Email Group": "TRUE",
        "Contact1 Advocacy Pledge": "FALSE",
        "Contact1 Contact Consent": "TRUE",
        "Contact1 Consent Version": "2026-1",
        "Contact1 First Signup Date": "2026-11-20",
        "Contact1 Last Signup Date": "2026-11-24",
        "Contact1 Lead Source": "People to People kiosk",
        "Contact1 Alternate Email": "",
    },
}
"""Each profile's file for ``add_contact``'s one contact: its header (the keys, in the
file's order) and its one row (the values)."""


def test_every_profile_is_tested_here() -> None:
    assert set(PROFILES) == set(EXPECTED_ROWS)
    assert set(PROFILES) == {
        "generic",
        "everyaction",
        "action-network",
        "mailchimp",
        "salesforce-npsp",
    }


@pytest.mark.parametrize("profile", list(PROFILES))
def test_profile_header_and_row(sqlite_url: str, tmp_path: Path, profile: str) -> None:
    add_contact(sqlite_url)
    rows, out = _write(sqlite_url, tmp_path, profile)
    assert rows == 1
    with out.open(encoding="utf-8-sig", newline="") as stream:
        header = next(csv.reader(stream))
    assert header == list(EXPECTED_ROWS[profile])
    assert _read(out) == [EXPECTED_ROWS[profile]]


@pytest.mark.parametrize("profile", list(PROFILES))
def test_profile_has_a_doc_page(profile: str) -> None:
    page = Path(__file__).resolve().parent.parent / "docs" / "crm" / f"{profile}.md"
    text = page.read_text(encoding="utf-8")
    for header in PROFILES[profile].headers:
        assert header in text, f"{profile}.md does not document {header!r}"


def test_default_profile_is_generic(sqlite_url: str, tmp_path: Path) -> None:
    add_contact(sqlite_url)
    out = tmp_path / "contacts.csv"
    assert write_crm_file(sqlite_url, out) == 1
    assert list(_read(out)[0]) == list(EXPECTED_ROWS["generic"])


# File format ---------------------------------------------------------------------


def test_file_is_utf8_with_bom_and_crlf(sqlite_url: str, tmp_path: Path) -> None:
    add_contact(sqlite_url)
    add_contact(sqlite_url, email="second@example.org")
    _rows, out = _write(sqlite_url, tmp_path, "generic")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 3
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_names_in_any_script_come_through_exactly(sqlite_url: str, tmp_path: Path) -> None:
    names = [
        ("נועה", "כהן", "noa@example.org"),
        ("ليلى", "حداد", "layla@example.org"),
        ("Zoë", "Brontë-Smith 🌷", "zoe@example.org"),
        ("Siobhán", "Ní Bhriain", "siobhan@example.org"),
    ]
    for first, last, email in names:
        add_contact(sqlite_url, first_name=first, last_name=last, email=email)
    for profile in PROFILES:
        rows, out = _write(sqlite_url, tmp_path, profile)
        assert rows == 4
        text = out.read_text(encoding="utf-8-sig")
        for first, last, _ in names:
            assert first in text and last in text, profile


def test_rows_are_one_per_contact_ordered_by_email(sqlite_url: str, tmp_path: Path) -> None:
    for email in ("b@example.org", "A@example.org", "c@example.org"):
        add_contact(sqlite_url, email=email)
    rows, out = _write(sqlite_url, tmp_path, "generic")
    assert rows == 3
    assert [r["email"] for r in _read(out)] == ["A@example.org", "b@example.org", "c@example.org"]


# Hostile values ------------------------------------------------------------------


@pytest.mark.parametrize("profile", list(PROFILES))
def test_formula_cells_are_neutralized(sqlite_url: str, tmp_path: Path, profile: str) -> None:
    add_contact(
        sqlite_url,
        first_name='=HYPERLINK("http://evil.example","click")',
        last_name="+cmd|' /C calc'!A0",
        email="@sum@example.org",
        postal_code="-2+3",
        consent_version="\t=1+1",
    )
    _rows, out = _write(sqlite_url, tmp_path, profile)
    (row,) = _read(out)
    for header, cell in row.items():
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r") or (
            header in ("phone", "Phone", "mobile_number", "Phone Number", "Contact1 Mobile Phone")
        ), f"{profile}: {header} starts with a formula trigger"
    assert any(cell.startswith("'=HYPERLINK") for cell in row.values())


def test_phone_numbers_keep_their_plus(sqlite_url: str, tmp_path: Path) -> None:
    add_contact(sqlite_url, phone="+447946095812")
    for profile, header in (
        ("generic", "phone"),
        ("mailchimp", "Phone Number"),
        ("action-network", "mobile_number"),
    ):
        _rows, out = _write(sqlite_url, tmp_path, profile)
        assert _read(out)[0][header] == "+447946095812"
    _rows, out = _write(sqlite_url, tmp_path, "everyaction")
    assert _read(out)[0]["Phone"] == "+44 7946 095812"


def test_empty_phone_and_postal_code_stay_empty(sqlite_url: str, tmp_path: Path) -> None:
    add_contact(sqlite_url, phone="", postal_code="")
    for profile in PROFILES:
        _rows, out = _write(sqlite_url, tmp_path, profile)
        row = _read(out)[0]
        assert "" in row.values()
        assert "None" not in row.values()


@pytest.mark.parametrize(
    ("stored", "style", "written"),
    [
        ("+12025550143", PhoneFormat.E164, "+12025550143"),
        ("+12025550143", PhoneFormat.NATIONAL, "(202) 555-0143"),
        ("+972501234567", PhoneFormat.NATIONAL, "+972 50-123-4567"),
        ("", PhoneFormat.NATIONAL, ""),
        ("not a phone", PhoneFormat.NATIONAL, "not a phone"),
    ],
)
def test_format_phone(stored: str, style: PhoneFormat, written: str) -> None:
    assert format_phone(stored, style) == written


# Consent -------------------------------------------------------------------------


def _one_consented_one_not(url: str) -> str:
    """Store yes@example.org, who agreed to be contacted, and no@example.org, who did not."""
    add_contact(url, email="yes@example.org", contact_consent=True)
    add_contact(url, email="no@example.org", contact_consent=False)
    return url


@pytest.mark.parametrize("profile", ["mailchimp", "action-network"])
def test_mailing_tools_get_only_people_who_consented(
    sqlite_url: str, tmp_path: Path, profile: str
) -> None:
    rows, out = _write(_one_consented_one_not(sqlite_url), tmp_path, profile)
    assert rows == 1
    assert "no@example.org" not in out.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("profile", ["generic", "everyaction", "salesforce-npsp"])
def test_crm_tools_get_everyone_with_their_consent_written(
    sqlite_url: str, tmp_path: Path, profile: str
) -> None:
    rows, out = _write(_one_consented_one_not(sqlite_url), tmp_path, profile)
    assert rows == 2
    chosen = PROFILES[profile]
    (column,) = [h for h, field in chosen.columns if field is Field.CONTACT_CONSENT]
    by_email = {r[chosen.headers[_email_index(chosen)]]: r[column] for r in _read(out)}
    assert by_email == {
        "yes@example.org": chosen.true_text,
        "no@example.org": chosen.false_text,
    }


def _email_index(profile: Profile) -> int:
    return [field for _, field in profile.columns].index(Field.EMAIL)


def test_wlf_choices_are_written_per_tool(sqlite_url: str, tmp_path: Path) -> None:
    for choice in ("member", "updates", "existing_member", "none"):
        add_contact(
            sqlite_url, email=f"{choice}@example.org", wlf_choice=choice, email_group_opt_in=False
        )

    def by_choice(profile: str, email_column: str, column: str) -> dict[str, str]:
        """Each contact's ``column`` in ``profile``'s file, by the choice its email names."""
        _rows, out = _write(sqlite_url, tmp_path, profile)
        return {r[email_column].split("@")[0]: r[column] for r in _read(out)}

    assert by_choice("mailchimp", "Email Address", "Tags") == {
        "existing_member": "WLF existing member,People to People kiosk",
        "member": "WLF member,People to People kiosk",
        "none": "People to People kiosk",
        "updates": "WLF updates,People to People kiosk",
    }
    assert by_choice("salesforce-npsp", "Contact1 Personal Email", "Contact1 WLF Choice") == {
        "existing_member": "Existing Member",
        "member": "Member",
        "none": "None",
        "updates": "Updates",
    }


# Errors and atomicity ------------------------------------------------------------


def test_unknown_profile_lists_the_valid_ones(sqlite_url: str, tmp_path: Path) -> None:
    with pytest.raises(KioskError) as caught:
        write_crm_file(sqlite_url, tmp_path / "x.csv", profile="hubspot")
    message = str(caught.value)
    for name in PROFILES:
        assert name in message
    assert not (tmp_path / "x.csv").exists()
    with pytest.raises(KioskError):
        profile_for("")


def test_missing_folder_is_a_clear_error(sqlite_url: str, tmp_path: Path) -> None:
    add_contact(sqlite_url)
    with pytest.raises(KioskError, match="does not exist"):
        write_crm_file(sqlite_url, tmp_path / "nope" / "x.csv")


def test_an_existing_file_is_replaced_whole_and_no_temp_is_left(
    sqlite_url: str, tmp_path: Path
) -> None:
    add_contact(sqlite_url)
    out = tmp_path / "contacts.csv"
    out.write_text("old contents that are much longer than the new file will be\n" * 50)
    assert write_crm_file(sqlite_url, out) == 1
    assert "old contents" not in out.read_text(encoding="utf-8-sig")
    leftovers = [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]
    assert leftovers == []


def test_a_failed_write_keeps_the_old_file(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_contact(sqlite_url)
    out = tmp_path / "contacts.csv"
    out.write_text("previous export\n")

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kiosk.atomic_file.os.fsync", refuse)
    with pytest.raises(KioskError, match="No space left"):
        write_crm_file(sqlite_url, out)
    assert out.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_empty_master_store_writes_just_the_header(sqlite_url: str, tmp_path: Path) -> None:
    rows, out = _write(sqlite_url, tmp_path, "mailchimp")
    assert rows == 0
    expected = ",".join(EXPECTED_ROWS["mailchimp"]) + "\r\n"
    assert out.read_bytes() == b"\xef\xbb\xbf" + expected.encode()
