"""The real `quotewire` command in a real terminal (tmux) at 80x24: start, help, search,
open, a pop-up, quit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")


def _capture(session: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout


def _wait(session: str, predicate, timeout: float = 30.0) -> str:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _capture(session)
        if predicate(screen):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"timed out; the terminal shows:\n{screen}")


def _help_key_visible(screen: str) -> bool:
    """The key bar (the last line) shows `?` for help, however narrow the terminal."""
    last = [line for line in screen.splitlines() if line.strip()][-1]
    return "?" in last and "Help" in last


def _assert_popup_fits(screen: str) -> None:
    """A pop-up's frame (thick border: █ sides, ▀ top, ▄ bottom) is whole on screen."""
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "▀▀▀▀" in line)
    bottom = next(i for i, line in enumerate(lines) if "▄▄▄▄" in line and i > top)
    left = lines[top].index("▀") - 1
    right = lines[top].rindex("▀") + 1
    assert 0 <= left and right < 80, lines[top]
    for line in lines[top : bottom + 1]:
        assert len(line) <= 80 and line[left] == "█" and line[right] == "█", line


def test_real_command_in_tmux(isolated_dirs: Path) -> None:
    exe = Path(sys.executable).with_name("quotewire")
    if not exe.exists():
        pytest.skip("the quotewire console script is not installed in this environment")
    session = f"qw-{uuid.uuid4().hex[:8]}"
    env = {k: os.environ[k] for k in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    env_args = [arg for k, v in env.items() for arg in ("-e", f"{k}={v}")]
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "80",
            "-y",
            "24",
            *env_args,
            f"{exe}; echo EXITED-$?; sleep 30",
        ],
        check=True,
    )
    try:
        screen = _wait(session, lambda s: "Russia Signals Openness" in s and "5 articles" in s)
        assert _help_key_visible(screen)
        # The key help is a pop-up: it fits in 80 columns, both its sides on screen.
        subprocess.run(["tmux", "send-keys", "-t", session, "?"], check=True)
        screen = _wait(session, lambda s: "Keys" in s and "quote" not in s.splitlines()[-1])
        _assert_popup_fits(screen)
        subprocess.run(["tmux", "send-keys", "-t", session, "Escape"], check=True)
        _wait(session, lambda s: "Keys" not in s)
        # One burst, as a fast typist or a paste delivers it: the keys after `/` must all
        # land in the search box (`s` is also the speakers screen's key).
        subprocess.run(["tmux", "send-keys", "-t", session, "-l", "/speaker:putin neutrality"], check=True)
        _wait(session, lambda s: "1 hit(s)" in s and "speaker:putin neutrality" in s)
        subprocess.run(["tmux", "send-keys", "-t", session, "Enter"], check=True)
        screen = _wait(session, lambda s: "neutrality" in s and "hit -/1" in s)  # on the quote, with a word hit in it
        assert _help_key_visible(screen)
        # The quote's detail, a pop-up too.
        subprocess.run(["tmux", "send-keys", "-t", session, "Enter"], check=True)
        screen = _wait(session, lambda s: "Speaker: Vladimir Putin" in s)
        _assert_popup_fits(screen)
        subprocess.run(["tmux", "send-keys", "-t", session, "Escape"], check=True)
        _wait(session, lambda s: "Speaker: Vladimir Putin" not in s)
        subprocess.run(["tmux", "send-keys", "-t", session, "Escape"], check=True)
        _wait(session, lambda s: "hit(s)" in s)
        subprocess.run(["tmux", "send-keys", "-t", session, "Escape"], check=True)
        time.sleep(0.3)
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        _wait(session, lambda s: "EXITED-0" in s)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
