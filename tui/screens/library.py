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

from ..access import AppAccess
from ..messages import IndexChanged, IndexProgress, SearchDone
from ..progress import Progress
from ..styles import HIT, SpeakerColours
from ..widgets.keybar import KeyBar
from ..widgets.row_list import RowList
from ..widgets.text import ELLIPSIS, cut_at_word, visible_text

FIRST_PASS = 0.02  # seconds a search may take before its best hits so far are shown
LISTED_HITS = 25  # about a screenful: more would only cost snippets nobody sees
SUGGEST_AFTER = 0.3  # seconds without a keystroke before a query with no hits gets a did-you-mean
DEBOUNCE = 0.0  # searching is fast enough to run on every keystroke; stale answers are dropped


def _cell(text: Text | str, width: int) -> Text:
    """`text` cut (at a word, with "…") or padded to exactly `width` cells, then a space:
    one column of a row."""
    out = Text(cut_at_word(text, width)) if isinstance(text, str) else text.copy()
    out.truncate(width, overflow="ellipsis", pad=True)
    out.append(" ")
    return out


def snippet_text(hit: Hit, width: int = 160) -> Text:
    """The first snippet on one line with its matches marked (never parsed as markup).

    The line starts a little before the first match (cut at a word, after "…"), so the
    match is inside the `width` cells shown however long the context before it.
    """
    if not hit.snippets:
        return Text("")
    sn = hit.snippets[0]
    # One character for one, so the marks' offsets still fit.
    flat = "".join(" " if ch.isspace() else ch for ch in visible_text(sn.text))
    start = 0
    if sn.marks:
        first = sn.marks[0][0]
        lead = max(8, width // 4)  # context kept before the match
        if first > lead:
            start = first - lead
            space = flat.find(" ", start, first)
            start = space + 1 if space >= 0 else start
    head = ELLIPSIS if start else ""
    out = Text(head + flat[start:].strip())
    shift = len(head) - start - (len(flat[start:]) - len(flat[start:].lstrip()))
    for a, b in sn.marks:
        if b + shift > len(head):
            out.stylize(HIT, max(a + shift, len(head)), b + shift)
    out.truncate(width, overflow="ellipsis")
    return out


def _columns(width: int, *, quotes: bool) -> tuple[int, int, int]:
    """(title, speaker, snippet) widths of a hit row `width` cells wide: the snippet gets
    the room; the speaker column only when some hit is a quote."""
    title = max(14, min(36, width // 5 if quotes else width // 4))
    speaker = max(14, min(26, width // 4)) if quotes else 0
    used = title + 1 + (speaker + 1 if speaker else 0)
    return title, speaker, max(10, width - used)


def hits_are_quotes(result: SearchResult) -> bool:
    return any(h.quote for h in result.hits)


class LibraryScreen(AppAccess, Screen[None]):
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="search", tooltip="Search articles and quotes"),
        Binding("escape", "leave_search", "Clear search", show=False, id="back"),
        Binding("down", "to_list", show=False),  # from the search box to its hits
        Binding("ctrl+y", "accept_suggestion", "Did you mean", show=False, id="accept_suggestion"),
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
        Binding("g", "top", "Top", show=False, id="top"),
        Binding("G", "bottom", "Bottom", show=False, id="bottom"),
        Binding("s", "quotes_screen", "Speakers", id="speakers", tooltip="Quotes by speaker"),
        Binding("T", "tags_screen", "Tags", id="tags", tooltip="Tags and tagged passages"),
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
        self._columns: list[tuple[str, int]] = []  # (label, width) of the article list's columns
        self._search_on_resume = False

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
        if self.qw.index_ready:
            self.library_changed()

    def on_screen_resume(self) -> None:
        """Back from the reader: the list has the focus, never the search box (keys meant
        for the list, as `s`, were typed into it), unless `/` brought us back."""
        self._burst = False
        if self._search_on_resume:
            self._search_on_resume = False
            self.action_focus_search()
        else:
            self.query_one(RowList).focus()

    def focus_search_on_resume(self) -> None:
        """`/` on another screen: the search box takes the focus once this screen is back."""
        self._search_on_resume = True

    def on_index_changed(self, message: IndexChanged) -> None:
        self.library_changed()

    def on_index_progress(self, message: IndexProgress) -> None:
        self.index_progress(message.done, message.total)

    def on_resize(self) -> None:
        """Columns follow the width: redraw the rows on show."""
        showing, self._showing = self._showing, ""
        if showing == "articles":
            self._article_cursor = self._table().cursor
            self._show_articles()
        elif showing == "hits" and self._result is not None:
            cursor = self._table().cursor
            self._show_hits(self._result)
            self._table().cursor = min(cursor, max(0, self._table().row_count - 1))

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
        self._articles = sorted(self.library.articles(), key=lambda a: a.id)
        if here is not None:
            self._article_cursor = next((i for i, a in enumerate(self._articles) if a.id == here), 0)
        q = self.query_one("#query", Input).value
        if q.strip():
            self._run_search(q)
        else:
            self._showing = ""
            self._show_articles()
        self._show_count()

    def _show_count(self) -> None:
        """The bottom line: how many articles, and how many of them a search finds."""
        if self._progress is not None:
            return  # the build's progress line is on show
        n = len(self._articles)
        r = self._result
        if r is not None and self.query_one("#query", Input).value.strip():
            found = f"{'≥' if r.approximate else ''}{r.total:,}"
            about = hits_are_quotes(r)
            count = f"{found} quote(s) · {n:,} articles" if about else f"{found} of {n:,} articles"
        else:
            count = f"{n:,} articles"
        self.query_one("#status", Static).update(Text(f"{count} · / search · Enter open · ? help · q quit"))

    def index_progress(self, done: int, total: int) -> None:
        if done >= total:
            self._progress = None  # the next build times itself afresh
            self._show_count()
            return
        if self._progress is None:
            self._progress = Progress()
        searchable = f" · {len(self._articles):,} listed and searchable so far" if self._articles else ""
        self.query_one("#status", Static).update(
            Text(f"Indexing {self._progress.line(done, total, width=20)}{searchable}")
        )

    def _article_columns(self) -> list[tuple[str, int]]:
        """(label, width) of the article list's columns: the title gets the room; the id
        only on a wide screen."""
        width = self._table().scrollable_content_region.width or max(40, self.app.size.width - 2)
        cols = [("Outlet", 14 if width >= 100 else 11), ("Date", 10), ("Quotes", 6)]
        if width >= 110:
            cols.append(("Id", 22))
        rest = width - sum(w + 1 for _, w in cols) - 1
        return [("Title", max(16, rest)), *cols]

    def _article_row(self, i: int) -> Text:
        a = self._articles[i]
        values = {"Title": a.title, "Outlet": a.outlet, "Date": a.date, "Quotes": str(a.quote_count), "Id": a.id}
        line = Text(no_wrap=True, overflow="ellipsis")
        for label, width in self._columns:
            line.append_text(_cell(values[label], width))
        return line

    def _show_articles(self) -> None:
        if self._showing == "articles":
            return
        self._showing = "articles"
        self._columns = self._article_columns()
        header = Text(no_wrap=True)
        for label, w in self._columns:
            header.append(f"{label:<{w}} ", style="bold")
        self.query_one("#list-header", Static).update(header)
        self._rows = [(a.id, None) for a in self._articles]
        self.query_one(RowList).set_rows(len(self._articles), self._article_row, cursor=self._article_cursor)
        self.query_one("#search-status", Static).update("")
        self._show_count()

    def _show_hits(self, result: SearchResult) -> None:
        lst = self.query_one(RowList)
        width = lst.scrollable_content_region.width or max(40, self.app.size.width - 2)
        title_w, speaker_w, snippet_w = _columns(width, quotes=hits_are_quotes(result))
        if self._showing == "articles":
            self._article_cursor = lst.cursor
        self._showing = "hits"
        header = Text(no_wrap=True)
        labels = [("Title", title_w), ("Speaker", speaker_w), ("Snippet", snippet_w)]
        for label, w in labels:
            if w:
                header.append(f"{label:<{w}} ", style="bold")
        self.query_one("#list-header", Static).update(header)
        colours = SpeakerColours([h.quote.speaker for h in result.hits if h.quote and h.quote.speaker], self.palette())
        rows, self._rows = [], []
        for h in result.hits:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append_text(_cell(h.title, title_w))
            if speaker_w:
                speaker = Text("")
                if h.quote:
                    # The kind too where there is room (the style shows it anyway: bold for
                    # direct, italic for partial, underlined for reported).
                    who = h.quote.speaker or "—"
                    full = f"{who} ({h.quote.kind})"
                    speaker = Text(cut_at_word(full if len(full) <= speaker_w else who, speaker_w))
                    speaker.stylize(colours.quote_style(h.quote.speaker, "direct"))
                line.append_text(_cell(speaker, speaker_w))
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
        building = self.qw.building
        if building is not None and len(self._articles) < building[1]:
            # A first build (or a rebuild) commits as it goes: what is read so far is
            # searched. An update of a few files among many is not worth the warning.
            parts.append(f"partial: the index is still being built ({len(self._articles):,} articles so far)")
        if result.suggestion:
            parts.append(f"Did you mean: {result.suggestion}? (ctrl+y)")
        if result.ignored:
            parts.append("ignored: " + ", ".join(result.ignored))
        self.query_one("#search-status", Static).update(Text(" · ".join(parts)))
        self._show_count()

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
            self._show_count()
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
        lib = self.library
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
        self.qw.open_article(article_id, at=at, query=q)

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
        """Esc: clear the search first (the whole list comes back, the cursor where it was);
        then back to the list."""
        self._burst = False
        query = self.query_one("#query", Input)
        if query.value:
            query.value = ""
        self._table().focus()

    def action_to_list(self) -> None:
        """Down in the search box: to its hits, the search kept."""
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
