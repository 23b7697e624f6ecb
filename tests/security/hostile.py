"""A corpus that tries to drive the terminal: escape sequences in titles, texts, quotes, ids."""

from __future__ import annotations

from pathlib import Path

SEQUENCES = {
    "osc52-clipboard": "\x1b]52;c;cm0gLXJmIH4K\x07",
    "osc8-link": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "osc0-title": "\x1b]0;pwned\x07",
    "csi-clear": "\x1b[2J\x1b[H",
    "c1-csi": "\x9b31m",
    "carriage-return": "\rOVERWRITTEN",
    "del-and-bell": "\x7f\x07",
}
ALL = "".join(SEQUENCES.values())
# Bytes no terminal output may carry: C0 but tab and newline, DEL, C1.
FORBIDDEN = {chr(c) for c in range(32) if c not in (9, 10)} | {chr(c) for c in range(0x7F, 0xA0)}


def write_hostile_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plain.txt").write_text(
        "Envoys meet again over grain\n\n"
        'The envoy said: "Talks on the grain corridor will resume on Monday." '
        "Officials in both capitals confirmed the date.\n"
    )
    (folder / "evil.txt").write_text(
        f"Envoys meet {ALL} over grain\n\n"
        f'The envoy said: "Talks on the grain corridor {ALL} will resume on Monday." '
        f"Officials in both capitals confirmed the date {ALL}.\n"
    )
    (folder / "name\x1b]0;pwned\x07.txt").write_text("Envoys named in a file name\n\nThe envoy said nothing.\n")
    return folder


def leaks(output: str) -> set[str]:
    return {ch for ch in output if ch in FORBIDDEN}
