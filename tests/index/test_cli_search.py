"""`quotewire search` searches while it checks the corpus (#17): what it prints is always the
index as the check leaves it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index.library import Library
from tui.cli import main

OLD_NS = 1_577_836_800 * 10**9  # 1 January 2020: nothing as recent as the check


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for n, place in enumerate(["harbour", "bridge", "tunnel"]):
        (d / f"a{n}.txt").write_text(f"Headline about the {place}\nThe minister said the {place} would open.\n")
    for p in [d, *d.iterdir()]:
        os.utime(p, ns=(OLD_NS, OLD_NS))
    return d


@pytest.fixture(autouse=True)
def slow_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check of the corpus takes its time: the search beside it always ends first."""
    import time

    real = Library.update

    def slow(self: Library, **kwargs: object) -> object:
        time.sleep(0.5)
        return real(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "update", slow)


def _search(corpus: Path, query: str, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["search", query, "--json", "--corpus", str(corpus)]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_first_search_builds_the_index_and_answers_from_it(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    got = _search(corpus, "harbour", capsys)  # nothing was indexed when the search began
    assert [h["article"] for h in got["hits"]] == ["a0"]


def test_a_search_after_a_change_answers_from_the_index_brought_up_to_date(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _search(corpus, "harbour", capsys)["total"] == 1
    (corpus / "a1.txt").write_text("Headline about the harbour\nThe mayor said the harbour would close.\n")
    (corpus / "a0.txt").unlink()
    got = _search(corpus, "harbour", capsys)
    assert [h["article"] for h in got["hits"]] == ["a1"]
    assert _search(corpus, "bridge", capsys)["total"] == 0
