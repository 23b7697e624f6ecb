"""Every quote in the corpus grouped by speaker, filtered as you type (`s`)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from index.models import Quote

from ..styles import speaker_colour
from .quote_detail import one_line


class QuotesScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("slash", "filter", "Filter", id="search"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Quote] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="quotes-screen"):
            yield Static(Text("Quotes by speaker", style="bold"))
            yield Input(placeholder="filter by speaker, words or article", id="quote-filter")
            yield OptionList(id="quote-list")
            yield Static("", id="quotes-status")
        yield Footer()

    def on_mount(self) -> None:
        self.refill("")
        self.query_one("#quote-list", OptionList).focus()

    def refill(self, needle: str) -> None:
        lib = self.app.library  # type: ignore[attr-defined]
        needle = needle.strip().lower()
        groups: dict[str, list[Quote]] = {}
        for q in lib.quotes():
            if q.kind == "other":
                continue
            name = q.speaker or "(no speaker)"
            if needle and needle not in name.lower() and needle not in q.text.lower() and needle not in q.article.lower():
                continue
            groups.setdefault(name, []).append(q)
        ol = self.query_one("#quote-list", OptionList)
        ol.clear_options()
        self.rows = []
        total = 0
        for name, quotes in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            head = Text("■ ", style=speaker_colour(name))
            head.append(f"{name} ({len(quotes)})", style="bold")
            ol.add_option(Option(head, disabled=True))
            for q in sorted(quotes, key=lambda q: (q.article, q.start)):
                ol.add_option(Option(Text(f"   {q.article[:18]:<18} {q.kind:<8} {one_line(q.text, 90)}"),
                                     id=str(len(self.rows))))
                self.rows.append(q)
                total += 1
        self.query_one("#quotes-status", Static).update(
            Text(f"{total} quote(s) by {len(groups)} speaker(s) · Enter opens the article at the quote"))

    @on(Input.Changed, "#quote-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.refill(event.value)

    @on(Input.Submitted, "#quote-filter")
    def _submitted(self) -> None:
        self.query_one("#quote-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#quote-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        q = self.rows[int(event.option.id or 0)]
        self.app.open_article(q.article, at=q.start)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        if self.query_one("#quote-filter", Input).has_focus:
            self.query_one("#quote-list", OptionList).focus()
        else:
            self.app.pop_screen()

    def action_filter(self) -> None:
        self.query_one("#quote-filter", Input).focus()
