"""The small prompt `t` opens: tags (comma-separated, completed from existing ones) and a note."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from ..widgets.text import cut_at_word


@dataclass(frozen=True)
class TagRequest:
    tags: tuple[str, ...]
    note: str


class TagSuggester(Suggester):
    """Completes the last comma-separated name from the tags already in use."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        last = last.lstrip()
        if not last:
            return None
        for name in self.names:
            if name.startswith(last.lower()) and name != last.lower():
                prefix = f"{head}, " if head else ""
                return prefix + name
        return None


class TagPrompt(ModalScreen[TagRequest | None]):
    # Its own look, parsed when it first opens rather than at start-up.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    TagPrompt { align: center middle; }
    #tag-prompt { width: 80; max-width: 96%; height: auto; max-height: 96%; border: thick $primary;
                  background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_tag")]

    def __init__(self, passage: str, names: list[str], *, tags: tuple[str, ...] = (), note: str = "") -> None:
        super().__init__()
        self.passage, self.names, self.tags, self.note = passage, names, tags, note

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-prompt"):
            yield Static(Text(f"Tag: “{cut_at_word(self.passage, 200)}”"))
            yield Input(
                ", ".join(self.tags),
                placeholder="tags, comma-separated (→ completes)",
                suggester=TagSuggester(self.names),
                id="tag-names",
            )
            yield Input(self.note, placeholder="note (optional)", id="tag-note")
            yield Static(Text("Enter saves · Tab moves to the note · Esc cancels", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#tag-names", Input).focus()

    @on(Input.Submitted)
    def _submit(self) -> None:
        raw = self.query_one("#tag-names", Input).value
        names = tuple(n.strip() for n in raw.split(",") if n.strip())
        if not names:
            self.notify("Type at least one tag name", severity="warning")
            return
        self.dismiss(TagRequest(names, self.query_one("#tag-note", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
