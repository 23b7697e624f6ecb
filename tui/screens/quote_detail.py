"""One quotation in full: speaker, cue, confidence; the same statement in other articles;
the speaker's other quotes."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from index.models import Quote

from ..access import AppAccess
from ..messages import DetailLoaded
from ..styles import SpeakerColours
from ..widgets.row_list import RowList
from ..widgets.text import cut_at_word, visible_line, visible_text

SOURCE_W = 16  # the outlet or article column of a row


def one_line(s: str, width: int = 120) -> str:
    flat = " ".join(visible_text(s).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class QuoteDetailScreen(AppAccess, ModalScreen[None]):
    # Its own look, parsed when it first opens rather than at start-up.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    QuoteDetailScreen { align: center middle; }
    #quote-detail { width: 100; max-width: 96%; height: 80%; max-height: 96%; border: thick $primary;
                    background: $surface; padding: 0 1; }
    #quote-body { height: auto; max-height: 50%; }
    #quote-rows { height: 1fr; min-height: 4; }
    """
    BINDINGS = [Binding("escape", "dismiss", "Close", id="close_detail")]

    def __init__(self, quote: Quote, colours: SpeakerColours | None = None) -> None:
        super().__init__()
        self.quote = quote
        self.variants: list[tuple[str, Quote]] = []  # (outlet or article, quote): the same statement
        self.others: list[Quote] = []  # the speaker's other quotes
        # One list under the quote: a heading, the variants, a heading, the other quotes.
        self.rows: list[tuple[str, Quote | None, str]] = []  # (kind of row, quote, source label)
        # The reader's colours, so the speaker looks the same here as in the article.
        self.colours = colours or SpeakerColours([quote.speaker] if quote.speaker else [])

    def compose(self) -> ComposeResult:
        with Vertical(id="quote-detail"):
            yield Static(self._body(), id="quote-body")
            # A speaker may have tens of thousands of quotes in a large corpus: rows are made
            # only when they come on screen.
            yield RowList(id="quote-rows")

    def on_mount(self) -> None:
        rows = self.query_one(RowList)
        rows.focus()
        if self.quote.speaker:
            self.rows = [("heading", None, visible_line(f"{self.quote.speaker}'s other quotes: looking…"))]
            rows.set_rows(1, self._row)
            self._load()

    def _body(self) -> Text:
        q = self.quote
        body = Text()
        body.append(visible_text(q.text), self.colours.quote_style(q.speaker, q.kind))
        body.append("\n")
        body.append(visible_line(f"Speaker: {q.speaker or '—'}"), style="bold")
        if q.speaker_mention and q.speaker_mention != q.speaker:
            body.append(visible_line(f"  (named as “{q.speaker_mention}”)"))
        body.append("\n" + visible_line(f"Kind: {q.kind}   Cue: {q.cue or '—'}   Confidence: {q.confidence:.2f}"))
        body.append("\n" + visible_line(f"Article: {q.article}  [{q.start}:{q.end}]"), style="dim")
        return body

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        """The speaker's other quotes and this statement's variants, off the UI thread: on
        100,000 articles a prolific speaker's quotes take a few hundred milliseconds."""
        q, lib = self.quote, self.library
        variants = []
        for v in lib.variants_of(q):
            art = lib.article(v.article)
            variants.append(((art.outlet or v.article) if art else v.article, v))
        others = [
            o
            for o in lib.quotes(speaker=q.speaker)
            if (o.article, o.start) != (q.article, q.start) and o.speaker == q.speaker
        ]
        self.post_message(DetailLoaded(variants, others))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        self.variants, self.others = message.variants, message.others
        rows: list[tuple[str, Quote | None, str]] = []
        if self.variants:
            rows.append(("heading", None, f"The same statement elsewhere ({len(self.variants)}):"))
            rows += [("variant", v, outlet) for outlet, v in self.variants]
        rows.append(("heading", None, visible_line(f"{self.quote.speaker}'s other quotes ({len(self.others)}):")))
        rows += [("other", o, o.article) for o in self.others]
        self.rows = rows
        first = next((i for i, (kind, _, _) in enumerate(rows) if kind != "heading"), 0)
        self.query_one(RowList).set_rows(len(rows), self._row, cursor=first)

    def _row(self, i: int) -> Text:
        kind, q, label = self.rows[i]
        if q is None:
            return Text(label, style="bold", no_wrap=True)
        line = Text(f"{cut_at_word(label, SOURCE_W):<{SOURCE_W}} ", style="dim", no_wrap=True)
        line.append(f"{q.kind[:1]} ", style="dim")
        line.append(one_line(q.text, 300), self.colours.quote_style(q.speaker, q.kind) if kind == "variant" else "")
        return line

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

    @on(RowList.Selected, "#quote-rows")
    def _open(self, event: RowList.Selected) -> None:
        _kind, q, _label = self.rows[event.index]
        if q is None:
            return  # a heading
        self.dismiss()
        self.qw.open_article(q.article, at=q.start)
