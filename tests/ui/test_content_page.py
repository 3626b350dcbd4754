"""The staff panel's Content page, in the kiosk window: a stick's files, checks, preview, switch.

The "USB stick" is a real folder with real files; only which folders count
as plugged-in drives is given to the page (the volume filtering is tested
with the Export page's).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QRadioButton
from pytestqt.qtbot import QtBot

import ui.screens.staff.content_page as content_page
from kiosk.config import ContentSource, installed_content_path
from kiosk.service import KioskService
from tests.conftest import BUNDLED
from tests.test_content_install import (
    PAGE_LINK,
    assert_spring_after_restart,
    spring_content,
)
from tests.ui.conftest import MakeWindow
from tests.ui.staff_driver import StaffDriver, find
from ui.main_window import MainWindow
from ui.screens.base import Route


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plugged-in USB stick: a good content file, a broken one, and things that are none."""
    folder = tmp_path / "STICK"
    spring_content(folder)
    (folder / "broken.toml").write_text(
        BUNDLED.replace('title = "People to People Connections"', 'title = ""', 1).replace(
            'summary = "President Rivlin',
            'link = "javascript:alert(1)"\nsummary = "President Rivlin',
        ),
        encoding="utf-8",
    )
    (folder / "notes.txt").write_text("not content", encoding="utf-8")
    (folder / "._spring.toml").write_bytes(b"\x00\x05\x16\x07")  # macOS's shadow file
    spring_content(folder / "autumn", "autumn.toml")
    monkeypatch.setattr(content_page, "stick_folders", lambda: [folder])
    return folder


def _open_content_page(qtbot: QtBot, window: MainWindow, service: KioskService) -> StaffDriver:
    """Open the kiosk window's staff screen, unlock it and go to the Content page."""
    window.open_staff()
    staff = StaffDriver(qtbot, window.staff, service)
    staff.open_page("content")
    return staff


def _choose(qtbot: QtBot, window: MainWindow, name: str) -> None:
    option = next(
        o
        for o in window.staff.findChildren(QRadioButton, "ContentFileOption")
        if o.text().startswith(name)
    )
    qtbot.mouseClick(option, Qt.MouseButton.LeftButton)
    assert option.isChecked()


def _kiosk_using_spring(
    qtbot: QtBot, make_window: MakeWindow, service: KioskService
) -> tuple[MainWindow, StaffDriver]:
    """A kiosk window where a volunteer chose the stick's spring.toml and Use this content."""
    window = make_window()
    staff = _open_content_page(qtbot, window, service)
    _choose(qtbot, window, "spring.toml")
    staff.click("UseContentButton")
    return window, staff


def _result(window: MainWindow) -> str:
    """The check's words as read: without the marks that set each language's name apart."""
    text = find(window.staff, QLabel, "ContentCheckResult").text()
    return text.replace("\u2068", "").replace("\u2069", "")


def _use_button(window: MainWindow) -> QAbstractButton:
    return find(window.staff, QAbstractButton, "UseContentButton")


def test_the_page_lists_the_content_files_on_the_stick(
    qtbot: QtBot, kiosk_window: MainWindow, service: KioskService, stick: Path
) -> None:
    _open_content_page(qtbot, kiosk_window, service)
    page = kiosk_window.staff.panel.content_page
    assert [path.name for path in page.found_files()] == [
        "autumn.toml",
        "broken.toml",
        "spring.toml",
    ]
    summary = find(kiosk_window.staff, QLabel, "CurrentContentSummary").text()
    assert "People to People Connections" in summary
    assert f"Content version: {service.content.version_id}" in summary
    assert "7 resource(s), 0 with a link" in summary
    assert PAGE_LINK in summary and "The bundled content." in summary
    assert not find(kiosk_window.staff, QAbstractButton, "BundledContentButton").isVisible()


def test_a_bad_file_shows_each_problem_in_plain_words_and_changes_nothing(
    qtbot: QtBot, kiosk_window: MainWindow, service: KioskService, stick: Path
) -> None:
    _open_content_page(qtbot, kiosk_window, service)
    _choose(qtbot, kiosk_window, "broken.toml")
    text = _result(kiosk_window)
    assert "2 problem(s) in broken.toml; nothing was changed:" in text
    assert "• Title: must not be empty" in text
    assert "• Resource 6, link: must be a web address starting with http:// or https://" in text
    assert not _use_button(kiosk_window).isVisible()
    assert service.content_source is ContentSource.BUNDLED
    assert not installed_content_path(service.config.data_dir).exists()


def test_a_good_file_shows_home_and_resources_as_they_will_look(
    qtbot: QtBot, kiosk_window: MainWindow, service: KioskService, stick: Path
) -> None:
    _open_content_page(qtbot, kiosk_window, service)
    _choose(qtbot, kiosk_window, "spring.toml")
    assert "spring.toml passes every check" in _result(kiosk_window)
    assert "“Spring Gathering”, version 2027-03-01.1+" in _result(kiosk_window)
    for name in ("HomePreview", "ResourcesPreview"):
        picture = find(kiosk_window.staff, QLabel, name).pixmap()
        assert not picture.isNull() and picture.width() > 0
        # Drawn, not blank: a screen has more than one colour in it.
        image = picture.toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in (20, 40, 60)}
        assert len(colours) > 2
    assert _use_button(kiosk_window).isVisible()
    assert service.content.title == "People to People Connections"  # nothing changed yet


def test_use_this_content_switches_the_kiosk_and_pulling_the_stick_changes_nothing(
    qtbot: QtBot, make_window: MakeWindow, service: KioskService, stick: Path
) -> None:
    window, staff = _kiosk_using_spring(qtbot, make_window, service)

    assert service.content.title == "Spring Gathering"
    assert "Spring Gathering" in find(window.staff, QLabel, "CurrentContentSummary").text()
    (stick / "spring.toml").unlink()  # the stick is pulled
    staff.click("StaffLockButton")
    assert window.current == Route.ATTRACT
    assert window.attract.eyebrow.text() == "Spring Gathering"
    window.go(Route.HOME)
    assert window.home.title_label.text() == "Spring Gathering"

    data_dir = service.config.data_dir
    service.close()
    assert_spring_after_restart(data_dir)  # and after a restart


def test_back_to_the_bundled_content_undoes_it(
    qtbot: QtBot, make_window: MakeWindow, service: KioskService, stick: Path
) -> None:
    window, staff = _kiosk_using_spring(qtbot, make_window, service)
    staff.click("BundledContentButton")

    assert service.content.title == "People to People Connections"
    assert not installed_content_path(service.config.data_dir).exists()
    assert not find(window.staff, QAbstractButton, "BundledContentButton").isVisible()
    staff.click("StaffLockButton")
    window.go(Route.HOME)
    assert window.home.title_label.text() == "People to People Connections"


def test_the_languages_page_follows_the_new_content(
    qtbot: QtBot, make_window: MakeWindow, service: KioskService, stick: Path
) -> None:
    (stick / "english.toml").write_text(BUNDLED.split("[translations.es]")[0], encoding="utf-8")
    window = make_window()
    staff = _open_content_page(qtbot, window, service)
    _choose(qtbot, window, "english.toml")
    assert "No longer offered (not complete in this file): Español, עברית, العربية" in _result(
        window
    )
    staff.click("UseContentButton")
    staff.nav("languages")
    offered = [
        box.objectName()
        for box in window.staff.findChildren(QAbstractButton)
        if box.objectName().startswith("OfferLanguage_") and box.isVisible()
    ]
    assert offered == ["OfferLanguage_en"]


def test_the_message_screen_offers_the_page_on_a_phone(kiosk_window: MainWindow) -> None:
    kiosk_window.go(Route.HOME)
    kiosk_window.go(Route.MESSAGE)
    qr = kiosk_window.message.page_qr
    assert qr is not None and qr.address() == PAGE_LINK
    assert qr.caption_label.text() == "Read this page on your phone"
    assert qr.canvas.matrix  # a code a phone can read, not the address alone
