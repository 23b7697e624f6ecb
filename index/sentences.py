"""Paragraph and sentence boundaries as offsets into the original text.

Pure Python and deliberately simple: a paragraph is a run of non-blank lines; a sentence
ends at ``.``, ``!`` or ``?`` (plus any closing quote marks or brackets) followed by
space and an upper-case letter, digit or opening mark, unless the word before the dot is
a known abbreviation or an initial ("U.S.", "Mr.", "J.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm st jr sr rev hon pres
    sens reps govs
    vs etc inc ltd co corp no jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k
    u.n e.u a.m p.m i.e e.g fig mt ft approx dept est univ""".split()
)

_PARA_RE = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_LINE_RE = re.compile(r"[^\n]+")
# Candidate end: terminal punctuation, optional closing marks, then whitespace.
_END_RE = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s+)")
_NEXT_START_RE = re.compile(r"\s+([\"'“‘«(\[]?[A-Z0-9])")
_LIST_MARKER_RE = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]")


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


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as absolute (start, end) offsets."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text[start:end]):
        out.extend(_split_paragraph(text, start + ps, start + pe))
    return out


def _split_paragraph(text: str, ps: int, pe: int) -> Iterator[tuple[int, int]]:
    seg_start = ps
    for m in _END_RE.finditer(text, ps, pe):
        stop = m.end()
        nxt = _NEXT_START_RE.match(text, stop, pe)
        if not nxt:
            continue
        punct = m.group(0)
        if _LIST_MARKER_RE.fullmatch(text, seg_start, stop):
            continue  # "1. Recognition of ..." is one item, not a sentence "1."
        if punct.startswith(".") and len(punct.rstrip("\"'”’»)]")) == 1 and is_abbreviation(text, m.start()):
            # "U.S. President" is one sentence, but "in the U.S. The" is two: only a
            # following capitalised *function* word would tell, so stay conservative.
            continue
        yield (seg_start, stop)
        seg_start = nxt.start(1)
    if seg_start < pe:
        yield (seg_start, pe)
