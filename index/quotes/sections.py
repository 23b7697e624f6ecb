"""Long texts are read in sections, so that extraction time stays linear in their length.

Reads an article's text; returns the spans to extract one after the other, as
(context start, start, end): whole lines of about ``SECTION`` characters, each read
with up to ``LEAD`` characters of the lines before it, whose quotations belong to the
section before but which tell who spoke last. What a section learns about the article's
people (``people.Known``: full names, genders, role holders) carries to the sections
after it; what it cannot know is a name that only a later section writes in full.

An article is read whole up to ``WHOLE`` characters (every article of the development
sets is). A longer one read whole holds hundreds of thousands of words' records at
once, and the garbage collector walks them again and again (a 20 MB text ran at 0.57x
the speed per megabyte of a BBC article, and needed 1.2 GB); in sections of 20,000
characters it keeps the working set of a long news story.
"""

from __future__ import annotations

WHOLE = 50_000  # characters: an article up to this long is read whole (every development article is)
SECTION = 20_000  # the sections of a longer one
LEAD = 1_500  # the lines before a section, read with it


def sections(text: str) -> list[tuple[int, int, int]]:
    """The (context start, start, end) spans that cover `text`, in order."""
    n = len(text)
    if n <= WHOLE:
        return [(0, 0, n)]
    out: list[tuple[int, int, int]] = []
    start = 0
    while start < n:
        end = _cut(text, start)
        context = start
        if start:
            nl = text.find("\n", max(0, start - LEAD), start)
            context = nl + 1 if nl >= 0 else start
        out.append((context, start, end))
        start = end
    return out


def _cut(text: str, start: int) -> int:
    """Where the section from `start` ends: after a line, else a sentence, else a space."""
    n = len(text)
    if n - start <= SECTION + SECTION // 2:
        return n  # no short last section
    limit = start + 2 * SECTION
    for sep in ("\n", ". ", " "):
        at = text.find(sep, start + SECTION, limit)
        if at >= 0:
            return at + len(sep)
    return limit
