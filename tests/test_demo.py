"""Demo sign-ups: realistic, random unless seeded, never after now, never in the real folder."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.content import Content
from kiosk.demo import demo_records, refuse_real_data_dir
from kiosk.errors import KioskError
from kiosk.paths import default_data_dir

START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_same_seed_same_records(content: Content) -> None:
    first = demo_records(50, seed=7, kiosk_id="k1", consent=content.consent, start=START)
    again = demo_records(50, seed=7, kiosk_id="k1", consent=content.consent, start=START)
    other = demo_records(50, seed=8, kiosk_id="k1", consent=content.consent, start=START)
    assert first == again
    assert first != other


def test_without_a_seed_two_kiosks_get_different_sign_ups(content: Content) -> None:
    first = demo_records(20, kiosk_id="k1", consent=content.consent)
    second = demo_records(20, kiosk_id="k2", consent=content.consent)
    assert not {r.signup_id for r in first} & {r.signup_id for r in second}


@pytest.mark.parametrize("hours_ago", [0, 1, 8.9, 9, 30])
def test_no_sign_up_is_after_now(content: Content, hours_ago: float) -> None:
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    start = now - timedelta(hours=hours_ago)
    records = demo_records(
        200, seed=1, kiosk_id="k1", consent=content.consent, start=start, now=now
    )
    assert max(r.created_at for r in records) <= now
    assert min(r.created_at for r in records) >= start - timedelta(days=28)
    by_default = demo_records(200, kiosk_id="k1", consent=content.consent, now=now)
    assert max(r.created_at for r in by_default) <= now


def test_a_start_after_now_is_refused(content: Content) -> None:
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="after now"):
        demo_records(
            5, kiosk_id="k1", consent=content.consent, start=now + timedelta(seconds=1), now=now
        )


def test_bjorn_astrom_comes_back_under_a_second_email(content: Content) -> None:
    records = demo_records(60, kiosk_id="k1", consent=content.consent, start=START)
    bjorn = [r for r in records if (r.signup.first_name, r.signup.last_name) == ("Björn", "Åström")]
    assert len({r.signup.email.lower() for r in bjorn}) == 2
    assert len({(r.signup.phone, r.signup.postal_code) for r in bjorn}) == 1
    assert len({r.event_name for r in bjorn}) >= 2  # he may come back once more, too


def test_records_look_like_a_season_of_events(content: Content) -> None:
    records = demo_records(500, seed=3, kiosk_id="k1", consent=content.consent, start=START)
    assert len(records) == 500
    assert len({r.signup_id for r in records}) == 500
    assert len({r.event_name for r in records}) >= 4
    assert [r.created_at for r in records] == sorted(r.created_at for r in records)
    assert records[-1].created_at.date() == START.date()
    assert all(r.signup.consent_version == content.consent.version for r in records)

    emails = Counter(r.signup.email.lower() for r in records)
    returning = [email for email, n in emails.items() if n > 1]
    assert returning, "some people sign up at more than one event"
    assert any(
        len({r.signup.email for r in records if r.signup.email.lower() == e}) > 1 for e in returning
    )

    names = " ".join(r.signup.first_name + r.signup.last_name for r in records)
    assert any("\u0590" <= ch <= "\u05ff" for ch in names), "Hebrew"
    assert any("\u0600" <= ch <= "\u06ff" for ch in names), "Arabic"
    assert "'" in names and "é" in names
    firsts = {r.signup.first_name[:1] for r in records} | {r.signup.last_name[:1] for r in records}
    assert {"=", "+", "-", "@"} <= firsts


def test_zero_records_is_empty(content: Content) -> None:
    assert demo_records(0, kiosk_id="k1", consent=content.consent) == []


def test_the_real_data_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KioskError):
        refuse_real_data_dir(default_data_dir())
    refuse_real_data_dir(tmp_path)
