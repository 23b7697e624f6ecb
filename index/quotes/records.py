"""``Quote`` records, made in one place: every quotation with its speaker, the rule that
decided it, that rule's confidence (``confidence.py``) and the words naming the speaker.

Reads the document, a span and its attribution; returns a ``Quote`` whose text is the
slice of the article it covers and whose mention (text, start, end) is a slice too.
"""

from __future__ import annotations

from index.models import Quote

from .confidence import CONFIDENCE
from .cues import Cue
from .document import Doc
from .mentions import Mention
from .rules import SPEAKERLESS


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
        speaker, named = None, None
        rule = rule if rule in SPEAKERLESS else "unattributed"
    at = doc.offset  # offsets in the record are into the whole article
    return Quote(
        doc.id,
        start + at,
        end + at,
        doc.text[start:end],
        kind,
        speaker,
        cue.word if cue is not None else None,
        CONFIDENCE[rule],
        doc.text[named.start : named.end] if named is not None else None,
        cue.start + at if cue is not None else None,
        cue.end + at if cue is not None else None,
        rule,
        named.start + at if named is not None else None,
        named.end + at if named is not None else None,
    )
