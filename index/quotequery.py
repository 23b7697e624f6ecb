"""Answer a parsed query (index/query.py) for one quotation, in Python.

Quotes are not documents of their own in the index: indexing every quotation's text a
second time made building the index two and a half times slower than plain Whoosh.
Instead an article document carries the union of its quotes' speakers and kinds; the
query with its NOT parts dropped (`query.relax`) finds candidate articles, and
`QuoteMatcher` then evaluates the same tree quote by quote. In a query about quotations,
words are the quotation's words, `speaker:` and `kind:` its own, and `title:`,
`outlet:`, `date:`, `id:` and `tag:` those of its article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .query import Leaf, Node, evaluate


class QuoteFacts:
    """What a quote offers to a query: its stems in order (worked out only if a query
    asks about words), its speaker's names as words, its kind, and its article's fields."""

    __slots__ = ("text", "speaker", "kind", "article", "article_id", "_stems", "_analyze")

    def __init__(
        self,
        text: str,
        speaker: tuple[tuple[str, ...], ...],
        kind: str,
        article: dict[str, Any],
        analyze: Callable[[str], list[str]],
        article_id: str = "",
    ) -> None:
        self.text, self.speaker, self.kind, self.article = text, speaker, kind, article
        self.article_id = article_id
        self._stems: tuple[str, ...] | None = None
        self._analyze = analyze

    @property
    def stems(self) -> tuple[str, ...]:
        if self._stems is None:
            self._stems = tuple(self._analyze(self.text))
        return self._stems


LeafTest = Callable[[QuoteFacts], bool]


@dataclass
class QuoteMatcher:
    """Evaluates one query tree against quotes; each leaf's test is made once, when first
    needed (`make_test` expands prefix* and fuzzy~ words against the index then)."""

    root: Node
    make_test: Callable[[Leaf], LeafTest]
    _tests: dict[Leaf, LeafTest] = field(default_factory=dict)

    def matches(self, facts: QuoteFacts) -> bool:
        return evaluate(self.root, lambda leaf: self._test(leaf)(facts))

    def _test(self, leaf: Leaf) -> LeafTest:
        test = self._tests.get(leaf)
        if test is None:
            test = self._tests[leaf] = self.make_test(leaf)
        return test


def contains_run(tokens: Sequence[str], words: Sequence[str]) -> bool:
    """Do `words` occur in `tokens` one after the other?"""
    n = len(words)
    if not n:
        return True
    first = words[0]
    for i, tok in enumerate(tokens):
        if tok == first and list(tokens[i : i + n]) == list(words):
            return True
    return False
