"""Shared builders for the receipt tests: a real kiosk, its USB folder, a real office import."""

from __future__ import annotations

import contextlib
import os
import subprocess
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.clock import ManualClock
from kiosk.importer import ImportReport, import_exports
from kiosk.receipts import ReceiptBook, ReceiptsWritten
from kiosk.service import KioskService
from kiosk.signup import SignupRecord
from tests.factories import make_signup

T0 = datetime(2026, 11, 24, 15, 30, tzinfo=UTC)


class BoothKiosk:
    """A kiosk service over a real data folder, its clock, and the USB stick it exports to."""

    def __init__(self, root: Path, name: str) -> None:
        self.root = root
        self.name = name
        self.data_dir = root / name
        self.usb = root / f"{name}-usb"
        self.usb.mkdir(exist_ok=True)
        self.clock = ManualClock(T0)
        self.service = self.open()
        self._made = 0

    def open(self) -> KioskService:
        """Open (again) the kiosk's service: what a restart does."""
        return KioskService.open(self.data_dir, clock=self.clock, local_tz=UTC)

    def restart(self) -> None:
        """Close and reopen the service, as when the laptop is switched off and on."""
        self.service.close()
        self.service = self.open()

    def sign_up(
        self, count: int, *, event: str = "Campus Fair", every: timedelta = timedelta(minutes=1)
    ) -> list[SignupRecord]:
        """Store ``count`` sign-ups ``every`` apart (a minute by default), each with its email."""
        records = []
        for _ in range(count):
            n = self._made
            self._made += 1
            records.append(
                SignupRecord(
                    signup_id=uuid.uuid4(),
                    created_at=self.clock() + n * every,
                    event_name=event,
                    event_location="Boston, MA",
                    kiosk_id=self.service.store.kiosk_id,
                    signup=make_signup(
                        first_name=f"Given{self.name}{n:03d}",
                        last_name=f"Family{self.name}{n:03d}",
                        email=f"{self.name}.person{n}@example.org",
                        phone=f"+1202555{n:04d}",
                        postal_code=f"{n:05d}",
                    ),
                )
            )
        self.service.store.insert_records(records)
        return records

    def export(self, *, include_all: bool = False) -> Path:
        """Export to the USB folder; return the data file."""
        result = self.service.export(self.usb, include_all=include_all)
        assert result is not None
        self.clock.advance(1)  # a new file name for the next export
        return result.csv_path

    def close(self) -> None:
        self.service.close()


def office_import(
    files: Sequence[Path], master: Path, *, receipt_dir: Path | None = None
) -> tuple[ImportReport, ReceiptsWritten]:
    """Run the real office import with receipts, as the command line does."""
    book = ReceiptBook(receipt_dir=receipt_dir)
    report = import_exports(list(files), f"sqlite:///{master}", after_merge=book.record)
    return report, book.write()


def data_folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (databases, WAL, backups, logs), by relative path."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@contextlib.contextmanager
def unwritable_folder(folder: Path) -> Iterator[Path]:
    """Make ``folder`` refuse new files for the test, as a locked USB stick does; skip if we can't.

    An ordinary user gets a read-only mode; root ignores modes, so it gets the
    immutable attribute (``chattr +i``) where the file system has one.
    """
    undo: list[str] = []
    if os.geteuid() != 0:
        folder.chmod(0o555)
        undo.append("chmod")
    elif subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        undo.append("chattr")
    try:
        probe = folder / "probe"
        try:
            probe.write_bytes(b"")
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("cannot make a folder read-only here (no chmod or chattr effect)")
        yield folder
    finally:
        if "chmod" in undo:
            folder.chmod(0o755)
        if "chattr" in undo:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
