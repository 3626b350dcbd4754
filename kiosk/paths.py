"""Where things live: bundled assets (from source or a PyInstaller bundle) and the data folder."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "p2p-kiosk"
APP_AUTHOR = "PeopleToPeople"
DB_FILE_NAME = "kiosk.sqlite3"
"""The kiosk store's file in the data folder (here so it is known without loading the store)."""
INSTALLED_CONTENT_FILE_NAME = "installed-content.toml"
"""Content a volunteer chose (staff panel, ``content install``), copied into the data folder."""
MASTER_FILE_NAME = "master.sqlite3"
"""The office's SQLite master store in its data folder, unless a URL names another store."""


def _bundle_root() -> Path:
    # PyInstaller unpacks data files under sys._MEIPASS; from source, the
    # repository root (parent of kiosk/) holds assets/ and kiosk/migrations/.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def asset_path(*parts: str) -> Path:
    """Return the path of a bundled asset, e.g. ``asset_path("content", "people-to-people.toml")``.

    The one place that joins paths to ``assets/``.
    """
    return _bundle_root().joinpath("assets", *parts)


def migrations_path() -> Path:
    """Return the folder holding the kiosk store's Alembic scripts (source or bundle)."""
    return _bundle_root() / "kiosk" / "migrations"


def translations_path(*parts: str) -> Path:
    """Return a file of the screens' translations (``ui/translations/``, in any install)."""
    return _bundle_root().joinpath("ui", "translations", *parts)


def default_data_dir() -> Path:
    """Return the per-user data folder where the real kiosk keeps its database and logs."""
    # Loaded here, not with this module: a kiosk started with --data-dir never asks.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_content_path() -> Path:
    """Return the bundled content file."""
    return asset_path("content", "people-to-people.toml")
