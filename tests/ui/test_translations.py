"""The screens' own words in Spanish, Hebrew and Arabic: every one translated, the files current
with the code, compiled, and shipped with every way of running the kiosk.

The office window, the staff panel and the first-start screens stay in English for now, so
no volunteer meets a panel half in one language and half in another: ``make translations``
leaves their modules out (the Makefile's ENGLISH_ONLY), so the files hold only texts that
are translated.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

LANGUAGES = ("es", "he", "ar")
TRANSLATIONS = REPO_ROOT / "ui" / "translations"
ENGLISH_ONLY_MODULES = (
    "ui/office/*.py",
    "ui/screens/staff/*.py",
    "ui/screens/setup.py",
    "ui/screens/locked.py",
    "ui/widgets/pin_pad.py",
    "ui/widgets/hour_chart.py",
    "ui/widgets/bar_chart.py",
)
"""The Makefile's ENGLISH_ONLY: the office's, the staff panel's and first-start screens' modules."""
SAME_IN_EVERY_LANGUAGE = {"name@example.org"}
"""Texts a translation may keep as they are: an example address is an address in any language."""
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Message:
    """One text of a .ts file: where it is used (its context), the English, its translation."""

    context: str
    source: str
    translation: str
    finished: bool


def messages(path: Path) -> list[Message]:
    """Every text of the translation file ``path``."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            # A text with a count (%n) has a form per plural, each in a <numerusform>.
            text = "".join(translation.itertext()).strip()
            finished = translation.get("type") not in ("unfinished", "obsolete", "vanished")
            found.append(Message(name, message.findtext("source", ""), text, finished))
    return found


@cache
def english_only_contexts() -> frozenset[str]:
    """The classes of the staff panel and first-start screens: their texts stay English."""
    names = set()
    for pattern in ENGLISH_ONLY_MODULES:
        for path in REPO_ROOT.glob(pattern):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names |= {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    return frozenset(names)


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\d|\{\d\}", text))


def attendee_problems(path: Path) -> list[str]:
    """What is wrong with the translation file ``path``, whose every text an attendee sees."""
    problems = []
    for message in messages(path):
        where = f"{message.context}: {message.source!r}"
        if not message.finished or not message.translation:
            problems.append(f"{where} is not translated")
        elif message.translation == message.source and message.source not in SAME_IN_EVERY_LANGUAGE:
            problems.append(f"{where} is left in English")
        elif _placeholders(message.translation) != _placeholders(message.source):
            problems.append(f"{where} loses or adds a placeholder: {message.translation!r}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_an_attendee_sees_is_translated(language: str) -> None:
    path = TRANSLATIONS / f"kiosk_{language}.ts"
    assert len(messages(path)) > 100
    problems = attendee_problems(path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("translated", "left"),
    [
        ("<translation>חזרה</translation>", '<translation type="unfinished"></translation>'),
        ("<translation>חזרה</translation>", "<translation>Back</translation>"),
        ("<translation>תודה, %1!</translation>", "<translation>תודה!</translation>"),
    ],
    ids=["unfinished", "english", "placeholder lost"],
)
def test_an_attendee_text_left_untranslated_is_caught(
    tmp_path: Path, translated: str, left: str
) -> None:
    source = (TRANSLATIONS / "kiosk_he.ts").read_text(encoding="utf-8")
    assert source.count(translated) == 1
    (tmp_path / "kiosk_he.ts").write_text(source.replace(translated, left), encoding="utf-8")
    assert len(attendee_problems(tmp_path / "kiosk_he.ts")) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_staff_panel_and_first_start_stay_wholly_english(language: str) -> None:
    staff = english_only_contexts()
    assert {"StaffPanel", "SetupScreen", "LockedScreen", "PinPad"} <= staff
    contexts = {m.context for m in messages(TRANSLATIONS / f"kiosk_{language}.ts")}
    assert {"JoinScreen", "AttractScreen", "OnScreenKeyboard"} <= contexts
    assert not contexts & staff, "an English-only screen has texts to translate"


def _translation_sources() -> list[str]:
    """What ``make translations`` reads: ui/ but the English-only modules, and validation."""
    modules = [path.relative_to(REPO_ROOT).as_posix() for path in (REPO_ROOT / "ui").rglob("*.py")]
    modules = [m for m in modules if not any(fnmatch(m, p) for p in ENGLISH_ONLY_MODULES)]
    return [*sorted(modules), "kiosk/validation.py"]


def test_the_translation_files_hold_every_text_of_the_code(tmp_path: Path) -> None:
    """Run lupdate as ``make translations`` does (Makefile), onto copies: nothing may change."""
    copies = [shutil.copy(TRANSLATIONS / f"kiosk_{lang}.ts", tmp_path) for lang in LANGUAGES]
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *("-silent", "-locations", "none", "-no-obsolete", "-source-language", "en"),
            *("-disable-heuristic", "sametext", "-disable-heuristic", "similartext"),
            *_translation_sources(),
            "-ts",
            *map(str, copies),
        ],
        cwd=REPO_ROOT,
        check=True,
        timeout=120,
    )
    stale = [
        Path(copy).name
        for copy in copies
        if Path(copy).read_bytes() != (TRANSLATIONS / Path(copy).name).read_bytes()
    ]
    assert not stale, f"{stale} lag behind the tr() calls: run make translations"


def test_the_compiled_translations_are_compiled_from_their_sources(tmp_path: Path) -> None:
    for language in LANGUAGES:
        compiled = tmp_path / f"kiosk_{language}.qm"
        subprocess.run(
            [
                str(BIN / "pyside6-lrelease"),
                "-silent",
                "-nounfinished",
                str(TRANSLATIONS / f"kiosk_{language}.ts"),
                "-qm",
                str(compiled),
            ],
            check=True,
            timeout=60,
        )
        assert compiled.read_bytes() == (TRANSLATIONS / compiled.name).read_bytes(), language


def test_every_way_of_running_the_kiosk_carries_the_compiled_translations() -> None:
    """From source (kiosk.paths), an installed package (package data), the bundle (its spec)."""
    from kiosk.paths import translations_path

    compiled = sorted(TRANSLATIONS.glob("*.qm"))
    assert [p.name for p in compiled] == [f"kiosk_{lang}.qm" for lang in sorted(LANGUAGES)]
    assert all(translations_path(p.name) == p for p in compiled)
    package_data = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = package_data["tool"]["setuptools"]["package-data"]["ui"]
    for path in compiled:
        inside = path.relative_to(REPO_ROOT / "ui").as_posix()
        assert any(fnmatch(inside, pattern) for pattern in patterns), inside
    spec = (REPO_ROOT / "build_spec" / "p2p_kiosk.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "ui" / "translations"), "ui/translations")' in spec
