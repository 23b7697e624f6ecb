"""Article text made safe to draw: never markup, never raw terminal controls."""

from __future__ import annotations

from index.inert import inert as visible_text
from index.inert import inert_line as visible_line

__all__ = ["visible_line", "visible_text"]
