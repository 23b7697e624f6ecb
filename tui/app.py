"""The quotewire Textual app: a library/search screen, a reader, help.

The app renders and forwards keys; everything it shows comes from `index.library`
(called from worker threads) as plain dataclasses, and workers tell the UI what they
found by posting messages (`tui/messages.py`).
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding

from .messages import IndexChanged, IndexProgress
from .styles import Palette

if TYPE_CHECKING:
    from textual.command import Provider

    from index.library import Library


SYNC_LOAD_BYTES = 16_000_000  # catalogue file (texts included): about 5,000 articles, listed in ~0.1 s
PROGRESS_EVERY = 0.1  # seconds between progress messages from a build (and the last one)
TAG_NOTICE_SECONDS = 30  # the tag file was replaced or removed: where its tags went takes reading


def _screen_commands() -> type[Provider]:
    from .commands import ScreenCommands  # imported when the palette opens, not at start-up

    return ScreenCommands


def _article_commands() -> type[Provider]:
    from .commands import ArticleCommands

    return ArticleCommands


def _speaker_commands() -> type[Provider]:
    from .commands import SpeakerCommands

    return SpeakerCommands


class QuotewireApp(App[int]):
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))  # absolute: subclasses live elsewhere
    TITLE = "quotewire"
    COMMANDS = App.COMMANDS | {_screen_commands, _article_commands, _speaker_commands}
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
        self.building: tuple[int, int] | None = None  # (read, of) while an index build runs
        self._palette: tuple[str, Palette] | None = None

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

    def palette(self) -> Palette:
        """Speaker colours readable on the current theme's backgrounds."""
        if self._palette is None or self._palette[0] != self.theme:
            self._palette = (self.theme, Palette.for_variables(self.current_theme.dark, self.get_css_variables()))
        return self._palette[1]

    @work(thread=True, exclusive=True, group="index")
    def start_index(self) -> None:
        """Open what is cached at once, then bring the index up to date in the background."""
        lib = self.library
        if not self.index_ready and lib.load_cached():
            self.post_message(IndexChanged(initial=True))
        lib.warm()  # the search engine loads now, not on the first keystroke
        if not self._update_index:
            self.post_message(IndexChanged(initial=False))
            return
        from index.library import IndexBusy, IndexStorageError

        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if done >= total or now - last >= PROGRESS_EVERY:
                last = now
                self.post_message(IndexProgress(done, total))

        def committed() -> None:  # a long build's first part can be listed and searched
            self.post_message(IndexChanged(initial=True))

        try:
            report = lib.update(progress=progress, wait=0.5, committed=committed)
        except IndexBusy:
            self.post_message(
                IndexChanged(initial=False, note="another quotewire is updating the index; showing what it has")
            )
            return
        except IndexStorageError as exc:  # a full or read-only cache: say so, show what there is
            self.post_message(IndexChanged(initial=False, note=str(exc)))
            return
        self.post_message(
            IndexChanged(initial=False, problems=tuple(report.problems), note=lib.tag_store_problem() or "")
        )

    def tell_tag_notices(self, notices: tuple[str, ...]) -> None:
        """What the tag store said about its file (deleted, moved or replaced while open, and
        where the tags it held were kept): a warning each, long enough to be read."""
        for notice in notices:
            self.notify(notice, title="Tag file changed", severity="warning", timeout=TAG_NOTICE_SECONDS, markup=False)

    def on_index_progress(self, message: IndexProgress) -> None:
        self.building = (message.done, message.total) if message.done < message.total else None
        for screen in self.screen_stack:
            screen.post_message(IndexProgress(message.done, message.total))

    def on_index_changed(self, message: IndexChanged) -> None:
        self.index_ready = True
        if not message.initial:
            self.building = None
        if not message.initial and not self.index_checked:
            # What start-up built (the article list, the search engine) lives as long as
            # the app: keep it out of the garbage collector's full passes, which otherwise
            # walk it all and stall a keystroke or a scroll for 0.1-0.3 s.
            gc.collect()
            gc.freeze()
        self.index_checked = self.index_checked or not message.initial
        for screen in self.screen_stack:
            screen.post_message(IndexChanged(message.initial))
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
