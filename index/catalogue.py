"""The catalogue beside the Whoosh index: every article's text, metadata, file stats and quotes.

An SQLite file read on demand, so a 100,000-article corpus stays on disk: the app keeps
only one small `ArticleInfo` per article in memory and loads an article's text and
quotes when it is opened, searched or compared. It is readable without importing
Whoosh, so the app can paint the library before the search engine is even loaded.

The catalogue records the Whoosh generation it matches. It is committed just before the
Whoosh commit of the same batch: a reader never meets a search hit whose article is
missing, and a crash between the two leaves a mismatch that the next update repairs
by rebuilding (the index is only a cache).
"""

from __future__ import annotations

import json
import os
import queue
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .models import Article, ArticleInfo, Quote, Span

# Of the Whoosh index and this catalogue: a change rebuilds both. 10: quotes keep their
# rule and mention offsets; 11: segments as separate files, not compound ones
# (see search.COMPOUND); 12: `quote_count` leaves out titles and scare quotes.
SCHEMA_VERSION = 12
CATALOGUE = "catalogue.sqlite3"
_TOC_RE = re.compile(r"_MAIN_(\d+)\.toc$")

QuoteRow = (
    tuple  # (start, end, kind, speaker, cue, confidence, mention, cue_start, cue_end, rule, mention_start, mention_end)
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL, mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL, content_hash TEXT NOT NULL, title TEXT NOT NULL, outlet TEXT NOT NULL,
    date TEXT NOT NULL, author TEXT NOT NULL, url TEXT NOT NULL, dateline TEXT NOT NULL,
    layout TEXT NOT NULL, quote_count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS texts (n INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY, n INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL,
    speaker TEXT, cue TEXT, confidence REAL NOT NULL, mention TEXT, cue_start INTEGER, cue_end INTEGER,
    rule TEXT NOT NULL, mention_start INTEGER, mention_end INTEGER);
CREATE INDEX IF NOT EXISTS quotes_by_article ON quotes (n);
CREATE INDEX IF NOT EXISTS quotes_by_speaker ON quotes (speaker);
CREATE TABLE IF NOT EXISTS speaker_counts (speaker TEXT PRIMARY KEY, count INTEGER NOT NULL);
"""
# The words of every quotation and its speaker, for the quotes screen's filter: scanning
# the quoted text of 100,000 articles took 7 s a keystroke. Skipped (and the filter scans)
# where SQLite was built without FTS5.
_WORDS_SCHEMA = "CREATE VIRTUAL TABLE IF NOT EXISTS quote_words USING fts5(speaker, text)"
# The corpus as the last update found it (see `snapshot.Snapshot`): the folders, one row each,
# and the rest as JSON in `meta` under 'scan'. Written by an update's last commit, once Whoosh
# has published; any other commit deletes it.
_SCAN_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS scan_dirs (path TEXT NOT NULL, ident TEXT NOT NULL, names TEXT NOT NULL, "
    "stats BLOB NOT NULL, inos BLOB NOT NULL)"
)
ScanRows = tuple[str, list[tuple[str, str, str, bytes, bytes]]]  # (meta JSON, folder rows)
_INFO_COLUMNS = "id, title, outlet, date, author, path, content_hash, quote_count, size, mtime_ns"
_QUOTE_COLUMNS = (
    'start, "end", kind, speaker, cue, confidence, mention, cue_start, cue_end, rule, mention_start, mention_end'
)


@dataclass(frozen=True, slots=True)
class Stored:
    """One article as the catalogue holds it: the article, its file stats and its quotes.

    Quotes are kept as plain rows and become `Quote` objects (with their text sliced from
    the article) only when asked for.
    """

    article: Article
    mtime_ns: int
    size: int
    rows: tuple[QuoteRow, ...] = ()

    @classmethod
    def make(cls, article: Article, mtime_ns: int, size: int, quotes: Iterable[Quote]) -> Stored:
        rows = tuple(
            (
                q.start,
                q.end,
                q.kind,
                q.speaker,
                q.cue,
                q.confidence,
                q.speaker_mention,
                q.cue_start,
                q.cue_end,
                q.rule,
                q.mention_start,
                q.mention_end,
            )
            for q in quotes
        )
        return cls(article, mtime_ns, size, rows)

    @property
    def quotes(self) -> tuple[Quote, ...]:
        text = self.article.text
        return tuple(_quote(self.article.id, row, text[row[0] : row[1]]) for row in self.rows)

    @property
    def info(self) -> ArticleInfo:
        a = self.article
        return ArticleInfo(
            a.id, a.title, a.outlet, a.date, a.author, a.path, a.content_hash, len(self.rows), self.size, self.mtime_ns
        )


def _quote(article_id: str, row: QuoteRow, text: str) -> Quote:
    """A stored row as a `Quote`; `text` is its slice of the article."""
    s, e, k, sp, cue, c, m, cs, ce, rule, ms, me = row
    return Quote(article_id, s, e, text, k, sp, cue, c, m, cs, ce, rule, ms, me)


def latest_generation(path: Path) -> int:
    """Whoosh's current generation, read off the TOC file names (as Whoosh itself does)."""
    try:
        gens = [int(m.group(1)) for name in os.listdir(path) if (m := _TOC_RE.match(name))]
    except OSError:
        return -1
    return max(gens, default=-1)


# The Whoosh index's own files: segments, tables of contents and quotewire's version note.
_INDEX_FILE = re.compile(r"(?:MAIN_(?!WRITELOCK$)\w+\.\w+|_MAIN_\d+\.toc|quotewire-index\.json)$")


def index_files(path: Path) -> dict[str, list[int]]:
    """Every file of the Whoosh index in `path` with its size and mtime (read without
    importing Whoosh): an update that trusts its last scan trusts the index only while
    these are as they were when it was published (see `Library.update`)."""
    out = {}
    try:
        with os.scandir(path) as it:
            for entry in it:
                if _INDEX_FILE.match(entry.name):
                    st = entry.stat()
                    out[entry.name] = [st.st_size, st.st_mtime_ns]
    except OSError:
        return {}
    return out


def _layout(a: Article) -> str:
    """Boilerplate spans, the title's place and the article's source: small, so one JSON column."""
    return json.dumps(
        {
            "b": [[s.start, s.end, s.label] for s in a.boilerplate],
            "t": [a.title_span.start, a.title_span.end, a.title_span.label] if a.title_span else None,
            "s": a.source,
        }
    )


def _article(row: tuple, text: str) -> Article:
    aid, path, content_hash, title, outlet, date, author, url, dateline, layout = row
    lay = json.loads(layout)
    return Article(
        id=aid,
        text=text,
        title=title,
        outlet=outlet,
        date=date,
        author=author,
        url=url,
        dateline=dateline,
        path=path,
        content_hash=content_hash,
        boilerplate=tuple(Span(*b) for b in lay["b"]),
        title_span=Span(*lay["t"]) if lay["t"] else None,
        source=lay.get("s", ""),
    )


class Catalogue:
    """Read access to the catalogue, safe to share between the UI thread and workers."""

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / CATALOGUE
        self.index_dir = index_dir
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._words: bool | None = None  # the catalogue has the quote_words table
        self._file: tuple[int, int] = (0, 0)  # (device, inode) of the file the connection reads

    def _conn(self) -> sqlite3.Connection | None:
        """The connection, reopened when the file is not the one it reads: another process
        that rebuilds the index deletes the catalogue and writes a new one, and an open
        connection would go on reading the deleted file."""
        try:
            st = os.stat(self.path)
        except OSError:
            self._close()
            return None
        if self._db is not None and self._file != (st.st_dev, st.st_ino):
            self._close()
        if self._db is None:
            try:
                self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            except sqlite3.Error:
                return None
            self._file = (st.st_dev, st.st_ino)
        return self._db

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        self._words = None

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            db = self._conn()
            if db is None:
                return []
            try:
                return db.execute(sql, args).fetchall()
            except sqlite3.DatabaseError:
                return []  # a catalogue half-replaced by a rebuild reads as empty, never raises

    def interrupt(self) -> None:
        """Abort the query running on this connection (it returns no rows): SQLite allows
        this from any thread, and the lock is not taken, since the query holds it."""
        db = self._db
        if db is not None:
            db.interrupt()

    def generation(self) -> int | None:
        rows = self._query("SELECT value FROM meta WHERE key = 'generation'")
        return int(rows[0][0]) if rows else None

    def extraction(self) -> str | None:
        """The extraction key the stored quotes and texts were made with (see `Library`)."""
        rows = self._query("SELECT value FROM meta WHERE key = 'extraction'")
        return rows[0][0] if rows else None

    def current(self) -> bool:
        """It matches the Whoosh index's current generation (not torn by a crash)."""
        return self.generation() == latest_generation(self.index_dir)

    def listable(self) -> bool:
        """Good enough to list from: current, or one batch ahead of Whoosh (another copy is
        between its two commits, or died there; its next update repairs that)."""
        gen, latest = self.generation(), latest_generation(self.index_dir)
        return gen is not None and latest >= 0 and gen in (latest, latest + 1)

    def scan(self) -> ScanRows | None:
        """The corpus as the last complete update found it, or None. (Read under the update
        lock: no commit comes between the two queries.)"""
        meta = self._query("SELECT value FROM meta WHERE key = 'scan'")
        if not meta:
            return None
        return meta[0][0], self._query("SELECT path, ident, names, stats, inos FROM scan_dirs ORDER BY rowid")

    def count(self) -> int:
        """How many articles it holds."""
        rows = self._query("SELECT count(*) FROM articles")
        return rows[0][0] if rows else 0

    def infos(self) -> dict[str, ArticleInfo]:
        return {r[0]: ArticleInfo(*r) for r in self._query(f"SELECT {_INFO_COLUMNS} FROM articles ORDER BY n")}

    def sources(self) -> dict[str, str]:
        """Article id -> its source (the file relative to its corpus folder): what tags
        belong to, so that a tag never follows an id to another file."""
        return {aid: src or "" for aid, src in self._query("SELECT id, json_extract(layout, '$.s') FROM articles")}

    def get(self, article_id: str) -> Stored | None:
        rows = self._query(
            "SELECT a.n, a.id, a.path, a.content_hash, a.title, a.outlet, a.date, a.author, a.url, a.dateline, "
            "a.layout, a.mtime_ns, a.size, t.text FROM articles a JOIN texts t USING (n) WHERE a.id = ?",
            (article_id,),
        )
        if not rows:
            return None
        n, *head, layout, mtime_ns, size, text = rows[0]
        quotes = self._query(f"SELECT {_QUOTE_COLUMNS} FROM quotes WHERE n = ? ORDER BY rowid", (n,))
        return Stored(_article((*head, layout), text), mtime_ns, size, tuple(quotes))

    def speakers(self, needle: str = "") -> list[tuple[str | None, int]]:
        """(speaker, number of quotes), speech only, most quoted first; None = no speaker.

        Without a filter the counts kept up to date by the writer are read (counting 900,000
        quotes took 2 s); a filter counts the quotes that match it.
        """
        if not needle.strip():
            kept = self._query(
                "SELECT speaker, count FROM speaker_counts WHERE count > 0 ORDER BY speaker = '', count DESC, speaker"
            )
            if kept:
                return [(sp or None, c) for sp, c in kept]
        where, args = self._filter(needle)
        return [
            (sp, c)
            for sp, c in self._query(
                "SELECT q.speaker, count(*) AS c FROM quotes q JOIN articles a USING (n)"
                + where
                + " GROUP BY q.speaker ORDER BY q.speaker IS NULL, c DESC, q.speaker",
                args,
            )
        ]

    def quotes(
        self, *, speaker: str | None = None, no_speaker: bool = False, needle: str = "", limit: int | None = None
    ) -> list[Quote]:
        """Quotes (speech only) by one speaker and/or holding `needle`, in corpus order."""
        where, args = self._filter(needle)
        if speaker is not None:
            where += " AND q.speaker = ?"
            args += (speaker,)
        elif no_speaker:
            where += " AND q.speaker IS NULL"
        sql = (
            f"SELECT a.id, q.n, q.{_QUOTE_COLUMNS.replace(', ', ', q.')} "
            "FROM quotes q JOIN articles a USING (n)"
            + where
            + " ORDER BY a.n, q.rowid"
            + (f" LIMIT {int(limit)}" if limit else "")
        )
        rows = self._query(sql, args)
        # Each quote's text is sliced here from its article's text, read once per article:
        # SQLite's substr() counts characters from the start of the text for every quote,
        # quadratic in the length of a long article.
        out = []
        texts: dict[int, str] = {}
        for i in range(0, len(rows), 512):
            part = rows[i : i + 512]
            # in article order: an article's quotes may run on into the next chunk, its text kept
            here = {r[1] for r in part}
            texts = {n: t for n, t in texts.items() if n in here}
            wanted = sorted(here - texts.keys())
            if wanted:
                texts.update(
                    self._query(f"SELECT n, text FROM texts WHERE n IN ({','.join('?' * len(wanted))})", tuple(wanted))
                )
            for aid, n, *row in part:
                text = texts.get(n)
                if text is not None:
                    out.append(_quote(aid, tuple(row), text[row[0] : row[1]]))
        return out

    def _filter(self, needle: str) -> tuple[str, tuple]:
        """Speech only; a needle matches the article id, or the words of the speaker or of
        the quote (the last word as a prefix, so it narrows as it is typed)."""
        where, args = " WHERE q.kind != 'other'", ()
        needle = needle.strip()
        if not needle:
            return where, args
        like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        words = re.findall(r"\w+", needle.lower())
        if words and self._has_words_table():
            # A union, not an OR: an OR made SQLite scan every quote (1.6 s on 100k).
            where += (
                " AND q.id IN (SELECT rowid FROM quote_words WHERE quote_words MATCH ?1 UNION "
                "SELECT q2.id FROM articles a2 JOIN quotes q2 USING (n) WHERE a2.id LIKE ?2 ESCAPE '\\')"
            )
            return where, ('"' + " ".join(words) + '"*', like)
        where += (
            " AND (q.speaker LIKE ?1 ESCAPE '\\' OR a.id LIKE ?1 ESCAPE '\\' OR EXISTS (SELECT 1 FROM "
            'texts t2 WHERE t2.n = q.n AND substr(t2.text, q.start + 1, q."end" - q.start) LIKE ?1 '
            "ESCAPE '\\'))"
        )
        return where, (like,)

    def _has_words_table(self) -> bool:
        if self._words is None:
            found = bool(self._query("SELECT 1 FROM sqlite_master WHERE name = 'quote_words'"))
            if self._db is not None:  # no catalogue yet: ask again once there is one
                self._words = found
            return found
        return self._words

    def iter_articles(self, ids: Iterable[str] | None = None, *, chunk: int = 256) -> Iterator[Article]:
        """Articles with their texts (all, or those `ids`), read a chunk at a time."""
        head = (
            "SELECT a.n, a.id, a.path, a.content_hash, a.title, a.outlet, a.date, a.author, a.url, "
            "a.dateline, a.layout, t.text FROM articles a JOIN texts t USING (n)"
        )
        if ids is not None:
            wanted = list(ids)
            for i in range(0, len(wanted), chunk):
                part = wanted[i : i + chunk]
                rows = self._query(f"{head} WHERE a.id IN ({','.join('?' * len(part))})", tuple(part))
                yield from (_article(tuple(r[1:-1]), r[-1]) for r in rows)
            return
        last = -1
        while rows := self._query(f"{head} WHERE a.n > ? ORDER BY a.n LIMIT {chunk}", (last,)):
            yield from (_article(tuple(r[1:-1]), r[-1]) for r in rows)
            last = rows[-1][0]

    def close(self) -> None:
        with self._lock:
            self._close()


class CatalogueWriter:
    """The one writer (the index update lock is held): changes become visible at `commit`."""

    def __init__(self, index_dir: Path) -> None:
        index_dir.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(index_dir / CATALOGUE, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: a lost last commit means a rebuild
        self._db.executescript(_SCHEMA)
        try:
            self._db.execute(_WORDS_SCHEMA)
            self._words = True
        except sqlite3.OperationalError:  # no FTS5 in this SQLite: the filter scans instead
            self._words = False
        self._db.execute("BEGIN")
        self._counts: Counter[str] = Counter()  # changes to speaker_counts since the last commit
        self._next_quote = (self._db.execute("SELECT max(id) FROM quotes").fetchone()[0] or 0) + 1

    def remove(self, article_id: str) -> None:
        row = self._db.execute("SELECT n FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row:
            for (speaker,) in self._db.execute("SELECT speaker FROM quotes WHERE n = ? AND kind != 'other'", row):
                self._counts[speaker or ""] -= 1
            if self._words:
                self._db.execute("DELETE FROM quote_words WHERE rowid IN (SELECT id FROM quotes WHERE n = ?)", row)
            for table in ("articles", "texts", "quotes"):
                self._db.execute(f"DELETE FROM {table} WHERE n = ?", row)

    def add(self, st: Stored) -> None:
        a = st.article
        self.remove(a.id)
        cur = self._db.execute(
            "INSERT INTO articles (id, path, mtime_ns, size, content_hash, title, outlet, date, author, url, "
            "dateline, layout, quote_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id,
                a.path,
                st.mtime_ns,
                st.size,
                a.content_hash,
                a.title,
                a.outlet,
                a.date,
                a.author,
                a.url,
                a.dateline,
                _layout(a),
                sum(row[2] != "other" for row in st.rows),  # quotations, as the listing says
            ),
        )
        n = cur.lastrowid
        self._db.execute("INSERT INTO texts (n, text) VALUES (?, ?)", (n, a.text))
        # Quote ids given here (the table's next ones), so that the quote_words rows below
        # can name them without reading them back.
        first = self._next_quote
        self._next_quote += len(st.rows)
        self._db.executemany(
            f"INSERT INTO quotes (id, n, {_QUOTE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(first + i, n, *row) for i, row in enumerate(st.rows)],
        )
        words = []
        for i, row in enumerate(st.rows):
            if row[2] != "other":
                self._counts[row[3] or ""] += 1
                # The quote's words sliced here, from the text in hand: SQLite's substr()
                # counts characters from the start of the text for every quote, which
                # made a 20 MB article's insert take minutes (quadratic in its length).
                words.append((first + i, row[3] or "", a.text[row[0] : row[1]]))
        if self._words and words:
            self._db.executemany("INSERT INTO quote_words (rowid, speaker, text) VALUES (?, ?, ?)", words)

    def commit(self, generation: int, extraction: str | None = None, scan: ScanRows | None = None) -> None:
        """Make the changes visible, as matching Whoosh's `generation`. `scan`: the corpus as
        the update that wrote them found it (see `snapshot.Snapshot`); any commit without one
        forgets the last, so a scan is only ever trusted beside what was read with it."""
        self._set_scan(scan)
        self._db.executemany(
            "INSERT INTO speaker_counts (speaker, count) VALUES (?, ?) "
            "ON CONFLICT (speaker) DO UPDATE SET count = count + excluded.count",
            [(sp, c) for sp, c in self._counts.items() if c],
        )
        self._counts.clear()
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('generation', ?)", (str(generation),))
        if extraction is not None:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('extraction', ?)", (extraction,))
        self._db.execute("COMMIT")
        self._db.execute("BEGIN")

    def _set_scan(self, scan: ScanRows | None) -> None:
        self._db.execute(_SCAN_SCHEMA)
        self._db.execute("DELETE FROM scan_dirs")
        self._db.execute("DELETE FROM meta WHERE key = 'scan'")
        if scan is not None:
            meta, dirs = scan
            self._db.executemany("INSERT INTO scan_dirs (path, ident, names, stats, inos) VALUES (?,?,?,?,?)", dirs)
            self._db.execute("INSERT INTO meta (key, value) VALUES ('scan', ?)", (meta,))

    def close(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        self._counts.clear()
        self._db.close()


class BackgroundCatalogueWriter:
    """A `CatalogueWriter` on a thread of its own, so that a build's catalogue writes overlap
    Whoosh's work.

    SQLite lets go of the GIL while it inserts and indexes (FTS5), and Whoosh's commit
    keeps one core busy while the other would sit idle: the catalogue was a tenth of a
    BBC build when it ran in turn with Whoosh. Calls are queued in order; `commit` waits
    for them all and raises what any of them raised.
    """

    def __init__(self, index_dir: Path) -> None:
        # Bounded: if SQLite falls behind, the build waits rather than holding texts in memory.
        self._calls: queue.Queue[Callable[[CatalogueWriter], None] | None] = queue.Queue(maxsize=512)
        self._done: queue.SimpleQueue[BaseException | None] = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(index_dir,), name="catalogue-writer", daemon=True)
        self._thread.start()
        self._wait()  # the schema is in place, or its error raised here

    def _run(self, index_dir: Path) -> None:
        try:
            writer = CatalogueWriter(index_dir)  # an SQLite connection belongs to its thread
        except BaseException as exc:
            self._done.put(exc)
            return
        self._done.put(None)
        failed = False
        while True:
            call = self._calls.get()
            if call is None:
                writer.close()
                return
            if call is _SYNC:
                self._done.put(self._error if failed else None)
                continue
            if failed:
                continue  # after an error only `commit` (which reports it) and `close` matter
            try:
                call(writer)
            except BaseException as exc:
                failed, self._error = True, exc

    def _wait(self) -> None:
        error = self._done.get()
        if error is not None:
            raise error

    def remove(self, article_id: str) -> None:
        self._calls.put(lambda w: w.remove(article_id))

    def add(self, st: Stored) -> None:
        self._calls.put(lambda w: w.add(st))

    def commit(self, generation: int, extraction: str | None = None, scan: ScanRows | None = None) -> None:
        self._calls.put(lambda w: w.commit(generation, extraction, scan))
        self._calls.put(_SYNC)
        self._wait()

    def close(self) -> None:
        """Roll back what was not committed and stop the thread."""
        if self._thread.is_alive():
            self._calls.put(None)
            self._thread.join()


def _SYNC(writer: CatalogueWriter) -> None:
    """A marker in the queue: report back once every call before it has run."""
