"""The tag file deleted or replaced by a folder while the app runs, in the reader.

A tag saved after ``tags.sqlite3`` was deleted went into the deleted file and the reader
said "(saved)". Now it goes into a new store made at the path, and a warning says that the
file disappeared and where the tags it held were kept; a folder in its place refuses the
change, which the status line says (NOT SAVED) with the words kept.
"""

from __future__ import annotations

import shutil

from index.tags import TagStore
from tests.tui.helpers import tag_words, wait_for
from tests.tui.test_app import SIZE, make_app
from tests.tui.test_features import A002, open_reader_with_tag
from tests.tui.test_tag_save_refused import status_line
from tui.app import QuotewireApp


def _said(app: QuotewireApp) -> list[tuple[str, str, str]]:
    return [(n.title, n.message, n.severity) for n in app._notifications]


async def test_a_tag_saved_after_the_tag_file_was_deleted_is_in_a_new_file_and_the_user_is_told() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        reader = await open_reader_with_tag(pilot, A002, "not suit", "frozen")
        db = app.library.tags_path
        db.unlink()  # a clean-up while quotewire runs (its -wal and -shm stay)

        await tag_words(pilot, "ceasefire in Ukraine", "checked")
        await wait_for(pilot, lambda: any(title == "Tag file changed" for title, _, _ in _said(app)))
        await wait_for(pilot, lambda: [t.tags for t in reader.article_tags] == [("checked",)])
        (warning,) = [(m, s) for title, m, s in _said(app) if title == "Tag file changed"]
        assert warning[1] == "warning"
        assert f"{db} disappeared while quotewire was running" in warning[0]
        rescued = sorted((db.parent / "backups").glob("rescued-*.sqlite3"))
        assert len(rescued) == 1 and str(rescued[0]) in warning[0]
        assert any(m == "Tagged: checked (saved)" for _, m, _ in _said(app))
        assert "NOT SAVED" not in status_line(app)

    with TagStore(db, backups=False) as store:
        assert [t.tags for t in store.list()] == [("checked",)]  # what was said to be saved, there
    with TagStore(rescued[0], backups=False) as kept:
        assert [t.tags for t in kept.list()] == [("frozen",)]


async def test_a_folder_in_place_of_the_tag_file_refuses_the_change_and_says_so() -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_reader_with_tag(pilot, A002, "not suit", "frozen")
        db = app.library.tags_path
        db.unlink()
        db.mkdir()

        await tag_words(pilot, "ceasefire in Ukraine", "checked")
        await wait_for(pilot, lambda: any(title == "Tag change NOT saved" for title, _, _ in _said(app)))
        await wait_for(pilot, lambda: status_line(app).startswith("NOT SAVED: the tag file is a folder now"))
        assert not any("checked" in m and m.endswith("(saved)") for _, m, _ in _said(app))
        assert db.is_dir() and not any(db.iterdir())  # left as it was
        shutil.rmtree(db)
