"""What a noun phrase is: a name, a pronoun, a role noun, anonymous sources, or other.

Reads a span of the document; returns a ``Mention`` with its kind and the words
themselves ("Sen. Tammy Baldwin of Wisconsin" is the name "Tammy Baldwin"; "the
Kremlin spokesman" a role; "his statement" the pronoun "he").
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.lexicon import ANONYMOUS_NOUNS, FUNCTION_WORDS, PERSON_NOUNS, TITLES

from .complements import counted, described_head, holder_after, name_before_role, named_complement
from .document import (
    Doc,
    acronym_before,
    inside_sentence,
    joined,
    not_modal,
    role_before,
    run_after_of,
    run_text,
    words_before_name,
)
from .roles import EPITHET_NOUNS, NATIONALS, PERSON_HEADS, ROLE_OPENERS, SURNAME_OPENERS, is_age
from .skippable import TIME_STARTS, after_opening_phrase, time_opening
from .words import (
    FIRST_NAMES,
    HONORIFICS,
    LEADING_ADVERBS,
    MODALS,
    NOUN_DETERMINERS,
    ORG_HEADS,
    ORG_NAME_ENDS,
    PASSIVE_AUX,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    RECEIVED,
    ROLE_NOUNS,
    SKIPPABLE,
    STOP_HEAD,
    SURNAME_HONORIFICS,
    cap,
    institution_name,
    modifying_ing,
    native_noun,
)

_THIRD = operator.itemgetter(2)


_CLAUSE_STARTERS = frozenset(
    {"given", "just", "only", "even", "perhaps", "maybe"}
)  # adverbs and participles, not sources


@dataclass(slots=True)
class Mention:
    """Who a cue names: a person, a pronoun, a role noun, anonymous sources or an NP."""

    # name | pronoun | role | anonymous | np | ellipsis ("... and told") | clause (a verb
    # phrase, "echoing commentators": the sentence's subject speaks, if one is found)
    kind: str
    text: str
    start: int
    end: int
    how: str = ""  # a rule id (rules.py) when where it stood decides: "apposition", "who-said"


# what a person says or writes, owned by its speaker: "his statement", "her reply"
_UTTERANCE_NOUNS = frozenset(
    """statement statements assumption argument arguments claim claims remark remarks comment
    comments words message reply response answer tweet tweets letter memo email speech
    testimony pledge promise warning memoir op-ed column post""".split()
)


_AUX_WORDS = MODALS | PASSIVE_AUX  # no noun phrase has these after its first word


_NOT_HEAD_NOUNS = (
    frozenset(
        """himself herself themselves itself too alone again later then jr sr today yesterday
    tonight""".split()
    )
    | SKIPPABLE
)


_ING_NOUNS = frozenset(
    """thing something nothing anything everything morning evening building meeting king ring
    spring string wing sibling darling ceiling during including according offering wedding
    funding hearing briefing ruling finding spending training sporting managing acting founding""".split()
)


def _participle_after_noun(words: Sequence[str], lows: Sequence[str]) -> int:
    """Where a participle phrase starts after a plural noun opening a noun phrase
    ("Reporters covering the trial", "protesters carrying signs"), else 0."""
    if len(lows) < 3:
        return 0
    k = 2 if lows[0] in ("the", "some", "many") else 1
    noun = lows[k - 1]
    if k + 1 >= len(lows) or noun in FUNCTION_WORDS or not noun.endswith("s") or noun.endswith(("'s", "’s", "ss")):
        return 0
    if k == 2 and words[1][:1].isupper():
        return 0  # "the Clintons campaigning ...": a name, classified as one
    w = words[k]
    return k if w.islower() and w.endswith("ing") and w not in _ING_NOUNS else 0


def _received_by(lows: Sequence[str]) -> int:
    """Where "<seen|obtained|cited ...> by" starts after a noun phrase's first word, else 0."""
    for k in range(1, len(lows) - 2):
        if lows[k + 1] == "by" and lows[k] in RECEIVED and lows[k - 1] not in FUNCTION_WORDS:
            return k
    return 0


def classify_np(doc: Doc, s: int, e: int, allow_pronoun: bool = True) -> Mention | None:
    """Decide what a noun phrase is: a name, a pronoun, a role, anonymous sources or other."""
    starts = doc.token_starts
    i = bisect.bisect_left(starts, s)
    j = bisect.bisect_left(starts, e, i)
    if j > i and doc.tokens[j - 1][1] > e:
        j -= 1  # tokens do not overlap: only the last one can run past `e`
    if j - i > 2 and doc.lows[i] in _ARTICLES:
        rel = next((k for k in range(i + 2, j - 1) if doc.lows[k] in _RELATIVE_OPENERS and doc.words[k].islower()), 0)
        if rel and doc.words[rel + 1].islower() and doc.lows[rel + 1] not in _PERSONAL:
            # "The barrister who had represented Mr Martin": the antecedent, not a name in its
            # clause (but "the pledge which Mr Howard made", "photographers who she claims …")
            return classify_np(doc, s, doc.tokens[rel][0] - 1, allow_pronoun)
    toks: Sequence[tuple[int, int, str]]
    words: Sequence[str]
    lows: Sequence[str]
    if doc.masked.find("(", s, e) >= 0:
        toks = _outside_parens(doc.masked, s, doc.tokens[i:j])
        if not toks or len(toks) > 14:
            return None
        words = [t[2] for t in toks]
        lows = [w.lower() for w in words]
    else:
        if j == i or j - i > 14:
            return None
        toks = doc.tokens[i:j]
        words = doc.words[i:j]
        lows = doc.lows[i:j]
    if len(toks) == 1 and lows[0] in ("may", "will") and words[0][:1].isupper() and not_modal(doc, toks[0][0], j):
        return Mention("name", words[0], toks[0][0], toks[0][1])  # "“…,” May wrote": Brian May, no modal
    if words[-1] in _ACRONYM_WORDS and (len(toks) == 1 or lows[-2] == "the" and len(toks) == 2):
        # "the WHO said": the World Health Organization, no relative pronoun
        t = toks[-1]
        return Mention("name", t[2], t[0], t[1])
    if len(toks) > 2 and lows[0] in ("and", "but", "or", "yet") and lows[1] in ("the", "a", "an"):
        # "…, and the Director noted": the clause's subject after its conjunction
        return classify_np(doc, toks[1][0], e, allow_pronoun)
    opening = time_opening(lows) if lows[0] in TIME_STARTS else 0
    if 0 < opening < len(toks):
        # "On Tuesday Labour chairman Ian McCartney said": a time opening the sentence, then
        # the subject
        got = classify_np(doc, toks[opening][0], e, allow_pronoun)
        if got is not None:
            return got
    if lows[0] in LEADING_ADVERBS and cap(words[0]):
        # "Even Republicans": the Republicans; "Overall, asking prices ...": no one
        return classify_np(doc, toks[1][0], e, allow_pronoun) if len(toks) > 1 else None
    if _CONTRACTED_PRONOUN_RE.match(lows[0]) and all(w in SKIPPABLE or w in ("better", "rather") for w in lows[1:]):
        if not allow_pronoun:
            return None
        base = _APOSTROPHE_RE.split(words[0], maxsplit=1)[0]  # "They’re less hostile", "you'd better": a pronoun
        return Mention("pronoun", base, toks[0][0], toks[0][0] + len(base))
    if lows[-1] in {"he", "she", "they", "it"} and (
        len(toks) <= 3 or not doc.masked[toks[-2][1] : toks[-1][0]].strip(" ,")
    ):
        t = toks[-1]
        return Mention("pronoun", t[2], t[0], t[1])  # a pronoun right before the verb is its subject
    if lows[0] in PREPOSITIONS or lows[0] == "to" and _infinitive(words, lows):
        k = len(toks) - 2  # "In the Cosmopolitan interview Mr Howard said": no comma after the phrase
        if k >= 2 and lows[k].rstrip(".") in HONORIFICS and cap(words[-1]):
            if lows[k - 1] not in FUNCTION_WORDS:  # (not "In addition to Mr Regalado, …")
                return classify_np(doc, toks[k][0], toks[-1][1], allow_pronoun)
        k = len(toks) - 1  # "In a statement detailing the banning of the accounts Valve said"
        if k >= 2 and cap(words[k]) and words[k - 1].islower() and lows[k - 1] not in FUNCTION_WORDS:
            if not lows[k - 1].endswith(("ing", "ed")) and lows[k - 1] not in PREPOSITIONS:
                return classify_np(doc, toks[k][0], toks[k][1], allow_pronoun)  # ("During his visit Blair said")
        k = len(toks) - 1  # "For the Lib Dems David Laws said": the full name that ends the phrase
        while k > 1 and cap(words[k - 1]):
            k -= 1
        first = next((i for i in range(k, len(toks) - 1) if lows[i] in FIRST_NAMES or lows[i] in HONORIFICS), 0)
        if (
            first > 1 and lows[first - 1] not in PREPOSITIONS and lows[first - 1] != "to"
        ):  # (not "In addition to Mr Regalado")
            return classify_np(doc, toks[first][0], toks[-1][1], allow_pronoun)
        return None  # "for example", "in a statement", "to discuss her remarks"
    if len(toks) >= 3 and lows[0] in _PARTITIVE and (lows[1] == "of" and lows[-1].endswith("s") or counted(words)):
        # "one of the activists", "some of the protesters", "several makers of DAB chips": people, described
        return Mention("np", doc.text[toks[0][0] : toks[-1][1]], toks[0][0], toks[-1][1])
    if tuple(lows) in (("one",), ("one", "of", "them")):  # "“…,” said one": one of a group (resolve.py)
        return Mention("np", doc.text[toks[0][0] : toks[-1][1]], toks[0][0], toks[-1][1])
    if len(toks) > 1 and (
        lows[0] in MODALS
        and not (cap(words[0]) and cap(words[1]) and inside_sentence(doc, toks[0][0]))  # ("said Will Doyle")
        or lows[0].endswith("ing")
        and (not cap(words[0]) or _opening_participle(words))
        and not modifying_ing(words, lows)
    ):
        # "echoing some commentators", "are hearing a candidate": a verb phrase whose
        # subject came earlier in the sentence (unless a name ends it: "Launching it Mr Clarke")
        j = after_opening_phrase(words) if cap(words[0]) else 0
        got = classify_np(doc, toks[j][0], e, allow_pronoun) if j else None
        return got if got is not None and got.kind == "name" else Mention("clause", "", toks[0][0], toks[0][0])
    if len(toks) > 1 and lows[0] in _CLAUSE_STARTERS:
        if allow_pronoun and lows[1] in ("his", "her", "their"):
            # "Given his past comments on ...": the comments are his
            t = toks[1]
            return Mention("pronoun", POSSESSIVE_PRONOUNS[lows[1]], t[0], t[1])
        # "just a quarter": no source here, but the cue still marks speech
        return Mention("clause", "", toks[0][0], toks[0][0])
    cut = _received_by(lows) if "by" in lows else 0
    if cut:
        # "a memo seen by Reuters", "sources cited by Reuters": whoever saw, obtained or
        # cited it is the one who reports it, not its speaker (rule received-by)
        return classify_np(doc, toks[0][0], toks[cut - 1][1], allow_pronoun)
    cut = _participle_after_noun(words, lows) if len(lows) >= 3 else 0
    if cut:
        # "Reporters covering Michael Jackson's trial have asked": the reporters ask
        return classify_np(doc, toks[0][0], toks[cut - 1][1], allow_pronoun)
    if (
        len(toks) >= 4
        and lows[0] in ("a", "an", "the")
        and (
            lows[-1] in ROLE_NOUNS
            or lows[-1] in PERSON_HEADS
            and lows[-1] not in _BODY_TITLES
            and ORG_HEADS.isdisjoint(lows[1:-1])
            or lows[-1] in TITLES
            and words[-1].isupper()
        )
        and lows[-1] not in ANONYMOUS_NOUNS  # ("a State Department official": anonymous, as before)
        and cap(words[1])
        and all(cap(w) or w in ("of", "the", "and", "&") for w in words[1:-1])
    ):
        # "A Top of the Pops spokesperson said": a named body's role, not "Top"; "A Scottish
        # National Party MP", "the Factory Records founder": a member described
        return Mention("role", doc.text[toks[0][0] : toks[-1][1]], toks[0][0], toks[-1][1])
    # the head: up to the first preposition or relative word
    head_n = len(toks)
    for k in range(1, len(toks)):
        if lows[k] in STOP_HEAD:
            if lows[k] in ("of", "for") and lows[k - 1] in ORG_HEADS and k + 1 < len(toks) and cap(words[k + 1]):
                continue  # "the Department of Justice": one name
            if lows[k] == "of" and lows[k - 1] in ORG_HEADS and k + 2 < len(toks) and lows[k + 1] == "the":
                if cap(words[k + 2]):
                    continue  # "the Department of the Interior"
            if lows[k] == "of" and cap(words[k - 1]) and k + 2 < len(toks) and all(map(cap, words[k + 1 : -1])):
                if words[-1].islower() and lows[-1].endswith("s") and lows[-1] not in FUNCTION_WORDS:
                    continue  # "the House of Commons authorities": a name modifying the noun
            head_n = k
            break
    head = toks[:head_n]
    head_noun = lows[head_n - 1]
    if (
        head_n >= 2
        and lows[0] in POSSESSIVE_PRONOUNS
        and lows[0] != "its"
        and head_noun in _UTTERANCE_NOUNS
        and allow_pronoun
    ):
        # "His assumption, stated on live TV, was that ...": whoever "his" means speaks
        t = toks[0]
        return Mention("pronoun", POSSESSIVE_PRONOUNS[lows[0]], t[0], t[1])
    if (
        head_n == 2
        and lows[0] == "the"
        and (is_age(head_noun) or head_noun in NATIONALS and cap(words[1]))
        or head_n == 3
        and lows[0] == "the"
        and head_noun in EPITHET_NOUNS
        and cap(words[1])
    ):
        # "said the 46-year-old", "said the German", "says the Waterford man": a person by
        # age, nationality or home town, described as a role is (rule role-salient)
        return Mention("role", doc.text[toks[0][0] : toks[head_n - 1][1]], toks[0][0], toks[head_n - 1][1])
    if head_n == 3 and lows[0] == "the" and is_age(lows[1]) and native_noun(lows[2]):
        # "the 24-year-old Swiss added", "the 25-year-old Dubliner": where the person is from
        # (not "the 28-year-old Morientes", a name)
        return Mention("role", doc.text[toks[0][0] : toks[1][1]], toks[0][0], toks[1][1])
    if head_noun in ANONYMOUS_NOUNS:
        return Mention("anonymous", doc.text[toks[0][0] : toks[-1][1]], toks[0][0], toks[-1][1])
    if head_n > 1 and head_noun in ROLE_NOUNS and head_noun not in FUNCTION_WORDS and not cap(words[head_n - 1]):
        first = 0
        while first < head_n - 1 and lows[first] in FUNCTION_WORDS and lows[first] not in {"the", "a", "an"}:
            first += 1
        for i in range(head_n - 2, first - 1, -1):
            w = lows[i]
            if w in MODALS or w in PASSIVE_AUX or w.endswith("ing") and not cap(words[i]):
                first = i + 1  # "they are hearing a candidate": the role is "a candidate"
                break
            if i > first and w in ("the", "a", "an"):
                first = i  # "things the Republican candidate had said": from its article on
                break
        tail = _last_name_run(toks, lows, doc.masked) if head_n + 2 < len(toks) and lows[head_n] == "of" else None
        held = holder_after(tail) if tail and tail[1] == toks[-1][1] and tail[0] > toks[head_n + 1][0] else None
        if held is not None:
            return Mention("name", held[2], held[0], held[1])  # "… of the union Unison Dave Prentis"
        end = named_complement(toks, lows, head_n)
        return Mention("role", doc.text[head[first][0] : end], head[first][0], end)
    owner = _possessive_owner(words, lows, head_n)
    if owner is not None:
        tail = _last_name_run(toks, lows, doc.masked) if head_n + 2 < len(toks) and lows[head_n] == "of" else None
        held = holder_after(tail) if tail and tail[1] == toks[-1][1] and tail[0] > toks[head_n + 1][0] else None
        if held is not None and head_noun in PERSON_HEADS:
            return Mention("name", held[2], held[0], held[1])  # "Merck's head of research Peter Kim"
        # "Kelly Ayotte's campaign": the organisation speaks, named as written
        ts, te = head[owner][0], head[-1][1]
        kind = "role" if lows[head_n - 1] in ROLE_NOUNS else "np"
        return Mention(kind, doc.text[ts:te], ts, te)
    if (
        head_n >= 2
        and words[head_n - 1][:1].islower()
        and head_noun not in FUNCTION_WORDS
        and head_noun not in _NOT_HEAD_NOUNS
        and head_noun not in MODALS
        and _AUX_WORDS.isdisjoint(lows[1:head_n])  # not "President Obama has been"
        and any(cap(w) and w.lower() not in FUNCTION_WORDS for w in words[:head_n])
    ):
        # "Scottish ministers", "the Clinton campaign": the names only modify the noun (but "Dr Mike
        # Watts head of exploration said" is Watts, with no comma)
        named = name_before_role(words, lows)
        if named is not None:
            ts, te = toks[named[0]][0], toks[named[1] - 1][1]
            return Mention("name", doc.text[ts:te], ts, te)
        first = next((k for k in range(head_n - 1) if lows[k] not in FUNCTION_WORDS), head_n - 1)  # ("the campaign")
        ts, te = head[first][0], head[-1][1]
        return Mention("np", doc.text[ts:te], ts, te)
    run = _last_name_run(head, lows, doc.masked)
    if head_n < len(toks):
        tail_run = _last_name_run(toks, lows, doc.masked)
        head_is_title = run is not None and any(w.lower() in ROLE_NOUNS for w in run[2].split())
        if (
            tail_run is not None
            and tail_run[1] == toks[-1][1]
            and ORG_HEADS.isdisjoint(tail_run[2].lower().split())  # (a body is no holder of a title)
            and not _plural_people(head_noun, words[head_n - 1])  # ("supporters of X": not X)
            and (
                tail_run[2].split()[0].lower() in FIRST_NAMES
                or (head_is_title or role_before(toks, lows, tail_run[0], PERSON_HEADS))
                and " " in tail_run[2]
            )
        ):
            # "Sirius XM Vice President for news Dave Gorab", "Ukrainian Ambassador to
            # the EU Vsevolod Chentsov", "State Administration of Taxation head Xie Xuren": a
            # title, then the person who holds it
            run = tail_run
    if run is None and head_n < len(toks) and ANONYMOUS_NOUNS.isdisjoint(lows[:head_n]):
        described = described_head(lows, head_n)
        if described:
            # "the 25-year-old athlete from Nova Kakhovka", "a statement signed by the
            # gallery directors": the person or the document, not the name after it
            first = 1 if lows[0] in FUNCTION_WORDS and lows[0] not in ("the", "a", "an") else 0
            end = named_complement(toks, lows, head_n) if described == "role" else toks[-1][1]
            return Mention(described, doc.text[toks[first][0] : end], toks[first][0], end)
        run = _last_name_run(toks, lows, doc.masked)
    if run is not None:
        rs, re_, text = run
        if text.isdigit():
            return None  # "No 10 was cautious": a number is no one's name by itself
        return Mention("name", text, rs, re_)
    heads_lower = [w for w in lows[:head_n] if w not in FUNCTION_WORDS]
    anon_pos = not ANONYMOUS_NOUNS.isdisjoint(lows)
    if anon_pos and not any(w.endswith(("'s", "’s")) for w in lows[:head_n]):
        return Mention("anonymous", doc.text[toks[0][0] : toks[-1][1]], toks[0][0], toks[-1][1])
    if any(w in ROLE_NOUNS for w in heads_lower):
        return Mention("role", doc.text[head[0][0] : head[-1][1]], head[0][0], head[-1][1])
    # any other noun phrase ("the campaign", "the statement"): keep as written
    if any(
        w in MODALS or (w.endswith(("ed", "ing")) and lows[i] not in FUNCTION_WORDS)
        for i, w in enumerate(lows[1:head_n])
    ):
        return None  # "McCarthy's move is notable": a clause, not a source ("the retired ..." is fine)
    if heads_lower and len(head) <= 4 and not all(w in FUNCTION_WORDS for w in lows[:head_n]):
        first = next((k for k in range(head_n - 1) if lows[k] not in FUNCTION_WORDS), head_n - 1)
        ts, te = head[first][0], head[-1][1]
        if lows[-1] in SKIPPABLE or lows[head_n - 1] in FUNCTION_WORDS:
            return None
        content = lows[first:head_n]
        if not any(w[:1].isalpha() and len(w) > 2 for w in content) or (
            len(content) == 1 and (content[0].endswith(("ly", "n't", "n’t")) or content[0] in {"even", "just", "only"})
        ):
            return None  # "185,000", "Immediately", "wasn't": no source
        return Mention("np", doc.text[ts:te], ts, te)
    return None


_ACRONYM_WORDS = frozenset({"WHO"})  # acronyms spelt as a function word


def _infinitive(words: Sequence[str], lows: Sequence[str]) -> bool:
    """ "to discuss her remarks", "to address the crowd": "to", a verb and its object."""
    return len(words) > 2 and words[1].islower() and lows[1] not in FUNCTION_WORDS and lows[2] in NOUN_DETERMINERS


def _name_follows(lows: Sequence[str]) -> bool:
    """After a role word opening a run: a person's name ("Nicolas Anelka", "Graeme Souness"),
    a known first name or two words that are no title."""
    return lows[0] in FIRST_NAMES or len(lows) == 2 and not any(w in TITLES or w in PERSON_HEADS for w in lows)


def _plural_people(low: str, word: str) -> bool:
    """ "supporters", "Members" (opening a sentence): people, plural, whom the name after
    "of" is not ("supporters of Hillary Clinton" are not Clinton)."""
    if not low.endswith("s") or low.endswith("ss"):
        return False
    return not cap(word) or low[:-1] in PERSON_NOUNS or low in PERSON_NOUNS


def _opening_participle(words: Sequence[str]) -> bool:
    """ "Discussing his family ...", "Giving the reference to ...": a capitalised participle
    that opens a clause, not a name ("Manning", "Fleming", "King" stand alone or before a
    name)."""
    w = words[0]
    return len(w) > 5 and w[1:].islower() and words[1][:1].islower() and words[1].lower() != "and"


def _outside_parens(m: str, s: int, toks: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop tokens inside brackets: "Rep. Zoe Lofgren (D-Calif.)" is Zoe Lofgren."""
    out: list[tuple[int, int, str]] = []
    depth, pos = 0, s
    for t in toks:
        for c in m[pos : t[0]]:
            depth += c == "("
            depth -= c == ")" and depth > 0
        pos = t[0]
        if depth == 0:
            out.append(t)
    return out


def _possessive_owner(words: Sequence[str], lows: Sequence[str], head_n: int) -> int | None:
    """Index where "Name's noun" starts when the head (the first `head_n` words) ends in a
    common noun."""
    if head_n < 2 or words[head_n - 1][:1].isupper() or lows[head_n - 1] in FUNCTION_WORDS:
        return None
    for k in range(head_n - 2, -1, -1):
        w = words[k]
        if w[:1].isupper():
            if not w.endswith(("'s", "’s", "s'", "s’")):
                return None
            j = k
            while j > 0 and words[j - 1][:1].isupper() and lows[j - 1] not in FUNCTION_WORDS:
                j -= 1
            return j
    return None


_ORG_LINKS = frozenset({"of", "for", "and"})
_PARTITIVE = frozenset("one each some many several most two three four five".split())
_PARTICLES = frozenset({"de", "van", "von", "bin", "al", "da", "del", "di", "la", "le", "du"})
_ARTICLES = frozenset({"a", "an", "the", "another"})  # (before a run: a description, not a name)
_RELATIVE_OPENERS = frozenset({"who", "which", "whose"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you", "it"})
_BODY_TITLES = frozenset({"executive", "justice", "assembly"})  # (the Health and Safety Executive)


def _last_name_run(toks: Sequence[tuple[int, int, str]], lows: Sequence[str], m: str) -> tuple[int, int, str] | None:
    """The last run of capitalised words that is not possessive, titles stripped.

    `lows` holds the tokens' words lower-cased (a word never ends in a full stop).
    """
    best: tuple[int, int, str] | None = None
    best_j = -1  # the last token of `best`, if `best` looks like a person's name
    org_j = -1  # the last token of `best`, if it heads an organisation's name "of" may continue
    k = 0
    n = len(toks)
    while k < n:
        w = toks[k][2]
        if not w[0].isupper():
            k += 1
            continue
        j = k
        while (
            j + 1 < n
            and (toks[j + 1][2][0].isupper() or lows[j + 1] in _PARTICLES)
            and (m[toks[j][1] : toks[j + 1][0]] == " " or joined(m, toks[j], toks[j + 1]))  # (one space: joined)
        ):
            j += 1
        if (
            j + 2 == n
            and toks[n - 1][2].isdigit()
            and len(toks[n - 1][2]) <= 2
            and m[toks[j][1] : toks[n - 1][0]] == " "
            and m[toks[n - 1][1] : toks[n - 1][1] + 1] in (" ", ",", "")
        ):
            j += 1  # "Radio 1 said", "Channel 4 said": the number is part of the name
        a = k0 = k  # the run is toks[k : j + 1]
        k = j + 1
        if best_j >= 0 and run_after_of(toks, best_j, k0):
            best_j = -1
            continue  # "Sen. Dianne Feinstein of California", "David Rubin of administrators David Rubin & Co"
        the = org_j >= 0 and k0 == org_j + 3 and lows[k0 - 1] == "the" and lows[k0 - 2] == "of"
        if (
            org_j >= 0
            and (k0 == org_j + 2 and lows[k0 - 1] in _ORG_LINKS or the)
            and best is not None
            and best[1] == toks[org_j][1]  # (the body's own name runs on, not a person's before it)
            and joined(m, toks[k0 - 1], toks[k0])
            and (not the or joined(m, toks[k0 - 2], toks[k0 - 1]))
        ):
            # "the Confederation of British Industry", "the Department for Work and Pensions",
            # "the Department of the Interior": one organisation, not "Confederation" or "Department"
            link = "of the" if the else lows[k0 - 1]
            best = (best[0], toks[j][1], f"{best[2]} {link} {' '.join(map(_THIRD, toks[k0 : j + 1]))}")
            org_j = j if j + 2 < n and lows[j + 1] in _ORG_LINKS and joined(m, toks[j], toks[j + 1]) else -1
            continue
        if (
            best is not None
            and k0 >= 2
            and lows[k0 - 1] == "and"
            and best[1] == toks[k0 - 2][1]
            and (lows[j] in ORG_HEADS or lows[j] in _BODY_TITLES)
            and joined(m, toks[k0 - 1], toks[k0])
        ):
            # "the Securities and Exchange Commission", "the Health and Safety Executive": one
            # body, not "Exchange Commission"
            best = (best[0], toks[j][1], f"{best[2]} and {' '.join(map(_THIRD, toks[k0 : j + 1]))}")
            org_j = -1
            continue
        org_j = -1
        last = toks[j][2]
        if k < n and last.endswith(("'s", "’s", "s’", "s'")):
            continue  # "Trump's communications director"
        if j == k0 and _MODIFIER_RE.search(last) and k < n:
            continue  # "Republican-leaning voters", "Kremlin-backed media": a modifier of what follows
        # drop leading function words and titles
        # "The State Department", "House Intelligence Committee", "General Electric": titles belong
        body = lows[j] in ORG_HEADS or lows[j] in ORG_NAME_ENDS
        while a <= j and (lows[a] in FUNCTION_WORDS or lows[a] in TITLES and not body):
            if a == j and a > k0 and lows[a - 1] in SURNAME_HONORIFICS:
                break  # "Ms King": her surname, not a title
            a += 1
        b = j
        while b - a > 1 and lows[b] in TITLES and lows[b] not in _BODY_ENDS:
            b -= 1  # "... Smith Jr" keeps two words; "Scottish Executive", "the Obama White House" stay whole
        if (
            lows[j] in TITLES
            and toks[j][2].isupper()  # ("MP", "MEP", "QC": not "the Scottish Executive")
            and (any(w in _ARTICLES for w in lows[k0:a]) or k0 > 0 and lows[k0 - 1] in _ARTICLES)
        ):
            continue  # "A Liberal Democrat MP", "the Labour MP": a member described, no name
        surname = a == b and a > k0 and lows[a - 1] in SURNAME_HONORIFICS  # "Ms King": her surname
        if a > b or TITLES.issuperset(lows[a : b + 1]) and not surname or b < j and lows[j] in ROLE_NOUNS:
            continue  # (a role in title case, no holder after it: "Estonian Prime Minister calls")
        if b - a >= 2 and lows[a] in ROLE_OPENERS and _name_follows(lows[a + 1 : b + 1]):
            a += 1  # "Striker Nicolas Anelka" opening a sentence: the name after the role
        elif b - a == 1 and lows[a] in SURNAME_OPENERS and lows[b] not in FIRST_NAMES:
            a += 1  # "Matchwinner Keane said": Keane
        for i in range(b - 1, a - 1, -1):
            if lows[i] in TITLES and i > a and lows[b] not in _BODY_ENDS and lows[b] not in ORG_HEADS:
                a = i + 1  # "Florida Sen. Marco Rubio", "Hewlett-Packard CEO Carly Fiorina" (not "US State Department")
                break
            if b - i >= 2 and lows[i].endswith(("'s", "’s", "s'", "s’")) and not institution_name(lows, i, b):
                a = i + 1  # "North Carolina’s Ada Fisher", "Fox News’ Bret Baier"
                break
        core = toks[a : b + 1]
        core = core[words_before_name([t[2].lower() for t in core]) :]  # ("Fellow Lib Dem Norman Baker")
        while len(core) > 1 and acronym_before(core[0][2], core[1][2], len(core), core[-1][2].lower() in ORG_NAME_ENDS):
            core = core[1:]
        if len(core) == 1 and core[0][2].lower() in TITLES and not surname:
            continue  # "A UKIP MEP": a member described, no name
        s, e = core[0][0], core[-1][1]
        text = core[0][2] if len(core) == 1 else run_text(m, core)
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        best = (s, e, text)
        # a first name and a surname, or a titled name, can be followed by "of" and a place
        named = len(core) > 1 and core[0][2].lower() in FIRST_NAMES or a > k0 and lows[a - 1] in TITLES
        best_j = j if named and b == j else -1
        org_j = (
            j
            if b == j
            and lows[j] in ORG_HEADS
            and j + 2 < n
            and lows[j + 1] in ("of", "for")
            and joined(m, toks[j], toks[j + 1])
            else -1
        )
    return best


_BODY_ENDS = frozenset({"house", "senate", "congress", "parliament", "assembly"})  # (titles that end a body's name)
_MODIFIER_RE = re.compile(r"-[a-z]+$")  # "Republican-leaning", "Moscow-based", "Kremlin-backed"
_APOSTROPHE_RE = re.compile("['’]")
_CONTRACTED_PRONOUN_RE = re.compile(r"(?:he|she|they|we|i|it|you)(?:['’](?:s|re|ve|d|ll|m))?$")
