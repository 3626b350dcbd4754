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


# A real key pair, made once with `p2p-kiosk keys new`, for these checks only.
PUBLIC_KEY = "age1z33fde9yty8v9egaylk9w9lu7uzmwasfmnj0dnuxs8hyx2rjzerqum4704"
SECRET_KEY = "AGE-SECRET-KEY-1YZCAUJJUDQ7DPTVFE2QP36K35HKXRJHWJHS2ZKV8P2YXV8AW8PVSMN3E7N"


@pytest.mark.parametrize(
    "key",
    [
        PUBLIC_KEY[:-1] + "q",  # one character mistyped: the checksum catches it
        PUBLIC_KEY[:-5],  # the end cut off when copied
        PUBLIC_KEY + "x",
        "age1",
        "age1" + "q" * 58,
        SECRET_KEY,  # the office's private key pasted in by mistake
    ],
    ids=["mistyped", "cut-short", "extra-letter", "prefix-only", "not-bech32", "private-key"],
)
def test_a_malformed_export_key_is_refused_when_the_config_is_read(
    data_dir: Path, key: str
) -> None:
    # It used to pass (it starts with "age1") and only failed at the end of the
    # event, when the volunteer pressed Export.
    _write(data_dir, f'export_public_key = "{key}"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(data_dir)
    message = str(caught.value)
    assert "export_public_key" in message and "keys new" in message
    if key != "age1":  # that much is in the advice itself
        assert key.lower() not in message.lower()


def test_a_private_key_in_the_config_is_called_out(data_dir: Path) -> None:
    _write(data_dir, f'export_public_key = "{SECRET_KEY}"\n')
    with pytest.raises(ConfigError, match="private key") as caught:
        load_config(data_dir)
    assert SECRET_KEY[15:] not in str(caught.value)


def test_a_valid_export_key_is_kept_without_surrounding_spaces(data_dir: Path) -> None:
    _write(data_dir, f'export_public_key = "  {PUBLIC_KEY}\\n"\n')
    assert load_config(data_dir).export_public_key == PUBLIC_KEY
