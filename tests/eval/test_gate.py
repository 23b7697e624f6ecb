"""Attribution cannot regress unnoticed: the gate's figures stay within 0.5 points of the record."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT, need_shared


def test_attribution_figures_do_not_fall_below_the_record() -> None:
    need_shared("data", "news-dev", "gold.jsonl")
    need_shared("data", "polnear-train", "polnear-train.jsonl")
    r = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_gate.py")], capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, f"attribution fell below bench/results/gate.json:\n{r.stderr}\n{r.stdout}"
    assert "news.speaker" in r.stdout


def test_the_gate_names_a_figure_that_fell() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from eval_gate import falls
    finally:
        sys.path.remove(str(ROOT / "bench"))
    record = {"news.speaker": 0.90, "news.f1": 0.93}
    assert falls({"news.speaker": 0.896, "news.f1": 0.94}, record) == []
    assert falls({"news.speaker": 0.89, "news.f1": 0.94}, record) == [
        "news.speaker: 0.89 < record 0.9 (tolerance 0.005)"
    ]
    assert falls({"news.f1": 0.94}, record) == ["news.speaker: None < record 0.9 (tolerance 0.005)"]
