"""Planning the speaking order of the next round: move people up or down, or shuffle."""

from __future__ import annotations

from nicegui import ui

from rounds import FACILITATOR as F
from rounds import Round
from rounds.talking_piece import initial_order

from ..i18n import t
from ..room import Room
from .common import attempt
from .theme import heading


def planned(room: Room, rnd: Round) -> list[str]:
    return initial_order(room.dialogue, rnd, room.dialogue.rounds.index(rnd))


def order_planner(room: Room, lang: str, rnd: Round) -> None:
    labels = room.labels(lang)
    order = planned(room, rnd)
    with ui.column().classes("w-full wd-card gap-1").mark("order-planner"):
        heading(t(lang, "console.planned_order", title=rnd.title), 3)
        ui.label(t(lang, "console.planned_order_hint")).classes("wd-muted")
        for index, pid in enumerate(order):
            with ui.row().classes("items-center gap-2 no-wrap"):
                ui.label(f"{index + 1}. {labels.get(pid, '?')}").classes("wd-text").style("min-width: 12em")

                ui.button(icon="arrow_upward", on_click=lambda p=pid: attempt(
                    lang, room.move_in_order(F, rnd.id, p, -1))).props(
                    f'flat dense aria-label="{t(lang, "console.up")}"').set_enabled(index > 0)
                ui.button(icon="arrow_downward", on_click=lambda p=pid: attempt(
                    lang, room.move_in_order(F, rnd.id, p, 1))).props(
                    f'flat dense aria-label="{t(lang, "console.down")}"').set_enabled(index < len(order) - 1)
        ui.button(t(lang, "console.shuffle"), icon="shuffle", on_click=lambda: attempt(
            lang, room.shuffle_order(F, rnd.id))).props("outline").mark("shuffle")
