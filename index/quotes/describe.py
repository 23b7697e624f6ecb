"""A description to the person or body it means: "the minister", "the company", "the report".

Reads a mention that is a description (``roles.parse``), ``People`` (with the roles the
article states, ``roles.scan_roles``) and the history of who spoke; returns the speaker,
the rule that decided it (``rules.py``) and the words naming the speaker, or None when the
mention is no description this stage decides (then it is kept as written).

* A definite role ("the defence minister", "the official", "the Brazilian President")
  means whoever the text was just about and fits it: a holder of a compatible role the
  article states, or the last speaker or subject whom nothing contradicts; else a stated
  holder further back or later ("Estonian Prime Minister calls ..." in a headline), else
  the registry's holder (``config.yaml``). An indefinite one ("a Western official") names
  someone new and stays a described speaker, as does "Mr Blair's official spokesman".
* An organisation noun ("the company", "the group") means the organisation the article
  introduced with it, or whose name ends in it, or (for the general nouns) the last one
  that spoke.
* A document ("the statement", "its report", "the group's website") speaks for whoever
  issued it: its possessor, the body after "by" or "from", the issuer an earlier sentence
  named ("X said in a statement") or the organisation that spoke last, whichever is
  nearer; with none of those it has no speaker.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from index.lexicon import ANONYMOUS_NOUNS, DEMONYMS, FUNCTION_WORDS

from .document import Doc, para_of, sent_of
from .mentions import Mention, classify_np
from .roles import (
    DISTINGUISHING,
    DOCUMENT_NOUNS,
    OFFICES,
    ORG_HEADS,
    PERSON_HEADS,
    PLACES,
    Description,
    Role,
    compatible,
    parse,
    person_head,
    singular,
    stem,
)
from .words import FEMALE_ROLES, GROUP_NOUNS, MALE_ROLES, PERSON_NOUNS
from .words import ORG_HEADS as NAME_ORG_HEADS

if TYPE_CHECKING:
    from .cues import Cue
    from .people import People

History = list[tuple[int, str, str]]
Resolved = tuple[str | None, str, Mention | None]

_WINDOW = 3000  # characters: how far back a holder or an issuer is looked for
_NEAR_PARAS = 3  # paragraphs: how far back the one "the official" can mean was last seen
_ISSUING = frozenset("in via through".split())
_ISSUE_VERBS = frozenset(
    """issued released published posted put sent signed filed presented unveiled circulated
    drafted wrote written produced commissioned adopted provided obtained introduced tabled
    submitted proposed prepared launched""".split()
)
_BY = frozenset({"by", "from"})
_OWNER_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
# organisation nouns general enough to mean the last organisation that spoke
_GENERAL_ORG = frozenset("company firm group organisation organization body business agency".split())
_ORG_ENDINGS = (
    NAME_ORG_HEADS
    | ORG_HEADS
    | frozenset(
        """inc corp ltd plc llc co group holdings partners media news times post journal tribune
        herald gazette telegraph mail guardian press agency network airlines airways motors
        bank fund foundation institute party union""".split()
    )
)
# common nouns for people, which a described speaker writes in lower case
COMMON_NOUNS = GROUP_NOUNS | PERSON_NOUNS | ANONYMOUS_NOUNS
# the rules of this stage that give a speaker
DESCRIBED = frozenset({"role-stated", "role-registry", "role-salient", "org-description", "document-issuer"})


def resolve_description(
    mention: Mention,
    cue: Cue,
    people: People,
    history: History,
    resolve: object,
    titled: bool = False,
) -> Resolved | None:
    """The holder of a description, or None to keep the mention as written.

    `resolve` is ``resolve.resolve_mention`` (for a possessor or an issuer, which are
    mentions themselves); `titled` says a name was a bare title ("Estonian Prime Minister").
    """
    doc = people.doc
    d = parse(doc, mention.start, mention.end)
    if d is None:
        return None
    if d.head in DOCUMENT_NOUNS and not titled:
        return _issuer(d, mention, cue, people, history, resolve)
    definite = d.det in ("the", "poss") or titled
    if definite and d.plural and d.det == "the" and person_head(d.head) and not d.mods:
        got = _same_group(d, mention.start, people, history)
        if got is not None:
            return got, "role-salient", mention
    if not definite or d.plural:
        return None
    if person_head(d.head):
        if d.det == "poss" and d.owner is not None:
            return None  # "Mr Blair's official spokesman": someone of Blair's, not Blair
        return _person_holder(d, mention, people, history)
    if d.head in ORG_HEADS:
        got = _org_holder(d, mention.start, people, history)
        if got is not None:
            return got, "org-description", mention
    return None


def _mods(d: Description) -> list[str]:
    """The description's modifiers as stems, without numbers ("25-year-old") or determiners."""
    return [stem(m) for m in d.mods if m not in FUNCTION_WORDS and not m[:1].isdigit()]


def _fits(role: Role, head: str, mods: list[str], people: People) -> bool:
    """Does a stated role fit the description? Its head is compatible, and every modifier
    that tells roles apart in this article ("defence", "Estonian") is among its words."""
    if not compatible(head, role.head):
        return False
    return all(m in role.words or (m not in people.stated.words and m not in DISTINGUISHING) for m in mods)


def _last_seen(people: People, name: str, pos: int) -> int:
    """Where `name` was last mentioned before `pos`; -1 if not."""
    mentions = people.mentions
    i = bisect.bisect_left(mentions, (pos, ""))
    for k in range(i - 1, max(-1, i - 60), -1):
        if mentions[k][1] == name:
            return mentions[k][0]
    return -1


def _registry_holder(d: Description, people: People) -> str | None:
    """The registry's holder of the description's role ("russian leader" in "the unhinged
    Russian leader"): the longest ending of its words that one registered speaker holds,
    if that speaker is named in the article or the role is more than one word."""
    words = [w for w in (*d.mods, d.head) if w not in FUNCTION_WORDS]
    for k in range(len(words)):
        phrase = " ".join(words[k:]).replace("-", " ")
        holders = people.registry.role_holders(phrase)
        if len(holders) == 1 and (holders[0] in people.registered_here or len(words) - k >= 2):
            return holders[0]
    return None


def _gender_of_head(head: str) -> str:
    return "female" if head in FEMALE_ROLES else "male" if head in MALE_ROLES else ""


def _person_holder(d: Description, mention: Mention, people: People, history: History) -> Resolved | None:
    """A definite role: see the module's docstring for the order."""
    pos = mention.start
    doc = people.doc
    mods = _mods(d)
    para = para_of(doc, pos)
    fits = [r for r in people.stated.fitting_heads(d.head, pos) if not r.org and _fits(r, d.head, mods, people)]
    near: list[tuple[int, int, str, str]] = []  # (last seen, stated?, name, rule)
    for r in fits:
        seen = max(_last_seen(people, r.entity, pos), r.pos if r.pos < pos else -1)
        if seen >= 0 and para - para_of(doc, seen) <= _NEAR_PARAS:
            near.append((seen, 1, r.entity, "role-stated"))
    registered = _registry_holder(d, people)
    salient = _salient_person(d, mods, pos, people, history)
    if salient is not None and (not near or salient[0] > max(near)[0]) and registered is not None:
        salient = None  # "the Kremlin spokesman": the registry's holder, not whoever spoke last
    if salient is not None:
        seen, name = salient
        near.append((seen, 0, name, "role-salient"))
    if near:
        _, _, name, rule = max(near)
        if any(r.entity == name for r in fits):
            rule = "role-stated"  # (the one just written about holds that role)
        return name, rule, mention
    if fits:
        before = [(r.pos, r.entity) for r in fits if r.pos < pos]
        name = max(before)[1] if before else min((r.pos, r.entity) for r in fits)[1]
        return name, "role-stated", mention
    if registered is not None:
        return registered, "role-registry", mention
    return None


def _same_group(d: Description, pos: int, people: People, history: History) -> str | None:
    """ "the officials said" after "the heads of the IMF and the World Bank said": the last
    group that spoke in a near paragraph, when its head fits ("heads" are officials)."""
    doc = people.doc
    para = para_of(doc, pos)
    for p, sp, g in reversed(history[-6:]):
        if pos - p > _WINDOW or para - para_of(doc, p) > _NEAR_PARAS:
            break
        if g != "group":
            continue
        words = sp.lower().split()
        heads = [singular(w) for w in words[:6] if w not in FUNCTION_WORDS]
        if heads and any(compatible(d.head, h) for h in heads[:2]) and singular(words[0]) != d.head:
            return sp
        return None
    return None


def _offices(people: People, name: str) -> set[str]:
    return {r.head for r in people.stated.of(name) if not r.org and r.head in OFFICES}


def _salient_person(
    d: Description, mods: list[str], pos: int, people: People, history: History
) -> tuple[int, str] | None:
    """The person the text was just about, if the description can mean them: the last
    speaker or clause subject of a near paragraph, of the head's gender, holding no stated
    office the description contradicts ("the minister" is not the spokesman). ("" when the
    last speaker is a description of the same role: "the spokesman" means that one again.)"""
    doc = people.doc
    para = para_of(doc, pos)
    want = _gender_of_head(d.head)
    found: list[tuple[int, str]] = []
    for p, sp, g in reversed(history[-10:]):
        if pos - p > _WINDOW or para - para_of(doc, p) > _NEAR_PARAS:
            break
        if g in ("group", "thing"):
            continue
        if _last_seen(people, sp, pos) < 0 and people.registry.get(sp) is None:
            # a described speaker: "the spokesman" after "the prime minister's spokesman
            # said" is that one again; no other description is who the text was about
            if compatible(d.head, singular(sp.rsplit(None, 1)[-1].lower())):
                return p, sp
            continue
        found.append((p, sp))
        break
    subj = people.subject_before(pos, want)
    if subj is not None and para - para_of(doc, subj[0]) <= _NEAR_PARAS:
        found.append(subj)
    for p, name in sorted(found, reverse=True):
        if not people.is_person(name) or _last_seen(people, name, pos) < 0 and people.registry.get(name) is None:
            continue
        g = people.gender_of(name)
        if want and g and g != want:
            continue
        if any(_fits(r, d.head, mods, people) for r in people.stated.of(name) if not r.org):
            return p, name
        offices = _offices(people, name)
        if offices and d.head in OFFICES and not any(compatible(d.head, o) for o in offices):
            continue  # "the minister" is not the spokesman
        if any(m in DISTINGUISHING or m in people.stated.words for m in mods):
            # "the former president", "the Republican presidential candidate" when the
            # article tells people apart by those words: only a stated role says who
            continue
        return p, name
    return None


def is_org(name: str, people: People, spoke: bool = False) -> bool:
    """Evidence that a name is an organisation, not a person or a place: it ends in an
    organisation's word ("Ministry", "Inc", "News"), is an acronym ("BBC"), has a stated
    organisation role ("the cybersecurity firm Ergo"), or it spoke (`spoke`) and is no place."""
    words = name.split()
    if not words or people.is_person(name) or is_place(name):
        return False
    if any("-" in w and w.rsplit("-", 1)[1][:1].islower() for w in words):
        return False  # "Census-taker", "Pulitzer Prize-winning": a description
    last = words[-1]
    if singular(last.lower()) in _ORG_ENDINGS or (last.isupper() and len(last) > 1 and last.isalpha()):
        return True
    if any(r.org for r in people.stated.of(name)):
        return True
    return spoke and name[:1].isupper()


def is_place(name: str) -> bool:
    """A country, a capital, a big city or a US state, by name ("San Francisco", "Kyiv")."""
    words = name.lower().split()
    return " ".join(words) in PLACES or (len(words) >= 2 and words[0] in _PLACE_STARTS)


_PLACE_STARTS = frozenset({"san", "los", "las", "saint", "st", "fort", "port", "lake", "mount"})


def _org_holder(d: Description, pos: int, people: People, history: History) -> str | None:
    head = d.head
    mods = _mods(d)
    fits = [r for r in people.stated.fitting_heads(head, pos) if r.org and _fits(r, head, mods, people)]
    before = [(max(_last_seen(people, r.entity, pos), r.pos), r.entity) for r in fits if r.pos < pos]
    if before:
        return max(before)[1]
    doc = people.doc
    # a name that ends in the noun: "the agency" for the International Energy Agency
    mentions = people.mentions
    i = bisect.bisect_left(mentions, (pos, ""))
    for k in range(i - 1, max(-1, i - 60), -1):
        p, name = mentions[k]
        if pos - p > _WINDOW:
            break
        words = name.split()
        if len(words) >= 2 and compatible(head, singular(words[-1].lower())) and not people.is_person(name):
            return name
    if head not in _GENERAL_ORG:
        return None  # "the committee", "the court": only one named so
    got = _salient_org(pos, people, history, doc)
    return got[1] if got is not None else None


def _salient_org(pos: int, people: People, history: History, doc: Doc) -> tuple[int, str] | None:
    """The last organisation that spoke in a near paragraph (a name, or a description
    such as "the Trump campaign")."""
    para = para_of(doc, pos)
    for p, sp, g in reversed(history[-10:]):
        if pos - p > _WINDOW or para - para_of(doc, p) > _NEAR_PARAS:
            break
        if g != "thing" or singular(sp.rsplit(None, 1)[-1].lower()) in DOCUMENT_NOUNS:
            continue
        if sp[:1].isupper() and is_org(sp, people, spoke=True) or sp[:1].islower() and " " in sp:
            return p, sp
    return None


def _issuer(
    d: Description, mention: Mention, cue: Cue, people: People, history: History, resolve: object
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
    comp = d.comp if d.comp is not None and _word_before(doc, d.comp[0]) in _BY | {"of"} else _by_after(doc, d.end)
    if comp is not None:
        got = _resolve_span(doc, comp, mention, cue, people, history, resolve)
        if got is not None:
            return got, "document-issuer", mention
    if d.det == "the":
        earlier = _issued_before(d, mention.start, people, history, cue, resolve)
        # (not whoever reports what the document says: "According to TASS, the proposal calls ...")
        si = sent_of(doc, mention.start)
        org = _salient_org(mention.start, people, [h for h in history if sent_of(doc, h[0]) != si], doc)
        best = max((x for x in (earlier, org) if x is not None), default=None)
        if best is not None:
            return best[1], "document-issuer", mention
    return None, "document-no-issuer", None


def _named_modifier(doc: Doc, d: Description) -> tuple[int, int] | None:
    """The capitalised words right before a document noun, when they are a name and not
    an adjective of nationality ("the Reuters report", not "the Russian report")."""
    k = bisect.bisect_left(doc.token_starts, d.end) - 1  # the head
    j = k
    while j > 0 and doc.words[j - 1][:1].isupper() and doc.gaps[j] in (" ", "\u00a0"):
        j -= 1
    if j == k or doc.tokens[j][0] < d.start:
        return None
    if all(w.lower() in DEMONYMS or w.lower() in FUNCTION_WORDS for w in doc.words[j:k]):
        return None
    return doc.tokens[j][0], doc.tokens[k - 1][1]


def _by_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """The issuer's words right after a document: "a letter from the American Legion",
    "a statement signed by gallery directors" (up to punctuation, eight words at most)."""
    k = bisect.bisect_left(doc.token_starts, end)
    toks = doc.tokens
    if k < len(toks) and doc.lows[k] in _ISSUE_VERBS and doc.gaps[k] in (" ", "\u00a0"):
        k += 1
    if k + 1 >= len(toks) or doc.lows[k] not in _BY or doc.gaps[k] not in (" ", "\u00a0"):
        return None
    return toks[k + 1][0], toks[_np_end(doc, k + 1)][1]


def _np_end(doc: Doc, k: int) -> int:
    """The last token of the noun phrase at token k: up to punctuation, eight words, or the
    first lower-case word after a capitalised run ("the Harwell Institute found")."""
    toks, e, caps = doc.tokens, k, doc.words[k][:1].isupper()
    while e + 1 < len(toks) and doc.gaps[e + 1] in (" ", "\u00a0") and e - k < 8:
        nxt = doc.words[e + 1]
        if caps and nxt[:1].islower() and doc.lows[e + 1] not in ("of", "and", "for", "de"):
            break
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
    resolve: object,
) -> str | None:
    """Who a possessor or an issuer in the text is ("the group's", "his", "by Fox News")."""
    s, e = span
    text = doc.text[s:e]
    low = text.lower()
    if low in _OWNER_PRONOUNS:
        from .resolve import resolve_pronoun

        sp, _ = resolve_pronoun(_OWNER_PRONOUNS[low], s, people, history)
        return sp or None
    inner = classify_np(doc, s, e, allow_pronoun=False)
    if inner is None or inner.kind in ("clause", "ellipsis"):
        return None
    for ending in ("'s", "’s", "'", "’"):  # "the group's", "Sanders'": the owner itself
        if inner.text.endswith(ending):
            inner = Mention(inner.kind, inner.text[: -len(ending)], inner.start, inner.end - len(ending), inner.how)
            break
    if mention is not None and inner.start <= mention.start and inner.end >= mention.end:
        return None  # the same words again: no progress
    sp, _, _ = resolve(inner, cue, people, history, {})  # type: ignore[operator]
    return sp if _plausible_issuer(sp) else None


def _plausible_issuer(sp: str | None) -> bool:
    """A name or a short description, not a document again nor a clause ("once the person")."""
    if not sp or len(sp.split()) > 10:
        return False
    words = sp.split()
    return words[0].lower() not in FUNCTION_WORDS and singular(words[-1].lower()) not in DOCUMENT_NOUNS


def _issued_before(
    d: Description, pos: int, people: People, history: History, cue: Cue, resolve: object
) -> tuple[int, str] | None:
    """An earlier mention of the same kind of document that says who issued it: "X said in
    a statement", "a report by X", "X's report", "X published a report"."""
    doc = people.doc
    k = bisect.bisect_left(doc.token_starts, pos)
    lo = bisect.bisect_left(doc.token_starts, max(0, pos - _WINDOW))
    for t in range(k - 1, lo - 1, -1):
        low = singular(doc.lows[t])
        if low != d.head and not (low in _SAME_DOCS.get(d.head, ()) or d.head in _SAME_DOCS.get(low, ())):
            continue
        got = _issuer_at(doc, t, people, history, cue, resolve)
        if got is not None:
            return doc.tokens[t][0], got
    return None


_SAME_DOCS = {
    "statement": frozenset("communique communiqué declaration release announcement".split()),
    "report": frozenset("dossier study paper document assessment analysis review survey research".split()),
    "dossier": frozenset({"report", "document"}),
    "study": frozenset({"report", "research", "paper", "survey"}),
    "research": frozenset({"study", "report", "paper", "survey"}),
    "survey": frozenset({"study", "report", "poll"}),
    "website": frozenset({"site"}),
    "site": frozenset({"website"}),
    "proposal": frozenset({"motion", "bill", "draft", "resolution"}),
    "draft": frozenset({"proposal", "statement", "communique"}),
    "pamphlet": frozenset({"leaflet"}),
    "leaflet": frozenset({"pamphlet"}),
}


def _issuer_at(doc: Doc, t: int, people: People, history: History, cue: Cue, resolve: object) -> str | None:
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
    if k >= 0 and t - k <= 4:
        # the nearest speaker or subject before it in its sentence ("The Times said Cook
        # provided a written statement": Cook's)
        si = sent_of(doc, toks[t][0])
        near: list[tuple[int, str]] = []
        for p, sp, _g in reversed(history[-12:]):
            if p < toks[t][0] and sent_of(doc, p) == si:
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
    name = doc.text[doc.tokens[k][0] : doc.tokens[j - 1][1]]
    return name if is_org(name, people) else None


def gender_for_history(speaker: str, rule: str, people: People) -> str:
    """What a later pronoun sees of a described speaker: a person's gender, else "thing"."""
    if rule in ("role-stated", "role-registry", "role-salient") and people.is_person(speaker):
        return people.gender_of(speaker)
    return "thing"


_LEADING = frozenset(
    """a an the one some several two three four five six seven eight nine ten many most other
    another few various numerous multiple both senior-most""".split()
)
_CUT = frozenset({"who", "which", "that", "whose", "whom", "speaking", "declining", "requesting", "asking"})
_COMMON = PERSON_HEADS | ORG_HEADS | DOCUMENT_NOUNS


def described(text: str, people: People | None = None) -> str:
    """A described speaker as one name for all its mentions: "A spokesman" and "a
    spokesman" are "spokesman", "Analysts" is "analysts", "a senior US official, who
    declined to be named" is "senior US official" (no article, no relative clause, a
    common word lower-cased, proper ones kept: "Western official", "Meta spokesperson")."""
    words = text.replace("\n", " ").split()
    for k, w in enumerate(words):
        if k and (w.lower() in _CUT or w.lower().strip(",;:") != w.lower() and k < len(words) - 1):
            words = words[: k + 1] if w.lower() not in _CUT else words[:k]
            break
    n = len(words)
    while len(words) > 1 and (
        words[0].lower() in _LEADING or words[0].lower() in _CUT or words[0].lower() in FUNCTION_WORDS
    ):
        words = words[1:]
    if not words:
        return text
    words[-1] = words[-1].rstrip(",;:.")
    first = words[0]
    low = first.lower()
    single = singular(low)
    if len(words) == n and first[:1].isupper() and not first.isupper():
        # a capital only because the words open the sentence ("Analysts", "Senior officials")
        if len(words) == 1:
            common = low in GROUP_NOUNS or single != low and (single in _COMMON or single in COMMON_NOUNS)
        else:
            common = (
                low in FUNCTION_WORDS
                or single in _COMMON
                or single in COMMON_NOUNS
                or (people is not None and people.used_in_lower_case(low))
            )
        if common:
            words[0] = low
    return " ".join(words)
