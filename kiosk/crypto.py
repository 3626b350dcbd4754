"""Age encryption of exports, so a lost USB stick leaks nothing (issue 5).

The organization makes one key pair at the office (``new_key_pair``); the
public key ("age1...") goes into each kiosk's config and the secret key stays
in a file at the office. Everything here is ``pyrage`` (the rage
implementation of age): no home-made cryptography. Errors never quote keys.
"""

from __future__ import annotations

import io
import os
import queue
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import pyrage
from pyrage import x25519

from kiosk.errors import KioskError
from kiosk.regular_files import NotRegularFile, read_regular

AGE_HEADER = b"age-encryption.org/v1\n"
"""How every age file begins; the importer recognizes encrypted exports by it."""

IDENTITY_MAX_BYTES = 64 * 1024
"""A key file holds a few lines; anything larger is not one (and is not read whole)."""


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
        text = read_regular(Path(path), IDENTITY_MAX_BYTES).decode("utf-8")
    except NotRegularFile as exc:
        raise CryptoError(f"The private key file {path} {exc.reason}.") from None
    except UnicodeDecodeError:
        raise CryptoError(f"{path} is not an age private key file.") from None
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
    """Decrypt a whole age file held in memory with the secret key in ``identity_path``.

    The whole file is authenticated: a wrong key or any damaged byte raises
    ``CryptoError`` and returns nothing of the plaintext.
    """
    return b"".join(decrypt_chunks(io.BytesIO(data), identity_path, 1 << 20))


def decrypt_chunks(source: BinaryIO, identity_path: Path, chunk_size: int) -> Iterator[bytes]:
    """Decrypt the age file ``source`` with the key in ``identity_path``, as a stream.

    Yields the plaintext in pieces of about ``chunk_size`` bytes, each one
    authenticated before it is yielded; a wrong key or a damaged or cut file
    raises ``CryptoError`` (at the start, or where the damage is). Memory
    stays a few pieces whatever the file's size. Stopping early stops the
    decryption too.
    """
    identities = read_identity_file(identity_path)
    if source.read(len(AGE_HEADER)) != AGE_HEADER:
        raise CryptoError("The file is not age-encrypted (or its header is damaged).")
    source.seek(0)
    pipe = _PlaintextPipe(chunk_size)
    # pyrage pushes the plaintext into a writer; a thread turns that into
    # pieces this generator pulls, through a short queue (so a few in memory).
    worker = threading.Thread(
        target=pipe.decrypt, args=(source, identities), name="age-decrypt", daemon=True
    )
    worker.start()
    try:
        yield from pipe.pieces()
    finally:
        pipe.cancel()
        worker.join()


class _Cancelled(Exception):
    """The reader stopped early: the decrypting thread gives up."""


class _PlaintextPipe:
    """A writer for ``pyrage.decrypt_io`` (in a thread) read as pieces by the other side."""

    def __init__(self, chunk_size: int) -> None:
        self._chunk_size = chunk_size
        self._buffer = bytearray()
        self._queue: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=4)
        self._cancelled = threading.Event()

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= self._chunk_size:
            self._put(bytes(self._buffer))
            self._buffer.clear()
        return len(data)

    def flush(self) -> None:
        """Nothing to do: pieces are handed over by ``write``."""

    def _put(self, item: bytes | BaseException | None) -> None:
        while not self._cancelled.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue
        raise _Cancelled

    def decrypt(self, source: BinaryIO, identities: list[x25519.Identity]) -> None:
        try:
            pyrage.decrypt_io(source, self, identities)
            if self._buffer:
                self._put(bytes(self._buffer))
            self._put(None)
        except _Cancelled:
            return
        except Exception as exc:  # handed to the reading side, which raises it
            if not self._cancelled.is_set():
                try:
                    self._put(exc)
                except _Cancelled:
                    return

    def pieces(self) -> Iterator[bytes]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, OSError) and item.errno is not None:
                raise CryptoError(f"The encrypted file cannot be read ({item.strerror}).")
            if isinstance(item, BaseException):
                # A DecryptError (header), or an OSError without errno: rage's
                # "decryption error" for a damaged or cut piece further on.
                raise _decrypt_error(item)
            yield item

    def cancel(self) -> None:
        self._cancelled.set()
        while True:  # free a writer blocked on a full queue
            try:
                self._queue.get_nowait()
            except queue.Empty:
                return


def _decrypt_error(exc: BaseException) -> CryptoError:
    if "no matching keys" in str(exc).lower():
        return CryptoError(
            "The file was encrypted for a different key; this private key cannot open it."
        )
    return CryptoError("The encrypted file is damaged or incomplete.")
