"""The reader shows how a quotation was attributed: the speaker, the words that name them
(`m` goes there and back), and `f` keeps the calibrated confident band (#13)."""

from __future__ import annotations

from tests.tui.helpers import screen_text, wait_for
from tests.tui.test_app import SIZE, make_app, ready
from tui.screens.help import HelpScreen
from tui.screens.reader import CONFIDENT, ReaderScreen
from tui.widgets.article_view import ArticleView

A004 = "004_0d9989bd3b25f316"  # "... he cautioned that a simple “freezing” ..." (he: Dmitry Peskov)


async def open_a004(pilot) -> ReaderScreen:  # type: ignore[no-untyped-def]
    await ready(pilot)
    pilot.app.open_article(A004)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen) and pilot.app.screen.article is not None)
    return pilot.app.screen


async def test_the_status_line_names_the_mention_and_m_jumps_there_and_back() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_a004(pilot)
        view = reader.query_one(ArticleView)
        q = next(q for q in reader.quotes if q.text == "freezing")
        assert q.speaker == "Dmitry Peskov" and q.speaker_mention == "he" and q.mention_start is not None
        view.jump_to(q.start + 1)
        await pilot.pause(0.05)
        assert f'Dmitry Peskov · via "he" · partial · {q.confidence:.2f}' in screen_text(app)
        await pilot.press("m")
        assert view.cursor_offset == q.mention_start
        assert reader.article is not None and reader.article.text[q.mention_start : q.mention_end] == "he"
        await pilot.press("m")
        assert view.cursor_offset == q.start + 1


async def test_f_keeps_the_confident_band_and_the_help_says_what_it_means() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_a004(pilot)
        assert CONFIDENT == 0.85
        everything = reader.visible_quotes()
        await pilot.press("f")
        kept = reader.visible_quotes()
        assert kept and len(kept) < len(everything)
        assert all(q.confidence >= 0.85 for q in kept)
        assert {q for q in everything if q.confidence >= 0.85} == set(kept)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = " ".join(screen_text(app).split())
        assert "95 times in 100" in text and "jump_mention" in text
