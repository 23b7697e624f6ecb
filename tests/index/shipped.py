"""The shipped ``config.yaml`` (speakers, speech verbs), as the quotation tests that read
articles the way quotewire does use it."""

from __future__ import annotations

from pathlib import Path

import yaml

from index.models import Quote
from index.speakers import SpeakerRegistry
from tests.index.test_quotes import quotes_of

CONFIG = yaml.safe_load((Path(__file__).resolve().parents[2] / "config.yaml").read_text(encoding="utf-8"))


def shipped_registry() -> SpeakerRegistry:
    return SpeakerRegistry.from_config(CONFIG["speakers"])


def quotes(text: str, registry: SpeakerRegistry) -> list[Quote]:
    """The quotations of `text` as quotewire reads an article (the default speech verbs)."""
    return quotes_of(text, registry, speech_verbs=CONFIG["speech_verbs"])


def quote_starting(text: str, starts: str, registry: SpeakerRegistry) -> Quote:
    """The first record of `text` whose words start with `starts` (the case tables' lookup)."""
    return next(q for q in quotes(text, registry) if q.text.startswith(starts))
