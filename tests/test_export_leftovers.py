"""What an export leaves on the USB stick: never a forgotten plaintext copy.

``kill -9`` during a large export left a hidden ``.p2p-export-*.tmp`` full of
names and emails that nothing removed. Every export now removes such leftovers
first and says so; an encrypted export never writes plaintext to the stick.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.crm import write_crm_file
from kiosk.crypto import new_key_pair
from kiosk.export import export_signups
from kiosk.store import Store
from p2p_kiosk.cli import main
from tests.factories import fill_store, make_signup

REPO_ROOT = Path(__file__).resolve().parent.parent
ROWS = 20_000
START = datetime(2026, 11, 24, 9, tzinfo=UTC)

# Exports every sign-up; the parent kills it once the hidden temporary file has rows in it.
EXPORT_CHILD = """
import sys
from pathlib import Path
from kiosk.store import Store
from kiosk.export import export_signups

store = Store.open(Path(sys.argv[1]))
print("ready", flush=True)
export_signups(store, Path(sys.argv[2]), include_all=True)
print("done", flush=True)
"""


def _temps(stick: Path) -> list[Path]:
    return sorted(stick.glob(".p2p-export-*.tmp"))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:  # renamed into place between the listing and the read
        return b""


def _kill_export_midway(data_dir: Path, stick: Path) -> None:
    """Start an export in a child process and SIGKILL it while its temporary file fills."""
    child = subprocess.Popen(
        [sys.executable, "-c", EXPORT_CHILD, str(data_dir), str(stick)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        # Rows, not only the header: a loaded machine can stop the child between the two.
        while not any(b"@example.org" in _read(p) for p in _temps(stick)):
            assert time.monotonic() < deadline, "the export never started writing"
            time.sleep(0.002)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()


@pytest.mark.skipif(os.name != "posix", reason="kills the export with SIGKILL")
def test_the_plaintext_a_killed_export_left_is_removed_by_the_next_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, stick = tmp_path / "kiosk", tmp_path / "stick"
    stick.mkdir()
    fill_store(data_dir, ROWS, START, first_name="Secret", email="secret")
    _kill_export_midway(data_dir, stick)
    left = _temps(stick)
    assert any(b"secret0@example.org" in p.read_bytes() for p in left)  # the leak, as reported

    assert main(["--data-dir", str(data_dir), "export", "--out", str(stick)]) == 0
    out = capsys.readouterr().out
    assert f"Removed {len(left)} unfinished export file" in out
    assert _temps(stick) == []
    [csv_file] = stick.glob("*.csv")
    assert sorted(p.name for p in stick.iterdir()) == sorted(
        [csv_file.name, csv_file.name + ".manifest.json"]
    )
    log_text = (data_dir / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert f"removed {len(left)} unfinished export file" in log_text


def test_every_export_removes_leftovers_even_with_nothing_new_to_export(
    store: Store, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    for name in (".p2p-export-a1b2c3.tmp", ".p2p-export-zz.tmp"):
        (stick / name).write_text("Dana,Levi,dana.levi@example.org\r\n", encoding="utf-8")
    assert export_signups(store, stick) is None
    assert _temps(stick) == []


def test_only_the_exports_own_leftovers_are_removed(store: Store, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("someone else's file", encoding="utf-8")
    kept = {
        "notes.tmp": "a volunteer's file",
        ".p2p-export-.tmp.keep": "not ours",
        "p2p-export-1.tmp": "not hidden, not ours",
        ".p2p-export-.tmp": "no random part: never a name mkstemp gives",
    }
    for name, text in kept.items():
        (stick / name).write_text(text, encoding="utf-8")
    (stick / ".p2p-export-folder.tmp").mkdir()
    (stick / ".p2p-export-folder.tmp" / "inside").write_text("x", encoding="utf-8")
    if os.name == "posix":
        (stick / ".p2p-export-link.tmp").symlink_to(outside)
    store.submit(make_signup())
    result = export_signups(store, stick)
    assert result is not None and result.stale_files_removed == 0
    for name, text in kept.items():
        assert (stick / name).read_text(encoding="utf-8") == text
    assert (stick / ".p2p-export-folder.tmp" / "inside").exists()
    assert outside.read_text(encoding="utf-8") == "someone else's file"


def test_a_crm_file_write_removes_the_leftover_of_a_killed_one(tmp_path: Path) -> None:
    office = tmp_path / "office"
    office.mkdir()
    # What a CRM write killed before its rename leaves beside the file it was making.
    leftover = office / ".contacts.csv.k3j4h5g6.tmp"
    leftover.write_text("email\r\ndana.levi@example.org\r\n", encoding="utf-8")
    other = office / ".other.csv.k3j4h5g6.tmp"
    other.write_text("another file's leftover is not this write's to judge", encoding="utf-8")
    write_crm_file(f"sqlite:///{office / 'master.sqlite3'}", office / "contacts.csv")
    assert not leftover.exists() and other.exists()
    assert (office / "contacts.csv").exists()


# An encrypted export, watched through Python's audit hooks: every file opened,
# renamed or removed under the stick is read at that moment and at the end, so
# a plaintext copy there at any step (a temporary file, a renamed one, a
# removed one) would be seen.
WATCHED_CHILD = """
import json
import sys
from pathlib import Path

from kiosk.export import export_signups
from kiosk.store import Store

stick = Path(sys.argv[2]).resolve()
seen = {}
reading = []  # the snapshot's own open() is audited too


def snapshot(path):
    path = Path(path).resolve()
    if reading or path.parent != stick or not path.is_file():
        return
    reading.append(path)
    try:
        seen.setdefault(path.name, []).append(path.read_bytes().hex())
    finally:
        reading.pop()


def watch(event, args):
    if event == "open" and args[0] is not None and not isinstance(args[0], int):
        snapshot(args[0])
    elif event in ("os.rename", "os.remove"):
        snapshot(args[0])


store = Store.open(Path(sys.argv[1]))
sys.addaudithook(watch)
result = export_signups(store, stick, recipient=sys.argv[3])
for path in stick.iterdir():
    snapshot(path)
print(json.dumps({"file": result.csv_path.name, "seen": seen}))
"""


def test_an_encrypted_export_never_puts_plaintext_on_the_stick(tmp_path: Path) -> None:
    data_dir, stick = tmp_path / "kiosk", tmp_path / "stick"
    stick.mkdir()
    fill_store(data_dir, 3000, START, first_name="Secret", email="secret")
    _identity, recipient = new_key_pair()
    child = subprocess.run(
        [sys.executable, "-c", WATCHED_CHILD, str(data_dir), str(stick), recipient],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        timeout=120,
    )
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout)
    assert report["file"].endswith(".csv.age")
    versions = [bytes.fromhex(v) for vs in report["seen"].values() for v in vs]
    # The temporary files were seen (empty when made, ciphertext when renamed) ...
    assert any(name.startswith(".p2p-export-") for name in report["seen"])
    assert any(v.startswith(b"age-encryption.org/v1\n") for v in versions)
    # ... and no version of any file on the stick ever held a name or an email.
    for version in versions:
        assert b"Secret" not in version and b"@example.org" not in version


# The same export under strace: every write system call, by any thread, with
# the path of the file it went to and every byte it wrote.
TRACED_CHILD = """
import sys
from pathlib import Path

from kiosk.export import export_signups
from kiosk.store import Store

store = Store.open(Path(sys.argv[1]))
export_signups(store, Path(sys.argv[2]), recipient=sys.argv[3])
"""
_TRACED_WRITE = re.compile(
    r"^\d+ +(?:write|pwrite64|writev|pwritev2?)\(\d+<((?:\\x[0-9a-f]{2})*)>(.*)$"
)
_HEX_STRING = re.compile(r'"((?:\\x[0-9a-f]{2})*)"')


def _unhex(text: str) -> bytes:
    return bytes.fromhex(text.replace("\\x", ""))


def _strace_problem() -> str | None:
    """Return why strace cannot watch a child here, or None when it can."""
    if shutil.which("strace") is None:
        return "strace is not installed (.ci/run installs it)"
    probe = subprocess.run(
        ["strace", "-f", "-o", os.devnull, sys.executable, "-c", "pass"],
        capture_output=True,
        text=True,
    )
    return None if probe.returncode == 0 else f"strace cannot trace here: {probe.stderr.strip()}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="strace is Linux's")
def test_no_byte_an_encrypted_export_writes_to_the_stick_is_plaintext(tmp_path: Path) -> None:
    problem = _strace_problem()
    if problem is not None:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"} and "not installed" in problem:
            pytest.fail(problem)
        pytest.skip(problem)
    data_dir, stick = tmp_path / "kiosk", tmp_path / "stick"
    stick.mkdir()
    fill_store(data_dir, 3000, START, first_name="Secret", email="secret")
    _identity, recipient = new_key_pair()
    log = tmp_path / "strace.log"
    command = [sys.executable, "-c", TRACED_CHILD, str(data_dir), str(stick), recipient]
    traced = subprocess.run(
        ["strace", "-f", "-y", "-xx", "-s", "100000000", "-o", str(log)]
        + ["-e", "trace=write,pwrite64,writev,pwritev,pwritev2", *command],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        timeout=300,
    )
    assert traced.returncode == 0, traced.stderr[-2000:]
    to_stick = b""
    for line in log.read_text(encoding="ascii").splitlines():
        match = _TRACED_WRITE.match(line)
        if match and Path(os.fsdecode(_unhex(match[1]))).parent == stick.resolve():
            to_stick += b"".join(_unhex(data) for data in _HEX_STRING.findall(match[2]))
    assert b"age-encryption.org/v1\n" in to_stick  # the ciphertext was seen going out
    assert b"Secret" not in to_stick and b"@example.org" not in to_stick
