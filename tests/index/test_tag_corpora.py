"""Two corpus folders sharing one tag store: each lists its own tags, never the other's.

Tags made on t1/story.txt were listed with ``--corpus t2`` as ``story.txt [orphan]``,
counted as t2's orphans and exported under t2's article ``story``; while t2/story.txt
was a copy of t1's, they showed on the copy as well (the "moved folder" rule firing
while the folder had not moved).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

STORY = (
    "Talks stall\n\nThe envoy said on Monday that the talks had stalled over the border. "
    "Officials described the mood as grim.\n"
)
PASSAGE = "the talks had stalled"


def qw(*args: str, corpus: Path) -> subprocess.CompletedProcess[str]:
    r = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--corpus", str(corpus), *args], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    return r


def _listed(corpus: Path) -> list[tuple[str, str]]:
    return [(t["article"], t["status"]) for t in json.loads(qw("tags", "list", "--json", corpus=corpus).stdout)]


def _exported(corpus: Path) -> list[str]:
    out = qw("tags", "export", "--format", "jsonl", corpus=corpus).stdout
    return [json.loads(line)["article"] for line in out.splitlines() if line.strip()]


def _two_folders(tmp_path: Path) -> tuple[Path, Path]:
    t1, t2 = tmp_path / "t1", tmp_path / "t2"
    t1.mkdir()
    t2.mkdir()
    (t1 / "story.txt").write_text(STORY, encoding="utf-8")
    start = STORY.index(PASSAGE)
    for name in ("one", "two"):
        qw("tags", "add", "story", "--start", str(start), "--end", str(start + len(PASSAGE)), "--tag", name, corpus=t1)
    return t1, t2


def test_another_folders_tags_are_not_this_corpus_orphans(tmp_path: Path) -> None:
    t1, t2 = _two_folders(tmp_path)
    (t2 / "story.txt").write_text(STORY.replace("Monday", "Tuesday, it is said,"), encoding="utf-8")
    assert _listed(t2) == []
    assert _exported(t2) == []
    assert _listed(t1) == [("story", "anchored"), ("story", "anchored")]
    assert _exported(t1) == ["story", "story"]


def test_a_copy_of_the_folder_does_not_take_the_tags_while_the_original_is_there(tmp_path: Path) -> None:
    t1, t2 = _two_folders(tmp_path)
    shutil.copy(t1 / "story.txt", t2 / "story.txt")
    assert _listed(t2) == []
    assert qw("search", "tag:one", corpus=t2).stdout.startswith("0 hit(s)")
    assert _listed(t1) == [("story", "anchored"), ("story", "anchored")]


def test_a_moved_folder_still_keeps_its_tags(tmp_path: Path) -> None:
    t1, _ = _two_folders(tmp_path)
    moved = tmp_path / "archive" / "t1"
    moved.parent.mkdir()
    t1.rename(moved)
    assert _listed(moved) == [("story", "anchored"), ("story", "anchored")]


def test_a_tag_whose_file_is_gone_is_still_listed_as_an_orphan(tmp_path: Path) -> None:
    """Its file may have been this corpus's, moved and edited: it is not hidden."""
    t1, t2 = _two_folders(tmp_path)
    (t1 / "story.txt").unlink()
    (t2 / "story.txt").write_text(STORY.replace("Monday", "Tuesday"), encoding="utf-8")
    assert _listed(t2) == [("story.txt", "orphan"), ("story.txt", "orphan")]
