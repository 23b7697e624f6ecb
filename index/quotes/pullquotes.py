"""Pull-quotes: a quotation set apart as its own line, repeated where it is attributed.

Reads an article's finished records; returns them with each pull-quote given the speaker
of the attributed quotation that repeats its words ("“It is impossible to overstate this
ruling.” ¶ … ¶ “It is impossible to overstate this ruling …,” said his lawyer"). Only a
whole line that no cue of its own attributes, and only the same words (five or more),
so a quotation is never given to someone for words that merely look alike.
"""

from __future__ import annotations

import re
from dataclasses import replace

from index.models import Quote

from .confidence import CONFIDENCE
from .document import Doc

# rules that give a line no speaker of its own words: what the words' own attribution says wins
_WEAK = frozenset({"unattributed", "continuation", "continuation-in-paragraph", "nearby-person"})
_WORD_RE = re.compile(r"\w+")
_MIN_WORDS = 5


def attribute_pull_quotes(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """The records, each cue-less line of quotation that another attributed quotation
    repeats given that one's speaker (rule pull-quote)."""
    weak = [i for i, q in enumerate(quotes) if q.kind == "direct" and q.rule in _WEAK and _own_line(doc, q)]
    if not weak:
        return quotes
    said = [
        (" ".join(_WORD_RE.findall(q.text.lower())), q)
        for q in quotes
        if q.kind in ("direct", "partial") and q.speaker and q.rule not in _WEAK
    ]
    out = quotes
    for i in weak:
        words = _WORD_RE.findall(quotes[i].text.lower())
        if len(words) < _MIN_WORDS:
            continue
        key = " ".join(words)
        for text, other in said:
            if other.start != quotes[i].start and key in text:
                if out is quotes:
                    out = list(quotes)
                out[i] = replace(
                    quotes[i],
                    speaker=other.speaker,
                    rule="pull-quote",
                    confidence=CONFIDENCE["pull-quote"],
                    speaker_mention=other.speaker_mention,
                    mention_start=other.mention_start,
                    mention_end=other.mention_end,
                )
                break
    return out


def _own_line(doc: Doc, q: Quote) -> bool:
    """Is the quotation, with its marks, the whole of its line?"""
    s, e = q.start - doc.offset, q.end - doc.offset
    ls = doc.text.rfind("\n", 0, s) + 1
    le = doc.text.find("\n", e)
    le = len(doc.text) if le < 0 else le
    return not doc.text[ls:s].strip(" \t\"“„«'‘") and not doc.text[e:le].strip(" \t\"”»'’.")
