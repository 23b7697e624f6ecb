"""The running app and its library, typed, for screens and widgets.

Textual types `self.app` as a plain `App`; screens reached `self.app.library` through a
`type: ignore` each time. As posting (darrenburns/posting) does, one `cast` here says
what the app is, and everything else is checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode

from .styles import Palette

if TYPE_CHECKING:
    from index.library import Library

    from .app import QuotewireApp


class AppAccess:
    """Mixed into screens and widgets: `self.qw` is the app, `self.library` its library."""

    @property
    def qw(self) -> QuotewireApp:
        return cast("QuotewireApp", cast(DOMNode, self).app)

    @property
    def library(self) -> Library:
        return self.qw.library

    def palette(self) -> Palette:
        """Speaker colours readable on the current theme."""
        return self.qw.palette()
