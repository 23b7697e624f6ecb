"""The query language, parsed once into one tree.

Every part of a query is a leaf with a field: words, "phrases", prefix* and fuzzy~ words,
ranges, and the fields `speaker:`, `kind:`, `tag:`, `outlet:`, `title:`, `date:`, `id:`.
AND, OR, NOT and parentheses combine leaves whatever their fields, so
`putin NOT tag:escalation` and `tag:escalation OR speaker:peskov` mean what they say.
The search (index/search.py) turns the tree into a Whoosh query for articles and
evaluates the same tree quote by quote (index/quotequery.py); nothing else parses.

Precedence: NOT binds tightest, then AND (two leaves side by side are joined by AND),
then OR: `a OR b c` is `a OR (b AND c)`. Operators are upper case; `and`, `or`, `not`
are words. What cannot be parsed (an unmatched quote or parenthesis, an operator with
nothing on one side, a field that does not exist) is left out and reported in `ignored`,
and the rest is searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

# Fields of the article (title and text are the default), of the article's quotations,
# and of the tag store.
ARTICLE_FIELDS = frozenset({"title", "content", "outlet", "date", "id"})
QUOTE_FIELDS = frozenset({"speaker", "kind"})
FIELDS = ARTICLE_FIELDS | QUOTE_FIELDS | {"tag"}
OPERATORS = ("AND", "OR", "NOT")

UNMATCHED_QUOTE = 'unmatched "'
UNMATCHED_OPEN = "unmatched ("
UNMATCHED_CLOSE = "unmatched )"
DANGLING = "dangling operator"


@dataclass(frozen=True, slots=True)
class Leaf:
    """One thing to find. `field` None means the default fields (title and text);
    `start`/`end` say where it was typed in the query (did-you-mean rewrites it there)."""

    field: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Word(Leaf):
    """A word as typed (the search analyses it: stems, lower case)."""


@dataclass(frozen=True, slots=True)
class Phrase(Leaf):
    """Words in this order (`text` is what stood between the quotation marks)."""


@dataclass(frozen=True, slots=True)
class Wildcard(Leaf):
    """A word with `*` (any run of characters) or `?` (one character): `Zapor*`."""


@dataclass(frozen=True, slots=True)
class Fuzzy(Leaf):
    """A word within `distance` edits, its first `prefix` letters kept: `Zelenskyi~`."""

    distance: int = 1
    prefix: int = 1


@dataclass(frozen=True, slots=True)
class Range(Leaf):
    """`date:[a TO b]` (inclusive), `date:{a TO b}` (exclusive), `date:>a`, `date:<=b`.
    An open end is None."""

    low: str | None = None
    high: str | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True


@dataclass(frozen=True, slots=True)
class Everything:
    """`*` alone: every article."""


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


Node = Word | Phrase | Wildcard | Fuzzy | Range | Everything | And | Or | Not


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: its tree (None when nothing searchable was typed) and what was left out."""

    text: str
    root: Node | None
    ignored: tuple[str, ...] = ()
    fields: frozenset[str] = field(default=frozenset())

    @property
    def about_quotes(self) -> bool:
        """Does the query ask about quotations (`speaker:`, `kind:`)? Then its hits are quotes."""
        return bool(self.fields & QUOTE_FIELDS)


# --- reading the tree ------------------------------------------------------------------------


def leaves(node: Node | None, *, positive: bool = False) -> Iterator[Leaf]:
    """The leaves under `node`; with `positive`, only those not under a NOT (what a hit
    contains, so what is highlighted)."""
    if node is None or isinstance(node, Everything):
        return
    if isinstance(node, (And, Or)):
        for item in node.items:
            yield from leaves(item, positive=positive)
    elif isinstance(node, Not):
        if not positive:
            yield from leaves(node.item)
    else:
        yield node


def evaluate(node: Node, leaf: Callable[[Leaf], bool]) -> bool:
    """The tree's truth for one candidate, given each leaf's truth."""
    if isinstance(node, And):
        return all(evaluate(item, leaf) for item in node.items)
    if isinstance(node, Or):
        return any(evaluate(item, leaf) for item in node.items)
    if isinstance(node, Not):
        return not evaluate(node.item, leaf)
    if isinstance(node, Everything):
        return True
    return leaf(node)


def relax(node: Node | None) -> Node | None:
    """A tree every article holding a matching quotation satisfies: NOT parts dropped.

    An article's `speaker` and `kind` fields hold the union of its quotations', so what a
    quote must have, its article has; what a quote must not have, its article may still
    have (another quote's speaker). None means "any article".
    """
    if node is None or isinstance(node, (Not, Everything)):
        return None
    if isinstance(node, And):
        kept = tuple(k for k in (relax(i) for i in node.items) if k is not None)
        return None if not kept else kept[0] if len(kept) == 1 else And(kept)
    if isinstance(node, Or):
        items = [relax(i) for i in node.items]
        if any(i is None for i in items):
            return None  # one side may match anything
        return Or(tuple(i for i in items if i is not None))
    return node


# --- parsing -----------------------------------------------------------------------------------

_FIELD_RE = re.compile(r"([A-Za-z_]+):")
_RANGE_RE = re.compile(r"([\[{])\s*(.*?)\s+TO\s+(.*?)\s*([\]}])|([\[{])\s*(.*?)\s*([\]}])")
_COMPARE_RE = re.compile(r"(>=|<=|>|<)([^\s()\"]+)")
_FUZZY_RE = re.compile(r"^(.+?)~(\d)?(?:/(\d))?$")
_WORD_END = re.compile(r"[\s()\"]")

Kind = Literal["word", "phrase", "open", "close", "op", "range", "compare", "field_group", "star"]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: Kind
    text: str
    start: int
    end: int
    field: str | None = None
    extra: tuple[str, ...] = ()


def _tokens(text: str, ignored: list[str]) -> list[_Token]:
    """Cut the query into words, phrases, parentheses, operators and fielded values."""
    out: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == "(":
            out.append(_Token("open", ch, i, i + 1))
            i += 1
            continue
        if ch == ")":
            out.append(_Token("close", ch, i, i + 1))
            i += 1
            continue
        fieldname: str | None = None
        start = i
        m = _FIELD_RE.match(text, i)
        if m and i + len(m.group(0)) < n and not text[m.end()].isspace():
            name = m.group(1).lower()
            if name in FIELDS:
                fieldname, i = name, m.end()
                ch = text[i]
            else:
                ignored.append(f"no field {m.group(1)}: (searched as words)")
        if ch == '"':
            close = text.find('"', i + 1)
            if close < 0:
                ignored.append(UNMATCHED_QUOTE)
                i += 1  # the mark is left out; what follows is read as words
                continue
            out.append(_Token("phrase", text[i + 1 : close], start, close + 1, fieldname))
            i = close + 1
            continue
        if fieldname is not None and ch == "(":
            out.append(_Token("field_group", "(", start, i + 1, fieldname))
            i += 1
            continue
        if fieldname is not None and ch in "[{":
            m = _RANGE_RE.match(text, i)
            if m:
                if m.group(1):
                    low, high = m.group(2), m.group(3)
                    opening, closing = m.group(1), m.group(4)
                else:  # "[2024-11-01]": one value
                    low = high = m.group(6)
                    opening, closing = m.group(5), m.group(7)
                out.append(_Token("range", m.group(0), start, m.end(), fieldname, (low, high, opening, closing)))
                i = m.end()
                continue
        if fieldname is not None and ch in "<>":
            m = _COMPARE_RE.match(text, i)
            if m:
                out.append(_Token("compare", m.group(2), start, m.end(), fieldname, (m.group(1),)))
                i = m.end()
                continue
        m2 = _WORD_END.search(text, i)
        end = m2.start() if m2 else n
        if end == i:  # a field name before a character no word starts with: read on
            continue
        word = text[i:end]
        if fieldname is None and word in OPERATORS:
            out.append(_Token("op", word, start, end))
        elif fieldname is None and word == "*":
            out.append(_Token("star", word, start, end))
        else:
            out.append(_Token("word", word, start, end, fieldname))
        i = end
    return out


class _Parser:
    """Recursive descent over the tokens, recovering from what does not fit."""

    def __init__(self, tokens: list[_Token], ignored: list[str]) -> None:
        self.tokens, self.pos, self.ignored = tokens, 0, ignored

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def is_op(self, word: str) -> bool:
        tok = self.peek()
        return tok is not None and tok.kind == "op" and tok.text == word

    def dangling(self) -> None:
        if DANGLING not in self.ignored:
            self.ignored.append(DANGLING)

    def parse(self) -> Node | None:
        parts: list[Node] = []
        while self.pos < len(self.tokens):
            node = self.parse_or(None, depth=0)
            if node is not None:
                parts.append(node)
            tok = self.peek()
            if tok is not None and tok.kind == "close":
                self.ignored.append(UNMATCHED_CLOSE)
                self.pos += 1
        return _join(And, parts)

    def parse_or(self, fieldname: str | None, depth: int) -> Node | None:
        items: list[Node] = []
        left = self.parse_and(fieldname, depth)
        if left is not None:
            items.append(left)
        while self.is_op("OR"):
            self.pos += 1
            if not items:
                self.dangling()  # nothing before it
            right = self.parse_and(fieldname, depth)
            if right is None:
                self.dangling()  # nothing after it
            else:
                items.append(right)
        return _join(Or, items)

    def parse_and(self, fieldname: str | None, depth: int) -> Node | None:
        items: list[Node] = []
        while True:
            tok = self.peek()
            if tok is None or tok.kind == "close" or self.is_op("OR"):
                break
            if self.is_op("AND"):
                self.pos += 1
                if not items:
                    self.dangling()
                nxt = self.peek()
                if nxt is None or nxt.kind == "close" or self.is_op("OR") or self.is_op("AND"):
                    self.dangling()
                continue
            node = self.parse_unary(fieldname, depth)
            if node is not None:
                items.append(node)
        return _join(And, items)

    def parse_unary(self, fieldname: str | None, depth: int) -> Node | None:
        if self.is_op("NOT"):
            self.pos += 1
            nxt = self.peek()
            if nxt is None or nxt.kind == "close" or self.is_op("OR") or self.is_op("AND"):
                self.dangling()
                return None
            inner = self.parse_unary(fieldname, depth)
            return None if inner is None else Not(inner)
        return self.parse_primary(fieldname, depth)

    def parse_primary(self, fieldname: str | None, depth: int) -> Node | None:
        tok = self.peek()
        assert tok is not None
        self.pos += 1
        if tok.kind in ("open", "field_group"):
            inner = self.parse_or(tok.field or fieldname, depth + 1)
            closing = self.peek()
            if closing is not None and closing.kind == "close":
                self.pos += 1
            elif UNMATCHED_OPEN not in self.ignored:
                self.ignored.append(UNMATCHED_OPEN)
            return inner
        if tok.kind == "star":
            return Everything()
        f = tok.field or fieldname
        if tok.kind == "phrase":
            return Phrase(f, tok.text, tok.start, tok.end) if tok.text.strip() else None
        if tok.kind == "range":
            low, high, opening, closing_mark = tok.extra
            return Range(
                f,
                tok.text,
                tok.start,
                tok.end,
                low=None if low in ("", "*") else low,
                high=None if high in ("", "*") else high,
                low_inclusive=opening == "[",
                high_inclusive=closing_mark == "]",
            )
        if tok.kind == "compare":
            op = tok.extra[0]
            if op.startswith(">"):
                return Range(f, tok.text, tok.start, tok.end, low=tok.text, low_inclusive=op == ">=")
            return Range(f, tok.text, tok.start, tok.end, high=tok.text, high_inclusive=op == "<=")
        if tok.kind == "op":  # an AND/OR where a word belongs, e.g. "NOT OR"
            self.dangling()
            return None
        return _word(tok, f)


def _word(tok: _Token, fieldname: str | None) -> Node | None:
    text = tok.text
    m = _FUZZY_RE.match(text)
    if m and not any(c in m.group(1) for c in "*?"):
        distance = int(m.group(2)) if m.group(2) else 1
        prefix = int(m.group(3)) if m.group(3) else 1
        return Fuzzy(fieldname, m.group(1), tok.start, tok.end, distance=max(1, min(distance, 2)), prefix=prefix)
    if "*" in text or "?" in text:
        if fieldname is None and not text.strip("*?"):
            return Everything()
        return Wildcard(fieldname, text, tok.start, tok.end)
    return Word(fieldname, text, tok.start, tok.end)


def _join(kind: type[And] | type[Or], items: list[Node]) -> Node | None:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    flat: list[Node] = []
    for item in items:  # a AND (b AND c) is one AND of three
        flat.extend(item.items if isinstance(item, kind) else (item,))
    return kind(tuple(flat))


@lru_cache(maxsize=512)
def parse(text: str) -> Query:
    """The query's tree and what was left out of it (cached: typing asks again and again)."""
    ignored: list[str] = []
    root = _Parser(_tokens(text, ignored), ignored).parse()
    fields = frozenset(leaf.field or "content" for leaf in leaves(root))
    return Query(text, root, tuple(dict.fromkeys(ignored)), fields)


__all__ = [
    "And",
    "Everything",
    "Fuzzy",
    "Leaf",
    "Not",
    "Node",
    "Or",
    "Phrase",
    "Query",
    "Range",
    "Wildcard",
    "Word",
    "evaluate",
    "leaves",
    "parse",
    "relax",
]
