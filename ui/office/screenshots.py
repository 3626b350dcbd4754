"""Render the office window in each of its states to PNG files (works headless).

Everything is real and throwaway: seeded demo sign-ups in kiosk stores with
fixed ids, exported (one encrypted, one damaged on purpose) into a scratch
folder, and merged into a SQLite master store there. Time is the fixed
``now`` the caller gives, so the pictures come out the same every run.
Nothing touches real data. The first page of an event's PDF report is drawn
by poppler's ``pdftoppm``, as a reader's viewer would, where it is installed.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kiosk.clock import ManualClock
from kiosk.content import load_content
from kiosk.crypto import new_key_pair, write_identity_file
from kiosk.demo import demo_records
from kiosk.event_report import event_report, list_events
from kiosk.export import export_signups
from kiosk.master import master_url_in, open_master
from kiosk.paths import default_content_path
from kiosk.store import Store
from ui.office.app import as_office_app, make_office_window
from ui.office.report_pdf import write_report_pdf
from ui.office.window import OfficeWindow

log = logging.getLogger(__name__)

START = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
SETUP_TEST = "Setup test"
REPORT_MADE = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
REPORT_DPI = 100


def _wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the office window did not reach the expected state")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _export(
    root: Path, name: str, count: int, seed: int, now: datetime, recipient: str | None = None
) -> Path:
    consent = load_content(default_content_path()).consent
    store = Store.open(root / f"kiosk-{name}", clock=ManualClock(now))
    try:
        # A fixed id, made from the name as a kiosk makes its own (six hex digits).
        store.set_setting("kiosk_id", hashlib.sha256(name.encode()).hexdigest()[:6])
        store.set_kiosk_name(name)
        records = demo_records(
            count, seed=seed, kiosk_id=store.kiosk_id, consent=consent, start=START, now=now
        )
        # The volunteer's test at setting up, as the booth checklist asks for.
        test = replace(records[-1], signup_id=uuid.UUID(int=seed, version=4))
        test = replace(test, event_name=SETUP_TEST, created_at=START - timedelta(minutes=30))
        store.insert_records([*records, test])
        out = root / "usb" / name
        out.mkdir(parents=True)
        result = export_signups(store, out, recipient=recipient)
    finally:
        store.close()
    assert result is not None
    return result.csv_path


def _report_page(master_url: str, pdf: Path, out_dir: Path) -> list[Path]:
    """report_page1.png: page one of the newest event's PDF report (written to ``pdf``),
    as poppler draws it."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        log.warning("report_page1.png not drawn: pdftoppm (Debian: poppler-utils) is missing")
        return []
    engine = open_master(master_url)
    try:
        newest = list_events(engine)[0].name
        report = event_report(engine, newest, zone=UTC, now=REPORT_MADE)
    finally:
        engine.dispose()
    write_report_pdf(report, pdf)
    page = out_dir / "report_page1.png"
    subprocess.run(
        [pdftoppm, "-png", "-r", str(REPORT_DPI), "-f", "1", "-l", "1", "-singlefile"]
        + [str(pdf), str(page.with_suffix(""))],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return [page]


def _settle(window: OfficeWindow) -> None:
    _wait_until(lambda: not window.is_busy())
    QCoreApplication.processEvents()


def render_office_screenshots(out_dir: Path, workdir: Path, now: datetime) -> list[Path]:
    """Write office_*.png for each state of the window into ``out_dir``; return the paths.

    ``workdir`` (an empty folder, of the same name every run) holds the kiosks,
    the stick and the master store; ``now`` is the time the window works at. The
    application is styled as ``p2p-kiosk office`` runs, for the time it takes.
    """
    with as_office_app():
        return _render(out_dir, workdir, now)


def _render(out_dir: Path, workdir: Path, now: datetime) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    root = Path(workdir)
    root.mkdir(parents=True, exist_ok=True)
    identity, recipient = new_key_pair()
    key = root / "office.key"
    write_identity_file(key, identity)
    north = _export(root, "North Hall kiosk", 240, 1, now)
    south = _export(root, "South Hall kiosk", 180, 2, now)
    secure = _export(root, "Gala kiosk", 60, 3, now, recipient=recipient)
    damaged_dir = root / "usb" / "damaged"
    damaged_dir.mkdir()
    damaged = damaged_dir / south.name
    for source in south.parent.iterdir():
        shutil.copy(source, damaged_dir / source.name)
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))

    window = make_office_window(master_url_in(root), clock=ManualClock(now))
    window.show()

    def shot(name: str, *, settle: bool = True) -> None:
        if settle:
            # Twice: a page in its scroll area lays itself out, then its tiles' wrapped words.
            QCoreApplication.processEvents()
            QCoreApplication.processEvents()
        path = out_dir / f"office_{name}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)

    try:
        _settle(window)
        shot("empty")
        window.add_files([north, south, damaged, secure])
        _settle(window)
        shot("checked")
        window.set_identity(key)
        _settle(window)
        shot("key_chosen")

        captured = {"done": False}

        def mid_merge(value: int) -> None:
            bar = window.progress_bar
            if not captured["done"] and bar.maximum() > 1 and value >= bar.maximum() // 2:
                captured["done"] = True
                # Half way exactly, and no events processed (they would move the bar on
                # by however far the merge got meanwhile): the same picture every run.
                bar.setValue(bar.maximum() // 2)
                shot("merging", settle=False)

        window.progress_bar.valueChanged.connect(mid_merge)
        window.import_tab.events_choice.set_included(SETUP_TEST, False)
        window.merge()
        _settle(window)
        shot("merged")
        window.show_tab(window.contacts_tab)  # nothing typed: the latest sign-ups
        shot("contacts")
        window.show_tab(window.events_tab)
        window.events_tab.set_zone(UTC)  # the same pictures on every machine
        shot("events")
        written.extend(_report_page(master_url_in(root), root / "report.pdf", out_dir))
        duplicates = window.duplicates_tab
        window.show_tab(duplicates)
        _settle(window)
        duplicates.pairs_table.selectRow(0)
        duplicates.merge_chosen()  # one decision on record, in the list below
        _settle(window)
        duplicates.history_table.selectRow(0)
        shot("duplicates")
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
    return written
