"""Measure each attribution rule's speaker accuracy and write the confidence table.

``index/quotes/confidence.json`` maps every rule id (``index/quotes/rules.py``) to the
share of its quotations whose speaker was right on the development sets, so that a
confidence always has a measurement behind it:

    confidence = (right_news + w * right_polnear + 1) / (n_news + w * n_polnear + 2)

over the gold quotations each rule attributed (``quote_sets.py`` finds and judges them
as the shared scorers do), the held-out slices left out. The two sets weigh the same in
total (w = news units / PolNeAR units): news-dev is the kind of text the reader is for,
PolNeAR has ten times more quotations of the rules that news-dev rarely meets. The
``+1 / +2`` keeps a rule seen a few times from claiming 0 or 1. A rule neither set meets
gets the confidence of all the quotations its family makes (a name, a pronoun, ...).

Run: ``.venv/bin/python bench/calibrate_quotes.py`` (after changing a rule: the
extraction key hashes the table, so the index is rebuilt with the new numbers).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import quote_sets as qs  # noqa: E402

from index.quotes.rules import RULES, SPEAKERLESS, family  # noqa: E402

TABLE = ROOT / "index" / "quotes" / "confidence.json"


def counts(verdicts: list[qs.Verdict]) -> dict[str, list[int]]:
    """rule -> [news n, news right, PolNeAR n, PolNeAR right], held-out slices left out."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for v in verdicts:
        if v.held_out:
            continue
        i = 0 if v.set == "news" else 2
        out[v.rule][i] += 1
        out[v.rule][i + 1] += v.right
    return out


def table(verdicts: list[qs.Verdict]) -> dict[str, dict[str, object]]:
    c = counts(verdicts)
    news_n = sum(x[0] for x in c.values())
    polnear_n = sum(x[2] for x in c.values())
    w = news_n / max(polnear_n, 1)
    rows: dict[str, dict[str, object]] = {}
    for rule in RULES:
        n, k, pn, pk = c.get(rule, [0, 0, 0, 0])
        if rule in SPEAKERLESS:
            conf = 0.0  # no speaker: never a right one
        elif n + pn == 0:
            conf = None
        else:
            conf = (k + w * pk + 1) / (n + w * pn + 2)
        rows[rule] = {"confidence": conf, "news": [k, n], "polnear": [pk, pn]}
    # rules no set meets: the accuracy of their family's quotations
    for rule, row in rows.items():
        if row["confidence"] is None:
            fam = [r for r in rows if family(r) == family(rule) and rows[r]["confidence"] is not None]
            k = sum(c.get(r, [0, 0, 0, 0])[1] + w * c.get(r, [0, 0, 0, 0])[3] for r in fam)
            n = sum(c.get(r, [0, 0, 0, 0])[0] + w * c.get(r, [0, 0, 0, 0])[2] for r in fam)
            row["confidence"] = (k + 1) / (n + 2)
            row["from_family"] = True
    for row in rows.values():
        row["confidence"] = round(float(row["confidence"]), 3)  # type: ignore[arg-type]
    return rows


def main() -> int:
    if not qs.NEWS.is_dir() or not qs.POLNEAR.is_file():
        print(f"development sets not found under {qs.SHARED} (set QUOTEWIRE_SHARED): table unchanged")
        return 0
    docs = qs.polnear_docs()
    verdicts = qs.news_verdicts(qs.predict(qs.NEWS / "articles")) + qs.polnear_verdicts(
        docs, qs.polnear_predictions(docs)
    )
    rows = table(verdicts)
    data = {
        "generated_by": "bench/calibrate_quotes.py",
        "method": (
            "(right_news + w * right_polnear + 1) / (n_news + w * n_polnear + 2) over the gold quotations "
            "each rule attributed, held-out slices (news-dev every fifth article, PolNeAR 600-839) left out; "
            "w makes the two sets weigh the same; a rule neither set meets takes its family's figure"
        ),
        "rules": rows,
    }
    TABLE.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    width = max(map(len, rows))
    for rule, row in sorted(rows.items(), key=lambda r: -r[1]["confidence"]):  # type: ignore[operator]
        news, pol = row["news"], row["polnear"]
        print(f"{rule:<{width}}  {row['confidence']:.3f}  news {news[0]}/{news[1]}  PolNeAR {pol[0]}/{pol[1]}")
    print(f"wrote {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
