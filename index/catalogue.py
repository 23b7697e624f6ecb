"""The catalogue beside the Whoosh index: every article with its quotes and file stats.

Kept out of Whoosh's stored fields (reading 2,000 pickled documents through Whoosh to
learn their sizes took a second) and readable without importing Whoosh at all, so the
app can paint the library before the search engine is even loaded.
"""

from __future__ import annotations

import os
import pickle
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .models import Article, Quote

SCHEMA_VERSION = 5  # of the Whoosh index and this catalogue: a change rebuilds both
CATALOGUE = "catalogue.pickle"
_TOC_RE = re.compile(r"_MAIN_(\d+)\.toc$")


QuoteRow = tuple  # (start, end, kind, speaker, cue, confidence, mention, cue_start, cue_end)


@dataclass(frozen=True, slots=True)
class Stored:
    """What the index remembers of one article (everything but its search terms).

    Quotes are kept as plain rows with their repeated strings interned and become `Quote`
    objects only when asked for: a 100,000-article corpus has about 900,000 of them.
    """

    article: Article
    mtime_ns: int
    size: int
    rows: tuple[QuoteRow, ...] = ()

    @classmethod
    def make(cls, article: Article, mtime_ns: int, size: int, quotes: Iterable[Quote]) -> Stored:
        rows = tuple(
            (q.start, q.end, sys.intern(q.kind), _intern(q.speaker), _intern(q.cue), q.confidence,
             _intern(q.speaker_mention), q.cue_start, q.cue_end)
            for q in quotes
        )
        return cls(article, mtime_ns, size, rows)

    @property
    def quotes(self) -> tuple[Quote, ...]:
        text, aid = self.article.text, self.article.id
        return tuple(
            Quote(article=aid, start=s, end=e, text=text[s:e], kind=k, speaker=sp, cue=cue, confidence=c,
                  speaker_mention=m, cue_start=cs, cue_end=ce)
            for s, e, k, sp, cue, c, m, cs, ce in self.rows
        )


def _intern(s: str | None) -> str | None:
    return None if s is None else sys.intern(s)


def latest_generation(path: Path) -> int:
    """Whoosh's current generation, read off the TOC file names (as Whoosh itself does)."""
    try:
        gens = [int(m.group(1)) for name in os.listdir(path) if (m := _TOC_RE.match(name))]
    except OSError:
        return -1
    return max(gens, default=-1)


def read_catalogue(path: Path) -> dict[str, Stored] | None:
    """The catalogue if it belongs to the index's current generation, else None."""
    try:
        with (path / CATALOGUE).open("rb") as fh:
            data = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        return None
    if not isinstance(data, dict) or data.get("generation") != latest_generation(path):
        return None
    return data["stored"]


def write_catalogue(path: Path, stored: dict[str, Stored]) -> None:
    """Atomically (temp file + rename), so a reader never sees half a catalogue."""
    tmp = path / f".{CATALOGUE}.{os.getpid()}.tmp"
    with tmp.open("wb") as fh:
        pickle.dump({"generation": latest_generation(path), "stored": stored}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path / CATALOGUE)
