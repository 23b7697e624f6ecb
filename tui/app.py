"""The quotewire Textual app: a library/search screen, a reader, help.

The app renders and forwards keys; everything it shows comes from `index.library`
(called from worker threads) as plain dataclasses.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding

from .messages import IndexProgress, IndexReady

if TYPE_CHECKING:
    from index.library import Library


SYNC_LOAD_BYTES = 16_000_000  # catalogue file (texts included): about 5,000 articles, listed in ~0.1 s


def _article_commands() -> type:
    from .commands import ArticleCommands  # imported when the palette opens, not at start-up

    return ArticleCommands


def _speaker_commands() -> type:
    from .commands import SpeakerCommands

    return SpeakerCommands


class QuotewireApp(App[int]):
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))  # absolute: subclasses live elsewhere
    TITLE = "quotewire"
    COMMANDS = App.COMMANDS | {_article_commands, _speaker_commands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
    ]

    def __init__(self, library: Library, *, update_index: bool = True) -> None:
        super().__init__()
        self.library = library
        self._update_index = update_index
        self.index_ready = False  # articles can be listed
        self.index_checked = False  # ...and the corpus has been checked against the index

    def on_mount(self) -> None:
        try:
            if self.theme != self.library.config.theme:  # re-theming restyles every widget
                self.theme = self.library.config.theme
        except Exception:  # an unknown theme name must not stop the app
            self.notify(f"unknown theme {self.library.config.theme!r}; using the default", severity="warning")
        if self.library.config.keys:
            self.set_keymap(self.library.config.keys)
        from .screens.library import LibraryScreen

        # A small catalogue is read here, so the first frame already lists the articles;
        # a large one is read by the worker, off the UI thread.
        if self.library.cache_size() < SYNC_LOAD_BYTES and self.library.load_cached():
            self.index_ready = True
        screen = LibraryScreen()
        self.push_screen(screen)
        # After the library's first frame: loading the search engine and checking the
        # corpus (in a thread, but holding the GIL for much of it) must not delay it.
        screen.call_after_refresh(self.start_index)

    @work(thread=True, exclusive=True, group="index")
    def start_index(self) -> None:
        """Open what is cached at once, then bring the index up to date in the background."""
        lib = self.library
        if not self.index_ready and lib.load_cached():
            self.post_message(IndexReady(initial=True))
        lib.warm()  # the search engine loads now, not on the first keystroke
        if not self._update_index:
            self.post_message(IndexReady(initial=False))
            return
        from index.library import IndexBusy, IndexStorageError

        try:
            report = lib.update(
                progress=lambda d, t: self.post_message(IndexProgress(d, t)),
                wait=0.5,
                committed=lambda: self.post_message(IndexReady(initial=True)),
            )
        except IndexBusy:
            self.post_message(
                IndexReady(initial=False, note="another quotewire is updating the index; showing what it has")
            )
            return
        except IndexStorageError as exc:  # a full or read-only cache: say so, show what there is
            self.post_message(IndexReady(initial=False, note=str(exc)))
            return
        self.post_message(
            IndexReady(initial=False, problems=tuple(report.problems), note=lib.tag_store_problem() or "")
        )

    def on_index_progress(self, message: IndexProgress) -> None:
        for screen in self.screen_stack:
            if hasattr(screen, "index_progress"):
                screen.index_progress(message.done, message.total)

    def on_index_ready(self, message: IndexReady) -> None:
        self.index_ready = True
        if not message.initial and not self.index_checked:
            # What start-up built (the article list, the search engine) lives as long as
            # the app: keep it out of the garbage collector's full passes, which otherwise
            # walk it all and stall a keystroke or a scroll for 0.1-0.3 s.
            gc.collect()
            gc.freeze()
        self.index_checked = self.index_checked or not message.initial
        for screen in self.screen_stack:
            if hasattr(screen, "library_changed"):
                screen.library_changed()
        for p in message.problems:
            self.notify(f"{p.path}: {p.message}", severity="warning" if p.skipped else "information", timeout=8)
        if message.note:
            self.notify(message.note, severity="warning")

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def open_article(self, article_id: str, *, at: int | None = None, query: str = "") -> None:
        from .screens.reader import ReaderScreen

        self.push_screen(ReaderScreen(article_id, at=at, query=query))
