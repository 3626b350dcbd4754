"""The command line as staff use it: every mistake is one clear line and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from kiosk.paths import default_content_path
from p2p_kiosk.cli import main
from ui.screenshots import FIRST_START_SCREENS, SCREENS

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


def test_version_and_help(run: Runner) -> None:
    code, out, _ = run("--version")
    assert code == EXIT_OK and "p2p-kiosk" in out
    code, out, _ = run("--help")
    assert code == EXIT_OK and "export" in out and "import" in out


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
    code, _, err = run(*argv)
    assert code == EXIT_USAGE
    assert_one_clear_line(err)


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
    code, _, err = run("--data-dir", data_dir, "event", "start", name)
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


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
        assert code == EXIT_OK and "1 link(s), each fitting a QR code" in out
    else:
        assert code == EXIT_FAILED
        assert_one_clear_line(err)
        assert "calls_to_action[1].link: is 3000 bytes long" in err


def test_content_check_of_a_missing_file(run: Runner, tmp_path: Path) -> None:
    code, _, err = run("content", "check", tmp_path / "nope.toml")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


def test_an_unreadable_database_is_one_line(run: Runner, data_dir: Path) -> None:
    (data_dir / "kiosk.sqlite3").write_bytes(b"this is not a database" * 100)
    code, _, err = run("--data-dir", data_dir, "status")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


def test_a_data_dir_that_is_a_file_is_one_line(run: Runner, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    code, _, err = run("--data-dir", not_a_folder, "status")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


def test_a_broken_config_file_is_one_line(run: Runner, data_dir: Path) -> None:
    (data_dir / "config.toml").write_text('idle_timeout_s = "soon"\n', encoding="utf-8")
    code, _, err = run("--data-dir", data_dir, "status")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)
    assert "idle_timeout_s" in err


def test_demo_signups_need_a_separate_folder(run: Runner) -> None:
    code, _, err = run("demo-signups", "--count", "5")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


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
    code, _, err = run("--data-dir", data_dir, "export", "--out", tmp_path / "no" / "such")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)
    _, out, _ = run("--data-dir", data_dir, "status")
    assert "Not yet exported: 3" in out


def test_import_rejects_bad_files_and_exits_non_zero(run: Runner, tmp_path: Path) -> None:
    bogus = tmp_path / "signups_x.csv"
    bogus.write_bytes(b"\xff\xfe not a csv")
    code, out, err = run(
        "--data-dir", tmp_path / "office", "import", bogus, tmp_path / "missing.csv"
    )
    assert code == EXIT_FAILED
    assert "Traceback" not in out + err
    assert "rejected" in (out + err).lower()


def test_import_with_an_unknown_crm_profile_merges_nothing(run: Runner, tmp_path: Path) -> None:
    office = tmp_path / "office"
    code, _, err = run(
        "--data-dir",
        office,
        "import",
        tmp_path / "x.csv",
        "--crm-csv",
        tmp_path / "c.csv",
        "--profile",
        "excel",
    )
    assert code == EXIT_FAILED
    assert_one_clear_line(err)
    assert "generic" in err
    assert not (office / "master.sqlite3").exists()


def test_import_into_a_bad_database_url_is_one_line(run: Runner, tmp_path: Path) -> None:
    code, _, err = run(
        "import", tmp_path / "x.csv", "--into", "nosuchdb://nowhere", "--data-dir", tmp_path
    )
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


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
    code, _, err = run("--data-dir", tmp_path / "office", "keys", "new", "--out", key_file)
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


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
    code, _, err = run(
        "--data-dir", office, "import", export, "--receipt-dir", tmp_path / "no" / "such"
    )
    assert code == EXIT_FAILED
    assert_one_clear_line(err)
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


def test_screenshots_render_every_screen_at_both_sizes(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    code, out_text, _ = run("screenshots", "--out", out)
    assert code == EXIT_OK, out_text
    for screen in FIRST_START_SCREENS + SCREENS:
        for size in ("1280x800", "1920x1080"):
            data = (out / f"{screen}_{size}.png").read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n", screen
            width, height = (int.from_bytes(data[i : i + 4], "big") for i in (16, 20))
            assert f"{width}x{height}" == size, screen
    assert list(out.glob("office_*.png"))


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
    status, _, err = run("screenshots", "--out", tmp_path / "shots", "--lang", code)
    assert status == EXIT_FAILED
    assert_one_clear_line(err)
    assert "language" in err
    assert not (tmp_path / "shots").exists() or not list((tmp_path / "shots").iterdir())


MISTYPED_KEY = "age1z33fde9yty8v9egaylk9w9lu7uzmwasfmnj0dnuxs8hyx2rjzerqum470q"


@pytest.mark.parametrize("command", [["status"], ["export", "--out", "."]])
def test_a_mistyped_export_key_stops_status_and_export_with_one_line(
    run: Runner, data_dir: Path, command: list[str]
) -> None:
    (data_dir / "config.toml").write_text(f'export_public_key = "{MISTYPED_KEY}"\n')
    code, _, err = run("--data-dir", data_dir, *command)
    assert code == EXIT_FAILED
    assert_one_clear_line(err)
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
