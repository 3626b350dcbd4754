"""language_switch: an attendee's language switched on the join screen at 1920x1080, until the
window is repainted, against the same screen re-shown in the same language.

One process on the offscreen platform, a set-up kiosk with the on-screen keyboard shown (a
touch-only booth), the form's first field focused. Each pair times a re-show (home, then the
form again, repainted) and a switch (English to Hebrew, or back: every text retranslated in
place, the layout mirrored, the keyboard's letters changed, repainted). The figure is the
median of the pairs' ratios (target 3), with their spread.
"""

from __future__ import annotations

from itertools import cycle
from pathlib import Path

from bench.common import Figure, interleave, set_up_kiosk, timed

PAIRS = 40
SIZE = (1920, 1080)


def run(workdir: Path) -> list[Figure]:
    """Time PAIRS interleaved re-shows and switches of the join screen."""
    from PySide6.QtWidgets import QApplication

    from kiosk.service import KioskService
    from ui.app import build_main_window
    from ui.screens.base import Route

    set_up_kiosk(workdir)
    service = KioskService.open(workdir)
    window = build_main_window(service, show_keyboard=True)
    window.resize(*SIZE)
    window.show()
    window.go(Route.HOME)
    window.go(Route.JOIN)
    QApplication.processEvents()
    languages = cycle(["he", "en"])

    def repainted() -> None:
        QApplication.sendPostedEvents()  # the layouts the change asked for
        window.repaint()

    def reshow() -> None:
        window.go(Route.HOME)
        window.go(Route.JOIN)
        repainted()

    def switch() -> None:
        window.set_language(next(languages))
        repainted()

    try:
        for _ in range(2):  # an extra warm-up: both languages' translators loaded
            reshow()
            switch()
        pairs = interleave(lambda: timed(reshow)[1], lambda: timed(switch)[1], PAIRS)
    finally:
        window.allow_close()
        window.close()
        service.close()
    return [Figure.from_pairs("language_switch", pairs, target=3.0)]
