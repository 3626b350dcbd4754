"""Whether a kiosk is set up: read from the store, and from its file before the store opens."""

from __future__ import annotations

import shlex
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.first_start import SetupState, peek_setup_state, pin_set_command, setup_state
from kiosk.paths import DB_FILE_NAME, default_data_dir
from kiosk.pin import PIN_HASH_SETTING, hash_pin
from kiosk.service import KioskService
from tests.factories import STAFF_PIN, MakeService, make_form


@pytest.fixture
def service(make_service: MakeService) -> KioskService:
    """A kiosk service as at first start: no staff PIN, no sign-ups."""
    return make_service(set_up=False)


def _pin_set(service: KioskService) -> None:
    service.set_pin(STAFF_PIN)


def _signed_up(service: KioskService) -> None:
    service.submit(make_form())


def _damaged(service: KioskService) -> None:
    service.store.set_setting(PIN_HASH_SETTING, hash_pin(STAFF_PIN)[:-4])


KIOSKS: dict[str, tuple[list[Callable[[KioskService], None]], SetupState]] = {
    "fresh": ([], SetupState.NEEDS_SETUP),
    "pin set": ([_pin_set], SetupState.READY),
    "pin set, sign-ups": ([_pin_set, _signed_up], SetupState.READY),
    "sign-ups, no pin record": ([_signed_up], SetupState.LOCKED),
    "damaged pin record": ([_damaged], SetupState.LOCKED),
    "damaged pin record, sign-ups": ([_signed_up, _damaged], SetupState.LOCKED),
}


@pytest.mark.parametrize("kiosk", list(KIOSKS))
def test_the_store_and_a_look_at_its_file_agree(kiosk: str, service: KioskService) -> None:
    steps, expected = KIOSKS[kiosk]
    for step in steps:
        step(service)
    assert service.setup_state() is expected
    # As at the next start, before the store opens (and while this one holds it,
    # its last writes possibly still in the WAL).
    assert peek_setup_state(service.config.data_dir) is expected


def test_the_decision_in_words() -> None:
    good = hash_pin(STAFF_PIN)
    assert setup_state(None, holds_signups=False) is SetupState.NEEDS_SETUP
    assert setup_state(None, holds_signups=True) is SetupState.LOCKED
    assert setup_state(good, holds_signups=False) is SetupState.READY
    assert setup_state(good, holds_signups=True) is SetupState.READY
    assert setup_state("", holds_signups=False) is SetupState.LOCKED
    assert setup_state("scrypt$", holds_signups=True) is SetupState.LOCKED


def test_a_data_folder_without_a_store_is_fresh_and_stays_untouched(data_dir: Path) -> None:
    assert peek_setup_state(data_dir) is SetupState.NEEDS_SETUP
    assert peek_setup_state(data_dir / "not made yet") is SetupState.NEEDS_SETUP
    assert list(data_dir.iterdir()) == []


def test_a_look_at_the_file_changes_nothing_in_it(service: KioskService, data_dir: Path) -> None:
    service.set_pin(STAFF_PIN)
    service.submit(make_form())
    service.close()
    db_file = data_dir / DB_FILE_NAME
    before = db_file.read_bytes()
    assert peek_setup_state(data_dir) is SetupState.READY
    assert db_file.read_bytes() == before  # (SQLite may leave its empty WAL files beside it)


def test_an_empty_file_left_by_a_cut_short_first_start_is_fresh(data_dir: Path) -> None:
    (data_dir / DB_FILE_NAME).write_bytes(b"")
    assert peek_setup_state(data_dir) is SetupState.NEEDS_SETUP


def test_a_file_that_is_not_a_database_never_offers_setup(data_dir: Path) -> None:
    (data_dir / DB_FILE_NAME).write_bytes(b"this is not a database" * 100)
    assert peek_setup_state(data_dir) is SetupState.LOCKED


def test_a_pin_record_of_another_type_is_damage(service: KioskService, data_dir: Path) -> None:
    service.close()
    with sqlite3.connect(data_dir / DB_FILE_NAME) as db:
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            (PIN_HASH_SETTING, hash_pin(STAFF_PIN).encode()),
        )
    db.close()
    assert peek_setup_state(data_dir) is SetupState.LOCKED


def test_the_pin_set_command_names_a_data_folder_other_than_the_default(tmp_path: Path) -> None:
    assert pin_set_command(default_data_dir()) == "p2p-kiosk pin set"
    odd = tmp_path / "booth data; rm -rf ~"
    words = shlex.split(pin_set_command(odd))
    assert words == ["p2p-kiosk", "pin", "set", "--data-dir", str(odd)]
