"""One progress line for a long index build, shared by the command line and the app."""

from __future__ import annotations

import time


class Progress:
    """Counts files as they are indexed and says how far along the build is and when it ends."""

    def __init__(self) -> None:
        self.t0 = time.monotonic()

    def line(self, done: int, total: int, width: int = 30) -> str:
        elapsed = time.monotonic() - self.t0
        fill = int(width * done / total) if total else width
        eta = _duration(elapsed / done * (total - done)) if done else "…"
        return f"[{'#' * fill}{'.' * (width - fill)}] {done}/{total} · ETA {eta}"


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
