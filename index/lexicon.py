"""Speech-verb lexicon: lemmas, their inflections, and the words around speakers.

Built broader than the Gender Gap Tracker's list (it misses "urged", "cautioned",
"stressed"). Verbs are split in two tiers: *reporting* verbs can introduce indirect
speech ("X warned that ..."); the others only attribute a nearby quotation
("X called it “a disgrace”").
"""

from __future__ import annotations

from collections.abc import Iterable

# Verbs that introduce reported speech as well as quotations.
REPORTING_LEMMAS: tuple[str, ...] = tuple(
    """say tell add claim state explain argue warn caution stress urge insist declare
    announce confirm deny admit reply respond answer suggest acknowledge inform note
    recall predict promise vow pledge threaten complain concede contend maintain assert
    reiterate repeat tweet testify hint observe remark comment conclude estimate believe
    think emphasize emphasise indicate reveal disclose allege signal mention report write
    assure advise recommend propose predict counter retort acknowledge agree
    charge boast lament joke quip speculate surmise concur opine affirm aver
    reckon predict admit recount explain clarify elaborate brief convey relay""".split()
)

# Verbs that attribute a nearby quotation but rarely introduce reported speech.
QUOTE_ONLY_LEMMAS: tuple[str, ...] = tuple(
    """call describe ask praise dismiss reject criticize criticise accuse welcome demand
    shout whisper cry scream yell exclaim mutter murmur continue post quote read
    label dub term brand slam blast mock decry hail tout question wonder pray plead
    beg chant sing snap scoff sneer laugh insist interject begin finish
    conclude recite summarize summarise characterize characterise deride""".split()
)

# Irregular past forms (regular ones are derived).
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "read": ("reads", "read", "reading"),
    "begin": ("begins", "began", "begun", "beginning"),
    "sing": ("sings", "sang", "sung", "singing"),
    "cry": ("cries", "cried", "crying"),
    "reply": ("replies", "replied", "replying"),
    "deny": ("denies", "denied", "denying"),
    "testify": ("testifies", "testified", "testifying"),
    "clarify": ("clarifies", "clarified", "clarifying"),
    "quip": ("quips", "quipped", "quipping"),
    "snap": ("snaps", "snapped", "snapping"),
    "admit": ("admits", "admitted", "admitting"),
    "concur": ("concurs", "concurred", "concurring"),
    "aver": ("avers", "averred", "averring"),
    "slam": ("slams", "slammed", "slamming"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "pray": ("prays", "prayed", "praying"),
}

_VOWELS = set("aeiou")


def inflections(lemma: str) -> set[str]:
    """The lemma and its -s, -ed and -ing forms (phrases inflect their first word)."""
    lemma = lemma.strip().lower()
    if not lemma:
        return set()
    head, sep, rest = lemma.partition(" ")
    if head == "according":
        return {lemma}
    if head in _IRREGULAR:
        forms = {head, *_IRREGULAR[head]}
    else:
        forms = {head, _third(head), _past(head), _gerund(head)}
    return {f + sep + rest for f in forms}


def _third(w: str) -> str:
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return w[:-1] + "ies"
    return w + "s"


def _past(w: str) -> str:
    if w.endswith("e"):
        return w + "d"
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return w[:-1] + "ied"
    return w + "ed"


def _gerund(w: str) -> str:
    if w.endswith("ie"):
        return w[:-2] + "ying"
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        return w[:-1] + "ing"
    return w + "ing"


def forms_of(lemmas: Iterable[str]) -> set[str]:
    """All inflected forms of `lemmas` (lower-case)."""
    out: set[str] = set()
    for lemma in lemmas:
        if isinstance(lemma, str):
            out |= inflections(lemma)
    return out


REPORTING_FORMS: frozenset[str] = frozenset(forms_of(REPORTING_LEMMAS))
QUOTE_ONLY_FORMS: frozenset[str] = frozenset(forms_of(QUOTE_ONLY_LEMMAS) - REPORTING_FORMS)

# Head nouns of unnamed sources ("two officials", "people familiar with ...").
ANONYMOUS_NOUNS: frozenset[str] = frozenset(
    """source sources official officials insider insiders people person persons
    individual individuals diplomat diplomats aide aides adviser advisers advisors
    advisor someone somebody witness witnesses observers""".split()
)

# Titles and honorifics dropped from names ("Sen. Bernie Sanders" -> "Bernie Sanders").
TITLES: frozenset[str] = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. sen sen. senator rep rep. representative
    gov gov. governor president vice secretary minister prime chancellor director ambassador
    general gen gen. gen col col. lt lt. sgt capt cmdr adm rev rev. hon judge justice
    mayor chairman chairwoman chair speaker leader spokesman spokeswoman spokesperson
    chief deputy former acting attorney commissioner congressman congresswoman
    president-elect presidentelect pope king queen prince princess lord lady sir dame
    sheikh ayatollah premier candidate nominee frontrunner front-runner gop republican
    democrat democratic presumptive state house senate white u.s. us uk un eu
    sir ceo cfo coo executive professor analyst economist officer agent""".split()
)

# Capitalised words that start sentences but never names.
FUNCTION_WORDS: frozenset[str] = frozenset(
    """the a an and but or so yet however still also then meanwhile later earlier
    last first next this that these those it its he she they we i you his her their
    our my your in on at for from by with of to as after before when while if
    although though because since once now today yesterday tomorrow asked speaking whether
    writing according in instead indeed moreover furthermore besides thus hence
    separately similarly likewise elsewhere there here what who which where why how
    both either neither each every some many most several few all no not one two three
    four five six seven eight nine ten monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october
    november december mr mrs ms dr under over during despite among into through via like
    unlike about against amid without within beyond""".split()
)

PRONOUNS_MALE = frozenset({"he", "him", "his"})
PRONOUNS_FEMALE = frozenset({"she", "her"})
PRONOUNS_GROUP = frozenset({"they", "them", "their", "we"})

# Common first names, only to tell "he" from "she" for people the registry lacks.
MALE_FIRST_NAMES: frozenset[str] = frozenset(
    """john james robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis
    jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy
    harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
    randy eugene vincent russell elijah louis bobby philip johnny bernie ted marco jeb ben
    chris mike mitt barack bill newt rand rick lindsey mitch reince karl rudy dick tim
    jim tom dan bob ron ken steve greg jeff tony harry vladimir dmitry dmitri volodymyr
    sergei sergey boris emmanuel francois angela recep xi kim ali omar hugh corey jared
    eric rex rudolph rush sean howard marty elliot""".split()
)
FEMALE_FIRST_NAMES: frozenset[str] = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary chelsea carly nikki sarah kellyanne hope huma
    melania ivanka elizabeth nancy debbie donna michele kirsten tammy jeanne dianne
    condoleezza madeleine marine theresa ursula kamala tulsi ayanna ilhan valerie loretta
    sally susana mia jill ellen meghan katie ann""".split()
)

# Words that end organisation and place names: never "he" or "she".
NON_PERSON_WORDS: frozenset[str] = frozenset(
    """department committee party state states news times post journal university college
    school foundation campaign council court house senate congress agency association
    institute center centre network company corp inc group bank street city county union
    club church office ministry board commission service administration government army
    navy force forces police republic kingdom nations reuters bloomberg politico cnn fox
    msnbc abc nbc cbs npr ap afp tass bbc guardian kremlin pentagon whitehouse org com
    america europe russia ukraine china iran iraq syria israel mexico canada britain france
    germany japan korea india africa asia moscow kyiv kiev washington london paris beijing
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico
    york carolina dakota ohio oklahoma oregon pennsylvania island tennessee texas utah
    vermont virginia wisconsin wyoming islamic isis isil qaeda taliban nato un eu gop dnc
    rnc fbi cia nsa doj irs sec democrats republicans""".split()
)
