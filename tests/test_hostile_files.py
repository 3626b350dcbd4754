"""Hostile files on a stick: links, devices, FIFOs, huge or deeply nested manifests, endless lines.

Each test builds the attack for real (a FIFO with ``os.mkfifo``, a link to
``/dev/zero``, a 100,000-deep manifest) beside a good export, and proves the
hostile file is rejected with a reason while the good one imports. The rule
(regular files only, no links, a size cap) is checked on every path that
reads such input: export files, manifests, encrypted exports, the private
key file and the content file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest

from kiosk.content import ContentError, load_content
from kiosk.crypto import CryptoError, read_identity_file
from kiosk.export_check import MANIFEST_MAX_BYTES, check_export, manifest_path_for
from kiosk.importer import CheckedExport, import_exports
from kiosk.paths import default_content_path
from tests.conftest import REPO_ROOT
from tests.factories import ExportingKiosk

T0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
T = TypeVar("T")
needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and links are POSIX")


def _export(root: Path, name: str, count: int = 2, *, recipient: str | None = None) -> Path:
    """A real kiosk ``name`` signs up ``count`` people and exports them to root/usb-<name>/."""
    kiosk = ExportingKiosk(root, name)
    try:
        for i in range(count):
            at = T0 + timedelta(minutes=i)
            kiosk.add(at=at, email=f"{name}{i}@example.org", first_name=f"P{i}")
        return kiosk.export(recipient=recipient)
    finally:
        kiosk.close()


def _finishes(job: Callable[[], T], folder: Path, seconds: float = 10) -> T:
    """Run ``job`` in a thread: a read stuck on a FIFO in ``folder`` fails the test (no hang)."""
    outcome: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(job())
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        _unblock_fifos(folder)
        worker.join(5)
        pytest.fail(f"reading from {folder} did not finish in {seconds} s (blocked on a FIFO?)")
    if errors:
        raise errors[0]
    return outcome[0]


def _with_peak_memory(job: Callable[[], T]) -> tuple[T, int]:
    """Run ``job``; return its result and the most Python memory it held at once, in bytes."""
    tracemalloc.start()
    try:
        result = job()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _check_within(path: Path, **options: Any) -> CheckedExport:
    return _finishes(lambda: check_export(path, **options), path.parent)


def _unblock_fifos(folder: Path) -> None:
    for candidate in folder.iterdir():
        if candidate.is_fifo():
            try:
                os.close(os.open(candidate, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return _export(tmp_path, "good")


def _imports_beside(hostile: Path, good: Path, url: str) -> str:
    """Import the hostile file and a good one; the good one merges. Return the hostile's reason."""
    report = import_exports([hostile, good], url)
    assert [f.accepted for f in report.files] == [False, True], report.summary_lines()
    assert report.signups_new == 2
    return report.files[0].reason


def _refused(hostile: Path, good: Path, url: str) -> str:
    """Check ``hostile``, which must be refused without waiting on it, and import it beside
    ``good``, which merges while the import refuses ``hostile`` for the same reason; return it."""
    checked = _check_within(hostile)
    assert not checked.ok
    assert checked.reason in _imports_beside(hostile, good, url)
    return checked.reason


# Data files that are not regular files ----------------------------------------------


@needs_posix
def test_a_fifo_named_like_an_export_is_rejected_not_waited_on(
    tmp_path: Path, good: Path, sqlite_url: str
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    fifo = stick / "signups_fifo.csv"
    os.mkfifo(fifo)
    manifest = manifest_path_for(good).read_text(encoding="utf-8")
    manifest_path_for(fifo).write_text(manifest, encoding="utf-8")
    reason = _refused(fifo, good, sqlite_url)
    assert reason == "the file is not a regular file (a device, pipe or socket)"


@needs_posix
def test_a_fifo_manifest_is_rejected_not_waited_on(tmp_path: Path, sqlite_url: str) -> None:
    hostile = _export(tmp_path, "hostile")
    good = _export(tmp_path, "good")
    manifest_path_for(hostile).unlink()
    os.mkfifo(manifest_path_for(hostile))
    reason = _refused(hostile, good, sqlite_url)
    assert reason == "the manifest is not a regular file (a device, pipe or socket)"


@needs_posix
def test_a_link_to_dev_zero_is_rejected_without_reading_it(tmp_path: Path, good: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    link = stick / "signups_zero.csv"
    link.symlink_to("/dev/zero")
    manifest_path_for(link).write_text(
        manifest_path_for(good).read_text(encoding="utf-8"), encoding="utf-8"
    )
    checked, peak = _with_peak_memory(lambda: check_export(link))
    assert not checked.ok
    assert checked.reason == "the file is a link, not a regular file"
    assert peak < 5_000_000


@needs_posix
def test_a_link_even_to_a_good_export_is_not_followed(tmp_path: Path, good: Path) -> None:
    link = tmp_path / good.name
    link.symlink_to(good)
    manifest_path_for(link).symlink_to(manifest_path_for(good))
    checked = check_export(link)
    assert not checked.ok
    assert checked.reason == "the manifest is a link, not a regular file"
    manifest_path_for(link).unlink()
    manifest_path_for(link).write_bytes(manifest_path_for(good).read_bytes())
    assert check_export(link).reason == "the file is a link, not a regular file"


@needs_posix
def test_the_command_line_imports_the_good_file_beside_a_stick_of_traps(tmp_path: Path) -> None:
    # One real run of `p2p-kiosk import` over a stick holding a FIFO, a link to
    # /dev/zero and a 100,000-deep manifest beside a good export, in a process
    # whose memory is capped: before these checks it hung on the FIFO, ran out
    # of memory on /dev/zero, or stopped with exit 70 on the manifest.
    good = _export(tmp_path, "good")
    stick = good.parent
    manifest = manifest_path_for(good).read_text(encoding="utf-8")
    fifo = stick / "signups_fifo.csv"
    os.mkfifo(fifo)
    zero = stick / "signups_zero.csv"
    zero.symlink_to("/dev/zero")
    nested = stick / "signups_nested.csv"
    nested.write_bytes(good.read_bytes())
    for path in (fifo, zero):
        manifest_path_for(path).write_text(manifest, encoding="utf-8")
    manifest_path_for(nested).write_text("[" * 100_000, encoding="utf-8")
    files = [fifo, zero, nested, good]

    def limit_memory() -> None:
        import resource  # POSIX only, like this test

        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    try:
        run = subprocess.run(
            [sys.executable, "-m", "p2p_kiosk", "--data-dir", str(tmp_path / "office"), "import"]
            + [str(f) for f in files],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=REPO_ROOT,
            preexec_fn=limit_memory,
        )
    except subprocess.TimeoutExpired:
        _unblock_fifos(stick)
        pytest.fail("the import hung")
    assert run.returncode == 1, run.stderr
    assert "Files: 1 accepted, 3 rejected" in run.stdout
    assert f"REJECTED {fifo.name}: the file is not a regular file" in run.stdout
    assert f"REJECTED {zero.name}: the file is a link, not a regular file" in run.stdout
    assert f"REJECTED {nested.name}: the manifest is larger than 64 KiB" in run.stdout
    assert f"accepted {good.name} (2 rows)" in run.stdout


# Manifests ------------------------------------------------------------------------------


def test_a_deeply_nested_manifest_within_the_size_cap_is_rejected(
    tmp_path: Path, good: Path, sqlite_url: str
) -> None:
    hostile = _export(tmp_path, "hostile")
    manifest_path_for(hostile).write_text("[" * 60_000, encoding="utf-8")
    assert len("[" * 60_000) < MANIFEST_MAX_BYTES

    checked = check_export(hostile)

    assert not checked.ok
    assert checked.reason == "the manifest is not valid JSON (nested too deeply)"
    assert "nested too deeply" in _imports_beside(hostile, good, sqlite_url)


def test_a_100000_deep_manifest_is_rejected_and_the_others_import(
    tmp_path: Path, good: Path, sqlite_url: str
) -> None:
    hostile = _export(tmp_path, "hostile")
    manifest_path_for(hostile).write_text("[" * 100_000, encoding="utf-8")
    reason = _imports_beside(hostile, good, sqlite_url)
    assert reason == "the manifest is larger than 64 KiB, more than such a file ever holds"


def test_a_huge_manifest_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    hostile = _export(tmp_path, "hostile")
    manifest = json.loads(manifest_path_for(hostile).read_text(encoding="utf-8"))
    manifest["padding"] = [{}] * 10_000_000  # 30 MB of "{}, "
    manifest_path_for(hostile).write_text(json.dumps(manifest), encoding="utf-8")
    checked, peak = _with_peak_memory(lambda: check_export(hostile))
    assert "the manifest is larger than 64 KiB" in checked.reason
    assert peak < 1_000_000


# Data files that outgrow their manifest ------------------------------------------------------


def _forge(path: Path, data: bytes, **manifest_changes: object) -> None:
    """Replace an export's bytes and give its manifest their true hash (a forger's export)."""
    import hashlib

    path.write_bytes(data)
    manifest = json.loads(manifest_path_for(path).read_text(encoding="utf-8"))
    manifest.update(sha256=hashlib.sha256(data).hexdigest(), **manifest_changes)
    manifest_path_for(path).write_text(json.dumps(manifest), encoding="utf-8")


def test_a_file_of_newlines_is_rejected_at_its_first_row_in_little_memory(
    tmp_path: Path, good: Path, sqlite_url: str
) -> None:
    hostile = _export(tmp_path, "hostile")
    header = hostile.read_bytes().split(b"\r\n")[0] + b"\r\n"
    _forge(hostile, header + b"\n" * 20_000_000, rows=20_000_000)
    checked, peak = _with_peak_memory(lambda: check_export(hostile))
    assert checked.reason == "row 1 is empty"
    assert peak < 40_000_000  # was 1.5 GiB: every empty row kept
    assert _imports_beside(hostile, good, sqlite_url) == "row 1 is empty"


def test_rows_beyond_the_manifests_count_are_not_read(tmp_path: Path) -> None:
    hostile = _export(tmp_path, "hostile", count=3)
    _forge(hostile, hostile.read_bytes(), rows=2)
    assert check_export(hostile).reason == "manifest says 2 rows, file has more"


def test_a_file_larger_than_its_rows_can_be_is_refused_unread(tmp_path: Path) -> None:
    hostile = _export(tmp_path, "hostile", count=1)
    data = hostile.read_bytes()
    _forge(hostile, data + b"x" * 2_000_000)
    checked = check_export(hostile)
    assert checked.reason == "the file is larger than 1 rows can be (its manifest's count)"


def test_an_endless_line_is_rejected_without_holding_it(tmp_path: Path) -> None:
    hostile = _export(tmp_path, "hostile", count=1)
    header = hostile.read_bytes().split(b"\r\n")[0] + b"\r\n"
    _forge(hostile, header + b"a" * 300_000, rows=100)
    assert check_export(hostile).reason == "a line is longer than any row of an export can be"


# Encrypted exports and the private key file ---------------------------------------------------


@needs_posix
def test_an_encrypted_export_gets_the_same_rules(
    tmp_path: Path, office_key: tuple[Path, str], sqlite_url: str
) -> None:
    key_path, recipient = office_key
    sealed = _export(tmp_path, "sealed", recipient=recipient)
    assert sealed.name.endswith(".csv.age")
    link = tmp_path / ("linked-" + sealed.name)
    link.symlink_to(sealed)
    manifest_path_for(link).write_bytes(manifest_path_for(sealed).read_bytes())
    fifo = tmp_path / ("fifo-" + sealed.name)
    os.mkfifo(fifo)
    manifest_path_for(fifo).write_bytes(manifest_path_for(sealed).read_bytes())

    assert check_export(link, identity=key_path).reason == "the file is a link, not a regular file"
    assert "not a regular file" in _check_within(fifo, identity=key_path).reason
    report = import_exports([link, fifo, sealed], sqlite_url, identity=key_path)
    assert [f.accepted for f in report.files] == [False, False, True]


def test_an_encrypted_export_that_outgrows_its_manifest_stops_decrypting(
    tmp_path: Path, office_key: tuple[Path, str]
) -> None:
    key_path, recipient = office_key
    from kiosk.crypto import encrypt

    sealed = _export(tmp_path, "sealed", count=1, recipient=recipient)
    header = (
        b"\xef\xbb\xbf"
        + ",".join(["signup_id", "created_at", "event_name", "event_location", "kiosk_id"]).encode()
    )
    plain = header + b"\r\n" + b"\n" * 30_000_000
    sealed.write_bytes(encrypt(plain, recipient))
    checked, peak = _with_peak_memory(lambda: check_export(sealed, identity=key_path))
    assert not checked.ok and checked.encrypted
    assert peak < 20_000_000  # the plaintext is never held whole


@needs_posix
@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "folder", "huge"])
def test_a_private_key_path_that_is_no_key_file_is_one_clear_error(
    kind: str, tmp_path: Path
) -> None:
    path = tmp_path / "office.key"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(b"# comment\n" * 100_000)
    expected = {
        "fifo": "is not a regular file",
        "link to /dev/zero": "is a link, not a regular file",
        "folder": "is a folder",
        "huge": "is larger than 64 KiB",
    }[kind]

    def read() -> str:
        with pytest.raises(CryptoError) as failure:
            read_identity_file(path)
        return str(failure.value)

    assert expected in _finishes(read, tmp_path)


@needs_posix
@pytest.mark.parametrize("kind", ["fifo", "link"])
def test_a_content_file_that_is_not_a_regular_file_is_refused(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "content.toml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(default_content_path())

    def load() -> str:
        with pytest.raises(ContentError) as failure:
            load_content(path)
        return str(failure.value)

    expected = "not a regular file" if kind == "fifo" else "is a link"
    assert expected in _finishes(load, tmp_path)


# A file changed between its check and its merge -------------------------------------------------


def test_a_file_changed_after_its_check_is_rejected_at_the_merge(
    tmp_path: Path, sqlite_url: str
) -> None:
    from kiosk.importer import merge_exports

    first, second = _export(tmp_path, "first"), _export(tmp_path, "second")
    checked = [check_export(p, keep_cells=False) for p in (first, second)]
    assert all(c.ok and c.cells is None for c in checked)
    data = first.read_bytes()
    first.write_bytes(data.replace(b"P1", b"Q1"))  # swapped on the stick after the check

    report = merge_exports(checked, sqlite_url)

    assert [f.accepted for f in report.files] == [False, True]
    assert report.files[0].reason.startswith("the file changed after it was checked")
    assert report.signups_new == 2
