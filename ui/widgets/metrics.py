"""Every margin, spacing and size the screens are laid out with, in one place.

Each metric is written as its design value, the pixels it has at 1280x800
with the kiosk's 20 px body text, and passed through ``px``, which multiplies
by ``SCALE``. So ``SCALE`` is the one number that makes the whole layout
larger: at 1.5 every margin, gap, touch target and fixed size grows to 150 %
(rounded to whole pixels), in step with text 150 % larger. That is how an
attendee's larger text (``kiosk.display``) is laid out: ``set_scale`` works
every metric out again, and the main window builds its attendee screens again,
since a metric is copied into a layout when a widget is built. The stylesheets'
own lengths (fonts, radii, paddings in ``assets/styles/``) are design pixels
too, multiplied by the same ``px`` when ``ui.app.load_stylesheet`` loads them.
Window sizes are the screens the kiosk runs on, not the design's, and do not scale.

Screens import the module (``from ui.widgets import metrics``) and read
``metrics.NAME`` when they build a widget, as git-cola's ``cola/widgets/defs.py``
is read; never ``from ui.widgets.metrics import NAME`` or a metric as a default
argument, which would keep the value of the scale at import. A call such as
``layout.setSpacing(16)`` with a bare number has no place in ``ui/``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# Kept when set_scale runs this module again (a reload keeps the module's names).
SCALE: float = globals().get("SCALE", 1.0)
"""How much larger than the design everything is laid out; 1.0 is the design itself."""

Margins = tuple[int, int, int, int]
"""Left, top, right, bottom, as ``setContentsMargins(*margins)`` takes them."""


def set_scale(scale: float) -> None:
    """Work every metric out again at ``scale``, for the widgets built from now on."""
    global SCALE
    if scale <= 0:
        raise ValueError(f"a layout scale must be positive, not {scale!r}")
    if scale != SCALE:
        SCALE = scale
        # Run the definitions below again: every `metrics.NAME` read from now on is at
        # the new scale. The module object stays the same, so importers need nothing.
        importlib.reload(sys.modules[__name__])


@contextmanager
def at_scale(scale: float) -> Iterator[None]:
    """Build widgets at ``scale`` inside the ``with`` block, then go back to the scale before."""
    before = SCALE
    set_scale(scale)
    try:
        yield
    finally:
        set_scale(before)


def px(design: float, scale: float | None = None) -> int:
    """Return ``design`` pixels at ``scale`` (``SCALE`` unless given), rounded to whole pixels."""
    return round(design * (SCALE if scale is None else scale))


def margins(left: float, top: float, right: float, bottom: float) -> Margins:
    """Return the four margins at ``SCALE``."""
    return (px(left), px(top), px(right), px(bottom))


def even_margins(each: float) -> Margins:
    """Return the same margin on all four sides, at ``SCALE``."""
    return margins(each, each, each, each)


# Nothing between: a layout that only stacks or places its children. -------------------

NO_MARGINS = margins(0, 0, 0, 0)
NO_SPACING = 0

# Windows: the screens the kiosk runs on, so not scaled. --------------------------------

WINDOW_MIN_SIZE = (1024, 640)
"""The kiosk window's smallest size; the screens are designed at 1280x800 and up."""
WINDOWED_SIZE = (1280, 800)
"""``p2p-kiosk run --windowed``: the design size, in a normal window."""
OFFICE_WINDOW_SIZE = (1320, 960)
"""The office import window as it opens (p2p-kiosk office maximizes it), and its screenshots.

Tall enough for the import page's least height after a merge (two whole files
above the summary), so the screenshots show no scroll bar; a shorter window scrolls.
"""

# Touch targets: well above WCAG's 24 px and the 48 px platform minimum. ---------------

TOUCH_MINIMUM = px(48)
"""The smallest thing a finger must hit: a keyboard key's width, a choice's tick box."""
TOUCH_TARGET = px(56)
"""Buttons, text fields and spin boxes on the attendee screens and in the staff panel."""
TOUCH_TARGET_LARGE = px(72)
"""The one button a screen is for (Sign up), and the PIN pad's display."""
DESK_TARGET = px(48)
"""The office window's buttons: it is used with a mouse at a desk."""
HOT_CORNER_SIZE = px(80)
"""The invisible square in the top-left corner that staff hold to open their panel."""
SCROLL_FOCUS_MARGIN = px(50)
"""Room kept around a control with focus when a scroll area brings it into view."""
SCROLL_ERROR_MARGIN = px(120)
"""Room kept under a field with a mistake, for the message below it."""
SCROLL_KEYBOARD_MARGIN = px(40)
"""Room kept around a field when the on-screen keyboard takes space from its page."""

# Attendee screens. ---------------------------------------------------------------------

READING_MARGINS = margins(64, 40, 64, 48)
"""Around the scrolled body of a reading screen (message, resources, take action)."""
READING_WIDTH = px(1040)
"""Body text is capped at this width on wide screens, for a readable line length."""
READING_SPACING = px(20)
"""Between the paragraphs and cards of a reading column."""
# Extra room a column adds before a new part of it, on top of its spacing, smallest first.
SECTION_GAP_SMALL = px(8)
SECTION_GAP = px(12)
SECTION_GAP_LARGE = px(16)
SECTION_GAP_XLARGE = px(24)

HEADER_MARGINS = margins(24, 12, 24, 12)
HEADER_SPACING = px(20)
HEADER_HEIGHT = px(88)
"""The bar across the top of a content screen (Back, title, Sign up)."""

# Stretches share out the attract screen's height; the fixed gaps stay small, so a
# message at 150 % text still has room.
ATTRACT_MARGINS = margins(80, 40, 80, 32)
ATTRACT_SPACING = px(12)
ATTRACT_DOT_SIZE = px(14)
ATTRACT_DOT_SPACING = px(12)
ATTRACT_BUTTON_WIDTH = px(360)
"""Touch to begin: wide enough to read as the way in from across the room."""

LANGUAGE_BUTTON_SPACING = px(12)
"""Between the language buttons on attract and home."""

HOME_MARGINS = margins(72, 48, 72, 32)
HOME_SPACING = px(12)
HOME_GAP_AFTER_TITLES = px(28)
HOME_CARD_SPACING = px(24)
HOME_CARD_HEIGHT = px(150)
"""A home screen card's least height; the four share what room is left."""

NAV_CARD_MARGINS = margins(32, 24, 28, 24)
NAV_CARD_SPACING = px(16)
NAV_CARD_LINE_SPACING = px(8)
"""Between a card's title and the line under it."""

CARD_SPACING = px(20)
"""Between the cards of a grid (resources), and between a card's badge and its words."""
NUMBER_BADGE_SIZE = px(56)
"""A principle's or an action's round number; kiosk.qss rounds it with half this radius."""
SUCCESS_BADGE_SIZE = px(112)
"""The thank-you screen's round check mark; kiosk.qss rounds it with half this radius."""

PRINCIPLE_CARD_MARGINS = margins(24, 20, 28, 20)

ACTION_WIDTH = px(1200)
ACTION_SPACING = px(24)
ACTION_CARD_MARGINS = margins(32, 28, 32, 28)
ACTION_CARD_SPACING = px(32)
ACTION_TEXT_SPACING = px(20)
"""Between an action's words and its buttons."""
ACTION_BUTTON_SPACING = px(16)
ACTION_QR_SIDE = px(200)
MESSAGE_QR_SIDE = px(200)
MESSAGE_QR_WIDTH = px(400)
"""The message screen's QR code with its caption and address: the address in three lines."""

RESOURCES_WIDTH = px(1400)
RESOURCES_SPACING = px(24)
RESOURCE_CARD_HEIGHT = px(128)
RESOURCE_DETAIL_SPACING = px(48)
"""Between a resource's text and its QR code."""
RESOURCE_TEXT_WIDTH = px(960)
RESOURCE_TEXT_SPACING = px(16)
RESOURCE_QR_SIDE = px(260)

QR_SIDE = px(240)
"""A QR code's side when its screen does not choose one."""
QR_MIN_SIDE = px(160)
QR_MARGINS = even_margins(16)
QR_SPACING = px(8)
QR_ADDRESS_OVERHANG = px(80)
"""How much wider than its code an address under a QR code may wrap."""
QR_ADDRESS_MIN_WIDTH = px(320)

FORM_INVITATION_MIN_WIDTH = px(440)
FORM_INVITATION_MAX_WIDTH = px(600)
FORM_INVITATION_MARGINS = margins(36, 32, 36, 32)
FORM_INVITATION_SPACING = px(18)
FORM_PAGE_MARGINS = margins(48, 32, 48, 40)
FORM_WIDTH = px(980)
FORM_MIN_WIDTH = px(720)
"""The form's least width beside the invitation; with less, the invitation goes above it."""
FORM_CARD_MARGINS = margins(40, 32, 40, 36)
FORM_SPACING = px(18)
FORM_ROW_SPACING = px(20)
"""Between two fields side by side (first and last name)."""
FIELD_SPACING = px(6)
"""Between a field's label, its box and its message."""
FIELD_HEIGHT = px(60)
CHOICE_MARGINS = margins(16, 12, 20, 12)
CHOICE_SPACING = px(12)
CHOICE_HEIGHT = px(64)

THANK_YOU_MARGINS = margins(64, 48, 64, 48)
THANK_YOU_CARD_WIDTH = px(920)
THANK_YOU_CARD_MARGINS = margins(64, 56, 64, 48)
THANK_YOU_SPACING = px(20)
THANK_YOU_BUTTON_WIDTH = px(320)

OVERLAY_CARD_WIDTH = px(640)
OVERLAY_CARD_MARGINS = margins(48, 40, 48, 40)
OVERLAY_SPACING = px(16)

TOP_CONTROLS_SPACING = px(12)
"""Between the controls in a screen's top corner (the languages, Display)."""
TOP_CONTROLS_MARGINS = margins(16, 0, 16, 0)
"""Inside a screen's margins: the top corner's buttons clear the staff corner (HOT_CORNER_SIZE)
when a right-to-left language puts them on the left."""
DISPLAY_ICON_SIZE = (px(52), px(30))
"""The "Aa" drawn before the word Display on its button, and room after it."""
BACK_ICON_SIZE = (px(24), px(30))
BACK_BUTTON_MIN_WIDTH = px(128)
"""Wide enough that Back's middle, where a finger lands, lies beyond the staff corner."""
"""The arrow drawn before the word Back."""
DISPLAY_CARD_WIDTH = px(1000)
"""The Display choices' card: two columns, text size and contrast."""
DISPLAY_CARD_MARGINS = margins(40, 28, 40, 28)
DISPLAY_SPACING = px(10)
"""Between the card's heading, its note, its columns and Done; and between choices."""
DISPLAY_COLUMN_SPACING = px(32)

KEYBOARD_MARGINS = even_margins(12)
KEYBOARD_SPACING = px(8)
"""Between the keyboard's rows, and between the keys of a row."""
KEYBOARD_KEY_HEIGHT = px(64)
"""Every on-screen key is at least this tall, and at least TOUCH_MINIMUM wide."""

# The PIN pad, the staff panel and the first-start screens. -----------------------------

PIN_KEY_HEIGHT = px(84)
PIN_KEY_WIDTH = px(108)
"""Digit keys are a little wider than tall, well above the touch minimum."""
PIN_PAD_SPACING = px(12)
"""Between the keys, and between the display, its message line and the keys."""
PIN_MESSAGE_HEIGHT = px(32)

PROMPT_CARD_WIDTH = px(1100)
"""The PIN and first-start card's widest."""
PROMPT_CARD_MARGINS = margins(48, 40, 48, 40)
PROMPT_CARD_SPACING = px(56)
"""Between the card's words and the pad (or form) opposite."""
PROMPT_WORDS_SPACING = px(16)
CENTRED_MARGIN = px(32)
"""Between a centred card and its screen's edges."""
CENTRED_MARGIN_TIGHT = px(8)
"""The same, where the card must fit above the on-screen keyboard at 800 px."""
SETUP_FORM_WIDTH = px(480)
SETUP_FORM_SPACING = px(12)
LOCKED_CARD_WIDTH = px(880)
"""Fixed: centred word-wrapped text otherwise shrinks the card to a column."""
LOCKED_MARGINS = margins(48, 32, 48, 32)
LOCKED_SPACING = px(16)

STAFF_PANEL_MARGINS = margins(40, 16, 40, 16)
"""Tight above and below: the Export page, the tallest, fits a 1280x800 screen unscrolled."""
STAFF_PANEL_SPACING = px(16)
"""Between the panel's header, its page buttons and the page; and across the header."""
STAFF_TITLE_SPACING = px(4)
STAFF_NAV_SPACING = px(8)
STAFF_PAGE_SPACING = px(20)
"""Between the cards of a staff page."""
STAFF_CARD_MARGINS = margins(28, 24, 28, 24)
STAFF_CARD_SPACING = px(14)
STAFF_CARD_SPACING_TIGHT = px(10)
"""The personal-data card, which shares its page with two others at 1280x800."""
STAFF_STAT_MARGINS = margins(24, 14, 24, 14)
STAFF_STAT_SPACING = px(2)
"""Between a total and its caption."""
STAFF_TABLE_ROW_HEIGHT = px(52)
STAFF_EVENT_CARD_WIDTH = px(900)
STAFF_BUTTON_SPACING = px(12)
"""Between buttons in a row, and around the number in a − [n] + stepper."""
STEPPER_BUTTON_WIDTH = px(72)
IDLE_SPIN_WIDTH = px(160)
DAY_SPIN_WIDTH = px(150)
LANGUAGE_COLUMN_SPACING = px(24)
"""Between the staff Languages page's columns, one per language."""
LANGUAGE_ROW_SPACING = px(4)
"""Between a language's tick, its review status and its "Default" choice."""
LANGUAGE_STATUS_MARGINS = margins(8, 0, 0, 0)
"""A language's review status, set in under its tick box as the box pads its text."""
EXPORT_DESTINATION_SPACING = px(6)
EXPORT_PROGRESS_HEIGHT = px(12)
EXPORT_HISTORY_HEIGHT = px(120)
CONTENT_PREVIEW_SIZE = (px(256), px(160))
"""One screen of the Content page's preview: the kiosk's 1280x800 at a fifth."""
CHART_SIZE_HINT = (px(720), px(300))
CHART_MIN_SIZE = (px(360), px(200))

# The office window (a desk, a mouse). --------------------------------------------------

OFFICE_MARGINS = margins(28, 20, 28, 16)
OFFICE_SPACING = px(14)
"""Between the window's parts, the parts of a tab, and the summary's tiles."""
OFFICE_TITLE_SPACING = px(2)
OFFICE_KEY_SPACING = px(4)
"""Between the private key's name and its button."""
OFFICE_TAB_MARGINS = margins(0, 16, 0, 0)
OFFICE_DROP_ZONE_MARGINS = margins(24, 18, 24, 18)
OFFICE_PANEL_MARGINS = margins(20, 14, 20, 14)
"""Inside the merge summary and the CRM file panel."""
OFFICE_TILE_MARGINS = margins(18, 12, 18, 12)
OFFICE_TABLE_ROW_HEIGHT = px(40)
OFFICE_FILE_COLUMN_WIDTH = px(260)
OFFICE_EVENTS_COLUMN_WIDTH = px(220)
OFFICE_PROFILE_BOX_WIDTH = px(320)
OFFICE_CARD_SPACING = px(4)
"""Between the lines of a person's card in the duplicates view."""
OFFICE_NAME_COLUMN_WIDTH = px(220)
OFFICE_EVENTS_LIST_HEIGHT = px(76)
"""The import tab's list of events to tick: two rows of names."""
OFFICE_EVENT_ITEM_ROOM = (px(48), px(30))
"""Beside and around an event's name in that list: its tick box and the gaps."""
OFFICE_EVENT_LIST_WIDTH = px(380)
"""The Events tab's list of events, beside the chosen event's figures."""
OFFICE_EVENT_CHART_MIN_SIZE = (px(240), px(220))
OFFICE_DAY_BAR_MAX_WIDTH = px(48)
"""An event of two days keeps slim bars instead of two blocks across the chart."""
