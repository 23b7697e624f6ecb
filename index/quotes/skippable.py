"""The words between a subject and its verb that belong to neither: "has also",
"repeatedly", "last month", "three years ago", "on Tuesday"; and the time phrases that open a
sentence before its subject ("On Tuesday night", "Earlier this month").

Reads the document and a verb's position; returns where the subject before it ends, so
that "Brad Sherman last month joked" has the subject "Brad Sherman".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from index.lexicon import FUNCTION_WORDS, TITLES

from .document import Doc
from .words import PREPOSITIONS, SKIPPABLE


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
        if (
            low in SKIPPABLE
            or (low.endswith("ly") and low[0] == w[0] and len(low) > 4 and low not in _LY_NOUNS)
            or low.endswith(("n't", "n’t"))
        ):
            end = s  # "has also", "repeatedly", "hadn't": not part of the subject
            k -= 1
            continue
        if (
            low == "to"
            and k - 2 >= first
            and k + 1 < len(lows)
            and lows[k + 1] == "have"
            and lows[k - 1] in _HEARSAY_PARTICIPLES
            and lows[k - 2] in _BE_FORMS
            and not "".join(doc.gaps[k - 1 : k + 1]).strip()
        ):
            end = toks[k - 2][0]  # "Mr Brown is alleged to have told": what others say he did
            k -= 3
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
        if low.isdigit() and len(low) == 4 and k > first and lows[k - 1] == "in" and not doc.gaps[k].strip():
            end = toks[k - 1][0]  # "The Strategy Unit in 2003 said": a year, not part of the subject
            k -= 2
            continue
        if low in _WEEKDAYS and k > first:
            end = toks[k - 1][0] if toks[k - 1][2] == "on" and not doc.gaps[k].strip() else s
            k -= 2 if end != s else 1
            continue
        break
    return end


_HEARSAY_PARTICIPLES = frozenset(
    "alleged said reported understood thought believed known claimed rumoured supposed".split()
)
_BE_FORMS = frozenset("is was are were".split())
# nouns that end as adverbs do: "the former monopoly said", "the daily reported"
_LY_NOUNS = frozenset("monopoly ally assembly rally supply anomaly bully daily weekly monthly quarterly".split())
_TIME_UNITS = frozenset("week month year night weekend spring summer fall autumn winter morning evening".split())
_ABOUT = frozenset("less more than about nearly almost just only over some barely".split())
_AGO_UNITS = frozenset("days weeks months years decades day week month year decade".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split())


def after_opening_phrase(words: Sequence[str]) -> int:
    """Where the subject starts after a participle phrase that opens the sentence with its
    comma left out, as BBC copy often does ("Launching the initiative Mr Clarke said",
    "Speaking to reporters Tony Blair said"): the capitalised words at the end, from a
    title if they hold one; 0 when the words are no such phrase and name."""
    j = len(words)
    while j > 2 and words[j - 1][:1].isupper():
        j -= 1
    if j == len(words) or j == 2 and words[1][:1].isupper() or len(words) - j > 4:
        return 0
    for i in range(j, len(words) - 1):
        if words[i].lower().rstrip(".") in TITLES or words[i].isupper() and words[i + 1][1:2].islower():
            return i + (words[i].lower().rstrip(".") not in TITLES)  # "to the BBC Tony Blair": after the acronym
    before = words[j - 1].lower()
    # (not the object of a preposition, "from a centre in Dnipro", nor half of two, "Cruz and John Kasich")
    return 0 if before in PREPOSITIONS or before in ("and", "or", "&") else j


_TIME_OPENERS = frozenset("on in at during since until by from".split())
_TIME_MODIFIERS = frozenset("early late last this next earlier later mid".split())
_TIMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    january february march april june july august september october november december
    week month year weekend spring summer autumn winter morning afternoon evening night""".split()
)


def time_opening(lows: Sequence[str]) -> int:
    """How many words of a time open the phrase ("On Tuesday", "Last week", "In March 2022",
    "On Tuesday night", "Earlier this month"); 0 when none does."""
    if lows[0] not in TIME_STARTS:
        return 0
    n = len(lows)
    k = 1 if lows[0] in _TIME_OPENERS else 0
    if k < n and lows[k] in _TIME_MODIFIERS:
        k += 1
    start = k
    while k < n and (lows[k] in _TIMES or lows[k].isdigit() or lows[k][:-2].isdigit() and lows[k][-2:] in _ORDINALS):
        k += 1
    if k == start or all(w.isdigit() for w in lows[start:k]) and (not start or lows[0] not in ("in", "since")):
        return 0  # ("in 2022" is a time; "on 5" or "the 5" is not)
    return k


_ORDINALS = frozenset({"st", "nd", "rd", "th"})
TIME_STARTS = _TIME_OPENERS | _TIME_MODIFIERS | _TIMES  # (a phrase opening with none of these is no time)


# a page's share buttons run into the text before a sentence when a page is read as one line
_SHARE_BUTTONS_RE = re.compile(
    r"(?:\b(?:Share|Facebook|Twitter|WhatsApp|Email|E-mail|Telegram|Pinterest|LinkedIn|Reddit|Print|Tweet)\s+){3,}"
)
_DETERMINER_AFTER_WORD_RE = re.compile(r"\b([a-z]+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day) (?:the|a|an) ")
_PLURAL_AFTER_PREP_RE = re.compile(
    r"(?i:without|despite|after|amid|following|with|in|over) (?:(?:its|his|their|further|new) )?[a-z]+s$"
)


def subject_start(region: str, b: int, e: int) -> int:
    """Where a subject starts in region[b:e] when a time phrase runs into it with no comma:
    "after midnight the mayor said", "on Tuesday the chancellor told", "hours after the
    meeting the mayor said" (an article after a noun, not after "of", a preposition or a
    verb: "the head of the IMF")."""
    start = b
    furniture = _SHARE_BUTTONS_RE.search(region, b, e) if region.find("Facebook", b, e) >= 0 else None
    if furniture is not None:
        start = b = furniture.end()  # "May 4, 2022 Share Facebook Twitter WhatsApp A senior official said"
    if region.find(" the ", b, e) < 0 and region.find(" a ", b, e) < 0 and region.find(" an ", b, e) < 0:
        return start  # (most subjects: no article after a word, decided without the regex)
    for d in _DETERMINER_AFTER_WORD_RE.finditer(region, b, e):
        word = d.group(1)
        if word not in FUNCTION_WORDS and word not in PREPOSITIONS and not word.endswith(("ed", "ing", "s")):
            start = d.end(1) + 1
        elif word.endswith("s") and _PLURAL_AFTER_PREP_RE.search(region, b, d.end(1)):
            start = d.end(1) + 1  # "Even without changes the commission does urge": a noun, not a verb
    return start
