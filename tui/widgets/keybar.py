"""The key hints at the bottom of a screen, drawn as one line of text.

Textual's `Footer` builds a widget per key and rebuilds them all whenever focus moves;
on the first screen that cost as much as the rest of the start-up put together. This
bar shows the same bindings (those with `show=True`, as the screen has them now) in one
`Static`, and a click on a key still runs its action. The help key comes first, so that
however narrow the terminal, `?` is always on screen.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

FIRST = ("help",)  # binding ids shown before the others


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $footer-background; color: $footer-description-foreground; }
    """

    def __init__(self) -> None:
        super().__init__("")
        self._spans: list[tuple[int, int, str, DOMNode]] = []  # (first cell, end cell, action, its node)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._redraw()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self._redraw()

    def _redraw(self) -> None:
        line = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        by_action: dict[str, tuple[DOMNode, Binding, bool]] = {}
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show:
                continue
            known = by_action.get(binding.action)
            # One key per action, the shortest to read ("?" rather than "f1").
            if known is None or len(self.app.get_key_display(binding)) < len(self.app.get_key_display(known[1])):
                by_action[binding.action] = (node, binding, enabled)
        shown = sorted(
            by_action.values(), key=lambda item: item[1].id not in FIRST
        )  # stable: the rest keep their order
        for node, binding, enabled in shown:
            start = line.cell_len
            key = self.app.get_key_display(binding)
            line.append(f" {key} ", style="bold reverse" if enabled else "dim reverse")
            line.append(f" {binding.description}  ", style="" if enabled else "dim")
            if enabled:
                self._spans.append((start, line.cell_len, binding.action, node))
        self.update(line)

    async def _on_click(self, event: events.Click) -> None:
        for start, end, action, node in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.app.run_action(action, node)  # on the screen, a widget or the app
                return
