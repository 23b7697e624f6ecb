"""`make bench`: quotewire's speed, each figure beside a baseline measured in the same run.

Writes bench/results/latest.json and bench/results/latest.md. Needs ../shared/data/bbc
(or QUOTEWIRE_SHARED); without it, only the seed figures are measured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("QUOTEWIRE_SHARED", ROOT.parent / "shared"))
BBC = SHARED / "data" / "bbc" / "raw"
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "bench"))
import scale  # noqa: E402 (needs the path above)
from figures import median as _median  # noqa: E402
from figures import pct as _pct  # noqa: E402

QUERIES = [
    "minister",
    "economy growth",
    '"prime minister"',
    "election AND labour",
    "film OR music",
    "tax NOT rise",
    "champion*",
    "gover*",
    "footbal~",
    "(chelsea OR arsenal) AND cup",
    "speaker:blair",
    "speaker:brown",
    "kind:direct",
    "kind:reported",
    "speaker:blair kind:direct",
    "kind:partial",
    "mobile phone",
    '"chief executive"',
    "oil price",
    "interest rates",
    "broadband",
    "software AND security",
    "virus",
    "games console",
    "music download",
    "oscar",
    "box office",
    "album",
    "tory",
    "conservative party",
    "lib dem*",
    "immigration",
    "iraq war",
    "euro",
    "dollar",
    "stock market",
    "profit*",
    "airline",
    "court ruling",
    "injury",
    "coach said",
    "world cup",
    "rugby",
    "tennis",
    "olympic*",
    "athletics",
    "bank",
    "deficit",
    "unemployment",
    "technology",
]


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        XDG_CACHE_HOME=str(cache / "cache"), XDG_DATA_HOME=str(cache / "data"), XDG_CONFIG_HOME=str(cache / "config")
    )
    return env


# --- cold start ---------------------------------------------------------------------------------

_COLD = r"""
import os, sys, time
from index.library import Library
from textual.app import App
from tui.app import QuotewireApp
from tui.screens.library import LibraryScreen

class Bench(QuotewireApp):
    # Done when the first frame that lists the articles (from the cached index) has been
    # rendered and handed to the terminal driver (`_display`, where Textual writes a frame;
    # headless, it writes nowhere). A timer polling for the rows and then waiting for one
    # more refresh measured up to 90 ms more: the search engine loads in its thread right
    # after the first frame and held the timer back.
    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and isinstance(screen, LibraryScreen) and screen._rows:
            print(time.time(), flush=True)
            os._exit(0)  # do not wait for the background index check to finish

app = Bench(Library.open(corpus=[a for a in sys.argv[1:]]))
app.run(headless=True)
"""
_FLOOR = "import time, textual.app; print(time.time(), flush=True)"


def _time_to_print(code: str, env: dict[str, str], *args: str) -> float:
    """Seconds from starting the process to the moment it prints its timestamp."""
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1]) - t0


def cold_start(tmp: Path, runs: int = 5) -> dict[str, Any]:
    env = _env(tmp)
    # Our modules compiled to bytecode, as an installed package has them (pip compiles at
    # install) and as the floor's Textual has them: with PYTHONDONTWRITEBYTECODE set (this
    # machine sets it) an editable checkout would compile its sources on every start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", "index", "tui"], cwd=ROOT, check=True)
    subprocess.run(
        [sys.executable, "-m", "tui.cli", "index"], env=env, cwd=ROOT, check=True, capture_output=True
    )  # build the cache
    ours, floor = [], []
    for _ in range(runs):
        ours.append(_time_to_print(_COLD, env))
        floor.append(_time_to_print(_FLOOR, env))
    o, f = _median(ours), _median(floor)
    return {
        "quotewire_s": round(o, 3),
        "import_textual_app_s": round(f, 3),
        "ratio": round(o / f, 2),
        "target_ratio": 1.5,
        "met": o / f <= 1.5,
    }


# --- BBC: index build, incremental update, search -------------------------------------------------


def _bbc_copy(tmp: Path) -> Path:
    dest = tmp / "bbc"
    shutil.copytree(BBC, dest)
    return dest


def plain_whoosh_build(corpus: Path, ixdir: Path, compound: bool = True) -> float:
    """The floor: a plain whoosh3 index of the same text, one writer, same analyzer.
    (`compound=False`: segments as separate files, as quotewire writes them; see search.COMPOUND.)"""
    from whoosh import fields, index
    from whoosh.analysis import StemmingAnalyzer

    from index.corpus import decode

    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True), content=fields.TEXT(analyzer=StemmingAnalyzer()), text=fields.STORED()
    )
    t = time.perf_counter()
    ixdir.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(str(ixdir), schema)
    w = ix.writer(limitmb=256, compound=compound)
    for f in sorted(corpus.rglob("*.txt")):
        text, _ = decode(f.read_bytes())
        w.add_document(id=str(f), content=text, text=text)
    w.commit()
    return time.perf_counter() - t


def quotewire_build(corpus: Path, tmp: Path) -> tuple[float, Any]:
    from dataclasses import replace

    from index.config import load_config
    from index.library import Library

    cfg = replace(load_config(use_user_config=False), include_seeds=False, index_dir=tmp / "qw-index")
    lib = Library(cfg, (corpus,))
    t = time.perf_counter()
    report = lib.update(rebuild=True)
    return time.perf_counter() - t, (lib, report)


def first_build_listing(corpus: Path, tmp: Path) -> dict[str, Any]:
    """A first build of BBC, as the app runs it (in a thread): when the first articles are
    listed, when a search first finds something, and how the list grows (#15: it stayed
    empty for the whole build)."""
    import threading
    from dataclasses import replace

    from index.config import load_config
    from index.library import Library

    cfg = replace(load_config(use_user_config=False), include_seeds=False, index_dir=tmp / "first-build")
    lib = Library(cfg, (corpus,))
    t0 = time.perf_counter()
    commits: list[tuple[float, int]] = []
    done = threading.Event()

    def build() -> None:
        lib.update(committed=lambda: commits.append((round(time.perf_counter() - t0, 2), len(lib.articles()))))
        done.set()

    threading.Thread(target=build, daemon=True).start()
    listed_at = searchable_at = blair_at = None
    while not done.is_set():
        now = time.perf_counter() - t0
        if listed_at is None and lib.articles():
            listed_at = now
        if listed_at is not None and searchable_at is None and lib.search("year", limit=5, suggest=False).total:
            searchable_at = now  # a word of every section: what is read can be searched
        if listed_at is not None and blair_at is None and lib.search("blair", limit=5, suggest=False).total:
            blair_at = now  # politics is read third, after business and entertainment
        time.sleep(0.05)
    total = time.perf_counter() - t0
    return {
        "articles": len(lib.articles()),
        "build_s": round(total, 2),
        "first_listed_s": round(listed_at, 2) if listed_at is not None else None,
        "first_search_hit_s": round(searchable_at, 2) if searchable_at is not None else None,
        "first_hit_for_blair_s": round(blair_at, 2) if blair_at is not None else None,
        "commits_s_and_listed": commits,
        "target_s": 2.0,
        "met": listed_at is not None and listed_at <= 2.5,
    }


def search_latency(lib: Any, plain_dir: Path) -> dict[str, Any]:
    from whoosh import index, qparser

    ours: list[float] = []
    for _ in range(2):
        for q in QUERIES:
            t = time.perf_counter()
            # As the app asks: the top 20 with snippets, the total counted only as far as
            # needed (plain whoosh below does not count every match either).
            lib.search(q, limit=20, exact_total=False)
            ours.append((time.perf_counter() - t) * 1000)
    ix = index.open_dir(str(plain_dir))
    parser = qparser.QueryParser("content", ix.schema)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    plain: list[float] = []
    with ix.searcher() as s:
        for _ in range(2):
            for q in QUERIES:
                t = time.perf_counter()
                res = s.search(parser.parse(q.replace("speaker:", "").replace("kind:", "")), limit=20)
                for h in res:
                    h.highlights("content", text=h["text"])
                plain.append((time.perf_counter() - t) * 1000)
    return {
        "queries": len(QUERIES),
        "quotewire_ms": {
            "p50": round(_pct(ours, 50), 2),
            "p95": round(_pct(ours, 95), 2),
            "p99": round(_pct(ours, 99), 2),
        },
        "plain_whoosh_with_highlights_ms": {
            "p50": round(_pct(plain, 50), 2),
            "p95": round(_pct(plain, 95), 2),
            "p99": round(_pct(plain, 99), 2),
        },
        "ratio_p50": round(_pct(ours, 50) / _pct(plain, 50), 2),
    }


def keystroke_to_paint(corpus: Path, tmp: Path) -> dict[str, Any]:
    """Type queries into the real app (headless): time from each keystroke's search request
    to the frame that shows its results, measured inside the app."""
    from dataclasses import replace

    from textual.widgets import Input

    import tui.screens.library as library_screen
    from index.config import load_config
    from index.library import Library
    from tui.app import QuotewireApp

    cfg = replace(load_config(use_user_config=False), include_seeds=False, index_dir=tmp / "qw-index")
    lib = Library(cfg, (corpus,))
    asked: dict[int, float] = {}
    times: list[float] = []
    screen_cls = library_screen.LibraryScreen
    run_search, search_done = screen_cls._run_search, screen_cls.on_search_done

    def timed_run(self: Any, q: str) -> None:
        run_search(self, q)
        asked[self._serial] = time.perf_counter()

    def timed_done(self: Any, message: Any) -> None:
        search_done(self, message)
        t0 = asked.pop(message.serial, None)
        if t0 is not None and message.serial == self._serial:
            self.call_after_refresh(lambda: times.append((time.perf_counter() - t0) * 1000))

    async def run() -> None:
        app = QuotewireApp(lib)
        async with app.run_test(size=(140, 40)) as pilot:
            while not app.index_checked:  # typing starts once the start-up check is done
                await pilot.pause(0.05)
            await pilot.pause(0.5)
            screen = app.screen
            await pilot.press("slash")
            for word in ("minister", "election", "football", "economy", "speaker:blair"):
                for ch in word:
                    await pilot.press(ch)
                    await pilot.pause(0.15)  # a fast typist: several keys a second
                screen.query_one(Input).value = ""
                await pilot.pause(0.1)

    screen_cls._run_search, screen_cls.on_search_done = timed_run, timed_done
    try:
        asyncio.run(run())
    finally:
        screen_cls._run_search, screen_cls.on_search_done = run_search, search_done
    return {
        "keystrokes": len(times),
        "p50_ms": round(_pct(times, 50), 1),
        "p95_ms": round(_pct(times, 95), 1),
        "target_p95_ms": 50,
        "met": _pct(times, 95) < 50,
    }


def extraction_speed(corpus: Path) -> dict[str, Any]:
    """BBC articles one by one, and 2 MB and 20 MB articles joined from them (bench_extraction.py).

    In a process of its own, as the indexer's workers extract (each a fresh spawned
    process), so that nothing the benches before it left in this process is counted (run
    here after the index builds and the app, it measured 0.99x a fresh process)."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_extraction.py"), str(corpus)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(run.stdout))


# Peak RSS of this process's own memory: VmHWM. Not ru_maxrss: a child started by
# subprocess (vfork, then exec) inherits its parent's high-water mark, so every figure
# read that way was the bench process's own 207 MB.
_PEAK_RSS = (
    "(lambda: next((int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')),"
    " 0) if __import__('os').path.exists('/proc/self/status')"
    " else __import__('resource').getrusage(0).ru_maxrss)()"
)


def peak_memory(corpus: Path, tmp: Path) -> dict[str, Any]:
    """Peak RSS of `quotewire index` building BBC (its main process), then of the app with it open."""
    env = _env(tmp)
    build = (
        f"import sys\nfrom tui.cli import main\nmain(['index', '--corpus', {str(corpus)!r}])\n"
        f"print({_PEAK_RSS}, flush=True)\n"
    )
    out = subprocess.run([sys.executable, "-c", build], env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    build_kb = int(out.stdout.strip().splitlines()[-1])
    out = subprocess.run(
        [sys.executable, "-c", scale.APP_MEMORY, str(corpus)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    kb = int(out.stdout.strip().splitlines()[-1])
    return {"index_build_peak_rss_mb": round(build_kb / 1024, 1), "app_with_bbc_peak_rss_mb": round(kb / 1024, 1)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big", action="store_true", help="also the 100,000-article corpus (slow)")
    ap.add_argument("--big-only", action="store_true", help="only the 100,000-article corpus")
    args = ap.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.big_only:
        return run_big()
    out: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        print("cold start…", flush=True)
        out["cold_start"] = cold_start(tmp / "cold")
        if BBC.exists():
            corpus = _bbc_copy(tmp)
            print("index build (plain whoosh, then quotewire)…", flush=True)
            plain = [plain_whoosh_build(corpus, tmp / f"plain{i}") for i in range(2)]
            ours = []
            lib = None
            for _ in range(2):
                secs, (lib, report) = quotewire_build(corpus, tmp)
                ours.append(secs)
            n = report.added
            out["index_build_bbc"] = {
                "articles": n,
                "quotewire_s": round(_median(ours), 2),
                "plain_whoosh_s": round(_median(plain), 2),
                "quotewire_articles_per_s": round(n / _median(ours), 1),
                "ratio": round(_median(ours) / _median(plain), 2),
                "target_ratio": 1.5,
                "met": _median(ours) / _median(plain) <= 1.5,
            }
            print("incremental update…", flush=True)
            f = sorted(corpus.rglob("*.txt"))[100]
            f.write_text(f.read_text(encoding="latin-1") + "\nOne more line.\n", encoding="latin-1")
            t = time.perf_counter()
            rep = lib.update()
            inc = time.perf_counter() - t
            out["incremental_update_1_of_2225"] = {
                "seconds": round(inc, 3),
                "updated": rep.updated,
                "target_s": 1.0,
                "met": inc < 1.0,
            }
            print("first build: time to the first listed and searchable articles…", flush=True)
            out["first_build_bbc"] = first_build_listing(corpus, tmp)
            print("search latency…", flush=True)
            out["search_bbc"] = search_latency(lib, tmp / "plain0")
            print("keystroke to painted results…", flush=True)
            out["search_as_you_type_bbc"] = keystroke_to_paint(corpus, tmp)
            print("extraction speed…", flush=True)
            out["quote_extraction_bbc"] = extraction_speed(corpus)
            print("peak memory…", flush=True)
            out["memory"] = peak_memory(corpus, tmp / "mem")
            print("alignment (bench_align.py)…", flush=True)
            subprocess.run(
                [sys.executable, str(ROOT / "bench" / "bench_align.py")], cwd=ROOT, check=True, capture_output=True
            )
            al = json.loads((RESULTS / "align.json").read_text())
            out["align"] = {
                "align_2000_words_ms": al["align"]["median_ms"],
                "align_difflib_baseline_ms": al["align"]["baseline_difflib_ms"],
                "rank_similar_bbc_warm_ms": al["rank_similar"]["median_ms_warm"],
                "rank_similar_uncached_baseline_ms": al["rank_similar"]["baseline_uncached_ms"],
                "met": al["align"]["median_ms"] < 100 and al["rank_similar"]["median_ms_warm"] < 200,
                "symmetric_seed_pairs": f"{al['symmetry']['symmetric']}/{al['symmetry']['seed_pairs']}",
                "variant_precision_recall": {
                    k: (v["precision"], v["recall"]) for k, v in al["quote_variants"].items() if isinstance(v, dict)
                },
            }
            print("opening a 200 KB article (bench_reader.py)…", flush=True)
            from bench_reader import measure as reader_measure

            r = reader_measure(runs=3)
            out["reader_200kb"] = {
                "open_ms_median": r["open_long"]["median_ms"],
                "open_ms_p95": r["open_long"]["p95_ms"],
                "open_seed_ms_median": r["open_seed"]["median_ms"],
                "ratio_to_seed": r["ratio_open_long_to_seed"],
                "page_down_ms_median": r["page_down"]["median_ms"],
                "page_down_ms_p95": r["page_down"]["p95_ms"],
                "page_down_plain_textarea_ms_median": r["page_down_plain_textarea"]["median_ms"],
                "target_open_ms": 500,
                "met": r["met_open"],
            }
            print("one 20 MB file (scale.long_file)…", flush=True)
            out["long_file"] = scale.long_file(BBC, tmp)
        else:
            out["note"] = f"{BBC} not found: BBC figures skipped"
    print("reading saved web pages (eval_html.py --speed-only)…", flush=True)
    subprocess.run([sys.executable, str(ROOT / "bench" / "eval_html.py"), "--speed-only"], cwd=ROOT, check=False)
    (RESULTS / "latest.json").write_text(json.dumps(out, indent=2) + "\n")
    md = _markdown(out)
    (RESULTS / "latest.md").write_text(md)
    print(md)
    if args.big and BBC.exists():
        print("2,000, 10,000 and 100,000 articles (this takes a while)…", flush=True)
        return run_big()
    return 0


def run_big() -> int:
    if not BBC.exists():
        print(f"{BBC} not found: nothing to scale up", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as d:
        big = scale.curves(BBC, Path(d), QUERIES)
    _write_big(big)
    return 0


def _write_big(big: dict[str, Any]) -> None:
    """bench/results/scaling.json (every size), big-100k.json (the largest, with the targets
    of #17) and scaling.md; the long-file figure from the last `make bench` joins the table."""
    when, cpus = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), os.cpu_count()
    long = None
    try:
        long = json.loads((RESULTS / "latest.json").read_text()).get("long_file")
    except (OSError, ValueError):
        pass
    (RESULTS / "scaling.json").write_text(json.dumps({**big, "when": when, "cpus": cpus}, indent=2) + "\n")
    table = scale.targets(big, long)
    (RESULTS / "big-100k.json").write_text(
        json.dumps({**big["100k"], "targets": table, "when": when, "cpus": cpus}, indent=2) + "\n"
    )
    md = scale.markdown(big, long, when, cpus)
    (RESULTS / "scaling.md").write_text(md)
    print(md)


def _markdown(out: dict[str, Any]) -> str:
    rows = ["| figure | quotewire | baseline | ratio / target | met |", "|---|---|---|---|---|"]
    c = out["cold_start"]
    rows.append(
        f"| cold start, seeds (s) | {c['quotewire_s']} | {c['import_textual_app_s']} (import textual.app) | {c['ratio']} / ≤1.5 | {c['met']} |"
    )
    if "index_build_bbc" in out:
        b = out["index_build_bbc"]
        rows.append(
            f"| index build, BBC {b['articles']} articles (s) | {b['quotewire_s']} ({b['quotewire_articles_per_s']}/s) | {b['plain_whoosh_s']} (plain whoosh3) | {b['ratio']} / ≤1.5 | {b['met']} |"
        )
        i = out["incremental_update_1_of_2225"]
        rows.append(f"| incremental update, 1 changed file (s) | {i['seconds']} | — | — / <1 s | {i['met']} |")
        f = out["first_build_bbc"]
        rows.append(
            f"| first build, BBC: first articles listed / first search hit / build (s) | {f['first_listed_s']} / {f['first_search_hit_s']} / {f['build_s']} | — | — / listed ≤2 | {f['met']} |"
        )
        s = out["search_bbc"]
        q, p = s["quotewire_ms"], s["plain_whoosh_with_highlights_ms"]
        rows.append(
            f"| search, 50 queries, top 20 with snippets (ms p50/p95/p99) | {q['p50']}/{q['p95']}/{q['p99']} | {p['p50']}/{p['p95']}/{p['p99']} (plain whoosh + highlights) | {s['ratio_p50']} (p50) | — |"
        )
        k = out["search_as_you_type_bbc"]
        rows.append(
            f"| keystroke to painted results (ms p50/p95) | {k['p50_ms']}/{k['p95_ms']} | — | — / p95 <50 | {k['met']} |"
        )
        e = out["quote_extraction_bbc"]
        rows.append(
            f"| quote extraction, one core (articles/s) | {e['articles_per_s']} | ~4 (textacy+spaCy, measured elsewhere) | — / ≥1000 | {e['articles_per_s'] >= 1000} |"
        )
        for size, long in e.get("long", {}).items():
            rows.append(
                f"| quote extraction, one {size} article (MB/s) | {long['mb_per_s']} | {e['bbc_mb_per_s']} (BBC articles one by one) | {long['ratio_to_bbc']} / ≥0.7 | {long['ratio_to_bbc'] >= 0.7} |"
            )
        m = out["memory"]
        rows.append(
            f"| peak memory (MB): building BBC / app with BBC open | {m['index_build_peak_rss_mb']} / {m['app_with_bbc_peak_rss_mb']} | — | — | — |"
        )
        if "align" in out:
            a = out["align"]
            rows.append(
                f"| align two 2,000-word articles (ms) | {a['align_2000_words_ms']} | {a['align_difflib_baseline_ms']} (difflib over sentences) | — / <100 | {a['align_2000_words_ms'] < 100} |"
            )
            rows.append(
                f"| rank BBC for compare-with, warm (ms) | {a['rank_similar_bbc_warm_ms']} | {a['rank_similar_uncached_baseline_ms']} (uncached) | — / <200 | {a['rank_similar_bbc_warm_ms'] < 200} |"
            )
            vp = a["variant_precision_recall"]
            rows.append(
                "| quote variants vs hand labels, precision/recall: "
                + ", ".join(f"{k} {p}/{r}" for k, (p, r) in vp.items())
                + f" · alignment symmetric on {a['symmetric_seed_pairs']} seed pairs | — | — | — | — |"
            )
    if "reader_200kb" in out:
        r = out["reader_200kb"]
        rows.append(
            f"| open a 200 KB article (ms median/p95) | {r['open_ms_median']}/{r['open_ms_p95']} | {r['open_seed_ms_median']} (a seed article) | {r['ratio_to_seed']} / <500 ms | {r['met']} |"
        )
        rows.append(
            f"| page-down in it, per key (ms median/p95) | {r['page_down_ms_median']}/{r['page_down_ms_p95']} | {r['page_down_plain_textarea_ms_median']} (plain Textual TextArea) | — | — |"
        )
    if "long_file" in out:
        g = out["long_file"]
        rows.append(
            f"| one {g['megabytes']} MB file: first `quotewire search` end to end (s) | {g['one_file_first_search_s']} | {g['same_text_as_articles_s']} (the same text as {g['articles_floor']} files) | {g['ratio']} / <30 s | {g['met']} |"
        )
    return f"# quotewire bench ({out['when']}, {out['machine']['cpus']} cores)\n\n" + "\n".join(rows) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
