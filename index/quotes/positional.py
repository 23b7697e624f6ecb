"""Cues found by position alone, next to a quotation that has none in its sentence.

Reads the document and the lexicon's cues; returns the extra cues: a verb outside the
lexicon after a quotation ("“...” Toomey fumed", "“...” remembered Roy Verley"), a
colon introduction ("Rubio fired back: “...”", "- Philip Bump: “...”") and a
"- Name" line under a quotation paragraph.
"""

from __future__ import annotations

import re

from index.lexicon import FUNCTION_WORDS, PERSON_NOUNS

from .cues import Cue
from .document import WINDOW, Doc, joined, near_start, para_of, sent_of, tokens_in
from .marks import START, Seg
from .mentions import Mention, classify_np
from .roles import PERSON_HEADS
from .skippable import strip_skippable
from .sources import HERE_IS_HOW_RE, clause_subject, subject_of_clause
from .words import MODALS, STOP_HEAD, cap

_ADHOC_SUBJECT = (
    r"((?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,4}?[A-Z][\w'’-]*|he|she|they|[Tt]he[ \t\u00a0]+[a-z]+"
    r"|an?[ \t\u00a0]+[a-z]+[ \t\u00a0]+(?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,3}?[A-Z][\w'’-]*)"  # "an angry Hollande"
)
_ADHOC_AFTER_RE = re.compile(rf"[ \t\u00a0]*,?[ \t\u00a0]*{_ADHOC_SUBJECT}[ \t\u00a0]+([a-z]{{3,}}(?:ed|es|s))\b")
# after “...,” / “...?” any verb will do ("“...,” Bennett shot back")
_ADHOC_INVERTED_RE = re.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]*([a-z]{3,}ed)[ \t\u00a0]+"
    r"((?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,4}[A-Z][\w'’-]*)(?=[,.;!?(]|$)"
)
# a byline-style attribution line under a quote: "- Bernie Sanders."
_DASH_LINE_RE = re.compile(r"[-–—]\s*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s*[.,]?")
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]+([a-z]+)\b")
_ADHOC_AFTER_COMMA_RE = re.compile(rf"[ \t\u00a0]*{_ADHOC_SUBJECT}[ \t\u00a0]+([a-z]{{3,}})\b")


def add_adhoc_cues(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """Cues the lexicon misses, next to a quotation that has none in its sentence.

    "“...” Toomey fumed." and "Jared Potts echoed: “...”" attribute by position
    alone; a colon that introduces a quotation names whoever is the subject before it.
    """
    with_cue = {c.sent for c in cues}
    last_end: dict[int, int] = {}  # sentence -> where its last lexicon cue ends
    for c in cues:
        last_end[c.sent] = max(last_end.get(c.sent, -1), c.end)
    added: list[Cue] = []
    groups: dict[int, list[Seg]] = {}
    for x in doc.segs:
        groups.setdefault(x.group, []).append(x)
    for group in groups.values():
        seg = group[0]
        last = group[-1]
        if any(sent_of(doc, x.open_pos) in with_cue or sent_of(doc, x.end) in with_cue for x in group):
            cue = _colon_override(doc, seg, last_end)
            if cue is not None:
                added.append(cue)
            continue
        cue = _adhoc_after(doc, last) or _adhoc_before(doc, seg, with_cue)
        if cue is not None:
            added.append(cue)
            with_cue.add(cue.sent)
    if not added:
        return cues
    return sorted(cues + added, key=START)


def _colon_override(doc: Doc, seg: Seg, last_end: dict[int, int]) -> Cue | None:
    """“When Trump suggested X, Rubio fired back: “...”": the clause before the colon speaks.

    Only when every lexicon cue of the sentence sits before that clause's comma.
    """
    m = doc.masked
    ps = near_start(doc, seg)
    before = m[ps : seg.open_pos].rstrip()
    if not before.endswith(":"):
        return None
    colon = ps + len(before) - 1
    si = sent_of(doc, colon)
    ss = doc.sents[si][0]
    named = _name_before_colon(doc, ss, colon)
    if named is not None:
        return Cue(
            colon, colon + 1, ":", si, mention=named, reportable=False, source_rule="before-colon"
        )  # "- Carl Bialik: “"
    comma = m.rfind(",", ss, colon)
    if comma < 0 or last_end.get(si, -1) > comma:
        return None
    mention = subject_of_clause(doc, comma + 1, _clause_verb_start(doc, comma + 1, colon))
    if mention is None or mention.kind not in ("name", "pronoun", "role", "anonymous"):
        return None
    return Cue(colon, colon + 1, ":", si, mention=mention, reportable=False, source_rule="before-colon")


def _clause_verb_start(doc: Doc, cs: int, end: int) -> int:
    """Where the first verb-like word of a clause starts (the end if none)."""
    toks = tokens_in(doc, cs, end)
    for t in toks[1:]:
        w = t[2]
        if w[:1].islower() and w.isalpha() and w not in FUNCTION_WORDS and w not in STOP_HEAD:
            return strip_skippable(doc, cs, t[0])
    return end


def _adhoc_after(doc: Doc, seg: Seg) -> Cue | None:
    if seg.close_pos is None:
        return None
    pe = doc.paras[seg.para][1]
    hit = _ADHOC_AFTER_RE.match(doc.masked, seg.close_pos + 1, pe)
    if hit is None and doc.text[seg.close_pos - 1] in ",?!":
        hit = _ADHOC_AFTER_COMMA_RE.match(doc.masked, seg.close_pos + 1, pe)
        if hit is not None and (
            hit.group(2) in FUNCTION_WORDS or hit.group(2) in STOP_HEAD or hit.group(2) in PERSON_HEADS
        ):
            hit = None  # (“…,” Italy's Northern League leader Matteo Salvini wrote: "leader" is no verb)
    if not hit:
        return _adhoc_inverted(doc, seg, pe) or _verdict_of(doc, seg, pe) or _dash_line(doc, seg)
    if doc.text[seg.close_pos - 1] == "." and _long_report(doc, hit.end()):
        return None  # "“… a bully.” Mr Blair retorted voters remembered …": a new report, not a tag
    nxt = _NEXT_WORD_RE.match(doc.masked, hit.end())
    if nxt is not None and nxt.group(1) in MODALS:
        return None  # "“… not know.” Natural interfaces will develop": a plural noun, no verb
    mention = classify_np(doc, hit.start(1), hit.end(1))
    if mention is None or mention.kind not in ("name", "pronoun", "role", "anonymous"):
        return None
    if mention.kind == "name" and "-" in mention.text and mention.text.rsplit("-", 1)[1][:1].islower():
        return None  # "a group in “We are Orlando” T-shirts marched": a thing, not a speaker
    return _verb_after_quote(doc, hit, 2, mention)


def _long_report(doc: Doc, pos: int) -> bool:
    """Does the sentence go on past a verb at `pos` with a clause of its own (more than six
    words before any comma)?"""
    end = doc.sents[sent_of(doc, pos)][1] if doc.sents else len(doc.masked)
    return len(re.split("[,;—–]", doc.masked[pos:end], maxsplit=1)[0].split()) > 6


def _adhoc_inverted(doc: Doc, seg: Seg, pe: int) -> Cue | None:
    """“...” remembered Roy Verley, HP's former spokesman."""
    return _named_after(doc, seg, pe, _ADHOC_INVERTED_RE, 1, 2)


# "“…,” is the dry assessment of Graham Lane": the quotation is the verdict of whoever it names
_VERDICT_RE = re.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]*(?:is|was|were|are)[ \t\u00a0]+the[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+){0,2}"
    r"(assessment|verdict|view|opinion|conclusion|message|advice|warning|prediction|reaction|response|plea)"
    r"[ \t\u00a0]+of[ \t\u00a0]+((?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,4}[A-Z][\w'’-]*)(?=[,.;!?(]|$)"
)


def _verdict_of(doc: Doc, seg: Seg, pe: int) -> Cue | None:
    return _named_after(doc, seg, pe, _VERDICT_RE, 1, 2)


def _named_after(doc: Doc, seg: Seg, pe: int, pattern: re.Pattern[str], verb: int, name: int) -> Cue | None:
    """A pattern right after the closing mark whose group `name` is a name: the cue at group `verb`."""
    if seg.close_pos is None:
        return None
    hit = pattern.match(doc.masked, seg.close_pos + 1, pe)
    if not hit:
        return None
    mention = classify_np(doc, hit.start(name), hit.end(name))
    if mention is None or mention.kind != "name":
        return None
    return _verb_after_quote(doc, hit, verb, mention, inverted=True)


def _verb_after_quote(doc: Doc, hit: re.Match[str], group: int, mention: Mention, inverted: bool = False) -> Cue:
    """The cue of a verb the lexicon lacks, in group `group` of `hit`, right after a quotation."""
    s, e = hit.span(group)
    return Cue(
        s,
        e,
        hit.group(group),
        sent_of(doc, s),
        mention=mention,
        inverted=inverted,
        reportable=False,
        source_rule="verb-after-quote",
    )


def _dash_line(doc: Doc, seg: Seg) -> Cue | None:
    """A quote paragraph followed by a line "- Bernie Sanders." names its speaker."""
    if seg.para + 1 >= len(doc.paras) or doc.text[seg.end : doc.paras[seg.para][1]].strip(' ”".,'):
        return None
    ns, ne = doc.paras[seg.para + 1]
    hit = _DASH_LINE_RE.fullmatch(doc.masked, ns, ne)
    if not hit:
        return None
    mention = classify_np(doc, hit.start(1), hit.end(1))
    if mention is None or mention.kind != "name":
        return None
    # the cue lives in the quote's sentence so that attribution finds it
    return Cue(ns, ns + 1, "—", sent_of(doc, seg.end), mention=mention, reportable=False, source_rule="dash-line")


def _adhoc_before(doc: Doc, seg: Seg, with_cue: set[int]) -> Cue | None:
    ps = near_start(doc, seg)
    m = doc.masked
    if doc.text[ps : seg.open_pos].strip():
        end = seg.open_pos
    elif seg.para > 0:
        # a colon at the end of the previous paragraph introduces this one
        pps, ppe = doc.paras[seg.para - 1]
        if not m[pps:ppe].rstrip().endswith(":"):
            return None
        end = ppe
    else:
        return None
    start = max(doc.paras[para_of(doc, end - 1)][0], end - WINDOW)
    before = m[start:end]
    if not before.rstrip().endswith((":", ",")):
        return None
    if before.rstrip().endswith(",") and len(doc.text[seg.start : seg.end].split(None, 3)) <= 3:
        return None  # 'the next release of Windows, "Longhorn".': a name in apposition, no words said
    colon = len(before.rstrip()) - 1 + start
    si = sent_of(doc, colon)
    if si in with_cue:
        return None
    ss = doc.sents[si][0] if doc.sents else 0
    lead = HERE_IS_HOW_RE.match(m, ss, colon)
    if lead is not None:
        ss = lead.end()  # "Here's how the CNN report began:": the clause after "how"
    mention = _name_before_colon(doc, ss, colon) or clause_subject(doc, ss, colon)
    if mention is None:
        return None
    return Cue(colon, colon + 1, ":", si, mention=mention, reportable=False, source_rule="before-colon")


def _noun_before_name(word: str) -> bool:
    """A title before a name ("boss", "controller", "nurse"), not a verb ("told") or a
    medium ("newspaper"): then the name speaks."""
    low = word.lower()
    return low in PERSON_HEADS or low in PERSON_NOUNS


def _name_before_colon(doc: Doc, ss: int, colon: int) -> Mention | None:
    """ "... - Philip Bump: “...”": a full name right before the colon speaks."""
    toks = tokens_in(doc, ss, colon)
    run: list[tuple[int, int, str]] = []
    for t in reversed(toks[-5:]):
        if not cap(t[2]) or (run and not joined(doc.masked, t, run[0])):
            break
        run.insert(0, t)
    if len(run) < 2 or doc.masked[run[-1][1] : colon].strip():
        return None
    before = doc.masked[max(ss, run[0][0] - 3) : run[0][0]].strip()
    title = doc.masked[max(ss, run[0][0] - 20) : run[0][0]].split()[-1:]
    if run[0][0] > ss and before[-1:].isalnum() and not (title and _noun_before_name(title[0])):
        # "told Fox News:": the name after a verb is the listener ("City boss Kevin Keegan:",
        # "BBC Two controller Roly Keating:" speak)
        return None
    got = classify_np(doc, run[0][0], run[-1][1])
    return got if got is not None and got.kind == "name" and len(got.text.split()) >= 2 else None
