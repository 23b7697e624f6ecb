"""Cues: the speech verbs and phrases ("said", "according to") and transcript labels.

Reads the tokens of the masked text and the configured speech verbs; returns ``Cue``
records (the verb, its sentence, and later its source and speaker). A verb form that
is a noun or a passive here ("the call", "was told", "six states") is no cue.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from index.lexicon import ANONYMOUS_NOUNS, FUNCTION_WORDS, QUOTE_ONLY_FORMS, REPORTING_FORMS, forms_of

from .document import Doc, numbered_name, sent_of, tokens_marked
from .mentions import Mention
from .roles import ABBREVIATED, DOCUMENT_NOUNS, ORG_HEADS, ROLE_TRIGGERS, is_age
from .senses import (
    ADD_FORMS,
    DENY_FORMS,
    WH_WORDS,
    WRITE_FORMS,
    adds_a_quantity,
    agent_after,
    attempt_before_to,
    comparative,
    denies_a_chance,
    hypothetical,
    names_a_thing,
    object_of_verb,
    only_possible,
    phoned,
    posts_results,
    reduced_passive,
    refused,
    says_nothing,
    split_infinitive,
    writes_a_work,
)
from .words import (
    ALL_CUE_FORMS,
    BASE_FORMS,
    BASE_SUBJECTS,
    DETERMINERS,
    GROUP_NOUNS,
    MODALS,
    NOUN_DETERMINERS,
    PASSIVE_AUX,
    PREPOSITIONS,
    QUANTIFIERS,
    ROLE_NOUNS,
    SKIPPABLE,
    UTTERANCE_MODIFIERS,
    person_noun,
)

if TYPE_CHECKING:
    from .people import People

_TRANSCRIPT_RE = re.compile(r"([A-Z][A-Z'’.\- ]{1,30}[A-Z.]):\s+(?=\S)")


_HEARSAY = frozenset("claims reports rumours rumors speculation suggestions allegations".split())  # (others')
_NOUN_LIKE = frozenset(
    """estimates claims notes reports states comments calls answers tweets posts quotes
    charges counters signals remarks words replies promises threats warnings demands
    proposals statements questions concerns recalls""".split()
)
# lemmas that are nouns as well ("a report"), from the plurals above
_NOUN_LEMMAS = frozenset(w[:-1] for w in _NOUN_LIKE) | {"reply"}


# labels of page furniture, not of a speaker's lines ("UPDATE:", "TRENDING:", "NEW:", "READ MORE:")
_TRANSCRIPT_STOP = frozenset(
    """update updated correction previously note watch breaking photos photo video related source
    sources huffpollster disclosure clarification warning spoiler new trending more latest
    exclusive analysis opinion live recommended listen advertisement sponsored email byline
    boom look busted wow stream""".split()
) | frozenset(
    """editor's note|editor’s note|read more|breaking news|fix is in|also read|read also|must read|don't miss
    |don’t miss|see also|trending now|top stories|most read""".replace("\n    ", "").split("|")
)


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    word: str
    sent: int
    mention: Mention | None = None  # the words naming the source (sources.py)
    speaker: str | None = None
    source_rule: str = "said-after-name"  # where a named source stood (rules.py)
    rule: str = ""  # the rule that decided the speaker (resolve.py)
    named_by: Mention | None = None  # the words that name the speaker: the mention, or what it led to
    inverted: bool = False  # the source follows the verb
    reportable: bool = True
    quote_before: bool = False  # attributes a quotation that ends before it ("“...,” X said ...")
    noun: bool = False  # more likely a plural noun than a verb ("six states")
    object_noun: bool = False  # a plural noun after a verb ("raised questions"): its doer may be no person
    colon: bool | None = None  # introduces(), once known


_EXTRA_CACHE: dict[tuple[str, ...], tuple[frozenset[str], dict[str, str]]] = {}
_RAW_EXTRA_CACHE: dict[tuple[object, ...], tuple[frozenset[str], dict[str, str]]] = {}


def extra_forms(speech_verbs: Iterable[str]) -> tuple[frozenset[str], dict[str, str]]:
    """Inflected forms of the configured lemmas, and phrasal verbs' particles.

    "point out" adds "pointed", "points", ... but only when "out" follows, so that
    "talking points" stays a noun.
    """
    raw = tuple(speech_verbs) if isinstance(speech_verbs, (list, tuple)) else None
    if raw is not None:
        try:
            hit = _RAW_EXTRA_CACHE.get(raw)  # the same config list for every article: skip the sort
        except TypeError:  # an unhashable item; the slow path skips it
            hit = raw = None
        if hit is not None:
            return hit
    key = tuple(sorted(v.strip().lower() for v in speech_verbs if isinstance(v, str) and v.strip()))
    got = _EXTRA_CACHE.get(key)
    if got is None:
        forms: set[str] = set()
        particles: dict[str, str] = {}
        for lemma in key:
            words = lemma.split()
            if len(words) == 1 or words[0] == "according":
                forms |= forms_of([lemma])
            elif len(words) == 2:
                for f in forms_of([words[0]]):
                    if f not in ALL_CUE_FORMS:
                        particles[f] = words[1]
                    forms.add(f)
        got = (frozenset(forms), particles)
        if len(_EXTRA_CACHE) > 64:
            _EXTRA_CACHE.clear()
        _EXTRA_CACHE[key] = got
    if raw is not None:
        if len(_RAW_EXTRA_CACHE) > 64:
            _RAW_EXTRA_CACHE.clear()
        _RAW_EXTRA_CACHE[raw] = got
    return got


@functools.lru_cache(maxsize=16)
def _wanted_forms(extra: frozenset[str]) -> frozenset[str]:
    """The built-in cue forms plus the configured ones (the same set for every article)."""
    return ALL_CUE_FORMS | extra


@functools.lru_cache(maxsize=16)
def cue_and_role_words(extra: frozenset[str]) -> frozenset[str]:
    """The words find_cues and roles.scan_roles look at (document.mark_tokens finds them
    in one pass)."""
    return (_wanted_forms(extra) if extra else ALL_CUE_FORMS) | ROLE_TRIGGERS


def find_cues(doc: Doc, extra: frozenset[str], particles: dict[str, str] | None = None) -> list[Cue]:
    cues: list[Cue] = []
    toks = doc.tokens
    m = doc.masked
    wanted = _wanted_forms(extra) if extra else ALL_CUE_FORMS
    words = doc.lows
    gaps = doc.gaps
    sent_starts = doc.sent_starts
    bisect_right = bisect.bisect_right
    candidates = tokens_marked(doc, wanted)
    for k in candidates:
        s, e, w = toks[k]
        low = words[k]
        if low == "according":
            if w[0] == "A" and k and doc.words[k - 1][:1].isupper() and gaps[k] == " ":
                continue  # "The World According to Bex": a title, no source
            if k + 1 < len(toks) and words[k + 1] == "to":
                cues.append(Cue(s, toks[k + 1][1], "according to", sent_of(doc, s)))
            continue
        end = e
        if particles and low in particles:
            if k + 1 >= len(toks) or words[k + 1] != particles[low]:
                continue  # "talking points" is no "point out"
            end = toks[k + 1][1]
        reporting = low in REPORTING_FORMS or low in extra
        if not reporting and low not in QUOTE_ONLY_FORMS:
            continue
        # the word right before, unless punctuation or a quotation separates them
        prev = words[k - 1] if k and not gaps[k].strip() else ""
        aside = 0
        if not prev and k > 1 and gaps[k].strip() == "," and gaps[k - 1].strip() == "," and words[k - 1] in _ASIDES:
            prev, aside = words[k - 2], 1  # "Proponents of the bill, however, say": the subject before the aside
        nxt = words[k + 1] if k + 1 < len(toks) else ""
        if nxt in _ACT_LINKS and low.startswith(("continu", "agree")) and _an_act(doc, k, low, nxt):
            continue  # "would continue to take tests", "agreed to spend 0.7%", "agreed upon": acts
        if low in _NAMED_AS and (by_end := agent_after(doc, k)):
            # "- described by one union as a “…”", "a move branded a “…” by the Tories": the agent speaks
            cue = Cue(s, by_end, low, sent_of(doc, s), source_rule="passive-agent", inverted=True)
            cue.reportable = False
            cues.append(cue)
            continue
        if prev in PASSIVE_AUX or (k > 1 and prev.endswith("ly") and words[k - 2] in PASSIVE_AUX):
            if nxt == "by" and (low in _ASKED or low in _NAMED_AS and low != "called") and not gaps[k + 1].strip():
                # "Sanders was asked by host Bill Maher, “…”", "was described by Jobs as “…”": the
                # one who asked or described speaks
                cue = Cue(s, toks[k + 1][1], low, sent_of(doc, s), source_rule="passive-agent", inverted=True)
                cue.reportable = False
                cues.append(cue)
            continue  # "is said to be", "was told": no speaker here
        if k > 1 and prev.endswith("ly") and words[k - 2].endswith(("'s", "’s", "s'", "s’")):
            continue  # "Sanders' widely criticized interview": a participle before a noun
        if low.endswith("ing") and not _gerund_ok(doc, k, prev):
            continue
        if low.endswith("ing") and k + 2 < len(toks) and _modifies_subject(doc, k):
            continue  # "Overall, asking prices have fallen": a modifier of the clause's subject
        if low in {"said", "says", "say"} and nxt == "to" and k + 2 < len(toks) and words[k + 2] == "be":
            continue
        if low in ADD_FORMS and k + 1 < len(toks) and adds_a_quantity(doc, k):
            continue  # "US firms added 146,000 jobs", "adding $1.89", "adding to concern": no speech
        if low.startswith("post") and posts_results(doc, k):
            continue  # "Qantas has posted a record profit": results, nothing said
        if only_possible(words, gaps, k) or says_nothing(words, gaps, k):
            continue  # "could legitimately claim", "said nothing about": nothing said
        if (nxt in WH_WORDS or nxt in _HEARSAY and low[:4] in ("deny", "deni", "conf")) and refused(words, gaps, k):
            continue  # "will not say which", "declined to say whether", "refused to deny claims …": nothing said
        if low in ("comment", "commented") and (refused(words, gaps, k) or "neither" in words[max(0, k - 6) : k]):
            continue  # "The ONS would not comment on the figures", "Neither Rover nor SAIC commented": no words
        if (k + 1 >= len(toks) or gaps[k + 1].strip(" \u00a0")) and hypothetical(words, gaps, k):
            continue  # "even if Mr Blair asked", "unless the minister says so": nothing was said
        if low in DENY_FORMS and denies_a_chance(doc, k):
            continue  # "The keeper denied the same player again": prevented, nothing said
        if low in WRITE_FORMS and writes_a_work(doc, k):
            continue  # "Steve Brown, who wrote the award-winning musical …": a work, nothing said
        if low[:4] == "call" and (low == "called" and names_a_thing(doc, k) or phoned(doc, k)):
            continue  # "an application called Pictochat", "Hasib called the police": nothing said
        if comparative(words, gaps, k) or reduced_passive(doc, k):
            continue  # "much higher than originally estimated", "sequences reported from": no speaker
        if gaps[k].strip() == "%":
            continue  # "Another 7% said": a poll's figure, as "87% said" is, not a source
        start = s
        took = _took_to(doc, k) if prev == "to" else 0
        split = split_infinitive(words, gaps, k)  # ("to swiftly conclude")
        attempt = bool(took) or prev == "to" and attempt_before_to(words, k) and not gaps[k - 1].strip()
        attempt = attempt or split and attempt_before_to(words, k - 1) and not gaps[k - 2].strip()
        if attempt:
            j = took or k - 2 - split
            while j > 0 and (words[j - 1] in PASSIVE_AUX or words[j - 1] in _NEGATION) and not gaps[j].strip():
                j -= 1  # "are set to state", "is expected to say": the subject is before the auxiliary
            start = toks[j][0]  # "sought to assure", "tried to reassure": the attempt's subject speaks
        elif (
            prev in DETERMINERS
            or prev in PREPOSITIONS
            or split  # (not after a verb of trying, which the branch above took)
            or prev.endswith(("'s", "’s", "s'", "s’"))
            or prev[:1].isdigit()
            and not is_age(prev)  # ("10 calls", "87% said"; but "the 31-year-old told", "Radio 1 said")
            and not numbered_name(doc, k - 1)
            and not (prev.isdigit() and len(prev) == 4 and k > 1 and words[k - 2] == "in" and low in _SAY_FORMS)
        ):
            continue  # a noun or an infinitive ("the call", "Trump's call", "to say")
        if low in _NOUN_LIKE and (
            _opens_sentence(m, s) or prev.endswith(("ing", "ed")) and prev not in PASSIVE_AUX and prev not in SKIPPABLE
        ):
            continue  # "Calls for a truce grew", "growing calls for", "renewed threats": a plural noun
        if (
            low.endswith("s")
            and k > 1
            and words[k - 2] in _POSSESSIVES
            and low not in _NOUN_LIKE
            and _possessed_noun(doc, k)
        ):
            continue  # "its confectionery brands": a noun (the nouns of speech attribute still: "his past comments")
        if low in _NOUN_LIKE and prev in _PARTICLES:
            continue  # "shrugged off claims", "brushed aside warnings": the object of a phrasal verb
        if low in _NOUN_LIKE and (m[e : e + 2].lstrip()[:1] in (",", ".", ";", ")") or _VERB_AFTER_RE.match(m, e)):
            continue  # "Cost estimates, he added", "EU member states are", "Press reports suggest": a noun
        # "six states", "investigative reports": most likely a plural noun; it still attributes a
        # quotation nearby, as it always has, but yields no reported speech of its own
        noun = low in _NOUN_LIKE and (
            _modifies_noun(prev) or _after_determiner_and_modifier(doc, k) or object_of_verb(words, gaps, k)
        )
        if (
            low in BASE_FORMS
            and not attempt
            and prev not in BASE_SUBJECTS
            and prev not in SKIPPABLE
            and not prev.endswith(("s", "ly"))
            and not _plural_of_head(words, gaps, k - aside)
        ):
            continue  # "a report", "his word": a bare lemma needs a plural or pronoun subject
        if (
            low in _NOUN_LEMMAS
            and k > 1
            and words[k - 2] in NOUN_DETERMINERS
            and prev not in GROUP_NOUNS
            and prev not in ANONYMOUS_NOUNS
            and not gaps[k - 1].strip()
        ):
            noun = True  # "the Reuters report", "the US state": a determiner's noun ("the ads ask" is a verb)
        if low[0] != w[0] and not _starts_sentence_at(m, s):
            continue  # capitalised mid-sentence: a name ("Chris Say")
        word = low if end == e else f"{low} {particles[low]}" if particles else low
        si = bisect_right(sent_starts, s) - 1
        if low[0] != w[0] and si >= 0 and sent_starts[si] != start:
            continue  # "See results here.Read the updates below:": a sentence glued on, no verb of the last
        cue = Cue(start, end, word, si if si > 0 else 0, reportable=reporting, noun=noun)
        if low in _NOUN_LIKE and prev.endswith("ed"):
            cue.object_noun = True
        cues.append(cue)
    return cues


def _plural_of_head(words: Sequence[str], gaps: Sequence[str], k: int) -> bool:
    """ "members of the Patrol Police of Ukraine say", "analysts at the Brookings Institute
    believe": a plural head before its complement, the verb's subject, however the
    complement ends (a few words back, no punctuation between)."""
    for j in range(k - 1, max(0, k - 7), -1):
        if gaps[j].strip():
            return False
        if words[j] in _COMPLEMENT_LINKS:
            if j == k - 1:
                return False  # "heads of state": the noun of the complement, no verb
            head = words[j - 1] if j else ""
            return head.endswith("s") and not head.endswith("ss") or head in BASE_SUBJECTS
    return False


_NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve dozen dozens hundreds thousands
    millions multiple various numerous such hundred thousand million billion""".split()
)


def _after_determiner_and_modifier(doc: Doc, k: int) -> bool:
    """ "her recent remarks", "the group's latest claims": a determiner or a possessive, then
    an adjective (not "his wife claims", "the proposal calls")."""
    if k < 2 or doc.gaps[k].strip() or doc.gaps[k - 1].strip():
        return False
    prev, before = doc.lows[k - 1], doc.lows[k - 2]
    if not doc.words[k - 1].islower() or not (before in NOUN_DETERMINERS or before.endswith(("'s", "’s"))):
        return False
    owned = before.endswith(("'s", "’s")) and prev.endswith(("ive", "al", "ic", "ous")) and not person_noun(prev)
    return (
        prev in UTTERANCE_MODIFIERS or prev.endswith("est") and len(prev) > 5 or owned
    )  # "America's conservative states"


def _modifies_noun(prev: str) -> bool:
    """Does the word before a verb-or-noun form ("states", "reports") make it a plural noun?

    A third-person verb wants its singular subject right before it; a number or a
    quantifier ("six states", "other states") or an auxiliary ("have claims") wants a
    plural noun. (Adjectives, "investigative reports", would be right too, but on
    PolNeAR they cost more true reported clauses than they save false ones.)
    """
    return prev in QUANTIFIERS or prev in _NUMBER_WORDS or prev.endswith("-dozen") or prev in {"has", "have", "had"}


def _starts_sentence_at(m: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and m[j] in " \t\u00a0":
        j -= 1
    return j < 0 or m[j] in '.!?\n"“”:;—'


def _opens_sentence(m: str, s: int) -> bool:
    """Does the word at `s` open its sentence (not after a quotation: "“...” claims X")?"""
    j = s - 1
    while j >= 0 and m[j] in " \t\u00a0":
        j -= 1
    return j < 0 or m[j] in ".!?\n"


_VERB_AFTER_RE = re.compile(  # (what a plural noun takes, never a verb of speech: "Press reports suggest")
    r" (?:are|were|which|have|had|say|said|suggest|suggested)\b"
)
_ACT_LINKS = frozenset({"to", "on", "upon"})
_PARTICLES = frozenset({"off", "aside", "away"})  # (not "played down reports": a speech act)
_SAY_FORMS = frozenset({"said", "says", "told", "wrote", "warned", "argued", "complained"})  # ("… in 2003 said")
_COMPLEMENT_LINKS = frozenset({"of", "at", "from"})
_NAMED_AS = frozenset({"described", "branded", "dubbed", "labelled", "labeled", "called"})
_ASKED = frozenset({"asked", "questioned", "pressed", "challenged"})  # (the agent after "by" speaks)


def _an_act(doc: Doc, k: int, low: str, nxt: str) -> bool:
    """ "continue to take", "agreed to spend", "agreed on/upon a deal": something done, not
    words said (but "agreed to the plan" names what was agreed to, and "continued on" is none)."""
    if nxt == "to":
        j = k + 2  # the infinitive's verb, not a noun ("agreed to a truce")
        return j < len(doc.tokens) and doc.lows[j] not in DETERMINERS and not doc.words[j][:1].isupper()
    return low.startswith("agree")


def _gerund_ok(doc: Doc, k: int, prev: str) -> bool:
    """'..., saying' and '– scandalously praising' attribute, and so does a progressive
    ("is now calling for"); 'the saying' does not."""
    lows = doc.lows
    i = k - 1
    while i >= 0 and lows[i].endswith("ly") and not doc.gaps[i + 1].strip():
        i -= 1  # adverbs before it: "scandalously praising", "is now repeatedly calling"
    if i >= 0 and (
        lows[i] in _PROGRESSIVE_AUX or lows[i] in {"now", "still", "also"} and i and lows[i - 1] in _PROGRESSIVE_AUX
    ):
        return not doc.gaps[i + 1].strip()  # "is (now) calling for": a verb
    m = doc.masked
    j = doc.tokens[i + 1][0] - 1
    while j >= 0 and m[j].isspace():
        j -= 1
    return (
        j >= 0
        and m[j] in ',;—–\x01”"'
        or (lows[i] if i >= 0 else prev) in {"and", "while", "before", "after", "by", "when", "as", "without"}
        or i >= 0
        and lows[i] in HEARD_DOING
        and not doc.gaps[i + 1].strip()  # "could be heard saying", "remembered telling Harry"
        or quoted_before(doc, k) is not None  # "was quoted in the Herald saying"
        or _name_after_with(doc, i + 1)  # (past its adverbs: "with Trump reportedly yelling")
    )


def quoted_before(doc: Doc, k: int) -> int | None:
    """The token of "quoted" in a passive ("was quoted in the Herald newspaper saying",
    "is quoted as saying") a few words before the participle at token k, or None."""
    lows, gaps = doc.lows, doc.gaps
    for i in range(k - 1, max(0, k - 8), -1):
        if gaps[i + 1].strip():
            return None  # punctuation between: another clause
        if lows[i] == "quoted":
            return i if i > 0 and lows[i - 1] in PASSIVE_AUX | {"been"} and not gaps[i].strip() else None
    return None


def _name_after_with(doc: Doc, k: int) -> bool:
    """ "with Senator John McCain telling reporters": the participle of an absolute clause,
    whose subject is the name between "with" and it."""
    i = k - 1
    while i >= 0 and doc.words[i][:1].isupper() and _joined(doc, i):
        i -= 1
    if 0 < i < k - 1 and doc.lows[i] in ROLE_NOUNS and _joined(doc, i):
        i -= 1  # "with finance minister Hans Eichel saying": the role before the name
        if i > 0 and doc.words[i].isalpha() and doc.lows[i] not in FUNCTION_WORDS and _joined(doc, i):
            i -= 1
    return 0 <= i < k - 1 and doc.lows[i] == "with" and not doc.gaps[i + 1].strip()


def _joined(doc: Doc, i: int) -> bool:
    """Is word `i` joined to the next one in a name: nothing between them but space, or
    the dot of a title written short ("Sen. John McCain")?"""
    gap = doc.gaps[i + 1].strip()
    return not gap or gap == "." and doc.lows[i] in ABBREVIATED


_PROGRESSIVE_AUX = frozenset({"is", "are", "was", "were", "been", "am"})
# verbs of perceiving or remembering, whose subject speaks the participle after them
HEARD_DOING = frozenset("heard filmed recorded caught remembered remembers recalled recalls".split())


def _modifies_subject(doc: Doc, k: int) -> bool:
    """ "asking prices have", "leading figures were": the -ing word, a plural noun and an
    auxiliary, with nothing between: the subject of a clause, not a participle."""
    noun, aux = doc.lows[k + 1], doc.lows[k + 2]
    return (
        doc.words[k + 1].islower()
        and noun.endswith("s")
        and not noun.endswith("ss")
        and aux in MODALS
        and not doc.gaps[k + 1].strip()
        and not doc.gaps[k + 2].strip()
    )


def _possessed_noun(doc: Doc, k: int) -> bool:
    """ "its confectionery brands", "their election calls": a possessive, a noun for nothing
    that speaks, then the cue's form, a plural noun (not "his wife says", "its website says")."""
    if k < 2 or doc.gaps[k].strip() or doc.gaps[k - 1].strip() or doc.lows[k - 2] not in _POSSESSIVES:
        return False
    prev = doc.lows[k - 1]
    return (
        doc.words[k - 1].islower()
        and not person_noun(prev)
        and prev not in ORG_HEADS
        and prev not in DOCUMENT_NOUNS
        and prev not in GROUP_NOUNS
        and prev not in ANONYMOUS_NOUNS
        and prev not in FUNCTION_WORDS
        and not prev.endswith("ly")
    )


_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my", "your"})


def _took_to(doc: Doc, k: int) -> int:
    """ "took to Twitter to call", "taking to social media to say": the one who took to the
    platform (one or two words) speaks the infinitive. The index of "took", else 0."""
    for n in (1, 2):
        t = k - 3 - n  # took, to, the platform's n words, to, the verb (token k)
        if t < 0 or doc.lows[t + 1] != "to" or doc.lows[t] not in _TOOK:
            continue
        platform = doc.words[t + 2 : k - 1]
        if (platform[0][:1].isupper() or doc.lows[k - 2] == "media") and not any(
            doc.gaps[i].strip() for i in range(t + 1, k + 1)
        ):
            return t
    return 0


# one-word asides between commas, after a subject: "Proponents, however, say"
_ASIDES = frozenset(
    "however meanwhile though too also instead moreover furthermore nevertheless still then therefore indeed".split()
)
_NEGATION = frozenset(
    {"not", "never", "also", "now", "still", "isn't", "aren't", "wasn't", "isn’t", "aren’t", "wasn’t"}
)
_TOOK = frozenset("took take takes taking went go goes going turned turn turns turning".split())


def introduces(doc: Doc, cue: Cue) -> bool:
    """Is the cue's verb followed by a colon ("Hayes said:", "… told the Daily Record:"),
    introducing the quotation that comes next? (Asked of a cue again and again: kept.)"""
    if cue.colon is None:
        cue.colon = _introduces(doc.masked, cue.end)
    return cue.colon


def _introduces(m: str, end: int) -> bool:
    if m[end : end + 3].lstrip()[:1] == ":":
        return True
    colon = m.find(":", end, end + 50)
    if colon < 0 or any(c in m[end:colon] for c in '.?!;,"“”'):
        return False
    after = m[colon + 1 : colon + 4].lstrip()[:1]
    return after in ('"', "“", "‘", "'") and len(m[end:colon].split()) <= 5  # ("told reporters: “…”")


def find_transcripts(doc: Doc, people: People | None = None) -> list[tuple[int, int, str, int, int]]:
    """Transcript lines ("PENCE: ...") as (content start, end, label, label start, end); with
    `people`, an interview's lines too ("Kallas: We will ..."), where the label is a person
    the article names elsewhere."""
    out: list[tuple[int, int, str, int, int]] = []
    interview: list[tuple[int, int, str, int, int]] = []
    text = doc.text
    for ps, pe in doc.paras:
        if not text[ps].isupper() or text.find(":", ps, pe) < 0:
            continue  # (a label ends at a colon: most paragraphs have none, decided without a regex)
        m = _TRANSCRIPT_RE.match(text, ps, pe)
        if not m:
            if people is not None:
                got = _interview_line(doc, people, ps, pe)
                if got is not None:
                    interview.append(got)
            continue
        label = m.group(1).strip()
        words = label.split()
        if len(words) > 3 or label.lower() in _TRANSCRIPT_STOP or any(c.islower() for c in label):
            continue
        if pe - m.end() < 12:
            continue
        out.append((m.end(), pe, label, m.start(1), m.end(1)))
    if (
        len(interview) >= _INTERVIEW_LINES
        and len({x[2] for x in interview}) >= 2
        and sum(len(doc.text[s:e].split()) for s, e, *_ in interview) >= _INTERVIEW_WORDS * len(interview)
    ):
        # questions and answers of two people at least, in sentences (a list of headings
        # "Cruz: Just hang on." "Rubio: Finish second." is no interview)
        out = sorted(out + interview)
    return out


_INTERVIEW_LINES = 3
_INTERVIEW_WORDS = 8  # words in a line, on average


_INTERVIEW_RE = re.compile(r"([A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,2}):[ \t]+(?=\S)")


def _interview_line(doc: Doc, people: People, ps: int, pe: int) -> tuple[int, int, str, int, int] | None:
    """ "Marek: We will rebuild every school": a person's name as the label of a line."""
    m = _INTERVIEW_RE.match(doc.masked, ps, pe)
    if m is None or pe - m.end() < 12 or m.group(1).lower() in _TRANSCRIPT_STOP:
        return None
    label = m.group(1)
    surname = label.rsplit(None, 1)[-1].lower()
    if not people.full.get(surname) or not people.is_person(people.canonical(label, ps)):
        return None  # (a place, a section, a name the article never gives in full: "Kyiv: ...")
    if re.search(rf"\b{re.escape(label.rsplit(None, 1)[-1])}\b", doc.masked[m.end() : pe]):
        return None  # "Bernie Sanders: Credit scores … Senator Bernie Sanders calls for": a section on them
    return m.end(), pe, label, m.start(1), m.end(1)
