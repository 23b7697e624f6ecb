"""Who a description is: roles and titles, organisation nouns and documents (#14).

Every text here is invented. Each case names the rule that must decide the speaker, so a
case that passes by another road fails.
"""

from __future__ import annotations

import pytest

from index.speakers import SpeakerRegistry
from tests.index.shipped import quote_starting, quotes, shipped_registry


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    return shipped_registry()


ROLE_CASES = [
    pytest.param(
        "Russian Defence Minister Oleg Marchenko toured the depot on Monday.\n"
        "“We will hold the line,” the defence minister said.\n",
        "We will hold the line,",
        "Oleg Marchenko",
        "role-stated",
        id="title_before_the_name",
    ),
    pytest.param(
        "Anton Velikov, Russia's ambassador to the United Nations, met reporters on Friday.\n"
        "“The vote is a farce,” the diplomat said.\n",
        "The vote is a farce,",
        "Anton Velikov",
        "role-stated",
        id="apposition_after_the_name_and_a_broader_noun",
    ),
    pytest.param(
        "A spokesman for the ministry, Pavel Orlov, spoke to reporters.\n"
        "“No decision has been taken,” the spokesman said.\n",
        "No decision has been taken,",
        "Pavel Orlov",
        "role-stated",
        id="apposition_before_the_name",
    ),
    pytest.param(
        "German Foreign Minister Anna Keller welcomed Polish Defence Minister Jan Nowak to Berlin.\n"
        "“Our borders are safe,” the defence minister said.\n",
        "Our borders are safe,",
        "Jan Nowak",
        "role-stated",
        id="a_modifier_tells_two_ministers_apart",
    ),
    pytest.param(
        "Former President Hal Moore and President Dan Ruiz spoke together in Lima.\n“It was cordial,” the former president said.\n",
        "It was cordial,",
        "Hal Moore",
        "role-stated",
        id="former_is_a_different_role",
    ),
    pytest.param(
        "Ilya Petrenko, who leads the delegation, spoke after the session.\n"
        "“The danger remains very high,” the official said.\n",
        "The danger remains very high,",
        "Ilya Petrenko",
        "role-salient",
        id="no_stated_role_the_person_just_written_about",
    ),
    pytest.param(
        "Spokesman Ivan Lis said talks would go on.\n“We are ready,” the minister said.\n",
        "We are ready,",
        "minister",
        "role-as-written",
        id="the_minister_is_not_the_spokesman",
    ),
    pytest.param(
        "Helga Brandt spoke in Berlin.\n“Talks are over,” a Western official said.\n",
        "Talks are over,",
        "Western official",
        "anonymous",
        id="an_indefinite_description_is_someone_new",
    ),
    pytest.param(
        "Tony Blair spoke in Leeds.\nMr Blair's official spokesman said: “The prime minister is clear.”\n",
        "The prime minister is clear.",
        "Blair's official spokesman",
        "role-as-written",
        id="someone_of_blairs_is_not_blair",
    ),
    pytest.param(
        "The talks ended late.\n“We will respond,” the Kremlin spokesman said.\n",
        "We will respond,",
        "Dmitry Peskov",
        "role-registry",
        id="the_registry_when_the_article_names_no_holder",
    ),
    pytest.param(
        "The vote was close.\nThe unhinged Russian leader declared: “We will use all means.”\n",
        "We will use all means.",
        "Vladimir Putin",
        "role-registry",
        id="the_registry_role_ends_the_description",
    ),
    pytest.param(
        "Estonian Prime Minister calls for new sanctions\n\n"
        "Estonian Prime Minister Liis Tamm spoke in Tallinn on Monday.\n"
        "“Sanctions must bite,” she said.\n",
        "Estonian Prime Minister calls",
        "Liis Tamm",
        "role-stated",
        id="the_body_names_the_title_of_the_headline",
    ),
    pytest.param(
        "Anya Roth, chief executive of the cybersecurity firm Vexor, spoke on Monday.\n"
        "“Nothing was stolen,” the company said.\n",
        "Nothing was stolen,",
        "Vexor",
        "org-description",
        id="the_company_is_the_firm_named_so",
    ),
    pytest.param(
        "A group of climate activists, called the Tyre Busters, struck again.\n“We act alone,” the group said.\n",
        "We act alone,",
        "Tyre Busters",
        "org-description",
        id="a_group_called_x",
    ),
    pytest.param(
        "Food prices rose again, the World Grain Programme said.\n“Hunger is spreading,” the agency said.\n",
        "Hunger is spreading,",
        "World Grain Programme",
        "org-description",
        id="the_agency_is_the_body_that_spoke_last",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker", "rule"), ROLE_CASES)
def test_a_role_resolves_to_its_holder(
    registry: SpeakerRegistry, text: str, starts: str, speaker: str, rule: str
) -> None:
    q = quote_starting(text, starts, registry)
    assert (q.speaker, q.rule) == (speaker, rule)


DOCUMENT_CASES = [
    pytest.param(
        "The Nordic Rail Authority said in a statement that fares would rise.\n“Costs have doubled,” the statement said.\n",
        "Costs have doubled,",
        "Nordic Rail Authority",
        id="x_said_in_a_statement",
    ),
    pytest.param(
        "A group of climate activists, called the Tyre Busters, struck again.\n“We act alone,” the group's website says.\n",
        "We act alone,",
        "Tyre Busters",
        id="the_possessor_of_the_document",
    ),
    pytest.param(
        "A report by the Harwell Institute found that growth was slow.\n“Growth will stall,” the report said.\n",
        "Growth will stall,",
        "Harwell Institute",
        id="a_report_by_x",
    ),
    pytest.param(
        "The city was quiet.\n“Peace will hold,” read a statement signed by the Riverside Council.\n",
        "Peace will hold,",
        "Riverside Council",
        id="a_statement_signed_by_x",
    ),
    pytest.param(
        "The Marlow Institute published a dossier on Friday.\nThe dossier stated: “Hospitals are exposed.”\n",
        "Hospitals are exposed.",
        "Marlow Institute",
        id="x_published_a_document",
    ),
    pytest.param(
        "Rail fares\n\nAccording to Office for Rail Statistics data, “fares rose faster than wages” in May.\n",
        "fares rose faster",
        "Office for Rail Statistics",
        id="a_bodys_name_with_for_in_it_before_the_document",
    ),
    pytest.param(
        "Rally\n\nFan website Save Orbit is raising money for a new series. “More than $23,000 has been pledged "
        "so far,” according to the site.\n",
        "More than $23,000",
        "Save Orbit",
        id="a_website_named_after_its_noun",
    ),
    pytest.param(
        "Ink\n\nActor Tom Reddick is suing Harlow Studios over an injury. Harlow Studios declined to comment on "
        "the lawsuit. The suit said “the star has endured mental and physical injuries”.\n",
        "the star has endured",
        "Tom Reddick",
        id="a_lawsuit_is_whoever_sued_not_the_body_sued",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker"), DOCUMENT_CASES)
def test_a_document_speaks_for_its_issuer(registry: SpeakerRegistry, text: str, starts: str, speaker: str) -> None:
    q = quote_starting(text, starts, registry)
    assert (q.speaker, q.rule) == (speaker, "document-issuer")


def test_a_document_nobody_issued_has_no_speaker(registry: SpeakerRegistry) -> None:
    """ "report" is never a speaker, nor is the person named nearby."""
    text = (
        "Oskar Lind retired in May.\n\n“Prices will rise,” the report said. "
        "“Wages will not keep up with them for at least another three or four years.”\n"
    )
    qs = [q for q in quotes(text, registry) if q.kind == "direct"]
    assert [(q.speaker, q.rule) for q in qs] == [(None, "document-no-issuer")] * 2
    # the words the article credits stay, for the reader to see (not a speaker of the list)
    assert [q.speaker_mention for q in qs] == ["report"] * 2


def test_the_head_of_an_apposition_speaks(registry: SpeakerRegistry) -> None:
    """Not the end of the description: "Security Council" is no speaker."""
    text = "Vasil Orlenko, Russia's Ambassador to the UN Security Council, said the plan was “a provocation”.\n"
    q = next(q for q in quotes(text, registry) if q.text == "a provocation")
    assert (q.speaker, q.rule) == ("Vasil Orlenko", "apposition")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Analysts said the market would “fall”.\n", "analysts"),
        ("A spokesman said the market would “fall”.\n", "spokesman"),
        (
            "Prices rose. The market will “fall”, a senior US official, who declined to be named, said.\n",
            "senior US official",
        ),
    ],
)
def test_a_described_speaker_has_one_name(registry: SpeakerRegistry, text: str, speaker: str) -> None:
    """No article, no relative clause, a common word in lower case: "Analysts" and
    "analysts", "A spokesman" and "a spokesman" are one speaker each across a corpus."""
    (q,) = [q for q in quotes(text, registry) if q.kind == "partial"]
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "starts", "speaker", "rule"),
    [
        pytest.param(
            "Apple has expanded its iPod family.\nThe company also said the gold version of the mini would be “dropped”.\n",
            "dropped",
            "Apple",
            "org-description",
            id="the_company_after_a_sentence_about_it",
        ),
        pytest.param(
            "Contrack said the work “could not be done” at that price.\nBut the firm denied reports it was “leaving Iraq”.\n",
            "leaving Iraq",
            "Contrack",
            "org-description",
            id="the_firm_that_spoke_before",
        ),
        pytest.param(
            "Liverpool have signed Xabi Alonso from Real Sociedad.\n\nThe club said the deal was “a great coup”.\n",
            "a great coup",
            "Liverpool",
            "org-description",
            id="a_club_named_after_its_town",
        ),
    ],
)
def test_an_organisation_noun_means_the_organisation(
    registry: SpeakerRegistry, text: str, starts: str, speaker: str, rule: str
) -> None:
    q = quote_starting(text, starts, registry)
    assert (q.speaker, q.rule) == (speaker, rule)


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "Jon Reid is the lead plaintiff.\n\nBut the suit claims the chips “shut down the cartridges early”.\n",
            "shut down",
        ),
        (
            "Few people use the service.\n\nMore than two-thirds of those asked said it was “fair and unbiased”.\n",
            "fair and",
        ),
    ],
)
def test_a_thing_is_no_speaker(registry: SpeakerRegistry, text: str, starts: str) -> None:
    """Not "suit", not "more than two-thirds", and not the person named nearby either."""
    q = quote_starting(text, starts, registry)
    assert q.speaker is None and q.rule in ("not-a-speaker", "document-no-issuer")


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        pytest.param(
            "A Department for Work and Pensions spokeswoman said the rules were “under review”.\n",
            "under review",
            "Department for Work and Pensions spokeswoman",
            id="a_body_named_with_for_and_and",
        ),
        pytest.param(
            "The fine was agreed, the Securities and Exchange Commission said in “a final ruling”.\n",
            "a final ruling",
            "Securities and Exchange Commission",
            id="x_and_y_commission_is_one_body",
        ),
        pytest.param(
            "Sales rose in May, according to figures released by the Games Retail Association, “a record”.\n",
            "a record",
            "Games Retail Association",
            id="figures_released_by_x",
        ),
        pytest.param(
            "The Licensing Act says pubs must “close by eleven”.\n", "close by eleven", None, id="a_law_is_no_speaker"
        ),
        pytest.param(
            "Markets said the fall in prices was “overdone”.\n", "overdone", None, id="a_common_word_opening_a_sentence"
        ),
    ],
)
def test_names_that_are_bodies_and_names_that_are_not(
    registry: SpeakerRegistry, text: str, starts: str, speaker: str | None
) -> None:
    q = quote_starting(text, starts, registry)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        pytest.param(
            "Profits fell again.\n\nThe company said the fall was “temporary”.\n",
            "temporary",
            None,
            id="no_company_named",
        ),
        pytest.param(
            "Hillary Clinton spoke in Ohio.\n\nHer campaign said the poll was “an outlier”.\n",
            "an outlier",
            "Hillary Clinton campaign",
            id="her_campaign",
        ),
        pytest.param(
            "Chris Robinson lost on Sunday.\n\nFuming Robinson said the referee was “a disgrace”.\n",
            "a disgrace",
            "Chris Robinson",
            id="an_adjective_opening_a_name",
        ),
    ],
)
def test_bodies_and_names_as_news_writes_them(
    registry: SpeakerRegistry, text: str, starts: str, speaker: str | None
) -> None:
    q = quote_starting(text, starts, registry)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        pytest.param("Few came.\n\nAnyone who says it was “a success” is wrong.\n", "a success", id="anyone"),
    ],
)
def test_anyone_is_no_speaker(registry: SpeakerRegistry, text: str, starts: str) -> None:
    q = quote_starting(text, starts, registry)
    assert q.speaker is None


AFTER_MERGE_CASES = [
    pytest.param(
        "Latvian Prime Minister calls for more air defence: ‘We cannot wait’\n\n"
        "Latvian Prime Minister Ilze Berzina said the Baltic states needed help.\n\n"
        "“We cannot wait,” the Latvian prime minister said.\n",
        "We cannot wait",
        "Ilze Berzina",
        id="a_title_case_role_in_a_headline_is_no_name",
    ),
    pytest.param(
        "The talks went on.\n\n"
        "It comes as the head of Kyiv's defence council said Moscow could “escalate further”.\n\n"
        "Mykola Hrytsenko made the comments after the summit.\n",
        "escalate further",
        "Mykola Hrytsenko",
        id="the_holder_named_next_as_the_one_who_made_the_comments",
    ),
    pytest.param(
        "Jens Halvorsen, the secretary general of Nato, spoke in Brussels.\n\n"
        "The head of Kyiv's defence council said Moscow could “escalate further”.\n",
        "escalate further",
        "head of Kyiv's defence council",
        id="a_role_of_another_body_is_not_the_one_just_written_about",
    ),
    pytest.param(
        "Prices rose.\n\n“It is critical to act now,” the heads of the IMF, World Bank and UN World Food Program "
        "said in a joint statement.\n",
        "It is critical",
        "heads of the IMF, World Bank and UN World Food Program",
        id="a_list_of_bodies_after_of_is_one_subject",
    ),
    pytest.param(
        "Prices rose.\n\n“It is critical to act now,” the heads of the IMF, World Bank and UN World Food Program "
        "said in a joint statement.\n\nThe organizations called for open trade.\n\n"
        "“Fertiliser prices matter,” they said.\n",
        "Fertiliser prices",
        "heads of the IMF, World Bank and UN World Food Program",
        id="the_organizations_and_they_after_the_list",
    ),
    pytest.param(
        "Arsenal man Petro Hnatyuk said he would fight, much like fellow stars Ivan Sydor, Oleh Bilyk and "
        "Taras Melnyk.\n\nHe said: “Everyone will go.”\n",
        "Everyone will go.",
        "Petro Hnatyuk",
        id="he_is_not_the_last_of_a_list_of_names",
    ),
    pytest.param(
        "Smoke rose over Lviv, according to Serhiy Kovalenko, head of Lviv's military administration.\n\n"
        "“There was only minor damage,” he said.\n",
        "There was only minor damage",
        "Serhiy Kovalenko",
        id="the_head_of_an_administration_is_a_person",
    ),
    pytest.param(
        "Climate activist Greta Lindqvist is now calling for the end of “the whole system.”\n\nShe spoke in London.\n",
        "the whole system",
        "Greta Lindqvist",
        id="a_title_before_the_name_is_no_verb",
    ),
    pytest.param(
        "Trade news\n\n“The object entered our airspace,” the Estonian statement said, quoting "
        "Ukrainian officials.\n\n“It was a Kh-101,” Ukrainian state agency Ukrinform quoted the air force saying.\n",
        "It was a Kh-101",
        "air force",
        id="x_quoted_y_saying",
    ),
    pytest.param(
        "Nord Stream claims\n\nLast week, Hersh in a 5,000 words report claimed that a “top secret operation” "
        "took place.\n",
        "top secret operation",
        "Hersh",
        id="a_comma_inside_a_number_is_no_boundary",
    ),
]


@pytest.mark.parametrize(("text", "starts", "speaker"), AFTER_MERGE_CASES)
def test_roles_lists_and_titles_as_news_writes_them(
    registry: SpeakerRegistry, text: str, starts: str, speaker: str
) -> None:
    q = quote_starting(text, starts, registry)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        pytest.param(
            "Science Daily warned on Monday that heat deaths are rising.\n\n"
            "“Heat is the leading weather-related killer,” the article said.\n",
            "Heat is the leading",
            "Science Daily",
            id="the_article_of_the_last_named_speaker",
        ),
        pytest.param(
            "Trawler charged\n\nNorway's Fisheries Authority is bringing charges against a trawler.\n\n"
            "“The vessel ignored three warnings,” the statement said.\n",
            "The vessel ignored",
            "Norway's Fisheries Authority",
            id="the_body_a_recent_sentence_opens_with",
        ),
        pytest.param(
            "The Vale Trust declined to comment.\n\n“Records were lost,” the congressional report said.\n",
            "Records were lost",
            None,
            id="a_congressional_report_is_no_trust's",
        ),
        pytest.param(
            "Mr Hale said: “I have dealt with this.”\n\n"
            "The book, by Sunday Courier journalist Robert Lane and serialised in the paper, said the pair had "
            "“mutual contempt”.\n",
            "mutual contempt",
            "Robert Lane",
            id="a_book_by_a_journalist",
        ),
        pytest.param(
            "Dollar news\n\nBrazilian President Lula da Silva spoke in Shanghai on Thursday.\n\n"
            "Don’t Miss: Dollar crashing, Donald Trump warns\n\n"
            "“Why can’t we trade in our own currencies?” he said during his address.\n",
            "Why can’t we",
            "Lula da Silva",
            id="a_link_teaser_names_no_one_a_later_he_can_mean",
        ),
    ],
)
def test_documents_and_teasers(registry: SpeakerRegistry, text: str, starts: str, speaker: str | None) -> None:
    q = quote_starting(text, starts, registry)
    assert q.speaker == speaker
