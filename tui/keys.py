"""Bindings as a person reads them: for the help screen."""

from __future__ import annotations

from textual.app import App
from textual.screen import Screen


def describe_bindings(app: App, screen: Screen) -> list[tuple[str, str, str]]:
    """(keys, description, id) for the screen's bindings then the app's, as remapped now."""
    order: list[str] = []
    keys: dict[str, list[str]] = {}
    info: dict[str, tuple[str, str]] = {}
    for owner in (screen, app):
        for bindings in owner._bindings.key_to_bindings.values():
            for b in bindings:
                ident = b.id or b.action
                if ident not in info:
                    order.append(ident)
                    info[ident] = (b.description or b.action, b.id or "")
                    keys[ident] = []
                shown = app.get_key_display(b)
                if shown not in keys[ident]:
                    keys[ident].append(shown)
    return [(" ".join(keys[i]), info[i][0], info[i][1]) for i in order]
