"""The tag commands under bad luck and bad input: one clear line, nothing lost (#19, item 9)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from index.library import Library
from index.tag_export import import_tags
from index.tags import TagStore

STORY = (
    "Envoy warns of deadlock\n\n"
    "The envoy said on Monday that the talks had stalled. “We are nowhere near a deal,” she said.\n"
    '=HYPERLINK("http://evil.example","click") was pasted into the wire copy by mistake.\n'
)


def qw(*args: str, corpus: Path | None = None) -> subprocess.CompletedProcess[str]:
    extra = ["--corpus", str(corpus)] if corpus else []
    return subprocess.run([sys.executable, "-m", "tui.cli", *args, *extra], capture_output=True, text=True, timeout=120)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    (root / "story.txt").write_text(STORY, encoding="utf-8")
    return root


def _one_line(r: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in r.stderr, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    return lines[0]


def _tag(corpus: Path, words: str, name: str = "deadlock") -> int:
    start = STORY.index(words)
    r = qw(
        "tags", "add", "story", "--start", str(start), "--end", str(start + len(words)), "--tag", name, corpus=corpus
    )
    assert r.returncode == 0, r.stderr
    return int(r.stdout)


# -- malformed imports ----------------------------------------------------------------------

GOOD = {"article": "story", "exact": "talks had stalled", "tags": ["x"]}


@pytest.mark.parametrize(
    "content",
    [
        '{"article": "story", "start": 0, "end": Infinity, "exact": "talks", "tags": ["x"]}\n',
        json.dumps({**GOOD, "start": 10**30, "end": 10**30 + 5}) + "\n",
        json.dumps({**GOOD, "start": -5, "end": 3.5}) + "\n",
        json.dumps(
            {
                "type": "Annotation",
                "body": [{"type": "TextualBody", "purpose": "tagging", "value": "x"}],
                "target": {"source": "quotewire:article/story", "selector": [{"type": ["TextQuoteSelector"]}]},
            }
        ),
        "[" * 5000 + "]" * 5000,
        '{"a": ' * 5000 + "1" + "}" * 5000,
        json.dumps({**GOOD, "tags": [["nested"], {"a": 1}, "ok"], "note": ["a list"], "prefix": 7}) + "\n",
        '{"article": "story", "start": ' + "9" * 5000 + ', "end": 1, "exact": "t", "tags": ["x"]}\n',
    ],
    ids=[
        "infinity",
        "10**30",
        "negative-and-float",
        "list-as-selector-type",
        "5000-deep",
        "5000-deep-objects",
        "lists-as-names",
        "5000-digits",
    ],
)
def test_a_malformed_import_is_one_line_and_changes_nothing_else(corpus: Path, tmp_path: Path, content: str) -> None:
    tag_id = _tag(corpus, "talks had stalled")
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    r = qw("tags", "import", str(bad), corpus=corpus)
    assert r.returncode in (0, 2)
    if r.returncode:
        assert str(bad) in _one_line(r)
    else:
        assert "Traceback" not in r.stderr
    listed = json.loads(qw("tags", "list", "--json", corpus=corpus).stdout)
    assert tag_id in [t["id"] for t in listed]
    assert all(t["start"] < t["end"] <= len(STORY) for t in listed if t["status"] != "orphan")


def test_an_import_that_is_not_utf8_is_one_line(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(b'{"article": "story", "exact": "caf\xe9", "tags": ["x"]}\n')
    r = qw("tags", "import", str(bad), corpus=corpus)
    assert r.returncode == 2 and "UTF-8" in _one_line(r)


# -- two imports of one file at once ---------------------------------------------------------


def test_two_imports_of_one_file_at_once_add_each_passage_once(tmp_path: Path) -> None:
    lines = [
        json.dumps({"article": f"a{i % 9}", "start": 0, "end": 12, "exact": f"passage {i:04d}", "tags": [f"t{i % 4}"]})
        for i in range(1500)
    ]
    data = "\n".join(lines) + "\n"
    db = tmp_path / "tags.sqlite3"
    TagStore(db).close()
    gate = threading.Barrier(2)
    added: list[int] = []

    def run() -> None:
        with TagStore(db) as store:
            gate.wait()
            added.append(import_tags(store, data))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with TagStore(db) as store:
        assert len(store.list()) == 1500
    assert sorted(added) == [0, 1500]


# -- export ---------------------------------------------------------------------------------


def test_export_writes_the_offsets_list_shows_for_a_moved_tag(corpus: Path, tmp_path: Path) -> None:
    _tag(corpus, "talks had stalled")
    (corpus / "story.txt").write_text(STORY.replace("\n\n", "\n\nBREAKING, updated at noon. "), encoding="utf-8")
    (listed,) = json.loads(qw("tags", "list", "--json", corpus=corpus).stdout)
    assert listed["status"] == "moved"
    for fmt in ("jsonl", "csv"):
        out = qw("tags", "export", "--format", fmt, corpus=corpus).stdout
        row = json.loads(out) if fmt == "jsonl" else next(csv.DictReader(io.StringIO(out)))
        assert (int(row["start"]), int(row["end"])) == (listed["start"], listed["end"])
    w3c = json.loads(qw("tags", "export", corpus=corpus).stdout)
    (position,) = [s for s in w3c["first"]["items"][0]["target"]["selector"] if s["type"] == "TextPositionSelector"]
    assert (position["start"], position["end"]) == (listed["start"], listed["end"])
    # ...and importing that export back adds nothing
    saved = tmp_path / "tags.jsonl"
    saved.write_text(qw("tags", "export", "--format", "jsonl", corpus=corpus).stdout)
    assert "imported 0" in qw("tags", "import", str(saved), corpus=corpus).stdout


def test_export_into_a_missing_folder_is_refused(corpus: Path, tmp_path: Path) -> None:
    _tag(corpus, "talks had stalled")
    target = tmp_path / "no" / "such" / "folder" / "tags.json"
    r = qw("tags", "export", "-o", str(target), corpus=corpus)
    assert r.returncode == 2 and "no such folder" in _one_line(r)
    assert not (tmp_path / "no").exists()


def test_csv_cells_that_spreadsheets_would_run_are_escaped(corpus: Path) -> None:
    _tag(corpus, '=HYPERLINK("http://evil.example","click")', name="@mention")
    rows = list(csv.DictReader(io.StringIO(qw("tags", "export", "--format", "csv", corpus=corpus).stdout)))
    (row,) = rows
    assert row["exact"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["tags"] == "'@mention"
    for cell in row.values():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_spreadsheet_safe_covers_every_formula_start() -> None:
    from index.tag_export import spreadsheet_safe

    for cell in ("=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet_safe(cell) == "'" + cell
    assert spreadsheet_safe("plain -text") == "plain -text"


def test_searching_a_tag_alone_names_the_query(corpus: Path) -> None:
    _tag(corpus, "talks had stalled")
    r = qw("search", "tag:deadlock", corpus=corpus)
    assert r.returncode == 0, r.stderr
    assert "hit(s) for 'tag:deadlock'" in r.stdout and "'*'" not in r.stdout
    lib = Library.open(corpus=[corpus], use_user_config=False)
    lib.update()
    assert lib.search("tag:deadlock").query == "tag:deadlock"
    lib.close()
