"""An organisation noun to the organisation it means: "the company", "the group", "the club".

Reads a description (``roles.parse``), ``People`` and the history of who spoke; returns the
organisation the article introduced with that noun ("the cybersecurity firm Ergo", "a group
called X"), whose name ends in it ("the agency": the International Energy Agency), or, for
the general nouns (company, firm, group, newspaper, airline ...), the last one that spoke
or was a clause's subject, else the last name before it that can be an organisation's.
Also says whether a name is an organisation's (``is_org``) or a place's (``is_place``).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

from index.lexicon import DEMONYMS, FUNCTION_WORDS

from .document import Doc, para_of, sent_of
from .names import CAP_RUN_RE
from .roles import DOCUMENT_NOUNS, ORG_HEADS, Description, compatible, singular, stem
from .salience import _NEAR_PARAS, _WINDOW, History, fits, last_seen, mods_of
from .words import FIRST_NAMES, PARTY_NAME_WORDS, PLACES, RELAYING
from .words import ORG_HEADS as NAME_ORG_HEADS

if TYPE_CHECKING:
    from .people import People

# organisation nouns general enough to mean the last organisation that spoke
_GENERAL_ORG = frozenset(
    """company firm group organisation organization body business agency newspaper paper daily
    tabloid magazine broadcaster airline carrier bank lender retailer carmaker automaker maker
    giant operator insurer party""".split()
)


_ORG_ENDINGS = (
    NAME_ORG_HEADS
    | ORG_HEADS
    | frozenset(
        """inc corp ltd plc llc co group holdings partners media news times post journal tribune
        herald gazette telegraph mail guardian press agency network airlines airways motors
        bank fund foundation institute party union""".split()
    )
)


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


@functools.lru_cache(
    maxsize=16384
)  # (a pure function of a name: asked of every speaker of a cue; a corpus has thousands)
def is_outlet(name: str) -> bool:
    """A news agency or outlet, which reports what others' documents say ("Reuters", "The
    Washington Post", "Fox News"): not the issuer of "the report" it reports on."""
    words = name.lower().replace(".", "").split()
    return bool(words) and (" ".join(words) in _OUTLETS or words[-1] in _OUTLET_ENDINGS)


# rules whose speaker is a medium or a document: after a quotation inside a sentence that
# has its own speaker, such a cue relays ("A Danish official said talks were “still
# dynamic”, it said": the official speaks, the newspaper relays)
_MEDIUM_RULES = frozenset(
    {"document-issuer", "document-no-issuer", "org-description", "outlet-name", "it-they-speaker"}
)


def relays(word: str | None, rule: str, speaker: str | None) -> bool:
    """Does a cue relay what its sentence reports ("…, The Times reported", "…, the
    newspaper said", "…, it said", "…, Interfax said") rather than speak it?"""
    return (
        (word or "").lower() in RELAYING
        or rule in _MEDIUM_RULES
        or (speaker is not None and rule != "pronoun-last-speaker" and is_outlet(speaker))
        or (speaker is not None and speaker.rsplit(None, 1)[-1].lower() in _MEDIUM_NOUNS)
    )


_OUTLETS = frozenset(
    """reuters ap afp associated press bloomberg tass ria novosti interfax xinhua upi cnn bbc
    fox news nbc abc cbs npr pbs msnbc politico axios sky news al jazeera dpa efe ansa kyodo
    yonhap itar-tass ria novosti ft""".split("\n")[0].split()
) | frozenset({"associated press", "fox news", "sky news", "al jazeera", "ria novosti"})
_OUTLET_ENDINGS = frozenset(
    """times post journal tribune herald gazette telegraph guardian mail news press daily magazine register
    courier chronicle observer express mirror standard examiner inquirer dispatch bulletin monitor""".split()
)


def is_place(name: str) -> bool:
    """A country, a capital, a big city or a US state, by name ("San Francisco", "Kyiv")."""
    words = name.lower().split()
    return " ".join(words) in PLACES or (len(words) >= 2 and words[0] in _PLACE_STARTS)


_PLACE_STARTS = frozenset({"san", "los", "las", "saint", "st", "fort", "port", "lake", "mount"})


def org_holder(d: Description, pos: int, people: People, history: History) -> str | None:
    head = d.head
    mods = mods_of(d)
    proper = [stem(p) for p in d.proper]
    fitting = [r for r in people.stated.fitting_heads(head, pos) if r.org and fits(r, head, mods, people, proper)]
    before = [(max(last_seen(people, r.entity, pos), r.pos), r.entity) for r in fitting if r.pos < pos]
    doc = people.doc
    if before:
        seen, name = max(before)
        if head in _GENERAL_ORG and head not in _MEDIA:
            # "Japanese carmaker Nissan - in which Renault owns a stake …. Renault said …. The
            # firm said": a body that has spoken since is who the text is about
            later = salient_org(pos, people, history, doc)
            if (
                later is not None
                and later[0] > seen
                and doc.masked.find(name, later[0], pos) < 0  # (not "The SEC had accused Titan")
                and _can_be(head, later[1], people)
            ):
                return later[1]
            topic = _topic_org(pos, people, history, doc)
            if (
                topic is not None
                and topic != name
                and _near(doc, pos).count(name) == 1
                and _can_be(head, topic, people)
            ):
                return topic  # "Oil giant Shell last year dismantled …", once, in a story about Unilever
        return name
    # a name that ends in the noun: "the agency" for the International Energy Agency
    mentions = people.mentions
    i = bisect.bisect_left(mentions, (pos, ""))
    for k in range(i - 1, max(-1, i - 60), -1):
        p, name = mentions[k]
        if pos - p > _WINDOW:
            break
        words = name.split()
        if len(words) >= 2 and compatible(head, singular(words[-1].lower())) and not people.is_person(name):
            return name if _kind_fits(d, name, people) else None
    if head not in _GENERAL_ORG and head not in _TEAMS:
        return None  # "the committee", "the court": only one named so
    places = head in _TEAMS
    got = max(
        # (a body, never a person: "Rio Ferdinand has said …. The club have confirmed")
        (
            x
            for x in (salient_org(pos, people, history, doc), _org_subject_before(pos, people, places))
            if x and not (people.gender_of(x[1]) or x[1].split(None, 1)[0].lower() in _NO_BODY_STARTS)
        ),
        default=None,
    )
    if got is None:
        got = _named_org_before(pos, people, places)
    if got is not None and not _kind_fits(d, got[1], people):
        return None  # "the central bank said" is not RHB, "Malaysia's third-biggest lender"
    if got is not None and head in _MEDIA and not is_outlet(got[1]):
        return None  # "the newspaper": a newspaper or an agency, not the last body named ("Nordic")
    if got is not None and head in _NOT_MEDIA and is_outlet(got[1]):
        return None  # "the rights group says" after "[Reuters]": the outlet is no group, team or party
    if got is not None and head == "party" and not _a_party(got[1]):
        return None  # "the party warned": a party by its name, not the last body named ("Mexican-American")
    return got[1] if got is not None else None


# a person's first name or a storm's word opens no body's name ("Hurricane Ivan … the group says")
_NO_BODY_STARTS = FIRST_NAMES | {"hurricane", "storm", "typhoon", "cyclone", "tropical"}
# modifiers that make a body's kind: only a body named or described so is "the central bank"
_KIND_MODS = frozenset({"central"})


def _kind_fits(d: Description, name: str, people: People) -> bool:
    """Is each modifier of kind in `d` ("central") in the name or a role stated of it?"""
    words = name.lower().split()
    return all(m in words or any(m in r.words for r in people.stated.of(name)) for m in d.mods if m in _KIND_MODS)


def _topic_org(pos: int, people: People, history: History, doc: Doc) -> str | None:
    """The organisation the story is about: the one named body that has spoken most before
    `pos`, if it is written at least three times."""
    counts: dict[str, int] = {}
    for p, sp, g in history[-60:]:  # (a story's last few dozen speakers: a long text holds many)
        if (
            p < pos
            and g in ("thing", "")
            and sp[:1].isupper()
            and " " not in sp
            and not people.gender_of(sp)
            and sp.lower() not in DEMONYMS
            and sp.lower() not in FIRST_NAMES
        ):
            counts[sp] = counts.get(sp, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda n: (counts[n], n))
    return best if _near(doc, pos).count(best) >= 3 else None


def _near(doc: Doc, pos: int) -> str:
    """The text around `pos` that a story's names are counted in (not all of a 20 MB file)."""
    return doc.text[max(0, pos - 3 * _WINDOW) : pos + _WINDOW]


def _can_be(head: str, name: str, people: People) -> bool:
    """Can "the <head>" (a firm, a group) be this named body: no outlet that reported it, no
    "Indian government", none the article gave only other roles ("the US financial watchdog,
    the Securities and Exchange Commission")?"""
    if not name[:1].isupper() or is_outlet(name):
        return False
    last = singular(name.rsplit(None, 1)[-1].lower())
    if last in ORG_HEADS and not compatible(head, last):
        return False
    held = [r.head for r in people.stated.of(name) if r.org]
    return not held or any(compatible(head, h) for h in held)


_MEDIA = frozenset("newspaper paper daily tabloid magazine broadcaster".split())
# what a speaker named as written by one of these nouns is: a medium or a document
_MEDIUM_NOUNS = _MEDIA | DOCUMENT_NOUNS | frozenset("agency outlet channel network website site".split())


def _a_party(name: str) -> bool:
    """Does the name read as a political party's: "... Party", an acronym ("GOP", "SNP"),
    or a name with a party's word in it ("Labour", "Liberal Democrat", "Democrats Abroad")?"""
    words = name.lower().replace("-", " ").split()
    return name.isupper() or bool(words) and (words[-1] == "party" or any(w in PARTY_NAME_WORDS for w in words))


def _org_subject_before(pos: int, people: People, places: bool) -> tuple[int, str] | None:
    """The last clause subject, in this paragraph or the one before, that can be an
    organisation ("Liverpool have signed Xabi Alonso. The club said ...")."""
    doc = people.doc
    lo = doc.paras[max(0, para_of(doc, pos) - 1)][0]
    i = bisect.bisect_left(people.subjects, (pos, ""))
    owners = _owners_opening(doc, lo, pos)  # ("Kraft's new policy … It means …. But the firm said": Kraft)
    for p, name in sorted(people.subjects[max(0, i - 12) : i] + owners, reverse=True):
        if p < lo:
            break
        run = CAP_RUN_RE.match(doc.masked, p)
        if run is not None and _org_able(name, people, doc, bisect.bisect_left(doc.token_starts, p), places):
            nxt = doc.masked[run.end() : run.end() + 30].split(None, 1)
            if nxt and _placed(name) and (nxt[0].rstrip(",;:.") in ORG_HEADS or nxt[0].rstrip(",;:.") in _GENERAL_ORG):
                continue  # "The South Yorkshire company": the place only says which company
            return p, name
    return None


def _owners_opening(doc: Doc, lo: int, pos: int) -> list[tuple[int, str]]:
    """The possessors that open sentences between `lo` and `pos` ("Kraft's new policy is …")."""
    out = []
    for ss, _ in doc.sents[sent_of(doc, lo) : sent_of(doc, pos) + 1]:
        got = _OWNER_RE.match(doc.masked, ss)
        if got is not None and lo <= ss < pos and got.group(1).split()[0].lower() not in FUNCTION_WORDS:
            out.append((ss, got.group(1)))
    return out


_OWNER_RE = re.compile(r"(?:The )?([A-Z][\w&-]+(?: [A-Z][\w&-]+)*)['’]s ")


def _placed(name: str) -> bool:
    """A place, or where a body is: "New York", "South Yorkshire", "Paris-based"."""
    return is_place(name) or name.endswith("-based") or name.split(None, 1)[0].lower() in _COMPASS


_COMPASS = frozenset({"north", "south", "east", "west"})
_TEAMS = frozenset({"club", "team", "side"})  # (a club is often named for its town: Liverpool)
_NOT_MEDIA = _TEAMS | frozenset("group organisation organization party airline carrier bank lender retailer".split())


def _named_org_before(pos: int, people: People, places: bool) -> tuple[int, str] | None:
    """The last name before `pos`, in its paragraph or the one before, that can be an
    organisation: no person (no first name, title, gender or role of one), no place
    (unless `places`: a club), no common word opening a sentence ("Apple has expanded
    ... The company", "Contrack said ... But the firm denied")."""
    doc = people.doc
    para = para_of(doc, pos)
    lo = doc.paras[max(0, para - 1)][0]
    k = bisect.bisect_left(doc.token_starts, pos) - 1
    words, lows = doc.words, doc.lows
    seen = 0
    while k >= 0 and doc.tokens[k][0] >= lo and seen < 200:
        seen += 1
        if not words[k][:1].isupper() or lows[k] in FUNCTION_WORDS:
            k -= 1
            continue
        j = k
        while j > 0 and words[j - 1][:1].isupper() and doc.gaps[j] in (" ", "\u00a0"):
            j -= 1
        start = j + 1 if lows[j] in FUNCTION_WORDS else j
        if start <= k:
            name = " ".join(words[start : k + 1])
            for ending in ("'s", "’s", "'", "’"):
                if name.endswith(ending):
                    name = name[: -len(ending)]
                    break
            if _org_able(name, people, doc, start, places, scanned=True):
                return doc.tokens[start][0], people.canonical(name, doc.tokens[start][0])
        k = j - 1
    return None


def _org_able(name: str, people: People, doc: Doc, k: int, places: bool, scanned: bool = False) -> bool:
    """Could this capitalised name be an organisation's? Not a person by any evidence, not
    a place (unless `places`), not a nationality, not a common word opening a sentence."""
    low = name.lower()
    words = low.split()
    if not words or any(w in DEMONYMS for w in words) or low in _NOT_ORGS:
        return False
    if words[-1] in _STREETS and len(words) > 1:
        return False  # "a dunking on Wall Street": a street is no "company" nor "firm"
    if "-" in name and name.rsplit("-", 1)[1][:1].islower():
        return False  # "the UK-based co-chairman": a description's modifier
    if is_place(name) and not places or places and low in _UNIONS:
        return False  # (a club may bear its town's name, never "US" or "UK": "US tycoon Malcolm Glazer")
    if people.registry.get(name) is not None or words[0] in _NO_BODY_STARTS or name in people.persons:
        return False
    canon = people.canonical(name, doc.tokens[k][0])
    if canon != name and people.is_person(canon) or people.gender_of(canon):
        return False
    if any(not r.org for r in people.stated.of(canon)):
        return False
    if len(words) == 1 and (
        people.used_in_lower_case(low)
        or (scanned or low.endswith(("s", "tion", "ment", "ness", "ity", "ly")))
        and not people.capitalised_inside(name)
    ):
        return False  # "Scandal", "Profits", "Ironically" opening a sentence: a common word
    return True


# (and adjectives that open a sentence before a plural: "Major food manufacturers have been hit")
_NOT_ORGS = frozenset(
    """i mr mrs ms dr sir lord lady major leading top big large small several many most other some
    global local national international rival foreign domestic private public independent key main""".split()
)
_STREETS = frozenset("street avenue road square".split())
_UNIONS = frozenset("us u.s. usa uk u.k. eu un".split())


def salient_org(pos: int, people: People, history: History, doc: Doc) -> tuple[int, str] | None:
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


# professions whose plural before a name names a firm of them: "analysts Gartner",
# "consultants Strategy Analytics", "auditors Grant Thornton" (British news style)
FIRM_PLURALS = frozenset(
    """analysts consultants researchers pollsters economists brokers accountants auditors
    bankers advisers advisors lawyers solicitors""".split()
)


def named_as_firm(doc: Doc, positions: list[int]) -> bool:
    """Is a name, written at `positions`, once written right after a profession's plural?"""
    for pos in positions:
        k = bisect.bisect_left(doc.token_starts, pos)
        if (
            0 < k < len(doc.tokens)
            and doc.tokens[k][0] == pos
            and doc.gaps[k] == " "
            and doc.words[k - 1] in FIRM_PLURALS
        ):
            return True
    return False


def after_firm_plural(doc: Doc, s: int, e: int) -> int:
    """Where a firm's name starts after its profession's plural ("analysts Forrester
    Research"): the name issued the report, not "analysts"."""
    k = bisect.bisect_left(doc.token_starts, s)
    if (
        k + 1 < len(doc.tokens)
        and doc.tokens[k][0] == s
        and doc.lows[k] in FIRM_PLURALS
        and doc.gaps[k + 1] == " "
        and doc.words[k + 1][:1].isupper()
        and doc.tokens[k + 1][0] < e
    ):
        return doc.tokens[k + 1][0]
    return s
