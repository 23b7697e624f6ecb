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
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from index.lexicon import FUNCTION_WORDS

from .document import Doc, para_of, sent_of
from .issuers import issuer
from .mentions import Mention
from .names import CAP_RUN_RE
from .orgs import is_place, org_holder
from .people import CATAPHORA
from .roles import (
    DISTINGUISHING,
    DOCUMENT_NOUNS,
    EPITHET_NOUNS,
    OFFICES,
    ORG_HEADS,
    Description,
    compatible,
    other_side,
    parse,
    person_head,
    plays,
    singular,
    stem,
)
from .salience import _NEAR_PARAS, _WINDOW, History, Resolved, clashes, fits, kind_of, last_seen, mods_of
from .words import FEMALE_ROLES, MALE_ROLES

if TYPE_CHECKING:
    from .cues import Cue
    from .people import People
    from .salience import Resolver

_OWNER_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
# the rules of this stage that give a speaker
DESCRIBED = frozenset({"role-stated", "role-registry", "role-salient", "org-description", "document-issuer"})


def resolve_description(
    mention: Mention,
    cue: Cue,
    people: People,
    history: History,
    resolve: Resolver,
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
        return issuer(d, mention, cue, people, history, resolve)
    # (a title in title case with no article is one holder: "Estonian Prime Minister calls")
    definite = d.det in ("the", "poss") or titled or not d.det and _title_case_role(mention.text)
    if definite and d.plural and d.det == "the" and person_head(d.head) and not d.mods:
        got = _same_group(d, mention.start, people, history)
        if got is not None:
            return got, "role-salient", mention
    if definite and d.plural and d.det == "the" and d.head in ORG_HEADS and not d.mods:
        got = _listed_bodies(mention.start, people, history)
        if got is not None:
            return got, "org-description", mention
    if not definite and not d.plural and d.det in ("a", "an") and person_head(d.head) and _in_lead(people.doc, d.start):
        # "A US researcher has suggested …. Ravi Purushotma believes …": the lead's someone,
        # named in the sentence after it as the one who holds the view
        named = _named_next(people, mention.start, _HOLDS_VIEW_RE)
        if named is not None and not any(not compatible(d.head, r.head) for r in people.stated.of(named)):
            # (not "… New York Attorney General Elliot Spitzer said" for "an executive")
            return named, "role-stated", mention
    if not definite or d.plural:
        return None
    if person_head(d.head) or d.head in EPITHET_NOUNS and d.det == "the" and d.proper and not d.comp:
        if d.comp is not None and doc.text[d.comp[0] : d.comp[0] + 3].lower().startswith(("a ", "an ")):
            # "the chief executive of a leading European car maker": someone of a body the
            # article does not name, not whoever holds that title in it
            return None
        if d.det == "poss" and d.owner is not None:
            place = _place_owner(doc, d.owner)
            if place is None:
                return None  # "Mr Blair's official spokesman": someone of Blair's, not Blair
            # "Russia's foreign minister": the holder of Russia's office, as "the Russian
            # foreign minister" would be
            d = replace(d, det="the", owner=None, mods=(place, *d.mods), proper=(place, *d.proper))
            return _person_holder(d, mention, people, history, stem(place))
        return _person_holder(d, mention, people, history)
    if d.head in ORG_HEADS:
        if d.det == "poss" and d.owner is not None:
            # "her campaign", "his party": the campaign or party of whoever "her" means
            owner = doc.text[d.owner[0] : d.owner[1]].lower()
            if owner in _OWNER_PRONOUNS:
                from .resolve import resolve_pronoun

                who, _ = resolve_pronoun(_OWNER_PRONOUNS[owner], d.owner[0], people, history)
                if who:
                    return f"{who} {d.head}", "org-description", mention
            return None
        got = org_holder(d, mention.start, people, history)
        if got is not None:
            return got, "org-description", mention
    return None


def role_holder_of(mention: Mention, people: People, history: History) -> str | None:
    """The person the article or the registry gave the role "the <role>" ("the Tory leader":
    "Tory leader Michael Howard"): for a pronoun after a sentence that opens with it."""
    d = parse(people.doc, mention.start, mention.end)
    if d is None or d.det != "the" or d.plural or not person_head(d.head):
        return None
    got = _person_holder(d, mention, people, history)
    if got is None or not got[0] or got[1] not in ("role-stated", "role-registry"):
        return None  # (only a holder the article or the registry gave the role: not a guess)
    return got[0] if people.is_person(got[0]) else None


# the titles of members who hold a seat, named by place ("the Salford MP")
_SEAT_HOLDERS = frozenset({"mp", "mep", "msp", "mla", "td"})


def _place_owner(doc: Doc, owner: tuple[int, int]) -> str | None:
    """The country or city whose office a possessive names ("Russia's", "Kyiv's"), lower case."""
    name = re.sub(r"['’]s?$", "", doc.text[owner[0] : owner[1]])
    return name.lower() if is_place(name) else None


def _title_case_role(text: str) -> bool:
    """ "Estonian Prime Minister": two words or more, each capitalised (not "King", a name,
    nor "editor at Politico")."""
    words = text.split(" of ", 1)[0].split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


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


def _person_holder(
    d: Description, mention: Mention, people: People, history: History, place: str = ""
) -> Resolved | None:
    """A definite role: see the module's docstring for the order. With `place` (a stem: the
    country of "Russia's foreign minister"), a stated role must name it."""
    pos = mention.start
    doc = people.doc
    mods = mods_of(d)
    proper = [stem(p) for p in d.proper]
    para = para_of(doc, pos)
    g = _gender_of_head(d.head)
    fitting = [
        r
        for r in people.stated.fitting_heads(d.head, pos)
        if not r.org
        and fits(r, d.head, mods, people, proper)
        and (not place or place in r.words)
        and (not g or _gender_of_head(r.head) in ("", g) and people.gender_of(r.entity) in ("", g))
    ]  # ("The Trafford Centre spokeswoman" is no "Spokesman Alan Jones")
    if d.head in _SEAT_HOLDERS:
        # "the Glasgow Kelvin MP", "the Labour MP for Birkenhead": a seat the article names
        # is held only by the member it was stated of
        seat = [w for w in (*proper, *map(stem, _proper_words(doc, d.comp) if d.comp else ())) if not kind_of(w)]
        fitting = [r for r in fitting if all(w in r.words for w in seat)]
    # (sentence last seen in, a subject or speaker there?, stated?, where, name, rule): the
    # later sentence wins, and in one sentence its subject ("Marco Rubio ... stressed
    # defense during an appearance with Sen. Joni Ernst. The Florida senator said": Rubio)
    near: list[tuple[int, int, int, int, str, str]] = []
    for r in fitting:
        seen = max(last_seen(people, r.entity, pos), r.pos if r.pos < pos else -1)
        if seen >= 0 and para - para_of(doc, seen) <= _NEAR_PARAS:
            near.append((sent_of(doc, seen), _is_subject(people, seen, r.entity), 1, seen, r.entity, "role-stated"))
    registered = _registry_holder(d, people)
    salient = _salient_person(d, mods, pos, people, history, place)
    if salient is not None and (not near or salient[0] > max(near)[3]) and registered is not None:
        salient = None  # "the Kremlin spokesman": the registry's holder, not whoever spoke last
    if salient is not None:
        seen, name = salient
        near.append((sent_of(doc, seen), 1, 0, seen, name, "role-salient"))
    exact = {r.entity for r in fitting if r.head == d.head and r.pos < pos}
    if exact:
        # "the prince", "the senator": a holder the article gave that very title (the nearest,
        # or one a few paragraphs back) before whoever was last written about with another
        # title or none at all
        near = [c for c in near if c[4] in exact]
        if not near:
            name = max((last_seen(people, r.entity, pos), r.pos, r.entity) for r in fitting if r.entity in exact)[2]
            return name, "role-stated", mention
    if near:
        *_, name, rule = max(near)
        if any(r.entity == name for r in fitting):
            rule = "role-stated"  # (the one just written about holds that role)
        return name, rule, mention
    before = [(r.pos, r.entity) for r in fitting if r.pos < pos]
    after = [(r.pos, r.entity) for r in fitting if pos < r.pos <= pos + CATAPHORA]
    if before or after:
        # (a holder stated only later: close by, not "Former Republican presidential
        # candidate Jeb Bush" pages on)
        name = max(before)[1] if before else min(after)[1]
        return name, "role-stated", mention
    if registered is None:
        following = _named_next(people, pos)
        if following is not None:
            return following, "role-stated", mention
    return _registry_or_none(registered, mention)


_MADE_COMMENTS_RE = re.compile(
    r"\s+(?:made|gave) (?:the|these|those|his|her) (?:comments?|remarks?)\b|\s+was speaking\b|\s+spoke\b"
)


def _in_lead(doc: Doc, pos: int) -> bool:
    """Is `pos` in the article's first sentence after its headline and standfirst lines?"""
    if doc.offset or not doc.sents:
        return False
    for ps, pe in doc.paras[:4]:
        if doc.text[ps:pe].rstrip().endswith("."):
            return ps <= pos < doc.sents[sent_of(doc, ps)][1]
    return False


# a verb after a new name that makes them the one who holds the lead's view
_HOLDS_VIEW_RE = re.compile(
    r"\s+(?:believes|says|said|thinks|argues|argued|explained|warned|warns|told|wrote|writes|suggested)\b"
)


def _named_next(people: People, pos: int, verbs: re.Pattern[str] | None = None) -> str | None:
    """ "the head of Kyiv's national security council said .... Oleksandr Lytvynenko made
    the comments ...": the person the next sentence names, for the first time, as the one
    who spoke."""
    doc = people.doc
    if not doc.sents:
        return None
    si = sent_of(doc, pos) + 1
    if si >= len(doc.sents) or para_of(doc, doc.sents[si][0]) - para_of(doc, pos) > 1:
        return None
    ss = doc.sents[si][0]
    mentions = people.mentions
    i = bisect.bisect_left(mentions, (ss, ""))
    if i >= len(mentions) or doc.masked[ss : mentions[i][0]].strip():
        return None
    at, name = mentions[i]
    run = CAP_RUN_RE.match(doc.masked, at)
    if run is None or " " not in name or not people.is_person(name) or last_seen(people, name, at) >= 0:
        return None
    return name if (verbs or _MADE_COMMENTS_RE).match(doc.masked, run.end()) else None


def _registry_or_none(registered: str | None, mention: Mention) -> Resolved | None:
    """The registry's holder, when it has one (the last resort of a role)."""
    if registered is not None:
        return registered, "role-registry", mention
    return None


def _is_subject(people: People, pos: int, name: str) -> int:
    """1 if the mention of `name` at `pos` is a clause subject, else 0."""
    i = bisect.bisect_left(people.subjects, (pos, ""))
    return int(i < len(people.subjects) and people.subjects[i][0] == pos)


def _same_group(d: Description, pos: int, people: People, history: History) -> str | None:
    """ "the officials said" after "the heads of the IMF and the World Bank said": the last
    group that spoke in a near paragraph, when its head fits ("heads" are officials)."""
    doc = people.doc
    para = para_of(doc, pos)
    for p, sp, g in reversed(history[-6:]):
        if pos - p > _WINDOW or para - para_of(doc, p) > _NEAR_PARAS and pos - p > _WINDOW // 2:
            break  # (short paragraphs: "the officials" may point back a few more)
        if g != "group":
            continue
        words = sp.lower().split()
        heads = [singular(w) for w in words[:6] if w not in FUNCTION_WORDS]
        if heads and any(compatible(d.head, h) for h in heads[:2]) and singular(words[0]) != d.head:
            return sp
        return None
    return None


def _listed_bodies(pos: int, people: People, history: History) -> str | None:
    """ "the organizations said" after "the heads of the IMF, the World Bank and the WTO
    said": the last group that spoke in a near paragraph, when it names bodies in a list."""
    doc = people.doc
    para = para_of(doc, pos)
    for p, sp, g in reversed(history[-6:]):
        if pos - p > _WINDOW or para - para_of(doc, p) > _NEAR_PARAS:
            break
        if g == "group":
            return sp if " and " in sp and "," in sp and sp[:1].islower() else None
    return None


_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _offices(people: People, name: str) -> set[str]:
    """The heads of the roles stated of `name` ("leader" of "Scottish Conservative leader,
    David McLetchie"): an office ("the spokeswoman") none of them fits is someone else's."""
    return {r.head for r in people.stated.of(name) if not r.org}


def _salient_person(
    d: Description, mods: list[str], pos: int, people: People, history: History, place: str = ""
) -> tuple[int, str] | None:
    """The person the text was just about, if the description can mean them: the last
    speaker or clause subject of a near paragraph, of the head's gender, holding no stated
    office the description contradicts ("the minister" is not the spokesman). ("" when the
    last speaker is a description of the same role: "the spokesman" means that one again.)"""
    doc = people.doc
    para = para_of(doc, pos)
    want = _gender_of_head(d.head)
    proper_comp = _proper_words(doc, d.comp) if d.comp is not None else ()
    found: list[tuple[int, str]] = []
    heard: set[str] = set()
    before = -1  # (a speaker no earlier subject may pass)
    for p, sp, g in reversed(history[-10:]):
        if pos - p > _WINDOW or para - para_of(doc, p) > _NEAR_PARAS:
            break
        if g in ("group", "thing") or p in people.askers or p >= pos:
            continue  # (who asked a question is not who answers: "Borger asked. ... the senator said")
        if doc.text.startswith(("According to", "according to"), p) and sent_of(doc, p) == sent_of(doc, pos):
            continue  # "According to Mr Peston the prime minister said": his source is not he
        surname = (
            " " not in sp
            and sp[:1].isupper()
            and people.gender_of(sp) in ("male", "female")
            and d.head not in OFFICES
            and d.head != "leader"  # (an office wants its stated holder: not whoever spoke last)
        )
        if surname and people.is_person(sp):
            heard.add(sp)  # "Man-of-the-match Duff explained …": a person by one name, who spoke
        elif last_seen(people, sp, pos) < 0 and people.registry.get(sp) is None:
            # a described speaker: "the spokesman" after "the prime minister's spokesman
            # said" is that one again; no other description is who the text was about
            head = sp.split()
            cut = next((i for i, w in enumerate(head) if i and w in ("at", "of", "for", "from", "in", "with")), 0)
            noun = singular((head[cut - 1] if cut else head[-1]).lower())  # ("executive at Euronext")
            if (
                compatible(d.head, noun)
                and (not want or _gender_of_head(noun) in ("", want))
                and not (d.proper and clashes(frozenset(map(stem, sp.split())), list(map(stem, d.proper))))
            ):
                return p, sp  # (not "the spokesman" for the spokeswoman who spoke last)
            if (
                sp.isalpha()
                and sp[1:].islower()
                and not people.gender_of(sp)
                and people.is_person(sp)
                and d.head not in OFFICES
                and d.head != "leader"
            ):
                # "Juninho told …. The attacking midfielder also claims": maybe the one who just
                # spoke, by one name and no gender; whoever spoke before is no safer a guess
                before = p
                break
            continue
        found.append((p, sp))
        break
    subj = people.subject_before(pos, want)
    if (
        subj is not None
        and para - para_of(doc, subj[0]) <= _NEAR_PARAS
        and not (found and _in_relative(doc, subj[0]))  # (not "…, where George Bush opposed it")
        and subj[0] > before
    ):
        found.append(subj)
    for p, name in sorted(found, reverse=True):
        if not people.is_person(name) or (
            last_seen(people, name, pos) < 0 and people.registry.get(name) is None and name not in heard
        ):
            continue
        if _named_after(people, name, pos):
            continue  # "But the chancellor said Mr Baume was never there": whoever he is, not Baume
        g = people.gender_of(name)
        if want and g and g != want:
            continue
        held = [r for r in people.stated.of(name) if not r.org]
        if place and held and not any(place in r.words for r in held):
            continue  # "Ukraine's foreign minister" is not Russia's, whom the article made one
        if any(fits(r, d.head, mods, people, list(map(stem, d.proper))) for r in people.stated.of(name) if not r.org):
            return p, name
        if d.head in _SPOKES:
            continue  # "The executive spokeswoman said": whoever the article made one, not who spoke last
        offices = _offices(people, name)
        if offices and d.head in OFFICES and not any(compatible(d.head, o) for o in offices):
            continue  # "the minister" is not the spokesman
        if other_side(d.head, offices):
            continue  # "the defender" is not "Newcastle boss Graeme Souness"
        roles = [r for r in people.stated.of(name) if not r.org]
        if proper_comp and not roles:
            # "the co-founder of Extinction Rebellion" names a body: only someone the article
            # ties to a role says who; a person merely written about last is a guess
            continue
        if (
            roles
            and not plays(d.head, offices)
            and any(all(stem(p) not in r.words for r in roles) for p in (*d.proper, *proper_comp))
        ):
            # "the Republican presidential candidate" is not "New York Mayor Bill de Blasio",
            # nor "the head of Kyiv's national security council" Nato's secretary general
            continue
        if any(m in DISTINGUISHING or m in people.stated.words for m in mods):
            # "the former president", "the Republican presidential candidate" when the
            # article tells people apart by those words: only a stated role says who
            continue
        return p, name
    return None


def _proper_words(doc: Doc, span: tuple[int, int]) -> tuple[str, ...]:
    """The capitalised words of a span, lower case, without a possessive ending."""
    out = []
    for w in doc.text[span[0] : span[1]].split():
        w = w.strip(",.;:()")
        if w[:1].isupper() and w.lower() not in FUNCTION_WORDS:
            out.append(re.sub(r"['’]s?$", "", w).lower())
    return tuple(out)


def gender_for_history(speaker: str, rule: str, people: People) -> str:
    """What a later pronoun sees of a described speaker: a person's gender, else "thing"."""
    if rule in ("role-stated", "role-registry", "role-salient") and people.is_person(speaker):
        return people.gender_of(speaker)
    return "thing"


def _in_relative(doc: Doc, pos: int) -> bool:
    """Does the name at `pos` open a relative clause after a comma (", where Bush opposed it")?"""
    k = bisect.bisect_left(doc.token_starts, pos)
    return k > 0 and doc.lows[k - 1] in ("where", "when", "whom") and doc.gaps[k - 1].strip() == ","


def _named_after(people: People, name: str, pos: int) -> bool:
    """Is `name` (its surname) written after `pos` in its sentence: a third person in what is said?"""
    doc = people.doc
    if not doc.sents:
        return False
    end = doc.sents[sent_of(doc, pos)][1]
    surname = re.escape(name.rsplit(None, 1)[-1])
    # (not "he, Christie, was", the speaker in apposition, nor "the title of Lord Kinnock")
    return re.search(rf"(?<!\b[Hh]e, )(?<!\b[Ss]he, )(?<!Lord )(?<!Lady )\b{surname}\b", doc.text[pos:end]) is not None
