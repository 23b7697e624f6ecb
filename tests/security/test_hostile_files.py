"""Files built to exhaust the machine are refused quickly, with one line, and lose nothing else."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.config import ConfigError, load_config
from index.corpus import Reader, discover

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)


def test_billion_laughs_front_matter_is_refused_fast_and_the_article_kept(tmp_path: Path) -> None:
    (tmp_path / "bomb.md").write_text("---\n" + LAUGHS + "title: t\n---\nThe body said something.\n")
    (tmp_path / "fine.txt").write_text("A fine headline\nThe envoy said talks go on.\n")
    reader = Reader()
    started = time.monotonic()
    loaded, problems = [], []
    for src in discover([tmp_path], include_seeds=False)[0]:
        arts, probs = reader.read(src)
        loaded += arts
        problems += probs
    assert time.monotonic() - started < 2
    assert sorted(a.id for a in loaded) == ["bomb", "fine"]
    assert any("bomb.md" in p.path and "aliases" in p.message for p in problems)


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (LAUGHS, 1),
        ("theme: &t [*t]\n", 1),  # an alias inside its own anchor
        ("corpus:\n  folders: &f [a]\nextra: *f\n", 2),
        ("keys: " + "[" * 100 + "]" * 100 + "\n", 1),
    ],
    ids=["laughs", "recursive", "alias", "deep"],
)
def test_hostile_config_is_rejected_with_file_and_line(tmp_path: Path, body: str, line: int) -> None:
    f = tmp_path / "config.yaml"
    f.write_text(body)
    started = time.monotonic()
    with pytest.raises(ConfigError) as err:
        load_config(f, use_user_config=False)
    assert time.monotonic() - started < 2
    assert err.value.path == str(f) and err.value.line == line and "refused" in str(err.value)


def test_hostile_config_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    f = tmp_path / "config.yaml"
    f.write_text("theme: &t [*t]\n")
    r = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--config", str(f), "search", "x"], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and str(f) in r.stderr


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
def test_json_nested_thousands_deep_is_skipped_with_a_message(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("[" * 5000 + "]" * 5000 + "\n")
    (src,), _ = discover([tmp_path], include_seeds=False)
    articles, problems = Reader().read(src)
    assert articles == [] and any("deeply" in p.message for p in problems)
