"""Who speaks for a document: its issuer, and never whoever saw it, reported it or wrote a
wire dateline (#14).

Every text here is invented. Each case names the rule that must decide the speaker.
"""

from __future__ import annotations

import pytest

from index.models import Quote
from index.speakers import SpeakerRegistry
from tests.index.shipped import shipped_registry
from tests.index.test_quotes import quotes_of


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    return shipped_registry()


def marked(text: str, registry: SpeakerRegistry) -> list[Quote]:
    return [q for q in quotes_of(text, registry) if q.kind in ("direct", "partial")]


@pytest.mark.parametrize(
    "text",
    [
        "A copy of the board's memo seen by Reuters said staff were “not careful at all”.\n",
        "A letter obtained by The Courier said the minister had “no idea” of the plan.\n",
        "A draft reviewed by Politico says the deal is “dead in the water”.\n",
    ],
)
def test_whoever_saw_a_document_is_not_its_issuer(text: str, registry: SpeakerRegistry) -> None:
    """ "seen by", "obtained by", "reviewed by": the outlet reports the document; it did not
    write it."""
    for q in marked(text, registry):
        assert q.speaker not in ("Reuters", "Courier", "The Courier", "Politico"), (q.speaker, q.rule)


def test_a_spokesman_quoted_by_an_agency_is_the_speaker(registry: SpeakerRegistry) -> None:
    q = marked("A spokesman quoted by Tellex said it was “a provocation”.\n", registry)[0]
    assert q.speaker == "spokesman" and q.speaker != "Tellex"


def test_evidence_in_a_report_is_not_saying_it_in_the_report(registry: SpeakerRegistry) -> None:
    """ "X said he saw no evidence in the report": X is no issuer of a later "the report"."""
    text = (
        "The board hid the breach for a year, a parliamentary report said on Tuesday.\n"
        "Arvid Holm, a security consultant, said he saw no evidence in the report that a foreign "
        "state was behind it.\n"
        "“The staff knew and said nothing,” the report said.\n"
    )
    q = marked(text, registry)[-1]
    assert (q.speaker, q.rule) == (None, "document-no-issuer")
    assert q.speaker_mention == "report"


def test_the_report_is_still_the_congressional_report(registry: SpeakerRegistry) -> None:
    """ "the congressional report said ... the report said": no agency issued it, even one
    that spoke in between."""
    text = (
        "The Grain Authority declined to comment on the findings, it said in a statement.\n"
        "“The breach was hidden from the board,” the congressional report said.\n"
        "The Grain Authority said it would cooperate.\n"
        "Staff were told to keep quiet, “to protect the chairman,” the report said.\n"
    )
    qs = marked(text, registry)
    assert [(q.speaker, q.rule) for q in qs[-2:]] == [(None, "document-no-issuer")] * 2


def test_it_after_a_document_nobody_issued_is_that_document(registry: SpeakerRegistry) -> None:
    """ "the report said. It accused the agency of ...": not the agency it accuses."""
    text = (
        "Ilse Marr leads the Grain Authority.\n"
        "“Files were lost,” the congressional report said. It accused the Grain Authority of "
        "“a cover-up”.\n"
    )
    q = next(q for q in marked(text, registry) if q.text == "a cover-up")
    assert q.speaker is None and q.rule == "document-no-issuer"


def test_a_relative_clause_after_according_to_is_not_the_source(registry: SpeakerRegistry) -> None:
    """ "according to three of the people who requested anonymity to discuss ...": the people."""
    text = (
        "There may be room for talks over the two ports, according to three of the people who "
        "requested anonymity to discuss private matters.\n"
    )
    q = next(q for q in quotes_of(text, registry) if q.kind == "reported")
    assert q.speaker == "people" and q.rule == "anonymous"


def test_a_statement_signed_by_a_count_of_people_and_bodies_is_theirs(registry: SpeakerRegistry) -> None:
    """ "signed by approximately one hundred gallery directors and museums": they issued it."""
    text = "“Art is fragile,” read a statement signed by approximately one hundred gallery directors and museums.\n"
    q = marked(text, registry)[0]
    assert (q.speaker, q.rule) == ("gallery directors and museums", "document-issuer")


def test_a_pair_with_a_fragment_is_no_speaker(registry: SpeakerRegistry) -> None:
    """ "His campaign and much of the media will tell you": no speaker named "campaign and much"."""
    text = "His campaign and much of the media will tell you that it was “a triumph”.\n"
    assert all(q.speaker != "campaign and much" for q in quotes_of(text, registry))


def test_a_document_signed_by_a_role_speaks_for_its_holder(registry: SpeakerRegistry) -> None:
    """ "A decree signed by the Russian leader …": the decree's issuer is the leader, whom
    the registry's roles name (not "the Russian" cut before its noun)."""
    text = (
        "Vladimir Putin has honoured an army unit, reports suggest.\n\n"
        "A decree signed by the Russian leader gave the brigade a title – praising them for “mass heroism”.\n"
    )
    q = marked(text, registry)[-1]
    assert (q.speaker, q.rule) == ("Vladimir Putin", "document-issuer")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tennis star Lena Dahl will return in February.\n\n"
            "“Lena had considered returning in Paris,” a statement on her website said.\n",
            "Lena Dahl",
        ),
        (
            "The Nordic Energy Agency estimates the cost of the project at $40m.\n\n"
            "“Failure to replace the hardware carries large risks,” said an agency statement.\n",
            "Nordic Energy Agency",
        ),
    ],
)
def test_a_document_on_someones_website_or_of_the_body_named_so_is_theirs(text: str, speaker: str) -> None:
    """ "a statement on her website": hers; "an agency statement": the agency the article named."""
    got = [q for q in quotes_of(text, shipped_registry()) if q.kind == "direct"]
    assert [(q.speaker, q.rule) for q in got] == [(speaker, "document-issuer")]
