"""Checksums of the index's files, so that damage is noticed instead of searched.

Random bytes in a Whoosh segment gave tracebacks or silently lost hits ("minister": 0);
in the catalogue they silently changed counts, and `quotewire index` said "unchanged".
After every update that wrote something, `record` keeps the size, modification time and
BLAKE2b digest of each file of the index: each Whoosh segment and table of contents as a
whole (they are never rewritten), the catalogue in 64 KB blocks (16 SQLite pages), so
that a report can say where. Then:

* `quick_check`, at the start of every update: a ``stat`` of each file; only a file whose
  size or time changed is read and hashed again (damage written through the file system
  changes its time). A few milliseconds.
* `full_check` (``quotewire index --check``): every file hashed again, plus SQLite's
  ``integrity_check`` of the catalogue; damage that kept the file's time (bit rot) shows.

The index is a cache: damage found means it is rebuilt, with one line saying why. A
manifest from an older generation (a build that was killed after committing) cannot
vouch for the newest files and is simply written again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .catalogue import CATALOGUE, latest_generation

MANIFEST = "quotewire-sums.json"
MARK = "quotewire-damaged.txt"  # left by a search that met damage: the next update rebuilds
BLOCK = 64 * 1024  # bytes hashed apiece in a file kept in blocks (the catalogue)
PAGE = 4096  # SQLite's default page size, for reporting where the damage is
# Not part of what a commit wrote: locks, SQLite's shared memory, caches of their own.
_SKIP_SUFFIXES = (".lock", "-shm", ".tmp")
_SKIP_NAMES = {MANIFEST, MARK, "MAIN_WRITELOCK"}


@dataclass(frozen=True)
class Damage:
    """One damaged file of the index, and where in it."""

    path: Path
    where: str = ""

    def __str__(self) -> str:
        return f"{self.path}{' (' + self.where + ')' if self.where else ''}: damaged since it was written"


def _tracked(index_dir: Path) -> list[Path]:
    try:
        names = sorted(os.listdir(index_dir))
    except OSError:
        return []
    return [
        index_dir / n
        for n in names
        if n not in _SKIP_NAMES
        and not n.endswith(_SKIP_SUFFIXES)
        and not n.startswith(("corpus-model-", "."))
        and (index_dir / n).is_file()
    ]


def _blocked(path: Path) -> bool:
    return path.name.startswith(CATALOGUE)


def _digests(path: Path) -> list[str]:
    """One digest for the file, or one per block for the catalogue (and its WAL)."""
    out: list[str] = []
    whole = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        while chunk := fh.read(BLOCK):
            if _blocked(path):
                out.append(hashlib.blake2b(chunk, digest_size=8).hexdigest())
            else:
                whole.update(chunk)
    return out if _blocked(path) else [whole.hexdigest()]


def _entry(path: Path, st: os.stat_result | None = None) -> dict[str, object]:
    st = st or path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sums": _digests(path)}


def _load(index_dir: Path) -> dict[str, object] | None:
    try:
        data = json.loads((index_dir / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else None


def record(index_dir: Path) -> None:
    """Write the manifest for the index as it is now (after an update that wrote to it).

    An entry whose file kept its size and time is kept as it was, so only the files the
    update wrote are read again: the new segments, the table of contents, the catalogue.
    """
    old = _load(index_dir)
    old_files: dict[str, dict[str, object]] = old["files"] if old else {}  # type: ignore[assignment]  # JSON read back: a dict of dicts, by construction
    files: dict[str, dict[str, object]] = {}
    for path in _tracked(index_dir):
        try:
            st = path.stat()
            prev = old_files.get(path.name)
            if prev and prev.get("size") == st.st_size and prev.get("mtime_ns") == st.st_mtime_ns:
                files[path.name] = prev
            else:
                files[path.name] = _entry(path, st)
        except OSError:
            continue  # removed meanwhile (a merge): not part of this generation
    manifest = {"generation": latest_generation(index_dir), "files": files}
    tmp = index_dir / f".{MANIFEST}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(manifest))
        os.replace(tmp, index_dir / MANIFEST)
    except OSError:
        tmp.unlink(missing_ok=True)  # no manifest: nothing is vouched for, nothing breaks


def vouched(index_dir: Path) -> bool:
    """There are checksums for the index's current generation."""
    manifest = _load(index_dir)
    return manifest is not None and manifest.get("generation") == latest_generation(index_dir)


def quick_check(index_dir: Path) -> Damage | None:
    """The first file whose size or time changed and whose content no longer matches
    (or the damage a search met, see `mark_damaged`)."""
    try:
        marked = (index_dir / MARK).read_text().strip()
    except OSError:
        marked = ""
    if marked:
        return Damage(Path(marked.split("\t")[0]), marked.partition("\t")[2])
    return _check(index_dir, full=False)


def mark_damaged(index_dir: Path, damage: Damage) -> None:
    """Remember damage met while searching, so the next update (under its lock) rebuilds."""
    try:
        (index_dir / MARK).write_text(f"{damage.path}\t{damage.where}\n")
    except OSError:
        pass


def full_check(index_dir: Path) -> list[Damage]:
    """Every file hashed again, and the catalogue checked by SQLite."""
    found: list[Damage] = []
    damage = _check(index_dir, full=True, every=found)
    if damage is not None and damage not in found:
        found.append(damage)
    catalogue = index_dir / CATALOGUE
    if catalogue.exists() and not any(d.path == catalogue for d in found):
        problem = sqlite_problem(catalogue)
        if problem:
            found.append(Damage(catalogue, problem))
    return found


def sqlite_problem(path: Path) -> str:
    """SQLite's own verdict on a database file ("" when it finds it sound)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check(3)").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    verdict = " ".join(str(r[0]) for r in rows)
    return "" if verdict == "ok" else verdict.replace("*** in database main ***", "").strip()[:120]


def _check(index_dir: Path, *, full: bool, every: list[Damage] | None = None) -> Damage | None:
    manifest = _load(index_dir)
    if manifest is None or manifest.get("generation") != latest_generation(index_dir):
        return None  # nothing (or an older commit) to compare with: see the module doc
    files: dict[str, dict[str, object]] = manifest["files"]  # type: ignore[assignment]  # JSON read back: a dict of dicts, by construction
    first: Damage | None = None
    for name, entry in files.items():
        path = index_dir / name
        try:
            st = path.stat()
        except FileNotFoundError:
            if name.endswith("-wal"):
                continue  # SQLite folds its WAL into the file when the last connection closes
            damage = Damage(path, "missing")
        else:
            if not full and st.st_size == entry.get("size") and st.st_mtime_ns == entry.get("mtime_ns"):
                continue
            found = _compare(path, entry)
            if found is None:
                continue
            damage = found
        first = first or damage
        if every is None:
            return damage
        every.append(damage)
    return first


def _compare(path: Path, entry: dict[str, object]) -> Damage | None:
    """Only SQLite folds the catalogue's WAL into it, and only an update (which writes a
    new manifest after) runs a writer: a changed file under the same generation is damage."""
    try:
        sums = _digests(path)
    except OSError as exc:
        return Damage(path, f"unreadable: {exc.strerror or exc}")
    expected = entry.get("sums")
    if sums == expected:
        return None
    if not isinstance(expected, list) or not _blocked(path):
        return Damage(path)
    for n, (got, want) in enumerate(zip(sums, expected, strict=False)):
        if got != want:
            first_page = n * BLOCK // PAGE + 1
            return Damage(path, f"pages {first_page}-{first_page + BLOCK // PAGE - 1}")
    return Damage(path, "its length changed")
