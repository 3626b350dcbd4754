"""Property tests: any sign-up, exported and imported, comes back exactly as it was typed."""

from __future__ import annotations

import csv
import io
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.clock import ManualClock
from kiosk.csvformat import (
    COLUMNS,
    column_is_times,
    column_is_uuids,
    csv_lines,
    csv_times,
    format_time,
    framed_column,
    neutralize,
    neutralize_column,
    quote_column,
    record_to_row,
    restore,
    restore_framed,
    row_to_record,
    sqlite_times,
)
from kiosk.export import export_signups
from kiosk.importer import check_export, import_exports
from kiosk.master import Contact, Touchpoint, email_key, open_master, search_text
from kiosk.signup import Signup, SignupRecord, WlfChoice
from kiosk.store import Store
from kiosk.validation import stored_value_problem

TRIGGERS = "=+-@\t\r"

# Any Unicode a keyboard (or a paste) can produce: everything but lone
# surrogates (not encodable) and NUL (the kiosk refuses control characters).
ANY_CHAR = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
TRICKY = st.sampled_from(["=", "+", "-", "@", "'", "''", "\t", "\r", "\n", '"', ",", "\r\n", " "])
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=30),
    st.builds(lambda a, b: a + b, TRICKY, st.text(ANY_CHAR, max_size=20)),
    st.builds(lambda a, b, c: a + b + c, TRICKY, TRICKY, st.text(ANY_CHAR, max_size=10)),
)
EMAIL = TEXT.filter(lambda s: s.strip() != "")
MOMENTS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)
)


# What a kiosk can write (and the import accepts): no control characters in
# typed fields, tab and newline only in content texts, addresses its email
# check accepts, E.164 phones, dates from the program's first year on. Still
# every formula trigger, quote, comma and script the CSV must survive.
TYPED_CHAR = st.characters(blacklist_categories=("Cs", "Cc"))
CONTENT_CHAR = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(["\t", "\n"])
TYPED_TRICKY = st.sampled_from(["=", "+", "-", "@", "'", "''", '"', ",", " "])


def typed(column: str, chars: st.SearchStrategy[str] = TYPED_CHAR) -> st.SearchStrategy[str]:
    """Text a kiosk could have stored in ``column``."""
    return st.one_of(
        st.text(chars, max_size=30),
        st.builds(lambda a, b: a + b, TYPED_TRICKY, st.text(chars, max_size=20)),
    ).filter(lambda value: stored_value_problem(column, value) is None)


KIOSK_EMAIL = st.builds(
    lambda lead, local, domain: f"{lead}{local}@{domain}",
    st.sampled_from(["", "=", "+", "-", "'", "''=", "דנה.", "Zoë."]),
    st.from_regex(r"[A-Za-z0-9_+-]{1,12}(\.[A-Za-z0-9_+-]{1,8})?", fullmatch=True),
    st.sampled_from(["example.org", "Example.ORG", "gmail.com", "mail.example.co.uk"]),
).filter(lambda value: stored_value_problem("email", value) is None)
KIOSK_PHONE = st.one_of(st.just(""), st.from_regex(r"\+[1-9][0-9]{6,14}", fullmatch=True))
KIOSK_MOMENTS = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2026, 11, 24), timezones=st.just(UTC)
)


@st.composite
def kiosk_records(draw: st.DrawFn) -> SignupRecord:
    """A sign-up as a kiosk stores it: every value one its checks let through."""
    signup = Signup(
        first_name=draw(typed("first_name")),
        last_name=draw(typed("last_name")),
        email=draw(KIOSK_EMAIL),
        phone=draw(KIOSK_PHONE),
        postal_code=draw(typed("postal_code")),
        wlf_choice=draw(st.sampled_from(list(WlfChoice))),
        email_group_opt_in=draw(st.booleans()),
        advocacy_pledge=draw(st.booleans()),
        contact_consent=draw(st.booleans()),
        consent_version=draw(typed("consent_version", CONTENT_CHAR)),
        consent_text="",  # not exported: the version names the text
        locale=draw(typed("locale", CONTENT_CHAR)),
    )
    return SignupRecord(
        signup_id=uuid.UUID(int=draw(st.integers(0, 2**128 - 1)), version=4),
        created_at=draw(KIOSK_MOMENTS),
        event_name=draw(typed("event_name")),
        event_location=draw(typed("event_location")),
        kiosk_id="k1",
        signup=signup,
    )


@st.composite
def records(draw: st.DrawFn, kiosk_id: str = "k1") -> SignupRecord:
    signup = Signup(
        first_name=draw(TEXT),
        last_name=draw(TEXT),
        email=draw(EMAIL),
        phone=draw(TEXT),
        postal_code=draw(TEXT),
        wlf_choice=draw(st.sampled_from(list(WlfChoice))),
        email_group_opt_in=draw(st.booleans()),
        advocacy_pledge=draw(st.booleans()),
        contact_consent=draw(st.booleans()),
        consent_version=draw(TEXT),
        consent_text="",  # not exported: the version names the text
        locale=draw(TEXT),
    )
    return SignupRecord(
        signup_id=uuid.UUID(int=draw(st.integers(0, 2**128 - 1)), version=4),
        created_at=draw(MOMENTS),
        event_name=draw(TEXT),
        event_location=draw(TEXT),
        kiosk_id=kiosk_id,
        signup=signup,
    )


@given(st.text(ANY_CHAR | st.sampled_from(list(TRIGGERS + "'"))))
@settings(max_examples=500)
def test_restore_undoes_neutralize_for_every_string(value: str) -> None:
    neutral = neutralize(value)
    assert restore(neutral) == value
    assert not neutral or neutral[0] not in TRIGGERS  # nothing a spreadsheet would run
    assert neutral in (value, "'" + value)
    assert neutralize(restore(neutral)) == neutral


def test_neutralize_examples() -> None:
    assert neutralize("=1+1") == "'=1+1"
    assert neutralize("'=x") == "''=x"
    assert neutralize("''@x") == "'''@x"
    assert neutralize("O'Brien") == "O'Brien"
    assert neutralize("'quoted'") == "'quoted'"
    assert neutralize("'") == "'" and neutralize("") == ""
    assert restore("'+12025550143") == "+12025550143"
    assert restore("'plain") == "'plain"


@given(records())
@settings(max_examples=300)
def test_a_row_reads_back_as_the_same_record(record: SignupRecord) -> None:
    row = record_to_row(record)
    assert len(row) == len(COLUMNS)
    assert row_to_record(dict(zip(COLUMNS, row, strict=True))) == record


@given(st.lists(kiosk_records(), min_size=1, max_size=8, unique_by=lambda r: r.signup_id))
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
def test_any_signup_exported_and_imported_comes_back_identical(
    batch: list[SignupRecord],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        store = Store.open(root / "kiosk", clock=ManualClock(datetime(2026, 11, 24, tzinfo=UTC)))
        try:
            kiosk_batch = [
                SignupRecord(
                    r.signup_id,
                    r.created_at,
                    r.event_name,
                    r.event_location,
                    store.kiosk_id,
                    r.signup,
                )
                for r in batch
            ]
            store.insert_records(kiosk_batch)
            usb = root / "usb"
            usb.mkdir()
            result = export_signups(store, usb)
        finally:
            store.close()
        assert result is not None and result.rows == len(batch)
        checked = check_export(result.csv_path)
        by_id = {r.signup_id: r for r in checked.records}
        assert by_id == {r.signup_id: r for r in kiosk_batch}
        url = f"sqlite:///{root / 'master.sqlite3'}"
        report = import_exports([result.csv_path], url)
        assert report.signups_new == len(batch), report.summary_lines()

        engine = open_master(url)
        try:
            with engine.connect() as connection:
                stored = {
                    row.signup_id: row for row in connection.execute(select(Touchpoint.__table__))
                }
                contacts = {
                    row.email_key: row for row in connection.execute(select(Contact.__table__))
                }
        finally:
            engine.dispose()
        for record in kiosk_batch:
            row = stored[str(record.signup_id)]
            s = record.signup
            assert row.created_at.replace(tzinfo=UTC) == record.created_at
            assert (row.event_name, row.event_location, row.kiosk_id) == (
                record.event_name,
                record.event_location,
                record.kiosk_id,
            )
            assert (row.first_name, row.last_name, row.email) == (
                s.first_name,
                s.last_name,
                s.email,
            )
            assert (row.phone, row.postal_code, row.locale) == (s.phone, s.postal_code, s.locale)
            assert row.wlf_choice == s.wlf_choice.value
            assert (row.email_group_opt_in, row.advocacy_pledge, row.contact_consent) == (
                s.email_group_opt_in,
                s.advocacy_pledge,
                s.contact_consent,
            )
            assert row.consent_version == s.consent_version
            assert row.source_sha256 == result.sha256
            contact = contacts[email_key(s.email)]
            assert row.contact_id == contact.id
            assert contact.search_text == search_text(
                contact.first_name, contact.last_name, contact.email
            )
        assert len(contacts) == len({email_key(r.signup.email) for r in kiosk_batch})


@given(st.lists(st.text(ANY_CHAR | st.sampled_from(list(TRIGGERS + "'")), max_size=6)))
@settings(max_examples=300)
def test_restore_framed_is_restore_of_every_cell(cells: list[str]) -> None:
    assert restore_framed(framed_column(cells)) == framed_column([restore(c) for c in cells])
    neutralized = framed_column([neutralize(cell) for cell in cells])
    assert restore_framed(neutralized) == framed_column(cells)


CELL = st.text(ANY_CHAR | st.sampled_from([*TRIGGERS, "'", ",", '"', "\n", "\x00"]), max_size=6)


@given(st.lists(CELL, max_size=6))
@settings(max_examples=300)
def test_neutralize_column_is_neutralize_of_every_cell(cells: list[str]) -> None:
    assert neutralize_column(cells) == [neutralize(cell) for cell in cells]


@given(
    st.integers(2, 5).flatmap(
        lambda width: st.lists(st.lists(CELL, min_size=width, max_size=width), max_size=5)
    )
)
@settings(max_examples=300)
def test_quoted_columns_make_the_lines_csv_writer_writes(rows: list[list[str]]) -> None:
    expected = io.StringIO()
    csv.writer(expected, lineterminator="\r\n").writerows(rows)
    columns = [quote_column(column) for column in zip(*rows, strict=True)]
    assert csv_lines(columns) == expected.getvalue()


@given(st.lists(MOMENTS, max_size=6), st.integers(0, 6))
def test_csv_times_undo_sqlite_times(moments: list[datetime], trim: int) -> None:
    cells = [format_time(m) for m in moments]
    assert csv_times(sqlite_times(cells)) == cells
    # Stored by hand or by an older version: fewer fraction digits, a "T", no fraction.
    odd = [m.replace(tzinfo=None).isoformat(" ", "microseconds")[: 26 - trim] for m in moments]
    odd = [o.rstrip(".") for o in odd] + [m.replace(tzinfo=None).isoformat("T") for m in moments]
    assert csv_times(odd) == [
        format_time(datetime.fromisoformat(o).replace(tzinfo=UTC)) for o in odd
    ]


@given(st.lists(MOMENTS, max_size=6), st.integers(0, 6))
def test_column_checks_and_sqlite_times_agree_with_the_cell_functions(
    moments: list[datetime], trim: int
) -> None:
    # Exported times always have six fraction digits; older or hand-made files may have fewer.
    cells = [format_time(m) for m in moments]
    short = [c[: len(c) - 1 - trim].rstrip(".") + "Z" for c in cells]
    for column in (cells, short):
        assert column_is_times(column)
        assert sqlite_times(column) == [
            datetime.fromisoformat(c).isoformat(" ", "microseconds")[:26] for c in column
        ]
    ids = [str(uuid.UUID(int=m.microsecond * 7919 + m.second)) for m in moments]
    assert column_is_uuids(ids)


def test_column_checks_refuse_any_bad_cell() -> None:
    good_id, good_time = "0f8e3a52-6c1b-4f0e-9a4d-2b7c1e5d9f30", "2026-11-24T15:30:00.000000Z"
    for bad in (
        good_id.upper(),
        good_id.replace("-", ""),
        good_id + "0",
        good_id[:-1],
        good_id[:-1] + "x",
        "٠" + good_id[1:],  # an Arabic-Indic zero
        "",
    ):
        assert not column_is_uuids([good_id, bad, good_id]), bad
    for bad in (
        good_time[:-1],
        good_time.replace("T", " "),
        good_time.replace("Z", "+00:00"),
        "24/11/2026 15:30",
        good_time + "0",
        "",
    ):
        assert not column_is_times([good_time, bad]), bad
    assert column_is_uuids([]) and column_is_times([])


def test_times_keep_their_microseconds() -> None:
    moment = datetime(2026, 11, 24, 15, 30, 0, 7, tzinfo=UTC)
    record = SignupRecord(
        uuid.uuid4(),
        moment,
        "Fair",
        "",
        "k1",
        Signup("a", "b", "c@d.org", "", "", WlfChoice.NONE, False, False, True, "v", "", "en"),
    )
    row = record_to_row(record)
    assert row[1] == "2026-11-24T15:30:00.000007Z"
    assert row_to_record(dict(zip(COLUMNS, row, strict=True))).created_at == moment
    later = moment + timedelta(microseconds=1)
    assert record_to_row(SignupRecord(uuid.uuid4(), later, "F", "", "k", record.signup))[1] == (
        "2026-11-24T15:30:00.000008Z"
    )


def test_a_bad_cell_is_named_by_its_column_never_by_its_value() -> None:
    record = SignupRecord(
        uuid.uuid4(),
        datetime(2026, 11, 24, tzinfo=UTC),
        "Fair",
        "",
        "k1",
        Signup(
            "Dana", "Levi", "dana@x.org", "", "", WlfChoice.NONE, True, False, True, "v", "", "en"
        ),
    )
    good = dict(zip(COLUMNS, record_to_row(record), strict=True))
    cases = {
        "signup_id": "Dana-Levi",
        "created_at": "Dana 2026",
        "created_at ": "2026-13-24T15:30:00.000000Z",  # well-formed, but no 13th month
        "wlf_choice": "Dana",
        "contact_consent": "Dana",
        "email": "   ",
        "kiosk_id": "",
    }
    for column, bad in cases.items():
        try:
            row_to_record({**good, column.strip(): bad})
        except ValueError as exc:
            assert str(exc).startswith(column.strip())
            assert "Dana" not in str(exc)
        else:
            raise AssertionError(f"{column} accepted {bad!r}")
    missing = {k: v for k, v in good.items() if k != "phone"}
    try:
        row_to_record(missing)
    except ValueError as exc:
        assert str(exc) == "phone is missing"
