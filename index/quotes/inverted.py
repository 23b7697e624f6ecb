"""The noun phrase after an inverted speech verb (", said Peskov") or "according to", or
the agent of a passive a participle of claiming hangs on ("sued by his ex-girlfriend, claiming").

Reads the document and where the phrase starts; returns a ``Mention`` (or None): the
phrase up to hard punctuation, the issuer of a document ("according to a report by X"),
whoever a pronoun means ("according to him").
"""

from __future__ import annotations

import re

from index.lexicon import ANONYMOUS_NOUNS, FUNCTION_WORDS, PERSON_NOUNS

from .document import MASK, Doc, is_abbrev_token, tokens_in
from .mentions import Mention, classify_np
from .roles import DOCUMENT_NOUNS, PERSON_HEADS, singular
from .words import ASKING, FIRST_NAMES, MODALS, POSSESSIVE_PRONOUNS, PREPOSITIONS, cap

_HARD_PUNCT = frozenset(',;:!?()\x01“”"—–[]')


# what a source issues rather than who it is: "according to a report by X" is X
_DOCUMENT_NOUNS = frozenset(
    """report reports statement statements document documents data figures estimate estimates
    record records filing filings study studies survey surveys poll polls analysis account
    accounts memo letter transcript transcripts release""".split()
)


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


def _owned_document(lows: list[str]) -> bool:
    """ "(his) statement", "(his) Facebook profile", "(their) sources": what its owner issued
    or knows (a document noun within three words)."""
    for w in lows:
        if w in _DOCUMENT_NOUNS or w in DOCUMENT_NOUNS or w in ANONYMOUS_NOUNS:
            return True
        if w in FUNCTION_WORDS:
            return False
    return False


def according_to_source(doc: Doc, pos: int, se: int) -> Mention | None:
    """The source after "according to": whoever "their" means in "according to their
    statements", the issuer in "according to reports from Russian media" or "a statement
    by the ministry", else the noun phrase itself."""
    toks = tokens_in(doc, pos, se, 5)
    lows = [t[2].lower() for t in toks]
    if toks and lows[0] in _OBJECT_PRONOUNS:
        t = toks[0]  # "according to him": whoever "he" is
        return Mention("pronoun", _OBJECT_PRONOUNS[lows[0]], t[0], t[1])
    if len(toks) >= 2 and lows[0] in POSSESSIVE_PRONOUNS and _owned_document(lows[1:4]):
        if not ANONYMOUS_NOUNS.isdisjoint(lows[1:4]):
            return np_after(doc, pos, se)  # "according to his sources": anonymous sources
        t = toks[0]
        return Mention("pronoun", POSSESSIVE_PRONOUNS[lows[0]], t[0], t[1])
    k = 1 if lows and lows[0] in ("a", "an", "the", "new", "recent", "preliminary", "official") else 0
    if k + 1 < len(toks) and lows[k] in _DOCUMENT_NOUNS and lows[k + 1] in ("from", "by", "of"):
        got = np_after(doc, toks[k + 1][1], se)
        if got is not None:
            return got
    got = np_after(doc, pos, se)
    if (
        got is not None
        and got.kind in ("anonymous", "np", "role")
        and not any(singular(w) in _WORKS for w in got.text.lower().split())  # ("the report, Intifada, …": its title)
    ):
        named = _NAMED_APPOSITION_RE.match(doc.masked, got.end, se)
        if named is not None:
            # "According to technology analysts, TDG Research, there will be …": the name
            return Mention("name", named.group(1), named.start(1), named.end(1))
    return got


_WORKS = DOCUMENT_NOUNS | frozenset("book novel film memoir biography forecast".split())
_NAMED_APPOSITION_RE = re.compile(r", ((?:[A-Z][\w'’&.-]*)(?: [A-Z][\w'’&.-]*){0,3}),")


_NOT_SOURCE_START = frozenset(
    """on in at that this last earlier later to of about it so there him her them during
    after before when while for with by from as if because""".split()
)


def np_after(doc: Doc, pos: int, se: int, strict: bool = False) -> Mention | None:
    """The noun phrase right after an inverted verb or "according to".

    It runs over tokens up to hard punctuation; a full stop ends it unless it closes
    an abbreviation or initial ("said Sen. Tammy Baldwin").
    """
    m = doc.masked
    toks = tokens_in(doc, pos, se, 14)
    if not toks:
        return None
    last = pos
    taken: list[tuple[int, int, str]] = []
    clause_after = False
    for t in toks:
        gap = m[last : t[0]]
        if any(c in _HARD_PUNCT for c in gap) or ("." in gap and not (taken and is_abbrev_token(taken[-1][2]))):
            break
        if strict and taken and t[2] in _CLAUSE_AFTER_SOURCE:
            clause_after = True
            break  # "said Cruz constituent Dan Golvach when asked about Lindsey Graham": Golvach
        if not strict and taken and cap(taken[-1][2]) and t[2] in ("the", "a", "an"):
            break  # "According to Mr Peston the prime minister said": Peston, then the subject
        taken.append(t)
        last = t[1]
    if not taken:
        return None
    first = taken[0][2].lower()
    if first in _NOT_SOURCE_START:
        return None
    if strict and first in {"he", "she", "they", "we", "i"} and len(taken) > 1:
        return None  # "said he would call": a clause, not an inverted source
    follows = "," if clause_after else m[taken[-1][1] : taken[-1][1] + 2].lstrip()[:1]
    who = next((i for i, t in enumerate(taken) if i and t[2] in ("who", "whom", "whose")), 0)
    if strict and who and cap(taken[who - 1][2]):
        taken, follows = taken[:who], ","  # "said Sen. Jim Whelan who represents the city": Whelan
    if strict and first in _SOMEONE:
        # "wrote a commenter about how ...", "added another to the conversation": the
        # person, then a phrase of where or what about
        cut = next(
            (i for i, t in enumerate(taken) if i and (t[2].lower() in PREPOSITIONS or t[2].lower() == "about")), 0
        )
        if cut and (cut == 1 or _person_word(taken[cut - 1][2])):
            taken = taken[:cut]
            follows = ","
    if strict and (first in _TIME_WORDS or follows not in _AFTER_SOURCE):
        return None  # "said Tuesday that ...": a time, or a clause follows
    rel = next((i for i, t in enumerate(taken) if t[2].lower() in {"who", "which", "that", "whose", "whom"}), 0)
    if strict and any(
        t[2].lower() in MODALS and not _named(taken, i) for i, t in enumerate(taken[: rel or len(taken)])
    ):
        return None  # "said he would", not "said Will Doyle"
    if rel > 0 and not strict and taken[rel][2].lower() in ("who", "whom", "whose"):
        # "according to three of the people who requested anonymity": the people
        taken = taken[:rel]
    return classify_np(doc, taken[0][0], taken[-1][1], allow_pronoun=first in {"he", "she", "they"})


def _named(taken: list[tuple[int, int, str]], i: int) -> bool:
    """Is token i a capitalised word before another ("Will Doyle", "May Smith"): a name?"""
    return taken[i][2][:1].isupper() and i + 1 < len(taken) and taken[i + 1][2][:1].isupper()


_SOMEONE = frozenset({"a", "an", "another", "one", "the"})
# lower-case words that open a clause after the source's noun phrase
_CLAUSE_AFTER_SOURCE = frozenset({"when", "while", "after", "before", "because", "if", "since", "during"})


def _person_word(w: str) -> bool:
    """A noun for a person ("commenter", "activist", "reader")."""
    low = w.lower()
    low = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    return low in PERSON_HEADS or low in PERSON_NOUNS or low.endswith(("er", "ist", "or", "ian"))


_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december today yesterday
    tomorrow tonight earlier later last this next recently""".split()
)
_AFTER_SOURCE = frozenset(["", ",", ".", "!", "?", ";", "\n", "(", ")", "—", "–", ":", "“", '"', MASK])


def reported_subject(doc: Doc, got: Mention, verb: str) -> bool:
    """Is the name after "says" the subject of what is said, not the speaker: a quotation or
    a verb follows it ("…, says Juninho “does not wish …”", "said Mr Blair should …"), not
    where they are from ("said Junya Tanase of JPMorgan")?"""
    if verb in ASKING or got.kind != "name":
        return False  # ("says the boss of the organisation that cleared them": the boss)
    after = doc.masked[got.end : got.end + 40].split(None, 1)
    word = after[0].lower().strip(",.;:") if after else ""
    return bool(word) and (
        word[0] in _OPENERS or word[0].islower() and word not in PREPOSITIONS and word not in _AFTER_NAME
    )


# (words that go on with the speaker, not with what is said: "said Junya Tanase of JPMorgan")
_AFTER_NAME = frozenset(
    {"of", "and", "or", "who", "whose", "which", "said", "says", "added", "told", "also", "as", "to"}
)


_OPENERS = frozenset("“\"‘'" + MASK)  # (a quotation's opening)


_CLAIMING = frozenset({"claiming", "alleging", "saying", "arguing"})
_PASSIVE_AGENT_RE = re.compile(
    r"\b(?:is|was|are|were|been|being)\s+(?:sued|accused|criticised|criticized|attacked|challenged)\s+by\s+"
    r"([^,;\x01]{2,60}?)(?:\s+(?:for|over|in)\s+[^,;\x01]{1,40})?,\s*$"
)


def passive_agent(doc: Doc, ss: int, end: int, word: str) -> Mention | None:
    """The agent of "X is being sued by Y (for …), claiming …": Y claims, not X."""
    if word not in _CLAIMING:
        return None
    hit = _PASSIVE_AGENT_RE.search(doc.masked, ss, end)
    if hit is None:
        return None
    got = classify_np(doc, hit.start(1), hit.end(1))
    return got if got is not None and got.kind in ("np", "role", "name", "anonymous") else None


def ends_clause(doc: Doc, end: int) -> bool:
    """Does the name ending at `end` end its clause ("…, suggests Mr Davies, could act")?"""
    after = doc.masked[end : end + 8]
    return after[:1] in (".", ";", "") or after[:1] == "," and after[1:].split(None, 1)[:1] not in (["who"], ["which"])


_OF_PLACE_RE = re.compile(r" (?:of|at|from) (?:the )?[\w'’.&-]+(?: [A-Z][\w'’.&-]*)*(?=[.;]|$)")


def bare_inverted(doc: Doc, end: int, se: int, word: str) -> bool:
    """ "… making banks turn to Windows said Dominic Hirsch of Retail Banking Research.": "said"
    and a full name that ends the sentence, with no comma before the verb, still name the speaker."""
    if word not in ("said", "says"):
        return False
    got = np_after(doc, end, se, strict=True)
    if got is None or got.kind != "name" or len(got.text.split()) < 2 or got.text.split()[0].lower() not in FIRST_NAMES:
        return False
    rest = doc.masked[got.end : se]
    if MASK in rest or _VERB_RE.search(rest):
        return False  # ("said Patricia Smith, the mother of Sean Smith, … is “absolutely wrong”": her, spoken of)
    return ends_clause(doc, got.end) or bool(_OF_PLACE_RE.match(doc.masked, got.end, se))


_VERB_RE = re.compile(r" (?:is|was|are|were|has|have|had|will|would|could|should|can|did|does)\b|\w{3,}ed\b")


_COMPLEMENT_RE = re.compile(r"\s(?:by|from|of|on|for|into|in)\s")


def document_after(doc: Doc, np: Mention, verb: str) -> bool:
    """Is a noun phrase after `verb`, ending its clause, a document speaking (", said the
    survey", ", says a new MPs' report", ", said the report by the Audit Commission"), not
    one written ("wrote an account")?"""
    if np.kind != "np" or verb in ("wrote", "writes", "write") or not ends_clause(doc, np.end):
        return False
    head = _COMPLEMENT_RE.split(np.text, 1)[0].rsplit(None, 1)[-1].lower()
    return singular(head) in DOCUMENT_NOUNS
