"""Messages: how workers and the app tell screens what happened. The UI reacts, it never waits.

Every worker thread talks to the UI the same way, by posting one of these (posting is
safe from any thread); no worker calls into a widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from index.models import LoadProblem, Quote, SearchResult

if TYPE_CHECKING:
    from index.models import Alignment, Article, Tag


@dataclass
class IndexProgress(Message, bubble=False):
    """How far the index build is; a newer one replaces one not yet handled, so a build
    of 100,000 files costs the UI a handful of redraws, not one per file."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class IndexChanged(Message, bubble=False):
    """The library has (new) articles to show: sent to the app by the index worker, and by
    the app to each screen (screens that care handle `on_index_changed`). `initial`: what
    the cache held, or a commit of a build still under way."""

    initial: bool
    problems: tuple[LoadProblem, ...] = ()
    note: str = ""


@dataclass
class SearchDone(Message):
    result: SearchResult
    serial: int


@dataclass
class TagsLoaded(Message):
    tags: list[Tag]
    article: str | None = None  # the article they were read for; None: every tag
    notices: tuple[str, ...] = ()  # what the tag store says about its file (Library.take_tag_notices)


@dataclass(frozen=True)
class UnsavedTag:
    """What the user asked to save, kept when it could not be: `t` on the same passage
    offers the same words again, so nothing typed is lost."""

    start: int
    end: int
    tags: tuple[str, ...]
    note: str
    tag_id: int | None = None  # an edit of this tagged passage; None: a new one


@dataclass
class TagChanged(Message):
    """A tag change was committed (or failed with `error`, `reason` in a few words)."""

    done: str
    tag: Tag | None = None
    error: str = ""
    undo: bool = False  # the change can be undone (a removal)
    reason: str = ""
    unsaved: UnsavedTag | None = None  # the words of an add or edit (offered again when not saved)
    restoring: Tag | None = None  # the passage a failed undo was to bring back
    notices: tuple[str, ...] = ()  # what the tag store says about its file (Library.take_tag_notices)


@dataclass
class SpeakersLoaded(Message):
    needle: str
    counts: list[tuple[str | None, int]]


@dataclass
class QuotesLoaded(Message):
    name: str
    needle: str
    rows: list[Quote]


@dataclass
class DetailLoaded(Message):
    variants: list[tuple[str, Quote]]
    others: list[Quote]


@dataclass
class RankedLoaded(Message):
    ranked: list[tuple[str, float]]
    titles: dict[str, str]


@dataclass
class AlignmentLoaded(Message):
    ids: list[str]
    articles: list[Article]
    alignment: Alignment | None
    quotes: list[list[Quote]] = field(default_factory=list)
    error: str = ""


__all__ = [
    "AlignmentLoaded",
    "DetailLoaded",
    "IndexChanged",
    "IndexProgress",
    "QuotesLoaded",
    "RankedLoaded",
    "SearchDone",
    "SpeakersLoaded",
    "TagChanged",
    "TagsLoaded",
    "UnsavedTag",
]
