"""The master store's tables: the answer columns the contacts and touchpoints
share are declared once (``kiosk.master._Answers``), and the tables a fresh
store makes still have their columns in the order they always had."""

from __future__ import annotations

from pathlib import Path

from kiosk.csvformat import COLUMNS
from kiosk.master import master_url_in, open_master

# phone to consent_version: what the attendee answered, kept by both tables.
ANSWERS = COLUMNS[COLUMNS.index("phone") : COLUMNS.index("locale")]


def test_a_fresh_master_keeps_its_column_order(tmp_path: Path) -> None:
    engine = open_master(master_url_in(tmp_path))
    try:
        with engine.connect() as connection:
            columns = {
                table: [row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({table})")]
                for table in ("contacts", "touchpoints")
            }
    finally:
        engine.dispose()
    assert columns["contacts"] == [
        "id",
        "email_key",
        "email",
        "first_name",
        "last_name",
        *ANSWERS,
        "first_seen_at",
        "last_seen_at",
        "latest_signup_id",
        "search_text",
    ]
    # A touchpoint is a sign-up as exported, in the export's column order.
    assert columns["touchpoints"] == [
        COLUMNS[0],
        "contact_id",
        *COLUMNS[1:],
        "source_sha256",
        "imported_at",
    ]


def test_a_new_master_file_is_made_with_8_kib_pages_in_wal_mode(tmp_path: Path) -> None:
    engine = open_master(master_url_in(tmp_path))
    try:
        with engine.connect() as connection:
            page_size = connection.exec_driver_sql("PRAGMA page_size").scalar()
            journal_mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    finally:
        engine.dispose()
    assert (page_size, journal_mode) == (8192, "wal")
