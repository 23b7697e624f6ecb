"""Where a soft-wrapped line breaks: the same breaks as the reading pane's TextArea.

Textual's own function for this is private (`textual._wrap`): code that imports it breaks
on any Textual upgrade. This module computes the same breaks from public pieces (Rich's
cell widths and `textual.expand_tabs`); tests compare it with Textual's on many lines, so
an upgrade that changes Textual's wrapping is caught there, not on screen.

Rules (Textual 8.2.8's): a line is cut into chunks, a word and the spaces after it. A
chunk that fits on the row goes on it; one that does not starts a new row; one wider
than a whole row is folded, character by character. Tab stops count from the start of
the line, not of the row.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.cells import cell_len, get_character_cell_size
from textual.expand_tabs import get_tab_widths

CHUNK = re.compile(r"\S+\s*|\s+")  # a word and the spaces after it
_NARROW: dict[str, int] = {}  # character -> 0 not one cell wide, 1 one cell, 2 one cell and a space


def _kind(line: str) -> int:
    """0: some character is not one cell (or is a tab): the general wrap; 1: all one
    cell; 2: all one cell and the only whitespace is " ", so rows can be found with rfind."""
    if line.isascii() and line.isprintable():
        return 2  # " " to "~": the usual case, decided in C
    kind = 2
    for ch in set(line):
        k = _NARROW.get(ch)
        if k is None:
            k = _NARROW[ch] = (
                0
                if ch in "\t\u200d\ufe0f" or get_character_cell_size(ch) != 1
                else 1
                if ch.isspace() and ch != " "
                else 2
            )
        if k < kind:
            if not k:
                return 0
            kind = k
    return kind


def fast_wrap_offsets(line: str, width: int) -> list[int] | None:
    """The breaks of a line whose every character is one cell, found once per screen row
    rather than once per word; None for lines it cannot do (tabs, wide or zero-width
    characters: see `wrap_offsets`).

    A row starting at `p` ends before the chunk that holds column `p + width` (that chunk
    starts at or after `p`); a chunk wider than the row is folded every `width` cells.
    """
    kind = _kind(line)
    if not kind:
        return None
    n = len(line)
    if n <= width:
        return []
    starts = [m.start() for m in CHUNK.finditer(line)] if kind == 1 else []
    breaks: list[int] = []
    p = 0
    while p + width < n:
        end = p + width
        if starts:
            s = starts[bisect_right(starts, end) - 1]
        else:
            k = end
            if line[k] == " ":
                while k > p and line[k - 1] == " ":
                    k -= 1  # back over the spaces after a word
            j = line.rfind(" ", p, k)
            s = j + 1 if j >= 0 else p
        m = CHUNK.match(line, s)
        e = m.end() if m else n
        if e - s > width:  # a word longer than the row: folded
            if s:
                breaks.append(s)
            p = s + (e - s - 1) // width * width
            breaks.extend(range(s + width, p + 1, width))
        else:
            breaks.append(s)
            p = s
    return breaks


def wrap_offsets(line: str, width: int, tab_size: int) -> list[int]:
    """The breaks of any line (tabs, wide and zero-width characters), chunk by chunk."""
    tab_size = min(tab_size, width)
    sections = get_tab_widths(line, tab_size)
    # Tab cells before each code point: a tab's width depends on where it stands.
    before: list[int] = []
    total = 0
    for section, tab in sections:
        before.extend([total] * (len(section) + (1 if tab else 0)))
        total += tab
    before.append(total)
    # Textual numbers the tabs met while folding from the line's first section on, across
    # chunks, whatever their place: kept so, for the same rows as the stock TextArea.
    folded_tabs = 0
    breaks: list[int] = []
    used = 0  # cells on the current row
    for m in CHUNK.finditer(line):
        start, end = m.span()
        chunk = m.group()
        chunk_width = cell_len(chunk) + before[end] - before[start]
        if width - used >= chunk_width:
            used += chunk_width
        elif chunk_width > width:  # folded: as many characters per row as fit
            row_width, row_start = 0, start
            rows: list[int] = []  # code point where each folded row starts
            for i, ch in enumerate(chunk, start):
                if ch == "\t":
                    w = sections[folded_tabs][1]
                    folded_tabs += 1
                else:
                    w = get_character_cell_size(ch)
                if row_width + w > width:
                    rows.append(row_start)
                    row_start, row_width = i, w
                else:
                    row_width += w
            rows.append(row_start)
            for r in rows:
                if r:
                    breaks.append(r)
            last = rows[-1]
            used = cell_len(line[last:end]) + before[end] - before[last]
        elif used and start:
            breaks.append(start)
            used = chunk_width
    return breaks
