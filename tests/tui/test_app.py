"""The app driven by keys, as a person would: what is on the screen after each step."""

from __future__ import annotations

import re
from pathlib import Path

from index.library import Library
from tests.tui.helpers import screen_text, wait_for
from tui.app import QuotewireApp
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView

SIZE = (140, 45)


def make_app(corpus: list[Path] | None = None) -> QuotewireApp:
    return QuotewireApp(Library.open(corpus=corpus or [], use_user_config=False))


def _lists_all(app: QuotewireApp) -> bool:
    """The library screen's count line shows every article the library holds: the app sets
    its flags before the screen has handled the news, so the flags alone are not enough."""
    count = f"{len(app.library.articles()):,} articles"
    return re.search(rf"(?<![\d,]){re.escape(count)}", screen_text(app)) is not None


async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
    """The app has checked its corpus (a first build lists its early commits before that:
    a test waits for the whole of it) and the screen lists all of it."""
    await wait_for(
        pilot,
        lambda: (
            pilot.app.index_checked
            and pilot.app.index_ready
            and isinstance(pilot.app.screen, LibraryScreen)
            and "Indexing" not in screen_text(pilot.app)
            and "Loading" not in screen_text(pilot.app)
            and _lists_all(pilot.app)
        ),
    )


async def test_library_lists_the_seeds_then_search_and_open() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Russia Signals Openness to Ukraine Ceasefire Talks" in text
        assert "Putin open to truce talks with Trump" in text
        assert "5 articles" in text
        await pilot.press("slash", *"Valdai")
        await wait_for(pilot, lambda: "1 hit(s)" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        view = app.screen.query_one(ArticleView)
        start, end = app.screen.hits[0]
        assert app.screen.article.text[start:end] == "Valdai"
        assert view.cursor_offset == start  # landed on the hit
        assert "Valdai discussion group" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("enter")  # the same hit again, then `/` goes back to the search box
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("slash")
        await wait_for(
            pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.query_one("#query").has_focus
        )


async def test_n_and_N_cycle_through_hits() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Putin")
        await wait_for(pilot, lambda: "hit(s)" in screen_text(app))
        await pilot.press("down", "enter")  # from the search box to its hits, then open the first
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        assert len(reader.hits) >= 3
        view = reader.query_one(ArticleView)
        first = view.cursor_offset
        await pilot.press("n")
        second = view.cursor_offset
        assert second > first and reader.article.text[second : second + 5] == "Putin"
        await pilot.pause(0.05)
        assert f"hit 2/{len(reader.hits)}" in screen_text(app)
        await pilot.press("N")
        assert view.cursor_offset == first
        await pilot.pause(0.05)
        assert f"hit 1/{len(reader.hits)}" in screen_text(app)


async def test_malformed_query_is_not_an_error_and_suggestion_is_offered() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", *'"freezing the')
        await wait_for(pilot, lambda: "ignored: unmatched" in screen_text(app))
        assert "hit(s)" in screen_text(app)
        await pilot.press(*(["backspace"] * 20), *"Peskv")
        await wait_for(pilot, lambda: "Did you mean: peskov" in screen_text(app))
        await pilot.press("ctrl+y")
        await wait_for(pilot, lambda: "Did you mean" not in screen_text(app) and "0 hit(s)" not in screen_text(app))


async def test_markup_and_escapes_in_articles_are_shown_literally(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text(
        "Markup [bold]headline[/bold] test here\nShe said \x1b[31mred\x1b[0m and [link=x]y[/link].\n"
    )
    app = make_app([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "Markup [bold]headline[/bold] test here" in screen_text(app)
        app.open_article("evil")
        await wait_for(pilot, lambda: "[link=x]y[/link]" in screen_text(app))
        text = screen_text(app)
        assert "\x1b" not in text and "␛[31mred" in text


async def test_bad_files_are_reported_and_the_rest_loads(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "fine.txt").write_text("A perfectly fine headline\nBody.\n")
    app = make_app([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: "1 articles ·" in screen_text(app))
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "empty.txt" in messages and "blob.txt" in messages


async def test_help_and_quit_keys() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: "next_quote" not in screen_text(app) and "Search" in screen_text(app))
        assert "quit" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert app.return_code is None  # still running
        await pilot.press("q")
        await wait_for(pilot, lambda: app.return_code is not None)  # q quit it, before run_test's own exit
        assert app.return_code == 0


async def test_keys_remap_from_config(tmp_path: Path) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("keys:\n  search: ctrl+f\n")
    app = QuotewireApp(Library.open(cfg, use_user_config=False))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+f", *"Valdai")
        await wait_for(pilot, lambda: "1 hit(s)" in screen_text(app))


async def test_command_palette_opens_an_article_by_title() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"Open: Russia Signals")
        await wait_for(pilot, lambda: "Open: Russia Signals Openness" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.article_id == "004_0d9989bd3b25f316"


async def test_a_long_list_draws_only_what_is_on_screen_and_search_returns_to_it(tmp_path: Path) -> None:
    from tui.widgets.row_list import RowList

    corpus = tmp_path / "many"
    corpus.mkdir()
    for n in range(300):
        (corpus / f"story{n:03d}.txt").write_text(f"Headline number {n}\n\nThe mayor said turnip {n} was fine.\n")
    app = QuotewireApp(Library.open(corpus=[corpus], use_user_config=False, include_seeds=False))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "300 articles" in screen_text(app))
        screen = app.screen
        lst = screen.query_one(RowList)
        assert lst.row_count == 300 and "story000" in screen_text(app)
        assert len(lst._strips) <= SIZE[1]  # only the rows on screen were made
        await pilot.press("G")  # the bottom is the last article
        await wait_for(pilot, lambda: "story299" in screen_text(app))
        await pilot.press("k", "k")
        assert lst.cursor == 297
        await pilot.press("slash", *"turnip")
        await wait_for(pilot, lambda: "hit(s)" in screen_text(app))
        assert "turnip" in screen_text(app) and lst.row_count <= 25
        await pilot.press(*["backspace"] * 6)  # an empty query shows the list again, where it was
        await wait_for(pilot, lambda: "hit(s)" not in screen_text(app) and lst.row_count == 300)
        assert lst.cursor == 297 and "story297" in screen_text(app)
        await pilot.press("escape", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.article.id == "story297"


async def test_a_long_build_shows_a_bar_and_an_eta() -> None:
    from tui.progress import Progress, _duration

    assert _duration(42) == "42s" and _duration(312) == "5m12s" and _duration(7300) == "2h01m"
    assert Progress().line(0, 10, width=10) == "[..........] 0/10 · ETA …"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        from tui.messages import IndexProgress

        screen = app.screen
        handled: list[int] = []
        shown = screen.index_progress
        screen.index_progress = lambda d, t: (handled.append(d), shown(d, t))  # type: ignore[method-assign]
        for done in range(1, 251):  # as the index worker reports it: the newest replaces the rest
            app.post_message(IndexProgress(done, 1000))
        await wait_for(pilot, lambda: "250/1000" in screen_text(app))
        assert handled[-1] == 250 and len(handled) < 50  # merged (can_replace), not drawn 250 times
        text = screen_text(app)
        assert "Indexing [#####...............] 250/1000 · ETA" in text
        assert "5 listed and searchable so far" in text  # the articles indexed so far are listed already
        app.post_message(IndexProgress(1000, 1000))
        await wait_for(pilot, lambda: "Indexing" not in screen_text(app) and "5 articles" in screen_text(app))


async def test_hit_list_moves_by_keys_and_opens_the_chosen_hit() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Putin")
        await wait_for(pilot, lambda: "hit(s)" in screen_text(app))
        screen = app.screen
        hits = screen.query_one("#list")
        assert hits.row_count >= 3
        await pilot.press("escape")  # from the search box to the list
        assert hits.has_focus
        await pilot.press("down", "down", "up", "down", "down")  # row 3
        assert hits.cursor == 3
        chosen = screen._rows[3][0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.screen.article.id == chosen
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("end", "home")
        assert hits.cursor == 0


async def test_keys_typed_in_a_burst_after_slash_land_in_the_search_box() -> None:
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        # What a terminal delivers when someone types fast or pastes: all keys at once,
        # queued for the list before `/` has moved the focus.
        for ch in "/speaker:pesk":
            app.post_message(events.Key("slash" if ch == "/" else "colon" if ch == ":" else ch, ch))
        await pilot.pause()  # the box takes the focus after the burst: the rest is typed into it
        await pilot.press("o", "v")
        await wait_for(pilot, lambda: "hit(s)" in screen_text(app))
        assert isinstance(app.screen, LibraryScreen)  # `s` did not open the speakers screen
        assert app.screen.query_one("#query").value == "speaker:peskov"


async def test_the_cursor_stays_on_its_article_when_the_index_commits_and_keybar_clicks_reach_app_keys() -> None:
    from tui.screens.help import HelpScreen
    from tui.widgets.keybar import KeyBar
    from tui.widgets.row_list import RowList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        lst = screen.query_one(RowList)
        await pilot.press("j", "j")
        chosen = screen._rows[lst.cursor][0]
        screen.library_changed()  # what every commit of a long build does
        await pilot.pause()
        assert screen._rows[lst.cursor][0] == chosen
        bar = screen.query_one(KeyBar)
        start = next(s for s, _, action, _ in bar._spans if action == "help")  # bound on the app
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))


async def test_an_index_from_another_extractor_is_read_again_while_the_app_runs() -> None:
    import sqlite3

    lib = Library.open(use_user_config=False)
    lib.update()
    db = sqlite3.connect(next(lib.index_dir.glob("catalogue*")))
    db.execute("UPDATE meta SET value = 'an older extractor' WHERE key = 'extraction'")
    db.commit()
    db.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.index_checked)
        await ready(pilot)
        assert "5 articles" in screen_text(app)
        await pilot.press("slash", *"speaker:peskov")
        await wait_for(pilot, lambda: "hit(s)" in screen_text(app) and "0 hit(s)" not in screen_text(app))
    assert Library.open(use_user_config=False).update().unchanged == 5  # read once, now current
