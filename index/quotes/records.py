"""``Quote`` records, made in one place: every quotation with its speaker, the rule that
decided it, that rule's confidence (``confidence.py``) and the words naming the speaker.

Reads the document, a span and its attribution; returns a ``Quote`` whose text is the
slice of the article it covers and whose mention (text, start, end) is a slice too.
"""

from __future__ import annotations

from dataclasses import fields

from index.models import Quote

from .confidence import CONFIDENCE
from .cues import Cue
from .document import Doc
from .mentions import Mention
from .rules import KEEPS_MENTION, SPEAKERLESS


def make_quote(
    doc: Doc,
    start: int,
    end: int,
    kind: str,
    speaker: str | None,
    rule: str,
    cue: Cue | None = None,
    named: Mention | None = None,
) -> Quote:
    """A quotation or a reported clause; a rule of no speaker drops the speaker and mention."""
    if rule in SPEAKERLESS or speaker is None:
        # no speaker; a document nobody issued keeps its words as the mention ("the
        # congressional report said"), so the reader still sees what the article credits
        speaker, named = None, named if rule in KEEPS_MENTION else None
        rule = rule if rule in SPEAKERLESS else "unattributed"
    at = doc.offset  # offsets in the record are into the whole article
    # (the record's slots set one by one: as Quote(...) does, at half the cost of its
    # frozen __init__, which goes through object.__setattr__ for each field)
    q = _new(Quote)
    _article(q, doc.id)
    _start(q, start + at)
    _end(q, end + at)
    _text(q, doc.text[start:end])
    _kind(q, kind)
    _speaker(q, speaker)
    if cue is not None:
        _cue(q, cue.word)
        _cue_start(q, cue.start + at)
        _cue_end(q, cue.end + at)
    else:
        _cue(q, None)
        _cue_start(q, None)
        _cue_end(q, None)
    _confidence(q, CONFIDENCE[rule])
    _rule(q, rule)
    if named is not None:
        _mention(q, doc.text[named.start : named.end])
        _mention_start(q, named.start + at)
        _mention_end(q, named.end + at)
    else:
        _mention(q, None)
        _mention_start(q, None)
        _mention_end(q, None)
    return q


_new = object.__new__
_SET = {f.name: getattr(Quote, f.name).__set__ for f in fields(Quote)}  # (the slots' own setters)
assert len(_SET) == 14 and not hasattr(Quote, "__post_init__"), "make_quote sets every field of Quote"
_article, _start, _end, _text, _kind = _SET["article"], _SET["start"], _SET["end"], _SET["text"], _SET["kind"]
_speaker, _cue, _cue_start, _cue_end = _SET["speaker"], _SET["cue"], _SET["cue_start"], _SET["cue_end"]
_confidence, _rule, _mention = _SET["confidence"], _SET["rule"], _SET["speaker_mention"]
_mention_start, _mention_end = _SET["mention_start"], _SET["mention_end"]
