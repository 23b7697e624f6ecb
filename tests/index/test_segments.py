"""The Whoosh index on disk, as readers meet it (#17): a searcher reads the segments' files
as it needs them, and a reader never repairs a damaged index (the update does, under its
lock)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from index.library import Library


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    words = "harbour bridge tunnel airport canal ferry quay pier dock lock weir".split()
    for n in range(120):
        body = " ".join(f"{words[(n + k) % len(words)]}{k % 37}" for k in range(400))
        (d / f"a{n:03d}.txt").write_text(f"Headline number {n}\nThe minister said {body}.\n")
    return d


def _lib(corpus: Path) -> Library:
    return Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)


def test_a_searcher_does_not_copy_the_index_into_memory(corpus: Path) -> None:
    """whoosh3 read every file of a compound segment into memory when a reader opened it:
    each searcher of a 100,000-article index held 600 MB."""
    lib = _lib(corpus)
    lib.update()
    size = sum(f.stat().st_size for f in lib.index_dir.glob("MAIN_*"))
    from whoosh import index

    ix = index.open_dir(str(lib.index_dir))
    tracemalloc.start()
    try:
        with ix.searcher() as s:
            assert s.doc_count() == 120
            held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert size > 500_000 and held < size / 4, (held, size)


def test_a_reader_never_repairs_a_damaged_index_the_update_does(corpus: Path) -> None:
    lib = _lib(corpus)
    lib.update()
    for f in lib.index_dir.glob("MAIN_*.*"):
        f.write_bytes(b"garbage" * 10)
    damaged = {f.name: f.read_bytes() for f in lib.index_dir.glob("*MAIN_*")}
    reader = _lib(corpus)
    assert reader.search("minister").total == 0  # nothing found, nothing raised...
    # ...and nothing rebuilt outside the lock
    assert {f.name: f.read_bytes() for f in lib.index_dir.glob("*MAIN_*")} == damaged
    report = reader.update()
    assert report.rebuilt and report.added == 120
    assert reader.search("minister").total == 120


def test_postings_spilled_to_disk_in_chunks_come_back_as_whooshs_own_pool_gives_them(tmp_path: Path) -> None:
    """A large build's writers spill sorted runs of postings to disk; quotewire's pool writes
    them many to a pickle (one per posting was a third of a build's work)."""
    import random

    from whoosh.filedb.filestore import FileStorage
    from whoosh.writing import PostingPool

    from index.search import _ChunkedPool

    rng = random.Random(3)
    words = [bytes([a, b]) for a in range(97, 123) for b in range(97, 100)]
    items = [("content", rng.choice(words), rng.randrange(2000), 1.0, b"v" * rng.randrange(6)) for _ in range(30_000)]
    got = []
    for n, cls in enumerate((PostingPool, _ChunkedPool)):
        pool = cls(FileStorage(str(tmp_path / str(n))).create(), None, limitmb=1)
        for item in items:
            pool.add(item)
        assert len(pool.runs) > 2  # it spilled
        got.append(list(pool.iter_postings()))
    assert got[1] == got[0] == sorted(items)
