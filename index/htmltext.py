"""Readable text from an HTML article, with its title and meta tags.

The article's "original text" for an HTML file is this extracted text: offsets point
into it, so it must be deterministic for the same file.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

_SKIP = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "template",
    "iframe",
    "button",
    "select",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "br",
    "tr",
    "table",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "dd",
    "dt",
}
_META = {
    "og:title": "title",
    "twitter:title": "title",
    "og:site_name": "outlet",
    "author": "author",
    "article:author": "author",
    "article:published_time": "date",
    "date": "date",
    "og:url": "url",
    "pubdate": "date",
    "dc.date": "date",
}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.in_h1 = False
        self.title = ""
        self.h1 = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            key = (a.get("property") or a.get("name") or "").lower()
            if key in _META and a.get("content") and _META[key] not in self.meta:
                self.meta[_META[key]] = a["content"].strip()
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1 += data
        self.parts.append(data)


def html_to_text(source: str) -> tuple[str, dict[str, Any]]:
    """(text, metadata) where text has one paragraph per line."""
    parser = _Extractor()
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # malformed markup: fall back to stripping tags
        return re.sub(r"<[^>]+>", " ", html.unescape(source)), {}
    raw = "".join(parser.parts)
    lines = [re.sub(r"[ \t\f\v\u00a0]+", " ", line).strip() for line in raw.split("\n")]
    text = "\n\n".join(line for line in lines if line)
    meta = dict(parser.meta)
    title = parser.h1.strip() or parser.title.strip()
    if title and "title" not in meta:
        meta["title"] = re.sub(r"\s+", " ", title)
    return text, meta
