"""Two people with one surname: which one a bare surname means right after one is introduced.

Reads ``People`` (its mentions of full names) and a surname's position; returns the first
name of the namesake the article has just introduced in this paragraph, when the other
was last named in an earlier one ("… the brother of Simon Cowell. ¶ Writer Tony Cowell is
among the judges. “…,” said Cowell" is Tony Cowell), else None.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .document import para_of
from .words import FIRST_NAMES

if TYPE_CHECKING:
    from .people import People


def newest_namesake(people: People, surname: str, firsts: Iterable[str], pos: int) -> str | None:
    doc = people.doc
    if not doc.paras:
        return None
    last: dict[str, int] = {}
    for first in (f for f in firsts if f.lower() in FIRST_NAMES):  # (not "Said Comey", "American Dent")
        n = people._mentions_before(surname, first, pos)  # (the index of full names it keeps)
        last[first] = people._surnames[(surname, first)][n - 1] if n else -1
    if len(last) < 2:
        return None
    new = max(last, key=last.__getitem__)
    here = para_of(doc, pos)
    if last[new] < 0 or para_of(doc, last[new]) != here:
        return None
    others = [p for f, p in last.items() if f != new and p >= 0]
    if not all(para_of(doc, p) < here for p in others):
        return None
    # (not after the surname alone in this paragraph, which meant the other: "… wrote to Mrs.
    # Clinton about a visit by Chelsea Clinton. Mrs. Clinton replied")
    before = (w.strip(".,;:'’\"") for w in doc.masked[doc.paras[here][0] : last[new]].lower().split())
    return None if surname in before else new
