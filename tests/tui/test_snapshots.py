"""Snapshots (pytest-textual-snapshot) of every screen and pop-up, at 80x24 (usable) and
120x40 (comfortable), on the seeds.

Regenerate after a deliberate change to the look: `pytest tests/tui/test_snapshots.py --snapshot-update`,
then review the SVGs in `tests/tui/__snapshots__/` (open them in a browser).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.widgets import Input, OptionList

from index.library import Library
from tests.tui.helpers import wait_for
from tests.tui.test_app import ready
from tui.app import QuotewireApp
from tui.screens.compare import ComparePicker, CompareScreen
from tui.screens.help import HelpScreen
from tui.screens.quote_detail import QuoteDetailScreen
from tui.screens.quotes import QuotesScreen
from tui.screens.reader import ReaderScreen
from tui.screens.tag_prompt import TagPrompt
from tui.screens.tags import TagsScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.row_list import RowList

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
A000, A002, A004 = "000_3db5e493d445b404", "002_d026f6226d862cb6", "004_0d9989bd3b25f316"

Step = Callable[[QuotewireApp, object], Awaitable[None]]


async def _reader(app: QuotewireApp, pilot, article: str = A004) -> ReaderScreen:  # type: ignore[no-untyped-def]
    app.open_article(article)
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article is not None)
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def _still(app: QuotewireApp) -> None:
    """No blinking cursor in the picture."""
    for view in app.screen.query(ArticleView):
        view.blur()


async def library(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    pass


async def search_hits(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash", *"freezing conflict")
    await wait_for(pilot, lambda: "hit(s)" in str(app.screen.query_one("#search-status").render()))


async def quote_search(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash", *"speaker:peskov")
    await wait_for(pilot, lambda: "hit(s)" in str(app.screen.query_one("#search-status").render()))


async def reader(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await _reader(app, pilot)
    await pilot.press("right_square_bracket", "right_square_bracket")
    _still(app)


async def quote_detail(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    screen = await _reader(app, pilot, A000)
    q = next(q for q in screen.visible_quotes() if q.text.startswith("Putin has already said that freezing"))
    screen.query_one(ArticleView).jump_to(q.start + 3)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, QuoteDetailScreen) and bool(app.screen.others))


async def quotes(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("s")
    await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen))
    screen = app.screen
    assert isinstance(screen, QuotesScreen)
    await pilot.press("slash", *"peskov")
    rows = screen.query_one("#quote-list", RowList)
    await wait_for(
        pilot,
        lambda: (
            screen.shown == "Dmitry Peskov"
            and bool(screen.rows)
            and screen._needle == "peskov"
            and rows.row_count >= len(screen.rows)
            and screen.query_one("#speaker-list", OptionList).option_count == len(screen.counts)
        ),
    )
    await pilot.pause(0.3)


async def compare_picker(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await _reader(app, pilot, A000)
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(app.screen, ComparePicker) and len(app.screen.ids) == 4)


async def compare(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await compare_picker(app, pilot)
    picker = app.screen
    assert isinstance(picker, ComparePicker)
    await pilot.press(*["j"] * picker.ids.index(A002), "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.alignment is not None)
    await pilot.press("j", "j")
    _still(app)


async def tags(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("T")
    await wait_for(pilot, lambda: isinstance(app.screen, TagsScreen) and bool(app.screen.passages))


async def tag_prompt(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    screen = await _reader(app, pilot, A002)
    screen.query_one(ArticleView).jump_to(screen.article.text.index("not suit"))  # type: ignore[union-attr]
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(app.screen, TagPrompt))


async def help_popup(app: QuotewireApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await _reader(app, pilot)
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))


SCREENS: dict[str, Step] = {
    "library": library,
    "search_hits": search_hits,
    "quote_search": quote_search,
    "reader": reader,
    "quote_detail": quote_detail,
    "quotes": quotes,
    "compare_picker": compare_picker,
    "compare": compare,
    "tags": tags,
    "tag_prompt": tag_prompt,
    "help": help_popup,
}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen_snapshot(snap_compare, name: str, size: str) -> None:  # type: ignore[no-untyped-def]
    lib = Library.open(use_user_config=False)
    if name == "tags":
        lib.update()
        for article, words, names in (
            (A002, "not suit", ["peskov-line"]),
            (A002, "willing to withdraw from the smaller areas", ["territory", "escalation"]),
            (A000, "freeze the conflict along the front line", ["territory"]),
        ):
            text = lib.article(article).text  # type: ignore[union-attr]
            start = text.index(words)
            lib.add_tag(article, start, start + len(words), names, note="check the wording" if "suit" in words else "")
    app = QuotewireApp(lib)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await SCREENS[name](app, pilot)
        # A blinking cursor is on or off depending on when the picture is taken.
        for box in app.screen.query(Input):
            box.cursor_blink = False
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
