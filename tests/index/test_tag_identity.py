"""Which article a tag is shown on (index.tag_identity), with the real tag store and files.

Records of a .json/.jsonl file without an ``id`` are named by their number: a record
added, removed or mended above the tagged one renumbers it, and the tag once followed
the number onto another outlet's record, shown there as anchored.
"""

from __future__ import annotations

import json
from pathlib import Path

from index.library import Library

PASSAGE = "the talks are frozen"


def _record(letter: str, outlet: str, said: str = PASSAGE) -> dict[str, str]:
    title = f"Outlet {letter} story"
    return {"title": title, "outlet": outlet, "text": f'{title}\n\nPeskov said "{said}" on Monday, in Moscow.'}


GAMMA = {"title": "Gamma", "outlet": "Gamma", "text": "Gamma story\n\nSomething else entirely happened today."}


def _write_feed(path: Path, records: list[dict[str, str]], extra_lines: tuple[str, ...] = ()) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{line}\n" for line in extra_lines) + "".join(json.dumps(r) + "\n" for r in records))


def _lib(corpus: Path) -> Library:
    lib = Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)
    lib.update()
    return lib


def _tag_beta(corpus: Path, article: str = "feed#2") -> int:
    """Tag the quotation in Beta's record (the second), as `tags add 'feed#2'` does."""
    lib = _lib(corpus)
    art = lib.article(article)
    assert art is not None and art.outlet == "Beta"
    start = art.text.index(PASSAGE)
    tag_id = lib.add_tag(art.id, start, start + len(PASSAGE), ["beta-only"]).id
    lib.close()
    return tag_id


def _shown(corpus: Path) -> list[tuple[str | None, str, str]]:
    """Each tag as listed: (the outlet of the article it is on, or None, status, words there)."""
    lib = _lib(corpus)
    out = []
    for t in lib.resolved_tags():
        art = lib.article(t.article) if t.status != "orphan" else None
        out.append((art.outlet if art else None, t.status, art.text[t.start : t.end] if art else ""))
    lib.close()
    return out


def test_a_record_inserted_above_does_not_move_the_tag_to_another_outlet(tmp_path: Path) -> None:
    corpus = tmp_path / "j1"
    _write_feed(corpus / "feed.jsonl", [_record("A", "Alpha"), _record("B", "Beta")])
    _tag_beta(corpus)
    _write_feed(corpus / "feed.jsonl", [GAMMA, _record("A", "Alpha"), _record("B", "Beta")])
    assert _shown(corpus) == [("Beta", "anchored", PASSAGE)]
    lib = _lib(corpus)
    assert lib.article("feed#3").outlet == "Beta"  # type: ignore[union-attr]
    assert [h.article for h in lib.search("tag:beta-only").hits] == ["feed#3"]
    assert [t.article for t in lib.resolved_tags(article="feed#2")] == []
    lib.close()


def test_mending_a_broken_record_above_does_not_move_the_tag(tmp_path: Path) -> None:
    """A broken line is skipped and not counted: mended, it shifts every number after it."""
    corpus = tmp_path / "j1"
    feed = corpus / "feed.jsonl"
    _write_feed(feed, [_record("A", "Alpha"), _record("B", "Beta")], extra_lines=('{"title": "cut off',))
    _tag_beta(corpus)
    _write_feed(feed, [GAMMA, _record("A", "Alpha"), _record("B", "Beta")])
    assert _shown(corpus) == [("Beta", "anchored", PASSAGE)]


def test_a_tagged_record_edited_and_renumbered_is_found_by_its_words_in_its_file(tmp_path: Path) -> None:
    """Alpha carries the same quotation at the same offsets; only the context (its
    headline, "Outlet A") tells the records apart, and the tag stays with Beta's."""
    corpus = tmp_path / "j1"
    _write_feed(corpus / "feed.jsonl", [_record("A", "Alpha"), _record("B", "Beta")])
    _tag_beta(corpus)
    edited = _record("B", "Beta")
    edited["text"] += " More to follow."  # its hash changes, the passage and its context do not
    _write_feed(corpus / "feed.jsonl", [GAMMA, _record("A", "Alpha"), edited])
    assert _shown(corpus) == [("Beta", "anchored", PASSAGE)]


def test_a_passage_copied_word_for_word_in_two_records_is_not_guessed(tmp_path: Path) -> None:
    """Wire copy: both records hold the passage with all its context. With Beta's record
    edited and renumbered nothing tells which it is, so the tag is an orphan."""
    corpus = tmp_path / "j1"
    wire = 'In Moscow on Monday, the Kremlin spokesman Dmitry Peskov said "the talks are frozen" and left.'
    alpha, beta = _record("A", "Alpha"), _record("B", "Beta")
    alpha["text"], beta["text"] = f"Outlet A story\n\n{wire}", f"Outlet B story\n\n{wire}"
    _write_feed(corpus / "feed.jsonl", [alpha, beta])
    _tag_beta(corpus)
    edited = dict(beta, text=beta["text"] + " More to follow.")
    _write_feed(corpus / "feed.jsonl", [GAMMA, alpha, edited])
    assert _shown(corpus) == [(None, "orphan", "")]


def test_the_record_at_its_number_edited_elsewhere_keeps_its_tag(tmp_path: Path) -> None:
    corpus = tmp_path / "j1"
    _write_feed(corpus / "feed.jsonl", [_record("A", "Alpha"), _record("B", "Beta")])
    _tag_beta(corpus)
    edited = _record("B", "Beta")
    edited["text"] += " More to follow."
    _write_feed(corpus / "feed.jsonl", [_record("A", "Alpha"), edited])
    assert _shown(corpus) == [("Beta", "anchored", PASSAGE)]


def test_a_deleted_record_leaves_an_orphan_not_the_record_that_takes_its_number(tmp_path: Path) -> None:
    corpus = tmp_path / "j1"
    _write_feed(corpus / "feed.jsonl", [_record("A", "Alpha"), _record("B", "Beta"), _record("C", "Gamma", "x")])
    _tag_beta(corpus)
    _write_feed(corpus / "feed.jsonl", [_record("A", "Alpha"), _record("C", "Gamma", "x")])
    assert _shown(corpus) == [(None, "orphan", "")]
