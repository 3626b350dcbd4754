"""The office window's one connection pool to the master store, shared by its tabs."""

from __future__ import annotations

from sqlalchemy import Engine

from kiosk.master import open_master


class MasterLink:
    """The master store at ``url``: opened on first use (so a bad address is shown, not
    raised, where it is used), closed once when the window closes."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None

    def engine(self) -> Engine:
        """The store's engine; raises ``kiosk.master.MasterError`` if it cannot be opened."""
        if self._engine is None:
            self._engine = open_master(self.url)
        return self._engine

    def close(self) -> None:
        """Let go of the store's connections."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
