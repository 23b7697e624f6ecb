"""Page furniture: teaser labels, "READ MORE" and "Most read in" lines, subheadings run
into their sentence. Flagged as boilerplate, never speakers. Every text is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.config import load_config
from index.corpus import Reader
from index.models import Article, Quote
from index.quotes import extract_quotes


@pytest.fixture(scope="module")
def reader() -> Reader:
    cfg = load_config(use_user_config=False)
    return Reader(cfg.boilerplate, cfg.max_bytes)


def read(reader: Reader, text: str) -> tuple[Article, list[Quote]]:
    art = reader.build(text, path=str(Path("t.txt")), id="t")
    return art, extract_quotes(art.id, art.text, skip=[(b.start, b.end) for b in art.boilerplate])


def flagged(art: Article) -> list[str]:
    return [art.text[b.start : b.end] for b in art.boilerplate]


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE SUN STORIES",
        "Read More on The Sun",
        "READ MORE ON UKRAINE",
        "Most read in The Sun",
        "Most read in Football",
        "RELATED ARTICLES",
        "More stories:",
        "Read all the Latest News , Trending News , Sports News here.",
    ],
)
def test_furniture_lines_are_boilerplate(reader: Reader, line: str) -> None:
    art, _ = read(
        reader, f"Ports reopen after the storm\n\nThe harbour opened on Monday.\n\n{line}\n\nShips came in.\n"
    )
    assert line in flagged(art)


def test_a_teaser_s_label_is_furniture_and_its_title_quotes_like_a_headline(reader: Reader) -> None:
    text = (
        "Ports reopen after the storm\n\nThe harbour opened on Monday.\n\n"
        "READ MORE: Harbour Master Says Storm Was ‘Worst In Fifty Years’\n\nShips came in.\n"
    )
    art, quotes = read(reader, text)
    assert "READ MORE: " in flagged(art)
    assert not any(f.startswith("READ MORE: Harbour") for f in flagged(art))
    q = next(q for q in quotes if q.text == "Worst In Fifty Years")
    assert q.kind == "partial" and q.speaker and "Harbour Master" in q.speaker
    assert not any(q.speaker and "MORE" in q.speaker for q in quotes)


def test_a_subheading_run_into_its_sentence_is_furniture_and_no_speaker(reader: Reader) -> None:
    text = (
        "Tank losses mount\n\nThe war entered its third year.\n\n"
        "Russian Tanks Are LiterallyThe army has lost hundreds of them, and “the losses will grow,” said Ivan Petrov.\n"
    )
    art, quotes = read(reader, text)
    assert "Russian Tanks Are Literally" in flagged(art)
    q = next(q for q in quotes if q.text == "the losses will grow,")
    assert q.speaker == "Ivan Petrov"
    assert not any(q.speaker and "Literally" in q.speaker for q in quotes)


@pytest.mark.parametrize(
    "line",
    [
        "Watch This YouTube Clip of the rally, which was long and very loud.",  # a capitalised run goes on
        "Shares in Germany's ThyssenKrupp, the steel maker, rose by a tenth on Monday.",
        "Listen to HuffPost’s analysis of the debate, which ran for two hours.",
    ],
)
def test_a_name_with_a_capital_inside_is_no_glued_subheading(reader: Reader, line: str) -> None:
    art, _ = read(reader, f"Markets\n\nPrices rose.\n\n{line}\n")
    assert not any(b.label == "subheading" for b in art.boilerplate)
