"""Test helper: add tags to a store in a burst, printing each id once ``add`` returned.

Usage: ``python tag_writer.py DB COUNT LABEL``. A line on stdout is an acknowledgement:
the tests kill this process with SIGKILL and then check every printed id survived.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository root

from index.tags import TagStore  # noqa: E402

TEXT = (
    "The minister said the talks would resume on Monday. Critics said the plan would cost "
    "jobs, and the opposition promised to vote against it when parliament returns."
)


def main(db: str, count: int, label: str) -> None:
    store = TagStore(Path(db))
    for i in range(count):
        start = i % 60
        tag = store.add(f"{label}-{i % 7}", TEXT, start, start + 25, [label, f"n{i % 5}"], note=f"#{i}")
        print(tag.id, flush=True)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
