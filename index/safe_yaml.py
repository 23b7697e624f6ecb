"""YAML from files we do not control (article front matter, configs), read within bounds.

`yaml.safe_load` runs no code, but it still expands aliases: a 700-byte "billion laughs"
front matter took 545 s and 22 GB, and an alias that refers to itself recursed until
Python gave up. quotewire's YAML never needs anchors, so a document that uses one is
refused with the line it is on, and so is one too deep or too large, before anything
is built from it.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_EVENTS = 200_000  # scalars, keys and collections: a config has a few hundred
MAX_DEPTH = 64


class YamlRefused(ValueError):
    """A YAML document that quotewire will not build; `line` is 1-based, or None."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def _loader() -> type[Any]:
    # libyaml's parser when pyyaml was built with it: ten times faster at start-up.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check(text: str) -> None:
    """Raise `YamlRefused` for aliases, anchors, excessive depth or size; `yaml.YAMLError`
    for text that is not YAML at all."""
    depth = events = 0
    for event in yaml.parse(text, Loader=_loader()):
        events += 1
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlRefused("anchors and aliases (&name, *name) are not allowed", line)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlRefused(f"nested more than {MAX_DEPTH} levels deep", line)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if events > MAX_EVENTS:
            raise YamlRefused(f"more than {MAX_EVENTS} values", line)


def compose(text: str) -> yaml.Node | None:
    """The node tree of a checked document (for callers that need line numbers)."""
    check(text)
    return yaml.compose(text, Loader=_loader())


def load(text: str) -> Any:
    """Plain data (dicts, lists, scalars) from a checked document."""
    check(text)
    return yaml.load(text, Loader=_loader())
