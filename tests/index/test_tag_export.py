"""Exporting and importing tagged passages (index.tag_export)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

from index.tag_export import FIELDS, export_tags, import_tags, parse_tags
from index.tags import Tag, TagStore

TEXT = (
    "The minister said the talks would resume on Monday.\n\n"
    '"This plan will cost jobs," a union leader said, "and we will fight it."\n'
    "The opposition promised to vote against it."
)


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


@pytest.fixture
def store(tmp_path: Path):
    with TagStore(tmp_path / "tags.sqlite3") as s:
        s.add("bbc/business 001", TEXT, *_span("the talks would resume"), ["Talks", "politics"], content_hash="abc123")
        s.add(
            "guardian:7",
            TEXT,
            *_span('This plan will cost jobs," a union leader said, "and'),
            ["quote"],
            note="multi-part quote",
        )
        s.add("bbc/business 001", TEXT, *_span("The opposition"), ["politics"])
        s.add("guardian:7", TEXT, *_span("we will fight it"), [], note="no tag, only a note")
        yield s


def _comparable(tags: list[Tag]) -> list[tuple[object, ...]]:
    """Everything but the id, which the importing store assigns."""
    return [
        (t.article, t.start, t.end, t.exact, t.prefix, t.suffix, t.tags, t.note, t.created, t.content_hash)
        for t in tags
    ]


# -- W3C -------------------------------------------------------------------------------------


def test_w3c_export_is_an_annotation_collection(store: TagStore) -> None:
    doc = json.loads(export_tags(store.list(), "w3c"))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 4
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and len(page["items"]) == 4
    ids = [item["id"] for item in page["items"]]
    assert len(set(ids)) == 4 and all(i.startswith("urn:quotewire:tag:") for i in ids)


def test_w3c_annotation_has_tagging_bodies_and_both_selectors(store: TagStore) -> None:
    first, second, _, note_only = json.loads(export_tags(store.list(), "w3c"))["first"]["items"]
    assert first["type"] == "Annotation" and first["motivation"] == "tagging"
    assert first["body"] == [
        {"type": "TextualBody", "purpose": "tagging", "value": "talks"},
        {"type": "TextualBody", "purpose": "tagging", "value": "politics"},
    ]
    assert first["target"]["source"] == "quotewire:article/bbc%2Fbusiness%20001"
    position, quote = first["target"]["selector"]
    start, end = _span("the talks would resume")
    assert position == {"type": "TextPositionSelector", "start": start, "end": end}
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "the talks would resume"
    assert quote["prefix"] == TEXT[start - 18 : start] and quote["suffix"] == TEXT[end : end + 32]
    assert first["created"].endswith("Z")
    # A note makes it a comment, with the note as a commenting body.
    assert second["motivation"] == "commenting"
    assert {
        "type": "TextualBody",
        "purpose": "commenting",
        "value": "multi-part quote",
        "format": "text/plain",
    } in second["body"]
    assert note_only["motivation"] == "commenting" and [b["purpose"] for b in note_only["body"]] == ["commenting"]


@pytest.mark.parametrize("fmt", ["w3c", "jsonl"])
def test_round_trip_and_importing_twice_adds_nothing(store: TagStore, tmp_path: Path, fmt: str) -> None:
    data = export_tags(store.list(), fmt)
    with TagStore(tmp_path / f"other-{fmt}.sqlite3") as other:
        assert import_tags(other, data) == 4
        assert _comparable(other.list()) == _comparable(store.list())
        assert import_tags(other, data) == 0
        assert len(other.list()) == 4
    assert import_tags(store, data) == 0  # back into the store it came from


def test_import_adds_only_what_is_new(store: TagStore, tmp_path: Path) -> None:
    data = export_tags(store.list(), "jsonl")
    with TagStore(tmp_path / "other.sqlite3") as other:
        other.add("guardian:7", TEXT, *_span("union leader"), ["people"])
        import_tags(other, export_tags(store.list()[:1], "w3c"))
        assert import_tags(other, data) == 3
        assert len(other.list()) == 5
        # The same passage with a different set of names is a different tagging.
        retagged = dataclasses.replace(parse_tags(data)[0], tags=("other",))
        retagged_data = export_tags([retagged], "jsonl")
        assert import_tags(other, retagged_data) == 1


def test_duplicates_inside_one_file_are_added_once(store: TagStore, tmp_path: Path) -> None:
    once = export_tags(store.list(), "jsonl")
    with TagStore(tmp_path / "other.sqlite3") as other:
        assert import_tags(other, once + once) == 4


def test_import_reads_annotations_from_other_tools(tmp_path: Path) -> None:
    """A lone Hypothesis-style Annotation: URL source, untyped comment body, tag bodies,
    and only a quote selector (no position): it is kept and found by its quote."""
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/abc",
        "type": "Annotation",
        "motivation": "commenting",
        "body": [
            {"type": "TextualBody", "value": "Check this figure"},
            {"type": "TextualBody", "purpose": "tagging", "value": "Fact Check"},
        ],
        "target": {
            "source": "https://example.org/story",
            "selector": {"type": "TextQuoteSelector", "exact": "cost jobs", "prefix": "will ", "suffix": ","},
        },
    }
    with TagStore(tmp_path / "t.sqlite3") as store:
        assert import_tags(store, json.dumps(annotation)) == 1
        (tag,) = store.list()
        assert (tag.article, tag.exact, tag.tags, tag.note) == (
            "https://example.org/story",
            "cost jobs",
            ("fact-check",),
            "Check this figure",
        )
        (found,) = store.resolve([tag], {tag.article: TEXT})
        assert (found.start, found.end, found.status) == (*_span("cost jobs"), "moved")
        assert import_tags(store, json.dumps([annotation])) == 0


def test_orphans_are_exported_by_quote_only_and_survive_import(store: TagStore, tmp_path: Path) -> None:
    """The CLI may export resolved tags: an orphan (start = end = -1) must not be lost."""
    texts = {"bbc/business 001": TEXT, "guardian:7": "This article was rewritten entirely."}
    resolved = store.resolve(store.list(), texts)
    orphans = [t for t in resolved if t.status == "orphan"]
    assert len(orphans) == 2
    doc = json.loads(export_tags(resolved, "w3c"))
    kinds = [[sel["type"] for sel in item["target"]["selector"]] for item in doc["first"]["items"]]
    assert kinds.count(["TextQuoteSelector"]) == 2
    assert "not found in the current text" in export_tags(resolved, "md")
    for fmt in ("w3c", "jsonl"):
        with TagStore(tmp_path / f"copy-{fmt}.sqlite3") as other:
            assert import_tags(other, export_tags(resolved, fmt)) == 4
            assert {t.exact for t in other.list()} == {t.exact for t in store.list()}
        assert import_tags(store, export_tags(resolved, fmt)) == 0


def test_import_rejects_text_that_is_neither_format(store: TagStore) -> None:
    with pytest.raises(ValueError, match="line 2"):
        import_tags(store, '{"article": "a", "start": 0, "end": 1, "exact": "x", "tags": ["t"]}\nnot json\n')
    assert len(store.list()) == 4  # nothing half-imported
    assert import_tags(store, "") == 0


# -- jsonl, csv, markdown ------------------------------------------------------------------


def test_jsonl_has_one_object_per_passage_with_the_documented_fields(store: TagStore) -> None:
    lines = export_tags(store.list(), "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 4 and all(tuple(r) == FIELDS for r in records)
    assert records[0]["tags"] == ["talks", "politics"] and records[0]["content_hash"] == "abc123"


def test_csv_has_the_same_columns_and_survives_newlines(store: TagStore) -> None:
    rows = list(csv.DictReader(io.StringIO(export_tags(store.list(), "csv"))))
    assert tuple(rows[0]) == FIELDS
    assert [r["tags"] for r in rows] == ["talks;politics", "quote", "politics", ""]
    assert [r["exact"] for r in rows] == [t.exact for t in store.list()]
    assert any("\n" in r["prefix"] or "\n" in r["suffix"] for r in rows)


def test_markdown_groups_passages_by_tag(store: TagStore) -> None:
    md = export_tags(store.list(), "md", titles={"bbc/business 001": "Talks to resume"})
    sections = md.split("\n## ")[1:]
    assert [s.splitlines()[0] for s in sections] == ["(untagged)", "politics", "quote", "talks"]
    assert "Note: no tag, only a note" in sections[0]
    politics = sections[1]
    assert "> the talks would resume" in politics and "> The opposition" in politics
    assert "*Talks to resume* (`bbc/business 001`)" in politics
    quote = sections[2]
    assert "`guardian:7`" in quote and "Note: multi-part quote" in quote


def test_unknown_format_is_an_error(store: TagStore) -> None:
    with pytest.raises(ValueError, match="w3c"):
        export_tags(store.list(), "xml")
