"""Where an export can go: the mounted volumes Qt sees, filtered to the ones a volunteer may use.

USB sticks and cards come first; the system volume, read-only volumes and kernel
or container mounts are never offered. The filtering is plain functions over
``VolumeInfo`` values, so it is tested without real drives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

REMOVABLE_PREFIXES = ("/media/", "/run/media/", "/Volumes/", "/mnt/")
"""Mount folders under which Linux and macOS put USB sticks and cards."""

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


def removable_folders(volumes: Iterable[VolumeInfo], system_root_path: str = "/") -> list[Path]:
    """The USB sticks and cards among ``volumes``, read-only ones too: places files are read from.

    A locked stick still brings back the office's receipts, or new content.
    """
    return [
        destination.path
        for destination in export_destinations(volumes, system_root_path, writable_only=False)
        if destination.removable
    ]


def export_destinations(
    volumes: Iterable[VolumeInfo], system_root_path: str = "/", *, writable_only: bool = True
) -> list[ExportDestination]:
    """Return the volumes an export can go to: ready, writable, not the system volume,
    not a kernel or container mount; removable drives first.

    ``writable_only=False`` also lists read-only volumes (a locked stick can
    still bring back the office's receipts)."""
    system = system_root_path.replace("\\", "/").rstrip("/") or "/"
    found: list[ExportDestination] = []
    seen: set[str] = set()
    for volume in volumes:
        path = volume.root_path.replace("\\", "/")
        normalized = path.rstrip("/") or "/"
        if not (volume.is_valid and volume.is_ready) or (writable_only and volume.is_read_only):
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
