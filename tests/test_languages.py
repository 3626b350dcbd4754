"""Choosing languages: what the kiosk offers, its default, and each attendee's own choice."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path

import pytest

from kiosk.clock import ManualClock
from kiosk.config import ConfigError, load_config
from kiosk.content import LanguageUnavailable
from kiosk.crm import write_crm_file
from kiosk.importer import import_exports
from kiosk.languages import LANGUAGES_SETTING
from kiosk.master import open_master, search_contacts
from kiosk.paths import DB_FILE_NAME
from kiosk.service import KioskService
from kiosk.validation import stored_column_passes, stored_value_problem
from tests.conftest import BUNDLED
from tests.factories import make_form

HOSTILE_CODES: list[object] = ["fr", "", "HE", "he\x00", "he,ar", "x" * 10_000, 5, None, ["he"]]


@pytest.fixture
def service(data_dir: Path, clock: ManualClock) -> Iterator[KioskService]:
    with _opened(data_dir, clock) as opened:
        yield opened


@contextmanager
def _opened(data_dir: Path, clock: ManualClock, **options: object) -> Iterator[KioskService]:
    """A kiosk service over ``data_dir``, in UTC, closed when the ``with`` block ends."""
    service = KioskService.open(data_dir, clock=clock, local_tz=UTC, **options)  # type: ignore[arg-type]
    try:
        yield service
    finally:
        service.close()


def _codes(service: KioskService) -> list[str]:
    return [language.code for language in service.languages]


def _offered_and_spoken(service: KioskService) -> tuple[list[str], str]:
    """The languages the kiosk offers, and the one its screens speak now."""
    return _codes(service), service.language


def _write_config(data_dir: Path, text: str) -> None:
    (data_dir / "config.toml").write_text(text, encoding="utf-8")


def _content_without_hebrew_title(tmp_path: Path) -> Path:
    path = tmp_path / "drafts.toml"
    path.write_text(BUNDLED.replace('title = "קשרי עם לעם"\n', ""), encoding="utf-8")
    return path


def test_a_kiosk_offers_every_complete_language_and_starts_in_the_contents_own(
    service: KioskService,
) -> None:
    assert [(lang.code, lang.name, lang.reviewed) for lang in service.languages] == [
        ("en", "English", True),
        ("es", "Español", False),
        ("he", "עברית", False),
        ("ar", "العربية", False),
    ]
    assert (service.default_language, service.language) == ("en", "en")
    assert service.content.title == "People to People Connections"


def test_an_attendee_switches_language_and_the_next_one_starts_in_the_default(
    service: KioskService,
) -> None:
    service.set_language("he")
    assert service.language == "he"
    assert service.content.title == "קשרי עם לעם"
    assert service.content.consent.version == "2026-11-24.1/he"
    service.set_language("ar")
    assert service.content.wlf.heading == "انضموا إلى منتدى القيادة النسائية!"
    service.reset_language()
    assert service.language == "en"
    assert service.content.title == "People to People Connections"


@pytest.mark.parametrize("code", HOSTILE_CODES)
def test_a_language_the_kiosk_does_not_offer_is_refused(
    service: KioskService, code: object
) -> None:
    service.set_language("es")
    with pytest.raises(LanguageUnavailable) as caught:
        service.set_language(code)  # type: ignore[arg-type]
    assert len(str(caught.value)) < 120
    assert service.language == "es"


def test_a_sign_up_stores_the_consent_text_of_the_language_it_was_shown_in(
    service: KioskService,
) -> None:
    service.set_language("he")
    hebrew = service.content
    record = service.submit(make_form(first_name="דנה", last_name="לוי", locale=hebrew.language))
    assert (record.signup.locale, record.signup.consent_version) == ("he", "2026-11-24.1/he")
    assert record.signup.consent_text == hebrew.consent.text
    with sqlite3.connect(service.config.data_dir / DB_FILE_NAME) as db:
        row = db.execute("SELECT locale, consent_version, consent_text FROM signups").fetchone()
    assert row == ("he", "2026-11-24.1/he", hebrew.consent.text)


def test_each_language_has_a_consent_version_of_its_own(service: KioskService) -> None:
    versions = set()
    for code in ("en", "es", "he", "ar"):
        versions.add(service.submit(make_form(locale=code)).signup.consent_version)
    assert len(versions) == 4


def test_staff_choose_the_languages_and_the_default_and_it_lasts(
    data_dir: Path, clock: ManualClock, service: KioskService
) -> None:
    service.set_language("es")
    service.set_languages(["ar", "en", "he"], "he")
    assert _codes(service) == ["en", "he", "ar"]  # the content's order, not the order given
    assert (service.default_language, service.language) == ("he", "he")  # Spanish is gone
    service.close()
    for defer in (False, True):  # before the store opens, the choice is read from its file
        with _opened(data_dir, clock, defer_store=defer) as again:
            assert _offered_and_spoken(again) == (["en", "he", "ar"], "he")
            assert again.content.title == "קשרי עם לעם"


@pytest.mark.parametrize(
    ("codes", "default", "message"),
    [
        ([], "en", "Offer at least one language."),
        (["fr"], "fr", "The content has no language 'fr'; it has en, es, he, ar."),
        (["en", "es"], "he", "The default language 'he' must be one of those offered: en, es."),
        ("en", "en", "Give the languages as a list of language codes, e.g. en and es."),
        ([5], "en", "The content has no language '5'; it has en, es, he, ar."),
        (["en", "x" * 10_000], "en", "The content has no language '" + "x" * 20 + "...'"),
        (["en", "he\x00"], "en", "The content has no language 'he?'"),
        (["en"], None, "The default language 'None' must be one of those offered: en."),
    ],
)
def test_a_bad_choice_is_refused_clearly_and_changes_nothing(
    service: KioskService, codes: object, default: object, message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        service.set_languages(codes, default)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)
    assert _codes(service) == ["en", "es", "he", "ar"]
    assert service.store.get_setting(LANGUAGES_SETTING) is None


def test_an_incomplete_language_cannot_be_offered(
    data_dir: Path, clock: ManualClock, tmp_path: Path
) -> None:
    with _opened(data_dir, clock, content_path=_content_without_hebrew_title(tmp_path)) as service:
        assert _codes(service) == ["en", "es", "ar"]  # offered by default: the complete ones
        assert [lang.code for lang in service.content_languages] == ["en", "es", "he", "ar"]
        with pytest.raises(
            ConfigError, match=r"עברית \(he\) cannot be offered: the content lacks 1"
        ):
            service.set_languages(["en", "he"], "en")
        with pytest.raises(LanguageUnavailable):
            service.set_language("he")


def test_config_chooses_languages_and_default(data_dir: Path, clock: ManualClock) -> None:
    _write_config(data_dir, 'languages = ["he", "ar"]\ndefault_language = "ar"\n')
    with _opened(data_dir, clock) as service:
        assert _offered_and_spoken(service) == (["he", "ar"], "ar")
        service.set_languages(["en", "es"], "es")  # the staff's choice wins from now on
        assert _offered_and_spoken(service) == (["en", "es"], "es")


def test_without_a_default_a_kiosk_starts_in_the_first_language_it_offers(
    data_dir: Path, clock: ManualClock
) -> None:
    _write_config(data_dir, 'languages = ["ar", "es"]\n')
    with _opened(data_dir, clock) as service:
        assert (_codes(service), service.default_language) == (["es", "ar"], "es")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('languages = "en"\n', "languages: must be a list of language codes"),
        ("languages = []\n", "languages: must be a list of language codes"),
        ('languages = ["en", 5]\n', "languages: must be a list of language codes"),
        ('languages = ["en", "EN!"]\n', "languages: must be a list of language codes"),
        ('languages = ["en", "en"]\n', "languages: names a language twice"),
        ("languages = [" + ", ".join(f'"x{c}"' for c in "abcdefghijklm") + "]\n", "must be a list"),
        ("default_language = 5\n", "default_language: must be a language code in quotes"),
        ('default_language = "he\\u0000"\n', "default_language: must be a language code"),
    ],
)
def test_a_malformed_languages_setting_is_one_clear_line(
    data_dir: Path, text: str, message: str
) -> None:
    _write_config(data_dir, text)
    with pytest.raises(ConfigError) as caught:
        load_config(data_dir)
    assert message in str(caught.value)
    assert len(str(caught.value).splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('languages = ["en", "fr"]\n', "languages: The content has no language 'fr'"),
        ('languages = ["en", "he"]\n', "languages: עברית (he) cannot be offered"),
        (
            'languages = ["en", "es"]\ndefault_language = "ar"\n',
            "default_language: The default language 'ar' must be one of those offered: en, es.",
        ),
        ('default_language = "fr"\n', "default_language: The default language 'fr' must be"),
    ],
)
def test_a_languages_setting_the_content_cannot_meet_stops_the_kiosk_naming_it(
    data_dir: Path, clock: ManualClock, tmp_path: Path, text: str, message: str
) -> None:
    _write_config(data_dir, text)
    content = _content_without_hebrew_title(tmp_path)
    with pytest.raises(ConfigError) as caught, _opened(data_dir, clock, content_path=content):
        pass  # refused as it opens
    assert str(caught.value).startswith(str(data_dir / "config.toml"))
    assert message in str(caught.value)


def test_a_stored_choice_keeps_what_a_new_content_still_has(
    data_dir: Path, clock: ManualClock, tmp_path: Path, service: KioskService
) -> None:
    service.set_languages(["en", "he", "ar"], "he")
    service.close()
    with _opened(data_dir, clock, content_path=_content_without_hebrew_title(tmp_path)) as again:
        assert _offered_and_spoken(again) == (["en", "ar"], "en")


@pytest.mark.parametrize(
    "stored",
    [
        "not json",
        "[]",
        '{"offered": "en"}',
        '{"offered": "en", "default": "en"}',
        '{"offered": ["fr"], "default": "fr"}',
        '{"offered": [], "default": "en"}',
        "\x00" * 100,
    ],
)
def test_a_damaged_stored_choice_falls_back_to_the_configured_one(
    data_dir: Path, clock: ManualClock, service: KioskService, stored: str
) -> None:
    service.store.set_setting(LANGUAGES_SETTING, stored)
    service.close()
    _write_config(data_dir, 'languages = ["en", "es"]\n')
    for defer in (False, True):
        with _opened(data_dir, clock, defer_store=defer) as again:
            assert _offered_and_spoken(again) == (["en", "es"], "en")


def test_a_stored_default_no_longer_offered_gives_way(
    data_dir: Path, clock: ManualClock, service: KioskService
) -> None:
    service.store.set_setting(LANGUAGES_SETTING, '{"offered": ["he", "ar"], "default": "es"}')
    service.close()
    with _opened(data_dir, clock) as again:
        assert _offered_and_spoken(again) == (["he", "ar"], "he")


# The office: the language travels with each sign-up ---------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("locale", "he"),
        ("locale", "ar"),
        ("locale", "pt-BR"),
        ("consent_version", "2026-11-24.1/he"),
    ],
)
def test_the_office_accepts_every_language_and_consent_version_a_kiosk_writes(
    column: str, value: str
) -> None:
    assert stored_value_problem(column, value) is None
    assert stored_column_passes(column, [value, "en"])


def test_each_attendees_language_reaches_the_master_store_and_the_crm_file(
    service: KioskService, tmp_path: Path
) -> None:
    people = {"en": "Dana", "es": "José", "he": "דנה", "ar": "ليلى"}
    for code, name in people.items():
        service.set_language(code)
        form = make_form(
            first_name=name, email=f"{code}@example.org", locale=service.content.language
        )
        service.submit(form)
        service.reset_language()
    usb = tmp_path / "usb"
    usb.mkdir()
    result = service.export(usb)
    assert result is not None
    with result.csv_path.open(encoding="utf-8-sig", newline="") as stream:
        exported = {row["email"]: row for row in csv.DictReader(stream)}
    assert {email: (row["locale"], row["consent_version"]) for email, row in exported.items()} == {
        "en@example.org": ("en", "2026-11-24.1"),
        "es@example.org": ("es", "2026-11-24.1/es"),
        "he@example.org": ("he", "2026-11-24.1/he"),
        "ar@example.org": ("ar", "2026-11-24.1/ar"),
    }
    url = f"sqlite:///{tmp_path / 'master.sqlite3'}"
    report = import_exports([result.csv_path], url)
    assert report.rejected == () and report.contacts_new == 4
    crm = tmp_path / "contacts.csv"
    write_crm_file(url, crm, profile="generic")
    with crm.open(encoding="utf-8-sig", newline="") as stream:
        rows = {row["email"]: row for row in csv.DictReader(stream)}
    assert {email: row["language"] for email, row in rows.items()} == {
        f"{code}@example.org": code for code in people
    }
    assert rows["he@example.org"]["first_name"] == "דנה"
    engine = open_master(url)
    try:
        assert [contact.locale for contact in search_contacts(engine, "ليلى")] == ["ar"]
    finally:
        engine.dispose()
