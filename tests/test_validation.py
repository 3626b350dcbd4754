"""Sign-up validation: good values normalized once, bad ones named with a fix, nothing leaked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content import Content
from kiosk.signup import WlfChoice
from kiosk.validation import (
    MAX_NAME_LENGTH,
    STORED_COLUMNS,
    ValidationFailed,
    stored_column_passes,
    stored_value_problem,
    suggest_email,
    validate_signup,
)
from tests.factories import make_form


def failed_fields(content: Content, **overrides: object) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        validate_signup(make_form(**overrides), content.consent)
    return {error.field: error.message for error in caught.value.errors}


def test_a_careful_form_is_normalized_once(content: Content) -> None:
    signup = validate_signup(
        make_form(
            email="  Dana.Levi@Example.ORG ", phone="(617) 253-1000", postal_code="021394307"
        ),
        content.consent,
    )
    assert signup.email == "Dana.Levi@example.org"
    assert signup.phone == "+16172531000"
    assert signup.postal_code == "02139-4307"
    assert signup.wlf_choice is WlfChoice.MEMBER
    assert signup.consent_version == content.consent.version
    assert signup.consent_text == content.consent.text


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("נועה", "כהן"),
        ("ليلى", "حداد"),
        ("Zoë", "Brontë-Smith"),
        ("Miriam", "O'Connor"),
        ("Ana María", "de la Cruz"),
        ("👩🏽‍💻 Sam", "Lee"),  # emoji with a zero-width joiner (a format character)
        ("\u200fדנה", "לוי"),  # a right-to-left mark typed by a Hebrew keyboard
    ],
)
def test_names_are_kept_exactly_as_typed_in_any_script(
    content: Content, first: str, last: str
) -> None:
    signup = validate_signup(make_form(first_name=first, last_name=last), content.consent)
    assert (signup.first_name, signup.last_name) == (first, last)


def test_every_bad_field_is_reported_at_once(content: Content) -> None:
    problems = failed_fields(
        content,
        first_name="",
        last_name="   ",
        email="dana",
        phone="12",
        postal_code="ABCDE",
        contact_consent=False,
    )
    assert set(problems) == {
        "first_name",
        "last_name",
        "email",
        "phone",
        "postal_code",
        "contact_consent",
    }
    assert problems["first_name"] == "Please enter your first name."
    assert "@" in problems["email"]
    assert "area code" in problems["phone"]
    assert "5 digits" in problems["postal_code"]


@pytest.mark.parametrize(
    "name",
    [
        "Dana\nLevi",
        "Dana\x00",
        "Dana\x1b[31m",
        "Da\rna",
        "\tDana\t\tx",
        "x" * (MAX_NAME_LENGTH + 1),
    ],
)
def test_control_characters_and_overlong_names_are_refused(content: Content, name: str) -> None:
    assert "first_name" in failed_fields(content, first_name=name)


@pytest.mark.parametrize(
    "email",
    [
        "",
        "dana",
        "dana@",
        "@example.org",
        "dana@localhost",
        "dana@@example.org",
        "dana levi@example.org",
        "dana@exa mple.org",
        "dana@example.org\x07",
        '=HYPERLINK("http://x")@example.org',
        "a" * 250 + "@example.org",
    ],
)
def test_bad_emails_are_refused_with_a_message(content: Content, email: str) -> None:
    problems = failed_fields(content, email=email)
    assert problems["email"]


@pytest.mark.parametrize(
    ("phone", "region", "expected"),
    [
        ("", "US", ""),
        ("617-253-1000", "US", "+16172531000"),
        ("+44 20 7946 0958", "US", "+442079460958"),
        ("+972 54-312-3456", "US", "+972543123456"),
        ("054-312-3456", "IL", "+972543123456"),
    ],
)
def test_phones_become_e164(content: Content, phone: str, region: str, expected: str) -> None:
    signup = validate_signup(make_form(phone=phone), content.consent, default_region=region)
    assert signup.phone == expected


@pytest.mark.parametrize("phone", ["12", "555", "call me", "+1 000 000 0000", "9" * 41, "617\n253"])
def test_bad_phones_are_refused(content: Content, phone: str) -> None:
    assert "phone" in failed_fields(content, phone=phone)


def test_postal_codes_outside_the_us_pass_through(content: Content) -> None:
    signup = validate_signup(
        make_form(phone="", postal_code=" SW1A 1AA "), content.consent, default_region="GB"
    )
    assert signup.postal_code == "SW1A 1AA"


@pytest.mark.parametrize("postal", ["0213", "021390", "02139-12", "ABCDE", "02139-ABCD"])
def test_bad_us_zip_codes_are_refused(content: Content, postal: str) -> None:
    assert "postal_code" in failed_fields(content, postal_code=postal)


def test_consent_is_required(content: Content) -> None:
    assert "contact_consent" in failed_fields(content, contact_consent=False)


def test_messages_never_repeat_what_was_typed(content: Content) -> None:
    secret = "Zyxwvut"
    with pytest.raises(ValidationFailed) as caught:
        validate_signup(
            make_form(
                first_name=secret + "\x00",
                email=secret + "@",
                phone=secret,
                postal_code=secret,
            ),
            content.consent,
        )
    assert secret not in str(caught.value)
    assert caught.value.error_for("first_name") is not None
    assert caught.value.error_for("last_name") is None


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("ann@gmail.con", "ann@gmail.com"),
        ("ann@gmial.com", "ann@gmail.com"),
        ("ann@yaho.com", "ann@yahoo.com"),
        ("ann@hotmial.com", "ann@hotmail.com"),
        ("ann@outlok.com", "ann@outlook.com"),
        ("ann@school.cmo", "ann@school.com"),
        ("ann@charity.ogr", "ann@charity.org"),
        ("Ann.Lee@GMAIL.CON", "Ann.Lee@gmail.com"),
    ],
)
def test_typos_in_common_domains_get_a_suggestion(typed: str, suggested: str) -> None:
    assert suggest_email(typed) == suggested


@pytest.mark.parametrize(
    "typed",
    ["ann@gmail.com", "ann@me.com", "ann@mac.com", "ann@example.org", "ann", "@gmail.con", "ann@"],
)
def test_good_or_unknown_addresses_get_no_suggestion(typed: str) -> None:
    assert suggest_email(typed) is None


@given(st.text(max_size=60))
def test_suggest_email_never_fails_on_any_text(text: str) -> None:
    suggestion = suggest_email(text)
    assert suggestion is None or "@" in suggestion


@given(st.text(max_size=MAX_NAME_LENGTH).filter(lambda s: s.strip() == s and s))
def test_any_name_is_kept_or_refused_never_changed(text: str) -> None:
    from kiosk.content import Consent

    consent = Consent(version="v", text="t", email_group="g")
    try:
        signup = validate_signup(make_form(first_name=text), consent)
    except ValidationFailed as failed:
        assert failed.error_for("first_name") is not None
    else:
        assert signup.first_name == text


# Values as a kiosk stores them (the office import's rules) ---------------------------------

EMAILISH = st.one_of(
    st.emails(),
    st.builds(
        lambda local, domain: f"{local}@{domain}",
        st.text(st.characters(codec="ascii"), min_size=0, max_size=70),
        st.sampled_from(["example.org", "EXAMPLE.org", "localhost", "x", "a..b.org", "-x.org"]),
    ),
    st.text(max_size=40),
)


@given(st.lists(EMAILISH, min_size=1, max_size=5))
def test_the_whole_column_email_check_never_accepts_what_the_one_by_one_check_refuses(
    values: list[str],
) -> None:
    if stored_column_passes("email", values):
        assert [stored_value_problem("email", v) for v in values] == [None] * len(values)


@pytest.mark.parametrize("column", sorted(STORED_COLUMNS))
@given(values=st.lists(st.text(max_size=120), min_size=1, max_size=5))
def test_each_whole_column_check_agrees_with_the_one_by_one_check(
    column: str, values: list[str]
) -> None:
    if stored_column_passes(column, values):
        assert all(stored_value_problem(column, v) is None for v in values)


def test_plain_addresses_pass_the_whole_column_check() -> None:
    good = ["dana.levi@example.org", "O'Brien+news@mail.example.co.uk", "=x@gmail.com"]
    assert stored_column_passes("email", good)
    assert stored_column_passes("email", ["a" * 80 + "@example.org"])  # as the form allows
    for bad in (".a@example.org", "a.@example.org", "a..b@example.org", "@example.org"):
        assert not stored_column_passes("email", [bad])
        assert stored_value_problem("email", bad) is not None
    # One value with two "@" beside one with none: as many "@" as values, still refused.
    assert not stored_column_passes("email", ["a@b@example.org", "noat.example.org"])
    assert not stored_column_passes("email", ["\x00@example.org"])
    assert not stored_column_passes("first_name", ["Da\x00na"])
    assert not stored_column_passes("last_name", ["Levi", "   "])


def test_stored_value_problems_name_the_column_never_the_value() -> None:
    assert stored_value_problem("first_name", "Dana\x07") == (
        "first_name contains a control character"
    )
    assert stored_value_problem("email", "dana@") == "email is not an address the kiosk accepts"
    assert stored_value_problem("phone", "617 253 1000") == (
        "phone is not a number in E.164 form (+ and digits)"
    )
    assert stored_value_problem("consent_version", "v1\twith a tab\n") is None
    assert stored_value_problem("event_location", "") is None
    assert stored_value_problem("event_name", " ") == "event_name is empty"
