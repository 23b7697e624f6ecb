"""Benchmark index.align: two 2,000-word articles, and rank_similar over the BBC corpus.

Writes ``bench/results/align.json``. Each figure is the median of several runs; a naive
baseline runs in the same process so the ratio survives a slower or busier machine:

* align vs difflib ``SequenceMatcher.ratio`` over every sentence pair (ratio >= 0.5 links);
* rank_similar with the model's vector cache warm vs re-vectorising every candidate.

Also records sentence-link precision/recall on the labelled seed pairs, per pair and per
split (constants were chosen on tune/check/final; final2 and final3 are only measured),
whether alignment is symmetric, and quote-variant precision/recall against the statements
labelled by hand in tests/index/data/variant_labels.yaml (seeds, and BBC's Tony Blair and
Michael Howard).

Run: ``.venv/bin/python bench/bench_align.py``. Needs the BBC corpus in
../shared/data/bbc/raw (or under $QUOTEWIRE_SHARED).
"""

from __future__ import annotations

import difflib
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from index.align import CorpusModel, align, rank_similar  # noqa: E402
from index.models import Article, Span  # noqa: E402
from index.sentences import split_sentences  # noqa: E402

SHARED = Path(os.environ.get("QUOTEWIRE_SHARED", ROOT.parent / "shared"))
BBC_DIR = SHARED / "data" / "bbc" / "raw"
RESULTS = ROOT / "bench" / "results" / "align.json"
LABELS = ROOT / "tests" / "index" / "data" / "align_labels.yaml"
RUNS = 7


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times) * 1000, 2)


def long_pair(texts: list[str], words: int = 2000) -> tuple[Article, Article]:
    """Two ~2,000-word "outlets" of one story: b rewrites a's sentences and reorders them.

    a is consecutive BBC politics stories; b drops ~15% of each sentence's words, shuffles
    the paragraphs and adds some unrelated sentences, so most sentences have a real
    counterpart (the expensive case for alignment).
    """
    rng = random.Random(7)
    chunks, n, k = [], 0, 0
    while n < words:
        chunks.append(texts[k])
        n += len(texts[k].split())
        k += 1
    a_text = "\n\n".join(chunks)
    paras = [" ".join(w for w in line.split() if rng.random() > 0.15) for line in a_text.split("\n") if line.strip()]
    rng.shuffle(paras)
    paras += [line for line in texts[k + 5].split("\n") if line.strip()][:5]
    return Article(id="a", text=a_text), Article(id="b", text="\n".join(paras))


def naive_align(a: Article, b: Article) -> int:
    """difflib baseline: every sentence pair compared character by character."""
    sa = [a.text[s:e] for s, e in split_sentences(a.text)]
    sb = [b.text[s:e] for s, e in split_sentences(b.text)]
    links = 0
    for x in sa:
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(x)
        for y in sb:
            matcher.set_seq1(y)
            if matcher.real_quick_ratio() >= 0.5 and matcher.quick_ratio() >= 0.5 and matcher.ratio() >= 0.5:
                links += 1
    return links


def label_scores() -> dict[str, object]:
    """Precision/recall of sentence links per labelled seed pair (no model, seed model)."""
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    seeds = {}
    for p in sorted((ROOT / "index" / "seed").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        spans = []
        for snip in labels["boilerplate"].get(p.stem, []):
            i = text.find(snip)
            while i >= 0:
                s, e = text.rfind("\n", 0, i) + 1, text.find("\n", i)
                e = len(text) if e < 0 else e
                spans.append(Span(s, e, "boilerplate"))
                i = text.find(snip, e)
        seeds[p.stem] = Article(id=p.stem, text=text, boilerplate=tuple(spans))
    models = {"no_model": None, "seed_model": CorpusModel.fit(a.text for a in seeds.values())}

    def sentences_with(text: str, snip: str) -> set[tuple[int, int]]:
        spans, found, i = split_sentences(text), set(), text.find(snip)
        while i >= 0:
            found |= {(s, e) for s, e in spans if s <= i < e}
            i = text.find(snip, i + 1)
        return found

    out: dict[str, object] = {}
    for name, model in models.items():
        rows, totals = [], {}
        for pair in labels["pairs"]:
            a, b = seeds[pair["a"]], seeds[pair["b"]]
            gold = {
                (sa, sb)
                for link in pair["links"]
                for sa in sentences_with(a.text, link["a"])
                for snip in link["b"]
                for sb in sentences_with(b.text, snip)
            }
            pred = {((p.a_start, p.a_end), (p.b_start, p.b_end)) for p in align(a, b, model).pairs}
            tp = len(pred & gold)
            rows.append(
                {
                    "pair": f"{pair['a'][:3]}/{pair['b'][:3]}",
                    "split": pair["split"],
                    "precision": round(tp / max(len(pred), 1), 3),
                    "recall": round(tp / len(gold), 3),
                    "tp": tp,
                    "predicted": len(pred),
                    "gold": len(gold),
                }
            )
            t = totals.setdefault(pair["split"], [0, 0, 0])
            t[0], t[1], t[2] = t[0] + tp, t[1] + len(pred), t[2] + len(gold)
        out[name] = {
            "pairs": rows,
            "by_split": {
                k: {"precision": round(v[0] / max(v[1], 1), 3), "recall": round(v[0] / v[2], 3)}
                for k, v in totals.items()
            },
        }
    return out


def variant_scores() -> dict[str, object]:
    """Quote variants against the hand labels: precision and recall over pairs of quotes
    in different articles, grouped over every quote of the labelled speakers."""
    from dataclasses import replace

    from index.align import VARIANT_THRESHOLD, quote_variants
    from index.config import load_config
    from index.corpus import load_corpus
    from index.ingest import Ingestor
    from tests.index.variant_labels import labels, score

    cfg = load_config(use_user_config=False)
    ing = Ingestor(cfg)
    out: dict[str, object] = {"threshold": VARIANT_THRESHOLD}
    for corpus, folders, seeds in (("seeds", [], True), ("bbc", [BBC_DIR], False)):
        if not seeds and not BBC_DIR.is_dir():
            continue
        arts, _ = load_corpus(folders, include_seeds=seeds, boilerplate=cfg.boilerplate)
        arts = [replace(a, id=a.source) for a in arts]  # the labels name articles by file
        by_id = {a.id: a for a in arts}
        speakers = {str(e["speaker"]) for e in labels(corpus)}
        quotes = [q for a in arts for q in ing.extract(a) if q.speaker in speakers]
        model = CorpusModel.fit(a.text for a in arts)
        t0 = time.perf_counter()
        groups = quote_variants(quotes, by_id, model)
        ms = round((time.perf_counter() - t0) * 1000, 1)
        s = score(groups, quotes, by_id, labels(corpus)).as_dict()
        out[corpus] = {
            **s,
            "groups": len(groups),
            "largest_group": max((len(g.quotes) for g in groups), default=0),
            "group_ms": ms,
        }
    return out


def symmetry() -> dict[str, object]:
    """Every pair of seeds aligned both ways: the same links either way round."""
    seeds = [
        Article(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted((ROOT / "index" / "seed").glob("*.txt"))
    ]
    same = 0
    pairs = 0
    most = 0
    for i, a in enumerate(seeds):
        for b in seeds[i + 1 :]:
            ab, ba = align(a, b), align(b, a)
            pairs += 1
            same += {(p.a_start, p.b_start) for p in ab.pairs} == {(p.b_start, p.a_start) for p in ba.pairs}
            for key in ((lambda p: p.a_start), (lambda p: p.b_start)):
                counts: dict[int, int] = {}
                for p in ab.pairs:
                    counts[key(p)] = counts.get(key(p), 0) + 1
                most = max(most, max(counts.values(), default=0))
    return {"seed_pairs": pairs, "symmetric": same, "most_links_of_one_sentence": most}


def main() -> None:
    paths = sorted(BBC_DIR.glob("*/*.txt"))
    if not paths:
        sys.exit(f"BBC corpus not found under {BBC_DIR}")
    bbc = [Article(id=str(p.relative_to(BBC_DIR)), text=read_text(p)) for p in paths]
    results: dict[str, object] = {"python": sys.version.split()[0], "runs": RUNS, "bbc_articles": len(bbc)}

    t0 = time.perf_counter()
    model = CorpusModel.fit(a.text for a in bbc)
    results["model_fit_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    blob = model.to_bytes()
    results["model_bytes"] = len(blob)
    results["model_load_ms"] = median_ms(lambda: CorpusModel.from_bytes(blob), 3)

    politics = [a.text for a in bbc if a.id.startswith("politics")]
    a, b = long_pair(politics)
    al = align(a, b, model)
    results["align"] = {
        "words": [len(a.text.split()), len(b.text.split())],
        "sentences": [len(split_sentences(a.text)), len(split_sentences(b.text))],
        "links": len(al.pairs),
        "median_ms": median_ms(lambda: align(a, b, model)),
        "median_ms_no_model": median_ms(lambda: align(a, b)),
        "baseline_difflib_ms": median_ms(lambda: naive_align(a, b), 3),
        "baseline_links": naive_align(a, b),
    }
    results["align"]["speedup_vs_baseline"] = round(
        results["align"]["baseline_difflib_ms"] / results["align"]["median_ms"], 1
    )

    targets = bbc[:: len(bbc) // RUNS][:RUNS]
    t0 = time.perf_counter()
    rank_similar(targets[0], bbc, model)  # fills the model's vector cache
    cold_ms = round((time.perf_counter() - t0) * 1000, 1)
    times = []
    for t in targets:
        t1 = time.perf_counter()
        rank_similar(t, bbc, model)
        times.append(time.perf_counter() - t1)

    def uncached() -> None:  # baseline: a fresh model copy has no vectors cached
        fresh = CorpusModel(model.n_docs, model.word_df, model.char_df)
        rank_similar(targets[0], bbc, fresh)

    results["rank_similar"] = {
        "candidates": len(bbc),
        "median_ms_warm": round(statistics.median(times) * 1000, 2),
        "first_call_ms": cold_ms,
        "baseline_uncached_ms": median_ms(uncached, 3),
    }
    results["rank_similar"]["speedup_vs_baseline"] = round(
        results["rank_similar"]["baseline_uncached_ms"] / results["rank_similar"]["median_ms_warm"], 1
    )
    results["labelled_seed_pairs"] = label_scores()
    results["symmetry"] = symmetry()
    results["quote_variants"] = variant_scores()

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in results.items() if k != "labelled_seed_pairs"}, indent=2))
    for name, r in results["labelled_seed_pairs"].items():
        print(name, r["by_split"])
        for row in r["pairs"]:
            print(f"  {row['pair']} {row['split']:<6} P={row['precision']:.2f} R={row['recall']:.2f}")


if __name__ == "__main__":
    main()
