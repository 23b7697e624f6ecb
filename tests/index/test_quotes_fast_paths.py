"""The extractor's fast paths answer as the plain forms they stand in for.

Each speed-up of the quotation engine that replaced a regex or a per-article scan keeps
the plain form here, and hypothesis looks for a text on which the two disagree.
"""

from __future__ import annotations

import re
from itertools import compress, count

from hypothesis import given, settings
from hypothesis import strategies as st

from index.lexicon import FUNCTION_WORDS
from index.quotes.document import _BOUNDARY_REV_RE, mark_tokens, read_document, tokens_marked, whole_word_at
from index.quotes.kinds import _NAMING_BEFORE_RE, _naming_before
from index.quotes.marks import _single_marks
from index.quotes.roster import _CAP_LONG_RE, _LOWER_WORD_RE
from index.quotes.skippable import _DETERMINER_AFTER_WORD_RE, subject_start
from index.quotes.words import PREPOSITIONS

# pieces of text, with the characters each fast path is careful about: the apostrophes and
# hyphen after a word, "_", capitals, digits around a comma, and the letters that Python's
# case-insensitive regex matches to ASCII ones while str.lower does not ("İ", "ı", "ſ")
_PIECES = [
    "Smith", "smith", "Smiths", "Smith-", "Smith'", "Smith’", "Smith_", "_Smith", "SmithSmith",
    "titled", "enTitled", "TİTLED", "tıtled", "headlined", "known as", "KNOWN AS the", "known aſ",
    "also", "the", "a", "an", "on Monday", "Tuesday", "midnight", "mayor", "after", "said", "taht", "sa", "fi", "elihw",
    "Word", "word", "Quite", "Ab", "ABCD", "abcd", "x", "1", "12", ",", ", ", ";", ":", "\x01",
    "”", '"', "—", "–", "(", " ", "  ", "\n", "\u00a0", ".", "-", "'", "’",
]  # fmt: skip
_texts = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts, st.sampled_from(["Smith", "Smiths", "SmithSmith", "ab", "a", ""]))
def test_bare_uses_of_a_word_are_the_regex_matches(text: str, word: str) -> None:
    plain = [hit.start() for hit in re.finditer(rf"{re.escape(word)}(?![\w\-'’])", text)]
    assert whole_word_at(text, word) == plain


def test_a_bare_use_found_inside_a_longer_miss() -> None:
    # (after a miss the search goes on from the next character, as the regex's does)
    assert whole_word_at("SmithSmithSmith", "SmithSmith") == [5]
    assert whole_word_at("Smith-Smith Smith's Smith", "Smith") == [6, 20]


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_naming_words_before_a_quotation_as_the_regex_finds_them(text: str) -> None:
    assert _naming_before(text) == bool(_NAMING_BEFORE_RE.search(text))


def test_naming_words_in_letters_the_regex_folds() -> None:
    # (the regex matches "İ" and "ı" to "i", "ſ" to "s"; str.lower does not)
    for text in ("tİtled ", "tıtled:", "known aſ", "Known As The "):
        assert _naming_before(text) is True


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_class_first_regexes_match_as_their_look_behind_forms(text: str) -> None:
    lower = re.compile(r"(?<![\w'’\-])[a-z][a-z]{3}")
    cap_long = re.compile(r"(?<![\w'’\-])[A-Z]\w{3}")
    boundary = re.compile(
        r"(?<!\d),|,(?!\d)|[;:\x01”\"—–(]|\b(?:taht|elihw|sa|nehw|fi|esuaceb|hguohtla|hguoht|saerehw|ecnis|sselnu|retfa|erofeb)\b"
    )
    for start in range(min(len(text), 4)):
        assert _LOWER_WORD_RE.findall(text, start) == lower.findall(text, start)
        assert _CAP_LONG_RE.findall(text, start) == cap_long.findall(text, start)
        got, want = _BOUNDARY_REV_RE.search(text, start), boundary.search(text, start)
        assert (got.span() if got else None) == (want.span() if want else None)


@settings(max_examples=300, deadline=None)
@given(_texts, st.integers(0, 8))
def test_subject_start_as_the_determiner_regex_finds_it(text: str, b: int) -> None:
    b = min(b, len(text))
    plain = b
    for d in _DETERMINER_AFTER_WORD_RE.finditer(text, b, len(text)):
        word = d.group(1)
        if word not in FUNCTION_WORDS and word not in PREPOSITIONS and not word.endswith(("ed", "ing", "s")):
            plain = d.end(1) + 1
    assert subject_start(text, b, len(text)) == plain


def test_marked_tokens_answer_for_any_part_of_the_marked_words() -> None:
    doc = read_document("t", "The minister said the company told the spokesman, the firm said.\n")
    lows = doc.lows

    def plain(words: frozenset[str]) -> list[int]:
        return list(compress(count(), map(words.__contains__, lows)))

    cues, roles = frozenset({"said", "told"}), frozenset({"minister", "company", "spokesman", "firm"})
    assert tokens_marked(doc, cues) == plain(cues) == [2, 5, 10]  # (before any marking: a scan of its own)
    mark_tokens(doc, cues | roles)
    assert tokens_marked(doc, cues) == [2, 5, 10]
    assert tokens_marked(doc, roles) == plain(roles) == [1, 4, 7, 9]
    other = frozenset({"the", "said"})  # (not part of the marked words: scanned again)
    assert tokens_marked(doc, other) == plain(other)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["'", "’", "‘", "‹", "›", "a", "_", " ", "1", "é", "²", ".", "’s", "don't"]), max_size=16
    ).map("".join)
)
def test_single_marks_as_the_loop_over_every_mark_finds_them(text: str) -> None:
    plain = []
    for hit in re.finditer("[‘’‹›']", text):
        i = hit.start()
        inside = 0 < i < len(text) - 1 and (text[i - 1].isalnum() or text[i - 1] == "_")
        if text[i] == "'" and inside and (text[i + 1].isalnum() or text[i + 1] == "_"):
            continue  # "don't", "Blair's"
        plain.append(i)
    assert _single_marks(text) == plain
