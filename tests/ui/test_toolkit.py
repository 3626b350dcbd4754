"""The one UI toolkit: buttons, labels, badges, the countdown, the layout metrics, the routes."""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from ui.main_window import SCREEN_NAMES
from ui.screens.base import Route
from ui.widgets import metrics
from ui.widgets.buttons import kiosk_button
from ui.widgets.countdown import Countdown
from ui.widgets.layouts import clear_layout
from ui.widgets.scroll import PageScrollArea
from ui.widgets.text import badge_label, text_label

HOSTILE = '<img src="/dev/zero">'

# --- Buttons ---------------------------------------------------------------------------


def test_a_button_is_a_named_touch_target_styled_by_its_kind(qtbot: QtBot) -> None:
    button = kiosk_button("Save", "secondary", name="SaveButton")
    qtbot.addWidget(button)
    assert button.minimumHeight() == metrics.TOUCH_TARGET
    assert button.objectName() == "SaveButton"
    assert button.property("kind") == "secondary"
    assert button.accessibleName() == "Save"
    assert button.focusPolicy() == Qt.FocusPolicy.StrongFocus


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_or_space_presses_a_focused_button_never_one_behind_a_field(
    qtbot: QtBot, key: Qt.Key
) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    field = QLineEdit(holder)
    button = kiosk_button("Save", parent=holder)
    layout.addWidget(field)
    layout.addWidget(button)
    holder.show()
    qtbot.waitExposed(holder)
    button.setFocus()
    field.setFocus()  # the button was focused once, and so could have become a default
    with qtbot.assertNotEmitted(button.clicked):
        qtbot.keyClick(field, key)
    button.setFocus()
    with qtbot.waitSignal(button.clicked, timeout=1000):
        qtbot.keyClick(button, key)


def test_a_button_is_named_by_its_text_and_described_in_more_words(qtbot: QtBot) -> None:
    button = kiosk_button(
        "Merge", height=metrics.DESK_TARGET, description="Merge the checked files"
    )
    qtbot.addWidget(button)
    assert button.minimumHeight() == metrics.DESK_TARGET
    assert button.accessibleName() == "Merge"  # the words on it (WCAG 2.5.3)
    assert button.accessibleDescription() == "Merge the checked files"
    assert button.property("kind") == "primary"


class _Relay(QObject):
    pressed = Signal()


def test_a_button_calls_its_function_or_emits_its_signal_when_pressed(qtbot: QtBot) -> None:
    calls: list[str] = []
    relay = _Relay()
    save = kiosk_button("Save", clicked=lambda: calls.append("save"))
    close = kiosk_button("Close", clicked=relay.pressed)
    for button in (save, close):
        qtbot.addWidget(button)
    save.click()
    assert calls == ["save"]
    with qtbot.waitSignal(relay.pressed, timeout=1000):
        close.click()


def test_a_button_of_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown button kind"):
        kiosk_button("Save", "loud")


# --- Layouts ---------------------------------------------------------------------------


def test_clearing_a_layout_takes_out_its_widgets_and_spacers(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    labels = [QLabel(text) for text in ("one", "two")]
    for label in labels:
        layout.addWidget(label)
    layout.addStretch(1)
    clear_layout(layout)
    assert layout.count() == 0
    assert all(label.parentWidget() is None for label in labels)
    assert not holder.findChildren(QLabel)


# --- Labels and badges -----------------------------------------------------------------


def test_a_label_shows_markup_as_the_characters_typed(qtbot: QtBot) -> None:
    label = text_label(HOSTILE, "h2")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == HOSTILE
    assert label.wordWrap()
    assert label.property("role") == "h2"


def test_a_label_keeps_its_text_height_unless_it_may_be_squeezed(qtbot: QtBot) -> None:
    kept = text_label("Sign-ups per event", "h2")
    squeezable = text_label("Sign-ups per event", "h2", squeezable=True)
    qtbot.addWidget(kept)
    qtbot.addWidget(squeezable)
    assert kept.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Minimum
    assert squeezable.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Preferred


def test_a_label_of_an_unknown_role_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown text role"):
        text_label("Hello", "shout")


def test_a_badge_is_one_centred_line_in_a_fixed_square(qtbot: QtBot) -> None:
    badge = badge_label("3", "h2", metrics.NUMBER_BADGE_SIZE)
    qtbot.addWidget(badge)
    side = metrics.NUMBER_BADGE_SIZE
    assert (badge.minimumWidth(), badge.maximumWidth()) == (side, side)
    assert (badge.minimumHeight(), badge.maximumHeight()) == (side, side)
    assert not badge.wordWrap()
    assert badge.alignment() == Qt.AlignmentFlag.AlignCenter
    assert badge.textFormat() == Qt.TextFormat.PlainText


# --- Countdown -------------------------------------------------------------------------


def _counting(seconds: int) -> tuple[Countdown, list[int], list[bool]]:
    countdown = Countdown(seconds, tick_ms=10)
    ticks: list[int] = []
    expiries: list[bool] = []
    countdown.ticked.connect(ticks.append)
    countdown.expired.connect(lambda: expiries.append(True))
    return countdown, ticks, expiries


def test_a_countdown_says_each_second_left_then_expires_once(qtbot: QtBot) -> None:
    countdown, ticks, expiries = _counting(3)
    with qtbot.waitSignal(countdown.expired, timeout=2000):
        countdown.start()
    assert ticks == [3, 2, 1]
    assert countdown.remaining_s == 0
    qtbot.wait(60)  # several more ticks' worth: it stopped at zero
    assert ticks == [3, 2, 1]
    assert expiries == [True]


def test_a_stopped_countdown_keeps_its_seconds_and_starts_again_from_the_top(
    qtbot: QtBot,
) -> None:
    countdown, ticks, expiries = _counting(5)
    countdown.start()
    qtbot.waitUntil(lambda: countdown.remaining_s <= 3, timeout=2000)
    countdown.stop()
    left = countdown.remaining_s
    qtbot.wait(60)
    assert countdown.remaining_s == left and not expiries
    ticks.clear()
    countdown.start()
    assert ticks == [5] and countdown.remaining_s == 5
    countdown.stop()


# --- Layout metrics --------------------------------------------------------------------

# Calls that lay widgets out: their numbers belong in ui/widgets/metrics.py.
_LAYOUT_CALLS = frozenset(
    {
        "setContentsMargins",
        "setSpacing",
        "setHorizontalSpacing",
        "setVerticalSpacing",
        "addSpacing",
        "setMinimumSize",
        "setMinimumWidth",
        "setMinimumHeight",
        "setMaximumSize",
        "setMaximumWidth",
        "setMaximumHeight",
        "setFixedSize",
        "setFixedWidth",
        "setFixedHeight",
        "setDefaultSectionSize",
        "setColumnWidth",
        "resize",
        "setGeometry",
        "ensureWidgetVisible",
        "QSize",
    }
)
_LAYOUT_KEYWORDS = frozenset({"spacing", "margin", "side", "height", "width", "max_width"})


def _bare_layout_numbers(source: str, where: str) -> list[str]:
    """Each layout call in ``source`` given a number other than 0 or 1 (nothing, anything)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        arguments = list(node.args) if name in _LAYOUT_CALLS else []
        arguments += [k.value for k in node.keywords if k.arg in _LAYOUT_KEYWORDS]
        for argument in arguments:
            for leaf in ast.walk(argument):
                if (
                    isinstance(leaf, ast.Constant)
                    and isinstance(leaf.value, int | float)
                    and not isinstance(leaf.value, bool)
                    and leaf.value not in (0, 1)
                ):
                    found.append(f"{where}:{node.lineno} {name}")
    return found


def test_a_page_fills_its_scroll_area_and_scrolls_only_below_the_least_it_needs(
    qtbot: QtBot,
) -> None:
    """Wrapped words count at the page's width; the page's wish for more room does not."""
    page = QWidget()
    column = QVBoxLayout(page)
    words = QLabel("A sentence long enough to wrap onto several lines in a narrow page. " * 6)
    words.setWordWrap(True)
    column.addWidget(words)
    roomy = QWidget()
    roomy.setMinimumHeight(200)  # the least it takes
    roomy.sizeHint = lambda: QSize(400, 2000)  # type: ignore[method-assign]  # and what it would like
    column.addWidget(roomy, 1)
    area = PageScrollArea(page)
    qtbot.addWidget(area)
    area.resize(900, 700)
    area.show()
    qtbot.waitExposed(area)
    # It fits: the page fills the area, though it would like 2,000 px.
    assert area.verticalScrollBar().maximum() == 0
    assert (page.width(), page.height()) == (900, 700)
    area.resize(300, 260)  # narrow: the words wrap onto more lines than at 900 px
    qtbot.wait(10)
    least = column.totalMinimumHeightForWidth(page.width())
    assert least > 260 and page.height() == least
    assert area.verticalScrollBar().maximum() == least - area.viewport().height()
    assert words.height() >= words.heightForWidth(words.width())  # no line cut off


def test_no_layout_call_in_ui_takes_a_bare_number() -> None:
    sources = sorted((REPO_ROOT / "ui").rglob("*.py"))
    assert sources
    found = [
        where
        for path in sources
        if path.name != "metrics.py"
        for where in _bare_layout_numbers(
            path.read_text(encoding="utf-8"), str(path.relative_to(REPO_ROOT))
        )
    ]
    assert not found, "name these in ui/widgets/metrics.py:\n" + "\n".join(found)


def test_the_layout_check_finds_bare_numbers_in_calls_and_keywords() -> None:
    source = (
        "layout.setContentsMargins(0, 0, 0, 0)\n"
        "layout.setSpacing(12)\n"
        "label.setMinimumWidth(1)\n"
        "column = centered_column(body, metrics.FORM_WIDTH, spacing=24)\n"
        "key.setFixedSize(metrics.PIN_KEY_HEIGHT + 24, metrics.PIN_KEY_HEIGHT)\n"
        "layout.setSpacing(metrics.FORM_SPACING)\n"
    )
    assert _bare_layout_numbers(source, "screen.py") == [
        "screen.py:2 setSpacing",
        "screen.py:4 centered_column",
        "screen.py:5 setFixedSize",
    ]


def _metrics_read_too_early(source: str, where: str) -> list[str]:
    """Metrics read once, at import: a default argument, or a name imported from the module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "ui.widgets.metrics":
            found.append(f"{where}:{node.lineno} imports names from metrics")
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            defaults = [*node.args.defaults, *(d for d in node.args.kw_defaults if d)]
            for default in defaults:
                for leaf in ast.walk(default):
                    if isinstance(leaf, ast.Name) and leaf.id == "metrics":
                        found.append(f"{where}:{node.lineno} {node.name} defaults to a metric")
    return found


def test_no_metric_is_read_before_the_attendees_text_size_is_known() -> None:
    sources = sorted((REPO_ROOT / "ui").rglob("*.py"))
    found = [
        where
        for path in sources
        for where in _metrics_read_too_early(
            path.read_text(encoding="utf-8"), str(path.relative_to(REPO_ROOT))
        )
    ]
    assert not found, "read metrics.NAME when the widget is built:\n" + "\n".join(found)
    assert _metrics_read_too_early(
        "from ui.widgets.metrics import TOUCH_TARGET\n"
        "def button(height: int = metrics.TOUCH_TARGET) -> None: ...\n"
        "def field(*, side: int = metrics.QR_SIDE) -> None: ...\n",
        "x.py",
    ) == [
        "x.py:1 imports names from metrics",
        "x.py:2 button defaults to a metric",
        "x.py:3 field defaults to a metric",
    ]


def test_a_new_scale_works_every_metric_out_again_and_at_scale_puts_it_back() -> None:
    assert metrics.SCALE == 1.0
    with metrics.at_scale(1.5):
        assert metrics.SCALE == 1.5
        assert metrics.TOUCH_TARGET == 84
        assert metrics.READING_MARGINS == (96, 60, 96, 72)
        assert metrics.px(20) == 30 and metrics.px(20, 1.0) == 20
        with metrics.at_scale(1.25):
            assert metrics.TOUCH_TARGET == 70
        assert metrics.TOUCH_TARGET == 84
    assert metrics.SCALE == 1.0 and metrics.TOUCH_TARGET == 56
    assert metrics.WINDOWED_SIZE == (1280, 800)  # the screen, not the design: never scaled
    for bad in (0, -1.5):
        with pytest.raises(ValueError, match="positive"):
            metrics.set_scale(bad)
    assert metrics.SCALE == 1.0


def test_every_metric_is_its_design_value_at_the_layout_scale() -> None:
    assert metrics.SCALE == 1.0  # the screenshots are the design; a new scale is a new design
    assert metrics.px(56) == metrics.TOUCH_TARGET == 56
    assert metrics.margins(64, 40, 64, 48) == metrics.READING_MARGINS
    # Touch targets stay above the 48 px platform minimum the screens are designed for.
    assert min(metrics.TOUCH_MINIMUM, metrics.TOUCH_TARGET, metrics.DESK_TARGET) >= 48


# --- Routes ----------------------------------------------------------------------------


def test_each_screen_route_shows_its_screen_and_an_unknown_one_is_refused(
    make_window: Callable[..., Any],
) -> None:
    window = make_window()
    for route in SCREEN_NAMES:
        window.go(route)
        assert window.current is route
        assert window.stack.currentWidget() is window.screen_named(route)
    window.go(Route.JOIN_PLEDGE)
    assert window.current is Route.JOIN and window.join.pledge.isChecked()
    with pytest.raises(ValueError, match="no screen called 'nowhere'"):
        window.go("nowhere")
    assert window.current is Route.JOIN
