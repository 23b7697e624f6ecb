"""The attribution gate: a fast evaluation that fails when a figure falls below its record.

Attribution is what quotewire promises, so a change that makes it worse must not pass in
silence. This runs in well under a minute (CI runs it through tests/eval/test_gate.py):
the seeds, the news development set (scored ``--lenient``, as issue targets are) and a
fixed sample of 100 PolNeAR training documents (every sixth of documents 0-599, so the
held-out 600-839 stay unseen), all through the shared scorers, on what
``quotewire quotes --json`` prints.

    python bench/eval_gate.py            # compare with bench/results/gate.json; exit 1 on a fall
    python bench/eval_gate.py --record   # write the record (a deliberate change: say why in the commit)

Beside PolNeAR's own speaker figure, ``polnear100.speaker_or_mention`` counts a unit right
when the speaker or the attribution's words match the gold source (the scorer judges by
those words, and quotewire resolves "the senator" to the senator's name): see
``quote_sets.speaker_or_mention``.

A figure may fall by at most ``TOLERANCE`` (0.5 points) below its record.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import quote_sets as qs  # noqa: E402

RECORD = ROOT / "bench" / "results" / "gate.json"
TOLERANCE = 0.005
POLNEAR_SAMPLE = slice(0, qs.POLNEAR_HELD_OUT_FROM, 6)  # 100 training documents


def _scorer(args: list[str]) -> str:
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=300)
    return proc.stdout + proc.stderr


def _dump(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def figures() -> dict[str, float]:
    """Every gated figure, by a stable name."""
    tools = qs.SHARED / "tools"
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        seeds = qs.predict(qs.SHARED / "corpus" / "seed")
        summary = _scorer(
            [
                str(tools / "score_quotes.py"),
                str(qs.SHARED / "gold" / "seed-quotes.yaml"),
                str(qs.SHARED / "corpus" / "seed"),
                _dump(tmp / "s.json", seeds),
            ]
        ).strip()
        nums = dict(re.findall(r"(\w+[\w-]*)=([\d.]+)", summary.splitlines()[-1] if summary else ""))
        out["seeds.f1"], out["seeds.speaker"] = float(nums.get("F1", 0)), float(nums.get("speaker", 0))

        news = qs.predict(qs.NEWS / "articles")
        raw = _scorer(
            [str(tools / "score_news.py"), str(qs.NEWS / "gold.jsonl"), _dump(tmp / "n.json", news), "--lenient"]
        )
        r = json.loads(raw[raw.index("{") :])
        out["news.f1"], out["news.speaker"] = r["f1"], r["speaker"]["all"]["acc"]
        for kind in ("name", "pronoun", "title"):
            out[f"news.speaker.{kind}"] = r["speaker"].get(f"mention:{kind}", {}).get("acc", 0.0)

        docs = qs.polnear_docs()[POLNEAR_SAMPLE]
        preds = qs.polnear_predictions(docs)
        gold = tmp / "polnear.jsonl"
        gold.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        summary = _scorer([str(tools / "score_polnear.py"), "score", str(gold), _dump(tmp / "p.json", preds)])
        last = summary.strip().splitlines()[-1] if summary.strip() else ""
        for name, pattern in (("f1", r"F1=([\d.]+)"), ("speaker", r"speaker=([\d.]+)")):
            m = re.search(pattern, last)
            out[f"polnear100.{name}"] = float(m.group(1)) if m else 0.0
        pro = re.search(r"nearest earlier named source: (\d+)/(\d+)", last)
        out["polnear100.pronoun"] = round(int(pro.group(1)) / max(1, int(pro.group(2))), 3) if pro else 0.0
        out["polnear100.speaker_or_mention"] = qs.speaker_or_mention(docs, preds)
    return out


def falls(now: dict[str, float], record: dict[str, float]) -> list[str]:
    """One line per figure more than TOLERANCE below its record (or missing)."""
    lines = []
    for name, was in sorted(record.items()):
        got = now.get(name)
        if got is None or got < was - TOLERANCE:
            lines.append(f"{name}: {got} < record {was} (tolerance {TOLERANCE})")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--record", action="store_true", help="write the figures as the new record")
    args = ap.parse_args(argv)
    if not qs.SHARED.is_dir():
        print(f"shared data not found at {qs.SHARED}: nothing to gate")
        return 0
    now = figures()
    if args.record:
        RECORD.write_text(json.dumps(now, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(now)} figures in {RECORD.relative_to(ROOT)}")
        return 0
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    for name in sorted(now):
        print(f"{name:<32} {now[name]:.3f}  (record {record.get(name, float('nan')):.3f})")
    bad = falls(now, record)
    for line in bad:
        print("FELL: " + line, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
