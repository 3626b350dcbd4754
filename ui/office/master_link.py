"""The office master store's engine for a tab: opened when first needed, let go on close."""

from __future__ import annotations

from sqlalchemy import Engine

from kiosk.master import open_master


class MasterLink:
    """One engine on the master store at ``url``, opened on first use (``open_master``)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None

    def engine(self) -> Engine:
        """The engine, opening the store (and creating its tables) the first time."""
        if self._engine is None:
            self._engine = open_master(self.url)
        return self._engine

    def close(self) -> None:
        """Let go of the store's connections (the window is closing); reopened if used again."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
