"""The command line as staff use it: every mistake is one clear line and a non-zero exit."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from kiosk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from kiosk.paths import default_content_path, default_data_dir
from p2p_kiosk.cli import main
from tests.factories import MakeKiosk
from ui.screenshots import FIRST_START_SCREENS, SCREENS

T0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
Run = tuple[int, str, str]
Runner = Callable[..., Run]
"""The ``run`` fixture: ``run(*argv)`` gives (exit code, stdout, stderr)."""


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Call the command line in-process; return (exit code, stdout, stderr)."""

    def call(*argv: str | Path) -> Run:
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exit_:  # argparse's own exits (usage, --help, --version)
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return call


def assert_one_clear_line(err: str) -> None:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def one_clear_line(result: Run, exit_code: int) -> str:
    """Check a run ended with ``exit_code`` and said why in one clear line; return stderr."""
    code, _, err = result
    assert code == exit_code, err
    assert_one_clear_line(err)
    return err


def test_version_and_help(run: Runner) -> None:
    code, out, _ = run("--version")
    assert code == EXIT_OK and "p2p-kiosk" in out
    code, out, _ = run("--help")
    assert code == EXIT_OK and "export" in out and "import" in out


COMMANDS = (
    "run",
    "status",
    "content",
    "event",
    "pin",
    "export",
    "import",
    "office",
    "report",
    "receipt",
    "keys",
    "demo-signups",
    "self-check",
    "screenshots",
)
"""Every command, as --help lists them."""
GROUPS = {
    "content": ("check", "install", "reset"),
    "event": ("start",),
    "pin": ("set",),
    "receipt": ("apply",),
    "keys": ("new",),
}
"""The commands that are groups, and their actions."""


def listed(help_text: str) -> list[str]:
    """The commands (or actions) a help lists, in its order."""
    return [line.split()[0] for line in help_text.splitlines() if re.match(r" {4}\S", line)]


def shows_the_default_data_folder(help_text: str) -> bool:
    return f"(default: {default_data_dir()})" in " ".join(help_text.split())


def test_help_lists_every_command_and_the_default_data_folder(run: Runner) -> None:
    code, out, _ = run("--help")
    assert code == EXIT_OK
    assert listed(out) == list(COMMANDS)
    assert shows_the_default_data_folder(out)


@pytest.mark.parametrize(
    "command",
    [name for name in COMMANDS if name not in GROUPS]
    + [f"{group} {action}" for group, actions in GROUPS.items() for action in actions],
)
def test_each_command_shows_its_own_help(run: Runner, command: str) -> None:
    """Each command's parser is made once the command is named (``kiosk.cli._Commands``)."""
    code, out, err = run(*command.split(), "--help")
    assert code == EXIT_OK, err
    assert out.startswith(f"usage: p2p-kiosk {command} [-h] [--data-dir DIR]")
    assert shows_the_default_data_folder(out)


@pytest.mark.parametrize("group", GROUPS)
def test_each_group_lists_its_actions(run: Runner, group: str) -> None:
    code, out, err = run(group, "--help")
    assert code == EXIT_OK, err
    assert out.startswith(f"usage: p2p-kiosk {group} [-h] ACTION ...")
    assert listed(out) == list(GROUPS[group])


@pytest.mark.parametrize(
    "argv",
    [
        ["--bogus"],
        ["status", "--bogus"],
        ["export"],
        ["export", "--out"],
        ["demo-signups", "--count", "many", "--data-dir", "x"],
        ["demo-signups", "--count", "0", "--data-dir", "x"],
        ["demo-signups", "--count", "-3", "--data-dir", "x"],
        ["event"],
        ["event", "start"],
        ["content", "check"],
        ["import"],
        ["receipt"],
        ["receipt", "apply"],
        ["receipt", "erase"],
        ["import", "x.csv", "--receipt-dir"],
        ["frobnicate"],
    ],
)
def test_wrong_options_are_one_line_and_exit_2(run: Runner, argv: list[str]) -> None:
    one_clear_line(run(*argv), EXIT_USAGE)


def test_status_of_a_new_kiosk(run: Runner, data_dir: Path) -> None:
    code, out, _ = run("--data-dir", data_dir, "status")
    assert code == EXIT_OK
    assert "No sign-ups yet." in out and "Last export: never" in out
    assert "Staff PIN: not set yet" in out


def test_data_dir_after_the_command_is_accepted(run: Runner, data_dir: Path) -> None:
    code, out, _ = run("status", "--data-dir", data_dir)
    assert code == EXIT_OK and str(data_dir) in out


def test_event_start_then_status(run: Runner, data_dir: Path) -> None:
    code, out, _ = run(
        "event", "start", "Campus Fair", "--location", "Boston, MA", "--data-dir", data_dir
    )
    assert code == EXIT_OK and "Campus Fair" in out
    _, out, _ = run("--data-dir", data_dir, "status")
    assert "Current event: Campus Fair — Boston, MA" in out


def test_status_says_a_kiosk_with_sign_ups_and_no_pin_is_locked(
    run: Runner, data_dir: Path
) -> None:
    code, _, _ = run("demo-signups", "--count", "3", "--data-dir", data_dir)
    assert code == EXIT_OK
    _, out, _ = run("--data-dir", data_dir, "status")
    assert "Staff PIN: missing or damaged: the kiosk is locked until `p2p-kiosk pin set`" in out


@pytest.mark.parametrize("name", ["", "   ", "x" * 500, "Fair\x00"])
def test_bad_event_names_are_one_line(run: Runner, data_dir: Path, name: str) -> None:
    one_clear_line(run("--data-dir", data_dir, "event", "start", name), EXIT_FAILED)


def test_content_check_accepts_the_bundled_file(run: Runner) -> None:
    code, out, _ = run("content", "check", default_content_path())
    assert code == EXIT_OK and "7 resources" in out


def test_content_check_reports_each_language(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("content", "check", default_content_path())
    assert code == EXIT_OK
    assert out.splitlines()[1:] == [
        "languages (4):",
        "  en English: complete, the content's own language",
        "  es Español: complete, not yet reviewed by a native speaker",
        "  he עברית: complete, not yet reviewed by a native speaker",
        "  ar العربية: complete, not yet reviewed by a native speaker",
    ]


def test_content_check_names_what_a_language_lacks(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = default_content_path().read_text(encoding="utf-8")
    text = text.replace('title = "קשרי עם לעם"\n', "").replace('disclaimer = "غير', 'draft = "غير')
    path = tmp_path / "drafts.toml"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run("content", "check", path)
    assert code == EXIT_OK  # the file is usable; those two languages cannot be offered
    assert (
        "  he עברית: incomplete, so it cannot be offered: 1 text(s) missing in "
        "[translations.he]: title" in out.splitlines()
    )
    assert (
        "  ar العربية: incomplete, so it cannot be offered: 1 text(s) missing in "
        "[translations.ar]: disclaimer" in out.splitlines()
    )


def test_content_check_refuses_a_bad_translation_naming_it(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = default_content_path().read_text(encoding="utf-8")
    path = tmp_path / "bad.toml"
    path.write_text(text.replace('title = "קשרי עם לעם"', "title = 3"), encoding="utf-8")
    code, _, err = run("content", "check", path)
    assert code == EXIT_FAILED
    assert "translations.he.title: must be text, not a number" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "text",
    [
        "",
        "this is = not toml [",
        "format_version = 1\ntitle = 3\n",
        "\udcff",
    ],
)
def test_content_check_lists_problems_without_a_traceback(
    run: Runner,
    tmp_path: Path,
    text: str,
) -> None:
    bad = tmp_path / "content.toml"
    bad.write_bytes(text.encode("utf-8", "surrogateescape"))
    code, _, err = run("content", "check", bad)
    assert code == EXIT_FAILED
    assert "Traceback" not in err and str(bad) in err


@pytest.mark.parametrize("length", [190, 3000])
def test_content_check_proves_each_link_fits_a_qr_code_or_names_it(
    run: Runner, tmp_path: Path, length: int
) -> None:
    # 3,000 characters passed the check, then broke the Take action screen.
    link = "https://example.org/" + "a" * (length - 20)
    text = default_content_path().read_text(encoding="utf-8")
    text = text.replace("pledge = false\n", f'pledge = false\nlink = "{link}"\n', 1)
    path = tmp_path / "linked.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run("content", "check", path)
    if length <= 200:
        # The bundled content's own page, and the call to action's.
        assert code == EXIT_OK and "2 link(s), each fitting a QR code" in out
    else:
        assert code == EXIT_FAILED
        assert_one_clear_line(err)
        assert "calls_to_action[1].link: is 3000 bytes long" in err


def test_content_check_of_a_missing_file(run: Runner, tmp_path: Path) -> None:
    one_clear_line(run("content", "check", tmp_path / "nope.toml"), EXIT_FAILED)


def test_an_unreadable_database_is_one_line(run: Runner, data_dir: Path) -> None:
    (data_dir / "kiosk.sqlite3").write_bytes(b"this is not a database" * 100)
    one_clear_line(run("--data-dir", data_dir, "status"), EXIT_FAILED)


def test_a_data_dir_that_is_a_file_is_one_line(run: Runner, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    one_clear_line(run("--data-dir", not_a_folder, "status"), EXIT_FAILED)


def test_a_broken_config_file_is_one_line(run: Runner, data_dir: Path) -> None:
    (data_dir / "config.toml").write_text('idle_timeout_s = "soon"\n', encoding="utf-8")
    err = one_clear_line(run("--data-dir", data_dir, "status"), EXIT_FAILED)
    assert "idle_timeout_s" in err


def test_demo_signups_need_a_separate_folder(run: Runner) -> None:
    one_clear_line(run("demo-signups", "--count", "5"), EXIT_FAILED)


def test_demo_then_export_then_import(run: Runner, data_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run("demo-signups", "--count", "40", "--data-dir", data_dir)
    assert code == EXIT_OK and "40" in out
    _, out, _ = run("--data-dir", data_dir, "status")
    assert "Not yet exported: 40" in out

    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, _ = run("--data-dir", data_dir, "export", "--out", stick)
    assert code == EXIT_OK and "Exported 40 sign-up(s)" in out
    code, out, _ = run("--data-dir", data_dir, "export", "--out", stick)
    assert code == EXIT_OK and "Nothing new" in out
    csv_files = sorted(stick.glob("signups_*.csv"))
    assert len(csv_files) == 1

    office = tmp_path / "office"
    crm = tmp_path / "crm.csv"
    code, out, _ = run("--data-dir", office, "import", csv_files[0], "--crm-csv", crm)
    assert code == EXIT_OK, out
    assert "40" in out
    assert crm.read_bytes().startswith(b"\xef\xbb\xbf")

    # The same file again changes nothing, and says so.
    code, out, _ = run("--data-dir", office, "import", csv_files[0])
    assert code == EXIT_OK
    assert "40" in out


def test_export_to_a_missing_folder_is_one_line(
    run: Runner, data_dir: Path, tmp_path: Path
) -> None:
    run("demo-signups", "--count", "3", "--data-dir", data_dir)
    one_clear_line(
        run("--data-dir", data_dir, "export", "--out", tmp_path / "no" / "such"), EXIT_FAILED
    )
    _, out, _ = run("--data-dir", data_dir, "status")
    assert "Not yet exported: 3" in out


def test_import_rejects_bad_files_and_exits_non_zero(run: Runner, tmp_path: Path) -> None:
    bogus = tmp_path / "signups_x.csv"
    bogus.write_bytes(b"\xff\xfe not a csv")
    code, out, err = run("--data-dir", tmp_path / "office", "import", bogus)
    assert code == EXIT_FAILED
    assert "Traceback" not in out + err
    assert "rejected" in (out + err).lower()


def test_import_with_an_unknown_crm_profile_merges_nothing(run: Runner, tmp_path: Path) -> None:
    office = tmp_path / "office"
    err = one_clear_line(
        run(
            "--data-dir",
            office,
            "import",
            tmp_path / "x.csv",
            "--crm-csv",
            tmp_path / "c.csv",
            "--profile",
            "excel",
        ),
        EXIT_FAILED,
    )
    assert "generic" in err
    assert not (office / "master.sqlite3").exists()


def _one_export(run: Runner, tmp_path: Path) -> Path:
    kiosk = tmp_path / "kiosk"
    stick = tmp_path / "stick"
    stick.mkdir()
    run("demo-signups", "--count", "12", "--data-dir", kiosk)
    run("--data-dir", kiosk, "export", "--out", stick)
    return next(stick.glob("signups_*.csv"))


@pytest.mark.parametrize(
    ("name", "magic"), [("crm.xlsx", b"PK\x03\x04"), ("crm.csv", b"\xef\xbb\xbfemail,")]
)
def test_import_writes_the_crm_file_its_name_s_ending_asks_for(
    run: Runner, tmp_path: Path, name: str, magic: bytes
) -> None:
    export = _one_export(run, tmp_path)
    out = tmp_path / name
    code, stdout, _ = run("--data-dir", tmp_path / "office", "import", export, "--crm-out", out)
    assert code == EXIT_OK
    assert out.read_bytes().startswith(magic)
    assert f"{out.suffix[1:]}): {out}" in stdout


def test_import_with_a_crm_file_of_unknown_ending_merges_nothing(
    run: Runner, tmp_path: Path
) -> None:
    export = _one_export(run, tmp_path)
    office = tmp_path / "office"
    err = one_clear_line(
        run("--data-dir", office, "import", export, "--crm-out", tmp_path / "crm.txt"), EXIT_FAILED
    )
    assert ".csv or .xlsx" in err
    assert not (office / "master.sqlite3").exists()
    assert not (tmp_path / "crm.txt").exists()


def test_crm_csv_keeps_writing_csv_whatever_the_name(run: Runner, tmp_path: Path) -> None:
    export = _one_export(run, tmp_path)
    out = tmp_path / "contacts.txt"
    code, _, _ = run("--data-dir", tmp_path / "office", "import", export, "--crm-csv", out)
    assert code == EXIT_OK
    assert out.read_bytes().startswith(b"\xef\xbb\xbfemail,")


def test_crm_csv_and_crm_out_together_are_a_usage_error(run: Runner, tmp_path: Path) -> None:
    one_clear_line(
        run(
            "import",
            tmp_path / "x.csv",
            "--crm-csv",
            tmp_path / "a.csv",
            "--crm-out",
            tmp_path / "b",
        ),
        EXIT_USAGE,
    )


@pytest.fixture
def office(run: Runner, tmp_path: Path) -> Path:
    """An office data folder whose master store holds one demo kiosk's export."""
    folder = tmp_path / "office"
    code, _, _ = run("--data-dir", folder, "import", _one_export(run, tmp_path))
    assert code == EXIT_OK
    return folder


def test_report_writes_an_event_s_pdf(run: Runner, office: Path, tmp_path: Path) -> None:
    out = tmp_path / "fair.PDF"
    code, stdout, err = run(
        "report", "--event", "Campus Fair", "--out", out, "--timezone", "UTC", "--data-dir", office
    )
    assert code == EXIT_OK, err
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Report on 'Campus Fair'" in stdout and "times in UTC" in stdout


@pytest.mark.parametrize(
    ("event", "out", "zone", "says"),
    [
        ("No such event", "r.pdf", "UTC", "it holds: "),
        ("Fair\x1b[2J\x07", "r.pdf", "UTC", "\\x1b[2J"),  # shown escaped, never run
        ("יריד הקמפוס", "r.pdf", "UTC", "יריד הקמפוס"),
        ("Campus Fair", "r.txt", "UTC", "ending in .pdf"),
        ("Campus Fair", "no/such/folder/r.pdf", "UTC", "does not exist"),
        ("Campus Fair", "r.pdf", "Mars/Olympus", "unknown time zone"),
        ("Campus Fair", "r.pdf", "../../etc/passwd", "unknown time zone"),
    ],
)
def test_report_with_a_bad_event_file_or_zone_is_one_line_and_writes_nothing(
    run: Runner, office: Path, tmp_path: Path, event: str, out: str, zone: str, says: str
) -> None:
    before = set(tmp_path.rglob("*"))
    err = one_clear_line(
        run(
            "report",
            "--event",
            event,
            "--out",
            tmp_path / out,
            "--timezone",
            zone,
            "--data-dir",
            office,
        ),
        EXIT_FAILED,
    )
    assert says in err
    assert "\x1b" not in err and "\x07" not in err
    assert {p for p in tmp_path.rglob("*") if p.suffix in (".pdf", ".txt")} <= before


def test_report_on_an_empty_master_store_says_it_holds_nothing(run: Runner, tmp_path: Path) -> None:
    err = one_clear_line(
        run("report", "--event", "Gala", "--out", tmp_path / "r.pdf", "--data-dir", tmp_path / "o"),
        EXIT_FAILED,
    )
    assert "holds no sign-ups yet" in err


def test_report_without_an_event_is_a_usage_error(run: Runner, tmp_path: Path) -> None:
    one_clear_line(run("report", "--out", tmp_path / "r.pdf"), EXIT_USAGE)


def test_import_into_a_bad_database_url_is_one_line(run: Runner, tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("x\n", encoding="utf-8")
    one_clear_line(
        run("import", tmp_path / "x.csv", "--into", "nosuchdb://nowhere", "--data-dir", tmp_path),
        EXIT_FAILED,
    )


def test_encrypted_export_needs_the_private_key_to_import(
    run: Runner, data_dir: Path, tmp_path: Path
) -> None:
    key_file = tmp_path / "org.key"
    code, out, _ = run("--data-dir", tmp_path / "office", "keys", "new", "--out", key_file)
    assert code == EXIT_OK
    public_line = next(line for line in out.splitlines() if line.startswith("export_public_key"))
    assert "AGE-SECRET-KEY" not in out
    (data_dir / "config.toml").write_text(public_line + "\n", encoding="utf-8")

    run("demo-signups", "--count", "5", "--data-dir", data_dir)
    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, _ = run("--data-dir", data_dir, "export", "--out", stick)
    assert code == EXIT_OK
    [encrypted] = list(stick.glob("*.csv.age"))

    code, out, err = run("--data-dir", tmp_path / "office", "import", encrypted)
    assert code == EXIT_FAILED
    code, out, err = run(
        "--data-dir", tmp_path / "office", "import", encrypted, "--identity", key_file
    )
    assert code == EXIT_OK, out + err

    # A key file is never overwritten.
    one_clear_line(
        run("--data-dir", tmp_path / "office", "keys", "new", "--out", key_file), EXIT_FAILED
    )


# Receipts -----------------------------------------------------------------------------


def _export_demo(run: Runner, data_dir: Path, stick: Path, count: int) -> Path:
    run("demo-signups", "--count", str(count), "--data-dir", data_dir)
    stick.mkdir(exist_ok=True)
    code, _, _ = run("--data-dir", data_dir, "export", "--out", stick)
    assert code == EXIT_OK
    return max(stick.glob("signups_*.csv"))


def _emails(data_dir: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(data_dir / "kiosk.sqlite3") as conn:
        return [row[0] for row in conn.execute("SELECT email FROM signups ORDER BY rowid")]


def test_import_writes_a_receipt_and_receipt_apply_erases_here(
    run: Runner, data_dir: Path, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    export = _export_demo(run, data_dir, stick, 12)
    office, receipts = tmp_path / "office", tmp_path / "receipts"
    receipts.mkdir()

    code, out, err = run("--data-dir", office, "import", export, "--receipt-dir", receipts)
    assert code == EXIT_OK and err == ""
    (receipt,) = receipts.glob("receipt_*.json")
    assert f"Receipt for the kiosk: {receipt}" in out
    _, before, _ = run("--data-dir", data_dir, "status")

    code, out, err = run("receipt", "apply", receipt, "--data-dir", data_dir)
    assert code == EXIT_OK, err
    assert f"{receipt.name}: confirms 1 export(s), 12 sign-up(s)" in out
    assert "Erased the personal data of 12 sign-up(s)." in out
    assert set(_emails(data_dir)) == {""}
    _, after, _ = run("--data-dir", data_dir, "status")
    assert after == before  # per-event counts and the last export read the same

    code, out, _ = run("--data-dir", data_dir, "receipt", "apply", receipt)
    assert code == EXIT_OK and "already applied; nothing changed" in out


def test_import_writes_the_receipt_beside_the_export_by_default(
    run: Runner, data_dir: Path, tmp_path: Path
) -> None:
    export = _export_demo(run, data_dir, tmp_path / "stick", 3)
    code, _, _ = run("--data-dir", tmp_path / "office", "import", export)
    assert code == EXIT_OK
    assert len(list(export.parent.glob("receipt_*.json"))) == 1


def test_receipt_apply_refuses_damaged_and_foreign_receipts_and_exits_1(
    run: Runner, data_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other-kiosk"
    export = _export_demo(run, other, tmp_path / "other-stick", 4)
    run("--data-dir", tmp_path / "office", "import", export)
    (foreign,) = export.parent.glob("receipt_*.json")
    _export_demo(run, data_dir, tmp_path / "stick", 2)
    damaged = tmp_path / "receipt_damaged.json"
    damaged.write_text('{"format": "p2p-kiosk-receipt", "files": [', encoding="utf-8")

    code, out, err = run(
        "--data-dir", data_dir, "receipt", "apply", foreign, damaged, tmp_path / "none.json"
    )

    assert code == EXIT_FAILED and "Traceback" not in out + err
    assert f"{foreign.name}: REFUSED, it is for kiosk" in out
    assert "receipt_damaged.json: REFUSED, it is not a receipt (not valid JSON)" in out
    assert "none.json: REFUSED, the file does not exist" in out
    assert "" not in _emails(data_dir)


def test_import_with_a_missing_receipt_folder_merges_nothing(
    run: Runner, data_dir: Path, tmp_path: Path
) -> None:
    export = _export_demo(run, data_dir, tmp_path / "stick", 2)
    office = tmp_path / "office"
    err = one_clear_line(
        run("--data-dir", office, "import", export, "--receipt-dir", tmp_path / "no" / "such"),
        EXIT_FAILED,
    )
    assert "receipt folder" in err
    assert not (office / "master.sqlite3").exists()


def test_import_into_a_read_only_receipt_folder_warns_and_still_imports(
    run: Runner, data_dir: Path, tmp_path: Path
) -> None:
    from tests.receipt_helpers import unwritable_folder

    export = _export_demo(run, data_dir, tmp_path / "stick", 3)
    locked = tmp_path / "locked"
    locked.mkdir()
    with unwritable_folder(locked):
        code, out, err = run(
            "--data-dir", tmp_path / "office", "import", export, "--receipt-dir", locked
        )
    assert code == EXIT_OK
    assert "Sign-ups: 3 new" in out
    assert_one_clear_line(err)
    assert "warning: No receipt written in" in err and "cannot be written" in err


def test_the_module_entry_point_runs_as_a_program(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "p2p_kiosk", "--data-dir", str(data_dir), "status"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Not yet exported: 0" in result.stdout


def test_the_kiosk_shows_then_reports_an_unusable_store_in_one_line(data_dir: Path) -> None:
    (data_dir / "kiosk.sqlite3").write_bytes(b"this is not a database" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "p2p_kiosk", "--data-dir", str(data_dir), "run"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == EXIT_FAILED
    assert_one_clear_line(result.stderr)
    assert str(data_dir) in result.stderr


def test_screenshots_render_every_screen_at_both_sizes_the_same_every_time(
    tmp_path: Path,
) -> None:
    """``make screenshots`` twice: every picture byte for byte the same (no clock, no temp
    path, no random id in them), so re-rendering changes no tracked file by itself."""
    runs = []
    for attempt in ("first", "second"):
        out = tmp_path / attempt
        done = subprocess.run(
            [sys.executable, "-m", "p2p_kiosk", "screenshots", "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            check=False,
        )
        assert done.returncode == EXIT_OK, done.stderr
        runs.append({path.name: path.read_bytes() for path in out.glob("*.png")})
    first, second = runs
    for screen in FIRST_START_SCREENS + SCREENS:
        for size in ("1280x800", "1920x1080"):
            data = first[f"{screen}_{size}.png"]
            assert data[:8] == b"\x89PNG\r\n\x1a\n", screen
            width, height = (int.from_bytes(data[i : i + 4], "big") for i in (16, 20))
            assert f"{width}x{height}" == size, screen
    office = {"office_duplicates.png", "office_contacts.png", "office_merging.png"}
    assert office | {"office_events.png"} <= set(first)
    # Page one of an event's report, drawn by poppler where it is installed (CI installs it).
    assert "report_page1.png" in first or shutil.which("pdftoppm") is None
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_screenshots_show_the_attendee_screens_in_larger_text_and_high_contrast(
    run: Runner, tmp_path: Path
) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "shots"
    code, out_text, _ = run(
        "screenshots", "--out", out, "--text-size", "150", "--theme", "high-contrast"
    )
    assert code == EXIT_OK, out_text
    names = {path.name for path in out.glob("*.png")}
    expected = {
        f"{s}_{w}" for s in FIRST_START_SCREENS + SCREENS for w in ("1280x800", "1920x1080")
    }
    assert names == {f"{name}.png" for name in expected}  # the same screens; no office window
    attract = QImage(str(out / "attract_1280x800.png"))
    assert attract.pixelColor(640, 400).name() == "#000000"  # the high-contrast black
    staff = QImage(str(out / "staff_1280x800.png"))
    assert staff.pixelColor(5, 400).name() == "#fbf8f3"  # staff keep the standard display


@pytest.mark.parametrize(
    "option",
    [
        ["--text-size", "175"],
        ["--text-size", "big"],
        ["--text-size", "-150"],
        ["--text-size", ""],
        ["--theme", "dark"],
        ["--theme", ""],
        ["--theme", "high-contrast; rm -rf /"],
        ["--theme", "HIGH-CONTRAST"],
    ],
)
def test_a_bad_screenshot_display_is_one_line_and_exit_2(
    run: Runner, tmp_path: Path, option: list[str]
) -> None:
    one_clear_line(run("screenshots", "--out", tmp_path / "shots", *option), EXIT_USAGE)
    assert not (tmp_path / "shots").exists()


def test_screenshots_in_hebrew_render_the_kiosk_screens_mirrored(
    run: Runner, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    out = tmp_path / "he"
    code, out_text, _ = run("screenshots", "--out", out, "--lang", "he")
    assert code == EXIT_OK, out_text
    expected = {
        f"{screen}_{size}.png"
        for screen in FIRST_START_SCREENS + SCREENS
        for size in ("1280x800", "1920x1080")
    }
    assert {path.name for path in out.iterdir()} == expected  # the office stays English: none
    # Home laid out right to left: the first card is on the right, its accent bar at its right.
    home = QImage(str(out / "home_1280x800.png"))
    assert home.pixelColor(1203, 380) == QColor("#1D4E89")


@pytest.mark.parametrize("code", ["xx", "he-IL", "../he", ""])
def test_screenshots_refuse_a_language_the_content_lacks(
    run: Runner, tmp_path: Path, code: str
) -> None:
    err = one_clear_line(
        run("screenshots", "--out", tmp_path / "shots", "--lang", code), EXIT_FAILED
    )
    assert "language" in err
    assert not (tmp_path / "shots").exists() or not list((tmp_path / "shots").iterdir())


MISTYPED_KEY = "age1z33fde9yty8v9egaylk9w9lu7uzmwasfmnj0dnuxs8hyx2rjzerqum470q"


@pytest.mark.parametrize("command", [["status"], ["export", "--out", "."]])
def test_a_mistyped_export_key_stops_status_and_export_with_one_line(
    run: Runner, data_dir: Path, command: list[str]
) -> None:
    (data_dir / "config.toml").write_text(f'export_public_key = "{MISTYPED_KEY}"\n')
    err = one_clear_line(run("--data-dir", data_dir, *command), EXIT_FAILED)
    assert "export_public_key" in err and "keys new" in err and MISTYPED_KEY not in err


def test_a_mistyped_export_key_stops_the_kiosk_at_start_up(data_dir: Path) -> None:
    # Before, the kiosk started and ran the whole event; the key failed at Export.
    (data_dir / "config.toml").write_text(f'export_public_key = "{MISTYPED_KEY}"\n')
    result = subprocess.run(
        [sys.executable, "-m", "p2p_kiosk", "--data-dir", str(data_dir), "run"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == EXIT_FAILED
    assert_one_clear_line(result.stderr)
    assert "export_public_key" in result.stderr and MISTYPED_KEY not in result.stderr


def test_status_says_whether_exports_are_encrypted(run: Runner, data_dir: Path) -> None:
    _, out, _ = run("--data-dir", data_dir, "status")
    assert "Exports: not encrypted" in out
    good = "age1z33fde9yty8v9egaylk9w9lu7uzmwasfmnj0dnuxs8hyx2rjzerqum4704"
    (data_dir / "config.toml").write_text(f'export_public_key = "{good}"\n')
    _, out, _ = run("--data-dir", data_dir, "status")
    assert "Exports: encrypted for the office key age1z33f\u2026rqum4704" in out


# Terminal control sequences in file names and values ----------------------------------------


def test_a_file_name_cannot_rewrite_the_import_summary(run: Runner, tmp_path: Path) -> None:
    # A name with a carriage return and "erase line" would have overwritten
    # "REJECTED <name>: ..." on the terminal with text of its own.
    import uuid
    from datetime import UTC, datetime

    from kiosk.export import export_signups
    from kiosk.signup import SignupRecord
    from kiosk.store import Store
    from tests.factories import make_signup

    store = Store.open(tmp_path / "kiosk")
    store.insert_records(
        [
            SignupRecord(
                uuid.uuid4(),
                datetime(2026, 11, 20, tzinfo=UTC),
                "Fair",
                "",
                store.kiosk_id,
                make_signup(consent_text=""),
            )
        ]
    )
    (tmp_path / "usb").mkdir()
    result = export_signups(store, tmp_path / "usb")
    store.close()
    assert result is not None
    evil = tmp_path / "usb" / "signups_x\r\x1b[K  accepted signups_x.csv (1 rows).csv"
    result.csv_path.rename(evil)  # its manifest keeps the old name: rejected, no manifest

    code, out, _ = run("--data-dir", tmp_path / "office", "import", evil)

    assert code == EXIT_FAILED
    assert "\x1b" not in out and "\r" not in out
    rejected = [line for line in out.splitlines() if "REJECTED" in line]
    assert rejected == [
        "  REJECTED signups_x\\r\\x1b[K  accepted signups_x.csv (1 rows).csv: no manifest beside "
        "it (expected signups_x\\r\\x1b[K  accepted signups_x.csv (1 rows).csv.manifest.json)"
    ]


def test_status_shows_an_event_name_with_a_bidi_override_escaped(
    run: Runner, tmp_path: Path
) -> None:
    name = "Fair \u202eriaf"  # right-to-left override: reorders what follows on screen
    code, _, _ = run("--data-dir", tmp_path, "event", "start", name)
    assert code == EXIT_OK
    code, out, _ = run("--data-dir", tmp_path, "status")
    assert code == EXIT_OK
    assert "\u202e" not in out
    assert "Current event: Fair \\u202eriaf" in out


def test_terminal_safe_escapes_every_steering_character() -> None:
    from kiosk.terminal import terminal_safe

    assert terminal_safe("plain — עברית ✓ 👩🏽‍💻") == "plain — עברית ✓ 👩🏽‍💻"
    assert (
        terminal_safe("a\rb\nc\td\x1b[2Je\x07\x7f\x9b") == "a\\rb\\nc\\td\\x1b[2Je\\x07\\x7f\\x9b"
    )
    assert terminal_safe("x\u202ey\u2066z\u2028") == "x\\u202ey\\u2066z\\u2028"


# Importing a stick, leaving test sign-ups out ------------------------------------------


def _crm_rows(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def stick(run: Runner, tmp_path: Path, make_kiosk: MakeKiosk) -> Path:
    """A USB stick with two kiosks' exports, one plain, one encrypted; the key beside it.

    Each kiosk holds a volunteer's test sign-up under "Setup test" and two real ones.
    """
    code, out, _ = run("--data-dir", tmp_path / "office", "keys", "new", "--out", tmp_path / "k")
    assert code == EXIT_OK
    recipient = next(w for w in out.split('"') if w.startswith("age1"))
    folder = tmp_path / "media" / "volunteer" / "KIOSKS"
    folder.mkdir(parents=True)
    for name, key in (("north", None), ("south", recipient)):
        kiosk = make_kiosk(name)
        kiosk.add(at=T0, event="Setup test", email=f"test@{name}.example.org")
        kiosk.add(at=T0 + timedelta(hours=1), email=f"dana@{name}.example.org")
        kiosk.add(at=T0 + timedelta(hours=2), email=f"noa@{name}.example.org")
        exported = kiosk.export(recipient=key)
        for path in exported.parent.iterdir():
            path.rename(folder / path.name)
    (folder / "notes.txt").write_text("not an export\n", encoding="utf-8")
    return folder


def test_import_reads_a_folder_plain_and_encrypted_exports_alike(
    run: Runner, tmp_path: Path, stick: Path
) -> None:
    crm = tmp_path / "crm.csv"
    code, out, err = run(
        "--data-dir", tmp_path / "office", "import", stick,
        "--identity", tmp_path / "k", "--crm-csv", crm,
    )  # fmt: skip
    assert code == EXIT_OK, out + err
    assert "Files: 2 accepted, 0 rejected" in out
    assert len(_crm_rows(crm)) == 6


def test_skip_event_keeps_test_sign_ups_out_of_the_master_and_the_crm_file(
    run: Runner, tmp_path: Path, stick: Path
) -> None:
    office, crm = tmp_path / "office", tmp_path / "crm.csv"
    code, out, err = run(
        "--data-dir", office, "import", stick, "--identity", tmp_path / "k",
        "--skip-event", "setup  TEST", "--crm-csv", crm,
    )  # fmt: skip
    assert code == EXIT_OK, out + err
    assert "Left out: 2 sign-ups under the event 'Setup test' (not merged)" in out
    assert sorted(r["email"] for r in _crm_rows(crm)) == [
        "dana@north.example.org",
        "dana@south.example.org",
        "noa@north.example.org",
        "noa@south.example.org",
    ]
    # The receipts confirm every row: the office chose to leave the test out, so the
    # kiosks may forget it with the rest.
    receipts = [json.loads(p.read_text()) for p in stick.glob("receipt_*.json")]
    assert sorted((f["rows"], f["in_master"]) for r in receipts for f in r["files"]) == [
        (3, 3),
        (3, 3),
    ]
    # Imported again with the event left out: nothing new. Without: the test comes in.
    code, out, _ = run("--data-dir", office, "import", stick, "--identity", tmp_path / "k",
                       "--skip-event", "Setup test")  # fmt: skip
    assert code == EXIT_OK and "Sign-ups: 0 new, 6 already present" in out
    code, out, _ = run("--data-dir", office, "import", stick, "--identity", tmp_path / "k",
                       "--crm-csv", crm)  # fmt: skip
    assert code == EXIT_OK and "Sign-ups: 2 new, 4 already present" in out
    assert len(_crm_rows(crm)) == 6


def test_a_skip_event_no_file_holds_is_a_warning(run: Runner, tmp_path: Path, stick: Path) -> None:
    code, out, err = run(
        "--data-dir", tmp_path / "office", "import", stick, "--identity", tmp_path / "k",
        "--skip-event", "Setup tset",
    )  # fmt: skip
    assert code == EXIT_OK
    assert_one_clear_line(err)
    assert "no file holds an event called 'Setup tset'" in err
    assert "Left out" not in out


@pytest.mark.parametrize("name", ["", "   "])
def test_a_blank_skip_event_is_a_usage_error(run: Runner, tmp_path: Path, name: str) -> None:
    one_clear_line(
        run("--data-dir", tmp_path, "import", tmp_path, "--skip-event", name), EXIT_USAGE
    )


def test_a_missing_file_or_an_empty_folder_says_so_and_merges_nothing(
    run: Runner, tmp_path: Path, stick: Path
) -> None:
    office = tmp_path / "office"
    err = one_clear_line(
        run("--data-dir", office, "import", stick, tmp_path / "signups_gone.csv"), EXIT_FAILED
    )
    assert "No such file or folder" in err and "signups_gone.csv" in err
    empty = tmp_path / "EMPTY"
    empty.mkdir()
    code, _, err = run("--data-dir", office, "import", empty)
    assert code == EXIT_FAILED
    assert "No export files (.csv or .csv.age) in the folder" in err
    # An unexpanded shell pattern (no file matched it) is a missing file, not a bad one.
    code, _, err = run("--data-dir", office, "import", stick / "signups_*.csv")
    assert code == EXIT_FAILED and "No such file or folder" in err
    assert not (office / "master.sqlite3").exists()


def test_a_profile_without_a_crm_file_is_refused(run: Runner, tmp_path: Path, stick: Path) -> None:
    office = tmp_path / "office"
    err = one_clear_line(
        run("--data-dir", office, "import", stick, "--profile", "mailchimp"), EXIT_FAILED
    )
    assert "--crm-out" in err
    assert not (office / "master.sqlite3").exists()


def test_a_folder_s_import_writes_the_chosen_profile_s_workbook_without_the_skipped_event(
    run: Runner, tmp_path: Path, stick: Path
) -> None:
    out = tmp_path / "contacts.XLSX"
    code, stdout, err = run(
        "--data-dir", tmp_path / "office", "import", stick, "--identity", tmp_path / "k",
        "--skip-event", "Setup test", "--crm-out", out, "--profile", "mailchimp",
    )  # fmt: skip
    assert code == EXIT_OK, stdout + err
    assert f"CRM file (mailchimp, xlsx): {out} (4 contact(s))" in stdout
    sheet = openpyxl.load_workbook(out).active
    assert isinstance(sheet, Worksheet)
    headers, *rows = sheet.iter_rows(values_only=True)
    assert headers[0] == "Email Address" and "Language" in headers and "Other Emails" in headers
    assert sorted(str(row[0]) for row in rows) == [
        "dana@north.example.org",
        "dana@south.example.org",
        "noa@north.example.org",
        "noa@south.example.org",
    ]


def test_content_check_takes_the_data_dir_after_the_file(run: Runner, tmp_path: Path) -> None:
    code, out, err = run("content", "check", default_content_path(), "--data-dir", tmp_path / "d")
    assert code == EXIT_OK, err
    assert ": ok (" in out


def test_demo_signups_are_random_unless_seeded(run: Runner, tmp_path: Path) -> None:
    import sqlite3

    def ids(folder: Path, *seed: str) -> set[str]:
        code, _, err = run("demo-signups", "--count", "5", "--data-dir", folder, *seed)
        assert code == EXIT_OK, err
        with sqlite3.connect(folder / "kiosk.sqlite3") as connection:
            return {row[0] for row in connection.execute("SELECT id FROM signups")}

    assert not ids(tmp_path / "a") & ids(tmp_path / "b")
    assert ids(tmp_path / "c", "--seed", "7") == ids(tmp_path / "d", "--seed", "7")
