"""Fetch one web address for `quotewire add`: the standard library's HTTP client, bounded.

Every failure is a `FetchError` whose message is one line a user can act on: the address
could not be reached, answered with an error, took too long, was not a page or a feed, or
was larger than the limit. Only http and https are fetched (a redirect elsewhere is
refused), and a body is read only up to the limit, whatever the server claims.
"""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

USER_AGENT = "quotewire/0.1 (news reader; +https://github.com/quotewire)"
CHUNK = 64 * 1024


class FetchError(Exception):
    """The address could not be turned into a page; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    body: bytes
    content_type: str  # the media type, lower case ("text/html")
    charset: str  # from the Content-Type header ("" if none)

    @property
    def is_feed(self) -> bool:
        return looks_like_feed(self.content_type, self.body)

    @property
    def is_html(self) -> bool:
        return self.content_type in ("text/html", "application/xhtml+xml") or (
            not self.content_type and looks_like_html(self.body)
        )


def looks_like_feed(content_type: str, body: bytes) -> bool:
    if any(k in content_type for k in ("rss", "atom", "rdf")):
        return True
    if content_type and not content_type.endswith("xml") and content_type != "text/plain":
        return False
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return bool(re.match(rb"(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:rdf)\b", head, re.S))


def looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<!--", b"<head", b"<meta"))


class _HttpOnly(urllib.request.HTTPRedirectHandler):
    """Follow redirects between http and https only (urllib would follow one to ftp)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]  # urllib's own signature, untyped in typeshed too
        if not re.match(r"https?://", newurl, re.I):
            raise FetchError(f"redirected to {newurl[:80]!r}, which is not an http(s) address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float = 20.0, max_bytes: int = 20_000_000) -> Fetched:
    """GET `url`: its body (at most `max_bytes`), or a `FetchError`."""
    if not re.match(r"https?://[^/\s]+", url, re.I):
        raise FetchError("only http:// and https:// addresses are fetched")
    opener = urllib.request.build_opener(_HttpOnly)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
        },
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            ctype = (headers.get_content_type() if headers.get("Content-Type") else "").lower()
            charset = headers.get_content_charset() or ""
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"too large ({int(length):,} bytes; the limit is {max_bytes:,}); not fetched")
            body = bytearray()
            while chunk := response.read(CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(f"too large (over {max_bytes:,} bytes, the limit); not saved")
            final = response.geturl() or url
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}".strip()) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"timed out after {timeout:g} s") from None
        if isinstance(reason, socket.gaierror):
            raise FetchError("host not found") from None
        if isinstance(reason, ConnectionRefusedError):
            raise FetchError("connection refused") from None
        raise FetchError(f"cannot connect ({reason})") from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as exc:  # reset connections, bad chunked encoding, odd URLs
        raise FetchError(f"failed ({type(exc).__name__}: {exc})"[:200]) from None
    except Exception as exc:  # http.client's IncompleteRead, BadStatusLine...
        raise FetchError(f"failed ({type(exc).__name__})") from None
    return Fetched(url, final, bytes(body), ctype, charset)


__all__ = ["FetchError", "Fetched", "fetch", "looks_like_feed", "looks_like_html"]
