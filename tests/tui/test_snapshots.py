"""Snapshots (pytest-textual-snapshot) of the reader and the quotes screen on the seeds.

Regenerate after a deliberate change to the look: `pytest tests/tui/test_snapshots.py --snapshot-update`,
then review the SVGs in `tests/tui/__snapshots__/`.
"""

from __future__ import annotations

from tests.tui.helpers import wait_for
from tests.tui.test_app import make_app, ready
from tui.screens.quotes import QuotesScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView

SIZE = (120, 36)


def test_reader_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        app.open_article("004_0d9989bd3b25f316")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.article is not None)
        reader = app.screen
        await pilot.press("right_square_bracket")
        reader.query_one(ArticleView).blur()  # no blinking cursor in the picture
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_quotes_screen_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app()

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen))
        await pilot.press("slash", *"peskov")
        screen = app.screen
        # The lists fill from the catalogue in workers: wait for the filtered answer.
        await wait_for(
            pilot, lambda: "Dmitry Peskov" in screen.counts and screen.shown == "Dmitry Peskov" and screen.rows
        )
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
