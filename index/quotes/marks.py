"""Quotation marks and their pairing, per paragraph.

Reads the article's text and paragraphs; returns ``Seg`` records, one per stretch of
quoted content. A mark's role is read from its context (after a space it opens, before
one it closes) more than from its glyph, because real typography is broken. A stray
mark stays local: an unmatched closer is ignored, an unmatched opener ends at its
paragraph; a paragraph that ends inside a quotation and is followed by one that opens
with a mark continues it (one ``group``). ''Two apostrophes'' are read as one double
mark, and a quoted nickname inside a name (Juan “Chico” Manriquez) is no quotation.
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass

from .words import FIRST_NAMES

_OPEN_GLYPHS = frozenset("“«„‟‶")
_CLOSE_GLYPHS = frozenset("”»″")
# ″ (a double prime) stands for a straight mark on pages typeset by hand, on either side
# a mark's style: a quotation inside another, or a paragraph continuing one, keeps to its style
_STYLE = {'"': 0, "″": 0, "‶": 0, "“": 1, "”": 1, "‟": 1, "„": 1, "«": 2, "»": 2}
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:;,…\u00a0" + "'‘’\"“”«»‹›″")
_CLOSE_CONTEXT = frozenset(" \t\n.,;:!?)]}—–-/…\u00a0" + "'‘’\"“”«»‹›″")
# the end of an utterance, right before a closing mark with no space after it ("…,”Polyansky said")
_UTTERANCE_END = frozenset(",.!?…")
_MARK_RE = re.compile('["“”«»„‟″‶]')
# single marks: a straight one counts only at a word's edge (the apostrophe of "don't" is none)
# a single mark: curly, a guillemet, or a straight one at a word's edge (not "don't", "Blair's":
# between two word characters); the class first, so the engine skips ahead to a mark
_SINGLE_RE = re.compile(r"['‘’‹›](?:(?<=')(?:(?<!\w')|(?!\w))|(?<!'))")
_START = re.Match.start
_SINGLE_OPENERS = frozenset("‘‹")
START = operator.attrgetter("start")


@dataclass(slots=True)
class Seg:
    """Quoted content between two marks (or to the end of its paragraph)."""

    start: int
    end: int
    open_pos: int
    close_pos: int | None
    para: int
    group: int = 0


# ''Two apostrophes'' as quotation marks (wire copy, some archives): read as one straight
# double mark on the side of the quotation, and a space on the other
DOUBLED_APOSTROPHES_RE = re.compile(r"(?<!')'''?(?!')")


def as_double_mark(m: re.Match[str]) -> str:
    """Two apostrophes, or three with a single mark nested ('''College Bowl' ...''',
    ... bad.'''), as the same number of characters with one straight double mark."""
    s, i, n = m.string, m.start(), len(m.group())
    before = s[i - 1] if i > 0 else " "
    after = s[i + n] if i + n < len(s) else " "
    opens = (before.isspace() or before in "([{—–-:") and not after.isspace()
    closes = not before.isspace() or after.isspace() and s[:i].rstrip()[-1:] in ("'", "’", ",", ".", "?", "!", ";", ":")
    if opens:
        return ' "' if n == 2 else " \"'"  # opens: ''I don't think ..., '''College Bowl'
    if closes:
        return '" ' if n == 2 else "'\" "  # closes: ... is,'' said, ... bad.''' But; ... poor,' '' she
    return m.group()


def _mark_role(text: str, i: int, ps: int, pe: int) -> str:
    """'open', 'close' or '' from the characters around the mark, glyph as tie-break."""
    prev = text[i - 1] if i > ps else " "
    nxt = text[i + 1] if i + 1 < pe else " "
    can_open = prev in _OPEN_CONTEXT and not nxt.isspace()
    can_close = nxt in _CLOSE_CONTEXT and not prev.isspace()
    if can_open and prev in _UTTERANCE_END and nxt.isalnum():
        can_close = True  # '…,”Polyansky explained' or 'said,“We …': a space missing, the glyph decides
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    ch = text[i]
    if ch in _OPEN_GLYPHS:
        return "open"
    if ch in _CLOSE_GLYPHS:
        return "close"
    return ""  # a straight mark with no clue: decided by the pairing state


def pair_marks(text: str, paras: list[tuple[int, int]]) -> list[Seg]:
    segs: list[Seg] = []
    singles = _single_marks(text)
    has_single = bool(singles)
    doubles = list(map(_START, _MARK_RE.finditer(text)))  # (one C-level scan, not one per paragraph)
    if not has_single and not doubles:
        return segs  # no quotation mark at all
    carry: int | None = None  # group id of a quote continuing from the last paragraph
    group = 0
    for pi, (ps, pe) in enumerate(paras):
        open_pos: int | None = None
        cont = carry
        carry = None
        join: int | None = None  # the group a re-opened quotation goes on in
        inner = False  # inside a quotation of the other style within the open one
        lo = bisect.bisect_left(doubles, ps)
        for i in doubles[lo : bisect.bisect_left(doubles, pe, lo)]:
            role = _mark_role(text, i, ps, pe)
            if inner:
                inner = role == "open"  # its closing mark (the open quotation goes on)
                continue
            if not role:
                role = "open" if open_pos is None else "close"
            if role == "open":
                if open_pos is not None and i == open_pos + 1:
                    continue  # doubled mark
                if open_pos is not None and _nested(text, open_pos, i):
                    inner = True  # '"… not about “Equal Justice Under Law” anymore.'
                    continue
                if open_pos is not None and _reopened(text, open_pos, i):
                    # ‘said: "A. "B."’: each sentence opened again, the closing mark left out
                    # (British style): A is quoted too, and one quotation with B
                    gid = join or (cont if (cont is not None and open_pos == ps) else None)
                    if gid is None:
                        group += 1
                        gid = group
                    end = len(text[:i].rstrip())
                    segs.append(Seg(open_pos + 1, end, open_pos, None, pi, gid))
                    join, cont = gid, None
                open_pos = i
            elif open_pos is not None:
                if i > open_pos + 1:
                    gid = join or (cont if (cont is not None and open_pos == ps) else None)
                    if gid is None:
                        group += 1
                        gid = group
                    segs.append(Seg(open_pos + 1, i, open_pos, i, pi, gid))
                open_pos = None
                cont = join = None
            # an unmatched closer is a stray mark: ignored
        if open_pos is not None:
            # (a mark of the other style opens a new quotation: '"… an oral spanking. ¶ “You’ve …”')
            nxt_starts_quote = pi + 1 < len(paras) and _STYLE.get(text[paras[pi + 1][0]], -1) == _STYLE[text[open_pos]]
            content_end = pe
            if content_end - open_pos > 1 and (
                nxt_starts_quote or join is not None or _looks_like_opening(text, open_pos, ps, pe)
            ):
                gid = join or (cont if (cont is not None and open_pos == ps) else None)
                if gid is None:
                    group += 1
                    gid = group
                segs.append(Seg(open_pos + 1, content_end, open_pos, None, pi, gid))
                if nxt_starts_quote:
                    carry = gid
        if has_single:
            lo = bisect.bisect_left(singles, ps)
            if lo < len(singles) and singles[lo] < pe:
                _pair_single(text, ps, pe, segs, pi, singles[lo : bisect.bisect_left(singles, pe, lo)])
    segs.sort(key=START)
    for s in segs:
        if s.group == 0:
            group += 1
            s.group = group
    return segs


def _nested(text: str, open_pos: int, i: int) -> bool:
    """Does the mark at `i` open a quotation inside the open one: the other style of mark
    (curly in straight, straight in curly, guillemets), in the middle of a sentence? After
    a sentence's end it is a new quotation, the open one's closing mark lost."""
    style = _STYLE.get(text[i], 0)
    return style != _STYLE.get(text[open_pos], 0) and not text[open_pos + 1 : i].rstrip().endswith((".", "?", "!"))


def _reopened(text: str, open_pos: int, i: int) -> bool:
    """Is the mark at `i` a quotation opened again after a whole sentence of it, its
    closing mark left out ("… unpick. "It will be …")?"""
    inner = text[open_pos + 1 : i].rstrip()
    # (a sentence may end inside a quotation of its own: "… saying 'what do you want?' "To …")
    ended = inner.rstrip("'’›").endswith((".", "?", "!"))
    return ended and text[i - 1].isspace() and len(inner.split()) >= 2


def _looks_like_opening(text: str, open_pos: int, ps: int, pe: int) -> bool:
    """An unclosed mark still opens a quote when it starts a paragraph or a sentence
    (its closing mark lost: '… communique. “Ukraine’s future will be in NATO. …') or
    follows a colon or a comma."""
    before = text[ps:open_pos].rstrip()
    return (not before or before.endswith((":", ",", ".", "?", "!"))) and len(text[open_pos:pe].split()) >= 4


def _single_marks(text: str) -> list[int]:
    """Where the single marks are: curly ones and guillemets, and straight ones at a
    word's edge (one C-level scan finds them; most apostrophes sit inside a word)."""
    return list(map(_START, _SINGLE_RE.finditer(text)))


def _pair_single(text: str, ps: int, pe: int, segs: list[Seg], pi: int, marks: list[int]) -> None:
    """Pair single marks outside double quotes: ‘…’, ‹…› and straight '…' (a headline's
    'Fake', a British paper's 'I won't go into details'), mixed as broken typography mixes
    them. A mark between two letters is an apostrophe ("don't", matched by no candidate), and
    "Reuters’ sources" (a plural possessive) never closes."""
    inner: list[tuple[int, int]] = []
    for s in reversed(segs):  # this paragraph's double-quoted spans are the last ones added
        if s.para != pi:
            break
        inner.append((s.open_pos, s.close_pos if s.close_pos is not None else s.end))
    inner.sort()
    inner_starts = [a for a, _ in inner]
    open_pos: int | None = None
    for i in marks:
        k = bisect.bisect_right(inner_starts, i) - 1
        if k >= 0 and inner[k][0] <= i <= inner[k][1]:
            continue  # inside a double-quoted span: an inner quote or an apostrophe
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        ch = text[i]
        opens = ch in _SINGLE_OPENERS or ch == "'" and not (open_pos is not None and not prev.isspace())
        if opens:
            if prev in _OPEN_CONTEXT and nxt.isalnum():
                open_pos = i
        elif open_pos is not None and not nxt.isalnum() and not prev.isspace():
            if prev in "sS" and nxt == " " and i + 2 < pe and text[i + 2].islower():
                continue  # plural possessive ("the sources’ claims")
            if i > open_pos + 1 + (ch == "'" or text[open_pos] == "'"):
                segs.append(Seg(open_pos + 1, i, open_pos, i, pi, 0))  # (straight: 'n' is no quotation)
            open_pos = None


_NICKNAME_RE = re.compile(r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*)?")
_NAME_BEFORE_RE = re.compile(r"(?<![\w'’.\-])([A-Z][\w'’\-]*\.?) +$")


def is_nickname(text: str, seg: Seg) -> bool:
    """Juan "Chico" Manriquez: one or two capitalised words quoted inside a name."""
    if seg.close_pos is None or seg.end - seg.start > 30 or not _NICKNAME_RE.fullmatch(text, seg.start, seg.end):
        return False
    before = _NAME_BEFORE_RE.search(text, max(0, seg.open_pos - 30), seg.open_pos)
    if before is None or before.group(1).lower() not in FIRST_NAMES:
        return False  # (a first name before it: not a headline's “Invisible” As A Child)
    after = text[seg.close_pos + 1 : seg.close_pos + 4].lstrip(" ")  # (two spaces: ''Chico'' read as "Chico")
    return 0 < len(after) and after[0].isupper() and text[seg.close_pos + 1] == " "
