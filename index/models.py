"""Plain data that flows from `index` to the UI and the command line.

Every offset is a Python ``str`` index into the article's *original* text (the decoded
file with newlines normalised to ``\\n``), so quotes, tags, search hits, alignment and
boilerplate can all be drawn over one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of an article's text with a label."""

    start: int
    end: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its original text and what we know about it."""

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD) when known, else ""
    author: str = ""
    url: str = ""
    dateline: str = ""
    path: str = ""  # where it was read from ("" for in-memory articles)
    content_hash: str = ""
    boilerplate: tuple[Span, ...] = ()
    title_span: Span | None = None  # where the title sits in `text`, if it does
    # The article's identity, whatever its id: its file's path relative to the corpus folder
    # it was found in (posix), plus "#<record>" for one record of a .json/.jsonl file. Tags
    # belong to it, so a tag never lands on another file when ids change.
    source: str = ""


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What a listing needs of an article, without its text: a large corpus stays on disk."""

    id: str
    title: str = ""
    outlet: str = ""
    date: str = ""
    author: str = ""
    path: str = ""
    content_hash: str = ""
    quote_count: int = 0  # quotations (direct, partial, reported): not titles or scare quotes
    size: int = 0  # of the file it was read from, with `mtime_ns`: how updates spot changes
    mtime_ns: int = 0


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation (or reported speech) and who said it.

    ``start``/``end`` cover the quoted content: inside the marks for direct and
    partial quotes, the reported clause for reported speech. ``text`` equals
    ``article_text[start:end]``. ``kind`` is ``direct``, ``partial``, ``reported`` or
    ``other`` (quoted text that is not speech: titles, scare quotes; no speaker).
    """

    article: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    cue: str | None = None
    confidence: float = 0.0
    speaker_mention: str | None = None  # the words in the text that name the speaker
    cue_start: int | None = None
    cue_end: int | None = None
    # the rule that decided the speaker (index/quotes/rules.py); `confidence` is its
    # measured speaker accuracy
    rule: str = ""
    mention_start: int | None = None  # where `speaker_mention` is in the text
    mention_end: int | None = None


def quote_json(q: Quote) -> dict[str, object]:
    """A quotation as `quotewire quotes --json` prints it."""
    mention = (
        None if q.mention_start is None else {"start": q.mention_start, "end": q.mention_end, "text": q.speaker_mention}
    )
    return {
        "article": q.article,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "speaker": q.speaker,
        "cue": q.cue,
        "confidence": round(q.confidence, 3),
        "rule": q.rule,
        "mention": mention,
    }


@dataclass(frozen=True, slots=True)
class Speaker:
    """A canonical speaker from the registry (config) or discovered in the text."""

    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    gender: str = ""  # "male", "female", "group" or ""


@dataclass(frozen=True, slots=True)
class Snippet:
    start: int
    end: int
    text: str
    # Offsets (relative to ``start``) of the matched terms inside the snippet.
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteRef:
    start: int
    end: int
    speaker: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: an article, or one quote in an article."""

    article: str
    title: str
    score: float
    snippets: tuple[Snippet, ...] = ()
    quote: QuoteRef | None = None


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[Hit, ...] = ()
    suggestion: str | None = None
    ignored: tuple[str, ...] = ()  # parts of a malformed query that were dropped
    approximate: bool = False  # `total` is a lower bound (not counted exactly, for speed)
    partial: bool = False  # the time limit cut the search short: best hits so far, not overall


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A file that was skipped or read with a fallback, and why."""

    path: str
    message: str
    skipped: bool = True


@dataclass(frozen=True, slots=True)
class IndexReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    problems: tuple[LoadProblem, ...] = field(default_factory=tuple)


# --- alignment (index.align) -------------------------------------------------------------


@dataclass(frozen=True)
class SentenceLink:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: float


@dataclass(frozen=True)
class Alignment:
    """Sentence links between articles ``a`` and ``b`` (ids) plus their unique sentences."""

    a: str
    b: str
    pairs: tuple[SentenceLink, ...]
    only_a: tuple[tuple[int, int], ...]
    only_b: tuple[tuple[int, int], ...]

    def to_json(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "pairs": [
                {
                    "a_start": p.a_start,
                    "a_end": p.a_end,
                    "b_start": p.b_start,
                    "b_end": p.b_end,
                    "score": round(p.score, 4),
                }
                for p in self.pairs
            ],
            "only_a": [{"start": s, "end": e} for s, e in self.only_a],
            "only_b": [{"start": s, "end": e} for s, e in self.only_b],
        }


@dataclass(frozen=True)
class DiffOp:
    """One step of a word diff; offsets are absolute in each article's text."""

    op: str  # "equal", "insert", "delete" or "replace"
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True)
class VariantGroup:
    """Quotes by one speaker that render the same statement in different articles."""

    speaker: str
    quotes: tuple[Quote, ...]


# --- tags (index.tags, index.anchoring) ----------------------------------------------------


@dataclass(frozen=True)
class Selector:
    """TextPositionSelector (start, end) + TextQuoteSelector (exact, prefix, suffix)."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Tag:
    """One tagged passage. ``status`` is set by :meth:`TagStore.resolve`."""

    id: int
    article: str
    content_hash: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    tags: tuple[str, ...]
    note: str
    created: str
    status: str = "anchored"
    # The article's identity when it was tagged (see `index.tag_identity`): the file's path
    # relative to its corpus folder ("" for a tag made before v3 that is not yet bound to a
    # file) and its absolute path. ``article`` is then only the id it had: ids change.
    source: str = ""
    path: str = ""

    @property
    def selector(self) -> Selector:
        return Selector(self.start, self.end, self.exact, self.prefix, self.suffix)
