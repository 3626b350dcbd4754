"""The ``p2p-kiosk`` program: the Qt-free core (``kiosk``) and the screens (``ui``) put together.

The layers, top to bottom; import-linter holds them (``make lint``, contracts
in ``pyproject.toml``):

- ``p2p_kiosk``: the program's entry point, and the commands that show or
  render screens (run, office, screenshots, the self-check's screen step).
- ``ui``: the Qt widgets, the kiosk's screens and the office window.
- ``kiosk``: everything true without a screen, the rest of the command line
  included; it never imports ``ui`` or PySide6.
"""
