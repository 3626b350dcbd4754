"""config.toml: defaults, overrides, and every bad value named at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.paths import default_content_path


def _write(data_dir: Path, text: str) -> None:
    (data_dir / "config.toml").write_text(text, encoding="utf-8")


def test_no_config_file_means_defaults(data_dir: Path) -> None:
    config = load_config(data_dir)
    assert config.content_path == default_content_path()
    assert (config.default_region, config.keyboard, config.idle_timeout_s) == ("US", "auto", 90)


def test_config_file_sets_values(data_dir: Path) -> None:
    _write(data_dir, 'default_region = "il"\nkeyboard = "on"\nidle_timeout_s = 45\n')
    config = load_config(data_dir)
    assert (config.default_region, config.keyboard, config.idle_timeout_s) == ("IL", "on", 45)


def test_relative_content_path_is_relative_to_the_config_file(data_dir: Path) -> None:
    _write(data_dir, 'content = "event.toml"\n')
    assert load_config(data_dir).content_path == data_dir / "event.toml"


def test_content_option_overrides_the_file(data_dir: Path, tmp_path: Path) -> None:
    _write(data_dir, 'content = "event.toml"\n')
    assert (
        load_config(data_dir, content_path=tmp_path / "x.toml").content_path == tmp_path / "x.toml"
    )


def test_every_bad_setting_is_named_at_once(data_dir: Path) -> None:
    _write(
        data_dir,
        'default_region = "Narnia"\nkeyboard = "sometimes"\nidle_timeout_s = 2\n'
        'export_public_key = "not-a-key"\ncolour = "red"\ncontent = 5\n',
    )
    with pytest.raises(ConfigError) as caught:
        load_config(data_dir)
    message = str(caught.value)
    for name in (
        "default_region",
        "keyboard",
        "idle_timeout_s",
        "export_public_key",
        "'colour'",
        "content",
    ):
        assert name in message


@pytest.mark.parametrize("value", ["true", '"90"', "90.5", "-1", "100000"])
def test_idle_timeout_must_be_whole_seconds_in_range(data_dir: Path, value: str) -> None:
    _write(data_dir, f"idle_timeout_s = {value}\n")
    with pytest.raises(ConfigError, match="idle_timeout_s"):
        load_config(data_dir)


@pytest.mark.parametrize("raw", [b"keyboard = ", b"\xff\xfe\x00", b"[[[["])
def test_unparsable_config_file_is_a_clear_error(data_dir: Path, raw: bytes) -> None:
    (data_dir / "config.toml").write_bytes(raw)
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(data_dir)
