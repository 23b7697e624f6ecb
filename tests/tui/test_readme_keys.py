"""The README's key table is true: each key it lists is bound, under the id it names, on
every screen it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding

from tui.app import QuotewireApp
from tui.screens.compare import CompareScreen
from tui.screens.library import LibraryScreen
from tui.screens.quotes import QuotesScreen
from tui.screens.reader import ReaderScreen
from tui.screens.tags import TagsScreen
from tui.widgets.lists import KeyedOptionList
from tui.widgets.row_list import RowList

README = Path(__file__).resolve().parents[2] / "README.md"
WHERE = {
    "library": [LibraryScreen],
    "reader": [ReaderScreen],
    "quotes": [QuotesScreen],
    "tags": [TagsScreen],
    "compare": [CompareScreen],
    "lists": [RowList, KeyedOptionList],
    "list": [RowList, KeyedOptionList],
    "everywhere": [QuotewireApp],
}
KEY_NAMES = {
    "?": "question_mark",
    "/": "slash",
    "[": "left_square_bracket",
    "]": "right_square_bracket",
    "esc": "escape",
    "f1": "f1",
}


def _rows() -> list[tuple[list[str], list[str], list[str]]]:
    """(keys, places, ids) of each row of the key table that names ids."""
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## Key bindings") : text.index("Remap any binding")]
    out = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[3].startswith("`"):
            continue
        keys = [k for k in re.findall(r"`([^`]+)`", cells[0]) if "/" not in k or k == "/"]
        keys += [b for k in re.findall(r"`([^`]+)`", cells[0]) if "/" in k and k != "/" for b in k.split("/")]
        places = [w for w in re.findall(r"[a-z]+", cells[1]) if w in WHERE]
        ids = re.findall(r"`([^`]+)`", cells[3])
        out.append((keys, places, ids))
    return out


def _bindings(cls: type) -> list[Binding]:
    return [b for b in getattr(cls, "BINDINGS", []) if isinstance(b, Binding)]


def _keys(b: Binding) -> set[str]:
    return {k.strip() for k in b.key.split(",")}


@pytest.mark.parametrize("row", _rows(), ids=lambda r: "/".join(r[2]))
def test_each_key_of_the_readme_is_bound_where_it_says(row: tuple[list[str], list[str], list[str]]) -> None:
    keys, places, ids = row
    assert places, row
    for place in places:
        bindings = [b for cls in WHERE[place] for b in _bindings(cls)]
        if place != "everywhere":
            bindings += _bindings(QuotewireApp)
        found = [b for b in bindings if b.id in ids]
        assert {b.id for b in found} >= set(ids), (place, ids)
        bound = {k for b in found for k in _keys(b)}
        for key in keys:
            name = KEY_NAMES.get(key.lower(), key)
            assert name in bound or name.lower() in bound, (place, key, ids, bound)
