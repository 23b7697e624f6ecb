"""Confidence: the measured speaker accuracy of the rule that made an attribution.

Reads ``confidence.json`` beside this file, written by ``bench/calibrate_quotes.py``
from the development sets (news-dev and PolNeAR train, their held-out slices left
out); returns, for a rule id (``rules.RULES``), the share of its quotations whose
speaker was right there. No number is written by hand: to change one, change the rule
or the data and run the script again.
"""

from __future__ import annotations

import json
from pathlib import Path

from .rules import RULES

TABLE = Path(__file__).with_name("confidence.json")


def _load() -> dict[str, float]:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    table = {rule: float(row["confidence"]) for rule, row in data["rules"].items()}
    missing = set(RULES) - set(table)
    if missing:
        raise RuntimeError(f"{TABLE.name} has no confidence for {sorted(missing)}: run bench/calibrate_quotes.py")
    return table


CONFIDENCE: dict[str, float] = _load()
