"""The tag store (index.tags): user data that must never be lost or corrupted."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import index.tags as tags_module
from index.tags import SCHEMA_VERSION, Tag, TagStore, TagStoreError, normalize_tag

TEXT = (
    "The minister said the talks would resume on Monday. Critics said the plan would cost "
    "jobs, and the opposition promised to vote against it when parliament returns."
)
WRITER = Path(__file__).with_name("tag_writer.py")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "quotewire" / "tags.sqlite3"


@pytest.fixture
def store(db: Path):
    with TagStore(db) as s:
        yield s


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _add(store: TagStore, words: str, tags: list[str], article: str = "a1", note: str = "") -> Tag:
    return store.add(article, TEXT, *_span(words), tags, note=note)


# -- basics ----------------------------------------------------------------------------------


def test_add_creates_the_file_and_stores_the_selector(store: TagStore, db: Path) -> None:
    tag = store.add("a1", TEXT, *_span("the talks would resume"), ["Talks"], note="key line", content_hash="h1")
    assert db.exists()
    assert tag.id > 0 and tag.status == "anchored"
    assert (tag.exact, tag.tags, tag.note, tag.content_hash) == ("the talks would resume", ("talks",), "key line", "h1")
    assert TEXT.endswith(tag.prefix, 0, tag.start) and TEXT.startswith(tag.suffix, tag.end)
    assert tag.created.endswith("Z") and store.get(tag.id) == tag


def test_an_added_tag_is_committed_before_add_returns(store: TagStore, db: Path) -> None:
    tag = _add(store, "Critics said", ["reaction"])
    raw = sqlite3.connect(db)  # a plain, separate connection
    try:
        assert raw.execute("SELECT exact FROM annotations WHERE id = ?", (tag.id,)).fetchone() == ("Critics said",)
    finally:
        raw.close()


def test_file_uses_wal_full_sync_and_current_schema(store: TagStore, db: Path) -> None:
    _add(store, "Critics", ["x"])
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        raw.close()
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


@pytest.mark.parametrize(
    "raw,expected",
    [(" Economy ", "economy"), ("#Big  Deal", "big-deal"), ("CLIMATE\tpolicy\n", "climate-policy"), ("été", "été")],
)
def test_tag_names_are_normalised(raw: str, expected: str) -> None:
    assert normalize_tag(raw) == expected


@pytest.mark.parametrize("bad", ["", "   ", "#", "a,b", "a;b", "bell\x07"])
def test_unusable_tag_names_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        normalize_tag(bad)


def test_add_normalises_and_deduplicates_names_keeping_order(store: TagStore) -> None:
    tag = _add(store, "the opposition", ["Vote", "#opposition", "vote", " VOTE "])
    assert tag.tags == ("vote", "opposition")
    assert store.get(tag.id).tags == ("vote", "opposition")


def test_add_refuses_nothing_to_store(store: TagStore) -> None:
    with pytest.raises(ValueError):
        _add(store, "Critics", [])  # no tag and no note
    with pytest.raises(ValueError):
        store.add("a1", TEXT, 5, 5, ["empty-range"])
    with pytest.raises(ValueError):
        _add(store, "Critics", ["  "])
    with pytest.raises(TypeError):
        store.add("a1", TEXT, 0, 3, "economy")  # type: ignore[arg-type]  # one string, not names
    assert store.list() == []
    assert _add(store, "Critics", [], note="a note alone is fine").tags == ()


def test_list_filters_by_tag_and_article(store: TagStore) -> None:
    a = _add(store, "The minister", ["politics", "people"])
    b = _add(store, "Critics said", ["politics"], article="a2")
    c = _add(store, "cost jobs", ["economy"])
    assert store.list() == [a, b, c]
    assert store.list(tag="Politics") == [a, b]
    assert store.list(tag="politics", article="a1") == [a]
    assert store.list(article="a1") == [a, c]
    assert store.list(tag="nothing") == []


def test_listing_by_tag_uses_an_index(store: TagStore, db: Path) -> None:
    _add(store, "Critics", ["x"])
    raw = sqlite3.connect(db)
    try:
        plan = raw.execute(
            "EXPLAIN QUERY PLAN SELECT t.annotation_id FROM annotation_tags t "
            "JOIN tag_names n ON n.id = t.tag_id WHERE n.name = ?",
            ("x",),
        ).fetchall()
    finally:
        raw.close()
    details = " ".join(str(row[-1]) for row in plan)
    assert "SCAN" not in details and "SEARCH" in details, details


def test_counts_and_names(store: TagStore) -> None:
    _add(store, "The minister", ["politics", "people"])
    _add(store, "Critics said", ["politics"])
    assert store.counts() == {"people": 1, "politics": 2}
    assert store.names() == ["people", "politics"]


# -- update, remove, restore -------------------------------------------------------------


def test_update_tags_and_note(store: TagStore) -> None:
    tag = _add(store, "cost jobs", ["economy"], note="old")
    updated = store.update(tag.id, tags=["Jobs", "economy"])
    assert (updated.tags, updated.note) == (("jobs", "economy"), "old")
    updated = store.update(tag.id, note="new note")
    assert (updated.tags, updated.note) == (("jobs", "economy"), "new note")
    assert store.get(tag.id) == updated
    assert store.names() == ["economy", "jobs"]
    store.update(tag.id, tags=["labour"])
    assert store.names() == ["labour"]  # unused names disappear from completion


def test_update_that_would_leave_nothing_is_refused_and_changes_nothing(store: TagStore) -> None:
    tag = _add(store, "cost jobs", ["economy"])
    with pytest.raises(ValueError):
        store.update(tag.id, tags=[])
    assert store.get(tag.id) == tag
    with pytest.raises(KeyError):
        store.update(tag.id + 100, note="x")


def test_remove_then_restore_brings_back_the_same_passage_and_id(store: TagStore) -> None:
    keep = _add(store, "The minister", ["politics"])
    gone = _add(store, "Critics said", ["reaction", "politics"], note="n")
    removed = store.remove(gone.id)
    assert removed == gone
    assert store.get(gone.id) is None and store.list() == [keep]
    assert store.counts() == {"politics": 1}
    later = _add(store, "cost jobs", ["economy"])
    assert later.id > gone.id  # ids are never reused, so undo can keep the id
    assert store.restore(removed) == gone
    assert store.get(gone.id) == gone
    assert store.restore(removed) == gone  # undoing twice does not duplicate
    assert [t.id for t in store.list()] == [keep.id, gone.id, later.id]
    with pytest.raises(KeyError):
        store.remove(999)


def test_a_failed_change_leaves_no_trace(store: TagStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """One transaction per change: the passage row is rolled back with its tags."""
    _add(store, "The minister", ["politics"])

    def broken(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(tags_module, "_set_tags", broken)
    with pytest.raises(RuntimeError):
        _add(store, "Critics said", ["reaction"])
    monkeypatch.undo()
    assert [t.exact for t in store.list()] == ["The minister"]
    assert _add(store, "cost jobs", ["economy"]).exact == "cost jobs"  # the store still works


# -- resolving ---------------------------------------------------------------------------


def test_resolve_reports_anchored_moved_and_orphan(store: TagStore) -> None:
    same = _add(store, "The minister said", ["a"])
    moved = _add(store, "the opposition promised to vote", ["b"])
    lost = _add(store, "cost jobs", ["c"])
    elsewhere = _add(store, "Critics", ["d"], article="deleted-article")
    twin = _add(store, "the opposition promised to vote", ["e"])  # same passage, other tag
    new_text = TEXT.replace("the plan would cost jobs, and ", "the plan was costly. Meanwhile ")
    resolved = store.resolve(store.list(), {"a1": new_text})
    by_id = {t.id: t for t in resolved}
    assert by_id[same.id] == same
    assert by_id[moved.id].status == "moved"
    assert new_text[by_id[moved.id].start : by_id[moved.id].end] == "the opposition promised to vote"
    assert by_id[moved.id].exact == "the opposition promised to vote"
    assert (by_id[lost.id].status, by_id[lost.id].start, by_id[lost.id].end) == ("orphan", -1, -1)
    assert by_id[lost.id].exact == "cost jobs"  # kept so it can still be shown
    assert by_id[elsewhere.id].status == "orphan"
    assert (by_id[twin.id].start, by_id[twin.id].status, by_id[twin.id].tags) == (
        by_id[moved.id].start,
        "moved",
        ("e",),
    )
    assert [t.id for t in resolved] == [same.id, moved.id, lost.id, elsewhere.id, twin.id]
    assert store.list() == [same, moved, lost, elsewhere, twin]  # the stored rows are untouched


# -- migrations --------------------------------------------------------------------------


def _make_v1_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    tags_module.MIGRATIONS[1](conn)
    rows = [
        (
            "a1",
            "h",
            4,
            12,
            "minister",
            "The ",
            " said",
            json.dumps(["Politics", "Big Deal", "politics"]),
            "",
            "2025-01-01T00:00:00Z",
        ),
        ("a2", "", 0, 7, "Critics", "", " said", json.dumps([]), "note only", "2025-01-02T00:00:00Z"),
        ("a1", "", 20, 25, "talks", "the ", " would", json.dumps(["", "Talks"]), "", "2025-01-03T00:00:00Z"),
    ]
    conn.executemany(
        "INSERT INTO annotations(article, content_hash, start_pos, end_pos, exact, prefix, suffix, tags, note, created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_a_v1_file_is_migrated_without_losing_anything(db: Path) -> None:
    _make_v1_file(db)
    with TagStore(db) as store:
        tags = store.list()
        assert [(t.article, t.exact, t.tags, t.note) for t in tags] == [
            ("a1", "minister", ("politics", "big-deal"), ""),
            ("a2", "Critics", (), "note only"),
            ("a1", "talks", ("talks",), ""),
        ]
        assert tags[0].content_hash == "h" and tags[0].created == "2025-01-01T00:00:00Z"
        assert [t.exact for t in store.list(tag="politics")] == ["minister"]
        assert store.add("a3", TEXT, 0, 3, ["new"]).id == 4
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        raw.close()
    backup = sqlite3.connect(db.with_name(db.name + ".v1.bak"))
    try:
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
        assert backup.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == 3
    finally:
        backup.close()


def test_a_file_from_a_newer_version_is_refused_and_left_alone(db: Path) -> None:
    with TagStore(db) as store:
        _add(store, "Critics", ["x"])
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(TagStoreError, match="newer"):
        TagStore(db)
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 99
        assert raw.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == 1
    finally:
        raw.close()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(db: Path) -> None:
    db.parent.mkdir(parents=True)
    junk = b"these are my notes, not a database\n" * 200
    db.write_bytes(junk)
    with pytest.raises(TagStoreError, match=str(db.name)):
        TagStore(db)
    assert db.read_bytes() == junk


# -- sharing between connections, threads and processes ------------------------------


def test_two_stores_see_each_others_changes(db: Path) -> None:
    with TagStore(db) as one, TagStore(db) as two:
        a = _add(one, "The minister", ["politics"])
        assert two.get(a.id) == a
        b = _add(two, "Critics said", ["reaction"])
        assert one.list() == [a, b]
        two.update(a.id, note="edited in two")
        assert one.get(a.id).note == "edited in two"
        one.remove(b.id)
        assert two.list() == [one.get(a.id)]
        assert two.counts() == {"politics": 1}


def test_threads_sharing_one_store(store: TagStore) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                _add(store, "Critics said", [f"t{n}"], note=str(i))
                store.list(tag=f"t{n}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.counts() == {"t0": 20, "t1": 20, "t2": 20, "t3": 20}


def _writer(db: Path, count: int, label: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), str(count), label],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _integrity(db: Path) -> str:
    raw = sqlite3.connect(db)
    try:
        return raw.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        raw.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_kill_9_mid_burst_loses_no_acknowledged_tag(db: Path) -> None:
    proc = _writer(db, 1_000_000, "burst")
    acknowledged: list[int] = []
    assert proc.stdout is not None
    try:
        while len(acknowledged) < 150:
            line = proc.stdout.readline()
            assert line, f"writer died early: {proc.stderr.read() if proc.stderr else ''}"
            acknowledged.append(int(line))
    finally:
        os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    acknowledged += [int(line) for line in rest.splitlines(keepends=True) if line.endswith("\n")]
    assert proc.returncode == -signal.SIGKILL
    assert _integrity(db) == "ok"
    with TagStore(db) as store:
        stored = {t.id for t in store.list()}
    missing = set(acknowledged) - stored
    assert not missing, f"{len(missing)} acknowledged tags lost"


def test_two_processes_writing_at_once_never_corrupt(db: Path) -> None:
    TagStore(db).close()  # create the file first, as the app would
    procs = {label: _writer(db, 80, label) for label in ("left", "right")}
    printed: dict[str, list[int]] = {}
    for label, proc in procs.items():
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        printed[label] = [int(line) for line in out.split()]
    assert _integrity(db) == "ok"
    with TagStore(db) as store:
        assert store.counts()["left"] == store.counts()["right"] == 80
        stored = {t.id for t in store.list()}
    all_ids = printed["left"] + printed["right"]
    assert len(set(all_ids)) == 160 and set(all_ids) == stored


def test_two_processes_creating_the_same_new_file(db: Path) -> None:
    """Both run the migrations' race: exactly one creates the schema, both then write."""
    procs = [_writer(db, 20, label) for label in ("one", "two")]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    with TagStore(db) as store:
        assert store.counts()["one"] == store.counts()["two"] == 20
    assert _integrity(db) == "ok"
