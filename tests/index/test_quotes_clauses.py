"""Which clause a participle or a plural noun of speech belongs to (#14).

Every text here is invented. A speaker is a person, body or group that the grammar of the
sentence makes the subject of the cue: never an adverb that opens the sentence, a verb
phrase after "to", or the owner of a noun ("Dobbs's repeated calls").
"""

from __future__ import annotations

import pytest

from index.models import Quote
from index.speakers import SpeakerRegistry
from tests.index.shipped import quotes, shipped_registry


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    return shipped_registry()


def quotes_of_text(text: str, registry: SpeakerRegistry) -> list[Quote]:
    return quotes("Council report.\n\n" + text + "\n", registry)


def marked(text: str, registry: SpeakerRegistry) -> list[Quote]:
    return [q for q in quotes("Council report.\n\n" + text, registry) if q.kind in ("direct", "partial")]


@pytest.mark.parametrize("adverb", ["", "reportedly "])
def test_with_a_name_and_a_participle_the_name_speaks(adverb: str, registry: SpeakerRegistry) -> None:
    """ "…, with Senator Tom Kessel (reportedly) telling reporters …": an absolute clause,
    whose subject is the name after "with", not the main clause's ("the city")."""
    text = (
        "The fire sparked a debate over how the city responds to floods, with Senator Tom Kessel "
        f"{adverb}telling reporters on Thursday he viewed the mayor as “directly responsible” for the damage.\n"
    )
    q = marked(text, registry)[0]
    assert (q.speaker, q.rule, q.speaker_mention) == ("Tom Kessel", "with-participle", "Tom Kessel")


def test_a_plural_noun_of_speech_after_an_owner_is_no_verb(registry: SpeakerRegistry) -> None:
    """ "decried Dobbs's repeated calls …, noting": the participle hangs on the clause whose
    subject is Mira Khan; Dobbs only owns the calls."""
    text = (
        "Mira Khan, who is a farmer, also decried Paul Dobbs’s repeated calls to close the market, "
        "noting he has “sacrificed nothing” for the town.\n"
    )
    q = marked(text, registry)[0]
    assert (q.speaker, q.rule) == ("Mira Khan", "participle")


def test_an_infinitive_is_no_speaker(registry: SpeakerRegistry) -> None:
    """ "… visited the studio to discuss her recent remarks …, saying": "remarks" is a noun
    here and "discuss her recent" no speaker; the participle's subject is the senator."""
    text = (
        "Sen. Rita Olsen visited the studio to discuss her recent remarks about her rival, Tom Bell, "
        "saying “on his worst day” he would be “a better mayor” than the others.\n"
    )
    got = marked(text, registry)
    assert [(q.speaker, q.rule) for q in got] == [("Rita Olsen", "participle")] * 2


def test_an_adverb_opening_the_sentence_is_no_name(registry: SpeakerRegistry) -> None:
    """ "More recently, he has spoken out …, citing": "More" is an adverb's word, not a person."""
    text = (
        "Tom Bell has backed the farmers for years. More recently, he’s spoken out against the tax, "
        "inviting Ann Lee to the tower, and he was quick to make his pitch after the storm, citing "
        "his “tough on waste” record.\n"
    )
    q = marked(text, registry)[0]
    assert q.speaker == "Tom Bell"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        # a noun and a verb: the proposal is what speaks (no issuer named: no speaker)
        ("The proposal calls the blasts “an act of terrorism” and asks for an inquiry.", "proposal"),
        # a person noun before the verb is its subject, not a modifier
        ("Her husband remarks that the vote was “a farce” every time they meet.", "husband"),
    ],
)
def test_a_noun_then_a_verb_still_attributes(sentence: str, mention: str, registry: SpeakerRegistry) -> None:
    q = marked(sentence + "\n", registry)[0]
    assert q.cue in ("calls", "remarks")
    assert q.speaker_mention == mention


def test_a_speaker_s_reported_paragraphs_keep_them_the_one_a_quotation_continues(registry: SpeakerRegistry) -> None:
    """ "“A,” he said. ¶ He admitted … ¶ It was …, he said. ¶ “B.”": three paragraphs after
    his last quotation, but his own reported speech stands between."""
    text = (
        "Kurt Lund admitted that officials had considered using doubles.\n\n"
        "“I discarded the idea of any doubles,” he said.\n\n"
        "He admitted the idea came up in the early 2000s.\n\n"
        "It was suggested a lookalike should take his place at events, he said.\n\n"
        "“This was during the toughest time of our fight against crime.”\n"
    )
    q = marked(text, registry)[-1]
    assert (q.speaker, q.rule) == ("Kurt Lund", "continuation")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Kessel campaign denied it, with Tom Lund taking to Twitter to call Ann Fields “totally delusional”.",
            "Tom Lund",
        ),
        ("Mira Khan took to social media to slam the plan as “a disgrace”.", "Mira Khan"),
        ("Paul Dobbs went to Telegram to say the strike was “a success”.", "Paul Dobbs"),
    ],
)
def test_who_took_to_a_platform_speaks_its_infinitive(text: str, speaker: str, registry: SpeakerRegistry) -> None:
    """ "took to Twitter to call …": the one who took to the platform speaks."""
    q = marked(text + "\n", registry)[0]
    assert q.speaker == speaker


def test_an_aside_between_the_subject_and_its_verb(registry: SpeakerRegistry) -> None:
    """ "Proponents of the bill, however, say": the verb's subject stands before the aside;
    "Students would continue to take tests" is no speech."""
    text = (
        "Proponents of the new bill, however, say it keeps the department as an “umpire.” "
        "Students would continue to take tests every year.\n"
    )
    q = marked(text, registry)[0]
    assert q.speaker is not None and q.speaker.lower() == "proponents"


def test_an_adverb_opening_the_sentence_is_no_part_of_the_name(registry: SpeakerRegistry) -> None:
    q = marked("Even Republicans, who backed the bill, continued to call it “a mess” on Monday.\n", registry)[0]
    assert q.speaker == "Republicans"


def test_a_quotation_with_its_own_cue_after_it_keeps_that_speaker(registry: SpeakerRegistry) -> None:
    """ "… but Moscow strongly denies — “why wouldn’t you?” asked Dunn": the classic
    attribution after the closing mark wins over the clause that runs into the quotation."""
    text = (
        "If the state is meddling in the race — as researchers believe, but Moscow strongly denies — "
        "“why wouldn’t you want to check?” asked Anita Dunn, a partner at a firm.\n"
    )
    q = marked(text, registry)[0]
    assert (q.speaker, q.rule) == ("Anita Dunn", "name-after-said")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In a poll, 31% of Republicans and Republican-leaning voters said they were “extremely keen”.", "Republicans"),
        ("The Obama White House had disliked the gatherings, saying they were “a circus”.", "Obama White House"),
    ],
)
def test_names_are_whole_names(text: str, speaker: str, registry: SpeakerRegistry) -> None:
    """A modifier ("Republican-leaning") is no name, and a body's name ending in a title
    word ("White House") stays whole."""
    q = marked(text + "\n", registry)[0]
    assert q.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # "brands" after "its confectionery": a noun, and "Growth" no speaker
        "Cadbury said sales were up. Growth was helped by its confectionery brands, which enjoyed a “successful” year.",
        # "asking prices have": a noun phrase, and "Overall" an adverb
        "Mr Shipside spoke first. Overall, asking prices have fallen 3% from their “peak” in July.",
        # a common word opening "Press reports suggest" or "Ballot papers will ask" issues nothing
        "The firms declined to comment. Press reports suggest that the two may agree a “deal” soon.",
        "Voters will decide. Ballot papers will ask: “Should the country approve the treaty?”",
        "Rates fell. Initial reports suggested the bank may cut them again, a “shock” to savers.",
        "The talks go on. Media reports said a “deal” was close. The company reports that sales rose.",
        # a word of quantity before a count or a noun
        "Trust is falling. Almost 70% of those asked in a poll said that firms do too “little”.",
        "Growth was weak. Other indicators are also suggesting that the economy is “recovering”.",
        "He is fit. Having said that, Mark is looking in much better “shape” this year.",
        # a document after the verb speaks, not the sentence's opening word
        "Gadgets sold well. Digital cameras were the most popular gadget, said the survey, with 40% choosing one.",
    ],
)
def test_a_common_word_opening_a_sentence_speaks_no_words(text: str, registry: SpeakerRegistry) -> None:
    got = quotes_of_text(text, registry)
    opening = ("Growth", "Overall", "Press", "Ballot", "Initial", "Media", "Almost", "Other", "Having", "Digital")
    assert all(q.speaker not in opening for q in got), got


def test_a_full_stop_glued_to_the_next_sentence_ends_the_cue(registry: SpeakerRegistry) -> None:
    """ "…,” he added.Graham is …": a missing space on a scraped page; "added" is still the
    cue (not "added.Graham", one word), and "U.S." stays one word."""
    text = (
        "“They are sitting on minerals,” Senator Lindsey Graham said. “If we help now, they can become "
        "a partner,” he added.Graham is seen as a hawk in Moscow, said Ivan Petrov.\n\n"
        "U.S. officials said it was “over”.\n"
    )
    got = marked(text, registry)
    assert [q.speaker for q in got] == ["Lindsey Graham", "Lindsey Graham", "U.S. officials"]


def test_a_new_report_after_a_quotation_does_not_attribute_it(registry: SpeakerRegistry) -> None:
    """ "“…” Trump said on Monday." attributes the quotation before it; "… Theresa May said
    the meets would show …", a report of its own, does not."""
    text = (
        "The alliance fought the ban for years. “It is over.” Family spokeswoman Theresa May said the "
        "meets would show the new law was “impossibly difficult” to apply.\n\n"
        "“We will win this.” Tom Lund said on Monday.\n"
    )
    got = quotes_of_text(text, registry)
    over = [q for q in got if q.text == "It is over."]
    assert over and all(q.speaker != "Theresa May" for q in over)
    assert got[-1].speaker == "Tom Lund"


def test_a_titled_name_before_a_colon_speaks(registry: SpeakerRegistry) -> None:
    """ "- Manchester City boss Kevin Keegan: “…”": the name after its title speaks; "He told
    Fox News Channel: “…”" is still his, not the channel's."""
    text = (
        "- Manchester City boss Kevin Keegan: “We had a great chance to take the lead.”\n\n"
        "He told Fox News Channel: “It was fine.”\n"
    )
    got = marked(text, registry)
    assert [q.speaker for q in got] == ["Kevin Keegan", "Kevin Keegan"]


def test_a_word_in_a_sentence_about_someone_is_not_the_next_sentence_s_speaker(registry: SpeakerRegistry) -> None:
    """ "Duncan Bannatyne attacked its “poor” response. … Robin Cook said …": the word is
    not Cook's (it is Bannatyne's, or nobody's)."""
    text = (
        "Duncan Bannatyne also attacked the government over its “poor” response to the crisis. His broadside "
        "came as ex-Foreign Secretary Robin Cook said he hoped Mr Brown would be premier.\n"
    )
    got = [q for q in quotes_of_text(text, registry) if q.text == "poor"]
    assert got and all(q.speaker != "Robin Cook" for q in got)


@pytest.mark.parametrize("name", ["Jones", "Davis", "Kessel"])
def test_a_surname_after_a_quotation_and_its_comma_speaks(name: str, registry: SpeakerRegistry) -> None:
    """ "“…,” Jones said.": the surname does not open a sentence (the quotation's comma goes on),
    so no common-word test ("Markets", "Warnings") throws it out for its ending."""
    q = marked(f"“We had written two dozen songs,” {name} said.\n", registry)[0]
    assert (q.speaker, q.rule) == (name, "one-word-name")


@pytest.mark.parametrize(
    "text",
    [
        "Tom Kessel accuses the mayor of “hiding the costs” and Lena Dahl says he is “wasting everyone's time,” "
        "part of a long quarrel.\n",
        "Tom Kessel said he would fix the “broken bridge,” for instance, and Lena Dahl vowed to “sell the ferry” "
        "by June.\n",
        "Tom Kessel described the plan as “quite a mess” while Lena Dahl said it was “a real surprise for us”.\n",
    ],
)
def test_a_coordinated_clause_with_its_own_speaker_keeps_its_quotation(text: str, registry: SpeakerRegistry) -> None:
    """ "X accuses … of “…” and Y says …“…”": two clauses of speech, each with its speaker;
    the first clause ends where the second begins and does not take its quotation."""
    got = quotes_of_text(text, registry)
    assert [q.speaker for q in got if q.kind == "partial"] == ["Tom Kessel", "Lena Dahl"]
    first = next(q for q in got if q.kind == "reported" and q.speaker == "Tom Kessel")
    assert "Lena Dahl" not in first.text


def test_a_quotation_of_an_inner_clause_of_speech_is_that_clauses(registry: SpeakerRegistry) -> None:
    """ "Kessel said the plan was “a mess” because Dahl told him that “…”": the second
    quotation is what Dahl told; Kessel's clause ends before hers and holds only his."""
    text = (
        "Tom Kessel said the plan was “a mess” because Lena Dahl told him in May that “it would fail within a year.”\n"
    )
    got = quotes_of_text(text, registry)
    assert [q.speaker for q in got if q.kind == "partial"] == ["Tom Kessel", "Lena Dahl"]
    assert [q.text for q in got if q.kind == "reported"] == [
        "Tom Kessel said the plan was “a mess”",
        "Lena Dahl told him in May that “it would fail within a year.",
    ]


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        ("On Tuesday Labour chairman Tom Kessel", "Tom Kessel"),
        ("Last week Tom Kessel", "Tom Kessel"),
        ("Earlier this month Tom Kessel", "Tom Kessel"),
        ("In March 2022 Tom Kessel", "Tom Kessel"),
    ],
)
def test_a_time_opening_the_sentence_is_not_the_subject(opening: str, speaker: str, registry: SpeakerRegistry) -> None:
    """ "On Tuesday Labour chairman Tom Kessel said ...": a time, then the subject, no comma."""
    q = marked(f"{opening} said his party was “ambitious” to win more seats.\n", registry)[0]
    assert q.speaker == speaker


def test_a_time_before_a_described_subject_is_not_the_subject(registry: SpeakerRegistry) -> None:
    """ "before he left for Paris on Tuesday the chancellor told reporters:": the chancellor."""
    text = (
        "Chancellor Tom Kessel flew out on Tuesday.\n\n"
        "Lena Dahl denied the report, and before he left for Paris on Tuesday the chancellor told "
        "reporters: “Of course I trust her.”\n"
    )
    q = marked(text, registry)[-1]
    assert (q.speaker, q.speaker_mention) == ("Tom Kessel", "the chancellor")


@pytest.mark.parametrize("verb", ["agreed", "has agreed", "would continue"])
def test_agreeing_or_continuing_to_act_is_no_speech(verb: str, registry: SpeakerRegistry) -> None:
    """ "The council agreed to spend 0.7% on aid": an act, not reported speech."""
    got = quotes_of_text(f"The city council {verb} to spend most of the money on new schools.", registry)
    assert [q for q in got if q.kind == "reported"] == []


def test_agreeing_that_is_speech(registry: SpeakerRegistry) -> None:
    got = quotes_of_text("The city council agreed that most of the money should go to new schools.", registry)
    assert [q.speaker for q in got if q.kind == "reported"] == ["city council"]


def test_a_place_after_a_named_persons_age_and_town_is_not_the_speaker(registry: SpeakerRegistry) -> None:
    """ "Cory James, 22, of Flint, Mich., said": the state goes on with the town."""
    text = "Tom Kessel, 22, of Flint, Mich., said he had not given up hope of a “surprise” at the convention.\n"
    assert [q.speaker for q in marked(text, registry)] == ["Tom Kessel"]


def test_a_fragment_without_a_cue_is_the_sentence_subjects_not_its_objects(registry: SpeakerRegistry) -> None:
    """ "Kessel ripped Mayor Lena Dahl for acting as “the judge and the jury”": Kessel's words."""
    text = (
        "Tom Kessel, the council's longest-serving member, ripped Mayor Lena Dahl for acting as “the judge "
        "and the jury” in the planning case.\n"
    )
    assert [q.speaker for q in marked(text, registry)] == ["Tom Kessel"]


def test_a_quotation_paragraph_after_someones_reported_words_is_theirs(registry: SpeakerRegistry) -> None:
    """ "“A,” X said. ¶ Dahl said that critics had long predicted a withdrawal. ¶ “B.”": B is
    Dahl's, whose words the paragraph before reports, not X's."""
    text = (
        "“The uncertainty is the main concern,” Defence Minister Tom Kessel said.\n\n"
        "Lena Dahl said that for decades some critics had been predicting a withdrawal from the region, "
        "but this would not happen.\n\n"
        "“That is because this region is home to half the world, and we will stay.”\n"
    )
    assert [q.speaker for q in marked(text, registry)] == ["Tom Kessel", "Lena Dahl"]


def test_a_quotation_with_its_own_cue_keeps_it_after_someones_reported_paragraph(registry: SpeakerRegistry) -> None:
    text = (
        "“We will win,” Tom Kessel said.\n\n"
        "Lena Dahl said that the campaign could force its rival to spend money in the north.\n\n"
        "“Can we win the north?” Mr Kessel asked. “I do not know.”\n"
    )
    assert [q.speaker for q in marked(text, registry)] == ["Tom Kessel"] * 3


@pytest.mark.parametrize("who", ["an angry Kessel", "a crestfallen Mr Kessel"])
def test_an_adjective_before_a_name_after_a_quotation_still_names_the_speaker(
    who: str, registry: SpeakerRegistry
) -> None:
    """ "“…,” an angry Hollande retaliated": any verb after the quotation, its subject a name."""
    text = f"“Paris will always be Paris,” Lena Dahl claimed.\n\n“The city never gives up,” {who} retaliated.\n"
    assert marked(text, registry)[-1].speaker == "Kessel"


def test_a_subordinate_clause_of_speech_keeps_its_own_quotation(registry: SpeakerRegistry) -> None:
    """ "“…,” Kessel said as the heckler yelled: “You suck!”": the heckler's words."""
    text = "“There is a young man having some problems,” Tom Kessel said as the heckler yelled: “You are boring!”\n"
    assert [q.speaker for q in marked(text, registry)] == ["Tom Kessel", "heckler"]


def test_two_names_joined_by_and_are_one_subject_not_a_new_clause(registry: SpeakerRegistry) -> None:
    """ "… told Reuters that a deal could resemble the draft that Moscow and Kyiv nearly agreed
    upon": no clause of speech starts at "and", and agreeing upon a thing is no speech."""
    text = (
        "Two of the sources told Reuters that a possible deal could resemble the draft agreement that "
        "Tallinn and Riga nearly agreed upon in April following talks in Oslo.\n"
    )
    got = [q for q in quotes_of_text(text, registry) if q.kind == "reported"]
    assert [(q.speaker, q.text.endswith("talks in Oslo.")) for q in got] == [("sources", True)]


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        ("said Will Doyle, a professor of economics.", "Will Doyle"),
        ("said voter Dan Golvach when asked about Lena Dahl.", "Dan Golvach"),
        ("said Sen. Jim Whelan who represents the city and served as its mayor for many, many years.", "Jim Whelan"),
    ],
)
def test_the_source_after_said_ends_where_its_own_clause_begins(
    tail: str, speaker: str, registry: SpeakerRegistry
) -> None:
    """ "said X when asked about Y", "said X who represents …": X; "Will" before a surname is a name."""
    text = f"Costs rose, Tom Kessel said.\n\n“It is an expensive business model,” {tail}\n"
    assert [q.speaker for q in marked(text, registry)] == [speaker]


def test_a_quotation_after_someones_reported_sentence_in_its_paragraph_is_theirs(registry: SpeakerRegistry) -> None:
    """ "…, consultant Phil Musser says. “Several surveys …”": Musser, not the last speaker."""
    text = (
        "Professor Lena Dahl agreed. “Republicans are running out of time.”\n\n"
        "Or maybe the mayor, consultant Tom Kessel says. “Several surveys suggest a second look is coming.”\n"
    )
    assert [q.speaker for q in marked(text, registry)] == ["Lena Dahl", "Tom Kessel"]


@pytest.mark.parametrize(
    "sentence",
    [
        "So is the party's job to destroy the Tories, as former member Tom Kessel once declared?",
        "The album Exodus came out in 1977 and confirmed his status as a star.",
    ],
)
def test_a_question_or_a_things_report_does_not_speak_for_the_next_quotation(
    sentence: str, registry: SpeakerRegistry
) -> None:
    text = f"“We will see,” Lena Dahl said.\n\n{sentence}\n\n“No. The aim of the party is to leave the union.”\n"
    got = marked(text, registry)
    assert got[-1].speaker not in ("Tom Kessel", "Exodus")


def test_the_agent_of_a_passive_question_asks_and_the_subject_answers(registry: SpeakerRegistry) -> None:
    """ "Kessel was asked by moderator Lena Dahl whether … “…” ¶ “…,” he said": Dahl asks, Kessel answers."""
    text = (
        "Tom Kessel was asked by moderator Lena Dahl whether his plan would risk “adding another costly "
        "programme to an overburdened budget.”\n\n"
        "“The most important institution in society is the family,” he said.\n"
    )
    got = marked(text, registry)
    assert [(q.speaker, q.rule) for q in got] == [
        ("Lena Dahl", "passive-agent"),
        ("Tom Kessel", "pronoun-last-speaker"),
    ]


def test_a_plural_head_before_at_or_from_is_the_subject_of_a_bare_verb(registry: SpeakerRegistry) -> None:
    """ "Analysts at the Kestrel Institute believe “…” ¶ They said: “…”": the analysts, both."""
    text = (
        "Analysts at the Kestrel Institute believe “the fate of hospital security” depends on investment.\n\n"
        "They said: “Just as a careful doctor treats chronic conditions, so must hospitals fix their networks.”\n"
    )
    assert [q.speaker for q in marked(text, registry)] == ["analysts", "analysts"]


def test_a_clause_rejecting_someones_claim_ends_before_the_claim(registry: SpeakerRegistry) -> None:
    text = "Vote row\n\nTom Smith rejected Donald Trump’s claim that the vote was “rigged from the start.”\n"
    got = {(q.kind, q.text, q.speaker) for q in quotes_of_text(text, registry)}
    assert ("reported", "Tom Smith rejected", "Tom Smith") in got  # Smith rejects; the words are Trump's
    assert ("partial", "rigged from the start.", "Donald Trump") in got


def test_a_pronoun_left_of_a_clause_is_no_speaker(registry: SpeakerRegistry) -> None:
    """ "He said the union leader was trying to block reform which threatened his members'
    jobs": whoever "he" is, the speaker is never the word "He"."""
    text = (
        "Jonathan Baume spoke of rivalry. He said the union leader was trying to block civil service "
        "reform which threatened his members' jobs.\n"
    )
    assert all(q.speaker not in ("He", "he") for q in quotes_of_text(text, registry))
