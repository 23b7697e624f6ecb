"""A document to whoever issued it: "the statement", "its report", "the group's website".

Reads a description whose head is a document noun (``roles.DOCUMENT_NOUNS``), ``People``
and the history of who spoke; returns the issuer: the document's possessor, the name
before its noun ("the Reuters report"), the body after "by" or "from" ("a statement signed
by ..."), the issuer an earlier sentence named ("X said in a statement", "X published a
report") or the organisation that spoke last, whichever is nearer; with none of those,
no speaker (rule document-no-issuer).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from index.lexicon import DEMONYMS, FUNCTION_WORDS, PERSON_NOUNS

from .document import Doc, para_of, sent_of
from .mentions import Mention, classify_np
from .orgs import after_firm_plural, is_org, is_outlet, org_holder, salient_org
from .roles import DOCUMENT_NOUNS, ORG_HEADS, PERSON_HEADS, Description, singular, stem
from .salience import _NEAR_PARAS, _WINDOW, History, Resolved
from .sources import subject_of_clause
from .words import ALL_CUE_FORMS, OPENING_MODIFIERS, ROLE_NOUNS

if TYPE_CHECKING:
    from .cues import Cue
    from .people import People
    from .salience import Resolver

_ISSUING = frozenset("in via through".split())


_ISSUE_VERBS = frozenset(
    """issued released published posted put sent signed filed presented unveiled circulated
    drafted wrote written produced commissioned adopted provided introduced tabled
    submitted proposed prepared launched""".split()
)


_BY = frozenset({"by", "from"})
_LEGAL = frozenset({"suit", "lawsuit", "complaint", "writ"})  # (brought against a body as often as by it)
_NAMED_AFTER = frozenset({"website", "site", "blog", "magazine", "newspaper", "journal"})  # (a medium, then its name)
_BY_OF = _BY | {"of"}


_OWNER_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}


def issuer(
    d: Description, mention: Mention, cue: Cue, people: People, history: History, resolve: Resolver
) -> Resolved | None:
    """Whoever issued a document; the words naming the speaker are the document's."""
    doc = people.doc
    if d.owner is not None:
        got = _resolve_span(doc, d.owner, mention, cue, people, history, resolve)
        if got is not None:
            return got, "document-issuer", mention
    named = _named_modifier(doc, d)
    if named is not None:
        # "the Reuters report", "a Pentagon statement": the name before the noun issued it
        got = _resolve_span(doc, named, mention, cue, people, history, resolve)
        if got is not None:
            return got, "document-issuer", mention
    if d.comp is not None and _word_before(doc, d.comp[0]) in ("on", "from"):
        # "a statement on her website", "a post on its Facebook page": the website's owner
        first = doc.text[d.comp[0] : d.comp[1]].split(None, 1)[0]
        if first.lower() in _OWNER_PRONOUNS or first.endswith(("'s", "’s")):
            got = _resolve_span(doc, (d.comp[0], d.comp[0] + len(first)), mention, cue, people, history, resolve)
            if got is not None:
                return got, "document-issuer", mention
    if len(d.mods) == 1 and d.mods[0] in ORG_HEADS:
        # "an agency statement", "a club statement": the body the article calls so
        got = org_holder(
            replace(d, head=d.mods[-1], mods=(), comp=None, owner=None, det="the"), d.start, people, history
        )
        if got is not None:
            return got, "document-issuer", mention
    comp = d.comp if d.comp is not None and _word_before(doc, d.comp[0]) in _BY_OF else _by_after(doc, d.end)
    if comp is None and d.comp is not None and _word_before(doc, d.comp[0]) == "in":
        # "a Wednesday editorial in The Des Moines Register": in an outlet, by it (not "the
        # exit polls in New Hampshire", a place)
        inner = doc.text[d.comp[0] : d.comp[1]]
        comp = d.comp if is_outlet(inner.removeprefix("The ").removeprefix("the ")) else None
    if comp is not None:
        got = _resolve_span(doc, comp, mention, cue, people, history, resolve)
        if got is not None:
            return got, "document-issuer", mention
    if d.det == "the":
        earlier = _issued_before(d, mention.start, people, history, cue, resolve)
        # (not whoever reports what the document says: "According to TASS, the proposal calls ...")
        si = sent_of(doc, mention.start)
        org = salient_org(mention.start, people, [h for h in history if sent_of(doc, h[0]) != si], doc)
        if d.head in _LEGAL:
            # "HP declined to comment on the lawsuit. … the suit claims": the suit is against HP;
            # it is whoever sued ("His campaign sued the DNC …. The complaint alleged")
            org = _plaintiff(doc, mention, cue, people, history, resolve)
        if not d.mods:
            # "the congressional report said ... according to the report": the same report,
            # whose modifiers still say whose it is
            d = _with_earlier_mods(doc, d)
        if org is not None and not _mods_fit(d, org[1], people):
            org = None  # "the company website" is no campaign's, "the congressional report" no agency's
        if org is not None and d.head not in _OUTLET_WORK and is_outlet(org[1]):
            org = None  # "his campaign sent a fundraising email": not the agency the article cited
        best = max((x for x in (earlier, org) if x is not None), default=None)
        if best is None and d.head not in _LEGAL:
            best = _subject_org_before(doc, people, si)
        if best is None and d.head in _AUTHORED:
            best = _last_named_speaker(doc, history, mention.start)
        if best is not None and (best is earlier or _mods_fit(d, best[1], people)):
            return best[1], "document-issuer", mention
    return None, "document-no-issuer", mention


def unissued_it(people: People, pos: int, *others: tuple[int, str] | None) -> bool:
    """Is "it" at `pos` the document nobody issued that spoke in the last two sentences,
    more recently than any of `others` ("..., the congressional report said. It accused
    the agency of ...")?"""
    doc = people.doc
    if not people.unissued or not doc.sents:
        return False
    last = people.unissued[-1]
    return all(x is None or x[0] < last for x in others) and sent_of(doc, pos) - sent_of(doc, last) <= 2


# modifiers that say whose a document is, besides bodies, roles and nationalities
_WHOSE_MODS = frozenset(
    """congressional parliamentary presidential ministerial governmental judicial military
    federal state police court company corporate campaign party union""".split()
)


def _mods_fit(d: Description, name: str, people: People) -> bool:
    """Can `name` have issued the document, given its modifiers? Each modifier that tells
    whose it is ("congressional", "company") is one of the name's words or stated roles."""
    mods = [m for m in d.mods if m in _WHOSE_MODS or singular(m) in ORG_HEADS or m in ROLE_NOUNS or m in DEMONYMS]
    if not mods:
        return True
    have = {stem(w) for w in name.split()}
    for r in people.stated.of(name):
        have |= r.words
    return all(stem(m) in have for m in mods)


def _with_earlier_mods(doc: Doc, d: Description) -> Description:
    """`d` with the modifiers of whose it is that the nearest earlier mention of the same
    document noun had, within a few paragraphs ("the congressional report" before "the
    report")."""
    k = bisect.bisect_left(doc.token_starts, d.start)
    lo = bisect.bisect_left(doc.token_starts, max(0, d.start - 4 * _WINDOW))
    for t in range(k - 1, lo, -1):
        if singular(doc.lows[t]) != d.head:
            continue
        mods = []
        j = t - 1
        while j >= 0 and t - j <= 3 and doc.lows[j] in _WHOSE_MODS and doc.gaps[j + 1] == " ":
            mods.append(doc.lows[j])
            j -= 1
        return replace(d, mods=tuple(mods)) if mods else d
    return d


# documents that their last named speaker wrote ("X warned ... ¶ the article states"); a
# statement, a report or a lawsuit may be someone else's
_AUTHORED = frozenset({"article", "editorial", "piece", "column", "post", "blog", "essay", "tweet", "op-ed"})


def _last_named_speaker(doc: Doc, history: History, pos: int) -> tuple[int, str] | None:
    """ "Science Alert warned Monday ... ¶ “…,” the article states": the one named as the
    last speaker, in this paragraph or the one before, wrote it."""
    if not history:
        return None
    p, sp, g = history[-1]
    if g == "group" or not sp[:1].isupper() or para_of(doc, pos) - para_of(doc, p) > 1:
        return None
    return p, sp


def _subject_org_before(doc: Doc, people: People, si: int) -> tuple[int, str] | None:
    """An organisation named as the subject of one of the few sentences before `si`, in a
    near paragraph ("Sweden’s Prosecution Authority is bringing charges ... ¶ ... “…,” the
    statement said"): the one whose document it is, when no other spoke."""
    para = para_of(doc, doc.sents[si][0])
    for sj in range(si - 1, max(-1, si - 5), -1):
        at = doc.sents[sj][0]
        if para - para_of(doc, at) > _NEAR_PARAS or doc.offset == 0 and para_of(doc, at) == 0 < para:
            break  # (nor the title: "PC ownership to 'double by 2010'")
        got = _org_subject(doc, people, sj)
        if got is not None:
            return at, got
    return None


def _named_modifier(doc: Doc, d: Description) -> tuple[int, int] | None:
    """The capitalised words right before a document noun, when they are a name and not
    an adjective of nationality ("the Reuters report", not "the Russian report")."""
    k = bisect.bisect_left(doc.token_starts, d.end) - 1  # the head
    j = k
    while (
        j > 0
        and doc.gaps[j] in (" ", "\u00a0")
        and (
            doc.words[j - 1][:1].isupper()
            or doc.lows[j - 1] in ("of", "for")
            and j > 1
            and doc.words[j - 2][:1].isupper()
            and j < k
        )
    ):
        j -= 1  # (and "Office for National Statistics data": a name with "of" or "for" in it)
    while j < k and (doc.lows[j] in FUNCTION_WORDS or _opening_adjective(doc, j)):
        j += 1  # ("An IAAF statement": the IAAF's; "Leaked documents": nobody's name)
    if j == k or doc.tokens[j][0] < d.start:
        return None
    if all(w.lower() in DEMONYMS or w.lower() in FUNCTION_WORDS for w in doc.words[j:k]):
        return None
    return doc.tokens[j][0], doc.tokens[k - 1][1]


def _opening_adjective(doc: Doc, j: int) -> bool:
    """ "Leaked documents", "Secret memos", "Internal emails": a capitalised word opening a
    sentence that is a participle or the article writes in lower case too."""
    w = doc.words[j]
    at_start = j == 0 or doc.gaps[j].strip().endswith((".", "\n")) or "\n" in doc.gaps[j]
    return (
        at_start
        and w[1:].islower()
        and (w.endswith(("ed", "ing")) or w.lower() in OPENING_MODIFIERS or f" {w.lower()} " in doc.masked)
    )


def _by_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """The issuer's words right after a document: "a letter from the American Legion",
    "a statement signed by gallery directors" (up to punctuation, eight words at most)."""
    k = bisect.bisect_left(doc.token_starts, end)
    toks = doc.tokens
    if k < len(toks) and doc.lows[k] in _ISSUE_VERBS and doc.gaps[k] in (" ", "\u00a0"):
        k += 1
    if k + 1 >= len(toks) or doc.lows[k] not in _BY or doc.gaps[k] not in (" ", "\u00a0", ", "):
        return None  # (", by": "The book, by Sunday Telegraph journalist Robert Peston, said")
    return toks[k + 1][0], toks[_np_end(doc, k + 1)][1]


def _np_end(doc: Doc, k: int) -> int:
    """The last token of the noun phrase at token k: up to punctuation, eight words, or the
    first lower-case word after a capitalised run ("the Harwell Institute found")."""
    toks, e, caps = doc.tokens, k, doc.words[k][:1].isupper()
    while e + 1 < len(toks) and doc.gaps[e + 1] in (" ", "\u00a0") and e - k < 8:
        nxt = doc.words[e + 1]
        if caps and nxt[:1].islower() and doc.lows[e + 1] not in ("of", "and", "for", "de"):
            low = doc.lows[e + 1]
            head = low in PERSON_NOUNS or low in PERSON_HEADS or low in ROLE_NOUNS or low in ORG_HEADS
            if not (
                head and e + 2 < len(toks) and doc.words[e + 2][:1].isupper() and doc.gaps[e + 2] in (" ", "\u00a0")
            ):
                # (but "Sunday Telegraph journalist Robert Peston": a title, then the name)
                return e + 1 if head and not doc.words[k][:1].isupper() else e  # "the Russian leader gave"
        caps = caps or nxt[:1].isupper()
        e += 1
    return e


def _word_before(doc: Doc, pos: int) -> str:
    k = bisect.bisect_left(doc.token_starts, pos)
    return doc.lows[k - 1] if k > 0 else ""


def _resolve_span(
    doc: Doc,
    span: tuple[int, int],
    mention: Mention | None,
    cue: Cue,
    people: People,
    history: History,
    resolve: Resolver,
) -> str | None:
    """Who a possessor or an issuer in the text is ("the group's", "his", "by Fox News")."""
    s, e = span
    text = doc.text[s:e]
    low = text.lower()
    if low in _OWNER_PRONOUNS:
        from .resolve import resolve_pronoun

        sp, _ = resolve_pronoun(_OWNER_PRONOUNS[low], s, people, history)
        return sp or None
    s = after_firm_plural(doc, _after_count(doc, s, e), e)
    inner = classify_np(doc, s, e, allow_pronoun=False)
    if inner is None or inner.kind in ("clause", "ellipsis"):
        return None
    for ending in ("'s", "’s", "'", "’"):  # "the group's", "Sanders'": the owner itself
        if inner.text.endswith(ending):
            inner = Mention(inner.kind, inner.text[: -len(ending)], inner.start, inner.end - len(ending), inner.how)
            break
    if mention is not None and inner.start <= mention.start and inner.end >= mention.end:
        return None  # the same words again: no progress
    sp, _, _ = resolve(inner, cue, people, history, {})
    return sp if _plausible_issuer(sp) else None


# what an outlet issues itself: the last outlet named may be their issuer, not an email's
_OUTLET_WORK = frozenset("report article story analysis investigation review editorial survey poll".split())

_COUNT_WORDS = frozenset(
    """approximately about around nearly almost some roughly over more than at least a an
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty hundred hundreds thousand thousands dozen dozens""".split()
)


def _after_count(doc: Doc, s: int, e: int) -> int:
    """Where the issuers' words start after a count ("approximately one hundred gallery
    directors": the gallery directors)."""
    k = bisect.bisect_left(doc.token_starts, s)
    j = k
    while j < len(doc.tokens) and doc.tokens[j][1] < e and (doc.lows[j] in _COUNT_WORDS or doc.words[j].isdigit()):
        j += 1
    if (
        j == k
        or j >= len(doc.tokens)
        or doc.tokens[j][1] > e
        or not any(doc.lows[i] not in ("a", "an", "some", "more", "than", "at", "least") for i in range(k, j))
    ):
        return s  # ("a statement by a group": no count)
    return doc.tokens[j][0]


def _plausible_issuer(sp: str | None) -> bool:
    """A name or a short description, not a document again nor a clause ("once the person")."""
    if not sp or len(sp.split()) > 10:
        return False
    words = sp.split()
    if words[0].lower() in FUNCTION_WORDS and not (len(words) > 1 and all(w[:1].isupper() for w in words)):
        return False  # (but "Sunday Telegraph": a name)
    # ("Forrester Research", "Gallup Poll": a name in capitals is a body, whatever its last word)
    return singular(words[-1].lower()) not in DOCUMENT_NOUNS or len(words) > 1 and sp.istitle()


def _issued_before(
    d: Description, pos: int, people: People, history: History, cue: Cue, resolve: Resolver
) -> tuple[int, str] | None:
    """An earlier mention of the same kind of document that says who issued it: "X said in
    a statement", "a report by X", "X's report", "X published a report"."""
    doc = people.doc
    k = bisect.bisect_left(doc.token_starts, pos)
    lo = bisect.bisect_left(doc.token_starts, max(0, pos - _WINDOW))
    same = _same_documents(d.head)
    initials = {w[:1] for w in same}  # (singular keeps a word's first letter: most words are passed by it)
    lows = doc.lows
    for t in range(k - 1, lo - 1, -1):
        if lows[t][:1] not in initials or singular(lows[t]) not in same:
            continue
        if any(m not in doc.lows[max(0, t - 3) : t] for m in d.mods if m not in FUNCTION_WORDS):
            continue  # "the congressional report" is not the report that another wrote
        got = _issuer_at(doc, t, people, history, cue, resolve)
        if got is not None:
            return doc.tokens[t][0], got
    return None


def _same_documents(head: str) -> frozenset[str]:
    """The document nouns that can name the same document as `head` (itself included)."""
    return frozenset({head, *_SAME_DOCS.get(head, ())} | {other for other, same in _SAME_DOCS.items() if head in same})


_SAME_DOCS = {
    "statement": frozenset("communique communiqué declaration release announcement".split()),
    "report": frozenset("dossier study paper document assessment analysis review survey research".split()),
    "dossier": frozenset({"report", "document"}),
    "study": frozenset({"report", "research", "paper", "survey"}),
    "research": frozenset({"study", "report", "paper", "survey"}),
    "survey": frozenset({"study", "report", "poll", "result", "finding"}),
    "poll": frozenset({"survey", "result", "finding"}),
    "result": frozenset({"poll", "survey", "study"}),
    "finding": frozenset({"poll", "survey", "study", "report"}),
    "website": frozenset({"site"}),
    "site": frozenset({"website"}),
    "proposal": frozenset({"motion", "bill", "draft", "resolution"}),
    "draft": frozenset({"proposal", "statement", "communique"}),
    "pamphlet": frozenset({"leaflet"}),
    "leaflet": frozenset({"pamphlet"}),
    "lawsuit": frozenset({"suit", "complaint", "claim"}),
    "suit": frozenset({"lawsuit", "complaint"}),
    "email": frozenset({"e-mail"}),
    "e-mail": frozenset({"email"}),
    "advert": frozenset({"ad", "advertisement", "commercial"}),
    "ad": frozenset({"advert", "advertisement", "commercial"}),
}


def _issuer_at(doc: Doc, t: int, people: People, history: History, cue: Cue, resolve: Resolver) -> str | None:
    """Who issued the document named by token t, if the words around it say."""
    lows, toks = doc.lows, doc.tokens
    # "X's report", "its report"
    k = t - 1
    while k >= 0 and t - k <= 3 and lows[k] not in FUNCTION_WORDS and not doc.words[k].endswith(("'s", "’s")):
        k -= 1
    if k >= 0 and t - k <= 3 and (doc.words[k].endswith(("'s", "’s")) or lows[k] in _OWNER_PRONOUNS):
        s = k
        if lows[k] not in _OWNER_PRONOUNS:
            while s > 0 and doc.words[s - 1][:1].isupper() and doc.gaps[s] in (" ", "\u00a0"):
                s -= 1
        got = _resolve_span(doc, (toks[s][0], toks[k][1]), None, cue, people, history, resolve)
        if got is not None:
            return got
    if t + 1 < len(toks) and lows[t] in _NAMED_AFTER and doc.words[t + 1][:1].isupper() and doc.gaps[t + 1] == " ":
        # "Fan website Trek United is hoping …": the site's name follows its noun; it speaks
        e = t + 1
        while e + 1 < len(toks) and doc.words[e + 1][:1].isupper() and doc.gaps[e + 1] == " ":
            e += 1
        return _resolve_span(doc, (toks[t + 1][0], toks[e][1]), None, cue, people, history, resolve)
    # "a Morning Consult Poll found", "a Pentagon statement": the name before the noun
    j = t
    while j > 0 and doc.words[j - 1][:1].isupper() and doc.gaps[j] in (" ", "\u00a0") and t - j < 5:
        j -= 1
    while j < t and lows[j] in FUNCTION_WORDS:
        j += 1
    if j < t and doc.words[t][:1].islower() and not all(w.lower().split("-", 1)[0] in DEMONYMS for w in doc.words[j:t]):
        got = _resolve_span(doc, (toks[j][0], toks[t - 1][1]), None, cue, people, history, resolve)
        if got is not None:
            return got
    # "a report by X", "a statement signed by X"
    j = t + 1
    if j < len(toks) and lows[j] in _ISSUE_VERBS:
        j += 1
    if j + 1 < len(toks) and lows[j] in _BY:
        got = _resolve_span(doc, (toks[j + 1][0], toks[_np_end(doc, j + 1)][1]), None, cue, people, history, resolve)
        if got is not None:
            return got
    # "X said in a statement", "X published a report": the speaker or subject of its sentence
    k = t - 1
    while k >= 0 and t - k <= 4 and lows[k] not in _ISSUING and lows[k] not in _ISSUE_VERBS:
        k -= 1
    if k >= 0 and lows[k] in _ISSUING and not _verb_before(doc, k) and not _opens_sentence(doc, k):
        k = -1  # "evidence in the report" is no one's saying it in the report ("In a statement, X said" is)
    if k >= 0 and t - k <= 4:
        # the nearest speaker or subject before it in its sentence ("The Times said Cook
        # provided a written statement": Cook's)
        si = sent_of(doc, toks[t][0])
        near: list[tuple[int, str]] = []
        fronted = _opens_sentence(doc, k)  # ("In a statement, Valve said": the speaker after it)
        for p, sp, _g in reversed(history[-12:]):
            if (p < toks[t][0] or fronted) and sent_of(doc, p) == si:
                near.append((p, sp))
                break
        subj = people.subject_before(toks[t][0], "")
        if subj is not None and sent_of(doc, subj[0]) == si:
            near.append(subj)
        if near:
            return max(near)[1]
        got = _org_subject(doc, people, si)
        if got is None and lows[k] in _ISSUE_VERBS:
            # "The Russian parliament's committee for international relations has introduced
            # the motion": the subject before the verb, a described body
            from .sources import clause_subject

            sub = clause_subject(doc, doc.sents[si][0], toks[k][0])
            if sub is not None and sub.kind in ("np", "name", "role", "anonymous") and sub.end <= toks[k][0]:
                got = _resolve_span(doc, (sub.start, sub.end), None, cue, people, history, resolve)
        return got
    return None


def _opens_sentence(doc: Doc, k: int) -> bool:
    """Does token k open its sentence ("In a statement detailing …, Valve said")?"""
    at = doc.tokens[k][0]
    return bool(doc.sents) and doc.sents[sent_of(doc, at)][0] == at


def _verb_before(doc: Doc, k: int) -> bool:
    """Is the word before token k (an "in" or "via") a verb of speech or issue, or an
    adverb after one ("said in a statement", "wrote on Monday in a post", "said
    separately in a report"), not a noun ("evidence in the report")?"""
    j = k - 1
    while j >= 0 and k - j <= 3 and (doc.lows[j].endswith("ly") or doc.lows[j] in ("also", "later", "earlier")):
        j -= 1
    if j < 0 or doc.gaps[j + 1].strip(" ,"):
        return False
    w = doc.lows[j]
    return w in ALL_CUE_FORMS or w in _ISSUE_VERBS


def _org_subject(doc: Doc, people: People, si: int) -> str | None:
    """The organisation's name opening sentence `si`: "The Health Care Industry
    Cybersecurity Task Force warned in a report ..."."""
    ss, se = doc.sents[si]
    i = bisect.bisect_left(doc.token_starts, ss)
    if i >= len(doc.tokens) or doc.tokens[i][0] >= se:
        return None
    k = i + 1 if doc.lows[i] == "the" else i
    j = k
    while j < len(doc.tokens) and doc.words[j][:1].isupper() and (j == k or doc.gaps[j] in (" ", "\u00a0")):
        j += 1
    if j == k:
        return None
    if j < len(doc.tokens) and (
        doc.lows[j] in ROLE_NOUNS or doc.lows[j] in PERSON_NOUNS or doc.lows[j] in PERSON_HEADS
    ):
        return None  # "GOP frontrunner Donald Trump does better ...": the person, not the party
    name = doc.text[doc.tokens[k][0] : doc.tokens[j - 1][1]]
    return name if is_org(name, people) else None


_PASSIVE_BEFORE_RE = re.compile(r"\b(?:been|was|were|being|is|are|be|get|got)\s+$")
_SUED_RE = re.compile(r"\b(?:sued|is suing|are suing|has sued|have sued|filed (?:a|the) (?:law)?suit)\b")


def _plaintiff(
    doc: Doc, mention: Mention, cue: Cue, people: People, history: History, resolve: Resolver
) -> tuple[int, str] | None:
    """The subject of the last "sued" or "is suing" in the few sentences before a lawsuit."""
    si = sent_of(doc, mention.start)
    for sj in range(si - 1, max(-1, si - 8), -1):
        ss, se = doc.sents[sj]
        got = _SUED_RE.search(doc.masked, ss, se)
        if got is None:
            continue
        if _PASSIVE_BEFORE_RE.search(doc.masked, max(ss, got.start() - 8), got.start()):
            return None  # "Snoop Dogg has been sued by a woman": the subject is the one sued
        subject = subject_of_clause(doc, ss, got.start())
        if subject is None:
            return None
        name = _resolve_span(doc, (subject.start, subject.end), None, cue, people, history, resolve)
        return (ss, name) if name else None
    return None
