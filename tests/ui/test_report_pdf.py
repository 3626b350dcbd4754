"""The event report's PDF, read back with poppler as a reader's PDF viewer would.

``pdfinfo`` counts its pages, ``pdftotext`` reads its words (every figure is
checked against the hand-counted fair of ``tests.test_event_report``, and no
personal data may appear), ``pdftoppm`` draws its pages as pictures.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.errors import KioskError
from kiosk.event_report import EventReport, Figures, event_report
from kiosk.importer import import_exports
from kiosk.master import master_url_in, open_master
from tests.ci import skip_or_fail
from tests.factories import MakeKiosk
from tests.test_event_report import BOSTON, FAIR, import_events
from ui.office.report_pdf import is_right_to_left, report_pdf, write_report_pdf

MADE = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        skip_or_fail(f"{tool} is not installed (Debian: poppler-utils)", needs="poppler-utils")
    return found


def _pdf_text(path: Path, *, layout: bool = True) -> str:
    """The PDF's words: as laid out (table rows stay rows), or block by block."""
    text = subprocess.run(
        [_poppler("pdftotext"), *(["-layout"] if layout else []), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return text.replace("\xa0", " ")  # "57 %" keeps its "%" on its line with a no-break space


def _pdf_pages(path: Path) -> int:
    info = subprocess.run(
        [_poppler("pdfinfo"), str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def fair(make_kiosk: MakeKiosk, tmp_path: Path) -> tuple[EventReport, dict[str, str]]:
    """The campus fair's report from a master store built by a real import, and the kiosk ids."""
    url = master_url_in(tmp_path)
    ids = import_events(make_kiosk, url)
    engine = open_master(url)
    try:
        return event_report(engine, FAIR, zone=BOSTON, now=MADE), ids
    finally:
        engine.dispose()


def test_the_report_shows_the_event_s_figures_and_a_page_for_its_kiosks(
    qapp: QApplication, fair: tuple[EventReport, dict[str, str]], tmp_path: Path
) -> None:
    report, ids = fair
    out = tmp_path / "fair.pdf"
    assert write_report_pdf(report, out) == 2
    assert _pdf_pages(out) == 2
    first = _pdf_text(out, layout=False).split("\f")[0]
    first = " ".join(first.split())  # a tile's caption wraps over two lines
    second = _pdf_text(out).split("\f")[1]
    assert FAIR in first and "Boston, MA" in first and "Cambridge, MA" in first
    assert "19 Nov 2026 – 22 Nov 2026" in first and "2 kiosks" in first
    for figure in ("7", "people: 4 new, 2 known before", "29 % of sign-ups", "(57 %)"):
        assert figure in first, figure
    assert "4 · 57 %" in first and "1 · 14 %" in first  # member, and each other choice
    assert "busiest 09:00–10:00 (3, in red)" in first
    for day in ("19 Nov", "20 Nov", "21 Nov", "22 Nov"):
        assert day in first
    assert "page 1 of 2" in first and "page 2 of 2" in second
    north = next(line for line in second.splitlines() if ids["north"] in line).split()
    assert north[1:] == ["4", "2", "1", "2", "0", "1", "1", "2", "3", "09:00"]
    south = next(line for line in second.splitlines() if ids["south"] in line).split()
    assert south[1:] == ["3", "2", "1", "2", "1", "0", "0", "0", "1", "09:00"]


def test_the_report_holds_no_personal_data(
    qapp: QApplication, fair: tuple[EventReport, dict[str, str]], tmp_path: Path
) -> None:
    out = tmp_path / "fair.pdf"
    write_report_pdf(fair[0], out)
    text = _pdf_text(out).casefold()
    for personal in ("@", "example.org", "dana", "levi", "+1202", "02139", "test-1"):
        assert personal not in text, personal


def test_the_pages_draw_as_pictures(
    qapp: QApplication, fair: tuple[EventReport, dict[str, str]], tmp_path: Path
) -> None:
    out = tmp_path / "fair.pdf"
    write_report_pdf(fair[0], out)
    subprocess.run(
        [_poppler("pdftoppm"), "-png", "-r", "50", str(out), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    image = QImage(str(pages[0]))
    assert image.width() == round(8.5 * 50)  # US Letter
    colors = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 500, 7)}
    assert len(colors) > 8  # text, tiles, the WLF bar's colours: not a blank page


def test_a_report_of_one_kiosk_is_one_page(
    qapp: QApplication, make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    kiosk = make_kiosk("only")
    kiosk.add(at=datetime(2026, 11, 20, 15, 0, tzinfo=UTC), event="Gala")
    url = master_url_in(tmp_path)
    assert import_exports([kiosk.export()], url).is_clean
    engine = open_master(url)
    try:
        report = event_report(engine, "Gala", zone=UTC, now=MADE)
    finally:
        engine.dispose()
    content, pages = report_pdf(report)
    assert pages == 1 and content.startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("יריד הקמפוס", "יריד הקמפוס"),
        ("Fair ‮evil‬ name", "Fair"),  # a right-to-left override stays inside the name
        ("x" * 200, "x" * 40),  # the longest name a kiosk records wraps over lines
        ("<b>Gala</b> & =SUM(A1)", "<b>Gala</b> & =SUM(A1)"),  # plain text, never markup
    ],
)
def test_any_event_name_is_set_as_plain_text_in_its_own_direction(
    qapp: QApplication, tmp_path: Path, name: str, words: str
) -> None:
    report = EventReport(name, ("תל אביב",), "UTC", Figures(), (), MADE)
    out = tmp_path / "report.pdf"
    assert write_report_pdf(report, out) == 1
    text = _pdf_text(out)
    assert words in text
    assert "No sign-ups under this event." in text
    assert "page 1 of 1" in text


def test_kiosk_ids_and_names_read_back_letter_for_letter(
    qapp: QApplication, tmp_path: Path
) -> None:
    # With ligatures a PDF reader copies "ff" as the one character "\ufb00".
    one = Figures(signups=1, people=1, new_people=1, wlf=(1, 0, 0, 0), per_hour=(1,) + (0,) * 23)
    kiosks = (("cbff7a", one), ("9fi0fl", one))
    report = EventReport("Office fiesta, Suffolk", (), "UTC", one, kiosks, MADE)
    out = tmp_path / "report.pdf"
    write_report_pdf(report, out)
    text = _pdf_text(out)
    assert all(word in text for word in ("cbff7a", "9fi0fl", "Office fiesta, Suffolk"))
    assert not any("\ufb00" <= character <= "\ufb06" for character in text)


def test_right_to_left_is_told_by_the_first_strong_letter() -> None:
    assert is_right_to_left("יריד 2026")
    assert is_right_to_left("2026 معرض")
    assert not is_right_to_left("Campus Fair יריד")
    assert not is_right_to_left("2026 — ")


def test_a_large_event_s_kiosks_run_onto_more_pages(qapp: QApplication, tmp_path: Path) -> None:
    one = Figures(
        signups=3, people=3, new_people=2, wlf=(1, 1, 1, 0), per_hour=(1,) * 3 + (0,) * 21
    )
    kiosks = tuple((f"k{n:05d}", one) for n in range(90))
    total = Figures(
        signups=270, people=270, new_people=180, wlf=(90, 90, 90, 0), per_hour=(90,) * 3 + (0,) * 21
    )
    out = tmp_path / "big.pdf"
    pages = write_report_pdf(EventReport("Big", (), "UTC", total, kiosks, MADE), out)
    assert pages == _pdf_pages(out) >= 3
    text = _pdf_text(out)
    assert all(f"k{n:05d}" in text for n in range(90))
    assert f"page {pages} of {pages}" in text


def test_a_report_that_cannot_be_written_says_why_and_leaves_nothing(
    qapp: QApplication, fair: tuple[EventReport, dict[str, str]], tmp_path: Path
) -> None:
    report = fair[0]
    with pytest.raises(KioskError, match="does not exist"):
        write_report_pdf(report, tmp_path / "missing" / "report.pdf")
    folder = tmp_path / "report.pdf"
    folder.mkdir()  # a folder where the file should go
    with pytest.raises(KioskError, match="could not write the report"):
        write_report_pdf(report, folder)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
