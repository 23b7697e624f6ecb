"""The subject of a second clause joined by "and" or "but", right before its verb.

"Irish trailed at the break and Gold said", "Early talks have taken place and the
defender said": the clause before the conjunction has its own verb, so the speaker is
the subject after it, not the first clause's opening words. (Moved out of ``sources``.)
"""

from __future__ import annotations

import re

from .roles import PERSON_HEADS
from .words import ROLE_NOUNS, person_noun

# a clause with its own past-tense verb, then "and" and the next clause's subject: a name
_AND_NAME_RE = re.compile(
    r"\b(?:[a-z]{3,}ed|won|lost|beat|drew|took|made|gave|came|went|fell|rose|held|left|met|ran|led|hit|struck)\b"
    r"(?:\s+\S+){2,}\s+[a-z]+\s+(?:and|but)\s+(?=((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s*$)"
)
# or a person described ("the defender", "his spokesman"), after a clause with a verb of
# its own (a participle or an auxiliary: "have taken place", "was delayed")
_AND_DESCRIBED_RE = re.compile(
    r"\b(?:[a-z]{3,}(?:ed|en)|has|have|had|is|was|were|are)\b(?:\s+\S+){0,}?((?:\s+[\w'’-]+){1,3})\s+(?:and|but)\s+"
    r"(?=((?:the|his|her|their)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\s*$)"
)


def and_subject(region: str, start: int, end: int) -> re.Match[str] | None:
    """The subject after "and"/"but" in `region[start:end]`: a name (not a body's name,
    "Cooperation and Development", nor an adjective, "lead and Democratic calls") or a
    described person (not a thing: "was delayed and the deal fell")."""
    got = _AND_NAME_RE.search(region, start, end)
    if got is not None:
        last = got.group(1).rsplit(None, 1)[-1].lower()
        # (endings of adjectives of place and party, not adjective endings: "Grant", "Brent" are names)
        return None if last.endswith(("ic", "an", "al", "ish", "ese", "ive", "'s", "’s")) else got
    got = _AND_DESCRIBED_RE.search(region, max(start, end - 200), end)  # (the clause just before: bounded)
    if got is None:
        return None
    before = got.group(1).lower().split()
    if _personal(before[-1]) or _DETERMINERS.intersection(before):
        # "said four of his kids and his wife will speak", "delayed by the rain and the
        # manager": like joined to like may be one subject, not two clauses
        return None
    return got if _personal(got.group(2).rsplit(None, 1)[-1].lower()) else None


_DETERMINERS = frozenset({"the", "his", "her", "their", "a", "an"})


def _personal(word: str) -> bool:
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return any(w in ROLE_NOUNS or w in PERSON_HEADS or person_noun(w) for w in (word, singular))
