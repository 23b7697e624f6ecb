"""The Whoosh index: schema, opening (and rebuilding), writing, querying, snippets.

The index is a cache: it lives in the user cache dir and is rebuilt whenever it is
missing, corrupt or of an older schema. Articles and their quotes are separate
documents (``doctype`` article/quote) so one query language reaches both.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import fields, index, qparser, query
from whoosh.analysis import RegexTokenizer, LowercaseFilter, StemmingAnalyzer
from whoosh.index import LockError

from .models import Article, Hit, Quote, QuoteRef, SearchResult, Snippet, Span

SCHEMA_VERSION = 2
VERSION_FILE = "quotewire-index.json"

_ANALYZER = StemmingAnalyzer(minsize=1)
_NAME_ANALYZER = RegexTokenizer(r"[\w.'’-]+") | LowercaseFilter()
QUOTE_FIELDS = {"speaker", "kind"}


def make_schema() -> fields.Schema:
    return fields.Schema(
        key=fields.ID(unique=True, stored=True),
        doctype=fields.ID(stored=True),
        id=fields.ID(stored=True),
        title=fields.TEXT(analyzer=_ANALYZER, stored=True, field_boost=2.0),
        content=fields.TEXT(analyzer=_ANALYZER),
        outlet=fields.TEXT(analyzer=_NAME_ANALYZER, stored=True),
        date=fields.ID(stored=True),
        speaker=fields.TEXT(analyzer=_NAME_ANALYZER),
        kind=fields.ID(stored=True),
        data=fields.STORED(),
    )


# --- opening ---------------------------------------------------------------------------------


def open_or_create(path: Path) -> tuple[index.Index, bool]:
    """The index at `path`, creating or rebuilding it when needed; (index, rebuilt)."""
    path.mkdir(parents=True, exist_ok=True)
    version = path / VERSION_FILE
    try:
        ok = json.loads(version.read_text()).get("schema") == SCHEMA_VERSION
    except (OSError, ValueError, AttributeError):
        ok = False
    if ok:
        try:
            ix = index.open_dir(str(path))
            with ix.searcher() as s:
                s.doc_count()
                if s.doc_count_all():
                    s.stored_fields(0)
            return ix, False
        except Exception:  # corrupt: fall through and rebuild; the index is only a cache
            pass
    return _create(path), True


def _create(path: Path) -> index.Index:
    for child in path.iterdir():
        if child.name in ("update.lock",):
            continue
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    ix = index.create_in(str(path), make_schema())
    (path / VERSION_FILE).write_text(json.dumps({"schema": SCHEMA_VERSION}))
    return ix


# --- stored catalogue --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stored:
    """What the index remembers of one article (everything but its search terms).

    Kept in the catalogue file beside the Whoosh index, not in Whoosh's stored fields:
    reading 2,000 pickled documents through Whoosh to learn their sizes took a second.
    """

    article: Article
    mtime_ns: int
    size: int
    quotes: tuple[Quote, ...]


CATALOGUE = "catalogue.pickle"


def read_catalogue(ix: index.Index, path: Path) -> dict[str, Stored] | None:
    """The catalogue if it belongs to the index's current generation, else None."""
    try:
        with (path / CATALOGUE).open("rb") as fh:
            data = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("generation") != ix.latest_generation():
        return None
    return data["stored"]


def write_catalogue(ix: index.Index, path: Path, stored: dict[str, Stored]) -> None:
    """Atomically (temp file + rename), so a reader never sees half a catalogue."""
    tmp = path / f".{CATALOGUE}.{os.getpid()}.tmp"
    with tmp.open("wb") as fh:
        pickle.dump({"generation": ix.latest_generation(), "stored": stored}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path / CATALOGUE)


def _indexable(a: Article) -> str:
    """The text to index: boilerplate blanked out (same length, so nothing shifts)."""
    if not a.boilerplate:
        return a.text
    chars = list(a.text)
    for b in a.boilerplate:
        chars[b.start:b.end] = " " * (b.end - b.start)
    return "".join(chars)


class IndexWriter:
    """Adds and removes articles (with their quotes) in one Whoosh commit."""

    def __init__(self, ix: index.Index, speaker_terms: Callable[[str], Iterable[str]], *, procs: int = 1,
                 limitmb: int = 256, timeout: float = 5.0) -> None:
        kwargs: dict[str, Any] = {"limitmb": limitmb, "timeout": timeout}
        if procs > 1:
            kwargs.update(procs=procs, multisegment=True)
        self._w = ix.writer(**kwargs)
        self._speaker_terms = speaker_terms

    def remove(self, article_id: str) -> None:
        self._w.delete_by_term("id", article_id)

    def add(self, a: Article, quotes: Sequence[Quote]) -> None:
        w = self._w
        w.add_document(key=a.id, doctype="article", id=a.id, title=a.title, content=_indexable(a),
                       outlet=a.outlet, date=a.date)
        for n, q in enumerate(quotes):
            terms = " ".join(self._speaker_terms(q.speaker)) if q.speaker else ""
            w.add_document(
                key=f"{a.id}#{n}", doctype="quote", id=a.id, title=a.title, content=q.text, outlet=a.outlet,
                date=a.date, speaker=terms, kind=q.kind,
                data={"start": q.start, "end": q.end, "speaker": q.speaker, "kind": q.kind},
            )

    def commit(self) -> None:
        self._w.commit()

    def cancel(self) -> None:
        self._w.cancel()


# --- querying ------------------------------------------------------------------------------


def sanitise(qstring: str) -> tuple[str, list[str]]:
    """Drop what cannot be parsed (an unmatched quote or parenthesis) and say so."""
    ignored: list[str] = []
    if qstring.count('"') % 2:
        i = qstring.rfind('"')
        qstring = qstring[:i] + qstring[i + 1:]
        ignored.append('unmatched "')
    out, depth = [], 0
    for ch in qstring:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                ignored.append("unmatched )")
                continue
            depth -= 1
        out.append(ch)
    qstring = "".join(out)
    if depth:
        for _ in range(depth):
            i = qstring.rfind("(")
            qstring = qstring[:i] + qstring[i + 1:]
        ignored.append("unmatched (")
    stripped = re.sub(r"\b(AND|OR|NOT)\s*$", "", qstring.strip())
    stripped = re.sub(r"^\s*(AND|OR)\b", "", stripped)
    if stripped != qstring.strip():
        ignored.append("dangling operator")
    return stripped, ignored


def make_parser(schema: fields.Schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(["title", "content"], schema, group=qparser.AndGroup)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    return parser


def _fields_in(q: query.Query) -> set[str]:
    out = set()
    for sub in q.leaves():
        fn = getattr(sub, "fieldname", None)
        if fn:
            out.add(fn)
    return out


def _highlight_terms(q: query.Query, searcher: Any) -> set[str]:
    """The indexed terms a query can match in the text, wildcards and fuzzy terms expanded.

    Worked out once per query, not per hit: asking Whoosh to record matched terms for
    every document it scores tripled the cost of a search.
    """
    out: set[str] = set()
    reader = searcher.reader()
    # Leaf by leaf: whoosh3's Query.existing_terms reuses its `fieldname` argument as a
    # loop variable and so skips every leaf after the first field it meets.
    for leaf in q.leaves():
        if leaf.field() not in ("content", "title"):
            continue
        try:
            pairs = leaf.expanded_terms(reader, phrases=True)
        except Exception:
            continue
        for field, text in pairs:
            if (field, text) in reader:
                out.add(text.decode() if isinstance(text, bytes) else str(text))
    return out


_WORD_RE = re.compile(r"\w+(?:\.?\w+)*")  # whoosh's default tokenizer pattern


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """The index's stem of one lower-case word (cached: news reuses its words)."""
    for tok in _ANALYZER(word, mode="query", removestops=False):
        return tok.text
    return word


def match_positions(text: str, terms: set[str], prefixes: Sequence[str] = ()) -> list[tuple[int, int]]:
    """Character ranges of the words in `text` whose stem is one of `terms`.

    A regex scan plus a cached stem per distinct word: about ten times faster than
    running the analyzer over the whole article for every hit.
    """
    if not terms and not prefixes:
        return []
    pre = tuple(prefixes)
    out = []
    for m in _WORD_RE.finditer(text):
        w = m.group().lower()
        if _stem(w) in terms or (pre and w.startswith(pre)):
            out.append(m.span())
    return out


def make_snippets(text: str, marks: list[tuple[int, int]], *, width: int = 160, most: int = 3,
                  skip: Sequence[Span] = ()) -> tuple[Snippet, ...]:
    """Windows around the matches, snapped to word boundaries; offsets into `text`."""
    if not marks:
        return ()
    windows: list[list[tuple[int, int]]] = []
    for m in marks:
        if any(b.start <= m[0] < b.end for b in skip):
            continue
        if windows and m[1] - windows[-1][0][0] <= width:
            windows[-1].append(m)
        else:
            windows.append([m])
    windows.sort(key=lambda w: -len(w))
    out = []
    for w in windows[:most]:
        mid = (w[0][0] + w[-1][1]) // 2
        s = max(0, mid - width // 2)
        e = min(len(text), s + width)
        s = max(0, min(s, e - width))
        nl = text.rfind("\n", s, w[0][0])
        if nl >= 0:
            s = nl + 1
        nl = text.find("\n", w[-1][1], e)
        if nl >= 0:
            e = nl
        while s > 0 and not text[s - 1].isspace() and s > w[0][0] - width:
            s -= 1
        while e < len(text) and not text[e].isspace() and e < w[-1][1] + width:
            e += 1
        out.append(Snippet(s, e, text[s:e], tuple((a - s, b - s) for a, b in w)))
    out.sort(key=lambda sn: sn.start)
    return tuple(out)


@dataclass
class Searcher:
    """Runs one query language over articles and quotes."""

    ix: index.Index

    def search(self, qstring: str, *, limit: int = 20, restrict: set[str] | None = None,
               texts: Callable[[str], Stored | None] | None = None, extra_ignored: Sequence[str] = (),
               exact_total: bool = True) -> SearchResult:
        clean, ignored = sanitise(qstring)
        ignored = list(extra_ignored) + ignored
        if not clean.strip():
            return SearchResult(qstring, 0, (), None, tuple(ignored))
        parser = make_parser(self.ix.schema)
        try:
            q = parser.parse(clean)
        except Exception as exc:  # the parser is lenient, but never let a query crash the UI
            return SearchResult(qstring, 0, (), None, tuple(ignored + [f"query not understood: {exc}"]))
        if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
            return SearchResult(qstring, 0, (), None, tuple(ignored))
        wants_quotes = bool(_fields_in(q) & QUOTE_FIELDS)
        filt: query.Query = query.Term("doctype", "quote" if wants_quotes else "article")
        if restrict is not None:
            filt = query.And([filt, query.Or([query.Term("id", i) for i in restrict])]) if restrict else query.NullQuery
        with self.ix.searcher() as s:
            # The doc type goes into the query, not `filter=`: whoosh counts `len()` before filters.
            results = s.search(query.And([q, filt]), limit=limit)
            approximate = False
            if results.scored_length() < limit:
                total = results.scored_length()
            elif exact_total:
                total = len(results)  # counts every match: costly for broad queries
            else:
                total, approximate = max(results.estimated_min_length(), limit), True
            matched = _highlight_terms(q, s)
            hits = []
            for h in results:
                f = h.fields()
                if f["doctype"] == "quote":
                    d = f["data"]
                    ref = QuoteRef(d["start"], d["end"], d["speaker"], d["kind"])
                    snippets: tuple[Snippet, ...] = ()
                    st = texts(f["id"]) if texts else None
                    if st is not None:
                        text = st.article.text
                        marks = [(a - ref.start, b - ref.start) for a, b in match_positions(text[ref.start:ref.end], matched)]
                        snippets = (Snippet(ref.start, ref.end, text[ref.start:ref.end], tuple(marks)),)
                    hits.append(Hit(f["id"], f.get("title", ""), float(h.score), snippets, ref))
                else:
                    st = texts(f["id"]) if texts else None
                    snippets = ()
                    if st is not None:
                        text = st.article.text
                        snippets = make_snippets(text, match_positions(text, matched), skip=st.article.boilerplate)
                    hits.append(Hit(f["id"], f.get("title", ""), float(h.score), snippets, None))
            suggestion = None
            if total == 0 or total < 3:
                suggestion = self._suggest(s, q, clean)
        return SearchResult(qstring, total, tuple(hits), suggestion, tuple(ignored), approximate)

    def positions(self, qstring: str, article_id: str, text: str) -> list[tuple[int, int]]:
        """Where the query's words occur in one article (for n/N in the reader)."""
        clean, _ = sanitise(qstring)
        try:
            q = make_parser(self.ix.schema).parse(clean)
        except Exception:
            return []
        with self.ix.searcher() as s:
            matched = _highlight_terms(q, s)
        return match_positions(text, matched)

    def _suggest(self, s: Any, q: query.Query, qstring: str) -> str | None:
        try:
            corrected = s.correct_query(q, qstring, maxdist=2)
        except Exception:
            return None
        if corrected.query != q and corrected.string.strip().lower() != qstring.strip().lower():
            return corrected.string
        return None


def tokens(text: str) -> list[str]:
    """The index's own stemmed tokens: used to compare texts the way search does."""
    return [t.text for t in _ANALYZER(text)]


def remove_index(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


__all__ = ["open_or_create", "IndexWriter", "Searcher", "catalogue", "Stored", "LockError", "sanitise"]
