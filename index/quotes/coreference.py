"""Every cue's speaker, in text order, and who a later pronoun can mean.

Reads the cues with their mentions and ``People``; gives each cue its speaker (through
``resolve``) and keeps the history of speakers with their gender or kind (person,
group, thing): a bare description ("the businessman") points back to a named person,
a speaker inside another clause ("He noted that Sanders ...") is not the sentence's
topic, whoever asked a question does not answer it, and the person asked does.
"""

from __future__ import annotations

import bisect
import re

from index.lexicon import PRONOUNS_FEMALE, PRONOUNS_GROUP, PRONOUNS_MALE

from .cues import Cue
from .describe import DESCRIBED, gender_for_history
from .document import Doc, after_quantifier, determiner_before, joined, sent_of, tokens_in
from .headlines import TEASER_RE
from .inverted import np_after
from .mentions import Mention, classify_np
from .naming import speaker_like
from .orgs import is_place
from .people import People
from .resolve import not_a_source, resolve_mention, resolve_pronoun
from .roles import DOCUMENT_NOUNS, singular
from .words import (
    ANONYMOUS,
    ASKING,
    BASE_FORMS,
    FEMALE_ROLES,
    FIRST_NAMES,
    GROUP_NOUNS,
    MALE_ROLES,
    PREPOSITIONS,
    SUBORDINATORS,
    head_noun_of,
    person_noun,
)


def resolve_all(doc: Doc, cues: list[Cue], people: People) -> None:
    """Give each cue a canonical speaker, in text order, tracking who spoke last."""
    history: list[tuple[int, str, str]] = []  # (pos, speaker, gender or "group")
    prev_in_sent: dict[int, Cue] = {}
    verb_in_sent: dict[int, Cue] = {}  # the last speech verb of each sentence so far
    teasers = _teaser_lines(doc) if cues else []
    if teasers:
        # (nor is the subject of its sentence: "he said" after it means the story's man)
        people.subjects = [x for x in people.subjects if not any(ts <= x[0] < te for ts, te in teasers)]
    for cue in cues:
        mention = cue.mention
        outer = verb_in_sent.get(cue.sent)
        if cue.word not in (":", "—"):
            verb_in_sent[cue.sent] = cue
        if mention is None:
            continue
        speaker, cue.rule, cue.named_by = resolve_mention(mention, cue, people, history, prev_in_sent)
        joint = _joint_subject(doc, cue, mention, speaker, people) if mention.kind == "name" and speaker else None
        speaker = joint or speaker
        quoted = _quoted_source(doc, cue)
        if quoted is not None and _someone(quoted, people):
            # "the report said, quoting a senior US official", "TASS quoted the Kremlin as
            # saying": the one quoted speaks
            got = resolve_mention(quoted, cue, people, history, prev_in_sent)
            if got[0]:
                speaker, cue.rule, cue.named_by = got[0], "quoting", got[2]
                mention = quoted
        cue.speaker = speaker
        if not speaker and cue.rule == "document-no-issuer":
            people.unissued.append(cue.start)
        if speaker:
            prev_in_sent[cue.sent] = cue
            the_name = mention.kind == "name" and determiner_before(doc, mention.start) == "the"
            if mention.kind == "name" and not cue.object_noun and not the_name:
                # (an organisation raises questions too: "Breitbart raised questions" makes
                # no person of Breitbart for a later "she"; nor is "The Hill reported" a person)
                people.speakers.add(speaker)
            if (
                (
                    mention.kind in ("name", "role", "anonymous", "pronoun", "np")
                    or mention.kind == "ellipsis"  # ("WPP has posted profits and predicted that …": WPP)
                    and cue.rule == "clause-subject"
                    and speaker[:1].isupper()
                    and _opens_sentence(doc, cue)
                )
                and not not_a_source(speaker)
            ):
                # (a garbled source, "highlighted", is no one a later "he" can mean)
                kind = mention.kind
                plural = (
                    kind == "np"
                    and mention.text.lower().endswith("s")
                    or kind == "pronoun"
                    and mention.text.lower() in PRONOUNS_GROUP  # "they said"
                    or kind == "name"
                    and (
                        mention.text.lower() in GROUP_NOUNS  # "Analysts noted"
                        or mention.text.rsplit(None, 1)[-1] in ("MPs", "MEPs", "MSPs")  # "Iranian MPs threaten"
                        or after_quantifier(doc, mention.start)  # "many more Latinos said"
                        or " " not in mention.text
                        and _plural_verb(doc, cue, people, speaker)  # "Birmingham have confirmed"
                    )
                    or kind == "role"
                    and _plural_head(mention.text)  # "the heads of the IMF and the WTO said"
                )
                g = (
                    "group"
                    if mention.kind == "anonymous" or speaker == ANONYMOUS or plural or joint
                    else people.gender_of(speaker)
                )
                det = determiner_before(doc, mention.start) if kind == "np" and g != "group" else None
                ref = None
                if cue.rule in DESCRIBED:
                    # "the minister" resolved to its holder, "the statement" to its issuer
                    g, det, kind = gender_for_history(speaker, cue.rule, people), None, "described"
                if det == "the" and person_noun(mention.text):
                    # "the actor said" points back to a person named before, if one fits
                    ref, rg = _role_referent(mention.text, cue.start, people, history)
                    if ref:
                        speaker, g = ref, rg
                    if ref and cue.word != "according to" and _sole_person(people, ref, cue.start, mention.text):
                        cue.speaker, cue.rule = ref, "role-salient"  # (the only person the story has named)
                if det == "a" and person_noun(mention.text):
                    # "One California delegate said he ...": someone new, whom a later "he" can mean
                    head = mention.text.lower().rsplit(None, 1)[-1]
                    g = "female" if head in FEMALE_ROLES else "male" if head in MALE_ROLES else ""
                elif (
                    ref is None
                    and g != "group"
                    and kind != "described"
                    and (
                        mention.kind == "np"
                        or mention.kind == "name"
                        and (the_name or not people.is_person(speaker))
                        or mention.kind == "pronoun"
                        and mention.text.lower() == "it"
                        or mention.kind == "ellipsis"
                        and not people.is_person(speaker)
                        or cue.word == "according to"  # ("According to PC Pro, a print costs …")
                        and mention.kind == "name"
                        and speaker.split()[0].lower() not in FIRST_NAMES
                        and not people.gender_of(speaker)
                        and not any(not r.org for r in people.stated.of(speaker))  # (not "Serhiy Popko, head of …")
                    )
                ):
                    g = "thing"  # "the campaign", "Reuters", "it said": what "it" can refer to
                # (a headline's pronoun is a guess with no text before it: it teaches no gender)
                learn = people.gender if mention.kind != "pronoun" or not _in_headline(doc, cue.start) else {}
                if mention.kind == "pronoun" and mention.text.lower() in PRONOUNS_MALE and not g:
                    learn.setdefault(speaker, "male")
                    g = "male"
                elif mention.kind == "pronoun" and mention.text.lower() in PRONOUNS_FEMALE and not g:
                    learn.setdefault(speaker, "female")
                    g = "female"
                if kind == "role" and speaker == mention.text and _bare_definite(mention.text):
                    # "the businessman" refers back to someone; "a spokesman" is someone new,
                    # and "the Vermont senator" already says who it is
                    ref, rg = _role_referent(mention.text, cue.start, people, history)
                    if ref:
                        speaker, g = ref, rg
                    else:
                        # no named person fits: "the actress" herself is what a later "she" means
                        head = mention.text.lower().rsplit(None, 1)[-1]
                        g = "female" if head in FEMALE_ROLES else "male" if head in MALE_ROLES else ""
                if _embedded_cue(doc, cue, outer):
                    people.embedded.add(cue.start)
                if cue.word in ASKING and mention.end <= cue.start and _asks_question(doc, cue):
                    people.askers.add(cue.start)
                    whom = _ASKED_WHOM_RE.match(doc.text, cue.end)  # "asked Montoya-Lewis, “…?”": she replies
                    if whom is not None:
                        people.asked[cue.start] = people.canonical(whom.group(1), whom.start(1))
                asked_by = cue.source_rule == "passive-agent"
                if asked_by:
                    people.askers.add(cue.start)  # "Rubio was asked by Baker whether …": Rubio answers
                if teasers and any(ts <= cue.start < te for ts, te in teasers):
                    continue  # a link teaser ("Don’t Miss: Trump warns ...") is no one the story speaks of
                if cue.source_rule == "possessed-claim":
                    continue  # ("X's claim that …" is reported by someone else: X has not spoken here)
                history.append((cue.start, speaker, g))
                subject = people.subject_before(cue.start, "") if asked_by else None
                if subject is not None and subject[0] >= doc.sents[cue.sent][0]:
                    history.append((cue.start + 1, subject[1], people.gender_of(subject[1])))
                if cue.word in ASKING and not cue.inverted and outer is None:
                    asked = _addressee(doc, cue, people)
                    if asked is not None:
                        history.append(asked)  # "X asked Sanders whether ...": his answer comes next


_JOINT_RE = re.compile(
    r"(?:^|(?<=[\s,(]))((?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*)\s+(?:[a-z]+\s+)?and\s+"
    r"(?:(?:[a-z]+|Senator|Sen\.|Rep\.|Gov\.|Governor|President|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sir|Lord|Lady)\s+){0,3}$"
)


def _opens_sentence(doc: Doc, cue: Cue) -> bool:
    """Does the name a cue's clause subject gave open the cue's sentence (within a few words)?"""
    named = cue.named_by
    return named is not None and bool(doc.sents) and named.start - doc.sents[cue.sent][0] <= 40


def _joint_subject(doc: Doc, cue: Cue, mention: Mention, speaker: str, people: People) -> str | None:
    """ "Singer Gary Lightbody and drummer Jonny Quinn said", "chief executive William Harrison
    and chief operating officer James Dimon said", "South Korea and Japan denied":
    two people (by full name), two countries or two bodies share the verb, and both speak."""
    if mention.end > cue.start or not doc.sents:
        return None
    ss = doc.sents[cue.sent][0]
    got = _JOINT_RE.search(doc.masked, max(ss, mention.start - 60), mention.start)
    if got is None:
        return None
    lead_start = got.start(1)
    amp = _AMPERSAND_BEFORE_RE.search(doc.masked, max(ss, lead_start - 40), lead_start)
    if amp is not None:
        lead_start = amp.start()  # "Cable & Wireless and NTL have announced": one name before "and"
    before = doc.masked[max(ss, lead_start - 12) : lead_start].split()
    low = before[-1].lower() if before else ""
    if low in _NOT_BEFORE_SUBJECT or low in PREPOSITIONS and low not in SUBORDINATORS:
        return None  # ("contests in Nevada and South Carolina", "His name is Tote King and …": no subject)
    lead = doc.masked[lead_start : got.end(1)]
    verb = doc.masked[mention.end : cue.start].split()
    if (
        " " not in speaker
        and speaker[:1].isupper()
        and verb
        and verb[-1].lower() in ("has", "is", "was")
        and doc.masked[got.end(1) : mention.start] == " and "
        and (not low or low in ("but", "and") or low in SUBORDINATORS)
    ):
        return doc.text[lead_start : mention.end]  # "Ironhorse Oil and Gas has denied": one body's name
    cut = len(lead.split(None, 1)[0]) + 1 if lead.startswith(("The ", "Both ")) else 0
    first = people.canonical(lead[cut:], lead_start + cut)  # ("The State Department", "Both Democrats")
    # (two people by name, "and" right after the first: not "a Steven Gerrard strike and")
    adjoining = doc.masked.startswith(" and ", got.end(1))
    persons = adjoining and all(people.is_person(n) and n.split()[0].lower() in FIRST_NAMES for n in (first, speaker))
    # (countries only at the start of their clause: not "voters in Alabama, Georgia and Virginia")
    opens = not low or low in ("but", "and", "both") or low in SUBORDINATORS
    places = is_place(first) and is_place(speaker) and opens
    # ("The Conservatives and Lib Dems said", "Cable & Wireless and NTL have announced")
    bodies = (
        opens
        and re.fullmatch(r"\s+and\s+(?:the\s+)?", doc.masked[got.end(1) : mention.start]) is not None
        and not any(people.is_person(n) and "&" not in n or is_place(n) for n in (first, speaker))
    )  # (two names and nothing between: not "Utility vehicle and tractor maker Mahindra")
    return f"{first} and {speaker}" if first != speaker and (persons or places or bodies) else None


_AMPERSAND_BEFORE_RE = re.compile(r"(?:[A-Z][\w'’.-]*[ ]){1,3}&[ ]$")
_NOT_BEFORE_SUBJECT = frozenset({"to", "of", "like", "as", "between", "is", "was", "are", "were", "than", "and"})


# between a speech verb and the subject of a clause it reports: "noted that", "told
# reporters that the paper's", or nothing at all ("said Trump continued")
_COMPLEMENT_GAP_RE = re.compile(
    r"\s*(?:(?:[\w'’.-]+\s+){0,4}?that\s+)?(?:(?:the|a|an|his|her|their|its|[\w.-]+['’]s?)\s+){0,2}"
)
# between a name and the verb of a relative clause on it: "Chris Christie, who say"
_RELATIVE_GAP_RE = re.compile(r"\s*,?\s*(?:who|which)\b[^,;:—–\x01“”\"()]*")
_COMPARED_RE = re.compile(r"\b(?:as|than)\s+(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord)\.?\s+)?$")
_NOT_IN_GAP = frozenset(
    {"and", "but", "or", "while", "as", "because", "when", "although", "after", "before", "since", "if"}
)


def _embedded_cue(doc: Doc, cue: Cue, outer: Cue | None) -> bool:
    """Is the cue's speaker inside another clause: a clause reported by an earlier speech
    verb of the sentence ("He noted that Sanders has acknowledged ...") or a relative
    clause ("..., Govs. Jeb Bush and Chris Christie, who say ...")?

    Such a speaker is not what the sentence is about, so a later "he" means the
    sentence's own subject when it fits.
    """
    mention = cue.mention
    if mention is None or mention.kind not in ("name", "pronoun", "role"):
        return False
    m = doc.masked
    if mention.end <= cue.start and _RELATIVE_GAP_RE.fullmatch(m, mention.end, cue.start):
        return True
    if outer is None or mention.start < outer.end:
        return False
    if _COMPARED_RE.search(m, max(outer.end, mention.start - 12), mention.start):
        return True  # "said the situation was not as “dramatic” as Mr Renner believed": a comparison
    if mention.start - outer.end > 60:
        return False
    if _COMPLEMENT_GAP_RE.fullmatch(m, outer.end, mention.start) is None:
        return False
    return _NOT_IN_GAP.isdisjoint(m[outer.end : mention.start].lower().split())


_QUESTION_WORDS = frozenset({"whether", "if", "which", "what", "how", "why", "when", "where", "who", "about"})


_QUOTING_RE = re.compile(r"\s*,?\s*quoting\s+(?=\S)")  # ("citing" gives reasons more than sources)


def _someone(mention: Mention, people: People) -> bool:
    """A person, unnamed sources or a body quoted in turn, not a document or a thing
    ("quoting Comey's statement", "quoting a reporter's tweet": the words stay the cue's)."""
    last = mention.text.replace("’", "'").split()[-1].lower() if mention.text.split() else ""
    if last in DOCUMENT_NOUNS or last.endswith("'s"):
        return False
    if mention.kind == "name":
        return True
    return mention.kind in ("anonymous", "role") or speaker_like(mention.text)


def _quoted_source(doc: Doc, cue: Cue) -> Mention | None:
    """The source a cue quotes in turn: "X said, quoting Y", "X quoted Y (as) saying"."""
    m = doc.masked
    se = doc.sents[cue.sent][1] if doc.sents else len(m)
    hit = _QUOTING_RE.match(m, cue.end) if "quoting" in m[cue.end : cue.end + 12] else None
    if hit is not None:
        got = np_after(doc, hit.end(), se)
        return got if got is not None and got.kind in ("name", "role", "anonymous", "np") else None
    if cue.word.lower() in ("quoted", "quotes", "cited", "cites"):
        # "“…,” TASS agency quoted the Kremlin saying": the verb's object speaks
        after = _QUOTED_AFTER_RE.match(m, cue.end, se)
        if after is None and _TAG_BEFORE_RE.search(m, max(0, cue.start - 40), cue.start):
            after = _QUOTED_OBJECT_RE.match(m, cue.end, se)  # "“…,” the newspaper quotes a source close to the firm."
        if after is None:
            return None
        got = classify_np(doc, after.start(1), after.end(1))
        return got if got is not None and got.kind in ("name", "role", "anonymous", "np") else None
    if cue.word.lower() not in _QUOTED_VERBS:
        return None
    ss = doc.sents[cue.sent][0] if doc.sents else 0
    before = _QUOTED_BEFORE_RE.search(m, max(ss, cue.start - 80), cue.start) or _REPORTED_AS_RE.search(
        m, max(ss, cue.start - 80), cue.start
    )  # (and "Reuters reported BaFin as saying": BaFin)
    if before is not None:
        # "TASS agency quoted the Kremlin as saying": the participle's speaker is the object
        got = classify_np(doc, before.start(1), before.end(1))
        return got if got is not None and got.kind in ("name", "role", "anonymous", "np") else None
    return None


_QUOTED_BEFORE_RE = re.compile(r"\b(?:quoted|quotes|cited|cites)\s+([^,;:\x01\n]{1,60}?)\s+(?:as\s+)?$")
_REPORTED_AS_RE = re.compile(r"\b(?:reported|reports)\s+([^,;:\x01\n]{1,60}?)\s+as\s+$")
_QUOTED_AFTER_RE = re.compile(
    r"\s+([^,;:\x01\n]{1,60}?)\s+(?:as\s+)?(?:saying|telling|stating|writing|adding|warning|claiming)\b"
)
_TAG_BEFORE_RE = re.compile(r"\x01[\"”’']?,?[\"”’']?\s+(?:[\w'’.-]+\s+){0,3}$")  # ("“…,” the newspaper quotes")
_QUOTED_OBJECT_RE = re.compile(r"\s+([^,;:\x01\n.]{1,60}?)\s*[.;]")
_QUOTED_VERBS = frozenset({"saying", "telling", "stating", "writing", "adding", "warning", "claiming"})


def _in_headline(doc: Doc, pos: int) -> bool:
    """Is `pos` in the article's first lines before its first sentence, a headline and a
    standfirst (lines with no full stop at their end)?"""
    for ps, pe in doc.paras[:3] if not doc.offset else ():
        if doc.text[ps:pe].rstrip().endswith("."):
            return False
        if pos < pe:
            return True
    return False


def _asks_question(doc: Doc, cue: Cue) -> bool:
    """ "asked (Sanders) whether ...": a question, which someone else answers next (not
    "asked her to call": a request, which its maker goes on to explain)."""
    toks = tokens_in(doc, cue.end, cue.end + 60, 4)
    if any(t[2].lower() in _QUESTION_WORDS for t in toks):
        return True
    if _question_follows(doc, cue.end):
        return True  # "a reporter asked Montoya-Lewis, “What do you see …?”"
    # "“That would be you?” Borger asked.": the quotation just before asks
    head = cue.mention.start if cue.mention is not None and cue.mention.start < cue.start else cue.start
    before = doc.text[max(0, head - 4) : head].rstrip()
    return before[-2:-1] == "?" and before[-1:] in "\"”’'"


_ASKED_WHOM_RE = re.compile(r"\s+([A-Z][\w'’.\-]+(?:\s[A-Z][\w'’.\-]+){0,3}),?\s*[“\"]")
# (after whom it asks, if said: "asked Montoya-Lewis, “What …?”")
_QUOTED_QUESTION_RE = re.compile(r"(?:\s+[\w'’.\-]+){0,4}\s*,?\s*[“\"][^”\"\n]{1,400}\?[”\"]")


def _question_follows(doc: Doc, pos: int) -> bool:
    """Does a quoted question open right at `pos` (after a comma)?"""
    return _QUOTED_QUESTION_RE.match(doc.text, pos) is not None


def _addressee(doc: Doc, cue: Cue, people: People) -> tuple[int, str, str] | None:
    """The person a question is put to ("asked Sanders whether ..."), as a history entry."""
    toks = tokens_in(doc, cue.end, cue.end + 80, 6)
    k = 0
    while k < len(toks) and toks[k][2][0].isupper() and (k == 0 or joined(doc.masked, toks[k - 1], toks[k])):
        k += 1
    quoted = k > 0 and _question_follows(doc, toks[k - 1][1])  # "asked Montoya-Lewis, “What …?”"
    if k == 0 or not quoted and (k == len(toks) or toks[k][2].lower() not in _QUESTION_WORDS):
        return None
    if doc.masked[cue.end : toks[0][0]].strip() or not quoted and doc.masked[toks[k - 1][1] : toks[k][0]].strip():
        return None  # punctuation between: not the verb's object
    mention = classify_np(doc, toks[0][0], toks[k - 1][1])
    if mention is None or mention.kind != "name":
        return None
    name = people.canonical(mention.text, mention.start)
    if not people.is_person(name):
        return None
    return mention.start, name, people.gender_of(name)


def _bare_definite(text: str) -> bool:
    """ "the businessman", not "a spokesman" nor "the Vermont senator"."""
    words = text.split()
    return len(words) >= 2 and words[0].lower() in ("the", "this") and not any(w[:1].isupper() for w in words[1:])


def _role_referent(role: str, pos: int, people: People, history: list[tuple[int, str, str]]) -> tuple[str | None, str]:
    """The person an unresolved description ("the businessman") most likely names.

    The speaker stays as written, but a later "he" should reach the person, not the
    description: it is resolved like a pronoun of the role's gender, if it has one.
    """
    words = role.lower().split()
    head = head_noun_of(words[-1]) if words else ""
    want = "female" if head in FEMALE_ROLES else "male" if head in MALE_ROLES else ""
    ref, _ = resolve_pronoun("she" if want == "female" else "he" if want == "male" else "", pos, people, history)
    return ref, (people.gender_of(ref) or want) if ref else ""


def _sole_person(people: People, ref: str, pos: int, description: str) -> bool:
    """Is `ref` the one person the article has named before `pos`, near the top ("Hollywood
    star Liam Neeson has held a dinner …. The Ballymena-born actor said")? Then a description
    of a person can mean no one else (but "the woman" may be one the story has not named, and
    a gendered noun wants the person's known gender)."""
    doc = people.doc
    head = head_noun_of(description.lower().split()[-1])
    if not doc.sents or sent_of(doc, pos) > 4 or head in _ANYONE:
        return False
    want = "female" if head in FEMALE_ROLES else "male" if head in MALE_ROLES else ""
    if want and people.gender_of(ref) != want:
        return False
    named = {
        name
        for p, name in people.mentions
        if p < pos and people.is_person(name) and (name.split()[0].lower() in FIRST_NAMES or people.gender_of(name))
    }  # (people by a first name or a known gender: not "Lyric Theatre")
    return named == {ref}


_ANYONE = frozenset("man woman boy girl person child teenager baby victim resident passenger".split())


def _plural_head(text: str) -> bool:
    """Is a role's head noun plural ("the heads of the IMF", not "the head of the IMF")?"""
    words = text.lower().split(" of ", 1)[0].split()
    return bool(words) and words[-1].endswith("s") and singular(words[-1]) != words[-1]


def _teaser_lines(doc: Doc) -> list[tuple[int, int]]:
    """The spans of link teasers' lines ("Also Read: …", "Don’t Miss: …")."""
    text = doc.text
    out = []
    for ps, pe in doc.paras:
        line_start = text.rfind("\n", 0, ps) + 1
        if TEASER_RE.match(text, line_start) is not None:
            out.append((line_start, pe))
    return out


def _plural_verb(doc: Doc, cue: Cue, people: People, speaker: str) -> bool:
    """Does the verb agree with a plural subject ("Blues slam Blackburn", "Birmingham have
    confirmed")? British news makes teams and bodies plural: no one "he" can mean."""
    k = bisect.bisect_left(doc.token_starts, cue.start)
    if k == 0 or doc.gaps[k].strip():
        return False
    before = doc.lows[k - 1]
    mention = cue.mention
    if mention is None or mention.kind != "name":
        return False
    if cue.word in BASE_FORMS:  # "Blues slam": the name right before the verb (not "in his report")
        plural = doc.tokens[k - 1][1] == mention.end
    else:  # "Birmingham have confirmed"
        plural = before in ("have", "are", "were") and k > 1 and doc.tokens[k - 2][1] == mention.end
    if plural and speaker not in people.persons and not people.gender_of(speaker):
        people.groups.add(speaker)  # (a subject of a plural verb is no later "he" or "she")
    return plural
