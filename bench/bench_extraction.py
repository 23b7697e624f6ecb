"""Quotation extraction speed: BBC articles, and long articles made by joining them (#17).

Each long-article figure is beside its floor, measured in the same run: megabytes per
CPU second on the BBC articles one by one. Rounds alternate the BBC pass and the long
articles, and each figure is its best round (CPU time of one process: one core; the best
of a few is the machine's speed with the least interference from other work on it).

Targets: BBC >= 1,000 articles/s; a 2 MB and a 20 MB article >= 0.7x the BBC MB/s.

Run: ``.venv/bin/python bench/bench_extraction.py [BBC_DIR]`` (``make bench`` runs it
through bench/run.py). Needs ../shared/data/bbc/raw or $QUOTEWIRE_SHARED.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("QUOTEWIRE_SHARED", ROOT.parent / "shared"))
BBC_DIR = SHARED / "data" / "bbc" / "raw"
ARTICLES_PER_S = 1000
LONG_RATIO = 0.7


def _texts(corpus: Path) -> list[str]:
    from index.corpus import decode, normalise

    return [normalise(decode(f.read_bytes())[0]) for f in sorted(corpus.rglob("*.txt"))]


def joined(texts: list[str], megabytes: float) -> str:
    """One article of about `megabytes` MB (UTF-8): the articles one after the other, again
    from the first when they run out, each still its own paragraphs."""
    parts: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        t = texts[len(parts) % len(texts)]
        parts.append(t)
        size += len(t.encode()) + 2
    return "\n\n".join(parts)


def measure(corpus: Path = BBC_DIR, long_mb: tuple[float, ...] = (2.0, 20.0), rounds: int = 3) -> dict[str, Any]:
    from index.config import load_config
    from index.quotes import extract_quotes
    from index.speakers import SpeakerRegistry

    cfg = load_config(use_user_config=False)
    reg = SpeakerRegistry.from_config(cfg.speaker_entries)
    texts = _texts(corpus)
    bbc_mb = sum(len(t.encode()) for t in texts) / 1e6
    longs = {mb: joined(texts, mb) for mb in long_mb}

    def cpu(run: Any) -> float:
        t = time.process_time()
        run()
        return time.process_time() - t

    best: dict[str, float] = {}
    for _ in range(rounds):
        s = cpu(lambda: [extract_quotes(str(i), t, reg, speech_verbs=cfg.speech_verbs) for i, t in enumerate(texts)])
        best["bbc"] = min(best.get("bbc", s), s)
        for mb, text in longs.items():
            s = cpu(lambda text=text: extract_quotes("long", text, reg, speech_verbs=cfg.speech_verbs))
            best[str(mb)] = min(best.get(str(mb), s), s)
    base = bbc_mb / best["bbc"]
    out: dict[str, Any] = {
        "articles": len(texts),
        "articles_per_s": round(len(texts) / best["bbc"], 1),
        "target_articles_per_s": ARTICLES_PER_S,
        "bbc_mb_per_s": round(base, 2),
        "long": {},
        "rounds": rounds,
    }
    for mb, text in longs.items():
        rate = len(text.encode()) / 1e6 / best[str(mb)]
        out["long"][f"{mb:g} MB"] = {"mb_per_s": round(rate, 2), "ratio_to_bbc": round(rate / base, 2)}
    out["target_ratio"] = LONG_RATIO
    out["met"] = out["articles_per_s"] >= ARTICLES_PER_S and all(
        v["ratio_to_bbc"] >= LONG_RATIO for v in out["long"].values()
    )
    return out


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else BBC_DIR
    if not corpus.is_dir():
        print(f"BBC corpus not found at {corpus} (set QUOTEWIRE_SHARED)")
        sys.exit(0)
    print(json.dumps(measure(corpus), indent=2))
