"""What a run of capitalised words is not, and who a lone first name is.

A work's title ("The film, A Different Story,"), a question headline's modal ("Will Tory
tax cuts …?"), a first name after a noun for a person ("his wife, ex-model Sandra"). The
roster asks these before it makes a person or a subject of a run. (Moved out of ``roster``.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .document import Doc
from .words import ALL_CUE_FORMS, FEMALE_NAMES, FIRST_NAMES, MALE_NAMES, PREPOSITIONS, person_noun

if TYPE_CHECKING:
    from .people import People

# what a title names: a work, not a person or a body who could speak
_WORK_NOUNS = frozenset(
    """film movie book novel memoir album single song track play musical sitcom series programme
    documentary list video""".split()
)


_WORK_DETERMINERS = frozenset({"the", "his", "her", "its", "their", "new", "latest"})


def titles_a_work(doc: Doc, k: int, j: int) -> bool:
    """Is the run of tokens k..j a work's title: after "the film, " or before "list" after "the"?"""
    lows, gaps = doc.lows, doc.gaps
    if k > 1 and gaps[k] == ", " and lows[k - 1] in _WORK_NOUNS and doc.words[k - 1].islower():
        # (the work the clause is about: not "The director of the film, Vinod Pande, says")
        return lows[k - 2] in _WORK_DETERMINERS and (k < 3 or lows[k - 3] not in PREPOSITIONS and lows[k - 3] != "of")
    return j + 1 < len(lows) and gaps[j + 1] == " " and lows[j + 1] in _WORK_NOUNS and k > 0 and lows[k - 1] == "the"


MODAL_NAMES = frozenset({"will", "may", "can"})  # (modal verbs that are also first names)


def asks(masked: str, pos: int) -> bool:
    """Does the line from `pos` end in a question mark (a headline that asks)?"""
    end = masked.find("\n", pos)
    return masked[pos : end if end >= 0 else len(masked)].rstrip().endswith("?")


def named_by_relation(doc: Doc, k: int) -> bool:
    """ "her son Harry", "his wife, ex-model Sandra": a first name alone, right after a noun
    for a person, names someone the article may later call "she" or "he"."""
    if k == 0 or doc.lows[k] not in FIRST_NAMES or doc.gaps[k] not in (" ", ", "):
        return False
    if not doc.words[k - 1].islower():
        return False
    if person_noun(doc.lows[k - 1].removeprefix("ex-")):
        return True
    # (", ex-model Sandra" after "his wife": the apposition's noun is a person's)
    return k > 1 and doc.gaps[k - 1] == ", " and doc.gaps[k] == " " and person_noun(doc.lows[k - 2])


def first_name_mention(people: People, pos: int, name: str) -> None:
    people.mentions.append((pos, name))
    people.persons.add(name)
    low = name.lower()
    if low in FEMALE_NAMES or low in MALE_NAMES:
        people.gender.setdefault(name, "female" if low in FEMALE_NAMES else "male")


_PLURAL_AUX = frozenset({"have", "are", "were"})


def plural_verb_after(doc: Doc, j: int) -> bool:
    """Does a plural verb follow the one-word name ending at token j, straight after it or
    after a relative clause ("Leicester, who signed White from Bristol, have also been
    aided")? British news makes clubs and bodies plural: no one a later "he" can mean."""
    lows, gaps = doc.lows, doc.gaps
    if j + 1 >= len(lows):
        return False
    if gaps[j + 1] == " ":
        return lows[j + 1] in _PLURAL_AUX
    if gaps[j + 1] != ", " or lows[j + 1] not in ("who", "which"):
        return False
    for t in range(j + 2, min(j + 40, len(lows))):
        gap = gaps[t].strip()
        if gap:
            return gap == "," and lows[t] in _PLURAL_AUX
    return False


_HOLDS_A_POST = frozenset(
    "is was became becomes joined joins leads led chairs chaired runs ran heads headed remains remained as".split()
)


def its_after(doc: Doc, j: int) -> bool:
    """Does "its" follow the one-word name ending at token j as its own verb's object ("Tata is
    running its hardware", "Tata cut its prices")? Then the name is a body's: no later "he".
    (Not after a verb of speech: "Brown said its plans …" is another body's.)"""
    lows, gaps = doc.lows, doc.gaps
    for t in range(j + 1, min(j + 5, len(lows))):
        if gaps[t] != " " or lows[t] in ALL_CUE_FORMS:
            return False
        if lows[t] in _HOLDS_A_POST and t + 1 < len(lows) and lows[t + 1] == "its":
            return False  # "Johnson became its chairman": a person's post in a body ("Tata is running its": a body)
        if lows[t] == "its":
            return t > j + 1
    return False
