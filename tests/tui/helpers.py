"""What a person would see: the screen's text, read off the compositor."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


async def wait_for(pilot, predicate, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Pause until `predicate()` is true; fail with the screen's text if it never is."""
    waited = 0.0
    while not predicate():
        if waited >= timeout:
            raise AssertionError("timed out; the screen shows:\n" + screen_text(pilot.app))
        await pilot.pause(0.05)
        waited += 0.05
