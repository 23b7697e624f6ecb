"""The reader: one article, its quotations in speaker colours, search hits, tags."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from index.models import Article, Quote

from ..access import AppAccess
from ..messages import TagChanged, TagsLoaded, UnsavedTag
from ..styles import BOILERPLATE, CURRENT_HIT, HIT, TAGGED, SpeakerColours, by_weight
from ..widgets.article_view import ArticleView
from ..widgets.keybar import KeyBar
from ..widgets.lists import KeyedOptionList
from ..widgets.text import cut_at_word, visible_line

if TYPE_CHECKING:
    from index.library import Library
    from index.models import Tag

    from .tag_prompt import TagRequest

# `f` shows only the quotations at this confidence or more: the calibrated band whose speakers
# were right 95 times in 100 on the news development set (make eval, bench/results/eval.md)
CONFIDENT = 0.85
SPEAKERS_FIRST = 60  # speakers listed before the first frame; more than a tall panel shows
NOT_SAVED_SECONDS = 20  # a refused tag change is said longer than a saved one (the status line keeps it)


def initials(name: str) -> str:
    """ "Dmitry Peskov" -> "DP", "anonymous sources" -> "AS"."""
    return "".join(w[0] for w in name.split()[:2]).upper() or "?"


def containers(quotes: list[Quote]) -> set[int]:
    """Indexes of quotes (sorted by start, longest first) that contain another quote."""
    out = set()
    for i, q in enumerate(quotes):
        j = i + 1
        while j < len(quotes) and quotes[j].start < q.end:
            if quotes[j].end <= q.end:
                out.add(i)
                break
            j += 1
    return out


def status_of(q: Quote) -> str:
    """ "Dmitry Peskov · via "the Kremlin spokesman" · direct · 0.93": who, named how, what kind, how sure."""
    parts = [q.speaker or "no speaker"]
    if q.speaker_mention and q.speaker_mention != q.speaker:
        parts.append(f'via "{q.speaker_mention}"')
    return " · ".join([*parts, q.kind, f"{q.confidence:.2f}"])


def header_text(a: Article, width: int = 200) -> Text:
    """Title (cut at a word to fit one line), then outlet, date, byline, the dateline
    named as one (it is not the date: "Moscow, Nov 23" has no year) and the id."""
    t = Text(cut_at_word(a.title, width), style="bold")
    dateline = f"dateline: {a.dateline}" if a.dateline else ""
    meta = " · ".join(x for x in (a.outlet, a.date, a.author and f"by {a.author}", dateline, a.id) if x)
    t.append("\n" + cut_at_word(meta, width), style="dim")
    return t


class ReaderScreen(AppAccess, Screen[None]):
    # Its own look, parsed when it first opens rather than at start-up.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #reader { height: 1fr; }
    #reader-header { padding: 0 1; height: auto; max-height: 4; border-bottom: solid $primary; }
    #reader-body { height: 1fr; }
    #article { width: 1fr; height: 1fr; }
    /* The speakers panel shrinks with the terminal, so the text keeps the room. */
    #speakers { width: 25%; min-width: 16; max-width: 32; height: 1fr; border: none; border-left: solid $primary;
                padding: 0; }
    #reader-status { height: 1; padding: 0 1; color: $text-muted; background: $boost; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Back to the list"),
        Binding("j", "down", "Down", show=False, id="down"),
        Binding("k", "up", "Up", show=False, id="up"),
        Binding("g,ctrl+home", "top", "Top", show=False, id="top"),
        Binding("G,ctrl+end", "bottom", "Bottom", show=False, id="bottom"),
        Binding("n", "next_hit", "Next hit", id="next_hit", tooltip="Next search hit"),
        Binding("N", "prev_hit", "Prev hit", id="prev_hit", tooltip="Previous search hit"),
        Binding("right_square_bracket", "next_quote", "Next quote", id="next_quote", tooltip="Next quotation"),
        Binding("left_square_bracket", "prev_quote", "Prev quote", id="prev_quote", tooltip="Previous quotation"),
        Binding("enter", "quote_detail", "Quote detail", id="quote_detail", tooltip="The quotation under the cursor"),
        Binding("b", "toggle_boilerplate", "Boilerplate", id="toggle_boilerplate", tooltip="Dim boilerplate / show it"),
        Binding("p", "speakers_panel", "Speakers", id="speakers_panel", tooltip="Filter by speaker (speakers panel)"),
        Binding(
            "f",
            "toggle_confident",
            "Confident only",
            show=False,
            id="toggle_confident",
            tooltip=f"Only quotations of confidence >= {CONFIDENT} (speaker right 95 times in 100)",
        ),
        Binding(
            "m",
            "jump_mention",
            "Mention",
            show=False,
            id="jump_mention",
            tooltip="To the words naming the speaker (again: back)",
        ),
        Binding("s", "quotes_screen", "All quotes", id="speakers", tooltip="Quotes by speaker, whole corpus"),
        Binding("c", "compare", "Compare", id="compare", tooltip="Compare with another article"),
        Binding("v", "select", "Select", id="select", tooltip="Select word / sentence / paragraph"),
        Binding("t", "tag", "Tag", id="tag", tooltip="Tag the selection, quote or sentence"),
        Binding("T", "tags_screen", "Tags", id="tags", tooltip="Tags and tagged passages"),
        Binding("x", "remove_tag", "Untag", show=False, id="remove_tag", tooltip="Remove the tag under the cursor"),
        Binding("u", "undo", "Undo", show=False, id="undo", tooltip="Undo the last tag removal"),
        Binding("slash", "search", "Search", id="search", tooltip="Search articles and quotes"),
    ]

    HELP_NOTE = (
        "Confidence is the measured speaker accuracy of the rule that attributed a quotation "
        f"(make eval): those at {CONFIDENT} or more, which f keeps, had the right speaker 95 times "
        "in 100 on the news development set. The status line names the speaker and, after via, "
        "the words of the article that name them; m puts the cursor there, and m again back."
    )

    def __init__(self, article_id: str, *, at: int | None = None, query: str = "") -> None:
        super().__init__()
        self.article_id = article_id
        self.initial_at = at
        self.query_text = query
        self.article: Article | None = None
        self.quotes: list[Quote] = []
        self.hits: list[tuple[int, int]] = []
        self.hit_index = -1
        self.speaker_filter: str | None = None
        self.dim_boilerplate = True
        self.confident_only = False
        self.article_tags: list[Tag] = []
        self.select_unit: str | None = None
        self.undo_stack: list[Tag] = []
        # A tag change the store refused (read-only, damaged, full disk): why, in a few words,
        # shown on the status line until a change is saved, and the words typed for it.
        self.not_saved: str | None = None
        self.unsaved: UnsavedTag | None = None
        self._status_line = ""
        self.colours = SpeakerColours([])
        self._mention_jump: tuple[int, int] | None = None  # (mention, where `m` came from)
        # (filters, tags list, spans) under the search hits; see `restyle`
        self._base_spans: tuple[tuple[object, ...], list[Tag], list[tuple[int, int, Style]]] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="reader"):
            yield Static("", id="reader-header")
            with Horizontal(id="reader-body"):
                yield ArticleView("", id="article")
                yield KeyedOptionList(id="speakers")
            yield Static("", id="reader-status")
        yield KeyBar()  # Textual's Footer rebuilt itself 3-4 times after each open (~0.5 s)

    def on_mount(self) -> None:
        lib = self.library
        article = lib.article(self.article_id)
        view = self.query_one(ArticleView)
        if article is None:
            self.query_one("#reader-header", Static).update(Text(visible_line(f"No article {self.article_id!r}")))
            return
        self.article = article
        self.quotes = sorted(lib.quotes(article.id), key=lambda q: (q.start, -q.end))
        # Most quoted first: no two speakers of the article share a colour while they last.
        self.colours = SpeakerColours(by_weight(self.quotes), self.palette())
        self.query_one("#reader-header", Static).update(header_text(article, max(20, self.app.size.width - 2)))
        view.load_article(article.text)
        self._fill_speakers()
        self.load_tags()
        if self.query_text.strip():
            self.hits = lib.hit_positions(article.id, self.query_text)
        self.restyle()
        view.focus()
        if self.initial_at is not None:
            view.jump_to(self.initial_at)
            self.hit_index = bisect_right([h[0] for h in self.hits], self.initial_at) - 1
            # At mount the view has no width yet: its paragraphs are unwrapped, so the centre
            # computed now lands elsewhere once they wrap. Centre again after the first layout.
            self.call_after_refresh(view.scroll_cursor_visible, center=True, animate=False)
        elif article.title_span is None and not self.hits:
            view.jump_to(0)
        self._update_status()

    def on_resize(self) -> None:
        """The title is cut to the width: cut it again when the terminal changes size."""
        if self.article is not None:
            self.query_one("#reader-header", Static).update(header_text(self.article, max(20, self.app.size.width - 2)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`n`/`N` only where there are search hits: the key bar keeps its room for the rest."""
        if action in ("next_hit", "prev_hit") and not self.hits:
            return False
        return True

    # --- drawing -------------------------------------------------------------------------------

    def visible_quotes(self) -> list[Quote]:
        return [q for q in self.confident_quotes() if self.speaker_filter is None or q.speaker == self.speaker_filter]

    def confident_quotes(self) -> list[Quote]:
        """The quotes sure enough to show (`f` raises the bar), whoever said them."""
        min_conf = self.library.config.min_confidence
        if self.confident_only:
            min_conf = max(min_conf, CONFIDENT)
        return [q for q in self.quotes if q.confidence >= min_conf]

    def restyle(self) -> None:
        """Recompute every span: boilerplate, quotes, tags, then search hits on top.

        Everything under the hits is kept while the filters and tags stay the same: `n`
        in a long article moves one highlight, and need not rebuild a thousand quotes.
        """
        a = self.article
        if a is None:
            return
        view = self.query_one(ArticleView)
        key = (self.dim_boilerplate, self.confident_only, self.speaker_filter)
        if self._base_spans is None or self._base_spans[0] != key or self._base_spans[1] is not self.article_tags:
            spans: list[tuple[int, int, Style]] = []
            if a.title_span:
                spans.append((a.title_span.start, a.title_span.end, Style(bold=True)))
            if self.dim_boilerplate:
                spans += [(b.start, b.end, BOILERPLATE) for b in a.boilerplate]
            quotes = self.visible_quotes()
            outer = containers(quotes)
            for n, q in enumerate(quotes):
                # A clause that holds a marked quote is drawn like reported speech, so the
                # quoted words inside it still stand out.
                spans.append(
                    (q.start, q.end, self.colours.quote_style(q.speaker, "reported" if n in outer else q.kind))
                )
            spans += [(s, e, TAGGED) for s, e in self.tag_spans()]
            self._base_spans = (key, self.article_tags, spans)
            view.set_margin(self.speaker_margin(quotes))
        hits = [(s, e, CURRENT_HIT if n == self.hit_index else HIT) for n, (s, e) in enumerate(self.hits)]
        view.set_spans(self._base_spans[2] + hits)

    def speaker_margin(self, quotes: list[Quote]) -> dict[int, tuple[str, Style]]:
        """Initials of the speakers quoted on each line ("DP", "VP+" when several)."""
        view = self.query_one(ArticleView)
        margin: dict[int, tuple[str, Style]] = {}
        marks: dict[str, tuple[str, Style]] = {}
        for q in quotes:
            if not q.speaker or q.kind == "other":
                continue
            row = view.location_of(q.start)[0]
            mark = marks.get(q.speaker)
            if mark is None:
                mark = marks[q.speaker] = (initials(q.speaker), self.colours.mark_style(q.speaker))
            if row in margin and not margin[row][0].startswith(mark[0]):
                margin[row] = (margin[row][0].rstrip("+") + "+", margin[row][1])
            elif row not in margin:
                margin[row] = mark
        return margin

    def tag_spans(self) -> list[tuple[int, int]]:
        return [(t.start, t.end) for t in self.article_tags if t.status != "orphan"]

    def tags_at(self, offset: int) -> list[Tag]:
        return [t for t in self.article_tags if t.status != "orphan" and t.start <= offset <= t.end]

    @work(thread=True, exclusive=True, group="reader-tags")
    def load_tags(self) -> None:
        """Tags live in SQLite: read them off the UI thread, then redraw."""
        if self.article is None:
            return
        tags = self.library.resolved_tags(article=self.article.id)
        self.post_message(TagsLoaded(tags, self.article.id, notices=tuple(self.library.take_tag_notices())))

    def on_tags_loaded(self, message: TagsLoaded) -> None:
        self.qw.tell_tag_notices(message.notices)
        if message.tags == self.article_tags:
            return  # most articles have none: no second restyle while the first frame is drawn
        self.article_tags = message.tags
        self.restyle()
        self._update_status()

    def _fill_speakers(self) -> None:
        """The speakers panel: each speaker's number of quotes as shown now (`f` hides the
        unsure ones, and the counts follow), most quoted first."""
        # Titles and scare quotes are highlighted but are no one's words: not counted.
        shown = [q for q in self.confident_quotes() if q.kind != "other"]
        counts: dict[str, int] = {}
        for q in shown:
            if q.speaker:
                counts[q.speaker] = counts.get(q.speaker, 0) + 1
        # One line per speaker, the name cut at a word to leave room for the count.
        # The panel is a quarter of the screen (16 to 32 columns, as the CSS says), less its border.
        width = max(16, min(32, self.app.size.width // 4)) - 1
        options = [Option(Text(f"All speakers ({len(shown)})"), id="*")]
        for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            label = Text("■ ", style=self.colours.mark_style(name))
            label.append(cut_at_word(name, width - 3 - len(str(n)) - 1))
            label.append(f" {n}", style="bold")
            options.append(Option(label, id=name))
        # A long piece can quote hundreds of people, and the list measures every option it
        # holds: the first screenful goes in now, the rest once the article is on screen.
        ol = self.query_one("#speakers", OptionList)
        highlighted = ol.highlighted
        ol.set_options(options[:SPEAKERS_FIRST])
        if len(options) > SPEAKERS_FIRST:
            self.call_after_refresh(ol.add_options, options[SPEAKERS_FIRST:])
        if highlighted is not None:
            ol.highlighted = min(highlighted, len(options) - 1)

    def quote_at(self, offset: int) -> Quote | None:
        best = None
        for q in self.visible_quotes():
            if q.start <= offset <= q.end and (best is None or q.end - q.start < best.end - best.start):
                best = q
        return best

    def _update_status(self) -> None:
        view = self.query_one(ArticleView)
        off = view.cursor_offset
        parts: list[str] = []
        if self.not_saved:  # first, so that a narrow screen does not cut it off
            parts.append(f"NOT SAVED: {self.not_saved}" + (" (your words are kept: t retries)" if self.unsaved else ""))
        q = self.quote_at(off)
        if q:
            parts.append(status_of(q))
        if self.hits:
            parts.append(f"hit {self.hit_index + 1 if self.hit_index >= 0 else '-'}/{len(self.hits)}")
        if self.speaker_filter:
            parts.append(f"showing {self.speaker_filter} only")
        parts.extend(self.extra_status(off))
        line = "  |  ".join(parts) or " "
        if line != self._status_line:
            # One row, whatever it says: no layout pass, which would repaint the whole screen
            # on every cursor move.
            self._status_line = line
            self.query_one("#reader-status", Static).update(Text(visible_line(line)), layout=False)

    def extra_status(self, offset: int) -> list[str]:
        out = []
        hint = "" if self.not_saved else " (t edit, x remove)"  # the store refused a change: no promise
        for t in self.tags_at(offset):
            out.append(f"tags: {', '.join(t.tags)}" + (f" — {t.note}" if t.note else "") + hint)
        if self.select_unit:
            out.append(f"selecting by {self.select_unit} (v extends, t tags, Esc clears)")
        return out

    @on(ArticleView.SelectionChanged)
    def _cursor_moved(self) -> None:
        self._update_status()

    # --- moving --------------------------------------------------------------------------------

    def action_back(self) -> None:
        view = self.query_one(ArticleView)
        if self.select_unit or not view.selection.is_empty:
            self.select_unit = None
            view.jump_to(view.cursor_offset)
            self._update_status()
            return
        self.app.pop_screen()

    def action_down(self) -> None:
        self.query_one(ArticleView).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(ArticleView).action_cursor_up()

    def action_top(self) -> None:
        v = self.query_one(ArticleView)
        v.jump_to(0)
        v.scroll_home(animate=False)

    def action_bottom(self) -> None:
        v = self.query_one(ArticleView)
        if self.article:
            v.jump_to(len(self.article.text))
        v.scroll_end(animate=False)

    def _jump_hit(self, step: int) -> None:
        if not self.hits:
            self.notify("No search hits in this article")
            return
        view = self.query_one(ArticleView)
        i = _step_from([h[0] for h in self.hits], view.cursor_offset, step)
        self.hit_index = i
        self.restyle()
        view.jump_to(self.hits[i][0])
        self._update_status()

    def action_next_hit(self) -> None:
        self._jump_hit(1)

    def action_prev_hit(self) -> None:
        self._jump_hit(-1)

    def _jump_quote(self, step: int) -> None:
        quotes = self.visible_quotes()
        if not quotes:
            self.notify("No quotations here" + (f" by {self.speaker_filter}" if self.speaker_filter else ""))
            return
        view = self.query_one(ArticleView)
        i = _step_from([q.start for q in quotes], view.cursor_offset, step)
        view.jump_to(quotes[i].start)
        self._update_status()

    def action_next_quote(self) -> None:
        self._jump_quote(1)

    def action_prev_quote(self) -> None:
        self._jump_quote(-1)

    def action_toggle_boilerplate(self) -> None:
        self.dim_boilerplate = not self.dim_boilerplate
        self.restyle()
        self.notify("Boilerplate dimmed" if self.dim_boilerplate else "Boilerplate shown as text")

    def action_toggle_confident(self) -> None:
        self.confident_only = not self.confident_only
        self.restyle()
        self._fill_speakers()
        self._update_status()
        hidden = len(self.quotes) - len(self.confident_quotes())
        self.notify(
            f"Only quotations of confidence >= {CONFIDENT}, speaker right 95 times in 100 ({hidden} hidden)"
            if self.confident_only
            else "Showing every quotation"
        )

    def action_jump_mention(self) -> None:
        """`m`: to the words that name the speaker of the quotation under the cursor; `m`
        again, straight after, back to where it was."""
        view = self.query_one(ArticleView)
        off = view.cursor_offset
        if self._mention_jump is not None and self._mention_jump[0] == off:
            view.jump_to(self._mention_jump[1])
            self._mention_jump = None
            self._update_status()
            return
        q = self.quote_at(off)
        if q is None or q.mention_start is None:
            self.notify("No quotation with a named speaker under the cursor")
            return
        self._mention_jump = (q.mention_start, off)
        view.jump_to(q.mention_start)
        self._update_status()

    def action_speakers_panel(self) -> None:
        self.query_one("#speakers", OptionList).focus()

    @on(OptionList.OptionSelected, "#speakers")
    def _speaker_chosen(self, event: OptionList.OptionSelected) -> None:
        self.speaker_filter = None if event.option.id == "*" else event.option.id
        self.restyle()
        self._update_status()
        self.query_one(ArticleView).focus()

    def action_quote_detail(self) -> None:
        q = self.quote_at(self.query_one(ArticleView).cursor_offset)
        if q is None:
            self.notify("No quotation under the cursor ( ] jumps to the next )")
            return
        from .quote_detail import QuoteDetailScreen

        self.app.push_screen(QuoteDetailScreen(q, self.colours))

    def action_quotes_screen(self) -> None:
        from .quotes import QuotesScreen

        self.app.push_screen(QuotesScreen())

    def action_search(self) -> None:
        """`/` in the reader: back to the library, with the search box focused."""
        from .library import LibraryScreen

        library = next((s for s in self.app.screen_stack if isinstance(s, LibraryScreen)), None)
        if library is None:
            return
        library.focus_search_on_resume()
        while self.app.screen is not library:
            self.app.pop_screen()

    def action_compare(self) -> None:
        if self.article is None:
            return
        from .compare import ComparePicker

        self.app.push_screen(ComparePicker(self.article.id))

    # --- selecting and tagging -----------------------------------------------------------------

    UNITS = ("word", "sentence", "paragraph")

    def action_select(self) -> None:
        """`v`: select the word at the cursor; again, its sentence; again, its paragraph."""
        if self.article is None:
            return
        view = self.query_one(ArticleView)
        i = self.UNITS.index(self.select_unit) + 1 if self.select_unit in self.UNITS else 0
        if i >= len(self.UNITS):
            i = 0
        self.select_unit = self.UNITS[i]
        anchor = view.selection_offsets()[0] if not view.selection.is_empty else view.cursor_offset
        start, end = self.library.span_at(self.article.id, anchor, self.select_unit)
        view.jump_to(start, end, select=True)
        self._update_status()

    def tag_target(self) -> tuple[int, int] | None:
        """What `t` tags: the selection, else the quote under the cursor, else the sentence."""
        if self.article is None:
            return None
        view = self.query_one(ArticleView)
        s, e = view.selection_offsets()
        if e > s:
            return s, e
        q = self.quote_at(view.cursor_offset)
        if q is not None:
            return q.start, q.end
        return self.library.span_at(self.article.id, view.cursor_offset, "sentence")

    def action_tag(self) -> None:
        if self.article is None:
            return
        from .tag_prompt import TagPrompt

        view = self.query_one(ArticleView)
        existing = self.tags_at(view.cursor_offset) if view.selection.is_empty else []
        names = self.library.tag_names()
        if existing:
            tag = existing[0]
            kept = self._kept(tag.start, tag.end, tag.id)
            tags, note = (kept.tags, kept.note) if kept else (tag.tags, tag.note)
            self.app.push_screen(
                TagPrompt(tag.exact, names, tags=tags, note=note),
                lambda req: self._save_edit(tag.id, tag.start, tag.end, req),
            )
            return
        target = self.tag_target()
        if target is None:
            return
        s, e = target
        kept = self._kept(s, e, None)
        self.app.push_screen(
            TagPrompt(self.article.text[s:e], names, tags=kept.tags if kept else (), note=kept.note if kept else ""),
            lambda req: self._save_new(s, e, req),
        )

    def _kept(self, start: int, end: int, tag_id: int | None) -> UnsavedTag | None:
        """The words of a change to this passage that could not be saved, if any."""
        u = self.unsaved
        return u if u is not None and _same_passage(u, UnsavedTag(start, end, (), "", tag_id)) else None

    def _dropped(self, start: int, end: int, tag_id: int | None) -> None:
        """The prompt offering unsaved words was cancelled: they are let go."""
        if self._kept(start, end, tag_id) is not None:
            self.unsaved = None
            self.not_saved = None
            self._update_status()

    def _save_new(self, start: int, end: int, req: TagRequest | None) -> None:
        if req is None or self.article is None:
            self._dropped(start, end, None)
            return
        article_id = self.article.id
        self._write_tag(
            lambda lib: lib.add_tag(article_id, start, end, req.tags, req.note),
            "Tagged: {tags} (saved)",
            unsaved=UnsavedTag(start, end, req.tags, req.note),
        )

    def _save_edit(self, tag_id: int, start: int, end: int, req: TagRequest | None) -> None:
        if req is None:
            self._dropped(start, end, tag_id)
            return
        self._write_tag(
            lambda lib: lib.update_tag(tag_id, names=req.tags, note=req.note),
            "Tag updated: {tags} (saved)",
            unsaved=UnsavedTag(start, end, req.tags, req.note, tag_id),
        )

    @work(thread=True, group="reader-tag-write")
    def _write_tag(
        self,
        change: Callable[[Library], Tag],
        done: str,
        *,
        undo: bool = False,
        unsaved: UnsavedTag | None = None,
        restoring: Tag | None = None,
    ) -> None:
        """Every change is its own committed transaction, off the UI thread; only once it
        has committed do we say so."""
        try:
            tag = change(self.library)
        except Exception as exc:
            reason = self.library.why_not_saved(exc)
            notices = tuple(self.library.take_tag_notices())
            self.post_message(
                TagChanged(
                    done,
                    error=str(exc) or reason,
                    reason=reason,
                    unsaved=unsaved,
                    restoring=restoring,
                    notices=notices,
                )
            )
            return
        notices = tuple(self.library.take_tag_notices())
        self.post_message(TagChanged(done, tag, undo=undo, unsaved=unsaved, notices=notices))

    def on_tag_changed(self, message: TagChanged) -> None:
        self.qw.tell_tag_notices(message.notices)  # e.g. saved into a new file: the old one was deleted
        if message.error or message.tag is None:
            self._not_saved(message)
            return
        kept = self.unsaved
        if kept is None or (message.unsaved is not None and _same_passage(kept, message.unsaved)):
            self.unsaved = None
            self.not_saved = None
        if message.undo:
            self.undo_stack.append(message.tag)
        self.notify(message.done.format(tags=", ".join(message.tag.tags)))
        self.select_unit = None
        view = self.query_one(ArticleView)
        view.jump_to(view.cursor_offset)
        self.load_tags()
        self._update_status()

    def _not_saved(self, message: TagChanged) -> None:
        """A change the store refused: say so where it stays in sight (the status line, until
        a change is saved), keep what was typed for it (and a removal to undo), and show the
        tags as the store holds them, which may not be what this screen last read."""
        if message.unsaved is not None:
            self.unsaved = message.unsaved
        if message.restoring is not None:
            self.undo_stack.append(message.restoring)
        self.not_saved = message.reason or "the tag store cannot be written"
        kept = " Your words are kept: t on the passage offers them again." if message.unsaved else ""
        self.notify(
            f"{message.error.rstrip('.')}.{kept}",
            title="Tag change NOT saved",
            severity="error",
            timeout=NOT_SAVED_SECONDS,
            markup=False,  # a path or a reason may hold brackets
        )
        self.load_tags()
        self._update_status()

    def action_tags_screen(self) -> None:
        from .tags import TagsScreen

        self.app.push_screen(TagsScreen())

    def action_remove_tag(self) -> None:
        view = self.query_one(ArticleView)
        found = self.tags_at(view.cursor_offset)
        if not found:
            self.notify("No tagged passage under the cursor")
            return
        tag_id = found[0].id
        self._write_tag(lambda lib: lib.remove_tag(tag_id), "Removed tag {tags} — press u to undo", undo=True)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo")
            return
        tag = self.undo_stack.pop()
        self._write_tag(lambda lib: lib.restore_tag(tag), "Restored tag {tags}", restoring=tag)


def _same_passage(a: UnsavedTag, b: UnsavedTag) -> bool:
    """Whether two changes are to one passage: the same tagged passage, or the same range."""
    return (
        a.tag_id == b.tag_id if a.tag_id is not None or b.tag_id is not None else (a.start, a.end) == (b.start, b.end)
    )


def _step_from(starts: list[int], offset: int, step: int) -> int:
    """The index of the next (step > 0) or previous start from `offset`, going round."""
    if step > 0:
        i = bisect_right(starts, offset)
        return 0 if i >= len(starts) else i
    i = bisect_left(starts, offset) - 1
    return len(starts) - 1 if i < 0 else i
