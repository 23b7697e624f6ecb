"""Nothing from an article drives the terminal: every CLI output path, every screen."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from index.inert import inert, json_text
from tests.security.hostile import ALL, FORBIDDEN, SEQUENCES, leaks, write_hostile_corpus


def test_inert_keeps_offsets_and_leaves_no_control() -> None:
    shown = inert(ALL + "\tplain\n")
    assert len(shown) == len(ALL) + 7
    assert not leaks(shown)
    assert shown.endswith("\tplain\n") and "␛]52" in shown


def test_json_text_escapes_every_control_and_round_trips() -> None:
    data = {"t": ALL, "u": "Zelenskiy — «так»"}
    out = json_text(data)
    assert not leaks(out.replace("\n", ""))
    assert json.loads(out) == data and "«так»" in out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus")


def _run(corpus: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "tui.cli", *args, "--corpus", str(corpus)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r


@pytest.mark.parametrize(
    "args",
    [
        ("index",),
        ("search", "grain"),
        ("search", "speaker:envoy"),
        ("quotes",),
        ("compare", "evil", "plain"),
        ("tags", "list"),
        ("tags", "export", "--format", "md"),
        ("tags", "export", "--format", "csv"),
    ],
    ids=lambda a: "-".join(a),
)
def test_cli_text_output_is_inert(corpus: Path, args: tuple[str, ...]) -> None:
    _run(corpus, "tags", "add", "evil", "--start", "0", "--end", "60", "--tag", "grain")
    r = _run(corpus, *args)
    assert not leaks(r.stdout) and not leaks(r.stderr)
    if args[0] in ("search", "quotes", "compare") or args[-1] == "md":
        assert "␛" in r.stdout  # shown, not dropped


@pytest.mark.parametrize(
    "args",
    [("search", "grain", "--json"), ("quotes", "--json"), ("tags", "list", "--json"), ("tags", "export")],
    ids=lambda a: "-".join(a),
)
def test_cli_json_is_exact_and_inert(corpus: Path, args: tuple[str, ...]) -> None:
    _run(corpus, "tags", "add", "evil", "--start", "0", "--end", "60", "--tag", "grain")
    r = _run(corpus, *args)
    assert not leaks(r.stdout.replace("\n", "")) and not leaks(r.stderr)
    assert any(SEQUENCES["osc52-clipboard"] in s for s in _strings(json.loads(r.stdout)))  # exact once decoded


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    return [s for item in data for s in _strings(item)] if isinstance(data, list) else []


async def test_no_screen_shows_a_control_character(corpus: Path) -> None:
    from index.library import Library
    from tests.tui.helpers import screen_text, wait_for
    from tui.app import QuotewireApp

    lib = Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)
    lib.update()
    lib.add_tag("evil", 0, 60, ["grain"], note="note " + ALL)
    app = QuotewireApp(lib)

    def clean() -> bool:
        text = screen_text(app)
        assert not {ch for ch in text if ch in FORBIDDEN}, repr(text)
        return True

    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "evil" in screen_text(app) or "␛" in screen_text(app))
        clean()
        for keys in (
            ("slash", *"grain", "enter"),  # search results
            ("enter",),  # the reader, at the hit
            ("right_square_bracket", "enter"),  # quote detail
            ("escape", "s"),  # quotes by speaker
            ("escape", "c"),  # compare picker
            ("enter",),  # compare panes
            ("escape", "T"),  # tags screen
            ("ctrl+p", *"Open"),  # command palette
        ):
            await pilot.press(*keys)
            await pilot.pause(0.3)
            clean()
