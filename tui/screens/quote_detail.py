"""One quotation in full: speaker, cue, confidence, and the speaker's other quotes."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from index.models import Quote

from ..styles import quote_style
from ..widgets.row_list import RowList
from ..widgets.text import visible_line, visible_text


def one_line(s: str, width: int = 120) -> str:
    flat = " ".join(visible_text(s).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class QuoteDetailScreen(ModalScreen[None]):
    # Its own look, parsed when it first opens rather than at start-up.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    QuoteDetailScreen { align: center middle; }
    #quote-detail { width: 100; height: 80%; border: thick $primary; background: $surface; padding: 1 2; }
    #other-quotes { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "dismiss", "Close", id="close_detail")]

    def __init__(self, quote: Quote) -> None:
        super().__init__()
        self.quote = quote
        self.others: list[Quote] = []

    def compose(self) -> ComposeResult:
        q = self.quote
        with Vertical(id="quote-detail"):
            yield Static(self._body([]), id="quote-body")
            yield Static(
                Text(
                    visible_line(f"{q.speaker}'s other quotes in the corpus: looking…") if q.speaker else "",
                    style="bold",
                ),
                id="others-title",
            )
            # A speaker may have tens of thousands of quotes in a large corpus: rows are made
            # only when they come on screen.
            yield RowList(id="other-quotes")

    def on_mount(self) -> None:
        self.query_one(RowList).focus()
        if self.quote.speaker:
            self._load()

    def _body(self, variants: list[tuple[str, Quote]]) -> Text:
        q = self.quote
        body = Text()
        body.append(visible_text(q.text), quote_style(q.speaker, q.kind))
        body.append("\n\n")
        body.append(visible_line(f"Speaker: {q.speaker or '—'}"), style="bold")
        if q.speaker_mention and q.speaker_mention != q.speaker:
            body.append(visible_line(f"  (named as “{q.speaker_mention}”)"))
        body.append("\n" + visible_line(f"Kind: {q.kind}   Cue: {q.cue or '—'}   Confidence: {q.confidence:.2f}"))
        body.append("\n" + visible_line(f"Article: {q.article}  [{q.start}:{q.end}]"), style="dim")
        if variants:
            body.append("\n\nThe same statement elsewhere:", style="bold")
            for outlet, v in variants:
                body.append(f"\n  {visible_line(outlet):<22} ", style="dim")
                body.append(one_line(v.text, 100), quote_style(v.speaker, v.kind))
        return body

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        """The speaker's other quotes and this statement's variants, off the UI thread: on
        100,000 articles a prolific speaker's quotes take a few hundred milliseconds."""
        q, lib = self.quote, self.app.library  # type: ignore[attr-defined]
        variants = []
        for v in lib.variants_of(q):
            art = lib.article(v.article)
            variants.append(((art.outlet or v.article) if art else v.article, v))
        others = [
            o
            for o in lib.quotes(speaker=q.speaker)
            if (o.article, o.start) != (q.article, q.start) and o.speaker == q.speaker
        ]
        self.app.call_from_thread(self._show, variants, others)

    def _show(self, variants: list[tuple[str, Quote]], others: list[Quote]) -> None:
        self.others = others
        self.query_one("#quote-body", Static).update(self._body(variants))
        self.query_one("#others-title", Static).update(
            Text(visible_line(f"{self.quote.speaker}'s other quotes in the corpus ({len(others)}):"), style="bold")
        )
        self.query_one(RowList).set_rows(len(others), self._other_row)

    def _other_row(self, i: int) -> Text:
        o = self.others[i]
        return Text(
            f"{visible_line(o.article)[:18]:<18} {o.kind:<8} {one_line(o.text, 90)}", no_wrap=True, overflow="ellipsis"
        )

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

    @on(RowList.Selected, "#other-quotes")
    def _open(self, event: RowList.Selected) -> None:
        o = self.others[event.index]
        self.dismiss()
        self.app.open_article(o.article, at=o.start)  # type: ignore[attr-defined]
