"""Every tag with its count; the passages of one tag across the corpus; orphans (`T`)."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.keybar import KeyBar
from ..widgets.text import visible_line
from .quote_detail import one_line

ORPHANS = "\x00orphans"


class TagsScreen(Screen[None]):
    # Its own look, parsed when it first opens rather than at start-up.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #tags-screen { height: 1fr; }
    #tag-names-list { width: 36; height: 1fr; }
    #tag-passages { width: 1fr; height: 1fr; }
    #tags-status { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("tab", "switch", "Switch list", show=False, id="switch_pane"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tags: list = []
        self.passages: list = []

    def compose(self) -> ComposeResult:
        with Vertical(id="tags-screen"):
            yield Static(Text("Tags", style="bold"))
            with Horizontal():
                yield OptionList(id="tag-names-list")
                yield OptionList(id="tag-passages")
            yield Static("", id="tags-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#tag-names-list", OptionList).focus()
        self.load()

    def library_changed(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="tags")
    def load(self) -> None:
        tags = self.app.library.resolved_tags()  # type: ignore[attr-defined]
        self.app.call_from_thread(self._show, tags)

    def _show(self, tags: list) -> None:
        self.tags = tags
        counts: dict[str, int] = {}
        for t in tags:
            for name in t.tags:
                counts[name] = counts.get(name, 0) + 1
        orphans = sum(1 for t in tags if t.status == "orphan")
        ol = self.query_one("#tag-names-list", OptionList)
        ol.clear_options()
        for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            ol.add_option(Option(Text(f"{visible_line(name)} ({n})"), id=name))
        if orphans:
            ol.add_option(Option(Text(f"⚠ orphans ({orphans})", style="bold red"), id=ORPHANS))
        self.query_one("#tags-status", Static).update(
            Text(
                f"{len(tags)} tagged passage(s), {len(counts)} tag(s)"
                + (f", {orphans} orphan(s) whose words are gone from the article" if orphans else "")
                + " · Enter: passages / open · Tab: switch list"
            )
        )
        if counts or orphans:
            ol.highlighted = 0
            first = ol.get_option_at_index(0).id
            self._show_passages(first or "")

    def _show_passages(self, name: str) -> None:
        lib = self.app.library  # type: ignore[attr-defined]
        if name == ORPHANS:
            self.passages = [t for t in self.tags if t.status == "orphan"]
        else:
            self.passages = [t for t in self.tags if name in t.tags]
        ol = self.query_one("#tag-passages", OptionList)
        ol.clear_options()
        for n, t in enumerate(self.passages):
            art = lib.article(t.article)
            label = Text(visible_line(art.title if art else t.article)[:60], style="bold")
            label.append(f"  [{t.status}]" if t.status != "anchored" else "", style="yellow")
            label.append("\n  " + one_line(t.prefix, 30), style="dim")
            label.append(one_line(t.exact, 80), style="reverse")
            label.append(one_line(t.suffix, 30), style="dim")
            if t.note:
                label.append(f"\n  note: {visible_line(t.note)}", style="italic")
            ol.add_option(Option(label, id=str(n)))
        if self.passages:
            ol.highlighted = 0

    @on(OptionList.OptionHighlighted, "#tag-names-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._show_passages(event.option.id)

    @on(OptionList.OptionSelected, "#tag-names-list")
    def _chosen(self) -> None:
        self.query_one("#tag-passages", OptionList).focus()

    @on(OptionList.OptionSelected, "#tag-passages")
    def _open(self, event: OptionList.OptionSelected) -> None:
        t = self.passages[int(event.option.id or 0)]
        if t.status == "orphan":
            self.notify("This passage's words are no longer in the article; it is kept, not moved.")
            return
        self.app.open_article(t.article, at=t.start)  # type: ignore[attr-defined]

    def action_switch(self) -> None:
        names = self.query_one("#tag-names-list", OptionList)
        (self.query_one("#tag-passages", OptionList) if names.has_focus else names).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
