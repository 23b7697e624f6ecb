"""Find article files and read them into `Article`s.

A bad file never stops a load: binary, empty and unreadable files are skipped with a
`LoadProblem`; text that is not UTF-8 is decoded as cp1252 (or Latin-1) with a warning
(UTF-16 and UTF-32 with a byte-order mark are read as such); a huge file is read up to
`max_bytes`. A named pipe, a socket or a device file is never opened (reading a pipe
would wait for a writer forever): it is skipped with a `LoadProblem` too. Saved web pages
and web archives are read by `index.web` (imported only when the corpus holds one).
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import json
import os
import re
import stat
import time
from array import array
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from . import safe_yaml
from .clean import compile_patterns, extract_metadata, find_boilerplate
from .models import Article, LoadProblem, Span
from .snapshot import DirState, Record, Snapshot, racy, signature

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".warc", ".warc.gz")
_SUFFIX_SET = frozenset(SUFFIXES)
_SUFFIX_RANK = {s: n for n, s in enumerate(SUFFIXES)}
HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")
SEED_DIR = Path(__file__).resolve().parent / "seed"
MAX_FRONT_MATTER = 64 * 1024  # characters; a longer "front matter" is read as text
MAX_META_CHARS = 2000
# Files that are about a corpus, not in it (matched case-insensitively on the file name).
NOT_ARTICLES = ("readme*", "license*", "licence*", "copying*")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file on disk as seen by `stat`: enough to tell whether it changed."""

    path: str
    mtime_ns: int
    size: int
    rel: str = ""  # the path relative to the corpus folder it was found in (posix): its identity
    id: str = ""  # the id of its article (of its records: `id#record`), see `discover`


def suffix_of(name: str) -> str:
    """The article suffix a file name ends with ("" if none): `.warc.gz` counts as one."""
    low = name.lower()
    if low.endswith(".warc.gz"):
        return ".warc.gz"
    dot = low.rfind(".")
    return low[dot:] if dot > 0 and low[dot:] in SUFFIXES else ""


def discover(
    folders: Iterable[Path], include_seeds: bool = True, ignore: Sequence[str] = (), skip: Iterable[Path] = ()
) -> tuple[list[SourceFile], list[LoadProblem]]:
    """Every article file under the folders (recursively), sorted, each with its id.

    The bundled seeds are the corpus only when no folder is named. A file's id is its path
    relative to its folder without the extension (`politics/326`); with several folders,
    each id starts with its folder's name (`bbc/politics/326`), so one folder's files never
    take another's ids. Files side by side that differ only in their extension
    (`story.txt`, `story.html`) share the stem: the first in `SUFFIXES` order keeps it, the
    others keep their extension (`story.html`). An id thus depends on the file's own path
    and its siblings of the same name, never on discovery order or on other files.

    Unreadable entries (a symlink loop, a name that is not UTF-8, a folder that cannot be
    listed) are skipped with one problem each. `skip`: folders never read (quotewire's own
    index and data, should they sit inside a corpus)."""
    found = scan(folders, include_seeds, ignore, skip)
    return found.files(), found.problems


# An article file as a walk found it: (path, path relative to its corpus folder, reached
# through a link, mtime_ns, size, device, inode). Not the stat_result: 100,000 of those held
# 50 MB more.
Entry = tuple[str, str, bool, int, int, int, int]


@dataclass
class Scan:
    """The corpus folders as one walk saw them: every article file with its `stat`, before
    ids are given, and a `Snapshot` to tell later whether anything has changed."""

    roots: list[Path]
    walked: list[tuple[int, list[Entry]]]  # per root, in the order walked: (its index in `roots`, its files)
    problems: list[LoadProblem]
    snapshot: Snapshot

    def files(self) -> list[SourceFile]:
        """Every article file once, sorted by id, each with its id (see `discover`)."""
        labels = _labels(self.roots)
        seen: set[tuple[int, int]] = set()
        per_root: dict[int, list[tuple[str, str, int, int]]] = {}
        for i, entries in self.walked:
            kept = []
            # one file reached by two paths is read once, by its real path rather than a link's
            for path, rel, _, mtime_ns, size, dev, ino in sorted(entries, key=_third):
                key = (dev, ino)
                if key in seen:
                    continue
                seen.add(key)
                kept.append((path, rel, mtime_ns, size))
            per_root[i] = sorted(kept, key=_second)
        found: list[SourceFile] = []
        for i in range(len(self.roots)):
            if i not in per_root:
                continue
            for (path, rel, mtime_ns, size), fid in zip(per_root[i], _file_ids([e[1] for e in per_root[i]])):
                found.append(SourceFile(path, mtime_ns, size, rel, f"{labels[i]}/{fid}" if labels[i] else fid))
        found.sort(key=_id_path)
        return found


def scan(
    folders: Iterable[Path], include_seeds: bool = True, ignore: Sequence[str] = (), skip: Iterable[Path] = ()
) -> Scan:
    """Walk the folders once: every article file with its `stat` (see `discover`)."""
    started = time.time_ns()
    roots = [Path(f) for f in folders]
    skipped = {os.path.abspath(p) for p in skip}
    if not roots and include_seeds:
        roots = [SEED_DIR]
    problems: list[LoadProblem] = []
    ignored = _ignorer([*NOT_ARTICLES, *ignore])
    record = Record(started=started)
    # A file under two named folders belongs to the deeper one, whatever the order given.
    order = sorted(range(len(roots)), key=lambda i: -len(roots[i].parts))
    walked: list[tuple[int, list[Entry]]] = []
    for i in order:
        root = roots[i]
        record.probes.append((str(root), signature(str(root))))
        try:
            st = root.stat()
        except OSError as exc:
            problems.append(LoadProblem(_shown(str(root)), _why(exc, "corpus folder not found")))
            continue
        if stat.S_ISDIR(st.st_mode):
            entries = list(_walk(str(root), ignored, problems, skipped, record))
        elif suffix_of(root.name):
            why = not_regular(st.st_mode)
            if why:
                problems.append(LoadProblem(_shown(str(root)), why))
                continue
            entries = [(str(root), root.name, False, st.st_mtime_ns, st.st_size, st.st_dev, st.st_ino)]
        else:
            problems.append(LoadProblem(_shown(str(root)), "not a folder nor an article file"))
            continue
        walked.append((i, entries))
    recent = tuple(e[0] for _, entries in walked for e in entries if racy(e[3], started))
    snapshot = Snapshot(started, tuple(record.dirs), tuple(record.probes), recent, record.racy_dirs)
    return Scan(roots, walked, problems, snapshot)


def _labels(roots: list[Path]) -> list[str]:
    """The prefix of each folder's ids: "" for one folder, else its name, or as many of its
    last path parts as tell it from the others."""
    if len(roots) < 2:
        return [""] * len(roots)
    labels = []
    for root in roots:
        parts = root.parts
        for n in range(1, len(parts) + 1):
            tail = parts[-n:]
            if sum(1 for r in roots if r.parts[-n:] == tail) == 1 or n == len(parts):
                labels.append("/".join(_clean_part(p) for p in tail if p != "/"))
                break
    return labels


def _file_ids(rels: list[str]) -> list[str]:
    """Ids for the files of one folder (relative paths), in the same order."""
    stems: dict[str, int | list[tuple[int, int]]] = {}  # one member (its index), or several
    ranks = _SUFFIX_RANK
    last = len(SUFFIXES)
    ids = [""] * len(rels)
    for n, rel in enumerate(rels):
        suffix = suffix_of(rel)
        stem = _clean_path(rel[: len(rel) - len(suffix)] if suffix else rel)
        ids[n] = stem
        got = stems.get(stem)
        if got is None:
            stems[stem] = n  # the common case: no sibling of the same name
        else:
            members = got if isinstance(got, list) else [(ranks.get(suffix_of(rels[got]), last), got)]
            members.append((ranks.get(suffix, last), n))
            stems[stem] = members
    for stem, got in stems.items():
        if isinstance(got, list):
            got.sort()
            for rank, (_, n) in enumerate(got):
                ids[n] = stem if rank == 0 else _clean_path(rels[n])
    # "a.html.txt" is "a.html", as is "a.html" beside "a.txt": the later path adds "~2".
    taken: dict[str, int] = {}
    for n in sorted(range(len(rels)), key=rels.__getitem__):
        if ids[n] in taken:
            k = 2
            while f"{ids[n]}~{k}" in taken:
                k += 1
            ids[n] = f"{ids[n]}~{k}"
        taken[ids[n]] = n
    return ids


_UNCLEAN = re.compile(r"[^\w.~-]+")
_CLEAN_PATH = re.compile(r"[\w.~-]+(?:/[\w.~-]+)*")


def _clean_part(part: str) -> str:
    return _UNCLEAN.sub("_", part) or "_"


def _clean_path(rel: str) -> str:
    """A relative path as an id: each part keeps letters, digits, `.`, `~` and `-`."""
    if len(rel) <= 400 and _CLEAN_PATH.fullmatch(rel) and "/." not in rel and not rel.startswith("."):
        return rel  # the common case, without taking it apart
    return "/".join(_clean_part(p) for p in rel.split("/") if p)[:400]


def _shown(path: str) -> str:
    """A path as it can be printed and stored: bytes that are not UTF-8 as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def _why(exc: OSError, default: str) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop; skipped"
    if exc.errno == errno.ENOENT:
        return default
    return f"cannot read: {exc.strerror or exc}"


_SPECIAL_FILES = {
    stat.S_IFIFO: "named pipe (FIFO)",
    stat.S_IFSOCK: "socket",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
    stat.S_IFDIR: "folder",
}


def not_regular(mode: int) -> str | None:
    """Why a file of this `st_mode` is not read (the problem's message), or None for a
    regular file. A named pipe, a socket or a device is never opened: reading a pipe waits
    for a writer, forever, and a device is no article."""
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFREG:
        return None
    return f"{_SPECIAL_FILES.get(kind, 'special file')}, not a regular file; skipped"


class NotRegularFile(Exception):
    """A file that is not a regular file, met when opening it (see `open_regular`)."""


def open_regular(path: str) -> BinaryIO:
    """The file at `path` opened for reading in binary, if it is a regular file (a link to
    one is). Anything else raises `NotRegularFile`, with `not_regular`'s message, without
    being read: a named pipe put in a file's place after the walk cannot block the load.
    OSError as `open` raises it."""
    why = not_regular(os.stat(path).st_mode)  # a device is not even opened
    if why:
        raise NotRegularFile(why)
    # Not blocking: should a pipe take the file's place between the stat and the open,
    # opening it returns at once (without a writer) and is refused below.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        why = not_regular(os.fstat(fd).st_mode)
        if why:
            raise NotRegularFile(why)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _ignorer(patterns: Sequence[str]) -> Callable[[str, str], bool]:
    """Whether a (name, relative path) matches one of the globs, case-insensitively: one
    regular expression for them all, as it is asked of every file."""
    if not patterns:
        return lambda name, rel: False
    rx = re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns), re.I | re.S)
    return lambda name, rel: bool(rx.match(name) or rx.match(rel))


def _walk(
    root: str,
    ignored: Callable[[str, str], bool],
    problems: list[LoadProblem],
    skipped: Container[str] = frozenset(),
    record: Record | None = None,
) -> Iterator[Entry]:
    """Every article file under `root`, as (path, relative path, is a link, mtime_ns, size,
    device, inode).

    Hidden entries and ignored names are left out. A folder linked from inside the corpus
    is followed after the real folders, once: a link to a folder read already (a loop, or
    a second way in) is skipped, and said so. `record` notes what the walk saw, for
    `Snapshot`: each state is noted before it is used, so a change in between makes the
    next check walk again rather than miss it."""
    try:
        rst = os.stat(root)
    except OSError:
        return
    visited = {(rst.st_dev, rst.st_ino)}
    stack: list[tuple[str, str]] = [(root, "")]
    linked: list[tuple[str, str]] = []
    while stack or linked:
        if not stack:
            path, rel = linked.pop(0)
            try:
                st = os.stat(path)
            except OSError as exc:
                problems.append(LoadProblem(_shown(path), _why(exc, "broken symlink; skipped")))
                continue
            if (st.st_dev, st.st_ino) in visited:
                problems.append(LoadProblem(_shown(path), "symlink to a folder read already (a loop?); skipped"))
                continue
            visited.add((st.st_dev, st.st_ino))
            stack.append((path, rel))
        folder, rel_folder = stack.pop()
        try:
            fst = os.stat(folder) if record is not None else None
            with os.scandir(folder) as it:
                entries = sorted(it, key=_name)
        except OSError as exc:
            problems.append(LoadProblem(_shown(folder), _why(exc, "folder vanished")))
            if record is not None:
                record.probes.append((folder, signature(folder)))
            continue
        names: list[str] = []
        stats = array("q")
        inos = array("Q")
        subfolders = []
        for entry in entries:
            name = entry.name
            if name[0] == ".":
                continue
            rel = rel_folder + name
            if not name.isascii():
                try:
                    name.encode("utf-8")
                except UnicodeEncodeError:
                    problems.append(
                        LoadProblem(_shown(entry.path), "name is not valid UTF-8; skipped (rename it to read it)")
                    )
                    continue
            try:
                is_link = entry.is_symlink()
                if is_link and record is not None:  # what it points to can change elsewhere
                    record.probes.append((entry.path, signature(entry.path)))
                is_dir = entry.is_dir()
            except OSError:
                is_link, is_dir = False, False
            if is_dir:
                if ignored(name, rel) or entry.path in skipped:
                    continue
                if is_link:
                    linked.append((entry.path, rel + "/"))
                    continue
                try:
                    st = entry.stat()
                except OSError as exc:
                    problems.append(LoadProblem(_shown(entry.path), _why(exc, "folder vanished")))
                    continue
                if (st.st_dev, st.st_ino) not in visited:
                    visited.add((st.st_dev, st.st_ino))
                    subfolders.append((entry.path, rel + "/"))
                continue
            # the cheap test first: most names in a corpus folder are articles, and the
            # ignore globs are one regular expression matched twice
            dot = name.rfind(".")
            if (dot <= 0 or name[dot:].lower() not in _SUFFIX_SET) and not suffix_of(name):
                continue
            if ignored(name, rel):
                continue
            try:
                st = entry.stat()
            except OSError as exc:
                problems.append(LoadProblem(_shown(entry.path), _why(exc, "broken symlink; skipped")))
                continue
            if record is not None and not is_link:
                names.append(name)
                stats.append(st.st_mtime_ns)
                stats.append(st.st_size)
                inos.append(st.st_ino)
            if st.st_mode & 0o170000 == stat.S_IFREG:
                yield entry.path, rel, is_link, st.st_mtime_ns, st.st_size, st.st_dev, st.st_ino
            else:  # a named pipe, a socket, a device (or a link to one): said, never opened
                problems.append(LoadProblem(_shown(entry.path), not_regular(st.st_mode) or "skipped"))
        if record is not None and fst is not None:
            record.dirs.append(
                DirState(
                    folder,
                    (fst.st_dev, fst.st_ino, fst.st_mtime_ns, fst.st_ctime_ns),
                    tuple(names),
                    stats.tobytes(),
                    inos.tobytes(),
                )
            )
            # Later changes to its entries leave it as recorded only if both times are recent.
            if racy(fst.st_mtime_ns, record.started) and racy(fst.st_ctime_ns, record.started):
                record.racy_dirs = True
        stack.extend(reversed(subfolders))


_name = attrgetter("name")
_second, _third = itemgetter(1), itemgetter(2)
_id_path = attrgetter("id", "path")


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32, when the file starts with its byte-order mark (such files are
    full of NUL bytes, and are text all the same)."""
    return next((enc for bom, enc in _WIDE_BOMS if data.startswith(bom)), None)


def decode(data: bytes) -> tuple[str, str | None]:
    """Text and a warning when it was not UTF-8 (cp1252 is what such files usually are)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    wide = wide_encoding(data)
    if wide:
        bom = 4 if wide.startswith("utf-32") else 2
        body = data[bom:]
        unit = bom
        body = body[: len(body) - len(body) % unit]  # a file cut by max_bytes may end mid-character
        text = body.decode(wide, "replace")
        return text, (f"not valid {wide.upper()[:6]}; undecodable bytes shown as \ufffd" if "\ufffd" in text else None)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
    try:
        return data.decode("cp1252"), f"not valid UTF-8 ({where}); read as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"not valid UTF-8 ({where}); read as Latin-1"


def normalise(text: str) -> str:
    """Newlines to `\\n`; everything else stays exactly as in the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(data: bytes) -> bool:
    if wide_encoding(data):
        return False
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL))
    return control / len(head) > 0.1


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


class Reader:
    """Reads files into articles with the config's boilerplate patterns."""

    def __init__(self, boilerplate: Sequence[str] = (), max_bytes: int = 20_000_000) -> None:
        self.patterns = compile_patterns(boilerplate)
        self.max_bytes = max_bytes

    def read(self, src: SourceFile) -> tuple[list[Article], list[LoadProblem]]:
        """All articles in one file (several for .json/.jsonl and web archives), and any problems."""
        path = Path(src.path)
        suffix = suffix_of(path.name)
        fid = src.id or _clean_path(path.stem)
        if suffix in WARC_SUFFIXES:
            return self._read_warc(src, fid)
        problems: list[LoadProblem] = []
        try:
            with open_regular(src.path) as fh:
                data = fh.read(self.max_bytes + 1)
        except NotRegularFile as exc:
            return [], [LoadProblem(src.path, str(exc))]
        except OSError as exc:
            return [], [LoadProblem(src.path, _why(exc, "file vanished; skipped"))]
        if len(data) > self.max_bytes:
            data = data[: self.max_bytes]
            problems.append(
                LoadProblem(src.path, f"larger than {self.max_bytes} bytes; read the first part only", skipped=False)
            )
        if not data.strip():
            return [], [LoadProblem(src.path, "empty file; skipped")]
        if _looks_binary(data):
            return [], [LoadProblem(src.path, "binary file, not text; skipped")]
        try:
            if suffix in HTML_SUFFIXES:
                articles = [self._page(data, src, fid, src.rel, "", problems)]
            else:
                text, warning = decode(data)
                if warning:
                    problems.append(LoadProblem(src.path, warning, skipped=False))
                text = normalise(text)
                if suffix in (".json", ".jsonl"):
                    records = list(_json_records(text, suffix == ".jsonl", src.path, problems))
                    names = _record_ids([r.get("id") or i + 1 for i, r in enumerate(records)])
                    articles = [
                        self.build(
                            r.pop("text"),
                            path=src.path,
                            source=f"{src.rel}#{r.get('id') or i + 1}",
                            **{**r, "id": f"{fid}#{names[i]}"},
                        )
                        for i, r in enumerate(records)
                    ]
                elif suffix in (".md", ".markdown"):
                    body, meta = _front_matter(text, src.path, problems)
                    meta.pop("id", None)
                    articles = [self.build(body, path=src.path, id=fid, source=src.rel, **meta)]
                else:
                    articles = [self.build(text, path=src.path, id=fid, source=src.rel)]
        except Exception as exc:  # a parser bug must not stop the load of other files
            return [], problems + [LoadProblem(src.path, f"could not be read ({type(exc).__name__}: {exc}); skipped")]
        kept = [a for a in articles if a.text.strip()]
        if not kept:
            problems.append(LoadProblem(src.path, "no article text; skipped"))
        return kept, problems

    def _page(
        self, data: bytes, src: SourceFile, aid: str, source: str, url: str, problems: list[LoadProblem]
    ) -> Article:
        """A saved web page, read with trafilatura (see `index.web.page`)."""
        from .web.page import decode_html, read_page

        where = src.path if source == src.rel else f"{src.path}#{source.partition('#')[2]}"
        html, warning = decode_html(data)
        if warning:
            problems.append(LoadProblem(where, warning, skipped=False))
        page = read_page(normalise(html), url=url)
        if page.fallback and page.text.strip():  # an empty one is reported as such by the caller
            problems.append(LoadProblem(where, page.fallback, skipped=False))
        return self.build(page.text, path=src.path, id=aid, source=source, **page.meta())

    def _read_warc(self, src: SourceFile, fid: str) -> tuple[list[Article], list[LoadProblem]]:
        """Every HTML page a web archive holds, one article each (id `archive#host/path`)."""
        from .web.warc import html_records, url_id

        problems: list[LoadProblem] = []
        pages: list[tuple[str, Article]] = []
        hashes: set[str] = set()
        for rec in html_records(src.path, self.max_bytes, problems):
            try:
                art = self._page(rec.body, src, fid, f"{src.rel}#{rec.url}", rec.url, problems)
            except Exception as exc:  # one odd record must not lose the rest of the archive
                problems.append(
                    LoadProblem(f"{src.path}#{rec.url}", f"could not be read ({type(exc).__name__}); skipped")
                )
                continue
            if not art.text.strip():
                problems.append(LoadProblem(f"{src.path}#{rec.url}", "no article text; skipped"))
            elif art.content_hash not in hashes:  # the same page captured twice is one article
                hashes.add(art.content_hash)
                pages.append((rec.url, art))
        if not pages and not any(p.skipped and p.path == src.path for p in problems):
            damaged = any(p.path == src.path for p in problems)
            problems = [p for p in problems if p.path != src.path]  # one line says it all
            what = "not a web archive, or one too damaged to read" if damaged else "no HTML pages in this web archive"
            problems.append(LoadProblem(src.path, f"{what}; skipped"))
        names = _record_ids([url_id(url) for url, _ in pages])  # in archive order: a later capture is `~2`
        return [replace(art, id=f"{fid}#{name}") for (_, art), name in zip(pages, names)], problems

    def build(self, text: str, *, path: str = "", id: str = "", source: str = "", **meta: Any) -> Article:
        """An `Article` from text plus whatever metadata the file gave; the rest is found."""
        text = normalise(text)
        boiler = find_boilerplate(text, self.patterns)
        found = extract_metadata(text, boiler)
        given = {k: str(v).strip() for k, v in meta.items() if v not in (None, "") and k in _META_KEYS}
        title = given.get("title") or found.title
        title_span = found.title_span if not given.get("title") or given["title"] == found.title else None
        return Article(
            id=id or _clean_id(given.get("id") or "article"),
            text=text,
            title=title or "(untitled)",
            outlet=given.get("outlet") or found.outlet,
            date=_iso_date(given.get("date", "")) or found.date,
            author=given.get("author") or found.author,
            url=given.get("url", ""),
            dateline=found.dateline,
            path=path,
            source=source,
            content_hash=content_hash(text),
            boilerplate=boiler,
            title_span=title_span,
        )


def _record_ids(raw: Sequence[Any]) -> list[str]:
    """Record names inside one file, made unique in file order (`x`, `x~2`)."""
    out: list[str] = []
    taken: set[str] = set()
    for r in raw:
        name = _clean_path(str(r)) or "record"
        if name in taken:
            k = 2
            while f"{name}~{k}" in taken:
                k += 1
            name = f"{name}~{k}"
        taken.add(name)
        out.append(name)
    return out


_META_KEYS = {"id", "title", "outlet", "date", "author", "url"}


def _clean_id(raw: str) -> str:
    return re.sub(r"[^\w.~-]+", "_", raw.strip())[:120] or "article"


def _iso_date(raw: str) -> str:
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", raw)
    if m:
        return m.group(0)
    from .clean import _find_date

    return _find_date(raw)


def _json_records(text: str, lines: bool, path: str, problems: list[LoadProblem]) -> Iterator[dict[str, Any]]:
    if lines:
        docs: list[Any] = []
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as exc:
                problems.append(LoadProblem(f"{path}:{n}", f"invalid JSON ({exc.msg}); line skipped"))
            except RecursionError:
                problems.append(LoadProblem(f"{path}:{n}", "JSON nested too deeply; line skipped"))
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append(LoadProblem(path, f"invalid JSON at line {exc.lineno}: {exc.msg}; skipped"))
            return
        except RecursionError:
            problems.append(LoadProblem(path, "JSON nested too deeply; skipped"))
            return
        docs = data if isinstance(data, list) else [data]
    for n, doc in enumerate(docs, 1):
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            problems.append(LoadProblem(f"{path}#{n}", "record without a `text` field; skipped"))
            continue
        yield {k: doc.get(k) for k in _META_KEYS | {"text"}}


def _front_matter(text: str, path: str, problems: list[LoadProblem]) -> tuple[str, dict[str, Any]]:
    """YAML front matter (`---` ... `---`) of a Markdown file; the body is the article."""
    m = re.match(r"---\n(.*?)\n(?:---|\.\.\.)\n", text[: MAX_FRONT_MATTER + 16], re.S)
    if not m:
        return text, {}
    try:
        meta = safe_yaml.load(m.group(1)) or {}
    except safe_yaml.YamlRefused as exc:
        problems.append(
            LoadProblem(path, f"front matter refused ({exc}, line {exc.line}); read as text", skipped=False)
        )
        return text, {}
    except yaml.YAMLError as exc:
        problems.append(
            LoadProblem(path, f"front matter is not valid YAML ({exc.__class__.__name__}); read as text", skipped=False)
        )
        return text, {}
    if not isinstance(meta, dict):
        return text, {}
    # a title, outlet or date is a line, not a book: longer values are cut
    return text[m.end() :], {k: _capped(meta[k]) for k in meta if k in _META_KEYS}


def _capped(value: Any) -> Any:
    return value[:MAX_META_CHARS] if isinstance(value, str) else value


def unique_ids(articles: list[Article]) -> list[Article]:
    """Ids are unique by construction (`discover`); should two still meet, the later one
    gets `~2`, `~3`, so no article is lost."""
    seen: set[str] = set()
    out = []
    for a in articles:
        aid, n = a.id, 1
        while aid in seen:
            n += 1
            aid = f"{a.id}~{n}"
        seen.add(aid)
        out.append(a if aid == a.id else replace(a, id=aid))
    return out


def load_corpus(
    folders: Iterable[Path],
    *,
    include_seeds: bool = True,
    boilerplate: Sequence[str] = (),
    max_bytes: int = 20_000_000,
    ignore: Sequence[str] = (),
) -> tuple[list[Article], list[LoadProblem]]:
    """Every article under the folders (no index involved): for tests and the CLI."""
    files, problems = discover(folders, include_seeds, ignore)
    reader = Reader(boilerplate, max_bytes)
    articles: list[Article] = []
    for src in files:
        got, probs = reader.read(src)
        articles.extend(got)
        problems.extend(probs)
    return unique_ids(articles), problems


def boilerplate_spans(article: Article) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in article.boilerplate]


__all__ = ["SourceFile", "Reader", "discover", "load_corpus", "unique_ids", "content_hash", "Span"]
