"""Which article a tag belongs to, whatever the articles' ids are.

Ids are names for the reader (file stems with ``-2`` on a clash, or paths): they change
when files are added, removed or a rule changes, so a tag remembered by id once moved to
another outlet's article after a rebuild. A tag remembers its article's *file* instead:

1. the file at the tag's absolute path (and, inside a .json/.jsonl file, the same record):
   the same file, edited or not, so the tag re-anchors within it. A record without an
   ``id`` is named by its number, which shifts when a record is added, removed or mended
   above it: that record is the tag's only while its content hash is the tag's; else
   the tag's record is the one in that file with its content hash, else the one record
   of that file that holds the tagged words with their whole context (edited elsewhere);
   else none. Never the words alone, nor a guess between two: two outlets' records
   often carry the same quotation, and a tag once followed the number onto another's;
2. else, when no file is at the tag's path any more, the one article with the tag's
   relative path (``Article.source``) *and* its content hash: the corpus folder moved,
   the text did not. While the tag's file is still there, a folder with the same file is
   a copy, and the tag stays with its own file (it once showed on the copy as well);
3. else nothing: the tag is an orphan, shown with its words, never put on another file.
   (A folder that moved *and* a file that changed cannot be told from another file.)

Tags made before files were remembered (tag store v2) are bound once: to the article
that now has the tag's id if its content hash is the tag's; else to the one article with
the tag's content hash; else to the article with the tag's id if the tagged words still
sit at their offsets with their whole context (and no article has the tag's text); else
to none (the tag stays an orphan and is tried again on the next run, perhaps over
another corpus). Never a guess between two candidates.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .anchoring import ORPHAN, fits_position
from .tags import Tag


@dataclass(frozen=True, slots=True)
class Place:
    """An article as tags know it."""

    id: str
    source: str  # its file relative to its corpus folder, plus "#record" inside .json/.jsonl
    path: str  # its file's absolute path
    content_hash: str


def record_of(source: str) -> str:
    """The ``#record`` part of a source ("" for a file holding one article)."""
    _, sep, record = source.partition("#")
    return record if sep else ""


def numbered(record: str) -> bool:
    """A record named by its place in the file (no ``id`` of its own): the name of
    whatever record sits there now, not of the one that was tagged."""
    return record.isdigit()


class Places:
    """The current corpus, looked up the ways a tag needs."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.by_id: dict[str, Place] = {}
        self.by_file: dict[tuple[str, str], Place] = {}
        self.by_path: dict[str, list[Place]] = {}
        self.by_source: dict[str, list[Place]] = {}
        self.by_hash: dict[str, list[Place]] = {}
        for p in places:
            self.by_id[p.id] = p
            if p.path:
                self.by_file[(p.path, record_of(p.source))] = p
                self.by_path.setdefault(p.path, []).append(p)
            if p.source:
                self.by_source.setdefault(p.source, []).append(p)
            if p.content_hash:
                self.by_hash.setdefault(p.content_hash, []).append(p)
        self._texts: dict[str, dict[str, str]] = {}  # path -> source -> text (read when needed)
        self._there: dict[str, bool] = {}  # path outside the corpus -> a file is there
        self._found: dict[tuple[str, str, str, object], Place | None] = {}

    def locate(self, tag: Tag) -> Place | None:
        """The article a bound tag belongs to, or None (rules 1-3 above)."""
        if not tag.source:
            return None
        if tag.path and tag.path in self.by_path:
            key = (tag.path, tag.source, tag.content_hash, tag.selector)
            if key not in self._found:
                self._found[key] = self._in_file(tag)
            return self._found[key]
        if not tag.content_hash or (tag.path and self._exists(tag.path)):
            return None
        same = [p for p in self.by_source.get(tag.source, ()) if p.content_hash == tag.content_hash]
        return same[0] if len(same) == 1 else None

    def _in_file(self, tag: Tag) -> Place | None:
        """Rule 1: the tag's record in its own file, which is in the corpus."""
        record = record_of(tag.source)
        here = self.by_file.get((tag.path, record))
        if here is not None and (not numbered(record) or here.content_hash == tag.content_hash):
            return here
        siblings = self.by_path[tag.path]
        same = [p for p in siblings if tag.content_hash and p.content_hash == tag.content_hash]
        if len(same) == 1:
            return same[0]  # the very text that was tagged, under another number now
        # Else the one record that holds the tagged words with their whole context (at
        # their offsets or not: the record may be edited elsewhere). The words alone are
        # not enough: another outlet's record may carry the same quotation a letter apart
        # ("Outlet A" / "Outlet B"), and a wire copy all of it, when nothing tells which.
        sel = tag.selector
        whole = sel.prefix + sel.exact + sel.suffix
        texts = self._file_texts(tag.path)
        holders = [p for p in siblings if whole in texts.get(p.source, "")]
        return holders[0] if len(holders) == 1 else None

    def _exists(self, path: str) -> bool:
        if path not in self._there:
            self._there[path] = os.path.exists(path)
        return self._there[path]

    def _file_texts(self, path: str) -> dict[str, str]:
        """The current text of each record of one file, by source; a record whose text
        on disk is not the one indexed (the file changed since) is left out."""
        if path not in self._texts:
            from .corpus import Reader, SourceFile

            places = self.by_path.get(path, [])
            rel = places[0].source.partition("#")[0] if places else ""
            indexed = {p.source: p.content_hash for p in places}
            articles, _ = Reader().read(SourceFile(path, 0, 0, rel=rel))
            self._texts[path] = {a.source: a.text for a in articles if indexed.get(a.source, None) == a.content_hash}
        return self._texts[path]

    def bind(self, tag: Tag, text_of: Callable[[str], str | None]) -> Place | None:
        """The article an unbound (pre-v3) tag was made on, when that is certain."""
        if tag.source:
            return None
        here = self.by_id.get(tag.article)
        if here is not None and tag.content_hash and here.content_hash == tag.content_hash:
            return here
        same = self.by_hash.get(tag.content_hash, []) if tag.content_hash else []
        if len(same) == 1:
            # The very text the tag was made on: stronger than words that happen to sit at
            # the same offsets in whatever article holds the id now.
            return same[0]
        if here is not None and not same:
            text = text_of(here.id)
            if text is not None and fits_position(tag.selector, text):
                return here
        return None


def of_another_corpus(tag: Tag, folders: Iterable[Path]) -> bool:
    """A tag found nowhere in this corpus, whose file is outside its ``folders`` and still
    there: it belongs to the corpus of that file, which shows it. Listed here it was
    counted as this corpus's orphan, and exported under whatever article here has its
    old id. (A tag whose file is gone may be this corpus's, moved and edited: kept.)"""
    if tag.status != ORPHAN or not tag.path:
        return False
    path = os.path.abspath(tag.path)
    for folder in folders:
        root = os.path.abspath(folder)
        if path == root or path.startswith(root.rstrip(os.sep) + os.sep):
            return False
    return os.path.exists(path)
