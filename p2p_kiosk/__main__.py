"""``python -m p2p_kiosk``: the same as the ``p2p-kiosk`` command."""

import sys

from p2p_kiosk import main

if __name__ == "__main__":
    sys.exit(main())
