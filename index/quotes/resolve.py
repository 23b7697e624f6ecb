"""One mention to its speaker: the rule that decides it, and the canonical name.

Reads a cue's mention, ``People`` and the history of who spoke; returns the speaker
and the rule id (``rules``) that chose it: a name's canonical form, a pronoun's
antecedent (the last speaker, the latest clause subject of its gender, a noun phrase
that "it" or "they" can mean), a role's holder, anonymous sources.
"""

from __future__ import annotations

import bisect
import re

from index.lexicon import (
    ANONYMOUS_NOUNS,
    DEMONYMS,
    FUNCTION_WORDS,
    NON_PERSON_WORDS,
    PERSON_NOUNS,
    PRONOUNS_FEMALE,
    PRONOUNS_GROUP,
    PRONOUNS_MALE,
)

from .addressed import complement_by, names_in_words, quotation_by
from .antecedents import definite_subject, described_subject, introduced_before, known_sex_since
from .cues import Cue
from .describe import resolve_description, role_holder_of
from .document import Doc, body_before_of, determiner_before, para_of, sent_of, tokens_in
from .issuers import unissued_it
from .mentions import Mention
from .names import CAP_RUN_RE, adjective_before_name, name_at
from .naming import (
    ANAPHORIC_BODIES,
    VERB_ENDINGS,
    common_word,
    described,
    named_outlet,
    names_no_speaker,
    opens_sentence,
    speaker_like,
    unnamed,
)
from .people import People
from .roles import DISTINGUISHING, DOCUMENT_NOUNS, NATIONALS, PERSON_HEADS
from .sources import clause_subject, first_clause_subject
from .subjects import couple_meant, joint_subject_before, np_subject_before, unknown_one
from .words import (
    ALL_CUE_FORMS,
    ANONYMOUS,
    ASKING,
    FIRST_NAMES,
    GROUP_NOUNS,
    HONORIFICS,
    MODALS,
    PASSIVE_AUX,
    ROLE_NOUNS,
    cap,
    person_noun,
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
    if kind == "name" and (body := body_before_of(people.doc, mention.start)) is not None:
        mention = Mention("name", people.doc.text[body : mention.end], body, mention.end, mention.how)
    if kind == "name":
        words = mention.text.split()
        first = words[0].lower()
        if len(words) >= 2 and (
            first in ALL_CUE_FORMS
            and first.endswith(VERB_ENDINGS)
            or first.endswith("ing")
            and len(first) > 5
            and first not in FIRST_NAMES
            and (len(words) == 2 or words[1].lower() in FIRST_NAMES)
            and words[-1].lower() not in NON_PERSON_WORDS  # (not "Downing Street", "Making Decisions Alliance")
            or len(words) >= 3
            and words[1].lower() in FIRST_NAMES
            and adjective_before_name(first)
        ):
            # "Said Wales", "Fuming Robinson", "Defiant Matt Williams" opening a sentence: a
            # verb or an adjective, then the name
            cut = mention.text.index(words[1], len(words[0]))  # ("State Department" keeps its "State")
            mention = Mention("name", mention.text[cut:], mention.start + cut, mention.end, mention.how)
        speaker = people.spelt_out(people.canonical(mention.text, mention.start))
        for ending in ("'s", "’s"):
            if speaker.endswith(ending) and " " in speaker:
                speaker = people.canonical(speaker[: -len(ending)], mention.start)  # "Tony Blair's"
        rule = _name_rule(speaker, mention, cue, people)
        if rule == "titled-name":
            # "the Brazilian President said", "Estonian Prime Minister calls": a description
            got = resolve_description(_with_title(people.doc, mention), cue, people, history, resolve_mention, True)
            if got is not None and got[0]:
                return got
        if " " not in speaker and speaker.lower() in DEMONYMS or names_no_speaker(speaker):
            return None, "not-a-speaker", None  # "Russian": an adjective; "Licensing Act": a law
        if " " not in speaker and speaker.lower() in DOCUMENT_NOUNS and opens_sentence(people.doc, mention.start):
            # "Research from Halifax suggests": a document opening its sentence, its issuer's
            doc_np = Mention("np", mention.text, mention.start, mention.end)
            return resolve_description(doc_np, cue, people, history, resolve_mention) or (None, "not-a-speaker", None)
        if " " not in speaker and opens_sentence(people.doc, mention.start) and common_word(speaker, people):
            # "Analysts noted", "Shares fell", "Other terms ...": a common word opening its sentence
            speaker = described(speaker, people)
            if not speaker_like(speaker) or not speaker_like(speaker.lower()) and unnamed(speaker, people):
                return None, "not-a-speaker", None
        return speaker, rule, mention
    if kind == "np" and (outlet := named_outlet(people.doc, mention)) is not None:
        return people.canonical(outlet.text, outlet.start), "outlet-name", outlet  # "the Lancet medical journal"
    if kind in ("role", "np", "anonymous"):
        got = resolve_description(mention, cue, people, history, resolve_mention)
        if got is not None:
            return got
    if kind == "anonymous":
        text = described(mention.text, people)
        if not speaker_like(text):
            return None, "not-a-speaker", None  # "people were making net": a clause, no speaker
        return text, "anonymous", mention
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
            said_by, _, named = resolve_mention(sub, cue, people, history, prev_in_sent)
            return said_by, "clause-subject", named
        if kind == "clause" and ss is not None:
            # else the last person who is a subject earlier in the sentence
            earlier = people.subject_before(mention.start, "")
            if earlier is not None and earlier[0] >= ss:
                return earlier[1], "earlier-subject", name_at(people.doc, earlier[0])
        return None, "unattributed", None
    if kind == "pronoun":
        pron = mention.text.lower()
        obj = _object_name(people, cue) if mention.end <= cue.start else None
        args = (
            pron,
            mention.start,
            people,
            history,
            cue.word in _CONTINUING,
            cue.word not in _CONTINUING and cue.word not in ASKING,
        )
        referent, rule = resolve_pronoun(*args, obj)
        if referent is not None and obj is None and pron in PERSONAL_PRONOUNS and people.is_person(referent):
            doc = people.doc
            quoted = quotation_by(doc, cue, mention.start)
            clause = complement_by(doc, cue, mention.start) if quoted is None else None
            # (the clause's own words, not words it quotes: "He says … “it’s not Bernie Sanders.”")
            g = people.gender_of(referent)
            if (
                quoted is not None
                and names_in_words(doc.text[quoted[0] : quoted[1]], referent, g)
                or clause is not None
                and names_in_words(doc.masked[clause[0] : clause[1]], referent, g)
            ):
                # "“I've had a quiet word with Olof,” he said": not Olof; whoever else "he" can mean
                other, other_rule = resolve_pronoun(*args, referent)
                referent, rule = (other, other_rule) if other != referent else (None, "unattributed")
        return referent, rule, mention
    if kind == "role" and len(parts := mention.text.split()) == 2 and parts[-1].lower() in NATIONALS:
        return None, "not-a-speaker", None  # "said the Russian" with no one to mean: not "Russian"
    if kind == "role":
        holder: str | None
        apposed = _apposed_to(people, mention.start)
        if apposed is not None:
            # "said Xing Wangli, a spokesman for the monopoly quoted in China Daily": Xing Wangli
            return apposed, "apposition", mention
        if mention.text[:2].lower() == "a " or mention.text[:3].lower() == "an ":
            # "A Labour spokesman later said": someone unnamed, not the spokesman the article named
            holder, rule = mention.text, "role-as-written"
        else:
            holder, rule = _resolve_role(mention.text, people, mention.start)
        if rule != "role-as-written" or holder is None:
            return holder, rule, mention
        text = described(holder, people)
    else:
        rule = "according-to" if cue.source_rule == "according-to" else "noun-phrase"
        if " " not in mention.text and mention.text[:1].isupper():
            full = people.canonical(mention.text, mention.start)  # "Paul White … White told the BBC"
            if full != mention.text and " " in full and people.is_person(full):
                return full, "one-word-name", mention
        couple = couple_meant(people, mention)
        if couple is not None:
            return couple, "couple-named", mention  # "Harry and Meghan … the couple revealed"
        text = described(mention.text, people)
        other = _another(mention, people, history)
        if other is not None:
            return other, "another-described", mention
        if mention.text.lower() in ("one", "one of them"):
            return None, "not-a-speaker", None  # (one of nobody the article named)
    if text.lower() in ANAPHORIC_BODIES:
        # "the company said" with no company named: a body the article did not say; no speaker
        return None, "not-a-speaker", None
    if not speaker_like(text):
        named = _leading_name(people, mention)
        if named is not None:
            # "Sanders started out ...", "Lord Butler's report earlier this year … said": Lord Butler
            return people.canonical(named.text.removesuffix("'s").removesuffix("’s"), named.start), rule, named
        head = _leading_np(people.doc, mention)
        if head is not None:
            # "The retired neurosurgeon addressed his concerns": the noun phrase before its verb
            got = resolve_description(head, cue, people, history, resolve_mention)
            if got is not None:
                return got
            if speaker_like(described(head.text, people)):
                return described(head.text, people), rule, head
        return None, "not-a-speaker", None  # "the suit", "more than two-thirds": a thing, no speaker
    return text, rule, mention


def _leading_name(people: People, mention: Mention) -> Mention | None:
    """The person's name that opens a noun phrase found too long ("Sanders started out
    their ninth debate", "Weaver didn't seem impressed"): the clause's subject."""
    run = CAP_RUN_RE.match(people.doc.masked, mention.start)
    if run is None or run.end() >= mention.end:
        return None
    name = people.canonical(run.group(), run.start())
    nxt = tokens_in(people.doc, run.end(), mention.end, 1)
    said = bool(nxt) and nxt[0][2].lower() in ALL_CUE_FORMS  # "Kiedis said, mentioning ..."
    if not people.is_person(name) or (
        people.registry.get(name) is None and " " not in name and not people.gender_of(name) and not said
    ):
        return None
    return Mention("name", run.group(), run.start(), run.end())


def _another(mention: Mention, people: People, history: list[tuple[int, str, str]]) -> str | None:
    """ "“...,” responded another", "the other shouted": one more of the unnamed people just
    quoted ("a commenter", "one of the activists"), not a named person nearby."""
    low = mention.text.lower()
    det = determiner_before(people.doc, mention.start)
    low = "one" if low == "one of them" else low
    if low not in ("another", "other", "one") or low == "other" and det != "the":
        return None
    for _, sp, _g in reversed(history[-4:]):
        words = sp.split()
        if (
            sp[:1].islower()
            and words
            and (words[-1] in PERSON_HEADS or words[-1] in PERSON_NOUNS or words[-1] in _COMMENTERS)
        ):
            return f"{'other' if low == 'other' else 'another'} {words[-1]}"
        break
    if low == "one":  # "Residents were angry. “…,” said one": one of the residents just written of
        ss = people.doc.sents[max(0, sent_of(people.doc, mention.start) - 1)][0] if people.doc.sents else 0
        for _, _, w in reversed(tokens_in(people.doc, ss, mention.start)):
            low = w.lower()
            if low in GROUP_NOUNS or low in _ONE_OF or low.endswith("s") and person_noun(low[:-1]) and not cap(w[1:]):
                return f"one of the {low}"
    return None


_ONE_OF = frozenset({"colleagues", "villagers", "locals", "witnesses", "neighbours", "neighbors", "passengers"})
_COMMENTERS = frozenset({"commenter", "commentator", "reader", "viewer", "listener", "caller", "user", "poster"})


def _leading_np(doc: Doc, mention: Mention) -> Mention | None:
    """The noun phrase that opens a mention found too long, up to the first word that reads
    as its verb ("retired neurosurgeon | addressed his concerns")."""
    toks = tokens_in(doc, mention.start, mention.end)
    for i in range(1, len(toks)):
        w = toks[i][2]
        low = w.lower()
        if w[:1].islower() and (low in ALL_CUE_FORMS or low in MODALS or low in PASSIVE_AUX or low.endswith("ed")):
            end = toks[i - 1][1]
            return Mention(mention.kind, doc.text[mention.start : end], mention.start, end)
    return None


def _with_title(doc: Doc, mention: Mention) -> Mention:
    """The mention with the title words that follow it ("Estonian Prime" + "Minister")."""
    k = bisect.bisect_left(doc.token_starts, mention.end)
    end = mention.end
    while (
        k < len(doc.tokens)
        and doc.gaps[k] in (" ", "\u00a0")
        and (doc.lows[k] in _OFFICES or doc.lows[k] in PERSON_HEADS)
    ):
        end = doc.tokens[k][1]
        k += 1
    return Mention("role", doc.text[mention.start : end], mention.start, end)


def _name_rule(speaker: str, mention: Mention, cue: Cue, people: People) -> str:
    """Where the name stood (cue.source_rule), unless what the name is decides more."""
    words = speaker.split()
    if people.registry.get(speaker) is not None:
        written = {w.lower() for w in _WORD_RE.findall(mention.text)}
        if written.isdisjoint(w.lower() for w in words):
            return "registry-alias"  # "Zelensky": the registry's "Volodymyr Zelenskiy"
        return cue.source_rule
    if len(words) == 1:
        if any(part in _OFFICES for part in words[0].lower().split("-")) and _THE_BEFORE_RE.search(
            people.doc.masked, max(0, mention.start - 24), mention.start
        ):
            return "titled-name"  # "The PAHO Director also urged": a description read as a name
        # one word that no fuller name in the article explains: an organisation, a
        # place or a surname given alone ("Reuters", "Kyiv"), wherever it stood
        return "one-word-name"
    if words[-1].lower() in _OFFICES and words[0].lower() not in FIRST_NAMES and words[0].lower() not in HONORIFICS:
        return "titled-name"  # "the Brazilian President said": a description read as a name
    return cue.source_rule


_WORD_RE = re.compile(r"[^\W\d_][\w\-]*")  # (a possessive's "s" is a word of its own: no harm)
_OFFICES = ROLE_NOUNS | {"prime"}
_THE_BEFORE_RE = re.compile(r"\b[Tt]he[ \u00a0]+(?:[A-Z]{2,}[ \u00a0]+)?$")  # "the ", "The PAHO "


def not_a_source(text: str) -> bool:
    """One lower-case word that names nobody: a verb form ("highlighted", "giving",
    "were") or a function word ("none", "other") taken for the source."""
    if " " in text or not text[:1].islower():
        return False
    w = text.lower()
    return w in FUNCTION_WORDS or w in _SAYING or w.endswith(("ed", "ing")) and w not in PERSON_NOUNS


_SAYING = frozenset({"said", "says", "say", "told", "tells", "tell"})

PERSONAL_PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE
_CONTINUING = frozenset({"added", "adds", "add", "adding", "continued", "continues", "continuing"})

_OBJECT_RE = re.compile(
    r"[ \t\u00a0]+((?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.[ \t\u00a0]+)?([A-Z][\w'’\-]+(?:[ \t\u00a0]+[A-Z][\w'’\-]+){0,2})(?![\w'’])"
)


_NAME_BEFORE_COMMA_RE = re.compile(r"(?<![\w.])([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+), $")


def _apposed_to(people: People, pos: int) -> str | None:
    """The person whose apposition a role at `pos` is ("Xing Wangli, a spokesman for …")."""
    m = people.doc.masked
    got = _NAME_BEFORE_COMMA_RE.search(m, max(0, pos - 60), pos)
    if got is None or m.endswith((" and ", " & "), 0, got.start(1)):
        return None  # ("Patricia Smith and Charles Woods, the parents of …": both)
    words = got.group(1).split()
    while words and words[0].lower() in FUNCTION_WORDS:
        words = words[1:]  # ("As Akhil Amar, a professor at Yale, noted")
    if len(words) < 2:
        return None
    name = people.canonical(" ".join(words), got.end(1) - len(" ".join(words)))
    return name if people.is_person(name) else None


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


def _owner_in_sentence(people: People, pos: int) -> str | None:
    """For a possessive "its" or "their" ("according to their website"): the subject of its
    own sentence, when that is a body or a group named before it."""
    doc = people.doc
    if not doc.sents or not doc.text.startswith(("their", "its", "Their", "Its"), pos):
        return None
    ss = doc.sents[sent_of(doc, pos)][0]
    k = bisect.bisect_left(people.subjects, (pos, "")) - 1
    while k >= 0 and people.subjects[k][0] >= ss:
        name = people.subjects[k][1]
        if not people.gender_of(name) and name not in people.persons and people.registry.get(name) is None:
            return name  # (a name with no gender, title or registry entry: "their" can be its)
        k -= 1
    return None


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
        own = _owner_in_sentence(people, pos)
        if own is not None:
            return own, "it-they-subject"  # "X is a “…”, according to their website": X's
        want_g = "thing" if pron == "it" else "group"
        said = next(
            (
                (p, sp)
                for p, sp, g in reversed(history[-8:])
                if pos - p < 1500
                and (
                    g == want_g
                    or g == "group"
                    and sp.lower().endswith("armed forces")
                    or pron == "it"
                    and unknown_one(sp, g, people, pos)
                )
            ),
            None,
        )  # ("the armed forces" are one body: "it said")
        # a more recent sentence subject that the pronoun can name: "Trump's campaign
        # backtracked. ... it said", "The email includes a photo. ... it reads"
        subj = np_subject_before(people, pos, plural=pron != "it")
        if subj is not None and subj[1].lower() in ANAPHORIC_BODIES:
            subj = None  # ("The company said ... it added": the company named nowhere is no one)
        if pron == "it" and unissued_it(people, pos, said, subj):
            return None, "document-no-issuer"  # ("the report said. It accused ...": nobody's)
        if pron != "it":
            joint = joint_subject_before(people, pos)
            if joint is not None and all(x is None or joint[0] > x[0] for x in (said, subj)):
                return joint[1], "it-they-subject"
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
        whom = people.asked.get(p) if replying and spoke is None else None
        if whom is not None and people.gender_of(whom) in ("", want):
            spoke = (p, whom)  # "a reporter asked Montoya-Lewis, “…?” ¶ “…,” she replied": the one asked
            break
        if g in ("group", "thing") or replying and p in people.askers or sp == exclude:
            continue
        if not g and sp[:1].isupper() and not people.is_person(sp) and not person_noun(sp):
            continue  # ("FT said ... he said": a newspaper is never "he")
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
    desc = described_subject(people, pos, want) or _holder_subject(people, pos, want, history)
    if desc is not None and (spoke is None or spoke[0] < desc[0]):
        named = people.subject_before(pos, want, main_only=True, exclude=exclude)
        if named is None or named[0] < desc[0]:
            return desc[1], "pronoun-subject"  # "Tony Blair's official spokesman declined …. He said:"
    if continuing and spoke is not None:
        back = people.subject_before(pos, want, exclude=exclude)
        if (
            back is not None
            and back[0] > spoke[0]
            and back[1] != spoke[1]
            and want
            and people.gender_of(back[1]) == want
            and doc.sents
            and sent_of(doc, back[0]) < sent_of(doc, pos)
            and para_of(doc, back[0]) == para_of(doc, pos)
            and any(sp == back[1] for _, sp, _ in history)
        ):
            # "Worthington added: “…” …, but Stuart is confident that …. “…,” he added": who
            # spoke before and is the subject just now, not the last to speak
            return back[1], "pronoun-subject"
        return spoke[1], "pronoun-added"
    subj = people.subject_before(pos, want, main_only=True, exclude=exclude)
    if subj is not None and doc.sents and _tag_after_content(doc, people, history, subj, pos):
        subj = None  # "Mr Blair has failed to tackle these problems, he claimed": the claim's subject is not he
    if subj is not None and spoke is not None and doc.sents and sent_of(doc, subj[0]) == sent_of(doc, spoke[0]):
        if subj[0] > spoke[0] and not _after_opening_clause(doc, subj[0]):
            subj = None  # "Rubio claimed that Obama is to blame": Rubio is the source
        elif spoke[0] in people.embedded:
            return subj[1], "pronoun-subject"  # "Rubio refrained from attacking Christie, who say ...": Rubio
    intro = introduced_before(people, pos, want, exclude)
    if intro is not None and all(x is None or x[0] < intro[0] for x in (subj, spoke)):
        return intro[1], "pronoun-introduced"
    if subj is not None and (spoke is None or subj[0] > spoke[0]):
        return subj[1], "pronoun-subject"
    if spoke is not None:
        known = known_sex_since(people, pos, want, spoke) if want and not people.gender_of(spoke[1]) else None
        if known is not None:
            return known, "pronoun-mentioned"  # "Joss Stone said …. ¶ Williams' track beat …. He told the audience"
        return spoke[1], "pronoun-last-speaker"
    person = people.person_before(pos, want, exclude)
    if person:
        return person, "pronoun-mentioned"
    return None, "unattributed"


def _holder_subject(people: People, pos: int, want: str, history: list[tuple[int, str, str]]) -> tuple[int, str] | None:
    """ "The Tory leader was asked …. He replies": the person the article gave that role
    ("Tory leader Michael Howard"), when the sentence before opens with it."""
    the = definite_subject(people, pos, want)
    holder = role_holder_of(the, people, history) if the is not None else None
    if the is None or holder is None or people.gender_of(holder) not in ("", want):
        return None
    return the.start, holder


def _tag_after_content(
    doc: Doc, people: People, history: list[tuple[int, str, str]], subj: tuple[int, str], pos: int
) -> bool:
    """Is the pronoun at `pos` in a tag after what is said (", he claimed"), with the subject
    inside what is said, someone the article wrote about before? (Not someone it has just
    introduced: "Ms. Olivieri found skating to be a salve, she said" is hers.)"""
    si = sent_of(doc, pos)
    ss = doc.sents[si][0]
    if not (ss <= subj[0] < pos and doc.masked[pos - 2 : pos] == ", " and len(doc.masked[ss:pos].split()) >= 5):
        return False
    if any(ss <= p < pos for p, _, _ in history[-6:]):
        return False  # a verb of speech before it: "Clinton echoed …, saying … and Ms. Warren, she said, …"
    if any(sp == subj[1] for _, sp, _ in history):
        return False  # someone who has spoken may speak of themselves ("Though Ms. Olivieri has …, she said")
    name = subj[1]
    if not (people.gender_of(name) or name.split()[0].lower() in FIRST_NAMES or name in people.persons):
        return True  # no person by any evidence: "Law Lords ruled …, he said" is no Law Lords' saying
    before = doc.sents[si - 1][0] if si > 0 else ss
    return any(p < before and n == name for p, n in people.mentions)


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


_OTHER_OFFICE = DISTINGUISHING | {"prime"}  # ("the prime minister" holds no other minister's office)


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
    # (a distinguishing word, "the prime minister", "the former mayor", wants a holder stated so:
    # not "welfare minister Frank Field", whom the bare noun names)
    for w in reversed(words) if _OTHER_OFFICE.isdisjoint(words[:-1]) else ():
        holder = people.role_holder(w, pos)
        if holder is not None:
            return holder, "role-holder"
    if words and words[-1] in ANONYMOUS_NOUNS:
        return ANONYMOUS, "anonymous"
    return role, "role-as-written"
