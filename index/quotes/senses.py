"""Verbs of speech in senses that report nothing.

"Add" and "write" with an object: "US firms added 146,000 jobs", "adding $1.89", "adding to
concern", "Gardener added the Olympic relay crown to his indoor title", "Steve Brown, who
wrote the award-winning musical" (a cue of speech only when what follows can be what is
said: "He added 20 staff would go", "she wrote the plan had failed"). A verb refused or
negated before a question ("he still will not say which or how"), or in a conditional
("even if Mr Blair asked"). A plural noun of speech as a verb's object ("make free phone
calls", "see recalls for backs"). A telephone call ("called the police"), a name given ("an
application called Pictochat"), a price charged ("charged £50,000"), what one only can do
("Manufacturers can add sugars"), a comparison ("as bold as later mythmakers think") and a
participle after the noun it describes ("sequences reported from South America").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.lexicon import FUNCTION_WORDS

from .document import MASK, Doc
from .words import GROUP_NOUNS, MODALS, PASSIVE_AUX, person_noun

ADD_FORMS = frozenset({"add", "adds", "added", "adding"})
_QUANTITIES = frozenset(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion dozen dozens another""".split()
)


# verbs of trying before "to": their subject speaks the infinitive ("sought to assure")
_ATTEMPTS = frozenset(
    """sought seek seeks seeking tried try tries trying attempted attempt attempts attempting
    hastened rushed moved wanted wants quick set due expected poised planning plans planned
    preparing prepared going ready continue continues continued continuing""".split()
)


def attempt_before_to(words: Sequence[str], k: int) -> bool:
    """Is the word before "to" (token k - 1) a verb of trying ("sought to assure")?"""
    return k > 1 and words[k - 2] in _ATTEMPTS


def comparative(words: Sequence[str], gaps: Sequence[str], k: int) -> bool:
    """Is token k a participle after "than" or "as" ("higher than originally estimated", "as
    predicted"), or the verb of a comparison's own subject at the end of its clause ("not as
    bold as later mythmakers think")? A comparison with what was said, which no one says."""
    j = k - 1
    if j > 0 and words[j].endswith("ly") and not gaps[k].strip():
        j -= 1
    participle = words[k].endswith("ed") or words[k] in ("thought", "said", "forecast", "told")
    if j >= 0 and words[j] in ("than", "as") and participle and not gaps[j + 1].strip():
        return True
    if k + 1 < len(words) and not gaps[k + 1].strip(" \u00a0"):
        return False  # (words follow the verb: what is said)
    # "not as bold as later mythmakers think", "than most analysts had expected": the
    # subject of a comparison, no clause of its own
    i = k - 1
    while i > 0 and words[i] in _COMPARED_AUX and not gaps[i + 1].strip():
        i -= 1
    n = 0
    while i > 0 and n < 3 and words[i].islower() and words[i] not in ("than", "as") and not gaps[i + 1].strip():
        i, n = i - 1, n + 1
    if n == 0 or gaps[i + 1].strip():
        return False
    # ("than" always compares; "as" only after "as bold": not "As Breitbart News reported, …")
    return words[i] == "than" or words[i] == "as" and i >= 2 and "as" in words[max(0, i - 3) : i - 1]


_COMPARED_AUX = frozenset({"had", "have", "has", "would", "might", "once", "first", "originally", "previously"})


def split_infinitive(words: Sequence[str], gaps: Sequence[str], k: int) -> bool:
    """Is token k an infinitive after "to" and an adverb ("urged the WTO to swiftly conclude
    talks")? Its subject is no one's speech here, as with "to conclude"."""
    adverb = words[k - 1] if k > 1 else ""
    return adverb.endswith("ly") and adverb.islower() and words[k - 2] == "to" and not gaps[k - 1].strip()


def adds_a_quantity(doc: Doc, k: int) -> bool:
    """ "Add" with a number or "to" after it (past an adverb) adds something: it reports nothing."""
    j = k + 1
    if j + 1 < len(doc.tokens) and (doc.lows[j].endswith("ly") or doc.lows[j] == "only") and doc.gaps[j + 1] == " ":
        j += 1  # "add substantially to", "added only 146,000"
    gap = doc.gaps[j]
    if gap.strip(" \u00a0") not in ("", "$", "£", "€"):
        return False  # ("added: “…”", "added, “…”": what follows is said)
    w = doc.lows[j]
    if w == "to":
        return True
    if w in ("the", "a", "an", "his", "her", "their", "its") and _object_then_to(doc, j + 1):
        return True  # "Gardener added the Olympic relay crown to his indoor title": a gain
    inverted = bool(doc.gaps[k].strip(" \u00a0"))  # ("“…,” added a New Hampshire Democrat": the speaker)
    if (
        w in ("a", "an")
        and j + 1 < len(doc.tokens)
        and doc.lows[j + 1] not in _SAID_NOUNS
        and not gap.strip()
        and not inverted
    ):
        return not _verb_follows(doc, j + 2)  # "converted and added a penalty": a score (not "added a deal was near")
    if not (gap.strip() or w[:1].isdigit() or w in _QUANTITIES):
        return False
    return not _verb_follows(doc, j + 1)  # ("He added 20 staff would go": the number opens what is said)


# what a firm posts that is no message: its results
_RESULTS = frozenset(
    """profit profits loss losses revenue revenues sales earnings results gain gains deficit
    surplus figures growth turnover income rise fall drop increase decline""".split()
)


def posts_results(doc: Doc, k: int) -> bool:
    """ "Qantas has posted a record first-half profit", "posted losses": results, not a post.
    A noun of results within the next few words, before any punctuation."""
    for j in range(k + 1, min(k + 7, len(doc.tokens))):
        if doc.gaps[j].strip(" \u00a0"):
            return False
        if doc.lows[j] in _RESULTS:
            return True
    return False


_SAID_NOUNS = frozenset("warning caveat note plea rider word comment proviso qualification".split())


def _verb_follows(doc: Doc, j: int) -> bool:
    """Does a verb come within a few words from token j ("a deal was near": a clause)?"""
    for i in range(j, min(j + 4, len(doc.tokens))):
        if doc.gaps[i] != " ":
            return False
        if doc.lows[i] in MODALS or doc.lows[i] in PASSIVE_AUX or doc.lows[i] in ("had", "has", "have"):
            return True
    return False


_TO_WHAT = frozenset("the a an his her their its our my this that".split())


def _object_then_to(doc: Doc, j: int) -> bool:
    """Do a few words of a noun phrase from token j, then "to", follow (no verb, no comma)?"""
    for i in range(j, min(j + 5, len(doc.tokens))):
        if doc.gaps[i] != " ":
            return False
        low = doc.lows[i]
        if low == "to":  # (to a noun phrase, not an infinitive: "the plan to cut jobs was wrong")
            nxt = doc.words[i + 1] if i + 1 < len(doc.tokens) else ""
            return i > j and (nxt.lower() in _TO_WHAT or nxt[:1].isupper() or nxt[:1].isdigit())
        if low in MODALS or low in PASSIVE_AUX or low in FUNCTION_WORDS or low.endswith("ed"):
            return False  # ("added the company had been …": a clause)
    return False


WRITE_FORMS = frozenset({"write", "writes", "wrote", "writing"})
_WORK_DETERMINERS = frozenset("the a an his her their its all several two three many one".split())
_AFTER_A_WORK = frozenset("for with of in about and on while before after at".split())


def writes_a_work(doc: Doc, k: int) -> bool:
    """ "wrote the award-winning musical Spend Spend Spend", "wrote all the copy for …": an
    object and nothing said (a clause after the object is: "wrote the plan had failed")."""
    j = k + 1
    if j >= len(doc.tokens) or doc.gaps[j] != " " or doc.lows[j] not in _WORK_DETERMINERS:
        return False
    if doc.gaps[k].strip():
        return False  # "“…,” wrote a commenter": inverted, its subject after it
    for i in range(j + 1, min(j + 7, len(doc.tokens))):
        low = doc.lows[i]
        if person_noun(low):
            return False  # ("wrote the judges", "writes the authors": who writes)
        if doc.gaps[i] != " ":
            return doc.gaps[i].strip()[:1] in (".", ",", ";")  # the object ends the clause
        if low in MODALS or low in PASSIVE_AUX or low in ("had", "has", "have", "that"):
            return False
        if low in _AFTER_A_WORK and i > j + 1:
            return True  # "wrote all the copy for Marvel's covers"
    return j + 7 > len(doc.tokens)  # (the object ends the text)


_CONDITIONALS = frozenset({"if", "unless", "whether"})
WH_WORDS = frozenset("which whether how what who when where why if".split())
_REFUSING = frozenset({"not", "n't", "never", "declined", "refused", "refuses", "declines", "won't", "wouldn't"})


def refused(words: Sequence[str], gaps: Sequence[str], k: int) -> bool:
    """Is the verb negated or refused a word or two before it ("will not say", "declined to say")?"""
    return _in_clause_before(words, gaps, k, 3, _REFUSING, negated=True)


def hypothetical(words: Sequence[str], gaps: Sequence[str], k: int) -> bool:
    """Does a conditional open the clause of a verb that ends it ("… would not apologise even
    if Mr Blair asked.")? (Not "asked if …", the question; nor "even if the coach admitted
    Cardiff was …", which says what he admitted.)"""
    if k + 1 < len(words) and not gaps[k + 1].strip(" \u00a0"):
        return False  # words follow the verb: what is said, whatever the "if"
    return _in_clause_before(words, gaps, k, 4, _CONDITIONALS)


_POSSIBLE = frozenset({"could", "might", "can", "cannot"})  # ("Manufacturers can add sugars"; not "May wrote")


def only_possible(words: Sequence[str], gaps: Sequence[str], k: int) -> bool:
    """ "Wales could legitimately claim to have had victory", "which could explain": a
    possibility the writer weighs, not something said (but "could only quip" was said)."""
    j = k - 1
    if j > 0 and words[j].endswith("ly") and words[j] != "only" and not gaps[j + 1].strip():
        j -= 1  # ("could legitimately claim")
    if words[j].lower() in ("can", "cannot") and words[k] in _CAN_TELL:
        return False  # "Officials can confirm that …", "BBC News can reveal": said
    return j >= 0 and words[j].lower() in _POSSIBLE and not gaps[j + 1].strip()


_CAN_TELL = frozenset("confirm reveal disclose say tell announce".split())  # (not "can report": able to)


def says_nothing(words: Sequence[str], gaps: Sequence[str], k: int) -> bool:
    """ "said nothing about supporting the dollar", "said little, according to": no words
    reported (but "said nothing had changed" reports that); "charged over the line": a run."""
    if k + 1 < len(words) and words[k].lower()[:6] == "charge" and words[k + 1].lower() in _MOVING:
        return True  # "O'Gara took a quick tap-penalty and charged over the opposition line"
    if k + 1 < len(words) and words[k].lower()[:6] == "charge" and _A_PRICE_RE.match(gaps[k + 1] + words[k + 1]):
        return True  # "English Manner Limited charged £50,000 for lessons": a price, nothing said
    if k + 1 >= len(words) or words[k + 1].lower() not in ("nothing", "little"):
        return False
    if words[k].lower()[:3] not in ("sai", "say"):
        return False
    return k + 2 >= len(words) or gaps[k + 2].strip() != "" or words[k + 2].lower() in _NOTHING_OF


_A_PRICE_RE = re.compile(
    r"\s*(?:[£$€¥]|us\$)?\s*\d|\s*(?:clients|customers|users|fans|fees?|a fee|up to|more|less|extra)\b"
)
_MOVING = frozenset("over down through into towards toward up forward past off across around at".split())
_NOTHING_OF = frozenset({"about", "of", "on", "to", "at", "regarding", "else", "new", "more"})


_TAKING_VERBS = frozenset(
    """make makes made making see sees saw receive receives received answer answered get got
    discuss discusses discussed discussing win wins won face faces faced facing file files filed
    lodge lodged settle settled pursue pursued deny denies denied denying confirm confirmed""".split()
)


def object_of_verb(words: Sequence[str], gaps: Sequence[str], k: int) -> bool:
    """Is the plural noun the object of a verb a word or two before it ("make free phone calls",
    "see recalls for backs")?"""
    return _in_clause_before(words, gaps, k, 3, _TAKING_VERBS)


def _in_clause_before(
    words: Sequence[str], gaps: Sequence[str], k: int, reach: int, wanted: frozenset[str], negated: bool = False
) -> bool:
    """Is one of `wanted` (or, `negated`, a word in "n't") among the `reach` words before token
    k, with no punctuation between?"""
    for i in range(k - 1, max(-1, k - reach - 1), -1):
        if gaps[i + 1].strip():
            return False
        if words[i] in wanted or negated and words[i].endswith(("n't", "n’t")):
            return True
    return False


DENY_FORMS = frozenset({"deny", "denies", "denied", "denying"})
_DENIED_THINGS = frozenset(
    """chance chances goal goals penalty opportunity victory win title place entry access bail visa
    permission request equaliser equalizer winner point points player players keeper goalkeeper
    striker side team opponent opponents rival rivals""".split()
)
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
_DENY_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "same", "any"})
_HAVE = frozenset({"had", "has", "have", "is", "are", "was", "were", "meant", "did", "does"})


def denies_a_chance(doc: Doc, k: int) -> bool:
    """ "The keeper denied the same player again", "was denied his chance by Kiely", "denied
    him a place": "deny" as prevent or refuse, with a player or a chance as its object,
    says nothing ("denied the claims", "denied them", "denied her faith meant …" do)."""
    lows, n = doc.lows, len(doc.lows)
    j = k + 1
    if j + 1 < n and lows[j] in _OBJECT_PRONOUNS and not doc.gaps[j].strip():
        return lows[j + 1] in _DENY_DETERMINERS  # ("denied him a place": two objects)
    while j < n and j <= k + 2 and lows[j] in _DENY_DETERMINERS and not doc.gaps[j].strip():
        j += 1
    if j + 1 < n and lows[j] not in _DENIED_THINGS and lows[j + 1] in _DENIED_THINGS:
        j += 1  # "the England striker"
    if j >= n or lows[j] not in _DENIED_THINGS:
        return False
    after = lows[j + 1] if j + 1 < n and not doc.gaps[j + 1].strip() else ""
    return not (after.endswith("ed") or after in MODALS or after in PASSIVE_AUX or after in _HAVE)


# a name given in quotation marks, then its giver: "a move branded a “humiliating retreat” by the Tories"
_AGENT_AFTER_QUOTE_RE = re.compile(r"\s+(?:a |an |the |as )?[“\"‘']?\x01+[”\"’']?,?\s+by\b")


def agent_after(doc: Doc, k: int) -> int | None:
    """Where the "by" of a naming verb's agent ends: right after the verb in an aside ("plans
    to merge 35 agencies - described by one union as …"), or after the name it gives, unless
    a passive auxiliary before the verb makes it a clause of its own."""
    if k + 1 < len(doc.tokens) and doc.lows[k + 1] == "by" and doc.gaps[k].strip() in ("-", "—", "–", ","):
        return doc.tokens[k + 1][1] if not doc.gaps[k + 1].strip() else None
    if k > 0 and doc.lows[k - 1] in ("was", "were", "is", "are", "been", "be"):
        return None  # ("was described by Jobs as “…”": decided with the passive)
    got = _AGENT_AFTER_QUOTE_RE.match(doc.masked, doc.tokens[k][1])
    return got.end() if got is not None else None


def names_a_thing(doc: Doc, k: int) -> bool:
    """ "a (new) group called Black Votes Matter": "called" after an indefinite noun phrase
    of a thing, before the name it gives ("a spokesman called the claims ..." speaks)."""
    if k < 2 or k + 1 >= len(doc.tokens) or doc.gaps[k].strip():
        return False
    noun = doc.lows[k - 1]
    if not doc.words[k - 1].islower() or noun in FUNCTION_WORDS or noun.endswith("ly") or person_noun(noun):
        return False
    if not (doc.words[k + 1][:1].isupper() or doc.gaps[k + 1].strip()[:1] in ("“", '"', MASK)):
        return False
    return any(w in ("a", "an") for w in doc.lows[max(0, k - 4) : k - 1])


# whom one calls on the telephone ("called the police", "called the Sheriff's Office")
_PHONED = frozenset("police office 911 999 112 helpline hotline station ambulance brigade desk number agency".split())


_AFTER_A_CALL = frozenset("after when while and but to asking for about because on at in".split())  # (no noun)


def phoned(doc: Doc, k: int) -> bool:
    """ "Hasib called the police after …", "a man who called into the meeting", "called 911":
    a telephone call, nothing said (but "called the report “fake news”", "called for" speak)."""
    lows, gaps = doc.lows, doc.gaps
    j = k + 1
    if j >= len(lows) or gaps[j] != " ":
        return False
    if lows[j] == "into":
        return True
    if lows[j] == "the":
        j += 1
    e = j
    while (
        e + 1 < len(lows)
        and e - j < 5
        and gaps[e + 1] == " "
        and lows[e] not in _PHONED
        and lows[e] not in FUNCTION_WORDS
    ):
        e += 1  # (over the number's or office's name: "the Harris County Sheriff's Office")
    if e >= len(lows) or lows[e] not in _PHONED:
        return False
    # the number or office ends its noun phrase: not "called the police chief “a liar”"
    if e + 1 >= len(lows):
        return True
    gap = gaps[e + 1].strip()
    return gap in (",", ".", ";") or not gap and lows[e + 1] in _AFTER_A_CALL


_QUANTITY_HEADS = frozenset("percent cent share proportion number list slate series set total majority half".split())
_PASSIVE_AFTER = frozenset("from in by at on to since over across during between".split())
_NOUN_BEFORE = frozenset("of in for with from among".split())  # (a preposition: not "The organizations called on")


def reduced_passive(doc: Doc, k: int) -> bool:
    """ "8.7 percent of sequences reported from South America": a participle after a noun
    it describes (a reduced relative, "which were reported"), no one's verb of speech."""
    lows, gaps = doc.lows, doc.gaps
    if k < 2 or k + 1 >= len(lows) or not lows[k].endswith("ed") or gaps[k] != " " or gaps[k + 1] != " ":
        return False
    noun, before = lows[k - 1], lows[k - 2]
    if before == "of" and not (lows[k - 3] in _QUANTITY_HEADS or lows[k - 3][:1].isdigit()):
        return False  # ("A coalition of charities warned in": its verb; "a slate of delegates recommended by")
    if before != "of" and person_noun(noun[:-1]):
        return False  # ("The union for nurses warned in a statement": its verb)
    return (
        lows[k + 1] in _PASSIVE_AFTER
        and noun.endswith("s")
        and not noun.endswith("ss")
        and noun.isalpha()
        and doc.words[k - 1].islower()
        and noun not in GROUP_NOUNS
        and before in _NOUN_BEFORE
        and gaps[k - 1] == " "
    )
