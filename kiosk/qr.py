"""QR codes for the content's links: the one encoding the screens draw and ``content check`` proves.

A link leaves the kiosk as a QR code for an attendee's phone. The screens
draw a code at least 200 px square; up to version 10 (57 modules and the
quiet zone) that is 3 px or more a module, which a phone camera reads from
arm's length. The content loader's length limit keeps every link within it.
"""

from __future__ import annotations

import qrcode
from qrcode.exceptions import DataOverflowError

QUIET_ZONE = 2  # modules of white border; the card around the code adds more
MAX_QR_VERSION = 10
"""The largest QR code the screens draw readably (57 x 57 modules)."""


def _code(data: str, border: int = QUIET_ZONE) -> qrcode.QRCode:
    code = qrcode.QRCode(border=border, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    return code


def qr_matrix(data: str, *, border: int = QUIET_ZONE) -> list[list[bool]]:
    """Return the QR module matrix for ``data`` (True = dark), quiet zone included.

    Raises ``ValueError`` when no QR code holds ``data``.
    """
    code = _code(data, border)
    try:
        code.make(fit=True)
    except DataOverflowError:  # qrcode raises this or ValueError, depending on the size
        raise ValueError("no QR code holds this much data") from None
    return [list(row) for row in code.get_matrix()]


def qr_version(data: str) -> int | None:
    """Return the QR version (1-40) ``data`` needs, or None when no QR code holds it."""
    try:
        return int(_code(data).best_fit())
    except (ValueError, DataOverflowError):
        return None


def link_qr_problem(link: str) -> str | None:
    """Say why ``link`` cannot be shown as a QR code a phone reads from the kiosk, or None."""
    version = qr_version(link)
    if version is None:
        return "is too long for any QR code"
    if version > MAX_QR_VERSION:
        return (
            f"needs a version {version} QR code, too dense for a phone to read from the "
            f"kiosk (at most version {MAX_QR_VERSION}); use a shorter address"
        )
    return None
