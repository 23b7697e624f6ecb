"""A described speaker's one name, and whether it names a speaker at all.

``described`` writes every mention of an unnamed speaker the same way ("A spokesman",
"a spokesman" -> "spokesman"; "Analysts" -> "analysts"; "a senior US official, who declined
to be named" -> "senior US official"), so that a corpus counts them as one speaker;
``speaker_like`` tells a person, a body or a group ("spokesman for the BSA", "White House",
"lobbyists") from a thing or a piece of a clause ("the suit", "46 percent", "said member");
``names_no_speaker`` and ``common_word`` tell a name that names no speaker ("Licensing Act")
or a common word opening its sentence ("Markets", "Analysts") from a name.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

from index.lexicon import ANONYMOUS_NOUNS, DEMONYMS, FUNCTION_WORDS, INDEFINITE_PRONOUNS, TITLES

from .document import Doc, sent_of
from .mentions import Mention
from .roles import DOCUMENT_NOUNS, ORG_HEADS, PERSON_HEADS, is_age, singular
from .words import (
    FEMALE_ROLES,
    GROUP_NOUNS,
    MALE_ROLES,
    OPENING_MODIFIERS,
    PARTY_WORDS,
    PERSON_NOUNS,
    QUANTITY_WORDS,
    STOP_HEAD,
)

if TYPE_CHECKING:
    from .people import People

# common nouns for people, which a described speaker writes in lower case
COMMON_NOUNS = GROUP_NOUNS | PERSON_NOUNS | ANONYMOUS_NOUNS


_LEADING = frozenset(
    """a an the one some several two three four five six seven eight nine ten many most other
    another few various numerous multiple both senior-most""".split()
)


_SAID = frozenset({"said", "says", "told", "added", "wrote", "asked"})
_PARTITIVE = frozenset("one each some many several most two three four five".split())
_CUT = frozenset({"who", "which", "that", "whose", "whom", "speaking", "declining", "requesting", "asking"})


_COMMON = PERSON_HEADS | ORG_HEADS | DOCUMENT_NOUNS


def described(text: str, people: People | None = None) -> str:
    """A described speaker as one name for all its mentions: "A spokesman" and "a
    spokesman" are "spokesman", "Analysts" is "analysts", "a senior US official, who
    declined to be named" is "senior US official" (no article, no relative clause, a
    common word lower-cased, proper ones kept: "Western official", "Meta spokesperson")."""
    words = text.replace("\n", " ").replace("’", "'").split()  # (one apostrophe: "agency's", "agency’s")
    while len(words) > 1 and words[0].lower() in _SAID:
        words = words[1:]  # "said one source": the source
    if len(words) >= 3 and words[0].lower() in _PARTITIVE and words[1].lower() == "of":
        # "one of the activists" is an activist; "some of the protesters", protesters
        last = words[-1].rstrip(",;:.")
        return singular(last.lower()) if words[0].lower() in ("one", "each") else last.lower()
    for k, w in enumerate(words):
        if k and w.endswith(",") and _names_list(words[k + 1 :]):
            continue  # "heads of the IMF, World Bank and UN World Food Program": one group
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
    for ending in ("'s", "’s"):
        if words[-1].endswith(ending) and len(words[-1]) > len(ending):
            words[-1] = words[-1][: -len(ending)]  # "the company's": the company
    first = words[0]
    low = first.lower()
    single = singular(low)
    if len(words) == n and first[:1].isupper() and not first.isupper():
        # a capital only because the words open the sentence ("Analysts", "Senior officials")
        if len(words) == 1:
            common = low in GROUP_NOUNS or single != low and (single in _COMMON or single in COMMON_NOUNS)
        else:
            common = words[1][:1].islower() and (  # (not "White House")
                low in FUNCTION_WORDS
                or single in _COMMON
                or single in COMMON_NOUNS
                or (people is not None and people.used_in_lower_case(low))
            )
        if common:
            words[0] = low
    return " ".join(words)


def _names_list(words: list[str]) -> bool:
    """The rest of a list of names: "World Bank, WTO and UN World Food Program"."""
    return (
        "and" in words
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in ("and", "of", "the", "&") for w in words)
    )


# nouns for people, bodies and groups beyond the role lexicons, which a described speaker's
# head may be ("the band", "pupils", "the jury"); a thing ("the suit", "two-thirds") is no speaker
_PEOPLE_NOUNS = frozenset(
    """band rapper campaigner fan investor shareholder consumer customer user viewer listener
    student pupil teacher scientist worker employee owner winner jury court tribunal panel
    inquiry commission committee parliament congress senate council assembly cabinet
    opposition police army military navy force forces government administration authorities
    authority regime union crowd audience family relative parent child children friend
    neighbour neighbor victim survivor witness citizen delegate member staff squad organiser
    organizer spectator critic insider source people men women players ministers mps peers
    bosses chiefs lawmakers generals troops soldiers rebels militants protesters leaders
    moderator host narrator presenter anchor interviewer heavyweight republican democrat
    tory conservative liberal socialist nationalist unionist loyalist colleague guru surgeon
    neurosurgeon mentor ally allies rival partner spouse couple pair duo trio team media press
    outlets someone somebody everyone elite elites brass leadership establishment""".split()
)


_SPEAKER_LINKS = frozenset("of for at to from in with on within behind close".split())


# nouns that point back to a company, a club or a party named before ("the company", "the
# firm", "the club"): left unresolved, they are no speaker (a bare "commission" or
# "government" still says which body of its story speaks)
VERB_ENDINGS = ("ed", "ing", "said", "told", "wrote", "spoke")
ANAPHORIC_BODIES = frozenset(
    """company firm group organisation organization business agency paper daily tabloid
    magazine broadcaster airline carrier bank lender retailer carmaker automaker maker giant
    operator insurer distributor manufacturer club team side party""".split()
)


# nouns that class a name written before them: "the Lancet medical journal", "the Kommersant
# daily", "the TASS news agency"
_CLASSIFIERS = frozenset(
    """journal newspaper daily tabloid weekly magazine broadcaster channel agency outlet
    publication website""".split()
)
_CLASSIFIER_MODS = frozenset(
    "medical scientific news business financial state-run state-owned online tv television radio".split()
)


def named_outlet(doc: Doc, mention: Mention) -> Mention | None:
    """The name in "the Lancet medical journal", "Russia's TASS news agency", "the
    Vedomosti business daily": a name, then only words of its kind, then the noun that
    classes it. Not "the British newspaper" (a nationality), nor "a Kyiv newspaper" (one of
    a place's)."""
    k = bisect.bisect_left(doc.token_starts, mention.end) - 1
    if k < 1 or doc.tokens[k][1] != mention.end or doc.lows[k] not in _CLASSIFIERS or not doc.words[k].islower():
        return None  # (not "the Environmental Protection Agency": one name)
    j = k - 1
    while j > 0 and doc.lows[j] in _CLASSIFIER_MODS and doc.gaps[j + 1] == " ":
        j -= 1
    e = j
    while j >= 0 and doc.tokens[j][0] >= mention.start and doc.words[j][:1].isupper() | doc.words[j][:1].isdigit():
        if doc.gaps[j + 1] not in (" ", "/"):
            break
        w = doc.words[j]
        if doc.lows[j] in DEMONYMS or w.endswith(("'s", "’s")) or "-" in w and not w.rsplit("-", 1)[1][:1].isupper():
            break  # ("British", "Russia's", "UK-based": no part of the name)
        j -= 1
    s = j + 1
    while s <= e and not doc.words[s][:1].isupper():
        s += 1  # ("24 TV channel": a name opens with a capital)
    if s > e or doc.tokens[s][0] < mention.start:
        return None
    first = bisect.bisect_left(doc.token_starts, mention.start)
    if any(w in ("a", "an", "one", "another") for w in doc.lows[max(0, first - 1) : s]):
        return None  # "a Kyiv newspaper": one of a place's newspapers, not the place
    return Mention("name", doc.text[doc.tokens[s][0] : doc.tokens[e][1]], doc.tokens[s][0], doc.tokens[e][1])


def speaker_like(text: str) -> bool:
    """Is a described speaker a person, a body or a group ("spokesman for the BSA",
    "Scottish ministers", "the band", "White House", "opponents"), not a thing or a piece of a
    clause ("the suit", "46 percent", "prime minister shrugged off", "said member")?"""
    words = text.replace("’", "'").split()
    lows = [w.lower() for w in words]
    if not words or any(w in _CLAUSE_WORDS for w in lows) or len(lows) == 1 and lows[0] in _PERSONAL:
        return False  # (a pronoun left of a clause, "He said the union leader was trying …", is no one)
    if "and" in lows[1:-1] and len(words) <= 6 and all(w.isalpha() or w.endswith("'s") for w in words):
        # "gallery directors and museums": people and bodies, each a plural or a speaker
        cut = lows.index("and", 1)
        first, second = " ".join(words[:cut]), " ".join(words[cut + 1 :])
        if speaker_like(first) and (speaker_like(second) or lows[-1].endswith("s") and lows[cut + 1] not in _DETS):
            return True
    if any(_finite(lows, i) for i in range(1, len(lows))):
        return False  # "MPs voted", "Blair acknowledged some people": a clause
    k = len(words) - 1
    for i, w in enumerate(lows[1:], 1):
        if w in _SPEAKER_LINKS or w in STOP_HEAD:
            k = i - 1  # ("source familiar with the ad": the source)
            break
    while k > 0 and lows[k].endswith("ed") and words[k][:1].islower():
        k -= 1  # "sources cited by Reuters": the sources
    head = words[k].rstrip(",;:.")
    if head.endswith("'s"):
        head = head[:-2]
    if head[:1].isupper() and not head.isupper() or len(head) > 1 and head.isupper() and head.isalpha():
        return True  # a name: "White House", "Financial Times", "BBC"
    low = head.lower()
    single = singular(low)
    if any(
        h in _PEOPLE_NOUNS
        or h in PERSON_HEADS
        or h in ORG_HEADS
        or h in PERSON_NOUNS
        or h in GROUP_NOUNS
        or h in ANONYMOUS_NOUNS
        or h in FEMALE_ROLES
        or h in MALE_ROLES
        or h in TITLES
        for h in (low, single, low.rsplit("-", 1)[-1])
    ) or is_age(low):
        return True
    # a person by the shape of the word: "lobbyists", "propagandists", "traders", "hackers"
    return single.endswith(_PERSON_SUFFIXES) and not single.endswith("ment") and single not in _THINGS


def _finite(lows: list[str], i: int) -> bool:
    """Does word i read as a clause's verb: past tense, not a participle before "by",
    "in", "from" ("sources cited by Reuters") nor an adjective before a noun ("retired
    neurosurgeon")?"""
    w = lows[i]
    if w not in _PAST and not (w.endswith("ed") and len(w) > 4):
        return False
    nxt = lows[i + 1] if i + 1 < len(lows) else ""
    return nxt not in _SPEAKER_LINKS and nxt not in STOP_HEAD and (nxt == "" or not nxt.isalpha() or nxt in _DETS)


_PAST = frozenset("found made took gave got came went told said saw put set won lost held kept left met".split())
_DETS = frozenset("the a an his her their its some all this that these those".split())


_PERSON_SUFFIXES = ("ist", "ian", "ant", "ent", "ee", "er", "or", "man", "woman", "person")


_THINGS = frozenset(
    """number paper letter order water border computer power matter cover chapter quarter
    offer answer other center centre corner filter poster trailer charter register thriller
    sector factor error mirror motor floor door color colour favor favour labor labour honor
    honour percent event extent intent talent incident accident content consent parent
    weather winter summer corridor monitor meter litre liter dinner hour year
    remainder ledger banner folder""".split()
)


_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you", "him", "them", "us", "me"})
_CLAUSE_WORDS = frozenset(
    """said says say told tells tell added adds asked asks claimed claims warned warns
    is are was were be been being has have had will would could should can may might must
    do does did shall""".split()
)


@functools.lru_cache(maxsize=4096)  # (a pure function of a name, asked of every named speaker)
def names_no_speaker(name: str) -> bool:
    """A name that ends in a word for a law, an event or a place ("Licensing Act",
    "Australian Open", "Wembley Stadium") or is an adjective of nationality before a noun
    ("Scottish Conservative" is a member, said so: a description, not a name)."""
    words = name.split()
    if len(words) < 2:
        return len(name) < 2  # "J", "S": a letter, no one
    last = words[-1].lower()
    if words[0].lower() in _DOCUMENT_PARTS and last[:1].isdigit():
        return True  # "Section 5 of the order obliges MSPs …": a part of a document, no one
    return last in _NOT_SPEAKER_ENDINGS or all(w.lower() in DEMONYMS for w in words[:-1]) and last in PARTY_WORDS


_NOT_SPEAKER_ENDINGS = frozenset(
    """act bill treaty directive accord protocol charter open cup championship championships
    games olympics awards prize trophy stadium park road bridge airport avenue index""".split()
    # (not "review" nor "report": "China Review", "the Drudge Report" are publications)
)
_DOCUMENT_PARTS = frozenset("section article clause paragraph chapter rule part schedule amendment".split())


def opens_sentence(doc: Doc, pos: int) -> bool:
    """Is `pos` the first word of its sentence (where any word has a capital)?"""
    if not doc.sents:
        return False
    ss = doc.sents[sent_of(doc, pos)][0]
    if doc.masked[ss:pos].strip(" \"“‘'(\n\x01”’"):
        return False
    # ("“…,” Jones said": after a quotation that ends in a comma the sentence goes on)
    return not doc.text[ss:pos].rstrip(" \"”’'\n").endswith(",")


def common_word(word: str, people: People) -> bool:
    """A capitalised word that is a common word, not a name, opening its sentence
    ("Analysts", "Critics", "Shares", "Other"): a word of the lexicons, or one the article
    also writes in lower case that nothing makes a person's name (no full name, gender
    or title: "White" is Jason White's surname if the article names him so)."""
    low = word.lower()
    if low in GROUP_NOUNS or (low.endswith("s") and low[:-1] in PERSON_HEADS) or low in ANONYMOUS_NOUNS:
        return True
    if people.registry.get(word) is not None or word in people.persons or people.gender_of(word):
        return False
    if (
        low in FUNCTION_WORDS
        or low in INDEFINITE_PRONOUNS
        or low in QUANTITY_WORDS
        or low in OPENING_MODIFIERS
        or people.used_in_lower_case(low)
        and not people.full.get(low)
    ):
        return True
    # a word never capitalised but where it opens a sentence, with a common word's ending
    # ("Markets", "Warnings"), no one's surname, no acronym: a common word, as far as the
    # article says (a surname alone opening its sentences, "Hale said", stays a name)
    return low.endswith(_COMMON_ENDINGS) and unnamed(word, people)


def unnamed(word: str, people: People) -> bool:
    """A capitalised word the article never writes so but where it opens a sentence, no
    acronym and no one's surname: a common word ("Markets", "Warnings"), not a name."""
    return not word.isupper() and not people.full.get(word.lower()) and not people.capitalised_inside(word)


# endings of common words that names seldom have ("Markets", "Warnings", "Prevention", "Early")
_COMMON_ENDINGS = (
    "s",
    "tion",
    "sion",
    "ment",
    "ness",
    "ity",
    "ance",
    "ence",
    "ly",
    "ism",
    "ings",
    "est",
    "ive",
    "ous",
    "ful",
    "less",
    "ship",
)
