"""The real `quotewire` command in a real terminal (tmux): start, search, open, quit."""

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
            "140",
            "-y",
            "40",
            *env_args,
            f"{exe}; echo EXITED-$?; sleep 30",
        ],
        check=True,
    )
    try:
        _wait(session, lambda s: "Russia Signals Openness" in s and "5 articles" in s)
        # One burst, as a fast typist or a paste delivers it: the keys after `/` must all
        # land in the search box (`s` is also the speakers screen's key).
        subprocess.run(["tmux", "send-keys", "-t", session, "-l", "/speaker:putin neutrality"], check=True)
        _wait(session, lambda s: "1 hit(s)" in s and "speaker:putin neutrality" in s)
        subprocess.run(["tmux", "send-keys", "-t", session, "Enter"], check=True)
        screen = _wait(
            session, lambda s: "Putin told the" in s and "hit -/1" in s
        )  # on the quote, with a word hit in it
        assert "good-neighborly" in screen
        subprocess.run(["tmux", "send-keys", "-t", session, "Escape"], check=True)
        _wait(session, lambda s: "hit(s)" in s)
        subprocess.run(["tmux", "send-keys", "-t", session, "Escape"], check=True)
        time.sleep(0.3)
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        _wait(session, lambda s: "EXITED-0" in s)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
