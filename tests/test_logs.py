"""The kiosk's log rotates by size and keeps a fixed number of older files (kiosk.logs)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.logs import RotatingLog

LINE = "x" * 49  # 50 characters with the line's end


@pytest.fixture
def log(tmp_path: Path) -> Iterator[tuple[logging.Logger, Path]]:
    """A logger of its own writing to ``tmp_path/kiosk.log``: rolled over at 200 bytes, two kept."""
    path = tmp_path / "kiosk.log"
    handler = RotatingLog(path, max_bytes=200, backups=2)
    logger = logging.getLogger(f"test_logs.{tmp_path.name}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield logger, path
    finally:
        logger.removeHandler(handler)
        handler.close()


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_the_log_rolls_over_at_its_size_and_keeps_the_newest_files(
    log: tuple[logging.Logger, Path],
) -> None:
    logger, path = log
    for number in range(30):
        logger.info("%02d %s", number, LINE[3:])
    # Four 50-byte lines fill a file: the 30 lines made seven full files and a
    # current one of two lines; only the newest two full ones are kept.
    kept = [path.with_name("kiosk.log.2"), path.with_name("kiosk.log.1"), path]
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "kiosk.log",
        "kiosk.log.1",
        "kiosk.log.2",
    ]
    assert [p.stat().st_size for p in kept] == [200, 200, 100]
    # No line lost or reordered in what is kept: the last ten, oldest first.
    assert [line[:2] for p in kept for line in _lines(p)] == [f"{n:02d}" for n in range(20, 30)]


def test_a_log_that_cannot_rotate_says_so_and_goes_on_writing(
    log: tuple[logging.Logger, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    logger, path = log
    # Where the oldest kept file would go, a folder with something in it: no rename can
    # replace that, so no rollover can happen.
    (path.with_name("kiosk.log.2") / "something").mkdir(parents=True)
    path.with_name("kiosk.log.1").write_text("older\n", encoding="utf-8")
    for number in range(5):
        logger.info("%02d %s", number, LINE[3:])
    assert "Logging error" in capsys.readouterr().err
    assert [line[:2] for line in _lines(path)] == ["00", "01", "02", "03", "04"]
