"""Who a relative clause's "who" is: the noun phrase right before it.

Reads the document before a verb whose subject is "who"; returns the antecedent as a
``Mention`` ("an endorsement from Mike Lee, who declared", "sued by a viewer who says",
"under fire from activist tech workers who have demanded"). (Moved out of ``sources``.)
"""

from __future__ import annotations

from index.lexicon import FUNCTION_WORDS

from .document import Doc, last_boundary, tokens_in
from .mentions import Mention, classify_np
from .words import ALL_CUE_FORMS, DETERMINERS, GROUP_NOUNS, PREPOSITIONS, cap, person_noun


def relative_antecedent(doc: Doc, ss: int, cut: str) -> Mention | None:
    """The noun phrase right before "who": "a lecture from the Mexican president, who",
    "an endorsement from Mike Lee, who", "rebuked critics who" -- not the whole clause.
    """
    end = ss + len(cut)
    toks = tokens_in(doc, ss + last_boundary(cut, len(cut)), end)
    if not toks or toks[-1][1] != end:
        return None
    k = len(toks) - 1
    while k > 0 and cap(toks[k - 1][2]) and not doc.masked[toks[k - 1][1] : toks[k][0]].strip():
        k -= 1  # back over a capitalised run: "Attorney General Loretta E. Lynch"
    i = k
    while i > 0 and toks[i - 1][2].lower() not in PREPOSITIONS and toks[i - 1][2].lower() not in ALL_CUE_FORMS:
        low = toks[i - 1][2].lower()
        if low in DETERMINERS:
            i -= 1
            break
        if not (
            toks[i - 1][2][:1].islower() and low not in FUNCTION_WORDS and not low.endswith(("ed", "ly"))
        ) and not cap(toks[i - 1][2]):
            break
        i -= 1
    if i == 0 and len(toks) > 1:
        return None  # the whole clause: no shorter noun phrase to find
    if i > 0 and toks[i - 1][2].lower() in PREPOSITIONS and toks[i - 1][2].lower() not in ("from", "by", "with"):
        return None  # "a senior analyst at Jefferies, who": "who" is the analyst, not the bank
    got = classify_np(doc, toks[i][0], end)
    return got if got is not None and got.kind != "clause" else None


_SOURCE_PREPOSITIONS = frozenset({"by", "from", "with", "against"})  # (whose criticism, whose suit)
_SAYS = frozenset({"says", "said", "claims", "claimed", "alleges"})


def restrictive_antecedent(doc: Doc, ss: int, cut: str, verb: str) -> Mention | None:
    """The people a restrictive "who" (no comma) means, when they speak: "sued by a viewer
    who says", "people who said that …", "from activist tech workers who have demanded".

    Not "slamming candidates who think “…”": there the words are the one who slams."""
    words = cut.split()
    if len(words) < 3:
        return None
    head = words[-1].lower()
    people = person_noun(head) or head in GROUP_NOUNS or head.endswith(("workers", "employees", "members"))
    if not people:
        return None
    rel = relative_antecedent(doc, ss, cut)
    if rel is None or rel.kind not in ("np", "role", "anonymous"):
        return None
    before = doc.masked[max(ss, rel.start - 12) : rel.start].split()
    sourced = bool(before) and before[-1].lower() in ("from", "by")  # (not "battles with people who claim")
    said = verb.split(None, 1)[:1] and verb.split(None, 1)[0] in _SAYS
    # (a body's critics by a preposition speak whatever their verb; others only by "says")
    return rel if sourced or said and (head in GROUP_NOUNS or words[-3].lower() in _SOURCE_PREPOSITIONS) else None
