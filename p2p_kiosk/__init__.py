"""The ``p2p-kiosk`` program: the Qt-free core (``kiosk``) and the screens (``ui``) put together.

The layers, top to bottom; import-linter holds them (``make lint``, contracts
in ``pyproject.toml``):

- ``p2p_kiosk``: the program's entry point, and the commands that show or
  render screens (run, office, screenshots, the self-check's screen step).
- ``ui``: the Qt widgets, the kiosk's screens and the office window.
- ``kiosk``: everything true without a screen, the rest of the command line
  included; it never imports ``ui`` or PySide6.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """The ``p2p-kiosk`` command (console script, ``python -m p2p_kiosk``, the bundle).

    The program loads with the garbage collector held off: loading makes only
    objects that live as long as the program (modules, classes, Qt's enums), and
    collecting would walk them again and again for nothing (about 3% of the
    kiosk's start). ``run`` holds it off again until the first screen shows.
    """
    gc.disable()
    try:
        from p2p_kiosk import cli
    finally:
        gc.enable()
    return cli.main(argv)
