"""The quotation package's shape: small modules, named rules, a measured confidence table."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from index.library import _extraction_sources
from index.quotes.confidence import CONFIDENCE, TABLE
from index.quotes.rules import RULES, SPEAKERLESS, family

PACKAGE = Path(__file__).resolve().parents[2] / "index" / "quotes"
MODULES = sorted(PACKAGE.glob("*.py"))


def test_every_module_is_small_and_says_what_it_does() -> None:
    assert len(MODULES) > 10
    for path in MODULES:
        source = path.read_text(encoding="utf-8")
        assert source.count("\n") <= 600, f"{path.name} has {source.count(chr(10))} lines"
        assert ast.get_docstring(ast.parse(source)), f"{path.name} has no docstring"


def test_every_rule_is_made_somewhere_and_has_a_measured_confidence() -> None:
    """A rule id that no code makes is dead; one the table lacks has no measurement."""
    literals = {
        node.value
        for path in MODULES
        if path.name != "rules.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert set(RULES) <= literals, set(RULES) - literals
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    assert data["generated_by"] == "bench/calibrate_quotes.py"
    assert set(data["rules"]) == set(RULES) == set(CONFIDENCE)
    for rule, value in CONFIDENCE.items():
        assert 0.0 <= value <= 1.0
        assert (value == 0.0) == (rule in SPEAKERLESS), rule  # no speaker: never right
    assert {family(r) for r in RULES} == {"a name", "a pronoun", "another mention", "no cue of its own", "no speaker"}


def test_the_extraction_key_covers_the_whole_package() -> None:
    """Every file of the package, its confidence table too, not a hand-kept list."""
    hashed = set(_extraction_sources())
    assert set(MODULES) <= hashed and TABLE in hashed
