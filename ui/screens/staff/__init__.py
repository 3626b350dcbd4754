"""The staff panel: a PIN stage in front of counts, the hour chart, events, export and settings."""

from __future__ import annotations

from ui.screens.staff.panel import (
    IDLE_LOCK_MS,
    IDLE_STEP_S,
    LOCKOUT_TICK_MS,
    REMOVABLE_PREFIXES,
    ExportDestination,
    ExportJob,
    PinStage,
    RowCheckBox,
    RowRadioButton,
    StaffPanel,
    StaffScreen,
    VolumeInfo,
    export_destinations,
    is_removable_path,
    mounted_volumes,
    system_root,
    touch_screen_present,
)

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
    "touch_screen_present",
]
