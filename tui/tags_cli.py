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
    from index.models import Tag

EXIT_FAIL = 1
EXIT_USAGE = 2


def _fail(message: str, code: int = EXIT_FAIL) -> int:
    print(f"quotewire: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace, lib: Library, ready: Callable[[Library], object]) -> int:
    from index.tags import TagStoreError

    try:
        action = args.tags_command
        if action != "salvage":
            lib.tags  # noqa: B018 - a store that cannot be opened is one line, before any work
        if action in ("add", "rm", "import"):
            lib.tags.check_writable()
        if action in ("add", "list", "export", "import"):
            ready(lib)
        commands = {"add": _add, "list": _list, "rm": _rm, "export": _export, "import": _import, "salvage": _salvage}
        code = commands[action](args, lib)
        if action in ("list", "export") and lib.tags.damage:
            # What could be read was shown; say once that the store is damaged.
            return _fail(
                f"{lib.tags.path}: the tag store is damaged ({lib.tags.damage}); the passages "
                f"above are those that could be read; nothing more is written to it; "
                "recover them with `quotewire tags salvage -o FILE`"
            )
        return code
    except TagStoreError as exc:
        return _fail(str(exc))
    except ValueError as exc:
        return _fail(str(exc), EXIT_USAGE)
    finally:
        for notice in lib.take_tag_notices():  # the tag file was replaced or removed meanwhile
            print(f"quotewire: {notice}", file=sys.stderr)
        lib.close()


def _add(args: argparse.Namespace, lib: Library) -> int:
    article = lib.article(args.article)
    if article is None:
        return _fail(f"no article {args.article!r} (ids are file stems; see `quotewire search`)", EXIT_USAGE)
    if not 0 <= args.start < args.end <= len(article.text):
        return _fail(f"--start/--end must satisfy 0 <= start < end <= {len(article.text)}", EXIT_USAGE)
    tag = lib.add_tag(article.id, args.start, args.end, args.tag_names, args.note)
    print(tag.id)  # printed only once the transaction has committed
    return 0


def corpus_tags(lib: Library, *, tag: str | None = None, article: str | None = None) -> list[Tag]:
    """The tags of this corpus, re-anchored: those of a file in another corpus folder
    that is still there are that corpus's, not orphans here (see `of_another_corpus`)."""
    from index.corpus import SEED_DIR
    from index.tag_identity import of_another_corpus

    folders = lib.corpus or ((SEED_DIR,) if lib.config.include_seeds else ())
    return [t for t in lib.resolved_tags(tag=tag, article=article) if not of_another_corpus(t, folders)]


def _list(args: argparse.Namespace, lib: Library) -> int:
    tags = corpus_tags(lib, tag=args.tag_name, article=args.article)
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

    if args.output is not None and not args.output.parent.is_dir():
        return _fail(f"{args.output.parent}: no such folder; create it first or choose another place", EXIT_USAGE)
    tags = _as_listed(lib)
    titles = {a.id: a.title for a in lib.articles()}
    data = export_tags(tags, args.format, titles)
    if args.output is None:
        sys.stdout.write(data if data.endswith("\n") else data + "\n")
        return 0
    _write_atomically(args.output, data)
    print(f"exported {len(tags)} passage(s) to {args.output}", file=sys.stderr)
    return 0


def _as_listed(lib: Library) -> list[Tag]:
    """The passages as `tags list` shows them: a moved tag at its offsets in the current
    text. An orphan whose file is not in the corpus keeps the id it was stored under, so
    that the export re-imports (and can bind to its file) like the stored passage."""
    import dataclasses

    stored = {t.id: t for t in lib.tags.list()}
    return [
        dataclasses.replace(t, article=stored[t.id].article)
        if t.status == "orphan" and lib.article(t.article) is None and t.id in stored
        else t
        for t in corpus_tags(lib)
    ]


def _write_atomically(path: Path, data: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)  # a full disk must not leave a half file behind
        raise


def _import(args: argparse.Namespace, lib: Library) -> int:
    from index.tag_export import import_tags

    try:
        data = args.file.read_text(encoding="utf-8")
    except OSError as exc:
        return _fail(f"{args.file}: cannot read: {exc.strerror or exc}", EXIT_USAGE)
    except UnicodeDecodeError:
        return _fail(f"{args.file}: not UTF-8 text, so not W3C annotations or JSON Lines", EXIT_USAGE)
    try:
        lib.resolved_tags()  # binds tags made before tags knew their file, so duplicates are seen
    except ValueError:
        pass
    try:
        added = import_tags(lib.tags, data, resolve=lib.resolve_tags)
    except ValueError as exc:
        return _fail(f"{args.file}: {exc}", EXIT_USAGE)
    print(f"imported {added} new passage(s) from {args.file}")
    return 0


def _salvage(args: argparse.Namespace, lib: Library) -> int:
    """Every readable passage of the (damaged) store into a new store at FILE."""
    from index.tag_salvage import salvage, write_store

    source, target = lib.tags_path, args.output
    if not source.exists():
        return _fail(f"{source}: there is no tag store to salvage")
    if target.exists():
        return _fail(f"{target}: already exists; give a new file name", EXIT_USAGE)
    if not target.parent.is_dir():
        return _fail(f"{target.parent}: no such folder; create it first or choose another place", EXIT_USAGE)
    found = salvage(source)
    written = write_store(found.tags, target)
    how = f"{found.through_sqlite} read through SQLite, {found.from_pages} more from the file's pages"
    print(f"salvaged {written} passage(s) from {source} into {target} ({how})")
    if found.damaged:
        print(f"{found.damaged} of them failed their checksum: they are tagged 'salvage-damaged'; check them")
    for note in found.notes:
        print(f"note: {note}")
    print(
        f"to use it: quit quotewire, move {source.name} and its -wal and -shm files aside, "
        f"then move {target} to {source}"
    )
    return 0
