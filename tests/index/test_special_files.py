"""A named pipe, a socket or a device file in a corpus is skipped with one line naming it,
never opened (reading a pipe waits for a writer forever) and never silently left out; the
rest of the folder loads, links to regular files included."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from index.corpus import Reader, SourceFile, load_corpus
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and sockets need a POSIX system")

T = TypeVar("T")
WAIT = 30.0


def _release(pipes: list[Path]) -> None:
    """Wake a reader blocked on opening one of the pipes: open its writing end and close it."""
    for pipe in pipes:
        try:
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass  # nobody is reading it


def _within(pipes: list[Path], call: Callable[[], T]) -> T:
    """`call()`, failing (not hanging) when it does not return within WAIT seconds."""
    got: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            got.append(call())
        except BaseException as exc:
            failed.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(WAIT)
    if worker.is_alive():
        _release(pipes)
        worker.join(5)
        pytest.fail(f"still reading after {WAIT:.0f} s: it opened a named pipe and waited for a writer")
    if failed:
        raise failed[0]
    return got[0]


@pytest.fixture
def special(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A corpus folder: a good article, a link to one outside the folder, a named pipe, a
    socket, a link to a device and a named pipe that is a web archive by its name."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text("A good headline for the test\nThe mayor said the bridge would close.\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "far.txt").write_text("A linked headline\nThe envoy said the talks would go on.\n")
    (corpus / "link.txt").symlink_to(outside / "far.txt")
    os.mkfifo(corpus / "fifo.txt")
    os.mkfifo(corpus / "crawl.warc")
    monkeypatch.chdir(corpus)  # a socket's path must be short: bind it by its relative name
    sock = socket.socket(socket.AF_UNIX)
    sock.bind("sock.md")
    (corpus / "null.txt").symlink_to(os.devnull)
    yield corpus
    sock.close()
    _release([corpus / "fifo.txt", corpus / "crawl.warc"])


def _pipes(corpus: Path) -> list[Path]:
    return [corpus / "fifo.txt", corpus / "crawl.warc"]


def test_special_files_in_a_folder_are_skipped_each_with_a_line_naming_it(special: Path) -> None:
    articles, problems = _within(_pipes(special), lambda: load_corpus([special], include_seeds=False))
    assert sorted(a.id for a in articles) == ["good", "link"]  # the rest loads, the link too
    by_name = {Path(p.path).name: p for p in problems}
    assert sorted(by_name) == ["crawl.warc", "fifo.txt", "null.txt", "sock.md"], problems
    assert all(p.skipped for p in problems)
    assert by_name["fifo.txt"].message == "named pipe (FIFO), not a regular file; skipped"
    assert by_name["crawl.warc"].message == "named pipe (FIFO), not a regular file; skipped"
    assert by_name["sock.md"].message == "socket, not a regular file; skipped"
    assert by_name["null.txt"].message == "character device, not a regular file; skipped"
    assert by_name["fifo.txt"].path == str(special / "fifo.txt")


def test_a_named_pipe_named_as_the_corpus_is_skipped_not_read(special: Path) -> None:
    pipe = special / "fifo.txt"
    articles, problems = _within([pipe], lambda: load_corpus([pipe, special / "good.txt"], include_seeds=False))
    assert [a.path for a in articles] == [str(special / "good.txt")]
    assert [(p.path, p.message) for p in problems] == [(str(pipe), "named pipe (FIFO), not a regular file; skipped")]


@pytest.mark.parametrize("name", ["fifo.txt", "crawl.warc", "sock.md", "null.txt"])
def test_the_reader_never_opens_a_special_file_put_in_an_articles_place(special: Path, name: str) -> None:
    # a regular file when the folder was walked, something else when it is read
    src = SourceFile(str(special / name), 0, 0, rel=name, id="x")
    articles, problems = _within(_pipes(special), lambda: Reader().read(src))
    assert articles == []
    assert len(problems) == 1 and problems[0].skipped and problems[0].path == src.path
    assert "not a regular file; skipped" in problems[0].message


def test_the_index_reports_them_at_every_update(special: Path) -> None:
    from index.library import Library

    lib = Library.open(corpus=[special], use_user_config=False)
    for _ in range(2):  # the build, then an update that finds nothing changed by `stat`
        report = _within(_pipes(special), lib.update)
        assert sorted(a.id for a in lib.articles()) == ["good", "link"]
        named = {Path(p.path).name for p in report.problems if "not a regular file" in p.message}
        assert named == {"crawl.warc", "fifo.txt", "null.txt", "sock.md"}, report.problems


def _quotewire(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def test_the_command_line_names_each_skipped_file_on_stderr(special: Path) -> None:
    r = _quotewire("articles", "--corpus", str(special))
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert sorted(line.split()[0] for line in r.stdout.splitlines()) == ["good", "link"]
    lines = sorted(r.stderr.strip().splitlines())
    assert lines == [
        f"quotewire: {special / 'crawl.warc'}: named pipe (FIFO), not a regular file; skipped",
        f"quotewire: {special / 'fifo.txt'}: named pipe (FIFO), not a regular file; skipped",
        f"quotewire: {special / 'null.txt'}: character device, not a regular file; skipped",
        f"quotewire: {special / 'sock.md'}: socket, not a regular file; skipped",
    ]


def test_quotes_of_a_named_pipe_says_so_and_ends(special: Path) -> None:
    try:
        r = _quotewire("quotes", str(special / "fifo.txt"), "--json")
    except subprocess.TimeoutExpired:
        _release(_pipes(special))
        pytest.fail("`quotewire quotes PIPE` waited for a writer")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
    assert r.stderr.strip() == f"quotewire: {special / 'fifo.txt'}: named pipe (FIFO), not a regular file; skipped"
