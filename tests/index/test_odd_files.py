"""One odd file never stops everything (#19, item 5): a symlink loop, or a file name that is
not UTF-8, is skipped with one line by every command and by the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture
def odd_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("A good headline for the test\nThe mayor said the bridge would close.\n")
    (corpus / "a.txt").symlink_to(corpus / "b.txt")
    (corpus / "b.txt").symlink_to(corpus / "a.txt")
    (corpus / "loop").symlink_to(corpus)
    with open(os.fsencode(corpus) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(b"A latin-1 file name\nThe envoy said so.\n")
    return corpus


@pytest.mark.parametrize(
    "command",
    [
        ["index"],
        ["search", "bridge"],
        ["tags", "list"],
        ["tags", "export", "--format", "jsonl"],
        ["quotes"],
        ["articles"],
    ],
)
def test_every_command_skips_them_with_one_line_each(odd_corpus: Path, command: list[str]) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "tui.cli", *command, "--corpus", str(odd_corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 4, r.stderr  # a.txt, b.txt, the folder loop, the name
    assert sum("symlink loop" in line for line in lines) == 2
    assert any("loop" in line and line.split(":")[1].endswith("/loop") for line in lines)
    assert any("caf\\xe9.txt" in line and "not valid UTF-8" in line for line in lines)
    if command[0] == "search":
        assert "good" in r.stdout


async def test_the_app_opens_and_says_which_files_it_skipped(odd_corpus: Path) -> None:
    from index.library import Library
    from tests.tui.helpers import screen_text, wait_for
    from tui.app import QuotewireApp

    app = QuotewireApp(Library.open(corpus=[odd_corpus], use_user_config=False))
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for(pilot, lambda: "1 articles" in screen_text(app), timeout=60)
        await wait_for(pilot, lambda: bool(app._notifications), timeout=10)
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "a.txt" in messages and "caf\\xe9.txt" in messages
