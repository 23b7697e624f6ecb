"""Find article files and read them into `Article`s.

A bad file never stops a load: binary, empty and unreadable files are skipped with a
`LoadProblem`; text that is not UTF-8 is decoded as cp1252 (or Latin-1) with a warning;
a huge file is read up to `max_bytes`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from . import safe_yaml
from .clean import compile_patterns, extract_metadata, find_boilerplate
from .htmltext import html_to_text
from .models import Article, LoadProblem, Span

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
SEED_DIR = Path(__file__).resolve().parent / "seed"
MAX_FRONT_MATTER = 64 * 1024  # characters; a longer "front matter" is read as text
MAX_META_CHARS = 2000


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file on disk as seen by `stat`: enough to tell whether it changed."""

    path: str
    mtime_ns: int
    size: int
    rel: str = ""  # the path relative to the corpus folder it was found in (posix): its identity


def discover(folders: Iterable[Path], include_seeds: bool = True) -> tuple[list[SourceFile], list[LoadProblem]]:
    """Every article file under the folders (recursively), seeds first, sorted."""
    roots = ([SEED_DIR] if include_seeds else []) + [Path(f) for f in folders]
    found: list[SourceFile] = []
    problems: list[LoadProblem] = []
    seen: set[str] = set()
    for root in roots:
        if root.is_file():
            candidates: Iterable[Path] = [root]
            base = root.parent
        elif root.is_dir():
            candidates = sorted(_walk(root))
            base = root
        else:
            problems.append(LoadProblem(str(root), "corpus folder not found"))
            continue
        for path in candidates:
            if path.suffix.lower() not in SUFFIXES or path.name.startswith("."):
                continue
            key = str(path.resolve())
            if key in seen:
                continue
            seen.add(key)
            try:
                st = path.stat()
            except OSError as exc:
                problems.append(LoadProblem(str(path), f"cannot read: {exc.strerror or exc}"))
                continue
            found.append(SourceFile(key, st.st_mtime_ns, st.st_size, path.relative_to(base).as_posix()))
    return found, problems


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            yield Path(dirpath) / name


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def decode(data: bytes) -> tuple[str, str | None]:
    """Text and a warning when it was not UTF-8 (cp1252 is what such files usually are)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
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
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(head) > 0.1


class Reader:
    """Reads files into articles with the config's boilerplate patterns."""

    def __init__(self, boilerplate: Sequence[str] = (), max_bytes: int = 20_000_000) -> None:
        self.patterns = compile_patterns(boilerplate)
        self.max_bytes = max_bytes

    def read(self, src: SourceFile) -> tuple[list[Article], list[LoadProblem]]:
        """All articles in one file (several for .json/.jsonl), and any problems."""
        path = Path(src.path)
        problems: list[LoadProblem] = []
        try:
            with path.open("rb") as fh:
                data = fh.read(self.max_bytes + 1)
        except OSError as exc:
            return [], [LoadProblem(src.path, f"cannot read: {exc.strerror or exc}")]
        if len(data) > self.max_bytes:
            data = data[: self.max_bytes]
            problems.append(
                LoadProblem(src.path, f"larger than {self.max_bytes} bytes; read the first part only", skipped=False)
            )
        if not data.strip():
            return [], [LoadProblem(src.path, "empty file; skipped")]
        if _looks_binary(data):
            return [], [LoadProblem(src.path, "binary file, not text; skipped")]
        text, warning = decode(data)
        if warning:
            problems.append(LoadProblem(src.path, warning, skipped=False))
        text = normalise(text)
        suffix = path.suffix.lower()
        try:
            if suffix in (".json", ".jsonl"):
                records = list(_json_records(text, suffix == ".jsonl", src.path, problems))
                articles = [
                    self.build(
                        r.pop("text"),
                        path=src.path,
                        fallback_id=f"{path.stem}-{i + 1}",
                        source=f"{src.rel}#{r.get('id') or i + 1}",
                        **r,
                    )
                    for i, r in enumerate(records)
                ]
            elif suffix in (".md", ".markdown"):
                body, meta = _front_matter(text, src.path, problems)
                articles = [self.build(body, path=src.path, fallback_id=path.stem, source=src.rel, **meta)]
            elif suffix in (".html", ".htm"):
                body, meta = html_to_text(text)
                articles = [self.build(body, path=src.path, fallback_id=path.stem, source=src.rel, **meta)]
            else:
                articles = [self.build(text, path=src.path, fallback_id=path.stem, source=src.rel)]
        except Exception as exc:  # a parser bug must not stop the load of other files
            return [], problems + [LoadProblem(src.path, f"could not be read ({type(exc).__name__}: {exc}); skipped")]
        kept = [a for a in articles if a.text.strip()]
        if not kept:
            problems.append(LoadProblem(src.path, "no article text; skipped"))
        return kept, problems

    def build(self, text: str, *, path: str = "", fallback_id: str = "", source: str = "", **meta: Any) -> Article:
        """An `Article` from text plus whatever metadata the file gave; the rest is found."""
        text = normalise(text)
        boiler = find_boilerplate(text, self.patterns)
        found = extract_metadata(text, boiler)
        given = {k: str(v).strip() for k, v in meta.items() if v not in (None, "") and k in _META_KEYS}
        title = given.get("title") or found.title
        title_span = found.title_span if not given.get("title") or given["title"] == found.title else None
        return Article(
            id=_clean_id(given.get("id") or fallback_id or "article"),
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
    """Give clashing ids a numeric suffix, in load order, so every id is unique."""
    seen: set[str] = set()
    out = []
    for a in articles:
        aid, n = a.id, 1
        while aid in seen:
            n += 1
            aid = f"{a.id}-{n}"
        seen.add(aid)
        out.append(a if aid == a.id else replace(a, id=aid))
    return out


def load_corpus(
    folders: Iterable[Path], *, include_seeds: bool = True, boilerplate: Sequence[str] = (), max_bytes: int = 20_000_000
) -> tuple[list[Article], list[LoadProblem]]:
    """Every article under the folders (no index involved): for tests and the CLI."""
    files, problems = discover(folders, include_seeds)
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
