"""Each quotation to its attribution: a cue, a colon introduction or the last speaker.

Reads the quotation groups (``marks``), the resolved cues and ``People``; returns
``Quote`` records of kind direct, partial or other, each with its speaker, the words
that name the speaker, and the rule that decided it.
"""

from __future__ import annotations

import bisect
import operator
import re
from typing import NamedTuple

from index.lexicon import PRONOUNS_FEMALE, PRONOUNS_GROUP, PRONOUNS_MALE
from index.models import Quote

from .cues import Cue, introduces
from .document import MASK, WINDOW, Doc, near_start, para_of, sent_of, starts_paragraph, starts_sentence
from .kinds import quote_kind
from .marks import Seg
from .mentions import Mention
from .names import name_at
from .naming import described, names_no_speaker
from .orgs import relays
from .people import People
from .records import make_quote
from .roles import HEADS
from .sources import first_clause_subject
from .words import BELIEF_FORMS, FIRST_NAMES, PREPOSITIONS, RELAYING, SUBORDINATORS


class _Last(NamedTuple):
    """The last attributed quotation: its paragraph, speaker, cue and the speaker's mention
    (speaker "": a cue whose source is nobody, rule `rule`)."""

    para: int
    speaker: str
    cue: Cue | None
    named: Mention | None
    rule: str = ""


# cues whose source is found to be nobody: their quotations keep that, not a guess
_NOBODY = frozenset({"document-no-issuer", "not-a-speaker"})


def attach_quotes(
    doc: Doc,
    cues: list[Cue],
    transcripts: list[tuple[int, int, str, int, int]],
    people: People,
) -> list[Quote]:
    """Every quotation group's records: kind, speaker, rule and mention (one per segment)."""
    by_sent: dict[int, list[Cue]] = {}
    for c in cues:
        if c.speaker or c.rule in _NOBODY or (c.mention is not None and c.mention.kind in ("pronoun", "clause")):
            by_sent.setdefault(c.sent, []).append(c)
    groups: dict[int, list[Seg]] = {}
    for seg in doc.segs:
        groups.setdefault(seg.group, []).append(seg)
    out: list[Quote] = []
    for s, e, label, ls, le in transcripts:
        who = people.canonical(label.title(), ls)
        out.append(
            make_quote(doc, s, e, "direct", who, "transcript", Cue(ls, le, ":", 0), Mention("name", label, ls, le))
        )
    ordered = sorted(groups.values(), key=lambda g: g[0].start)
    last: _Last | None = None
    cue: Cue | None
    speaker: str | None
    # where each speaker's cues stand: "“A,” he said. ¶ He admitted … ¶ It was …, he said. ¶
    # “B.”": the speaker's reported paragraphs keep them the one a cue-less quotation continues
    spoke: dict[str, list[int]] = {}
    in_para: dict[int, list[Cue]] = {}  # paragraph -> all its cues
    by_para: dict[int, list[Cue]] = {}  # paragraph -> its cues with a speaker
    paras, pi = doc.paras, 0
    for c in sorted(cues, key=lambda c: c.start):
        while pi + 1 < len(paras) and paras[pi + 1][0] <= c.start:
            pi += 1  # (cues in order: the paragraphs walked once)
        in_para.setdefault(pi, []).append(c)
        if c.speaker:
            spoke.setdefault(c.speaker, []).append(c.start)
            by_para.setdefault(pi, []).append(c)
    for segs in ordered:
        if last is not None and last.speaker in spoke:
            starts = spoke[last.speaker]
            k = bisect.bisect_left(starts, segs[0].open_pos) - 1
            if k >= 0 and para_of(doc, starts[k]) > last.para:
                last = last._replace(para=para_of(doc, starts[k]))
        last = _reported_before(doc, segs, last, by_para, in_para, people) or last
        cue, rule = _attribution(doc, segs, by_sent, last, people)
        continued = rule in ("continuation", "continuation-in-paragraph")
        speaker, named = (cue.speaker, cue.named_by) if cue is not None else (None, None)
        if cue is not None and speaker and rule in _ROLE_RESOLVED and cue.mention is not None:
            if speaker.rsplit(None, 1)[-1] in doc.text[segs[0].start : segs[-1].end]:
                # "“… part of Stuart Rose's strategy,” the chief executive said": someone the words
                # speak of is not who "the chief executive" means here
                speaker, rule, named = described(cue.mention.text, people), "role-as-written", cue.mention
        if continued and last is not None:
            speaker, named = last.speaker or None, last.named
            if not last.speaker:
                rule = last.rule  # the rest of what a document nobody issued says
            newcomer = (
                _introduced_subject(doc, people, segs[0], last, in_para.get(segs[0].para, []))
                if rule == "continuation-in-paragraph"
                else None
            )
            if newcomer is not None:
                speaker, named, rule = newcomer[0], newcomer[1], "introduced-subject"
        kind = quote_kind(doc, segs, cue is not None or continued)
        if kind == "partial" and cue is None and not continued:
            # a clause's worth of someone's words inside the writer's sentence, with no cue:
            # the speaker of this paragraph or the last one goes on, else it is nobody's
            got = _sentence_subject(doc, people, segs[0])
            if got is not None:
                speaker, named = got
                rule = "long-fragment"
            else:
                kind = "other"
        if kind == "other":
            speaker, cue, rule, named = None, None, "not-speech", None
        elif speaker is None:
            pron = (
                cue.mention.text.lower()
                if cue is not None and cue.mention is not None and cue.mention.kind == "pronoun"
                else ""
            )
            want = "male" if pron in PRONOUNS_MALE else "female" if pron in PRONOUNS_FEMALE else ""
            rule = rule if rule in _NOBODY else cue.rule if cue is not None and cue.rule in _NOBODY else "unattributed"
            few = kind == "partial" and len(doc.text[segs[0].start : segs[-1].end].split(None, 2)) <= 2
            if pron not in ("it", "i", "we") and pron not in PRONOUNS_GROUP and rule == "unattributed" and not few:
                # (what "it calls ..." names is a thing or a body, "they" are more than one, and
                # the "I" of a first-person article is its writer: never the person nearby; a
                # word or two quoted, "the necessary 'chip' technology", is no one's guessed)
                speaker, named = _nearby_person(doc, people, segs[0], last, want)
                if speaker is not None:
                    rule = "nearby-person"
        for seg in segs:
            if seg.end > seg.start and doc.text[seg.start : seg.end].strip():
                out.append(make_quote(doc, seg.start, seg.end, kind, speaker, rule, cue, named))
        if speaker and kind != "other":
            last = _Last(segs[-1].para, speaker, cue, named)
        elif rule in _NOBODY and kind != "other":
            last = _Last(segs[-1].para, "", cue, named, rule)
        if cue is not None and kind == "direct" and _attributes_before(doc, segs[-1], cue):
            cue.quote_before = True  # its words are that quotation: the tail is no reported speech
    return out


def _reported_before(
    doc: Doc,
    segs: list[Seg],
    last: _Last | None,
    by_para: dict[int, list[Cue]],
    in_para: dict[int, list[Cue]],
    people: People,
) -> _Last | None:
    """The speaker whose reported words come right before a cue-less quotation, when no
    quotation came between: in the paragraph before ("Carter said that … would not happen.
    ¶ “That's because …”") or in the sentence before ("…, consultant Phil Musser says.
    “Several surveys …”"). The quotation then continues them."""
    first = segs[0]
    para = first.para
    if _cue_follows(doc, segs, in_para):
        return None  # (its own cue follows)
    quoted = last is not None and last.para >= para  # a quotation of its paragraph came first
    if quoted and starts_paragraph(doc, first):
        return None
    if len(doc.text[first.start : segs[-1].end].split()) < 5:
        return None  # (not a title: “Daily Show” host)
    if starts_paragraph(doc, first):
        before = next((c for c in reversed(by_para.get(para - 1, ())) if _reports(c, doc, people)), None)
        if (
            before is None
            or last is not None
            and last.para >= para - 1
            and before.start < _last_close(doc, first.open_pos)
        ):
            return None  # (a quotation came after the report)
        return _Last(para - 1, before.speaker or "", before, before.named_by)
    if not starts_sentence(doc, first):
        return None
    si = sent_of(doc, first.open_pos)
    before = next(
        (
            c
            for c in reversed(by_para.get(para, ()))
            if c.sent == si - 1 and _reports(c, doc, people) and c.start not in people.embedded
        ),
        None,
    )  # (the sentence's own verb, not one it reports: "Knight says 24 companies reported …")
    if before is None or quoted and doc.sents[before.sent][0] < _last_close(doc, first.open_pos):
        return None  # (a quotation came before its sentence ended: it goes on)
    return _Last(para, before.speaker or "", before, before.named_by)


def _cue_follows(doc: Doc, segs: list[Seg], in_para: dict[int, list[Cue]]) -> bool:
    """Does a cue follow the quotation in its last sentence or the next (its own, "“…,” he
    said"), not only further on in a long paragraph (BBC copy puts a story in one)?"""
    cues = in_para.get(segs[-1].para, ())
    first = segs[0].open_pos
    if not cues or cues[-1].start <= first:
        return False  # (most quotations: no cue after them in their paragraph)
    last = sent_of(doc, segs[-1].end)
    for c in reversed(cues):
        if c.start <= first:
            return False
        if c.sent > last + 1:
            continue
        if _attributes_before(doc, segs[-1], c):
            return True  # "“… who knows?” Trump told Britain's ITV television station in …"
        if introduces(doc, c):
            continue  # ("Harris added: “…”" introduces the next quotation)
        if c.sent <= last or _short_tail(doc, c, c.sent):
            return True  # (not "… Mr Doctorow said the only objection would be …": a new report)
    return False


def _last_close(doc: Doc, pos: int) -> int:
    """Where the last quotation before `pos` ends ("“…,” said a Fifa spokesman. … Verroken
    insists … “Chelsea are …”": the reported sentence came after it)."""
    k = bisect.bisect_left(doc.segs, pos, key=_OPEN) - 1
    return doc.segs[k].end if k >= 0 else -1


_OPEN = operator.attrgetter("open_pos")


def _reports(cue: Cue, doc: Doc, people: People) -> bool:
    """A cue of someone's reported speech: "Carter said that ...", not ", said Carter", nor a
    thing's ("The album Exodus ... confirmed his status") nor a question the writer asks
    ("So is that the party's aim, as Kilroy-Silk once declared?": the answer is another's)."""
    speaker = cue.speaker
    if not speaker or not cue.reportable or cue.inverted or cue.noun or cue.quote_before:
        return False
    if " " not in speaker and speaker[:1].isupper() and not people.is_person(speaker):
        return False
    return not doc.text[doc.sents[cue.sent][0] : doc.sents[cue.sent][1]].rstrip(" \n\"”’'").endswith("?")


def _sentence_subject(doc: Doc, people: People, seg: Seg) -> tuple[str, Mention] | None:
    """The person a sentence is about, named as its subject before the quotation ("Paul
    Ryan worried that the safety net was becoming “a hammock that lulls …”")."""
    ss = doc.sents[sent_of(doc, seg.open_pos)][0] if doc.sents else 0
    subj = people.subject_before(seg.open_pos, "")
    if subj is not None and subj[0] >= ss and not names_no_speaker(subj[1]):
        # the sentence's last clause subject, not a name in its object ("Lewandowski ripped FBI
        # Director James Comey for acting as “the judge and the jury”": Lewandowski)
        return subj[1], name_at(doc, subj[0])
    got = first_clause_subject(doc, ss, seg.open_pos)
    if got is None or got.kind != "name":
        return None
    name = people.canonical(got.text, got.start)
    return (name, got) if people.is_person(name) and not names_no_speaker(name) else None


def _attributes_before(doc: Doc, seg: Seg, cue: Cue) -> bool:
    """“...,” X said: the cue follows the closing mark with only its source between."""
    if (
        seg.close_pos is None
        or cue.start < seg.close_pos
        or doc.text[seg.close_pos - 1] not in ",?!"
        and doc.text[seg.close_pos + 1 : seg.close_pos + 2] != ","
    ):  # ("“...,” X said" and "“...”, X said")
        return False
    head = cue.mention.start if cue.mention is not None and seg.close_pos < cue.mention.start < cue.start else cue.start
    gap = doc.masked[seg.close_pos + 1 : head]
    # only the source's title ("Mayor") or determiner: "“...,” the ministry said in a statement",
    # "“...,” GM chairman and chief executive Rick Wagoner said in a statement"
    return all(w[:1].isupper() or w in _SOURCE_WORDS for w in gap.replace(",", " ").split())


_CLAIM_REACH = 70  # "X's claim that Y “…”": the claim's clause holds its words within a few words
_SOURCE_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "one", "another"})
_SOURCE_WORDS = _SOURCE_DETERMINERS | HEADS | {"and", "of", "executive", "senior", "deputy", "vice", "former"}


def _nearby_person(
    doc: Doc, people: People, seg: Seg, last: _Last | None, want: str = ""
) -> tuple[str | None, Mention | None]:
    """A last guess for an unattributed quotation: the person just written about.

    "Valastro praised Christie's leadership. “We need someone ...”" — the subject of
    the sentence before, or the last speaker, when either is at most a paragraph away.
    With `want`, the quote's unresolved "she" or "he" rules out the other gender.
    """
    subj = people.subject_before(seg.open_pos, want)
    near: list[tuple[int, str, Mention | None]] = []
    if subj is not None and seg.para - para_of(doc, subj[0]) <= 1:
        near.append((subj[0], subj[1], name_at(doc, subj[0])))
    if (
        last is not None
        and last.speaker
        and seg.para - last.para <= 1
        and (not want or people.gender_of(last.speaker) in ("", want))
    ):
        near.append((doc.paras[last.para][0], last.speaker, last.named))
    if not near:
        return None, None
    _, speaker, named = max(near, key=lambda x: (x[0], x[1]))
    return speaker, named


def _attribution(
    doc: Doc,
    segs: list[Seg],
    by_sent: dict[int, list[Cue]],
    last: _Last | None,
    people: People,
) -> tuple[Cue | None, str]:
    """The cue attributing a quote group (if any), and the rule that found it."""
    first, final = segs[0], segs[-1]
    # a cue in the sentence of any segment, nearest first
    best: Cue | None = None
    best_d = 1 << 30
    for seg in segs:
        a, b = sent_of(doc, seg.open_pos), sent_of(doc, seg.end)
        for si in (a,) if a == b else {a, b}:  # (a set's order, as it always was)
            for cue in by_sent.get(si, ()):
                if cue.start >= seg.open_pos and cue.end <= seg.end:
                    continue
                d = seg.open_pos - cue.end if cue.end <= seg.open_pos else cue.start - seg.end
                if seg.close_pos is not None and cue.start > seg.close_pos:
                    head = min(cue.start, cue.mention.start if cue.mention is not None else cue.start)
                    if head - seg.close_pos <= 3 and doc.text[seg.close_pos - 1] in ",?!":
                        d = -1  # “...,” the senator said: the classic attribution wins
                if d >= 0 and cue.start > seg.end and introduces(doc, cue) and _ends_inside(doc, seg):
                    continue  # "“… a great year.” Hayes said: “Knowing …”": the colon's cue speaks what follows
                if d >= 0 and cue.end <= seg.open_pos and _in_opening_clause(doc, cue, seg.open_pos):
                    continue  # "After Jerry Brown criticized Bill Clinton, Hillary shot back, “…”": not Brown's
                if cue.source_rule == "possessed-claim":
                    # a claim attributes only the words its own clause holds, a few words on
                    if cue.end > seg.open_pos or d > _CLAIM_REACH:
                        continue
                    if any(cue.end < o.start < seg.open_pos for o in by_sent.get(si, ())):
                        continue  # another verb of speech between: "Bellamy's claim … was denied by Shepherd, who accused …"
                    d = -2  # "Trump's claim that Obama “founded ISIS,” saying …": the claim's words
                if cue.word in BELIEF_FORMS and d >= 0:
                    d += WINDOW  # "He says if people think “...”": a verb of speech first
                if cue.rule in _NOBODY:
                    d += 2 * WINDOW  # ("The rejection signals “...”, said Geert Wilders": a source first)
                if d < best_d:
                    best, best_d = cue, d
    if best is not None:
        if len(segs) == 1 and best.start >= first.end and relays(best.word, best.rule, best.speaker):
            inner = _inner_cue(doc, first, by_sent)
            if inner is not None:
                return inner, "inner-speaker"
        return best, best.rule
    # "“...” Trump said." split into two sentences by the full stop inside the quote
    if final.close_pos is not None:
        si = sent_of(doc, final.end)
        for cue in by_sent.get(si + 1, ()):
            head = cue.mention.start if cue.mention is not None and cue.mention.start < cue.start else cue.start
            if (
                head - final.close_pos <= 40
                and para_of(doc, cue.start) == final.para
                and _ends_sentence(doc, final.close_pos, head)
                and (cue.mention is None or cue.mention.kind == "pronoun" or _short_tail(doc, cue, si + 1))
                and not (introduces(doc, cue) and _ends_inside(doc, final))
            ):  # (the quotation ends its sentence: "'a proxy war' against Russia. X wrote:" does not)
                return cue, cue.rule
    # a colon introduction in the same paragraph or at the end of the previous one
    intro = _colon_intro(doc, first, by_sent)
    if intro is not None:
        return intro, "colon-intro"
    # a paragraph of quotation with no cue continues the previous speaker
    if last is not None and starts_paragraph(doc, first) and 0 < first.para - last.para <= 2:
        return None, "continuation"
    if last is not None and first.para == last.para and (starts_paragraph(doc, first) or starts_sentence(doc, first)):
        return None, "continuation-in-paragraph"
    # the next sentence in the paragraph names the speaker ("“...” He said.")
    si = sent_of(doc, final.end)
    if si + 1 < len(doc.sents) and para_of(doc, doc.sents[si + 1][0]) == final.para and starts_sentence(doc, first):
        # (only a quotation that opens its sentence: words quoted inside the writer's
        # sentence, "Britain keeps an “opt-in” right. Mark Oaten called ...", are a term
        # or someone else's, and the next sentence's speaker is about something else:
        # on PolNeAR 5 in 19 of those were right)
        for cue in by_sent.get(si + 1, ()):
            if (
                cue.mention is not None
                and cue.mention.kind in ("pronoun", "name")
                and (not starts_sentence(doc, first) or cue.mention.kind == "pronoun" or _short_tail(doc, cue, si + 1))
            ):  # (a quoted sentence before a report of someone newly named is not theirs)
                return cue, "speaker-in-next-sentence"
    return None, "unattributed"


def _ends_inside(doc: Doc, seg: Seg) -> bool:
    """Does the quotation end a sentence of its own ("… a great year.”), not the writer's
    sentence going on around it ("… “down the line” he warned:")?"""
    return seg.close_pos is not None and doc.text[seg.start : seg.close_pos].rstrip()[-1:] in (".", "?", "!")


def _inner_cue(doc: Doc, seg: Seg, by_sent: dict[int, list[Cue]]) -> Cue | None:
    """The speaker inside a relayed sentence: "G7 leaders warned any use would meet
    'severe consequences', The Times reported" quotes the leaders, whom the Times relays.
    The nearest cue of the same sentence before the quotation, with a speaker of its own,
    when the quotation sits inside the sentence (not "“…,” the Times reported")."""
    if starts_sentence(doc, seg):
        return None
    found: Cue | None = None
    for cue in by_sent.get(sent_of(doc, seg.open_pos), ()):
        if cue.end <= seg.open_pos and cue.speaker and cue.word.lower() not in RELAYING and cue.rule not in _NOBODY:
            if found is None or cue.end > found.end:
                found = cue
    return found


def _short_tail(doc: Doc, cue: Cue, si: int) -> bool:
    """ "“…” Trump said on Monday.": the cue's sentence is the attribution alone; not "…
    Theresa May said the meets would show the law was unworkable", a new report."""
    end = doc.sents[si][1] if si < len(doc.sents) else len(doc.text)
    after = cue.mention.end if cue.inverted and cue.mention is not None else cue.end
    tail = re.split("[,—–;]", doc.masked[max(after, cue.end) : end], maxsplit=1)[0]
    if MASK in tail and not tail.lstrip().startswith((":", MASK)):
        return False  # "Howard Archer said the MPC “may well …”": its own quoted words, a new report
    words = tail.split()
    if (
        len(words) > 6
        and words[0].lower() in _TIME_PREPOSITIONS
        and _SUBJECT_WORDS.intersection(w.lower() for w in words[2:6])
    ):
        return False  # "Gerrard had said before the game he would decide …": a time, then what he said
    # (", as if he didn't hear her." is an aside; "said of the encounter he had ..." an adjunct)
    return len(words) <= 6 or words[0].lower() in PREPOSITIONS or words[0].lower() in ("of", "about", "to", "as")


_TIME_PREPOSITIONS = frozenset({"before", "after", "during", "on", "in", "last", "earlier", "since"})
_SUBJECT_WORDS = frozenset({"that", "he", "she", "they", "it", "we", "i"})


def _ends_sentence(doc: Doc, close: int, sentence_end: int) -> bool:
    """Does the quotation closing at `close` end its sentence (no words after it)?"""
    return not any(c.isalnum() for c in doc.masked[close + 1 : sentence_end])


def _colon_intro(doc: Doc, seg: Seg, by_sent: dict[int, list[Cue]]) -> Cue | None:
    m = doc.masked
    ps = near_start(doc, seg)
    before = m[ps : seg.open_pos].rstrip()
    if before.endswith(":"):
        si = sent_of(doc, ps + len(before) - 1)
        got = _last_cue_of(doc, si, by_sent)
        if got:
            return got
    if before or seg.para == 0:
        return None
    pps, ppe = doc.paras[seg.para - 1]
    prev = m[pps:ppe].rstrip()
    if prev.endswith(":"):
        return _last_cue_of(doc, sent_of(doc, ppe - 1), by_sent)
    return None


def _last_cue_of(doc: Doc, si: int, by_sent: dict[int, list[Cue]]) -> Cue | None:
    """The cue nearest the end of sentence `si` (the one before its colon)."""
    cues = by_sent.get(si)
    return cues[-1] if cues else None


def _introduced_subject(doc: Doc, people: People, seg: Seg, last: _Last, cues: list[Cue]) -> tuple[str, Mention] | None:
    """ "His friend, Saxon Spence, leader of Devon county Labour group, lays the blame on
    Iraq. “You cannot underestimate …”": a quotation opening the sentence after one whose
    subject is a person named there for the first time is theirs, not the last speaker's."""
    if not doc.sents or not starts_sentence(doc, seg):
        return None
    si = sent_of(doc, seg.open_pos)
    if si == 0 or para_of(doc, doc.sents[si - 1][0]) != seg.para:
        return None
    subj = people.subject_before(seg.open_pos, "")
    if subj is None or subj[0] < doc.sents[si - 1][0] or subj[1] == last.speaker or " " not in subj[1]:
        return None
    at, name = subj
    if not (people.gender_of(name) or name.split()[0].lower() in FIRST_NAMES or name in people.persons):
        return None  # (a person by some evidence: not "Consumer Electronics Show")
    if any(p < at and n == name for p, n in people.mentions):
        return None  # (someone written about before: the usual rules decide)
    ss, se = doc.sents[si - 1]
    if any(ss <= x.open_pos < se for x in doc.segs) or any(c.start >= ss and c.end <= se for c in cues):
        return None  # a sentence of someone's words, or with a verb of speech: not a mere introduction
    surname = name.rsplit(None, 1)[-1]
    if any(x.para == seg.para and x.start >= seg.start and surname in doc.text[x.start : x.end] for x in doc.segs):
        return None  # "… Simon Taylor is an outstanding player": someone else speaks of them
    return name, name_at(doc, at)


_ROLE_RESOLVED = frozenset({"role-salient", "role-stated"})
_OPENERS = SUBORDINATORS | {"once", "until"}


def _in_opening_clause(doc: Doc, cue: Cue, open_pos: int) -> bool:
    """Is the cue inside a clause that opens its sentence with a subordinator and ends at a
    comma before the quotation ("After Jerry Brown criticized Bill Clinton, Hillary …")?"""
    if not doc.sents:
        return False
    ss = doc.sents[cue.sent][0]
    first = doc.masked[ss : ss + 12].split(None, 1)
    if not first or first[0].lower() not in _OPENERS:
        return False
    comma = doc.masked.find(",", ss, open_pos)
    return cue.end <= comma and bool(doc.masked[comma + 1 : open_pos].strip(" “\"‘'"))
