"""The ``p2p-kiosk`` command: start the kiosk, and the staff and office tools.

Every failure a user can cause (a wrong option, a missing file, an unreadable
database) ends in one clear line on stderr and a non-zero exit, never a
traceback. Core errors are translated here, once.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from kiosk import __version__
from kiosk.content import ContentError, load_content
from kiosk.errors import KioskError
from kiosk.first_start import SetupState
from kiosk.logs import setup_logging
from kiosk.paths import default_content_path, default_data_dir
from kiosk.terminal import terminal_safe

if TYPE_CHECKING:
    from kiosk.service import KioskService

log = logging.getLogger(__name__)

PROG = "p2p-kiosk"
EXIT_OK = 0
EXIT_FAILED = 1  # the command ran and reports a failure (e.g. a rejected import file)
EXIT_USAGE = 2
EXIT_INTERNAL = 70


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _data_dir_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        metavar="DIR",
        help=f"folder holding the kiosk database, config and logs (default: {default_data_dir()})",
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the full command-line parser."""
    parser = _Parser(prog=PROG, description="People to People outreach kiosk and its tools.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _data_dir_option(parser, default=None)
    parser.add_argument(
        "--content",
        type=Path,
        metavar="FILE",
        help="use this content file instead of the bundled one",
    )
    # No command means "run": a volunteer's shortcut just starts the kiosk.
    parser.set_defaults(handler=_cmd_run, command="run", windowed=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> _Parser:
        sub: _Parser = commands.add_parser(name, help=help_text, description=help_text)
        # Accepted after the command too ("p2p-kiosk export --data-dir D ...");
        # SUPPRESS keeps a value given before the command.
        _data_dir_option(sub, default=argparse.SUPPRESS)
        sub.set_defaults(handler=handler)
        return sub

    run = command("run", "start the kiosk (the default command)", _cmd_run)
    run.add_argument("--windowed", action="store_true", help="a normal window, for development")

    command("status", "sign-ups per event, how many await export, the last export", _cmd_status)

    content = commands.add_parser("content", help="check a content file")
    content_commands = content.add_subparsers(
        dest="content_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    check = content_commands.add_parser(
        "check", help="validate a content file and list every problem"
    )
    check.add_argument("file", type=Path, metavar="FILE")
    check.set_defaults(handler=_cmd_content_check)

    event = commands.add_parser("event", help="set the event sign-ups are recorded under")
    event_commands = event.add_subparsers(
        dest="event_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    start = event_commands.add_parser("start", help="start recording sign-ups under this event")
    _data_dir_option(start, default=argparse.SUPPRESS)
    start.add_argument("name", metavar="NAME")
    start.add_argument("--location", default="", metavar="PLACE")
    start.set_defaults(handler=_cmd_event_start)

    pin = commands.add_parser("pin", help="the staff PIN")
    pin_commands = pin.add_subparsers(
        dest="pin_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    pin_set = pin_commands.add_parser(
        "set", help="choose the staff PIN on this terminal (asked twice, never shown)"
    )
    _data_dir_option(pin_set, default=argparse.SUPPRESS)
    pin_set.set_defaults(handler=_cmd_pin_set)

    export = command(
        "export", "write sign-ups not yet exported to a folder (e.g. a USB stick)", _cmd_export
    )
    export.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    export.add_argument("--all", action="store_true", help="export every sign-up again")

    imp = command("import", "verify export files and merge them into the master store", _cmd_import)
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE")
    _master_options(imp)
    imp.add_argument("--crm-csv", type=Path, metavar="OUT", help="also write a CRM-ready CSV")
    imp.add_argument(
        "--profile",
        default="generic",
        metavar="NAME",
        help="CRM file layout: generic, everyaction, action-network, mailchimp, salesforce-npsp",
    )
    _identity_option(imp)
    _receipt_dir_option(imp)

    office = command("office", "open the office import screen", _cmd_office)
    _master_options(office)
    _identity_option(office)
    _receipt_dir_option(office)

    receipt = commands.add_parser("receipt", help="apply the office's import receipts")
    receipt_commands = receipt.add_subparsers(
        dest="receipt_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    apply = receipt_commands.add_parser(
        "apply",
        help="confirm exports the office has imported, and erase their personal data here",
    )
    _data_dir_option(apply, default=argparse.SUPPRESS)
    apply.add_argument("files", type=Path, nargs="+", metavar="FILE")
    apply.set_defaults(handler=_cmd_receipt_apply)

    keys = commands.add_parser("keys", help="organization keys for encrypted exports")
    keys_commands = keys.add_subparsers(
        dest="keys_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    new_key = keys_commands.add_parser(
        "new", help="make an age key pair: the private key file stays at the office"
    )
    _data_dir_option(new_key, default=argparse.SUPPRESS)
    new_key.add_argument("--out", type=Path, required=True, metavar="KEY_FILE")
    new_key.set_defaults(handler=_cmd_keys_new)

    demo = command("demo-signups", "fill a NON-real data folder with synthetic sign-ups", _cmd_demo)
    demo.add_argument("--count", type=_positive_int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=0, metavar="SEED")

    command(
        "self-check", "prove this installation works end to end, in a temp folder", _cmd_self_check
    )

    shots = command(
        "screenshots",
        "render every kiosk and office screen to PNG files (works headless)",
        _cmd_screenshots,
    )
    shots.add_argument("--out", type=Path, required=True, metavar="DIR")
    return parser


def _master_options(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--into",
        metavar="DB_URL",
        help="SQLAlchemy URL of the master store (default: master.sqlite3 in the data folder)",
    )
    where.add_argument(
        "--into-env",
        metavar="VAR",
        help="read the master store's URL from the environment variable VAR instead "
        "(keeps it off the command line, which other users can list)",
    )


def _identity_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--identity",
        type=Path,
        metavar="KEY_FILE",
        help="the organization's private key file, to open encrypted (.csv.age) exports",
    )


def _receipt_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--receipt-dir",
        type=Path,
        metavar="DIR",
        help="write the kiosks' import receipts here (default: beside each export file)",
    )


def _existing_folder(path: Path | None) -> Path | None:
    """Check a folder option before anything is imported (a typo must not cost a receipt)."""
    if path is not None and not Path(path).is_dir():
        raise KioskError(f"The receipt folder {path} does not exist.")
    return path


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("must be between 1 and 1,000,000")
    return value


def _say(text: str, *, err: bool = False) -> None:
    """Print one line for the person at the terminal, made safe (``kiosk.terminal``).

    File names and values come from sticks and databases: a carriage return
    or an escape sequence in one must not rewrite what the terminal shows.
    """
    print(terminal_safe(text), file=sys.stderr if err else sys.stdout)


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir is not None else default_data_dir()


# Commands ----------------------------------------------------------------------


def _cmd_run(args: argparse.Namespace) -> int:
    from kiosk.service import KioskService

    # The store opens once the first screen (attract, or setup) shows (run_kiosk),
    # so the booth sees the kiosk at once; a bad config or content file still stops it here.
    service = KioskService.open(_data_dir(args), content_path=args.content, defer_store=True)
    try:
        # Imported here so the office tools never load Qt.
        from ui.app import run_kiosk

        return run_kiosk(service, windowed=args.windowed)
    finally:
        service.close()


def _cmd_status(args: argparse.Namespace) -> int:
    from kiosk.service import KioskService

    service = KioskService.open(_data_dir(args), content_path=args.content)
    try:
        store = service.store
        current = service.current_event()
        _say(f"Kiosk {store.kiosk_name} (id {store.kiosk_id}), data in {store.data_dir}")
        _say(f"Staff PIN: {_PIN_STATUS[service.setup_state()]}")
        current_label = _event_label(current.name, current.location) if current else "none yet"
        _say(f"Current event: {current_label}")
        counts = service.event_counts()
        if not counts:
            _say("No sign-ups yet.")
        for count in counts:
            label = _event_label(count.name, count.location)
            _say(f"  {label}: {count.total} sign-up(s), {count.today} today")
        _say(f"Not yet exported: {service.pending_count()}")
        _say(f"Exports: {_encryption_label(service.config.export_public_key)}")
        last = store.last_export()
        if last is None:
            _say("Last export: never")
        else:
            when = f"{last.created_at:%Y-%m-%d %H:%M}Z"
            _say(f"Last export: {last.file_name} ({last.rows} rows) at {when}")
        return EXIT_OK
    finally:
        service.close()


def _encryption_label(public_key: str | None) -> str:
    if public_key is None:
        return "not encrypted (no export_public_key in config.toml): the stick holds readable names"
    from kiosk.crypto import short_key

    return f"encrypted for the office key {short_key(public_key)}"


_PIN_STATUS = {
    SetupState.READY: "set",
    SetupState.NEEDS_SETUP: "not set yet (the kiosk opens on its setup screen)",
    SetupState.LOCKED: "missing or damaged: the kiosk is locked until `p2p-kiosk pin set`",
}


def _event_label(name: str, location: str) -> str:
    return f"{name} — {location}" if location else name


def _cmd_content_check(args: argparse.Namespace) -> int:
    from kiosk.content import language_report, qr_problems

    content = load_content(args.file)
    # The kiosk does not encode every link at start-up; the check does, as the screens will.
    problems = qr_problems(content)
    if problems:
        raise ContentError(problems)
    links = [r.link for r in content.resources if r.link] + [
        a.link for a in content.calls_to_action if a.link
    ]
    _say(
        f"{args.file}: ok ({len(content.resources)} resources, "
        f"{len(content.calls_to_action)} calls to action, {len(content.principles)} principles, "
        f"{len(links)} link(s), each fitting a QR code a phone can read)"
    )
    _say(f"languages ({len(content.languages)}):")
    for line in language_report(content):
        _say(line)
    return EXIT_OK


def _cmd_event_start(args: argparse.Namespace) -> int:
    from kiosk.store import Store

    store = Store.open(_data_dir(args))
    try:
        event = store.start_event(args.name, args.location)
    finally:
        store.close()
    _say(f"Sign-ups are now recorded under: {_event_label(event.name, event.location)}")
    return EXIT_OK


def _cmd_pin_set(args: argparse.Namespace) -> int:
    # The PIN comes only from a person at a terminal: never an option (shell history,
    # the process list) nor an environment variable, nor a pipe a script could fill.
    if not sys.stdin.isatty():
        raise KioskError(
            "pin set asks for the PIN on a terminal, and its input is not one; "
            "run it in a terminal window (the PIN is never read from a pipe, "
            "the command line or the environment)."
        )
    import getpass

    from kiosk.pin import MAX_PIN_LENGTH, MIN_PIN_LENGTH, check_new_pin
    from kiosk.service import KioskService

    try:
        pin = getpass.getpass(f"New staff PIN ({MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits): ")
        check_new_pin(pin)
        again = getpass.getpass("The same PIN again: ")
    except EOFError:
        raise KioskError("No PIN was entered; nothing changed.") from None
    if again != pin:
        raise KioskError("The two PINs were different; nothing changed.")
    service = KioskService.open(_data_dir(args), content_path=args.content)
    try:
        replaced = service.has_pin()
        service.set_pin(pin)
        data_dir = service.config.data_dir
    finally:
        service.close()
    log.info("staff PIN %s from the command line", "replaced" if replaced else "set")
    _say(f"The staff PIN is {'replaced' if replaced else 'set'} for the kiosk in {data_dir}.")
    _say("The kiosk now opens on its welcome screen (on a locked one, tap Check again).")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from kiosk.service import KioskService

    service = KioskService.open(_data_dir(args), content_path=args.content)
    try:
        result = service.export(args.out, include_all=args.all)
    finally:
        service.close()
    if result is None:
        _say("Nothing new to export; no file written.")
    else:
        if result.stale_files_removed:
            _say(
                f"Removed {result.stale_files_removed} unfinished export file(s) "
                "that an interrupted export had left in the folder."
            )
        _say(f"Exported {result.rows} sign-up(s) to {result.csv_path}")
        _say(f"Manifest: {result.manifest_path} (sha256 {result.sha256})")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from kiosk.crm import profile_for, write_crm_csv
    from kiosk.importer import import_exports
    from kiosk.receipts import ReceiptBook

    # A mistyped profile or receipt folder is found before anything is merged.
    profile_for(args.profile)
    receipts = ReceiptBook(receipt_dir=_existing_folder(args.receipt_dir))
    url = _master_url(args)
    report = import_exports(args.files, url, identity=args.identity, after_merge=receipts.record)
    written = receipts.write()
    for line in report.summary_lines() + written.summary_lines():
        _say(line)
    for warning in written.warnings:
        _say(f"{PROG}: warning: {warning}", err=True)
    if args.crm_csv is not None:
        rows = write_crm_csv(url, args.crm_csv, profile=args.profile)
        _say(f"CRM file ({args.profile}): {args.crm_csv} ({rows} contact(s))")
    # A rejected file, or a sign-up in conflict with one imported before: a script notices.
    return EXIT_OK if report.is_clean else EXIT_FAILED


def _cmd_office(args: argparse.Namespace) -> int:
    # Imported here so the kiosk never loads the office screen, nor the CLI Qt.
    from ui.office.app import run_office

    receipt_dir = _existing_folder(args.receipt_dir)
    return run_office(_master_url(args), identity=args.identity, receipt_dir=receipt_dir)


def _cmd_receipt_apply(args: argparse.Namespace) -> int:
    from kiosk.service import KioskService

    service = KioskService.open(_data_dir(args), content_path=args.content)
    try:
        applied = service.apply_receipts(args.files)
    finally:
        service.close()
    for line in applied.summary_lines():
        _say(line)
    return EXIT_FAILED if applied.refused else EXIT_OK


def _cmd_keys_new(args: argparse.Namespace) -> int:
    from kiosk.crypto import new_key_pair, write_identity_file

    identity, recipient = new_key_pair()
    write_identity_file(args.out, identity)
    _say(f"Private key written to {args.out}: keep it at the office, never on a kiosk.")
    _say("Public key, for each kiosk's config.toml:")
    _say(f'export_public_key = "{recipient}"')
    return EXIT_OK


def _master_url(args: argparse.Namespace) -> str:
    """The master store's URL: --into, the variable --into-env names, or the data folder's file.

    A PostgreSQL URL may leave the password out: the driver then reads
    PGPASSWORD, ~/.pgpass (PGPASSFILE) or a PGSERVICE entry, as psql does.
    """
    if args.into_env is not None:
        url = os.environ.get(args.into_env, "").strip()
        if not url:
            raise KioskError(
                f"The environment variable {args.into_env} is not set; "
                "it should hold the master store's URL."
            )
        return url
    return str(args.into) if args.into else _default_master_url(_data_dir(args))


def _default_master_url(data_dir: Path) -> str:
    from kiosk.private_files import make_private_folder

    make_private_folder(data_dir)
    return f"sqlite:///{data_dir / 'master.sqlite3'}"


def _cmd_demo(args: argparse.Namespace) -> int:
    from kiosk.demo import demo_records, refuse_real_data_dir
    from kiosk.store import Store

    if args.data_dir is None:
        raise KioskError(
            "demo-signups needs --data-dir: it never writes into the real data folder."
        )
    data_dir = Path(args.data_dir)
    refuse_real_data_dir(data_dir)
    consent = load_content(args.content or default_content_path()).consent
    store = Store.open(data_dir)
    try:
        written = store.insert_records(
            demo_records(args.count, seed=args.seed, kiosk_id=store.kiosk_id, consent=consent)
        )
    finally:
        store.close()
    _say(f"Wrote {written} demo sign-up(s) to {data_dir}")
    return EXIT_OK


def _cmd_screenshots(args: argparse.Namespace) -> int:
    import tempfile

    from kiosk.demo import demo_records
    from kiosk.service import KioskService
    from ui.office.screenshots import render_office_screenshots
    from ui.screenshots import render_screenshots

    # A throwaway data folder with demo sign-ups from today, so the staff
    # panel's counts and chart show something real; never the real folder.
    with tempfile.TemporaryDirectory(prefix="p2p-screenshots-") as tmp:
        data_dir = Path(tmp)
        service = KioskService.open(data_dir, content_path=args.content)
        try:
            today = service.today_start().astimezone(UTC) + timedelta(hours=9)
            _confirmed_demo_export(service, data_dir / "stick", today - timedelta(days=7))
            service.store.insert_records(
                demo_records(
                    60,
                    kiosk_id=service.store.kiosk_id,
                    consent=service.content.consent,
                    start=today,
                )
            )
            service.start_event("Campus Fair", "Boston, MA")
            service.set_pin("482915")
            paths = render_screenshots(service, args.out)
        finally:
            service.close()
    paths += render_office_screenshots(args.out)
    _say(f"Wrote {len(paths)} screenshot(s) to {args.out}")
    return EXIT_OK


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


def _cmd_self_check(args: argparse.Namespace) -> int:
    from kiosk.selfcheck import run_self_check

    return EXIT_OK if run_self_check(sys.stdout) else EXIT_FAILED


# Entry point -------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    data_dir = _data_dir(args)
    try:
        setup_logging(data_dir)
    except OSError as exc:
        _say(f"{PROG}: the data folder {data_dir} is not usable ({exc.strerror})", err=True)
        return EXIT_FAILED
    try:
        return int(args.handler(args))
    except ContentError as exc:
        # One problem (a missing file, say) is one line; several are listed.
        if len(exc.problems) == 1:
            _say(f"{PROG}: {exc.problems[0]}", err=True)
        else:
            _say(f"{PROG}: content file has {len(exc.problems)} problem(s):", err=True)
            for problem in exc.problems:
                _say(f"  - {problem}", err=True)
        return EXIT_FAILED
    except KioskError as exc:
        _say(f"{PROG}: {exc}", err=True)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that turns surprises into a line
        import traceback

        # The traceback's frames go to the log, not its message: a database
        # error's message can quote the row it failed on.
        log.error(
            "unexpected %s in %s:\n%s",
            type(exc).__name__,
            args.command,
            "".join(traceback.format_tb(exc.__traceback__)),
        )
        _say(
            f"{PROG}: unexpected {type(exc).__name__}; details are in the log in {data_dir}",
            err=True,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
