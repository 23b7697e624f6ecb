"""Telling what changed in the corpus, by `stat` alone when nothing did (#17).

An update that finds nothing to do trusts the last scan (snapshot.Snapshot): a folder whose
device, inode, mtime and ctime are as recorded holds the same entries, and each article file
is still stat'ed. These tests hold it to the contract of a full walk: a changed, added,
removed or renamed file is always noticed, shortcut or not.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import index.corpus as corpus_mod
import index.snapshot as snapshot_mod
from index.catalogue import Catalogue
from index.library import Library

OLD_NS = 1_577_836_800 * 10**9  # 1 January 2020


def _write(path: Path, title: str, said: str) -> None:
    path.write_text(f"{title}\nThe minister said {said} would go ahead on Monday.\n")


def _age(*paths: Path) -> None:
    """Set files' and folders' mtimes back to one fixed day: nothing then is as recent as
    the scan (a time stamp that is could hide a second change in the same clock tick, and
    is not trusted), and a folder's mtime says nothing of what changed in it since."""
    old = OLD_NS
    for top in paths:
        for p in [top, *top.rglob("*")] if top.is_dir() else [top]:
            if not p.is_symlink():
                os.utime(p, ns=(old, old))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    (d / "politics").mkdir(parents=True)
    (d / "business").mkdir()
    _write(d / "politics" / "a.txt", "Bridge vote headline", "the bridge")
    _write(d / "politics" / "b.txt", "Tunnel vote headline", "the tunnel")
    _write(d / "business" / "c.txt", "Harbour deal headline", "the harbour")
    _age(d)
    return d


def _lib(corpus: Path) -> Library:
    return Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)


@pytest.fixture
def no_walk(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the walks of the corpus (the slow path)."""
    walks: list[int] = []
    real = corpus_mod.scan

    def counted(*args: object, **kwargs: object) -> corpus_mod.Scan:
        walks.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus_mod, "scan", counted)
    return walks


def _counts(report: object) -> tuple[int, int, int, int]:
    return (report.added, report.updated, report.removed, report.unchanged)  # type: ignore[attr-defined]


def test_an_unchanged_corpus_is_told_by_stat_alone(corpus: Path, no_walk: list[int]) -> None:
    assert _counts(_lib(corpus).update()) == (3, 0, 0, 0)
    assert len(no_walk) == 1
    lib = _lib(corpus)
    assert _counts(lib.update()) == (0, 0, 0, 3)
    assert len(no_walk) == 1  # not walked again
    assert lib._info is None  # nor every article's record read
    assert lib.search("harbour").hits[0].article == "business/c"
    assert len(lib.articles()) == 3  # read when asked for


def test_a_file_rewritten_in_place_with_the_same_size_is_noticed(corpus: Path, no_walk: list[int]) -> None:
    _lib(corpus).update()
    folder = corpus / "politics"
    before = folder.stat()
    f = folder / "a.txt"
    size, mtime = f.stat().st_size, f.stat().st_mtime_ns
    with open(f, "r+") as fh:  # in place: same inode, same size, the folder untouched
        text = fh.read()
        fh.seek(0)
        fh.write(text.replace("bridge", "quays_"))
    os.utime(f, ns=(mtime + 10**9, mtime + 10**9))  # a second later, as a real edit would be
    after = folder.stat()
    assert (f.stat().st_size, after.st_mtime_ns, after.st_ctime_ns) == (size, before.st_mtime_ns, before.st_ctime_ns)
    lib = _lib(corpus)
    assert _counts(lib.update()) == (0, 1, 0, 2)
    assert lib.search("quays_").hits[0].article == "politics/a"
    assert "said the bridge" not in lib.article("politics/a").text


@pytest.mark.parametrize("change", ["add", "remove", "rename", "subfolder", "ignored"])
def test_entries_added_removed_or_renamed_are_noticed(corpus: Path, change: str) -> None:
    _lib(corpus).update()
    if change == "add":
        _write(corpus / "business" / "d.txt", "Airport deal headline", "the airport")
        expected, query, article = (1, 0, 0, 3), "airport", "business/d"
    elif change == "remove":
        (corpus / "business" / "c.txt").unlink()
        expected, query, article = (0, 0, 1, 2), "harbour", None
    elif change == "rename":
        (corpus / "business" / "c.txt").rename(corpus / "business" / "e.txt")
        expected, query, article = (1, 0, 1, 2), "harbour", "business/e"
    elif change == "subfolder":
        (corpus / "business" / "deep" / "er").mkdir(parents=True)
        _write(corpus / "business" / "deep" / "er" / "f.txt", "Canal deal headline", "the canal")
        expected, query, article = (1, 0, 0, 3), "canal", "business/deep/er/f"
    else:  # a name that is not an article becomes one
        (corpus / "business" / "notes.dat").write_text("x")
        _lib(corpus).update()
        (corpus / "business" / "notes.dat").rename(corpus / "business" / "notes.txt")
        (corpus / "business" / "notes.txt").write_text("Pier deal headline\nThe mayor said the pier would open.\n")
        expected, query, article = (1, 0, 0, 3), "pier", "business/notes"
    _age(corpus)  # the folders' ctimes still say they changed
    lib = _lib(corpus)
    assert _counts(lib.update()) == expected
    hits = lib.search(query).hits
    assert [h.article for h in hits] == ([article] if article else [])


def test_a_change_in_the_same_clock_tick_as_the_scan_is_noticed(corpus: Path) -> None:
    """A file written just before an update is not trusted by the next one: a second write
    in the same tick of the file system's clock could leave its stat as it was."""
    f = corpus / "politics" / "a.txt"
    _write(f, "Bridge vote headline", "the bridge")  # written now, as the scan starts
    _lib(corpus).update()
    stamp = f.stat().st_mtime_ns
    _write(f, "Bridge vote headline", "the ferry_")  # same size...
    os.utime(f, ns=(stamp, stamp))  # ...and the same time stamp: the second write of the tick
    lib = _lib(corpus)
    report = lib.update()
    assert report.updated == 1
    assert lib.search("ferry_").hits[0].article == "politics/a"


def test_a_link_is_followed_again_even_when_its_folder_is_unchanged(corpus: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "story.txt"
    _write(target, "Outside story headline", "the outside")
    (corpus / "business" / "linked.txt").symlink_to(target)
    (corpus / "business" / "later.txt").symlink_to(outside / "later.txt")  # broken, for now
    _age(corpus, outside)
    first = _lib(corpus).update()
    assert first.added == 4 and any("later.txt" in p.path for p in first.problems)
    with open(target, "r+") as fh:
        text = fh.read()
        fh.seek(0)
        fh.write(text.replace("outside", "yonder_"))
    _write(outside / "later.txt", "Later story headline", "the later_")
    _age(outside)
    os.utime(target, ns=(OLD_NS + 10**9,) * 2)  # written a second later than it was
    lib = _lib(corpus)
    assert _counts(lib.update()) == (1, 1, 0, 3)
    assert lib.search("yonder_").hits[0].article == "business/linked"
    assert lib.search("later_").hits[0].article == "business/later"


def test_files_without_an_article_are_read_and_reported_at_every_update(corpus: Path, no_walk: list[int]) -> None:
    (corpus / "business" / "empty.txt").write_text("")
    _age(corpus)
    assert any("empty file" in p.message for p in _lib(corpus).update().problems)
    again = _lib(corpus).update()
    assert len(no_walk) == 1  # told without walking...
    assert [p.message for p in again.problems] == ["empty file; skipped"]  # ...and still reported
    (corpus / "business" / "empty.txt").write_text("Now a headline\nThe mayor said it was no longer empty.\n")
    _age(corpus)
    lib = _lib(corpus)
    assert lib.update().added == 1  # found by reading it again, like every skipped file


def test_other_settings_make_the_next_update_walk(corpus: Path, tmp_path: Path) -> None:
    _lib(corpus).update()
    config = tmp_path / "config.yaml"
    config.write_text('corpus:\n  ignore: ["business"]\n')
    lib = Library.open(config, corpus=[corpus], use_user_config=False, include_seeds=False)
    assert _counts(lib.update()) == (0, 0, 1, 2)
    assert lib.search("harbour").total == 0


def test_only_a_complete_update_leaves_a_scan_to_trust(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import index.library as library_mod

    lib = _lib(corpus)
    lib.update()
    assert Catalogue(lib.index_dir).scan() is not None
    _write(corpus / "business" / "d.txt", "Airport deal headline", "the airport")
    _write(corpus / "business" / "e.txt", "Ferry deal headline", "the ferry")
    monkeypatch.setattr(library_mod, "BATCH_SECONDS", 0.0)
    monkeypatch.setattr(library_mod, "COMMIT_SPACING", 0.0)
    monkeypatch.setattr(library_mod, "FINISH_WITHOUT_COMMIT", -1.0)
    real = library_mod.Library._commit

    def dies_at_the_end(self: Library, *args: object, final: bool = True, **kwargs: object) -> None:
        if final:
            raise KeyboardInterrupt  # killed after an intermediate commit
        real(self, *args, final=final, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_mod.Library, "_commit", dies_at_the_end)
    with pytest.raises(KeyboardInterrupt):
        _lib(corpus).update()
    assert Catalogue(lib.index_dir).scan() is None  # the intermediate commit forgot the last scan
    monkeypatch.setattr(library_mod.Library, "_commit", real)
    again = _lib(corpus)
    again.update()
    assert {a.id for a in again.articles()} == {"politics/a", "politics/b", "business/c", "business/d", "business/e"}


@pytest.mark.parametrize("how", ["two threads", "by path"])
def test_the_check_stats_in_two_threads_or_by_path_what_it_stats_in_one(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    lib = _lib(corpus)
    lib.update()
    _, snapshot = lib._last_scan()  # type: ignore[misc]
    if how == "two threads":
        monkeypatch.setattr(snapshot_mod, "PARALLEL_STAT_FROM", 1)
    else:  # as on Windows, where no folder can be opened to stat what is in it
        monkeypatch.setattr(snapshot_mod.os, "supports_dir_fd", set())
    assert snapshot.unchanged()
    f = corpus / "business" / "c.txt"
    os.utime(f, ns=(f.stat().st_mtime_ns + 10**9,) * 2)
    assert not snapshot.unchanged()


@pytest.mark.parametrize("what", ["toc", "segments"])
def test_an_index_touched_since_the_last_update_is_checked_and_rebuilt(corpus: Path, what: str) -> None:
    lib = _lib(corpus)
    lib.update()
    files = lib.index_dir.glob("_MAIN_*.toc" if what == "toc" else "MAIN_*.*")
    for f in files:
        f.write_bytes(b"garbage" * 10)
    again = _lib(corpus)
    assert again.search("harbour").total == 0  # a reader never repairs it (nor crashes)...
    report = again.update()  # ...the update does, under its lock
    assert report.rebuilt and report.added == 3
    assert again.search("harbour").hits[0].article == "business/c"
