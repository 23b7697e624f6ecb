"""Side by side (`c`): two outlets' versions, sentence by sentence, with the links drawn."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from index.models import Article, Quote

from ..access import AppAccess
from ..messages import AlignmentLoaded, RankedLoaded
from ..styles import BOILERPLATE, SpeakerColours, by_weight
from ..widgets.article_view import ArticleView
from ..widgets.keybar import KeyBar
from ..widgets.lists import KeyedOptionList
from ..widgets.text import cut_at_word, visible_line

if TYPE_CHECKING:
    from index.models import Alignment

LINKED = Style(bgcolor="#3a3a6a", color="white")
CURRENT = Style(bgcolor="#005f87", color="white", bold=True)
UNIQUE = Style(italic=True, color="#d7875f")
DIFF_A = Style(bgcolor="#870000", color="white", strike=True)
DIFF_B = Style(bgcolor="#005f00", color="white", bold=True)


class ComparePicker(AppAccess, ModalScreen[None]):
    """Choose the second article, the most similar first; the articles already on screen
    are never offered."""

    # Its own look, parsed when it first opens rather than at start-up.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    ComparePicker { align: center middle; }
    #compare-picker { width: 110; max-width: 96%; height: 70%; max-height: 96%; border: thick $primary;
                      background: $surface; padding: 1 2; }
    #compare-choices { height: 1fr; }
    """

    BINDINGS = [Binding("escape", "dismiss", "Cancel", id="cancel_pick")]

    def __init__(self, article_id: str, *, replace: str | None = None, other: str | None = None) -> None:
        super().__init__()
        self.article_id, self.replace, self.other = article_id, replace, other
        self.ids: list[str] = []
        self.on_screen = {article_id} | ({other} if other else set())

    def compose(self) -> ComposeResult:
        with Vertical(id="compare-picker"):
            yield Static(Text("Compare with… (most similar first)", style="bold"))
            yield KeyedOptionList(id="compare-choices")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.rank()

    @work(thread=True)
    def rank(self) -> None:
        lib = self.library
        ranked = [(aid, score) for aid, score in lib.rank_similar(self.article_id) if aid not in self.on_screen]
        self.post_message(RankedLoaded(ranked, {a.id: a.title for a in lib.articles()}))

    def on_ranked_loaded(self, message: RankedLoaded) -> None:
        ol = self.query_one(OptionList)
        # The picker is min(110, 96%) wide; its frame, padding and the list's border take 8.
        width = max(30, min(110, self.app.size.width * 96 // 100) - 8)
        for aid, score in message.ranked:
            self.ids.append(aid)
            # The title gets the room; the id only where there is more.
            ident = f"  ({cut_at_word(aid, 22)})" if width >= 90 else ""
            title = cut_at_word(message.titles.get(aid, aid), max(10, width - len(ident) - 7))
            ol.add_option(Option(Text(f"{score:4.2f}  {title}{ident}"), id=aid))
        if message.ranked:
            ol.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id or ""
        self.dismiss()
        if isinstance(self.app.screen, CompareScreen) and self.replace:
            self.app.screen.replace_side(self.replace, chosen)
        else:
            self.app.push_screen(CompareScreen(self.article_id, chosen))

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)


class CompareScreen(AppAccess, Screen[None]):
    # Its own look, parsed when it first opens rather than at start-up.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #compare { height: 1fr; }
    #compare-summary, #compare-status { height: 1; padding: 0 1; background: $boost; }
    #compare-panes { height: 1fr; }
    .side { width: 1fr; height: 1fr; border-left: solid $primary; }
    .side-title { height: 2; padding: 0 1; overflow: hidden; }
    #pane-a, #pane-b { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Back to the reader"),
        # Priority: the panes are TextAreas, which would otherwise move their own cursor.
        Binding("j,down", "next_sentence", "Next sentence", show=False, id="next_sentence", priority=True),
        Binding("k,up", "prev_sentence", "Prev sentence", show=False, id="prev_sentence", priority=True),
        Binding(
            "tab", "switch_pane", "Switch pane", id="switch_pane", priority=True, tooltip="Switch the driving pane"
        ),
        Binding("d", "toggle_diff", "Word diff", id="toggle_diff", tooltip="Word diff of the linked pair"),
        Binding("w", "swap", "Swap", id="swap", tooltip="Swap the two articles"),
        Binding("r", "replace_other", "Replace other", id="replace_other", tooltip="Compare with another article"),
        Binding("g", "top", "Top", show=False, id="top"),
        Binding("G", "bottom", "Bottom", show=False, id="bottom"),
    ]

    def __init__(self, a_id: str, b_id: str) -> None:
        super().__init__()
        self.ids = [a_id, b_id]
        self.active = 0  # which pane drives
        self.current = [0, 0]  # sentence index per pane
        self.sentences: list[list[tuple[int, int]]] = [[], []]
        self.unique: list[set[tuple[int, int]]] = [set(), set()]
        self.links: list[dict[tuple[int, int], list[tuple[int, int]]]] = [{}, {}]
        self.diff_on = False
        self.alignment: Alignment | None = None
        self.articles: list[Article] = []
        self.side_quotes: list[list[Quote]] = [[], []]
        # One colour per speaker across both articles: the same person looks the same
        # on both sides.
        self.colours = SpeakerColours([])

    def compose(self) -> ComposeResult:
        with Vertical(id="compare"):
            yield Static("", id="compare-summary")
            with Horizontal(id="compare-panes"):
                with Vertical(classes="side"):
                    yield Static("", id="title-a", classes="side-title")
                    yield ArticleView("", id="pane-a")
                with Vertical(classes="side"):
                    yield Static("", id="title-b", classes="side-title")
                    yield ArticleView("", id="pane-b")
            yield Static("", id="compare-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#compare-summary", Static).update(Text("Aligning…"))
        self.load()

    def panes(self) -> tuple[ArticleView, ArticleView]:
        return self.query_one("#pane-a", ArticleView), self.query_one("#pane-b", ArticleView)

    @work(thread=True, exclusive=True, group="align")
    def load(self) -> None:
        """Align off the UI thread (the first time, the corpus model is fitted too)."""
        lib = self.library
        ids = list(self.ids)
        found = [lib.article(i) for i in ids]
        arts = [a for a in found if a is not None]
        if len(arts) < len(ids):
            self.post_message(AlignmentLoaded(ids, [], None, error="Article not found"))
            return
        al = lib.align(ids[0], ids[1])
        self.post_message(AlignmentLoaded(ids, arts, al, [lib.quotes(a.id) for a in arts]))

    def on_alignment_loaded(self, message: AlignmentLoaded) -> None:
        if message.error or message.alignment is None:
            self.notify(message.error or "Could not align", severity="error")
            return
        self._show(message.ids, message.articles, message.alignment, message.quotes)

    def _show(self, ids: list[str], arts: list[Article], al: Alignment, quotes: list[list[Quote]]) -> None:
        if ids != self.ids:
            return  # swapped or replaced meanwhile; a newer alignment is coming
        self.alignment = al
        self.articles = arts
        self.side_quotes = quotes
        self.colours = SpeakerColours(by_weight(q for qs in quotes for q in qs), self.palette())
        for art, view, title in zip(arts, self.panes(), ("#title-a", "#title-b")):
            view.load_article(art.text)
            width = max(10, self.app.size.width // 2 - 4)  # a pane is half the screen, less its border and padding
            self.query_one(title, Static).update(
                Text(f"{cut_at_word(art.title, width)}\n{cut_at_word(art.outlet or art.id, width)}", style="bold")
            )
        self.links = [{}, {}]
        for p in al.pairs:
            a, b = (p.a_start, p.a_end), (p.b_start, p.b_end)
            self.links[0].setdefault(a, []).append(b)
            self.links[1].setdefault(b, []).append(a)
        self.unique = [set(al.only_a), set(al.only_b)]
        for side in (0, 1):
            self.sentences[side] = sorted(set(self.links[side]) | self.unique[side])
        self.current = [0, 0]
        shared_a, shared_b = len(self.links[0]), len(self.links[1])
        # The counts first: the ids (shown above each pane too) are cut on a narrow screen.
        self.query_one("#compare-summary", Static).update(
            Text(
                f"shared: {shared_a} sentence(s) of A, {shared_b} of B · only in A: {len(al.only_a)} · "
                f"only in B: {len(al.only_b)} · {visible_line(arts[0].id)} ⟷ {visible_line(arts[1].id)}",
                no_wrap=True,
                overflow="ellipsis",
            )
        )
        self.panes()[self.active].focus()
        self.redraw()

    def redraw(self) -> None:
        if len(self.articles) < 2:
            return
        cur = self._current_span(self.active)
        linked = self.links[self.active].get(cur, []) if cur else []
        for side, view in enumerate(self.panes()):
            art = self.articles[side]
            spans: list[tuple[int, int, Style]] = [(b.start, b.end, BOILERPLATE) for b in art.boilerplate]
            spans += [(s, e, UNIQUE) for s, e in self.unique[side]]
            spans += [(q.start, q.end, self.colours.quote_style(q.speaker, q.kind)) for q in self.side_quotes[side]]
            if side == self.active and cur:
                spans.append((cur[0], cur[1], CURRENT))
            elif side != self.active:
                spans += [(s, e, LINKED) for s, e in linked]
            if self.diff_on and cur and linked:
                spans += self._diff_spans(side, cur, linked)
            view.set_spans(spans)
        if cur:
            self.panes()[self.active].jump_to(cur[0])
        if linked:
            other = self.panes()[1 - self.active]
            other.jump_to(linked[0][0])  # programmatic: no message loop back to us
        status = (
            "linked to " + str(len(linked)) + " sentence(s)"
            if linked
            else ("unique to this article" if cur in self.unique[self.active] else "")
        )
        pane = "A (left)" if self.active == 0 else "B (right)"
        self.query_one("#compare-status", Static).update(
            Text(f"driving: {pane} · {status}{' · word diff on' if self.diff_on else ''}")
        )

    def _diff_spans(
        self, side: int, cur: tuple[int, int], linked: list[tuple[int, int]]
    ) -> list[tuple[int, int, Style]]:
        a_side = self.active
        a_art, b_art = self.articles[a_side], self.articles[1 - a_side]
        b_start, b_end = linked[0][0], linked[-1][1]
        ops = self.library.word_diff(a_art.text[cur[0] : cur[1]], b_art.text[b_start:b_end], cur[0], b_start)
        out = []
        for op in ops:
            if op.op == "equal":
                continue
            if side == a_side and op.a_end > op.a_start:
                out.append((op.a_start, op.a_end, DIFF_A))
            elif side != a_side and op.b_end > op.b_start:
                out.append((op.b_start, op.b_end, DIFF_B))
        return out

    def _current_span(self, side: int) -> tuple[int, int] | None:
        sents = self.sentences[side]
        return sents[self.current[side]] if sents else None

    def _move(self, step: int) -> None:
        sents = self.sentences[self.active]
        if not sents:
            return
        self.current[self.active] = max(0, min(len(sents) - 1, self.current[self.active] + step))
        self.redraw()

    def action_next_sentence(self) -> None:
        self._move(1)

    def action_prev_sentence(self) -> None:
        self._move(-1)

    def action_top(self) -> None:
        self._move(-(10**9))

    def action_bottom(self) -> None:
        self._move(10**9)

    def action_switch_pane(self) -> None:
        cur = self._current_span(self.active)
        linked = self.links[self.active].get(cur, []) if cur else []
        self.active = 1 - self.active
        if linked:  # continue from the counterpart
            sents = self.sentences[self.active]
            self.current[self.active] = max(0, bisect_right(sents, linked[0]) - 1)
        self.panes()[self.active].focus()
        self.redraw()

    def action_toggle_diff(self) -> None:
        self.diff_on = not self.diff_on
        self.redraw()

    def action_swap(self) -> None:
        self.ids.reverse()
        self.load()

    def action_replace_other(self) -> None:
        side = 1 - self.active
        self.app.push_screen(ComparePicker(self.ids[self.active], replace="ab"[side], other=self.ids[side]))

    def replace_side(self, which: str, article_id: str) -> None:
        self.ids["ab".index(which)] = article_id
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()
