"""The SQLite catalogue: articles stay on disk until asked for, and it never disagrees with Whoosh."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import index.library as library_mod
from index.catalogue import CATALOGUE, Catalogue
from index.library import Library
from index.models import Article, ArticleInfo
from tests.conftest import SEED_DIR


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    shutil.copytree(SEED_DIR, d)
    return d


def _lib(corpus: Path) -> Library:
    return Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)


def test_a_cached_library_lists_articles_without_their_texts(seeds: Path) -> None:
    _lib(seeds).update()
    lib = _lib(seeds)
    assert lib.load_cached()
    infos = lib.articles()
    assert len(infos) == 5 and all(isinstance(i, ArticleInfo) for i in infos)
    assert not lib._recent  # nothing read from disk yet
    peskov = next(i for i in infos if i.id.startswith("004"))
    art = lib.article(peskov.id)
    assert isinstance(art, Article) and "freezing" in art.text
    assert peskov.quote_count == len([q for q in lib.quotes(peskov.id) if q.kind != "other"]) > 0
    assert art.title == peskov.title and art.boilerplate == _fresh(seeds, peskov.id).boilerplate


def _fresh(corpus: Path, article_id: str) -> Article:
    from index.config import load_config
    from index.corpus import Reader, discover

    files, _ = discover((corpus,), False)
    config = load_config(use_user_config=False)
    reader = Reader(config.boilerplate, config.max_bytes)
    src = next(f for f in files if Path(f.path).stem == article_id)
    return reader.read(src)[0][0]


def test_only_recently_opened_articles_stay_in_memory(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_mod, "CACHED_ARTICLES", 2)
    lib = _lib(seeds)
    lib.update()
    for info in lib.articles():
        assert lib.article(info.id) is not None
    assert len(lib._recent) == 2


def test_speakers_and_their_quotes_come_from_the_catalogue(seeds: Path) -> None:
    lib = _lib(seeds)
    lib.update()
    counts = dict(lib.speakers())
    peskov = next(name for name in counts if name and "Peskov" in name)
    everything = [q for q in lib.quotes() if q.kind != "other"]
    assert counts[peskov] == sum(1 for q in everything if q.speaker == peskov)
    assert sum(counts.values()) == len(everything)
    quotes = lib.speaker_quotes(peskov)
    assert {q.article[:3] for q in quotes} == {"000", "002", "004"}
    for q in quotes:  # the text is the slice of the original article, as everywhere
        assert lib.article(q.article).text[q.start : q.end] == q.text
    narrowed = dict(lib.speakers("not suit"))
    assert narrowed.get(peskov, 0) >= 1 and sum(narrowed.values()) < sum(counts.values())
    assert all("not suit" in q.text for q in lib.speaker_quotes(peskov, "not suit"))
    assert lib.speakers("100%_") == []  # LIKE wildcards in the filter are literal


def test_speaker_counts_kept_by_the_writer_follow_edits_and_removals(seeds: Path) -> None:
    lib = _lib(seeds)
    lib.update()

    def counted() -> dict[str | None, int]:  # what a GROUP BY over every quote says
        out: dict[str | None, int] = {}
        for q in lib.quotes():
            if q.kind != "other":
                out[q.speaker] = out.get(q.speaker, 0) + 1
        return out

    assert dict(lib.speakers()) == counted()
    peskov_file = next(seeds.glob("004_*"))
    peskov_file.write_text(peskov_file.read_text() + '\n"We will see," Peskov said on Friday.\n')
    next(seeds.glob("000_*")).unlink()
    lib.update()
    assert dict(lib.speakers()) == counted()
    assert all(c > 0 for _, c in lib.speakers())


def test_a_torn_catalogue_makes_the_next_update_rebuild(seeds: Path) -> None:
    lib = _lib(seeds)
    lib.update()
    lib.close()
    # As if the process died between the catalogue's commit and Whoosh's.
    with sqlite3.connect(lib.index_dir / CATALOGUE) as db:
        db.execute("UPDATE meta SET value = '999' WHERE key = 'generation'")
    again = _lib(seeds)
    assert not again.load_cached()  # a catalogue of another generation is not trusted
    report = again.update()
    assert report.rebuilt and report.added == 5
    assert Catalogue(again.index_dir).current()
    assert again.search("Peskov").total >= 3


def test_large_corpora_rank_only_whooshs_most_alike(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = _lib(seeds)
    lib.update()
    full = lib.rank_similar(next(i.id for i in lib.articles() if i.id.startswith("000")))
    monkeypatch.setattr(library_mod, "RANK_ALL_UP_TO", 1)
    monkeypatch.setattr(library_mod, "RANK_CANDIDATES", 2)
    short = lib.rank_similar(next(i.id for i in lib.articles() if i.id.startswith("000")))
    assert len(short) == 2 and len(full) == 4
    assert short[0] == full[0]  # the most alike article is among Whoosh's candidates


def test_the_quote_filter_matches_words_as_they_are_typed_and_forgets_removed_articles(seeds: Path) -> None:
    lib = _lib(seeds)
    lib.update()
    peskov = next(name for name, _ in lib.speakers() if name and "Peskov" in name)
    typed = lib.speaker_quotes(peskov, "freez")  # the last word is a prefix while typing
    assert typed and all("freez" in q.text.lower() for q in typed)
    assert dict(lib.speakers("dmitry pesk")).get(peskov) == dict(lib.speakers())[peskov]  # speaker words
    assert lib.speakers("004_")[0][1] > 0  # an article id matches too
    # Without FTS5 in SQLite the same filter scans the text: the same answer, slower.
    scanned = Catalogue(lib.index_dir)
    scanned._words = False
    assert [q.start for q in scanned.quotes(speaker=peskov, needle="freez")] == [q.start for q in typed]
    for f in seeds.glob("00[024]_*"):
        f.unlink()
    lib.update()
    assert lib.speaker_quotes(peskov, "freez") == [] and peskov not in dict(lib.speakers("freez"))


def test_a_rebuild_by_another_copy_is_read_by_this_one(seeds: Path) -> None:
    reader = _lib(seeds)  # an app that is open
    reader.update()
    assert reader.load_cached() and reader.article(next(seeds.glob("003_*")).stem)
    edited = next(seeds.glob("003_*"))
    edited.write_text(edited.read_text() + "\nA closing line about marmalade.\n")
    (seeds / "zzz-new.txt").write_text("A brand new story headline here\nThe envoy said quokka talks go on.\n")
    other = _lib(seeds)  # another copy rebuilds: the catalogue file is deleted and written anew
    other.update(rebuild=True)
    reader.update()
    assert "marmalade" in reader.article(edited.stem).text
    assert reader.article("zzz-new") is not None
    assert reader.search("quokka").hits[0].article == "zzz-new"


def test_an_unreadable_catalogue_over_a_full_index_rebuilds_instead_of_adding_twice(seeds: Path) -> None:
    lib = _lib(seeds)
    lib.update()
    lib.close()
    with sqlite3.connect(lib.index_dir / CATALOGUE) as db:  # the generation matches, the rows are gone
        db.execute("DELETE FROM articles")
    again = _lib(seeds)
    report = again.update()
    assert report.rebuilt and report.added == 5
    assert again.search('"Valdai discussion"').total == 1  # one document per article, not two


def test_search_leaves_a_missing_or_torn_index_to_update(seeds: Path) -> None:
    lib = _lib(seeds)
    assert lib.search("Putin").total == 0  # nothing built yet: no index is created by a search
    assert not (lib.index_dir / CATALOGUE).exists()
    lib.update()
    assert lib.search("Putin").total >= 1


def test_a_catalogue_one_commit_ahead_is_listed_but_repaired_by_the_next_update(seeds: Path) -> None:
    from index.catalogue import latest_generation

    lib = _lib(seeds)
    lib.update()
    lib.close()
    ahead = str(latest_generation(lib.index_dir) + 1)  # another copy between its two commits
    with sqlite3.connect(lib.index_dir / CATALOGUE) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (ahead,))
    again = _lib(seeds)
    assert again.load_cached() and len(again.articles()) == 5  # the list is not empty meanwhile
    assert again.update().rebuilt  # but it is not trusted for an update


def test_the_catalogue_is_committed_after_whooshs_files_but_before_it_publishes(
    seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalogue writes on its own thread while Whoosh writes its segment; what a reader
    sees at the moment the catalogue commits is still the old Whoosh generation."""
    from index.catalogue import BackgroundCatalogueWriter, latest_generation

    lib = _lib(seeds)
    lib.update()
    (seeds / "006_new.txt").write_text("New headline\n“We are here,” the mayor said.\n")
    seen: list[tuple[int, int]] = []
    real = BackgroundCatalogueWriter.commit

    def commit(self: BackgroundCatalogueWriter, generation: int, *rest: object) -> None:
        seen.append((generation, latest_generation(lib.index_dir)))
        real(self, generation, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(BackgroundCatalogueWriter, "commit", commit)
    lib.update()
    assert len(seen) == 2
    (generation, published), scan = seen
    assert published == generation - 1  # Whoosh had not published yet
    assert scan == (generation, generation)  # the corpus scan that the next update may trust: after
    assert latest_generation(lib.index_dir) == generation
    assert Catalogue(lib.index_dir).generation() == generation
    assert _reopened_has(seeds, "006_new")


def _reopened_has(corpus: Path, article_id: str) -> bool:
    lib = _lib(corpus)
    assert lib.load_cached()
    return any(i.id == article_id for i in lib.articles())


def test_a_failed_catalogue_write_fails_the_update_and_publishes_nothing(
    seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.catalogue import CatalogueWriter, latest_generation

    lib = _lib(seeds)
    lib.update()
    before = latest_generation(lib.index_dir)
    (seeds / "006_new.txt").write_text("New headline\n“We are here,” the mayor said.\n")

    def broken(self: CatalogueWriter, st: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patched:
        patched.setattr(CatalogueWriter, "add", broken)
        with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
            lib.update()
    assert latest_generation(lib.index_dir) == before
    assert Catalogue(lib.index_dir).generation() == before
    report = _lib(seeds).update()
    assert report.added == 1 and _reopened_has(seeds, "006_new")


def test_a_stale_filter_query_is_interrupted_and_answers_nothing(seeds: Path) -> None:
    """A one-letter filter on 100,000 articles runs for over a second; the next keystroke's
    filter interrupts it instead of queuing behind it."""
    import threading
    import time

    lib = _lib(seeds)
    lib.update()
    slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000000) SELECT count(*) FROM c"
    answer: list[list[tuple]] = []
    worker = threading.Thread(target=lambda: answer.append(lib._filtering._query(slow)))
    worker.start()
    time.sleep(0.3)
    began = time.monotonic()
    lib.interrupt_filter()
    worker.join(10)
    assert not worker.is_alive() and answer == [[]]
    assert time.monotonic() - began < 2
    # The connection is usable at once, and the other connection was never touched.
    assert "Dmitry Peskov" in [name for name, _ in lib.speakers("peskov")]
    assert lib.articles()
