"""The ``p2p-kiosk`` command line: its options, and every command that needs no screen.

The commands that show or render screens (run, office, screenshots, and the
self-check, whose screen step renders them) need Qt, which this core never
imports: the layer above (``p2p_kiosk.cli``, the program's entry point) hands
them in as ``ScreenCommands``.

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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

from kiosk import __version__
from kiosk.config import ContentSource
from kiosk.content import Content, ContentError, load_content
from kiosk.display import STANDARD_DISPLAY, TEXT_SIZES, THEMES
from kiosk.errors import KioskError
from kiosk.first_start import SetupState
from kiosk.logs import setup_logging
from kiosk.paths import MASTER_FILE_NAME, default_content_path, default_data_dir

if TYPE_CHECKING:
    from kiosk.crm import CrmTarget
    from kiosk.event_report import EventReport, EventSummary

log = logging.getLogger(__name__)

PROG = "p2p-kiosk"
EXIT_OK = 0
EXIT_FAILED = 1  # the command ran and reports a failure (e.g. a rejected import file)
EXIT_USAGE = 2
EXIT_INTERNAL = 70

Handler = Callable[[argparse.Namespace], int]
"""A command: reads its parsed options, returns the exit code."""


@dataclass(frozen=True)
class ScreenCommands:
    """The commands that need Qt, from the layer above (``p2p_kiosk.cli``)."""

    run: Handler
    office: Handler
    screenshots: Handler
    self_check: Handler
    report: Handler


_DEFAULT_DATA_DIR = "{the default data folder}"
"""Stands for ``default_data_dir()`` in a help text; ``_HelpFormatter`` fills it in."""
_DATA_DIR_HELP = (
    f"folder holding the kiosk database, config and logs (default: {_DEFAULT_DATA_DIR})"
)


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help; the default data folder is worked out only when a help shows it.

    Finding it loads platformdirs, which a start with ``--data-dir`` never needs.
    """

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = super()._get_help_string(action)
        if text is not None and _DEFAULT_DATA_DIR in text:
            # argparse %-formats help texts next: a % in the folder's name stays one.
            folder = str(default_data_dir()).replace("%", "%%")
            text = text.replace(_DEFAULT_DATA_DIR, folder)
        return text


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage dump."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_HelpFormatter, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


Options = Callable[[_Parser], None]
"""Adds a command's own options to its parser."""

if TYPE_CHECKING:
    _SubParsers = argparse._SubParsersAction[_Parser]
else:
    _SubParsers = argparse._SubParsersAction


class _Commands(_SubParsers):
    """A parser's commands (or a group's actions), each one's parser made when it is named.

    The list in ``--help`` and the "invalid choice" error need only each
    command's name and help line, given at once; the command's own parser (its
    options, its --help, its errors) is made, as ``add_parser`` would have made
    it, once the command line names it. ``p2p-kiosk run``, the kiosk's start,
    so builds one parser of some twenty (each asks gettext for argparse's words).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # What argparse checks a named command against, and lists when it is none of them:
        # every command's name, in order (typeshed knows only the dict of built parsers).
        self._names: list[str] = []
        self.choices = self._names  # type: ignore[assignment]
        self._unbuilt: dict[str, tuple[Options, dict[str, Any]]] = {}

    def add_command(self, name: str, help_text: str, options: Options, **kwargs: Any) -> None:
        """Offer ``name``; once named, its parser is ``_Parser(**kwargs)`` with ``options``."""
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help_text))
        self._names.append(name)
        self._unbuilt[name] = (options, kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        name = values[0] if values else None
        if name in self._unbuilt:
            options, kwargs = self._unbuilt.pop(name)
            command = self._parser_class(prog=f"{self._prog_prefix} {name}", **kwargs)
            options(command)
            self._name_parser_map[name] = command
        super().__call__(parser, namespace, values, option_string)


def _commands(parser: _Parser, **kwargs: Any) -> _Commands:
    """``parser``'s commands (``kwargs`` as for ``add_subparsers``), each built when named."""
    return cast(_Commands, parser.add_subparsers(action=_Commands, parser_class=_Parser, **kwargs))


def _data_dir_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--data-dir", type=Path, default=default, metavar="DIR", help=_DATA_DIR_HELP
    )


def _command(handler: Handler, options: Options | None = None) -> Options:
    """A command's parser: --data-dir, then what runs it, then its own ``options``."""

    def build(parser: _Parser) -> None:
        # Accepted after the command too ("p2p-kiosk export --data-dir D ...");
        # SUPPRESS keeps a value given before the command.
        _data_dir_option(parser, default=argparse.SUPPRESS)
        parser.set_defaults(handler=handler)
        if options is not None:
            options(parser)

    return build


GroupAction = tuple[str, str, Handler, Options | None]
"""One action of a group of commands: its name, help line, handler and own options."""


def _group(name: str, actions: Sequence[GroupAction]) -> Options:
    """A group's parser (``p2p-kiosk pin ...``): ``actions``, one of which must follow."""

    def build(parser: _Parser) -> None:
        group = _commands(parser, dest=f"{name}_command", metavar="ACTION", required=True)
        for action, help_text, handler, options in actions:
            group.add_command(action, help_text, _command(handler, options))

    return build


def build_parser(screens: ScreenCommands) -> argparse.ArgumentParser:
    """Return the command-line parser; ``screens`` runs the commands that need Qt.

    Each command's options are added once the command line names it (``_Commands``).
    """
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
    parser.set_defaults(handler=screens.run, command="run", windowed=False)
    commands = _commands(parser, dest="command", metavar="COMMAND")

    def command(
        name: str, help_text: str, handler: Handler, options: Options | None = None
    ) -> None:
        commands.add_command(name, help_text, _command(handler, options), description=help_text)

    def group(name: str, help_text: str, *actions: GroupAction) -> None:
        """``p2p-kiosk NAME ACTION``: a group of commands ("pin set")."""
        commands.add_command(name, help_text, _group(name, actions))

    command("run", "start the kiosk (the default command)", screens.run, _run_options)
    command("status", "sign-ups per event, how many await export, the last export", _cmd_status)
    group(
        "content",
        "check a content file",
        (
            "check",
            "validate a content file and list every problem",
            _cmd_content_check,
            _file_option,
        ),
        (
            "install",
            "check a content file, then copy it into the data folder as this kiosk's content",
            _cmd_content_install,
            _file_option,
        ),
        (
            "reset",
            "remove the installed content: back to config.toml's content or the bundled one",
            _cmd_content_reset,
            None,
        ),
    )
    group(
        "event",
        "set the event sign-ups are recorded under",
        ("start", "start recording sign-ups under this event", _cmd_event_start, _event_options),
    )
    group(
        "pin",
        "the staff PIN",
        (
            "set",
            "choose the staff PIN on this terminal (asked twice, never shown)",
            _cmd_pin_set,
            None,
        ),
    )
    command(
        "export",
        "write sign-ups not yet exported to a folder (e.g. a USB stick)",
        _cmd_export,
        _export_options,
    )
    command(
        "import",
        "verify export files and merge them into the master store",
        _cmd_import,
        _import_options,
    )
    command("office", "open the office import screen", screens.office, _office_options)
    command(
        "report",
        "write an event's report as a PDF: its figures and charts, no personal data",
        screens.report,
        _report_options,
    )
    group(
        "receipt",
        "apply the office's import receipts",
        (
            "apply",
            "confirm exports the office has imported, and erase their personal data here",
            _cmd_receipt_apply,
            _files_option,
        ),
    )
    group(
        "keys",
        "organization keys for encrypted exports",
        (
            "new",
            "make an age key pair: the private key file stays at the office",
            _cmd_keys_new,
            _key_file_option,
        ),
    )
    command(
        "demo-signups",
        "fill a NON-real data folder with synthetic sign-ups",
        _cmd_demo,
        _demo_options,
    )
    command(
        "self-check",
        "check this deployment's config.toml and content file, then prove the installation "
        "works end to end in a throwaway folder",
        screens.self_check,
    )
    command(
        "screenshots",
        "render every kiosk and office screen to PNG files (works headless)",
        screens.screenshots,
        _screenshots_options,
    )
    return parser


def _run_options(run: _Parser) -> None:
    run.add_argument("--windowed", action="store_true", help="a normal window, for development")


def _file_option(parser: _Parser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")


def _event_options(start: _Parser) -> None:
    start.add_argument("name", metavar="NAME")
    start.add_argument("--location", default="", metavar="PLACE")


def _export_options(export: _Parser) -> None:
    export.add_argument("--out", type=Path, required=True, metavar="FOLDER")
    export.add_argument("--all", action="store_true", help="export every sign-up again")


def _import_options(imp: _Parser) -> None:
    imp.add_argument(
        "files",
        type=Path,
        nargs="+",
        metavar="FILE_OR_FOLDER",
        help="export files, or folders (a USB stick) whose .csv and .csv.age exports to read",
    )
    _office_options(imp)
    imp.add_argument(
        "--skip-event",
        action="append",
        default=[],
        type=_event_name,
        metavar="NAME",
        help='leave out every sign-up under this event (any letter case), e.g. "Setup test"; '
        "repeat for more events",
    )
    crm_file = imp.add_mutually_exclusive_group()
    crm_file.add_argument(
        "--crm-out",
        type=Path,
        metavar="FILE",
        help="also write the CRM file: FILE.csv for the CRM's importer, "
        "FILE.xlsx (an Excel workbook) to look at in a spreadsheet first",
    )
    crm_file.add_argument(
        "--crm-csv",
        type=Path,
        metavar="OUT",
        help="also write the CRM file as CSV, whatever OUT's ending",
    )
    imp.add_argument(
        "--profile",
        metavar="NAME",
        help="the CRM file's layout (with --crm-out or --crm-csv): generic (the default), "
        "everyaction, action-network, mailchimp, salesforce-npsp",
    )


def _report_options(report: _Parser) -> None:
    report.add_argument("--event", required=True, metavar="NAME", help="the event's name")
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    report.add_argument(
        "--timezone",
        metavar="ZONE",
        help="count hours and days in this IANA time zone (e.g. America/New_York) "
        "instead of this computer's",
    )
    _master_store_options(report)


def _files_option(apply: _Parser) -> None:
    apply.add_argument("files", type=Path, nargs="+", metavar="FILE")


def _key_file_option(new_key: _Parser) -> None:
    new_key.add_argument("--out", type=Path, required=True, metavar="KEY_FILE")


def _demo_options(demo: _Parser) -> None:
    demo.add_argument("--count", type=_positive_int, required=True, metavar="N")
    demo.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="SEED",
        help="make the same sign-ups every time (default: new random ones each run)",
    )


def _screenshots_options(shots: _Parser) -> None:
    shots.add_argument("--out", type=Path, required=True, metavar="DIR")
    shots.add_argument(
        "--text-size",
        type=int,
        choices=TEXT_SIZES,
        default=STANDARD_DISPLAY.text_size,
        metavar="PERCENT",
        help=f"the attendee screens' text size: {', '.join(map(str, TEXT_SIZES))} "
        "(the office window is rendered only at the default)",
    )
    shots.add_argument(
        "--theme",
        choices=THEMES,
        default=STANDARD_DISPLAY.theme.value,
        help=f"the attendee screens' colours: {', '.join(THEMES)}",
    )
    shots.add_argument(
        "--lang",
        metavar="CODE",
        help="the kiosk's screens in this language of the content (es, he, ar...); "
        "the office window, which is English only, is not rendered then",
    )


def _office_options(parser: argparse.ArgumentParser) -> None:
    """The options of the office's commands (import, office): the master store, key, receipts."""
    _master_store_options(parser)
    for option, metavar, help_text in (
        (
            "--identity",
            "KEY_FILE",
            "the organization's private key file, to open encrypted (.csv.age) exports",
        ),
        (
            "--receipt-dir",
            "DIR",
            "write the kiosks' import receipts here (default: beside each export file)",
        ),
    ):
        parser.add_argument(option, type=Path, metavar=metavar, help=help_text)


def _master_store_options(parser: argparse.ArgumentParser) -> None:
    """--into or --into-env: where the office's master store is."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--into",
        metavar="DB_URL",
        help=f"SQLAlchemy URL of the master store (default: {MASTER_FILE_NAME} in the data folder)",
    )
    where.add_argument(
        "--into-env",
        metavar="VAR",
        help="read the master store's URL from the environment variable VAR instead "
        "(keeps it off the command line, which other users can list)",
    )


def existing_folder(path: Path | None) -> Path | None:
    """Check a folder option before anything is imported (a typo must not cost a receipt)."""
    if path is not None and not Path(path).is_dir():
        raise KioskError(f"The receipt folder {path} does not exist.")
    return path


def _event_name(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("needs an event's name")
    return text


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("must be between 1 and 1,000,000")
    return value


def say(text: str, *, err: bool = False) -> None:
    """Print one line for the person at the terminal, made safe (``kiosk.terminal``).

    File names and values come from sticks and databases: a carriage return
    or an escape sequence in one must not rewrite what the terminal shows.
    """
    from kiosk.terminal import terminal_safe  # not loaded for `run`, which prints nothing

    print(terminal_safe(text), file=sys.stderr if err else sys.stdout)


def data_dir_of(args: argparse.Namespace) -> Path:
    """The data folder the options name, or the platform's default one."""
    return Path(args.data_dir) if args.data_dir is not None else default_data_dir()


# Commands ----------------------------------------------------------------------


def _cmd_status(args: argparse.Namespace) -> int:
    from kiosk.service import KioskService

    service = KioskService.open(data_dir_of(args), content_path=args.content)
    try:
        store = service.store
        current = service.current_event()
        say(f"Kiosk {store.kiosk_name} (id {store.kiosk_id}), data in {store.data_dir}")
        say(f"Staff PIN: {_PIN_STATUS[service.setup_state()]}")
        current_label = _event_label(current.name, current.location) if current else "none yet"
        say(f"Current event: {current_label}")
        counts = service.event_counts()
        if not counts:
            say("No sign-ups yet.")
        for count in counts:
            label = _event_label(count.name, count.location)
            say(f"  {label}: {count.total} sign-up(s), {count.today} today")
        say(f"Not yet exported: {service.pending_count()}")
        say(f"Exports: {_encryption_label(service.config.export_public_key)}")
        last = store.last_export()
        if last is None:
            say("Last export: never")
        else:
            when = f"{last.created_at:%Y-%m-%d %H:%M}Z"
            say(f"Last export: {last.file_name} ({last.rows} rows) at {when}")
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
    from kiosk.content import check_content, language_report

    # The kiosk does not encode every link at start-up; the check does, as the screens will.
    content, _ = check_content(args.file)
    say(
        f"{args.file}: ok ({len(content.resources)} resources, "
        f"{len(content.calls_to_action)} calls to action, {len(content.principles)} principles, "
        f"{_link_count(content)} link(s), each fitting a QR code a phone can read; "
        f"content version {content.version_id})"
    )
    say(f"languages ({len(content.languages)}):")
    for line in language_report(content):
        say(line)
    return EXIT_OK


def _cmd_content_install(args: argparse.Namespace) -> int:
    from kiosk.config import installed_content_path, load_config
    from kiosk.content_install import check_candidate, install_candidate
    from kiosk.first_start import peek_setting
    from kiosk.languages import LANGUAGES_SETTING

    data_dir = _without_content_option(args, "install")
    config = load_config(data_dir)
    candidate = check_candidate(args.file, config, peek_setting(data_dir, LANGUAGES_SETTING))
    content = install_candidate(config, candidate)[1]
    say(
        f"Installed {args.file} as the content of the kiosk in {data_dir} "
        f"(copied to {installed_content_path(data_dir).name}; the original can go)."
    )
    say(
        f"{content.title!r}, content version {content.version_id}: "
        f"{len(content.resources)} resources, {_link_count(content)} link(s)."
    )
    names = ", ".join(language.name for language in candidate.offered.offered)
    say(f"Attendees choose among: {names}.")
    say("A kiosk running now shows it once restarted; `p2p-kiosk content reset` undoes it.")
    return EXIT_OK


def _cmd_content_reset(args: argparse.Namespace) -> int:
    from kiosk.config import load_config
    from kiosk.content_install import remove_installed

    data_dir = _without_content_option(args, "reset")
    removed = remove_installed(data_dir)
    config = load_config(data_dir)
    shown = "the bundled content"
    if config.content_source is ContentSource.CONFIG:
        shown = f"the content file config.toml names ({config.content_path})"
    if removed:
        say(f"Removed the installed content from {data_dir}: the kiosk shows {shown} again.")
        say("A kiosk running now shows it once restarted.")
    else:
        say(f"No installed content in {data_dir}: the kiosk shows {shown}.")
    return EXIT_OK


def _without_content_option(args: argparse.Namespace, verb: str) -> Path:
    """The data folder ``content install``/``reset`` change; ``--content`` has no place there."""
    if args.content is not None:
        raise KioskError(
            f"--content chooses a file for one start, over any installed content; "
            f"leave it out of content {verb}."
        )
    return data_dir_of(args)


def _link_count(content: Content) -> int:
    """How many links (QR codes) the content gives: the page's own, actions', resources'."""
    links = [content.link] + [a.link for a in content.calls_to_action]
    return sum(1 for link in links + [r.link for r in content.resources] if link)


def _cmd_event_start(args: argparse.Namespace) -> int:
    from kiosk.store import Store

    store = Store.open(data_dir_of(args))
    try:
        event = store.start_event(args.name, args.location)
    finally:
        store.close()
    say(f"Sign-ups are now recorded under: {_event_label(event.name, event.location)}")
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
    service = KioskService.open(data_dir_of(args), content_path=args.content)
    try:
        replaced = service.has_pin()
        service.set_pin(pin)
        data_dir = service.config.data_dir
    finally:
        service.close()
    log.info("staff PIN %s from the command line", "replaced" if replaced else "set")
    say(f"The staff PIN is {'replaced' if replaced else 'set'} for the kiosk in {data_dir}.")
    say("The kiosk now opens on its welcome screen (on a locked one, tap Check again).")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from kiosk.service import KioskService

    service = KioskService.open(data_dir_of(args), content_path=args.content)
    try:
        result = service.export(args.out, include_all=args.all)
    finally:
        service.close()
    if result is None:
        say("Nothing new to export; no file written.")
    else:
        if result.stale_files_removed:
            say(
                f"Removed {result.stale_files_removed} unfinished export file(s) "
                "that an interrupted export had left in the folder."
            )
        say(f"Exported {result.rows} sign-up(s) to {result.csv_path}")
        say(f"Manifest: {result.manifest_path} (sha256 {result.sha256})")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from kiosk.crm import write_crm_file
    from kiosk.importer import find_exports, import_exports
    from kiosk.receipts import ReceiptBook

    # A mistyped profile, CRM file ending, receipt folder or file is found before
    # anything is merged.
    crm = _crm_target(args)
    receipts = ReceiptBook(receipt_dir=existing_folder(args.receipt_dir))
    files = find_exports(args.files)
    url = master_url(args)
    report = import_exports(
        files,
        url,
        identity=args.identity,
        after_merge=receipts.record,
        skip_events=args.skip_event,
    )
    written = receipts.write()
    for line in report.summary_lines() + written.summary_lines():
        say(line)
    for name in report.unmatched(args.skip_event):
        say(
            f"{PROG}: warning: no file holds an event called {name!r}; check its spelling", err=True
        )
    for warning in written.warnings:
        say(f"{PROG}: warning: {warning}", err=True)
    if crm is not None:
        rows = write_crm_file(url, crm.out, profile=crm.profile, kind=crm.kind)
        say(f"CRM file ({crm.profile}, {crm.kind}): {crm.out} ({rows} contact(s))")
    # A rejected file, or a sign-up in conflict with one imported before: a script notices.
    return EXIT_OK if report.is_clean else EXIT_FAILED


def _crm_target(args: argparse.Namespace) -> CrmTarget | None:
    """The CRM file ``--crm-out``/``--crm-csv`` and ``--profile`` ask for, checked; or None.

    A mistyped profile or file ending, or a profile given without a file, is a
    KioskError before anything is merged.
    """
    from kiosk.crm import CrmFormat, CrmTarget, crm_format_for, profile_for

    if args.crm_out is None and args.crm_csv is None:
        if args.profile is not None:
            raise KioskError(
                "--profile chooses the CRM file's layout: give --crm-out FILE "
                "(or --crm-csv OUT) with it."
            )
        return None
    profile = profile_for(args.profile or "generic").name
    if args.crm_out is not None:
        return CrmTarget(args.crm_out, crm_format_for(args.crm_out), profile)
    return CrmTarget(args.crm_csv, CrmFormat.CSV, profile)


def event_report_for(args: argparse.Namespace) -> EventReport:
    """``p2p-kiosk report``'s figures, from the master store (the PDF is the layer above's).

    Everything a person can get wrong (the file's ending or folder, the time
    zone, the event's name) is found here, before Qt is loaded; an unknown
    event is named with the events the store does hold.
    """
    from kiosk.event_report import UnknownEvent, event_report, list_events, zone_named
    from kiosk.master import open_master

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise KioskError(f"the report is a PDF: give --out a name ending in .pdf, not {out.name!r}")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise KioskError(f"the folder for the report does not exist: {folder}")
    zone = zone_named(args.timezone) if args.timezone is not None else None
    engine = open_master(master_url(args))
    try:
        try:
            return event_report(engine, args.event, zone=zone)
        except UnknownEvent as exc:
            raise KioskError(f"{exc}; {_events_held(list_events(engine))}") from None
    finally:
        engine.dispose()


def _events_held(events: Sequence[EventSummary], shown: int = 10) -> str:
    if not events:
        return "it holds no sign-ups yet"
    names = ", ".join(repr(event.name) for event in events[:shown])
    more = f" and {len(events) - shown} more" if len(events) > shown else ""
    return f"it holds: {names}{more}"


def _cmd_receipt_apply(args: argparse.Namespace) -> int:
    from kiosk.service import KioskService

    service = KioskService.open(data_dir_of(args), content_path=args.content)
    try:
        applied = service.apply_receipts(args.files)
    finally:
        service.close()
    for line in applied.summary_lines():
        say(line)
    return EXIT_FAILED if applied.refused else EXIT_OK


def _cmd_keys_new(args: argparse.Namespace) -> int:
    from kiosk.crypto import new_key_pair, write_identity_file

    identity, recipient = new_key_pair()
    write_identity_file(args.out, identity)
    say(f"Private key written to {args.out}: keep it at the office, never on a kiosk.")
    say("Public key, for each kiosk's config.toml:")
    say(f'export_public_key = "{recipient}"')
    return EXIT_OK


def master_url(args: argparse.Namespace) -> str:
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
    return str(args.into) if args.into else _default_master_url(data_dir_of(args))


def _default_master_url(data_dir: Path) -> str:
    from kiosk.master import master_url_in
    from kiosk.private_files import make_private_folder

    make_private_folder(data_dir)
    return master_url_in(data_dir)


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
    say(f"Wrote {written} demo sign-up(s) to {data_dir}")
    return EXIT_OK


# Entry point -------------------------------------------------------------------


def main(argv: Sequence[str] | None, screens: ScreenCommands) -> int:
    """Run the command line (``sys.argv`` if ``argv`` is None); return the process exit code."""
    parser = build_parser(screens)
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    data_dir = data_dir_of(args)
    try:
        setup_logging(data_dir)
    except OSError as exc:
        say(f"{PROG}: the data folder {data_dir} is not usable ({exc.strerror})", err=True)
        return EXIT_FAILED
    try:
        return int(args.handler(args))
    except ContentError as exc:
        # One problem (a missing file, say) is one line; several are listed.
        if len(exc.problems) == 1:
            say(f"{PROG}: {exc.problems[0]}", err=True)
        else:
            say(f"{PROG}: content file has {len(exc.problems)} problem(s):", err=True)
            for problem in exc.problems:
                say(f"  - {problem}", err=True)
        return EXIT_FAILED
    except KioskError as exc:
        say(f"{PROG}: {exc}", err=True)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the one place that turns surprises into a line
        import traceback

        # The traceback's frames go to the log, not its message: a database
        # error's message can quote the row it failed on.
        log.error(
            "unexpected %s in %s:\n%s",
            type(exc).__name__,
            args.command,
            "".join(traceback.format_tb(exc.__traceback__)),
        )
        say(
            f"{PROG}: unexpected {type(exc).__name__}; details are in the log in {data_dir}",
            err=True,
        )
        return EXIT_INTERNAL
