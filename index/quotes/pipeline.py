"""The extractor's stages in order, one article at a time (``extract_quotes``).

Reads an article's text (with boilerplate spans to skip), the speaker registry and the
configured speech verbs; returns its quotations and reported speech, each with the
speaker, the words that name the speaker, the rule that decided it (``rules``) and that
rule's measured confidence (``confidence``), made in one place (``records``). To find out
why a quotation went to someone, read its rule, then follow the stages:

1. ``document.read_document``: paragraphs; quotation marks paired per paragraph
   (``marks``), quoted content masked so that names, verbs and full stops inside quotes
   never look like the writer's own; sentences (index/sentences.py) and tokens of the
   masked text.
2. ``roster.scan`` fills ``people.People``: the names the article uses, their fullest
   forms, genders and roles, and which of them are clause subjects.
3. ``cues.find_cues``: speech verbs, "according to", transcript labels; ``sources``
   finds the words naming each cue's source (before the verb, after an inverted one, an
   apposition), ``mentions`` says what those words are (a name, a pronoun, a role ...),
   ``possessed`` adds the nouns of saying whose possessor speaks ("Putin's insistence
   that he is “not bluffing”"), and ``positional`` adds cues the lexicon misses next to
   a quotation ("“...” Toomey fumed", a colon introduction, a "- Name" line).
4. ``coreference.resolve_all``: each cue's mention to a canonical speaker and a rule
   (``resolve``), in text order, keeping who spoke last for pronouns.
5. ``attach.attach_quotes``: each quotation to the nearest cue of its sentence, a colon
   introduction or the previous speaker; ``kinds`` tells direct, partial and other
   (titles, scare quotes). ``reported`` gives the clauses that cues report, and makes a
   clause and the quotations it carries agree on the speaker.
6. ``headlines.decide_headlines``: the quotations of a headline, a subheading or a link
   teaser take the speaker the line names (as the body names them), or are nobody's.
7. ``pullquotes.attribute_pull_quotes``: a quotation set apart as its own line, with no
   cue, takes the speaker of the attributed quotation that repeats its words.

Every look-back is bounded (sentences are capped at ``document.MAX_SENT`` characters,
paragraph checks at ``document.WINDOW``), and a long article is read in sections
(``sections``), so extraction time is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable, Sequence
from dataclasses import replace

from index.models import Quote
from index.speakers import SpeakerRegistry

from .attach import attach_quotes
from .confidence import CONFIDENCE
from .coreference import resolve_all
from .cues import cue_and_role_words, extra_forms, find_cues, find_transcripts
from .document import clean_spans, mark_tokens, read_document
from .headlines import decide_headlines, unskip_headline
from .people import Known, People
from .positional import add_adhoc_cues
from .possessed import possessed_cues
from .pullquotes import attribute_pull_quotes
from .reported import fragments_after_speech, one_speaker, reported_speech
from .resolve import not_a_source
from .sections import sections
from .sources import find_source

_START_END = operator.attrgetter("start", "end")
_START = operator.attrgetter("start")


def extract_quotes(
    article_id: str,
    text: str,
    registry: SpeakerRegistry | None = None,
    *,
    speech_verbs: Iterable[str] = (),
    skip: Sequence[tuple[int, int]] = (),
) -> list[Quote]:
    """Quotations and reported speech in `text`, sorted by start.

    An exception here is a bug to see, not to hide: it propagates, and the ingest
    reports it as a load problem naming the article (the rest of the corpus loads).
    """
    article_id = str(article_id)
    if not isinstance(text, str) or not text.strip():
        return []
    registry = registry or SpeakerRegistry()
    verbs = extra_forms(speech_verbs or ())
    skip = unskip_headline(text, skip)
    spans = sections(text)
    if len(spans) == 1:
        return _extract(article_id, text, registry, verbs, skip)
    known = Known()
    quotes: list[Quote] = []
    for context, start, end in spans:
        part_skip = [(a - context, b - context) for a, b in clean_spans(skip, len(text)) if b > context and a < end]
        found = _extract(article_id, text[context:end], registry, verbs, part_skip, known, context)
        quotes.extend(q for q in found if q.start >= start)
    return quotes


def _extract(
    article_id: str,
    text: str,
    registry: SpeakerRegistry,
    verbs: tuple[frozenset[str], dict[str, str]],
    skip: Sequence[tuple[int, int]],
    known: Known | None = None,
    offset: int = 0,
) -> list[Quote]:
    """The quotations of `text`, which starts at `offset` of the article (see sections)."""
    doc = read_document(article_id, text, skip, offset)
    mark_tokens(doc, cue_and_role_words(verbs[0]))
    people = People(doc, registry, known, offset)
    cues = find_cues(doc, *verbs)
    transcripts = find_transcripts(doc, people)
    for cue in cues:
        cue.mention = find_source(doc, cue)
    owned = possessed_cues(doc)
    if owned:
        cues = sorted(cues + owned, key=_START)  # (their sources are the possessors)
    cues = add_adhoc_cues(doc, cues)
    resolve_all(doc, cues, people)
    quotes = attach_quotes(doc, cues, transcripts, people)  # (marks the cues of “...,” X said first)
    clauses = _outside_answers(reported_speech(doc, cues, doc.segs), quotes)
    quotes, clauses = one_speaker(quotes, clauses, doc)
    quotes = fragments_after_speech(doc, quotes)
    quotes += clauses
    quotes = decide_headlines(doc, quotes, people)
    quotes = attribute_pull_quotes(doc, quotes)
    if any(q.speaker and not_a_source(q.speaker) for q in quotes):
        # a garbled source ("highlighted", "none"): the quote stays, unattributed
        quotes = [_no_source(q) if q.speaker and not_a_source(q.speaker) else q for q in quotes]
    if doc.text is not text:
        quotes = [_in_original(q, text, offset) for q in quotes]
    quotes.sort(key=_START_END)
    return quotes


def _outside_answers(clauses: list[Quote], quotes: list[Quote]) -> list[Quote]:
    """The reported clauses that no interview answer holds: in "Mr Malone: Markets are one of
    the superminds I describe …" every word is Malone's, none a clause of "Markets"."""
    answers = sorted((q.start, q.end) for q in quotes if q.rule == "transcript")
    if not answers:
        return clauses
    starts = [s for s, _ in answers]

    def held(c: Quote) -> bool:
        k = bisect.bisect_right(starts, c.start) - 1  # (answers do not overlap: the one starting last)
        return k >= 0 and c.end <= answers[k][1]

    return [c for c in clauses if not held(c)]


def _no_source(q: Quote) -> Quote:
    rule = "not-a-source"
    return replace(
        q,
        speaker=None,
        rule=rule,
        confidence=CONFIDENCE[rule],
        speaker_mention=None,
        mention_start=None,
        mention_end=None,
    )


def _in_original(q: Quote, original: str, offset: int) -> Quote:
    """A quote found in the working text, as a slice of the original (which starts at
    `offset` of the article); a quotation drops the space that "... poor,' '' she said"
    leaves before its closing mark."""
    piece = original[q.start - offset : q.end - offset]
    if piece == q.text and (q.kind == "reported" or not piece[-1:].isspace()):
        return q  # no '' inside: the same slice (most quotes of a long text)
    end = q.end if q.kind == "reported" else q.start + len(piece.rstrip())
    return replace(q, end=end, text=original[q.start - offset : end - offset])
