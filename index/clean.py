"""Boilerplate spans and metadata (title, date, byline, dateline, outlet) from raw text.

Nothing is deleted: boilerplate is returned as spans over the original text so offsets
never shift, and the reader can dim or hide it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Span
from .sentences import paragraphs as _lines  # one line, one span, trimmed

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    re.compile(rf"\b(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_RE})\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]
# "Moscow, Nov 23 (V7N) —" / "WASHINGTON (Reuters) -"
_DATELINE_RE = re.compile(
    rf"^(?P<dateline>(?P<place>[A-Z][A-Za-z .'-]{{1,40}}(?:,\s*{_MONTH_RE}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?)\s*\((?P<outlet>[A-Za-z0-9 .&'-]{{2,30}})\))\s*[—–-]"
)
_BYLINE_RE = re.compile(
    r"^(?:by|written by|author:?|words by)\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*$", re.I
)
_WRITTEN_BY_RE = re.compile(r"^(?:written by|by|author:?)\s*$", re.I)
_NAME_LINE_RE = re.compile(r"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}$")
_PUBLISHED_RE = re.compile(r"^\W*(?:published|updated|posted)\s*(?:on\s*)?:?\s*", re.I)
_OUTLET_PLEA_RE = re.compile(
    r"(?:sign up for|subscribe to|please support|support)\s+(?P<outlet>[A-Z][\w]+(?:\s[A-Z]\w+)?)(?:’s|'s|\s+by)", re.I
)
_OUTLET_SURVIVED_RE = re.compile(r"^(?P<outlet>[A-Z][\w]+(?:\s[A-Z]\w+)?) survived \d{4}")


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    title_span: Span | None = None
    date: str = ""
    author: str = ""
    dateline: str = ""
    outlet: str = ""


def compile_patterns(patterns: Sequence[str]) -> list[re.Pattern[str]]:
    """Each config pattern must match a whole line (trimmed), case-insensitively."""
    return [re.compile(rf"(?:{p})", re.I) for p in patterns]


# the label of a link teaser or a section, at the start of a line ("TRENDING: …", "Also
# Read: …", "Don’t Miss: …"): page furniture, while the teaser after it quotes like a headline
TEASER_LABEL_RE = re.compile(
    r"(?:also read|read also|read more|more|related(?: articles?| stories| news| content)?|trending(?: now)?"
    r"|don[’']t miss|do not miss|must read|see also|recommended|top stories|watch|listen|latest"
    r"|breaking(?: news)?|exclusive|editor[’']s picks?|most read)\s*:\s*(?=\S)",
    re.I,
)
# a subheading glued to the sentence after it: three or more capitalised words, the last one
# run into the next word or quotation mark ("Tanks Are LiterallyThe Russian army …")
_GLUED_HEADING_RE = re.compile(
    r"((?:[A-Z][\w'’\-]*|a|an|the|of|to|in|on|for|and|or|at|by|with|as|is|are|vs)"
    r"(?: (?:[A-Z][\w'’\-]*|a|an|the|of|to|in|on|for|and|or|at|by|with|as|is|are|vs)){1,12}"
    r" [A-Z][a-z'’]*[a-z]{2})(?=[A-Z][a-z]|[“\"‘])"
)


def find_boilerplate(text: str, patterns: Sequence[re.Pattern[str]]) -> tuple[Span, ...]:
    """Lines that are not the story: ads, pleas, menus, bylines, duplicated titles; and the
    furniture inside a line: a teaser's label, a subheading glued to its sentence."""
    spans: list[Span] = []
    lines = _lines(text)
    seen: set[str] = set()
    story_started = False  # a line of words has been seen: stray marks after it are text
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        label = ""
        if not story_started and _is_stray(line):
            label = "debris"  # a close button's "x", a bullet or a bar left over from the page
        elif any(p.fullmatch(line) for p in patterns):
            label = "boilerplate"
        elif (teaser := TEASER_LABEL_RE.match(line)) is not None:
            spans.append(Span(s, s + teaser.end(), "furniture"))
        elif i > 0 and (glued := _glued_heading(text, line)) is not None:
            spans.append(Span(s, s + glued, "subheading"))
        elif _WRITTEN_BY_RE.match(line) or _BYLINE_RE.match(line):
            label = "byline"
        elif i > 0 and _WRITTEN_BY_RE.match(text[lines[i - 1][0] : lines[i - 1][1]]) and _NAME_LINE_RE.match(line):
            label = "byline"
        elif _PUBLISHED_RE.match(line) and _find_date(line):
            label = "metadata"
        elif len(line) > 20 and line in seen and i < 12:
            label = "duplicate"
        if label:
            spans.append(Span(s, e, label))
        elif len(_WORD_RE.findall(line)) >= 3:
            story_started = True
        seen.add(line)
    return tuple(spans)


_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def _is_stray(line: str) -> bool:
    """A line of at most three characters holding no word (of two letters or more):
    what is left of a page's buttons and icons ("x", "×", "|", "•") before the story."""
    return len(line) <= 3 and not _WORD_RE.search(line)


def _glued_heading(text: str, line: str) -> int | None:
    """Where a subheading run into its sentence ends, if the line starts with one: the
    rest must read as a sentence, and the glued word must be no name of its own kind
    ("YouTube" written so elsewhere in the text)."""
    m = _GLUED_HEADING_RE.match(line)
    if m is None:
        return None
    rest = line[m.end() :]
    if len(rest.split()) < 6 or not rest.rstrip(" ”\"’'").endswith((".", "!", "?")):
        return None
    if sum(w[:1].isupper() for w in m.group(1).split()) < 3:
        return None  # "Listen to HuffPost’s analysis": a name with a capital inside, no heading
    if rest[:1] in '“"‘':
        return m.end()  # run into a quotation mark
    nxt = re.match(r"([\w'’\-]+) +(\S+)", rest)
    if nxt is None or not nxt.group(2)[:1].islower():
        return None  # "Watch This YouTube Clip", "ThyssenKrupp, the …": no sentence starts there
    glued = line[line.rfind(" ", 0, m.end()) + 1 : m.end()] + nxt.group(1)
    if text.count(glued) > 1:
        return None  # a name written so elsewhere too ("McDonald", "PayPal")
    return m.end()


def _find_date(s: str) -> str:
    s = _PUBLISHED_RE.sub("", s, count=1)
    for pat in _DATE_PATTERNS:
        m = pat.search(s)
        if not m:
            continue
        month = m.group("month")
        month_no = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."), 0)
        day, year = int(m.group("day")), int(m.group("year"))
        if 1 <= month_no <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month_no:02d}-{day:02d}"
    return ""


_MAX_TITLE = 160


def _shorten(s: str, limit: int = 100) -> str:
    s = re.split(r"(?<=[.!?])\s", s, maxsplit=1)[0]
    if len(s) <= limit:
        return s
    cut = s[:limit].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


def _is_debris(line: str, first: bool = False) -> bool:
    """Lines that cannot be a title: too short, no letters, bullets, menus. Words of any
    script count ("Путин заявил …"), and a two-word line opening the file is a headline
    ("Ceasefire collapses"); anywhere else two words are more likely a menu or a label."""
    words = _WORD_RE.findall(line)
    return len(words) < (2 if first else 3)


_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def extract_metadata(text: str, boilerplate: Sequence[Span]) -> Metadata:
    """Title, date, byline, dateline and outlet, found in the text itself."""
    flagged = {(b.start, b.end) for b in boilerplate}
    lines = _lines(text)
    title, title_span = "", None
    for s, e in lines[:15]:
        if (s, e) in flagged or _is_debris(text[s:e], first=(s, e) == lines[0]):
            continue
        title, title_span = text[s:e], Span(s, e, "title")
        if len(title) > _MAX_TITLE:
            # No headline: the file starts with the story. Name it by its opening
            # words, but do not mark body text as a title.
            title, title_span = _shorten(_DATELINE_RE.sub("", title).strip()), None
        break
    head = lines[:20]
    tail = lines[-12:]
    date = ""
    for s, e in head + tail:
        if (s, e) == (title_span.start, title_span.end) if title_span else False:
            continue
        line = text[s:e]
        if _PUBLISHED_RE.match(line) or (s, e) in flagged or len(line) < 80:
            date = _find_date(line)
            if date:
                break
    author = ""
    for i, (s, e) in enumerate(lines):
        if i > 25 and i < len(lines) - 12:
            continue
        line = text[s:e]
        m = _BYLINE_RE.match(line)
        if m and not _WRITTEN_BY_RE.match(line):
            author = m.group("name")
            break
        if _WRITTEN_BY_RE.match(line) and i + 1 < len(lines):
            nxt = text[lines[i + 1][0] : lines[i + 1][1]]
            if _NAME_LINE_RE.match(nxt):
                author = nxt
                break
    dateline, outlet = "", ""
    for s, e in head[:6]:
        m = _DATELINE_RE.match(text[s:e])
        if m:
            # "Moscow, Nov 23 (V7N) —": the place and day the story was filed, and the
            # outlet. The dateline is kept without the outlet, which has a field of its own.
            dateline, outlet = m.group("place").strip(), m.group("outlet").strip()
            break
    if not outlet:
        for s, e in tail:
            line = text[s:e]
            m = _OUTLET_PLEA_RE.search(line) or _OUTLET_SURVIVED_RE.match(line)
            if m:
                outlet = m.group("outlet")
                break
    return Metadata(title=title, title_span=title_span, date=date, author=author, dateline=dateline, outlet=outlet)
