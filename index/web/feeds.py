"""The items of an RSS or Atom feed, read with feedparser (the field's tolerant parser:
RSS 0.9x to 2.0, RSS 1.0/RDF and Atom, and the malformed feeds found in the wild)."""

from __future__ import annotations

from dataclasses import dataclass


class FeedError(Exception):
    """Not a feed, or one with no items; the message is one line."""


@dataclass(frozen=True, slots=True)
class Item:
    url: str
    title: str = ""


def feed_items(body: bytes, base_url: str = "") -> tuple[str, list[Item]]:
    """The feed's title and its items' links, in feed order, each once."""
    from urllib.parse import urljoin

    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": base_url} if base_url else None)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed{f' ({type(problem).__name__})' if problem else ''}")
    items: list[Item] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link:
            alternates = [x.get("href") for x in entry.get("links", []) if x.get("rel", "alternate") == "alternate"]
            link = next((a for a in alternates if a), "")
        if not link:
            continue
        link = urljoin(base_url, link.strip()) if base_url else link.strip()
        if link not in seen:
            seen.add(link)
            items.append(Item(link, " ".join(str(entry.get("title", "")).split())))
    return " ".join(str(parsed.feed.get("title", "")).split()), items


__all__ = ["FeedError", "Item", "feed_items"]
