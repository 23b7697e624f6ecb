"""`t` on a tagged passage that `quotewire tags rm` removed while the app was open.

The app said "Could not save the tag change: 'no tagged passage with id 1'", dropped the
edit, and its status line kept naming the removed tag.
"""

from __future__ import annotations

from index.tags import TagStore
from tests.tui.helpers import screen_text, wait_for
from tests.tui.test_app import SIZE, make_app
from tests.tui.test_features import A002, open_reader_with_tag
from tui.screens.reader import ReaderScreen
from tui.screens.tag_prompt import TagPrompt
from tui.widgets.article_view import ArticleView


async def test_an_edit_of_a_tag_removed_from_the_command_line_is_saved() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader_with_tag(pilot, A002, "not suit", "frozen")
        text = reader.article.text
        reader.query_one(ArticleView).jump_to(text.index("not suit") + 2)
        await wait_for(pilot, lambda: "tags: frozen" in screen_text(app))

        (tag,) = reader.article_tags
        with TagStore(app.library.tags_path, backups=False) as other:  # `quotewire tags rm 1`
            other.remove(tag.id)

        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TagPrompt))
        await pilot.press("ctrl+u", *"checked", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and "tags: checked" in screen_text(app))
        assert "Could not save" not in screen_text(app)
        (saved,) = app.library.resolved_tags()
        assert (saved.tags, text[saved.start : saved.end], saved.status) == (("checked",), "not suit", "anchored")
        assert [t.id for t in reader.article_tags] == [saved.id]
