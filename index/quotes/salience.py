"""Where a description looks for whom it means: how far back, and whether a role fits.

Shared by ``describe`` (people), ``orgs`` (organisations) and ``issuers`` (documents):
the window of text and paragraphs a referent is looked for in, where a name was last
mentioned, and whether a role the article states fits a description's head and
modifiers.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from typing import TYPE_CHECKING

from index.lexicon import DEMONYMS, FUNCTION_WORDS

from .mentions import Mention
from .roles import DISTINGUISHING, Description, Role, compatible, stem
from .words import PARTY_WORDS

if TYPE_CHECKING:
    from .people import People

History = list[tuple[int, str, str]]


Resolved = tuple[str | None, str, Mention | None]

if TYPE_CHECKING:
    from collections.abc import Callable

    from .cues import Cue

    # resolve.resolve_mention, passed in by its callers (resolve imports this module)
    Resolver = Callable[[Mention, Cue, People, History, dict[int, Cue]], Resolved]


_WINDOW = 3000  # characters: how far back a holder or an issuer is looked for


_NEAR_PARAS = 3  # paragraphs: how far back the one "the official" can mean was last seen


def mods_of(d: Description) -> list[str]:
    """The description's modifiers as stems, without numbers ("25-year-old") or determiners."""
    return [stem(m) for m in d.mods if m not in FUNCTION_WORDS and not m[:1].isdigit()]


def fits(role: Role, head: str, mods: list[str], people: People, proper: Collection[str] = ()) -> bool:
    """Does a stated role fit the description? Its head is compatible, no capitalised
    modifier (`proper`, stems) names another country, state or party than the role does, and
    every modifier that tells roles apart in this article ("defence", "Estonian") is among
    its words."""
    if not compatible(head, role.head):
        return False
    if any(w in _SECOND and w not in mods and w not in map(stem, head.split("-")) for w in role.words):
        return False  # ("the prime minister" is not "Deputy Prime Minister John Prescott")
    if proper and clashes(role.words, proper):
        return False  # "the Texas senator" is not "Florida Senator Marco Rubio"
    if _PORTFOLIOS.intersection(mods) - role.words and _PORTFOLIOS & role.words:
        return False  # "the foreign secretary" is not "Home Secretary Charles Clarke"
    if any(m.startswith(("pro-", "anti-")) and m not in role.words for m in mods):
        return False  # "the pro-Clinton group" is not "Citizens United, the group that sued"
    return all(m in role.words or (m not in people.stated.words and m not in DISTINGUISHING) for m in mods)


# (stems) modifiers that tell holders of one title apart by kind: a country, a US state or a
# party; a description that names one fits no role that names another of the same kind
# (a demonym's stem is its country's: "Russian", "Russia's" -> "russ")
_US_STATES = """alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
vermont virginia wisconsin wyoming""".split()
_KINDS = (
    frozenset(map(stem, DEMONYMS)),
    frozenset(map(stem, _US_STATES)),
    frozenset(map(stem, (*(PARTY_WORDS - {"nationalist"}), "ukip", "snp", "green"))),
)


def kind_of(word: str) -> bool:
    """Is the stem a country's, a US state's or a party's?"""
    return any(word in kind for kind in _KINDS)


def clashes(words: frozenset[str], proper: Collection[str]) -> bool:
    """Do a description's capitalised modifiers (stems) name another country, US state or
    party than `words` (a role's stems) do?"""
    if _SAME_PARTY.keys() & words or not _SAME_PARTY.keys().isdisjoint(proper):
        words = frozenset(_SAME_PARTY.get(w, w) for w in words)
        proper = [_SAME_PARTY.get(w, w) for w in proper]
    return any((have := words & kind) and have.isdisjoint(kind.intersection(proper) or have) for kind in _KINDS)


# (stems) the departments an office is of: a description that names one fits no role that
# names another ("the foreign secretary", "Home Secretary Charles Clarke")
_PORTFOLIOS = frozenset(
    map(
        stem,
        """home foreign defence defense health interior finance justice education environment
        trade transport culture treasury energy agriculture pensions economy""".split(),
    )
)


# (stems) a party's other names: a Tory is a Conservative, the GOP the Republicans
_SAME_PARTY = {"tory": "cons", "tori": "cons", "gop": "repu"}


# (stems, as a role's words are): a former or a deputy holder is not the holder
_SECOND = frozenset(map(stem, {"former", "deputy", "vice", "shadow"}))  # ("acting": the stem of "activist")


def last_seen(people: People, name: str, pos: int) -> int:
    """Where `name` was last mentioned before `pos`; -1 if not."""
    mentions = people.mentions
    i = bisect.bisect_left(mentions, (pos, ""))
    for k in range(i - 1, max(-1, i - 60), -1):
        if mentions[k][1] == name:
            return mentions[k][0]
    return -1
