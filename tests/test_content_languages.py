"""The content in four languages: same shape in each, incomplete ones named, bad ones refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content import (
    MAX_LANGUAGES,
    Content,
    ContentError,
    LanguageUnavailable,
    load_content,
)
from tests.conftest import BUNDLED, OWN_LANGUAGE_ONLY
from tests.test_content import _attendee_texts

SCRIPTS = {"he": re.compile("[\u0590-\u05ff]"), "ar": re.compile("[\u0600-\u06ff]")}


def _load(tmp_path: Path, text: str) -> Content:
    path = tmp_path / "content.toml"
    path.write_text(text, encoding="utf-8")
    return load_content(path)


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        _load(tmp_path, text)
    return [f"{p.place}: {p.message}" for p in caught.value.problems]


def _texts(content: Content) -> list[str]:
    """Every text an attendee reads, resource sources left out (they are not translated)."""
    sources = {resource.source for resource in content.resources}
    texts = [text for text in _attendee_texts(content) if text not in sources]
    return texts + [content.consent.text, content.consent.email_group]


def _section(code: str) -> str:
    """The bundled file's ``[translations.CODE]`` tables."""
    start = BUNDLED.index(f"[translations.{code}]")
    following = [BUNDLED.find(f"[translations.{c}]") for c in ("es", "he", "ar")]
    end = min([i for i in following if i > start] or [len(BUNDLED)])
    return BUNDLED[start:end]


def _with_section(code: str, old: str, new: str) -> str:
    """The bundled file with ``old`` replaced by ``new`` in one language's tables only."""
    section = _section(code)
    assert old in section, old
    return BUNDLED.replace(section, section.replace(old, new, 1))


def test_the_bundled_content_is_complete_in_four_languages(content: Content) -> None:
    assert [(lang.code, lang.name, lang.reviewed) for lang in content.languages] == [
        ("en", "English", True),
        ("es", "Español", False),
        ("he", "עברית", False),
        ("ar", "العربية", False),
    ]
    assert all(lang.is_complete for lang in content.languages)
    assert content.language == "en"


@pytest.mark.parametrize("code", ["es", "he", "ar"])
def test_each_translation_has_every_text_and_the_same_shape(content: Content, code: str) -> None:
    translated = content.in_language(code)
    english, texts = _texts(content), _texts(translated)
    assert len(texts) == len(english)
    assert all(text.strip() for text in texts)
    assert not set(texts) & set(english)  # nothing left in English
    if code in SCRIPTS:
        assert all(SCRIPTS[code].search(text) for text in texts)
    # What is not translated comes from the content's own language.
    assert [(r.source, r.link) for r in translated.resources] == [
        (r.source, r.link) for r in content.resources
    ]
    assert [(a.id, a.pledge, a.link) for a in translated.calls_to_action] == [
        (a.id, a.pledge, a.link) for a in content.calls_to_action
    ]
    assert [o.choice for o in translated.wlf.options] == [o.choice for o in content.wlf.options]
    assert (translated.language, translated.languages) == (code, content.languages)


def test_english_keeps_its_consent_version_and_each_translation_names_its_language(
    content: Content,
) -> None:
    versions = {code: content.in_language(code).consent.version for code in ("en", "es", "he")}
    assert versions == {"en": "2026-11-24.1", "es": "2026-11-24.1/es", "he": "2026-11-24.1/he"}
    assert content.in_language("ar").consent.text.startswith("أوافق على أن تتواصل معي")


def test_a_translation_may_version_its_own_consent(tmp_path: Path) -> None:
    text = _with_section(
        "he", "[translations.he.consent]\n", '[translations.he.consent]\nversion = "2027-01-05.2"\n'
    )
    loaded = _load(tmp_path, text)
    assert loaded.in_language("he").consent.version == "2027-01-05.2/he"
    assert loaded.in_language("ar").consent.version == "2026-11-24.1/ar"


def test_every_language_reaches_every_other(content: Content) -> None:
    hebrew = content.in_language("he")
    assert hebrew.in_language("ar").title == "روابط من شعب إلى شعب"
    assert hebrew.in_language("en") == content
    assert content.in_language("en") is content


@pytest.mark.parametrize("code", ["fr", "", "EN", "he\x00", "x" * 5000])
def test_a_language_the_content_lacks_is_refused_clearly(content: Content, code: str) -> None:
    with pytest.raises(LanguageUnavailable, match="has no text in the language") as caught:
        content.in_language(code)
    assert len(str(caught.value)) < 120  # a hostile code is not repeated at length


@pytest.mark.parametrize(
    ("old", "new", "missing"),
    [
        ('title = "קשרי עם לעם"\n', "", ("title",)),
        ('title = "קשרי עם לעם"', 'title = "  "', ("title",)),
        ("[translations.he.wlf]", "[translations.he.wlf_draft]", None),
        (
            '{ choice = "none", label = "לא, אני לא רוצה להצטרף לפורום" },',
            "",
            ("wlf.options.none.label",),
        ),
        (
            '{ id = "amplify", text = "',
            '{ id = "amplify", draft = "',
            ("calls_to_action.amplify.text",),
        ),
        (
            ', summary = "הנשיא ריבלין מזהיר מפני הידרדרות החברה הישראלית בשל הקיטוב הגובר."',
            "",
            ("resources[5].summary",),
        ),
        ('email_group = "הזמינו אותי לקבוצת הדיון של WLF בדוא״ל."', "", ("consent.email_group",)),
        ('language_name = "עברית"\n', "", ("language_name",)),
    ],
)
def test_a_translation_missing_a_text_loads_but_is_incomplete(
    tmp_path: Path, old: str, new: str, missing: tuple[str, ...] | None
) -> None:
    loaded = _load(tmp_path, _with_section("he", old, new))
    hebrew = next(lang for lang in loaded.languages if lang.code == "he")
    if missing is None:  # the whole WLF table: every text in it
        assert hebrew.missing == (
            "wlf.heading",
            "wlf.paragraphs",
            "wlf.members_only",
            "wlf.membership_free",
            *(f"wlf.options.{c}.label" for c in ("member", "updates", "existing_member", "none")),
        )
    else:
        assert hebrew.missing == missing
    assert not hebrew.is_complete
    with pytest.raises(LanguageUnavailable, match=r"incomplete: \d+ text\(s\) missing"):
        loaded.in_language("he")
    assert loaded.in_language("ar").title == "روابط من شعب إلى شعب"  # the others are unharmed


def test_a_shorter_list_names_each_missing_entry(tmp_path: Path) -> None:
    section = _section("es")
    start = section.index("paragraphs = [")
    paragraphs = section[start : section.index("]\n", start) + 2]
    loaded = _load(tmp_path, BUNDLED.replace(paragraphs, 'paragraphs = ["Solo uno."]\n'))
    spanish = next(lang for lang in loaded.languages if lang.code == "es")
    assert spanish.missing == ("paragraphs[1]", "paragraphs[2]")


def test_content_with_no_translations_has_one_language(tmp_path: Path) -> None:
    loaded = _load(tmp_path, OWN_LANGUAGE_ONLY)
    assert [(lang.code, lang.name) for lang in loaded.languages] == [("en", "English")]


def test_an_older_file_without_a_language_name_gets_one(tmp_path: Path) -> None:
    text = OWN_LANGUAGE_ONLY.replace('language_name = "English"', "")
    assert _load(tmp_path, text).language_name == "English"


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'title = "קשרי עם לעם"',
            "title = 42",
            "translations.he.title: must be text, not a number",
        ),
        (
            'title = "קשרי עם לעם"',
            'title = "קשרי\\u0007 עם לעם"',
            "translations.he.title: contains control characters",
        ),
        (
            'title = "קשרי עם לעם"',
            f'title = "{"א" * 5001}"',
            "translations.he.title: is longer than 5000 characters",
        ),
        (
            'language_name = "עברית"',
            f'language_name = "{"ע" * 41}"',
            "translations.he.language_name: is longer than 40 characters",
        ),
        (
            "reviewed = false",
            'reviewed = "no"',
            "translations.he.reviewed: must be true or false, not text",
        ),
        (
            '{ title = "מפת הדרכים',
            '{ source = "ג׳רוזלם פוסט", title = "מפת הדרכים',
            "translations.he.resources[0].source: is not translated: it is set once, in the "
            "content's own language",
        ),
        (
            '{ id = "advocate", text',
            '{ id = "advocate", link = "https://example.org", text',
            "translations.he.calls_to_action[0].link: is not translated: it is set once, in the "
            "content's own language",
        ),
        (
            '{ id = "advocate"',
            '{ id = "petition"',
            "translations.he.calls_to_action[0].id: must be one of advocate, amplify",
        ),
        (
            '{ id = "amplify"',
            '{ id = "advocate"',
            "translations.he.calls_to_action[1].id: names an entry translated already",
        ),
        (
            '{ choice = "none"',
            '{ choice = "maybe"',
            "translations.he.wlf.options[3].choice: must be one of member, updates, "
            "existing_member, none",
        ),
        (
            "resources = [\n",
            'resources = [\n  { title = "עוד", summary = "עוד" },\n',
            "translations.he.resources: has 8 resources; the content's own language has 7",
        ),
        (
            "principles = [\n",
            'principles = [\n  "עוד עיקרון.",\n',
            "translations.he.principles: has 4 texts; the content's own language has 3",
        ),
        (
            "[translations.he.consent]\n",
            "[translations.he.consent]\nversion = 7\n",
            "translations.he.consent.version: must be text, not a number",
        ),
        (
            "options = [",
            "options = 3\nold_options = [",
            "translations.he.wlf.options: must be a list, not a number",
        ),
    ],
)
def test_a_bad_value_in_a_translation_is_refused_naming_language_and_entry(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    assert problem in _problems(tmp_path, _with_section("he", old, new))


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("[translations.HE]", "translations.'HE': must be named by a language code"),
        ('[translations."he\\u0000"]', "translations.'he?': must be named by a language code"),
        (f'[translations."{"x" * 300}"]', "translations.'" + "x" * 20 + "...': must be named"),
        ("[translations.en]", "translations.en: is the content's own language"),
    ],
)
def test_a_translation_must_be_named_by_another_language_code(
    tmp_path: Path, key: str, problem: str
) -> None:
    problems = _problems(
        tmp_path,
        BUNDLED.replace("[translations.ar]", key).replace("[translations.ar.", key[:-1] + "."),
    )
    assert any(p.startswith(problem) for p in problems), problems


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            OWN_LANGUAGE_ONLY.replace("\ntitle = ", "\ntranslations = 5\ntitle = ", 1),
            "translations: must be a table",
        ),
        (OWN_LANGUAGE_ONLY + '[translations]\nhe = "עברית"\n', "translations.he: must be a table"),
        (
            OWN_LANGUAGE_ONLY.replace('language = "en"', 'language = "English"'),
            "language: must be a language code such as en, es or pt-BR",
        ),
    ],
)
def test_malformed_translations_are_refused(tmp_path: Path, text: str, problem: str) -> None:
    assert problem in _problems(tmp_path, text)


def test_a_file_may_hold_at_most_so_many_languages(tmp_path: Path) -> None:
    codes = [f"x{chr(97 + i)}" for i in range(MAX_LANGUAGES)]
    text = OWN_LANGUAGE_ONLY + "".join(
        f'[translations.{c}]\nlanguage_name = "{c}"\n' for c in codes
    )
    assert _problems(tmp_path, text) == [
        f"translations: has {MAX_LANGUAGES} languages; a kiosk offers at most "
        f"{MAX_LANGUAGES - 1} besides the content's own"
    ]
    fewer = OWN_LANGUAGE_ONLY + "".join(
        f'[translations.{c}]\nlanguage_name = "{c}"\n' for c in codes[:-1]
    )
    loaded = _load(tmp_path, fewer)
    assert len(loaded.languages) == MAX_LANGUAGES
    assert not any(lang.is_complete for lang in loaded.languages[1:])
