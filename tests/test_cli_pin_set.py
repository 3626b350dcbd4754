"""`p2p-kiosk pin set`: the PIN comes only from a person at a terminal, checked like the screen.

The command runs for real in a child process on a pseudo-terminal: the test
waits for each prompt, types its answer as a volunteer would, and reads back
everything the terminal showed (so an echoed PIN would be seen).
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from kiosk.first_start import SetupState
from kiosk.pin import PIN_HASH_SETTING
from kiosk.service import KioskService
from p2p_kiosk.cli import main
from tests.factories import STAFF_PIN, make_form

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

FIRST_PROMPT = b"New staff PIN (4 to 8 digits): "
SECOND_PROMPT = b"The same PIN again: "
CTRL_D = b"\x04"
NEW_PIN = "905182"


def _read_until(fd: int, wanted: bytes, seen: bytearray, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while wanted not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no {wanted!r} on the terminal; it showed {bytes(seen)!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # Linux answers EIO once the child has closed its end
                chunk = b""
            if not chunk:
                raise AssertionError(f"terminal closed before {wanted!r}: {bytes(seen)!r}")
            seen += chunk


def _read_to_end(fd: int, seen: bytearray) -> None:
    while True:
        ready, _, _ = select.select([fd], [], [], 30.0)
        if not ready:
            return
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return
        if not chunk:
            return
        seen += chunk


def pin_set_on_a_terminal(data_dir: Path, *answers: bytes) -> tuple[int, str]:
    """Run `pin set` on a pseudo-terminal, answering each prompt in turn; return (code, screen)."""
    import pty

    master, slave = pty.openpty()
    # A new session has no controlling terminal, so getpass talks to stdin, the
    # pseudo-terminal (never to the terminal that runs the tests).
    child = subprocess.Popen(
        [sys.executable, "-m", "p2p_kiosk", "--data-dir", str(data_dir), "pin", "set"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
        env={**os.environ, "P2P_KIOSK_PIN": "482915", "PIN": "482915"},  # ignored
    )
    os.close(slave)
    seen = bytearray()
    try:
        for prompt, answer in zip((FIRST_PROMPT, SECOND_PROMPT), answers, strict=False):
            _read_until(master, prompt, seen)
            os.write(master, answer)
        _read_to_end(master, seen)
        code = child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
    return code, seen.decode("utf-8", "replace")


def _state(data_dir: Path) -> SetupState:
    service = KioskService.open(data_dir)
    try:
        return service.setup_state()
    finally:
        service.close()


def test_a_pin_typed_twice_is_set_and_never_shown(data_dir: Path) -> None:
    pin = NEW_PIN.encode()
    code, screen = pin_set_on_a_terminal(data_dir, pin + b"\n", pin + b"\n")
    assert code == EXIT_OK, screen
    assert NEW_PIN not in screen  # no echo
    assert "The staff PIN is set" in screen
    service = KioskService.open(data_dir)
    try:
        assert service.setup_state() is SetupState.READY
        assert service.check_pin(NEW_PIN).ok
        assert not service.check_pin("482915").ok  # the environment was not read
    finally:
        service.close()


def test_it_replaces_a_damaged_record_on_a_locked_kiosk_and_clears_the_delays(
    data_dir: Path,
) -> None:
    service = KioskService.open(data_dir)
    service.submit(make_form())
    service.store.set_setting(PIN_HASH_SETTING, "scrypt$damaged")
    for _ in range(6):
        service.check_pin("0000")
    assert service.pin_retry_after_s() > 0
    service.close()
    assert _state(data_dir) is SetupState.LOCKED

    pin = NEW_PIN.encode()
    code, screen = pin_set_on_a_terminal(data_dir, pin + b"\n", pin + b"\n")
    assert code == EXIT_OK, screen
    service = KioskService.open(data_dir)
    try:
        assert service.setup_state() is SetupState.READY
        assert service.pin_retry_after_s() == 0
        assert service.check_pin(NEW_PIN).ok
        assert service.store.signup_count() == 1
    finally:
        service.close()


def test_an_existing_pin_is_replaced_and_says_so(data_dir: Path) -> None:
    service = KioskService.open(data_dir)
    service.set_pin(STAFF_PIN)
    service.close()
    pin = NEW_PIN.encode()
    code, screen = pin_set_on_a_terminal(data_dir, pin + b"\n", pin + b"\n")
    assert code == EXIT_OK and "replaced" in screen, screen


@pytest.mark.parametrize(
    ("answers", "says"),
    [
        ((b"482915\n", b"482916\n"), "different"),
        ((b"12\n",), "4 to 8 digits"),
        ((b"123456789\n",), "4 to 8 digits"),
        ((b"1234\n",), "run of digits"),
        ((b"9876\n",), "run of digits"),
        ((b"7777\n",), "one digit repeated"),
        ((b"48a915\n",), "digits only"),
        ((b" 482915\n",), "digits only"),
        (("\u0664\u0668\u0662\u0669\n".encode(),), "digits only"),  # Arabic-Indic digits
        ((b"'; DROP TABLE settings; --\n",), "digits only"),
        ((b"\n",), "digits only"),
        ((CTRL_D,), "No PIN was entered"),
        ((b"482915\n", CTRL_D), "No PIN was entered"),
    ],
)
def test_bad_answers_change_nothing_and_say_why(
    data_dir: Path, answers: tuple[bytes, ...], says: str
) -> None:
    code, screen = pin_set_on_a_terminal(data_dir, *answers)
    assert code == EXIT_FAILED, screen
    assert says in screen
    assert "Traceback" not in screen
    assert "482915" not in screen
    assert _state(data_dir) is SetupState.NEEDS_SETUP


def test_without_a_terminal_it_refuses_and_reads_nothing(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "p2p_kiosk", "--data-dir", str(data_dir), "pin", "set"],
        input="482915\n482915\n",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "P2P_KIOSK_PIN": "482915"},
    )
    assert result.returncode == EXIT_FAILED
    assert "terminal" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""
    assert _state(data_dir) is SetupState.NEEDS_SETUP


def test_the_pin_is_never_an_argument(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["pin", "set", "482915"], ["pin", "set", "--pin", "482915"], ["pin"]):
        with pytest.raises(SystemExit) as exit_:
            main(["--data-dir", str(data_dir), *argv])
        assert exit_.value.code == EXIT_USAGE
        assert "482915" not in capsys.readouterr().out
    assert not (data_dir / "kiosk.sqlite3").exists()
