"""Measure quotation extraction: seeds and PolNeAR against the shared scorers, BBC speed.

Run ``python bench/eval_quotes.py`` (``make eval``). Writes ``bench/results/eval.json``
and ``bench/results/eval.md``. Options: ``--docs A:B`` scores only PolNeAR documents
A..B (e.g. ``--docs 600:840`` for the held-out slice), ``--no-speed`` skips timing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.quotes import extract_quotes  # noqa: E402
from index.speakers import SpeakerRegistry  # noqa: E402


def shared_dir() -> Path:
    env = os.environ.get("QUOTEWIRE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


def load_config() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8")) or {}


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def as_json(quotes: list) -> list[dict]:
    return [asdict(q) for q in quotes]


def run_scorer(args: list[str]) -> tuple[str, int]:
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    return proc.stdout + proc.stderr, proc.returncode


def eval_seeds(shared: Path, registry: SpeakerRegistry, verbs: list[str], tmp: Path) -> dict:
    corpus = shared / "corpus" / "seed"
    preds: list[dict] = []
    for path in sorted(corpus.glob("*.txt")):
        preds += as_json(extract_quotes(path.stem, path.read_text(encoding="utf-8"), registry, speech_verbs=verbs))
    pred_path = tmp / "seed-pred.json"
    pred_path.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    out, _ = run_scorer(
        [
            str(shared / "tools" / "score_quotes.py"),
            str(shared / "gold" / "seed-quotes.yaml"),
            str(corpus),
            str(pred_path),
        ]
    )
    lines = out.strip().splitlines()
    summary = lines[-1] if lines else ""
    nums = dict(re.findall(r"(\w+[\w-]*)=([\d.]+)", summary))
    rep = re.search(r"found=(\d+)/(\d+)", summary)
    return {
        "summary": summary,
        "misses": lines[:-1],
        "f1": float(nums.get("F1", 0)),
        "speaker": float(nums.get("speaker", 0)),
        "reported_right_speaker": float(nums.get("right-speaker", 0)),
        "reported_found": rep.group(0) if rep else "",
    }


def eval_polnear(shared: Path, registry: SpeakerRegistry, verbs: list[str], tmp: Path, docs: slice, tag: str) -> dict:
    src = shared / "data" / "polnear-train" / "polnear-train.jsonl"
    lines = src.read_text(encoding="utf-8").splitlines()[docs]
    gold_path = tmp / f"polnear-{tag}.jsonl"
    gold_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    preds: list[dict] = []
    t0 = time.perf_counter()
    for line in lines:
        d = json.loads(line)
        preds += as_json(extract_quotes(d["doc_id"], d["text"], registry, speech_verbs=verbs))
    elapsed = time.perf_counter() - t0
    pred_path = tmp / f"polnear-{tag}-pred.json"
    pred_path.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    reported = reported_figures(shared, [json.loads(line) for line in lines], preds)
    out, _ = run_scorer([str(shared / "tools" / "score_polnear.py"), "score", str(gold_path), str(pred_path)])
    summary = out.strip().splitlines()[-1] if out.strip() else ""
    get = lambda pat: float(m.group(1)) if (m := re.search(pat, summary)) else 0.0  # noqa: E731
    pro = re.search(r"nearest earlier named source: (\d+)/(\d+)", summary)
    return {
        "docs": len(lines),
        "summary": summary,
        "precision": get(r"P=([\d.]+)"),
        "recall": get(r"R=([\d.]+)"),
        "f1": get(r"F1=([\d.]+)"),
        "speaker": get(r"speaker=([\d.]+)"),
        "pronoun": int(pro.group(1)) / max(1, int(pro.group(2))) if pro else 0.0,
        "seconds": round(elapsed, 2),
        "reported": reported,
    }


def reported_figures(shared: Path, docs: list[dict], preds: list[dict]) -> dict:
    """Reported speech, which the shared scorer leaves out (it counts marked quotes only).

    PolNeAR annotates every attribution, speech or not (polls, beliefs, "we mocked"), so
    these figures are for comparing our own versions, not with the field: precision = our
    reported quotes lying >= 30% inside some attribution's content; recall = unmarked
    attributions whose content our quotes (any kind) cover >= 30%; speaker = the scorer's
    surname rule on those found whose source is a name.
    """
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_polnear", shared / "tools" / "score_polnear.py")
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)  # type: ignore[union-attr]
    by_doc: dict[str, list[dict]] = {}
    for p in preds:
        by_doc.setdefault(p["article"], []).append(p)
    right = total = found = gold = sp_right = sp_total = 0
    for d in docs:
        mine = by_doc.get(d["doc_id"], [])
        contents = [(c["start"], c["end"]) for a in d["attributions"] for c in a["content"]]
        for p in mine:
            if p["kind"] == "reported":
                total += 1
                right += any(sc.cover((p["start"], p["end"]), [c]) >= 0.3 for c in contents)
        for a in d["attributions"]:
            if a["direct"] or not a["content"]:
                continue
            gold += 1
            segs = [(c["start"], c["end"]) for c in a["content"]]
            hits = [
                p
                for p in mine
                if p["kind"] != "other" and any(sc.cover(g, [(p["start"], p["end"])]) >= 0.3 for g in segs)
            ]
            if not hits:
                continue
            found += 1
            src = " ".join(x["text"] for x in a["source"])
            if src and sc.caps(src) and not set(sc.words(src)) <= sc.PRONOUNS:
                sp_total += 1
                sp_right += sc.speaker_ok(src, max(hits, key=lambda p: bool(p.get("speaker"))).get("speaker"))
    return {
        "precision": round(right / max(total, 1), 3),
        "recall": round(found / max(gold, 1), 3),
        "speaker": round(sp_right / max(sp_total, 1), 3),
        "predicted": total,
        "gold": gold,
    }


def bbc_speed(shared: Path, registry: SpeakerRegistry, verbs: list[str]) -> dict:
    files = sorted((shared / "data" / "bbc" / "raw").glob("*/*.txt"))
    texts = [read_text(p) for p in files]
    cpu_runs, wall_runs = [], []
    for _ in range(3):
        c0, w0 = time.process_time(), time.perf_counter()
        for i, text in enumerate(texts):
            extract_quotes(str(i), text, registry, speech_verbs=verbs)
        cpu_runs.append(time.process_time() - c0)
        wall_runs.append(time.perf_counter() - w0)
    # one process is one core; CPU time is steadier than wall time on a shared machine
    cpu, wall = statistics.median(cpu_runs), statistics.median(wall_runs)
    return {
        "articles": len(texts),
        "cpu_seconds_median": round(cpu, 3),
        "wall_seconds_median": round(wall, 3),
        "articles_per_second": round(len(texts) / cpu, 1),
        "articles_per_second_wall": round(len(texts) / wall, 1),
    }


def parse_slice(spec: str | None) -> slice:
    if not spec:
        return slice(None)
    a, _, b = spec.partition(":")
    return slice(int(a) if a else None, int(b) if b else None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", help="PolNeAR slice A:B (default: all 840 and the held-out 600:840)")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="do not write bench/results")
    args = ap.parse_args(argv)
    shared = shared_dir()
    if not shared.is_dir():
        print(f"shared data not found at {shared} (set QUOTEWIRE_SHARED): nothing to evaluate")
        return 0
    cfg = load_config()
    registry = SpeakerRegistry.from_config(cfg.get("speakers") or [])
    verbs = [str(v) for v in (cfg.get("speech_verbs") or [])]
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        results["seeds"] = eval_seeds(shared, registry, verbs, tmp)
        if args.docs:
            results["polnear"] = eval_polnear(shared, registry, verbs, tmp, parse_slice(args.docs), "slice")
        else:
            results["polnear"] = eval_polnear(shared, registry, verbs, tmp, slice(None), "all")
            results["polnear_heldout"] = eval_polnear(shared, registry, verbs, tmp, slice(600, None), "heldout")
    if not args.no_speed:
        results["bbc_speed"] = bbc_speed(shared, registry, verbs)
    md = render(results)
    print(md)
    if not args.no_write:
        out = ROOT / "bench" / "results"
        out.mkdir(parents=True, exist_ok=True)
        (out / "eval.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (out / "eval.md").write_text(md + "\n", encoding="utf-8")
    # saved web pages beside trafilatura's own figures (bench/results/html.md)
    subprocess.run([sys.executable, str(ROOT / "bench" / "eval_html.py"), *(["--no-write"] if args.no_write else [])])
    return 0


def render(results: dict) -> str:
    rows = ["| set | figures |", "|---|---|"]
    seeds = results["seeds"]
    rows.append(f"| seeds | {seeds['summary']} |")
    for key in ("polnear", "polnear_heldout"):
        if key in results:
            r = results[key]
            rows.append(
                f"| {key} ({r['docs']} docs) | P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                f"speaker={r['speaker']:.3f} pronoun={r['pronoun']:.3f} ({r['seconds']} s) |"
            )
            rep = r.get("reported")
            if rep:
                rows.append(
                    f"| {key}, reported speech | P={rep['precision']:.3f} R={rep['recall']:.3f} "
                    f"speaker={rep['speaker']:.3f} ({rep['predicted']} found, {rep['gold']} unmarked attributions) |"
                )
    if "bbc_speed" in results:
        s = results["bbc_speed"]
        rows.append(
            f"| BBC speed (one core) | {s['articles_per_second']} articles/s by CPU time, {s['articles_per_second_wall']} by wall time "
            f"({s['articles']} articles, median of 3) |"
        )
    misses = seeds.get("misses") or []
    text = "# Quote extraction evaluation\n\n" + "\n".join(rows)
    text += (
        "\n\nPolNeAR held-out = documents 600-839 (rules developed on 0-599). Reported speech is "
        "scored against every PolNeAR attribution, speech or not (polls, beliefs): for comparing "
        "versions of quotewire, not with the field. Seed fp counts "
        "clause-level partial quotes (indirect speech that quotes some words), which the seed gold "
        "does not list."
    )
    text += "\n\nSeed misses and wrong speakers:\n" + ("\n".join(f"- {m}" for m in misses) if misses else "- none")
    return text


if __name__ == "__main__":
    sys.exit(main())
