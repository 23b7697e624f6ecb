"""Sentence alignment between two articles, and quote variants across the corpus.

Two outlets rarely copy each other word for word: they paraphrase ("would not suit
Russia" / "will not work in any way"), merge facts into one lead sentence, or split them.
A link means the two sentences report the same fact or statement. It is decided in three
steps, all lexical and pure Python (no numpy, no downloads):

1. Normalise words for this pair of articles: crude stems, news synonyms folded (truce ~
   ceasefire), UK/US spellings, "100,000" / "per cent", compounds split in one outlet and
   not the other ("front lines" / "frontlines"), first names dropped where the surname
   also stands alone ("Vladimir Putin" / "Putin"), attribution words ignored ("officials
   familiar with", "current and former") because they are who said it, not what.
2. Score content, each term weighted by IDF among the two articles' sentences (for
   character n-grams also in the corpus, from :class:`CorpusModel`): word TF-IDF cosine,
   character 4-gram cosine, and clause containment (how much of the best-covered clause
   of one sentence the other contains, which makes many-to-one links visible). Sentences
   that share only capitalised words (a name, a title) are marked down, and then
   closeness to the *expected* position is added: confident links form an
   order-preserving backbone, and other sentences are expected between their neighbours'
   partners (an outlet that adds a preamble or moves a section still lines up).
3. Select: a link must clear a threshold; a link that is the best of only one of its
   sentences, or of neither, must also be justified by containment (one sentence mostly
   inside the other, as a fact inside a lead), and a short list item ("Smaller parts of
   Kharkiv and Mykolaiv regions.") must be the mutual best and say most of the other.

Constants were chosen on hand-labelled seed pairs (``tests/index/data/align_labels.yaml``).
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

from .models import Alignment, Article, DiffOp, Quote, SentenceLink, Span, VariantGroup
from .sentences import split_sentences
from .speakers import UNNAMED, unnamed

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

# --- Calibrated constants. Content weights come from the first grid search (tune, check,
# final pairs); the rest were chosen on the "tune", "check" and "final" pairs of
# tests/index/data/align_labels.yaml, "final2" and "final3" only measured.
# Figures: bench/results/align.json. ---
W_WORD = 0.26  # word (stem) TF-IDF cosine
W_CHAR = 0.21  # character 4-gram TF-IDF cosine over content words
W_CLAUSE = 0.32  # best containment of one clause of either sentence in the other
W_POS = 0.21  # share of the score given to closeness to the expected position
ANCHOR_MIN = 0.5  # content score of a mutual best link trusted to anchor positions
LINK_THRESHOLD = 0.39  # minimum score for a link
COVER_ONE_SIDED = 0.3  # a link best for one side only: share of that side's sentence covered,
COVER_CONTAINED = 0.6  # ... or share of the other sentence inside it
NEAR_BEST = 0.7  # a link best for neither side must score this fraction of a side's best
COVER_EXTRA = 0.2  # ... and have this share of one sentence covered by the other
COVER_LIST_ITEM = 0.5  # share of the other sentence a linked list item must cover
LIST_ITEM_WORDS = 12  # a list item longer than this reads as a sentence of its own
NAMES_ONLY_FACTOR = 0.6  # score factor of two sentences that share only capitalised words
TITLE_CASE_SHARE = 0.7  # a sentence with this share of capitalised long words is a title
VARIANT_THRESHOLD = 0.4  # statements of one speaker: average similarity to join a group
SHORT_STATEMENT = 4  # content words: a shorter statement is compared with its whole sentence
MIN_SHARED = 2  # sentences sharing fewer content stems are never linked
CLAUSE_SHARED = 3  # clause containment counts fully only from this many shared stems
CHAR_N = 4
MAX_LINKS = 3  # partners a sentence may have on the other side

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
) | frozenset(
    # Attribution: who passed a fact on, not the fact. Outlets repeat it around different
    # facts ("officials familiar with the Kremlin's thinking said ..."), which linked
    # sentences that only shared their sourcing.
    """official officials cite cites cited citing familiar anonymity anonymous anonymously
    unnamed insider insiders spokesman spokeswoman spokesperson condition knowledge""".split()
)

# Spelling variants common in news about the same story (transliterations, US/UK).
_VARIANTS = {
    "kiev": "kyiv",
    "zelenskiy": "zelensky",
    "zelenskyy": "zelensky",
    "kharkov": "kharkiv",
    "odessa": "odesa",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "programme": "program",
    "catalogue": "catalog",
    "grey": "gray",
}

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
# Phrasal verbs and idioms of news language that paraphrases swap for one word.
_PHRASES = (
    (r"\brul(?:e|es|ed|ing) out\b", "exclude"),
    (r"\bpull(?:s|ed|ing)? out\b", "withdraw"),
    (r"\bgreen light\b", "permission"),
    (r"\bg[ai]v(?:e|es|ing|en) up\b", "abandon"),
    # An attribution formula: which sources said it is not the fact.
    (r"\b(?:current and former|former and current)\b", " "),
    (r"(?<=\d),(?=\d{3}\b)", ""),  # 100,000 -> 100000
    (r"\s*%|\bper ?cent\b", " percent"),
)
# All phrases in one pattern (one scan per sentence); group k holds phrase k.
_PHRASE_RE = re.compile("|".join(f"({pattern})" for pattern, _ in _PHRASES), re.I)
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
    "permission permit allow approve approval authorize authorization",
    "attack strike",
    "guarantee assurance",
    "demand insist require",
    "small smaller minor",
    "suit suffice satisfy work",
    "quickly quick swiftly swift rapidly rapid",
    "end stop halt",
    "abandon renounce forgo",
    "membership join accession",
    "area part patch portion",
    "fight combat",
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
    return _PHRASE_RE.sub(_phrase_replacement, text)


def _phrase_replacement(match: re.Match[str]) -> str:
    return _PHRASES[match.lastindex - 1][1] if match.lastindex else match.group()


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
    for suffix in ("isation", "ising", "ised", "ise", "ysed", "yse"):
        if word.endswith(suffix):  # UK -ise/-yse -> US -ize/-yze
            word = word[: -len(suffix)] + suffix[0] + "z" + suffix[2:]
            break
    if len(word) >= 6 and "our" in word[1:]:  # UK colour, neighbour -> color, neighbor
        word = word[0] + word[1:].replace("our", "or")
    word = _strip_suffix(word, _INFLECTIONS)
    if len(word) >= 5 and word.endswith("ll"):  # travelled/traveled, cancelled/canceled
        word = word[:-1]
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


_SYNONYM_STEMS: dict[str, str] = {_raw_stem(w): _raw_stem(cls.split()[0]) for cls in SYNONYMS for w in cls.split()}


def content_words(text: str) -> list[str]:
    """Tokens minus stop words: what carries the facts of a sentence."""
    return _content(_rewrite_phrases(text))


def _content(text: str, keep: frozenset[str] = frozenset()) -> list[str]:
    return [t for t in _tokens(text) if (t in keep or t not in STOPWORDS) and not (len(t) == 1 and t.isalpha())]


# What a statement says, not only what it is about: "will not work" and "would not suit"
# share their negation (for sentence alignment it is noise: every other sentence has one).
STATEMENT_WORDS = frozenset({"not", "no", "never"})


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
_STEM_RULES = 2  # bump when _raw_stem changes (2: UK -our/-yse/-ll spellings folded)
_NORMALISER_ID = zlib.crc32(
    repr(
        (
            _STEM_RULES,
            SYNONYMS,
            sorted(_VARIANTS.items()),
            _PHRASES,
            _INFLECTIONS,
            _DERIVATIONS,
            CHAR_N,
            sorted(STOPWORDS),
        )
    ).encode()
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
            g: math.sqrt(local.char_idf(g) * corpus.char_idf(g)) if corpus else local.char_idf(g) for g in local.char_df
        }

    def word(self, term: str) -> float:
        return self.local.word_idf(term)


@dataclass
class _Sent:
    """What the scorer needs to know about one sentence."""

    start: int
    end: int
    words: dict[str, float]  # unit TF-IDF over stems
    idf: dict[str, float]  # distinct stems -> idf (for containment)
    grams: dict[str, float]  # unit TF-IDF over char n-grams
    clauses: list[dict[str, float]]  # stems -> idf of each clause with >= 2 stems


def _clause_words(
    text: str, start: int, end: int, drop: frozenset[str] = frozenset(), keep: frozenset[str] = frozenset()
) -> list[list[str]]:
    """Content words of a sentence, clause by clause (tokenised once, used twice)."""
    out = []
    for part in _CLAUSE_RE.split(_rewrite_phrases(text[start:end])):
        words = [w for w in _content(part, keep) if w not in drop]
        if words:
            out.append(words)
    return out


_CAPITALISED_RE = re.compile(r"\b[A-Z]\w*(?:['’]\w+)*(?:-\w+)*")
_LOWER_RE = re.compile(r"\b[a-z]+\b")
_LONG_WORD_RE = re.compile(r"\w{4,}")

Ranges = Sequence[tuple[int, int]]


def _surface(docs: Sequence[tuple[str, Ranges]]) -> tuple[frozenset[str], list[list[_Names]]]:
    """What capital letters tell about two articles: first names, and each sentence's names.

    First names are words that only ever appear right before another capitalised word
    which also stands alone ("Vladimir Putin" ... "Putin"). Outlets write the full name
    once and the surname after, in different places; dropping first names lets "Dmitry
    Peskov said" match "Peskov cautioned". A word also written lower-case ("incoming") or
    standing alone ("Russian") is never a first name.
    """
    followers: dict[str, set[str]] = defaultdict(set)
    alone: Counter[str] = Counter()
    lower: set[str] = set()
    mid_caps: set[str] = set()
    caps_per_doc = []
    for text, ranges in docs:
        caps_per_sentence = []
        for s, e in ranges:
            lower.update(_LOWER_RE.findall(text, s, e))
            caps = list(_CAPITALISED_RE.finditer(text, s, e))
            for k, m in enumerate(caps):
                word = m.group()
                if m.start() > s:
                    mid_caps.add(word.lower())
                nxt = caps[k + 1] if k + 1 < len(caps) else None
                if nxt is not None and nxt.start() == m.end() + 1 and text[m.end()] == " ":
                    followers[word].add(nxt.group())
                else:
                    alone[word] += 1
            caps_per_sentence.append((text, s, e, caps))
        caps_per_doc.append(caps_per_sentence)
    first_names = frozenset(
        w.lower()
        for w, nxt in followers.items()
        if not alone[w] and w.isalpha() and w.lower() not in lower and any(alone[n] for n in nxt)
    )
    names = [[_Names(*sent, mid_caps) for sent in doc] for doc in caps_per_doc]
    return first_names, names


class _Names:
    """Stems of the capitalised words of one sentence (names, titles, places), on demand.

    Two sentences that share only names ("US President-elect Trump") share a topic, not a
    fact. The first word counts as a name when it is capitalised mid-sentence somewhere
    (``mid_caps``); in a title-case headline capitals say nothing, so it has no names.
    Computed lazily: only pairs that might be linked ask.
    """

    def __init__(self, text: str, start: int, end: int, caps: Sequence[re.Match[str]], mid_caps: set[str]) -> None:
        self._where = (text, start, end)
        self._caps = caps
        self._mid_caps = mid_caps
        self._stems: frozenset[str] | None = None

    @property
    def stems(self) -> frozenset[str]:
        if self._stems is None:
            self._stems = self._compute()
        return self._stems

    def _compute(self) -> frozenset[str]:
        text, start, end = self._where
        long_words = _LONG_WORD_RE.findall(text, start, end)
        if long_words and sum(w[0].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words):
            return frozenset()
        names = {m.group().lower() for m in self._caps if m.start() > start or m.group().lower() in self._mid_caps}
        return frozenset(stem(t) for w in names for part in w.split("-") for t in _normalise_word(part))


def _join_compounds(sentences: list[list[list[str]]]) -> list[list[list[str]]]:
    """Join two adjacent words when, joined, they are a word of these texts.

    "front lines" / "frontlines", "cease fire" (from "cease-fire") / "ceasefire": the
    vocabulary of the two articles tells which joins are real, no dictionary needed.
    """
    vocab = {w for sent in sentences for clause in sent for w in clause}
    out = []
    for sent in sentences:
        new_sent = []
        for clause in sent:
            joined: list[str] = []
            k = 0
            while k < len(clause):
                if k + 1 < len(clause) and _is_compound(clause[k], clause[k + 1], vocab):
                    joined.append(clause[k] + clause[k + 1])
                    k += 2
                else:
                    joined.append(clause[k])
                    k += 1
            new_sent.append(joined)
        out.append(new_sent)
    return out


def _is_compound(first: str, second: str, vocab: set[str]) -> bool:
    if len(first) < 3 or len(second) < 3 or not (first + second).isalpha():
        return False
    both = first + second
    return both in vocab or both + "s" in vocab or (both.endswith("s") and both[:-1] in vocab)


def _list_items(text: str, ranges: Sequence[tuple[int, int]]) -> set[int]:
    """Indexes of short sentences that are items of a list introduced by a colon.

    "Russia controls ... including:" followed by "Smaller parts of Kharkiv and Mykolaiv
    regions." -- the item means little without its lead-in, and sharing two place names
    with a sentence about something else is not sharing a fact.
    """
    out: set[int] = set()
    for k, (s, e) in enumerate(ranges):
        if k == 0 or text[text.rfind("\n", 0, s) + 1 : s].strip():
            continue  # an item starts its own line, after the lead-in
        prev_s, prev_e = ranges[k - 1]
        after_lead_in = text[prev_s:prev_e].rstrip().endswith(":") or k - 1 in out
        short = len(_WORD_RE.findall(text, s, e)) <= LIST_ITEM_WORDS
        if after_lead_in and short and not text[s:e].rstrip().endswith(":"):
            out.add(k)
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


def _featurise(start: int, end: int, clauses: list[list[str]], weights: _Weights) -> _Sent:
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


def _blend(x: _Sent, y: _Sent, word_cos: float) -> float:
    """Content similarity only: where a sentence sits is judged later, by :func:`_select`."""
    score = W_WORD * word_cos + W_CHAR * _dot(x.grams, y.grams) + W_CLAUSE * _clause_cover(x, y)
    return score / (W_WORD + W_CHAR + W_CLAUSE)


def _score_all(xs: Sequence[_Sent], ys: Sequence[_Sent], threshold: float) -> dict[tuple[int, int], float]:
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
            score = _blend(x, ys[j], d)
            if score >= threshold:
                out[(i, j)] = score
    return out


def _names_only(x: _Sent, y: _Sent, names_x: frozenset[str], names_y: frozenset[str]) -> bool:
    return all(t in names_x and t in names_y for t in x.idf.keys() & y.idf.keys())


def _covered(x: _Sent, y: _Sent) -> float:
    """Share of ``x``'s content (IDF mass of its stems) that ``y`` also has."""
    total = sum(x.idf.values())
    return sum(w for t, w in x.idf.items() if t in y.idf) / total if total else 0.0


def _select(
    scores: Mapping[tuple[int, int], float],
    xs: Sequence[_Sent],
    ys: Sequence[_Sent],
    items_a: set[int],
    items_b: set[int],
) -> dict[tuple[int, int], float]:
    """Links above the threshold that stand up against each sentence's best link.

    * Mutual best: kept.
    * Best for one side only (``x`` prefers ``y``, but ``y`` has a better partner): kept
      when ``y`` reports much of what ``x`` says, or ``x`` nearly all of ``y`` -- one fact
      of a summary sentence, not a neighbour on the same sub-topic.
    * Best for neither: kept when near the best of one side and one sentence is partly
      contained in the other (a lead sentence covering several facts).
    * With a list item: kept only when mutual best and the item says most of what the
      other sentence says; sharing the item's place names is not enough.
    """
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for (i, j), s in scores.items():
        best_a[i] = max(best_a[i], s)
        best_b[j] = max(best_b[j], s)
    out = {}
    for (i, j), s in scores.items():
        if s < LINK_THRESHOLD:
            continue
        x, y, top_a, top_b = xs[i], ys[j], s >= best_a[i], s >= best_b[j]
        if i in items_a or j in items_b:
            keep = top_a and top_b and (_covered(y, x) if i in items_a else _covered(x, y)) >= COVER_LIST_ITEM
        elif top_a and top_b:
            keep = True
        elif top_a or top_b:
            chooser, other = (x, y) if top_a else (y, x)
            keep = _covered(chooser, other) >= COVER_ONE_SIDED or _covered(other, chooser) >= COVER_CONTAINED
        else:
            near = s >= NEAR_BEST * best_a[i] or s >= NEAR_BEST * best_b[j]
            keep = near and max(_covered(x, y), _covered(y, x)) >= COVER_EXTRA
        if keep:
            out[i, j] = s
    return out


# ----------------------------------------------------------------------------- public API


def align(a: Article, b: Article, model: CorpusModel | None = None) -> Alignment:
    """Link each sentence of ``a`` to its counterpart(s) in ``b``; boilerplate is ignored.

    Symmetric: ``align(b, a)`` links the same sentences (the scores are symmetric, and
    ties are broken the same way by aligning in one canonical order and mirroring).
    """
    if (b.id, b.content_hash, b.text) < (a.id, a.content_hash, a.text):
        return _mirror(_align(b, a, model))
    return _align(a, b, model)


def _mirror(al: Alignment) -> Alignment:
    pairs = tuple(
        sorted(
            (SentenceLink(p.b_start, p.b_end, p.a_start, p.a_end, p.score) for p in al.pairs),
            key=lambda p: (p.a_start, p.b_start),
        )
    )
    return Alignment(a=al.b, b=al.a, pairs=pairs, only_a=al.only_b, only_b=al.only_a)


def _align(a: Article, b: Article, model: CorpusModel | None) -> Alignment:
    ra, rb = _content_ranges(a), _content_ranges(b)
    first_names, (names_a, names_b) = _surface([(a.text, ra), (b.text, rb)])
    sentences = _join_compounds(
        [_clause_words(a.text, s, e, first_names) for s, e in ra]
        + [_clause_words(b.text, s, e, first_names) for s, e in rb]
    )
    weights = _Weights(_local_model(sentences), model)
    feats = [_featurise(s, e, c, weights) for (s, e), c in zip([*ra, *rb], sentences)]
    xs, ys = feats[: len(ra)], feats[len(ra) :]
    content = _score_all(xs, ys, 0.0)
    linkable = (LINK_THRESHOLD - W_POS) / (1.0 - W_POS)  # lower content never makes a link
    for (i, j), c in content.items():
        if c >= linkable and _names_only(xs[i], ys[j], names_a[i].stems, names_b[j].stems):
            content[i, j] = c * NAMES_ONLY_FACTOR
    # Where each sentence is expected in the other article, seen from both sides: a link's
    # closeness is the same whichever article is on the left.
    expected_b = _expected_positions(content, len(xs), len(ys))
    expected_a = _expected_positions({(j, i): c for (i, j), c in content.items()}, len(ys), len(xs))
    scores = {
        (i, j): (1.0 - W_POS) * c
        + W_POS * (_closeness(i, j, expected_b, len(ys)) + _closeness(j, i, expected_a, len(xs))) / 2
        for (i, j), c in content.items()
    }
    selected = _select(scores, xs, ys, _list_items(a.text, ra), _list_items(b.text, rb))
    links = _at_most(selected, MAX_LINKS)
    pairs = tuple(
        SentenceLink(xs[i].start, xs[i].end, ys[j].start, ys[j].end, round(s, 4)) for (i, j), s in sorted(links.items())
    )
    # A sentence whose counterpart already has its few links is not drawn linked, but it
    # is not unique either: what it says is there.
    linked_a = {i for i, _ in selected}
    linked_b = {j for _, j in selected}
    return Alignment(
        a=a.id,
        b=b.id,
        pairs=pairs,
        only_a=tuple(r for i, r in enumerate(ra) if i not in linked_a),
        only_b=tuple(r for j, r in enumerate(rb) if j not in linked_b),
    )


def _at_most(links: Mapping[tuple[int, int], float], most: int) -> dict[tuple[int, int], float]:
    """The strongest links such that no sentence, on either side, has more than `most`:
    a lead that sums up the story shares a fact with many sentences, and linking it to all
    of them showed nothing (seven sentences of one outlet linked to the same two of another)."""
    count_a: dict[int, int] = defaultdict(int)
    count_b: dict[int, int] = defaultdict(int)
    out = {}
    for (i, j), s in sorted(links.items(), key=lambda kv: (-kv[1], kv[0])):
        if count_a[i] < most and count_b[j] < most:
            out[i, j] = s
            count_a[i] += 1
            count_b[j] += 1
    return out


def _backbone(content: Mapping[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The heaviest chain of confident links that keeps the order of both articles.

    Confident = each sentence's best partner on both sides. Outlets reorder a little and
    leads summarise the whole story, so the chain skips what crosses it.
    """
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), c in content.items():
        if c > best_a.get(i, (0.0, -1))[0]:
            best_a[i] = (c, j)
        if c > best_b.get(j, (0.0, -1))[0]:
            best_b[j] = (c, i)
    anchors = sorted((i, j, c) for i, (c, j) in best_a.items() if c >= ANCHOR_MIN and best_b[j][1] == i)
    total = [c for _, _, c in anchors]
    back = [-1] * len(anchors)
    for k, (_i, j, c) in enumerate(anchors):
        for m in range(k):
            if anchors[m][1] < j and total[m] + c > total[k]:
                total[k], back[k] = total[m] + c, m
    chain: list[tuple[int, int]] = []
    k = max(range(len(anchors)), key=total.__getitem__, default=-1)
    while k >= 0:
        chain.append(anchors[k][:2])
        k = back[k]
    return chain[::-1]


def _expected_positions(content: Mapping[tuple[int, int], float], n_a: int, n_b: int) -> list[float]:
    """Where in ``b`` each sentence of ``a`` is expected, by interpolating the backbone.

    Without anchors this is the diagonal (both outlets tell the story top-down); with
    them, an outlet that adds a long preamble or moves a section still lines up.
    """
    points = [(-1.0, -1.0), *((float(i), float(j)) for i, j in _backbone(content)), (float(n_a), float(n_b))]
    out = []
    k = 0
    for i in range(n_a):
        while points[k + 1][0] < i:
            k += 1
        (i0, j0), (i1, j1) = points[k], points[k + 1]
        out.append(j0 + (j1 - j0) * (i - i0) / (i1 - i0))
    return out


def _closeness(i: int, j: int, expected: Sequence[float], n_b: int) -> float:
    """1 where ``j`` is the expected partner of ``i``, falling linearly over the article."""
    return max(0.0, 1.0 - abs(j - expected[i]) / max(n_b, 1))


def rank_similar(
    target: Article,
    candidates: Iterable[Article],
    model: CorpusModel | None = None,
    limit: int | None = None,
) -> list[tuple[str, float]]:
    """Candidate article ids by cosine of stem TF-IDF vectors, best first, target excluded.

    Vectors are cached in ``model`` (see :meth:`CorpusModel.article_vector`): keep one
    model alive and repeated calls over a 2,000-article corpus take tens of milliseconds.
    Without a model one is fitted on target and candidates, which is slow for a corpus.
    """
    if model is None:
        candidates = list(candidates)
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


def _quote_context(
    q: Quote, articles: Mapping[str, Article], cache: dict[str, list[tuple[int, int]]]
) -> tuple[str, int, int]:
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
    threshold: float | None = None,
) -> list[VariantGroup]:
    """Group quotes of one speaker that render the same statement across articles.

    A statement is first gathered inside each article: quotes that overlap, or sit in one
    sentence, are one statement ("not suit" and the clause holding it). Statements of the
    same speaker are then compared by content (speaker-name words removed, so "Peskov
    said" alone does not count; a quote of a few words is read with its sentence) and
    joined by average link: a statement joins a group only if it is, on average, as
    close as ``VARIANT_THRESHOLD`` to every statement already in it. Single link chained
    everything a speaker said into one group (269 of Tony Blair's quotes on BBC).

    Quotes without a speaker and ``kind == "other"`` are ignored. Only groups spanning at
    least two articles are returned, largest first; quotes inside a group are ordered by
    article and offset.
    """
    limit = VARIANT_THRESHOLD if threshold is None else threshold
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.speaker and q.kind != "other":
            by_speaker[variant_speaker(q.speaker)].append(q)
    sentence_cache: dict[str, list[tuple[int, int]]] = {}
    units = {sp: _statements(qs, articles, sentence_cache) for sp, qs in by_speaker.items()}
    groups = []
    for speaker, us in units.items():
        # Word weights among this speaker's statements (what the speaker says often says
        # little), so a speaker's groups are the same whoever else is being grouped.
        weights = _Weights(_local_model(_clause_words(u.text, u.start, u.end, keep=STATEMENT_WORDS) for u in us), model)
        drop = frozenset(content_words(speaker))
        feats = [
            _featurise(u.start, u.end, _clause_words(u.text, u.start, u.end, drop, STATEMENT_WORDS), weights)
            for u in us
        ]
        for members in _average_link(us, feats, limit):
            named = {q.speaker for q in members}
            label = named.pop() if len(named) == 1 and speaker == UNNAMED else speaker
            groups.append(VariantGroup(label or speaker, tuple(sorted(members, key=lambda q: (q.article, q.start)))))
    groups.sort(key=lambda g: (-len(g.quotes), g.speaker, g.quotes[0].article, g.quotes[0].start))
    return groups


def variant_speaker(speaker: str) -> str:
    """The speaker whose quotes are compared together: the speaker, or ``UNNAMED`` for
    sources the article does not name ("officials" in one outlet, "Russian officials" in
    another render one anonymously sourced statement). Each quote keeps its own speaker."""
    return UNNAMED if unnamed(speaker) else speaker.strip()


@dataclass
class _Statement:
    """Quotes of one article that render one statement, and the text compared for it."""

    article: str
    quotes: list[Quote]
    text: str
    start: int
    end: int


def _statements(
    qs: Sequence[Quote], articles: Mapping[str, Article], cache: dict[str, list[tuple[int, int]]]
) -> list[_Statement]:
    """One speaker's quotes gathered into statements, article by article."""
    out: list[_Statement] = []
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for q in qs:
        by_article[q.article].append(q)
    for aid, aqs in by_article.items():
        aqs.sort(key=lambda q: (q.start, -q.end))
        art = articles.get(aid)
        groups: list[list[Quote]] = []
        for q in aqs:
            if groups and _same_statement(groups[-1][-1], q, art, cache):
                groups[-1].append(q)
            else:
                groups.append([q])
        for members in groups:
            start, end = min(q.start for q in members), max(q.end for q in members)
            text = art.text if art is not None else members[0].text
            if art is None:
                start, end = 0, len(text)
            elif len(content_words(text[start:end])) < SHORT_STATEMENT:
                # "not suit", "freezing": a few words say little without their sentence.
                _, start, end = _quote_context(members[0], articles, cache)
                end = max(end, max(q.end for q in members))
            out.append(_Statement(aid, members, text, start, end))
    return out


def _same_statement(a: Quote, b: Quote, art: Article | None, cache: dict[str, list[tuple[int, int]]]) -> bool:
    """Do two quotes of one article (in order) belong to one statement: they overlap, or
    the second is a fragment of a few words in the same sentence ("achieve its goals"
    after "not suit")? Two clauses of one sentence ("While Peskov confirmed ..., he
    cautioned that ...") stay two statements."""
    if b.start < a.end:
        return True
    if art is None or len(content_words(b.text)) >= SHORT_STATEMENT:
        return False
    if art.id not in cache:
        cache[art.id] = split_sentences(art.text)
    return any(s <= a.start and b.end <= e for s, e in cache[art.id])


def _average_link(units: Sequence[_Statement], feats: Sequence[_Sent], limit: float) -> list[list[Quote]]:
    """Groups of statements, joined strongest link first while the average similarity
    between two groups stays at ``limit`` or above; groups within one article are left
    out (they are not variants across outlets)."""
    scores = {(i, j): s for (i, j), s in _score_all(feats, feats, limit).items() if i < j}
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    owner = list(range(len(units)))
    for (i, j), _s in sorted(scores.items(), key=lambda kv: -kv[1]):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        cross = [scores.get((min(x, y), max(x, y)), 0.0) for x in a for y in b]
        if sum(cross) / len(cross) < limit:
            continue
        a.extend(b)
        for k in b:
            owner[k] = gi
        del members[gj]
    out = []
    for group in members.values():
        if len({units[k].article for k in group}) >= 2:
            out.append([q for k in group for q in units[k].quotes])
    return out
