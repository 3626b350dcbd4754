"""Whether the person who set up this computer asked it for reduced motion.

Qt has no setting for it, so each desktop is asked its own way: GNOME's
``enable-animations`` (gsettings), KDE's animation speed (``kdeglobals``),
Windows' "Show animations" (SystemParametersInfo), macOS's "Reduce motion"
(the universal access defaults). Anything that cannot be read counts as no
request: the kiosk then moves as designed, which is only a slow fade.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import threading
from pathlib import Path

log = logging.getLogger(__name__)

_ASK_TIMEOUT_S = 2.0


class _Asking(threading.Thread):
    """The desktop asked on a thread of its own; ``answer`` holds what it said."""

    def __init__(self) -> None:
        super().__init__(name="reduced-motion", daemon=True)
        self.answer: bool | None = None  # None until asked, or when asking failed

    def run(self) -> None:
        self.answer = _ask_desktop()


_asking: _Asking | None = None


def ask_in_background() -> None:
    """Start asking now, on a thread of its own, for ``system_prefers_reduced_motion`` to use.

    Asking runs a desktop program (up to ``_ASK_TIMEOUT_S`` when it hangs), so
    ``p2p-kiosk run`` asks while Qt loads instead of before attract shows.
    """
    global _asking
    if _asking is None:
        _asking = _Asking()
        _asking.start()


@functools.cache
def system_prefers_reduced_motion() -> bool:
    """Whether the desktop asks applications to keep motion to a minimum (asked once a run)."""
    global _asking
    asking, _asking = _asking, None  # the background answer is used once
    if asking is not None:
        asking.join()
        if asking.answer is not None:
            return asking.answer
    return _ask_desktop()


def _ask_desktop() -> bool:
    if sys.platform == "win32":
        return _windows_reduces_motion()
    if sys.platform == "darwin":
        return _answer(["defaults", "read", "com.apple.universalaccess", "reduceMotion"]) == "1"
    return _gnome_reduces_motion() or _kde_reduces_motion()


def _gnome_reduces_motion() -> bool:
    answer = _answer(["gsettings", "get", "org.gnome.desktop.interface", "enable-animations"])
    return answer == "false"


def _kde_reduces_motion() -> bool:
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    kdeglobals = config_home / "kdeglobals"
    if not kdeglobals.is_file():
        return False
    import configparser  # the modules each desktop's question needs load only to ask it

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read(kdeglobals, encoding="utf-8")
        factor = parser.getfloat("KDE", "AnimationDurationFactor", fallback=1.0)
    except (configparser.Error, ValueError, UnicodeDecodeError):
        return False
    return factor == 0


def _windows_reduces_motion() -> bool:
    import ctypes

    spi_getclientareaanimation = 0x1042
    enabled = ctypes.c_int(1)
    try:
        windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
        ok = windll.user32.SystemParametersInfoW(
            spi_getclientareaanimation, 0, ctypes.byref(enabled), 0
        )
    except (AttributeError, OSError):
        return False
    return bool(ok) and not enabled.value


def _answer(command: list[str]) -> str | None:
    """What ``command`` prints (stripped), or None if it is missing, fails or hangs."""
    import shutil
    import subprocess

    program = shutil.which(command[0])
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, *command[1:]],
            capture_output=True,
            encoding="utf-8",
            errors="replace",  # a desktop printing garbage is just not asking
            timeout=_ASK_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("could not ask %s for reduced motion: %s", command[0], exc)
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip()
