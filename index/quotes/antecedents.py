"""Who a "he" or "she" can mean besides the last speaker and the last named subject: a
person the sentence before ends by introducing ("... remarks of Finnish Prime Minister
Petteri Orpo. He claimed"), or a described person who was that sentence's subject
("Tony Blair's official spokesman declined to say .... He said:"); or a person of the
pronoun's sex the story has moved on to from a last speaker of unknown sex.
"""

from __future__ import annotations

import bisect
import re

from .document import Doc, para_of, sent_of
from .mentions import Mention
from .names import CAP_RUN_RE
from .naming import described
from .people import People
from .roles import PERSON_HEADS, parse, person_head
from .skippable import time_opening
from .sources import clause_subject
from .words import FEMALE_ROLES, MALE_ROLES, PREPOSITIONS, ROLE_NOUNS


def introduced_before(people: People, pos: int, want: str, exclude: str | None) -> tuple[int, str] | None:
    """ "... remarks of Finnish Prime Minister Petteri Orpo. ¶ He claimed": a "he" or "she"
    opening a sentence right after one that ends by naming a person for the first time
    means that person (of the pronoun's gender), even though they were no subject."""
    doc = people.doc
    before = _sentence_before(doc, pos)
    if before is None:
        return None
    ps, pe = before
    mentions = people.mentions
    i = bisect.bisect_left(mentions, (pe, ""))
    if i == 0 or mentions[i - 1][0] < ps:
        return None
    at, name = mentions[i - 1]
    if i >= 2 and mentions[i - 2][0] >= ps and not people.is_person(name):
        i -= 1
        at, name = mentions[i - 1]  # ("chaired by Kate Dalmeny from food alliance Sustain.": her, not Sustain)
    run = CAP_RUN_RE.match(doc.masked, at)
    tail = doc.masked[run.end() : pe].strip(" .”’\"'") if run is not None else "?"
    if tail and not (_AFFILIATION_TAIL_RE.match(tail) or _role_tail(tail)) or name == exclude or " " not in name:
        return None  # the sentence does not end with the name (or where the person is from)
    if not people.is_person(name) or want and people.gender_of(name) not in ("", want):
        return None
    if _LISTED_RE.search(doc.masked, max(ps, at - 8), at):
        return None  # the last of a list: "like Wladimir Klitschko, Oleksandr Usyk and Vasyl Lomachenko."
    if any(m[1] == name for m in mentions[max(0, i - 41) : i - 1]):
        return None  # named before: a later subject or speaker decides as usual
    return at, name


def _sentence_before(doc: Doc, pos: int) -> tuple[int, int] | None:
    """The sentence before the one a pronoun at `pos` opens (in the same paragraph or the
    one before), or None when the pronoun does not open its sentence."""
    if not doc.sents:
        return None
    si = sent_of(doc, pos)
    ss = doc.sents[si][0]
    if si == 0 or not _opens(doc.masked[ss:pos]) or para_of(doc, pos) - para_of(doc, doc.sents[si - 1][0]) > 1:
        return None
    return doc.sents[si - 1]


def _opens(lead: str) -> bool:
    """Does a pronoun after `lead` open its sentence: nothing before it, or a conjunction and a
    clause of the same pronoun ("But while he tipped Swank to win, he predicted")?"""
    if "he" not in lead:
        return not lead.strip(" \"“‘'")  # (most pronouns open their sentence, or follow no pronoun)
    words = lead.strip(" \"“‘'").split()
    if not words:
        return True
    first = next((i for i, w in enumerate(words) if w in ("he", "she")), -1)
    return 0 < first <= 2 and all(w.lower() in _OPENERS for w in words[:first])


_OPENERS = frozenset("but and while when although though as after before since so yet".split())


_LISTED_RE = re.compile(r"(?:,| and| or| nor| &)\s*$")
_AFFILIATION_TAIL_RE = re.compile(r"(?:from|of|at) [\w'’&\- ]{1,60}$")


def _role_tail(tail: str) -> bool:
    """ ", vice-president of research at analysts Gartner": the person's role, in apposition."""
    words = tail.lstrip(", ").split(None, 2)
    if not tail.startswith(",") or not words:
        return False
    head = words[1] if words[0].lower() in ("a", "an", "the") and len(words) > 1 else words[0]
    head = head.lower().rsplit("-", 1)[-1].rstrip(",")
    return person_head(head) and "," not in tail[1:] and ";" not in tail


def described_subject(people: People, pos: int, want: str) -> tuple[int, str] | None:
    """The subject of the sentence before, when it is someone described and never named
    ("A spokesman for Apacs ...", "Tony Blair's official spokesman declined ..."): a
    pronoun opening the next sentence means them, not a name inside the description."""
    got = _described_opening(people, pos, want, ("a", "poss"))
    return None if got is None else (got.start, described(got.text, people))


def definite_subject(people: People, pos: int, want: str) -> Mention | None:
    """The subject of the sentence before, when it is a role with "the" ("The Tory leader
    was asked …. He replies"): the caller asks whom the article gave that role."""
    return _described_opening(people, pos, want, ("the",))


def _described_opening(people: People, pos: int, want: str, dets: tuple[str, ...]) -> Mention | None:
    doc = people.doc
    before = _sentence_before(doc, pos)
    if before is None:
        return None
    ps, pe = before
    k = bisect.bisect_left(doc.token_starts, ps)
    if not any(w in dets or w in _INDEFINITE or w.endswith(("'s", "’s")) for w in doc.lows[k : k + 8]):
        return None  # (most sentences: no determiner nor a possessive near their start, decided cheaply)
    if "the" in dets and doc.words[k] in ("But", "And", "Yet") and k + 1 < len(doc.tokens):
        ps = doc.tokens[k + 1][0]  # "But the defender underlined": the clause after its link
    got = clause_subject(doc, ps, pe)
    if got is None or got.kind not in ("role", "anonymous") and not (got.kind == "np" and "the" in dets):
        return None  # ("the defender" is a noun phrase the caller resolves as a role)
    lead = [w.lower() for w in doc.masked[ps : got.start].replace(",", " ").split()]
    while lead and lead[0] in _LINKS:
        lead = lead[1:]
    if lead and lead[-1] == "the" and got.kind == "np":
        lead.pop()  # (the noun phrase's own article)
    if lead and time_opening(lead) != len(lead):
        return None  # (only a sentence's opening subject: not "Reidar Wasenius, a manager at Nokia, was")
    d = parse(doc, got.start, got.end)
    if d is None or d.plural or not person_head(d.head) or d.det not in dets:
        return None  # ("the minister" may be someone named: the usual rules decide)
    if want and (d.head in FEMALE_ROLES and want != "female" or d.head in MALE_ROLES and want != "male"):
        return None
    return got


_LINKS = frozenset({"but", "and", "however", "meanwhile", "yet"})
_INDEFINITE = frozenset({"a", "an", "his", "her", "their"})


def known_sex_since(people: People, pos: int, want: str, spoke: tuple[int, str]) -> str | None:
    """A person of the pronoun's known sex named in its paragraph, after a last speaker of
    unknown sex who spoke in an earlier one: the story has moved on to them."""
    doc = people.doc
    para = para_of(doc, pos)
    if not doc.sents or para_of(doc, spoke[0]) >= para:
        return None
    i = bisect.bisect_left(people.mentions, (pos, ""))
    for k in range(i - 1, max(-1, i - 20), -1):
        p, name = people.mentions[k]
        if p <= spoke[0] or para_of(doc, p) != para:
            return None
        if name != spoke[1] and people.is_person(name) and people.gender_of(name) == want:
            before = doc.masked[max(0, p - 40) : p].split()
            while before and (before[-1][:1].isupper() or before[-1] in ROLE_NOUNS or before[-1] in PERSON_HEADS):
                before.pop()  # (over a title: "at United boss Sir Alex Ferguson")
            if not before or before[-1].lower() not in PREPOSITIONS:
                return name  # (a subject or an owner, not an object: "food was thrown at …")
    return None
