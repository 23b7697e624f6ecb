"""The rules that decide who said a quotation: one stable id each, and what it means.

Every ``Quote`` names the rule that gave it its speaker (``Quote.rule``), and its
confidence is that rule's measured speaker accuracy (``confidence.py``). An id never
changes meaning: a new way of finding a speaker is a new id, so its figures in
``make eval`` start from nothing and an old rule's figures stay comparable.

The rule is the step that decided the speaker: for a name, where it stood (before the
verb, after it, in an apposition ...); for a pronoun or a role noun, what it was
resolved to; for a quotation with no cue of its own, how it was attached.
"""

from __future__ import annotations

RULES: dict[str, str] = {
    # a name, by where it stands
    "said-after-name": "a name is the subject of the speech verb: “…,” Peskov said; Peskov said that …",
    "name-after-said": "a name follows an inverted speech verb: “…,” said Peskov",
    "apposition": "a name in an apposition before the verb: Dmitry Simes, a US-based expert, noted …",
    "who-said": "the name a relative clause hangs on: Mike Lee, who declared …",
    "according-to": "the name or noun phrase after “according to” (or a report by it)",
    "participle": "the subject of the clause a participle hangs on: …, saying …",
    "possessed-claim": "the possessor of a noun of saying whose clause holds the words: Putin's insistence that he is “not bluffing”",
    "passive-agent": "the agent of a passive verb of asking: was asked by host Bill Maher, “…”",
    "with-participle": "the name a participle follows in an absolute clause: …, with Senator John McCain "
    "telling reporters …",
    "before-colon": "the subject of the clause that a colon ends before the quotation: Rubio fired back: “…”",
    "verb-after-quote": "a verb outside the lexicon right after the quotation: “…” Toomey fumed; “…,” remembered Roy Verley",
    "dash-line": "a line “- Name” under a quotation paragraph",
    "transcript": "a transcript label: PENCE: …",
    "one-word-name": "a name of one word that no fuller name in the article explains, wherever it stood: "
    "an organisation, a place or a surname given alone (Reuters, Kyiv, Nijnisto)",
    "titled-name": "a “name” that ends in a title, wherever it stood: the Brazilian President, Estonian Prime",
    "outlet-name": "a name before the noun that classes it, an outlet or a body: the Lancet medical journal, "
    "the Vedomosti newspaper, Russia's TASS news agency (the name speaks, not the noun)",
    "registry-alias": "a registered speaker named by an alias with none of the registered name's words: "
    "Zelensky for Volodymyr Zelenskiy",
    # a pronoun, by what it was resolved to
    "pronoun-added": "“he added”, “she continued”: the last speaker",
    "pronoun-last-speaker": "a pronoun subject: the last speaker of its gender",
    "pronoun-subject": "a pronoun subject: the latest clause subject of its gender, more recent than the last speaker",
    "pronoun-introduced": "“he” or “she” opening a sentence right after one that ends by introducing a person: "
    "… remarks of Finnish Prime Minister Petteri Orpo. He claimed",
    "pronoun-mentioned": "a pronoun subject: the latest person of its gender named before it (no speaker or subject fits)",
    "it-they-subject": "“it” or “they”: the latest sentence subject that is a thing or a group",
    "it-they-speaker": "“it” or “they”: the last organisation or group that spoke",
    # other mentions
    "role-registry": "a role noun held by a registered speaker named in the article: the Kremlin spokesman",
    "role-holder": "a role noun whose holder the article names with it: spokesman Josh Earnest … the spokesman",
    "role-as-written": "a role noun with no holder found: the description is the speaker (a spokesman)",
    "role-stated": "a description fits a role the article states for someone: "
    "Russian Defence Minister Sergei Shoigu … the defence minister said; Nebenzya, Russia's ambassador … the diplomat",
    "role-salient": "a definite description no stated role fits: the person just written about, if it can be them: "
    "… Polyansky explained. … the official claimed",
    "org-description": "“the company”, “the group”: the organisation introduced so (the cybersecurity firm Ergo), "
    "whose name ends so, or that spoke last",
    "document-issuer": "a document speaks for whoever issued it: its possessor (the group's website), "
    "a report by X, X said in a statement … the statement said, else the organisation that spoke last",
    "couple-named": "“the couple”, “the pair”: the two people the article names together most often before it "
    "(Harry and Meghan … the couple revealed)",
    "another-described": "“another”, “the other” after an unnamed speaker: one more of them "
    "(wrote a commenter … responded another: another commenter); “said one” after a group of people "
    "(Residents were angry … said one: one of the residents)",
    "quoting": "the source quotes someone in turn: the report said, quoting a senior US official; "
    "TASS quoted the Kremlin as saying",
    "anonymous": "unnamed sources: officials said, a source told, according to two diplomats",
    "noun-phrase": "any other noun phrase, as written: the campaign, Scottish ministers",
    "headline-same-words": "a quotation in a headline, subheading or link teaser that names its speaker: "
    "the speaker of the body's quotation of the same words",
    "headline-named": "a quotation in a headline, subheading or link teaser: the speaker the line names "
    "(Zelensky Says ‘…’, ‘…’ Dismissed By Kremlin), by the body's fullest name for them, or for a "
    "description (Alarmists, Estonian Prime Minister) the body's speaker named most like it, else its first",
    "same-sentence-speaker": "a verb with no subject of its own continues its sentence's speaker: … and added",
    "clause-subject": "a verb phrase's speaker is its sentence's subject: …, echoing commentators",
    "earlier-subject": "a verb phrase's speaker is the last person who is a subject earlier in its sentence",
    # a quotation with no cue of its own
    "colon-intro": "the cue of the sentence that a colon ends before the quotation (this or the last paragraph)",
    "inner-speaker": "a quotation inside a sentence that a medium relays: the speaker of the verb before it, "
    "not the medium (G7 leaders warned of “severe consequences”, The Times reported: the leaders)",
    "speaker-in-next-sentence": "the next sentence of the paragraph names the speaker: “…” He said.",
    "continuation": "a quotation paragraph with no cue continues the last speaker (up to two paragraphs on)",
    "continuation-in-paragraph": "a quotation opening a sentence continues the speaker of its paragraph: “A,” he said. “B.”",
    "introduced-subject": "a quotation opening the sentence after one whose subject is a person named there for "
    "the first time: theirs, not the paragraph's last speaker (His friend, Saxon Spence, lays the blame … “…”)",
    "long-fragment": "a quotation of a clause's length inside the writer's sentence, with no cue: the speaker "
    "of this paragraph or the last one (Recruits are told they “may not be hooligans, but …”)",
    "nearby-person": "a last guess: the subject of the sentence before, or the last speaker, a paragraph away at most",
    "pull-quote": "a quotation set apart as its own line with no cue: the speaker of the attributed quotation "
    "that repeats its words (five or more) elsewhere in the article",
    # no speaker
    "unattributed": "no speaker found",
    "not-a-source": "the source found was a verb or a function word (“highlighted”): no speaker",
    "not-a-speaker": "the words found name a thing, not a person, body or group (“the suit”, “more than "
    "two-thirds”, “prime minister shrugged off”): no speaker",
    "document-no-issuer": "a document (“the report said”) whose issuer the article never names: no speaker "
    "(a document is no person, body or group), its words kept as the mention",
    "not-speech": "kind other: a title, scare quotes or a name, nobody's words",
    "headline-unnamed": "kind other: a quotation in a headline, subheading or link teaser that names no "
    "speaker (Warning US hospitals are ‘…’): a phrase of the writer's",
}

# rules whose quotations have no speaker
SPEAKERLESS = frozenset(
    {"unattributed", "not-a-source", "not-speech", "headline-unnamed", "document-no-issuer", "not-a-speaker"}
)
# speakerless rules whose quotation still shows the words that attribute it
KEEPS_MENTION = frozenset({"document-no-issuer"})

# the kinds of rule, in the order above: what names the speaker
_FAMILY_STARTS = {
    "said-after-name": "a name",
    "pronoun-added": "a pronoun",
    "role-registry": "another mention",
    "colon-intro": "no cue of its own",
    "unattributed": "no speaker",
}


def family(rule: str) -> str:
    """Which kind of rule this is ("a name", "a pronoun", ...), from its place above."""
    found = ""
    for r in RULES:
        found = _FAMILY_STARTS.get(r, found)
        if r == rule:
            return found
    raise KeyError(rule)
