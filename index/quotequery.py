"""Answer a parsed Whoosh query for one quotation, in Python.

Quotes are not documents of their own in the index: indexing every quotation's text a
second time made building the index two and a half times slower than plain Whoosh.
Instead an article document carries the union of its quotes' speakers and kinds; a
relaxed form of the query (`relax`) finds candidate articles, and `QuoteMatcher` then
decides, quote by quote, which ones really match.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from whoosh import query

ARTICLE_FIELDS = {"title", "outlet", "date", "id"}


def relax(q: query.Query) -> query.Query:
    """A query every article holding a matching quote satisfies (NOT clauses dropped).

    The article's fields are the union of its quotes', so positive clauses stay true at
    the article level; a negation does not, so it becomes "anything".
    """
    if isinstance(q, query.Not):
        return query.Every()
    if isinstance(q, query.AndNot):
        return relax(q.a)
    if isinstance(q, query.AndMaybe):
        return relax(q.a)
    if isinstance(q, query.compound.CompoundQuery):
        kids = [relax(k) for k in q.subqueries]
        if isinstance(q, query.And) and any(isinstance(k, query.Every) for k in kids):
            kids = [k for k in kids if not isinstance(k, query.Every)] or [query.Every()]
        return q.__class__(kids, boost=q.boost) if len(kids) > 1 else kids[0]
    return q


class QuoteFacts:
    """What a quote offers to a query: its stems in order (worked out only if a query
    asks about words), speaker words, kind, and its article's fields."""

    __slots__ = ("text", "speaker", "kind", "article", "_stems", "_analyze")

    def __init__(
        self,
        text: str,
        speaker: tuple[tuple[str, ...], ...],
        kind: str,
        article: dict[str, Any],
        analyze: Callable[[str], list[str]],
    ) -> None:
        self.text, self.speaker, self.kind, self.article = text, speaker, kind, article
        self._stems: tuple[str, ...] | None = None
        self._analyze = analyze

    @property
    def stems(self) -> tuple[str, ...]:
        if self._stems is None:
            self._stems = tuple(self._analyze(self.text))
        return self._stems


@dataclass
class QuoteMatcher:
    """Evaluates one query against quotes; expansions (prefix*, fuzzy~) are computed once."""

    q: query.Query
    reader: Any
    _expanded: dict[int, frozenset[str]] = field(default_factory=dict)

    def matches(self, facts: QuoteFacts) -> bool:
        return self._eval(self.q, facts)

    def _terms(self, leaf: query.Query) -> frozenset[str]:
        key = id(leaf)
        if key not in self._expanded:
            try:
                pairs = leaf.expanded_terms(self.reader, phrases=False)
            except Exception:
                pairs = []
            self._expanded[key] = frozenset(t.decode() if isinstance(t, bytes) else str(t) for _, t in pairs)
        return self._expanded[key]

    def _eval(self, q: query.Query, f: QuoteFacts) -> bool:
        if isinstance(q, query.Every):
            return True
        if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
            return False
        if isinstance(q, query.Not):
            return not self._eval(q.query, f)
        if isinstance(q, query.AndNot):
            return self._eval(q.a, f) and not self._eval(q.b, f)
        if isinstance(q, query.AndMaybe):
            return self._eval(q.a, f)
        if isinstance(q, (query.And, query.Require)):
            return all(self._eval(k, f) for k in _kids(q))
        if isinstance(q, (query.Or, query.DisjunctionMax)):
            return any(self._eval(k, f) for k in _kids(q))
        fieldname = getattr(q, "fieldname", None)
        if fieldname in ARTICLE_FIELDS:
            return self._article_leaf(q, f)
        if isinstance(q, query.Phrase):
            words = [w.decode() if isinstance(w, bytes) else str(w) for w in q.words]
            if fieldname == "speaker":  # inside one of the speaker's names, in its order
                return any(_contains_run(name, words) for name in f.speaker)
            return _contains_run(self._field_tokens(fieldname, f), words)
        if isinstance(q, query.Term):
            text = q.text.decode() if isinstance(q.text, bytes) else str(q.text)
            return text in self._field_tokens(fieldname, f)
        if isinstance(q, (query.PatternQuery, query.FuzzyTerm, query.Variations, query.TermRange)):
            return bool(self._terms(q) & set(self._field_tokens(fieldname, f)))
        return True  # an unknown leaf: be lenient rather than hide results

    @staticmethod
    def _field_tokens(fieldname: str | None, f: QuoteFacts) -> Sequence[str]:
        if fieldname == "speaker":
            return tuple(w for name in f.speaker for w in name)
        if fieldname == "kind":
            return (f.kind,)
        return f.stems

    def _article_leaf(self, q: query.Query, f: QuoteFacts) -> bool:
        values: Sequence[str] = f.article.get(q.fieldname, ())
        if isinstance(q, query.TermRange):
            lo = q.start.decode() if isinstance(q.start, bytes) else (q.start or "")
            hi = q.end.decode() if isinstance(q.end, bytes) else (q.end or "\uffff")
            return any(lo <= v <= hi for v in values)
        if isinstance(q, query.Term):
            text = q.text.decode() if isinstance(q.text, bytes) else str(q.text)
            return text in values
        if isinstance(q, query.Phrase):
            words = [w.decode() if isinstance(w, bytes) else str(w) for w in q.words]
            return _contains_run(list(values), words)
        return bool(self._terms(q) & set(values))


def _kids(q: query.Query) -> list[query.Query]:
    return list(getattr(q, "subqueries", ()) or [getattr(q, "a", None), getattr(q, "b", None)])


def _contains_run(tokens: Sequence[str], words: Sequence[str]) -> bool:
    n = len(words)
    if not n:
        return True
    first = words[0]
    for i, tok in enumerate(tokens):
        if tok == first and list(tokens[i : i + n]) == list(words):
            return True
    return False
