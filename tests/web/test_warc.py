"""A web archive in a corpus folder: each HTML page it holds is an article, named by its URL."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest

from index.corpus import load_corpus
from tests.web.pages import FURNITURE, STORIES, page


def write_warc(path: Path, records: list[tuple[str, str, int, bytes]], *, gz: bool) -> None:
    """records: (url, content type, HTTP status, body) responses, plus one request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, ctype, status, body in records:
            req = writer.create_warc_record(url, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            reason = {200: "OK", 404: "Not Found"}.get(status, "OK")
            headers = StatusAndHeaders(f"{status} {reason}", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))


def crawl(gz: bool = True) -> list[tuple[str, str, int, bytes]]:
    return [
        ("https://www.example.com/news/council/", "text/html; charset=utf-8", 200, page("council").encode()),
        ("https://example.com/img/logo.png", "image/png", 200, b"\x89PNG\r\n\x1a\n" + bytes(100)),
        ("https://example.com/news/missing", "text/html", 404, b"<html><body>Not found</body></html>"),
        ("https://example.com/news/drought?page=1", "text/html", 200, page("drought").encode()),
        ("https://www.example.com/news/council/", "text/html", 200, page("council").encode()),  # same capture again
        ("https://www.example.com/news/council/", "text/html", 200, page("museum").encode()),  # changed since
    ]


@pytest.mark.parametrize("gz", [True, False, "whole"])
def test_each_html_response_in_an_archive_is_an_article(tmp_path: Path, gz: bool | str) -> None:
    (tmp_path / "crawls").mkdir()
    target = tmp_path / "crawls" / ("may.warc.gz" if gz else "may.warc")
    write_warc(target, crawl(), gz=gz is True)
    if gz == "whole":  # `gzip may.warc`: one gzip stream, not one per record
        target.write_bytes(gzip.compress(target.read_bytes()))
    articles, problems = load_corpus([tmp_path], include_seeds=False)
    assert problems == []
    by_id = {a.id: a for a in articles}
    assert sorted(by_id) == [
        "crawls/may#example.com/news/council",
        "crawls/may#example.com/news/council~2",
        "crawls/may#example.com/news/drought_page_1",
    ]
    council = by_id["crawls/may#example.com/news/council"]
    assert council.title == STORIES["council"][0] and council.url == "https://www.example.com/news/council/"
    assert council.source.endswith(
        "may.warc.gz#https://www.example.com/news/council/" if gz else "#https://www.example.com/news/council/"
    )
    assert by_id["crawls/may#example.com/news/council~2"].title == STORIES["museum"][0]
    for a in articles:
        assert not any(junk in a.text for junk in FURNITURE)


def test_a_damaged_archive_keeps_what_came_before_the_damage(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, crawl(), gz=True)
    data = whole.read_bytes()
    whole.unlink()
    (tmp_path / "cut.warc.gz").write_bytes(data[: int(len(data) * 0.9)])  # an interrupted download
    (tmp_path / "junk.warc.gz").write_bytes(gzip.compress(b"this is no archive at all\n" * 20))
    (tmp_path / "junk.warc").write_bytes(bytes(range(256)) * 4)
    articles, problems = load_corpus([tmp_path], include_seeds=False)
    # the pages before the cut are read; the last, cut to its first bytes, has no text left
    assert sorted(a.id for a in articles) == ["cut#example.com/news/council", "cut#example.com/news/drought_page_1"]
    by_file = {Path(p.path).name: p for p in problems if "#" not in p.path}
    assert "cut short" in by_file["cut.warc.gz"].message and not by_file["cut.warc.gz"].skipped
    (in_record,) = [p for p in problems if "#" in p.path]
    assert in_record.path.endswith("cut.warc.gz#https://www.example.com/news/council/")
    assert in_record.message == "no article text; skipped"
    assert "web archive" in by_file["junk.warc.gz"].message and by_file["junk.warc.gz"].skipped
    assert "not a web archive" in by_file["junk.warc"].message
    assert len(problems) == 4


def test_an_archive_opens_as_a_corpus_from_the_command_line(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc.gz", crawl(), gz=True)
    cmd = [sys.executable, "-m", "tui.cli", "articles", "--json", "--corpus", str(tmp_path)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    listed = json.loads(r.stdout)
    assert [a["article"] for a in listed] == [
        "crawl#example.com/news/council",
        "crawl#example.com/news/council~2",
        "crawl#example.com/news/drought_page_1",
    ]
    assert set(listed[0]) == {"article", "path", "title", "author", "date", "outlet", "url"}
    assert listed[0]["author"] == STORIES["council"][1] and listed[0]["date"] == STORIES["council"][2]
    r = subprocess.run(
        [sys.executable, "-m", "tui.cli", "search", "harvest", "--corpus", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "crawl#example.com/news/drought_page_1" in r.stdout


async def test_an_archive_opens_as_a_corpus_in_the_app(tmp_path: Path) -> None:
    from index.library import Library
    from tests.tui.helpers import screen_text, wait_for
    from tui.app import QuotewireApp

    write_warc(tmp_path / "crawl.warc.gz", crawl(), gz=True)
    app = QuotewireApp(Library.open(corpus=[tmp_path], use_user_config=False))
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for(pilot, lambda: "3 articles" in screen_text(app), timeout=60)
        shown = screen_text(app)
        for key in ("council", "drought", "museum"):
            assert STORIES[key][0][:40] in shown
