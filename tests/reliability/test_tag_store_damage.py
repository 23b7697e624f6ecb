"""A damaged tag store: nothing more is written, what can be read is shown, and
`quotewire tags salvage` recovers every readable tag; rolling backups (#19, item 7)."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.anchoring import make_selector
from index.tag_salvage import DAMAGED_TAG, page_rows, salvage, write_store
from index.tags import BACKUPS_KEPT, Tag, TagStore, TagStoreDamaged
from tests.index.tag_writer import TEXT

SEED_ID = "000_3db5e493d445b404"
WRITER = Path(__file__).resolve().parents[1] / "index" / "tag_writer.py"


def qw(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args, "--corpus", os.environ["XDG_CONFIG_HOME"]],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def db() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "quotewire" / "tags.sqlite3"


def _fill(db: Path, count: int = 2000) -> dict[int, tuple]:
    """``count`` passages, written in batches (one fsync'd commit each would take seconds)."""
    drafts = []
    for i in range(count):
        sel = make_selector(TEXT, i % 60, i % 60 + 25)
        drafts.append(
            Tag(
                0,
                f"a{i % 7}",
                "",
                sel.start,
                sel.end,
                sel.exact,
                sel.prefix,
                sel.suffix,
                ("x", f"n{i % 5}"),
                f"#{i}",
                "",
            )
        )
    with TagStore(db, backups=False) as store:
        for at in range(0, count, 100):
            store.add_many(drafts[at : at + 100])
        return {t.id: _fields(t) for t in store.list()}


def _fields(t) -> tuple:
    return (t.id, t.article, t.start, t.end, t.exact, t.prefix, t.suffix, t.tags, t.note, t.created)


def _random_bytes(db: Path, seed: int, spots: int = 3) -> None:
    """What the probe did: 64 random bytes at a few places past the header."""
    data = bytearray(db.read_bytes())
    rng = random.Random(seed)
    for _ in range(spots):
        at = rng.randrange(100, len(data) - 64)
        data[at : at + 64] = rng.randbytes(64)
    db.write_bytes(bytes(data))


def _page(db: Path, kind: str) -> int:
    """A page of the annotations table of the given kind ('internal' or 'leaf')."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'annotations' AND pagetype = ? ORDER BY pageno", (kind,)
        ).fetchall()
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find a page by kind")
    finally:
        conn.close()
    return rows[len(rows) // 2][0]


def _smash(db: Path, page: int, size: int = 4096) -> None:
    data = bytearray(db.read_bytes())
    at = (page - 1) * size
    data[at + 8 : at + 200] = bytes(range(192))  # its cell pointers and header: gone
    db.write_bytes(bytes(data))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_damaged_store_is_listed_and_never_written(db: Path, seed: int) -> None:
    made = _fill(db)
    _random_bytes(db, seed)
    before = _digest(db)
    r = qw("tags", "list", "--json")
    assert r.returncode == 1
    listed = json.loads(r.stdout)
    assert len(listed) >= 0.9 * len(made)
    line = _one_line(r.stderr)
    assert "damaged" in line and "tags salvage" in line
    for cmd in (["tags", "add", SEED_ID, "--start", "0", "--end", "3", "--tag", "t"], ["tags", "rm", "5"]):
        r = qw(*cmd)
        assert r.returncode == 1 and "damaged" in _one_line(r.stderr), r.stderr
    r = qw("tags", "export", "--format", "jsonl")
    assert r.returncode == 1 and "damaged" in _one_line(r.stderr)
    assert _digest(db) == before  # nothing was written into the damaged file


def test_salvage_recovers_every_tag_under_a_damaged_interior_page(db: Path, tmp_path: Path) -> None:
    made = _fill(db)
    _smash(db, _page(db, "internal"))
    with TagStore(db) as store:
        assert store.damage and len(store.list()) == len(made)  # the listing reads the pages too
    out = tmp_path / "salvaged.sqlite3"
    r = qw("tags", "salvage", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert f"salvaged {len(made)} passage(s)" in r.stdout
    with TagStore(out) as store:
        assert {t.id: _fields(t) for t in store.list()} == made
        assert store.integrity_check() == "ok"


def test_salvage_loses_only_the_rows_of_a_destroyed_leaf(db: Path) -> None:
    made = _fill(db)
    _smash(db, _page(db, "leaf"))
    found = salvage(db)
    got = {t.id: _fields(t) for t in found.tags}
    assert not found.complete and found.damaged == 0
    assert all(got[i] == made[i] for i in got)  # nothing recovered wrong
    assert len(made) - len(got) < 40  # one 4 KB page of rows


def test_a_row_whose_words_were_changed_is_noticed_and_flagged_in_the_salvage(db: Path, tmp_path: Path) -> None:
    made = _fill(db, 300)
    data = db.read_bytes()
    at = data.index(b"#123")
    db.write_bytes(data[:at] + b"#999" + data[at + 4 :])  # still valid text: only the checksum sees it
    with TagStore(db) as store:
        assert len(store.list()) == 300
        assert store.damage and "checksum" in store.damage
        with pytest.raises(TagStoreDamaged):
            store.add("a", TEXT, 0, 5, ["y"])
    found = salvage(db)
    assert found.damaged == 1
    (bad,) = [t for t in found.tags if DAMAGED_TAG in t.tags]
    assert bad.note == "#999"
    assert write_store(found.tags, tmp_path / "out.sqlite3") == 300
    assert {t.id: _fields(t) for t in found.tags if t.id != bad.id} == {k: v for k, v in made.items() if k != bad.id}


def test_the_page_pass_reads_tags_that_are_only_in_the_wal(db: Path) -> None:
    TagStore(db, backups=False).close()
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(db), "100000", "wal"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    acknowledged: list[int] = []
    while len(acknowledged) < 300:
        line = proc.stdout.readline()
        assert line, f"the writer stopped: {proc.stderr.read()}"
        acknowledged.append(int(line))
    proc.kill()  # killed, not closed: its tags stay in the -wal
    # (read through proc.stdout: readline() may hold printed ids in its buffer, which the
    # pipe behind it, all communicate() reads, no longer has)
    rest = proc.stdout.read()
    proc.wait()
    proc.stderr.close()
    acknowledged += [int(line) for line in rest.split("\n")[:-1] if line.strip()]  # whole lines only
    assert Path(f"{db}-wal").stat().st_size > 0
    rows, _ = page_rows(db)
    found = {t.id for t, ok in rows if ok}
    assert set(acknowledged) <= found
    # at most the one tag in flight: committed, then killed before it was printed
    assert len(found - set(acknowledged)) <= 1 and all(i > max(acknowledged) for i in found - set(acknowledged))


def test_salvage_refuses_to_overwrite_a_file(db: Path, tmp_path: Path) -> None:
    _fill(db, 5)
    taken = tmp_path / "taken.sqlite3"
    taken.write_text("mine")
    r = qw("tags", "salvage", "-o", str(taken))
    assert r.returncode == 2 and "exists" in _one_line(r.stderr)
    assert taken.read_text() == "mine"


def test_a_file_whose_header_is_gone_is_refused_in_one_line_and_salvaged(db: Path, tmp_path: Path) -> None:
    made = _fill(db, 500)
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))
    r = qw("tags", "list")
    assert r.returncode == 1 and "tags salvage" in _one_line(r.stderr)
    found = salvage(db)
    assert {t.id: _fields(t) for t in found.tags} == made


# -- rolling backups ------------------------------------------------------------------------------


def test_a_rolling_backup_is_made_once_a_day_and_a_few_are_kept(db: Path) -> None:
    made = _fill(db, 20)
    with TagStore(db) as store:
        (first,) = store.backups()
    with TagStore(db) as store:
        assert store.backups() == [first]  # not twice a day
    for n in range(BACKUPS_KEPT + 3):
        with TagStore(db) as store:
            old = time.time() - 2 * 86400
            for b in store.backups():
                os.utime(b, (old, old))
            store.add("a", TEXT, n, n + 10, ["later"])
        time.sleep(0.01)
    with TagStore(db) as store:
        kept = store.backups()
    assert len(kept) == BACKUPS_KEPT
    with TagStore(kept[-1], backups=False) as copy:  # restoring = using a copy as the store
        assert copy.integrity_check() == "ok"
        assert {t.id: _fields(t) for t in copy.list()}.items() >= made.items()


def test_a_damaged_store_is_never_backed_up(db: Path) -> None:
    _fill(db, 300)
    data = db.read_bytes()
    at = data.index(b"#123")
    db.write_bytes(data[:at] + b"#999" + data[at + 4 :])
    with TagStore(db) as store:
        assert store.damage and store.backups() == []
