"""What a page says about itself for machines: schema.org JSON-LD, Open Graph and
`article:` meta tags, its `<h1>` and its byline.

trafilatura reads most of these already; this module is the general fallback where it
finds nothing, and the arbiter where it picks a social-media rewrite of the headline
(`og:title`) over the headline the page shows. Nothing here knows any one site.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# schema.org types of an article (lower case); a WebPage or an Organization is not one
ARTICLE_TYPES = frozenset(
    """article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle
    backgroundnewsarticle reviewnewsarticle askpublicnewsarticle satiricalarticle blogposting
    liveblogposting socialmediaposting techarticle scholarlyarticle report""".split()
)
MAX_JSON_LD = 500_000  # characters of one script: a bigger one is an app state, not metadata
MAX_NAME_WORDS = 6  # a person's name; a longer "author" is a sentence

_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "og:pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_AUTHOR_KEYS = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author", "citation_author")
_SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "sitename")


@dataclass
class PageMeta:
    headline: str = ""  # the JSON-LD article's headline
    h1: list[str] = field(default_factory=list)
    og_title: str = ""
    title_tag: str = ""
    site_name: str = ""
    ld_authors: list[str] = field(default_factory=list)
    meta_author: str = ""
    published: str = ""  # as given (ISO 8601 mostly)
    url: str = ""  # canonical or og:url


def page_meta(tree: Any) -> PageMeta:
    """Read the fields above from a parsed page (an lxml HTML tree; not modified)."""
    pm = PageMeta()
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = " ".join((el.get("content") or "").split())
        if key and value and key not in metas:
            metas[key] = value
    pm.og_title = metas.get("og:title") or metas.get("twitter:title") or ""
    pm.site_name = next((metas[k] for k in _SITE_KEYS if k in metas and not _is_url(metas[k])), "")
    pm.published = next((metas[k] for k in _DATE_KEYS if k in metas and re.match(r"\d{4}-\d\d-\d\d", metas[k])), "")
    pm.meta_author = next((metas[k] for k in _AUTHOR_KEYS if k in metas and not _is_url(metas[k])), "")
    title = tree.find(".//title")
    if title is not None:
        pm.title_tag = _text(title)
    pm.h1 = [t for t in (_text(h) for h in tree.iter("h1")) if t][:5]
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and _is_url(link.get("href") or ""):
            pm.url = link.get("href", "").strip()
            break
    if not pm.url and _is_url(metas.get("og:url", "")):
        pm.url = metas["og:url"]
    objects = list(_json_ld(tree))
    # Yoast and its like name the author by reference: {"@id": ".../#/schema/person/..."}
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and "name" in o}
    for obj in objects:
        types = {t.lower() for t in _as_list(obj.get("@type")) if isinstance(t, str)}
        if not types & ARTICLE_TYPES:
            continue
        if not pm.headline and isinstance(obj.get("headline"), str):
            pm.headline = " ".join(html.unescape(obj["headline"]).split())
        if not pm.ld_authors:
            authors = [
                by_id.get(a["@id"], a)
                if isinstance(a, dict) and "name" not in a and isinstance(a.get("@id"), str)
                else a
                for a in _as_list(obj.get("author"))
            ]
            pm.ld_authors = _people(authors)
        if not pm.published and isinstance(obj.get("datePublished"), str):
            pm.published = obj["datePublished"].strip()
        publisher = obj.get("publisher")
        if not pm.site_name and isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            pm.site_name = publisher["name"].strip()
    return pm


def _text(el: Any) -> str:
    return " ".join(el.text_content().split())


def _is_url(s: str) -> bool:
    return bool(re.match(r"(?:https?:)?//|www\.", s.strip()))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every object in the page's JSON-LD scripts, `@graph` members included."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if not raw.strip() or len(raw) > MAX_JSON_LD:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        seen = 0
        while stack and seen < 1000:
            item = stack.pop(0)
            seen += 1
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _people(value: Any) -> list[str]:
    """Names of the Person authors (an Organization is a publisher, not a byline)."""
    out = []
    for a in _as_list(value):
        if isinstance(a, str):
            name = a
        elif isinstance(a, dict):
            types = {t.lower() for t in _as_list(a.get("@type", "person")) if isinstance(t, str)}
            if "person" not in types:
                continue
            raw = a.get("name")
            name = raw if isinstance(raw, str) else ""
        else:
            continue
        name = clean_name(name)
        if name:
            out.append(name)
    return out


_BY = re.compile(r"^\s*(?:written\s+|words\s+|story\s+|reporting\s+)?by\s*:?\s+", re.I)
# Words that end a byline's names: its date, its time stamp, a job title after a comma.
_NOT_NAME = (
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    r"|Updated\b|Published\b|Posted\b|Last\b|Photo|Image|Senior\b|Staff Writer|Reporter\b|Correspondent\b|Editor\b)"
)
_WORD = rf"{_NOT_NAME}(?:[A-Z][\w'’.-]*|(?:de|da|van|von|der|le|la|bin|al|el)\b)"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,4}}"
_NAMES = re.compile(rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*")
_ONE_NAME = re.compile(rf"{_NAME}$")


_MARK_ATTRS = ("class", "id", "rel", "itemprop", "data-testid")


def _marked(tree: Any) -> Iterator[Any]:
    """Elements marked as a byline or an author by any attribute sites use for it, in page
    order (plain Python over `iter`: five times quicker here than lxml's XPath)."""
    from lxml import etree

    for el in tree.iter(etree.Element):
        attrib = el.attrib
        if not attrib or el.tag in ("script", "style", "meta", "link", "img"):
            continue
        for key in _MARK_ATTRS:
            v = attrib.get(key)
            if v and ("yline" in v or "uthor" in v or "YLINE" in v or "UTHOR" in v):
                yield el
                break


def byline(tree: Any) -> str:
    """The names in the first element marked as a byline (class, id, rel or data attribute)
    whose text starts with "By": its links when they are names, else the words after "By"."""
    for n, el in enumerate(_marked(tree)):
        if n >= 40:
            break
        text = " ".join(" ".join(el.itertext()).split())[:300]  # "By<span>Name" reads "By Name"
        m = _BY.match(text)
        if not m:
            continue
        linked = [t for t in (_text(a) for a in el.iter("a")) if _ONE_NAME.match(t)]
        if linked:
            return " and ".join(dict.fromkeys(linked))
        names = _NAMES.match(text[m.end() :])
        if names:
            name = clean_name(names.group(0))
            if name:
                return name
    return ""


def clean_name(raw: str) -> str:
    """A byline as a name: no "By", no e-mail, handle or URL, no trailing punctuation."""
    s = " ".join(raw.split())
    s = _BY.sub("", s)
    s = re.sub(r"\S+@\S+|@\w+|https?://\S+", "", s)
    s = re.sub(r"^[^\w(]+|[^\w.)]+$", "", s)  # "· Sara Khan ·", "By: A. Writer |"
    if not s or _is_url(s) or not re.search(r"[^\W\d_]", s):
        return ""
    if len(s.split()) > MAX_NAME_WORDS * 3:
        return ""
    return s


__all__ = ["PageMeta", "page_meta", "byline", "clean_name"]
