"""The validated config is cached as JSON: a file in the cache folder cannot run code (#19, item 9)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from index.config import load_config


class _Payload:
    """What a hostile pickle does when it is loaded: here, make a folder."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (os.mkdir, (str(self.marker),))


def _cache_dir() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "quotewire"


def test_a_planted_pickle_in_the_cache_is_never_loaded(tmp_path: Path) -> None:
    marker = tmp_path / "the-payload-ran"
    _cache_dir().mkdir(parents=True, exist_ok=True)
    (_cache_dir() / "config-cache.pickle").write_bytes(pickle.dumps(((), _Payload(marker))))
    r = subprocess.run([sys.executable, "-m", "tui.cli", "search", "x"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    load_config()
    assert not marker.exists()
    assert not (_cache_dir() / "config-cache.pickle").exists()  # removed once the JSON cache is written


def test_the_json_cache_round_trips_and_is_used(tmp_path: Path) -> None:
    user = tmp_path / "config.yaml"
    user.write_text(
        "speakers:\n  - {name: Ana Lee, aliases: [Lee], roles: [minister], gender: female}\n"
        "keys: {search: ctrl+f}\npaths: {index_dir: /tmp/qw-index}\n"
    )
    first = load_config(user)
    cached = json.loads((_cache_dir() / "config-cache").read_text())
    assert cached["config"]["keys"] == {"dict": {"search": "ctrl+f"}}
    again = load_config(user)
    assert again == first and any(s.name == "Ana Lee" for s in again.speakers)


def test_a_tampered_json_cache_is_ignored_not_trusted() -> None:
    expected = load_config()
    path = _cache_dir() / "config-cache"
    for tamper in ({"object": "os.system"}, ["a", "list"], {"path": 7}):
        data = json.loads(path.read_text())
        data["config"]["theme"] = tamper  # not a value the cache writes
        path.write_text(json.dumps(data))
        assert load_config() == expected  # read from the files again (and cached afresh)
    path.write_text("not json at all")
    assert load_config() == expected
