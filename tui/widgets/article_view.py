"""The reading pane: a read-only TextArea with spans styled per line.

A TextArea gives keyboard selection, soft wrap and rendering of visible lines only, so a
200 KB article opens fast. Styles are applied in `get_line` from a per-line map built
once per change, never by passing article text through markup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.document._wrapped_document import WrappedDocument
from textual.widgets import TextArea

# C0 controls (ESC above all) would reach the terminal raw; show them as their visible
# Unicode "control picture" instead. One character for one: offsets do not move.
_CONTROL_PICTURES = {i: 0x2400 + i for i in range(32) if i not in (9, 10)}
_CONTROL_PICTURES[127] = 0x2421


def visible_text(text: str) -> str:
    return text.translate(_CONTROL_PICTURES)


class _CountedHeight(WrappedDocument):
    """Textual 8.2.8 sums every line's wrap count on each `height` read, and reads it once
    per rendered line: O(lines²) per frame, 1.5 s to open a 200 KB article. The same
    number is the length of a list it already keeps."""

    @property
    def height(self) -> int:
        return len(self._offset_to_line_info)


class ArticleView(TextArea):
    """Shows one article; `spans` are (start, end, Style) over the original text."""

    DEFAULT_CSS = """
    ArticleView { border: none; padding: 0 1; }
    ArticleView:focus { border: none; }
    """

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(visible_text(text), read_only=True, soft_wrap=True, show_line_numbers=False,
                         **kwargs)  # type: ignore[arg-type]
        self._line_starts = self._compute_line_starts(text)
        self._styles: dict[int, list[tuple[int, int, Style]]] = {}
        self._margin: dict[int, tuple[str, Style]] = {}

    def __setattr__(self, name: str, value: object) -> None:
        if name == "wrapped_document" and type(value) is WrappedDocument:
            value.__class__ = _CountedHeight
        super().__setattr__(name, value)

    def load_article(self, text: str) -> None:
        self.load_text(visible_text(text))
        self._line_starts = self._compute_line_starts(text)
        self.set_spans(())

    @staticmethod
    def _compute_line_starts(text: str) -> list[int]:
        starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        return starts

    # --- offsets <-> locations ------------------------------------------------------------------

    def location_of(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self._line_starts, offset) - 1
        return row, offset - self._line_starts[row]

    def offset_of(self, location: tuple[int, int]) -> int:
        row, col = location
        row = min(max(row, 0), len(self._line_starts) - 1)
        return self._line_starts[row] + col

    @property
    def cursor_offset(self) -> int:
        return self.offset_of(self.cursor_location)

    def selection_offsets(self) -> tuple[int, int]:
        a, b = self.offset_of(self.selection.start), self.offset_of(self.selection.end)
        return (a, b) if a <= b else (b, a)

    def jump_to(self, start: int, end: int | None = None, *, select: bool = False) -> None:
        """Put the cursor at `start` (selecting to `end` if asked) and centre it."""
        from textual.widgets.text_area import Selection

        loc = self.location_of(start)
        if select and end is not None:
            self.selection = Selection(loc, self.location_of(end))
        else:
            self.selection = Selection.cursor(loc)
        self.scroll_cursor_visible(center=True, animate=False)

    # --- styling ------------------------------------------------------------------------------

    def set_spans(self, spans: Iterable[tuple[int, int, Style]]) -> None:
        """Replace every styled span; later spans are drawn over earlier ones."""
        styles: dict[int, list[tuple[int, int, Style]]] = defaultdict(list)
        starts = self._line_starts
        for start, end, style in spans:
            if end <= start:
                continue
            row, col = self.location_of(start)
            while start < end and row < len(starts):
                line_end = starts[row + 1] - 1 if row + 1 < len(starts) else end
                seg_end = min(end, line_end)
                if seg_end > start:
                    styles[row].append((col, col + (seg_end - start), style))
                row += 1
                start = starts[row] if row < len(starts) else end
                col = 0
        self._styles = dict(styles)
        self._line_cache.clear()
        self.refresh()

    def set_margin(self, marks: dict[int, tuple[str, Style]]) -> None:
        """Short labels (speaker initials) beside document lines, in the gutter.

        A second cue beside colour: readers who cannot tell two colours apart still see
        whose quote a paragraph holds.
        """
        self._margin = marks
        self.show_line_numbers = bool(marks)
        self._line_cache.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        width = self.gutter_width
        if not self._margin or not width:
            return strip
        row = self.scroll_offset.y + y
        info = self.wrapped_document._offset_to_line_info
        label, style = "", Style()
        if row < len(info) and info[row][1] == 0:
            label, style = self._margin.get(info[row][0], ("", Style()))
        cell = f"{label[: width - 1]:<{width}}"
        return Strip.join([Strip([Segment(cell, style)], width), strip.crop(width, strip.cell_length)])

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for s, e, style in self._styles.get(line_index, ()):
            line.stylize(style, s, e)
        return line
