"""Closed word classes that more than one stage tests words against, and small word tests.

Reads nothing but the lexicon (index/lexicon.py: names, verbs, titles); returns
frozensets of lower-case words and predicates on single words or short strings. A word
class used by one stage only lives in that stage's module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.lexicon import (
    ANONYMOUS_NOUNS,
    DEMONYMS,
    FEMALE_FIRST_NAMES,
    FUNCTION_WORDS,
    MALE_FIRST_NAMES,
    PERSON_NOUNS,
    QUOTE_ONLY_FORMS,
    REPORTING_FORMS,
    UNISEX_FIRST_NAMES,
    forms_of,
)

ANONYMOUS = "anonymous sources"  # the speaker of "officials said", "according to sources"

PREPOSITIONS = frozenset(
    "for in on at by with from after before during among under over like unlike despite amid amidst against without toward towards into onto through via per".split()
)
FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
MALE_NAMES = MALE_FIRST_NAMES - UNISEX_FIRST_NAMES  # first names that say "he"
FEMALE_NAMES = FEMALE_FIRST_NAMES - UNISEX_FIRST_NAMES  # and "she"


ALL_CUE_FORMS = frozenset(REPORTING_FORMS | QUOTE_ONLY_FORMS | {"according"})
DETERMINERS = frozenset(
    "the a an this that these those his her their its to our my your whose no any every each another such first last new".split()
)
NOUN_DETERMINERS = frozenset(
    "the a an this these those his her their its our my your whose no any every each another".split()
)
BASE_FORMS = frozenset(
    w
    for w in (*REPORTING_FORMS, *QUOTE_ONLY_FORMS)
    if not w.endswith(("s", "ed", "ing")) and w not in {"said", "told", "wrote", "thought", "spoke", "read"}
)
BASE_SUBJECTS = frozenset(
    """i we you they who will would could might may can did do does should must also often
    still now never always just people officials sources experts critics analysts others
    democrats republicans voters supporters aides advisers police staff media public military
    personnel crew clergy""".split()
)
# plural nouns for groups of people: "Analysts noted" opens a sentence, it names nobody
GROUP_NOUNS = frozenset(
    """people officials sources experts critics analysts others democrats republicans voters
    supporters aides advisers advisors observers residents protesters protestors demonstrators
    activists lawmakers legislators leaders organizers organisers officers police latinos
    latinas hispanics americans mexicans muslims christians jews evangelicals catholics
    liberals conservatives progressives millennials immigrants refugees""".split()
)


PASSIVE_AUX = frozenset({"is", "was", "were", "are", "been", "be", "being", "am"})


SKIPPABLE = frozenset(
    """has have had also later earlier previously repeatedly would will did does do not
    then further recently publicly privately reportedly once again still just already
    even often never always frequently initially originally subsequently since
    separately specifically flatly simply bluntly quickly must can could should might
    shall afterwards afterward though however long""".split()
)


SUBORDINATORS = frozenset(
    {"while", "although", "though", "whereas", "as", "if", "when", "because", "since", "after", "before", "whilst"}
)

# participles of receiving or reporting: "a memo seen by Reuters", "a letter obtained by the
# Guardian", "a spokesman quoted by Interfax", "sources cited by the agency"
RECEIVED = frozenset(
    """seen obtained reviewed viewed read cited quoted received accessed acquired leaked
    shown reported""".split()
)

# the words of parties' names, as members are described ("Scottish Conservative") and as
# parties are named ("Labour", "the Tories", "Democrats Abroad")
PARTY_WORDS = frozenset({"conservative", "labour", "liberal", "democrat", "republican", "socialist", "nationalist"})
PARTY_NAME_WORDS = PARTY_WORDS | frozenset(
    "conservatives tory tories republicans democrats democratic liberals green greens ukip plaid sinn likud".split()
)

# verbs that open a web page's instructions to the reader ("See live results here", "Read the
# latest updates below:"): a sentence they open has no subject
IMPERATIVES = frozenset("see read watch click listen look follow subscribe check visit download scroll tap".split())


STOP_HEAD = frozenset(
    """of from at with for in on to who whom which that whose familiar close connected
    requesting speaking asking talking knowledgeable briefed involved who's by about
    among under over near within including when while during after before because since
    until as""".split()
)


ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson president leader minister secretary director
    ambassador senator governor mayor chairman chairwoman chief candidate nominee
    official adviser advisor aide lawyer attorney prosecutor judge general commander
    frontrunner front-runner congressman congresswoman representative speaker manager
    businessman billionaire mogul premier chancellor king queen""".split()
)


POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


# adjectives that come between a determiner and a plural noun of speech ("his recent remarks")

# adjectives between a determiner and a plural noun of speech ("his recent remarks")
UTTERANCE_MODIFIERS = frozenset(
    """recent earlier previous repeated public private controversial past original initial further
    new own first last many several numerous frequent constant similar angry harsh racist offensive
    inflammatory provocative formal unfounded baseless false various other such closing opening
    separate subsequent later""".split()
)


# adverbs that open a sentence before its subject: "Even Republicans say", "Only Tom Lund"
LEADING_ADVERBS = frozenset("even also still now perhaps maybe indeed meanwhile overall instead".split())


# the last word of a company's or a body's name, after an acronym: "LG Group", "HSBC Bank"
ORG_NAME_ENDS = frozenset(
    """group bank holdings electronics motors airlines airways corp inc ltd plc partners capital
    electric dynamics mills coal steel gas power energy oil telecom industry""".split()
)


MODALS = frozenset("would will could can should might may must is was are were has had have did does".split())


NOT_VERBS = FUNCTION_WORDS | ROLE_NOUNS | ANONYMOUS_NOUNS | STOP_HEAD


# the last word of an organisation's name that "of" continues ("Confederation of British Industry")
ORG_HEADS = frozenset(
    """confederation federation association department ministry bank university institute
    council office society union chamber board league committee commission agency bureau
    academy foundation coalition alliance organisation organization museum centre center
    court directorate secretariat inspectorate embassy""".split()
)


def cap(w: str) -> bool:
    """Does the word start with a capital (a name, or a sentence's first word)?"""
    return w[:1].isupper()


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "sir", "lord", "lady", "dame"})
# the honorifics a bare surname follows ("Ms King", "London mayor Mr Livingstone"), not a title's
SURNAME_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})
# role nouns that tell a gender ("the spokeswoman", "actress Ilia Calderón")
FEMALE_ROLES = frozenset(
    """spokeswoman congresswoman chairwoman businesswoman actress mother wife daughter
    sister woman queen princess grandmother widow councilwoman""".split()
)
MALE_ROLES = frozenset(
    """spokesman congressman businessman actor father husband son brother man king prince
    grandfather widower councilman""".split()
)


def person_noun(text: str) -> bool:
    """Does a noun phrase name one person by a common noun ("a local voter", "one woman")?"""
    words = text.lower().split()
    return bool(words) and head_noun_of(words[-1]) in _ONE_PERSON


_ONE_PERSON = PERSON_NOUNS | FEMALE_ROLES | MALE_ROLES  # (one set, not a union per call)


def head_noun_of(word: str) -> str:
    """ "mother-of-nine" is a mother, "father-in-law" a father."""
    for joint in ("-of-", "-in-", "-to-"):
        if joint in word:
            return word.split(joint, 1)[0]
    return word


# common words that open a sentence before a noun, capitalised only there: "Press reports
# suggest", "Opinion polls show", "Ballot papers will ask", "Leaked documents", never a name
OPENING_MODIFIERS = frozenset(
    """new secret internal official confidential private public leaked recent further other earlier previous
    initial preliminary early latest separate unconfirmed unofficial independent local exit opinion press
    media news newspaper ballot court criminal fan industry market fellow""".split()
)
# words of quantity opening a sentence before a count or a noun: "Almost 70% of those
# asked said", "Another three executives have", "Other countries are reported to": no names
QUANTITY_WORDS = frozenset("almost nearly another other more roughly just only having such half approximately".split())
QUANTIFIERS = frozenset({"many", "more", "most", "some", "several", "few", "other", "all", "both", "these", "those"})


ASKING = frozenset({"asked", "asks", "ask", "asking"})
BELIEF_FORMS = frozenset(forms_of(["think", "believe"]))  # verbs of belief, which report no words
# how a medium relays what others said ("…, The Times reported"): its sentence has a speaker of its own
RELAYING = frozenset({"reported", "reports", "report", "according to"})


_TITLE_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SMALL_WORDS = frozenset("a an the of and or in on at to for from by with vs is it as but nor de la del".split())


def title_case(content: str) -> bool:
    """Every word capitalised but the small ones: "The Art of the Deal".

    Words are read one by one and the test stops at the first lower-case word,
    because most quotations are long sentences that fail within a few words.
    """
    n = 0
    has_big = False
    for hit in _TITLE_WORD_RE.finditer(content):
        w = hit.group()
        n += 1
        if n == 1 and not w[0].isupper():
            return False
        if w.lower() in _SMALL_WORDS:
            continue
        if not w[0].isupper():
            return False
        has_big = True
    return n >= 2 and has_big


# endings of an adjective that opens a sentence before a full name ("Defiant Matt Williams",
# "Conservative Graham Brady"): not part of the name
NAME_ADJECTIVE_ENDINGS = ("ant", "ent", "ful", "ous", "ive", "less")

# speech verbs that take an object when active: "X accused of …" is X accused, by someone
# the words do not name (a headline's or a sentence's passive with no "by")
ACCUSED = frozenset({"accused", "criticised", "criticized", "condemned", "blamed", "slammed", "attacked"})


# places by name, which speak only as their governments do: never "the company" or the
# issuer of a report (countries, capitals, big cities, US states and regions)
PLACES = frozenset(
    x.strip().lower()
    for x in """afghanistan, albania, algeria, argentina, armenia, australia, austria, azerbaijan,
    bahrain, bangladesh, belarus, belgium, bolivia, bosnia, brazil, britain, bulgaria, cambodia,
    canada, chile, china, colombia, congo, croatia, cuba, cyprus, czech republic, denmark, egypt,
    england, estonia, ethiopia, europe, finland, france, georgia, germany, ghana, greece, hungary,
    iceland, india, indonesia, iran, iraq, ireland, israel, italy, japan, jordan, kazakhstan,
    kenya, korea, north korea, south korea, kosovo, kuwait, latvia, lebanon, libya, lithuania,
    luxembourg, malaysia, mexico, moldova, mongolia, montenegro, morocco, myanmar, nepal,
    netherlands, new zealand, nigeria, norway, pakistan, palestine, peru, philippines, poland,
    portugal, qatar, romania, russia, rwanda, saudi arabia, scotland, serbia, singapore,
    slovakia, slovenia, somalia, south africa, spain, sri lanka, sudan, sweden, switzerland,
    syria, taiwan, thailand, tunisia, turkey, uganda, ukraine, united kingdom, united states,
    uk, us, usa, america, uruguay, uzbekistan, venezuela, vietnam, wales, yemen, zimbabwe,
    africa, asia, crimea, donbas, gaza, kherson, kharkiv, bakhmut, avdiivka, mariupol,
    zaporizhzhia, lviv, odesa, odessa, donetsk, luhansk, kyiv, kiev, moscow, washington,
    london, paris, berlin, beijing, tokyo, brussels, rome, madrid, warsaw, vienna, prague,
    budapest, bucharest, sofia, athens, ankara, istanbul, tehran, baghdad, damascus, cairo,
    jerusalem, tel aviv, riyadh, delhi, new delhi, mumbai, islamabad, kabul, seoul, pyongyang,
    taipei, hong kong, shanghai, minsk, tbilisi, vilnius, riga, tallinn, helsinki, stockholm,
    oslo, copenhagen, dublin, edinburgh, cardiff, belfast, lisbon, amsterdam, geneva, zurich,
    davos, bali, new york, chicago, boston, houston, dallas, miami, atlanta, seattle, denver,
    philadelphia, detroit, phoenix, manchester, liverpool, birmingham, glasgow, leeds, ottawa,
    toronto, montreal, vancouver, sydney, melbourne, canberra, kremlin, alabama, alaska, arizona,
    arkansas, california, colorado, connecticut, delaware, florida, hawaii, idaho, illinois,
    indiana, iowa, kansas, kentucky, louisiana, maine, maryland, massachusetts, michigan,
    minnesota, mississippi, missouri, montana, nebraska, nevada, new hampshire, new jersey,
    new mexico, north carolina, south carolina, north dakota, south dakota, ohio, oklahoma,
    oregon, pennsylvania, rhode island, tennessee, texas, utah, vermont, virginia,
    west virginia, wisconsin, wyoming, buenos aires, rio de janeiro, sao paulo, brasilia,
    mexico city, bogota, lima, santiago, caracas, havana, quito, montevideo, lagos, abuja, nairobi,
    johannesburg, cape town, pretoria, addis ababa, kampala, kigali, harare, accra, dakar, algiers,
    tunis, rabat, casablanca, tripoli, beirut, amman, dubai, abu dhabi, doha, bangkok, jakarta,
    manila, kuala lumpur, hanoi, dhaka, karachi, lahore, colombo, kathmandu, yangon, osaka,
    frankfurt, munich, hamburg, milan, barcelona, marseille, lyon, bern, rotterdam, belgrade,
    zagreb, sarajevo, yerevan, baku, tashkent, almaty, auckland, wellington, perth, brisbane""".split(",")
)

# words after which a new clause and its subject start: "the festival but organisers said",
# "The papers suggest ministers believe", "by what Smith called" (the subject, up to four words)
INNER_SUBJECT_RE = re.compile(
    r".*\b(?:but|until|what(?= [A-Z])|suggests?|accepted|believes?|doubt) ((?:[\w'’-]+ ){0,3}[\w'’-]+)$"
)


# -ing words that modify a noun after them: "…, leading pension researchers have said" (not "…,
# leading advisers to counter", a verb)
_ING_ADJECTIVES = frozenset(
    "leading governing ruling opposing outgoing incoming founding visiting striking retiring presiding".split()
)


# -ing nouns of a trade that modify the noun after them: "marketing magazine New Media Age"
_ING_TRADES = frozenset(
    """marketing advertising banking publishing trading housing shipping consulting polling lobbying
    computing gaming broadcasting engineering accounting clothing manufacturing mining farming
    retailing catering recording""".split()
)


def modifying_ing(words: Sequence[str], lows: Sequence[str]) -> bool:
    """Does a noun phrase open with an -ing word that modifies the noun after it?"""
    if lows[0] in _ING_TRADES and not cap(words[0]) and lows[1] not in FUNCTION_WORDS and "to" not in lows:
        return True
    return (
        lows[0] in _ING_ADJECTIVES
        and not cap(words[0])
        and lows[1] not in FUNCTION_WORDS
        and "to" not in lows
        and not cap(words[-1])
    )


# nouns for one person of a nation, besides its demonym ("the Spaniard", "the Frenchman")
NATIONAL_NOUNS = frozenset(
    "spaniard frenchman frenchwoman dutchman englishman englishwoman irishman welshman scotsman".split()
)


def native_noun(low: str) -> bool:
    """Does a capitalised word after an age say where someone is from ("the 24-year-old
    Swiss", "the 25-year-old Dubliner"), not who they are ("the 28-year-old Morientes")?"""
    return low in DEMONYMS or low in NATIONAL_NOUNS or low.endswith("er") and low[:-2] in PLACES


def link_inside_name(words: Sequence[str], k: int, j: int) -> bool:
    """Is the link word at k part of a capitalised name that a lower-case head after it
    ends ("the Office for National Statistics data", "a Bank of England report")?"""
    if not (0 < k < j - 2 and words[k - 1][:1].isupper() and words[k + 1][:1].isupper()):
        return False
    e = k + 1
    while e < j and words[e][:1].isupper():
        e += 1
    return e == j - 1 and words[j - 1].islower()


_SAINT = frozenset({"st", "st.", "saint"})
_INSTITUTIONS = ORG_HEADS | frozenset("school college hospital church cathedral academy trust club".split())


def institution_name(lows: Sequence[str], i: int, b: int) -> bool:
    """Is the possessive at i the first word of an institution's name that ends at b: a
    saint's or a one-word owner that is no place, before a body's noun ("St Mary's
    Hospital", "King's College Hospital"; not "Britain's Foreign Office")?"""
    if lows[b] not in _INSTITUTIONS or b - i < 1:
        return False
    first = i - 1 if i > 0 and lows[i - 1] in _SAINT else i
    if first > 0 and lows[first - 1][:1].isalpha() and lows[first - 1] not in FUNCTION_WORDS:
        return False  # ("Fox News' ...": more than one word owns it)
    owner = lows[i][:-2]  # (a saint, or a word long enough to be no acronym: not "UN's", "Ministry's")
    return (first < i or len(owner) > 3) and owner not in PLACES and owner not in DEMONYMS and owner not in ORG_HEADS
