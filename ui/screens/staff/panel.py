"""The staff panel: a PIN stage in front of counts, the hour chart, events, export and settings.

Volunteers reach it through a hidden gesture; the main window then shows this
screen locked, at its PIN stage. The first start asks them to choose a PIN
(there is no factory default); later starts check it, with the service's
growing lockout after wrong tries. Unlocked, the panel shows today's and the
total sign-ups per event, the sign-ups per hour, starts an event, exports to
a USB stick (in a worker thread, verified by re-reading the file), changes the
PIN and the idle timeout, and exits the kiosk. It locks itself after two idle
minutes and on ``lock()``, and then forgets everything typed into it.

Everything it knows comes from ``KioskService``; errors from the core
(``KioskError``) are shown in words next to the control that caused them.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    QRegularExpression,
    QRunnable,
    QStorageInfo,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QInputDevice, QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QScroller,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import MAX_IDLE_TIMEOUT_S, MIN_IDLE_TIMEOUT_S
from kiosk.errors import KioskError
from kiosk.export import ExportResult
from kiosk.pin import MAX_PIN_LENGTH, PinRejected, check_new_pin
from kiosk.service import KioskService
from ui.widgets.hour_chart import HourChart
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.pin_pad import PinPad

log = logging.getLogger(__name__)

IDLE_LOCK_MS = 120_000
"""The unlocked panel locks itself after this long without a touch or key."""

LOCKOUT_TICK_MS = 250
"""How often the lockout countdown re-reads the service clock."""

IDLE_STEP_S = 15

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

# --- Where an export can go ---

REMOVABLE_PREFIXES = ("/media/", "/run/media/", "/Volumes/", "/mnt/")
# Mounts that are never a place for a volunteer's file: kernel, container and system areas.
_SYSTEM_PREFIXES = ("/boot", "/proc", "/sys", "/dev", "/run", "/snap", "/var", "/usr", "/etc")
_PSEUDO_FILESYSTEMS = frozenset(
    "autofs bpf cgroup cgroup2 configfs debugfs devpts devtmpfs efivarfs fusectl hugetlbfs "
    "mqueue nsfs overlay proc pstore ramfs securityfs squashfs sysfs tmpfs tracefs".split()
)
_WINDOWS_DRIVE = re.compile(r"^([A-Za-z]):[/\\]?$")


@dataclass(frozen=True)
class VolumeInfo:
    """What the export chooser needs to know about one mounted volume."""

    root_path: str
    name: str
    file_system: str
    is_valid: bool
    is_ready: bool
    is_read_only: bool
    bytes_available: int


@dataclass(frozen=True)
class ExportDestination:
    """A folder the export can be written to, as offered to the volunteer."""

    path: Path
    name: str
    removable: bool
    bytes_available: int | None = None


def mounted_volumes() -> list[VolumeInfo]:
    """Return the machine's mounted volumes as Qt's ``QStorageInfo`` sees them now."""
    return [
        VolumeInfo(
            root_path=v.rootPath(),
            name=v.displayName() or v.name(),
            file_system=bytes(v.fileSystemType().data()).decode("ascii", "replace"),
            is_valid=v.isValid(),
            is_ready=v.isReady(),
            is_read_only=v.isReadOnly(),
            bytes_available=v.bytesAvailable(),
        )
        for v in QStorageInfo.mountedVolumes()
    ]


def system_root() -> str:
    """Return the root path of the volume the operating system runs from ("/" or "C:/")."""
    return QStorageInfo.root().rootPath() or "/"


def is_removable_path(root_path: str, system_root_path: str = "/") -> bool:
    """Guess whether a volume is a USB stick or card: mounted under a media folder on
    Linux or macOS, or a drive letter other than the system's on Windows."""
    path = root_path.replace("\\", "/")
    if any(path.startswith(prefix) for prefix in REMOVABLE_PREFIXES):
        return True
    drive = _WINDOWS_DRIVE.match(path)
    system = _WINDOWS_DRIVE.match(system_root_path.replace("\\", "/"))
    return bool(drive and system and drive.group(1).upper() != system.group(1).upper())


def export_destinations(
    volumes: Iterable[VolumeInfo], system_root_path: str = "/"
) -> list[ExportDestination]:
    """Return the volumes an export can go to: ready, writable, not the system volume,
    not a kernel or container mount; removable drives first."""
    system = system_root_path.replace("\\", "/").rstrip("/") or "/"
    found: list[ExportDestination] = []
    seen: set[str] = set()
    for volume in volumes:
        path = volume.root_path.replace("\\", "/")
        normalized = path.rstrip("/") or "/"
        if not (volume.is_valid and volume.is_ready) or volume.is_read_only:
            continue
        if normalized in ("/", system) or normalized in seen:
            continue
        removable = is_removable_path(path, system_root_path)
        if not removable and (
            volume.file_system in _PSEUDO_FILESYSTEMS
            or any(normalized == p or normalized.startswith(p + "/") for p in _SYSTEM_PREFIXES)
        ):
            continue
        seen.add(normalized)
        name = volume.name or Path(path).name or path
        found.append(
            ExportDestination(Path(volume.root_path), name, removable, volume.bytes_available)
        )
    found.sort(key=lambda d: (not d.removable, str(d.path)))
    return found


# --- The export worker ---


class _ExportSignals(QObject):
    """Carries the worker's answer back to the GUI thread (queued across threads)."""

    finished = Signal(object, bool)  # ExportResult | None, verified
    failed = Signal(str, bool)  # core's message (may be ""), whether the drive itself failed


class ExportJob(QRunnable):
    """Runs ``service.export`` and ``service.verify_export`` off the GUI thread."""

    def __init__(self, service: KioskService, folder: Path, include_all: bool) -> None:
        super().__init__()
        self.signals = _ExportSignals()
        self._service = service
        self._folder = folder
        self._include_all = include_all

    def run(self) -> None:
        """Export, then read the file back and check its hash against the manifest."""
        try:
            result = self._service.export(self._folder, include_all=self._include_all)
            verified = result is not None and self._service.verify_export(result)
        except KioskError as error:
            self.signals.failed.emit(str(error), False)
        except OSError:
            self.signals.failed.emit("", True)
        except Exception:  # a bug must not leave the panel spinning forever
            log.exception("export from the staff panel failed")
            self.signals.failed.emit("", False)
        else:
            self.signals.finished.emit(result, verified)


# --- Small building blocks ---


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def _label(text: str, role: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setProperty("role", role)
    return label


def _button(text: str, kind: str, name: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setProperty("kind", kind)
    button.setAccessibleName(text)
    button.setAutoDefault(False)
    button.setMinimumHeight(56)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def _message(name: str, parent: QWidget | None = None) -> QLabel:
    label = _label("", "body", parent)
    label.setObjectName(name)
    label.setProperty("tone", "info")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _show(label: QLabel, text: str, tone: str = "info") -> None:
    """Show ``text`` in a message label; ``tone`` is "info", "success" or "error"."""
    label.setText(text)
    label.setAccessibleName(text)
    label.setProperty("tone", tone)
    _repolish(label)


class RowCheckBox(QCheckBox):
    """A check box whose whole row is the touch target, not just the box and its text."""

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 (Qt override)
        """Any point inside the widget toggles it."""
        return self.rect().contains(pos)


class RowRadioButton(QRadioButton):
    """A radio button whose whole row is the touch target."""

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 (Qt override)
        """Any point inside the widget selects it."""
        return self.rect().contains(pos)


def _card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    card.setObjectName("StaffCard")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(28, 24, 28, 24)
    layout.setSpacing(14)
    return card, layout


def _pin_field(name: str, accessible: str, parent: QWidget | None = None) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_PIN_LENGTH)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), field))
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhDigitsOnly
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    field.setMinimumHeight(56)
    return field


def _labelled(text: str, field: QWidget, layout: QVBoxLayout) -> None:
    label = _label(text, "h3")
    label.setBuddy(field)
    layout.addWidget(label)
    layout.addWidget(field)


# --- PIN stage ---


class PinStage(QWidget):
    """Choose the first PIN (twice), or enter it; shows the lockout countdown."""

    unlocked = Signal()
    cancelled = Signal()

    ENTER, CHOOSE, CONFIRM = "enter", "choose", "confirm"

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffPinStage")
        self._service = service
        self._mode = self.ENTER
        self._first_choice: str | None = None  # the new PIN between "choose" and "confirm"
        self._retry_at: float | None = None  # service-clock time the lockout ends

        card = QFrame(self)
        card.setObjectName("StaffPinCard")
        card.setMaximumWidth(1100)
        row = QHBoxLayout(card)
        row.setContentsMargins(48, 40, 48, 40)
        row.setSpacing(56)

        words = QVBoxLayout()
        words.setSpacing(16)
        self._eyebrow = _label(self.tr("Staff only"), "eyebrow")
        self._heading = _label("", "h1")
        self._heading.setObjectName("StaffPinHeading")
        self._lead = _label("", "lead")
        self._lead.setObjectName("StaffPinLead")
        self._countdown = _label("", "body")
        self._countdown.setObjectName("PinCountdown")
        self._countdown.setProperty("tone", "error")
        self._cancel = _button(self.tr("Cancel"), "secondary", "StaffCancelButton")
        self._cancel.setAccessibleName(self.tr("Cancel and leave the staff panel"))
        self._cancel.clicked.connect(self.cancelled)
        for widget in (self._eyebrow, self._heading, self._lead, self._countdown):
            words.addWidget(widget)
        words.addStretch(1)
        words.addWidget(self._cancel, 0, Qt.AlignmentFlag.AlignLeading)

        self.pad = PinPad(card)
        self.pad.submitted.connect(self._on_submitted)
        row.addLayout(words, 1)
        row.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignVCenter)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.setTabOrder(self.pad, self._cancel)

        self._tick = QTimer(self)
        self._tick.setInterval(LOCKOUT_TICK_MS)
        self._tick.timeout.connect(self._update_lockout)
        self.reset()

    def mode(self) -> str:
        """Return "enter", "choose" or "confirm"."""
        return self._mode

    def is_locked_out(self) -> bool:
        """Return whether a lockout delay is running."""
        return self._retry_at is not None

    def countdown_text(self) -> str:
        """Return the lockout line ("Try again in 30 s"), or ""."""
        return self._countdown.text()

    def reset(self) -> None:
        """Forget anything typed; ask to choose a PIN if none exists yet, else to enter it."""
        self._first_choice = None
        self.pad.clear()
        self._set_mode(self.ENTER if self._has_pin() else self.CHOOSE)
        self._update_lockout()

    def focus_pad(self) -> None:
        """Give the pad keyboard focus so a USB keyboard can type the PIN."""
        self.pad.setFocus(Qt.FocusReason.OtherFocusReason)

    def _has_pin(self) -> bool:
        try:
            return self._service.has_pin()
        except KioskError:
            return True  # never offer to choose a PIN because the store could not be read

    def _set_mode(self, mode: str) -> None:
        self._mode = mode
        if mode == self.CHOOSE:
            self._heading.setText(self.tr("Choose a staff PIN"))
            self._lead.setText(
                self.tr(
                    "This kiosk has no staff PIN yet. Choose 4 to 8 digits that the volunteers "
                    "at this booth will use to open the staff panel."
                )
            )
        elif mode == self.CONFIRM:
            self._heading.setText(self.tr("Enter the same PIN again"))
            self._lead.setText(self.tr("Type the new PIN once more, to be sure it is right."))
        else:
            self._heading.setText(self.tr("Staff panel"))
            self._lead.setText(self.tr("Enter the staff PIN to see sign-ups, export and settings."))
        self.pad.setAccessibleDescription(self._heading.text())

    def _on_submitted(self, pin: str) -> None:
        if self._mode == self.CHOOSE:
            self._choose(pin)
        elif self._mode == self.CONFIRM:
            self._confirm(pin)
        else:
            self._check(pin)

    def _choose(self, pin: str) -> None:
        try:
            check_new_pin(pin)
        except PinRejected as rejected:
            self.pad.set_message(str(rejected), error=True)
            return
        self._first_choice = pin
        self._set_mode(self.CONFIRM)
        self.pad.set_message("", error=False)

    def _confirm(self, pin: str) -> None:
        first, self._first_choice = self._first_choice, None
        if pin != first:
            self._set_mode(self.CHOOSE)
            self.pad.set_message(self.tr("The two PINs were different. Choose again."), True)
            return
        try:
            self._service.set_pin(pin)
        except KioskError as error:
            self._set_mode(self.CHOOSE)
            self.pad.set_message(str(error), error=True)
            return
        self.pad.clear()
        self.unlocked.emit()

    def _check(self, pin: str) -> None:
        try:
            result = self._service.check_pin(pin)
        except KioskError as error:
            self.pad.set_message(str(error), error=True)
            return
        if result.ok:
            self.pad.clear()
            self.unlocked.emit()
            return
        self.pad.set_message(self.tr("Wrong PIN"), error=True)
        if result.retry_after_s > 0:
            self._retry_at = self._service.clock().timestamp() + result.retry_after_s
            self._update_lockout()

    def _update_lockout(self) -> None:
        """Count down on the service's clock; reopen the pad when the delay is over."""
        if self._retry_at is None:
            self._tick.stop()
            self._countdown.setText("")
            self._countdown.setVisible(False)
            self.pad.set_enabled_for_input(True)
            return
        remaining = self._retry_at - self._service.clock().timestamp()
        if remaining <= 0:
            self._retry_at = None
            self._update_lockout()
            self.pad.set_message(self.tr("You can try again now."), error=False)
            return
        self.pad.set_enabled_for_input(False)
        text = self.tr("Too many wrong tries. Try again in {0}\u00a0s").format(math.ceil(remaining))
        self._countdown.setText(text)
        self._countdown.setAccessibleName(text)
        self._countdown.setVisible(True)
        if not self._tick.isActive():
            self._tick.start()


# --- The unlocked panel ---


class StaffPanel(QWidget):
    """The unlocked panel: a header, four pages (today, event, export, settings)."""

    lock_requested = Signal()
    exit_requested = Signal()
    idle_timeout_changed = Signal(int)
    export_busy_changed = Signal(bool)

    PAGES = ("today", "event", "export", "settings")

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffPanel")
        self._service = service
        self._destinations: list[ExportDestination] = []
        self._chosen_folder: Path | None = None
        self._busy = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job_signals: _ExportSignals | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.setSpacing(16)
        outer.addLayout(self._build_header())
        outer.addLayout(self._build_nav())
        self._pages = QStackedWidget(self)
        self._pages.setObjectName("StaffPages")
        self._pages.addWidget(self._build_today_page())
        self._pages.addWidget(self._build_event_page())
        self._pages.addWidget(self._build_export_page())
        self._pages.addWidget(self._build_settings_page())
        outer.addWidget(self._pages, 1)
        self.show_page("today")

    # Building ---

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        title = _label(self.tr("Staff panel"), "h1")
        title.setObjectName("StaffTitle")
        self._event_line = _label("", "muted")
        self._event_line.setObjectName("StaffCurrentEvent")
        titles.addWidget(title)
        titles.addWidget(self._event_line)
        row.addLayout(titles, 1)
        self._lock_button = _button(self.tr("Lock"), "secondary", "StaffLockButton")
        self._lock_button.setAccessibleName(self.tr("Lock the staff panel"))
        self._lock_button.clicked.connect(self.lock_requested)
        self._exit_button = _button(self.tr("Exit kiosk"), "accent", "StaffExitButton")
        self._exit_button.setAccessibleName(self.tr("Exit the kiosk program"))
        self._exit_button.clicked.connect(self.exit_requested)
        row.addWidget(self._lock_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self._exit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _build_nav(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self._nav = QButtonGroup(self)
        self._nav.setExclusive(True)
        labels = (self.tr("Today"), self.tr("Event"), self.tr("Export"), self.tr("Settings"))
        for index, (page, text) in enumerate(zip(self.PAGES, labels, strict=True)):
            button = _button(text, "quiet", "StaffNavButton")
            button.setCheckable(True)
            button.setProperty("page", page)
            button.setAccessibleName(self.tr("Show {0}").format(text))
            self._nav.addButton(button, index)
            row.addWidget(button)
        row.addStretch(1)
        self._nav.idClicked.connect(lambda index: self.show_page(self.PAGES[index]))
        # Style rules may select on the checked state; re-polish so they follow it.
        self._nav.buttonToggled.connect(lambda button, _on: _repolish(button))
        return row

    def _build_today_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("StaffTodayPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)

        stats = QHBoxLayout()
        stats.setSpacing(20)
        self._stat_today = self._stat(self.tr("Signed up today"), "StatToday", stats)
        self._stat_total = self._stat(self.tr("Signed up in all"), "StatTotal", stats)
        self._stat_pending = self._stat(self.tr("Not yet exported"), "StatPending", stats)
        layout.addLayout(stats)

        row = QHBoxLayout()
        row.setSpacing(20)
        table_card, table_layout = _card(page)
        table_layout.addWidget(_label(self.tr("Sign-ups per event"), "h2"))
        self._table = QTableWidget(0, 3, table_card)
        self._table.setObjectName("StaffEventTable")
        self._table.setAccessibleName(self.tr("Sign-ups per event, today and in all"))
        self._table.setHorizontalHeaderLabels(
            [self.tr("Event and place"), self.tr("Today"), self.tr("Total")]
        )
        self._table.verticalHeader().setVisible(False)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._table.setShowGrid(False)
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(True)
        self._table.verticalHeader().setDefaultSectionSize(52)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._no_events = _label(self.tr("No sign-ups yet."), "muted")
        table_layout.addWidget(self._table, 1)
        table_layout.addWidget(self._no_events)

        chart_card, chart_layout = _card(page)
        chart_layout.addWidget(_label(self.tr("Today, by hour"), "h2"))
        self.chart = HourChart(chart_card)
        chart_layout.addWidget(self.chart, 1)
        row.addWidget(table_card, 2)
        row.addWidget(chart_card, 3)
        layout.addLayout(row, 1)
        return page

    def _stat(self, caption: str, name: str, row: QHBoxLayout) -> QLabel:
        card, layout = _card(self)
        card.setProperty("stat", True)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.setSpacing(2)
        number = QLabel("0", card)
        number.setObjectName(name)
        number.setProperty("role", "stat")
        text = _label(caption, "muted", card)
        layout.addWidget(number)
        layout.addWidget(text)
        row.addWidget(card, 1)
        return number

    def _build_event_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("StaffEventPage")
        outer = QHBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        card, layout = _card(page)
        card.setMaximumWidth(900)
        layout.addWidget(_label(self.tr("Start a new event"), "h2"))
        layout.addWidget(
            _label(
                self.tr(
                    "Sign-ups from now on are recorded under this event. "
                    "Earlier sign-ups keep the event they were made at."
                ),
                "muted",
            )
        )
        self._event_name = QLineEdit(card)
        self._event_name.setObjectName("EventNameField")
        self._event_name.setAccessibleName(self.tr("Event name"))
        self._event_name.setMaxLength(200)
        self._event_name.setMinimumHeight(56)
        self._event_place = QLineEdit(card)
        self._event_place.setObjectName("EventPlaceField")
        self._event_place.setAccessibleName(self.tr("Place"))
        self._event_place.setMaxLength(200)
        self._event_place.setMinimumHeight(56)
        _labelled(self.tr("Event name"), self._event_name, layout)
        _labelled(self.tr("Place (optional)"), self._event_place, layout)
        self._start_event = _button(self.tr("Start event"), "primary", "StartEventButton")
        self._start_event.clicked.connect(self._on_start_event)
        self._event_name.returnPressed.connect(self._on_start_event)
        self._event_place.returnPressed.connect(self._on_start_event)
        layout.addWidget(self._start_event, 0, Qt.AlignmentFlag.AlignLeading)
        self._event_message = _message("EventMessage", card)
        layout.addWidget(self._event_message)
        layout.addStretch(1)
        outer.addWidget(card, 1)
        outer.addStretch(0)
        self.setTabOrder(self._event_name, self._event_place)
        self.setTabOrder(self._event_place, self._start_event)
        return page

    def _build_export_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("StaffExportPage")
        outer = QHBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        card, layout = _card(page)
        card.setMaximumWidth(1100)
        layout.addWidget(_label(self.tr("Export sign-ups"), "h2"))
        self._export_intro = _label("", "muted")
        self._export_intro.setObjectName("ExportIntro")
        layout.addWidget(self._export_intro)
        layout.addWidget(_label(self.tr("Save to"), "h3"))

        self._destination_box = QWidget(card)
        self._destination_box.setObjectName("ExportDestinations")
        self._destination_layout = QVBoxLayout(self._destination_box)
        self._destination_layout.setContentsMargins(0, 0, 0, 0)
        self._destination_layout.setSpacing(6)
        self._destination_group = QButtonGroup(self)
        self._destination_group.setExclusive(True)
        layout.addWidget(self._destination_box)

        actions = QHBoxLayout()
        actions.setSpacing(12)
        self._rescan = _button(self.tr("Look for drives again"), "secondary", "RescanDrivesButton")
        self._rescan.clicked.connect(self.refresh_destinations)
        self._choose_folder = _button(
            self.tr("Choose another folder\u2026"), "secondary", "ChooseFolderButton"
        )
        self._choose_folder.setAccessibleName(self.tr("Choose another folder"))
        self._choose_folder.clicked.connect(self._on_choose_folder)
        actions.addWidget(self._rescan)
        actions.addWidget(self._choose_folder)
        actions.addStretch(1)
        layout.addLayout(actions)

        self._include_all = RowCheckBox(self.tr("Also include sign-ups exported before"), card)
        self._include_all.setObjectName("ExportIncludeAll")
        self._include_all.setAccessibleName(self._include_all.text())
        self._include_all.setMinimumHeight(56)
        layout.addWidget(self._include_all)

        self._export_button = _button(self.tr("Export now"), "primary", "ExportButton")
        self._export_button.clicked.connect(self.start_export)
        layout.addWidget(self._export_button, 0, Qt.AlignmentFlag.AlignLeading)
        self._progress = QProgressBar(card)
        self._progress.setObjectName("ExportProgress")
        self._progress.setAccessibleName(self.tr("Export in progress"))
        self._progress.setRange(0, 0)  # busy: the export reports no steps
        self._progress.setTextVisible(False)
        self._progress.setFixedHeight(12)
        self._progress.setVisible(False)
        layout.addWidget(self._progress)
        self._export_message = _message("ExportMessage", card)
        layout.addWidget(self._export_message)
        layout.addStretch(1)
        outer.addWidget(card, 1)
        return page

    def _build_settings_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("StaffSettingsPage")
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(20)

        pin_card, pin = _card(page)
        pin.addWidget(_label(self.tr("Change the staff PIN"), "h2"))
        self._current_pin = _pin_field("CurrentPinField", self.tr("Current PIN"), pin_card)
        self._new_pin = _pin_field("NewPinField", self.tr("New PIN"), pin_card)
        self._confirm_pin = _pin_field("ConfirmPinField", self.tr("New PIN again"), pin_card)
        _labelled(self.tr("Current PIN"), self._current_pin, pin)
        _labelled(self.tr("New PIN (4 to 8 digits)"), self._new_pin, pin)
        _labelled(self.tr("New PIN again"), self._confirm_pin, pin)
        self._change_pin = _button(self.tr("Change PIN"), "primary", "ChangePinButton")
        self._change_pin.clicked.connect(self._on_change_pin)
        self._confirm_pin.returnPressed.connect(self._on_change_pin)
        pin.addWidget(self._change_pin, 0, Qt.AlignmentFlag.AlignLeading)
        self._pin_message = _message("PinChangeMessage", pin_card)
        pin.addWidget(self._pin_message)
        pin.addStretch(1)

        idle_card, idle = _card(page)
        idle.addWidget(_label(self.tr("Idle timeout"), "h2"))
        idle.addWidget(
            _label(
                self.tr(
                    "After this many seconds without a touch, the kiosk asks whether someone "
                    "is still there, then clears the form and returns to the welcome screen."
                ),
                "muted",
            )
        )
        stepper = QGridLayout()
        stepper.setHorizontalSpacing(12)
        self._idle_minus = _button("\u2212", "secondary", "IdleShorterButton")
        self._idle_minus.setAccessibleName(self.tr("{0} seconds shorter").format(IDLE_STEP_S))
        self._idle_minus.setFixedWidth(72)
        self._idle_spin = QSpinBox(idle_card)
        self._idle_spin.setObjectName("IdleTimeoutField")
        self._idle_spin.setAccessibleName(self.tr("Idle timeout in seconds"))
        self._idle_spin.setRange(MIN_IDLE_TIMEOUT_S, MAX_IDLE_TIMEOUT_S)
        self._idle_spin.setSuffix(self.tr(" s"))
        self._idle_spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        # Qt gives a bordered, button-less spin box's editor no width unless the (hidden)
        # arrow sub-controls are placed explicitly; this rule only fixes that geometry.
        self._idle_spin.setStyleSheet(
            "QSpinBox::up-button, QSpinBox::down-button { subcontrol-origin: border; width: 0px; }"
        )
        self._idle_spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._idle_spin.setMinimumHeight(56)
        self._idle_spin.setMinimumWidth(160)
        self._idle_plus = _button("+", "secondary", "IdleLongerButton")
        self._idle_plus.setAccessibleName(self.tr("{0} seconds longer").format(IDLE_STEP_S))
        self._idle_plus.setFixedWidth(72)
        self._idle_minus.clicked.connect(lambda: self._step_idle(-IDLE_STEP_S))
        self._idle_plus.clicked.connect(lambda: self._step_idle(IDLE_STEP_S))
        # Qt quietly puts back the last good value when an out-of-range one loses focus;
        # remember that the volunteer typed one, so Save can say why it was not taken.
        self._idle_typed_bad = False
        self._idle_spin.lineEdit().textEdited.connect(self._on_idle_edited)
        stepper.addWidget(self._idle_minus, 0, 0)
        stepper.addWidget(self._idle_spin, 0, 1)
        stepper.addWidget(self._idle_plus, 0, 2)
        stepper.setColumnStretch(3, 1)
        idle.addLayout(stepper)
        self._save_idle = _button(self.tr("Save timeout"), "primary", "SaveIdleButton")
        self._save_idle.clicked.connect(self._on_save_idle)
        idle.addWidget(self._save_idle, 0, Qt.AlignmentFlag.AlignLeading)
        self._idle_message = _message("IdleMessage", idle_card)
        idle.addWidget(self._idle_message)
        idle.addStretch(1)

        row.addWidget(pin_card, 1)
        row.addWidget(idle_card, 1)
        for first, second in (
            (self._current_pin, self._new_pin),
            (self._new_pin, self._confirm_pin),
            (self._confirm_pin, self._change_pin),
            (self._change_pin, self._idle_minus),
            (self._idle_minus, self._idle_spin),
            (self._idle_spin, self._idle_plus),
            (self._idle_plus, self._save_idle),
        ):
            self.setTabOrder(first, second)
        return page

    # Pages and data ---

    def show_page(self, page: str) -> None:
        """Show one of "today", "event", "export", "settings"."""
        index = self.PAGES.index(page)
        self._pages.setCurrentIndex(index)
        button = self._nav.button(index)
        if button is not None:
            button.setChecked(True)
        if page == "export":
            self._refresh_export_intro()
            self.refresh_destinations()

    def current_page(self) -> str:
        """Return the page shown now."""
        return self.PAGES[self._pages.currentIndex()]

    def refresh(self) -> None:
        """Re-read counts, the chart, the current event and the settings from the service."""
        try:
            counts = self._service.event_counts()
            hours = self._service.signups_per_hour()
            pending = self._service.pending_count()
            current = self._service.current_event()
            idle_s = self._service.idle_timeout_s
            now_hour = self._service.local_now().hour
        except KioskError as error:
            self._event_line.setText(str(error))
            return
        locale = QLocale()
        self._stat_today.setText(locale.toString(sum(c.today for c in counts)))
        self._stat_total.setText(locale.toString(sum(c.total for c in counts)))
        self._stat_pending.setText(locale.toString(pending))
        for label, caption in (
            (self._stat_today, self.tr("Signed up today")),
            (self._stat_total, self.tr("Signed up in all")),
            (self._stat_pending, self.tr("Not yet exported")),
        ):
            label.setAccessibleName(f"{caption}: {label.text()}")
        self._table.setRowCount(len(counts))
        bold = QFont(self._table.font())
        bold.setBold(True)
        for row, count in enumerate(counts):
            is_current = current is not None and (count.name, count.location) == (
                current.name,
                current.location,
            )
            # Name and place share one cell (two lines) so neither is cut off on a narrow card.
            where = f"{count.name}\n{count.location}" if count.location else count.name
            cells = (
                where,
                locale.toString(count.today),
                locale.toString(count.total),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
                    )
                if is_current:
                    item.setFont(bold)
                self._table.setItem(row, column, item)
        self._table.resizeRowsToContents()
        self._table.setVisible(bool(counts))
        self._no_events.setVisible(not counts)
        self.chart.set_counts(hours)
        self.chart.set_current_hour(now_hour)
        if current is None:
            self._event_line.setText(self.tr("No event started yet: start one on the Event page."))
        elif current.location:
            self._event_line.setText(
                self.tr("Signing up for: {0}, {1}").format(current.name, current.location)
            )
        else:
            self._event_line.setText(self.tr("Signing up for: {0}").format(current.name))
        self._idle_spin.setValue(idle_s)
        self._refresh_export_intro(pending)

    def clear_inputs(self) -> None:
        """Forget everything typed and every message: the panel is being locked."""
        for field in (
            self._current_pin,
            self._new_pin,
            self._confirm_pin,
            self._event_name,
            self._event_place,
        ):
            field.clear()
        for label in (self._event_message, self._pin_message, self._idle_message):
            _show(label, "")
        if not self._busy:
            _show(self._export_message, "")
        self._include_all.setChecked(False)
        self._chosen_folder = None
        self.show_page("today")

    def is_busy(self) -> bool:
        """Return whether an export is running."""
        return self._busy

    def wait_for_export(self, timeout_ms: int = 30_000) -> bool:
        """Block until a running export ends (for shutdown); True if none is left running."""
        return bool(self._pool.waitForDone(timeout_ms))

    def _refresh_export_intro(self, pending: int | None = None) -> None:
        if pending is None:
            try:
                pending = self._service.pending_count()
            except KioskError:
                return
        if pending:
            text = self.tr("{0} sign-ups are waiting to be exported.").format(pending)
        else:
            text = self.tr("Every sign-up has been exported already.")
        self._export_intro.setText(text)

    # Event ---

    def _on_start_event(self) -> None:
        name, place = self._event_name.text(), self._event_place.text()
        try:
            event = self._service.start_event(name, place)
        except KioskError as error:
            _show(self._event_message, str(error), "error")
            self._event_name.setFocus()
            return
        where = f"{event.name}, {event.location}" if event.location else event.name
        _show(self._event_message, self.tr("Sign-ups now go to {0}.").format(where), "success")
        self._event_name.clear()
        self._event_place.clear()
        self.refresh()

    # Export ---

    def destinations(self) -> list[ExportDestination]:
        """Return the folders offered now (removable drives first, a chosen folder last)."""
        return list(self._destinations)

    def refresh_destinations(self) -> None:
        """Look at the mounted volumes again (a stick may have been plugged in)."""
        if self._busy:
            return
        previous = self.selected_destination()
        found = export_destinations(mounted_volumes(), system_root())
        if self._chosen_folder is not None:
            found.append(ExportDestination(self._chosen_folder, self._chosen_folder.name, False))
        self._destinations = found
        for button in self._destination_group.buttons():
            self._destination_group.removeButton(button)
            button.setParent(None)
            button.deleteLater()
        while self._destination_layout.count():
            item = self._destination_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        if not found:
            note = _label(
                self.tr("No USB drive found. Plug one in and look again, or choose a folder."),
                "muted",
                self._destination_box,
            )
            note.setObjectName("NoDrivesNote")
            self._destination_layout.addWidget(note)
        locale = QLocale()
        for index, destination in enumerate(found):
            text = self._destination_text(destination, locale)
            option = RowRadioButton(text, self._destination_box)
            option.setObjectName("ExportDestinationOption")
            option.setProperty("removable", destination.removable)
            option.setAccessibleName(text)
            option.setMinimumHeight(56)
            self._destination_group.addButton(option, index)
            self._destination_layout.addWidget(option)
        if found:
            keep = next((i for i, d in enumerate(found) if d.path == previous), None)
            if self._chosen_folder is not None and previous is None:
                keep = len(found) - 1
            button = self._destination_group.button(keep if keep is not None else 0)
            if button is not None:
                button.setChecked(True)

    def _destination_text(self, destination: ExportDestination, locale: QLocale) -> str:
        path = str(destination.path)
        if destination.bytes_available is not None and destination.bytes_available >= 0:
            free = locale.formattedDataSize(destination.bytes_available)
            if destination.removable:
                return self.tr("USB drive {0} ({1}), {2} free").format(destination.name, path, free)
            return self.tr("{0} ({1}), {2} free").format(destination.name, path, free)
        return self.tr("Folder {0}").format(path)

    def selected_destination(self) -> Path | None:
        """Return the folder the export will be written to, or None."""
        index = self._destination_group.checkedId()
        if 0 <= index < len(self._destinations):
            return self._destinations[index].path
        return None

    def choose_folder(self, folder: Path) -> None:
        """Offer ``folder`` as a destination and select it."""
        self._chosen_folder = folder
        self.refresh_destinations()
        index = next(i for i, d in enumerate(self._destinations) if d.path == folder)
        button = self._destination_group.button(index)
        if button is not None:
            button.setChecked(True)

    def _on_choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the export"), str(Path.home())
        )
        if chosen:
            self.choose_folder(Path(chosen))

    def start_export(self) -> None:
        """Export to the chosen folder in a worker thread, with a busy bar until it ends."""
        if self._busy:
            return
        folder = self.selected_destination()
        if folder is None:
            _show(self._export_message, self.tr("Choose where to save the export first."), "error")
            return
        if not folder.is_dir():
            _show(
                self._export_message,
                self.tr("That drive or folder is not there any more. Look for drives again."),
                "error",
            )
            return
        self._set_busy(True)
        _show(self._export_message, self.tr("Exporting\u2026 keep the drive plugged in."))
        job = ExportJob(self._service, folder, self._include_all.isChecked())
        self._job_signals = job.signals
        job.signals.finished.connect(self._on_export_finished)
        job.signals.failed.connect(self._on_export_failed)
        self._pool.start(job)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._progress.setVisible(busy)
        for widget in (
            self._export_button,
            self._rescan,
            self._choose_folder,
            self._include_all,
            self._destination_box,
            self._lock_button,
            self._exit_button,
        ):
            widget.setEnabled(not busy)
        self.export_busy_changed.emit(busy)

    def _on_export_finished(self, result: ExportResult | None, verified: bool) -> None:
        self._set_busy(False)
        self._job_signals = None
        if result is None:
            _show(self._export_message, self.tr("Nothing new to export."), "info")
        elif verified:
            text = self.tr(
                "Saved {0} sign-ups to {1} in {2}.\nChecked on the drive: SHA-256 {3}"
            ).format(result.rows, result.csv_path.name, result.csv_path.parent, result.sha256)
            _show(self._export_message, text, "success")
        else:
            text = self.tr(
                "Saved {0} sign-ups to {1}, but reading the file back did not match its "
                "manifest. Tick \u201cAlso include sign-ups exported before\u201d and export "
                "again, to another drive if you can."
            ).format(result.rows, result.csv_path.name)
            _show(self._export_message, text, "error")
        self.refresh()

    def _on_export_failed(self, message: str, drive_failed: bool) -> None:
        self._set_busy(False)
        self._job_signals = None
        if drive_failed:
            reason = self.tr("The drive could not be written: it may be full, locked or removed.")
        else:
            reason = message or self.tr("Something went wrong while exporting.")
        text = self.tr("The export did not finish. {0} The sign-ups are still safe on this kiosk.")
        _show(self._export_message, text.format(reason), "error")
        self.refresh()

    # Settings ---

    def _on_change_pin(self) -> None:
        current, new, again = (
            self._current_pin.text(),
            self._new_pin.text(),
            self._confirm_pin.text(),
        )
        if not current or not new:
            _show(self._pin_message, self.tr("Fill in the current PIN and the new PIN."), "error")
            return
        if new != again:
            _show(self._pin_message, self.tr("The two new PINs are different."), "error")
            self._confirm_pin.clear()
            self._confirm_pin.setFocus()
            return
        try:
            check_new_pin(new)
            result = self._service.check_pin(current)
            if not result.ok:
                text = self.tr("The current PIN is wrong.")
                if result.retry_after_s > 0:
                    text += " " + self.tr("Try again in {0} s.").format(
                        math.ceil(result.retry_after_s)
                    )
                _show(self._pin_message, text, "error")
                self._current_pin.clear()
                self._current_pin.setFocus()
                return
            self._service.set_pin(new)
        except KioskError as error:
            _show(self._pin_message, str(error), "error")
            return
        finally:
            self._current_pin.clear()
        self._new_pin.clear()
        self._confirm_pin.clear()
        _show(self._pin_message, self.tr("The staff PIN is changed."), "success")

    def _step_idle(self, step: int) -> None:
        self._idle_typed_bad = False
        self._idle_spin.stepBy(step)

    def _on_idle_edited(self, _text: str) -> None:
        self._idle_typed_bad = not self._idle_spin.hasAcceptableInput()

    def _on_save_idle(self) -> None:
        if self._idle_typed_bad or not self._idle_spin.hasAcceptableInput():
            self._idle_typed_bad = False
            text = self.tr("Enter a number of seconds from {0} to {1}.").format(
                MIN_IDLE_TIMEOUT_S, MAX_IDLE_TIMEOUT_S
            )
            _show(self._idle_message, text, "error")
            return
        self._idle_spin.interpretText()
        seconds = self._idle_spin.value()
        try:
            self._service.set_idle_timeout(seconds)
        except KioskError as error:
            _show(self._idle_message, str(error), "error")
            return
        text = self.tr("Saved: the kiosk resets after {0} s without a touch.").format(seconds)
        _show(self._idle_message, text, "success")
        self.idle_timeout_changed.emit(seconds)


# --- The screen ---


def touch_screen_present() -> bool:
    """Return whether a touch screen is attached (then the on-screen keyboard is on)."""
    return any(
        device.type() == QInputDevice.DeviceType.TouchScreen for device in QInputDevice.devices()
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
        panel_column = QVBoxLayout(self._panel_stage)
        panel_column.setContentsMargins(0, 0, 0, 0)
        panel_column.setSpacing(0)
        panel_column.addWidget(self._panel_scroll, 1)
        panel_column.addWidget(self.keyboard)
        self._stages.addWidget(self._panel_stage)

        if show_keyboard is None:
            mode = service.keyboard_mode
            show_keyboard = mode == "on" or (mode == "auto" and touch_screen_present())
        self._keyboard_enabled = show_keyboard

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
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
            QTimer.singleShot(0, lambda: self._panel_scroll.ensureWidgetVisible(field, 40, 40))
        elif new is not None and not self.keyboard.isAncestorOf(new):
            self.keyboard.setVisible(False)
