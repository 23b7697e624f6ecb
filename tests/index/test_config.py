"""Config: defaults, key-by-key overrides, and errors that name file, line and key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from index.config import ConfigError, load_config


def test_default_registry_has_the_seed_people() -> None:
    cfg = load_config(use_user_config=False)
    names = {s.name for s in cfg.speakers}
    assert {
        "Dmitry Peskov",
        "Vladimir Putin",
        "Donald Trump",
        "Volodymyr Zelenskiy",
        "Joe Biden",
        "Steven Cheung",
        "Dmitry Simes",
        "Vsevolod Chentsov",
    } <= names
    peskov = next(s for s in cfg.speakers if s.name == "Dmitry Peskov")
    assert "Peskov" in peskov.aliases and "kremlin spokesperson" in peskov.roles


def test_override_merges_key_by_key(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("theme: nord\nkeys:\n  quit: ctrl+x\nextra_speakers:\n  - name: Ann Example\n    aliases: [Example]\n")
    cfg = load_config(f, use_user_config=False)
    assert cfg.theme == "nord" and cfg.keys == {"quit": "ctrl+x"}
    names = [s.name for s in cfg.speakers]
    assert "Ann Example" in names and "Dmitry Peskov" in names  # extra_ adds, does not replace
    assert cfg.boilerplate  # untouched keys keep their defaults


def test_user_config_in_xdg_dir_is_read(isolated_dirs: Path) -> None:
    d = isolated_dirs / "xdg_config_home" / "quotewire"
    d.mkdir(parents=True)
    (d / "config.yaml").write_text("min_confidence: 0.5\n")
    assert load_config().min_confidence == 0.5


@pytest.mark.parametrize(
    ("body", "line", "key", "words"),
    [
        ("theme: nord\nkeys: [1, 2\n", 3, "", "invalid YAML"),
        ("theme: nord\nmin_confidence: lots\n", 2, "min_confidence", "between 0 and 1"),
        ("theme: nord\nspeakerz: []\n", 2, "speakerz", "did you mean 'speakers'"),
        ("corpus:\n  folders: notalist\n", 2, "corpus.folders", "list"),
        ("boilerplate:\n  - ok\n  - '(['\n", 3, "boilerplate[1]", "regular expression"),
        ("speakers:\n  - name: A\n  - aliases: [B]\n", 3, "speakers[1].name", "needs a name"),
    ],
)
def test_errors_name_file_line_and_key(tmp_path: Path, body: str, line: int, key: str, words: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(body)
    with pytest.raises(ConfigError) as err:
        load_config(f, use_user_config=False)
    e = err.value
    assert e.path == str(f) and e.line == line and words in str(e)
    if key:
        assert e.key == key


def test_broken_config_exits_2_with_one_line_no_traceback(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("theme: [unclosed\n")
    r = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--config", str(f), "search", "x"], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 2
    assert str(f) in r.stderr and "line" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_validated_config_is_cached_until_a_file_changes(isolated_dirs: Path) -> None:
    import sys

    from index import config as config_mod

    d = isolated_dirs / "xdg_config_home" / "quotewire"
    d.mkdir(parents=True)
    user = d / "config.yaml"
    user.write_text("min_confidence: 0.5\n")
    assert load_config().min_confidence == 0.5
    assert config_mod._cache_path().exists()
    sys.modules.pop("yaml", None)
    assert load_config().min_confidence == 0.5
    assert "yaml" not in sys.modules  # the second start did not even import the parser
    user.write_text("min_confidence: 0.25\n")  # a change (size too) is seen at once
    assert load_config().min_confidence == 0.25
    user.write_text("min_confidence: lots\n")  # and a broken file is reported, not masked
    with pytest.raises(ConfigError, match="min_confidence"):
        load_config()
