"""Every tag with its count; the passages of one tag across the corpus; orphans (`T`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..access import AppAccess
from ..messages import IndexChanged, TagsLoaded
from ..widgets.keybar import KeyBar
from ..widgets.lists import KeyedOptionList
from ..widgets.text import cut_at_word, visible_line, visible_text
from .quote_detail import one_line

if TYPE_CHECKING:
    from index.models import Tag

ORPHANS = "\x00orphans"


def _context(text: str, *, before: bool, most: int = 30) -> str:
    """A tag's context on one line, the end next to the passage kept, and the space that
    separates them in the article kept too (flattening the whitespace had dropped it,
    running "Peskov said" and "not suit" together)."""
    flat = " ".join(visible_text(text).split())
    if not flat:
        return ""
    if before:
        cut = flat if len(flat) <= most else "…" + flat[-(most - 1) :]
        return cut + (" " if text[-1:].isspace() else "")
    cut = flat if len(flat) <= most else flat[: most - 1] + "…"
    return (" " if text[:1].isspace() else "") + cut


class TagsScreen(AppAccess, Screen[None]):
    # Its own look, parsed when it first opens rather than at start-up.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #tags-screen { height: 1fr; }
    #tag-names-list { width: 30%; min-width: 16; max-width: 36; height: 1fr; }
    #tag-passages { width: 1fr; height: 1fr; }
    #tags-status { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Back"),
        Binding("tab", "switch", "Switch list", id="switch_pane", tooltip="Switch between tags and passages"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[Tag] = []
        self.passages: list[Tag] = []
        self.titles: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="tags-screen"):
            yield Static(Text("Tags", style="bold"))
            with Horizontal():
                yield KeyedOptionList(id="tag-names-list")
                yield KeyedOptionList(id="tag-passages")
            yield Static("", id="tags-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#tag-names-list", OptionList).focus()
        self.load()

    def on_index_changed(self, message: IndexChanged) -> None:
        self.load()  # an article's text may have changed: its tags are anchored again

    @work(thread=True, exclusive=True, group="tags")
    def load(self) -> None:
        from ..tags_cli import corpus_tags  # this corpus's tags: not those of another folder

        tags = corpus_tags(self.library)
        self.post_message(TagsLoaded(tags, notices=tuple(self.library.take_tag_notices())))

    def on_tags_loaded(self, message: TagsLoaded) -> None:
        self.qw.tell_tag_notices(message.notices)
        tags = self.tags = message.tags
        self.titles = {a.id: a.title for a in self.library.articles()}
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
        if name == ORPHANS:
            self.passages = [t for t in self.tags if t.status == "orphan"]
        else:
            self.passages = [t for t in self.tags if name in t.tags]
        ol = self.query_one("#tag-passages", OptionList)
        ol.clear_options()
        # The passages take what the tag list (30%, 16 to 36 columns) leaves, less the borders.
        width = max(20, self.app.size.width - max(16, min(36, self.app.size.width * 30 // 100)) - 4)
        for n, t in enumerate(self.passages):
            label = Text(cut_at_word(self.titles.get(t.article, t.article), width - 12), style="bold")
            label.append(f"  [{t.status}]" if t.status != "anchored" else "", style="yellow")
            # The passage between its context, a space on each side as in the article.
            label.append("\n  " + _context(t.prefix, before=True), style="dim")
            label.append(one_line(t.exact, 200), style="reverse")
            label.append(_context(t.suffix, before=False), style="dim")
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
        self.qw.open_article(t.article, at=t.start)

    def action_switch(self) -> None:
        names = self.query_one("#tag-names-list", OptionList)
        (self.query_one("#tag-passages", OptionList) if names.has_focus else names).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
