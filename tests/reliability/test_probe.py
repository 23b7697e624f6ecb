"""The reliability probe of #19 in its short form: kills during CLI tag writes, a writer
loop killed repeatedly, killed imports, killed migrations, a killed index build and
concurrent writers; every acknowledged tag must survive (`python bench/probe.py --long`
runs the issue's sizes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).resolve().parents[2] / "bench" / "probe.py"


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_the_short_probe_loses_nothing() -> None:
    r = subprocess.run([sys.executable, str(PROBE)], capture_output=True, text=True, timeout=600)
    figures = json.loads(r.stdout)
    assert r.returncode == 0 and figures["failures"] == [], figures["failures"]
    for name in ("cli_writes", "loop_kills", "concurrent"):
        assert figures[name]["lost"] == 0 and figures[name]["acknowledged"] > 0
    assert figures["import_kills"]["passages"] == 1500 and figures["import_kills"]["half_done"] == 0
    assert figures["migration_kills"]["intact"] == figures["migration_kills"]["killed"]
    assert figures["index_kills"]["broken"] == 0
