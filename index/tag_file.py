"""Is the tag store's file still the one at its path?

SQLite reads and writes the file it opened, whatever happens to its name: once
``tags.sqlite3`` is deleted, moved away or replaced (a sync tool, a clean-up, a backup
copied back), a change would commit to a file nobody will open again, and be said to be
saved. So `index.tags.TagStore` compares, before each change and each read, the file at
its path with the one it opened, by ``(st_dev, st_ino)``: one ``stat`` each.

The ``-wal`` and ``-shm`` files are found by name. When the file is replaced, those of
the previous file stay beside the new one, and SQLite would apply the previous file's
journal to it (a new file then shows, and soon holds, the previous one's pages). So before
a store opens what is now at the path it removes them, but only while they are still the
very files it opened with the previous file (`remove_stale_companions`); another copy of
quotewire that still has the previous file open keeps its own open handles to them, and
takes the new file at its next read or change. A store opened afresh while such a copy
runs finds them by their locks (`foreign_companions`) and removes them too.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import NamedTuple

SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm")


class FileId(NamedTuple):
    """Which file a name stands for (the same on one disk as long as the file exists)."""

    dev: int
    ino: int


def look(path: Path) -> os.stat_result | None:
    """What is at ``path`` (links followed, as SQLite does); None when nothing is.

    Raises OSError when it cannot be told (a folder on the way cannot be searched)."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def file_id(st: os.stat_result | None) -> FileId | None:
    return None if st is None else FileId(st.st_dev, st.st_ino)


def id_at(path: Path) -> FileId | None:
    """The identity of the file at ``path``, None when there is none (OSError: unknown)."""
    return file_id(look(path))


def cannot_be_a_store(path: Path, st: os.stat_result) -> str | None:
    """Why what is at ``path`` can never be opened as a tag store, in a few words (None:
    it may be one; opening it tells). Only reads: nothing at ``path`` is changed."""
    if stat.S_ISDIR(st.st_mode):
        return "is a folder now"
    if not stat.S_ISREG(st.st_mode):
        return "is no longer a regular file"
    if st.st_size == 0:
        return None  # an empty file is an empty database, as on a first start
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if head != SQLITE_MAGIC:
        return "is now a file that is not an SQLite database"
    return None


def companions(path: Path) -> dict[str, FileId]:
    """The ``-wal`` and ``-shm`` files beside ``path`` that exist now, by suffix."""
    found = {}
    for suffix in COMPANIONS:
        try:
            fid = id_at(Path(f"{path}{suffix}"))
        except OSError:
            continue
        if fid is not None:
            found[suffix] = fid
    return found


def remove_stale_companions(path: Path, opened: dict[str, FileId]) -> None:
    """Remove the ``-wal``/``-shm`` beside ``path`` that are still the files ``opened``
    names (those of the file opened before, which must not be paired with a new one);
    any other file of those names is left alone. Raises OSError when one cannot be removed."""
    for suffix, fid in opened.items():
        name = Path(f"{path}{suffix}")
        if id_at(name) == fid:
            name.unlink(missing_ok=True)


def foreign_companions(path: Path) -> dict[str, FileId]:
    """The ``-wal`` and ``-shm`` beside ``path`` when they belong to another file: some
    connection holds its lock on the ``-shm`` while none holds one on the file at ``path``,
    as every SQLite connection in WAL mode does on its database as long as it is open (the
    file was replaced while another program had it open). Read from ``/proc/locks``, so
    that no file is opened (closing it would drop this process's own SQLite locks on it);
    where that is not available nothing is found, as before."""
    try:
        db = id_at(path)
    except OSError:
        return {}
    found = companions(path)
    shm = found.get("-shm")
    if db is None or shm is None:
        return {}
    held = _locked_files()
    if held is None or _lock_key(shm) not in held or _lock_key(db) in held:
        return {}
    return found


_LOCKED_FILE = re.compile(r"^([0-9a-f]+):([0-9a-f]+):(\d+)$")


def _lock_key(fid: FileId) -> tuple[int, int, int]:
    return (os.major(fid.dev), os.minor(fid.dev), fid.ino)


def _locked_files() -> set[tuple[int, int, int]] | None:
    """(major, minor, inode) of every file some process holds a lock on; None: unknown."""
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    held = set()
    for line in lines:
        for word in line.split():
            if m := _LOCKED_FILE.match(word):
                held.add((int(m[1], 16), int(m[2], 16), int(m[3])))
                break
    return held
