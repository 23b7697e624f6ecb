"""Key help (`?`): the bindings of the screen you came from, as they are mapped now."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..keys import describe_bindings


class HelpScreen(ModalScreen[None]):
    # Its own look, parsed when it first opens rather than at start-up.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help { width: 90; max-width: 96%; height: 80%; max-height: 96%; border: thick $primary;
            background: $surface; padding: 0 1; }
    """
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="close_help")]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        table = Table(title="Keys", show_header=True, expand=True, box=None, padding=(0, 1))
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("Does", ratio=2)
        table.add_column("Id (config `keys:`)", style="dim", ratio=1, overflow="fold")
        for keys, description, ident in describe_bindings(self.app, self.under):
            table.add_row(Text(keys), Text(description), Text(ident))
        with VerticalScroll(id="help"):
            yield Static(table)
            note = getattr(self.under, "HELP_NOTE", "")
            if note:
                yield Static(Text(note))
            yield Static(Text("Esc closes this help.", style="dim"))

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
