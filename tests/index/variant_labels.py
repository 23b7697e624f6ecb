"""Scores quote-variant groups against the statements labelled by hand in
tests/index/data/variant_labels.yaml (used by test_align.py and bench/bench_align.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import yaml

from index.align import VariantGroup
from index.models import Article, Quote

LABELS = Path(__file__).parent / "data" / "variant_labels.yaml"
Key = tuple[str, int, int]  # (article id, start, end) of a quote


def labels(corpus: str) -> list[dict[str, object]]:
    return list(yaml.safe_load(LABELS.read_text(encoding="utf-8"))[corpus])


@dataclass
class Scores:
    precision: float
    recall: float
    predicted: int  # pairs of labelled quotes put in one group
    right: int
    positives: int  # pairs of quotes labelled as one statement
    unmatched: int  # labelled quotes not found (the extractor changed): left out

    def as_dict(self) -> dict[str, float | int]:
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in self.__dict__.items()}


def score(
    groups: Sequence[VariantGroup],
    quotes: Iterable[Quote],
    articles: Mapping[str, Article],
    speakers: Sequence[dict[str, object]],
) -> Scores:
    """Precision and recall over pairs of labelled quotes in different articles."""
    by_source: dict[tuple[str, str], list[Quote]] = {}
    for q in quotes:
        art = articles.get(q.article)
        if art is not None and q.speaker:
            by_source.setdefault((q.speaker, art.source), []).append(q)
    statement: dict[Key, tuple[str, int]] = {}
    unmatched = 0
    for entry in speakers:
        speaker = str(entry["speaker"])
        for n, members in enumerate(entry["statements"]):  # type: ignore[arg-type]
            for source, words in members:
                candidates = by_source.get((speaker, source), [])
                found = [q for q in candidates if q.text == words] or [q for q in candidates if words in q.text]
                if not found:
                    unmatched += 1
                for q in found:
                    statement[(q.article, q.start, q.end)] = (speaker, n)
    labelled = sorted(statement)
    positives = {(a, b) for a, b in combinations(labelled, 2) if a[0] != b[0] and statement[a] == statement[b]}
    predicted: set[tuple[Key, Key]] = set()
    for g in groups:
        keys = sorted({(q.article, q.start, q.end) for q in g.quotes} & statement.keys())
        predicted |= {(a, b) for a, b in combinations(keys, 2) if a[0] != b[0]}
    right = len(predicted & positives)
    return Scores(
        precision=right / len(predicted) if predicted else 1.0,
        recall=right / len(positives) if positives else 1.0,
        predicted=len(predicted),
        right=right,
        positives=len(positives),
        unmatched=unmatched,
    )


def wrong_pairs(
    groups: Sequence[VariantGroup],
    quotes: Iterable[Quote],
    articles: Mapping[str, Article],
    speakers: Sequence[dict[str, object]],
) -> list[tuple[Quote, Quote]]:
    """Pairs put in one group that the labels say are different statements (for tuning)."""
    by_key = {(q.article, q.start, q.end): q for q in quotes}
    out = []
    s = score(groups, by_key.values(), articles, speakers)  # noqa: F841 (fills nothing; kept simple)
    statement: dict[Key, tuple[str, int]] = {}
    by_source: dict[tuple[str, str], list[Quote]] = {}
    for q in by_key.values():
        art = articles.get(q.article)
        if art is not None and q.speaker:
            by_source.setdefault((q.speaker, art.source), []).append(q)
    for entry in speakers:
        for n, members in enumerate(entry["statements"]):  # type: ignore[arg-type]
            for source, words in members:
                cands = by_source.get((str(entry["speaker"]), source), [])
                for q in [q for q in cands if q.text == words] or [q for q in cands if words in q.text]:
                    statement[(q.article, q.start, q.end)] = (str(entry["speaker"]), n)
    for g in groups:
        keys = sorted({(q.article, q.start, q.end) for q in g.quotes} & statement.keys())
        for a, b in combinations(keys, 2):
            if a[0] != b[0] and statement[a] != statement[b]:
                out.append((by_key[a], by_key[b]))
    return out
