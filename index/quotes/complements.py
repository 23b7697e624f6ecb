"""Where a role's words end: "the head of Gazprom", "a spokesman for the Kremlin", "the
chief executive of a leading European car maker".

Reads the tokens of a noun phrase and where its head noun ends; returns the end offset
of the role, so that a described speaker is the whole description and never a fragment
of it ("chief executive of a leading European"); and what the head before a complement is
(a person, a document, a thing) when the complement names someone.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from index.lexicon import FUNCTION_WORDS, NON_PERSON_WORDS, PERSON_NOUNS

from .roles import DOCUMENT_NOUNS, PERSON_HEADS
from .words import FIRST_NAMES, ORG_HEADS, ORG_NAME_ENDS, STOP_HEAD, SURNAME_HONORIFICS, cap


def _common_noun(w: str) -> bool:
    """A lower-case word that can end a noun phrase ("car maker"), no function word or link."""
    return (
        w.isalpha()
        and w.islower()
        and not w.endswith("ly")
        and w not in STOP_HEAD
        and w not in FUNCTION_WORDS
        and w not in _TIME_WORDS
    )


_TIME_WORDS = frozenset("yesterday today tonight tomorrow earlier later again also still now then".split())


def named_complement(toks: Sequence[tuple[int, int, str]], lows: Sequence[str], head_n: int) -> int:
    """Where a role ends: with its complement when that names someone ("the head of
    Gazprom", "a spokesman for the Kremlin"), else at its head."""
    end = toks[head_n - 1][1]
    if head_n + 1 < len(toks) and lows[head_n] in _ROLE_LINKS:
        last = head_n + 1
        for k in range(head_n + 1, min(len(toks), head_n + 9)):
            if lows[k] in STOP_HEAD and lows[k] not in _ROLE_LINKS:
                break
            last = k
            if cap(toks[k][2]):
                end = toks[k][1]
                if k + 1 < len(toks) and toks[k + 1][2].isdigit() and len(toks[k + 1][2]) <= 2:
                    end = toks[k + 1][1]  # "a spokesman for Channel 4"
                # ("Kyiv 's national security council", as a scraped page spaces it: " '" then "s")
                spaced = k + 1 < len(toks) and lows[k + 1] == "s" and toks[k + 1][0] - toks[k][1] == 2
                if lows[k].endswith(("'s", "’s")) or spaced:
                    # "the deputy head of China’s delegation", "the head of the RNC’s powerful
                    # rules committee": what is the owner's, up to the next link
                    o = k + 1 if spaced else k
                    j = o + 1
                    while j < len(toks) and j - o <= 4 and lows[j].isalpha() and lows[j] not in STOP_HEAD:
                        j += 1
                    while j > o + 1 and lows[j - 1] in FUNCTION_WORDS:
                        j -= 1
                    if j > o + 1:
                        end = toks[j - 1][1]
                        break
        k = bisect.bisect_right([t[0] for t in toks], end)  # the word after the complement's last capital
        if end > toks[head_n - 1][1] and 0 < len(toks) - k <= 3 and all(_common_noun(t[2]) for t in toks[k:]):
            end = toks[-1][1]  # "the chief executive of a leading European car maker": to its noun
        if end == toks[head_n - 1][1] and lows[head_n - 1].endswith("s") and last > head_n:
            while last > head_n and lows[last] in FUNCTION_WORDS:
                last -= 1
            if last > head_n:
                end = toks[last][1]  # "the heads of both lobbying firms": not "heads"
    return end


_ROLE_LINKS = frozenset({"of", "for", "at", "to"})


def holder_after(run: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """The person named at the end of a role's "of" complement, from the first name on
    ("general secretary of the union Unison Dave Prentis", "director of rugby Nigel
    Melville"), else None; not a body ("the San Francisco Police Department"). (The caller
    keeps "a spokesman for Michael Howard" his spokesman: the name right after a link.)"""
    s, e, text = run
    words = text.split(" ")
    if words[-1].lower() in ORG_HEADS or words[-1].lower() in ORG_NAME_ENDS:
        return None
    for i, w in enumerate(words[:-1]):
        if w.lower() in FIRST_NAMES:
            name = " ".join(words[i:])
            return e - len(name), e, name
    return None


def described_head(lows: Sequence[str], head_n: int) -> str:
    """ "role" when the head before a complement is a person's role or a common noun for a
    person ("the athlete", "a spokesman"), "np" when it is a document ("a statement
    signed"), else "" (the name in the complement may be the source: "the head of Gazprom"
    keeps it in a role)."""
    for w in lows[:head_n]:
        single = w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        if w in DOCUMENT_NOUNS or single in DOCUMENT_NOUNS:
            return "np"
    last = lows[head_n - 1]
    single = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    if last in PERSON_HEADS or single in PERSON_HEADS or last in PERSON_NOUNS or single in PERSON_NOUNS:
        return "role"
    action = (
        last.endswith(_ACTION_ENDINGS) and last not in NON_PERSON_WORDS and head_n < len(lows) and lows[head_n] == "of"
    )
    if last in _EVIDENCE_NOUNS or action:
        # "evidence from local Lib Dem parties suggests", "The restoration of the Star Wars
        # episodes revealed": a thing, not the parties or the films
        return "np"
    return ""


_EVIDENCE_NOUNS = frozenset("evidence data statistics results research".split())
_ACTION_ENDINGS = ("tion", "sion", "ment")  # (an action named as a noun; "government" is a body)


def name_before_role(words: Sequence[str], lows: Sequence[str]) -> tuple[int, int] | None:
    """ "Dr Mike Watts head of exploration said", "Tom Reed chief executive of the firm said":
    a person's full name, then their role and its body with no comma: the tokens of the name
    (not "Hillary Clinton spokesman said": a relation's noun is someone else)."""
    a = 1 if lows[0] in SURNAME_HONORIFICS or lows[0] in ("sir", "lord", "lady", "dame") else 0
    b = a
    while b < len(words) and words[b][:1].isupper() and lows[b] not in FUNCTION_WORDS:
        b += 1
    if b - a < 2 or lows[a] not in FIRST_NAMES or b + 2 >= len(words):
        return None
    r = b + 1 if lows[b] in ("chief", "senior", "managing", "executive") and lows[b + 1] in PERSON_HEADS else b
    if r + 1 >= len(lows) or lows[r] not in PERSON_HEADS or lows[r] in _RELATIONS or lows[r + 1] not in ("of", "at"):
        return None
    return a, b


_RELATIONS = frozenset({"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "lawyer", "agent"})


def counted(words: Sequence[str]) -> bool:
    """ "Several makers of DAB chips", after a number or quantifier: a plural noun the
    lexicon does not know, then "of" (the name after it is what they make, not who speaks)."""
    if len(words) < 4 or words[2].lower() != "of" or not words[1].islower():
        return False
    noun = words[1]
    single = noun[:-1]
    return (
        noun.endswith("s")
        and not noun.endswith("ss")
        and single not in PERSON_HEADS
        and noun not in PERSON_NOUNS
        and single not in PERSON_NOUNS
        and noun not in FUNCTION_WORDS
        and any(w[:1].isupper() for w in words[3:])
    )
