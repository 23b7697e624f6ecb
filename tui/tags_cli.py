"""`quotewire tags add|list|rm|export|import`: the tag store from the command line."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.library import Library

EXIT_FAIL = 1
EXIT_USAGE = 2


def _fail(message: str, code: int = EXIT_FAIL) -> int:
    print(f"quotewire: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace, lib: Library, ready: Callable[[Library], None]) -> int:
    from index.tags import TagStoreError

    try:
        action = args.tags_command
        if action in ("add", "list", "export"):
            ready(lib)
        return {"add": _add, "list": _list, "rm": _rm, "export": _export, "import": _import}[action](args, lib)
    except TagStoreError as exc:
        return _fail(f"{lib.tags_path}: {exc}")
    except ValueError as exc:
        return _fail(str(exc), EXIT_USAGE)
    finally:
        lib.close()


def _add(args: argparse.Namespace, lib: Library) -> int:
    article = lib.article(args.article)
    if article is None:
        return _fail(f"no article {args.article!r} (ids are file stems; see `quotewire search`)", EXIT_USAGE)
    if not 0 <= args.start < args.end <= len(article.text):
        return _fail(f"--start/--end must satisfy 0 <= start < end <= {len(article.text)}", EXIT_USAGE)
    tag = lib.tags.add(
        article.id, article.text, args.start, args.end, args.tag_names, args.note, content_hash=article.content_hash
    )
    print(tag.id)  # printed only once the transaction has committed
    return 0


def _list(args: argparse.Namespace, lib: Library) -> int:
    tags = lib.resolved_tags(tag=args.tag_name, article=args.article)
    if args.json:
        from index.inert import json_text

        sys.stdout.write(
            json_text(
                [
                    {
                        "id": t.id,
                        "article": t.article,
                        "start": t.start,
                        "end": t.end,
                        "exact": t.exact,
                        "tags": list(t.tags),
                        "note": t.note,
                        "status": t.status,
                    }
                    for t in tags
                ]
            )
            + "\n"
        )
        return 0
    for t in tags:
        where = f"{t.start}-{t.end}" if t.status != "orphan" else "orphan"
        note = f"  — {t.note}" if t.note else ""
        print(f"{t.id:>5}  {t.article}  [{where}, {t.status}]  {', '.join(t.tags)}{note}")
        print(f"       “{' '.join(t.exact.split())[:100]}”")
    return 0


def _rm(args: argparse.Namespace, lib: Library) -> int:
    if lib.tags.get(args.id) is None:
        return _fail(f"no tag with id {args.id}")
    removed = lib.tags.remove(args.id)
    print(f"removed {removed.id}: {', '.join(removed.tags)} on “{' '.join(removed.exact.split())[:60]}”")
    return 0


def _export(args: argparse.Namespace, lib: Library) -> int:
    from index.tag_export import export_tags

    # The passages as stored: a faithful backup that re-imports without duplicates, and
    # re-anchors to the current text like any other tag.
    tags = lib.tags.list()
    titles = {a.id: a.title for a in lib.articles()}
    data = export_tags(tags, args.format, titles)
    if args.output is None:
        sys.stdout.write(data if data.endswith("\n") else data + "\n")
        return 0
    _write_atomically(args.output, data)
    print(f"exported {len(tags)} passage(s) to {args.output}", file=sys.stderr)
    return 0


def _write_atomically(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _import(args: argparse.Namespace, lib: Library) -> int:
    from index.tag_export import import_tags

    try:
        data = args.file.read_text(encoding="utf-8")
    except OSError as exc:
        return _fail(f"{args.file}: cannot read: {exc.strerror or exc}", EXIT_USAGE)
    added = import_tags(lib.tags, data)
    print(f"imported {added} new passage(s) from {args.file}")
    return 0
