"""Bindings as a person reads them: for the help screen."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen


def describe_bindings(app: App[Any], screen: Screen[Any]) -> list[tuple[str, str, str]]:
    """(keys, description, id) of what can be pressed on `screen` now: the focused
    widget's keys, the screen's, then the app's, as remapped now."""
    order: list[str] = []
    keys: dict[str, list[str]] = {}
    info: dict[str, tuple[str, str]] = {}
    active = list(screen.active_bindings.values())
    # The screen's own keys first, then those of the list or pane with the focus, then the app's.
    active.sort(key=lambda ab: 0 if ab.node is screen else 2 if ab.node is app else 1)
    for _node, b, _enabled, tooltip in active:
        if not b.id:
            continue  # Textual's own (focus next, copy) and unnamed keys of a widget
        ident = b.id or b.action
        if ident not in info:
            order.append(ident)
            info[ident] = (tooltip or b.tooltip or b.description or b.action, b.id or "")
            keys[ident] = []
        shown = app.get_key_display(b)
        if shown not in keys[ident]:
            keys[ident].append(shown)
    return [(" ".join(keys[i]), info[i][0], info[i][1]) for i in order]
