"""One export file's bytes as a stream: capped, hashed, decrypted if need be, as text lines.

The lowest layer of the office's check (``kiosk.export_check``): whatever a
stick holds, memory stays a piece of the file and at most one row's worth of
a line. The bytes are hashed as they pass (the manifest's SHA-256 is over
them, after decryption), held to a ceiling the caller derives from the
manifest's row count, decoded as UTF-8 and split into lines as
``open(..., newline="")`` splits them. Any problem raises ``Rejected`` with a
reason fit to show (never the file's content).
"""

from __future__ import annotations

import codecs
import hashlib
import io
import itertools
from collections.abc import Generator, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from kiosk.crypto import CryptoError, decrypt_chunks
from kiosk.validation import STORED_COLUMNS

CHUNK_BYTES = 1 << 20
"""How much of a file is read (or decrypted) at a time."""
MAX_ROW_BYTES = sum(4 * rule.max_length + 3 for rule in STORED_COLUMNS.values()) + 200
"""The most bytes a row can take: every free-text column at its longest, each
character 4 bytes of UTF-8 (or a doubled quote), quoted, with an apostrophe;
the fixed columns (id, time, choice, flags) and the separators. A file may be
at most this times its manifest's rows, plus a header."""
MAX_HEADER_BYTES = 4096


class Rejected(Exception):
    """A reason to reject a file; ``kiosk.export_check`` turns it into the file's verdict."""


def too_large(rows: int) -> str:
    """The reason for a file larger than ``rows`` rows can be."""
    return f"the file is larger than {rows} rows can be (its manifest's count)"


def plain(source: BinaryIO) -> Generator[bytes]:
    """The bytes of the open file ``source``, a piece at a time."""
    try:
        yield from iter(partial(source.read, CHUNK_BYTES), b"")
    except OSError as exc:
        raise Rejected(f"the file cannot be read ({exc.strerror})") from None


def decrypted(source: BinaryIO, identity: Path) -> Generator[bytes]:
    """The plaintext of the open age file ``source``, a piece at a time, each authenticated."""
    try:
        yield from decrypt_chunks(source, identity, CHUNK_BYTES)
    except CryptoError as exc:
        raise Rejected(str(exc)) from None


class HashedBytes:
    """The data file's bytes (decrypted if need be), hashed as they pass and held to a ceiling.

    Iterate it once for the pieces; ``finish`` hashes what is left.
    ``close`` stops the source (and a decrypting thread) early.
    """

    def __init__(self, pieces: Generator[bytes], ceiling: int, rows: int) -> None:
        self._pieces = pieces
        self._ceiling = ceiling
        self._rows = rows
        self._digest = hashlib.sha256()
        self.size = 0
        self.complete = False  # every byte was read and hashed
        self._iter = self._run()

    def _run(self) -> Generator[bytes]:
        for piece in self._pieces:
            self.size += len(piece)
            if self.size > self._ceiling:
                raise Rejected(too_large(self._rows))
            self._digest.update(piece)
            yield piece
        self.complete = True

    def __iter__(self) -> Iterator[bytes]:
        return self._iter

    def finish(self, limit: int) -> bool:
        """Hash what is left if it is at most ``limit`` bytes; True if the whole file is hashed."""
        stop = self.size + limit
        try:
            for _ in self._iter:
                if self.size > stop:
                    return False
        except (Rejected, OSError):
            return False
        return self.complete

    def hexdigest(self) -> str:
        """The SHA-256 of the bytes read so far."""
        return self._digest.hexdigest()

    def close(self) -> None:
        """Stop reading (the generators end; a decrypting thread stops)."""
        self._iter.close()
        self._pieces.close()  # stops a decrypting thread


def text_lines(pieces: Iterable[bytes]) -> Iterator[str]:
    """The text lines of the UTF-8 bytes ``pieces`` (a byte-order mark dropped), for csv.

    Lines split as ``open(..., newline="")`` splits them, so quoted line
    breaks reach the CSV reader intact. A line may not outgrow the longest
    row: memory holds a piece and at most one row's worth of line.
    """
    return itertools.chain.from_iterable(_text_blocks(pieces))


def _text_blocks(pieces: Iterable[bytes]) -> Iterator[io.StringIO]:
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    carry = ""
    try:
        for piece in pieces:
            text = decoder.decode(piece)
            if "\x00" in text:
                raise Rejected("the file contains a NUL character")
            cut = text.rfind("\n") + 1
            if cut:
                block, carry = carry + text[:cut], text[cut:]
                yield io.StringIO(block, newline="")
            else:
                carry += text
            if len(carry) > MAX_ROW_BYTES:
                raise Rejected("a line is longer than any row of an export can be")
        carry += decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise Rejected("not UTF-8 text") from None
    if carry:
        yield io.StringIO(carry, newline="")
