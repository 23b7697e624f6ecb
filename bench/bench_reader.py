"""Issue #4, "Long articles stay smooth": time to open a ~200 KB article in the reader, and
keystroke-to-paint while scrolling it, each beside baselines measured in the same run.

Run `python bench/bench_reader.py` (writes bench/results/reader.json) or call `measure()`
from bench/run.py. `--profile open|pagedown|quote` prints a cProfile of that step.

The long article is generated here (BBC stories from ../shared/data/bbc, or synthesised
text with quotations when that is missing), never committed. Times are taken inside the
headless app: from `open_article` (what Enter on a result calls) to the first frame the
compositor renders for the reader ("open"), and on to the last frame before the app goes
quiet for 0.3 s ("settled": the footer, deferred lists and workers that would delay a key
pressed at once); for a key, from sending it to the first frame in which the pane has
moved. Each figure has its wall-clock and CPU-time median/p95. Headless Textual renders
every strip but skips writing escape codes to a terminal, so these figures leave out the
terminal's own cost.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("QUOTEWIRE_SHARED", ROOT.parent / "shared"))
BBC = SHARED / "data" / "bbc" / "raw"
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "bench"))
from figures import median as _median  # noqa: E402 (needs the path above)
from figures import pct as _pct

SIZE = (120, 40)
LONG_ID = "long-article"


def _now() -> tuple[float, float]:
    """Wall clock and this process's CPU time: on a shared machine the CPU figure moves
    less with other people's load than the wall-clock one."""
    return time.perf_counter(), time.process_time()


def _summary(samples: list[tuple[float, float]]) -> dict[str, Any]:
    ms = [w * 1000 for w, _ in samples]
    cpu = [c * 1000 for _, c in samples]
    return {
        "n": len(ms),
        "median_ms": round(_median(ms), 1),
        "p95_ms": round(_pct(ms, 95), 1),
        "max_ms": round(max(ms), 1) if ms else None,
        "cpu_median_ms": round(_median(cpu), 1),
        "cpu_p95_ms": round(_pct(cpu, 95), 1),
    }


# --- the long article --------------------------------------------------------------------------


def _synthetic(size: int) -> str:
    """Reported and direct speech by a handful of speakers, so quotes and margins exist."""
    speakers = ["Tony Blair", "Gordon Brown", "Michael Howard", "Charles Kennedy", "Patricia Hewitt"]
    out, n = [], 0
    while sum(map(len, out)) < size:
        who = speakers[n % len(speakers)]
        out.append(
            f'The minister spoke again on day {n}. "We have doubled the budget for schools and '
            f'we will do it again, because the public expects it," {who} said on Sunday. '
            f"Critics said the plan was costly, and {who.split()[-1]} told reporters that the "
            f"figures would be published before the election in May.\n\n"
        )
        n += 1
    return "".join(out)


def long_text(size: int = 200_000) -> tuple[str, str]:
    """~`size` characters: BBC stories joined by blank lines (or synthetic text); and its source."""
    files = sorted(BBC.glob("*/*.txt")) if BBC.exists() else []
    if not files:
        return "A long synthetic article about budgets\n\n" + _synthetic(size), "synthetic"
    parts: list[str] = ["A very long article stitched from BBC stories\n"]
    total = 0
    for f in files[::7]:  # a spread of sections, not 60 stories about one business deal
        text = f.read_bytes().decode("latin-1").replace("\r\n", "\n").strip()
        parts.append(text)
        total += len(text) + 2
        if total >= size:
            break
    return "\n\n".join(parts) + "\n", f"bbc ({BBC})"


def build_library(tmp: Path, size: int = 200_000) -> tuple[Any, str, str]:
    """A temporary corpus (seeds + one long article) indexed with `Library`, in `tmp`."""

    from index.config import load_config
    from index.corpus import SEED_DIR
    from index.library import Library

    corpus = tmp / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for seed in SEED_DIR.glob("*.txt"):  # a named folder replaces the seeds (#16): copied in
        shutil.copy(seed, corpus / seed.name)
    text, source = long_text(size)
    (corpus / f"{LONG_ID}.txt").write_text(text, encoding="utf-8")
    # A corpus folder now replaces the seeds: the baseline seed article is copied in.
    for seed in (Path(__file__).resolve().parents[1] / "index" / "seed").glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    cfg = replace(
        load_config(use_user_config=False), include_seeds=True, index_dir=tmp / "index", data_dir=tmp / "data"
    )
    lib = Library(cfg, (corpus,))
    lib.update(rebuild=True)
    return lib, text, source


# --- timing inside the app ---------------------------------------------------------------------


class _Frames:
    """Wraps `app._display` (called once per rendered frame) to timestamp frames that meet a test."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.test: Callable[[Any], bool] | None = None
        self.at: tuple[float, float] | None = None
        self.last: tuple[float, float] = _now()  # the latest frame of any kind
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            self.last = _now()
            if self.test is not None and self.at is None and self.test(screen):
                self.at = self.last

        app._display = display

    def arm(self, test: Callable[[Any], bool]) -> None:
        self.at, self.test = None, test

    async def wait(self, pilot: Any, timeout: float = 10.0) -> tuple[float, float]:
        waited = 0.0
        while self.at is None:
            if waited > timeout:
                raise RuntimeError("no frame met the test in time")
            await pilot.pause(0.005)
            waited += 0.005
        self.test = None
        return self.at

    async def settle(self, pilot: Any, quiet: float = 0.3, cap: float = 5.0) -> tuple[float, float]:
        """Wait until no frame has been drawn for `quiet` s; the time of the last frame.
        After an open, what still runs after the first frame (workers, deferred lists, the
        footer) delays a key pressed at once: this is when the app is ready for it."""
        start = time.perf_counter()
        while time.perf_counter() - max(self.last[0], start) < quiet and time.perf_counter() - start < cap:
            await pilot.pause(0.02)
        return self.last


def _plain_screen(text: str) -> Any:
    """Stock Textual: a read-only, soft-wrapped TextArea with the same text, nothing else."""
    from textual.screen import Screen
    from textual.widgets import TextArea

    class Plain(Screen[None]):
        def compose(self) -> Any:
            yield TextArea(text, read_only=True, soft_wrap=True, show_line_numbers=False)

        def on_mount(self) -> None:
            self.query_one(TextArea).focus()

    return Plain()


async def _session(lib: Any, long_text_: str, runs: int, keys: int, profile: str | None) -> dict[str, Any]:
    from textual.widgets import TextArea

    from tui.app import QuotewireApp
    from tui.screens.library import LibraryScreen
    from tui.screens.reader import ReaderScreen
    from tui.widgets.article_view import ArticleView

    seed_id = min((a.id for a in lib.articles() if a.id != LONG_ID), key=lambda i: len(lib.article(i).text))
    out: dict[str, list[tuple[float, float]]] = {
        k: []
        for k in (
            "open_long",
            "open_long_settled",
            "open_seed",
            "open_seed_settled",
            "open_plain_textarea",
            "open_plain_textarea_settled",
            "page_down",
            "next_quote",
            "to_end_G",
            "page_down_plain_textarea",
        )
    }
    prof_text = ""
    app = QuotewireApp(lib, update_index=False)
    async with app.run_test(size=SIZE) as pilot:
        while not (app.index_ready and isinstance(app.screen, LibraryScreen)):
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        frames = _Frames(app)

        async def back() -> None:
            app.pop_screen()
            while not isinstance(app.screen, LibraryScreen):
                await pilot.pause(0.01)
            await pilot.pause(0.1)

        async def open_reader(article_id: str, settled: str = "") -> tuple[float, float]:
            """Time to the reader's first frame; with `settled`, also record (under that
            name) the time to the last frame before the app went quiet."""
            frames.arm(lambda s: isinstance(s, ReaderScreen) and s.is_current)
            t0 = _now()
            app.open_article(article_id)
            t1 = await frames.wait(pilot)
            reader = app.screen
            reader.query_one(ArticleView).cursor_blink = False  # a blink is a frame that is not ours
            t2 = await frames.settle(pilot)
            if settled:
                out[settled].append((t2[0] - t0[0], t2[1] - t0[1]))
            return t1[0] - t0[0], t1[1] - t0[1]

        async def open_plain() -> tuple[float, float]:
            frames.arm(
                lambda s: s.is_current and not isinstance(s, (ReaderScreen, LibraryScreen)) and bool(s.query(TextArea))
            )
            t0 = _now()
            app.push_screen(_plain_screen(long_text_))
            t1 = await frames.wait(pilot)
            app.screen.query_one(TextArea).cursor_blink = False
            t2 = await frames.settle(pilot)
            out["open_plain_textarea_settled"].append((t2[0] - t0[0], t2[1] - t0[1]))
            return t1[0] - t0[0], t1[1] - t0[1]

        async def key(name: str, view: Any) -> tuple[float, float]:
            """Send `name`; time to the first frame in which the pane scrolled or its cursor moved."""
            before = (view.scroll_offset, view.cursor_location)
            frames.arm(lambda s: (view.scroll_offset, view.cursor_location) != before)
            t0 = _now()
            await pilot.press(name)
            t1 = await frames.wait(pilot)
            return t1[0] - t0[0], t1[1] - t0[1]

        # Warm-up: the first reader ever opened pays for imports and CSS of every widget.
        await open_reader(seed_id)
        await back()
        first_open = await open_reader(LONG_ID)  # the article itself read from the index too
        await back()

        def profiled(what: str) -> cProfile.Profile | None:
            if profile != what or what in profiled_done:
                return None
            profiled_done.add(what)
            prof = cProfile.Profile()
            prof.enable()
            return prof

        def report(prof: cProfile.Profile | None) -> None:
            nonlocal prof_text
            if prof is None:
                return
            prof.disable()
            s = io.StringIO()
            stats = pstats.Stats(prof, stream=s)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(25)
            stats.sort_stats("cumulative").print_stats("article_view|reader|option_list|_wrap", 30)
            prof_text += s.getvalue()

        profiled_done: set[str] = set()
        for _run in range(runs):
            prof = profiled("open")
            out["open_long"].append(await open_reader(LONG_ID, "open_long_settled"))
            report(prof)
            view = app.screen.query_one(ArticleView)
            prof = profiled("pagedown")
            for _ in range(keys):
                out["page_down"].append(await key("pagedown", view))
            report(prof)
            await pilot.press("g")
            await pilot.pause(0.05)
            prof = profiled("quote")
            for _ in range(keys):
                out["next_quote"].append(await key("right_square_bracket", view))
            report(prof)
            out["to_end_G"].append(await key("G", view))
            await back()
            out["open_seed"].append(await open_reader(seed_id, "open_seed_settled"))
            await back()
            out["open_plain_textarea"].append(await open_plain())
            plain = app.screen.query_one(TextArea)
            for _ in range(keys):
                out["page_down_plain_textarea"].append(await key("pagedown", plain))
            await back()
        lines = app.library.article(LONG_ID).text.count("\n") + 1
    res: dict[str, Any] = {k: _summary(v) for k, v in out.items()}
    res["open_long_first_ms"] = round(first_open[0] * 1000, 1)
    res["lines"] = lines
    if profile:
        res["profile"] = prof_text
    return res


def measure(
    runs: int = 5, size: int = 200_000, keys: int = 20, profile: str | None = None, tmp: Path | None = None
) -> dict[str, Any]:
    """Open a `size`-character article `runs` times (after a warm-up) and press page-down,
    `]` (and `G` once) `keys` times each per run; baselines: the smallest seed article in
    the reader and a stock TextArea holding the same long text, in the same session.
    Needs no running event loop (it starts its own); from bench/run.py:
    `from bench.bench_reader import measure`.
    Returns wall and CPU ms (median/p95) per step and ratios to the baselines; `profile`
    ("open", "pagedown" or "quote") adds a cProfile of that step as text."""
    with tempfile.TemporaryDirectory() as d:
        work = Path(tmp or d)
        lib, text, source = build_library(work, size)
        try:
            r = asyncio.run(_session(lib, text, runs, keys, profile))
        finally:
            lib.close()

    def ratio(a: str, b: str, field: str = "median_ms") -> float:
        return round(r[a][field] / r[b][field], 2) if r[b][field] else float("nan")

    r.update(
        {
            "article": {"chars": len(text), "bytes": len(text.encode()), "lines": r.pop("lines"), "source": source},
            "ratio_open_long_to_seed": ratio("open_long", "open_seed"),
            "ratio_open_long_to_plain_textarea": ratio("open_long", "open_plain_textarea"),
            "ratio_open_long_to_plain_textarea_cpu": ratio("open_long", "open_plain_textarea", "cpu_median_ms"),
            "ratio_open_long_settled_to_plain_textarea": ratio("open_long_settled", "open_plain_textarea_settled"),
            "ratio_page_down_to_plain_textarea": ratio("page_down", "page_down_plain_textarea"),
            "target_open_ms": 500,
            "met_open": r["open_long"]["p95_ms"] < 500,
        }
    )
    return r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", type=int, default=200_000)
    ap.add_argument("--keys", type=int, default=20)
    ap.add_argument(
        "--profile",
        choices=("open", "pagedown", "quote"),
        help="print a cProfile of one open, or of one run's page-downs or `]`s (not written)",
    )
    ap.add_argument("--no-write", action="store_true", help="do not write bench/results/reader.json")
    args = ap.parse_args()
    r = measure(runs=args.runs, size=args.size, keys=args.keys, profile=args.profile)
    if r["article"]["source"] == "synthetic":
        print(f"note: {BBC} not found; the long article is synthetic text", file=sys.stderr)
    prof = r.pop("profile", None)
    out = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "load_avg": os.getloadavg(),
        },
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "size": list(SIZE),
        "reader": r,
    }
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "reader.json").write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))
    if prof:
        print(prof)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
