"""Issue #4: a long article (~300 KB, generated here) opens, keeps its highlights, and can be
read to its last line by keys. Behaviour only; how fast is bench/bench_reader.py's job."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from rich.style import Style
from textual._wrap import compute_wrap_offsets
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import get_tab_widths

from tests.tui.helpers import screen_text, wait_for
from tests.tui.test_app import make_app, ready
from tui.screens.reader import ReaderScreen
from tui.styles import CURRENT_HIT, HIT
from tui.widgets.article_view import (
    ArticleView,
    _CountedHeight,
    fast_wrap_offsets,
    visible_text,
)

SIZE = (120, 40)
SPEAKERS = ["Dmitry Peskov", "Vladimir Putin", "Volodymyr Zelenskiy", "Donald Trump"]
LAST_LINE = "This is the very last line of the long article."


def long_article(paragraphs: int = 750) -> str:
    """Alternating quoted and unquoted paragraphs; every paragraph carries its number."""
    out = ["A very long article about ceasefire talks", ""]
    for i in range(paragraphs):
        who = SPEAKERS[i % len(SPEAKERS)]
        quoted = (
            f'"Talks on point {i:04d} remain possible if the other side is serious," {who} told reporters '
            f"on Tuesday, adding that the details of point {i:04d} would be settled by the negotiators "
            "in the weeks ahead."
        )
        plain = (
            f"Background paragraph {i:04d} describes the history of the conflict, the front line and the "
            "positions taken by the governments involved, without quoting anyone in this part of the text."
        )
        out += [quoted, "", plain, ""]
    out.append(LAST_LINE)
    return "\n".join(out) + "\n"


def style_of(app, needle: str) -> Style | None:  # type: ignore[no-untyped-def]
    """The style of the on-screen segment holding `needle` (None if it is not on screen)."""
    for strip in app.screen._compositor.render_strips():
        for seg in strip:
            if needle in seg.text:
                return seg.style
    return None


async def open_long(pilot) -> ReaderScreen:  # type: ignore[no-untyped-def]
    await ready(pilot)
    pilot.app.open_article("long")
    await wait_for(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, ReaderScreen)
            and pilot.app.screen.article is not None
            and "Talks on point 0000" in screen_text(pilot.app)
        ),
    )
    reader = pilot.app.screen
    reader.query_one(ArticleView).cursor_blink = False
    return reader


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "long-corpus"
    folder.mkdir()
    (folder / "long.txt").write_text(long_article(), encoding="utf-8")
    assert (folder / "long.txt").stat().st_size > 250_000
    return [folder]


async def test_long_article_opens_with_its_highlights_and_margin(corpus: list[Path]) -> None:
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_long(pilot)
        assert len(reader.quotes) > 1000
        first = reader.quotes[0]
        assert first.speaker == "Dmitry Peskov" and first.kind == "direct"
        style = style_of(app, "Talks on point 0000")
        assert style is not None and style.bgcolor is not None
        assert style.bgcolor.name.lower() == reader.colours.colour("Dmitry Peskov").lower()
        assert "DP" in screen_text(app)  # the margin names the speaker too
        # The speaker panel lists everyone quoted.
        panel = reader.query_one("#speakers")
        await wait_for(pilot, lambda: panel.option_count == len(SPEAKERS) + 1)


async def test_quote_keys_reach_quotes_far_down_and_show_them(corpus: list[Path]) -> None:
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_long(pilot)
        view = reader.query_one(ArticleView)
        text = reader.article.text
        quotes = reader.visible_quotes()
        # `[` from the top wraps round to the last quotation, some 300 KB down.
        await pilot.press("left_square_bracket")
        last = quotes[-1]
        assert view.cursor_offset == last.start and last.start > 250_000
        await wait_for(pilot, lambda: "details of point 0749" in screen_text(app))
        assert view.scroll_offset.y > 1000
        # `]` from there wraps to the first; then steps forward one quote at a time.
        await pilot.press("right_square_bracket")
        assert view.cursor_offset == quotes[0].start
        starts = sorted({q.start for q in quotes})
        for _ in range(40):
            await pilot.press("right_square_bracket")
        assert view.cursor_offset == starts[40]
        assert reader.quote_at(view.cursor_offset) is not None
        # The cursor's row is inside the pane, and the quote's paragraph is on screen.
        y = view.wrapped_document.location_to_offset(view.cursor_location).y
        assert view.scroll_offset.y <= y < view.scroll_offset.y + view.scrollable_content_region.height
        number = re.search(r"\d{4}", text.split("\n")[view.cursor_location[0]]).group()  # type: ignore[union-attr]
        await wait_for(pilot, lambda: f"point {number}" in screen_text(app))


async def test_page_down_scrolls_and_the_last_line_can_be_reached(corpus: list[Path]) -> None:
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_long(pilot)
        view = reader.query_one(ArticleView)
        height = view.scrollable_content_region.height
        assert view.scroll_offset.y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert height - 2 <= view.scroll_offset.y <= height + 2
        for _ in range(5):
            await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_offset.y >= 5 * (height - 2)
        row = view.cursor_location[0]
        line = reader.article.text.split("\n")[row]
        await wait_for(pilot, lambda: line[:30] in screen_text(app))
        # ctrl+end (or G): the last line, on screen.
        await pilot.press("ctrl+end")
        await wait_for(pilot, lambda: LAST_LINE in screen_text(app))
        assert view.cursor_location[0] >= view.document.line_count - 2
        assert view.scroll_offset.y == view.max_scroll_y
        await pilot.press("ctrl+home")
        await wait_for(pilot, lambda: "A very long article about ceasefire talks" in screen_text(app))
        assert view.scroll_offset.y == 0 and view.cursor_offset == 0
        await pilot.press("G")
        await wait_for(pilot, lambda: LAST_LINE in screen_text(app))


async def test_n_moves_the_current_hit_in_a_long_article(corpus: list[Path]) -> None:
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.open_article("long", query="negotiators")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.hits)
        reader = app.screen
        view = reader.query_one(ArticleView)
        assert len(reader.hits) == 750
        for _ in range(3):
            await pilot.press("n")
        start, end = reader.hits[reader.hit_index]
        assert view.cursor_offset == start and reader.article.text[start:end] == "negotiators"
        await wait_for(pilot, lambda: f"hit {reader.hit_index + 1}/750" in screen_text(app))
        # The current hit is styled apart from the others (on screen the cursor line's own
        # background covers it), and the other hits on screen are drawn as hits.
        row, col = view.location_of(start)
        assert (col, col + len("negotiators"), CURRENT_HIT) in view._styles[row]
        backgrounds = {
            str(seg.style.bgcolor.name).lower()
            for strip in app.screen._compositor.render_strips()
            for seg in strip
            if "egotiators" in seg.text and seg.style and seg.style.bgcolor
        }
        assert str(HIT.bgcolor.name).lower() in backgrounds
        before = reader.hit_index
        await pilot.press("N")
        assert reader.hit_index == before - 1 and view.cursor_offset == reader.hits[before - 1][0]


async def test_a_hundred_speakers_all_reach_the_panel_and_filter(tmp_path: Path) -> None:
    """The panel takes the first speakers before the first frame and the rest just after;
    every one of them ends up listed, in order, and choosing one still filters."""
    first = ["Alice", "Bruno", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hiroshi", "Ines", "Jonas"]
    last = ["Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Santos", "Tanaka"]
    lines = ["Many voices on the ceasefire", ""]
    for f in first:
        for surname in last:
            lines += [f'"We need a lasting agreement now," said {f} {surname}, a delegate.', ""]
    folder = tmp_path / "voices"
    folder.mkdir()
    (folder / "voices.txt").write_text("\n".join(lines), encoding="utf-8")
    app = make_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.open_article("voices")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article is not None)
        reader = app.screen
        panel = reader.query_one("#speakers")
        await wait_for(pilot, lambda: panel.option_count == 101)
        ids = [panel.get_option_at_index(i).id for i in range(panel.option_count)]
        assert ids[0] == "*" and ids[1:] == sorted(ids[1:]) and "Jonas Tanaka" in ids
        await pilot.press("p")
        panel.highlighted = ids.index("Jonas Tanaka")
        await pilot.press("enter")
        assert reader.speaker_filter == "Jonas Tanaka"
        assert {q.speaker for q in reader.visible_quotes()} == {"Jonas Tanaka"}
        await wait_for(pilot, lambda: "showing Jonas Tanaka only" in screen_text(app))


# --- wrapping: the fast path gives Textual's own breaks ------------------------------------------


def test_fast_wrap_gives_textuals_breaks() -> None:
    rnd = random.Random(4)
    alphabets = ("ab  x.y-", "aaaa b", "ab \u00a0x\u2019c", "ab  \u00a0x\u2019.-\u3000\u4e2d\t", "a\u0301 b\u200d")
    checked = 0
    for _ in range(20_000):
        alphabet = rnd.choice(alphabets)
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 70)))
        width = rnd.randint(1, 14)
        ours = fast_wrap_offsets(line, width)
        if ours is not None:
            checked += 1
            assert ours == compute_wrap_offsets(line, width, 4, precomputed_tab_sections=get_tab_widths(line, 4)), (
                line,
                width,
            )
    assert checked > 10_000
    assert fast_wrap_offsets("tab\there", 3) is None and fast_wrap_offsets("中文字", 2) is None


def test_general_wrap_gives_textuals_breaks() -> None:
    """The reading pane wraps lines with tabs, wide and zero-width characters itself (the
    function Textual has for it is private): the breaks must be Textual's, so the pane's
    rows are those a stock TextArea draws. This pins Textual 8.2.8's behaviour; an
    upgrade that changes it fails here."""
    from tui.widgets.wrap import wrap_offsets

    rnd = random.Random(7)
    alphabets = (
        "ab \tx",
        "ab  \u4e2d\t.",
        "a\u0301 b\u200d\t\t",
        "\u4e2d\u6587 x",
        "abcdefgh \t",
        "a\u3000b c\t\u4e2d",
    )
    for _ in range(20_000):
        line = "".join(rnd.choice(rnd.choice(alphabets)) for _ in range(rnd.randint(0, 70)))
        width = rnd.randint(1, 16)
        tab = rnd.choice((4, 8))
        expected = compute_wrap_offsets(
            line, width, tab, precomputed_tab_sections=get_tab_widths(line, min(tab, width))
        )
        assert wrap_offsets(line, width, tab) == expected, (line, width, tab)


def test_wrapped_document_matches_textuals() -> None:
    text = visible_text(long_article(40) + "\tindented\x1b[31m\n中文 wide 字 " * 30 + "\n" + "x" * 500 + "\n")
    for width in (0, 7, 33, 80):
        theirs, ours = WrappedDocument(Document(text), width), _CountedHeight(Document(text), width)
        assert ours._wrap_offsets == theirs._wrap_offsets
        assert ours._offset_to_line_info == theirs._offset_to_line_info
        assert ours._line_index_to_offsets == theirs._line_index_to_offsets
        assert ours._tab_width_cache == theirs._tab_width_cache
        assert ours.height == theirs.height
