"""`quotewire add`: pages from the web (or local files) saved into a corpus folder.

An address is fetched; a feed's items are fetched one by one; a page is saved as the
server sent it, under `<host>/<path>.html`, with the address noted at its top as browsers
note it (`<!-- saved from url=(N)URL -->`), so the index reads it like any saved page. A
local file is copied. What is already in the folder is skipped: by address, and by the
hash of the article's text (the same story under two addresses), as recorded in the
folder's `.quotewire-added.jsonl` (a dotfile: never read as an article).

Each address gets one `Outcome`; a failure never stops the others.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from ..corpus import SUFFIXES, content_hash, normalise, suffix_of
from .feeds import FeedError, feed_items
from .fetch import Fetched, FetchError, fetch, looks_like_feed
from .page import decode_html, read_page

MANIFEST = ".quotewire-added.jsonl"
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
MAX_SLUG = 100


@dataclass(frozen=True, slots=True)
class Outcome:
    what: str  # the address or file, as given or as listed in a feed
    status: str  # "added", "there" (already in the folder) or "failed"
    message: str  # added: the saved file (relative); there: the file it is in; failed: why
    title: str = ""
    feed: str = ""  # the feed it was listed in, if any


class Adder:
    """Adds to one folder; remembers what it holds (the manifest) across calls."""

    def __init__(
        self,
        folder: Path,
        *,
        max_bytes: int = 20_000_000,
        timeout: float = 20.0,
        fetcher: Callable[..., Fetched] = fetch,
    ) -> None:
        self.folder = folder
        self.max_bytes, self.timeout, self.fetcher = max_bytes, timeout, fetcher
        self.by_url: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}
        self._load_manifest()

    # --- what the folder holds ---------------------------------------------------------------

    def _load_manifest(self) -> None:
        try:
            lines = (self.folder / MANIFEST).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                continue
            if not (self.folder / entry["file"]).exists():
                continue  # deleted since: adding it again is allowed
            for key in ("url", "final_url"):
                if isinstance(entry.get(key), str) and entry[key]:
                    self.by_url[_url_key(entry[key])] = entry["file"]
            if isinstance(entry.get("hash"), str):
                self.by_hash[entry["hash"]] = entry["file"]

    def _remember(self, file: str, digest: str, url: str = "", final_url: str = "") -> None:
        entry = {
            "file": file,
            "hash": digest,
            "url": url,
            "final_url": final_url,
            "added": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        with (self.folder / MANIFEST).open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.by_hash[digest] = file
        for u in (url, final_url):
            if u:
                self.by_url[_url_key(u)] = file

    # --- adding ------------------------------------------------------------------------------

    def add(self, item: str) -> Iterator[Outcome]:
        """The outcomes of adding one address or file (several for a feed)."""
        if re.match(r"[a-z][a-z0-9+.-]*://", item, re.I):
            yield from self._add_url(item)
            return
        path = Path(item)
        if path.is_dir():
            yield Outcome(item, "failed", "a folder: to read one, name it with --corpus")
        elif not path.is_file():
            yield Outcome(item, "failed", "no such file, and not an http(s) address")
        elif path.suffix.lower() in FEED_SUFFIXES or (not suffix_of(path.name) and _sniff_feed(path)):
            try:
                body = path.read_bytes()[: self.max_bytes]
            except OSError as exc:
                yield Outcome(item, "failed", f"cannot read: {exc.strerror or exc}")
                return
            yield from self._add_feed(item, body, "")
        elif suffix_of(path.name):
            yield self._add_file(path)
        else:
            shown = " ".join(SUFFIXES)
            yield Outcome(item, "failed", f"not an article file ({shown}) nor a feed")

    def _add_url(self, url: str, feed: str = "") -> Iterator[Outcome]:
        there = self.by_url.get(_url_key(url))
        if there:
            yield Outcome(url, "there", there, feed=feed)
            return
        try:
            got = self.fetcher(url, timeout=self.timeout, max_bytes=self.max_bytes)
        except FetchError as exc:
            yield Outcome(url, "failed", str(exc), feed=feed)
            return
        if got.is_feed and not feed:
            yield from self._add_feed(url, got.body, got.final_url)
        elif got.is_html:
            yield self._save_page(got, feed)
        else:
            kind = got.content_type or "unknown content"
            yield Outcome(url, "failed", f"not an HTML page nor a feed ({kind}); not saved", feed=feed)

    def _add_feed(self, what: str, body: bytes, base_url: str) -> Iterator[Outcome]:
        try:
            title, items = feed_items(body, base_url)
        except FeedError as exc:
            yield Outcome(what, "failed", str(exc))
            return
        except Exception as exc:  # feedparser on hostile input
            yield Outcome(what, "failed", f"could not read the feed ({type(exc).__name__})")
            return
        if not items:
            yield Outcome(what, "failed", "a feed without item links")
            return
        for it in items:
            yield from self._add_url(it.url, feed=what)

    def _save_page(self, got: Fetched, feed: str) -> Outcome:
        html, _ = _decode(got.body, got.charset)
        try:
            page = read_page(normalise(html), url=got.final_url)
        except Exception as exc:  # an extractor bug on one page must not stop the rest
            return Outcome(got.url, "failed", f"could not be read ({type(exc).__name__}); not saved", feed=feed)
        if not page.text.strip():
            return Outcome(got.url, "failed", "no article text in the page; not saved", feed=feed)
        digest = content_hash(normalise(page.text))
        there = self.by_url.get(_url_key(got.final_url)) or self.by_hash.get(digest)
        if there:
            self._remember(there, digest, got.url, got.final_url)
            return Outcome(got.url, "there", there, page.title, feed)
        rel = self._free_name(_page_name(got.final_url))
        data = _annotated(got.body, got.final_url, got.charset)
        self._write(rel, data)
        self._remember(rel, digest, got.url, got.final_url)
        return Outcome(got.url, "added", rel, page.title, feed)

    def _add_file(self, path: Path) -> Outcome:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return Outcome(str(path), "failed", f"cannot read: {exc.strerror or exc}")
        digest = "file:" + hashlib.blake2b(data, digest_size=16).hexdigest()
        there = self.by_hash.get(digest)
        if there:
            return Outcome(str(path), "there", there)
        try:
            if path.resolve().is_relative_to(self.folder.resolve()):
                rel = path.resolve().relative_to(self.folder.resolve()).as_posix()
                self._remember(rel, digest)
                return Outcome(str(path), "there", rel)
        except (OSError, RuntimeError):
            pass
        rel = self._free_name(_clean_name(path.name), data)
        if not (self.folder / rel).exists():
            self._write(rel, data)
        self._remember(rel, digest)
        return Outcome(str(path), "added", rel)

    def _free_name(self, rel: str, same_as: bytes | None = None) -> str:
        """`rel`, or `rel` with -2, -3... before its extension if a different file holds it."""
        suffix = suffix_of(rel) or Path(rel).suffix
        stem = rel[: len(rel) - len(suffix)]
        n, candidate = 1, rel
        while (self.folder / candidate).exists():
            if same_as is not None and _same_bytes(self.folder / candidate, same_as):
                return candidate
            n += 1
            candidate = f"{stem}-{n}{suffix}"
        return candidate

    def _write(self, rel: str, data: bytes) -> None:
        target = self.folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _sniff_feed(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return looks_like_feed("", fh.read(2048))
    except OSError:
        return False


def _url_key(url: str) -> str:
    """An address as compared for "already added": no fragment, no tracking parameters,
    `http` and `https` alike, no trailing slash."""
    parts = urlsplit(url.strip())
    query = "&".join(
        q for q in parts.query.split("&") if q and not re.match(r"(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=", q, re.I)
    )
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/') or '/'}{'?' + query if query else ''}"


def _clean_name(name: str) -> str:
    return re.sub(r"[^\w.~-]+", "_", name).strip("_") or "file"


def _page_name(url: str) -> str:
    """Where a page is saved, from its address: `example.com/news-a-story.html`."""
    parts = urlsplit(url)
    host = _clean_name(parts.netloc.lower().split("@")[-1].split(":")[0].removeprefix("www.")) or "site"
    path = parts.path.strip("/")
    path = re.sub(r"\.(s?html?|php|aspx?|jsp|cms)$", "", path, flags=re.I)
    slug = re.sub(r"[^\w~-]+", "-", path).strip("-")
    if parts.query:
        slug += "-" + hashlib.blake2b(parts.query.encode(), digest_size=4).hexdigest()
    return f"{host}/{(slug or 'index')[:MAX_SLUG]}.html"


def _decode(body: bytes, charset: str) -> tuple[str, str | None]:
    """The page as text: the charset its server declared, unless the page says otherwise."""
    if charset and not re.search(rb"<meta[^>]{0,200}?charset", body[:4096], re.I):
        try:
            return body.decode(charset), None
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_html(body)


def _annotated(body: bytes, url: str, charset: str) -> bytes:
    """The page as served, with its address noted at the top as a browser notes it, and
    the server's charset declared in the page when it did not say (the file has no
    headers). A UTF-16 page is kept as is: the manifest has its address."""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body
    bom = b"\xef\xbb\xbf" if body.startswith(b"\xef\xbb\xbf") else b""
    rest = body[len(bom) :]
    safe = quote(url, safe="!#$%&'()*+,/:;=?@[]~-._").replace("--", "%2D%2D")
    note = f"<!-- saved from url=({len(safe):04d}){safe} -->\n".encode("ascii")
    if (
        charset
        and re.fullmatch(r"[\w.:-]{1,40}", charset)
        and not re.search(rb"<meta[^>]{0,200}?charset", rest[:4096], re.I)
    ):
        note += f'<meta charset="{charset}">\n'.encode("ascii")
    return bom + note + rest


__all__ = ["Adder", "Outcome", "MANIFEST"]
