"""Reported speech: the clause a cue reports ("Peskov said that freezing ... would fail").

Reads the resolved cues and the document; returns ``Quote`` records of kind reported,
with the speaker of their cue. A clause that carries quoted words is reported speech
too: the quoted words are their own partial quotation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from index.lexicon import forms_of
from index.models import Quote

from .confidence import CONFIDENCE
from .cues import Cue, introduces
from .document import MASK, Doc, last_boundary, para_of, sent_of, tokens_in
from .kinds import is_term, names_words
from .marks import Seg
from .orgs import relays
from .possessed import POSSESSED, claimed_by_possessor
from .records import make_quote
from .words import BELIEF_FORMS, GROUP_NOUNS, SUBORDINATORS, person_noun, title_case

MAX_CLAUSE = 1200  # characters: no reported clause is longer (a sentence is at most document.MAX_SENT)
_OBJECT_VERBS = frozenset(
    forms_of(["tell", "inform", "assure", "remind", "warn", "advise", "brief", "urge", "ask", "caution", "promise"])
)


# (a semicolon inside brackets is no clause's end: "30m euros ($39m; £21m) until June")
_CLAUSE_CUT_RE = re.compile(r",\s+(?:although|though|even though|whereas|which|while)\b|;(?![^(]*\))|\s[—–]\s")


def reported_speech(doc: Doc, cues: list[Cue], segs: list[Seg]) -> list[Quote]:
    out: list[Quote] = []
    m = doc.masked
    # sentences with a verb of speech: a noun there ("Asked about the Reuters report, Peskov
    # said ...") names no speaker of its own
    spoken = {c.sent for c in cues if c.speaker and not c.noun}
    in_sentence: dict[int, list[Cue]] = {}  # (a long article has many cues: never all of them per cue)
    for cue in cues:
        unsourced = not cue.speaker and cue.mention is not None and cue.mention.kind == "clause"
        if not (cue.speaker or unsourced) or not cue.reportable or cue.noun and cue.sent in spoken:
            continue
        if not doc.sents:
            break
        ss, se = doc.sents[cue.sent]
        if cue.inverted and cue.word != "according to":
            # ", said X" attributes the quotation before it, or else the clause before it:
            # "The state declared an emergency, reported Euro News."
            span = _inverted_span(doc, cue, ss, se)
        else:
            span = _reported_span(doc, cue, ss, se)
        if span is None:
            continue
        s, e = span
        if not in_sentence:
            for c in cues:
                in_sentence.setdefault(c.sent, []).append(c)
        e = min(e, _next_clause(doc, cue, in_sentence[cue.sent], e))
        body = m[s:e]
        masked_share = body.count(MASK) / max(1, len(body))
        if masked_share > 0.5:
            continue
        text = doc.text[s:e]
        if len(text.split(None, 4)) < 4 or (unsourced or cue.noun) and not masked_share:
            continue  # with no speaker (or no verb), only a clause that quotes words is worth keeping
        # one quotation, one record: a clause that quotes some words is reported speech, and
        # the quoted words are their own partial quotation (attach.py), of the same speaker
        quote = make_quote(doc, s, e, "reported", cue.speaker, cue.rule, cue, cue.named_by)
        if cue.inverted and cue.word != "according to":
            # "The state declared an emergency, said Tom Reid.": what he says, one record (not
            # the state's clause inside it as well)
            while out and out[-1].end == e and out[-1].start >= s:
                out.pop()
        out.append(quote)
    return out


_DASH_BEFORE_RE = re.compile(r"\s*(?:\s[-—–]|,)(?:\s+in\s+(?:a|an|what)(?:\s+\w+){0,2})?\s*$")  # (", in a move")
_COORDINATED_RE = re.compile(r"(?:,\s*)?\b(and|but|while|whereas|as|when|because)\s+(?:\w+\s+){0,2}$")
_SUBORDINATE = frozenset({"as", "when", "because"})  # ("Cruz said as the heckler yelled: …")


def _next_clause(doc: Doc, cue: Cue, cues: Sequence[Cue], end: int) -> int:
    """Where a coordinated clause with its own speaker starts ("Cruz accuses Obama of “…”
    and Trump says he is “…”"): the first clause ends there, the second is Trump's."""
    for other in cues:
        if other.source_rule == "passive-agent" and cue.end < other.start < end and other.mention is not None:
            # "Brown announced plans - described by one union as “…”": the agent's words
            cut = _DASH_BEFORE_RE.search(doc.masked, cue.end, other.start)
            if cut is not None:
                return cut.start()
        if other.start <= cue.end or other.start >= end or other.inverted:
            continue
        mention = other.mention
        if mention is None or mention.kind not in ("name", "pronoun", "role", "anonymous") and not other.speaker:
            continue
        if not cue.end < mention.start < other.start:
            continue
        gap = doc.masked[cue.end : mention.start]
        hit = _COORDINATED_RE.search(gap)
        before = gap[: hit.start()].split() if hit is not None else []
        if before and before[-1][:1].isupper() and hit is not None and hit.group(0)[:1] != ",":
            continue  # ("Moscow and Kyiv nearly agreed": one subject of two names, no new clause)
        if hit is not None and (hit.group(1) in _SUBORDINATE or len(before) >= 3):
            return cue.end + len(gap[: hit.start()].rstrip())
        splice = _SPLICE_RE.search(gap)  # "… said it was great to be home, a man yelled “…”"
        if splice is not None and MASK not in gap and _spliced(cue, other, gap[: splice.start()]):
            return cue.end + splice.start()
    return end


def _spliced(cue: Cue, other: Cue, first: str) -> bool:
    """Is `first` (what `cue` reports, up to a comma) a whole clause, which the next verb's
    subject after the comma does not continue: a finite verb, no subordinate opening, and
    neither verb a relay ("…, according to a draft communique", "…, Rossiya 24 reported")?"""
    if "according to" in (cue.word, other.word) or relays(other.word, other.rule, other.speaker):
        return False
    if cue.mention is None or cue.mention.kind == "pronoun":
        return False  # ("Asked whether he thought …, Devine responded": a question's clause)
    words = first.lower().split()
    return (
        len(words) >= 4
        and SUBORDINATORS.isdisjoint(words)
        and not {"that", "whatever", "whether", "what", "which", "who", "where"} & set(words[1:])
        and any(w in _FINITE or w.endswith("ed") for w in words)
    )


_FINITE = frozenset("is was are were has had have will would could can should did does may might must".split())
_SPLICE_RE = re.compile(r",\s*(?:(?:a|an|the|one|some|another)\s+)?$")


def one_speaker(quotes: list[Quote], clauses: list[Quote], doc: Doc | None = None) -> tuple[list[Quote], list[Quote]]:
    """Quotations and the reported clauses that carry them, made to agree on the speaker.

    A clause of speech gives its attribution (speaker, rule, mention, cue) to the words
    it quotes: its verb reports those very words ("Peskov said freezing the conflict
    would “not suit” Russia"), where the quotation may have been attached to a nearer cue
    of the sentence (the innermost such clause decides). A clause of belief ("if people
    think the problems will be solved by “...”") reports no words: it takes the speaker
    of the quotation it carries, as does a clause with no speaker of its own; so does
    every other clause that holds a quotation, so that none disagrees with one.
    """
    if not clauses:
        return quotes, clauses
    if doc is not None:
        quotes = _words_of_the_clause(doc, quotes, clauses)
    marked = sorted((i for i, q in enumerate(quotes) if q.kind in ("direct", "partial")), key=lambda i: quotes[i].start)
    if not marked:
        return quotes, clauses
    starts = [quotes[i].start for i in marked]
    quotes = list(quotes)
    inside = [_inside(c, marked, starts, quotes) for c in clauses]
    # outer clauses first, so that the innermost clause of speech speaks last (of one span,
    # a medium's "reported" is the outer: "G7 leaders warned …, The Times reported")
    order = sorted(
        range(len(clauses)),
        key=lambda i: (
            clauses[i].start,
            -clauses[i].end,
            not relays(clauses[i].cue, clauses[i].rule, clauses[i].speaker),
        ),
    )
    own = {
        i
        for i in marked
        if doc is not None and (_classic(doc, quotes[i]) or _introduced(doc, quotes[i]) or _named_by(doc, quotes[i]))
    }
    # a quotation inside "X's claim that …" is X's, whoever reports the claim: the clause
    # reporting it ends before the possessor ("Tom Smith rejected | Donald Trump's claim …")
    claimed = {i: quotes[i].mention_start for i in marked if doc is not None and claimed_by_possessor(doc, quotes[i])}
    own |= claimed.keys()
    owner: dict[int, tuple[int, int]] = {}  # quotation -> span of the innermost clause of speech holding it
    for ci in order:
        c = clauses[ci]
        if c.speaker is not None and c.cue not in BELIEF_FORMS:
            for i in inside[ci]:
                owner[i] = (c.start, c.end)
                if i not in own:
                    quotes[i] = _attributed_as(quotes[i], c, cue=True)
    # of clauses with one span (one sentence, several cues), the innermost speaker's is the record
    innermost = {(clauses[ci].start, clauses[ci].end): ci for ci in order}
    agreed: list[Quote] = []
    for ci, (c, inner) in enumerate(zip(clauses, inside)):
        if innermost[c.start, c.end] != ci:
            continue
        theirs = {i: claimed[i] for i in inner if i in claimed and quotes[i].speaker != c.speaker}
        if theirs and c.cue not in POSSESSED:
            inner = [i for i in inner if i not in theirs]
            c = _before_inner(c, min(p for p in theirs.values() if p is not None))
        # (a quotation an inner clause of speech holds is that clause's, not this one's)
        mine = [i for i in inner if owner.get(i, (c.start, c.end)) == (c.start, c.end)]
        # (a clause of speech with its own speaker keeps it: "Smith said that Johnson had described
        # the plan as “reckless”" is Smith's report of Johnson's word)
        own_words = (
            c.speaker is not None
            and c.cue not in BELIEF_FORMS
            and c.cue != "according to"
            and not (c.cue or "").endswith("ing")  # (a participle's subject is further back)
            and not relays(c.cue, c.rule, c.speaker)
            and doc is not None
            and all(i in owner and _right_after_verb(doc, c, owner[i][0]) for i in inner)
        )
        pick = mine or ([] if own_words else inner)
        if pick and quotes[pick[0]].speaker is not None:
            c = _attributed_as(c, quotes[pick[0]])
        for i in mine:
            if quotes[i].speaker != c.speaker and i not in own:  # (a clause quoting two people: the first)
                quotes[i] = _attributed_as(quotes[i], c, cue=True)
        if mine and len(mine) < len(inner):
            c = _before_inner(c, min(owner[i][0] for i in inner if i not in mine))
        agreed.append(c)
    return quotes, agreed


_TRAILING_LINK_RE = re.compile(
    r"[\s,;]*(?:\b(?:and|but|because|as|while|whereas|since|after|before|when|although|though|so|that)\b[\s,]*)*$"
)


def _before_inner(clause: Quote, cut: int) -> Quote:
    """The clause up to an inner clause of speech with its own speaker and quotation ("Kessel
    said the plan was “a mess” | because Dahl told him that “…”"), so that a clause never
    holds a quotation of someone else's."""
    head = clause.text[: max(0, cut - clause.start)]
    trail = _TRAILING_LINK_RE.search(head)
    head = head[: trail.start()] if trail is not None else head  # (it always matches: all of it is optional)
    return replace(clause, end=clause.start + len(head), text=head) if head else clause


def _classic(doc: Doc, q: Quote) -> bool:
    """ "… — “why wouldn’t you?” asked Dunn": a quotation whose own cue follows its closing
    mark, its last word ending in "," "?" or "!", keeps that speaker whatever clause holds it."""
    if q.speaker is None or q.cue_start is None or q.cue_start < q.end or (q.cue or "").endswith("ing"):
        return False  # (not "“…,” recalling …": a participle's subject is further back)
    if q.mention_start is None or q.mention_start < q.end:
        return False
    head = min(q.cue_start, q.mention_start)
    at = q.end - doc.offset
    return 0 < at <= len(doc.text) and doc.text[at - 1] in ",?!" and head - q.end <= 4


def _introduced(doc: Doc, q: Quote) -> bool:
    """ "According to Mr Peston, the prime minister said: “Help me …”": a quotation its own
    verb introduces with a colon keeps that speaker, whoever relays the sentence."""
    if q.speaker is None or q.cue_end is None or q.cue_end > q.start or (q.cue or "").endswith("ing"):
        return False  # (not "…, warning: “…”": a participle's subject is the clause's)
    gap = doc.text[q.cue_end - doc.offset : q.start - doc.offset].strip(" \"“'‘«„").strip()
    # (or the verb's object before it: "the chancellor told reporters: “…”")
    return gap.endswith(":") and len(gap.split()) <= 5 and not any(c in gap for c in ".?!;,")


def _right_after_verb(doc: Doc, c: Quote, at: int) -> bool:
    """Does a clause starting at `at` open what `c`'s verb reports ("said that Johnson had …",
    "told the BBC Johnson had …"), not a clause of its own after a comma?"""
    if c.cue_end is None or at < c.cue_end:
        return False
    between = doc.text[c.cue_end - doc.offset : at - doc.offset]
    return not any(ch in between for ch in ",;:—–") and len(between.split()) <= 4


_NAMING = frozenset(forms_of(["call", "describe", "dub", "brand", "label", "term"]))
_NAMED_BY_RE = re.compile(
    r"(?:\s+(?:has|have|had|once|later|now|\w+ly))*\s+\w+(?:\s+(?:it|them|this|that))?(?:\s+as)?\s*$"
)


def _named_by(doc: Doc, q: Quote) -> bool:
    """ "by what Smith called “a betrayal”": words a naming verb gives to its own subject,
    right before them, are that subject's, whoever reports the sentence."""
    if q.speaker is None or q.cue not in _NAMING or q.mention_end is None or q.cue_end is None:
        return False
    if not (q.mention_end <= q.cue_start <= q.cue_end <= q.start) if q.cue_start is not None else True:
        return False
    gap = doc.text[q.mention_end - doc.offset : q.start - doc.offset].rstrip(" \"“'‘«„")
    return bool(_NAMED_BY_RE.fullmatch(gap)) and len(gap.split()) <= 4


def _words_of_the_clause(doc: Doc, quotes: list[Quote], clauses: list[Quote]) -> list[Quote]:
    """Quoted words that looked like a term or scare quotes, inside a clause of speech with
    a speaker, are that speaker's partial quotation: the verb attributes them ("Weichert
    slammed the “arrogant” DC political class", "she said the “system” gave us the crisis")."""
    spoken = sorted(
        ((c.start, c.end, c) for c in clauses if c.speaker is not None and c.cue not in BELIEF_FORMS),
        key=lambda x: (x[0], x[1]),
    )
    if not spoken:
        return quotes
    starts = [s for s, _, _ in spoken]
    out = quotes
    for i, q in enumerate(quotes):
        if q.kind != "other" or q.rule != "not-speech" or title_case(q.text):
            continue  # (a title, "his book “Art of the Deal”", stays one)
        if names_words(doc, q.start - doc.offset - 1) or is_term(doc, q.text):
            continue  # "the word “freedom”", "known as “…”", the article's ‘dirty bomb’ again: not said
        k = bisect.bisect_right(starts, q.start) - 1
        holder = None
        while k >= 0 and spoken[k][0] >= q.start - MAX_CLAUSE:
            if spoken[k][1] >= q.end:
                holder = spoken[k][2] if holder is None or spoken[k][2].start > holder.start else holder
            k -= 1
        if holder is not None:
            if out is quotes:
                out = list(quotes)
            out[i] = _attributed_as(replace(q, kind="partial"), holder, cue=True)
    return out


def fragments_after_speech(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """Quoted fragments in the sentence after a speaker's quotation, in its paragraph, that
    only looked like scare quotes, with no verb of their own ("There is no “back to normal”,
    she told us. “Normal” was the “system” which gave us the crisis, a system of “colonialism,
    imperialism, oppression”"): the speaker goes on, for words of four or more or a list, and
    the other fragments of their sentence. A title, a term or a word named as such stays
    nobody's."""
    if not doc.sents:
        return quotes
    # per sentence: how many such fragments, and how many of them are words someone says
    # (counted once: a long text has thousands)
    fragments: dict[int, list[int]] = {}
    for x in quotes:
        if x.rule == "not-speech":
            got = fragments.setdefault(sent_of(doc, x.start - doc.offset), [0, 0])
            got[0] += 1
            got[1] += _a_saying(x.text)
    order = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
    out = quotes
    last: Quote | None = None
    for i in order:
        q = out[i]
        if q.kind in ("direct", "partial"):
            last = q if q.speaker else None
            continue
        if q.kind != "other" or q.rule != "not-speech" or last is None:
            continue
        pos, lpos = q.start - doc.offset, last.start - doc.offset
        if para_of(doc, pos) != para_of(doc, lpos) or sent_of(doc, pos) - sent_of(doc, lpos) > 1:
            continue
        if title_case(q.text) or names_words(doc, pos - 1) or is_term(doc, q.text):
            continue
        si = sent_of(doc, pos)
        ss = doc.sents[si][0]
        other = _NAMED_SUBJECT_RE.search(doc.masked, ss + 1, pos)
        if other is not None and other.group(1) not in (last.speaker or ""):
            continue  # "Meanwhile Labour backbencher Stephen Pound labelled … “a pile of pants”": his
        # (words someone says: four or more, or a list; not a run of terms, "blues", "bebop")
        count, said = fragments[si]
        if _a_saying(q.text) or said and count >= 2:
            if out is quotes:
                out = list(quotes)
            rule = "continuation-in-paragraph"
            out[i] = replace(_attributed_as(replace(q, kind="partial"), last), rule=rule, confidence=CONFIDENCE[rule])
    return out


_NAMED_SUBJECT_RE = re.compile(r"[A-Z][a-z]+ ([A-Z][a-z]+) (?:has |had |was )?[a-z]+(?:ed|s)\b")


def _a_saying(text: str) -> bool:
    """Words someone says, not a term: four or more, or a list."""
    return len(text.split()) >= 4 or "," in text


def _inside(c: Quote, marked: list[int], starts: list[int], quotes: list[Quote]) -> list[int]:
    """The quotations (indexes into `quotes`) that clause `c` holds, in order."""
    k = bisect.bisect_left(starts, c.start)
    inner: list[int] = []
    while k < len(marked) and starts[k] < c.end:
        if quotes[marked[k]].end <= c.end:
            inner.append(marked[k])
        k += 1
    return inner


def _attributed_as(q: Quote, other: Quote, cue: bool = False) -> Quote:
    """`q` with the speaker, rule, confidence and mention of `other`, and with `cue` its
    cue too (a clause keeps its own verb)."""
    if q.speaker == other.speaker and q.rule == other.rule:
        return q
    verb = (other.cue, other.cue_start, other.cue_end) if cue else (q.cue, q.cue_start, q.cue_end)
    return replace(
        q,
        speaker=other.speaker,
        cue=verb[0],
        cue_start=verb[1],
        cue_end=verb[2],
        rule=other.rule,
        confidence=other.confidence,
        speaker_mention=other.speaker_mention,
        mention_start=other.mention_start,
        mention_end=other.mention_end,
    )


# what still makes the tail of "“...,” X said" speech: a that-clause ("..., adding that ..."), the
# question answered, a source, or a participle naming what was meant ("..., citing low growth")
_TAIL_CONTENT_RE = re.compile(
    r"\b(?:that|asked|according to)\b|,\s+(?:\w+ly\s+)?(?:citing|referring|referencing|alluding|quoting|mocking)\b"
)
# a time clause right after a plain verb of speech, with no "that" after it (not "said after
# the game that …", nor "described as his second home")
_TIME_CLAUSE_RE = re.compile(r"\s+(?:as|while|when|whenever|until)\s+(?:a|an|the|his|her|their|[A-Z]\w*)\b")
_CONTENT_AFTER_RE = re.compile(r"\bthat\b|,\s+(?!\w+ing\b)")
_PLAIN_FORMS = frozenset(forms_of(["say", "ask", "add", "joke", "quip", "shout", "reply", "answer", "tweet", "write"]))
_SPEAK_FORMS = frozenset({"speak", "speaks", "spoke", "spoken"})
# what a verb of speaking needs to report something: a topic ("spoke of his faith", "spoke out
# against", "speak up about"), after any adverbs
_SPOKE_OF_RE = re.compile(r"(?:\s+\w+ly)*\s+(?:of|about|out|up\s+(?:about|for|against))\b")
_ADDED_NP_RE = re.compile(r"\s+(?:to|another|more|\d)\b")  # not "added the deal was dead"
_AGREE_FORMS = frozenset(forms_of(["agree"]))
# "agreed upon in April", "can agree on —": a stranded preposition ("agreed on creating" says what)
_AGREE_ON_RE = re.compile(r"(?:\s+\w+ly)*\s+(?:upon\b|on\b(?=\s*(?:[,.;:—–)]|$)))")
_AGREE_TO_RE = re.compile(r"(?:\s+\w+ly)*\s+to\s+(?!the\b|a\b|an\b|this\b|that\b|his\b|her\b|their\b|its\b)[a-z]+")
# a deal agreed ("has agreed a move to Chelsea", "agrees new Villa contract", "agreed to a
# pay rise"), not words ("agreed the budget was too tight" says what)
_AGREE_DEAL_RE = re.compile(r"(?:\s+\w+ly)*\s+(?:to\s+(?:a|an|the)\b|(?:a|an|new|terms)\b|[£$€\d])")
_MODAL_VERBS = frozenset("could would may might will can should shall must".split())


def _after_modal(doc: Doc, cue: Cue) -> bool:
    """ "could (broadly) agree": a possible act, not something said."""
    k = bisect.bisect_left(doc.token_starts, cue.start) - 1
    while k >= 0 and doc.lows[k].endswith("ly") and not doc.gaps[k + 1].strip():
        k -= 1
    return k >= 0 and doc.lows[k] in _MODAL_VERBS and not doc.gaps[k + 1].strip()


_OBJ_RE = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|reporters|journalists|the \w+|him|her|them|us|me|lawmakers|supporters|voters|the audience|the crowd|[a-z]+ers)(?=[\s,.:;])"
)
_THAT_RE = re.compile(r"\s*(?:,\s*)?(?:that\b|on\b|about\b|against\b|at\b|of\b)?")


_LINKS = frozenset("by of at from with to in on".split())  # (between the verb and a name: not its subject)
# what may follow the closing name: whom it speaks for ("said a spokesman for the council")
_OF_WHOM_RE = re.compile(r"(?:for|of)\s[^,;:\x01“”\"]{1,60}")


def _inverted_span(doc: Doc, cue: Cue, ss: int, se: int) -> tuple[int, int] | None:
    """The sentence a closing ", said X." attributes, when it quotes no words of its own
    ("The roads will close next week, said Tom Reid.")."""
    mention = cue.mention
    if mention is None or mention.start < cue.end or not doc.sents:
        return None
    m = doc.masked
    end = se
    while end > ss and m[end - 1] in " \n":
        end -= 1
    rest = m[mention.end : end].strip(" .")
    gap = m[cue.end : mention.start].split()
    if rest and not _OF_WHOM_RE.fullmatch(rest) or any(w.endswith("ed") or w in _LINKS for w in gap):
        return None  # (the name right after the verb: not "recalled the eulogy delivered by Davis at …")
    if not m[ss : cue.start].rstrip().endswith(","):
        return None  # (", said X, who …", "“…” said X": not a clause the name closes)
    head = mention.text.split(" of ", 1)[0]
    if mention.kind == "anonymous" and not person_noun(head) and head.rsplit(None, 1)[-1].lower() not in GROUP_NOUNS:
        return None  # ("CCTV, the state broadcaster, claims an audience of …": its object, no one)
    content = m[ss : cue.start]
    if MASK in content or "“" in content or '"' in content or len(content.split()) < 4:
        return None  # (a quotation's words are their own record)
    return ss, end


def _reported_span(doc: Doc, cue: Cue, ss: int, se: int) -> tuple[int, int] | None:
    """The reported clause of a cue, from its source (or the verb) to the clause end.

    "X said (that) CLAUSE." runs from X; after an apposition ("X, a ..., noted that")
    it runs from the verb; "According to X, CLAUSE" and "CLAUSE, X said" take the
    whole sentence. A clause that opens with "While ..." ends at its comma.
    """
    m = doc.masked
    end = se
    while end > ss and (m[end - 1] in ' \n"”’»' or m[end - 1] == MASK and doc.text[end - 1] in '"”'):
        end -= 1
    if cue.word == "according to":
        return ss, end
    rest = m[cue.end : end]
    if not rest.strip(" ,.;:") or rest.lstrip().startswith((",", ".")) and _parenthetical(m, cue, ss):
        # "CLAUSE, X said." or "If ..., the sources said, CLAUSE."
        lead_end = cue.mention.start if cue.mention is not None and cue.mention.start < cue.start else cue.start
        content = m[ss:lead_end] + rest
        quoted = content.count(MASK) + content.count("“") + content.count("”") + content.count('"')
        if quoted > 0.5 * len(content.strip()):
            return None  # the content is a direct quotation, attributed already
        return ss, end
    if rest.lstrip()[:1] in (":", MASK, "“", '"') or introduces(doc, cue):
        return None  # introduces a direct quotation ("told the Daily Record: “…”")
    if cue.quote_before and MASK not in rest and not _TAIL_CONTENT_RE.search(rest):
        return None  # "“...,” Steyer said in a statement.": the tail says where, not what
    if (MASK not in rest or cue.word in _SPEAK_FORMS) and _no_words(doc, cue, m, end):
        # (a clause that quotes some words stays a partial quotation, but not after "As
        # Blumenthal spoke, the NRA was whipping lawmakers against “…”": no words of his)
        return None
    if cue.word in _PLAIN_FORMS and _TIME_CLAUSE_RE.match(rest) and not _CONTENT_AFTER_RE.search(rest):
        # "Clinton asks as a maintenance guy walks in, saying …": what happens meanwhile, not
        # what is asked ("They said as he was in custody, his case came …" says something)
        return None
    content_start = cue.end
    if cue.word in _OBJECT_VERBS:
        obj = _OBJ_RE.match(m, content_start, end)  # "told Reuters", "warned reporters"
        if obj:
            content_start = obj.end()
    lead = _THAT_RE.match(m, content_start, end)
    if lead:
        content_start = lead.end()
    if end - content_start < 12:
        return None
    first_word = m[ss : ss + 12].split(" ", 1)[0].lower().strip(",")
    comma = m.find(",", ss, end)
    if first_word == "as" and cue.end <= comma and m[cue.end : comma].strip().count(" ") < 3:
        return ss, end  # "As Byler pointed out, CLAUSE": like "according to"
    if first_word in SUBORDINATORS and cue.start < m.find(",", ss, end):
        comma = m.find(",", cue.end, end)
        if comma > 0:
            end = comma
    else:
        cut = _CLAUSE_CUT_RE.search(m, content_start, end)
        if cut:
            end = cut.start()
    start = cue.start
    if cue.mention is not None and not cue.inverted and cue.mention.start < cue.start:
        between = m[cue.mention.end : cue.start]
        if "," not in between and "—" not in between:
            start = _np_start(doc, ss, cue.mention.start)
    if end - start < 12:
        return None
    return start, end


def _no_words(doc: Doc, cue: Cue, m: str, end: int) -> bool:
    """Does the verb tell of an act rather than of words said?"""
    if cue.word in _SPEAK_FORMS:
        return not _SPOKE_OF_RE.match(m, cue.end, end)  # "spoke at a memorial", "spoke to reporters"
    if cue.word == "added":
        return bool(_ADDED_NP_RE.match(m, cue.end, end))  # "added another layer", "added to her lead"
    if cue.word in _AGREE_FORMS:  # "agreed upon in April", "could agree to freeze the conflict"
        return bool(
            _AGREE_ON_RE.match(m, cue.end, end)
            or _AGREE_DEAL_RE.match(m, cue.end, end)
            or _AGREE_TO_RE.match(m, cue.end, end)
            and _after_modal(doc, cue)
        )
    return False


def _parenthetical(m: str, cue: Cue, ss: int) -> bool:
    return "," in m[ss : cue.start] or m[ss : cue.start].strip() == ""


_TITLE_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Mr\.|Mrs\.|Ms\.|Dr\.) $")
_LAST_BUT_RE = re.compile(r".*(?:\bbut|\bwhat(?= [A-Z])| -) ")


def _np_start(doc: Doc, ss: int, pos: int) -> int:
    """Start of the noun phrase holding `pos`: back to the clause boundary, subordinators dropped."""
    m = doc.masked
    b = last_boundary(m[ss:pos], pos - ss)
    start = ss + b
    but = _LAST_BUT_RE.match(m, start, pos)  # "X said … but the Tories say": a clause of its own
    start = but.end() if but else start
    title = _TITLE_BEFORE_RE.search(m, start, pos)  # ("Andrew Marr says Mr Blair will ask": from "Mr")
    at = title.start() if title is not None else pos
    if m.endswith((" said ", " says "), start, at) and m[at : at + 1].isupper():
        return at  # "Mr Howard said Labour had proposed it": Labour's clause is inside his
    toks = tokens_in(doc, start, pos + 1)
    for s, _, w in toks:
        if w.lower() in SUBORDINATORS or w.lower() in {"but", "and", "so", "yet", "however", "meanwhile", "also"}:
            continue
        return s
    while start < pos and m[start].isspace():
        start += 1
    return start
