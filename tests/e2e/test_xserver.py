"""The X server helper itself: without Xvfb or xdotool it says what to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.xserver import XServer, XServerUnavailable


def test_missing_programs_are_named_with_the_packages_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with neither program on it
    with pytest.raises(XServerUnavailable, match="Xvfb and xdotool not found .*xvfb and xdotool"):
        XServer(tmp_path)
