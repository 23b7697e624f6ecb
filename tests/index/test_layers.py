"""`index` is the core: importing it must never pull in Textual."""

from __future__ import annotations

import subprocess
import sys


def test_index_never_imports_textual() -> None:
    code = (
        "import sys, index, index.library, index.search, index.corpus, index.config, index.clean\n"
        "import index.quotes, index.speakers, index.align, index.tags\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


def test_cli_help_does_not_import_textual_or_whoosh() -> None:
    code = (
        "import sys\nfrom tui import cli\n"
        "try:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "bad = [m for m in ('textual', 'whoosh') if m in sys.modules]\nprint(bad, file=sys.stderr)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "search" in r.stdout and "quotes" in r.stdout
