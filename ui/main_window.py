"""The kiosk window: a stack of screens, the one router between them, and kiosk lockdown.

Screens ask to move with ``navigate(route)``; ``MainWindow.go`` is the only
place that decides what shows next, and it clears what the last attendee
left behind on the way. The window also refuses to close (close button,
Esc, Alt+F4) unless the staff panel is unlocked, watches for idleness, and
hosts the hidden staff gesture.

Until the kiosk is set up (a staff PIN exists) the router shows nothing but
the setup screen, or the locked screen when the PIN record is damaged or
missing on a kiosk holding sign-ups: no attendee screen, no staff gesture.

The attendee screens are laid out and coloured for the current attendee's
display (text size, theme; ``kiosk.display``): choosing another builds them
again. The staff-facing screens (staff panel, setup, locked) always show the
standard display at 100 %, whatever an attendee or the kiosk's default chose.
An attendee's language (a language button on attract or home) is theirs
alone too, switched in place without building the screens again. What an
attendee chose for themselves is forgotten in one place,
``_forget_attendee_choices``, when the kiosk returns to attract: the next
attendee starts in the kiosk's default language and display.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar, cast, overload

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from kiosk.content import LanguageUnavailable
from kiosk.display import STANDARD_DISPLAY, Display
from kiosk.first_start import SetupState
from kiosk.motion import system_prefers_reduced_motion
from kiosk.service import KioskService
from ui.app import apply_display, load_stylesheet
from ui.idle import IdleWatcher
from ui.language import use_language
from ui.screens.attract import AttractScreen
from ui.screens.base import Route, Screen
from ui.widgets import metrics
from ui.widgets.announce import announce
from ui.widgets.hot_corner import HotCorner
from ui.widgets.idle_overlay import IdleOverlay
from ui.widgets.layouts import vbox
from ui.widgets.styled import StyledWidget

if TYPE_CHECKING:
    from kiosk.signup import SignupRecord
    from ui.screens.action import ActionScreen
    from ui.screens.home import HomeScreen
    from ui.screens.join import JoinScreen
    from ui.screens.locked import LockedScreen
    from ui.screens.message import MessageScreen
    from ui.screens.resources import ResourcesScreen
    from ui.screens.setup import SetupScreen
    from ui.screens.staff import StaffScreen
    from ui.screens.thank_you import ThankYouScreen
    from ui.widgets.display_panel import DisplayPanel

log = logging.getLogger(__name__)

SCREEN_NAMES = (
    Route.ATTRACT,
    Route.HOME,
    Route.MESSAGE,
    Route.RESOURCES,
    Route.ACTION,
    Route.JOIN,
    Route.THANK_YOU,
    Route.STAFF,
)

ATTENDEE_SCREENS = frozenset(SCREEN_NAMES) - {Route.STAFF}
"""The screens shown in the attendee's display (each has the "Aa Display" button)."""

# The screen a kiosk that is not set up shows instead of all of the above.
_GATE_FOR_STATE = {SetupState.NEEDS_SETUP: Route.SETUP, SetupState.LOCKED: Route.LOCKED}

STAFF_IDLE_MS = 120_000
"""The staff panel locks itself after two idle minutes."""

# Screens "Back" may return to; anything else goes back to home.
_BACK_TARGETS = frozenset({Route.HOME, Route.MESSAGE, Route.RESOURCES, Route.ACTION})


S = TypeVar("S", bound=QWidget)


class _ScreenOf(Generic[S]):
    """A ``MainWindow`` attribute: the screen of ``route`` (``screen_named``), typed as ``S``."""

    def __init__(self, route: Route) -> None:
        self.route = route

    @overload
    def __get__(self, window: None, owner: type[MainWindow]) -> _ScreenOf[S]: ...
    @overload
    def __get__(self, window: MainWindow, owner: type[MainWindow]) -> S: ...
    def __get__(self, window: MainWindow | None, owner: type[MainWindow]) -> _ScreenOf[S] | S:
        if window is None:  # read on the class: the attribute itself
            return self
        return cast(S, window.screen_named(self.route))


class MainWindow(StyledWidget):
    """Holds every screen and moves between them."""

    screen_changed = Signal(str)

    def __init__(
        self,
        service: KioskService,
        *,
        idle_ms: int | None = None,
        staff_idle_ms: int = STAFF_IDLE_MS,
        countdown_s: int = 15,
        countdown_tick_ms: int = 1000,
        hold_ms: int = 2000,
        show_keyboard: bool | None = None,
        reduced_motion: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("mainWindow", parent)
        self.service = service
        self.setWindowTitle(service.content.title)
        self.setMinimumSize(*metrics.WINDOW_MIN_SIZE)
        self._close_allowed = False
        # None: read the staff setting from the store when first needed, which is
        # after attract shows (the store may still be opening until then).
        self._idle_ms: int | None = idle_ms
        self._staff_idle_ms = staff_idle_ms
        self._came_from: dict[Route, Route] = {}
        self._started = False
        self._language: str | None = None  # the language the screens speak now
        self._speak_attendee_language()

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("screenStack")
        layout = vbox(self)
        layout.addWidget(self.stack)

        # Attract is built now and shown first; the other screens are built on
        # first use, or one per event-loop turn once attract is up, so the
        # kiosk shows something within moments of starting. A kiosk that is not
        # set up shows its setup (or locked) screen instead; the service can tell
        # before the store has opened.
        self._show_keyboard = show_keyboard
        # None: ask the system once (GNOME, KDE, Windows and macOS each keep it their way).
        self._reduced_motion = (
            system_prefers_reduced_motion() if reduced_motion is None else reduced_motion
        )
        self._countdown_s, self._countdown_tick_ms = countdown_s, countdown_tick_ms
        self._screens: dict[Route, QWidget] = {}
        # The attendee screens are built in the display of whoever is at the kiosk.
        self._display: Display = service.display
        apply_display(self._display)
        self.screen_named(Route.ATTRACT)
        self._gate: Route | None = None  # SETUP or LOCKED until the kiosk is set up
        self._set_gate(_GATE_FOR_STATE.get(service.setup_state()))
        self._current: Route = self._gate or Route.ATTRACT
        self.stack.setCurrentWidget(self.screen_named(self._current))
        self._prebuild = QTimer(self)
        self._prebuild.setInterval(0)
        self._prebuild.timeout.connect(self._build_next_screen)

        self._make_overlays()
        self._display_focus: str | None = None
        self._apply_display = QTimer(self)
        self._apply_display.setSingleShot(True)
        self._apply_display.setInterval(0)
        self._apply_display.timeout.connect(self._show_chosen_display)
        # Paused on attract; its interval is set on the way out of attract.
        self.idle = IdleWatcher(idle_ms or 1, self)
        self.idle.timed_out.connect(self._on_idle)

        self.hot_corner = HotCorner(self, hold_ms=hold_ms)
        self.hot_corner.held.connect(self.open_staff)
        self.hot_corner.tapped.connect(self._on_corner_tap)
        self.staff_shortcut = QShortcut(QKeySequence("Ctrl+Shift+S"), self)
        self.staff_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.staff_shortcut.activated.connect(self.open_staff)

    # Screens -------------------------------------------------------------------------

    def _make_overlays(self) -> None:
        """The "Still there?" warning, in the attendee's display; the Display choices when asked."""
        self.overlay = IdleOverlay(
            self, countdown_s=self._countdown_s, tick_ms=self._countdown_tick_ms
        )
        self.overlay.continued.connect(self._on_still_here)
        self.overlay.expired.connect(self.start_over)
        # Made when an attendee first opens it: most never do, and the first screen
        # shows sooner without it.
        self._display_panel: DisplayPanel | None = None

    @property
    def display_panel(self) -> DisplayPanel:
        """The Display choices (text size and contrast), in the attendee's display."""
        if self._display_panel is None:
            from ui.widgets.display_panel import DisplayPanel

            self._display_panel = DisplayPanel(self, self._display)
            self._display_panel.chosen.connect(self._on_display_chosen)
            self._display_panel.closed.connect(self._on_display_closed)
        return self._display_panel

    def _make_screen(self, name: Route) -> QWidget:
        if name in (Route.STAFF, Route.SETUP, Route.LOCKED):
            return _in_standard_display(lambda: self._make_staff_facing(name))
        service = self.service
        if name == Route.ATTRACT:
            return AttractScreen(
                service, moves=not (self._reduced_motion or self._display.is_high_contrast)
            )
        if name == Route.HOME:
            from ui.screens.home import HomeScreen

            return HomeScreen(service)
        if name == Route.MESSAGE:
            from ui.screens.message import MessageScreen

            return MessageScreen(service)
        if name == Route.RESOURCES:
            from ui.screens.resources import ResourcesScreen

            return ResourcesScreen(service)
        if name == Route.ACTION:
            from ui.screens.action import ActionScreen

            return ActionScreen(service)
        if name == Route.JOIN:
            from ui.screens.join import JoinScreen

            join = JoinScreen(service, show_keyboard=self._show_keyboard)
            join.submitted.connect(self._on_submitted)
            return join
        if name == Route.THANK_YOU:
            from ui.screens.thank_you import ThankYouScreen

            return ThankYouScreen(service)
        raise ValueError(f"no screen called {name!r}")

    def _make_staff_facing(self, name: Route) -> QWidget:
        service = self.service
        if name == Route.STAFF:
            from ui.screens.staff import StaffScreen

            staff = StaffScreen(service)
            staff.closed.connect(lambda: self.go(Route.ATTRACT))
            staff.exit_requested.connect(self.exit_kiosk)
            staff.idle_timeout_changed.connect(lambda seconds: self.set_idle_ms(seconds * 1000))
            staff.content_changed.connect(self.reload_content)
            return staff
        if name == Route.SETUP:
            from ui.screens.setup import SetupScreen

            setup = SetupScreen(service, show_keyboard=self._show_keyboard)
            setup.finished.connect(self.check_setup)
            return setup
        if name == Route.LOCKED:
            from ui.screens.locked import LockedScreen

            locked = LockedScreen(service)
            locked.recheck_requested.connect(self._on_recheck)
            return locked
        raise ValueError(f"no screen called {name!r}")

    def _add_screen(self, name: Route, screen: QWidget) -> QWidget:
        self._screens[name] = screen
        self.stack.addWidget(screen)
        if isinstance(screen, Screen):
            screen.navigate.connect(self.go)
            screen.display_requested.connect(self.open_display_panel)
            screen.language_chosen.connect(self.set_language)
        return screen

    def screen_named(self, name: str) -> QWidget:
        """Return the screen called ``name``, building it on first use."""
        route = Route(name)
        found = self._screens.get(route)
        if found is None:
            found = self._add_screen(route, self._make_screen(route))
        return found

    def reload_content(self) -> None:
        """Draw every attendee screen again from the service's content (a volunteer changed it).

        Called from the staff panel, so no attendee screen is showing; each is
        built again on first use, or by the prebuild once attract is up.
        """
        self._came_from.clear()
        self.setWindowTitle(self.service.content.title)
        self._drop_attendee_screens(continuing=None)

    def _build_next_screen(self) -> None:
        for name in SCREEN_NAMES:
            if name not in self._screens:
                self.screen_named(name)
                return
        self._prebuild.stop()

    @property
    def screens(self) -> dict[Route, QWidget]:
        """Every screen by name (builds any not built yet)."""
        return {name: self.screen_named(name) for name in SCREEN_NAMES}

    # Every screen by name, built on first use, as the class it is.
    attract: _ScreenOf[AttractScreen] = _ScreenOf(Route.ATTRACT)
    home: _ScreenOf[HomeScreen] = _ScreenOf(Route.HOME)
    message: _ScreenOf[MessageScreen] = _ScreenOf(Route.MESSAGE)
    resources: _ScreenOf[ResourcesScreen] = _ScreenOf(Route.RESOURCES)  # list and detail
    action: _ScreenOf[ActionScreen] = _ScreenOf(Route.ACTION)  # take action
    join: _ScreenOf[JoinScreen] = _ScreenOf(Route.JOIN)  # the sign-up form
    thank_you: _ScreenOf[ThankYouScreen] = _ScreenOf(Route.THANK_YOU)
    staff: _ScreenOf[StaffScreen] = _ScreenOf(Route.STAFF)  # the PIN stage, then the panel
    setup: _ScreenOf[SetupScreen] = _ScreenOf(Route.SETUP)  # first start
    # A damaged or missing PIN record on a kiosk with sign-ups.
    locked: _ScreenOf[LockedScreen] = _ScreenOf(Route.LOCKED)

    def _staff_if_built(self) -> StaffScreen | None:
        return self._screens.get(Route.STAFF)  # type: ignore[return-value]

    # Set up or not -------------------------------------------------------------------

    def is_set_up(self) -> bool:
        """Whether attendee screens may show (a staff PIN exists and its record is intact)."""
        return self._gate is None

    def _set_gate(self, gate: Route | None) -> None:
        if gate == Route.LOCKED and self._gate != Route.LOCKED:
            log.warning("staff PIN record damaged, or missing with sign-ups: locked until pin set")
        self._gate = gate

    def check_setup(self) -> None:
        """Re-read whether the kiosk is set up, and show attract, setup or locked to match.

        Called when setup finishes, when the store has opened (the first screen was
        chosen from a quick look at its file), and by "Check again" when locked.
        """
        gate = _GATE_FOR_STATE.get(self.service.setup_state())
        if gate == self._gate:
            return
        self._set_gate(gate)
        self.go(gate or Route.ATTRACT)
        if gate is None and self._started:
            self._prebuild.start()

    def _on_recheck(self) -> None:
        self.check_setup()
        if self._gate == Route.LOCKED:
            self.locked.say_still_locked()

    # Navigation ----------------------------------------------------------------------

    @property
    def current(self) -> Route:
        """The name of the screen showing now."""
        return self._current

    def go(self, route: str) -> None:
        """Show the screen ``route`` (a ``Route``) names; the one place navigation is decided."""
        name, pledge = self._resolve(route)
        if name != self._gate and (self._gate is not None or name in (Route.SETUP, Route.LOCKED)):
            # Not set up: only its setup (or locked) screen shows. Set up: those never do.
            return
        if name == self._current and not pledge:
            return
        self._leave_current(name)
        if name == Route.ATTRACT:
            self._forget_attendee_choices()
        screen = self.screen_named(name)
        if name == Route.JOIN:
            self.join.prepare(pledge=pledge)
        if name != self._current:
            self._came_from[name] = self._current
        self._current = name
        self.stack.setCurrentWidget(screen)
        if isinstance(screen, Screen):
            screen.on_enter()
            announce(screen, screen.title())
        self._restart_idle()
        self.hot_corner.raise_()
        self.screen_changed.emit(name)

    def _resolve(self, route: str) -> tuple[Route, bool]:
        """Return the screen ``route`` leads to, and whether it is the sign-up with the pledge."""
        try:
            target = Route(route)
        except ValueError:
            raise ValueError(f"no screen called {route!r}") from None
        if target == Route.BACK:
            came_from = self._came_from.get(self._current, Route.HOME)
            target = came_from if came_from in _BACK_TARGETS else Route.HOME
        pledge = target == Route.JOIN_PLEDGE
        name = Route.JOIN if pledge else target
        if name not in SCREEN_NAMES and name not in _GATE_FOR_STATE.values():
            raise ValueError(f"no screen called {route!r}")
        return name, pledge

    def _leave_current(self, name: Route) -> None:
        """Close the screen showing now on the way to ``name``: clear it, lock the staff panel."""
        self.overlay.cancel()
        self._close_display_panel()
        leaving = self.screen_named(self._current)
        if isinstance(leaving, Screen):
            leaving.on_leave()
        staff = self._staff_if_built()
        if staff is not None and (name == Route.ATTRACT or self._current == Route.STAFF):
            # Whoever comes next must not find the staff panel open.
            staff.lock()

    # The attendee's language -------------------------------------------------------------

    def set_language(self, code: str) -> None:
        """Show every attendee screen in ``code`` (offered by the kiosk), for this attendee."""
        try:
            self.service.set_language(code)
        except LanguageUnavailable:
            log.warning("a language no longer offered was chosen; the buttons are refreshed")
        self._speak_attendee_language()
        current = self.screen_named(self._current)
        if isinstance(current, Screen):
            current.show_languages()
        self._restart_idle()  # on attract, a choice is undone if nobody carries on

    def _speak_attendee_language(self) -> None:
        code = self.service.language
        if code != self._language:
            self._language = code
            use_language(code)

    def open_staff(self) -> None:
        """The hidden gesture or shortcut: show the staff panel at its PIN stage.

        Does nothing before the kiosk is set up: there is no PIN to open it with.
        """
        if self.is_set_up() and self._current != Route.STAFF:
            self.staff.lock()
            self.go(Route.STAFF)

    def start_over(self) -> None:
        """Clear everything an attendee entered and return to attract."""
        self.overlay.cancel()
        self._close_display_panel()
        join = self._screens.get(Route.JOIN)
        if isinstance(join, Screen):
            join.on_leave()
        staff = self._staff_if_built()
        if staff is not None:
            staff.lock()
        self.go(Route.ATTRACT)

    # The attendee's display ------------------------------------------------------------

    def open_display_panel(self) -> None:
        """Show the text size and contrast choices ("Aa Display" on any attendee screen)."""
        if self._current in ATTENDEE_SCREENS:
            # The screen under the card is out of reach: Tab stays in the card.
            self.stack.setEnabled(False)
            self.display_panel.open()

    def _on_display_chosen(self, display: Display, focus: str) -> None:
        self.service.set_display(display)
        # The screens (and this card) are built again once the tap or key that chose
        # is over: the card it came from must not go while it is still handling it.
        self._display_focus = focus
        self._apply_display.start()

    def _show_chosen_display(self) -> None:
        still_choosing = self._display_panel is not None and self._display_panel.isVisible()
        self._show_attendee_display(continuing=self._current)
        if still_choosing:
            self.stack.setEnabled(False)
            self.display_panel.open(self._display_focus)
        self._restart_idle()  # larger text or high contrast: twice the time

    def _on_display_closed(self) -> None:
        self.stack.setEnabled(True)
        screen = self.screen_named(self._current)
        if isinstance(screen, Screen):
            screen.display_button.setFocus(Qt.FocusReason.OtherFocusReason)  # back where it was

    def _close_display_panel(self) -> None:
        if self._display_panel is not None:
            self._display_panel.close_panel()
        self.stack.setEnabled(True)

    def _forget_attendee_choices(self, *, continuing: Route | None = None) -> None:
        """The attendee has gone (idle, Done, the thank-you timeout): the next starts afresh.

        The one place every choice an attendee made for themselves (their
        language, their text size and contrast) goes back to the kiosk's default.
        ``continuing``: the screen that stays on show, built again if need be.
        """
        self.service.reset_language()
        self._speak_attendee_language()
        self.service.reset_display()
        self._show_attendee_display(continuing=continuing)

    def _has_own_choices(self) -> bool:
        """Whether the attendee chose a display (or language) other than the kiosk's default."""
        service = self.service
        return service.display != service.default_display or (
            service.language != service.default_language
        )

    def _show_attendee_display(self, *, continuing: Route | None) -> None:
        """Build the attendee screens again if the attendee's display is not theirs yet.

        ``continuing`` is the screen on show that the attendee carries on with
        (built again at once, where they were); None when the kiosk is leaving it.
        """
        display = self.service.display
        apply_display(display)
        if display != self._display:
            self._display = display
            self._drop_attendee_screens(continuing=continuing)

    def _drop_attendee_screens(self, *, continuing: Route | None) -> None:
        """Let go of the attendee screens (and overlays), to be built again as they are now.

        ``continuing``, the screen on show, is built again at once and carries on
        where it was; the others are built on first use, or by the prebuild.
        """
        for name in ATTENDEE_SCREENS:
            old = self._screens.pop(name, None)
            if old is None:
                continue
            if name == continuing:
                new = self.screen_named(name)
                self.stack.setCurrentWidget(new)
                if isinstance(new, Screen) and isinstance(old, Screen):
                    new.take_over_from(old)
            if isinstance(old, Screen):
                old.on_leave()  # nothing personal stays behind in the old copy
            self.stack.removeWidget(old)
            old.deleteLater()
        for overlay in (self.overlay, self._display_panel):
            if overlay is not None:
                overlay.hide()
                overlay.deleteLater()
        self._make_overlays()
        if self._started and self.is_set_up():
            self._prebuild.start()
        self.hot_corner.raise_()

    def _on_submitted(self, record: SignupRecord) -> None:
        # The record is saved; leaving the form (in go) clears it for the next attendee.
        self.thank_you.show_record(record)
        self.go(Route.THANK_YOU)

    def _on_corner_tap(self, point: object) -> None:
        if self._current == Route.ATTRACT:
            self.go(Route.HOME)

    # Idle ----------------------------------------------------------------------------

    def _restart_idle(self) -> None:
        if not self.is_set_up() or (self._current == Route.ATTRACT and not self._has_own_choices()):
            # Attract waits for the next person; it needs a timer only to forget a choice
            # made on it by someone who then walked away.
            self.idle.pause()
            return
        if self._current == Route.STAFF:
            self.idle.set_interval_ms(self._staff_idle_ms)
        else:
            self.idle.set_interval_ms(self._attendee_idle_ms())
        self.idle.restart()

    def _attendee_idle_ms(self) -> int:
        if self._idle_ms is None:
            self._idle_ms = self.service.idle_timeout_s * 1000
        # Larger text or high contrast: twice the time to read (WCAG 2.2.1).
        return self._idle_ms * self.service.display.idle_factor

    def set_idle_ms(self, idle_ms: int) -> None:
        """Change the attendee idle timeout (staff setting, tests)."""
        self._idle_ms = idle_ms
        self._restart_idle()

    def _on_idle(self) -> None:
        if not self.is_set_up():
            return
        if self._current == Route.ATTRACT:
            # Nothing typed to warn about: the display simply goes back to the default.
            self._close_display_panel()
            self._forget_attendee_choices(continuing=Route.ATTRACT)
            self._restart_idle()
            return
        if self._current == Route.STAFF:
            self.start_over()
            return
        self.idle.pause()
        self.overlay.start()

    def _on_still_here(self) -> None:
        self._restart_idle()

    # Kiosk lockdown ------------------------------------------------------------------

    def is_close_allowed(self) -> bool:
        """Closing is allowed only from an unlocked staff panel (or after Exit)."""
        staff = self._staff_if_built()
        return self._close_allowed or (staff is not None and staff.is_unlocked())

    def allow_close(self) -> None:
        """Let the next close go through (Exit in the staff panel; test teardown)."""
        self._close_allowed = True

    def exit_kiosk(self) -> None:
        """Close the window and end the application (staff Exit)."""
        self.allow_close()
        self.idle.uninstall()
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_close_allowed():
            self.idle.uninstall()
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_escape_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _is_escape_key(self, event: QKeyEvent) -> bool:
        alt_f4 = (
            event.key() == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        return event.key() == Qt.Key.Key_Escape or bool(alt_f4)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.idle.install()
        if not self._started:
            self._started = True
            first = self.screen_named(self._current)
            if isinstance(first, Screen):
                first.on_enter()
            if self.is_set_up():
                # In the event loop's next turn: the first screen is drawn, and the store
                # opened (run_kiosk), before the other screens are built while attract waits.
                QTimer.singleShot(0, self._prebuild, self._prebuild.start)
        self._restart_idle()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.hot_corner.raise_()


def _in_standard_display(build: Callable[[], QWidget]) -> QWidget:
    """Build a staff-facing screen at 100 % in the standard palette, whatever attendees see.

    Its own stylesheet (the standard one) wins over the application's, which
    follows the attendee's display, for every widget in it.
    """
    with metrics.at_scale(STANDARD_DISPLAY.scale):
        screen = build()
    screen.setStyleSheet(load_stylesheet(STANDARD_DISPLAY))
    return screen
