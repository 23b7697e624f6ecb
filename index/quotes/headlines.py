"""Headlines, subheadings and link teasers: whose words their quotations are.

News style gives a quotation in a headline to the one the line names: "Zelensky Says US
Politicians ‘Don’t Care About Ukraine’", "‘Aren’t They Fools?’: Putin Says ...",
"Estonian Prime Minister calls for ...", "Israel turns down ...; ‘it’s not the right
time’", "... Dismissed As ‘Fake’ Intel Story By Kremlin", often in title case, where the
lexicon's cues look like names. A line of that kind that names nobody quotes a term or
a phrase of the writer's ("Warning US hospitals are ‘most vulnerable ...’", a
subheading "‘Really want’ peace"): no quotation. A link teaser ("TRENDING:", "Also
Read:") quotes like a headline, and its label is furniture, never a speaker.

The speaker is the one the body gives the words to: the body's quotation of the same
words, else the person the headline names (by the fullest name the article gives), else
for a description ("Alarmists", "the Estonian prime minister") the body's speaker
named most like it, or the body's first speaker.

Reads the document, People and the records made so far; returns the records with the
quotations of these lines decided (rules ``headline-same-words``, ``headline-named``,
``headline-unnamed``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from index.lexicon import FUNCTION_WORDS
from index.models import Quote

from .cues import Cue
from .document import MASK, Doc, sent_of, tokens_in
from .kinds import names_words
from .marks import Seg
from .mentions import Mention, classify_np
from .people import People
from .records import make_quote
from .rules import SPEAKERLESS
from .sources import clause_subject, subject_of_clause
from .words import ACCUSED, ALL_CUE_FORMS, BELIEF_FORMS, DETERMINERS, ORG_HEADS, ROLE_NOUNS

# the label of a link teaser or a section, then its colon ("TRENDING:", "Don’t Miss:")
TEASER_RE = re.compile(
    r"(?:also read|read also|read more|more|related(?: articles?| stories| news| content)?|trending(?: now)?"
    r"|don[’']t miss|do not miss|must read|see also|recommended|top stories|watch|listen|latest"
    r"|breaking(?: news)?|exclusive|editor[’']s picks?|most read)\s*:\s*",
    re.I,
)
# verbs of attitude that a headline uses for what its subject says ("Experts Concerned Russia ...")
_ATTITUDE = frozenset({"concerned", "fear", "fears", "feared", "worried", "warned"})
_CUES = (ALL_CUE_FORMS | BELIEF_FORMS | _ATTITUDE) - {"according"}
_SEPARATORS = (":", ";", " -", " –", " —")
_MAX_SUBHEADING_WORDS = 10
_MAX_HEADLINE_WORDS = 40
_NON_SPACE_RE = re.compile(r"\S")
_WORD_RE = re.compile(r"[\w’']+")


def unskip_headline(text: str, skip: Sequence[tuple[int, int]]) -> Sequence[tuple[int, int]]:
    """The boilerplate spans without the headline repeated as a line of the body (a page's
    title above its story): read like the headline, its quotations are the headline's."""
    nl = text.find("\n")
    title = text[:nl].strip() if nl > 0 else ""
    if not title or not skip:
        return skip
    n = len(title)
    kept = [s for s in skip if not (s[0] > nl and n <= s[1] - s[0] <= n + 4 and text[s[0] : s[1]].strip() == title)]
    return kept if len(kept) < len(skip) else skip


def headline_lines(doc: Doc, only: Iterable[int] | None = None) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of the lines that quote like a headline: the article's first
    line (and the same line repeated), a link teaser (from after its label), a subheading
    (a short line between paragraphs with no full stop). With `only`, among those
    paragraphs (the ones that hold a quotation: the others need no decision)."""
    out: list[tuple[int, int, int]] = []
    text = doc.text
    first = ""
    if doc.paras and doc.offset == 0 and len(doc.paras) > 1 and text.rfind("\n", 0, doc.paras[0][0]) < 0:
        ps, pe = doc.paras[0]
        if not TEASER_RE.match(text, 0) and _reads_as_headline(doc, ps, pe):
            first = text[ps:pe]
    for pi in range(len(doc.paras)) if only is None else sorted(only):
        ps, pe = doc.paras[pi]
        line_start = text.rfind("\n", 0, ps) + 1
        label = TEASER_RE.match(text, line_start)
        if label is not None and label.end() <= pe:
            s = max(ps, label.end())
            if s < pe:
                out.append((pi, s, pe))
        elif pi == 0:
            if first:
                out.append((pi, ps, pe))
        elif first and pe - ps == len(first) and text[ps:pe] == first:
            out.append((pi, ps, pe))  # the headline again, as the first line of the body
        elif pi < len(doc.paras) - 1 and _subheading(doc, ps, pe):
            out.append((pi, ps, pe))
    return out


def _reads_as_headline(doc: Doc, ps: int, pe: int) -> bool:
    """The first line heads the text when it is one short sentence that introduces nothing
    (a lead paragraph of a text without its title is longer, or several sentences)."""
    if len(doc.text[ps:pe].split(None, _MAX_HEADLINE_WORDS)) > _MAX_HEADLINE_WORDS or doc.masked[
        ps:pe
    ].rstrip().endswith(":"):
        return False
    si = sent_of(doc, ps)
    return si + 1 >= len(doc.sents) or doc.sents[si + 1][0] >= pe


def _subheading(doc: Doc, ps: int, pe: int) -> bool:
    """A short line of its own, with a quotation and no full stop ("‘Really want’ peace")."""
    k = doc.masked.find(MASK, ps, pe)
    if k < 0 or doc.masked[ps:k].rstrip(" '\"‘“«‹„").endswith(":"):
        return False  # (a quotation a colon introduces is a sentence's: "The envoy said: “…")
    line = doc.text[ps:pe].rstrip(" '\"’”»›″")
    if not line or line[-1] in ".!?…:;,)" or len(line.split()) > _MAX_SUBHEADING_WORDS:
        return False
    # (text follows: looked for from `pe` on, not by copying the rest of a long article)
    return _NON_SPACE_RE.search(doc.masked, pe) is not None and doc.text[ps:pe] != doc.text[ps:pe].lower()


def decide_headlines(doc: Doc, quotes: list[Quote], people: People) -> list[Quote]:
    """The records of `quotes` whose quotations stand in headline-like lines, decided here."""
    if not doc.segs:
        return quotes
    segs_in: dict[int, list[Seg]] = {}
    for seg in doc.segs:
        segs_in.setdefault(seg.para, []).append(seg)
    lines = headline_lines(doc, segs_in)
    if not lines:
        return quotes
    at = doc.offset
    spans = [(s + at, e + at) for _, s, e in lines]
    body = [q for q in quotes if q.speaker and not any(s <= q.start < e for s, e in spans)]
    out = list(quotes)
    for pi, ls, le in lines:
        segs = [seg for seg in segs_in[pi] if seg.start >= ls]
        if not segs:
            continue
        named, cue = _named(doc, ls, le, segs)
        for seg in segs:
            i = next((k for k, q in enumerate(out) if q.start == seg.start + at and q.kind != "reported"), None)
            cued = i is not None and _cued_in_line(out[i], ls + at, le + at)
            if cued and (named is None or named.kind == "pronoun"):
                continue  # a cue of the line's own that the lexicon found: "“...,” he said"
            if named is None or named.kind == "pronoun":
                q = make_quote(doc, seg.start, seg.end, "other", None, "headline-unnamed")
            elif _epithet(doc, seg, named) or names_words(doc, seg.open_pos):
                # (and "Baywatch dubbed ‘worst TV import’": a name given, nobody's words)
                q = make_quote(doc, seg.start, seg.end, "other", None, "not-speech")
            else:
                teaser = TEASER_RE.match(doc.text, doc.text.rfind("\n", 0, ls) + 1) is not None
                speaker, rule = _speaker(doc, people, body, named, doc.text[seg.start : seg.end], teaser)
                kind = "direct" if _opens_line(doc, seg, ls) else "partial"
                if cued and i is not None and out[i].kind != "other":
                    kind = out[i].kind  # (the kind the line's own cue gave it)
                q = make_quote(doc, seg.start, seg.end, kind, speaker, rule, cue, named)
            if i is None:
                if seg.end > seg.start and doc.text[seg.start : seg.end].strip():
                    out.append(q)
            else:
                out[i] = q
        if named is not None and named.kind != "pronoun":
            # the line's reported clause speaks with its quotations' speaker
            lead = next((q for q in out if ls + at <= q.start < le + at and q.kind in ("direct", "partial")), None)
            for k, q in enumerate(out):
                if q.kind == "reported" and ls + at <= q.start < le + at and lead is not None and lead.speaker:
                    out[k] = _as(q, lead)
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _as(q: Quote, other: Quote) -> Quote:
    return replace(
        q,
        speaker=other.speaker,
        rule=other.rule,
        confidence=other.confidence,
        speaker_mention=other.speaker_mention,
        mention_start=other.mention_start,
        mention_end=other.mention_end,
    )


def _cued_in_line(q: Quote, ls: int, le: int) -> bool:
    """Was the record attributed by a cue whose source stands in the line?"""
    return bool(q.speaker) and q.mention_start is not None and ls <= q.mention_start < le


def _epithet(doc: Doc, seg: Seg, named: Mention) -> bool:
    """ "says ‘Doctor Doom’ Nouriel Roubini": a quotation right before the name it calls."""
    return (
        seg.close_pos is not None
        and named.start > seg.close_pos
        and not doc.masked[seg.close_pos + 1 : named.start].strip()
    )


def _opens_line(doc: Doc, seg: Seg, ls: int) -> bool:
    """ "‘Aren’t They Fools?’: Putin Says": the quotation is the line's first words."""
    return not doc.text[ls : seg.open_pos].strip(" -–—•*")


def _named(doc: Doc, ls: int, le: int, segs: list[Seg]) -> tuple[Mention | None, Cue | None]:
    """The speaker the line names, and its cue: the subject of a verb of speech (or the
    agent of a passive one), else the subject of the clause a colon or a semicolon ends
    right before a quotation."""
    toks = tokens_in(doc, ls, le)
    m = doc.masked
    for k, (s, e, w) in enumerate(toks):
        low = w.lower()
        if low not in _CUES:
            continue
        prev = toks[k - 1][2].lower() if k else ""
        if prev in DETERMINERS or prev.endswith(("'s", "’s")):
            continue  # "the call", "Trump's warning": a noun
        cue = Cue(s, e, low, sent_of(doc, s))
        if low.endswith("ed"):
            agent = _agent(doc, toks[k + 1 :])
            if agent is not None:
                return agent, cue
            if low in ACCUSED and k + 1 < len(toks) and toks[k + 1][2].lower() in ("of", "over"):
                continue  # "Labour accused of ‘EU propaganda’": the accusers' words, not Labour's
        if k and "," in doc.gaps[bisect.bisect_left(doc.token_starts, s)]:
            after = _name_after(doc, toks[k + 1 :])  # "..., says ‘Doctor Doom’ Nouriel Roubini"
            if after is not None:
                cue.mention, cue.inverted = after, True
                return after, cue
            continue
        cs = _clause_start(m, ls, s)
        got = subject_of_clause(doc, cs, s) if cs < s else None
        if got is not None and got.kind in ("name", "role", "anonymous", "np", "pronoun") and got.text:
            cue.mention = got
            return got, cue
    for seg in segs:
        before = m[ls : seg.open_pos].rstrip()
        if before.endswith((":", ";", "-", "–", "—")) and len(before) > 1:
            sep = ls + len(before) - 1
            cs = _clause_start(m, ls, sep)
            got = clause_subject(doc, cs, sep)
            if got is not None and got.kind in ("name", "role", "anonymous", "np") and got.text:
                return got, Cue(sep, sep + 1, ":", sent_of(doc, sep), mention=got)
    return None, None


def _clause_start(m: str, ls: int, pos: int) -> int:
    """Where the clause holding `pos` starts in the line: after the last separator or quotation."""
    cs = ls
    for sep in (*_SEPARATORS, MASK):
        k = m.rfind(sep, ls, pos)
        if k >= 0:
            cs = max(cs, k + len(sep))
    while cs < pos and m[cs] in " \t'\"’”»›″":
        cs += 1
    return cs


def _agent(doc: Doc, toks: Sequence[tuple[int, int, str]]) -> Mention | None:
    """ "Dismissed As ‘Fake’ Intel Story By Kremlin": the capitalised words after "by"."""
    for k, (_, _, w) in enumerate(toks):
        if w.lower() == "by":
            return _name_after(doc, toks[k + 1 :])
    return None


def _name_after(doc: Doc, toks: Sequence[tuple[int, int, str]]) -> Mention | None:
    """The capitalised words that open `toks` ("the" allowed first), as a mention."""
    end = 0
    while end < min(len(toks), 5) and (toks[end][2][:1].isupper() or end == 0 and toks[end][2] == "the"):
        end += 1
    names = toks[:end]
    if not names or not names[-1][2][:1].isupper():
        return None
    got = classify_np(doc, names[0][0], names[-1][1])
    return got if got is not None and got.kind in ("name", "role", "np", "anonymous") and got.text else None


def _norm(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.lower().replace("’", "'")))


def _speaker(
    doc: Doc, people: People, body: list[Quote], named: Mention, words: str, teaser: bool = False
) -> tuple[str, str]:
    """Whom the body gives the words to, and the rule that found them: the person the line
    names, by the body's fullest name; for a description, the body's quotation of the same
    words, else the body's speaker named most like it. A link teaser heads another article:
    its description is never this body's first speaker ("TRENDING: WEF Insider Reveals …")."""
    last = named.text.rsplit(None, 1)[-1].lower()
    if (
        named.kind == "name"
        and last not in ROLE_NOUNS  # "Estonian Prime Minister": a description
        and (people.registry.canonical(named.text) or _in_body(doc, named.text))
    ):
        return people.canonical(named.text, named.start), "headline-named"
    if named.kind == "np" and last in ORG_HEADS:
        return named.text, "headline-named"  # "Russian foreign ministry asks …": a body named as such
    key = _norm(words)
    if key:
        for q in body:
            if q.kind == "reported" or q.rule in SPEAKERLESS or not q.speaker:
                continue
            said = _norm(q.text)
            if said == key or " " in key and f" {key} " in f" {said} ":
                return q.speaker, "headline-same-words"
    return _described(named, body, first=not teaser) or named.text, "headline-named"


def _in_body(doc: Doc, name: str) -> bool:
    """Is the name written in the body as a name: a whole word, capitalised inside a sentence
    (or a full name anywhere) of a line that is no headline ("Climate activist ..." does not make "Climate" a name, nor
    "Climate.news", nor a link teaser's "Elderly Climate Alarmists")?"""
    m = doc.masked
    at = m.find(name, doc.paras[0][1] if doc.paras else 0)
    lines = headline_lines(doc) if at >= 0 else []
    while at >= 0:
        end = at + len(name)
        before = m[max(0, at - 40) : at].rstrip(" \t\u00a0\x01'\"‘’“”")
        after = m[end : end + 2]
        if (
            (before and before[-1] not in ".!?:\n" or " " in name)  # (a full name opening a sentence is one)
            and not (after[:1].isalnum() or after[:1] in ".-" and after[1:2].isalnum())
            and not any(s <= at < e for _, s, e in lines)
        ):
            return True
        at = m.find(name, at + 1)
    return False


def _described(named: Mention, body: list[Quote], first: bool = True) -> str | None:
    """The body's speaker a description means: the one named with most of its words, else
    (`first`) the body's first speaker."""
    want = {w for w in _norm(named.text).split() if w not in FUNCTION_WORDS and len(w) > 2}
    best, score = None, 0
    for q in body:
        if q.rule in SPEAKERLESS or not q.speaker:
            continue
        have = set(_norm(f"{q.speaker} {q.speaker_mention or ''}").split())
        got = len(want & have)
        if got > score:
            best, score = q.speaker, got
    if best is not None or not first:
        return best
    return next((q.speaker for q in body if q.rule not in SPEAKERLESS and q.speaker), None)


__all__ = ["TEASER_RE", "decide_headlines", "headline_lines", "unskip_headline"]
