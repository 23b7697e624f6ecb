"""README: ARTICLE is an id, a file, or the start of one id. A start shared by several
ids said "no article 'feed'"; it now names them, and a start only one id has opens it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def qw(corpus: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "tui.cli", "--corpus", str(corpus), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "j1"
    root.mkdir()
    records = [{"id": str(n), "title": f"Item {n}", "text": f"Item {n}\n\nThe story number {n}."} for n in (1, 2, 3)]
    (root / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (root / "solo.txt").write_text("Solo story\n\nOne article alone.\n", encoding="utf-8")
    return root


def test_a_start_several_ids_share_is_ambiguous_and_names_them(corpus: Path) -> None:
    r = qw(corpus, "show", "feed")
    assert r.returncode == 2
    assert r.stderr.strip() == "quotewire: article 'feed' is ambiguous: feed#1, feed#2, feed#3"
    assert r.stdout == ""


def test_a_start_one_id_has_shows_that_article(corpus: Path) -> None:
    r = qw(corpus, "show", "so", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["article"] == "solo"
    r = qw(corpus, "show", "feed#2", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["title"] == "Item 2"


def test_no_id_starting_so_is_still_no_article(corpus: Path) -> None:
    r = qw(corpus, "show", "zzz")
    assert r.returncode == 2 and "no article 'zzz'" in r.stderr


def test_compare_says_ambiguous_too(corpus: Path) -> None:
    r = qw(corpus, "compare", "feed", "solo")
    assert r.returncode == 2
    assert "article 'feed' is ambiguous: feed#1, feed#2, feed#3" in r.stderr
