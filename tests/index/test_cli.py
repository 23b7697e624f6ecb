"""The command-line contracts other work builds on, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEED_DIR

A000, A002, A004 = "000_3db5e493d445b404", "002_d026f6226d862cb6", "004_0d9989bd3b25f316"


def qw(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True, timeout=180)


def test_quotes_json_offsets_and_text_match_the_files() -> None:
    r = qw("quotes", "--json", str(SEED_DIR))
    assert r.returncode == 0, r.stderr
    quotes = json.loads(r.stdout)
    texts = {p.stem: p.read_text() for p in SEED_DIR.glob("*.txt")}
    assert quotes
    for q in quotes:
        assert set(q) >= {"article", "start", "end", "text", "kind", "speaker", "cue", "confidence", "rule", "mention"}
        assert texts[q["article"]][q["start"] : q["end"]] == q["text"]
        m = q["mention"]
        assert (m is None) == (q["speaker"] is None), q  # the words naming the speaker, if any
        if m is not None:
            assert texts[q["article"]][m["start"] : m["end"]] == m["text"]
    peskov = next(q for q in quotes if q["text"] == "not suit")
    assert peskov["speaker"] == "Dmitry Peskov" and peskov["rule"] == "said-after-name"
    assert peskov["mention"]["text"] == "Dmitry Peskov"


def test_quotes_speaker_filter_and_search_by_speaker() -> None:
    r = qw("quotes", "--json", "--speaker", "peskov")
    speakers = {q["speaker"] for q in json.loads(r.stdout)}
    assert speakers == {"Dmitry Peskov"}
    r = qw("search", "speaker:peskov", "--json", "--limit", "50")
    data = json.loads(r.stdout)
    assert {h["article"] for h in data["hits"]} == {A000, A002, A004}
    for h in data["hits"]:
        assert h["quote"]["speaker"] == "Dmitry Peskov"
        assert set(h["quote"]) == {"start", "end", "speaker", "kind"}


def test_a_speaker_phrase_answers_the_same_under_every_hash_seed() -> None:
    """`speaker:"dmitry peskov"` once depended on a set's order, so on PYTHONHASHSEED."""
    import os

    counts = set()
    for seed in ("1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run(
            [sys.executable, "-m", "tui.cli", "search", 'speaker:"dmitry peskov"', "--json", "--limit", "50"],
            capture_output=True,
            text=True,
            timeout=180,
            env=env,
        )
        assert r.returncode == 0, r.stderr
        counts.add(json.loads(r.stdout)["total"])
    by_surname = json.loads(qw("search", "speaker:peskov", "--json", "--limit", "50").stdout)["total"]
    assert counts == {by_surname} and by_surname > 0
    reversed_name = json.loads(qw("search", 'speaker:"peskov dmitry"', "--json").stdout)["total"]
    assert reversed_name == 0


def test_compare_json_contract() -> None:
    r = qw("compare", A000, A002, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["a"] == A000 and data["b"] == A002
    assert data["pairs"] and {"a_start", "a_end", "b_start", "b_end", "score"} <= set(data["pairs"][0])
    assert all({"start", "end"} == set(u) for u in data["only_a"] + data["only_b"])
    r = qw("compare", A000, "nope")
    assert r.returncode == 2 and "no article" in r.stderr


def test_tags_round_trip_through_the_cli(tmp_path: Path) -> None:
    text = (SEED_DIR / f"{A002}.txt").read_text()
    start = text.index("not suit")
    r = qw(
        "tags",
        "add",
        A002,
        "--start",
        str(start),
        "--end",
        str(start + 8),
        "--tag",
        "peskov-line",
        "--tag",
        "Needs Check",
        "--note",
        "compare outlets",
    )
    assert r.returncode == 0, r.stderr
    tag_id = int(r.stdout.strip())
    listed = json.loads(qw("tags", "list", "--json").stdout)
    assert listed == [
        {
            "id": tag_id,
            "article": A002,
            "start": start,
            "end": start + 8,
            "exact": "not suit",
            "tags": ["peskov-line", "needs-check"],
            "note": "compare outlets",
            "status": "anchored",
        }
    ]
    assert json.loads(qw("tags", "list", "--tag", "nothing", "--json").stdout) == []
    found = json.loads(qw("search", "tag:peskov-line", "--json").stdout)
    assert [h["article"] for h in found["hits"]] == [A002]
    assert json.loads(qw("search", "tag:peskov-line Zelenskiy", "--json").stdout)["total"] == 0
    out = tmp_path / "tags.json"
    assert qw("tags", "export", "--format", "w3c", "-o", str(out)).returncode == 0
    w3c = json.loads(out.read_text())
    assert w3c["type"] == "AnnotationCollection"
    md = qw("tags", "export", "--format", "md").stdout
    assert "peskov-line" in md and "not suit" in md
    assert qw("tags", "rm", str(tag_id)).returncode == 0
    assert json.loads(qw("tags", "list", "--json").stdout) == []
    assert "imported 1" in qw("tags", "import", str(out)).stdout
    assert "imported 0" in qw("tags", "import", str(out)).stdout
    assert qw("tags", "rm", "999").returncode == 1
    bad = qw("tags", "add", A002, "--start", "5", "--end", "2", "--tag", "x")
    assert bad.returncode == 2 and "start" in bad.stderr


def test_index_command_reports_changes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("An example headline for indexing\nThe mayor said hello.\n")
    (tmp_path / "empty.txt").write_text("")
    r = qw("index", "--corpus", str(tmp_path))
    # the named folder is the corpus (not the seeds besides); quotewire's own cache inside it is not read
    assert r.returncode == 0 and "1 added" in r.stdout, r.stderr
    assert "empty.txt" in r.stderr and "skipped" in r.stderr and "quotewire-index" not in r.stderr
    r = qw("index", "--corpus", str(tmp_path))
    assert "0 added" in r.stdout and "1 unchanged" in r.stdout
