"""`kill -9` of an index build: its worker processes exit at once (#19, item 9).

They used to wait on their task queue for a minute or more, holding memory and a core.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def _children(pid: int) -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            out.add(int(entry.name))
    return out


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if state[state.rfind(")") + 2 :].split()[0] != "Z":
            alive.add(pid)
    return alive


def test_workers_exit_when_the_build_is_killed(tmp_path: Path) -> None:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the build runs without worker processes")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(600):
        (corpus / f"{n:03d}.txt").write_text(f"Story {n}\n\n" + f"“Item {n} matters,” the minister said. " * 40)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "index", "--corpus", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2:
        workers |= {p for p in _children(proc.pid) if "multiprocessing" in Path(f"/proc/{p}/cmdline").read_text()}
        time.sleep(0.05)
    if not workers:
        proc.kill()
        pytest.skip("the build finished before its workers could be seen")
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed = time.monotonic()
    while _alive(workers) and time.monotonic() - killed < 10:
        time.sleep(0.1)
    left = _alive(workers)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"{len(left)} worker(s) still running {time.monotonic() - killed:.1f} s after the kill"
    assert time.monotonic() - killed < 5
