"""What kind a quotation is: direct, partial, or other (titles, scare quotes, names).

Reads a quotation group and whether it is attributed; returns its kind.
"""

from __future__ import annotations

import re

from .document import MASK, Doc, near_start, starts_paragraph
from .marks import Seg
from .words import title_case

_TITLE_NOUNS = frozenset(
    """book books film films movie movies song songs album albums show shows series program
    programme programs newspaper magazine column columns article articles titled entitled
    dubbed nicknamed headline headlines slogan slogans hashtag podcast documentary play
    musical novel memoir poem episode opera paper editorial essay report website blog
    tagline motto brand label nickname term phrase word words called name names alias codename sign""".split()
)


def quote_kind(doc: Doc, segs: list[Seg], attributed: bool) -> str:
    """direct, partial or other (titles and scare quotes)."""
    first = segs[0]
    content = doc.text[first.start : first.end]
    # (words counted only up to the largest length a rule below reads: a long quotation
    # is never split whole)
    if len(segs) == 1:  # (most quotations)
        nwords = len(content.split(None, _MOST_WORDS))
    else:
        nwords = sum(len(doc.text[s.start : s.end].split(None, _MOST_WORDS)) for s in segs)
    before = doc.masked[max(doc.paras[first.para][0], first.open_pos - 40) : first.open_pos]
    last = segs[-1]
    if _naming_before(before) and not _BY_AFTER_RE.match(
        doc.masked, last.close_pos + 1 if last.close_pos else last.end
    ):
        return "other"  # "known as “Putin's chef”", "titled, “Top Scientist: …”": a name given, nobody's words
    if nwords <= _TERM_WORDS and is_term(doc, content):
        return "other"  # "a ‘dirty bomb’", again and again: the article's term for a thing
    if nwords <= 10:
        # the words before it in its own sentence ("… the phone book. “We are …,” he said"
        # names no book)
        own = before[max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind(".\n")) + 1 :]
        prev_words = _ALPHA_RE.findall(own)[-3:]
        if before.rstrip().lower().endswith(("so-called", "so called")):
            return "other"  # "so-called “green” fuels": the writer's distance, nobody's words
        if prev_words and (
            prev_words[-1].lower() in _TITLE_NOUNS
            # (the noun one word back: "a headline stating “…”", not "was quoted in the Herald
            # newspaper saying: “…”")
            or len(prev_words) >= 2
            and prev_words[-2].lower() in _TITLE_NOUNS
            and not (prev_words[-1].lower().endswith("ing") and " quoted " in own)
        ):
            said = content[:1].islower() and (_calls_it(prev_words) or nwords >= _CLAUSE_WORDS)
            said = said or attributed and before.rstrip().endswith(":")  # "told Five's Wright Stuff show: “…”"
            if not said:
                # (a title is capitalised: "the new show “aims to appeal to …”" is words said)
                return "other"
    if (
        nwords <= 8
        and title_case(content)
        and not starts_paragraph(doc, first)
        and not content.rstrip().endswith(("!", "?"))
    ):
        return "other"
    embedded = _embedded(doc, first)
    if not attributed:
        if embedded and nwords >= _CLAUSE_WORDS and not title_case(content):
            return "partial"  # 'recruits are told they “may not be hooligans, but …”': words of someone's
        if nwords <= 4 or embedded:
            return "other"
        return "direct"
    if embedded:
        return "partial"
    if content[:1].islower() and not _continues_split(doc, segs[0]):
        return "partial"
    return "direct"


_NAMING_BEFORE_RE = re.compile(
    r"\b(?:(?:also |widely |better |commonly |locally )?known as(?: the)?|(?:en)?titled|headlined"
    # a passive with no agent: "Barley is described as a “…”", "potstickers, described as “…”"
    r"|(?:is|was|are|were|been|,) (?:\w+ly )?(?:described|billed|labell?ed|touted|cited) as(?: an?| the)?"
    # and "in what has been dubbed “…”", "was nicknamed “…”", "Baywatch dubbed ‘…’" (unless "by" names who did)
    r"|(?:(?:is|was|are|were|been|being) (?:\w+ly )?)?\b(?:dubbed|nicknamed))[\s,:]*$",
    re.I,
)
_BY_AFTER_RE = re.compile(r"[,\s]*by\s")  # ("was dubbed “…” by fans": the fans' words)
_ODD_CASE_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def _naming_before(before: str) -> bool:
    """_NAMING_BEFORE_RE.search(before); a text without "titled", "headlined" or "known as"
    in any case (one is in every match) is decided without the regex, which tries every
    offset. (Unless it holds a character that the regex's case folding matches to an ASCII
    letter and str.lower does not: "İ", "ı", "ſ", the Kelvin sign.)"""
    if before.isascii() or _ODD_CASE_RE.search(before) is None:
        low = before.lower()
        if (
            "titled" not in low
            and "headlined" not in low
            and "known as" not in low
            and "ed as" not in low
            and "dubbed" not in low
            and "nicknamed" not in low
        ):
            return False
    return _NAMING_BEFORE_RE.search(before) is not None


_TERM_WORDS = 3  # a term is a short phrase
_TERM_USES = 3  # quoted this often in one article, a short phrase is a term


# what names words rather than says them, right before the opening mark
_NAMED_WORDS_RE = re.compile(
    r"(?:so-called|so called|\b(?:word|words|term|phrase|label|slogan|hashtag|title|name))\s*\W?$", re.I
)


def names_words(doc: Doc, open_at: int) -> bool:
    """Do the words before the opening mark at `open_at` name the quotation rather than report it ("the word",
    "so-called", "known as", "titled")?"""
    before = doc.text[max(0, open_at - 40) : max(0, open_at)]
    return bool(_NAMED_WORDS_RE.search(before) or _naming_before(before))


def is_term(doc: Doc, content: str) -> bool:
    """Does the article quote these words (a short phrase) three times or more? Then they are
    its name for a thing ("a ‘dirty bomb’"), not anyone's words each time."""
    if doc.terms is None:
        counts: dict[str, int] = {}
        for seg in doc.segs:
            words = doc.text[seg.start : seg.end]
            if len(words.split(None, _TERM_WORDS)) <= _TERM_WORDS:  # (a long quotation is not split whole)
                key = _term_key(words)
                counts[key] = counts.get(key, 0) + 1
        doc.terms = frozenset(k for k, n in counts.items() if n >= _TERM_USES)
    return bool(doc.terms) and _term_key(content) in doc.terms


def _term_key(words: str) -> str:
    return " ".join(_ALPHA_RE.findall(words.lower()))


def _calls_it(prev_words: list[str]) -> bool:
    """ "called it “a scam”", "called Trump “unhinged”": a verb of speech that judges, its
    lower-case words said (a capitalised one names: "a town called “Hope”")."""
    return prev_words[-1].lower() == "called" or len(prev_words) >= 2 and prev_words[-2].lower() == "called"


def _continues_split(doc: Doc, seg: Seg) -> bool:
    """“We will,” he said, “and soon.”: the second part continues a direct quote."""
    ps = near_start(doc, seg)
    before = doc.masked[ps : seg.open_pos].rstrip()
    if not before.endswith(","):
        return False
    k = before.rfind(MASK)
    return k >= 0 and len(before) - k < 60


def _embedded(doc: Doc, seg: Seg) -> bool:
    """Is the opening mark inside the writer's own clause ('would “not suit” Russia')?"""
    j = seg.open_pos - 1
    ps = doc.paras[seg.para][0]
    while j >= ps and doc.text[j] == " ":
        j -= 1
    return j >= ps and (doc.text[j].isalnum() or doc.text[j] in "’'")


_CLAUSE_WORDS = 5  # an unattributed quotation this long inside a sentence is no term: someone's words
_MOST_WORDS = 11  # more words than any length quote_kind compares with
_ALPHA_RE = re.compile(r"[A-Za-z]+")
