"""The ``p2p-kiosk`` entry point: ``kiosk.cli``'s command line with the commands that need Qt.

Each of these commands imports Qt only when it runs, so the other commands
(status, export, import...) start without loading it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from kiosk import cli
from kiosk.service import KioskService


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    return cli.main(argv, SCREEN_COMMANDS)


def _run(args: argparse.Namespace) -> int:
    """``p2p-kiosk run``: the kiosk's window, fullscreen unless ``--windowed``."""
    # The store opens once the first screen (attract, or setup) shows (run_kiosk),
    # so the booth sees the kiosk at once; a bad config or content file still stops it here.
    service = KioskService.open(cli.data_dir_of(args), content_path=args.content, defer_store=True)
    try:
        from ui.app import run_kiosk as run

        return run(service, windowed=args.windowed)
    finally:
        service.close()


def _office(args: argparse.Namespace) -> int:
    """``p2p-kiosk office``: the office import window."""
    receipt_dir = cli.existing_folder(args.receipt_dir)
    master_url = cli.master_url(args)
    from ui.office.app import run_office as run

    return run(master_url, identity=args.identity, receipt_dir=receipt_dir)


def _screenshots(args: argparse.Namespace) -> int:
    """``p2p-kiosk screenshots``: every kiosk and office screen as PNG files.

    With ``--lang`` the kiosk's screens in that language (the kiosk's default
    in the throwaway folder, so every screen stays in it); no office screens.
    """
    from ui.office.screenshots import render_office_screenshots
    from ui.screenshots import render_screenshots as render

    # A throwaway data folder with demo sign-ups from today, so the staff
    # panel's counts and chart show something real; never the real folder.
    with tempfile.TemporaryDirectory(prefix="p2p-screenshots-") as tmp:
        data_dir = Path(tmp)
        service = KioskService.open(data_dir, content_path=args.content)
        try:
            if args.lang is not None:
                # An unknown or incomplete language is refused here, with its reason.
                complete = [lang.code for lang in service.content_languages if lang.is_complete]
                service.set_languages([*complete, args.lang], args.lang)
            _fill_demo_kiosk(service, data_dir / "stick")
            paths = render(service, args.out)
        finally:
            service.close()
    if args.lang is None:
        paths += render_office_screenshots(args.out)
    cli.say(f"Wrote {len(paths)} screenshot(s) to {args.out}")
    return cli.EXIT_OK


def _fill_demo_kiosk(service: KioskService, stick: Path) -> None:
    """Today's demo sign-ups under a named event, and last week's exported and confirmed."""
    from kiosk.demo import demo_records

    today = service.today_start().astimezone(UTC) + timedelta(hours=9)
    _confirmed_demo_export(service, stick, today - timedelta(days=7))
    service.store.insert_records(
        demo_records(
            60, kiosk_id=service.store.kiosk_id, consent=service.content.consent, start=today
        )
    )
    service.start_event("Campus Fair", "Boston, MA")
    service.set_pin("482915")


def _confirmed_demo_export(service: KioskService, stick: Path, start: datetime) -> None:
    """Last week's demo sign-ups, exported, and the office's receipt for them applied."""
    from kiosk.demo import demo_records
    from kiosk.receipts import ConfirmedFile, Receipt, write_receipt

    kiosk_id, consent = service.store.kiosk_id, service.content.consent
    service.store.insert_records(
        demo_records(24, seed=5, kiosk_id=kiosk_id, consent=consent, start=start)
    )
    stick.mkdir()
    exported = service.export(stick)
    assert exported is not None
    confirmed = ConfirmedFile(exported.csv_path.name, exported.sha256, exported.rows, exported.rows)
    receipt = Receipt(kiosk_id, service.clock(), (confirmed,))
    service.apply_receipts([write_receipt(stick, receipt)])


def self_check(out: TextIO) -> bool:
    """Run ``kiosk.selfcheck`` with its screen step; return whether every step passed."""
    # Rendering must never need a display: a booth laptop runs this before
    # anyone has logged in, and CI has no screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.selfcheck import run_self_check
    from ui.app import bundled_font_faces

    return run_self_check(out, _render_for_check, bundled_font_faces)


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
    return cli.EXIT_OK if self_check(sys.stdout) else cli.EXIT_FAILED


SCREEN_COMMANDS = cli.ScreenCommands(
    run=_run,
    office=_office,
    screenshots=_screenshots,
    self_check=_self_check_command,
)
