"""The tag store: tagged passages in SQLite. This is user data: never rebuilt, never lost.

Each row is one passage of one article, remembered by W3C-style selectors (see
:mod:`index.anchoring`), with one or more tag names and an optional note.

Durability and sharing, because two copies of quotewire may run at once:

* WAL journal with ``synchronous=FULL``: a change is on disk when ``add``/``update``/
  ``remove`` return, so a crash or ``kill -9`` loses nothing that was acknowledged.
* every change is one ``BEGIN IMMEDIATE`` transaction; ``busy_timeout`` makes a second
  writer wait instead of failing, and each read sees a consistent snapshot, so two
  processes see each other's tags and never corrupt the file.
* the schema is versioned with ``PRAGMA user_version``; each step is one function in
  ``MIGRATIONS``, applied in a transaction after a backup copy of the old file is made.
  A file from a newer version, or one that is not a database, is refused, never reset.
"""

from __future__ import annotations

import builtins  # TagStore.list shadows the name inside the class
import dataclasses
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from index.anchoring import ANCHORED, ORPHAN, ORPHAN_ANCHOR, Anchor, Selector, make_selector, reanchor

BUSY_TIMEOUT_MS = 10_000


class TagStoreError(Exception):
    """The tag file cannot be used as it is (not a database, or from a newer version)."""


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


def normalize_tag(name: str) -> str:
    """``" #Economy  Policy "`` -> ``"economy-policy"``; empty or unsafe names raise."""
    norm = "-".join(name.strip().lstrip("#").lower().split())
    if not norm:
        raise ValueError(f"empty tag name: {name!r}")
    if any(ch in norm for ch in ",;") or not norm.isprintable():
        raise ValueError(f"tag names cannot contain ',', ';' or control characters: {name!r}")
    return norm


def normalize_tags(names: Sequence[str]) -> tuple[str, ...]:
    """Normalised names, duplicates dropped, first occurrence order kept."""
    if isinstance(names, str):
        raise TypeError("tags must be a sequence of names, not one string")
    return tuple(dict.fromkeys(normalize_tag(n) for n in names))


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- schema and migrations ---------------------------------------------------------------


def _create_v1(conn: sqlite3.Connection) -> None:
    """v1: one table, tag names as a JSON list (kept so old files can be migrated)."""
    conn.execute(
        """CREATE TABLE annotations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article TEXT NOT NULL,
            content_hash TEXT NOT NULL DEFAULT '',
            start_pos INTEGER NOT NULL,
            end_pos INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX annotations_article ON annotations(article)")


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """v2: tag names in their own table so that listing by tag uses an index."""
    conn.execute("CREATE TABLE tag_names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
    conn.execute(
        """CREATE TABLE annotation_tags (
            tag_id INTEGER NOT NULL REFERENCES tag_names(id),
            annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            pos INTEGER NOT NULL,
            PRIMARY KEY (tag_id, annotation_id)
        ) WITHOUT ROWID"""
    )
    conn.execute("CREATE INDEX annotation_tags_annotation ON annotation_tags(annotation_id, pos)")
    for row_id, raw in conn.execute("SELECT id, tags FROM annotations").fetchall():
        names = []
        for name in json.loads(raw or "[]"):
            try:
                names.append(normalize_tag(str(name)))
            except ValueError:
                continue  # an unusable name; the passage itself is kept
        _set_tags(conn, row_id, tuple(dict.fromkeys(names)))
    conn.execute("ALTER TABLE annotations DROP COLUMN tags")


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    """v3: a tag belongs to a file, not to an id (ids were renumbered by rebuilds).

    Existing rows get an empty source: the library binds each to its file once the index
    is current (by its id if the words still fit there, else by its content hash, else it
    stays an orphan); see `index.tag_identity`.
    """
    conn.execute("ALTER TABLE annotations ADD COLUMN source TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE annotations ADD COLUMN path TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX annotations_source ON annotations(source)")


# version reached -> the function that takes a file from the previous version to it
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _create_v1, 2: _v1_to_v2, 3: _v2_to_v3}
SCHEMA_VERSION = max(MIGRATIONS)

_SELECT = """SELECT a.id, a.article, a.content_hash, a.start_pos, a.end_pos, a.exact,
    a.prefix, a.suffix, a.note, a.created, a.source, a.path,
    (SELECT json_group_array(name) FROM (
        SELECT n.name AS name FROM annotation_tags t JOIN tag_names n ON n.id = t.tag_id
        WHERE t.annotation_id = a.id ORDER BY t.pos)) AS tags
    FROM annotations a"""


def _set_tags(conn: sqlite3.Connection, annotation_id: int, names: tuple[str, ...]) -> None:
    """Replace a passage's tag names (inside the caller's transaction)."""
    old = _tag_ids(conn, annotation_id)
    conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation_id,))
    for pos, name in enumerate(names):
        conn.execute("INSERT OR IGNORE INTO tag_names(name) VALUES (?)", (name,))
        (tag_id,) = conn.execute("SELECT id FROM tag_names WHERE name = ?", (name,)).fetchone()
        conn.execute(
            "INSERT INTO annotation_tags(tag_id, annotation_id, pos) VALUES (?, ?, ?)",
            (tag_id, annotation_id, pos),
        )
    _prune_names(conn, old)


def _tag_ids(conn: sqlite3.Connection, annotation_id: int) -> list[int]:
    rows = conn.execute("SELECT tag_id FROM annotation_tags WHERE annotation_id = ?", (annotation_id,))
    return [r[0] for r in rows]


def _prune_names(conn: sqlite3.Connection, tag_ids: Sequence[int]) -> None:
    """Forget tag names no passage uses any more, so completion stays honest."""
    for tag_id in tag_ids:
        conn.execute(
            "DELETE FROM tag_names WHERE id = ? AND NOT EXISTS (SELECT 1 FROM annotation_tags WHERE tag_id = ?)",
            (tag_id, tag_id),
        )


def _row_to_tag(row: sqlite3.Row | tuple) -> Tag:
    (id_, article, content_hash, start, end, exact, prefix, suffix, note, created, source, path, tags) = row
    return Tag(
        id=id_,
        article=article,
        content_hash=content_hash,
        start=start,
        end=end,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        tags=tuple(json.loads(tags or "[]")),
        note=note,
        created=created,
        source=source,
        path=path,
    )


# -- the store -----------------------------------------------------------------------------


class TagStore:
    """Tagged passages in one SQLite file; safe to share between threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()  # one connection, shared by UI workers
        self._conn = sqlite3.connect(
            self.path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=False,
        )
        try:
            self._configure()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise TagStoreError(f"{self.path}: cannot open the tag store: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

    # -- connection setup -------------------------------------------------------------

    def _configure(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Two copies opening a new file at once: SQLite may answer "locked" at once to the
        # switch to WAL without waiting on busy_timeout, so wait here instead.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        if str(mode).lower() != "wal":
            raise TagStoreError(f"{self.path}: could not switch to WAL journal (got {mode})")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise TagStoreError(
                f"{self.path}: tag store schema v{version} is newer than this quotewire "
                f"(v{SCHEMA_VERSION}); upgrade quotewire, the file was left untouched"
            )
        if version == SCHEMA_VERSION:
            return
        if version > 0:
            self._backup(version)
        with self._write() as conn:
            # Re-read inside the lock: another process may have migrated meanwhile.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for target in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[target](conn)
                conn.execute(f"PRAGMA user_version = {target}")

    def _backup(self, version: int) -> None:
        """Keep a copy of the file as it was before migrating it (user data)."""
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        if target.exists():
            return
        dest = sqlite3.connect(target)
        try:
            self._conn.backup(dest)
        finally:
            dest.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One change = one immediate transaction (waits for other writers)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:  # also when COMMIT itself failed
                    self._conn.execute("ROLLBACK")
                raise

    def _query(self, where: str = "", params: Sequence[object] = ()) -> builtins.list[Tag]:
        with self._lock:
            rows = self._conn.execute(f"{_SELECT} {where} ORDER BY a.id", params).fetchall()
        return [_row_to_tag(r) for r in rows]

    # -- public API ----------------------------------------------------------------------

    def add(
        self,
        article: str,
        text: str,
        start: int,
        end: int,
        tags: Sequence[str],
        note: str = "",
        content_hash: str = "",
        *,
        source: str = "",
        path: str = "",
    ) -> Tag:
        """Tag ``text[start:end]`` of ``article``; on disk before this returns.

        ``source`` and ``path`` name the article's file (see `Article.source`): the tag
        belongs to that file whatever its id becomes."""
        sel = make_selector(text, start, end)
        draft = Tag(
            0,
            article,
            content_hash,
            sel.start,
            sel.end,
            sel.exact,
            sel.prefix,
            sel.suffix,
            normalize_tags(tags),
            note,
            utc_now(),
            source=source,
            path=path,
        )
        return self.add_many([draft])[0]

    def add_many(
        self,
        drafts: Sequence[Tag],
        *,
        keep: Callable[[builtins.list[Tag], builtins.list[Tag]], builtins.list[Tag]] | None = None,
    ) -> builtins.list[Tag]:
        """Store ready-made passages (their ids are ignored) in one transaction: imports.

        ``keep(drafts, stored)`` chooses the drafts to write, given every passage stored,
        read inside the same write transaction: two imports of one file at once then
        cannot both find a passage missing and both add it.
        """
        checked = [self._check(d) for d in drafts]
        with self._write() as conn:
            if keep is not None:
                stored = [_row_to_tag(r) for r in conn.execute(f"{_SELECT} ORDER BY a.id").fetchall()]
                checked = keep(checked, stored)
            return [self._insert(conn, d) for d in checked]

    def bind(self, bindings: Sequence[tuple[int, str, str]]) -> int:
        """Give tags made before v3 their file: ``(tag id, source, path)``; how many.

        Only rows still unbound change, so two copies binding at once agree."""
        with self._write() as conn:
            done = 0
            for tag_id, source, path in bindings:
                cur = conn.execute(
                    "UPDATE annotations SET source = ?, path = ? WHERE id = ? AND source = ''", (source, path, tag_id)
                )
                done += cur.rowcount
            return done

    def get(self, tag_id: int) -> Tag | None:
        found = self._query("WHERE a.id = ?", (tag_id,))
        return found[0] if found else None

    def list(self, *, tag: str | None = None, article: str | None = None) -> builtins.list[Tag]:
        """Passages as stored (not re-anchored), oldest first, optionally filtered."""
        clauses: builtins.list[str] = []
        params: builtins.list[object] = []
        if tag is not None:
            clauses.append(
                "a.id IN (SELECT t.annotation_id FROM annotation_tags t "
                "JOIN tag_names n ON n.id = t.tag_id WHERE n.name = ?)"
            )
            params.append(normalize_tag(tag))
        if article is not None:
            clauses.append("a.article = ?")
            params.append(article)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._query(where, params)

    def resolve(self, tags: Sequence[Tag], texts: Mapping[str, str]) -> builtins.list[Tag]:
        """The passages re-anchored to the current texts (the stored rows are unchanged).

        ``moved`` tags get their new offsets and the words now there; ``orphan`` tags
        (article missing, or the words are gone) keep their words with start = end = -1.
        """
        anchors: dict[tuple[str, Selector], Anchor] = {}  # one search per distinct passage
        out: builtins.list[Tag] = []
        for tag in tags:
            text = texts.get(tag.article)
            key = (tag.article, tag.selector)
            if text is not None and key not in anchors:
                anchors[key] = reanchor(tag.selector, text)
            out.append(_apply_anchor(tag, text, anchors.get(key, ORPHAN_ANCHOR)))
        return out

    def update(self, tag_id: int, *, tags: Sequence[str] | None = None, note: str | None = None) -> Tag:
        """Change a passage's tag names and/or note; raises KeyError if it is gone."""
        names = None if tags is None else normalize_tags(tags)
        with self._write() as conn:
            current = self._get_in(conn, tag_id)
            new = dataclasses.replace(
                current,
                tags=current.tags if names is None else names,
                note=current.note if note is None else note,
            )
            self._check(new)
            if names is not None:
                _set_tags(conn, tag_id, names)
            if note is not None:
                conn.execute("UPDATE annotations SET note = ? WHERE id = ?", (note, tag_id))
            return new

    def remove(self, tag_id: int) -> Tag:
        """Delete a passage and return it, so that :meth:`restore` can undo."""
        with self._write() as conn:
            current = self._get_in(conn, tag_id)
            old = _tag_ids(conn, tag_id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (tag_id,))
            _prune_names(conn, old)
            return current

    def restore(self, tag: Tag) -> Tag:
        """Undo :meth:`remove`: the passage comes back with the same id.

        Ids are never reused (AUTOINCREMENT), so the id is free unless the passage was
        already restored; then the stored passage is returned unchanged.
        """
        self._check(tag)
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM annotations WHERE id = ?", (tag.id,)).fetchone():
                return self._get_in(conn, tag.id)
            return self._insert(conn, tag, keep_id=True)

    def counts(self) -> dict[str, int]:
        """Tag name -> number of passages, by name."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT n.name, COUNT(*) FROM annotation_tags t JOIN tag_names n ON n.id = t.tag_id "
                "GROUP BY n.name ORDER BY n.name"
            ).fetchall()
        return dict(rows)

    def names(self) -> builtins.list[str]:
        """Tag names in use, sorted: for completion."""
        return list(self.counts())

    def integrity_check(self) -> str:
        """``"ok"`` when SQLite finds the file sound."""
        with self._lock:
            return self._conn.execute("PRAGMA integrity_check").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> TagStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def _check(tag: Tag) -> Tag:
        """Validate a passage before it is written; returns it with normalised names."""
        tag = dataclasses.replace(tag, tags=normalize_tags(tag.tags), status="anchored")
        if not tag.exact or not 0 <= tag.start < tag.end:
            raise ValueError(f"a tagged passage needs words and a range, got {tag.start}:{tag.end}")
        if not tag.tags and not tag.note.strip():
            raise ValueError("a tagged passage needs at least one tag name or a note")
        return tag

    def _get_in(self, conn: sqlite3.Connection, tag_id: int) -> Tag:
        row = conn.execute(f"{_SELECT} WHERE a.id = ?", (tag_id,)).fetchone()
        if row is None:
            raise KeyError(f"no tagged passage with id {tag_id}")
        return _row_to_tag(row)

    @staticmethod
    def _insert(conn: sqlite3.Connection, tag: Tag, keep_id: bool = False) -> Tag:
        created = tag.created or utc_now()
        cur = conn.execute(
            "INSERT INTO annotations(id, article, content_hash, start_pos, end_pos, exact, "
            "prefix, suffix, note, created, source, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                tag.id if keep_id else None,
                tag.article,
                tag.content_hash,
                tag.start,
                tag.end,
                tag.exact,
                tag.prefix,
                tag.suffix,
                tag.note,
                created,
                tag.source,
                tag.path,
            ),
        )
        new_id = int(cur.lastrowid)
        _set_tags(conn, new_id, tag.tags)
        return dataclasses.replace(tag, id=new_id, created=created)


def resolve_in(tag: Tag, place_id: str | None, text: str | None, content_hash: str = "", path: str = "") -> Tag:
    """``tag`` re-anchored in the article ``place_id`` (None: its file is not in the corpus).

    The result is the passage as it stands now: ``article`` is the article's current id,
    and for a tag that is still found, its content hash and path are the article's now,
    so that an export of it re-imports and re-anchors like a tag made today. An orphan
    keeps its stored words; one whose file is not found shows where it was: its source,
    or for a tag never bound to a file, its old id marked as such (that id may name
    another article now, which must not be shown as the tag's)."""
    if place_id is None or text is None:
        where = tag.source or f"{tag.article} (old id)"
        return dataclasses.replace(tag, article=where, start=-1, end=-1, status=ORPHAN)
    found = _apply_anchor(tag, text, reanchor(tag.selector, text))
    if found.status == ORPHAN:
        return dataclasses.replace(found, article=place_id)
    return dataclasses.replace(
        found, article=place_id, content_hash=content_hash or tag.content_hash, path=path or tag.path
    )


def resolve_tag(tag: Tag, text: str | None) -> Tag:
    """One passage re-anchored to ``text`` (``None``: the article is gone -> orphan)."""
    return _apply_anchor(tag, text, ORPHAN_ANCHOR if text is None else reanchor(tag.selector, text))


def _apply_anchor(tag: Tag, text: str | None, anchor: Anchor) -> Tag:
    if text is None or anchor.status == ORPHAN:
        return dataclasses.replace(tag, start=-1, end=-1, status=ORPHAN)
    if anchor.status == ANCHORED:
        return dataclasses.replace(tag, status=ANCHORED)
    now = make_selector(text, anchor.start, anchor.end)
    return dataclasses.replace(
        tag,
        start=now.start,
        end=now.end,
        exact=now.exact,
        prefix=now.prefix,
        suffix=now.suffix,
        status=anchor.status,
    )
