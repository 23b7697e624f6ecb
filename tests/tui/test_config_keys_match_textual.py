"""`index.config` checks `keys:` without importing Textual, from tables of its own: the
bindings with their ids, where they are live and their keys, and the key names Textual
sends. These tests hold those tables to the app's classes and to Textual's."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual._keyboard_protocol import FUNCTIONAL_KEYS
from textual.binding import Binding
from textual.keys import Keys, _character_to_key
from textual.screen import Screen

import tui
import tui.screens
import tui.widgets
from index.config import BINDINGS, LIST_SCREENS, MODIFIERS, NAMED_KEYS, character_key

PLACES = {
    "QuotewireApp": "app",
    "LibraryScreen": "library",
    "ReaderScreen": "reader",
    "QuotesScreen": "quotes",
    "TagsScreen": "tags",
    "CompareScreen": "compare",
    "ComparePicker": "compare picker",
    "HelpScreen": "help",
    "QuoteDetailScreen": "quote detail",
    "TagPrompt": "tag prompt",
    "KeyedOptionList": "lists",
    "RowList": "lists",
}


def _classes() -> list[type]:
    found: list[type] = []
    for pkg in (tui, tui.screens, tui.widgets):
        for info in pkgutil.iter_modules(pkg.__path__):
            module = importlib.import_module(f"{pkg.__name__}.{info.name}")
            found += [c for _, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module.__name__]
    return found


def test_the_config_knows_every_binding_with_an_id_where_it_is_live_and_its_keys() -> None:
    actual = set()
    for cls in _classes():
        for b in cls.__dict__.get("BINDINGS", []):
            if isinstance(b, Binding) and b.id:
                assert cls.__name__ in PLACES, f"{cls.__name__} binds {b.id!r}: add it to index.config.BINDINGS"
                actual.add((PLACES[cls.__name__], b.id, b.key))
    assert set(BINDINGS) == actual


def test_the_lists_are_on_the_screens_the_config_says() -> None:
    screens = {
        PLACES[c.__name__]
        for c in _classes()
        if issubclass(c, Screen)
        and c.__name__ in PLACES
        and any(w in inspect.getsource(c) for w in ("RowList(", "KeyedOptionList("))
    }
    assert screens == LIST_SCREENS


def test_key_names_are_textuals() -> None:
    bases = {k.value.split("+")[-1] for k in Keys} | set(FUNCTIONAL_KEYS.values())
    named = {b for b in bases if len(b) > 1 and not b.startswith("<") and not b.isdigit()}
    assert named - NAMED_KEYS <= {c for c in named if any(_character_to_key(chr(i)) == c for i in range(32, 127))}
    for i in range(32, 127):
        assert character_key(chr(i)) == _character_to_key(chr(i))
    for key in Keys:
        mods = key.value.split("+")[:-1]
        assert mods == sorted(mods) and set(mods) <= set(MODIFIERS), key.value
