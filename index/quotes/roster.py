"""The people of an article: every run of capitalised words, read once into ``People``.

Reads the document; fills ``People`` with the names used (their fullest forms, the
first use of each), the genders that first names, honorifics and role words tell,
role holders ("spokesman Josh Earnest") and the names that are clause subjects, which
pronouns may later mean. Headlines in title case and sentence-initial common words
name nobody.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from index.lexicon import (
    ANONYMOUS_NOUNS,
    DEMONYMS,
    FUNCTION_WORDS,
    PERSON_NOUNS,
    TITLES,
)
from index.sentences import ABBREVIATIONS
from index.speakers import gender_of_honorific

from .document import Doc
from .names import (
    CAP_RUN_RE,
    PARTICLES,
    RUN_NAMES,
    adjective_before_name,
    after_modifiers,
    described_name,
    name_of_run_text,
    reduced_relative,
    the_description,
)
from .roles import ORG_HEADS, PERSON_HEADS
from .runs import MODAL_NAMES, asks, first_name_mention, its_after, named_by_relation, plural_verb_after, titles_a_work
from .words import (
    ALL_CUE_FORMS,
    FEMALE_NAMES,
    FEMALE_ROLES,
    FIRST_NAMES,
    GROUP_NOUNS,
    HONORIFICS,
    MALE_NAMES,
    MALE_ROLES,
    MODALS,
    OPENING_MODIFIERS,
    PREPOSITIONS,
    QUANTITY_WORDS,
    ROLE_NOUNS,
    SKIPPABLE,
    STOP_HEAD,
    cap,
    person_noun,
)

_ARTICLES = frozenset({"a", "an"})
_SAID_HE_RE = re.compile(r" (?:has |had )?(?:said|says|insisted|insists|admitted|admits) (?:that )?(he|she) ")
# (a character class first, the look-behind over it: the regex engine skips ahead to a letter)
_LOWER_WORD_RE = re.compile(r"[a-z](?<![\w'’\-].)[a-z]{3}")
_CAP_LONG_RE = re.compile(r"[A-Z](?<![\w'’\-].)\w{3}")


_RUN_PREPOSITIONS = PREPOSITIONS - {"after", "before", "for"}  # (opening a clause, or whose view: "For Chait, ...")
_OBJECT_LINKS = _RUN_PREPOSITIONS | {"of"}  # (before a role word and a name: "the genius of founder Jerry Yang")


_AFTER_CONTRACTION = frozenset("been not going also already never still got had done said".split())
_CLAUSE_OPENERS = frozenset(
    """but while when because as so although though after before since then also where
    until once yet""".split()
)

if TYPE_CHECKING:
    from .people import People

_SUBJECT_AFTER = _CLAUSE_OPENERS | ROLE_NOUNS | TITLES | ANONYMOUS_NOUNS  # words a subject may follow


_NOT_MODIFIERS = (FUNCTION_WORDS | ALL_CUE_FORMS | MODALS) - {"of"}


_DOTTED_TITLES = TITLES & ABBREVIATIONS  # "Sen.", "Mrs.": a dot that ends no sentence


def scan(people: People, doc: Doc) -> None:
    """Runs of capitalised words, found by one regex and mapped to token indices.

    Most runs are one word that is neither a subject nor a registered name; they are
    dropped here, before any name analysis (this loop sees every capitalised word).
    """
    toks, m, lows, gaps, words = doc.tokens, doc.masked, doc.lows, doc.gaps, doc.words
    n = len(toks)
    starts = doc.token_starts
    find = bisect.bisect_left
    canonical = people.registry.canonical
    title_lines = TitleLines(m)
    for run in CAP_RUN_RE.finditer(m):
        rs, re_ = run.span()
        k = find(starts, rs)  # a binary search per run beats a dict of every token
        if k == n or starts[k] != rs:
            continue
        if toks[k][1] == re_:  # one word, the token starting here (most runs)
            if lows[k] in FUNCTION_WORDS:
                continue  # "The", "He"
            text, nwords = words[k], 1
        else:
            text = run.group()
            if " " in text or "\t" in text or "\u00a0" in text:
                nwords = len(text.split())  # each word of a run is one token
            elif text.lower() in FUNCTION_WORDS:
                continue
            else:
                nwords = 1
        if m.startswith(_PARTICLE_STARTS, re_):
            tail = _PARTICLE_TAIL_RE.match(m, re_)
            if tail is not None:  # "Luiz Inacio Lula da Silva", "Ursula von der Leyen"
                re_ = tail.end()
                text = m[rs:re_]
                nwords = len(text.split())
        j = k + nwords - 1
        if j >= n or toks[j][1] != re_:
            continue
        if nwords >= 2 and lows[k] in MODAL_NAMES and (k == 0 or "\n" in gaps[k]) and asks(m, rs):
            k, nwords, rs = k + 1, nwords - 1, toks[k + 1][0]  # "Will Tory tax cuts lift spirits?": no Will
            text = m[rs:re_]
        if nwords >= 2 and lows[k] in _DETERMINER_CAPS:
            k, nwords, rs = k + 1, nwords - 1, toks[k + 1][0]  # "Another Slaughter email": no name's word
            text = m[rs:re_]
        if (
            nwords == 2
            and lows[k].endswith("ing")
            and lows[k + 1] in FIRST_NAMES  # (not "Downing St", "Leading China-watcher")
            and lows[k] not in FIRST_NAMES
            and opens_line(m, rs)
        ):
            k, nwords, rs = k + 1, 1, toks[k + 1][0]  # "Taking Archie outside is his favourite": a verb, then the name
            text = m[rs:re_]
        if nwords >= 3 and lows[k + 1] in FIRST_NAMES and adjective_before_name(lows[k]):
            k, nwords, rs = k + 1, nwords - 1, toks[k + 1][0]  # "Defiant Matt Williams says": the name
            text = m[rs:re_]
        if titles_a_work(doc, k, j):
            continue  # "The film, A Different Story, chronicles", "the Top Ten Essentials list": a title
        if j + 1 < n and gaps[j + 1] == " ":
            after = lows[j + 1]
            if after == "and" and _body_after_and(doc, j + 2):
                continue  # "the Commons Work and Pensions Committee": a body's name, not "Commons Work"
            if words[j + 1][:1].islower():
                if lows[j] in DEMONYMS:
                    continue  # "The Ukrainian leader", "Top German officials": an adjective, no name
                modified = _MODIFIED.get(after)
                if modified is None:
                    modified = _modified_noun(after)
                if nwords == 1 and modified:
                    continue  # "Tory co-chairman Liam Fox", "Clinton aides said": the noun's modifier
                if j > 0 and lows[j - 1] == "the" and j - k <= 1 and "-" in after and not after.endswith(("ed", "s")):
                    continue  # "The Leicester tight-head is": a modifier of a compound noun
                if (
                    j + 2 < n
                    and (modified or after in ROLE_NOUNS)
                    and gaps[j + 2] in (" ", ", ")
                    and words[j + 2][:1].isupper()
                ):
                    continue  # "Double Olympic champion Kelly Holmes", "Tory leader, Ann Ruud,": a title, a name
                if (
                    j + 3 < n
                    and words[j + 2][:1].isupper()
                    and words[j + 3][:1].isupper()
                    and gaps[j + 2] == gaps[j + 3] == " "
                    and _noun_like(after)
                ):
                    continue  # "North Devon landowner Giles Bradshaw": where he is from, then the name
                if k > 0 and (lows[k - 1] == "the" or lows[k - 1].isdigit()) and _described(doc, k, after):
                    continue  # "The 1998 French Open champion is": a description's modifier, no name
        if k > 0:
            w1, gap = lows[k - 1], gaps[k]
            # "other Trump backers", "with Trump": not a subject
            if w1 in _SUBJECT_AFTER or gap.strip() or "\n" in gap:  # (a new paragraph opens a clause)
                subject = True
            elif w1 in PERSON_HEADS and k > 1 and lows[k - 2] in _CLAUSE_OPENERS:
                subject = True  # "…, but captain Fabien Pelous sees": a role word, then the name
            elif w1 == "for" and k > 1 and lows[k - 2] in _CLAUSE_OPENERS and words[k - 2][:1].isupper():
                subject = True  # "But for Allen Weiner, …, the future is …": whose view, as "For Chait,"
            elif (
                w1 not in _NOT_MODIFIERS
                and not w1.endswith(("ed", "ing"))
                and (
                    after_modifiers(doc, k) or "the" in lows[k - 4 if k > 4 else 0 : k - 1] and the_description(doc, k)
                )
            ):
                subject = True
            else:
                subject = (k > 1 and lows[k - 2] in _ARTICLES or w1[:1].isdigit()) and described_name(doc, k)
            subject = subject and subject_before_verb(doc, toks, j)
            if not subject:
                # a subject all the same: "a 52-year-old resident named Caroline" (a person
                # enters the story), "In the back was Garcia, ..." (after its verb), "the kind
                # of race Ayotte hoped to run" (she does something)
                subject = (
                    w1 == "named"
                    and k > 1
                    and words[k - 2].islower()
                    and lows[k - 2] not in FUNCTION_WORDS
                    or w1 in ("was", "is")
                    and not gap.strip()
                    and m[re_ : re_ + 1] in (",", ".")
                    or j + 1 < n
                    and lows[j + 1].endswith("ed")
                    and reduced_relative(doc, k, j)
                )
        else:
            subject = subject_before_verb(doc, toks, j)
        if subject and nwords > 1 and lows[k] in _RUN_PREPOSITIONS:
            subject = False  # "Like Allen, their days begin ...": the object of a preposition
        if subject and k > 1 and lows[k - 1] in TITLES and lows[k - 2] in _RUN_PREPOSITIONS:
            subject = False  # "an appearance with Sen. Joni Ernst, R-Iowa": an object too
        elif subject and k > 2 and lows[k - 1] in ROLE_NOUNS and gaps[k] == " " and _object_of_preposition(doc, k - 1):
            subject = False  # "a comment by All England Club chairman Tim Phillips": an object
        elif subject and k > 1 and lows[k - 1] in PERSON_HEADS and lows[k - 2] in _OBJECT_LINKS and gaps[k] == " ":
            subject = False  # "the technical genius of founder Jerry Yang has proved": an object too
        # "Mrs. Clinton", "Sen. Cruz": the dot ends the run before the name
        dotted = lows[k - 1] if k > 0 and gaps[k] in (". ", ".\u00a0") and lows[k - 1] in _DOTTED_TITLES else ""
        if nwords == 1:
            # a lone word matters only as a clause subject or a registered name
            if not subject and not dotted and canonical(text) is None:
                if named_by_relation(doc, k):
                    first_name_mention(people, toks[k][0], text)
                continue
            if (k == 0 or gaps[k] != " ") and sentence_initial_word(people, doc, k):
                continue  # (after one space, mid-sentence: the common case, decided here)
        if nwords == 1 and subject and plural_verb_after(doc, j):
            people.groups.add(canonical(text) or text)  # "Leicester, who signed White, have": no "he"
        elif (
            nwords == 1
            and subject
            and its_after(doc, j)
            and lows[k] not in FIRST_NAMES
            and " " not in people.canonical(text, toks[k][0])
        ):
            people.groups.add(canonical(text) or text)  # "Tata is running its hardware": a body, no "he"
        add_run(people, doc, toks, k, j, subject, text, dotted, title_lines)


# the particles of a surname ("da Silva", "von der Leyen"), after a capitalised run
_PARTICLE_STARTS = tuple(
    f" {p} " for p in "da de do dos das van von der den du del della di al bin ibn ter ten".split()
)
_PARTICLE_TAIL_RE = re.compile(
    r"(?:[ ](?:da|de|do|dos|das|van|von|der|den|du|del|della|di|al|bin|ibn|ter|ten)){1,2}[ ][A-ZÀ-ÖØ-Þ][\w'’\-]*+(?![ ][A-Z])"
)


_TITLE_HEADS = TITLES | PERSON_HEADS
_PEOPLE_AND_BODIES = PERSON_HEADS | ORG_HEADS | GROUP_NOUNS | PERSON_NOUNS


def opens_line(m: str, pos: int) -> bool:
    """Does `pos` open a line or a sentence (after ". ")?"""
    return pos == 0 or m[pos - 1] == "\n" or m[max(0, pos - 2) : pos] == ". "


def _body_after_and(doc: Doc, k: int) -> bool:
    """Does a capitalised run at token k end in a body's word ("Pensions Committee")?"""
    e = k
    while e < len(doc.tokens) and doc.words[e][:1].isupper() and (e == k or doc.gaps[e] == " "):
        e += 1
    return e > k and doc.lows[e - 1] in ORG_HEADS


def _modified_noun(low: str) -> bool:
    """A lower-case noun for people or a body, which a capitalised word before it modifies."""
    got = _MODIFIED.get(low)
    if got is None:
        single = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
        got = low in _PEOPLE_AND_BODIES or single in _PEOPLE_AND_BODIES or low.rsplit("-", 1)[-1] in _PEOPLE_AND_BODIES
        if len(_MODIFIED) > 16384:
            _MODIFIED.clear()
        _MODIFIED[low] = got
    return got


_MODIFIED: dict[str, bool] = {}  # (a pure function of a word, asked of most capitalised words)


def add_run(
    people: People,
    doc: Doc,
    toks: Sequence[tuple[int, int, str]],
    k: int,
    j: int,
    subject: bool,
    text: str,
    dotted: str,
    in_title_line: TitleLines,
) -> None:
    got = RUN_NAMES.get(text)
    core, honorific, titled, name = got if got is not None else name_of_run_text(text)
    if not core:
        return  # a headline or an organisation, not a person's name
    if len(core) == 2 and core[0].lower() in PARTICLES:
        full = people.canonical(name, toks[k][0])  # "De Blasio" opening a sentence: Bill de Blasio
        if full != name:
            people.mentions.append((toks[k][0], full))
            if subject:
                people.subjects.append((toks[k][0], full))
            return
    if len(core) == 2 and core[0].lower() in PERSON_HEADS and core[0].lower() not in FIRST_NAMES:
        core, titled = core[1:], True  # "Mogul Wilson", "Striker Rooney" (a headline's role word)
        name = core[0]
    if len(core) > 2 and k > 1 and doc.lows[k - 1] in ("of", "for") and doc.lows[k - 2] in _TITLE_HEADS:
        # "Minister of Defence Oleksii Reznikov": the words before the name end the title
        i = 0
        while len(core) - i > 2 and core[i].lower() not in FIRST_NAMES:
            i += 1
        core, titled = core[i:], True
        name = " ".join(core)
    if dotted and not honorific and not titled:
        titled = True
        if dotted in HONORIFICS:
            honorific = dotted
    pos = toks[k][0]
    if titled or honorific or doc.masked.startswith((", who", ",who"), toks[j][1]):
        people.persons.add(name)
    canon = people.registry.canonical(name) if len(core) > 1 or core[0][:1].isupper() else None
    if (
        canon is not None
        and honorific
        and people.registry.gender(canon) not in ("", gender_of_honorific(honorific) or "male")
    ):
        canon = None  # "Mrs. Trump" is not the registered Donald Trump
    if canon is not None and len(core) == 1:
        own = people.canonical(core[0], pos)  # "Mrs. Trump", or "Trump" who is Ivanka here
        if own != canon:
            people.mentions.append((pos, own))
            if subject:
                people.subjects.append((pos, own))
            return
    if canon is not None:
        people.registered_here.add(canon)
        people.mentions.append((pos, canon))
        if subject:
            people.subjects.append((pos, canon))
        return
    if len(core) >= 2 and len(core[0]) > 1 and len(core[-1]) > 1:
        if (
            (in_title_line.title if in_title_line.start <= pos < in_title_line.end else in_title_line(pos))
            or pos == (doc.paras[0][0] if doc.paras and doc.offset == 0 else -1)
            and toks[k][2] == core[0]
            and _headline_epithet(doc, pos, core)
        ):
            return  # "Trump Supporter Screams 1 Controversial Word At Rally": a headline
        if name not in people._full_names:
            people._full_names.add(name)  # each distinct full name once, at its first use
            people.add_full(pos, name)
        if honorific:
            people.gender.setdefault(name, gender_of_honorific(honorific) or "male")
        # role word right before the name ("spokesman Josh Earnest")
        if k > 0 and doc.lows[k - 1] in ROLE_NOUNS and not cap(toks[k - 1][2]):
            people.add_role(doc.lows[k - 1], pos, name)
        people.mentions.append((pos, name))
        if subject:
            people.subjects.append((pos, name))
        first = core[0].lower()
        if first in MALE_NAMES:
            people.gender.setdefault(name, "male")
        elif first in FEMALE_NAMES:
            people.gender.setdefault(name, "female")
        elif k > 0 and (doc.lows[k - 1] in FEMALE_ROLES or doc.lows[k - 1] in MALE_ROLES):
            # "actress Ilia Calderón": a gendered role word, when the first name says nothing
            people.gender.setdefault(name, "female" if doc.lows[k - 1] in FEMALE_ROLES else "male")
        elif subject and (said := _SAID_HE_RE.match(doc.masked, toks[j][1])) is not None:
            # "Rio Ferdinand has said he is unsure": the pronoun of their own clause
            people.gender.setdefault(name, "male" if said.group(1) == "he" else "female")
    elif len(core) == 1 and subject and core[0][:1].isupper() and len(core[0]) > 2:
        if in_title_line.title if in_title_line.start <= pos < in_title_line.end else in_title_line(pos):
            return  # "... Qualified Candidate Ever, But ...": a headline has no clause subject
        full = people.canonical(core[0], pos)
        if (
            name in people.persons
            or k > 0
            and doc.lows[k - 1] in ROLE_NOUNS
            and not cap(toks[k - 1][2])
            and doc.gaps[k] == " "
        ):
            people.persons.add(full)  # (also "Celtic manager O'Neill is": a person by their role)
        people.subjects.append((pos, full))
        if honorific:
            people.gender.setdefault("#" + core[0].lower(), gender_of_honorific(honorific) or "male")
    elif len(core) == 1 and honorific:
        people.gender.setdefault("#" + core[0].lower(), gender_of_honorific(honorific) or "male")


def _headline_epithet(doc: Doc, pos: int, core: Sequence[str]) -> bool:
    """ "Fuming Robinson blasts officials": the article's first line opens with an -ing
    adjective before a surname; no "Fuming Robinson" to be the body's Robinson."""
    first = core[0]
    return (
        doc.offset == 0
        and bool(doc.paras)
        and pos == doc.paras[0][0]
        and len(core) == 2
        and first.endswith("ing")
        and len(first) > 5
        and first.lower() not in FIRST_NAMES
    )


class TitleLines:
    """Is a position in a line written in title case (a headline: every longer word
    capitalised)? The scan asks in text order, so the answer for the last line is kept."""

    __slots__ = ("masked", "start", "end", "title")

    def __init__(self, masked: str) -> None:
        self.masked = masked
        self.start = self.end = -1
        self.title = False

    def __call__(self, pos: int) -> bool:
        if not self.start <= pos < self.end:
            m = self.masked
            ls = m.rfind("\n", 0, pos) + 1
            le = m.find("\n", pos)
            le = le if le >= 0 else len(m)
            # a lower-case word of four letters or more (a verb, mostly) ends the question early
            self.title = _LOWER_WORD_RE.search(m, ls, le) is None and len(_CAP_LONG_RE.findall(m, ls, le)) >= 4
            self.start, self.end = ls, le
        return self.title


def sentence_initial_word(people: People, doc: Doc, k: int) -> bool:
    """A lone capitalised word opening a sentence that the article also uses in lower case."""
    gap = doc.gaps[k].rstrip(' \t\u00a0"“‘(')
    if gap:
        if gap[-1] not in ".!?\n:\x01”":
            return False
    elif k > 0:
        return False  # right after the previous word (which never ends in one of those)
    w = doc.tokens[k][2]
    low = w.lower()
    return (
        w.endswith("ing")
        or low in FUNCTION_WORDS
        or low in OPENING_MODIFIERS
        or low in QUANTITY_WORDS  # ("Another feature likely to appeal is …")
        or people.used_in_lower_case(w)
    )


def subject_before_verb(doc: Doc, toks: Sequence[tuple[int, int, str]], j: int) -> bool:
    """Does what follows the name run ending at token `j` make it a clause subject?

    The caller has checked the word before (not after a preposition or adjective).
    """
    last = toks[j][2]
    if j + 1 >= len(toks):
        return False
    if last.endswith(("'s", "’s", "s'", "s’")):
        # "Christie's been making the case": a contraction, not a possessive
        return last.endswith(("'s", "’s")) and doc.lows[j + 1] in _AFTER_CONTRACTION
    gap = doc.gaps[j + 1]
    if gap != " ":
        inner = gap.strip(" \u00a0")
        if inner:
            if inner[0] == "(":
                if gap.rstrip().endswith(")"):
                    return True
                return subject_after_parens(doc, toks, j)  # "Rep. Sean Duffy (R-Wisc.) also addressed"
            # apposition follows: "Axelrod, a former newspaperman, ...", "Christie – a fan – gave"
            # (not "a friend of Harry's mother, Princess Diana, to talk": an apposition itself)
            return inner in (",", "—", "–", "-", "--") and doc.lows[j + 1] not in _NO_APPOSITION

    nxt = toks[j + 1][2]
    if nxt == "all" and j + 2 < len(toks) and doc.lows[j + 2] == "but" and doc.gaps[j + 2] == " ":
        return True  # "Manafort all but begged": an adverb before the verb
    if nxt == "of" and j > 0 and cap(toks[j - 1][2]) and doc.gaps[j].strip(" \u00a0") == "":
        # "Juan Manriquez of Oakland carried ...": a full name, where they are from, a verb
        k = j + 2
        while k < len(toks) and cap(toks[k][2]) and doc.gaps[k] == " ":
            k += 1
        if k == j + 2 or k >= len(toks):
            return False
        if doc.gaps[k] == ", " and doc.lows[k] == "who":
            return True  # "Senator Bernie Sanders of Vermont, who had opposed ...": he acts next
        return (
            doc.gaps[k] == " "
            and toks[k][2][:1].islower()
            and doc.lows[k] not in FUNCTION_WORDS
            and doc.lows[k] not in STOP_HEAD
        )
    w = doc.lows[j + 1]
    # (a time phrase opens with one of a few words: most subjects are followed by none)
    after = _after_time(doc, j + 1) if w in _TIME_OPENERS or w.isdigit() else j + 1
    if after > j + 1 and after < len(toks) and doc.gaps[after] == " ":
        nxt = toks[after][2]  # "Modi on Tuesday referred", "Putin three years ago admitted"
    return nxt[0].islower() and nxt not in STOP_HEAD and nxt not in FUNCTION_WORDS or nxt in SKIPPABLE or nxt in MODALS


_NO_APPOSITION = frozenset({"to", "and", "or", "because", "whereas"})  # (", because": the clause goes on)
_DETERMINER_CAPS = frozenset({"another", "other"})
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_TIME_UNITS = frozenset("day days week weeks month months year years decade decades night weekend".split())
_UNITS_AND_DAYS = _TIME_UNITS | _WEEKDAYS
_COUNTS = frozenset("a an two three four five six seven eight nine ten few several many some".split())
_TIME_OPENERS = frozenset({"yesterday", "today", "tonight", "on", "last", "this", "next", "in"}) | _COUNTS


def _after_time(doc: Doc, i: int) -> int:
    """The token after a time phrase that starts at token i ("on Tuesday", "last week",
    "three years ago", "yesterday"), or i when none starts there."""
    lows, n = doc.lows, len(doc.tokens)
    if i >= n:
        return i
    w = lows[i]
    if w in ("yesterday", "today", "tonight"):
        return i + 1
    if i + 1 < n and doc.gaps[i + 1] == " ":
        nxt = lows[i + 1]
        if w == "on" and nxt in _WEEKDAYS or w in ("last", "this", "next") and nxt in _UNITS_AND_DAYS:
            return i + 2
        if w == "in" and nxt.isdigit() and len(nxt) == 4:
            return i + 2  # "in 2019"
    if w in _COUNTS or w.isdigit():
        for k in range(i + 1, min(n, i + 4)):
            if doc.gaps[k] != " ":
                break
            if lows[k] == "ago" and lows[k - 1] in _TIME_UNITS:
                return k + 1
    return i


def subject_after_parens(doc: Doc, toks: Sequence[tuple[int, int, str]], j: int) -> bool:
    """A name followed by a short bracket ("(R-Wisc.)") is a subject if a verb follows it."""
    m = doc.masked
    close = m.find(")", toks[j][1], toks[j][1] + 40)
    if close < 0:
        return False
    k = bisect.bisect_left(doc.token_starts, close)
    if k >= len(toks):
        return False
    gap = m[close + 1 : toks[k][0]].strip(" \u00a0")
    if gap == ",":
        return True
    nxt = toks[k][2]
    return not gap and (
        nxt[:1].islower() and nxt not in STOP_HEAD and nxt not in FUNCTION_WORDS or nxt in SKIPPABLE or nxt in MODALS
    )


def _object_of_preposition(doc: Doc, j: int) -> bool:
    """Does a preposition open the title phrase ending at token j ("by All England Club
    chairman")? Back over its capitalised words, a few at most."""
    i = j - 1
    while i > 0 and j - i <= 5 and doc.gaps[i + 1] == " " and doc.words[i][:1].isupper():
        i -= 1
    if i >= j - 1 or doc.gaps[i + 1] != " " or doc.lows[i] not in _RUN_PREPOSITIONS:
        return False
    return not (doc.lows[i] == "by" and i > 0 and doc.lows[i - 1].endswith(("ed", "en")))  # (an agent acts)


def _noun_like(word: str) -> bool:
    """A noun of someone's occupation or kind ("landowner", "farmer", "economist"), no verb."""
    if not word.isalpha() or len(word) < 5 or word in FUNCTION_WORDS or word in ALL_CUE_FORMS or word in SKIPPABLE:
        return False
    return person_noun(word) or word in PERSON_HEADS or word.endswith(("er", "or", "ist", "ian", "man", "woman"))


def _described(doc: Doc, k: int, after: str) -> bool:
    """Does the run at token k modify a person noun after "the" ("The 1998 French Open champion")?"""
    before = k - 2 if k > 1 and doc.lows[k - 1].isdigit() else k - 1
    return (
        before >= 0
        and doc.lows[before] == "the"
        and (after in PERSON_HEADS or after in ROLE_NOUNS or person_noun(after))
    )
