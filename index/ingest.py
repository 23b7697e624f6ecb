"""Read files and extract their quotations, in worker processes when there are many.

Building the index runs Whoosh's one writer in the main process while workers read, clean,
extract and analyse the next files (`search.analyse`), one worker per core: the main
process then has little left but filing postings, and its Whoosh commit at the end is
the only part that runs alone.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from .config import Config
from .corpus import Reader, SourceFile
from .models import Article, LoadProblem, Quote
from .search import AnalysedText, analyse

PARALLEL_FROM = 200  # files; below this a process pool costs more than it saves
CHUNK = 16  # files per task sent to a worker
IN_FLIGHT = 8  # tasks submitted ahead of the indexer


@dataclass
class Parsed:
    """One file's articles, each with its quotes (None: unchanged, keep the stored ones)
    and its words analysed for the index."""

    src: SourceFile
    articles: list[tuple[Article, list[Quote] | None, AnalysedText]] = field(default_factory=list)
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


_worker: Ingestor | None = None
PARENT_CHECK_SECONDS = 0.2


def _init(config: Config, parent: int) -> None:
    global _worker
    _watch_parent(parent)
    _worker = Ingestor(config)


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


def _parse_chunk(chunk: list[tuple[SourceFile, frozenset[str]]]) -> list[Parsed]:
    assert _worker is not None
    return [_worker.parse(*job) for job in chunk]


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


def parse_all(config: Config, jobs: list[tuple[SourceFile, frozenset[str]]]) -> Iterator[Parsed]:
    """Parsed files in the order given; in worker processes when there are many."""
    workers = os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or not _spawn_can_start():
        ingestor = Ingestor(config)
        for job in jobs:
            yield ingestor.parse(*job)
        return
    # spawn, not fork: the app calls this from a thread, and forking a threaded process is unsafe.
    ctx = multiprocessing.get_context("spawn")
    with _stderr_with_a_file():  # the pool's queues start multiprocessing's resource tracker
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=ctx, initializer=_init, initargs=(config, os.getpid())
        )
    with pool:
        # A bounded window of chunks in flight: `pool.map` submits everything at once, and
        # when Whoosh is the slower side the parsed corpus piles up in memory.
        chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
        window: deque[Future[list[Parsed]]] = deque()
        for n, chunk in enumerate(chunks):
            if n == 0:
                with _stderr_with_a_file():  # the first submit starts the worker processes
                    window.append(pool.submit(_parse_chunk, chunk))
                continue
            window.append(pool.submit(_parse_chunk, chunk))
            if len(window) >= IN_FLIGHT:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
