"""Text made safe to print to a terminal: no control sequences from file names or values.

A file named ``"x\\r\\x1b[K  accepted good.csv"`` on a stick would otherwise
move the cursor and erase the line the import summary just printed
("REJECTED x: ...") and show its own words instead. Every control character
(C0, DEL, C1, where ESC and CSI start terminal sequences) and every
invisible character that reorders or splits text (bidirectional overrides
and isolates, line and paragraph separators) is shown as an escape, so what
the terminal shows is what the text holds.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # control characters, ESC and the 8-bit CSI among them
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # marks, embeddings, overrides, isolates
    "\u2028\u2029]"  # line and paragraph separators
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """Return ``text`` with every character that could steer a terminal shown as an escape."""
    return _UNSAFE.sub(_escape, text)
