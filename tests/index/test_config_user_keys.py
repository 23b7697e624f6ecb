"""Config errors in the keys a user adds name the user's own file, line and key.

`extra_boilerplate` patterns were checked after merging into the default list, so a bad
one was reported as `config: boilerplate[30]`; a typo under `keys:` was ignored, a key no
terminal sends was accepted, and two bindings on one key silently shadowed each other.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from index.config import ConfigError, load_config


def _error(tmp_path: Path, body: str) -> ConfigError:
    f = tmp_path / "mine.yaml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(f, use_user_config=False)
    assert err.value.path == str(f), str(err.value)
    return err.value


@pytest.mark.parametrize(
    ("body", "line", "key"),
    [
        ('extra_boilerplate: ["(unclosed"]\n', 1, "extra_boilerplate[0]"),
        ("theme: nord\nextra_boilerplate:\n  - ok\n  - '(['\n", 4, "extra_boilerplate[1]"),
        ("extra_speech_verbs:\n  - opined\n  - 7\n", 3, "extra_speech_verbs[1]"),
        ("extra_speakers:\n  - name: A\n  - aliases: [B]\n", 3, "extra_speakers[1].name"),
    ],
)
def test_an_extra_item_is_reported_at_its_own_line_and_key(tmp_path: Path, body: str, line: int, key: str) -> None:
    e = _error(tmp_path, body)
    assert (e.line, e.key) == (line, key), str(e)


def test_a_bad_extra_boilerplate_pattern_exits_2_naming_file_line_and_key(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text('extra_boilerplate: ["(unclosed"]\n', encoding="utf-8")
    cmd = [sys.executable, "-m", "tui.cli", "--config", str(f), "articles"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert r.stderr.startswith(
        f"quotewire: config error: {f}, line 1: extra_boilerplate[0]: invalid regular expression"
    )
    assert len(r.stderr.strip().splitlines()) == 1


def test_an_unknown_binding_id_is_an_error_with_did_you_mean(tmp_path: Path) -> None:
    e = _error(tmp_path, 'theme: nord\nkeys:\n  quit: ctrl+q\n  serach: "ctrl+f"\n')
    assert (e.line, e.key) == (4, "keys.serach")
    assert "did you mean 'search'" in str(e)


@pytest.mark.parametrize(
    ("keys", "words"),
    [
        ("ctrl+shift+alt+superduper", "'superduper'"),
        ("ctrl+hyperr+f", "'hyperr'"),
        ("shift+ctrl+f", "'ctrl+shift+f'"),  # Textual names modifiers in this order only
        ("ctrl+ctrl+f", "twice"),
        ("j,,k", "empty"),
    ],
)
def test_a_key_textual_never_sends_is_an_error(tmp_path: Path, keys: str, words: str) -> None:
    e = _error(tmp_path, f'keys:\n  search: "{keys}"\n')
    assert (e.line, e.key) == (2, "keys.search")
    assert words in str(e), str(e)


@pytest.mark.parametrize(
    "keys",
    ["ctrl+f", "/", "slash", "j,down", "G", "f12", "ctrl+shift+up", "alt+ctrl+x", "exclamation_mark", "é", "pagedown"],
)
def test_keys_textual_sends_are_accepted(tmp_path: Path, keys: str) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(f"keys:\n  cancel_tag: '{keys}'\n", encoding="utf-8")  # the tag prompt has few keys
    assert load_config(f, use_user_config=False).keys == {"cancel_tag": keys}


def test_two_bindings_on_one_key_name_both_ids_file_and_line(tmp_path: Path) -> None:
    e = _error(tmp_path, 'keys:\n  search: "/"\n  quit: "/"\n')
    assert (e.line, e.key) == (3, "keys.quit")
    assert "'/' is bound to both 'quit' and 'search' (keys.search, line 2)" in str(e)
    assert "library, quotes, reader" in str(e)


def test_a_remap_onto_another_bindings_default_key_is_a_clash(tmp_path: Path) -> None:
    """`x` removes a tag in the reader: giving it to `compare` there would hide one of them."""
    e = _error(tmp_path, "theme: nord\nkeys:\n  compare: x\n")
    assert (e.line, e.key) == (3, "keys.compare")
    assert "'remove_tag'" in str(e) and "reader" in str(e)


def test_a_key_shared_by_bindings_of_different_screens_is_no_clash(tmp_path: Path) -> None:
    """`s` lists speakers in the library and the reader; the compare screen, where
    `toggle_diff` lives, has no `s`. `quit` may take `/` once `search` has left it."""
    f = tmp_path / "mine.yaml"
    f.write_text("keys:\n  toggle_diff: s\n  search: ctrl+f\n  quit: '/'\n", encoding="utf-8")
    assert load_config(f, use_user_config=False).keys == {"toggle_diff": "s", "search": "ctrl+f", "quit": "/"}


def test_swapping_two_keys_is_no_clash(tmp_path: Path) -> None:
    """Both bindings move: neither keeps the key the other now takes."""
    f = tmp_path / "mine.yaml"
    f.write_text("keys:\n  next_hit: N\n  prev_hit: n\n", encoding="utf-8")
    assert load_config(f, use_user_config=False).keys == {"next_hit": "N", "prev_hit": "n"}
