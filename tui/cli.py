"""The `quotewire` command: opens the app, or answers one question on stdout.

Imports stay lazy so that `quotewire --help` and the CLI commands never pay for Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from index.library import Library
    from index.models import IndexReport

EXIT_USAGE = 2
EXIT_FAIL = 1
INDEX_WAIT = 60.0  # seconds a command waits for another copy's index update


def _common(p: argparse.ArgumentParser, default: object) -> argparse.ArgumentParser:
    p.add_argument(
        "--corpus",
        action="append",
        type=Path,
        default=[] if default is None else default,
        metavar="DIR",
        help="a folder of articles (repeatable); the bundled seeds open only without one",
    )
    p.add_argument(
        "--config", type=Path, metavar="FILE", default=default, help="a config file that overrides the defaults"
    )
    return p


def _parser() -> argparse.ArgumentParser:
    top = _common(argparse.ArgumentParser(add_help=False), None)
    # Subcommands accept the same options without resetting what was given before them.
    common = _common(argparse.ArgumentParser(add_help=False), argparse.SUPPRESS)

    p = argparse.ArgumentParser(
        prog="quotewire",
        parents=[top],
        description="A keyboard-driven reader for news coverage: who said what, and how each outlet rendered it.",
        epilog="With no command, opens the reader.",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("search", parents=[common], help="search articles and quotes")
    s.add_argument(
        "query",
        help='query: words, "phrases", AND/OR/NOT, prefix*, fuzzy~, speaker:, kind:, outlet:, title:, date:, tag:',
    )
    s.add_argument("--limit", type=_positive, default=20, help="most hits to show (default 20)")
    s.add_argument("--json", action="store_true", help="print JSON")

    i = sub.add_parser("index", parents=[common], help="build or update the index and report what changed")
    i.add_argument("--rebuild", action="store_true", help="throw the index away and build it again")
    i.add_argument(
        "--check", action="store_true", help="verify every file of the index (checksums); rebuild it if damaged"
    )

    q = sub.add_parser("quotes", parents=[common], help="list quotations and their speakers")
    q.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: the configured corpus)"
    )
    q.add_argument("--speaker", help="only this speaker (name or alias)")
    q.add_argument("--variants", action="store_true", help="group the same statement across articles")
    q.add_argument("--json", action="store_true", help="print JSON")

    c = sub.add_parser("compare", parents=[common], help="align two articles sentence by sentence")
    c.add_argument("a", help="article id (or file)")
    c.add_argument("b", help="article id (or file)")
    c.add_argument("--json", action="store_true", help="print JSON")

    _web_parsers(sub, common)

    t = sub.add_parser("tags", parents=[common], help="tag passages; list, remove, export, import tags")
    tsub = t.add_subparsers(dest="tags_command", metavar="ACTION", required=True)
    ta = tsub.add_parser("add", parents=[common], help="tag a passage")
    ta.add_argument("article")
    ta.add_argument("--start", type=int, required=True)
    ta.add_argument("--end", type=int, required=True)
    ta.add_argument("--tag", action="append", required=True, dest="tag_names", metavar="NAME")
    ta.add_argument("--note", default="")
    tl = tsub.add_parser("list", parents=[common], help="list tagged passages")
    tl.add_argument("--tag", dest="tag_name", metavar="NAME")
    tl.add_argument("--article", metavar="ID")
    tl.add_argument("--json", action="store_true")
    tr = tsub.add_parser("rm", parents=[common], help="remove a tagged passage")
    tr.add_argument("id", type=int)
    te = tsub.add_parser("export", parents=[common], help="export tags")
    te.add_argument("--format", choices=["w3c", "jsonl", "csv", "md"], default="w3c")
    te.add_argument("-o", "--output", type=Path, metavar="FILE")
    ti = tsub.add_parser("import", parents=[common], help="import tags (W3C or JSONL)")
    ti.add_argument("file", type=Path)
    ts = tsub.add_parser(
        "salvage", parents=[common], help="recover every readable tag of a damaged tag store into a new one"
    )
    ts.add_argument("-o", "--output", type=Path, metavar="FILE", required=True, help="the new tag store to write")
    return p


class _InertStream:
    """A text stream that shows terminal controls as symbols: whatever a command prints
    (titles, quotes, file names in messages), nothing from an article drives the terminal.
    JSON passes unchanged, since `json_text` leaves no control character in it."""

    def __init__(self, raw: TextIO) -> None:
        from index.inert import inert

        self.raw, self._inert = raw, inert

    def write(self, s: str) -> int:
        return self.raw.write(self._inert(s))

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding...
        return getattr(self.raw, name)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:  # Textual draws the screen itself: see tui/widgets/text.py
        return _run_command(args)
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _InertStream(out), _InertStream(err)
    try:
        return _run_command(args)
    finally:
        sys.stdout, sys.stderr = out, err


def _run_command(args: argparse.Namespace) -> int:
    from index.config import ConfigError
    from index.library import IndexBusy, IndexStorageError
    from index.tags import TagStoreError

    try:
        if args.command is None:
            return _run_app(args)
        handler = {
            "search": cmd_search,
            "index": cmd_index,
            "quotes": cmd_quotes,
            "compare": cmd_compare,
            "tags": cmd_tags,
            "add": cmd_add,
            "articles": cmd_articles,
            "show": cmd_show,
        }[args.command]
        return handler(args)
    except ConfigError as exc:
        print(f"quotewire: config error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (IndexBusy, IndexStorageError, TagStoreError) as exc:
        print(f"quotewire: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def _library(
    args: argparse.Namespace, corpus: Sequence[Path] | None = None, include_seeds: bool | None = None
) -> Library:
    from index.library import Library

    return Library.open(args.config, corpus if corpus is not None else args.corpus, include_seeds=include_seeds)


def _ready(lib: Library, *, quiet: bool = False) -> IndexReport | None:
    """Update the index, with a progress bar on a terminal; problems go to stderr. The
    report, or None when it could not be updated: another copy holds it too long, or the
    cache is full; the command then goes on with the index as it is, after one line."""
    from index.library import IndexBusy, IndexStorageError, format_problem

    bar = _ProgressBar() if sys.stderr.isatty() and not quiet else None
    try:
        report = lib.update(progress=bar, wait=INDEX_WAIT, on_wait=_say_waiting)
    except (IndexBusy, IndexStorageError) as exc:
        if bar:
            bar.done()
        print(f"quotewire: {exc}; using the index as it is", file=sys.stderr)
        lib.load_cached()
        return None
    if bar:
        bar.done()
    for p in report.problems:
        print(format_problem(p), file=sys.stderr)
    return report


def _say_waiting() -> None:
    print("quotewire: waiting for another quotewire to finish updating the index…", file=sys.stderr, flush=True)


class _ProgressBar:
    def __init__(self) -> None:
        from tui.progress import Progress

        self.progress = Progress()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total < 20 or (done % max(1, total // 200) and done != total):
            return
        err = getattr(sys.stderr, "raw", sys.stderr)  # its own \r, past the inert stream
        err.write(f"\rindexing {self.progress.line(done, total)}   ")
        err.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


def _print_json(data: Any) -> None:
    from index.inert import json_text

    sys.stdout.write(json_text(data) + "\n")


def cmd_index(args: argparse.Namespace) -> int:
    lib = _library(args)
    from index.library import format_problem

    if args.check:
        return _check_index(lib)

    bar = _ProgressBar() if sys.stderr.isatty() else None
    try:
        report = lib.update(rebuild=args.rebuild, progress=bar, wait=INDEX_WAIT, on_wait=_say_waiting)
    finally:
        if bar:
            bar.done()
    for p in report.problems:
        print(format_problem(p), file=sys.stderr)
    what = "rebuilt" if report.rebuilt else "updated"
    print(
        f"index {what}: {report.added} added, {report.updated} changed, {report.removed} removed, "
        f"{report.unchanged} unchanged ({lib.index_dir})"
    )
    return 0


def _positive(value: str) -> int:
    """`--limit N`: a whole number of hits, at least one (0 or -1 is a usage error, exit 2)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _check_index(lib: Library) -> int:
    """`index --check`: say what is damaged, one line each; the index is rebuilt then."""
    bar = _ProgressBar() if sys.stderr.isatty() else None
    found, report = lib.check_index(progress=bar)
    if bar:
        bar.done()
    if not found:
        print(f"index checked: every file is as it was written ({lib.index_dir})")
        return 0
    for line in found:
        print(f"quotewire: {line}", file=sys.stderr)
    if report is not None:
        print(f"index rebuilt: {report.added} added ({lib.index_dir})")
    return EXIT_FAIL


def cmd_search(args: argparse.Namespace) -> int:
    from index.catalogue import latest_generation

    lib = _library(args)
    # The index is searched as it is while a child process stats the corpus files
    # (`Library.check_ahead`; the stat of 100,000 files is most of the check), then the
    # check finishes with its answer. When it finds the index out of date, it brings it up
    # to date and the search runs again; on 100,000 unchanged articles the search is free.
    before = latest_generation(lib.index_dir)
    lib.check_ahead()
    try:
        result = lib.search(args.query, limit=args.limit)
    except Exception:  # an index being replaced under it: the search after the check answers
        result = None
    checked = not lib.damaged
    if checked:
        report = _ready(lib)  # None: not updated (said so), searched as it is
        if (
            result is None
            or (report is not None and (report.added or report.updated or report.removed or report.rebuilt))
            or latest_generation(lib.index_dir) != before
        ):
            lib.damaged = None  # the index has been brought up to date since: searched again
            result = lib.search(args.query, limit=args.limit)
    if lib.damaged:  # met while searching (damage that kept the file's time): rebuild, ask again
        from index.library import format_problem

        print(f"quotewire: {lib.damaged}; rebuilding the index", file=sys.stderr)
        lib.damaged = None
        rebuilt = lib.update(rebuild=True)
        if not checked:  # the rebuild was the check: what it met in the files is said once
            for p in rebuilt.problems:
                print(format_problem(p), file=sys.stderr)
        result = lib.search(args.query, limit=args.limit)
    if result is None:  # (it never is: a failed search is searched again above)
        result = lib.search(args.query, limit=args.limit)
    if args.json:
        hits = []
        for h in result.hits:
            d: dict[str, Any] = {
                "article": h.article,
                "title": h.title,
                "score": round(h.score, 4),
                "snippets": [{"start": s.start, "end": s.end, "text": s.text} for s in h.snippets],
            }
            if h.quote:
                d["quote"] = asdict(h.quote)
            hits.append(d)
        _print_json(
            {
                "query": result.query,
                "total": result.total,
                "suggestion": result.suggestion,
                "ignored": list(result.ignored),
                "hits": hits,
            }
        )
        return 0
    for note in result.ignored:
        print(f"(ignored: {note})", file=sys.stderr)
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}")
    print(f"{result.total} hit(s) for {result.query!r}")
    for h in result.hits:
        who = f"  [{h.quote.speaker or 'no speaker'}, {h.quote.kind}]" if h.quote else ""
        print(f"\n{h.article}  {h.title}{who}")
        for s in h.snippets:
            print("    " + " ".join(s.text.split()))
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    if args.paths:
        missing = [p for p in args.paths if not p.exists()]
        if missing:
            print(f"quotewire: no such file or folder: {missing[0]}", file=sys.stderr)
            return EXIT_USAGE
        # Only the files asked for (and the configured folders): not the bundled seeds.
        lib = _library(args, corpus=[*args.corpus, *args.paths], include_seeds=False)
    else:
        lib = _library(args)
    _ready(lib)
    quotes = lib.quotes(speaker=args.speaker)
    if args.paths:
        wanted = {str(p.resolve()) for p in args.paths}
        keep = {
            a.id
            for a in lib.articles()
            if a.path in wanted or any(a.path.startswith(w.rstrip("/") + "/") for w in wanted)
        }
        quotes = [q for q in quotes if q.article in keep]
    quotes.sort(key=lambda q: (q.article, q.start))
    if args.variants:
        return _print_variants(lib, quotes, args.json)
    if args.json:
        from index.models import quote_json

        _print_json([quote_json(q) for q in quotes])
        return 0
    current = None
    for q in quotes:
        if q.article != current:
            current = q.article
            art = lib.article(q.article)
            print(f"\n== {q.article}  {art.title if art else ''}")
        text = " ".join(q.text.split())
        print(f"  {q.speaker or '—':<22} {q.kind:<8} {q.cue or '':<10} {text[:100]}")
    return 0


def _print_variants(lib: Library, quotes: list[Any], as_json: bool) -> int:
    groups = lib.quote_variants(quotes)
    if as_json:
        _print_json(
            [
                {
                    "speaker": g.speaker,
                    "quotes": [
                        {"article": q.article, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind}
                        for q in g.quotes
                    ],
                }
                for g in groups
            ]
        )
        return 0
    for g in groups:
        print(f"\n== {g.speaker}")
        for q in g.quotes:
            print(f"  {q.article:<24} {' '.join(q.text.split())[:100]}")
    return 0


AMBIGUOUS_SHOWN = 10  # ids named when a start is shared; a short start may have thousands


def _resolve_article(lib: Library, ref: str) -> str | None:
    """The id ``ref`` names (an id, a file, or the start of one id); None, having said
    why on stderr: no such article, or a start several ids share (named, so the user
    can pick one rather than think the article is missing)."""
    if lib.article(ref):
        return ref
    path = Path(ref)
    if path.exists():
        full = str(path.resolve())
        for a in lib.articles():
            if a.path == full:
                return a.id
    matches = sorted(a.id for a in lib.articles() if a.id.startswith(ref))
    if len(matches) == 1:
        return matches[0]
    if matches:
        shown = ", ".join(matches[:AMBIGUOUS_SHOWN])
        more = f" and {len(matches) - AMBIGUOUS_SHOWN} more" if len(matches) > AMBIGUOUS_SHOWN else ""
        print(f"quotewire: article {ref!r} is ambiguous: {shown}{more}", file=sys.stderr)
    else:
        print(f"quotewire: no article {ref!r} (see `quotewire articles`)", file=sys.stderr)
    return None


def cmd_compare(args: argparse.Namespace) -> int:
    extra = [Path(x).parent for x in (args.a, args.b) if Path(x).is_file()]
    lib = _library(args, corpus=[*args.corpus, *extra])
    _ready(lib)
    ids = []
    for ref in (args.a, args.b):
        aid = _resolve_article(lib, ref)
        if aid is None:
            return EXIT_USAGE
        ids.append(aid)
    alignment = lib.align(ids[0], ids[1])
    if args.json:
        _print_json(alignment.to_json())
        return 0
    a, b = lib.article(ids[0]), lib.article(ids[1])
    assert a and b
    print(
        f"{len(alignment.pairs)} linked pair(s); {len(alignment.only_a)} sentence(s) only in {a.id}, "
        f"{len(alignment.only_b)} only in {b.id}"
    )
    for p in alignment.pairs:
        print(f"\n[{p.score:.2f}] A: {' '.join(a.text[p.a_start : p.a_end].split())}")
        print(f"       B: {' '.join(b.text[p.b_start : p.b_end].split())}")
    return 0


# --- articles as they were read: add, articles, show ---------------------------------------------


def _web_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    a = sub.add_parser(
        "add",
        parents=[common],
        help="fetch web pages or every item of a feed (or copy files) into a corpus folder",
        description="Fetch each address (every item of an RSS or Atom feed) or copy each file into a corpus "
        "folder; what is already there (same address, or same article text) is skipped.",
    )
    a.add_argument("items", nargs="+", metavar="URL|FEED_URL|FILE")
    a.add_argument("--to", type=Path, metavar="DIR", help="the folder to save into (default: the first corpus folder)")
    a.add_argument(
        "--timeout", type=float, default=20.0, metavar="S", help="seconds to wait for an address (default 20)"
    )

    r = sub.add_parser("articles", parents=[common], help="list every article with its metadata")
    r.add_argument("--json", action="store_true", help="print JSON")
    r.add_argument("--text", action="store_true", help="with each article's text")

    w = sub.add_parser("show", parents=[common], help="print one article: its metadata and its text")
    w.add_argument("article", help="article id (or file)")
    w.add_argument("--json", action="store_true", help="print JSON")


def cmd_add(args: argparse.Namespace) -> int:
    from index.config import load_config

    config = load_config(args.config)
    named = [*config.corpus_folders, *args.corpus]
    folder = args.to or (named[0] if named else None)
    if folder is None:
        print("quotewire: add: name the folder to save into with --to DIR (or --corpus DIR)", file=sys.stderr)
        return EXIT_USAGE
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        print(f"quotewire: add: {folder} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"quotewire: add: cannot create {folder}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    from index.web.add import Adder

    adder = Adder(folder, max_bytes=config.max_bytes, timeout=max(0.1, args.timeout))
    counts = {"added": 0, "there": 0, "failed": 0}
    for item in args.items:
        for o in adder.add(item):
            counts[o.status] += 1
            if o.status == "added":
                print(f"added  {o.message}  {o.title}".rstrip())
            elif o.status == "there":
                print(f"there  {o.message}  (already added: {o.what})")
            else:
                print(f"quotewire: {o.what}: {o.message}", file=sys.stderr)
            sys.stdout.flush()
    print(f"{counts['added']} added, {counts['there']} already there, {counts['failed']} failed ({folder})")
    resolved = {_resolved_path(p) for p in named}
    if _resolved_path(folder) not in resolved:
        print(f"quotewire: note: {folder} is not a corpus folder; read it with --corpus {folder}", file=sys.stderr)
    return 1 if counts["failed"] else 0


def _resolved_path(p: Path) -> str:
    try:
        return str(Path(p).resolve())
    except (OSError, RuntimeError):
        return str(p)


def _article_json(a: Any, with_text: bool) -> dict[str, Any]:
    d = {
        "article": a.id,
        "path": a.path,
        "title": a.title,
        "author": a.author,
        "date": a.date,
        "outlet": a.outlet,
        "url": a.url,
    }
    if with_text:
        d["text"] = a.text
    return d


def cmd_articles(args: argparse.Namespace) -> int:
    from index.inert import json_text

    lib = _library(args)
    _ready(lib)
    ids = sorted(i.id for i in lib.articles())
    first = True
    if args.json:
        sys.stdout.write("[")
    for n in range(0, len(ids), 256):  # a large corpus is streamed, never held whole
        chunk = ids[n : n + 256]
        got = {a.id: a for a in lib.iter_articles(chunk)}
        for aid in chunk:
            a = got.get(aid)
            if a is None:
                continue
            if args.json:
                sys.stdout.write(("\n" if first else ",\n") + json_text(_article_json(a, args.text)))
            else:
                print(f"{a.id}  {a.date or '-'}  {a.outlet or '-'}  {a.title}")
                if args.text:
                    print("    " + a.text.replace("\n", "\n    ") + "\n")
            first = False
    if args.json:
        sys.stdout.write("\n]\n" if not first else "]\n")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    extra = [Path(args.article).parent] if Path(args.article).is_file() else []
    lib = _library(args, corpus=[*args.corpus, *extra] if extra else None)
    _ready(lib)
    aid = _resolve_article(lib, args.article)
    if aid is None:
        return EXIT_USAGE
    art = lib.article(aid)
    if art is None:
        print(f"quotewire: no article {args.article!r} (see `quotewire articles`)", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        _print_json(_article_json(art, True))
        return 0
    for label, value in (
        ("article", art.id),
        ("title", art.title),
        ("author", art.author),
        ("date", art.date),
        ("outlet", art.outlet),
        ("url", art.url),
        ("path", art.path),
    ):
        if value:
            print(f"{label + ':':<9}{value}")
    print(f"\n{art.text}")
    return 0


def cmd_tags(args: argparse.Namespace) -> int:
    from tui import tags_cli

    return tags_cli.run(args, _library(args), _ready)


def _run_app(args: argparse.Namespace) -> int:
    lib = _library(args)
    from tui.app import QuotewireApp

    app = QuotewireApp(lib)
    app.run()
    lib.close()
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())
