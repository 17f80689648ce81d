"""Planning the speaking order of the next round: move people up or down, or shuffle.

The list is drawn once and then changes in place: while 200 phones join at the door, each join used to
build all rows again (42 % of the server's CPU per join, BENCHMARKS.md, issue 10). Now rows only change
their text, new rows are added at the end, and a burst of joins is shown a few times a second.
"""

from __future__ import annotations

from nicegui import ui

from rounds import FACILITATOR as F
from rounds import Round
from rounds.talking_piece import initial_order

from ..i18n import t
from ..room import Room
from .common import Coalesced, attempt
from .theme import heading


def planned(room: Room, rnd: Round) -> list[str]:
    return initial_order(room.dialogue, rnd, room.dialogue.rounds.index(rnd))


class PlannedRow:
    """One place in the order. The person in it changes (each round starts one seat further), the row stays."""

    def __init__(self, planner: OrderPlanner, place: int, pid: str, name: str, last: bool) -> None:
        # Made with its first texts and states: setting them afterwards costs each element a second update.
        self.pid = pid
        with ui.row().classes("items-center gap-2 no-wrap") as self.element:
            self.label = ui.label(self.text(place, name)).classes("wd-text").style("min-width: 12em")
            self.up = ui.button(icon="arrow_upward", on_click=lambda: planner.move(self.pid, -1)).props(
                "flat dense").mark("order-up")
            self.down = ui.button(icon="arrow_downward", on_click=lambda: planner.move(self.pid, 1)).props(
                "flat dense").mark("order-down")
        self.up.props["aria-label"], self.down.props["aria-label"] = planner.up_label, planner.down_label
        self.up.enabled, self.down.enabled = place > 0, not last

    @staticmethod
    def text(place: int, name: str) -> str:
        return f"{place + 1}. {name}"

    def show(self, place: int, pid: str, name: str, last: bool) -> None:
        self.pid = pid
        self.label.set_text(self.text(place, name))
        self.up.set_enabled(place > 0)
        self.down.set_enabled(not last)


class OrderPlanner:
    """The planned order of one pending round on the console.

    `refresh()` brings it up to date in place, so it can stand where a `ui.refreshable` of the whole list
    stood: people who join before or between rounds belong in the next round's order.
    """

    def __init__(self, room: Room, lang: str, rnd: Round) -> None:
        self.room, self.lang, self.round_id = room, lang, rnd.id
        self.up_label, self.down_label = t(lang, "console.up"), t(lang, "console.down")
        self.rows: list[PlannedRow] = []
        with ui.column().classes("w-full wd-card gap-1").mark("order-planner") as self.element:
            heading(t(lang, "console.planned_order", title=rnd.title), 3)
            ui.label(t(lang, "console.planned_order_hint")).classes("wd-muted")
            self.rows_box = ui.column().classes("w-full gap-1")
            ui.button(t(lang, "console.shuffle"), icon="shuffle", on_click=lambda: attempt(
                lang, room.shuffle_order(F, self.round_id))).props("outline").mark("shuffle")
        self._later = Coalesced(self.sync)
        self.sync()

    def refresh(self) -> None:
        """Bring the list up to date soon; a burst of joins is shown a few times a second."""
        self._later()

    def sync(self) -> None:
        rnd = next((r for r in self.room.dialogue.rounds if r.id == self.round_id), None)
        if self.element.is_deleted or rnd is None:  # the console has moved on; its body draws anew
            return
        order = planned(self.room, rnd)
        labels = self.room.labels(self.lang)
        while len(self.rows) > len(order):
            self.rows.pop().element.delete()
        last = len(order) - 1
        for place, (row, pid) in enumerate(zip(self.rows, order, strict=False)):
            row.show(place, pid, labels.get(pid, "?"), last=place == last)
        with self.rows_box:
            self.rows += [PlannedRow(self, place, order[place], labels.get(order[place], "?"), last=place == last)
                          for place in range(len(self.rows), len(order))]

    async def move(self, pid: str, step: int) -> None:
        await attempt(self.lang, self.room.move_in_order(F, self.round_id, pid, step))
