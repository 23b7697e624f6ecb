"""Read files and extract their quotations, in worker processes when there are many.

A large build runs one worker per core: each reads, cleans, extracts, analyses
(`search.analyse`) and indexes its share of the files into a Whoosh segment of its own,
and the main process publishes the workers' segments together, beside the catalogue it
writes. Whoosh has one writer per index, and filing and sorting postings in that one
process was most of a 100,000-article build while the other core waited.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config
from .corpus import Reader, SourceFile
from .models import Article, LoadProblem, Quote
from .search import AnalysedText, analyse

PARALLEL_FROM = 200  # files; below this a process pool costs more than it saves
CHUNK = 16  # files per task sent to a worker
IN_FLIGHT = 8  # tasks submitted ahead of the indexer
WORKER_LIMIT_MB = 48  # postings a worker holds in memory before sorting a run out to disk
# Each worker leaves a segment at every commit of a build, and a search reads them all: more
# workers than this would cost searches more than they save the build.
MAX_WORKERS = 4


@dataclass
class Parsed:
    """One file's articles, each with its quotes (None: unchanged, keep the stored ones)
    and its words analysed for the index."""

    src: SourceFile
    articles: list[tuple[Article, list[Quote] | None, AnalysedText | Indexed]] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


class Ingestor:
    def __init__(self, config: Config) -> None:
        from .speakers import SpeakerRegistry

        self.config = config
        self.reader = Reader(config.boilerplate, config.max_bytes)
        self.registry = SpeakerRegistry.from_config(config.speaker_entries)

    def extract(self, article: Article) -> list[Quote]:
        from .quotes import extract_quotes

        skip = [(b.start, b.end) for b in article.boilerplate]
        return extract_quotes(article.id, article.text, self.registry, speech_verbs=self.config.speech_verbs, skip=skip)

    def parse(self, src: SourceFile, known: frozenset[str] = frozenset()) -> Parsed:
        articles, problems = self.reader.read(src)
        out = Parsed(src, problems=list(problems))
        for art in articles:
            if art.content_hash in known:
                out.articles.append((art, None, analyse(art)))
                continue
            try:
                quotes: list[Quote] | None = self.extract(art)
            except Exception as exc:  # a bug in the extractor: seen, and the rest still loads
                out.problems.append(LoadProblem(art.path or art.id, _extraction_failed(art, exc), False))
                quotes = []
            out.articles.append((art, quotes, analyse(art)))
        return out


def _extraction_failed(art: Article, exc: Exception) -> str:
    """One line naming the article and the error (an extractor bug, to be reported)."""
    what = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    return f"article {art.id}: quotation extraction failed ({what}); indexed without quotes"


PARENT_CHECK_SECONDS = 0.2


def _watch_parent(parent: int) -> None:
    """Exit as soon as the process that started us is gone.

    A worker waits on its task queue, whose pipe every worker also holds open, so the
    parent's death (``kill -9`` of ``quotewire index``) never reaches it as an end of
    file: workers used to linger for a minute or more. A thread asks who the parent is;
    once it is not ``parent`` (given by the parent: a worker that starts after its parent
    died was handed to init before it could ask), the worker ends at once.
    """
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _spawn_can_start() -> bool:
    """A spawned worker re-imports `__main__` from its file: impossible for `python -`."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or os.path.exists(path)


@contextmanager
def _stderr_with_a_file() -> Iterator[None]:
    """A real file behind `sys.stderr` while processes start.

    A running Textual app replaces `sys.stderr` with an object whose `fileno()` is -1, and
    multiprocessing hands that number to the processes it starts, which fails ("bad
    value(s) in fds_to_keep"): a first build of 200 files or more died inside the app.
    """
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        yield
        return
    saved = sys.stderr
    with open(os.devnull, "w") as devnull:  # not the terminal: the app is drawing on it
        sys.stderr = devnull
        try:
            yield
        finally:
            sys.stderr = saved


@dataclass(frozen=True, slots=True)
class Indexed:
    """In place of an article's postings: a worker has added the article (under its id,
    with the quotes it carries) as document `docnum` of the segment it is writing."""

    worker: int
    docnum: int


@dataclass(frozen=True, slots=True)
class Segments:
    """Yielded between files by `Build`: what the workers have indexed so far, as new
    segments of the index (worker, segment or None), written but not yet published.
    `final`: the last of the build."""

    segments: list[tuple[int, Any]]
    final: bool


def parse_all(config: Config, jobs: list[tuple[SourceFile, frozenset[str]]]) -> Iterator[Parsed]:
    """Parsed files in the order given; in worker processes when there are many."""
    return (item for item in Build(config, jobs) if isinstance(item, Parsed))


class Build:
    """Parsed files in the order given, read, extracted and analysed in worker processes
    when there are many (one per core).

    With `index_dir`, each worker also adds the articles it extracted to a Whoosh segment
    of its own (`search.SegmentBuilder`): their `Parsed` carry `Indexed` in place of the
    postings, and `Segments` are yielded when `flush` asks for them (once the files sent
    before have all been yielded) and at the end. An article whose quotes are to be kept
    from the catalogue (quotes None) comes back with its postings, for the caller to index.
    Without workers, `Segments` are empty and come at once: the caller indexes everything.
    """

    def __init__(
        self, config: Config, jobs: list[tuple[SourceFile, frozenset[str]]], index_dir: Path | None = None
    ) -> None:
        self.config = config
        self.jobs = jobs
        self.index_dir = index_dir
        self._flush = False
        self.workers = min(MAX_WORKERS, os.cpu_count() or 1)
        self.parallel = len(jobs) >= PARALLEL_FROM and self.workers >= 2 and _spawn_can_start()

    def flush(self) -> None:
        """Ask for the segments written so far (yielded after the files already sent)."""
        self._flush = True

    def __iter__(self) -> Iterator[Parsed | Segments]:
        if not self.parallel:
            ingestor = Ingestor(self.config)
            for job in self.jobs:
                yield ingestor.parse(*job)
                if self._flush:
                    self._flush = False
                    yield Segments([], False)
            yield Segments([], True)
            return
        yield from self._parallel()

    def _parallel(self) -> Iterator[Parsed | Segments]:
        # spawn, not fork: the app calls this from a thread, and forking a threaded process is unsafe.
        ctx = multiprocessing.get_context("spawn")
        n = self.workers
        tag = f"{os.getpid()}-{id(self):x}"
        with _stderr_with_a_file():  # queues and processes start multiprocessing's resource tracker
            inbox = [ctx.Queue() for _ in range(n)]
            outbox = [ctx.Queue() for _ in range(n)]
            procs = [
                ctx.Process(
                    target=_work,
                    args=(self.config, self.index_dir, w, f"build-{tag}-{w}", inbox[w], outbox[w], os.getpid()),
                    daemon=True,
                )
                for w in range(n)
            ]
            for proc in procs:
                proc.start()

        def receive(w: int) -> Any:
            while True:
                try:
                    kind, payload = outbox[w].get(timeout=0.5)
                except queue.Empty:
                    if not procs[w].is_alive():
                        raise RuntimeError(f"an indexing worker stopped (exit code {procs[w].exitcode})") from None
                    continue
                if kind == "error":
                    raise payload
                return payload

        def segments() -> list[tuple[int, Any]]:
            for w in range(n):
                inbox[w].put(("flush", None))
            return [(w, receive(w)) for w in range(n)]

        # Chunks go to the workers in turn (chunk k to worker k mod n), so each worker's
        # results come back in order, and a bounded window of them is in flight: when
        # Whoosh is the slower side the parsed corpus would pile up in memory.
        chunks = [self.jobs[i : i + CHUNK] for i in range(0, len(self.jobs), CHUNK)]
        sent = got = 0
        finished = False
        try:
            while got < len(chunks):
                while sent < len(chunks) and sent - got < IN_FLIGHT and not self._flush:
                    inbox[sent % n].put(("parse", chunks[sent]))
                    sent += 1
                if got == sent:  # drained for a flush
                    self._flush = False
                    yield Segments(segments(), False)
                    continue
                parsed = receive(got % n)
                got += 1
                yield from parsed
            yield Segments(segments(), True)
            finished = True
        finally:
            for w in range(n):
                inbox[w].put(None if finished else ("cancel", None))
            for proc in procs:
                proc.join(timeout=10)
                if proc.is_alive():
                    proc.terminate()
                    proc.join()
            for q in (*inbox, *outbox):
                q.close()
                q.cancel_join_thread()


def _work(
    config: Config,
    index_dir: Path | None,
    number: int,
    name: str,
    inbox: multiprocessing.Queue,
    outbox: multiprocessing.Queue,
    parent: int,
) -> None:
    """A worker process of `Build`: parses the chunks it is sent, in order; with an index,
    adds what it extracted to a segment of its own, handed back when asked to flush. Ends
    at once if the process that started it dies."""
    from .search import SegmentBuilder

    _watch_parent(parent)
    try:
        ingestor = Ingestor(config)
        builder = (
            SegmentBuilder(index_dir, name, ingestor.registry.search_terms, WORKER_LIMIT_MB) if index_dir else None
        )
    except BaseException as exc:
        outbox.put(("error", _picklable(exc)))
        return
    try:
        while True:
            msg = inbox.get()
            if msg is None or msg[0] == "cancel":
                break
            kind, payload = msg
            if kind == "flush":
                outbox.put(("segment", builder.finish() if builder else None))
                continue
            out = []
            for src, known in payload:
                parsed = ingestor.parse(src, known)
                if builder is not None:
                    for i, (art, quotes, content) in enumerate(parsed.articles):
                        if quotes is not None and not isinstance(content, Indexed):  # (it never is yet)
                            parsed.articles[i] = (art, quotes, Indexed(number, builder.add(art, quotes, content)))
                out.append(parsed)
            outbox.put(("parsed", out))
    except BaseException as exc:
        outbox.put(("error", _picklable(exc)))
    finally:
        if builder is not None:
            builder.cancel()  # what was not handed back is not wanted


def _picklable(exc: BaseException) -> BaseException:
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
