"""Recover the tags of a damaged tag store (``quotewire tags salvage -o FILE``).

SQLite's own recovery (``.recover``) lives only in its command-line shell, which Python
does not ship. This does the same job with the standard library, in two passes:

1. **through SQLite**: passages read by id range, halving every range whose read fails,
   so a damaged page costs the rows on it and not the rest (`readable_rows`);
2. **page by page**: when that pass met damage, every page of the file is read as SQLite
   lays it out (the main file, overlaid by the committed frames of its ``-wal``, whose
   checksums are verified as SQLite does), and every table-leaf cell that has the shape
   of a passage row is decoded, overflow pages followed. This finds the passages under
   a damaged interior page, which no query can reach. Pages on the free list are left
   out, and removed passages were overwritten (``secure_delete``), so nothing removed
   comes back.

Each passage row carries its tag names and a checksum of its fields (tag store v3): a
row whose checksum fails is still recovered, with the tag ``salvage-damaged`` added so
it can be checked. The result is written to a new tag store with the same ids.
"""

from __future__ import annotations

import json
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

from .tags import COLUMNS, Tag, TagStore, _BadRow, _row_to_tag

DAMAGED_TAG = "salvage-damaged"
MAX_ID = 2**62
MAX_FAILED_READS = 200_000  # a bound on the halving, whatever the damage
WAL_HEADER = 32
FRAME_HEADER = 24


@dataclass
class Salvage:
    """What a salvage found: the passages, and how each was read."""

    tags: list[Tag] = field(default_factory=list)
    through_sqlite: int = 0
    from_pages: int = 0
    damaged: int = 0  # rows whose checksum failed (kept, tagged DAMAGED_TAG)
    complete: bool = True  # the SQLite pass met no damage
    notes: list[str] = field(default_factory=list)


# -- pass 1: through SQLite -------------------------------------------------------------------


def readable_rows(conn: sqlite3.Connection, path: Path) -> list[Tag]:
    """Every passage of a damaged store that can be read (rows failing their checksum
    included, as read): through SQLite, then from the file's pages if that met damage."""
    try:
        loose, _notes = page_rows(path)
    except OSError:
        loose = []
    found, _complete = _sql_rows(conn, max((t.id for t, _ok in loose), default=0))
    rows = {t.id: t for t, _ok in found}
    for tag, _ok in loose:  # always: a damaged tree can end a read early without an error
        rows.setdefault(tag.id, tag)
    return [rows[k] for k in sorted(rows)]


def _sql_rows(conn: sqlite3.Connection, seen_max: int = 0) -> tuple[list[tuple[Tag, bool]], bool]:
    """(passage, checksum ok) for every row read through SQLite, and whether no read failed.

    Ids run from 1 (AUTOINCREMENT) to the largest one SQLite remembers or the pages show;
    a range whose read fails is halved down to single ids, so at worst two queries an id.
    """
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        columns = [r[1] for r in conn.execute("PRAGMA table_info(annotations)").fetchall()]
    except sqlite3.DatabaseError:
        return [], False
    if not columns:
        return [], False
    sql = _select_for(columns, version)
    top = max(seen_max, _largest_id(conn))
    out: list[tuple[Tag, bool]] = []
    failures = [0]

    def read(lo: int, hi: int) -> None:
        try:
            rows = conn.execute(sql, (lo, hi)).fetchall()
        except sqlite3.DatabaseError:
            failures[0] += 1
            if lo < hi and failures[0] < MAX_FAILED_READS:
                mid = (lo + hi) // 2
                read(lo, mid)
                read(mid + 1, hi)
            return
        for row in rows:
            out.append(_to_tag(conn, row, columns))

    read(1, top)
    try:  # anything past the largest id known (a damaged counter)
        out.extend(_to_tag(conn, row, columns) for row in conn.execute(sql, (top + 1, MAX_ID)).fetchall())
    except sqlite3.DatabaseError:
        failures[0] += 1
    return out, failures[0] == 0


def _largest_id(conn: sqlite3.Connection) -> int:
    for sql in ("SELECT seq FROM sqlite_sequence WHERE name = 'annotations'", "SELECT max(id) FROM annotations"):
        try:
            row = conn.execute(sql).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row and isinstance(row[0], int) and 0 < row[0] < MAX_ID:
            return row[0]
    return 1


def _select_for(columns: list[str], version: int) -> str:
    """A range read of the annotations table, whatever schema version the file has."""
    want = COLUMNS.split(", ")
    parts = [c if c in columns else ("'[]'" if c == "names" else "0" if c == "checksum" else "''") for c in want]
    if "names" not in columns:  # before v3: names in their own tables (or a JSON column in v1)
        parts[want.index("names")] = "tags" if "tags" in columns else "NULL"
    return f"SELECT {', '.join(parts)} FROM annotations WHERE id BETWEEN ? AND ? ORDER BY id"


def _to_tag(conn: sqlite3.Connection, row: tuple, columns: list[str]) -> tuple[Tag, bool]:
    if "names" in columns:
        try:
            return _row_to_tag(row), True
        except _BadRow as bad:
            assert bad.tag is not None
            return bad.tag, False
    names = row[12]
    if names is None:  # v2: from annotation_tags, if that part of the file can be read
        try:
            found = conn.execute(
                "SELECT n.name FROM annotation_tags t JOIN tag_names n ON n.id = t.tag_id "
                "WHERE t.annotation_id = ? ORDER BY t.pos",
                (row[0],),
            ).fetchall()
            names = json.dumps([r[0] for r in found])
        except sqlite3.DatabaseError:
            names = "[]"
    return _row_to_tag((*row[:12], names, 0), verify=False), True


# -- pass 2: page by page ----------------------------------------------------------------------


class _File:
    """The pages of an SQLite file as a reader would see them after the last commit."""

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        if len(data) < 100 or not data.startswith(b"SQLite format 3\0"):
            size = _page_size_guess(path)
            reserved = 0
        else:
            raw = struct.unpack(">H", data[16:18])[0]
            size = 65536 if raw == 1 else raw
            reserved = data[20]
        if size < 512 or size & (size - 1):
            size = 4096
        self.size = size
        self.usable = size - reserved
        self.pages: dict[int, bytes] = {n + 1: data[o : o + size] for n, o in enumerate(range(0, len(data), size))}
        self.notes: list[str] = []
        self._overlay_wal(Path(f"{path}-wal"))
        self.free = self._freelist()

    def _overlay_wal(self, wal: Path) -> None:
        """Committed, checksummed WAL frames replace the main file's pages, as in SQLite."""
        try:
            data = wal.read_bytes()
        except OSError:
            return
        if len(data) < WAL_HEADER:
            return
        magic, _version, size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:WAL_HEADER])
        if magic not in (0x377F0682, 0x377F0683) or size != self.size:
            self.notes.append(f"{wal.name}: not a WAL of this file; left out")
            return
        big = magic & 1
        s = _wal_sum(data[:24], 0, 0, big)
        if s != (c1, c2):
            self.notes.append(f"{wal.name}: its header is damaged; left out")
            return
        pending: dict[int, bytes] = {}
        offset = WAL_HEADER
        while offset + FRAME_HEADER + size <= len(data):
            pgno, commit, fs1, fs2, fc1, fc2 = struct.unpack(">6I", data[offset : offset + FRAME_HEADER])
            page = data[offset + FRAME_HEADER : offset + FRAME_HEADER + size]
            if (fs1, fs2) != (salt1, salt2):
                break
            s = _wal_sum(page, *_wal_sum(data[offset : offset + 8], *s, big), big)
            if s != (fc1, fc2):
                break  # SQLite stops at the first frame that does not check
            pending[pgno] = page
            if commit:
                self.pages.update(pending)
                for extra in [n for n in self.pages if n > commit]:
                    del self.pages[extra]
                pending = {}
            offset += FRAME_HEADER + size

    def _freelist(self) -> set[int]:
        """Pages on the free list (when the header can be trusted)."""
        first = self.pages.get(1, b"")
        if not first.startswith(b"SQLite format 3\0"):
            return set()
        trunk, count = struct.unpack(">II", first[32:40])
        free: set[int] = set()
        seen: set[int] = set()
        while trunk and trunk not in seen and trunk in self.pages and len(free) <= count:
            seen.add(trunk)
            free.add(trunk)
            page = self.pages[trunk]
            nxt, n = struct.unpack(">II", page[:8])
            if n > (self.usable - 8) // 4:
                break
            free.update(struct.unpack(f">{n}I", page[8 : 8 + 4 * n]))
            trunk = nxt
        return free

    def table_cells(self) -> Iterator[tuple[int, bytes]]:
        """(rowid, record) of every cell on every table-leaf page not on the free list."""
        for pgno, page in self.pages.items():
            if pgno in self.free or len(page) < self.size:
                continue
            head = 100 if pgno == 1 else 0
            if page[head] != 0x0D:
                continue
            try:
                count = struct.unpack(">H", page[head + 3 : head + 5])[0]
            except struct.error:
                continue
            for i in range(min(count, self.usable // 4)):
                try:
                    ptr = struct.unpack(">H", page[head + 8 + 2 * i : head + 10 + 2 * i])[0]
                    yield self._cell(page, ptr)
                except (struct.error, ValueError, IndexError, KeyError):
                    continue  # a damaged cell: the others on the page may be fine

    def _cell(self, page: bytes, ptr: int) -> tuple[int, bytes]:
        length, n = _varint(page, ptr)
        rowid, m = _varint(page, ptr + n)
        start = ptr + n + m
        local = _local_size(length, self.usable)
        payload = bytearray(page[start : start + local])
        if local < length:
            nxt = struct.unpack(">I", page[start + local : start + local + 4])[0]
            seen: set[int] = set()
            while len(payload) < length:
                if nxt in seen or nxt not in self.pages:
                    raise ValueError("broken overflow chain")
                seen.add(nxt)
                over = self.pages[nxt]
                payload += over[4 : self.usable][: length - len(payload)]
                nxt = struct.unpack(">I", over[:4])[0]
        if len(payload) != length:
            raise ValueError("cell runs off its page")
        if rowid >= 2**63:
            rowid -= 2**64
        return rowid, bytes(payload)


def _page_size_guess(path: Path) -> int:
    """The header is gone: take the page size from the WAL, else SQLite's default."""
    try:
        head = Path(f"{path}-wal").read_bytes()[:12]
        return struct.unpack(">I", head[8:12])[0]
    except (OSError, struct.error):
        return 4096


def _wal_sum(data: bytes, s0: int, s1: int, big: int) -> tuple[int, int]:
    """SQLite's WAL checksum (two running 32-bit sums over pairs of words)."""
    words = struct.unpack(f"{'>' if big else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, i + 1
    return (value << 8) | data[at + 8], 9


def _local_size(length: int, usable: int) -> int:
    """How much of a table-leaf cell's payload is on its page (the rest overflows)."""
    most = usable - 35
    if length <= most:
        return length
    least = (usable - 12) * 32 // 255 - 23
    k = least + (length - least) % (usable - 4)
    return k if k <= most else least


def _record(payload: bytes) -> list[object]:
    """The values of one record (SQLite's record format)."""
    size, n = _varint(payload, 0)
    types: list[int] = []
    at = n
    while at < size:
        t, k = _varint(payload, at)
        types.append(t)
        at += k
    values: list[object] = []
    at = size
    for t in types:
        if t == 0:
            values.append(None)
        elif 1 <= t <= 6:
            width = (1, 2, 3, 4, 6, 8)[t - 1]
            values.append(int.from_bytes(payload[at : at + width], "big", signed=True))
            at += width
        elif t == 7:
            values.append(struct.unpack(">d", payload[at : at + 8])[0])
            at += 8
        elif t in (8, 9):
            values.append(t - 8)
        elif t >= 12:
            width = (t - 12) // 2
            chunk = payload[at : at + width]
            values.append(chunk.decode("utf-8", "replace") if t % 2 else chunk)
            at += width
        else:
            raise ValueError("reserved serial type")
        if at > len(payload):
            raise ValueError("record runs off its payload")
    return values


def _passage(rowid: int, values: list[object]) -> tuple[Tag, bool] | None:
    """A passage from a table row of the v3 annotations shape, else None."""
    if len(values) != 14 or values[0] is not None:
        return None
    article, chash, start, end, exact, prefix, suffix, note, created, source, path, names, check = values[1:]
    texts = (article, chash, exact, prefix, suffix, note, created, source, path, names)
    if not all(isinstance(v, str) for v in texts) or not all(isinstance(v, int) for v in (start, end, check)):
        return None
    row = (rowid, article, chash, start, end, exact, prefix, suffix, note, created, source, path, names, check)
    try:
        return _row_to_tag(row), True
    except _BadRow as bad:
        return (bad.tag, False) if bad.tag is not None else None


def page_rows(path: Path) -> tuple[list[tuple[Tag, bool]], list[str]]:
    """Every passage row found on the file's pages, with whether its checksum holds."""
    f = _File(path)
    found: dict[int, tuple[Tag, bool]] = {}
    for rowid, payload in f.table_cells():
        try:
            got = _passage(rowid, _record(payload))
        except (ValueError, IndexError, struct.error):
            continue
        if got is not None and (rowid not in found or (got[1] and not found[rowid][1])):
            found[rowid] = got
    return [found[k] for k in sorted(found)], f.notes


# -- the whole salvage ---------------------------------------------------------------------------


def salvage(path: Path) -> Salvage:
    """Every passage that can be read from the tag store at ``path`` (left unchanged)."""
    result = Salvage()
    try:
        loose, result.notes = page_rows(path)
    except OSError as exc:
        loose = []
        result.notes.append(f"cannot read its pages ({exc.strerror or exc})")
    rows: dict[int, tuple[Tag, bool]] = {}
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        result.complete = False
        result.notes.append(f"SQLite cannot open it ({exc})")
    else:
        conn.text_factory = lambda b: b.decode("utf-8", "replace")
        try:
            found, result.complete = _sql_rows(conn, max((t.id for t, _ok in loose), default=0))
        finally:
            conn.close()
        rows = {tag.id: (tag, ok) for tag, ok in found}
        result.through_sqlite = len(rows)
    # Always, not only when SQLite raised: on a damaged tree a read by id range can end
    # early without an error (a rowid out of order stops the scan).
    for tag, ok in loose:
        if tag.id not in rows:
            result.from_pages += 1
            rows[tag.id] = (tag, ok)
        elif ok and not rows[tag.id][1]:
            rows[tag.id] = (tag, ok)
    for tag_id in sorted(rows):
        tag, ok = rows[tag_id]
        if not ok:
            result.damaged += 1
            tag = replace(tag, tags=(*tag.tags, DAMAGED_TAG))
        result.tags.append(tag)
    return result


def write_store(tags: list[Tag], target: Path) -> int:
    """A new tag store at ``target`` holding ``tags`` with their ids; how many."""
    with TagStore(target, backups=False) as store:
        return store.restore_many(tags)
