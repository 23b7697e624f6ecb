"""Sentence alignment, article ranking, word diffs and quote variants (index.align).

Quality is measured against hand labels in ``data/align_labels.yaml`` (see its header):
each labelled pair is aligned and sentence links are compared with the gold links.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from index.align import (
    Alignment,
    CorpusModel,
    DiffOp,
    SentenceLink,
    _expected_positions,
    _join_compounds,
    _surface,
    align,
    content_words,
    quote_variants,
    rank_similar,
    stem,
    variant_speaker,
    word_diff,
)
from index.models import Article, Quote, Span
from index.sentences import split_sentences
from index.speakers import unnamed

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "index" / "seed"
LABELS = Path(__file__).with_name("data") / "align_labels.yaml"
SHARED = Path(os.environ.get("QUOTEWIRE_SHARED", ROOT.parent / "shared"))
BBC_DIR = SHARED / "data" / "bbc" / "raw"

Link = tuple[tuple[int, int], tuple[int, int]]


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def labels() -> dict:
    return yaml.safe_load(LABELS.read_text(encoding="utf-8"))


def _line_spans(text: str, snippet: str) -> Iterator[Span]:
    """Every line containing ``snippet``, as a boilerplate span."""
    i = text.find(snippet)
    assert i >= 0, f"boilerplate snippet not in text: {snippet!r}"
    while i >= 0:
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        yield Span(start, end, "boilerplate")
        i = text.find(snippet, end)


@pytest.fixture(scope="module")
def seeds(labels: dict) -> dict[str, Article]:
    paths = sorted(SEED_DIR.glob("*.txt"))
    if not paths:
        pytest.skip(f"seed articles missing in {SEED_DIR}")
    out = {}
    for p in paths:
        text = p.read_text(encoding="utf-8")
        spans = tuple(sp for snip in labels["boilerplate"].get(p.stem, []) for sp in _line_spans(text, snip))
        out[p.stem] = Article(id=p.stem, text=text, boilerplate=spans)
    return out


@pytest.fixture(scope="module")
def seed_model(seeds: dict[str, Article]) -> CorpusModel:
    return CorpusModel.fit(a.text for a in seeds.values())


def _sentences_with(text: str, snippet: str) -> set[tuple[int, int]]:
    spans = split_sentences(text)
    found: set[tuple[int, int]] = set()
    i = text.find(snippet)
    assert i >= 0, f"label snippet not in text: {snippet!r}"
    while i >= 0:
        found |= {(s, e) for s, e in spans if s <= i < e}
        i = text.find(snippet, i + 1)
    return found


def _gold(pair: dict, seeds: dict[str, Article]) -> set[Link]:
    ta, tb = seeds[pair["a"]].text, seeds[pair["b"]].text
    out: set[Link] = set()
    for link in pair["links"]:
        for sa in _sentences_with(ta, link["a"]):
            for snip in link["b"]:
                out |= {(sa, sb) for sb in _sentences_with(tb, snip)}
    return out


def _predicted(al: Alignment) -> set[Link]:
    return {((p.a_start, p.a_end), (p.b_start, p.b_end)) for p in al.pairs}


def _counts(labels: dict, seeds: dict[str, Article], split: str, model: CorpusModel | None) -> tuple[int, int, int]:
    tp = n_pred = n_gold = 0
    for pair in labels["pairs"]:
        if pair["split"] != split:
            continue
        gold = _gold(pair, seeds)
        pred = _predicted(align(seeds[pair["a"]], seeds[pair["b"]], model))
        tp, n_pred, n_gold = tp + len(pred & gold), n_pred + len(pred), n_gold + len(gold)
    return tp, n_pred, n_gold


# ----------------------------------------------------------------------------- quality

# Floors sit a little under the measured figures (bench/results/align.json), so a change
# that degrades alignment fails here; they apply both without a model and with a model
# fitted on the seeds. Constants were chosen on tune+check+final; "final2" and "final3"
# (labelled by a second engineer before the second round of changes) were only measured.
# Since a sentence links to at most MAX_LINKS (3) sentences (#15: seven sentences of one
# outlet all linked to the same lead of another), gold links past that number cannot be
# found: "tune" holds such leads (recall 1.0 -> 0.70), the other splits barely moved.
FLOORS = {  # split: (precision, recall)
    "tune": (0.95, 0.68),
    "check": (0.88, 0.58),
    "final": (0.72, 0.38),
    "final2": (0.8, 0.5),
    "final3": (0.5, 0.24),
}


@pytest.mark.parametrize("split", sorted(FLOORS))
@pytest.mark.parametrize("use_model", [False, True], ids=["no-model", "seed-model"])
def test_precision_recall_on_labelled_pairs(labels, seeds, seed_model, split, use_model) -> None:
    tp, n_pred, n_gold = _counts(labels, seeds, split, seed_model if use_model else None)
    assert n_gold > 0
    precision, recall = tp / max(n_pred, 1), tp / n_gold
    p_floor, r_floor = FLOORS[split]
    assert precision >= p_floor, f"{split}: precision {precision:.2f} ({tp}/{n_pred})"
    assert recall >= r_floor, f"{split}: recall {recall:.2f} ({tp}/{n_gold})"


def _pair(labels: dict, a: str, b: str) -> dict:
    return next(p for p in labels["pairs"] if (p["a"][:3], p["b"][:3]) == (a, b))


@pytest.mark.parametrize("ids", [("000", "001"), ("000", "002"), ("001", "002")])
@pytest.mark.parametrize("use_model", [False, True], ids=["no-model", "seed-model"])
def test_close_rewrites_are_aligned_almost_fully(labels, seeds, seed_model, ids, use_model) -> None:
    """Close rewrites of one Reuters story share most facts: precision >= 0.9, and nearly
    every sentence with a counterpart is linked to one (a lead that sums up the story is
    linked to a few of the sentences it sums up, not all: MAX_LINKS).

    Neighbouring sentences on the same sub-topic ("freeze along the front line" next to
    "negotiation over the four regions") must not be linked to each other.
    """
    pair = _pair(labels, *ids)
    gold = _gold(pair, seeds)
    al = align(seeds[pair["a"]], seeds[pair["b"]], seed_model if use_model else None)
    pred = _predicted(al)
    right = pred & gold
    for side, unique in ((0, set(al.only_a)), (1, set(al.only_b))):
        linked = {link[side] for link in gold}
        found = {link[side] for link in right} | (linked - unique)  # linked, or at least not called unique
        assert len(found & linked) / len(linked) >= 0.9, sorted(linked - found)
        assert len({link[side] for link in right}) / len(linked) >= 0.7
    assert len(right) / len(pred) >= 0.9, sorted(pred - gold)


def test_sentences_sharing_only_names_are_not_linked(seeds) -> None:
    """001's "US President-elect Trump ... is returning to the White House" shares only
    "US President-elect Trump" with 002's lead about Putin: a topic, not a fact."""
    a, b = seeds["001_d24cd6795bcd38ab"], seeds["002_d026f6226d862cb6"]
    al = align(a, b)
    returning = next((s, e) for s, e in split_sentences(a.text) if "is returning to the White House" in a.text[s:e])
    assert returning in al.only_a
    assert not any((p.a_start, p.a_end) == returning for p in al.pairs)


LIST_TEXT = (
    "Russia controls more than 100,000 square kilometres of Ukrainian territory, including:\n"
    "Entire Crimea since 2014.\n"
    "Smaller parts of Kharkiv and Mykolaiv regions.\n"
)
FLAT_TEXT = (
    "Russia controls more than 100,000 square kilometres of Ukrainian territory. "
    "It holds the entire Crimea since 2014. "
    "Smaller parts of Kharkiv and Mykolaiv regions are also held.\n"
)
WITHDRAW_TEXT = (
    "Kyiv rejects any talks. Russia may withdraw from the relatively small parts of the Kharkiv "
    "and Mykolaiv regions it holds, two officials said. The war goes on."
)


def test_list_fragment_needs_more_than_shared_place_names() -> None:
    """A list item ("Smaller parts of Kharkiv and Mykolaiv regions.") shares place names with
    a sentence about withdrawing from them: not the same fact. The same words written as a
    sentence of their own do get linked, so it is the list context that decides."""
    other = Article(id="o", text=WITHDRAW_TEXT)
    listed = align(Article(id="l", text=LIST_TEXT), other)
    flat = align(Article(id="f", text=FLAT_TEXT), other)
    assert not any("Kharkiv" in LIST_TEXT[p.a_start : p.a_end] for p in listed.pairs)
    assert any("Kharkiv" in FLAT_TEXT[p.a_start : p.a_end] for p in flat.pairs)


def test_many_to_one_lead_sentence(seeds) -> None:
    """001's lead covers 000's "open to talks", "no concessions" and "no NATO" sentences:
    it is linked to a few of them (at most MAX_LINKS), and none of them is called unique."""
    from index.align import MAX_LINKS

    a, b = seeds["000_3db5e493d445b404"], seeds["001_d24cd6795bcd38ab"]
    al = align(a, b)
    lead = split_sentences(b.text)[0]
    covered = {a.text[p.a_start : p.a_end] for p in al.pairs if (p.b_start, p.b_end) == lead}
    assert 2 <= len(covered) <= MAX_LINKS
    unique = {a.text[s:e] for s, e in al.only_a}
    for words in ("excludes any significant territorial concessions", "abandon ambitions related to joining NATO"):
        sentence = next(a.text[s:e] for s, e in split_sentences(a.text) if words in a.text[s:e])
        assert sentence in covered or sentence not in unique


def test_alignment_is_symmetric_and_a_sentence_has_a_few_partners(seeds) -> None:
    """Swapping the two articles gives the same pairs and counts; no sentence on either
    side links to more than MAX_LINKS (000 and 002: seven of 000 linked to the same two)."""
    from collections import Counter

    from index.align import MAX_LINKS

    ids = sorted(seeds)
    for x in ids:
        for y in ids:
            if x >= y:
                continue
            ab, ba = align(seeds[x], seeds[y]), align(seeds[y], seeds[x])
            assert {(p.a_start, p.a_end, p.b_start, p.b_end) for p in ab.pairs} == {
                (p.b_start, p.b_end, p.a_start, p.a_end) for p in ba.pairs
            }, (x, y)
            assert (ab.only_a, ab.only_b) == (ba.only_b, ba.only_a)
            for side in (lambda p: (p.a_start, p.a_end), lambda p: (p.b_start, p.b_end)):
                assert max(Counter(map(side, ab.pairs)).values(), default=0) <= MAX_LINKS, (x, y)


def test_paraphrased_statement_is_linked(seeds) -> None:
    a, b = seeds["000_3db5e493d445b404"], seeds["002_d026f6226d862cb6"]
    al = align(a, b)
    linked = {(a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end]) for p in al.pairs}
    assert any("will not work in any way" in x and "“not suit”" in y for x, y in linked)


def _overlaps(start: int, end: int, spans: tuple[Span, ...]) -> bool:
    return any(start < sp.end and sp.start < end for sp in spans)


@pytest.mark.parametrize("ids", [("001", "002"), ("002", "004"), ("001", "004")])
def test_boilerplate_is_never_aligned_nor_unique(seeds, ids) -> None:
    a, b = (next(v for k, v in seeds.items() if k.startswith(i)) for i in ids)
    assert a.boilerplate and b.boilerplate
    al = align(a, b)
    for p in al.pairs:
        assert not _overlaps(p.a_start, p.a_end, a.boilerplate)
        assert not _overlaps(p.b_start, p.b_end, b.boilerplate)
    assert not any(_overlaps(s, e, a.boilerplate) for s, e in al.only_a)
    assert not any(_overlaps(s, e, b.boilerplate) for s, e in al.only_b)


def test_every_content_sentence_is_linked_or_unique(seeds) -> None:
    a, b = seeds["001_d24cd6795bcd38ab"], seeds["002_d026f6226d862cb6"]
    al = align(a, b)
    linked_a = {(p.a_start, p.a_end) for p in al.pairs}
    unique_a = set(al.only_a)
    assert not linked_a & unique_a
    content = {(s, e) for s, e in split_sentences(a.text) if not _overlaps(s, e, a.boilerplate)}
    assert linked_a | unique_a == content


def test_unique_sentences_are_reported(seeds) -> None:
    a, b = seeds["002_d026f6226d862cb6"], seeds["001_d24cd6795bcd38ab"]
    al = align(a, b)
    only_a = [a.text[s:e] for s, e in al.only_a]
    only_b = [b.text[s:e] for s, e in al.only_b]
    # Security guarantees and Istanbul are only in Meduza; Zelenskiy and Cheung only in 001.
    assert any("security guarantees" in s for s in only_a)
    assert any("Istanbul" in s for s in only_a)
    assert any("Zelenskiy" in s for s in only_b)
    assert any("Steven Cheung" in s for s in only_b)


# ----------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("uk", "us"),
    [
        ("neighbour", "neighbor"),
        ("analysed", "analyzed"),
        ("travelled", "traveled"),
        ("authorisation", "authorization"),
        ("defence", "defense"),
    ],
)
def test_uk_and_us_spellings_share_a_stem(uk: str, us: str) -> None:
    assert stem(content_words(uk)[0]) == stem(content_words(us)[0])


def test_numbers_and_percentages_are_normalised() -> None:
    assert "100000" in content_words("over 100,000 square kilometres")
    assert content_words("70% of the land") == content_words("70 per cent of the land")


def test_attribution_is_not_content() -> None:
    """Who passed a fact on is not the fact: outlets repeat it around different facts."""
    words = content_words("five current and former officials familiar with the matter said")
    assert words == ["five", "matter"]


def test_compounds_are_joined_only_when_the_pair_uses_the_joined_word() -> None:
    joined = _join_compounds([[["current", "front", "lines"]], [["current", "frontlines"]]])
    assert joined[0] == [["current", "frontlines"]]
    alone = _join_compounds([[["current", "front", "lines"]], [["current", "war"]]])
    assert alone[0] == [["current", "front", "lines"]]


def test_first_names_are_found_from_both_articles() -> None:
    a = "Russian President Vladimir Putin spoke. Dmitry Peskov said Putin was ready."
    b = "Peskov cautioned that Putin would not accept a freeze. The Kremlin spoke."
    first, _ = _surface([(a, split_sentences(a)), (b, split_sentences(b))])
    assert {"vladimir", "dmitry"} <= first
    assert not first & {"russian", "president", "putin", "peskov", "kremlin"}


def test_expected_positions_follow_the_backbone_not_the_diagonal() -> None:
    """b opens with five sentences a does not have: a's sentence k is expected at k + 5."""
    content = {(k, k + 5): 0.9 for k in range(5)}
    expected = _expected_positions(content, 5, 10)
    assert expected == pytest.approx([5, 6, 7, 8, 9])
    assert _expected_positions({}, 3, 3) == pytest.approx([0, 1, 2])


# ----------------------------------------------------------------------------- robustness


def test_empty_article() -> None:
    empty = Article(id="e", text="")
    other = Article(id="o", text="Putin spoke to Trump. The talks were long.")
    al = align(empty, other)
    assert al.pairs == () and al.only_a == ()
    assert len(al.only_b) == 2
    assert align(empty, empty) == Alignment("e", "e", (), (), ())


def test_article_with_only_boilerplate() -> None:
    text = "Sign up for our newsletter.\nContinues after advertising"
    bp = Article(id="bp", text=text, boilerplate=(Span(0, 27, "plea"), Span(28, len(text), "ad")))
    other = Article(id="o", text="Sign up for our newsletter. Putin spoke.")
    al = align(bp, other)
    assert al.pairs == () and al.only_a == ()


def test_identical_articles_link_every_sentence_to_itself(seeds) -> None:
    a = seeds["000_3db5e493d445b404"]
    al = align(a, Article(id="copy", text=a.text))
    assert al.only_a == () and al.only_b == ()
    for s, e in split_sentences(a.text):
        assert SentenceLink(s, e, s, e, 1.0) in al.pairs or any(
            (p.a_start, p.a_end, p.b_start, p.b_end) == (s, e, s, e) for p in al.pairs
        )


def test_to_json_shape(seeds) -> None:
    a, b = seeds["000_3db5e493d445b404"], seeds["002_d026f6226d862cb6"]
    data = align(a, b).to_json()
    assert set(data) == {"a", "b", "pairs", "only_a", "only_b"}
    assert data["a"] == a.id and data["b"] == b.id
    assert set(data["pairs"][0]) == {"a_start", "a_end", "b_start", "b_end", "score"}
    assert all(set(u) == {"start", "end"} for u in data["only_a"] + data["only_b"])


def test_model_round_trips_through_bytes(seed_model, seeds) -> None:
    again = CorpusModel.from_bytes(seed_model.to_bytes())
    assert again.n_docs == seed_model.n_docs == len(seeds)
    assert again.word_df == seed_model.word_df and again.char_df == seed_model.char_df
    a, b = seeds["000_3db5e493d445b404"], seeds["004_0d9989bd3b25f316"]
    assert align(a, b, again) == align(a, b, seed_model)


def test_model_rejects_foreign_bytes() -> None:
    with pytest.raises(ValueError):
        CorpusModel.from_bytes(b"not a model")


# ----------------------------------------------------------------------------- word_diff


def test_word_diff_ops_and_offsets() -> None:
    a = "Russia will not accept a freeze."
    b = "Russia would never accept a freeze of the conflict."
    ops = word_diff(a, b, a_offset=100, b_offset=200)
    assert [o.op for o in ops] == ["equal", "replace", "equal", "insert", "equal"]
    rep = ops[1]
    assert a[rep.a_start - 100 : rep.a_end - 100] == "will not"
    assert b[rep.b_start - 200 : rep.b_end - 200] == "would never"
    ins = ops[3]
    assert ins.a_start == ins.a_end == 100 + a.index(".")
    assert b[ins.b_start - 200 : ins.b_end - 200] == "of the conflict"


def test_word_diff_on_a_linked_pair_uses_absolute_offsets(seeds) -> None:
    a, b = seeds["000_3db5e493d445b404"], seeds["001_d24cd6795bcd38ab"]
    link = next(p for p in align(a, b).pairs if "Kharkiv" in a.text[p.a_start : p.a_end])
    ops = word_diff(a.text[link.a_start : link.a_end], b.text[link.b_start : link.b_end], link.a_start, link.b_start)
    equal = [o for o in ops if o.op == "equal"]
    assert equal
    for o in equal:  # equal ops slice the same words out of both original texts
        assert a.text[o.a_start : o.a_end].lower().split() == b.text[o.b_start : o.b_end].lower().split()
    assert all(link.a_start <= o.a_start <= o.a_end <= link.a_end for o in ops)
    assert all(link.b_start <= o.b_start <= o.b_end <= link.b_end for o in ops)
    kinds = {o.op for o in ops}
    assert kinds <= {"equal", "insert", "delete", "replace"} and len(kinds) > 1


def test_word_diff_of_empty_and_identical() -> None:
    assert word_diff("", "") == []
    assert word_diff("Same words.", "Same words.") == [DiffOp("equal", 0, 11, 0, 11)]
    assert word_diff("", "New text", 5, 7) == [DiffOp("insert", 5, 5, 7, 15)]


# ----------------------------------------------------------------------------- rank_similar


def test_rank_similar_on_seeds(seeds, seed_model) -> None:
    arts = list(seeds.values())
    target = seeds["000_3db5e493d445b404"]
    ranked = rank_similar(target, arts, seed_model)
    ids = [i for i, _ in ranked]
    assert target.id not in ids and len(ids) == len(arts) - 1
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)
    # The two close Reuters rewrites rank above the loose V7N piece.
    assert ids.index("003_58a5281f7ed52c9a") >= 2
    unrelated = Article(id="bbc", text="Chelsea beat Arsenal 2-0 in the Premiership on Sunday.")
    assert rank_similar(target, [*arts, unrelated], seed_model)[-1][0] == "bbc"


def _read_latin(path: str) -> str:
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def test_rank_similar_on_bbc_finds_same_section() -> None:
    paths = sorted(str(p) for p in BBC_DIR.glob("*/*.txt"))
    if not paths:
        pytest.skip(f"BBC corpus not found in {BBC_DIR} (set QUOTEWIRE_SHARED)")
    paths = paths[::6]  # ~370 articles over all five sections keeps the test fast
    arts = [Article(id=p, text=_read_latin(p)) for p in paths]
    model = CorpusModel.fit(a.text for a in arts)
    section = lambda p: os.path.basename(os.path.dirname(p))  # noqa: E731
    hits = 0
    targets = arts[::15]
    for t in targets:
        best = rank_similar(t, arts, model, limit=1)[0][0]
        hits += section(best) == section(t.id)
    assert hits / len(targets) >= 0.8


# ----------------------------------------------------------------------------- quote variants


def _quote(seeds: dict[str, Article], prefix: str, text: str, kind: str, speaker: str) -> Quote:
    art = next(v for k, v in seeds.items() if k.startswith(prefix))
    start = art.text.index(text)
    return Quote(article=art.id, start=start, end=start + len(text), text=text, kind=kind, speaker=speaker)


@pytest.fixture(scope="module")
def seed_quotes(seeds) -> dict[str, Quote]:
    peskov, putin = "Dmitry Peskov", "Vladimir Putin"
    q = lambda *args: _quote(seeds, *args)  # noqa: E731
    return {
        "000-freeze": q(
            "000", "Putin has already said that freezing the conflict will not work in any way,", "direct", peskov
        ),
        "000-missiles": q("000", "And the missile authorisation is a very dangerous escalation", "direct", peskov),
        "002-not-suit": q("002", "not suit", "partial", peskov),
        "002-goals": q("002", "achieve its goals.", "partial", peskov),
        "002-added": q("002", "He added that Putin has repeatedly expressed willingness", "reported", peskov),
        "004-freezing": q("004", "freezing", "partial", peskov),
        "004-cautioned": q("004", "While Peskov confirmed President Vladimir Putin’s readiness", "reported", peskov),
        "001-realities": q("001", "realities", "partial", putin),
        "001-valdai": q("001", "If there is no neutrality, it is difficult to imagine", "direct", putin),
        "003-hinted": q("003", "Putin has hinted at the possibility of withdrawing troops", "reported", putin),
        "004-title": q("004", "freezing", "other", None),
    }


def _group_of(groups, quote: Quote):
    return next((g for g in groups if quote in g.quotes), None)


@pytest.fixture(scope="module")
def extracted() -> tuple[dict[str, Article], list[Quote]]:
    """The seeds as the index reads them (boilerplate, ids), with the quotes it extracts."""
    from index.config import load_config
    from index.corpus import load_corpus
    from index.ingest import Ingestor

    cfg = load_config(use_user_config=False)
    arts, _ = load_corpus([], include_seeds=True, boilerplate=cfg.boilerplate)
    ing = Ingestor(cfg)
    return {a.id: a for a in arts}, [q for a in arts for q in ing.extract(a)]


@pytest.mark.parametrize("use_model", [False, True], ids=["no-model", "seed-model"])
def test_peskov_freeze_statement_grouped_across_three_articles(extracted, seed_model, use_model) -> None:
    arts, quotes = extracted
    groups = quote_variants(quotes, arts, seed_model if use_model else None)
    freeze = next(q for q in quotes if q.text.startswith("Putin has already said that freezing"))
    group = _group_of(groups, freeze)
    assert group is not None and group.speaker == "Dmitry Peskov"
    texts = {x.text for x in group.quotes}
    assert {"not suit", "freezing"} <= texts  # Meduza's and 004's wordings
    assert {x.article[:3] for x in group.quotes} == {"000", "002", "004"}
    # Peskov's other statements are not this one: the missile escalation, and "readiness
    # for dialogue", which 004 has in the same sentence as the freezing.
    assert not any(t.startswith(("And the missile", "While Peskov confirmed", "He added")) for t in texts)


def test_seed_variant_groups_hold_only_one_statement_each(extracted, seed_model) -> None:
    """Scored against the hand labels (data/variant_labels.yaml): no group mixes two
    statements, and at least half the labelled pairs are found."""
    from tests.index.variant_labels import labels, score

    arts, quotes = extracted
    s = score(quote_variants(quotes, arts, seed_model), quotes, arts, labels("seeds"))
    assert s.unmatched == 0
    assert s.precision == 1.0 and s.recall >= 0.5, s


def test_a_speakers_groups_do_not_depend_on_who_else_is_grouped(extracted, seed_model) -> None:
    arts, quotes = extracted
    everyone = quote_variants(quotes, arts, seed_model)
    for speaker in ("Dmitry Peskov", "Vladimir Putin", "anonymous sources"):
        # (sources no article names, "officials" or "Kremlin insiders", are compared as one)
        alone = quote_variants([q for q in quotes if variant_speaker(q.speaker or "") == speaker], arts, seed_model)
        assert alone == [g for g in everyone if variant_speaker(g.quotes[0].speaker or "") == speaker]
        assert alone


def test_unnamed_sources_however_described_are_compared_as_one(extracted, seed_model) -> None:
    """An anonymously sourced statement renders as "officials" in one outlet and "Kremlin
    insiders" in another: one group, each quote keeping the speaker its article gives."""
    arts, quotes = extracted
    groups = [g for g in quote_variants(quotes, arts, seed_model) if len({q.speaker for q in g.quotes}) > 1]
    assert groups
    for g in groups:
        assert g.speaker == "anonymous sources" and all(unnamed(q.speaker) for q in g.quotes)


def test_bbc_variant_groups_are_statements_not_everything_a_speaker_said() -> None:
    """Single link once put 269 of Tony Blair's quotes on BBC in one group.

    A group is bounded by its renderings (articles), not its records: one sentence gives
    several records ("The Tory leader said his team had reached a "collective view" after a
    "good discussion", but admitted it was "not an easy issue"": two clauses and three
    quoted phrases), and that statement, rendered by three articles, is one group of 15."""
    if not BBC_DIR.is_dir():
        pytest.skip(f"{BBC_DIR} is not here (../shared is only beside development checkouts)")
    from dataclasses import replace

    from index.config import load_config
    from index.corpus import load_corpus
    from index.ingest import Ingestor
    from tests.index.variant_labels import labels, score

    cfg = load_config(use_user_config=False)
    arts, _ = load_corpus([BBC_DIR / "politics"], include_seeds=False, boilerplate=cfg.boilerplate)
    arts = [replace(a, id="politics/" + a.source) for a in arts]  # ids as the labels name them
    arts = [replace(a, source=a.id) for a in arts]
    ing = Ingestor(cfg)
    wanted = {"Tony Blair", "Michael Howard"}
    quotes = [q for a in arts for q in ing.extract(a) if q.speaker in wanted]
    by_id = {a.id: a for a in arts}
    groups = quote_variants(quotes, by_id, CorpusModel.fit(a.text for a in arts))
    assert max(len({q.article for q in g.quotes}) for g in groups) <= 8
    assert max(len(g.quotes) for g in groups) <= 20
    s = score(groups, quotes, by_id, labels("bbc"))
    # (11 labelled quotes are no longer found as labelled, each read by hand: 7 are not
    # Blair's or Howard's words ("may be one of those special occasions" is Michael Mates's,
    # "I think in public you see this double-act" Robert Peston's twice, "Robert Kilroy Silk
    # is not a team player" Dick Morris's, one Blair's official spokesman's), 3 are a
    # programme's name or words outside any quotation mark, and one is "Mr Blair" in an
    # article that writes "Tony Blair" only inside quotations, which are not its own words;
    # two more since a "he" the quotation names is someone else: "I'm the General Election
    # co-ordinator and I don't know, and Tony has not made up his mind" is Alan Milburn's, and
    # "what he said were Labour's achievements" after it now goes wrongly to Milburn too, the
    # last to speak, though the sentence's "he" is the prime minister; and one more since a "he"
    # is no one the clause it reports names: "he insisted he still trusted Mr Blair" is the
    # chancellor's, labelled here among Blair's quotes only because the engine once said so; and
    # one since a closing ", argued Mr Howard." attributes its sentence: "It was no good Mr Blair
    # claiming tax pledges were being left to the manifesto …, argued Mr Howard" is one record,
    # Howard's, where the sentence was Blair's)
    assert s.unmatched <= 15 and s.precision >= 0.85 and s.recall >= 0.7, s


def test_variants_need_the_same_speaker_and_skip_non_speech(seeds, seed_quotes) -> None:
    groups = quote_variants(list(seed_quotes.values()), seeds)
    assert _group_of(groups, seed_quotes["004-title"]) is None
    assert _group_of(groups, seed_quotes["000-missiles"]) is None
    for g in groups:
        assert len({x.article for x in g.quotes}) >= 2
        assert len({x.speaker for x in g.quotes}) == 1


def test_variants_of_nothing() -> None:
    assert quote_variants([], {}) == []


def test_boilerplate_inside_a_sentence_is_cut_out_of_it() -> None:
    text = "Putin is open to talks with Trump. ADVERT HERE Putin rejects concessions."
    ad = text.index("ADVERT HERE")
    a = Article(id="a", text=text, boilerplate=(Span(ad, ad + len("ADVERT HERE"), "ad"),))
    b = Article(id="b", text="Putin is open to talks with Trump. Putin rejects any concessions.")
    al = align(a, b)
    spans = [(p.a_start, p.a_end) for p in al.pairs] + list(al.only_a)
    assert spans and all(not _overlaps(s, e, a.boilerplate) for s, e in spans)
    assert any(text[s:e] == "Putin rejects concessions." for s, e in spans)


def test_model_from_other_stemming_rules_is_refused(seed_model) -> None:
    import json
    import zlib

    payload = json.loads(zlib.decompress(seed_model.to_bytes()))
    payload["normaliser"] = -1
    with pytest.raises(ValueError, match="refit"):
        CorpusModel.from_bytes(zlib.compress(json.dumps(payload).encode()))
