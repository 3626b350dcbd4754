"""Attendee, staff and stick data is shown as plain text everywhere, never rendered as HTML.

A first name ``<img src="/dev/zero">`` passes the kiosk's form (it is a
legal name as far as characters go), the export and the import. Qt guesses
whether a label or tooltip is HTML; had it guessed here, hovering over that
contact in the office made Qt load the "image" by reading /dev/zero until
the process died (std::bad_alloc). The first tests run that journey for real
in a child process with capped memory, hovering as staff would; the last
walks every widget of the kiosk and the office window loaded with such data
and finds nothing that Qt would read as HTML.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from kiosk.service import KioskService
from kiosk.signup import SignupForm
from tests.conftest import REPO_ROOT
from ui.office.app import make_office_window

HOSTILE = '<img src="/dev/zero">'
BOLD = "<b>Hall</b>"

# Runs in a child process: a kiosk takes the sign-up through its real form
# checks and exports it; the office window imports it (and a file whose header
# is hostile) and staff hover over the cell named in argv[2].
_HOVER = r"""
import sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from kiosk.service import KioskService
from kiosk.signup import SignupForm
from ui.office.app import make_office_window

HOSTILE = '<img src="/dev/zero">'
app = QApplication([])
root = Path(sys.argv[1])
service = KioskService.open(root / "kiosk")
service.start_event("Campus Fair", "Boston")
service.submit(SignupForm(first_name=HOSTILE, last_name="Levi", email="dana@example.org",
                          contact_consent=True))
(root / "usb").mkdir()
result = service.export(root / "usb")
service.close()
hostile_header = root / "usb" / "hostile.csv"
data = result.csv_path.read_bytes().replace(
    b",locale\r\n", b',locale,"<img src=""/dev/zero"">"\r\n', 1
)
hostile_header.write_bytes(data)
import hashlib, json
manifest = json.loads(result.manifest_path.read_text())
manifest["sha256"] = hashlib.sha256(data).hexdigest()
(root / "usb" / "hostile.csv.manifest.json").write_text(json.dumps(manifest))

window = make_office_window(f"sqlite:///{root / 'master.sqlite3'}")
window.resize(1320, 900)
window.show()

def settle():
    deadline = time.monotonic() + 60
    while True:
        app.processEvents()
        if not window.is_busy():
            break
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        time.sleep(0.02)
    app.processEvents()

window.add_files([result.csv_path, hostile_header])
settle()
window.merge()
settle()
if sys.argv[2] == "contact":
    window.tabs.setCurrentIndex(1)
    window.search("dana@")
    table, cell = window.results_table, (0, 0)
else:
    table, cell = window.files_table, (1, 6)
app.processEvents()
item = table.item(*cell)
tip = item.toolTip()
assert HOSTILE in tip.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"'), tip
pos = table.visualItemRect(item).center()
hover = QHelpEvent(QEvent.Type.ToolTip, pos, table.viewport().mapToGlobal(pos))
QApplication.sendEvent(table.viewport(), hover)
app.processEvents()
print("shown:", QToolTip.isVisible(), flush=True)
"""


def _limit_memory() -> None:
    # Enough for Qt; far too little to read /dev/zero for long.
    import resource  # POSIX only, like the tests that use it

    resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("where", ["contact", "rejected file"])
def test_hovering_over_hostile_text_in_the_office_shows_it_and_survives(
    where: str, tmp_path: Path
) -> None:
    run = subprocess.run(
        [sys.executable, "-c", _HOVER, str(tmp_path), where.split()[0]],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT)),
        preexec_fn=_limit_memory,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "shown: True" in run.stdout


# Every widget, loaded with hostile data ---------------------------------------------------


def _would_render_markup(text: str) -> bool:
    """True if Qt would read ``text`` as HTML and it still holds one of the raw tags."""
    return bool(text) and GuiQt.mightBeRichText(text) and ("<img" in text or "<b>" in text)


def _offenders(top: QWidget) -> list[str]:
    """Every label not fixed to plain text, and every tooltip Qt would render as HTML."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText:
            found.append(f"{name}: label text format {widget.textFormat()}")
        if _would_render_markup(widget.toolTip()):
            found.append(f"{name}: tooltip {widget.toolTip()!r}")
        if isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    if item is not None and _would_render_markup(item.toolTip()):
                        found.append(f"{name}[{row},{column}]: tooltip {item.toolTip()!r}")
    return found


def test_no_kiosk_widget_renders_data_as_rich_text(
    qtbot: QtBot, make_window: Any, service: KioskService
) -> None:
    service.start_event(HOSTILE, BOLD)
    window = make_window()
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.home.join_card, Qt.MouseButton.LeftButton)
    join = window.join
    qtbot.keyClicks(join.first_name.edit, HOSTILE)
    qtbot.keyClicks(join.last_name.edit, BOLD)
    qtbot.keyClicks(join.email.edit, "dana@example.org")
    qtbot.mouseClick(join.consent.button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(join.submit_button, Qt.MouseButton.LeftButton)
    assert window.current == "thank_you"
    assert HOSTILE in window.thank_you.title_label.text()

    assert _offenders(window) == []


def test_no_office_widget_renders_data_as_rich_text(
    qtbot: QtBot, tmp_path: Path, usb: Path, service: KioskService
) -> None:
    service.start_event(HOSTILE, BOLD)
    service.submit(
        SignupForm(
            first_name=HOSTILE, last_name=BOLD, email="dana@example.org", contact_consent=True
        )
    )
    result = service.export(usb)
    assert result is not None
    odd = usb / "<b>Hall.csv"  # a file name with markup, rejected (no manifest)
    odd.write_bytes(result.csv_path.read_bytes())
    window = make_office_window(f"sqlite:///{tmp_path / 'master.sqlite3'}")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.checks_finished, timeout=20_000):
        window.add_files([result.csv_path, odd])
    with qtbot.waitSignal(window.merge_finished, timeout=20_000):
        window.merge()
    assert window.search("dana@")[0].first_name == HOSTILE
    item = window.files_table.item(1, 0)
    assert item is not None and item.text() == "<b>Hall.csv"

    assert _offenders(window) == []
