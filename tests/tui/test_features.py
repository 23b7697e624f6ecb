"""Quotes, tags and compare in the app, driven by keys."""

from __future__ import annotations

from pathlib import Path

from index.library import Library
from tests.tui.helpers import screen_text, tag_words, wait_for
from tests.tui.test_app import SIZE, make_app, ready
from tui.screens.compare import ComparePicker, CompareScreen
from tui.screens.quotes import QuotesScreen
from tui.screens.reader import ReaderScreen
from tui.screens.tag_prompt import TagPrompt
from tui.screens.tags import TagsScreen
from tui.widgets.article_view import ArticleView

A000, A001, A002, A004 = (
    "000_3db5e493d445b404",
    "001_d24cd6795bcd38ab",
    "002_d026f6226d862cb6",
    "004_0d9989bd3b25f316",
)


async def open_reader(pilot, article: str) -> ReaderScreen:  # type: ignore[no-untyped-def]
    pilot.app.open_article(article)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen) and pilot.app.screen.article)
    await pilot.pause(0.1)
    return pilot.app.screen


async def open_reader_with_tag(pilot, article: str, words: str, name: str) -> ReaderScreen:  # type: ignore[no-untyped-def]
    """The app ready, the reader on `article`, the first six characters of ``words`` tagged
    ``name`` (through the keys), and the tag read back."""
    await ready(pilot)
    reader = await open_reader(pilot, article)
    await tag_words(pilot, words, name)
    await wait_for(pilot, lambda: [t.tags for t in reader.article_tags] == [(name,)])
    return reader


async def open_picker(pilot, article: str) -> ComparePicker:  # type: ignore[no-untyped-def]
    """The reader on `article`, then `c`, the way a person asks to compare: the picker, filled."""
    await open_reader(pilot, article)
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ComparePicker) and pilot.app.screen.ids)
    return pilot.app.screen


async def test_quotes_are_highlighted_with_speaker_and_brackets_walk_them_in_order() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = await open_reader(pilot, A004)
        quotes = reader.visible_quotes()
        freezing = [q for q in quotes if q.text == "freezing"]
        assert freezing and freezing[0].speaker == "Dmitry Peskov"
        view = reader.query_one(ArticleView)
        row, col = view.location_of(freezing[0].start)
        styled = [(s, e) for s, e, _ in view._styles.get(row, [])]
        assert (col, col + len("freezing")) in styled  # drawn in the reader
        starts = sorted({q.start for q in quotes})
        seen = []
        for _ in starts:
            await pilot.press("right_square_bracket")
            seen.append(view.cursor_offset)
        assert seen == starts
        # The status line names the quote under the cursor.
        view.jump_to(freezing[0].start + 1)
        await pilot.pause(0.05)
        assert "Dmitry Peskov · " in screen_text(app) and " · partial · " in screen_text(app)
        await pilot.press("left_square_bracket")
        assert view.cursor_offset < freezing[0].start + 1


async def test_speaker_panel_filters_highlights() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = await open_reader(pilot, A001)
        assert "Steven Cheung" in screen_text(app)
        await pilot.press("p")
        panel = reader.query_one("#speakers")
        ids = [panel.get_option_at_index(i).id for i in range(panel.option_count)]
        panel.highlighted = 0
        await pilot.press(*["down"] * ids.index("Steven Cheung"), "enter")
        assert reader.speaker_filter == "Steven Cheung"
        assert {q.speaker for q in reader.visible_quotes()} == {"Steven Cheung"}
        assert "showing Steven Cheung only" in screen_text(app)
        await pilot.press("right_square_bracket")
        assert "Steven Cheung · " in screen_text(app) and " · direct · " in screen_text(app)


async def test_search_speaker_kind_lands_on_the_valdai_quote() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # small: the quote lies below the first screenful
        await ready(pilot)
        await pilot.press("slash", *"speaker:putin kind:direct")
        await wait_for(pilot, lambda: "2 hit(s)" in screen_text(app))
        rows = [line for line in screen_text(app).splitlines() if "Vladimir Putin" in line]
        assert len(rows) == 2 and all("neutrality" in r or "Because that" in r for r in rows)  # the quote, not cut away
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        await pilot.pause(0.1)
        q = reader.quote_at(reader.query_one(ArticleView).cursor_offset)
        assert q is not None and q.speaker == "Vladimir Putin" and q.kind == "direct"
        assert "neutrality" in q.text or "Because that would mean" in q.text
        # Centred once the paragraphs have wrapped, not where an unwrapped layout put it.
        view = reader.query_one(ArticleView)
        y = view.wrapped_document.location_to_offset(view.cursor_location).y - view.scroll_offset.y
        assert view.size.height // 4 <= y <= view.size.height * 3 // 4, (y, view.size.height)


async def test_quotes_screen_groups_by_speaker_and_filters() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen))
        screen = app.screen
        await wait_for(pilot, lambda: "Dmitry Peskov" in screen.counts)
        n = screen.counts["Dmitry Peskov"]
        assert f"Dmitry Peskov {n}" in screen_text(app)  # one line: the name, then its count
        await pilot.press("slash", *"cheung")
        await wait_for(pilot, lambda: "Dmitry Peskov" not in screen_text(app))
        assert "Steven Cheung 1" in screen_text(app)
        assert "He is the only person who can bring" in screen_text(app)
        await pilot.press("enter", "enter", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen
        await pilot.pause(0.1)
        q = reader.quote_at(reader.query_one(ArticleView).cursor_offset)
        assert q is not None and q.speaker == "Steven Cheung"


async def test_quotes_screen_lists_more_when_enter_is_pressed_on_its_last_row(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tui.screens.quotes as quotes_screen

    monkeypatch.setattr(quotes_screen, "LISTED", 2)  # a speaker with more quotes than are listed at once
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen))
        screen = app.screen
        await pilot.press("slash", *"putin", "enter")  # the filter hands over to the speakers
        await wait_for(pilot, lambda: screen.shown == "Vladimir Putin" and len(screen.rows) == 2)
        total = screen.counts["Vladimir Putin"]
        assert total > 4
        assert f"the first 2 of {total}: Enter for 2 more" in screen_text(app)
        await pilot.press("enter")  # into the quote list
        await pilot.press("down", "down", "enter")  # the "… the first 2" row
        await wait_for(pilot, lambda: len(screen.rows) == 4)
        assert isinstance(app.screen, QuotesScreen)  # listing more opens no article
        assert f"the first 4 of {total}" in screen_text(app)
        rows = screen.query_one("#quote-list")
        assert rows.cursor == 2  # on the first of the new quotes


async def test_tag_by_keyboard_then_remove_and_undo(isolated_dirs: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = await open_reader(pilot, A002)
        text = reader.article.text
        view = reader.query_one(ArticleView)
        view.jump_to(text.index("not suit"))
        await pilot.press("v")  # the word "not"
        assert text[slice(*view.selection_offsets())] == "not"
        await pilot.press(*["shift+right"] * 5)
        assert text[slice(*view.selection_offsets())] == "not suit"
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TagPrompt))
        await pilot.press(*"peskov-line, needs check", "tab", *"wording differs", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and reader.article_tags)
        tags = app.library.resolved_tags()
        assert [(t.exact, t.tags, t.note) for t in tags] == [
            ("not suit", ("peskov-line", "needs-check"), "wording differs")
        ]
        view.jump_to(text.index("not suit") + 2)
        await wait_for(pilot, lambda: "tags: peskov-line, needs-check" in screen_text(app))
        await pilot.press("x")
        await wait_for(pilot, lambda: not reader.article_tags)
        assert app.library.resolved_tags() == []
        await pilot.press("u")
        await wait_for(pilot, lambda: reader.article_tags)
        assert [t.exact for t in app.library.resolved_tags()] == ["not suit"]
        # The tags screen lists it with context; Enter opens the article at the passage.
        await pilot.press("T")
        await wait_for(pilot, lambda: isinstance(app.screen, TagsScreen) and "peskov-line (1)" in screen_text(app))
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen is not reader)
        await pilot.pause(0.1)
        assert app.screen.query_one(ArticleView).cursor_offset == text.index("not suit")


async def test_sentence_under_cursor_is_tagged_without_selecting() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = await open_reader(pilot, A000)
        text = reader.article.text
        reader.query_one(ArticleView).jump_to(text.index("Two officials also claim") + 5)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TagPrompt))
        await pilot.press(*"territory", "enter")
        await wait_for(pilot, lambda: reader.article_tags)
        (tag,) = app.library.resolved_tags()
        assert tag.exact.startswith("Two officials also claim") and tag.exact.endswith("south of Ukraine.")


async def test_compare_links_sentences_and_the_left_pane_drives_the_right() -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        picker = await open_picker(pilot, A000)
        assert A002 in picker.ids and A000 not in picker.ids
        for _ in range(picker.ids.index(A002)):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.alignment)
        cmp = app.screen
        assert "shared" in screen_text(app) and "only in A" in screen_text(app)
        right = cmp.query_one("#pane-b", ArticleView)
        moved = set()
        for _ in range(len(cmp.sentences[0])):
            await pilot.press("j")
            cur = cmp._current_span(0)
            if cur in cmp.links[0]:
                target = cmp.links[0][cur][0][0]
                assert right.location_of(target)[0] == right.cursor_location[0]
                moved.add(target)
        assert len(moved) >= 3
        await pilot.press("tab")
        assert cmp.active == 1
        await pilot.press("w")
        assert cmp.ids == [A002, A000]


async def test_tag_survives_closing_the_app_and_editing_the_article(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import SEED_DIR

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    src = corpus / f"{A002}.txt"
    shutil.copy(SEED_DIR / f"{A002}.txt", src)

    cfg = tmp_path / "config.yaml"
    cfg.write_text("corpus:\n  include_seeds: false\n")

    def app_for_corpus():  # type: ignore[no-untyped-def]
        lib = Library.open(cfg, corpus=[corpus], use_user_config=False)
        return type(make_app())(lib)

    app = app_for_corpus()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = await open_reader(pilot, A002)
        view = reader.query_one(ArticleView)
        view.jump_to(reader.article.text.index("not suit"))
        await pilot.press("v", *["shift+right"] * 5, "t")
        await wait_for(pilot, lambda: isinstance(app.screen, TagPrompt))
        await pilot.press(*"peskov-line", "enter")
        await wait_for(pilot, lambda: reader.article_tags)
        await pilot.press("escape", "q")

    text = src.read_text()
    edited = "An editor's note added on top of the story.\n\n" + text.replace(
        "Asked about the Reuters report", "Asked about Reuters' report"
    )
    src.write_text(edited)

    app = app_for_corpus()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: app.library.article(A002) and app.library.article(A002).text == edited)
        reader = await open_reader(pilot, A002)
        await wait_for(pilot, lambda: reader.article_tags)
        (tag,) = reader.article_tags
        assert tag.status == "moved"
        assert edited[tag.start : tag.end] == "not suit"
        reader.query_one(ArticleView).jump_to(tag.start + 1)
        await wait_for(pilot, lambda: "tags: peskov-line" in screen_text(app))


async def test_quote_detail_shows_the_same_statement_in_other_outlets() -> None:
    from tui.screens.quote_detail import QuoteDetailScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = await open_reader(pilot, A000)
        q = next(q for q in reader.visible_quotes() if q.text.startswith("Putin has already said that freezing"))
        reader.query_one(ArticleView).jump_to(q.start + 3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuoteDetailScreen))
        await wait_for(pilot, lambda: "The same statement elsewhere" in screen_text(app))  # found off the UI thread
        text = screen_text(app)
        detail = app.screen
        assert isinstance(detail, QuoteDetailScreen) and detail.others
        variants = {v.text for _, v in detail.variants}
        assert {"not suit", "freezing"} <= variants  # Meduza's and 004's wordings
        assert "Meduza" in text  # the outlet names where the statement was found
        # Only renderings of this statement, not everything Peskov said (#15).
        assert not any(v.startswith(("And the missile", "While Peskov", "He added")) for v in variants)
        assert "other quotes (" in text
        first = detail.variants[0][1]
        await pilot.press("down", "up", "enter")  # the list has the focus, on the first variant: open it
        await wait_for(
            pilot,
            lambda: (
                not isinstance(app.screen, QuoteDetailScreen)
                and getattr(app.screen, "article_id", None) == first.article
            ),
        )


async def test_margin_names_speakers_by_initials_beside_colour() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        reader = await open_reader(pilot, A001)
        view = reader.query_one(ArticleView)
        cheung = next(q for q in reader.visible_quotes() if q.speaker == "Steven Cheung")
        row = view.location_of(cheung.start)[0]
        assert view._margin[row][0].startswith("SC")
        view.jump_to(cheung.start)
        await pilot.pause(0.1)
        assert any(line.lstrip().startswith("SC") and "Cheung" in line for line in screen_text(app).splitlines())
