"""Rules of the house that no linter knows: every `type: ignore` says why on its line."""

from __future__ import annotations

import re

from tests.conftest import ROOT

IGNORE = re.compile(r"#\s*type:\s*ignore(\[[^\]]*\])?(?P<rest>.*)$")


def test_every_type_ignore_is_explained_on_its_line() -> None:
    unexplained = []
    for path in sorted([*ROOT.glob("index/**/*.py"), *ROOT.glob("tui/**/*.py")]):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = IGNORE.search(line)
            if m and not re.match(r"\s*#\s*\S", m.group("rest")):
                unexplained.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not unexplained, "a `# type: ignore[code]` needs `# why` after it:\n" + "\n".join(unexplained)
