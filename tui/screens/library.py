"""The library: every article, and search as you type over articles and quotes."""

from __future__ import annotations

import time

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from index.models import ArticleInfo, Hit, SearchResult

from ..messages import SearchDone
from ..progress import Progress
from ..styles import HIT, quote_style
from ..widgets.keybar import KeyBar
from ..widgets.row_list import RowList
from ..widgets.text import visible_text

TITLE_W, SPEAKER_W = 36, 28  # columns of a hit line; the snippet takes the rest
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
        self._rows: list[tuple[str, int | None]] = []  # the rows on show: (article id, offset to land on)
        self._articles: list[ArticleInfo] = []  # every article, in listing order
        self._serial = 0
        self._debounce: Timer | None = None
        self._result: SearchResult | None = None
        self._showing = ""  # "articles" or "hits"
        self._article_cursor = 0  # where the cursor was in the article list, for coming back
        self._progress: Progress | None = None  # the index build under way, if any
        self._burst = False  # keys meant for the search box may still be on their way to the list

    def compose(self) -> ComposeResult:
        with Vertical(id="library"):
            yield Static(Text("quotewire", style="bold"), id="library-title")
            # No select-on-focus: keys typed in a burst after `/` are put in the box before
            # it takes the focus (see on_key), and selecting them then let the next key
            # replace them all.
            yield Input(
                placeholder='/ search: words, "phrases", speaker:peskov, kind:direct, outlet:, date:, tag:',
                id="query",
                select_on_focus=False,
            )
            yield Static("", id="search-status")
            # One list for the articles and for the hits of a search: a row is made only
            # when it comes on screen, so 100,000 articles list at once and a keystroke
            # redraws only the rows it changed.
            yield Static("", id="list-header")
            yield RowList(id="list")
            yield Static("Loading the corpus…", id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(RowList).focus()
        if self.app.index_ready:  # type: ignore[attr-defined]
            self.library_changed()

    def _table(self) -> RowList:
        return self.query_one(RowList)

    # --- data ------------------------------------------------------------------------------------

    def library_changed(self) -> None:
        """The index has (new) articles: redraw the list or re-run the search."""
        lst = self.query_one(RowList)
        if self._showing == "articles":
            self._article_cursor = lst.cursor
        # The cursor stays on its article (a long build commits every few seconds).
        here = self._articles[self._article_cursor].id if self._article_cursor < len(self._articles) else None
        self._articles = sorted(self.app.library.articles(), key=lambda a: a.id)  # type: ignore[attr-defined]
        if here is not None:
            self._article_cursor = next((i for i, a in enumerate(self._articles) if a.id == here), 0)
        q = self.query_one("#query", Input).value
        if q.strip():
            self._run_search(q)
        else:
            self._showing = ""
            self._show_articles()
        self.query_one("#status", Static).update(
            Text(f"{len(self._articles)} articles · / search · Enter open · ? help · q quit")
        )

    def index_progress(self, done: int, total: int) -> None:
        if self._progress is None:
            self._progress = Progress()
        searchable = " · what is indexed can be searched" if self._articles else ""
        self.query_one("#status", Static).update(
            Text(f"Indexing {self._progress.line(done, total, width=20)}{searchable}")
        )
        if done >= total:
            self._progress = None  # the next build times itself afresh

    def _title_width(self) -> int:
        return max(30, self.size.width - 70)

    def _article_row(self, i: int) -> Text:
        a = self._articles[i]
        line = Text(no_wrap=True, overflow="ellipsis")
        for text, width in (
            (a.title, self._title_width()),
            (a.outlet, 14),
            (a.date, 10),
            (str(a.quote_count), 6),
            (a.id, 22),
        ):
            line.append_text(_cell(Text(visible_text(text)), width))
        return line

    def _show_articles(self) -> None:
        if self._showing == "articles":
            return
        self._showing = "articles"
        header = Text(no_wrap=True)
        for label, w in (("Title", self._title_width()), ("Outlet", 14), ("Date", 10), ("Quotes", 6), ("Id", 22)):
            header.append(f"{label:<{w}} ", style="bold")
        self.query_one("#list-header", Static).update(header)
        self._rows = [(a.id, None) for a in self._articles]
        self.query_one(RowList).set_rows(len(self._articles), self._article_row, cursor=self._article_cursor)
        self.query_one("#search-status", Static).update("")

    def _show_hits(self, result: SearchResult) -> None:
        lst = self.query_one(RowList)
        snippet_w = max(40, self.size.width - 74)
        if self._showing != "hits":
            if self._showing == "articles":
                self._article_cursor = lst.cursor
            self._showing = "hits"
            header = Text(no_wrap=True)
            for label, w in (("Title", TITLE_W), ("Speaker", SPEAKER_W), ("Snippet", snippet_w)):
                header.append(f"{label:<{w}} ", style="bold")
            self.query_one("#list-header", Static).update(header)
        rows, self._rows = [], []
        for h in result.hits:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append_text(_cell(Text(visible_text(h.title)), TITLE_W))
            speaker = Text("")
            if h.quote:
                speaker = Text(
                    f"{h.quote.speaker or '—'} ({h.quote.kind})", style=quote_style(h.quote.speaker, "direct")
                )
            line.append_text(_cell(speaker, SPEAKER_W))
            line.append_text(snippet_text(h, snippet_w))
            rows.append(line)
            at = (
                h.quote.start
                if h.quote
                else (
                    h.snippets[0].start + (h.snippets[0].marks[0][0] if h.snippets[0].marks else 0)
                    if h.snippets
                    else None
                )
            )
            self._rows.append((h.article, at))
        lst.set_rows(len(rows), rows.__getitem__)
        parts = [
            f"{'≥' if result.approximate else ''}{result.total} hit(s)" + (" (refining…)" if result.partial else "")
        ]
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

    @on(RowList.Selected, "#list")
    def _row_selected(self, event: RowList.Selected) -> None:
        self._open_row(event.index)

    def _open_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        article_id, at = self._rows[row]
        q = self.query_one("#query", Input).value
        self.app.open_article(article_id, at=at, query=q)  # type: ignore[attr-defined]

    # --- actions ---------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Keys typed in a burst after `/` (a fast typist, a paste) reach the list before the
        search box takes the focus, as Textual queues them for the widget focused when
        they arrive: they belong in the box, not to the list's keys (`s` opened the
        speakers screen, the rest were lost)."""
        query = self.query_one("#query", Input)
        if event.key == "slash" and not query.has_focus:
            self._burst = True  # the binding moves the focus once this key is through
            return
        if not self._burst:
            return
        if event.is_printable and event.character:
            event.prevent_default()
            event.stop()
            query.insert_text_at_cursor(event.character)
        else:
            self._burst = False

    def action_focus_search(self) -> None:
        self.query_one("#query", Input).focus()

    def action_leave_search(self) -> None:
        self._burst = False
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
        self._table().action_first()

    def action_bottom(self) -> None:
        self._table().action_last()

    def action_quotes_screen(self) -> None:
        from .quotes import QuotesScreen

        self.app.push_screen(QuotesScreen())

    def action_tags_screen(self) -> None:
        from .tags import TagsScreen

        self.app.push_screen(TagsScreen())
