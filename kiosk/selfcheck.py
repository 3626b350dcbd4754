"""``p2p-kiosk self-check``: prove an installation works end to end.

First it checks what this deployment will run with, as ``p2p-kiosk run``
reads it: the data folder's ``config.toml`` (if there is one) and the
content file it names (or ``--content``, or the bundled one), with every
link encoded as a QR code and the languages it would offer, naming each file
it checked. Then, in a throwaway folder, it opens a fresh store, applies the
migrations, checks that the fresh kiosk asks for first-start setup and opens
once a staff PIN is set, renders every screen offscreen with that content,
loads the bundled fonts, submits a sign-up, exports and imports it, writes
the office's files from the import (the CRM workbook and the event's PDF
report), and applies the import's receipt (erasing the sign-up's personal
data). The deployment's own store is never touched.
Each step prints one line; the command exits 0 only if every step worked.
Used by CI on the PyInstaller bundle and by volunteers after installing.
Rendering, fonts and the PDF report need Qt, which this core never imports: the
caller (``p2p_kiosk.cli``) hands those parts in (``QtParts``).
"""

from __future__ import annotations

import secrets
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from kiosk.config import CONFIG_FILE_NAME, KioskConfig, load_config
from kiosk.content import check_content
from kiosk.crm import write_crm_file
from kiosk.event_report import EventReport, event_report
from kiosk.export import ExportResult
from kiosk.first_start import SetupState
from kiosk.importer import import_exports
from kiosk.languages import configured_languages
from kiosk.master import master_url_in, open_master
from kiosk.paths import default_content_path
from kiosk.pin import PinRejected, check_new_pin
from kiosk.receipts import ReceiptBook
from kiosk.service import KioskService
from kiosk.signup import SignupForm, WlfChoice
from kiosk.store import head_revision

Step = Callable[[], str]
"""One step of the check: returns what it proved, raises if it failed."""
RenderScreens = Callable[[KioskService, Path], Sequence[Path]]
"""Renders every screen of a kiosk into a folder, returning the image files."""
LoadedFonts = Callable[[], Sequence[str]]
"""Loads the bundled fonts as the kiosk does, returning the faces loaded ("Family Style")."""
WriteReport = Callable[[EventReport, Path], int]
"""Writes an event's report as a PDF file, returning its page count."""


@dataclass(frozen=True)
class QtParts:
    """The self-check's parts that need Qt, handed in by the composition layer."""

    render_screens: RenderScreens
    loaded_fonts: LoadedFonts
    write_report: WriteReport


def run_self_check(
    out: TextIO, qt: QtParts, data_dir: Path, content_path: Path | None = None
) -> bool:
    """Run every step, printing one line each to ``out``; return whether all passed.

    ``data_dir`` and ``content_path`` are the deployment's, as ``run`` takes them.
    """
    with tempfile.TemporaryDirectory(prefix="p2p-self-check-") as tmp:
        check = _SelfCheck(Path(tmp), qt, data_dir, content_path)
        try:
            passed = _run_steps(check.steps(), out)
        finally:
            check.close()
    out.write("self-check passed\n" if passed else "self-check FAILED\n")
    return passed


def _run_steps(steps: Sequence[tuple[str, Step]], out: TextIO) -> bool:
    """Run ``steps`` in order, one line each, up to the first that fails."""
    for name, step in steps:
        try:
            detail = step()
        except Exception as exc:  # every failure becomes a line
            out.write(f"FAIL {name}: {type(exc).__name__}: {exc}\n")
            return False
        out.write(f"ok   {name}: {detail}\n")
    return True


class _SelfCheck:
    """The steps, in a throwaway folder; each later step uses what the earlier ones made."""

    def __init__(
        self, workdir: Path, qt: QtParts, data_dir: Path, content_path: Path | None
    ) -> None:
        self._workdir = workdir
        self._qt = qt
        self._data_dir = data_dir
        self._content_path = content_path
        self._config: KioskConfig | None = None
        self._opened: KioskService | None = None
        self._export: ExportResult | None = None
        self._receipt: Path | None = None

    def steps(self) -> list[tuple[str, Step]]:
        """Every step with its name, in the order they must run."""
        return [
            ("config", self.check_config),
            ("content", self.check_content),
            ("store", self.open_store),
            ("first start", self.first_start),
            ("screens", self.render_screens),
            ("fonts", self.fonts),
            ("sign-up", self.submit),
            ("export", self.export),
            ("import", self.import_),
            ("office files", self.office_files),
            ("receipt", self.apply_receipt),
        ]

    def close(self) -> None:
        """Close the throwaway kiosk, if it was opened."""
        if self._opened is not None:
            self._opened.close()

    @property
    def _service(self) -> KioskService:
        assert self._opened is not None, "the store step runs first"
        return self._opened

    def check_config(self) -> str:
        self._config = load_config(self._data_dir, content_path=self._content_path)
        path = self._data_dir / CONFIG_FILE_NAME
        if path.exists():
            return f"{path}: ok"
        return f"no {CONFIG_FILE_NAME} in {self._data_dir}: the defaults"

    def check_content(self) -> str:
        assert self._config is not None, "the config step runs first"
        path = self._config.content_path
        content, _ = check_content(path)
        # The languages config.toml offers must be complete, as `run` demands; the
        # bundled content must be complete in every language it has.
        offered = ", ".join(configured_languages(self._config, content).codes)
        incomplete = [lang.code for lang in content.languages if not lang.is_complete]
        if incomplete and path.resolve() == default_content_path().resolve():
            raise RuntimeError(f"bundled content incomplete in {', '.join(incomplete)}")
        return (
            f"{path}: ok ({len(content.resources)} resources, {content.title!r}, "
            f"offered in {offered})"
        )

    def open_store(self) -> str:
        assert self._config is not None, "the config step runs first"
        # A throwaway kiosk showing the deployment's own content.
        self._opened = KioskService.open(
            self._workdir / "data", content_path=self._config.content_path
        )
        with self._opened.store.engine.connect() as conn:
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if revision != head_revision():
            raise RuntimeError(f"store is at revision {revision}, expected {head_revision()}")
        return f"fresh store migrated to revision {revision}"

    def first_start(self) -> str:
        service = self._service
        if service.setup_state() is not SetupState.NEEDS_SETUP:
            raise RuntimeError(f"a fresh kiosk is {service.setup_state().value}, not needs_setup")
        service.set_pin(_throwaway_pin())
        if service.setup_state() is not SetupState.READY:
            raise RuntimeError("the kiosk is not ready after its staff PIN was set")
        return "a fresh kiosk asks for setup, and opens once its staff PIN is set"

    def render_screens(self) -> str:
        paths = self._qt.render_screens(self._service, self._workdir / "screens")
        empty = [p.name for p in paths if p.stat().st_size == 0]
        if empty:
            raise RuntimeError(f"empty renders: {', '.join(empty)}")
        return f"rendered {len(paths)} screens offscreen"

    def fonts(self) -> str:
        faces = self._qt.loaded_fonts()
        if len(faces) < 6:
            raise RuntimeError(f"bundled fonts missing: only {', '.join(faces) or 'none'} loaded")
        return f"Latin, Hebrew and Arabic faces loaded: {', '.join(faces)}"

    def submit(self) -> str:
        self._service.start_event("Self-check", "")
        form = SignupForm(
            first_name="Self",
            last_name="Check",
            email="self.check@example.org",
            wlf_choice=WlfChoice.UPDATES,
            contact_consent=True,
        )
        record = self._service.submit(form)
        return f"sign-up {str(record.signup_id)[:8]}… written durably"

    def export(self) -> str:
        stick = self._workdir / "usb"
        stick.mkdir()
        result = self._service.export(stick)
        if result is None or result.rows != 1:
            raise RuntimeError("export wrote no file")
        if not self._service.verify_export(result):
            raise RuntimeError("exported file does not match its manifest")
        self._export = result
        return f"exported {result.csv_path.name} (sha256 {result.sha256[:12]}…)"

    def import_(self) -> str:
        assert self._export is not None, "the export step runs first"
        book = ReceiptBook()
        report = import_exports(
            [self._export.csv_path], master_url_in(self._workdir), after_merge=book.record
        )
        accepted = all(f.accepted for f in report.files)
        if not accepted or report.signups_new != 1 or report.contacts_new != 1:
            raise RuntimeError("; ".join(report.summary_lines()))
        written = book.write()
        if len(written.paths) != 1:
            raise RuntimeError("; ".join(written.warnings) or "no receipt written")
        self._receipt = written.paths[0]
        return "imported into a fresh master store: 1 new sign-up, 1 contact, 1 receipt"

    def office_files(self) -> str:
        url = master_url_in(self._workdir)
        workbook = self._workdir / "contacts.xlsx"
        if write_crm_file(url, workbook) != 1 or not zipfile.is_zipfile(workbook):
            raise RuntimeError("the CRM workbook does not hold the one contact")
        engine = open_master(url)
        try:
            report = event_report(engine, "Self-check")
        finally:
            engine.dispose()
        pdf = self._workdir / "report.pdf"
        pages = self._qt.write_report(report, pdf)
        if report.total.signups != 1 or not pdf.read_bytes().startswith(b"%PDF-"):
            raise RuntimeError("the event report is not a PDF of the one sign-up")
        return f"CRM workbook and a {pages}-page event report written"

    def apply_receipt(self) -> str:
        assert self._receipt is not None, "the import step runs first"
        applied = self._service.apply_receipts([self._receipt])
        if applied.refused or applied.erased != 1:
            raise RuntimeError("; ".join(applied.summary_lines()))
        return "receipt applied: 1 sign-up's personal data erased, counts kept"


def _throwaway_pin() -> str:
    """A random valid PIN for the throwaway kiosk (never a PIN anyone could know)."""
    while True:
        pin = f"{secrets.randbelow(10**6):06d}"
        try:
            check_new_pin(pin)
        except PinRejected:
            continue
        return pin
