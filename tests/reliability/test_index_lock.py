"""Another copy holding the index: the command says it waits, then one line (#19, item 9)."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import tui.cli as cli
from index.library import IndexBusy, Library


def _lock_file(corpus: Path) -> Path:
    lib = Library.open(corpus=[corpus], use_user_config=False)
    return lib.index_dir.parent / f"{lib.index_dir.name}.lock"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("A headline\n\nThe envoy said talks go on.\n")
    return tmp_path


def _hold(lock: Path) -> int:
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def test_an_index_held_too_long_is_one_line_not_a_traceback(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fd = _hold(_lock_file(corpus))
    try:
        monkeypatch.setattr(cli, "INDEX_WAIT", 0.5)
        assert cli.main(["index", "--corpus", str(corpus)]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert err[0].startswith("quotewire: waiting for another quotewire")
        assert len(err) == 2 and "another quotewire has been updating the index" in err[1]
        # a search goes on with the index as it is, after saying so
        assert cli.main(["search", "envoy", "--corpus", str(corpus)]) == 0
        out = capsys.readouterr()
        assert "using the index as it is" in out.err and "Traceback" not in out.err
    finally:
        os.close(fd)
    with pytest.raises(IndexBusy):
        fd = _hold(_lock_file(corpus))
        try:
            Library.open(corpus=[corpus], use_user_config=False).update(wait=0.2)
        finally:
            os.close(fd)


def test_a_command_says_it_is_waiting_and_goes_on_when_the_lock_is_free(corpus: Path) -> None:
    fd = _hold(_lock_file(corpus))
    threading.Timer(3.0, os.close, (fd,)).start()
    began = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "tui.cli", "search", "envoy", "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0 and time.monotonic() - began >= 2.5
    assert "waiting for another quotewire to finish updating the index" in r.stderr
    assert "1 hit(s)" in r.stdout
