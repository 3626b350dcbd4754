"""The ``p2p-kiosk`` entry point: ``kiosk.cli``'s command line with the commands that need Qt.

Each of these commands imports Qt only when it runs, so the other commands
(status, export, import...) start without loading it.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from kiosk import cli, motion
from kiosk.display import STANDARD_DISPLAY, Display, Theme
from kiosk.service import KioskService


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    return cli.main(argv, SCREEN_COMMANDS)


def _run(args: argparse.Namespace) -> int:
    """``p2p-kiosk run``: the kiosk's window, fullscreen unless ``--windowed``."""
    # The store opens once the first screen (attract, or setup) shows (run_kiosk),
    # so the booth sees the kiosk at once; a bad config or content file still stops it here.
    service = KioskService.open(cli.data_dir_of(args), content_path=args.content, defer_store=True)
    # Attract needs the desktop's wish for reduced motion: asked while Qt loads.
    motion.ask_in_background()
    # Loading Qt and the screens makes objects that live as long as the kiosk; the garbage
    # collector would walk them again and again for nothing. run_kiosk turns it back on
    # once the first screen shows.
    gc.disable()
    try:
        from ui.app import run_kiosk as run

        return run(service, windowed=args.windowed)
    finally:
        gc.enable()  # also when the kiosk never got that far
        service.close()


def _office(args: argparse.Namespace) -> int:
    """``p2p-kiosk office``: the office import window."""
    receipt_dir = cli.existing_folder(args.receipt_dir)
    master_url = cli.master_url(args)
    from ui.office.app import run_office as run

    return run(master_url, identity=args.identity, receipt_dir=receipt_dir)


def _report(args: argparse.Namespace) -> int:
    """``p2p-kiosk report``: an event's figures (the core's) painted into a PDF (Qt's)."""
    report = cli.event_report_for(args)
    # A PDF needs fonts, not a screen: this runs on a server or over SSH as well.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from ui.office.report_pdf import write_report_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pages = write_report_pdf(report, args.out)
    del app
    kiosks = len(report.kiosks)
    cli.say(
        f"Report on {report.name!r} ({report.total.signups} sign-up(s), {kiosks} kiosk(s), "
        f"times in {report.time_zone}): {args.out} ({pages} page(s))"
    )
    return cli.EXIT_OK


# The pictures in docs/screenshots/ are made the same way every time, so that
# rendering them again changes no tracked file unless a screen changed: a fixed
# clock (a Tuesday afternoon at the booth, shown in UTC), fixed kiosk ids, seeded
# demo data, and a scratch folder of a fixed name (paths show on some screens).
SCREENSHOT_TIME = datetime(2026, 11, 24, 17, 30, tzinfo=UTC)
SCREENSHOT_KIOSK_ID = "5c4e3a"
SCREENSHOT_FOLDER = "p2p-kiosk-screenshots"


def _screenshots(args: argparse.Namespace) -> int:
    """``p2p-kiosk screenshots``: every kiosk and office screen as PNG files.

    ``--text-size`` and ``--theme`` show the attendee screens as an attendee who
    chose them sees them (the staff screens keep the standard display), and
    ``--lang`` in that language (the kiosk's default in the throwaway folder, so
    every screen stays in it); the office window, which has one display and is
    English only, is rendered only without them.
    """
    from kiosk.clock import ManualClock
    from ui.office.screenshots import render_office_screenshots
    from ui.screenshots import render_screenshots as render

    display = Display(args.text_size, Theme(args.theme))
    # Demo sign-ups from today in a throwaway data folder, so the staff panel's
    # counts and chart show something real; never the real folder.
    with _scratch_folder(SCREENSHOT_FOLDER) as root:
        paths: list[Path] = []
        if display == STANDARD_DISPLAY and args.lang is None:
            # The office first: the kiosk's screens style the whole application (its
            # stylesheet and font), which the office window, a program of its own, never has.
            paths += render_office_screenshots(args.out, root / "office", now=SCREENSHOT_TIME)
        data_dir = root / "kiosk"
        _fix_kiosk_id(data_dir, SCREENSHOT_KIOSK_ID)
        service = KioskService.open(
            data_dir,
            content_path=args.content,
            clock=ManualClock(SCREENSHOT_TIME),
            local_tz=UTC,
        )
        try:
            if args.lang is not None:
                # An unknown or incomplete language is refused here, with its reason.
                complete = [lang.code for lang in service.content_languages if lang.is_complete]
                service.set_languages([*complete, args.lang], args.lang)
            _fill_demo_kiosk(service, root / "stick")
            service.set_default_display(display)
            paths += render(service, args.out)
        finally:
            service.close()
    cli.say(f"Wrote {len(paths)} screenshot(s) to {args.out}")
    return cli.EXIT_OK


@contextmanager
def _scratch_folder(name: str) -> Iterator[Path]:
    """An empty, private folder of a fixed name in the temporary folder, removed afterwards."""
    root = Path(tempfile.gettempdir()) / name
    shutil.rmtree(root, ignore_errors=True)  # what a killed run left
    root.mkdir(mode=0o700)
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _fix_kiosk_id(data_dir: Path, kiosk_id: str) -> None:
    """Give a new kiosk store in ``data_dir`` this id instead of a random one."""
    from kiosk.store import Store

    store = Store.open(data_dir)
    try:
        store.set_setting("kiosk_id", kiosk_id)
    finally:
        store.close()


def _fill_demo_kiosk(service: KioskService, stick: Path) -> None:
    """Today's demo sign-ups under a named event, and last week's exported and confirmed."""
    from kiosk.demo import demo_records

    now = service.clock()
    today = service.today_start().astimezone(UTC) + timedelta(hours=9)
    _confirmed_demo_export(service, stick, today - timedelta(days=7))
    service.store.insert_records(
        demo_records(
            60,
            seed=1,
            kiosk_id=service.store.kiosk_id,
            consent=service.content.consent,
            start=today,
            now=now,
        )
    )
    service.start_event("Campus Fair", "Boston, MA")
    service.set_pin("482915")


def _confirmed_demo_export(service: KioskService, stick: Path, start: datetime) -> None:
    """Last week's demo sign-ups, exported, and the office's receipt for them applied."""
    from kiosk.demo import demo_records
    from kiosk.receipts import ConfirmedFile, Receipt, write_receipt

    kiosk_id, consent, now = service.store.kiosk_id, service.content.consent, service.clock()
    service.store.insert_records(
        demo_records(24, seed=5, kiosk_id=kiosk_id, consent=consent, start=start, now=now)
    )
    stick.mkdir()
    exported = service.export(stick)
    assert exported is not None
    confirmed = ConfirmedFile(exported.csv_path.name, exported.sha256, exported.rows, exported.rows)
    receipt = Receipt(kiosk_id, service.clock(), (confirmed,))
    service.apply_receipts([write_receipt(stick, receipt)])


def self_check(out: TextIO, data_dir: Path, content_path: Path | None = None) -> bool:
    """Run ``kiosk.selfcheck`` for the deployment in ``data_dir``; return whether all passed."""
    # Rendering must never need a display: a booth laptop runs this before
    # anyone has logged in, and CI has no screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.selfcheck import QtParts, run_self_check
    from ui.app import bundled_font_faces
    from ui.office.report_pdf import write_report_pdf

    qt = QtParts(_render_for_check, bundled_font_faces, write_report_pdf)
    return run_self_check(out, qt, data_dir, content_path)


def _render_for_check(service: KioskService, folder: Path) -> list[Path]:
    """Every screen rendered; and the screens' own words found in every offered language."""
    from ui.language import has_translation
    from ui.screenshots import render_screenshots as render

    rendered = render(service, folder, sizes=((1280, 800),))
    missing = [lang.code for lang in service.languages if not has_translation(lang.code)]
    if missing:
        raise RuntimeError(f"the screens have no translation into {', '.join(missing)}")
    return rendered


def _self_check_command(args: argparse.Namespace) -> int:
    """``p2p-kiosk self-check``."""
    passed = self_check(sys.stdout, cli.data_dir_of(args), args.content)
    return cli.EXIT_OK if passed else cli.EXIT_FAILED


SCREEN_COMMANDS = cli.ScreenCommands(
    run=_run,
    office=_office,
    screenshots=_screenshots,
    self_check=_self_check_command,
    report=_report,
)
