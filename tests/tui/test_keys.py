"""Keys that work everywhere (#15): j/k and g/G in every list, Esc that clears the search,
the focus back on the list after the reader, a command palette with every action."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from index.library import Library
from tests.tui.helpers import screen_text, wait_for
from tests.tui.test_app import SIZE, make_app, ready
from tests.tui.test_features import A000, A001, A002, open_reader
from tui.app import QuotewireApp
from tui.screens.compare import ComparePicker
from tui.screens.library import LibraryScreen
from tui.screens.quotes import QuotesScreen
from tui.screens.reader import ReaderScreen
from tui.screens.tags import TagsScreen
from tui.widgets.row_list import RowList


async def _walk_option_list(pilot, ol: OptionList) -> None:  # type: ignore[no-untyped-def]
    """j/k/g/G move the highlight of a focused option list, end to end."""
    assert ol.has_focus and ol.option_count >= 3, ol.id
    ol.highlighted = 0
    await pilot.press("j")
    assert ol.highlighted == 1, ol.id
    await pilot.press("j", "k")
    assert ol.highlighted == 1, ol.id
    await pilot.press("G")
    assert ol.highlighted == ol.option_count - 1, ol.id
    await pilot.press("g")
    assert ol.highlighted == 0, ol.id


async def _walk_row_list(pilot, rows: RowList) -> None:  # type: ignore[no-untyped-def]
    assert rows.has_focus and rows.row_count >= 3, rows.id
    rows.cursor = 0
    await pilot.press("j", "j", "k")
    assert rows.cursor == 1, rows.id
    await pilot.press("G")
    assert rows.cursor == rows.row_count - 1, rows.id
    await pilot.press("g")
    assert rows.cursor == 0, rows.id


async def test_j_k_g_G_move_in_every_list() -> None:
    lib = Library.open(use_user_config=False)
    lib.update()
    for article, words, names in (
        (A002, "not suit", ["a"]),
        (A000, "freeze the conflict", ["b"]),
        (A001, "NATO", ["c"]),
    ):
        text = lib.article(article).text  # type: ignore[union-attr]
        start = text.index(words)
        lib.add_tag(article, start, start + len(words), names + ["all"])
    app = QuotewireApp(lib)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        # the reader's speakers panel
        reader = await open_reader(pilot, A001)
        await pilot.press("p")
        await _walk_option_list(pilot, reader.query_one("#speakers", OptionList))
        await pilot.press("escape")  # the panel hands back to the text... then Esc leaves
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        # both lists of the quotes screen
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen) and bool(app.screen.rows))
        quotes = app.screen
        await _walk_option_list(pilot, quotes.query_one("#speaker-list", OptionList))
        await pilot.press("tab")
        await wait_for(pilot, lambda: quotes.query_one("#quote-list", RowList).has_focus)
        await _walk_row_list(pilot, quotes.query_one("#quote-list", RowList))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        # both lists of the tags screen
        await pilot.press("T")
        await wait_for(pilot, lambda: isinstance(app.screen, TagsScreen) and bool(app.screen.passages))
        tags = app.screen
        await _walk_option_list(pilot, tags.query_one("#tag-names-list", OptionList))
        await pilot.press("g", "enter")  # "all": three passages
        await wait_for(pilot, lambda: tags.query_one("#tag-passages", OptionList).has_focus)
        await _walk_option_list(pilot, tags.query_one("#tag-passages", OptionList))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        # the library's own list
        await _walk_row_list(pilot, app.screen.query_one(RowList))
        # the compare picker
        await open_reader(pilot, A000)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ComparePicker) and len(app.screen.ids) == 4)
        await _walk_option_list(pilot, app.screen.query_one(OptionList))


async def test_the_current_row_stays_marked_when_its_list_loses_the_focus() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen) and bool(app.screen.rows))
        screen = app.screen
        rows = screen.query_one("#quote-list", RowList)
        speakers = screen.query_one("#speaker-list", OptionList)
        assert speakers.has_focus and not rows.has_focus
        background = rows.rich_style.bgcolor
        cursor = rows.render_line(0 - rows.scroll_offset.y + rows.cursor)
        assert {seg.style.bgcolor for seg in cursor if seg.style} - {background}, "the blurred cursor row is unmarked"
        other = rows.render_line(1)
        assert {seg.style.bgcolor for seg in other if seg.style and seg.text.strip()} <= {background}
        highlighted = speakers.get_component_rich_style("option-list--option-highlighted")
        await pilot.press("tab")
        assert rows.has_focus
        assert speakers.get_component_rich_style("option-list--option-highlighted").bgcolor not in (
            None,
            speakers.rich_style.bgcolor,
        )
        assert highlighted.bgcolor is not None


async def test_escape_in_the_library_clears_the_search_first() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        rows = screen.query_one(RowList)
        await pilot.press("j", "j")
        await pilot.press("slash", *"Valdai")
        await wait_for(pilot, lambda: "1 hit(s)" in screen_text(app))
        await pilot.press("escape")  # the search is cleared, the whole list is back
        query = screen.query_one("#query", Input)
        await wait_for(pilot, lambda: query.value == "" and rows.row_count == 5)
        assert rows.has_focus and rows.cursor == 2  # where it was
        assert "hit(s)" not in screen_text(app) and "5 articles" in screen_text(app)
        await pilot.press("slash", *"Valdai")
        await wait_for(pilot, lambda: "1 hit(s)" in screen_text(app))
        await pilot.press("down")  # the hits keep the search: Down moves to them
        assert rows.has_focus and query.value == "Valdai" and rows.row_count == 1
        await pilot.press("escape")  # from the hit list too, Esc clears the search
        await wait_for(pilot, lambda: query.value == "" and rows.row_count == 5)


async def test_after_the_reader_the_focus_is_on_the_list_not_the_search_box() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Valdai", "enter")  # opened from the search box
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.pause(0.1)
        screen = app.screen
        assert screen.query_one(RowList).has_focus
        await pilot.press("s")  # a key of the list, not a letter typed into the box
        await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen))
        assert screen.query_one("#query", Input).value == "Valdai"


async def test_the_command_palette_offers_every_action_of_the_screen() -> None:
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_reader(pilot, A000)
        for typed, wanted in (
            ("another", "Compare with another article (c)"),
            ("tagged", "Tags and tagged passages (T)"),
            ("whole c", "Quotes by speaker, whole corpus (s)"),
        ):
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*typed)
            await wait_for(pilot, lambda w=wanted: w in screen_text(app))
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"another", "enter")  # runs the action, as `c` does
        await wait_for(pilot, lambda: isinstance(app.screen, ComparePicker))
        await pilot.press("escape")
        # In the library: search, the quotes by speaker, tags and help are there too.
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Help")
        await wait_for(pilot, lambda: "Help (?)" in screen_text(app))
        await pilot.press("enter")
        from tui.screens.help import HelpScreen

        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
