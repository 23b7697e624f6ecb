"""The document model: an article as paragraphs, masked text, sentences and tokens.

Reads the article's text, the boilerplate spans to skip and the paired quotation marks;
returns a ``Doc`` that every later stage reads, and lookups on it (the sentence,
paragraph or tokens at an offset). The masked text has the same length as the text:
quoted content is MASK, boilerplate newlines, so offsets hold everywhere.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, count

from index.lexicon import FUNCTION_WORDS, TITLES
from index.sentences import ABBREVIATIONS, OPAQUE, sentence_spans, trim

from .marks import DOUBLED_APOSTROPHES_RE, Seg, as_double_mark, is_nickname, pair_marks
from .words import FIRST_NAMES, HONORIFICS, ORG_HEADS, ORG_NAME_ENDS, QUANTIFIERS, ROLE_NOUNS, SURNAME_HONORIFICS

MASK = OPAQUE  # stands in for quoted characters in the masked text
MAX_SENT = 1200  # longer "sentences" are run-on junk: split them so look-backs stay bounded
WINDOW = 300  # how far back paragraph-level checks look from a quote


_LINE_RE = re.compile(r"[^\n]+")
_FIRST = operator.itemgetter(0)


_bisect_right = bisect.bisect_right


# possessive quantifiers: a word never gives characters back, which saves the regex engine
# its backtracking bookkeeping on every word of every article
# "[a-zA-Z0-9\w]" is "\w", but its ASCII part compiles to a bitmap tested before the Unicode
# category, which halves the time of the split below (every article is mostly ASCII letters)
# (a full stop glued to a capitalised word, "he added.Graham is", ends the word: a missing
# space on a scraped page, not an abbreviation or a domain, "U.S.", "Climate.news")
_TOKEN_RE = re.compile(r"[^\W_][a-zA-Z0-9\w'’\-]*+(?:\.(?![A-Z][a-z])[^\W_][a-zA-Z0-9\w'’\-]*+)*+")
_TOKEN_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")  # the same words, kept by re.split
# the same on a text of ASCII characters only, where those classes are plain bitmaps
_TOKEN_SPLIT_ASCII_RE = re.compile(r"([a-zA-Z0-9][a-zA-Z0-9_'\-]*+(?:\.(?![A-Z][a-z])[a-zA-Z0-9][a-zA-Z0-9_'\-]*+)*+)")


@dataclass(slots=True)
class Doc:
    """Everything computed once per article."""

    id: str
    text: str
    masked: str
    paras: list[tuple[int, int]]
    segs: list[Seg]
    offset: int = 0  # where `text` starts in the article (a section of a long one: sections.py)
    sents: list[tuple[int, int]] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    tokens: Sequence[tuple[int, int, str]] = ()
    token_starts: Sequence[int] = ()
    lows: Sequence[str] = ()  # the tokens' words, lower-cased
    words: Sequence[str] = ()  # the tokens' words
    gaps: Sequence[str] = ()  # gaps[k]: the masked text before token k
    terms: frozenset[str] | None = None  # short phrases the article quotes again and again (kinds.is_term)
    marked: tuple[frozenset[str], list[int]] | None = None  # see mark_tokens


def read_document(article_id: str, text: str, skip: Sequence[tuple[int, int]] = (), offset: int = 0) -> Doc:
    """The article (or the section of a long one that starts at `offset`) as the later
    stages read it; every offset in the Doc is into `text`.

    ''Two apostrophes'' become one double mark in ``Doc.text`` (the same length, so
    offsets hold; the pipeline slices quotations from the original text).
    """
    if "''" in text:
        text = DOUBLED_APOSTROPHES_RE.sub(as_double_mark, text)
    skip_spans = clean_spans(skip, len(text))
    paras = paragraphs(text, skip_spans)
    segs = pair_marks(text, paras)
    nicknames = [seg for seg in segs if is_nickname(text, seg)]
    if nicknames:
        segs = [seg for seg in segs if seg not in nicknames]
    shouts = shouted(text)
    doc = Doc(article_id, text, mask(text, segs, skip_spans, nicknames, shouts), paras, segs, offset)
    split_sentences(doc)
    tokenize(doc)
    return doc


def clean_spans(skip: Sequence[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for item in skip or ():
        try:
            s, e = int(item[0]), int(item[1])
        except (TypeError, ValueError, IndexError):
            continue
        s, e = max(0, s), min(n, e)
        if e > s:
            out.append((s, e))
    out.sort()
    return out


def paragraphs(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines of text, trimmed; boilerplate spans are cut out (a line may split in two)."""
    out: list[tuple[int, int]] = []
    if not skip:
        for m in _LINE_RE.finditer(text):
            s, e = m.span()
            if text[s].isspace() or text[e - 1].isspace():
                s, e = trim(text, s, e)
                if e <= s:
                    continue
            out.append((s, e))
        return out
    for m in _LINE_RE.finditer(text):
        pieces = [(m.start(), m.end())]
        if skip and _inside(skip, m.start(), m.end()):
            pieces = _minus(m.start(), m.end(), skip)
        for s, e in pieces:
            s, e = trim(text, s, e)
            if e > s:
                out.append((s, e))
    return out


def _minus(s: int, e: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[s, e) without the (sorted) spans."""
    out: list[tuple[int, int]] = []
    pos = s
    for a, b in spans:
        if b <= pos or a >= e:
            continue
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < e:
        out.append((pos, e))
    return out


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does [s, e) overlap any of the sorted spans?"""
    if not spans:
        return False
    i = bisect.bisect_right(spans, (s, float("inf"))) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans) and spans[j][0] < e and spans[j][1] > s:
            return True
    return False


def mask(
    text: str,
    segs: list[Seg],
    skip: list[tuple[int, int]],
    blank: Sequence[Seg] = (),
    shouts: Sequence[tuple[int, int]] = (),
) -> str:
    """The text with quoted content replaced by MASK, boilerplate by newlines, nicknames
    (with their marks) by spaces, so that "Juan "Chico" Manriquez" is one name, and
    headlines in capitals by spaces."""
    spans = [(s.start, s.end, MASK) for s in segs] + [(s, e, "\n") for s, e in skip]
    spans += [(b.open_pos, b.close_pos + 1, " ") for b in blank if b.close_pos is not None]
    spans += [(s, e, " ") for s, e in shouts]
    spans.sort()
    out: list[str] = []
    pos = 0
    for s, e, ch in spans:
        if e <= pos:
            continue
        s = max(s, pos)
        out.append(text[pos:s])
        out.append(ch * (e - s))
        pos = e
    out.append(text[pos:])
    return "".join(out)


def shouted(text: str) -> list[tuple[int, int]]:
    """Runs of three or more words in capitals with a small word among them ("2. U.N. PANEL
    RULES FOR WIKILEAKS FOUNDER.", "AUSTRALIAN OLYMPIC TEAM REFUSES TO STAY IN OLYMPIC
    VILLAGE The team cited …"): a headline shouted, often glued to its paragraph, whose
    words are neither names nor verbs of speech; and datelines."""
    out: list[tuple[int, int]] = []
    for m in _SHOUTED_SMALL_RE.finditer(text):
        if out and m.start() < out[-1][1] or m.start() and _word_char(text[m.start() - 1]):
            continue  # (a lookbehind in the regex would be tried at every offset: six times slower)
        s, e = m.start(), m.end()
        words = 1
        while (b := _SHOUTED_BEFORE_RE.search(text, max(0, s - 40), s)) is not None:
            s, words = b.start(), words + 1
        while (a := _SHOUTED_AFTER_RE.match(text, e)) is not None:
            e, words = a.end(), words + 1
        if words >= 3:
            out.append((s, e))
    if "–" in text or "—" in text or " - " in text:
        out += [m.span(1) for m in _DATELINE_RE.finditer(text)]
        out.sort()
    return out


# a dateline opening a paragraph ("CLEVELAND –", "KYIV, Ukraine (AP) —", "LA CROSSE, Wisc. —"):
# where the story was filed, never a speaker or a subject (index/clean.py reads the "PLACE
# (Outlet) —" form as metadata; this one only keeps any dateline's words from being a name)
_DATELINE_RE = re.compile(
    r"(?m)^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?(?: \([^)\n]{1,30}\))? [–—-]) "
)


_SHOUTED_SMALL_RE = re.compile(r"(?:TO|IN|FOR|OF|THE|AND|ON|AT|WITH|FROM|BY|AS|OVER)(?![\w'’&-])")


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_'’&.-"


_SHOUTED_WORD = r"[A-Z0-9][A-Z0-9.'’&\-]*"
_SHOUTED_BEFORE_RE = re.compile(rf"(?<![\w'’&.-]){_SHOUTED_WORD},?[ \t]+$")  # ("EBOLA SURVIVORS, THROUGH THE LENS")
_SHOUTED_AFTER_RE = re.compile(rf",?[ \t]+{_SHOUTED_WORD}(?![\w'’&-])")


_TITLES_BEFORE_NAMES = HONORIFICS | SURNAME_HONORIFICS  # ("but Mr Milburn", "but Dr Reid")


def coordinate(doc: Doc, pos: int) -> bool:
    """Does the name at `pos` open a coordinate clause (", but captain Fabien Pelous sees
    …", "; and Smith said"), a main clause of its sentence as much as the first?"""
    k = bisect.bisect_left(doc.token_starts, pos)
    for j in range(k - 1, max(-1, k - 4), -1):
        if doc.lows[j] in ("but", "and", "yet"):
            # ("polls but Mr Milburn is taking that role": "but" joins clauses, comma or not;
            # "Bush and Christie" are one subject)
            return "," in doc.gaps[j] or ";" in doc.gaps[j] or doc.lows[j] == "but"
        if not doc.words[j].islower() and doc.lows[j].rstrip(".") not in _TITLES_BEFORE_NAMES:
            return False  # (only lower-case words, a role or "Mr", between: "but captain")
    return False


def split_sentences(doc: Doc) -> None:
    """Sentences of the masked text (index/sentences.py), so that full stops inside
    quotes never split, each at most MAX_SENT characters."""
    doc.sents = sentence_spans(doc.text, doc.paras, masked=doc.masked, max_len=MAX_SENT)
    doc.sent_starts = list(map(_FIRST, doc.sents))


def tokenize(doc: Doc) -> None:
    """Words of the masked text; a trailing full stop is never part of a word."""
    # one C-level split gives gaps and words in turn; their running lengths are the offsets
    # (a Python loop over match objects was the costliest line of the extractor)
    # Tuples, not lists: the garbage collector stops looking into a tuple of strings and
    # numbers once it has seen it, while it walks every item of a list at each full
    # collection, which on a long article was a fifth of the extraction.
    masked = doc.masked
    parts = tuple((_TOKEN_SPLIT_ASCII_RE if masked.isascii() else _TOKEN_SPLIT_RE).split(masked))
    ends = tuple(accumulate(map(len, parts)))
    words = tuple(parts[1::2])
    doc.words = words
    doc.token_starts = ends[0:-1:2]
    doc.tokens = tuple(zip(doc.token_starts, ends[1::2], words))
    # the text between words (gaps[k] ends where token k starts; the last one is the tail)
    doc.gaps = tuple(parts[0::2])
    del parts
    # every token lower-cased at C speed, for the word tests
    doc.lows = tuple(map(str.lower, words))


def mark_tokens(doc: Doc, words: frozenset[str]) -> None:
    """Find the tokens whose lower-case word is in `words` (one C-level pass over the
    article's words), so that tokens_marked answers for any part of `words` from them:
    the cue words and the role words are looked for in one pass, not two."""
    doc.marked = (words, list(compress(count(), map(words.__contains__, doc.lows))))


def tokens_marked(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indexes of the tokens whose lower-case word is in `words`, in text order."""
    got = doc.marked
    lows = doc.lows
    if got is not None and _covers(got[0], words):
        return [k for k in got[1] if lows[k] in words]
    return list(compress(count(), map(words.__contains__, lows)))


@functools.lru_cache(maxsize=64)
def _covers(within: frozenset[str], words: frozenset[str]) -> bool:
    return words <= within


def sent_of(doc: Doc, pos: int) -> int:
    i = _bisect_right(doc.sent_starts, pos) - 1
    return i if i > 0 else 0


def para_of(doc: Doc, pos: int) -> int:
    lo, hi = 0, len(doc.paras) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc.paras[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def tokens_in(doc: Doc, s: int, e: int, limit: int = 0) -> Sequence[tuple[int, int, str]]:
    """The tokens within [s, e); with `limit`, only the first `limit` of them."""
    i = bisect.bisect_left(doc.token_starts, s)
    j = bisect.bisect_left(doc.token_starts, e, i)
    if j > i and doc.tokens[j - 1][1] > e:
        j -= 1  # tokens do not overlap: only the last one can run past `e`
    if limit and j - i > limit:
        j = i + limit
    return doc.tokens[i:j]


def is_abbrev_token(w: str) -> bool:
    low = w.lower()
    return (len(w) == 1 and w.isupper()) or low in ABBREVIATIONS or "." in w


def has_word(text: str, word: str) -> bool:
    """Is `word` in `text` as a whole word? (str.find is C-fast; most words miss)."""
    i = text.find(word)
    n = len(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before in "'’-") and not (after.isalnum() or after in "'’-"):
            return True
        i = text.find(word, i + 1)
    return False


def joined(m: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Are two tokens one name: only spaces between them, an ampersand ("Ernst & Young",
    "Marsh & McLennan": never two subjects), or the dot of "Sen." / "J."?"""
    gap = m[a[1] : b[0]]
    if not gap.strip() or gap == " & ":
        return True
    return gap.lstrip(".").strip() == "" and gap.startswith(".") and is_abbrev_token(a[2])


def run_after_of(toks: Sequence[tuple[int, int, str]], i: int, k: int) -> bool:
    """Does the run at token k follow token i's "of" and at most two lower-case words
    ("Feinstein of California", "Rubin of administrators David Rubin & Partners")?"""
    return i + 2 <= k <= i + 4 and toks[i + 1][2].lower() == "of" and all(t[2].islower() for t in toks[i + 2 : k])


_BODY_OF_RE = re.compile(
    r"((?:[A-Z][\w'’.-]*[ \u00a0](?:and[ \u00a0])?)*([A-Z][\w'’.-]*))[ \u00a0]of[ \u00a0](?:the[ \u00a0])?$"
)


def body_before_of(doc: Doc, start: int) -> int | None:
    """Where a body's name starts when a name at `start` ends it after "of": "the Court of
    Appeal, who said", "the Science and Technology Directorate of the Department of Homeland
    Security", "the House of Lords Economic Affairs Committee" (not "Appeal"). The
    word before "of" is a body's ("Court", "Bank", "House"), so "Feinstein of California"
    and "the rest of Europe" stay as they are."""
    got = _BODY_OF_RE.search(doc.masked, max(0, start - 80), start)
    if got is None or (got.group(2).lower() not in ORG_HEADS and got.group(2) != "House"):
        return None
    return got.start(1)


def role_before(toks: Sequence[tuple[int, int, str]], lows: Sequence[str], start: int, roles: frozenset[str]) -> bool:
    """Is the token before the one at `start` a lower-case word of `roles` ("… head Xie Xuren")?"""
    k = next((i for i, t in enumerate(toks) if t[0] == start), 0)
    return k > 0 and (lows[k - 1] in ROLE_NOUNS or lows[k - 1] in roles) and toks[k - 1][2].islower()


def run_text(m: str, run: Sequence[tuple[int, int, str]]) -> str:
    """The words of a run of name tokens, one space apart, an ampersand kept."""
    out = [run[0][2]]
    for a, b in zip(run, run[1:]):
        out += (" & " if m[a[1] : b[0]] == " & " else " ", b[2])
    return "".join(out)


def determiner_before(doc: Doc, pos: int) -> str | None:
    """ "the" or "a" (for a, an, one, another) right before `pos`, else None ("his brother")."""
    k = bisect.bisect_left(doc.token_starts, pos)
    if k == 0 or doc.gaps[k].strip():
        return None
    w = doc.lows[k - 1]
    return "the" if w == "the" else "a" if w in ("a", "an", "one", "another") else None


def after_quantifier(doc: Doc, pos: int) -> bool:
    """Does the word before `pos` count a group ("many more Latinos", "some Republicans")?"""
    k = bisect.bisect_left(doc.token_starts, pos)
    return 0 < k < len(doc.tokens) and doc.lows[k - 1] in QUANTIFIERS and not doc.gaps[k].strip()


def starts_sentence(doc: Doc, seg: Seg) -> bool:
    ss = doc.sents[sent_of(doc, seg.open_pos)][0] if doc.sents else 0
    return not doc.masked[ss : seg.open_pos].strip()


def starts_paragraph(doc: Doc, seg: Seg) -> bool:
    ps = doc.paras[seg.para][0]
    return seg.open_pos - ps < WINDOW and not doc.text[ps : seg.open_pos].strip(" -–—•*")


def near_start(doc: Doc, seg: Seg) -> int:
    """The paragraph start, or a bounded window before the quote in a huge paragraph.

    Every look-back is bounded so that a one-line megabyte of text stays linear.
    """
    return max(doc.paras[seg.para][0], seg.open_pos - WINDOW)


def whole_word_at(m: str, word: str) -> list[int]:
    """Where `word` stands in `m` with no word character, hyphen or apostrophe right after
    it, found left to right without overlaps (as re.finditer finds the word and that
    look-ahead); str.find, not a pattern per word, which the re module's cache of 512
    patterns would compile again and again across a corpus."""
    n = len(word)
    if not n:
        return [hit.start() for hit in re.finditer(r"(?![\w\-'’])", m)]
    out: list[int] = []
    i = m.find(word)
    while i >= 0:
        after = m[i + n : i + n + 1]
        if after and (after.isalnum() or after in _AFTER_WORD):
            i = m.find(word, i + 1)
        else:
            out.append(i)
            i = m.find(word, i + n)
    return out


_AFTER_WORD = frozenset("_-'’")


def inside_sentence(doc: Doc, pos: int) -> bool:
    """Do words (a quotation, a clause) stand before `pos` in its sentence?"""
    ss = doc.sents[sent_of(doc, pos)][0] if doc.sents else 0
    return bool(doc.masked[ss:pos].strip(" \n(“‘\"'"))  # (a quotation before counts: it is masked)


def not_modal(doc: Doc, pos: int, j: int) -> bool:
    """Is "May" or "Will" at `pos` a name: inside its sentence ("“…,” May wrote"), or before a
    verb a modal never takes ("May told reporters", "May said:"), not "May I ask"?"""
    nxt = doc.lows[j] if j < len(doc.lows) else ""
    return inside_sentence(doc, pos) or nxt in _NOT_AFTER_MODAL or nxt.endswith("ed") and len(nxt) > 4


_NOT_AFTER_MODAL = frozenset("said says told tells wrote writes adds".split())


def acronym_before(first: str, second: str, words: int, body: bool) -> bool:
    """Is `first`, an acronym opening a run of `words` words, an organisation glued before a
    name or a title ("EU Vsevolod Chentsov", "UMWA Director", "ISP AOL", initials "R.P Eddy"
    alike), not a word of a body's own name ("BT Retail", "JP Morgan", "SBC Communications")?
    (`body`: the run ends as bodies do.)"""
    if not first.isupper() or len(first) < 2 or body:
        return False
    return words > 2 or "." in first or second.isupper() or second.lower() in TITLES


def words_before_name(lows: Sequence[str]) -> int:
    """How many words of a capitalised run come before a full name at its end ("Fellow Lib
    Dem Norman Baker": three), when none of them is a first name ("Mary Jane Smith": none)."""
    n = len(lows)
    if n < 3 or lows[-1] in ORG_HEADS or lows[-1] in ORG_NAME_ENDS or not _SAINTS.isdisjoint(lows):
        return 0  # ("the Trayvon Martin Foundation", "St Bernard Software": a body's name)
    return n - 2 if lows[-2] in FIRST_NAMES and FIRST_NAMES.isdisjoint(lows[:-2]) else 0


_SAINTS = frozenset({"st", "st.", "saint", "san", "santa", "sao"})


def numbered_name(doc: Doc, i: int) -> bool:
    """Is token i the number of a name ("Radio 1", "Channel 4", "Number 10"), not a count?"""
    return (
        i > 0
        and len(doc.lows[i]) <= 2
        and doc.words[i - 1][:1].isupper()
        and not doc.words[i - 1].endswith(("'s", "’s"))  # (not "India's 35 states")
        and doc.lows[i - 1] not in FUNCTION_WORDS  # (not "No 10", which names no one by "10")
        and doc.gaps[i] == " "
        and doc.gaps[i + 1] == " "
    )


# clause boundaries (",", ";", a quote, "that", "while", ...), spelt backwards: the last
# boundary before a verb is the first match in the reversed text, found without a full scan
# (the comma first, its look-behind after it: the regex engine skips ahead to a candidate)
_BOUNDARY_REV_RE = re.compile(
    r",(?<!\d,)|,(?!\d)|[;:\x01”\"—–(]|\b(?:taht|elihw|sa|nehw|fi|esuaceb|hguohtla|hguoht|saerehw|ecnis|sselnu|retfa|erofeb)\b"
)


def last_boundary(region: str, limit: int) -> int:
    """Where the clause holding region[limit] starts (a subject sits near its verb).

    The end of the last boundary in region[limit - WINDOW : limit]; one character
    more is read so that a word cut by the window is not taken for a whole word.
    """
    last = max(0, limit - WINDOW)
    lo = last - 1 if last > 0 else 0
    rev = region[lo:limit][::-1]
    b = _BOUNDARY_REV_RE.search(rev)
    if b is None or limit - b.end() < last:
        return last  # none, or only one that starts before the window
    return limit - b.start()
