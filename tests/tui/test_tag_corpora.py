"""The tags screen (`T`) counts this corpus's tags only.

With t1's tags in the shared store, the screen in t2 showed "⚠ orphans (2)" and
"2 orphan(s) whose words are gone from the article": t1's passages, which are fine in t1.
"""

from __future__ import annotations

from pathlib import Path

from index.library import Library
from tests.tui.helpers import screen_text, wait_for
from tests.tui.test_app import SIZE, make_app, ready
from tui.screens.tags import TagsScreen

STORY = "Talks stall\n\nThe envoy said on Monday that the talks had stalled over the border.\n"
PASSAGE = "the talks had stalled"


async def test_the_tags_screen_does_not_count_another_folders_tags_as_orphans(tmp_path: Path) -> None:
    t1, t2 = tmp_path / "t1", tmp_path / "t2"
    for folder in (t1, t2):
        folder.mkdir()
    (t1 / "story.txt").write_text(STORY, encoding="utf-8")
    (t2 / "story.txt").write_text("Talks resume\n\nThe envoy said on Friday that the talks had resumed.\n")
    lib = Library.open(corpus=[t1], use_user_config=False, include_seeds=False)
    lib.update()
    start = STORY.index(PASSAGE)
    for name in ("one", "two"):
        lib.add_tag("story", start, start + len(PASSAGE), [name])
    lib.close()

    app = make_app([t2])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("T")
        await wait_for(pilot, lambda: isinstance(app.screen, TagsScreen) and "tagged passage(s)" in screen_text(app))
        shown = screen_text(app)
        assert "0 tagged passage(s), 0 tag(s)" in shown
        assert "orphan" not in shown

    app = make_app([t1])  # in their own corpus they are listed, anchored
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("T")
        await wait_for(pilot, lambda: isinstance(app.screen, TagsScreen) and "tagged passage(s)" in screen_text(app))
        shown = screen_text(app)
        assert "2 tagged passage(s), 2 tag(s)" in shown and "one (1)" in shown
        assert "orphan" not in shown
