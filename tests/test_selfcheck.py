"""`p2p-kiosk self-check`: the deployment's own config and content, then every step of a
real installation in a temporary folder."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from kiosk.paths import default_content_path
from p2p_kiosk.cli import self_check

STEPS = (
    "config",
    "content",
    "store",
    "first start",
    "screens",
    "fonts",
    "sign-up",
    "export",
    "import",
    "office files",
    "receipt",
)


def _check(data_dir: Path, content: Path | None = None) -> tuple[bool, list[str]]:
    out = io.StringIO()
    passed = self_check(out, data_dir, content)
    return passed, out.getvalue().splitlines()


def test_self_check_passes_every_step_from_source(data_dir: Path) -> None:
    passed, lines = _check(data_dir)
    assert passed
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {step}" for step in STEPS]
    assert lines[0] == f"ok   config: no config.toml in {data_dir}: the defaults"
    assert lines[1].startswith(f"ok   content: {default_content_path()}: ok (7 resources")
    assert lines[1].endswith("offered in en, es, he, ar)")
    assert lines[-1] == "self-check passed"


def test_languages_the_content_cannot_offer_fail_the_self_check(data_dir: Path) -> None:
    (data_dir / "config.toml").write_text(
        'languages = ["en", "fr"]\ndefault_language = "en"\n', encoding="utf-8"
    )

    passed, lines = _check(data_dir)

    assert not passed
    assert lines[0].startswith("ok   config:")
    assert lines[1].startswith("FAIL content: ConfigError: ")
    assert "languages" in lines[1] and "fr" in lines[1]
    assert lines[-1] == "self-check FAILED"


def test_the_languages_config_chooses_are_those_the_self_check_names(data_dir: Path) -> None:
    (data_dir / "config.toml").write_text(
        'languages = ["he", "en"]\ndefault_language = "he"\n', encoding="utf-8"
    )
    passed, lines = _check(data_dir)
    assert passed, lines
    assert lines[1].endswith("offered in en, he)")


def test_self_check_names_and_checks_the_deployments_config_and_content(data_dir: Path) -> None:
    content = data_dir / "gala.toml"
    shutil.copy(default_content_path(), content)
    (data_dir / "config.toml").write_text('content = "gala.toml"\n', encoding="utf-8")

    passed, lines = _check(data_dir)

    assert passed, lines
    assert lines[0] == f"ok   config: {data_dir / 'config.toml'}: ok"
    assert lines[1].startswith(f"ok   content: {content}: ok")


def test_a_config_the_kiosk_would_refuse_fails_the_self_check(data_dir: Path) -> None:
    (data_dir / "config.toml").write_text('idle_timeout_s = "soon"\n', encoding="utf-8")

    passed, lines = _check(data_dir)

    assert not passed
    assert lines[0].startswith("FAIL config: ConfigError: ")
    assert "idle_timeout_s" in lines[0]
    assert lines[-1] == "self-check FAILED"


def test_a_content_file_the_kiosk_would_refuse_fails_the_self_check(data_dir: Path) -> None:
    broken = data_dir / "broken.toml"
    broken.write_text('title = "only a title"\n', encoding="utf-8")
    (data_dir / "config.toml").write_text('content = "broken.toml"\n', encoding="utf-8")

    passed, lines = _check(data_dir)

    assert not passed
    assert lines[0].startswith("ok   config:")
    assert lines[1].startswith("FAIL content: ContentError: content file has")
    assert lines[-1] == "self-check FAILED"


def test_the_content_option_is_the_file_checked(data_dir: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    passed, lines = _check(data_dir, missing)
    assert not passed
    assert lines[1].startswith("FAIL content: ContentError:")
    assert "nowhere.toml" in "\n".join(lines[2:])  # each problem on a line of its own
