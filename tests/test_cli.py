"""The command line as staff use it: every mistake is one clear line and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from kiosk.paths import default_content_path

Run = tuple[int, str, str]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
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


def test_version_and_help(run) -> None:  # type: ignore[no-untyped-def]
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
        ["frobnicate"],
    ],
)
def test_wrong_options_are_one_line_and_exit_2(run, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(*argv)
    assert code == EXIT_USAGE
    assert_one_clear_line(err)


def test_status_of_a_new_kiosk(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("--data-dir", data_dir, "status")
    assert code == EXIT_OK
    assert "No sign-ups yet." in out and "Last export: never" in out


def test_data_dir_after_the_command_is_accepted(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("status", "--data-dir", data_dir)
    assert code == EXIT_OK and str(data_dir) in out


def test_event_start_then_status(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        "event", "start", "Campus Fair", "--location", "Boston, MA", "--data-dir", data_dir
    )
    assert code == EXIT_OK and "Campus Fair" in out
    _, out, _ = run("--data-dir", data_dir, "status")
    assert "Current event: Campus Fair — Boston, MA" in out


@pytest.mark.parametrize("name", ["", "   ", "x" * 500, "Fair\x00"])
def test_bad_event_names_are_one_line(run, data_dir: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("--data-dir", data_dir, "event", "start", name)
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


def test_content_check_accepts_the_bundled_file(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("content", "check", default_content_path())
    assert code == EXIT_OK and "7 resources" in out


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
    run,
    tmp_path: Path,
    text: str,  # type: ignore[no-untyped-def]
) -> None:
    bad = tmp_path / "content.toml"
    bad.write_bytes(text.encode("utf-8", "surrogateescape"))
    code, _, err = run("content", "check", bad)
    assert code == EXIT_FAILED
    assert "Traceback" not in err and str(bad) in err


def test_content_check_of_a_missing_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("content", "check", tmp_path / "nope.toml")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


def test_an_unreadable_database_is_one_line(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "kiosk.sqlite3").write_bytes(b"this is not a database" * 100)
    code, _, err = run("--data-dir", data_dir, "status")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


def test_a_data_dir_that_is_a_file_is_one_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    code, _, err = run("--data-dir", not_a_folder, "status")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


def test_a_broken_config_file_is_one_line(run, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "config.toml").write_text('idle_timeout_s = "soon"\n', encoding="utf-8")
    code, _, err = run("--data-dir", data_dir, "status")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)
    assert "idle_timeout_s" in err


def test_demo_signups_need_a_separate_folder(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("demo-signups", "--count", "5")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


def test_demo_then_export_then_import(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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


def test_export_to_a_missing_folder_is_one_line(run, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("demo-signups", "--count", "3", "--data-dir", data_dir)
    code, _, err = run("--data-dir", data_dir, "export", "--out", tmp_path / "no" / "such")
    assert code == EXIT_FAILED
    assert_one_clear_line(err)
    _, out, _ = run("--data-dir", data_dir, "status")
    assert "Not yet exported: 3" in out


def test_import_rejects_bad_files_and_exits_non_zero(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "signups_x.csv"
    bogus.write_bytes(b"\xff\xfe not a csv")
    code, out, err = run(
        "--data-dir", tmp_path / "office", "import", bogus, tmp_path / "missing.csv"
    )
    assert code == EXIT_FAILED
    assert "Traceback" not in out + err
    assert "rejected" in (out + err).lower()


def test_import_with_an_unknown_crm_profile_merges_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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


def test_import_into_a_bad_database_url_is_one_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(
        "import", tmp_path / "x.csv", "--into", "nosuchdb://nowhere", "--data-dir", tmp_path
    )
    assert code == EXIT_FAILED
    assert_one_clear_line(err)


def test_encrypted_export_needs_the_private_key_to_import(
    run, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
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


def test_the_module_entry_point_runs_as_a_program(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), "status"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Not yet exported: 0" in result.stdout


def test_the_kiosk_shows_then_reports_an_unusable_store_in_one_line(data_dir: Path) -> None:
    (data_dir / "kiosk.sqlite3").write_bytes(b"this is not a database" * 100)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), "run"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == EXIT_FAILED
    assert_one_clear_line(result.stderr)
    assert str(data_dir) in result.stderr


SCREENS = (
    "attract",
    "home",
    "message",
    "resources",
    "resource_detail",
    "action",
    "join",
    "join_errors",
    "thank_you",
    "idle_countdown",
    "staff_pin",
    "staff",
)


def test_screenshots_render_every_screen_at_both_sizes(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "shots"
    code, out_text, _ = run("screenshots", "--out", out)
    assert code == EXIT_OK, out_text
    for screen in SCREENS:
        for size in ("1280x800", "1920x1080"):
            data = (out / f"{screen}_{size}.png").read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n", screen
            width, height = (int.from_bytes(data[i : i + 4], "big") for i in (16, 20))
            assert f"{width}x{height}" == size, screen
    assert list(out.glob("office_*.png"))


# Terminal control sequences in file names and values ----------------------------------------


def test_a_file_name_cannot_rewrite_the_import_summary(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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


def test_status_shows_an_event_name_with_a_bidi_override_escaped(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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
