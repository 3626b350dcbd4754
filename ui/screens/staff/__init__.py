"""The staff panel: a PIN stage in front of counts, the hour chart, events, export and settings.

Volunteers reach it through a hidden gesture; the main window then shows this
screen locked, at its PIN stage, which checks the PIN with the service's
growing lockout after wrong tries. It never offers to choose a PIN: that is
first-start setup (``ui.screens.setup``) or ``p2p-kiosk pin set``, and the
window opens no staff screen before a PIN exists. Unlocked, the panel shows
today's and the total sign-ups per event, the sign-ups per hour, starts an
event, exports to a USB stick (in a worker thread, verified by re-reading the
file), changes the PIN and the idle timeout, and exits the kiosk. It locks
itself after two idle minutes and on ``lock()``, and then forgets everything
typed into it.

Everything it knows comes from ``KioskService``; errors from the core
(``KioskError``) are shown in words next to the control that caused them.

Modules: ``screen`` (StaffScreen: the stages, idle lock, keyboard), ``pin_stage``
(on a ``prompt_card``, shared with the setup screen), ``panel`` (header and
page buttons) with ``today_page``, ``event_page``, ``export_page``,
``settings_page``, ``languages_page`` and ``content_page`` (new content from a
USB stick); ``export_destinations`` (which volumes an export may go
to), ``export_task`` (the worker), ``controls`` (the shared labels,
buttons and cards) and ``page`` (what every part asking the service, and
every one-card page, is built on).
"""

from __future__ import annotations

from ui.screens.staff.controls import RowCheckBox, RowRadioButton
from ui.screens.staff.export_destinations import (
    REMOVABLE_PREFIXES,
    ExportDestination,
    VolumeInfo,
    export_destinations,
    is_removable_path,
    mounted_volumes,
    system_root,
)
from ui.screens.staff.export_task import ExportJob
from ui.screens.staff.panel import StaffPanel
from ui.screens.staff.pin_stage import LOCKOUT_TICK_MS, PinStage
from ui.screens.staff.screen import IDLE_LOCK_MS, StaffScreen
from ui.screens.staff.settings_page import IDLE_STEP_S

__all__ = [
    "IDLE_LOCK_MS",
    "IDLE_STEP_S",
    "LOCKOUT_TICK_MS",
    "REMOVABLE_PREFIXES",
    "ExportDestination",
    "ExportJob",
    "PinStage",
    "RowCheckBox",
    "RowRadioButton",
    "StaffPanel",
    "StaffScreen",
    "VolumeInfo",
    "export_destinations",
    "is_removable_path",
    "mounted_volumes",
    "system_root",
]
