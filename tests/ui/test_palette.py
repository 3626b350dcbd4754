"""One palette: no colour is written outside the palette modules; stylesheets are templates.

The palette modules are ui/widgets/palette.py (the kiosk's) and ui/office/palette.py
(the office window's and the report's, built on the same ``Colours``).

A colour typed into a ``.qss`` file or a widget would not change with the
high-contrast theme, and nobody would have checked its contrast. These tests
read the files themselves; the contrast of what the palette paints is
measured on screen by ``test_contrast.py``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import fields

import pytest
from PySide6.QtGui import QColor

from kiosk.display import TEXT_SIZES, Display, Theme
from tests.conftest import REPO_ROOT
from ui.app import load_stylesheet
from ui.office.app import office_stylesheet
from ui.office.palette import OFFICE
from ui.widgets.palette import HIGH_CONTRAST, STANDARD, Palette, fill_colours

PALETTE_MODULES = {
    REPO_ROOT / "ui" / "widgets" / "palette.py",
    REPO_ROOT / "ui" / "office" / "palette.py",
}
STYLES = sorted((REPO_ROOT / "assets" / "styles").glob("*.qss"))
_HEX = re.compile(r"#[0-9A-Fa-f]{3,8}\b")
_FUNCTION = re.compile(r"\b(rgba?|hsla?|hsva?)\s*\(", re.IGNORECASE)
_DECLARATION = re.compile(r"[\w-]+\s*:\s*([^;{}]+)")
_COLOUR_NAMES = {name.casefold() for name in QColor.colorNames()} - {"transparent"}


def raw_colours_in_stylesheet(text: str) -> list[str]:
    """Every colour written as a value rather than a palette token, as "line: colour"."""
    found = []
    # Comments go, keeping their line breaks so the numbers still point at the file.
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m[0].count("\n"), text, flags=re.DOTALL)
    for number, code in enumerate(text.splitlines(), start=1):
        found += [f"{number}: {m[0]}" for m in _HEX.finditer(code)]
        found += [f"{number}: {m[0]}" for m in _FUNCTION.finditer(code)]
        for declaration in _DECLARATION.finditer(code):
            words = re.findall(r"[A-Za-z]+", declaration[1])
            found += [f"{number}: {w}" for w in words if w.casefold() in _COLOUR_NAMES]
    return found


def raw_colours_in_python(source: str) -> list[str]:
    """Each colour in Python code: a "#..." string, QColor(r, g, b), or a named Qt colour."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.fullmatch(r"#[0-9A-Fa-f]{3,8}", node.value):
                found.append(f"{node.lineno}: {node.value}")
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QColor":
            if any(isinstance(a, ast.Constant) and isinstance(a.value, int) for a in node.args):
                found.append(f"{node.lineno}: QColor({ast.unparse(node.args[0])}, ...)")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
            if node.value.attr == "GlobalColor" and node.attr != "transparent":
                found.append(f"{node.lineno}: Qt.GlobalColor.{node.attr}")
    return sorted(found, key=lambda where: int(where.split(":")[0]))


def test_the_checks_find_colours_written_out() -> None:
    sheet = (
        "/* #123456 in a comment is fine */\n"
        "QLabel { color: $ink; background: transparent; }\n"
        "QLabel { color: #fff; border: 1px solid white; }\n"
        "QFrame { background: rgba(0, 0, 0, 10); }\n"
    )
    assert raw_colours_in_stylesheet(sheet) == ["3: #fff", "3: white", "4: rgba("]
    code = (
        'ink = QColor("#1B2230")\n'
        "shade = QColor(27, 34, 48, 170)\n"
        "clear = Qt.GlobalColor.transparent\n"
        "red = Qt.GlobalColor.red\n"
        "ok = QColor(palette.current().scrim)\n"
    )
    assert raw_colours_in_python(code) == [
        "1: #1B2230",
        "2: QColor(27, ...)",
        "4: Qt.GlobalColor.red",
    ]


@pytest.mark.parametrize("sheet", STYLES, ids=lambda path: path.name)
def test_no_stylesheet_writes_a_colour_of_its_own(sheet: object) -> None:
    assert STYLES
    text = sheet.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert not raw_colours_in_stylesheet(text), "use a palette token (ui/widgets/palette.py)"
    assert "$" in text  # a template


def test_no_widget_paints_a_colour_of_its_own() -> None:
    sources = sorted((REPO_ROOT / "ui").rglob("*.py"))
    found = [
        f"{path.relative_to(REPO_ROOT)}:{where}"
        for path in sources
        if path not in PALETTE_MODULES
        for where in raw_colours_in_python(path.read_text(encoding="utf-8"))
    ]
    assert not found, "take colours from a palette module:\n" + "\n".join(found)


def test_both_palettes_name_the_same_colours_and_every_one_is_a_colour() -> None:
    names = [field.name for field in fields(Palette)]
    for palette in (STANDARD, HIGH_CONTRAST):
        for name in names:
            assert QColor(getattr(palette, name)).isValid(), f"{name} = {getattr(palette, name)}"
    for name, value in OFFICE.tokens().items():
        assert QColor(value).isValid(), name


@pytest.mark.parametrize("theme", list(Theme))
@pytest.mark.parametrize("size", TEXT_SIZES)
def test_every_token_the_stylesheets_use_is_in_the_palette(theme: Theme, size: int) -> None:
    text = load_stylesheet(Display(size, theme))
    assert "$" not in text
    assert "@assets/" not in text
    assert "$" not in office_stylesheet()


def test_a_token_the_palette_lacks_stops_the_stylesheet_loudly() -> None:
    with pytest.raises(KeyError, match="no_such_colour"):
        fill_colours("QLabel { color: $no_such_colour; }", STANDARD)


def test_the_stylesheet_grows_with_the_text_size_and_takes_the_themes_colours() -> None:
    standard = load_stylesheet(Display(100, Theme.STANDARD))
    larger = load_stylesheet(Display(150, Theme.HIGH_CONTRAST))
    assert 'QLabel[role="body"] { font-size: 20px; }' in standard
    assert 'QLabel[role="body"] { font-size: 30px; }' in larger
    assert "min-height: 56px" in standard and "min-height: 84px" in larger
    assert f"background: {STANDARD.page}" in standard
    assert f"background: {HIGH_CONTRAST.page}" in larger
    assert STANDARD.page not in larger.split("#mainWindow", 1)[1].split("}", 1)[0]
    assert "0px" in larger  # nothing times 1.5 is still nothing
