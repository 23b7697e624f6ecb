"""A person the quotation names in the third person is not the "he" or "she" who says it.

Reads the masked document around a cue with a pronoun subject and the quotation next to
it; answers whether the words name the person a pronoun was resolved to ("“I've had more
than a quiet word with Olof,” he told the club's website" is not Olof Mellberg's; "“Tony
has not made up his mind,” he said" is not Tony Blair's; nor is "he insisted he still trusted
Mr Blair").
"""

from __future__ import annotations

import re

from index.speakers import gender_of_honorific

from .cues import Cue
from .document import MASK, Doc
from .names import PARTICLES
from .words import FIRST_NAMES

_BEFORE_GAP = 4  # characters between a quotation and the pronoun after it: ',” '
_AFTER_GAP = 80  # and between the verb and a quotation it introduces ("he told the BBC: “…”")

# a name inside a longer one, or a modifier ("the Clinton Foundation", "Trump supporters")
_MODIFIED = frozenset(
    """supporters campaign administration foundation family camp team voters fans era years
    government presidency years' side way style""".split()
)


def quotation_by(doc: Doc, cue: Cue, pronoun_start: int) -> tuple[int, int] | None:
    """The quotation a pronoun's cue attributes: the one ending right before the pronoun
    ("“…,” he said") or the one the verb introduces in its sentence ("He said: “…”")."""
    m = doc.masked
    after = _introduced(m, cue.end)
    if after is not None:
        return after
    k = min(pronoun_start, cue.start)
    i = k
    while i > 0 and k - i < _BEFORE_GAP and m[i - 1] != MASK:
        i -= 1
    if i > 0 and m[i - 1] == MASK and not m[i:k].strip(" ,”\"’'"):
        e = i
        while i > 0 and m[i - 1] == MASK:
            i -= 1
        return i, e
    return None


def complement_by(doc: Doc, cue: Cue, pronoun_start: int) -> tuple[int, int] | None:
    """The rest of the sentence after a pronoun's verb: the clause it reports ("he insisted
    he still trusted Mr Blair"), in which the pronoun cannot name anyone the clause names."""
    if pronoun_start > cue.start or not doc.sents:
        return None
    end = doc.sents[cue.sent][1]
    got = _CLAUSE_END_RE.search(doc.masked, cue.end, end)  # (or a comma: "Though he said …, John said")
    end = got.start() if got is not None else end
    return (cue.end, end) if end > cue.end else None


# where the reported clause ends: a new clause or an aside ("he announced his bid, but now
# Benford plans …", "called him “…” – the Founding Father who Beck idolizes")
_CLAUSE_END_RE = re.compile(r"[;(,]|\s[–—-]\s|\sand\s(?:which|who)\b")


def _introduced(m: str, end: int) -> tuple[int, int] | None:
    """The quotation a verb introduces with a colon ("He told the BBC: “…”")."""
    s = m.find(MASK, end, end + _AFTER_GAP)
    if s < 0 or "." in m[end:s] or ":" not in m[end:s]:
        return None
    e = s
    while e < len(m) and m[e] == MASK:
        e += 1
    return s, e


def names_in_words(words: str, person: str, gender: str = "") -> bool:
    """Do the words name the person, by first name or surname, in the third person?"""
    parts = person.split()
    if len(parts) < 2 or not all(p[:1].isupper() or p in PARTICLES for p in parts):
        return False  # (a one-word speaker, or a description: "representative for Mr. Pinchuk")
    for name in {parts[0], parts[-1]}:
        if len(name) < 3 or not name[:1].isupper():
            continue
        for at in _whole_word_hits(words, name):  # (no regex per name: a corpus has thousands)
            if _nested(words, at):
                continue  # "He whispered, ‘Billie Jean, you are the Queen’": someone else's words to her
            before = words[max(0, at - 40) : at].split()[-3:]
            if name == parts[-1] and before and before[-1] == parts[0]:
                before = before[:-1]  # (the whole name: what stands before "Gordon Brown")
            before = before[-2:]
            lows = [w.lower().rstrip(".") for w in before]
            if lows and (lows[-1] == "the" or "a" in lows or "an" in lows):
                continue  # "a Rubio sign", "the Grayson name", "a new Gordon Brown": not the person
            if name == parts[-1] and lows and _someone_else(before[-1], lows[-1], parts[0], gender):
                continue  # "Mrs. Trump" for Donald Trump, "Ivana Trump": a namesake
            after = words[at + len(name) : at + len(name) + 30].split(None, 1)
            nxt = after[0].strip(",.;:!?") if after else ""
            if nxt[:1].isupper() or nxt.lower() in _MODIFIED:
                continue  # "the Clinton Foundation", "Trump supporters": not the person
            return True
    return False


def _someone_else(word: str, low: str, first: str, gender: str) -> bool:
    """Does the word before a surname make it another person's: an honorific of the other
    sex, or another first name?"""
    sex = gender_of_honorific(low)
    if sex:
        return bool(gender) and sex != gender
    return word != first and low in FIRST_NAMES


def _whole_word_hits(text: str, word: str) -> list[int]:
    """Where `word` stands in `text` as a whole word (no letter, digit, apostrophe or hyphen
    beside it)."""
    out = []
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        before = text[i - 1] if i else " "
        after = text[j] if j < len(text) else " "
        if not (before.isalnum() or before in "_'’-" or after.isalnum() or after in "_'’-"):
            out.append(i)
        i = text.find(word, i + 1)
    return out


_CLOSING_RE = re.compile(r"[’'](?!\w)")


def _nested(words: str, pos: int) -> bool:
    """Is pos inside a quotation within the quoted words (‘…’ or '…')?"""
    opened = max(words.rfind("‘", 0, pos), words.rfind(" '", 0, pos))
    if opened < 0:
        return False
    return _CLOSING_RE.search(words, opened + 1, pos) is None
