"""Command palette (ctrl+p) entries built from the library: open any article, jump to a speaker."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider

from .widgets.text import visible_line


class ArticleCommands(Provider):
    """ "Open: <title>" for every article, matched fuzzily on title, outlet and id."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = self.app
        for a in app.library.articles():  # type: ignore[attr-defined]
            label = visible_line(f"Open: {a.title} ({a.outlet or a.id})")
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(app.open_article, a.id), help=a.id)  # type: ignore[attr-defined]


class SpeakerCommands(Provider):
    """ "Quotes by: <speaker>" opens the quotes screen filtered to that speaker."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        names = sorted(name for name, _ in self.app.library.speakers() if name)  # type: ignore[attr-defined]
        for name in names:
            label = visible_line(f"Quotes by: {name}")
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._open, name))

    def _open(self, name: str) -> None:
        from .screens.quotes import QuotesScreen

        screen = QuotesScreen(initial_filter=name)
        self.app.push_screen(screen)
