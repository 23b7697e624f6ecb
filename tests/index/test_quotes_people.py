"""Who a name or a pronoun is: the people of an article and their names (#14).

Every text here is invented. Each case names the rule that must decide the speaker.
"""

from __future__ import annotations

import pytest

from index.speakers import SpeakerRegistry
from tests.index.shipped import quote_starting, quotes, shipped_registry


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    return shipped_registry()


CASES = [
    pytest.param(
        "Oleg Tarasov played well on Saturday.\n\n"
        "Discussing his family and friends at home, he went on to add: “I am so worried about them "
        "and I think about them every single day.”\n",
        "I am so worried",
        "Oleg Tarasov",
        "pronoun-subject",
        id="a_participle_opening_the_sentence_is_no_subject",
    ),
    pytest.param(
        "Giving the reference to the new report, the lawmakers blamed the ministry, saying it “gave the order”.\n",
        "gave the order",
        "lawmakers",
        "noun-phrase",
        id="nor_is_it_the_source_of_saying",
    ),
    pytest.param(
        "Narendra Modi spoke in Bali. The FT said the text was agreed.\n\n"
        "In his address at the summit, Modi on Tuesday referred to his call for talks.\n\n"
        "“We have to find a way back to the path of ceasefire and diplomacy,” he said.\n",
        "We have to find a way",
        "Narendra Modi",
        "pronoun-subject",
        id="a_time_between_subject_and_verb_and_no_newspaper_is_he",
    ),
    pytest.param(
        "Ivan Sorokin three years ago admitted that doubles had been considered.\n“I discarded the idea,” he said.\n",
        "I discarded the idea,",
        "Ivan Sorokin",
        "pronoun-last-speaker",
        id="three_years_ago_is_no_part_of_the_name",
    ),
    pytest.param(
        "President Olena Kovalenko visited the site on Monday.\n\n"
        "The Ukrainian leader was flanked by guards as she vowed that the “war crimes” would be punished.\n",
        "war crimes",
        "Olena Kovalenko",
        "pronoun-subject",
        id="a_nationality_before_a_noun_is_no_name",
    ),
    pytest.param(
        "Ulf Berg said membership was the only reasonable choice.\n\n"
        "Tensions were on display during new remarks of Finnish Prime Minister Aarne Lahti.\n\n"
        "He claimed in a speech that Moscow was preparing for a “long conflict with the West”.\n",
        "long conflict with the West",
        "Aarne Lahti",
        "pronoun-introduced",
        id="he_after_a_sentence_that_introduces_a_person",
    ),
    pytest.param(
        "Brazilian President Luiz Inacio Lula da Silva arrived in Shanghai on Thursday.\n\n"
        "“Why can we not trade in our own currencies?” Lula said.\n",
        "Why can we not trade",
        "Luiz Inacio Lula da Silva",
        "said-after-name",
        id="a_surname_with_a_particle",
    ),
    pytest.param(
        "Ukraine’s Minister of Defence Oleksii Marchuk visited Lviv on Monday afternoon.\n\n"
        "“Supplies are arriving,” Marchuk said.\n",
        "Supplies are arriving,",
        "Oleksii Marchuk",
        "said-after-name",
        id="the_title_of_a_minister_of_is_no_part_of_the_name",
    ),
]


CASES += [
    pytest.param(
        "The rejection of the treaty signals “the beginning of the end” for the union, said Geert Vos, founder of the "
        "Freedom Party.\n",
        "the beginning of the end",
        "Geert Vos",
        "name-after-said",
        id="a_cue_whose_source_is_a_thing_yields_to_one_with_a_speaker",
    ),
    pytest.param(
        "His move is notable in part because House Speaker Paul Rhodes has said he is “not ready” to endorse him.\n",
        "not ready",
        "Paul Rhodes",
        "said-after-name",
        id="because_opens_the_clause_of_the_subject",
    ),
    pytest.param(
        "The State Department less than two weeks ago said that “top secret” material had passed through.\n",
        "top secret",
        "State Department",
        "said-after-name",
        id="less_than_two_weeks_ago_is_a_time",
    ),
    pytest.param(
        "Ben Carlton lost ground in the polls.\n\n"
        "The retired neurosurgeon addressed his concerns in another interview, remarking that he was “fine”.\n",
        "fine",
        "Ben Carlton",
        "role-salient",
        id="the_noun_phrase_before_its_verb_is_the_subject",
    ),
]


CASES += [
    pytest.param(
        "Leaders met in Bali.\n\nThe summit “will make clear that the war is wreaking havoc”, the report said, "
        "quoting a senior US official.\n",
        "will make clear",
        "senior US official",
        "quoting",
        id="x_said_quoting_y",
    ),
    pytest.param(
        "Leaders met in Minsk.\n\nTASS agency quoted the Kremlin as saying that the units fought “bravely”.\n",
        "bravely",
        "Kremlin",
        "quoting",
        id="x_quoted_y_as_saying",
    ),
    pytest.param(
        "Gore spoke in Davos.\n\n“Rain bombs? They really are losing their minds,” wrote a commenter about how "
        "weather now has scary names.\n\n“They have been losing their minds for decades,” responded another.\n",
        "They have been losing",
        "another commenter",
        "another-described",
        id="responded_another",
    ),
    pytest.param(
        "The paintings were not damaged.\n\n“I scream for people dying,” one of the activists shouted.\n\n"
        "“I scream when lawmakers ignore science,” the other shouted.\n",
        "I scream when",
        "other activist",
        "another-described",
        id="one_of_the_activists_and_the_other",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "rule"), CASES)
def test_the_person_a_quotation_goes_to(
    registry: SpeakerRegistry, text: str, starts: str, speaker: str, rule: str
) -> None:
    q = quote_starting(text, starts, registry)
    assert (q.speaker, q.rule) == (speaker, rule)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Putin spoke to Finnish leader Sauli Niinisto on Thursday.\n\n"
            "Nijnisto told Putin that the country “will decide to apply for membership soon.”\n",
            "Sauli Niinisto",
        ),
        (
            "Singer Anthony Kiedis spoke to the radio show.\n\n“We wrote two dozen songs,” Keidis said.\n",
            "Anthony Kiedis",
        ),
    ],
)
def test_a_surname_misspelt_by_a_letter_is_the_person_named_in_full(
    text: str, speaker: str, registry: SpeakerRegistry
) -> None:
    """News style names everyone in full first: a bare surname a letter away is a typo."""
    got = [q for q in quotes(text, registry) if q.kind in ("direct", "partial")]
    assert [q.speaker for q in got] == [speaker]


def test_a_plural_is_no_misspelt_surname(registry: SpeakerRegistry) -> None:
    text = "Bishop Anna Catholic spoke first.\n\n“We pray for peace,” Catholics said.\n"
    got = [q for q in quotes(text, registry) if q.kind == "direct"]
    assert got[0].speaker != "Anna Catholic"


@pytest.mark.parametrize(
    ("first", "speaker"),
    [
        ("By any measure, New Yorker Tom Kessel is a winner.", "Tom Kessel"),
        ("Tom Kessels' new sitcom starts soon.", "Tom Kessels"),
    ],
)
def test_a_name_keeps_neither_a_demonym_nor_a_possessive_mark(
    first: str, speaker: str, registry: SpeakerRegistry
) -> None:
    """ "New Yorker Dick Morris" is Dick Morris; "Ricky Gervais' new sitcom" names Ricky Gervais."""
    surname = speaker.split()[-1]
    got = [
        q for q in quotes(f"Comedy news\n\n{first}\n\n“It is great,” {surname} said.\n", registry) if q.kind == "direct"
    ]
    assert [q.speaker for q in got] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Guitarist Brian Vale said the band would tour.\n\n“It was all right,” Vale wrote.\n", "Brian Vale"),
        ("Tory chairman Theresa May said the party would fight.\n\n“We will win,” May said.\n", "Theresa May"),
        (
            "Skipper Jason Robinson was upbeat.\n\n“There is no lack of confidence,” said the Sale full-back.\n",
            "Jason Robinson",
        ),
    ],
)
def test_a_role_before_a_name_a_surname_that_is_a_word_and_a_players_position(
    text: str, speaker: str, registry: SpeakerRegistry
) -> None:
    """ "Guitarist Brian Vale" is Brian Vale (a person noun by its ending before a first name);
    "Theresa May" is a full name though "may" is a word; "the Sale full-back" is the player
    just written about."""
    got = [q for q in quotes(f"Music news\n\n{text}", registry) if q.kind == "direct"]
    assert [q.speaker for q in got] == [speaker]


def test_a_name_that_is_also_an_auxiliary_still_speaks(registry: SpeakerRegistry) -> None:
    """ "“We will go,” Will said.": a capitalised "Will" inside a sentence is a name."""
    got = [q for q in quotes("Film news\n\n“We will go,” Will said.\n", registry) if q.kind == "direct"]
    assert [q.speaker for q in got] == ["Will"]


def test_a_name_before_its_own_its_is_a_body_no_person(registry: SpeakerRegistry) -> None:
    """ "Kestrel is running its hardware": the one-word name is a body's, never a later "he";
    "Brown said its plans" says nothing of Brown (its is the body he speaks of)."""
    from index.quotes.document import read_document
    from index.quotes.people import People

    text = (
        "Lasers\n\nThe bridges route data fast but Kestrel is running its hardware at modest speeds. "
        "Later Brown said its plans were sound.\n"
    )
    people = People(read_document("t", text), registry)
    assert "Kestrel" in people.groups and not people.is_person("Kestrel")
    assert "Brown" not in people.groups
