"""The source of a cue: the words that name who speaks, around the verb.

Reads a cue and the document; returns a ``Mention`` (or None): the subject before the
verb, looking through appositions and asides ("X, a ..., said"), the noun phrase after
an inverted verb (", said Peskov") or after "according to", the main clause's subject
for a participle ("..., saying").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from index.lexicon import FUNCTION_WORDS, PERSON_NOUNS

from .appositions import AFFILIATION_RE, RELATIVES, appositive, person_np, unclosed_apposition
from .conjoined import and_subject
from .cues import HEARD_DOING, Cue, quoted_before
from .document import MASK, WINDOW, Doc, last_boundary, tokens_in
from .inverted import (
    according_to_source,
    bare_inverted,
    document_after,
    ends_clause,
    np_after,
    passive_agent,
    reported_subject,
)
from .mentions import Mention, classify_np
from .names import PARTICLES
from .relatives import relative_antecedent, restrictive_antecedent
from .roles import ABBREVIATED, PERSON_HEADS
from .skippable import strip_skippable, subject_start
from .words import (
    ACCUSED,
    ALL_CUE_FORMS,
    BASE_FORMS,
    BASE_SUBJECTS,
    DETERMINERS,
    IMPERATIVES,
    INNER_SUBJECT_RE,
    MODALS,
    NOT_VERBS,
    NOUN_DETERMINERS,
    ORG_HEADS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SUBORDINATORS,
    UTTERANCE_MODIFIERS,
    cap,
    title_case,
)


def find_source(doc: Doc, cue: Cue) -> Mention | None:
    """The words naming who speaks for this cue, before or after the verb."""
    ss, se = doc.sents[cue.sent] if doc.sents else (0, len(doc.text))
    m = doc.masked
    if cue.word == "according to":
        cue.inverted = True
        cue.source_rule = "according-to"
        return according_to_source(doc, cue.end, se)
    if cue.source_rule == "passive-agent":
        # "was asked by moderator Gerard Baker whether ...": the agent, up to the question
        ask = _QUESTION_RE.search(m, cue.end, se)
        return np_after(doc, cue.end, ask.start() if ask else se)
    if cue.word in ACCUSED and _PASSIVE_OF_RE.match(m, cue.end, se):
        return None  # "Labour accused of ‘EU propaganda’": a passive with no agent names no speaker
    before = m[ss : cue.start]
    stripped = strip_skippable(doc, ss, cue.start)
    tail = m[ss:stripped].rstrip()
    if not tail and cue.word.endswith("ing") and cap(doc.text[cue.start : cue.end]):
        # "Describing Mr Jackson as “a good person”, his mother said ...": whoever follows
        # the participle is spoken of; the speaker is the main clause's, and its own cue
        # attributes what is quoted
        return None
    if (
        not tail
        or tail.endswith((MASK, "”", '"', "’", "»", ",”", ',"', MASK + "“"))  # ('“…,“ said': a closer typed as “)
        or tail[-1] in ",:;—–"
        and _quote_just_before(tail)
    ) and not (tail and cue.word.endswith("ing")):
        # (not "“that person,” telling Fox 35 that ...": a participle's object follows it)
        titled = _titled_apposition(doc, ss, tail)
        if titled is not None and titled.kind == "name":
            # "“…,” Ivan Petrov, adviser to the “Lugansk Union,” told TASS": Petrov, not TASS
            cue.source_rule = "apposition"
            return titled
        cue.inverted = True
        got = np_after(doc, cue.end, se, strict=True)
        if got is not None:
            cue.source_rule = "name-after-said"
            return got
        cue.inverted = False
        if titled is not None:
            # "Trump, author of “The Art of the Deal,” said": an apposition with a title
            cue.source_rule = "apposition"
            return titled
    if (tail.endswith(",") or bare_inverted(doc, cue.end, se, cue.word)) and cue.word in _INVERTIBLE:
        nxt_tok = tokens_in(doc, cue.end, se, 1)
        got = (
            np_after(doc, cue.end, se, strict=True)
            if nxt_tok and (cap(nxt_tok[0][2]) or nxt_tok[0][2] in {"the", "a", "an", "one"})
            else None
        )
        if (
            got is not None
            and (got.kind in ("name", "role", "anonymous") or document_after(doc, got, cue.word))
            and not reported_subject(doc, got, cue.word)
            and (cue.word in _INVERTED or ends_clause(doc, got.end))
        ):
            cue.inverted = True
            cue.source_rule = "name-after-said"
            return got  # "... that Sanders can catch Clinton, said Steve Elmendorf."
        # (not "Their president, Gustavo Sanchez, says Juninho “does not wish …”": Juninho is
        # the subject of what is said)
    opening = doc.masked[cue.start : cue.end].split(None, 1)[0] if cue.end > cue.start else ""
    if opening.endswith("ing") and _PROGRESSIVE_RE.search(m, max(ss, cue.start - 12), cue.start):
        opening = ""  # "I'm not going to answer", "she is taking to Twitter to say": a verb, not a participle
    heard = _heard_subject(doc, ss, cue) if cue.word.endswith("ing") else None
    if heard is not None:
        cue.source_rule = "participle"
        return heard  # "the man could be heard saying", "she remembered telling Harry"
    if (
        cue.word.endswith("ing")
        or opening.endswith("ing")  # "taking to Twitter to call": the cue opens with a participle
        or tail.lower().endswith((" having", " being", ",having"))
    ):
        cue.source_rule = "participle"
        agent = passive_agent(doc, ss, stripped, cue.word)
        if agent is not None:
            return agent  # "Mick Mars is being sued by his ex-girlfriend, claiming he broke a promise": she claims
        got = subject_of_clause(doc, ss, stripped, participle=True)
        if got is not None and got.how == "with-participle":
            cue.source_rule = got.how
        return got
    if before.strip() == "":
        return None
    got = subject_of_clause(doc, ss, stripped)
    if got is not None and got.how:
        cue.source_rule = got.how
    return got


def _heard_subject(doc: Doc, ss: int, cue: Cue) -> Mention | None:
    """The subject of a verb of perceiving or remembering right before a participle ("the
    man could be heard saying", "she remembered telling"): it speaks the participle."""
    k = bisect.bisect_left(doc.token_starts, cue.start) - 1
    if k < 0 or doc.lows[k] not in HEARD_DOING or doc.gaps[k + 1].strip():
        q = quoted_before(doc, k + 1)  # "he was quoted in the Herald newspaper saying"
        if q is None:
            return None
        k = q
    end = doc.tokens[k][0]
    while k > 0 and doc.lows[k - 1] in _HEARD_AUX and not doc.gaps[k].strip():
        k -= 1
        end = doc.tokens[k][0]
    got = subject_of_clause(doc, ss, end) if end > ss else None
    return got if got is not None and got.kind in ("name", "pronoun", "role", "anonymous", "np") else None


_HEARD_AUX = frozenset("be been being was were is are could can can't couldn't had has have".split())
_QUESTION_RE = re.compile(r"\s(?:whether|if|about|to|why|how|what|when|as)\s")
_PROGRESSIVE_RE = re.compile(r"(?:\b(?:is|are|was|were|am|be|been|not)|['’](?:m|re|s))\s+$", re.IGNORECASE)


def _found(mention: Mention | None, how: str) -> Mention | None:
    """The mention, marked with the rule id of where it stood."""
    if mention is not None:
        mention.how = how
    return mention


_BEFORE_A_NOUN = frozenset("former the a an his her their its chief senior deputy new".split())
_NOUN_MODIFIERS = frozenset("press campaign policy party research security communications news media election".split())
_COMMON_VERBS = frozenset("rose fell were are have had grew saw hit".split())  # (after a plural noun)


def clause_subject(doc: Doc, ss: int, end: int, participle: bool = False) -> Mention | None:
    """The subject of a clause: the words before its first verb.

    A colon introduction wants the main clause (the first one not opened by "when",
    "in", ...). A participle ("..., shouting") may hang on a subordinate clause
    ("when Sanders protesters interrupted, shouting"), so those count too. A person
    beats a plain noun phrase.
    """
    m = doc.masked
    toks = tokens_in(doc, ss, end)
    if 0 < len(toks) <= 5 and all(cap(t[2]) or t[2].lower() in {"and", "of", "the"} for t in toks):
        return classify_np(doc, toks[0][0], toks[-1][1])  # "Clinton: “...”"
    starts = [ss]  # the sentence start and after each of its first five commas
    comma = m.find(",", ss, end)
    while comma >= 0 and len(starts) < 6:
        starts.append(comma + 1)
        comma = m.find(",", comma + 1, end)
    fallback: Mention | None = None
    subordinate: Mention | None = None  # a participle's subject from a "when …" clause
    for cs in starts:
        toks = tokens_in(doc, cs, end)
        opened = bool(toks) and participle and toks[0][2].lower() in SUBORDINATORS
        if opened:
            cs = toks[1][0] if len(toks) > 1 else end
            toks = toks[1:]
        if not toks or toks[0][2].lower() in SUBORDINATORS or toks[0][2].lower() in PREPOSITIONS:
            continue
        if toks[0][2].lower() in IMPERATIVES and len(toks) > 1 and toks[1][2][:1].islower():
            continue  # "See live results here.Read the updates below:": the reader is told, no one speaks
        if (
            len(toks) > 1
            and cap(toks[0][2])
            and toks[0][2].endswith("ing")
            and toks[1][2][:1].islower()
            and not (len(toks) > 2 and cap(toks[2][2]))  # ("Advertising giant WPP has": a modifier)
        ):
            continue  # "Discussing his family and friends, he went on to add:": the participle's clause
        for v in range(1, min(len(toks), 16)):
            w = toks[v][2]
            if toks[v - 1][2].endswith(("'s", "’s", "s'", "s’")):
                continue  # "Ryan's campaign shrugged": the possessed noun is no verb
            if toks[0][2].lower() in NOUN_DETERMINERS and (
                v == 1 or not _verb_like(toks[v][2]) and all(t[2][:1].islower() for t in toks[_owned(toks, v) : v])
            ):
                # "the lawmakers blamed", "The retired neurosurgeon addressed", "the Pentagon's
                # recent report shows": the noun phrase
                continue
            if w.endswith("ly") and len(w) > 4 and w not in ALL_CUE_FORMS:
                continue  # "More recently, he's spoken": an adverb, the verb comes later
            if w[:1].islower() and w.isalpha() and w not in NOT_VERBS:
                nxt = toks[v + 1][2] if v + 1 < len(toks) else ""
                if w.endswith(_ADJECTIVE_ENDINGS) and (cap(nxt) or nxt in ROLE_NOUNS):
                    continue  # "Former Republican presidential candidate Jeb Bush": a modifier
                if w.endswith("ing") and v + 2 < len(toks) and nxt[:1].islower() and cap(toks[v + 2][2]):
                    continue  # "UK advertising giant WPP has posted": a modifier, then the name
                if cap(nxt) and w in PARTICLES:
                    continue  # "President da Silva has defended": a particle of the name
                if cap(nxt) and (w in ROLE_NOUNS or w in PERSON_NOUNS or w in PERSON_HEADS):
                    continue  # "Climate activist Greta Thunberg has": a title before the name
                if w in _NOUN_MODIFIERS and nxt in PERSON_HEADS and toks[v - 1][2].lower() in _BEFORE_A_NOUN:
                    continue  # "Margaret Thatcher's former press secretary, took": a noun's modifier
                if v == 2 and (w in ROLE_NOUNS or w in PERSON_HEADS) and nxt[:1].islower() and cap(toks[1][2]):
                    continue  # "The Tory leader went on:": the noun of the subject, its verb next
                if (
                    v + 2 < len(toks)
                    and not w.endswith(("ed", "s"))
                    and w not in ALL_CUE_FORMS
                    and nxt.endswith("s")
                    and not nxt.endswith(("ss", "us", "is"))
                    and nxt not in FUNCTION_WORDS
                    and (toks[v + 2][2].endswith("ed") or toks[v + 2][2] in _COMMON_VERBS)
                    and doc.gaps[bisect.bisect_left(doc.token_starts, toks[v + 2][0])] == " "
                ):
                    continue  # "Hong Kong stock markets rose": a noun before the plural head, no verb
                got = subject_of_clause(doc, cs, strip_skippable(doc, cs, toks[v][0]))
                if got is not None and got.kind in ("name", "pronoun", "anonymous", "role"):
                    if not opened:
                        return got
                    # "after Clinton suffered a concussion, Axelrod emailed her, telling
                    # her": the main clause after it owns the participle, when there is one
                    subordinate = subordinate or got
                if got is not None and got.kind == "np" and fallback is None and not opened:
                    fallback = got
                break
    return subordinate or fallback


def _verb_like(w: str) -> bool:
    """Does a lower-case word after "the" and a noun read as the verb ("addressed",
    "says", "told", "will"), not another word of the noun phrase ("neurosurgeon")?"""
    low = w.lower()
    return low.endswith(("ed", "s")) or low in ALL_CUE_FORMS or low in MODALS


def _titled_apposition(doc: Doc, ss: int, tail: str) -> Mention | None:
    """The apposition before a verb when it ends with a quoted title ("Trump, author of “The
    Art of the Deal,” said"), else None."""
    if not (tail.endswith(("”", '"')) and tail[:-1].endswith(MASK)):
        return None
    open_at = max(tail.rfind("“"), tail.rfind('"', 0, len(tail) - 1))
    title = doc.text[ss + open_at + 1 : ss + len(tail) - 1]
    if open_at > 0 and doc.text[ss + len(tail) - 2] == "," and title_case(title) and len(title.split()) <= 8:
        plain = re.sub('[\x01“”"]', " ", doc.masked[ss : ss + len(tail)])
        return appositive(doc, ss, plain, len(tail) - 1)
    return None


def _quote_just_before(tail: str) -> bool:
    t = tail.rstrip(",:;—– ")
    return t.endswith((MASK, "”", '"', "»", "’"))


# verbs of speech a name follows after a comma ("…, said Peskov"); BBC style inverts the
# present too ("…, observes Ms Alexander")
_INVERTED = frozenset(
    """said says added adds wrote writes explained continued noted asked recalled argued insisted
    warned remarked observed""".split()
)
# and verbs that also take a clause with its own subject ("also admits Gerrard, who …, will
# have the final say"): inverted only when the name ends the clause
_INVERTIBLE = _INVERTED | frozenset(
    """explains continues notes asks recalls argues insists warns remarks observes admitted admits
    conceded concedes suggested suggests claimed claims predicted predicts believes thinks reported
    reports""".split()
)


# "Here's how ...", "This is what ...": the clause that introduces the quotation follows
HERE_IS_HOW_RE = re.compile(r"(?:Here|This|That)(?:['’]s| is| was) (?:how|what) ")


def _owned(toks: Sequence[tuple[int, int, str]], v: int) -> int:
    """Where the words after a possessive name start ("the Pentagon's | recent report"),
    else 1 (after the determiner)."""
    return next((i + 1 for i in range(v - 1, 0, -1) if toks[i][2].endswith(("'s", "’s"))), 1)


def subject_of_clause(doc: Doc, ss: int, end: int, participle: bool = False) -> Mention | None:
    """The subject right before a verb, looking through appositions and asides."""
    m = doc.masked
    lead = HERE_IS_HOW_RE.match(m, ss, end)
    if lead is not None:
        ss = lead.end()  # "Here's what the minister told reporters:": the minister
    region = m[ss:end]
    if "(" in region:  # drop parentheticals such as "(R-S.C.)"
        region = _PARENS_RE.sub(lambda x: " " * len(x.group()), region)
    r = region.rstrip()
    if not r:
        return None
    if participle:
        # "..., saying": the subject of the main clause, from the sentence start
        return first_clause_subject(doc, ss, ss + len(r))
    if r.endswith(" -") and " - " in region[: len(r) - 2]:
        region = region.replace(" - ", " , ")  # "One unnamed correspondent - all are anonymous - wrote"
        r = region.rstrip()
    if r.endswith((",", "—", "–")):
        if "\x01" in region:
            # "Hemsley, the co-author of “Going Viral,” about ..., said": a title inside the
            # apposition is a name of a work, not a clause boundary
            region = _TITLE_SPAN_RE.sub(
                lambda t: (
                    " " * len(t.group())
                    if title_case(doc.text[ss + t.start() + 1 : ss + t.end() - 1])
                    and len(doc.text[ss + t.start() + 1 : ss + t.end() - 1].split()) <= 8
                    else t.group()
                ),
                region,
            )
        return _found(appositive(doc, ss, region, len(r) - 1), "apposition")
    last = r.rsplit(None, 1)[-1]
    last_word = last.lower()
    if last_word in RELATIVES and " " in r and not last.isupper():  # (not "the WHO said")
        # "Braynard, a South Carolina native who writes": the antecedent speaks
        cut = r.rstrip()[: -len(last_word)].rstrip()
        if last_word in ("who", "whom") and cut.endswith(","):
            # "pre-empted by French President Jacques Chirac, who announced", "his friend,
            # the producer Quincy Jones, who described": the name right before the comma
            head = cut.rstrip(" ,")
            rel = relative_antecedent(doc, ss, head)
            seg = head.rfind(",") + 1
            if rel is None and seg > 0 and len(head[seg:].split()) <= 6:
                rel = classify_np(doc, ss + seg, ss + len(head))  # (", the producer Quincy Jones, who")
            if rel is not None and rel.kind == "name" and _person_before_who(doc, rel):
                return _found(rel, "who-said")
        if last_word == "who" and not cut.endswith(","):
            rel = restrictive_antecedent(doc, ss, cut, m[end : end + 8])  # "sued by a viewer who says"
            if rel is not None:
                return _found(rel, "who-said")
        got = _found(appositive(doc, ss, cut + ",", len(cut)), "who-said")
        if got is not None and got.kind == "name":
            return got  # "Scott Reed, the Chamber's strategist, who": the named subject
        if last_word not in ("who", "whom"):
            return got  # "the caption which read": a thing, so the clause's subject speaks
        rel = relative_antecedent(doc, ss, cut.rstrip(" ,"))
        if rel is not None and (rel.kind == "name" or cut.rstrip().endswith(",")):
            return _found(rel, "who-said")  # "from Mike Lee, who declared": not "slamming candidates who think 'X'"
        return got
    low = r[-4:].lower()  # (only the end is read)
    for conj in (" and", " but", " or"):
        if low.endswith(conj):
            return Mention("ellipsis", "", ss + len(r), ss + len(r))
    # the clause boundary: last comma, semicolon, colon, dash, quote or "that"
    b = b0 = last_boundary(region, len(r))
    if b > 0 and region[b - 1] == "," and _OPEN_RELATIVE_RE.match(region, b):
        # "Ms Robinson, who presents The Weakest Link tells": the relative clause's closing
        # comma is missing; who it describes is the subject
        got = appositive(doc, ss, r + ",", len(r))
        if got is not None and got.kind == "name":
            return _found(got, "apposition")
    inner = INNER_SUBJECT_RE.match(r, b)  # "the festival but organisers said", "papers suggest ministers believe"
    got = classify_np(doc, ss + inner.start(1), ss + len(r)) if inner else None
    b = inner.start(1) if inner and got is not None and got.kind != "clause" else b0
    if b > 0 and region[b - 1] == "," and " and " in region[b : len(r)]:
        lb = _list_start(region, b, len(r))
        if lb < b:
            # the list's head ("the heads of the IMF"), its names to the verb
            got = classify_np(doc, ss + lb, ss + region.index(",", lb))
            if got is not None and got.kind in ("role", "anonymous", "np"):
                return Mention(got.kind, doc.text[got.start : ss + len(r)], got.start, ss + len(r))
    what = _WHAT_RE.search(region, b, len(r))
    if what is not None:
        b = what.end()  # "Trump University is what former employees have called": its own subject
    start = subject_start(region, b, len(r))
    opener = _ACCORDING_RE.match(region, start) or and_subject(region, start, len(r))
    # ("According to Mr Peston the prime minister said", "Irish trailed at the break and Gold said")
    got = classify_np(doc, ss + (opener.end() if opener else start), ss + len(r))
    body = got is not None and got.kind == "name" and got.text.rsplit(None, 1)[-1].lower() in ORG_HEADS
    owned = got is not None and got.kind == "np" and ("'s " in got.text or "’s " in got.text or person_np(got.text))
    if got is not None and (got.kind == "role" or body or owned) and b > 0 and region[b - 1] == ",":
        # "Mark Serwotka, the leader of the union said", "Colin Asplin, Blackpool Hotel
        # Association said": an apposition whose closing comma is missing; the name it
        # describes is the subject
        named = unclosed_apposition(doc, ss, region, b - 1, last_boundary(region, b - 1), body)
        if named is not None:
            return _found(named, "apposition")
    return got


_WHAT_RE = re.compile(r"\b[Ww]hat\s+(?!.*\bwhat\s)")  # (the last "what" before the verb)
_OPEN_RELATIVE_RE = re.compile(r"\s*(?:who|whose)\s+[a-z]+\s+\S")  # (", who presents …")
_PASSIVE_OF_RE = re.compile(r" (?:of|over) (?![^.;:]*\bby )")  # ("accused of …", with no "by" after)
_LIST_HEAD_RE = re.compile(r"(?:^|\s)((?:the\s+)?[a-z]+\s+of\s+(?:the\s+)?[A-Z][^,]*)$")


def _names_only(chunk: str) -> bool:
    words = chunk.split()
    return (
        bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or w in ("and", "of", "the", "&") for w in words)
    )


def _list_start(region: str, b: int, end: int) -> int:
    """ "the heads of the IMF, World Bank, World Trade Organization and UN World Food
    Program said": a list of names after "<noun> of" is one subject, not its last item."""
    if not _names_only(region[b:end]):
        return b
    k = b - 1  # (the comma)
    for _ in range(8):
        prev = last_boundary(region, k)
        chunk = region[prev:k]
        if prev > 0 and region[prev - 1] == "," and _names_only(chunk):
            k = prev - 1
            continue
        m = _LIST_HEAD_RE.search(chunk)
        return (
            prev + m.start(1)
            if m is not None and _names_only(m.group(1).split(" of ", 1)[1].removeprefix("the "))
            else b
        )
    return b


_ACCORDING_RE = re.compile(r"\s*[Aa]ccording to (?:[A-Z][\w'’.-]*\s+){1,4}(?=(?:the|a|an)\s)")
_PARENS_RE = re.compile(r"\([^()]*\)")
_TITLE_SPAN_RE = re.compile('[“"]\x01+[”"]')
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "an", "ary", "ent", "ant")


def _person_before_who(doc: Doc, rel: Mention) -> bool:
    """Is the name before ", who" a person's, not a place's ("Ted Cruz of Texas, who", "Nicky
    Driscoll, 24, from Manchester, who") or a party's ("Mark Kirk, R-Ill., who")?"""
    if AFFILIATION_RE.match(rel.text):
        return False
    before = tokens_in(doc, max(0, rel.start - 12), rel.start)
    link = before[-1][2].lower() if before and not doc.masked[before[-1][1] : rel.start].strip() else ""
    return link not in ("of", "in", "at", "for", "to") and not (link == "from" and " " not in rel.text)


def _clause_before_comma(doc: Doc, ss: int, end: int) -> Mention | None:
    """ "When X asked ..., Clinton seized on it, repeating ...": the clause right before
    the participle's comma, when it opens with a name and a verb, is the one it hangs on."""
    m = doc.masked
    comma = m.rfind(",", ss, end)
    if comma < 0 or m[comma + 1 : end].strip():
        return None
    cs = ss + last_boundary(m[ss:comma], comma - ss)
    toks = tokens_in(doc, cs, comma)
    if len(toks) >= 2 and toks[0][2].lower() in _SUBJECT_PRONOUNS and toks[1][2].endswith(("ed", "s")):
        # "When Winfrey asked if he could share them, he declined, saying “…”": he
        t = toks[0]
        return Mention("pronoun", t[2], t[0], t[1]) if toks[1][2] not in NOT_VERBS else None
    k = 0
    while k < len(toks) and cap(toks[k][2]):
        k += 1
    if k == 0 or k >= len(toks) or toks[0][2].lower() in FUNCTION_WORDS or toks[0][2].lower() in SUBORDINATORS:
        return None
    if toks[k - 1][2].endswith(("'s", "’s")):
        return None  # "Children's charities have reacted …, saying": a possessor, its noun next
    verb = toks[k][2]
    if not verb.isalpha() or verb in NOT_VERBS or not verb.endswith(("ed", "s")):
        return None
    got = classify_np(doc, toks[0][0], toks[k - 1][1])
    if got is not None and AFFILIATION_RE.match(got.text):
        return None  # "Rep. Hakeem Jeffries (D-N.Y.) reacted": the party, inside brackets
    return got if got is not None and got.kind == "name" else None


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we"})


def _modified_noun(toks: Sequence[tuple[int, int, str]], k: int) -> bool:
    """ "his recent remarks", "Trump's repeated calls": a cue word after a determiner or
    a possessive and a modifier is a noun, not the verb of a clause."""
    if k < 2 or not toks[k - 1][2].isalpha() or not toks[k - 1][2].islower():
        return False
    before = toks[k - 2][2]
    return toks[k - 1][2] in UTTERANCE_MODIFIERS and (
        before.lower() in NOUN_DETERMINERS or before.endswith(("'s", "’s"))
    )


def _with_participle(doc: Doc, ss: int, end: int) -> Mention | None:
    """ "..., with Senator John McCain telling reporters ...": in this absolute construction
    the name right before the participle is its subject, not the main clause's."""
    toks = tokens_in(doc, max(ss, end - WINDOW), end)
    if not toks or toks[-1][1] != end:
        return None
    k = len(toks)
    while k > 0 and (
        cap(toks[k - 1][2])
        or toks[k - 1][2] in ROLE_NOUNS
        or toks[k - 1][2] in PERSON_HEADS
        or k < len(toks)
        and toks[k][2] in ROLE_NOUNS
        and toks[k - 1][2].isalpha()
        and toks[k - 1][2] not in FUNCTION_WORDS  # ("with finance minister Hans Eichel saying")
    ):
        gap = doc.masked[toks[k - 1][1] : toks[k][0]].strip() if k < len(toks) else ""
        if gap and not (gap == "." and toks[k - 1][2].lower() in ABBREVIATED):
            return None  # punctuation inside ("Sen." apart): not one noun phrase
        k -= 1
    if k == 0 or k == len(toks) or toks[k - 1][2].lower() != "with" or doc.masked[toks[k - 1][1] : toks[k][0]].strip():
        return None
    return _found(classify_np(doc, toks[k][0], end), "with-participle")


def first_clause_subject(doc: Doc, ss: int, end: int) -> Mention | None:
    """For '..., saying': the nearest named subject before the participle."""
    near = _with_participle(doc, ss, end)
    if near is not None and near.kind == "name":
        return near
    near = _clause_before_comma(doc, ss, end)
    if near is not None and near.kind != "clause":
        return near
    toks = tokens_in(doc, ss, end)
    for k in range(len(toks) - 1, -1, -1):
        w = toks[k][2]
        if not w[:1].islower() or w not in ALL_CUE_FORMS:
            continue  # "the Islamic State" is no verb
        prev = toks[k - 1][2].lower() if k else ""
        if (
            prev in DETERMINERS
            or prev in PREPOSITIONS
            or prev.endswith(("'s", "’s"))
            or (w in BASE_FORMS and prev not in BASE_SUBJECTS)
            or _modified_noun(toks, k)
        ):
            continue
        sub = subject_of_clause(doc, ss, strip_skippable(doc, ss, toks[k][0]))
        if sub is not None and sub.kind != "clause":
            return sub  # not "advising graduates": a verb phrase, whose subject is further back
    return clause_subject(doc, ss, end, participle=True)
