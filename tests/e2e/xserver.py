"""A throwaway X server (Xvfb) and the tools that act on it as a person would: xdotool, screenshots.

Xvfb picks a free display number itself (``-displayfd``), so runs side by side
never collide. Screenshots are taken by a short PySide6 program on the X server
(``grabWindow`` of the root window), which needs nothing beyond what the kiosk
itself needs there.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtGui import QImage

SCREEN_SIZE = (1280, 800)
"""The screen of a booth laptop, as the in-process tests use."""

REQUIRED = ("Xvfb", "xdotool")
START_TIMEOUT_S = 30

_GRAB_SCRIPT = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([sys.argv[0], "-platform", "xcb"])
if not app.primaryScreen().grabWindow(0).save(sys.argv[1]):
    sys.exit("the screenshot could not be saved")
"""


class XServerUnavailable(RuntimeError):
    """Xvfb or xdotool is not installed, or the server would not start."""


def missing_programs() -> list[str]:
    """Return the programs this needs that are not on PATH."""
    return [name for name in REQUIRED if shutil.which(name) is None]


class XServer:
    """One Xvfb server with one screen of ``SCREEN_SIZE``, no window manager."""

    def __init__(self, log_dir: Path) -> None:
        missing = missing_programs()
        if missing:
            raise XServerUnavailable(
                f"{' and '.join(missing)} not found (install Debian's xvfb and xdotool packages)"
            )
        read_end, write_end = os.pipe()
        width, height = SCREEN_SIZE
        with (log_dir / "xvfb.log").open("wb") as log:
            self._process = subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(write_end),
                    "-screen",
                    "0",
                    f"{width}x{height}x24",
                    "-nolisten",
                    "tcp",
                    # Without it the server resets when its last client leaves, and a
                    # kiosk started during that reset cannot connect.
                    "-noreset",
                ],
                pass_fds=(write_end,),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        os.close(write_end)
        number = _read_line(read_end, START_TIMEOUT_S)
        if not number.isdigit():
            self.stop()
            raise XServerUnavailable(f"Xvfb did not start; see {log_dir / 'xvfb.log'}")
        self.display = f":{number}"

    def env(self, **extra: str) -> dict[str, str]:
        """The environment for a program on this server (Qt through its xcb platform)."""
        env = {key: value for key, value in os.environ.items() if key != "WAYLAND_DISPLAY"}
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb", **extra)
        return env

    def xdotool(self, *args: str) -> None:
        """Run one xdotool command on this server."""
        subprocess.run(["xdotool", *args], env=self.env(), check=True, timeout=30)

    def screenshot(self, path: Path) -> QImage:
        """Save what the screen shows now to ``path`` and return it."""
        subprocess.run(
            [sys.executable, "-c", _GRAB_SCRIPT, str(path)], env=self.env(), check=True, timeout=30
        )
        image = QImage(str(path))
        assert not image.isNull(), path
        return image.convertToFormat(QImage.Format.Format_RGB32)

    def stop(self) -> None:
        """End the server."""
        end_process(self._process)


def end_process(process: subprocess.Popen[bytes]) -> None:
    """End ``process`` (started by the tests) if it still runs: politely, then for sure."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _read_line(fd: int, timeout: float) -> str:
    """Read one line from ``fd`` (closing it after), or "" at its end or after ``timeout``.

    Xvfb writes its display number, then a newline, once it accepts clients; closing
    the pipe before the newline is written makes it exit.
    """
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            break
        chunk = os.read(fd, 64)
        if not chunk:
            break
        data += chunk
    os.close(fd)
    return data.decode().strip()


def wait_for(condition: object, timeout: float, interval: float = 0.1) -> bool:
    """Call ``condition`` until it returns true or ``timeout`` seconds pass; return its last."""
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)
