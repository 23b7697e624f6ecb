"""What kind a quotation is: direct, partial, or other (titles, scare quotes, names).

Reads a quotation group and whether it is attributed; returns its kind.
"""

from __future__ import annotations

import re

from .document import MASK, Doc, near_start, starts_paragraph
from .marks import Seg
from .words import title_case

_TITLE_NOUNS = frozenset(
    """book books film films movie movies song songs album albums show shows series program
    programme programs newspaper magazine column columns article articles titled entitled
    dubbed nicknamed headline headlines slogan slogans hashtag podcast documentary play
    musical novel memoir poem episode opera paper editorial essay report website blog
    tagline motto brand label nickname term phrase word words called""".split()
)


def quote_kind(doc: Doc, segs: list[Seg], attributed: bool) -> str:
    """direct, partial or other (titles and scare quotes)."""
    first = segs[0]
    content = doc.text[first.start : first.end]
    nwords = sum(len(doc.text[s.start : s.end].split()) for s in segs)
    if nwords <= 10:
        before = doc.masked[max(doc.paras[first.para][0], first.open_pos - 40) : first.open_pos]
        prev_words = _ALPHA_RE.findall(before)[-3:]
        if prev_words and any(w.lower() in _TITLE_NOUNS for w in prev_words[-2:]):
            if not (prev_words[-1].lower() == "called" and content[:1].islower()):
                return "other"
    if (
        nwords <= 8
        and title_case(content)
        and not starts_paragraph(doc, first)
        and not content.rstrip().endswith(("!", "?"))
    ):
        return "other"
    embedded = _embedded(doc, first)
    if not attributed:
        if nwords <= 4 or embedded:
            return "other"
        return "direct"
    if embedded:
        return "partial"
    if content[:1].islower() and not _continues_split(doc, segs[0]):
        return "partial"
    return "direct"


def _continues_split(doc: Doc, seg: Seg) -> bool:
    """“We will,” he said, “and soon.”: the second part continues a direct quote."""
    ps = near_start(doc, seg)
    before = doc.masked[ps : seg.open_pos].rstrip()
    if not before.endswith(","):
        return False
    k = before.rfind(MASK)
    return k >= 0 and len(before) - k < 60


def _embedded(doc: Doc, seg: Seg) -> bool:
    """Is the opening mark inside the writer's own clause ('would “not suit” Russia')?"""
    j = seg.open_pos - 1
    ps = doc.paras[seg.para][0]
    while j >= ps and doc.text[j] == " ":
        j -= 1
    return j >= ps and (doc.text[j].isalnum() or doc.text[j] in "’'")


_ALPHA_RE = re.compile(r"[A-Za-z]+")
