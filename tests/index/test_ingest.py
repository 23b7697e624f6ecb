"""Reading and extraction in worker processes give what the serial path gives, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

import index.ingest as ingest
from index.config import load_config
from index.corpus import discover


def test_worker_processes_match_the_serial_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(40):
        (tmp_path / f"a{n:02d}.txt").write_text(
            f"Headline number {n} for the test\n“We will go on,” the minister said in speech {n}.\n"
        )
    files, _ = discover([tmp_path], include_seeds=False)
    jobs = [(f, frozenset()) for f in files]
    config = load_config(use_user_config=False)
    serial = list(ingest.parse_all(config, jobs))
    monkeypatch.setattr(ingest, "PARALLEL_FROM", 2)
    monkeypatch.setattr(ingest, "CHUNK", 3)
    monkeypatch.setattr(ingest, "IN_FLIGHT", 2)
    parallel = list(ingest.parse_all(config, jobs))
    assert [p.src.path for p in parallel] == [f.path for f in files]
    assert [p.articles for p in parallel] == [p.articles for p in serial]
    assert all(q and q[0].speaker for p in parallel for _, q, _ in p.articles)
    assert all(content.postings for p in parallel for _, _, content in p.articles)
