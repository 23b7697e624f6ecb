"""A list of one-line rows, made and drawn only when they come on screen.

The library shows 100,000 articles, and search as you type replaces its list at every
keystroke. A `DataTable` measured every cell it was given and re-rendered every cell at
each change; `OptionList` wrapped every option twice before showing it. Here the list
is a row count and a function that makes row `i` as `Text`; a row becomes one strip when
it is first on screen and is kept until the rows change.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowList(ScrollView, can_focus=True):
    """Rows of `Text`; the cursor row is highlighted; Enter or a click chooses it."""

    # j/k and g/G as in every list (ids shared with the screens' own, so remapping one
    # remaps all).
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="down"),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("home,g", "first", "Top", show=False, id="top"),
        Binding("end,G", "last", "Bottom", show=False, id="bottom"),
        Binding("enter", "select", show=False),
    ]
    # The cursor row stays marked when the list loses the focus (another pane has it).
    DEFAULT_CSS = """
    RowList { height: 1fr; background: $surface; }
    RowList > .row-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground;
                                  text-style: $block-cursor-text-style; }
    RowList:blur > .row-list--cursor { background: $block-cursor-blurred-background; text-style: bold; }
    """
    COMPONENT_CLASSES = {"row-list--cursor"}

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Selected(Message):
        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list, self.index = row_list, index

        @property
        def control(self) -> RowList:  # lets `@on(RowList.Selected, "#id")` match
            return self.row_list

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.row_count = 0
        self._row_at: Callable[[int], Text] = lambda i: Text("")
        # Strips of the rows seen lately: scrolling through 100,000 rows keeps only these.
        self._strips: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(1024)

    def set_rows(self, count: int, row_at: Callable[[int], Text], *, cursor: int = 0) -> None:
        """Show `count` rows; `row_at(i)` makes row `i` when it first comes on screen."""
        self.row_count, self._row_at = count, row_at
        self._strips.clear()
        self.virtual_size = Size(self.size.width, count)
        cursor = max(0, min(cursor, count - 1))
        if cursor == 0:
            self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor = cursor
        if cursor:  # once the new length is laid out, or the scroll stops at the old one
            self.call_after_refresh(self._scroll_to_cursor)
        self.refresh()

    # --- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= index < self.row_count:
            return Strip.blank(width, base)
        on_cursor = index == self.cursor
        key = (index, width, on_cursor, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            row = self._row_at(index)
            if row.cell_len > width:  # cut with an ellipsis, so a cut row reads as cut
                row = row.copy()
                row.truncate(width, overflow="ellipsis")
            segments = list(row.render(self.app.console, end=""))
            strip = Strip(segments)
            # The cursor's look goes under the row's own styles (a search hit keeps its
            # yellow) but over the list's background: applied after the background, the
            # list's colour covered it and the current row showed only as bold text.
            if on_cursor:
                cursor = self._cursor_style()
                strip = strip.apply_style(cursor).adjust_cell_length(width, base + cursor)
            else:
                strip = strip.adjust_cell_length(width, base)
            strip = strip.apply_style(base)
            self._strips[key] = strip
        return strip

    def _cursor_style(self) -> Style:
        return self.get_component_rich_style("row-list--cursor")

    def watch_cursor(self, old: int, new: int) -> None:
        if not self.row_count:
            return
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, immediate=True)

    def _refresh_row(self, index: int) -> None:
        self.refresh(Region(0, index - self.scroll_offset.y, self.size.width, 1))

    def on_focus(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self.row_count)

    # --- keys and mouse -------------------------------------------------------------------------

    def _move(self, to: int) -> None:
        if self.row_count:
            self.cursor = max(0, min(self.row_count - 1, to))

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_page_up(self) -> None:
        self._move(self.cursor - max(1, self.size.height - 1))

    def action_page_down(self) -> None:
        self._move(self.cursor + max(1, self.size.height - 1))

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(self.row_count - 1)

    def action_select(self) -> None:
        if self.row_count:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < self.row_count:
            self.cursor = index
            self.post_message(self.Selected(self, index))
