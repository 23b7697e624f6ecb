"""Colours and styles for speakers, quote kinds, search hits, tags and boilerplate.

Speakers get colours per article (or per set of articles on screen together, as in
compare): the most quoted speaker the first colour, the next the second, so no two
speakers of an article share a colour while the palette lasts; beyond it colours repeat
and the initials in the margin and the status line tell speakers apart. The hues are
Okabe-Ito's (distinguishable with the common forms of colour blindness), in a light
set for dark themes and a dark set for light themes, each moved towards white or black
as far as needed for 4.5:1 contrast (WCAG AA) on the theme's background. Colour is never
the only cue: direct quotes are bold, partial italic, reported speech underlined.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rich.style import Style

from index.models import Quote

AA = 4.5  # WCAG AA contrast for normal text

# Okabe-Ito hues (orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple)
# and a violet, as light tints for dark backgrounds and dark shades for light ones.
DARK_PALETTE = ("#E69F00", "#56B4E9", "#2EC4A0", "#F0E442", "#8AB4FF", "#FF8F5E", "#E68FC4", "#C3A6FF")
LIGHT_PALETTE = ("#7F4C00", "#005B94", "#006349", "#5E5A00", "#2F4AC4", "#A33A0A", "#8E2F6E", "#6A3FB5")
NO_SPEAKER = {True: "#B8B8B8", False: "#4A4A4A"}  # quotes nobody was found for: grey, never dimmed
ANONYMOUS = "anonymous sources"


def _rgb(colour: str) -> tuple[int, int, int]:
    h = colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(rgb: Iterable[float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2)."""
    out = 0.0
    for c, weight in zip(_rgb(colour), (0.2126, 0.7152, 0.0722)):
        s = c / 255
        out += weight * (s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4)
    return out


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)))
    return (lb + 0.05) / (la + 0.05)


def readable(colour: str, background: str, ratio: float = AA) -> str:
    """`colour` moved towards white (on a dark background) or black (on a light one) just
    far enough to reach `ratio` against `background`."""
    if contrast(colour, background) >= ratio:
        return colour
    target = (255, 255, 255) if luminance(background) < 0.18 else (0, 0, 0)
    rgb = _rgb(colour)
    for step in range(1, 21):
        t = step / 20
        mixed = _hex(c + (g - c) * t for c, g in zip(rgb, target))
        if contrast(mixed, background) >= ratio:
            return mixed
    return _hex(target)


def _solid(colour: str | None, dark: bool) -> str:
    """A theme variable's value as #RRGGBB ('transparent' and 'ansi_*' stand for the
    terminal's own background: black or white as the theme says)."""
    if colour and colour.startswith("#") and len(colour) >= 7:
        return colour[:7].upper()
    return "#000000" if dark else "#FFFFFF"


@dataclass(frozen=True)
class Palette:
    """The speaker colours of one theme, each readable on every background given."""

    colours: tuple[str, ...]
    no_speaker: str
    dark: bool
    backgrounds: tuple[str, ...] = ()

    @classmethod
    def for_theme(cls, dark: bool, backgrounds: Sequence[str]) -> Palette:
        base = DARK_PALETTE if dark else LIGHT_PALETTE
        worst = max(backgrounds, key=luminance) if dark else min(backgrounds, key=luminance)
        return cls(
            tuple(readable(c, worst) for c in base),
            readable(NO_SPEAKER[dark], worst),
            dark,
            tuple(backgrounds),
        )

    @classmethod
    def for_variables(cls, dark: bool, variables: dict[str, str]) -> Palette:
        """From an app's CSS variables: readable on its surface, background and panel."""
        return cls.for_theme(dark, [_solid(variables.get(k), dark) for k in ("surface", "background", "panel")])


DEFAULT_PALETTE = Palette.for_theme(True, ["#1E1E1E", "#121212"])


def by_weight(quotes: Iterable[Quote]) -> list[str]:
    """Speakers of `quotes`, most quoted first (then by name): the order colours are given in."""
    counts = Counter(q.speaker for q in quotes if q.speaker and q.kind != "other")
    return sorted(counts, key=lambda s: (-counts[s], s))


@dataclass
class SpeakerColours:
    """One colour per speaker of the articles on screen, in the order given (most quoted
    first); colours repeat only once the palette is used up."""

    speakers: Sequence[str]
    palette: Palette = DEFAULT_PALETTE
    _index: dict[str, int] = field(init=False, default_factory=dict)
    _styles: dict[tuple[str | None, str], Style] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for s in self.speakers:
            self._index.setdefault(s, len(self._index))

    def colour(self, speaker: str | None) -> str:
        if not speaker:
            return self.palette.no_speaker
        i = self._index.get(speaker)
        if i is None:  # not known when the colours were given: the next free one
            i = self._index[speaker] = len(self._index)
        return self.palette.colours[i % len(self.palette.colours)]

    def distinct(self) -> bool:
        """Has every speaker a colour of its own?"""
        return len(self._index) <= len(self.palette.colours)

    def quote_style(self, speaker: str | None, kind: str) -> Style:
        key = (speaker, kind)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self._make(speaker, kind)
        return style

    def _make(self, speaker: str | None, kind: str) -> Style:
        colour = self.colour(speaker)
        if kind == "reported":
            return Style(underline=True, color=colour)
        if kind == "other":  # a title or scare quote: no speech, no speaker
            return Style(italic=True)
        # Text on the speaker's colour, black or white, whichever reads better.
        ink = "#000000" if contrast(colour, "#000000") >= contrast(colour, "#FFFFFF") else "#FFFFFF"
        return Style(bgcolor=colour, color=ink, bold=kind == "direct", italic=kind == "partial")

    def mark_style(self, speaker: str | None) -> Style:
        """The speaker's initials in the margin, and the square beside a name in a list."""
        return Style(color=self.colour(speaker), bold=True)


HIT = Style(bgcolor="#FFFF00", color="black", bold=True, underline=True)
CURRENT_HIT = Style(bgcolor="#FF00FF", color="white", bold=True)
# Tags draw over quotes without hiding them: a quote keeps its colour and gains a frame.
TAGGED = Style(overline=True, underline=True, bold=True)
SELECTION_HINT = Style(reverse=True)
BOILERPLATE = Style(dim=True, strike=True)
