"""The console after the last round: a short summary and the harvest downloads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

from rounds.talking_piece import states

from ..i18n import names_list, t
from ..room import Room
from .common import person_labels
from .theme import heading

if TYPE_CHECKING:
    from ..app import AppState


def export_panel(state: AppState, room: Room, lang: str) -> None:
    dialogue = room.dialogue
    labels = person_labels(dialogue, lang)
    with ui.column().classes("w-full wd-card gap-2").mark("finished"):
        heading(t(lang, "console.finished"), 2)
        for index, rnd in enumerate(dialogue.rounds, start=1):
            if rnd.override is not None:
                who = names_list(lang, [labels.get(p, "?") for p in rnd.override.not_heard])
                line = t(lang, "console.round_override", n=index, title=rnd.title, reason=rnd.override.reason,
                         names=who or "-")
            else:
                spoke = sum(1 for s in states(dialogue, rnd).values() if s == "spoke")
                line = t(lang, "console.round_heard", n=index, title=rnd.title, count=spoke)
            ui.label(line).classes("wd-text")
