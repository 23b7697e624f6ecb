"""Quotations in headlines, subheadings and link teasers take the speaker the line names,
as the body names them; a line that names nobody quotes no one. Every text is invented."""

from __future__ import annotations

from index.models import Quote
from index.quotes import extract_quotes


def quote(quotes: list[Quote], words: str) -> Quote:
    hits = [q for q in quotes if q.text == words and q.kind != "reported"]
    assert hits, f"{words!r} not among {[(q.text, q.kind) for q in quotes]}"
    return hits[0]


def test_a_title_case_verb_of_speech_names_the_speaker_by_the_body_s_full_name() -> None:
    text = (
        "Kovac Says Lawmakers ‘Don’t Care About Farmers’\n\n"
        "Agriculture minister Marta Kovac accused lawmakers of ignoring the harvest on Monday.\n"
    )
    q = quote(extract_quotes("t", text), "Don’t Care About Farmers")
    assert q.kind == "partial" and q.speaker == "Marta Kovac" and q.rule == "headline-named"
    assert q.speaker_mention == "Kovac" and text[q.mention_start : q.mention_end] == "Kovac"


def test_a_quotation_opening_the_headline_is_the_named_speaker_s() -> None:
    text = "‘Aren’t They Fools?’: Kovac Says Rivals Misread The Vote\n\nMarta Kovac spoke to reporters in Zagreb.\n"
    q = quote(extract_quotes("t", text), "Aren’t They Fools?")
    assert q.kind == "direct" and q.speaker == "Marta Kovac"


def test_the_agent_of_a_passive_verb_of_speech_speaks() -> None:
    text = (
        "Plot Story Dismissed As 'Fake' By Pentagon\n\n"
        "Officials at the Pentagon rejected the report, which cited no documents.\n"
    )
    q = quote(extract_quotes("t", text), "Fake")
    assert q.kind == "partial" and q.speaker == "Pentagon"


def test_the_body_s_quotation_of_the_same_words_gives_the_speaker() -> None:
    text = (
        "Finance chief warns of 'painful winter'\n\n"
        "The finance chief, Lena Holm, spoke on Tuesday about prices.\n\n"
        "“It will be a painful winter for every household,” Holm said.\n"
    )
    q = quote(extract_quotes("t", text), "painful winter")
    assert q.speaker == "Lena Holm" and q.rule == "headline-same-words"


def test_a_description_in_the_headline_is_the_body_s_speaker() -> None:
    text = (
        "Alarmists Warn Of ‘Heat Dome’ Over The Plains\n\n"
        "The Weather Desk warned on Monday that a dome of hot air would settle over the plains.\n"
    )
    q = quote(extract_quotes("t", text), "Heat Dome")
    assert q.kind == "partial" and q.speaker == "Weather Desk" and q.rule == "headline-named"


def test_a_headline_that_names_no_speaker_quotes_nobody() -> None:
    text = (
        "Warning hospitals are ‘most vulnerable to attack’ after the outbreak\n\n"
        "A report by the health ministry found gaps in hospital networks.\n"
    )
    q = quote(extract_quotes("t", text), "most vulnerable to attack")
    assert q.kind == "other" and q.speaker is None and q.rule == "headline-unnamed"


def test_a_quoted_subheading_between_paragraphs_quotes_nobody() -> None:
    text = (
        "Village rebuilds its school\n\n"
        "“We want the children back by autumn,” said Ivo Marek, the headteacher.\n\n"
        "‘Really want’ peace\n\n"
        "The builders arrived on Monday with two trucks of bricks.\n"
    )
    qs = extract_quotes("t", text)
    assert quote(qs, "We want the children back by autumn,").speaker == "Ivo Marek"
    sub = quote(qs, "Really want")
    assert sub.kind == "other" and sub.speaker is None


def test_a_link_teaser_quotes_like_a_headline_and_its_label_is_no_speaker() -> None:
    text = (
        "Markets steady after the vote\n\n"
        "Traders were calm on Monday as prices held.\n\n"
        "TRENDING: Bank Insider Reveals The ‘New Plan’ Will Cut Rates\n\n"
        "Also Read: Harbour board asks for answers over ‘blowing up’ the pier\n\n"
        "Prices rose slightly on Tuesday.\n"
    )
    qs = extract_quotes("t", text)
    assert not any(q.speaker and q.speaker.lower() in ("trending", "also read", "read") for q in qs)
    plan = quote(qs, "New Plan")
    assert plan.kind == "partial" and plan.speaker and "Insider" in plan.speaker
    pier = quote(qs, "blowing up")
    assert pier.kind == "partial" and pier.speaker and "board" in pier.speaker.lower()


def test_a_nickname_before_the_name_a_teaser_gives_is_no_quotation() -> None:
    text = (
        "Currencies in flux\n\n"
        "The rupee gained on Monday.\n\n"
        "Must Read: Rupee could be the new dollar, says ‘Doctor Doom’ Nouriel Roubini\n\n"
        "The yuan fell.\n"
    )
    q = quote(extract_quotes("t", text), "Doctor Doom")
    assert q.kind == "other" and q.speaker is None


def test_the_headline_repeated_above_the_story_is_read_like_the_headline() -> None:
    head = "Kovac Says Lawmakers ‘Don’t Care About Farmers’"
    text = f"{head}\n\n{head}\n\nAgriculture minister Marta Kovac accused lawmakers of ignoring the harvest.\n"
    second = text.index(head, 1)
    qs = extract_quotes("t", text, skip=[(second, second + len(head))])  # flagged as a duplicate line
    found = [q for q in qs if q.text == "Don’t Care About Farmers"]
    assert [q.start for q in found] == [text.index("Don’t"), text.index("Don’t", second)]
    assert {q.speaker for q in found} == {"Marta Kovac"}


def test_a_lead_paragraph_is_no_headline() -> None:
    """A text without its title: the first line is the lead, read as body text."""
    text = (
        "Anna Vale spoke after the vote. “Our future is in the union,” she said, and the hall cheered.\n\n"
        "The vote passed easily.\n"
    )
    q = quote(extract_quotes("t", text), "Our future is in the union,")
    assert q.kind == "direct" and q.speaker == "Anna Vale"


def test_a_short_line_that_introduces_a_quotation_is_no_subheading() -> None:
    text = (
        "Envoys meet again over grain\n\nTalks began on Friday.\n\n"
        'The envoy said: "Talks on the corridor will resume"\n\nOfficials confirmed the date.\n'
    )
    q = quote(extract_quotes("t", text), "Talks on the corridor will resume")
    assert q.kind == "direct" and q.speaker == "envoy" and q.rule != "headline-named"


def test_a_teaser_s_description_is_not_this_body_s_first_speaker() -> None:
    """A link teaser heads another article: "Forum Insider" stays as written, not the first
    person this body quotes."""
    text = (
        "Pipeline blast probed\n\n"
        "Admiral Ola Berg told reporters the helicopters were “on routine patrol”.\n\n"
        "TRENDING: Forum Insider Reveals The ‘New Crisis’ Will Be a ‘Global Famine’\n\n"
        "The helicopter spent hours over the site.\n"
    )
    label = text.index("TRENDING: ")
    for skip in ((), ((label, label + len("TRENDING: ")),)):  # (the reader cuts the label as boilerplate)
        q = quote(extract_quotes("t", text, skip=skip), "Global Famine")
        assert q.speaker == "Forum Insider" and q.rule == "headline-named"
