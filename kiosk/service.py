"""The one object the kiosk screens call: content, languages, sign-ups, events, export, PIN.

Screens never open database sessions or read files themselves; the main
window hands each screen this service. Everything here works without Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import pin as pins
from kiosk.clock import Clock, utc_now
from kiosk.config import ConfigError, ContentSource, KioskConfig, load_config
from kiosk.content import Content, Language, LanguageUnavailable, load_content, shown_code
from kiosk.display import Display, Theme
from kiosk.errors import StoreError
from kiosk.first_start import SetupState, peek_setting, peek_setup_state, setup_state
from kiosk.languages import (
    LANGUAGES_SETTING,
    LanguageChoice,
    choose_languages,
    configured_languages,
    stored_languages,
)
from kiosk.settings import IDLE_TIMEOUT, TEXT_SIZE, THEME

# The store (SQLAlchemy, Alembic), validation (phonenumbers), export and the sign-up's
# own types are imported when first used: the kiosk shows its attract screen, which
# needs only the content, before paying for them.
if TYPE_CHECKING:
    from kiosk.content_install import ContentCandidate
    from kiosk.erasure import ReceiptsApplied
    from kiosk.export import ExportResult
    from kiosk.signup import Signup, SignupForm, SignupRecord
    from kiosk.store import EventCount, EventInfo, ExportInfo, Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PinCheck:
    """The answer to a PIN try: whether it opened, and how long to wait before the next."""

    ok: bool
    retry_after_s: float


class KioskService:
    """Everything the kiosk screens need, over one store, one content file and one clock."""

    def __init__(
        self,
        store: Store | None,
        config: KioskConfig,
        content: Content,
        *,
        clock: Clock = utc_now,
        local_tz: tzinfo | None = None,
    ) -> None:
        self._store = store
        self._closed = False
        self.config = config
        self._content = content
        self._languages: LanguageChoice | None = None  # read from the store when first asked
        self._language: str | None = None  # the current attendee's choice; None: the default
        self._default_display: Display | None = None  # read from the store when first asked
        self._display: Display | None = None  # the current attendee's choice; None: the default
        self.clock = clock
        # None means the machine's own zone; tests pass a fixed one.
        self._local_tz = local_tz

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        content_path: Path | None = None,
        clock: Clock = utc_now,
        local_tz: tzinfo | None = None,
        defer_store: bool = False,
    ) -> KioskService:
        """Load the config and content, and open (and migrate) the store in ``data_dir``.

        With ``defer_store`` the store opens on first use instead (``open_store``),
        so the kiosk can show its attract screen first.
        """
        config = load_config(data_dir, content_path=content_path)
        content = load_content(config.content_path)
        configured_languages(config, content)  # a bad languages setting stops here, named
        service = cls(None, config, content, clock=clock, local_tz=local_tz)
        if not defer_store:
            service.open_store()
        return service

    def open_store(self) -> Store:
        """Open (and migrate) the store if not yet open; raises ``StoreError`` if it cannot."""
        if self._store is None:
            from kiosk.store import Store

            if self._closed:
                raise StoreError("The kiosk store was closed.")
            self._store = Store.open(self.config.data_dir, clock=self.clock)
            self._erase_due_at_open()
        return self._store

    def _erase_due_at_open(self) -> None:
        """Erase what became due while the kiosk was off; a failure must not stop the kiosk."""
        try:
            self.erase_due()
        except StoreError as exc:
            log.error("erasing confirmed sign-ups at start failed: %s", exc)

    @property
    def store(self) -> Store:
        """The kiosk's sign-up store, opened on first use."""
        return self.open_store()

    def close(self) -> None:
        """Release the store, if it was opened."""
        self._closed = True
        if self._store is not None:
            self._store.close()
            self._store = None

    # Content and languages -------------------------------------------------------

    @property
    def content(self) -> Content:
        """What the current attendee reads: the content in their language."""
        return self._content.in_language(self.language)

    @content.setter
    def content(self, content: Content) -> None:
        """Use another content (its own language first), for every attendee from now on."""
        self._content = content
        self._languages = None
        self._language = None

    @property
    def content_languages(self) -> tuple[Language, ...]:
        """Every language of the content file, complete or not, its own first."""
        return self._content.languages

    @property
    def languages(self) -> tuple[Language, ...]:
        """The languages attendees may choose, in the content's order."""
        return self._language_choice().offered

    @property
    def default_language(self) -> str:
        """The code of the language every attendee starts in."""
        return self._language_choice().default

    @property
    def language(self) -> str:
        """The code of the current attendee's language (the default until they choose)."""
        choice = self._language_choice()
        if self._language is not None and self._language in choice.codes:
            return self._language
        return choice.default

    def set_language(self, code: str) -> None:
        """Show everything in ``code`` to the current attendee; it must be offered."""
        if code not in self._language_choice().codes:
            raise LanguageUnavailable(f"This kiosk does not offer the language {shown_code(code)}.")
        self._language = code

    def reset_language(self) -> None:
        """Go back to the default language: the next attendee starts there."""
        self._language = None

    def set_languages(self, codes: Sequence[str], default: str) -> None:
        """Choose which languages this kiosk offers and its default (a staff setting).

        Only languages whose content is complete; ``ConfigError`` says what is
        wrong. Kept in the store, it wins over ``config.toml`` from now on.
        """
        choice = choose_languages(self._content, codes, default)
        self.store.set_setting(LANGUAGES_SETTING, choice.to_setting())
        self._languages = choice

    def _language_choice(self) -> LanguageChoice:
        if self._languages is None:
            configured = configured_languages(self.config, self._content)
            self._languages = stored_languages(
                self._content, self._booth_setting(LANGUAGES_SETTING), configured
            )
        return self._languages

    # How the attendee screens look -----------------------------------------------

    @property
    def display(self) -> Display:
        """The current attendee's text size and theme (the kiosk's default until they choose)."""
        return self._display if self._display is not None else self.default_display

    def set_display(self, display: Display) -> None:
        """Show the screens to the current attendee with ``display``, until they leave."""
        self._display = display

    def reset_display(self) -> None:
        """Go back to the kiosk's default display: the next attendee starts there."""
        self._display = None

    @property
    def default_display(self) -> Display:
        """The text size and theme every attendee starts with (a staff setting, or config.toml)."""
        if self._default_display is None:
            size = TEXT_SIZE.read(self._booth_setting(TEXT_SIZE.key), self.config.text_size)
            theme = THEME.read(self._booth_setting(THEME.key), self.config.theme)
            self._default_display = Display(
                text_size=size or self.config.text_size, theme=Theme(theme or self.config.theme)
            )
        return self._default_display

    def set_default_display(self, display: Display) -> None:
        """Make ``display`` what every attendee starts with (a staff setting kept in the store)."""
        self.store.set_setting(TEXT_SIZE.key, str(display.text_size))
        self.store.set_setting(THEME.key, display.theme.value)
        self._default_display = display

    def _booth_setting(self, key: str) -> str | None:
        """A setting volunteers keep in the store, read before the store opens if need be."""
        # The attract screen shows first, in the default display, before the store
        # has opened: read its file rather than open it early.
        if self._store is None:
            return peek_setting(self.config.data_dir, key)
        return self._store.get_setting(key)

    # The content file: installed from a USB stick, or back to the bundled one ---------

    @property
    def own_content(self) -> Content:
        """The content in its own language, whatever the current attendee chose."""
        return self._content

    @property
    def content_source(self) -> ContentSource:
        """Where the content shown now was named (``--content``, installed, config, bundled)."""
        return self.config.content_source

    def check_content_file(self, path: Path) -> ContentCandidate:
        """Check a content file for this kiosk; ``ContentError`` lists every problem."""
        from kiosk.content_install import check_candidate

        return check_candidate(path, self.config, self._booth_setting(LANGUAGES_SETTING))

    def install_content(self, candidate: ContentCandidate) -> None:
        """Copy a checked content file into the data folder and show it from now on."""
        from kiosk.content_install import install_candidate

        self.config, self.content = install_candidate(self.config, candidate)

    def reset_content(self) -> None:
        """Remove the installed content and show ``config.toml``'s, or the bundled, again."""
        from kiosk.content_install import refuse_under_option, remove_installed

        refuse_under_option(self.config)
        remove_installed(self.config.data_dir)
        config = load_config(self.config.data_dir)
        content = load_content(config.content_path)
        configured_languages(config, content)
        self.config, self.content = config, content

    def preview(self, content: Content) -> KioskService:
        """A service showing ``content`` over this kiosk's store and settings, to draw screens.

        Never close it: the store is this service's.
        """
        return KioskService(
            self._store, self.config, content, clock=self.clock, local_tz=self._local_tz
        )

    # Behaviour settings ------------------------------------------------------

    @property
    def idle_timeout_s(self) -> int:
        """Seconds without a touch before the kiosk warns and then resets."""
        stored = self.store.get_setting(IDLE_TIMEOUT.key)
        return int(stored) if stored is not None else self.config.idle_timeout_s

    def set_idle_timeout(self, seconds: int) -> None:
        """Change the idle timeout (a staff setting kept in the store)."""
        problem = IDLE_TIMEOUT.problem(seconds)
        if problem is not None:
            raise ConfigError(f"The idle timeout {problem}.")
        self.store.set_setting(IDLE_TIMEOUT.key, str(seconds))

    @property
    def keyboard_mode(self) -> str:
        """ "on", "off" or "auto" (on when a touch screen is present)."""
        return self.config.keyboard

    @property
    def default_region(self) -> str:
        """The country phone numbers and postal codes are read for, e.g. "US"."""
        return self.config.default_region

    # Sign-ups ----------------------------------------------------------------

    def validate(self, form: SignupForm) -> Signup:
        """Check a form; raise ``ValidationFailed`` naming every bad field."""
        from kiosk.validation import validate_signup

        # The consent text of the language the form was shown in: the one agreed to.
        consent = self._content.in_language(form.locale).consent
        signup = validate_signup(form, consent, default_region=self.default_region)
        return replace(signup, content_version=self._content.version_id)

    def suggest_email(self, email: str) -> str | None:
        """Return a likely fix for a mistyped email domain, or None."""
        from kiosk.validation import suggest_email

        return suggest_email(email)

    def submit(self, form: SignupForm) -> SignupRecord:
        """Validate and durably store a sign-up; raises ``ValidationFailed`` or ``SubmitFailed``."""
        return self.store.submit(self.validate(form))

    # Events and counts ---------------------------------------------------------

    def current_event(self) -> EventInfo | None:
        """Return the event sign-ups go to now."""
        return self.store.current_event()

    def start_event(self, name: str, location: str = "") -> EventInfo:
        """Record sign-ups under a new (or earlier) event from now on."""
        return self.store.start_event(name, location)

    def local_now(self) -> datetime:
        """Return the clock's time in the kiosk's local zone."""
        return self.clock().astimezone(self._local_tz)

    def local_time(self, moment: datetime) -> datetime:
        """Return an aware ``moment`` in the kiosk's local zone."""
        return moment.astimezone(self._local_tz)

    def today_start(self) -> datetime:
        """Return local midnight of today, as an aware datetime."""
        return self.local_now().replace(hour=0, minute=0, second=0, microsecond=0)

    def event_counts(self) -> list[EventCount]:
        """Return today's and total sign-ups per event, newest event first."""
        return self.store.event_counts(self.today_start())

    def signups_per_hour(self) -> list[int]:
        """Return today's sign-ups in 24 local-hour buckets."""
        start = self.today_start()
        buckets = [0] * 24
        for moment in self.store.signup_times(start):
            local = moment.astimezone(start.tzinfo)
            if local - start < timedelta(days=1):
                buckets[local.hour] += 1
        return buckets

    def pending_count(self) -> int:
        """Return how many sign-ups are waiting to be exported."""
        return self.store.pending_count()

    # Export ------------------------------------------------------------------

    def export(self, out_dir: Path, include_all: bool = False) -> ExportResult | None:
        """Export sign-ups not yet exported (or all) to ``out_dir``; None if nothing is new."""
        from kiosk.export import export_signups

        # With the organization's public key in the config, the file is age-encrypted.
        return export_signups(
            self.store,
            out_dir,
            include_all=include_all,
            recipient=self.config.export_public_key,
        )

    def export_history(self) -> list[ExportInfo]:
        """Return every export batch, newest first, with the office's confirmation if any."""
        return self.store.export_history()

    def verify_export(self, result: ExportResult) -> bool:
        """Re-read an export from disk and check its bytes against its manifest's hash."""
        import hashlib  # here, not at the top: hashlib loads OpenSSL, slow for the first screen
        import json

        try:
            manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
            digest = hashlib.sha256(result.csv_path.read_bytes()).hexdigest()
        except (OSError, ValueError):
            return False
        return bool(digest == manifest.get("sha256") == result.sha256)

    # Office receipts and erasure -------------------------------------------------

    def find_receipts(self, folders: Sequence[Path]) -> list[Path]:
        """Return the office receipt files in ``folders`` (and one level of subfolders)."""
        from kiosk.receipts import find_receipts

        return find_receipts(folders)

    def apply_receipts(self, paths: Sequence[Path]) -> ReceiptsApplied:
        """Apply office receipts, then erase whatever is now due; say what happened to each."""
        from kiosk import erasure

        outcomes = erasure.apply_receipt_files(self.store, paths, self.clock())
        erased = self.erase_due()
        return erasure.ReceiptsApplied(
            outcomes=tuple(outcomes),
            erased=erased,
            waiting=erasure.awaiting_erasure(self.store),
            keep_days=self.keep_confirmed_days,
        )

    def erase_due(self) -> int:
        """Erase the personal data of every sign-up whose retention has ended; return how many."""
        from kiosk import erasure

        return erasure.erase_due(
            self.store,
            self.clock(),
            keep_days=self.keep_confirmed_days,
            unconfirmed_after_days=self.erase_unconfirmed_after_days,
        )

    @property
    def keep_confirmed_days(self) -> int:
        """Days confirmed sign-ups keep their personal data (0: erased once the receipt is in)."""
        from kiosk import erasure

        return erasure.keep_confirmed_days(self.store)

    def set_keep_confirmed_days(self, days: int) -> None:
        """Choose how long confirmed sign-ups keep their personal data; erase what is now due."""
        from kiosk import erasure

        erasure.set_keep_confirmed_days(self.store, days)
        self.erase_due()

    @property
    def erase_unconfirmed_after_days(self) -> int | None:
        """Days after export when sign-ups with no receipt are erased anyway; None: never."""
        from kiosk import erasure

        return erasure.erase_unconfirmed_after_days(self.store)

    def set_erase_unconfirmed_after_days(self, days: int | None) -> None:
        """Turn erasing unconfirmed exports on (after ``days``) or off (None); erase what is due."""
        from kiosk import erasure

        erasure.set_erase_unconfirmed_after_days(self.store, days)
        self.erase_due()

    # Staff PIN -----------------------------------------------------------------

    def setup_state(self) -> SetupState:
        """Whether attendees may see the kiosk, it needs first-start setup, or it is locked.

        Before the store opens this reads its file directly (``peek_setup_state``),
        so the window can choose its first screen without waiting for the store.
        """
        if self._store is None:
            return peek_setup_state(self.config.data_dir)
        return setup_state(
            self._store.get_setting(pins.PIN_HASH_SETTING), self._store.signup_count() > 0
        )

    def has_pin(self) -> bool:
        """Return whether a volunteer has chosen the staff PIN (and its record is intact)."""
        stored = self.store.get_setting(pins.PIN_HASH_SETTING)
        return stored is not None and pins.is_well_formed_hash(stored)

    def set_pin(self, pin: str) -> None:
        """Choose or change the staff PIN; raises ``PinRejected`` for a weak one."""
        pins.check_new_pin(pin)
        self.store.set_setting(pins.PIN_HASH_SETTING, pins.hash_pin(pin))
        self._save_lockout(pins.LockoutState())

    def check_pin(self, pin: str) -> PinCheck:
        """Try a PIN; wrong tries lock out with growing delays, kept across restarts."""
        now = self.clock().timestamp()
        state = self._load_lockout(now)
        wait = pins.seconds_until_allowed(state, now)
        if wait > 0:
            return PinCheck(ok=False, retry_after_s=wait)
        stored = self.store.get_setting(pins.PIN_HASH_SETTING)
        if stored is not None and pins.verify_pin(pin, stored):
            self._save_lockout(pins.LockoutState())
            return PinCheck(ok=True, retry_after_s=0.0)
        state = pins.record_failure(state, now)
        self._save_lockout(state)
        return PinCheck(ok=False, retry_after_s=pins.seconds_until_allowed(state, now))

    def pin_retry_after_s(self) -> float:
        """Return how long until a PIN try is taken again (0 when one is taken now)."""
        now = self.clock().timestamp()
        return pins.seconds_until_allowed(self._load_lockout(now), now)

    def _load_lockout(self, now: float) -> pins.LockoutState:
        raw = self.store.get_setting("pin_lockout")
        state = pins.LockoutState.from_json(raw) if raw else pins.LockoutState()
        # A clock put back after a wrong try leaves the lockout's end far ahead;
        # keeping it settled to now makes the (capped) wait actually run out.
        settled = pins.settle_clock(state, now)
        if settled != state:
            self._save_lockout(settled)
        return settled

    def _save_lockout(self, state: pins.LockoutState) -> None:
        self.store.set_setting("pin_lockout", state.to_json())
