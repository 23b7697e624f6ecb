"""The tag file deleted, moved away or replaced while a store has it open.

SQLite writes to the file it opened, whatever became of its name: a tag saved after
``tags.sqlite3`` was deleted or replaced went into a file nobody would open again, and
was said to be saved. Worse, the -wal left beside the path was applied to whatever was put
there: a store copied back from a backup showed, and soon held, the previous file's pages.
Now each change (and each read) first checks that the path still names the file opened;
another tag store there is used instead (a new one is made when nothing is), the tags of
the previous file it lacks are copied into ``backups/rescued-*.sqlite3`` and the user is
told; a folder or a file that is not a tag store is left as it is and the change refused.

Real files in a temporary folder, and a second copy of quotewire in another process.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from index.models import Tag
from index.tags import TagStore, TagStoreError, TagStoreGone
from tests.index.tag_writer import TEXT

ROOT = Path(__file__).resolve().parents[2]

# A second copy of quotewire: opens the store, then on each line of stdin "add NAME"
# (prints the id, or "refused" and the reason) or "list" (prints the names, as JSON).
OTHER_COPY = """
import json, sys
sys.path.insert(0, sys.argv[2])
from index.tags import TagStore, TagStoreError
from tests.index.tag_writer import TEXT
store = TagStore(sys.argv[1], backups=False)
print("ready", flush=True)
for line in sys.stdin:
    verb, _, name = line.strip().partition(" ")
    if verb == "add":
        try:
            print(store.add("a2", TEXT, 10, 40, [name]).id, flush=True)
        except TagStoreError as exc:
            print("refused", exc, flush=True)
    elif verb == "list":
        print(json.dumps([t.tags[0] for t in store.list()]), flush=True)
store.close()
"""


@pytest.fixture
def db() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "quotewire" / "tags.sqlite3"


def _add(store: TagStore, name: str, start: int = 0) -> Tag:
    return store.add("a1", TEXT, start, start + 20, [name])


def _names(path: Path) -> list[str]:
    """The tag names a store opened afresh on ``path`` holds, oldest first (its file sound)."""
    with TagStore(path, backups=False) as fresh:
        assert fresh.integrity_check() == "ok"
        return [t.tags[0] for t in fresh.list()]


def _other_store(path: Path, *names: str) -> Path:
    """Another tag store (another machine's, a backup) with ``names``, closed, at ``path``."""
    with TagStore(path, backups=False) as other:
        for i, name in enumerate(names):
            _add(other, name, 30 + i)
    return path


def _rescued(db: Path) -> list[Path]:
    return sorted((db.parent / "backups").glob("rescued-*.sqlite3"))


@pytest.mark.parametrize("left", ["the -wal and -shm left beside it", "with its -wal and -shm"])
def test_a_tag_saved_after_the_file_was_deleted_is_in_the_new_file_and_the_user_is_told(db: Path, left: str) -> None:
    with TagStore(db, backups=False) as store:
        _add(store, "before")
        db.unlink()
        if left.startswith("with"):
            Path(f"{db}-wal").unlink()
            Path(f"{db}-shm").unlink()

        _add(store, "after")
        assert [t.tags[0] for t in store.list()] == ["after"]
        (notice,) = store.take_notices()

    assert _names(db) == ["after"]  # exactly what was said to be saved since
    (rescued,) = _rescued(db)
    assert "disappeared while quotewire was running" in notice and "new, empty tag store" in notice
    assert f"the 1 tagged passage it held are kept in {rescued}" in notice
    assert _names(rescued) == ["before"]  # what the deleted file held is not lost either


def test_a_tag_saved_after_the_file_was_replaced_by_another_store_goes_into_that_store(
    db: Path, tmp_path: Path
) -> None:
    with TagStore(db, backups=False) as store:
        _add(store, "mine")
        os.replace(_other_store(tmp_path / "other.sqlite3", "theirs"), db)  # a sync tool, a restore

        assert [t.tags[0] for t in store.list()] == ["theirs"]  # a read shows the file there now
        _add(store, "after")
        (notice,) = store.take_notices()

    assert _names(db) == ["theirs", "after"]  # the previous file's -wal was not applied to it
    (rescued,) = _rescued(db)
    assert "was replaced by another tag store" in notice and str(rescued) in notice
    assert _names(rescued) == ["mine"]


def test_a_store_replaced_by_a_copy_holding_every_tag_keeps_no_copy_aside(db: Path, tmp_path: Path) -> None:
    """A sync tool putting back the same tags: the new file is used, nothing is copied aside."""
    with TagStore(db, backups=False) as store:
        _add(store, "mine")
        copy = tmp_path / "copy.sqlite3"
        with sqlite3.connect(copy) as dest:
            store._conn.backup(dest)
        dest.close()
        os.replace(copy, db)

        _add(store, "after")
    assert _names(db) == ["mine", "after"]
    (notice,) = store.take_notices()
    assert "which holds every tagged passage the previous one did" in notice
    assert _rescued(db) == []


@pytest.mark.parametrize("kind", ["a folder", "a text file", "another program's SQLite database"])
def test_what_cannot_be_a_store_in_place_of_the_file_refuses_the_change_and_is_left_as_it_is(
    db: Path, kind: str
) -> None:
    with TagStore(db, backups=False) as store:
        _add(store, "before")
        db.unlink()
        if kind == "a folder":
            db.mkdir()
            (db / "keep.txt").write_text("mine")
        elif kind == "a text file":
            db.write_bytes(b"my notes, not a database\n" * 50)
        else:
            with sqlite3.connect(db) as other:
                other.execute("CREATE TABLE notes (body TEXT)")
                other.execute("INSERT INTO notes VALUES ('mine')")
            other.close()
        there = _contents(db)

        with pytest.raises(TagStoreGone) as refused:
            _add(store, "after")
        assert str(db) in str(refused.value) and "the change was not saved" in str(refused.value)
        with pytest.raises(TagStoreGone):
            _add(store, "again")
        assert store.path_problem is not None and str(db) in store.path_problem
        assert [t.tags[0] for t in store.list()] == ["before"]  # what it held is still shown

    assert _contents(db) == there  # never written to, nor anything beside it made for it
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    with pytest.raises(TagStoreError):
        TagStore(db, backups=False)  # nothing was said to be saved, and nothing is there
    assert _contents(db) == there
    (rescued,) = _rescued(db)
    assert _names(rescued) == ["before"]


def _contents(path: Path) -> object:
    if path.is_dir():
        return sorted((p.name, p.read_bytes()) for p in path.iterdir())
    return path.read_bytes()


def test_once_the_folder_is_moved_away_a_new_store_is_made_and_the_tag_saved(db: Path, tmp_path: Path) -> None:
    with TagStore(db, backups=False) as store:
        _add(store, "before")
        db.unlink()
        db.mkdir()
        with pytest.raises(TagStoreGone):
            _add(store, "refused")
        db.rename(tmp_path / "moved-away")

        _add(store, "after")
        notices = store.take_notices()
        assert store.path_problem is None

    assert _names(db) == ["after"]
    assert any("disappeared" in n for n in notices)
    assert [_names(r) for r in _rescued(db)] == [["before"]]


def test_a_change_under_way_when_the_file_is_replaced_is_refused_not_lost(db: Path, tmp_path: Path) -> None:
    other = _other_store(tmp_path / "other.sqlite3", "theirs")
    with TagStore(db, backups=False) as store:
        _add(store, "mine")
        draft = _add(store, "draft")
        store.remove(draft.id)

        def replace_meanwhile(drafts: list[Tag], stored: list[Tag]) -> list[Tag]:
            os.replace(other, db)  # inside the write transaction, before it commits
            return drafts

        with pytest.raises(TagStoreGone, match="while a change was being saved"):
            store.add_many([draft], keep=replace_meanwhile)
        assert _names(db) == ["theirs"]

        _add(store, "retried")  # the next change goes into the file now there
    assert _names(db) == ["theirs", "retried"]
    assert [_names(r) for r in _rescued(db)] == [["mine"]]


def test_an_edit_after_the_file_was_replaced_never_changes_another_passage(db: Path, tmp_path: Path) -> None:
    with TagStore(db, backups=False) as store:
        mine = _add(store, "mine")
        store.list()  # on screen, with its id
        os.replace(_other_store(tmp_path / "other.sqlite3", "theirs"), db)  # its passage has the same id
        with TagStore(db, backups=False) as peek:
            assert [t.id for t in peek.list()] == [mine.id]

        edited = store.update(mine.id, tags=["edited"])
        assert (edited.start, edited.end, edited.exact) == (mine.start, mine.end, mine.exact)
        with pytest.raises(KeyError):
            store.remove(mine.id)  # not in this file: never the other passage with that id

    with TagStore(db, backups=False) as fresh:
        got = {t.tags[0]: (t.start, t.exact) for t in fresh.list()}
    assert got == {"theirs": (30, TEXT[30:50]), "edited": (mine.start, mine.exact)}


def test_closing_a_store_whose_file_was_replaced_leaves_the_new_file_as_it_is(db: Path, tmp_path: Path) -> None:
    """No read, no change after the replacement: the -wal of the file opened before still
    sits beside the path; it must not be applied to the new file at the next start."""
    store = TagStore(db, backups=False)
    _add(store, "mine")
    os.replace(_other_store(tmp_path / "other.sqlite3", "theirs"), db)
    store.close()

    assert _names(db) == ["theirs"]
    assert [_names(r) for r in _rescued(db)] == [["mine"]]


class OtherCopy:
    """Another copy of quotewire, in its own process, with the store at ``db`` open."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", OTHER_COPY, str(db), str(ROOT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.read() == "ready"

    def read(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def ask(self, line: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.read()

    def quit(self) -> None:
        _, err = self.proc.communicate(timeout=60)
        assert self.proc.returncode == 0, err


def test_two_copies_that_had_the_file_open_both_save_into_the_store_that_replaced_it(db: Path, tmp_path: Path) -> None:
    with TagStore(db, backups=False) as store:
        _add(store, "mine")
        other = OtherCopy(db)
        try:
            assert other.ask("add theirs-before").isdigit()
            os.replace(_other_store(tmp_path / "restored.sqlite3", "restored"), db)

            told = []
            assert other.ask("add other-1").isdigit()  # the other copy notices first
            told.append("other-1")
            _add(store, "this-1")
            told.append("this-1")
            assert other.ask("add other-2").isdigit()
            told.append("other-2")
            _add(store, "this-2", 5)
            told.append("this-2")
            assert json.loads(other.ask("list")) == ["restored", *told]
        finally:
            other.quit()
        assert [t.tags[0] for t in store.list()] == ["restored", *told]

    assert _names(db) == ["restored", *told]  # every acknowledged tag, in the file at the path
    rescued = {name for r in _rescued(db) for name in _names(r)}
    assert rescued == {"mine", "theirs-before"}  # what the previous file held, kept aside


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="the locks are read from /proc/locks (Linux)")
def test_a_store_opened_while_another_copy_has_the_replaced_file_open_reads_the_new_file(
    db: Path, tmp_path: Path
) -> None:
    """`quotewire tags list` run to check a restored backup while the app still runs: the
    app's -wal was applied to the backup, which then showed, and soon held, the old tags."""
    other = OtherCopy(db)
    try:
        assert other.ask("add before").isdigit()
        os.replace(_other_store(tmp_path / "restored.sqlite3", "restored"), db)
        assert _names(db) == ["restored"]
        assert other.ask("add after").isdigit()  # the running copy takes the new file
    finally:
        other.quit()
    assert _names(db) == ["restored", "after"]
    assert [_names(r) for r in _rescued(db)] == [["before"]]
