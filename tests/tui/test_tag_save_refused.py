"""A tag change the store refuses (read-only, damaged) in the reader.

The reader showed a passing "Could not save the tag change: …" and nothing else: its status
line went on offering "(t edit, x remove)" and naming the tags it had read before, even
when the store held something else by then; the words typed for the change were dropped.
Now the status line says NOT SAVED and why until a change is saved, shows the tags as the
store holds them, and `t` on the passage offers the typed words again.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from index.library import Library
from index.tags import TagStore
from tests.reliability.places import make_read_only, read_only_place
from tests.tui.helpers import screen_text, wait_for
from tests.tui.test_app import SIZE, make_app, ready
from tests.tui.test_features import A002, open_reader, open_reader_with_tag
from tui.app import QuotewireApp
from tui.screens.reader import ReaderScreen
from tui.screens.tag_prompt import TagPrompt
from tui.widgets.article_view import ArticleView


def status_line(app: QuotewireApp) -> str:
    """What the reader's status line shows (read off the widget: the toast with the message
    covers its right end on the screen's bottom row)."""
    return str(app.screen.query_one("#reader-status", Static).content).strip()


async def _edit_to_checked(pilot, app: QuotewireApp) -> None:  # type: ignore[no-untyped-def]
    """`t` on the tagged passage, the names replaced by "checked", Enter."""
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(app.screen, TagPrompt))
    await pilot.press("ctrl+u", *"checked", "enter")
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, ReaderScreen) and any(n.severity == "error" for n in app._notifications),
    )
    await pilot.pause(0.5)  # the tags as the store holds them are read again (a worker)


async def _offered_again(pilot, app: QuotewireApp) -> str:  # type: ignore[no-untyped-def]
    """What `t` on the passage puts in the prompt's tag names now."""
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(app.screen, TagPrompt))
    return app.screen.query_one("#tag-names", Input).value


@pytest.fixture
def read_only_data() -> Iterator[Path]:
    """The data folder (where tags.sqlite3 lives) on a place that can be made read-only:
    a small tmpfs remounted read-only as root (chmod does not stop root), else a folder
    without write permission."""
    with read_only_place(Path(os.environ["XDG_DATA_HOME"])) as data:
        yield data


async def test_an_edit_refused_by_a_read_only_store_is_said_and_the_words_are_kept(read_only_data: Path) -> None:
    lib = Library.open(corpus=[], use_user_config=False)
    lib.update()
    text = lib.article(A002).text
    at = text.index("not suit")
    lib.add_tag(A002, at, at + len("not suit"), ["frozen"])
    lib.close()
    make_read_only(read_only_data)

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        reader = await open_reader(pilot, A002)
        reader.query_one(ArticleView).jump_to(at + 2)
        await wait_for(pilot, lambda: "tags: frozen" in status_line(app))

        await _edit_to_checked(pilot, app)
        line = status_line(app)
        assert "tags: frozen" in line and "checked" not in line  # what the store holds
        assert "t edit" not in line, line  # no promise the store cannot keep
        assert line.startswith("NOT SAVED: the tag store is read-only (your words are kept: t retries)"), line
        shown = screen_text(app)
        assert "Tag change NOT saved" in shown and "read-only" in shown  # the message, on screen
        assert "(saved)" not in shown

        assert await _offered_again(pilot, app) == "checked"  # nothing typed was lost
        await pilot.press("escape")  # let them go: the status line says so no more
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and "NOT SAVED" not in status_line(app))
        assert "tags: frozen (t edit, x remove)" in status_line(app)

    with TagStore(app.library.tags_path, backups=False) as store:
        assert [t.tags for t in store.list()] == [("frozen",)]


async def test_an_edit_refused_by_a_damaged_store_shows_what_the_store_holds() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        reader = await open_reader_with_tag(pilot, A002, "not suit", "frozen")
        reader.query_one(ArticleView).jump_to(reader.article.text.index("not suit") + 2)
        await wait_for(pilot, lambda: "tags: frozen (t edit, x remove)" in status_line(app))

        # The passage's row changes behind quotewire's back (a stray write, a bad disk):
        # its checksum no longer matches, and the store refuses every change from then on.
        conn = sqlite3.connect(app.library.tags_path)
        conn.execute("UPDATE annotations SET note = 'damaged note'")
        conn.commit()
        conn.close()

        await _edit_to_checked(pilot, app)
        line = status_line(app)
        assert "tags: frozen — damaged note" in line, line  # the passage as the store holds it now
        assert "checked" not in line and "t edit" not in line, line
        assert line.startswith("NOT SAVED: the tag store is damaged (your words are kept: t retries)"), line
        shown = screen_text(app)
        assert "Tag change NOT saved" in shown and "damaged" in shown
        assert await _offered_again(pilot, app) == "checked"
