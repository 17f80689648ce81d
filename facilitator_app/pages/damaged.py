"""The friendly page for a dialogue whose file cannot be used (`DialogueDamaged`), instead of an HTTP 500.

It names the file and, for the facilitator, what is wrong with it; it never shows a path of this machine.
The other dialogues keep working, and the page says so.
"""

from __future__ import annotations

from nicegui import ui

from ..i18n import t
from ..room import DialogueDamaged
from .theme import frame, heading

__all__ = ["DialogueDamaged", "damaged_page", "safe_reason"]


def safe_reason(reason: str) -> str:
    """The store's reason without anything that could be a path on this machine (defence in depth)."""
    return "" if "/" in reason or "\\" in reason else reason


def damaged_page(lang: str, slug: str, reason: str | None = None) -> None:
    """`reason` only for the facilitator; the projector and anyone else just get the plain words."""
    with frame(t(lang, "damaged.title"), lang):
        heading(t(lang, "damaged.title"))
        with ui.column().classes("wd-card w-full gap-2").mark("dialogue-damaged-page"):
            ui.label(t(lang, "damaged.text")).classes("text-lg wd-text")
            ui.label(t(lang, "damaged.help", file=f"{slug}.json")).classes("wd-text")
            shown = safe_reason(reason or "")
            if shown:
                ui.label(t(lang, "damaged.reason", reason=shown)).classes("wd-muted").mark("damaged-reason")
        ui.link(t(lang, "console.home"), "/")
