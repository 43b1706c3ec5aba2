"""Per-PC preferences: typed options, defaults, atomic round trip, bad values fall back."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from counselroom import preferences as prefs_module
from counselroom.paths import config_dir
from counselroom.preferences import (
    BACKUP_FOLDER,
    LANGUAGE,
    LAST_USER,
    LAST_VAULT,
    OPTIONS,
    TEXT_SCALE,
    WINDOW_GEOMETRY,
    Option,
    Preferences,
)


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_defaults_without_a_file() -> None:
    prefs = Preferences.load()
    assert prefs.path == config_dir() / "preferences.json"
    assert prefs.get(LANGUAGE) == "zh_CN"
    assert prefs.get(TEXT_SCALE) == 100
    assert prefs.get(BACKUP_FOLDER) == prefs.get(WINDOW_GEOMETRY) == ""
    assert prefs.get(LAST_VAULT) == prefs.get(LAST_USER) == ""
    assert prefs.problems == []
    assert not prefs.path.exists()  # reading never writes


def test_round_trip() -> None:
    prefs = Preferences.load()
    prefs.set(LANGUAGE, "en")
    prefs.set(TEXT_SCALE, 130)
    prefs.set(BACKUP_FOLDER, "/media/usb/备份")
    prefs.set(WINDOW_GEOMETRY, "AdnQywADAAA=")
    prefs.set(LAST_VAULT, "/home/room/vault")
    prefs.set(LAST_USER, "liu")
    prefs.save()
    again = Preferences.load()
    assert dict(again) == dict(prefs)
    assert again.problems == []
    assert "备份" in prefs.path.read_text(encoding="utf-8")  # readable, not escaped
    if os.name == "posix":
        assert stat.S_IMODE(prefs.path.stat().st_mode) == 0o600
    assert [p.name for p in prefs.path.parent.iterdir()] == ["preferences.json"]  # no temp left


@pytest.mark.parametrize(
    ("option", "bad"),
    [
        (LANGUAGE, "fr"),
        (LANGUAGE, 1),
        (TEXT_SCALE, 120),
        (TEXT_SCALE, "130"),
        (TEXT_SCALE, True),
        (BACKUP_FOLDER, None),
        (WINDOW_GEOMETRY, ["x"]),
    ],
)
def test_bad_values_fall_back_to_the_default_and_are_reported(
    option: Option[Any], bad: object
) -> None:
    path = config_dir() / "preferences.json"
    write(path, {"format": 1, "values": {option.key: bad, "last_user": "liu"}})
    prefs = Preferences.load()
    assert prefs.get(option) == option.default
    assert prefs.get(LAST_USER) == "liu"  # the good values survive
    assert len(prefs.problems) == 1 and option.key in prefs.problems[0]


def test_set_refuses_bad_values() -> None:
    prefs = Preferences.load()
    with pytest.raises(ValueError, match="text_scale"):
        prefs.set(TEXT_SCALE, 99)
    with pytest.raises(ValueError):
        prefs.set(LANGUAGE, "de")
    with pytest.raises(KeyError):
        prefs.set(Option("not_registered", ""), "x")
    assert prefs.get(TEXT_SCALE) == 100


def test_unknown_keys_are_ignored() -> None:
    write(config_dir() / "preferences.json", {"values": {"from_the_future": 1, "language": "en"}})
    prefs = Preferences.load()
    assert prefs.get(LANGUAGE) == "en" and prefs.problems == []
    prefs.save()
    assert "from_the_future" not in prefs.path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "content", [b"{not json", b"\xff\xfe\x00", b"[1, 2]", b'{"values": 3}', b""]
)
def test_a_broken_file_gives_defaults_and_a_problem(content: bytes) -> None:
    path = config_dir() / "preferences.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    prefs = Preferences.load()
    assert dict(prefs) == {o.key: o.default for o in OPTIONS}
    assert len(prefs.problems) == 1


def test_an_unreadable_path_gives_defaults(tmp_path: Path) -> None:
    folder = tmp_path / "is-a-folder.json"
    folder.mkdir()
    prefs = Preferences.load(folder)
    assert prefs.get(LANGUAGE) == "zh_CN" and len(prefs.problems) == 1


def test_reset_and_options_are_unique() -> None:
    prefs = Preferences.load()
    prefs.set(TEXT_SCALE, 150)
    prefs.reset(TEXT_SCALE)
    assert prefs.get(TEXT_SCALE) == 100
    keys = [o.key for o in OPTIONS]
    assert len(keys) == len(set(keys))
    assert prefs_module.FILE_NAME == "preferences.json"
