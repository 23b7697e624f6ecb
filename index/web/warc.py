"""The HTML pages in a web archive (`.warc`, `.warc.gz`), read with warcio.

A crawl, a Wayback Machine export or a browser archive (Webrecorder) holds many captures;
each HTML response (status 2xx) or HTML resource record is one page. The archive is read
as a stream: a file of gigabytes costs one page's memory at a time, and a damaged tail
loses only the records after the damage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..models import LoadProblem

MAX_URL_ID = 200  # characters of a URL kept in an article id


@dataclass(frozen=True, slots=True)
class Record:
    url: str
    body: bytes  # the page as served (at most max_bytes)
    date: str  # when it was captured (WARC-Date), not when it was published


class _Silent:
    """warcio writes its complaints about a damaged record straight to `sys.stderr`; they
    are counted instead (`ArchiveIterator.err_count`) and reported once, as one line."""

    class stderr:  # noqa: N801 - stands in for the `sys.stderr` attribute
        @staticmethod
        def write(_s: str) -> int:
            return 0

        @staticmethod
        def flush() -> None:
            pass


def html_records(path: str, max_bytes: int, problems: list[LoadProblem]) -> Iterator[Record]:
    """Every HTML page in the archive at `path`, in archive order."""
    import gzip

    from warcio import archiveiterator
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    archiveiterator.sys = _Silent  # warcio has no type information: mypy sees Any here
    from ..corpus import NotRegularFile, open_regular

    try:
        fh = open_regular(path)
    except NotRegularFile as exc:
        problems.append(LoadProblem(path, str(exc)))
        return
    except OSError as exc:
        problems.append(LoadProblem(path, f"cannot read: {exc.strerror or exc}"))
        return
    with fh:
        seen = [0]
        try:
            yield from _records(ArchiveIterator(fh), path, max_bytes, problems, seen)
            return
        except ArchiveLoadFailed as exc:
            if "non-chunked gzip" not in str(exc):
                problems.append(_damaged(path, seen[0], exc))
                return
        except Exception as exc:  # a bad header, a corrupt gzip member (zlib.error)...
            problems.append(_damaged(path, seen[0], exc))
            return
        # One gzip stream around the whole archive (`gzip crawl.warc`): warcio reads only
        # archives compressed record by record, so read this one through Python's gzip.
        # Pages read before the error come again, and are the same article (see the caller).
        fh.seek(0)
        seen = [0]
        try:
            with gzip.GzipFile(fileobj=fh) as whole:
                yield from _records(ArchiveIterator(whole), path, max_bytes, problems, seen)
        except Exception as exc:
            problems.append(_damaged(path, seen[0], exc))


def _damaged(path: str, n: int, exc: Exception) -> LoadProblem:
    what = "not a web archive" if n == 0 else f"damaged after record {n}"
    return LoadProblem(path, f"{what} ({type(exc).__name__}); the rest skipped", n == 0)


def _records(records: Any, path: str, max_bytes: int, problems: list[LoadProblem], seen: list[int]) -> Iterator[Record]:
    for record in records:
        if record.rec_type is None:  # text that is not a record: warcio skips it
            continue
        seen[0] += 1
        if record.rec_type not in ("response", "resource"):
            continue
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        if record.rec_type == "response":
            if record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            ctype = record.http_headers.get_header("Content-Type") or ""
            if not status.startswith("2"):
                continue
        else:
            ctype = record.rec_headers.get_header("Content-Type") or ""
        if "html" not in ctype.lower() or not url:
            continue
        body = record.content_stream().read(max_bytes + 1)
        if len(body) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
            # shorter than its header says: the archive ends early (an interrupted download)
            problems.append(LoadProblem(path, f"cut short in the page {url}; read what is there", False))
        if len(body) > max_bytes:
            problems.append(
                LoadProblem(f"{path}#{url}", f"larger than {max_bytes} bytes; read the first part only", False)
            )
            body = body[:max_bytes]
        if body.strip():
            yield Record(url, body, record.rec_headers.get_header("WARC-Date") or "")
    if seen[0] == 0:
        problems.append(LoadProblem(path, "not a web archive (no WARC records in it); skipped"))
    elif records.err_count:
        problems.append(
            LoadProblem(path, f"damaged in {records.err_count} place(s); what could be read was read", False)
        )


def url_id(url: str) -> str:
    """A readable id for a page from its URL: host and path, without the scheme, `www.`
    or a trailing slash (`https://www.example.com/news/a-story/` -> `example.com/news/a-story`);
    the query string is kept, as it can be what tells two pages apart."""
    s = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.I)
    s = re.sub(r"^www\d?\.", "", s, flags=re.I)
    s = s.split("#", 1)[0].rstrip("/")
    return s[:MAX_URL_ID] or "page"


__all__ = ["Record", "html_records", "url_id"]
