"""What "it", "they" and "the couple" can name besides a speaker.

Reads ``People`` and the document around a pronoun or a noun phrase; returns the noun
phrase that opened a recent sentence ("The email includes ...", "Trump's campaign
backtracked"), never a person ("it" is no person, "they" no single one); two people who
opened one as a joint subject ("Lord Justice Rix and Mr Justice Forbes ruled"); the two
named together whom "the couple" or "both firms" means; and whether a one-word name of
no known sex can be "it" ("Turkcell said …. “…,” it warned"). (Moved out of ``resolve``.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from index.lexicon import FUNCTION_WORDS

from .document import Doc, determiner_before, para_of, sent_of, tokens_in
from .mentions import Mention
from .naming import described, speaker_like
from .orgs import is_place
from .people import People
from .roles import DOCUMENT_NOUNS, PERSON_HEADS, singular
from .words import ALL_CUE_FORMS, FIRST_NAMES, GROUP_NOUNS, MODALS, PASSIVE_AUX, SKIPPABLE, cap


def np_subject_before(people: People, pos: int, plural: bool) -> tuple[int, str] | None:
    """The subject of the sentence of `pos` or of one of the two before it (in the same or
    the previous paragraph) when "it" (or, `plural`, "they") can name it: a noun phrase
    or an organisation, never a person ("it" is no person; "they" is no single one).

    A person subject in between is passed over: "it" and "they" cannot mean them.
    """
    doc = people.doc
    for ss, se, k in _recent_sentences(doc, pos, 3, 1):
        got = _opening_np(doc, ss, min(se, pos))
        if got is None:
            continue
        start, text, many = got
        if many is None:
            if plural:
                continue
            return start, people.canonical(text, start)  # a document's issuer: a body, whatever its name
        head = text.rsplit(None, 1)[-1]
        # "The government postponed plans because they said …": a body is "they" in its own sentence
        collective = plural and not many and k == sent_of(doc, pos) and head.lower() in _COLLECTIVES
        if many != plural and not collective or text.endswith(("'s", "’s")):
            continue  # ("The company's shares tumbled after it said": not "company's")
        if plural and head.lower() not in GROUP_NOUNS and not collective:
            continue  # "they" speaks for people ("the protesters"), not "the figures"
        if (
            not plural
            and head[:1].islower()
            and singular(head.lower()) not in DOCUMENT_NOUNS
            and not speaker_like(described(text, people))
        ):
            continue  # "The growth will be driven by ..., the report predicted. ..., it said": not the growth
        if head[:1].isupper():
            name = people.canonical(text, start)
            if people.is_person(name):
                continue  # "Trump said ...": neither "it" nor "they"
            text = name
        return start, text
    return None


def _recent_sentences(doc: Doc, pos: int, n: int, paras_back: int) -> Iterator[tuple[int, int, int]]:
    """The sentence of `pos` and up to n - 1 before it, as (start, end, index), latest first,
    within `paras_back` paragraphs."""
    if not doc.sents:
        return
    si = sent_of(doc, pos)
    para = para_of(doc, pos)
    for k in range(si, max(-1, si - n), -1):
        ss, se = doc.sents[k]
        if para - para_of(doc, ss) > paras_back:
            return
        yield ss, se, k


_LINKING_OPENERS = frozenset({"but", "and", "yet", "so", "still", "then"})
_NP_OPENERS = frozenset({"the"})  # ("this", "that" are often pronouns: "That is ...")
_VERBISH = (
    SKIPPABLE | PASSIVE_AUX | MODALS | ALL_CUE_FORMS | {"has", "have", "had", "goes", "went", "sent", "made", "took"}
)


def _opening_np(doc: Doc, ss: int, end: int) -> tuple[int, str, bool | None] | None:
    """The noun phrase opening a sentence when a verb follows it: "The email includes ...",
    "Trump's campaign immediately backtracked", "The protesters also paid ...".

    Returns its start, its text (without "the") and whether it is plural; None for that when
    the text is the body that issued a document opening the sentence ("a recent report from
    Continental Research reflects").
    """
    toks = tokens_in(doc, ss, end, 8)
    if len(toks) < 3 or doc.masked[ss : toks[0][0]].strip():
        return None
    if toks[0][2].lower() in _LINKING_OPENERS and doc.masked[toks[0][1] : toks[1][0]] == " ":
        toks = toks[1:]  # "But the protesters also paid tribute ...": the same subject
        if len(toks) < 3:
            return None
    lows = [t[2].lower() for t in toks]
    for d in (1, 2) if lows[0] in ("a", "an", "the") else ():
        if (
            d + 2 < len(toks)
            and singular(lows[d]) in DOCUMENT_NOUNS
            and lows[d + 1] in ("from", "by")
            and cap(toks[d + 2][2])
        ):
            # "But a recent report from Continental Research reflects …. It said": the issuer
            e = d + 2
            while e + 1 < len(toks) and cap(toks[e + 1][2]) and doc.masked[toks[e][1] : toks[e + 1][0]] == " ":
                e += 1
            return toks[d + 2][0], doc.text[toks[d + 2][0] : toks[e][1]], None  # (None: an issuer, a body)
    if lows[0] in _NP_OPENERS:
        first = s0 = 1
    else:
        # "Trump's campaign", "Dana Lopez's campaign": a named owner, then the noun
        own = next((j for j in range(min(3, len(toks))) if not cap(toks[j][2]) or lows[j].endswith(("’s", "'s"))), -1)
        if own < 0 or not lows[own].endswith(("’s", "'s")) or not cap(toks[own][2]):
            return None  # a bare capitalised word is a name, not a noun phrase
        first, s0 = own + 1, 0
    for v in range(first + 1, len(toks)):
        w = lows[v]
        if doc.masked[toks[v - 1][1] : toks[v][0]] != " " or lows[v - 1] in FUNCTION_WORDS and v > first:
            return None  # punctuation or "of", "to" inside: an apposition, a clause, a longer phrase
        if w.endswith(("’s", "'s")):
            continue  # "The vice president's presence": a possessive, no verb
        prev = lows[v - 1]
        plural = prev.endswith("s") and not prev.endswith(("ss", "us", "is", "’s", "'s"))
        if (
            w in _VERBISH
            or w.endswith(("ed", "ly", "n't", "n’t"))  # ("The Appellate Court didn't agree")
            or (w.endswith("s") and not plural)
            or (plural and w.isalpha() and w.islower() and w not in FUNCTION_WORDS)
        ):
            if (
                not toks[v - 1][2][:1].isalpha()
                or prev in FUNCTION_WORDS
                or prev in _VERBISH
                or prev.endswith(("ed", "ly", "n't", "n’t"))
            ):
                return None
            start = toks[s0][0]
            return start, doc.text[start : toks[v - 1][1]], plural
    return None


_COLLECTIVES = frozenset("government club team party council committee board company firm police".split())


_NAME = r"(?:[A-Z][\w'’.-]*[ ]){0,3}[A-Z][\w'’-]*"
# "But Lord Justice Rix and Mr Justice Forbes ruled that …": two names share a sentence's verb
_JOINT_OPENING_RE = re.compile(
    rf"(?:(?:But|And|Yet|So|Then|Now|Later)[ ,]+)?({_NAME})[ ]and[ ]({_NAME})[ ]"
    r"(?:(?:also|both|jointly|later|then|have|has|had)[ ])?([a-z]+)\b"
)


def joint_subject_before(people: People, pos: int) -> tuple[int, str] | None:
    """Two people by name opening a recent sentence of the paragraph as its joint subject:
    "Lord Justice Rix and Mr Justice Forbes ruled …. They said" means the two of them,
    though "ruled" made neither a speaker."""
    doc = people.doc
    for ss, se, _ in _recent_sentences(doc, pos, 2, 0):
        got = _JOINT_OPENING_RE.match(doc.masked, ss, min(se, pos))
        if got is None or got.group(3) in FUNCTION_WORDS:
            continue  # ("Smith and Jones of the …": no verb)
        names = [people.canonical(got.group(g), got.start(g)) for g in (1, 2)]
        if names[0] != names[1] and all(people.is_person(n) for n in names):
            return got.start(1), f"{names[0]} and {names[1]}"
    return None


_PLAIN_NAME = r"(?:[A-Z][\w'’-]*[ ]){0,3}[A-Z][\w'’-]*"  # (no dot: not "Winfrey. Harry")
_JOINT_NAMES_RE = re.compile(rf"(?<![\w'’.])({_PLAIN_NAME})[ ]and[ ]({_PLAIN_NAME})(?![\w'’])")


_COUPLE_WINDOW = 12000  # characters back (a story's pages; not all of a long text per mention)


def couple_named_before(people: People, pos: int, bodies: bool = False) -> str | None:
    """The two people "the couple" or "the pair" means: the pair of names joined by "and"
    written most often in the pages before it ("Harry and Meghan"), the latest if
    tied, and none after "a couple" who were not named. With `bodies`, two bodies instead
    ("Fosters and Southcorp agreed …. Both firms said")."""
    counts: dict[str, tuple[int, int]] = {}
    m = people.doc.masked
    lo = max(0, pos - _COUPLE_WINDOW)
    before = m[lo:pos].lower()
    lo += max(
        0, before.rfind(" a couple "), before.rfind(" a pair ")
    )  # ("A couple who ran a cafe … The couple said": not a pair named before them)
    for got in _JOINT_NAMES_RE.finditer(m, lo, pos):
        names = [people.canonical(got.group(g), got.start(g)) for g in (1, 2)]
        after = m[got.end(2) : got.end(2) + 30].split(None, 1)
        if after and after[0] in PERSON_HEADS:
            continue  # "Arsenal and England defender Cole": a player's clubs, no pair of speakers
        if names[0] != names[1] and all(people.is_person(n) != bodies for n in names):
            key = f"{names[0]} and {names[1]}"
            counts[key] = (counts.get(key, (0, 0))[0] + 1, got.start())
    return max(counts, key=lambda k: counts[k]) if counts else None


def unknown_one(speaker: str, g: str, people: People, pos: int) -> bool:
    """A one-word name of no known sex, first name or title ("Turkcell said …. “…,” it
    warned"): a body as likely as a person, so "it" can mean it."""
    return (
        not g
        and speaker[:1].isupper()
        and " " not in speaker
        and speaker.lower() not in FIRST_NAMES
        and speaker not in people.persons
        and not _said_he(people.doc.masked, speaker, pos)
    )  # (not "McConnell said he would …": a person)


_SAID_HE_RE = re.compile(r"(?:has |had )?(?:said|says|told|added|insisted|claimed) (?:that )?(?:he|she) ")


def _said_he(m: str, name: str, pos: int) -> bool:
    """Does "NAME said he" stand near `pos` (within a few thousand characters: a long text
    is not read for each pronoun)?"""
    lo, hi = max(0, pos - 5000), pos + 5000
    i = m.find(name + " ", lo, hi)
    while i >= 0:
        if _SAID_HE_RE.match(m, i + len(name) + 1):
            return True
        i = m.find(name + " ", i + 1, hi)
    return False


_COUPLES = frozenset({"couple", "pair", "duo"})
_BOTH_BODIES = frozenset(
    "firms companies clubs newspapers papers sides teams parties countries banks governments".split()
)


def couple_meant(people: People, mention: Mention) -> str | None:
    """The two a noun phrase means: "the couple", "the pair" (two people named together) or
    "both firms", "both countries" (two bodies, two places)."""
    low = mention.text.lower()
    if low in _COUPLES and determiner_before(people.doc, mention.start) == "the":
        return couple_named_before(people, mention.start)
    if low in _BOTH_BODIES and people.doc.masked[max(0, mention.start - 5) : mention.start].lower() == "both ":
        couple = couple_named_before(people, mention.start, bodies=True)
        if couple is not None and (low == "countries") == all(map(is_place, couple.split(" and "))):
            return couple  # "Fosters and Southcorp agreed …. Both firms said"
    return None
