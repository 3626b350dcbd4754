"""The CRM file as an Excel workbook (.xlsx), for staff who open it in a spreadsheet first.

A CSV opened in LibreOffice Calc or Excel loses data for good: ZIP ``02139``
becomes the number 2139 and phone ``+16175550100`` the number 16175550100.
In a workbook every cell has a type of its own, so:

- every value that is text in meaning (names, email, phone, ZIP, consent
  version, the WLF choice, tags, events) is a text cell, in a column whose
  format is Text (``@``), so a cell staff retype stays text too;
- first and last sign-up times are real date-times, shown in the profile's
  own date format (so a sheet saved as CSV again reads as the CSV would);
  they are UTC, as everywhere in the office files: Excel has no time zones,
  so the header cells' notes and the workbook's properties say so;
- yes/no columns hold the profile's own words (``yes``/``no``, ``Y``/``N``,
  ``TRUE``/``FALSE``) as text, the same in every yes/no column, as the CSV;
- the touchpoint count is a number; the header row is frozen, filterable,
  and every column is as wide as its longest value (within a cap).

Cells are written with ``write_string``, never ``write``, so a value that
begins with ``=`` (a name like ``=HYPERLINK(...)``) is a text cell and never
a formula; that is why the CSV's apostrophe guard is not applied here, and
every value reads exactly as typed.

XlsxWriter streams: in its ``constant_memory`` mode each row goes to a
temporary file as it is written, so a store of a million contacts needs no
more memory than one of ten. Those temporary files hold personal data; they
live in a private folder of their own (0700) that is removed when the
workbook is done, whatever happens.
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, BinaryIO

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError, FileSizeError

from kiosk.crm import COUNT_FIELDS, TIME_FIELDS, Field, Profile, field_text
from kiosk.errors import KioskError
from kiosk.master import ContactRow

SHEET_NAME = "Contacts"
MAX_ROWS = 1_048_576
"""Excel's rows per sheet, header included."""
MAX_CELL_TEXT = 32_767
"""Excel's characters per cell."""
TRUNCATED = "…"
TIME_NOTE = "UTC (Excel has no time zones)"
_MIN_WIDTH = 8
_MAX_WIDTH = 60
_WIDTH_PADDING = 2

# strftime's directives in the profiles, as Excel number format codes. Excel
# reads "mm" after "hh" as minutes, as the profiles' patterns have it.
_DATE_CODES = {"%Y": "yyyy", "%m": "mm", "%d": "dd", "%H": "hh", "%M": "mm", "%S": "ss"}


def excel_date_format(pattern: str) -> str:
    """Excel's number format for a profile's strftime ``pattern``.

    Every other character is quoted, so Excel shows it as it is (unquoted, a
    "/" or ":" may turn into the reader's locale separator).
    """
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern[index] == "%":
            directive = pattern[index : index + 2]
            if directive not in _DATE_CODES:
                raise ValueError(f"no Excel format code for {directive!r} in {pattern!r}")
            parts.append(_DATE_CODES[directive])
            index += 2
        else:
            parts.append('"' + pattern[index].replace('"', '\\"') + '"')
            index += 1
    return "".join(parts)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a spreadsheet's default font: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class _Sheet:
    """One worksheet being written row by row, remembering each column's widest value."""

    def __init__(self, workbook: xlsxwriter.Workbook, profile: Profile) -> None:
        self.profile = profile
        self.sheet = workbook.add_worksheet(SHEET_NAME)
        self.text = workbook.add_format({"num_format": "@"})
        self.time = workbook.add_format({"num_format": excel_date_format(profile.date_format)})
        self.count = workbook.add_format({"num_format": "0"})
        self.header = workbook.add_format(
            {"bold": True, "num_format": "@", "bottom": 1, "bg_color": "#E9EEF5"}
        )
        self.widths = [display_width(header) for header in profile.headers]
        self.rows = 0  # contacts written

    def write_header(self) -> None:
        self.sheet.freeze_panes(1, 0)
        for column, (header, field) in enumerate(self.profile.columns):
            self.sheet.write_string(0, column, header, self.header)
            if field in TIME_FIELDS:
                self.sheet.write_comment(0, column, TIME_NOTE)

    def write_contact(self, contact: ContactRow) -> None:
        row = self.rows + 1
        if row >= MAX_ROWS:
            raise KioskError(
                f"a workbook holds at most {MAX_ROWS - 1:,} contacts and this store has more: "
                "write the CRM file as CSV instead"
            )
        for column, (_, field) in enumerate(self.profile.columns):
            self._write_cell(row, column, contact, field)
        self.rows += 1

    def _write_cell(self, row: int, column: int, contact: ContactRow, field: Field) -> None:
        if field in TIME_FIELDS:
            moment: datetime = getattr(contact, field.value).astimezone(UTC)
            # Excel's date-times are naive: write the UTC wall time.
            self.sheet.write_datetime(row, column, moment.replace(tzinfo=None), self.time)
            shown = moment.strftime(self.profile.date_format)
        elif field in COUNT_FIELDS:
            self.sheet.write_number(row, column, contact.touchpoints, self.count)
            shown = str(contact.touchpoints)
        else:
            shown = field_text(contact, field, self.profile)
            if len(shown) > MAX_CELL_TEXT:
                # Only a list of events can grow this long; the CSV keeps it whole.
                shown = shown[: MAX_CELL_TEXT - len(TRUNCATED)] + TRUNCATED
            self.sheet.write_string(row, column, shown, self.text)
        self.widths[column] = max(self.widths[column], display_width(shown))

    def finish(self) -> None:
        """Size the columns, give text columns the Text format, and filter on the header."""
        for column, (_, field) in enumerate(self.profile.columns):
            width = min(max(self.widths[column], _MIN_WIDTH) + _WIDTH_PADDING, _MAX_WIDTH)
            if field in TIME_FIELDS:
                column_format = self.time
            elif field in COUNT_FIELDS:
                column_format = self.count
            else:
                column_format = self.text
            self.sheet.set_column(column, column, width, column_format)
        self.sheet.autofilter(0, 0, self.rows, len(self.profile.columns) - 1)


def write_workbook(stream: BinaryIO, profile: Profile, contacts: Iterable[ContactRow]) -> int:
    """Write ``contacts`` as a workbook in ``profile``'s columns to ``stream``; return the rows."""
    with tempfile.TemporaryDirectory(prefix="p2p-crm-workbook-") as rows_folder:
        options: dict[str, Any] = {
            "constant_memory": True,
            "tmpdir": rows_folder,
            # Cells are written with write_string anyway; these keep a stray write()
            # from ever turning a value into a formula, a number or a link.
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        }
        sink = _Sink(stream)
        workbook = xlsxwriter.Workbook(sink, options)
        workbook.set_properties(
            {
                "title": f"Contacts for {profile.title}",
                "comments": "Written by the People to People kiosk's office tools. Times are UTC.",
            }
        )
        sheet = _Sheet(workbook, profile)
        sheet.write_header()
        try:
            for contact in contacts:
                sheet.write_contact(contact)
            sheet.finish()
        finally:
            # Closes the row files in rows_folder (an unfinished workbook is thrown away
            # with the temporary file it was written to).
            _close(workbook, sink)
        return sheet.rows


class _Sink:
    """The stream XlsxWriter's zip file writes to, which it leaves open when a write fails.

    Once ``abandoned``, whatever that zip file still tries on its way out (its
    ``__del__`` closes it, long after the stream was closed) is swallowed,
    instead of a traceback printed on the terminal of the person saving.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.abandoned = False

    def write(self, data: bytes) -> int:
        return len(data) if self.abandoned else self._stream.write(data)

    def tell(self) -> int:
        return 0 if self.abandoned else self._stream.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0 if self.abandoned else self._stream.seek(offset, whence)

    def seekable(self) -> bool:
        return self.abandoned or self._stream.seekable()

    def flush(self) -> None:
        if not self.abandoned:
            self._stream.flush()


def _close(workbook: xlsxwriter.Workbook, sink: _Sink) -> None:
    """Write the workbook out; a full disk is the OSError it was, not XlsxWriter's wrapper."""
    try:
        workbook.close()
    except FileCreateError as exc:
        sink.abandoned = True
        cause = exc.args[0] if exc.args else None
        raise cause if isinstance(cause, OSError) else OSError(str(exc)) from exc
    except FileSizeError:
        raise KioskError(
            "the workbook would pass the 4 GB a workbook file can hold: "
            "write the CRM file as CSV instead"
        ) from None
