"""Reading the desktop's "reduce motion" wish, as GNOME and KDE keep it (Linux here)."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import motion

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="GNOME and KDE keep it this way on Linux"
)


@pytest.fixture
def desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A PATH holding only the programs a test writes, and an empty config folder."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    motion.system_prefers_reduced_motion.cache_clear()
    yield tmp_path
    motion.system_prefers_reduced_motion.cache_clear()


def _gsettings(desktop: Path, script: str) -> None:
    program = desktop / "bin" / "gsettings"
    program.write_text("#!/bin/sh\n" + script + "\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)


def test_gnome_with_animations_off_asks_for_reduced_motion(desktop: Path) -> None:
    _gsettings(
        desktop,
        '[ "$*" = "get org.gnome.desktop.interface enable-animations" ] && echo false',
    )
    assert motion.system_prefers_reduced_motion()


def test_gnome_with_animations_on_does_not(desktop: Path) -> None:
    _gsettings(desktop, "echo true")
    assert not motion.system_prefers_reduced_motion()


@pytest.mark.parametrize(
    "script",
    ["exit 1", "echo 'No such schema'; exit 1", "printf '\\377\\376'", "while :; do :; done"],
    ids=["fails", "no-schema", "garbage", "hangs"],
)
def test_a_desktop_that_cannot_say_counts_as_no_wish(
    desktop: Path, script: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(motion, "_ASK_TIMEOUT_S", 0.3)  # a hung desktop is not waited for
    _gsettings(desktop, script)
    assert not motion.system_prefers_reduced_motion()


def test_no_desktop_programs_at_all_counts_as_no_wish(desktop: Path) -> None:
    assert not os.listdir(desktop / "bin")
    assert not motion.system_prefers_reduced_motion()


@pytest.mark.parametrize(
    ("text", "reduced"),
    [
        ("[KDE]\nAnimationDurationFactor=0\n", True),
        ("[KDE]\nAnimationDurationFactor=0.5\n", False),
        ("[KDE]\nAnimationDurationFactor=slow\n", False),
        ("[General]\nfoo=bar\n", False),
        ("no sections at all\n", False),
        ("\x00\xff binary", False),
    ],
)
def test_kde_with_no_animation_time_asks_for_reduced_motion(
    desktop: Path, text: str, reduced: bool
) -> None:
    (desktop / "config" / "kdeglobals").write_text(text, encoding="latin-1")
    assert motion.system_prefers_reduced_motion() is reduced


def test_the_answer_is_asked_once_per_run(desktop: Path) -> None:
    calls = desktop / "calls"
    _gsettings(desktop, f'echo asked >> "{calls}"; echo false')
    assert motion.system_prefers_reduced_motion()
    assert motion.system_prefers_reduced_motion()
    assert calls.read_text().count("asked") == 1


def test_asked_in_background_the_answer_waits_for_the_desktop(desktop: Path) -> None:
    calls = desktop / "calls"
    _gsettings(desktop, f'sleep 0.3; echo asked >> "{calls}"; echo false')
    motion.ask_in_background()  # as `p2p-kiosk run` does, before Qt loads
    assert motion.system_prefers_reduced_motion()
    assert calls.read_text().count("asked") == 1
