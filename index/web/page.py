"""A saved web page as an article: its main text read by trafilatura, its metadata.

The article's text is trafilatura's text (one paragraph a line) without the lines that are
page furniture by their words alone ("Read more: ...", copyright and reprint notices,
subscription and newsletter pleas, photo credits); every offset (quotes, tags, search
hits) refers to it, so it must be the same for the same file: the versions of trafilatura
and of the packages it reads with are part of the index's extraction key
(`extractor_versions`), so an upgrade reads every page again.

A page trafilatura finds no text in is read by the simple converter (`index.htmltext`)
and the caller is told so; a page with no text at all is reported, never silently empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .meta import PageMeta, byline, clean_name, page_meta

# What decides the text and the metadata of a page: their versions are in the cache key.
EXTRACTOR_PACKAGES = ("trafilatura", "htmldate", "justext", "lxml", "lxml_html_clean", "courlan", "dateparser")
# trafilatura's fast path (no readability/jusText comparison) is a third quicker and gave
# the same text on every page of the benchmark; a page whose text comes out shorter than
# this is read again with the comparison, where the fallbacks earn their time.
FULL_BELOW = 1500  # characters


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str = ""
    author: str = ""
    date: str = ""
    outlet: str = ""
    url: str = ""
    fallback: str = ""  # why the simple converter read it ("" when trafilatura did)

    def meta(self) -> dict[str, str]:
        return {"title": self.title, "author": self.author, "date": self.date, "outlet": self.outlet, "url": self.url}


def extractor_versions() -> str:
    """The installed versions of the packages in `EXTRACTOR_PACKAGES`, for the cache key.

    Read from the names of their `.dist-info` folders: `importlib.metadata` alone takes
    50 ms to import, and this runs whenever the index is checked."""
    import os
    import sys

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "_", name).lower()

    wanted = {norm(n): n for n in EXTRACTOR_PACKAGES}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                dist, _, ver = name.rsplit(".", 1)[0].partition("-")
                key = norm(dist)
                if key in wanted and key not in found:
                    found[key] = ver
    return ";".join(f"{name}={found.get(key, 'none')}" for key, name in wanted.items())


# --- decoding -------------------------------------------------------------------------------

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.I)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_html(data: bytes) -> tuple[str, str | None]:
    """A page's text: by its byte-order mark, else the charset its `<meta>` declares, else
    UTF-8, else cp1252 (with a warning, as for any text file)."""
    import codecs

    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, "replace"), None
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            enc = codecs.lookup(m.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            enc = ""
        if enc and enc not in ("utf-8", "ascii"):
            if enc in ("latin-1", "iso8859-1"):
                enc = "cp1252"  # what browsers read "iso-8859-1" as
            try:
                return data.decode(enc), None
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return data.decode("cp1252", "replace"), f"not valid UTF-8 (byte {exc.start}); read as cp1252"


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_SINGLEFILE = re.compile(r"<!--\s*Page saved with SingleFile\s*url:\s*(\S+)", re.I)


def saved_from(html: str) -> str:
    """The URL a browser (or `quotewire add`) noted when it saved the page, if any."""
    head = html[:4096]
    m = _SAVED_FROM.search(head) or _SINGLEFILE.search(head)
    return m.group(1) if m else ""


# --- reading --------------------------------------------------------------------------------


def read_page(html: str, url: str = "") -> Page:
    """The article in a page (`url`: where it came from, if known)."""
    _quiet()
    from trafilatura.utils import load_html

    url = url or saved_from(html)
    tree = load_html(html)
    if tree is None:
        return _fallback(html, url, "not an HTML page trafilatura can parse")
    # What the page says about itself, from the tree as parsed (trafilatura works on a copy):
    # this, not trafilatura's own metadata pass, which cost a fifth of the reading time.
    pm = page_meta(tree)
    doc = _extract(tree, url, fast=True)
    if doc is None or len(doc.text or "") < FULL_BELOW:
        full = _extract(tree, url, fast=False)
        if full is not None and len(full.text or "") >= len((doc.text if doc else "") or ""):
            doc = full
    text = drop_furniture(doc.text or "") if doc is not None else ""
    if not text.strip():
        return _fallback(html, url, "trafilatura found no article text", pm)
    return Page(
        text=text,
        title=choose_title("", pm),
        author=_author(tree, pm),
        date=_iso(_find_date(tree, pm.url or url)) or _iso(pm.published),
        outlet=pm.site_name or _host(pm.url or url),
        url=pm.url or url,
    )


def _author(tree: Any, pm: PageMeta, found: str = "") -> str:
    """From the page's metadata, else its byline, else trafilatura's search for one."""
    author = choose_author(found, pm, pm.site_name)
    if not author:
        author = choose_author(byline(tree), pm, pm.site_name)
    if not author:
        from trafilatura.metadata import extract_author

        try:
            author = choose_author(extract_author(tree) or "", pm, pm.site_name)
        except Exception:  # its XPaths on an odd tree
            author = ""
    return author


def _find_date(tree: Any, url: str) -> str:
    """The publication date as trafilatura finds it (htmldate, original date, extensive)."""
    from htmldate import find_date
    from trafilatura.settings import set_date_params

    try:
        return find_date(tree, url=url or None, **set_date_params(True)) or ""
    except Exception:  # htmldate on a page it cannot parse
        return ""


def _host(url: str) -> str:
    m = re.match(r"[a-z]+://(?:www\.)?([^/:?#]+)", url or "", re.I)
    return m.group(1) if m else ""


def _quiet() -> None:
    """trafilatura and htmldate log their doubts as warnings, which Python prints on stderr
    when nothing is configured: quotewire says what matters itself, once per file."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _extract(tree: Any, url: str, *, fast: bool) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree, url=url or None, fast=fast, include_comments=False, with_metadata=False, deduplicate=False
        )
    except (ValueError, TypeError, RecursionError):  # a page lxml or trafilatura chokes on
        return None


def _fallback(html: str, url: str, why: str, pm: PageMeta | None = None) -> Page:
    """The simple converter's text, and the metadata the page gives machines."""
    from ..htmltext import html_to_text

    text, meta = html_to_text(html)
    title = meta.get("title", "")
    if pm is not None:
        title = choose_title(title, pm)
    return Page(
        text=text,
        title=title,
        author=choose_author(meta.get("author", ""), pm, meta.get("outlet", "")) if pm else meta.get("author", ""),
        date=_iso(meta.get("date", "")) or (_iso(pm.published) if pm else ""),
        outlet=meta.get("outlet", "") or (pm.site_name if pm else ""),
        url=meta.get("url", "") or (pm.url if pm else "") or url,
        fallback=f"{why}; read with the simple HTML converter",
    )


def _iso(raw: str) -> str:
    m = re.match(r"\d{4}-\d\d-\d\d", raw or "")
    return m.group(0) if m else ""


# --- metadata choices -----------------------------------------------------------------------


_STOP = frozenset("a an the and or of in on at to for with by from is are was be as it its s".split())


def _words(s: str, drop: frozenset[str] | set[str] = frozenset()) -> set[str]:
    return set(re.findall(r"\w+", s.lower())) - _STOP - drop


def _alike(a: str, b: str, site: str = "") -> bool:
    """Two titles of one story: at least two words in common besides the site's name and
    little words, and half the words of the shorter. (A logo in an `<h1>` shares only the
    site's name with the `<title>`.)"""
    drop = _words(site)
    wa, wb = _words(a, drop), _words(b, drop)
    shared = len(wa & wb)
    return shared >= 2 and shared >= 0.5 * min(len(wa), len(wb))


def choose_title(found: str, pm: PageMeta) -> str:
    """The headline the page shows: its `<h1>` where that agrees with a title the page's
    metadata gives (JSON-LD headline, `og:title`, `<title>`, trafilatura's pick), else the
    JSON-LD article's headline, else trafilatura's title without the site's name. A page's
    `og:title` or JSON-LD headline may be a rewrite for social media or search engines;
    the `<h1>` alone may be the site's logo."""
    refs = [t for t in (pm.headline, found, pm.og_title, pm.title_tag) if t]
    for h1 in pm.h1:
        if not refs or any(_alike(h1, r, pm.site_name) for r in refs):
            return h1
    return pm.headline or strip_site(found or pm.og_title or pm.title_tag, pm.site_name)


_SEP = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")


def strip_site(title: str, site: str) -> str:
    """`Headline | Site` -> `Headline`: a trailing (or leading) part that is the site's
    name, a domain or a date goes."""
    parts = _SEP.split(title.strip())
    if len(parts) < 2:
        return title.strip()
    key = re.sub(r"\W+", "", site.lower())

    def furniture(p: str) -> bool:
        k = re.sub(r"\W+", "", p.lower())
        return bool(
            (key and (k == key or (len(k) > 2 and (k in key or key in k))))
            or re.fullmatch(r"[\w-]+(\.[\w-]+)+", p.strip())
            or re.fullmatch(r"[\d./-]{6,10}", p.strip())
        )

    while len(parts) > 1 and furniture(parts[-1]):
        parts.pop()
    while len(parts) > 1 and furniture(parts[0]):
        parts.pop(0)
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def join_names(names: list[str]) -> str:
    """`A`, `A and B`, `A, B and C`: how a byline reads."""
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def choose_author(found: str, pm: PageMeta | None, site: str) -> str:
    """The byline's people: `found` unless it is the site itself or a URL, else the JSON-LD
    article's Person authors, else the `author` meta tag."""
    site_key = re.sub(r"\W+", "", site.lower())

    def people(raw: str) -> list[str]:
        out = []
        for part in re.split(r";|\s+and\s+|\s*&\s*", raw):
            name = clean_name(part)
            key = re.sub(r"\W+", "", name.lower())
            if name and key != site_key and (not pm or key != re.sub(r"\W+", "", pm.site_name.lower())):
                out.append(name)
        return out

    candidates = [found]
    if pm is not None:
        candidates += ["; ".join(pm.ld_authors), pm.meta_author]
    for raw in candidates:
        names = people(raw)
        if names:
            return join_names(names)
    return ""


# --- furniture lines ------------------------------------------------------------------------

# Furniture by its first words ("Read more: ...") or by a phrase anywhere in a short line.
_LEADS = re.compile(
    r"""
    \(?(?:read|see|watch|listen)\s+(?:more|also|next)\b.{0,200}          # Read more: ..., See also ...
    | (?:also\s+read|related(?:\s+(?:stories|articles|coverage|content))?|recommended|more\s+on\s+this(?:\s+story)?)\s*[:|>].{0,200}
    | \(?(?:photo|image|picture|illustration|video|header|top|lead|cover)?\s*credits?\s*:.{0,120}
    | (?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*|\(c\)\s*)?\d{4}).{0,300}    # © 2024 The Paper ...
    """,
    re.I | re.X,
)
_PHRASES = re.compile(
    r"""
    \b(?:copyrighted\s+property|all\s+rights\s+reserved|may\s+not\s+be\s+(?:re)?(?:published|produced|distributed|broadcast|written)|permission\s+must\s+be\s+obtained)\b
    | \b(?:you(?:'|’)re\s+already\s+a\s+subscriber|subscribe\s+(?:now|today|here)|(?:please|to\s+continue|to\s+read|to\s+view)\b.{0,60}\bsubscri(?:be|ption)|subscribers?\s+(?:also\s+)?(?:receive|get|enjoy))\b
    | \b(?:sign\s+up|get|subscribe\s+to)\b.{0,100}\b(?:newsletter|daily\s+edition|by\s+e-?mail|in\s+your\s+inbox)\b
    | \b(?:we\s+want\s+to\s+hear\s+what\s+you\s+think|let\s+us\s+know\s+what\s+you\s+think|submit\s+a\s+letter\s+to\s+the\s+editor)\b
    """,
    re.I | re.X,
)
# a word one of the phrases needs: most lines hold none, and are passed at this cost
_PHRASE_CUE = re.compile(
    r"copyright|rights\s+reserved|may\s+not\s+be|permission|subscri|newsletter|edition|e-?mail|inbox|what\s+you\s+think|letter\s+to",
    re.I,
)
MAX_FURNITURE_WORDS = 60  # a longer line is prose, whatever words it holds
# A word mixing Latin and Cyrillic letters ("Аdvеrtіѕе") is text disguised from filters.
_MIXED_SCRIPT = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[\u0400-\u04ff])\w+\b")


def is_furniture(line: str) -> bool:
    """A line that is page furniture by its words alone."""
    s = line.strip()
    if not s:
        return False
    if len(s.split()) <= MAX_FURNITURE_WORDS:
        if _LEADS.fullmatch(s) or (_PHRASE_CUE.search(s) and _PHRASES.search(s)):
            return True
    return len(_MIXED_SCRIPT.findall(s)) >= 3


def drop_furniture(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not is_furniture(line))


__all__ = ["Page", "read_page", "decode_html", "saved_from", "extractor_versions", "drop_furniture"]
