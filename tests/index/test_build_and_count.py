"""A build's segments and a search's totals (#17): a worker's segment written term by term is
byte for byte the one Whoosh's own writer makes; a phrase query's hits and total are counted
in one pass and are the best by score; a build nobody watches commits seldom; the command
line's check of the corpus runs in a child process and says what the check in this one says."""

from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path

import pytest
from whoosh import index, query

from index import search
from index.config import load_config
from index.corpus import Reader
from index.library import Library
from index.models import Quote

WORDS = (
    "alpha beta gamma delta general election vote party leader campaign harbour bridge tunnel minister said"
).split()


def _docs(n: int, seed: int) -> list[dict[str, object]]:
    """Whoosh documents of articles as quotewire indexes them: every field, quotes too."""
    rng = random.Random(seed)
    reader = Reader(load_config(use_user_config=False).boilerplate)
    docs = []
    for k in range(n):
        body = " ".join(rng.choice(WORDS) + str(rng.randrange(40)) for _ in range(rng.randrange(5, 400)))
        text = f"Headline {k} {rng.choice(WORDS)}\n\n{body}.\n"
        art = reader.build(text, id=f"a{k:04d}", path=f"/c/a{k}.txt")
        quotes = [
            Quote(art.id, 0, 5, text[:5], rng.choice(["direct", "reported"]), rng.choice([None, "Ann Lee", "Bo Li"]))
            for _ in range(rng.randrange(3))
        ]
        docs.append(search.document(art, quotes, search.analyse(art), lambda s: s.lower().split()))
    return docs


def _segment_files(folder: Path, segment: object) -> dict[str, bytes]:
    sid = segment.segment_id()  # type: ignore[attr-defined]
    return {n.replace(sid, "SEG"): (folder / n).read_bytes() for n in os.listdir(folder) if n.startswith(sid)}


@pytest.mark.parametrize("limitmb", [1, 64])  # spilled to disk in runs, and held in memory
def test_a_segment_written_term_by_term_is_byte_for_byte_whooshs(tmp_path: Path, limitmb: int) -> None:
    from whoosh.writing import SegmentWriter

    docs = _docs(400, seed=limitmb)
    made = {}
    for kind in ("whoosh", "bulk"):
        folder = tmp_path / kind
        folder.mkdir()
        ix = index.create_in(str(folder), search.make_schema())
        if kind == "whoosh":
            w = SegmentWriter(ix, _lk=False, limitmb=limitmb, compound=search.COMPOUND)
        else:
            w = search._bulk_writer(ix, str(folder), limitmb)
        for doc in docs:
            w.add_document(**doc)
        if kind == "bulk" and limitmb == 1:
            assert len(w.pool.runs) >= 2  # it did spill
        made[kind] = _segment_files(folder, w._finalize_segment())
    assert sorted(made["bulk"]) == sorted(made["whoosh"])
    for name, data in made["whoosh"].items():
        assert made["bulk"][name] == data, name


def _three_segments(folder: Path, seed: int) -> index.Index:
    rng = random.Random(seed)
    ix = index.create_in(str(folder), search.make_schema())
    words = "alpha beta gamma delta general election vote party leader campaign".split()
    n = 0
    for _ in range(3):
        w = ix.writer()
        for _ in range(rng.randrange(20, 80)):
            body = " ".join(rng.choice(words) for _ in range(rng.randrange(5, 60)))
            if rng.random() < 0.5:
                body += " general election"
            for name in ("blair", "brown"):
                if rng.random() < 0.3:
                    body += f" {name}" * rng.randrange(1, 4)
            w.add_document(id=f"d{n:03d}", title="t", content=body, outlet="", date="", speaker="", kind="")
            n += 1
        w.commit(merge=False)
    return ix


def test_a_phrase_query_finds_the_best_hits_and_counts_every_match(tmp_path: Path) -> None:
    """Whoosh's top hits skip documents it judges cannot make the cut, and replace an OR by
    one of its sides once the cut is high: on an index of several segments that dropped
    better hits of `(blair OR brown) AND "general election"` (seen on BBC, 10,000 articles).
    A phrase is matched and counted in one pass with both shortcuts off."""
    ix = _three_segments(tmp_path, seed=0)  # a seed where Whoosh's shortcuts went wrong
    assert len(ix._segments()) == 3
    q = '(blair OR brown) AND "general election"'
    with ix.searcher() as s:
        got = search.Searcher(ix, shared=s).search(q, limit=5)
        every = search.Searcher(ix, shared=s).search(q, limit=1000)
        # what Whoosh's own search of the same query gives, for the record
        whoosh_q = query.And(
            [
                query.Or([query.Term("content", "blair"), query.Term("content", "brown")]),
                query.Phrase("content", ["gener", "elect"]),
            ]
        )
        whooshs = [round(h.score, 6) for h in s.search(whoosh_q, limit=5)]
    best = sorted((round(h.score, 6) for h in every.hits), reverse=True)[:5]
    assert whooshs != best  # the case this test is about
    assert [round(h.score, 6) for h in got.hits] == best
    assert got.total == every.total == len(every.hits) > 5


def test_a_build_nobody_watches_commits_seldom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each commit of a build is a segment per worker that every search reads: a build
    nobody watches commits after UNWATCHED_BATCHES batches, one that is watched keeps to
    BATCH_SECONDS."""
    import index.library as library_mod

    corpus = tmp_path / "c"
    corpus.mkdir()
    for n in range(12):
        (corpus / f"a{n:02d}.txt").write_text(f"Headline {n}\n\nThe minister said the harbour{n} opens.\n")
    monkeypatch.setattr(library_mod, "BATCH_SECONDS", 1e-9)  # a batch after every file...
    monkeypatch.setattr(library_mod, "COMMIT_SPACING", 0.0)
    monkeypatch.setattr(library_mod, "FINISH_WITHOUT_COMMIT", -1.0)
    monkeypatch.setattr(library_mod, "UNWATCHED_BATCHES", 10**12)  # ...but 1,000 s unwatched
    commits: list[bool] = []
    real = library_mod.Library._commit

    def counted(self: Library, *args: object, final: bool = True, **kwargs: object) -> None:
        commits.append(final)
        real(self, *args, final=final, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_mod.Library, "_commit", counted)
    lib = Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)
    assert lib.update().added == 12
    assert commits == [True]  # one commit, at the end
    for n in range(12, 24):
        (corpus / f"a{n:02d}.txt").write_text(f"Headline {n}\n\nThe minister said the bridge{n} opens.\n")
    commits.clear()
    assert lib.update(committed=lambda: None).added == 12
    assert commits.count(False) >= 1 and commits[-1] is True  # watched: batches as before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs ahead in a forked child on Linux only")
def test_the_check_run_ahead_in_a_child_says_what_the_check_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.corpus as corpus_mod

    corpus = tmp_path / "c"
    (corpus / "sub").mkdir(parents=True)
    for n in range(30):
        (corpus / "sub" / f"a{n:02d}.txt").write_text(f"Headline {n}\n\nThe minister said harbour{n}.\n")
    old = 1_577_836_800 * 10**9  # 2020: nothing as recent as the scan (see test_changes.py)
    for p in [corpus, *corpus.rglob("*")]:
        os.utime(p, ns=(old, old))
    lib = Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)
    assert lib.update().added == 30
    walks: list[int] = []
    real = corpus_mod.scan
    monkeypatch.setattr(corpus_mod, "scan", lambda *a, **k: walks.append(1) or real(*a, **k))

    again = Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)
    again.check_ahead()
    assert again._probe is not None  # a child is checking
    report = again.update()
    assert again._probe is None and report.unchanged == 30 and not report.added
    assert walks == []  # its answer was trusted: no walk

    # a file rewritten in place, its size kept: only its own time tells
    (corpus / "sub" / "a07.txt").write_text("Headline 7\n\nThe minister said harbourX.\n")
    third = Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)
    third.check_ahead()
    assert third._probe is not None
    report = third.update()
    assert walks == [1] and report.updated == 1 and report.unchanged == 29
    assert third.search("harbourx").total == 1
    third.close()
    shutil.rmtree(corpus)


@pytest.mark.parametrize("how", ["a child process", "two threads"])
def test_the_check_split_in_two_sees_a_change_in_either_half(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    import index.snapshot as snapshot_mod

    corpus = tmp_path / "c"
    folders = [corpus / f"f{k}" for k in range(4)]
    for folder in folders:
        folder.mkdir(parents=True)
        for n in range(5):
            (folder / f"a{n}.txt").write_text(f"Headline {folder.name} {n}\n\nThe minister said harbour{n}.\n")
    old = 1_577_836_800 * 10**9
    for p in [corpus, *corpus.rglob("*")]:
        os.utime(p, ns=(old, old))
    lib = Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)
    lib.update()
    _, snapshot = lib._last_scan()  # type: ignore[misc]
    monkeypatch.setattr(snapshot_mod, "PARALLEL_STAT_FROM", 1)
    if how == "two threads":
        monkeypatch.setattr(snapshot_mod, "can_fork", lambda: False)
    elif not snapshot_mod.can_fork():
        pytest.skip("no fork here: the check splits in two threads")
    assert snapshot.unchanged()
    for folder in folders:  # the first folders are this process's half, the last the other's
        f = folder / "a3.txt"
        os.utime(f, ns=(old + 10**9, old + 10**9))
        assert not snapshot.unchanged(), folder
        os.utime(f, ns=(old, old))
        assert snapshot.unchanged()
