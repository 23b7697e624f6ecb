"""The reading pane: a read-only TextArea with spans styled per line.

A TextArea gives keyboard selection, soft wrap and rendering of visible lines only, so a
200 KB article opens fast. Styles are applied in `get_line` from a per-line map built
once per change, never by passing article text through markup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from typing import cast

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.expand_tabs import get_tab_widths
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Document, DocumentNavigator, Location, Selection, WrappedDocument

from .text import visible_text  # re-exported: other screens import it from here
from .wrap import fast_wrap_offsets, wrap_offsets

__all__ = ["ArticleView", "fast_wrap_offsets", "visible_text"]


class _CountedHeight(WrappedDocument):
    """Textual 8.2.8 sums every line's wrap count on each `height` read, and reads it once
    per rendered line: O(lines²) per frame, 1.5 s to open a 200 KB article. The same
    number is the length of a list it already keeps.

    `wrap` (every line, on open and again on each width change) spent ~0.1 s on a 200 KB
    article measuring word by word; `fast_wrap_offsets` gives the same breaks per row."""

    @property
    def height(self) -> int:
        return len(self._offset_to_line_info)

    _wrapped_for: tuple[int, int] | None = None  # (width, tab width) the lists were built for

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        self._wrapped_for = None  # an edit: the next full wrap must not be skipped
        super().wrap_range(start, old_end, new_end)

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        self._width = width
        if tab_width:
            self._tab_width = tab_width
        tab_width = self._tab_width
        if self._wrapped_for == (width, tab_width):
            return  # TextArea asks again at the same width (mount, resize, scrollbar)
        self._wrapped_for = (width, tab_width)
        all_offsets: list[list[int]] = []
        line_info: list[tuple[int, int]] = []
        line_offsets: list[list[int]] = []
        tab_widths: list[list[int]] = []
        y = 0
        for index, line in enumerate(self.document.lines):
            offsets = fast_wrap_offsets(line, width) if width else None
            if offsets is not None or (not width and "\t" not in line):
                offsets = offsets or []
                tab_widths.append([0] if line else [])
            else:
                offsets = wrap_offsets(line, width, tab_width) if width else []
                tab_widths.append([w for _, w in get_tab_widths(line, tab_width)])
            rows = len(offsets) + 1
            all_offsets.append(offsets)
            line_info.extend((index, k) for k in range(rows))
            line_offsets.append(list(range(y, y + rows)))
            y += rows
        self._wrap_offsets = all_offsets
        self._offset_to_line_info = line_info
        self._line_index_to_offsets = line_offsets
        self._tab_width_cache = tab_widths


class ArticleView(TextArea):
    """Shows one article; `spans` are (start, end, Style) over the original text."""

    DEFAULT_CSS = """
    ArticleView { border: none; padding: 0 1; }
    ArticleView:focus { border: none; }
    """

    def __init__(self, text: str = "", *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        # No cursor-line highlight: in an article a "line" is a whole paragraph, and its
        # background hid the speakers' colours and the current search hit.
        super().__init__(
            visible_text(text),
            read_only=True,
            soft_wrap=True,
            show_line_numbers=False,
            highlight_cursor_line=False,
            id=id,
        )
        self._line_starts = self._compute_line_starts(text)
        self._styles: dict[int, list[tuple[int, int, Style]]] = {}
        self._margin: dict[int, tuple[str, Style]] = {}

    def __setattr__(self, name: str, value: object) -> None:
        if name == "wrapped_document" and type(value) is WrappedDocument:
            value.__class__ = _CountedHeight
            counted = cast(_CountedHeight, value)
            counted._wrapped_for = (counted._width, counted._tab_width)  # its __init__ has just wrapped
        super().__setattr__(name, value)

    def _set_document(self, text: str, language: str | None) -> None:
        """Textual 8.2.8's own steps for plain text, building our wrapped document directly:
        the stock one would wrap every line once more before `__setattr__` could swap it."""
        if language:
            super()._set_document(text, language)
            return
        self._highlight_query = None
        self.document = Document(text)
        self.wrapped_document = _CountedHeight(self.document, tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._build_highlight_map()
        self.move_cursor((0, 0))
        self._rewrap_and_refresh_virtual_size()

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
