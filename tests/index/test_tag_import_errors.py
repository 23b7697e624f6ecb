"""A tag import that cannot be read whole is refused whole: one line naming the file,
the line and what is wrong, exit status 2, and nothing of it stored (README: "an import
is all or nothing"). Entries used to be skipped quietly, so `[1,2]` "imported 0"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.tag_export import import_tags, parse_tags
from index.tags import TagStore
from tests.reliability.test_tag_cli import corpus, qw  # (the CLI tests' story, whose first word is "Envoy")

__all__ = ["corpus"]  # a fixture: pytest finds it here by name

GOOD = {"article": "story", "start": 0, "end": 5, "exact": "Envoy", "tags": ["q"]}


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("[1,2]\n", 1, "found 1"),
        ('{"bad": 1}\n', 1, "'target'"),
        ('{"article":"a","start":1,"end":5,"tags":["q"]}\n', 1, "'exact'"),
        (json.dumps(GOOD) + "\n\n" + json.dumps({**GOOD, "exact": ""}) + "\n", 3, "'exact'"),
        (json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "article": 7}) + "\n", 2, "'article'"),
        (json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "tags": [], "note": ""}) + "\n", 2, "no tag name"),
        (json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "tags": ["a;b"]}) + "\n", 2, "no tag name"),
    ],
    ids=[
        "list-of-numbers",
        "object-of-neither-format",
        "no-exact",
        "empty-exact",
        "article-not-text",
        "no-name",
        "bad-name",
    ],
)
def test_a_malformed_jsonl_import_names_file_line_and_problem_and_stores_nothing(
    corpus: Path, tmp_path: Path, content: str, line: int, problem: str
) -> None:
    bad = tmp_path / "p.jsonl"
    bad.write_text(content, encoding="utf-8")
    r = qw("tags", "import", str(bad), corpus=corpus)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "imported" not in r.stdout
    (message,) = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert message.startswith(f"quotewire: {bad}: line {line}: "), message
    assert problem in message, message
    assert json.loads(qw("tags", "list", "--json", corpus=corpus).stdout) == []  # not even the good first line


def test_a_bad_annotation_in_a_w3c_collection_names_its_line(tmp_path: Path) -> None:
    """Line numbers come from where the annotation starts in the pretty-printed file."""
    good = {
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "q"}],
        "target": {"source": "quotewire:article/story", "selector": [{"type": "TextQuoteSelector", "exact": "Envoy"}]},
    }
    page_note = {**good, "target": {"source": "quotewire:article/story"}}  # no words to anchor to
    doc = {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [good, page_note]}}
    text = "\n" + json.dumps(doc, indent=2)
    items = [n for n, line in enumerate(text.splitlines(), start=1) if line == "      {"]  # indent 6: items
    assert len(items) == 2
    expected = items[1]
    with pytest.raises(ValueError, match=rf"^line {expected}: annotation 2: .*TextQuoteSelector"):
        parse_tags(text)
    with TagStore(tmp_path / "t.sqlite3") as store:
        with pytest.raises(ValueError):
            import_tags(store, text)
        assert store.list() == []
        assert import_tags(store, json.dumps(doc["first"]["items"][:1])) == 1  # the good one alone is fine


def test_blank_lines_before_the_records_do_not_shift_the_line_number() -> None:
    with pytest.raises(ValueError, match=r"^line 3: "):
        parse_tags("\n\n" + json.dumps({**GOOD, "exact": None}) + "\n")


def test_a_name_the_store_refuses_is_still_dropped_when_another_is_usable() -> None:
    """Kept as before: one odd name does not cost the passage its other names."""
    (tag,) = parse_tags(json.dumps({**GOOD, "tags": ["a;b", "ok"]}))
    assert tag.tags == ("ok",)
