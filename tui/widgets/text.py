"""Article text made safe to draw (never markup, never raw terminal controls), and cut to fit."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

from index.inert import inert as visible_text
from index.inert import inert_line as visible_line

ELLIPSIS = "…"


def cut_at_word(text: str, width: int) -> str:
    """`text` on one line in at most `width` cells; cut, it ends at a word and "…"
    (a word longer than the whole width is cut inside)."""
    line = " ".join(visible_line(text).split())
    if cell_len(line) <= width:
        return line
    if width <= 1:
        return ELLIPSIS[:width]
    head = set_cell_size(line, width - 1)
    if not head[-1:].isspace() and not line[len(head) : len(head) + 1].isspace():  # inside a word: back to its start
        space = head.rstrip().rfind(" ")
        if space > 0:
            head = head[:space]
    return head.rstrip(" ,;:—–-") + ELLIPSIS


__all__ = ["ELLIPSIS", "cut_at_word", "visible_line", "visible_text"]
