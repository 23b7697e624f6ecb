"""Who holds a role the article describes, and when nobody it names does (#14).

Every text here is invented. A wrong speaker is worse than none: a description the article
never ties to a person stays a described speaker.
"""

from __future__ import annotations

import pytest

from index.models import Quote
from index.speakers import SpeakerRegistry
from tests.index.test_quotes import quotes_of
from tests.index.test_quotes_roles import CONFIG


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    return SpeakerRegistry.from_config(CONFIG["speakers"])


def marked(text: str, registry: SpeakerRegistry) -> list[Quote]:
    return [q for q in quotes_of(text, registry) if q.kind in ("direct", "partial")]


def test_a_role_of_a_named_body_is_not_whoever_was_written_about_last(registry: SpeakerRegistry) -> None:
    """ "The co-founder of Green Dawn": a body is named, not its co-founder; the last person
    of a list before it is no holder, and neither is the body."""
    text = (
        "Read the book's authors and you see her influences: Tomas Ekberg, Lena Dahl, Rita Moss.\n"
        "The co-founder of Green Dawn, which blocks roads every week, admitted that his movement "
        "“is not about the weather.”\n"
    )
    q = marked(text, registry)[-1]
    assert q.speaker not in ("Rita Moss", "Green Dawn", "Lena Dahl")
    assert q.speaker == "co-founder of Green Dawn"


def test_a_title_then_its_holder_in_the_complement_still_holds(registry: SpeakerRegistry) -> None:
    """ "Minister of Defence Ivo Tamm": the complement ends with the holder's name."""
    text = "Minister of Defence Ivo Tamm arrived on Monday.\n“We are ready,” the minister said.\n"
    q = marked(text, registry)[-1]
    assert q.speaker == "Ivo Tamm"


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("the Vantage medical journal", "Vantage"),
        ("the Zorka 24 TV channel", "Zorka 24"),
        ("Latvia's LETA news agency", "LETA"),
        ("the Zurich-based Kestrel newspaper", "Kestrel"),
    ],
)
def test_a_name_before_the_noun_that_classes_it_speaks(words: str, speaker: str, registry: SpeakerRegistry) -> None:
    q = marked(f"“The plan is over,” {words} reported.\n", registry)[0]
    assert (q.speaker, q.rule) == (speaker, "outlet-name")


@pytest.mark.parametrize("words", ["the British newspaper", "a Tallinn newspaper", "the Maritime Safety Agency"])
def test_a_nationality_a_place_or_a_whole_name_is_no_outlet_name(words: str, registry: SpeakerRegistry) -> None:
    q = marked(f"“The plan is over,” {words} reported.\n", registry)[0]
    assert q.rule != "outlet-name"


def test_a_named_apposition_ending_in_a_quoted_title_speaks_not_the_object(registry: SpeakerRegistry) -> None:
    """ "“…,” Ivan Petrov, an adviser to the head of the “Lugansk Union,” told the TASS news
    agency": Petrov told it; the agency is who he told."""
    text = "“We found bodies,” Ivan Petrov, an adviser to the head of the “Lugansk Union,” told the TASS news agency.\n"
    q = marked(text, registry)[0]
    assert (q.speaker, q.rule) == ("Ivan Petrov", "apposition")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Here is how the Tellex report published on Monday began: "The fleet was never ready."\n', "Tellex"),
        ('Here’s what the minister told reporters: "We will not give in."\n', "minister"),
        ('That\'s how Anna Berg put it: "We lost."\n', "Anna Berg"),
    ],
)
def test_here_is_how_opens_the_clause_that_names_the_speaker(
    text: str, speaker: str, registry: SpeakerRegistry
) -> None:
    """ "Here's how X began:", "Here's what X told reporters:": X, not "Here's what X"."""
    q = next(q for q in marked(text, registry) if q.kind == "direct")
    assert q.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "“The city was attacked,” members of the Harbour Police of Tallinn say in the video.\n",
        "“The city was attacked,” police say.\n",
    ],
)
def test_a_plural_or_collective_subject_takes_a_bare_say(text: str, registry: SpeakerRegistry) -> None:
    """ "members of the Harbour Police of Tallinn say", "police say": "say" is the verb of a
    plural head before "of" or of a collective noun, so the quotation has a speaker."""
    q = marked(text, registry)[0]
    assert q.speaker and q.speaker.lower() in ("members of the harbour police of tallinn", "police")


def test_heads_of_state_is_no_cue_and_supporters_of_a_person_are_not_the_person(registry: SpeakerRegistry) -> None:
    assert marked("“No,” the heads of state say.\n", registry)[0].speaker == "heads of state"
    q = next(
        q for q in quotes_of("Polls show that supporters of Democrat Anna Berg say they want “a win”.\n", registry)
    )
    assert q.speaker != "Anna Berg"
