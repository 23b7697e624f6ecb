"""The reliability probe of #19 as a repeatable script: kills, killed imports, killed
migrations, killed index builds and concurrent writers; every acknowledged tag must survive.

    python bench/probe.py            # the short form (seconds; `make test` runs it)
    python bench/probe.py --long     # the issue's sizes (minutes); writes bench/results/probe.json

A tag is *acknowledged* when the writer said so: `quotewire tags add` printed its id, the
writer loop printed its id, `tags import` printed "imported N". Each scenario runs against
a private set of XDG folders and checks, after every kill, that the tag store passes
SQLite's integrity check and holds every acknowledged tag (and an import all or nothing).
Exit status 1 when anything was lost or inconsistent; the figures are printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WRITER = ROOT / "tests" / "index" / "tag_writer.py"
RESULTS = ROOT / "bench" / "results"
SEED_ID = "000_3db5e493d445b404"

# (short, long): the long sizes are the figures
SIZES = {
    "cli_runs": (6, 150),
    "cli_kills": (3, 60),
    "loop_kills": (3, 25),
    "import_kills": (2, 8),
    "migration_kills": (3, 12),
    "index_kills": (1, 39),
    "writers": (3, 4),
    "index_files": (60, 220),  # 220: enough for worker processes (200 or more files)
    "migration_tags": (3000, 8000),
}


class Probe:
    def __init__(self, work: Path, seed: int, long: bool) -> None:
        self.work = work
        self.rng = random.Random(seed)
        self.size = {k: v[1] if long else v[0] for k, v in SIZES.items()}
        self.env = dict(os.environ)
        for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
            d = work / var.lower()
            d.mkdir(parents=True, exist_ok=True)
            self.env[var] = str(d)
        self.env["PYTHONPATH"] = str(ROOT)
        self.db = Path(self.env["XDG_DATA_HOME"]) / "quotewire" / "tags.sqlite3"
        self.failures: list[str] = []

    # -- helpers ------------------------------------------------------------------------------

    def qw(self, *args: str, **kw: Any) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "tui.cli", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env,
            cwd=ROOT,
            **kw,
        )

    def stored_ids(self, db: Path | None = None) -> set[int]:
        from index.tags import TagStore

        with TagStore(db or self.db, backups=False) as store:
            return {t.id for t in store.list()}

    def integrity(self, db: Path | None = None) -> None:
        conn = sqlite3.connect(db or self.db)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        if verdict != "ok":
            self.failures.append(f"{db or self.db}: integrity check: {verdict}")

    def lost(self, what: str, acknowledged: set[int], db: Path | None = None) -> int:
        self.integrity(db)
        missing = acknowledged - self.stored_ids(db)
        if missing:
            self.failures.append(f"{what}: {len(missing)} acknowledged tag(s) lost: {sorted(missing)[:10]}")
        return len(missing)

    # -- scenarios ----------------------------------------------------------------------------

    def cli_writes(self) -> dict[str, Any]:
        """`quotewire tags add` runs, two at a time, some killed with SIGKILL at random."""
        assert self.qw("index").wait() == 0
        text = (ROOT / "index" / "seed" / f"{SEED_ID}.txt").read_text()
        began = time.monotonic()
        probe = self.qw("tags", "add", SEED_ID, "--start", "0", "--end", "10", "--tag", "probe")
        out, _ = probe.communicate()
        typical = time.monotonic() - began
        acknowledged = {int(out)}
        runs, kills = self.size["cli_runs"], self.size["cli_kills"]
        to_kill = set(self.rng.sample(range(runs), kills))
        n = 0
        while n < runs:
            batch = []
            for i in range(n, min(n + 2, runs)):
                start = self.rng.randrange(0, len(text) - 40)
                proc = self.qw("tags", "add", SEED_ID, "--start", str(start), "--end", str(start + 30), "--tag", "cli")
                batch.append((i, proc, time.monotonic() + self.rng.uniform(0.3, 1.2) * typical))
            for i, proc, when in batch:
                if i in to_kill:
                    time.sleep(max(0.0, when - time.monotonic()))
                    proc.send_signal(signal.SIGKILL)
                out, _ = proc.communicate()
                if proc.returncode == 0 and out.strip().isdigit():
                    acknowledged.add(int(out))
            n += len(batch)
        return {
            "runs": runs + 1,
            "killed": kills,
            "acknowledged": len(acknowledged),
            "lost": self.lost("cli", acknowledged),
        }

    def loop_kills(self) -> dict[str, Any]:
        """The in-process writer loop (one committed tag after another), killed repeatedly."""
        acknowledged: set[int] = set()
        for k in range(self.size["loop_kills"]):
            proc = subprocess.Popen(
                [sys.executable, str(WRITER), str(self.db), "1000000", f"loop{k}"],
                stdout=subprocess.PIPE,
                text=True,
                env=self.env,
            )
            assert proc.stdout is not None
            deadline = time.monotonic() + self.rng.uniform(0.3, 0.8)
            while time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                acknowledged.add(int(line))
            proc.send_signal(signal.SIGKILL)
            rest = proc.stdout.read()
            proc.wait()
            acknowledged |= {int(x) for x in rest.split("\n")[:-1] if x.strip()}  # whole lines only
        return {
            "killed": self.size["loop_kills"],
            "acknowledged": len(acknowledged),
            "lost": self.lost("loop", acknowledged),
        }

    def import_kills(self) -> dict[str, Any]:
        """`tags import` of a 1,500-passage file killed at random: all or nothing each time."""
        lines = [
            json.dumps({"article": SEED_ID, "start": 0, "end": 9, "exact": f"imported {i:05d}", "tags": ["imp"]})
            for i in range(1500)
        ]
        data = self.work / "import.jsonl"
        data.write_text("\n".join(lines) + "\n")
        half_done = whole = 0
        for _ in range(self.size["import_kills"]):
            before = self._count("imp")
            proc = self.qw("tags", "import", str(data))
            time.sleep(self.rng.uniform(0.2, 1.0))
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            after = self._count("imp")
            whole += after - before == 1500
            if after - before not in (0, 1500) or after > 1500:
                half_done += 1
                self.failures.append(f"import: a killed import left {after - before} of 1,500 passages")
        final = self.qw("tags", "import", str(data))
        final.communicate()
        twice = [self.qw("tags", "import", str(data)) for _ in range(2)]  # two at once, after it
        for proc in twice:
            proc.communicate()
        if self._count("imp") != 1500:
            self.failures.append(f"import: {self._count('imp')} passages after importing one 1,500-passage file")
        self.integrity()
        return {
            "killed": self.size["import_kills"],
            "done_before_the_kill": whole,
            "half_done": half_done,
            "passages": self._count("imp"),
        }

    def _count(self, name: str) -> int:
        from index.tags import TagStore

        with TagStore(self.db, backups=False) as store:
            return len(store.list(tag=name))

    def migration_kills(self) -> dict[str, Any]:
        """Opening a v2 store (which migrates it to the current schema) killed at random."""
        from index.tags import SCHEMA_VERSION, TagStore

        template = self.work / "v2.sqlite3"
        _v2_store(template, self.size["migration_tags"])
        expected = _v2_rows(template)
        timing = self.work / "timing" / "tags.sqlite3"
        timing.parent.mkdir()
        timing.write_bytes(template.read_bytes())
        began = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                "-c",
                f"from index.tags import TagStore; TagStore({str(timing)!r}, backups=False).close()",
            ],
            env=self.env,
            cwd=ROOT,
            check=True,
        )
        typical = time.monotonic() - began  # start-up, backup copy, then the migration itself
        survived = mid = 0
        for k in range(self.size["migration_kills"]):
            db = self.work / f"migrate{k}" / "tags.sqlite3"
            db.parent.mkdir()
            db.write_bytes(template.read_bytes())
            code = f"from index.tags import TagStore; TagStore({str(db)!r}, backups=False).close()"
            proc = subprocess.Popen([sys.executable, "-c", code], env=self.env, cwd=ROOT)
            time.sleep(self.rng.uniform(0.3, 1.0) * typical)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            self.integrity(db)
            raw = sqlite3.connect(db)
            mid += raw.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION
            raw.close()
            with TagStore(db, backups=False) as store:
                got = {(t.id, t.exact, t.tags, t.note) for t in store.list()}
                version = store._conn.execute("PRAGMA user_version").fetchone()[0]
            if got != expected or version != SCHEMA_VERSION:
                self.failures.append(f"migration {k}: {len(expected - got)} passage(s) lost or changed")
            else:
                survived += 1
        return {
            "killed": self.size["migration_kills"],
            "killed_before_it_committed": mid,
            "intact": survived,
            "passages": len(expected),
        }

    def index_kills(self) -> dict[str, Any]:
        """`quotewire index --rebuild` killed at random; then the index must come back whole,
        with the tags untouched."""
        corpus = self.work / "corpus"
        corpus.mkdir()
        for n in range(self.size["index_files"]):
            (corpus / f"{n:03d}.txt").write_text(f"Story {n}\n\n“Item {n} matters,” the minister said. " * 20)
        tags_before = self.stored_ids()
        assert self.qw("index", "--corpus", str(corpus)).wait() == 0
        baseline = self._search_total(corpus)
        broken = 0
        for _ in range(self.size["index_kills"]):
            proc = self.qw("index", "--rebuild", "--corpus", str(corpus))
            time.sleep(self.rng.uniform(0.2, 2.5 if self.size["index_files"] > 100 else 1.0))
            proc.send_signal(signal.SIGKILL)
            try:  # its pipes close once its worker processes are gone too
                proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                self.failures.append("index: a killed build's workers held its output open for 30 s")
            again = self.qw("index", "--corpus", str(corpus))
            _, err = again.communicate(timeout=600)
            if again.returncode != 0 or "Traceback" in err or self._search_total(corpus) != baseline:
                broken += 1
                self.failures.append(f"index: after a killed build, {err.strip()[-200:]!r}")
        check = self.qw("index", "--check", "--corpus", str(corpus))
        check.communicate()
        if check.returncode != 0:
            self.failures.append("index: --check found damage after the killed builds")
        if self.stored_ids() != tags_before:
            self.failures.append("index: tags changed while index builds were killed")
        return {"killed": self.size["index_kills"], "broken": broken, "hits": baseline}

    def _search_total(self, corpus: Path) -> int:
        proc = self.qw("search", "minister", "--json", "--corpus", str(corpus))
        out, _ = proc.communicate()
        return json.loads(out)["total"] if proc.returncode == 0 else -1

    def concurrent(self) -> dict[str, Any]:
        """Several writer processes at once on one store: every tag, no duplicates."""
        db = self.work / "concurrent" / "tags.sqlite3"
        from index.tags import TagStore

        TagStore(db, backups=False).close()
        procs = [
            subprocess.Popen(
                [sys.executable, str(WRITER), str(db), "60", f"w{i}"], stdout=subprocess.PIPE, text=True, env=self.env
            )
            for i in range(self.size["writers"])
        ]
        acknowledged: list[int] = []
        for proc in procs:
            out, _ = proc.communicate()
            acknowledged += [int(x) for x in out.split()]
        lost = self.lost("concurrent", set(acknowledged), db)
        if len(set(acknowledged)) != len(acknowledged):
            self.failures.append("concurrent: two writers were given one id")
        return {"writers": len(procs), "acknowledged": len(acknowledged), "lost": lost}


def _v2_store(path: Path, count: int) -> None:
    import index.tags as tags_module

    conn = sqlite3.connect(path)
    tags_module.MIGRATIONS[1](conn)
    tags_module.MIGRATIONS[2](conn)
    for i in range(count):
        cur = conn.execute(
            "INSERT INTO annotations(article, content_hash, start_pos, end_pos, exact, prefix, suffix, note, created) "
            "VALUES (?, 'h', 0, 12, ?, '', '', ?, '2025-01-01T00:00:00Z')",
            (f"a{i % 9}", f"passage {i:05d}", f"note {i}"),
        )
        tags_module._set_tags(conn, cur.lastrowid, (f"t{i % 4}",))
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


def _v2_rows(path: Path) -> set[tuple]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT a.id, a.exact, n.name, a.note FROM annotations a JOIN annotation_tags t ON t.annotation_id = a.id "
            "JOIN tag_names n ON n.id = t.tag_id"
        ).fetchall()
    finally:
        conn.close()
    return {(i, exact, (name,), note) for i, exact, name, note in rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--long", action="store_true", help="the issue's sizes (minutes)")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--only", nargs="*", help="run only these scenarios")
    args = ap.parse_args(argv)
    scenarios = ["cli_writes", "loop_kills", "import_kills", "migration_kills", "index_kills", "concurrent"]
    figures: dict[str, Any] = {"long": args.long, "seed": args.seed}
    with tempfile.TemporaryDirectory(prefix="quotewire-probe-") as tmp:
        probe = Probe(Path(tmp), args.seed, args.long)
        began = time.monotonic()
        for name in args.only or scenarios:
            t0 = time.monotonic()
            print(f"probe: {name}…", file=sys.stderr, flush=True)
            figures[name] = getattr(probe, name)()
            figures[name]["seconds"] = round(time.monotonic() - t0, 1)
        figures["seconds"] = round(time.monotonic() - began, 1)
        figures["failures"] = probe.failures
    print(json.dumps(figures, indent=2))
    if args.long:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "probe.json").write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if figures["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
