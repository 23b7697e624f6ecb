"""Sentences a medium relays: the speaker inside them speaks, the medium relays (#14).

Every text here is invented. "X said …, the newspaper said" quotes X; a newspaper is a
newspaper, never the last body the article named.
"""

from __future__ import annotations

import pytest

from index.models import Quote
from index.speakers import SpeakerRegistry
from tests.index.shipped import quotes, shipped_registry


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    return shipped_registry()


def read(text: str, registry: SpeakerRegistry) -> list[Quote]:
    return quotes("Summit report.\n\n" + text, registry)


def marked(text: str, registry: SpeakerRegistry) -> list[Quote]:
    return [q for q in read(text, registry) if q.kind in ("direct", "partial")]


@pytest.mark.parametrize(
    "relay",
    ["it said", "the newspaper said", "Interfax said", "the report said", "The Times reported"],
)
def test_the_speaker_inside_a_relayed_sentence_speaks(relay: str, registry: SpeakerRegistry) -> None:
    text = (
        "The Oslo Courier covered the talks all week.\n\n"
        f"A Danish official said talks on the draft were “still dynamic” and might change, {relay}.\n"
    )
    q = marked(text, registry)[-1]
    assert q.speaker == "Danish official"


def test_a_quotation_the_medium_frames_alone_is_the_mediums(registry: SpeakerRegistry) -> None:
    """No speaker inside the sentence: the newspaper's own words."""
    text = "The Oslo Courier covered the talks.\n\nThe talks were “over”, the newspaper said.\n"
    q = marked(text, registry)[-1]
    assert q.speaker == "Oslo Courier"


def test_leaders_set_to_state_speak(registry: SpeakerRegistry) -> None:
    """ "are set to state", "is expected to say": the subject will speak the words."""
    text = "The Nordic leaders are set to state that the era “must not be of war”, a British newspaper reported.\n"
    q = marked(text, registry)[0]
    assert q.speaker == "Nordic leaders"


def test_a_newspaper_is_no_body_that_is_not_one(registry: SpeakerRegistry) -> None:
    """ "the newspaper" with no newspaper named: as written, not "Nordic" from "The Nordic
    leaders met"."""
    text = "The Nordic leaders met on Monday in Oslo.\n\nThe plan is “dead”, the newspaper said.\n"
    q = marked(text, registry)[-1]
    assert q.speaker == "newspaper"


def test_one_sentence_of_several_cues_is_one_reported_record(registry: SpeakerRegistry) -> None:
    """ "World leaders will state …, according to a draft …, the newspaper said": one clause,
    one record, the innermost speaker's."""
    text = (
        "The Oslo Courier covered the talks.\n\n"
        "World leaders will state that the era “must not be of war” at the summit, according to "
        "a draft agreed by diplomats, the newspaper said.\n"
    )
    got = read(text, registry)
    spans = [(q.start, q.end) for q in got if q.kind == "reported"]
    assert len(spans) == len(set(spans))
    assert [q.speaker for q in got if q.kind == "partial"] == ["World leaders"]


def test_their_website_is_the_sentence_subject_s(registry: SpeakerRegistry) -> None:
    """ "Tyre Deflators is a “leaderless movement”, according to their website": the
    subject's website, not whoever spoke last ("the person ... they")."""
    text = (
        "The group posts a template for pamphlets. Once the person deflates the tyres, they leave a note.\n\n"
        "Tyre Deflators is a “leaderless, autonomous movement,” according to their website.\n"
    )
    q = marked(text, registry)[-1]
    assert q.speaker == "Tyre Deflators"
