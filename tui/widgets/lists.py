"""An OptionList that moves with j/k and g/G like every other list, and keeps its current
row marked when another pane has the focus."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class KeyedOptionList(OptionList):
    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="up"),
        Binding("home,g", "first", "Top", show=False, id="top"),
        Binding("end,G", "last", "Bottom", show=False, id="bottom"),
    ]
    DEFAULT_CSS = """
    KeyedOptionList { padding: 0; }
    KeyedOptionList > .option-list--option-highlighted {
        background: $block-cursor-blurred-background;
        text-style: bold;
    }
    """
