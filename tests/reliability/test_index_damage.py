"""Damage inside the index is noticed, said in one line, and the index rebuilt (#19, item 6).

Random bytes in a Whoosh segment gave tracebacks or silently lost hits; random bytes in
the catalogue silently changed counts (`kind:direct`), and `quotewire index` said
"unchanged". Every file of the index now has a checksum written after each update.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from index import integrity
from index.library import Library

QUERIES = ("talks", "kind:direct", "speaker:peskov", "said", "kind:reported")


def qw(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True, timeout=300)


def _totals() -> dict[str, int]:
    """What the queries find once the index is up to date (in this process: quicker)."""
    lib = Library.open(use_user_config=False)
    try:
        lib.update()
        return {q: lib.search(q, limit=1).total for q in QUERIES}
    finally:
        lib.close()


def _index_dir() -> Path:
    return Library.open(use_user_config=False).index_dir


def _segment() -> Path:
    """The postings of the index's largest segment (segments are separate files, #17)."""
    return max(_index_dir().glob("MAIN_*.pst"), key=lambda p: p.stat().st_size)


def _scribble(path: Path, seed: int, spots: int = 5, keep_time: bool = False) -> None:
    st = path.stat()
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    for _ in range(spots):
        at = rng.randrange(0, len(data) - 64)
        data[at : at + 64] = rng.randbytes(64)
    path.write_bytes(bytes(data))
    if keep_time:  # bit rot: the bytes change, the file's time does not
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.fixture
def built() -> dict[str, int]:
    r = qw("index")
    assert r.returncode == 0, r.stderr
    totals = _totals()
    assert totals["kind:direct"] > 0 and totals["talks"] > 0
    return totals


@pytest.mark.parametrize("seed", [1, 2])
def test_random_bytes_in_a_segment_are_found_and_the_index_rebuilt(built: dict[str, int], seed: int) -> None:
    segment = _segment()
    _scribble(segment, seed)
    r = qw("index")
    assert r.returncode == 0 and "rebuilt" in r.stdout
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and segment.name in lines[0] and "damaged" in lines[0]
    assert _totals() == built


def test_changed_quote_kinds_in_the_catalogue_are_found(built: dict[str, int]) -> None:
    """The probe's silent case: kind:direct counted fewer, and `index` said unchanged."""
    catalogue = _index_dir() / "catalogue.sqlite3"
    data = catalogue.read_bytes()
    assert data.count(b"direct") > 2
    catalogue.write_bytes(data.replace(b"direct", b"dXrect", 2))  # still a sound SQLite file
    r = qw("search", "kind:direct", "--json")  # every command updates first: the damage is seen
    assert json.loads(r.stdout)["total"] == built["kind:direct"]
    assert "catalogue.sqlite3: pages" in r.stderr and "damaged" in r.stderr
    assert _totals() == built


def test_index_check_verifies_on_demand_and_catches_bit_rot(built: dict[str, int]) -> None:
    r = qw("index", "--check")
    assert r.returncode == 0 and "every file is as it was written" in r.stdout
    segment = _segment()
    _scribble(segment, 7, keep_time=True)
    assert integrity.quick_check(_index_dir()) is None  # the cheap check cannot see this
    r = qw("index", "--check")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert segment.name in r.stderr and "index rebuilt" in r.stdout
    assert qw("index", "--check").returncode == 0
    assert _totals() == built


def _seed_that_breaks_a_search(segment: Path, spare: Path) -> int:
    """Bit rot that opens fine but makes Whoosh raise while searching. Each try starts
    from a copy of the whole index: one that cannot be opened is replaced by an empty one."""
    index_dir = segment.parent
    shutil.copytree(index_dir, spare)
    try:
        for seed in range(300):
            _scribble(segment, seed, keep_time=True)
            lib = Library.open(use_user_config=False)
            lib.load_cached()
            try:
                notes = [n for q in QUERIES for n in lib.search(q).ignored]
            finally:
                lib.close()
                shutil.rmtree(index_dir)
                shutil.copytree(spare, index_dir)
            # A note naming the file: the search met the damage (some seeds break the
            # opening instead, which the other tests cover).
            if notes and segment.name in notes[0]:
                assert "damaged" in notes[0], notes
                return seed
    finally:
        shutil.rmtree(spare, ignore_errors=True)
    pytest.skip("no seed of 300 made Whoosh raise on this index")  # about 1 in 20 does


def test_a_search_that_meets_damage_says_so_and_answers(built: dict[str, int], tmp_path: Path) -> None:
    """Damage the update's cheap check cannot see (the file kept its time), met by Whoosh
    while searching: the search says so in a note naming the file; the command says so in
    one line, rebuilds and answers right. No traceback."""
    segment = _segment()
    _scribble(segment, _seed_that_breaks_a_search(segment, tmp_path / "spare"), keep_time=True)
    said = []
    for q in QUERIES:
        r = qw("search", q, "--json", "--limit", "1")
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
        assert json.loads(r.stdout)["total"] == built[q]
        said += [ln for ln in r.stderr.splitlines() if "damaged" in ln]
    assert len(said) == 1 and segment.name in said[0] and "rebuilding" in said[0]
    assert _totals() == built


def test_a_killed_build_leaves_no_false_alarm(tmp_path: Path) -> None:
    """A manifest from an older generation vouches for nothing: no rebuild for it."""
    assert qw("index").returncode == 0
    d = _index_dir()
    manifest = json.loads((d / integrity.MANIFEST).read_text())
    manifest["generation"] -= 1
    (d / integrity.MANIFEST).write_text(json.dumps(manifest))
    (d / "catalogue.sqlite3").touch()
    r = qw("index")
    assert "rebuilt" not in r.stdout and "damaged" not in r.stderr


def test_an_index_that_fails_to_open_for_a_moment_is_not_called_damaged(
    built: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader whose opening of a whole index fails for a passing reason (here: no file
    handles left) says so and leaves the index alone: calling it damaged cost a rebuild of
    the whole corpus at the next command (seen on 11,125 articles)."""
    import errno

    import whoosh.index

    real_open_dir = whoosh.index.open_dir

    def no_handles(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr(whoosh.index, "open_dir", no_handles)
    lib = Library.open(use_user_config=False)
    try:
        result = lib.search("talks")
        assert result.total == 0 and lib.damaged is None
        assert any("could not be opened just now" in n and "Too many open files" in n for n in result.ignored)
        assert not (lib.index_dir / integrity.MARK).exists()
        monkeypatch.setattr(whoosh.index, "open_dir", real_open_dir)
        assert lib.search("talks").total == built["talks"]  # the next search opens it
    finally:
        lib.close()
    r = qw("index")
    assert r.returncode == 0 and "rebuilt" not in r.stdout and "damaged" not in r.stderr


def test_an_index_whose_files_changed_and_fails_to_open_is_rebuilt(built: dict[str, int]) -> None:
    """The other side: the table of contents overwritten (its time changes with it), so the
    index will not open; the reader finds the damage through the checksums and says so,
    and the next command rebuilds and answers right."""
    toc = max(_index_dir().glob("_MAIN_*.toc"))
    toc.write_bytes(b"\0" * toc.stat().st_size)
    lib = Library.open(use_user_config=False)
    try:
        result = lib.search("talks")
        assert lib.damaged and toc.name in lib.damaged
        assert any(toc.name in n and "rebuilt at the next update" in n for n in result.ignored)
    finally:
        lib.close()
    r = qw("search", "talks", "--json")
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert json.loads(r.stdout)["total"] == built["talks"]
