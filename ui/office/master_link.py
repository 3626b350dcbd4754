"""The office window's one engine on the master store, shared by the tabs that read it
(contacts, possible duplicates, events): opened when first needed, let go on close."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from kiosk.master import open_master


class MasterLink:
    """One engine on the master store at ``url``, opened on first use (``open_master``), so a
    bad address is shown where it is used instead of stopping the window."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None
        # The tabs ask from the GUI thread and from background tasks: one engine, not two.
        self._lock = threading.Lock()

    def engine(self) -> Engine:
        """The engine, opening the store (and creating its tables) the first time; raises
        ``kiosk.master.MasterError`` if it cannot be opened."""
        with self._lock:
            if self._engine is None:
                self._engine = open_master(self.url)
            return self._engine

    def close(self) -> None:
        """Let go of the store's connections (the window is closing); reopened if used again."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
