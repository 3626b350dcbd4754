"""The sign-up as it travels: typed by an attendee, validated, stored, exported.

``SignupForm`` is raw input exactly as typed. ``Signup`` is what validation
returns: values normalized once, at this boundary. ``SignupRecord`` is a
stored sign-up with its identity, time, event and kiosk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

# Defined in kiosk.wlf (the content reads it before the first screen); named here too,
# with the sign-up that holds one.
from kiosk.wlf import WlfChoice as WlfChoice

if TYPE_CHECKING:  # only named here; uuid imports platform, slow for the kiosk's first screen
    import uuid


@dataclass(frozen=True)
class SignupForm:
    """What the attendee typed and ticked, before any checking."""

    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    postal_code: str = ""
    wlf_choice: WlfChoice = WlfChoice.MEMBER
    email_group_opt_in: bool = False
    advocacy_pledge: bool = False
    contact_consent: bool = False
    locale: str = "en"


@dataclass(frozen=True)
class Signup:
    """A checked sign-up: names as typed, email trimmed, phone in E.164 or empty."""

    first_name: str
    last_name: str
    email: str
    phone: str
    postal_code: str
    wlf_choice: WlfChoice
    email_group_opt_in: bool
    advocacy_pledge: bool
    contact_consent: bool
    consent_version: str
    consent_text: str
    locale: str
    content_version: str = ""  # the content file shown (``Content.version_id``); "" if unknown


@dataclass(frozen=True)
class SignupRecord:
    """A stored sign-up: the checked values plus who, when and where."""

    signup_id: uuid.UUID
    created_at: datetime  # timezone-aware, UTC
    event_name: str
    event_location: str
    kiosk_id: str
    signup: Signup
