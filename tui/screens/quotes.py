"""Every quote in the corpus grouped by speaker, filtered as you type (`s`).

Left: speakers with their quote counts. Right: the highlighted speaker's quotes, each
with its article and a snippet. Enter opens the article at the quote.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from index.models import Quote

from ..access import AppAccess
from ..messages import QuotesLoaded, SpeakersLoaded
from ..styles import SpeakerColours
from ..widgets.keybar import KeyBar
from ..widgets.lists import KeyedOptionList
from ..widgets.row_list import RowList
from ..widgets.text import cut_at_word
from .quote_detail import one_line

NO_SPEAKER = "(no speaker)"
LISTED = 1000  # quotes listed for one speaker; the filter narrows a longer list


class QuotesScreen(AppAccess, Screen[None]):
    # Its own look, parsed when it first opens rather than at start-up.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #quotes-screen { height: 1fr; }
    #quotes-status { height: 1; padding: 0 1; color: $text-muted; }
    #quote-list { height: 1fr; border: tall $border-blurred; padding: 0 1; }
    #quote-list:focus { border: tall $border; }
    #quote-filter { margin: 0 1; }
    #speaker-list { width: 30%; min-width: 18; max-width: 36; height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Back"),
        Binding("slash", "filter", "Filter", id="search", tooltip="Filter quotes and speakers"),
        Binding("tab", "switch", "Switch list", id="switch_pane", tooltip="Switch between speakers and quotes"),
    ]

    def __init__(self, initial_filter: str = "") -> None:
        super().__init__()
        self.initial_filter = initial_filter
        self.counts: dict[str, int] = {}  # speaker (or NO_SPEAKER) -> quotes matching the filter
        self.rows: list[Quote] = []  # the quotes listed on the right
        self.shown = ""
        self._needle = ""
        self._wanted = ("", "")  # the (speaker, filter) whose quotes should be listed
        self._limit = LISTED  # quotes listed now; Enter on the "… the first N" row lists more
        self._cursor_after = 0  # where the cursor goes once more are listed: the first new one
        self.colours = SpeakerColours([])

    def compose(self) -> ComposeResult:
        with Vertical(id="quotes-screen"):
            yield Static(Text("Quotes by speaker", style="bold"))
            yield Input(placeholder="filter by speaker, words or article", id="quote-filter")
            with Horizontal():
                yield KeyedOptionList(id="speaker-list")
                yield RowList(id="quote-list")
            yield Static("", id="quotes-status")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.initial_filter:
            self.query_one("#quote-filter", Input).value = self.initial_filter
        self.refill(self.initial_filter)
        self.query_one("#speaker-list", OptionList).focus()

    def refill(self, needle: str) -> None:
        """Speakers with their counts for the filter, asked of the catalogue (on disk) off the UI thread."""
        if needle.strip() != self._needle:
            self.library.interrupt_filter()  # its answer is stale
        self._needle = needle.strip()
        self._load_speakers(self._needle)

    @work(thread=True, exclusive=True, group="quote-speakers")
    def _load_speakers(self, needle: str) -> None:
        self.post_message(SpeakersLoaded(needle, self.library.speakers(needle)))

    def on_speakers_loaded(self, message: SpeakersLoaded) -> None:
        if message.needle != self._needle:
            return  # a newer filter is on its way
        # Most quoted first, ties by name: the same order (and so the same colours) every time.
        ranked = sorted(message.counts, key=lambda kv: (-kv[1], kv[0] or ""))
        self.counts = {(name or NO_SPEAKER): n for name, n in ranked}
        # Colours by rank in this list (most quoted first): neighbours never share one.
        self.colours = SpeakerColours(list(self.counts), self.palette())
        ol = self.query_one("#speaker-list", OptionList)
        ol.clear_options()
        # One line per speaker: the name cut at a word, leaving room for the count.
        # The list is 30% of the screen (18 to 36 columns, as the CSS says), less its border.
        width = max(18, min(36, self.app.size.width * 30 // 100)) - 2
        for name, n in self.counts.items():
            label = Text("■ ", style=self.colours.mark_style(None if name == NO_SPEAKER else name))
            label.append(cut_at_word(name, max(6, width - 2 - len(str(n)) - 1)))
            label.append(f" {n}", style="bold")
            ol.add_option(Option(label, id=name))
        total = sum(self.counts.values())
        self.query_one("#quotes-status", Static).update(
            Text(f"{total} quote(s) by {len(self.counts)} speaker(s) · Enter: quotes / open at the quote · Tab: switch")
        )
        if self.counts:
            ol.highlighted = 0
            self.show_quotes(next(iter(self.counts)))
        else:
            self.show_quotes("")

    def show_quotes(self, name: str, *, more: bool = False) -> None:
        if not more:
            self._limit, self._cursor_after = LISTED, 0
        self._wanted = (name, self._needle)
        if not name:
            self._fill_quotes(name, self._needle, [])
        else:
            self._load_quotes(name, self._needle, self._limit)

    @work(thread=True, exclusive=True, group="quote-rows")
    def _load_quotes(self, name: str, needle: str, limit: int) -> None:
        speaker = None if name == NO_SPEAKER else name
        self.post_message(QuotesLoaded(name, needle, self.library.speaker_quotes(speaker, needle, limit=limit)))

    def on_quotes_loaded(self, message: QuotesLoaded) -> None:
        self._fill_quotes(message.name, message.needle, message.rows)

    def _fill_quotes(self, name: str, needle: str, rows: list[Quote]) -> None:
        if (name, needle) != self._wanted:
            return  # a slower answer for a speaker no longer highlighted
        self.shown = name
        self.rows = rows
        # One line per quote, made when it comes on screen (a speaker on a large corpus has
        # a thousand listed); an OptionList wrapped them and clipped a wrapped row's last
        # line once its scrollbar appeared.
        more = len(rows) < self.counts.get(name, 0)
        total = self.counts.get(name, 0)

        def row_at(n: int) -> Text:
            if n == len(rows):
                return Text(
                    f"… the first {len(rows)} of {total}: Enter for {min(LISTED, total - len(rows))} more, "
                    "or type to narrow",
                    style="dim",
                )
            q = rows[n]
            # The quote gets the room: the article and kind take a narrow column each
            # on a small screen, the kind only a letter.
            wide = self.app.size.width >= 100
            id_w = 20 if wide else 10
            label = Text(f"{cut_at_word(q.article, id_w):<{id_w}} ", style="dim")
            label.append(f"{q.kind:<8} " if wide else f"{q.kind[:1]} ", style="dim")
            label.append(one_line(q.text, 400))
            return label

        # listing more keeps the cursor where it was: on the first of the new quotes
        cursor = self._cursor_after if 0 < self._cursor_after < len(rows) else 0
        self._cursor_after = 0
        self.query_one("#quote-list", RowList).set_rows(len(rows) + more, row_at, cursor=cursor)

    @on(OptionList.OptionHighlighted, "#speaker-list")
    def _speaker_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.show_quotes(event.option.id)

    @on(OptionList.OptionSelected, "#speaker-list")
    def _speaker_chosen(self) -> None:
        self.query_one("#quote-list", RowList).focus()

    @on(Input.Changed, "#quote-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.refill(event.value)

    @on(Input.Submitted, "#quote-filter")
    def _submitted(self) -> None:
        self.query_one("#speaker-list", OptionList).focus()

    @on(RowList.Selected, "#quote-list")
    def _open(self, event: RowList.Selected) -> None:
        if event.index < len(self.rows):
            q = self.rows[event.index]
            self.qw.open_article(q.article, at=q.start)
        elif self.shown:  # the "… the first 1000 of 22,140" row: list the next thousand
            self._limit, self._cursor_after = len(self.rows) + LISTED, len(self.rows)
            self.show_quotes(self.shown, more=True)

    def action_switch(self) -> None:
        speakers = self.query_one("#speaker-list", OptionList)
        (self.query_one("#quote-list", RowList) if speakers.has_focus else speakers).focus()

    def action_back(self) -> None:
        if self.query_one("#quote-filter", Input).has_focus:
            self.query_one("#speaker-list", OptionList).focus()
        else:
            self.app.pop_screen()

    def action_filter(self) -> None:
        self.query_one("#quote-filter", Input).focus()
