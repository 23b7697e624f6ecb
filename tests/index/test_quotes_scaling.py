"""Extraction time grows linearly with an article's length (#17).

Measured as a ratio of CPU time per character between a short and a long synthetic
article, never as an absolute time, so a busy machine moves both. The article keeps
bringing in new people whose surnames others already carry, as a long document
(a hearing, a report, a day of wire copy) does: each step that asked the whole text
about a name made the old extractor quadratic.
"""

from __future__ import annotations

import random
import time

import pytest

from index.quotes import extract_quotes, sections

_FIRST = "Anna Boris Carla Dmitri Elena Farid Greta Hugo Ines Jonas Katya Luis Maya Nikolai Olga Pavel".split()
_FEMALE = set("Anna Carla Elena Greta Ines Katya Maya Olga".split())
_SYLLABLES = "ka lo mi ne ru sa ti vo da be gi ho".split()
_ROLES = "spokesman minister mayor director senator adviser economist lawyer".split()


def _word(n: int) -> str:
    """The n-th made-up word: a long text keeps meeting new names and new words."""
    s = _SYLLABLES
    return s[n % 12] + s[n // 12 % 12] + s[n // 144 % 12] + ("n" if n >= 1728 else "")


def _paragraphs(rng: random.Random, k: int) -> list[str]:
    """Three paragraphs about person k (two people share each surname): a quotation,
    indirect speech, a pronoun's quotation; a headline now and then."""
    first, last = _FIRST[k % len(_FIRST)], _word(k // 2).title()
    he = "she" if first in _FEMALE else "he"
    thing, role = _word(k + 5000), rng.choice(_ROLES)
    out = [
        f"“We will keep the {thing} open until the spring,” said {first} {last}, the {role} of the region.",
        f"{last} told reporters on Monday that the {thing} was “far too costly” and that talks would "
        f"resume. {thing.title()} costs rose by {rng.randint(2, 90)} million last year, officials said.",
        f"“It is too early to say,” {he} added. The {role} said the figures would be published in May.",
    ]
    if k % 7 == 0:
        out.insert(0, f"Talks On The {thing.title()} Resume In {_word(k + 9000).title()}")
    return out


def _article(chars: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = k = 0
    while size < chars:
        for p in _paragraphs(rng, k):
            parts.append(p)
            size += len(p) + 1
        k += 1
    return "\n".join(parts)


def _seconds_per_char(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        quotes = extract_quotes("synthetic", text)
        best = min(best, time.process_time() - t)
    assert len(quotes) > len(text) // 1000  # it found what it was given
    return best / len(text)


def test_extraction_time_grows_linearly_with_the_articles_length() -> None:
    """0.5 MB and 4 MB: linear gives a ratio near 1 per character, quadratic 8 (the
    extractor before sections and indexes measured 7)."""
    short, long = _article(500_000), _article(4_000_000)
    ratio = _seconds_per_char(long, 2) / _seconds_per_char(short, 3)
    assert ratio < 2, ratio


def test_an_article_read_whole_is_linear_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stages themselves, on one text read whole (as every article up to
    sections.WHOLE characters is), 25,000 and 200,000 characters: no step may ask the
    whole text about each name, sentence or quotation."""
    monkeypatch.setattr(sections, "WHOLE", 10**9)
    short, long = _article(25_000), _article(200_000)
    ratio = _seconds_per_char(long, 3) / _seconds_per_char(short, 5)
    assert ratio < 2, ratio


def test_a_long_article_keeps_what_it_learnt_about_its_people() -> None:
    """Read in sections, a surname far from the full name still means that person, and
    offsets are into the whole text."""
    intro = "“We are ready,” said Greta Lindqvist, the minister.\n"
    filler = "The committee met again on Tuesday and discussed the budget at length.\n" * 2000
    text = intro + filler + "Lindqvist said the port would reopen in June after the repairs.\n"
    assert len(text) > sections.WHOLE
    quotes = extract_quotes("long", text)
    last = [q for q in quotes if q.start >= len(intro) + len(filler)]
    assert [(q.kind, q.speaker) for q in last] == [("reported", "Greta Lindqvist")]
    for q in quotes:
        assert q.text == text[q.start : q.end]
        if q.mention_start is not None:
            assert q.speaker_mention == text[q.mention_start : q.mention_end]


def test_a_claim_in_a_long_articles_later_section_is_still_its_possessors() -> None:
    # (records carry offsets into the whole article; a section's document starts later)
    filler = "The council met again on Tuesday and the budget was discussed at length. " * 900
    text = "Vote row\n\n" + filler + "\n\nTom Smith said Donald Trump’s claim that the vote was “rigged” was false.\n"
    got = {(q.kind, q.text, q.speaker) for q in extract_quotes("t", text)}
    assert ("partial", "rigged", "Donald Trump") in got  # the claim's words, not the one who reports it
    assert ("reported", "Tom Smith said", "Tom Smith") in got
