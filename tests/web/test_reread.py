"""A new extractor reads every page again, and tags stay on their words across the re-read."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

import index.web.page as web_page
from index.library import Library
from tests.web.pages import page

PHRASE = "the steel deck was corroding faster than expected"


def _lib(corpus: Path) -> Library:
    return Library.open(corpus=[corpus], use_user_config=False)


def test_an_extractor_upgrade_rereads_pages_and_tags_keep_their_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "pages"
    corpus.mkdir()
    (corpus / "council.html").write_text(page("council"))
    lib = _lib(corpus)
    assert lib.update().added == 1
    text = lib.article("council").text
    start = text.index(PHRASE)
    tag = lib.add_tag("council", start, start + len(PHRASE), ["infrastructure"])
    old_key = lib.extraction_key()
    lib.close()

    # trafilatura upgraded, and the new version lays the text out differently
    versions = web_page.extractor_versions()
    monkeypatch.setattr(web_page, "extractor_versions", lambda: versions.replace("trafilatura=", "trafilatura=99."))
    reader = web_page.read_page

    def new_read_page(html: str, url: str = "") -> web_page.Page:
        got = reader(html, url)
        return replace(got, text="Updated: the council's vote, and what comes next.\n" + got.text)

    monkeypatch.setattr(web_page, "read_page", new_read_page)
    lib = _lib(corpus)
    assert lib.extraction_key() != old_key
    report = lib.update()
    assert report.rebuilt and report.added == 1  # read again, under the same id
    new_text = lib.article("council").text
    assert new_text.startswith("Updated:") and new_text.index(PHRASE) != start
    (now,) = lib.resolved_tags(article="council")
    assert now.id == tag.id and now.status in ("moved", "anchored")
    assert new_text[now.start : now.end] == PHRASE
    lib.close()


def test_unchanged_pages_are_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "museum.html").write_text(page("museum"))
    # Written an hour ago: a file changed in the very tick the index was checked is read
    # once more by the next update (see snapshot.Snapshot), whatever its stat says.
    os.utime(tmp_path / "museum.html", ns=(time.time_ns() - 3600 * 10**9,) * 2)
    lib = _lib(tmp_path)
    lib.update()
    calls = []
    reader = web_page.read_page
    monkeypatch.setattr(web_page, "read_page", lambda html, url="": calls.append(url) or reader(html, url))
    again = _lib(tmp_path).update()
    assert (again.unchanged, again.rebuilt, calls) == (1, False, [])


def test_a_new_sibling_renames_only_the_page_it_displaces(tmp_path: Path) -> None:
    """story.html is `story` until story.txt appears beside it; then `story.html`, and the
    unchanged page is read again under its new id rather than left under a stale one."""
    (tmp_path / "story.html").write_text(page("drought"))
    lib = _lib(tmp_path)
    lib.update()
    assert [a.id for a in lib.articles()] == ["story"]
    (tmp_path / "story.txt").write_text("A text headline here\nThe mayor said so.\n")
    lib.update()
    assert sorted(a.id for a in lib.articles()) == ["story", "story.html"]
    assert lib.article("story").path.endswith("story.txt")
    assert lib.article("story.html").title.startswith("Farmers warn")
