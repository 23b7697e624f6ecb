"""An edit of a passage that another copy of quotewire removed meanwhile is kept.

The app showed tag 4; `quotewire tags rm 4` ran in a terminal; the user pressed `t` on the
passage and saved: "Could not save the tag change: 'no tagged passage with id 4'", and
the edit was gone. Two stores on one file, as two processes are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.tags import TagStore

TEXT = "The envoy said on Monday that the talks had stalled over the border, officials said."


def _stores(tmp_path: Path) -> tuple[TagStore, TagStore]:
    db = tmp_path / "data" / "tags.sqlite3"
    return TagStore(db), TagStore(db)


def test_an_edit_of_a_passage_removed_elsewhere_is_saved_as_a_new_passage_at_the_same_place(tmp_path: Path) -> None:
    app, cli = _stores(tmp_path)
    start = TEXT.index("the talks had stalled")
    made = app.add("story", TEXT, start, start + 21, ["frozen"], content_hash="h", source="story.txt", path="/n/s.txt")
    (shown,) = app.list()  # what the app shows
    cli.remove(shown.id)
    saved = app.update(shown.id, tags=["frozen", "checked"], note="confirmed by a second source")
    assert saved.id != made.id
    (stored,) = cli.list()
    assert stored == saved
    assert (stored.tags, stored.note) == (("frozen", "checked"), "confirmed by a second source")
    same_place = ("article", "content_hash", "start", "end", "exact", "prefix", "suffix", "source", "path")
    assert [getattr(stored, f) for f in same_place] == [getattr(made, f) for f in same_place]
    # Edited again under its old id (the app has not reloaded yet): still one passage.
    again = app.update(shown.id, tags=["frozen"], note="")
    assert again.id == saved.id and [(t.id, t.tags, t.note) for t in cli.list()] == [(saved.id, ("frozen",), "")]
    app.close()
    cli.close()


def test_a_passage_this_copy_never_read_is_still_an_error(tmp_path: Path) -> None:
    app, cli = _stores(tmp_path)
    start = TEXT.index("the talks")
    tag = cli.add("story", TEXT, start, start + 9, ["x"])
    cli.remove(tag.id)
    with pytest.raises(KeyError):
        app.update(tag.id, tags=["y"])
    assert cli.list() == []
    app.close()
    cli.close()
