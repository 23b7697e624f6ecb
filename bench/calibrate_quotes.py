"""Measure each attribution rule's speaker accuracy and write the confidence table.

``index/quotes/confidence.json`` maps every rule id (``index/quotes/rules.py``) to the
share of its quotations whose speaker was right on the development sets, so that a
confidence always has a measurement behind it:

    confidence = (right_news + M * prior) / (n_news + M),  prior = (right_polnear + 1) / (n_polnear + 2)

over the gold quotations each rule attributed (``quote_sets.py`` finds and judges them
as the shared scorers do, news-dev ``--lenient`` as the issues score it), the held-out
slices left out. News-dev is the kind of text the reader is for, so its count decides
where it has seen the rule; PolNeAR, with ten times more quotations of the rules news-dev
rarely meets, is the prior worth M = 5 quotations (empirical Bayes: a rule news-dev met
twice keeps mostly PolNeAR's figure, one it met 100 times its own). A rule PolNeAR cannot
judge, or neither set meets, takes as prior the figure of all the quotations its family
makes (a name, a pronoun, ...).

M was chosen on the tuning articles and checked on the held-out ones (``make eval``
prints the calibration of both): 2 or 5 fit news-dev best, 10 or more drift toward
PolNeAR's accuracy, which is lower for the same rules on US politics of 2016.

Run: ``.venv/bin/python bench/calibrate_quotes.py`` (after changing a rule: the
extraction key hashes the table, so the index is rebuilt with the new numbers).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import quote_sets as qs  # noqa: E402

from index.quotes.rules import RULES, SPEAKERLESS, family  # noqa: E402

TABLE = ROOT / "index" / "quotes" / "confidence.json"


# Rules that resolve a description or a document to whom it means ("the Florida senator" ->
# Marco Rubio, "the report" -> its issuer): PolNeAR's scorer judges a speaker by the words of
# its source, so it counts every such answer wrong, right or not; their figure is news-dev's.
NOT_JUDGED_BY_POLNEAR = frozenset(
    {"role-stated", "role-salient", "role-registry", "org-description", "document-issuer", "quoting"}
)


def counts(verdicts: list[qs.Verdict]) -> dict[str, list[int]]:
    """rule -> [news n, news right, PolNeAR n, PolNeAR right], held-out slices left out."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for v in verdicts:
        if v.held_out or v.set == "polnear" and v.rule in NOT_JUDGED_BY_POLNEAR:
            continue
        i = 0 if v.set == "news" else 2
        out[v.rule][i] += 1
        out[v.rule][i + 1] += v.right
    return out


M = 5  # how many news-dev quotations PolNeAR's figure for a rule is worth


def table(verdicts: list[qs.Verdict]) -> dict[str, dict[str, object]]:
    c = counts(verdicts)
    news_n = sum(x[0] for x in c.values())
    polnear_n = sum(x[2] for x in c.values())
    w = news_n / max(polnear_n, 1)  # (the family figure weighs the two sets the same)

    def family_figure(rule: str) -> float:
        fam = [r for r in RULES if family(r) == family(rule) and r not in SPEAKERLESS]
        k = sum(c.get(r, [0, 0, 0, 0])[1] + w * c.get(r, [0, 0, 0, 0])[3] for r in fam)
        n = sum(c.get(r, [0, 0, 0, 0])[0] + w * c.get(r, [0, 0, 0, 0])[2] for r in fam)
        return (k + 1) / (n + 2)

    rows: dict[str, dict[str, object]] = {}
    for rule in RULES:
        n, k, pn, pk = c.get(rule, [0, 0, 0, 0])
        row: dict[str, object] = {"news": [k, n], "polnear": [pk, pn]}
        if rule in SPEAKERLESS:
            conf = 0.0  # no speaker: never a right one
        else:
            prior = (pk + 1) / (pn + 2) if pn else family_figure(rule)
            conf = (k + M * prior) / (n + M)
            if not pn:
                row["prior"] = "family"
        row["confidence"] = round(conf, 3)
        rows[rule] = row
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
            f"(right_news + {M} * prior) / (n_news + {M}), prior = (right_polnear + 1) / (n_polnear + 2), over "
            "the gold quotations each rule attributed (news-dev judged --lenient), held-out slices (news-dev "
            "every fifth article, PolNeAR 600-839) left out; a rule PolNeAR cannot judge or neither set meets "
            "takes its family's figure as prior; the rules that resolve a description or a document to whom it "
            "means are not judged on PolNeAR (its scorer judges a speaker by the words of its source)"
        ),
        "rules": rows,
    }
    TABLE.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    width = max(map(len, rows))
    for rule, row in sorted(rows.items(), key=lambda r: -r[1]["confidence"]):  # type: ignore[operator]
        news, pol = cast(list[int], row["news"]), cast(list[int], row["polnear"])
        print(f"{rule:<{width}}  {row['confidence']:.3f}  news {news[0]}/{news[1]}  PolNeAR {pol[0]}/{pol[1]}")
    print(f"wrote {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
