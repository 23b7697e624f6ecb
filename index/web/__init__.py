"""Articles from the web: saved pages (read with trafilatura), web archives (WARC), and
the `quotewire add` command that fetches pages and feeds into a corpus folder.

Nothing here is imported until a corpus holds an HTML page or a WARC file, or `add` runs:
trafilatura and its dependencies cost a quarter of a second to load.
"""
