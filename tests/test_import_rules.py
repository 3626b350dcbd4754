"""What an import accepts: only values and dates a kiosk could have written, and no rewrites.

A forger writes the export a kiosk would write (a real kiosk store, the real
export) but with values the kiosk's own form never lets through, dates in
the far future or before the program existed, or a sign-up id that was
already imported with other values. Each file is rejected whole, or the
conflict reported, naming rows and columns and never the value.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import EXIT_FAILED
from kiosk.clock import ManualClock
from kiosk.export import export_signups
from kiosk.export_check import check_export
from kiosk.importer import import_exports
from p2p_kiosk.cli import main
from tests.factories import ExportingKiosk, MakeKiosk, master_contacts

T0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


Kiosks = Callable[[str], ExportingKiosk]


@pytest.fixture
def kiosks(make_kiosk: MakeKiosk) -> Kiosks:
    """Kiosks on their own manual clocks from T0 (each sign-up and export a second on)."""
    return lambda name: make_kiosk(name, clock=ManualClock(T0))


# Values the kiosk could never have written ----------------------------------------------------

NEVER_WRITTEN = {
    # field (a Signup field, or "event"/"location"): (value, the reason's start)
    "BEL in a first name": ("first_name", "Da\x07na", "first_name contains a control character"),
    "escape in a last name": ("last_name", "Levi\x1b[2J", "last_name contains a control character"),
    "newline in a postal code": ("postal_code", "021\n39", "postal_code contains a control"),
    "an over-long first name": ("first_name", "D" * 101, "first_name is longer than 100"),
    "an over-long email": ("email", "d" * 250 + "@x.org", "email is longer than 254"),
    "a blank last name": ("last_name", "   ", "last_name is empty"),
    "an email without a domain": ("email", "dana@", "email is not an address the kiosk accepts"),
    "an email at localhost": ("email", "dana@localhost", "email is not an address the kiosk"),
    "a phone not in E.164": ("phone", "(617) 253-1000", "phone is not a number in E.164 form"),
    "an over-long phone": ("phone", "+1" + "2" * 40, "phone is longer than 40"),
    "a control character in the event": ("event", "Fair\x07", "event_name contains a control"),
    "an over-long place": ("location", "B" * 201, "event_location is longer than 200"),
    "a tab in the consent version": ("consent_version", "v\x0b1", "consent_version contains"),
}


@pytest.mark.parametrize("case", sorted(NEVER_WRITTEN))
def test_a_value_the_kiosk_never_writes_rejects_the_file_naming_row_and_column(
    case: str, kiosks: Kiosks, sqlite_url: str
) -> None:
    field, value, reason = NEVER_WRITTEN[case]
    forger, honest = kiosks("forger"), kiosks("honest")
    forger.add(email="first@example.org", at=T0)
    values: dict[str, Any] = {"email": "second@example.org", field: value}
    forger.add(at=T0 + timedelta(minutes=1), **values)
    honest.add(email="noa@example.org")
    forged, good = forger.export(), honest.export()

    checked = check_export(forged)

    assert not checked.ok
    assert checked.reason.startswith(f"row 2: {reason}"), checked.reason
    if value.strip():
        assert value.strip() not in checked.reason
    report = import_exports([forged, good], sqlite_url)
    assert [f.accepted for f in report.files] == [False, True]
    assert [c.email for c in master_contacts(sqlite_url)] == ["noa@example.org"]


def test_the_values_a_kiosk_does_write_import(kiosks: Kiosks, sqlite_url: str) -> None:
    kiosk = kiosks("a")
    kiosk.add(first_name="זֹאת", last_name="👩🏽‍💻 Núñez", email="Dana.Levi@Example.ORG")
    kiosk.add(first_name="=1+1", last_name="O'Brien", email="'quoted'@example.org", phone="")
    kiosk.add(first_name="أحمد", last_name="‏حداد", email="דנה@example.org", postal_code="SW1A 1AA")
    kiosk.add(email="x" * 64 + "@example.org", consent_version="v1\twith\na line break")
    report = import_exports([kiosk.export()], sqlite_url)
    assert report.files[0].accepted, report.files[0].reason
    assert report.signups_new == 4


# Dates -------------------------------------------------------------------------------------------


def test_a_sign_up_dated_in_the_far_future_is_rejected_and_cannot_win(
    kiosks: Kiosks, sqlite_url: str
) -> None:
    real, forger = kiosks("real"), kiosks("forger")
    real.add(email="dana@example.org", first_name="Dana", contact_consent=True)
    import_exports([real.export()], sqlite_url)
    forger.add(
        email="dana@example.org",
        first_name="Mallory",
        contact_consent=False,
        at=datetime(2099, 1, 1, tzinfo=UTC),
    )

    report = import_exports([forger.export()], sqlite_url)

    assert not report.files[0].accepted
    assert report.files[0].reason.startswith("row 1: created_at is later than the time of import")
    (contact,) = master_contacts(sqlite_url)
    assert (contact.first_name, contact.contact_consent) == ("Dana", True)


def test_a_kiosk_clock_a_little_ahead_is_allowed(kiosks: Kiosks) -> None:
    kiosk = kiosks("a")
    now = datetime.now(UTC)
    kiosk.add(at=now + timedelta(hours=12))
    assert check_export(kiosk.export()).ok
    later = kiosks("b")
    later.add(at=now + timedelta(days=2))
    assert "later than the time of import" in check_export(later.export()).reason


def test_a_sign_up_from_before_the_program_existed_is_rejected(
    kiosks: Kiosks,
) -> None:
    kiosk = kiosks("a")
    kiosk.add(at=datetime(2000, 1, 1, tzinfo=UTC))  # a kiosk whose clock reset
    reason = check_export(kiosk.export()).reason
    assert reason == "row 1: created_at is before 2026, older than the kiosk program"


def test_the_import_time_can_be_given(kiosks: Kiosks) -> None:
    kiosk = kiosks("a")
    kiosk.add(at=T0)
    path = kiosk.export()
    assert check_export(path, now=T0 - timedelta(hours=1)).ok
    assert not check_export(path, now=T0 - timedelta(days=2)).ok


# The same sign-up id with other values --------------------------------------------------------


def test_a_sign_up_id_seen_before_with_other_values_keeps_the_first_and_is_reported(
    kiosks: Kiosks, sqlite_url: str
) -> None:
    real, forger = kiosks("real"), kiosks("forger")
    original = real.add(email="dana@example.org", first_name="Dana")
    real.add(email="noa@example.org", first_name="Noa")
    first = real.export()
    import_exports([first], sqlite_url)
    forger.add(signup_id=original.signup_id, email="dana@example.org", first_name="Mallory")
    forger.add(email="lior@example.org", first_name="Lior")
    forged = forger.export()

    report = import_exports([forged], sqlite_url)

    (outcome,) = report.files
    assert outcome.accepted and outcome.conflicts == 1
    assert (report.signups_new, report.signups_present, report.signups_conflicting) == (1, 0, 1)
    assert report.summary_lines()[1:3] == [
        f"  accepted {forged.name} (2 rows)",
        f"  CONFLICT in {forged.name}: 1 sign-up has the id of a sign-up already imported, "
        "with other values: the first import was kept",
    ]
    assert "1 in conflict" in report.summary_lines()[3]
    contacts = {c.email_key: c for c in master_contacts(sqlite_url)}
    assert contacts["dana@example.org"].first_name == "Dana"
    assert contacts["dana@example.org"].touchpoints == 1
    assert set(contacts) == {"dana@example.org", "noa@example.org", "lior@example.org"}

    # Importing that file again changes nothing and says so.
    again = import_exports([forged], sqlite_url)
    assert again.files[0].reason.startswith("already imported") and again.is_clean


def test_a_conflicting_sign_up_under_another_email_makes_no_contact(
    kiosks: Kiosks, sqlite_url: str
) -> None:
    real, forger = kiosks("real"), kiosks("forger")
    original = real.add(email="dana@example.org", first_name="Dana")
    import_exports([real.export()], sqlite_url)
    forger.add(signup_id=original.signup_id, email="mallory@example.org", first_name="Mallory")

    report = import_exports([forger.export()], sqlite_url)

    assert report.files[0].accepted and report.files[0].conflicts == 1
    assert report.signups_new == 0 and report.contacts_new == 0
    assert [c.email_key for c in master_contacts(sqlite_url)] == ["dana@example.org"]


def test_the_same_sign_up_again_unchanged_is_no_conflict(kiosks: Kiosks, sqlite_url: str) -> None:
    kiosk = kiosks("a")
    kiosk.add(email="dana@example.org")
    first = kiosk.export()
    kiosk.add(email="noa@example.org")
    everything = export_signups(kiosk.store, kiosk.usb, include_all=True)
    assert everything is not None
    import_exports([first], sqlite_url)

    report = import_exports([everything.csv_path], sqlite_url)

    assert report.is_clean
    assert (report.signups_new, report.signups_present, report.signups_conflicting) == (1, 1, 0)


def test_a_conflict_exits_1_on_the_command_line(
    kiosks: Kiosks, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real, forger = kiosks("real"), kiosks("forger")
    original = real.add(email="dana@example.org")
    forger.add(signup_id=original.signup_id, email="dana@example.org", last_name="Other")
    office = tmp_path / "office"
    assert main(["--data-dir", str(office), "import", str(real.export())]) == 0
    code = main(["--data-dir", str(office), "import", str(forger.export())])
    out = capsys.readouterr().out
    assert code == EXIT_FAILED
    assert "CONFLICT in" in out and "Files: 1 accepted, 0 rejected" in out
