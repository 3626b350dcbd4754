"""The application ``p2p-kiosk office`` runs in, and the office's screenshots are drawn in.

Apart from tests/ui/test_office.py, whose tests all run inside that styling
(``office_app``): this one starts from the kiosk's application, as
``p2p-kiosk screenshots`` does, and checks the styling comes and goes whole.
"""

from __future__ import annotations

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from ui.office.app import OFFICE_FONT_PX, as_office_app
from ui.widgets.fonts import LATIN_FONT_FAMILY


def test_the_office_is_drawn_in_the_bundled_face_and_fusion_as_its_screenshots_are() -> None:
    """``p2p-kiosk office`` on any desktop, and the screenshots made beside the kiosk's screens."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kiosk_sheet, kiosk_font = app.styleSheet(), app.font()
    assert kiosk_sheet  # the tests' application is the kiosk's (tests/conftest.py)
    with as_office_app():
        assert app.style().name().casefold() == "fusion"
        assert app.font().families()[0] == LATIN_FONT_FAMILY
        assert QFontInfo(app.font()).family() == LATIN_FONT_FAMILY  # loaded, not a stand-in
        assert app.font().pixelSize() == OFFICE_FONT_PX
        assert app.styleSheet() == ""  # the window carries the office's own
    assert app.styleSheet() == kiosk_sheet and app.font() == kiosk_font
