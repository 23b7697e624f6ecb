"""Paragraph and sentence boundaries (index.sentences): offsets into the original text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.sentences import OPAQUE, paragraphs, sentence_spans, split_sentences

SEED_DIR = Path(__file__).resolve().parents[2] / "index" / "seed"


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_paragraphs_are_lines_trimmed() -> None:
    text = "  First line.  \nSecond line.\n\n\n   \nThird."
    assert _texts(text, paragraphs(text)) == ["First line.", "Second line.", "Third."]


def test_sentences_split_on_terminal_punctuation() -> None:
    text = "Putin spoke. Did Trump reply? He did! “Yes,” he said. 2024 was hard."
    assert _texts(text, split_sentences(text)) == [
        "Putin spoke.",
        "Did Trump reply?",
        "He did!",
        "“Yes,” he said.",
        "2024 was hard.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = '"The missile authorisation is dangerous." Peskov said so.'
    assert _texts(text, split_sentences(text)) == ['"The missile authorisation is dangerous."', "Peskov said so."]


@pytest.mark.parametrize(
    "text",
    [
        "Outgoing U.S. President Joe Biden spoke.",
        "Mr. Peskov and Dr. Smith met at 10 a.m. on Monday.",
        "He met J. Smith in Kyiv.",
        "Prices rose 3.5 percent.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_split(text: str) -> None:
    assert split_sentences(text) == [(0, len(text))]


def test_lowercase_after_a_dot_does_not_split() -> None:
    text = "The reconcile the warring sides. which show few signs of retreat."
    assert len(split_sentences(text)) == 1


@pytest.mark.parametrize(
    "text, sentences",
    [
        pytest.param(
            "Key conditions:\n1. Recognition of gains: Russia seeks it. It is 18%.\n2. NATO exclusion: no entry.",
            [
                "Key conditions:",
                "1. Recognition of gains: Russia seeks it.",
                "It is 18%.",
                "2. NATO exclusion: no entry.",
            ],
            id="numbered_list_markers_stay_with_their_item",
        ),
        pytest.param(  # one splitter for the reader, the aligner and the extractor: they agree on this
            "The vote closed at 7 p.m. He said it was fair. Talks in the U.S. The end came.",
            ["The vote closed at 7 p.m.", "He said it was fair.", "Talks in the U.S.", "The end came."],
            id="an_abbreviation_before_he_she_it_they_we_or_the_ends_a_sentence",
        ),
    ],
)
def test_where_sentences_end(text: str, sentences: list[str]) -> None:
    assert _texts(text, split_sentences(text)) == sentences


def test_each_line_is_its_own_paragraph() -> None:
    text = "Continues after advertising\nRussia may withdraw. Two officials said so."
    assert _texts(text, split_sentences(text)) == [
        "Continues after advertising",
        "Russia may withdraw.",
        "Two officials said so.",
    ]


def test_offsets_are_absolute_for_a_slice() -> None:
    text = "Intro here. Body one. Body two. Outro."
    start = text.index("Body")
    end = text.index(" Outro")
    spans = split_sentences(text, start, end)
    assert _texts(text, spans) == ["Body one.", "Body two."]
    assert spans[0][0] == start


def test_empty_and_blank_texts() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \n") == []
    assert paragraphs("") == []


def test_seed_sentences_are_ordered_trimmed_and_within_text() -> None:
    paths = sorted(SEED_DIR.glob("*.txt"))
    if not paths:
        pytest.skip(f"seed articles missing in {SEED_DIR}")
    for p in paths:
        text = p.read_text(encoding="utf-8")
        spans = split_sentences(text)
        assert spans, p.name
        for (_, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 <= s2
        for s, e in spans:
            assert 0 <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip()
            assert "\n" not in text[s:e]


@given(st.text(alphabet=st.sampled_from('ab .?!\n"”U.S1'), max_size=80))
def test_spans_never_overlap_and_cover_only_non_space(text: str) -> None:
    spans = split_sentences(text)
    prev_end = 0
    for s, e in spans:
        assert prev_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev_end = e
    # Every non-space character belongs to exactly one sentence.
    covered = sum(e - s for s, e in spans)
    assert covered >= sum(1 for ch in text if not ch.isspace())


def test_a_masked_quotation_splits_only_where_it_ends_its_sentence() -> None:
    """The extractor's option: quoted content hidden (OPAQUE), so its full stops never split."""
    text = "“We won. We will win again,” she said. “It is over.” He left."
    masked = "".join(OPAQUE if 0 < i < len(text) and _inside_quotes(text, i) else c for i, c in enumerate(text))
    plain = _texts(text, split_sentences(text))
    opaque = _texts(text, sentence_spans(text, paragraphs(text), masked=masked))
    assert plain == ["“We won.", "We will win again,” she said.", "“It is over.”", "He left."]
    assert opaque == ["“We won. We will win again,” she said.", "“It is over.”", "He left."]


def _inside_quotes(text: str, i: int) -> bool:
    return text.count("“", 0, i) > text.count("”", 0, i) and text[i] not in "“”"


def test_a_run_on_sentence_is_cut_to_the_longest_allowed() -> None:
    text = "word, " * 100 + "end."
    spans = sentence_spans(text, paragraphs(text), max_len=120)
    assert len(spans) > 1 and all(e - s <= 120 for s, e in spans)
    assert "".join(text[s:e] + " " for s, e in spans).split() == text.split()
