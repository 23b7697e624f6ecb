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

Bad luck, because it is user data (#19, items 7 and 8):

* every passage row carries its tag names and a checksum of its fields, so a damaged
  row is noticed, and `index.tag_salvage` can rebuild a passage from its row alone;
* the file is checked (``PRAGMA quick_check``) when it is opened; once damage is found
  nothing more is written to it (`TagStoreDamaged`) and what can be read is still listed;
* a rolling backup is made with SQLite's online backup, at most once a day, of a sound
  store only (``backups/`` beside it, the newest ``BACKUPS_KEPT`` kept);
* a store that cannot be written (a read-only folder or disk) is read from a snapshot
  in memory: it can be listed and exported, and a change says why it cannot be made
  (`TagStoreReadOnly`); a full disk refuses the change and keeps the file as it was
  (`TagStoreFull`);
* the file is looked for at its path before each change and each read (`index.tag_file`):
  deleted, moved away or replaced while open, the store opens what is there now (a new
  store when nothing is), says so (`notices`) and first copies the tags of the previous
  file that the new one lacks into ``backups/rescued-*.sqlite3``; what cannot be a store
  (a folder, another kind of file) is left as it is and changes are refused
  (`TagStoreGone`). No change ever commits to a file that is no longer at the path.
"""

from __future__ import annotations

import builtins  # TagStore.list shadows the name inside the class
import dataclasses
import json
import os
import sqlite3
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from index.anchoring import ANCHORED, ORPHAN, ORPHAN_ANCHOR, Anchor, make_selector, reanchor
from index.models import Selector, Tag
from index.tag_file import (
    FileId,
    cannot_be_a_store,
    companions,
    file_id,
    foreign_companions,
    id_at,
    look,
    remove_stale_companions,
)

BUSY_TIMEOUT_MS = 10_000
BACKUPS_DIR = "backups"  # beside the store
BACKUPS_KEPT = 5
BACKUP_EVERY = 24 * 3600  # seconds
SALVAGE_HINT = "recover the readable tags with `quotewire tags salvage -o FILE`"
RESCUED_PREFIX = "rescued-"  # backups/rescued-*.sqlite3: never pruned like the rolling backups


class TagStoreError(Exception):
    """The tag file cannot be used as it is (not a database, or from a newer version)."""


class TagStoreDamaged(TagStoreError):
    """The file is damaged: nothing more is written to it until it is replaced."""


class TagStoreReadOnly(TagStoreError):
    """The file (or its folder or disk) cannot be written: it can only be read."""


class TagStoreFull(TagStoreError):
    """The disk is full: the change was not made and the file is as it was."""


class TagStoreGone(TagStoreError):
    """The store's path no longer names the file it opened, and what is there cannot take
    its place (a folder, a file that is not a tag store), or it changed while a change was
    being saved: the change was not made, and nothing was written at the path.
    ``short`` says so in a few words, for a status line."""

    def __init__(self, message: str, short: str) -> None:
        super().__init__(message)
        self.short = short


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
    # Each row whole on its own: its tag names (annotation_tags stays, for lookups by name)
    # and a checksum of its fields, so damage is seen and a salvage needs the row alone.
    conn.execute("ALTER TABLE annotations ADD COLUMN names TEXT NOT NULL DEFAULT '[]'")
    conn.execute("ALTER TABLE annotations ADD COLUMN checksum INTEGER NOT NULL DEFAULT 0")
    for row in conn.execute(f"{_OLD_SELECT} ORDER BY a.id").fetchall():
        tag = _row_to_tag((*row, 0), verify=False)
        conn.execute(
            "UPDATE annotations SET names = ?, checksum = ? WHERE id = ?",
            (json.dumps(list(tag.tags)), row_checksum(tag), tag.id),
        )


# version reached -> the function that takes a file from the previous version to it
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _create_v1, 2: _v1_to_v2, 3: _v2_to_v3}
SCHEMA_VERSION = max(MIGRATIONS)

COLUMNS = (
    "id, article, content_hash, start_pos, end_pos, exact, prefix, suffix, note, created, source, path, names, checksum"
)
_SELECT = f"SELECT {', '.join('a.' + c for c in COLUMNS.split(', '))} FROM annotations a"
# v2 kept the names only in annotation_tags (read so while migrating)
_OLD_SELECT = """SELECT a.id, a.article, a.content_hash, a.start_pos, a.end_pos, a.exact,
    a.prefix, a.suffix, a.note, a.created, a.source, a.path,
    (SELECT json_group_array(name) FROM (
        SELECT n.name AS name FROM annotation_tags t JOIN tag_names n ON n.id = t.tag_id
        WHERE t.annotation_id = a.id ORDER BY t.pos)) AS tags
    FROM annotations a"""


def row_checksum(tag: Tag) -> int:
    """CRC-32 of a passage's stored fields: a row whose bytes were damaged shows it."""
    fields = [
        tag.id,
        tag.article,
        tag.content_hash,
        tag.start,
        tag.end,
        tag.exact,
        tag.prefix,
        tag.suffix,
        tag.note,
        tag.created,
        tag.source,
        tag.path,
        list(tag.tags),
    ]
    return zlib.crc32(json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass"))


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


def _seal(conn: sqlite3.Connection, tag: Tag) -> None:
    """Write a passage's names and checksum into its row (inside the caller's transaction)."""
    conn.execute(
        "UPDATE annotations SET names = ?, checksum = ? WHERE id = ?",
        (json.dumps(list(tag.tags), ensure_ascii=False), row_checksum(tag), tag.id),
    )


class _BadRow(Exception):
    """A row whose fields do not match its checksum (or cannot be read at all)."""

    def __init__(self, tag: Tag | None) -> None:
        self.tag = tag


def _row_to_tag(row: sqlite3.Row | tuple, verify: bool = True) -> Tag:
    """A `Tag` from a row of ``COLUMNS``; raises `_BadRow` (holding what was read) when
    ``verify`` and the row's checksum does not match its fields."""
    (id_, article, content_hash, start, end, exact, prefix, suffix, note, created, source, path, tags, check) = row
    try:
        names = json.loads(tags or "[]")
    except ValueError:
        names = None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        names = None
    tag = Tag(
        id=id_,
        article=article,
        content_hash=content_hash,
        start=start,
        end=end,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        tags=tuple(names or ()),
        note=note,
        created=created,
        source=source,
        path=path,
    )
    if verify and (names is None or check != row_checksum(tag)):
        raise _BadRow(tag)
    return tag


# -- the store -----------------------------------------------------------------------------


class TagStore:
    """Tagged passages in one SQLite file; safe to share between threads and processes.

    ``read_only`` says why the store cannot be written (None when it can); ``damage``
    what is wrong with the file once that is found (None while it looks sound);
    ``path_problem`` why the path no longer holds a store it can use (None while it does);
    ``notices`` what the user must be told about the file at the path (`take_notices`)."""

    def __init__(self, path: Path, *, backups: bool = True) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()  # one connection, shared by UI workers
        self.read_only: str | None = None
        self.damage: str | None = None
        self._full = False  # read-only because the disk is full
        self.path_problem: str | None = None
        self.notices: builtins.list[str] = []
        # The file the connection reads and writes (None: nothing was at the path) and
        # its -wal and -shm as opened (none for a store read into memory).
        self._ident: FileId | None = None
        self._companions: dict[str, FileId] = {}
        self._in_memory = False
        # What was at the path when it was last refused, and why (see `_gone`).
        self._refused: tuple[tuple[object, ...] | None, str] | None = None
        self._rescued: Path | None = None  # the copy of the previous file's tags, once made
        # Passages as read from a file that was replaced since, not read again from the
        # one at the path: their ids may name other passages there.
        self._before: dict[int, Tag] = {}
        # Each passage as this copy last read it, so that an edit of one another copy has
        # removed meanwhile can still be saved (see `update`); and what such edits became.
        self._seen: dict[int, Tag] = {}
        self._recreated: dict[int, int] = {}
        self._conn = self._open()
        if backups:
            self._rolling_backup()

    # -- opening -----------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """`_connect`, noting which file was opened (opened again if it was replaced meanwhile)."""
        attempts = 3
        while True:
            before = _id_or_none(self.path)
            conn = self._connect()
            after = _id_or_none(self.path)
            attempts -= 1
            if after == before or before is None or self._in_memory or not attempts:
                break  # (nothing was there: the file at the path is the one SQLite made)
            conn.close()
        self._ident = after
        self._companions = {} if self._in_memory else companions(self.path)
        return conn

    def _connect(self) -> sqlite3.Connection:
        self.read_only = self.damage = None
        self._full = self._in_memory = False
        if not self.path.exists():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                return self._empty(f"cannot create {self.path.parent}: {exc.strerror or exc}")
        try:
            # The -wal and -shm of a file that was replaced while another copy had it open
            # would be applied to this one (see index.tag_file): taken away first.
            remove_stale_companions(self.path, foreign_companions(self.path))
        except OSError:
            pass  # a folder that cannot be written: nothing is written to the store either
        try:
            conn = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,  # we issue BEGIN/COMMIT ourselves
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            return self._fallback(exc)
        conn.text_factory = _lenient_text
        self._conn = conn
        try:
            self._refuse_foreign()
            self._configure()
            self._check_file()
            if self.damage is None:  # a damaged file is never migrated (that would write to it)
                self._migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            return self._fallback(exc)
        except BaseException:
            conn.close()
            raise
        return conn

    def _fallback(self, exc: sqlite3.Error) -> sqlite3.Connection:
        """Opening for writing failed: read it if it cannot be written, else say why."""
        message = str(exc)
        if _is_full(exc) or (("disk I/O" in message or _is_read_only(exc)) and _disk_full(self.path.parent)):
            if not self.path.exists():
                raise TagStoreFull(f"{self.path}: the disk is full; the tag store could not be set up") from exc
            self._full = True
            return self._snapshot("the disk holding it is full")
        if _is_read_only(exc) and self.path.exists():
            return self._snapshot(f"{self.path.parent} cannot be written")
        if _is_read_only(exc):
            return self._empty(f"{self.path} cannot be created")
        if "not a database" in message or "malformed" in message:
            raise TagStoreDamaged(
                f"{self.path}: the tag store is damaged or not a tag store ({message}); it was left as it is; "
                f"{SALVAGE_HINT}"
            ) from exc
        raise TagStoreError(f"{self.path}: cannot open the tag store: {message}") from exc

    def _empty(self, reason: str) -> sqlite3.Connection:
        """No store and nowhere to make one: an empty store in memory, read-only."""
        self.read_only = reason
        self._in_memory = True
        self._conn = _memory()
        self._migrate()
        return self._conn

    def _snapshot(self, reason: str) -> sqlite3.Connection:
        """A copy in memory of a store that cannot be written, brought to this schema.

        With no ``-wal`` file every tag is in the main file and it is opened as immutable
        (no lock files are needed); otherwise the WAL is read too."""
        try:
            in_wal = Path(f"{self.path}-wal").stat().st_size > 0
        except OSError:
            in_wal = False
        uri = f"file:{quote(str(self.path))}?mode=ro" + ("" if in_wal else "&immutable=1")
        try:
            src = sqlite3.connect(uri, uri=True)
        except sqlite3.Error as exc:
            raise TagStoreError(f"{self.path}: cannot read the tag store: {exc}") from exc
        mem = _memory()
        try:
            src.backup(mem)
        except sqlite3.Error as exc:
            mem.close()
            raise TagStoreDamaged(
                f"{self.path}: the tag store cannot be read ({exc}); it was left as it is; {SALVAGE_HINT}"
            ) from exc
        finally:
            src.close()
        self.read_only = reason
        self._in_memory = True
        self._conn = mem
        self._check_file()
        if self.damage is None:
            self._migrate()
        return mem

    def _refuse_foreign(self) -> None:
        """Another program's SQLite database (no schema version, tables of its own) is not
        made a tag store: this is read before anything is written to the file."""
        conn = self._conn
        if (
            conn.execute("PRAGMA user_version").fetchone()[0] == 0
            and conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
        ):
            raise TagStoreError(f"{self.path}: an SQLite database that is not a tag store; it was left as it is")

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
        # A removed passage is overwritten, so a salvage that reads loose pages cannot
        # bring it back.
        conn.execute("PRAGMA secure_delete = ON")

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise TagStoreError(
                f"{self.path}: tag store schema v{version} is newer than this quotewire "
                f"(v{SCHEMA_VERSION}); upgrade quotewire, the file was left untouched"
            )
        if version == SCHEMA_VERSION:
            return
        if version > 0 and self.read_only is None:
            self._backup(version)
        with self._write(migrating=True) as conn:
            # Re-read inside the lock: another process may have migrated meanwhile.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for target in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[target](conn)
                conn.execute(f"PRAGMA user_version = {target}")

    def _check_file(self) -> None:
        """SQLite's quick check of the file's structure (a few ms for thousands of tags)."""
        try:
            rows = self._conn.execute("PRAGMA quick_check(5)").fetchall()
        except sqlite3.DatabaseError as exc:
            if not _is_corrupt(exc):
                raise
            rows = [(str(exc),)]
        if [r[0] for r in rows] != ["ok"]:
            self._damaged(str(rows[0][0]))

    def _damaged(self, what: str) -> None:
        if self.damage is None:
            first = what.replace("*** in database main ***", "").strip().splitlines() or [what]
            self.damage = first[0].strip()[:100]

    def check_writable(self) -> None:
        """Raise what a change would raise now (damaged, read-only, full): lets a command
        say so before any other work."""
        with self._write():
            pass

    def _damage_error(self) -> TagStoreDamaged:
        return TagStoreDamaged(
            f"{self.path}: the tag store is damaged ({self.damage}); nothing more is written to it; {SALVAGE_HINT}"
        )

    def _backup(self, version: int) -> None:
        """Keep a copy of the file as it was before migrating it (user data)."""
        target = self.path.with_name(f"{self.path.name}.v{version}.bak")
        if target.exists():
            return
        _copy_with_backup_api(self._conn, target)

    # -- the file at the path (see index.tag_file) ----------------------------------------

    def _follow(self, *, reading: bool = False) -> None:
        """Make sure the file this store reads and writes is the one at its path: under the
        lock, before each change and each read (one ``stat``).

        Another tag store there (none: a new one is made, as on a first start) is opened
        in its place and the user is told (`notices`); the tags of the previous file that
        it lacks are copied aside first. What cannot be a store raises `TagStoreGone`
        (said once in `notices` too when ``reading``), and nothing is written there."""
        try:
            st = look(self.path)
        except OSError as exc:
            raise self._gone(f"cannot be looked at ({exc.strerror or exc})", None, reading) from exc
        now = file_id(st)
        if now == self._ident:
            self.path_problem = None
            self._refused = None
            return
        seen = None if st is None else (now, st.st_mode, st.st_size, st.st_mtime_ns)
        if seen is not None and self._refused is not None and self._refused[0] == seen:
            raise self._gone_error(self._refused[1])  # the same thing as the last time: not looked into again
        why = None if st is None else cannot_be_a_store(self.path, st)
        if why is not None:
            raise self._gone(why, seen, reading)
        self._switch(missing=st is None, seen=seen, reading=reading)

    def _look_again(self) -> None:
        """`_follow` before a read: when the path holds nothing usable, the file opened
        before is read (`path_problem` and a notice say why, and changes are refused)."""
        try:
            self._follow(reading=True)
        except TagStoreError:
            pass

    def _gone(self, why: str, seen: tuple[object, ...] | None, reading: bool) -> TagStoreGone:
        """What is at the path cannot be used (``why``): remembered (``seen``: what it was, to
        be refused again without a second look while it stays; None: looked at again each
        time), said once, refused."""
        problem = (
            f"{self.path} {why}: it is not the tag store quotewire opened; the tags shown are those that "
            "store held, and no change is saved (nothing is written there) until the tag file is put back, "
            "or this is moved away for a new, empty store"
        )
        if reading and problem != self.path_problem:
            self.notices.append(problem)
        self.path_problem = problem
        self._refused = (seen, why)
        return self._gone_error(why)

    def _gone_error(self, why: str) -> TagStoreGone:
        return TagStoreGone(
            f"{self.path} {why}: the change was not saved, and nothing was written there; put the tag file "
            "back, or move this away for a new, empty store",
            f"the tag file {why}",
        )

    def _switch(self, *, missing: bool, seen: tuple[object, ...] | None, reading: bool) -> None:
        """Open what is at the path now in place of the file opened before, which is gone
        from it (deleted, moved away, replaced): its tags that the new file lacks are kept
        in a copy, its -wal and -shm are taken away from the path, and the user is told."""
        old, had_file = self._conn, self._ident is not None
        held = self._held(old)
        rescued = self._rescue(held) if held != [] else None
        if not self._in_memory:
            self._retire(old)
        try:
            fresh = TagStore(self.path, backups=False)
        except TagStoreError as exc:
            reason = str(exc).removeprefix(f"{self.path}: ")
            # Nothing there and none could be made (a full disk): tried again next time.
            raise self._gone(f"cannot be used as the tag store ({reason})", seen, reading) from exc
        now = {(t.id, row_checksum(t)) for t in fresh._held(fresh._conn) or ()}
        lost = None if held is None else sum((t.id, row_checksum(t)) not in now for t in held)
        if rescued is not None and lost == 0:
            rescued.unlink(missing_ok=True)  # the new file holds every one of them
            rescued = None
        old.close()
        self._conn = fresh._conn
        self.read_only, self.damage, self._full = fresh.read_only, fresh.damage, fresh._full
        self._ident, self._companions, self._in_memory = fresh._ident, fresh._companions, fresh._in_memory
        self.path_problem = None
        self._refused = self._rescued = None
        self._before = {**self._before, **self._seen}
        self._seen, self._recreated = {}, {}
        if had_file or lost:  # not when there was no store before (a folder that could not be made)
            self.notices.append(self._switched(missing, lost, rescued))

    def _switched(self, missing: bool, lost: int | None, rescued: Path | None) -> str:
        """What the user is told when the store moved to the file now at its path (``lost``:
        how many of the previous file's passages the new one lacks; None: not known)."""
        passages = "tagged passages" if lost is None else f"{lost} tagged passage{'' if lost == 1 else 's'}"
        if missing:
            said = (
                f"{self.path} disappeared while quotewire was running (deleted, or moved away): "
                "a new, empty tag store was made there"
            )
            kept = f"; the {passages} it held are kept in {rescued}"
        else:
            said = f"{self.path} was replaced by another tag store while quotewire was running: quotewire now uses that one"
            kept = f"; the {passages} of the previous one that it lacks are kept in {rescued}"
        if rescued is not None:
            return said + kept
        if lost:
            return said + f"; the {passages} of the previous one could not be copied aside"
        return said + ("" if missing else ", which holds every tagged passage the previous one did")

    def _held(self, conn: sqlite3.Connection) -> builtins.list[Tag] | None:
        """Every passage ``conn`` holds, as read (None: it cannot be read through SQLite)."""
        try:
            return [_row_to_tag(r, verify=False) for r in conn.execute(f"{_SELECT} ORDER BY a.id").fetchall()]
        except sqlite3.DatabaseError:
            return None

    def _rescue(self, held: builtins.list[Tag] | None) -> Path | None:
        """A copy of the store opened before, whose file is gone from the path, into
        ``backups/rescued-*.sqlite3`` (once); refused (`TagStoreError`) when it cannot be made,
        so that nothing moves on while those tags are nowhere else."""
        if self._rescued is not None and self._rescued.exists():
            return self._rescued
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.backups_dir / f"{RESCUED_PREFIX}{stamp}.sqlite3"
        try:
            self.backups_dir.mkdir(parents=True, exist_ok=True)
            try:
                _copy_with_backup_api(self._conn, target)
            except sqlite3.DatabaseError:
                if not held:
                    return None  # a damaged file that cannot be read either: nothing to keep
                from .tag_salvage import write_store

                write_store(held, target)  # what could be read of a damaged one
        except (OSError, sqlite3.Error, TagStoreError) as exc:
            count = "its tags" if held is None else f"its {len(held)} tagged passages"
            raise TagStoreError(
                f"{self.path} is not the tag store quotewire opened any more, and {count} could not be "
                f"copied aside into {self.backups_dir} ({exc}); the change was not saved"
            ) from exc
        self._rescued = target
        return target

    def _retire(self, old: sqlite3.Connection) -> None:
        """Take the previous file's -wal and -shm away from the path before another file
        is opened there (SQLite would apply them to it). Done holding the previous file's
        write lock, so that two copies of quotewire that both had it open take turns and
        neither removes the -wal the other has just made for the new file."""
        if not self._companions:
            return
        try:
            old.execute("PRAGMA wal_checkpoint(PASSIVE)")  # a file moved elsewhere then holds its tags whole
        except sqlite3.Error:
            pass
        try:
            old.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise TagStoreError(
                f"{self.path}: the tag store opened before is busy ({exc}); the change was not saved; try again"
            ) from exc
        try:
            remove_stale_companions(self.path, self._companions)
        except OSError as exc:
            raise TagStoreError(
                f"{self.path} is not the tag store quotewire opened any more, and its {exc.filename} could "
                f"not be removed ({exc.strerror or exc}); the change was not saved"
            ) from exc
        finally:
            old.execute("ROLLBACK")
        self._companions = {}

    def _still_here(self) -> None:
        """Just before a change commits: the path still names the file it goes into."""
        if _id_or_none(self.path) != self._ident:
            raise TagStoreGone(
                f"{self.path} was replaced or removed while a change was being saved: the change was not "
                "saved; try again",
                "the tag file changed while saving",
            )

    def _check_read(self, tag_id: int, current: Tag) -> None:
        """KeyError when ``tag_id`` was read from a file replaced since and names another
        passage in this one (an id names one passage only within one file)."""
        before = self._before.get(tag_id)
        if before is None:
            return
        if not _same_passage(before, current):
            raise KeyError(f"no tagged passage with id {tag_id} in {self.path} now")
        del self._before[tag_id]

    def take_notices(self) -> builtins.list[str]:
        """What the user must be told about the file at the path, each said once."""
        with self._lock:
            said, self.notices = self.notices, []
        return said

    # -- rolling backups ---------------------------------------------------------------

    @property
    def backups_dir(self) -> Path:
        return self.path.parent / BACKUPS_DIR

    def backups(self) -> builtins.list[Path]:
        """The rolling backups, oldest first."""
        try:
            return sorted(self.backups_dir.glob("tags-*.sqlite3"))
        except OSError:
            return []

    def _rolling_backup(self) -> None:
        """A copy a day of a sound store with tags in it (SQLite's online backup, so a
        consistent copy while others write); the newest ``BACKUPS_KEPT`` are kept. A copy
        that cannot be made (a full disk) is skipped: it never stops the work."""
        if self.read_only or self.damage:
            return
        existing = self.backups()
        try:
            if existing and time.time() - existing[-1].stat().st_mtime < BACKUP_EVERY:
                return
        except OSError:
            return
        self.backup_now()

    def backup_now(self) -> Path | None:
        """Make a rolling backup now, if the store is sound and has tags; its path."""
        if self.read_only or self.damage:
            return None
        try:
            if not self.list():  # also checks every row's checksum
                return None
        except TagStoreError:
            return None
        if self.damage:
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.backups_dir / f"tags-{stamp}.sqlite3"
        try:
            self.backups_dir.mkdir(exist_ok=True)
            with self._lock:
                _copy_with_backup_api(self._conn, target)
        except (OSError, sqlite3.Error):
            return None
        for old in self.backups()[:-BACKUPS_KEPT]:
            old.unlink(missing_ok=True)
        return target

    # -- reading and writing -------------------------------------------------------------

    @contextmanager
    def _write(self, migrating: bool = False) -> Iterator[sqlite3.Connection]:
        """One change = one immediate transaction (waits for other writers).

        Refused on a damaged or read-only store; SQLite's errors become one of the
        `TagStoreError` kinds, with the transaction rolled back (nothing half-written)."""
        with self._lock:
            if not migrating:
                self._follow()
            if self.damage and not migrating:
                raise self._damage_error()
            if self._full and not migrating:
                raise TagStoreFull(f"{self.path}: the disk is full; the change was not saved (nothing was changed)")
            if self.read_only and not migrating:
                raise TagStoreReadOnly(
                    f"{self.path}: the tag store is read-only ({self.read_only}); tags can be listed and "
                    "exported, not changed"
                )
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                    if not migrating:
                        self._still_here()
                    self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:  # also when COMMIT itself failed
                        self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.DatabaseError as exc:
                raise self._translate(exc) from exc

    def _translate(self, exc: sqlite3.DatabaseError) -> TagStoreError | sqlite3.DatabaseError:
        """A user's one line for what SQLite said while writing."""
        if _is_full(exc):
            return TagStoreFull(f"{self.path}: the disk is full; the change was not saved (nothing was changed)")
        if _is_read_only(exc):
            self.read_only = self.read_only or "the file or its folder cannot be written"
            return TagStoreReadOnly(
                f"{self.path}: the tag store cannot be written ({exc}); tags can be listed and exported, not changed"
            )
        if _is_corrupt(exc):
            self._damaged(str(exc))
            return self._damage_error()
        if isinstance(exc, sqlite3.OperationalError) and "disk I/O" in str(exc):
            if _disk_full(self.path.parent):
                return TagStoreFull(f"{self.path}: the disk is full; the change was not saved (nothing was changed)")
            return TagStoreError(f"{self.path}: the disk failed while saving ({exc}); nothing was changed")
        return exc

    def _query(self, where: str = "", params: Sequence[object] = ()) -> builtins.list[Tag]:
        """Rows as tags. On a damaged file, every row that can still be read (and a row
        whose checksum fails is shown as read, once the damage is noted)."""
        with self._lock:
            self._look_again()
            rows = None
            if self.damage is None:
                try:
                    rows = self._conn.execute(f"{_SELECT} {where} ORDER BY a.id", params).fetchall()
                except sqlite3.DatabaseError as exc:
                    if not _is_corrupt(exc):
                        raise self._translate(exc) from exc
                    self._damaged(str(exc))
            if rows is None:
                from .tag_salvage import readable_rows

                return _filter(readable_rows(self._conn, self.path), where, params)
        out = []
        for row in rows:
            try:
                out.append(tag := _row_to_tag(row))
                self._seen[tag.id] = tag
                self._before.pop(tag.id, None)
            except _BadRow as bad:
                self._damaged(f"passage {row[0]} does not match its checksum")
                if bad.tag is not None:
                    out.append(bad.tag)
        return out

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
                checked = keep(checked, self._rows_in(conn))
            return [self._insert(conn, d) for d in checked]

    def bind(self, bindings: Sequence[tuple[int, str, str]]) -> int:
        """Give tags made before v3 their file: ``(tag id, source, path)``; how many.

        Only rows still unbound change, so two copies binding at once agree."""
        with self._write() as conn:
            done = 0
            for tag_id, source, path in bindings:
                if tag_id in self._before:
                    continue  # read from a file replaced since: the id may name another passage here
                cur = conn.execute(
                    "UPDATE annotations SET source = ?, path = ? WHERE id = ? AND source = ''", (source, path, tag_id)
                )
                if cur.rowcount:
                    _seal(conn, self._get_in(conn, tag_id, verify=False))
                    done += 1
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
        """Change a passage's tag names and/or note.

        A passage another copy of quotewire removed while this one showed it is stored
        again, as a new passage at the same place with the change, as this copy last read
        it: the user's edit is kept (the app said "no tagged passage" and dropped it).
        Raises KeyError only for a passage this copy never read."""
        names = None if tags is None else normalize_tags(tags)
        with self._write() as conn:
            try:
                current = self._get_in(conn, tag_id)
                self._check_read(tag_id, current)
            except KeyError:
                again_id = self._recreated.get(tag_id)
                if (
                    again_id is not None
                    and conn.execute("SELECT 1 FROM annotations WHERE id = ?", (again_id,)).fetchone()
                ):
                    return self._update_in(conn, again_id, names, note)  # saved once already: no second copy
                gone = self._seen.get(tag_id) or self._before.get(tag_id)
                if gone is None:
                    raise
                again = self._check(
                    dataclasses.replace(
                        gone,
                        tags=gone.tags if names is None else names,
                        note=gone.note if note is None else note,
                    )
                )
                stored = self._insert(conn, again)
                self._recreated[tag_id] = stored.id
                return stored
            return self._update_in(conn, tag_id, names, note, current)

    def _update_in(
        self,
        conn: sqlite3.Connection,
        tag_id: int,
        names: tuple[str, ...] | None,
        note: str | None,
        current: Tag | None = None,
    ) -> Tag:
        """`update` inside its transaction."""
        if current is None:
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
        _seal(conn, new)
        return new

    def remove(self, tag_id: int) -> Tag:
        """Delete a passage and return it, so that :meth:`restore` can undo."""
        with self._write() as conn:
            current = self._get_in(conn, tag_id)
            self._check_read(tag_id, current)
            old = _tag_ids(conn, tag_id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (tag_id,))
            _prune_names(conn, old)
            return current

    def restore(self, tag: Tag) -> Tag:
        """Undo :meth:`remove`: the passage comes back with the same id.

        Ids are never reused (AUTOINCREMENT), so the id is free unless the passage was
        already restored; then the stored passage is returned unchanged. In a file that
        replaced the one it was removed from, the id may name another passage: it then
        comes back with a new id.
        """
        self._check(tag)
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM annotations WHERE id = ?", (tag.id,)).fetchone():
                there = self._get_in(conn, tag.id)
                return there if _same_passage(there, tag) else self._insert(conn, tag)
            return self._insert(conn, tag, keep_id=True)

    def restore_many(self, tags: Sequence[Tag]) -> int:
        """`restore` for many passages in one transaction (a salvage); how many were new.
        A passage that cannot be stored (no words, no range) is skipped."""
        usable = []
        for tag in tags:
            try:
                usable.append(dataclasses.replace(self._check(tag), id=tag.id))
            except ValueError:
                continue
        with self._write() as conn:
            done = 0
            for tag in usable:
                if not conn.execute("SELECT 1 FROM annotations WHERE id = ?", (tag.id,)).fetchone():
                    self._insert(conn, tag, keep_id=True)
                    done += 1
            return done

    def counts(self) -> dict[str, int]:
        """Tag name -> number of passages, by name (from the rows, so a damaged name
        table cannot change the counts)."""
        found = Counter(name for t in self._query() for name in t.tags)
        return dict(sorted(found.items()))

    def names(self) -> builtins.list[str]:
        """Tag names in use, sorted: for completion."""
        return list(self.counts())

    def integrity_check(self) -> str:
        """``"ok"`` when SQLite finds the file sound and every row matches its checksum."""
        with self._lock:
            self._look_again()
            found = self._conn.execute("PRAGMA integrity_check").fetchone()[0]
        if found == "ok":
            self._query()
            if self.damage:
                return self.damage
        return found

    def close(self) -> None:
        with self._lock:
            try:
                self._let_go()
            finally:
                self._conn.close()

    def _let_go(self) -> None:
        """Closing a store whose file is gone from the path: its tags are copied aside and
        its -wal and -shm taken away, so that the next start does not apply them to
        whatever is at the path now. Nothing here stops the close."""
        if self._in_memory or _id_or_none(self.path) == self._ident:
            return
        try:
            held = self._held(self._conn)
            if held != []:
                self._rescue(held)
            self._retire(self._conn)
        except TagStoreError:
            pass

    def __enter__(self) -> TagStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def _check(tag: Tag) -> Tag:
        """Validate a passage before it is written; returns it with normalised names."""
        tag = dataclasses.replace(tag, tags=normalize_tags(tag.tags), status="anchored")
        if not tag.exact or not 0 <= tag.start < tag.end < 2**62:
            raise ValueError(f"a tagged passage needs words and a range, got {tag.start}:{tag.end}")
        if not tag.tags and not tag.note.strip():
            raise ValueError("a tagged passage needs at least one tag name or a note")
        return tag

    def _get_in(self, conn: sqlite3.Connection, tag_id: int, verify: bool = True) -> Tag:
        row = conn.execute(f"{_SELECT} WHERE a.id = ?", (tag_id,)).fetchone()
        if row is None:
            raise KeyError(f"no tagged passage with id {tag_id}")
        try:
            return _row_to_tag(row, verify)
        except _BadRow:
            self._damaged(f"passage {tag_id} does not match its checksum")
            raise self._damage_error() from None

    def _rows_in(self, conn: sqlite3.Connection) -> builtins.list[Tag]:
        """Every passage, read inside a write transaction (a damaged row stops the write)."""
        out = []
        for row in conn.execute(f"{_SELECT} ORDER BY a.id").fetchall():
            try:
                out.append(_row_to_tag(row))
            except _BadRow:
                self._damaged(f"passage {row[0]} does not match its checksum")
                raise self._damage_error() from None
        return out

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
        new_id = cur.lastrowid
        assert new_id is not None  # an INSERT just ran on this cursor
        _set_tags(conn, new_id, tag.tags)
        stored = dataclasses.replace(tag, id=new_id, created=created)
        _seal(conn, stored)
        return stored


def _id_or_none(path: Path) -> FileId | None:
    """`id_at`, with a path that cannot be looked at taken as no file."""
    try:
        return id_at(path)
    except OSError:
        return None


def _same_passage(a: Tag, b: Tag) -> bool:
    """Whether two rows are one passage: ids are unique only within one file."""
    return (a.article, a.start, a.end, a.exact, a.created) == (b.article, b.start, b.end, b.exact, b.created)


def _lenient_text(raw: bytes) -> str:
    """Text columns as str even when damage left bytes that are not UTF-8 (the row's
    checksum then tells it is damaged) instead of an error that hides every other row."""
    return raw.decode("utf-8", "replace")


def _memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.text_factory = _lenient_text
    return conn


def _copy_with_backup_api(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the store at ``target``, written beside it and renamed in,
    so a copy cut short (a full disk, a kill) never leaves a half file under that name."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    dest = sqlite3.connect(tmp)
    try:
        conn.backup(dest)
        dest.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        dest.close()
        tmp.unlink(missing_ok=True)
        raise


def _is_full(exc: BaseException) -> bool:
    return (
        isinstance(exc, sqlite3.Error)
        and getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        or ("database or disk is full" in str(exc))
    )


def _disk_full(folder: Path, below: int = 1 << 20) -> bool:
    """Less than ``below`` bytes free where the store lives."""
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < below


def _is_read_only(exc: BaseException) -> bool:
    text = str(exc)
    return "readonly" in text or "read-only" in text or "unable to open database file" in text


def _is_corrupt(exc: BaseException) -> bool:
    text = str(exc)
    return any(w in text for w in ("malformed", "not a database", "corrupt", "Could not decode"))


def _filter(tags: builtins.list[Tag], where: str, params: Sequence[object]) -> builtins.list[Tag]:
    """`TagStore.list`'s filters applied in Python to rows read from a damaged file."""
    params = list(params)
    if "a.id = ?" in where:
        return [t for t in tags if t.id == params[0]]
    if "n.name = ?" in where:
        name = params.pop(0)
        tags = [t for t in tags if name in t.tags]
    if "a.article = ?" in where:
        tags = [t for t in tags if t.article == params[0]]
    return tags


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
