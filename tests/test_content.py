"""The bundled content matches the seed word for word; bad content files are named precisely."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.content import (
    MAX_LINK_BYTES,
    Content,
    ContentError,
    Resource,
    load_content,
    qr_problems,
)
from kiosk.paths import default_content_path
from kiosk.qr import MAX_QR_VERSION, qr_version
from kiosk.signup import WlfChoice
from tests.conftest import BUNDLED, OWN_LANGUAGE_ONLY, SEED_PATH


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "content.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(path)
    return [f"{p.place}: {p.message}" for p in caught.value.problems]


def _attendee_texts(content: Content) -> list[str]:
    texts = [content.title, content.subtitle, content.disclaimer, content.wlf.heading]
    texts += [*content.paragraphs, *content.principles, *content.attract, *content.wlf.paragraphs]
    texts += [content.wlf.members_only, content.wlf.membership_free]
    texts += [o.label for o in content.wlf.options]
    texts += [a.text for a in content.calls_to_action]
    for resource in content.resources:
        texts += [resource.title, resource.summary] + ([resource.source] if resource.source else [])
    return texts


def test_every_attendee_text_is_in_the_seed_word_for_word(content: Content) -> None:
    seed = SEED_PATH.read_text(encoding="utf-8")
    missing = [text for text in _attendee_texts(content) if text not in seed]
    assert missing == []


def test_bundled_content_has_what_the_product_lists(content: Content) -> None:
    assert content.title == "People to People Connections"
    assert content.subtitle == "An Essential Component to the Peace Process"
    assert (len(content.paragraphs), len(content.principles)) == (3, 3)
    assert len(content.calls_to_action) == 2
    assert len(content.resources) == 7
    assert {o.choice for o in content.wlf.options} == set(WlfChoice)
    assert content.disclaimer == "Not authorized by any candidate or candidate's committee."


def test_bundled_content_invents_no_web_addresses(content: Content) -> None:
    assert [r.link for r in content.resources] == [None] * 7
    assert all(a.link is None for a in content.calls_to_action)


def test_resource_link_is_read_when_given(tmp_path: Path) -> None:
    text = BUNDLED.replace(
        'source = "Jerusalem Post"', 'source = "Jerusalem Post"\nlink = "https://example.org/a"'
    )
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    assert load_content(path).resources[0].link == "https://example.org/a"


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://x.org/a",
        "https://",
        "www.x.org",
        "http://a b",
    ],
)
def test_non_web_link_is_refused_with_its_place(tmp_path: Path, link: str) -> None:
    text = BUNDLED.replace(
        'source = "Jerusalem Post"', f'source = "Jerusalem Post"\nlink = "{link}"'
    )
    assert _problems(tmp_path, text) == [
        "resources[0].link: must be a web address starting with http:// or https://"
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = BUNDLED.replace('title = "People to People Connections"', "title = 42").replace(
        'subtitle = "An Essential Component to the Peace Process"', ""
    )
    text = text.replace('choice = "updates"', 'choice = "maybe"')
    problems = _problems(tmp_path, text)
    assert "title: must be text, not a number" in problems
    assert "subtitle: missing" in problems
    assert any(p.startswith("wlf.options[1].choice: must be one of") for p in problems)
    assert "wlf.options: must offer every choice; missing: updates" in problems


def test_problem_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("format_version = 1\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "title: missing"),
        (b"\xff\xfe not utf-8", "file: is not UTF-8 text"),
        (b"title = [unclosed", "file: is not valid TOML"),
        (b"format_version = 9\n", "format_version: must be 1"),
    ],
)
def test_unreadable_content_files_say_why(tmp_path: Path, raw: bytes, expected: str) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(raw)
    with pytest.raises(ContentError) as caught:
        load_content(path)
    assert any(str(p).split(": ", 1)[1].startswith(expected) for p in caught.value.problems)


def test_missing_content_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="not found"):
        load_content(tmp_path / "nope.toml")


def test_control_characters_in_text_are_refused(tmp_path: Path) -> None:
    text = BUNDLED.replace('disclaimer = "Not', 'disclaimer = "\\u0007Not')
    assert _problems(tmp_path, text) == ["disclaimer: contains control characters"]


def test_content_without_a_pledge_action_is_refused(tmp_path: Path) -> None:
    text = BUNDLED.replace("pledge = true", "pledge = false")
    assert _problems(tmp_path, text) == [
        "calls_to_action: at least one call to action must have pledge = true"
    ]


def test_a_deployment_can_write_its_content_in_another_language(tmp_path: Path) -> None:
    text = OWN_LANGUAGE_ONLY.replace(
        'title = "People to People Connections"', 'title = "חיבורים בין אנשים"'
    )
    text = text.replace('language = "en"', 'language = "he"')
    path = tmp_path / "he.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_content(path)
    assert (loaded.title, loaded.language) == ("חיבורים בין אנשים", "he")


def _with_links(resource_link: str, action_link: str | None = None) -> str:
    text = BUNDLED.replace(
        'source = "Jerusalem Post"', f'source = "Jerusalem Post"\nlink = "{resource_link}"'
    )
    if action_link is not None:
        text = text.replace("pledge = false\n", f'pledge = false\nlink = "{action_link}"\n', 1)
    return text


def test_an_over_long_link_is_refused_with_its_place(tmp_path: Path) -> None:
    # 3,000 characters passed `content check`, and the Take action screen then
    # died with ValueError from the QR encoder.
    long_link = "https://example.org/" + "a" * 2980
    problems = _problems(tmp_path, _with_links(long_link, long_link))
    assert problems == [
        f"calls_to_action[1].link: is 3000 bytes long; a QR code a phone can read from the "
        f"kiosk holds at most {MAX_LINK_BYTES}",
        f"resources[0].link: is 3000 bytes long; a QR code a phone can read from the "
        f"kiosk holds at most {MAX_LINK_BYTES}",
    ]


def test_a_link_is_measured_in_the_bytes_its_qr_code_holds(tmp_path: Path) -> None:
    # Hebrew letters take two bytes each in the UTF-8 a QR code carries.
    hebrew = "https://example.org/" + "\u05e9" * 100
    assert len(hebrew) < MAX_LINK_BYTES < len(hebrew.encode("utf-8"))
    [problem] = _problems(tmp_path, _with_links(hebrew))
    assert problem.startswith("resources[0].link: is 220 bytes long")
    fits = "https://example.org/" + "a" * (MAX_LINK_BYTES - 20)
    path = tmp_path / "fits.toml"
    path.write_text(_with_links(fits), encoding="utf-8")
    assert load_content(path).resources[0].link == fits


# The last one turns the address shown under the code around: it would read
# as another site than the one the code opens.
@pytest.mark.parametrize("control", ["\\u0000", "\\u001b[2J", "\\u007f", "\\u202e"])
def test_a_link_with_control_characters_is_refused(tmp_path: Path, control: str) -> None:
    problems = _problems(tmp_path, _with_links(f"https://example.org/a{control}b"))
    assert problems == ["resources[0].link: contains control or invisible characters"]


def test_every_link_the_loader_accepts_fits_a_readable_qr_code(tmp_path: Path) -> None:
    # The longest links the loader lets through, in the encoder's costliest mode.
    worst = [
        "https://example.org/" + "z" * (MAX_LINK_BYTES - 20),
        "https://example.org/" + "\u05e9" * ((MAX_LINK_BYTES - 20) // 2),
        "https://example.org/" + "\U0001f600" * ((MAX_LINK_BYTES - 20) // 4),
    ]
    for link in worst:
        path = tmp_path / "worst.toml"
        path.write_text(_with_links(link, link), encoding="utf-8")
        assert qr_problems(load_content(path)) == []
    version = qr_version("https://example.org/" + "z" * (MAX_LINK_BYTES - 20))
    assert version is not None and version <= MAX_QR_VERSION
    # What the check says when a link does not fit (a content object made in code).
    assert qr_version("https://example.org/" + "z" * 3000) is None
    too_big = qr_problems(
        replace(
            load_content(default_content_path()),
            resources=(
                Resource("T", "", "S", "https://example.org/" + "z" * 400),
                Resource("T", "", "S", "https://example.org/" + "z" * 3000),
            ),
        )
    )
    assert [p.place for p in too_big] == ["resources[0].link", "resources[1].link"]
    assert "version 16" in too_big[0].message and "any QR code" in too_big[1].message
