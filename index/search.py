"""The Whoosh index: schema, opening (and rebuilding), writing, querying, snippets.

The index is a cache: it lives in the user cache dir and is rebuilt whenever it is
missing, corrupt or of an older schema. One document per article; queries about
quotations (`speaker:`, `kind:`) find candidate articles here and are then decided quote
by quote (see `quotequery.py`), so one query language reaches both.
"""

from __future__ import annotations

import heapq
import json
import operator
import os
import pickle
import re
import shutil
import tempfile
import time
import weakref
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any, cast

from whoosh import collectors, fields, index, query
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.formats import Positions
from whoosh.index import LockError
from whoosh.query import spans
from whoosh.system import pack_uint
from whoosh.writing import PostingPool

from . import query as Q
from .catalogue import SCHEMA_VERSION, Stored
from .models import Article, Hit, Quote, QuoteRef, SearchResult, Snippet, Span
from .quotequery import QuoteFacts, QuoteMatcher, contains_run

VERSION_FILE = "quotewire-index.json"

_ANALYZER = StemmingAnalyzer(minsize=1)
_NAME_ANALYZER = RegexTokenizer(r"[\w.'’-]+") | LowercaseFilter()
QUOTE_FIELDS = {"speaker", "kind"}
# Did-you-mean keeps the first letter(s): a misspelling rarely starts wrong, and searching
# the whole vocabulary within edit distance 2 took most of a second on BBC.
SUGGEST_PREFIX = 1
# Snippets are chosen among the first matches of an article: a one-letter query matches
# hundreds of words in a long one, and scanning them all was a third of a keystroke's search.
SNIPPET_MARKS = 40


@dataclass(frozen=True, slots=True)
class AnalysedText:
    """An article's words as Whoosh postings, made where the file was read.

    Building runs Whoosh's one writer in the main process while a worker process reads
    and extracts; analysing the text (tokens, stems, positions) there moves a third of
    the writer's work to the other core.
    """

    postings: list[tuple[bytes, int, float, bytes]]  # (word in UTF-8, count, weight, positions)


class _ContentField(fields.TEXT):
    """A TEXT field that also takes an `AnalysedText`: the same postings, made earlier."""

    def index(self, value: Any, **kwargs: Any) -> Any:
        if isinstance(value, AnalysedText):
            return value.postings
        return super().index(value, **kwargs)


def make_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        title=fields.TEXT(analyzer=_ANALYZER, stored=True, field_boost=2.0),
        content=_ContentField(analyzer=_ANALYZER),
        outlet=fields.TEXT(analyzer=_NAME_ANALYZER, stored=True),
        date=fields.ID(stored=True),
        # The union of the article's quotes' speakers and kinds: see quotequery.py.
        speaker=fields.TEXT(analyzer=_NAME_ANALYZER),
        kind=fields.KEYWORD(lowercase=True),
    )


# --- opening ---------------------------------------------------------------------------------


def open_or_create(path: Path, damage: list[str] | None = None) -> tuple[index.Index, bool]:
    """The index at `path`, creating or rebuilding it when needed; (index, rebuilt).

    An index of this schema that cannot be opened is damaged: why is added to `damage`,
    so that the rebuild can be explained in one line rather than done silently."""
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
        except Exception as exc:  # corrupt: fall through and rebuild; the index is only a cache
            if damage is not None:
                damage.append(f"the search index cannot be opened ({type(exc).__name__})")
    return _create(path), True


def open_existing(path: Path) -> index.Index | None:
    """The index at `path` as it is, for reading; None if it is missing or of another
    schema. Creating or repairing one is the update's job, under its lock.

    Any other failure is raised: whether it is damage or a passing fault (a file being
    replaced by another copy's rebuild, no file handles left) is for the caller to find
    out, since calling it damage costs a whole rebuild."""
    try:
        if json.loads((path / VERSION_FILE).read_text()).get("schema") != SCHEMA_VERSION:
            return None
    except (OSError, ValueError, AttributeError):
        return None
    return index.open_dir(str(path))


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


def _indexable(a: Article) -> str:
    """The text to index: boilerplate blanked out (same length, so nothing shifts)."""
    if not a.boilerplate:
        return a.text
    chars = list(a.text)
    for b in a.boilerplate:
        chars[b.start : b.end] = " " * (b.end - b.start)
    return "".join(chars)


_CONTENT = _ContentField(analyzer=_ANALYZER)
_FORMAT = _CONTENT.format
assert _FORMAT is not None  # a text field always has a format
_CONTENT_BOOST: float = _FORMAT.field_boost
# The StemmingAnalyzer's steps, written out as one loop: Whoosh runs four chained
# generators and a Token object per word, three times slower for the same postings (a
# test compares the two on whole articles).
# Its RegexTokenizer's pattern, `[\w\*]+(\.?[\w\*]+)*`: the dot cannot be left out where a
# greedy run of word characters has just ended, so this simpler form matches the same.
_TOKEN = re.compile(r"[\w*]+(?:\.[\w*]+)*")
_WORDS: dict[str, str] = {}  # token as written -> its stem, or "" for a stop word
_STEPS: list[Any] = list(cast(CompositeAnalyzer, _ANALYZER).items)  # what StemmingAnalyzer returns
_STOPS: frozenset[str] = next(f.stops for f in _STEPS if hasattr(f, "stops"))
_STEM: Callable[[str], str] = next(f._stem for f in _STEPS if hasattr(f, "stemfn"))


def analyse(a: Article) -> AnalysedText:
    """The content field's postings for `a`, exactly as Whoosh's analyzer makes them."""
    return AnalysedText(analyse_text(_indexable(a)))


def analyse_text(text: str, boost: float = _CONTENT_BOOST) -> list[tuple[bytes, int, float, bytes]]:
    words = _WORDS
    if len(words) > 200_000:  # a bound for a long build over a large vocabulary
        words.clear()
    positions: dict[str, list[int]] = {}
    pos = -1
    for i, token in enumerate(_TOKEN.findall(text)):
        word = words.get(token)
        if word is None:
            lower = token.lower()
            word = words[token] = "" if lower in _STOPS else _STEM(lower)
        if not word:  # a stop word
            continue
        # The stop filter renumbers: the first word kept keeps its place, the rest follow it.
        pos = i if pos < 0 else pos + 1
        if word in positions:
            positions[word].append(pos)
        else:
            positions[word] = [pos]
    # Whoosh's Positions format: the count, then the pickled gaps between positions.
    dumps, pack, one = pickle.dumps, pack_uint, pack_uint(1)
    out = []
    for w, ps in positions.items():
        n = len(ps)
        gaps = ps if n == 1 else [ps[0], *map(operator.sub, ps[1:], ps)]
        out.append((w.encode("utf-8"), n, float(n) * boost, (one if n == 1 else pack(n)) + dumps(gaps, 2)))
    return out


def document(
    a: Article, quotes: Sequence[Quote], content: AnalysedText | None, speaker_terms: Callable[[str], Iterable[str]]
) -> dict[str, Any]:
    """The Whoosh document of an article and its quotes."""
    speakers = {q.speaker for q in quotes if q.speaker and q.kind != "other"}
    return {
        "id": a.id,
        "title": a.title,
        "content": _indexable(a) if content is None else content,
        "outlet": a.outlet,
        "date": a.date,
        "speaker": " ".join(t for sp in sorted(speakers) for t in speaker_terms(sp)),
        "kind": " ".join(sorted({q.kind for q in quotes})),
    }


# Segments are written as separate files, not one compound file: whoosh3 reads each file of
# a compound segment into memory (a copy of its memory map) whenever a reader opens it, so
# every searcher of a 100,000-article index cost 600 MB; separate files are read as needed.
COMPOUND = False


class _ChunkedPool(PostingPool):
    """Whoosh's pool of postings, writing the sorted runs it spills to disk as chunks of
    many postings per pickle: one `pickle.dump` and one `pickle.load` per posting were a
    third of a large build's work."""

    CHUNK = 4096

    def _write_run(self, f: Any, items: Iterable[Any]) -> None:
        chunk: list[Any] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= self.CHUNK:
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
                chunk = []
        if chunk:
            pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        f = self._open_run(path)
        try:
            while True:
                yield from pickle.load(f)
        except EOFError:
            return
        finally:
            f.close()
            self._remove_run(path)


def _writer(w: Any, limitmb: int) -> Any:
    """A Whoosh segment writer with the chunked pool, before anything is added to it."""
    w.pool = _ChunkedPool(w._tempstorage, w.newsegment, limitmb=limitmb)
    return w


# What a term's postings hold in `_TermPool`: docnums, weights (as Whoosh computed them),
# each value's length, and the values one after another.
_Bucket = tuple[array, array, array, bytearray]
_Record = tuple[str, bytes, array, array, array, bytes]  # field, term, then a bucket's contents
_TERM_COST = 600  # bytes a new term costs in memory (its dict entry, key, four containers)


class _TermPool:
    """The postings of a segment written from documents added in order, filed by term as
    they come, for `_BulkSegmentWriter`.

    Whoosh's pool keeps a tuple per posting, sorts them all (spilling sorted runs to disk),
    merges the runs and hands the writer one posting at a time: filing, sorting and writing
    postings one by one was most of what a build's worker did besides extracting quotes.
    Here a term's postings are appended to compact arrays (docnums only grow, since
    documents come in order); past `limitmb` the terms are written out sorted as a run;
    at the end the runs are merged term by term and each term's postings written a block at
    a time. The segment is byte for byte what Whoosh's own pool and writer make
    (tests/index/test_segments.py)."""

    def __init__(self, tempdir: str, limitmb: int) -> None:
        self._tempdir = tempdir
        self._limit = limitmb * 2**20
        self._size = 0
        self._fields: dict[str, dict[bytes, _Bucket]] = {}
        self.runs: list[str] = []
        self.fieldnames: set[str] = set()  # (Whoosh's pool has it)

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        fieldname, btext, docnum, weight, value = item
        if docnum < 0:  # Whoosh's marker for a spelling word: never a posting (whoosh skips it too)
            return
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        bucket = terms.get(btext)
        if bucket is None:
            bucket = terms[btext] = (array("I"), array("d"), array("I"), bytearray())
            self._size += _TERM_COST
        bucket[0].append(docnum)
        bucket[1].append(weight)
        if value:
            bucket[2].append(len(value))
            bucket[3].extend(value)
            self._size += 16 + len(value)
        else:
            bucket[2].append(0)
            self._size += 16
        if self._size > self._limit:
            self._spill()

    def add_field(
        self,
        fieldname: str,
        docnum: int,
        items: Iterable[tuple[bytes, int, float, bytes]],
        boost: float,
        scorable: bool,
    ) -> int:
        """One document's postings of one field (what `add` takes one at a time); the
        field's length in the document."""
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        length = size = 0
        for btext, freq, weight, value in items:
            bucket = terms.get(btext)
            if bucket is None:
                bucket = terms[btext] = (array("I"), array("d"), array("I"), bytearray())
                size += _TERM_COST
            bucket[0].append(docnum)
            bucket[1].append(weight * boost)
            if value:
                bucket[2].append(len(value))
                bucket[3].extend(value)
                size += 16 + len(value)
            else:
                bucket[2].append(0)
                size += 16
            if scorable:
                length += freq
        self._size += size
        if self._size > self._limit:
            self._spill()
        return length

    def _sorted(self) -> Iterator[_Record]:
        fields, self._fields, self._size = self._fields, {}, 0
        for fieldname in sorted(fields):
            terms = fields[fieldname]
            for btext in sorted(terms):
                docs, weights, lengths, values = terms.pop(btext)
                yield fieldname, btext, docs, weights, lengths, bytes(values)

    def _spill(self) -> None:
        fd, path = tempfile.mkstemp(suffix=".terms", dir=self._tempdir)
        self.runs.append(path)
        with os.fdopen(fd, "wb") as f:
            chunk: list[_Record] = []
            for record in self._sorted():
                chunk.append(record)
                if len(chunk) >= 1024:
                    pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
                    chunk = []
            if chunk:
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def _read_run(path: str) -> Iterator[_Record]:
        with open(path, "rb") as f:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    break
                yield from chunk
        os.remove(path)

    def records(self) -> Iterator[_Record]:
        """Every term's postings, in Whoosh's order: by field, then term, then docnum."""
        runs, self.runs = self.runs, []
        if not runs:
            yield from self._sorted()
            return
        # Runs in the order they were written, then what is in memory: a term's postings
        # from each come in docnum order (heapq.merge keeps the order of equal keys).
        merged = heapq.merge(*map(self._read_run, runs), self._sorted(), key=operator.itemgetter(0, 1))
        last: list[Any] | None = None
        for fieldname, btext, docs, weights, lengths, values in merged:
            if last is not None and last[0] == fieldname and last[1] == btext:
                last[2].extend(docs)
                last[3].extend(weights)
                last[4].extend(lengths)
                last[5] += values
                continue
            if last is not None:
                yield cast(_Record, (*last[:5], bytes(last[5])))
            last = [fieldname, btext, docs, weights, lengths, bytearray(values)]
        if last is not None:
            yield cast(_Record, (*last[:5], bytes(last[5])))

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """One posting at a time, as Whoosh's pool gives them."""
        for fieldname, btext, docs, weights, lengths, values in self.records():
            at = 0
            for docnum, weight, n in zip(docs, weights, lengths):
                yield fieldname, btext, docnum, weight, values[at : at + n]
                at += n

    def write(self, schema: fields.Schema, lengths: Any, fieldwriter: Any) -> None:
        """Write every term's postings with the segment's field writer, a block at a time,
        exactly as `FieldWriter.add_postings` and `W3PostingsWriter.add_posting` would one
        posting at a time."""
        lastfn: str | None = None
        field_lengths: list[int | None] = []
        for fieldname, btext, docs, weights, vlengths, values in self.records():
            if fieldname != lastfn:
                if lastfn is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, schema[fieldname])
                lastfn = fieldname
                if lengths:
                    get = lengths.doc_field_length_reader(fieldname)
                    field_lengths = [get(d) for d in range(lengths.doc_count_all())]
            fieldwriter.start_term(btext)
            pw = fieldwriter._postwriter
            limit, n = pw._blocklimit, len(docs)
            offsets = list(accumulate(vlengths, initial=0))
            for start in range(0, n, limit):
                if start:
                    pw._write_block()  # what add_posting does when a block is full
                end = min(start + limit, n)
                ids = docs[start:end]
                chunk = weights[start:end]
                pw._ids = ids
                pw._weights = array("f", chunk)
                pw._values = [values[offsets[i] : offsets[i + 1]] for i in range(start, end) if vlengths[i]]
                top = max(chunk)
                pw._maxweight = top if top > 0 else 0
                known = [x for x in map(field_lengths.__getitem__, ids) if x] if lengths else []
                pw._minlength = min(known) if known else None
                pw._maxlength = max(known) if known else 0
            fieldwriter.finish_term()
        if lastfn is not None:
            fieldwriter.finish_field()

    def cleanup(self) -> None:
        for path in self.runs:
            try:
                os.remove(path)
            except OSError:
                pass
        self.runs = []
        self._fields = {}


def _bulk_writer(storage_ix: index.Index, tempdir: str, limitmb: int) -> Any:
    """A segment writer for documents added in order (a build's worker): postings filed by
    term (`_TermPool`) and written a block at a time."""
    from whoosh.writing import SegmentWriter

    class _BulkSegmentWriter(SegmentWriter):
        def add_document(self, **fields: Any) -> None:
            # whoosh3 is pinned exactly: SegmentWriter.add_document, with each field's
            # postings filed in one call (`_TermPool.add_field`), and a title analysed as the
            # content is (`analyse_text`: the same postings as the analyzer's, made faster).
            self._check_state()
            perdocwriter, schema, docnum = self.perdocwriter, self.schema, self.docnum
            docboost = self._doc_boost(fields)
            fieldnames = sorted([name for name in fields if not name.startswith("_")])
            self._check_fields(schema, fieldnames)
            perdocwriter.start_doc(docnum)
            try:
                for fieldname in fieldnames:
                    value = fields.get(fieldname)
                    if value is None:
                        continue
                    field = schema[fieldname]
                    if field.separate_spelling() or field.vector:  # (none in quotewire's schema)
                        raise ValueError(f"field {fieldname!r}: spelling and vectors are not written here")
                    length = 0
                    if field.indexed:
                        fieldboost = self._field_boost(fields, fieldname, docboost)
                        if isinstance(value, str) and field.analyzer is _ANALYZER and type(field.format) is Positions:
                            items: Iterable[Any] = analyse_text(value, field.format.field_boost)
                        else:
                            items = field.index(value)
                        length = cast(_TermPool, self.pool).add_field(
                            fieldname, docnum, items, fieldboost, field.scorable
                        )
                    customval = fields.get(f"_stored_{fieldname}", value)
                    perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
                    column = field.column_type
                    if column and customval is not None:
                        perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
            except ValueError:
                perdocwriter.cancel_doc()
                raise
            perdocwriter.finish_doc()
            self._added = True
            self.docnum += 1

        def _flush_segment(self) -> None:
            # whoosh3 is pinned exactly: SegmentWriter._flush_segment, with the pool's own writing
            self.perdocwriter.close()
            pdr = self.per_document_reader() if self.codec.length_stats else None
            cast(_TermPool, self.pool).write(self.schema, pdr, self.fieldwriter)
            self.fieldwriter.close()
            if pdr:
                pdr.close()

    w = _BulkSegmentWriter(storage_ix, _lk=False, limitmb=limitmb, compound=COMPOUND)
    w.pool = cast(Any, _TermPool(tempdir, limitmb))
    return w


class IndexWriter:
    """Adds and removes articles (with their quotes) in one Whoosh commit."""

    def __init__(
        self,
        ix: index.Index,
        speaker_terms: Callable[[str], Iterable[str]],
        *,
        limitmb: int = 256,
        timeout: float = 5.0,
    ) -> None:
        self._w = _writer(ix.writer(limitmb=limitmb, timeout=timeout, compound=COMPOUND), limitmb)
        self._speaker_terms = speaker_terms

    def remove(self, article_id: str) -> None:
        self._w.delete_by_term("id", article_id)

    def add(self, a: Article, quotes: Sequence[Quote], content: AnalysedText | None = None) -> None:
        self._w.add_document(**document(a, quotes, content, self._speaker_terms))

    @property
    def generation(self) -> int:
        """The generation this writer's commit will create (what the catalogue records)."""
        return self._w.generation

    def commit(
        self,
        *,
        merge: bool = True,
        before_publishing: Callable[[], None] | None = None,
        segments: Sequence[Any] = (),
    ) -> None:
        """Write the segment, call `before_publishing`, then publish the new generation.

        `before_publishing` runs once the segment's files are written but before the table
        of contents that makes them visible: what must be committed first (the catalogue)
        gets all the time Whoosh spends writing to finish. `segments`: written by
        `SegmentBuilder`s (in other processes), published with this commit, as they are.
        """
        w = self._w
        # whoosh3 is pinned exactly: `_commit_toc` is the step that publishes the commit.
        publish = w._commit_toc

        def publish_after(final: list[Any]) -> None:
            if before_publishing is not None:
                before_publishing()
            publish([*final, *segments])

        w._commit_toc = publish_after
        # An intermediate commit of a long build skips merging: merging segments again at
        # every batch made a 100,000-article build twice as slow as one big commit.
        w.commit(merge=merge)

    def cancel(self) -> None:
        if not self._w.is_closed:  # a commit that failed has closed it already
            self._w.cancel()


class SegmentBuilder:
    """Writes documents into new segments of an index from another process, for a build
    that indexes on every core at once: Whoosh has one writer per index, and filing and
    sorting postings was most of a large build, in one process.

    Each segment is written in a folder of its own beside the index (whose own commits
    delete any segment file they do not list), then moved into the index; `finish`
    returns it, for the process that holds the index's writer to publish
    (`IndexWriter.commit(segments=...)`).
    """

    def __init__(self, index_dir: Path, name: str, speaker_terms: Callable[[str], Iterable[str]], limitmb: int) -> None:
        self.index_dir = index_dir
        self.folder = index_dir / f".{name}"  # a leading dot: Whoosh's clean-up passes it by
        self._speaker_terms = speaker_terms
        self._limitmb = limitmb
        self._w: Any = None

    def add(self, a: Article, quotes: Sequence[Quote], content: AnalysedText | None = None) -> int:
        """Add one document; its number in the segment being written."""
        if self._w is None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir(parents=True)
            private = index.create_in(str(self.folder), make_schema())
            self._w = _bulk_writer(private, str(self.folder), self._limitmb)
        docnum = self._w.docnum
        self._w.add_document(**document(a, quotes, content, self._speaker_terms))
        return docnum

    def finish(self) -> Any:
        """The segment written since the last `finish` (None if nothing was added), its
        files moved into the index but not yet published."""
        w, self._w = self._w, None
        if w is None:
            return None
        segment = w._finalize_segment()
        prefix = f"{segment.segment_id()}."  # the index name, "_", the segment's own
        for name in os.listdir(self.folder):
            if name.startswith(prefix):
                os.replace(self.folder / name, self.index_dir / name)
        w._finish()
        shutil.rmtree(self.folder, ignore_errors=True)
        return segment

    def cancel(self) -> None:
        w, self._w = self._w, None
        if w is not None:
            try:
                w.cancel()
            except Exception:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)


# --- querying ------------------------------------------------------------------------------

# A `tag:` value (a name, or a pattern with * and ?) -> the ids of the articles tagged so.
TagResolver = Callable[[str], set[str]]
_DEFAULT_FIELDS = ("title", "content")
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


class _Compiled:
    """One parsed query made ready for this index: each leaf as a Whoosh query (None when
    it has nothing to search for, as a stop word alone), and the tree without such leaves.

    The tree stays the one `index.query` parsed: Whoosh answers it for articles, and
    `QuoteMatcher` evaluates it quote by quote, so both mean the same thing.
    """

    def __init__(self, parsed: Q.Query, schema: fields.Schema, tags: TagResolver | None) -> None:
        self.parsed, self.schema, self.tags = parsed, schema, tags
        self._leaf_queries: dict[Q.Leaf, query.Query | None] = {}
        self._tag_ids: dict[Q.Leaf, set[str]] = {}
        self.root = self._prune(parsed.root)

    # --- the tree without empty leaves ---

    def _prune(self, node: Q.Node | None) -> Q.Node | None:
        if node is None or isinstance(node, Q.Everything):
            return node
        if isinstance(node, (Q.And, Q.Or)):
            kept = tuple(k for k in (self._prune(i) for i in node.items) if k is not None)
            return None if not kept else kept[0] if len(kept) == 1 else type(node)(kept)
        if isinstance(node, Q.Not):
            inner = self._prune(node.item)
            return None if inner is None else Q.Not(inner)
        return node if self.leaf(node) is not None else None

    # --- to Whoosh ---

    def whoosh(self, node: Q.Node | None) -> query.Query:
        """The Whoosh query of a (pruned) tree; None (nothing to look for) finds every article."""
        if node is None or isinstance(node, Q.Everything):
            return query.Every()
        if isinstance(node, Q.And):
            return query.And([self.whoosh(i) for i in node.items])
        if isinstance(node, Q.Or):
            return query.Or([self.whoosh(i) for i in node.items])
        if isinstance(node, Q.Not):
            return query.Not(self.whoosh(node.item))
        q = self.leaf(node)
        return query.NullQuery if q is None else q

    def leaf(self, leaf: Q.Leaf) -> query.Query | None:
        if leaf not in self._leaf_queries:
            self._leaf_queries[leaf] = self._make_leaf(leaf)
        return self._leaf_queries[leaf]

    def _make_leaf(self, leaf: Q.Leaf) -> query.Query | None:
        if leaf.field == "tag":
            ids = self.tag_ids(leaf)
            # Tagged articles are found by id: the tag store, not the index, knows them.
            return query.Or([query.Term("id", i) for i in sorted(ids)]) if ids else query.NullQuery
        if leaf.field is None:
            per_field = [q for q in (self._field_leaf(f, leaf) for f in _DEFAULT_FIELDS) if q is not None]
            return None if not per_field else query.Or(per_field)
        return self._field_leaf(leaf.field, leaf)

    def tag_ids(self, leaf: Q.Leaf) -> set[str]:
        if leaf not in self._tag_ids:
            self._tag_ids[leaf] = set(self.tags(leaf.text)) if self.tags is not None else set()
        return self._tag_ids[leaf]

    def _field_leaf(self, name: str, leaf: Q.Leaf) -> query.Query | None:
        fobj = self.schema[name]
        if isinstance(leaf, Q.Range):
            lo = _process_one(fobj, leaf.low) if leaf.low is not None else None
            hi = _process_one(fobj, leaf.high) if leaf.high is not None else None
            return query.TermRange(
                name, lo, hi, startexcl=not leaf.low_inclusive, endexcl=not leaf.high_inclusive, constantscore=True
            )
        if isinstance(leaf, Q.Wildcard):
            pattern = leaf.text.lower() if name != "id" else leaf.text
            head = pattern.rstrip("*")
            if head and "*" not in head and "?" not in head:
                return query.Prefix(name, head)
            return query.Wildcard(name, pattern)
        if isinstance(leaf, Q.Fuzzy):
            text = _process_one(fobj, leaf.text)
            if not text:
                return None
            return _FuzzyTerm(name, text, maxdist=leaf.distance, prefixlength=leaf.prefix)
        if name == "date" and isinstance(leaf, Q.Word) and not _ISO_DATE.fullmatch(leaf.text):
            return query.Prefix(name, leaf.text)  # date:2024-11 is every day of that month
        words = _words(fobj, leaf.text)
        if not words:
            return None  # a stop word: nothing to look for
        if len(words) == 1:
            return query.Term(name, words[0])
        if isinstance(leaf, Q.Phrase):
            return query.Phrase(name, words, slop=1)
        return query.And([query.Term(name, w) for w in words])  # "U.S.-made": each of its words

    # --- what the query looks for in the text (highlights, did-you-mean) ---

    def text_query(self) -> query.Query | None:
        """The positive leaves about the text (words, phrases, patterns) as one Whoosh query."""
        parts = [
            q
            for leaf in Q.leaves(self.root, positive=True)
            if leaf.field in (None, "title", "content")
            for q in [self.leaf(leaf)]
            if q is not None
        ]
        return query.Or(parts) if parts else None


def _words(fobj: Any, text: str) -> list[str]:
    """The field's own analysis of query text: stems for text, lower-case names, ids as typed."""
    return [w for w in fobj.process_text(text, mode="query") if w]


def _process_one(fobj: Any, text: str) -> str:
    """One value analysed as a whole (not cut into words, stop words kept), as Whoosh's parser
    does for fuzzy words and range ends."""
    out = list(fobj.process_text(text, mode="query", tokenize=False, removestops=False))
    return out[0] if out else ""


class _QuoteTests:
    """The test of each leaf for one quotation (see index/quotequery.py)."""

    def __init__(self, compiled: _Compiled, reader: Any) -> None:
        self.c, self.reader = compiled, reader

    def __call__(self, leaf: Q.Leaf) -> Callable[[QuoteFacts], bool]:
        name = leaf.field or "content"
        if name == "tag":
            ids = self.c.tag_ids(leaf)
            return lambda f: f.article_id in ids
        if isinstance(leaf, Q.Range):
            lo, hi = leaf.low, leaf.high
            lo_in, hi_in = leaf.low_inclusive, leaf.high_inclusive

            def in_range(value: str) -> bool:
                if lo is not None and (value < lo or (value == lo and not lo_in)):
                    return False
                return hi is None or value < hi or (value == hi and hi_in)

            return lambda f: any(in_range(v) for v in _values(name, f))
        q = self.c.leaf(leaf)
        if isinstance(leaf, (Q.Wildcard, Q.Fuzzy)) or (name == "date" and isinstance(q, query.Prefix)):
            terms = _expanded(q, name, self.reader)
            if name == "speaker":
                return lambda f: any(w in terms for n in f.speaker for w in n)
            return lambda f: any(v in terms for v in _values(name, f))
        words = tuple(_words(self.c.schema[name], leaf.text))
        if isinstance(leaf, Q.Phrase):
            if name == "speaker":  # inside one of the speaker's names, in its order
                return lambda f: any(contains_run(n, words) for n in f.speaker)
            return lambda f: contains_run(_values(name, f), words)
        if name == "speaker":
            return lambda f: any(all(w in n for w in words) for n in f.speaker)
        return lambda f: all(w in _values(name, f) for w in words)


def _values(name: str, f: QuoteFacts) -> Sequence[str]:
    """What a quote holds in a field: its own words, speaker and kind; its article's others."""
    if name == "content":
        return f.stems
    if name == "speaker":
        return tuple(w for n in f.speaker for w in n)
    if name == "kind":
        return (f.kind,)
    return f.article.get(name, ())


def _expanded(q: query.Query | None, name: str, reader: Any) -> frozenset[str]:
    """The index's terms a prefix*, pattern or fuzzy~ word stands for in one field."""
    if q is None:
        return frozenset()
    out: set[str] = set()
    for leaf in q.leaves():  # a compound query expands none of its leaves itself
        if leaf.field() != name:
            continue
        try:
            pairs = leaf.expanded_terms(reader, phrases=False)
        except Exception:
            continue
        out.update(t.decode() if isinstance(t, bytes) else str(t) for _, t in pairs)
    return frozenset(out)


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


@lru_cache(maxsize=256)
def _candidates_re(terms: frozenset[str]) -> re.Pattern[str]:
    """Words that could stem to one of `terms`: the stemmer never changes a word's first
    three letters, so only words starting like a term need stemming at all. A stem of one
    or two letters comes only from a short word ("s" from "it's", "m" from "£5m"), so for
    those only short words are candidates: scanning every word starting with "s" made a
    one-letter query the slowest keystroke."""
    heads = sorted({t[:3] for t in terms if len(t) >= 3}, key=len, reverse=True)
    short = sorted({t for t in terms if 0 < len(t) < 3}, key=len, reverse=True)
    parts = []
    if heads:
        parts.append("(?:" + "|".join(map(re.escape, heads)) + r")\w*(?:\.?\w+)*")
    if short:
        parts.append("(?:" + "|".join(map(re.escape, short)) + r")\w{0,3}\b(?!\.\w)")
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)


def match_positions(text: str, terms: set[str], offset: int = 0, most: int | None = None) -> list[tuple[int, int]]:
    """Character ranges of the words in `text` whose stem is one of `terms` (the first `most`).

    A regex scan for likely words, then a cached stem per distinct word: far faster than
    running the analyzer over the whole article for every hit.
    """
    if not terms:
        return []
    out = []
    for m in _candidates_re(frozenset(terms)).finditer(text):
        if _stem(m.group().lower()) in terms:
            out.append((m.start() + offset, m.end() + offset))
            if most is not None and len(out) >= most:
                break
    return out


class _FuzzyTerm(query.FuzzyTerm):
    """Whoosh's fuzzy term, its expansion kept for each index reader it was made on.

    A search expands a fuzzy term in each segment's term dictionary twice (to estimate the
    size of the match, then to match), and again for the highlights: on 100,000 articles,
    whose parallel build left ten segments, "footbal~" spent most of a second there."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (made here, so that the copies Whoosh makes of a query share it)
        self._expanded: weakref.WeakKeyDictionary[Any, list[Any]] = weakref.WeakKeyDictionary()

    def _btexts(self, ixreader: Any) -> list[Any]:
        got = self._expanded.get(ixreader)
        if got is None:
            got = self._expanded[ixreader] = list(super()._btexts(ixreader))
        return got


def _best(s: Any, q: query.Query, limit: int, time_limit: float | None, exact_total: bool = False) -> tuple[Any, bool]:
    """The top `limit` documents, or the best found within `time_limit`; (results, cut short).

    With `exact_total`, a query holding a phrase is counted as it is searched: Whoosh's
    search skips documents that cannot make the top `limit` and then counts by matching the
    whole query again, and matching a phrase (its words' positions, document by document)
    was more than half of such a search on 100,000 articles. Scoring every match costs less
    than matching the phrase twice; for other queries the second pass, which scores nothing,
    is the cheaper. (Neither skipping blocks nor replacing the matcher by a leaner one,
    Whoosh's two shortcuts, would let every match be counted: both are off then.)"""
    if not time_limit:
        if exact_total and _has_phrase(q):
            every = collectors.TopCollector(limit=limit, usequality=False, replace=0)
            s.search_with_collector(q, every)
            return every.results(), False
        return s.search(q, limit=limit), False
    collector = _Deadline(s.collector(limit=limit), time_limit)
    try:
        s.search_with_collector(q, collector)
    except collectors.TimeLimit:
        return collector.results(), True
    return collector.results(), False


def _has_phrase(q: query.Query) -> bool:
    if isinstance(q, (query.Phrase, query.Ordered)) or isinstance(q, spans.SpanQuery):
        return True
    return any(_has_phrase(child) for child in q.children())


class _Deadline(collectors.WrappingCollector):
    """Stops collecting when time is up, keeping the best hits so far.

    Whoosh's `TimeLimitCollector` starts a timer thread for every search: a millisecond
    or more while typing on a busy machine. Reading the clock every few documents costs
    nothing; reading it rarely misses the deadline, as a ranked search skips whole
    blocks of postings between the documents it yields.
    """

    EVERY = 8

    def __init__(self, child: Any, seconds: float) -> None:
        super().__init__(child)
        self.seconds = seconds
        self.deadline = 0.0

    def prepare(self, top_searcher: Any, q: Any, context: Any) -> None:
        super().prepare(top_searcher, q, context)
        self.deadline = time.perf_counter() + self.seconds

    def collect_matches(self) -> None:
        child, every, n = self.child, self.EVERY, 0
        for sub_docnum in child.matches():
            child.collect(sub_docnum)
            n += 1
            if n % every == 0 and time.perf_counter() > self.deadline:
                raise collectors.TimeLimit


def make_snippets(
    text: str, marks: list[tuple[int, int]], *, width: int = 160, most: int = 3, skip: Sequence[Span] = ()
) -> tuple[Snippet, ...]:
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


def _analyze(text: str) -> list[str]:
    return [t.text for t in _ANALYZER(text)]


def _speaker_words(speaker_terms: Callable[[str], Iterable[str]], speaker: str | None) -> tuple[tuple[str, ...], ...]:
    if not speaker:
        return ()
    return _speaker_words_cached(speaker_terms, speaker)


@lru_cache(maxsize=4096)
def _speaker_words_cached(speaker_terms: Callable[[str], Iterable[str]], speaker: str) -> tuple[tuple[str, ...], ...]:
    """Each name of the speaker (canonical and aliases) as its words in order: a phrase
    such as ``speaker:"dmitry peskov"`` must match inside one name, in its order."""
    return tuple(tuple(t.text for t in _NAME_ANALYZER(term)) for term in speaker_terms(speaker))


def _no_terms(speaker: str) -> list[str]:
    return [speaker]


@dataclass
class Searcher:
    """Runs one query language over articles and quotes."""

    ix: index.Index
    speaker_terms: Callable[[str], Iterable[str]] = _no_terms
    shared: Any = None  # a whoosh searcher kept open by the caller (opening one costs ~6 ms)

    @property
    def schema(self) -> fields.Schema:
        return cast(fields.Schema, getattr(self.ix, "schema"))  # noqa: B009 (whoosh's Index type leaves it out)

    @contextmanager
    def _searching(self) -> Iterator[Any]:
        if self.shared is not None:
            yield self.shared
        else:
            with self.ix.searcher() as s:
                yield s

    def compile(self, qstring: str, tags: TagResolver | None = None) -> _Compiled:
        return _Compiled(Q.parse(qstring), self.schema, tags)

    def search(
        self,
        qstring: str,
        *,
        limit: int = 20,
        tags: TagResolver | None = None,
        texts: Callable[[str], Stored | None] | None = None,
        exact_total: bool = True,
        time_limit: float | None = None,
        suggest: bool = True,
    ) -> SearchResult:
        """Articles (or quotations, when the query asks about `speaker:` or `kind:`) matching
        `qstring`; `tags` answers `tag:`, `texts` gives the stored articles for snippets."""
        c = self.compile(qstring, tags)
        ignored = list(c.parsed.ignored)
        if c.root is None:
            return SearchResult(qstring, 0, (), None, tuple(ignored))
        with self._searching() as s:
            if c.parsed.about_quotes:
                hits, total, approximate, partial = self._quote_hits(s, c, limit, texts, exact_total, time_limit)
            else:
                hits, total, approximate, partial = self._article_hits(s, c, limit, texts, exact_total, time_limit)
            suggestion = self._suggest(s, c, texts) if suggest and total == 0 and not partial else None
        return SearchResult(qstring, total, tuple(hits), suggestion, tuple(ignored), approximate, partial)

    def _article_hits(
        self,
        s: Any,
        c: _Compiled,
        limit: int,
        texts: Callable[[str], Stored | None] | None,
        exact_total: bool,
        time_limit: float | None,
    ) -> tuple[list[Hit], int, bool, bool]:
        # On a huge corpus, show the best hits found in time; the caller refines later.
        results, partial = _best(s, c.whoosh(c.root), limit, time_limit, exact_total)
        approximate = partial
        if partial:
            total = results.scored_length()
        elif results.scored_length() < limit:
            total = results.scored_length()
        elif exact_total:
            total = len(results)  # counts every match: costly for broad queries
        else:
            total, approximate = max(results.estimated_min_length(), limit), True
        text_q = c.text_query()
        matched = _highlight_terms(text_q, s) if text_q is not None else set()
        hits = []
        for h in results:
            f = h.fields()
            st = texts(f["id"]) if texts else None
            snippets: tuple[Snippet, ...] = ()
            if st is not None:
                text = st.article.text
                snippets = make_snippets(
                    text, match_positions(text, matched, most=SNIPPET_MARKS), skip=st.article.boilerplate
                )
            hits.append(Hit(f["id"], f.get("title", ""), float(h.score), snippets, None))
        return hits, total, approximate, partial

    def _quote_hits(
        self,
        s: Any,
        c: _Compiled,
        limit: int,
        texts: Callable[[str], Stored | None] | None,
        exact_total: bool = True,
        time_limit: float | None = None,
    ) -> tuple[list[Hit], int, bool, bool]:
        """Candidate articles by the relaxed query, then each quote checked exactly.

        Without an exact total (search as you type) only the best few hundred candidate
        articles are checked, and only until `limit` quotes match: `kind:direct` on a
        100,000-article corpus would otherwise check every quote in it. A time limit
        bounds the finding of candidates too (the answer is then partial).
        """
        if texts is None or c.root is None:
            return [], 0, False, False
        relaxed = c.whoosh(Q.relax(c.root))
        if exact_total:
            return (*self._check_quotes(s, c, s.search(relaxed, limit=None), limit, texts, stop=False), False)
        wanted = max(200, 10 * limit)
        results, partial = _best(s, relaxed, wanted, time_limit)
        hits, total, _ = self._check_quotes(s, c, results, limit, texts, stop=True)
        if len(hits) >= limit or partial or results.scored_length() < wanted:
            return hits, total, len(hits) >= limit or partial, partial and len(hits) < limit
        return (*self._check_quotes(s, c, s.search(relaxed, limit=None), limit, texts, stop=True), False)

    def _check_quotes(
        self, s: Any, c: _Compiled, results: Any, limit: int, texts: Callable[[str], Stored | None], *, stop: bool
    ) -> tuple[list[Hit], int, bool]:
        assert c.root is not None
        matcher = QuoteMatcher(c.root, _QuoteTests(c, s.reader()))
        text_q = c.text_query()
        matched = _highlight_terms(text_q, s) if text_q is not None else set()
        hits: list[Hit] = []
        total = 0
        for h in results:
            st = texts(h["id"])
            if st is None:
                continue
            a = st.article
            art_fields = {
                "title": tokens(a.title),
                "outlet": [t.text for t in _NAME_ANALYZER(a.outlet)],
                "date": [a.date] if a.date else [],
                "id": [a.id],
            }
            for quote in st.quotes:
                if quote.kind == "other":
                    continue
                facts = QuoteFacts(
                    quote.text,
                    _speaker_words(self.speaker_terms, quote.speaker),
                    quote.kind,
                    art_fields,
                    _analyze,
                    a.id,
                )
                if not matcher.matches(facts):
                    continue
                total += 1
                if len(hits) < limit:
                    marks = tuple(
                        (x - quote.start, y - quote.start)
                        for x, y in match_positions(quote.text, matched, offset=quote.start)
                    )
                    sn = Snippet(quote.start, quote.end, quote.text, marks)
                    ref = QuoteRef(quote.start, quote.end, quote.speaker, quote.kind)
                    hits.append(Hit(a.id, a.title, float(h.score), (sn,), ref))
                elif stop:
                    return hits, total, True
        return hits, total, False

    def positions(self, qstring: str, article_id: str, text: str) -> list[tuple[int, int]]:
        """Where the query's words occur in one article (for n/N in the reader)."""
        text_q = self.compile(qstring).text_query()
        if text_q is None:
            return []
        with self._searching() as s:
            matched = _highlight_terms(text_q, s)
        return match_positions(text, matched)

    def similar(self, article_id: str, text: str, top: int) -> list[str]:
        """Articles sharing the most distinctive words with `text` (Whoosh's more-like-this)."""
        with self._searching() as s:
            docnum = s.document_number(id=article_id)
            if docnum is None:
                return []
            return [h["id"] for h in s.more_like(docnum, "content", text=text, top=top, numterms=25)]

    def suggest(self, qstring: str, texts: Callable[[str], Stored | None] | None = None) -> str | None:
        """A did-you-mean for a query that found nothing, from the index's own words."""
        with self._searching() as s:
            return self._suggest(s, self.compile(qstring), texts)

    def _suggest(self, s: Any, c: _Compiled, texts: Callable[[str], Stored | None] | None = None) -> str | None:
        """Each word the index does not hold, replaced where it was typed by the nearest
        word it does hold (within two edits, the first letter kept)."""
        reader = s.reader()
        qstring = c.parsed.text
        changes: list[tuple[int, int, str]] = []  # (start, end, stem) in the query string
        for leaf in Q.leaves(c.parsed.root, positive=True):
            if not isinstance(leaf, Q.Word) or leaf.field not in (None, "title", "content", "speaker", "outlet"):
                continue
            name = leaf.field or "content"
            words = _words(self.schema[name], leaf.text)
            if len(words) != 1 or (name, words[0]) in reader:
                continue
            try:
                found = reader.corrector(name).suggest(words[0], limit=1, maxdist=2, prefix=SUGGEST_PREFIX)
            except Exception:
                continue
            if found and found[0] != words[0]:
                changes.append((leaf.end - len(leaf.text), leaf.end, found[0]))
        if not changes:
            return None
        forms = self._surface_forms(s, {stem for _, _, stem in changes}, texts)
        out = qstring
        for start, end, stem in sorted(changes, reverse=True):
            out = out[:start] + forms.get(stem, stem) + out[end:]
        return None if out.strip().lower() == qstring.strip().lower() else out

    def _surface_forms(self, s: Any, stems: set[str], texts: Callable[[str], Stored | None] | None) -> dict[str, str]:
        """The index suggests stems ("minist"); show a word people write ("minister")."""
        forms: dict[str, str] = {}
        if texts is None:
            return forms
        try:
            top = s.search(query.Or([query.Term("content", w) for w in stems]), limit=3)
        except Exception:
            return forms
        for h in top:
            st = texts(h["id"])
            if st is None:
                continue
            for m in _WORD_RE.finditer(st.article.text):
                w = m.group().lower()
                stem = _stem(w)
                if stem in stems and stem not in forms:
                    forms[stem] = w
            if len(forms) == len(stems):
                break
        return forms


def tokens(text: str) -> list[str]:
    """The index's own stemmed tokens: used to compare texts the way search does."""
    return [t.text for t in _ANALYZER(text)]


def clear_builders(path: Path) -> None:
    """Remove what `SegmentBuilder`s of a build that died left beside the index."""
    for stale in path.glob(".build-*"):
        shutil.rmtree(stale, ignore_errors=True)


def remove_index(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


__all__ = ["open_or_create", "IndexWriter", "Searcher", "Stored", "LockError", "TagResolver"]
