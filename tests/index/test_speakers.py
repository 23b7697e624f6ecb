"""The speaker registry: canonical names, aliases, roles, query matching, index terms."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from index.models import Speaker
from index.speakers import SpeakerRegistry

CONFIG = Path(__file__).resolve().parents[2] / "config.yaml"


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    entries = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["speakers"]
    return SpeakerRegistry.from_config(entries)


def test_from_config_builds_speakers(registry: SpeakerRegistry) -> None:
    names = [s.name for s in registry.speakers]
    assert "Dmitry Peskov" in names and "Vladimir Putin" in names
    peskov = registry.get("Dmitry Peskov")
    assert isinstance(peskov, Speaker)
    assert peskov.gender == "male"
    assert "Peskov" in peskov.aliases


@pytest.mark.parametrize(
    "mention",
    ["Peskov", "Dmitry Peskov", "Dmitri Peskov", "dmitry  peskov", "Dmitry S. Peskov", "the Kremlin spokesperson"],
)
def test_canonical_merges_aliases_and_roles(registry: SpeakerRegistry, mention: str) -> None:
    assert registry.canonical(mention) == "Dmitry Peskov"


def test_canonical_titles_and_unknowns(registry: SpeakerRegistry) -> None:
    assert registry.canonical("President Putin") == "Vladimir Putin"
    assert registry.canonical("the Russian leader") == "Vladimir Putin"
    assert registry.canonical("Patricia Hewitt") is None
    assert registry.canonical("") is None
    assert registry.canonical(None) is None  # type: ignore[arg-type]


def test_surname_with_other_first_name_is_someone_else(registry: SpeakerRegistry) -> None:
    assert registry.canonical("Hunter Biden") is None
    assert registry.canonical("Ivanka Trump") is None
    assert registry.canonical("Joe Biden") == "Joe Biden"


def test_an_honorific_of_the_other_gender_is_someone_else(registry: SpeakerRegistry) -> None:
    assert registry.canonical("Mrs. Trump") is None
    assert registry.canonical("Ms Biden") is None
    assert registry.canonical("Mr. Trump") == "Donald Trump"


def test_shared_role_is_ambiguous() -> None:
    reg = SpeakerRegistry.from_config(
        [
            {"name": "A Person", "roles": ["spokesman"]},
            {"name": "B Person", "roles": ["spokesman"]},
        ]
    )
    assert reg.canonical("the spokesman") is None
    assert sorted(reg.role_holders("spokesman")) == ["A Person", "B Person"]


def test_matches_queries(registry: SpeakerRegistry) -> None:
    assert registry.matches("peskov", "Dmitry Peskov")
    assert registry.matches("PESKOV", "Dmitry Peskov")
    assert registry.matches("dmitry peskov", "Dmitry Peskov")
    assert registry.matches("Dmitri Peskov", "Dmitry Peskov")
    assert not registry.matches("putin", "Dmitry Peskov")
    assert not registry.matches("", "Dmitry Peskov")
    assert not registry.matches("peskov", None)
    # discovered speakers match on their own name words
    assert registry.matches("hewitt", "Patricia Hewitt")
    assert not registry.matches("smith", "Patricia Hewitt")


def test_search_terms(registry: SpeakerRegistry) -> None:
    terms = registry.search_terms("Dmitry Peskov")
    assert "peskov" in terms and "dmitry peskov" in terms and "dmitri peskov" in terms
    assert all(t == t.lower() for t in terms)
    # titles in aliases are not index terms ("President Putin" must not index "president")
    assert "president" not in registry.search_terms("Vladimir Putin")
    assert registry.search_terms("Patricia Hewitt") == ["patricia hewitt", "patricia", "hewitt"]
    assert registry.search_terms("") == []


def test_malformed_config_entries_are_skipped() -> None:
    reg = SpeakerRegistry.from_config([{"name": ""}, "junk", {"aliases": ["x"]}, {"name": "Ok Name", "aliases": "Ok"}])  # type: ignore[list-item]
    assert [s.name for s in reg.speakers] == ["Ok Name"]
    assert reg.canonical("Ok") == "Ok Name"
    assert SpeakerRegistry.from_config(None).speakers == ()  # type: ignore[arg-type]


def test_canonical_answers_are_stable_when_remembered() -> None:
    """Unknown names are remembered too; a repeated question gets the same answer."""
    reg = SpeakerRegistry([Speaker(name="Ann Lee", aliases=("Lee",), roles=("minister",), gender="female")])
    for _ in range(2):
        assert reg.canonical("Nobody") is None
        assert reg.canonical("Lee") == "Ann Lee"
        assert reg.canonical("the minister") == "Ann Lee"
        assert reg.canonical("  ") is None
        assert reg.canonical(None) is None  # type: ignore[arg-type]


# --- one speaker, one name across a corpus (#14)


def test_merge_speakers_sums_the_names_of_one_speaker(registry: SpeakerRegistry) -> None:
    from index.speakers import merge_speakers

    counts = [
        ("Volodymyr Zelenskiy", 5),
        ("Zelensky", 2),  # a user's extra speaker file might store it so: the registry says who
        ("Analysts", 1),
        ("analysts", 3),
        ("Mr Blair's official spokesman", 2),
        ("Tony Blair", 4),
        ("Brown", 1),
        ("Gordon Brown", 1),
        ("spokesman", 3),  # a registered role ("spokesman": Dmitry Peskov) is no one's name
        (None, 6),
    ]
    merged, variants = merge_speakers(counts, registry)
    assert merged == [
        ("Volodymyr Zelenskiy", 7),
        ("Tony Blair", 4),
        ("analysts", 4),
        ("spokesman", 3),
        ("Mr Blair's official spokesman", 2),
        ("Brown", 1),  # a surname alone is not merged across articles: two articles' Brown
        ("Gordon Brown", 1),
        (None, 6),
    ]
    assert sorted(variants["Volodymyr Zelenskiy"]) == ["Volodymyr Zelenskiy", "Zelensky"]
    assert sorted(variants["analysts"]) == ["Analysts", "analysts"]


def test_merge_speakers_takes_a_short_first_name_for_its_long_form(registry: SpeakerRegistry) -> None:
    """ "Vince Cable" in one article and "Vincent Cable" in another are one speaker; an
    ambiguous short form ("Chris": Christopher or Christine) is left alone."""
    from index.speakers import merge_speakers

    counts = [("Vince Cable", 3), ("Vincent Cable", 2), ("Chris Lane", 2), ("Christopher Lane", 1), ("Bill", 1)]
    merged, variants = merge_speakers(counts, registry)
    assert merged == [("Vince Cable", 5), ("Chris Lane", 2), ("Bill", 1), ("Christopher Lane", 1)]
    assert sorted(variants["Vince Cable"]) == ["Vince Cable", "Vincent Cable"]


def test_the_speakers_list_has_one_entry_per_speaker(tmp_path: Path) -> None:
    """Through the library, on a real catalogue: case variants of one described speaker are
    one entry, and its quotes are every variant's."""
    from index.library import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Tax plan\n\nThe Conservatives said the plan was “a tax on jobs” on Monday.\n", encoding="utf-8"
    )
    (corpus / "b.txt").write_text(
        "Tax row\n\nMany conservatives said the plan was “a tax on jobs” as well.\n", encoding="utf-8"
    )
    lib = Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)
    lib.update()
    speakers = dict(lib.speakers())
    assert speakers == {"Conservatives": 4}  # (each article: the clause and the quotation)
    assert len(lib.speaker_quotes("Conservatives")) == 4
