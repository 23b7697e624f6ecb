"""What a person would see: the screen's text, read off the compositor."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


async def wait_for(pilot, predicate, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Pause until `predicate()` is true; fail with the screen's text if it never is."""
    waited = 0.0
    while not predicate():
        if waited >= timeout:
            raise AssertionError("timed out; the screen shows:\n" + screen_text(pilot.app))
        await pilot.pause(0.05)
        waited += 0.05


async def tag_words(pilot, words: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """In the reader: select the first six characters of ``words``, `t`, ``name``, Enter."""
    from tui.screens.reader import ReaderScreen
    from tui.screens.tag_prompt import TagPrompt
    from tui.widgets.article_view import ArticleView

    app = pilot.app
    reader = app.screen
    assert isinstance(reader, ReaderScreen) and reader.article is not None
    reader.query_one(ArticleView).jump_to(reader.article.text.index(words))
    await pilot.press("v", *["shift+right"] * 5, "t")
    await wait_for(pilot, lambda: isinstance(app.screen, TagPrompt))
    await pilot.press(*name, "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
