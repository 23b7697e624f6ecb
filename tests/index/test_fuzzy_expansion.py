"""A fuzzy term is expanded once per segment of the index, not once per use (#17).

Whoosh expands `word~` in a segment's term dictionary to estimate the match, again to
match, and the highlights ask again: on 100,000 articles in ten segments, "footbal~" took
most of a second. Real index on disk, real searches; only the calls are counted.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from whoosh.reading import SegmentReader

from index.library import Library


def test_a_fuzzy_term_is_expanded_once_per_segment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(6):
        (corpus / f"story{n}.txt").write_text(f"Harbour story {n}\n\nThe football season in Zanzibar starts soon.\n")
    lib = Library.open(corpus=[corpus], use_user_config=False, include_seeds=False)
    try:
        lib.update()
        calls: Counter[tuple[int, str]] = Counter()  # by segment and field (words search title and content)
        real = SegmentReader.terms_within

        def counted(self: SegmentReader, fieldname: str, *args: Any, **kwargs: Any) -> Any:
            calls[id(self), fieldname] += 1
            return real(self, fieldname, *args, **kwargs)

        monkeypatch.setattr(SegmentReader, "terms_within", counted)
        result = lib.search("zanzibr~")
        assert result.total == 6 and all(h.snippets for h in result.hits)
        assert calls and max(calls.values()) == 1, calls
    finally:
        lib.close()
