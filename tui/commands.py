"""Command palette (ctrl+p) entries: every action of the screen it was opened on, any
article by its title, any speaker's quotes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .widgets.text import visible_line

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from .app import QuotewireApp

# Moving the cursor is what keys are for; the palette lists what a screen can do.
MOVES = frozenset({"down", "up", "top", "bottom", "next_sentence", "prev_sentence", "page_up", "page_down"})


def screen_actions(provider: Provider) -> list[tuple[str, str, Callable[[], object]]]:
    """(label, key, run) for each action the screen offers now, its own then the app's."""
    app = provider.app
    out: list[tuple[str, str, Callable[[], object]]] = []
    seen: set[str] = set()
    for node, binding, enabled, tooltip in provider.screen.active_bindings.values():
        ident = binding.id or binding.action
        if not enabled or ident in seen or ident in MOVES or not binding.description:
            continue
        seen.add(ident)
        label = tooltip or binding.tooltip or binding.description
        out.append((label, app.get_key_display(binding), partial(_run, app, binding.action, node)))
    return out


async def _run(app: object, action: str, node: DOMNode) -> None:
    from textual.app import App

    await cast(App[object], app).run_action(action, node)


class ScreenCommands(Provider):
    """What the current screen's keys do, by name: "Compare with another article (c)"."""

    async def discover(self) -> Hits:
        for label, key, run in screen_actions(self):
            yield DiscoveryHit(f"{label} ({key})", run)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, key, run in screen_actions(self):
            text = f"{label} ({key})"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), run)


class ArticleCommands(Provider):
    """ "Open: <title>" for every article, matched fuzzily on title, outlet and id."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = cast("QuotewireApp", self.app)
        for a in app.library.articles():
            label = visible_line(f"Open: {a.title} ({a.outlet or a.id})")
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(app.open_article, a.id), help=a.id)


class SpeakerCommands(Provider):
    """ "Quotes by: <speaker>" opens the quotes screen filtered to that speaker."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = cast("QuotewireApp", self.app)
        names = sorted(name for name, _ in app.library.speakers() if name)
        for name in names:
            label = visible_line(f"Quotes by: {name}")
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._open, name))

    def _open(self, name: str) -> None:
        from .screens.quotes import QuotesScreen

        self.app.push_screen(QuotesScreen(initial_filter=name))
