"""Cleaning, as the reader shows it: a stray mark before the story is boilerplate, and a
dateline is kept apart from the date and the outlet."""

from __future__ import annotations

import pytest

from index.clean import extract_metadata, find_boilerplate
from index.config import load_config
from index.corpus import load_corpus


def test_a_stray_mark_before_the_story_is_boilerplate_and_the_same_mark_after_it_is_text() -> None:
    text = "x\n×\nEastern Europe USA World\n\nMinisters Agree on Budget Plan\nThe list:\n1.\nx\nThe end.\n"
    spans = find_boilerplate(text, [])  # no configured pattern: the rule is about pages, not one article
    assert [(text[b.start : b.end], b.label) for b in spans] == [("x", "debris"), ("×", "debris")]


def test_seed_004s_stray_x_is_boilerplate_by_rule() -> None:
    cfg = load_config(use_user_config=False)
    assert "x" not in cfg.boilerplate  # no pattern written for it
    articles, _ = load_corpus([], include_seeds=True, boilerplate=cfg.boilerplate)
    art = next(a for a in articles if a.id == "004_0d9989bd3b25f316")
    first = min(art.boilerplate, key=lambda b: b.start)
    assert art.text[first.start : first.end] == "x" and first.start == 0


def test_a_dateline_is_not_the_date_and_leaves_the_outlet_to_its_field() -> None:
    text = "Moscow, Nov 23 (V7N) — Russian President Vladimir Putin has expressed interest in talks.\nMore.\n"
    meta = extract_metadata(text, ())
    assert (meta.dateline, meta.outlet, meta.date) == ("Moscow, Nov 23", "V7N", "")


@pytest.mark.parametrize(
    "first",
    ["Ceasefire collapses", "Café story", "Путин заявил о готовности к переговорам"],
)
def test_a_short_or_non_latin_first_line_is_the_title(first: str) -> None:
    text = f"{first}\n\nThe truce between the two sides ended on Monday, officials said in a statement.\n"
    assert extract_metadata(text, ()).title == first  # (the README: "its first real line is the title")
