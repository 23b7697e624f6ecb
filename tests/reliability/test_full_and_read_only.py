"""A full disk and read-only places: one clear line each, nothing lost (#19, item 8).

A full disk is a small tmpfs (mounted as root; the tests skip with the reason elsewhere);
a read-only place is a read-only remount (as root) or a folder without write permission.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.places import fill, make_read_only, read_only_place, tmpfs

SEED = "000_3db5e493d445b404"
WRITER = Path(__file__).resolve().parents[1] / "index" / "tag_writer.py"


def qw(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True, timeout=300)


def _one_line(r: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in r.stderr, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    return lines[0]


def _add(n: int) -> subprocess.CompletedProcess[str]:
    return qw("tags", "add", SEED, "--start", str(n), "--end", str(n + 12), "--tag", f"t{n % 3}", "--note", "x" * 50)


def _listed() -> list[dict]:
    r = qw("tags", "list", "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.fixture
def data_home() -> Path:
    return Path(os.environ["XDG_DATA_HOME"])


@pytest.fixture
def cache_home() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"])


def test_tags_add_on_a_full_disk_is_one_line_and_loses_nothing(data_home: Path) -> None:
    assert qw("index").returncode == 0  # the index lives elsewhere (the cache)
    with tmpfs(data_home, "2m"):
        for n in range(3):
            assert _add(n).returncode == 0
        filler = fill(data_home)
        r = _add(10)
        assert r.returncode == 1 and "disk is full" in _one_line(r)
        assert len(_listed()) == 3  # listing works on a full disk
        filler.unlink()
        assert _add(11).returncode == 0
        assert len(_listed()) == 4


def test_tags_import_on_a_full_disk_imports_nothing_and_says_so(data_home: Path, tmp_path: Path) -> None:
    assert qw("index").returncode == 0
    lines = [
        json.dumps(
            {"article": SEED, "start": 0, "end": 5, "exact": f"passage {i:05d}", "note": "n" * 200, "tags": ["t"]}
        )
        for i in range(3000)
    ]
    big = tmp_path / "big.jsonl"
    big.write_text("\n".join(lines) + "\n")
    with tmpfs(data_home, "2m"):
        assert _add(1).returncode == 0
        fill(data_home, leave=256 * 1024)
        r = qw("tags", "import", str(big))
        assert r.returncode == 1 and "disk is full" in _one_line(r)
        assert len(_listed()) == 1  # all or nothing


def test_index_on_a_full_cache_is_one_line_and_works_again_with_space(cache_home: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(300):
        (corpus / f"{n:03d}.txt").write_text(f"Story {n}\n\n" + f"The minister said item {n} matters. " * 60)
    with tmpfs(cache_home, "16m"):
        filler = fill(cache_home, leave=1024 * 1024)
        r = qw("index", "--corpus", str(corpus))
        assert r.returncode == 1, r.stdout
        line = _one_line(r)
        assert "no space" in line and str(cache_home) in line
        filler.unlink()
        r = qw("index", "--corpus", str(corpus))
        assert r.returncode == 0 and "300 added" in r.stdout, r.stderr
        r = qw("search", "minister", "--corpus", str(corpus), "--json")
        assert json.loads(r.stdout)["total"] >= 300


def test_a_read_only_data_dir_can_be_listed_and_exported(data_home: Path) -> None:
    with read_only_place(data_home):
        for n in range(3):
            assert _add(n).returncode == 0
        make_read_only(data_home)
        assert len(_listed()) == 3
        r = qw("tags", "export", "--format", "jsonl")
        assert r.returncode == 0 and len(r.stdout.splitlines()) == 3
        r = qw("search", "tag:t0", "--json")
        assert r.returncode == 0 and json.loads(r.stdout)["total"] == 1
        for cmd in (["tags", "rm", "1"], ["tags", "add", SEED, "--start", "0", "--end", "5", "--tag", "x"]):
            r = qw(*cmd)
            assert r.returncode == 1 and "read-only" in _one_line(r)


def test_a_read_only_data_dir_without_a_tag_store(data_home: Path) -> None:
    with read_only_place(data_home):
        make_read_only(data_home)
        assert _listed() == []
        r = _add(1)
        assert r.returncode == 1 and "read-only" in _one_line(r)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_a_read_only_store_left_by_a_killed_writer_is_read_whole(data_home: Path) -> None:
    with read_only_place(data_home):
        db = data_home / "quotewire" / "tags.sqlite3"
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), "100000", "w"], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        acknowledged = [int(proc.stdout.readline()) for _ in range(200)]
        proc.kill()
        acknowledged += [int(x) for x in proc.stdout.read().split("\n")[:-1] if x.strip()]  # whole lines
        proc.wait()
        assert Path(f"{db}-wal").exists()
        make_read_only(data_home)
        listed = {t["id"] for t in _listed()}
        assert set(acknowledged) <= listed and len(listed - set(acknowledged)) <= 1  # one may be in flight


def test_a_read_only_cache_is_one_line(cache_home: Path) -> None:
    with read_only_place(cache_home):
        make_read_only(cache_home)
        r = qw("index")
        assert r.returncode == 1 and "cannot be written" in _one_line(r)
        r = qw("search", "talks")
        assert r.returncode == 0 and "cannot be written" in _one_line(r)
