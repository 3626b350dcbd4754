"""``python -m kiosk``: the same as the ``p2p-kiosk`` command (and the bundle's entry point)."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
