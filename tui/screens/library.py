"""The library: every article, and search as you type over articles and quotes."""

from __future__ import annotations

import time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option

from index.models import ArticleInfo, Hit, SearchResult

from ..messages import SearchDone
from ..progress import Progress
from ..styles import HIT, quote_style
from ..widgets.keybar import KeyBar
from ..widgets.text import visible_text

PAGE = 200  # articles added to the list at a time: a table of 100,000 rows takes seconds to fill
TITLE_W, SPEAKER_W = 36, 28  # columns of a hit line; the snippet takes the rest
BOTTOM_FILL = 5000  # `G` fills the list this far at most; search finds the rest
FIRST_PASS = 0.02  # seconds a search may take before its best hits so far are shown
LISTED_HITS = 25  # about a screenful: more would only cost snippets nobody sees
SUGGEST_AFTER = 0.3  # seconds without a keystroke before a query with no hits gets a did-you-mean
DEBOUNCE = 0.0  # searching is fast enough to run on every keystroke; stale answers are dropped


def _cell(text: Text, width: int) -> Text:
    """`text` cut or padded to exactly `width` cells, then a space: one column of a hit line."""
    out = text.copy()
    out.truncate(width, overflow="ellipsis", pad=True)
    out.append(" ")
    return out


def snippet_text(hit: Hit, width: int = 160) -> Text:
    """The first snippet on one line with its matches marked (never parsed as markup)."""
    if not hit.snippets:
        return Text("")
    sn = hit.snippets[0]
    # One character for one, so the marks' offsets still fit.
    flat = "".join(" " if ch.isspace() else ch for ch in visible_text(sn.text))
    out = Text(flat)
    for a, b in sn.marks:
        out.stylize(HIT, a, b)
    out.truncate(width, overflow="ellipsis")
    return out


class LibraryScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="search"),
        Binding("escape", "leave_search", "Back to list", show=False, id="back"),
        Binding("ctrl+y", "accept_suggestion", "Did you mean", show=False, id="accept_suggestion"),
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
        Binding("g", "top", "Top", show=False, id="top"),
        Binding("G", "bottom", "Bottom", show=False, id="bottom"),
        Binding("s", "quotes_screen", "Speakers", id="speakers"),
        Binding("T", "tags_screen", "Tags", id="tags"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[str, int | None]] = []  # the visible table's rows: (article id, offset to land on)
        self._article_rows: list[tuple[str, int | None]] = []
        self._hit_rows: list[tuple[str, int | None]] = []
        self._articles: list[ArticleInfo] = []  # every article, in listing order
        self._serial = 0
        self._debounce: Timer | None = None
        self._result: SearchResult | None = None
        self._hit_width = 0
        self._progress: Progress | None = None  # the index build under way, if any

    def compose(self) -> ComposeResult:
        with Vertical(id="library"):
            yield Static(Text("quotewire", style="bold"), id="library-title")
            yield Input(placeholder="/ search: words, \"phrases\", speaker:peskov, kind:direct, outlet:, date:, tag:",
                        id="query")
            yield Static("", id="search-status")
            # The list and the hits apart: going back from a search to the list costs
            # nothing, and the list is filled a page at a time as the cursor nears its end.
            # Hits (mounted at the first search, not before the first frame) are one line
            # each in an OptionList, which renders only what changed: a DataTable
            # re-rendered every cell of every row at each keystroke.
            yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
            yield Static("Loading the corpus…", id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#articles", DataTable).focus()
        if self.app.index_ready:  # type: ignore[attr-defined]
            self.library_changed()

    def _table(self) -> DataTable | OptionList:
        """The list on show: the articles, or the hits of the current search."""
        articles = self.query_one("#articles", DataTable)
        return self.query_one("#hits", OptionList) if not articles.display else articles

    def _show_list(self, *, hits: bool) -> None:
        articles = self.query_one("#articles", DataTable)
        if articles.display != hits:
            return
        if hits and not self.query("#hits"):
            self.query_one("#library").mount(Static("", id="hits-header"), OptionList(id="hits"), after=articles)
        hit_list = self.query_one("#hits", OptionList)
        focused = articles.has_focus or hit_list.has_focus
        articles.display = not hits
        hit_list.display = self.query_one("#hits-header", Static).display = hits
        if focused:
            (hit_list if hits else articles).focus()

    # --- data ------------------------------------------------------------------------------------

    def library_changed(self) -> None:
        """The index has (new) articles: redraw the list or re-run the search."""
        self._articles = sorted(self.app.library.articles(), key=lambda a: a.id)  # type: ignore[attr-defined]
        self._fill_articles()
        q = self.query_one("#query", Input).value
        if q.strip():
            self._run_search(q)
        else:
            self._show_articles()
        self.query_one("#status", Static).update(
            Text(f"{len(self._articles)} articles · / search · Enter open · ? help · q quit"))

    def index_progress(self, done: int, total: int) -> None:
        if self._progress is None:
            self._progress = Progress()
        searchable = " · what is indexed can be searched" if self._articles else ""
        self.query_one("#status", Static).update(
            Text(f"Indexing {self._progress.line(done, total, width=20)}{searchable}"))
        if done >= total:
            self._progress = None  # the next build times itself afresh

    def _fill_articles(self) -> None:
        table = self.query_one("#articles", DataTable)
        if not table.columns:
            width = max(40, self.size.width - 70)
            for label, w in (("Title", width), ("Outlet", 14), ("Date", 10), ("Quotes", 6), ("Id", 22)):
                table.add_column(label, width=w)
        table.clear()
        self._article_rows.clear()
        self._more_articles()

    def _more_articles(self) -> None:
        """The next page of the list: a table measures every cell it is given."""
        table = self.query_one("#articles", DataTable)
        start = len(self._article_rows)
        for a in self._articles[start:start + PAGE]:
            table.add_row(Text(a.title), Text(a.outlet), Text(a.date), str(a.quote_count), Text(a.id), key=a.id)
            self._article_rows.append((a.id, None))

    @on(DataTable.RowHighlighted, "#articles")
    def _near_the_end(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self._article_rows) - PAGE // 4 and len(self._article_rows) < len(self._articles):
            self._more_articles()

    def _show_articles(self) -> None:
        self._show_list(hits=False)
        self._rows = self._article_rows
        self.query_one("#search-status", Static).update("")

    def _show_hits(self, result: SearchResult) -> None:
        self._show_list(hits=True)
        snippet_w = max(40, self.size.width - 74)
        if self._hit_width != snippet_w:
            header = Text(no_wrap=True)
            for label, w in (("Title", TITLE_W), ("Speaker", SPEAKER_W), ("Snippet", snippet_w)):
                header.append(f"{label:<{w}} ", style="bold")
            self.query_one("#hits-header", Static).update(header)
            self._hit_width = snippet_w
        rows, self._rows = [], []
        for n, h in enumerate(result.hits):
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append_text(_cell(Text(h.title), TITLE_W))
            speaker = Text("")
            if h.quote:
                speaker = Text(f"{h.quote.speaker or '—'} ({h.quote.kind})", style=quote_style(h.quote.speaker, "direct"))
            line.append_text(_cell(speaker, SPEAKER_W))
            line.append_text(snippet_text(h, snippet_w))
            rows.append(Option(line, id=str(n)))
            at = h.quote.start if h.quote else (h.snippets[0].start + (h.snippets[0].marks[0][0] if h.snippets[0].marks else 0)
                                                if h.snippets else None)
            self._rows.append((h.article, at))
        self._hit_rows = self._rows
        hit_list = self.query_one("#hits", OptionList)
        hit_list.clear_options()
        hit_list.add_options(rows)
        if rows:
            hit_list.highlighted = 0
        parts = [f"{'≥' if result.approximate else ''}{result.total} hit(s)" + (" (refining…)" if result.partial else "")]
        if result.suggestion:
            parts.append(f"Did you mean: {result.suggestion}? (ctrl+y)")
        if result.ignored:
            parts.append("ignored: " + ", ".join(result.ignored))
        self.query_one("#search-status", Static).update(Text(" · ".join(parts)))

    # --- search as you type ------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        value = event.value
        if not value.strip():
            self._serial += 1
            self._result = None
            self._show_articles()
            return
        if DEBOUNCE:
            self._debounce = self.set_timer(DEBOUNCE, lambda: self._run_search(value))
        else:
            self._run_search(value)

    def _run_search(self, q: str) -> None:
        self._serial += 1
        self._search_worker(q, self._serial)

    @work(thread=True, exclusive=True, group="search")
    def _search_worker(self, q: str, serial: int) -> None:
        lib = self.app.library  # type: ignore[attr-defined]
        # First what can be found fast; then, only if needed, the slower parts: the full
        # search when the time limit cut it short, a did-you-mean when nothing matched.
        result = lib.search(q, limit=LISTED_HITS, exact_total=False, time_limit=FIRST_PASS, suggest=False)
        self.post_message(SearchDone(result, serial))
        if serial != self._serial:
            return
        if result.partial:
            result = lib.search(q, limit=LISTED_HITS, exact_total=False, suggest=False)
            self.post_message(SearchDone(result, serial))
        if result.total == 0 and serial == self._serial:
            # Did-you-mean costs tens of milliseconds: ask only once typing pauses, so it
            # never holds up the search for the next keystroke.
            time.sleep(SUGGEST_AFTER)
            if serial == self._serial:
                self.post_message(SearchDone(lib.search(q, limit=LISTED_HITS, exact_total=False), serial))

    def on_search_done(self, message: SearchDone) -> None:
        if message.serial != self._serial:
            return  # a newer keystroke already asked again
        self._result = message.result
        self._show_hits(message.result)

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        table = self._table()
        table.focus()
        if self._result and self._result.hits:
            self._open_row(0)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._open_row(event.cursor_row)

    @on(OptionList.OptionSelected, "#hits")
    def _hit_selected(self, event: OptionList.OptionSelected) -> None:
        self._open_row(event.option_index)

    def _open_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        article_id, at = self._rows[row]
        q = self.query_one("#query", Input).value
        self.app.open_article(article_id, at=at, query=q)  # type: ignore[attr-defined]

    # --- actions ---------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#query", Input).focus()

    def action_leave_search(self) -> None:
        self._table().focus()

    def action_accept_suggestion(self) -> None:
        if self._result and self._result.suggestion:
            inp = self.query_one("#query", Input)
            inp.value = self._result.suggestion
            inp.cursor_position = len(inp.value)

    def action_cursor_down(self) -> None:
        self._table().action_cursor_down()

    def action_cursor_up(self) -> None:
        self._table().action_cursor_up()

    def action_top(self) -> None:
        t = self._table()
        if isinstance(t, OptionList):
            t.action_first()
        else:
            t.move_cursor(row=0)

    def action_bottom(self) -> None:
        t = self._table()
        if isinstance(t, OptionList):
            t.action_last()
            return
        while len(self._article_rows) < min(len(self._articles), BOTTOM_FILL):
            self._more_articles()  # the list is filled a page at a time: fill it (up to a limit)
        t.move_cursor(row=max(0, t.row_count - 1))

    def action_quotes_screen(self) -> None:
        from .quotes import QuotesScreen

        self.app.push_screen(QuotesScreen())

    def action_tags_screen(self) -> None:
        from .tags import TagsScreen

        self.app.push_screen(TagsScreen())
