"""Sentence alignment between two articles, and quote variants across the corpus.

Two outlets rarely copy each other word for word: they paraphrase ("would not suit
Russia" / "will not work in any way"), merge facts into one lead sentence, or split them.
A link between two sentences is decided by a blend of lexical signals, each weighted by
IDF (how rare a term is among the two articles' sentences; for character n-grams also in
the corpus, from :class:`CorpusModel`):

* word TF-IDF cosine over crude stems, with news synonyms folded (truce ~ ceasefire),
* character 4-gram TF-IDF cosine over content words (spelling and morphology variants),
* clause containment: how much of the best-covered clause of one sentence the other
  contains. It makes many-to-one links visible (a lead sentence covering three facts)
  and catches two sentences that share one fact and differ in the rest,
* closeness of relative position (both outlets tell the story top-down).

A pair is linked when its score clears a threshold and it is (nearly) the best match of
one of its two sentences, which allows one-to-many links without linking everything.
Pure Python (no numpy, no downloads). Weights and thresholds were picked by grid search on
hand-labelled seed pairs (``tests/index/data/align_labels.yaml``).
"""

from __future__ import annotations

import difflib
import json
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .models import Article, Quote, Span
from .sentences import split_sentences

__all__ = [
    "Alignment",
    "CorpusModel",
    "DiffOp",
    "SentenceLink",
    "VariantGroup",
    "align",
    "rank_similar",
    "quote_variants",
    "word_diff",
]

# --- Calibrated constants: grid search (averaged over no model, a seed model and a BBC
# model) on the "tune", "check" and "final" pairs of tests/index/data/align_labels.yaml;
# the "final2" pair was held out. Figures: bench/results/align.json. ---
W_WORD = 0.26  # word (stem) TF-IDF cosine
W_CHAR = 0.21  # character 4-gram TF-IDF cosine over content words
W_CLAUSE = 0.32  # best containment of one clause of either sentence in the other
W_POS = 0.21  # closeness of relative position (news runs top-down in both outlets)
LINK_THRESHOLD = 0.41  # minimum blended score for a link
NEAR_BEST = 0.7  # a link must score >= this fraction of the best link of either side
QUOTE_THRESHOLD = 0.20  # quote contexts: the same speaker is already required
MIN_SHARED = 2  # sentences sharing fewer content stems are never linked
CLAUSE_SHARED = 3  # clause containment counts fully only from this many shared stems
CHAR_N = 4

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not of off on once
    only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves s t don now may might must shall also however moreover
    said says say told according reported reports report source sources""".split()
)

# Spelling variants common in news about the same story (transliterations, US/UK).
_VARIANTS = {
    "kiev": "kyiv",
    "zelenskiy": "zelensky",
    "zelenskyy": "zelensky",
    "kharkov": "kharkiv",
    "odessa": "odesa",
}

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
# Phrasal verbs and idioms of news language that paraphrases swap for one word.
_PHRASES = tuple(
    (re.compile(pattern, re.I), replacement)
    for pattern, replacement in (
        (r"\brul(?:e|es|ed|ing) out\b", "exclude"),
        (r"\bpull(?:s|ed|ing)? out\b", "withdraw"),
        (r"\bgreen light\b", "permission"),
    )
)
# Where one fact ends and another begins inside a sentence (roughly).
_CLAUSE_RE = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\b(?:but|though|although|while|whereas|and|because|after|as|which|who|if)\b",
    re.I,
)
_DIFF_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_INFLECTIONS = ("ings", "ing", "edly", "ed", "ies", "es", "s", "ly", "e")
_DERIVATIONS = ("ness", "ment", "ful")

# Synonym classes of general news language (not of one story): a paraphrase swaps these
# freely. The first word of each class names it.
SYNONYMS = (
    "ceasefire truce armistice",
    "negotiation negotiate talks talk dialogue discuss discussion",
    "agreement deal accord settlement pact",
    "willing willingness open openness ready readiness prepared",
    "reject exclude refuse dismiss rebuff",
    "concession compromise",
    "war conflict hostilities",
    "withdraw withdrawal retreat pullout",
    "missile rocket",
    "troops soldiers",
    "hinder complicate impede obstruct hamper",
    "delay postpone",
    "permission permit allow approve approval",
    "attack strike",
    "guarantee assurance",
    "demand insist require",
    "small smaller minor",
    "suit suffice satisfy",
)


# ----------------------------------------------------------------------------- text


@lru_cache(maxsize=200_000)
def _normalise_word(word: str) -> tuple[str, ...]:
    """Lower-case, unify apostrophes, split "n't" into "not", drop possessive 's."""
    w = word.lower().replace("’", "'")
    if w.endswith("n't"):
        return (w[:-3], "not") if w[:-3] else ("not",)
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    return (_VARIANTS.get(w, w),) if w else ()


def _rewrite_phrases(text: str) -> str:
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return text


def tokens(text: str) -> list[str]:
    """Normalised word tokens of ``text`` (stop words kept)."""
    return _tokens(_rewrite_phrases(text))


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for m in _WORD_RE.finditer(text):
        out.extend(_normalise_word(m.group()))
    return out


def _strip_suffix(word: str, suffixes: Sequence[str]) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _raw_stem(word: str) -> str:
    if word.isdigit() or len(word) <= 3:
        return word
    for suffix in ("isation", "ising", "ised", "ise"):
        if word.endswith(suffix):
            word = word[: -len(suffix)] + "iz" + suffix[2:]
            break
    word = _strip_suffix(word, _INFLECTIONS)
    base = _strip_suffix(word, _DERIVATIONS)
    if base != word:  # "willingness" -> "willing" -> "will"
        word = _strip_suffix(base, _INFLECTIONS)
    if word.endswith("y"):
        word = word[:-1] + "i"
    return word[:6]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A deliberately crude stem: strip inflections and a few derivations, keep 6 chars.

    Prefix truncation is a known strong baseline for English IR; it conflates
    ``negotiate/negotiations/negotiating`` and ``territory/territorial`` without a
    dictionary. UK "-is-" spellings are folded into "-iz-" first, and words of one
    synonym class in news language (truce/ceasefire, deal/agreement) share one stem.
    """
    s = _raw_stem(word)
    return _SYNONYM_STEMS.get(s, s)


_SYNONYM_STEMS: dict[str, str] = {
    _raw_stem(w): _raw_stem(cls.split()[0]) for cls in SYNONYMS for w in cls.split()
}


def content_words(text: str) -> list[str]:
    """Tokens minus stop words: what carries the facts of a sentence."""
    return _content(_rewrite_phrases(text))


def _content(text: str) -> list[str]:
    return [t for t in _tokens(text) if t not in STOPWORDS and not (len(t) == 1 and t.isalpha())]


@lru_cache(maxsize=200_000)
def _word_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    if len(padded) <= CHAR_N:
        return (padded,)
    return tuple(padded[i : i + CHAR_N] for i in range(len(padded) - CHAR_N + 1))


def _char_grams(words: Iterable[str]) -> list[str]:
    """Character n-grams of each content word, padded so word edges count."""
    return [g for w in words for g in _word_grams(w)]


# ----------------------------------------------------------------------------- model

# Document frequencies depend on how words are normalised: a saved model from other rules
# would silently skew IDF, so saved models carry this fingerprint.
_NORMALISER_ID = zlib.crc32(
    repr((SYNONYMS, sorted(_VARIANTS.items()), _INFLECTIONS, _DERIVATIONS, CHAR_N, sorted(STOPWORDS))).encode()
)


class CorpusModel:
    """Document frequencies of stems and character n-grams over a whole corpus.

    Stem IDF weighs article vectors in :func:`rank_similar`; char n-gram IDF weighs the
    spelling signal of :func:`align`. The model also keeps, in memory only, a cache of
    per-article vectors for :func:`rank_similar`, so keep one model alive rather than
    refit or reload it.
    """

    VERSION = 1

    def __init__(self, n_docs: int, word_df: Mapping[str, int], char_df: Mapping[str, int]) -> None:
        self.n_docs = n_docs
        self.word_df = dict(word_df)
        self.char_df = dict(char_df)
        self._word_idf_cache: dict[str, float] = {}
        self._char_idf_cache: dict[str, float] = {}
        self._doc_vectors: dict[str, tuple[int, dict[str, float]]] = {}

    @classmethod
    def fit(cls, texts: Iterable[str]) -> CorpusModel:
        """Count, per text (one article each), the distinct stems and char n-grams."""
        word_df: Counter[str] = Counter()
        char_df: Counter[str] = Counter()
        n = 0
        for text in texts:
            n += 1
            words = content_words(text)
            word_df.update({stem(w) for w in words})
            char_df.update(set(_char_grams(set(words))))
        return cls(n, word_df, char_df)

    def to_bytes(self) -> bytes:
        payload = {
            "version": self.VERSION,
            "normaliser": _NORMALISER_ID,
            "n_docs": self.n_docs,
            "word_df": self.word_df,
            "char_df": self.char_df,
        }
        return zlib.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(), 6)

    @classmethod
    def from_bytes(cls, data: bytes) -> CorpusModel:
        """Inverse of :meth:`to_bytes`; raises ``ValueError`` on foreign or old data."""
        try:
            payload = json.loads(zlib.decompress(data))
        except (zlib.error, ValueError, UnicodeDecodeError) as exc:
            raise ValueError(f"not a CorpusModel: {exc}") from exc
        if not isinstance(payload, dict) or payload.get("version") != cls.VERSION:
            raise ValueError("CorpusModel data of an unknown version")
        if payload.get("normaliser") != _NORMALISER_ID:
            raise ValueError("CorpusModel fitted with other stemming rules: refit it")
        return cls(int(payload["n_docs"]), payload["word_df"], payload["char_df"])

    def _idf(self, df: int) -> float:
        return math.log((1 + self.n_docs) / (1 + df)) + 1.0

    def word_idf(self, term: str) -> float:
        idf = self._word_idf_cache.get(term)
        if idf is None:
            idf = self._word_idf_cache[term] = self._idf(self.word_df.get(term, 0))
        return idf

    def char_idf(self, gram: str) -> float:
        idf = self._char_idf_cache.get(gram)
        if idf is None:
            idf = self._char_idf_cache[gram] = self._idf(self.char_df.get(gram, 0))
        return idf

    def article_vector(self, article: Article) -> dict[str, float]:
        """Unit-length stem TF-IDF vector of the article's non-boilerplate text (cached).

        The cache is keyed by id and validated by a hash of text and boilerplate, so an
        edited article is re-vectorised; ``str`` caches its own hash, so this is cheap.
        """
        key = hash((article.text, article.boilerplate))
        hit = self._doc_vectors.get(article.id)
        if hit is not None and hit[0] == key:
            return hit[1]
        counts = Counter(map(stem, content_words(_without_boilerplate(article))))
        vec = _unit({t: (1.0 + math.log(c)) * self.word_idf(t) for t, c in counts.items()})
        self._doc_vectors[article.id] = (key, vec)
        return vec

    def warm(self, articles: Iterable[Article]) -> None:
        """Vectorise articles ahead of :func:`rank_similar` (e.g. in a background worker)."""
        for article in articles:
            self.article_vector(article)


def _without_boilerplate(article: Article) -> str:
    """The article text with boilerplate spans blanked out (offsets do not matter here)."""
    if not article.boilerplate:
        return article.text
    parts, pos = [], 0
    for span in sorted(article.boilerplate, key=lambda sp: sp.start):
        parts.append(article.text[pos : max(pos, span.start)])
        pos = max(pos, span.end)
    parts.append(article.text[pos:])
    return "\n".join(parts)


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(a[k] * b[k] for k in a.keys() & b.keys())


# ----------------------------------------------------------------------------- results


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
                {"a_start": p.a_start, "a_end": p.a_end, "b_start": p.b_start, "b_end": p.b_end, "score": round(p.score, 4)}
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


# ----------------------------------------------------------------------------- sentences


def _outside(text: str, start: int, end: int, spans: Sequence[Span]) -> tuple[int, int] | None:
    """The longest part of ``[start, end)`` outside every span, trimmed; None if nothing.

    Cleaners flag whole lines, so this is usually all or nothing; when a span covers part
    of a sentence, the rest is kept so that boilerplate is never part of a link.
    """
    pieces = [(start, end)]
    for sp in spans:
        if sp.start < end and start < sp.end:
            pieces = [
                part
                for ps, pe in pieces
                for part in ((ps, min(pe, sp.start)), (max(ps, sp.end), pe))
                if part[1] > part[0]
            ]
    best: tuple[int, int] | None = None
    for ps, pe in pieces:
        while ps < pe and text[ps].isspace():
            ps += 1
        while pe > ps and text[pe - 1].isspace():
            pe -= 1
        if any(ch.isalnum() for ch in text[ps:pe]) and (best is None or pe - ps > best[1] - best[0]):
            best = (ps, pe)
    return best


def _content_ranges(article: Article) -> list[tuple[int, int]]:
    """Sentences outside boilerplate that contain at least one letter or digit."""
    out = []
    for s, e in split_sentences(article.text):
        kept = _outside(article.text, s, e, article.boilerplate)
        if kept is not None:
            out.append(kept)
    return out


class _Weights:
    """Term weights for one alignment: IDF over the two articles' sentences, and for
    character n-grams the geometric mean of that and the corpus IDF.

    Measured on the labelled pairs: corpus IDF for *words* made links worse, never better,
    because it rewards the story's own vocabulary ("Peskov" is rare in BBC 2005 but in
    every other sentence here) -- sentence IDF within the pair already knows that "Putin"
    is everywhere. Char n-grams, which stand for spelling and morphology, profit from a
    corpus view of what is a common word part.
    """

    def __init__(self, local: CorpusModel, corpus: CorpusModel | None = None) -> None:
        self.local = local
        # Every gram of these sentences is in the local model: weigh them all at once.
        self.chars = {
            g: math.sqrt(local.char_idf(g) * corpus.char_idf(g)) if corpus else local.char_idf(g)
            for g in local.char_df
        }

    def word(self, term: str) -> float:
        return self.local.word_idf(term)


@dataclass
class _Sent:
    """What the scorer needs to know about one sentence."""

    start: int
    end: int
    pos: float  # relative position in its article, 0..1
    words: dict[str, float]  # unit TF-IDF over stems
    idf: dict[str, float]  # distinct stems -> idf (for containment)
    grams: dict[str, float]  # unit TF-IDF over char n-grams
    clauses: list[dict[str, float]]  # stems -> idf of each clause with >= 2 stems


def _clause_words(text: str, start: int, end: int, drop: frozenset[str] = frozenset()) -> list[list[str]]:
    """Content words of a sentence, clause by clause (tokenised once, used twice)."""
    out = []
    for part in _CLAUSE_RE.split(_rewrite_phrases(text[start:end])):
        words = [w for w in _content(part) if w not in drop]
        if words:
            out.append(words)
    return out


def _local_model(sentences: Iterable[list[list[str]]]) -> CorpusModel:
    """Stem and char n-gram document frequencies with each sentence as a document."""
    word_df: Counter[str] = Counter()
    char_df: Counter[str] = Counter()
    n = 0
    for clauses in sentences:
        n += 1
        words = {w for c in clauses for w in c}
        word_df.update({stem(w) for w in words})
        char_df.update(set(_char_grams(words)))
    return CorpusModel(n, word_df, char_df)


def _featurise(start: int, end: int, clauses: list[list[str]], weights: _Weights, pos: float = 0.0) -> _Sent:
    words = [w for c in clauses for w in c]
    stems = Counter(map(stem, words))
    idf = {t: weights.word(t) for t in stems}
    chars = weights.chars
    clause_idf = []
    for c in clauses:
        cstems = {stem(w) for w in c}
        if len(cstems) >= 2:
            clause_idf.append({t: idf[t] for t in cstems})
    return _Sent(
        start,
        end,
        pos,
        _unit({t: (1.0 + math.log(c)) * idf[t] for t, c in stems.items()}),
        idf,
        _unit({g: (1.0 + math.log(c)) * chars[g] for g, c in Counter(_char_grams(words)).items()}),
        clause_idf,
    )


def _clause_cover(x: _Sent, y: _Sent) -> float:
    """How well the best-covered clause of either sentence is found in the other.

    Two sentences often share one fact and differ in the rest ("open to talks, but rules
    out concessions" / "declared its willingness to negotiate"): sentence-level measures
    dilute that, a clause-level one does not.
    """
    best = 0.0
    for clauses, other in ((x.clauses, y.idf), (y.clauses, x.idf)):
        for clause in clauses:
            shared = [w for t, w in clause.items() if t in other]
            if shared:
                cover = sum(shared) / sum(clause.values()) * min(1.0, len(shared) / CLAUSE_SHARED)
                best = max(best, cover)
    return best


def pair_score(x: _Sent, y: _Sent, use_position: bool = True) -> float:
    """The blended similarity of two featurised sentences (symmetric, 0..1)."""
    if sum(1 for t in x.idf if t in y.idf) < MIN_SHARED:
        return 0.0
    return _blend(x, y, _dot(x.words, y.words), use_position)


def _blend(x: _Sent, y: _Sent, word_cos: float, use_position: bool = True) -> float:
    score = W_WORD * word_cos + W_CHAR * _dot(x.grams, y.grams) + W_CLAUSE * _clause_cover(x, y)
    if use_position:
        return score + W_POS * (1.0 - abs(x.pos - y.pos))
    return score / (1.0 - W_POS)  # rescaled so thresholds stay comparable


def _score_all(
    xs: Sequence[_Sent], ys: Sequence[_Sent], threshold: float, use_position: bool = True
) -> dict[tuple[int, int], float]:
    """Scores >= ``threshold`` of pairs sharing ``MIN_SHARED`` stems (inverted index on ys).

    One shared word is a topic, not a fact: skipping such pairs is what keeps two
    2,000-word articles well under 100 ms. Pairs below the threshold could never be
    linked, and dropping them does not move any sentence's best above-threshold score.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, y in enumerate(ys):
        for t, w in y.words.items():
            postings[t].append((j, w))
    out: dict[tuple[int, int], float] = {}
    for i, x in enumerate(xs):
        dots: dict[int, float] = defaultdict(float)
        n_shared: dict[int, int] = defaultdict(int)
        for t, w in x.words.items():
            for j, wy in postings.get(t, ()):
                dots[j] += w * wy
                n_shared[j] += 1
        for j, d in dots.items():
            if n_shared[j] < MIN_SHARED:
                continue
            score = _blend(x, ys[j], d, use_position)
            if score >= threshold:
                out[(i, j)] = score
    return out


def _select(scores: Mapping[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Keep pairs above the threshold that are (near) the best for one of their sentences.

    "Near the best" rather than "the best" is what allows one-to-many links; requiring it
    for at least one side keeps a sentence from linking to everything vaguely on topic.
    """
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for (i, j), s in scores.items():
        best_a[i] = max(best_a[i], s)
        best_b[j] = max(best_b[j], s)
    return {
        (i, j): s
        for (i, j), s in scores.items()
        if s >= NEAR_BEST * best_a[i] or s >= NEAR_BEST * best_b[j]
    }


# ----------------------------------------------------------------------------- public API


def _relative(k: int, n: int) -> float:
    return k / (n - 1) if n > 1 else 0.0


def align(a: Article, b: Article, model: CorpusModel | None = None) -> Alignment:
    """Link each sentence of ``a`` to its counterpart(s) in ``b``; boilerplate is ignored."""
    ra, rb = _content_ranges(a), _content_ranges(b)
    ta = [_clause_words(a.text, s, e) for s, e in ra]
    tb = [_clause_words(b.text, s, e) for s, e in rb]
    weights = _Weights(_local_model(ta + tb), model)
    xs = [_featurise(s, e, c, weights, _relative(k, len(ra))) for k, ((s, e), c) in enumerate(zip(ra, ta))]
    ys = [_featurise(s, e, c, weights, _relative(k, len(rb))) for k, ((s, e), c) in enumerate(zip(rb, tb))]
    links = _select(_score_all(xs, ys, LINK_THRESHOLD))
    pairs = tuple(
        SentenceLink(xs[i].start, xs[i].end, ys[j].start, ys[j].end, round(s, 4)) for (i, j), s in sorted(links.items())
    )
    linked_a = {i for i, _ in links}
    linked_b = {j for _, j in links}
    return Alignment(
        a=a.id,
        b=b.id,
        pairs=pairs,
        only_a=tuple(r for i, r in enumerate(ra) if i not in linked_a),
        only_b=tuple(r for j, r in enumerate(rb) if j not in linked_b),
    )


def rank_similar(
    target: Article,
    candidates: Sequence[Article],
    model: CorpusModel | None = None,
    limit: int | None = None,
) -> list[tuple[str, float]]:
    """Candidate article ids by cosine of stem TF-IDF vectors, best first, target excluded.

    Vectors are cached in ``model`` (see :meth:`CorpusModel.article_vector`): keep one
    model alive and repeated calls over a 2,000-article corpus take tens of milliseconds.
    Without a model one is fitted on target and candidates, which is slow for a corpus.
    """
    if model is None:
        model = CorpusModel.fit([target.text, *(c.text for c in candidates)])
    tv = model.article_vector(target)
    ranked = [(c.id, round(_dot(tv, model.article_vector(c)), 6)) for c in candidates if c.id != target.id]
    ranked.sort(key=lambda p: (-p[1], p[0]))
    return ranked if limit is None else ranked[:limit]


def word_diff(a_text: str, b_text: str, a_offset: int = 0, b_offset: int = 0) -> list[DiffOp]:
    """Word-level diff of two linked sentences (case-insensitive, punctuation as tokens).

    Ops cover tokens, not the spaces between them; an insert's ``a_start == a_end`` is
    where the new words would go in ``a`` (and likewise for deletes in ``b``).
    """
    ta = list(_DIFF_TOKEN_RE.finditer(a_text))
    tb = list(_DIFF_TOKEN_RE.finditer(b_text))
    ka = [m.group().lower().replace("’", "'") for m in ta]
    kb = [m.group().lower().replace("’", "'") for m in tb]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        a_start, a_end = _token_range(ta, i1, i2, len(a_text))
        b_start, b_end = _token_range(tb, j1, j2, len(b_text))
        out.append(DiffOp(op, a_start + a_offset, a_end + a_offset, b_start + b_offset, b_end + b_offset))
    return out


def _token_range(toks: Sequence[re.Match[str]], i1: int, i2: int, text_len: int) -> tuple[int, int]:
    if i2 > i1:
        return toks[i1].start(), toks[i2 - 1].end()
    pos = toks[i1].start() if i1 < len(toks) else (toks[-1].end() if toks else 0)
    return pos, pos


def _quote_context(q: Quote, articles: Mapping[str, Article], cache: dict[str, list[tuple[int, int]]]) -> tuple[str, int, int]:
    """The quote's enclosing sentence(s): short partial quotes ("not suit") need them."""
    art = articles.get(q.article)
    if art is None:
        return q.text, 0, len(q.text)
    if art.id not in cache:
        cache[art.id] = split_sentences(art.text)
    spans = [(s, e) for s, e in cache[art.id] if s < max(q.end, q.start + 1) and e > q.start]
    if not spans:
        return art.text, q.start, q.end
    return art.text, spans[0][0], spans[-1][1]


def quote_variants(
    quotes: Sequence[Quote],
    articles: Mapping[str, Article],
    model: CorpusModel | None = None,
) -> list[VariantGroup]:
    """Group quotes of one speaker that render the same statement across articles.

    Two quotes are linked when the speaker is the same and their enclosing sentences score
    at least ``QUOTE_THRESHOLD`` (speaker-name words removed, so "Peskov said" alone does
    not count), or when they sit in the same sentence of one article (fragments of one
    statement, like "not suit" and "achieve its goals"). Quotes without a speaker and
    ``kind == "other"`` are ignored. Only groups spanning at least two articles are
    returned, largest first; quotes inside a group are ordered by article and offset.
    """
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.speaker and q.kind != "other":
            by_speaker[q.speaker.strip()].append(q)
    sentence_cache: dict[str, list[tuple[int, int]]] = {}
    contexts = {id(q): _quote_context(q, articles, sentence_cache) for qs in by_speaker.values() for q in qs}
    weights = _Weights(_local_model(_clause_words(*ctx) for ctx in contexts.values()), model)
    groups = []
    for speaker, qs in by_speaker.items():
        drop = frozenset(content_words(speaker))
        feats = [_featurise(*contexts[id(q)][1:], _clause_words(*contexts[id(q)], drop), weights) for q in qs]
        groups.extend(VariantGroup(speaker, members) for members in _cluster(qs, feats))
    groups.sort(key=lambda g: (-len(g.quotes), g.speaker, g.quotes[0].article, g.quotes[0].start))
    return groups


def _cluster(qs: Sequence[Quote], feats: Sequence[_Sent]) -> list[tuple[Quote, ...]]:
    """Single-link clusters of one speaker's quotes that span two or more articles."""
    parent = list(range(len(qs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _score_all(feats, feats, QUOTE_THRESHOLD, use_position=False):
        if i < j and qs[i].article != qs[j].article:
            parent[find(i)] = find(j)
    by_place = sorted(range(len(qs)), key=lambda k: (qs[k].article, feats[k].start))
    for i, j in zip(by_place, by_place[1:]):  # same sentence of one article
        if qs[i].article == qs[j].article and feats[j].start < feats[i].end:
            parent[find(i)] = find(j)
    clusters: dict[int, list[Quote]] = defaultdict(list)
    for k, q in enumerate(qs):
        clusters[find(k)].append(q)
    return [
        tuple(sorted(members, key=lambda q: (q.article, q.start)))
        for members in clusters.values()
        if len({q.article for q in members}) >= 2
    ]
