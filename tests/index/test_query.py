"""The query language: one parse, one tree, and AND/OR/NOT meaning the same for every field.

The truth tables search a small corpus written for them (tests/index/data/query_corpus:
six articles, known outlets, dates, quotes, and tags added here) and compare each answer
with what plain Python finds by looking at the articles and quotes themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import product
from pathlib import Path

import pytest

from index.library import Library
from index.models import Article, Quote
from index.query import And, Everything, Fuzzy, Not, Or, Phrase, Range, Wildcard, Word, parse, relax

CORPUS = Path(__file__).parent / "data" / "query_corpus"


# --- the parser ------------------------------------------------------------------------------


def test_precedence_not_then_and_then_or() -> None:
    a, b, c = (Word(None, w, i, i + 1) for i, w in zip((0, 5, 7), "abc"))
    assert parse("a OR b c").root == Or((a, And((b, c))))
    q = parse("a AND NOT b")
    assert isinstance(q.root, And) and isinstance(q.root.items[1], Not)
    assert parse("(a OR b) c").root == And((Or((Word(None, "a", 1, 2), Word(None, "b", 6, 7))), Word(None, "c", 9, 10)))


def test_fields_are_leaves_like_any_other() -> None:
    q = parse("putin NOT tag:esc")
    assert q.root == And((Word(None, "putin", 0, 5), Not(Word("tag", "esc", 10, 17))))
    assert q.ignored == ()  # no bogus "dangling operator"
    q = parse("tag:esc OR putin")
    assert isinstance(q.root, Or) and q.ignored == ()
    q = parse('speaker:"dmitry peskov" kind:direct date:>2024-11-15')
    assert q.about_quotes and q.fields == {"speaker", "kind", "date"}
    assert isinstance(q.root, And)
    phrase, kind, date = q.root.items
    assert phrase == Phrase("speaker", "dmitry peskov", 0, 23) and kind == Word("kind", "direct", 24, 35)
    assert isinstance(date, Range) and (date.low, date.high, date.low_inclusive) == ("2024-11-15", None, False)
    group = parse("speaker:(putin OR peskov)").root
    assert isinstance(group, Or) and {leaf.field for leaf in group.items} == {"speaker"}


def test_words_patterns_fuzzy_and_ranges() -> None:
    (fuzzy, prefix, pattern) = parse("Zelenskyi~2/3 Zapor* Z?l").root.items  # type: ignore[union-attr]
    assert isinstance(fuzzy, Fuzzy) and (fuzzy.text, fuzzy.distance, fuzzy.prefix) == ("Zelenskyi", 2, 3)
    assert isinstance(prefix, Wildcard) and isinstance(pattern, Wildcard)
    r = parse("date:{2024-01-01 TO 2024-02-01]").root
    assert isinstance(r, Range) and not r.low_inclusive and r.high_inclusive
    assert parse("*").root == Everything()
    assert parse("and or not").root == And(
        (Word(None, "and", 0, 3), Word(None, "or", 4, 6), Word(None, "not", 7, 10))
    )  # lower case: words


@pytest.mark.parametrize(
    ("text", "ignored", "kept"),
    [
        ('"freezing the', ['unmatched "'], ["freezing", "the"]),
        ("(Putin AND Trump", ["unmatched ("], ["Putin", "Trump"]),
        ("Putin)", ["unmatched )"], ["Putin"]),
        ("Putin AND", ["dangling operator"], ["Putin"]),
        ("OR Putin", ["dangling operator"], ["Putin"]),
        ("Putin NOT", ["dangling operator"], ["Putin"]),
        ("a OR OR b", ["dangling operator"], ["a", "b"]),
        ('((("', ['unmatched "', "unmatched ("], []),
        ("speakers:putin", ["no field speakers: (searched as words)"], ["speakers:putin"]),
        ("putin NOT tag:esc", [], ["putin", "esc"]),
        ("(a OR b) AND NOT c", [], ["a", "b", "c"]),
    ],
)
def test_what_cannot_be_parsed_is_reported_and_the_rest_kept(text: str, ignored: list[str], kept: list[str]) -> None:
    from index.query import leaves

    q = parse(text)
    assert list(q.ignored) == ignored
    assert [leaf.text for leaf in leaves(q.root)] == kept


def test_relax_drops_what_a_quote_must_not_have() -> None:
    q = parse("speaker:putin NOT kind:reported")
    assert relax(q.root) == Word("speaker", "putin", 0, 13)
    assert relax(parse("NOT kind:direct").root) is None  # any article may hold such a quote
    assert relax(parse("speaker:a OR NOT kind:b").root) is None


# --- the truth tables ----------------------------------------------------------------------------

TAGGED = {"a4": "port", "a5": "port", "a2": "farming"}


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    import os

    base = tmp_path_factory.mktemp("query")
    old = {k: os.environ.get(k) for k in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    for k in old:
        os.environ[k] = str(base / k.lower())
    try:
        library = Library.open(corpus=[CORPUS], use_user_config=False, include_seeds=False)
        library.update()
        for article, tag in TAGGED.items():
            text = library.article(article).text  # type: ignore[union-attr]
            library.add_tag(article, 0, min(20, len(text)), [tag])
        yield library  # type: ignore[misc]
        library.close()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"\b{word}\b", text, re.I) is not None


ArticleTest = Callable[[Article], bool]
# Each atom: the query text, and what it means for an article (in an article search) and,
# where it differs, for a quote (words are the quote's own).
ARTICLE_ATOMS: dict[str, ArticleTest] = {
    "turnip": lambda a: _has_word(a.title + " " + a.text, "turnip"),
    '"blue harbour"': lambda a: "blue harbour" in a.text.lower(),
    "marmal*": lambda a: re.search(r"\bmarmal", a.title + " " + a.text, re.I) is not None,
    "zanzibr~": lambda a: _has_word(a.text, "zanzibar"),
    "title:harbour": lambda a: _has_word(a.title, "harbour"),
    "outlet:alpha": lambda a: a.outlet == "Alpha Daily",
    "date:[2024-02-01 TO 2024-03-01]": lambda a: "2024-02-01" <= a.date <= "2024-03-01",
    "date:>2024-02-15": lambda a: a.date > "2024-02-15",
    "id:a6": lambda a: a.id == "a6",
    "tag:port": lambda a: TAGGED.get(a.id) == "port",
}
QuoteTest = Callable[[Quote, Article], bool]
QUOTE_ATOMS: dict[str, QuoteTest] = {
    "speaker:berg": lambda q, a: q.speaker == "Anna Berg",
    'speaker:"karl olsen"': lambda q, a: q.speaker == "Karl Olsen",
    "kind:direct": lambda q, a: q.kind == "direct",
    "kind:reported": lambda q, a: q.kind == "reported",
}
QUOTE_WORDS: dict[str, QuoteTest] = {
    "harbour": lambda q, a: _has_word(q.text, "harbour"),
    '"blue harbour"': lambda q, a: "blue harbour" in q.text.lower(),
    "marmal*": lambda q, a: re.search(r"\bmarmal", q.text, re.I) is not None,
}

OPS: dict[str, Callable[[bool, bool], bool]] = {
    "{x} AND {y}": lambda x, y: x and y,
    "{x} {y}": lambda x, y: x and y,
    "{x} OR {y}": lambda x, y: x or y,
    "{x} NOT {y}": lambda x, y: x and not y,
    "{x} OR NOT {y}": lambda x, y: x or not y,
    "NOT ({x} OR {y})": lambda x, y: not (x or y),
}


def _articles(lib: Library) -> list[Article]:
    return [a for a in (lib.article(i.id) for i in lib.articles()) if a is not None]


def test_each_article_atom_finds_some_articles_and_not_all(lib: Library) -> None:
    arts = _articles(lib)
    for atom, test in ARTICLE_ATOMS.items():
        expected = {a.id for a in arts if test(a)}
        assert 0 < len(expected) < len(arts), atom
        assert {h.article for h in lib.search(atom, limit=100).hits} == expected, atom


@pytest.mark.parametrize("op", list(OPS))
def test_truth_table_over_article_fields(lib: Library, op: str) -> None:
    arts = _articles(lib)
    for (x, tx), (y, ty) in product(ARTICLE_ATOMS.items(), repeat=2):
        if x == y:
            continue
        q = op.format(x=x, y=y)
        expected = {a.id for a in arts if OPS[op](tx(a), ty(a))}
        result = lib.search(q, limit=100)
        assert result.ignored == (), q
        assert {h.article for h in result.hits} == expected and result.total == len(expected), q


def _of_article(test: ArticleTest) -> QuoteTest:
    return lambda q, a: test(a)


def _quote_cases(lib: Library) -> list[tuple[Quote, Article]]:
    return [(q, a) for a in _articles(lib) for q in lib.quotes(a.id) if q.kind != "other"]


@pytest.mark.parametrize("op", list(OPS))
def test_truth_table_over_quote_fields(lib: Library, op: str) -> None:
    """With `speaker:` or `kind:` the hits are quotes; article fields are the quote's
    article's, words are the quote's own."""
    cases = _quote_cases(lib)
    others: dict[str, QuoteTest] = {
        **{k: _of_article(t) for k, t in ARTICLE_ATOMS.items() if k not in QUOTE_WORDS},
        **QUOTE_WORDS,
        **QUOTE_ATOMS,
    }
    others.pop("turnip")  # in no quote: covered by the article table
    others.pop("zanzibr~")
    for (x, tx), (y, ty) in [
        *product(QUOTE_ATOMS.items(), others.items()),
        *product(others.items(), QUOTE_ATOMS.items()),
    ]:
        if x == y:
            continue
        q = op.format(x=x, y=y)
        expected = {(qt.article, qt.start) for qt, a in cases if OPS[op](tx(qt, a), ty(qt, a))}
        result = lib.search(q, limit=500)
        got = {(h.article, h.quote.start) for h in result.hits if h.quote}
        assert len(got) == len(result.hits), q  # every hit is a quote
        assert got == expected and result.total == len(expected), q


def test_three_way_combinations(lib: Library) -> None:
    arts = _articles(lib)
    a = ARTICLE_ATOMS
    q = "(turnip OR title:harbour) AND NOT outlet:alpha"
    expected = {x.id for x in arts if (a["turnip"](x) or a["title:harbour"](x)) and not a["outlet:alpha"](x)}
    assert {h.article for h in lib.search(q, limit=100).hits} == expected == {"a2", "a4"}
    q = "tag:port OR (marmal* date:>2024-02-01)"
    expected = {x.id for x in arts if a["tag:port"](x) or (a["marmal*"](x) and x.date > "2024-02-01")}
    assert {h.article for h in lib.search(q, limit=100).hits} == expected == {"a3", "a4", "a5"}
    cases = _quote_cases(lib)
    q = "speaker:berg AND (tag:port OR outlet:alpha) NOT kind:partial"
    expected_q = {
        (qt.article, qt.start)
        for qt, art in cases
        if qt.speaker == "Anna Berg" and (TAGGED.get(art.id) == "port" or art.outlet == "Alpha Daily")
        if qt.kind != "partial"
    }
    assert {(h.article, h.quote.start) for h in lib.search(q, limit=100).hits if h.quote} == expected_q
    assert expected_q  # the case is not empty


def test_tag_patterns_and_unknown_tags(lib: Library) -> None:
    assert {h.article for h in lib.search("tag:p*", limit=100).hits} == {"a4", "a5"}
    assert {h.article for h in lib.search("tag:*", limit=100).hits} == {"a2", "a4", "a5"}
    assert lib.search("tag:nothing-so").total == 0
    assert lib.search("tag:nothing-so OR turnip").total == 2
    assert lib.search("turnip NOT tag:nothing-so").total == 2


def test_highlights_leave_out_what_is_negated(lib: Library) -> None:
    hit = lib.search("harbour NOT turnip", limit=10).hits[0]
    marked = {hit.snippets[0].text[s:e].lower() for s, e in hit.snippets[0].marks}
    assert marked == {"harbour"}
    positions = lib.hit_positions("a1", "harbour NOT turnip")
    text = lib.article("a1").text  # type: ignore[union-attr]
    assert positions and {text[s:e].lower() for s, e in positions} == {"harbour"}


def test_did_you_mean_rewrites_the_misspelt_word_where_it_was_typed(lib: Library) -> None:
    result = lib.search("marmalad OR zanzibaar")
    assert result.total >= 1  # marmalad is a stem of marmalade: found
    none = lib.search("title:council zanzibaar")
    assert none.total == 0 and none.suggestion == "title:council zanzibar"
