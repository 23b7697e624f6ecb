"""Export tagged passages (W3C Web Annotation, JSON Lines, CSV, Markdown) and import them.

The W3C export is an ``AnnotationCollection`` that annotation tools read: one
``Annotation`` per passage, a ``TextualBody`` with purpose ``tagging`` per tag name (and
one with purpose ``commenting`` for the note), and a target with both a
``TextPositionSelector`` and a ``TextQuoteSelector`` (only the latter for an orphan, whose
position is unknown). Import reads W3C or JSON Lines and skips passages the store already
has, so importing the same file twice adds nothing; an entry that cannot be a passage
stops the whole import, naming its line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote, unquote

from index.inert import inert, inert_line, json_text
from index.tags import Tag, TagStore, normalize_tags

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SOURCE_PREFIX = "quotewire:article/"
ID_PREFIX = "urn:quotewire:tag:"
COLLECTION_ID = "urn:quotewire:tags"
# Not in the W3C vocabulary: an absolute IRI as key is valid JSON-LD without a context.
CONTENT_HASH_KEY = "urn:quotewire:contentHash"
# The article's file (see `index.tag_identity`): what the tag belongs to, whatever its id.
FILE_KEY = "urn:quotewire:source"
PATH_KEY = "urn:quotewire:path"
FIELDS = (
    "id",
    "article",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "tags",
    "note",
    "created",
    "content_hash",
    "source",
    "path",
)
FORMATS = ("w3c", "jsonl", "csv", "md")
UNTAGGED = "(untagged)"


def export_tags(tags: Sequence[Tag], fmt: str, titles: Mapping[str, str] = {}) -> str:
    """The passages as text in ``fmt`` (one of ``FORMATS``); titles are used by ``md``."""
    if fmt == "w3c":
        return json_text(to_w3c(tags)) + "\n"
    if fmt == "jsonl":
        return "".join(json_text(_record(t), indent=None) + "\n" for t in tags)
    if fmt == "csv":
        return _to_csv(tags)
    if fmt == "md":
        return _to_markdown(tags, titles)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


# -- writing -------------------------------------------------------------------------------


def to_w3c(tags: Sequence[Tag]) -> dict[str, Any]:
    """An AnnotationCollection holding every passage in a single embedded page."""
    return {
        "@context": W3C_CONTEXT,
        "id": COLLECTION_ID,
        "type": "AnnotationCollection",
        "label": "quotewire tags",
        "total": len(tags),
        "first": {
            "id": f"{COLLECTION_ID}:page:1",
            "type": "AnnotationPage",
            "partOf": COLLECTION_ID,
            "startIndex": 0,
            "items": [_annotation(t) for t in tags],
        },
    }


def _annotation(tag: Tag) -> dict[str, Any]:
    bodies: list[dict[str, str]] = [{"type": "TextualBody", "purpose": "tagging", "value": name} for name in tag.tags]
    if tag.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": tag.note, "format": "text/plain"})
    selectors: list[dict[str, Any]] = []
    if 0 <= tag.start < tag.end:  # an orphan from resolve() has no position to give
        selectors.append({"type": "TextPositionSelector", "start": tag.start, "end": tag.end})
    target: dict[str, Any] = {
        "source": SOURCE_PREFIX + quote(tag.article, safe=""),
        "selector": [
            *selectors,
            {
                "type": "TextQuoteSelector",
                "exact": tag.exact,
                "prefix": tag.prefix,
                "suffix": tag.suffix,
            },
        ],
    }
    if tag.content_hash:
        target[CONTENT_HASH_KEY] = tag.content_hash
    if tag.source:
        target[FILE_KEY] = tag.source
    if tag.path:
        target[PATH_KEY] = tag.path
    return {
        "id": f"{ID_PREFIX}{tag.id}",
        "type": "Annotation",
        "motivation": "commenting" if tag.note else "tagging",
        "created": tag.created,
        "body": bodies,
        "target": target,
    }


def _record(tag: Tag) -> dict[str, Any]:
    return {
        "id": tag.id,
        "article": tag.article,
        "start": tag.start,
        "end": tag.end,
        "exact": tag.exact,
        "prefix": tag.prefix,
        "suffix": tag.suffix,
        "tags": list(tag.tags),
        "note": tag.note,
        "created": tag.created,
        "content_hash": tag.content_hash,
        "source": tag.source,
        "path": tag.path,
    }


def _to_csv(tags: Sequence[Tag]) -> str:
    """For spreadsheets: a text cell that a spreadsheet would run as a formula gets a
    leading apostrophe (see `spreadsheet_safe`); JSON Lines and W3C keep text exact."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for tag in tags:
        row = {**_record(tag), "tags": ";".join(tag.tags)}
        writer.writerow({k: spreadsheet_safe(v) if isinstance(v, str) else v for k, v in row.items()})
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``'=HYPERLINK(...)`` instead of ``=HYPERLINK(...)``: Excel, LibreOffice and Google
    Sheets run a cell that starts with = + - @ (or a tab or carriage return before one)
    as a formula; the apostrophe makes it text and is not shown (OWASP's advice)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _to_markdown(tags: Sequence[Tag], titles: Mapping[str, str]) -> str:
    """``## tag`` sections (alphabetical); each passage a blockquote with its source."""
    groups: dict[str, list[Tag]] = {}
    for tag in tags:
        for name in tag.tags or (UNTAGGED,):
            groups.setdefault(name, []).append(tag)
    lines = ["# Tagged passages", ""]
    for name in sorted(groups):
        lines += [f"## {inert_line(name)}", ""]
        for tag in groups[name]:
            lines += [f"> {line}".rstrip() for line in inert(tag.exact).splitlines() or [""]]
            title = inert_line(titles.get(tag.article, ""))
            article = inert_line(tag.article)
            source = f"*{_md_escape(title)}* (`{article}`)" if title else f"`{article}`"
            where = f"characters {tag.start}–{tag.end}" if tag.start >= 0 else "not found in the current text"
            lines += [">", f"> — {source}, {where}"]
            if tag.note:
                lines += ["", f"Note: {inert_line(tag.note)}"]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]" else ch for ch in text)


# -- reading -------------------------------------------------------------------------------


def import_tags(store: TagStore, data: str, resolve: Resolver | None = None) -> int:
    """Add the passages in ``data`` (W3C or JSON Lines) that the store lacks; how many.

    A passage counts as present when the same article (its file, or for a tag that has
    none, its id and content hash), exact words, prefix, suffix and set of tag names are
    stored already, as stored or as ``resolve`` shows them now (an export writes what
    ``tags list`` shows), so importing a file twice adds nothing. The check runs inside
    the write transaction: two imports of one file at once add it once.
    Raises ValueError when any entry cannot be a passage, and then adds none: a file
    imported half would leave the user to work out which half.
    """
    drafts = parse_tags(data)

    def keep(checked: list[Tag], stored: list[Tag]) -> list[Tag]:
        seen = {k for t in stored for k in _keys(t)}
        if resolve is not None:
            seen.update(k for t in resolve(stored) for k in _keys(t))
        fresh: list[Tag] = []
        for draft in checked:
            key = _keys(draft)[0]
            if key not in seen:
                seen.add(key)
                fresh.append(draft)
        return fresh

    return len(store.add_many(drafts, keep=keep))


Resolver = Callable[[list[Tag]], list[Tag]]
MAX_OFFSET = 2**31  # no article is this long: a larger offset is noise, not a position


class _Unusable(ValueError):
    """One entry that cannot be a passage; the reader adds where it is in the file."""


def parse_tags(data: str) -> list[Tag]:
    """Passages from W3C JSON(-LD) or JSON Lines text, detected by shape.

    Malformed input is a ValueError with one line saying where (``line N: ``) and what
    was wrong, never another exception: JSON nested thousands deep, numbers such as
    ``Infinity`` or ``10**30`` where an offset goes, a list where a name goes, an entry
    with no words or no article. Offsets that cannot be positions only lose the position
    (the words find it again); a tag name the store refuses is dropped while another
    name or a note is left."""
    try:
        return _parse(data)
    except RecursionError:
        raise ValueError("nested too deeply to be tags (neither W3C annotations nor JSON Lines)") from None


def _parse(data: str) -> list[Tag]:
    if not data.strip():
        return []
    try:
        whole = json.loads(data)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, list) or (isinstance(whole, dict) and "article" not in whole):
        return _from_w3c(data, whole)
    return _from_jsonl(data)  # not stripped: its line numbers are the file's


def _keys(tag: Tag) -> tuple[tuple[object, ...], ...]:
    """The draft's identity first (its file, else its old id and hash), then the other."""
    words = (tag.exact, tag.prefix, tag.suffix, frozenset(tag.tags))
    by_file = ("file", tag.source, *words)
    by_id = ("id", tag.article, tag.content_hash, *words)
    return (by_file, by_id) if tag.source else (by_id, by_file)


def _from_w3c(data: str, doc: Any) -> list[Tag]:
    """Every annotation of ``doc`` as a passage; the first unusable one is an error
    naming the line it starts on (found by reading the file again, only then)."""
    out: list[Tag] = []
    for number, (item, _) in enumerate(_annotations(doc), start=1):
        try:
            out.append(_from_annotation(item))
        except _Unusable as exc:
            raise ValueError(f"{_where(data, number)}{exc}") from None
    return out


def _where(data: str, number: int) -> str:
    """``line L: annotation N: `` for the ``number``-th annotation of ``data``."""
    label = f"annotation {number}: "
    try:
        located = _located_json(data)
    except (RecursionError, ValueError):  # deeper than the slower reader can go
        return label
    for seen, (_, at) in enumerate(_annotations(located), start=1):
        if seen == number:
            line = f"line {data.count(chr(10), 0, at) + 1}: " if at is not None else ""
            return line + (label if number > 1 or not _is_single(located) else "")
    return label


def _is_single(doc: Any) -> bool:
    """A file that is one annotation (or one object of neither format)."""
    return isinstance(doc, dict) and not isinstance(doc.get("first"), dict) and "items" not in doc


class _LocatedDict(dict[str, Any]):
    at: int | None = None


class _LocatedList(list[Any]):
    starts: list[int]


def _located_json(data: str) -> Any:
    """``data`` parsed by json's pure-Python reader, noting where each object and each
    element of an array starts, so an error can name its line (json keeps no positions)."""
    from json import decoder as json_decoder
    from json import scanner as json_scanner

    # Not in the type stubs, but public in the module since Python 2.6.
    decoder: Any = json_decoder
    scanner: Any = json_scanner

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        value, end = decoder.JSONObject(s_and_end, *args)
        located = _LocatedDict(value)
        located.at = s_and_end[1] - 1
        return located, end

    def parse_array(s_and_end: tuple[str, int], scan_once: Any) -> tuple[Any, int]:
        starts: list[int] = []

        def element(s: str, idx: int) -> Any:  # called for this array's own elements only
            starts.append(idx)
            return scan_once(s, idx)

        values, end = decoder.JSONArray(s_and_end, element)
        located = _LocatedList(values)
        located.starts = starts
        return located, end

    reader: Any = json.JSONDecoder()
    reader.parse_object = parse_object
    reader.parse_array = parse_array
    reader.scan_once = scanner.py_make_scanner(reader)
    return reader.decode(data)


def _annotations(doc: Any, at: int | None = None) -> Iterable[tuple[Any, int | None]]:
    """Annotations from a collection, a page, a list of either, or a single annotation,
    each with where it starts when ``doc`` came from `_located_json`. Anything else
    met where an annotation goes is yielded too, for the reader to refuse."""
    if doc is None:
        return
    if isinstance(doc, list):
        starts = getattr(doc, "starts", None)
        for i, item in enumerate(doc):
            yield from _annotations(item, starts[i] if starts else None)
        return
    if not isinstance(doc, dict):
        yield doc, at
        return
    at = getattr(doc, "at", at)
    kind = doc.get("type")
    if kind == "AnnotationCollection" or "first" in doc:
        yield from _annotations(doc.get("first"), at)
    elif kind == "AnnotationPage" or "items" in doc:
        yield from _annotations(doc.get("items", []), at)
        if isinstance(doc.get("next"), dict):
            yield from _annotations(doc["next"])
    else:
        yield doc, at


def _from_annotation(ann: Any) -> Tag:
    """A draft Tag from one W3C Annotation; `_Unusable` if it has no text target."""
    if not isinstance(ann, dict):
        raise _Unusable(f"expected an annotation (a JSON object), found {_shown(ann)}")
    if "target" not in ann:
        raise _Unusable("no 'target' (so not a W3C annotation) and no 'article' (so not a JSON Lines record)")
    target = ann.get("target")
    target = target[0] if isinstance(target, list) and target else target
    if not isinstance(target, dict):
        raise _Unusable(f"its 'target' is {_shown(target)}, not an object with a 'source' and a 'selector'")
    source = target.get("source")
    source = source.get("id") if isinstance(source, dict) else source
    if not isinstance(source, str) or not source:
        raise _Unusable("its target has no 'source' (the article)")
    article = unquote(source[len(SOURCE_PREFIX) :]) if source.startswith(SOURCE_PREFIX) else source
    selectors = target.get("selector", [])
    selectors = selectors if isinstance(selectors, list) else [selectors]
    by_type = {s["type"]: s for s in selectors if isinstance(s, dict) and isinstance(s.get("type"), str)}
    position, quote_sel = by_type.get("TextPositionSelector") or {}, by_type.get("TextQuoteSelector")
    if not isinstance(position, dict) or not isinstance(quote_sel, dict) or not quote_sel.get("exact"):
        raise _Unusable("its target has no TextQuoteSelector with an 'exact' (the tagged words)")
    names, note = _bodies(ann)
    return _draft(
        article=article,
        start=position.get("start"),
        end=position.get("end"),
        exact=quote_sel.get("exact"),
        prefix=quote_sel.get("prefix", ""),
        suffix=quote_sel.get("suffix", ""),
        tags=names,
        note=note,
        created=ann.get("created", ""),
        content_hash=target.get(CONTENT_HASH_KEY, ""),
        source=target.get(FILE_KEY, ""),
        path=target.get(PATH_KEY, ""),
    )


def _bodies(ann: dict[str, Any]) -> tuple[list[str], str]:
    """Tag names (tagging bodies) and the note (commenting bodies) of an annotation."""
    bodies = ann.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    names: list[str] = []
    notes: list[str] = []
    for body in bodies:
        if isinstance(body, str):
            continue  # an external resource, not text we can keep
        value = body.get("value") if isinstance(body, dict) else None
        if not isinstance(value, str) or not value.strip():
            continue
        purpose = body.get("purpose") or ann.get("motivation")
        (names if purpose == "tagging" else notes).append(value)
    return names, "\n\n".join(notes)


def _from_jsonl(text: str) -> list[Tag]:
    out: list[Tag] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"line {number}: neither W3C annotations nor JSON Lines ({exc.msg})"
            raise ValueError(problem) from exc
        except ValueError as exc:  # e.g. an integer of thousands of digits
            raise ValueError(f"line {number}: {exc}") from None
        if not isinstance(record, dict):
            raise ValueError(f"line {number}: expected an object with 'article' and 'exact', found {_shown(record)}")
        tags = record.get("tags", [])
        try:
            draft = _draft(
                article=record.get("article"),
                start=record.get("start"),
                end=record.get("end"),
                exact=record.get("exact"),
                prefix=record.get("prefix", ""),
                suffix=record.get("suffix", ""),
                tags=tags.split(";") if isinstance(tags, str) else tags,
                note=record.get("note", ""),
                created=record.get("created", ""),
                content_hash=record.get("content_hash", ""),
                source=record.get("source", ""),
                path=record.get("path", ""),
            )
        except _Unusable as exc:
            raise ValueError(f"line {number}: {exc}") from None
        out.append(draft)
    return out


def _shown(value: Any) -> str:
    """A short rendering of a JSON value for an error line."""
    shown = json.dumps(value, ensure_ascii=True)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _usable_names(raw: list[Any]) -> tuple[str, ...]:
    """Normalised tag names; a name the store would refuse is dropped, not the passage."""
    names: list[str] = []
    for name in raw:
        if not isinstance(name, str):
            continue
        try:
            names.extend(normalize_tags([name]))
        except ValueError:
            continue
    return tuple(dict.fromkeys(names))


def _position(start: Any, end: Any, length: int) -> tuple[int, int]:
    """The stored position, or a hint of (0, len(exact)) when there is none.

    Annotations from other tools, and orphans exported after re-anchoring, may carry only
    the quote. The hint is harmless: re-anchoring checks the words at a position before
    trusting it and otherwise finds the quote by its text and context.
    """
    if not (_offset(start) and _offset(end)) or not start < end:
        return 0, length
    return int(start), int(end)


def _offset(value: Any) -> bool:
    """A whole number that can be an offset (not a bool, NaN, Infinity or 10**30)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, float) and not value.is_integer():  # also NaN and the infinities
        return False
    return 0 <= value < MAX_OFFSET


def _draft(**f: Any) -> Tag:
    """A Tag (id 0) from loosely typed fields; `_Unusable` when they cannot make a passage."""
    names = _usable_names(f["tags"] if isinstance(f["tags"], list) else [])
    if not isinstance(f["article"], str) or not f["article"]:
        raise _Unusable(f"'article' must be an article id, found {_shown(f['article'])}")
    if not isinstance(f["exact"], str) or not f["exact"]:
        found = "nothing" if f["exact"] is None else _shown(f["exact"])
        raise _Unusable(f"'exact' must be the tagged words, found {found}")
    if not (names or _text(f["note"]).strip()):
        raise _Unusable("no tag name the store accepts (none, empty, or with ',' or ';') and no note")
    start, end = _position(f["start"], f["end"], len(f["exact"]))
    return Tag(
        id=0,
        article=f["article"],
        content_hash=_text(f["content_hash"]),
        start=start,
        end=end,
        exact=f["exact"],
        prefix=_text(f["prefix"]),
        suffix=_text(f["suffix"]),
        tags=names,
        note=_text(f["note"]),
        created=_text(f["created"]),
        source=_text(f["source"]),
        path=_text(f["path"]),
    )


def _text(value: Any) -> str:
    """A text field as given, or "" when it is anything else (a list, a number, null)."""
    return value if isinstance(value, str) else ""
