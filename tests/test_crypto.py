"""Encrypted exports: a lost USB stick leaks nothing; only the office key opens them."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from kiosk.clock import ManualClock
from kiosk.crypto import CryptoError, decrypt, encrypt, new_key_pair, write_identity_file
from kiosk.export import ExportResult, export_signups
from kiosk.importer import check_export, import_exports
from kiosk.store import Store
from tests.factories import make_signup

PEOPLE = [
    ("Rivka", "Ben-David", "rivka.bd@example.org"),
    ("Layla", "Haddad", "layla.haddad@example.net"),
    ("Zoë", "Éclair", "zoe@example.com"),
]


def _fill(store: Store) -> None:
    store.start_event("Campus Fair", "Boston, MA")
    for first, last, email in PEOPLE:
        store.submit(make_signup(first_name=first, last_name=last, email=email))


def _sealed_export(store: Store, usb: Path, recipient: str) -> ExportResult:
    """Export ``PEOPLE`` to ``usb``, encrypted for ``recipient``."""
    _fill(store)
    result = export_signups(store, usb, recipient=recipient)
    assert result is not None
    return result


def test_a_key_pair_has_the_age_forms() -> None:
    identity, recipient = new_key_pair()
    assert identity.startswith("AGE-SECRET-KEY-1") and recipient.startswith("age1")
    assert new_key_pair() != (identity, recipient)


def test_the_key_file_is_private_and_never_overwritten(tmp_path: Path) -> None:
    identity, recipient = new_key_pair()
    path = tmp_path / "office.key"
    write_identity_file(path, identity)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert identity in path.read_text() and recipient in path.read_text()
    with pytest.raises(CryptoError, match="never overwritten"):
        write_identity_file(path, new_key_pair()[0])
    assert identity in path.read_text()
    with pytest.raises(CryptoError, match="not an age secret key"):
        write_identity_file(tmp_path / "other.key", "hello")


def test_encrypt_and_decrypt_round_trip(office_key: tuple[Path, str]) -> None:
    key_path, recipient = office_key
    secret = "Zoë,rivka@example.org\r\n".encode() * 100
    sealed = encrypt(secret, recipient)
    assert secret not in sealed
    assert decrypt(sealed, key_path) == secret


def test_bad_keys_and_damage_are_clear_errors(office_key: tuple[Path, str], tmp_path: Path) -> None:
    key_path, recipient = office_key
    sealed = encrypt(b"x" * 200_000, recipient)
    with pytest.raises(CryptoError, match="not a valid age public key"):
        encrypt(b"x", "age1notakey")
    other = tmp_path / "other.key"
    write_identity_file(other, new_key_pair()[0])
    with pytest.raises(CryptoError, match="different key"):
        decrypt(sealed, other)
    damaged = bytearray(sealed)
    damaged[len(damaged) // 2] ^= 0x01
    with pytest.raises(CryptoError, match="damaged or incomplete"):
        decrypt(bytes(damaged), key_path)
    with pytest.raises(CryptoError, match="damaged or incomplete"):
        decrypt(sealed[: len(sealed) // 2], key_path)
    with pytest.raises(CryptoError, match="not age-encrypted"):
        decrypt(b"signup_id,created_at\r\n", key_path)
    with pytest.raises(CryptoError, match="does not exist"):
        decrypt(sealed, tmp_path / "missing.key")
    garbage = tmp_path / "garbage.key"
    garbage.write_text("AGE-SECRET-KEY-1NOPE\n")
    with pytest.raises(CryptoError, match="not an age private key file"):
        decrypt(sealed, garbage)


def test_an_encrypted_export_holds_no_names_or_emails(
    store: Store, clock: ManualClock, office_key: tuple[Path, str], usb: Path
) -> None:
    key_path, recipient = office_key
    result = _sealed_export(store, usb, recipient)

    assert result.csv_path.name.endswith(".csv.age")
    assert result.manifest_path.name == result.csv_path.name + ".manifest.json"
    on_disk = b"".join(p.read_bytes() for p in usb.iterdir())
    for first, last, email in PEOPLE:
        for value in (first, last, email, email.split("@")[0]):
            assert value.encode() not in on_disk
            assert value.encode("utf-16-le") not in on_disk
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["encrypted"] is True
    plain = decrypt(result.csv_path.read_bytes(), key_path)
    assert hashlib.sha256(plain).hexdigest() == manifest["sha256"] == result.sha256
    assert plain.startswith(b"\xef\xbb\xbfsignup_id,")
    assert store.pending_count() == 0


def test_an_encrypted_export_imports_with_the_key_only(
    store: Store, office_key: tuple[Path, str], tmp_path: Path, usb: Path
) -> None:
    key_path, recipient = office_key
    result = _sealed_export(store, usb, recipient)
    url = f"sqlite:///{tmp_path / 'master.sqlite3'}"

    no_key = check_export(result.csv_path)
    assert not no_key.ok and no_key.encrypted
    assert no_key.reason == "encrypted, but no private key given (--identity)"

    other = tmp_path / "other.key"
    write_identity_file(other, new_key_pair()[0])
    wrong = import_exports([result.csv_path], url, identity=other)
    assert not wrong.files[0].accepted and "different key" in wrong.files[0].reason
    assert wrong.signups_new == 0

    report = import_exports([result.csv_path], url, identity=key_path)
    assert report.files[0].accepted and report.signups_new == 3
    checked = check_export(result.csv_path, identity=key_path)
    assert checked.ok and checked.encrypted
    names = sorted((r.signup.first_name, r.signup.email) for r in checked.records)
    assert names == sorted((first, email) for first, _, email in PEOPLE)


def test_a_damaged_ciphertext_is_rejected_whole(
    store: Store, office_key: tuple[Path, str], tmp_path: Path, usb: Path
) -> None:
    key_path, recipient = office_key
    result = _sealed_export(store, usb, recipient)
    data = bytearray(result.csv_path.read_bytes())
    data[-20] ^= 0xFF  # one flipped bit in the last chunk: every row is refused
    result.csv_path.write_bytes(bytes(data))
    url = f"sqlite:///{tmp_path / 'master.sqlite3'}"

    report = import_exports([result.csv_path], url, identity=key_path)

    assert not report.files[0].accepted
    assert report.files[0].reason == "The encrypted file is damaged or incomplete."
    assert report.signups_new == 0


def test_a_bad_public_key_exports_nothing(store: Store, usb: Path) -> None:
    _fill(store)
    with pytest.raises(CryptoError, match="not a valid age public key"):
        export_signups(store, usb, recipient="age1-typed-wrong")
    assert list(usb.iterdir()) == []
    assert store.pending_count() == 3
