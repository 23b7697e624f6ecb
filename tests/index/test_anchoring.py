"""Re-anchoring tagged passages after the article's text changed (index.anchoring)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from index.anchoring import (
    Anchor,
    Selector,
    edit_distance,
    make_selector,
    reanchor,
    similarity,
)
from index.sentences import split_sentences

TEXT = (
    "The talks in Brussels ended late on Tuesday. "
    '"We have reached an agreement that protects jobs on both sides," the minister said. '
    "Opposition leaders were unconvinced and called the deal a surrender. "
    "Markets rose slightly after the announcement."
)
QUOTE = "We have reached an agreement that protects jobs on both sides,"


def _select(text: str, words: str, occurrence: int = 0) -> Selector:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return make_selector(text, start, start + len(words))


def _words(anchor: Anchor, text: str) -> str:
    assert anchor.status != "orphan", anchor
    return text[anchor.start : anchor.end]


def _is_word_boundary(text: str, i: int) -> bool:
    return i in (0, len(text)) or not (text[i - 1].isalnum() and text[i].isalnum())


# -- selectors -------------------------------------------------------------------------------


def test_make_selector_keeps_position_quote_and_32_chars_of_context() -> None:
    sel = _select(TEXT, QUOTE)
    assert TEXT[sel.start : sel.end] == sel.exact == QUOTE
    assert len(sel.prefix) == len(sel.suffix) == 32
    assert TEXT.endswith(sel.suffix, 0, sel.end + 32) and TEXT.endswith(sel.prefix, 0, sel.start)


def test_make_selector_at_the_edges_has_short_context() -> None:
    sel = make_selector(TEXT, 0, 9)
    assert sel.prefix == "" and sel.exact == "The talks"
    end = make_selector(TEXT, len(TEXT) - 13, len(TEXT))
    assert end.suffix == "" and end.exact == "announcement."


@pytest.mark.parametrize("start,end", [(5, 5), (7, 3), (-1, 4), (0, len(TEXT) + 1)])
def test_make_selector_rejects_empty_or_out_of_range(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        make_selector(TEXT, start, end)


# -- the four outcomes -----------------------------------------------------------------------


def test_unchanged_text_is_anchored_in_place() -> None:
    sel = _select(TEXT, QUOTE)
    assert reanchor(sel, TEXT) == Anchor(sel.start, sel.end, "anchored")


def test_insertion_before_moves_the_passage_with_its_words() -> None:
    sel = _select(TEXT, QUOTE)
    new = "UPDATED 14:02. A new first paragraph was added here.\n\n" + TEXT
    anchor = reanchor(sel, new)
    assert anchor.status == "moved"
    assert anchor.start == sel.start + new.index(TEXT)
    assert _words(anchor, new) == QUOTE


def test_edit_next_to_the_passage_keeps_it_anchored_in_place() -> None:
    sel = _select(TEXT, QUOTE)
    new = TEXT.replace("the minister said", "the foreign minister told reporters")
    anchor = reanchor(sel, new)
    assert anchor == Anchor(sel.start, sel.end, "anchored")


def test_edit_inside_the_passage_is_found_fuzzily_on_word_boundaries() -> None:
    sel = _select(TEXT, QUOTE)
    edited = "We have reached a deal that protects jobs on both sides,"
    new = "Correction appended. " + TEXT.replace(QUOTE, edited)
    anchor = reanchor(sel, new)
    assert anchor.status == "moved"
    assert _words(anchor, new) == edited
    assert _is_word_boundary(new, anchor.start) and _is_word_boundary(new, anchor.end)


def test_fuzzy_match_snaps_to_whole_words() -> None:
    text = "Earlier remarks aside, the spokesman insisted the negotiations were going very well indeed, then left."
    sel = _select(text, "the negotiations were going very well indeed")
    new = text.replace("negotiations", "negotiation").replace("very", "really")
    anchor = reanchor(sel, new)
    assert anchor.status == "moved"
    assert _words(anchor, new) == "the negotiation were going really well indeed"


def test_deleted_passage_becomes_an_orphan() -> None:
    sel = _select(TEXT, QUOTE)
    new = TEXT.replace('"' + QUOTE + '" the minister said. ', "")
    assert reanchor(sel, new) == Anchor(-1, -1, "orphan")


def test_rewritten_passage_becomes_an_orphan_not_a_guess() -> None:
    sel = _select(TEXT, QUOTE)
    new = TEXT.replace(QUOTE, "Nothing has been agreed and jobs remain at risk,")
    assert reanchor(sel, new).status == "orphan"


def test_common_words_with_foreign_context_are_not_reused() -> None:
    """'the deal' still occurs, but not in the sentence that was tagged."""
    text = "Opposition leaders called the deal a surrender. Markets rose."
    sel = _select(text, "the deal")
    new = "Investors welcomed the deal on Wednesday. Markets rose."
    assert reanchor(sel, new).status == "orphan"


def test_similar_sentence_elsewhere_is_not_taken_for_a_deleted_one() -> None:
    first = "the government will cut taxes for small businesses next year"
    second = "the government will cut taxes for large businesses next year"
    text = f"In March the chancellor promised that {first}. Much later, a rival claimed that {second}, citing sources."
    sel = _select(text, first)
    new = text.replace(f"In March the chancellor promised that {first}. ", "")
    assert reanchor(sel, new).status == "orphan"


def test_duplicated_passage_anchors_to_the_copy_with_matching_context() -> None:
    copy = "prices will keep rising this winter"
    text = (
        f"On Monday the regulator warned that {copy}, according to a report. "
        f"On Friday the chief executive of the supplier also said {copy}, and apologised."
    )
    sel = _select(text, copy, occurrence=1)
    first = text.index(copy)
    # Shift the text so that the *first* copy lands exactly on the old position.
    new = "x" * (sel.start - first) + text
    assert new[sel.start : sel.end] == copy
    anchor = reanchor(sel, new)
    assert anchor.status == "moved"
    assert anchor.start == sel.start + (sel.start - first)
    assert "chief executive" in new[anchor.start - 60 : anchor.start]


def test_duplicated_passage_without_distinguishing_context_picks_the_nearest() -> None:
    copy = "A long sentence that the newsroom repeated verbatim in two places."
    text = f"{copy} Filler one. {copy} Filler two."
    sel = _select(text, copy, occurrence=1)
    new = text.replace("Filler one.", "Filler one, longer now.").replace("Filler two.", "Other.")
    anchor = reanchor(sel, new)
    assert anchor.start == new.index(copy, 1)
    assert _words(anchor, new) == copy


def test_far_better_match_beats_a_look_alike_near_the_old_position() -> None:
    """A long paragraph cut above a list can move a look-alike line onto the old spot."""
    before = "- Critic one, Daily Paper: film - The Harbour; director - Ann Lee."
    tagged = "- Critic two, Weekly Review: film - The Harbour; director - Ann Lee."
    look_alike = "- Critic two, Weekly Review: film - The Harbour; director - Bob Parker."
    after = "- Critic three, Film Monthly: film - Night Train; director - Ann Lee."
    middle = "Second round of predictions follows. " * 25
    first_list = f"{before}\n\n{tagged}\n\n{after}\n\n{middle}\n\n"
    intro = "x" * (len(first_list) - 2) + "\n\n"  # the look-alike will land on the old spot
    text = intro + first_list + f"{before}\n\n{look_alike}\n\n{after}\n"
    sel = _select(text, tagged)
    new = text[len(intro) :].replace(tagged, tagged.replace("Ann Lee", "Ann Lea"))
    assert new[sel.start : sel.start + 40] == look_alike[:40]
    anchor = reanchor(sel, new)
    assert _words(anchor, new) == tagged.replace("Ann Lee", "Ann Lea")


def test_small_edit_in_place_beats_an_exact_copy_out_of_context() -> None:
    quote = "the reform will be reviewed within two years of its entry into force"
    text = (
        f"Summary: {quote}. Details follow below.\n\n"
        f"Speaking in parliament on Thursday, the commissioner confirmed that {quote}, "
        "and took questions."
    )
    sel = _select(text, quote, occurrence=1)
    new = text[: sel.start] + text[sel.start :].replace("two years", "three years", 1)
    anchor = reanchor(sel, new)
    assert anchor.start == sel.start and _words(anchor, new) == quote.replace("two", "three")


def test_passage_that_is_the_whole_text() -> None:
    text = "Short article."
    sel = make_selector(text, 0, len(text))
    assert reanchor(sel, text).status == "anchored"
    assert reanchor(sel, "Short articles.").status == "moved"


def test_fuzzy_search_of_a_long_article_is_fast() -> None:
    rng = random.Random(7)
    vocab = [w for w in TEXT.replace('"', "").split() if w.isalpha()]
    body = " ".join(rng.choice(vocab) for _ in range(40_000))  # ~250 KB
    passage = "The chief executive said the company would repay every customer in full by March."
    text = body[:5000] + " " + passage + " " + body[5000:]
    sel = _select(text, passage)
    # Edit inside the passage and insert 100 KB before it: the near search fails,
    # the whole-text search must find it.
    new = body[100_000:200_000] + text.replace("in full", "fully")
    t0 = time.perf_counter()
    anchor = reanchor(sel, new)
    elapsed = time.perf_counter() - t0
    assert _words(anchor, new) == passage.replace("in full", "fully")
    assert elapsed < 2.0, f"re-anchoring took {elapsed:.2f}s"


SEED_DIR = Path(__file__).resolve().parents[2] / "index" / "seed"


def test_every_sentence_of_the_seed_articles_survives_a_realistic_update() -> None:
    """Tag every sentence; add a lead paragraph, reword one word in every third sentence
    and delete every seventh: edited ones move, deleted ones are orphans, none is wrong."""
    paths = sorted(SEED_DIR.glob("*.txt"))
    if not paths:
        pytest.skip(f"no seed articles in {SEED_DIR}")
    outcomes = {"right": 0, "orphan": 0}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        spans = [(s, e) for s, e in split_sentences(text) if e - s >= 40]
        lead = "UPDATE: this article was revised after publication.\n\n"
        new, expected = lead, {}
        cursor = 0
        for n, (s, e) in enumerate(spans):
            new += text[cursor:s]
            sentence = text[s:e]
            if n % 7 == 6:
                expected[(s, e)] = None  # deleted
                sentence = ""
            elif n % 3 == 1 and " the " in sentence:
                sentence = sentence.replace(" the ", " this ", 1)
            expected.setdefault((s, e), (len(new), len(new) + len(sentence)))
            new += sentence
            cursor = e
        new += text[cursor:]
        for (s, e), want in expected.items():
            anchor = reanchor(make_selector(text, s, e), new)
            if want is None:
                assert anchor.status == "orphan", (path.name, text[s:e])
                outcomes["orphan"] += 1
            else:
                assert (anchor.start, anchor.end) == want, (path.name, text[s:e], new[anchor.start : anchor.end])
                outcomes["right"] += 1
    assert outcomes["right"] > 50 and outcomes["orphan"] > 5


# -- properties ------------------------------------------------------------------------------

WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "would",
    "resume",
    "on",
    "Monday",
    "and",
    "jobs",
    "are",
    "safe",
    "critics",
    "disagree",
    ",",
    ".",
    "\n",
    "markets",
    "rose",
    "2026",
]


@st.composite
def article_and_edits(draw: st.DrawFn) -> tuple[str, int, int, list[tuple[int, int, str]]]:
    """A text, a passage in it, and edits that stay clear of the passage and its context."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=30, max_size=120))
    text = " ".join(words)
    start = draw(st.integers(0, len(text) - 2))
    end = draw(st.integers(start + 1, min(len(text), start + 80)))
    edits: list[tuple[int, int, str]] = []
    for _ in range(draw(st.integers(1, 6))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 20)))
        edits.append((a, b, draw(st.text(alphabet="abcdef .,\n", max_size=15))))
    return text, start, end, edits


def _apply_clear_of(text: str, lo: int, hi: int, edits: list[tuple[int, int, str]]) -> tuple[str, int]:
    """Apply edits that do not touch [lo, hi); return the new text and the shift of lo."""
    shift = 0
    for a, b, new in sorted(edits, reverse=True):  # right to left keeps offsets valid
        if b <= lo - 1 or a >= hi + 1:
            text = text[:a] + new + text[b:]
            if b <= lo - 1:
                shift += len(new) - (b - a)
    return text, shift


def _occurrences(text: str, part: str) -> int:
    """How many times ``part`` occurs in ``text``, overlaps included (unlike str.count)."""
    count, pos = 0, text.find(part)
    while pos != -1:
        count, pos = count + 1, text.find(part, pos + 1)
    return count


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_and_edits())
def test_edits_elsewhere_never_change_the_anchored_words(
    case: tuple[str, int, int, list[tuple[int, int, str]]],
) -> None:
    text, start, end, edits = case
    sel = make_selector(text, start, end)
    lo, hi = start - len(sel.prefix), end + len(sel.suffix)
    new, shift = _apply_clear_of(text, lo, hi, edits)
    anchor = reanchor(sel, new)
    assert anchor.status in ("anchored", "moved")
    assert new[anchor.start : anchor.end] == sel.exact
    window = sel.prefix + sel.exact + sel.suffix
    if _occurrences(new, window) == 1:  # unambiguous: it must be the very same place
        assert anchor.start == start + shift


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_and_edits())
def test_any_edits_give_similar_words_or_an_orphan(case: tuple[str, int, int, list[tuple[int, int, str]]]) -> None:
    """Edits anywhere, the passage included: never words unlike the tagged ones."""
    text, start, end, edits = case
    sel = make_selector(text, start, end)
    new = text
    for a, b, replacement in sorted(edits, reverse=True):
        new = new[:a] + replacement + new[b:]
    anchor = reanchor(sel, new)
    if anchor.status == "orphan":
        assert (anchor.start, anchor.end) == (-1, -1)
    else:
        assert similarity(sel.exact, new[anchor.start : anchor.end]) >= 0.85


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab c", max_size=25), st.text(alphabet="ab c", max_size=25))
def test_edit_distance_matches_the_textbook_algorithm(a: str, b: str) -> None:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    assert edit_distance(a, b) == prev[-1]
    assume(a or b)
    assert similarity(a, b) == pytest.approx(1 - prev[-1] / max(len(a), len(b)))


# -- long passages (#19, item 9: a 200 KB passage took 48 s after a small edit) ------------


def _long_text(paragraphs: int = 700, seed: int = 7) -> str:
    rng = random.Random(seed)
    words = "the minister said talks would resume on monday critics plan cost jobs opposition vote".split()
    return "".join(" ".join(rng.choice(words) for _ in range(60)).capitalize() + ".\n\n" for _ in range(paragraphs))


@pytest.mark.parametrize(
    ("name", "at", "change"),
    [("inside", 100_000, "XYZ "), ("at-its-start", 20_010, "Q"), ("at-its-end", 219_980, "Q"), ("above", 500, "Z ")],
)
def test_a_200kb_passage_after_a_small_edit_is_found_fast(name: str, at: int, change: str) -> None:
    text = _long_text()
    sel = make_selector(text, 20_000, 220_000)
    new = text[:at] + change + text[at:]
    began = time.perf_counter()
    anchor = reanchor(sel, new)
    took = time.perf_counter() - began
    assert took < 3.0, f"{took:.1f} s"  # 48 s before; ~0.1 s here
    shift = len(change) if at < 20_000 else 0
    grow = len(change) if 20_000 <= at < 220_000 else 0
    assert anchor.status == "moved"
    assert (anchor.start, anchor.end) == (20_000 + shift, 220_000 + shift + grow)


def test_a_long_passage_whose_middle_was_rewritten_is_an_orphan() -> None:
    text = _long_text(200)
    sel = make_selector(text, 2_000, 40_000)
    other = _long_text(30, seed=8)  # other words of the same vocabulary
    new = text[:10_000] + other[:12_000] + text[22_000:]
    assert reanchor(sel, new).status == "orphan"


def test_a_long_passage_is_not_found_in_another_text_sharing_its_ends() -> None:
    text = _long_text(200)
    sel = make_selector(text, 2_000, 40_000)
    middle = _long_text(120, seed=9)[5_000:41_000]
    new = text[:2_200] + middle + text[39_800:]
    assert reanchor(sel, new).status == "orphan"
