"""Measure quotation extraction: every scorer, each rule, and the calibration of confidence.

Run ``python bench/eval_quotes.py`` (``make eval``). Writes ``bench/results/eval.json`` and
``bench/results/eval.md``; prints the Markdown.

* seeds, news-dev and PolNeAR train through the shared scorers (``../shared/tools``), on
  what ``quotewire quotes --json`` prints (``quote_sets.predict``);
* per rule (``index/quotes/rules.py``): how often it fires on each set (every record,
  reported speech included), and its speaker precision over the gold quotations it
  attributed on PolNeAR train and news-dev (as the scorers find and judge them), beside
  its confidence;
* the calibration of ``confidence``: speaker accuracy per band and the expected
  calibration error, on all of news-dev, its tuning part, its held-out part, and the
  same for PolNeAR (the table is made without the held-out slices: ``calibrate_quotes.py``);
* reported speech against every PolNeAR attribution, and the extraction speed on BBC.

Options: ``--docs A:B`` scores only PolNeAR documents A..B in the scorer summary,
``--no-speed`` skips timing, ``--no-write`` leaves bench/results alone.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import quote_sets as qs  # noqa: E402

from index.quotes.confidence import CONFIDENCE  # noqa: E402
from index.quotes.rules import RULES  # noqa: E402

BBC = qs.SHARED / "data" / "bbc"


def run_scorer(args: list[str]) -> str:
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    return proc.stdout + proc.stderr


def write(path: Path, preds: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    return path


def eval_seeds(preds: list[dict[str, Any]], tmp: Path) -> dict[str, Any]:
    tools, corpus = qs.SHARED / "tools", qs.SHARED / "corpus" / "seed"
    out = run_scorer(
        [
            str(tools / "score_quotes.py"),
            str(qs.SHARED / "gold" / "seed-quotes.yaml"),
            str(corpus),
            str(write(tmp / "s.json", preds)),
        ]
    )
    lines = out.strip().splitlines()
    summary = lines[-1] if lines else ""
    nums = dict(re.findall(r"(\w+[\w-]*)=([\d.]+)", summary))
    return {
        "summary": summary,
        "misses": lines[:-1],
        "f1": float(nums.get("F1", 0)),
        "speaker": float(nums.get("speaker", 0)),
    }


def eval_news(preds: list[dict[str, Any]], tmp: Path, part: str = "all") -> dict[str, Any]:
    """news-dev scored --lenient (as #14's targets are): all 60 articles, or the tuning
    part ("tuning") or the held-out part ("held_out": every fifth article)."""
    gold = qs.NEWS / "gold.jsonl"
    if part != "all":
        keep = [
            line
            for line in gold.read_text(encoding="utf-8").splitlines()
            if line.strip() and (json.loads(line)["doc_id"] in qs.NEWS_HELD_OUT) == (part == "held_out")
        ]
        gold = tmp / f"news-{part}.jsonl"
        gold.write_text("\n".join(keep) + "\n", encoding="utf-8")
    out = run_scorer(
        [str(qs.SHARED / "tools" / "score_news.py"), str(gold), str(write(tmp / "n.json", preds)), "--lenient"]
    )
    r = json.loads(out[out.index("{") :])
    return {
        "articles": len(gold.read_text(encoding="utf-8").split("\n")) - 1,
        "precision": r["precision"],
        "recall": r["recall"],
        "f1": r["f1"],
        "speaker": r["speaker"]["all"]["acc"],
        "speaker_by_mention": {k.split(":")[1]: v["acc"] for k, v in r["speaker"].items() if k.startswith("mention:")},
        "headline": r["recall_title_line"],
        "headline_speaker": r["speaker"].get("title line", {}).get("acc"),
        "calibration": r["calibration"],
        "speaker_ece": r["speaker_ece"],
    }


def eval_polnear(docs: list[dict[str, Any]], preds: list[dict[str, Any]], tmp: Path, tag: str) -> dict[str, Any]:
    ids = {d["doc_id"] for d in docs}
    gold = tmp / f"polnear-{tag}.jsonl"
    gold.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n", encoding="utf-8")
    mine = [p for p in preds if p["article"] in ids]
    out = run_scorer(
        [str(qs.SHARED / "tools" / "score_polnear.py"), "score", str(gold), str(write(tmp / f"p-{tag}.json", mine))]
    )
    summary = out.strip().splitlines()[-1] if out.strip() else ""
    get = lambda pat: float(m.group(1)) if (m := re.search(pat, summary)) else 0.0  # noqa: E731
    pro = re.search(r"nearest earlier named source: (\d+)/(\d+)", summary)
    return {
        "docs": len(docs),
        "summary": summary,
        "precision": get(r"P=([\d.]+)"),
        "recall": get(r"R=([\d.]+)"),
        "f1": get(r"F1=([\d.]+)"),
        "speaker": get(r"speaker=([\d.]+)"),
        "pronoun": int(pro.group(1)) / max(1, int(pro.group(2))) if pro else 0.0,
        # the speaker or the attribution's words judged (quote_sets.speaker_or_mention)
        "speaker_or_mention": qs.speaker_or_mention(docs, mine),
        "reported": reported_figures(docs, mine),
    }


def reported_figures(docs: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    """Reported speech, which the shared scorer leaves out (it counts marked quotes only).

    PolNeAR annotates every attribution, speech or not (polls, beliefs, "we mocked"), so
    these figures are for comparing our own versions, not with the field: precision = our
    reported quotes lying >= 30% inside some attribution's content; recall = unmarked
    attributions whose content our quotes (any kind) cover >= 30%; speaker = the scorer's
    surname rule on those found whose source is a name.
    """
    sc = qs.scorer("score_polnear")
    by_doc: dict[str, list[dict[str, Any]]] = {}
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


def per_rule(fired: dict[str, Counter[str]], verdicts: list[qs.Verdict]) -> list[dict[str, Any]]:
    """Each rule: how often it fires per set, and its speaker precision where judged."""
    rows = []
    for rule in RULES:
        row: dict[str, Any] = {"rule": rule, "confidence": CONFIDENCE[rule]}
        row["fires"] = {name: counts[rule] for name, counts in fired.items()}
        for name in ("polnear", "news"):
            for part, held in (("", None), ("_held_out", True)):
                vs = [v for v in verdicts if v.set == name and v.rule == rule and (held is None or v.held_out)]
                row[name + part] = [sum(v.right for v in vs), len(vs)]
        rows.append(row)
    return rows


def calibrations(verdicts: list[qs.Verdict]) -> dict[str, Any]:
    out = {}
    for name in ("news", "polnear"):
        mine = [v for v in verdicts if v.set == name]
        for part, keep in (
            ("all", lambda v: True),
            ("tuning", lambda v: not v.held_out),
            ("held_out", lambda v: v.held_out),
        ):
            vs = [v for v in mine if keep(v)]
            top = [v for v in vs if v.confidence >= 0.85]
            cal = qs.calibration(vs)
            cal["n"] = len(vs)
            cal["top_band_accuracy"] = round(sum(v.right for v in top) / max(len(top), 1), 3)
            out[f"{name}_{part}"] = cal
    return out


def bbc_speed() -> dict[str, Any]:
    from bench_extraction import measure

    return measure(BBC / "raw", long_mb=(), rounds=3)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--docs", help="PolNeAR slice A:B for the scorer summary (default: all 840 and the held-out 600:840)"
    )
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="do not write bench/results")
    args = ap.parse_args(argv)
    if not qs.SHARED.is_dir():
        print(f"shared data not found at {qs.SHARED} (set QUOTEWIRE_SHARED): nothing to evaluate")
        return 0
    docs = qs.polnear_docs()
    preds = {
        "seeds": qs.predict(qs.SHARED / "corpus" / "seed"),
        "news": qs.predict(qs.NEWS / "articles"),
        "polnear": qs.polnear_predictions(docs),
    }
    if BBC.is_dir():
        preds["bbc"] = qs.predict(BBC)
    verdicts = qs.news_verdicts(preds["news"]) + qs.polnear_verdicts(docs, preds["polnear"])
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        results["seeds"] = eval_seeds(preds["seeds"], tmp)
        results["news"] = eval_news(preds["news"], tmp)
        results["news_tuning"] = eval_news(preds["news"], tmp, "tuning")
        results["news_heldout"] = eval_news(preds["news"], tmp, "held_out")
        if args.docs:
            a, _, b = args.docs.partition(":")
            results["polnear"] = eval_polnear(docs[int(a or 0) : int(b) if b else None], preds["polnear"], tmp, "slice")
        else:
            results["polnear"] = eval_polnear(docs, preds["polnear"], tmp, "all")
            results["polnear_train"] = eval_polnear(docs[: qs.POLNEAR_HELD_OUT_FROM], preds["polnear"], tmp, "train")
            results["polnear_heldout"] = eval_polnear(docs[qs.POLNEAR_HELD_OUT_FROM :], preds["polnear"], tmp, "held")
    results["calibration"] = calibrations(verdicts)
    fired = {name: Counter(p["rule"] for p in ps) for name, ps in preds.items() if name != "seeds"}
    results["rules"] = per_rule(fired, verdicts)
    if not args.no_speed and BBC.is_dir():
        results["bbc_speed"] = bbc_speed()
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


def _pct(pair: list[int]) -> str:
    right, n = pair
    return f"{right / n:.2f} ({right}/{n})" if n else "—"


def render(results: dict[str, Any]) -> str:
    rows = ["| set | figures |", "|---|---|"]
    seeds = results["seeds"]
    rows.append(f"| seeds | {seeds['summary']} |")
    for key, label in (("news", "news-dev"), ("news_tuning", "news-dev tuning"), ("news_heldout", "news-dev held out")):
        if key not in results:
            continue
        n = results[key]
        by = n["speaker_by_mention"]
        rows.append(
            f"| {label} ({n.get('articles', 60)} articles, --lenient) | P={n['precision']:.3f} R={n['recall']:.3f} "
            f"F1={n['f1']:.3f} speaker={n['speaker']:.3f} (name {by.get('name') or 0:.3f}, "
            f"pronoun {by.get('pronoun') or 0:.3f}, title {by.get('title') or 0:.3f}); "
            f"headline quotes found {n.get('headline', '—')} |"
        )
    for key in ("polnear", "polnear_train", "polnear_heldout"):
        if key in results:
            r = results[key]
            rows.append(
                f"| {key} ({r['docs']} docs) | P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                f"speaker={r['speaker']:.3f} pronoun={r['pronoun']:.3f} "
                f"speaker or mention={r.get('speaker_or_mention', 0):.3f} |"
            )
            rep = r["reported"]
            rows.append(
                f"| {key}, reported speech | P={rep['precision']:.3f} R={rep['recall']:.3f} "
                f"speaker={rep['speaker']:.3f} ({rep['predicted']} found, {rep['gold']} unmarked attributions) |"
            )
    if "bbc_speed" in results:
        s = results["bbc_speed"]
        rows.append(
            f"| BBC speed (one core, CPU time, best of {s['rounds']}) | {s['articles_per_s']} articles/s ({s['articles']} articles) |"
        )
    text = "# Quote extraction evaluation\n\n" + "\n".join(rows)
    text += "\n\n## Calibration of confidence (speaker accuracy per band; ECE)\n\n"
    text += "| set | n | 0-0.5 | 0.5-0.7 | 0.7-0.85 | 0.85-1 | ECE |\n|---|---|---|---|---|---|---|\n"
    for key, cal in results["calibration"].items():
        cells = []
        for band in ("0.00-0.50", "0.50-0.70", "0.70-0.85", "0.85-1.00"):
            b = cal["bands"].get(band)
            cells.append(f"{b['speaker_acc']:.2f} at {b['mean_conf']:.2f} (n={b['n']})" if b else "—")
        text += f"| {key.replace('_', ' ')} | {cal['n']} | " + " | ".join(cells) + f" | {cal['ece']:.3f} |\n"
    text += (
        "\nEach cell: speaker accuracy at mean confidence (quotations). Tuning parts made the table "
        "(bench/calibrate_quotes.py); held out: news-dev's every fifth article, PolNeAR 600-839.\n"
    )
    text += "\n## Rules\n\n"
    text += "| rule | confidence | fires: news / PolNeAR / BBC | speaker on PolNeAR train (held out) | speaker on news-dev (held out) |\n"
    text += "|---|---|---|---|---|\n"
    for r in results["rules"]:
        fires = " / ".join(str(r["fires"].get(name, 0)) for name in ("news", "polnear", "bbc"))
        text += (
            f"| {r['rule']} | {r['confidence']:.3f} | {fires} | {_pct(r['polnear'])} ({_pct(r['polnear_held_out'])}) "
            f"| {_pct(r['news'])} ({_pct(r['news_held_out'])}) |\n"
        )
    text += (
        "\nFires: every record the rule made (quotations and reported speech). Speaker precision: over the gold "
        "quotations the rule attributed, judged as the shared scorers judge them (PolNeAR: named sources, and "
        "pronouns through the scorer's stand-in referent). Reported speech is scored against every PolNeAR "
        "attribution, speech or not (polls, beliefs): for comparing versions of quotewire, not with the field.\n"
    )
    misses = seeds.get("misses") or []
    text += "\nSeed misses and wrong speakers:\n" + ("\n".join(f"- {m}" for m in misses) if misses else "- none")
    return text


if __name__ == "__main__":
    sys.exit(main())
