"""The staff panel's "Content" page: what attendees read now, and new content from a USB stick.

The left card says what is showing (title, content version, languages,
resources and which have links, and where the file came from) and offers
**Back to the bundled content** when a volunteer installed other content.
The right card lists the content files (``*.toml``) on the plugged-in
drives; choosing one checks it exactly as ``p2p-kiosk content check`` does
(``KioskService.check_content_file``) and shows each problem in plain words,
or a preview of the home and resources screens drawn with that content, and
**Use this content**. The service copies the file into the data folder, so
pulling the stick changes nothing; the panel then tells the window to show
the new content (``content_changed``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QWidget,
)

from kiosk.config import ContentSource
from kiosk.content import Content, ContentError
from kiosk.content_install import ContentCandidate, find_content_files
from kiosk.errors import KioskError
from kiosk.service import KioskService
from ui.screens.staff.controls import RowRadioButton, finish_card, make_card, show_message
from ui.screens.staff.export_destinations import mounted_volumes, removable_folders, system_root
from ui.screens.staff.page import StaffPart
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.layouts import clear_layout, hbox, vbox
from ui.widgets.text import isolated, plain_label, set_role, text_label

MAX_PROBLEMS_SHOWN = 12
"""A hostile file can have thousands of problems; the page names the first ones."""


def stick_folders() -> list[Path]:
    """The removable drives plugged in now, read-only ones too (content is only read)."""
    return removable_folders(mounted_volumes(), system_root())


class ContentPage(StaffPart):
    """Two cards: the content showing now, and content files found on USB sticks."""

    content_changed = Signal()
    """The kiosk shows other content now: every screen drawn from the old one is out of date."""

    def __init__(self, service: KioskService, parent: QWidget | None = None) -> None:
        super().__init__(service, "StaffContentPage", parent)
        self._found: list[Path] = []
        self._candidate: ContentCandidate | None = None
        outer = hbox(self, spacing=metrics.STAFF_PAGE_SPACING)
        outer.addWidget(self._build_current_card(), 2)
        outer.addWidget(self._build_stick_card(), 3)

    # Building ---

    def _build_current_card(self) -> QWidget:
        card, layout = make_card(self, self.tr("Showing now"))
        self.current_summary = text_label("", "body", card)
        self.current_summary.setObjectName("CurrentContentSummary")
        layout.addWidget(self.current_summary)
        self._bundled_button = kiosk_button(
            self.tr("Back to the bundled content"), "secondary", name="BundledContentButton"
        )
        self._bundled_button.clicked.connect(self.back_to_bundled)
        self._current_message = finish_card(layout, "CurrentContentMessage", self._bundled_button)
        return card

    def _build_stick_card(self) -> QWidget:
        card, layout = make_card(self)
        heading = QHBoxLayout()
        heading.setSpacing(metrics.STAFF_BUTTON_SPACING)
        heading.addWidget(
            text_label(self.tr("Load from USB stick"), "h2", card, squeezable=True), 1
        )
        self._look_button = kiosk_button(
            self.tr("Look again"),
            "secondary",
            name="LookForContentButton",
            description=self.tr("Look for content files on USB sticks again"),
            clicked=self.look_for_files,
            parent=card,
        )
        heading.addWidget(self._look_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(heading)
        layout.addWidget(
            text_label(
                self.tr(
                    "Plug in the stick with the new content file (.toml), then choose it. "
                    "It is checked and shown here before anything changes."
                ),
                "muted",
                card,
                squeezable=True,
            )
        )
        self._files = QButtonGroup(self)
        self._files.idClicked.connect(lambda index: self.choose(self._found[index]))
        self._files_box = QWidget(card)
        self._files_layout = vbox(self._files_box, spacing=metrics.EXPORT_DESTINATION_SPACING)
        layout.addWidget(self._files_box)
        self.check_result = text_label("", "body", card)
        self.check_result.setObjectName("ContentCheckResult")
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.check_result)
        self.previews = QWidget(card)
        previews = hbox(self.previews, spacing=metrics.STAFF_BUTTON_SPACING)
        self.preview_images: list[QLabel] = []
        for name in ("HomePreview", "ResourcesPreview"):
            image = plain_label("", self.previews)
            image.setObjectName(name)
            image.setFixedSize(*metrics.CONTENT_PREVIEW_SIZE)
            self.preview_images.append(image)
            previews.addWidget(image)
        self._use_button = kiosk_button(
            self.tr("Use this content"), "primary", name="UseContentButton", parent=self.previews
        )
        self._use_button.clicked.connect(self.use_candidate)
        previews.addWidget(self._use_button, 0, Qt.AlignmentFlag.AlignBottom)
        previews.addStretch(1)
        layout.addWidget(self.previews)
        layout.addStretch(1)
        self._forget_candidate()
        return card

    # What shows now ---

    def show_current(self) -> None:
        """Describe the content attendees read now and where its file came from."""
        content = self._service.own_content
        try:
            offered = _names([language.name for language in self._service.languages])
        except KioskError as error:
            offered = str(error)
        lines = [
            content.title,
            self.tr("Content version: {0}").format(content.version_id),
            self.tr("Offered in: {0}").format(offered),
            *self._resource_lines(content),
            self._source_line(),
        ]
        self.current_summary.setText("\n".join(lines))
        self._bundled_button.setVisible(self._service.content_source is ContentSource.INSTALLED)

    def _resource_lines(self, content: Content) -> list[str]:
        linked = [resource.title for resource in content.resources if resource.link]
        lines = [
            self.tr("%n resource(s), %1 with a link", "", len(content.resources)).replace(
                "%1", str(len(linked))
            )
        ]
        lines += [f"  • {title}" for title in linked]
        if content.link:
            lines.append(self.tr("The message screen's link: {0}").format(content.link))
        return lines

    def _source_line(self) -> str:
        path = self._service.config.content_path
        source = self._service.content_source
        if source is ContentSource.INSTALLED:
            return self.tr("Installed from a USB stick (Back to the bundled content undoes it).")
        if source is ContentSource.OPTION:
            return self.tr(
                "Started with --content {0}: content cannot be changed here until the "
                "kiosk starts without it."
            ).format(path)
        if source is ContentSource.CONFIG:
            return self.tr("The file config.toml names: {0}").format(path)
        return self.tr("The bundled content.")

    def back_to_bundled(self) -> None:
        """Remove the installed content; the kiosk shows config.toml's or the bundled one."""
        try:
            self._service.reset_content()
        except KioskError as error:
            show_message(self._current_message, str(error), "error")
            return
        self.show_current()
        show_message(
            self._current_message,
            self.tr("Attendees now see this content again."),
            "success",
        )
        self.content_changed.emit()

    # Files on the sticks ---

    def look_for_files(self) -> None:
        """List the content files on the drives plugged in now, one button each."""
        self._clear_files()
        self._found = find_content_files(stick_folders())
        if not self._found:
            self._show_result(
                self.tr(
                    "No content file (.toml) found on a USB stick. Plug one in and look again."
                ),
                "muted",
            )
            return
        self._show_result(self.tr("Choose a file to check it."), "muted")
        for index, path in enumerate(self._found):
            text = self.tr("{0}   in {1}").format(path.name, str(path.parent))
            option = RowRadioButton(text, self._files_box)
            option.setObjectName("ContentFileOption")
            option.setAccessibleName(text)
            option.setMinimumHeight(metrics.TOUCH_TARGET)
            self._files.addButton(option, index)
            self._files_layout.addWidget(option)

    def _clear_files(self) -> None:
        self._forget_candidate()
        for button in self._files.buttons():
            self._files.removeButton(button)
        clear_layout(self._files_layout)
        self._found = []

    def found_files(self) -> list[Path]:
        """The content files the last look found."""
        return list(self._found)

    def choose(self, path: Path) -> None:
        """Check ``path``; show its problems, or a preview and **Use this content**."""
        self._forget_candidate()
        if path in self._found:
            button = self._files.button(self._found.index(path))
            if button is not None:
                button.setChecked(True)
        try:
            candidate = self._service.check_content_file(path)
        except ContentError as error:
            self._show_problems(path, error)
            return
        except KioskError as error:
            self._show_result(str(error), "error")
            return
        self._candidate = candidate
        self._show_result(self._candidate_summary(candidate), "body")
        self._draw_previews(candidate.content)
        self.previews.setVisible(True)
        self._use_button.setVisible(True)
        _scroll_into_view(self._use_button)

    def _show_problems(self, path: Path, error: ContentError) -> None:
        problems = error.problems
        lines = [
            self.tr("%n problem(s) in %1; nothing was changed:", "", len(problems)).replace(
                "%1", path.name
            )
        ]
        lines += [f"• {problem.in_plain_words()}" for problem in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            lines.append(self.tr("… and %n more.", "", len(problems) - MAX_PROBLEMS_SHOWN))
        self._show_result("\n".join(lines), "error")

    def _candidate_summary(self, candidate: ContentCandidate) -> str:
        content = candidate.content
        offered = [language.name for language in candidate.offered.offered]
        linked = sum(1 for resource in content.resources if resource.link)
        lines = [
            self.tr("{0} passes every check. This is how it will look:").format(
                candidate.path.name
            ),
            self.tr("“{0}”, version {1}").format(content.title, content.version_id),
            self.tr("%n resource(s), %1 with a link; in %2", "", len(content.resources))
            .replace("%1", str(linked))
            .replace("%2", _names(offered)),
        ]
        codes = candidate.offered.codes
        dropped = [
            language.name for language in self._service.languages if language.code not in codes
        ]
        if dropped:
            lines.append(
                self.tr("No longer offered (not complete in this file): {0}").format(
                    _names(dropped)
                )
            )
        return "\n".join(lines)

    def _draw_previews(self, content: Content) -> None:
        from ui.screens.home import HomeScreen
        from ui.screens.resources import ResourcesScreen

        preview = self._service.preview(content)
        for image, screen in zip(
            self.preview_images, (HomeScreen(preview), ResourcesScreen(preview)), strict=True
        ):
            image.setPixmap(_screen_picture(screen, image.size().width()))
            screen.deleteLater()

    def use_candidate(self) -> None:
        """Install the checked file; the kiosk shows it from now on, and after a restart."""
        candidate = self._candidate
        if candidate is None:
            return
        try:
            self._service.install_content(candidate)
        except KioskError as error:
            self._show_result(str(error), "error")
            return
        self._forget_candidate()
        self.show_current()
        show_message(
            self._current_message,
            self.tr("Attendees now see {0}. The USB stick can be pulled out.").format(
                candidate.path.name
            ),
            "success",
        )
        self.content_changed.emit()

    def _forget_candidate(self) -> None:
        self._candidate = None
        self._show_result("", "body")
        for image in self.preview_images:
            image.clear()
        self.previews.setVisible(False)
        self._use_button.setVisible(False)

    def _show_result(self, text: str, role: str) -> None:
        self.check_result.setText(text)
        self.check_result.setVisible(bool(text))
        set_role(self.check_result, role)

    def clear_inputs(self) -> None:
        """Forget the files found, the chosen file and the last message (the panel locks)."""
        self._clear_files()
        show_message(self._current_message, "")


def _names(names: list[str]) -> str:
    """Language names in a list, in order in a left-to-right line ("עברית, العربية").

    Each name is set apart (``isolated``), so a right-to-left name keeps the comma
    after it, and two of them do not run together into one right-to-left phrase.
    """
    return ", ".join(isolated(name) for name in names)


def _scroll_into_view(widget: QWidget) -> None:
    """Scroll the panel (when the page is taller than the screen) so ``widget`` shows."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if isinstance(parent, QScrollArea):
        parent.ensureWidgetVisible(widget)


def _screen_picture(screen: QWidget, width: int) -> QPixmap:
    """``screen`` drawn at the kiosk's own size, scaled down to ``width`` for the preview."""
    screen.resize(*metrics.WINDOWED_SIZE)
    screen.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    screen.show()  # laid out and polished as the kiosk shows it, but never on the screen
    picture = screen.grab()
    screen.hide()
    return picture.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
