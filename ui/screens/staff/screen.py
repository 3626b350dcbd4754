"""The staff screen: the PIN stage until unlocked, then the panel; it locks itself when idle.

Volunteers reach it through a hidden gesture; the main window then shows this
screen locked, at its PIN stage. Unlocked, it shows the panel (with the
on-screen keyboard docked under it on touch screens), locks itself after two
idle minutes and on ``lock()``, and then forgets everything typed into it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFrame,
    QLineEdit,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QWidget,
)

from kiosk.service import KioskService
from ui.screens.staff.panel import StaffPanel
from ui.screens.staff.pin_stage import PinStage
from ui.widgets import metrics
from ui.widgets.keyboard import OnScreenKeyboard, wants_on_screen_keyboard
from ui.widgets.layouts import vbox

IDLE_LOCK_MS = 120_000
"""The unlocked panel locks itself after this long without a touch or key."""

# Input that counts as "someone is using the panel" for the idle lock.
_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
    }
)


class StaffScreen(QWidget):
    """The staff screen: the PIN stage until unlocked, then the panel; locks itself when idle."""

    closed = Signal()
    """The volunteer left the panel (Cancel, Lock, or the idle lock): go back to attract."""
    exit_requested = Signal()
    """The volunteer asked to quit the kiosk program."""
    unlocked_changed = Signal(bool)
    """True when the panel opens, False when it locks."""
    idle_timeout_changed = Signal(int)
    """A volunteer saved a new attendee idle timeout (seconds)."""
    content_changed = Signal()
    """A volunteer installed other content (or went back to the bundled one)."""

    def __init__(
        self,
        service: KioskService,
        parent: QWidget | None = None,
        *,
        idle_lock_ms: int = IDLE_LOCK_MS,
        show_keyboard: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StaffScreen")
        # In English in every language for now, so laid out left to right in every one.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setProperty("screen", True)
        self.service = service
        self._unlocked = False
        self._filter_installed = False

        self._stages = QStackedWidget(self)
        self._stages.setObjectName("StaffStages")
        self.pin_stage = PinStage(service, self)
        self.panel = StaffPanel(service, self)
        self._stages.addWidget(self.pin_stage)
        # The panel scrolls when the on-screen keyboard (or a small window) leaves it less room.
        self._panel_scroll = QScrollArea(self)
        self._panel_scroll.setObjectName("StaffPanelScroll")
        self._panel_scroll.setWidgetResizable(True)
        self._panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._panel_scroll.setWidget(self.panel)
        QScroller.grabGesture(
            self._panel_scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        # The keyboard docks under the panel only, so it never adds to the PIN stage's height.
        self._panel_stage = QWidget(self)
        self._panel_stage.setObjectName("StaffPanelStage")
        self.keyboard = OnScreenKeyboard(self._panel_stage)
        self.keyboard.setVisible(False)
        panel_column = vbox(self._panel_stage, spacing=metrics.NO_SPACING)
        panel_column.addWidget(self._panel_scroll, 1)
        panel_column.addWidget(self.keyboard)
        self._stages.addWidget(self._panel_stage)

        self._keyboard_enabled = wants_on_screen_keyboard(service.keyboard_mode, show_keyboard)

        layout = vbox(self, spacing=metrics.NO_SPACING)
        layout.addWidget(self._stages, 1)

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_lock_ms)
        self._idle.timeout.connect(self._on_idle)

        self.pin_stage.unlocked.connect(self._unlock)
        self.pin_stage.cancelled.connect(self._leave)
        self.panel.lock_requested.connect(self._leave)
        self.panel.exit_requested.connect(self.exit_requested)
        self.panel.idle_timeout_changed.connect(self.idle_timeout_changed)
        self.panel.content_changed.connect(self.content_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
            app.aboutToQuit.connect(self.panel.wait_for_export)

    # The contract with the main window ---

    def lock(self) -> None:
        """Go back to the PIN stage and forget everything typed on either stage."""
        was_unlocked = self._unlocked
        self._unlocked = False
        self._idle.stop()
        self._remove_activity_filter()
        self.panel.clear_inputs()
        self.pin_stage.reset()
        self.keyboard.setVisible(False)
        self._stages.setCurrentWidget(self.pin_stage)
        if self.isVisible():
            self.pin_stage.focus_pad()
        if was_unlocked:
            self.unlocked_changed.emit(False)

    def is_unlocked(self) -> bool:
        """Return whether the panel is open."""
        return self._unlocked

    def show_panel_for_screenshot(self) -> None:
        """Open the panel without a PIN: for the screenshot tool only, never for people."""
        self._unlock()

    def show_pin_for_screenshot(self) -> None:
        """Show the PIN stage as a volunteer first sees it."""
        self.lock()

    def wait_for_export(self, timeout_ms: int = 30_000) -> bool:
        """Block until a running export ends; call before closing the service."""
        return self.panel.wait_for_export(timeout_ms)

    def idle_lock_ms(self) -> int:
        """Return how long the open panel waits for input before locking itself."""
        return self._idle.interval()

    # Internals ---

    def showEvent(self, event: QShowEvent) -> None:
        """Each visit starts fresh at the PIN stage (the panel stays open only while in use)."""
        super().showEvent(event)
        if not self._unlocked:
            self.pin_stage.reset()
            self.pin_stage.focus_pad()

    def _unlock(self) -> None:
        self._unlocked = True
        self.pin_stage.pad.clear()
        self.panel.refresh()
        self.panel.show_page("today")
        self._stages.setCurrentWidget(self._panel_stage)
        self.panel.setFocus(Qt.FocusReason.OtherFocusReason)
        self._install_activity_filter()
        self._idle.start()
        self.unlocked_changed.emit(True)

    def _leave(self) -> None:
        self.lock()
        self.closed.emit()

    def _on_idle(self) -> None:
        if self.panel.is_busy():
            self._idle.start()  # never lock under a running export; wait for it
            return
        if self._unlocked:
            self._leave()

    def _install_activity_filter(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._filter_installed:
            app.installEventFilter(self)
            self._filter_installed = True

    def _remove_activity_filter(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._filter_installed:
            app.removeEventFilter(self)
            self._filter_installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Restart the idle lock on any touch, click or key inside this screen."""
        if (
            self._unlocked
            and event.type() in _ACTIVITY_EVENTS
            and isinstance(watched, QWidget)
            and (watched is self or self.isAncestorOf(watched))
        ):
            self._idle.start()
        return False

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Show the on-screen keyboard while a text field of the open panel has focus."""
        if not self._keyboard_enabled:
            return
        if (
            self._unlocked
            and isinstance(new, QLineEdit | QAbstractSpinBox)
            and self.panel.isAncestorOf(new)
        ):
            self.keyboard.setVisible(True)
            # Once the keyboard has taken its room, bring the field back into view.
            field: QWidget = new
            QTimer.singleShot(
                0,
                lambda: self._panel_scroll.ensureWidgetVisible(
                    field, metrics.SCROLL_KEYBOARD_MARGIN, metrics.SCROLL_KEYBOARD_MARGIN
                ),
            )
        elif new is not None and not self.keyboard.isAncestorOf(new):
            self.keyboard.setVisible(False)
