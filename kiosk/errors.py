"""Exception classes raised by the core and translated once, at the edge (CLI or screen).

Messages are written for the person who will read them and never contain
personal data (names, emails, phone numbers).
"""


class KioskError(Exception):
    """Base class of every error the core raises on purpose."""


class StoreError(KioskError):
    """The local database could not be opened, migrated or written."""


class SubmitFailed(StoreError):
    """A sign-up could not be written durably; the caller keeps the form and may retry."""
