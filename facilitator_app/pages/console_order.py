"""Planning the speaking order of the next round: move people up or down, or shuffle."""

from __future__ import annotations

import random

from nicegui import ui

from rounds import FACILITATOR as F
from rounds import Round
from rounds.preparation import plan_round_order, shuffle_round_order
from rounds.talking_piece import initial_order

from ..i18n import t
from ..room import Room
from .common import attempt, person_labels
from .theme import heading


def planned(room: Room, rnd: Round) -> list[str]:
    return initial_order(room.dialogue, rnd, room.dialogue.rounds.index(rnd))


def order_planner(room: Room, lang: str, rnd: Round) -> None:
    labels = person_labels(room.dialogue, lang)
    order = planned(room, rnd)
    with ui.column().classes("w-full wd-card gap-1").mark("order-planner"):
        heading(t(lang, "console.planned_order", title=rnd.title), 3)
        ui.label(t(lang, "console.planned_order_hint")).classes("wd-muted")
        for index, pid in enumerate(order):
            with ui.row().classes("items-center gap-2 no-wrap"):
                ui.label(f"{index + 1}. {labels.get(pid, '?')}").classes("wd-text").style("min-width: 12em")

                async def move(i: int = index, step: int = -1) -> None:
                    new = list(order)
                    j = i + step
                    if 0 <= j < len(new):
                        new[i], new[j] = new[j], new[i]
                        await attempt(lang, room.apply("prepare", lambda d, now: plan_round_order(d, F, rnd.id, new),
                                                       every_round=True))

                ui.button(icon="arrow_upward", on_click=lambda i=index: move(i, -1)).props(
                    f'flat dense aria-label="{t(lang, "console.up")}"').set_enabled(index > 0)
                ui.button(icon="arrow_downward", on_click=lambda i=index: move(i, 1)).props(
                    f'flat dense aria-label="{t(lang, "console.down")}"').set_enabled(index < len(order) - 1)
        ui.button(t(lang, "console.shuffle"), icon="shuffle", on_click=lambda: attempt(lang, room.apply(
            "prepare", lambda d, now: shuffle_round_order(d, F, rnd.id, random.Random()), every_round=True))
        ).props("outline").mark("shuffle")
