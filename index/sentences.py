"""Paragraph and sentence boundaries as offsets into the original text: one splitter for
the whole project (the reader's selection, the aligner and the quotation extractor).

Pure Python and deliberately simple: a paragraph is a line; a sentence ends at ``.``,
``!`` or ``?`` (plus any closing quote marks or brackets) followed by space and an
upper-case letter, digit or opening mark, unless the word before the dot is a known
abbreviation or an initial ("U.S.", "Mr.", "J.") and no "He", "She", "It", "They",
"We" or "The" follows ("at 7 p.m. He said" is two sentences), or the sentence so far
is a list marker ("1."). The extractor splits its masked text (quoted content hidden,
so a full stop inside a quotation never splits) and caps the length of run-on
sentences: ``sentence_spans(..., masked=, max_len=)``.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm st jr sr rev hon pres
    sens reps govs
    vs etc inc ltd co corp no jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k
    u.n e.u a.m p.m i.e e.g fig mt ft approx dept est univ""".split()
)

OPAQUE = "\x01"  # in a masked text, a character of quoted content (index/quotes masks with it)
_LINE_RE = re.compile(r"[^\n]+")
# A sentence end: terminal punctuation and closing marks, or the closing mark right after
# opaque characters, then space and what opens a sentence (in a masked text, an opening
# mark before quoted content too). One leading character class lets the regex engine skip
# ahead fast: this runs over every article. (The class holds the closing mark, not the
# opaque character: a quotation's masked run is skipped at C speed, not tried character
# by character, which halved the time of this regex.)
_END_RE = re.compile(
    '[.!?"”’»](?:(?<=[.!?])[.!?]*["\'”’»)\\]]*|(?<=\x01["”’»]))(?=\\s+(?:["\'“‘«(\\[]?[A-Z0-9]|["“‘«]\x01))'
)
_CLOSERS = "\"'”’»)]"
_LIST_MARKER_RE = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]")
# after an abbreviation, these words open a new sentence: "at 7 p.m. He says", "the U.S. The"
_NEW_SENTENCE_WORDS = (["He"], ["She"], ["They"], ["It"], ["We"], ["The"])


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end), split on blank lines *and* single newlines.

    News text in the wild uses one newline per paragraph as often as two, so every line
    is its own paragraph; leading/trailing spaces are trimmed from the span.
    """
    out: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        s, e = trim(text, m.start(), m.end())
        if e > s:
            out.append((s, e))
    return out


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """`[s, e)` without the whitespace at either end."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# a word with this many letters before its dot is no abbreviation, initial or acronym
_LONG_WORD = max(map(len, ABBREVIATIONS)) + 1


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` closes an abbreviation or an initial."""
    if dot >= _LONG_WORD and text[dot - _LONG_WORD : dot].isalpha():
        return False  # the common case ("... said."), decided without walking back letter by letter
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # Single capital initial ("J. Smith") or dotted acronym ("U.S", "a.m").
    if len(word) == 1 and text[j].isupper():
        return True
    return "." in word and all(len(p) <= 2 for p in word.split("."))


def abbreviation_at(text: str, dot: int, ps: int = 0) -> bool:
    """is_abbreviation(text, dot), with the common case (a word of letters after a space) first."""
    space = text.rfind(" ", ps, dot)
    if space >= 0:
        word = text[space + 1 : dot]
        if word.isalpha():  # the whole word that is_abbreviation would read
            low = word.lower()  # (its length, as is_abbreviation counts it: "İ" lowers to two)
            return low in ABBREVIATIONS or (len(low) == 1 and word.isupper())
    return is_abbreviation(text, dot)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as absolute (start, end) offsets."""
    end = len(text) if end is None else end
    return sentence_spans(text, [(start + ps, start + pe) for ps, pe in paragraphs(text[start:end])])


def sentence_spans(
    text: str, paras: list[tuple[int, int]], *, masked: str | None = None, max_len: int = 0
) -> list[tuple[int, int]]:
    """The sentences of each paragraph span of `text`, as absolute (start, end) offsets.

    With `masked` (the text with quoted content replaced by OPAQUE, the same length),
    boundaries are read there, so a full stop inside a quotation never splits, while a
    quotation that ends with one ends its sentence ("... we win.” He said"). With
    `max_len`, a longer run-on "sentence" is cut at commas or spaces, which keeps every
    look-back from a sentence start bounded.
    """
    m = text if masked is None else masked
    sents: list[tuple[int, int]] = []
    longest = 0
    for ps, pe in paras:
        start = ps
        for hit in _END_RE.finditer(m, ps, pe):
            end = hit.end()
            piece = hit.group()
            c = piece[0]
            if c not in ".!?":  # a closing mark after quoted content
                close = hit.start()
                if text[close - 1] not in ".!?" and not (close >= 2 and text[close - 2] in ".!?"):
                    continue  # a quotation that does not end its sentence: “…” he said
            elif c == "." and len(piece.rstrip(_CLOSERS)) == 1 and abbreviation_at(m, hit.start(), ps):
                if m[end : end + 6].split(" ", 2)[1:2] not in _NEW_SENTENCE_WORDS:
                    continue  # "U.S. President" goes on; "7 p.m. He says" is a new sentence
            if end - start <= 6 and _LIST_MARKER_RE.fullmatch(m, start, end):
                continue  # "1. Recognition of ..." is one item, not a sentence "1."
            sents.append((start, end))
            if end - start > longest:
                longest = end - start
            start = end
            while start < pe and m[start].isspace():
                start += 1
        if start < pe:
            sents.append((start, pe))
            if pe - start > longest:
                longest = pe - start
    if max_len and longest > max_len:
        sents = [piece for s, e in sents for piece in _bounded(m, s, e, max_len)]
    return sents


def _bounded(m: str, s: int, e: int, max_len: int) -> list[tuple[int, int]]:
    """Split a run-on "sentence" longer than `max_len` at commas or spaces."""
    out: list[tuple[int, int]] = []
    while e - s > max_len:
        cut = m.rfind(", ", s + max_len // 2, s + max_len)
        if cut < 0:
            cut = m.rfind(" ", s + max_len // 2, s + max_len)
        cut = cut + 1 if cut >= 0 else s + max_len
        out.append((s, cut))
        s = cut
        while s < e and m[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))
    return out
