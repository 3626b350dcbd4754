"""A counted pause of the cyclic garbage collector, shared by the import's check and merge.

Its own module because both halves of the import take it, possibly at the
same time (a file is checked in a thread while another's merge commits): the
pause is counted so the collector comes back on only when the last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Reading or merging 100,000 rows otherwise triggers dozens of full
    collections over every record already built, tripling the time. Counted,
    so a check running in a thread beside a merge restores it only at the end.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()
