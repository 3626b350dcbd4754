"""The one entry point of every way of starting the program, and what it leaves behind."""

from __future__ import annotations

import gc
import tomllib
from pathlib import Path

import pytest

import p2p_kiosk
from tests.conftest import REPO_ROOT


def test_console_script_module_and_bundle_start_the_same_main() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"p2p-kiosk": "p2p_kiosk:main"}
    for starter in (
        REPO_ROOT / "p2p_kiosk" / "__main__.py",
        REPO_ROOT / "build_spec" / "launcher.py",
    ):
        assert "from p2p_kiosk import main" in starter.read_text(encoding="utf-8"), starter


def test_a_command_runs_with_the_garbage_collector_back_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Loading holds the collector off; a command that is not `run` must not inherit that.
    assert p2p_kiosk.main(["--data-dir", str(tmp_path / "data"), "status"]) == 0
    assert gc.isenabled()
    assert "sign-up" in capsys.readouterr().out


def test_bad_options_still_say_why_and_leave_the_collector_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        p2p_kiosk.main(["--no-such-option"])
    assert stopped.value.code == 2
    assert gc.isenabled()
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err
