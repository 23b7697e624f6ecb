"""Telling that a corpus has not changed since it was last scanned, by `stat` alone.

`corpus.scan` notes what it saw in a `Record` and makes a `Snapshot` of it; the next update
asks the snapshot whether a walk now would find the same files with the same stats
(`Snapshot.unchanged`). Kept apart from `corpus` so that this check, which every command
makes first, imports nothing but the standard library.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# A time stamp this close to the scan (or after it) is not trusted: a change in the same tick
# of the file system's clock would leave it as it was. File systems that keep whole seconds
# (FAT keeps 2 s, HFS+ 1 s) get the coarse margin; the others keep a clock tick (1-10 ms)
# or better.
RACY_COARSE_NS = 2_500_000_000
RACY_FINE_NS = 100_000_000


def racy(stamp: int, started: int) -> bool:
    """Whether a time stamp is too close to a scan started at `started` to be trusted."""
    return stamp >= started - (RACY_COARSE_NS if stamp % 1_000_000_000 == 0 else RACY_FINE_NS)


@dataclass(frozen=True, slots=True)
class DirState:
    """A folder as the scan listed it: its identity and times, and the article files in it
    (not links) with their mtime and size, and inode."""

    path: str
    ident: tuple[int, int, int, int]  # device, inode, mtime_ns, ctime_ns
    names: tuple[str, ...]
    stats: bytes  # array("q"): mtime_ns, size per name
    inos: bytes  # array("Q"): inode per name


@dataclass
class Record:
    dirs: list[DirState] = field(default_factory=list)
    probes: list[tuple[str, tuple[int, ...]]] = field(default_factory=list)
    started: int = 0  # time.time_ns() when the scan began
    racy_dirs: bool = False  # a folder's times are too recent to be trusted


def signature(path: str) -> tuple[int, ...]:
    """What `stat` (following links) says of a path, or its error: for links and roots."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return (-1, exc.errno or 0)
    return (st.st_mode & 0o170000, st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


@dataclass(frozen=True)
class Snapshot:
    """What one scan saw: enough to tell later, by `stat` alone, that nothing has changed.

    POSIX marks a folder's mtime and ctime on every entry created, removed or renamed in it,
    and a user cannot set a ctime back: a folder whose device, inode, mtime and ctime are as
    recorded holds the same names, the same files, as it did. A file rewritten in place
    changes its own mtime, not its folder's, so each article file is still stat'ed (as
    `find -newer` does); but the folders need not be listed, nor the names filtered, nor the
    ids worked out again. What a symbolic link points to can change outside the corpus, so
    links (and the corpus folders themselves) are stat'ed again through the link.

    A time stamp as recent as the scan, within the file system's clock tick, is not trusted
    (a change in the same tick leaves it as it was): such a folder makes the next update walk
    the corpus, such a file is read again then (`racy`), whatever its stat says."""

    started_ns: int
    dirs: tuple[DirState, ...]
    probes: tuple[tuple[str, tuple[int, ...]], ...]
    racy: tuple[str, ...]  # paths of article files changed too close to the scan
    racy_dirs: bool

    def unchanged(self) -> bool:
        """Whether a walk now would find exactly the same files, with the same stats."""
        if self.racy_dirs or self.racy:
            return False
        if any(signature(path) != sig for path, sig in self.probes):
            return False
        dirs = self.dirs
        total = sum(len(d.names) for d in dirs)
        if total < PARALLEL_STAT_FROM or len(dirs) < 2:
            return all(map(_same_dir, dirs))
        half, acc = 0, 0
        while half < len(dirs) and acc < total // 2:
            acc += len(dirs[half].names)
            half += 1
        if can_fork():
            # Half in a child process: no interpreter lock between the two halves.
            probe = Probe.start(lambda: all(map(_same_dir, dirs[half:])))
            if probe is not None:
                if all(map(_same_dir, dirs[:half])):
                    return probe.result()
                probe.cancel()
                return False
        # Two threads: os.stat lets go of the GIL, so one thread's system calls overlap
        # the other's Python (a thread back from its call waits for the lock, though).
        result: list[bool] = []
        other = threading.Thread(target=lambda: result.append(all(map(_same_dir, dirs[half:]))))
        other.start()
        mine = all(map(_same_dir, dirs[:half]))
        other.join()
        return mine and all(result)

    def to_rows(self) -> tuple[dict[str, Any], list[tuple[str, str, str, bytes, bytes]]]:
        """As stored in the catalogue: a JSON-able dict and one row per folder."""
        head = {
            "started_ns": self.started_ns,
            "probes": [[p, list(sig)] for p, sig in self.probes],
            "racy": list(self.racy),
            "racy_dirs": self.racy_dirs,
        }
        rows = [(d.path, json.dumps(d.ident), "/".join(d.names), d.stats, d.inos) for d in self.dirs]
        return head, rows

    @classmethod
    def from_rows(cls, head: dict[str, Any], rows: Iterable[tuple[str, str, str, bytes, bytes]]) -> Snapshot:
        dirs = tuple(
            DirState(path, tuple(json.loads(ident)), tuple(names.split("/")) if names else (), stats, inos)
            for path, ident, names, stats, inos in rows
        )
        probes = tuple((p, tuple(sig)) for p, sig in head["probes"])
        return cls(int(head["started_ns"]), dirs, probes, tuple(head["racy"]), bool(head["racy_dirs"]))


def can_fork() -> bool:
    """Whether this process may fork a child that goes on running Python: Linux (elsewhere
    `fork` without `exec` is not safe enough to rely on), and no other thread running, whose
    locks the child would inherit held."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


class Probe:
    """`Snapshot.unchanged` worked out in a child process (POSIX `fork`), while this one
    goes on with something else: the command line searches the index meanwhile.

    Telling that 100,000 files are unchanged is 100,000 `stat` calls; in a thread beside a
    search they hardly overlapped it, since a thread that comes back from each call waits
    for the interpreter lock the search holds. A process of its own checks on the other
    core. The child only calls `stat` and exits (nothing it inherited is used or closed
    behind the parent's back); its answer is its exit status."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    @classmethod
    def start(cls, unchanged: Callable[[], bool]) -> Probe | None:
        """A child answering `unchanged()` (`Snapshot.unchanged`, or a part of it); None
        where that cannot be (no fork, no memory)."""
        try:
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:  # the child
            code = 1
            try:
                code = 0 if unchanged() else 1
            finally:
                os._exit(code)
        return cls(pid)

    def result(self) -> bool:
        """Whether the child found every file as recorded (waits for it)."""
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:  # not ours to wait for any more: unknown, so not trusted
            return False
        return os.waitstatus_to_exitcode(status) == 0

    def cancel(self) -> None:
        """Stop the child if it still runs, and wait for it (no zombie left behind)."""
        try:
            os.kill(self.pid, 9)  # SIGKILL: it only stats files
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


PARALLEL_STAT_FROM = 5000  # article files; below this a second process or thread costs more than it saves


def _entries(d: DirState) -> Iterator[tuple[str, int, int, int]] | None:
    """The folder's files as the scan saw them (name, mtime_ns, size, inode); None if the
    record is inconsistent (then the folder counts as changed)."""
    stats, inos = array("q"), array("Q")
    stats.frombytes(d.stats)
    inos.frombytes(d.inos)
    expected = stats.tolist()
    if len(expected) != 2 * len(d.names) or len(inos) != len(d.names):
        return None
    return zip(d.names, expected[0::2], expected[1::2], inos.tolist())


def _same_dir(d: DirState) -> bool:
    if os.stat not in os.supports_dir_fd or os.stat not in os.supports_follow_symlinks:
        return _same_dir_by_path(d)  # Windows: no stat relative to an open folder
    try:
        fd = os.open(d.path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return False
    try:
        st = os.fstat(fd)
        if (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_ctime_ns) != d.ident:
            return False
        entries = _entries(d)
        if entries is None:
            return False
        lstat = os.stat
        # One stat per file and a comparison as it comes: the loop is most of the check.
        for name, mtime_ns, size, ino in entries:
            st = lstat(name, dir_fd=fd, follow_symlinks=False)
            if st.st_mtime_ns != mtime_ns or st.st_size != size or st.st_ino != ino:
                return False
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _same_dir_by_path(d: DirState) -> bool:
    """`_same_dir` where a folder cannot be opened to stat its entries: by full path."""
    try:
        st = os.stat(d.path)
        if (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_ctime_ns) != d.ident:
            return False
        entries = _entries(d)
        if entries is None:
            return False
        for name, mtime_ns, size, ino in entries:
            st = os.lstat(os.path.join(d.path, name))
            if st.st_mtime_ns != mtime_ns or st.st_size != size or st.st_ino != ino:
                return False
        return True
    except OSError:
        return False
