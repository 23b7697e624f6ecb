"""The counts people see are of quotations: a film title or a scare quote in quotation
marks (kind "other") was counted in the library's Quotes column and in the reader's
"All speakers (N)", so an article with two quotations said 4."""

from __future__ import annotations

from pathlib import Path

from index.library import Library
from tests.tui.helpers import screen_text, wait_for
from tests.tui.test_app import SIZE, make_app, ready
from tui.screens.reader import ReaderScreen

TEXT = (
    'The film "Gone with the Wind" was shown again. Critics called it a "classic" piece. '
    'The so-called "peace plan" was discussed.\n'
)


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "j"
    root.mkdir()
    (root / "film.txt").write_text(TEXT, encoding="utf-8")
    return root


def test_the_stored_quote_count_leaves_titles_and_scare_quotes_out(tmp_path: Path) -> None:
    lib = Library.open(corpus=[_corpus(tmp_path)], use_user_config=False)
    lib.update()
    quotes = lib.quotes("film")
    assert sorted(q.kind for q in quotes) == ["other", "other", "partial", "reported"]
    (info,) = lib.articles()
    assert info.quote_count == 2


async def test_library_and_reader_count_the_two_quotations(tmp_path: Path) -> None:
    app = make_app([_corpus(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        row = next(line for line in screen_text(app).splitlines() if "Gone with" in line or "film" in line)
        assert " 2 " in f" {row} " and " 4 " not in f" {row} ", row
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article is not None)
        await wait_for(pilot, lambda: "All speakers" in screen_text(app))
        text = screen_text(app)
        assert "All speakers (2)" in text, text
        assert "critics 2" in " ".join(text.split())


def test_an_index_from_before_the_fix_is_rebuilt_not_read(tmp_path: Path) -> None:
    """The count is stored in the catalogue: an old cache (which counted 4) must not be
    shown. The schema version names the index folder, so the new one is built afresh."""
    import sqlite3

    from index.catalogue import CATALOGUE, SCHEMA_VERSION

    corpus = _corpus(tmp_path)
    first = Library.open(corpus=[corpus], use_user_config=False)
    first.update()
    first.close()
    old_dir = first.index_dir.with_name(first.index_dir.name.replace(f"v{SCHEMA_VERSION}-", "v11-"))
    first.index_dir.rename(old_dir)
    with sqlite3.connect(old_dir / CATALOGUE) as db:  # as the old code stored it
        db.execute("UPDATE articles SET quote_count = 4")
    lib = Library.open(corpus=[corpus], use_user_config=False)
    assert lib.index_dir != old_dir and SCHEMA_VERSION > 11
    lib.update()
    (info,) = lib.articles()
    assert info.quote_count == 2
