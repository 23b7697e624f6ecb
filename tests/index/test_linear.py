"""Long articles cost in proportion to their length (#17): a hearing transcript or a report
is what a fact-checker opens. Ratios between two sizes, never absolute times."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from index.catalogue import Catalogue, CatalogueWriter, Stored
from index.models import Article, Quote

SENTENCE = "“We will not give up the harbour,” the minister said on Tuesday in a long speech. "


def _stored(article_id: str, chars: int) -> Stored:
    text = SENTENCE * (chars // len(SENTENCE))
    quotes = []
    for start in range(0, len(text), len(SENTENCE) * 5):  # a quote every five sentences
        quotes.append(
            Quote(article_id, start + 1, start + 33, text[start + 1 : start + 33], "direct", "Minister", "said", 0.9)
        )
    return Stored.make(Article(id=article_id, text=text, title=article_id), 0, len(text), quotes)


def _ratio(small: Callable[[], object], large: Callable[[], object], times: int = 7) -> tuple[float, float]:
    """The best of several runs of each, taken in turn, so that a busy machine slows both."""
    best_small = best_large = float("inf")
    for _ in range(times):
        for run, which in ((small, 0), (large, 1)):
            t = time.perf_counter()
            run()
            spent = time.perf_counter() - t
            if which:
                best_large = min(best_large, spent)
            else:
                best_small = min(best_small, spent)
    return best_small, best_large


def test_cataloguing_a_long_article_is_linear_in_its_length(tmp_path: Path) -> None:
    """The quote words were sliced by SQLite's substr(), which counts characters from the
    start of the text for every quote: sixteen times the text took 120 times as long."""
    small, large = _stored("small", 100_000), _stored("large", 1_600_000)
    folders = iter(range(100))

    def add(st: Stored) -> Callable[[], None]:  # into a catalogue of its own, as a first build does
        def run() -> None:
            writer = CatalogueWriter(tmp_path / str(next(folders)))
            try:
                writer.add(st)
            finally:
                writer.close()

        return run

    t_small, t_large = _ratio(add(small), add(large))
    writer = CatalogueWriter(tmp_path / "0")
    writer.add(small)
    writer.commit(0)
    writer.close()
    assert t_large / t_small < 64, (t_small, t_large)  # sixteen times the text; substr() per quote: 130
    words = Catalogue(tmp_path / "0").quotes(needle="harbour", limit=3)
    assert [q.text for q in words] == [SENTENCE[1:33]] * 3


def test_reading_a_long_articles_quotes_is_linear_in_its_length(tmp_path: Path) -> None:
    cats = {}
    for name, chars in (("small", 100_000), ("large", 1_600_000)):
        writer = CatalogueWriter(tmp_path / name)
        try:
            writer.add(_stored(name, chars))
            writer.commit(0)
        finally:
            writer.close()
        cats[name] = Catalogue(tmp_path / name)
    t_small, t_large = _ratio(
        lambda: cats["small"].quotes(speaker="Minister"), lambda: cats["large"].quotes(speaker="Minister")
    )
    assert t_large / t_small < 100, (t_small, t_large)  # sixteen times the text; substr() per quote: 300
    large = cats["large"].quotes(speaker="Minister")
    assert len(large) == len(_stored("x", 1_600_000).rows)
    assert all(q.text == SENTENCE[1:33] for q in large)
