"""The CRM file as an Excel workbook, read back as a spreadsheet reads it.

The master store is built by a real import of a real kiosk's export; the
workbook is opened with openpyxl (a reader independent of XlsxWriter, which
wrote it) and, where LibreOffice is installed, converted to CSV by
``soffice --headless`` as staff's spreadsheet would save it.
"""

from __future__ import annotations

import csv
import errno
import gc
import os
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kiosk import crm_workbook
from kiosk.clock import ManualClock
from kiosk.crm import (
    PROFILES,
    CrmFormat,
    crm_format_for,
    crm_path_for,
    write_crm_file,
)
from kiosk.crm_workbook import TIME_NOTE, display_width, excel_date_format, write_workbook
from kiosk.errors import KioskError
from kiosk.importer import import_exports
from kiosk.master import iter_contacts, master_url_in, open_master
from tests.ci import skip_or_fail
from tests.factories import MakeKiosk
from tests.test_crm import add_contact

FORMULA_NAME = '=HYPERLINK("http://example.org","click")'
SIGNED_UP = datetime(2026, 11, 24, 15, 30)  # the clock fixture's time, UTC


@pytest.fixture
def url(make_kiosk: MakeKiosk, clock: ManualClock, tmp_path: Path) -> str:
    """A master store holding one kiosk's export: a ZIP and a phone a spreadsheet would mangle,
    names that look like formulas, Hebrew, and someone who did not agree to be contacted."""
    kiosk = make_kiosk("north", clock=clock)
    kiosk.add(email="dana@example.org", phone="+16175550100", postal_code="02139")
    kiosk.add(
        first_name=FORMULA_NAME,
        last_name="+Plus",
        email="formula@example.org",
        phone="",
        postal_code="",
        email_group_opt_in=False,
        advocacy_pledge=True,
    )
    kiosk.add(first_name="-Dash", last_name="@Nadia", email="dash@example.org", phone="")
    kiosk.add(
        first_name="נועה",
        last_name="כהן",
        email="noa@example.org",
        postal_code="00501",
        contact_consent=False,
    )
    folder = tmp_path / "office"
    folder.mkdir()
    master = master_url_in(folder)
    assert import_exports([kiosk.export()], master).is_clean
    return master


def _sheet(path: Path) -> Worksheet:
    sheet = openpyxl.load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return sheet


def _width(sheet: Worksheet, column: int) -> float:
    """A column's width; columns of equal width and format are stored as one range."""
    for dimension in sheet.column_dimensions.values():
        if dimension.min and dimension.max and dimension.min <= column <= dimension.max:
            return float(dimension.width)
    raise AssertionError(f"column {column} has no width of its own")


def _rows_by_email(sheet: Worksheet, email_header: str) -> dict[str, dict[str, Cell]]:
    """Each row's cells by header, the rows by their email (the sheet has no merged cells)."""
    headers = [cell.value for cell in sheet[1]]
    email_column = headers.index(email_header)
    rows = {}
    for cells in sheet.iter_rows(min_row=2):
        assert all(isinstance(cell, Cell) for cell in cells)
        rows[str(cells[email_column].value)] = {
            str(header): cell
            for header, cell in zip(headers, cells, strict=True)
            if isinstance(cell, Cell)
        }
    return rows


def test_text_in_meaning_is_text_times_are_date_times_counts_are_numbers(
    url: str, tmp_path: Path
) -> None:
    out = tmp_path / "contacts.xlsx"
    assert write_crm_file(url, out) == 4
    rows = _rows_by_email(_sheet(out), "email")
    dana = rows["dana@example.org"]
    for header, value in {
        "postal_code": "02139",
        "phone": "+16175550100",
        "first_name": "Dana",
        "last_name": "Levi",
        "email": "dana@example.org",
        "consent_version": "test-1",
        "wlf_choice": "member",
        "email_group_opt_in": "yes",
        "advocacy_pledge": "no",
        "contact_consent": "yes",
        "events": "Campus Fair",
    }.items():
        cell = dana[header]
        assert (cell.value, cell.data_type, cell.number_format) == (value, "s", "@"), header
    for header in ("first_seen_at", "last_seen_at"):
        cell = dana[header]
        assert cell.value == SIGNED_UP and cell.is_date
        assert cell.number_format == 'yyyy"-"mm"-"dd"T"hh":"mm":"ss"Z"'
    assert (dana["signups"].value, dana["signups"].data_type) == (1, "n")
    assert rows["noa@example.org"]["postal_code"].value == "00501"


def test_a_value_that_looks_like_a_formula_is_a_text_cell_read_exactly_as_typed(
    url: str, tmp_path: Path
) -> None:
    out = tmp_path / "contacts.xlsx"
    write_crm_file(url, out)
    rows = _rows_by_email(_sheet(out), "email")
    cells = [
        rows["formula@example.org"]["first_name"],
        rows["formula@example.org"]["last_name"],
        rows["dash@example.org"]["first_name"],
        rows["dash@example.org"]["last_name"],
    ]
    assert [cell.value for cell in cells] == [FORMULA_NAME, "+Plus", "-Dash", "@Nadia"]
    assert {cell.data_type for cell in cells} == {"s"}  # no leading apostrophe either
    with zipfile.ZipFile(out) as package:
        sheet_xml = package.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # not a formula anywhere


def test_the_header_is_frozen_filterable_noted_and_the_columns_fit_their_values(
    url: str, tmp_path: Path
) -> None:
    out = tmp_path / "contacts.xlsx"
    write_crm_file(url, out)
    sheet = _sheet(out)
    assert sheet.freeze_panes == "A2"
    last_column = get_column_letter(len(PROFILES["generic"].headers))
    assert sheet.auto_filter.ref == f"A1:{last_column}{sheet.max_row}"
    headers = [str(cell.value) for cell in sheet[1]]
    assert headers == PROFILES["generic"].headers
    assert all(cell.font.bold for cell in sheet[1])
    for column, header in enumerate(headers, start=1):
        comment = sheet.cell(1, column).comment
        assert (comment is not None and TIME_NOTE in comment.text) == header.endswith("_at")
        cells = [sheet.cell(row, column) for row in range(1, sheet.max_row + 1)]
        widest = max(
            display_width(str(cell.value or ""))
            for cell in cells
            if not getattr(cell, "is_date", False)
        )
        assert _width(sheet, column) >= min(widest, 58), header


@pytest.mark.parametrize("name", list(PROFILES))
def test_every_profile_writes_the_same_rows_as_its_csv_with_typed_cells(
    url: str, tmp_path: Path, name: str
) -> None:
    profile = PROFILES[name]
    csv_rows = write_crm_file(url, tmp_path / f"{name}.csv", profile=name)
    assert write_crm_file(url, tmp_path / f"{name}.xlsx", profile=name) == csv_rows
    with (tmp_path / f"{name}.csv").open(encoding="utf-8-sig", newline="") as stream:
        expected = list(csv.reader(stream))
    sheet = _sheet(tmp_path / f"{name}.xlsx")
    got = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert got[0] == expected[0] == profile.headers
    assert len(got) == len(expected)  # the non-consenting contact is left out alike
    for workbook_row, csv_row in zip(got[1:], expected[1:], strict=True):
        for value, text in zip(workbook_row, csv_row, strict=True):
            if isinstance(value, datetime):
                assert value.strftime(profile.date_format) == text
            elif isinstance(value, int):
                assert str(value) == text
            else:
                # The CSV's formula guard is its own: the workbook holds the value as typed.
                assert value == text or "'" + str(value) == text


def test_the_name_s_ending_chooses_the_kind_of_file(url: str, tmp_path: Path) -> None:
    write_crm_file(url, tmp_path / "a.xlsx")
    write_crm_file(url, tmp_path / "b.XLSX")
    write_crm_file(url, tmp_path / "c.csv")
    assert zipfile.is_zipfile(tmp_path / "a.xlsx") and zipfile.is_zipfile(tmp_path / "b.XLSX")
    assert (tmp_path / "c.csv").read_bytes().startswith(b"\xef\xbb\xbfemail,")
    assert crm_format_for(Path("x.Csv")) is CrmFormat.CSV


@pytest.mark.parametrize("name", ["contacts.txt", "contacts", "contacts.xls", "contacts.xlsx.bak"])
def test_an_unknown_ending_is_refused_and_writes_nothing(
    url: str, tmp_path: Path, name: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KioskError, match=r"must end in \.csv or \.xlsx"):
        write_crm_file(url, out / name)
    assert list(out.iterdir()) == []


def test_a_save_dialog_s_name_gains_the_chosen_ending_only_when_it_lacks_it() -> None:
    assert crm_path_for(Path("/x/contacts"), CrmFormat.XLSX) == Path("/x/contacts.xlsx")
    assert crm_path_for(Path("/x/contacts.XLSX"), CrmFormat.XLSX) == Path("/x/contacts.XLSX")
    assert crm_path_for(Path("/x/contacts.csv"), CrmFormat.XLSX) == Path("/x/contacts.csv.xlsx")


def test_a_list_of_events_longer_than_a_cell_holds_is_cut_and_marked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'master.sqlite3'}"
    events = tuple(f"Event number {n:03d} " + "x" * 180 for n in range(200))
    add_contact(url, events=events)
    write_crm_file(url, tmp_path / "contacts.xlsx")
    cell = _rows_by_email(_sheet(tmp_path / "contacts.xlsx"), "email")["Dana.Levi@Example.org"]
    text = str(cell["events"].value)
    assert len(text) == crm_workbook.MAX_CELL_TEXT and text.endswith("…")
    assert text.startswith("Event number 000")
    assert cell["signups"].value == 200


def test_more_contacts_than_a_sheet_holds_is_refused_and_leaves_no_file(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Excel's 1,048,576 rows, made small so the test need not write a million contacts.
    monkeypatch.setattr(crm_workbook, "MAX_ROWS", 3)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KioskError, match="write the CRM file as CSV"):
        write_crm_file(url, out / "contacts.xlsx")
    assert list(out.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_a_full_disk_is_the_os_error_it_is(url: str) -> None:
    # /dev/full refuses every write with ENOSPC, as a full USB stick does.
    engine = open_master(url)
    try:
        contacts = list(iter_contacts(engine))
    finally:
        engine.dispose()
    with open("/dev/full", "wb", buffering=0) as full, pytest.raises(OSError) as raised:
        write_workbook(full, PROFILES["generic"], contacts)
    assert raised.value.errno == errno.ENOSPC
    del raised
    gc.collect()  # XlsxWriter's abandoned zip file goes now, and says nothing


def test_a_workbook_into_a_missing_folder_is_refused(url: str, tmp_path: Path) -> None:
    with pytest.raises(KioskError, match="does not exist"):
        write_crm_file(url, tmp_path / "no" / "such" / "contacts.xlsx")


def test_each_profile_s_date_pattern_has_an_excel_format() -> None:
    assert excel_date_format("%m/%d/%Y") == 'mm"/"dd"/"yyyy'
    assert excel_date_format("%Y-%m-%d") == 'yyyy"-"mm"-"dd'
    for profile in PROFILES.values():
        assert excel_date_format(profile.date_format)
    with pytest.raises(ValueError, match="%b"):
        excel_date_format("%d %b %Y")


# LibreOffice, as staff open the file --------------------------------------------------


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        skip_or_fail(
            "LibreOffice is not installed (Debian: libreoffice-calc-nogui)",
            needs="LibreOffice Calc (soffice)",
        )
    return found


def _convert_to_csv(soffice: str, workbook: Path, tmp_path: Path) -> list[list[str]]:
    out = tmp_path / "converted"
    profile = tmp_path / "lo-profile"  # a profile of its own: no clash with a running office
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            # Calc's CSV filter: comma, double quote, UTF-8 (76), first sheet.
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    converted = out / (workbook.stem + ".csv")
    assert converted.exists(), result.stdout + result.stderr
    with converted.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def test_libreoffice_keeps_zip_codes_phones_and_formula_like_names_as_typed(
    url: str, tmp_path: Path
) -> None:
    soffice = _soffice()
    out = tmp_path / "contacts.xlsx"
    write_crm_file(url, out)
    rows = _convert_to_csv(soffice, out, tmp_path)
    header = rows[0]
    by_email = {row[header.index("email")]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    dana = by_email["dana@example.org"]
    assert dana["postal_code"] == "02139"
    assert dana["phone"] == "+16175550100"
    assert by_email["noa@example.org"]["postal_code"] == "00501"
    assert by_email["noa@example.org"]["first_name"] == "נועה"
    formula = by_email["formula@example.org"]
    assert (formula["first_name"], formula["last_name"]) == (FORMULA_NAME, "+Plus")
    assert by_email["dash@example.org"]["first_name"] == "-Dash"
    assert dana["first_seen_at"].startswith("2026-11-24")
