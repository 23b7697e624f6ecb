"""The roles an article states, and what a description ("the defence minister") is.

Reads the tokens and ``People``; returns ``Role`` records, one per role the article gives
a named person or organisation, in the four shapes of news style:

* a title before the name: "Russian Defence Minister Sergei Shoigu", "Ukraine's Minister
  of Defence Oleksii Reznikov", "the cybersecurity firm Ergo";
* an apposition after it: "Vasily Nebenzya, Russia's Ambassador to the UN, said",
  "Shoigu, the defence minister,";
* an apposition before it: "a spokesman for the Kremlin, Dmitry Peskov, said";
* a copula: "Kallas, who is Estonia's prime minister", "Ergo is a cybersecurity firm".

``parse`` reads a description in the text (its determiner or possessor, modifiers, head
noun and complement) for ``describe.py``, which resolves it to a holder.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from index.lexicon import DEMONYMS, FUNCTION_WORDS

from .document import Doc, tokens_marked
from .words import (
    ALL_CUE_FORMS,
    MODALS,
    NATIONAL_NOUNS,
    PASSIVE_AUX,
    STOP_HEAD,
    SURNAME_HONORIFICS,
    link_inside_name,
)

if TYPE_CHECKING:
    from .people import People

# nouns for a person by what they do or are: the heads of role descriptions
PERSON_HEADS = frozenset(
    """spokesman spokeswoman spokesperson president leader minister secretary director
    ambassador envoy diplomat senator governor mayor chairman chairwoman chair chief head
    candidate nominee official adviser advisor aide lawyer attorney prosecutor judge general
    commander officer representative speaker manager businessman businesswoman billionaire
    premier chancellor king queen prince princess ceo founder co-founder cofounder executive
    analyst economist expert professor researcher scientist scholar strategist consultant
    journalist reporter correspondent editor columnist commentator writer author activist
    campaigner athlete player coach captain striker midfielder defender goalkeeper teammate
    boss owner deputy colonel lieutenant admiral marshal commissioner inspector investigator
    negotiator lawmaker legislator mp politician councillor councilor tycoon mogul
    entrepreneur doctor physician surgeon actor actress singer star champion veteran pilot
    soldier blogger commenter administrator chancellor-elect president-elect vice-president
    emissary consul governor-general pontiff pope cleric imam rabbi bishop archbishop
    pastor priest historian surgeon neurosurgeon physician banker financier investor developer
    comedian novelist playwright filmmaker producer rapper musician jurist justice sheriff
    cardinal vicar chaplain
    full-back fly-half scrum-half centre-back wing-back winger sprinter swimmer
    boxer golfer cyclist jockey bowler batsman hurdler guitarist drummer""".split()
)
# person nouns that open a sentence before a full name, capitalised there ("Boss Graeme Souness")
ROLE_OPENERS = PERSON_HEADS | frozenset(
    "wing winger keeper referee judges fellow shadow centre prop flanker skipper substitute debutant".split()
)
# roles that open a sentence before a surname alone ("Striker Keane", "Rapper Eminem"): only
# these, since names of bodies and things begin with other roles ("General Motors", "Star Wars")
SURNAME_OPENERS = frozenset(
    """striker skipper matchwinner debutant youngster teenager substitute boss coach captain defender
    midfielder goalkeeper keeper winger prop flanker hooker rapper singer guitarist drummer frontman""".split()
)

# nouns for an organisation: "the company said", "activist group Stopp Oljeletinga"
ORG_HEADS = frozenset(
    """company firm group agency organisation organization movement campaign coalition
    association alliance network committee commission council board party ministry
    department authority regulator watchdog bureau office service programme program union
    club team side bank lender carrier airline insurer retailer maker manufacturer carmaker
    automaker giant operator producer provider supplier chain conglomerate corporation
    broadcaster newspaper paper daily tabloid outlet publication magazine channel website
    body institute foundation charity court government administration directorate
    secretariat inspectorate federation confederation embassy""".split()
)

# what a source issues rather than who it is: it speaks for whoever issued it
DOCUMENT_NOUNS = frozenset(
    """statement report study survey research paper pamphlet leaflet website site article
    dossier document communique communiqué draft letter memo proposal decree resolution
    motion bill indictment filing lawsuit ruling judgment judgement notice announcement
    release advisory bulletin assessment analysis review petition manifesto post tweet
    blog editorial book message email video briefing declaration profile account page feed
    suit complaint ad advert advertisement commercial documentary guidance guidelines code
    figures data estimate statistics poll results minutes transcript card sheet flyer banner
    placard slate readout investigation probe audit verdict memoir textbook headline opinion treaty
    playbook excerpt manual handbook newsletter note""".split()
)

# descriptions that name a broader class than the role the article stated
_NARROWER: dict[str, frozenset[str]] = {
    "official": frozenset(
        """minister secretary spokesman spokeswoman spokesperson ambassador envoy diplomat
        director chief head commissioner governor mayor senator president chancellor premier
        adviser advisor aide general commander officer deputy representative administrator
        chairman chairwoman chair prosecutor inspector negotiator emissary consul prime-minister
        vice-president deputy-minister""".split()
    ),
    "diplomat": frozenset("ambassador envoy emissary consul minister representative".split()),
    "leader": frozenset("president premier chancellor king queen chief head chairman prime-minister".split()),
    "premier": frozenset({"prime-minister"}),
    "expert": frozenset("analyst economist professor researcher scientist scholar strategist consultant".split()),
    "athlete": frozenset("player teammate champion star striker midfielder defender goalkeeper captain".split()),
    "politician": frozenset("senator lawmaker legislator mp minister president governor mayor councillor".split()),
    "lawmaker": frozenset("senator legislator mp congressman congresswoman representative".split()),
    "executive": frozenset("ceo chief head director chairman chairwoman president founder boss".split()),
    "boss": frozenset("ceo chief head director chairman manager coach owner founder".split()),
    "spokesperson": frozenset({"spokesman", "spokeswoman"}),
    "company": frozenset(
        """firm group maker manufacturer carmaker automaker giant operator producer provider
        supplier chain conglomerate corporation retailer carrier airline insurer bank lender
        broadcaster""".split()
    ),
    "group": frozenset("movement campaign coalition association alliance network organisation organization".split()),
    "organisation": frozenset("group movement agency association body charity foundation institute".split()),
    "agency": frozenset("authority regulator watchdog bureau office service programme program body".split()),
    "body": frozenset("agency authority regulator watchdog committee commission council board".split()),
    "newspaper": frozenset("paper daily tabloid publication outlet magazine".split()),
    "paper": frozenset("newspaper daily tabloid".split()),
    "outlet": frozenset("newspaper paper daily tabloid publication magazine broadcaster channel website".split()),
}
_SAME = (
    frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    frozenset({"company", "firm"}),
    frozenset({"organisation", "organization"}),
    frozenset({"adviser", "advisor"}),
    frozenset({"founder", "co-founder", "cofounder"}),
    frozenset({"programme", "program"}),
    frozenset({"councillor", "councilor"}),
)
_SAME_AS = {w: group for group in _SAME for w in group}

# countries whose adjective shares no prefix with them
_IRREGULAR_STEMS = {
    "finnish": "finl",
    "french": "fran",
    "polish": "pola",
    "danish": "denm",
    "spanish": "spai",
    "dutch": "neth",
    "swiss": "swit",
    "british": "brit",
    "uk": "brit",
    "u.k.": "brit",
    "american": "us",
    "u.s.": "us",
    "america": "us",
    "norwegian": "norw",
    "welsh": "wale",
    "scottish": "scot",
    "greek": "gree",
    "turkish": "turk",
    "iraqi": "iraq",
    "israeli": "isra",
    "saudi": "saud",
}


@functools.lru_cache(maxsize=8192)  # (a pure function of a word: the same words come again)
def stem(word: str) -> str:
    """A word as the matching of modifiers sees it: "Ukraine's", "Ukrainian" -> "ukra"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    got = _IRREGULAR_STEMS.get(w)
    if got is not None:
        return got
    return w[:4] if len(w) > 4 and w.isalpha() else w


def compatible(desc_head: str, role_head: str) -> bool:
    """Can a description headed `desc_head` mean a holder of `role_head`? ("the official" a minister)"""
    return role_head in compatible_heads(desc_head)


@functools.lru_cache(maxsize=8192)  # (asked of every word near a document noun: see issuers)
def singular(word: str) -> str:
    """ "officials" -> "official", "companies" -> "company", "ministries" -> "ministry"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]  # "witnesses", "coaches"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


HEADS = PERSON_HEADS | ORG_HEADS

# titles written short before a name ("Gov. Chris Christie", "Sen. Ted Cruz")
ABBREVIATED = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "adm": "admiral",
    "col": "colonel",
    "lt": "lieutenant",
    "capt": "captain",
    "cmdr": "commander",
    "prof": "professor",
    "amb": "ambassador",
    "pres": "president",
}
# words that make another office of the head after them: a vice president is no president
_COMPOUNDING = frozenset({"vice", "deputy", "prime", "assistant", "under", "lieutenant"})
# modifiers that always tell roles apart: "the former president" is not the president
DISTINGUISHING = frozenset({"former", "ex", "late", "acting", "interim", "outgoing", "incoming"})
# of those, the ones a stated role keeps from a description without them: "Former
# Republican presidential candidate Jeb Bush" is not "the GOP candidate"
PAST = frozenset({"former", "ex", "late"})
# public offices: someone stated to hold one is not "the" holder of another
OFFICES = frozenset(
    """spokesman spokeswoman spokesperson president minister secretary director ambassador
    envoy senator governor mayor chairman chairwoman chancellor premier prosecutor judge
    general commander commissioner prime-minister vice-president deputy-minister""".split()
)


# who plays and who runs a team or a firm: "the defender" is none of its bosses, "the
# manager" none of its players
_PLAYING = _NARROWER["athlete"] | {"keeper", "winger", "forward", "fly-half", "scrum-half", "full-back", "flanker"}
_RUNNING = _NARROWER["boss"] | {"boss"}


def other_side(head: str, offices: set[str]) -> bool:
    """Do the stated roles of someone (`offices`, their heads) all run a team when `head`
    plays in it, or all play when it runs it?"""
    return bool(offices) and any(head in a and offices <= b for a, b in ((_PLAYING, _RUNNING), (_RUNNING, _PLAYING)))


def plays(head: str, offices: set[str]) -> bool:
    """Are `head` and every stated role (`offices`) a player's ("the Gloucester fly-half" of
    "England player Simon Amor"): a club's name describes the same player, not another?"""
    return head in _PLAYING and bool(offices) and offices <= _PLAYING


def person_head(head: str) -> bool:
    """A role noun for a person, compounded or not ("minister", "prime-minister"), or an
    age that stands for one ("said the 46-year-old")."""
    return head in PERSON_HEADS or head.rsplit("-", 1)[-1] in PERSON_HEADS or is_age(head) or head in NATIONALS


# a nationality as a noun for one person ("said the German", "the Spaniard"), not a people
# ("the French", "the Swiss", "the Chinese")
NATIONALS = frozenset({d for d in DEMONYMS if not d.endswith(("sh", "ch", "ss", "ese"))} | NATIONAL_NOUNS)


# nouns a home town or a club makes an epithet of ("the Waterford man", "the Texas woman")
EPITHET_NOUNS = frozenset({"man", "woman"})


def is_age(word: str) -> bool:
    """ "46-year-old": news style's epithet for someone already named."""
    return word.endswith("-year-old") and word[:1].isdigit()


ROLE_TRIGGERS = HEADS | frozenset(ABBREVIATED)  # the words a role is looked for at


def head_of(lows: Sequence[str], i: int) -> str:
    """The role noun at token i, with a word that compounds it ("vice-president")."""
    low = ABBREVIATED.get(lows[i], lows[i])
    if i > 0 and lows[i - 1] in _COMPOUNDING and low in PERSON_HEADS:
        return f"{lows[i - 1]}-{low}"
    return low


@dataclass(frozen=True, slots=True)
class Role:
    """A role the article gives a named person or organisation."""

    pos: int  # where the role is stated (an offset in the document, as mentions are)
    entity: str  # the holder's canonical name
    head: str  # "minister"
    words: frozenset[str]  # stems of the description's words ("russ", "defe", "minister")
    org: bool


@functools.lru_cache(maxsize=512)
def compatible_heads(head: str) -> frozenset[str]:
    """Every role head a description headed `head` can mean: itself, its synonyms, and the
    narrower roles of either, with their synonyms ("the firm": a company, a carmaker)."""
    out = {head} | set(_SAME_AS.get(head, ()))
    for h in tuple(out):
        out |= _NARROWER.get(h, frozenset())
    for n in tuple(out):
        out |= _SAME_AS.get(n, frozenset())
    return frozenset(out)


class Stated:
    """The roles of an article, indexed so that a description asks only about the few
    that could fit it, near it (a long text states thousands)."""

    _PER_HEAD = 8  # stated roles of one head looked at before a position

    def __init__(self, roles: list[Role]) -> None:
        self.roles = roles
        self.words: frozenset[str] = frozenset().union(*(r.words for r in roles))
        self._by_head: dict[str, list[Role]] = {}
        self._by_entity: dict[str, list[Role]] = {}
        for r in roles:  # (in text order)
            self._by_head.setdefault(r.head, []).append(r)
            self._by_entity.setdefault(r.entity, []).append(r)
        self._pos = {h: [r.pos for r in rs] for h, rs in self._by_head.items()}

    def fitting_heads(self, head: str, pos: int) -> list[Role]:
        """Roles whose head a description headed `head` can mean: the last few stated before
        `pos` and the first one after it, per head."""
        out: list[Role] = []
        for h in compatible_heads(head):
            rs = self._by_head.get(h)
            if not rs:
                continue
            i = bisect.bisect_left(self._pos[h], pos)
            out += rs[max(0, i - self._PER_HEAD) : i + 1]
        return out

    def of(self, entity: str) -> list[Role]:
        return self._by_entity.get(entity, [])


_DETERMINERS = frozenset("the a an his her its their this that our my your".split())
_STOP = (FUNCTION_WORDS | MODALS | PASSIVE_AUX | ALL_CUE_FORMS) - {"of", "for", "to", "at"}
_LINKS = frozenset({"of", "for", "to", "at"})
_NAMING = frozenset({"called", "named", "dubbed", "known"})
_NOT_BEFORE_APPOSITION = frozenset(
    "as in on at for to with from by of about under over after before during like than".split()
)
_AUXILIARIES = MODALS | PASSIVE_AUX | {"had", "has", "have", "does", "did"}
_SPACE = frozenset({" ", "\u00a0"})
_NO_MODIFIERS = _STOP | _DETERMINERS  # (one look-up per word)


def _modifier(doc: Doc, k: int) -> bool:
    low = doc.lows[k]
    if low in _NO_MODIFIERS:
        return False
    return not (low.endswith("ed") and doc.words[k].islower() and low not in {"united", "retired", "elected"})


def scan_roles(doc: Doc, people: People) -> list[Role]:
    """Every role stated for a named holder, in text order (see the module's docstring)."""
    out: list[Role] = []
    lows, toks, gaps = doc.lows, doc.tokens, doc.gaps
    n = len(toks)
    # (the tokens that can head a role, found at C speed: most tokens of an article are not)
    for i in tokens_marked(doc, ROLE_TRIGGERS):
        low = lows[i]
        if low not in HEADS and (i + 1 >= n or gaps[i + 1] not in (". ", ".\u00a0")):
            continue  # an abbreviated title is one only with its dot: "Gov. Chris Christie"
        org = low in ORG_HEADS
        # left: modifiers ("Russian Defence", "Ukraine's", "army")
        a = i
        while a > 0 and i - a < 5 and gaps[a] in _SPACE and lows[a - 1] not in _LINKS and _modifier(doc, a - 1):
            a -= 1
        # right: a complement ("of Defence", "to the UN Security Council", "for the group")
        b = i
        if i + 2 < n and lows[i + 1] in _LINKS and gaps[i + 1] in _SPACE:
            j = i + 2
            while j < n and j - i <= 7 and gaps[j] in _SPACE and (lows[j] in ("the", "and", "of") or _modifier(doc, j)):
                j += 1
            b = j - 1
        holder = _holder_within(doc, people, i, b) if b > i else None
        name: str | None
        if holder is not None:
            name, at = holder  # "Minister of Defence Oleksii Reznikov": the name ends the complement
            b = at - 1
        else:
            name = _holder_after(doc, people, a, b, org)
            if name is None:
                name = _holder_before(doc, people, a, b, org)
        if name is None:
            continue
        words = frozenset(stem(lows[k]) for k in range(a, b + 1) if lows[k] not in FUNCTION_WORDS)
        out.append(Role(toks[i][0], name, head_of(lows, i), words, org))
    return out


def _run_at(doc: Doc, k: int) -> tuple[int, int] | None:
    """The capitalised run of tokens starting at token k (first and last token), if any."""
    if k >= len(doc.tokens) or not doc.words[k][:1].isupper():
        return None
    j = k
    while j + 1 < len(doc.tokens) and doc.gaps[j + 1] in _SPACE and doc.words[j + 1][:1].isupper():
        j += 1
    return k, j


def _person(people: People, k: int, doc: Doc) -> str | None:
    """The person the roster found whose name starts at token k, if any (the roster keeps
    a name at the start of its run: "Russian Defence Minister Sergei Shoigu")."""
    r = k
    while r > 0 and doc.gaps[r] in _SPACE and doc.words[r - 1][:1].isupper():
        r -= 1
    if r == k and not doc.words[k][:1].isupper():
        return None  # (the roster's names start with a capital: "the minister said" has none after it)
    mentions = people.mentions
    i = bisect.bisect_left(mentions, (doc.tokens[r][0], ""))
    if i < len(mentions) and mentions[i][0] == doc.tokens[r][0]:
        name = mentions[i][1]
        if (r == k or name.split()[0] == doc.words[k]) and people.is_person(name):
            return name
    return None


def _org_name(doc: Doc, people: People, k: int, j: int) -> str | None:
    text = " ".join(doc.words[k : j + 1])
    if text.endswith(("'s", "’s")):
        return None  # "the group's website": the website, not the group's name
    if doc.lows[k] in FUNCTION_WORDS:
        return None
    return people.canonical(text, doc.tokens[k][0])


def _holder_within(doc: Doc, people: People, i: int, b: int) -> tuple[str, int] | None:
    """A person named at the end of a complement: "Minister of Defence Oleksii Reznikov"."""
    for k in range(i + 2, b + 1):
        if doc.words[k][:1].isupper():
            run = _run_at(doc, k)
            if run is None or run[1] < b:
                continue
            for s in range(run[0], run[1]):
                name = _person(people, s, doc)
                if name is not None and len(name.split()) >= 2:
                    # the words before the name's own belong to the title
                    first = name.split()[0]
                    at = next((x for x in range(s, run[1] + 1) if doc.words[x] == first), s)
                    if at == run[0] and doc.lows[at - 1] == "and":
                        return None  # "MP for Sleaford and North Hykeham": a place, no holder
                    if at <= i + 2:
                        return None  # "the co-founder of Extinction Rebellion": the body, no holder
                    return name, at
            return None
    return None


def _holder_after(doc: Doc, people: People, a: int, b: int, org: bool) -> str | None:
    """ "Minister Sergei Shoigu" (a name right after), or ", Dmitry Peskov, said" after a
    description that opens the phrase ("a spokesman for the Kremlin, Dmitry Peskov,")."""
    n = len(doc.tokens)
    k = b + 1
    if k >= n:
        return None
    gap = doc.gaps[k]
    if gap.strip() in ("", ",") and doc.lows[k] in _NAMING and k + 1 < n:
        # "a group of climate activists, called the Tyre Extinguishers", "a man named Ed Roy"
        k += 2 if doc.lows[k] == "known" and doc.lows[k + 1] == "as" else 1
        if k < n and doc.lows[k] == "the" and doc.gaps[k] in _SPACE:
            k += 1
        run = _run_at(doc, k) if k < n and doc.gaps[k] in _SPACE else None
        if run is None:
            return None
        return _org_name(doc, people, *run) if org else _person(people, k, doc)
    if gap in (". ", ".\u00a0") and doc.lows[b] in ABBREVIATED:
        return _person(people, k, doc)  # "Gov. Chris Christie"
    if gap in _SPACE:
        if org and doc.words[b][:1].islower():
            run = _run_at(doc, k)
            if run is None or run[1] + 1 < n and doc.lows[run[1] + 1] in _AUXILIARIES:
                return None  # "the campaign Manafort was running": a clause, not a name
            return _org_name(doc, people, *run)
        if doc.lows[k] in SURNAME_HONORIFICS and k + 1 < n and doc.gaps[k + 1] in (" ", ". "):
            name = people.canonical(doc.words[k + 1], doc.tokens[k + 1][0])  # "London mayor Mr Livingstone"
            return name if " " in name and people.is_person(name) else None
        return _person(people, k, doc)
    if gap.strip() == "," and not org:
        run = _run_at(doc, k)
        if run is None:
            return None
        after = doc.gaps[run[1] + 1] if run[1] + 1 < n else ""
        s = a - 1 if a > 0 and doc.lows[a - 1] in _DETERMINERS and doc.gaps[a] in _SPACE else a
        if after.strip() == "," and (s == 0 or doc.lows[s - 1] not in _NOT_BEFORE_APPOSITION):
            # ("as he begins his term as US President, Tony Blair has said": no apposition)
            return _person(people, k, doc)
    return None


def _holder_before(doc: Doc, people: People, a: int, b: int, org: bool) -> str | None:
    """ "Vasily Nebenzya, Russia's Ambassador to the UN, said": the name before the comma,
    when the description ends at a comma, a dash, a bracket or the verb."""
    s = a - 1 if a > 0 and doc.lows[a - 1] in _DETERMINERS and doc.gaps[a] in _SPACE else a
    if s == 0 or doc.gaps[s].strip() != ",":
        return None
    n = len(doc.tokens)
    end_gap = doc.gaps[b + 1] if b + 1 < n else "."
    relative = b + 1 < n and end_gap == " " and doc.lows[b + 1] in ("which", "who", "that")
    if end_gap.strip()[:1] not in (",", "—", "–", ")", ";", ".") and not relative:  # ("X, the firm which runs")
        return None  # ("..., Mika Brzezinski, the Democratic presidential candidate stated": a subject)
    j = s - 1
    if not doc.words[j][:1].isupper():
        return None
    k = j
    while k > 0 and doc.gaps[k] in _SPACE and doc.words[k - 1][:1].isupper():
        k -= 1
    if org:
        return _org_name(doc, people, k, j)
    for x in range(k, j + 1):
        name = _person(people, x, doc)
        if name is not None:
            return name
    return None


@dataclass(frozen=True, slots=True)
class Description:
    """A description in the text: "the unhinged Russian leader", "the group's website"."""

    start: int
    end: int
    det: str  # "the", "a" (a, an, one, another), "poss" (a possessor), "" (none)
    head: str  # singular, lower case
    plural: bool
    mods: tuple[str, ...]  # the words before the head, lower case
    comp: tuple[int, int] | None  # the complement's span ("of the organisation", "by Fox News")
    owner: tuple[int, int] | None  # the possessor's span ("the group's", "his")
    proper: tuple[str, ...] = ()  # the modifiers written with a capital ("Republican", "Florida")


_ARTICLE_DETS = {"the": "the", "this": "the", "that": "the", "a": "a", "an": "a", "one": "a", "another": "a"}
_POSSESSIVE_DETS = frozenset({"his", "her", "its", "their"})
_COMP_LINKS = frozenset({"of", "for", "to", "at", "by", "from", "on", "in", "into", "about"})


def parse(doc: Doc, start: int, end: int) -> Description | None:
    """The description whose words are doc.text[start:end] (with the determiner or
    possessor right before `start`, if the mention left it out)."""
    i = bisect.bisect_left(doc.token_starts, start)
    j = bisect.bisect_left(doc.token_starts, end, i)
    if j <= i:
        return None
    lows = doc.lows
    # the head: the last word before a complement (past a participle: "a statement signed by")
    h, link = j - 1, j
    for k in range(i + 1, j):
        if lows[k] in _COMP_LINKS or lows[k] in STOP_HEAD:
            if link_inside_name(doc.words, k, j):
                continue  # "Office for National Statistics data": a body's name, then the head
            h, link = k - 1, k  # ("a source familiar with the ad": the source, not the ad)
            break
    if (
        h > i
        and lows[h].endswith("ed")
        and (singular(lows[h - 1]) in HEADS or singular(lows[h - 1]) in DOCUMENT_NOUNS or lows[h - 1] in DOCUMENT_NOUNS)
    ):
        h -= 1
    head = lows[h]
    if head.endswith(("'s", "’s")):
        head = head[:-2]  # "the group's" (the possessor of a document) is the group
    sing = singular(head) if head not in DOCUMENT_NOUNS else head  # ("figures": a document as written)
    plural = sing != head or sing in DOCUMENT_NOUNS and singular(sing) != sing
    if h > i and lows[h - 1] in _COMPOUNDING and sing in PERSON_HEADS:
        sing = f"{lows[h - 1]}-{sing}"
        h_mod = h - 1
    else:
        h_mod = h
    first = i
    det, owner = "", None
    # a determiner or possessor inside the mention, or right before it
    while first < h and (lows[first] in _ARTICLE_DETS or lows[first] in _POSSESSIVE_DETS):
        first += 1
    k = first - 1 if first > i else i - 1
    if k >= 0 and (k >= i or doc.gaps[k + 1] in _SPACE):
        w = lows[k]
        if w in _ARTICLE_DETS:
            det = _ARTICLE_DETS[w]
        elif w in _POSSESSIVE_DETS:
            det, owner = "poss", (doc.tokens[k][0], doc.tokens[k][1])
    for k in range(first, h):
        if doc.words[k].endswith(("'s", "’s", "s'", "s’")):
            det, owner = "poss", (doc.tokens[first][0], doc.tokens[k][1])
            first = k + 1
            break
    comp = (doc.tokens[link + 1][0], doc.tokens[j - 1][1]) if link + 1 < j else None
    mods = tuple(lows[first:h_mod])
    proper = tuple(lows[k] for k in range(first, h_mod) if doc.words[k][:1].isupper() and (k > first or det))
    return Description(doc.tokens[first][0], doc.tokens[h][1], det, sing, plural, mods, comp, owner, proper)
