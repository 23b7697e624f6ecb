"""Reading and extraction in worker processes give what the serial path gives, in order."""

from __future__ import annotations

import json
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


def test_an_extraction_bug_is_a_load_problem_naming_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The extractor no longer swallows its exceptions: a rule that raises on one article
    is one line on stderr naming it, and the other articles keep their quotations."""
    from index.quotes import pipeline
    from tui import cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, words in (("calm", "We will go on"), ("broken", "This one trips the rule"), ("later", "We stay")):
        (corpus / f"{name}.txt").write_text(f"Headline {name}\n“{words},” Minister Ann Lee said.\n")
    attach = pipeline.attach_quotes

    def tripping(doc, *args):  # type: ignore[no-untyped-def]
        if "trips the rule" in doc.text:
            raise ValueError("a rule\ntripped")
        return attach(doc, *args)

    monkeypatch.setattr(pipeline, "attach_quotes", tripping)
    assert cli.main(["quotes", "--json", str(corpus)]) == 0
    out, err = capsys.readouterr()
    problems = [line for line in err.splitlines() if "quotation extraction failed" in line]
    assert len(problems) == 1, err
    assert "broken.txt: article broken:" in problems[0] and "ValueError: a rule tripped" in problems[0]
    quotes = json.loads(out)
    assert {(q["article"], q["speaker"]) for q in quotes} == {("calm", "Ann Lee"), ("later", "Ann Lee")}
