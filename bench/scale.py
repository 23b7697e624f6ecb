"""Issue #17, "Linear in everything": the figures of `make bench-big` (2,000, 10,000 and
100,000 articles) and the long-file figure of `make bench`, each beside its floor measured in
the same run on the same tree. Run through `bench/run.py` (`--big-only` for the curves).

Every command is run as a user runs it, in a process of its own with private XDG folders:
`quotewire index`, `quotewire search QUERY --json`, the app. Memory is the high-water mark
of resident memory: of the whole process tree for a build (sampled every 0.1 s: the main
process and its workers, summed), of the process itself (VmHWM) otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from figures import median as _median  # noqa: E402 (needs the path above)
from figures import pct as _pct  # noqa: E402

SIZES = {"2k": 1, "10k": 5, "100k": 45}  # copies of BBC (2,225 articles each)
PROCESS_TIMEOUT_S = 900  # any one measured process; the app opens 100,000 articles in a second
CLI_QUERIES = ["minister", '"prime minister"', "election AND labour", "footbal~", "tax NOT rise"]
# A quote query prints an exact total: every candidate article's quotes are checked in
# Python (index/quotequery.py), a cost of the query engine that grows with the corpus.
CLI_QUOTE_QUERIES = ["speaker:blair"]
_HWM = "next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:'))"


def env_for(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        XDG_CACHE_HOME=str(cache / "cache"),
        XDG_DATA_HOME=str(cache / "data"),
        XDG_CONFIG_HOME=str(cache / "config"),
        PYTHONPATH=str(ROOT),
    )
    return env


# --- corpora ---------------------------------------------------------------------------------


def make_corpora(bbc: Path, tmp: Path) -> dict[str, Path]:
    """45 copies of BBC with new ids (`copyNN/section-NNN`); the smaller corpora are their
    first copies, hard-linked (never committed: they live in `tmp`)."""
    files = sorted(bbc.rglob("*.txt"))
    big = tmp / "100k"
    for c in range(SIZES["100k"]):
        d = big / f"copy{c:02d}"
        d.mkdir(parents=True)
        for f in files:
            (d / f"{f.parent.name}-{f.stem}.txt").write_bytes(f.read_bytes())
    out = {"100k": big}
    for name, copies in SIZES.items():
        if name == "100k":
            continue
        root = tmp / name
        for c in range(copies):
            shutil.copytree(big / f"copy{c:02d}", root / f"copy{c:02d}", copy_function=os.link)
        out[name] = root
    # every file an hour old, as a corpus is: a file written in the same clock tick as an
    # update is read again by the next one (see snapshot.Snapshot), which is not what is measured
    old = time.time_ns() - 3600 * 10**9
    for root in {out[k] for k in out}:
        for p in [root, *root.rglob("*")]:
            os.utime(p, ns=(old, old))
    return out


# --- running a command and watching its memory -------------------------------------------------


def _tree_rss_kb(pid: int) -> tuple[int, int]:
    """(sum, largest) of VmRSS over a process and its descendants, in kB."""
    todo, total, largest = [pid], 0, 0
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                rss = next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(x) for x in f.read().split())
        except (OSError, ValueError):
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def run_watched(cmd: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Wall time and the peak resident memory of the whole process tree (sampled)."""
    peak = [0, 0]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def watch() -> None:
        while proc.poll() is None:
            total, largest = _tree_rss_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
            time.sleep(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t
    watcher.join()
    if proc.returncode:
        raise RuntimeError(f"{cmd} failed: {err[-2000:]}")
    return {"wall_s": wall, "peak_tree_mb": peak[0] / 1024, "largest_process_mb": peak[1] / 1024, "stdout": out}


def _python(code: str, *args: str, env: dict[str, str]) -> tuple[float, str, str]:
    t = time.perf_counter()
    # (a bound, so that a change in the app's messages fails the run instead of hanging it)
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_S,
    )
    return time.perf_counter() - t, out.stdout, out.stderr


# --- the figures --------------------------------------------------------------------------------


def build(corpus: Path, env: dict[str, str]) -> dict[str, Any]:
    """`quotewire index` from nothing: wall time, and the memory of it and its workers."""
    r = run_watched([sys.executable, "-m", "tui.cli", "index", "--corpus", str(corpus)], env)
    return {
        "seconds": round(r["wall_s"], 1),
        "peak_tree_mb": round(r["peak_tree_mb"], 1),
        "largest_process_mb": round(r["largest_process_mb"], 1),
        "report": r["stdout"].strip().splitlines()[-1],
    }


_PLAIN_BUILD = """
import sys, time
sys.path.insert(0, sys.argv[3])
from run import plain_whoosh_build
from pathlib import Path
print(plain_whoosh_build(Path(sys.argv[1]), Path(sys.argv[2]), compound=False))
"""


def plain_build(corpus: Path, ixdir: Path, env: dict[str, str]) -> dict[str, Any]:
    """The floor: plain whoosh3, one writer, the same texts (ID + stemmed TEXT + stored text),
    its segment in separate files as quotewire's (a compound one is read whole into memory by
    every reader, which would make the floor's searches slower than they need be)."""
    r = run_watched([sys.executable, "-c", _PLAIN_BUILD, str(corpus), str(ixdir), str(ROOT / "bench")], env)
    return {"seconds": round(float(r["stdout"].strip()), 1), "peak_tree_mb": round(r["peak_tree_mb"], 1)}


def index_size(env: dict[str, str]) -> dict[str, float]:
    base = Path(env["XDG_CACHE_HOME"]) / "quotewire" / "index"
    whoosh = catalogue = 0
    for f in base.rglob("*"):
        if f.is_file():
            if f.name.startswith("catalogue.sqlite3"):
                catalogue += f.stat().st_size
            else:
                whoosh += f.stat().st_size
    return {"whoosh_mb": round(whoosh / 2**20, 1), "catalogue_mb": round(catalogue / 2**20, 1)}


_CHANGES = """
import json, os, statistics, subprocess, sys, time
from pathlib import Path
from index.library import Library
corpus, stamp, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
ours, find = [], []
for _ in range(runs):
    lib = Library.open(corpus=[Path(corpus)])
    t = time.perf_counter(); report = lib.update(); ours.append(time.perf_counter() - t)
    assert report.unchanged and not (report.added or report.updated or report.removed), report
    t = time.perf_counter()
    subprocess.run(["find", corpus, "-type", "f", "-newer", stamp], check=True, stdout=subprocess.DEVNULL)
    find.append(time.perf_counter() - t)
print(json.dumps({"ours": ours, "find": find}))
"""


def change_detection(corpus: Path, env: dict[str, str], runs: int = 7) -> dict[str, Any]:
    """`Library.update()` on the unchanged corpus (what every command does first), timed
    inside a fresh `Library`, in turn with `find DIR -type f -newer STAMP` (a process, as it
    is run) on the same tree."""
    stamp = Path(env["XDG_CACHE_HOME"]).parent / "stamp"
    stamp.touch()
    _, out, _ = _python(_CHANGES, str(corpus), str(stamp), str(runs), env=env)
    got = json.loads(out)
    ours, find = _median(got["ours"]), _median(got["find"])
    ratios = [o / f for o, f in zip(got["ours"], got["find"])]
    return {
        "update_unchanged_s": round(ours, 3),
        "find_newer_s": round(find, 3),
        "ratio": round(_median(ratios), 2),
        "target_ratio": 2.0,
        "met": _median(ratios) <= 2.0,
    }


_CLI = f"""
import sys
from tui.cli import main
code = main(sys.argv[1:])
sys.stderr.write("\\nHWM %d\\n" % {_HWM})
raise SystemExit(code)
"""

_PLAIN_CLI = f"""
import sys
from whoosh import index, qparser
ix = index.open_dir(sys.argv[1])
parser = qparser.QueryParser("content", ix.schema)
parser.add_plugin(qparser.FuzzyTermPlugin())
with ix.searcher() as s:
    res = s.search(parser.parse(sys.argv[2].replace("speaker:", "")), limit=20)
    print(len(res), [h.highlights("content", text=h["text"]) for h in res][:1])
sys.stderr.write("\\nHWM %d\\n" % {_HWM})
"""


def _hwm(stderr: str) -> float:
    return int(stderr.rsplit("HWM ", 1)[1].split()[0]) / 1024


def cli_search(corpus: Path, env: dict[str, str], plain_ix: Path | None, queries: list[str]) -> dict[str, Any]:
    """`quotewire search QUERY --json` on the unchanged corpus, end to end (a process of
    its own: start, config, change detection, search, JSON); the floor, a process that
    opens the plain Whoosh index of the same texts and prints the top 20 with highlights."""
    ours, ours_mb, floor, floor_mb = [], [], [], []
    for q in queries:
        wall, _, err = _python(_CLI, "search", q, "--json", "--corpus", str(corpus), env=env)
        ours.append(wall)
        ours_mb.append(_hwm(err))
        if plain_ix is not None:
            wall, _, err = _python(_PLAIN_CLI, str(plain_ix), q, env=env)
            floor.append(wall)
            floor_mb.append(_hwm(err))
    quote_queries = {}
    for q in CLI_QUOTE_QUERIES:
        wall, _, err = _python(_CLI, "search", q, "--json", "--corpus", str(corpus), env=env)
        quote_queries[q] = {"wall_s": round(wall, 3), "peak_mb": round(_hwm(err), 1)}
    out = {
        "queries": queries,
        "wall_s": [round(w, 3) for w in ours],
        "plain_whoosh_process_s": [round(w, 3) for w in floor],
        "quote_queries_exact_total": quote_queries,
        "wall_s_median": round(_median(ours), 3),
        "wall_s_max": round(max(ours), 3),
        "peak_mb_max": round(max(ours_mb), 1),
        "target_s": 0.5,
        "target_mb": 200,
        "met": max(ours) <= 0.5 and max(ours_mb) <= 200,
    }
    if floor:
        out["plain_whoosh_process_s_median"] = round(_median(floor), 3)
        out["plain_whoosh_process_mb_max"] = round(max(floor_mb), 1)
        out["ratio_median"] = round(_median(ours) / _median(floor), 2)
    return out


APP_MEMORY = f"""
import os, sys
from index.library import Library
from tui.app import QuotewireApp

class Bench(QuotewireApp):
    # Once the corpus has been checked and the search engine loaded (what the app holds
    # while it is in use), after one search and one article opened.
    def on_index_changed(self, message):
        super().on_index_changed(message)
        if self.index_checked:
            self.library.search("government spending", limit=20)
            self.library.article(self.library.articles()[0].id)
            print({_HWM}, flush=True)
            os._exit(0)

Bench(Library.open(corpus=[a for a in sys.argv[1:]])).run(headless=True)
"""  # (make bench measures the app with BBC open by the same program)
_TEXTUAL = f"import textual.app; print({_HWM})"


def app_memory(corpus: Path | None, env: dict[str, str]) -> float:
    """MB: the app's high-water mark once it has opened and checked the corpus (the bundled
    seeds without one), loaded the search engine, searched once and opened an article."""
    _, out, _ = _python(APP_MEMORY, *([str(corpus)] if corpus else []), env=env)
    return int(out.strip().splitlines()[-1]) / 1024


def textual_floor(env: dict[str, str]) -> float:
    _, out, _ = _python(_TEXTUAL, env=env)
    return int(out.strip()) / 1024


_PROBE = """
import json, sys, time
from pathlib import Path
from index.library import Library
queries = json.loads(sys.argv[2])
t = time.perf_counter()
lib = Library.open(corpus=[Path(sys.argv[1])])
lib.load_cached()
start = time.perf_counter() - t
lib.warm()  # what the app does in the background after its first frame
warm = time.perf_counter() - t
first, full = [], []
for q in queries:
    t = time.perf_counter()  # the app's first pass: time-limited, no did-you-mean
    lib.search(q, limit=25, exact_total=False, time_limit=0.04, suggest=False)
    first.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()  # the refined search that follows when the first was cut short
    lib.search(q, limit=25, exact_total=False)
    full.append((time.perf_counter() - t) * 1000)
print(json.dumps({"start_s": start, "warm_s": warm, "first": first, "full": full}))
"""


def search_latency(corpus: Path, env: dict[str, str], queries: list[str]) -> dict[str, Any]:
    """The app's searches (as `bench/run.py` measures them for BBC), in a process of its own."""
    _, out, _ = _python(_PROBE, str(corpus), json.dumps(queries), env=env)
    p = json.loads(out.strip().splitlines()[-1])
    return {
        "list_shown_s": round(p["start_s"], 2),
        "search_ready_s": round(p["warm_s"], 2),
        "first_pass_ms_p50": round(_pct(p["first"], 50), 1),
        "first_pass_ms_p95": round(_pct(p["first"], 95), 1),
        "refined_ms_p50": round(_pct(p["full"], 50), 1),
        "refined_ms_p95": round(_pct(p["full"], 95), 1),
    }


def curves(bbc: Path, tmp: Path, queries: list[str]) -> dict[str, Any]:
    """Every figure at 2k, 10k and 100k articles."""
    corpora = make_corpora(bbc, tmp)
    subprocess.run([sys.executable, "-m", "compileall", "-q", "index", "tui"], cwd=ROOT, check=True)
    out: dict[str, Any] = {"textual_app_import_mb": round(textual_floor(env_for(tmp / "floor")), 1)}
    out["app_seeds_mb"] = round(app_memory(None, env_for(tmp / "seeds")), 1)
    for name in SIZES:
        corpus = corpora[name]
        env = env_for(tmp / f"run-{name}")
        print(f"{name}: plain whoosh build…", flush=True)
        plain = plain_build(corpus, tmp / f"plain-{name}", env)
        print(f"{name}: quotewire index…", flush=True)
        b = build(corpus, env)
        articles = int(b["report"].split(":")[1].split("added")[0])
        row: dict[str, Any] = {
            "articles": articles,
            "build": {**b, "plain_whoosh_s": plain["seconds"], "ratio": round(b["seconds"] / plain["seconds"], 2)},
            "index": index_size(env),
        }
        print(f"{name}: change detection, search, memory…", flush=True)
        row["change_detection"] = change_detection(corpus, env)
        row["cli_search"] = cli_search(corpus, env, tmp / f"plain-{name}", CLI_QUERIES)
        row["search"] = search_latency(corpus, env, queries)
        row["app_after_first_search_mb"] = round(app_memory(corpus, env), 1)
        out[name] = row
        print(json.dumps(row, indent=1), flush=True)
    return out


# --- one long file ----------------------------------------------------------------------------


def long_file(bbc: Path, tmp: Path, megabytes: float = 19.9) -> dict[str, Any]:
    """A corpus of one file of `megabytes` (BBC stories joined), first `quotewire search`
    end to end (reading, extraction, indexing, cataloguing, the search); the floor, the same
    text as BBC-sized files (BBC copied until as many bytes)."""
    files = sorted(bbc.rglob("*.txt"))
    want = int(megabytes * 1_000_000)
    one = tmp / "long" / "one"
    one.mkdir(parents=True)
    many = tmp / "long" / "many"
    parts, size, n = [], 0, 0
    while size < want:
        f = files[n % len(files)]
        data = f.read_bytes()
        if size + len(data) + 1 > want:
            break
        d = many / f"copy{n // len(files):02d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{f.parent.name}-{f.stem}.txt").write_bytes(data)
        parts.append(data)
        size += len(data) + 1
        n += 1
    (one / "transcript.txt").write_bytes(b"\n".join(parts))
    runs = {}
    for name, corpus in (("one_file", one), ("as_articles", many)):
        wall, out, _ = _python(_CLI, "search", "minister", "--json", "--corpus", str(corpus), env=env_for(tmp / name))
        runs[name] = (wall, json.loads(out)["total"])
    return {
        "megabytes": round(size / 1e6, 2),
        "articles_floor": n,
        "one_file_first_search_s": round(runs["one_file"][0], 1),
        "same_text_as_articles_s": round(runs["as_articles"][0], 1),
        "ratio": round(runs["one_file"][0] / runs["as_articles"][0], 2),
        "target_s": 30,
        "met": runs["one_file"][0] < 30,
    }


# --- writing them down ----------------------------------------------------------------------


def targets(c: dict[str, Any], long: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The table of #17: each figure, its floor in the same run, the target, met or not."""
    big = c["100k"]
    cli, ch, b = big["cli_search"], big["change_detection"], big["build"]
    rows = []
    if long:
        rows.append(
            {
                "figure": f"a corpus of one {long['megabytes']} MB file: first `quotewire search` end to end (s)",
                "now": "> 180",
                "measured": long["one_file_first_search_s"],
                "floor": f"{long['same_text_as_articles_s']} (the same text as {long['articles_floor']} BBC files)",
                "ratio": long["ratio"],
                "target": "< 30",
                "met": long["met"],
            }
        )
    rows += [
        {
            "figure": "100k: `quotewire search QUERY --json`, unchanged corpus: wall (s, worst of 5 word queries) / "
            "peak memory (MB)",
            "now": "4.0 / 707",
            "measured": f"{cli['wall_s_max']} / {cli['peak_mb_max']}",
            "floor": f"{cli.get('plain_whoosh_process_s_median')} / {cli.get('plain_whoosh_process_mb_max')} "
            "(a process searching the plain Whoosh index)",
            "ratio": cli.get("ratio_median"),
            "target": "<= 0.5 / <= 200",
            "met": cli["met"],
        },
        {
            "figure": "100k: change detection, nothing changed (s)",
            "now": "about 3",
            "measured": ch["update_unchanged_s"],
            "floor": f"{ch['find_newer_s']} (`find DIR -type f -newer STAMP`)",
            "ratio": ch["ratio"],
            "target": "<= 2x find",
            "met": ch["met"],
        },
        {
            "figure": "100k: build on two cores (s) / peak memory, all processes (MB)",
            "now": "352-400 / 514 (main process)",
            "measured": f"{b['seconds']} / {b['peak_tree_mb']} (largest process {b['largest_process_mb']})",
            "floor": f"{b['plain_whoosh_s']} (plain Whoosh, one writer)",
            "ratio": b["ratio"],
            "target": "<= 200 / <= 600",
            "met": b["seconds"] <= 200 and b["peak_tree_mb"] <= 600,
        },
        {
            "figure": "100k: app open, memory after the first search (MB)",
            "now": "688-737",
            "measured": big["app_after_first_search_mb"],
            "floor": f"{c['app_seeds_mb']} (the app on the 5 seeds); {c['textual_app_import_mb']} (import textual.app)",
            "ratio": round(big["app_after_first_search_mb"] / c["app_seeds_mb"], 2),
            "target": "<= 400",
            "met": big["app_after_first_search_mb"] <= 400,
        },
    ]
    return rows


def markdown(c: dict[str, Any], long: dict[str, Any] | None, when: str, cpus: int | None) -> str:
    lines = [f"# Scaling (#17): {when}, {cpus} cores", "", "## Targets", ""]
    lines += [
        "| figure | before | measured | floor, same run | ratio | target | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in targets(c, long):
        lines.append(
            f"| {r['figure']} | {r['now']} | {r['measured']} | {r['floor']} | {r['ratio']} | {r['target']} | {r['met']} |"
        )
    lines += ["", "## Curves", "", "| | " + " | ".join(SIZES) + " |", "|---" * (len(SIZES) + 1) + "|"]

    def row(label: str, get: Any) -> None:
        lines.append(f"| {label} | " + " | ".join(str(get(c[k])) for k in SIZES) + " |")

    row("articles", lambda r: r["articles"])
    row("build (s)", lambda r: r["build"]["seconds"])
    row("plain Whoosh build, one writer (s)", lambda r: r["build"]["plain_whoosh_s"])
    row(
        "build peak memory, all processes / largest (MB)",
        lambda r: f"{r['build']['peak_tree_mb']} / {r['build']['largest_process_mb']}",
    )
    row("index: Whoosh / catalogue (MB)", lambda r: f"{r['index']['whoosh_mb']} / {r['index']['catalogue_mb']}")
    row(
        "search, app's first pass, p50 / p95 (ms)",
        lambda r: f"{r['search']['first_pass_ms_p50']} / {r['search']['first_pass_ms_p95']}",
    )
    row(
        "search, refined, p50 / p95 (ms)",
        lambda r: f"{r['search']['refined_ms_p50']} / {r['search']['refined_ms_p95']}",
    )
    row(
        "`quotewire search --json`, median / worst (s)",
        lambda r: f"{r['cli_search']['wall_s_median']} / {r['cli_search']['wall_s_max']}",
    )
    row("  its peak memory (MB)", lambda r: r["cli_search"]["peak_mb_max"])
    row("  floor: a process searching plain Whoosh (s)", lambda r: r["cli_search"].get("plain_whoosh_process_s_median"))
    row(
        "  a quote query, exact total (`speaker:blair`, s)",
        lambda r: r["cli_search"]["quote_queries_exact_total"]["speaker:blair"]["wall_s"],
    )
    row("change detection, nothing changed (s)", lambda r: r["change_detection"]["update_unchanged_s"])
    row("  floor: find -newer (s)", lambda r: r["change_detection"]["find_newer_s"])
    row(
        "app: list shown / search ready (s)",
        lambda r: f"{r['search']['list_shown_s']} / {r['search']['search_ready_s']}",
    )
    row("app: memory after the first search (MB)", lambda r: r["app_after_first_search_mb"])
    return "\n".join(lines) + "\n"
