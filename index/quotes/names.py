"""Names: a run of capitalised words as a person's name, and where a name is a subject.

Reads runs of capitalised words and their neighbours; returns the run's core name
(titles, honorifics, acronyms and descriptions dropped: "Sen. Ted Cruz", "Liberal
Oscar-winner Sarandon") and tests of whether a name heads its clause ("a confident
Manafort bragged", "the kind of race Ayotte hoped to run").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from index.lexicon import DEMONYMS, FUNCTION_WORDS, NON_PERSON_WORDS, PERSON_NOUNS, TITLES

from .document import Doc, sent_of
from .mentions import Mention
from .roles import ROLE_OPENERS, SURNAME_OPENERS
from .words import (
    ALL_CUE_FORMS,
    FIRST_NAMES,
    HONORIFICS,
    LEADING_ADVERBS,
    MODALS,
    NAME_ADJECTIVE_ENDINGS,
    NOT_VERBS,
    NOUN_DETERMINERS,
    ORG_HEADS,
    ORG_NAME_ENDS,
    PLACES,
    ROLE_NOUNS,
    STOP_HEAD,
    cap,
    institution_name,
)

# possessive quantifiers, as for _TOKEN_RE: a word never gives characters back
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*+(?:\.(?![A-Z][a-z])[^\W_][\w'’\-]*+)*+"
# a capital first, then "not after a word character" (a lookbehind over it): starting with a
# character class lets the regex engine skip ahead fast
# a middle initial's dot stays inside the run: "Michael W. Mosman", "George W. Bush"
CAP_RUN_RE = re.compile(
    rf"[A-ZÀ-ÖØ-Þ](?<![\w.'’\-].)[\w'’\-]*+(?:\.(?![A-Z][a-z])[^\W_][\w'’\-]*+)*+(?:(?<=[ \t\u00a0][A-Z])\.(?=[ \t\u00a0](?!(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That)\b)[A-Z][a-z]))?"
    rf"(?:[ \t\u00a0]++{_CAP_WORD}(?:(?<=[ \t\u00a0][A-Z])\.(?=[ \t\u00a0](?!(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That)\b)[A-Z][a-z]))?)*+"
)


def names_an_organisation(words: Sequence[str]) -> bool:
    """ "British Medical Association", "Scottish National Party": the nationality is part
    of an organisation's name, which ends in such a word."""
    last = words[-1].lower()
    if last in ORG_HEADS or last in ORG_NAME_ENDS or last in NON_PERSON_WORDS or last.endswith("s"):
        return True
    return any(w == "of" for w in words) and any(w.lower() in ORG_HEADS for w in words)  # ("European Court of …")


def after_modifiers(doc: Doc, k: int) -> bool:
    """Does token k follow only a short description from its sentence start?

    "Tennis great Billie Jean King remembered ...", "Former secretary of state Hillary
    Clinton said ...": the words before the name describe it; none is a verb.
    """
    if not doc.sents or not _modifier_word(doc.lows[k - 1]):
        return False  # the common case, decided before any search: "with Trump", "said Trump"
    ss = doc.sents[sent_of(doc, doc.tokens[k][0])][0]
    comma = doc.masked.rfind(", ", ss, doc.tokens[k][0])
    if comma >= 0:
        ss = comma + 2  # "Just a few months ago, Florida developer Mel Sembler expressed ..."
    if k >= 6 and doc.token_starts[k - 6] >= ss:
        return False  # six words or more since the clause start: no short description
    i = k - 1
    while i >= 0 and doc.tokens[i][0] >= ss:
        i -= 1
    if doc.lows[i + 1] in _LEADING_CONJUNCTIONS and i + 2 < k:
        i += 1  # "And Clinton campaign Chairman John Podesta ...": the conjunction opens the clause
    before = doc.lows[i + 1 : k]
    if not 1 < len(before) <= 4 or not cap(doc.tokens[i + 1][2]):
        return False
    if doc.masked[doc.tokens[i + 1][0] : doc.tokens[k][0]].strip(" \u00a0").translate(_NO_WORD_CHARS).strip():
        return False  # punctuation between: not one noun phrase
    return all(map(_modifier_word, before))


_LEADING_CONJUNCTIONS = frozenset({"and", "but", "so", "yet"})


def reduced_relative(doc: Doc, k: int, j: int) -> bool:
    """Is the name run toks[k : j + 1] the subject of a relative clause without "that",
    "the kind of race Ayotte hoped to run", "a bill Obama signed": a determiner (or "of")
    and a lower-case noun before it, a past-tense verb right after it."""
    lows, toks = doc.lows, doc.tokens
    # the cheapest tests first: this runs for most capitalised words
    if j + 1 >= len(toks) or not lows[j + 1].endswith("ed") or k < 2 or lows[k - 2] not in _RELATIVE_DETERMINERS:
        return False
    if doc.gaps[k] != " " or doc.gaps[k - 1] != " " or doc.gaps[j + 1] != " ":
        return False
    noun, verb = toks[k - 1][2], toks[j + 1][2]
    return noun.islower() and _modifier_word(noun) and verb.islower() and verb not in NOT_VERBS


_RELATIVE_DETERMINERS = NOUN_DETERMINERS | {"of"}


def the_description(doc: Doc, k: int) -> bool:
    """Does token k follow "the" and a short description that open a clause?

    "There, the district GOP Chairman Chuck Williams declined ...", "But the retired
    general Mike Flynn said ...": the name heads the noun phrase, so it can be the
    clause's subject.
    """
    lows = doc.lows
    if lows[k - 1] == "of":
        return False  # "The rise of Bannon": the name is not the head
    for i in range(k - 2, max(-1, k - 5), -1):
        if lows[i] == "the":
            break
    else:
        return False
    if not doc.sents or any(doc.gaps[x].strip(" \u00a0") for x in range(i + 1, k + 1)):
        return False  # punctuation inside: not one noun phrase
    if not all(map(_modifier_word, lows[i + 1 : k])):
        return False
    ss = doc.sents[sent_of(doc, doc.tokens[i][0])][0]
    if doc.tokens[i][0] == ss or "," in doc.gaps[i]:
        return True  # the clause opens here: the sentence's start or after "There,"
    return i > 0 and lows[i - 1] in _LEADING_CONJUNCTIONS and doc.tokens[i - 1][0] == ss


def described_name(doc: Doc, k: int) -> bool:
    """Is token k a name after an article and a describing word ("a terse Miller agreed",
    "a confident-seeming Manafort bragged") or an age ("62-year-old Brenda Johnson")?

    Such a name heads its noun phrase, so it can be a clause subject like a bare name.
    """
    w = doc.lows[k - 1]
    if w.endswith("-old") and w[:1].isdigit():
        return True
    if k < 2 or doc.lows[k - 2] not in ("a", "an") or not doc.tokens[k - 1][2].islower():
        return False
    if doc.masked[doc.tokens[k - 2][1] : doc.tokens[k - 1][0]].strip():
        return False
    return w not in FUNCTION_WORDS and w not in ALL_CUE_FORMS and w not in MODALS and not w.endswith("ed")


def _modifier_word(w: str) -> bool:
    """Can `w` be part of a description before a name ("tennis great", "secretary of state")?"""
    return w == "of" or (
        w not in FUNCTION_WORDS and w not in ALL_CUE_FORMS and not w.endswith(("ed", "ing")) and w not in MODALS
    )


_NO_WORD_CHARS = {ord(c): None for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'’ "}


RUN_NAMES: dict[str, tuple[tuple[str, ...], str, bool, str]] = {}

_SUNDAY_PAPERS = frozenset("times telegraph mirror express herald post mail people star independent observer".split())


def name_of_run_text(text: str) -> tuple[tuple[str, ...], str, bool, str]:
    """name_of_run of a run's text (its words split at spaces), with the name joined.

    Kept by text across articles: a corpus repeats its names.
    """
    got = RUN_NAMES.get(text)
    if got is None:
        core, honorific, titled = name_of_run(tuple(text.split()))
        got = (core, honorific, titled, " ".join(core))
        if len(RUN_NAMES) > 32768:
            RUN_NAMES.clear()
        RUN_NAMES[text] = got
    return got


# role words written with a capital before a name ("Actress Rosario Dawson said")
_RUN_ROLES = frozenset(
    """actress actor singer rapper comedian author writer novelist businessman businesswoman pastor
    coach host anchor journalist reporter columnist commentator economist activist analyst
    strategist pollster consultant entrepreneur designer producer filmmaker lawyer attorney
    spokesman spokeswoman spokesperson candidate nominee adviser advisor aide billionaire mogul
    congressman congresswoman councilman councilwoman director-general secretary-general""".split()
)

# a service before a first name ("Marine John Tiegen"; but "Marine Le Pen" is her name)
_SERVICE_WORDS = frozenset("marine army navy veteran soldier sailor airman trooper officer deputy".split())


def leading_role(words: Sequence[str]) -> bool:
    """Whether the first of three or more capitalised words is a role, not a first name."""
    if len(words) < 3:
        return False
    first = words[0].lower()
    if first in _RUN_ROLES or first in _SERVICE_WORDS and words[1].lower() in FIRST_NAMES:
        return True
    # a person noun by its ending before a first name ("Guitarist Brian May", "Skipper Jason
    # Robinson"), the word itself no first name ("Hunter Biden")
    return (
        len(words) == 3
        and first.endswith(("ist", "er", "or", "ian"))
        and first not in FIRST_NAMES
        and words[1].lower() in FIRST_NAMES
    )


@functools.lru_cache(maxsize=32768)  # a corpus repeats its names: keep them across articles
def name_of_run(words: tuple[str, ...]) -> tuple[tuple[str, ...], str, bool]:
    """A run of capitalised words as a person's name: (core words, honorific, titled).

    Leading function words, titles and acronyms are dropped ("Sen. Ted Cruz",
    "EU Vsevolod Chentsov"); headlines and organisations give an empty core.
    """
    if len(words) == 1:  # most runs: a title or function word, else the word is the name
        word = words[0]
        low = word.lower().rstrip(".")
        if low in FUNCTION_WORDS or low in TITLES or low in LEADING_ADVERBS:
            return (), low if low in HONORIFICS else "", low in TITLES
        if word in PARTICLES:
            return (), "", False
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        elif word.endswith(("s'", "s’")):
            word = word[:-1]  # ("Gervais' new sitcom", as a longer run)
        return (word,), "", False
    a = 0
    honorific = ""
    while a < len(words):
        low = words[a].lower().rstrip(".")
        if not (low in FUNCTION_WORDS or low in TITLES or low in LEADING_ADVERBS):
            break
        if low == "sunday" and a + 1 < len(words) and words[a + 1].lower() in _SUNDAY_PAPERS:
            break  # "The Sunday Telegraph": a newspaper's name, not a day
        if low in HONORIFICS:
            honorific = low
        a += 1
    core = list(words[a:])
    if core and core[-1].endswith(("'", "’")) and core[-1][:-1].endswith("s"):
        core[-1] = core[-1][:-1]  # "Ricky Gervais' new sitcom": Ricky Gervais
    while (
        len(core) > 1
        and core[0].isupper()
        and len(core[0]) > 1
        and core[-1].lower() not in ORG_NAME_ENDS
        and core[-1].lower() not in ORG_HEADS  # ("UK Film Council": the acronym is the body's)
    ):
        core = core[1:]
    if len(core) == 1 and core[0].lower().rstrip(".") in TITLES and len(words) > 1:
        return (), honorific, True  # "A UKIP MEP": a member described, no name
    if len(core) > 2 and _demonym(core[0].lower()) and not names_an_organisation(core):
        core = core[1:]  # "Russian Dmitriy Bogdanov" is Dmitriy Bogdanov
    elif len(core) > 3 and core[1].endswith("er") and f"{core[0]} {core[1][:-2]}".lower() in PLACES:
        core = core[2:]  # "New Yorker Dick Morris" is Dick Morris
    rest = [w.lower() for w in core[1:]]
    opened = (
        len(core) > 2
        and core[0].lower() in ROLE_OPENERS
        and (rest[0] in FIRST_NAMES or len(rest) == 2 and not any(w in TITLES or w in ROLE_OPENERS for w in rest))
    )
    if opened:
        core = core[1:]  # "Boss Graeme Souness", "Striker Nicolas Anelka" opening a sentence
    elif len(core) == 2 and core[0].lower() in SURNAME_OPENERS and core[1].lower() not in FIRST_NAMES:
        core = core[1:]  # "Striker Keane", "Matchwinner Keane said": Keane
        opened = True
    titled = opened or a > 0 and words[a - 1].lower().rstrip(".") in TITLES
    inner = [i for i, w in enumerate(core[:-1]) if w.lower() in TITLES]
    if inner:
        core = core[inner[-1] + 1 :]  # "Hewlett-Packard CEO Carly Fiorina"
        titled = True
    # (the few runs with a hyphen or an apostrophe are looked at word by word: one join finds them)
    described = [i for i, w in enumerate(core[:-1]) if epithet_word(w)] if "-" in "".join(core[:-1]) else None
    if described:
        core = core[described[-1] + 1 :]  # "Liberal Oscar-winner Sarandon" is Sarandon
        titled = True
    if leading_role(core):
        core = core[1:]  # "Actress Rosario Dawson", opening a sentence; "Marine John Tiegen"
        titled = True
    particles = 0 if PARTICLES.isdisjoint(core[1:-1]) else sum(w in PARTICLES for w in core[1:-1])
    if (
        not core
        or len(core) - particles > 4
        or any(
            (w.lower() in FUNCTION_WORDS or w.lower() in STOP_HEAD) and w not in PARTICLES
            for w in (core[1:-1] if _surname_word(core) else core[1:])
        )
        or core[-1] in PARTICLES
    ):
        return (), honorific, titled
    before_last = "".join(core[:-1])
    owners = (
        [i for i, w in enumerate(core[:-1]) if w.endswith(("'s", "’s", "s'", "s’"))]
        if "'" in before_last or "’" in before_last
        else None
    )
    if owners and len(owners) == 1 and institution_name([w.lower() for w in core], owners[0], len(core) - 1):
        owners = None  # "St Fintian's High School", "King's College Hospital": one name
    if owners:
        owner = core[: owners[-1] + 1]
        core = core[owners[-1] + 1 :]  # "Fox News’ Bret Baier" is Bret Baier
        if len(core) < 2:
            return (), honorific, titled  # "Boston’s Walsh", "Republicans’ Long": unsure
        if len(owner) >= 2 and owner[0].lower() in FIRST_NAMES and core[0].lower() not in FIRST_NAMES:
            return (), honorific, titled  # "Michelle Paver's Wolf Brother": a person's work, no one
    if core[-1].endswith(("'s", "’s")):
        core[-1] = core[-1][:-2]
    return tuple(core), honorific, titled


def _demonym(low: str) -> bool:
    """ "Russian", or "Americans" before two players' names ("Americans Andy Roddick and …")."""
    return low in DEMONYMS or low.endswith("s") and low[:-1] in DEMONYMS


def _surname_word(core: Sequence[str]) -> bool:
    """ "Theresa May", "Brian May": a word that is also a surname, after a first name."""
    return len(core) >= 2 and core[-1].lower() in _WORD_SURNAMES and core[0].lower() in FIRST_NAMES


_WORD_SURNAMES = frozenset({"may", "will"})

PARTICLES = frozenset("da de do dos das van von der den du del della di al bin ibn ter ten".split())


def name_at(doc: Doc, pos: int) -> Mention:
    """The name whose run of capitalised words starts at `pos`, as a mention."""
    run = CAP_RUN_RE.match(doc.masked, pos)
    end = run.end() if run is not None else pos
    return Mention("name", doc.text[pos:end], pos, end)


def adjective_before_name(low: str) -> bool:
    """ "Defiant" in "Defiant Matt Williams says", "Conservative" in "Conservative Graham
    Brady": an adjective opening a sentence before a full name, no title ("President",
    "Sergeant", "Correspondent" end the same way) and no first name."""
    return (
        low.endswith(NAME_ADJECTIVE_ENDINGS)
        and low not in ROLE_OPENERS
        and low not in TITLES
        and low not in PERSON_NOUNS
        and low not in ROLE_NOUNS
        and low not in FIRST_NAMES
    )


def one_edit(a: str, b: str) -> bool:
    """Do two different words differ by one letter added, dropped, changed or two swapped?"""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i + 1 : i + 2] + b[i]
    return a[i:] == b[i + 1 :]


def epithet_word(w: str) -> bool:
    """A hyphenated word ending in lower case, an epithet ("Oscar-winner", "Pulitzer
    Prize-winning"), unless a surname's particle ends it ("Clemence Ross-van Dorp")."""
    if "-" not in w:
        return False
    tail = w.rsplit("-", 1)[1]
    return tail[:1].islower() and tail not in PARTICLES
