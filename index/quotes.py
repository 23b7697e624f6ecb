"""Quotation finding and attribution: rule-based, pure Python, linear in the text.

The pipeline, one article at a time:

1. **Pair quotation marks** paragraph by paragraph, reading each mark's role from its
   context (a mark after a space opens, a mark before a space closes) rather than from
   its glyph, because real typography is broken. A stray mark stays local: an unmatched
   closer is ignored, an unmatched opener ends at its paragraph. A paragraph that ends
   inside a quote and is followed by one that opens with a mark continues the quote.
2. **Mask** the quoted content, so that names, verbs and full stops inside quotes never
   look like the writer's own attribution, while every offset stays the same.
3. **Find cues** (speech verbs from the lexicon, "according to", colons, transcript
   labels) in the masked text and the **source** of each: the subject before the verb,
   the name after an inverted verb (", said Peskov"), an apposition ("X, a ..., said").
4. **Resolve** sources in text order: registry aliases and roles, the fullest name used
   in the article, pronouns to the last speaker or the more recent main-clause subject
   that agrees in gender and is a person (never an organisation, nor a group: "they",
   "many Latinos"), and a bare definite description ("the businessman") to the person it
   points back to, for later pronouns. A speaker inside another clause ("he noted that
   Sanders has acknowledged ...", "Christie, who say ...") does not take a later "he"
   from the sentence's own subject; the person a question is put to ("asked Sanders
   whether ...") answers next, and whoever asked a question ("a voter asked if she ...")
   does not; "he added" continues the last speaker. Unisex first names ("Pat") say
   nothing about gender; a "she" learnt later applies to earlier uses. An indefinite
   person noun ("One Ohio delegate said he ...") is someone a later "he" can mean, "the
   actor" points back to a named person; "it" and "they" take the latest sentence
   subject they fit ("Trump's campaign backtracked ... it said", "The protesters ...").
   After an opening clause ("Asked whether Trump, who has called it a hoax, ..., Ban
   demurred") the main subject, not the cue inside it, is the next "he"; a surname two
   people share means the one the article names most; a single lower-case word taken
   for a source ("highlighted") leaves the quote unattributed. "Sen. Ann Lee of Ohio, the
   ranking member, who said" is Lee, not Ohio; a source that "raised questions" (a
   noun after a verb) is not thereby a person a later "she" can mean. A name before "all
   but" and a verb, or heading a clause without "that" ("the kind of race Ayotte hoped
   to run"), is a subject a later pronoun can mean; a word of a headline, or a
   preposition opening a sentence ("Across town, ..."), is none. Whoever follows a
   participle opening a sentence ("Describing Mr Jackson as ..., his mother said") is
   spoken of, not speaking; a nationality before a name ("Russian Dmitriy Bogdanov") is
   no part of it.
5. **Attach** each quotation to the nearest cue in its sentence, a colon introduction,
   or the previous paragraph's speaker; quotes with no attribution that look like titles
   or scare quotes become ``other``. Cues without a quotation yield ``reported`` speech,
   but not a cue that only names where a quotation was said ("“...,” Steyer said in a
   statement."), a word more likely a noun ("six states", "the Reuters report"), speaking
   with no topic ("spoke at a memorial"), nor a deed
   ("could agree to freeze", "agreed upon", "added another layer").

Indirect speech that quotes a few words ("Peskov said freezing the conflict would “not
suit” Russia") gives two quotes: the words inside the marks (``partial``) and the whole
clause, also ``partial``, because the clause is what the speaker said and the unit that
quote benchmarks (PolNeAR, the Gender Gap Tracker) count. A clause with no marks at all
is ``reported``.

Every look-back is bounded (sentences are capped at ``_MAX_SENT`` characters, paragraph
checks at ``_WINDOW``), so even a megabyte on one line stays linear.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate, compress, count

from index.lexicon import (
    ANONYMOUS_NOUNS,
    DEMONYMS,
    FEMALE_FIRST_NAMES,
    FUNCTION_WORDS,
    INDEFINITE_PRONOUNS,
    MALE_FIRST_NAMES,
    NON_PERSON_WORDS,
    PERSON_NOUNS,
    PRONOUNS_FEMALE,
    PRONOUNS_GROUP,
    PRONOUNS_MALE,
    QUOTE_ONLY_FORMS,
    REPORTING_FORMS,
    TITLES,
    UNISEX_FIRST_NAMES,
    forms_of,
)
from index.models import Quote
from index.sentences import ABBREVIATIONS, is_abbreviation, trim
from index.speakers import SpeakerRegistry, gender_of_honorific

ANONYMOUS = "anonymous sources"
MASK = "\x01"  # stands in for quoted characters in the masked text
_MAX_SENT = 1200  # longer "sentences" are run-on junk: split them so look-backs stay bounded
_WINDOW = 300  # how far back paragraph-level checks look from a quote

_OPEN_GLYPHS = frozenset("“«„‟")
_CLOSE_GLYPHS = frozenset("”»")
_DOUBLE_MARKS = frozenset('"“”«»„‟')
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:;,…\u00a0" + "'‘’\"“”«»")
_CLOSE_CONTEXT = frozenset(" \t\n.,;:!?)]}—–-/…\u00a0" + "'‘’\"“”«»")
_MARK_RE = re.compile('["“”«»„‟]')
_SINGLE_RE = re.compile("[‘’]")
_LINE_RE = re.compile(r"[^\n]+")
_FIRST = operator.itemgetter(0)
_START = operator.attrgetter("start")
_START_END = operator.attrgetter("start", "end")
_bisect_right = bisect.bisect_right
_THIRD = operator.itemgetter(2)
# possessive quantifiers: a word never gives characters back, which saves the regex engine
# its backtracking bookkeeping on every word of every article
# "[a-zA-Z0-9\w]" is "\w", but its ASCII part compiles to a bitmap tested before the Unicode
# category, which halves the time of the split below (every article is mostly ASCII letters)
_TOKEN_RE = re.compile(r"[^\W_][a-zA-Z0-9\w'’\-]*+(?:\.[^\W_][a-zA-Z0-9\w'’\-]*+)*+")
_TOKEN_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")  # the same words, kept by re.split
# the same on a text of ASCII characters only, where those classes are plain bitmaps
_TOKEN_SPLIT_ASCII_RE = re.compile(r"([a-zA-Z0-9][a-zA-Z0-9_'\-]*+(?:\.[a-zA-Z0-9][a-zA-Z0-9_'\-]*+)*+)")
# one leading character class lets the regex engine skip ahead fast (this runs over every text)
_SENT_END_RE = re.compile(
    '[.!?\x01](?:(?<=[.!?])[.!?]*["”’»)\\]]*|(?<=\x01)["”’»])(?=\\s+(?:["“‘«(\\[]?[A-Z0-9]|["“‘«]\x01))'
)
_TRANSCRIPT_RE = re.compile(r"([A-Z][A-Z'’.\- ]{1,30}[A-Z.]):\s+(?=\S)")
_TITLE_NOUNS = frozenset(
    """book books film films movie movies song songs album albums show shows series program
    programme programs newspaper magazine column columns article articles titled entitled
    dubbed nicknamed headline headlines slogan slogans hashtag podcast documentary play
    musical novel memoir poem episode opera paper editorial essay report website blog
    tagline motto brand label nickname term phrase word words called""".split()
)
_PREPOSITIONS = frozenset(
    "for in on at by with from after before during among under over like unlike despite into onto through via per".split()
)
_FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
_MALE_NAMES = MALE_FIRST_NAMES - UNISEX_FIRST_NAMES  # first names that say "he"
_FEMALE_NAMES = FEMALE_FIRST_NAMES - UNISEX_FIRST_NAMES  # and "she"
_ARTICLES = frozenset({"a", "an"})
_LOWER_WORD_RE = re.compile(r"(?<![\w'’\-])[a-z][a-z]{3}")
_CAP_LONG_RE = re.compile(r"(?<![\w'’\-])[A-Z]\w{3}")
_GROUP_ENDINGS = ("ians", "icans", "ites", "ists")  # "Latin Americans", "Californians"
_NUMERALS = frozenset({"II", "III", "IV", "JR", "SR"})
_NOUN_LIKE = frozenset(
    """estimates claims notes reports states comments calls answers tweets posts quotes
    charges counters signals remarks words replies promises threats warnings demands
    proposals statements questions concerns""".split()
)
# lemmas that are nouns as well ("a report"), from the plurals above
_NOUN_LEMMAS = frozenset(w[:-1] for w in _NOUN_LIKE) | {"reply"}
_ALL_CUE_FORMS = frozenset(REPORTING_FORMS | QUOTE_ONLY_FORMS | {"according"})
_DETERMINERS = frozenset(
    "the a an this that his her their its to our my your whose no any every each another such first last new".split()
)
_NOUN_DETERMINERS = frozenset("the a an this his her their its our my your whose no any every each another".split())
_BASE_FORMS = frozenset(
    w
    for w in (*REPORTING_FORMS, *QUOTE_ONLY_FORMS)
    if not w.endswith(("s", "ed", "ing")) and w not in {"said", "told", "wrote", "thought", "spoke", "read"}
)
_BASE_SUBJECTS = frozenset(
    """i we you they who will would could might may can did do does should must also often
    still now never always just people officials sources experts critics analysts others
    democrats republicans voters supporters aides advisers""".split()
)
# plural nouns for groups of people: "Analysts noted" opens a sentence, it names nobody
_GROUP_NOUNS = frozenset(
    """people officials sources experts critics analysts others democrats republicans voters
    supporters aides advisers advisors observers residents protesters protestors demonstrators
    activists lawmakers legislators leaders organizers organisers officers police latinos
    latinas hispanics americans mexicans muslims christians jews evangelicals catholics
    liberals conservatives progressives millennials immigrants refugees""".split()
)
_CLAUSE_STARTERS = frozenset(
    {"given", "just", "only", "even", "perhaps", "maybe"}
)  # adverbs and participles, not sources
_PASSIVE_AUX = frozenset({"is", "was", "were", "are", "been", "be", "being", "am"})
_OBJECT_VERBS = frozenset(
    forms_of(["tell", "inform", "assure", "remind", "warn", "advise", "brief", "urge", "ask", "caution", "promise"])
)
_SKIPPABLE = frozenset(
    """has have had also later earlier previously repeatedly would will did does do not
    then further recently publicly privately reportedly once again still just already
    even often never always frequently initially originally subsequently since
    separately specifically flatly simply bluntly quickly must can could should might
    shall""".split()
)
_RUN_PREPOSITIONS = _PREPOSITIONS - {"after", "before", "for"}  # (opening a clause, or whose view: "For Chait, ...")
_SUBORDINATORS = frozenset(
    {"while", "although", "though", "whereas", "as", "if", "when", "because", "since", "after", "before", "whilst"}
)
_CLAUSE_CUT_RE = re.compile(r",\s+(?:although|though|even though|whereas|which|while)\b|;|\s[—–]\s")
_STOP_HEAD = frozenset(
    """of from at with for in on to who whom which that whose familiar close connected
    requesting speaking asking talking knowledgeable briefed involved who's by about
    among under over near within including when while during after before because since
    until as""".split()
)
_TRANSCRIPT_STOP = frozenset(
    """update correction previously note editor's note editor’s note watch read more breaking
    photos video related source sources fix is in huffpollster disclosure clarification
    warning spoiler q a""".split("\n")[0].split()
)
_ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson president leader minister secretary director
    ambassador senator governor mayor chairman chairwoman chief candidate nominee
    official adviser advisor aide lawyer attorney prosecutor judge general commander
    frontrunner front-runner congressman congresswoman representative speaker manager
    businessman billionaire mogul premier chancellor king queen""".split()
)


# --------------------------------------------------------------------------------------
# Small records
# --------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Seg:
    """Quoted content between two marks (or to the end of its paragraph)."""

    start: int
    end: int
    open_pos: int
    close_pos: int | None
    para: int
    group: int = 0


@dataclass(slots=True)
class _Mention:
    """Who a cue names: a person, a pronoun, a role noun, anonymous sources or an NP."""

    # name | pronoun | role | anonymous | np | ellipsis ("... and told") | clause (a verb
    # phrase, "echoing commentators": the sentence's subject speaks, if one is found)
    kind: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    word: str
    sent: int
    mention: _Mention | None = None
    speaker: str | None = None
    confidence: float = 0.0
    inverted: bool = False  # the source follows the verb
    reportable: bool = True
    quote_before: bool = False  # attributes a quotation that ends before it ("“...,” X said ...")
    noun: bool = False  # more likely a plural noun than a verb ("six states")
    object_noun: bool = False  # a plural noun after a verb ("raised questions"): its doer may be no person


@dataclass(slots=True)
class _Doc:
    """Everything computed once per article."""

    id: str
    text: str
    masked: str
    paras: list[tuple[int, int]]
    segs: list[_Seg]
    sents: list[tuple[int, int]] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    tokens: list[tuple[int, int, str]] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)
    lows: list[str] = field(default_factory=list)  # the tokens' words, lower-cased
    words: list[str] = field(default_factory=list)  # the tokens' words
    gaps: list[str] = field(default_factory=list)  # gaps[k]: the masked text before token k


# --------------------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------------------
def extract_quotes(
    article_id: str,
    text: str,
    registry: SpeakerRegistry | None = None,
    *,
    speech_verbs: Iterable[str] = (),
    skip: Sequence[tuple[int, int]] = (),
) -> list[Quote]:
    """Quotations and reported speech in `text`, sorted by start; never raises."""
    try:
        return _extract(str(article_id), text, registry, speech_verbs, skip)
    except Exception:  # pragma: no cover - a last resort: one odd article must not stop indexing
        return []


_EXTRA_CACHE: dict[tuple[str, ...], tuple[frozenset[str], dict[str, str]]] = {}
_RAW_EXTRA_CACHE: dict[tuple[object, ...], tuple[frozenset[str], dict[str, str]]] = {}


def _extra_forms(speech_verbs: Iterable[str]) -> tuple[frozenset[str], dict[str, str]]:
    """Inflected forms of the configured lemmas, and phrasal verbs' particles.

    "point out" adds "pointed", "points", ... but only when "out" follows, so that
    "talking points" stays a noun.
    """
    raw = tuple(speech_verbs) if isinstance(speech_verbs, (list, tuple)) else None
    if raw is not None:
        try:
            hit = _RAW_EXTRA_CACHE.get(raw)  # the same config list for every article: skip the sort
        except TypeError:  # an unhashable item; the slow path skips it
            hit = raw = None
        if hit is not None:
            return hit
    key = tuple(sorted(v.strip().lower() for v in speech_verbs if isinstance(v, str) and v.strip()))
    got = _EXTRA_CACHE.get(key)
    if got is None:
        forms: set[str] = set()
        particles: dict[str, str] = {}
        for lemma in key:
            words = lemma.split()
            if len(words) == 1 or words[0] == "according":
                forms |= forms_of([lemma])
            elif len(words) == 2:
                for f in forms_of([words[0]]):
                    if f not in _ALL_CUE_FORMS:
                        particles[f] = words[1]
                    forms.add(f)
        got = (frozenset(forms), particles)
        if len(_EXTRA_CACHE) > 64:
            _EXTRA_CACHE.clear()
        _EXTRA_CACHE[key] = got
    if raw is not None:
        if len(_RAW_EXTRA_CACHE) > 64:
            _RAW_EXTRA_CACHE.clear()
        _RAW_EXTRA_CACHE[raw] = got
    return got


def _extract(
    article_id: str,
    text: str,
    registry: SpeakerRegistry | None,
    speech_verbs: Iterable[str],
    skip: Sequence[tuple[int, int]],
) -> list[Quote]:
    if not isinstance(text, str) or not text.strip():
        return []
    original = text
    if "''" in text:
        text = _DOUBLED_APOSTROPHES_RE.sub(_as_double_mark, text)  # same length: offsets hold
    registry = registry or SpeakerRegistry()
    extra, particles = _extra_forms(speech_verbs or ())
    skip_spans = _clean_spans(skip, len(text))
    paras = _paragraphs(text, skip_spans)
    segs = _pair_marks(text, paras)
    nicknames = [seg for seg in segs if _is_nickname(text, seg)]
    if nicknames:
        segs = [seg for seg in segs if seg not in nicknames]
    doc = _Doc(article_id, text, _mask(text, segs, skip_spans, nicknames), paras, segs)
    _split_sentences(doc)
    _tokenize(doc)
    people = _People(doc, registry)
    cues = _find_cues(doc, extra, particles)
    transcripts = _find_transcripts(doc)
    for cue in cues:
        cue.mention = _find_source(doc, cue)
    cues = _add_adhoc_cues(doc, cues)
    _resolve_all(doc, cues, people)
    quotes = _attach_quotes(doc, cues, transcripts, people)
    quotes.extend(_reported(doc, cues, segs))
    if any(q.speaker and _not_a_source(q.speaker) for q in quotes):
        # a garbled source ("highlighted", "none"): the quote stays, unattributed
        quotes = [
            replace(q, speaker=None, confidence=0.3) if q.speaker and _not_a_source(q.speaker) else q for q in quotes
        ]
    if text is not original:
        quotes = [_in_original(q, original) for q in quotes]
    quotes.sort(key=_START_END)
    return quotes


def _in_original(q: Quote, original: str) -> Quote:
    """A quote found in the working text, as a slice of the original; a quotation drops
    the space that "... poor,' '' she said" leaves before its closing mark."""
    end = q.end if q.kind == "reported" else q.start + len(original[q.start : q.end].rstrip())
    return replace(q, end=end, text=original[q.start : end])


# ''Two apostrophes'' as quotation marks (wire copy, some archives): read as one straight
# double mark on the side of the quotation, and a space on the other
_DOUBLED_APOSTROPHES_RE = re.compile(r"(?<!')'''?(?!')")


def _as_double_mark(m: re.Match[str]) -> str:
    """Two apostrophes, or three with a single mark nested ('''College Bowl' ...''',
    ... bad.'''), as the same number of characters with one straight double mark."""
    s, i, n = m.string, m.start(), len(m.group())
    before = s[i - 1] if i > 0 else " "
    after = s[i + n] if i + n < len(s) else " "
    opens = (before.isspace() or before in "([{—–-:") and not after.isspace()
    closes = not before.isspace() or after.isspace() and s[:i].rstrip()[-1:] in ("'", "’", ",", ".", "?", "!", ";", ":")
    if opens:
        return ' "' if n == 2 else " \"'"  # opens: ''I don't think ..., '''College Bowl'
    if closes:
        return '" ' if n == 2 else "'\" "  # closes: ... is,'' said, ... bad.''' But; ... poor,' '' she
    return m.group()


def _clean_spans(skip: Sequence[tuple[int, int]], n: int) -> list[tuple[int, int]]:
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


def _paragraphs(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


# --------------------------------------------------------------------------------------
# 1. Pairing quotation marks
# --------------------------------------------------------------------------------------
def _mark_role(text: str, i: int, ps: int, pe: int) -> str:
    """'open', 'close' or '' from the characters around the mark, glyph as tie-break."""
    prev = text[i - 1] if i > ps else " "
    nxt = text[i + 1] if i + 1 < pe else " "
    can_open = prev in _OPEN_CONTEXT and not nxt.isspace()
    can_close = nxt in _CLOSE_CONTEXT and not prev.isspace()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    ch = text[i]
    if ch in _OPEN_GLYPHS:
        return "open"
    if ch in _CLOSE_GLYPHS:
        return "close"
    return ""  # a straight mark with no clue: decided by the pairing state


def _pair_marks(text: str, paras: list[tuple[int, int]]) -> list[_Seg]:
    segs: list[_Seg] = []
    has_single = "‘" in text or "’" in text
    if not has_single and _MARK_RE.search(text) is None:
        return segs  # no quotation mark at all (one C-level scan, not one per paragraph)
    carry: int | None = None  # group id of a quote continuing from the last paragraph
    group = 0
    for pi, (ps, pe) in enumerate(paras):
        open_pos: int | None = None
        cont = carry
        carry = None
        for m in _MARK_RE.finditer(text, ps, pe):
            i = m.start()
            role = _mark_role(text, i, ps, pe)
            if not role:
                role = "open" if open_pos is None else "close"
            if role == "open":
                if open_pos is not None and i == open_pos + 1:
                    continue  # doubled mark
                open_pos = i
            elif open_pos is not None:
                if i > open_pos + 1:
                    gid = cont if (cont is not None and open_pos == ps) else None
                    if gid is None:
                        group += 1
                        gid = group
                    segs.append(_Seg(open_pos + 1, i, open_pos, i, pi, gid))
                open_pos = None
                cont = None
            # an unmatched closer is a stray mark: ignored
        if open_pos is not None:
            nxt_starts_quote = pi + 1 < len(paras) and text[paras[pi + 1][0]] in _DOUBLE_MARKS
            content_end = pe
            if content_end - open_pos > 1 and (nxt_starts_quote or _looks_like_opening(text, open_pos, ps, pe)):
                gid = cont if (cont is not None and open_pos == ps) else None
                if gid is None:
                    group += 1
                    gid = group
                segs.append(_Seg(open_pos + 1, content_end, open_pos, None, pi, gid))
                if nxt_starts_quote:
                    carry = gid
        if has_single:
            _pair_single(text, ps, pe, segs, pi)
    segs.sort(key=_START)
    for s in segs:
        if s.group == 0:
            group += 1
            s.group = group
    return segs


def _looks_like_opening(text: str, open_pos: int, ps: int, pe: int) -> bool:
    """An unclosed mark still opens a quote when it starts a paragraph or follows a colon."""
    before = text[ps:open_pos].rstrip()
    return (not before or before.endswith((":", ","))) and len(text[open_pos:pe].split()) >= 4


def _pair_single(text: str, ps: int, pe: int, segs: list[_Seg], pi: int) -> None:
    """Pair ‘…’ outside double quotes; ’ in "don’t" or "Reuters’ sources" never closes."""
    if _SINGLE_RE.search(text, ps, pe) is None:
        return  # most paragraphs have no curly single mark at all
    inner: list[tuple[int, int]] = []
    for s in reversed(segs):  # this paragraph's double-quoted spans are the last ones added
        if s.para != pi:
            break
        inner.append((s.open_pos, s.close_pos if s.close_pos is not None else s.end))
    inner.sort()
    inner_starts = [a for a, _ in inner]
    open_pos: int | None = None
    for m in _SINGLE_RE.finditer(text, ps, pe):
        i = m.start()
        k = bisect.bisect_right(inner_starts, i) - 1
        if k >= 0 and inner[k][0] <= i <= inner[k][1]:
            continue  # inside a double-quoted span: an inner quote or an apostrophe
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        if m.group() == "‘":
            if prev in _OPEN_CONTEXT and nxt.isalnum():
                open_pos = i
        elif open_pos is not None and not nxt.isalnum() and not prev.isspace():
            if prev in "sS" and nxt == " " and i + 2 < pe and text[i + 2].islower():
                continue  # plural possessive ("the sources’ claims")
            if i > open_pos + 1:
                segs.append(_Seg(open_pos + 1, i, open_pos, i, pi, 0))
            open_pos = None


# --------------------------------------------------------------------------------------
# 2. Masking, sentences, tokens
# --------------------------------------------------------------------------------------
_NICKNAME_RE = re.compile(r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*)?")
_NAME_BEFORE_RE = re.compile(r"(?<![\w'’.\-])([A-Z][\w'’\-]*\.?) +$")


def _is_nickname(text: str, seg: _Seg) -> bool:
    """Juan "Chico" Manriquez: one or two capitalised words quoted inside a name."""
    if seg.close_pos is None or seg.end - seg.start > 30 or not _NICKNAME_RE.fullmatch(text, seg.start, seg.end):
        return False
    before = _NAME_BEFORE_RE.search(text, max(0, seg.open_pos - 30), seg.open_pos)
    if before is None or before.group(1).lower() not in _FIRST_NAMES:
        return False  # (a first name before it: not a headline's “Invisible” As A Child)
    after = text[seg.close_pos + 1 : seg.close_pos + 4].lstrip(" ")  # (two spaces: ''Chico'' read as "Chico")
    return 0 < len(after) and after[0].isupper() and text[seg.close_pos + 1] == " "


def _mask(text: str, segs: list[_Seg], skip: list[tuple[int, int]], blank: Sequence[_Seg] = ()) -> str:
    """The text with quoted content replaced by MASK, boilerplate by newlines and
    nicknames (with their marks) by spaces, so that "Juan "Chico" Manriquez" is one name."""
    spans = [(s.start, s.end, MASK) for s in segs] + [(s, e, "\n") for s, e in skip]
    spans += [(b.open_pos, b.close_pos + 1, " ") for b in blank if b.close_pos is not None]
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


def _split_sentences(doc: _Doc) -> None:
    """Sentences of the masked text, so that full stops inside quotes never split."""
    m, text = doc.masked, doc.text
    sents: list[tuple[int, int]] = []
    longest = 0
    for ps, pe in doc.paras:
        start = ps
        for hit in _SENT_END_RE.finditer(m, ps, pe):
            end = hit.end()
            piece = hit.group()
            c = piece[0]
            if c == MASK:
                close = hit.start() + 1
                if text[close - 1] not in ".!?" and not (close >= 2 and text[close - 2] in ".!?"):
                    continue
            elif (
                c == "." and (piece == "." or len(piece.rstrip('"”’»)]')) == 1) and _abbreviation_at(m, hit.start(), ps)
            ):
                if m[end : end + 6].split(" ", 2)[1:2] not in (["He"], ["She"], ["They"], ["It"], ["We"], ["The"]):
                    continue  # "U.S. President" goes on; "7 p.m. He says" is a new sentence
            sents.append((start, end))
            if end - start > longest:
                longest = end - start
            start = end
            while start < pe and m[start].isspace():
                start += 1
        if start < pe:
            sents.append((start, pe))
            if pe - start > longest:
                longest = pe - start
    if longest > _MAX_SENT:
        sents = [piece for s, e in sents for piece in _bounded(m, s, e)]
    doc.sents = sents
    doc.sent_starts = list(map(_FIRST, sents))


def _abbreviation_at(m: str, dot: int, ps: int) -> bool:
    """is_abbreviation(m, dot), with the common case (a word of letters after a space) first."""
    space = m.rfind(" ", ps, dot)
    if space >= 0:
        word = m[space + 1 : dot]
        if word.isalpha():  # the whole word that is_abbreviation would read
            low = word.lower()  # (its length, as is_abbreviation counts it: "İ" lowers to two)
            return low in ABBREVIATIONS or (len(low) == 1 and word.isupper())
    return is_abbreviation(m, dot)


def _bounded(m: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a run-on "sentence" longer than _MAX_SENT at commas or spaces.

    Real sentences are far shorter; the cap keeps every per-cue look-back bounded.
    """
    out: list[tuple[int, int]] = []
    while e - s > _MAX_SENT:
        cut = m.rfind(", ", s + _MAX_SENT // 2, s + _MAX_SENT)
        if cut < 0:
            cut = m.rfind(" ", s + _MAX_SENT // 2, s + _MAX_SENT)
        cut = cut + 1 if cut >= 0 else s + _MAX_SENT
        out.append((s, cut))
        s = cut
        while s < e and m[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))
    return out


def _tokenize(doc: _Doc) -> None:
    """Words of the masked text; a trailing full stop is never part of a word."""
    # one C-level split gives gaps and words in turn; their running lengths are the offsets
    # (a Python loop over match objects was the costliest line of the extractor)
    masked = doc.masked
    parts = (_TOKEN_SPLIT_ASCII_RE if masked.isascii() else _TOKEN_SPLIT_RE).split(masked)
    ends = list(accumulate(map(len, parts)))
    words = parts[1::2]
    doc.words = words
    doc.token_starts = ends[0:-1:2]
    doc.tokens = list(zip(doc.token_starts, ends[1::2], words))
    # the text between words (gaps[k] ends where token k starts; the last one is the tail)
    doc.gaps = parts[0::2]
    # every token lower-cased at C speed, for the word tests
    doc.lows = list(map(str.lower, words))


def _sent_of(doc: _Doc, pos: int) -> int:
    i = _bisect_right(doc.sent_starts, pos) - 1
    return i if i > 0 else 0


def _para_of(doc: _Doc, pos: int) -> int:
    lo, hi = 0, len(doc.paras) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc.paras[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _tokens_in(doc: _Doc, s: int, e: int, limit: int = 0) -> list[tuple[int, int, str]]:
    """The tokens within [s, e); with `limit`, only the first `limit` of them."""
    i = bisect.bisect_left(doc.token_starts, s)
    j = bisect.bisect_left(doc.token_starts, e, i)
    if j > i and doc.tokens[j - 1][1] > e:
        j -= 1  # tokens do not overlap: only the last one can run past `e`
    if limit and j - i > limit:
        j = i + limit
    return doc.tokens[i:j]


# --------------------------------------------------------------------------------------
# 3. Cues and their sources
# --------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=16)
def _wanted_forms(extra: frozenset[str]) -> frozenset[str]:
    """The built-in cue forms plus the configured ones (the same set for every article)."""
    return _ALL_CUE_FORMS | extra


def _find_cues(doc: _Doc, extra: frozenset[str], particles: dict[str, str] | None = None) -> list[_Cue]:
    cues: list[_Cue] = []
    toks = doc.tokens
    m = doc.masked
    wanted = _wanted_forms(extra) if extra else _ALL_CUE_FORMS
    words = doc.lows
    gaps = doc.gaps
    sent_starts = doc.sent_starts
    bisect_right = bisect.bisect_right
    candidates = list(compress(count(), map(wanted.__contains__, words)))
    for k in candidates:
        s, e, w = toks[k]
        low = words[k]
        if low == "according":
            if k + 1 < len(toks) and words[k + 1] == "to":
                cues.append(_Cue(s, toks[k + 1][1], "according to", _sent_of(doc, s)))
            continue
        end = e
        if particles and low in particles:
            if k + 1 >= len(toks) or words[k + 1] != particles[low]:
                continue  # "talking points" is no "point out"
            end = toks[k + 1][1]
        reporting = low in REPORTING_FORMS or low in extra
        if not reporting and low not in QUOTE_ONLY_FORMS:
            continue
        # the word right before, unless punctuation or a quotation separates them
        prev = words[k - 1] if k and not gaps[k].strip() else ""
        nxt = words[k + 1] if k + 1 < len(toks) else ""
        if prev in _PASSIVE_AUX or (k > 1 and prev.endswith("ly") and words[k - 2] in _PASSIVE_AUX):
            continue  # "is said to be", "was told": no speaker here
        if k > 1 and prev.endswith("ly") and words[k - 2].endswith(("'s", "’s", "s'", "s’")):
            continue  # "Sanders' widely criticized interview": a participle before a noun
        if low.endswith("ing") and not _gerund_ok(m, s, prev):
            continue
        if low in {"said", "says", "say"} and nxt == "to" and k + 2 < len(toks) and words[k + 2] == "be":
            continue
        if low == "called" and _names_a_thing(doc, k):
            continue  # "a messaging application called Pictochat": a name given, nothing said
        if (
            prev in _DETERMINERS
            or prev in _PREPOSITIONS
            or prev.endswith(("'s", "’s", "s'", "s’"))
            or prev[:1].isdigit()
        ):
            continue  # a noun or an infinitive ("the call", "Trump's call", "to say")
        if low in _NOUN_LIKE and m[e : e + 2].lstrip()[:1] in (",", ".", ";", ")"):
            continue  # "Cost estimates, he added": a plural noun, not a verb
        # "six states", "investigative reports": most likely a plural noun; it still attributes a
        # quotation nearby, as it always has, but yields no reported speech of its own
        noun = low in _NOUN_LIKE and _modifies_noun(prev)
        if (
            low in _BASE_FORMS
            and prev not in _BASE_SUBJECTS
            and prev not in _SKIPPABLE
            and not prev.endswith(("s", "ly"))
        ):
            continue  # "a report", "his word": a bare lemma needs a plural or pronoun subject
        if low == "calls" and nxt == "for" and prev.endswith(("ed", "ing")) and prev[:1].islower():
            noun = True  # "joined calls for a probe", "growing calls for": the calls of others
        if (
            low in _NOUN_LEMMAS
            and k > 1
            and words[k - 2] in _NOUN_DETERMINERS
            and prev not in _GROUP_NOUNS
            and prev not in ANONYMOUS_NOUNS
            and not gaps[k - 1].strip()
        ):
            noun = True  # "the Reuters report", "the US state": a determiner's noun ("the ads ask" is a verb)
        if low[0] != w[0] and not _starts_sentence_at(m, s):
            continue  # capitalised mid-sentence: a name ("Chris Say")
        word = low if end == e else f"{low} {particles[low]}" if particles else low
        si = bisect_right(sent_starts, s) - 1
        cue = _Cue(s, end, word, si if si > 0 else 0, reportable=reporting, noun=noun)
        if low in _NOUN_LIKE and prev.endswith("ed"):
            cue.object_noun = True
        cues.append(cue)
    return cues


def _names_a_thing(doc: _Doc, k: int) -> bool:
    """ "a (new) group called Black Votes Matter": "called" after an indefinite noun phrase
    of a thing, before the name it gives ("a spokesman called the claims ..." speaks)."""
    if k < 2 or k + 1 >= len(doc.tokens) or doc.gaps[k].strip():
        return False
    noun = doc.lows[k - 1]
    if not doc.words[k - 1].islower() or noun in FUNCTION_WORDS or noun.endswith("ly") or _person_noun(noun):
        return False
    if not (doc.words[k + 1][:1].isupper() or doc.gaps[k + 1].strip()[:1] in ("“", '"', MASK)):
        return False
    return any(w in ("a", "an") for w in doc.lows[max(0, k - 4) : k - 1])


_NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve dozen dozens hundreds thousands
    millions multiple various numerous such""".split()
)


def _modifies_noun(prev: str) -> bool:
    """Does the word before a verb-or-noun form ("states", "reports") make it a plural noun?

    A third-person verb wants its singular subject right before it; a number or a
    quantifier ("six states", "other states") or an auxiliary ("have claims") wants a
    plural noun. (Adjectives, "investigative reports", would be right too, but on
    PolNeAR they cost more true reported clauses than they save false ones.)
    """
    return prev in _QUANTIFIERS or prev in _NUMBER_WORDS or prev.endswith("-dozen") or prev in {"has", "have", "had"}


def _starts_sentence_at(m: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and m[j] in " \t\u00a0":
        j -= 1
    return j < 0 or m[j] in '.!?\n"“”:;—'


def _gerund_ok(m: str, s: int, prev: str) -> bool:
    """'..., saying' attributes; 'the saying' does not."""
    j = s - 1
    while j >= 0 and m[j].isspace():
        j -= 1
    return j >= 0 and m[j] in ',;—–\x01”"' or prev in {"and", "while", "before", "after", "by", "when", "as", "without"}


def _find_transcripts(doc: _Doc) -> list[tuple[int, int, str, int, int]]:
    """Transcript lines ("PENCE: ...") as (content start, end, label, label start, end)."""
    out: list[tuple[int, int, str, int, int]] = []
    for ps, pe in doc.paras:
        if not doc.text[ps].isupper():
            continue
        m = _TRANSCRIPT_RE.match(doc.text, ps, pe)
        if not m:
            continue
        label = m.group(1).strip()
        words = label.split()
        if len(words) > 3 or label.lower() in _TRANSCRIPT_STOP or any(c.islower() for c in label):
            continue
        if pe - m.end() < 12:
            continue
        out.append((m.end(), pe, label, m.start(1), m.end(1)))
    return out


def _find_source(doc: _Doc, cue: _Cue) -> _Mention | None:
    """The words naming who speaks for this cue, before or after the verb."""
    ss, se = doc.sents[cue.sent] if doc.sents else (0, len(doc.text))
    m = doc.masked
    if cue.word == "according to":
        cue.inverted = True
        return _according_to_source(doc, cue.end, se)
    before = m[ss : cue.start]
    stripped = _strip_skippable(doc, ss, cue.start)
    tail = m[ss:stripped].rstrip()
    if not tail and cue.word.endswith("ing") and _cap(doc.text[cue.start : cue.end]):
        # "Describing Mr Jackson as “a good person”, his mother said ...": whoever follows
        # the participle is spoken of; the speaker is the main clause's, and its own cue
        # attributes what is quoted
        return None
    if (
        not tail
        or tail.endswith((MASK, "”", '"', "’", "»", ",”", ',"'))
        or tail[-1] in ",:;—–"
        and _quote_just_before(tail)
    ):
        cue.inverted = True
        got = _np_after(doc, cue.end, se, strict=True)
        if got is not None:
            return got
        cue.inverted = False
        if tail.endswith(("”", '"')) and tail[:-1].endswith(MASK):
            # "Trump, author of “The Art of the Deal,” said": an apposition with a title
            open_at = max(tail.rfind("“"), tail.rfind('"', 0, len(tail) - 1))
            title = doc.text[ss + open_at + 1 : ss + len(tail) - 1]
            if open_at > 0 and doc.text[ss + len(tail) - 2] == "," and _title_case(title) and len(title.split()) <= 8:
                plain = re.sub('[\x01“”"]', " ", m[ss : ss + len(tail)])
                return _appositive(doc, ss, plain, len(tail) - 1)
    if tail.endswith(",") and cue.word in _INVERTIBLE:
        nxt_tok = _tokens_in(doc, cue.end, se, 1)
        got = (
            _np_after(doc, cue.end, se, strict=True)
            if nxt_tok and (_cap(nxt_tok[0][2]) or nxt_tok[0][2] in {"the", "a", "an", "one"})
            else None
        )
        if got is not None and got.kind in ("name", "role", "anonymous"):
            cue.inverted = True
            return got  # "... that Sanders can catch Clinton, said Steve Elmendorf."
    if cue.word.endswith("ing") or tail.lower().endswith((" having", " being", ",having")):
        return _subject_of_clause(doc, ss, stripped, participle=True)
    if before.strip() == "":
        return None
    return _subject_of_clause(doc, ss, stripped)


_ADHOC_SUBJECT = r"((?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,4}?[A-Z][\w'’-]*|he|she|they|[Tt]he[ \t\u00a0]+[a-z]+)"
_ADHOC_AFTER_RE = re.compile(rf"[ \t\u00a0]*,?[ \t\u00a0]*{_ADHOC_SUBJECT}[ \t\u00a0]+([a-z]{{3,}}(?:ed|es|s))\b")
# after “...,” / “...?” any verb will do ("“...,” Bennett shot back")
_ADHOC_INVERTED_RE = re.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]*([a-z]{3,}ed)[ \t\u00a0]+"
    r"((?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,4}[A-Z][\w'’-]*)(?=[,.;!?(]|$)"
)
# a byline-style attribution line under a quote: "- Bernie Sanders."
_DASH_LINE_RE = re.compile(r"[-–—]\s*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s*[.,]?")
_ADHOC_AFTER_COMMA_RE = re.compile(rf"[ \t\u00a0]*{_ADHOC_SUBJECT}[ \t\u00a0]+([a-z]{{3,}})\b")


def _add_adhoc_cues(doc: _Doc, cues: list[_Cue]) -> list[_Cue]:
    """Cues the lexicon misses, next to a quotation that has none in its sentence.

    "“...” Toomey fumed." and "Jared Potts echoed: “...”" attribute by position
    alone; a colon that introduces a quotation names whoever is the subject before it.
    """
    with_cue = {c.sent for c in cues}
    added: list[_Cue] = []
    groups: dict[int, list[_Seg]] = {}
    for x in doc.segs:
        groups.setdefault(x.group, []).append(x)
    for group in groups.values():
        seg = group[0]
        last = group[-1]
        if any(_sent_of(doc, x.open_pos) in with_cue or _sent_of(doc, x.end) in with_cue for x in group):
            cue = _colon_override(doc, seg, cues)
            if cue is not None:
                added.append(cue)
            continue
        cue = _adhoc_after(doc, last) or _adhoc_before(doc, seg, with_cue)
        if cue is not None:
            added.append(cue)
            with_cue.add(cue.sent)
    if not added:
        return cues
    return sorted(cues + added, key=_START)


def _colon_override(doc: _Doc, seg: _Seg, cues: list[_Cue]) -> _Cue | None:
    """“When Trump suggested X, Rubio fired back: “...”": the clause before the colon speaks.

    Only when every lexicon cue of the sentence sits before that clause's comma.
    """
    m = doc.masked
    ps = _near_start(doc, seg)
    before = m[ps : seg.open_pos].rstrip()
    if not before.endswith(":"):
        return None
    colon = ps + len(before) - 1
    si = _sent_of(doc, colon)
    ss = doc.sents[si][0]
    named = _name_before_colon(doc, ss, colon)
    if named is not None:
        return _Cue(colon, colon + 1, ":", si, mention=named, reportable=False)  # "- Carl Bialik: “"
    comma = m.rfind(",", ss, colon)
    if comma < 0 or any(c.sent == si and c.end > comma for c in cues):
        return None
    mention = _subject_of_clause(doc, comma + 1, _clause_verb_start(doc, comma + 1, colon))
    if mention is None or mention.kind not in ("name", "pronoun", "role", "anonymous"):
        return None
    return _Cue(colon, colon + 1, ":", si, mention=mention, reportable=False)


def _clause_verb_start(doc: _Doc, cs: int, end: int) -> int:
    """Where the first verb-like word of a clause starts (the end if none)."""
    toks = _tokens_in(doc, cs, end)
    for t in toks[1:]:
        w = t[2]
        if w[:1].islower() and w.isalpha() and w not in FUNCTION_WORDS and w not in _STOP_HEAD:
            return _strip_skippable(doc, cs, t[0])
    return end


def _adhoc_after(doc: _Doc, seg: _Seg) -> _Cue | None:
    if seg.close_pos is None:
        return None
    pe = doc.paras[seg.para][1]
    hit = _ADHOC_AFTER_RE.match(doc.masked, seg.close_pos + 1, pe)
    if hit is None and doc.text[seg.close_pos - 1] in ",?!":
        hit = _ADHOC_AFTER_COMMA_RE.match(doc.masked, seg.close_pos + 1, pe)
        if hit is not None and hit.group(2) in FUNCTION_WORDS | _STOP_HEAD:
            hit = None
    if not hit:
        return _adhoc_inverted(doc, seg, pe) or _dash_line(doc, seg)
    mention = _classify_np(doc, hit.start(1), hit.end(1))
    if mention is None or mention.kind not in ("name", "pronoun", "role", "anonymous"):
        return None
    if mention.kind == "name" and "-" in mention.text and mention.text.rsplit("-", 1)[1][:1].islower():
        return None  # "a group in “We are Orlando” T-shirts marched": a thing, not a speaker
    cue = _Cue(hit.start(2), hit.end(2), hit.group(2), _sent_of(doc, hit.start(2)), mention=mention, reportable=False)
    return cue


def _adhoc_inverted(doc: _Doc, seg: _Seg, pe: int) -> _Cue | None:
    """“...” remembered Roy Verley, HP's former spokesman."""
    if seg.close_pos is None:
        return None
    hit = _ADHOC_INVERTED_RE.match(doc.masked, seg.close_pos + 1, pe)
    if not hit:
        return None
    mention = _classify_np(doc, hit.start(2), hit.end(2))
    if mention is None or mention.kind != "name":
        return None
    return _Cue(
        hit.start(1),
        hit.end(1),
        hit.group(1),
        _sent_of(doc, hit.start(1)),
        mention=mention,
        inverted=True,
        reportable=False,
    )


def _dash_line(doc: _Doc, seg: _Seg) -> _Cue | None:
    """A quote paragraph followed by a line "- Bernie Sanders." names its speaker."""
    if seg.para + 1 >= len(doc.paras) or doc.text[seg.end : doc.paras[seg.para][1]].strip(' ”".,'):
        return None
    ns, ne = doc.paras[seg.para + 1]
    hit = _DASH_LINE_RE.fullmatch(doc.masked, ns, ne)
    if not hit:
        return None
    mention = _classify_np(doc, hit.start(1), hit.end(1))
    if mention is None or mention.kind != "name":
        return None
    # the cue lives in the quote's sentence so that attribution finds it
    return _Cue(ns, ns + 1, "—", _sent_of(doc, seg.end), mention=mention, reportable=False)


def _adhoc_before(doc: _Doc, seg: _Seg, with_cue: set[int]) -> _Cue | None:
    ps = _near_start(doc, seg)
    m = doc.masked
    if doc.text[ps : seg.open_pos].strip():
        end = seg.open_pos
    elif seg.para > 0:
        # a colon at the end of the previous paragraph introduces this one
        pps, ppe = doc.paras[seg.para - 1]
        if not m[pps:ppe].rstrip().endswith(":"):
            return None
        end = ppe
    else:
        return None
    start = max(doc.paras[_para_of(doc, end - 1)][0], end - _WINDOW)
    before = m[start:end]
    if not before.rstrip().endswith((":", ",")):
        return None
    colon = len(before.rstrip()) - 1 + start
    si = _sent_of(doc, colon)
    if si in with_cue:
        return None
    ss = doc.sents[si][0] if doc.sents else 0
    mention = _name_before_colon(doc, ss, colon) or _clause_subject(doc, ss, colon)
    if mention is None:
        return None
    return _Cue(colon, colon + 1, ":", si, mention=mention, reportable=False)


def _name_before_colon(doc: _Doc, ss: int, colon: int) -> _Mention | None:
    """ "... - Philip Bump: “...”": a full name right before the colon speaks."""
    toks = _tokens_in(doc, ss, colon)
    run: list[tuple[int, int, str]] = []
    for t in reversed(toks[-5:]):
        if not _cap(t[2]) or (run and not _joined(doc.masked, t, run[0])):
            break
        run.insert(0, t)
    if len(run) < 2 or doc.masked[run[-1][1] : colon].strip():
        return None
    before = doc.masked[max(ss, run[0][0] - 3) : run[0][0]].strip()
    if run[0][0] > ss and before[-1:].isalnum():
        return None  # "told Fox News:": the name after a verb is the listener
    got = _classify_np(doc, run[0][0], run[-1][1])
    return got if got is not None and got.kind == "name" and len(got.text.split()) >= 2 else None


def _clause_subject(doc: _Doc, ss: int, end: int, participle: bool = False) -> _Mention | None:
    """The subject of a clause: the words before its first verb.

    A colon introduction wants the main clause (the first one not opened by "when",
    "in", ...). A participle ("..., shouting") may hang on a subordinate clause
    ("when Sanders protesters interrupted, shouting"), so those count too. A person
    beats a plain noun phrase.
    """
    m = doc.masked
    toks = _tokens_in(doc, ss, end)
    if 0 < len(toks) <= 5 and all(_cap(t[2]) or t[2].lower() in {"and", "of", "the"} for t in toks):
        return _classify_np(doc, toks[0][0], toks[-1][1])  # "Clinton: “...”"
    starts = ([ss] + [i + 1 for i in range(ss, end) if m[i] == ","])[:6]
    fallback: _Mention | None = None
    for cs in starts:
        toks = _tokens_in(doc, cs, end)
        if toks and participle and toks[0][2].lower() in _SUBORDINATORS:
            cs = toks[1][0] if len(toks) > 1 else end
            toks = toks[1:]
        if not toks or toks[0][2].lower() in _SUBORDINATORS | _PREPOSITIONS:
            continue
        for v in range(1, min(len(toks), 16)):
            w = toks[v][2]
            if toks[v - 1][2].endswith(("'s", "’s", "s'", "s’")):
                continue  # "Ryan's campaign shrugged": the possessed noun is no verb
            if w[:1].islower() and w.isalpha() and w not in _NOT_VERBS:
                nxt = toks[v + 1][2] if v + 1 < len(toks) else ""
                if w.endswith(_ADJECTIVE_ENDINGS) and (_cap(nxt) or nxt in _ROLE_NOUNS):
                    continue  # "Former Republican presidential candidate Jeb Bush": a modifier
                got = _subject_of_clause(doc, cs, _strip_skippable(doc, cs, toks[v][0]))
                if got is not None and got.kind in ("name", "pronoun", "anonymous", "role"):
                    return got
                if got is not None and got.kind == "np" and fallback is None:
                    fallback = got
                break
    return fallback


def _quote_just_before(tail: str) -> bool:
    t = tail.rstrip(",:;—– ")
    return t.endswith((MASK, "”", '"', "»", "’"))


def _strip_skippable(doc: _Doc, ss: int, pos: int) -> int:
    """Move left over auxiliaries and adverbs ("has also", "later") before a verb."""
    toks, lows = doc.tokens, doc.lows
    first = bisect.bisect_left(doc.token_starts, ss)
    k = bisect.bisect_left(doc.token_starts, pos, first) - 1
    if k >= first and toks[k][1] > pos:
        k -= 1  # tokens do not overlap: only the last one can run past `pos`
    end = pos
    while k >= first:
        s, e, w = toks[k]
        low = lows[k]
        if e != end and doc.masked[e:end].strip():
            break
        if (
            low in _SKIPPABLE
            or (low.endswith("ly") and low[0] == w[0] and len(low) > 4)
            or low.endswith(("n't", "n’t"))
        ):
            end = s  # "has also", "repeatedly", "hadn't": not part of the subject
            k -= 1
            continue
        if low in _TIME_UNITS and k > first and lows[k - 1] in {"last", "this", "next"} and not doc.gaps[k].strip():
            end = toks[k - 1][0]  # "Brad Sherman last month joked": a time, not part of the subject
            k -= 2
            continue
        if low in _WEEKDAYS and k > first:
            end = toks[k - 1][0] if toks[k - 1][2] == "on" and not doc.gaps[k].strip() else s
            k -= 2 if end != s else 1
            continue
        break
    return end


_TIME_UNITS = frozenset("week month year night weekend spring summer fall autumn winter morning evening".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split())


_HARD_PUNCT = frozenset(',;:!?()\x01“”"—–[]')
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
# what a source issues rather than who it is: "according to a report by X" is X
_DOCUMENT_NOUNS = frozenset(
    """report reports statement statements document documents data figures estimate estimates
    record records filing filings study studies survey surveys poll polls analysis account
    accounts memo letter transcript transcripts release""".split()
)


# what a person says or writes, owned by its speaker: "his statement", "her reply"
_UTTERANCE_NOUNS = frozenset(
    """statement statements assumption argument arguments claim claims remark remarks comment
    comments words message reply response answer tweet tweets letter memo email speech
    testimony pledge promise warning memoir op-ed column post""".split()
)


def _according_to_source(doc: _Doc, pos: int, se: int) -> _Mention | None:
    """The source after "according to": whoever "their" means in "according to their
    statements", the issuer in "according to reports from Russian media" or "a statement
    by the ministry", else the noun phrase itself."""
    toks = _tokens_in(doc, pos, se, 5)
    lows = [t[2].lower() for t in toks]
    if len(toks) >= 2 and lows[0] in _POSSESSIVE_PRONOUNS and lows[1] in _DOCUMENT_NOUNS | ANONYMOUS_NOUNS:
        if lows[1] in ANONYMOUS_NOUNS:
            return _np_after(doc, pos, se)  # "according to his sources": anonymous sources
        t = toks[0]
        return _Mention("pronoun", _POSSESSIVE_PRONOUNS[lows[0]], t[0], t[1])
    k = 1 if lows and lows[0] in ("a", "an", "the", "new", "recent", "preliminary", "official") else 0
    if k + 1 < len(toks) and lows[k] in _DOCUMENT_NOUNS and lows[k + 1] in ("from", "by", "of"):
        got = _np_after(doc, toks[k + 1][1], se)
        if got is not None:
            return got
    return _np_after(doc, pos, se)


_NOT_SOURCE_START = frozenset(
    """on in at that this last earlier later to of about it so there him her them during
    after before when while for with by from as if because""".split()
)


def _np_after(doc: _Doc, pos: int, se: int, strict: bool = False) -> _Mention | None:
    """The noun phrase right after an inverted verb or "according to".

    It runs over tokens up to hard punctuation; a full stop ends it unless it closes
    an abbreviation or initial ("said Sen. Tammy Baldwin").
    """
    m = doc.masked
    toks = _tokens_in(doc, pos, se, 14)
    if not toks:
        return None
    last = pos
    taken: list[tuple[int, int, str]] = []
    for t in toks:
        gap = m[last : t[0]]
        if any(c in _HARD_PUNCT for c in gap) or ("." in gap and not (taken and _is_abbrev_token(taken[-1][2]))):
            break
        taken.append(t)
        last = t[1]
    if not taken:
        return None
    first = taken[0][2].lower()
    if first in _NOT_SOURCE_START:
        return None
    if strict and first in {"he", "she", "they", "we", "i"} and len(taken) > 1:
        return None  # "said he would call": a clause, not an inverted source
    follows = m[taken[-1][1] : taken[-1][1] + 2].lstrip()[:1]
    if strict and (first in _TIME_WORDS or follows not in _AFTER_SOURCE):
        return None  # "said Tuesday that ...": a time, or a clause follows
    if strict:
        rel = next(
            (i for i, t in enumerate(taken) if t[2].lower() in {"who", "which", "that", "whose", "whom"}), len(taken)
        )
        if any(t[2].lower() in _MODALS for t in taken[:rel]):
            return None
    return _classify_np(doc, taken[0][0], taken[-1][1], allow_pronoun=first in {"he", "she", "they"})


_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december today yesterday
    tomorrow tonight earlier later last this next recently""".split()
)
_INVERTIBLE = frozenset(
    {
        "said",
        "says",
        "added",
        "adds",
        "wrote",
        "writes",
        "explained",
        "continued",
        "noted",
        "asked",
        "recalled",
        "argued",
        "insisted",
        "warned",
        "remarked",
        "observed",
    }
)
_AFTER_SOURCE = frozenset(["", ",", ".", "!", "?", ";", "\n", "(", ")", "—", "–", ":", "“", '"', MASK])
_MODALS = frozenset("would will could can should might may must is was are were has had have did does".split())  # noqa: E501
_AUX_WORDS = _MODALS | _PASSIVE_AUX  # no noun phrase has these after its first word


def _is_abbrev_token(w: str) -> bool:
    low = w.lower()
    return (len(w) == 1 and w.isupper()) or low in ABBREVIATIONS or "." in w


def _subject_of_clause(doc: _Doc, ss: int, end: int, participle: bool = False) -> _Mention | None:
    """The subject right before a verb, looking through appositions and asides."""
    m = doc.masked
    region = m[ss:end]
    if "(" in region:  # drop parentheticals such as "(R-S.C.)"
        region = _PARENS_RE.sub(lambda x: " " * len(x.group()), region)
    r = region.rstrip()
    if not r:
        return None
    if participle:
        # "..., saying": the subject of the main clause, from the sentence start
        cut = _first_clause_subject(doc, ss, ss + len(r))
        return cut
    if r.endswith((",", "—", "–")):
        if "\x01" in region:
            # "Hemsley, the co-author of “Going Viral,” about ..., said": a title inside the
            # apposition is a name of a work, not a clause boundary
            region = _TITLE_SPAN_RE.sub(
                lambda t: (
                    " " * len(t.group())
                    if _title_case(doc.text[ss + t.start() + 1 : ss + t.end() - 1])
                    and len(doc.text[ss + t.start() + 1 : ss + t.end() - 1].split()) <= 8
                    else t.group()
                ),
                region,
            )
        return _appositive(doc, ss, region, len(r) - 1)
    last_word = r.rsplit(None, 1)[-1].lower()
    if last_word in _RELATIVES and " " in r:
        # "Braynard, a South Carolina native who writes": the antecedent speaks
        cut = r.rstrip()[: -len(last_word)].rstrip()
        got = _appositive(doc, ss, cut + ",", len(cut))
        if got is not None and got.kind == "name":
            return got  # "Scott Reed, the Chamber's strategist, who": the named subject
        if last_word not in ("who", "whom"):
            return got  # "the caption which read": a thing, so the clause's subject speaks
        rel = _relative_antecedent(doc, ss, cut.rstrip(" ,"))
        if rel is not None and (rel.kind == "name" or cut.rstrip().endswith(",")):
            return rel  # "from Mike Lee, who declared": not "slamming candidates who think 'X'"
        return got
    low = r[-4:].lower()  # (only the end is read)
    for conj in (" and", " but", " or"):
        if low.endswith(conj):
            return _Mention("ellipsis", "", ss + len(r), ss + len(r))
    # the clause boundary: last comma, semicolon, colon, dash, quote or "that"
    b = _last_boundary(region, len(r))
    return _classify_np(doc, ss + b, ss + len(r))


# clause boundaries (",", ";", a quote, "that", "while", ...), spelt backwards: the last
# boundary before a verb is the first match in the reversed text, found without a full scan
_BOUNDARY_REV_RE = re.compile(r"[,;:\x01”\"—–(]|\b(?:taht|elihw|sa|nehw|fi)\b")


def _last_boundary(region: str, limit: int) -> int:
    """Where the clause holding region[limit] starts (a subject sits near its verb).

    The end of the last boundary in region[limit - _WINDOW : limit]; one character
    more is read so that a word cut by the window is not taken for a whole word.
    """
    last = max(0, limit - _WINDOW)
    lo = last - 1 if last > 0 else 0
    rev = region[lo:limit][::-1]
    b = _BOUNDARY_REV_RE.search(rev)
    if b is None or limit - b.end() < last:
        return last  # none, or only one that starts before the window
    return limit - b.start()


_NOT_HEAD_NOUNS = (
    frozenset(
        """himself herself themselves itself too alone again later then jr sr today yesterday
    tonight""".split()
    )
    | _SKIPPABLE
)
_NOT_VERBS = FUNCTION_WORDS | _ROLE_NOUNS | ANONYMOUS_NOUNS | _STOP_HEAD
_PARENS_RE = re.compile(r"\([^()]*\)")
_TITLE_SPAN_RE = re.compile('[“"]\x01+[”"]')
_HARD_BOUNDARY_RE = re.compile(r"[;:\x01”\"(]|\bthat\b|\bwhile\b|\bwhen\b|\bif\b")
_SEG_SPLIT_RE = re.compile(r"[,—–]")
_AFFILIATION_RE = re.compile(r"^[RDI]-[A-Z][\w.]*\.?$")
_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "an", "ary", "ent", "ant")
_RELATIVES = frozenset({"who", "which", "whose", "whom", "where"})


def _appositive(doc: _Doc, ss: int, region: str, comma: int) -> _Mention | None:
    """'X, a ..., said', 'Trump's director, Steven Cheung, told', 'X, meanwhile, who ..., said'.

    The subject is split at commas and dashes into segments; asides ("meanwhile"),
    relative clauses ("who sits ...") and descriptions ("a US-based expert") are
    skipped, and the last segment that is a name wins; failing that the first noun
    phrase that is something.
    """
    inner = region[:comma]
    start = 0
    for b in _HARD_BOUNDARY_RE.finditer(inner):
        start = b.end()
    cuts = [start] + [c.end() for c in _SEG_SPLIT_RE.finditer(inner, start)] + [comma + 1]
    first: _Mention | None = None
    named: _Mention | None = None
    for a, b in zip(cuts, cuts[1:]):
        text = inner[a : b - 1].strip()
        if not text:
            continue
        head = text.split(None, 1)[0].lower()
        if head in _RELATIVES or (
            " " not in text and (head in _SKIPPABLE or head in FUNCTION_WORDS or head.endswith("ly"))
        ):
            continue
        if _AFFILIATION_RE.match(text) or text.lower() in NON_PERSON_WORDS:
            continue  # "Sen. Susan Collins, R-Maine," / "John Smith, Ohio,"
        got = _classify_np(doc, ss + a, ss + b - 1)
        if got is None:
            continue
        if got.kind == "name" and text[:1].isupper():
            named = got  # the last named segment: "Trump's director, Steven Cheung,"
        elif first is None:
            first = got
    return named or first


def _relative_antecedent(doc: _Doc, ss: int, cut: str) -> _Mention | None:
    """The noun phrase right before "who": "a lecture from the Mexican president, who",
    "an endorsement from Mike Lee, who", "rebuked critics who" -- not the whole clause.
    """
    end = ss + len(cut)
    toks = _tokens_in(doc, ss + _last_boundary(cut, len(cut)), end)
    if not toks or toks[-1][1] != end:
        return None
    k = len(toks) - 1
    while k > 0 and _cap(toks[k - 1][2]) and not doc.masked[toks[k - 1][1] : toks[k][0]].strip():
        k -= 1  # back over a capitalised run: "Attorney General Loretta E. Lynch"
    i = k
    while i > 0 and toks[i - 1][2].lower() not in _PREPOSITIONS and toks[i - 1][2].lower() not in _ALL_CUE_FORMS:
        low = toks[i - 1][2].lower()
        if low in _DETERMINERS:
            i -= 1
            break
        if not (
            toks[i - 1][2][:1].islower() and low not in FUNCTION_WORDS and not low.endswith(("ed", "ly"))
        ) and not _cap(toks[i - 1][2]):
            break
        i -= 1
    if i == 0 and len(toks) > 1:
        return None  # the whole clause: no shorter noun phrase to find
    if i > 0 and toks[i - 1][2].lower() in _PREPOSITIONS and toks[i - 1][2].lower() not in ("from", "by", "with"):
        return None  # "a senior analyst at Jefferies, who": "who" is the analyst, not the bank
    got = _classify_np(doc, toks[i][0], end)
    return got if got is not None and got.kind != "clause" else None


def _clause_before_comma(doc: _Doc, ss: int, end: int) -> _Mention | None:
    """ "When X asked ..., Clinton seized on it, repeating ...": the clause right before
    the participle's comma, when it opens with a name and a verb, is the one it hangs on."""
    m = doc.masked
    comma = m.rfind(",", ss, end)
    if comma < 0 or m[comma + 1 : end].strip():
        return None
    cs = ss + _last_boundary(m[ss:comma], comma - ss)
    toks = _tokens_in(doc, cs, comma)
    k = 0
    while k < len(toks) and _cap(toks[k][2]):
        k += 1
    if k == 0 or k >= len(toks) or toks[0][2].lower() in FUNCTION_WORDS or toks[0][2].lower() in _SUBORDINATORS:
        return None
    verb = toks[k][2]
    if not verb.isalpha() or verb in _NOT_VERBS or not verb.endswith(("ed", "s")):
        return None
    got = _classify_np(doc, toks[0][0], toks[k - 1][1])
    return got if got is not None and got.kind == "name" else None


def _first_clause_subject(doc: _Doc, ss: int, end: int) -> _Mention | None:
    """For '..., saying': the nearest named subject before the participle."""
    near = _clause_before_comma(doc, ss, end)
    if near is not None and near.kind != "clause":
        return near
    toks = _tokens_in(doc, ss, end)
    for k in range(len(toks) - 1, -1, -1):
        w = toks[k][2]
        if not w[:1].islower() or w not in _ALL_CUE_FORMS:
            continue  # "the Islamic State" is no verb
        prev = toks[k - 1][2].lower() if k else ""
        if (
            prev in _DETERMINERS
            or prev in _PREPOSITIONS
            or prev.endswith(("'s", "’s"))
            or (w in _BASE_FORMS and prev not in _BASE_SUBJECTS)
        ):
            continue
        sub = _subject_of_clause(doc, ss, _strip_skippable(doc, ss, toks[k][0]))
        if sub is not None and sub.kind != "clause":
            return sub  # not "advising graduates": a verb phrase, whose subject is further back
    return _clause_subject(doc, ss, end, participle=True)


_ING_NOUNS = frozenset(
    """thing something nothing anything everything morning evening building meeting king ring
    spring string wing sibling darling ceiling during including according offering wedding
    funding hearing briefing ruling finding spending training""".split()
)


def _participle_after_noun(words: list[str], lows: list[str]) -> int:
    """Where a participle phrase starts after a plural noun opening a noun phrase
    ("Reporters covering the trial", "protesters carrying signs"), else 0."""
    if len(lows) < 3:
        return 0
    k = 2 if lows[0] in ("the", "some", "many") else 1
    noun = lows[k - 1]
    if k + 1 >= len(lows) or noun in FUNCTION_WORDS or not noun.endswith("s") or noun.endswith(("'s", "’s", "ss")):
        return 0
    if k == 2 and words[1][:1].isupper():
        return 0  # "the Clintons campaigning ...": a name, classified as one
    w = words[k]
    return k if w.islower() and w.endswith("ing") and w not in _ING_NOUNS else 0


def _classify_np(doc: _Doc, s: int, e: int, allow_pronoun: bool = True) -> _Mention | None:
    """Decide what a noun phrase is: a name, a pronoun, a role, anonymous sources or other."""
    starts = doc.token_starts
    i = bisect.bisect_left(starts, s)
    j = bisect.bisect_left(starts, e, i)
    if j > i and doc.tokens[j - 1][1] > e:
        j -= 1  # tokens do not overlap: only the last one can run past `e`
    if doc.masked.find("(", s, e) >= 0:
        toks = _outside_parens(doc.masked, s, doc.tokens[i:j])
        if not toks or len(toks) > 14:
            return None
        words = [t[2] for t in toks]
        lows = [w.lower() for w in words]
    else:
        if j == i or j - i > 14:
            return None
        toks = doc.tokens[i:j]
        words = doc.words[i:j]
        lows = doc.lows[i:j]
    if len(toks) == 1 and _CONTRACTED_PRONOUN_RE.match(lows[0]):
        if not allow_pronoun:
            return None
        base = re.split("['’]", words[0], maxsplit=1)[0]  # "They’re less hostile": "They", not a name
        return _Mention("pronoun", base, toks[0][0], toks[0][0] + len(base))
    if lows[-1] in {"he", "she", "they", "it"} and (
        len(toks) <= 3 or not doc.masked[toks[-2][1] : toks[-1][0]].strip(" ,")
    ):
        t = toks[-1]
        return _Mention("pronoun", t[2], t[0], t[1])  # a pronoun right before the verb is its subject
    if lows[0] in _PREPOSITIONS:
        return None  # "for example", "in a statement"
    if len(toks) > 1 and (lows[0] in _MODALS or lows[0].endswith("ing") and not _cap(words[0])):
        # "echoing some commentators", "are hearing a candidate": a verb phrase whose
        # subject came earlier in the sentence
        return _Mention("clause", "", toks[0][0], toks[0][0])
    if len(toks) > 1 and lows[0] in _CLAUSE_STARTERS:
        if allow_pronoun and lows[1] in ("his", "her", "their"):
            # "Given his past comments on ...": the comments are his
            t = toks[1]
            return _Mention("pronoun", _POSSESSIVE_PRONOUNS[lows[1]], t[0], t[1])
        # "just a quarter": no source here, but the cue still marks speech
        return _Mention("clause", "", toks[0][0], toks[0][0])
    cut = _participle_after_noun(words, lows)
    if cut:
        # "Reporters covering Michael Jackson's trial have asked": the reporters ask
        return _classify_np(doc, toks[0][0], toks[cut - 1][1], allow_pronoun)
    # the head: up to the first preposition or relative word
    head_n = len(toks)
    for k in range(1, len(toks)):
        if lows[k] in _STOP_HEAD:
            if lows[k] == "of" and lows[k - 1] in _ORG_HEADS and k + 1 < len(toks) and _cap(words[k + 1]):
                continue  # "the Department of Justice": one name
            head_n = k
            break
    head = toks[:head_n]
    head_noun = lows[head_n - 1]
    if (
        head_n >= 2
        and lows[0] in _POSSESSIVE_PRONOUNS
        and lows[0] != "its"
        and head_noun in _UTTERANCE_NOUNS
        and allow_pronoun
    ):
        # "His assumption, stated on live TV, was that ...": whoever "his" means speaks
        t = toks[0]
        return _Mention("pronoun", _POSSESSIVE_PRONOUNS[lows[0]], t[0], t[1])
    if head_noun in ANONYMOUS_NOUNS:
        return _Mention("anonymous", doc.text[toks[0][0] : toks[-1][1]], toks[0][0], toks[-1][1])
    if head_n > 1 and not _cap(words[head_n - 1]) and head_noun not in FUNCTION_WORDS and head_noun in _ROLE_NOUNS:
        first = 0
        while first < head_n - 1 and lows[first] in FUNCTION_WORDS and lows[first] not in {"the", "a", "an"}:
            first += 1
        for i in range(head_n - 2, first - 1, -1):
            w = lows[i]
            if w in _MODALS or w in _PASSIVE_AUX or w.endswith("ing") and not _cap(words[i]):
                first = i + 1  # "they are hearing a candidate": the role is "a candidate"
                break
        return _Mention("role", doc.text[head[first][0] : head[-1][1]], head[first][0], head[-1][1])
    owner = _possessive_owner(head)
    if owner is not None:
        # "Kelly Ayotte's campaign": the organisation speaks, named as written
        ts, te = head[owner][0], head[-1][1]
        kind = "role" if lows[head_n - 1] in _ROLE_NOUNS else "np"
        return _Mention(kind, doc.text[ts:te], ts, te)
    if (
        head_n >= 2
        and words[head_n - 1][:1].islower()
        and head_noun not in FUNCTION_WORDS
        and head_noun not in _NOT_HEAD_NOUNS
        and head_noun not in _MODALS
        and _AUX_WORDS.isdisjoint(lows[1:head_n])  # not "President Obama has been"
        and any(_cap(w) and w.lower() not in FUNCTION_WORDS for w in words[:head_n])
    ):
        # "Scottish ministers", "the Clinton campaign": the names only modify the noun
        first = 0
        while first < head_n - 1 and lows[first] in FUNCTION_WORDS:
            first += 1
        ts, te = head[first][0], head[-1][1]
        return _Mention("np", doc.text[ts:te], ts, te)
    run = _last_name_run(head, lows, doc.masked)
    if head_n < len(toks):
        tail_run = _last_name_run(toks, lows, doc.masked)
        head_is_title = run is not None and any(w.lower() in _ROLE_NOUNS for w in run[2].split())
        if (
            tail_run is not None
            and tail_run[1] == toks[-1][1]
            and (tail_run[2].split()[0].lower() in _FIRST_NAMES or (head_is_title and len(tail_run[2].split()) >= 2))
        ):
            # "Sirius XM Vice President for news Dave Gorab", "Ukrainian Ambassador to
            # the EU Vsevolod Chentsov": a title, then the person who holds it
            run = tail_run
    if run is None and head_n < len(toks) and ANONYMOUS_NOUNS.isdisjoint(lows[:head_n]):
        run = _last_name_run(toks, lows, doc.masked)
    if run is not None:
        rs, re_, text = run
        return _Mention("name", text, rs, re_)
    heads_lower = [w for w in lows[:head_n] if w not in FUNCTION_WORDS]
    anon_pos = not ANONYMOUS_NOUNS.isdisjoint(lows)
    if anon_pos and not any(w.endswith(("'s", "’s")) for w in lows[:head_n]):
        return _Mention("anonymous", doc.text[toks[0][0] : toks[-1][1]], toks[0][0], toks[-1][1])
    if any(w in _ROLE_NOUNS for w in heads_lower):
        return _Mention("role", doc.text[head[0][0] : head[-1][1]], head[0][0], head[-1][1])
    # any other noun phrase ("the campaign", "the statement"): keep as written
    if any(
        w in _MODALS or (w.endswith(("ed", "ing")) and lows[i] not in FUNCTION_WORDS)
        for i, w in enumerate(lows[1:head_n])
    ):
        return None  # "McCarthy's move is notable": a clause, not a source ("the retired ..." is fine)
    if heads_lower and len(head) <= 4 and not all(w in FUNCTION_WORDS for w in lows[:head_n]):
        first = 0
        while first < head_n - 1 and lows[first] in FUNCTION_WORDS:
            first += 1
        ts, te = head[first][0], head[-1][1]
        if lows[-1] in _SKIPPABLE or lows[head_n - 1] in FUNCTION_WORDS:
            return None
        content = lows[first:head_n]
        if not any(w[:1].isalpha() and len(w) > 2 for w in content) or (
            len(content) == 1 and (content[0].endswith(("ly", "n't", "n’t")) or content[0] in {"even", "just", "only"})
        ):
            return None  # "185,000", "Immediately", "wasn't": no source
        return _Mention("np", doc.text[ts:te], ts, te)
    return None


def _outside_parens(m: str, s: int, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop tokens inside brackets: "Rep. Zoe Lofgren (D-Calif.)" is Zoe Lofgren."""
    out: list[tuple[int, int, str]] = []
    depth, pos = 0, s
    for t in toks:
        for c in m[pos : t[0]]:
            depth += c == "("
            depth -= c == ")" and depth > 0
        pos = t[0]
        if depth == 0:
            out.append(t)
    return out


def _possessive_owner(head: list[tuple[int, int, str]]) -> int | None:
    """Index where "Name's noun" starts when the head ends in a common noun."""
    if len(head) < 2 or _cap(head[-1][2]) or head[-1][2].lower() in FUNCTION_WORDS:
        return None
    for k in range(len(head) - 2, -1, -1):
        w = head[k][2]
        if _cap(w) and w.endswith(("'s", "’s", "s'", "s’")):
            j = k
            while j > 0 and _cap(head[j - 1][2]) and head[j - 1][2].lower() not in FUNCTION_WORDS:
                j -= 1
            return j
        if _cap(w):
            return None
    return None


def _has_word(text: str, word: str) -> bool:
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


# possessive quantifiers, as for _TOKEN_RE: a word never gives characters back
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*+(?:\.[^\W_][\w'’\-]*+)*+"
# a capital first, then "not after a word character" (a lookbehind over it): starting with a
# character class lets the regex engine skip ahead fast
# a middle initial's dot stays inside the run: "Michael W. Mosman", "George W. Bush"
_CAP_RUN_RE = re.compile(
    rf"[A-ZÀ-ÖØ-Þ](?<![\w.'’\-].)[\w'’\-]*+(?:\.[^\W_][\w'’\-]*+)*+(?:(?<=[ \t\u00a0][A-Z])\.(?=[ \t\u00a0](?!(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That)\b)[A-Z][a-z]))?"
    rf"(?:[ \t\u00a0]++{_CAP_WORD}(?:(?<=[ \t\u00a0][A-Z])\.(?=[ \t\u00a0](?!(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That)\b)[A-Z][a-z]))?)*+"
)
_AFTER_CONTRACTION = frozenset("been not going also already never still got had done said".split())
_CLAUSE_OPENERS = frozenset(
    """but while when because as so although though after before since then also where
    until once yet""".split()
)
_SUBJECT_AFTER = _CLAUSE_OPENERS | _ROLE_NOUNS | TITLES | ANONYMOUS_NOUNS  # words a subject may follow
_PARTICLES = frozenset({"de", "van", "von", "bin", "al", "da", "del", "di", "la", "le", "du"})


def _joined(m: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Are two tokens one name: only spaces between them, or the dot of "Sen." / "J."?"""
    gap = m[a[1] : b[0]]
    if not gap.strip():
        return True
    return gap.lstrip(".").strip() == "" and gap.startswith(".") and _is_abbrev_token(a[2])


def _last_name_run(toks: list[tuple[int, int, str]], lows: list[str], m: str) -> tuple[int, int, str] | None:
    """The last run of capitalised words that is not possessive, titles stripped.

    `lows` holds the tokens' words lower-cased (a word never ends in a full stop).
    """
    best: tuple[int, int, str] | None = None
    best_j = -1  # the last token of `best`, if `best` looks like a person's name
    org_j = -1  # the last token of `best`, if it heads an organisation's name "of" may continue
    k = 0
    n = len(toks)
    while k < n:
        w = toks[k][2]
        if not w[0].isupper():
            k += 1
            continue
        j = k
        while (
            j + 1 < n
            and (toks[j + 1][2][0].isupper() or lows[j + 1] in _PARTICLES)
            and _joined(m, toks[j], toks[j + 1])
        ):
            j += 1
        a = k0 = k  # the run is toks[k : j + 1]
        k = j + 1
        if best_j >= 0 and k0 == best_j + 2 and lows[k0 - 1] == "of":
            best_j = -1
            continue  # "Sen. Dianne Feinstein of California": the person, not where she is from
        if (
            org_j >= 0
            and k0 == org_j + 2
            and lows[k0 - 1] == "of"
            and best is not None
            and _joined(m, toks[k0 - 1], toks[k0])
        ):
            # "the Confederation of British Industry": one organisation, not "Confederation"
            best = (best[0], toks[j][1], f"{best[2]} of {' '.join(map(_THIRD, toks[k0 : j + 1]))}")
            org_j = -1
            continue
        org_j = -1
        last = toks[j][2]
        if k < n and last.endswith(("'s", "’s", "s’", "s'")):
            continue  # "Trump's communications director"
        # drop leading function words and titles
        while a <= j and (lows[a] in FUNCTION_WORDS or lows[a] in TITLES):
            a += 1
        b = j
        while b - a > 1 and lows[b] in TITLES:
            b -= 1  # "... Smith Jr" keeps two words; "Scottish Executive" stays whole
        if a > b or TITLES.issuperset(lows[a : b + 1]):
            continue
        for i in range(b - 1, a - 1, -1):
            if lows[i] in TITLES and i > a:
                a = i + 1  # "Florida Sen. Marco Rubio", "Hewlett-Packard CEO Carly Fiorina"
                break
            if b - i >= 2 and lows[i].endswith(("'s", "’s", "s'", "s’")):
                a = i + 1  # "North Carolina’s Ada Fisher", "Fox News’ Bret Baier"
                break
        core = toks[a : b + 1]
        # acronyms glued before a name ("EU Vsevolod Chentsov") are organisations
        while len(core) > 1 and core[0][2].isupper() and len(core[0][2]) > 1:
            core = core[1:]
        s, e = core[0][0], core[-1][1]
        text = " ".join(map(_THIRD, core))
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        best = (s, e, text)
        # a first name and a surname, or a titled name, can be followed by "of" and a place
        named = len(core) > 1 and core[0][2].lower() in _FIRST_NAMES or a > k0 and lows[a - 1] in TITLES
        best_j = j if named and b == j else -1
        org_j = (
            j
            if b == j
            and lows[j] in _ORG_HEADS
            and j + 2 < n
            and lows[j + 1] == "of"
            and _joined(m, toks[j], toks[j + 1])
            else -1
        )
    return best


def _names_an_organisation(words: Sequence[str]) -> bool:
    """ "British Medical Association", "Scottish National Party": the nationality is part
    of an organisation's name, which ends in such a word."""
    last = words[-1].lower()
    return last in _ORG_HEADS or last in NON_PERSON_WORDS or last.endswith("s")


# the last word of an organisation's name that "of" continues ("Confederation of British Industry")
_ORG_HEADS = frozenset(
    """confederation federation association department ministry bank university institute
    council office society union chamber board league committee commission agency bureau
    academy foundation coalition alliance organisation organization museum centre center
    court""".split()
)


def _after_modifiers(doc: _Doc, k: int) -> bool:
    """Does token k follow only a short description from its sentence start?

    "Tennis great Billie Jean King remembered ...", "Former secretary of state Hillary
    Clinton said ...": the words before the name describe it; none is a verb.
    """
    if not doc.sents or not _modifier_word(doc.lows[k - 1]):
        return False  # the common case, decided before any search: "with Trump", "said Trump"
    ss = doc.sents[_sent_of(doc, doc.tokens[k][0])][0]
    comma = doc.masked.rfind(", ", ss, doc.tokens[k][0])
    if comma >= 0:
        ss = comma + 2  # "Just a few months ago, Florida developer Mel Sembler expressed ..."
    if k >= 6 and doc.token_starts[k - 6] >= ss:
        return False  # six words or more since the clause start: no short description
    i = k - 1
    while i >= 0 and doc.tokens[i][0] >= ss:
        i -= 1
    if doc.lows[i + 1] in _LEADING_CONJUNCTIONS and i + 2 < k:
        i += 1  # "And Clinton campaign Chairman John Podesta ...": the conjunction opens the clause
    before = doc.lows[i + 1 : k]
    if not 1 < len(before) <= 4 or not _cap(doc.tokens[i + 1][2]):
        return False
    if doc.masked[doc.tokens[i + 1][0] : doc.tokens[k][0]].strip(" \u00a0").translate(_NO_WORD_CHARS).strip():
        return False  # punctuation between: not one noun phrase
    return all(map(_modifier_word, before))


_LEADING_CONJUNCTIONS = frozenset({"and", "but", "so", "yet"})


def _reduced_relative(doc: _Doc, k: int, j: int) -> bool:
    """Is the name run toks[k : j + 1] the subject of a relative clause without "that",
    "the kind of race Ayotte hoped to run", "a bill Obama signed": a determiner (or "of")
    and a lower-case noun before it, a past-tense verb right after it."""
    lows, toks = doc.lows, doc.tokens
    # the cheapest tests first: this runs for most capitalised words
    if j + 1 >= len(toks) or not lows[j + 1].endswith("ed") or k < 2 or lows[k - 2] not in _RELATIVE_DETERMINERS:
        return False
    if doc.gaps[k] != " " or doc.gaps[k - 1] != " " or doc.gaps[j + 1] != " ":
        return False
    noun, verb = toks[k - 1][2], toks[j + 1][2]
    return noun.islower() and _modifier_word(noun) and verb.islower() and verb not in _NOT_VERBS


_RELATIVE_DETERMINERS = _NOUN_DETERMINERS | {"of"}


def _the_description(doc: _Doc, k: int) -> bool:
    """Does token k follow "the" and a short description that open a clause?

    "There, the district GOP Chairman Chuck Williams declined ...", "But the retired
    general Mike Flynn said ...": the name heads the noun phrase, so it can be the
    clause's subject.
    """
    lows = doc.lows
    if lows[k - 1] == "of":
        return False  # "The rise of Bannon": the name is not the head
    for i in range(k - 2, max(-1, k - 5), -1):
        if lows[i] == "the":
            break
    else:
        return False
    if not doc.sents or any(doc.gaps[x].strip(" \u00a0") for x in range(i + 1, k + 1)):
        return False  # punctuation inside: not one noun phrase
    if not all(map(_modifier_word, lows[i + 1 : k])):
        return False
    ss = doc.sents[_sent_of(doc, doc.tokens[i][0])][0]
    if doc.tokens[i][0] == ss or "," in doc.gaps[i]:
        return True  # the clause opens here: the sentence's start or after "There,"
    return i > 0 and lows[i - 1] in _LEADING_CONJUNCTIONS and doc.tokens[i - 1][0] == ss


def _described(doc: _Doc, k: int) -> bool:
    """Is token k a name after an article and a describing word ("a terse Miller agreed",
    "a confident-seeming Manafort bragged") or an age ("62-year-old Brenda Johnson")?

    Such a name heads its noun phrase, so it can be a clause subject like a bare name.
    """
    w = doc.lows[k - 1]
    if w.endswith("-old") and w[:1].isdigit():
        return True
    if k < 2 or doc.lows[k - 2] not in ("a", "an") or not doc.tokens[k - 1][2].islower():
        return False
    if doc.masked[doc.tokens[k - 2][1] : doc.tokens[k - 1][0]].strip():
        return False
    return w not in FUNCTION_WORDS and w not in _ALL_CUE_FORMS and w not in _MODALS and not w.endswith("ed")


def _modifier_word(w: str) -> bool:
    """Can `w` be part of a description before a name ("tennis great", "secretary of state")?"""
    return w == "of" or (
        w not in FUNCTION_WORDS and w not in _ALL_CUE_FORMS and not w.endswith(("ed", "ing")) and w not in _MODALS
    )


# _modifier_word(w) is `w not in _NOT_MODIFIERS and not w.endswith(("ed", "ing"))`
_NOT_MODIFIERS = (FUNCTION_WORDS | _ALL_CUE_FORMS | _MODALS) - {"of"}


_NO_WORD_CHARS = {ord(c): None for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'’ "}


def _cap(w: str) -> bool:
    return w[:1].isupper()


# --------------------------------------------------------------------------------------
# 4. People in the article and resolution
# --------------------------------------------------------------------------------------
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "sir", "lord", "lady", "dame"})
_FIRST_AND_SURNAME_RE = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]+(?:[A-Z]\.[ \u00a0]+)?([A-Z][\w'’\-]+)")
_HONORIFIC_BEFORE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Madam|Dame|Lady|Sir|Lord)\.?[ \u00a0]+$")
_DOTTED_TITLES = TITLES & ABBREVIATIONS  # "Sen.", "Mrs.": a dot that ends no sentence
_RUN_NAMES: dict[str, tuple[tuple[str, ...], str, bool, str]] = {}


def _name_of_run_text(text: str) -> tuple[tuple[str, ...], str, bool, str]:
    """_name_of_run of a run's text (its words split at spaces), with the name joined.

    Kept by text across articles: a corpus repeats its names.
    """
    got = _RUN_NAMES.get(text)
    if got is None:
        core, honorific, titled = _name_of_run(tuple(text.split()))
        got = (core, honorific, titled, " ".join(core))
        if len(_RUN_NAMES) > 32768:
            _RUN_NAMES.clear()
        _RUN_NAMES[text] = got
    return got


# role words written with a capital before a name ("Actress Rosario Dawson said")
_RUN_ROLES = frozenset(
    """actress actor singer rapper comedian author writer novelist businessman businesswoman pastor
    coach host anchor journalist reporter columnist commentator economist activist analyst
    strategist pollster consultant entrepreneur designer producer filmmaker lawyer attorney
    spokesman spokeswoman spokesperson candidate nominee adviser advisor aide billionaire mogul
    congressman congresswoman councilman councilwoman""".split()
)


# a service before a first name ("Marine John Tiegen"; but "Marine Le Pen" is her name)
_SERVICE_WORDS = frozenset("marine army navy veteran soldier sailor airman trooper officer deputy".split())


def _leading_role(words: Sequence[str]) -> bool:
    """Whether the first of three or more capitalised words is a role, not a first name."""
    if len(words) < 3:
        return False
    first = words[0].lower()
    return first in _RUN_ROLES or first in _SERVICE_WORDS and words[1].lower() in _FIRST_NAMES


@functools.lru_cache(maxsize=32768)  # a corpus repeats its names: keep them across articles
def _name_of_run(words: tuple[str, ...]) -> tuple[tuple[str, ...], str, bool]:
    """A run of capitalised words as a person's name: (core words, honorific, titled).

    Leading function words, titles and acronyms are dropped ("Sen. Ted Cruz",
    "EU Vsevolod Chentsov"); headlines and organisations give an empty core.
    """
    a = 0
    honorific = ""
    while a < len(words):
        low = words[a].lower().rstrip(".")
        if not (low in FUNCTION_WORDS or low in TITLES):
            break
        if low in _HONORIFICS:
            honorific = low
        a += 1
    core = list(words[a:])
    while len(core) > 1 and core[0].isupper() and len(core[0]) > 1:
        core = core[1:]
    if len(core) > 2 and core[0].lower() in DEMONYMS and not _names_an_organisation(core):
        core = core[1:]  # "Russian Dmitriy Bogdanov" is Dmitriy Bogdanov
    titled = a > 0 and words[a - 1].lower().rstrip(".") in TITLES
    inner = [i for i, w in enumerate(core[:-1]) if w.lower() in TITLES]
    if inner:
        core = core[inner[-1] + 1 :]  # "Hewlett-Packard CEO Carly Fiorina"
        titled = True
    described = [i for i, w in enumerate(core[:-1]) if "-" in w and w.rsplit("-", 1)[1][:1].islower()]
    if described:
        core = core[described[-1] + 1 :]  # "Liberal Oscar-winner Sarandon" is Sarandon
        titled = True
    if _leading_role(core):
        core = core[1:]  # "Actress Rosario Dawson", opening a sentence; "Marine John Tiegen"
        titled = True
    if not core or len(core) > 4 or any(w.lower() in FUNCTION_WORDS or w.lower() in _STOP_HEAD for w in core[1:]):
        return (), honorific, titled
    owners = [i for i, w in enumerate(core[:-1]) if w.endswith(("'s", "’s", "s'", "s’"))]
    if owners:
        core = core[owners[-1] + 1 :]  # "Fox News’ Bret Baier" is Bret Baier
        if len(core) < 2:
            return (), honorific, titled  # "Boston’s Walsh", "Republicans’ Long": unsure
    if core[-1].endswith(("'s", "’s")):
        core[-1] = core[-1][:-2]
    return tuple(core), honorific, titled


class _People:
    """Names used in the article: fullest forms, genders, roles, mention positions."""

    def __init__(self, doc: _Doc, registry: SpeakerRegistry) -> None:
        self.registry = registry
        self.doc = doc
        self.full: dict[str, list[tuple[int, str]]] = {}  # surname -> [(first pos, full name)]
        self.gender: dict[str, str] = {}
        self.roles: dict[str, list[tuple[int, str]]] = {}  # role word -> [(pos, person)] in order
        self.mentions: list[tuple[int, str]] = []  # (pos, canonical) in order
        self.registered_here: set[str] = set()
        self.subjects: list[tuple[int, str]] = []  # names that start a clause, in order
        self.speakers: set[str] = set()  # names that a cue attributes speech to
        self.persons: set[str] = set()  # names with a title, an honorific or ", who"
        self._lower_seen: dict[str, bool] = {}
        self._title_lines: dict[int, bool] = {}  # line start -> written in title case
        self._first_name_full: dict[int, str] = {}  # subject position -> full name of a first name
        self._full_names: set[str] = set()  # every full name in self.full
        self.embedded: set[int] = set()  # cues whose speaker is inside another clause
        self.askers: set[int] = set()  # cues of a question ("a voter asked if she ..."): no reply
        # positions of full-name mentions by (surname, first word), indexed as far as
        # self.mentions[:_indexed] (the scan adds mentions while it asks for names)
        self._surnames: dict[tuple[str, str], list[int]] = {}
        self._surname_genders: dict[str, str] = {}  # surname shared by two people -> see _surname_gender
        self._indexed = 0
        self._scan(doc)

    def _scan(self, doc: _Doc) -> None:
        """Runs of capitalised words, found by one regex and mapped to token indices.

        Most runs are one word that is neither a subject nor a registered name; they are
        dropped here, before any name analysis (this loop sees every capitalised word).
        """
        toks, m, lows, gaps = doc.tokens, doc.masked, doc.lows, doc.gaps
        n = len(toks)
        starts = doc.token_starts
        find = bisect.bisect_left
        canonical = self.registry.canonical
        subject_before_verb = self._subject_before_verb
        for run in _CAP_RUN_RE.finditer(m):
            text = run.group()
            if " " in text or "\t" in text or "\u00a0" in text:
                nwords = len(text.split())  # each word of a run is one token
            elif text.lower() in FUNCTION_WORDS:
                continue  # one word, which is the token starting here (if any): "The", "He"
            else:
                nwords = 1
            rs, re_ = run.span()
            k = find(starts, rs)  # a binary search per run beats a dict of every token
            if k == n or starts[k] != rs:
                continue
            j = k + nwords - 1
            if j >= n or toks[j][1] != re_:
                continue
            if k > 0:
                w1 = lows[k - 1]
                subject = not (
                    w1 not in _SUBJECT_AFTER
                    and not gaps[k].strip()
                    and not (
                        w1 not in _NOT_MODIFIERS
                        and not w1.endswith(("ed", "ing"))
                        and (
                            _after_modifiers(doc, k)
                            or "the" in lows[k - 4 if k > 4 else 0 : k - 1]
                            and _the_description(doc, k)
                        )
                    )
                    and not ((k > 1 and lows[k - 2] in _ARTICLES or w1[:1].isdigit()) and _described(doc, k))
                )  # "other Trump backers", "with Trump": not a subject
                if subject:
                    subject = subject_before_verb(doc, toks, j)
                if (
                    not subject
                    and w1 == "named"
                    and k > 1
                    and toks[k - 2][2].islower()
                    and lows[k - 2] not in FUNCTION_WORDS
                ):
                    subject = True  # "a 52-year-old resident named Caroline": a person enters the story
                elif not subject and w1 in ("was", "is") and not gaps[k].strip() and m[re_ : re_ + 1] in (",", "."):
                    subject = True  # "In the back was Garcia, ...": the clause's subject, after its verb
                elif not subject and _reduced_relative(doc, k, j):
                    subject = True  # "the kind of race Ayotte hoped to run": she does something
            else:
                subject = subject_before_verb(doc, toks, j)
            if subject and nwords > 1 and lows[k] in _RUN_PREPOSITIONS:
                subject = False  # "Like Allen, their days begin ...": the object of a preposition
            # "Mrs. Clinton", "Sen. Cruz": the dot ends the run before the name
            dotted = lows[k - 1] if k > 0 and lows[k - 1] in _DOTTED_TITLES and gaps[k] in (". ", ".\u00a0") else ""
            if nwords == 1:
                # a lone word matters only as a clause subject or a registered name
                if not subject and not dotted and canonical(text) is None:
                    continue
                if self._sentence_initial_word(doc, k):
                    continue
            self._add_run(doc, toks, k, j, subject, text, dotted)

    def _add_run(
        self, doc: _Doc, toks: list[tuple[int, int, str]], k: int, j: int, subject: bool, text: str, dotted: str = ""
    ) -> None:
        got = _RUN_NAMES.get(text)
        core, honorific, titled, name = got if got is not None else _name_of_run_text(text)
        if not core:
            return  # a headline or an organisation, not a person's name
        if dotted and not honorific and not titled:
            titled = True
            if dotted in _HONORIFICS:
                honorific = dotted
        pos = toks[k][0]
        if titled or honorific or doc.masked.startswith((", who", ",who"), toks[j][1]):
            self.persons.add(name)
        canon = self.registry.canonical(name) if len(core) > 1 or core[0][:1].isupper() else None
        if (
            canon is not None
            and honorific
            and self.registry.gender(canon) not in ("", gender_of_honorific(honorific) or "male")
        ):
            canon = None  # "Mrs. Trump" is not the registered Donald Trump
        if canon is not None and len(core) == 1:
            own = self.canonical(core[0], pos)  # "Mrs. Trump", or "Trump" who is Ivanka here
            if own != canon:
                self.mentions.append((pos, own))
                if subject:
                    self.subjects.append((pos, own))
                return
        if canon is not None:
            self.registered_here.add(canon)
            self.mentions.append((pos, canon))
            if subject:
                self.subjects.append((pos, canon))
            return
        if len(core) >= 2 and len(core[0]) > 1 and len(core[-1]) > 1:
            if self._in_title_line(pos):
                return  # "Trump Supporter Screams 1 Controversial Word At Rally": a headline
            if name not in self._full_names:
                self._full_names.add(name)  # each distinct full name once, at its first use
                self.full.setdefault(core[-1].lower(), []).append((pos, name))
            if honorific:
                self.gender.setdefault(name, gender_of_honorific(honorific) or "male")
            # role word right before the name ("spokesman Josh Earnest")
            if k > 0 and doc.lows[k - 1] in _ROLE_NOUNS and not _cap(toks[k - 1][2]):
                self.roles.setdefault(doc.lows[k - 1], []).append((pos, name))
            self.mentions.append((pos, name))
            if subject:
                self.subjects.append((pos, name))
            first = core[0].lower()
            if first in _MALE_NAMES:
                self.gender.setdefault(name, "male")
            elif first in _FEMALE_NAMES:
                self.gender.setdefault(name, "female")
            elif k > 0:  # "actress Ilia Calderón": a gendered role word, when the first name says nothing
                before = doc.lows[k - 1]
                if before in _FEMALE_ROLES:
                    self.gender.setdefault(name, "female")
                elif before in _MALE_ROLES:
                    self.gender.setdefault(name, "male")
        elif len(core) == 1 and subject and core[0][:1].isupper() and len(core[0]) > 2:
            if self._in_title_line(pos):
                return  # "... Qualified Candidate Ever, But ...": a headline has no clause subject
            full = self.canonical(core[0], pos)
            if name in self.persons:
                self.persons.add(full)
            self.subjects.append((pos, full))
            if honorific:
                self.gender.setdefault("#" + core[0].lower(), gender_of_honorific(honorific) or "male")
        elif len(core) == 1 and honorific:
            self.gender.setdefault("#" + core[0].lower(), gender_of_honorific(honorific) or "male")

    def _in_title_line(self, pos: int) -> bool:
        """Is `pos` in a line written in title case (a headline: every longer word capitalised)?"""
        m = self.doc.masked
        ls = m.rfind("\n", 0, pos) + 1
        got = self._title_lines.get(ls)
        if got is None:
            le = m.find("\n", pos)
            le = le if le >= 0 else len(m)
            # a lower-case word of four letters or more (a verb, mostly) ends the question early
            got = _LOWER_WORD_RE.search(m, ls, le) is None and len(_CAP_LONG_RE.findall(m, ls, le)) >= 4
            self._title_lines[ls] = got
        return got

    def used_in_lower_case(self, word: str) -> bool:
        """Does the article also write this word in lower case ("Cost" vs "cost")?"""
        low = word.lower()
        got = self._lower_seen.get(low)
        if got is None:
            got = _has_word(self.doc.masked, low)
            self._lower_seen[low] = got
        return got

    def _sentence_initial_word(self, doc: _Doc, k: int) -> bool:
        """A lone capitalised word opening a sentence that the article also uses in lower case."""
        gap = doc.gaps[k].rstrip(' \t\u00a0"“‘(')
        if gap:
            if gap[-1] not in ".!?\n:\x01”":
                return False
        elif k > 0:
            return False  # right after the previous word (which never ends in one of those)
        w = doc.tokens[k][2]
        return w.endswith("ing") or w.lower() in FUNCTION_WORDS or self.used_in_lower_case(w)

    def _subject_before_verb(self, doc: _Doc, toks: list[tuple[int, int, str]], j: int) -> bool:
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
                    return self._subject_after_parens(doc, toks, j)  # "Rep. Sean Duffy (R-Wisc.) also addressed"
                # apposition follows: "Axelrod, a former newspaperman, ...", "Christie – a fan – gave"
                return inner in (",", "—", "–", "-", "--")
        nxt = toks[j + 1][2]
        if nxt == "all" and j + 2 < len(toks) and doc.lows[j + 2] == "but" and doc.gaps[j + 2] == " ":
            return True  # "Manafort all but begged": an adverb before the verb
        if nxt == "of" and j > 0 and _cap(toks[j - 1][2]) and doc.gaps[j].strip(" \u00a0") == "":
            # "Juan Manriquez of Oakland carried ...": a full name, where they are from, a verb
            k = j + 2
            while k < len(toks) and _cap(toks[k][2]) and doc.gaps[k] == " ":
                k += 1
            if k == j + 2 or k >= len(toks):
                return False
            if doc.gaps[k] == ", " and doc.lows[k] == "who":
                return True  # "Senator Bernie Sanders of Vermont, who had opposed ...": he acts next
            return (
                doc.gaps[k] == " "
                and toks[k][2][:1].islower()
                and doc.lows[k] not in FUNCTION_WORDS
                and doc.lows[k] not in _STOP_HEAD
            )
        return (
            nxt[0].islower()
            and nxt not in _STOP_HEAD
            and nxt not in FUNCTION_WORDS
            or nxt in _SKIPPABLE
            or nxt in _MODALS
        )

    def _subject_after_parens(self, doc: _Doc, toks: list[tuple[int, int, str]], j: int) -> bool:
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
            nxt[:1].islower()
            and nxt not in _STOP_HEAD
            and nxt not in FUNCTION_WORDS
            or nxt in _SKIPPABLE
            or nxt in _MODALS
        )

    def canonical(self, name: str, pos: int) -> str:
        """The registry name, or the fullest form of this name used in the article."""
        canon = self.registry.canonical(name)
        honorific = _HONORIFIC_BEFORE_RE.search(self.doc.masked, max(0, pos - 8), pos) if " " not in name else None
        said_gender = gender_of_honorific(honorific.group(1)) if honorific is not None else ""
        if canon is not None and said_gender and self.registry.gender(canon) not in ("", said_gender):
            canon = None  # "Mrs. Trump said": not the registered Donald Trump (nor "Mr. Clinton" Hillary)
        if (
            canon is not None
            and not said_gender
            and " " not in name
            and self.registry.gender(canon)
            and self.full.get(name.lower())
            and canon not in self.doc.masked
        ):
            # "Trump ... she said", again and again, in an article about Ivanka Trump (where
            # the registered Donald Trump is never named in full)
            g = self._surname_gender(name)
            if g and g != self.registry.gender(canon):
                same = [f for _, f in self.full[name.lower()] if self.gender_of(f) == g]
                if len({f.split()[0] for f in same}) == 1:
                    return max(same, key=len)
        if canon is not None:
            return canon
        words = name.split()
        if not words:
            return name
        if said_gender and len(words) == 1:
            same = [f for _, f in self.full.get(words[0].lower(), ()) if self.gender_of(f) == said_gender]
            if len({f.split()[0] for f in same}) == 1:
                return max(same, key=len)  # "Mrs. Trump" in an article about Melania Trump
        if len(words) > 2 and words[0].lower() in DEMONYMS and not _names_an_organisation(words):
            words = words[1:]  # "Russian Dmitriy Bogdanov" is Dmitriy Bogdanov
            name = " ".join(words)
        if len(words) >= 2 and (
            _leading_role(words) or any("-" in w and w.rsplit("-", 1)[1][:1].islower() for w in words[:-1])
        ):
            core = _name_of_run(tuple(words))[0]  # "Liberal Oscar-winner Sarandon": Sarandon
            if core:
                words = list(core)
                name = " ".join(words)
        fulls = self.full.get(words[-1].lower())
        if not fulls:
            if len(words) == 1 and name.lower() in _FIRST_NAMES:
                # "Bill" in an article about Bill Clinton and Hillary Clinton: the full name
                same = [
                    (p, f)
                    for forms in self.full.values()
                    for p, f in forms
                    if f.split()[0] == name and self.is_person(f)
                ]
                if same:
                    return max(same, key=lambda pf: (pf[0] <= pos, pf[0] if pf[0] <= pos else -pf[0]))[1]
            return name
        if len(words) >= 2:
            # a full name: prefer a longer form with the same first word
            for _, full in fulls:
                if full.split()[0] == words[0] and len(full) > len(name):
                    return full
            return name
        # a surname: the fullest name with it used so far (else later in the article)
        if len(fulls) == 1:
            return fulls[0][1]  # the only one either way
        earlier = [f for p, f in fulls if p <= pos] or [f for _, f in fulls]
        firsts = {f.split()[0] for f in earlier}
        if len(firsts) > 1:
            # "Clinton ... she said", again and again: the surname alone means Hillary, not Bill
            g = self._surname_gender(words[-1])
            same = [f for f in earlier if self.gender_of(f) == g] if g else []
            if same and len({f.split()[0] for f in same}) == 1:
                return max(same, key=len)
        if len(firsts) > 1:
            # two people with one surname ("Liz Cheney" and her father "Dick Cheney"): the
            # surname alone means the one the article names most, the first on a tie
            count = {f: self._mentions_before(name.lower(), f, pos) for f in firsts}
            top = max(count.values())
            keep = next(f for f in (g.split()[0] for g in earlier) if count[f] == top)
            earlier = [f for f in earlier if f.split()[0] == keep]
        return max(earlier, key=lambda f: (f.split()[0].lower() in _FIRST_NAMES, len(f)))

    def _surname_gender(self, surname: str) -> str:
        """The gender of the subject pronouns ("he", "she") that follow the bare surname
        in its own sentence, before any other name; "" unless they clearly agree. (Not
        after a possessive: in "Clinton's wife said she", "she" is the wife.)"""
        got = self._surname_genders.get(surname)
        if got is not None:
            return got
        doc = self.doc
        votes = {"male": 0, "female": 0}
        for m in re.finditer(rf"(?<![\w'’.\-]){re.escape(surname)}(?![\w\-'’])", doc.masked):
            k = bisect.bisect_left(doc.token_starts, m.start())
            if (
                k < len(doc.tokens)
                and doc.token_starts[k] == m.start()
                and k > 0
                and _cap(doc.tokens[k - 1][2])
                and not doc.gaps[k].strip()
            ):
                continue  # part of a full name ("Bill Clinton"), which says who it is
            end = doc.sents[_sent_of(doc, m.start())][1] if doc.sents else len(doc.masked)
            for j in range(k + 1, min(len(doc.tokens), k + 25)):
                if doc.tokens[j][0] >= end:
                    break
                w = doc.lows[j]
                if w in ("he", "she"):
                    g = "male" if w == "he" else "female"
                    if not self._other_of_gender_before(surname, g, m.start()):
                        votes[g] += 1  # (not when "she" may be Hillary Clinton, named just before)
                    break
                if _cap(doc.tokens[j][2]) and w not in FUNCTION_WORDS:
                    break  # another name: the pronoun may be theirs
        male, female = votes["male"], votes["female"]
        g = "male" if male and male >= 3 * female else "female" if female and female >= 3 * male else ""
        self._surname_genders[surname] = g
        return g

    def _other_of_gender_before(self, surname: str, gender: str, pos: int) -> bool:
        """Whether someone of `gender` with another surname is named in the sentence of
        `pos` or the one before ("Hillary Clinton was in Ohio. Trump said she lied")."""
        names = _FEMALE_NAMES if gender == "female" else _MALE_NAMES
        doc = self.doc
        start = doc.sents[max(0, _sent_of(doc, pos) - 1)][0] if doc.sents else max(0, pos - 300)
        for m in _FIRST_AND_SURNAME_RE.finditer(doc.masked, start, pos):
            if m.group(1).lower() in names and m.group(2) != surname:
                return True
        return False

    def _mentions_before(self, surname: str, first: str, pos: int) -> int:
        """How many times the full name `first` ... `surname` is used before `pos`."""
        mentions = self.mentions
        for k in range(self._indexed, len(mentions)):
            p, m = mentions[k]
            words = m.split()
            if len(words) >= 2:
                bisect.insort(self._surnames.setdefault((words[-1].lower(), words[0]), []), p)
        self._indexed = len(mentions)
        return bisect.bisect_right(self._surnames.get((surname, first), ()), pos)

    def gender_of(self, name: str) -> str:
        g = self.registry.gender(name)
        if g:
            return g
        g = self.gender.get(name, "")
        if g:
            return g
        words = name.split()
        if len(words) >= 2:
            first = words[0].lower()
            if first in _MALE_NAMES:
                return "male"
            if first in _FEMALE_NAMES:
                return "female"
        last = words[-1].lower() if words else ""
        g = self.gender.get("#" + last, "")
        if not g and len(words) == 1:
            # a first name alone ("a resident named Caroline") says the gender, unless
            # the article knows it as a surname ("Warren" for Elizabeth Warren)
            if last in _FEMALE_NAMES and last not in MALE_FIRST_NAMES:
                g = "female"
            elif last in _MALE_NAMES and last not in FEMALE_FIRST_NAMES:
                g = "male"
        return g

    def is_person(self, name: str) -> bool:
        """Evidence that a name is a person: registry, a known first name, a gender, a speaker."""
        if self.registry.get(name) is not None:
            return True
        words = name.lower().split()
        if not words or words[0] in INDEFINITE_PRONOUNS:
            return False
        if not NON_PERSON_WORDS.isdisjoint(words) and not (
            # "Mayor Don Guardian": a titled first name and surname, whatever the surname means
            len(words) == 2 and words[0] in _FIRST_NAMES and words[0] not in NON_PERSON_WORDS and name in self.persons
        ):
            return False
        if len(words) >= 2 and name[:1].isupper():
            # a full name that is no place or organisation; not "New Yorkers" (a plural
            # demonym) nor "Independence USA" (an acronym ends no person's name)
            last = name.rsplit(None, 1)[-1]
            if last.isupper() and len(last) > 1 and last.isalpha() and last not in _NUMERALS:
                return False
            if "-" in last and last.rsplit("-", 1)[1][:1].islower():
                return False  # "Pulitzer Prize-winning": an adjective
            plural = words[-1].endswith(_GROUP_ENDINGS) or words[0] == "new" and words[-1].endswith("ers")
            return not (plural and words[0] not in _FIRST_NAMES)
        if name in self.persons:
            return True
        if len(words) == 1:
            if "-" in name and name.rsplit("-", 1)[1][:1].islower():
                return False  # "T-shirts", "X-rays": a thing
            if words[0] in _GROUP_NOUNS:
                return False  # "Analysts", "Protesters": a group
            if self._common_plural(name):
                return False  # "Candidates who think ...", "Latinos", "T-shirts": a group or a thing
            low = words[0]
            if low.endswith("s") and low[:-1] in self.full:
                return False  # "the Clintons": a family, not one person
        if name in self.speakers:
            return True
        return bool(self.gender_of(name))

    def _common_plural(self, word: str) -> bool:
        """A capitalised plural whose singular or plural the article also writes in lower case.

        Surnames ending in -s ("Sanders", "Jones") are not common words, so the article
        never writes them lower-cased; "Candidates" opening a sentence is "candidates".
        """
        low = word.lower()
        if len(low) < 4 or not low.endswith("s") or low.endswith(("ss", "us", "is", "'s", "’s")):
            return False
        if self.registry.get(word) is not None or self.gender.get("#" + low):
            return False
        return (
            self.used_in_lower_case(low)
            or self.used_in_lower_case(low[:-1])
            or (low.endswith("es") and self.used_in_lower_case(low[:-2]))
        )

    def subject_before(
        self, pos: int, want: str, main_only: bool = False, exclude: str | None = None
    ) -> tuple[int, str] | None:
        """The latest person who is a clause subject before `pos`, compatible with a gender.

        With `main_only`, a subject that follows another one in its sentence is passed
        over: "Rubio refrained from attacking Bush and Christie, who say ..." keeps
        Rubio, the sentence's topic, as the antecedent of the next "he".
        """
        i = bisect.bisect_left(self.subjects, (pos, ""))
        doc = self.doc
        for k in range(i - 1, max(-1, i - 30), -1):
            p, name = self.subjects[k]
            if " " not in name and name.lower() in _FIRST_NAMES:
                full = self._first_name_full.get(p)
                if full is None:
                    full = self._first_name_full[p] = self.canonical(name, p)
                name = full  # "Bill" before "Bill Clinton" was written out
            if name == exclude or not self.is_person(name):
                continue
            g = self.gender_of(name)
            if want and g and g != want:
                continue
            if main_only and want and doc.sents and self._pronoun_topic(p, want):
                continue  # "She has gone public as ... Hillary Clinton, as she pursues ...": she, before
            if main_only and k > 0 and doc.sents and _sent_of(doc, self.subjects[k - 1][0]) == _sent_of(doc, p):
                # the topic wins only if it could be meant: "Clinton campaign manager Robby
                # Mook released a memo. He writes ..." has no male topic before Mook
                topic = self.subjects[k - 1][1]
                tg = self.gender_of(topic)
                if self.is_person(topic) and (not want or not tg or tg == want):
                    continue
            return p, name
        return None

    def _pronoun_topic(self, pos: int, want: str) -> bool:
        """Whether the sentence holding `pos` opens with "he" or "she" of gender `want`
        before it: the name inside is not the sentence's topic, the pronoun's referent is."""
        doc = self.doc
        ss = doc.sents[_sent_of(doc, pos)][0]
        k = bisect.bisect_left(doc.token_starts, ss)
        if k >= len(doc.tokens) or doc.tokens[k][0] >= pos or doc.masked[ss : doc.tokens[k][0]].strip():
            return False
        return doc.lows[k] == ("she" if want == "female" else "he" if want == "male" else "")

    def person_before(self, pos: int, want: str, exclude: str | None = None) -> str | None:
        """The latest person mentioned before `pos` compatible with a gender."""
        i = bisect.bisect_left(self.mentions, (pos, ""))
        for k in range(i - 1, max(-1, i - 40), -1):
            name = self.mentions[k][1]
            if name == exclude or not self.is_person(name):
                continue
            g = self.gender_of(name)
            if not want or not g or g == want:
                return name
        return None


def _resolve_all(doc: _Doc, cues: list[_Cue], people: _People) -> None:
    """Give each cue a canonical speaker, in text order, tracking who spoke last."""
    history: list[tuple[int, str, str]] = []  # (pos, speaker, gender or "group")
    prev_in_sent: dict[int, _Cue] = {}
    verb_in_sent: dict[int, _Cue] = {}  # the last speech verb of each sentence so far
    for cue in cues:
        mention = cue.mention
        outer = verb_in_sent.get(cue.sent)
        if cue.word not in (":", "—"):
            verb_in_sent[cue.sent] = cue
        if mention is None:
            continue
        speaker, conf = _resolve(mention, cue, people, history, prev_in_sent)
        cue.speaker, cue.confidence = speaker, conf
        if speaker:
            prev_in_sent[cue.sent] = cue
            the_name = mention.kind == "name" and _determiner_before(doc, mention.start) == "the"
            if mention.kind == "name" and not cue.object_noun and not the_name:
                # (an organisation raises questions too: "Breitbart raised questions" makes
                # no person of Breitbart for a later "she"; nor is "The Hill reported" a person)
                people.speakers.add(speaker)
            if mention.kind in ("name", "role", "anonymous", "pronoun", "np") and not _not_a_source(speaker):
                # (a garbled source, "highlighted", is no one a later "he" can mean)
                kind = mention.kind
                plural = (
                    kind == "np"
                    and mention.text.lower().endswith("s")
                    or kind == "pronoun"
                    and mention.text.lower() in PRONOUNS_GROUP  # "they said"
                    or kind == "name"
                    and (
                        mention.text.lower() in _GROUP_NOUNS  # "Analysts noted"
                        or _after_quantifier(doc, mention.start)  # "many more Latinos said"
                    )
                )
                g = (
                    "group"
                    if mention.kind == "anonymous" or speaker == ANONYMOUS or plural
                    else people.gender_of(speaker)
                )
                det = _determiner_before(doc, mention.start) if kind == "np" and g != "group" else None
                ref = None
                if det == "the" and _person_noun(mention.text):
                    # "the actor said" points back to a person named before, if one fits
                    ref, rg = _role_referent(mention.text, cue.start, people, history)
                    if ref:
                        speaker, g = ref, rg
                if det == "a" and _person_noun(mention.text):
                    # "One California delegate said he ...": someone new, whom a later "he" can mean
                    head = mention.text.lower().rsplit(None, 1)[-1]
                    g = "female" if head in _FEMALE_ROLES else "male" if head in _MALE_ROLES else ""
                elif (
                    ref is None
                    and g != "group"
                    and (
                        mention.kind == "np"
                        or mention.kind == "name"
                        and (the_name or not people.is_person(speaker))
                        or mention.kind == "pronoun"
                        and mention.text.lower() == "it"
                    )
                ):
                    g = "thing"  # "the campaign", "Reuters", "it said": what "it" can refer to
                if mention.kind == "pronoun" and mention.text.lower() in PRONOUNS_MALE and not g:
                    people.gender.setdefault(speaker, "male")
                    g = "male"
                elif mention.kind == "pronoun" and mention.text.lower() in PRONOUNS_FEMALE and not g:
                    people.gender.setdefault(speaker, "female")
                    g = "female"
                if mention.kind == "role" and speaker == mention.text and _bare_definite(mention.text):
                    # "the businessman" refers back to someone; "a spokesman" is someone new,
                    # and "the Vermont senator" already says who it is
                    ref, rg = _role_referent(mention.text, cue.start, people, history)
                    if ref:
                        speaker, g = ref, rg
                    else:
                        # no named person fits: "the actress" herself is what a later "she" means
                        head = mention.text.lower().rsplit(None, 1)[-1]
                        g = "female" if head in _FEMALE_ROLES else "male" if head in _MALE_ROLES else ""
                if _embedded_cue(doc, cue, outer):
                    people.embedded.add(cue.start)
                if cue.word in _ASKING and mention.end <= cue.start and _asks_question(doc, cue):
                    people.askers.add(cue.start)
                history.append((cue.start, speaker, g))
                if cue.word in _ASKING and not cue.inverted and outer is None:
                    asked = _addressee(doc, cue, people)
                    if asked is not None:
                        history.append(asked)  # "X asked Sanders whether ...": his answer comes next


def _determiner_before(doc: _Doc, pos: int) -> str | None:
    """ "the" or "a" (for a, an, one, another) right before `pos`, else None ("his brother")."""
    k = bisect.bisect_left(doc.token_starts, pos)
    if k == 0 or doc.gaps[k].strip():
        return None
    w = doc.lows[k - 1]
    return "the" if w == "the" else "a" if w in ("a", "an", "one", "another") else None


def _person_noun(text: str) -> bool:
    """Does a noun phrase name one person by a common noun ("a local voter", "one woman")?"""
    words = text.lower().split()
    return bool(words) and _head_noun(words[-1]) in PERSON_NOUNS | _FEMALE_ROLES | _MALE_ROLES


def _head_noun(word: str) -> str:
    """ "mother-of-nine" is a mother, "father-in-law" a father."""
    for joint in ("-of-", "-in-", "-to-"):
        if joint in word:
            return word.split(joint, 1)[0]
    return word


_FEMALE_ROLES = frozenset(
    """spokeswoman congresswoman chairwoman businesswoman actress mother wife daughter
    sister woman queen princess grandmother widow councilwoman""".split()
)
_MALE_ROLES = frozenset(
    """spokesman congressman businessman actor father husband son brother man king prince
    grandfather widower councilman""".split()
)


# between a speech verb and the subject of a clause it reports: "noted that", "told
# reporters that the paper's", or nothing at all ("said Trump continued")
_COMPLEMENT_GAP_RE = re.compile(
    r"\s*(?:(?:[\w'’.-]+\s+){0,4}?that\s+)?(?:(?:the|a|an|his|her|their|its|[\w.-]+['’]s?)\s+){0,2}"
)
# between a name and the verb of a relative clause on it: "Chris Christie, who say"
_RELATIVE_GAP_RE = re.compile(r"\s*,?\s*(?:who|which)\b[^,;:—–\x01“”\"()]*")
_NOT_IN_GAP = frozenset(
    {"and", "but", "or", "while", "as", "because", "when", "although", "after", "before", "since", "if"}
)


def _embedded_cue(doc: _Doc, cue: _Cue, outer: _Cue | None) -> bool:
    """Is the cue's speaker inside another clause: a clause reported by an earlier speech
    verb of the sentence ("He noted that Sanders has acknowledged ...") or a relative
    clause ("..., Govs. Jeb Bush and Chris Christie, who say ...")?

    Such a speaker is not what the sentence is about, so a later "he" means the
    sentence's own subject when it fits.
    """
    mention = cue.mention
    if mention is None or mention.kind not in ("name", "pronoun", "role"):
        return False
    m = doc.masked
    if mention.end <= cue.start and _RELATIVE_GAP_RE.fullmatch(m, mention.end, cue.start):
        return True
    if outer is None or mention.start < outer.end or mention.start - outer.end > 60:
        return False
    if _COMPLEMENT_GAP_RE.fullmatch(m, outer.end, mention.start) is None:
        return False
    return _NOT_IN_GAP.isdisjoint(m[outer.end : mention.start].lower().split())


_QUANTIFIERS = frozenset({"many", "more", "most", "some", "several", "few", "other", "all", "both", "these", "those"})


def _after_quantifier(doc: _Doc, pos: int) -> bool:
    """Does the word before `pos` count a group ("many more Latinos", "some Republicans")?"""
    k = bisect.bisect_left(doc.token_starts, pos)
    return 0 < k < len(doc.tokens) and doc.lows[k - 1] in _QUANTIFIERS and not doc.gaps[k].strip()


_ASKING = frozenset({"asked", "asks", "ask", "asking"})
_QUESTION_WORDS = frozenset({"whether", "if", "which", "what", "how", "why", "when", "where", "who", "about"})


def _asks_question(doc: _Doc, cue: _Cue) -> bool:
    """ "asked (Sanders) whether ...": a question, which someone else answers next (not
    "asked her to call": a request, which its maker goes on to explain)."""
    toks = _tokens_in(doc, cue.end, cue.end + 60, 4)
    return any(t[2].lower() in _QUESTION_WORDS for t in toks)


def _addressee(doc: _Doc, cue: _Cue, people: _People) -> tuple[int, str, str] | None:
    """The person a question is put to ("asked Sanders whether ..."), as a history entry."""
    toks = _tokens_in(doc, cue.end, cue.end + 80, 6)
    k = 0
    while k < len(toks) and toks[k][2][0].isupper() and (k == 0 or _joined(doc.masked, toks[k - 1], toks[k])):
        k += 1
    if k == 0 or k == len(toks) or toks[k][2].lower() not in _QUESTION_WORDS:
        return None
    if doc.masked[cue.end : toks[0][0]].strip() or doc.masked[toks[k - 1][1] : toks[k][0]].strip():
        return None  # punctuation between: not the verb's object
    mention = _classify_np(doc, toks[0][0], toks[k - 1][1])
    if mention is None or mention.kind != "name":
        return None
    name = people.canonical(mention.text, mention.start)
    if not people.is_person(name):
        return None
    return mention.start, name, people.gender_of(name)


def _bare_definite(text: str) -> bool:
    """ "the businessman", not "a spokesman" nor "the Vermont senator"."""
    words = text.split()
    return len(words) >= 2 and words[0].lower() in ("the", "this") and not any(w[:1].isupper() for w in words[1:])


def _role_referent(role: str, pos: int, people: _People, history: list[tuple[int, str, str]]) -> tuple[str | None, str]:
    """The person an unresolved description ("the businessman") most likely names.

    The speaker stays as written, but a later "he" should reach the person, not the
    description: it is resolved like a pronoun of the role's gender, if it has one.
    """
    words = role.lower().split()
    head = _head_noun(words[-1]) if words else ""
    want = "female" if head in _FEMALE_ROLES else "male" if head in _MALE_ROLES else ""
    ref, _ = _resolve_pronoun("she" if want == "female" else "he" if want == "male" else "", pos, people, history)
    return ref, (people.gender_of(ref) or want) if ref else ""


def _resolve(
    mention: _Mention,
    cue: _Cue,
    people: _People,
    history: list[tuple[int, str, str]],
    prev_in_sent: dict[int, _Cue],
) -> tuple[str | None, float]:
    kind = mention.kind
    if kind == "name":
        return people.canonical(mention.text, mention.start), 0.9
    if kind == "anonymous":
        return ANONYMOUS, 0.85
    if kind in ("ellipsis", "clause"):
        prev = prev_in_sent.get(cue.sent)
        if prev is not None:
            return prev.speaker, prev.confidence - 0.05
        ss = people.doc.sents[cue.sent][0] if people.doc.sents else None
        sub = _clause_subject(people.doc, ss, cue.start) if ss is not None else None
        if kind == "clause" and ss is not None and (sub is None or sub.kind in ("ellipsis", "clause")):
            # "Donald Trump, while being interviewed on Fox, called ...": the sentence's subject
            sub = _first_clause_subject(people.doc, ss, mention.start)
        if sub is not None and sub.kind not in ("ellipsis", "clause"):
            speaker, conf = _resolve(sub, cue, people, history, prev_in_sent)
            return speaker, conf - 0.1
        if kind == "clause" and ss is not None:
            # else the last person who is a subject earlier in the sentence
            got = people.subject_before(mention.start, "")
            if got is not None and got[0] >= ss:
                return got[1], 0.5
        return None, 0.0
    if kind == "pronoun":
        return _resolve_pronoun(
            mention.text.lower(),
            mention.start,
            people,
            history,
            cue.word in _CONTINUING,
            cue.word not in _CONTINUING and cue.word not in _ASKING,
            _object_name(people, cue) if mention.end <= cue.start else None,
        )
    if kind == "role":
        return _resolve_role(mention.text, people, mention.start)
    return mention.text, 0.6


def _not_a_source(text: str) -> bool:
    """One lower-case word that names nobody: a verb form ("highlighted", "giving",
    "were") or a function word ("none", "other") taken for the source."""
    if " " in text or not text[:1].islower():
        return False
    w = text.lower()
    return w in FUNCTION_WORDS or w in _SAYING or w.endswith(("ed", "ing")) and w not in PERSON_NOUNS


_SAYING = frozenset({"said", "says", "say", "told", "tells", "tell"})


_CONTINUING = frozenset({"added", "adds", "add", "adding", "continued", "continues", "continuing"})


_OBJECT_RE = re.compile(
    r"[ \t\u00a0]+((?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.[ \t\u00a0]+)?([A-Z][\w'’\-]+(?:[ \t\u00a0]+[A-Z][\w'’\-]+){0,2})(?![\w'’])"
)


def _object_name(people: _People, cue: _Cue) -> str | None:
    """The person named right after the verb ("he called Rubio “Little Marco”", "she told
    Kelly", "he calls Christie’s endorsement"): its own subject pronoun cannot mean them."""
    m = _OBJECT_RE.match(people.doc.masked, cue.end)
    if m is None or m.group(2).lower() in FUNCTION_WORDS:
        return None
    name = m.group(2)
    if name.endswith(("'s", "’s")):
        name = name[:-2]  # "He calls Christie’s endorsement ...": not Christie either
    return people.canonical(name, m.start(2))


def _resolve_pronoun(
    pron: str,
    pos: int,
    people: _People,
    history: list[tuple[int, str, str]],
    continuing: bool = False,
    replying: bool = False,
    exclude: str | None = None,
) -> tuple[str | None, float]:
    """The person a pronoun subject names: the last speaker or a later clause subject.

    With `continuing` ("he added"), someone who has spoken already: the last speaker.
    With `replying` (any verb but "added" or "asked"), not someone who just asked a
    question: "a voter asked if she would ... “Wow,” she replied" is the one asked.
    `exclude` is the verb's object, whom the pronoun cannot mean.
    """
    if pron in PRONOUNS_GROUP or pron == "it":
        want_g = "thing" if pron == "it" else "group"
        said = next(((p, sp) for p, sp, g in reversed(history[-8:]) if g == want_g and pos - p < 1500), None)
        # a more recent sentence subject that the pronoun can name: "Trump's campaign
        # backtracked. ... it said", "The email includes a photo. ... it reads"
        subj = _np_subject_before(people, pos, plural=pron != "it")
        if subj is not None and (said is None or subj[0] > said[0]):
            return subj[1], 0.5
        if said is not None:
            return said[1], 0.6 if pron != "it" else 0.55
        return None, 0.0
    if pron in {"i", "you"}:
        return None, 0.0
    want = "male" if pron in PRONOUNS_MALE else "female" if pron in PRONOUNS_FEMALE else ""
    spoke: tuple[int, str] | None = None
    doc = people.doc
    for p, sp, g in reversed(history[-12:]):
        if g in ("group", "thing") or replying and p in people.askers or sp == exclude:
            continue
        if not g:
            g = people.gender_of(sp)  # learnt since ("she said" after the first mention)
        if not g or g == want:
            if spoke is None:
                spoke = (p, sp)
                if p not in people.embedded or not doc.sents:
                    break
            elif _sent_of(doc, p) == _sent_of(doc, spoke[0]):
                if p not in people.embedded:
                    spoke = (p, sp)  # "He noted that Sanders has acknowledged ...": he, not Sanders
                    break
            else:
                break
    if continuing and spoke is not None:
        return spoke[1], 0.8
    subj = people.subject_before(pos, want, main_only=True, exclude=exclude)
    if subj is not None and spoke is not None and doc.sents and _sent_of(doc, subj[0]) == _sent_of(doc, spoke[0]):
        if subj[0] > spoke[0] and not _after_opening_clause(doc, subj[0]):
            subj = None  # "Rubio claimed that Obama is to blame": Rubio is the source
        elif spoke[0] in people.embedded:
            return subj[1], 0.75  # "Rubio refrained from attacking Christie, who say ...": Rubio
    if subj is not None and (spoke is None or subj[0] > spoke[0]):
        return subj[1], 0.75
    if spoke is not None:
        return spoke[1], 0.8
    person = people.person_before(pos, want, exclude)
    if person:
        return person, 0.6
    return None, 0.0


# words that open a sentence with a clause of its own, before the main one
_OPENING_CLAUSE_WORDS = frozenset(
    """asked pressed questioned speaking responding when while after although though if
    because since before despite unlike as once""".split()
)


def _after_opening_clause(doc: _Doc, pos: int) -> bool:
    """Is `pos` the subject of the main clause after an opening one? "Asked whether Trump,
    who has called it a hoax, could win, Ban demurred": the cue in the opening clause is
    not this sentence's speaker (a later "he" means Ban)."""
    ss = doc.sents[_sent_of(doc, pos)][0]
    k = bisect.bisect_left(doc.token_starts, ss)
    if k >= len(doc.lows) or doc.lows[k] not in _OPENING_CLAUSE_WORDS:
        return False
    return doc.masked[max(ss, pos - 2) : pos] == ", "


def _np_subject_before(people: _People, pos: int, plural: bool) -> tuple[int, str] | None:
    """The subject of the sentence of `pos` or of one of the two before it (in the same or
    the previous paragraph) when "it" (or, `plural`, "they") can name it: a noun phrase
    or an organisation, never a person ("it" is no person; "they" is no single one).

    A person subject in between is passed over: "it" and "they" cannot mean them.
    """
    doc = people.doc
    if not doc.sents:
        return None
    si = _sent_of(doc, pos)
    para = _para_of(doc, pos)
    for k in range(si, max(-1, si - 3), -1):
        ss, se = doc.sents[k]
        if para - _para_of(doc, ss) > 1:
            break
        got = _opening_np(doc, ss, min(se, pos))
        if got is None:
            continue
        start, text, many = got
        if many != plural:
            continue
        head = text.rsplit(None, 1)[-1]
        if plural and head.lower() not in _GROUP_NOUNS:
            continue  # "they" speaks for people ("the protesters"), not "the figures"
        if head[:1].isupper():
            name = people.canonical(text, start)
            if people.is_person(name):
                continue  # "Trump said ...": neither "it" nor "they"
            text = name
        return start, text
    return None


_CONTRACTED_PRONOUN_RE = re.compile(r"(?:he|she|they|we|i|it|you)(?:['’](?:s|re|ve|d|ll|m))?$")
_LINKING_OPENERS = frozenset({"but", "and", "yet", "so", "still", "then"})
_NP_OPENERS = frozenset({"the"})  # ("this", "that" are often pronouns: "That is ...")
_VERBISH = (
    _SKIPPABLE
    | _PASSIVE_AUX
    | _MODALS
    | _ALL_CUE_FORMS
    | {"has", "have", "had", "goes", "went", "sent", "made", "took"}
)


def _opening_np(doc: _Doc, ss: int, end: int) -> tuple[int, str, bool] | None:
    """The noun phrase opening a sentence when a verb follows it: "The email includes ...",
    "Trump's campaign immediately backtracked", "The protesters also paid ...".

    Returns its start, its text (without "the") and whether it is plural.
    """
    toks = _tokens_in(doc, ss, end, 8)
    if len(toks) < 3 or doc.masked[ss : toks[0][0]].strip():
        return None
    if toks[0][2].lower() in _LINKING_OPENERS and doc.masked[toks[0][1] : toks[1][0]] == " ":
        toks = toks[1:]  # "But the protesters also paid tribute ...": the same subject
        if len(toks) < 3:
            return None
    lows = [t[2].lower() for t in toks]
    if lows[0] in _NP_OPENERS:
        first = s0 = 1
    else:
        # "Trump's campaign", "Dana Lopez's campaign": a named owner, then the noun
        own = next((j for j in range(min(3, len(toks))) if not _cap(toks[j][2]) or lows[j].endswith(("’s", "'s"))), -1)
        if own < 0 or not lows[own].endswith(("’s", "'s")) or not _cap(toks[own][2]):
            return None  # a bare capitalised word is a name, not a noun phrase
        first, s0 = own + 1, 0
    for v in range(first + 1, len(toks)):
        w = lows[v]
        if doc.masked[toks[v - 1][1] : toks[v][0]] != " " or lows[v - 1] in FUNCTION_WORDS and v > first:
            return None  # punctuation or "of", "to" inside: an apposition, a clause, a longer phrase
        if w.endswith(("’s", "'s")):
            continue  # "The vice president's presence": a possessive, no verb
        prev = lows[v - 1]
        plural = prev.endswith("s") and not prev.endswith(("ss", "us", "is", "’s", "'s"))
        if (
            w in _VERBISH
            or w.endswith(("ed", "ly"))
            or (w.endswith("s") and not plural)
            or (plural and w.isalpha() and w.islower() and w not in FUNCTION_WORDS)
        ):
            if (
                not toks[v - 1][2][:1].isalpha()
                or prev in FUNCTION_WORDS
                or prev in _VERBISH
                or prev.endswith(("ed", "ly", "n't", "n’t"))
            ):
                return None
            start = toks[s0][0]
            return start, doc.text[start : toks[v - 1][1]], plural
    return None


def _resolve_role(role: str, people: _People, pos: int) -> tuple[str | None, float]:
    """'the spokesman' is the registered or article-named holder of that role.

    Of several named so ("candidate Ben Carson", "candidate Jeb Bush"), the last one
    before `pos`, else the first one after it.
    """
    words = [w for w in role.split() if w not in FUNCTION_WORDS]
    phrase = " ".join(words)
    holders = [h for h in people.registry.role_holders(phrase) if h in people.registered_here]
    if len(holders) == 1:
        return holders[0], 0.75
    for w in reversed(words):
        named = people.roles.get(w)
        if named:
            before = [n for p, n in named if p <= pos]
            return (before[-1] if before else named[0][1]), 0.7
    if words and words[-1] in ANONYMOUS_NOUNS:
        return ANONYMOUS, 0.6
    return role, 0.5


# --------------------------------------------------------------------------------------
# 5. Attaching quotes
# --------------------------------------------------------------------------------------
def _attach_quotes(
    doc: _Doc,
    cues: list[_Cue],
    transcripts: list[tuple[int, int, str, int, int]],
    people: _People,
) -> list[Quote]:
    by_sent: dict[int, list[_Cue]] = {}
    for cue in cues:
        if cue.speaker or (cue.mention is not None and cue.mention.kind in ("pronoun", "clause")):
            by_sent.setdefault(cue.sent, []).append(cue)
    groups: dict[int, list[_Seg]] = {}
    for seg in doc.segs:
        groups.setdefault(seg.group, []).append(seg)
    out: list[Quote] = []
    for s, e, label, ls, le in transcripts:
        speaker = people.canonical(label.title(), ls)
        out.append(Quote(doc.id, s, e, doc.text[s:e], "direct", speaker, ":", 0.7, label, ls, le))
    ordered = sorted(groups.values(), key=lambda g: g[0].start)
    prev_speaker: tuple[int, str, _Cue | None] | None = None  # (para, speaker, cue)
    for segs in ordered:
        cue, conf, how = _attribution(doc, segs, by_sent, prev_speaker)
        speaker = cue.speaker if cue is not None else (prev_speaker[1] if how == "continued" and prev_speaker else None)
        kind = _kind(doc, segs, cue is not None or how == "continued")
        if kind == "other":
            speaker, cue, conf = None, None, 0.5
        elif speaker is None:
            pron = (
                cue.mention.text.lower()
                if cue is not None and cue.mention is not None and cue.mention.kind == "pronoun"
                else ""
            )
            want = "male" if pron in PRONOUNS_MALE else "female" if pron in PRONOUNS_FEMALE else ""
            if pron not in ("it", "i", "we") and pron not in PRONOUNS_GROUP:
                # (what "it calls ..." names is a thing or a body, "they" are more than one, and
                # the "I" of a first-person article is its writer: never the person nearby)
                speaker, conf = _nearby_person(doc, people, segs[0], prev_speaker, want)
        for seg in segs:
            if seg.end <= seg.start:
                continue
            s, e = seg.start, seg.end
            text = doc.text[s:e]
            if not text.strip():
                continue
            out.append(
                Quote(
                    doc.id,
                    s,
                    e,
                    text,
                    kind,
                    speaker,
                    cue.word if cue is not None else None,
                    round(max(0.05, min(1.0, conf - (0.15 if seg.close_pos is None and seg is segs[-1] else 0.0))), 2),
                    cue.mention.text if cue is not None and cue.mention is not None else None,
                    cue.start if cue is not None else None,
                    cue.end if cue is not None else None,
                )
            )
        if speaker and kind != "other":
            prev_speaker = (segs[-1].para, speaker, cue)
        if cue is not None and kind == "direct" and _attributes_before(doc, segs[-1], cue):
            cue.quote_before = True  # its words are that quotation: the tail is no reported speech
    return out


def _attributes_before(doc: _Doc, seg: _Seg, cue: _Cue) -> bool:
    """“...,” X said: the cue follows the closing mark with only its source between."""
    if seg.close_pos is None or cue.start < seg.close_pos or doc.text[seg.close_pos - 1] not in ",?!":
        return False
    head = cue.mention.start if cue.mention is not None and seg.close_pos < cue.mention.start < cue.start else cue.start
    gap = doc.masked[seg.close_pos + 1 : head]
    return all(w[:1].isupper() for w in gap.replace(",", " ").split())  # only the source's title ("Mayor")


def _nearby_person(
    doc: _Doc, people: _People, seg: _Seg, prev_speaker: tuple[int, str, _Cue | None] | None, want: str = ""
) -> tuple[str | None, float]:
    """A last guess for an unattributed quotation: the person just written about.

    "Valastro praised Christie's leadership. “We need someone ...”" — the subject of
    the sentence before, or the last speaker, when either is at most a paragraph away.
    With `want`, the quote's unresolved "she" or "he" rules out the other gender.
    """
    subj = people.subject_before(seg.open_pos, want)
    near: list[tuple[int, str]] = []
    if subj is not None and seg.para - _para_of(doc, subj[0]) <= 1:
        near.append(subj)
    if (
        prev_speaker is not None
        and seg.para - prev_speaker[0] <= 1
        and (not want or people.gender_of(prev_speaker[1]) in ("", want))
    ):
        near.append((doc.paras[prev_speaker[0]][0], prev_speaker[1]))
    if not near:
        return None, 0.2
    return max(near)[1], 0.35


def _attribution(
    doc: _Doc,
    segs: list[_Seg],
    by_sent: dict[int, list[_Cue]],
    prev_speaker: tuple[int, str, _Cue | None] | None,
) -> tuple[_Cue | None, float, str]:
    """The cue attributing a quote group, how confident we are, and how it was found."""
    first, last = segs[0], segs[-1]
    # a cue in the sentence of any segment, nearest first
    best: _Cue | None = None
    best_d = 1 << 30
    for seg in segs:
        a, b = _sent_of(doc, seg.open_pos), _sent_of(doc, seg.end)
        for si in (a,) if a == b else {a, b}:  # (a set's order, as it always was)
            for cue in by_sent.get(si, ()):
                if cue.start >= seg.open_pos and cue.end <= seg.end:
                    continue
                d = seg.open_pos - cue.end if cue.end <= seg.open_pos else cue.start - seg.end
                if seg.close_pos is not None and cue.start > seg.close_pos:
                    head = min(cue.start, cue.mention.start if cue.mention is not None else cue.start)
                    if head - seg.close_pos <= 3 and doc.text[seg.close_pos - 1] in ",?!":
                        d = -1  # “...,” the senator said: the classic attribution wins
                if cue.word in _BELIEF_FORMS and d >= 0:
                    d += _WINDOW  # "He says if people think “...”": a verb of speech first
                if d < best_d:
                    best, best_d = cue, d
    if best is not None:
        return best, best.confidence, "cue"
    # "“...” Trump said." split into two sentences by the full stop inside the quote
    if last.close_pos is not None:
        si = _sent_of(doc, last.end)
        for cue in by_sent.get(si + 1, ()):
            head = cue.mention.start if cue.mention is not None and cue.mention.start < cue.start else cue.start
            if head - last.close_pos <= 40 and _para_of(doc, cue.start) == last.para:
                return cue, cue.confidence - 0.05, "cue"
    # a colon introduction in the same paragraph or at the end of the previous one
    intro = _colon_intro(doc, first, by_sent)
    if intro is not None:
        return intro, max(0.5, intro.confidence - 0.05), "colon"
    # a paragraph of quotation with no cue continues the previous speaker
    if prev_speaker is not None and _starts_paragraph(doc, first) and 0 < first.para - prev_speaker[0] <= 2:
        return None, 0.65, "continued"
    if (
        prev_speaker is not None
        and first.para == prev_speaker[0]
        and (_starts_paragraph(doc, first) or _starts_sentence(doc, first))
    ):
        return None, 0.6, "continued"
    # the next sentence in the paragraph names the speaker ("“...” He said.")
    si = _sent_of(doc, last.end)
    if si + 1 < len(doc.sents) and _para_of(doc, doc.sents[si + 1][0]) == last.para:
        for cue in by_sent.get(si + 1, ()):
            if cue.mention is not None and cue.mention.kind in ("pronoun", "name"):
                return cue, cue.confidence - 0.2, "cue"
    return None, 0.3, "none"


_BELIEF_FORMS = frozenset(forms_of(["think", "believe"]))


def _starts_sentence(doc: _Doc, seg: _Seg) -> bool:
    ss = doc.sents[_sent_of(doc, seg.open_pos)][0] if doc.sents else 0
    return not doc.masked[ss : seg.open_pos].strip()


def _starts_paragraph(doc: _Doc, seg: _Seg) -> bool:
    ps = doc.paras[seg.para][0]
    return seg.open_pos - ps < _WINDOW and not doc.text[ps : seg.open_pos].strip(" -–—•*")


def _near_start(doc: _Doc, seg: _Seg) -> int:
    """The paragraph start, or a bounded window before the quote in a huge paragraph.

    Every look-back is bounded so that a one-line megabyte of text stays linear.
    """
    return max(doc.paras[seg.para][0], seg.open_pos - _WINDOW)


def _colon_intro(doc: _Doc, seg: _Seg, by_sent: dict[int, list[_Cue]]) -> _Cue | None:
    m = doc.masked
    ps = _near_start(doc, seg)
    before = m[ps : seg.open_pos].rstrip()
    if before.endswith(":"):
        si = _sent_of(doc, ps + len(before) - 1)
        got = _last_cue_of(doc, si, by_sent)
        if got:
            return got
    if before or seg.para == 0:
        return None
    pps, ppe = doc.paras[seg.para - 1]
    prev = m[pps:ppe].rstrip()
    if prev.endswith(":"):
        return _last_cue_of(doc, _sent_of(doc, ppe - 1), by_sent)
    return None


def _last_cue_of(doc: _Doc, si: int, by_sent: dict[int, list[_Cue]]) -> _Cue | None:
    """The cue nearest the end of sentence `si` (the one before its colon)."""
    cues = by_sent.get(si)
    return cues[-1] if cues else None


def _kind(doc: _Doc, segs: list[_Seg], attributed: bool) -> str:
    """direct, partial or other (titles and scare quotes)."""
    first = segs[0]
    content = doc.text[first.start : first.end]
    nwords = sum(len(doc.text[s.start : s.end].split()) for s in segs)
    if nwords <= 10:
        before = doc.masked[max(doc.paras[first.para][0], first.open_pos - 40) : first.open_pos]
        prev_words = _ALPHA_RE.findall(before)[-3:]
        if prev_words and any(w.lower() in _TITLE_NOUNS for w in prev_words[-2:]):
            if not (prev_words[-1].lower() == "called" and content[:1].islower()):
                return "other"
    if (
        nwords <= 8
        and _title_case(content)
        and not _starts_paragraph(doc, first)
        and not content.rstrip().endswith(("!", "?"))
    ):
        return "other"
    embedded = _embedded(doc, first)
    if not attributed:
        if nwords <= 4 or embedded:
            return "other"
        return "direct"
    if embedded:
        return "partial"
    if content[:1].islower() and not _continues_split(doc, segs[0]):
        return "partial"
    return "direct"


def _continues_split(doc: _Doc, seg: _Seg) -> bool:
    """“We will,” he said, “and soon.”: the second part continues a direct quote."""
    ps = _near_start(doc, seg)
    before = doc.masked[ps : seg.open_pos].rstrip()
    if not before.endswith(","):
        return False
    k = before.rfind(MASK)
    return k >= 0 and len(before) - k < 60


def _embedded(doc: _Doc, seg: _Seg) -> bool:
    """Is the opening mark inside the writer's own clause ('would “not suit” Russia')?"""
    j = seg.open_pos - 1
    ps = doc.paras[seg.para][0]
    while j >= ps and doc.text[j] == " ":
        j -= 1
    return j >= ps and (doc.text[j].isalnum() or doc.text[j] in "’'")


_ALPHA_RE = re.compile(r"[A-Za-z]+")
_TITLE_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SMALL_WORDS = frozenset("a an the of and or in on at to for from by with vs is it as but nor de la del".split())


def _title_case(content: str) -> bool:
    """Every word capitalised but the small ones: "The Art of the Deal".

    Words are read one by one and the test stops at the first lower-case word,
    because most quotations are long sentences that fail within a few words.
    """
    n = 0
    has_big = False
    for hit in _TITLE_WORD_RE.finditer(content):
        w = hit.group()
        n += 1
        if n == 1 and not w[0].isupper():
            return False
        if w.lower() in _SMALL_WORDS:
            continue
        if not w[0].isupper():
            return False
        has_big = True
    return n >= 2 and has_big


# --------------------------------------------------------------------------------------
# Reported speech
# --------------------------------------------------------------------------------------
def _reported(doc: _Doc, cues: list[_Cue], segs: list[_Seg]) -> list[Quote]:
    out: list[Quote] = []
    m = doc.masked
    # sentences with a verb of speech: a noun there ("Asked about the Reuters report, Peskov
    # said ...") names no speaker of its own
    spoken = {c.sent for c in cues if c.speaker and not c.noun}
    for cue in cues:
        unsourced = not cue.speaker and cue.mention is not None and cue.mention.kind == "clause"
        if not (cue.speaker or unsourced) or not cue.reportable or cue.noun and cue.sent in spoken:
            continue
        if not doc.sents:
            break
        if cue.inverted and cue.word != "according to":
            continue  # ", said X" attributes the quotation before it
        ss, se = doc.sents[cue.sent]
        span = _reported_span(doc, cue, ss, se)
        if span is None:
            continue
        s, e = span
        body = m[s:e]
        masked_share = body.count(MASK) / max(1, len(body))
        if masked_share > 0.5:
            continue
        text = doc.text[s:e]
        if len(text.split()) < 4 or (unsourced or cue.noun) and not masked_share:
            continue  # with no speaker (or no verb), only a clause that quotes words is worth keeping
        # indirect speech that quotes some words is a partial quotation at clause level
        kind = "partial" if masked_share > 0 else "reported"
        out.append(
            Quote(
                doc.id,
                s,
                e,
                text,
                kind,
                cue.speaker,
                cue.word,
                round(max(0.05, cue.confidence - 0.2), 2),
                cue.mention.text if cue.mention else None,
                cue.start,
                cue.end,
            )
        )
    return out


# what still makes the tail of "“...,” X said" speech: a that-clause ("..., adding that ..."), the
# question answered, a source, or a participle naming what was meant ("..., citing low growth")
_TAIL_CONTENT_RE = re.compile(
    r"\b(?:that|asked|according to)\b|,\s+(?:\w+ly\s+)?(?:citing|referring|referencing|alluding|quoting|mocking)\b"
)
_SPEAK_FORMS = frozenset({"speak", "speaks", "spoke", "spoken"})
# what a verb of speaking needs to report something: a topic ("spoke of his faith", "spoke out
# against", "speak up about"), after any adverbs
_SPOKE_OF_RE = re.compile(r"(?:\s+\w+ly)*\s+(?:of|about|out|up\s+(?:about|for|against))\b")
_ADDED_NP_RE = re.compile(r"\s+(?:to|another|more|\d)\b")  # not "added the deal was dead"
_AGREE_FORMS = frozenset(forms_of(["agree"]))
# "agreed upon in April", "can agree on —": a stranded preposition ("agreed on creating" says what)
_AGREE_ON_RE = re.compile(r"(?:\s+\w+ly)*\s+(?:upon\b|on\b(?=\s*(?:[,.;:—–)]|$)))")
_AGREE_TO_RE = re.compile(r"(?:\s+\w+ly)*\s+to\s+(?!the\b|a\b|an\b|this\b|that\b|his\b|her\b|their\b|its\b)[a-z]+")
_MODAL_VERBS = frozenset("could would may might will can should shall must".split())


def _after_modal(doc: _Doc, cue: _Cue) -> bool:
    """ "could (broadly) agree": a possible act, not something said."""
    k = bisect.bisect_left(doc.token_starts, cue.start) - 1
    while k >= 0 and doc.lows[k].endswith("ly") and not doc.gaps[k + 1].strip():
        k -= 1
    return k >= 0 and doc.lows[k] in _MODAL_VERBS and not doc.gaps[k + 1].strip()


_OBJ_RE = re.compile(
    r"\s+(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|reporters|journalists|the \w+|him|her|them|us|me|lawmakers|supporters|voters|the audience|the crowd|[a-z]+ers)(?=[\s,.:;])"
)
_THAT_RE = re.compile(r"\s*(?:,\s*)?(?:that\b|on\b|about\b|against\b|at\b|of\b)?")


def _reported_span(doc: _Doc, cue: _Cue, ss: int, se: int) -> tuple[int, int] | None:
    """The reported clause of a cue, from its source (or the verb) to the clause end.

    "X said (that) CLAUSE." runs from X; after an apposition ("X, a ..., noted that")
    it runs from the verb; "According to X, CLAUSE" and "CLAUSE, X said" take the
    whole sentence. A clause that opens with "While ..." ends at its comma.
    """
    m = doc.masked
    end = se
    while end > ss and (m[end - 1] in ' \n"”’»' or m[end - 1] == MASK and doc.text[end - 1] in '"”'):
        end -= 1
    if cue.word == "according to":
        return ss, end
    rest = m[cue.end : end]
    if not rest.strip(" ,.;:") or rest.lstrip().startswith((",", ".")) and _parenthetical(m, cue, ss):
        # "CLAUSE, X said." or "If ..., the sources said, CLAUSE."
        lead_end = cue.mention.start if cue.mention is not None and cue.mention.start < cue.start else cue.start
        content = m[ss:lead_end] + rest
        quoted = content.count(MASK) + content.count("“") + content.count("”") + content.count('"')
        if quoted > 0.5 * len(content.strip()):
            return None  # the content is a direct quotation, attributed already
        return ss, end
    if rest.lstrip()[:1] in (":", MASK, "“", '"'):
        return None  # introduces a direct quotation
    if cue.quote_before and MASK not in rest and not _TAIL_CONTENT_RE.search(rest):
        return None  # "“...,” Steyer said in a statement.": the tail says where, not what
    if MASK not in rest and _no_words(doc, cue, m, end):
        return None  # (a clause that quotes some words stays a partial quotation)
    content_start = cue.end
    if cue.word in _OBJECT_VERBS:
        obj = _OBJ_RE.match(m, content_start, end)  # "told Reuters", "warned reporters"
        if obj:
            content_start = obj.end()
    lead = _THAT_RE.match(m, content_start, end)
    if lead:
        content_start = lead.end()
    if end - content_start < 12:
        return None
    first_word = m[ss : ss + 12].split(" ", 1)[0].lower().strip(",")
    comma = m.find(",", ss, end)
    if first_word == "as" and cue.end <= comma and m[cue.end : comma].strip().count(" ") < 3:
        return ss, end  # "As Byler pointed out, CLAUSE": like "according to"
    if first_word in _SUBORDINATORS and cue.start < m.find(",", ss, end):
        comma = m.find(",", cue.end, end)
        if comma > 0:
            end = comma
    else:
        cut = _CLAUSE_CUT_RE.search(m, content_start, end)
        if cut:
            end = cut.start()
    start = cue.start
    if cue.mention is not None and not cue.inverted and cue.mention.start < cue.start:
        between = m[cue.mention.end : cue.start]
        if "," not in between and "—" not in between:
            start = _np_start(doc, ss, cue.mention.start)
    if end - start < 12:
        return None
    return start, end


def _no_words(doc: _Doc, cue: _Cue, m: str, end: int) -> bool:
    """Does the verb tell of an act rather than of words said?"""
    if cue.word in _SPEAK_FORMS:
        return not _SPOKE_OF_RE.match(m, cue.end, end)  # "spoke at a memorial", "spoke to reporters"
    if cue.word == "added":
        return bool(_ADDED_NP_RE.match(m, cue.end, end))  # "added another layer", "added to her lead"
    if cue.word in _AGREE_FORMS:  # "agreed upon in April", "could agree to freeze the conflict"
        return bool(
            _AGREE_ON_RE.match(m, cue.end, end) or _AGREE_TO_RE.match(m, cue.end, end) and _after_modal(doc, cue)
        )
    return False


def _parenthetical(m: str, cue: _Cue, ss: int) -> bool:
    return "," in m[ss : cue.start] or m[ss : cue.start].strip() == ""


def _np_start(doc: _Doc, ss: int, pos: int) -> int:
    """Start of the noun phrase holding `pos`: back to the clause boundary, subordinators dropped."""
    m = doc.masked
    b = _last_boundary(m[ss:pos], pos - ss)
    start = ss + b
    toks = _tokens_in(doc, start, pos + 1)
    for s, _, w in toks:
        if w.lower() in _SUBORDINATORS or w.lower() in {"but", "and", "so", "yet", "however", "meanwhile", "also"}:
            continue
        return s
    while start < pos and m[start].isspace():
        start += 1
    return start
