"""One mention to its speaker: the rule that decides it, and the canonical name.

Reads a cue's mention, ``People`` and the history of who spoke; returns the speaker
and the rule id (``rules``) that chose it: a name's canonical form, a pronoun's
antecedent (the last speaker, the latest clause subject of its gender, a noun phrase
that "it" or "they" can mean), a role's holder, anonymous sources.
"""

from __future__ import annotations

import bisect
import re

from index.lexicon import ANONYMOUS_NOUNS, FUNCTION_WORDS, PERSON_NOUNS, PRONOUNS_FEMALE, PRONOUNS_GROUP, PRONOUNS_MALE

from .cues import Cue
from .document import Doc, para_of, sent_of, tokens_in
from .mentions import Mention
from .names import name_at
from .people import People
from .sources import clause_subject, first_clause_subject
from .words import (
    ALL_CUE_FORMS,
    ANONYMOUS,
    ASKING,
    FIRST_NAMES,
    GROUP_NOUNS,
    MODALS,
    PASSIVE_AUX,
    ROLE_NOUNS,
    SKIPPABLE,
    cap,
)


def resolve_mention(
    mention: Mention,
    cue: Cue,
    people: People,
    history: list[tuple[int, str, str]],
    prev_in_sent: dict[int, Cue],
) -> tuple[str | None, str, Mention | None]:
    """The speaker a cue's mention names, the rule that decided it, and the words in the
    text that name that speaker (the mention itself, or what it led to)."""
    kind = mention.kind
    if kind == "name":
        speaker = people.canonical(mention.text, mention.start)
        return speaker, _name_rule(speaker, mention, cue, people), mention
    if kind == "anonymous":
        return ANONYMOUS, "anonymous", mention
    if kind in ("ellipsis", "clause"):
        prev = prev_in_sent.get(cue.sent)
        if prev is not None:
            return prev.speaker, "same-sentence-speaker", prev.named_by
        ss = people.doc.sents[cue.sent][0] if people.doc.sents else None
        sub = clause_subject(people.doc, ss, cue.start) if ss is not None else None
        if kind == "clause" and ss is not None and (sub is None or sub.kind in ("ellipsis", "clause")):
            # "Donald Trump, while being interviewed on Fox, called ...": the sentence's subject
            sub = first_clause_subject(people.doc, ss, mention.start)
        if sub is not None and sub.kind not in ("ellipsis", "clause"):
            speaker, _, named = resolve_mention(sub, cue, people, history, prev_in_sent)
            return speaker, "clause-subject", named
        if kind == "clause" and ss is not None:
            # else the last person who is a subject earlier in the sentence
            got = people.subject_before(mention.start, "")
            if got is not None and got[0] >= ss:
                return got[1], "earlier-subject", name_at(people.doc, got[0])
        return None, "unattributed", None
    if kind == "pronoun":
        speaker, rule = resolve_pronoun(
            mention.text.lower(),
            mention.start,
            people,
            history,
            cue.word in _CONTINUING,
            cue.word not in _CONTINUING and cue.word not in ASKING,
            _object_name(people, cue) if mention.end <= cue.start else None,
        )
        return speaker, rule, mention
    if kind == "role":
        speaker, rule = _resolve_role(mention.text, people, mention.start)
        return speaker, rule, mention
    return mention.text, "according-to" if cue.source_rule == "according-to" else "noun-phrase", mention


def _name_rule(speaker: str, mention: Mention, cue: Cue, people: People) -> str:
    """Where the name stood (cue.source_rule), unless what the name is decides more."""
    words = speaker.split()
    if people.registry.get(speaker) is not None:
        written = {w.lower() for w in _WORD_RE.findall(mention.text)}
        if written.isdisjoint(w.lower() for w in words):
            return "registry-alias"  # "Zelensky": the registry's "Volodymyr Zelenskiy"
        return cue.source_rule
    if len(words) == 1:
        # one word that no fuller name in the article explains: an organisation, a
        # place or a surname given alone ("Reuters", "Kyiv"), wherever it stood
        return "one-word-name"
    if words[-1].lower() in _OFFICES and words[0].lower() not in FIRST_NAMES:
        return "titled-name"  # "the Brazilian President said": a description read as a name
    return cue.source_rule


_WORD_RE = re.compile(r"[^\W\d_][\w\-]*")  # (a possessive's "s" is a word of its own: no harm)
_OFFICES = ROLE_NOUNS | {"prime"}


def not_a_source(text: str) -> bool:
    """One lower-case word that names nobody: a verb form ("highlighted", "giving",
    "were") or a function word ("none", "other") taken for the source."""
    if " " in text or not text[:1].islower():
        return False
    w = text.lower()
    return w in FUNCTION_WORDS or w in _SAYING or w.endswith(("ed", "ing")) and w not in PERSON_NOUNS


_SAYING = frozenset({"said", "says", "say", "told", "tells", "tell"})

_CONTINUING = frozenset({"added", "adds", "add", "adding", "continued", "continues", "continuing"})

_OBJECT_RE = re.compile(
    r"[ \t\u00a0]+((?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.[ \t\u00a0]+)?([A-Z][\w'’\-]+(?:[ \t\u00a0]+[A-Z][\w'’\-]+){0,2})(?![\w'’])"
)


def _object_name(people: People, cue: Cue) -> str | None:
    """The person named right after the verb ("he called Rubio “Little Marco”", "she told
    Kelly", "he calls Christie’s endorsement"): its own subject pronoun cannot mean them."""
    m = _OBJECT_RE.match(people.doc.masked, cue.end)
    if m is None or m.group(2).lower() in FUNCTION_WORDS:
        return None
    name = m.group(2)
    if name.endswith(("'s", "’s")):
        name = name[:-2]  # "He calls Christie’s endorsement ...": not Christie either
    return people.canonical(name, m.start(2))


def resolve_pronoun(
    pron: str,
    pos: int,
    people: People,
    history: list[tuple[int, str, str]],
    continuing: bool = False,
    replying: bool = False,
    exclude: str | None = None,
) -> tuple[str | None, str]:
    """The person a pronoun subject names, and the rule id: the last speaker or a later
    clause subject.

    With `continuing` ("he added"), someone who has spoken already: the last speaker.
    With `replying` (any verb but "added" or "asked"), not someone who just asked a
    question: "a voter asked if she would ... “Wow,” she replied" is the one asked.
    `exclude` is the verb's object, whom the pronoun cannot mean.
    """
    if pron in PRONOUNS_GROUP or pron == "it":
        want_g = "thing" if pron == "it" else "group"
        said = next(((p, sp) for p, sp, g in reversed(history[-8:]) if g == want_g and pos - p < 1500), None)
        # a more recent sentence subject that the pronoun can name: "Trump's campaign
        # backtracked. ... it said", "The email includes a photo. ... it reads"
        subj = _np_subject_before(people, pos, plural=pron != "it")
        if subj is not None and (said is None or subj[0] > said[0]):
            return subj[1], "it-they-subject"
        if said is not None:
            return said[1], "it-they-speaker"
        return None, "unattributed"
    if pron in {"i", "you"}:
        return None, "unattributed"
    want = "male" if pron in PRONOUNS_MALE else "female" if pron in PRONOUNS_FEMALE else ""
    spoke: tuple[int, str] | None = None
    doc = people.doc
    for p, sp, g in reversed(history[-12:]):
        if g in ("group", "thing") or replying and p in people.askers or sp == exclude:
            continue
        if not g:
            g = people.gender_of(sp)  # learnt since ("she said" after the first mention)
        if not g or g == want:
            if spoke is None:
                spoke = (p, sp)
                if p not in people.embedded or not doc.sents:
                    break
            elif sent_of(doc, p) == sent_of(doc, spoke[0]):
                if p not in people.embedded:
                    spoke = (p, sp)  # "He noted that Sanders has acknowledged ...": he, not Sanders
                    break
            else:
                break
    if continuing and spoke is not None:
        return spoke[1], "pronoun-added"
    subj = people.subject_before(pos, want, main_only=True, exclude=exclude)
    if subj is not None and spoke is not None and doc.sents and sent_of(doc, subj[0]) == sent_of(doc, spoke[0]):
        if subj[0] > spoke[0] and not _after_opening_clause(doc, subj[0]):
            subj = None  # "Rubio claimed that Obama is to blame": Rubio is the source
        elif spoke[0] in people.embedded:
            return subj[1], "pronoun-subject"  # "Rubio refrained from attacking Christie, who say ...": Rubio
    if subj is not None and (spoke is None or subj[0] > spoke[0]):
        return subj[1], "pronoun-subject"
    if spoke is not None:
        return spoke[1], "pronoun-last-speaker"
    person = people.person_before(pos, want, exclude)
    if person:
        return person, "pronoun-mentioned"
    return None, "unattributed"


# words that open a sentence with a clause of its own, before the main one
_OPENING_CLAUSE_WORDS = frozenset(
    """asked pressed questioned speaking responding when while after although though if
    because since before despite unlike as once""".split()
)


def _after_opening_clause(doc: Doc, pos: int) -> bool:
    """Is `pos` the subject of the main clause after an opening one? "Asked whether Trump,
    who has called it a hoax, could win, Ban demurred": the cue in the opening clause is
    not this sentence's speaker (a later "he" means Ban)."""
    ss = doc.sents[sent_of(doc, pos)][0]
    k = bisect.bisect_left(doc.token_starts, ss)
    if k >= len(doc.lows) or doc.lows[k] not in _OPENING_CLAUSE_WORDS:
        return False
    return doc.masked[max(ss, pos - 2) : pos] == ", "


def _np_subject_before(people: People, pos: int, plural: bool) -> tuple[int, str] | None:
    """The subject of the sentence of `pos` or of one of the two before it (in the same or
    the previous paragraph) when "it" (or, `plural`, "they") can name it: a noun phrase
    or an organisation, never a person ("it" is no person; "they" is no single one).

    A person subject in between is passed over: "it" and "they" cannot mean them.
    """
    doc = people.doc
    if not doc.sents:
        return None
    si = sent_of(doc, pos)
    para = para_of(doc, pos)
    for k in range(si, max(-1, si - 3), -1):
        ss, se = doc.sents[k]
        if para - para_of(doc, ss) > 1:
            break
        got = _opening_np(doc, ss, min(se, pos))
        if got is None:
            continue
        start, text, many = got
        if many != plural:
            continue
        head = text.rsplit(None, 1)[-1]
        if plural and head.lower() not in GROUP_NOUNS:
            continue  # "they" speaks for people ("the protesters"), not "the figures"
        if head[:1].isupper():
            name = people.canonical(text, start)
            if people.is_person(name):
                continue  # "Trump said ...": neither "it" nor "they"
            text = name
        return start, text
    return None


_LINKING_OPENERS = frozenset({"but", "and", "yet", "so", "still", "then"})
_NP_OPENERS = frozenset({"the"})  # ("this", "that" are often pronouns: "That is ...")
_VERBISH = (
    SKIPPABLE | PASSIVE_AUX | MODALS | ALL_CUE_FORMS | {"has", "have", "had", "goes", "went", "sent", "made", "took"}
)


def _opening_np(doc: Doc, ss: int, end: int) -> tuple[int, str, bool] | None:
    """The noun phrase opening a sentence when a verb follows it: "The email includes ...",
    "Trump's campaign immediately backtracked", "The protesters also paid ...".

    Returns its start, its text (without "the") and whether it is plural.
    """
    toks = tokens_in(doc, ss, end, 8)
    if len(toks) < 3 or doc.masked[ss : toks[0][0]].strip():
        return None
    if toks[0][2].lower() in _LINKING_OPENERS and doc.masked[toks[0][1] : toks[1][0]] == " ":
        toks = toks[1:]  # "But the protesters also paid tribute ...": the same subject
        if len(toks) < 3:
            return None
    lows = [t[2].lower() for t in toks]
    if lows[0] in _NP_OPENERS:
        first = s0 = 1
    else:
        # "Trump's campaign", "Dana Lopez's campaign": a named owner, then the noun
        own = next((j for j in range(min(3, len(toks))) if not cap(toks[j][2]) or lows[j].endswith(("’s", "'s"))), -1)
        if own < 0 or not lows[own].endswith(("’s", "'s")) or not cap(toks[own][2]):
            return None  # a bare capitalised word is a name, not a noun phrase
        first, s0 = own + 1, 0
    for v in range(first + 1, len(toks)):
        w = lows[v]
        if doc.masked[toks[v - 1][1] : toks[v][0]] != " " or lows[v - 1] in FUNCTION_WORDS and v > first:
            return None  # punctuation or "of", "to" inside: an apposition, a clause, a longer phrase
        if w.endswith(("’s", "'s")):
            continue  # "The vice president's presence": a possessive, no verb
        prev = lows[v - 1]
        plural = prev.endswith("s") and not prev.endswith(("ss", "us", "is", "’s", "'s"))
        if (
            w in _VERBISH
            or w.endswith(("ed", "ly"))
            or (w.endswith("s") and not plural)
            or (plural and w.isalpha() and w.islower() and w not in FUNCTION_WORDS)
        ):
            if (
                not toks[v - 1][2][:1].isalpha()
                or prev in FUNCTION_WORDS
                or prev in _VERBISH
                or prev.endswith(("ed", "ly", "n't", "n’t"))
            ):
                return None
            start = toks[s0][0]
            return start, doc.text[start : toks[v - 1][1]], plural
    return None


def _resolve_role(role: str, people: People, pos: int) -> tuple[str | None, str]:
    """'the spokesman' is the registered or article-named holder of that role.

    Of several named so ("candidate Ben Carson", "candidate Jeb Bush"), the last one
    before `pos`, else the first one after it.
    """
    words = [w for w in role.split() if w not in FUNCTION_WORDS]
    phrase = " ".join(words)
    holders = [h for h in people.registry.role_holders(phrase) if h in people.registered_here]
    if len(holders) == 1:
        return holders[0], "role-registry"
    for w in reversed(words):
        holder = people.role_holder(w, pos)
        if holder is not None:
            return holder, "role-holder"
    if words and words[-1] in ANONYMOUS_NOUNS:
        return ANONYMOUS, "anonymous"
    return role, "role-as-written"
