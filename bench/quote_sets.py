"""The development sets for quotation attribution, read and judged one quotation at a time.

Shared by ``calibrate_quotes.py`` (which measures each rule's speaker accuracy and writes
the confidence table) and ``eval_quotes.py`` (which reports it). Predictions come from
the same path as ``quotewire quotes --json`` (the corpus reader, its boilerplate spans,
the ingest's extractor call), and every verdict uses the shared scorers' own functions:

* news-dev (``../shared/data/news-dev``): a gold unit is found by the prediction that
  covers most of it, and judged by ``score_news.speaker_right`` (the scorer's rules);
* PolNeAR train: a gold quotation is found as ``score_polnear.py`` finds it (its quoted
  words, or 30% of the content) and judged by ``speaker_ok``: a named source directly, a
  pronoun by the scorer's stand-in referent (the nearest earlier named source).

Held out, never used to set a number: news-dev's every fifth article of the sorted ids,
from the fifth (``NEWS_HELD_OUT``), and PolNeAR documents 600-839.
"""

from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUOTEWIRE_SHARED", ROOT.parent / "shared"))
NEWS = SHARED / "data" / "news-dev"
POLNEAR = SHARED / "data" / "polnear-train" / "polnear-train.jsonl"
NEWS_HELD_OUT = frozenset(
    """EN_CC_200001 EN_CC_200053 EN_UA_002668 EN_UA_012234 EN_UA_014413 EN_UA_017831 EN_UA_024321
    EN_UA_027879 EN_UA_100840 EN_UA_102958 EN_UA_104152 EN_UA_DEV_100019""".split()
)
POLNEAR_HELD_OUT_FROM = 600  # documents 600-839 (their line numbers in the file)
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))  # as score_news.py bands confidence


@dataclass(frozen=True)
class Verdict:
    """One gold quotation found by a prediction: the prediction's rule, confidence, and
    whether its speaker is right."""

    set: str  # "news" or "polnear"
    doc: str
    rule: str
    confidence: float
    right: bool
    held_out: bool
    how: str = ""  # PolNeAR: "name" or "pronoun" (judged through the stand-in referent)


def scorer(name: str) -> ModuleType:
    """One of the shared scorers (../shared/tools), loaded as a module."""
    path = SHARED / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def predict(folder: Path) -> list[dict[str, Any]]:
    """What ``quotewire quotes --json FOLDER`` prints, without the catalogue: the files
    read as the corpus reader reads them, their quotations extracted by the ingest."""
    from index.config import load_config
    from index.corpus import discover
    from index.ingest import Ingestor
    from index.models import quote_json

    ingestor = Ingestor(load_config(use_user_config=False))
    files, _ = discover([folder], include_seeds=False)
    out: list[dict[str, Any]] = []
    for src in files:
        for _, quotes, _ in ingestor.parse(src).articles:
            out += [quote_json(q) for q in quotes or ()]
    return out


def polnear_docs() -> list[dict[str, Any]]:
    return [json.loads(line) for line in POLNEAR.read_text(encoding="utf-8").splitlines()]


def polnear_predictions(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The PolNeAR texts written out as ``score_polnear.py prep`` writes them, then read."""
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            (Path(tmp) / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
        return predict(Path(tmp))


def news_verdicts(preds: list[dict[str, Any]]) -> list[Verdict]:
    """A verdict per found news-dev gold unit, as score_news.py --lenient (the issues'
    figures) finds and judges it."""
    sn = scorer("score_news")
    sn.LENIENT = True  # type: ignore[attr-defined]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in preds:
        if p["kind"] in ("direct", "partial") and p["end"] > p["start"]:
            by_doc.setdefault(p["article"], []).append(p)
    out: list[Verdict] = []
    for line in (NEWS / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        mine = by_doc.get(d["doc_id"], [])
        for g in d["quotes"]:
            glen = g["end"] - g["start"]
            cov = [
                (
                    sn.overlap(p["start"], p["end"], g["start"], g["end"]),
                    -(p["confidence"] or 0),
                    p["end"] - p["start"],
                    i,
                )
                for i, p in enumerate(mine)
            ]
            cov = [c for c in cov if c[0] / glen >= 0.3]
            if not cov:
                continue
            p = mine[min(cov, key=lambda c: (-c[0], c[1], c[2], c[3]))[3]]
            right = sn.speaker_right(p["speaker"], g["speaker"], g.get("speaker_type", "person"))
            out.append(
                Verdict("news", d["doc_id"], p["rule"], p["confidence"], bool(right), d["doc_id"] in NEWS_HELD_OUT)
            )
    return out


def _polnear_hits(
    sp: ModuleType, d: dict[str, Any], a: dict[str, Any], mine: list[dict[str, Any]], spans: list[tuple[int, int]]
) -> list[dict[str, Any]]:
    """The predictions that find a PolNeAR attribution, as score_polnear.py finds them: 30%
    of its content, or half of a part of it inside quotation marks."""
    segs = [(c["start"], c["end"]) for c in a["content"]]
    inner = sp.marked(d["text"], segs)
    return [
        p
        for p, span in zip(mine, spans)
        if any(sp.cover(g, [span]) >= 0.3 for g in segs) or any(sp.cover(g, [span]) >= 0.5 for g in inner)
    ]


def polnear_verdicts(docs: list[dict[str, Any]], preds: list[dict[str, Any]]) -> list[Verdict]:
    """A verdict per found PolNeAR quotation with a source, as score_polnear.py judges it."""
    sp = scorer("score_polnear")
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in preds:
        if p["kind"] in ("direct", "partial"):
            by_doc.setdefault(p["article"], []).append(p)
    out: list[Verdict] = []
    for n, d in enumerate(docs):
        mine = by_doc.get(d["doc_id"], [])
        spans = [(p["start"], p["end"]) for p in mine]
        named = sorted(
            (a["source"][0]["start"], " ".join(x["text"] for x in a["source"]))
            for a in d["attributions"]
            if a["source"]
            and sp.caps(" ".join(x["text"] for x in a["source"]))
            and not set(sp.words(" ".join(x["text"] for x in a["source"]))) <= sp.PRONOUNS
        )
        for a in d["attributions"]:
            src = " ".join(s["text"] for s in a["source"])
            if not a["direct"] or not src:
                continue
            hits = _polnear_hits(sp, d, a, mine, spans)
            if not hits:
                continue
            best = max(hits, key=lambda p: bool(p["speaker"]))
            if set(sp.words(src)) <= sp.PRONOUNS:
                earlier = [x for x in named if x[0] < a["source"][0]["start"]]
                if not earlier:
                    continue
                right, how = sp.speaker_ok(earlier[-1][1], best["speaker"]), "pronoun"
            else:
                right, how = sp.speaker_ok(src, best["speaker"]), "name"
            held = n >= POLNEAR_HELD_OUT_FROM
            out.append(Verdict("polnear", d["doc_id"], best["rule"], best["confidence"], bool(right), held, how))
    return out


def calibration(verdicts: list[Verdict]) -> dict[str, Any]:
    """Speaker accuracy per confidence band and the expected calibration error, as
    score_news.py computes them."""
    bands: dict[str, Any] = {}
    ece = 0.0
    for lo, hi in BANDS:
        xs = [v for v in verdicts if lo <= v.confidence < hi]
        if xs:
            acc = sum(v.right for v in xs) / len(xs)
            mean = sum(v.confidence for v in xs) / len(xs)
            bands[f"{lo:.2f}-{min(hi, 1):.2f}"] = {
                "n": len(xs),
                "mean_conf": round(mean, 3),
                "speaker_acc": round(acc, 3),
            }
            ece += len(xs) / max(len(verdicts), 1) * abs(acc - mean)
    return {"bands": bands, "ece": round(ece, 3)}


_ARTICLES = ("the ", "a ", "an ")


def speaker_or_mention(docs: list[dict[str, Any]], preds: list[dict[str, Any]]) -> float:
    """PolNeAR's speaker figure on named sources, a unit counted right when the speaker OR
    the attribution's words (the prediction's ``mention``) match the gold source by the
    scorer's own ``speaker_ok``.

    The scorer judges a speaker by the words of its gold source, so "the Florida senator"
    resolved to Marco Rubio, or "the statement" to the campaign that issued it, counts
    wrong there although it is what our users want (news-dev's conventions); with the
    mention also judged, such answers count right and a wrong holder still counts wrong.
    Units are found and the best hit chosen exactly as ``score_polnear.py score`` does.
    The mention's leading article goes ("the report" against "the senator" would share
    "the", which the scorer's rule for generic sources would accept).
    """
    sp = scorer("score_polnear")
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in preds:
        by_doc.setdefault(Path(str(p.get("article", ""))).stem, []).append(p)
    right = total = 0
    for d in docs:
        mine = [p for p in by_doc.get(d["doc_id"], []) if p.get("kind") in ("direct", "partial")]
        spans = [(int(p["start"]), int(p["end"])) for p in mine]
        for a in d["attributions"]:
            src = " ".join(s["text"] for s in a["source"])
            if not a["direct"] or not src or set(sp.words(src)) <= sp.PRONOUNS:
                continue
            hits = _polnear_hits(sp, d, a, mine, spans)
            if not hits:
                continue
            best = max(hits, key=lambda p: bool(p.get("speaker")))
            mention = str((best.get("mention") or {}).get("text") or "")
            while mention.lower().startswith(_ARTICLES):
                mention = mention.split(None, 1)[1] if " " in mention else ""
            total += 1
            right += bool(sp.speaker_ok(src, best.get("speaker")) or sp.speaker_ok(src, mention))
    return round(right / max(total, 1), 3)
