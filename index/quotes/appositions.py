"""Appositions before a verb of speech: which of the comma-separated pieces of a subject is
the speaker ("Dmitry Simes, a US-based expert, noted", "Trump's director, Steven Cheung,
told", "Vasily Nebenzya, Russia's Ambassador to the UN Security Council, said").

Reads the masked text of a subject up to its last comma; returns the mention that speaks.
Also an apposition whose closing comma is missing ("Howard Archer, economist at Global
Insight said": Archer).
"""

from __future__ import annotations

import re

from index.lexicon import FUNCTION_WORDS, NON_PERSON_WORDS

from .document import MASK, Doc
from .mentions import Mention, classify_np
from .roles import PERSON_HEADS
from .words import SKIPPABLE

_HARD_BOUNDARY_RE = re.compile(r"[;:\x01”\"(]|\bthat\b|\bwhile\b|\bwhen\b|\bif\b")
_SEG_SPLIT_RE = re.compile(r"[,—–]")
AFFILIATION_RE = re.compile(r"^[RDI]-[A-Z][\w.]*\.?$")
RELATIVES = frozenset({"who", "which", "whose", "whom", "where"})
_RELATIVE_RE = re.compile(r",\s*(?:who|whose|which|whom)\b")  # a relative clause opened after a comma


def appositive(doc: Doc, ss: int, region: str, comma: int) -> Mention | None:
    """'X, a ..., said', 'Trump's director, Steven Cheung, told', 'X, meanwhile, who ..., said'.

    The subject is split at commas and dashes into segments; asides ("meanwhile"),
    relative clauses ("who sits ...") and descriptions ("a US-based expert") are
    skipped, and the last segment that is a name wins; failing that the first noun
    phrase that is something.
    """
    inner = region[:comma]
    start = 0
    for hard in _HARD_BOUNDARY_RE.finditer(inner):  # (not inside a relative clause: "whose films include Star Wars: …")
        if _RELATIVE_RE.search(inner, start, hard.start()) is None:
            start = hard.end()
    cuts = [start] + [c.end() for c in _SEG_SPLIT_RE.finditer(inner, start)] + [comma + 1]
    first: Mention | None = None
    named: Mention | None = None
    place = False  # the segment before was a place ("of Flint"): "Mich." goes on with it
    relative = False
    for a, b in zip(cuts, cuts[1:]):
        text = inner[a : b - 1].strip()
        if not text:
            continue
        head = text.split(None, 1)[0].lower()
        if head in _NEW_CLAUSE and " " in text and not relative and _a_clause(inner[:a]) and _opens_subject(text):
            # "… is an EU member, but Turkey, which occupies northern Cyprus, had insisted": the
            # subject opens its own clause after "but"; nothing before it is its apposition
            a += inner.index(text, a) - a + len(head) + 1
            text = inner[a : b - 1].strip()
            head = text.split(None, 1)[0].lower()
            first = named = None
        after_place, place = place, named is not None and head in ("of", "from")
        if after_place and len(text.split()) <= 2 and text[:1].isupper():
            continue  # "Cory James, 22, of Flint, Mich., said": the place's state, not a speaker
        relative = relative or head in RELATIVES  # (it runs to the verb: "whose films include A, B and C,")
        if relative or (" " not in text and (head in SKIPPABLE or head in FUNCTION_WORDS or head.endswith("ly"))):
            continue
        if AFFILIATION_RE.match(text) or text.lower() in NON_PERSON_WORDS:
            continue  # "Sen. Susan Collins, R-Maine," / "John Smith, Ohio,"
        got = classify_np(doc, ss + a, ss + b - 1)
        if got is None:
            continue
        if got.kind == "name" and " " not in got.text and " and " in text and _body_name(text):
            continue  # "Consumers Against Supermarket Privacy Invasion and Numbering": one body, not its tail
        if got.kind == "name" and text[:1].isupper() and (named is None or _bare_name(text)):
            # the last named segment ("Trump's director, Steven Cheung,"), unless it only
            # describes the name before it: "Vasily Nebenzya, Russia's Ambassador to the UN
            # Security Council," is Nebenzya, the head of the apposition
            named = got
        elif first is None:
            first = got
    return named or first


_NEW_CLAUSE = frozenset({"but", "yet", "whereas"})  # ("though a Democrat," is an aside)
_FINITE = frozenset("is was are were has have had will would can could does did".split())


def _a_clause(text: str) -> bool:
    """Is the text before ", but" a clause of its own (a finite verb in it), not a name?"""
    return any(w in _FINITE or w.endswith("ed") for w in text.lower().split()[1:])


def _opens_subject(text: str) -> bool:
    """Does the segment after "but" open with a name or a determiner ("but Turkey", "but the
    firm"), not an aside ("but not his deputy")?"""
    words = [
        w for w in text.split()[1:] if not (w.endswith("ly") or w in _ADVERBS)
    ]  # ("but almost immediately O'Gara")
    return bool(words) and (words[0][:1].isupper() or words[0].lower() in _OPENS_A_SUBJECT)


_ADVERBS = frozenset("almost then now still also even soon later again".split())
# a determiner, a pronoun or an auxiliary of a question ("but can we really trust …")
_OPENS_A_SUBJECT = frozenset(
    "the a an its his her their this that these those we they he she it can could will would do does did is are".split()
)


def _bare_name(text: str) -> bool:
    """Is a segment a name and nothing else ("Steven Cheung", "Sen. Susan Collins"), not a
    description that holds one ("Russia's Ambassador to the UN", "CEO of Ergo")?"""
    words = text.replace("(", " ").replace(")", " ").split()
    if not words or words[0].endswith(("'s", "’s", "s'", "s’")):
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "bin", "al", "da", "del", "di", "la", "le", "du", "dos"})


def _body_name(text: str) -> bool:
    """Every word capitalised but "and", "of", "for", "the" ("Consumers Against Supermarket
    Privacy Invasion and Numbering"): one long name (not "Wilcox and Beruff"), of which one word is no name."""
    words = text.split()
    return len(words) >= 5 and all(w[:1].isupper() or w in ("and", "of", "for", "the") for w in words)


def person_np(text: str) -> bool:
    """ "PTC president and conservative activist": a description of a person (its last noun)."""
    words = text.split()
    return len(words) >= 2 and words[-1].islower() and words[-1] in PERSON_HEADS


def unclosed_apposition(doc: Doc, ss: int, region: str, comma: int, a: int, body: bool = False) -> Mention | None:
    """The name that is all of the clause before `comma` (which starts at `a`), when a
    description (or with `body`, a body's name) follows it."""
    after = region[comma + 1 :].lstrip()
    first = after.split(None, 1)[0] if after else ""
    if not body and not (
        after.lower().startswith(("the ", "a ", "an "))
        or first.islower()
        or first.endswith(("'s", "’s"))
        or first.isupper()
        and len(first) > 1  # ("Brent Bozell, PTC president and … activist said")
    ):
        return None  # (a description: "the leader of …", "economist at Global Insight", "Wanadoo's chief executive")
    lead = _LINKED_RE.match(region, a, comma)
    if lead is not None:
        a = lead.end()  # "…, but Christoph Caselitz, president of … at the firm says that:"
    elif a > 0 and region[a - 1] not in _CLAUSE_OPENERS:
        return None  # only a name opening its clause ("Unlike Smith, the minister said" is no apposition)
    got = classify_np(doc, ss + a, ss + comma)
    if (
        got is None
        or got.kind != "name"
        or not all(w[:1].isupper() for w in doc.masked[ss + a : got.start].split())  # (a title: "Rabbi")
        or doc.masked[got.end : ss + comma].strip()
        or len(got.text.split()) < 2  # ("Rather, the nominee maintains": one word may be no name)
    ):
        return None
    return got


# what a name may follow to open its clause: a sentence's end, or a quotation's ("“…,”
# Michael Lamberty, a Lufthansa spokesman told the BBC"), or a conjunction after a comma
_LINKED_RE = re.compile(r"\s*(?:but|and|yet)\s+(?=[A-Z])")
_CLAUSE_OPENERS = frozenset('.;:\n”"’' + MASK)
