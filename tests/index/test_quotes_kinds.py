"""Scare quotes, terms and titles against partial quotations: quoted words that a verb of
speech attributes to someone are that speaker's words. Every text is invented."""

from __future__ import annotations

import pytest

from index.models import Quote
from index.quotes import extract_quotes


def record(text: str, words: str) -> Quote:
    hits = [q for q in extract_quotes("t", text) if q.text == words and q.kind != "reported"]
    assert hits, words
    return hits[0]


def test_words_a_verb_of_speech_calls_something_are_the_speaker_s_partial_quote() -> None:
    q = record(
        "Headline of the day\n\nMayor Ida Berg called it “a scam on the poor” on Monday.\n", "a scam on the poor"
    )
    assert q.kind == "partial" and q.speaker == "Ida Berg"


@pytest.mark.parametrize(
    "text, words",
    [
        ("Ida Berg said she had read “The Long Winter” twice last year.", "The Long Winter"),  # a title
        ("Ida Berg said the word “freedom” appears twice in the plan.", "freedom"),  # a word named
        ("Ida Berg said so-called “green” fuels are sold at every pump.", "green"),  # scare quotes
        ("The so-called “green” fuels are sold at every pump in town.", "green"),
    ],
)
def test_named_words_titles_and_scare_quotes_stay_nobody_s(text: str, words: str) -> None:
    q = record(f"Headline of the day\n\n{text}\n", words)
    assert q.kind == "other" and q.speaker is None


def test_a_clause_of_quoted_words_with_no_cue_is_the_sentence_subject_s() -> None:
    text = "Headline of the day\n\nSenator Paul Reyna worried that the safety net was becoming “a hammock that lulls the able”.\n"
    q = record(text, "a hammock that lulls the able")
    assert q.kind == "partial" and q.speaker == "Paul Reyna" and q.rule == "long-fragment"


def test_a_clause_of_quoted_words_about_a_thing_stays_nobody_s() -> None:
    text = "Headline of the day\n\nThe new plan was sold as “a hammock that lulls the able” in the spring.\n"
    q = record(text, "a hammock that lulls the able")
    assert q.kind == "other" and q.speaker is None


@pytest.mark.parametrize(
    "text, words",
    [
        (
            "Wagner's chief Ivo Brand, known as “the Cook of the Kremlin”, said the men would go.",
            "the Cook of the Kremlin",
        ),
        ("The bank in Shanghai, widely known as the “BRICS bank”, lent more, Lina Ortiz said.", "BRICS bank"),
        (
            "Ivo Brand will face Paul Reyna in what has been dubbed “the great harbour duel of our decade” on Saturday.",
            "the great harbour duel of our decade",
        ),
        (
            "Dr Lina Ortiz said groups dubbed “pioneers” were most keen to try new phones.",
            "pioneers",
        ),
        (
            "Lina Ortiz cited a study titled, “Top Scientist: Humans Will Go Extinct if We Don’t Fix The Climate by 2030.”",
            "Top Scientist: Humans Will Go Extinct if We Don’t Fix The Climate by 2030.",
        ),
    ],
)
def test_a_name_given_is_nobody_s_words(text: str, words: str) -> None:
    q = record(f"Headline of the day\n\n{text}\n", words)
    assert q.kind == "other" and q.speaker is None


def test_a_phrase_the_article_quotes_again_and_again_is_its_term() -> None:
    text = (
        "Headline of the day\n\nOfficials said Kiev was building a ‘dirty bomb’ in secret.\n\n"
        "Ivo Brand said a ‘dirty bomb’ was “not a very complex device,” and he was worried.\n\n"
        "Inspectors found no ‘dirty bomb’ at either site.\n"
    )
    qs = extract_quotes("t", text)
    assert {q.kind for q in qs if q.text == "dirty bomb"} == {"other"}
    said = next(q for q in qs if q.text == "not a very complex device,")
    assert said.kind == "partial" and said.speaker == "Ivo Brand"


def test_a_title_noun_in_the_sentence_before_names_no_quotation() -> None:
    text = (
        "Phone book\n\n"
        "They rely on the phone book. “We are a nation of lazy people,” David Noone said. "
        "His new book “Lazy Nation” is out.\n"
    )
    said = record(text, "We are a nation of lazy people,")
    assert (said.kind, said.speaker) == ("direct", "David Noone")  # not the book's title
    assert record(text, "Lazy Nation").kind == "other"  # a title right after its noun still is one


def test_lower_case_words_after_a_title_noun_are_words_said_not_a_title() -> None:
    text = "Show news\n\nThe corporation said the new show “aims to appeal to a diverse audience of music lovers”.\n"
    assert record(text, "aims to appeal to a diverse audience of music lovers").kind == "partial"


def test_words_after_a_programme_s_name_and_a_colon_are_speech_when_a_verb_introduces_them() -> None:
    text = "Title of the piece\n\nMr Hale told Channel 9's Morning Show: “Let's just apologise and move on.”\n"
    (q,) = [q for q in extract_quotes("t", text) if q.text.startswith("Let's")]
    assert (q.kind, q.speaker) == ("direct", "Hale")  # not a show's title: "told …:" introduces words


def test_a_headline_that_gives_a_name_quotes_nobody() -> None:
    text = "Harbour Lights dubbed ‘worst TV import’\n\nThe show Harbour Lights has won the title in a poll.\n"
    q = record(text, "worst TV import")
    assert q.kind == "other" and q.speaker is None
