"""Quotation marks as real pages set them: primes, low marks, guillemets, straight singles,
a lost space or a lost closing mark. Every text here is invented."""

from __future__ import annotations

import pytest

from index.models import Quote
from index.quotes import extract_quotes


def marked(text: str) -> list[Quote]:
    return [q for q in extract_quotes("t", text) if q.kind in ("direct", "partial")]


def only(text: str) -> Quote:
    got = marked(text)
    assert len(got) == 1, [(q.text, q.kind, q.speaker) for q in got]
    return got[0]


@pytest.mark.parametrize(
    "text, words",
    [
        # a double prime for a straight mark, on both sides
        (
            "Mayor Ann Vale said: ″We will rebuild the bridge by June.″ The council agreed.\n",
            "We will rebuild the bridge by June.",
        ),
        # German low-high marks
        (
            "Mayor Ann Vale said: „We will rebuild the bridge by June.“ The council agreed.\n",
            "We will rebuild the bridge by June.",
        ),
        # single guillemets
        (
            "Mayor Ann Vale said: ‹We will rebuild the bridge by June.› The council agreed.\n",
            "We will rebuild the bridge by June.",
        ),
        # guillemets pointing inwards
        (
            "Mayor Ann Vale said: »We will rebuild the bridge by June.« The council agreed.\n",
            "We will rebuild the bridge by June.",
        ),
    ],
)
def test_every_glyph_of_a_quotation_mark_opens_and_closes(text: str, words: str) -> None:
    q = only(text)
    assert q.text == words and q.speaker == "Ann Vale" and q.kind == "direct"


def test_a_closing_mark_with_no_space_after_it_still_closes() -> None:
    text = "“They may come, but the gate stays shut,”Vale explained on Monday. She left at noon.\n"
    q = only(text)
    assert q.text == "They may come, but the gate stays shut," and q.speaker == "Vale"


def test_straight_single_marks_pair_around_apostrophes() -> None:
    text = (
        "Speaking to a radio station, Mr Tomas Reed said: 'I won't go into details, but we're ready and "
        "that's what matters.'\n\nThe talks' next round is in May.\n"
    )
    q = only(text)
    assert q.text == "I won't go into details, but we're ready and that's what matters."
    assert q.speaker == "Tomas Reed" and q.kind == "direct"


def test_a_straight_single_partial_quote_has_its_speaker() -> None:
    q = only("Tomas Reed warned the plan would end in 'certain ruin' for the town.\n")
    assert q.text == "certain ruin" and q.kind == "partial" and q.speaker == "Tomas Reed"


@pytest.mark.parametrize(
    "text",
    [
        "The farmers' union met the growers' council on Monday.\n",  # plural possessives
        "They played rock 'n' roll until the '90s ended.\n",  # elisions
        "The sources' claims were denied by the mayors' office.\n",
    ],
)
def test_apostrophes_are_no_quotation(text: str) -> None:
    assert marked(text) == []


def test_an_unclosed_quotation_after_a_full_stop_runs_to_its_paragraph_end() -> None:
    text = (
        "Vale spoke after the vote, alluding to the treaty. “Our future is in the union. Full stop. "
        "It is not up for negotiation\n\nThe vote passed easily.\n"
    )
    q = only(text)
    assert q.text == "Our future is in the union. Full stop. It is not up for negotiation"
    assert "The vote passed" not in q.text


def test_a_stray_closing_mark_starts_nothing() -> None:
    text = "If there is no deal, the two aides said, the strike will go on.”\n\nTalks resume on Friday.\n"
    assert marked(text) == []


def test_a_quotation_opened_again_at_each_sentence_keeps_its_first_sentence() -> None:
    """British style: ‘said: "A. "B."’, the closing mark of A left out. A is quoted too,
    one quotation with B, of the same speaker."""
    from index.quotes import extract_quotes

    text = (
        'Hunt report\n\nChief executive Simon Hart said: "There has been hunting for 700 years. '
        'This may take two years to unpick. "It will be nothing more than a temporary break."\n'
    )
    got = [q for q in extract_quotes("t", text) if q.kind == "direct"]
    assert [q.text for q in got] == [
        "There has been hunting for 700 years. This may take two years to unpick.",
        "It will be nothing more than a temporary break.",
    ]
    assert {q.speaker for q in got} == {"Simon Hart"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“It is unusual,“ said Lena Dahl, a lawyer with a watchdog.\n", "Lena Dahl"),
        ("“It is unusual,“ Lena Dahl said.\n", "Lena Dahl"),
    ],
)
def test_a_closing_mark_typed_as_an_opening_one_still_closes_before_its_cue(text: str, speaker: str) -> None:
    """'“…,“ said X': the second mark, after the comma and before the cue, closes."""
    q = only(text)
    assert (q.text, q.speaker) == ("It is unusual,", speaker)


def test_a_sentence_ending_in_its_own_inner_quotation_is_reopened_not_lost() -> None:
    text = (
        "Row deepens\n\n"
        '"I told him to leave them alone," Ferguson said on Saturday. "He ran at me with hands raised '
        "saying 'what do you want to do about it?' \"To not apologise for the players is unbelievable.\"\n"
    )
    got = [(q.text[:20], q.speaker) for q in extract_quotes("t", text) if q.kind == "direct"]
    assert got == [
        ("I told him to leave ", "Ferguson"),
        ("He ran at me with ha", "Ferguson"),  # British style: each sentence opened again
        ("To not apologise for", "Ferguson"),
    ]


def test_a_quotation_of_the_other_style_inside_an_open_one_does_not_end_it() -> None:
    text = (
        "Senator Ann Vale released a statement.\n\n"
        "Vale stated:\n\n"
        '"The agency is not about “Fair Play For All” anymore. It is about power.\n\n'
        '"The latest case is the lawsuit against the state."\n'
    )
    got = marked(text)
    assert [(q.text[:28], q.speaker, q.rule) for q in got] == [
        ("The agency is not about “Fai", "Ann Vale", "colon-intro"),
        ("The latest case is the lawsu", "Ann Vale", "colon-intro"),
    ]  # the inner slogan is part of her words, and her quotation runs on into the next paragraph


def test_a_paragraph_opened_with_the_other_style_of_mark_is_a_new_quotation() -> None:
    text = (
        "From Ann Vale writing at the Daily Star:\n\n"
        '"The candidate arrived late, and the hall was half empty.\n\n'
        "“You have insulted every voter here,” Tom Reed shouted from the floor.\n"
    )
    first, second = marked(text)
    assert second.text.startswith("You have insulted") and second.speaker == "Tom Reed"
    assert first.speaker != "Tom Reed"  # the columnist's paragraph is not the heckler's
