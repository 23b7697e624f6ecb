"""`quotewire add` against a local web server (nothing here touches the internet): pages and
feeds saved into a corpus folder, what is there already skipped, every failure one line."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.web.pages import FURNITURE, STORIES, page
from tui.cli import main

LIMIT = 200_000  # bytes: the config's max_bytes in these tests


def rss(base: str, paths: list[str]) -> str:
    items = "".join(f"<item><title>Item {p}</title><link>{base}{p}</link><guid>{base}{p}</guid></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example feed</title>{items}</channel></rss>'


def atom(base: str, paths: list[str]) -> str:
    entries = "".join(
        f'<entry><title>Entry {p}</title><link rel="alternate" href="{p}"/><id>{base}{p}</id>'
        "<updated>2024-01-01T00:00:00Z</updated></entry>"
        for p in paths
    )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}"><title>Atom</title>{entries}</feed>'


class Site(BaseHTTPRequestHandler):
    base = ""

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if "Transfer-Encoding" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        path = self.path.split("?")[0]
        html = "text/html; charset=utf-8"
        if path.startswith("/news/"):
            key = path.removeprefix("/news/")
            if key in STORIES:
                return self._send(200, html, page(key).encode())
        if path == "/copy-of-council":
            return self._send(200, html, page("council").encode())
        if path == "/redirect":
            return self._send(302, "", b"", {"Location": "/news/council"})
        if path == "/to-ftp":
            return self._send(302, "", b"", {"Location": "ftp://example.com/file"})
        if path == "/doc.pdf":
            return self._send(200, "application/pdf", b"%PDF-1.4 not a page")
        if path == "/slow":
            time.sleep(2)
            return self._send(200, html, page("museum").encode())
        if path == "/huge":
            return self._send(200, html, b"<html><body>" + b"<p>word</p>" * (LIMIT // 5) + b"</body></html>")
        if path == "/huge-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.end_headers()
            for _ in range(LIMIT // 10_000 + 5):
                self.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
            return None
        if path == "/latin":
            body = page("drought").replace('<meta charset="utf-8">', "").replace("harvest could", "harvest café could")
            return self._send(200, "text/html; charset=windows-1252", body.encode("cp1252"))
        if path == "/feed.xml":
            paths = ["/news/council", "/news/drought", "/news/museum", "/missing", "/doc.pdf", "/slow", "/huge"]
            return self._send(200, "application/rss+xml", rss(self.base, paths).encode())
        if path == "/atom":
            return self._send(200, "application/atom+xml", atom(self.base, ["/news/council", "/latin"]).encode())
        return self._send(404, "text/html", b"<html><body>Not found</body></html>")


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    Site.base = base
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    c = tmp_path / "cfg.yaml"
    c.write_text(f"corpus:\n  max_bytes: {LIMIT}\n")
    return c


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_feed_is_fetched_item_by_item_and_failures_are_one_line_each(
    site: str, cfg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "saved"
    code, out, err = run(
        capsys, "add", f"{site}/feed.xml", "--to", str(folder), "--timeout", "0.5", "--config", str(cfg)
    )
    assert code == 1  # some failed
    assert out.count("added  ") == 3 and "3 added, 0 already there, 4 failed" in out
    for key in STORIES:
        assert f"127.0.0.1/news-{key}.html  {STORIES[key][0]}" in out
    lines = err.strip().splitlines()
    assert len(lines) == 5, err  # four failures and the note that the folder is not a corpus folder
    by_url = {line.split(": ", 2)[1].rsplit("/", 1)[-1]: line for line in lines if line.startswith("quotewire: http")}
    assert "HTTP 404" in by_url["missing"]
    assert "not an HTML page nor a feed (application/pdf)" in by_url["doc.pdf"]
    assert "timed out after 0.5 s" in by_url["slow"]
    assert "too large" in by_url["huge"]
    saved = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
    assert saved == ["127.0.0.1/news-council.html", "127.0.0.1/news-drought.html", "127.0.0.1/news-museum.html"]

    # again: nothing is fetched twice; the same story under another address is there too
    code, out, err = run(
        capsys,
        "add",
        f"{site}/feed.xml",
        f"{site}/copy-of-council",
        f"{site}/redirect",
        "--to",
        str(folder),
        "--timeout",
        "0.5",
        "--config",
        str(cfg),
    )
    assert "0 added, 5 already there, 4 failed" in out
    assert "127.0.0.1/news-council.html  (already added: " + f"{site}/copy-of-council)" in out

    # the folder is a corpus: every article with its address, none of the page around it
    code, out, err = run(capsys, "articles", "--json", "--text", "--corpus", str(folder), "--config", str(cfg))
    assert code == 0, err
    listed = {a["article"]: a for a in json.loads(out)}
    assert sorted(listed) == ["127.0.0.1/news-council", "127.0.0.1/news-drought", "127.0.0.1/news-museum"]
    council = listed["127.0.0.1/news-council"]
    assert council["url"] == f"{site}/news/council" and council["title"] == STORIES["council"][0]
    assert not any(junk in council["text"] for junk in FURNITURE)


def test_atom_feeds_redirects_and_charsets(
    site: str, cfg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "corpus"
    code, out, err = run(capsys, "add", f"{site}/atom", f"{site}/to-ftp", "--corpus", str(folder), "--config", str(cfg))
    assert "2 added, 0 already there, 1 failed" in out
    assert (
        err.strip()
        == f"quotewire: {site}/to-ftp: redirected to 'ftp://example.com/file', which is not an http(s) address"
    )
    code, out, err = run(capsys, "show", "127.0.0.1/latin", "--json", "--corpus", str(folder))
    assert code == 0, err
    latin = json.loads(out)
    assert "harvest café could" in latin["text"] and latin["url"] == f"{site}/latin"  # the server's charset, kept


def test_a_huge_answer_without_a_length_is_cut_off(
    site: str, cfg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "add", f"{site}/huge-unannounced", "--to", str(tmp_path / "x"), "--config", str(cfg))
    assert code == 1 and "too large" in err and len(err.strip().splitlines()) == 2
    assert not list((tmp_path / "x").rglob("*.html"))


def test_files_are_copied_once_and_bad_arguments_get_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "story.html").write_text(page("museum"))
    (src / "notes.txt").write_text("A headline for notes\nThe mayor said so.\n")
    (src / "feed.xml").write_text(rss("http://127.0.0.1:9", ["/nothing-listens-here"]))  # port 9: discard
    (src / "photo.png").write_bytes(b"\x89PNG")
    folder = tmp_path / "corpus"
    args = [
        str(src / "story.html"),
        str(src / "notes.txt"),
        str(src / "photo.png"),
        str(src),
        "ftp://x/y",
        str(tmp_path / "gone.txt"),
    ]
    code, out, err = run(capsys, "add", *args, "--to", str(folder))
    assert code == 1 and "2 added, 0 already there, 4 failed" in out
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == ["notes.txt", "story.html"]
    lines = err.strip().splitlines()
    assert any("photo.png: not an article file" in line for line in lines)
    assert any(line.endswith("in: a folder: to read one, name it with --corpus") for line in lines)
    assert any("ftp://x/y: only http:// and https:// addresses are fetched" in line for line in lines)
    code, out, err = run(capsys, "add", str(src / "story.html"), str(src / "notes.txt"), "--to", str(folder))
    assert code == 0 and "0 added, 2 already there, 0 failed" in out
    code, out, err = run(capsys, "add", str(src / "feed.xml"), "--to", str(folder), "--timeout", "2")
    assert code == 1 and "1 failed" in out and ("connection refused" in err or "cannot connect" in err)


def test_add_needs_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "add", "https://example.com/")
    assert code == 2 and "--to DIR" in err and out == ""


async def test_a_fetched_feed_opens_as_a_corpus_in_the_app(
    site: str, cfg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from index.library import Library
    from tests.tui.helpers import screen_text, wait_for
    from tui.app import QuotewireApp

    folder = tmp_path / "feed"
    run(capsys, "add", f"{site}/feed.xml", "--to", str(folder), "--timeout", "0.5", "--config", str(cfg))
    app = QuotewireApp(Library.open(corpus=[folder], use_user_config=False))
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for(pilot, lambda: "3 articles" in screen_text(app), timeout=60)
        for key in STORIES:
            assert STORIES[key][0][:40] in screen_text(app)
