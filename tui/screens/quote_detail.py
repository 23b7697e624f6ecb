"""One quotation in full: speaker, cue, confidence, and the speaker's other quotes."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from index.models import Quote

from ..styles import quote_style
from ..widgets.article_view import visible_text


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
        lib = self.app.library  # type: ignore[attr-defined]
        body = Text()
        body.append(visible_text(q.text), quote_style(q.speaker, q.kind))
        body.append("\n\n")
        body.append(f"Speaker: {q.speaker or '—'}", style="bold")
        if q.speaker_mention and q.speaker_mention != q.speaker:
            body.append(f"  (named as “{q.speaker_mention}”)")
        body.append(f"\nKind: {q.kind}   Cue: {q.cue or '—'}   Confidence: {q.confidence:.2f}")
        body.append(f"\nArticle: {q.article}  [{q.start}:{q.end}]", style="dim")
        variants = lib.variants_of(q) if q.speaker else []
        if variants:
            body.append("\n\nThe same statement elsewhere:", style="bold")
            for v in variants:
                art = lib.article(v.article)
                body.append(f"\n  {(art.outlet or v.article) if art else v.article:<22} ", style="dim")
                body.append(one_line(v.text, 100), quote_style(v.speaker, v.kind))
        if q.speaker:
            self.others = [o for o in lib.quotes(speaker=q.speaker)
                           if (o.article, o.start) != (q.article, q.start) and o.speaker == q.speaker]
        with Vertical(id="quote-detail"):
            yield Static(body)
            yield Static(Text(f"{q.speaker}'s other quotes in the corpus ({len(self.others)}):" if q.speaker
                              else "", style="bold"))
            ol = OptionList(id="other-quotes")
            for n, o in enumerate(self.others):
                ol.add_option(Option(Text(f"{o.article[:18]:<18} {o.kind:<8} {one_line(o.text, 90)}"), id=str(n)))
            yield ol

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

    @on(OptionList.OptionSelected, "#other-quotes")
    def _open(self, event: OptionList.OptionSelected) -> None:
        o = self.others[int(event.option.id or 0)]
        self.dismiss()
        self.app.open_article(o.article, at=o.start)  # type: ignore[attr-defined]
