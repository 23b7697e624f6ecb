"""Corpus loading, metadata and boilerplate, on the seeds and on bad files."""

from __future__ import annotations

import json
import os
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


def test_seed_ids_are_their_paths(seeds: dict) -> None:
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


PAGE = """<!DOCTYPE html><html><head><title>Mayor resigns after vote | The Paper</title>
<meta property="og:site_name" content="Web Outlet"><style>p{}</style>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Html headline here",
 "author": {"@type": "Person", "name": "Ann Writer"}, "datePublished": "2024-11-21T10:00:00Z"}</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Html headline here</h1>
<p>First &amp; paragraph of the story, in which the city council met on Thursday and the mayor said she would step down.</p>
<script>x()</script>
<p>Second one: the council will choose a successor within a month, according to the city charter and its rules.</p>
<p>Read more: Another story about the council</p>
<p>A third paragraph gives the background to the vote and what the opposition said about the decision.</p>
</article><footer>Copyright 2024 The Paper. All rights reserved.</footer></body></html>"""


def test_markdown_front_matter_html_and_json(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "story.md",
        "---\ntitle: From front matter\noutlet: The Paper\ndate: 2024-11-21\nauthor: A. Writer\n---\nBody text [bold]not markup[/bold].\n",
    )
    _write(tmp_path, "page.html", PAGE)
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
    # Ids are paths: a record's `id` names it inside its file, and never takes a file's id.
    assert sorted(by_id) == ["many#2", "many#j1", "one#story", "page", "story"]
    md = by_id["story"]
    assert (md.title, md.outlet, md.date, md.author) == ("From front matter", "The Paper", "2024-11-21", "A. Writer")
    assert md.text.startswith("Body text [bold]")
    html = by_id["page"]
    assert (html.title, html.outlet, html.author, html.date) == (
        "Html headline here",
        "Web Outlet",
        "Ann Writer",
        "2024-11-21",
    )
    assert "First & paragraph" in html.text and "x()" not in html.text
    assert "Home" not in html.text and "Read more" not in html.text and "All rights reserved" not in html.text
    assert by_id["many#j1"].title == "J one" and by_id["many#2"].text == "Beta said so."
    assert by_id["one#story"].title == "Clash"
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


# --- ids, clashes, what is not an article -------------------------------------------------------


def _ids(*folders: Path, **kw: object) -> dict[str, str]:
    files, _ = discover(list(folders), include_seeds=False, **kw)  # type: ignore[arg-type]
    return {f.rel: f.id for f in files}


def test_ids_are_paths_relative_to_the_corpus_without_extension(tmp_path: Path) -> None:
    (tmp_path / "politics").mkdir()
    _write(tmp_path, "politics/326.txt", "A politics headline\nThe minister said so.\n")
    _write(tmp_path, "World News.md", "A world headline\nThe envoy said so.\n")
    articles, _ = load_corpus([tmp_path], include_seeds=False)
    assert sorted(a.id for a in articles) == ["World_News", "politics/326"]


def test_an_id_depends_on_its_own_path_never_on_other_files(tmp_path: Path) -> None:
    """Tags and scripts name articles by id: adding or removing another file must not rename one."""
    for d in ("bbc", "cnn"):
        (tmp_path / d).mkdir()
    _write(tmp_path, "bbc/story.txt", "A BBC headline\nSaid.\n")
    _write(tmp_path, "cnn/story.txt", "A CNN headline\nSaid.\n")
    before = _ids(tmp_path)
    assert before == {"bbc/story.txt": "bbc/story", "cnn/story.txt": "cnn/story"}
    (tmp_path / "ap").mkdir()
    _write(tmp_path, "ap/story.txt", "An AP headline\nSaid.\n")
    after = _ids(tmp_path)
    assert {k: after[k] for k in before} == before and after["ap/story.txt"] == "ap/story"
    (tmp_path / "bbc/story.txt").unlink()
    assert _ids(tmp_path)["cnn/story.txt"] == "cnn/story"


def test_siblings_differing_by_extension_keep_the_stem_by_a_fixed_order(tmp_path: Path) -> None:
    _write(tmp_path, "story.html", PAGE)
    _write(tmp_path, "story.txt", "A text headline\nSaid.\n")
    _write(tmp_path, "story.jsonl", json.dumps({"id": "a", "text": "One."}) + "\n")
    _write(tmp_path, "other.html", PAGE)
    ids = _ids(tmp_path)
    assert ids == {
        "story.txt": "story",
        "story.html": "story.html",
        "story.jsonl": "story.jsonl",
        "other.html": "other",
    }
    articles, _ = load_corpus([tmp_path], include_seeds=False)
    assert sorted(a.id for a in articles) == ["other", "story", "story.html", "story.jsonl#a"]
    # the order of discovery plays no part: the same files give the same ids every time
    assert _ids(tmp_path) == ids


def test_several_folders_prefix_their_ids_with_their_names(tmp_path: Path) -> None:
    for d in ("bbc/politics", "cnn/politics", "x/news", "y/news"):
        (tmp_path / d).mkdir(parents=True)
    for d in ("bbc", "cnn", "x/news", "y/news"):
        _write(tmp_path, f"{d}/politics.txt" if "news" in d else f"{d}/politics/326.txt", "A headline\nSaid.\n")
    files, _ = discover([tmp_path / "bbc", tmp_path / "cnn", tmp_path / "x/news", tmp_path / "y/news"], False)
    assert sorted(f.id for f in files) == ["bbc/politics/326", "cnn/politics/326", "x/news/politics", "y/news/politics"]
    # the same folders named in another order: the same ids
    files2, _ = discover([tmp_path / "y/news", tmp_path / "cnn", tmp_path / "x/news", tmp_path / "bbc"], False)
    assert sorted((f.path, f.id) for f in files2) == sorted((f.path, f.id) for f in files)


def test_a_corpus_replaces_the_seeds(tmp_path: Path) -> None:
    from tests.conftest import SEED_DIR

    copy = tmp_path / "copy-of-seed"
    copy.mkdir()
    for f in SEED_DIR.glob("*.txt"):
        (copy / f.name).write_bytes(f.read_bytes())
    articles, _ = load_corpus([copy], include_seeds=True)
    assert sorted(a.id for a in articles) == sorted(SEED.values())  # each once, not twice
    seeds, _ = load_corpus([], include_seeds=True)
    assert len(seeds) == 5


def test_readme_license_dotfiles_and_ignored_globs_are_not_articles(tmp_path: Path) -> None:
    for name in ("README.md", "readme.txt", "LICENSE.txt", "Licence.md", ".hidden.txt", "notes.draft.md", "keep.md"):
        _write(tmp_path, name, "A headline here\nSomeone said so.\n")
    (tmp_path / "archive").mkdir()
    _write(tmp_path, "archive/old.txt", "Old headline\nSaid.\n")
    (tmp_path / ".git").mkdir()
    _write(tmp_path, ".git/x.txt", "Not an article\n")
    assert set(_ids(tmp_path)) == {"keep.md", "notes.draft.md", "archive/old.txt"}
    assert set(_ids(tmp_path, ignore=["*.draft.md", "archive"])) == {"keep.md"}
    cfg = tmp_path / "c.yaml"
    cfg.write_text("corpus:\n  ignore: ['*.draft.md', 'archive/*']\n")
    assert load_config(cfg, use_user_config=False).corpus_ignore == ("*.draft.md", "archive/*")
    assert set(_ids(tmp_path, ignore=["archive/*"])) == {"keep.md", "notes.draft.md"}


def test_corpus_ignore_must_be_a_list_of_patterns(tmp_path: Path) -> None:
    from index.config import ConfigError

    cfg = tmp_path / "c.yaml"
    cfg.write_text("corpus:\n  ignore: '*.md'\n")
    with pytest.raises(ConfigError, match=r"line 2: corpus.ignore"):
        load_config(cfg, use_user_config=False)


def test_symlink_loops_and_names_not_in_utf8_are_skipped_with_one_line_each(tmp_path: Path) -> None:
    _write(tmp_path, "good.txt", "A good headline\nThe mayor said so.\n")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder loop
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    bad = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(bad, "wb") as fh:
        fh.write(b"A latin-1 name\nSaid.\n")
    articles, problems = load_corpus([tmp_path], include_seeds=False)
    assert [a.id for a in articles] == ["good"]
    by_name = {Path(p.path).name: p.message for p in problems}
    assert by_name["a.txt"] == by_name["b.txt"] == "symlink loop; skipped"
    assert "loop" in by_name["up"] and "broken symlink" in by_name["dangling.txt"]
    assert "not valid UTF-8" in by_name["caf\\xe9.txt"]
    for p in problems:
        p.path.encode("utf-8")  # printable and storable as is
    assert len(problems) == 5


def test_a_linked_folder_is_read_once_by_its_real_path(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    _write(tmp_path, "real/story.txt", "A headline\nSaid.\n")
    (tmp_path / "a-link").symlink_to(tmp_path / "real")  # sorts before "real"
    (tmp_path / "elsewhere").mkdir()
    _write(tmp_path, "elsewhere/x.txt", "Another headline\nSaid.\n")
    outside = tmp_path.parent / (tmp_path.name + "-outside")
    outside.mkdir()
    _write(outside, "far.txt", "Far headline\nSaid.\n")
    (tmp_path / "linked").symlink_to(outside)
    files, problems = discover([tmp_path], include_seeds=False)
    assert sorted(f.id for f in files) == ["elsewhere/x", "linked/far", "real/story"]
    assert [Path(p.path).name for p in problems] == ["a-link"]


def test_utf16_and_utf32_files_with_a_bom_are_read(tmp_path: Path) -> None:
    text = "Президент headline\r\nThe minister said “yes”.\r\n"
    _write(tmp_path, "le.txt", text.encode("utf-16"))  # BOM + little-endian
    _write(tmp_path, "be.txt", b"\xfe\xff" + text.encode("utf-16-be"))
    _write(tmp_path, "w32.txt", text.encode("utf-32"))
    _write(tmp_path, "page.html", PAGE.encode("utf-16"))
    articles, problems = load_corpus([tmp_path], include_seeds=False)
    by_id = {a.id: a for a in articles}
    assert problems == []
    for aid in ("le", "be", "w32"):
        assert by_id[aid].text == text.replace("\r\n", "\n")
    assert "First & paragraph" in by_id["page"].text
