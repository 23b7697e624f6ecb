"""W3C-style selectors for tagged passages, and re-anchoring them when a text changes.

A passage is remembered the way web annotations remember it (W3C Web Annotation model,
as in the Hypothesis client): a ``TextPositionSelector`` (start, end) plus a
``TextQuoteSelector`` (the exact words and ~32 characters of context either side).
When the article's text changes, :func:`reanchor` finds the passage again, in order:

1. **position** — the exact words are still at ``start:end`` with their context;
2. **quote** — the exact words elsewhere; among several copies the one whose context
   agrees best wins, then the one nearest the old position;
3. **fuzzy** — an approximate match (edit similarity >= 0.85) whose context agrees,
   snapped to word boundaries; searched near the old position first, then everywhere;
4. otherwise **orphan** — the tag is kept and shown, never moved to other words.

A passage longer than ``LONG`` characters is found in step 3 by its ends instead: its
first and last 64 characters are anchored as short passages, and the words between are
checked block by block. Edit distance over a 200,000-character passage took 48 s in
pure Python; this takes a fraction of a second and accepts the same small edits.

Approximate matching uses Myers' bit-parallel edit-distance algorithm on Python ints,
so a search is one pass over the text with a handful of integer operations per
character, fast enough for whole articles in pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Selector

CONTEXT = 32  # characters of prefix/suffix kept, as the Hypothesis client does
MIN_SIMILARITY = 0.85  # fuzzy matches must be at least this similar to the exact words
MIN_CONTEXT = 0.5  # context similarity to trust a short or fuzzy match (chance: <= 0.33)
DISTINCTIVE = 32  # an exact quote this long is trusted even when its context changed
ANCHOR_CHARS = 12  # context characters that must survive to pin a fuzzy match's edge
NEAR = 512  # extra characters either side of the old position searched first
EXCELLENT = 1.95  # a near match this good (similarity + context) ends the search
LONG = 2000  # characters: a longer passage is found again by its ends (see `_by_ends`)
PIECE = 64  # characters of a long passage's head or tail searched for
PIECES = 4  # pieces tried at each end before giving up (the edit may hit the first)
BLOCK = 32  # characters: a long match is checked block by block

ANCHORED = "anchored"
MOVED = "moved"
ORPHAN = "orphan"


@dataclass(frozen=True)
class Anchor:
    """Where a selector lands in a text; ``start == end == -1`` for an orphan."""

    start: int
    end: int
    status: str  # "anchored" | "moved" | "orphan"


ORPHAN_ANCHOR = Anchor(-1, -1, ORPHAN)


def make_selector(text: str, start: int, end: int, context: int = CONTEXT) -> Selector:
    """Describe ``text[start:end]`` by position and by quote with its context."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"bad passage range {start}:{end} for a text of {len(text)} chars")
    return Selector(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def reanchor(selector: Selector, text: str) -> Anchor:
    """Find the passage described by ``selector`` in ``text`` (see the module doc)."""
    if not selector.exact:
        return ORPHAN_ANCHOR
    if fits_position(selector, text):
        return Anchor(selector.start, selector.end, ANCHORED)
    found, context = _by_quote(selector, text)
    if found is None or context < MIN_CONTEXT:
        # A long quote copied elsewhere, out of context, is only a last resort: the
        # passage itself may still be here with a small edit.
        fuzzy = _by_ends if len(selector.exact) > LONG else _by_fuzzy
        found = fuzzy(selector, text) or found
    if found is None:
        return ORPHAN_ANCHOR
    start, end = found
    same = (start, end) == (selector.start, selector.end) and text[start:end] == selector.exact
    return Anchor(start, end, ANCHORED if same else MOVED)


# -- step 1 and 2: position and exact quote ----------------------------------------------


def fits_position(sel: Selector, text: str) -> bool:
    """The fast path: words and full context unchanged at the old position."""
    s, e = sel.start, sel.end
    return (
        0 <= s < e <= len(text)
        and text[s:e] == sel.exact
        and text[max(0, s - len(sel.prefix)) : s] == sel.prefix
        and text[e : e + len(sel.suffix)] == sel.suffix
    )


def _by_quote(sel: Selector, text: str) -> tuple[tuple[int, int] | None, float]:
    """The copy of the exact words whose context agrees best, then the nearest one.

    Returns the span (None when there is no trustworthy copy) and its context score.
    """
    whole = _with_full_context(sel, text)
    if whole is not None:
        return (whole, whole + len(sel.exact)), 1.0
    best: tuple[float, int, int] | None = None  # (-context score, distance, start)
    pos = text.find(sel.exact)
    while pos != -1:
        score = context_score(sel, text, pos, pos + len(sel.exact))
        key = (-score, abs(pos - sel.start), pos)
        if best is None or key < best:
            best = key
        pos = text.find(sel.exact, pos + 1)
    if best is None:
        return None, 0.0
    score, start = -best[0], best[2]
    if score < MIN_CONTEXT and len(sel.exact) < DISTINCTIVE:
        return None, score  # a few common words with foreign context: not provably ours
    return (start, start + len(sel.exact)), score


def _with_full_context(sel: Selector, text: str) -> int | None:
    """Start of the copy nearest the old position that still has all its context.

    The common case (text added or removed elsewhere) found with plain ``str.find``, so a
    tag on a frequent word does not score hundreds of copies.
    """
    window = sel.prefix + sel.exact + sel.suffix
    best: int | None = None
    pos = text.find(window)
    while pos != -1:
        start = pos + len(sel.prefix)
        if best is None or abs(start - sel.start) < abs(best - sel.start):
            best = start
        pos = text.find(window, pos + 1)
    return best


def context_score(sel: Selector, text: str, start: int, end: int) -> float:
    """How well the text around ``start:end`` agrees with the selector's prefix/suffix.

    Edit similarity over both sides together, in [0, 1]; 1.0 when the selector has no
    context (the passage was the whole text).
    """
    total = len(sel.prefix) + len(sel.suffix)
    if total == 0:
        return 1.0
    before = text[max(0, start - len(sel.prefix)) : start]
    after = text[end : end + len(sel.suffix)]
    errors = edit_distance(sel.prefix, before) + edit_distance(sel.suffix, after)
    return max(0.0, 1.0 - errors / total)


# -- step 3: fuzzy -------------------------------------------------------------------------


def _by_fuzzy(sel: Selector, text: str) -> tuple[int, int] | None:
    """A strict approximate match: near the old position first, then the whole text.

    The near window is only a shortcut: unless its best match is near perfect, the
    whole text is searched too and a better match further away wins (a paragraph
    deleted above the passage can move it past a look-alike line).
    """
    max_errors = int(len(sel.exact) * (1 - MIN_SIMILARITY))
    if max_errors == 0:
        return None  # too short for an approximate match to mean anything
    reach = NEAR + 2 * len(sel.exact)
    lo = max(0, min(sel.start, len(text)) - reach)
    hi = min(len(text), max(sel.end, 0) + reach)
    best = _best_fuzzy(sel, text, lo, hi, max_errors)
    if (best is None or -best[0] < EXCELLENT) and (lo > 0 or hi < len(text)):
        anywhere = _best_fuzzy(sel, text, 0, len(text), max_errors)
        if anywhere is not None and (best is None or anywhere < best):
            best = anywhere
    return None if best is None else (best[2], best[3])


def _best_fuzzy(sel: Selector, text: str, lo: int, hi: int, max_errors: int) -> tuple[float, int, int, int] | None:
    """The best match in ``text[lo:hi]`` as (-quality, distance, start, end).

    Quality is word similarity plus context agreement (at most 2.0).
    """
    best: tuple[float, int, int, int] | None = None
    for end in _match_ends(sel.exact, text[lo:hi], max_errors):
        span = _match_span(sel, text, lo + end, max_errors)
        if span is None:
            continue
        s, e = span
        quality = similarity(sel.exact, text[s:e]) + context_score(sel, text, s, e)
        key = (-quality, abs(s - sel.start), s, e)
        if best is None or key < best:
            best = key
    return best


def _match_ends(pattern: str, text: str, max_errors: int) -> list[int]:
    """End offsets of the best approximate matches: one per run of close-enough ends."""
    ends: list[int] = []
    run: tuple[int, int] | None = None  # (errors, end) of the best end in this run
    for j, errors in enumerate(_myers(pattern, text, anchored=False), start=1):
        if errors <= max_errors:
            if run is None or errors < run[0]:
                run = (errors, j)
        elif run is not None:
            ends.append(run[1])
            run = None
    if run is not None:
        ends.append(run[1])
    return ends


def _match_span(sel: Selector, text: str, end: int, max_errors: int) -> tuple[int, int] | None:
    """Where the match ending at ``end`` starts, snapped to words, if still good enough."""
    window_start = max(0, end - len(sel.exact) - max_errors)
    # Align the reversed quote with the reversed text that ends at `end`.
    scores = _myers(sel.exact[::-1], text[window_start:end][::-1], anchored=True)
    if not scores:
        return None
    target = len(sel.exact)
    length = min(range(1, len(scores) + 1), key=lambda n: (scores[n - 1], abs(n - target)))
    s, e = _snap(sel, text, end - length, end)
    s, e = _extend_to_context(sel, text, s, e, max_errors)
    if e <= s or similarity(sel.exact, text[s:e]) < MIN_SIMILARITY:
        return None
    if context_score(sel, text, s, e) < MIN_CONTEXT:
        return None
    return s, e


def _extend_to_context(sel: Selector, text: str, start: int, end: int, slack: int) -> tuple[int, int]:
    """Stretch a fuzzy match to meet its surviving context.

    The cheapest alignment may leave out an edited word at the edge of the passage
    ("She also said" -> "She then said" matched as "said"); when the words that used
    to touch the passage are still right there, the passage starts (ends) at them.
    """
    reach = 2 * slack + ANCHOR_CHARS
    tail = sel.prefix[-ANCHOR_CHARS:]
    if tail:
        found = text.rfind(tail, max(0, start - reach), start)
        new_start = found + len(tail) if found != -1 else start
    else:
        new_start = 0 if start <= reach else start  # the passage opened the text
    head = sel.suffix[:ANCHOR_CHARS]
    if head:
        found = text.find(head, end, end + reach)
        new_end = found if found != -1 else end
    else:
        new_end = len(text) if len(text) - end <= reach else end  # it closed the text
    for s, e in ((new_start, new_end), (new_start, end), (start, new_end)):
        if (s, e) != (start, end) and s < e and similarity(sel.exact, text[s:e]) >= MIN_SIMILARITY:
            return s, e
    return start, end


def _snap(sel: Selector, text: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of a fuzzy match to word boundaries where the original had them.

    A selection that began mid-word keeps a mid-word start; otherwise the start moves
    to whichever neighbouring boundary makes the match most similar (same for the end).
    """
    starts = [start]
    if _was_boundary(sel.prefix[-1:], sel.exact[:1]) and not _is_boundary(text, start):
        starts = [_word_start(text, start), _word_end(text, start)]
    ends = [end]
    if _was_boundary(sel.exact[-1:], sel.suffix[:1]) and not _is_boundary(text, end):
        ends = [_word_start(text, end), _word_end(text, end)]
    starts = [_skip_space(text, s, sel.exact[:1], +1) for s in starts]
    ends = [_skip_space(text, e, sel.exact[-1:], -1) for e in ends]
    options = [(s, e) for s in starts for e in ends if s < e]
    if not options:
        return start, end
    return min(options, key=lambda se: (edit_distance(sel.exact, text[se[0] : se[1]]), se))


def _was_boundary(left: str, right: str) -> bool:
    return not (left.isalnum() and right.isalnum())


def _is_boundary(text: str, i: int) -> bool:
    return i <= 0 or i >= len(text) or _was_boundary(text[i - 1], text[i])


def _word_start(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    while i < len(text) and text[i].isalnum():
        i += 1
    return i


def _skip_space(text: str, i: int, original_edge: str, step: int) -> int:
    """Drop whitespace the original selection did not have at this edge."""
    if original_edge.isspace():
        return i
    if step > 0:
        while i < len(text) and text[i].isspace():
            i += 1
    else:
        while i > 0 and text[i - 1].isspace():
            i -= 1
    return i


# -- step 3 for long passages: by their ends -------------------------------------------------


def _by_ends(sel: Selector, text: str) -> tuple[int, int] | None:
    """A long passage with small edits: its head and tail found again, and the words
    between them kept for at least ``MIN_SIMILARITY`` of its length (by blocks)."""
    n = len(sel.exact)
    start = _end_piece(sel, text, head=True)
    end = _end_piece(sel, text, head=False)
    if start is None or end is None:
        return None
    slack = int(n * (1 - MIN_SIMILARITY))
    if not n - slack <= end - start <= n + slack:
        return None
    if _kept(sel.exact, text[start:end], slack) < MIN_SIMILARITY:
        return None
    return start, end


def _end_piece(sel: Selector, text: str, *, head: bool) -> int | None:
    """Where the passage starts (``head``) or ends in ``text``, from a short piece of it.

    The first piece that anchors wins; when an edit hit it, the next one in is tried and
    the edge is inferred from it (then snapped to a word as the passage's edge was).
    """
    n, ex = len(sel.exact), sel.exact
    for k in range(PIECES):
        if head:
            a, b = k * PIECE, (k + 1) * PIECE
            prefix = (sel.prefix + ex[:a])[-CONTEXT:]
            suffix = ex[b : b + CONTEXT]
        else:
            a, b = n - (k + 1) * PIECE, n - k * PIECE
            prefix = ex[max(0, a - CONTEXT) : a]
            suffix = (ex[b:] + sel.suffix)[:CONTEXT]
        if a < 0 or b > n or (b - a) * 2 > n:
            return None
        piece = Selector(sel.start + a, sel.start + b, ex[a:b], prefix, suffix)
        found = reanchor(piece, text)
        if found.status == ORPHAN:
            continue
        if head:
            edge = max(0, found.start - a)
            return edge if k == 0 else _skip_space(text, _word_start(text, edge), ex[:1], +1)
        edge = min(len(text), found.end + (n - b))
        return edge if k == 0 else _skip_space(text, _word_end(text, edge), ex[-1:], -1)
    return None


def _kept(old: str, new: str, slack: int) -> float:
    """A lower bound on how much of ``old`` survives in ``new``, in [0, 1].

    ``old`` in blocks of ``BLOCK`` characters, each looked for in ``new`` near where the
    blocks before it put it: a small edit costs the block or two it touches. Linear in
    the length, where an exact edit distance is quadratic.
    """
    if not old:
        return 0.0
    kept, drift = 0, 0
    for i in range(0, len(old) - BLOCK + 1, BLOCK):
        block = old[i : i + BLOCK]
        expected = i + drift
        after = new.find(block, max(0, expected), expected + BLOCK + slack)
        before = new.rfind(block, max(0, expected - slack), max(0, expected) + BLOCK - 1)
        options = [p for p in (after, before) if p != -1]
        if not options:
            continue
        pos = min(options, key=lambda p: abs(p - expected))
        drift = pos - i
        kept += BLOCK
    return kept / max(len(old), len(new))


# -- edit distance (Myers 1999, Hyyrö's formulation) ----------------------------------------


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between ``a`` and ``b``."""
    if not a or not b:
        return len(a) + len(b)
    return _myers(a, b, anchored=True)[-1]


def similarity(a: str, b: str) -> float:
    """1 - edit distance / length of the longer string, in [0, 1]."""
    longest = max(len(a), len(b))
    return 1.0 if longest == 0 else 1.0 - edit_distance(a, b) / longest


def _myers(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Edit distance of ``pattern`` against ``text`` at every end position ``j``.

    ``anchored=False``: best match of the pattern ending at ``j`` (substring search).
    ``anchored=True``: distance between the pattern and ``text[:j]``.
    Entry ``j - 1`` of the result holds the value for end position ``j``.
    """
    m = len(pattern)
    full = (1 << m) - 1
    high = 1 << (m - 1)
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    pv, mv, score = full, 0, m
    carry = 1 if anchored else 0
    out: list[int] = []
    for ch in text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        out.append(score)
    return out
