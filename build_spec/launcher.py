"""Entry point of the bundled app: the same command line as `p2p-kiosk` from source."""

import sys

from p2p_kiosk import main

if __name__ == "__main__":
    sys.exit(main())
