"""Sentence alignment between two articles, and quote variants across the corpus.

Two outlets rarely copy each other word for word: they paraphrase ("would not suit
Russia" / "will not work in any way"), merge facts into one lead sentence, or split them.
So a link between two sentences is decided by a blend of lexical signals, all weighted by
how rare a term is in the corpus (IDF from :class:`CorpusModel`):

* word TF-IDF cosine over light stems (``negotiations`` ~ ``negotiating``),
* character 4-gram TF-IDF cosine over content words (spelling and morphology variants),
* IDF-weighted containment: how much of the *shorter* sentence the longer one covers,
  which is what makes many-to-one links (a lead sentence covering three) visible.

Pure Python (no numpy, no downloads). The weights and the threshold were calibrated on
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

# --- Calibrated constants (grid search on the "tune" and "check" pairs of
# tests/index/data/align_labels.yaml; see bench/results and the module tests). ---
W_WORD = 0.25  # word (stem) TF-IDF cosine
W_CHAR = 0.0  # character 4-gram TF-IDF cosine (kept as a signal; it added nothing here)
W_COVER = 0.30  # IDF-weighted containment of the shorter sentence in the longer
W_CLAUSE = 0.30  # best containment of one clause of either sentence in the other
W_POS = 0.15  # closeness of relative position (news runs top-down in both outlets)
LINK_THRESHOLD = 0.47  # minimum blended score for a link
NEAR_BEST = 0.8  # a link must score >= this fraction of the best link of either side
QUOTE_THRESHOLD = 0.20  # quote contexts: the same speaker is already required
MIN_SHARED = 2  # sentence containment counts fully only from this many shared stems
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


def _normalise_word(word: str) -> list[str]:
    """Lower-case, unify apostrophes, split "n't" into "not", drop possessive 's."""
    w = word.lower().replace("’", "'")
    if w.endswith("n't"):
        return [w[:-3], "not"] if w[:-3] else ["not"]
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    return [_VARIANTS.get(w, w)] if w else []


def tokens(text: str) -> list[str]:
    """Normalised word tokens of ``text`` (stop words kept)."""
    out: list[str] = []
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
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
    return [t for t in tokens(text) if t not in STOPWORDS and not (len(t) == 1 and t.isalpha())]


def _char_grams(words: Iterable[str]) -> list[str]:
    """Character n-grams of each content word, padded so word edges count."""
    out: list[str] = []
    for w in words:
        padded = f" {w} "
        if len(padded) <= CHAR_N:
            out.append(padded)
        else:
            out.extend(padded[i : i + CHAR_N] for i in range(len(padded) - CHAR_N + 1))
    return out


# ----------------------------------------------------------------------------- model


class CorpusModel:
    """Document frequencies of stems and character n-grams over a whole corpus.

    IDF makes "Putin" (in every article of a story) count less than "Mykolaiv". The model
    also keeps, in memory only, a cache of per-article vectors for :func:`rank_similar`,
    so the caller should keep one model alive rather than refit or reload it.
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
        payload = {"version": self.VERSION, "n_docs": self.n_docs, "word_df": self.word_df, "char_df": self.char_df}
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
    get = b.get
    return sum(v * get(k, 0.0) for k, v in a.items())


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


def _covered(start: int, end: int, spans: Sequence[Span]) -> int:
    return sum(max(0, min(end, sp.end) - max(start, sp.start)) for sp in spans)


def _content_ranges(article: Article) -> list[tuple[int, int]]:
    """Sentences of the article outside boilerplate, with at least one letter or digit.

    A sentence at least half covered by boilerplate spans counts as boilerplate.
    """
    out = []
    for s, e in split_sentences(article.text):
        if not any(ch.isalnum() for ch in article.text[s:e]):
            continue
        if article.boilerplate and 2 * _covered(s, e, article.boilerplate) >= e - s:
            continue
        out.append((s, e))
    return out


class _Weights:
    """IDF as the geometric mean of corpus IDF and IDF over the two articles' sentences.

    Corpus IDF alone over-weights the story's own vocabulary when the corpus is about
    other things ("Peskov" is rare in BBC 2005 but in every sentence here); sentence IDF
    alone cannot tell "year" from "Mykolaiv" in short articles. Together they do both.
    """

    def __init__(self, local: CorpusModel, corpus: CorpusModel | None = None) -> None:
        self.local = local
        self.corpus = corpus

    def word(self, term: str) -> float:
        if self.corpus is None:
            return self.local.word_idf(term)
        return math.sqrt(self.local.word_idf(term) * self.corpus.word_idf(term))

    def char(self, gram: str) -> float:
        if self.corpus is None:
            return self.local.char_idf(gram)
        return math.sqrt(self.local.char_idf(gram) * self.corpus.char_idf(gram))


@dataclass
class _Sent:
    """What the scorer needs to know about one sentence."""

    start: int
    end: int
    pos: float  # relative position in its article, 0..1
    words: dict[str, float]  # unit TF-IDF over stems
    idf: dict[str, float]  # distinct stems -> idf (for containment)
    mass: float  # sum of idf over distinct stems
    grams: dict[str, float]  # unit TF-IDF over char n-grams
    clauses: list[dict[str, float]]  # stems -> idf of each clause with >= 2 stems


def _clause_words(text: str, start: int, end: int, drop: frozenset[str] = frozenset()) -> list[list[str]]:
    """Content words of a sentence, clause by clause (tokenised once, used twice)."""
    out = []
    for part in _CLAUSE_RE.split(text[start:end]):
        words = [w for w in content_words(part) if w not in drop]
        if words:
            out.append(words)
    return out


def _local_model(sentences: Iterable[list[list[str]]]) -> CorpusModel:
    """Stem document frequencies with each sentence as a document."""
    df: Counter[str] = Counter()
    n = 0
    for clauses in sentences:
        n += 1
        df.update({stem(w) for words in clauses for w in words})
    return CorpusModel(n, df, {})


def _featurise(start: int, end: int, clauses: list[list[str]], weights: _Weights, pos: float = 0.0) -> _Sent:
    words = [w for c in clauses for w in c]
    stems = Counter(map(stem, words))
    idf = {t: weights.word(t) for t in stems}
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
        sum(idf.values()),
        _unit({g: (1.0 + math.log(c)) * weights.char(g) for g, c in Counter(_char_grams(words)).items()}) if W_CHAR else {},
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
    shared = [t for t in x.idf if t in y.idf]
    if not shared:
        return 0.0
    return _blend(x, y, _dot(x.words, y.words), sum(x.idf[t] for t in shared), len(shared), use_position)


def _blend(x: _Sent, y: _Sent, word_cos: float, shared_idf: float, n_shared: int, use_position: bool = True) -> float:
    cover = min(1.0, shared_idf / min(x.mass, y.mass) * min(1.0, n_shared / MIN_SHARED))
    score = W_WORD * word_cos + W_COVER * cover + W_CLAUSE * _clause_cover(x, y)
    if W_CHAR:
        score += W_CHAR * _dot(x.grams, y.grams)
    if use_position:
        return score + W_POS * (1.0 - abs(x.pos - y.pos))
    return score / (1.0 - W_POS)


def _blend_bound(x: _Sent, y: _Sent, word_cos: float, shared_idf: float, n_shared: int) -> float:
    """An upper bound of :func:`_blend` that does not compute clause or char terms."""
    cover = min(1.0, shared_idf / min(x.mass, y.mass) * min(1.0, n_shared / MIN_SHARED))
    return W_WORD * word_cos + W_COVER * cover + W_CLAUSE + W_CHAR + W_POS * (1.0 - abs(x.pos - y.pos))


def _score_all(xs: Sequence[_Sent], ys: Sequence[_Sent]) -> dict[tuple[int, int], float]:
    """Scores of every pair sharing at least one stem, via an inverted index on ``ys``.

    Pairs with no stem in common cannot be the same fact worth showing, and skipping them
    is what keeps two 2,000-word articles well under 100 ms.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, y in enumerate(ys):
        for t, w in y.words.items():
            postings[t].append((j, w))
    out: dict[tuple[int, int], float] = {}
    for i, x in enumerate(xs):
        dots: dict[int, float] = defaultdict(float)
        shared_idf: dict[int, float] = defaultdict(float)
        n_shared: dict[int, int] = defaultdict(int)
        for t, w in x.words.items():
            idf = x.idf[t]
            for j, wy in postings.get(t, ()):
                dots[j] += w * wy
                shared_idf[j] += idf
                n_shared[j] += 1
        for j, d in dots.items():
            y = ys[j]
            # Clause cover is the costly term: skip it when even a perfect one cannot lift
            # the pair over the threshold (pairs below it never change the selection).
            if _blend_bound(x, y, d, shared_idf[j], n_shared[j]) >= LINK_THRESHOLD:
                out[(i, j)] = _blend(x, y, d, shared_idf[j], n_shared[j])
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
        if s >= LINK_THRESHOLD and (s >= NEAR_BEST * best_a[i] or s >= NEAR_BEST * best_b[j])
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
    links = _select(_score_all(xs, ys))
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
    get = tv.get
    ranked = []
    for cand in candidates:
        if cand.id == target.id:
            continue
        cv = model.article_vector(cand)
        if len(cv) < len(tv):
            score = sum(w * get(t, 0.0) for t, w in cv.items())
        else:
            score = sum(w * cv.get(t, 0.0) for t, w in tv.items())
        ranked.append((cand.id, round(score, 6)))
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


def _quote_context(q: Quote, articles: Mapping[str, Article]) -> tuple[str, int, int]:
    """The quote's enclosing sentence(s): short partial quotes ("not suit") need them."""
    art = articles.get(q.article)
    if art is None:
        return q.text, 0, len(q.text)
    spans = [(s, e) for s, e in split_sentences(art.text) if s < max(q.end, q.start + 1) and e > q.start]
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
    above ``QUOTE_THRESHOLD`` (speaker-name words removed, so "Peskov said" alone does not
    count), or when they sit in the same sentence of one article (fragments of one
    statement). Only groups spanning at least two articles are returned, largest first.
    """
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.speaker and q.kind != "other":
            by_speaker[q.speaker.strip()].append(q)
    contexts = {id(q): _quote_context(q, articles) for qs in by_speaker.values() for q in qs}
    weights = _Weights(_local_model(_clause_words(*ctx) for ctx in contexts.values()), model)
    groups: list[VariantGroup] = []
    for speaker, qs in by_speaker.items():
        drop = frozenset(content_words(speaker))
        feats = [_featurise(*contexts[id(q)][1:], _clause_words(*contexts[id(q)], drop), weights) for q in qs]
        parent = list(range(len(qs)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i in range(len(qs)):
            for j in range(i + 1, len(qs)):
                if _same_statement(qs[i], qs[j], feats[i], feats[j]):
                    parent[find(i)] = find(j)
        clusters: dict[int, list[Quote]] = defaultdict(list)
        for i, q in enumerate(qs):
            clusters[find(i)].append(q)
        for members in clusters.values():
            if len({q.article for q in members}) >= 2:
                members.sort(key=lambda q: (q.article, q.start))
                groups.append(VariantGroup(speaker, tuple(members)))
    groups.sort(key=lambda g: (-len(g.quotes), g.speaker, g.quotes[0].article, g.quotes[0].start))
    return groups


def _same_statement(p: Quote, q: Quote, fp: _Sent, fq: _Sent) -> bool:
    if p.article == q.article:
        return fp.start < fq.end and fq.start < fp.end  # same sentence: one statement
    return pair_score(fp, fq, use_position=False) >= QUOTE_THRESHOLD
