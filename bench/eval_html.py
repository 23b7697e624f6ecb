"""Saved web pages read as articles: text and metadata beside trafilatura's own, and speed.

Run ``python bench/eval_html.py`` (``make eval`` and ``make bench`` call it). On
``../shared/data/html-news/`` (half of the English news pages of trafilatura's benchmark),
scored by ``../shared/tools/score_html.py``:

- quotewire: what ``quotewire articles --json --text --corpus PAGES`` prints (the real
  command, with a private cache), so the figures are those of the whole reading path;
- trafilatura 2.3.1 with default settings (``bare_extraction(..., with_metadata=True)``),
  in the same run, scored the same way.

The held-out slice (every fifth page by sorted file name) was never looked at while tuning
and is reported apart. Speed: pages read per second of CPU time on one core (the process's
own time, so other load on the machine moves it less), best of three after a warm-up;
quotewire's whole `Reader.read` (decode, extract, metadata, article) against trafilatura's
``bare_extraction`` on the same bytes. Writes ``bench/results/html.json`` and ``html.md``.
Options: ``--speed-only`` (what ``make bench`` runs), ``--no-speed``, ``--no-write``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_F1 = 0.92
TARGET_META = 0.9  # of the pages that have the field
TARGET_PAGES_PER_S = 40.0


def shared_dir() -> Path:
    env = os.environ.get("QUOTEWIRE_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def held_out(files: list[str]) -> set[str]:
    """Every fifth page by sorted file name (the 5th, 10th, ...): never tuned on."""
    return {f for i, f in enumerate(sorted(files), 1) if i % 5 == 0}


def score(scorer: Path, gold: dict, articles: list[dict], tmp: Path, name: str) -> dict[str, Any]:
    g, a = tmp / f"{name}-gold.json", tmp / f"{name}-articles.json"
    g.write_text(json.dumps(gold), encoding="utf-8")
    a.write_text(json.dumps(articles), encoding="utf-8")
    out = subprocess.run([sys.executable, str(scorer), str(g), str(a)], capture_output=True, text=True).stdout
    m = re.search(r"P=([\d.]+) R=([\d.]+) F1=([\d.]+)", out)
    figures: dict[str, Any] = {"pages": len(gold), "line": out.strip()}
    if m:
        figures.update(precision=float(m[1]), recall=float(m[2]), f1=float(m[3]))
    for field, ok, total in re.findall(r"(title|author|date)=(\d+)/(\d+)", out):
        figures[field] = [int(ok), int(total)]
    return figures


def quotewire_articles(pages: Path, tmp: Path) -> list[dict]:
    env = {**os.environ, **{v: str(tmp / v.lower()) for v in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME")}}
    cmd = [sys.executable, "-m", "tui.cli", "articles", "--json", "--text", "--corpus", str(pages)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return json.loads(proc.stdout)


def trafilatura_articles(pages: list[Path]) -> list[dict]:
    import trafilatura

    out = []
    for p in pages:
        doc = trafilatura.bare_extraction(p.read_bytes(), with_metadata=True)
        d = doc.as_dict() if doc else {}
        out.append(
            {
                "article": p.stem,
                "path": str(p),
                "title": d.get("title") or "",
                "author": d.get("author") or "",
                "date": d.get("date") or "",
                "text": d.get("text") or "",
            }
        )
    return out


def speed(pages: Path) -> dict[str, Any]:
    """Pages per CPU second on one core: quotewire's reader, trafilatura, the old converter."""
    import logging

    import trafilatura

    from index.config import load_config
    from index.corpus import Reader, discover
    from index.htmltext import html_to_text

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    cfg = load_config(use_user_config=False)
    files, _ = discover([pages], include_seeds=False)
    reader = Reader(cfg.boilerplate, cfg.max_bytes)
    raw = [Path(f.path).read_bytes() for f in files]
    texts = [r.decode("utf-8", "replace") for r in raw]

    def best(run: Any) -> float:
        run()  # warm-up: imports, lazily built tables
        times = []
        for _ in range(3):
            t = time.process_time()
            run()
            times.append(time.process_time() - t)
        return len(files) / min(times)

    ours = best(lambda: [reader.read(f) for f in files])
    theirs = best(lambda: [trafilatura.bare_extraction(r, with_metadata=True) for r in raw])
    text_only = best(lambda: [trafilatura.extract(r) for r in raw])
    simple = best(lambda: [html_to_text(t) for t in texts])
    return {
        "pages": len(files),
        "quotewire_pages_per_s": round(ours, 1),
        "trafilatura_pages_per_s": round(theirs, 1),
        "trafilatura_extract_text_only_pages_per_s": round(text_only, 1),
        "old_converter_pages_per_s": round(simple, 1),
        "ratio_to_trafilatura": round(ours / theirs, 2),
        "target_pages_per_s": TARGET_PAGES_PER_S,
        "met": ours >= TARGET_PAGES_PER_S,
    }


def evaluate(data: Path, scorer: Path) -> dict[str, Any]:
    gold = json.loads((data / "evaldata.json").read_text(encoding="utf-8"))
    pages = sorted((data / "pages").glob("*.html"))
    held = held_out([p.name for p in pages])
    slices = {
        "all": gold,
        "tuned": {u: g for u, g in gold.items() if g["file"] not in held},
        "held_out": {u: g for u, g in gold.items() if g["file"] in held},
    }
    results: dict[str, Any] = {"held_out_pages": sorted(held)}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        ours = quotewire_articles(data / "pages", tmp)
        theirs = trafilatura_articles(pages)
        for name, subset in slices.items():
            results[name] = {
                "quotewire": score(scorer, subset, ours, tmp, f"q-{name}"),
                "trafilatura": score(scorer, subset, theirs, tmp, f"t-{name}"),
            }
    q = results["all"]["quotewire"]
    results["met"] = {
        "text_f1": q.get("f1", 0) >= TARGET_F1,
        **{f: q[f][0] >= TARGET_META * q[f][1] for f in ("title", "author", "date") if f in q},
    }
    return results


def render(results: dict[str, Any]) -> str:
    rows = []
    if "all" in results:
        n_all, n_held = results["all"]["quotewire"]["pages"], results["held_out"]["quotewire"]["pages"]
        rows += [
            f"## Saved news pages (html-news, {n_all} pages; held out: {n_held})",
            "",
            "| figure | quotewire | trafilatura 2.3.1 (defaults) | target |",
            "|---|---|---|---|",
        ]
        for name, label in (("all", "all pages"), ("tuned", "tuned on"), ("held_out", "held out")):
            q, t = results[name]["quotewire"], results[name]["trafilatura"]
            rows.append(
                f"| text P / R / F1, {label} | {q.get('precision', 0):.3f} / {q.get('recall', 0):.3f} / "
                f"{q.get('f1', 0):.3f} | {t.get('precision', 0):.3f} / {t.get('recall', 0):.3f} / {t.get('f1', 0):.3f}"
                f" | {'F1 ≥ 0.92' if name == 'all' else '—'} |"
            )
        for field in ("title", "author", "date"):
            for name, label in (("all", "all"), ("held_out", "held out")):
                q, t = results[name]["quotewire"].get(field), results[name]["trafilatura"].get(field)
                if q and t:
                    rows.append(
                        f"| {field} right, {label} | {q[0]}/{q[1]} | {t[0]}/{t[1]} | {'≥ 90%' if name == 'all' else '—'} |"
                    )
        rows.append("")
        rows.append(f"Targets met: {results['met']}")
    if "speed" in results:
        s = results["speed"]
        rows += [
            "",
            f"## Reading speed ({s['pages']} pages, CPU time on one core, best of 3)",
            "",
            "| reader | pages/s |",
            "|---|---|",
            f"| quotewire (trafilatura + metadata + article) | {s['quotewire_pages_per_s']} |",
            f"| trafilatura 2.3.1, defaults, with metadata | {s['trafilatura_pages_per_s']} |",
            f"| trafilatura 2.3.1, `extract()`: text only | {s['trafilatura_extract_text_only_pages_per_s']} |",
            f"| the old converter (index/htmltext.py) | {s['old_converter_pages_per_s']} |",
            "",
            f"quotewire / trafilatura: {s['ratio_to_trafilatura']}; target ≥ {s['target_pages_per_s']:g} pages/s: "
            f"{'met' if s['met'] else 'NOT met'}",
        ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--speed-only", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="do not write bench/results")
    args = ap.parse_args(argv)
    shared = shared_dir()
    data, scorer = shared / "data" / "html-news", shared / "tools" / "score_html.py"
    if not (data / "evaldata.json").exists() or not scorer.exists():
        print(f"html-news not found under {shared} (set QUOTEWIRE_SHARED): no HTML figures")
        return 0
    results: dict[str, Any] = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    if not args.speed_only:
        results.update(evaluate(data, scorer))
    if not args.no_speed:
        results["speed"] = speed(data / "pages")
    md = render(results)
    print(md)
    if not args.no_write:
        out = ROOT / "bench" / "results"
        out.mkdir(parents=True, exist_ok=True)
        name = "html-speed" if args.speed_only else "html"
        (out / f"{name}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (out / f"{name}.md").write_text(md + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
