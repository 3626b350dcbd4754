"""Age encryption of exports, so a lost USB stick leaks nothing (issue 5).

The organization makes one key pair at the office (``new_key_pair``); the
public key ("age1...") goes into each kiosk's config and the secret key stays
in a file at the office. Everything here is ``pyrage`` (the rage
implementation of age): no home-made cryptography. Errors never quote keys.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pyrage
from pyrage import x25519

from kiosk.errors import KioskError

AGE_HEADER = b"age-encryption.org/v1\n"
"""How every age file begins; the importer recognizes encrypted exports by it."""


class CryptoError(KioskError):
    """A key is malformed or missing, or a file cannot be decrypted."""


def new_key_pair() -> tuple[str, str]:
    """Return a fresh ``(identity, recipient)``: the secret "AGE-SECRET-KEY-1..." and "age1..."."""
    identity = x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def check_recipient(recipient: str) -> x25519.Recipient:
    """Parse an age public key, raising ``CryptoError`` if it is not one."""
    try:
        return x25519.Recipient.from_str(recipient.strip())
    except (pyrage.RecipientError, ValueError, TypeError):
        raise CryptoError(
            "The export public key is not a valid age public key (it should start with age1)."
        ) from None


def short_key(recipient: str) -> str:
    """Return a public key shortened for a person to compare by eye: "age1z33f…rqum4704"."""
    return f"{recipient[:8]}\u2026{recipient[-8:]}"


def write_identity_file(path: Path, identity: str) -> None:
    """Write the secret key to ``path`` readable by its owner only; never overwrite a key file."""
    try:
        parsed = x25519.Identity.from_str(identity.strip())
    except (pyrage.IdentityError, ValueError, TypeError):
        raise CryptoError("That is not an age secret key (AGE-SECRET-KEY-1...).") from None
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = f"# created: {created}\n# public key: {parsed.to_public()}\n{identity.strip()}\n"
    try:
        # O_EXCL: losing an existing key would make every export made for it unreadable.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CryptoError(f"{path} already exists; a key file is never overwritten.") from None
    except OSError as exc:
        raise CryptoError(f"{path} cannot be written ({exc.strerror}).") from None
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(path, 0o600)  # in case a umask or the platform ignored the mode
    except OSError as exc:
        raise CryptoError(f"{path} cannot be written ({exc.strerror}).") from None


def read_identity_file(path: Path) -> list[x25519.Identity]:
    """Read the secret key(s) from an age identity file (comments and blank lines skipped)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CryptoError(f"The private key file {path} does not exist.") from None
    except UnicodeDecodeError:
        raise CryptoError(f"{path} is not an age private key file.") from None
    except OSError as exc:
        raise CryptoError(f"The private key file {path} cannot be read ({exc.strerror}).") from None
    identities = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            identities.append(x25519.Identity.from_str(line))
        except (pyrage.IdentityError, ValueError, TypeError):
            raise CryptoError(f"{path} is not an age private key file.") from None
    if not identities:
        raise CryptoError(f"{path} holds no age private key.")
    return identities


def encrypt(data: bytes, recipient: str) -> bytes:
    """Encrypt ``data`` to one age public key."""
    parsed = check_recipient(recipient)
    try:
        return bytes(pyrage.encrypt(data, [parsed]))
    except pyrage.EncryptError:
        raise CryptoError("The export could not be encrypted.") from None


def decrypt(data: bytes, identity_path: Path) -> bytes:
    """Decrypt an age file with the secret key in ``identity_path``.

    The whole file is authenticated: a wrong key or any damaged byte raises
    ``CryptoError`` and returns nothing of the plaintext.
    """
    identities = read_identity_file(identity_path)
    if not data.startswith(AGE_HEADER):
        raise CryptoError("The file is not age-encrypted (or its header is damaged).")
    try:
        return bytes(pyrage.decrypt(data, identities))
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise CryptoError(
                "The file was encrypted for a different key; this private key cannot open it."
            ) from None
        raise CryptoError("The encrypted file is damaged or incomplete.") from None
