"""``p2p-kiosk self-check``: prove an installation works end to end, in a throwaway folder.

Opens a fresh store, applies the migrations, checks that the fresh kiosk asks
for first-start setup and opens once a staff PIN is set, loads the bundled
content, renders every screen offscreen, submits a sign-up, exports and
imports it, and applies the import's receipt (erasing the sign-up's personal
data).
Each step prints one line; the command exits 0 only if every step worked.
Used by CI on the PyInstaller bundle and by volunteers after installing.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from kiosk.content import load_content
from kiosk.export import ExportResult
from kiosk.first_start import SetupState
from kiosk.importer import import_exports
from kiosk.paths import default_content_path
from kiosk.pin import PinRejected, check_new_pin
from kiosk.receipts import ReceiptBook
from kiosk.service import KioskService
from kiosk.signup import SignupForm, WlfChoice
from kiosk.store import head_revision

Step = Callable[[], str]


def run_self_check(out: TextIO) -> bool:
    """Run every step, printing one line each to ``out``; return whether all passed."""
    # Rendering must never need a display: a booth laptop runs this before
    # anyone has logged in, and CI has no screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="p2p-self-check-") as tmp:
        return _run_steps(Path(tmp), out)


def _run_steps(workdir: Path, out: TextIO) -> bool:
    state: dict[str, object] = {}

    def open_store() -> str:
        service = KioskService.open(workdir / "data")
        state["service"] = service
        with service.store.engine.connect() as conn:
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if revision != head_revision():
            raise RuntimeError(f"store is at revision {revision}, expected {head_revision()}")
        return f"fresh store migrated to revision {revision}"

    def first_start() -> str:
        service = _service(state)
        if service.setup_state() is not SetupState.NEEDS_SETUP:
            raise RuntimeError(f"a fresh kiosk is {service.setup_state().value}, not needs_setup")
        service.set_pin(_throwaway_pin())
        if service.setup_state() is not SetupState.READY:
            raise RuntimeError("the kiosk is not ready after its staff PIN was set")
        return "a fresh kiosk asks for setup, and opens once its staff PIN is set"

    def check_content() -> str:
        content = load_content(default_content_path())
        incomplete = [lang.code for lang in content.languages if not lang.is_complete]
        if incomplete:
            raise RuntimeError(f"bundled content incomplete in {', '.join(incomplete)}")
        codes = ", ".join(lang.code for lang in content.languages)
        return f"bundled content: {len(content.resources)} resources, {content.title!r}, in {codes}"

    def render_screens() -> str:
        # The one Qt import, here so the rest of the check runs without Qt.
        from ui.screenshots import render_screenshots

        paths = render_screenshots(_service(state), workdir / "screens", sizes=((1280, 800),))
        empty = [p.name for p in paths if p.stat().st_size == 0]
        if empty:
            raise RuntimeError(f"empty renders: {', '.join(empty)}")
        return f"rendered {len(paths)} screens offscreen"

    def fonts() -> str:
        from ui.app import bundled_font_faces

        faces = bundled_font_faces()
        if len(faces) < 4:
            raise RuntimeError(f"bundled fonts missing: only {', '.join(faces) or 'none'} loaded")
        return f"Hebrew and Arabic faces loaded: {', '.join(faces)}"

    def submit() -> str:
        service = _service(state)
        service.start_event("Self-check", "")
        form = SignupForm(
            first_name="Self",
            last_name="Check",
            email="self.check@example.org",
            wlf_choice=WlfChoice.UPDATES,
            contact_consent=True,
        )
        record = service.submit(form)
        return f"sign-up {str(record.signup_id)[:8]}… written durably"

    def export() -> str:
        service = _service(state)
        stick = workdir / "usb"
        stick.mkdir()
        result = service.export(stick)
        if result is None or result.rows != 1:
            raise RuntimeError("export wrote no file")
        if not service.verify_export(result):
            raise RuntimeError("exported file does not match its manifest")
        state["export"] = result
        return f"exported {result.csv_path.name} (sha256 {result.sha256[:12]}…)"

    def import_() -> str:
        result = state["export"]
        assert isinstance(result, ExportResult)
        book = ReceiptBook()
        report = import_exports(
            [result.csv_path], f"sqlite:///{workdir / 'master.sqlite3'}", after_merge=book.record
        )
        accepted = all(f.accepted for f in report.files)
        if not accepted or report.signups_new != 1 or report.contacts_new != 1:
            raise RuntimeError("; ".join(report.summary_lines()))
        written = book.write()
        if len(written.paths) != 1:
            raise RuntimeError("; ".join(written.warnings) or "no receipt written")
        state["receipt"] = written.paths[0]
        return "imported into a fresh master store: 1 new sign-up, 1 contact, 1 receipt"

    def apply_receipt() -> str:
        receipt = state["receipt"]
        assert isinstance(receipt, Path)
        applied = _service(state).apply_receipts([receipt])
        if applied.refused or applied.erased != 1:
            raise RuntimeError("; ".join(applied.summary_lines()))
        return "receipt applied: 1 sign-up's personal data erased, counts kept"

    steps: list[tuple[str, Step]] = [
        ("store", open_store),
        ("first start", first_start),
        ("content", check_content),
        ("screens", render_screens),
        ("fonts", fonts),
        ("sign-up", submit),
        ("export", export),
        ("import", import_),
        ("receipt", apply_receipt),
    ]
    passed = True
    try:
        for name, step in steps:
            try:
                detail = step()
            except Exception as exc:  # noqa: BLE001 - every failure becomes a line
                out.write(f"FAIL {name}: {type(exc).__name__}: {exc}\n")
                passed = False
                break
            out.write(f"ok   {name}: {detail}\n")
    finally:
        service = state.get("service")
        if isinstance(service, KioskService):
            service.close()
    out.write("self-check passed\n" if passed else "self-check FAILED\n")
    return passed


def _service(state: dict[str, object]) -> KioskService:
    service = state["service"]
    assert isinstance(service, KioskService)
    return service


def _throwaway_pin() -> str:
    """A random valid PIN for the throwaway kiosk (never a PIN anyone could know)."""
    while True:
        pin = f"{secrets.randbelow(10**6):06d}"
        try:
            check_new_pin(pin)
        except PinRejected:
            continue
        return pin
