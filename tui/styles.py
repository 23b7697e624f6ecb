"""Colours and styles for speakers, quote kinds, search hits, tags and boilerplate.

Speaker colours come from the Okabe-Ito palette (distinguishable with the common forms
of colour blindness) and are chosen by a stable hash of the name, so a speaker keeps
their colour across articles and sessions. Colour is never the only cue: direct quotes
are bold, partial quotes italic, reported speech underlined, and the status line and
margin name the speaker.
"""

from __future__ import annotations

import zlib

from rich.style import Style

PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
ANONYMOUS = "anonymous sources"


def speaker_colour(speaker: str | None) -> str:
    if not speaker:
        return "#888888"
    if speaker == ANONYMOUS:
        return "#999999"
    return PALETTE[zlib.crc32(speaker.lower().encode()) % (len(PALETTE) - 1)]


def quote_style(speaker: str | None, kind: str) -> Style:
    colour = speaker_colour(speaker)
    if kind == "reported":
        return Style(underline=True, color=colour)
    if kind == "other":
        return Style(italic=True, dim=True)
    # Black on the palette colour reads on dark and light themes alike.
    return Style(bgcolor=colour, color="black", bold=kind == "direct", italic=kind == "partial")


HIT = Style(bgcolor="#FFFF00", color="black", bold=True, underline=True)
CURRENT_HIT = Style(bgcolor="#FF00FF", color="white", bold=True)
# Tags draw over quotes without hiding them: a quote keeps its colour and gains a frame.
TAGGED = Style(overline=True, underline=True, bold=True)
SELECTION_HINT = Style(reverse=True)
BOILERPLATE = Style(dim=True, strike=True)
