"""Messages that workers post to the app: the UI reacts, it never waits."""

from __future__ import annotations

from textual.message import Message

from index.models import LoadProblem, SearchResult


class IndexProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total


class IndexReady(Message):
    """The library has articles to show; `initial` when they come from the cache."""

    def __init__(self, *, initial: bool, problems: tuple[LoadProblem, ...] = (), note: str = "") -> None:
        super().__init__()
        self.initial, self.problems, self.note = initial, problems, note


class SearchDone(Message):
    def __init__(self, result: SearchResult, serial: int) -> None:
        super().__init__()
        self.result, self.serial = result, serial
