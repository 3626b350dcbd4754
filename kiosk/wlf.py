"""The answers to the Women's Leadership Forum invitation: content offers them, a sign-up holds one.

Apart from ``kiosk.signup`` (which names it for everything else) so that
reading the content, before the kiosk's first screen, does not also build the
sign-up's dataclasses, which only a sign-up needs.
"""

from __future__ import annotations

from enum import StrEnum


class WlfChoice(StrEnum):
    """The attendee's answer to the Women's Leadership Forum invitation."""

    MEMBER = "member"
    UPDATES = "updates"
    EXISTING_MEMBER = "existing_member"
    NONE = "none"
