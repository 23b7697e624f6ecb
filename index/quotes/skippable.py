"""The words between a subject and its verb that belong to neither: "has also",
"repeatedly", "last month", "three years ago", "on Tuesday".

Reads the document and a verb's position; returns where the subject before it ends, so
that "Brad Sherman last month joked" has the subject "Brad Sherman".
"""

from __future__ import annotations

import bisect

from .document import Doc
from .words import SKIPPABLE


def strip_skippable(doc: Doc, ss: int, pos: int) -> int:
    """Move left over auxiliaries and adverbs ("has also", "later") before a verb."""
    toks, lows = doc.tokens, doc.lows
    first = bisect.bisect_left(doc.token_starts, ss)
    k = bisect.bisect_left(doc.token_starts, pos, first) - 1
    if k >= first and toks[k][1] > pos:
        k -= 1  # tokens do not overlap: only the last one can run past `pos`
    end = pos
    while k >= first:
        s, e, w = toks[k]
        low = lows[k]
        if e != end and doc.masked[e:end].strip():
            break
        if low in SKIPPABLE and w[:1].isupper() and doc.masked[ss:s].strip(" \n(“‘\"'"):
            break  # ("“…,” Will said": a capitalised auxiliary inside a sentence is a name)
        if low in SKIPPABLE or (low.endswith("ly") and low[0] == w[0] and len(low) > 4) or low.endswith(("n't", "n’t")):
            end = s  # "has also", "repeatedly", "hadn't": not part of the subject
            k -= 1
            continue
        if low in _TIME_UNITS and k > first and lows[k - 1] in {"last", "this", "next"} and not doc.gaps[k].strip():
            end = toks[k - 1][0]  # "Brad Sherman last month joked": a time, not part of the subject
            k -= 2
            continue
        if low == "ago" and k - 2 >= first and lows[k - 1] in _AGO_UNITS and not doc.gaps[k].strip(" "):
            k -= 3  # "Putin three years ago admitted": a time, not part of the subject
            while k >= first and lows[k] in _ABOUT:
                k -= 1  # "less than two weeks ago"
            end = toks[k + 1][0]
            continue
        if low in _WEEKDAYS and k > first:
            end = toks[k - 1][0] if toks[k - 1][2] == "on" and not doc.gaps[k].strip() else s
            k -= 2 if end != s else 1
            continue
        break
    return end


_TIME_UNITS = frozenset("week month year night weekend spring summer fall autumn winter morning evening".split())
_ABOUT = frozenset("less more than about nearly almost just only over some barely".split())
_AGO_UNITS = frozenset("days weeks months years decades day week month year decade".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split())
