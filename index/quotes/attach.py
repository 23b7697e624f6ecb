"""Each quotation to its attribution: a cue, a colon introduction or the last speaker.

Reads the quotation groups (``marks``), the resolved cues and ``People``; returns
``Quote`` records of kind direct, partial or other, each with its speaker, the words
that name the speaker, and the rule that decided it.
"""

from __future__ import annotations

from index.lexicon import PRONOUNS_FEMALE, PRONOUNS_GROUP, PRONOUNS_MALE, forms_of
from index.models import Quote

from .cues import Cue
from .document import WINDOW, Doc, near_start, para_of, sent_of, starts_paragraph, starts_sentence
from .kinds import quote_kind
from .marks import Seg
from .people import People


def attach_quotes(
    doc: Doc,
    cues: list[Cue],
    transcripts: list[tuple[int, int, str, int, int]],
    people: People,
) -> list[Quote]:
    by_sent: dict[int, list[Cue]] = {}
    for cue in cues:
        if cue.speaker or (cue.mention is not None and cue.mention.kind in ("pronoun", "clause")):
            by_sent.setdefault(cue.sent, []).append(cue)
    groups: dict[int, list[Seg]] = {}
    for seg in doc.segs:
        groups.setdefault(seg.group, []).append(seg)
    out: list[Quote] = []
    for s, e, label, ls, le in transcripts:
        speaker = people.canonical(label.title(), ls)
        out.append(Quote(doc.id, s, e, doc.text[s:e], "direct", speaker, ":", 0.7, label, ls, le))
    ordered = sorted(groups.values(), key=lambda g: g[0].start)
    prev_speaker: tuple[int, str, Cue | None] | None = None  # (para, speaker, cue)
    for segs in ordered:
        cue, conf, how = _attribution(doc, segs, by_sent, prev_speaker)
        speaker = cue.speaker if cue is not None else (prev_speaker[1] if how == "continued" and prev_speaker else None)
        kind = quote_kind(doc, segs, cue is not None or how == "continued")
        if kind == "other":
            speaker, cue, conf = None, None, 0.5
        elif speaker is None:
            pron = (
                cue.mention.text.lower()
                if cue is not None and cue.mention is not None and cue.mention.kind == "pronoun"
                else ""
            )
            want = "male" if pron in PRONOUNS_MALE else "female" if pron in PRONOUNS_FEMALE else ""
            if pron not in ("it", "i", "we") and pron not in PRONOUNS_GROUP:
                # (what "it calls ..." names is a thing or a body, "they" are more than one, and
                # the "I" of a first-person article is its writer: never the person nearby)
                speaker, conf = _nearby_person(doc, people, segs[0], prev_speaker, want)
        for seg in segs:
            if seg.end <= seg.start:
                continue
            s, e = seg.start, seg.end
            text = doc.text[s:e]
            if not text.strip():
                continue
            out.append(
                Quote(
                    doc.id,
                    s,
                    e,
                    text,
                    kind,
                    speaker,
                    cue.word if cue is not None else None,
                    round(max(0.05, min(1.0, conf - (0.15 if seg.close_pos is None and seg is segs[-1] else 0.0))), 2),
                    cue.mention.text if cue is not None and cue.mention is not None else None,
                    cue.start if cue is not None else None,
                    cue.end if cue is not None else None,
                )
            )
        if speaker and kind != "other":
            prev_speaker = (segs[-1].para, speaker, cue)
        if cue is not None and kind == "direct" and _attributes_before(doc, segs[-1], cue):
            cue.quote_before = True  # its words are that quotation: the tail is no reported speech
    return out


def _attributes_before(doc: Doc, seg: Seg, cue: Cue) -> bool:
    """“...,” X said: the cue follows the closing mark with only its source between."""
    if seg.close_pos is None or cue.start < seg.close_pos or doc.text[seg.close_pos - 1] not in ",?!":
        return False
    head = cue.mention.start if cue.mention is not None and seg.close_pos < cue.mention.start < cue.start else cue.start
    gap = doc.masked[seg.close_pos + 1 : head]
    return all(w[:1].isupper() for w in gap.replace(",", " ").split())  # only the source's title ("Mayor")


def _nearby_person(
    doc: Doc, people: People, seg: Seg, prev_speaker: tuple[int, str, Cue | None] | None, want: str = ""
) -> tuple[str | None, float]:
    """A last guess for an unattributed quotation: the person just written about.

    "Valastro praised Christie's leadership. “We need someone ...”" — the subject of
    the sentence before, or the last speaker, when either is at most a paragraph away.
    With `want`, the quote's unresolved "she" or "he" rules out the other gender.
    """
    subj = people.subject_before(seg.open_pos, want)
    near: list[tuple[int, str]] = []
    if subj is not None and seg.para - para_of(doc, subj[0]) <= 1:
        near.append(subj)
    if (
        prev_speaker is not None
        and seg.para - prev_speaker[0] <= 1
        and (not want or people.gender_of(prev_speaker[1]) in ("", want))
    ):
        near.append((doc.paras[prev_speaker[0]][0], prev_speaker[1]))
    if not near:
        return None, 0.2
    return max(near)[1], 0.35


def _attribution(
    doc: Doc,
    segs: list[Seg],
    by_sent: dict[int, list[Cue]],
    prev_speaker: tuple[int, str, Cue | None] | None,
) -> tuple[Cue | None, float, str]:
    """The cue attributing a quote group, how confident we are, and how it was found."""
    first, last = segs[0], segs[-1]
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
                if cue.word in _BELIEF_FORMS and d >= 0:
                    d += WINDOW  # "He says if people think “...”": a verb of speech first
                if d < best_d:
                    best, best_d = cue, d
    if best is not None:
        return best, best.confidence, "cue"
    # "“...” Trump said." split into two sentences by the full stop inside the quote
    if last.close_pos is not None:
        si = sent_of(doc, last.end)
        for cue in by_sent.get(si + 1, ()):
            head = cue.mention.start if cue.mention is not None and cue.mention.start < cue.start else cue.start
            if head - last.close_pos <= 40 and para_of(doc, cue.start) == last.para:
                return cue, cue.confidence - 0.05, "cue"
    # a colon introduction in the same paragraph or at the end of the previous one
    intro = _colon_intro(doc, first, by_sent)
    if intro is not None:
        return intro, max(0.5, intro.confidence - 0.05), "colon"
    # a paragraph of quotation with no cue continues the previous speaker
    if prev_speaker is not None and starts_paragraph(doc, first) and 0 < first.para - prev_speaker[0] <= 2:
        return None, 0.65, "continued"
    if (
        prev_speaker is not None
        and first.para == prev_speaker[0]
        and (starts_paragraph(doc, first) or starts_sentence(doc, first))
    ):
        return None, 0.6, "continued"
    # the next sentence in the paragraph names the speaker ("“...” He said.")
    si = sent_of(doc, last.end)
    if si + 1 < len(doc.sents) and para_of(doc, doc.sents[si + 1][0]) == last.para:
        for cue in by_sent.get(si + 1, ()):
            if cue.mention is not None and cue.mention.kind in ("pronoun", "name"):
                return cue, cue.confidence - 0.2, "cue"
    return None, 0.3, "none"


_BELIEF_FORMS = frozenset(forms_of(["think", "believe"]))


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
