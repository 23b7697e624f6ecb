"""Cues of a possessed noun of speech: "Vladimir Putin's insistence that he is “not
bluffing”", "Donald Trump's claim that Obama “founded ISIS”", "another Russian leader's
threat to strike Britain “in just 200 seconds”".

Reads the document's words; returns cues at the noun, whose source (``Cue.mention``) is
the possessor: a name, a role or a possessive pronoun. The noun's clause ("that …", "to
…") holds the words, so the possessor says them, not the subject of the sentence ("Mike
Pence blamed the media for making an issue out of Donald Trump's claim that …").
"""

from __future__ import annotations

from itertools import compress, count

from index.lexicon import FUNCTION_WORDS
from index.models import Quote

from .cues import Cue
from .document import Doc, sent_of
from .mentions import Mention, classify_np
from .words import POSSESSIVE_PRONOUNS

# nouns of saying whose possessor is the one who says ("claim", "insistence", "threat")
POSSESSED = frozenset(
    """claim claims insistence threat threats warning warnings remark remarks assertion
    assertions promise pledge vow boast accusation accusations suggestion contention
    conclusion admission""".split()
)
_COMPLEMENT = frozenset({"that", "to"})  # the noun's clause: "claim that …", "threat to …"
_POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")


def possessed_cues(doc: Doc) -> list[Cue]:
    """A cue at each possessed noun of saying that opens a clause, with its possessor."""
    lows, words, gaps, toks = doc.lows, doc.words, doc.gaps, doc.tokens
    out: list[Cue] = []
    for k in compress(count(), map(POSSESSED.__contains__, lows)):
        if k + 2 < len(toks) and lows[k + 1] in ("from", "by") and not gaps[k + 1].strip():
            got = _source_after(doc, k)  # "claims from Conservative leader Michael Howard that …"
            if got is not None:
                out.append(got)
            continue
        if k + 1 >= len(toks) or lows[k + 1] not in _COMPLEMENT or gaps[k + 1].strip():
            continue
        j = k - 1  # back over at most two modifiers ("thinly-veiled", "repeated") to the possessor
        while j >= 0 and k - j <= 3 and not gaps[j + 1].strip() and lows[j] not in POSSESSIVE_PRONOUNS:
            if words[j].endswith(_POSSESSIVE_ENDS) or lows[j] in FUNCTION_WORDS or words[j][:1].isupper():
                break
            j -= 1
        if j < 0 or gaps[j + 1].strip():
            continue
        mention = _possessor(doc, j)
        if mention is None:
            continue
        s, e = toks[k][0], toks[k][1]
        out.append(
            Cue(s, e, lows[k], sent_of(doc, s), mention=mention, source_rule="possessed-claim", reportable=False)
        )
    return out


def _possessor(doc: Doc, j: int) -> Mention | None:
    """The possessor ending at token j: "his", "Putin's", "another Russian leader's"."""
    lows, words, gaps, toks = doc.lows, doc.words, doc.gaps, doc.tokens
    if lows[j] in POSSESSIVE_PRONOUNS and lows[j] != "its":
        t = toks[j]
        return Mention("pronoun", POSSESSIVE_PRONOUNS[lows[j]], t[0], t[1])
    if not words[j].endswith(_POSSESSIVE_ENDS):
        return None
    i = j  # the possessor's words: a name or a role before the possessive, no punctuation between
    while i > 0 and j - i < 4 and not gaps[i].strip() and lows[i - 1] not in FUNCTION_WORDS:
        i -= 1
    got = classify_np(doc, toks[i][0], toks[j][1])  # (the possessive mark comes off the speaker)
    return got if got is not None and got.kind in ("name", "role", "anonymous") else None


def claimed_by_possessor(doc: Doc, q: Quote) -> bool:
    """Was this quotation attributed by a possessed noun's cue ("Putin's insistence that")?"""
    if q.cue not in POSSESSED or q.cue_end is None or q.mention_start is None or q.cue_start is None:
        return False
    at = doc.offset  # (a record's offsets are into the whole article, the document a section of it)
    if q.mention_end is not None and q.mention_start > q.cue_end:
        # "claims from X that …": the source between the noun and its clause
        between = doc.masked[q.cue_end - at : q.mention_start - at].split()
        return (
            between[:1] in (["from"], ["by"])
            and len(between) <= 5
            and doc.masked[q.mention_end - at : q.mention_end - at + 6].lstrip().startswith("that")
        )
    if q.mention_end is None or not 0 <= q.cue_start - q.mention_end <= 25:
        return False
    owner = doc.text[q.mention_start - at : q.mention_end - at]
    possessive = owner.endswith(_POSSESSIVE_ENDS) or owner.lower() in POSSESSIVE_PRONOUNS
    after = doc.masked[q.cue_end - at : q.cue_end - at + 6]
    return possessive and after.lstrip().startswith(("that", "to "))


def _source_after(doc: Doc, k: int) -> Cue | None:
    """ "claims from Conservative leader Michael Howard that he led a “grubby government”":
    the source after "from" or "by" says what the noun's clause holds."""
    lows, gaps, toks = doc.lows, doc.gaps, doc.tokens
    t = k + 2
    while t < len(toks) and t - k <= 8 and not gaps[t].strip() and lows[t] not in _COMPLEMENT:
        if lows[t] in ("who", "which"):
            return None  # ("warnings from scientists who say that …": their own verb says it)
        t += 1
    if t >= len(toks) or t == k + 2 or lows[t] != "that" or gaps[t].strip():
        return None
    mention = classify_np(doc, toks[k + 2][0], toks[t - 1][1])
    if mention is None or mention.kind not in ("name", "role", "anonymous"):
        return None
    s, e = toks[k][0], toks[k][1]
    return Cue(s, e, lows[k], sent_of(doc, s), mention=mention, source_rule="possessed-claim", reportable=False)
