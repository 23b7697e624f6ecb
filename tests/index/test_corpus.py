"""Corpus loading, metadata and boilerplate, on the seeds and on bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.config import load_config
from index.corpus import Reader, discover, load_corpus

SEED = {
    "000": "000_3db5e493d445b404",
    "001": "001_d24cd6795bcd38ab",
    "002": "002_d026f6226d862cb6",
    "003": "003_58a5281f7ed52c9a",
    "004": "004_0d9989bd3b25f316",
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, object]:
    cfg = load_config(use_user_config=False)
    articles, problems = load_corpus([], include_seeds=True, boilerplate=cfg.boilerplate)
    assert problems == []
    return {a.id: a for a in articles}


def test_seed_ids_are_file_stems(seeds: dict) -> None:
    assert sorted(seeds) == sorted(SEED.values())


def test_title_skips_debris_lines(seeds: dict) -> None:
    a = seeds[SEED["004"]]
    assert a.title == "Russia Signals Openness to Ukraine Ceasefire Talks with Incoming Trump Administration"
    assert a.text[a.title_span.start : a.title_span.end] == a.title


def test_date_and_author_found_in_text(seeds: dict) -> None:
    a = seeds[SEED["004"]]
    assert a.date == "2024-11-20"
    assert a.author == "Michelle Larsen"


def test_dateline_and_outlet(seeds: dict) -> None:
    a = seeds[SEED["003"]]
    assert a.dateline == "Moscow, Nov 23"  # the outlet, V7N, has its own field
    assert a.outlet == "V7N"
    assert not a.title.startswith("Moscow, Nov 23")
    assert seeds[SEED["002"]].outlet == "Meduza"


def _flagged(a) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text[b.start : b.end] for b in a.boilerplate]


def test_boilerplate_is_flagged_not_deleted(seeds: dict) -> None:
    a1 = seeds[SEED["001"]]
    assert _flagged(a1).count("Continues after advertising") == a1.text.count("Continues after advertising") == 5
    assert "Also read:" in _flagged(a1)
    a4 = seeds[SEED["004"]]
    for line in ("x", "Eastern Europe USA World", "Written By", "Source: Sputnik/AFP/Getty Images"):
        assert line in _flagged(a4)
    a2 = seeds[SEED["002"]]
    assert "Sign up for Meduza’s daily newsletter" in _flagged(a2)
    assert any("recurring donation" in s for s in _flagged(a2))
    # The text itself is untouched: offsets stay into the file.
    raw = (Path(__file__).resolve().parents[2] / "index" / "seed" / f"{SEED['001']}.txt").read_text()
    assert a1.text == raw


def test_story_lines_are_not_boilerplate(seeds: dict) -> None:
    for a in seeds.values():
        for b in a.boilerplate:
            assert "Peskov" not in a.text[b.start : b.end]
            assert "said" not in a.text[b.start : b.end]


def _write(tmp: Path, name: str, data: bytes | str) -> Path:
    p = tmp / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode())
    return p


def test_bad_files_are_skipped_and_the_rest_loads(tmp_path: Path) -> None:
    _write(tmp_path, "empty.txt", b"")
    _write(tmp_path, "blank.txt", b"  \n\n  ")
    _write(tmp_path, "binary.txt", bytes(range(256)) * 40)
    _write(tmp_path, "latin.txt", "Caf\xe9 society\nThe mayor said the caf\xe9 would reopen.".encode("latin-1"))
    _write(tmp_path, "good.txt", "A good headline here\nThe minister said so.")
    articles, problems = load_corpus([tmp_path], include_seeds=False)
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"latin", "good"}
    assert "café" in by_id["latin"].text
    messages = {Path(p.path).name: p for p in problems}
    assert messages["empty.txt"].skipped and "empty" in messages["empty.txt"].message
    assert messages["binary.txt"].skipped and "binary" in messages["binary.txt"].message
    assert not messages["latin.txt"].skipped and "cp1252" in messages["latin.txt"].message


def test_huge_file_still_loads(tmp_path: Path) -> None:
    body = ("The spokesman said the talks would go on. " * 50 + "\n") * 1000  # ~2 MB
    _write(tmp_path, "huge.txt", "Huge article headline here\n" + body)
    reader = Reader(max_bytes=1_000_000)
    (src,), _ = discover([tmp_path], include_seeds=False)
    articles, problems = reader.read(src)
    assert len(articles) == 1 and len(articles[0].text) >= 999_000
    assert any("first part" in p.message and not p.skipped for p in problems)


def test_markdown_front_matter_html_and_json(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "story.md",
        "---\ntitle: From front matter\noutlet: The Paper\ndate: 2024-11-21\nauthor: A. Writer\n---\nBody text [bold]not markup[/bold].\n",
    )
    _write(
        tmp_path,
        "page.html",
        "<html><head><title>T</title><meta property='og:site_name' content='Web Outlet'>"
        "<style>p{}</style></head><body><nav>Home World</nav><h1>Html headline here</h1>"
        "<p>First &amp; paragraph.</p><script>x()</script><p>Second one.</p></body></html>",
    )
    _write(
        tmp_path,
        "many.jsonl",
        json.dumps({"id": "j1", "title": "J one", "text": "Alpha said so."})
        + "\n"
        + "not json\n"
        + json.dumps({"title": "no id", "text": "Beta said so."})
        + "\n",
    )
    _write(tmp_path, "one.json", json.dumps({"id": "story", "title": "Clash", "text": "Gamma.", "outlet": "O"}))
    articles, problems = load_corpus([tmp_path], include_seeds=False)
    by_id = {a.id: a for a in articles}
    # Ids are unique: the JSON record "story" clashes with story.md; load order decides.
    assert {by_id["story"].title, by_id["story-2"].title} == {"Clash", "From front matter"}
    md = next(a for a in articles if a.path.endswith("story.md"))
    assert (md.title, md.outlet, md.date, md.author) == ("From front matter", "The Paper", "2024-11-21", "A. Writer")
    assert md.text.startswith("Body text [bold]")
    html = by_id["page"]
    assert html.title == "Html headline here" and html.outlet == "Web Outlet"
    assert "First & paragraph." in html.text and "x()" not in html.text and "Home World" not in html.text
    assert by_id["j1"].title == "J one" and by_id["many-2"].text == "Beta said so."
    assert any("invalid JSON" in p.message for p in problems)


def test_an_article_knows_its_source_relative_to_its_corpus(tmp_path: Path) -> None:
    """The identity tags belong to: stable wherever the corpus folder is, whatever the id."""
    for d in ("bbc", "cnn"):
        (tmp_path / d).mkdir()
    _write(tmp_path, "bbc/story.txt", "A BBC headline here\nThe envoy said so.\n")
    _write(tmp_path, "cnn/story.txt", "A CNN headline here\nThe envoy said so.\n")
    _write(
        tmp_path, "feed.jsonl", json.dumps({"id": "j1", "text": "One."}) + "\n" + json.dumps({"text": "Two."}) + "\n"
    )
    articles, _ = load_corpus([tmp_path], include_seeds=False)
    assert sorted(a.source for a in articles) == ["bbc/story.txt", "cnn/story.txt", "feed.jsonl#2", "feed.jsonl#j1"]
    moved = tmp_path.parent / (tmp_path.name + "-moved")
    tmp_path.rename(moved)
    again, _ = load_corpus([moved], include_seeds=False)
    assert sorted(a.source for a in again) == sorted(a.source for a in articles)
