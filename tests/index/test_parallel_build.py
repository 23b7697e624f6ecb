"""A large build indexes on every core: each worker writes Whoosh segments of its own, which
the main process publishes beside the catalogue (#17). It must give what one writer gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import index.ingest as ingest
import index.library as library_mod
from index.library import Library

QUERIES = ["minister", "harbour", '"the harbour"', "speaker:minister", "kind:direct", "item7", "bridge OR tunnel"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    places = ["harbour", "bridge", "tunnel", "airport", "canal"]
    for n in range(30):
        place = places[n % len(places)]
        (d / f"a{n:02d}.txt").write_text(
            f"Headline number {n} about the {place}\n"
            f"“We will finish the {place} by spring,” the minister said on Monday about item{n}.\n"
            f"Officials said the {place} would cost more than planned.\n"
        )
    return d


def _lib(corpus: Path, name: str) -> Library:
    from dataclasses import replace

    lib = Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)
    lib.config = replace(lib.config, index_dir=corpus.parent / name)  # an index of its own
    return Library(lib.config, lib.corpus)


def _parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "PARALLEL_FROM", 2)
    monkeypatch.setattr(ingest, "CHUNK", 3)
    monkeypatch.setattr(ingest, "IN_FLIGHT", 2)
    monkeypatch.setattr(ingest.os, "cpu_count", lambda: 2)


def _answers(lib: Library) -> dict[str, tuple[int, list[tuple[str, object]]]]:
    """What each query finds (hits in no set order: equal scores may come in another order)."""
    out = {}
    for q in QUERIES:
        r = lib.search(q, limit=100)
        out[q] = (r.total, sorted((h.article, h.quote) for h in r.hits))
    return out


def _segments(lib: Library) -> int:
    from whoosh import index

    return len(index.open_dir(str(lib.index_dir))._segments())


def test_workers_writing_segments_give_what_one_writer_gives(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = _lib(corpus, "serial")
    assert serial.update().added == 30
    _parallel(monkeypatch)
    parallel = _lib(corpus, "parallel")
    report = parallel.update()
    assert (report.added, report.problems) == (30, ())
    assert _segments(parallel) == 2  # one per worker
    assert _answers(parallel) == _answers(serial)
    assert sorted((q.article, q.start, q.speaker) for q in parallel.quotes()) == sorted(
        (q.article, q.start, q.speaker) for q in serial.quotes()
    )
    assert sorted(a.id for a in parallel.articles()) == sorted(a.id for a in serial.articles())
    assert not list(parallel.index_dir.glob(".build-*"))  # the workers' own folders are gone
    # and then one file changes: a small update, in this process, over the workers' segments
    (corpus / "a07.txt").write_text("Headline number 7 changed\nThe mayor said item7 was dropped.\n")
    again = _lib(corpus, "parallel")
    assert again.update().updated == 1
    assert [h.article for h in again.search("item7").hits] == ["a07"]
    assert again.search("speaker:mayor").hits[0].article == "a07"


def test_a_long_parallel_build_publishes_consistent_batches(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _parallel(monkeypatch)
    monkeypatch.setattr(library_mod, "BATCH_SECONDS", 0.0)
    monkeypatch.setattr(library_mod, "COMMIT_SPACING", 0.0)
    monkeypatch.setattr(library_mod, "FINISH_WITHOUT_COMMIT", -1.0)
    lib = _lib(corpus, "batches")
    seen: list[int] = []

    def committed() -> None:
        # A second reader opening the index now: every hit is catalogued, every catalogued
        # article is searchable.
        other = _lib(corpus, "batches")
        assert other.load_cached()
        listed = {a.id for a in other.articles()}
        hits = other.search("minister", limit=100)
        assert {h.article for h in hits.hits} == listed and hits.total == len(listed)
        seen.append(len(listed))

    assert lib.update(committed=committed).added == 30
    assert len(seen) >= 2 and seen == sorted(seen) and seen[-1] < 30
    assert lib.search("minister", limit=100).total == 30


def test_an_article_renamed_after_a_worker_indexed_it_is_indexed_once(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should two ids ever meet, the later gets a suffix (library._unique): a worker has
    indexed it under the first, so that document is dropped from its segment."""
    _parallel(monkeypatch)
    real = library_mod._unique

    def clash(art, quotes, taken):  # type: ignore[no-untyped-def]
        if art.id == "a12":
            taken = {*taken, "a12"}
        return real(art, quotes, taken)

    monkeypatch.setattr(library_mod, "_unique", clash)
    lib = _lib(corpus, "clash")
    assert lib.update().added == 30
    assert [h.article for h in lib.search("item12").hits] == ["a12-2"]
    assert lib.search("speaker:minister", limit=100).total == 30
    assert lib.search("minister", limit=100).total == 30
