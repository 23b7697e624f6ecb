"""The one facade the app and the command line call.

`Library` owns the config, the corpus files, the Whoosh index (a cache) and the tag
store (user data). It returns plain dataclasses; nothing here knows about Textual.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .catalogue import (
    SCHEMA_VERSION,
    BackgroundCatalogueWriter,
    Catalogue,
    CatalogueWriter,
    ScanRows,
    Stored,
    index_files,
    latest_generation,
)
from .config import APP_NAME, Config, load_config
from .models import Article, ArticleInfo, IndexReport, LoadProblem, Quote, SearchResult

if TYPE_CHECKING:
    from .align import Alignment, CorpusModel, DiffOp, VariantGroup
    from .corpus import SourceFile
    from .snapshot import Snapshot
    from .speakers import SpeakerRegistry
    from .tag_identity import Places
    from .tags import Tag, TagStore

Progress = Callable[[int, int], None]
CACHED_ARTICLES = 64  # opened articles kept in memory (texts and quotes; the rest stay on disk)
RANK_ALL_UP_TO = 5000  # articles; a larger corpus ranks Whoosh's RANK_CANDIDATES most alike instead
RANK_CANDIDATES = 300
BATCH_SECONDS = 10.0  # a long build commits this often, so its first part is searchable
COMMIT_SPACING = 4.0  # ...and waits at least this many times as long as the last commit took
# A build nobody watches (`quotewire index`, a first `quotewire search`) commits after
# UNWATCHED_BATCHES batches and then at intervals four times as long: each commit of a
# parallel build leaves a segment per worker, which every search reads, and stops the
# workers while the segments are published. A 100,000-article build made six commits
# (twelve segments); now two or three, and an interrupted build keeps what it committed.
UNWATCHED_BATCHES = 6
# ...unless the rest will be done within this many seconds: an intermediate commit leaves a
# segment that the final commit merges again (on BBC, a third of the build's time).
FINISH_WITHOUT_COMMIT = 15.0
# A build with nothing listed yet (a first build, a rebuild) that someone watches commits
# early and then at doubling intervals, so the first articles are listed and searchable
# within about two seconds and the list grows as the build goes, whatever is left to read.
FIRST_COMMIT = 1.0


def cache_root(config: Config) -> Path:
    if config.index_dir:
        return config.index_dir
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def data_root(config: Config) -> Path:
    if config.data_dir:
        return config.data_dir
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


class IndexBusy(Exception):
    """Another quotewire is updating this index right now."""

    def __init__(self, lock: str, waited: float = 0.0) -> None:
        super().__init__(lock)
        self.lock, self.waited = lock, waited

    def __str__(self) -> str:
        return (
            f"another quotewire has been updating the index for over {self.waited:.0f} s ({self.lock}); "
            "try again when it is done"
        )


class IndexStorageError(Exception):
    """The index could not be written (a full disk, a read-only cache): one line for the user."""


def _storage_problem(exc: BaseException, where: Path) -> IndexStorageError | None:
    """A user's one line for a write to the cache that failed for lack of space or rights."""
    import errno

    full = (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)) or (
        isinstance(exc, sqlite3.OperationalError) and "full" in str(exc)
    )
    if full:
        return IndexStorageError(
            f"{where}: no space left on the disk for the index (a cache); it was not updated. "
            "Free some space, then run `quotewire index`"
        )
    denied = (isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)) or (
        isinstance(exc, sqlite3.OperationalError) and ("readonly" in str(exc) or "unable to open" in str(exc))
    )
    if denied:
        why = exc.strerror if isinstance(exc, OSError) else str(exc)
        return IndexStorageError(
            f"{where}: the index (a cache) cannot be written there ({why}); it was not updated. "
            "Make the folder writable or name another with paths.index_dir, then run `quotewire index`"
        )
    return None


@contextmanager
def _update_lock(path: Path, wait: float, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """An exclusive lock on the index update; released by the OS if we die.

    ``on_wait`` is called once if another copy holds it, so that the user is told why
    nothing happens; after ``wait`` seconds `IndexBusy` is raised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
    began = time.monotonic()
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - began
                if waited >= wait:
                    raise IndexBusy(str(path), waited) from None
                if on_wait is not None:
                    on_wait()
                    on_wait = None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)


@dataclass
class Library:
    config: Config
    corpus: tuple[Path, ...] = ()
    index_dir: Path = field(init=False)
    _ix: Any = field(init=False, default=None)
    # Every article's listing record, read from the catalogue when first asked for (None:
    # not read yet): the command line prints a few and never needs them all.
    _info: dict[str, ArticleInfo] | None = field(init=False, default=None)
    _info_generation: int | None = field(init=False, default=None)  # the catalogue's, when read
    _catalogue: Catalogue = field(init=False)
    _filtering: Catalogue = field(init=False)
    _recent: OrderedDict[str, Stored] = field(init=False, default_factory=OrderedDict)
    _recent_lock: threading.Lock = field(init=False, default_factory=threading.Lock)
    _recent_epoch: int = field(init=False, default=0)  # bumped when the catalogue changes
    _registry: SpeakerRegistry | None = field(init=False, default=None)
    _tags: TagStore | None = field(init=False, default=None)
    _places: tuple[dict[str, ArticleInfo], Places] | None = field(init=False, default=None)
    _model: tuple[str, CorpusModel] | None = field(init=False, default=None)
    _variants: tuple[tuple[str, str], list[VariantGroup]] | None = field(init=False, default=None)
    _key: tuple[dict[str, ArticleInfo], str] | None = field(init=False, default=None)
    _searcher: Any = field(init=False, default=None)
    _search_lock: threading.Lock = field(init=False, default_factory=threading.Lock)
    _extraction: str | None = field(init=False, default=None)
    problems: list[LoadProblem] = field(init=False, default_factory=list)
    damaged: str | None = field(init=False, default=None)  # set when a search met a damaged index
    _open_damage: LoadProblem | None = field(init=False, default=None)  # an index that would not open
    # The stat of every file, started ahead in a child process (`check_ahead`), with the
    # scan it checks against.
    _probe: tuple[dict[str, Any], Any] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        # Resolved once here: symlinked folders name one index whichever way they are reached.
        # A path that cannot be resolved (a loop) stays as given and is reported by `update`.
        folders = tuple(dict.fromkeys(_resolved(Path(p)) for p in (*self.config.corpus_folders, *self.corpus)))
        self.corpus = folders
        # The bundled seeds are the corpus only when no folder is named.
        ident = "\n".join([str(self.config.include_seeds and not folders), *map(str, sorted(folders))])
        digest = hashlib.blake2b(ident.encode(), digest_size=6).hexdigest()
        self.index_dir = cache_root(self.config) / "index" / f"v{SCHEMA_VERSION}-{digest}"
        self._catalogue = Catalogue(self.index_dir)
        # The quotes screen's filter as it is typed, on a connection of its own so that a
        # stale query can be interrupted without touching anyone else's.
        self._filtering = Catalogue(self.index_dir)
        # each name the speakers list shows -> the stored names merged into it (speakers())
        self._speaker_variants: dict[str, list[str]] = {}

    @classmethod
    def open(
        cls,
        config_file: Path | None = None,
        corpus: Sequence[Path] = (),
        *,
        use_user_config: bool = True,
        include_seeds: bool | None = None,
    ) -> Library:
        config = load_config(config_file, use_user_config=use_user_config)
        if include_seeds is not None:
            config = replace(config, include_seeds=include_seeds)
        return cls(config, tuple(corpus))

    # --- the index ---------------------------------------------------------------------------

    @property
    def registry(self) -> SpeakerRegistry:
        if self._registry is None:
            from .speakers import SpeakerRegistry

            self._registry = SpeakerRegistry.from_config(self.config.speaker_entries)
        return self._registry

    def _open_index(self) -> bool:
        from . import search as search_mod

        damage: list[str] = []
        ix, rebuilt = search_mod.open_or_create(self.index_dir, damage)
        if damage:
            self._open_damage = LoadProblem(str(self.index_dir), f"{damage[0]}: damaged; the index is rebuilt", False)
        with self._search_lock:
            if self._searcher is not None:  # it reads the files of the index we replace
                self._searcher.close()
                self._searcher = None
            self._ix = ix
        return rebuilt

    def _open_for_reading(self) -> bool:
        """Open the index as it is, without creating or repairing it (that is `update`'s
        job, under its lock: a reader that rebuilt a broken index could delete one another
        copy is writing). False if there is none to read; raises what opening it raised."""
        if self._ix is not None:
            return True
        from . import search as search_mod

        ix = search_mod.open_existing(self.index_dir)
        if ix is None:
            return False
        with self._search_lock:
            if self._ix is None:
                self._ix = ix
        return True

    def _readable(self) -> bool:
        """`_open_for_reading` for what can do without the index (highlights in the reader,
        ranking for compare): a failure is the search's to report."""
        try:
            return self._open_for_reading()
        except Exception:
            return False

    def cache_size(self) -> int:
        """Bytes of the cached catalogue (0 if none): lets the UI decide how to load it."""
        try:
            return self._catalogue.path.stat().st_size
        except OSError:
            return 0

    def load_cached(self) -> bool:
        """Open what the index already holds, without touching the corpus (fast start)."""
        generation = self._catalogue.generation()
        self._set_info(self._catalogue.infos() if self._catalogue.listable() else {}, generation)
        return bool(self._info)

    def _set_info(self, info: dict[str, ArticleInfo] | None, generation: int | None = None) -> None:
        self._info = info
        self._info_generation = generation
        with self._recent_lock:
            self._recent.clear()
            self._recent_epoch += 1

    def _infos(self) -> dict[str, ArticleInfo]:
        if self._info is None:
            self.load_cached()
        return self._info or {}

    def warm(self) -> None:
        """Load the search engine and open a searcher ahead of the first query (~0.2 s).

        Only over an index that is there and whole: creating or repairing one is for
        `update`, under its lock."""
        if not self._catalogue.current():
            return
        try:
            self.search("warm", limit=1, suggest=False)
        except Exception:  # a missing or broken index is dealt with by `update`
            pass

    def update(
        self,
        *,
        rebuild: bool = False,
        progress: Progress | None = None,
        wait: float = 60.0,
        committed: Callable[[], None] | None = None,
        on_wait: Callable[[], None] | None = None,
    ) -> IndexReport:
        """Bring the index in line with the files: read only what is new or changed.

        A long build commits every `BATCH_SECONDS`, so what is indexed so far can be
        searched (`committed` is called then) while the rest is still being read.
        """
        try:
            return self._update_locked(rebuild, progress, wait, committed, on_wait)
        except (OSError, sqlite3.OperationalError) as exc:
            problem = _storage_problem(exc, cache_root(self.config))
            if problem is None:
                raise
            self._after_failed_write()
            raise problem from exc
        finally:
            self._drop_probe()  # (a rebuild, a damaged index: the files were never compared)

    def _after_failed_write(self) -> None:
        """A build that could not be written leaves no half index taking the space: a
        first build (nothing whole to keep) is removed; a whole older index is kept."""
        from . import search as search_mod

        try:
            if not self._catalogue.current():
                self._remove_index()
                search_mod.remove_index(self.index_dir)
        except OSError:
            pass

    def _update_locked(
        self,
        rebuild: bool,
        progress: Progress | None,
        wait: float,
        committed: Callable[[], None] | None,
        on_wait: Callable[[], None] | None,
    ) -> IndexReport:
        with _update_lock(self.index_dir.parent / f"{self.index_dir.name}.lock", wait, on_wait):
            damaged = None if rebuild else self._damage_found()
            if damaged is not None:
                rebuild = True
            last = None if rebuild else self._last_scan()
            if last is not None:
                report = self._unchanged(*last)
                if report is not None:
                    self.problems = list(report.problems)
                    return report
            if rebuild:
                self._remove_index()
            # Opened (and checked) afresh, even if a search opened it: files damaged since the
            # last update are found here, under the lock, and the index rebuilt.
            rebuilt = self._open_index()
            current = self._catalogue.current()
            if not current:
                # No catalogue for this generation (a crash between the two commits, or an
                # index from elsewhere): the index is a cache, start again.
                rebuilt = rebuilt or rebuild or not self._ix.is_empty()
                self._remove_index()
                self._open_index()
            if current and self._catalogue.extraction() != self.extraction_key():
                # Quotes and cleaned texts made by another version of the extractor, or
                # with other speakers, speech verbs or boilerplate: read everything again.
                rebuilt = True
                self._remove_index()
                self._open_index()
                current = self._catalogue.current()
            old = self._catalogue.infos() if current else {}
            if current and not old and not self._ix.is_empty():
                # An unreadable catalogue over a full index: adding every article again
                # would duplicate them all. Start again instead.
                rebuilt = True
                self._remove_index()
                self._open_index()
            racy = frozenset(last[1].racy) if last is not None else frozenset()
            report = self._update(old, rebuilt or rebuild, progress, committed, racy)
        damaged = damaged or self._open_damage
        self._open_damage = None
        if damaged is not None:
            report = replace(report, problems=(damaged, *report.problems))
        self.problems = list(report.problems)
        return report

    # --- damage to the index (see index/integrity.py) ----------------------------------------

    def _damage_found(self) -> LoadProblem | None:
        """The cheap check before an update: a file of the index changed since it was
        written. The index is then rebuilt, and the report says why in one line."""
        from . import integrity

        damage = integrity.quick_check(self.index_dir)
        if damage is None:
            return None
        where = f"{damage.where}: " if damage.where else ""
        return LoadProblem(str(damage.path), f"{where}damaged since it was written; the index is rebuilt", False)

    def check_index(self, progress: Progress | None = None) -> tuple[list[str], IndexReport | None]:
        """`quotewire index --check`: every file of the index verified (checksums, and
        SQLite's integrity check of the catalogue); when any is damaged the index is
        rebuilt. Returns one line per damaged file, and the rebuild's report if any."""
        from . import integrity

        with _update_lock(self.index_dir.parent / f"{self.index_dir.name}.lock", 60.0):
            found = [str(d) for d in integrity.full_check(self.index_dir)]
            if not found and not integrity.vouched(self.index_dir):
                found = self._whoosh_problems()
        if not found:
            return [], None
        self._remove_index()
        return found, self.update(rebuild=True, progress=progress)

    def _whoosh_problems(self) -> list[str]:
        """With no checksums to compare (an index from before them, or a build that was
        killed): read every stored document and every posting list once."""
        if not (self.index_dir / "quotewire-index.json").exists():
            return []
        try:
            from whoosh import index as whoosh_index

            ix = whoosh_index.open_dir(str(self.index_dir))
            with ix.searcher() as s:
                reader = s.reader()
                for docnum in reader.all_doc_ids():
                    reader.stored_fields(docnum)
                for fieldname, text in reader.all_terms():
                    list(reader.postings(fieldname, text).all_ids())
        except Exception as exc:  # any failure to read it back is damage: the index is a cache
            return [f"{self.index_dir}: the search index cannot be read back ({type(exc).__name__}: {exc})"]
        return []

    def _damage_behind(self, exc: BaseException) -> str | None:
        """Whether an error from the search engine comes from a damaged file (then the
        index is marked for a rebuild and a line returned), or is a fault of ours."""
        import pickle
        import struct
        import zlib

        from . import integrity

        found = integrity.full_check(self.index_dir)
        if not found and integrity.vouched(self.index_dir):
            return None  # every file is as it was written: not damage
        if not found and not isinstance(exc, (struct.error, zlib.error, EOFError, pickle.UnpicklingError)):
            if type(exc).__name__ != "CorruptIndexError":
                return None
        damage = found[0] if found else integrity.Damage(self.index_dir, f"cannot be read: {type(exc).__name__}")
        integrity.mark_damaged(self.index_dir, damage)
        what = str(damage)
        self.damaged = what
        return what

    # --- telling that nothing changed -----------------------------------------------------------

    def _scan_key(self) -> str:
        """What decides which files a scan finds and the ids they get, besides the files."""
        cfg = self.config
        return json.dumps(
            [
                [str(p) for p in self.corpus],
                cfg.include_seeds,
                list(cfg.corpus_ignore),
                [str(cache_root(cfg)), str(data_root(cfg))],
                str(Path(__file__).resolve().parent / "seed"),  # corpus.SEED_DIR, not imported for it
            ]
        )

    def _last_scan(self) -> tuple[dict[str, Any], Snapshot] | None:
        """The corpus as the last complete update found it, if it was scanned as now."""
        from .snapshot import Snapshot

        rows = self._catalogue.scan()
        if rows is None:
            return None
        try:
            head = json.loads(rows[0])
            if head.get("key") != self._scan_key() or not _SCAN_KEYS <= head.keys():
                return None
            return head, Snapshot.from_rows(head, rows[1])
        except (ValueError, KeyError, TypeError):  # written by another version: walk instead
            return None

    def _trusted(self, scan: _Scanned) -> ScanRows:
        """A scan as stored, with the index's own files as they are now it is published: an
        update that trusts the scan trusts the index only while these are as they were."""
        head, dirs = scan
        return json.dumps({**head, "index_files": index_files(self.index_dir)}), dirs

    def check_ahead(self) -> None:
        """Start telling whether the corpus files changed since the last update, in a child
        process (`snapshot.Probe`), so that the next `update` finds the answer ready: the
        command line searches meanwhile. Only where a process can be forked safely (Linux,
        no thread running yet); elsewhere `update` stats the files itself."""
        from .snapshot import Probe, can_fork

        if self._probe is not None or not can_fork():
            return
        last = self._last_scan()
        if last is None:
            return
        probe = Probe.start(last[1].unchanged)
        if probe is not None:
            self._probe = (last[0], probe)

    def _drop_probe(self) -> None:
        probe, self._probe = self._probe, None
        if probe is not None:
            probe[1].cancel()

    def _files_unchanged(self, head: dict[str, Any], snapshot: Snapshot) -> bool:
        """`snapshot.unchanged()`, from the child `check_ahead` started when it checked
        this same scan (read again here, under the lock: another copy may have replaced it)."""
        probe, self._probe = self._probe, None
        if probe is not None:
            answer = probe[1].result()
            if probe[0] == head:
                return answer
        return snapshot.unchanged()

    def _unchanged(self, head: dict[str, Any], snapshot: Snapshot) -> IndexReport | None:
        """The report of an update that finds nothing to do, told by `stat` alone (see
        `snapshot.Snapshot`); None when the corpus must be walked and compared."""
        try:
            return self._unchanged_files(head, snapshot)
        finally:
            self._drop_probe()  # not asked for: the corpus is walked anyway

    def _unchanged_files(self, head: dict[str, Any], snapshot: Snapshot) -> IndexReport | None:
        cat = self._catalogue
        if not cat.current() or cat.extraction() != self.extraction_key():
            return None
        if cat.count() != head["articles"]:  # rows lost from a catalogue that says it is whole
            return None
        if index_files(self.index_dir) != head["index_files"]:  # the index was touched since
            return None
        if not self._files_unchanged(head, snapshot):
            return None
        problems = [LoadProblem(*p) for p in head["problems"]]
        if head["skipped"]:
            # Files that gave no article are read again at every update, as when walking:
            # a problem is reported each time, and a file that can now be read is noticed.
            from .corpus import Reader, SourceFile

            reader = Reader(self.config.boilerplate, self.config.max_bytes)
            for fields in head["skipped"]:
                articles, probs = reader.read(SourceFile(*fields))
                if articles:
                    return None
                problems.extend(probs)
        if self._info is not None and self._info_generation != cat.generation():
            self._set_info(None)  # another copy has committed since these were read
        return IndexReport(unchanged=int(head["articles"]), problems=tuple(problems))

    def extraction_key(self) -> str:
        """What the stored quotes and texts depend on: the code that cleans articles and
        extracts quotes, and the config's speakers, speech verbs and boilerplate. Stored
        with each commit; a different one makes `update` read the corpus again."""
        if self._extraction is None:
            h = hashlib.blake2b(digest_size=8)
            try:
                for path in _extraction_sources():
                    h.update(path.name.encode())
                    h.update(path.read_bytes())
            except OSError:  # no sources beside the bytecode (a frozen build): the version
                from importlib.metadata import version

                h.update(version("quotewire").encode())
            from .web.page import extractor_versions

            h.update(extractor_versions().encode())  # a new trafilatura reads every page again
            cfg = self.config
            h.update(repr((cfg.speaker_entries, cfg.speech_verbs, cfg.boilerplate, cfg.max_bytes)).encode())
            self._extraction = h.hexdigest()
        return self._extraction

    def _remove_index(self) -> None:
        from . import search as search_mod

        self._catalogue.close()
        self._filtering.close()
        with self._search_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._ix = None
        search_mod.remove_index(self.index_dir)
        self._set_info({})  # nothing is listed that is not in the index being built

    def _update(
        self,
        old: dict[str, ArticleInfo],
        rebuilt: bool,
        progress: Progress | None,
        committed: Callable[[], None] | None,
        racy: frozenset[str] = frozenset(),
    ) -> IndexReport:
        from . import search as search_mod
        from .corpus import scan
        from .ingest import Build, Indexed, Segments

        own = (cache_root(self.config), data_root(self.config))
        found = scan(self.corpus, self.config.include_seeds, self.config.corpus_ignore, own)
        files, problems = found.files(), list(found.problems)
        walk_problems = list(problems)
        old_by_path: dict[str, list[ArticleInfo]] = {}
        for info in old.values():
            old_by_path.setdefault(info.path, []).append(info)
        current = {f.path for f in files}
        # A file changed too close to the last scan may have changed again in the same clock
        # tick, its stat left as it was: read it again (see `snapshot.Snapshot`).
        to_read = [
            f
            for f in files
            if not _same_stat(f, old_by_path.get(f.path)) or not _same_id(f, old_by_path[f.path]) or f.path in racy
        ]
        read_paths = {f.path for f in to_read}
        removed_paths = [p for p in old_by_path if p not in current]
        taken = {i.id for p, infos in old_by_path.items() if p in current and p not in read_paths for i in infos}
        added = updated = unchanged = removed = 0

        def scanned(skipped: Sequence[SourceFile], articles: int) -> _Scanned:
            head, dirs = found.snapshot.to_rows()
            head.update(
                key=self._scan_key(),
                problems=[[p.path, p.message, p.skipped] for p in walk_problems],
                skipped=[[f.path, f.mtime_ns, f.size, f.rel, f.id] for f in skipped],
                articles=articles,
            )
            return head, dirs

        if not to_read and not removed_paths:
            self._set_info(dict(old), self._catalogue.generation())
            if self._catalogue.current():  # keep this scan, so the next update can trust it
                scan_writer = CatalogueWriter(self.index_dir)
                try:
                    scan_writer.commit(
                        latest_generation(self.index_dir), self.extraction_key(), self._trusted(scanned((), len(old)))
                    )
                finally:
                    scan_writer.close()
                _record_checksums(self.index_dir)  # the catalogue was written: vouch for it as it is
            return IndexReport(
                unchanged=sum(len(v) for v in old_by_path.values()), rebuilt=rebuilt, problems=tuple(problems)
            )
        skipped: list[SourceFile] = []  # files read that gave no article
        writer = search_mod.IndexWriter(self._ix, self.registry.search_terms)
        catalogue = BackgroundCatalogueWriter(self.index_dir)
        articles = set(old)  # the ids catalogued once this update is done
        began_at = last_commit = time.monotonic()
        # The list is empty until the first commit: when someone is waiting to see it (the
        # app passes `committed`), commit early. A build nobody watches (`quotewire index`)
        # commits seldom (UNWATCHED_BATCHES).
        showing_nothing = not old and committed is not None
        watched = committed is not None
        if showing_nothing:
            interval = min(FIRST_COMMIT, BATCH_SECONDS)
        else:
            interval = BATCH_SECONDS if watched else UNWATCHED_BATCHES * BATCH_SECONDS
        try:
            for path in removed_paths:
                for info in old_by_path[path]:
                    writer.remove(info.id)
                    catalogue.remove(info.id)
                    articles.discard(info.id)
                    removed += 1
            # Every file read again gives up its ids first: an id can pass from one file to
            # another (`story` from story.html to a new story.txt), and removing a file's old
            # ids after another file took one would remove the newcomer.
            for src in to_read:
                for info in old_by_path.get(src.path, []):
                    writer.remove(info.id)
                    catalogue.remove(info.id)
                    articles.discard(info.id)
            total = len(to_read)
            jobs = [(src, frozenset(i.content_hash for i in old_by_path.get(src.path, []))) for src in to_read]
            search_mod.clear_builders(self.index_dir)
            build = Build(self.config, jobs, self.index_dir)
            flushing = False
            n = 0
            # Documents a worker indexed under an id this loop then changed (a clash): taken
            # out of its segment when it comes, and indexed here under the new id.
            dropped: dict[int, list[int]] = {}
            for item in build:
                if isinstance(item, Segments):
                    segments = []
                    for w, segment in item.segments:
                        if segment is not None:
                            for docnum in dropped.pop(w, ()):
                                segment.delete_document(docnum)
                            segments.append(segment)
                    if item.final:
                        self._commit(writer, catalogue, scan=scanned(skipped, len(articles)), segments=segments)
                        break
                    began = time.monotonic()
                    self._commit(writer, catalogue, final=False, segments=segments)
                    writer = search_mod.IndexWriter(self._ix, self.registry.search_terms)
                    last_commit = time.monotonic()
                    # Space commits out as the index grows, so that committing takes at
                    # most about a fifth of the build, and each batch twice as long as
                    # the last: every commit of a parallel build leaves a segment per worker.
                    # (A first build someone watches commits after FIRST_COMMIT, then at
                    # doubling intervals, so the list fills while it runs.)
                    spacing = COMMIT_SPACING * (last_commit - began)
                    if showing_nothing:
                        interval = max(spacing, 2 * interval)
                    else:
                        interval = max(BATCH_SECONDS, spacing, (2 if watched else 4) * interval)
                    flushing = False
                    if committed:
                        committed()
                    continue
                parsed = item
                n += 1
                src = parsed.src
                problems.extend(parsed.problems)
                if not parsed.articles:
                    skipped.append(src)
                by_hash = {i.content_hash: i for i in old_by_path.get(src.path, [])}
                old_ids = {i.id for i in old_by_path.get(src.path, [])}
                kept = (
                    {i.id: self._catalogue.get(i.id) for i in by_hash.values()}
                    if any(q is None for _, q, _ in parsed.articles)
                    else {}
                )
                new_ids = set()
                for art, quotes, content in parsed.articles:
                    was = art.id
                    art, quotes = _unique(art, quotes, taken)
                    taken.add(art.id)
                    new_ids.add(art.id)
                    prev_info = by_hash.get(art.content_hash)
                    prev = kept.get(prev_info.id) if prev_info else None
                    if quotes is None and prev is not None and prev.article.id == art.id:
                        quotes = list(prev.quotes)
                        unchanged += 1
                    else:
                        if quotes is None:  # same text as before, but under another id now
                            quotes = [replace(q, article=art.id) for q in prev.quotes] if prev else []
                        if art.id in old_ids:
                            updated += 1
                        else:
                            added += 1
                    if not isinstance(content, Indexed):
                        writer.add(art, quotes, content)
                    elif art.id != was:
                        dropped.setdefault(content.worker, []).append(content.docnum)
                        writer.add(art, quotes)
                    st = Stored.make(art, src.mtime_ns, src.size, quotes)
                    catalogue.add(st)
                    articles.add(art.id)
                removed += len(old_ids - new_ids)
                if progress:
                    progress(n, total)
                now = time.monotonic()
                left = (now - began_at) / n * (total - n)  # seconds, at the pace so far
                early = showing_nothing and interval < BATCH_SECONDS and left > interval
                if (
                    n < total
                    and not flushing
                    and now - last_commit > interval
                    and (early or left > FINISH_WITHOUT_COMMIT)
                ):
                    build.flush()  # the files already sent are yielded first, then the segments
                    flushing = True
        except BaseException:
            writer.cancel()
            raise
        finally:
            catalogue.close()
        _record_checksums(self.index_dir)
        unchanged += sum(len(v) for p, v in old_by_path.items() if p in current and p not in read_paths)
        return IndexReport(added, updated, removed, unchanged, rebuilt, tuple(problems))

    def _commit(
        self,
        writer: Any,
        catalogue: BackgroundCatalogueWriter,
        *,
        final: bool = True,
        scan: _Scanned | None = None,
        segments: Sequence[Any] = (),
    ) -> None:
        """The catalogue first, then Whoosh: a search never finds an article not yet catalogued.

        `scan` goes with the final commit only, once Whoosh has published (after an
        intermediate commit the files are not yet all read, and the next update must compare
        them; after a crash before it, too)."""
        generation, extraction = writer.generation, self.extraction_key()
        writer.commit(
            merge=final, before_publishing=lambda: catalogue.commit(generation, extraction), segments=segments
        )
        if scan is not None:
            catalogue.commit(generation, extraction, self._trusted(scan))
        self._ix = self._ix.refresh()
        # Each article's listing record is read from the catalogue when next asked for: kept
        # here through a build, 100,000 of them held 60 MB the command line never needs.
        self._set_info(None)

    # --- reading -------------------------------------------------------------------------------

    def articles(self) -> list[ArticleInfo]:
        """Every article, without its text (open one with `article`)."""
        return list(self._infos().values())

    def _get(self, article_id: str) -> Stored | None:
        """An article with its quotes, from the catalogue on disk; the last few stay in memory."""
        with self._recent_lock:
            st = self._recent.get(article_id)
            if st is not None:
                self._recent.move_to_end(article_id)
                return st
            epoch = self._recent_epoch
        if self._info is not None and article_id not in self._info:
            return None
        st = self._catalogue.get(article_id)
        if st is not None:
            with self._recent_lock:
                if epoch != self._recent_epoch:
                    return st  # a commit came in meanwhile: this read may be the old text, keep it out
                self._recent[article_id] = st
                while len(self._recent) > CACHED_ARTICLES:
                    self._recent.popitem(last=False)
        return st

    def article(self, article_id: str) -> Article | None:
        st = self._get(article_id)
        return st.article if st else None

    def iter_articles(self, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """Articles with their texts (all, or those `ids`, in no set order), read from the
        catalogue a chunk at a time: a large corpus is never held whole."""
        return self._catalogue.iter_articles(ids)

    def _article(self, article_id: str) -> Article:
        art = self.article(article_id)
        if art is None:
            raise KeyError(article_id)
        return art

    def quotes(self, article_id: str | None = None, *, speaker: str | None = None) -> list[Quote]:
        """One article's quotes, or the whole corpus's (read from disk: large on a large corpus)."""
        reg = self.registry
        if article_id is not None:
            st = self._get(article_id)
            out = list(st.quotes) if st else []
        elif speaker:
            # The speakers the name or alias means, then their quotes by the catalogue's
            # speaker index: reading every article took seconds on a large corpus.
            names = [name for name, _ in self.speakers() if name and reg.matches(speaker, name)]
            names = [v for name in names for v in self._speaker_variants.get(name, [name])]
            return sorted(
                (q for name in names for q in self._catalogue.quotes(speaker=name)), key=lambda q: (q.article, q.start)
            )
        else:
            out = [q for st in map(self._get_uncached, self._infos()) if st for q in st.quotes]
        if speaker:
            out = [q for q in out if q.speaker and reg.matches(speaker, q.speaker)]
        return out

    def _get_uncached(self, article_id: str) -> Stored | None:
        return self._recent.get(article_id) or self._catalogue.get(article_id)

    def speakers(self, needle: str = "") -> list[tuple[str | None, int]]:
        """Speakers with their number of quotes (speech only), most quoted first; None = unattributed.

        One entry per speaker: the names that mean one speaker across the corpus (the
        registry's aliases, case variants) are merged (``speakers.merge_speakers``).
        `needle` keeps the quotes whose speaker, article id or words contain it.
        """
        from .speakers import merge_speakers

        counts = (self._filtering if needle.strip() else self._catalogue).speakers(needle)
        merged, variants = merge_speakers(counts, self.registry)
        self._speaker_variants.update(variants)
        return merged

    def speaker_quotes(self, speaker: str | None, needle: str = "", limit: int | None = None) -> list[Quote]:
        """The quotes of one speaker (None: the unattributed ones) holding `needle`, the
        quotes of every name merged into it included."""
        source = self._filtering if needle.strip() else self._catalogue
        names = self._speaker_variants.get(speaker, [speaker]) if speaker is not None else [None]
        if len(names) <= 1:
            return source.quotes(speaker=speaker, no_speaker=speaker is None, needle=needle, limit=limit)
        out = sorted(
            (q for name in names for q in source.quotes(speaker=name, needle=needle, limit=limit)),
            key=lambda q: (q.article, q.start),
        )
        return out[:limit] if limit else out

    def interrupt_filter(self) -> None:
        """Abort a `speakers`/`speaker_quotes` query with a filter that is still running
        (it answers with nothing): the next keystroke's filter need not wait for it. On
        100,000 articles a one-letter filter takes over a second."""
        self._filtering.interrupt()

    def search(
        self,
        qstring: str,
        *,
        limit: int = 20,
        exact_total: bool = True,
        time_limit: float | None = None,
        suggest: bool = True,
    ) -> SearchResult:
        """Search articles (or quotes, when the query names speaker: or kind:)."""
        from . import search as search_mod

        if self._ix is None:
            if not self._catalogue.current():
                return SearchResult(qstring, 0)  # no whole index yet: making one is `update`'s job
            # A reader never rebuilds the index: the next update does, when it is damaged.
            try:
                opened = self._open_for_reading()
                missing: BaseException = FileNotFoundError(self.index_dir / search_mod.VERSION_FILE)
            except Exception as exc:
                opened, missing = False, exc
            if not opened:
                what = self._damage_behind(missing)
                if what is not None:
                    return SearchResult(qstring, 0, ignored=(f"{what}; it is rebuilt at the next update",))
                # Every file is as it was written: a passing fault (another copy replacing
                # the index, no file handles left), not worth a rebuild. Said, not hidden.
                return SearchResult(qstring, 0, ignored=(f"the search index could not be opened just now ({missing})",))
        with self._search_lock:
            ix = self._ix  # an update in another thread may be replacing it
            if ix is None:
                return SearchResult(qstring, 0)
            try:
                searcher = search_mod.Searcher(ix, self.registry.search_terms, self._open_searcher())
                result = searcher.search(
                    qstring,
                    limit=limit,
                    tags=self.tagged_articles,
                    texts=self._get,
                    exact_total=exact_total,
                    time_limit=time_limit,
                    suggest=False,
                )
            except Exception as exc:
                what = self._damage_behind(exc)
                if what is None:
                    raise
                return SearchResult(qstring, 0, ignored=(f"{what}; it is rebuilt at the next update",))
        if suggest and result.total == 0 and not result.partial:
            # Did-you-mean takes tens of milliseconds: on a searcher of its own, so that it
            # never holds up the search for the next keystroke.
            own = search_mod.Searcher(ix, self.registry.search_terms)
            result = replace(result, suggestion=own.suggest(qstring, texts=self._get))
        return result

    def _open_searcher(self) -> Any:
        """One Whoosh searcher kept open between searches, refreshed when the index changed."""
        ws = self._searcher
        if ws is None or ws.ixreader is None:
            ws = self._ix.searcher()
        elif not ws.up_to_date():
            if ws.ixreader.segments() is None:
                # opened on an empty index (a search during a first build or a rebuild):
                # Whoosh cannot refresh a reader of no segments, so open a new one
                ws.close()
                ws = self._ix.searcher()
            else:
                ws = ws.refresh()
        self._searcher = ws
        return ws

    def hit_positions(self, article_id: str, qstring: str) -> list[tuple[int, int]]:
        """Character ranges of a query's matches in one article, in order."""
        from . import search as search_mod

        art = self.article(article_id)
        if art is None:
            return []
        if not self._readable():
            return []
        with self._search_lock:
            return search_mod.Searcher(self._ix, shared=self._open_searcher()).positions(qstring, article_id, art.text)

    def tagged_articles(self, name: str) -> set[str]:
        """The articles with a passage tagged `name` (`*` and `?` match any tag names): what
        `tag:` means in a query."""
        from fnmatch import fnmatchcase

        if "*" in name or "?" in name:
            pattern = name.lower()
            names = [n for n in self.tag_names() if fnmatchcase(n, pattern)]
        else:
            names = [name]
        # Each tag is found in its own file (index.tag_identity), whatever the article's id now.
        return {aid for n in names for aid in self._tagged_articles(n)}

    # --- tags ----------------------------------------------------------------------------------

    @property
    def tags_path(self) -> Path:
        return data_root(self.config) / "tags.sqlite3"

    @property
    def tags(self) -> TagStore:
        if self._tags is None:
            from .tags import TagStore

            self._tags = TagStore(self.tags_path)
        return self._tags

    def resolved_tags(self, *, tag: str | None = None, article: str | None = None) -> list[Tag]:
        """Tags re-anchored to the articles' current text (status anchored/moved/orphan).

        Each tag is looked for in its own file (see `index.tag_identity`), never by id:
        ``article`` keeps the tags whose file is that article's now."""
        from .tags import TagStoreError

        try:
            stored = self.tags.list(tag=tag)
        except TagStoreError:
            return []  # a store that cannot be opened: `tag_store_problem` says why
        return self._resolve(self._bound(stored), article)

    def tag_store_problem(self) -> str | None:
        """One line when the tag store cannot be used fully (damaged, read-only, full, or
        its path holds what cannot be a tag store now)."""
        from .tags import SALVAGE_HINT, TagStoreError

        try:
            store = self.tags
        except TagStoreError as exc:
            return str(exc)
        if store.path_problem:
            return store.path_problem
        if store.damage:
            return f"{store.path}: the tag store is damaged ({store.damage}); nothing more is written to it; {SALVAGE_HINT}"
        if store.read_only:
            return f"{store.path}: tags can be read but not changed ({store.read_only})"
        return None

    def take_tag_notices(self) -> list[str]:
        """What the user must be told, once, about the tag file since the last call: it was
        deleted, moved away or replaced while open (and where the tags it held were kept),
        or its path now holds what cannot be a store."""
        return [] if self._tags is None else self._tags.take_notices()

    def resolve_tags(self, stored: list[Tag]) -> list[Tag]:
        """`stored` as `resolved_tags` shows them, without writing to the store (so it may
        be called inside one of its transactions)."""
        return self._resolve(self._bound(stored, persist=False), None)

    def _resolve(self, stored: list[Tag], article: str | None) -> list[Tag]:
        from .tags import resolve_in

        places = self._tag_places()
        texts: dict[str, str | None] = {}
        out = []
        for t in stored:
            place = places.locate(t)
            if article is not None and (place is None or place.id != article):
                continue
            if place is None:
                out.append(resolve_in(t, None, None))
                continue
            if place.id not in texts:
                texts[place.id] = self._text_of(place.id)
            out.append(resolve_in(t, place.id, texts[place.id], place.content_hash, place.path))
        return out

    def add_tag(self, article_id: str, start: int, end: int, names: Sequence[str], note: str = "") -> Tag:
        art = self._article(article_id)
        return self.tags.add(
            art.id, art.text, start, end, names, note, content_hash=art.content_hash, source=art.source, path=art.path
        )

    def _tagged_articles(self, name: str) -> list[str]:
        """The current ids of the articles holding passages tagged `name`."""
        from .tags import TagStoreError, normalize_tag

        try:
            stored = self.tags.list(tag=normalize_tag(name))
        except (ValueError, TagStoreError):
            return []
        places = self._tag_places()
        return [p.id for t in self._bound(stored) if (p := places.locate(t)) is not None]

    def _tag_places(self) -> Places:
        """The corpus as tags look it up (by file, relative path, content hash, id)."""
        from .tag_identity import Place, Places

        info = self._infos()
        if self._places is None or self._places[0] is not info:
            sources = self._catalogue.sources() if info else {}
            places = Places(Place(i.id, sources.get(i.id, ""), i.path, i.content_hash) for i in info.values())
            self._places = (info, places)
        return self._places[1]

    def _text_of(self, article_id: str) -> str | None:
        art = self.article(article_id)
        return art.text if art else None

    def _bound(self, stored: list[Tag], persist: bool = True) -> list[Tag]:
        """Tags made before tags knew their file get it now, when it is certain (and kept,
        when the store can be written; a read-only store binds them for this run only)."""
        unbound = [t for t in stored if not t.source]
        if not unbound or not self._infos():
            return stored
        places = self._tag_places()
        found = {t.id: p for t in unbound if (p := places.bind(t, self._text_of)) is not None}
        if not found:
            return stored
        from .tags import TagStoreError

        try:
            if persist:
                self.tags.bind([(tag_id, p.source, p.path) for tag_id, p in found.items()])
        except (TagStoreError, OSError, sqlite3.Error):
            pass  # bound in memory only: tried again next time
        return [replace(t, source=p.source, path=p.path) if (p := found.get(t.id)) else t for t in stored]

    def update_tag(self, tag_id: int, *, names: Sequence[str] | None = None, note: str | None = None) -> Tag:
        """New names and/or note for a tagged passage (committed before it returns)."""
        return self.tags.update(tag_id, tags=names, note=note)

    def remove_tag(self, tag_id: int) -> Tag:
        """Remove a tagged passage; the returned tag can be given to `restore_tag` (undo)."""
        return self.tags.remove(tag_id)

    def restore_tag(self, tag: Tag) -> Tag:
        return self.tags.restore(tag)

    def why_not_saved(self, exc: BaseException) -> str:
        """Why a tag change raised `exc` and was not saved, in a few words for a status line
        (the exception's own message names the file and says more)."""
        from .tags import TagStoreDamaged, TagStoreError, TagStoreFull, TagStoreGone, TagStoreReadOnly

        if isinstance(exc, TagStoreGone):
            return exc.short
        if isinstance(exc, TagStoreReadOnly):
            return "the tag store is read-only"
        if isinstance(exc, TagStoreDamaged):
            return "the tag store is damaged"
        if isinstance(exc, TagStoreFull):
            return "the disk is full"
        if isinstance(exc, TagStoreError | OSError | sqlite3.Error):
            return "the tag store cannot be written"
        if isinstance(exc, KeyError):
            return "the tagged passage is gone"
        return str(exc) or type(exc).__name__

    def tag_names(self) -> list[str]:
        """Every tag name in use, for completion."""
        return self.tags.names()

    def span_at(self, article_id: str, offset: int, unit: str) -> tuple[int, int]:
        """The word, sentence or paragraph around `offset`: what `v` selects in the reader."""
        import re

        from .sentences import paragraphs, split_sentences

        text = self._article(article_id).text
        offset = min(max(offset, 0), max(len(text) - 1, 0))
        if unit == "word":
            for m in re.finditer(r"[\w’'-]+", text[max(0, offset - 80) : offset + 80]):
                s, e = m.start() + max(0, offset - 80), m.end() + max(0, offset - 80)
                if s <= offset < e:
                    return s, e
            return offset, min(len(text), offset + 1)
        spans = split_sentences(text) if unit == "sentence" else paragraphs(text)
        for s, e in spans:
            if offset < e:  # the unit holding the cursor, or the next one after a gap
                return s, e
        return spans[-1] if spans else (0, len(text))

    # --- comparing -----------------------------------------------------------------------------

    def _corpus_key(self) -> str:
        """Names the corpus as it is now: caches fitted on it are valid while this holds."""
        info = self._infos()
        if self._key is None or self._key[0] is not info:
            digest = hashlib.blake2b(
                "\n".join(sorted(f"{i}:{a.content_hash}" for i, a in info.items())).encode(), digest_size=12
            ).hexdigest()
            self._key = (info, digest)
        return self._key[1]

    @property
    def corpus_model(self) -> CorpusModel:
        """Word and character n-gram statistics of the whole corpus, fitted once per corpus."""
        from .align import CorpusModel

        key = self._corpus_key()
        if self._model is not None and self._model[0] == key:
            return self._model[1]
        # Fitting takes seconds on a large corpus: keep the model beside the index, named by
        # the corpus it was fitted on, and fit again only when that changes.
        path = self.index_dir / f"corpus-model-{key}.bin"
        model = None
        try:
            model = CorpusModel.from_bytes(path.read_bytes())
        except (OSError, ValueError):
            model = CorpusModel.fit(a.text for a in self._catalogue.iter_articles())
            try:
                for old in self.index_dir.glob("corpus-model-*.bin"):
                    old.unlink(missing_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(model.to_bytes())
                os.replace(tmp, path)
            except OSError:
                pass  # a cache we could not write is only slower next time
        self._model = (key, model)
        return model

    def align(self, a_id: str, b_id: str) -> Alignment:
        from .align import align

        return align(self._article(a_id), self._article(b_id), self.corpus_model)

    @staticmethod
    def word_diff(a_text: str, b_text: str, a_offset: int = 0, b_offset: int = 0) -> list[DiffOp]:
        """Word-level diff of two linked passages (offsets added to each side's)."""
        from .align import word_diff

        return word_diff(a_text, b_text, a_offset, b_offset)

    def rank_similar(self, article_id: str) -> list[tuple[str, float]]:
        from .align import rank_similar

        target = self._article(article_id)
        if len(self._infos()) <= RANK_ALL_UP_TO:
            candidates = self._catalogue.iter_articles()
        else:  # a large corpus: rank only what Whoosh finds most alike
            from . import search as search_mod

            if not self._readable():
                return []
            with self._search_lock:
                ids = search_mod.Searcher(self._ix, shared=self._open_searcher()).similar(
                    article_id, target.text, RANK_CANDIDATES
                )
            candidates = self._catalogue.iter_articles(ids)
        return rank_similar(target, candidates, self.corpus_model)

    def quote_variants(self, quotes: Sequence[Quote] | None = None) -> list[VariantGroup]:
        """Groups of quotes rendering the same statement across articles (cached for the corpus)."""
        from .align import quote_variants

        if quotes is None:
            quotes = self.quotes()
        arts = {a.id: a for a in self._catalogue.iter_articles({q.article for q in quotes})}
        return quote_variants(quotes, arts, self.corpus_model)

    def variants_of(self, quote: Quote) -> list[Quote]:
        """The other renderings of the statement `quote` belongs to (other articles first).

        Variants share a speaker, so only that speaker's quotes are compared (cached per
        speaker until the corpus changes).
        """
        if not quote.speaker:
            return []
        from .align import variant_speaker
        from .speakers import unnamed

        key = (variant_speaker(quote.speaker), self._corpus_key())
        if self._variants is None or self._variants[0] != key:
            if unnamed(quote.speaker):
                # sources no article names, however each outlet describes them, are compared together
                names = [n for n, _ in self.speakers() if n and unnamed(n)] or [quote.speaker]
                mine = sorted((q for n in names for q in self.speaker_quotes(n)), key=lambda q: (q.article, q.start))
            else:
                mine = self.speaker_quotes(quote.speaker)
            self._variants = (key, self.quote_variants(mine))
        for group in self._variants[1]:
            if any((q.article, q.start, q.end) == (quote.article, quote.start, quote.end) for q in group.quotes):
                return [q for q in group.quotes if (q.article, q.start) != (quote.article, quote.start)]
        return []

    def close(self) -> None:
        self._drop_probe()
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._tags is not None:
            self._tags.close()
            self._tags = None


# the modules whose code decides what an article's text and quotes are, beside the
# quotation package (index/quotes/), whose every file counts
_EXTRACTION_MODULES = (
    "corpus.py",
    "clean.py",
    "htmltext.py",
    "web/page.py",
    "web/meta.py",
    "web/warc.py",
    "ingest.py",
    "sentences.py",
    "lexicon.py",
    "speakers.py",
)


_SCAN_KEYS = {"problems", "skipped", "articles", "index_files"}  # what a stored scan must hold
_Scanned = tuple[dict[str, Any], list[tuple[str, str, str, bytes, bytes]]]  # a scan before it is stored


def _record_checksums(index_dir: Path) -> None:
    from . import integrity

    integrity.record(index_dir)


def _extraction_sources() -> list[Path]:
    """The source files the extraction key hashes: the modules above, then every file of
    the quotation package (its code and its confidence table), in a fixed order."""
    here = Path(__file__).parent
    package = here / "quotes"
    files = sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".json"))
    if not files:
        raise FileNotFoundError(package)
    return [here / name for name in _EXTRACTION_MODULES] + files


def _same_stat(src: SourceFile, old: Sequence[ArticleInfo] | None) -> bool:
    return bool(old) and all(o.mtime_ns == src.mtime_ns and o.size == src.size for o in old or ())


def _same_id(src: SourceFile, old: list[ArticleInfo]) -> bool:
    """Whether an unchanged file's stored articles still carry the id it has now (a
    sibling `story.txt` beside `story.html` changes the page's id, not its file)."""
    return not src.id or all(o.id == src.id or o.id.startswith(src.id + "#") for o in old)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: Python < 3.13 raises RuntimeError
        return Path(os.path.abspath(path))


def _unique(art: Article, quotes: list[Quote] | None, taken: set[str]) -> tuple[Article, list[Quote] | None]:
    """Give a clashing id a numeric suffix; its quotes follow it."""
    if art.id not in taken:
        return art, quotes
    n = 2
    while f"{art.id}-{n}" in taken:
        n += 1
    new = replace(art, id=f"{art.id}-{n}")
    return new, None if quotes is None else [replace(q, article=new.id) for q in quotes]


def format_problem(p: LoadProblem) -> str:
    return f"quotewire: {p.path}: {p.message}"


__all__ = ["Library", "IndexBusy", "format_problem"]
