"""Tags belong to their article's file: they never move to another outlet's article (#19, item 2).

Ids were file stems with ``-2``, ``-3`` in discovery order, so a rebuild after a file was
added or removed renumbered them and a tag made on CNN's ``story-2`` showed on the BBC's.
A tag is anchored to the file (its path, and its path relative to the corpus folder), with
the content hash and the quote selector as checks: it re-anchors within that file or is an
orphan, whatever the article ids are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.library import Library

BBC = (
    "Ceasefire talks stall\n\nThe envoy said on Monday that the talks had stalled over the border. "
    "Officials in the capital described the mood as grim, and aid groups warned of a hard winter.\n"
)
CNN = (
    "Talks stall as winter nears\n\nA senior diplomat told reporters the negotiations were frozen. "
    "“We are nowhere near a deal,” the diplomat said, adding that both sides had hardened their positions.\n"
)
AP = "Envoy: talks stalled\n\nThe talks stalled, the envoy said. Aid groups warned of shortages.\n"
PASSAGE = "“We are nowhere near a deal,” the diplomat said"


def _lib(corpus: Path) -> Library:
    return Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)


def _write(corpus: Path, rel: str, text: str) -> None:
    path = corpus / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _by_file(lib: Library) -> dict[str, str]:
    """relative file -> current article id"""
    root = str(lib.corpus[0])
    return {info.path[len(root) + 1 :]: info.id for info in lib.articles()}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    _write(root, "bbc/story.txt", BBC)
    _write(root, "cnn/story.txt", CNN)
    return root


def _tag_cnn(corpus: Path) -> int:
    lib = _lib(corpus)
    lib.update()
    cnn = _by_file(lib)["cnn/story.txt"]
    text = lib.article(cnn).text
    start = text.index(PASSAGE)
    tag = lib.add_tag(cnn, start, start + len(PASSAGE), ["deadlock"])
    lib.close()
    return tag.id


def _where(corpus: Path, tag_id: int, rebuild: bool = True) -> tuple[str | None, str, str]:
    """(relative file the tag is shown on or None, status, the words it covers there)"""
    lib = _lib(corpus)
    lib.update(rebuild=rebuild)
    files = {v: k for k, v in _by_file(lib).items()}
    (tag,) = [t for t in lib.resolved_tags() if t.id == tag_id]
    words = ""
    if tag.status != "orphan":
        words = lib.article(tag.article).text[tag.start : tag.end]
    lib.close()
    return (files.get(tag.article) if tag.status != "orphan" else None), tag.status, words


def test_adding_a_file_and_rebuilding_keeps_the_tag_on_its_own_file(corpus: Path) -> None:
    tag_id = _tag_cnn(corpus)
    _write(corpus, "ap/story.txt", AP)  # sorts first: every 'story' id shifts on a rebuild
    assert _where(corpus, tag_id) == ("cnn/story.txt", "anchored", PASSAGE)


def test_the_reader_and_tag_search_follow_the_file_not_the_id(corpus: Path) -> None:
    tag_id = _tag_cnn(corpus)
    _write(corpus, "ap/story.txt", AP)
    lib = _lib(corpus)
    lib.update(rebuild=True)
    ids = _by_file(lib)
    assert [t.id for t in lib.resolved_tags(article=ids["cnn/story.txt"])] == [tag_id]
    assert lib.resolved_tags(article=ids["bbc/story.txt"]) == []
    assert {h.article for h in lib.search("tag:deadlock").hits} == {ids["cnn/story.txt"]}
    lib.close()


def test_deleting_the_other_file_and_editing_this_one(corpus: Path) -> None:
    tag_id = _tag_cnn(corpus)
    (corpus / "bbc" / "story.txt").unlink()
    _write(corpus, "cnn/story.txt", "Breaking: " + CNN)  # a small edit above the passage
    assert _where(corpus, tag_id) == ("cnn/story.txt", "moved", PASSAGE)


def test_deleting_the_tagged_file_leaves_an_orphan_not_a_neighbour(corpus: Path) -> None:
    tag_id = _tag_cnn(corpus)
    (corpus / "cnn" / "story.txt").unlink()
    _write(corpus, "cnn/story.txt".replace("cnn", "ap"), CNN)  # the same words in another file
    file, status, _ = _where(corpus, tag_id)
    assert (file, status) == (None, "orphan")


def test_a_moved_corpus_folder_keeps_its_tags(corpus: Path, tmp_path: Path) -> None:
    tag_id = _tag_cnn(corpus)
    moved = tmp_path / "archive" / "news"
    moved.parent.mkdir()
    corpus.rename(moved)
    assert _where(moved, tag_id, rebuild=False) == ("cnn/story.txt", "anchored", PASSAGE)


def test_many_deletions_and_edits_never_put_a_tag_on_another_file(tmp_path: Path) -> None:
    """The probe's figure: 100 files deleted and 400 edited left 59 ids on other files."""
    root = tmp_path / "news"
    for outlet in ("bbc", "cnn", "ap"):
        for n in range(12):
            # wire copy: the same words under each outlet's headline
            _write(
                root,
                f"{outlet}/{n:02d}.txt",
                f"{outlet} story {n}\n\nThe minister said item {n} matters, officials confirmed.\n",
            )
    lib = _lib(root)
    lib.update()
    made = {}
    for info in lib.articles():
        text = lib.article(info.id).text
        start = text.index("said item")
        made[lib.add_tag(info.id, start, start + 14, ["x"]).id] = info.path
    lib.close()
    for n in range(0, 12, 3):
        (root / "bbc" / f"{n:02d}.txt").unlink()
    for n in range(0, 12, 2):
        p = root / "cnn" / f"{n:02d}.txt"
        p.write_text("Update\n" + p.read_text())
    _write(root, "aa/00.txt", "aa story 0\n\nThe minister said item 0 matters, officials confirmed.\n")
    lib = _lib(root)
    lib.update(rebuild=True)
    paths = {i.id: i.path for i in lib.articles()}
    misplaced = [t.id for t in lib.resolved_tags() if t.status != "orphan" and paths[t.article] != made[t.id]]
    assert misplaced == []
    assert sum(t.status != "orphan" for t in lib.resolved_tags()) == 36 - 4
    lib.close()


# -- tags made under the old ids (tag store v2) ---------------------------------------------


def _v2_store(path: Path, rows: list[tuple[str, str, int, int, str, str, str, str]]) -> None:
    """A tag file as quotewire wrote it before tags knew their file (schema v2)."""
    import sqlite3

    import index.tags as tags_module

    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    tags_module.MIGRATIONS[1](conn)
    tags_module.MIGRATIONS[2](conn)
    for article, content_hash, start, end, exact, prefix, suffix, name in rows:
        cur = conn.execute(
            "INSERT INTO annotations(article, content_hash, start_pos, end_pos, exact, prefix, suffix, note, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '', '2025-01-01T00:00:00Z')",
            (article, content_hash, start, end, exact, prefix, suffix),
        )
        tags_module._set_tags(conn, cur.lastrowid, (name,))
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


def _old_row(lib: Library, rel: str, old_id: str, words: str, name: str, content_hash: str | None = None) -> tuple:
    """A row as quotewire wrote it under the old ids (file stems with -2 in discovery
    order), for the article read from the file `rel`."""
    art = lib.article(_by_file(lib)[rel])
    start = art.text.index(words)
    end = start + len(words)
    h = art.content_hash if content_hash is None else content_hash
    return (old_id, h, start, end, words, art.text[max(0, start - 32) : start], art.text[end : end + 32], name)


def test_tags_made_under_the_old_ids_migrate_to_their_files(corpus: Path) -> None:
    """The old scheme named bbc/story.txt 'story' and cnn/story.txt 'story-2'; those ids
    are gone (or name other files), so the tags are bound by their texts."""
    import sqlite3

    lib = _lib(corpus)
    lib.update()
    rows = [
        _old_row(lib, "cnn/story.txt", "story-2", PASSAGE, "cnn-by-hash"),
        _old_row(lib, "bbc/story.txt", "story", "talks had stalled", "bbc-by-hash"),
        _old_row(lib, "cnn/story.txt", "story-2", "the negotiations were frozen", "edited-since", content_hash="gone"),
        _old_row(lib, "bbc/story.txt", "story", "aid groups warned", "no-hash", content_hash=""),
    ]
    store_path = lib.tags_path
    lib.close()
    _v2_store(store_path, rows)
    _write(corpus, "ap/story.txt", AP)
    lib = _lib(corpus)
    lib.update(rebuild=True)
    files = {v: k for k, v in _by_file(lib).items()}
    shown = {t.tags[0]: (files.get(t.article), t.status) for t in lib.resolved_tags()}
    assert shown == {
        "cnn-by-hash": ("cnn/story.txt", "anchored"),
        "bbc-by-hash": ("bbc/story.txt", "anchored"),
        # no article has its id, and no article has the text it was made on: never guessed
        "edited-since": (None, "orphan"),
        "no-hash": (None, "orphan"),
    }
    lib.close()
    raw = sqlite3.connect(store_path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 3
        bound = dict(raw.execute("SELECT exact, source FROM annotations").fetchall())
    finally:
        raw.close()
    assert bound == {
        PASSAGE: "cnn/story.txt",
        "talks had stalled": "bbc/story.txt",
        "the negotiations were frozen": "",
        "aid groups warned": "",
    }
    backup = sqlite3.connect(store_path.with_name(store_path.name + ".v2.bak"))
    try:
        assert backup.execute(
            "SELECT COUNT(*), MAX(user_version) FROM annotations, pragma_user_version"
        ).fetchone() == (
            4,
            2,
        )
    finally:
        backup.close()


def test_an_old_tag_under_a_reused_id_is_not_guessed_onto_another_file(tmp_path: Path) -> None:
    """Old 'story-2' was the CNN story; in a flat folder the new id 'story-2' can be
    another file. Its words are not at their offsets there, so the tag stays an orphan."""
    root = tmp_path / "flat"
    _write(root, "story.txt", BBC)
    _write(root, "story-2.txt", AP)  # a file that happens to be called what the old id was
    _write(root, "cnn.txt", "Breaking: " + CNN)  # the CNN story, edited since it was tagged
    lib = _lib(root)
    lib.update()
    art = lib.article("cnn")
    start = art.text.index(PASSAGE) - len("Breaking: ")
    row = ("story-2", "old-hash", start, start + len(PASSAGE), PASSAGE, "", "", "kept")
    store_path = lib.tags_path
    lib.close()
    _v2_store(store_path, [row])
    lib = _lib(root)
    lib.update()
    (tag,) = lib.resolved_tags()
    assert tag.status == "orphan" and lib.article(tag.article) is None
    lib.close()


def test_an_old_tag_without_a_hash_binds_where_its_words_still_sit(tmp_path: Path) -> None:
    """A flat folder keeps its ids from the old scheme to the new ('story' both times)."""
    root = tmp_path / "flat"
    _write(root, "story.txt", CNN)
    lib = _lib(root)
    lib.update()
    assert [a.id for a in lib.articles()] == ["story"]
    row = _old_row(lib, "story.txt", "story", PASSAGE, "kept", content_hash="")
    store_path = lib.tags_path
    lib.close()
    _v2_store(store_path, [row])
    lib = _lib(root)
    lib.update()
    (tag,) = lib.resolved_tags()
    assert (tag.article, tag.status, tag.source) == ("story", "anchored", "story.txt")
    lib.close()


# -- ids that change under the path scheme -----------------------------------------------------


def test_a_sibling_that_takes_the_id_does_not_take_the_tags(tmp_path: Path) -> None:
    """Path ids still move: story.md is 'story' until a story.txt comes beside it (the
    .txt keeps the stem, the page becomes 'story.md')."""
    root = tmp_path / "news"
    _write(root, "story.md", CNN)
    lib = _lib(root)
    lib.update()
    assert [a.id for a in lib.articles()] == ["story"]
    start = lib.article("story").text.index(PASSAGE)
    tag_id = lib.add_tag("story", start, start + len(PASSAGE), ["deadlock"]).id
    lib.close()
    _write(root, "story.txt", BBC)
    lib = _lib(root)
    lib.update()
    by_path = {Path(i.path).name: i.id for i in lib.articles()}
    assert by_path["story.txt"] == "story" and by_path["story.md"] != "story"
    (tag,) = [t for t in lib.resolved_tags() if t.id == tag_id]
    assert (tag.article, tag.status) == (by_path["story.md"], "anchored")
    assert lib.article(tag.article).text[tag.start : tag.end] == PASSAGE
    assert lib.resolved_tags(article="story") == []
    lib.close()


def test_naming_a_second_corpus_folder_renames_every_id_and_keeps_every_tag(corpus: Path, tmp_path: Path) -> None:
    tag_id = _tag_cnn(corpus)
    other = tmp_path / "more"
    _write(other, "cnn/story.txt", "Other desk\n\n" + CNN)  # the same relative path, another folder
    lib = Library.open(corpus=[corpus, other], use_user_config=False, include_seeds=False)
    lib.update()
    (tag,) = [t for t in lib.resolved_tags() if t.id == tag_id]
    info = {i.id: i for i in lib.articles()}[tag.article]
    assert info.path == str((corpus / "cnn" / "story.txt").resolve()) and tag.status == "anchored"
    lib.close()
